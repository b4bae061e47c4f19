"""Real contradictions between sources: a hand-read set, and what the points finder lists of it.

Usage: .venv/bin/python bench/claims_contra.py [--before WORKTREE] [--split mn|duc|check2|all] [--list]

Clusters (fixed here, 2026-12-04, second session): ``mn`` is the 60 Multi-News validation clusters of 2+
documents that no file of the project names by id (not the 13 of ``claims_duc.py: multinews_check``, not
clusters 100-159); ``duc`` the three DUC 2007 main clusters that no points label file covers (D0707B,
D0716D, D0720E: ``claims_duc.py`` leaves them out; verdicts and the timeline used them); ``check2`` the
8 DUC clusters of ``claims_duc.py``'s check2 split, whose listed *agree* points were labelled but which
nobody had read for contradictions; ``tuned`` 7 DUC clusters of ``claims_duc.py``'s dev and held-out (its
points rules were tuned on them; their contradictions were read after the first change of this set,
``about_tuned``). Each is built as a dossier (the registered analyses up to
``disagreements``, reuse and entities on, as ``claims_duc.py``).

Labels (``bench/gold/claims_contra.json``): *items*, each two sides of statements (article-text hash
and the figure's offsets, no text), found by reading candidate pairs (figures of one dimension and unit
in two articles whose sentences share words, values apart) and the articles around them, labelled
``contradict`` (the same quantity of the same thing at the same time, stated differently by outlets
that do not copy each other), ``copies`` (a discrepancy between versions of one wire text) or
``compatible`` (a different time, a growing figure, rounding, a part and its whole, a conversion at
another date). A listed contested point (contradict or update) *finds* an item when statements of both
sides are on different sides of the point; it is *right* when it finds a ``contradict`` item, wrong when
it finds another item, unlabelled otherwise. Sure: confidence >= 0.6.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if not os.environ.get("PYTHONPATH"):
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

GOLD = ROOT / "bench" / "gold" / "claims_contra.json"
PARSE_CACHE = Path("/tmp/newsdossier-bench-verdicts-parses.sqlite")
CONTESTED = ("contradict", "update")
SURE = 0.6
MN_IDS = tuple(f"multinews-validation-sample42-{n}" for n in (
    "011", "025", "041", "043", "046", "053", "059", "062", "065", "066", "069", "081", "082", "084", "085",
    "087", "090", "095", "097", "160", "162", "163", "167", "171", "174", "175", "176", "177", "178", "179",
    "180", "183", "185", "186", "188", "189", "190", "193", "194", "197", "201", "203", "204", "207", "210",
    "212", "213", "214", "223", "224", "226", "227", "233", "236", "237", "238", "239", "241", "245", "247"))
DUC_IDS = ("D0707B", "D0716D", "D0720E")
CHECK2_IDS = ("D0740I", "D0705A", "D0718D", "D0714D", "D0706B", "D0701A", "D0721E", "D0710C")
# claims_duc.py's dev and held-out but D0724F (not read): added after 7ccdc9e, before any later change
TUNED_IDS = ("D0742J", "D0743J", "D0727G", "D0729G", "D0704A", "D0711C", "D0703A")
SPLITS = ("mn", "duc", "check2", "tuned")


def chosen() -> dict[str, str]:
    """Return {cluster id: split} of the benched clusters."""
    out = {c: "mn" for c in MN_IDS}
    out.update({c: "duc" for c in DUC_IDS})
    out.update({c: "check2" for c in CHECK2_IDS})
    out.update({c: "tuned" for c in TUNED_IDS})
    return out


def _clusters(wanted: Mapping[str, str]) -> Any:
    from claims_duc import DUC, MULTINEWS
    from stories import load_duc

    from newsdossier.batch import cluster_articles

    if any(sp != "mn" for sp in wanted.values()):
        for cid, arts in load_duc(DUC):
            if cid in wanted:
                yield cid, arts
    with MULTINEWS.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["id"] in wanted:
                yield row["id"], list(cluster_articles({"documents": row["documents"]}, f"mn{row['id']}").articles)


def dump(splits: Sequence[str] = SPLITS) -> dict[str, Any]:
    """Build the clusters of ``splits`` with the imported package; return their number points."""
    from claims_duc import _context, text_id

    from newsdossier.pipeline import Options, dossier_from_articles
    from newsdossier.store import Store

    wanted = {c: sp for c, sp in chosen().items() if sp in splits}
    store = Store(str(PARSE_CACHE))
    points: list[dict[str, Any]] = []
    try:
        for cid, arts in _clusters(wanted):
            dossier = dossier_from_articles(arts, options=Options(only=("disagreements",)), store=store)
            by_id = {a.id: a for a in dossier.articles}
            tid = {a.id: text_id(a.text) for a in dossier.articles}
            for d in dossier.disagreements:
                if d.kind != "number":
                    continue
                points.append({
                    "cluster": cid, "split": wanted[cid], "status": str(d.status), "confidence": d.confidence,
                    "point": d.point, "independent": d.independent,
                    "sides": [[f"{tid[s.article]}:{s.start}:{s.end}" for s in side.spans] for side in d.sides],
                    "texts": [[_context(by_id[s.article].text, s.start, s.end)[:300] for s in side.spans]
                              for side in d.sides],
                })
    finally:
        store.close()
    return {"points": points}


def _run(worktree: Path | None, splits: Sequence[str]) -> dict[str, Any]:
    if worktree is None:
        return dump(splits)
    env = dict(os.environ, PYTHONPATH=str(worktree))
    res = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--dump", "--splits", ",".join(splits)],
                         cwd=str(worktree), env=env, capture_output=True, text=True, check=True)
    return dict(json.loads(res.stdout))


def _side_of(sides: Sequence[Sequence[str]], stmts: Sequence[str]) -> set[int]:
    """The indices of the point's sides that hold one of ``stmts`` (a statement overlapping one counts)."""
    out = set()
    for k, side in enumerate(sides):
        for s in side:
            a, s0, s1 = s.split(":")
            for t in stmts:
                b, t0, t1 = t.split(":")
                if a == b and int(s0) < int(t1) and int(t0) < int(s1):
                    out.add(k)
    return out


