"""Quotes a journalist can trust (issue 14): mark styles, junk speakers, coreference, confidence.

Made-up sentences, a real spaCy pipeline (the ``nlp`` fixture).
"""

from __future__ import annotations

import pytest

from newsdossier.analysis.quotes import QuotesConfig, QuotesConfigError, extract_quotes
from newsdossier.analysis.quotes.phrases import make_phrase
from newsdossier.model import Article, Quote, SpeakerLink


def run(nlp, text: str) -> list[Quote]:
    art = Article.create(text, "trust#0")
    return extract_quotes([art], {art.id: nlp(art.text)})


def kinds(quotes: list[Quote], kind: str) -> list[Quote]:
    return [q for q in quotes if q.kind == kind]


# ----------------------------------------------------------------- the crash of issue 14


def test_punctuation_subject_in_a_citation_list_does_not_crash(nlp) -> None:
    # the parser takes "." as the subject of "said": make_phrase used to pop the head itself
    # (tokens compared with "is") and index an empty list
    text = ("1. Jones A (2011). Light. Sleep 4: 1-9.\n"
            "2. - . said that the clock shifts at night in most mammals.\n"
            "3. ; . reported that rods are saturated by light.\n"
            "Lee K. . said the clock shifts at night.")
    doc = nlp(text)
    punct = [t for t in doc if t.is_punct and t.dep_ in ("nsubj", "nsubjpass")]
    for tok in punct:
        phrase = make_phrase(tok, [])
        assert phrase.start <= tok.idx < phrase.end
    quotes = run(nlp, text)
    for q in quotes:
        assert q.speaker is None or any(c.isalpha() for c in q.speaker.name), q.speaker


# ----------------------------------------------------------------- quotation-mark styles


@pytest.mark.parametrize(
    "text, content",
    [
        ("``We will rebuild the bridge by May,'' Orla Quenby said.", "We will rebuild the bridge by May,"),
        ("‘‘We will rebuild the bridge by May,’’ Orla Quenby said.", "We will rebuild the bridge by May,"),
        ('"We will rebuild the bridge by May,” Orla Quenby said.', "We will rebuild the bridge by May,"),
        ("«We will rebuild the bridge by May», Orla Quenby said.", "We will rebuild the bridge by May"),
    ],
)
def test_every_mark_style_is_a_direct_quote(nlp, text: str, content: str) -> None:
    quotes = run(nlp, text)
    d = kinds(quotes, "direct")
    assert [q.span.text for q in d] == [content]
    assert d[0].speaker is not None and d[0].speaker.name == "Orla Quenby"
    assert not kinds(quotes, "indirect"), [q.span.text for q in kinds(quotes, "indirect")]


def test_title_closed_with_two_apostrophes_is_not_a_quote(nlp) -> None:
    quotes = run(nlp, "The new “Evil Dead’’ is far less funny than the old one, critics agreed.")
    assert not kinds(quotes, "direct")


# ----------------------------------------------------------------- narration is not attribution


@pytest.mark.parametrize(
    "text",
    [
        "We have previously shown that flashes of light reset the clock in mice.",
        "Our findings suggest that the clock integrates short flashes over an hour.",
        "I predict that most desktop computers will lie flat within a year.",
        "Who would have thought that tables would become the trend of the year?",
        "One can argue whether the machine is worth the money at all.",
        "Any reader will ask what, if anything, the mayor plans to do about it.",
        "The mayor did not say that the bridge would close in May.",
    ],
)
def test_narration_is_not_reported_speech(nlp, text: str) -> None:
    assert not kinds(run(nlp, text), "indirect"), text


def test_hypothetical_speech_is_not_a_quote(nlp) -> None:
    text = 'Quenby might have answered, "Well, not being the one who closed the bridge."'
    assert not run(nlp, text)


def test_passive_cue_does_not_make_the_addressee_the_speaker(nlp) -> None:
    quotes = run(nlp, 'Orla Quenby was also asked, "What would you like your legacy to be?"')
    d = kinds(quotes, "direct")
    assert len(d) == 1
    assert d[0].speaker is None or d[0].speaker.name != "Orla Quenby"


