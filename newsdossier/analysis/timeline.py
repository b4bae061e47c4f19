"""When things happened: temporal expressions resolved against the publication date.

A rule-based recogniser finds absolute dates ("June 14, 2011", "14 June", "2011-06-14"),
months and years ("last October", "in November", "June 2011", "in 2006", "the 1990s"),
weekdays ("on Sunday"), deictic expressions ("yesterday", "last week", "next year", "two
days ago", "earlier this month") and expressions anchored to another event ("three days
earlier", "three days later", "ten years after the flood").

Deictic expressions are resolved against ``article.published``; when it is unknown, against
the latest full date written in the text (and ``how`` says so); else they stay unresolved
with ``date=None``. "Three days earlier" is anchored to the nearest preceding resolved date in
the same article. Bare months and weekdays take their direction from the tense of the clause
(past: the latest one on or before the anchor; future or present: the next one).

Each expression becomes a :class:`TimelineEvent` whose ``event`` is a short description of
the clause it dates. Events are ordered by date (unresolved last); the same event dated
incompatibly by two articles is flagged ``conflict=True``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from ..errors import NewsdossierError
from ..lang import en
from ..model import Article, TimelineEvent
from .datelines import dates_the_writing, heads_the_text, is_dateline
from .timeline_clause import (
    LIGHT_VERBS,
    clause_event,
    dates_a_past_thing,
    event_words,
    governor,
    moved_to,
    tense_of,
)

__all__ = ["build_timeline", "date_span", "find_expressions", "resolve", "Expression", "Resolution", "DateError"]


class DateError(NewsdossierError, ValueError):
    """A date string is not an ISO date."""


_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
CONFLICT_WINDOW_DAYS = 14  # two articles dating one event differently contradict only if written this close
WEEK_SPREAD_DAYS = 3  # "N weeks ago/later" covers the day it gives and this many either side
DATELINE_LAG_DAYS = 3  # a wire dateline this many days before the publication date is when it was written
_UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14, "month": 30, "year": 365, "decade": 3650}
_NUMWORDS: dict[str, int] = {
    "a": 1, "an": 1, **{w: n for w, n in en.NUMBER_WORDS.items() if n}, **en.TENS_WORDS, **en.FEW_COUNTS,
}
_SEASONS = {"spring": 4, "summer": 7, "autumn": 10, "fall": 10, "winter": 1}

_MONTH_NAMES_RE = "|".join(en.MONTH_NAMES)
_MONTH_RE = (
    f"(?:{_MONTH_NAMES_RE}|"
    + "|".join(rf"{a}\.?" for a in sorted(en.MONTH_ABBREVIATIONS, key=len, reverse=True)) + ")"
)
_DAY_RE = "(?:" + "|".join(en.WEEKDAY_NAMES) + ")"
_NUM_RE = r"(?:\d+|" + "|".join(sorted(_NUMWORDS, key=len, reverse=True)) + ")"
_UNIT_RE = r"(?:day|week|fortnight|month|year|decade)s?"

# (kind, pattern); tried in order, earlier patterns win overlaps
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    ("mdy", re.compile(
        rf"\b(?:(?P<wd>{_DAY_RE}),?\s+)?(?P<mon>{_MONTH_RE})\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b"
        rf"(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?")),
    ("dmy", re.compile(
        rf"\b(?:(?P<wd>{_DAY_RE}),?\s+)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MONTH_RE})\b"
        rf"(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?")),
    # "October–November 2015", "June and July 2019": the year belongs to both months
    ("month_range", re.compile(
        rf"\b(?P<mon>{_MONTH_RE})\s*(?:-|–|—|to|and|through|or)\s*(?P<mon2>{_MONTH_RE})(?:\s+|,\s*)(?P<y>(?:19|20)\d\d)\b")),
    ("my", re.compile(rf"\b(?P<mon>{_MONTH_RE})\s+(?:of\s+)?(?P<y>(?:19|20)\d\d)\b")),
    ("anchored", re.compile(
        rf"\b(?P<n>{_NUM_RE})\s+(?P<u>{_UNIT_RE})\s+(?P<dir>earlier|later|before|after|previously)\b"
        # what follows "before"/"after" is the event counted from: "the flood", "Kennedy's
        # death", "he left office"; nothing (or a comma) means the date just mentioned
        r"(?P<rest>\s+(?:(?:the|a|an|his|her|its|their)\s+[\w'’-]+(?:\s+of\s+[\w'’-]+)?"
        r"|(?!(?:that|this|which)\b)[\w-]+['’]s\s+[\w-]+"
        r"|(?-i:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’-]*)*)"
        r"|(?:he|she|they|we|I|you|it)\s+[a-z][\w'’-]*"
        r"|(?-i:[a-z]+ing\b)))?", re.I)),  # "two days before heading out": an undated event
    ("next_unit", re.compile(r"\bthe\s+(?P<which>following|next|previous|preceding)\s+(?P<u>day|week|month|year)\b", re.I)),
    ("weekend", re.compile(r"\b(?P<which>over|during|at|on|for|this|last|next)\s+(?:the\s+)?weekend\b", re.I)),
    ("ago", re.compile(rf"\b(?P<n>{_NUM_RE})\s+(?P<u>{_UNIT_RE})\s+ago\b", re.I)),
    ("deictic_unit", re.compile(
        r"\b(?P<which>last|next|this|earlier\s+this|later\s+this|earlier\s+in\s+the|later\s+in\s+the|"
        r"this\s+past|past)\s+"
        r"(?P<u>week|weekend|month|year|spring|summer|autumn|fall|winter)\b", re.I)),
    ("day_word", re.compile(r"\b(?P<w>yesterday|today|tomorrow|tonight|this\s+(?:morning|afternoon|evening))\b", re.I)),
    ("weekday", re.compile(
        # not a recurring day: "every Friday", "on Friday nights" name no date
        rf"(?<!\bevery\s)(?<!\beach\s)\b(?:(?P<which>last|next|this|on|late|early)\s+)?(?P<wd>{_DAY_RE})"
        rf"(?!\s+(?:morning|afternoon|evening|night)s\b)(?:\s+(?:morning|afternoon|evening|night))?\b")),
    ("month", re.compile(
        r"\b(?:(?P<which>last|next|this|early|late|mid-?|in|since|by|until|of|through|during)\s+)?"
        rf"(?P<mon>{_MONTH_NAMES_RE})\b")),
    ("decade", re.compile(r"\b(?:the\s+)?(?P<y>(?:19|20)\d0)s\b")),
    ("year", re.compile(
        r"\b(?P<which>in|since|by|until|of|during|from|early|late|mid-?|before|after|throughout)\s+(?P<y>(?:19|20)\d\d)\b(?!s)")),
]


@dataclass(frozen=True, slots=True)
class Expression:
    """A temporal expression found in a text (offsets into it) and its parsed parts."""

    start: int
    end: int
    kind: str
    parts: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class Resolution:
    """A resolved date: ISO text at its granularity, the interval it covers, and how."""

    date: str | None
    first: dt.date | None
    last: dt.date | None
    how: str

    @property
    def resolved(self) -> bool:
        return self.date is not None


def parse_iso(text: str | None) -> dt.date | None:
    """Return the date of an ISO ``YYYY-MM-DD`` (or longer) string, ``None`` for ``None``.

    Raises:
        DateError: if ``text`` is not an ISO date.
    """
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError as exc:
        raise DateError(f"not an ISO date: {text!r}") from exc


def date_span(date: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day a timeline date covers (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``), or
    ``None`` when it is none of them."""
    try:
        parts = [int(x) for x in date.split("-")]
        if len(parts) == 3:
            day = dt.date(*parts)
            return day, day
        if len(parts) == 2:
            return _month_span(parts[0], parts[1])
        if len(parts) == 1:
            return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    except ValueError:
        return None
    return None


