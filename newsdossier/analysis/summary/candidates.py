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
from spacy.tokens import Span as SpacySpan

from ...lang.en_summary import SUMMARY_SPEECH_VERBS
from ...model import Article, strip_range
from ..layout import dateline_end, find_turns, paragraphs
from ..stories import ENTITY_LABELS
from .compress import Trim, trim_attribution, trim_connective
from .config import MissingParseError, SummaryConfig
from .standalone import standalone_problem

__all__ = ["Sent", "candidates", "keep_lone_attributions", "tfidf", "concept_matrix"]


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
    cap: bool = False            # a connective was cut: the summary capitalises the first letter
    stop: bool = False           # an attribution was cut: the summary adds the full stop
    whole: tuple[int, int, str | None] | None = None   # with its attribution: end, words, why
    facts: list[str] = field(default_factory=list)   # the terms but names and speech verbs: what it says


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
            trim = _compress(sent, start, end, config)
            whole_end = end
            start, end = trim.start, trim.end
            text = art.text[start:end]
            nwords = len(text.split())
            terms, forms, bigrams, facts = _terms(sent, start, end)
            item = Sent(ai, pos, len(sents), start, end, nwords, terms, forms, cap=trim.cap, stop=trim.stop,
                        facts=facts)
            item.concepts = set(terms) | set(bigrams)
            why = None
            if not config.min_words <= nwords <= config.max_words:
                why = "length"
            elif config.standalone:
                why = standalone_problem(sent, start, end if trim.stop else None, trim.cap)
            if not terms:
                why = why or "empty"
            item.ok, item.why = why is None, why
            if trim.stop:
                n_whole = len(art.text[start:whole_end].split())
                why_whole = ("length" if not config.min_words <= n_whole <= config.max_words
                             else standalone_problem(sent, start, None, trim.cap))
                item.whole = (whole_end, n_whole, why_whole)
            out.append(item)
        _reject_listing(out, ai, config)
    return out


def _reject_listing(sents: list[Sent], art: int, config: SummaryConfig) -> None:
    """Leave out every sentence of a page of teasers (in place).

    A page on which many sentences are cut off ("... according to new ...") is a list of
    links to other stories, not an article: what reads whole on it is one more teaser.
    """
    mine = [s for s in sents if s.art == art]
    cut = sum(s.why == "truncated" for s in mine)
    if cut >= config.listing_min and cut >= config.listing_share * len(mine):
        for s in mine:
            s.ok, s.why = False, s.why or "listing"


def keep_lone_attributions(sents: Sequence[Sent], sim: np.ndarray, config: SummaryConfig) -> None:
    """Give its attribution back to a claim no other article reports (in place).

    A trailing attribution is cut only where the claim is not one source's word: another
    article has a sentence at TF-IDF cosine >= ``cite_similarity`` with it (the sentence the
    summary would cite as saying the same thing). Otherwise the sentence is used whole,
    attribution included; its concepts stay those of the claim.
    """
    arts = np.array([s.art for s in sents])
    for i, s in enumerate(sents):
        if not s.stop or s.whole is None:
            continue
        others = arts != s.art
        if others.any() and float(sim[i, others].max()) >= config.cite_similarity:
            continue
        s.end, s.words, s.why = s.whole
        s.ok, s.stop, s.whole = s.why is None, False, None


def _terms(sent: SpacySpan, start: int, end: int) -> tuple[list[str], dict[str, str], list[str], list[str]]:
    """Return the content lemmas (in order), their surface forms, the content bigrams and the
    facts (the content lemmas that are neither part of a name nor a speech verb) of the part
    ``start:end`` of a sentence."""
    terms: list[str] = []
    facts: list[str] = []
    forms: dict[str, str] = {}
    bigrams: list[str] = []
    prev: str | None = None
    prev_stop = True
    for tok in sent:
        if tok.idx < start:
            continue
        if tok.idx >= end:
            break
        n = _norm(tok)
        if n is None:
            prev = None
            continue
        stop = tok.is_stop or n in STOP_WORDS
        if not stop:
            terms.append(n)
            forms[tok.lower_] = n
            if tok.pos_ != "PROPN" and tok.ent_type_ not in ENTITY_LABELS and n not in SUMMARY_SPEECH_VERBS:
                facts.append(n)
        if prev is not None and not (stop and prev_stop):
            bigrams.append(prev + " " + n)
        prev, prev_stop = n, stop
    return terms, forms, bigrams, facts


def _compress(sent: SpacySpan, start: int, end: int, config: SummaryConfig) -> Trim:
    """Cut a leading connective and a trailing attribution off a sentence where the parse allows
    it and what is left stands alone (see :mod:`.compress`); else keep it whole."""
    out = Trim(start, end)
    if not config.standalone:
        return out
    if config.trim_connectives:
        cut = trim_connective(sent, start, end)
        if cut is not None and standalone_problem(sent, cut, None, True) is None:
            out = Trim(cut, end, cap=sent.text[cut - sent.start_char].islower())
    if config.trim_attributions:
        cut = trim_attribution(sent, out.start, out.end, config.attribution_max_words)
        if cut is not None and standalone_problem(sent, out.start, cut, out.cap) is None \
                and len(sent.text[out.start - sent.start_char:cut - sent.start_char].split()) >= config.min_words:
            out = Trim(out.start, cut, cap=out.cap, stop=True)
    return out


def tfidf(sents: Sequence[Sent], facts: bool = False) -> sparse.csr_matrix:
    """Return L2-normalised TF-IDF rows over content lemmas (sublinear TF, smoothed IDF); with
    ``facts``, over each sentence's facts (``Sent.facts``: no names, no speech verbs).

    Hand-written on purpose: the same weights as scikit-learn's ``TfidfVectorizer``
    (``sublinear_tf``, ``smooth_idf``, L2) and about twice as fast on a story's sentences, where
    the vectorizer's per-call set-up dominates (``bench/tfidf.py``).
    """
    n = len(sents)
    vocab: dict[str, int] = {}
    df: Counter[int] = Counter()
    rows: list[Counter[int]] = []
    for s in sents:
        tf: Counter[int] = Counter(vocab.setdefault(t, len(vocab)) for t in (s.facts if facts else s.terms))
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
