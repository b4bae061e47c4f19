"""Names of the "who is involved" table read from the words around them (issue 15, 2026-12-03 session 2):
sentence openers, names cut at a possessive, titles glued after a place, portfolios, natural places and
public bodies, nouns of place after a name, spaced state abbreviations, a surname the tagger calls a group.

Invented sentences and fictional names; mentions marked by hand (``[Name|LABEL]``) so that the tests
check the resolver, not spaCy's tagger (the parse around the marks is spaCy's).
"""

from __future__ import annotations

from .test_entities import by_alias, resolve, together


def _aliases(ents) -> set[str]:
    return {a for e in ents for a in e.aliases}


def test_a_verb_or_adverb_opening_a_sentence_is_no_name(nlp) -> None:
    ents = resolve(nlp, "[Push|PERSON] the red lever twice before you start, the manual says.",
                   "\"[Maybe|WORK_OF_ART] we will go,\" she said. [Quarravada|ORG] said on Monday it would wait.")
    assert "Push" not in _aliases(ents)
    assert "Maybe" not in _aliases(ents)
    assert "Quarravada" in _aliases(ents)  # a proper noun opening a sentence stays


def test_a_name_cut_at_an_unnamed_owners_possessive_is_dropped_but_a_places_body_stays(nlp) -> None:
    ents = resolve(nlp, "She works at Tollin's [Boot Store|PERSON] in town. The store sells a boot a day.",
                   "The case went to [Varnland|GPE]'s [Supreme Court|ORG]. The court was split and the supreme "
                   "judge spoke.")
    assert "Boot Store" not in _aliases(ents)
    assert "Supreme Court" in _aliases(ents)


def test_a_title_glued_after_a_place_before_a_persons_name_is_the_persons(nlp) -> None:
    ents = resolve(nlp, "The search went on, [Quellby County Sheriff|FAC] [Dorrit Valeska|PERSON] said.",
                   "Deputies in [Quellby County|GPE] joined the search.")
    assert "Quellby County Sheriff" not in _aliases(ents)
    assert together(ents, "Quellby County", "Quellby County")
    assert len(by_alias(ents, "Quellby County").mentions) == 2
    assert by_alias(ents, "Dorrit Valeska").kind == "person"


def test_a_portfolio_before_an_office_title_is_no_organisation(nlp) -> None:
    ents = resolve(nlp, "[Housing|ORG] Secretary [Dorrit Valeska|PERSON] and [Quarrel Steelworks|ORG] "
                        "Chairman [Tomas Brek|PERSON] attended.")
    assert "Housing" not in _aliases(ents)
    assert "Quarrel Steelworks" in _aliases(ents)  # no portfolio: a firm's name


def test_natural_places_and_public_lands_are_places_whatever_the_label(nlp) -> None:
    ents = resolve(nlp, "The truck was found at the [Bob Tallis Campground|PERSON] in the "
                        "[Quellwood National Forest|ORG], below the [Varn Mountains|ORG], far from the "
                        "[Tollin Seaboard|ORG].")
    assert by_alias(ents, "Bob Tallis Campground").kind == "place"
    assert by_alias(ents, "Quellwood National Forest").kind == "place"
    assert by_alias(ents, "Varn Mountains").kind == "place"
    assert by_alias(ents, "Tollin Seaboard").kind == "place"


def test_a_public_body_tagged_a_place_is_an_organisation(nlp) -> None:
    ents = resolve(nlp, "He works for the [Quellby County Sheriff's Department|GPE] and rides the "
                        "[Varn Valley Railroad|GPE] on weekends. The sheriff was away.")
    assert by_alias(ents, "Quellby County Sheriff's Department").kind == "organisation"
    assert by_alias(ents, "Varn Valley Railroad").kind == "organisation"


