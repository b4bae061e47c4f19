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
    """One step of entity resolution: which rule merged what, on which evidence.

    Attributes:
        rule: the resolution rule that merged the names ("same spelling", a surname, an acronym...).
        evidence: what the rule saw, in words.
        confidence: how sure the rule is that the two names are one entity (0-1).
    """

    rule: str
    evidence: str
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Entity:
    """A real-world person, organisation, group, place or other thing, across articles.

    Attributes:
        id: stable id of the entry within the dossier.
        name: the canonical name (the most telling full form the sources write).
        kind: person, organisation, group, place or other (:class:`EntityKind`).
        aliases: every other spelling the sources use for it.
        mentions: every mention, as spans.
        roles: titles and descriptions given to it ("the prime minister"), as spans.
        merges: the resolution steps behind the entry, each with its rule, evidence and confidence.
        salience: how central it is to the story (0-1, mentions across outlets).
        related: ids of entries whose names contain or extend its name without being it.
        confidence: the weakest merge behind the entry (1.0 when nothing was merged).
        story: the story the entry was resolved in, when the input spans several; else null.
        same_as: ids of entries of other stories with the identical full name.
    """

    id: str
    name: str
    kind: EntityKind
    aliases: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()
    roles: tuple[Span, ...] = ()
    merges: tuple[Merge, ...] = ()
    salience: float = 0.0
    related: tuple[str, ...] = ()
    confidence: float = 1.0
    story: str | None = None
    same_as: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", EntityKind.of(self.kind))



