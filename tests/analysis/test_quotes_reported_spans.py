"""Reported speech the rules and the model share: which clause a cue reports, contents that open
with a partial quote, clauses the tagger gave no finite verb (made-up sentences, real spaCy)."""

from __future__ import annotations

from newsdossier.analysis.quotes import extract_quotes
from newsdossier.model import Article


def _quotes(nlp, text: str) -> list[tuple[str, str, str | None]]:
    art = Article.create(text, "spans#0")
    quotes = extract_quotes([art], {art.id: nlp(text)})
    return [(str(q.kind), q.span.text, q.speaker.name if q.speaker else None) for q in quotes]


def _indirect(nlp, text: str) -> list[str]:
    return [t for kind, t, _ in _quotes(nlp, text) if kind == "indirect"]


def test_the_clause_after_the_cue_is_the_one_reported(nlp) -> None:
    # the parse hangs the first clause on "says" too; what the team says comes after it
    text = "It is an extremely unlikely scenario; the campaign team says she will continue her tour this week."
    found = _indirect(nlp, text)
    assert "she will continue her tour this week" in found
    assert not any(t.startswith("It is an extremely unlikely scenario") for t in found)


def test_content_opening_with_a_partial_quote_after_that(nlp) -> None:
    text = 'The governor told reporters on Friday that "exactly who did it" remains under investigation by the police.'
    found = _quotes(nlp, text)
    assert ("indirect", '"exactly who did it" remains under investigation by the police', "governor") in [
        (k, t, s.split()[-1] if s else None) for k, t, s in found]


def test_a_whole_quote_after_that_stays_a_direct_quote_only(nlp) -> None:
    text = 'The commission said on its website that "there were issues with the sound in the hall."'
    assert _indirect(nlp, text) == []
    assert any(kind == "direct" for kind, _, _ in _quotes(nlp, text))


def test_a_quote_and_its_own_attribution_are_no_reported_content(nlp) -> None:
    # no "that" before the mark: the words after the quote are its attribution, not more content
    text = ('"You know how things are now; they get taken away," the lawyer told the husband in a recorded '
            'call, according to the indictment.')
    assert not any(t.startswith('"You know') for t in _indirect(nlp, text))


def test_subjunctive_clause_is_reported(nlp) -> None:
    text = "The city council is demanding that the campaign stop using the photos of its officers."
    assert any(t.startswith("the campaign stop using the photos") for t in _indirect(nlp, text))


def test_clause_with_no_subject_stays_out(nlp) -> None:
    # "filled" has no subject of its own: no clause, no report
    assert _indirect(nlp, "She finds in the cabin a mysterious old book filled with maps of the coast.") == []


def test_participle_clause_is_no_report(nlp) -> None:
    # "the cup being thrown" has a subject but no finite verb: the parse cut the clause short
    found = _indirect(nlp, "However, Maria thought the cup being thrown was meant for her sister.")
    assert "the cup being thrown" not in found