def test_a_name_before_resident_or_campground_is_a_place_but_a_group_stays(nlp) -> None:
    ents = resolve(nlp, "A [Tollinbrook|ORG] resident, [Dorrit Valeska|PERSON], saw the fire.",
                   "Agents searched the [Quarrel Tree|ORG] campground.",
                   "Most [Varnish|NORP] residents stayed home.",
                   "Ships neared the [Kelvaro|ORG] islets. [Quellan Media|ORG] Area 51 Revealed.")
    assert by_alias(ents, "Kelvaro").kind == "place"
    assert by_alias(ents, "Quellan Media").kind == "organisation"  # a capitalised "Area" starts another name
    assert by_alias(ents, "Tollinbrook").kind == "place"
    assert by_alias(ents, "Quarrel Tree").kind == "place"
    assert by_alias(ents, "Varnish").kind == "group"


def test_a_state_abbreviation_written_with_a_space_joins_the_state(nlp) -> None:
    ents = resolve(nlp, "The plane landed in [Tollinbrook|GPE], [N. C.|PERSON], on Monday.",
                   "Officials in [North Carolina|GPE] said the search was over. Rain fell across [North Carolina|GPE].")
    assert together(ents, "N. C.", "North Carolina")
    assert by_alias(ents, "North Carolina").kind == "place"


def test_a_surname_tagged_a_group_joins_the_full_name_before_it_in_its_article(nlp) -> None:
    ents = resolve(nlp, "The lawyer, [Monica Quarrin|PERSON], spoke first. According to [Quarrin|NORP], "
                        "the ruling was wrong.")
    assert together(ents, "Quarrin", "Monica Quarrin")


def test_a_group_word_that_ends_a_persons_name_stays_a_group(nlp) -> None:
    ents = resolve(nlp, "[Dorrit Varnish|PERSON] spoke first. Many [Varnish|NORP] voters agreed.",
                   "[Tomas Quellan|PERSON] arrived. [Quellan|NORP] officials welcomed him.")
    assert not together(ents, "Varnish", "Dorrit Varnish")  # the parser reads it as an adjective
    assert not together(ents, "Quellan", "Tomas Quellan")  # a group's ending ("-an")


def _roles(ents, alias: str) -> set[str]:
    return {r.text for r in by_alias(ents, alias).roles}


def test_a_hyphenated_role_is_one_role(nlp) -> None:
    ents = resolve(nlp, "\"It is wrong,\" said [Ted Quarrin|PERSON], co-chairman of the [Velmore Caucus|ORG], on Monday.",
                   "[Jora Tallis|PERSON], Velmore's son-in-law, stayed home.")
    assert _roles(ents, "Ted Quarrin") == {"co-chairman of the Velmore Caucus"}
    assert _roles(ents, "Jora Tallis") == {"Velmore's son-in-law"}


def test_an_apposition_summing_up_an_act_or_a_caption_place_is_no_role(nlp) -> None:
    ents = resolve(nlp, "The ruling was overturned by [Dorrit Valeska|PERSON], a move that her critics now regret.",
                   "Prime Minister [Tomas Brek|PERSON], center, arrives for the meeting.")
    assert _roles(ents, "Dorrit Valeska") == set()
    assert "center" not in _roles(ents, "Tomas Brek")


def test_the_number_of_a_station_name_starts_no_role(nlp) -> None:
    ents = resolve(nlp, "KVRN 5 reporter [Dorrit Valeska|PERSON] confirmed Thursday that the jurors refused.")
    assert _roles(ents, "Dorrit Valeska") == {"reporter"}


def test_a_government_body_named_either_way_round_is_one(nlp) -> None:
    ents = resolve(nlp, "The [Varnland Justice Department|ORG] declined to comment.",
                   "A spokesman for the [Department of Varnland Justice|ORG] said the case was open.",
                   "The [Quarrel Ministry|ORG] and the [Ministry of Tollin|ORG] met.")
    assert together(ents, "Varnland Justice Department", "Department of Varnland Justice")
    assert not together(ents, "Quarrel Ministry", "Ministry of Tollin")


