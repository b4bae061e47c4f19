"""The data model: every statement the system makes is anchored in character spans.

An :class:`Article` owns one immutable text. A :class:`Span` is ``(article, start, end)``
plus the text it covers, and the invariant ``article.text[start:end] == span.text`` holds
for every span of every object in a :class:`Dossier`. :meth:`Dossier.validate` checks it.

All classes are frozen dataclasses with tuples for sequences, so they can be hashed,
shared between threads and shipped to Spark executors. ``to_dict``/``from_dict`` turn them
into the JSON shape documented in ``docs/dossier.md`` (schema version :data:`SCHEMA`).
"""

from __future__ import annotations

import collections.abc
import dataclasses
import datetime as dt
import enum
import hashlib
import types
import typing
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, ClassVar

from .errors import NewsdossierError

SCHEMA = "newsdossier/2"


class EntityKind(enum.StrEnum):
    """What an entity is: the closed vocabulary every analysis compares against."""

    PERSON = "person"
    ORGANISATION = "organisation"
    GROUP = "group"
    PLACE = "place"
    OTHER = "other"

    @classmethod
    def of(cls, value: str) -> EntityKind:
        """Return the kind named by ``value``: a kind (any case) or a spaCy label (``PERSON``,
        ``ORG``, ``NORP``, ``GPE``/``LOC``/``FAC``).

        Raises:
            ValueError: if ``value`` names no kind.
        """
        low = str(value).lower()
        try:
            return cls(low)
        except ValueError:
            pass
        spacy = {"per": cls.PERSON, "org": cls.ORGANISATION, "norp": cls.GROUP, "gpe": cls.PLACE,
                 "loc": cls.PLACE, "fac": cls.PLACE}
        if low in spacy:
            return spacy[low]
        raise ValueError(f"{value!r} is not an entity kind; use one of {', '.join(k.value for k in cls)}")


class QuoteKind(enum.StrEnum):
    """Direct speech (in quotation marks) or reported speech."""

    DIRECT = "direct"
    INDIRECT = "indirect"


class ReuseKind(enum.StrEnum):
    """What a reused passage is made of."""

    PROSE = "prose"
    QUOTE = "quote"


class Direction(enum.StrEnum):
    """Whether the direction of a reuse (who copied whom) is known from evidence."""

    KNOWN = "known"
    UNKNOWN = "unknown"


class SpanError(NewsdossierError, ValueError):
    """A span does not fit the text it claims to point into."""


class SchemaError(NewsdossierError, ValueError):
    """A dossier dictionary does not have the shape of schema :data:`SCHEMA`."""


def parse_published(value: str | None) -> dt.datetime | None:
    """The one reading of a publication date, used by every analysis.

    An ISO 8601 date or datetime (ingest normalises every date it reads to one) becomes a
    timezone-aware datetime in UTC; a date alone is midnight UTC, a datetime without a zone
    is taken as UTC. Anything else, or a moment outside the calendar, is ``None``.
    """
    if not value:
        return None
    text = value.strip()
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            moment = dt.datetime.fromisoformat(text[:10])
        except ValueError:
            return None
    try:
        return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)
    except OverflowError:
        return None


def strip_range(text: str, start: int, end: int) -> tuple[int, int]:
    """Return ``start:end`` of ``text`` narrowed past leading and trailing whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def text_id(text: str) -> str:
    """Return the stable article id for a cleaned text (16 hex digits of its SHA-256)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


# --------------------------------------------------------------------------- spans


