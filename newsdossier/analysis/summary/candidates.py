"""Candidate sentences of a cluster and their vectors (content lemmas, bigrams, TF-IDF)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Token

from ...model import Article, strip_range
from ..layout import dateline_end, find_turns, paragraphs
from .config import MissingParseError, SummaryConfig
from .standalone import standalone_problem

__all__ = ["Sent", "candidates", "tfidf", "concept_matrix"]


@dataclass
class Sent:
    """One sentence of one article, as the selector sees it."""

    art: int                     # index of the article in its input list
    pos: int                     # index among the article's sentences
    n_pos: int                   # number of sentences in the article
    start: int
    end: int
    words: int
    terms: list[str]             # content lemmas, in order
    forms: dict[str, str] = field(default_factory=dict)   # lower-case surface form -> lemma
    concepts: set[str] = field(default_factory=set)
    ok: bool = True
    why: str | None = None       # why it cannot be used (None when it can)


def _norm(tok: Token) -> str | None:
    if tok.is_punct or tok.is_space or not any(ch.isalnum() for ch in tok.text):
        return None
    lemma = tok.lemma_.lower() if tok.lemma_ else tok.lower_
    return lemma or tok.lower_


def candidates(articles: Sequence[Article], docs: Mapping[str, Doc], config: SummaryConfig) -> list[Sent]:
    """Return every sentence of every article with its terms, concepts and usability.

    Raises:
        MissingParseError: if an article has no parse in ``docs`` or a parse of another text.
    """
    out: list[Sent] = []
    for ai, art in enumerate(articles):
        try:
            doc = docs[art.id]
        except KeyError as exc:
            raise MissingParseError(
                f"no spaCy parse for article {art.id} ({art.label}); parse with newsdossier.nlp.parse"
            ) from exc
        if doc.text != art.text:
            raise MissingParseError(f"the parse given for article {art.id} is of a different text")
        sents = [s for s in doc.sents if s.text.strip()]
        # a transcript's speaker label opens its turn's first sentence ("MARTIN: It started ..."):
        # the sentence is cited without it
        label_end = {t.label_start: t.start for t in find_turns(art.text, paragraphs(art.text))}
        for pos, sent in enumerate(sents):
            start, end = strip_range(art.text, sent.start_char, sent.end_char)
            if end <= start:
                continue
            if start in label_end:
                if label_end[start] >= end:
                    continue  # the label alone ("HOLLOWAY:")
                start = label_end[start]
            cut = (dateline_end(art.text[start:end], config.dateline_max_words)
                   if pos < config.dateline_sentences else 0)
            start += cut
            text = art.text[start:end]
            nwords = len(text.split())
            terms: list[str] = []
            forms: dict[str, str] = {}
            bigrams: list[str] = []
            prev: str | None = None
            prev_stop = True
            for tok in sent:
                if tok.idx < start:
                    continue
                n = _norm(tok)
                if n is None:
                    prev = None
                    continue
                stop = tok.is_stop or n in STOP_WORDS
                if not stop:
                    terms.append(n)
                    forms[tok.lower_] = n
                if prev is not None and not (stop and prev_stop):
                    bigrams.append(prev + " " + n)
                prev, prev_stop = n, stop
            item = Sent(ai, pos, len(sents), start, end, nwords, terms, forms)
            item.concepts = set(terms) | set(bigrams)
            why = None
            if not config.min_words <= nwords <= config.max_words:
                why = "length"
            elif config.standalone:
                why = standalone_problem(sent, start)
            if not terms:
                why = why or "empty"
            item.ok, item.why = why is None, why
            out.append(item)
    return out


def tfidf(sents: Sequence[Sent]) -> sparse.csr_matrix:
    """Return L2-normalised TF-IDF rows over content lemmas (sublinear TF, smoothed IDF).

    Hand-written on purpose: the same weights as scikit-learn's ``TfidfVectorizer``
    (``sublinear_tf``, ``smooth_idf``, L2) and about twice as fast on a story's sentences, where
    the vectorizer's per-call set-up dominates (``bench/tfidf.py``).
    """
    n = len(sents)
    vocab: dict[str, int] = {}
    df: Counter[int] = Counter()
    rows: list[Counter[int]] = []
    for s in sents:
        tf: Counter[int] = Counter(vocab.setdefault(t, len(vocab)) for t in s.terms)
        rows.append(tf)
        df.update(tf.keys())
    indptr: list[int] = [0]
    indices: list[int] = []
    data: list[float] = []
    for tf in rows:
        vals = [(1 + math.log(c)) * (math.log((1 + n) / (1 + df[t])) + 1) for t, c in tf.items()]
        norm = math.sqrt(sum(v * v for v in vals)) or 1.0
        indices.extend(tf.keys())
        data.extend(v / norm for v in vals)
        indptr.append(len(indices))
    return sparse.csr_matrix((data, indices, indptr), shape=(n, max(1, len(vocab))))


def concept_matrix(sents: Sequence[Sent], weights: Mapping[str, float]) -> tuple[sparse.csr_matrix, np.ndarray, list[str]]:
    """Return the sentence-by-concept incidence matrix, the weight vector and the concepts."""
    names = list(weights)
    cindex = {c: k for k, c in enumerate(names)}
    indptr, indices = [0], []
    for s in sents:
        indices.extend(sorted(cindex[c] for c in s.concepts if c in cindex))
        indptr.append(len(indices))
    conc = sparse.csr_matrix(
        (np.ones(len(indices)), indices, indptr), shape=(len(sents), max(1, len(cindex)))
    )
    w = np.zeros(max(1, len(cindex)))
    for c, k in cindex.items():
        w[k] = weights[c]
    return conc, w, names
