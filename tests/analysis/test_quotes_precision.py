"""Quotes a journalist can trust, second round (issue 14, 2026-12-02): findings that are not
quotes, the subject a pronoun continues, clauses the parse cut, lists taken for speakers, and
speakers the article does resolve.

Made-up sentences, a real spaCy pipeline (the ``nlp`` fixture).
"""

from __future__ import annotations

import pytest

from newsdossier.analysis.quotes import QuotesConfig, QuotesConfigError, extract_quotes
from newsdossier.lang import en
from newsdossier.model import Article, Quote, SpeakerLink


def run(nlp, text: str) -> list[Quote]:
    art = Article.create(text, "precision#0")
    return extract_quotes([art], {art.id: nlp(art.text)})


def by_text(quotes: list[Quote], part: str) -> Quote:
    hits = [q for q in quotes if part in q.span.text]
    assert len(hits) == 1, [q.span.text for q in quotes]
    return hits[0]


# ----------------------------------------------------------------- findings are narration


@pytest.mark.parametrize(
    "text",
    [
        "These results suggest that young birds rely on long rests to keep what they learn.",
        "A comparison with the older boats revealed that only the repaired hulls stayed dry.",
        "Signs along the road confirmed to drivers that they had reached the border post.",
        "The tests showed that the water in the harbour was safe to swim in.",
        "Inside, the cabin is neatly kept, every detail thought out by the owners.",
    ],
)
def test_a_finding_of_things_is_not_reported_speech(nlp, text: str) -> None:
    assert [q.span.text for q in run(nlp, text) if q.kind == "indirect"] == []


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Harbour officials believe that the pier will reopen in May.", "Harbour officials"),
        ("Researchers found that the pier had been built on sand.", "Researchers"),
        ("The clerk confirmed to reporters that the pier would reopen in May.", "clerk"),
        ("The ferrymen believed that the storm would pass by noon.", "ferrymen"),
    ],
)
def test_people_who_find_or_believe_are_still_sources(nlp, text: str, speaker: str) -> None:
    ind = [q for q in run(nlp, text) if q.kind == "indirect"]
    assert len(ind) == 1 and ind[0].speaker is not None and ind[0].speaker.name == speaker


def test_evidence_words_live_in_the_word_lists() -> None:
    assert "result" in en.EVIDENCE_NOUNS and "suggest" in en.EVIDENCE_VERBS
    assert "official" in en.PEOPLE_NOUNS and "spokesperson" in en.VOICE_NOUNS


# ----------------------------------------------------------------- the subject a pronoun continues


def test_she_continues_the_subject_just_named_not_the_often_named_one(nlp) -> None:
    text = ("Dr. Mara Quillen says she sees many patients with the condition. The doctor is not "
            "against the treatment, she uses it herself. But she believes patients need checks every "
            "year. Tessa Brinkley is a patient who stopped the treatment. She said, \"All the pain "
            "went away at once.\" Through Dr. Quillen, Ruth Pell met other patients with the same "
            "symptoms. They formed a group to warn others. She said, \"I willed myself to live and "
            "to tell this story.\"")
    quotes = run(nlp, text)
    first = by_text(quotes, "All the pain")
    second = by_text(quotes, "I willed myself")
    assert first.speaker is not None and first.speaker.name == "Tessa Brinkley"
    # Ruth Pell (subject two sentences back) against Tessa Brinkley (the last speaker): never the
    # often-named doctor, and unresolved rather than a guess when the two are close
    assert second.speaker is not None and "Quillen" not in second.speaker.name
    assert second.speaker.name == "Ruth Pell" or second.speaker.link == SpeakerLink.UNRESOLVED


def test_without_the_bonus_the_two_women_are_too_close_to_call(nlp) -> None:
    text = ("Dr. Mara Quillen says she sees many patients with the condition. The doctor is not "
            "against the treatment, she uses it herself. But she believes patients need checks every "
            "year. Tessa Brinkley is a patient who stopped the treatment. She said, \"All the pain "
            "went away at once.\"")
    art = Article.create(text, "precision#0")
    quotes = extract_quotes([art], {art.id: nlp(text)}, config=QuotesConfig(previous_subject_bonus=0.0))
    q = by_text(quotes, "All the pain")
    assert q.speaker is not None and q.speaker.name != "Tessa Brinkley"


# ----------------------------------------------------------------- clauses the parse cut


def test_a_phrase_after_that_belongs_to_the_reported_clause(nlp) -> None:
    from newsdossier.analysis.quotes.attribution import _fit_clause

    text = "The clerk confirmed to reporters that soon after the storm, a local man called and confessed."
    doc = nlp(text)
    cue_end = text.index("confirmed") + len("confirmed")
    start = text.index("a local man")
    end = text.index(" confessed") + len(" confessed")
    s, e = _fit_clause(doc, text, cue_end, start, end)
    assert text[s:e] == "soon after the storm, a local man called and confessed"


