"""Quality floor for quote extraction: PolNeAR dev, first 15 articles (see bench/quotes.py)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "quotes.py"
SLICE = 15
# measured on this slice: direct P 54.5 R 82.8 speaker 92.3; indirect P 91.6 R 34.3 speaker 97.2
FLOOR = {
    "direct": {"precision": 0.48, "recall": 0.78, "speaker": 0.88},
    "indirect": {"precision": 0.85, "recall": 0.30, "speaker": 0.92},
}


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
