"""Text layout every analysis reads: paragraphs, a leading dateline, transcript turns.

Quotes, names, the summary and the verdicts all need to know where a paragraph starts, where a
wire dateline (``CITY, State (Agency) --``) ends and whether the text is a broadcast transcript.
This module answers those questions once, on the raw article text, and imports no analysis.

Transcripts
-----------
Broadcast and interview transcripts: every turn is a direct quote of the speaker its label names.

A transcript prints each turn after its speaker's name in capitals and a colon::

    MICHEL MARTIN, HOST: This week, thousands of Americans ...
    OPAL LEE: I kept telling family and friends ...
    MARTIN: That's Opal Lee.

Quotation marks inside a turn are the turn speaker quoting someone ("what people are going to
say is, "Who's got a vision ...?""), so the marks-based attribution, which looks for a speech
verb and a subject next to the marks, finds nonsense speakers there ("the whole approach of
everything"). A text is read as a transcript only when its labels look like a conversation: at
least :data:`MIN_TURNS` turns and at least two speakers who each take :data:`MIN_TURNS_EACH`
turns or more, so a page of capitalised section headings ("RESULTS:", "UPDATE:", "RELATED:") is
not one. A short label ("MARTIN") is the full one given earlier with the same last word
("MICHEL MARTIN, HOST"); titles in a label ("PRESIDENT OBAMA") are its speaker's role.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..lang.en import ENTITY_TITLE_WORDS, OFFICE_TITLE_WORDS, SECTION_LABEL_WORDS

__all__ = ["Paragraph", "paragraphs", "dateline_end", "DATELINE_MAX_WORDS", "Turn", "find_turns",
           "display_name"]

DATELINE_MAX_WORDS = 8  # default longest leading dateline, in words (the summary's config may narrow it)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A non-blank line of an article: ``start``/``end`` offsets into its text."""

    index: int
    start: int
    end: int


def paragraphs(text: str) -> list[Paragraph]:
    """Split ``text`` into non-blank lines, trimmed of surrounding white space."""
    out: list[Paragraph] = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append(Paragraph(len(out), start, end))
    return out


_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'’\-]+(?:[ ,]+[A-Z][A-Za-z.'’\-]+){0,4}"          # CITY, State
    r"(?:\s+\d{1,2}(?:,\s*\d{4})?)?\s*)?"                                # , August 18[, 1997]
    r"(?:\((?:[A-Z][\w.\- ]{0,30})\)\s*)?"                              # (Agency)
    r"(?:--|—|–|-|_)\s+"                                                # dash
)


def dateline_end(text: str, max_words: int = DATELINE_MAX_WORDS) -> int:
    """Return where a leading dateline (``CITY (Agency) —``) of at most ``max_words`` words
    ends in ``text``, else 0 (the verdicts read it too: a dateline is never a target)."""
    m = _DATELINE.match(text)
    if m and m.end() < len(text) and len(text[: m.end()].split()) <= max_words:
        return m.end()
    return 0


MIN_TURNS = 4          # fewer labelled paragraphs are headings, not a conversation
MIN_TURNS_EACH = 2     # at least two speakers take this many turns each
MAX_LABEL_WORDS = 5    # "GEORGE STEPHANOPOULOS", "MICHEL MARTIN, HOST", "SEN. JOHN DOE (R-OH)"

# NAME[, ROLE]: at a paragraph's start, every letter in capitals; the interviewer's bare "Q".
_LABEL = re.compile(
    r"(?P<label>(?P<name>Q|[A-Z][A-Z.'’\-]*(?:\s+[A-Z][A-Z.'’\-]*){0,4})"
    r"(?:\s*,\s*(?P<role>[A-Z][A-Z.'’\- ]{1,40}?))?(?:\s*\([A-Z0-9\-. ]{1,12}\))?)\s*:(?:\s+|$)"
)
_TITLES = frozenset(w.upper().rstrip(".") for w in (*ENTITY_TITLE_WORDS, *OFFICE_TITLE_WORDS))
_INTERVIEWER = "Q"


@dataclass(frozen=True, slots=True)
class Turn:
    """One turn of a transcript.

    Attributes:
        para: index of the paragraph whose label opens the turn.
        label_start: offset of the label.
        label_end: offset of the label's name (without title or role) end.
        name_start: offset of the speaker's name within the label.
        start: first character of what the speaker says.
        end: end of what the speaker says (the end of the labelled paragraph, or of the paragraph
            after a label standing alone on its line).
        name: the speaker's name as labelled, in capitals, resolved to the full label form.
        role: the title or role the labels give (``HOST``, ``PRESIDENT``), or ``None``.
    """

    para: int
    label_start: int
    label_end: int
    name_start: int
    start: int
    end: int
    name: str
    role: str | None


def _split_title(name: str) -> tuple[str, str | None]:
    words = name.split()
    titles: list[str] = []
    while len(words) > 1 and words[0].rstrip(".") in _TITLES:
        titles.append(words.pop(0))
    return " ".join(words), (" ".join(titles) if titles else None)


def _labelled(text: str, paras: list[Paragraph]) -> list[tuple[Paragraph, re.Match[str]]]:
    out = []
    for p in paras:
        m = _LABEL.match(text, p.start, p.end)
        if m is None or len(m.group("name").split()) > MAX_LABEL_WORDS:
            continue
        if m.group("name") != _INTERVIEWER and not re.search(r"[A-Z]{2}", m.group("name")):
            continue  # "A:" or "I:": a list letter
        out.append((p, m))
    return out


def find_turns(text: str, paras: list[Paragraph]) -> list[Turn]:
    """Return the turns of a transcript, or ``[]`` when the text is not one.

    Turns by the interviewer's bare ``Q`` count towards the conversation but are not returned
    (no one is named).
    """
    labelled = _labelled(text, paras)
    if len(labelled) < MIN_TURNS:
        return []
    by_last = Counter(_split_title(m.group("name"))[0].split()[-1] for _, m in labelled)
    talkers = [w for w, n in by_last.items() if n >= MIN_TURNS_EACH and w.lower().strip(".") not in SECTION_LABEL_WORDS]
    if len(talkers) < 2:
        return []
    full: dict[str, str] = {}
    roles: dict[str, str] = {}
    turns: list[Turn] = []
    index = {p.index: p for p in paras}
    for p, m in labelled:
        name, title = _split_title(m.group("name"))
        last = name.split()[-1]
        if len(name.split()) > len(full.get(last, "").split()):
            full[last] = name
        role = m.group("role") or title
        if role:
            roles.setdefault(last, role.strip())
        if name == _INTERVIEWER:
            continue
        start, end = m.end(), p.end
        if start >= end:  # "MICHEL MARTIN, HOST:" alone: the next paragraph is the turn
            nxt = index.get(p.index + 1)
            if nxt is None or _LABEL.match(text, nxt.start, nxt.end):
                continue
            start, end = nxt.start, nxt.end
        name_start = m.start("name") + m.group("name").rfind(name)
        turns.append(Turn(p.index, m.start("label"), name_start + len(name), name_start, start, end,
                          full[last], roles.get(last)))
    return turns


def display_name(label: str) -> str:
    """A label's name in the case a reader expects: ``MICHEL MARTIN`` is ``Michel Martin``."""
    return " ".join(w[:1] + w[1:].lower() if not re.fullmatch(r"(?:[A-Z]\.)+", w) else w for w in label.split())
