"""Quality floor for entity resolution: pairwise merge precision/recall on a slice of the gold.

Runs ``bench/entities.py``'s evaluation on four small gold clusters (15 articles) of
../shared/data (skipped when absent). Measured when pinned: precision 1.000, recall 0.769,
F1 0.870 (exact-lowercase baseline F1 0.074). The floors sit a little below.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SLICE = ("071", "140", "086", "133")
PRECISION_FLOOR = 0.95
RECALL_FLOOR = 0.70


def _bench():
    spec = importlib.util.spec_from_file_location("bench_entities", ROOT / "bench" / "entities.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_entity_resolution_floor(data_dir: Path, nlp) -> None:
    from newsdossier import nlp as nd_nlp

    bench = _bench()
    gold = [c for c in json.loads(bench.GOLD.read_text(encoding="utf-8"))["clusters"] if c["id"][-3:] in SLICE]
    assert len(gold) == len(SLICE)
    clusters = bench.load_clusters(data_dir / "multinews_val250.jsonl", [c["id"] for c in gold])
    docs = nd_nlp.parse([a for arts in clusters.values() for a in arts], nlp=nlp)
    res = bench.evaluate(gold, clusters, docs, {"ours": bench.ours, "exact": bench.exact_lower})
    ours, exact = res["ours"], res["exact"]
    assert ours["precision"] >= PRECISION_FLOOR, ours["errors"]
    assert ours["recall"] >= RECALL_FLOOR
    assert ours["f1"] > exact["f1"] + 0.5
