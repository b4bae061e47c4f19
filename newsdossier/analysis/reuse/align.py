"""Local alignment of two articles: matching n-grams chained into passages, split by quotes.

Every n-gram the two token sequences share is a match ``(i, j)``. Matches are chained
greedily along near-diagonals, tolerating small gaps (a changed word, a dropped or added
short sentence) and small shifts, so a passage with light edits stays one passage while
reordered paragraphs become separate passages. A chain that covers enough tokens on both
sides is a passage; it is then cut where it passes from quoted speech to narrative text, so
shared quotes and copied prose are reported separately.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from rapidfuzz.distance import Indel

from .text import Tokens, ngram_hashes


@dataclass(frozen=True, slots=True)
class AlignParams:
    """The alignment knobs (see :class:`~newsdossier.analysis.reuse.ReuseOptions`)."""

    ngram: int
    min_tokens: int
    min_similarity: float
    max_gap: int
    max_skew: int
    max_repeat: int
    split_quotes: bool
    quote_share: float


@dataclass(frozen=True, slots=True)
class Passage:
    """An aligned passage in token indices (end exclusive) on both sides."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    similarity: float
    kind: str
    chain: int


def matches(ta: Tokens, tb: Tokens, n: int, max_repeat: int) -> tuple[np.ndarray, np.ndarray]:
    """Return the positions ``(i, j)`` of every shared n-gram, sorted by ``i`` then ``j``.

    N-grams repeated more than ``max_repeat`` times in either article are ignored.
    """
    ga = ngram_hashes(ta.hashes, n)
    gb = ngram_hashes(tb.hashes, n)
    empty = np.zeros(0, dtype=np.int64)
    if len(ga) == 0 or len(gb) == 0:
        return empty, empty
    common = np.intersect1d(ga, gb)
    if len(common) == 0:
        return empty, empty
    ia = np.flatnonzero(np.isin(ga, common))
    order_b = np.argsort(gb, kind="stable")
    sb = gb[order_b]
    vals = ga[ia]
    lo = np.searchsorted(sb, vals, side="left")
    cnt = np.searchsorted(sb, vals, side="right") - lo
    uniq, inv, cnt_a = np.unique(vals, return_inverse=True, return_counts=True)
    keep = (cnt <= max_repeat) & (cnt_a[inv] <= max_repeat)
    ia, lo, cnt = ia[keep], lo[keep], cnt[keep]
    if len(ia) == 0:
        return empty, empty
    total = int(cnt.sum())
    first = np.repeat(np.cumsum(cnt) - cnt, cnt)
    idx = np.repeat(lo, cnt) + (np.arange(total) - first)
    return np.repeat(ia, cnt), order_b[idx].astype(np.int64)


def chain(mi: np.ndarray, mj: np.ndarray, max_gap: int, max_skew: int) -> list[list[tuple[int, int]]]:
    """Chain matches along near-diagonals; return the chains in order of their first match."""
    chains: list[list[tuple[int, int]]] = []
    active: list[int] = []
    for i, j in zip(mi.tolist(), mj.tolist()):
        best, best_d = -1, 0
        alive = []
        for c in active:
            li, lj = chains[c][-1]
            di, dj = i - li, j - lj
            if di > max_gap:
                continue
            alive.append(c)
            if 0 < di and 0 < dj <= max_gap and abs(di - dj) <= max_skew:
                d = di + dj
                if best < 0 or d < best_d:
                    best, best_d = c, d
        active = alive
        if best >= 0:
            chains[best].append((i, j))
        else:
            chains.append([(i, j)])
            active.append(len(chains) - 1)
    return chains


def _extend(ha: np.ndarray, hb: np.ndarray, a: int, b: int, step: int, limit: int) -> int:
    """How many tokens to extend from ``a``/``b`` in direction ``step`` (word-for-word).

    Scores +1 for an equal token and -1 for a substituted one, stops when the score falls 2
    below its best or after ``limit`` tokens, and keeps the longest best-scoring extension
    that ends on an equal token (so a word changed near a passage's edge does not cut
    off the words around it).
    """
    score = best = best_k = 0
    k = 0
    while k < limit:
        i, j = (a + k, b + k) if step > 0 else (a - 1 - k, b - 1 - k)
        if not (0 <= i < len(ha) and 0 <= j < len(hb)):
            break
        k += 1
        if ha[i] == hb[j]:
            score += 1
            if score >= best:
                best, best_k = score, k
        else:
            score -= 1
            if score < best - 2:
                break
    return best_k


def _covered(starts: np.ndarray, n: int, lo: int, hi: int) -> int:
    mask = np.zeros(hi - lo, dtype=bool)
    for s in (starts - lo).tolist():
        mask[s : s + n] = True
    return int(mask.sum())


def similarity(ta: Tokens, tb: Tokens, a0: int, a1: int, b0: int, b1: int) -> float:
    """Token-level similarity (1 - normalised insert/delete distance) of two ranges."""
    return float(Indel.normalized_similarity(ta.hashes[a0:a1].tolist(), tb.hashes[b0:b1].tolist()))


