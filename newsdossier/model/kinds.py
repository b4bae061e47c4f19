"""The closed vocabularies of the model (enums) and the confidence levels views mark."""

from __future__ import annotations

import enum


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


class SummaryBasis(enum.StrEnum):
    """Why a summary sentence was picked."""

    CENTRAL = "central"   # the story's gist (or filler when few sentences answer the query)
    QUERY = "query"       # it answers the query
    NEW = "new"           # it is new against the prior articles (update summary)
