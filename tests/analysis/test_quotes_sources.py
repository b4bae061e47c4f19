"""Speakers a journalist can trust, fourth round (issue 14, 2026-12-03): names given to things,
picture captions and credits, nationality, role and title words around a name, an attribution
at the tail of a reported clause, and a report whose content is another report.

Made-up sentences, a real spaCy pipeline (the ``nlp`` fixture).
"""

from __future__ import annotations

import pytest

from newsdossier.analysis.quotes import extract_quotes
from newsdossier.model import Article, Quote, QuoteKind


def run(nlp, text: str) -> list[Quote]:
    art = Article.create(text, "sources#0")
    return extract_quotes([art], {art.id: nlp(art.text)})


def speakers_of(quotes: list[Quote], part: str) -> list[str | None]:
    hits = [q for q in quotes if part in q.span.text]
    assert hits, [q.span.text for q in quotes]
    return [q.speaker.name if q.speaker is not None and q.speaker.resolved else None for q in hits]


# ------------------------------------------------------------------------ names given to things


@pytest.mark.parametrize(
    "text",
    [
        'Earlier this week, Baltic Ferries won the top prize in the harbour awards, which it dubs "the crown of '
        'the northern seas." The line ranked first.',
        'The council declared what it called a "state of civic emergency over the flood in the old town" on '
        "Monday.",
    ],
)
def test_a_name_a_naming_verb_gives_to_a_relative_is_no_quote(nlp, text: str) -> None:
    assert not [q for q in run(nlp, text) if q.kind == QuoteKind.DIRECT]


def test_words_a_naming_verb_says_of_its_own_object_stay_a_quote(nlp) -> None:
    quotes = run(nlp, 'Officials called the storm "only the beginning" of a hard winter, said Mayor Lena Ortiz.')
    assert [q.span.text for q in quotes if q.kind == QuoteKind.DIRECT] == ["only the beginning"]


# ------------------------------------------------------------------------ captions and credits


@pytest.mark.parametrize("credit", ["AP", "Reuters", "Getty Images"])
def test_a_photo_credit_glued_to_the_next_sentence_is_not_the_speakers_name(nlp, credit: str) -> None:
    text = (f"The hull of a Baltic Ferries ship. {credit} Nordic Rail on Friday said it had received an offer "
            "from Baltic Ferries to buy a stake.")
    assert speakers_of(run(nlp, text), "received an offer") == ["Nordic Rail"]


def test_a_wire_service_that_reports_is_still_the_speaker(nlp) -> None:
    quotes = run(nlp, "The ferry sank at dawn. Reuters reported that all forty passengers were rescued.")
    assert speakers_of(quotes, "passengers were rescued") == ["Reuters"]


def test_a_picture_caption_is_no_report(nlp) -> None:
    text = ("In this May 4, 2026 photo provided by the Norwick Police Department, officers search the river "
            "bank, the department said.\n\nIn this file photo, Mayor Lena Ortiz speaks to reporters in Norwick, "
            "according to the city.")
    assert run(nlp, text) == []


def test_a_statement_opening_a_sentence_is_no_caption(nlp) -> None:
    quotes = run(nlp, "In a statement, the police said photos of the bank were taken on Monday.")
    assert speakers_of(quotes, "photos of the bank") == ["police"]


# ------------------------------------------------------------------------ words around a name


@pytest.mark.parametrize(
    "text, part, speaker",
    [
        ('"We were never told," said Norwegian Kari Dahl, who lost her shop in the flood.', "never told",
         "Kari Dahl"),
        ("Australian Kari Dahl said the show would go on.", "show would go on", "Kari Dahl"),
        ("Star Jones said the show would go on.", "show would go on", "Star Jones"),
    ],
)
def test_a_nationality_or_role_glued_before_a_name_is_not_the_name(nlp, text: str, part: str, speaker: str) -> None:
    assert speakers_of(run(nlp, text), part) == [speaker]


def test_a_title_whose_holder_is_named_after_its_office_is_the_holder(nlp) -> None:
    text = ("Two men were indicted on fraud counts, said Harbour Attorney for the Port of Norwick Daniel K. "
            "Brandt in a statement.")
    assert speakers_of(run(nlp, text), "indicted on fraud") == ["Daniel K. Brandt"]


def test_a_spokeswoman_for_a_person_is_not_that_person(nlp) -> None:
    quotes = run(nlp, "The ferry was late, said a spokeswoman for Ann Lee.")
    assert "Ann Lee" not in speakers_of(quotes, "ferry was late")


# ------------------------------------------------------------------------ attributions in the content


@pytest.mark.parametrize(
    "text, whole, tail",
    [
        ("The mayor's office found that the pumps had failed twice before the flood, according to the city report.",
         "the pumps had failed twice before the flood", "according to"),
        ("He said that on the day of the vote, the council members would wait outside the hall, prosecutors alleged.",
         "on the day of the vote, the council members would wait outside the hall", "prosecutors"),
    ],
)
def test_a_reported_clause_ends_before_an_attribution_of_its_own(nlp, text: str, whole: str, tail: str) -> None:
    quotes = run(nlp, text)
    assert quotes and all(tail not in q.span.text for q in quotes)
    assert {q.span.text for q in quotes} == {whole}


def test_a_report_whose_content_is_another_report_is_that_report(nlp) -> None:
    text = ("In a call between the two chiefs, Baltic Ferries said it wanted a tenth of the shares, Nordic Rail "
            "said in a filing.")
    quotes = run(nlp, text)
    assert [(q.span.text, q.speaker.name if q.speaker else None) for q in quotes] == [
        ("it wanted a tenth of the shares", "Baltic Ferries")]


def test_a_report_that_says_more_than_the_report_inside_it_stays(nlp) -> None:
    quotes = run(nlp, "The pumps failed because Brandt said they were fine, the report said.")
    assert any("The pumps failed" in q.span.text for q in quotes)
    assert "Brandt" in speakers_of(quotes, "they were fine")


@pytest.mark.parametrize(
    "text, part, speaker",
    [
        ('The complaint alleges Brandt called the harbour master in April and said the deal had become "more '
         'complicated" and that he wanted to meet.', "deal had become", "Brandt"),
        ("The lawsuit claims that Ortiz visited the site twice and said the pier was safe.", "pier was safe", "Ortiz"),
        ("Police say Brandt went home and told his wife that the pumps had failed.", "pumps had failed", "Brandt"),
    ],
)
def test_a_past_conjunct_of_a_present_cue_is_said_by_the_reported_clauses_subject(
        nlp, text: str, part: str, speaker: str) -> None:
    assert speakers_of(run(nlp, text), part)[-1] == speaker



@pytest.mark.parametrize(
    "text, content",
    [
        ("But the four-time winner said later the boat had missed both him and his dog.",
         "the boat had missed both him and his dog"),
        ("The mayor said later that the pier would reopen in May.", "the pier would reopen in May"),
        ("She said later years were hard for the town.", "later years were hard for the town"),
    ],
)
def test_an_adverb_right_after_the_cue_dates_the_saying(nlp, text: str, content: str) -> None:
    assert [q.span.text for q in run(nlp, text)] == [content]