def find_expressions(text: str) -> list[Expression]:
    """Return the temporal expressions of ``text`` in text order (no overlaps).

    Raises:
        Nothing: text that matches no pattern yields an empty list.
    """
    taken: list[tuple[int, int]] = []
    found: list[Expression] = []
    for kind, pat in _PATTERNS:
        for m in pat.finditer(text):
            start, end = m.span()
            if any(s < end and start < e for s, e in taken):
                continue
            parts = {k: v for k, v in m.groupdict().items() if v}
            if kind == "month" and parts["mon"] == "May" and not parts.get("which"):
                continue  # the modal verb
            if kind == "month" and not parts.get("which") and re.match(r"\s+\d", text[end:end + 3]):
                continue
            if kind in ("mdy", "dmy") and not 1 <= int(parts["d"]) <= 31:
                continue
            if kind == "anchored" and parts.get("rest") and parts["dir"].lower() in ("earlier", "later"):
                parts.pop("rest")
                end = m.start("rest")
            taken.append((start, end))
            found.append(Expression(start, end, kind, parts))
    found.sort(key=lambda e: e.start)
    return found


# --------------------------------------------------------------------------- arithmetic


def _add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    year, month = d.year + y, m + 1
    return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _day(d: dt.date, how: str) -> Resolution:
    return Resolution(d.isoformat(), d, d, how)