def finds(point: Mapping[str, Any], item: Mapping[str, Any]) -> bool:
    """Whether a listed point sets the two sides of ``item`` on different sides of its own."""
    sa, sb = _side_of(point["sides"], item["a"]), _side_of(point["sides"], item["b"])
    return any(i != j for i in sa for j in sb)


def score(run: Mapping[str, Any], gold: Mapping[str, Any], split: str) -> dict[str, int]:
    """Contested points listed / right / wrong / unlabelled (and sure), real contradictions found / missed."""
    items = [it for it in gold["items"] if split == "all" or gold["splits"].get(it["cluster"]) == split]
    pts = [p for p in run["points"] if split in ("all", p["split"])]
    contested = [p for p in pts if p["status"] in CONTESTED]
    out = {"listed": len(contested), "sure": sum(p["confidence"] >= SURE for p in contested),
           "right": 0, "right_sure": 0, "wrong": 0, "wrong_sure": 0, "unlabelled": 0}
    for p in contested:
        hit = [it for it in items if it["cluster"] == p["cluster"] and finds(p, it)]
        sure = p["confidence"] >= SURE
        if any(it["label"] == "contradict" for it in hit):
            out["right"] += 1
            out["right_sure"] += sure
        elif hit:
            out["wrong"] += 1
            out["wrong_sure"] += sure
        else:
            out["unlabelled"] += 1
    real = [it for it in items if it["label"] == "contradict"]
    found = [it for it in real if any(p["cluster"] == it["cluster"] and finds(p, it) for p in contested)]
    out["real"] = len(real)
    out["found"] = len(found)
    out["found_sure"] = sum(1 for it in found if any(
        p["cluster"] == it["cluster"] and finds(p, it) and p["confidence"] >= SURE for p in contested))
    # compatible items listed as contested are counted in "wrong"; compatible ones listed as agree or
    # compatible are fine
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dump", action="store_true")
    ap.add_argument("--before", type=Path, default=None, help="a checkout scored in the same run")
    ap.add_argument("--splits", default=",".join(SPLITS))
    ap.add_argument("--list", action="store_true", help="print every contested point of this checkout")
    args = ap.parse_args(argv)
    splits = tuple(args.splits.split(","))
    if args.dump:
        json.dump(dump(splits), sys.stdout)
        return 0
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    systems = []
    if args.before is not None:
        systems.append((f"before ({args.before.name})", _run(args.before, splits)))
    systems.append(("after (this checkout)", _run(None, splits)))
    print("| system | split | contested listed (sure) | right (sure) | wrong (sure) | unlabelled "
          "| real contradictions found (sure) / labelled |")
    print("|---|---|---|---|---|---|---|")
    for name, run in systems:
        for sp in [*splits, "all"]:
            s = score(run, gold, sp)
            print(f"| {name} | {sp} | {s['listed']} ({s['sure']}) | {s['right']} ({s['right_sure']}) | "
                  f"{s['wrong']} ({s['wrong_sure']}) | {s['unlabelled']} | {s['found']} ({s['found_sure']}) / {s['real']} |")
    if args.list:
        for p in systems[-1][1]["points"]:
            if p["status"] in CONTESTED:
                print(f"\n{p['cluster']} {p['status']} {p['confidence']} {p['point']} indep={p['independent']}")
                for side, texts in zip(p["sides"], p["texts"], strict=True):
                    for s, t in zip(side, texts, strict=True):
                        print(f"   {s} {t}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
