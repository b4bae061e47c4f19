"""Floors for the timeline on big dated stories (bench/timeline_conflicts.py, labels in
bench/gold/timeline_conflicts.json): relative dates resolved right on the three hand-labelled
samples, and "sources differ" marks that are real.

Skips without ../shared/data. About two minutes (parsing about 250 DUC 2007 articles: the ones
holding a labelled date, and six whole clusters for the marks).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from newsdossier import nlp as nd_nlp
from newsdossier.analysis.timeline import build_timeline

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "bench" / "gold" / "timeline_conflicts.json"
# the clusters whose marks were read: three with real ones, three whose false ones are gone
MARK_CLUSTERS = ("D0714D", "D0724F", "D0742J", "D0727G", "D0730G", "D0740I")
# measured 2026-12-04: dev 58 / 59, held-out 49 / 50, held-out 2 47 / 50 (45 blind)
FLOOR_DATES = {"dev": 56, "heldout": 47, "heldout2": 45}
# measured: 6 marked on these clusters, 6 labelled real, none wrong
FLOOR_REAL_MARKS, MAX_WRONG_MARKS = 5, 0


def _stories_bench() -> Any:
    spec = importlib.util.spec_from_file_location("bench_stories", ROOT / "bench" / "stories.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


@pytest.fixture(scope="module")
def duc(data_dir: Path) -> Any:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    clusters = _stories_bench().load_duc(data_dir / "duc2007_main.jsonl")
    dated = {k.split(":")[0] for k in gold["dates"]}
    wanted = [a for cid, c in clusters for a in c if cid in MARK_CLUSTERS or _key(a.text) in dated]
    with nd_nlp.parse(wanted) as docs:
        marks = {cid: build_timeline(c, docs) for cid, c in clusters if cid in MARK_CLUSTERS}
        singles = [(a, ev) for a in wanted if _key(a.text) in dated for ev in build_timeline([a], docs)]
    texts = {a.id: a.text for a in wanted}
    return gold, marks, singles, texts


def test_relative_dates_floor(duc: Any) -> None:
    gold, _, singles, _ = duc
    right: Counter[str] = Counter()
    for art, ev in singles:
        want = gold["dates"].get(f"{_key(art.text)}:{ev.span.start}:{ev.span.end}")
        if want is not None and ev.date == want["date"]:
            right[want.get("split", "dev")] += 1
    for split, floor in FLOOR_DATES.items():
        assert right[split] >= floor, f"{split}: {right[split]} relative dates right, floor {floor}"


def test_sources_differ_marks_are_real(duc: Any) -> None:
    gold, marks, _, texts = duc
    real = wrong = unlabelled = 0
    for events in marks.values():
        for ev in events:
            if not ev.conflict:
                continue
            label = gold["rows"].get(f"{_key(texts[ev.span.article])}:{ev.span.start}:{ev.span.end}")
            if label is None:
                unlabelled += 1
            elif label["real"]:
                real += 1
            else:
                wrong += 1
    assert wrong <= MAX_WRONG_MARKS and unlabelled == 0, f"{wrong} wrong and {unlabelled} unread marks"
    assert real >= FLOOR_REAL_MARKS, f"{real} real marks, floor {FLOOR_REAL_MARKS}"