def _month(year: int, month: int, how: str) -> Resolution:
    first, last = _month_span(year, month)
    return Resolution(f"{year:04d}-{month:02d}", first, last, how)


def _year(year: int, how: str) -> Resolution:
    return Resolution(f"{year:04d}", dt.date(year, 1, 1), dt.date(year, 12, 31), how)


def _number(text: str) -> int | None:
    text = re.sub(r"\s+", " ", text.lower())
    if text.isdigit():
        return int(text)
    return _NUMWORDS.get(text)


def _shift(anchor: dt.date, n: int, unit: str, sign: int, approx: bool, how: str) -> Resolution:
    unit = unit.lower().rstrip("s")
    if unit in ("day",):
        return _day(anchor + dt.timedelta(days=sign * n), how)
    if unit in ("week", "fortnight"):
        d = anchor + dt.timedelta(days=sign * n * _UNIT_DAYS[unit])
        if approx:
            return _month(d.year, d.month, how)
        # "a week ago" is said of five days as of nine: the day shown, the interval around it
        spread = dt.timedelta(days=WEEK_SPREAD_DAYS)
        return Resolution(d.isoformat(), d - spread, d + spread, how)
    if unit == "month":
        d = _add_months(anchor, sign * n)
        return _year(d.year, how) if approx else _month(d.year, d.month, how)
    if unit == "decade":
        return _year(anchor.year + sign * 10 * n, how)
    return _year(anchor.year + sign * n, how)


_UNUSUAL = Resolution(None, None, None, "")


_OUT_OF_RANGE = "outside the calendar this tool can date (years 1 to 9999)"


def resolve(expr: Expression, anchor: dt.date | None, tense: str, previous: Resolution | None,
            anchor_how: str = "publication date") -> Resolution:
    """Resolve one expression; an impossible or out-of-range date is left unresolved.

    See :func:`_resolve` for the arguments. Arithmetic that leaves the calendar (year 0,
    "3000 years ago" from 2024, "tomorrow" from 9999-12-31) gives ``date=None``.

    Raises:
        Nothing: every failure is an unresolved :class:`Resolution`.
    """
    try:
        res = _resolve(expr, anchor, tense, previous, anchor_how)
    except (ValueError, OverflowError):
        return Resolution(None, None, None, _OUT_OF_RANGE)
    return res


def _occurrences(year: int, month: int, day: int) -> list[dt.date]:
    """The month-day in the year before, of and after ``year`` that exist (February 29, years
    1 and 9999); the year's own first, so it raises when none does."""
    out = [dt.date(year, month, day)]
    for y in (year - 1, year + 1):
        try:
            out.append(dt.date(y, month, day))
        except ValueError:
            continue
    return out


