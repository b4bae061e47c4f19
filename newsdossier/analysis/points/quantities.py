"""Quantities in running text: a pure scanner that finds number expressions and normalises them.

:func:`find_quantities` finds number expressions written in digits ("30,000", "1.5 million",
"$4bn", "12%") or in words ("two thousand", "twenty-five", "several hundred", "dozens", "tens of
thousands"), ranges ("180 to 245", "between 10 and 12"), approximations ("about", "nearly",
"more than"), durations of one or several parts ("a week", "4 minutes 8.08 seconds") and lengths,
weights, areas and speeds, and normalises each to a value or a ``low``/``high`` range with its
dimension. Things written with digits that are not quantities are left out: years and year
ranges, clock times, dates, ordinals, ages ("the 49-year-old", "officials, 51,"), ZIP codes,
identifiers ("House Bill 70", "Route 9", "Flight 370"), scores ("3-1") and phone numbers.

This module is a helper of the points package (facts read it); it is not an analysis.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...lang import en

__all__ = ["Quantity", "QuantityError", "find_quantities", "parse_number_words", "granularity"]


class QuantityError(ValueError):
    """A string does not spell a number; pass a number written in digits or English words."""


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number expression found in a text, normalised.

    Attributes:
        start: offset of the first character of the expression.
        end: offset just past the expression.
        value: the exact value, when the expression names one.
        low: the lower bound of a range (or of "more than X").
        high: the upper bound of a range (or of "up to X").
        kind: the dimension: ``count``, ``money``, ``percent``, ``duration``, ``length``,
            ``weight``, ``area``, ``speed`` or ``temperature``.
        unit: the unit the expression itself carries (currency code, ``percent``, ``days``...),
            else ``None`` (the counted noun decides).
        approx: whether the text marks the number as approximate or vague.
    """

    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    kind: str = "count"
    unit: str | None = None
    approx: bool = False
    grain: float = 1.0

    def bounds(self) -> tuple[float, float]:
        """Return the closed interval the quantity allows.

        An exact value allows half its rounding grain ("1,200" covers 1,150-1,250), at most
        10 % of itself; an approximate one ±10 %.
        """
        if self.value is not None:
            slack = max(0.1 * abs(self.value) if self.approx else 0.0, min(self.grain / 2, 0.1 * abs(self.value)))
            return self.value - slack, self.value + slack
        low = self.low if self.low is not None else float("-inf")
        high = self.high if self.high is not None else float("inf")
        return low, high


# --------------------------------------------------------------------------- number words

_UNITS: dict[str, int] = en.NUMBER_WORDS
_TENS: dict[str, int] = en.TENS_WORDS
_SCALES: dict[str, int] = en.SCALE_WORDS
_SMALL_WORDS = "|".join(sorted(list(_UNITS) + list(_TENS), key=len, reverse=True))
_SCALE_WORDS = "hundred|thousand|million|billion|trillion"


def parse_number_words(text: str) -> float:
    """Return the value of a number written in words or digits ("two thousand", "1.5 million").

    Raises:
        QuantityError: if ``text`` is not a number.
    """
    half = re.fullmatch(r"\s*half\s+an?\s+([a-z]+)\s*", text.lower())
    if half is not None and (half.group(1) in _SCALES or half.group(1) == "dozen"):
        return 0.5 * (12 if half.group(1) == "dozen" else _SCALES[half.group(1)])  # "half a million"
    words = re.findall(r"[a-z]+|\d[\d,]*(?:\.\d+)?", text.lower().replace("-", " "))
    words = [w for w in words if w != "and"]
    if not words:
        raise QuantityError(f"no number in {text!r}")
    total = 0.0
    current = 0.0
    seen = False
    for i, word in enumerate(words):
        if word[0].isdigit():
            current += float(word.replace(",", ""))
        elif word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word in ("a", "an") and i == 0:
            current += 1
        elif word == "dozen":
            current = (current or 1) * 12
        elif word in _SCALES:
            scale = _SCALES[word]
            current = (current or 1) * scale
            if scale >= 1000:
                total += current
                current = 0.0
        else:
            raise QuantityError(f"{word!r} in {text!r} is not a number word")
        seen = True
    if not seen:
        raise QuantityError(f"no number in {text!r}")
    return total + current


