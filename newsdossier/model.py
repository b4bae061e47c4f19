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
import hashlib
import types
import typing
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, ClassVar

SCHEMA = "newsdossier/1"


class SpanError(ValueError):
    """A span does not fit the text it claims to point into."""


class SchemaError(ValueError):
    """A dossier dictionary does not have the shape of schema :data:`SCHEMA`."""


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


@dataclass(frozen=True, slots=True)
class Entity:
    """A real-world person, organisation, group, place or other thing, across articles."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()
    roles: tuple[Span, ...] = ()
    merges: tuple[Merge, ...] = ()
    salience: float = 0.0
    related: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who said a quote: a name, the span naming them (if any) and the resolved entity."""

    name: str
    span: Span | None = None
    entity: str | None = None
    role: str | None = None

    _flatten: ClassVar[str] = "span"


@dataclass(frozen=True, slots=True)
class Reprint:
    """A later appearance of a quote in another article, and how that article credits it."""

    span: Span
    credit: str | None = None

    _flatten: ClassVar[str] = "span"


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct or indirect quote, its speaker and cue, and its reprint chain."""

    id: str
    kind: str
    span: Span
    speaker: Speaker | None = None
    cue: Span | None = None
    origin: str | None = None
    reprints: tuple[Reprint, ...] = ()
    flags: tuple[str, ...] = ()

    _flatten: ClassVar[str] = "span"


@dataclass(frozen=True, slots=True)
class Reuse:
    """A passage of one article reused in another."""

    source: Span
    copy: Span
    similarity: float
    direction: str = "unknown"
    evidence: str = ""
    kind: str = "prose"


@dataclass(frozen=True, slots=True)
class Fact:
    """A quantity stated in an article: a value or a range, with its unit and subject."""

    unit: str
    about: str
    span: Span
    value: float | None = None
    low: float | None = None
    high: float | None = None
    conflict: bool = False


@dataclass(frozen=True, slots=True)
class Holder:
    """Who holds a claim: the outlet's own voice or a named or quoted source."""

    name: str
    kind: str = "outlet"
    span: Span | None = None
    entity: str | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """An evaluative statement about an entity, with its polarity and holder."""

    target: str
    polarity: str
    holder: Holder
    span: Span
    question: str | None = None
    hedged: bool = False


@dataclass(frozen=True, slots=True)
class Side:
    """One position on a contested point, with the outlets and holders that take it."""

    position: str
    outlets: tuple[str, ...] = ()
    holders: tuple[str, ...] = ()
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Disagreement:
    """A point on which sources take different (or, if ``agreed``, the same) positions."""

    point: str
    sides: tuple[Side, ...]
    target: str | None = None
    agreed: bool = False


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
    "disagreements", "timeline", "summary",
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
    if hint is float and isinstance(value, (int, float)):
        return float(value)
    if isinstance(hint, type) and hint is not Any and not isinstance(value, hint):
        raise SchemaError(f"{where} should be {hint.__name__}, got {type(value).__name__}")
    return value
