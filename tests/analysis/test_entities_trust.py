"""Entity resolution, issue 15 ("names you can trust"): scope, nicknames, stories, junk, confidence.

Invented sentences and fictional names; mentions marked by hand (``[Name|LABEL]``) so that the
tests check the resolver, not spaCy's tagger.
"""

from __future__ import annotations

import pytest

from newsdossier.analysis.entities import EntitiesConfig, EntitiesConfigError, EntityRules, resolve_entities
from newsdossier.analysis.entities.variants import given_name_relation, one_edit
from newsdossier.model import Entity

from .test_entities import build, by_alias, resolve, together


def _names(ents: list[Entity]) -> set[str]:
    return {a for e in ents for a in e.aliases}


def test_given_name_table() -> None:
    assert given_name_relation("bill", "william") == "nickname"
    assert given_name_relation("bill", "will") == "nickname"  # both short for William
    assert given_name_relation("randy", "randall") == "nickname"
    assert given_name_relation("lindsay", "lindsey") == "spelling"
    assert given_name_relation("bill", "robert") is None
    assert given_name_relation("john", "jon") is None


def test_one_edit() -> None:
    assert one_edit("judicary", "judiciary") and one_edit("election", "elections") and one_edit("tarquin", "tarquen")
    assert not one_edit("tarquin", "tarquin") and not one_edit("tarquin", "tarqeun")


def test_nickname_joins_full_names_in_different_articles(nlp) -> None:
    ents = resolve(nlp, "[Bill Oyelaran|PERSON] arrived.", "[William Oyelaran|PERSON] spoke to the press.")
    assert together(ents, "Bill Oyelaran", "William Oyelaran")
    merge = next(m for m in by_alias(ents, "Bill Oyelaran").merges if m.rule == "nickname")
    assert 0 < merge.confidence < 1 and "nickname" in merge.evidence
    assert by_alias(ents, "Bill Oyelaran").confidence == merge.confidence


def test_nickname_pair_in_one_article_is_two_people(nlp) -> None:
    ents = resolve(nlp, "[Bob Quenby|PERSON] and his son [Bobby Quenby|PERSON] disagree.")
    assert not together(ents, "Bob Quenby", "Bobby Quenby")


def test_different_given_names_never_merge(nlp) -> None:
    ents = resolve(nlp, "[Tarquin Oyelaran|PERSON] arrived.", "[Marcus Oyelaran|PERSON] spoke.")
    assert not together(ents, "Tarquin Oyelaran", "Marcus Oyelaran")


def test_first_name_shared_by_two_people_of_the_set_stays_alone(nlp) -> None:
    ents = resolve(nlp, "[Steve Quenby|PERSON] spoke and [Steve|PERSON] left.", "[Steve Varga|PERSON] agreed.")
    assert not together(ents, "Steve", "Steve Quenby") and not together(ents, "Steve", "Steve Varga")


def test_family_noun_keeps_the_surname_off_one_person(nlp) -> None:
    ents = resolve(nlp, "[Serafina Quenby|PERSON] won. The [Quenby|PERSON] sisters were there.")
    assert not together(ents, "Quenby", "Serafina Quenby")


def test_place_with_state_is_not_the_person(nlp) -> None:
    ents = resolve(nlp, "[Jack Tarrant|PERSON] lives in [Tarrant|GPE], Wyo. now.")
    assert not together(ents, "Tarrant", "Jack Tarrant")


def test_state_is_not_the_river(nlp) -> None:
    ents = resolve(nlp, "The [Kessel River|LOC] rose.", "Voters in [Kessel|GPE] went to the polls.")
    assert not together(ents, "Kessel", "Kessel River")


def test_near_spelling_of_a_long_organisation_name(nlp) -> None:
    ents = resolve(nlp, "The [Varnian Electoral Commission|ORG] met.", "The [Varnian Electorial Commission|ORG] ruled.")
    assert together(ents, "Varnian Electoral Commission", "Varnian Electorial Commission")
    assert any(m.rule == "near spelling" for m in by_alias(ents, "Varnian Electoral Commission").merges)