def granularity(text: str) -> float:
    """Return the rounding grain of a number as written: "1,200" 100, "5.4 million" 100,000, "12" 1.

    Numbers written in words and vague amounts have grain 1 (their range says enough).
    """
    text = _STRAY_SPACE.sub(r"\1,\2", text)
    m = re.search(r"(\d[\d,]*)(?:\.(\d+))?\s*(hundred|thousand|million|billion|trillion|bn|mn|tn|m|k)?\b", text, re.I)
    if m is None:
        return 1.0
    scale = _SCALES.get((m.group(3) or "").lower(), 1)
    if m.group(2):
        return scale * 10.0 ** -len(m.group(2))
    digits = m.group(1).replace(",", "")
    zeros = len(digits) - len(digits.rstrip("0")) if digits.strip("0") else 0
    zeros = min(zeros, len(digits) - 1)
    if scale == 1 and len(digits) < 4:
        return 1.0  # "200 people": small numbers are taken as exact
    return float(scale * 10 ** zeros)


# --------------------------------------------------------------------------- patterns

# thousands groups, and a stray space after the comma before zeros ("150, 000" in wire copy: a
# list item is never "000")
_DIGITS = r"\d{1,3}(?:,(?: (?=000(?![\d,])))?\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_STRAY_SPACE = re.compile(r"(\d), (000)(?![\d,])")
_WORDNUM = (
    rf"(?:(?:{_SMALL_WORDS})(?:[- ](?:{_SMALL_WORDS}))?"
    rf"(?:\s+(?:{_SCALE_WORDS})(?:\s+(?:and\s+)?(?:{_SMALL_WORDS})(?:[- ](?:{_SMALL_WORDS}))?)?)*"
    rf"|(?:half\s+)?an?\s+(?:{_SCALE_WORDS}|dozen))"
)
# a vulgar fraction after a whole number ("$25 7/8" in a stock table, "2 1/2 million"): part of it,
# its denominator no count of its own
_FRACTION = r"[1-9]\d?/(?:2|3|4|8|16|32|64)(?![\d/])"
_NUM = rf"(?:(?:{_DIGITS})(?:\s(?:{_FRACTION}))?(?:\s*(?:{_SCALE_WORDS}|bn|mn|tn|m|k)\b)?|{_WORDNUM})"
_CURRENCY_SIGNS: dict[str, str] = en.CURRENCY_SIGNS
_CURRENCY_WORDS: dict[str, str] = en.CURRENCY_WORDS
_DURATION_UNITS: dict[str, tuple[str, int]] = en.DURATION_UNITS
_VAGUE: list[tuple[str, int, int]] = en.VAGUE_AMOUNTS
_QUALIFIERS: dict[str, str] = en.QUANTITY_QUALIFIERS
_QUAL_RE = "|".join(sorted((re.escape(q) for q in _QUALIFIERS), key=len, reverse=True))
_VAGUE_RE = "|".join(p for p, _, _ in _VAGUE)
_CUR_PRE = r"(?:US\$|[$£€¥₹])"
_CUR_POST = "|".join(sorted(_CURRENCY_WORDS, key=len, reverse=True))
_DUR_RE = "|".join(sorted(_DURATION_UNITS, key=len, reverse=True))

_MAIN = re.compile(
    rf"(?<![\w$£€¥₹.,'’/-])"
    rf"(?:(?P<qual>{_QUAL_RE})\s+)?"
    rf"(?:(?P<between>between)\s+)?"
    rf"(?:(?P<cur>{_CUR_PRE})\s?)?"
    rf"(?:(?P<vague>{_VAGUE_RE})|(?P<num>{_NUM})"
    rf"(?:\s*(?:-|–|to|and|or)\s*(?P=cur)?\s?(?P<num2>{_NUM}))?)(?![A-Za-z0-9])"
    rf"(?P<pct>\s?(?:%|per\s?cent\b))?"
    rf"(?:\s+(?P<curw>{_CUR_POST})\b)?",
    re.IGNORECASE,
)
_DURATION = re.compile(
    rf"(?<![\w/-])(?:(?P<q1>{_WORDNUM}|{_DIGITS})\s*(?:to|-|–|or)\s*)?"
    rf"(?P<q>a|an|one|the\s+past|the\s+last|{_WORDNUM}|(?:{_DIGITS})(?:\s(?:{_FRACTION}))?|several|a\s+few|"
    rf"few|many)?\s*(?P<u>{_DUR_RE})s?\b(?!-)",
    re.IGNORECASE,
)
_RELATIVE_AFTER = re.compile(r"\s*(?:ago|earlier|later|before|after|since|from now|on\b|old\b)", re.I)
_YEARLIKE = re.compile(r"^(?:1[6-9]|20)\d\d$")
_MONTHS = "|".join(sorted(en.MONTH_WORDS, key=len, reverse=True))
_DATE_BEFORE = re.compile(rf"(?:\b(?:{_MONTHS})\.?|\bin|\bsince|\bof|\buntil|\bby)\s*$", re.I)
_TIME_AFTER = re.compile(r"\s*(?:a\.?m\.?|p\.?m\.?|o'clock|GMT|ET|BST)\b|:\d", re.I)
_CHEAP_ONE = re.compile(r"^(?:one|a|an)$", re.I)


