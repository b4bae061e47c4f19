"""TF-IDF of summary candidates: the package's hand-written builder against scikit-learn's
TfidfVectorizer with the same weighting.

Issue 12 asks to use scikit-learn where it replaces hand-written TF-IDF without losing speed or
score. Both sides get the same term lists (content lemmas of each candidate sentence, as the
summarizer builds them; here a regex approximation over real Multi-News sentences, since the
weighting, not the tokenising, is compared). Score: the two give the same cosine similarities
(max absolute difference printed), so the summaries cannot differ; speed: best of five runs.

    python bench/tfidf.py [--clusters 100]
"""

from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path
from types import SimpleNamespace

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from newsdossier.analysis.summary.candidates import tfidf
from newsdossier.lang import en

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "multinews_val250.jsonl"


def _clusters(limit: int) -> list[list[list[str]]]:
    """Each cluster as its sentences' term lists (lower-case words past the stop list)."""
    stop = en.STORY_STOP_WORDS
    out = []
    with DATA.open(encoding="utf-8") as fh:
        for line in list(fh)[:limit]:
            docs = json.loads(line)["documents"]
            sents = [s for d in docs for s in re.split(r"(?<=[.!?])\s+", d) if len(s) > 40]
            out.append([[w for w in re.findall(r"[a-z]{3,}", s.lower()) if w not in stop] for s in sents])
    return out


def _sklearn(sents: list[SimpleNamespace]) -> sparse.csr_matrix:
    """The same weighting by scikit-learn (sublinear TF, smoothed IDF, L2 rows)."""
    vec = TfidfVectorizer(analyzer=_own_terms, sublinear_tf=True, smooth_idf=True, norm="l2")
    return sparse.csr_matrix(vec.fit_transform([s.terms for s in sents]))


def _own_terms(terms: list[str]) -> list[str]:
    return terms


def _best(fn, items, runs: int = 5) -> float:
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        for x in items:
            fn(x)
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--clusters", type=int, default=100)
    args = ap.parse_args()
    clusters = [c for c in _clusters(args.clusters) if c]
    sents = [[SimpleNamespace(terms=t) for t in c] for c in clusters]
    worst = 0.0
    for s in sents:
        a, b = tfidf(s), _sklearn(s)
        worst = max(worst, float(np.abs((a @ a.T).toarray() - (b @ b.T).toarray()).max()))
    n = sum(len(c) for c in clusters)
    ours = _best(tfidf, sents)
    theirs = _best(_sklearn, sents)
    print("| builder | clusters | sentences | seconds (best of 5) | sentences/s | max cosine difference |")
    print("|---|---:|---:|---:|---:|---:|")
    print(f"| newsdossier tfidf (hand-written) | {len(clusters)} | {n:,} | {ours:.3f} | {n / ours:,.0f} | — |")
    print(f"| scikit-learn TfidfVectorizer | {len(clusters)} | {n:,} | {theirs:.3f} | {n / theirs:,.0f} | {worst:.2e} |")


if __name__ == "__main__":
    main()
