"""The one configuration of entity resolution: every threshold and weight, with its reason."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from ...errors import OptionError


class EntitiesConfigError(OptionError):
    """An :class:`EntitiesConfig` value is out of range."""


# How sure each merge rule is that its two names denote one entity. A rule matched on the
# text itself ("X, also known as Y", "Name (ABC)") or on identical names is near-certain;
# one that joins a bare word to a full name, or two spellings, is less so.
DEFAULT_RULE_CONFIDENCE: Mapping[str, float] = MappingProxyType({
    "user must-link": 1.0,
    "same spelling": 1.0,
    "particle": 0.97,
    "former name": 0.95,
    "alias apposition": 0.95,
    "acronym defined": 0.97,
    "acronym initials": 0.85,
    "an acronym": 0.9,
    "a derived word": 0.85,
    "a plural word": 0.85,
    "transliteration": 0.8,
    "nickname": 0.8,
    "spelling variant": 0.75,
    "near spelling": 0.75,
    "group word before a name": 0.85,
    "name extension": 0.9,
    "truncated name": 0.75,
    "event short form": 0.75,
    "surname only": 0.85,
    "first name only": 0.7,
    "same word": 0.85,
    "place short form": 0.75,
    "short form": 0.8,
    "institution short form": 0.8,
    "craft short form": 0.85,
    "legal form": 0.9,
    "state abbreviation": 0.9,
    "plural": 0.9,
})


def _default_conf() -> Mapping[str, float]:
    return DEFAULT_RULE_CONFIDENCE


@dataclass(frozen=True)
class EntitiesConfig:
    """Thresholds of entity resolution (defaults measured with ``bench/entities.py``).

    Attributes:
        rule_confidence: confidence of each merge rule (see :data:`DEFAULT_RULE_CONFIDENCE`);
            rules not listed get ``default_confidence``.
        default_confidence: confidence of a merge by a rule missing from ``rule_confidence``.
        cooccurring_penalty: factor on the confidence of a spelling-variant merge whose two
            spellings meet in one article (a typo more often than two people).
        near_spelling_min_len: shortest name token that a one-letter difference may join
            ("Judicary" / "Judiciary"); shorter tokens differ too often between real names.
        common_word_ratio: a capitalised word that stands alone (no full name joins it) is no
            name when the articles write it in lowercase at least this many times per
            capitalised use ("Actress", "Congressional"); 0 disables the filter.
        cue_weight: votes of a mention whose context shows its kind (a title before it, "X said",
            quotation marks around it: see ``kindcue.kind_cue``) against one vote of a tagger label.
        common_word_min: a bare word the articles write in lowercase at least this many times (and
            ``common_word_ratio`` times per capitalised use inside a sentence) is a common word: it
            joins no person as a surname or first name unless a context shows a person ("Mr. X").
        drop_junk: leave entries out that fail the "names must be names" checks (headings,
            furniture, common words); when False they are kept with ``confidence`` 0.2.
        per_story: resolve names story by story (the build's stories component) and link
            entries of different stories only by identical full names. Off by default: the story
            clustering splits one long-running story (dated months apart) into many, and one
            build is one story unless the user says otherwise (`build --per-story` writes one
            dossier per story instead; a build whose inputs span several stories warns).
        rules: user must-link / cannot-link rules, as
            :class:`~newsdossier.analysis.entities.EntityRules` or as the parsed
            ``--entity-rules`` JSON (checked when the config is made, before any work).
    """

    rule_confidence: Mapping[str, float] = field(default_factory=_default_conf)
    default_confidence: float = 0.7
    cooccurring_penalty: float = 0.8
    near_spelling_min_len: int = 6
    common_word_ratio: float = 1.0
    cue_weight: int = 2
    common_word_min: int = 2
    drop_junk: bool = True
    per_story: bool = False
    rules: Any = None

    def __post_init__(self) -> None:
        if self.rules is not None:
            from .resolve import EntityRules  # resolve imports this module

            if not isinstance(self.rules, EntityRules):
                object.__setattr__(self, "rules", EntityRules.from_dict(self.rules))
        for rule, value in self.rule_confidence.items():
            if not 0.0 <= value <= 1.0:
                raise EntitiesConfigError(f"rule_confidence[{rule!r}] = {value} is outside 0-1; use a value in 0-1")
        for name in ("default_confidence", "cooccurring_penalty"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise EntitiesConfigError(f"{name} = {value} is outside 0-1; use a value in 0-1")
        if self.near_spelling_min_len < 4:
            raise EntitiesConfigError(
                f"near_spelling_min_len = {self.near_spelling_min_len} is below 4; short names differ by one "
                "letter too often (use 4 or more)")
        if self.common_word_ratio < 0:
            raise EntitiesConfigError(f"common_word_ratio = {self.common_word_ratio} is negative; use 0 to disable")

    def confidence(self, rule: str) -> float:
        """Return the confidence of a merge by ``rule``."""
        return self.rule_confidence.get(rule, self.default_confidence)