def _number(text: str) -> float:
    text = _STRAY_SPACE.sub(r"\1,\2", re.sub(r"\s+", " ", text.strip()))
    frac = re.match(rf"({_DIGITS}) ([1-9]\d?)/(\d+)(?=$|\s)", text)
    if frac is not None:
        whole = float(frac.group(1).replace(",", "")) + int(frac.group(2)) / int(frac.group(3))
        rest = text[frac.end():].strip()
        return whole * (_SCALES[rest.lower()] if rest.lower() in _SCALES else 1.0) if not rest or rest.lower() in _SCALES \
            else parse_number_words(text)
    if re.fullmatch(rf"(?:{_DIGITS})\s*(?:bn|mn|tn|m|k)", text, re.I):
        parts = re.match(rf"({_DIGITS})\s*(\w+)", text)
        assert parts is not None  # the fullmatch above guarantees it
        num, scale = parts.groups()
        return float(num.replace(",", "")) * _SCALES[scale.lower()]
    return parse_number_words(text)


def find_quantities(text: str) -> list[Quantity]:
    """Return the number expressions of ``text``, normalised, in text order.

    Years, clock times, dates, ordinals and relative time expressions ("three days earlier")
    are left out; durations ("a week", "six days") are kept with kind ``duration``.

    Raises:
        Nothing: unreadable matches are skipped.
    """
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    for m in _MAIN.finditer(text):
        for part in _change_and_level(text, m):
            q = _from_main(text, part)
            if q is not None:
                found.append(q)
                taken.append((q.start, q.end))
    for m in _DURATION.finditer(text):
        q = _from_duration(text, m, taken)
        if q is not None:
            found.append(q)
    found.sort(key=lambda q: q.start)
    return _merge_durations(text, found)


_CHANGE_BEFORE = re.compile(
    rf"\b(?:{'|'.join(sorted(en.CHANGE_VERB_FORMS, key=len, reverse=True))})\s+(?:from\s+)?$", re.I)
_TO = re.compile(r"\s*to\s*")


def _change_and_level(text: str, m: re.Match[str]) -> list[re.Match[str]]:
    """``m`` itself, or, when it reads "<change verb> X to Y" ("fell $3 to $25", "rose from 10 to
    12 percent"), the matches of X and of Y: a change (or a level before) and a level, no range
    ("increased by two to three times" stays one)."""
    num, num2 = m.group("num"), m.group("num2")
    if not num2 or not num or not _CHANGE_BEFORE.search(text[max(0, m.start() - 30) : m.start()]):
        return [m]
    if num2_scale(num2) > 1 and num2_scale(num) == 1:
        return [m]   # "grew 5 to 6 million": one scale, a range
    to = _TO.match(text, m.end("num"))
    if to is None or to.end() > m.start("num2"):
        return [m]
    first = _MAIN.match(text, m.start(), to.start())
    second = _MAIN.match(text, to.end())
    if first is not None and second is not None and not (first.group("cur") or first.group("pct")) \
            and (second.group("pct") or second.group("curw") or _MEASURE.match(text[second.end():second.end() + 40])):
        return [second]   # "rose from 10 to 12 percent": the unit is written once, with the level
    return [x for x in (first, second) if x is not None]


# seconds in each sub-day unit, months in each calendar unit: the parts of one duration
_PART_FACTORS = {"hours": ("seconds", 3600), "minutes": ("seconds", 60), "seconds": ("seconds", 1),
                 "years": ("months", 12), "months": ("months", 1)}


