"""Whether a date in a text is the text's own: its date line, a wire dateline, "Updated ...".

Split off :mod:`newsdossier.analysis.timeline`, which reads these to tell when an article was
written; they look only at the characters around an expression (its ``kind``, ``start``, ``end``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..lang import en

if TYPE_CHECKING:
    from .timeline import Expression

__all__ = ["dates_the_writing", "heads_the_text", "is_dateline"]


def is_dateline(text: str, expr: Expression) -> bool:
    """Return whether a full date stands (nearly) alone on its line."""
    if expr.kind not in ("iso", "mdy", "dmy"):
        return False
    start = text.rfind("\n", 0, expr.start) + 1
    end = text.find("\n", expr.end)
    line = text[start : end if end != -1 else len(text)].strip()
    return len(line) <= (expr.end - expr.start) + 25 and not line.endswith(".")


# A wire dateline opens the text: "LONDON, Tuesday, June 10, 2014 -", "PARIS (AP) June 3, 2014 --".
_WIRE_DATELINE = re.compile(r"^\s*[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][A-Za-z.]+){0,2}(?:\s*\([A-Za-z]+\))?,?\s*(?:\w+day,?\s*)?$")
# The cue opens its line or a bracket or a part after a separator ("(Published Friday, June 27,
# 2014)", "By A. Writer / Published March 24, 2015"), never a sentence's verb ("a newspaper
# published a document Monday, Oct. 28, 2013").
_PUBLICATION_CUE = re.compile(
    r"(?:^\s*|[(\[|/·•–—]\s*|\s-\s*)(?:" + "|".join(map(re.escape, en.PUBLICATION_DATE_CUES)) + r")\b[^.!?]{0,30}$", re.I)


def dates_the_writing(text: str, expr: Expression) -> bool:
    """Return whether a full date is the article's own: a date line, a wire dateline, "Updated ...".

    The latest date an article mentions is as often a file photo's, a tweet's or a birth date as
    the day it was written (of 90 weekdays in 35 DUC 2007 articles counted from it, none came out
    on the day the publication date gives), so only these say when the text was written.
    """
    if is_dateline(text, expr):
        return True
    line_start = text.rfind("\n", 0, expr.start) + 1
    before = text[line_start : expr.start]
    if _PUBLICATION_CUE.search(before):
        return True
    first_line = not text[:line_start].strip()
    return first_line and bool(_WIRE_DATELINE.match(before)) \
        and bool(re.match(r"[\s,]*(?:[-–—]|\(\w+\))", text[expr.end : expr.end + 24]))


def heads_the_text(text: str, expr: Expression) -> bool:
    """Return whether a full date is the text's own date line, not a dated section or event.

    A wire dateline or a date standing alone on the first line says when the text was written;
    a date alone on a later line heads a section of a live blog ("Sunday, November 6" above what
    happened that day), as does an "UPDATE: November 8" line, and stays on the timeline.
    """
    if expr.kind not in ("iso", "mdy", "dmy"):
        return False
    line_start = text.rfind("\n", 0, expr.start) + 1
    if text[:line_start].strip():
        return False
    before = text[line_start : expr.start]
    if not before.strip():
        return is_dateline(text, expr)
    return bool(_WIRE_DATELINE.match(before)) and bool(re.match(r"[\s,]*(?:[-–—]|\(\w+\))", text[expr.end : expr.end + 24]))