@dataclass(frozen=True, slots=True)
class Span:
    """A character range of one article's text, with the text it covers.

    Build spans with :meth:`Article.span` (or :meth:`Span.of`), which derive ``text`` from
    the article so that the invariant holds by construction.
    """

    article: str
    start: int
    end: int
    text: str

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise SpanError(f"bad span offsets {self.start}:{self.end} in article {self.article}")
        if len(self.text) != self.end - self.start:
            raise SpanError(
                f"span {self.article}:{self.start}:{self.end} has text of length {len(self.text)}"
            )

    @classmethod
    def of(cls, article: Article, start: int, end: int) -> Span:
        """Return the span ``start:end`` of ``article`` with its text.

        Raises:
            SpanError: if the offsets fall outside the article's text.
        """
        if not 0 <= start <= end <= len(article.text):
            raise SpanError(
                f"span {start}:{end} is outside article {article.id} (length {len(article.text)})"
            )
        return cls(article.id, start, end, article.text[start:end])

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Span:
        try:
            return cls(data["article"], int(data["start"]), int(data["end"]), data["text"])
        except KeyError as exc:
            raise SchemaError(f"span is missing {exc.args[0]!r}: {dict(data)!r}") from exc


# --------------------------------------------------------------------------- articles


@dataclass(frozen=True, slots=True)
class Removal:
    """A piece of page furniture removed from an article during cleanup.

    ``start``/``end`` are offsets into the decoded original text (line endings normalised),
    ``at`` is the offset in the cleaned ``Article.text`` where the removed text used to be.
    """

    start: int
    end: int
    text: str
    reason: str
    at: int = 0


@dataclass(frozen=True, slots=True)
class Article:
    """One article: an immutable cleaned text plus whatever metadata the input carried."""

    id: str
    source: str
    text: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None
    language: str = "und"
    input_id: str | None = None
    removed: tuple[Removal, ...] = ()
    flags: tuple[str, ...] = ()
    published_at: dt.datetime | None = None

    def __post_init__(self) -> None:
        if self.published_at is None and self.published:
            object.__setattr__(self, "published_at", parse_published(self.published))

    @property
    def published_time_known(self) -> bool:
        """Whether ``published`` gives a time of day, not only a date."""
        return bool(self.published) and len(str(self.published).strip()) > 10

    @classmethod
    def create(cls, text: str, source: str, **meta: Any) -> Article:
        """Return an article whose id is the stable hash of ``text``."""
        return cls(id=text_id(text), source=source, text=text, **meta)

    def span(self, start: int, end: int) -> Span:
        """Return the span ``start:end`` of this article (see :meth:`Span.of`)."""
        return Span.of(self, start, end)

    @property
    def label(self) -> str:
        """A short human name: the outlet, else the title, else the source file name."""
        if self.outlet:
            return self.outlet
        if self.title:
            return self.title
        return self.source.rsplit("/", 1)[-1]


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input that could not become an article, with a reason a person understands."""

    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity mention found by the NLP pass (spaCy label kept as ``label``)."""

    span: Span
    label: str

    _flatten: ClassVar[str] = "span"


# --------------------------------------------------------------------------- analyses


@dataclass(frozen=True, slots=True)
class Merge:
    """One step of entity resolution: which rule merged what, on which evidence."""

    rule: str
    evidence: str
    confidence: float = 1.0  # how sure the rule is that the two names are one entity (0-1)


@dataclass(frozen=True, slots=True)
class Entity:
    """A real-world person, organisation, group, place or other thing, across articles."""

    id: str
    name: str
    kind: EntityKind
    aliases: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()
    roles: tuple[Span, ...] = ()
    merges: tuple[Merge, ...] = ()
    salience: float = 0.0
    related: tuple[str, ...] = ()
    confidence: float = 1.0  # the weakest merge behind the entry (1.0 when nothing was merged)
    story: str | None = None  # the story the entry was resolved in (when the input spans several)
    same_as: tuple[str, ...] = ()  # entries of other stories with the identical full name

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", EntityKind.of(self.kind))


# Below this trust (see Quote.trust) a quote is marked as uncertain in the dossier views; the
# hand-labelled precision set (bench/quotes.py --precision) measures the share right above it.
QUOTE_LOW_CONFIDENCE = 0.5