def _merge_durations(text: str, found: list[Quantity]) -> list[Quantity]:
    """Join durations written in several parts ("4 minutes 8.08 seconds", "2 years and 3 months")."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        if (prev is not None and prev.kind == q.kind == "duration" and prev.value is not None
                and q.value is not None and re.fullmatch(r"\s*,?\s*(?:and\s+)?", text[prev.end : q.start])):
            a, b = _PART_FACTORS.get(prev.unit or ""), _PART_FACTORS.get(q.unit or "")
            if a and b and a[0] == b[0] and a[1] > b[1]:
                base = a[0] if b[1] == 1 else (q.unit or a[0])
                div = 1 if base == a[0] else b[1]
                total = (prev.value * a[1] + q.value * b[1]) / div
                out[-1] = Quantity(prev.start, q.end, total, None, None, "duration", base, prev.approx or q.approx)
                continue
        out.append(q)
    return out


def _from_main(text: str, m: re.Match[str]) -> Quantity | None:
    num, vague = m.group("num"), m.group("vague")
    core = (num or vague or "").strip()
    if not core:
        return None
    start, end = m.start(), m.end()
    after = text[end : end + 40]
    before = text[max(0, start - 30) : start]
    cur = m.group("cur")
    curw = m.group("curw")
    pct = m.group("pct")
    unit: str | None = None
    kind = "count"
    if curw and curw.lower().startswith("pound") and not cur and not _money_pounds(text, start, num or ""):
        end = m.start("curw") + len(curw)
        kind, unit, curw = "weight", "pounds", None
    elif cur or curw:
        kind, unit = "money", _CURRENCY_SIGNS.get(cur or "", None) or _CURRENCY_WORDS.get(
            (curw or "").lower(), "money"
        )
    elif pct:
        kind, unit = "percent", "percent"
    if re.match(r"[-–]\d", after) or re.search(r"\d[-–]$", before) or re.match(r"[-–/.]\d", text[m.end("num") if num else end:][:2]):
        return None  # phone numbers, identifiers, scores
    if num and _is_identifier(before, after, num.strip()):
        return None
    if num and kind == "count" and _list_label(before, after, num.strip()):
        return None
    years = [g for g in (num, m.group("num2")) if g and _YEARLIKE.match(g.strip())]
    if years and kind in ("count", "weight"):
        return None  # "in 1965", "1965 to 1970": years, not amounts
    if num and kind == "count":
        plain = _STRAY_SPACE.sub(r"\1\2", num).replace(",", "")
        if _DATE_BEFORE.search(before) and re.fullmatch(r"\d{1,2}", plain):
            return None
        if re.match(rf"\s+(?:{_MONTHS})\b", after, re.I) and re.fullmatch(r"\d{1,2}", plain):
            return None  # "5 March"
        if re.match(r"\s*(?:st|nd|rd|th)\b", after) or _TIME_AFTER.match(after):
            return None
        if re.match(r"-[A-Za-z]", after) or re.search(r"[A-Za-z]-$", before):
            return None  # "nine-point", "G-20", "the 49-year-old": part of a compound word
        if _CHEAP_ONE.match(num.strip()) and not m.group("qual"):
            return None
        if num[:1].isupper() and not num[:1].isdigit() and re.match(r"\s+[A-Z][a-z]", after) \
                and re.search(r"[a-z,;]\s+$", before):
            return None  # "dubbed Two Eagles": a name
        if re.match(r"\s*(?:" + _DUR_RE + r")s?\b", after, re.I):
            return None  # left to the duration scanner
        if _AGE_AFTER.match(after) or _AGE_BEFORE.search(before):
            return None  # "aged 51", "51 years old"
        measure = _MEASURE.match(after)
        if measure is not None:
            kind, unit = _MEASURES[measure.group("mu").lower()]
            end += measure.end()
    if vague and kind == "count":
        if re.match(r"\s*(?:" + _DUR_RE + r")s?\b", after, re.I):
            return None
        if vague.lower() in ("several", "a few") and not re.match(r"\s+[a-z]", after):
            return None
    value: float | None
    low: float | None
    high: float | None
    try:
        if vague:
            low, high = next((lo, hi) for p, lo, hi in _VAGUE if re.fullmatch(p, vague, re.I))
            value = None
            approx = True
        else:
            value = _number(num)
            low = high = None
            approx = False
            if m.group("num2"):
                first, second = _number(num), _number(m.group("num2"))
                if num2_scale(m.group("num2")) > 1 and num2_scale(num) == 1 \
                        and first * num2_scale(m.group("num2")) <= second:
                    first = first * num2_scale(m.group("num2"))  # "5 to 6 million"
                if second < first:
                    return None
                low, high, value = first, second, None
    except (QuantityError, StopIteration):
        return None
    frac = re.match(r"[½¼¾]", text[end : end + 1])
    if value is not None and frac is not None:
        value += {"½": 0.5, "¼": 0.25, "¾": 0.75}[frac.group()]  # "2½ weeks"
        end += 1
    more = re.match(r"\s+or\s+(more|fewer|less)\b", text[end : end + 12])
    if value is not None and more is not None:
        if more.group(1) == "more":
            low, value = value, None  # "three or more times"
        else:
            high, value = value, None
        end += more.end()
    if value is not None and re.match(r"-?plus\b|\+", text[end : end + 6]):
        plus = re.match(r"-?plus\b|\+", text[end : end + 6])
        assert plus is not None
        low, value = value, None
        end += len(plus.group())
    qual = (m.group("qual") or "").lower()
    if qual and value is None and _QUALIFIERS.get(re.sub(r"\s+", " ", qual)) == "approx":
        approx = True  # "about $7 billion or more"
    if qual and value is not None:
        effect = _QUALIFIERS.get(re.sub(r"\s+", " ", qual))
        if effect == "low":
            low, value = value, None
        elif effect == "high":
            high, value = value, None
        elif effect == "approx":
            approx = True
    grain = granularity(num) if num and not m.group("num2") else 1.0
    dur = re.match(rf"\s*(?P<u>{_DUR_RE})s?\b(?!-)", text[end : end + 16], re.I)
    if kind == "count" and dur is not None and text[m.end() - 1 : end].strip():
        unit_name, factor = _DURATION_UNITS[dur.group("u").lower()]  # "20,000+ years", "2½ weeks"
        scale = [x * factor if x is not None else None for x in (value, low, high)]
        return Quantity(start, end + dur.end(), scale[0], scale[1], scale[2], "duration", unit_name, approx, grain)
    scaled = re.match(r"\s+of\s+(billions|millions|thousands)\s+of\s+(dollars|pounds|euros)\b", text[end : end + 40], re.I)
    if kind == "count" and vague and value is None and low is not None and high is not None and scaled is not None:
        mult = float(_SCALES[scaled.group(1).lower()[:-1]])  # "hundreds of billions of dollars"
        cur = _CURRENCY_WORDS[scaled.group(2).lower()]
        return Quantity(start, end + scaled.end(), None, low * mult, high * mult, "money", cur, approx, grain)
    money = re.match(r"\s+of\s+(dollars|euros)\b", text[end : end + 16], re.I)
    if kind == "count" and vague and money is not None:
        return Quantity(start, end + money.end(), value, low, high, "money", _CURRENCY_WORDS[money.group(1).lower()],
                        approx, grain)  # "hundreds of thousands of dollars"
    return Quantity(start, end, value, low, high, kind, unit, approx, grain)


def num2_scale(text: str) -> float:
    """Return the scale word's factor in a number ("6 million" 1e6), else 1."""
    m = re.search(r"(hundred|thousand|million|billion|trillion|bn|mn|tn)\b", text, re.I)
    return float(_SCALES[m.group(1).lower()]) if m else 1.0


