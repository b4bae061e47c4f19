"""A small learned sentence scorer: a linear model of how summary-worthy a sentence is.

Trained by ``bench/train_summary_scorer.py`` on Multi-News validation clusters 100-249 (the
target is a sentence's stemmed unigram + bigram precision against the human summary); the
first 100 clusters are held out. The coefficients below are that script's output: the model is
ten numbers, offline, no dependency. The selector multiplies a sentence's gain by
``max(floor, prediction / mean prediction) ** config.learned``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .candidates import Sent

__all__ = ["FEATURES", "COEFFICIENTS", "features", "predict"]

FEATURES = ("bias", "lead", "first", "rel_pos", "log_words", "density", "coverage", "centrality",
            "support", "quote", "digit")
# Written by bench/train_summary_scorer.py (ridge regression, standardised inputs folded in).
COEFFICIENTS: tuple[float, ...] = (0.6190, 0.5050, -0.3684, 0.0044, -0.0800, 0.1137, 0.0932, 0.2976, 0.1052, 0.0676,
                                  -0.0434)


def features(sents: Sequence[Sent], sim: np.ndarray, gains: np.ndarray, texts: Sequence[str]) -> np.ndarray:
    """Return the feature matrix (one row per sentence, columns as :data:`FEATURES`).

    Args:
        sents: the candidates.
        sim: their TF-IDF cosine matrix.
        gains: each sentence's total concept weight (before any is covered).
        texts: each sentence's text (for quote and digit features).
    """
    n = len(sents)
    pos = np.array([s.pos for s in sents], dtype=float)
    npos = np.array([max(1, s.n_pos) for s in sents], dtype=float)
    words = np.array([max(1, s.words) for s in sents], dtype=float)
    arts = np.array([s.art for s in sents])
    n_art = max(1, len(set(arts.tolist())))
    density = gains / words
    dmax = float(density.max()) if n else 1.0
    gmax = float(gains.max()) if n else 1.0
    degree = sim.sum(axis=1) - np.diag(sim) if n else np.zeros(0)
    cmax = float(degree.max()) if n else 1.0
    support = np.zeros(n)
    if n and n_art > 1:
        for a in set(arts.tolist()):
            cols = arts == a
            support += (sim[:, cols].max(axis=1) >= 0.42) & (arts != a)
        support /= n_art - 1
    quote = np.array([any(c in t for c in "\"“”") or "``" in t for t in texts], dtype=float)
    digit = np.array([any(ch.isdigit() for ch in t) for t in texts], dtype=float)
    cols = [np.ones(n), 1 / (1 + pos), (pos == 0).astype(float), pos / npos, np.log(words),
            density / (dmax or 1.0), gains / (gmax or 1.0), degree / (cmax or 1.0), support, quote, digit]
    return np.stack(cols, axis=1) if n else np.zeros((0, len(FEATURES)))


def predict(x: np.ndarray, coefficients: Sequence[float] = COEFFICIENTS) -> np.ndarray:
    """Return the model's prediction for each row of ``x``."""
    return x @ np.asarray(coefficients, dtype=float)
