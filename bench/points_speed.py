"""Speed of facts and disagreements per article on reused parses, before and after in one run.

Usage: .venv/bin/python bench/points_speed.py [--sizes 300,1000,3000] [--before WORKTREE] [--repeat 1]

The Multi-News validation documents (690) are parsed once (cached in ``PARSE_CACHE``); past 690,
documents are re-used with a marker sentence appended (as ``bench/throughput.py`` does), and the
parse of the original is re-used for the copy (the appended sentence carries no figure, and every
offset of the original holds in the copy), so parsing is paid once. Entities are one per distinct
spaCy entity text (their mentions are what ``extract_facts`` indexes); reuse comes from
``find_reuse`` (not timed). Each package (this checkout and ``--before``) runs in its own
process; the table gives ms per article of ``extract_facts`` and ``find_disagreements`` and a
hash of the points, so identical output shows as identical hashes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if not os.environ.get("PYTHONPATH"):
    sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data" / "multinews_val250.jsonl"
PARSE_CACHE = Path("/tmp/newsdossier-bench-points-speed-parses.sqlite")


def _corpus(n: int) -> tuple[list[Any], dict[str, Any], list[Any]]:
    from newsdossier import nlp
    from newsdossier.model import Article, Entity, EntityKind
    from newsdossier.store import Store

    base = []
    for line in DATA.open(encoding="utf-8"):
        base.extend(d for d in json.loads(line)["documents"] if d.strip())
    originals = [Article.create(t, f"mn#{i}", outlet=f"outlet {i}") for i, t in enumerate(base)]
    store = Store(str(PARSE_CACHE))
    try:
        parses = nlp.parse(originals[:n], cache=store)
        docs = {a.id: parses[a.id] for a in originals[:n]}
    finally:
        store.close()
    arts = list(originals[:n])
    k = 1
    while len(arts) < n:
        for o in originals[: n - len(arts)]:
            a = Article.create(f"{o.text}\n\nRepublished copy {k}.", f"{o.source}/copy{k}", outlet=f"{o.outlet} copy {k}")
            docs[a.id] = docs[o.id]
            arts.append(a)
        k += 1
    by_name: dict[tuple[str, str], list[Any]] = {}
    for a in arts:
        for e in docs[a.id].ents:
            by_name.setdefault((e.label_, e.text), []).append(a.span(e.start_char, e.end_char))
    ents = []
    for i, ((label, name), spans) in enumerate(by_name.items()):
        try:
            kind = EntityKind.of(label)
        except ValueError:
            kind = EntityKind.OTHER
        ents.append(Entity(id=f"e{i}", name=name, kind=kind, mentions=tuple(spans)))
    return arts, docs, ents


def child(n: int, repeat: int) -> dict[str, Any]:
    from newsdossier.analysis.disagreements import find_disagreements
    from newsdossier.analysis.numbers import extract_facts
    from newsdossier.analysis.reuse import find_reuse

    arts, docs, ents = _corpus(n)
    reuse = find_reuse(arts)
    best_f = best_d = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        facts = extract_facts(arts, docs, ents)
        t1 = time.perf_counter()
        dis = find_disagreements([], facts, arts, reuse=reuse)
        t2 = time.perf_counter()
        best_f, best_d = min(best_f, t1 - t0), min(best_d, t2 - t1)
    body = json.dumps([(d.status, round(d.confidence, 6), d.independent,
                        [(s.article, s.start, s.end) for side in d.sides for s in side.spans]) for d in dis])
    return {"n": n, "facts": len(facts), "points": len(dis), "reuse": len(reuse),
            "facts_ms": 1000 * best_f / n, "dis_ms": 1000 * best_d / n,
            "hash": hashlib.sha1(body.encode()).hexdigest()[:10]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="300,1000")
    ap.add_argument("--before", type=Path, default=None)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--child", type=int, default=None)
    args = ap.parse_args(argv)
    if args.child is not None:
        print(json.dumps(child(args.child, args.repeat)))
        return 0
    systems = ([("before", args.before)] if args.before else []) + [("after", ROOT)]
    print("| system | articles | facts | points | reuse | facts ms/article | disagreements ms/article | points hash |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for n in (int(s) for s in args.sizes.split(",")):
        for name, tree in systems:
            env = dict(os.environ, PYTHONPATH=str(tree))
            res = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", str(n), "--repeat",
                                  str(args.repeat)], cwd=str(tree), env=env, capture_output=True, text=True, check=True)
            r = json.loads(res.stdout.strip().splitlines()[-1])
            print(f"| {name} | {r['n']} | {r['facts']} | {r['points']} | {r['reuse']} | {r['facts_ms']:.1f} | "
                  f"{r['dis_ms']:.1f} | {r['hash']} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