def _resolve(expr: Expression, anchor: dt.date | None, tense: str, previous: Resolution | None,
             anchor_how: str = "publication date") -> Resolution:
    """Resolve one expression.

    Args:
        expr: the expression.
        anchor: the date deictic expressions count from, or ``None`` when unknown.
        tense: ``past``, ``present``, ``future``, ``prospective`` (future in the past: "was to be
            held") or ``unknown`` — the tense of its clause.
        previous: the nearest preceding resolved date in the same article, for "three days
            earlier".
        anchor_how: how the anchor was found, for the ``how`` text.

    Returns:
        A :class:`Resolution`; ``date`` is ``None`` when the expression cannot be resolved
        (``how`` says why).

    Raises:
        Nothing: an impossible date (February 30) is reported unresolved.
    """
    p = expr.parts
    kind = expr.kind
    try:
        if kind == "iso":
            return _day(dt.date(int(p["y"]), int(p["m"]), int(p["d"])), "absolute date")
        if kind in ("mdy", "dmy"):
            month = _MONTHS[p["mon"].lower().rstrip(".")]
            day = int(p["d"])
            if "y" in p:
                return _day(dt.date(int(p["y"]), month, day), "absolute date")
            if anchor is None:
                return Resolution(None, None, None, "no year and no anchor date")
            cand = dt.date(anchor.year, month, day)
            if tense == "future" and cand < anchor - dt.timedelta(days=7):
                cand = dt.date(anchor.year + 1, month, day)
            elif tense == "past" and cand > anchor + dt.timedelta(days=7):
                cand = dt.date(anchor.year - 1, month, day)
            elif tense not in ("future", "past"):
                # no tense to go by, or the present of a schedule ("debuts June 16", "the year
                # that ends on Oct. 3"): the occurrence nearest the date of writing
                cand = min(_occurrences(anchor.year, month, day), key=lambda c: (abs((c - anchor).days), c))
            if cand.year == anchor.year:
                return _day(cand, f"year taken from the {anchor_how} ({anchor.isoformat()})")
            which = "next" if cand > anchor else "latest"
            return _day(cand, f"the {which} {p['mon']} {day} (tense: {tense}), relative to the {anchor_how} "
                              f"({anchor.isoformat()})")
        if kind == "my":
            return _month(int(p["y"]), _MONTHS[p["mon"].lower().rstrip(".")], "absolute month")
        if kind == "month_range":
            y, m1, m2 = int(p["y"]), _MONTHS[p["mon"].lower().rstrip(".")], _MONTHS[p["mon2"].lower().rstrip(".")]
            y1 = y if m1 <= m2 else y - 1  # "December–January 2016" starts in 2015
            first, last = _month_span(y1, m1)[0], _month_span(y, m2)[1]
            return Resolution(f"{y1:04d}-{m1:02d}", first, last, f"the months {p['mon']} to {p['mon2']} {y}")
        if kind == "decade":
            y = int(p["y"])
            return Resolution(f"{y:04d}", dt.date(y, 1, 1), dt.date(y + 9, 12, 31), f"the decade {y}s")
        if kind == "year":
            return _year(int(p["y"]), "absolute year")
    except ValueError:
        return Resolution(None, None, None, "not a real calendar date")
    if kind == "anchored":
        return _resolve_anchored(expr, anchor, tense, previous, anchor_how)
    if kind == "next_unit":
        which = p["which"].lower()
        word = "later" if which in ("following", "next") else "earlier"
        one = Expression(expr.start, expr.end, "anchored", {"n": "one", "u": p["u"], "dir": word})
        return _resolve_anchored(one, anchor, tense, previous, anchor_how)
    if anchor is None:
        return Resolution(None, None, None, "relative expression; publication date unknown")
    rel = f"relative to the {anchor_how} {anchor.isoformat()}"
    if kind == "ago":
        n = _number(p["n"])
        if n is None:
            return Resolution(None, None, None, "amount not understood")
        approx = p["n"].lower() in ("a few", "several", "a couple of")
        return _shift(anchor, n, p["u"], -1, approx, f"{p['n']} {p['u']} before the {anchor_how} {anchor.isoformat()}")
    if kind == "day_word":
        w = p["w"].lower()
        off = {"yesterday": -1, "tomorrow": 1}.get(w, 0)
        return _day(anchor + dt.timedelta(days=off), rel)
    if kind == "deictic_unit":
        return _resolve_deictic_unit(p["which"].lower(), p["u"].lower(), anchor, rel)
    if kind == "weekday":
        return _resolve_weekday(p, anchor, tense, rel)
    if kind == "weekend":
        which = p["which"].lower()
        if which in ("this", "last", "next"):
            return _resolve_deictic_unit(which, "weekend", anchor, rel)
        sat = anchor - dt.timedelta(days=(anchor.weekday() - 5) % 7)
        if tense == "future":
            sat = anchor + dt.timedelta(days=(5 - anchor.weekday()) % 7)
        return Resolution(sat.isoformat(), sat, sat + dt.timedelta(days=1), f"the weekend of {sat.isoformat()} (tense: {tense}), {rel}")
    if kind == "month":
        return _resolve_month(p, anchor, tense, rel)
    return Resolution(None, None, None, f"unknown expression kind {kind}")