class SpeakerLink(enum.StrEnum):
    """How a quote's speaker was found (the values of :attr:`Speaker.link`)."""

    NAMED = "named"
    PRONOUN = "pronoun"
    DESCRIPTION = "description"
    CONTEXT = "context"
    UNRESOLVED = "unresolved"


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who said a quote: a name, the span naming them (if any) and the resolved entity.

    ``link`` says how the speaker was found (a :class:`SpeakerLink` value): ``named`` beside
    the quote, through a ``pronoun`` or a ``description`` ("the governor") resolved to the name
    it refers to, from the ``context`` (an earlier quote, an introducing line), or
    ``unresolved``: the words beside the quote could not be tied to anyone with confidence, and
    ``name`` is then the phrase as written ("he", "a spokesman", "I"), never a guess.
    ``confidence`` (0-1) is how sure the link is.
    """

    name: str
    span: Span | None = None
    entity: str | None = None
    role: str | None = None
    confidence: float = 1.0
    link: str = "named"

    _flatten: ClassVar[str] = "span"

    @property
    def resolved(self) -> bool:
        """False when the speaker is only the phrase as written (``link == "unresolved"``)."""
        return self.link != SpeakerLink.UNRESOLVED


@dataclass(frozen=True, slots=True)
class Reprint:
    """A later appearance of a quote in another article, and how that article credits it."""

    span: Span
    credit: str | None = None

    _flatten: ClassVar[str] = "span"


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct or indirect quote, its speaker and cue, and its reprint chain.

    ``confidence`` (0-1) is how sure the extractor is that the span is a real, whole quote (the
    speaker link has its own, :attr:`Speaker.confidence`).
    """

    id: str
    kind: QuoteKind
    span: Span
    speaker: Speaker | None = None
    cue: Span | None = None
    origin: str | None = None
    reprints: tuple[Reprint, ...] = ()
    flags: tuple[str, ...] = ()
    confidence: float = 1.0

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", QuoteKind(self.kind))

    _flatten: ClassVar[str] = "span"

    @property
    def trust(self) -> float:
        """How far the quote as listed can be trusted: the lower of its own confidence and its
        speaker link's (half its confidence when it has no speaker at all)."""
        if self.speaker is None:
            return self.confidence * 0.5
        return min(self.confidence, self.speaker.confidence)

    @property
    def low_confidence(self) -> bool:
        """True when :attr:`trust` is below :data:`QUOTE_LOW_CONFIDENCE` (renderers mark it)."""
        return self.trust < QUOTE_LOW_CONFIDENCE


@dataclass(frozen=True, slots=True)
class Reuse:
    """A passage of one article reused in another."""

    source: Span
    copy: Span
    similarity: float
    direction: Direction = Direction.UNKNOWN
    evidence: str = ""
    kind: ReuseKind = ReuseKind.PROSE

    def __post_init__(self) -> None:
        object.__setattr__(self, "direction", Direction(self.direction))
        object.__setattr__(self, "kind", ReuseKind(self.kind))


