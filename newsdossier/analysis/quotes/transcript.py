"""Broadcast and interview transcripts: every turn is a direct quote of the speaker its label names.

Finding the turns (which labelled paragraphs make a conversation, and whose they are) is
:func:`..layout.find_turns`; see :mod:`..layout` for the rules. Here the turns replace the
attributions the marks-based finder makes inside them: quotation marks inside a turn are the turn
speaker quoting someone, so the speech verb and subject next to the marks give nonsense speakers
("the whole approach of everything").
"""

from __future__ import annotations

import re

from ...model import SpeakerLink
from ..layout import Paragraph, Turn, display_name, find_turns
from .attribution import Record
from .phrases import Phrase

__all__ = ["apply", "find_turns", "display_name", "Turn"]

_NAME = re.compile(r"[A-Z][\w.'’-]*\w\.?(?:\s+[A-Z][\w.'’-]*\w\.?)*")  # "Eric Cantor", not "If--"


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
