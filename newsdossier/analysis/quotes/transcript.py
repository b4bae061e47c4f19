"""Broadcast and interview transcripts: every turn is a direct quote of the speaker its label names.

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

from ...lang.en import ENTITY_TITLE_WORDS, OFFICE_TITLE_WORDS, SECTION_LABEL_WORDS
from ...model import SpeakerLink
from .attribution import Record
from .marks import Paragraph
from .phrases import Phrase

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
_NAME = re.compile(r"[A-Z][\w.'’-]*\w\.?(?:\s+[A-Z][\w.'’-]*\w\.?)*")  # "Eric Cantor", not "If--"


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


def apply(text: str, paras: list[Paragraph], direct: list[Record], indirect: list[Record]
          ) -> tuple[list[Record], list[Record]]:
    """Replace the attributions inside a transcript's turns by one quote per turn.

    Direct quotes in marks inside a turn (the speaker quoting someone) and any attribution whose
    speaker phrase is a label are dropped; reported speech inside a turn is kept only with a
    named person as its source ("Eric Cantor said he's not going to ...", in the president's
    turn). A text that is not a transcript is returned unchanged.
    """
    turns = find_turns(text, paras)
    if not turns:
        return direct, indirect
    spans = [(t.start, t.end) for t in turns]
    labels = [(t.label_start, t.start) for t in turns]

    def inside(pos: int, ranges: list[tuple[int, int]]) -> bool:
        return any(a <= pos < b for a, b in ranges)

    def on_label(rec: Record) -> bool:
        return rec.phrase is not None and inside(rec.phrase.name_start, labels)

    def named(rec: Record) -> bool:
        ph = rec.phrase
        return ph is not None and ph.kind == "person" and _NAME.fullmatch(ph.name) is not None

    kept = [r for r in direct if not inside(r.start, spans) and not on_label(r)]
    # spoken sentences run on and break off ("If-- we should do nothing ..."): inside a turn only
    # reported speech with a named person as its source is kept
    reported = [r for r in indirect if not on_label(r) and (not inside(r.start, spans) or named(r))]
    for t in turns:
        name = display_name(t.name)
        phrase = Phrase(t.label_start, t.label_end, t.name_start, t.label_end, name,
                        t.role.lower() if t.role else None, "person")
        conf = 0.9 if len(t.name.split()) > 1 else 0.8  # a surname alone, never given in full
        kept.append(Record("direct", t.start, t.end, t.para, phrase=phrase, how="transcript", speaker=phrase,
                           link=str(SpeakerLink.NAMED), speaker_conf=conf))
    return kept, reported
