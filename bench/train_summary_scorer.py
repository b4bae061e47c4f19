"""Fit the summary's learned sentence scorer (``newsdossier/analysis/summary/scorer.py``).

Training data: Multi-News validation clusters 100-249 of ``../shared/data/multinews_val250.jsonl``
(clusters 0-99 are held out for bench/summary.py). For every usable candidate sentence the
target is its stemmed unigram precision plus bigram precision against the human summary (how
much of the sentence a summary writer kept); the features are :func:`scorer.features`. Ridge
regression (lambda 1.0) on the raw features; the script prints the coefficient tuple to paste
into ``scorer.py`` and the held-out correlation.

Usage::

    python bench/train_summary_scorer.py [--cache /tmp/summ_parses.sqlite] [--train 100:250]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rouge_score import rouge_scorer  # noqa: E402
from rouge_score.rouge_scorer import _create_ngrams  # noqa: E402
from summary_data import load  # noqa: E402

from newsdossier import nlp  # noqa: E402
from newsdossier.analysis.summary import SummaryConfig, scorer  # noqa: E402
from newsdossier.analysis.summary.candidates import candidates, concept_matrix, tfidf  # noqa: E402
from newsdossier.analysis.summary.select import concept_weights  # noqa: E402
from newsdossier.store import Store  # noqa: E402


def rows_for(cases: list, store: Store | None) -> tuple[np.ndarray, np.ndarray]:
    tok = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)._tokenizer
    cfg = SummaryConfig()
    pipe = nlp.load()
    xs, ys = [], []
    for case in cases:
        docs = nlp.parse(case.articles, cache=store, nlp=pipe)
        sents = candidates(case.articles, docs, cfg)
        if not sents:
            continue
        x = tfidf(sents)
        sim = (x @ x.T).toarray()
        conc, w, _ = concept_matrix(sents, concept_weights(sents, cfg))
        texts = [case.articles[s.art].text[s.start:s.end] for s in sents]
        f = scorer.features(sents, sim, np.asarray(conc @ w).ravel(), texts)
        ref = tok.tokenize(case.refs[0])
        r1, r2 = _create_ngrams(ref, 1), _create_ngrams(ref, 2)
        for i, s in enumerate(sents):
            if not s.ok:
                continue
            t = tok.tokenize(texts[i])
            u, b = _create_ngrams(t, 1), _create_ngrams(t, 2)
            p1 = sum((u & r1).values()) / max(1, sum(u.values()))
            p2 = sum((b & r2).values()) / max(1, sum(b.values()))
            xs.append(f[i])
            ys.append(p1 + p2)
    return np.array(xs), np.array(ys)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--cache", default=None)
    ap.add_argument("--train", default="100:250")
    ap.add_argument("--lam", type=float, default=1.0)
    args = ap.parse_args(argv)
    lo, hi = (int(v) for v in args.train.split(":"))
    cases = load("multinews")
    store = Store(args.cache) if args.cache else None
    x, y = rows_for(cases[lo:hi], store)
    k = x.shape[1]
    coef = np.linalg.solve(x.T @ x + args.lam * np.eye(k), x.T @ y)
    pred = x @ coef
    print(f"{len(y)} training sentences; train correlation {np.corrcoef(pred, y)[0, 1]:.3f}")
    hx, hy = rows_for(cases[:lo], store) if lo else (x, y)
    print(f"{len(hy)} held-out sentences; held-out correlation {np.corrcoef(hx @ coef, hy)[0, 1]:.3f}")
    for name, c in zip(scorer.FEATURES, coef):
        print(f"  {name:<11} {c:+.4f}")
    print("COEFFICIENTS: tuple[float, ...] = (" + ", ".join(f"{c:.4f}" for c in coef) + ")")
    return 0


if __name__ == "__main__":
    sys.exit(main())