def _segments(flags: np.ndarray, min_len: int) -> list[tuple[int, int]]:
    """Cut a flag sequence into runs, absorbing runs shorter than ``min_len`` into neighbours."""
    if len(flags) == 0:
        return []
    cuts = np.flatnonzero(np.diff(flags.astype(np.int8))) + 1
    bounds = [0, *cuts.tolist(), len(flags)]
    runs = [[bounds[k], bounds[k + 1], bool(flags[bounds[k]])] for k in range(len(bounds) - 1)]
    while len(runs) > 1:
        k = min(range(len(runs)), key=lambda r: runs[r][1] - runs[r][0])
        if runs[k][1] - runs[k][0] >= min_len:
            break
        if k == 0:
            nb = 1
        elif k == len(runs) - 1:
            nb = k - 1
        else:
            left, right = runs[k - 1], runs[k + 1]
            nb = k - 1 if left[1] - left[0] >= right[1] - right[0] else k + 1
        lo, hi = min(k, nb), max(k, nb)
        runs[lo] = [runs[lo][0], runs[hi][1], runs[nb][2]]
        del runs[hi]
        merged = [runs[0]]
        for r in runs[1:]:
            if r[2] == merged[-1][2]:
                merged[-1] = [merged[-1][0], r[1], r[2]]
            else:
                merged.append(r)
        runs = merged
    return [(r[0], r[1]) for r in runs]


def align(ta: Tokens, tb: Tokens, p: AlignParams) -> list[Passage]:
    """Return the reused passages between two articles (token ranges on both sides)."""
    n = p.ngram
    mi, mj = matches(ta, tb, n, p.max_repeat)
    if len(mi) == 0:
        return []
    regions = []
    for k, ch in enumerate(chain(mi, mj, p.max_gap, p.max_skew)):
        ci = np.array([m[0] for m in ch], dtype=np.int64)
        cj = np.array([m[1] for m in ch], dtype=np.int64)
        a0, a1 = int(ci[0]), int(ci[-1]) + n
        b0, b1 = int(cj.min()), int(cj.max()) + n
        cover = min(_covered(ci, n, a0, a1), _covered(cj, n, b0, b1))
        if cover < p.min_tokens:
            continue
        back = _extend(ta.hashes, tb.hashes, a0, b0, -1, p.ngram * 2)
        fwd = _extend(ta.hashes, tb.hashes, a1, b1, +1, p.ngram * 2)
        a0, b0, a1, b1 = a0 - back, b0 - back, a1 + fwd, b1 + fwd
        regions.append((cover, k, ci, cj, a0, a1, b0, b1))
    regions.sort(key=lambda r: -r[0])
    accepted: list[tuple] = []
    for reg in regions:
        _, _, _, _, a0, a1, b0, b1 = reg
        dup = False
        for acc in accepted:
            ov_a = max(0, min(a1, acc[5]) - max(a0, acc[4]))
            ov_b = max(0, min(b1, acc[7]) - max(b0, acc[6]))
            if ov_a > 0.5 * (a1 - a0) and ov_b > 0.5 * (b1 - b0):
                dup = True
                break
        if not dup:
            accepted.append(reg)
    out: list[Passage] = []
    for _, k, ci, cj, a0, a1, b0, b1 in sorted(accepted, key=lambda r: r[4]):
        out.extend(_split(ta, tb, p, k, ci, cj, a0, a1, b0, b1))
    return out


def _split(
    ta: Tokens, tb: Tokens, p: AlignParams, k: int, ci: np.ndarray, cj: np.ndarray,
    a0: int, a1: int, b0: int, b1: int,
) -> list[Passage]:
    idx = np.arange(a0, a1)
    pos = np.clip(np.searchsorted(ci, idx, side="right") - 1, 0, len(ci) - 1)
    mapped = np.clip(cj[pos] + (idx - ci[pos]), b0, b1 - 1)
    flags = ta.quoted[a0:a1] | tb.quoted[mapped]
    segs = _segments(flags, p.min_tokens) if p.split_quotes else [(0, a1 - a0)]
    out = []
    for s0, s1 in segs:
        sa0, sa1 = a0 + s0, a0 + s1
        sb0 = b0 if s0 == 0 else int(mapped[s0])
        sb1 = b1 if s1 == a1 - a0 else int(mapped[s1])
        if sa1 - sa0 < p.min_tokens or sb1 - sb0 < p.min_tokens:
            continue
        sim = similarity(ta, tb, sa0, sa1, sb0, sb1)
        if sim < p.min_similarity:
            continue
        share = float(flags[s0:s1].mean())
        kind = "quote" if share >= p.quote_share else "prose"
        out.append(Passage(sa0, sa1, sb0, sb1, round(sim, 4), kind, k))
    return out
