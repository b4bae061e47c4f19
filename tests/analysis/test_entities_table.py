"""Kinds and names of the "who is involved" table (issue 15, fifth pass): ships and aircraft, group
plurals, newspapers tagged places, abbreviations as names, role words glued to a name.

Invented sentences and fictional names; mentions marked by hand (``[Name|LABEL]``) so that the
tests check the resolver, not spaCy's tagger (the parse around the marks is spaCy's).
"""

from __future__ import annotations

from .test_entities import by_alias, resolve, together


def test_a_ship_described_as_one_is_other(nlp) -> None:
    ents = resolve(nlp, "An oceanographic survey ship, the [Carrowind|ORG], was called in. "
                        "Divers worked from the [Carrowind|ORG] all day.",
                   "The navy sent the salvage ship [Quellin|NORP]. Crews on the [Quellin|GPE] waited.",
                   "A destroyer, the [U.S.S. Tamberlane|ORG], sailed at dawn.")
    assert by_alias(ents, "Carrowind").kind == "other"
    assert by_alias(ents, "Quellin").kind == "other"
    assert by_alias(ents, "U.S.S. Tamberlane").kind == "other"


def test_an_aircraft_type_is_other_but_an_owner_of_a_plane_is_not(nlp) -> None:
    ents = resolve(nlp, "He flew a single-engine [Vesko Altair|GPE] to the island.",
                   "Investigators inspected his [Vesko Altair|GPE] airplane on Sunday.",
                   "The [Dorrit Valeska|PERSON] plane crashed. [Valeska|PERSON] was the pilot of a "
                   "[Quarrel Navy|ORG] plane once.")
    assert by_alias(ents, "Vesko Altair").kind == "other"
    assert by_alias(ents, "Dorrit Valeska").kind == "person"  # "the X plane" is the owner's
    assert by_alias(ents, "Quarrel Navy").kind == "organisation"


def test_a_family_plural_with_an_article_is_a_group(nlp) -> None:
    ents = resolve(nlp, "[Dorrit Valeska|PERSON] arrived. [Valeska|PERSON] said little.",
                   "Friends said the [Valeskas|PERSON] had no illusions. The [Valeskas|PERSON] were in the plane.")
    assert by_alias(ents, "Valeskas").kind == "group"
    assert by_alias(ents, "Dorrit Valeska").kind == "person"


def test_a_surname_ending_in_s_stays_a_person(nlp) -> None:
    # "Ms. Williams" is shown a person: no plural of "William" even with "the" elsewhere
    ents = resolve(nlp, "[William Orne|PERSON] spoke first. Then [Ms. Williams|PERSON] spoke.",
                   "The [Williams|PERSON] campaign said [Williams|PERSON] would run.")
    assert by_alias(ents, "Williams").kind == "person"


def test_the_people_of_a_place_are_a_group(nlp) -> None:
    ents = resolve(nlp, "Voters in [Quarravada|GPE] went to the polls. Many [Quarravadans|ORG] stayed home.",
                   "Vacationers and [Velmorers|ORG] lined the shore of [Velmore|GPE].")
    assert by_alias(ents, "Quarravadans").kind == "group"
    assert by_alias(ents, "Velmorers").kind == "group"


def test_a_team_named_with_an_article_is_no_group(nlp) -> None:
    ents = resolve(nlp, "Fans in [Quarravada|GPE] cheered as the [Quarravadans|ORG] won again.")
    assert by_alias(ents, "Quarravadans").kind == "organisation"


def test_a_newspaper_tagged_a_place_is_an_organisation_and_its_short_form_joins(nlp) -> None:
    ents = resolve(nlp, "Officials in [Velmore City|GPE] told the [Velmore City Sun|GPE] on Monday.",
                   "A spokesman told the [Sun|GPE] that talks went on. The [Sun|GPE] reported more later.")
    assert by_alias(ents, "Velmore City Sun").kind == "organisation"
    assert together(ents, "Sun", "Velmore City Sun")
    assert by_alias(ents, "Velmore City").kind == "place"


def test_a_chain_of_newspapers_is_an_organisation(nlp) -> None:
    ents = resolve(nlp, "The story was filed by [Quarrel Newspapers|PERSON] for its clients.")
    assert by_alias(ents, "Quarrel Newspapers").kind == "organisation"


def test_an_abbreviation_is_not_the_name_however_frequent(nlp) -> None:
    ents = resolve(nlp, "[PORTVALE|GPE], [Ore|GPE]. -- Rain fell.", "[MEDLOW|GPE], [Ore|GPE]. -- Rain fell again.",
                   "[SALTEN|GPE], [Ore|GPE]. -- Crews waited. The rain in [Oregon|GPE] stopped.")
    assert together(ents, "Ore", "Oregon")
    assert by_alias(ents, "Oregon").name == "Oregon"
    ents = resolve(nlp, "[PORTVALE|GPE], [Fla|GPE]. -- Rain fell.", "[MEDLOW|GPE], [Fla|GPE]. -- Rain fell again.",
                   "Crews in [Florida|GPE] waited.")
    assert by_alias(ents, "Fla").name == "Florida"  # letters in order, not a prefix


