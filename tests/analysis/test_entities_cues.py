"""Kinds and merges read off the words around a name (issue 15, 2026-12-04): credit lines of wire
stories, abbreviations of things, natural places by their first word or the noun around them, footnote
numbers glued to a name, acronyms defined after a country prefix or a possessive, and a same-surname
personal name the tagger calls an organisation as a rival for a bare surname.

Invented sentences and fictional names; mentions marked by hand (``[Name|LABEL]``) so that the tests
check the resolver, not spaCy's tagger (the parse around the marks is spaCy's).
"""

from __future__ import annotations

from newsdossier.analysis.entities.cues import credit_person

from .test_entities import by_alias, resolve, together


def _aliases(ents) -> set[str]:
    return {a for e in ents for a in e.aliases}


def test_names_of_a_credit_line_are_reporters() -> None:
    text = ("The talks go on. (Additional reporting by Dorrit Valeska, Orsa Tamm and Bo Lind in Quellby; "
            "Writing by Tomas Brek; Editing by Ivo Sarn)")

    def at(name: str) -> bool:
        start = text.index(name)
        return credit_person(text, start, start + len(name))

    assert at("Dorrit Valeska") and at("Orsa Tamm") and at("Bo Lind") and at("Tomas Brek") and at("Ivo Sarn")
    assert not at("Quellby")  # the reporter's city
    # after a city the next item may be its state: left to the tagger
    text2 = "(Reporting by Ann Vell in Quellby, Varnland; Editing by Bo Lind)"
    start = text2.index("Varnland")
    assert not credit_person(text2, start, start + len("Varnland"))  # "in Quellby, Varnland": a place
    text3 = "The change was first reported by Quellby Week and by Varnland, Tollia and Orsk."
    for name in ("Quellby Week", "Varnland", "Tollia"):
        start = text3.index(name)
        assert not credit_person(text3, start, start + len(name))  # "reported by" names outlets and countries


def test_a_reporter_the_tagger_calls_a_place_or_an_organisation_is_a_person(nlp) -> None:
    ents = resolve(nlp, "The search resumed on Friday in [Quellby|GPE]. (Additional reporting by "
                        "[Niluka Varsame|GPE] in [Quellby|GPE]; Writing by [Orsa Tammfeld|ORG])")
    assert by_alias(ents, "Niluka Varsame").kind == "person"
    assert by_alias(ents, "Orsa Tammfeld").kind == "person"
    assert by_alias(ents, "Quellby").kind == "place"


def test_an_abbreviation_defined_by_a_phrase_that_names_nothing_is_a_thing(nlp) -> None:
    ents = resolve(nlp, "Patients with quellic varn syndrome ([QVS|ORG]) were treated by the Tollin Health "
                        "Agency ([THA|ORG]).", "[QVS|ORG] is rare.", "[Tollin Health Agency|ORG] said so.")
    assert by_alias(ents, "QVS").kind == "other"


def test_a_name_starting_with_mount_or_cape_is_a_place(nlp) -> None:
    ents = resolve(nlp, "They climbed [Mount Quellby|PERSON] and sailed round [Cape Varn|PERSON]. "
                        "[Mount Tollin Council|ORG] met.")
    assert by_alias(ents, "Mount Quellby").kind == "place"
    assert by_alias(ents, "Cape Varn").kind == "place"
    assert by_alias(ents, "Mount Tollin Council").kind == "organisation"  # an organisation's head word


def test_a_noun_of_nature_after_a_name_or_river_before_it_makes_a_place(nlp) -> None:
    ents = resolve(nlp, "The [Quellic|ORG] plate slides under the coast. Fires burn in the [Tollin|ORG] "
                        "rainforest. The body was found in the river [Varne|ORG].")
    assert by_alias(ents, "Quellic").kind == "place"
    assert by_alias(ents, "Tollin").kind == "place"
    assert by_alias(ents, "Varne").kind == "place"


def test_a_satellite_or_a_flight_is_a_craft(nlp) -> None:
    ents = resolve(nlp, "Images from [Quellsat|PERSON], a small satellite, showed debris of Varn Air flight "
                        "[QV512|ORG].")
    assert by_alias(ents, "Quellsat").kind == "other"
    assert by_alias(ents, "QV512").kind == "other"


def test_a_footnote_number_glued_to_a_name_is_cut_when_the_name_is_written_without_it(nlp) -> None:
    ents = resolve(nlp, "Heat flows under [North Quellby|LOC]. Earlier work in [North Quellby37|LOC] "
                        "found less. The [Varnex12|ORG] model is new.")
    assert "North Quellby37" not in _aliases(ents)
    assert len(by_alias(ents, "North Quellby").mentions) == 2
    assert "Varnex12" in _aliases(ents)  # never written without the number: kept whole


def test_an_acronym_defined_after_a_country_prefix_or_a_possessive_joins_its_name(nlp) -> None:
    ents = resolve(nlp, "The [US Quellic Safety Board|ORG] ([QSB|ORG]) ruled. The [Varn Tollin Union|ORG]'s "
                        "([VTU|ORG]) members agreed.", "[QSB|ORG] and [VTU|ORG] spoke later.")
    assert together(ents, "QSB", "US Quellic Safety Board")
    assert together(ents, "VTU", "Varn Tollin Union")


