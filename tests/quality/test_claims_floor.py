"""Quality floors for facts, claims and points (bench/claims.py; skip without ../shared/data)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _bench():
    spec = importlib.util.spec_from_file_location("bench_claims", ROOT / "bench" / "claims.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_claims_floor(data_dir: Path) -> None:
    pytest.importorskip("dateparser")
    bench = _bench()
    rows = bench.evaluate(data_path=data_dir / "multinews_val250.jsonl")
    ours = rows[("newsdossier", "all")]
    base = rows[(bench.BASELINE, "all")]
    held = rows[("newsdossier", "heldout")]
    # measured 2026-12-01: all 0.929 / 0.985 / 0.964; held-out date acc 0.842
    assert ours["num_value_p"] >= 0.85
    assert ours["num_value_r"] >= 0.90
    assert ours["date_acc"] >= 0.88
    assert held["date_acc"] >= 0.75 and held["num_value_r"] >= 0.85
    assert ours["num_value_r"] > base["num_value_r"] and ours["date_acc"] > base["date_acc"]


def test_planted_contradictions_floor(data_dir: Path) -> None:
    bench = _bench()
    rows = bench.evaluate_planted(limit=60, data_path=data_dir / "multinews_val250.jsonl", cache=None)
    new, old = rows[bench.NEW], rows[bench.OLD]
    # measured 2026-12-01 on the first 60 planted clusters (seed 13): recall 0.933, precision 1.000,
    # 0.000 false contested points per dossier, agree 1.000 (16), compatible 1.000 (8);
    # the previous method: 0.917 / 0.591 / 0.633 / 0.625 / 0.000
    assert new["recall"] >= 0.88
    assert new["precision"] >= 0.95
    assert new["false_per_dossier"] <= 0.1
    assert new["agree_acc"] >= 0.9 and new["compat_acc"] >= 0.85
    assert new["precision"] > old["precision"] and new["false_per_dossier"] < old["false_per_dossier"]


def test_hand_labelled_points_and_facts_floor(data_dir: Path) -> None:
    bench = _bench()
    rows = bench.evaluate_gold(data_path=data_dir / "multinews_val250.jsonl", cache=None)
    new = rows[bench.NEW]
    # measured 2026-12-01: facts right 0.902 (256), agree precision 1.000 (47 labelled),
    # 1 contested point reported, real (the previous method: 53 reported, precision 0.081)
    assert new["facts"]["fact_acc"] >= 0.88
    reported, labelled, right = new["points"]["rows"].get("agree", [0, 0, 0])
    assert labelled >= 40 and right / labelled >= 0.95
    reported, labelled, right = new["points"]["rows"].get("contested", [0, 0, 0])
    assert reported <= 3 and (labelled == 0 or right / labelled >= 0.8)


def test_verdict_precision_floor(data_dir: Path) -> None:
    if not (data_dir / "duc2007_main.jsonl").exists():
        pytest.skip("needs ../shared/data/duc2007_main.jsonl")
    spec = importlib.util.spec_from_file_location("bench_verdicts", ROOT / "bench" / "verdicts.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    import json

    labels = json.loads(bench.GOLD.read_text(encoding="utf-8"))["labels"]
    claims = bench.dump_claims()
    every, held = bench.score(claims, labels, "all"), bench.score(claims, labels, "heldout")
    # measured 2026-12-03, second session (51 listed, all labelled, 43 fully right): fully right 0.843 all /
    # 0.818 held-out, target 0.902, none wrong shown at confidence >= 0.6 (2026-12-02: 62 listed, 0.597 /
    # 0.581 / 0.839, 9 wrong shown sure). The right ones are counted too: dropping wrong verdicts is
    # welcome, dropping right ones is not.
    assert every["unlabelled"] <= 6 and every["labelled"] >= 45
    assert round(every["full"] * every["labelled"]) >= 41
    assert every["full"] >= 0.80 and held["full"] >= 0.77 and every["target"] >= 0.85
    sure_wrong = sum(1 for c in claims if c["confidence"] >= 0.6 and c["key"] in labels and not labels[c["key"]]["full"])
    assert sure_wrong <= 2