@dataclass(frozen=True, slots=True)
class Fact:
    """A quantity stated in an article: a value or a range, with its unit and subject.

    ``dimension`` is one of :class:`Dimension`; ``counted`` the counted noun with its
    modifiers ("US troops"); ``predicate`` the lemma of the governing verb ("kill");
    ``subject`` that verb's subject (an entity id when it names one, else its words);
    ``frame`` the time or place the statement is limited to ("in 2012", "in this primary");
    ``approx`` whether the text hedges the value ("about", "nearly"); ``grain`` the rounding
    grain of the value as written ("1,200": 100); ``sentence`` the sentence it is stated in;
    ``confidence`` how sure the reading of value, unit and counted thing is (0-1).
    """

    unit: str
    about: str
    span: Span
    value: float | None = None
    low: float | None = None
    high: float | None = None
    conflict: bool = False
    dimension: str = "count"
    counted: str = ""
    predicate: str = ""
    subject: str = ""
    frame: str = ""
    approx: bool = False
    grain: float = 1.0
    sentence: Span | None = None
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Holder:
    """Who holds a claim: the outlet's own voice or a named or quoted source."""

    name: str
    kind: str = "outlet"
    span: Span | None = None
    entity: str | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """An evaluative statement about an entity, with its polarity and holder.

    ``question`` is the question the verdict answers ("stronger or weaker", "success or
    failure"); ``target_name`` the target's name as the text writes it; ``named`` whether the
    target is a named entity (a person, organisation, place or group), not a common noun;
    ``confidence`` how sure the reading of target, polarity and holder is (0-1).
    """

    target: str
    polarity: str
    holder: Holder
    span: Span
    question: str | None = None
    hedged: bool = False
    target_name: str = ""
    named: bool = False
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Side:
    """One position on a contested point, with the outlets and holders that take it.

    For a number, ``value``/``low``/``high`` give the side's figure; ``published`` the
    earliest publication time among its articles, when known.
    """

    position: str
    outlets: tuple[str, ...] = ()
    holders: tuple[str, ...] = ()
    spans: tuple[Span, ...] = ()
    value: float | None = None
    low: float | None = None
    high: float | None = None
    published: str | None = None


@dataclass(frozen=True, slots=True)
class Disagreement:
    """A point on which sources take different (or, if ``agreed``, the same) positions.

    ``status`` is one of :class:`PointStatus` (``agree``, ``compatible``, ``update``,
    ``contradict``; ``agreed`` is true for the first two); ``kind`` is ``number`` or
    ``verdict``; ``confidence`` (0-1) says how well the statements align and how clearly
    their values differ; ``outlets`` counts the outlets that state the point and
    ``independent`` those among them that do not copy another's passage (``None`` when text
    reuse was not known); ``question`` the bare question and ``counted`` what a number counts.
    """

    point: str
    sides: tuple[Side, ...]
    target: str | None = None
    agreed: bool = False
    status: str = ""
    kind: str = ""
    confidence: float = 1.0
    outlets: int = 0
    independent: int | None = None
    question: str = ""
    counted: str = ""


# points (and facts) whose confidence is below this are shown marked "low confidence"
LOW_CONFIDENCE = 0.6


class PointStatus(enum.StrEnum):
    """How the statements of one point compare."""

    AGREE = "agree"  # the same value or position
    COMPATIBLE = "compatible"  # rounding, "about", "more than", a range that holds the other value
    UPDATE = "update"  # a later report of a changing figure (a toll, a count of the displaced)
    CONTRADICT = "contradict"  # values or verdicts that cannot both be true


class Dimension(enum.StrEnum):
    """What kind of quantity a fact states."""

    COUNT = "count"
    MONEY = "money"
    PERCENT = "percent"
    DURATION = "duration"
    LENGTH = "length"
    WEIGHT = "weight"
    AREA = "area"
    SPEED = "speed"
    TEMPERATURE = "temperature"


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    """A temporal expression, resolved to a date where possible."""

    date: str | None
    resolved: bool
    how: str
    span: Span
    event: str | None = None
    conflict: bool = False


class SummaryBasis(StrEnum):
    """Why a summary sentence was picked."""

    CENTRAL = "central"   # the story's gist (or filler when few sentences answer the query)
    QUERY = "query"       # it answers the query
    NEW = "new"           # it is new against the prior articles (update summary)


@dataclass(frozen=True, slots=True)
class SummarySentence:
    """A summary sentence (verbatim from a source) and every span that supports it.

    ``basis`` says why it was picked: ``"query"`` (it answers the query: ``relevance`` at
    least the configured minimum), ``"new"`` (an update summary: what the new articles add;
    ``novelty`` is 1 minus its highest similarity to a prior sentence) or ``"central"`` (the
    story's gist; with a query, a sentence that fills the budget because few others answer
    it). ``relevance`` (0-1, the best sentence 1) is ``None`` without a query, ``novelty``
    (0-1) ``None`` without prior articles.
    """

    text: str
    cites: tuple[Span, ...]
    outlets: int
    independent: int | None = None
    basis: str = SummaryBasis.CENTRAL.value   # a SummaryBasis value
    relevance: float | None = None
    novelty: float | None = None