def test_a_clause_ending_in_a_conjunction_runs_to_the_end_of_its_sentence(nlp) -> None:
    from newsdossier.analysis.quotes.attribution import _fit_clause

    text = ("A harbour source told the paper that the clerks would simply be moved and no reasons "
            "would be given, and staff would not even know about it.")
    doc = nlp(text)
    cue_end = text.index("told") + len("told")
    start = text.index("the clerks")
    end = text.index(", and staff") + len(", and")
    s, e = _fit_clause(doc, text, cue_end, start, end)
    assert text[s:e].endswith("staff would not even know about it")


def test_a_verbless_conjunct_after_the_clause_is_part_of_it(nlp) -> None:
    from newsdossier.analysis.quotes.attribution import _fit_clause

    text = "As for costs, Quillen says owners must be ready to pay not only for the repairs, but upkeep on the boats."
    doc = nlp(text)
    cue_end = text.index("says") + len("says")
    start = text.index("owners")
    end = text.index(", but upkeep")
    s, e = _fit_clause(doc, text, cue_end, start, end)
    assert text[s:e].endswith("but upkeep on the boats")
    # a conjunct with its own verb is the writer's, and stays out
    text2 = "Ann Lee said the plan would work, and the council agreed."
    doc2 = nlp(text2)
    s2, e2 = _fit_clause(doc2, text2, text2.index("said") + 4, text2.index("the plan"), text2.index(", and"))
    assert text2[s2:e2] == "the plan would work"


def test_according_to_covers_every_conjunct_of_its_clause(nlp) -> None:
    text = ("Mr. Pell made everyone leave their phones at the door of the shed, then led them into a "
            "back office, according to the harbour police.")
    q = by_text(run(nlp, text), "back office")
    assert q.span.text.startswith("Mr. Pell made everyone")


# ----------------------------------------------------------------- a list is not a speaker


def test_a_list_taken_for_the_subject_gives_way_to_the_name_before_the_cue(nlp) -> None:
    from newsdossier.analysis.quotes.attribution import _parenthetical

    text = ("In that raid, police found 40 passports, two printers, one camera, nine rubber stamps "
            "and a laptop, Harbour Times reported.")
    doc = nlp(text)
    cue = next(t for t in doc if t.text == "reported")
    # force the misparse the small model makes on such lists: the first listed noun as subject
    printers = next(t for t in doc if t.text == "printers")
    if any(t.dep_ == "conj" for t in printers.subtree) and sum(t.text == "," for t in doc[printers.i : cue.i]) >= 2:
        rec = _parenthetical(doc, cue, printers, [])
        assert rec is None or (rec.phrase is not None and "printers" not in rec.phrase.name)
    quotes = run(nlp, text)
    assert all(q.speaker is None or "printers" not in q.speaker.name for q in quotes)


# ----------------------------------------------------------------- speakers the article resolves


def test_their_spokesperson_and_the_agency_are_the_one_body_in_reach(nlp) -> None:
    text = ("We called the Harbour Authority to ask whether it had seen any reports of leaks from "
            "the old pipes. Their spokesperson said he was not aware of any such reports. The agency "
            "does say that most pipes will need to be replaced within a decade.")
    quotes = run(nlp, text)
    for part in ("not aware", "most pipes"):
        q = by_text(quotes, part)
        assert q.speaker is not None and q.speaker.name.endswith("Harbour Authority")
        assert q.speaker.link == SpeakerLink.DESCRIPTION
        assert q.speaker.confidence == QuotesConfig().sole_referent_confidence


def test_their_spokesperson_with_two_bodies_in_reach_stays_unresolved(nlp) -> None:
    text = ("The Harbour Authority and the Pilots Union met on Monday. Their spokesperson said the "
            "talks had gone well.")
    q = by_text(run(nlp, text), "talks had gone well")
    assert q.speaker is not None and q.speaker.link == SpeakerLink.UNRESOLVED


def test_they_after_a_body_that_spoke_is_that_body(nlp) -> None:
    text = ("The old harbour office was run by a fake firm, the inspection team that shut it down "
            "said. They also found that two local clerks had been paid to look away.")
    quotes = run(nlp, text)
    first = by_text(quotes, "fake firm")
    second = by_text(quotes, "two local clerks")
    assert first.speaker is not None and first.speaker.name == "inspection team"
    assert first.speaker.link == SpeakerLink.NAMED  # a description with its own clause names its referent
    assert second.speaker is not None and second.speaker.name == "inspection team"
    assert second.speaker.link == SpeakerLink.PRONOUN


