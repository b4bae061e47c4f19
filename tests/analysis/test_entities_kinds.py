"""Entity kinds from all mentions with their context, and the merges that depend on them (issue 15).

Invented sentences and fictional names; mentions marked by hand (``[Name|LABEL]``) so that the
tests check the resolver's reading of the context, not spaCy's tagger.
"""

from __future__ import annotations

from newsdossier.analysis.entities.mentions import extract

from .test_entities import build, by_alias, resolve, together


def _cues(nlp, text: str) -> dict[str, str]:
    arts, docs = build(nlp, text)
    return {m.span.text: m.cue for m in extract(arts, docs)[0]}


def test_context_cues(nlp) -> None:
    cues = _cues(nlp, 'Sen. [Ardith Quell|ORG] spoke. The [Veltmark Academy|ORG] met. Her [Garnet|PERSON] shone. '
                      'She saw "[Lantern Hollow|PERSON]" twice. They read [Off the Ledge|PERSON] at night.')
    assert cues["Ardith Quell"] == "person"
    assert cues["Veltmark Academy"] == "nonperson"
    assert cues["Garnet"] == "nonperson"  # a possessive before a name: no person's name
    assert cues["Lantern Hollow"] == "other"  # a quoted title
    assert cues["Off the Ledge"] == "nonperson"  # a lowercase word inside: a title, not a person


def test_a_name_that_modifies_a_noun_keeps_no_determiner_cue(nlp) -> None:
    cues = _cues(nlp, "Since the [Quenby|PERSON] announcement, nothing moved.")
    assert cues["Quenby"] == ""


def test_title_makes_a_person_of_an_organisation_label(nlp) -> None:
    ents = resolve(nlp, "Sen. [Ardith Quell|ORG] spoke on Monday.", "Later Sen. [Ardith Quell|ORG] left.")
    assert by_alias(ents, "Ardith Quell").kind == "person"


def test_an_organisation_that_speaks_stays_an_organisation(nlp) -> None:
    ents = resolve(nlp, "[Verdant Watch|ORG] said on Monday that the verdict was wrong.",
                   "The report was welcomed, [Verdant Watch|ORG] said.", "[Verdant Watch|ORG] has called for calm.")
    assert by_alias(ents, "Verdant Watch").kind == "organisation"


def test_quoted_title_is_other(nlp) -> None:
    ents = resolve(nlp, 'The film "[Lantern Hollow|PERSON]" opened on Friday.',
                   'Critics praised "[Lantern Hollow|ORG]" for its score.')
    assert by_alias(ents, "Lantern Hollow").kind == "other"


def test_platform_word_is_an_organisation(nlp) -> None:
    ents = resolve(nlp, "He posted the news on [Twitter|PERSON] and [Twitter|PERSON] removed it.")
    assert by_alias(ents, "Twitter").kind == "organisation"


def test_bare_word_written_with_the_joins_no_person(nlp) -> None:
    # a band the tagger calls a person: "the Zephyr" is no surname of "Marnie Zephyr"
    ents = resolve(nlp, "[Marnie Zephyr|PERSON] was the first band to play the club. Fans loved the [Zephyr|PERSON] "
                        "and the [Zephyr|GPE] toured twice.")
    assert not together(ents, "Zephyr", "Marnie Zephyr")


def test_surname_with_a_title_still_joins(nlp) -> None:
    ents = resolve(nlp, "[Marnie Zephyr|PERSON] won the seat.", "Ms. [Zephyr|ORG] thanked her voters.")
    assert together(ents, "Zephyr", "Marnie Zephyr")


def test_common_word_joins_no_person_without_a_sign_of_one(nlp) -> None:
    text = ("[Rowan Baker|PERSON] opened the show. The baker was late and the old baker left early. "
            "Later [Baker|ORG] played again.")
    ents = resolve(nlp, text)
    assert not any({"Baker", "Rowan Baker"} <= set(e.aliases) for e in ents)
    text_mr = text.replace("Later [Baker|ORG] played", "Later Mr. [Baker|ORG] played")
    assert together(resolve(nlp, text_mr), "Baker", "Rowan Baker")


