"""Canonical names, generations, events and possessive names (issue 15, fourth pass).

Invented sentences and fictional names; mentions marked by hand (``[Name|LABEL]``) so that the
tests check the resolver, not spaCy's tagger.
"""

from __future__ import annotations

from newsdossier.analysis.entities.names import event_name, looks_like_personal_name, split_name

from .test_entities import by_alias, resolve, together


def test_a_name_seen_only_in_capitals_is_title_cased(nlp) -> None:
    ents = resolve(nlp, "[QUARRYVALE AIR BASE|GPE], Mass. -- Crews arrived by air. [Dorrit Valeska|PERSON] spoke.",
                   "[VELMORE|GPE], Conn. -- The search went on.")
    assert by_alias(ents, "QUARRYVALE AIR BASE").name == "Quarryvale Air Base"
    assert by_alias(ents, "VELMORE").name == "Velmore"  # a dateline: every mention starts a line


def test_mixed_case_wins_over_capitals(nlp) -> None:
    ents = resolve(nlp, "[ORLAN BESSOVICH|PERSON]: Good evening.\nWe spoke to [Orlan Bessovich|PERSON] later.",
                   "[ORLAN BESSOVICH|PERSON] said it on air.")
    assert by_alias(ents, "ORLAN BESSOVICH").name == "Orlan Bessovich"


def test_capitals_inside_the_running_text_stay_an_acronym(nlp) -> None:
    # an organisation in capitals may be an acronym; one word in the running text too
    ents = resolve(nlp, "The race was shown by [VORTEX|ORG] and by [KQLT 5|ORG] on Sunday.")
    assert by_alias(ents, "VORTEX").name == "VORTEX"
    assert by_alias(ents, "KQLT 5").name == "KQLT 5"


def test_a_son_is_not_his_father(nlp) -> None:
    ents = resolve(nlp, "[Harlan Ostrove|PERSON] met reporters. His son [Harlan Ostrove Jr.|PERSON] stayed home.",
                   "[Ostrove|PERSON] spoke later.")
    assert not together(ents, "Harlan Ostrove", "Harlan Ostrove Jr")
    # the bare surname fits both: it joins neither
    assert not together(ents, "Ostrove", "Harlan Ostrove") and not together(ents, "Ostrove", "Harlan Ostrove Jr")


def test_a_generational_suffix_is_no_surname() -> None:
    assert split_name("Harlan Ostrove Jr").last == "ostrove"
    assert not looks_like_personal_name(split_name("Ostrove Jr"))  # no first name
    assert looks_like_personal_name(split_name("Harlan Ostrove Jr"))


def test_event_names() -> None:
    assert event_name(split_name("Velmore Ministerial Meeting"))
    assert event_name(split_name("Quarry Remembrance Day"))
    assert event_name(split_name("April Larks' Day"))
    assert not event_name(split_name("Doria Day"))  # a surname
    assert not event_name(split_name("Velmore"))


def test_an_event_is_other_whatever_the_label(nlp) -> None:
    ents = resolve(nlp, "Ministers met at the [Velmore Ministerial Meeting|ORG] on Monday.",
                   "The [Quarry Remembrance Day|PERSON] was marked.")
    assert by_alias(ents, "Velmore Ministerial Meeting").kind == "other"
    assert by_alias(ents, "Quarry Remembrance Day").kind == "other"


def test_a_common_noun_that_owns_the_rest_keeps_the_name_whole(nlp) -> None:
    ents = resolve(nlp, "Thousands joined the [Farmers' Parade|ORG] and the [Weavers's Guild|ORG] again. "
                        "Many farmers came; the weavers stayed.",
                   "[Velvet Hall's Marta Quinlan|PERSON] sang.")
    names = {e.name for e in ents}
    assert "Marta Quinlan" in names  # a name owns the rest: the rest is the name
    assert "Weavers's Guild" in names or "Weavers’s Guild" in names


def test_a_known_short_form_of_a_given_name_joins(nlp) -> None:
    ents = resolve(nlp, "[Benjamin Toltsky|PERSON] spoke on Monday.", "[Bibi Toltsky|PERSON] spoke again.")
    assert together(ents, "Bibi Toltsky", "Benjamin Toltsky")


def test_an_event_named_without_its_head_word_joins_it(nlp) -> None:
    ents = resolve(nlp, "On [Larkspur Remembrance Day|EVENT] crowds gathered.",
                   "[Larkspur Remembrance|PERSON] drew crowds again.")
    assert together(ents, "Larkspur Remembrance", "Larkspur Remembrance Day")
    assert by_alias(ents, "Larkspur Remembrance").kind == "other"


def test_a_name_with_a_possessive_inside_is_one_name(nlp) -> None:
    # "Marla" is written only as "Marla's Haven": no person, and "Haven" no organisation
    ents = resolve(nlp, "The ferry sank off [Marla's Haven|ORG] on Friday.",
                   "Divers searched the waters near [Marla|PERSON]'s [Haven Airport|FAC] all night.",
                   "Boats from [Marla's Haven|ORG] joined them.")
    names = {e.name for e in ents}
    assert "Marla" not in names and "Haven" not in names, names
    assert "Marla's Haven" in names and "Marla's Haven Airport" in names, names
    # an owner also written on its own owns the next name: "Velvet Hall's Marta Quinlan"
    ents = resolve(nlp, "[Velvet Hall's Marta Quinlan|PERSON] sang.", "[Velvet Hall's Marta Quinlan|PERSON] left.",
                   "[Velvet Hall|ORG] closed.")
    assert "Marta Quinlan" in {e.name for e in ents}


def test_a_two_word_name_may_end_in_a_word_spelled_like_a_title(nlp) -> None:
    # "Hun Sen", "Robert King": the last word is the surname, not a truncated title
    ents = resolve(nlp, "Prime Minister [Hun Sen|PERSON] called the elections. [Hun Sen|PERSON] spoke on Monday.",
                   "The envoy, [Robert King|PERSON], said he would return.")
    assert by_alias(ents, "Hun Sen").kind == "person"
    assert by_alias(ents, "Robert King").kind == "person"
    assert not [e for e in ents if e.name in ("Hun", "Robert")]