def _resolve_deictic_unit(which: str, unit: str, anchor: dt.date, rel: str) -> Resolution:
    which = re.sub(r"\s+", " ", which)
    step = {"last": -1, "past": -1, "this past": -1, "next": 1}.get(which, 0)
    if unit in ("week", "weekend"):
        monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(days=7 * step)
        if unit == "weekend":
            sat = monday + dt.timedelta(days=5)
            return Resolution(sat.isoformat(), sat, sat + dt.timedelta(days=1), f"the weekend of {sat.isoformat()}, {rel}")
        return Resolution(monday.isoformat(), monday, monday + dt.timedelta(days=6),
                          f"the week of Monday {monday.isoformat()}, {rel}")
    if unit == "month":
        d = _add_months(anchor, step)
        return _month(d.year, d.month, rel)
    if unit == "year":
        return _year(anchor.year + step, rel)
    month = _SEASONS[unit]
    year = anchor.year + step
    if step == -1 and month > anchor.month:
        year = anchor.year - 1
    elif step == -1:
        year = anchor.year if month < anchor.month - 2 else anchor.year - 1
    first = dt.date(year, month, 1) - dt.timedelta(days=31)
    return Resolution(f"{year:04d}", first, _add_months(first, 3), f"{which} {unit}, {rel}")


def _resolve_weekday(p: Mapping[str, str], anchor: dt.date, tense: str, rel: str) -> Resolution:
    target = _WEEKDAYS[p["wd"].lower()]
    which = (p.get("which") or "").lower()
    back = (anchor.weekday() - target) % 7
    if tense == "prospective" and which.strip() not in ("last", "next"):
        fwd = (target - anchor.weekday()) % 7
        if fwd < back:
            return _day(anchor + dt.timedelta(days=fwd), f"the nearest {p['wd']} (was to come), {rel}")
        return _day(anchor - dt.timedelta(days=back), f"the nearest {p['wd']} (was to come), {rel}")
    if which == "next" or (which != "last" and tense == "future"):
        fwd = (target - anchor.weekday()) % 7 or (7 if which == "next" else 0)
        return _day(anchor + dt.timedelta(days=fwd), f"next {p['wd']} {rel}")
    if which == "last" and back == 0:
        back = 7
    return _day(anchor - dt.timedelta(days=back), f"the latest {p['wd']} on or before, {rel}")


def _resolve_month(p: Mapping[str, str], anchor: dt.date, tense: str, rel: str) -> Resolution:
    month = _MONTHS[p["mon"].lower()]
    which = (p.get("which") or "").lower()
    if which == "last":
        year = anchor.year if month < anchor.month else anchor.year - 1
        return _month(year, month, f"last {p['mon']}, {rel}")
    if which == "next":
        year = anchor.year if month > anchor.month else anchor.year + 1
        return _month(year, month, f"next {p['mon']}, {rel}")
    if which == "this":
        return _month(anchor.year, month, f"this {p['mon']}, {rel}")
    year = anchor.year
    if tense == "future" or which == "until" or (tense == "present" and which != "since"):
        if month < anchor.month:
            year += 1
        return _month(year, month, f"the next {p['mon']} (tense: {tense}), {rel}")
    if tense == "past" or which == "since":
        if month > anchor.month:
            year -= 1
        return _month(year, month, f"the latest {p['mon']} (tense: {tense}), {rel}")
    # tense unknown or "was to come": the occurrence nearest the anchor ("the January event" in
    # a November article is the coming one)
    ahead = (month - anchor.month) % 12
    if ahead and ahead <= 12 - ahead:
        return _month(year + (month < anchor.month), month, f"the nearest {p['mon']} (tense: {tense}), {rel}")
    return _month(year - (month > anchor.month), month, f"the nearest {p['mon']} (tense: {tense}), {rel}")