def _money_pounds(text: str, start: int, num: str) -> bool:
    """Return whether "<number> pounds" is a sum of money (else a weight).

    A scale word ("5 million pounds"), "sterling", or money words in the sentence make it money.
    """
    if re.search(r"(?:million|billion|bn|mn|thousand)\s*$", num, re.I):
        return True
    lo = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    hi_dot = text.find(".", start)
    sent = text[lo : hi_dot if hi_dot != -1 else len(text)].lower()
    if re.search(r"\b(?:weigh|weighs|weighed|weighing|weight|heavy|lbs?|kilos?|kg|ounces?)\b", sent):
        return False
    return bool(re.search(r"\bsterling\b|£", sent)) or any(
        re.search(rf"\b{w}\b", sent) for w in en.MONEY_WORDS)


_STREET = r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Way|Place|Pl|Court|Ct|Highway|Hwy)\b"
_ID_BEFORE = re.compile(rf"\b(?:{'|'.join(re.escape(w) for w in en.IDENTIFIER_NOUNS)})\.?\s*(?:No\.?\s*)?$")
_RATIO_AFTER = re.compile(rf"\s+(?:in|out\s+of)\s+(?:every\s+)?(?!(?:1[6-9]|20)\d\d\b)(?:{_NUM})\b", re.I)
_RATIO_BEFORE = re.compile(rf"\b(?:{_NUM})\s+(?:in|out\s+of)\s+(?:every\s+)?$", re.I)
_AGE_AFTER = re.compile(r"\s*(?:years?|yrs?)[\s-]+old\b|-year-old|\s*,?\s*(?:who|and)\s+(?:is|was)\s+\d", re.I)
_AGE_BEFORE = re.compile(r"\b(?:aged?|ages|at\s+age|age\s+of|turn|turned|turns|turning)\s*$", re.I)
_MEASURES: dict[str, tuple[str, str]] = en.MEASURE_UNITS
_MEASURE = re.compile(
    r"[\s-]?(?P<mu>" + "|".join(sorted((re.escape(u) for u in _MEASURES), key=len, reverse=True)) + r")(?![\w/])",
    re.I,
)


