"""Concept weights, topicality and the greedy budgeted selection."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence

import numpy as np
from scipy import sparse

from .candidates import Sent
from .config import SummaryConfig
from .standalone import CONTINUABLE

__all__ = ["concept_weights", "article_weights", "select"]


def concept_weights(sents: Sequence[Sent], config: SummaryConfig) -> dict[str, float]:
    """Weight each concept by the articles that mention it, how often and how early."""
    arts: dict[str, set[int]] = defaultdict(set)
    count: Counter[str] = Counter()
    lead: Counter[str] = Counter()
    for s in sents:
        for c in s.concepts:
            arts[c].add(s.art)
            count[c] += 1
            if s.pos < config.lead_sentences:
                lead[c] += 1
    weights: dict[str, float] = {}
    for c, n in count.items():
        if n < config.min_support and len(arts[c]) < 2:
            continue
        w = len(arts[c]) + config.freq_bonus * math.log1p(n) + config.lead_bonus * min(lead[c], 2)
        if " " not in c:
            w *= config.unigram_weight
        weights[c] = w
    return weights


def article_weights(
    sents: Sequence[Sent], sim: np.ndarray, config: SummaryConfig, outside: frozenset[int] = frozenset(),
) -> np.ndarray:
    """Return a per-sentence weight that is low for articles off the cluster's topic.

    An article's topicality is the mean, over its (up to) ``off_topic_sentences`` sentences
    closest to the rest of the cluster, of their best TF-IDF cosine with a sentence of another
    article. A page that shares almost nothing with the others (an archive notice, a
    mis-clustered story) scores near zero and its sentences are down-weighted in proportion to
    ``off_topic`` (never below ``off_topic_floor``; below ``off_topic_exclude`` of it, the
    selector leaves them out). When no article shares anything with any other, the longest one is taken as the
    story. An article in ``outside`` (indices of the articles the story clustering puts outside the
    build's main story) is left out when its topicality, averaged over its best
    ``off_topic_story_share`` of sentences (at least ``off_topic_sentences``: a 1,000-sentence page
    of other stories always has five that match something), is below ``off_topic_story``: both
    signals say it is another story.
    """
    arts = np.array([s.art for s in sents])
    ids = sorted(set(arts.tolist()))
    out = np.ones(len(sents))
    if len(ids) < 2 or not config.off_topic:
        return out
    score: dict[int, float] = {}
    apart: dict[int, float] = {}   # the same over a share of a long article's sentences (size-robust)
    for a in ids:
        inside = arts == a
        block = sim[np.ix_(inside, ~inside)]
        best = np.sort(block.max(axis=1)) if block.size else np.zeros(1)
        score[a] = float(best[-config.off_topic_sentences:].mean())
        if a in outside:
            k = max(config.off_topic_sentences, math.ceil(config.off_topic_story_share * len(best)))
            apart[a] = float(best[-k:].mean())
    if max(score.values()) < config.off_topic:
        longest = max(ids, key=lambda a: (int((arts == a).sum()), -a))
        score = {a: (1.0 if a == longest else 0.0) for a in ids}
    for a in ids:
        out[arts == a] = min(1.0, max(config.off_topic_floor, score[a] / config.off_topic))
        if a in apart and apart[a] < config.off_topic_story:
            out[arts == a] = 0.0
    return out


def select(
    sents: Sequence[Sent], sim: np.ndarray, conc: sparse.csr_matrix, w: np.ndarray, words: int,
    config: SummaryConfig, *, multiplier: np.ndarray | None = None,
    allowed: np.ndarray | None = None, position_weight: float | None = None,
    contained: Callable[[int], np.ndarray] | None = None, outside: frozenset[int] = frozenset(),
    facts: sparse.csr_matrix | None = None,
) -> list[int]:
    """Greedy budgeted maximisation of concept coverage plus saturated similarity coverage.

    ``F(S) = (1 - mu) * concepts(S) / concepts(V) + mu * L(S) / L(V)`` with
    ``L(S) = sum_i min(sum_{j in S} sim(i, j), alpha * sum_j sim(i, j))`` (Lin & Bilmes);
    each step takes the sentence with the best ``gain * boosts / words ** r`` that fits the
    budget. ``multiplier`` scales each sentence's gain (query relevance, novelty);
    ``allowed`` masks out sentences (old news); ``contained(j)`` gives, for every sentence,
    the share of its content already in sentence ``j`` (a candidate mostly said by a picked
    sentence is skipped too). Once no weighted concept is left, a tiny
    tie-breaker keeps filling the budget with the most content-bearing sentences, so a
    summary stops only when no usable sentence fits (``config.fill``; off, it stops once no
    sentence adds a weighted concept). ``outside``: see :func:`article_weights`. With ``config.continuations``, picking a
    sentence makes the one after it a candidate when all it lacked was this predecessor
    (``CONTINUABLE``), and what is left of the budget may go to such followers (``_continue``).
    """
    n = len(sents)
    lengths = np.array([s.words for s in sents], dtype=float)
    pw = config.position_weight if position_weight is None else position_weight
    pos_boost = 1 + pw / (1 + np.array([s.pos for s in sents], dtype=float))
    ok = np.array([s.ok for s in sents], dtype=bool)
    if allowed is not None:
        ok &= allowed
    mult = np.ones(n) if multiplier is None else multiplier
    filler = (1e-6 * np.array([len(set(s.terms)) for s in sents], dtype=float) * (0.5 + mult)
              if config.fill else np.zeros(n))
    topical = article_weights(sents, sim, config, outside)
    ok &= topical >= config.off_topic_exclude   # an article sharing (almost) nothing is not the story
    uncovered = w.copy()
    w_total = float(w.sum()) or 1.0
    cap = config.alpha * sim.sum(axis=1)
    l_total = float(cap.sum()) or 1.0
    cover = np.zeros(n)
    chosen: list[int] = []
    used = 0.0
    index = {(s.art, s.pos): k for k, s in enumerate(sents)}
    near = _near(sents, sim, config, facts)
    while True:
        ok &= lengths <= words - used
        if not ok.any():
            break
        cgain = conc @ uncovered
        gain = (1 - config.mu) * cgain / w_total
        if config.mu:
            base = np.minimum(cover, cap).sum()
            lgain = np.minimum(cover[:, None] + sim, cap[:, None]).sum(axis=0) - base
            gain = gain + config.mu * lgain / l_total
        score = np.where(
            ok, (gain * mult + filler) * pos_boost * topical / lengths ** config.cost_power, -1.0
        )
        best = int(np.argmax(score))
        if score[best] <= 0:
            break
        chosen.append(best)
        used += lengths[best]
        uncovered[conc[best].indices] = 0.0
        cover += sim[:, best]
        ok &= ~near(best)
        if contained is not None:   # the same report in other words: most of it already said
            ok &= contained(best) < config.cite_containment
        ok[best] = False
        if config.continuations:    # what needs this sentence may now follow it
            k = None if sents[best].stop else index.get((sents[best].art, sents[best].pos + 1))
            if k is not None and k not in chosen and sents[k].why in CONTINUABLE \
                    and config.min_words <= sents[k].words <= config.max_words \
                    and topical[k] >= config.off_topic_exclude and (allowed is None or allowed[k]) \
                    and not any(near(b)[k] for b in chosen) \
                    and (contained is None or all(contained(b)[k] < config.cite_containment for b in chosen)):
                ok[k] = True
    if config.continuations:
        chosen = _continue(sents, sim, chosen, words - used, config, mult, topical, contained, allowed, near)
    used = float(lengths[chosen].sum()) if chosen else 0.0
    if used < config.fill_floor * words:
        # short of the floor: sentences that only lacked their predecessor, and usable ones left
        # out only as another telling of a picked sentence's event (the soft rule of ``_near``),
        # may fill it, the most new weighted content per word first, under the other
        # redundancy rules
        soft = np.zeros(n, dtype=bool)   # usable, but told the event of a picked sentence
        for b in chosen:
            soft |= near(b) & ~near(b, False)
        spare = np.array([((s.ok and soft[k]) or s.why in CONTINUABLE) and config.min_words <= s.words <= config.max_words
                          for k, s in enumerate(sents)], dtype=bool)
        spare &= topical >= config.off_topic_exclude
        if allowed is not None:
            spare &= allowed
        for b in chosen:
            spare &= ~near(b, False)
            if contained is not None:
                spare &= contained(b) < config.cite_containment
        spare[chosen] = False
        while used < config.fill_floor * words:
            spare &= lengths <= words - used
            if not spare.any():
                break
            gain = (conc @ uncovered) / w_total
            score = np.where(spare, (gain * mult + filler + 1e-12) * pos_boost * topical / lengths ** config.cost_power, -1.0)
            best = int(np.argmax(score))
            chosen.append(best)
            used += lengths[best]
            uncovered[conc[best].indices] = 0.0
            spare &= ~near(best, False)
            if contained is not None:
                spare &= contained(best) < config.cite_containment
            spare[best] = False
    return chosen


def _near(sents: Sequence[Sent], sim: np.ndarray, config: SummaryConfig,
          facts: sparse.csr_matrix | None = None) -> Callable[..., np.ndarray]:
    """Return ``near(j)``: which sentences are too similar to sentence ``j`` to be picked with it.

    The cosine must stay below ``redundancy``; between two leads (the first
    ``lead_redundancy_sentences`` usable sentences of their articles: a headline, dateline or
    caption before them does not count) below ``lead_redundancy``, because each
    lead tells the whole story and two that share this much are the same report twice. With
    ``facts`` (the TF-IDF rows of ``Sent.facts``), two sentences whose cosine reaches
    ``event_redundancy`` and whose facts reach ``event_facts`` tell one event in other words (the
    same who and the same what). That rule is soft: ``near(j, False)`` leaves it out, for the
    fill floor, which prefers a filled summary to a short one.
    """
    rank: Counter[int] = Counter()   # a lead is among the first usable sentences of its article
    lead = np.zeros(len(sents), dtype=bool)
    for k in sorted(range(len(sents)), key=lambda k: (sents[k].art, sents[k].pos)):
        if sents[k].ok:
            lead[k] = rank[sents[k].art] < config.lead_redundancy_sentences
            rank[sents[k].art] += 1

    cache: dict[tuple[int, bool], np.ndarray] = {}

    def near(j: int, soft: bool = True) -> np.ndarray:
        if (j, soft) in cache:
            return cache[j, soft]
        out = sim[j] >= config.redundancy
        if lead[j]:
            out = out | (lead & (sim[j] >= config.lead_redundancy))
        if soft and facts is not None and config.event_redundancy:
            said = np.asarray((facts[j] @ facts.T).todense()).ravel()   # one row, not n x n
            out = out | ((sim[j] >= config.event_redundancy) & (said >= config.event_facts))
        cache[j, soft] = out
        return out

    return near


def _continue(
    sents: Sequence[Sent], sim: np.ndarray, chosen: list[int], left: float, config: SummaryConfig,
    mult: np.ndarray, topical: np.ndarray, contained: Callable[[int], np.ndarray] | None,
    allowed: np.ndarray | None, near: Callable[[int], np.ndarray],
) -> list[int]:
    """Spend what is left of the budget on sentences that read only after their predecessor.

    A sentence left out because it needs the one before it (a pronoun or connective opening,
    a quote continued without its speaker, "that's why") stands fine right after that
    sentence: once its predecessor is picked it may follow it, best content per word first,
    under the same redundancy rules. The renderer keeps the two together.
    """
    index = {(s.art, s.pos): k for k, s in enumerate(sents)}
    picked = set(chosen)
    lengths = np.array([s.words for s in sents], dtype=float)
    blocked = np.zeros(len(sents), dtype=bool) if allowed is None else ~allowed
    for b in chosen:
        blocked |= near(b)
        if contained is not None:
            blocked |= contained(b) >= config.cite_containment
    while True:
        options = []
        for b in picked:
            # a sentence whose attribution was cut is followed by nothing (its passage would
            # have to include the cut words)
            k = None if sents[b].stop else index.get((sents[b].art, sents[b].pos + 1))
            if k is None or k in picked or blocked[k] or lengths[k] > left:
                continue
            s = sents[k]
            if s.why not in CONTINUABLE or not config.min_words <= s.words <= config.max_words:
                continue
            if topical[k] < config.off_topic_exclude:
                continue
            options.append((len(set(s.terms)) * mult[k] / lengths[k] ** config.cost_power, -k))
        if not options:
            return chosen
        k = -max(options)[1]
        chosen.append(k)
        picked.add(k)
        left -= lengths[k]
        blocked |= near(k)
        if contained is not None:
            blocked |= contained(k) >= config.cite_containment