@dataclass(frozen=True, slots=True)
class SourceGroup:
    """Articles that count as one report: they copy one another, or share an outlet."""

    articles: tuple[str, ...]
    reason: str = ""


@dataclass(frozen=True, slots=True)
class OutletPair:
    """How often two outlets take the same and opposite positions on the points both address."""

    a: str
    b: str
    agree: int
    differ: int
    points: int
    basis: str = "disagreements"


@dataclass(frozen=True, slots=True)
class Problem:
    """An analysis that failed on one article (or on the whole set); everything else was built.

    ``article`` is ``None`` when the stage failed on the set as a whole.
    """

    stage: str
    article: str | None
    error: str
    message: str


@dataclass(frozen=True, slots=True)
class Story:
    """A group of articles about one story."""

    id: str
    label: str
    articles: tuple[str, ...]


# --------------------------------------------------------------------------- dossier


@dataclass(frozen=True, slots=True)
class Dossier:
    """Everything the system says about one set of articles."""

    articles: tuple[Article, ...] = ()
    rejected: tuple[Rejected, ...] = ()
    sentences: tuple[Span, ...] = ()
    mentions: tuple[Mention, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    reuse: tuple[Reuse, ...] = ()
    facts: tuple[Fact, ...] = ()
    claims: tuple[Claim, ...] = ()
    disagreements: tuple[Disagreement, ...] = ()
    timeline: tuple[TimelineEvent, ...] = ()
    summary: tuple[SummarySentence, ...] = ()
    stories: tuple[Story, ...] = ()
    sources: tuple[SourceGroup, ...] = ()
    agreement: tuple[OutletPair, ...] = ()
    problems: tuple[Problem, ...] = ()
    extra: Mapping[str, tuple[Any, ...]] = field(default_factory=dict)
    timings: Mapping[str, float] = field(default_factory=dict)
    schema: str = SCHEMA

    def article(self, article_id: str) -> Article:
        """Return the article with this id.

        Raises:
            KeyError: if no article has this id.
        """
        for art in self.articles:
            if art.id == article_id:
                return art
        raise KeyError(f"no article with id {article_id!r} in this dossier")

    def spans(self) -> Iterator[Span]:
        """Yield every span held anywhere in the dossier."""
        for name in _SECTIONS:
            yield from iter_spans(getattr(self, name))

    def validate(self) -> None:
        """Check that every span points at its article's text.

        Raises:
            SpanError: naming the first span that does not round-trip.
        """
        texts = {a.id: a.text for a in self.articles}
        for span in self.spans():
            if span.article not in texts:
                raise SpanError(f"span {span.start}:{span.end} points at unknown article {span.article}")
            actual = texts[span.article][span.start : span.end]
            if actual != span.text:
                raise SpanError(
                    f"span {span.article}:{span.start}:{span.end} says {span.text!r}, text has {actual!r}"
                )

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dictionary of schema :data:`SCHEMA`."""
        out: dict[str, Any] = {"schema": self.schema}
        for f in dataclasses.fields(self):
            if f.name != "schema":
                out[f.name] = to_jsonable(getattr(self, f.name))
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Dossier:
        """Rebuild a dossier from :meth:`to_dict` output.

        Raises:
            SchemaError: if the schema version is unknown or a field has the wrong shape.
        """
        if data.get("schema") != SCHEMA:
            raise SchemaError(f"unknown dossier schema {data.get('schema')!r}; expected {SCHEMA!r}")
        return from_jsonable(cls, data)


_SECTIONS = (
    "sentences", "mentions", "entities", "quotes", "reuse", "facts", "claims",
    "disagreements", "timeline", "summary", "extra",
)


def iter_spans(obj: Any) -> Iterator[Span]:
    """Yield every :class:`Span` inside ``obj`` (dataclasses, tuples, lists, dicts)."""
    if isinstance(obj, Span):
        yield obj
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            yield from iter_spans(getattr(obj, f.name))
    elif isinstance(obj, (tuple, list)):
        for item in obj:
            yield from iter_spans(item)
    elif isinstance(obj, Mapping):
        for item in obj.values():
            yield from iter_spans(item)


# --------------------------------------------------------------------------- (de)serialisation


def to_jsonable(obj: Any) -> Any:
    """Turn model objects into plain JSON values.

    Every field is written (``None`` as ``null``), so readers can rely on the keys; a class
    with ``_flatten`` has that span's keys (``article``, ``start``, ``end``, ``text``) merged into its own dict.
    """
    if isinstance(obj, Span):
        return obj.to_dict()
    if isinstance(obj, dt.datetime):
        return obj.isoformat()
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        out: dict[str, Any] = {}
        flat = getattr(type(obj), "_flatten", None)
        for f in dataclasses.fields(obj):
            value = getattr(obj, f.name)
            if f.name == flat:
                if value is not None:
                    out.update(value.to_dict())
                continue
            out[f.name] = to_jsonable(value)
        return out
    if isinstance(obj, (tuple, list)):
        return [to_jsonable(x) for x in obj]
    if isinstance(obj, Mapping):
        return {str(k): to_jsonable(v) for k, v in obj.items()}
    return obj


_SPAN_KEYS = ("article", "start", "end", "text")


def from_jsonable(cls: type, data: Any) -> Any:
    """Rebuild an instance of dataclass ``cls`` from :func:`to_jsonable` output.

    Raises:
        SchemaError: if ``data`` lacks a required field or has the wrong type.
    """
    if not isinstance(data, Mapping):
        raise SchemaError(f"{cls.__name__} expects an object, got {type(data).__name__}")
    if cls is Span:
        return Span.from_dict(data)
    hints = typing.get_type_hints(cls)
    flat = getattr(cls, "_flatten", None)
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.name == flat:
            if all(k in data for k in _SPAN_KEYS):
                kwargs[f.name] = Span.from_dict(data)
            elif f.default is dataclasses.MISSING:
                raise SchemaError(f"{cls.__name__} needs a span (article, start, end, text)")
            continue
        if f.name not in data:
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise SchemaError(f"{cls.__name__} is missing field {f.name!r}")
            continue
        kwargs[f.name] = _decode(hints[f.name], data[f.name], f"{cls.__name__}.{f.name}")
    return cls(**kwargs)


def _decode(hint: Any, value: Any, where: str) -> Any:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        if value is None:
            return None
        inner = [a for a in args if a is not type(None)]
        return _decode(inner[0], value, where)
    if origin is tuple:
        if not isinstance(value, list):
            raise SchemaError(f"{where} should be a list, got {type(value).__name__}")
        return tuple(_decode(args[0], v, where) for v in value)
    if origin in (collections.abc.Mapping, dict) or hint is Mapping:
        if not isinstance(value, Mapping):
            raise SchemaError(f"{where} should be an object")
        return dict(value)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return from_jsonable(hint, value)
    if hint is dt.datetime:
        if not isinstance(value, str):
            raise SchemaError(f"{where} should be an ISO 8601 date-time string")
        try:
            return dt.datetime.fromisoformat(value)
        except ValueError:
            raise SchemaError(f"{where} is not an ISO 8601 date-time: {value!r}") from None
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        try:
            return hint(value)
        except ValueError:
            allowed = ", ".join(str(m.value) for m in hint)
            raise SchemaError(f"{where} must be one of {allowed}, got {value!r}") from None
    if hint is float and isinstance(value, (int, float)):
        return float(value)
    if isinstance(hint, type) and hint is not Any and not isinstance(value, hint):
        raise SchemaError(f"{where} should be {hint.__name__}, got {type(value).__name__}")
    return value
