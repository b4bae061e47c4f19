"""Quality floors for quote extraction (see bench/quotes.py).

* PolNeAR dev, first 15 articles: precision, recall and speaker accuracy of direct and indirect
  quotes.
* The hand-labelled precision set (8 Multi-News validation clusters, bench/gold/quotes_precision.json):
  the share of listed quotes that are fully right (real, whole, right speaker), counting
  unlabelled quotes as not right, over all listed quotes and over those the dossier does not
  mark as uncertain (trust >= QUOTE_LOW_CONFIDENCE).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "quotes.py"
SLICE = 15
# measured on this slice (2026-12-01, issue 14; unchanged on 2026-12-02): direct P 55.9 R 82.8 speaker 90.4;
# indirect P 94.3 R 33.0 speaker 98.1 (before: direct 54.5 / 82.8 / 92.3, indirect 91.6 / 34.3 / 97.2)
FLOOR = {
    "direct": {"precision": 0.52, "recall": 0.78, "speaker": 0.87},
    "indirect": {"precision": 0.90, "recall": 0.30, "speaker": 0.94},
}
# measured (dev clusters, 2026-12-02): 103 of 137 listed fully right (0.752), 0.903 of the 103 with
# trust >= 0.5 (2026-12-01: 0.757 and 0.862 of 123; the same day's code re-run on 2026-12-02 gave
# 0.743 and 0.867 after changes elsewhere); old method 0.486
PRECISION_FLOOR = {"all": 0.73, "trusted": 0.88}


def _bench():
    spec = importlib.util.spec_from_file_location("bench_quotes", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scores(data_dir: Path) -> dict[str, tuple]:
    path = data_dir / "polnear_dev.jsonl"
    if not path.is_file():
        pytest.skip("polnear_dev.jsonl is not present")
    bench = _bench()
    from newsdossier import nlp
    from newsdossier.model import Article

    rows = bench.load(path, SLICE)
    articles = [Article.create(r["text"], f"polnear#{r['id']}") for r in rows]
    docs = nlp.parse(articles)
    golds = [bench.gold_items(r) for r in rows]
    direct, indirect = bench.ours(articles, docs)
    return {
        "direct": bench.score(direct, [g[0] for g in golds]),
        "indirect": bench.score(indirect, [g[1] for g in golds]),
    }


@pytest.mark.parametrize("kind", ["direct", "indirect"])
def test_quote_scores_stay_above_floor(scores: dict[str, tuple], kind: str) -> None:
    precision, recall, speaker, _, _ = scores[kind]
    floor = FLOOR[kind]
    assert precision >= floor["precision"], f"{kind} precision {precision:.3f}"
    assert recall >= floor["recall"], f"{kind} recall {recall:.3f}"
    assert speaker >= floor["speaker"], f"{kind} speaker accuracy {speaker:.3f}"


def test_hand_labelled_precision_stays_above_floor(data_dir: Path) -> None:
    path = data_dir / "multinews_val250.jsonl"
    if not path.is_file():
        pytest.skip("multinews_val250.jsonl is not present")
    bench = _bench()
    tallies, _ = bench.precision_set(data=path)
    new = tallies["new"]
    share = new["fully"] / new["listed"]
    kept = new.get("kept@0.5", 0)
    trusted = new.get("ok@0.5", 0) / kept if kept else 0.0
    assert share >= PRECISION_FLOOR["all"], f"fully right {share:.3f} of {new['listed']} listed"
    assert trusted >= PRECISION_FLOOR["trusted"], f"fully right {trusted:.3f} of {kept} trusted"
    old = tallies["old (before issue 14)"]
    assert share > old["fully"] / old["listed"]
