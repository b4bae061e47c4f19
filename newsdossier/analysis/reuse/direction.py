"""Who copied whom: direction of reuse from publication dates and explicit credit.

A direction is only stated with evidence: the two articles carry different publication
dates (the earlier is the source), or the copying text credits the other article's outlet
or author right before the reused passage ("So says X's Y:", "according to the X",
"(AP) —", "reprinted from X", "via X"). A credit names the source when the name is in the
source's metadata (outlet, author, URL) or, for the strong credit forms, when the
source speaks of that name as its own outlet ("X correspondent", "X's experts", "an X
poll") outside the shared text and outside its own credits.
Conflicting evidence, or none, gives ``unknown``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from ...lang import en
from ...model import Article

_UP = r"[A-ZÀ-ÖØ-Þ]"
_WORD = _UP + r"[\w&.\-]*(?:['’]s)?"
NAME = rf"(?P<name>{_WORD}(?:[ \t]+(?:(?:of|the|de|del|la|le|für)[ \t]+)?{_WORD}){{0,5}})"
_THE = r"(?i:the[ \t]+)?"

# (label, strong, pattern). Strong forms may be matched against the source's text; weak
# forms only against its metadata.
CREDIT_PATTERNS: tuple[tuple[str, bool, re.Pattern[str]], ...] = tuple(
    (label, strong, re.compile(rx))
    for label, strong, rx in (
        ("says", True, rf"(?i:\b(?:so[ \t]+)?(?:says|said|writes|wrote|reports|reported|notes|noted|explains|explained))[ \t]+{_THE}{NAME}[ \t]*:"),
        ("reported:", True, rf"{NAME}[ \t]+(?i:reports|reported|writes|wrote|says|said|notes|noted)[ \t]*:"),
        ("from", True, rf"(?i:\bfrom)[ \t]+{_THE}{NAME}[ \t]*:"),
        ("according to", True, rf"(?i:\baccording[ \t]+to)[ \t]+{_THE}{NAME}"),
        ("dateline", True, r"\((?P<name>[A-Z][A-Za-z.&]{1,15}(?:[ \t][A-Z][A-Za-z.&]+){0,2})\)[ \t]*(?:--|[-–—])"),
        ("reprinted from", True, rf"(?i:\b(?:reprinted|republished|reproduced|excerpted|adapted)[ \t]+(?:with[ \t]+permission[ \t]+)?(?:from|of|by))[ \t]+{_THE}{NAME}"),
        ("originally in", True, rf"(?i:\boriginally[ \t]+(?:published|appeared|ran)[ \t]+(?:in|on|by|at))[ \t]+{_THE}{NAME}"),
        ("as reported by", True, rf"(?i:\bas)[ \t]+{_THE}{NAME}[ \t]+(?i:reports|reported|notes|noted|writes|wrote)\b"),
        ("via", False, rf"(?i:\b(?:via|h/t|hat[ \t]+tip(?:[ \t]+to)?|source:))[ \t]+{_THE}{NAME}"),
    )
)


@dataclass(frozen=True, slots=True)
class Credit:
    """A credit phrase found in an article: where, which form, and the names it gives."""

    start: int
    end: int
    label: str
    strong: bool
    name: str
    text: str

    @property
    def parts(self) -> list[str]:
        """The names inside the credit: ``"X's Y Z"`` gives ``["X", "Y Z"]``."""
        parts = [p.strip(" .") for p in re.split(r"['’]s\b", self.name)]
        return [p for p in parts if len(p) >= 2]


def find_credits(text: str) -> list[Credit]:
    """Return every credit phrase in ``text``, in order of position."""
    out = []
    for label, strong, rx in CREDIT_PATTERNS:
        for m in rx.finditer(text):
            out.append(Credit(m.start(), m.end(), label, strong, m.group("name"), m.group()))
    return sorted(out, key=lambda c: (c.start, c.end))


def date_order(a: Article, b: Article) -> tuple[int, str] | None:
    """Return ``(0, evidence)`` if ``a`` was published first, ``(1, evidence)`` if ``b`` was.

    ``None`` when a date is missing or unreadable, or the two are the same.
    """
    da, db = a.published_at, b.published_at
    if da is None or db is None:
        return None
    ka: date | datetime
    kb: date | datetime
    if a.published_time_known and b.published_time_known:
        ka, kb = da, db
    else:  # a date alone says nothing of the hour: compare days
        ka, kb = da.date(), db.date()
    if ka == kb:
        return None
    first, later = (a, b) if ka < kb else (b, a)
    return (0 if first is a else 1), f"published {first.published} ({first.label}) before {later.published} ({later.label})"


def _initials(text: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z]+", text) if w[0].isupper())


def _in_metadata(part: str, art: Article) -> str | None:
    low = part.casefold()
    for field_name in ("outlet", "author", "url"):
        value = getattr(art, field_name)
        if not value:
            continue
        if re.search(rf"(?<!\w){re.escape(low)}(?!\w)", value.casefold()) or (
            field_name == "outlet" and (value.casefold() in low or _initials(value) == part)
        ):
            return field_name
    return None


def _outside(pos: int, end: int, blocked: Sequence[tuple[int, int]]) -> bool:
    return all(end <= s or pos >= e for s, e in blocked)


# How an outlet names its own staff and work: "X correspondent", "X's senior analyst",
# "X's experts", "an X investigation", "X has learned".
_ROLE = "(?:" + "|".join(en.OUTLET_STAFF_PATTERNS) + ")"


def _identifies_as(part: str, src: Article, blocked: Sequence[tuple[int, int]]) -> bool:
    """Whether ``src`` speaks of ``part`` as its own outlet (its staff, its reporting).

    Only uses of the name outside ``blocked`` (shared passages, ``src``'s own credits) count.
    """
    rx = (rf"(?<!\w){re.escape(part)}(?:['’]s)?(?:[ \t]+[A-Z][\w.-]*){{0,2}}"
          rf"(?:[ \t]+[a-z]+)?[ \t]+{_ROLE}\b")
    for m in re.finditer(rx, src.text):
        if _outside(m.start(), m.end(), blocked):
            return True
    return False


def credit_evidence(
    copy: Article, copy_starts: Sequence[int], copy_credits: Sequence[Credit],
    src: Article, src_blocked: Sequence[tuple[int, int]], window: int,
) -> str | None:
    """Return evidence that ``copy`` credits ``src`` right before one of its reused passages.

    Args:
        copy: the article that may have copied.
        copy_starts: character offsets where the reused passages start in ``copy``.
        copy_credits: the credit phrases found in ``copy``.
        src: the article that may be the source.
        src_blocked: character ranges of ``src`` that do not count as it naming itself
            (the shared passages and ``src``'s own credit phrases).
        window: how far before a passage (characters) a credit may stand.
    """
    for credit in copy_credits:
        near = any(0 <= start - credit.end <= window for start in copy_starts)
        dateline = credit.label == "dateline" and credit.start < window
        if not (near or dateline):
            continue
        for part in credit.parts:
            where = _in_metadata(part, src)
            if where:
                return f'{copy.label} credits "{credit.name}" ("{credit.text.strip()}"), the {where} of {src.label}'
            if credit.strong and _identifies_as(part, src, src_blocked):
                return (f'{copy.label} credits "{credit.name}" ("{credit.text.strip()}"); '
                        f'{src.label} presents "{part}" as its own outlet (its staff or reporting) '
                        f'outside the shared text')
    return None
