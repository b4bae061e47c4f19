"""Merges backed by evidence, kinds from all mentions (issue 15, 2026-12-04, third pass).

A personal-looking name that takes an article ("the Orm Vell Kaan") is no person however its last word is
tagged; a bare word that is the first name of a person of its own article is no surname of a person
named elsewhere; a role noun that names a person ("a security guard") makes the name it describes a
person's.

Invented sentences and fictional names; mentions marked by hand (``[Name|LABEL]``) so that the tests
check the resolver, not spaCy's tagger (the parse around the marks is spaCy's).
"""

from __future__ import annotations

from .test_entities import by_alias, resolve, together


def test_a_name_with_an_article_is_no_person_however_its_last_word_is_tagged(nlp) -> None:
    ents = resolve(nlp, "The council declared the [Orm Vell Kaan|ORG] a hate group. Members of the "
                        "[Orm Vell Kaan|ORG] marched. The [Kaan|PERSON] wants a permit.",
                   "[Kaan|PERSON] leaders spoke. The [Orm Vell Kaan|ORG] lost its suit.")
    assert by_alias(ents, "Orm Vell Kaan").kind == "organisation"


def test_a_personal_name_tagged_an_organisation_still_follows_its_surname(nlp) -> None:
    ents = resolve(nlp, "[Ilse Marrow|ORG] opened the shop in May. [Marrow|PERSON] said sales were good.",
                   "[Marrow|PERSON] said the shop would open a second branch.")
    assert by_alias(ents, "Ilse Marrow").kind == "person"


def test_a_first_name_of_a_person_of_its_article_is_no_surname_of_a_person_elsewhere(nlp) -> None:
    ents = resolve(nlp, "The family of [Tovin Brask|PERSON] sued the group. His mother wanted justice for "
                        "[Tovin|PERSON]. [Tovin Brask|PERSON] was 19.",
                   "The singer [Arle Tovin|PERSON] came out this year.",
                   "[Tovin Sarrow|PERSON] spoke at the rally.")
    assert not together(ents, "Arle Tovin", "Tovin")


def test_a_bare_surname_still_joins_the_one_person_of_the_set_it_fits(nlp) -> None:
    ents = resolve(nlp, "The singer [Arle Tovin|PERSON] came out this year.",
                   "Fans cheered when [Tovin|PERSON] took the stage.")
    assert together(ents, "Arle Tovin", "Tovin")


def test_initials_with_dots_are_not_a_postal_code(nlp) -> None:
    ents = resolve(nlp, "He went on trial in [Los Angeles|GPE] last year. In [L.A.|GPE] the case drew crowds.",
                   "The family lives in [Louisiana|GPE], where the mill closed.")
    assert not together(ents, "L.A.", "Louisiana")
    assert together(ents, "L.A.", "Los Angeles")


def test_initials_with_dots_form_apart_from_the_same_letters_written_as_a_word(nlp) -> None:
    ents = resolve(nlp, "He went on trial in [Los Angeles|GPE] last year. In [L.A.|GPE] the case drew crowds.",
                   "He died at a hospital in Marksville, [La|GPE]. He had lived in Brell, [La|GPE].")
    assert not together(ents, "La", "Los Angeles")


def test_an_institution_named_bare_where_its_place_is_never_named_is_not_that_places(nlp) -> None:
    ents = resolve(nlp, "The [Ardel Supreme Court|ORG] upheld the verdict against the group in [Ardel|GPE].",
                   "The case of the mill never reached the [Supreme Court|ORG], his lawyer said in [Brell|GPE].")
    assert not together(ents, "Supreme Court", "Ardel Supreme Court")


def test_an_institution_named_bare_where_its_place_is_named_is_that_places(nlp) -> None:
    ents = resolve(nlp, "The [Ardel Supreme Court|ORG] upheld the verdict against the group in [Ardel|GPE].",
                   "Lawyers in [Ardel|GPE] said the [Supreme Court|ORG] would hear the appeal.")
    ent = by_alias(ents, "Ardel Supreme Court")
    assert together(ents, "Supreme Court", "Ardel Supreme Court")
    assert any("1 of its 1 articles" in m.evidence for m in ent.merges)