def test_they_after_a_person_or_with_another_plural_between_stays_unresolved(nlp) -> None:
    text = ("Police officers said the harbour office was run by a fake firm. The owners denied it. "
            "They said the firm had paid every fee on time.")
    q = by_text(run(nlp, text), "every fee")
    assert q.speaker is not None and q.speaker.link == SpeakerLink.UNRESOLVED


def test_new_settings_are_validated() -> None:
    with pytest.raises(QuotesConfigError, match="previous_subject_bonus"):
        QuotesConfig(previous_subject_bonus=4.0)
    with pytest.raises(QuotesConfigError, match="sole_referent_confidence"):
        QuotesConfig(sole_referent_confidence=1.5)


def test_of_two_names_in_apposition_the_one_next_to_the_verb_is_the_subject(nlp) -> None:
    # the misparse the small model makes of '"Through Dr. Quillen, Ruth Pell met ...' (a quotation
    # mark glued to "Through"), written out as a parse so that the test does not hang on the model
    from spacy.tokens import Doc, Span

    from newsdossier.analysis.quotes.coref import Coref

    words = ['"Through', "Dr.", "Quillen", ",", "Ruth", "Pell", "met", "others", "."]
    heads = [6, 2, 6, 2, 5, 2, 6, 6, 6]
    deps = ["advmod", "compound", "nsubj", "punct", "compound", "appos", "ROOT", "dobj", "punct"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps)
    doc.ents = [Span(doc, 1, 3, label="PERSON"), Span(doc, 4, 6, label="PERSON")]
    subjects = {m.key: m.subject for m in Coref(doc, []).mentions}
    assert subjects == {"quillen": False, "pell": True}


# ----------------------------------------------------------------- documents speak for their issuer


def test_the_statement_is_its_issuer(nlp) -> None:
    text = ('The harbour office was a fake, the Harbour Authority said in a statement. "For a decade '
            'it ran unchecked," the statement said. The inquiry grew out of a wider effort to stop '
            "fraud in the port, according to the statement.")
    quotes = run(nlp, text)
    for part in ("For a decade", "wider effort"):
        q = by_text(quotes, part)
        assert q.speaker is not None and q.speaker.name.endswith("Harbour Authority")
        assert q.speaker.confidence == QuotesConfig().issuer_confidence  # above the uncertainty mark


def test_a_statement_issued_by_a_body_is_that_body(nlp) -> None:
    text = 'The Pilots Union issued a statement saying its members were shocked. "We are saddened," the statement said.'
    quotes = run(nlp, text)
    assert {q.speaker.name for q in quotes if q.speaker is not None} == {"The Pilots Union"}


def test_a_statement_with_no_issuer_stays_a_document_below_the_mark(nlp) -> None:
    text = 'A statement said the talks had failed. "We will not return," the statement said.'
    for q in run(nlp, text):
        assert q.speaker is not None and q.speaker.name == "statement"
        assert q.trust < QuotesConfig().low_confidence


def test_a_name_in_an_object_is_not_the_speaker_of_the_next_verb(nlp) -> None:
    text = "The crime ring hung a photo of President Ann Lee and claimed it was the real embassy."
    for q in run(nlp, text):
        assert q.speaker is None or "Lee" not in q.speaker.name


def test_a_name_after_the_head_does_not_make_a_finding_someone_s(nlp) -> None:
    text = "These incidents at the fake Harbour Office confirm that insiders work with the fixers."
    assert [q for q in run(nlp, text) if q.kind == "indirect"] == []


# ----------------------------------------------------------------- calibration


def test_a_belief_is_below_the_uncertainty_mark_a_statement_above(nlp) -> None:
    cfg = QuotesConfig()
    quotes = run(nlp, "She thought she might have a rare illness. Ann Lee said the harbour would reopen in May.")
    belief = by_text(quotes, "rare illness")
    said = by_text(quotes, "reopen in May")
    assert belief.confidence <= cfg.belief_cue_confidence < cfg.low_confidence
    assert said.confidence >= cfg.low_confidence


def test_an_attribution_inside_the_span_is_below_the_mark(nlp) -> None:
    cfg = QuotesConfig()
    q = by_text(run(nlp, "The harbour, officials said, would reopen in May."), "officials said")
    assert q.confidence <= cfg.inside_attribution_confidence < cfg.low_confidence


def test_the_caps_are_settings(nlp) -> None:
    art = Article.create("The harbour, officials said, would reopen in May.", "precision#0")
    quotes = extract_quotes([art], {art.id: nlp(art.text)}, config=QuotesConfig(inside_attribution_confidence=1.0))
    assert quotes[0].confidence > QuotesConfig().low_confidence


