"""Story clustering core: parameters, features, the stream state and the online clusterer
(see :mod:`newsdossier.analysis.stories` for the method)."""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ...errors import NewsdossierError, OptionError
from ...lang import en
from ...model import Article, Story, parse_published

# spaCy labels that name things a story is about (numbers, dates and money are not).
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "WORK_OF_ART",
                           "LAW", "PRODUCT"})


class StoryParamsError(OptionError):
    """A :class:`StoryParams` value is out of range."""


class StoryStateError(NewsdossierError, ValueError):
    """A saved story state cannot be read or does not fit the articles given."""


_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# A capitalised token: a word starting with an upper-case letter (or an all-caps acronym).
_CAP_TOKEN_RE = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_][\w'’&-]*|\S")
_SENT_END = frozenset(".!?:;\"“”»«\n")


# --------------------------------------------------------------------------- parameters


@dataclass(frozen=True)
class StoryParams:
    """Thresholds and weights of the online clustering (defaults measured by ``bench/stories.py``).

    Attributes:
        threshold: the score an article needs to join a story (else it starts one).
        dated_threshold: the score needed when both the article and the story are dated:
            closeness in time is evidence too, so less text similarity is required.
        text_weight: weight of the word TF-IDF cosine.
        entity_weight: weight of the entity TF-IDF cosine (when the article has entities).
        idf_power: exponent of the inverse document frequency in a term's weight
            (``(1 + log tf) * idf ** idf_power``); above 1 it favours the rarer, more
            story-specific words over the common vocabulary of a topic.
        min_df: a term counted in fewer articles than this is left out of the vectors: a
            word no other article has is no evidence of a shared story, and it only lowers
            the cosine of articles with many such words (long or odd texts).
        bigram_weight: weight of a pair of adjacent content words (``"oil spill"``) against a
            single word; ``0`` leaves the pairs out.
        tau_days: time-decay constant: a gap of ``tau_days`` days multiplies the score by 1/e.
        window_days: stories whose span is further than this from the article are candidates
            only through ``long_gap_threshold``.
        long_gap_threshold: an article joins a story however far apart in time when its
            similarity before time decay reaches this (a long-running story resumed after a
            gap: strong text evidence outweighs distance in time); ``1`` disables it.
        build_merge_threshold: inside one build (articles the user gave as one story), two
            stories are merged when the mean-link similarity of their articles reaches this
            (no time decay), so the build reports several stories only when the split is
            clear; ``1`` disables the merge.
        build_fold_share: after that merge, a story holding at most this share of the build's
            articles is a fragment, not a confident second story: it is folded into the most
            similar larger story when their mean-link similarity reaches
            ``build_fold_threshold``; ``0`` disables the fold.
        build_fold_threshold: the mean-link similarity a fragment needs to be folded.
        build_split_confidence: the confidence two stories of one build need to be reported as
            different stories (``build`` then warns and offers ``--per-story``). The confidence
            of a pair is ``(1 - mean similarity / build_merge_threshold) * (1 - 1 / n**2)``,
            ``n`` the articles of the smaller story: a pair just under the merge threshold is a
            coin flip, and a single article is no evidence of a story of its own (an odd page
            or an aside is as likely).
        index_terms: top-weighted words per article posted to the inverted index.
        index_entities: top-weighted entities per article posted to the inverted index.
        mean_link: 0 scores against the centroid's direction (cosine); 1 scores the mean
            similarity to the story's articles, which keeps diffuse topic stories from
            swallowing everything; values between mix the two.
        max_candidates: stories scored exactly per article (the best by shared index keys);
            ``0`` scores every open story (exhaustive; quadratic).
        max_posting: most recent stories kept per index key.
        max_centroid: most weighted words/entities kept in a story centroid.
        article_terms: most weighted words/entities kept per article vector (``0``: all);
            bounds memory on large streams.
        min_word_len: shortest word counted.
        label_entities: entities shown in a story label.
        label_terms: words shown in a story label.
    """

    threshold: float = 0.16
    dated_threshold: float = 0.10
    text_weight: float = 0.8
    entity_weight: float = 0.2
    # idf**2, min_df=2 and word pairs reach 0.901 BCubed F1 when a whole corpus is clustered
    # at once, but 0.79 when articles arrive one at a time (a frozen article vector loses the
    # words no article shared yet); these defaults give 0.884 and 0.874 (bench/stories.py)
    idf_power: float = 1.0
    min_df: int = 1
    bigram_weight: float = 0.0
    tau_days: float = 7.0
    window_days: float = 30.0
    long_gap_threshold: float = 0.3
    build_merge_threshold: float = 0.05
    build_fold_share: float = 0.1
    build_fold_threshold: float = 0.03
    # chosen on the tune half of bench/stories.py --warn (DUC clusters 0-11, Multi-News lines 0-124)
    build_split_confidence: float = 0.4
    index_terms: int = 12
    index_entities: int = 8
    max_candidates: int = 60
    mean_link: float = 1.0
    max_posting: int = 400
    max_centroid: int = 2000
    article_terms: int = 200
    min_word_len: int = 3
    label_entities: int = 3
    label_terms: int = 3

    def __post_init__(self) -> None:
        checks = [
            (0.0 < self.threshold <= 1.0 and 0.0 < self.dated_threshold <= 1.0,
             "threshold and dated_threshold must be in (0, 1]"),
            (0.0 < self.long_gap_threshold <= 1.0 and 0.0 < self.build_merge_threshold <= 1.0,
             "long_gap_threshold and build_merge_threshold must be in (0, 1]"),
            (0.0 <= self.build_fold_share < 0.5 and 0.0 < self.build_fold_threshold <= 1.0,
             "build_fold_share must be in [0, 0.5), build_fold_threshold in (0, 1]"),
            (0.0 < self.build_split_confidence <= 1.0, "build_split_confidence must be in (0, 1]"),
            (self.text_weight >= 0 and self.entity_weight >= 0
             and self.text_weight + self.entity_weight > 0, "weights must be >= 0 and not both 0"),
            (self.tau_days > 0, "tau_days must be > 0"),
            (self.idf_power >= 0 and self.min_df >= 1 and self.bigram_weight >= 0,
             "idf_power and bigram_weight must be >= 0, min_df >= 1"),
            (self.window_days > 0, "window_days must be > 0"),
            (self.index_terms >= 1 and self.index_entities >= 0, "index sizes must be >= 1 / >= 0"),
            (0.0 <= self.mean_link <= 1.0, "mean_link must be in [0, 1]"),
            (self.max_candidates >= 0, "max_candidates must be >= 0"),
            (self.max_posting >= 1 and self.max_centroid >= 10, "max_posting >= 1, max_centroid >= 10"),
            (self.min_word_len >= 1, "min_word_len must be >= 1"),
            (self.article_terms >= 0, "article_terms must be >= 0"),
        ]
        for ok, message in checks:
            if not ok:
                raise StoryParamsError(f"{message} (params: {self})")

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> StoryParams:
        """Rebuild params; unknown keys are ignored.

        Raises:
            StoryParamsError: if a value is out of range.
        """
        return cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__})


