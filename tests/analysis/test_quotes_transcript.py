"""Broadcast and interview transcripts: each turn is a quote of the speaker its label names.

Made-up transcripts, a real spaCy pipeline (the ``nlp`` fixture).
"""

from __future__ import annotations

from newsdossier.analysis.entities import resolve_entities
from newsdossier.analysis.quotes import extract_quotes
from newsdossier.analysis.quotes.marks import paragraphs
from newsdossier.analysis.quotes.transcript import display_name, find_turns
from newsdossier.model import Article, QuoteKind

TRANSCRIPT = """A 90-year-old baker wants the town to keep its bread festival.

DANA HOLLOWAY, HOST:

This week, the council of Orvale votes on the festival. We went to meet the woman behind it.

MARGIT ELSTER: I kept telling the council, and I think they thought, well, she's stubborn.

HOLLOWAY: That's Margit Elster. The mayor told us, "The festival costs too much," and she disagrees.

ELSTER: People say "It's only bread." It is not only bread. It is the town.

HOLLOWAY: And she says she will keep baking until the vote.
"""


def _quotes(nlp, text: str):
    art = Article.create(text, "transcript#0")
    docs = {art.id: nlp(art.text)}
    entities = resolve_entities([art], docs)
    return art, extract_quotes([art], docs, entities)


def test_turns_are_found_and_short_labels_resolved() -> None:
    turns = find_turns(TRANSCRIPT, paragraphs(TRANSCRIPT))
    assert [t.name for t in turns] == ["DANA HOLLOWAY", "MARGIT ELSTER", "DANA HOLLOWAY", "MARGIT ELSTER",
                                       "DANA HOLLOWAY"]
    assert turns[0].role == "HOST"
    # the label standing alone on its line: the turn is the next paragraph
    assert TRANSCRIPT[turns[0].start : turns[0].end].startswith("This week, the council")
    assert display_name("DANA HOLLOWAY") == "Dana Holloway"


def test_every_turn_is_a_quote_of_its_speaker(nlp) -> None:
    art, quotes = _quotes(nlp, TRANSCRIPT)
    direct = [q for q in quotes if q.kind == QuoteKind.DIRECT]
    by_start = {q.span.start: q for q in direct}
    turns = find_turns(art.text, paragraphs(art.text))
    for t in turns:
        q = by_start[t.start]
        assert q.span.end == t.end
        assert q.speaker is not None and q.speaker.name == display_name(t.name)
        assert q.confidence >= 0.8
    # the words in marks inside a turn are the turn speaker's quoting, not separate quotes with
    # speakers guessed from the sentence around them
    assert len(direct) == len(turns)


def test_headings_with_colons_are_not_a_transcript() -> None:
    text = ("UPDATE: The council met again on Monday.\n\nRELATED: The bridge vote.\n\n"
            "UPDATE: The vote was put off.\n\nRELATED: The festival.\n\nUPDATE: A date is set.\n")
    assert find_turns(text, paragraphs(text)) == []
    one_voice = "\n\n".join(f"ELSTER: Line {i} of a statement." for i in range(6))
    assert find_turns(one_voice, paragraphs(one_voice)) == []


def test_labels_are_people_and_role_words_no_names(nlp) -> None:
    art = Article.create(TRANSCRIPT, "transcript#0")
    entities = resolve_entities([art], {art.id: nlp(art.text)})
    names = {e.name.lower(): e for e in entities}
    assert "host" not in names
    labelled = [e for e in entities if any(m.text.isupper() for m in e.mentions)]
    assert labelled and all(e.kind == "person" for e in labelled)


def test_a_summary_sentence_is_cited_without_its_speaker_label(nlp) -> None:
    from newsdossier.analysis.summary.candidates import candidates
    from newsdossier.analysis.summary.config import SummaryConfig

    art = Article.create(TRANSCRIPT, "transcript#0")
    sents = candidates([art], {art.id: nlp(art.text)}, SummaryConfig())
    starts = [art.text[s.start : s.end] for s in sents]
    assert any(t.startswith("That's Margit Elster.") for t in starts)
    assert not any(t.startswith(("HOLLOWAY:", "ELSTER:", "MARGIT ELSTER:")) for t in starts)