def test_speaker_beats_the_document_it_is_reported_in(nlp) -> None:
    text = '"Find him and wear him out," Tomas Brandt said, according to the indictment.'
    d = kinds(run(nlp, text), "direct")
    assert d[0].speaker is not None and d[0].speaker.name == "Tomas Brandt"


def test_first_person_outside_the_quote_is_unresolved(nlp) -> None:
    d = kinds(run(nlp, 'I mentioned in my last column that "the shelves were full of unsold brewers."'), "direct")
    for q in d:
        assert q.speaker is None or q.speaker.link == SpeakerLink.UNRESOLVED


# ----------------------------------------------------------------- coreference


def test_pronoun_agrees_in_gender_not_proximity(nlp) -> None:
    text = ("Helen Marsh met the mayor, Tomas Brandt, on Monday. She said she was worried about the dam.\n\n"
            "Brandt said the dam was safe. He added that inspectors had checked it twice.\n\n"
            '"The dam is sound and the inspectors agree," she said.')
    d = kinds(run(nlp, text), "direct")
    assert len(d) == 1
    sp = d[0].speaker
    assert sp is not None
    assert sp.name == "Helen Marsh" or sp.link == SpeakerLink.UNRESOLVED, sp
    assert sp.name != "Tomas Brandt"


def test_description_resolved_to_the_name_in_apposition(nlp) -> None:
    text = ("The couple's lawyer, Keith Marlowe, filed the papers on Monday.\n\n"
            "The couple will be paid next week, the lawyer said.")
    ind = kinds(run(nlp, text), "indirect")
    assert ind and ind[0].speaker is not None
    assert ind[0].speaker.name == "Keith Marlowe"
    assert ind[0].speaker.link == SpeakerLink.DESCRIPTION


def test_description_with_a_possessor_keeps_its_words(nlp) -> None:
    text = "The state's attorney's office said that it would keep working with the police on the case."
    ind = kinds(run(nlp, text), "indirect")
    assert ind and ind[0].speaker is not None
    assert ind[0].speaker.name.endswith("state's attorney's office")


# ----------------------------------------------------------------- confidence


def test_every_quote_and_speaker_has_a_confidence(nlp) -> None:
    text = ('"The bridge will open in May," said Orla Quenby. "It will carry trams too."\n\n'
            "Engineers said that the steel had arrived. It is thought the bridge will cost more.")
    quotes = run(nlp, text)
    assert quotes
    for q in quotes:
        assert 0.0 < q.confidence <= 1.0
        if q.speaker is not None:
            assert 0.0 < q.speaker.confidence <= 1.0


def test_unattributed_quote_has_low_confidence(nlp) -> None:
    quotes = run(nlp, 'The sign on the gate read nothing else.\n\n"Nobody expected the river to rise so fast."')
    d = kinds(quotes, "direct")
    assert d and d[0].confidence < QuotesConfig().low_confidence + 0.01


def test_config_is_validated() -> None:
    with pytest.raises(QuotesConfigError):
        QuotesConfig(low_confidence=1.5)
    with pytest.raises(QuotesConfigError):
        QuotesConfig(lookback_sentences=0)


# ----------------------------------------------------------------- the learned reported-speech model


def test_shipped_model_loads_and_scores(nlp) -> None:
    from newsdossier.analysis.quotes.learned import candidates, features, load_model, probability

    model = load_model()
    assert 0.0 < model.threshold("clause") < 1.0 and len(model.weights) > 50
    doc = nlp("The mayor said that the bridge would open in May. The dog wanted to eat the cake.")
    probs = {c.cue.text: probability(model.weights, features(c)) for c in candidates(doc, [])}
    assert probs["said"] > probs.get("wanted", 0.0)


def test_missing_model_file_is_a_clear_error(tmp_path) -> None:
    from newsdossier.analysis.quotes.learned import ModelFileError, load_model

    with pytest.raises(ModelFileError, match="train_quotes_model"):
        load_model(tmp_path / "nope.json")