# ----------------------------------------------------------------- refinements checked on PolNeAR dev


def test_someone_who_speaks_for_a_person_is_not_that_person(nlp) -> None:
    from newsdossier.analysis.quotes.phrases import make_phrase

    doc = nlp("Advisers to Mr. Pell say the talks will fail. An analysis by Ann Lee found the plan weak.")
    advisers = next(t for t in doc if t.text == "Advisers")
    analysis = next(t for t in doc if t.text == "analysis")
    assert make_phrase(advisers, []).name == "Advisers to Mr. Pell"
    assert make_phrase(analysis, []).name == "Ann Lee"  # the author of a document is named


def test_honorific_is_taken_without_the_space_before_it(nlp) -> None:
    from newsdossier.analysis.quotes.phrases import make_phrase

    doc = nlp("Both Mr. Pell and Ms. Lee said the talks had failed.")
    pell = next(t for t in doc if t.text == "Pell")
    assert make_phrase(pell, []).name == "Mr. Pell"


def test_data_from_a_named_source_is_a_source(nlp) -> None:
    from newsdossier.analysis.quotes.attribution import inanimate
    from newsdossier.analysis.quotes.phrases import make_phrase

    doc = nlp("Data from the Harbour Survey show that most boats are old. These data show that most boats are old.")
    sourced, plain = [t for t in doc if t.lower_ == "data"]
    assert not inanimate(doc, make_phrase(sourced, []), belief=False)
    assert inanimate(doc, make_phrase(plain, []), belief=False)


def test_a_dangling_conjunction_is_trimmed_when_an_attribution_follows(nlp) -> None:
    from newsdossier.analysis.quotes.attribution import _fit_clause

    text = "Ann Lee stressed that the reforms were not complete, and rights groups warned that the plan would fail."
    doc = nlp(text)
    start = text.index("the reforms")
    end = text.index(", and") + len(", and")
    s, e = _fit_clause(doc, text, text.index("stressed") + len("stressed"), start, end)
    assert text[s:e] == "the reforms were not complete"


def test_a_description_with_a_place_word_is_still_a_description(nlp) -> None:
    text = ('Tom Pell toured the harbour on Monday. "We need change," the Vermont businessman said.')
    quotes = run(nlp, text)
    q = by_text(quotes, "We need change")
    assert q.speaker is not None and q.speaker.name == "Tom Pell"


def test_they_after_one_plural_subject_of_its_sentence_is_that_group(nlp) -> None:
    q = by_text(run(nlp, "Harbour officials would not comment because they say the inquiry is still open."), "inquiry")
    assert q.speaker is not None and q.speaker.name == "Harbour officials" and q.speaker.link == SpeakerLink.PRONOUN
    q = by_text(run(nlp, "The owners and the pilots met on Monday, and they said the deal was done."), "deal")
    assert q.speaker is not None and q.speaker.link == SpeakerLink.UNRESOLVED


def test_a_role_after_posing_as_is_not_a_quote_a_description_is(nlp) -> None:
    quotes = run(nlp, "The men posing as “harbour officers,” officials said, sold fake permits.")
    assert all("harbour officers" not in q.span.text or q.kind == "indirect" for q in quotes)
    quotes = run(nlp, "She described the plan as “a total disaster,” aides said.")
    assert any(q.kind == "direct" and q.span.text.startswith("a total disaster") for q in quotes)


def test_a_lower_case_thing_after_a_dash_is_no_speaker(nlp) -> None:
    quotes = run(nlp, "Tests found signs of “fungal growth in the pipes,” —mold. “We will win.” — Ann Lee")
    assert all(q.speaker is None or q.speaker.name != "mold" for q in quotes)
    assert by_text(quotes, "We will win").speaker.name == "Ann Lee"


def test_a_book_with_no_author_stays_a_document_below_the_mark(nlp) -> None:
    text = 'The harbour was once a fishing port. "Nobody expected the cranes," the new book says.'
    for q in run(nlp, text):
        if q.speaker is not None and "book" in q.speaker.name:
            assert q.speaker.confidence <= QuotesConfig().document_speaker_confidence
            assert q.trust < QuotesConfig().low_confidence


def test_the_object_of_a_gerund_is_no_speaker_of_its_purpose_clause(nlp) -> None:
    text = ("Across the street, at the family-run Pine Hill Diner, Maria Holt paused between making pizzas "
            "to say she is ``upset'' that Walmart will be a neighbour.")
    for q in run(nlp, text):
        assert q.speaker is None or q.speaker.name == "Maria Holt"