@dataclass(frozen=True, slots=True)
class Speaker:
    """Who said a quote: a name, the span naming them (if any) and the resolved entity.

    Attributes:
        name: the speaker's name; when ``link`` is ``unresolved``, the phrase as written beside
            the quote ("he", "a spokesman", "I"), never a guessed name.
        span: where the text names or refers to the speaker (the span keys at the speaker's level).
        entity: id of the resolved entity, or null.
        role: the role the text gives the speaker ("a police spokesman"), or null.
        confidence: how sure the speaker link is (0-1).
        link: how the speaker was found (:class:`SpeakerLink`): ``named`` beside the quote,
            through a ``pronoun`` or a ``description`` ("the governor") resolved to the name it
            refers to, from the ``context`` (an earlier quote, an introducing line), or
            ``unresolved``.
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
    """A later appearance of a quote in another article, and how that article credits it.

    Attributes:
        span: where the quote appears again (the span keys at the reprint's level).
        credit: the outlet or agency the reprint credits ("told Reuters"), or null.
    """

    span: Span
    credit: str | None = None

    _flatten: ClassVar[str] = "span"


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct or indirect quote, its speaker and cue, and its reprint chain.

    Attributes:
        id: stable id of the quote within the dossier.
        kind: ``direct`` (in quotation marks) or ``indirect`` (reported speech).
        span: the quoted words (the span keys at the quote's level).
        speaker: who said it, or null.
        cue: the speech verb or phrase that frames it ("said", "according to"), or null.
        origin: id of the article that printed it first, or null when unknown.
        reprints: later appearances in other articles, each with its credit.
        flags: notes on the quote ("continued" across paragraphs, "unbalanced" quotation marks...).
        confidence: how sure the extractor is that the span is a real, whole quote (0-1); views
            mark a quote whose min(quote, speaker) confidence is below 0.5.
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
    """A passage of one article reused in another (a run of names and numbers alone is not reuse).

    At least 12 words on both sides, holding at least four distinct lower-case words of four
    letters or more: names, numbers and titles every outlet writes alike are no sign of copying.

    Attributes:
        source: the passage in the article it comes from.
        copy: the passage in the article that reuses it.
        similarity: how close the two passages are (0-1).
        direction: ``known`` when evidence (dates, credits) says who copied whom, else ``unknown``.
        evidence: the evidence for the direction, in words.
        kind: ``prose`` or ``quote`` (a shared quotation, not copied prose).
    """

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

    Attributes:
        unit: the unit as normalised ("USD", "percent", "km"; "" for a bare count).
        about: the words the quantity is about.
        span: the quantity as written.
        value: the value, when one value is stated.
        low: the lower end of a range, or null.
        high: the upper end of a range, or null.
        conflict: always false (comparing is the points' job: see ``disagreements[].status``).
        dimension: count, money, percent, duration, length, weight, area, speed, temperature.
        counted: the counted noun with its modifiers ("US troops").
        predicate: the lemma of the governing verb ("kill").
        subject: that verb's subject: an entity id when it names one, else its words.
        frame: the time or place the statement is limited to ("in 2012").
        approx: whether the text hedges the value ("about", "nearly").
        grain: the rounding grain of the value as written ("1,200": 100).
        sentence: the sentence it is stated in.
        confidence: how sure the reading of value, unit and counted thing is (0-1).
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
    """Who holds a claim: the outlet's own voice or a named or quoted source.

    Attributes:
        name: the holder's name (the outlet for its own voice).
        kind: ``outlet`` (the article's own voice), or the kind of source quoted.
        span: where the text names the holder, or null.
        entity: id of the resolved entity, or null.
    """

    name: str
    kind: str = "outlet"
    span: Span | None = None
    entity: str | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """An evaluative statement about an entity, with its polarity and holder.

    Attributes:
        target: the entity id (or words) the verdict is about.
        polarity: which side of the question the statement takes.
        holder: who holds the verdict.
        span: the statement.
        question: the bare question the verdict answers ("stronger or weaker", "success or failure").
        hedged: whether the statement is hedged ("may", "appears to").
        target_name: the target's name as the text writes it.
        named: whether the target is a named entity, not a common noun.
        confidence: how sure the reading of target, polarity and holder is (0-1).
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

    Attributes:
        position: the position, in words (a value, or a verdict).
        outlets: the outlets that take it.
        holders: the sources, within those outlets, that hold it.
        spans: the statements taking it.
        value: for a number, the side's value.
        low: for a range, its lower end.
        high: for a range, its upper end.
        published: the earliest publication time among its articles, when known.
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

    Attributes:
        point: the point, in words.
        sides: the positions taken, each with its outlets, holders and spans.
        target: the entity id the point is about, or null.
        agreed: true for ``agree`` and ``compatible``.
        status: agree, compatible, update or contradict (:class:`PointStatus`).
        kind: ``number`` or ``verdict``.
        confidence: how well the statements align and how clearly their values differ (0-1).
        outlets: how many outlets state the point.
        independent: how many of them do not copy another's passage (null without reuse).
        question: the bare question a verdict answers.
        counted: what a number counts.
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
    """A temporal expression, resolved to a date where possible.

    Attributes:
        date: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``, or null when it could not be resolved.
        resolved: whether ``date`` was found.
        how: how it was resolved, in words (from the publication date, from another date...).
        span: the expression as written.
        event: what happened then (the clause around the expression), or null.
        conflict: whether another article, written within 14 days of this one, dates the same
            event (the same governing verb, most content words shared, two of them besides the
            verb) to a different day or month, in other words than this one's ("today" in both,
            counted from two days of writing, is no contradiction), and neither article also
            gives the other's date.
    """

    date: str | None
    resolved: bool
    how: str
    span: Span
    event: str | None = None
    conflict: bool = False


@dataclass(frozen=True, slots=True)
class SummarySentence:
    """A summary sentence (verbatim from a source) and every span that supports it.

    Attributes:
        text: a source sentence as its first cite's span, verbatim; when the sentence was
            cut to a shorter span (a leading connective such as "However," left out) the
            span's first letter is capitalised, and a full stop closes a claim whose trailing
            attribution was left out: ``cites[0]`` is still the article's exact characters.
        cites: its span first, then the same content elsewhere.
        outlets: how many outlets report the content.
        independent: how many of those do not copy another's passage (null without reuse).
        basis: why it was picked (:class:`SummaryBasis`): ``query`` (it answers the query),
            ``central`` (the story's gist, or budget filled when few sentences answer the
            query) or ``new`` (an update summary's news).
        relevance: 0-1 to the query, the best sentence 1; null without a query.
        novelty: 1 minus the highest similarity to a prior article's sentence; null unless the
            summary is an update (``build --story ID --since DATE``, ``prior_documents`` in batch).
    """

    text: str
    cites: tuple[Span, ...]
    outlets: int
    independent: int | None = None
    basis: str = SummaryBasis.CENTRAL.value
    relevance: float | None = None
    novelty: float | None = None


@dataclass(frozen=True, slots=True)
class SourceGroup:
    """Articles that count as one report: they copy one another, or share an outlet.

    Attributes:
        articles: ids of the articles of the group.
        reason: why they count as one (copied passages, the same outlet).
    """

    articles: tuple[str, ...]
    reason: str = ""


@dataclass(frozen=True, slots=True)
class OutletPair:
    """How often two outlets take the same and opposite positions on the points both address.

    Attributes:
        a: one outlet.
        b: the other outlet.
        agree: points on which they take the same (or a compatible) position.
        differ: points on which they take different positions.
        points: points both address.
        basis: the section the counts come from.
    """

    a: str
    b: str
    agree: int
    differ: int
    points: int
    basis: str = "disagreements"


@dataclass(frozen=True, slots=True)
class Problem:
    """An analysis that failed on one article (or on the whole set); everything else was built.

    Attributes:
        stage: the analysis that failed.
        article: the article it failed on; null when it failed on the set as a whole.
        error: the exception's type.
        message: what went wrong.
    """

    stage: str
    article: str | None
    error: str
    message: str


@dataclass(frozen=True, slots=True)
class Story:
    """A group of articles about one story.

    Attributes:
        id: the story's id.
        label: a short label (its most telling words).
        articles: ids of its articles.
        confidence: how sure the build is that this story and another of the build's stories
            are different stories (its clearest separation: low when the two are small or
            similar); 1.0 for a build's only story. A build reports several stories only when
            at least two reach ``StoryParams.build_split_confidence``.
    """

    id: str
    label: str
    articles: tuple[str, ...]
    confidence: float = 1.0
