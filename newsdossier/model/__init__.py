"""The data model: every statement the system makes is anchored in character spans.

An :class:`Article` owns one immutable text. A :class:`Span` is ``(article, start, end)``
plus the text it covers, and the invariant ``article.text[start:end] == span.text`` holds
for every span of every object in a :class:`Dossier`. :meth:`Dossier.validate` checks it.

All classes are frozen dataclasses with tuples for sequences, so they can be hashed,
shared between threads and shipped to Spark executors. ``to_dict``/``from_dict`` turn them
into the JSON shape documented in ``docs/dossier.md`` (schema version :data:`SCHEMA`).
"""

from .core import (
    SCHEMA,
    Article,
    Mention,
    Rejected,
    Removal,
    SchemaError,
    Span,
    SpanError,
    parse_published,
    strip_range,
    text_id,
)
from .dossier import Dossier, from_jsonable, iter_spans, to_jsonable
from .kinds import (
    LOW_CONFIDENCE,
    QUOTE_LOW_CONFIDENCE,
    Dimension,
    Direction,
    EntityKind,
    PointStatus,
    QuoteKind,
    ReuseKind,
    SpeakerLink,
    SummaryBasis,
)
from .sections import (
    Claim,
    Disagreement,
    Entity,
    Fact,
    Holder,
    Merge,
    OutletPair,
    Problem,
    Quote,
    Reprint,
    Reuse,
    Side,
    SourceGroup,
    Speaker,
    Story,
    SummarySentence,
    TimelineEvent,
)

__all__ = [
    "LOW_CONFIDENCE", "QUOTE_LOW_CONFIDENCE", "SCHEMA", "Article", "Claim", "Dimension", "Direction",
    "Disagreement", "Dossier", "Entity", "EntityKind", "Fact", "Holder", "Mention", "Merge",
    "OutletPair", "PointStatus", "Problem", "Quote", "QuoteKind", "Rejected", "Removal", "Reprint",
    "Reuse", "ReuseKind", "SchemaError", "Side", "SourceGroup", "Span", "SpanError", "Speaker",
    "SpeakerLink", "Story", "SummaryBasis", "SummarySentence", "TimelineEvent", "from_jsonable",
    "iter_spans", "parse_published", "strip_range", "text_id", "to_jsonable",
]
