"""What the analyses produce: one frozen dataclass per kind of statement."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from .core import Span
from .kinds import (
    QUOTE_LOW_CONFIDENCE,
    Direction,
    EntityKind,
    QuoteKind,
    ReuseKind,
    SpeakerLink,
    SummaryBasis,
)


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



@dataclass(frozen=True, slots=True)
class TimelineEvent:
    """A temporal expression, resolved to a date where possible."""

    date: str | None
    resolved: bool
    how: str
    span: Span
    event: str | None = None
    conflict: bool = False


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