def test_a_bare_surname_two_people_share_is_a_person_left_apart(nlp) -> None:
    ents = resolve(nlp, "[Bo Quarrin|PERSON] flew in, said [Vicci Quarrin|PERSON], his daughter-in-law. "
                        "[Quarrin|ORG], 59, has a radio show.")
    assert by_alias(ents, "Quarrin").kind == "person"
    assert not together(ents, "Quarrin", "Bo Quarrin") and not together(ents, "Quarrin", "Vicci Quarrin")


def test_a_misspelt_month_is_no_name_but_a_near_name_stays(nlp) -> None:
    ents = resolve(nlp, "In [Febraury|GPE], the case was filed. On [Wedensday|ORG] it was heard.",
                   "She flew to [Augusta|GPE] and met [Octavia|PERSON].")
    assert {"Febraury", "Wedensday"}.isdisjoint(_aliases(ents))
    assert {"Augusta", "Octavia"} <= _aliases(ents)


def test_a_place_with_one_word_left_out_joins_the_one_place_it_fits(nlp) -> None:
    ents = resolve(nlp, "The bomb went off in [Quellan Tollin Park|FAC] in July.",
                   "Crowds filled [Quellan Park|FAC] again. Two parks, [Varn North Park|FAC] and "
                   "[Varn South Park|FAC], stayed shut, and [Varn Park|FAC] too.")
    assert together(ents, "Quellan Park", "Quellan Tollin Park")
    assert not together(ents, "Varn Park", "Varn North Park") and not together(ents, "Varn Park", "Varn South Park")


def test_a_word_tagged_a_place_after_in_is_a_place_not_a_group(nlp) -> None:
    ents = resolve(nlp, "The remains were taken to a [Tollmouth|NORP] hospital. The autopsy was done in [Tollmouth|GPE].",
                   "Many [Varnish|NORP] voters live in [Varnish|GPE] towns and in the [Varnish|NORP] hills.")
    assert by_alias(ents, "Tollmouth").kind == "place"
    assert by_alias(ents, "Varnish").kind == "group"  # a group's adjective ending


def test_a_name_ending_in_an_ambulance_service_or_a_clinic_is_no_person(nlp) -> None:
    ents = resolve(nlp, "He was taken by [Tollin Ambulance|PERSON] to the [Quarrel Clinic|PERSON].")
    assert by_alias(ents, "Tollin Ambulance").kind == "organisation"
    assert by_alias(ents, "Quarrel Clinic").kind == "organisation"


def test_a_name_also_written_inside_a_sentence_keeps_its_first_word_at_a_sentence_start(nlp) -> None:
    ents = resolve(nlp, "Fans met [Will Tarrow|PERSON] on Monday. [Will Tarrow|PERSON] said he was tired.",
                   "Flights to [New Quellby|GPE] were late. [New Quellby|GPE] police closed the road.",
                   "[Played Tollin|PERSON] was the headline.")
    assert len(by_alias(ents, "Will Tarrow").mentions) == 2
    assert "Tarrow" not in _aliases(ents)
    assert len(by_alias(ents, "New Quellby").mentions) == 2
    assert "Played Tollin" not in _aliases(ents)  # written only at a line start: the verb goes


def test_a_name_described_as_a_daily_is_an_organisation(nlp) -> None:
    ents = resolve(nlp, "The financial daily [Il Quarro 24|PERSON] reported the talks had failed.")
    assert by_alias(ents, "Il Quarro 24").kind == "organisation"


def test_a_name_before_news_agency_is_an_organisation_but_a_group_stays(nlp) -> None:
    ents = resolve(nlp, "The [Quarrelia|GPE] news agency said the talks had failed.",
                   "The [Varnish|NORP] news agency disagreed.")
    assert by_alias(ents, "Quarrelia").kind == "organisation"
    assert by_alias(ents, "Varnish").kind == "group"