# --------------------------------------------------------------------------- features


@dataclass(frozen=True)
class Features:
    """What the clustering needs of one article (small, picklable: made on Spark executors).

    Attributes:
        id: the article id.
        published: ISO date or ``None``.
        outlet: the outlet, if known.
        words: word -> count, and ``"word word"`` -> count for adjacent content words.
        entities: normalised entity key -> count.
        surfaces: entity key -> the surface form first seen.
    """

    id: str
    published: str | None
    outlet: str | None
    words: Mapping[str, int]
    entities: Mapping[str, int]
    surfaces: Mapping[str, str] = field(default_factory=dict)

    @property
    def day(self) -> float | None:
        """The publication time in days since 1970-01-01, or ``None`` when undated."""
        return _day(self.published)


_EPOCH = _dt.datetime(1970, 1, 1, tzinfo=_dt.UTC)


def _day(published: str | None) -> float | None:
    when = parse_published(published)
    if when is None:
        return None
    return (when - _EPOCH).total_seconds() / 86400.0


def entity_key(name: str) -> str:
    """Return the normalised key of an entity name (case, ``'s``, punctuation, ``the`` dropped)."""
    words = _WORD_RE.findall(name.replace("’", "'"))
    words = [w.lower() for w in words]
    if words and words[-1].endswith("'s"):
        words[-1] = words[-1][:-2]
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(w for w in words if w)


