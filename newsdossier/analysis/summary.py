"""What happened: an extractive multi-document summary whose every sentence cites its sources.

Method (chosen by measurement, see ``docs/benchmarks/summary.md``): budgeted concept coverage
in the spirit of Gillick & Favre (2009), solved greedily with the cost-scaled rule of Lin &
Bilmes (2010).

1. Candidates are the spaCy sentences of every article, minus those that do not stand alone
   (questions, headers and other lines without final punctuation, page furniture, captions,
   quote fragments without a speaker, sentences opening on a pronoun or a connective that
   needs the sentence before, first-person asides). A leading dateline (``CITY (Agency) —``)
   is trimmed off, so the text stays verbatim but starts where the reporting starts.
2. Concepts are content lemmas and content bigrams. A concept is worth the number of articles
   that mention it plus a small bonus for how often, and how early, it is mentioned; concepts
   seen only once in the whole cluster are worth nothing. This rewards what many sources
   (and each source's lead) agree is central.
3. Sentences are picked greedily by ``new concept weight * lead boost / words ** r`` until
   the word budget is full (the lead boost ``1 + 4 / (1 + position)`` favours each article's
   opening sentences, as news writing puts the gist first); a concept already covered earns
   nothing again, and a candidate too similar (TF-IDF cosine) to a picked sentence is skipped,
   so the same fact told by three outlets appears once. An optional Lin & Bilmes
   similarity-coverage term (``Params.mu``) is implemented but off: it did not pay on
   Multi-News.
   An article that shares (almost) no vocabulary with the rest of the cluster (an archive
   notice, a mis-clustered story) is down-weighted or left out (``_article_weights``).
4. Each picked sentence cites its own span first, then, in every other article, the sentence
   most similar to it when that similarity clears :data:`CITE_SIMILARITY` (set for precision:
   below it, pairs are mostly related but not the same statement).
5. Order: chronological by publication date when every picked sentence's article is dated,
   else by position in the source (leads first), ties broken by article order.

The function is pure: articles and spaCy docs in, :class:`~newsdossier.model.SummarySentence`
objects out.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..errors import NewsdossierError
from ..model import Article, SummarySentence

__all__ = [
    "summarize", "SummaryError", "MissingParseError", "Params", "DEFAULT_PARAMS",
    "CITE_SIMILARITY", "standalone_problem",
]

CITE_SIMILARITY = 0.42        # TF-IDF cosine above which another article "says the same thing"


class SummaryError(NewsdossierError, ValueError):
    """The summary cannot be built from these inputs."""


class MissingParseError(SummaryError):
    """An article has no spaCy parse in ``docs``."""


@dataclass(frozen=True)
class Params:
    """Tuning knobs of the selector (defaults measured on Multi-News validation clusters).

    Attributes:
        min_words: shortest candidate sentence, in words.
        max_words: longest candidate sentence, in words.
        cost_power: ``r`` in ``gain / words ** r``; below 1 favours longer sentences.
        unigram_weight: weight of a content lemma relative to a content bigram.
        freq_bonus: weight of ``log(1 + occurrences)`` added to a concept's article count.
        lead_bonus: extra weight for a concept occurring in an article's first sentences.
        lead_sentences: how many opening sentences count as the lead.
        position_weight: gain multiplier bonus for a sentence near its article's start.
        redundancy: TF-IDF cosine to a picked sentence above which a candidate is skipped.
        min_support: a concept must occur in at least this many sentences to count.
        off_topic: topicality (see ``_article_weights``) below which an article's sentences
            are down-weighted in proportion; 0 turns the rule off.
        mu: share of the similarity-coverage term (Lin & Bilmes) in the objective.
        alpha: saturation of the similarity coverage (fraction of a sentence's total).
        standalone: drop sentences that cannot stand alone (off only to measure its cost).
    """

    min_words: int = 8
    max_words: int = 60
    cost_power: float = 0.8
    unigram_weight: float = 0.5
    freq_bonus: float = 0.5
    lead_bonus: float = 0.5
    lead_sentences: int = 3
    position_weight: float = 4.0
    redundancy: float = 0.5
    min_support: int = 2
    off_topic: float = 0.1
    mu: float = 0.0
    alpha: float = 0.2
    standalone: bool = True


DEFAULT_PARAMS = Params()

# --------------------------------------------------------------------------- standalone rules

_QUOTE_CHARS = "\"“”„«»"
_FINAL = re.compile(r"[.!…][\"'”’)\]»]*$|[.!…]\s*[\"'”’»]\s*$")
_URLISH = re.compile(r"https?://|www\.|\.com\b|\.org\b|@\w{2,}|pic\.twitter|#\w{3,}")
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'’\-]+(?:[ ,]+[A-Z][A-Za-z.'’\-]+){0,4}\s*)?"      # CITY, State
    r"(?:\((?:[A-Z][\w.\- ]{0,30})\)\s*)?"                              # (Agency)
    r"(?:--|—|–|-)\s+"                                                  # dash
)
_CAPTION_START = re.compile(r"^[\[(]|^(?:photo|image|video|file|caption|credit)\b", re.I)
_DEPENDENT_OPENERS = frozenset(
    "he she it they them him her his hers its their theirs this these those such "
    "but and or nor so also however meanwhile still yet instead then thus therefore moreover "
    "furthermore nonetheless nevertheless likewise similarly besides otherwise hence "
    "accordingly additionally later afterward afterwards again both another".split()
)
_TIME_NOUNS = frozenset(
    "week weekend month year morning afternoon evening night season summer spring fall autumn "
    "winter decade century".split()
)
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_THIRD_PRONOUNS = frozenset("he she him her his hers they them their theirs".split())
_FIRST_PERSON = frozenset("i me my mine we us our ours myself ourselves".split())
_SPEECH = frozenset(
    "say tell add write state ask explain accord note insist claim announce declare tweet recall "
    "warn argue report testify acknowledge confirm admit reply respond suggest".split()
)


def _quoted_mask(text: str) -> list[bool]:
    """Return, for each character of ``text``, whether it lies inside double quotes."""
    mask = [False] * len(text)
    inside = False
    for i, ch in enumerate(text):
        if ch in _QUOTE_CHARS:
            if ch == "“":
                inside = True
            elif ch == "”":
                inside = False
            else:
                inside = not inside
            mask[i] = True
        else:
            mask[i] = inside
    return mask


def standalone_problem(sent: SpacySpan, start_char: int | None = None) -> str | None:
    """Return why a sentence cannot stand alone in a summary, or ``None`` when it can.

    Args:
        sent: a spaCy sentence.
        start_char: document offset where the usable text starts (after a trimmed dateline);
            defaults to the sentence start.

    Returns:
        A short reason (``"question"``, ``"header"``, ``"furniture"``, ``"caption"``,
        ``"quote fragment"``, ``"dependent opening"``, ``"first person"``) or ``None``.
    """
    doc = sent.doc
    start = sent.start_char if start_char is None else start_char
    raw = doc.text[start:sent.end_char]
    start += len(raw) - len(raw.lstrip())
    text = raw.strip()
    if not text:
        return "empty"
    if text.rstrip(_QUOTE_CHARS + "'’)] ").endswith("?"):
        return "question"
    if not _FINAL.search(text):
        return "header"
    if "\n" in text:
        return "header"
    if _URLISH.search(text):
        return "furniture"
    if _CAPTION_START.search(text):
        return "caption"
    words = [w for w in text.split() if w[:1].isalpha()]
    if len(words) >= 4 and sum(w[0].isupper() for w in words) / len(words) > 0.75:
        return "header"
    n_quotes = sum(text.count(c) for c in "\"“”")
    if n_quotes % 2 == 1:
        return "quote fragment"
    mask = _quoted_mask(text)
    toks = [t for t in sent if t.idx >= start and not t.is_space]
    outside = [t for t in toks if not mask[t.idx - start]]
    if text[0] in _QUOTE_CHARS or n_quotes:
        if not any(t.lemma_.lower() in _SPEECH for t in outside):
            if text[0] in _QUOTE_CHARS:
                return "quote fragment"
    if not toks:
        return "empty"
    # a photo caption tells a past scene in the present tense: "Fighters wear masks during
    # clashes in the port city on Wednesday."
    root = sent.root
    if (root.tag_ in ("VBZ", "VBP") and root.lemma_.lower() not in _SPEECH | {"be", "have"}
            and not n_quotes and any(t.lower_ in _WEEKDAYS for t in outside)):
        return "caption"
    first = next((t for t in toks if not t.is_punct), None)
    if first is None:
        return "empty"
    low = first.lower_
    if low in _DEPENDENT_OPENERS and not mask[first.idx - start]:
        nxt = doc[first.i + 1] if first.i + 1 < len(doc) else None
        if not (low in {"this", "these", "that", "those"} and nxt is not None
                and nxt.lemma_.lower() in _TIME_NOUNS):
            return "dependent opening"
    for t in outside:
        if t.lower_ in _FIRST_PERSON and t.text not in ("US", "i") and not (
            t.idx > 0 and doc.text[t.idx - 1] in "-‐"
        ):
            return "first person"
    for t in outside:
        if t.pos_ in ("NOUN", "PROPN"):
            break
        if t.lower_ in _THIRD_PRONOUNS:
            return "dependent opening"
    return None


# --------------------------------------------------------------------------- candidates


@dataclass
class _Sent:
    art: int                     # index of the article in the input order
    pos: int                     # index among the article's sentences
    n_pos: int                   # number of sentences in the article
    start: int
    end: int
    words: int
    terms: list[str]             # content lemmas, in order
    concepts: set[str] = field(default_factory=set)
    ok: bool = True


def _dateline_end(text: str) -> int:
    m = _DATELINE.match(text)
    if m and m.end() < len(text) and len(text[: m.end()].split()) <= 8:
        return m.end()
    return 0


def _norm(tok: Token) -> str | None:
    if tok.is_punct or tok.is_space or not any(ch.isalnum() for ch in tok.text):
        return None
    lemma = tok.lemma_.lower() if tok.lemma_ else tok.lower_
    return lemma or tok.lower_


def _candidates(articles: Sequence[Article], docs: Mapping[str, Doc], params: Params) -> list[_Sent]:
    out: list[_Sent] = []
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
        for pos, sent in enumerate(sents):
            start, end = sent.start_char, sent.end_char
            while start < end and art.text[start].isspace():
                start += 1
            while end > start and art.text[end - 1].isspace():
                end -= 1
            if end <= start:
                continue
            cut = _dateline_end(art.text[start:end]) if pos < 2 else 0
            start += cut
            text = art.text[start:end]
            nwords = len(text.split())
            terms: list[str] = []
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
                if prev is not None and not (stop and prev_stop):
                    bigrams.append(prev + " " + n)
                prev, prev_stop = n, stop
            item = _Sent(ai, pos, len(sents), start, end, nwords, terms)
            item.concepts = set(terms) | set(bigrams)
            item.ok = (
                params.min_words <= nwords <= params.max_words
                and (not params.standalone or standalone_problem(sent, start) is None)
            )
            out.append(item)
    return out


# --------------------------------------------------------------------------- similarity


def _matrices(sents: list[_Sent], weights_of: Callable[[list[_Sent]], dict[str, float]]
              ) -> tuple[np.ndarray, sparse.csr_matrix, np.ndarray]:
    """Return the sentence similarity matrix, the concept incidence matrix and concept weights.

    Similarity is the cosine of L2-normalised TF-IDF vectors over content lemmas (sublinear
    TF, smoothed IDF over the cluster's sentences).
    """
    n = len(sents)
    vocab: dict[str, int] = {}
    df: Counter[int] = Counter()
    rows: list[Counter[int]] = []
    for s in sents:
        tf: Counter[int] = Counter(vocab.setdefault(t, len(vocab)) for t in s.terms)
        rows.append(tf)
        df.update(tf.keys())
    indptr, indices, data = [0], [], []
    for tf in rows:
        vals = [(1 + math.log(c)) * (math.log((1 + n) / (1 + df[t])) + 1) for t, c in tf.items()]
        norm = math.sqrt(sum(v * v for v in vals)) or 1.0
        indices.extend(tf.keys())
        data.extend(v / norm for v in vals)
        indptr.append(len(indices))
    x = sparse.csr_matrix((data, indices, indptr), shape=(n, max(1, len(vocab))))
    sim = (x @ x.T).toarray()
    weights = weights_of(sents)
    cindex = {c: k for k, c in enumerate(weights)}
    indptr, indices = [0], []
    for s in sents:
        indices.extend(sorted(cindex[c] for c in s.concepts if c in cindex))
        indptr.append(len(indices))
    conc = sparse.csr_matrix(
        (np.ones(len(indices)), indices, indptr), shape=(n, max(1, len(cindex)))
    )
    w = np.zeros(max(1, len(cindex)))
    for c, k in cindex.items():
        w[k] = weights[c]
    return sim, conc, w


# --------------------------------------------------------------------------- selection


def _concept_weights(sents: list[_Sent], params: Params) -> dict[str, float]:
    arts: dict[str, set[int]] = defaultdict(set)
    count: Counter[str] = Counter()
    lead: Counter[str] = Counter()
    for s in sents:
        for c in s.concepts:
            arts[c].add(s.art)
            count[c] += 1
            if s.pos < params.lead_sentences:
                lead[c] += 1
    weights: dict[str, float] = {}
    for c, n in count.items():
        if n < params.min_support and len(arts[c]) < 2:
            continue
        w = len(arts[c]) + params.freq_bonus * math.log1p(n) + params.lead_bonus * min(lead[c], 2)
        if " " not in c:
            w *= params.unigram_weight
        weights[c] = w
    return weights


def _article_weights(sents: list[_Sent], sim: np.ndarray, params: Params) -> np.ndarray:
    """Return a per-sentence weight that is low for articles off the cluster's topic.

    An article's topicality is the mean, over its (up to) five sentences closest to the rest of
    the cluster, of their best TF-IDF cosine with a sentence of another article. A page that
    shares almost nothing with the others (an archive notice, a mis-clustered story) scores
    near zero and its sentences are down-weighted (below a quarter of the threshold, left
    out). When no article shares anything with any
    other, the longest one is taken as the story.
    """
    arts = np.array([s.art for s in sents])
    ids = sorted(set(arts.tolist()))
    out = np.ones(len(sents))
    if len(ids) < 2:
        return out
    score: dict[int, float] = {}
    for a in ids:
        inside = arts == a
        block = sim[np.ix_(inside, ~inside)]
        best = np.sort(block.max(axis=1))[-5:] if block.size else np.zeros(1)
        score[a] = float(best.mean())
    if max(score.values()) < params.off_topic:
        longest = max(ids, key=lambda a: (int((arts == a).sum()), -a))
        score = {a: (1.0 if a == longest else 0.0) for a in ids}
    for a in ids:
        out[arts == a] = min(1.0, max(0.05, score[a] / params.off_topic))
    return out


def _select(
    sents: list[_Sent], sim: np.ndarray, conc: sparse.csr_matrix, w: np.ndarray, words: int,
    params: Params, relevant: set[int] | None,
) -> list[int]:
    """Greedy budgeted maximisation of concept coverage plus saturated similarity coverage.

    ``F(S) = (1 - mu) * concepts(S) / concepts(V) + mu * L(S) / L(V)`` with
    ``L(S) = sum_i min(sum_{j in S} sim(i, j), alpha * sum_j sim(i, j))`` (Lin & Bilmes);
    each step takes the sentence with the best ``gain / words ** r`` that fits the budget.
    """
    n = len(sents)
    lengths = np.array([s.words for s in sents], dtype=float)
    pos_boost = 1 + params.position_weight / (1 + np.array([s.pos for s in sents], dtype=float))
    allowed = np.array([s.ok for s in sents], dtype=bool)
    # A tiny tie-breaker so that, once no central concept is left, the budget is still filled
    # with the most content-bearing sentences (and focus mode never comes back empty-handed).
    filler = 1e-6 * np.array([len(set(s.terms)) for s in sents], dtype=float)
    if relevant is not None:
        allowed &= np.isin(np.arange(n), sorted(relevant))
    allowed &= np.array([len(s.terms) > 0 for s in sents], dtype=bool)
    topical = _article_weights(sents, sim, params) if params.off_topic else np.ones(n)
    allowed &= topical >= 0.25   # an article sharing (almost) nothing is not the story
    uncovered = w.copy()
    w_total = float(w.sum()) or 1.0
    cap = params.alpha * sim.sum(axis=1)
    l_total = float(cap.sum()) or 1.0
    cover = np.zeros(n)
    chosen: list[int] = []
    used = 0.0
    while True:
        allowed &= lengths <= words - used
        if not allowed.any():
            break
        cgain = conc @ uncovered
        gain = (1 - params.mu) * cgain / w_total
        if params.mu:
            base = np.minimum(cover, cap).sum()
            lgain = np.minimum(cover[:, None] + sim, cap[:, None]).sum(axis=0) - base
            gain = gain + params.mu * lgain / l_total
        score = np.where(
            allowed, (gain + filler) * pos_boost * topical / lengths ** params.cost_power, -1.0
        )
        best = int(np.argmax(score))
        if score[best] <= 0:
            break
        chosen.append(best)
        used += lengths[best]
        uncovered[conc[best].indices] = 0.0
        cover += sim[:, best]
        allowed &= sim[best] < params.redundancy
        allowed[best] = False
    return chosen


def _focus_relevant(sents: list[_Sent], focus: str) -> set[int]:
    """Return the indices of sentences that mention the focus terms (all of them if they can)."""
    raw = [w.lower() for w in re.findall(r"[\w'’-]+", focus)]
    terms = [w for w in raw if w not in STOP_WORDS] or raw
    if not terms:
        raise SummaryError("the focus has no words to look for")
    scored: dict[int, int] = {}
    for i, s in enumerate(sents):
        have = set(s.terms) | {c for c in s.concepts if " " not in c}
        hits = sum(1 for t in terms if t in have or t.rstrip("s") in have)
        if hits:
            scored[i] = hits
    if not scored:
        return set()
    top = max(scored.values())
    floor = top if top >= 2 and len(terms) >= 2 else 1
    return {i for i, h in scored.items() if h >= floor}


# --------------------------------------------------------------------------- public


def summarize(
    articles: Sequence[Article],
    docs: Mapping[str, Doc],
    words: int = 120,
    focus: str | None = None,
    independence: Callable[[Iterable[str]], int] | None = None,
    *,
    params: Params = DEFAULT_PARAMS,
) -> list[SummarySentence]:
    """Summarise a cluster of articles extractively, every sentence citing its sources.

    Args:
        articles: the articles about one story (their order breaks ordering ties).
        docs: the spaCy parse of every article, by article id (``newsdossier.nlp.parse``).
        words: the word budget (whitespace-separated words); the summary never exceeds it.
        focus: a question or an entity name; only sentences that mention its words are used.
        independence: maps the ids of the articles citing a sentence to the number of
            independent sources among them (from the reuse analysis); when ``None`` the field
            ``independent`` stays ``None``.
        params: selector settings; the defaults are the measured ones.

    Returns:
        The summary sentences in reading order: ``text`` is a verbatim source span, ``cites``
        starts with that span and adds the matching sentences of other articles, ``outlets``
        counts distinct ``Article.label`` values among the cited articles. Empty when no
        sentence can stand alone within the budget or, with ``focus``, none mentions it.

    Raises:
        SummaryError: if ``words`` is not positive or ``focus`` has no words.
        MissingParseError: if an article has no parse (or the parse is of another text).
    """
    if words <= 0:
        raise SummaryError(f"the word budget must be positive, got {words}")
    if not articles:
        return []
    sents = _candidates(articles, docs, params)
    if not sents:
        return []
    sim, conc, w = _matrices(sents, lambda ss: _concept_weights(ss, params))
    relevant = _focus_relevant(sents, focus) if focus is not None and focus.strip() else None
    if relevant is not None and not relevant:
        return []
    chosen = _select(sents, sim, conc, w, words, params, relevant)
    return _render(articles, sents, sim, chosen, independence)


def _render(
    articles: Sequence[Article], sents: list[_Sent], sim: np.ndarray, chosen: list[int],
    independence: Callable[[Iterable[str]], int] | None,
) -> list[SummarySentence]:
    dated = all(articles[sents[i].art].published for i in chosen)

    def key(i: int) -> tuple:
        s = sents[i]
        date = articles[s.art].published or "" if dated else ""
        return (date, s.pos, s.art)

    by_article: dict[int, list[int]] = defaultdict(list)
    for k, s in enumerate(sents):
        by_article[s.art].append(k)
    out: list[SummarySentence] = []
    for i in sorted(chosen, key=key):
        s = sents[i]
        art = articles[s.art]
        cites = [art.span(s.start, s.end)]
        ids = [art.id]
        for ai, others in by_article.items():
            if ai == s.art:
                continue
            k = max(others, key=lambda o: sim[i, o])
            if sim[i, k] >= CITE_SIMILARITY:
                best = sents[k]
                cites.append(articles[ai].span(best.start, best.end))
                ids.append(articles[ai].id)
        labels = {a.label for a in articles if a.id in set(ids)}
        out.append(SummarySentence(
            text=cites[0].text,
            cites=tuple(cites),
            outlets=len(labels),
            independent=independence(ids) if independence is not None else None,
        ))
    return out


# --------------------------------------------------------------------------- registration

from ..registry import Inputs, Produced, analysis  # noqa: E402

DEFAULT_WORDS = 120  # the summary's word budget unless asked otherwise


@dataclass(frozen=True)
class SummaryConfig:
    """Settings of the summary.

    Attributes:
        words: the word budget.
        focus: a question, topic or entity name the summary should answer.
        params: the selector's tuning knobs.
    """

    words: int = DEFAULT_WORDS
    focus: str | None = None
    params: Params = DEFAULT_PARAMS

    def __post_init__(self) -> None:
        if isinstance(self.words, bool) or not isinstance(self.words, int) or self.words <= 0:
            raise SummaryError(f"the summary's word budget must be a positive number of words, got {self.words!r}")


@analysis("summary", requires=("articles", "sources"), produces=("summary",), config=SummaryConfig)
def summary_component(inputs: Inputs, config: SummaryConfig) -> Produced:
    """A summary whose every sentence is verbatim from a source and cites its support."""
    group_of = {aid: k for k, g in enumerate(inputs.dossier.sources) for aid in g.articles}

    def count(ids: Iterable[str]) -> int:
        return len({group_of.get(a, a) for a in ids})

    sentences = summarize(inputs.articles, inputs.docs, words=config.words, focus=config.focus,
                          independence=count, params=config.params)
    return {"summary": tuple(sentences)}