def _list_label(before: str, after: str, num: str) -> bool:
    """Whether a bare number labels an item of a list: "demands: 1) the release ..., 2) new elections",
    "(3) a fund", "2. Elections" at the start of its line."""
    if not re.fullmatch(r"\d{1,2}", num):
        return False
    if re.match(r"\)\s+\S", after) and re.search(r"(?:\A|[\n:;,(]|\b(?:and|or))\s*\(?$", before):
        return True
    return bool(re.match(r"\.\s+\S", after) and re.search(r"(?:\A|\n)[ \t]*$", before))


def _is_identifier(before: str, after: str, num: str = "") -> bool:
    """Return whether a number is part of an address, a name, a code, a score or an age."""
    bare = re.fullmatch(r"\d+", num) is not None
    if bare and len(num) == 5 and not re.search(r"[$£€]\s*$", before):
        return True  # a ZIP code or an identifier: counts of 10,000 and more carry commas
    if bare and re.match(rf"\s+(?:[NSEW]\.?\s+)?(?:[A-Z][\w.'-]*\s+){{0,3}}{_STREET}", after):
        return True  # "1200 W. Harbor Street"
    if _ID_BEFORE.search(before):
        return True  # "House Bill 70", "Route 9", "Flight 370"
    if bare and re.search(r"[A-Z][A-Za-z]+\s+$", before) and re.match(r"\s+[A-Z][a-z]", after) \
            and not re.search(r"[.!?]\s+[A-Z][a-z]+\s+$", before):
        return True  # "WXYZ 9 News"
    if bare and re.search(r"\w,\s*$", before) and re.match(r"\s*,", after) and int(num) < 120:
        return True  # "Jane Roe, 27, said", "officials, 51,": an appositive age
    if bare and re.search(r"\b[A-Z][a-z]+,\s*$", before) and re.match(r"\s*[.;]", after) and int(num) < 120:
        return True  # "said Jane Roe, 28.": an appositive age
    if bare and len(num) > 1 and num.startswith("0"):
        return True  # "0800", "096": phone numbers and codes
    if bare and (re.match(r"\s+\d{3,}\b", after) or re.search(r"\b\d{3,}\s+$", before)):
        return True  # "020 7158 0197": a phone number
    if bare and (re.match(r"\s+call\b", after, re.I) or re.search(r"\b(?:call(?:ed|ing|s)?|dial(?:l?ed|l?ing|s)?)\s+$", before, re.I)):
        return True  # "a 999 call", "called 911": an emergency number
    if bare and re.search(r"\d:\s*$", before):
        return True  # "(3: 40)": a running time
    if bare and re.search(r"\b(?:the|a|an)\s+$", before, re.I) and re.match(r"\s*[,.;)]", after):
        return False
    if bare and re.match(r"\s*(?:to|-|–)\s*\d+\s*(?:win|victory|loss|defeat|lead)", after, re.I):
        return True  # "a 28 to 21 win": a score
    if bare and re.search(r",\s*(?:now|then|aged?)\s+$", before) and re.match(r"\s*[,.;)]", after):
        return True  # "Hannah, now 26,": an age
    if bare and re.search(r"\b(?:he|she|i|they|we|you|who)\s+(?:was|is|were|are|turned|turns)\s+$", before, re.I) \
            and re.match(r"\s*(?:[,.;)]|when\b|at\b|and\b|while\b|until\b|before\b|after\b)", after):
        return True  # "by the time she was 17.": an age
    if bare and re.search(r"\bin\s+age\s+from\s+$|\bages?\s+(?:of\s+|from\s+|between\s+)?$", before, re.I):
        return True  # "range in age from 4 to 26"
    if bare and len(num) == 4 and 1000 <= int(num) <= 2099 and re.search(
            r"\b(?:in|since|by|until|from|of|circa|c\.|year|summer|winter|spring|fall|autumn)\s+$", before, re.I):
        return True  # "died in 1065": a year
    if bare and re.match(r"\s+[A-Z][a-z]+(?<!s)\b", after) and re.search(r"\b(?:on|in|of|from|at|watch|watched|the)\s+$", before):
        return True  # "starring on 30 Rock": a name
    if bare and re.search(r"(?<![.!?]\s)\b[A-Z][A-Za-z]+\s+$", before) and not re.search(r"^\s*$", before[:-1]) \
            and re.match(r"\s+(?:the|a|an|to|in|on|at|of|and|for|alongside|with|as|by)\b|\s*[,.;:\"”’″)]", after):
        return True  # "sent News 8 the statement", "the Giants 24,", "Your Dragon 2 alongside": a name or a score
    if re.match(r"\s+times\s+(?:the|as|more|less|higher|greater|larger|bigger|faster|that|what)\b", after):
        return True  # "three times the legal limit": a ratio
    if _RATIO_AFTER.match(after) or _RATIO_BEFORE.search(before):
        return True  # "about one in eight adults", "two out of three": a ratio, neither part a count
    return False


