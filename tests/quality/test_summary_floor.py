"""Quality floors of the summary, measured with bench/summary.py (see docs/benchmarks/summary.md).

- Multi-News (generic, 250 words, ROUGE F1): the first 10 clusters of the dev sample.
- DUC 2007 main (query-focused, 250 words, ROUGE-2 recall averaged over the 4 references): the
  first 2 topics, the topic's title and narrative as the query.
- DUC 2007 update (100 words): 2 B sets (8 new articles, 10 prior ones each).

- Readability (bench/summary_readability.py, hand labels in bench/gold/summary_readability.json):
  the share of picked sentences labelled bad on its 12 seeded Multi-News clusters.

Every floor sits a little below what was measured on the same slice; the fill and novelty
checks are exact properties (every query-focused summary fills >= 90% of its budget; no
update sentence repeats a prior sentence).
"""

from __future__ import annotations

import json
import re
import statistics

import pytest

from newsdossier import nlp as nd_nlp
from newsdossier.analysis.summary import SummaryConfig, summarize
from newsdossier.batch import cluster_articles

SLICE = 10
WORDS = 250
FLOOR_R1 = 0.42    # measured 0.442 on this slice (v0: 0.441)
FLOOR_R2 = 0.125   # measured 0.135 on this slice
DUC_TOPICS = 2
FLOOR_DUC_R2 = 0.12     # measured 0.136 (D0701A 15.6, D0703A 11.6); the summarizer before: 0.04
UPDATE_SETS = ("D0703A-B", "D0716D-B")
FLOOR_UPDATE_R2 = 0.14  # measured 0.153 (15.8, 14.9); before the prior articles counted as topic evidence: 0.125
FLOOR_UPDATE_GAIN = 0.02  # with prior documents minus without, measured 0.028 (+5.7, +0.0)


def _rows(path, limit=None, ids=None):
    rows = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            row = json.loads(line)
            if ids is None or row["id"] in ids:
                rows.append(row)
            if limit and len(rows) == limit:
                break
    return rows


def _articles(row, key="documents"):
    docs = [{"text": t} for t in row[key]]
    if key == "documents":
        for d, date in zip(docs, row.get("dates") or []):
            d["published"] = date
    return cluster_articles({"id": row["id"], "documents": docs}, f"floor#{row['id']}-{key}").articles


def _recall2(scorer, refs, text):
    return statistics.mean(scorer.score(r.strip(), text)["rouge2"].recall for r in refs)


def test_summary_rouge_floor(data_dir, nlp):
    rouge_scorer = pytest.importorskip("rouge_score.rouge_scorer")
    path = data_dir / "multinews_val250.jsonl"
    if not path.is_file():
        pytest.skip("multinews_val250.jsonl is not present")
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    r1, r2 = [], []
    for row in _rows(path, SLICE):
        arts = cluster_articles(row, "floor").articles
        docs = nd_nlp.parse(arts, nlp=nlp)
        out = summarize(arts, docs, words=WORDS)
        assert sum(len(s.text.split()) for s in out) <= WORDS
        ref = row["summaries"][0] if isinstance(row["summaries"], list) else row["summaries"]
        ref = re.sub(r"^\s*[–—-]\s*", "", ref).strip()
        s = scorer.score(ref, " ".join(x.text for x in out))
        r1.append(s["rouge1"].fmeasure)
        r2.append(s["rouge2"].fmeasure)
    assert statistics.mean(r1) >= FLOOR_R1
    assert statistics.mean(r2) >= FLOOR_R2


def test_query_focused_floor_and_fill(data_dir, nlp):
    rouge_scorer = pytest.importorskip("rouge_score.rouge_scorer")
    path = data_dir / "duc2007_main.jsonl"
    if not path.is_file():
        pytest.skip("duc2007_main.jsonl is not present")
    scorer = rouge_scorer.RougeScorer(["rouge2"], use_stemmer=True)
    recalls = []
    for row in _rows(path, DUC_TOPICS):
        arts = _articles(row)
        docs = nd_nlp.parse(arts, nlp=nlp)
        out = summarize(arts, docs, words=WORDS, query=row["query"])
        n = sum(len(s.text.split()) for s in out)
        assert 0.9 * WORDS <= n <= WORDS, "the query must steer the summary, never starve it"
        assert all(s.relevance is not None for s in out)
        recalls.append(_recall2(scorer, row["summaries"], " ".join(s.text for s in out)))
    assert statistics.mean(recalls) >= FLOOR_DUC_R2


def test_update_floor_fill_and_novelty(data_dir, nlp):
    rouge_scorer = pytest.importorskip("rouge_score.rouge_scorer")
    path = data_dir / "duc2007_update_dev.jsonl"
    if not path.is_file():
        pytest.skip("duc2007_update_dev.jsonl is not present")
    scorer = rouge_scorer.RougeScorer(["rouge2"], use_stemmer=True)
    words = 100
    cfg = SummaryConfig()
    recalls, blind = [], []
    for row in _rows(path, ids=set(UPDATE_SETS)):
        new, prior = _articles(row), _articles(row, "prior_documents")
        docs = nd_nlp.parse([*new, *prior], nlp=nlp)
        out = summarize(new, docs, words=words, query=row["query"], prior_articles=prior)
        n = sum(len(s.text.split()) for s in out)
        assert 0.9 * words <= n <= words
        assert all(s.novelty is not None and s.novelty > 1 - cfg.prior_redundancy for s in out)
        new_ids = {a.id for a in new}
        assert all(c.article in new_ids for s in out for c in s.cites)
        recalls.append(_recall2(scorer, row["summaries"], " ".join(s.text for s in out)))
        plain = summarize(new, docs, words=words, query=row["query"])
        blind.append(_recall2(scorer, row["summaries"], " ".join(s.text for s in plain)))
    assert len(recalls) == len(UPDATE_SETS)
    assert statistics.mean(recalls) >= FLOOR_UPDATE_R2
    assert statistics.mean(recalls) - statistics.mean(blind) >= FLOOR_UPDATE_GAIN, "prior documents must help"


READABLE_MAX_BAD = 0.11      # measured 0.079 (9 of 114) on the 12 Multi-News clusters (main before: 0.227)
READABLE_MIN_LABELLED = 0.85  # the floor reads only what is labelled


def test_picked_sentences_a_reader_would_keep(data_dir, nlp):
    """bench/summary_readability.py on its 12 Multi-News clusters: share of hand-labelled bad
    picks (boilerplate, headings, fragments that need their neighbour, duplicates)."""
    import sys
    from pathlib import Path

    bench = Path(__file__).resolve().parents[2] / "bench"
    if not (data_dir / "multinews_val250.jsonl").is_file():
        pytest.skip("multinews_val250.jsonl is not present")
    sys.path.insert(0, str(bench))
    try:
        import summary_readability as sr
    finally:
        sys.path.remove(str(bench))
    items = sr.picked(SummaryConfig(), None, {"multinews": sr.DRAWS["multinews"][0]}, pipe=nlp)
    res = sr.score(items, sr.load_labels())["multinews"]
    assert res["labelled"] >= READABLE_MIN_LABELLED * res["picked"], "label the new picks (bench --todo)"
    assert res["bad_share"] <= READABLE_MAX_BAD
    assert res["fill"] == 1.0
