"""Find text in quotation marks: straight and typographic marks, multi-paragraph quotes.

Works on the raw article text, paragraph by paragraph (a paragraph is a non-blank line). A
quote left open at the end of a paragraph continues when the next paragraph opens with a
mark (the newspaper convention); otherwise it is bounded by its paragraph and flagged
``unbalanced``. Nothing here raises on odd input.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ...lang.en import TITLE_INTRODUCERS
from ...lang.en_quotes import CATEGORY_NOUNS, WORK_MAKER_NOUNS, WORK_NOUNS
from ..layout import Paragraph, paragraphs
from .lexicon import CLOSE_MARKS, DETERMINERS, OPEN_MARKS, STRAIGHT, TERM_INTRODUCERS, TITLE_SMALL_WORDS

_WORK_APPOSITION = re.compile(
    r"[’'\"”]*\s*,?[’'\"”]*\s+(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+){0,3}?(?:"
    + "|".join(sorted(WORK_NOUNS)) + r")\b(?=\s*(?:[,.;:)]|$|(?:on|about|of|by|from|for|in|published|released)\b))", re.I)
_WORD = re.compile(r"[^\W_]+(?:[’'\-.][^\W_]+)*", re.UNICODE)
_SENT_END = ".!?…"
# a closing "”" (UTF-8 e2 80 9d) decoded as Windows-1252, whose 0x9d is undefined: the replacement
# character, then "?" where the decoder had no character for the byte
GARBLED_CLOSE = "\ufffd?"


class QuoteRanges(list[tuple[int, int]]):
    """The character ranges of an article's quotes (``(open, after)`` pairs), with a membership
    test in log time: sorted and merged once, so checking every token of a 150 KB page stays
    linear (a list scanned per token was quadratic)."""

    def __init__(self, ranges: Iterable[tuple[int, int]] = ()) -> None:
        super().__init__(ranges)
        merged: list[list[int]] = []
        for a, b in sorted(self):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self._starts = [m[0] for m in merged]
        self._ends = [m[1] for m in merged]

    def covers(self, pos: int) -> bool:
        """Whether ``pos`` lies inside one of the ranges."""
        k = bisect.bisect_right(self._starts, pos) - 1
        return k >= 0 and pos < self._ends[k]


def covered(pos: int, ranges: list[tuple[int, int]]) -> bool:
    """Whether ``pos`` lies inside one of ``ranges`` (fast for :class:`QuoteRanges`)."""
    if isinstance(ranges, QuoteRanges):
        return ranges.covers(pos)
    return any(a <= pos < b for a, b in ranges)


@dataclass(slots=True)
class Marked:
    """Text between quotation marks.

    Attributes:
        open: offset of the opening mark.
        close: offset of the closing mark, or ``None`` when the quote was never closed.
        start: first character of the content (after the mark and any space).
        end: end of the content (before the closing mark, trailing space stripped).
        paragraphs: indices of the paragraphs the quote runs through.
        flags: ``unbalanced``, ``continued``.
    """

    open: int
    close: int | None
    start: int
    end: int
    paragraphs: list[int] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    close_width: int = 1

    @property
    def after(self) -> int:
        """Offset just after the quote (after the closing mark when there is one)."""
        return self.close + self.close_width if self.close is not None else self.end


def _mark_role(text: str, i: int, lo: int, hi: int, width: int = 1) -> str:
    """Return ``open``, ``close`` or ``either`` for the mark at ``i`` in paragraph ``lo:hi``."""
    ch = text[i]
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + width] if i + width < hi else " "
    if ch in OPEN_MARKS or ch == "‟":
        return "open"
    if ch in CLOSE_MARKS or text[i : i + 2] == "’’":
        # a closing mark used as an opener at a word start ("”Fear. I am ...")
        if (prev.isspace() or i == lo) and nxt.isalnum():
            return "open"
        return "close"
    # the straight mark (or two apostrophes): decide by its neighbours
    if (prev.isspace() or prev in "([{—–-/" + OPEN_MARKS) and not nxt.isspace():
        return "open"
    if not prev.isspace() and (nxt.isspace() or not nxt.isalnum()):
        return "close"
    return "either"


@dataclass(frozen=True, slots=True)
class _Mark:
    pos: int
    width: int
    role: str
    style: str  # "typo" or "straight"


def _double_marks(text: str, lo: int, hi: int) -> list[_Mark]:
    """Every double quotation mark of ``text[lo:hi]``, whatever its style.

    Styles: ``typo`` (“ ” „ « » ‟), ``straight`` ("), ``straight2`` (two apostrophes, used to open
    and to close), ``wire`` (two backticks, the newswire opener, closed by two apostrophes) and
    ``typo2`` (‘‘ or ’’, doubled single marks).
    """
    out = []
    i = lo
    while i < hi:
        ch = text[i]
        two = text[i : i + 2]
        if ch in OPEN_MARKS or ch in CLOSE_MARKS or ch == "‟":
            out.append(_Mark(i, 1, _mark_role(text, i, lo, hi), "typo"))
        elif ch == STRAIGHT:
            out.append(_Mark(i, 1, _mark_role(text, i, lo, hi), "straight"))
        elif two == "``":
            out.append(_Mark(i, 2, "open", "wire"))
            i += 1
        elif two == GARBLED_CLOSE and i > lo and not text[i - 1].isspace():
            # "”" read in the wrong encoding ("…thing,\ufffd? she said"): the closing mark, not a
            # question mark, else the quote runs on into the narration after it
            out.append(_Mark(i, 2, "close", "typo"))
            i += 1
        elif two in ("’’", "‘‘") and text[i + 2 : i + 3] not in ("’", "‘"):
            role = "open" if two == "‘‘" else _mark_role(text, i, lo, hi, 2)
            out.append(_Mark(i, 2, "close" if role == "either" else role, "typo2"))
            i += 1
        elif two == "''" and text[i + 2 : i + 3] != "'":
            out.append(_Mark(i, 2, _mark_role(text, i, lo, hi, 2), "straight2"))
            i += 1
        i += 1
    return out


def _single_marks(text: str, lo: int, hi: int) -> list[_Mark]:
    """Typographic single marks used as outer quotes (only when a paragraph has no double marks).

    An opener is ‘ at a word start; a closer is ’ not followed by a letter (so apostrophes in
    words such as "don’t" are never closers).
    """
    out = []
    for i in range(lo, hi):
        ch = text[i]
        prev = text[i - 1] if i > lo else " "
        nxt = text[i + 1] if i + 1 < hi else " "
        if ch == "‘" and (prev.isspace() or prev in "([{—–-") and nxt.isalnum():
            out.append(_Mark(i, 1, "open", "single"))
        elif ch == "’" and not nxt.isalnum() and prev not in " ":
            out.append(_Mark(i, 1, "close", "single"))
    if not any(m.role == "open" for m in out):
        return []
    return out


def _content(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _opens(text: str, para: Paragraph) -> _Mark | None:
    marks = _double_marks(text, para.start, min(para.end, para.start + 2))
    if marks and marks[0].pos == para.start and marks[0].role != "close":
        return marks[0]
    return None


def _closes(style: str, mk: _Mark) -> bool:
    """Whether a mark of another style closes a quote opened in ``style``: any unambiguous
    closing mark does (quotes opened with one kind of mark and closed with another are a common
    slip, and wire-style quotes open with backticks and close with apostrophes)."""
    return bool(style) and mk.role == "close"


def find_marked(text: str, paras: list[Paragraph] | None = None) -> list[Marked]:
    """Return every span of ``text`` in quotation marks, in text order.

    Marks of the other style inside a quote are nested quotes and are skipped; a typographic
    quote may close with a straight mark (a common slip).

    Args:
        text: an article text.
        paras: its paragraphs (computed when not given).

    Returns:
        The quotes found, each with its mark and content offsets; unclosed quotes are bounded
        by their paragraph (or carried into the next paragraph when that one opens with a mark).
    """
    paras = paras if paras is not None else paragraphs(text)
    found: list[Marked] = []
    carry: Marked | None = None  # a quote left open at the end of the previous paragraph
    for k, para in enumerate(paras):
        marks = _double_marks(text, para.start, para.end) or _single_marks(text, para.start, para.end)
        current: Marked | None = None
        style = ""
        nested = 0
        if carry is not None:
            first = _opens(text, para)
            if first is not None and marks and marks[0].pos == first.pos:
                current = carry
                current.paragraphs.append(para.index)
                if "continued" not in current.flags:
                    current.flags.append("continued")
                style = first.style
                marks = marks[1:]
            else:
                carry.flags.append("unbalanced")
                found.append(carry)
            carry = None
        for mk in marks:
            if current is None:
                if mk.role == "close":
                    continue  # a stray closing mark: nothing to pair it with
                s, _ = _content(text, mk.pos + mk.width, para.end)
                current = Marked(mk.pos, None, s, s, [para.index])
                style, nested = mk.style, 0
                continue
            if mk.style != style and not (nested == 0 and _closes(style, mk)):
                # a quote inside the quote
                if mk.role == "open" or (mk.role == "either" and nested == 0):
                    nested += 1
                elif nested:
                    nested -= 1
                continue
            if mk.role == "open" and mk.style == "typo" and text[mk.pos] in OPEN_MARKS:
                # a new opening mark while one is open: the first never closed
                _, e = _content(text, current.start, mk.pos)
                current.end = max(current.start, e)
                current.flags.append("unbalanced")
                found.append(current)
                s, _ = _content(text, mk.pos + 1, para.end)
                current = Marked(mk.pos, None, s, s, [para.index])
                nested = 0
                continue
            current.close = mk.pos
            current.close_width = mk.width
            _, e = _content(text, current.start, mk.pos)
            current.end = max(current.start, e)
            found.append(current)
            current = None
        if current is not None:
            _, e = _content(text, current.start, para.end)
            current.end = max(current.start, e)
            nxt = paras[k + 1] if k + 1 < len(paras) else None
            # a partial quote inside the narration's own clause ("coffeehouses ``are already all
            # over the place.") whose closing mark was dropped does not run on into the next
            # paragraph's quote ("..., said X, “who really ..." after a comma still may)
            lead = text[para.start : current.open].rstrip()
            partial = text[current.start : current.start + 1].islower() and lead[-1:].isalnum()
            if nxt is not None and _opens(text, nxt) is not None and current.end > current.start and not partial:
                carry = current
            else:
                current.flags.append("unbalanced")
                found.append(current)
    if carry is not None:
        carry.flags.append("unbalanced")
        found.append(carry)
    return [m for m in found if m.end > m.start]


def words(text: str) -> list[str]:
    """Return the words of ``text`` (letters and digits, inner apostrophes and hyphens kept)."""
    return _WORD.findall(text)


def is_term(text: str, quote: Marked) -> bool:
    """Tell whether a marked span is a term, a title or a scare quote (see :func:`term_kind`)."""
    return term_kind(text, quote) is not None


def term_kind(text: str, quote: Marked) -> str | None:
    """Tell whether a marked span is a scare quote, a coined term or a title rather than speech.

    Rules (general, language-level): one or two words (``word``); a short phrase right after a
    word such as "so-called" or "dubbed", or used as a modifier (after a determiner and followed
    by a lower-case word) (``term``); a short phrase in title case (``title``).

    Returns:
        ``word``, ``term`` or ``title``; ``None`` for a real quote.
    """
    content = text[quote.start : quote.end]
    ws = words(content)
    if len(ws) <= 2:
        return "word"
    before = text[max(0, quote.open - 40) : quote.open]
    prev_words = words(before)
    prev = prev_words[-1].lower() if prev_words else ""
    if prev in TITLE_INTRODUCERS:
        return "title"
    if prev == "of" and len(prev_words) > 1:
        # "publisher of "Tea Is Hot"": a work's title; "a list of "chemicals known to ..."": a
        # category's name
        maker = prev_words[-2].lower()
        if maker in WORK_MAKER_NOUNS:
            return "title"
        if maker in CATEGORY_NOUNS:
            return "term"
    if len(ws) <= 12 and _WORK_APPOSITION.match(text, quote.after):
        return "title"  # ""Tea Is Hot," an annual report on the tea industry": named in apposition
    if len(ws) > 8:
        return None
    if prev in TERM_INTRODUCERS:
        return "term"
    after = text[quote.after : quote.after + 30]
    followed_by_word = bool(re.match(r"\s+[a-z]", after))
    if prev in DETERMINERS and followed_by_word and not content.rstrip().endswith(","):
        return "term"
    alpha = [w for w in ws if w[0].isalpha()]
    inner = content.rstrip().rstrip(",.")
    if (
        alpha
        and len(ws) <= 6
        and not any(ch in inner for ch in _SENT_END + ",;:")
        and all(w[0].isupper() or w.lower() in TITLE_SMALL_WORDS for w in alpha)
        and alpha[0][0].isupper()
    ):
        return "title"
    return None
