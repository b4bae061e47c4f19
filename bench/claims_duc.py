"""Points and verdicts of big stories: hand-labelled DUC 2007 main clusters (25 dated articles each).

Usage: .venv/bin/python bench/claims_duc.py [--before WORKTREE] [--split dev|heldout|check|check2|mn-check|all]
       [--splits dev,heldout,...] [--errors]

Clusters (fixed by :func:`chosen_clusters`): the DUC 2007 main cluster ids of
../shared/data/duc2007_main.jsonl, sorted, without the three already used to tune verdicts and
the timeline (``EXCLUDED``), shuffled with ``random.Random(SEED)``; the first ``DEV`` are dev,
the next ``HELDOUT`` held-out, the next ``CHECK`` check and the 8 left check2 (2026-12-04); ``mn-check`` is 13
Multi-News validation clusters no file names (:func:`multinews_check`). Each cluster is built as a dossier would be (articles dated as
``bench/stories.py: load_duc`` reads them; the registered analyses up to ``disagreements``) and
every point the "Where sources agree / disagree" section lists, and every verdict, is scored.

Labels: ``bench/gold/claims_duc.json`` (rules in that file and in docs/benchmarks/claims.md).
A point is keyed by :func:`point_key` (the sorted statement ids: article-text hash and offsets),
a verdict by ``bench/verdicts.py: claim_key``; no article text is stored. Point labels: ``real``
(the outlets state the same thing and the status is right), ``wrong_status`` (the same thing,
but agree/compatible/contradict is wrong), ``not_a_point`` (different things grouped) and
``copies`` (only wire copies of one text: no corroboration nor contradiction between outlets).
An unlabelled point is counted as such (never right or wrong).

``--before WORKTREE`` runs the same clusters with another checkout's package (the branch point)
in a subprocess, so before and after are scored on the same labels in the same run.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if not os.environ.get("PYTHONPATH"):
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

GOLD = ROOT / "bench" / "gold" / "claims_duc.json"
DUC = ROOT.parent / "shared" / "data" / "duc2007_main.jsonl"
PARSE_CACHE = Path("/tmp/newsdossier-bench-verdicts-parses.sqlite")
SEED = 20261202
EXCLUDED = ("D0707B", "D0716D", "D0720E")
DEV, HELDOUT, CHECK = 4, 4, 4  # check, check2: labelled 2026-12-04 with f76aeb6, before that day's changes
CONTESTED = ("contradict", "update")
MULTINEWS = ROOT.parent / "shared" / "data" / "multinews_val250.jsonl"
MN_SEED, MN_CHECK = 20261204, 20
SPLITS = ("dev", "heldout", "check", "check2", "mn-check")


def chosen_clusters() -> list[tuple[str, str]]:
    """Return (cluster id, split) for the benched DUC clusters, in a fixed seeded order.

    ``check`` is the next ``CHECK`` ids of the same order (added 2026-12-04, none named for points
    by any file), ``check2`` the 8 left (added the same day, before any change, because check
    listed no contested point; 5 of them are in ``bench/verdicts.py``'s DUC splits, whose claims,
    not points, were labelled); ``mn-check`` is :func:`multinews_check`.
    """
    with DUC.open(encoding="utf-8") as fh:
        ids = sorted(json.loads(line)["id"] for line in fh)
    ids = [i for i in ids if i not in EXCLUDED]
    random.Random(SEED).shuffle(ids)
    out = [(i, "dev") for i in ids[:DEV]] + [(i, "heldout") for i in ids[DEV:DEV + HELDOUT]]
    out += [(i, "check") for i in ids[DEV + HELDOUT:DEV + HELDOUT + CHECK]]
    out += [(i, "check2") for i in ids[DEV + HELDOUT + CHECK:]]  # the rest: check listed no contested point
    return out + [(i, "mn-check") for i in multinews_check()]


def multinews_check() -> list[str]:
    """Multi-News validation clusters with 3+ non-empty documents that no file of the project names.

    Drawn 2026-12-04: clusters named by id anywhere under bench/, tests/, docs/ (the gold files of
    points, facts, verdicts, summaries ...), the 34 of ``bench/verdicts.py`` and clusters 100-159
    (read in verdict and figure regression checks) are left out; the rest is shuffled with
    ``random.Random(MN_SEED)`` and the first ``MN_CHECK`` kept (13 were left: all of them). The
    list is fixed here so later files naming them do not change it.
    """
    return list(MN_CHECK_IDS[:MN_CHECK])


MN_CHECK_IDS = tuple(f"multinews-validation-sample42-{n}" for n in (
    "072", "098", "243", "202", "209", "191", "169", "096", "052", "168", "051", "170", "218"))


def text_id(text: str) -> str:
    """The stable id of an article text: ``sha1(text)[:12]``."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def point_key(stmts: Sequence[tuple[str, int, int]]) -> str:
    """The stable id of a point: a hash of its sorted statements (article-text id, start, end)."""
    body = ";".join(f"{a}:{s}:{e}" for a, s, e in sorted(stmts))
    return hashlib.sha1(body.encode("utf-8")).hexdigest()[:16]


