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
# measured on this slice (2026-12-01, issue 14; 2026-12-02 second session: indirect R 33.3, the rest
# unchanged): direct P 55.9 R 82.8 speaker 90.4; indirect P 94.3 R 33.0 speaker 98.1 (before: direct 54.5 / 82.8 / 92.3, indirect 91.6 / 34.3 / 97.2)
# 2026-12-02, third session (the learned model's infinitive and object forms): indirect P 94.0 R 36.5
# speaker 98.3 (was 94.3 / 33.3 / 98.1 in the same run); the indirect recall floor raised 0.30 -> 0.34
# 2026-12-02 third session (speakers): direct speaker 92.3 (dash asides, "according to X," before a quote,
# participles); questions and nested beliefs are one record or none
# 2026-12-03 (reported speech, "indirect": the clause after the cue, a rule's dropped cue left to the
# model, partial quotes after "that", subjunctives): indirect P 93.8 -> 94.0, R 36.2 -> 37.8, speaker
# 97.4 -> 96.6 (same run); the indirect recall floor raised 0.34 -> 0.36
FLOOR = {
    "direct": {"precision": 0.52, "recall": 0.78, "speaker": 0.89},
    "indirect": {"precision": 0.90, "recall": 0.36, "speaker": 0.94},
}
# measured (dev clusters, 2026-12-02, second session): 104 of 136 listed fully right (0.765), 0.930 of
# the 100 with trust >= 0.5 (first session: 0.752 and 0.903 of 103; 2026-12-01: 0.757 and 0.862 of
# 123); old method 0.486
# 2026-12-03 (fourth session; dev read): 111 of 140 (0.793) / 0.943 of 106 trusted (main: 0.766 / 0.933 of 104)
# 2026-12-03, second session (garbled marks, whole names, headlines, descriptions, evidence, issuers named
# in a document's words, speakers the tagger missed): dev 114 of 143 (0.797) / 0.945 of 109 trusted ->
# 118 of 142 (0.831) / 0.948 of 115
PRECISION_FLOOR = {"all": 0.83, "trusted": 0.95}
# the held-out splits (heldout3 labelled before the second session's changes, read in the third;
# heldout4 labelled before the third session's changes, read on 2026-12-03):
# heldout2 67 of 80 (0.838) / 0.944 of 71 trusted; heldout3 (2026-12-02, third session) 96 of 119
# (0.807) / 0.923 of 104 trusted (was 0.764 / 0.869); heldout4 59 of 87 (0.678) / 0.739 of 69
# 2026-12-03: heldout3 100 of 120 (0.833) / 0.943 of 106 trusted (main 0.825 / 0.934); heldout4 (read that day: a fit split) 65 of 86 (0.756) / 0.814 of 70 trusted (main 0.693 / 0.746);
# heldout5 (labelled with main's code before that day's changes, never tuned on) 99 of 134 (0.739) / 0.800 of
# 120 trusted (main 0.726 / 0.785)
# 2026-12-03, second session (main -> branch, all listed / trusted >= 0.5): held-out 0.756 / 0.882 -> 0.756 /
# 0.909; heldout2 0.840 / 0.932 -> 0.850 / 0.932; heldout3 0.835 / 0.944 -> 0.898 / 0.955; heldout4 0.761 / 0.819
# -> 0.826 / 0.863; heldout5 0.739 / 0.800 -> 0.838 / 0.891; heldout6 (4 clusters labelled with main's code before
# that session's changes: the unseen split, read for patterns only) 0.740 / 0.818 -> 0.843 / 0.902
# 2026-12-04 (main f76aeb6 -> branch, all listed / trusted >= 0.5): dev 0.831 / 0.948 -> 0.838 / 0.957; held-out
# 0.756 / 0.909 -> 0.756 / 0.938; heldout2 0.850 / 0.932 -> 0.863 / 0.932; heldout3 0.898 / 0.955 -> 0.915 / 0.982;
# heldout4 0.826 / 0.863 unchanged; heldout5 0.838 / 0.891 -> 0.846 / 0.899; heldout6 0.843 / 0.902 -> 0.884 / 0.947;
# heldout7 (4 clusters labelled with main's code before that session's changes, two of them scientific papers)
# 0.473 / 0.636 -> 0.556 / 0.714
# 2026-12-04, second session (main fadec0e -> branch, all listed / trusted >= 0.5): dev 0.838 / 0.957 -> 0.845 /
# 0.965; heldout4 0.826 / 0.863 -> 0.859 / 0.915; heldout5 0.846 / 0.899 -> 0.853 / 0.922; heldout7 0.556 / 0.714
# -> 0.632 / 0.795; heldout8 (4 news clusters labelled with main's code before that session's changes, then read)
# 0.766 / 0.848 -> 0.852 / 0.958; the others unchanged
HELDOUT_FLOOR = {"heldout": {"all": 0.74, "trusted": 0.92},
                 "heldout2": {"all": 0.85, "trusted": 0.92}, "heldout3": {"all": 0.90, "trusted": 0.97},
                 "heldout4": {"all": 0.84, "trusted": 0.90}, "heldout5": {"all": 0.84, "trusted": 0.91},
                 "heldout6": {"all": 0.87, "trusted": 0.93}, "heldout7": {"all": 0.62, "trusted": 0.78},
                 "heldout8": {"all": 0.84, "trusted": 0.94}}


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


@pytest.mark.parametrize("split", sorted(HELDOUT_FLOOR))
def test_held_out_precision_stays_above_floor(data_dir: Path, split: str) -> None:
    path = data_dir / "multinews_val250.jsonl"
    if not path.is_file():
        pytest.skip("multinews_val250.jsonl is not present")
    tallies, _ = _bench().precision_set(data=path, split=split)
    new = tallies["new"]
    share = new["fully"] / new["listed"]
    kept = new.get("kept@0.5", 0)
    trusted = new.get("ok@0.5", 0) / kept if kept else 0.0
    assert share >= HELDOUT_FLOOR[split]["all"], f"{split}: fully right {share:.3f} of {new['listed']} listed"
    assert trusted >= HELDOUT_FLOOR[split]["trusted"], f"{split}: fully right {trusted:.3f} of {kept} trusted"