def test_the_short_form_of_an_organisation_joins_it(nlp) -> None:
    ents = resolve(nlp, "Fans in [Kessel City|GPE] cheered the [Kessel City Thunder|ORG] on Friday.",
                   "The [Thunder|PERSON] lost again, and the [Thunder|ORG] coach left.")
    assert together(ents, "Thunder", "Kessel City Thunder")
    assert by_alias(ents, "Thunder").kind == "organisation"


def test_the_house_is_not_the_white_house(nlp) -> None:
    ents = resolve(nlp, "The [White House|ORG] said on Monday it disagreed.", "The [House|ORG] voted on Tuesday.")
    assert not together(ents, "House", "White House")


def test_acronym_needs_its_kind_not_a_quoted_title(nlp) -> None:
    ents = resolve(nlp, 'The menu listed "[Dorset Crush|ORG]" and more.', "He flew back to [D.C.|GPE] on Sunday.")
    assert not together(ents, "D.C.", "Dorset Crush")


def test_canonical_name_of_a_firm_drops_its_legal_form(nlp) -> None:
    ents = resolve(nlp, "[Brennick Corp|ORG] reported a loss on Monday.",
                   "Shares of [Brennick Corp|ORG] fell.", "[Brennick|ORG] will close stores.")
    assert together(ents, "Brennick", "Brennick Corp")
    assert by_alias(ents, "Brennick").name == "Brennick"


def test_interjections_and_caption_nouns_are_no_names(nlp) -> None:
    ents = resolve(nlp, "[Meh|PERSON]. That was the verdict.\n[Comedian|ORG] [Ardith Quell|PERSON] laughed.",
                   "[O.K.|PERSON], he said. [RIP|ORG] to a legend.")
    names = {a for e in ents for a in e.aliases}
    assert not names & {"Meh", "Comedian", "O.K.", "RIP"} and "Ardith Quell" in names


def test_a_description_noun_inside_a_sentence_may_be_a_brand(nlp) -> None:
    ents = resolve(nlp, "Shares of the handbag maker [Coach|ORG] rose after the [Coach|ORG] deal.")
    assert "Coach" in {a for e in ents for a in e.aliases}


def test_dateline_is_a_place_and_loses_its_capitals(nlp) -> None:
    ents = resolve(nlp, "[VELTBURG|ORG], May 25 (Newswire) -- The talks ended.",
                   "[VELTBURG|GPE], May 26 (Newswire) -- Talks resumed in [Veltburg|GPE] on Monday.")
    ent = by_alias(ents, "VELTBURG")
    assert ent.kind == "place" and ent.name == "Veltburg"


def test_bare_surname_tagged_a_place_joins_the_person_named_elsewhere(nlp) -> None:
    ents = resolve(nlp, "The court spared [Abdel Quenby|PERSON]. Passions against [Quenby|GPE] run high.",
                   "Lawyers said [Quenby|GPE] was brought back on Tuesday and [Quenby|GPE] will appeal.")
    arts = {s.article for s in by_alias(ents, "Abdel Quenby").mentions}
    assert len(arts) == 2  # the second article's "Quenby" joined him


def test_bare_word_after_a_preposition_of_place_stays_a_place(nlp) -> None:
    ents = resolve(nlp, "The court spared [Abdel Quenby|PERSON]. Passions against [Quenby|GPE] run high.",
                   "Floods hit homes in [Quenby|GPE] on Tuesday.")
    arts = {s.article for s in by_alias(ents, "Abdel Quenby").mentions}
    assert len(arts) == 1


def test_the_portfolio_of_a_title_is_no_organisation(nlp) -> None:
    ents = resolve(nlp, "The union's foreign affairs and energy plans changed. [Varnian Energy|ORG] Minister "
                        "[Tomas Brek|PERSON] spoke, and [Kessel Police|ORG] Chief [Ann Li|PERSON] and "
                        "[Acme|ORG] CEO [Jo Wu|PERSON] listened.")
    names = {a for e in ents for a in e.aliases}
    assert "Varnian Energy" not in names
    assert {"Kessel Police", "Acme", "Tomas Brek"} <= names