def test_an_age_between_commas_makes_a_person(nlp) -> None:
    ents = resolve(nlp, "The two men, [Udo Varnell|ORG], 27, and [Ivo Sarnik|ORG], 49, were held in the port.")
    assert by_alias(ents, "Udo Varnell").kind == "person"
    assert by_alias(ents, "Ivo Sarnik").kind == "person"


def test_a_number_glued_to_a_unit_after_a_comma_is_no_age(nlp) -> None:
    ents = resolve(nlp, "The laptop has the [Varn Quell|ORG], 5,400rpm drives and a fan. The [Varn Quell|ORG] "
                        "sells well.")
    assert by_alias(ents, "Varn Quell").kind != "person"


def test_a_name_in_a_list_of_places_is_a_place(nlp) -> None:
    ents = resolve(nlp, "The quake was felt in [Brellton|GPE], [Ardelburg|GPE] and [Quornay|PERSON], which are far "
                        "apart. Rescue teams flew to [Brellton|GPE] and [Quornay|PERSON], [Ardelburg|GPE].")
    assert by_alias(ents, "Quornay").kind == "place"


def test_the_subject_of_said_described_as_a_chairman_is_a_person(nlp) -> None:
    ents = resolve(nlp, "\"We need new laws,\" said [Mirat Olcek|ORG], chairman of the lawyers' association.")
    assert by_alias(ents, "Mirat Olcek").kind == "person"


def test_a_security_guard_is_a_person_and_his_surname_joins_him(nlp) -> None:
    ents = resolve(nlp, "Another security guard, [Shan Wrelle|PERSON], is a fugitive. The third guard, "
                        "[Shan Wrelle|PERSON], fled. Later [Wrelle|PERSON] and two others drove off.")
    assert by_alias(ents, "Shan Wrelle").kind == "person"
    assert together(ents, "Shan Wrelle", "Wrelle")


def test_a_name_before_plant_is_a_firm(nlp) -> None:
    ents = resolve(nlp, "At the nearby [Goodmoor|PERSON] plant, the walls still stand. The [Goodmoor|PERSON] "
                        "plant in the city was built with steel.")
    assert by_alias(ents, "Goodmoor").kind == "organisation"


def test_two_spellings_of_a_personal_name_join_whatever_the_tagger_calls_them(nlp) -> None:
    ents = resolve(nlp, "In a briefing, [Andrej Porubko|PERSON], the council's secretary, said troops were ready.",
                   "The council secretary, [Andrej Parubko|ORG], said exercises would be held.")
    assert together(ents, "Andrej Porubko", "Andrej Parubko")


def test_an_adjective_of_a_bodys_name_is_no_group(nlp) -> None:
    ents = resolve(nlp, "She read the letter into the official [Varnessional|NORP] record. [Varness|ORG] passed "
                        "the bill, and the [Varnessional|NORP] record shows it.")
    assert not any("Varnessional" in e.aliases for e in ents)
    assert any("Varness" in e.aliases for e in ents)


def test_a_group_adjective_of_a_people_stays(nlp) -> None:
    ents = resolve(nlp, "The [Varnian|NORP] minister met [Varness|ORG] officials. [Varnian|NORP] troops left.")
    assert any("Varnian" in e.aliases for e in ents)


def test_a_name_glued_to_a_photo_credit_is_no_rival_for_a_surname(nlp) -> None:
    ents = resolve(nlp, "President [Varo Trell|PERSON] named his pick. | [AP Photo Trell|PERSON] picks a judge. "
                        "[Trell|PERSON] said the judge was the best.",
                   "The list of judges [Varo Trell|PERSON] promised was long.")
    assert together(ents, "Varo Trell", "Trell")


def test_a_first_name_before_the_full_name_of_its_article_joins_it_whatever_a_surname_elsewhere(nlp) -> None:
    ents = resolve(nlp, "The film claims the girl was killed by her brother, [Burlo|PERSON], then nine. The family "
                        "says [Burlo Vessary|PERSON] was asleep.",
                   "The police chief, [Stan Burlo|PERSON], said the case was open.")
    assert together(ents, "Burlo Vessary", "Burlo")
    assert not together(ents, "Stan Burlo", "Burlo")
