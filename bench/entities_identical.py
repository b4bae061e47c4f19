"""Check that the entities stage gives byte-identical output to another revision (for speed work).

Usage: .venv/bin/python bench/entities_identical.py [--against REF] [--cache STORE] [--throughput N]
                                                     [--mixed N] [--dump PATH]

Runs :func:`newsdossier.analysis.entities.resolve_entities` on a fixed set of inputs and serialises
every entity (all fields: name, kind, aliases, mention and role spans, merge log with confidences,
salience, related, confidence, story, same_as) as sorted-key JSON, one line per input:

* the clusters bench/entities.py reads: the dev gold, the hand-labelled set and ``--throughput`` (30)
  further Multi-News validation clusters, one call each;
* the three DUC 2007 clusters of bench/gold/entities_duc2007.json;
* a mixed folder (the first article of ``--mixed`` (40) other stories) resolved as one story, per true
  story (``story_of``), and with ``drop_junk=False``;
* the first cluster again with user rules (a must-link and a cannot-link between names it has);
* with ``--big N``, the first N documents of the sample as one input (one call, as a build of N articles).

``--against REF`` (default ``main``) extracts ``newsdossier/`` of the git revision REF into a
temporary folder, runs the same inputs there in a child process, and compares the two dumps byte
for byte: it prints the inputs that differ (with the first differing entity) and exits 1 if any
does. Both sides read the same parses (``--cache``: a corpus store kept between runs).
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("NEWSDOSSIER_DATA", HERE.parent.parent / "shared" / "data"))


def _inputs(throughput: int, mixed_n: int, big: int = 0) -> list[tuple[str, list, dict]]:
    """(label, articles, keyword arguments of resolve_entities) of every input, in a fixed order."""
    from newsdossier.ingest import articles_from_raw
    from newsdossier.ingest.records import RawDoc

    gold = json.loads((HERE / "gold" / "entities_gold.json").read_text(encoding="utf-8"))["clusters"]
    hand = json.loads((HERE / "gold" / "entities_handlabels.json").read_text(encoding="utf-8"))["clusters"]
    duc = json.loads((HERE / "gold" / "entities_duc2007.json").read_text(encoding="utf-8"))["clusters"]
    wanted = [c["id"] for c in gold] + [c["id"] for c in hand]
    rows: dict[str, list] = {}
    mixed: list = []
    story: dict[str, str] = {}
    others = 0
    with (DATA_DIR / "multinews_val250.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["id"] in wanted or others < throughput:
                others += row["id"] not in wanted
                rows[row["id"]] = articles_from_raw(
                    [RawDoc(f"{row['id']}#{i}", d) for i, d in enumerate(row["documents"])]).articles
            elif len(mixed) < mixed_n:
                got = articles_from_raw([RawDoc(f"{row['id']}#0", row["documents"][0])]).articles
                if got:
                    mixed.append(got[0])
                    story[got[0].id] = row["id"]
    out: list[tuple[str, list, dict]] = [(cid, arts, {}) for cid, arts in rows.items()]
    duc_rows = (DATA_DIR / "duc2007_main.jsonl").read_text(encoding="utf-8").splitlines()
    for g in duc:
        row = json.loads(duc_rows[g["row"]])
        out.append((row["id"], articles_from_raw(
            [RawDoc(f"{row['id']}#{i}", d) for i, d in enumerate(row["documents"])]).articles, {}))
    if mixed:
        out.append(("mixed", mixed, {}))
        out.append(("mixed, story_of", mixed, {"story_of": story}))
        out.append(("mixed, drop_junk=False", mixed, {"junk": True}))
    if big:  # the first ``big`` documents of the sample as one input, as a build of that many articles resolves them
        texts = [d for line in (DATA_DIR / "multinews_val250.jsonl").open(encoding="utf-8")
                 for d in json.loads(line)["documents"]][:big]
        out.append((f"{big} documents", articles_from_raw([RawDoc(str(i), t) for i, t in enumerate(texts)]).articles, {}))
    return out


def dump(path: Path, cache: Path | None, throughput: int, mixed_n: int, big: int = 0) -> None:
    """Write one JSON line per input: its label and its serialised entities."""
    from newsdossier import nlp
    from newsdossier.analysis.entities import EntitiesConfig, EntityRules, resolve_entities
    from newsdossier.store import Store

    inputs = _inputs(throughput, mixed_n, big)
    arts = list({a.id: a for _, group, _ in inputs for a in group}.values())
    docs = nlp.parse(arts, cache=Store(cache) if cache else None)
    with path.open("w", encoding="utf-8") as fh:
        for n, (label, group, kwargs) in enumerate(inputs):
            if kwargs.pop("junk", False):
                kwargs["config"] = EntitiesConfig(drop_junk=False)
            ents = resolve_entities(group, docs, **kwargs)
            fh.write(json.dumps({"input": label, "entities": [dataclasses.asdict(e) for e in ents]},
                                sort_keys=True, ensure_ascii=False, default=str) + "\n")
            if n == 0 and len(ents) >= 3:  # user rules on the first input: names it has
                rules = EntityRules(must_link=((ents[0].name, ents[1].name),),
                                    cannot_link=((ents[0].name, ents[2].name),))
                ruled = resolve_entities(group, docs, rules)
                fh.write(json.dumps({"input": f"{label}, rules", "entities": [dataclasses.asdict(e) for e in ruled]},
                                    sort_keys=True, ensure_ascii=False, default=str) + "\n")


def compare(a: Path, b: Path) -> list[str]:
    """Return a description of every input whose line differs between the dumps ``a`` and ``b``."""
    la, lb = a.read_text(encoding="utf-8").splitlines(), b.read_text(encoding="utf-8").splitlines()
    out = []
    if len(la) != len(lb):
        out.append(f"{len(la)} inputs against {len(lb)}")
    for x, y in zip(la, lb):
        if x == y:
            continue
        jx, jy = json.loads(x), json.loads(y)
        first = next((f"entity {i}: {ex!r:.300} / {ey!r:.300}" for i, (ex, ey) in
                      enumerate(zip(jx["entities"], jy["entities"])) if ex != ey),
                     f"{len(jx['entities'])} entities against {len(jy['entities'])}")
        out.append(f"{jx['input']}: {first}")
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--against", default="main", help="the git revision to compare with")
    ap.add_argument("--cache", type=Path, default=None, help="a corpus store to read and keep the parses in")
    ap.add_argument("--throughput", type=int, default=30, help="further Multi-News clusters")
    ap.add_argument("--mixed", type=int, default=40, help="stories in the mixed folder (0 = none)")
    ap.add_argument("--big", type=int, default=0, help="also the first N documents of the sample as one input")
    ap.add_argument("--dump", type=Path, default=None, help="only write this revision's dump to PATH")
    args = ap.parse_args(argv)
    sizes = ["--throughput", str(args.throughput), "--mixed", str(args.mixed), "--big", str(args.big)]
    cache = ["--cache", str(args.cache.resolve())] if args.cache else []
    if args.dump:
        dump(args.dump, args.cache, args.throughput, args.mixed, args.big)
        return 0
    repo = HERE.parent
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base"
        base.mkdir()
        archive = subprocess.run(["git", "-C", str(repo), "archive", args.against, "newsdossier"],
                                 check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(base)], input=archive, check=True)
        (base / "bench").mkdir()
        (base / "bench" / "gold").symlink_to(HERE / "gold")
        script = base / "bench" / Path(__file__).name
        script.write_text(Path(__file__).read_text(encoding="utf-8"), encoding="utf-8")
        env = {**os.environ, "NEWSDOSSIER_DATA": str(DATA_DIR)}
        dumps = {}
        for side, root in (("against", base), ("this", repo)):
            dumps[side] = Path(tmp) / f"{side}.jsonl"
            subprocess.run([sys.executable, str(root / "bench" / Path(__file__).name), "--dump", str(dumps[side]),
                            *sizes, *cache], check=True, env={**env, "PYTHONPATH": str(root)}, cwd=root)
        diffs = compare(dumps["against"], dumps["this"])
        digest = hashlib.sha256(dumps["this"].read_bytes()).hexdigest()[:16]
        n = len(dumps["this"].read_text(encoding="utf-8").splitlines())
    for d in diffs:
        print("DIFFERS", d)
    print(f"{n} inputs, {'identical' if not diffs else f'{len(diffs)} differ'} to {args.against} "
          f"(sha256 of the dump {digest})")
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
