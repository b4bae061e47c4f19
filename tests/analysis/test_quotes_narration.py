"""Speakers a journalist can trust, third round (issue 14, 2026-12-02 third session): owned
sources, relatives, epithets, words quoted from someone else, questions, beliefs nested in
reports, headings and datelines glued to a record, and direct attributions the parse misses.

Made-up sentences, a real spaCy pipeline (the ``nlp`` fixture).
"""

from __future__ import annotations

import pytest

from newsdossier.analysis.quotes import extract_quotes
from newsdossier.model import Article, Quote


def run(nlp, text: str) -> list[Quote]:
    art = Article.create(text, "narration#0")
    return extract_quotes([art], {art.id: nlp(art.text)})


def speaker_of(quotes: list[Quote], part: str) -> str | None:
    hits = [q for q in quotes if part in q.span.text]
    assert len(hits) == 1, [q.span.text for q in quotes]
    sp = hits[0].speaker
    return sp.name if sp is not None and sp.resolved else None


# ------------------------------------------------------------ sources and people the article names


@pytest.mark.parametrize(
    "text, part, speaker",
    [
        ("Maria Quell ran the harbour office for ten years. She left in May.\n\n"
         "Quell moved to a job in Oslo with a shipping firm, according to her LinkedIn page.", "job in Oslo", "Maria Quell"),
        ("Tomas Brenner crashed his boat into the pier on Friday night. He had been drinking.\n\n"
         "According to his version of events, he fell asleep at the wheel and woke up on the rocks.", "fell asleep",
         "Tomas Brenner"),
        ("Peter Hansen won the regatta for a fourth time on Sunday. The four-time champion said the wind had "
         "been kind to him.", "wind had been kind", "Peter Hansen"),
    ],
)
def test_an_owned_source_or_an_epithet_speaks_for_the_one_named(nlp, text: str, part: str, speaker: str) -> None:
    assert speaker_of(run(nlp, text), part) == speaker


def test_a_named_kind_of_account_is_not_its_owner(nlp) -> None:
    text = ("Kim Lehmkuhl was the city clerk for two years. She had been known for posting during council "
            "meetings.\n\nLehmkuhl took a job in Washington with a union, according to her Twitter account.")
    assert speaker_of(run(nlp, text), "job in Washington") == "Kim Lehmkuhl"


def test_the_sentence_before_glued_to_a_speaker_is_cut(nlp) -> None:
    text = '"I take issue with that," said Lehmkuhl on January 8, 2014.City leaders say the resignation saves money.'
    assert speaker_of(run(nlp, text), "resignation saves") == "City leaders"


def test_a_relative_is_not_the_person_named_in_the_possessive(nlp) -> None:
    quotes = run(nlp, "Tomas Brenner's mother said the boat had been repaired twice last year.")
    assert speaker_of(quotes, "repaired twice") == "Tomas Brenner's mother"


def test_a_statement_still_speaks_for_its_owner(nlp) -> None:
    quotes = run(nlp, "Peter Hansen spoke on Friday. According to Hansen's statement, the pier will reopen in May.")
    assert speaker_of(quotes, "pier will reopen") == "Hansen"


@pytest.mark.parametrize(
    "text, speaker",
    [
        ('On Monday the mayor quoted Abraham Lincoln: "A house divided against itself cannot stand." The crowd cheered.',
         "Abraham Lincoln"),
        ('Peter Hansen spoke to the council on Friday. He quoted Winston Churchill: "Never give in, never give in, '
         'never, never, never." Then he sat down.', "Winston Churchill"),
    ],
)
def test_words_quoted_from_someone_else_are_theirs(nlp, text: str, speaker: str) -> None:
    quotes = [q for q in run(nlp, text) if q.kind == "direct"]
    assert len(quotes) == 1 and quotes[0].speaker is not None and quotes[0].speaker.name == speaker


# ------------------------------------------------------------ narration that looks like a report


