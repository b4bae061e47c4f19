"""Merging the stories of one build (articles the user gave as one story).

The online clusterer splits a story whose articles drift apart (a long-running story told over
months, a query-focused collection); inside one build the stories are merged again by average
link over their centroids, so a build reports several stories only when they are clearly apart.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any

from ...model import Story
from .core import StoryClusterer, StoryInfo, StoryParams, _day, _info, _StoryState

__all__ = ["confident_split", "merge_close", "split_confidence"]


def _raw_matrix(stories: Sequence[_StoryState], params: StoryParams) -> Any:
    """The weighted dot products of every pair of centroids (sums of unit vectors), as a dense
    ``k x k`` array with a zero diagonal: divided by ``len(a) * len(b)`` an entry is the mean
    similarity of the two stories' article pairs. One sparse product per kind of term."""
    import numpy as np
    from scipy import sparse

    def gram(key: str) -> Any:
        vocab: dict[str, int] = {}
        rows: list[int] = []
        cols: list[int] = []
        vals: list[float] = []
        for i, st in enumerate(stories):
            terms: Mapping[str, float] = getattr(st, key)
            for t, v in terms.items():
                rows.append(i)
                cols.append(vocab.setdefault(t, len(vocab)))
                vals.append(v)
        m = sparse.csr_matrix((vals, (rows, cols)), shape=(len(stories), max(1, len(vocab))))
        return (m @ m.T).toarray()

    tw, ew = params.text_weight, params.entity_weight
    raw = (tw * gram("words") + ew * gram("entities")) / (tw + ew)
    np.fill_diagonal(raw, 0.0)
    return raw


def merge_close(clusterer: StoryClusterer, ids: Sequence[str], threshold: float) -> list[StoryInfo]:
    """Merge stories whose articles are, on average, similar (average-link agglomeration over
    the story centroids, no time decay), most similar pair first, while the mean pairwise
    similarity reaches ``threshold``; then a fragment (a story with at most
    ``params.build_fold_share`` of the articles) is folded into the most similar larger story
    when their mean similarity reaches ``params.build_fold_threshold``, smallest first. The
    state is not changed.

    Each story that is left gets a confidence (:func:`split_confidence` of its clearest
    separation from another story); a build's only story gets 1.0.

    Returns:
        The stories, merged ones under the id of their first-created member (articles in
        arrival order within each part, parts in creation order).
    """
    import numpy as np

    stories = [clusterer.state.stories[clusterer._by_id[i]] for i in ids]
    k = len(stories)
    if k < 2:
        return [_info(s, clusterer.params) for s in stories]
    raw = _raw_matrix(stories, clusterer.params)
    size = np.array([float(len(s.articles)) for s in stories])
    alive = np.ones(k, dtype=bool)
    groups: list[list[int]] = [[i] for i in range(k)]
    def join(i: int, j: int) -> None:
        i, j = min(i, j), max(i, j)
        raw[i, :] += raw[j, :]
        raw[:, i] += raw[:, j]
        raw[i, i] = 0.0
        size[i] += size[j]
        alive[j] = False
        groups[i] += groups[j]

    def means() -> np.ndarray:
        mean = raw / np.outer(size, size)
        mask = np.outer(alive, alive)
        np.fill_diagonal(mask, False)
        mean[~mask] = -1.0
        return mean

    def row(i: int) -> np.ndarray:
        r = raw[i] / (size[i] * size)
        r[~alive] = -1.0
        r[i] = -1.0
        return r

    # most similar pair first. Each story keeps its nearest neighbour: a join only lowers or keeps
    # the mean similarity to the joined story (an average of the two), so only the rows whose
    # nearest was one of the pair are searched again, O(k) a join instead of O(k**2)
    if threshold < 1.0:
        mean = means()
        best = mean.argmax(axis=1)
        val = mean[np.arange(k), best]
        while True:
            i = int(np.argmax(val))
            j = int(best[i])
            if val[i] < threshold:
                break
            join(i, j)
            i, j = min(i, j), max(i, j)
            val[j] = -np.inf
            for r in [i, *np.flatnonzero(alive & ((best == i) | (best == j)))]:
                if alive[r]:
                    rr = row(int(r))
                    best[r] = int(np.argmax(rr))
                    val[r] = rr[best[r]]
    # NB: the fragment share is taken of the sizes summed over every merge step (a joined story's
    # articles count again under each story it was joined into), not of the build's articles: this
    # is what build_fold_share = 0.1 was measured with (bench/stories.py --duc), so it is kept; a
    # share of the build's articles folds less (DUC 2007 single-cluster builds split more often).
    total = float(size.sum())
    # the fold works on the stories left (fewer), in the same order
    keep = np.flatnonzero(alive)
    raw, size = raw[np.ix_(keep, keep)], size[keep]
    groups = [groups[int(i)] for i in keep]
    k = len(keep)
    alive = np.ones(k, dtype=bool)
    p = clusterer.params
    while p.build_fold_share > 0:
        mean = means()
        small = [i for i in np.argsort(size, kind="stable") if alive[i] and size[i] <= p.build_fold_share * total]
        for i in small:
            larger = alive & (size > size[i])
            if not larger.any():
                continue
            j = int(np.argmax(np.where(larger, mean[i], -1.0)))
            if mean[i, j] >= p.build_fold_threshold:
                join(i, j)
                break
        else:
            break
    left = [i for i in range(k) if alive[i]]
    mean = means()
    out = []
    for i in left:
        infos = [_info(stories[m], clusterer.params) for m in sorted(groups[i])]
        conf = max((split_confidence(float(mean[i, j]), int(min(size[i], size[j])), threshold)
                    for j in left if j != i), default=1.0)
        out.append(dataclasses.replace(_joined(infos), confidence=round(conf, 4)))
    return out


def split_confidence(similarity: float, smaller: int, threshold: float) -> float:
    """How sure a build can be that two of its stories are different stories.

    ``(1 - similarity / threshold) * (1 - 1 / smaller**2)``, clipped to [0, 1]: at the merge
    threshold the split is a coin flip (0), at no shared vocabulary it is certain; a story of
    one article is no evidence of a story of its own (an odd page, an aside), two articles
    that agree with each other and not with the rest are (0.75 of the margin).

    Args:
        similarity: the mean similarity of the two stories' article pairs.
        smaller: the articles of the smaller story.
        threshold: the merge threshold (``build_merge_threshold``).
    """
    margin = min(1.0, max(0.0, 1.0 - similarity / threshold))
    return margin * (1.0 - 1.0 / max(1, smaller) ** 2)


def confident_split(stories: Sequence[Story], params: StoryParams) -> list[Story]:
    """The stories a build is confident are different ones (confidence at least
    ``params.build_split_confidence``), or ``[]`` when fewer than two are: the build is then
    reported as one story, whatever the clustering's parts."""
    sure = [s for s in stories if s.confidence >= params.build_split_confidence]
    return sure if len(sure) > 1 else []


def _joined(infos: Sequence[StoryInfo]) -> StoryInfo:
    """One story of several: the first one's id and label, every article, outlet and date."""
    if len(infos) == 1:
        return infos[0]
    firsts = [(_day(i.first), i.first) for i in infos if i.first and _day(i.first) is not None]
    lasts = [(_day(i.last), i.last) for i in infos if i.last and _day(i.last) is not None]
    outlets = tuple(dict.fromkeys(o for i in infos for o in i.outlets))
    return StoryInfo(infos[0].id, infos[0].label, tuple(a for i in infos for a in i.articles), outlets,
                     min(firsts)[1] if firsts else None, max(lasts)[1] if lasts else None)
