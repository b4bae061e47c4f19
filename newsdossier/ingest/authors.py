"""Author strings as inputs give them, cleaned into names: dates cut, placeholders and repeats dropped.

Extractors glue neighbouring byline text onto the name ("Joshua Sokol May 5, 2024",
"By Ann Lee | Updated 10:32"), content systems fill the field with placeholders
("Username", "admin"), and lists repeat names ("Ann Lee, Ann Lee"). The cleaned value
is ``None`` when nothing name-like is left.
"""

from __future__ import annotations

import re

from ..lang import en

_SPLIT = re.compile(r"\s*(?:[,;|/&]|\band\b|\n)\s*", re.I)
_DATE_TAIL = re.compile(r"\b(?:updated|published|posted|last updated)\b.*$|\b\d{1,4}[:/.-]\d.*$", re.I)
_TOKEN = re.compile(r"\S+")


def _cut_at_date(name: str) -> str:
    """Cut a name where a date, a time or an update note begins."""
    name = _DATE_TAIL.sub("", name).strip()
    words = name.split()
    for i, word in enumerate(words):
        bare = word.strip(".,").lower()
        if bare in en.WEEKDAY_WORDS or bare.isdigit():
            return " ".join(words[:i])
        if bare in en.MONTH_WORDS and i > 0:
            dated = i + 1 < len(words) and words[i + 1].strip(".,").isdigit()
            # "May" ends names too ("Theresa May"): a bare month is cut only from three words
            if dated or (i == len(words) - 1 and i >= 2):
                return " ".join(words[:i])
    return name


def _one(part: str) -> str | None:
    part = part.strip(" \t-–—:·•")
    low = part.lower()
    for opener in en.BYLINE_OPENERS:
        if low.startswith(opener):
            part = part[len(opener):]
            break
    part = _cut_at_date(part).strip(" \t-–—:·•,")
    if not part or part.lower() in en.AUTHOR_PLACEHOLDERS or not any(ch.isalpha() for ch in part):
        return None
    if "@" in part or "://" in part or len(part) > 80:
        return None
    return part


def clean_author(value: str | None) -> str | None:
    """Return the author names in ``value`` joined by ``", "``, or ``None`` when none is left.

    >>> clean_author("By Joshua Sokol May 5, 2024")
    'Joshua Sokol'
    >>> clean_author("Ann Lee, Ann Lee and username")
    'Ann Lee'
    """
    if not value:
        return None
    names: list[str] = []
    seen: set[str] = set()
    for part in _SPLIT.split(value):
        name = _one(part)
        if name is None:
            continue
        key = " ".join(name.lower().split())
        if key not in seen:
            seen.add(key)
            names.append(name)
    return ", ".join(names) or None
