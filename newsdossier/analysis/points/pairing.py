"""Pairing rules of the disagreement finder: the counted head, frames, roles of figures, routes.

Helpers of :mod:`.disagreements` (which decides alignment): what a figure counts, whether two figures
meet the hard conditions of alignment, whether a figure is the size of a change or the level it
reached, and the two named places a distance lies between.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...lang import en
from ...model import Fact

__all__ = ["head", "mods", "frames", "verbs_agree", "aligned_hard", "change_role", "route", "PARALLEL_ALIGN"]


def head(counted: str) -> str:
    return counted.rsplit(" ", 1)[-1] if counted else ""


def mods(counted: str) -> set[str]:
    return set(counted.split()[:-1]) if counted else set()


def frames(f: Fact) -> set[str]:
    return {p for p in f.frame.split("; ") if p}


# the alignment a parallel comparison earns (its confidence is capped by cfg.parallel_confidence)
PARALLEL_ALIGN = 0.6


def verbs_agree(a: Fact, b: Fact) -> bool:
    """Whether no two different verbs of their own govern the figures ("be" / "fit": one; "approve" /
    "disapprove": two)."""
    own = {a.predicate, b.predicate} - en.NEUTRAL_VERBS
    return len(own) <= 1


def aligned_hard(a: Fact, b: Fact) -> bool:
    """The hard conditions of :func:`.disagreements._alignment` (articles, dimension, unit, reading, counted noun and
    its modifiers, frames), without the sentences' wording."""
    if a.span.article == b.span.article or a.dimension != b.dimension or a.unit != b.unit:
        return False
    if a.confidence < 0.5 or b.confidence < 0.5 or head(a.counted) != head(b.counted):
        return False
    pa, pb = mods(a.counted) & en.PARTIAL_MODIFIERS, mods(b.counted) & en.PARTIAL_MODIFIERS
    ma, mb = mods(a.counted) - pa, mods(b.counted) - pb
    fa, fb = frames(a), frames(b)
    return pa == pb and not (ma and mb and not ma & mb) and not (fa and fb and not fa & fb)


_CHANGE_FORMS = "|".join(sorted(en.CHANGE_VERB_FORMS, key=len, reverse=True))
# a figure right after a verb of change ("dropped 700 feet", "fell by $3"): the size of the change
_CHANGE_AMOUNT = re.compile(rf"\b(?:{_CHANGE_FORMS})\s+(?:by\s+)?$", re.I)
# a figure after "to" / "from" with a verb of change before it in the clause ("dropped from 2,500 to
# 1,800 feet", "has risen to 7,085"): a level
_CHANGE_LEVEL = re.compile(rf"\b(?:{_CHANGE_FORMS})\b[^.;:]{{0,60}}?\b(?:to|from)\s+$", re.I)


_COMPASS = "|".join(sorted((re.escape(w) for w in en.COMPASS_WORDS), key=len, reverse=True))
# "<Place>, <distance>" before the figure and "<direction> of <Place>" / "from <Place>" after it
_ROUTE_FROM = re.compile(r"(?P<a>[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3}),\s*$")
_ROUTE_TO = re.compile(rf"\A\s*(?:(?:{_COMPASS})\s+of|from)\s+(?:the\s+)?(?P<b>[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){{0,3}})",
                       re.I)


def route(f: Fact, places: Sequence[tuple[int, int, str]]) -> tuple[str, str] | None:
    """The two named places a distance lies between ("Izmit, 90 miles east of Istanbul"), or None.

    The place measured from must be a mention of a place entity (``places``: start, end, name in
    the article); the place measured is the name written right before (the entities do not always
    hold a small town).
    """
    if f.dimension != "length" or f.sentence is None or not places:
        return None
    text, off = f.sentence.text, f.sentence.start
    lo, hi = f.span.start - off, f.span.end - off
    ma, mb = _ROUTE_FROM.search(text[max(0, lo - 60):lo]), _ROUTE_TO.match(text[hi:hi + 80])
    if ma is None or mb is None:
        return None
    a_start = f.span.start - (lo - max(0, lo - 60)) + ma.start("a")
    a_end = a_start + len(ma.group("a"))
    b_start = f.span.end + mb.start("b")
    b_end = b_start + len(mb.group("b"))

    def place(start: int, end: int) -> str | None:
        for s, e, name in places:
            if s < end and start < e:
                return name.lower()
        return None
    pb = place(b_start, b_end)
    pa = place(a_start, a_end) or ma.group("a").lower()
    return (min(pa, pb), max(pa, pb)) if pb and pa != pb else None  # either way round


def change_role(f: Fact) -> str:
    """``change`` for the size of a change, ``level`` for the level a change starts or ends at, else ""."""
    if f.sentence is None:
        return ""
    before = f.sentence.text[max(0, f.span.start - f.sentence.start - 90):f.span.start - f.sentence.start]
    if _CHANGE_AMOUNT.search(before):
        return "change"
    if _CHANGE_LEVEL.search(before):
        return "level"
    return ""
