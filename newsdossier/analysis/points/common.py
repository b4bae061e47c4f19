"""Shared helpers of the points package: the config, question names, names and intervals.

Not an analysis: facts, claims and disagreements each import from here, never from each other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...errors import OptionError
from ...lang import en

__all__ = ["PointsConfig", "STRENGTH", "SUCCESS", "POSITIONS", "name_key", "bounds", "overlap",
           "PointsConfigError", "NAMED_KINDS"]

STRENGTH = "stronger or weaker"
SUCCESS = "success or failure"
POSITIONS = {STRENGTH: ("stronger", "weaker"), SUCCESS: ("success", "failure")}
# entity kinds a verdict can be about (compared exactly)
NAMED_KINDS = frozenset({"person", "organisation", "place", "group"})

# titles before a name, stripped from a verdict's target or a point's subject ("Prime Minister X")
TITLES_RE = re.compile(
    r"^(?:(?:prime\s+minister|"
    + "|".join(sorted({re.escape(w.rstrip(".").lower()) for w in en.OFFICE_TITLE_WORDS}, key=len, reverse=True))
    + r")\.?\s+)+",
    re.I,
)


class PointsConfigError(OptionError):
    """A :class:`PointsConfig` value is out of range; the message names the field and its range."""


@dataclass(frozen=True, slots=True)
class PointsConfig:
    """Thresholds of facts, claims and the disagreement finder (one place for all of them).

    Attributes:
        min_similarity: sentences of two statements must share at least this share of their
            content words (weighted Jaccard, 0-1) to be aligned as one point ...
        anchor_similarity: ... or this much when the two sentences also state another figure
            identically (one event reported twice) and the governing verb is the same ...
        toll_similarity: ... or this much when both count a toll (deaths, injured, displaced,
            detainees, missing), no frame conflicts and one of them marks its figure as the
            latest ("now", "has risen to").
        min_confidence: points below this confidence are left out (renderers mark those
            below :data:`newsdossier.model.LOW_CONFIDENCE` as "low confidence").
        clear_gap: two values whose allowed intervals are disjoint contradict only when the
            gap is at least this share of the larger value (else: compatible).
        approx_slack: the share an approximate value ("about 1,200") may be off.
        min_verdict_outlets: a contested verdict needs this many outlets in all.
        omission_confidence: the most confidence a verdict read from "failed to <verb>" gets
            (only verbs of attaining make one, "failed to win": ``lang.en.ATTAINMENT_VERBS``;
            "failed to check" is an omission and no verdict); below LOW_CONFIDENCE so it shows unsure.
        named_verdict_confidence: the confidence of a verdict on a named target (else 0.5, less
            for outcomes, hedges and unnamed sources). Hand-labelled verdicts
            (``bench/verdicts.py``) were fully right 0.60 of the time, and those at 0.9 the least
            often (0.25): below LOW_CONFIDENCE, so every verdict shows as unsure until the reading
            earns more.
        copies_confidence: the most confidence a point gets when all its statements come from
            copies of one text (its articles linked by copied passages covering the statements,
            ``independent`` = 1): wire versions of one story are neither corroboration nor
            contradiction. Below LOW_CONFIDENCE: on the hand-labelled DUC 2007 points
            (``bench/claims_duc.py``) every such point was a copy.
        copy_run: two sentences that share a run of this many words, in order, are one text
            copied (a sentence reused in another story escapes the passage-level reuse finder;
            writers who state a figure on their own do not write the same dozen words).
        unordered_toll_confidence: the most confidence a contradiction between two counts of a
            changing toll (deaths, injured, displaced ...) gets when neither the publication
            times nor the wording ("now", "has risen to") say which is later: the later may
            update the earlier. Below LOW_CONFIDENCE, so it is shown unsure.
        close_confidence: the most confidence two readings get when they are compatible only by
            being close (their allowed intervals are disjoint, the gap under ``clear_gap``: "21"
            / "22" states): a guess between a change, a slip and a contradiction. Below
            LOW_CONFIDENCE.
        place_confidence: the most confidence a contested point (contradict, update) gets when
            the two sentences name different places (``find_disagreements(entities=...)``): one
            city's toll and the nation's, one region's and another's. Below LOW_CONFIDENCE.
        copy_similarity: two articles that copy each other elsewhere (a reuse record links them)
            state a point as one text when the two sentences share this share of their words
            (a lightly edited sentence of a new version escapes the copied passages).
        min_context_similarity: two statements aligned on ``min_similarity`` must also share
            this share of their sentences' other words (without the figure's own verb and
            counted noun, which the hard conditions already match): "injured 111 people" in one
            explosion and "nine people were injured" in others share only those.
        parallel_confidence: the most confidence two figures get when they align only by a
            parallel comparison: each sentence gives one measure (one unit) for the same two groups in
            the same order ("70 percent of men and 25 percent of women" / "86 percent of men but only
            about 20 percent of women"), each article gives that measure for each group once, and no
            two different verbs of their own govern them. The structure says one measure of one
            thing; nothing says the same subject. Below LOW_CONFIDENCE, so shown unsure.
        route_alignment: the alignment of two distances between the same two named places ("Izmit,
            90 miles east of Istanbul" / "Izmit, about 55 miles east of Istanbul"): the same measure
            of one fixed thing, which no time changes, so the values decide (copies still count
            as one text).
        max_pair_group: a block of figures that can align (same dimension, unit and counted
            noun) up to this size is compared pair by pair; a bigger one (many stories in one
            dossier) only where the sentences can align at all, so the cost per article stays
            flat (see ``disagreements._candidate_pairs``).
    """

    min_similarity: float = 0.5
    anchor_similarity: float = 0.3
    toll_similarity: float = 0.03
    min_confidence: float = 0.4
    clear_gap: float = 0.05
    approx_slack: float = 0.1
    min_verdict_outlets: int = 2
    omission_confidence: float = 0.45
    named_verdict_confidence: float = 0.55
    copies_confidence: float = 0.45
    copy_similarity: float = 0.6
    copy_run: int = 10
    unordered_toll_confidence: float = 0.5
    place_confidence: float = 0.5
    close_confidence: float = 0.5
    min_context_similarity: float = 0.3
    parallel_confidence: float = 0.5
    route_alignment: float = 0.85
    max_pair_group: int = 100

    def __post_init__(self) -> None:
        for name in ("min_similarity", "anchor_similarity", "toll_similarity", "min_confidence", "clear_gap",
                     "approx_slack", "omission_confidence", "named_verdict_confidence", "copies_confidence",
                     "copy_similarity", "unordered_toll_confidence", "place_confidence", "close_confidence",
                     "min_context_similarity", "parallel_confidence", "route_alignment"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise PointsConfigError(f"PointsConfig.{name} must lie in [0, 1], got {value!r}")
        if self.copy_run < 1:
            raise PointsConfigError(f"PointsConfig.copy_run must be at least 1, got {self.copy_run!r}")
        if self.max_pair_group < 2:
            raise PointsConfigError(f"PointsConfig.max_pair_group must be at least 2, got {self.max_pair_group!r}")
        if self.min_verdict_outlets < 2:
            raise PointsConfigError("PointsConfig.min_verdict_outlets must be at least 2 "
                                    f"(a contest needs two outlets), got {self.min_verdict_outlets!r}")


def name_key(name: str) -> str:
    """Return a loose key for a target name: the last word, without articles and titles."""
    name = TITLES_RE.sub("", name.strip())
    words = re.findall(r"[\w']+", name.lower())
    words = [w for w in words if w not in ("al", "el", "the", "s", "'s")]
    return words[-1] if words else name.lower()


def bounds(value: float | None, low: float | None, high: float | None, approx: bool = False,
           grain: float = 1.0, slack: float = 0.1) -> tuple[float, float]:
    """Return the closed interval a stated quantity allows.

    An exact value allows half its rounding grain ("1,200" covers 1,150-1,250), at most 10 % of
    itself; an approximate one ``slack`` of itself; "more than X" is open above, "up to X" below.
    """
    if value is not None:
        pad = max(slack * abs(value) if approx else 0.0, min(grain / 2, 0.1 * abs(value)) if grain > 1 else 0.0)
        return value - pad, value + pad
    lo = low if low is not None else float("-inf")
    hi = high if high is not None else float("inf")
    return lo, hi


def overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Return whether two closed intervals overlap."""
    return a[0] <= b[1] and b[0] <= a[1]