def _from_duration(text: str, m: re.Match[str], taken: list[tuple[int, int]]) -> Quantity | None:
    q = (m.group("q") or "").lower()
    if not q or q in ("the past", "the last"):
        return None
    start, end = m.start(), m.end()
    if any(s < end and start < e for s, e in taken):
        return None
    if _RELATIVE_AFTER.match(text[end : end + 12]):
        return None
    before = text[max(0, start - 12) : start].lower()
    if re.search(r"\b(?:last|next|this|every|per|each|that|a)\s*$", before):
        return None
    if re.search(r"\bnot\s+(?:for\s+)?$", before) or re.search(r"\bfor\s+$", before) and re.match(r"\s+(?:think|believe|doubt|thought)", text[end:end + 12]):
        return None  # "I did not for a minute think": an idiom
    if q in ("a", "an", "one") and not re.search(
        r"\b(?:for|within|in|over|past|than|about|nearly|almost|only|just|barely|least|lasting)\s*$", before
    ):
        return None  # "one day someone will know"
    unit_word = m.group("u").lower()
    if unit_word == "second" and q in ("a", "an", "one") and not re.match(r"\s*(?:[,.;)]|$|later|of\b)", text[end:end + 8]):
        return None  # "a second straight year", "a second term": an ordinal
    unit, factor = _DURATION_UNITS[unit_word]
    q = re.sub(r"\s+", " ", q)
    approx = False
    try:
        if q in ("several", "a few", "few", "many"):
            return None  # "the past few days": a vague period, not a stated quantity
        value = 1.0 if q in ("a", "an", "one") else (_number(q) if "/" in q else parse_number_words(q))
        first = parse_number_words(m.group("q1")) if m.group("q1") else None
    except QuantityError:
        return None
    if first is not None and first < value:
        return Quantity(start, end, None, first * factor, value * factor, "duration", unit)  # "two to three days"
    qual = re.search(rf"(?<![\w-])(?P<qual>{_QUAL_RE})\s+$", text[max(0, start - 20) : start], re.I)
    if qual is not None:  # "more than nine hours", "nearly six months"
        effect = _QUALIFIERS.get(re.sub(r"\s+", " ", qual.group("qual").lower()))
        start -= len(qual.group(0))
        if effect == "low":
            return Quantity(start, end, None, value * factor, None, "duration", unit)
        if effect == "high":
            return Quantity(start, end, None, None, value * factor, "duration", unit)
        approx = effect == "approx"
    return Quantity(start, end, value * factor, None, None, "duration", unit, approx)


