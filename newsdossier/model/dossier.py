"""The dossier, and its conversion to and from the JSON of schema :data:`SCHEMA`."""

from __future__ import annotations

import collections.abc
import dataclasses
import datetime as dt
import enum
import types
import typing
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from .core import SCHEMA, Article, Mention, Rejected, SchemaError, Span, SpanError
from .sections import (
    Claim,
    Disagreement,
    Entity,
    Fact,
    OutletPair,
    Problem,
    Quote,
    Reuse,
    SourceGroup,
    Story,
    SummarySentence,
    TimelineEvent,
)


@dataclass(frozen=True, slots=True)
class Dossier:
    """Everything the system says about one set of articles.

    Attributes:
        articles: the articles, with the texts every span points into.
        rejected: inputs that could not become articles, with the reason.
        sentences: every sentence of every article, as spans.
        mentions: spaCy's named-entity mentions.
        entities: resolved people, organisations, groups and places.
        quotes: who said what: direct and reported speech, speakers, reprint chains.
        reuse: passages one article reuses from another.
        facts: quantities stated in the articles.
        claims: evaluative statements about entities, with their holders.
        disagreements: points the sources state, and whether they agree or contradict.
        timeline: temporal expressions, resolved to dates where possible.
        summary: the summary, sentence by sentence, each with its citations.
        stories: the stories the articles belong to.
        sources: groups of articles that count as one report.
        agreement: how often each pair of outlets agrees and differs.
        problems: analyses that failed on one article or on the set; everything else was built.
        extra: sections of analyses added by registration, by name.
        timings: seconds per pipeline stage.
        schema: the schema version (``SCHEMA``).
    """

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