def proxy_entities(text: str) -> list[str]:
    """Return capitalised word runs as entity names (a cheap stand-in for NER).

    A run is a sequence of capitalised words, possibly joined by connectors (``of``,
    ``al``, ``de``...). A single capitalised word that opens a sentence is kept only when it
    is not a stop word. All-caps words of two or more letters count as capitalised.
    """
    out: list[str] = []
    run: list[str] = []
    prev_end = True
    pending: list[str] = []

    def flush() -> None:
        nonlocal run, pending
        if run and not (len(run) == 1 and run[0].lower() in en.STORY_STOP_WORDS):
            out.append(" ".join(run))
        run = []
        pending = []

    for tok in _CAP_TOKEN_RE.findall(text):
        first = tok[0]
        if first.isalpha():
            if first.isupper():
                if not run:
                    if prev_end and tok.lower() in en.STORY_STOP_WORDS:
                        prev_end = False
                        continue
                run.extend(pending)
                pending = []
                run.append(tok)
            elif run and tok.lower() in en.NAME_CONNECTORS and not pending:
                pending = [tok]
            else:
                flush()
            prev_end = False
        else:
            flush()
            prev_end = tok in _SENT_END
    flush()
    return out


def extract_features(
    article: Article, entities: Iterable[str] | None = None, *, min_word_len: int = 3,
    bigrams: bool = True,
) -> Features:
    """Return the clustering features of one article.

    Args:
        article: the article.
        entities: entity names (e.g. the texts of ``nlp.mentions``); ``None`` uses
            :func:`proxy_entities` over the title and text.
        min_word_len: shortest word counted.
        bigrams: also count pairs of adjacent content words (no stop word or short word
            between them) as ``"first second"``.

    Returns:
        The article's :class:`Features`.
    """
    body = f"{article.title}\n{article.text}" if article.title and article.title not in article.text else article.text
    words: Counter[str] = Counter()
    prev = ""
    for w in _WORD_RE.findall(body):
        lw = w.lower().replace("’", "'")
        if lw.endswith("'s"):
            lw = lw[:-2]
        if len(lw) >= min_word_len and lw not in en.STORY_STOP_WORDS:
            words[lw] += 1
            if prev and bigrams:
                words[f"{prev} {lw}"] += 1
            prev = lw
        else:
            prev = ""
    names = proxy_entities(body) if entities is None else list(entities)
    ents: Counter[str] = Counter()
    surfaces: dict[str, str] = {}
    for name in names:
        key = entity_key(name)
        if not key or key in en.STORY_STOP_WORDS:
            continue
        ents[key] += 1
        surfaces.setdefault(key, name.strip())
    return Features(article.id, article.published, article.outlet, dict(words), dict(ents), surfaces)


def features_for(article: Article, params: StoryParams, entities: Iterable[str] | None = None) -> Features:
    """:func:`extract_features` with the word length and word pairs that ``params`` asks for."""
    return extract_features(article, entities, min_word_len=params.min_word_len, bigrams=params.bigram_weight > 0)


def stream_order(items: Sequence[Any], published: Sequence[str | None]) -> list[int]:
    """Return the indices of ``items`` in stream order.

    Dated items are ordered by date; an undated item keeps its input position, taking the
    date of the nearest dated item before it (or the earliest time when there is none).
    """
    keyed = []
    last = -math.inf
    for i, pub in enumerate(published):
        day = _day(pub)
        if day is not None:
            last = day
        keyed.append((day if day is not None else last, i))
    return [i for _, i in sorted(keyed)]


# --------------------------------------------------------------------------- state


def _norm(vec: Mapping[str, float]) -> float:
    return math.sqrt(sum(v * v for v in vec.values()))


@dataclass
class _StoryState:
    """One story's centroid and metadata (internal, mutable)."""

    id: str
    articles: list[str]
    words: dict[str, float]
    entities: dict[str, float]
    words_norm: float
    entities_norm: float
    surfaces: dict[str, str]
    outlets: dict[str, int]
    first: float | None
    last: float | None
    first_date: str | None
    last_date: str | None
    keys: list[str]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "articles": self.articles, "words": self.words, "entities": self.entities,
            "surfaces": self.surfaces, "outlets": self.outlets, "first_date": self.first_date,
            "last_date": self.last_date, "keys": self.keys,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> _StoryState:
        return cls(
            id=d["id"], articles=list(d["articles"]), words=dict(d["words"]),
            entities=dict(d["entities"]), words_norm=_norm(d["words"]),
            entities_norm=_norm(d["entities"]), surfaces=dict(d["surfaces"]),
            outlets=dict(d["outlets"]), first=_day(d["first_date"]), last=_day(d["last_date"]),
            first_date=d["first_date"], last_date=d["last_date"], keys=list(d["keys"]),
        )