def _clusters(wanted: Mapping[str, str]) -> Any:
    """Yield (cluster id, articles) of the wanted DUC and Multi-News clusters."""
    from stories import load_duc

    from newsdossier.batch import cluster_articles

    if any(sp != "mn-check" for sp in wanted.values()):
        for cid, arts in load_duc(DUC):
            if cid in wanted:
                yield cid, arts
    if "mn-check" in wanted.values():
        with MULTINEWS.open(encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                if row["id"] in wanted:
                    yield row["id"], list(cluster_articles({"documents": row["documents"]}, f"mn{row['id']}").articles)


def dump(with_text: bool = True, cache: Path = PARSE_CACHE,
         on_dossier: Callable[[str, Any], None] | None = None,
         splits: Sequence[str] = SPLITS) -> dict[str, Any]:
    """Build every benched cluster of ``splits`` with the imported package; return its points, verdicts, timings.

    ``on_dossier(cluster id, dossier)`` is called with each built dossier (the tests check the
    bounded comparison against the all-pairs one there).
    """
    from verdicts import claim_key

    from newsdossier.pipeline import Options, dossier_from_articles
    from newsdossier.store import Store

    wanted = {cid: sp for cid, sp in chosen_clusters() if sp in splits}
    store = Store(str(cache))
    points: list[dict[str, Any]] = []
    claims: list[dict[str, Any]] = []
    timings: Counter[str] = Counter()
    n_articles = 0
    try:
        for cid, arts in _clusters(wanted):
            dossier = dossier_from_articles(arts, options=Options(only=("disagreements",)), store=store)
            n_articles += len(dossier.articles)
            if on_dossier is not None:
                on_dossier(cid, dossier)
            for k, v in (getattr(dossier, "timings", None) or {}).items():
                timings[k] += float(v)
            by_id = {a.id: a for a in dossier.articles}
            tid = {a.id: text_id(a.text) for a in dossier.articles}
            names = {e.id: e.name for e in dossier.entities}
            for d in dossier.disagreements:
                stmts = [(tid[s.article], s.start, s.end) for side in d.sides for s in side.spans]
                row: dict[str, Any] = {
                    "key": point_key(stmts), "cluster": cid, "split": wanted[cid], "kind": d.kind,
                    "status": str(d.status), "confidence": d.confidence, "point": d.point,
                    "statements": [{"article": a, "start": s, "end": e} for a, s, e in stmts],
                }
                if with_text:
                    row["sides"] = [{"position": side.position, "outlets": list(side.outlets),
                                     "texts": [_context(by_id[s.article].text, s.start, s.end) for s in side.spans]}
                                    for side in d.sides]
                points.append(row)
            for c in dossier.claims:
                art = by_id[c.span.article]
                crow: dict[str, Any] = {
                    "key": claim_key(art.text, c.span.start, c.span.end, c.target_name, c.question),
                    "cluster": cid, "split": wanted[cid], "target": names.get(c.target, c.target),
                    "polarity": c.polarity, "question": c.question, "holder": c.holder.name,
                    "confidence": c.confidence,
                }
                if with_text:
                    crow["sentence"] = art.text[c.span.start:c.span.end]
                claims.append(crow)
    finally:
        store.close()
    return {"points": points, "claims": claims, "articles": n_articles, "timings": dict(timings)}


def _context(text: str, start: int, end: int) -> str:
    lo = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start) + 1, 0)
    hi_candidates = [i for i in (text.find("\n", end), text.find(". ", end)) if i >= 0]
    hi = min(hi_candidates) + 1 if hi_candidates else len(text)
    return (text[lo:start] + "[[" + text[start:end] + "]]" + text[end:hi]).strip().replace("\n", " ")


def _run(worktree: Path | None, splits: Sequence[str] = SPLITS) -> dict[str, Any]:
    if worktree is None:
        return dump(splits=splits)
    env = dict(os.environ, PYTHONPATH=str(worktree))
    res = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--dump", "--splits", ",".join(splits)],
                         cwd=str(worktree),
                         env=env, capture_output=True, text=True, check=True)
    return dict(json.loads(res.stdout))