def _resolve_anchored(expr: Expression, anchor: dt.date | None, tense: str,
                      previous: Resolution | None, anchor_how: str) -> Resolution:
    p = expr.parts
    n = _number(p["n"])
    if n is None:
        return Resolution(None, None, None, "amount not understood")
    direction = p["dir"].lower()
    approx = p["n"].lower() in ("a few", "several", "a couple of")
    if p.get("rest") and direction in ("after", "before"):
        # "ten years after the flood" in a present-tense clause puts *now* N units after X
        gerund = re.fullmatch(r"\s*[a-z]+ing", p["rest"]) is not None
        if tense == "present" and anchor is not None and direction == "after" and not gerund:
            # (not "claims it several weeks after carrying them out": a habit, no date)
            res = _shift(anchor, n, p["u"], -1, approx, "")
            return replace(res, how=f"the event is {p['n']} {p['u']} before the {anchor_how} "
                                    f"{anchor.isoformat()} (the text speaks of the present)")
        return Resolution(None, None, None, f"relative to an event ({p['rest'].strip()}) the text does not date")
    if previous is None or previous.first is None or previous.last is None:
        return Resolution(None, None, None, "relative to an earlier event; no preceding date in the article")
    sign = -1 if direction in ("earlier", "before", "previously") else 1
    how = f"{p['n']} {p['u']} {direction} than {previous.date}, the nearest preceding date in the article"
    unit = p["u"].lower().rstrip("s")
    if unit in ("day", "week", "fortnight") and previous.first != previous.last and not approx:
        delta = dt.timedelta(days=sign * n * _UNIT_DAYS[unit])
        first, last = previous.first + delta, previous.last + delta
        if (last - first).days <= 7:
            return Resolution(first.isoformat(), first, last, f"the week of {first.isoformat()}: {how}")
        # "a day earlier" than a month is (mostly) in that month, than a year in that year: the
        # unit the shifted span mostly lies in, never a finer one
        mid = first + (last - first) / 2
        if (previous.last - previous.first).days > 31:
            return _year(mid.year, how)
        return _month(mid.year, mid.month, how)
    res = _shift(previous.first, n, p["u"], sign, approx, "")
    return replace(res, how=how)


# --------------------------------------------------------------------------- clause, tense, event

# a year standing alone on its line ("1998:") heads the entries of a chronology below it
_YEAR_HEADING = re.compile(r"^[ \t]*((?:19|20)\d\d)[ \t]*:?[ \t]*$", re.M)
def _inferred_anchor(text: str, exprs: Sequence[Expression]) -> dt.date | None:
    """Return the latest full date that dates the writing (see :func:`.datelines.dates_the_writing`)."""
    best = None
    for e in exprs:
        if e.kind == "iso" or (e.kind in ("mdy", "dmy") and "y" in e.parts):
            if not dates_the_writing(text, e):
                continue
            r = resolve(e, None, "unknown", None)
            if r.first is not None and (best is None or r.first > best):
                best = r.first
    return best


def _dateline_date(text: str, exprs: Sequence[Expression], published: dt.date) -> dt.date | None:
    """Return the day of the date that heads the text (see :func:`.datelines.heads_the_text`), its year
    taken from the publication date when it gives none; ``None`` without one."""
    for e in exprs:
        if heads_the_text(text, e):
            res = resolve(e, published, "past", None)
            return res.first if res.resolved and res.first == res.last else None
    return None


def build_timeline(articles: Sequence[Article], docs: Mapping[str, Doc]) -> list[TimelineEvent]:
    """Return the dated events of the articles, ordered by date (unresolved last).

    Args:
        articles: the articles; ``published`` (ISO date) anchors relative expressions.
        docs: spaCy parses by article id.

    Returns:
        One event per temporal expression, with the resolved date (``YYYY-MM-DD``, ``YYYY-MM``
        or ``YYYY``), ``how`` it was resolved, the expression's span and a short description
        of the clause it dates. The same event dated incompatibly by two articles is marked
        ``conflict=True``.

    Raises:
        KeyError: if an article has no parse in ``docs``.
        DateError: if an article's ``published`` is not an ISO date.
    """
    return _ordered(_rows(articles, docs))