def test_near_spelling_of_a_person_needs_the_same_given_name_and_no_meeting(nlp) -> None:
    ents = resolve(nlp, "[Tarquin Oyelaran|PERSON] arrived.", "[Tarquin Oyelarran|PERSON] spoke.")
    assert together(ents, "Tarquin Oyelaran", "Tarquin Oyelarran")
    ents = resolve(nlp, "[Tarquin Oyelaran|PERSON] met [Tarquin Oyelarran|PERSON].")
    assert not together(ents, "Tarquin Oyelaran", "Tarquin Oyelarran")


def test_acronym_joins_expansion_with_a_plural_variant(nlp) -> None:
    ents = resolve(nlp, "The [Varnian Rowing Federation|ORG] met.", "The [Varnian Rowing Federations|ORG] said so.",
                   "The [VRF|ORG] agreed.")
    assert together(ents, "VRF", "Varnian Rowing Federation") and together(ents, "VRF", "Varnian Rowing Federations")


def test_credits_captions_and_clauses_are_not_names(nlp) -> None:
    ents = resolve(nlp, "Photo by [Ann Quenby/Reuters|PERSON] here.\n[Photography - Tom Varga|PERSON] here.\n"
                   "Then [Quenby saw Tom Varga|PERSON] there. [Quenby and Varga|PERSON] left.")
    names = _names(ents)
    assert not any("/" in n or " - " in n or " saw " in n or " and " in n for n in names)


def test_possessive_inside_a_name_keeps_the_head(nlp) -> None:
    ents = resolve(nlp, "We saw [Moonrise’s Tarquin Oyelaran|PERSON] there.")
    assert "Tarquin Oyelaran" in _names(ents)


def test_heading_word_and_trailing_month_are_trimmed(nlp) -> None:
    ents = resolve(nlp, "Officials met the following day.\n[Following Tarquin Oyelaran|PERSON] came the rest. "
                   "They met [Serafina Quenby April|PERSON] later.")
    names = _names(ents)
    assert "Tarquin Oyelaran" in names and "Serafina Quenby" in names


def test_furniture_and_common_words_are_not_entities(nlp) -> None:
    ents = resolve(nlp, "[Breaking News Emails|ORG]\nThe senator spoke of breaking news by emails.\n[Actress|ORG]\nThe actress smiled. "
                   "The congressional vote and congressional leaders and a [Congressional|NORP] aide.")
    names = _names(ents)
    assert "Breaking News Emails" not in names and "Actress" not in names and "Congressional" not in names
    kept = resolve_entities(*build(nlp, "[Actress|ORG]\nThe actress smiled."), config=EntitiesConfig(drop_junk=False))
    assert by_alias(kept, "Actress").confidence <= 0.2


def test_per_story_resolution_and_same_as(nlp) -> None:
    arts, docs = build(nlp, "[Tarquin Oyelaran|PERSON] spoke. [Oyelaran|PERSON] left.",
                       "[Oyelaran|PERSON] was seen in the market.",
                       "[Tarquin Oyelaran|PERSON] returned home.")
    story_of = {arts[0].id: "S1", arts[1].id: "S2", arts[2].id: "S2"}
    one = resolve_entities(arts, docs)
    assert len({e.id for e in one if "Oyelaran" in e.aliases}) == 1
    ents = resolve_entities(arts, docs, story_of={arts[0].id: "S1", arts[1].id: "S2", arts[2].id: "S3"})
    bare = [e for e in ents if e.aliases == ("Oyelaran",)]
    assert len(bare) == 1 and bare[0].story == "S2"  # never joined to the person of another story
    ents = resolve_entities(arts, docs, story_of=story_of)
    full = [e for e in ents if "Tarquin Oyelaran" in e.aliases]
    assert len(full) == 2 and {e.story for e in full} == {"S1", "S2"}
    assert full[0].same_as == (full[1].id,) and full[1].same_as == (full[0].id,)


def test_user_rules_still_win_per_story(nlp) -> None:
    arts, docs = build(nlp, "[Tarquin Oyelaran|PERSON] spoke.", "[Marcus Oyelaran|PERSON] spoke.")
    rules = EntityRules(must_link=(("Tarquin Oyelaran", "Marcus Oyelaran"),))
    ents = resolve_entities(arts, docs, rules, story_of={a.id: "S1" for a in arts})
    assert together(ents, "Tarquin Oyelaran", "Marcus Oyelaran")
    assert by_alias(ents, "Marcus Oyelaran").merges[0].confidence == 1.0


