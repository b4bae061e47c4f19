"""Spans and articles: the ground every statement of the model stands on."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from ..errors import NewsdossierError

SCHEMA = "newsdossier/2"


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

    Attributes:
        article: id of the article whose text the span points into.
        start: offset of the first character (Unicode code points).
        end: offset just past the last character.
        text: ``articles[article].text[start:end]``.
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

    Attributes:
        start: offset into the input text after decoding and whitespace normalisation.
        end: offset just past the removed text in that input text.
        text: the removed text.
        reason: why it was taken out.
        at: where it was in the cleaned ``Article.text``.
    """

    start: int
    end: int
    text: str
    reason: str
    at: int = 0


@dataclass(frozen=True, slots=True)
class Article:
    """One article: an immutable cleaned text plus whatever metadata the input carried.

    Attributes:
        id: 16 hex digits of the SHA-256 of the cleaned text.
        source: the file it came from, with ``#n`` for the n-th record of a container.
        text: the cleaned text every span points into (null when written with ``--no-texts``).
        title: the headline, or null.
        outlet: the publication, or null.
        author: the byline, or null.
        published: the publication date as ISO 8601, or null.
        url: the address, or null.
        language: ISO 639-1 code, or ``und`` when it could not be identified.
        input_id: the id the input gave (e.g. a JSONL ``id``), or null.
        removed: page furniture taken out, each with its reason.
        flags: notes such as a non-English language or a date that was not understood.
        published_at: ``published`` read once as a timezone-aware UTC date-time, or null.
    """

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
        """A short human name: the outlet, else the title, else the source file name with the
        place in it ("clusters.jsonl#3/1": a record's document is no bare "1")."""
        if self.outlet:
            return self.outlet
        if self.title:
            return self.title
        path, sep, place = self.source.partition("#")
        return path.rsplit("/", 1)[-1] + sep + place


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input that could not become an article, with a reason a person understands.

    Attributes:
        source: the file (or record) that could not be read.
        reason: why, in words that say what to do.
    """

    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity mention found by the NLP pass.

    Attributes:
        span: the mention (the span keys at the mention's level).
        label: spaCy's label (PERSON, ORG, GPE...).
    """

    span: Span
    label: str

    _flatten: ClassVar[str] = "span"
