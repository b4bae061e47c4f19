"""Hand-labelled points and facts: precision per status, fact accuracy (used by ``bench/claims.py``).

``bench/gold/claims_points.json`` holds points read by hand on Multi-News validation clusters:
every contested point the previous method flagged in 22 clusters, every point the current method
reported on the 246 clusters (all *agree* when labelled), and real points found while reading,
each a set of statements (article id, offsets) with a label: contradict, update, compatible,
agree or not_a_point. ``bench/gold/claims_facts.json`` holds facts read by hand (value, unit,
what is counted, or not a quantity).

Scores:
* per system and reported status: how many points it reports in the labelled clusters, how many
  of them are labelled, and the share of labelled ones whose label is that status (for
  contested points: contradict or update);
* real contested points found: labelled contradict/update points that a reported contested
  point covers (two of its statements from different articles);
* facts: the share of labelled facts read right (value within 0.5 %, canonical unit, head of what
  is counted; a "not a quantity" is right when nothing is reported there).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from newsdossier.model import Article

GOLD_POINTS = Path(__file__).resolve().parent / "gold" / "claims_points.json"
GOLD_FACTS = Path(__file__).resolve().parent / "gold" / "claims_facts.json"
CONTESTED = ("contradict", "update")
Stmt = tuple[str, int, int]


def cluster_articles(data_path: Path, ids: set[str]) -> dict[str, list[Article]]:
    """Return the articles of the named clusters, built as the labelling run built them."""
    out: dict[str, list[Article]] = {}
    with data_path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["id"] in ids:
                out[row["id"]] = [Article.create(d, f"{row['id']}#{i}", outlet=f"outlet {i}")
                                  for i, d in enumerate(row["documents"]) if d.strip()]
    return out


def score_points(gold: Sequence[Mapping[str, Any]], predicted: Mapping[str, Sequence[tuple[str, float, tuple[Stmt, ...]]]]
                 ) -> dict[str, Any]:
    """Return per-status counts and precision for one system's points over the labelled clusters."""
    by_key = {frozenset((s["article"], s["start"], s["end"]) for s in g["statements"]): g["label"] for g in gold}
    rows: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # reported, labelled, right
    contested_pts: list[set[Stmt]] = []
    for _cid, pts in predicted.items():
        for status, _conf, stmts in pts:
            group = "contested" if status in CONTESTED else status
            label = by_key.get(frozenset(stmts))
            for key in {status, group}:
                rows[key][0] += 1
                if label is not None:
                    rows[key][1] += 1
                    rows[key][2] += (label in CONTESTED) if key == "contested" else (label == key)
            if status in CONTESTED:
                contested_pts.append(set(stmts))
    real = [g for g in gold if g["label"] in CONTESTED]
    found = 0
    for g in real:
        st = {(s["article"], s["start"], s["end"]) for s in g["statements"]}
        found += any(len({a for a, _, _ in (st & p)}) >= 2 for p in contested_pts)
    return {"rows": dict(rows), "real_contested": len(real), "real_found": found}


def score_facts(gold: Sequence[Mapping[str, Any]], articles: Mapping[str, Article], docs: Mapping[str, Any],
                extract: Callable[[Article, Any], list[tuple[int, int, float | None, float | None, float | None, str, str]]],
                errors: list[str] | None = None) -> dict[str, float]:
    """Return fact accuracy (all of value, unit and counted right) and each part's accuracy."""
    preds: dict[str, list[tuple[int, int, float | None, float | None, float | None, str, str]]] = {}
    n = ok = v_ok = u_ok = c_ok = 0
    for g in gold:
        art = articles.get(g["article"])
        if art is None:
            continue
        if art.id not in preds:
            preds[art.id] = extract(art, docs[art.id])
        hit = next((p for p in preds[art.id] if p[0] < g["end"] and g["start"] < p[1]), None)
        n += 1
        if g["label"] == "not_a_quantity":
            right = hit is None
            ok += right
            v_ok += right
            u_ok += right
            c_ok += right
            if errors is not None and not right:
                errors.append(f"fact counted that is not a quantity: {art.text[g['start']:g['end']]!r} in {art.source}")
            continue
        if hit is None:
            if errors is not None:
                errors.append(f"fact missed: {art.text[g['start']:g['end']]!r} in {art.source}")
            continue
        value = all(_close(a, b) for a, b in ((g["value"], hit[2]), (g["low"], hit[3]), (g["high"], hit[4])))
        unit = g["unit"] == hit[5]
        counted = (g["counted"] or "") == (hit[6] or "") or (not g["counted"] and hit[6] in ("", g["unit"]))
        v_ok += value
        u_ok += unit
        c_ok += counted
        ok += value and unit and counted
        if errors is not None and not (value and unit and counted):
            errors.append(f"fact {art.text[g['start']:g['end']]!r}: gold {g['value'], g['low'], g['high'], g['unit'], g['counted']} "
                          f"got {hit[2:]}")

    def div(a: float, b: float) -> float:
        return a / b if b else 0.0

    return {"facts": n, "fact_acc": div(ok, n), "value_acc": div(v_ok, n), "unit_acc": div(u_ok, n),
            "counted_acc": div(c_ok, n)}


def _close(x: float | None, y: float | None) -> bool:
    if x is None or y is None:
        return x is None and y is None
    return abs(x - y) <= 0.005 * max(abs(x), abs(y), 1e-9)