def test_a_titled_name_tagged_an_organisation_is_a_person(nlp) -> None:
    ents = resolve(nlp, "``We will go on,'' said [Rear Adm. Corvin T. Ostrand|ORG] of the Coast Guard.",
                   "The [Quarrel Institute|ORG] and [Dr. Pepperell|ORG] were named.")
    assert by_alias(ents, "Corvin T. Ostrand").kind == "person"
    assert by_alias(ents, "Quarrel Institute").kind == "organisation"


def test_a_role_or_group_word_glued_to_a_full_name_is_no_part_of_it(nlp) -> None:
    ents = resolve(nlp, "[Actress Jorella Vane|PERSON] spoke on Monday. Later [Jorella Vane|PERSON] left.",
                   "[Varnian Tomas Brek|PERSON] won. [Tomas Brek|PERSON] was happy. The [Varnian|NORP] team won "
                   "and two [Varnian|NORP] ministers came.")
    assert by_alias(ents, "Jorella Vane").name == "Jorella Vane"
    assert "Actress Jorella Vane" not in {a for e in ents for a in e.aliases}
    assert by_alias(ents, "Tomas Brek").name == "Tomas Brek"
    assert by_alias(ents, "Varnian").kind == "group"


def test_a_first_name_that_is_a_word_stays(nlp) -> None:
    # a capitalised first word that is no role and no group adjective is part of the name, and so is a
    # first name the tagger once calls a group while it starts a full name more often
    ents = resolve(nlp, "[Frank Lorrin Abbet|PERSON] spoke. [Bryn Dallow Hart|PERSON] listened.",
                   "[Bryn Dallow Hart|PERSON] left. A [Bryn|NORP] fan waved.")
    assert by_alias(ents, "Frank Lorrin Abbet").name == "Frank Lorrin Abbet"
    assert by_alias(ents, "Bryn Dallow Hart").name == "Bryn Dallow Hart"


def test_words_of_place_before_a_name_make_it_a_place(nlp) -> None:
    ents = resolve(nlp, "The plane went down off [Varnock Head|PERSON] at night. It was 17 miles southwest "
                        "of [Varnock Head|ORG] when radar lost it.",
                   "Debris washed up along [Varnock Head|PERSON]. Crews searched the coast of [Varnock Head|ORG].",
                   "[Varnock Head|PERSON] was quiet.")
    assert by_alias(ents, "Varnock Head").kind == "place"


def test_a_person_after_off_who_owns_a_noun_stays_a_person(nlp) -> None:
    ents = resolve(nlp, "The rally kicked off [Dorrit Valeska|PERSON]'s campaign. [Dorrit Valeska|PERSON] said thanks.")
    assert by_alias(ents, "Dorrit Valeska").kind == "person"


def test_a_place_abbreviation_or_an_answer_mark_glued_to_a_surname_is_cut(nlp) -> None:
    ents = resolve(nlp, "Crews in [N.J.|GPE] waited. He left from Dellport, [N.J. Valeska|PERSON] had to turn "
                        "back. [Dorrit Valeska|PERSON] was the pilot.",
                   "Q. When did he leave?\n[A. Valeska|PERSON] took off at 8:38 p.m.\nQ. Was he alone?",
                   "[J.R. Ostrand|PERSON] and [Dorrit Valeska|PERSON] met.")
    aliases = {a for e in ents for a in e.aliases}
    assert "N.J. Valeska" not in aliases and "A. Valeska" not in aliases
    assert together(ents, "Valeska", "Dorrit Valeska")
    assert "J.R. Ostrand" in aliases  # initials, no place



def test_a_ship_named_for_a_person_is_no_person(nlp) -> None:
    ents = resolve(nlp, "The [USS Dorran|PRODUCT] collided with a freighter. Sailors of the [USS Dorran|ORG] "
                        "were missing.", "[Dorran|PERSON] said little. The [USS Dorran|PRODUCT] was towed.")
    assert by_alias(ents, "USS Dorran").kind == "other"


def test_the_post_is_the_one_newspaper_it_ends(nlp) -> None:
    ents = resolve(nlp, "He wrote a long post online. The [Velmore Post|ORG] broke the story.",
                   "A spokesman told the [Post|ORG] that he had resigned, the [Post|ORG] reported.")
    assert together(ents, "Post", "Velmore Post")
    ents = resolve(nlp, "The [Velmore Post|ORG] and the [Quarrel Post|ORG] both ran it.",
                   "He told the [Post|ORG] later.")
    assert not together(ents, "Post", "Velmore Post") and not together(ents, "Post", "Quarrel Post")


def test_the_last_word_of_the_one_place_it_ends_joins_it(nlp) -> None:
    ents = resolve(nlp, "The plane crashed off [Quarrel's Orchard|ORG]. Searchers combed [Quarrel's Orchard|LOC].",
                   "Residents of the [Orchard|ORG] gathered. Flags on the [Orchard|ORG] flew at half-staff.")
    assert together(ents, "Orchard", "Quarrel's Orchard")
    assert by_alias(ents, "Orchard").kind == "place"
    # a word the articles also write in lowercase is no short form of the place
    ents = resolve(nlp, "They drove into [Velmore Valley|LOC] twice; [Velmore Valley|GPE] was green.",
                   "The valley was dry. Later the [Valley|ORG] was quiet.")
    assert "Valley" not in by_alias(ents, "Velmore Valley").aliases
