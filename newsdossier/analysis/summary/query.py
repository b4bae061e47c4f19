"""Relevance to a query and novelty against prior documents, as per-sentence and per-concept weights."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

from ...lang import en
from .candidates import Sent
from .config import SummaryConfig, SummaryError

__all__ = ["Query", "as_query", "query_relevance", "concept_relevance", "prior_share"]

_WORD = re.compile(r"[\w'’-]+")


@dataclass(frozen=True)
class Query:
    """What the reader asks: a title (topic name, entity) and a narrative (the question)."""

    title: str = ""
    narr: str = ""

    def parts(self, title_weight: float) -> list[tuple[str, float]]:
        """Return the query's texts with their weights."""
        return [(t, w) for t, w in ((self.title, title_weight), (self.narr, 1.0)) if t.strip()]


def as_query(query: str | Mapping[str, str] | Query | None) -> Query | None:
    """Return a :class:`Query` from a string, a ``{"title", "narr"}`` mapping or ``None``.

    Raises:
        SummaryError: if the query is of another type or has no words at all.
    """
    if query is None:
        return None
    if isinstance(query, Query):
        q = query
    elif isinstance(query, str):
        q = Query(narr=query)
    elif isinstance(query, Mapping):
        title, narr = query.get("title") or "", query.get("narr") or query.get("narrative") or ""
        if not isinstance(title, str) or not isinstance(narr, str):
            raise SummaryError('a query\'s "title" and "narr" must be strings')
        q = Query(title=title, narr=narr)
    else:
        raise SummaryError(f"a query is a string or {{title, narr}}, not {type(query).__name__}")
    if not _WORD.search(q.title + " " + q.narr):
        raise SummaryError("the query has no words to look for")
    if not q.title.strip() and not q.narr.strip():
        return None
    return q


def _query_lemmas(q: Query, sents: Sequence[Sent], title_weight: float) -> dict[str, float]:
    """Map the query's content words to the cluster's lemmas, with weights (before IDF)."""
    form_to_lemma: dict[str, str] = {}
    lemmas: set[str] = set()
    for s in sents:
        form_to_lemma.update(s.forms)
        lemmas.update(s.terms)
    out: dict[str, float] = defaultdict(float)
    for text, weight in q.parts(title_weight):
        raw = [w.lower().strip("'’-") for w in _WORD.findall(text)]
        words = [w for w in raw if w and w not in STOP_WORDS and w not in en.SUMMARY_QUERY_INSTRUCTIONS]
        if not words:
            words = [w for w in raw if w and w not in STOP_WORDS] or raw
        for w in words:
            lemma = form_to_lemma.get(w)
            if lemma is None and w.endswith("s") and w[:-1] in form_to_lemma:
                lemma = form_to_lemma[w[:-1]]
            if lemma is None and w in lemmas:
                lemma = w
            if lemma is not None:
                out[lemma] = max(out[lemma], weight)
    return dict(out)


def query_relevance(q: Query, sents: Sequence[Sent], config: SummaryConfig
                    ) -> tuple[np.ndarray, dict[str, float]]:
    """Return each sentence's relevance to the query (0-1) and the weighted query lemmas.

    A sentence's raw relevance is the share of the query's IDF-weighted lemmas it contains;
    the values are scaled so that the most relevant sentence has 1. All zeros when no
    sentence shares a word with the query.
    """
    terms = _query_lemmas(q, sents, config.query_title_weight)
    n = len(sents)
    df: Counter[str] = Counter()
    for s in sents:
        df.update(set(s.terms) & terms.keys())
    qw = {t: w * (math.log((1 + n) / (1 + df[t])) + 1) for t, w in terms.items() if df[t]}
    rel = np.zeros(n)
    total = sum(qw.values())
    if not total:
        return rel, qw
    for i, s in enumerate(sents):
        have = set(s.terms)
        rel[i] = sum(w for t, w in qw.items() if t in have) / total
    top = float(rel.max())
    return (rel / top if top > 0 else rel), qw


def concept_relevance(sents: Sequence[Sent], rel: np.ndarray, qterms: Mapping[str, float]
                      ) -> dict[str, float]:
    """Return, per concept, how much it goes with the query (0-1): a query lemma is 1, any
    other concept the mean relevance of the sentences it occurs in (query expansion by
    co-occurrence), shrunk towards 0 for rare concepts."""
    tot: dict[str, float] = defaultdict(float)
    cnt: Counter[str] = Counter()
    for i, s in enumerate(sents):
        for c in s.concepts:
            tot[c] += float(rel[i])
            cnt[c] += 1
    out = {c: tot[c] / (cnt[c] + 1) for c in cnt}
    for c in list(out):
        parts = c.split(" ")
        if any(p in qterms for p in parts):
            out[c] = max(out[c], 1.0 if len(parts) == 1 else 0.5 * sum(p in qterms for p in parts))
    return out


def prior_share(prior: Sequence[Sent]) -> dict[str, float]:
    """Return, per concept, the share of prior articles that mention it."""
    arts: dict[str, set[int]] = defaultdict(set)
    for s in prior:
        for c in s.concepts:
            arts[c].add(s.art)
    n = len({s.art for s in prior}) or 1
    return {c: len(a) / n for c, a in arts.items()}