@pytest.mark.parametrize("mode", ["rules", "model", "combined"])
def test_every_reported_speech_mode_finds_a_plain_report(nlp, mode: str) -> None:
    art = Article.create("The mayor said that the bridge would open in May after the repairs.", "mode#0")
    quotes = extract_quotes([art], {art.id: nlp(art.text)}, config=QuotesConfig(reported_speech=mode))
    ind = kinds(quotes, "indirect")
    assert [q.span.text for q in ind] == ["the bridge would open in May after the repairs"]
    assert ind[0].speaker is not None and ind[0].speaker.name == "mayor"


def test_description_that_names_its_body_is_not_unresolved(nlp) -> None:
    text = "Nearly two thousand people have left their homes, the county emergency office said on Friday."
    ind = kinds(run(nlp, text), "indirect")
    assert ind and ind[0].speaker is not None
    assert ind[0].speaker.link == SpeakerLink.NAMED and ind[0].speaker.name.endswith("county emergency office")


def test_bare_description_without_referent_is_unresolved(nlp) -> None:
    text = ("Acme and Borel both sell brewers in the region.\n\n"
            "The company said that the new brewer would reach shops in the spring.")
    ind = kinds(run(nlp, text), "indirect")
    assert ind and ind[0].speaker is not None
    assert ind[0].speaker.link in (SpeakerLink.UNRESOLVED, SpeakerLink.DESCRIPTION)
    if ind[0].speaker.link == SpeakerLink.UNRESOLVED:
        assert ind[0].speaker.name == "company" and ind[0].speaker.entity is None


# ----------------------------------------------------------------- reported speech and marks (2026-12-02)


def test_reported_speech_never_cuts_a_quote_in_marks(nlp) -> None:
    text = ('The new levy is "a gift to the wealthy," said Jane Porter, a professor of economics at '
            "Ohio State University.")
    quotes = run(nlp, text)
    for q in kinds(quotes, "indirect"):
        inner = q.span.text
        assert inner.count('"') % 2 == 0, inner  # whole: the closing mark is in, not cut off
    assert any(q.speaker is not None and q.speaker.name == "Jane Porter" for q in kinds(quotes, "direct"))


def test_a_participle_attribution_ends_the_reported_clause_and_gives_its_source(nlp) -> None:
    text = ('Mark Levin told the hearing that the merger was good for the town, saying, '
            '"Nobody here will lose a job."')
    quotes = run(nlp, text)
    direct = kinds(quotes, "direct")
    assert [q.span.text for q in direct] == ["Nobody here will lose a job."]
    assert direct[0].speaker is not None and direct[0].speaker.name == "Mark Levin"
    for q in kinds(quotes, "indirect"):
        assert "saying" not in q.span.text and '"' not in q.span.text, q.span.text


def test_two_people_sharing_a_surname_are_two_referents(nlp) -> None:
    text = ("Tom Hale, the singer, died on Friday at his home in Ohio. His wife, Anna Marie Hale, was with him. "
            "Hale wrote more than forty songs. In 2019 he said that he would never stop touring.")
    quotes = run(nlp, text)
    ind = [q for q in kinds(quotes, "indirect") if "touring" in q.span.text]
    assert ind, quotes
    sp = ind[0].speaker
    assert sp is not None and sp.name != "Anna Marie Hale", sp


def test_a_clause_fragment_is_no_speaker_and_a_floating_all_no_name(nlp) -> None:
    quotes = run(nlp, "He knocked the wall down by backing into it, while all the time telling his "
                      "supporters that he was not abandoning their cause.")
    assert not [q for q in quotes if q.speaker and q.speaker.name.lower().startswith("while")]
    quotes = run(nlp, "Varnian and Orvalese sources all agreed that the talks had taken a positive turn.")
    assert quotes and all(not q.speaker.name.lower().endswith(" all") for q in quotes if q.speaker)