def _rows(articles: Sequence[Article], docs: Mapping[str, Doc]) -> list[_Row]:
    """The events of each article, in article and text order, with what conflicts are read on
    (each article's rows depend on that article alone: chunks of articles can be read apart)."""
    rows: list[_Row] = []
    for art in articles:
        doc = docs[art.id]
        exprs = find_expressions(art.text)
        anchor = parse_iso(art.published)
        anchor_how = "publication date"
        if anchor is None:
            anchor = _inferred_anchor(art.text, exprs)
            if anchor is not None:
                anchor_how = "the article's own date line (publication date unknown)"
        else:
            own = _dateline_date(art.text, exprs, anchor)
            if own is not None and 0 < (anchor - own).days <= DATELINE_LAG_DAYS:
                # "WASHINGTON, September 20 (Xinhua) --" printed on the 21st: its "today" and
                # "Monday" are the dateline's
                anchor, anchor_how = own, "dateline"
        written = anchor  # when the article was written, as far as it is known
        headings = [(m.start(), m.group(1)) for m in _YEAR_HEADING.finditer(art.text)]
        previous: Resolution | None = None
        previous_past: Resolution | None = None
        for e in exprs:
            verb = governor(doc, e.start, e.end)
            tense = tense_of(verb)
            if e.kind in ("mdy", "dmy") and tense not in ("past", "future") and dates_a_past_thing(doc, e.start, e.end):
                tense = "past"
            if moved_to(doc, e.start, e.end):
                # "delayed their start to Friday", "postponed the vote until Monday": the news of
                # a day moved to is told before that day
                tense = "future"
            before = previous_past if tense == "past" else previous
            heading = next((y for at, y in reversed(headings) if at < e.start), None)
            if heading is not None and e.kind in ("mdy", "dmy") and "y" not in e.parts:
                # a chronology: "1998:" on its own line, then "Jan. 22 - ..." entries
                res = resolve(Expression(e.start, e.end, e.kind, {**e.parts, "y": heading}), anchor, tense, before)
                res = replace(res, how=f"year from the heading {heading} above") if res.resolved else res
            else:
                res = resolve(e, anchor, tense, before, anchor_how)
            if res.resolved and res.first == res.last and is_dateline(art.text, e):
                # a date alone on its line heads a section (live blogs, updates): what follows
                # counts from it
                anchor, anchor_how = res.first, "dateline above"
            if res.resolved and e.kind != "decade":
                previous = res
                if anchor is None or (res.first is not None and res.first <= anchor):
                    previous_past = res
            if heads_the_text(art.text, e):
                continue  # the date of the writing ("NEW YORK, July 17 (Xinhua) --") is no event
            description = clause_event(verb, e.start, e.end)
            if e.kind == "anchored" and e.parts.get("rest") and res.resolved:
                description = e.parts["rest"].strip()
            event = TimelineEvent(date=res.date, resolved=res.resolved, how=res.how,
                                  span=art.span(e.start, e.end), event=description)
            head = verb.lemma_.lower() if verb is not None and verb.pos_ in ("VERB", "NOUN") else None
            if head in LIGHT_VERBS or (e.parts.get("which") or "").lower() == "since":
                head = None  # "said on Sunday" twice is two statements; "since May" starts a state
            rows.append(_Row(event, res, event_words(doc, verb, e.start, e.end), head, written, e.kind))
    return rows


def _ordered(rows: Sequence[_Row]) -> list[TimelineEvent]:
    """The events of every article's rows (in article and text order), conflicts marked, by date."""
    flagged = _conflicts(rows)
    events = [replace(r.event, conflict=True) if i in flagged else r.event for i, r in enumerate(rows)]
    keyed = sorted(range(len(events)), key=lambda i: (events[i].date is None, events[i].date or "", i))
    return [events[i] for i in keyed]


@dataclass(frozen=True, slots=True)
class _Row:
    event: TimelineEvent
    res: Resolution
    words: frozenset[str]       # content lemmas of the clause the expression dates
    head: str | None            # lemma of the verb (or noun) the expression dates
    published: dt.date | None   # when the article was written (its publication date or own date line)
    kind: str                   # the expression's pattern


