"""Time the summary's hand-written TF-IDF against scikit-learn's ``TfidfVectorizer`` (issue 12).

Both are built the same way (sublinear TF, smoothed IDF, L2 rows) over pre-tokenised terms, so
their sentence cosines must agree; the script prints each one's mean time per sentence set and the
largest cosine difference. The term sets are random draws of words from the dev files (seeded),
sized like a story's candidate sentences (100-400 sentences of 5-25 terms).

Usage::

    python bench/summary_tfidf.py [--sets 30] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import re
import time
import types
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from newsdossier.analysis.summary.candidates import tfidf

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"


def main() -> None:
    """Run the comparison and print its figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", type=int, default=30)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    rng = random.Random(0)
    words: list[str] = []
    for p in sorted(DATA.glob("*.jsonl")):
        words += re.findall(r"[a-z]{3,}", p.read_text(errors="ignore")[:200000].lower())
    sets = [[types.SimpleNamespace(terms=tuple(rng.choice(words) for _ in range(rng.randint(5, 25))))
             for _ in range(rng.randint(100, 400))] for _ in range(args.sets)]
    vec = TfidfVectorizer(analyzer=lambda t: t, sublinear_tf=True, smooth_idf=True, norm="l2")
    fns = {"hand-written": lambda s: tfidf(s),
           "TfidfVectorizer": lambda s: vec.fit_transform([x.terms for x in s])}
    for name, fn in fns.items():
        t0 = time.perf_counter()
        for _ in range(args.repeat):
            for s in sets:
                fn(s)
        print(f"{name:16s} {(time.perf_counter() - t0) / (args.repeat * len(sets)) * 1000:.2f} ms/set")
    diff = 0.0
    for s in sets:
        a, b = fns["hand-written"](s), fns["TfidfVectorizer"](s)
        diff = max(diff, float(np.abs((a @ a.T).toarray() - (b @ b.T).toarray()).max()))
    print(f"max |cosine difference| {diff:.1e}")


if __name__ == "__main__":
    main()