def test_a_personal_name_tagged_an_organisation_is_a_rival_for_its_bare_surname(nlp) -> None:
    # the mother is tagged an organisation in every mention, the son a person: "Varsame" alone is either
    ents = resolve(nlp, "[Orsa Varsame|ORG] spoke first. Her son [Tomas Varsame|PERSON] was hurt. "
                        "[Orsa Varsame|ORG] said [Varsame|PERSON] would recover.")
    assert not together(ents, "Varsame", "Tomas Varsame")
    ents = resolve(nlp, "Her son [Tomas Varsame|PERSON] was hurt. Doctors said [Varsame|PERSON] would recover.")
    assert together(ents, "Varsame", "Tomas Varsame")  # no rival: the one candidate


def test_a_state_postal_code_after_a_city_is_a_place_and_joins_its_state(nlp) -> None:
    ents = resolve(nlp, "The firm moved to [Quellton|GPE], [TX|ORG], last year.",
                   "Its founder grew up in [Texas|GPE].")
    assert by_alias(ents, "TX").kind == "place"
    assert together(ents, "TX", "Texas")


def test_a_personal_name_listed_between_two_persons_is_a_person(nlp) -> None:
    ents = resolve(nlp, "Claims were filed for [Jack Tamsin|PERSON], [Noah Vellard|ORG] and [Ivo Sarnek|PERSON]. "
                        "Shares of [Apple|ORG], [Morgan Stanley|ORG] and [Tollin Corp|ORG] fell.")
    assert by_alias(ents, "Noah Vellard").kind == "person"
    assert by_alias(ents, "Morgan Stanley").kind == "organisation"


def test_a_name_after_a_role_noun_and_at_is_an_organisation(nlp) -> None:
    ents = resolve(nlp, "[Orsa Tamm|PERSON], a partner at [Quell Varnwick|PERSON], led the round.")
    assert by_alias(ents, "Quell Varnwick").kind == "organisation"
    assert by_alias(ents, "Orsa Tamm").kind == "person"


def test_an_institution_named_without_its_head_word_joins_the_one_it_starts(nlp) -> None:
    ents = resolve(nlp, "Students at [Quellwick College|ORG] marched. [Quellwick|ORG] said it would listen.",
                   "[Varnby|GPE] is a town. [Varnby University|ORG] is elsewhere.")
    assert together(ents, "Quellwick", "Quellwick College")
    assert not together(ents, "Varnby", "Varnby University")  # the town, a place


def test_a_craft_named_with_its_craft_word_joins_the_bare_name(nlp) -> None:
    ents = resolve(nlp, "Varn Air flight [QV512|ORG] vanished. Relatives of those on [Flight QV512|ORG] waited "
                        "for news of flight [QV512|ORG].")
    assert together(ents, "QV512", "Flight QV512")
    assert by_alias(ents, "QV512").kind == "other"


def test_the_head_word_of_one_x_of_y_organisation_joins_it(nlp) -> None:
    ents = resolve(nlp, "The [Academy of Quellic Arts|ORG] met. Later the [Academy|ORG] said it would act, "
                        "and the [Academy|ORG] did.")
    assert together(ents, "Academy", "Academy of Quellic Arts")
    ents = resolve(nlp, "The [Council of Varn|ORG] and the [Council of Tollin|ORG] met. The [Council|ORG] said "
                        "no, and the [Council|ORG] left.")
    assert not together(ents, "Council", "Council of Varn")  # two fit: none


def test_a_postal_code_shared_with_a_city_does_not_join_it(nlp) -> None:
    ents = resolve(nlp, "He lives in [Quellton|GPE], [WA|GPE], far from [Washington|GPE].")
    assert by_alias(ents, "WA").kind == "place"
    assert not together(ents, "WA", "Washington")  # "Washington" is mostly the capital


def test_a_figure_reference_is_no_name(nlp) -> None:
    ents = resolve(nlp, "The layer is thin ([Fig|PERSON]. 1), as [Orsa Tamm|PERSON] found ([Fig|PERSON]. 2).")
    assert "Fig" not in _aliases(ents)
    assert "Orsa Tamm" in _aliases(ents)


def test_a_newspaper_word_after_a_capital_the_is_a_newspaper(nlp) -> None:
    ents = resolve(nlp, "He told The [Telegraph|WORK_OF_ART] that it was over.")
    assert by_alias(ents, "Telegraph").kind == "organisation"


def test_a_model_with_a_digit_heading_a_craft_noun_is_a_craft(nlp) -> None:
    ents = resolve(nlp, "The navy sent a [Varnex Q7|ORG] maritime patrol aircraft to the area.")
    assert by_alias(ents, "Varnex Q7").kind == "other"


def test_a_word_opening_only_items_of_a_list_of_things_is_no_name(nlp) -> None:
    ents = resolve(nlp, "Agents known to cause harm:\n[Quellite|ORG] dust, crystalline\n[Varnium|PERSON] production\n"
                        "[Tollin Corp|ORG] makes both.\n[Orsa Tamm|PERSON] said they were safe.")
    assert "Quellite" not in _aliases(ents)
    assert "Varnium" not in _aliases(ents)
    assert "Tollin Corp" in _aliases(ents) and "Orsa Tamm" in _aliases(ents)  # a verb: a sentence, no list item


def test_a_full_name_after_a_kinship_or_leading_noun_and_of_is_a_person(nlp) -> None:
    ents = resolve(nlp, "The paper grew under the leadership of [Orsa Tammvik|GPE]. A resident of [Quell Varnby|GPE] "
                        "wrote in.")
    assert by_alias(ents, "Orsa Tammvik").kind == "person"
    assert by_alias(ents, "Quell Varnby").kind == "place"  # a role noun, not kinship: the place one lives in