@dataclass(frozen=True)
class StoryInfo:
    """A story as reported: label, member articles in arrival order, outlets and time span."""

    id: str
    label: str
    articles: tuple[str, ...]
    outlets: tuple[str, ...]
    first: str | None
    last: str | None
    confidence: float = 1.0

    @property
    def size(self) -> int:
        return len(self.articles)

    def to_story(self) -> Story:
        """Return the model's :class:`~newsdossier.model.Story`."""
        return Story(self.id, self.label, self.articles, self.confidence)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label, "size": self.size, "articles": list(self.articles),
                "outlets": list(self.outlets), "first": self.first, "last": self.last,
                "confidence": self.confidence}


@dataclass(frozen=True)
class Assignment:
    """Where one article went: its story, whether it started it, and the joining score."""

    article: str
    story: str
    new: bool
    score: float


@dataclass
class StreamState:
    """Everything needed to resume clustering: document frequencies and story centroids.

    Attributes:
        n_docs: articles counted in the document frequencies.
        word_df: word -> number of articles containing it.
        entity_df: entity key -> number of articles containing it.
        stories: story centroids in creation order.
    """

    n_docs: int = 0
    word_df: Counter = field(default_factory=Counter)
    entity_df: Counter = field(default_factory=Counter)
    stories: list[_StoryState] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dictionary (see :meth:`from_dict`)."""
        return {"n_docs": self.n_docs, "word_df": dict(self.word_df),
                "entity_df": dict(self.entity_df), "stories": [s.to_dict() for s in self.stories]}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> StreamState:
        """Rebuild a state saved with :meth:`to_dict`.

        Raises:
            StoryStateError: if a key is missing.
        """
        try:
            return cls(int(data["n_docs"]), Counter(data["word_df"]), Counter(data["entity_df"]),
                       [_StoryState.from_dict(s) for s in data["stories"]])
        except (KeyError, TypeError) as exc:
            raise StoryStateError(f"the saved story state is incomplete: {exc}") from exc


def count_df(features: Iterable[Features]) -> tuple[int, Counter, Counter]:
    """Return ``(n, word_df, entity_df)`` of some features (a map step; merge by adding)."""
    n = 0
    wdf: Counter[str] = Counter()
    edf: Counter[str] = Counter()
    for f in features:
        n += 1
        wdf.update(f.words.keys())
        edf.update(f.entities.keys())
    return n, wdf, edf


# --------------------------------------------------------------------------- clustering


class StoryClusterer:
    """Online clustering over a :class:`StreamState` (the state is updated in place)."""

    def __init__(self, state: StreamState | None = None, params: StoryParams | None = None) -> None:
        self.state = state if state is not None else StreamState()
        self.params = params or StoryParams()
        self._by_id: dict[str, int] = {}
        self._postings: dict[str, list[int]] = {}
        self._known: set[str] = set()
        for idx, story in enumerate(self.state.stories):
            self._by_id[story.id] = idx
            self._known.update(story.articles)
            for key in story.keys:
                self._post(key, idx)

    def _post(self, key: str, idx: int) -> None:
        plist = self._postings.setdefault(key, [])
        if not plist or plist[-1] != idx:
            if idx in plist[-8:]:
                return
            plist.append(idx)
            if len(plist) > self.params.max_posting:
                del plist[: len(plist) - self.params.max_posting]

    def _vector(self, counts: Mapping[str, int], df: Counter, *, words: bool = False) -> dict[str, float]:
        n, p = self.state.n_docs, self.params
        pair = p.bigram_weight if words else 1.0  # entity keys have spaces but are not pairs
        vec = {t: (1.0 + math.log(c)) * (math.log((n + 1) / (d + 1)) + 1.0) ** p.idf_power
               * (pair if " " in t else 1.0)
               for t, c in counts.items() if (d := df.get(t, 0)) >= p.min_df and (pair or " " not in t)}
        cap = p.article_terms
        if cap and len(vec) > cap:
            vec = dict(sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[:cap])
        norm = _norm(vec)
        return {t: v / norm for t, v in vec.items()} if norm else {}

    def add(self, features: Sequence[Features], *, count: bool = True) -> list[Assignment]:
        """Assign articles (in the given order, which should be stream order) to stories.

        Args:
            features: the articles' features; ids already in a story are skipped.
            count: first add the batch to the document frequencies (pass ``False`` when
                :meth:`add_counts` was already called, e.g. with counts reduced on Spark).

        Returns:
            One :class:`Assignment` per article assigned, in order.
        """
        if count:
            self.add_counts(*count_df(features))
        out = []
        for f in features:
            if f.id in self._known:
                continue
            self._known.add(f.id)
            out.append(self._assign(f))
        return out

    def add_counts(self, n: int, word_df: Mapping[str, int], entity_df: Mapping[str, int]) -> None:
        """Add document-frequency counts (from :func:`count_df`) to the state."""
        self.state.n_docs += n
        self.state.word_df.update(word_df)
        self.state.entity_df.update(entity_df)

    def _candidates(self, keys: list[str], day: float | None) -> list[int]:
        p = self.params
        if p.max_candidates == 0:
            pool = range(len(self.state.stories))
            return [i for i in pool if self._in_window(self.state.stories[i], day)]
        hits: Counter[int] = Counter()
        for key in keys:
            for idx in self._postings.get(key, ()):
                hits[idx] += 1
        ranked = sorted(hits.items(), key=lambda kv: (-kv[1], -kv[0]))
        out = []
        for idx, _ in ranked:
            if self._in_window(self.state.stories[idx], day):
                out.append(idx)
                if len(out) >= p.max_candidates:
                    break
        return out

    def _in_window(self, story: _StoryState, day: float | None) -> bool:
        return self.params.long_gap_threshold < 1.0 or self._gap(story, day) <= self.params.window_days

    @staticmethod
    def _gap(story: _StoryState, day: float | None) -> float:
        if day is None or story.first is None or story.last is None:
            return 0.0
        if day < story.first:
            return story.first - day
        if day > story.last:
            return day - story.last
        return 0.0

    def _score(self, story: _StoryState, wv: Mapping[str, float], ev: Mapping[str, float],
               day: float | None) -> float:
        """The join score: similarity times time decay, or the bare similarity when it
        reaches ``long_gap_threshold`` (then the decay does not apply); a story beyond the
        window scores 0 unless it does."""
        p = self.params
        s = self._similarity(story, wv, ev)
        if s >= p.long_gap_threshold:
            return s
        gap = self._gap(story, day)
        return 0.0 if gap > p.window_days else s * math.exp(-gap / p.tau_days)

    def _similarity(self, story: _StoryState, wv: Mapping[str, float], ev: Mapping[str, float]) -> float:
        p = self.params
        n = len(story.articles)
        cw = (sum(v * story.words.get(t, 0.0) for t, v in wv.items())
              / _spread(story.words_norm, n, p.mean_link) if story.words_norm else 0.0)
        if ev and story.entities_norm and p.entity_weight > 0:
            ce = (sum(v * story.entities.get(t, 0.0) for t, v in ev.items())
                  / _spread(story.entities_norm, n, p.mean_link))
            s = (p.text_weight * cw + p.entity_weight * ce) / (p.text_weight + p.entity_weight)
        else:
            s = cw
        return s

    def _assign(self, f: Features) -> Assignment:
        p = self.params
        wv = self._vector(f.words, self.state.word_df, words=True)
        ev = self._vector(f.entities, self.state.entity_df)
        day = f.day
        keys = ["w:" + t for t, _ in sorted(wv.items(), key=lambda kv: (-kv[1], kv[0]))[: p.index_terms]]
        keys += ["e:" + t for t, _ in sorted(ev.items(), key=lambda kv: (-kv[1], kv[0]))[: p.index_entities]]
        best, best_score = -1, 0.0
        for idx in self._candidates(keys, day):
            s = self._score(self.state.stories[idx], wv, ev, day)
            if s > best_score or (s == best_score and best >= 0 and idx < best):
                best, best_score = idx, s
        dated = best >= 0 and day is not None and self.state.stories[best].first is not None
        if best >= 0 and best_score >= (p.dated_threshold if dated else p.threshold):
            story = self.state.stories[best]
            new = False
        else:
            best = len(self.state.stories)
            story = _StoryState(
                id="story-" + f.id[:12], articles=[], words={}, entities={}, words_norm=0.0,
                entities_norm=0.0, surfaces={}, outlets={}, first=None, last=None,
                first_date=None, last_date=None, keys=[],
            )
            self.state.stories.append(story)
            self._by_id[story.id] = best
            new = True
            best_score = 0.0
        self._join(story, best, f, wv, ev, day, keys)
        return Assignment(f.id, story.id, new, round(best_score, 6))

    def _join(self, story: _StoryState, idx: int, f: Features, wv: Mapping[str, float],
              ev: Mapping[str, float], day: float | None, keys: list[str]) -> None:
        p = self.params
        story.articles.append(f.id)
        story.words_norm = _add_vec(story.words, story.words_norm, wv, p.max_centroid)
        story.entities_norm = _add_vec(story.entities, story.entities_norm, ev, p.max_centroid)
        for key in f.entities:
            if key not in story.surfaces and key in f.surfaces:
                story.surfaces[key] = f.surfaces[key]
        if len(story.surfaces) > 2 * p.max_centroid:
            story.surfaces = {k: v for k, v in story.surfaces.items() if k in story.entities}
        if f.outlet:
            story.outlets[f.outlet] = story.outlets.get(f.outlet, 0) + 1
        if day is not None:
            if story.first is None or day < story.first:
                story.first, story.first_date = day, f.published
            if story.last is None or day > story.last:
                story.last, story.last_date = day, f.published
        for key in keys:
            if key not in story.keys:
                story.keys.append(key)
            self._post(key, idx)
        if len(story.keys) > 4 * (p.index_terms + p.index_entities):
            story.keys = story.keys[-4 * (p.index_terms + p.index_entities):]

    # ------------------------------------------------------------------ reporting
    def info(self, story_id: str) -> StoryInfo:
        """Return the report of one story.

        Raises:
            KeyError: if no story has this id.
        """
        if story_id not in self._by_id:
            raise KeyError(f"no story {story_id!r}")
        return _info(self.state.stories[self._by_id[story_id]], self.params)

    def stories(self) -> list[StoryInfo]:
        """Return every story, in creation order."""
        return [_info(s, self.params) for s in self.state.stories]


def _spread(norm: float, n: int, mean_link: float) -> float:
    """Divide a dot product with a centroid by this: ``|C|`` (cosine) .. ``n`` (mean similarity)."""
    return norm ** (1.0 - mean_link) * max(n, 1) ** mean_link


def _add_vec(centroid: dict[str, float], norm: float, vec: Mapping[str, float], cap: int) -> float:
    sq = norm * norm
    for t, v in vec.items():
        old = centroid.get(t, 0.0)
        centroid[t] = old + v
        sq += 2 * old * v + v * v
    if len(centroid) > 2 * cap:
        keep = sorted(centroid.items(), key=lambda kv: (-kv[1], kv[0]))[:cap]
        centroid.clear()
        centroid.update(keep)
        return _norm(centroid)
    return math.sqrt(max(sq, 0.0))


def _info(story: _StoryState, params: StoryParams) -> StoryInfo:
    ents = sorted(story.entities.items(), key=lambda kv: (-kv[1], kv[0]))
    names: list[str] = []
    for key, _ in ents:
        if len(names) >= params.label_entities:
            break
        if any(key in entity_key(n) or entity_key(n) in key for n in names):
            continue
        names.append(story.surfaces.get(key, key))
    covered = {w for n in names for w in entity_key(n).split()}
    terms = [t for t, _ in sorted(story.words.items(), key=lambda kv: (-kv[1], kv[0]))
             if t not in covered and " " not in t][: params.label_terms]
    label = ", ".join(names) if names else ""
    if terms:
        label = f"{label} ({', '.join(terms)})" if label else ", ".join(terms)
    outlets = tuple(sorted(story.outlets, key=lambda o: (-story.outlets[o], o)))
    return StoryInfo(story.id, label or story.id, tuple(story.articles), outlets,
                     story.first_date, story.last_date)
