"""Floors for the points of big stories (bench/claims_duc.py) and the bounded figure comparison.

Skips without ../shared/data. About two minutes (parsing 200 DUC 2007 articles).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

from newsdossier.analysis.points import disagreements as dis
from newsdossier.analysis.points.common import PointsConfig

ROOT = Path(__file__).resolve().parents[2]


def _bench() -> Any:
    sys.path.insert(0, str(ROOT / "bench"))
    spec = importlib.util.spec_from_file_location("bench_claims_duc", ROOT / "bench" / "claims_duc.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _signature(points: list[Any]) -> list[tuple[Any, ...]]:
    return [(p.status, p.confidence, p.independent, [(s.article, s.start, s.end) for side in p.sides for s in side.spans])
            for p in points]


def _same_bounded_and_all_pairs(dossier: Any) -> bool:
    arts = {a.id: a for a in dossier.articles}
    cfg = PointsConfig()
    bounded = dis._number_points(dossier.facts, arts, dossier.reuse, cfg)
    every = dis._number_points(dossier.facts, arts, dossier.reuse, cfg, exhaustive=True)
    return _signature(bounded) == _signature(every)


def test_duc_points_floor(data_dir: Path, tmp_path: Path) -> None:
    bench = _bench()
    same: dict[str, bool] = {}
    run = bench.dump(with_text=False, cache=tmp_path / "parses.sqlite", splits=("dev", "heldout"),
                     on_dossier=lambda cid, d: same.__setitem__(cid, _same_bounded_and_all_pairs(d)))
    gold = json.loads(bench.GOLD.read_text(encoding="utf-8"))
    allr, dev = bench.score(run, gold, "all"), bench.score(run, gold, "dev")
    # measured 2026-12-02 (8 clusters, 31 points, 27 verdicts): wrong points shown sure 26 -> 1
    # (the one left: a city's toll against the national one, held-out), 0 in dev; no verdict
    # shown sure. 2026-12-04: 1 -> 0 (places named differ: shown unsure), real points shown sure 3
    assert allr["wrong_sure"] <= 1 and allr["wrong_contested_sure"] == 0 and dev["wrong_sure"] == 0
    assert allr["real_sure"] >= 2
    assert allr["verdicts_wrong_sure"] == 0
    listed = sum(allr[g][0] for g in ("contested", "compatible", "agree"))
    labelled = sum(allr[g][1] for g in ("contested", "compatible", "agree"))
    assert listed - labelled <= 4 and allr["verdicts"][0] - allr["verdicts"][1] <= 4
    assert len(same) == 8 and all(same.values())


def test_bounded_comparison_identical_on_multinews(data_dir: Path) -> None:
    """Every Multi-News validation cluster: the bounded comparison gives the all-pairs points."""
    from newsdossier import nlp
    from newsdossier.analysis.numbers import extract_facts
    from newsdossier.model import Article

    rows = [json.loads(line) for line in (data_dir / "multinews_val250.jsonl").open(encoding="utf-8")]
    clusters = [[Article.create(d, f"{r['id']}#{i}", outlet=f"outlet {i}") for i, d in enumerate(r["documents"])
                 if d.strip()] for r in rows]
    clusters = [c for c in clusters if len(c) >= 2]
    docs = nlp.parse([a for c in clusters for a in c])
    cfg = PointsConfig()
    for arts in clusters:
        facts = extract_facts(arts, {a.id: docs[a.id] for a in arts})
        by_id = {a.id: a for a in arts}
        assert _signature(dis._number_points(facts, by_id, None, cfg)) == \
            _signature(dis._number_points(facts, by_id, None, cfg, exhaustive=True))
    # and the bounded path itself, forced on with a small bound, keeps every point of these clusters
    small = PointsConfig(max_pair_group=4)
    kept = total = 0
    for arts in clusters:
        facts = extract_facts(arts, {a.id: docs[a.id] for a in arts})
        by_id = {a.id: a for a in arts}
        a = _signature(dis._number_points(facts, by_id, None, small))
        b = _signature(dis._number_points(facts, by_id, None, small, exhaustive=True))
        kept += a == b
        total += 1
    assert kept >= total - 3
