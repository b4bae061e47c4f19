"""What happened: an extractive multi-document summary whose every sentence cites its sources.

Method (chosen by measurement, see ``docs/benchmarks/summary.md``): budgeted concept coverage
in the spirit of Gillick & Favre (2009), solved greedily with the cost-scaled rule of Lin &
Bilmes (2010); a query re-weights it towards relevance (Daumé-style query-biased concept
weights plus a per-sentence relevance factor) and prior documents tell what the story is about
while sentences that repeat an old one are dropped (what is left is what is new).

1. Candidates are the spaCy sentences of every article, minus those that do not stand alone
   (questions, headers and other lines without final punctuation, page furniture and site
   boilerplate, captions, quote fragments without a speaker, sentences opening on a pronoun
   or a connective that needs the sentence before or pointing back to it ("that's why",
   "Either way", "realize that,"), a main clause whose subject or object is "he"/"she"/"they"/
   "him"/"them" with no name before it, lines with no finite verb, a lone attribution after a
   quote, teasers cut off with "...", newsroom notes ("left a message seeking comment"),
   first-person asides); every sentence of a page of teasers is left out. A leading dateline (``CITY (Agency) —``) is trimmed off, so the
   text stays verbatim but starts where the reporting starts. Optionally (``compress.py``;
   ``trim_connectives`` and ``trim_attributions``, off: measured no better) a leading
   connective ("However,", "But") that the parse shows is a phrase of its own, and a trailing
   attribution ("..., officials said.") of an unquoted claim another article reports too,
   are cut when the rest stands alone; the summary capitalises the first letter or adds the
   full stop, the cited span stays exact, and the words cut free budget for the selector.
2. Concepts are content lemmas and content bigrams. A concept is worth the number of articles
   that mention it plus a small bonus for how often, and how early, it is mentioned; concepts
   seen only once in the whole cluster are worth nothing.
3. **Query** (a question, a ``{title, narr}`` topic, an entity name): each sentence gets a
   relevance (share of the query's IDF-weighted lemmas it contains, scaled to the best
   sentence) and each concept a relevance (1 for a query lemma, else the mean relevance of the
   sentences it occurs in: expansion by co-occurrence). Concept weights grow by
   ``1 + query_concepts * relevance``, sentence gains by ``1 + query_sentences * relevance``.
   Nothing is filtered out: when few sentences are relevant the rest of the budget goes to
   the most central ones, and each sentence says which it is (``basis``).
4. **Prior documents** (update summary): a candidate whose TF-IDF cosine with a prior
   sentence clears ``prior_redundancy`` is old news and left out; otherwise the prior
   articles tell what the story is about, like a query: their concept weights add to the new
   articles' (``prior_context``) and a sentence's gain grows with its cosine to the centroid
   of the prior sentences (``prior_topic``). Human update summaries restate the story's core
   and add what is new to it, so a sentence near the old topic that says something new wins.
   Each sentence reports its novelty (``1 - max cosine to a prior sentence``).
5. Sentences are picked greedily by ``new concept weight * factors * lead boost / words ** r``
   until the word budget is full; a concept already covered earns nothing again, and a
   candidate too similar (TF-IDF cosine) to a picked sentence is skipped, so the same fact
   told by three outlets appears once; two leads (first usable sentences) need less
   (``lead_redundancy``): each tells the whole story; and two sentences that share both their
   words and their facts (content words but names and speech verbs) beyond ``event_redundancy``
   / ``event_facts`` tell one event in other words (a softer rule the fill floor may override). An article sharing (almost) no
   vocabulary with the rest of the cluster is down-weighted or left out. A summary short of
   ``fill_floor`` of its budget fills the rest with sentences that only lacked the sentence
   before them.
6. Each picked sentence cites its own span first, then, in every other article, the sentence
   that says the same thing: TF-IDF cosine at least ``cite_similarity``, or most of the
   sentence's IDF-weighted content words (``cite_containment``) inside it.
7. Order: chronological by publication date when every picked sentence's article is dated,
   else by position in the source (leads first), ties broken by article order.

The function is pure: articles and spaCy docs in, :class:`~newsdossier.model.SummarySentence`
objects out.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence

import numpy as np
from scipy import sparse
from spacy.tokens import Doc

from ...model import Article, SummaryBasis, SummarySentence, TimelineEvent
from . import scorer
from .candidates import Sent, candidates, concept_matrix, keep_lone_attributions, tfidf
from .compress import reads_as
from .config import (
    CITE_SIMILARITY,
    DEFAULT_PARAMS,
    MissingParseError,
    Params,
    SummaryConfig,
    SummaryError,
)
from .query import Query, as_query, concept_relevance, prior_share, query_relevance
from .select import concept_weights, select
from .standalone import CONTINUABLE, standalone_problem

__all__ = [
    "summarize", "SummaryError", "MissingParseError", "SummaryConfig", "Params", "DEFAULT_PARAMS",
    "CITE_SIMILARITY", "Query", "standalone_problem",
]


def _bounded(sents: list[Sent], cap: int) -> list[Sent]:
    """Keep at most ``cap`` candidates: every article's first sentences first, round-robin.

    The selector compares every pair of candidates, so their number bounds its memory and
    time; a large story keeps each article's lead sentences, where news puts what happened.
    """
    if len(sents) <= cap:
        return sents
    keep = sorted(sorted(range(len(sents)), key=lambda i: (sents[i].pos, i))[:cap])
    return [sents[i] for i in keep]


def summarize(
    articles: Sequence[Article],
    docs: Mapping[str, Doc],
    words: int | None = None,
    focus: str | None = None,
    independence: Callable[[Iterable[str]], int] | None = None,
    *,
    query: str | Mapping[str, str] | Query | None = None,
    prior_articles: Sequence[Article] = (),
    prior_docs: Mapping[str, Doc] | None = None,
    config: SummaryConfig | None = None,
    params: SummaryConfig | None = None,
    story: Collection[str] | None = None,
    dates: Mapping[str, Sequence[DatedSpan]] | None = None,
) -> list[SummarySentence]:
    """Summarise a cluster of articles extractively, every sentence citing its sources.

    Args:
        articles: the articles about one story (their order breaks ordering ties); with
            ``prior_articles``, only the new ones.
        docs: the spaCy parse of every article, by article id (``newsdossier.nlp.parse``).
        words: the word budget (whitespace-separated words); the summary never exceeds it.
            ``None`` takes ``config.words`` (120 by default).
        focus: a question or an entity name (the same as ``query`` given as a string).
        independence: maps the ids of the articles citing a sentence to the number of
            independent sources among them (from the reuse analysis); when ``None`` the field
            ``independent`` stays ``None``.
        query: what the reader asks: a string (question, entity name), a mapping
            ``{"title", "narr"}`` (a topic and its narrative) or a :class:`Query`. It steers
            the summary but never empties it.
        prior_articles: articles the reader has already seen; the summary then covers what
            ``articles`` add beyond them (an update summary). Never cited.
        prior_docs: the parses of ``prior_articles`` (by id); defaults to ``docs``.
        config: selector settings; the defaults are the measured ones.
        params: the old name of ``config`` (kept for callers that still use it).
        story: the ids of the articles of the build's main story (``stories.main_story``), or
            ``None``: an article outside it that also shares little with the others
            (``config.off_topic_story``) is another story and is not summarised.
        dates: by article id, the dates its text resolves (``(offset, first day, last day)``,
            from the timeline): two sentences that each date what they say, to days more
            than ``config.cite_days`` apart, tell of different events and are not cited as
            saying the same thing ("Clinton vetoed 38 projects today" / "In February, Congress
            overturned the vetoes of 38 projects").

    Returns:
        The summary sentences in reading order: ``text`` is a verbatim source span (a cut
        one read with a capital first and a full stop last, ``compress.reads_as``), ``cites``
        starts with that span and adds the matching sentences of other articles, ``outlets``
        counts distinct ``Article.label`` values among the cited articles, ``basis`` says
        whether the sentence was picked as an answer to the query, as a central one or as
        new against prior articles. Empty only when no sentence can stand alone within the
        budget.

    Raises:
        SummaryError: if ``words`` is not positive, both ``focus`` and ``query`` are given,
            or the query has no words.
        MissingParseError: if an article (or prior article) has no parse, or the parse is of
            another text.
    """
    cfg = config or params or DEFAULT_PARAMS
    budget = cfg.words if words is None else words
    if budget <= 0:
        raise SummaryError(f"the word budget must be positive, got {budget}")
    if focus is not None and query is not None:
        raise SummaryError("give the query either as focus or as query, not both")
    q = as_query(query if query is not None else (focus if focus and focus.strip() else None))
    if not articles:
        return []
    new = _bounded(candidates(articles, docs, cfg), cfg.max_candidates)
    if not new:
        return []
    prior = candidates(prior_articles, prior_docs if prior_docs is not None else docs, cfg) if prior_articles else []
    prior = _bounded(prior, cfg.max_candidates)
    x = tfidf(new + prior)
    xn = x[: len(new)]
    sim = (xn @ xn.T).toarray()
    keep_lone_attributions(new, sim, cfg)
    weights = concept_weights(new, cfg)
    n = len(new)
    mult = np.ones(n)
    allowed = np.ones(n, dtype=bool)
    rel: np.ndarray | None = None
    if cfg.centrality:
        degree = sim.sum(axis=1) - np.diag(sim)
        top = float(degree.max())
        if top > 0:
            mult *= 1 + cfg.centrality * degree / top
    novelty: np.ndarray | None = None
    focused = False
    if q is not None:
        rel, qterms = query_relevance(q, new, cfg)
        focused = bool(rel.max() > 0)   # a query nothing answers leaves the summary generic
        if focused:
            crel = concept_relevance(new, rel, qterms)
            for t in qterms:            # a query word counts even where the cluster says it once
                weights.setdefault(t, cfg.unigram_weight)
            weights = {c: v * (1 + cfg.query_concepts * crel.get(c, 0.0)) for c, v in weights.items()}
            mult *= 1 + cfg.query_sentences * rel
    if prior:
        share = prior_share(prior)
        if cfg.prior_context:
            context = concept_weights(prior, cfg)
            weights = {c: v + cfg.prior_context * context.get(c, 0.0) for c, v in weights.items()}
        new_share = prior_share(new)
        weights = {c: v * max(0.0, 1 - cfg.prior_concepts * share.get(c, 0.0))
                   * (1 + cfg.prior_new_bonus * (c not in share))
                   * (new_share.get(c, 0.0) / (new_share.get(c, 0.0) + share.get(c, 0.0) or 1.0)) ** cfg.prior_ratio
                   * (1 + cfg.prior_rise * max(0.0, new_share.get(c, 0.0) - share.get(c, 0.0)))
                   for c, v in weights.items()}
        if cfg.prior_topic:
            centroid = np.asarray(x[len(new):].mean(axis=0)).ravel()
            near = np.asarray(xn @ centroid).ravel()
            if near.max() > 0:
                mult *= 1 + cfg.prior_topic * near / near.max()
        old = (xn @ x[len(new):].T).toarray().max(axis=1)
        novelty = np.clip(1 - old, 0.0, 1.0)
        allowed &= old < cfg.prior_redundancy
        mult *= novelty ** cfg.novelty_power
    conc, w, _ = concept_matrix(new, weights)
    if cfg.learned:
        texts = [articles[s.art].text[s.start:s.end] for s in new]
        pred = scorer.predict(scorer.features(new, sim, np.asarray(conc @ w).ravel(), texts))
        ok = np.array([s.ok for s in new])
        mean = float(pred[ok].mean()) if ok.any() else 0.0
        if mean > 0:
            mult *= np.maximum(cfg.learned_floor, pred / mean) ** cfg.learned
    present = (xn > 0).astype(float).T.tocsc()
    mass = np.asarray(xn.sum(axis=1)).ravel()
    mass[mass == 0] = 1.0

    def contained(j: int) -> np.ndarray:
        return np.asarray(xn @ present[:, j].toarray()).ravel() / mass

    facts = tfidf(new, facts=True)
    chosen = select(new, sim, conc, w, budget, cfg, multiplier=mult, allowed=allowed, facts=facts,
                    position_weight=cfg.query_position_weight if focused else None,
                    contained=contained if cfg.containment_redundancy else None,
                    outside=frozenset(k for k, a in enumerate(articles) if story is not None and a.id not in story))
    when = _sentence_dates(articles, docs, new, dates or {})
    return _render(articles, new, xn, sim, facts, when, chosen, independence, cfg, rel, novelty)


DatedSpan = tuple[int, dt.date, dt.date]   # where a date is written, and the days it covers


def _sentence_dates(articles: Sequence[Article], docs: Mapping[str, Doc], sents: Sequence[Sent],
                    dates: Mapping[str, Sequence[DatedSpan]]) -> list[list[tuple[dt.date, dt.date]]]:
    """The days each sentence's main clause is dated to ("Congress overturned the vetoes in
    February"); a date deeper in ("the account the couple agreed to set up last month") dates
    something else. Each article's parse is read once, and only when it has dates."""
    out: list[list[tuple[dt.date, dt.date]]] = [[] for _ in sents]
    by_article: dict[int, list[int]] = defaultdict(list)
    for k, s in enumerate(sents):
        by_article[s.art].append(k)
    for ai, ks in by_article.items():
        spans = dates.get(articles[ai].id, ())
        if not spans:
            continue
        doc = docs[articles[ai].id]
        for k in ks:
            s = sents[k]
            out[k] = [(first, last) for at, first, last in spans
                      if s.start <= at < s.end and _dates_main_clause(doc, at)]
    return out


def _dates_main_clause(doc: Doc, at: int) -> bool:
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    tok = span[0]
    for _ in range(12):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            break
        tok = tok.head
    root = tok.sent.root
    return tok.i == root.i or (tok.dep_ in ("conj", "xcomp") and tok.head.i == root.i)


def _other_time(a: list[tuple[dt.date, dt.date]], b: list[tuple[dt.date, dt.date]], days: int) -> bool:
    """True when both sentences are dated and no date of one comes within ``days`` of the other's."""
    if not a or not b:
        return False
    pad = dt.timedelta(days=days)
    return not any(f1 - pad <= l2 and f2 - pad <= l1 for f1, l1 in a for f2, l2 in b)


def _contained_in(xn: sparse.csr_matrix, i: int) -> np.ndarray:
    """Return, for every sentence ``k``, the share of sentence ``i``'s TF-IDF mass whose
    lemmas also occur in ``k``."""
    row = xn[i]
    total = float(row.data.sum())
    if not total:
        return np.zeros(xn.shape[0])
    present = (xn > 0).astype(float)
    return np.asarray(present @ row.T.toarray()).ravel() / total


def _render(
    articles: Sequence[Article], sents: list[Sent], xn: sparse.csr_matrix, sim: np.ndarray,
    facts: sparse.csr_matrix, when: list[list[tuple[dt.date, dt.date]]], chosen: list[int], independence: Callable[[Iterable[str]], int] | None,
    cfg: SummaryConfig, rel: np.ndarray | None, novelty: np.ndarray | None,
) -> list[SummarySentence]:
    dated = all(articles[sents[i].art].published for i in chosen)

    picked = {(sents[i].art, sents[i].pos): sents[i] for i in chosen}

    def key(i: int) -> tuple[str, int, int, int]:
        s = sents[i]
        date = (articles[s.art].published or "") if dated else ""
        root = s        # a continuation stays right after the sentence it continues
        while not root.ok and root.why in CONTINUABLE and (s.art, root.pos - 1) in picked:
            root = picked[(s.art, root.pos - 1)]
        return (date, root.pos, s.art, s.pos)

    by_article: dict[int, list[int]] = defaultdict(list)
    for k, s in enumerate(sents):
        by_article[s.art].append(k)
    groups: list[list[int]] = []   # a sentence and the continuations that follow it
    for i in sorted(chosen, key=key):
        s = sents[i]
        last = sents[groups[-1][-1]] if groups else None
        if (last is not None and not s.ok and s.why in CONTINUABLE and last.art == s.art
                and last.pos == s.pos - 1 and not last.stop):
            groups[-1].append(i)
        else:
            groups.append([i])
    out: list[SummarySentence] = []
    for group in groups:
        i = group[0]
        s = sents[i]
        art = articles[s.art]
        cites = [art.span(s.start, sents[group[-1]].end)]
        ids = [art.id]
        inside = _contained_in(xn, i) if len(s.terms) >= cfg.cite_containment_min_terms else None
        said = np.asarray((facts[i] @ facts.T).todense()).ravel()   # one row: no dense n x n matrix
        for ai, others in by_article.items():
            if ai == s.art:
                continue
            k = max(others, key=lambda o: sim[i, o])
            same = sim[i, k] >= cfg.cite_similarity
            if not same and inside is not None:
                k2 = max(others, key=lambda o: inside[o])
                if inside[k2] >= cfg.cite_containment:
                    k, same = k2, True
            if same and said[k] < cfg.cite_facts:
                same = False   # the words they share are names and speech verbs: who, not what
            if same and _other_time(when[i], when[k], cfg.cite_days):
                same = False   # the same words about another day: another event
            if same:
                best = sents[k]
                cites.append(articles[ai].span(best.start, best.end))
                ids.append(articles[ai].id)
        idset = set(ids)
        labels = {a.label for a in articles if a.id in idset}
        r = None if rel is None else round(float(rel[i]), 3)
        nov = None if novelty is None else round(float(novelty[i]), 3)
        if r is not None and r >= cfg.relevant_min:
            basis = SummaryBasis.QUERY
        elif nov is not None:
            basis = SummaryBasis.NEW
        else:
            basis = SummaryBasis.CENTRAL
        out.append(SummarySentence(
            text=reads_as(cites[0].text, s.cap, sents[group[-1]].stop),
            cites=tuple(cites),
            outlets=len(labels),
            independent=independence(ids) if independence is not None else None,
            basis=basis.value,
            relevance=r,
            novelty=nov,
        ))
    return out


# --------------------------------------------------------------------------- registration

from ...registry import Inputs, Produced, analysis  # noqa: E402
from ..stories import main_story  # noqa: E402
from ..timeline import date_span  # noqa: E402


def timeline_dates(events: Iterable[TimelineEvent]) -> dict[str, list[DatedSpan]]:
    """By article id, where each resolved timeline date is written and the days it covers."""
    out: dict[str, list[DatedSpan]] = defaultdict(list)
    for ev in events:
        if not ev.resolved or not ev.date:
            continue
        span = date_span(ev.date)
        if span is None:
            continue
        first, last = span
        out[ev.span.article].append((ev.span.start, first, last))
    return out


@analysis("summary", requires=("articles", "sources", "stories", "timeline"), produces=("summary",),
          config=SummaryConfig)
def summary_component(inputs: Inputs, config: SummaryConfig) -> Produced:
    """A summary whose every sentence is verbatim from a source and cites its support.

    An article the story clustering sets apart from the main story, and that shares little
    with the rest, is not summarised (a stray article of another story). With prior articles (what the reader has seen: ``build --since``, a batch line's
    ``prior_documents``) it is an update summary of what the new articles add.
    """
    group_of = {aid: k for k, g in enumerate(inputs.dossier.sources) for aid in g.articles}

    def count(ids: Iterable[str]) -> int:
        return len({group_of.get(a, a) for a in ids})

    sentences = summarize(inputs.articles, inputs.docs, words=config.words, independence=count,
                          query=config.focus, prior_articles=inputs.prior, prior_docs=inputs.docs,
                          config=config, story=main_story(inputs.dossier.stories),
                          dates=timeline_dates(inputs.dossier.timeline))
    return {"summary": tuple(sentences)}