def test_config_is_validated() -> None:
    with pytest.raises(EntitiesConfigError):
        EntitiesConfig(near_spelling_min_len=2)
    with pytest.raises(EntitiesConfigError):
        EntitiesConfig(rule_confidence={"nickname": 1.5})
    assert EntitiesConfig().confidence("no such rule") == EntitiesConfig().default_confidence


def test_short_acronym_apart_from_the_common_word_not_from_the_name(nlp) -> None:
    ents = resolve(nlp, "The [US|GPE] voted.", "Join us: It's On [Us|ORG], they told us.")
    assert by_alias(ents, "US").aliases == ("US",)  # "Us" is the common word (and dropped as such)
    ents = resolve(nlp, "The [VFA|ORG] struck.", "The [Vfa|ORG] struck again.")
    assert together(ents, "VFA", "Vfa")


def test_honorific_and_facility(nlp) -> None:
    ents = resolve(nlp, "[Honourable Tarquin Oyelaran|PERSON] spoke.", "[Tarquin Oyelaran|PERSON] left.")
    assert together(ents, "Tarquin Oyelaran", "Tarquin Oyelaran") and len({e.id for e in ents}) == 1
    ents = resolve(nlp, "He was held at [Oyelaran Correctional Facility|PERSON].")
    assert by_alias(ents, "Oyelaran Correctional Facility").kind == "place"


def test_courtesy_title_goes_with_a_surname_not_a_first_name(nlp) -> None:
    ents = resolve(nlp, "[Serafina Quenby|PERSON] spoke. Later Miss [Serafina|PERSON] won.")
    assert not together(ents, "Serafina", "Serafina Quenby")
    ents = resolve(nlp, "[Serafina Quenby|PERSON] spoke. Later [Serafina|PERSON] won.")
    assert together(ents, "Serafina", "Serafina Quenby")


def test_legal_form_joins_the_firm_not_a_person(nlp) -> None:
    ents = resolve(nlp, "[Brennick Corp|ORG] fell.", "[Brennick|ORG] rose.", "[Brennick Co|ORG] said so.")
    assert together(ents, "Brennick Corp", "Brennick") and together(ents, "Brennick Co", "Brennick")
    ents = resolve(nlp, "[Jo Brennick|PERSON] spoke.", "[Brennick Inc|ORG] fell.")
    assert not together(ents, "Jo Brennick", "Brennick Inc")


def test_party_state_tags_ranks_and_adjectives_are_not_names(nlp) -> None:
    ents = resolve(nlp, "Rep. Tarquin Oyelaran ([R-Varnia|ORG]) spoke. The [Petty Officer|PERSON] left.\n"
                   "[Invalid|PERSON] entries were dropped.")
    names = _names(ents)
    assert "R-Varnia" not in names and "Petty Officer" not in names and "Invalid" not in names


def test_state_abbreviation_joins_the_state_named_in_full(nlp) -> None:
    ents = resolve(nlp, "Voters in [Oklahoma|GPE] went to the polls.", "Rain fell in Tulsa, [Okla.|GPE] today.")
    assert together(ents, "Okla", "Oklahoma")  # the final dot is trimmed
    ents = resolve(nlp, "Rain fell in Tulsa, [Okla.|GPE] today.")
    assert by_alias(ents, "Okla").aliases == ("Okla",)  # no state named in full: left alone


def test_platform_decade_and_credit_role_are_not_names(nlp) -> None:
    ents = resolve(nlp, "[Tarquin Oyelaran|PERSON] spoke. Fans made [Oyelaran Twitter|PERSON] jokes.\n"
                   "She sang in a [Sixties|ORG] girl group.\n"
                   "1st [AC|GPE] - Serafina Quenby\nDirector of [Photography|ORG] - Tom Varga\n"
                   "[Ledger Weekly|ORG] - the paper of record for the valley, read by many people.")
    names = _names(ents)
    assert "Oyelaran Twitter" not in names and together(ents, "Oyelaran", "Tarquin Oyelaran")
    assert "Sixties" not in names and "AC" not in names and "Photography" not in names
    assert "Ledger Weekly" in names  # a dash followed by prose is no credit line


def test_trailing_auxiliary_is_trimmed(nlp) -> None:
    ents = resolve(nlp, "[Serafina Quenby|PERSON] spoke.\nQuenby: I Will Help [Serafina Get|PERSON] Elected")
    assert "Serafina Get" not in _names(ents)