# Points in time a contradiction can be read between: a day or a month, never a year or decade
# ("in 1991" and "last year" are the two ends of one range as often as two accounts of one event).
_FINE = (len("2025-04-09"), len("2025-04"))


# Expressions counted from the day of writing ("today", "on Saturday", "last week", "two days ago")
_DEICTIC_KINDS = frozenset({"weekend", "ago", "deictic_unit", "day_word", "weekday"})


def _said_alike(a: _Row, b: _Row) -> bool:
    """The two rows' expressions are the same words (but a leading "on")."""
    def words(r: _Row) -> str:
        return re.sub(r"^on\s+", "", " ".join(r.event.span.text.lower().split()))
    return words(a) == words(b)


def _overlap(a: Resolution, b: Resolution) -> bool:
    assert a.first and a.last and b.first and b.last
    return not (a.last < b.first or b.last < a.first)


def _conflicts(rows: Sequence[_Row]) -> set[int]:
    """Return the rows whose event another article dates incompatibly.

    Two rows tell of one event when the same verb governs both expressions and their clauses
    share most content words. Precision first, they contradict only when both dates are a day or
    a month; the two articles were written within :data:`CONFLICT_WINDOW_DAYS` of each other (a
    journal "published Thursday" or a divorce "filed Friday" a year apart are other occurrences);
    and neither article also gives the other's date to that event (a sentence copied whole,
    "from 12 percent in 1991 to 17.9 percent last year", holds both ends). Rows are compared
    within groups of one governing verb only.
    """
    groups: dict[str, list[int]] = {}
    for i, r in enumerate(rows):
        if r.res.resolved and r.head and len(r.words) >= 2 and len(r.res.date or "") in _FINE \
                and r.res.first is not None and r.res.last is not None:
            groups.setdefault(r.head, []).append(i)

    def same_event(a: _Row, b: _Row) -> bool:
        # the governing verb is shared by the grouping, so it is no evidence: two more words
        # ("Smith filed" twice is any two filings; "Smith filed for divorce" is one), but for
        # what happens to a thing once ("the bridge collapsed")
        shared = a.words & b.words
        needed = 1 if a.head in en.ONCE_ONLY_EVENT_LEMMAS else 2
        return len(shared - {a.head}) >= needed and len(shared) / len(a.words | b.words) >= 0.5

    flagged: set[int] = set()
    for members in groups.values():
        for x, i in enumerate(members):
            a = rows[i]
            for j in members[x + 1:]:
                b = rows[j]
                if a.event.span.article == b.event.span.article or not same_event(a, b) or _overlap(a.res, b.res):
                    continue
                if a.published is None or b.published is None \
                        or abs((a.published - b.published).days) > CONFLICT_WINDOW_DAYS:
                    continue
                if a.kind in _DEICTIC_KINDS and _said_alike(a, b):
                    # both say "today" (or "on Saturday"), each counted from its own day of
                    # writing: the sources say the same; only their dates differ (another
                    # occurrence of a daily event, or a copy printed a day later)
                    continue
                if any(rows[k].event.span.article in (a.event.span.article, b.event.span.article)
                       and k not in (i, j) and same_event(rows[k], a if rows[k].event.span.article == b.event.span.article else b)
                       and _overlap(rows[k].res, a.res if rows[k].event.span.article == b.event.span.article else b.res)
                       for k in members):
                    continue
                flagged.update((i, j))
    return flagged


# --------------------------------------------------------------------------- registration

from ..registry import Inputs, Produced, Split, analysis  # noqa: E402


def _map_rows(inputs: Inputs, config: object) -> list[_Row]:
    return _rows(inputs.articles, inputs.docs)


def _reduce_rows(inputs: Inputs, rows: list[_Row], config: object) -> Produced:
    return {"timeline": tuple(_ordered(rows))}


@analysis("timeline", requires=("articles",), produces=("timeline",), split=Split(_map_rows, _reduce_rows))
def timeline_component(inputs: Inputs, config: object) -> Produced:
    """Temporal expressions, resolved to dates where the evidence allows."""
    return {"timeline": tuple(build_timeline(inputs.articles, inputs.docs))}
