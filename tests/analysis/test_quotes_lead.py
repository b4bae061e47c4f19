"""Speakers read from an unseen DUC story (2026-12-02, third session): a pronoun never goes to a name
inside what was said, a name that qualifies a noun ("the Morrison family") is not the speaker, and a
quote closed on its own full stop is not attributed by the next sentence's "X said ...".

Made-up sentences, a real spaCy pipeline (the ``nlp`` fixture).
"""

from __future__ import annotations

from .test_quotes_narration import run
from .test_quotes_narration import speaker_of as speaker


def test_a_pronoun_speaker_is_never_a_name_inside_the_report(nlp) -> None:
    quotes = run(nlp, "Officials named the harbour master, Olav Tersk, on Monday.\n\n"
                      "A dock worker, who asked not to be named, said he saw the crew board at 8 p.m. "
                      "Tersk was wearing a yellow coat and his deputy carried the log book, he said.")
    assert speaker(quotes, "yellow coat") != "Olav Tersk"


def test_a_name_that_qualifies_a_noun_is_not_the_speaker(nlp) -> None:
    quotes = run(nlp, "Searchers began at midnight when members of the Morrison family said the boat "
                      "had not reached the island on Friday night.")
    assert speaker(quotes, "had not reached") != "Morrison"


def test_a_quote_closed_on_its_full_stop_keeps_the_speaker_before_it(nlp) -> None:
    quotes = run(nlp, "The mechanic had checked the engine twice. ``It always started on the first try,'' "
                      "said the mechanic. ``He may have been getting used to a new boat.'' Marine experts "
                      "said he might have been practising for a longer crossing.")
    assert speaker(quotes, "getting used to a new boat") != "Marine experts"