def test_a_question_put_is_no_report(nlp) -> None:
    quotes = run(nlp, "When asked if he thought the pier should close, Tomas Brenner said that he did.")
    assert [q.span.text for q in quotes if "pier should close" in q.span.text] == []


def test_a_question_keeps_what_was_said_beside_it(nlp) -> None:
    quotes = run(nlp, "Reporters asked whether the pier would close. Tomas Brenner said the pier would stay open all year.")
    assert [q.span.text for q in quotes if "would close" in q.span.text] == []
    assert speaker_of(quotes, "stay open") == "Tomas Brenner"


def test_a_belief_said_is_one_record(nlp) -> None:
    quotes = run(nlp, "Both sailors said they believed the storm had moved the buoys overnight.")
    assert [q.span.text for q in quotes if q.kind == "indirect"] == [
        "they believed the storm had moved the buoys overnight"]


def test_a_second_source_inside_a_report_stays(nlp) -> None:
    quotes = run(nlp, "In a call with the board, the union said the workers wanted a raise, the company said in a filing.")
    texts = [q.span.text for q in quotes if q.kind == "indirect"]
    assert any(t.startswith("the workers wanted a raise") for t in texts), texts


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("HARBOUR WATCH Fishermen said on Tuesday that the new pier would open in June.", "Fishermen"),
        ("CHINA CURRENCY BILL Senators said the vote would come on Friday.", "Senators"),
        ("NASA officials said the launch would happen on Friday.", "NASA officials"),
    ],
)
def test_an_all_caps_heading_is_not_part_of_the_speaker(nlp, text: str, speaker: str) -> None:
    quotes = [q for q in run(nlp, text) if q.kind == "indirect"]
    assert len(quotes) == 1 and quotes[0].speaker is not None and quotes[0].speaker.name == speaker


def test_a_dateline_is_not_part_of_a_report(nlp) -> None:
    text = ("Flowers were left at the school on Tuesday. (AP Photo)\n\n"
            "LOS ANGELES (AP) — A 9-year-old boy hurt in the storm was recovering Wednesday, his family said.")
    quotes = [q for q in run(nlp, text) if q.kind == "indirect"]
    assert [q.span.text for q in quotes] == ["A 9-year-old boy hurt in the storm was recovering Wednesday"]


# ------------------------------------------------------------ direct attributions the parse misses


@pytest.mark.parametrize(
    "text, speaker",
    [
        ('Protesters marching through the streets chanted "What curfew?" and kept going until 2 a.m.', "Protesters"),
        ('The ad ends with footage of Hansen saying during the debate last week, "That makes me smart," when the '
         'host pressed him on taxes.', "Hansen"),
        ('Several senators have said the same thing, including the former governor Peter Hansen -- "It is wrong to '
         'hide the numbers from voters" -- and two of his colleagues.', "Peter Hansen"),
        ('"There is no doubt," Mook said.\n\nAccording to Limbaugh, "If it was left up to her, she would not have '
         'time to say anything positive. The criticism is that moderators should not do this."', "Limbaugh"),
    ],
)
def test_direct_speakers_the_parse_hangs_elsewhere(nlp, text: str, speaker: str) -> None:
    quotes = [q for q in run(nlp, text) if q.kind == "direct" and "Mook" not in (q.speaker.name if q.speaker else "")]
    assert len(quotes) == 1 and quotes[0].speaker is not None and quotes[0].speaker.name == speaker


def test_a_subject_the_parse_joined_to_the_object_is_the_speaker(nlp) -> None:
    text = ("Peter Hansen had a rare disorder. He had heart surgery and school officials said he was a happy "
            "child who loved music.")
    assert speaker_of(run(nlp, text), "happy child") == "school officials"


def test_an_object_before_a_participle_is_not_the_speaker(nlp) -> None:
    quotes = run(nlp, "Mr. Hansen, when questioned after the debate, replied by asserting, \"Of course, I pay my taxes.\"")
    sp = [q.speaker.name if q.speaker else None for q in quotes if q.kind == "direct"]
    assert "debate" not in sp
