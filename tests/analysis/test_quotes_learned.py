"""The learned reported-speech model: its candidate forms, span rules and what it leaves out
(made-up sentences; the shipped weights, real spaCy)."""

from __future__ import annotations

import pytest

from newsdossier.analysis.quotes import QuotesConfig, extract_quotes
from newsdossier.analysis.quotes.learned import FORMS, Model, candidates, load_model
from newsdossier.model import Article


def _forms(nlp, text: str) -> list[tuple[str, str, str, str]]:
    doc = nlp(text)
    return [(c.form, c.cue.text, c.subject.text, text[c.start : c.end]) for c in candidates(doc, [])]


def _indirect(nlp, text: str, mode: str = "combined") -> list[tuple[str, str | None]]:
    art = Article.create(text, "learned#0")
    quotes = extract_quotes([art], {art.id: nlp(text)}, config=QuotesConfig(reported_speech=mode))
    return [(q.span.text, q.speaker.name if q.speaker else None) for q in quotes if q.kind == "indirect"]


def test_shipped_model_has_a_cut_per_form() -> None:
    model = load_model()
    assert isinstance(model, Model)
    assert set(model.thresholds) == set(FORMS)
    assert 0.5 < model.threshold("clause") < 1.0
    assert model.threshold("no such form") > 1.0  # a form without a cut is never taken


def test_infinitive_content_keeps_the_addressee(nlp) -> None:
    assert ("infinitive", "urged", "mayor", "residents to stay indoors during the storm") in _forms(
        nlp, "The mayor urged residents to stay indoors during the storm.")


def test_object_with_complement_hung_on_the_object(nlp) -> None:
    forms = _forms(nlp, "The opposition leader accused the minister of hiding the report from parliament.")
    assert ("object", "accused", "leader", "the minister of hiding the report from parliament") in forms


def test_noun_with_that_clause_and_possessor(nlp) -> None:
    forms = _forms(nlp, "She repeated her claim that the election had been stolen from her party.")
    assert ("noun", "claim", "her", "that the election had been stolen from her party") in forms


@pytest.mark.parametrize("text", [
    "Prices continued to rise in March.",  # an aspectual verb, no speech
    "The governor wants to build a new bridge across the river.",  # an intention, no one's words
    "The company said on Thursday.",  # a time, no content
    "Lopez was asked to leave the meeting early.",  # passive: the subject is the addressee
    "The researchers wrote on Facebook.",  # a medium, no content
])
def test_no_phrasal_candidate_without_a_speech_act(nlp, text: str) -> None:
    assert [f for f in _forms(nlp, text) if f[0] != "clause"] == []


def test_model_lists_a_call_for_action_with_its_speaker(nlp) -> None:
    found = _indirect(nlp, "Union leaders called for an independent inquiry into the collapse.", "model")
    assert found == [("an independent inquiry into the collapse", "Union leaders")]


def test_rules_alone_do_not_list_phrasal_reports(nlp) -> None:
    assert _indirect(nlp, "Union leaders called for an independent inquiry into the collapse.", "rules") == []


def test_content_cut_inside_a_clause_is_no_candidate(nlp) -> None:
    # the parse ends the content at "minutes" and hangs "dragged" on the cue: "the saga" is
    # the subject of "dragged", so the span would cut a clause
    text = ("All five council members had called on the clerk to step down as the saga over the "
            "missing minutes dragged on for months.")
    assert [f for f in _forms(nlp, text) if f[1] == "called"] == []


def test_model_cue_with_a_thing_for_source_is_narration(nlp) -> None:
    # the model scores "reminded ... that" high, but battles say nothing: the writer's narration
    text = "The long battles in the south reminded the world that the war was still far from over."
    assert [f[1] for f in _forms(nlp, text)] == ["reminded"]
    assert _indirect(nlp, text, "model") == []


def test_model_cue_with_a_person_for_source_is_kept(nlp) -> None:
    text = "The governor reminded the world that the war was still far from over."
    assert _indirect(nlp, text, "model") == [("the war was still far from over", "governor")]