def score(run: Mapping[str, Any], gold: Mapping[str, Any], split: str) -> dict[str, Any]:
    """Return point and verdict precision for one split.

    Points: per listed group (contested, compatible, agree) how many are listed and labelled and
    the share labelled ``real``; ``wrong shown sure``: wrong points at confidence >= 0.6.
    Verdicts: the share of labelled ones fully right (as ``bench/verdicts.py``).
    """
    plab = gold.get("points", {})
    vlab = gold.get("verdicts", {})
    out: dict[str, Any] = {}
    pts = [p for p in run["points"] if split in ("all", p["split"])]
    for group in ("contested", "compatible", "agree"):
        rows = [p for p in pts if (p["status"] in CONTESTED if group == "contested" else p["status"] == group)]
        lab = [plab[p["key"]] for p in rows if p["key"] in plab]
        right = sum(1 for lb in lab if lb["label"] == "real")
        out[group] = (len(rows), len(lab), right)
    wrong_sure = [p for p in pts if p["key"] in plab and plab[p["key"]]["label"] != "real" and p["confidence"] >= 0.6]
    out["wrong_sure"] = len(wrong_sure)
    out["wrong_contested_sure"] = sum(1 for p in wrong_sure if p["status"] in CONTESTED)
    out["real_sure"] = sum(1 for p in pts if p["key"] in plab and plab[p["key"]]["label"] == "real"
                           and p["confidence"] >= 0.6)
    cl = [c for c in run["claims"] if split in ("all", c["split"])]
    vl = [vlab[c["key"]] for c in cl if c["key"] in vlab]
    out["verdicts"] = (len(cl), len(vl), sum(1 for lb in vl if lb["full"]))
    out["verdicts_wrong_sure"] = sum(1 for c in cl if c["key"] in vlab and not vlab[c["key"]]["full"]
                                     and c["confidence"] >= 0.6)
    return out


def _p(t: tuple[int, int, int]) -> str:
    return f"{t[2] / t[1]:.3f}" if t[1] else "n/a"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dump", action="store_true", help="print points and verdicts as JSON (with text; not stored)")
    ap.add_argument("--before", type=Path, default=None, help="a checkout of the branch point, scored in the same run")
    ap.add_argument("--split", choices=(*SPLITS, "all"), default=None)
    ap.add_argument("--splits", default=",".join(SPLITS), help="the splits to build (comma-separated)")
    ap.add_argument("--errors", action="store_true", help="list wrong and unlabelled points and verdicts")
    args = ap.parse_args(argv)
    build = tuple(args.split.split(",")) if args.split not in (None, "all") else tuple(args.splits.split(","))
    if args.dump:
        json.dump(dump(splits=build), sys.stdout)
        return 0
    gold = json.loads(GOLD.read_text(encoding="utf-8")) if GOLD.exists() else {}
    systems = []
    if args.before is not None:
        t0 = time.perf_counter()
        systems.append(("before (" + args.before.name + ")", _run(args.before, build), time.perf_counter() - t0))
    t0 = time.perf_counter()
    systems.append(("after (this checkout)", _run(None, build), time.perf_counter() - t0))
    splits = [args.split] if args.split else [*[sp for sp in SPLITS if sp in build], "all"]
    print("| system | split | contested listed/labelled/P | compatible | agree | wrong shown sure (contested) "
          "| real shown sure | verdicts listed/labelled/fully right P | verdicts wrong sure |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, run, _sec in systems:
        for sp in splits:
            s = score(run, gold, sp)
            cells = [f"{s[g][0]}/{s[g][1]}/{_p(s[g])}" for g in ("contested", "compatible", "agree")]
            print(f"| {name} | {sp} | " + " | ".join(cells) + f" | {s['wrong_sure']} ({s['wrong_contested_sure']}) | {s['real_sure']} | "
                  f"{s['verdicts'][0]}/{s['verdicts'][1]}/{_p(s['verdicts'])} | {s['verdicts_wrong_sure']} |")
    if args.errors:
        _name, run, _sec = systems[-1]
        plab, vlab = gold.get("points", {}), gold.get("verdicts", {})
        for p in run["points"]:
            lb = plab.get(p["key"])
            if lb is not None and lb["label"] == "real":
                continue
            print(f"\n[{lb['label'] if lb else '??'}] {p['key']} {p['split']} {p['cluster']} {p['status']} "
                  f"{p['confidence']} | {p['point']}")
            for side in p.get("sides", []):
                for t in side["texts"][:3]:
                    print(f"    {side['position']} | {side['outlets'][:3]} | {t[:300]}")
        for c in run["claims"]:
            vb = vlab.get(c["key"])
            if vb is not None and vb["full"]:
                continue
            print(f"\n[verdict {'??' if vb is None else 'wrong'}] {c['key']} {c['cluster']} | {c['target']} | "
                  f"{c['polarity']} | {c['holder']} | {c['confidence']}\n    {c.get('sentence', '')[:300]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
