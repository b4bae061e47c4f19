"""Quantities in running text: find them, normalise them, say what they count.

:func:`find_quantities` is a pure text scanner: it finds number expressions written in digits
("30,000", "1.5 million", "$4bn", "12%") or in words ("two thousand", "twenty-five",
"several hundred", "dozens", "tens of thousands", "a week") and normalises each to a value or
a ``low``/``high`` range. :func:`extract_facts` ties them to what they count (the head noun,
mapped to a small set of canonical units such as ``troops``, ``deaths``, ``detainees``,
``residents``, ``days`` or a currency) and to what they are about (an entity id when an entity
is named in the noun phrase, else the noun phrase), and flags the same quantity reported with
incompatible values by different outlets.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsdossier.model import Article, Entity, Fact

__all__ = ["Quantity", "QuantityError", "find_quantities", "parse_number_words", "extract_facts"]


class QuantityError(ValueError):
    """A string does not spell a number."""


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number expression found in a text, normalised.

    Attributes:
        start: offset of the first character of the expression.
        end: offset just past the expression.
        value: the exact value, when the expression names one.
        low: the lower bound of a range (or of "more than X").
        high: the upper bound of a range (or of "up to X").
        kind: ``count``, ``money``, ``percent`` or ``duration``.
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

    def bounds(self) -> tuple[float, float]:
        """Return the closed interval the quantity allows (approximate values get ±10 %)."""
        if self.value is not None:
            slack = 0.1 * abs(self.value) if self.approx else 0.0
            return self.value - slack, self.value + slack
        low = self.low if self.low is not None else float("-inf")
        high = self.high if self.high is not None else float("inf")
        return low, high


# --------------------------------------------------------------------------- number words

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000, "bn": 1_000_000_000, "m": 1_000_000, "mn": 1_000_000,
    "k": 1_000, "tn": 1_000_000_000_000,
}
_SMALL_WORDS = "|".join(sorted(list(_UNITS) + list(_TENS), key=len, reverse=True))
_SCALE_WORDS = "hundred|thousand|million|billion|trillion"


def parse_number_words(text: str) -> float:
    """Return the value of a number written in words or digits ("two thousand", "1.5 million").

    Raises:
        QuantityError: if ``text`` is not a number.
    """
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


# --------------------------------------------------------------------------- patterns

_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORDNUM = (
    rf"(?:(?:{_SMALL_WORDS})(?:[- ](?:{_SMALL_WORDS}))?"
    rf"(?:\s+(?:{_SCALE_WORDS})(?:\s+(?:and\s+)?(?:{_SMALL_WORDS})(?:[- ](?:{_SMALL_WORDS}))?)?)*"
    rf"|an?\s+(?:{_SCALE_WORDS}|dozen))"
)
_NUM = rf"(?:(?:{_DIGITS})(?:\s*(?:{_SCALE_WORDS}|bn|mn|tn|m|k)\b)?|{_WORDNUM})"
_CURRENCY_SIGNS = {"$": "USD", "US$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR"}
_CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "pound": "GBP", "pounds": "GBP", "euro": "EUR",
    "euros": "EUR", "yen": "JPY", "yuan": "CNY", "rupees": "INR", "usd": "USD", "gbp": "GBP",
    "eur": "EUR",
}
_DURATION_UNITS = {
    "second": ("seconds", 1), "minute": ("minutes", 1), "hour": ("hours", 1), "day": ("days", 1),
    "night": ("days", 1), "week": ("days", 7), "fortnight": ("days", 14), "month": ("months", 1),
    "year": ("years", 1), "decade": ("years", 10),
}
_VAGUE = [
    # (pattern, low, high)
    (r"hundreds\s+of\s+thousands", 200_000, 999_999),
    (r"tens\s+of\s+thousands", 20_000, 99_999),
    (r"tens\s+of\s+millions", 20_000_000, 99_999_999),
    (r"hundreds\s+of\s+millions", 200_000_000, 999_999_999),
    (r"(?:several|a\s+few)\s+dozen", 36, 99),
    (r"several\s+hundred", 300, 999),
    (r"several\s+thousand", 3_000, 9_999),
    (r"several\s+million", 3_000_000, 9_999_999),
    (r"a\s+few\s+hundred", 200, 500),
    (r"a\s+few\s+thousand", 2_000, 5_000),
    (r"a\s+few\s+million", 2_000_000, 5_000_000),
    (r"dozens", 24, 99),
    (r"scores", 40, 199),
    (r"hundreds", 200, 999),
    (r"thousands", 2_000, 9_999),
    (r"millions", 2_000_000, 999_999_999),
    (r"a\s+handful", 2, 6),
    (r"several", 3, 9),
    (r"a\s+few", 2, 5),
]
_QUALIFIERS = {
    "more than": "low", "over": "low", "at least": "low", "upwards of": "low",
    "in excess of": "low", "up to": "high", "as many as": "high", "fewer than": "high",
    "less than": "high", "under": "high", "nearly": "approx", "almost": "approx",
    "about": "approx", "around": "approx", "approximately": "approx", "roughly": "approx",
    "some": "approx", "an estimated": "approx", "estimated": "approx", "close to": "approx",
    "just over": "approx", "just under": "approx",
}
_QUAL_RE = "|".join(sorted((re.escape(q) for q in _QUALIFIERS), key=len, reverse=True))
_VAGUE_RE = "|".join(p for p, _, _ in _VAGUE)
_CUR_PRE = r"(?:US\$|[$£€¥₹])"
_CUR_POST = "|".join(sorted(_CURRENCY_WORDS, key=len, reverse=True))
_DUR_RE = "|".join(sorted(_DURATION_UNITS, key=len, reverse=True))

_MAIN = re.compile(
    rf"(?<![\w$£€¥₹.,-])"
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
    rf"(?<![\w-])(?P<q>a|an|one|the\s+past|the\s+last|{_WORDNUM}|{_DIGITS}|several|a\s+few|"
    rf"few|many)?\s*(?P<u>{_DUR_RE})s?\b(?!-)",
    re.IGNORECASE,
)
_RELATIVE_AFTER = re.compile(r"\s*(?:ago|earlier|later|before|after|since|from now|on\b|old\b)", re.I)
_YEARLIKE = re.compile(r"^(?:1[6-9]|20)\d\d$")
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_DATE_BEFORE = re.compile(rf"(?:\b(?:{_MONTHS})\.?|\bin|\bsince|\bof|\buntil|\bby)\s*$", re.I)
_TIME_AFTER = re.compile(r"\s*(?:a\.?m\.?|p\.?m\.?|o'clock|GMT|ET|BST)\b|:\d", re.I)
_CHEAP_ONE = re.compile(r"^(?:one|a|an)$", re.I)


def _number(text: str) -> float:
    text = re.sub(r"\s+", " ", text.strip())
    if re.fullmatch(rf"(?:{_DIGITS})\s*(?:bn|mn|tn|m|k)", text, re.I):
        num, scale = re.match(rf"({_DIGITS})\s*(\w+)", text).groups()
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
        q = _from_main(text, m)
        if q is not None:
            found.append(q)
            taken.append((q.start, q.end))
    for m in _DURATION.finditer(text):
        q = _from_duration(text, m, taken)
        if q is not None:
            found.append(q)
    found.sort(key=lambda q: q.start)
    return found


def _from_main(text: str, m: re.Match[str]) -> Quantity | None:
    num, vague = m.group("num"), m.group("vague")
    core = (num or vague or "").strip()
    if not core:
        return None
    start, end = m.start(), m.end()
    after = text[end : end + 40]
    before = text[max(0, start - 20) : start]
    cur = m.group("cur")
    curw = m.group("curw")
    pct = m.group("pct")
    unit: str | None = None
    kind = "count"
    if cur or curw:
        kind, unit = "money", _CURRENCY_SIGNS.get(cur or "", None) or _CURRENCY_WORDS.get(
            (curw or "").lower(), "money"
        )
    elif pct:
        kind, unit = "percent", "percent"
    if re.match(r"[-–]\d", after) or re.search(r"\d[-–]$", before) or re.match(r"[-–/.]\d", text[m.end("num") if num else end:][:2]):
        return None  # phone numbers, identifiers, scores
    if num and re.fullmatch(r"\d+", num.strip()) and _is_identifier(before, after):
        return None
    if num and kind == "count":
        plain = num.replace(",", "")
        if _YEARLIKE.match(num.strip()) and not m.group("num2"):
            return None
        if _DATE_BEFORE.search(before) and re.fullmatch(r"\d{1,2}", plain):
            return None
        if re.match(r"\s*(?:st|nd|rd|th)\b", after) or _TIME_AFTER.match(after):
            return None
        if re.match(r"-[A-Za-z]", after) or re.search(r"[A-Za-z]-$", before):
            return None  # "nine-point", "G-20": part of a compound word
        if _CHEAP_ONE.match(num.strip()) and not m.group("qual"):
            return None
        if re.match(r"\s*(?:" + _DUR_RE + r")s?\b", after, re.I):
            return None  # left to the duration scanner
    if vague and kind == "count":
        if re.match(r"\s*(?:" + _DUR_RE + r")s?\b", after, re.I):
            return None
        if vague.lower() in ("several", "a few") and not re.match(r"\s+[a-z]", after):
            return None
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
                low, high, value = value, _number(m.group("num2")), None
                if high < low:
                    return None
    except (QuantityError, StopIteration):
        return None
    if value is not None and re.match(r"-?plus\b|\+", after):
        low, value = value, None
        end += len(re.match(r"-?plus\b|\+", after).group())
    qual = (m.group("qual") or "").lower()
    if qual and value is not None:
        effect = _QUALIFIERS.get(re.sub(r"\s+", " ", qual))
        if effect == "low":
            low, value = value, None
        elif effect == "high":
            high, value = value, None
        elif effect == "approx":
            approx = True
    return Quantity(start, end, value, low, high, kind, unit, approx)


_STREET = r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Way|Place|Pl|Court|Ct|Highway|Hwy)\b"


def _is_identifier(before: str, after: str) -> bool:
    """Return whether a bare number is part of an address, a name or an appositive age."""
    if re.match(rf"\s+(?:[NSEW]\.?\s+)?(?:[A-Z][\w.'-]*\s+){{0,3}}{_STREET}", after):
        return True  # "1200 W. Harbor Street"
    if re.search(r"\b(?:Road|Route|Highway|Interstate|No\.|Number|Flight|Channel|Room|Suite|Apt\.?|Box)\s*$", before):
        return True
    if re.search(r"[A-Z][A-Za-z]+\s+$", before) and re.match(r"\s+[A-Z][a-z]", after) and not re.search(r"[.!?]\s+[A-Z][a-z]+\s+$", before):
        return True  # "WXYZ 9 News"
    if re.search(r"[A-Z][\w.]*,\s*$", before) and re.match(r"\s*,", after):
        return True  # "Jane Roe, 27, said"
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
    if q in ("a", "an", "one") and not re.search(
        r"\b(?:for|within|in|over|past|than|about|nearly|almost|only|just|barely|least|lasting)\s*$", before
    ):
        return None  # "one day someone will know"
    unit_word = m.group("u").lower()
    unit, factor = _DURATION_UNITS[unit_word]
    q = re.sub(r"\s+", " ", q)
    approx = False
    try:
        if q in ("several", "a few", "few", "many"):
            return None  # "the past few days": a vague period, not a stated quantity
        value = 1.0 if q in ("a", "an", "one") else parse_number_words(q)
    except QuantityError:
        return None
    return Quantity(start, end, value * factor, None, None, "duration", unit, approx)


# --------------------------------------------------------------------------- what is counted

_UNIT_NOUNS: Mapping[str, str] = {
    "troop": "troops", "soldier": "troops", "marine": "troops", "paratrooper": "troops",
    "servicemember": "troops", "serviceman": "troops", "personnel": "troops",
    "force": "troops", "reservist": "troops",
    "fighter": "fighters", "militiaman": "fighters", "militant": "fighters", "gunman": "fighters",
    "insurgent": "fighters", "rebel": "fighters", "combatant": "fighters",
    "death": "deaths", "fatality": "deaths", "dead": "deaths", "body": "deaths",
    "casualty": "casualties", "wounded": "injured", "injury": "injured",
    "detainee": "detainees", "prisoner": "detainees", "inmate": "detainees",
    "captive": "detainees", "arrest": "detainees", "hostage": "hostages",
    "resident": "residents", "inhabitant": "residents", "citizen": "residents",
    "refugee": "displaced", "evacuee": "displaced",
    "family": "families", "household": "families", "home": "homes", "house": "homes",
    "people": "people", "person": "people", "civilian": "civilians", "child": "children",
    "student": "students", "worker": "workers", "employee": "employees", "job": "jobs",
    "vote": "votes", "voter": "voters",
}
_VERB_UNITS: Mapping[str, str] = {
    "kill": "deaths", "die": "deaths", "slay": "deaths", "murder": "deaths",
    "arrest": "detainees", "detain": "detainees", "hold": "detainees", "imprison": "detainees",
    "jail": "detainees", "capture": "detainees", "injure": "injured", "wound": "injured",
    "hurt": "injured", "evacuate": "displaced", "displace": "displaced", "flee": "displaced",
}
_PEOPLE_UNITS = {"people", "civilians", "residents", "children", "families"}
# verbs that, with "from/out of <home>" or "to flee", count the people they move as displaced
_MOVERS = {"drive", "force", "chase", "push", "send", "flush", "evacuate", "displace", "uproot"}
_HOMES = {"home", "house", "village", "town", "city", "area", "neighbourhood", "neighborhood",
          "district", "land", "region", "apartment", "flat", "shelter", "camp"}
_LEAVERS = {"leave", "flee", "abandon", "evacuate"}
# subjects of these verbs are counted by the verb ("twelve people died")
_SUBJECT_VERBS = {"die"}
_BARE = ("preceding", "previous-sentence", "number-of")
_STOP_MODS = {"extra", "additional", "more", "other", "total", "some", "estimated", "about"}


def _counted_noun(doc: Doc, tokens: SpacySpan) -> tuple[Token | None, str]:
    """Return the noun a quantity counts and how it was found."""
    last = tokens[-1]
    head = last.head
    # "30,000 US troops": the number modifies the noun that follows it
    if last.dep_ in ("nummod", "quantmod", "compound", "amod", "det") and head.i > last.i:
        if head.pos_ in ("NOUN", "PROPN"):
            return head, "modifier"
        if head.pos_ == "NUM" and head.head.pos_ in ("NOUN", "PROPN") and head.head.i > last.i:
            return head.head, "modifier"
    for tok in tokens:
        if tok.dep_ in ("nummod", "quantmod") and tok.head.i > tokens.end - 1 and tok.head.pos_ == "NOUN":
            return tok.head, "modifier"
    # "tens of thousands of families", "two thousand of them"
    nxt = doc[tokens.end] if tokens.end < len(doc) else None
    if nxt is not None and nxt.lower_ == "of":
        objs = [c for c in nxt.children if c.dep_ == "pobj"]
        if objs and objs[0].pos_ in ("NOUN", "PROPN"):
            return objs[0], "of-phrase"
    # "25 million in state aid", "two billion in loans": a scaled sum counts what follows "in"
    if nxt is not None and nxt.lower_ == "in" and tokens[-1].lower_ in _SCALES:
        objs = [c for c in nxt.children if c.dep_ == "pobj"]
        if objs and objs[0].pos_ == "NOUN":
            return objs[0], "in-phrase"
    root = tokens.root
    for tok in (root, *tokens):
        if tok.head.i >= tokens.end and tok.head.pos_ == "NOUN" and tok.dep_ in ("nummod", "quantmod"):
            return tok.head, "modifier"
    # a bare number: "the number of deaths is ... several hundred", "those held, an estimated 2,000"
    sent = root.sent
    for tok in sent:
        if tok.lower_ == "number" and tok.i < tokens.start:
            objs = [c for p in tok.children if p.lower_ == "of" for c in p.children if c.dep_ == "pobj"]
            if objs:
                return objs[0], "number-of"
    for tok in reversed(doc[sent.start : tokens.start]):
        if tok.pos_ in ("NOUN", "PRON") and tok.dep_ not in ("npadvmod",):
            if tok.pos_ == "PRON":
                verbs = [c for c in tok.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"]
                if verbs:
                    return verbs[0], "verb"
                continue
            if tok.tag_ in ("NNS", "NNPS") or tok.lemma_.lower() in _UNIT_NOUNS:
                return tok, "preceding"
            break
    if root.dep_ in ("nsubj", "nsubjpass", "attr") and sent.start > 0:
        prev = doc[sent.start - 1].sent
        for tok in reversed(list(prev)):
            if tok.tag_ == "NNS":
                return tok, "previous-sentence"
    return None, "none"


def _unit_of(noun: Token | None, how: str, phrase: Token | None = None) -> str:
    """Return the canonical unit for a counted noun.

    People counted as the object of "killed", "arrested"... (or the subject of "died") are
    counted as deaths, detainees...; ``phrase`` is the token holding the noun phrase's
    syntactic role (the quantity itself in "dozens of protesters").
    """
    if noun is None:
        return "count"
    lemma = noun.lemma_.lower()
    if how == "verb":
        return _VERB_UNITS.get(lemma, lemma)
    unit = _UNIT_NOUNS.get(lemma) or _UNIT_NOUNS.get(noun.lower_) or lemma
    if unit in _PEOPLE_UNITS or unit == lemma:
        # "people" names no group of its own: what they did decides ("people left their homes")
        by_verb = _verb_unit(phrase, how in _BARE or unit == "people") if phrase is not None else None
        if by_verb is not None:
            return by_verb
        if phrase is not None and phrase.i != noun.i and _coordinated(_governing_verb(phrase), _governing_verb(noun)):
            return unit  # "killed X and arrested dozens": the second verb does not inherit
        by_verb = _verb_unit(noun, unit == "people")
        if by_verb is not None:
            return by_verb
    return unit


def _coordinated(a: Token, b: Token) -> bool:
    """Return whether two different verbs are conjuncts of each other (or of one head)."""
    if a.i == b.i:
        return False
    return (a.dep_ == "conj" and a.head.i == b.i) or (b.dep_ == "conj" and b.head.i == a.i) or (
        a.dep_ == "conj" and b.dep_ == "conj" and a.head.i == b.head.i)


def _governing_verb(role: Token) -> Token:
    """Return the verb whose argument ``role`` is (climbing through nouns and prepositions)."""
    verb = role.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return verb


def _verb_unit(role: Token, bare: bool = False) -> str | None:
    """Return what the verb governing ``role`` counts ("killed X" → deaths), if it decides.

    Only the verb ``role`` is itself an argument of decides: in "killed three people and drove
    hundreds from their homes" the coordinated "drove" governs "hundreds" and does not inherit
    "killed". People moved "from their homes" (or forced "to flee") are ``displaced``; so is a
    ``bare`` quantity (one with no noun of its own) that "fled" or "left their homes" ("hundreds
    fled"), and so are "people" (no group of their own), while a named group keeps its noun
    ("thousands of residents fled": residents).
    """
    if role.dep_ not in ("nsubjpass", "dobj", "nsubj"):
        return None
    verb = _governing_verb(role)
    lemma = verb.lemma_.lower()
    if role.dep_ == "nsubj":
        if lemma in _SUBJECT_VERBS or (bare and lemma == "flee"):
            return _VERB_UNITS[lemma]
        if bare and lemma in _LEAVERS and any(c.dep_ == "dobj" and c.lemma_.lower() in _HOMES for c in verb.children):
            return "displaced"
        return None
    if lemma in _VERB_UNITS:
        return _VERB_UNITS[lemma]
    if lemma in _MOVERS:
        for child in (*verb.children, *role.children):
            if child.dep_ == "prep" and child.lower_ in ("from", "out"):
                if any(g.lemma_.lower() in _HOMES for g in child.subtree if g.i != child.i):
                    return "displaced"
            if child.dep_ in ("xcomp", "advcl") and child.lemma_.lower() in _LEAVERS:
                return "displaced"
    return None


def _about(noun: Token | None, quantity: SpacySpan, unit: str, ents: Sequence[tuple[int, int, str]]) -> str:
    if noun is None:
        return unit
    words = []
    lo, hi = noun.i, noun.i
    for child in noun.children:
        if child.dep_ in ("compound", "amod", "poss", "nmod") and child.i < noun.i:
            if quantity.start <= child.i < quantity.end:
                continue
            lo = min(lo, child.left_edge.i)
    doc = noun.doc
    for tok in doc[lo : hi + 1]:
        if quantity.start <= tok.i < quantity.end or tok.pos_ in ("DET", "NUM", "PUNCT"):
            continue
        if tok.lower_ in _STOP_MODS or tok.tag_ == "POS":
            continue
        words.append(tok.text)
    phrase = " ".join(words)
    start, end = doc[lo].idx, noun.idx + len(noun.text)
    for s, e, ent in ents:
        if s < end and start < e:
            return ent
    return phrase.lower() or unit


def _entity_index(article: Article, entities: Sequence[Entity]) -> list[tuple[int, int, str]]:
    out = []
    for ent in entities:
        for m in ent.mentions:
            if m.article == article.id:
                out.append((m.start, m.end, ent.id))
    return out


def extract_facts(
    articles: Sequence[Article], docs: Mapping[str, Doc], entities: Sequence[Entity] = ()
) -> list[Fact]:
    """Return the quantities stated in the articles, with unit, subject and conflicts.

    Args:
        articles: the articles.
        docs: spaCy parses by article id (see :func:`newsdossier.nlp.parse`).
        entities: resolved entities; a quantity whose noun phrase names one is ``about`` it.

    Returns:
        Facts in article and text order. Facts from different articles with the same unit and
        subject whose ranges do not overlap are marked ``conflict=True``.

    Raises:
        KeyError: if an article has no parse in ``docs``.
    """
    facts: list[Fact] = []
    approx: list[bool] = []
    for art in articles:
        doc = docs[art.id]
        ents = _entity_index(art, entities)
        for q in find_quantities(art.text):
            tokens = doc.char_span(q.start, q.end, alignment_mode="expand")
            if tokens is None or len(tokens) == 0:
                continue
            if q.kind == "count":
                noun, how = _counted_noun(doc, tokens)
                # a bare quantity that borrows its noun from elsewhere is counted by its own verb
                own = how == "of-phrase" or how in _BARE
                unit = _unit_of(noun, how, tokens.root if own else None)
                about = _about(noun if how != "verb" else None, tokens, unit, ents)
                if how == "verb":
                    about = unit
                elif how in ("preceding", "previous-sentence") and noun is not None \
                        and _verb_unit(tokens.root, True) == unit \
                        and _UNIT_NOUNS.get(noun.lemma_.lower()) not in _PEOPLE_UNITS | {unit}:
                    about = unit  # "the floods drove hundreds from their homes": not floods
            elif q.kind == "duration":
                unit = q.unit or "days"
                verb = tokens.root.head
                while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                    verb = verb.head
                about = verb.lemma_.lower()
            else:
                unit = q.unit or q.kind
                noun, how = _counted_noun(doc, tokens)
                about = _about(noun, tokens, unit, ents) if noun is not None else unit
            if unit == "count" and q.value is None and q.high is not None and q.high < 10:
                continue  # "a few", "several" with nothing counted
            facts.append(Fact(unit=unit, about=about, span=art.span(q.start, q.end),
                              value=q.value, low=q.low, high=q.high))
            approx.append(q.approx)
    return _mark_conflicts(facts, approx)


def fact_bounds(fact: Fact, approx: bool = False) -> tuple[float, float]:
    """Return the closed interval a fact allows (±10 % when ``approx``)."""
    if fact.value is not None:
        slack = 0.1 * abs(fact.value) if approx else 0.0
        return fact.value - slack, fact.value + slack
    low = fact.low if fact.low is not None else float("-inf")
    high = fact.high if fact.high is not None else float("inf")
    return low, high


def compatible(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Return whether two closed intervals overlap."""
    return a[0] <= b[1] and b[0] <= a[1]


def fact_key(fact: Fact) -> tuple[str, str]:
    """Return the grouping key of a fact: same unit and same subject."""
    return fact.unit, fact.about


def _mark_conflicts(facts: list[Fact], approx: list[bool]) -> list[Fact]:
    groups: dict[tuple[str, str], list[int]] = {}
    for i, f in enumerate(facts):
        if f.unit == "count" or f.about in ("", "count"):
            continue
        groups.setdefault(fact_key(f), []).append(i)
    flagged: set[int] = set()
    for idx in groups.values():
        for a in idx:
            for b in idx:
                if a < b and facts[a].span.article != facts[b].span.article:
                    if not compatible(fact_bounds(facts[a], approx[a]), fact_bounds(facts[b], approx[b])):
                        flagged.update((a, b))
    return [replace(f, conflict=True) if i in flagged else f for i, f in enumerate(facts)]
