"""Candidate pairs of articles from winnowed n-gram fingerprints (near-linear, never all-pairs).

Each article contributes the fingerprints winnowing picks from its token n-gram hashes. An
inverted index (a sort over all fingerprints) groups the articles sharing a fingerprint;
fingerprints held by more than ``max_df`` articles are boilerplate and skipped, which bounds
the work per fingerprint, so the cost grows with the corpus size and the amount of reuse,
not with the square of the number of articles.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .text import ngram_hashes, winnow


def fingerprints(tokens: np.ndarray, n: int, window: int) -> np.ndarray:
    """Return the distinct winnowed n-gram fingerprints of a token-hash array."""
    grams = ngram_hashes(tokens, n)
    if len(grams) == 0:
        return grams
    return np.unique(grams[winnow(grams, window)])


def candidate_pairs(
    prints: Sequence[np.ndarray], max_df: int, min_seeds: int
) -> list[tuple[int, int, int]]:
    """Return ``(a, b, shared)`` for article indices ``a < b`` sharing ``>= min_seeds`` prints.

    Args:
        prints: per article, its distinct fingerprints.
        max_df: fingerprints held by more articles than this are ignored.
        min_seeds: how many fingerprints a pair must share to be a candidate.
    """
    sizes = np.fromiter((len(p) for p in prints), dtype=np.int64, count=len(prints))
    if sizes.sum() == 0:
        return []
    hashes = np.concatenate([p for p in prints if len(p)])
    docs = np.repeat(np.arange(len(prints), dtype=np.int64), sizes)
    order = np.lexsort((docs, hashes))
    hashes, docs = hashes[order], docs[order]
    bounds = np.flatnonzero(np.diff(hashes)) + 1
    starts = np.concatenate(([0], bounds))
    counts = np.diff(np.concatenate((starts, [len(hashes)])))
    keys: list[np.ndarray] = []
    n_docs = np.int64(len(prints))
    for k in np.unique(counts):
        if k < 2 or k > max_df:
            continue
        group_starts = starts[counts == k]
        members = docs[group_starts[:, None] + np.arange(k)[None, :]]
        iu, ju = np.triu_indices(int(k), 1)
        keys.append((members[:, iu] * n_docs + members[:, ju]).ravel())
    if not keys:
        return []
    pair_keys, shared = np.unique(np.concatenate(keys), return_counts=True)
    keep = shared >= min_seeds
    pair_keys, shared = pair_keys[keep], shared[keep]
    return [(int(k // n_docs), int(k % n_docs), int(s)) for k, s in zip(pair_keys, shared)]
