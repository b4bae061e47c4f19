"""Bare names in and out of scope (issue 15, 2026-12-04, second pass): a wire dateline written
"CITY _ The ..." is a place's name, not a surname; a bare surname written before the one full name of its
article that fits is no short form of that name while another person of the set fits; a first name with no
full name in its own article joins nobody when some context shows the word names a thing ("a magazine
called X"); a publication noun after a name or "a magazine called X" makes the name an organisation's.

Invented sentences and fictional names; mentions marked by hand (``[Name|LABEL]``) so that the tests
check the resolver, not spaCy's tagger (the parse around the marks is spaCy's).
"""

from __future__ import annotations

from .test_entities import by_alias, resolve, together


def _holders(ents, alias: str) -> list:
    return [e for e in ents if alias in e.aliases]


def test_a_dateline_after_the_wire_separator_is_a_place_not_a_surname(nlp) -> None:
    ents = resolve(nlp, "[BRELLTON|GPE] _ The court ruled on Thursday. The court quoted [Amos Brellton|PERSON], "
                        "who wrote the first charter.",
                   "[BRELLTON|GPE] _ The council met again. It sat in [Brellton|GPE] for a week.")
    (person,) = _holders(ents, "Amos Brellton")
    assert "BRELLTON" not in person.aliases
    assert person.kind == "person"


def test_a_heading_in_capitals_before_the_separator_is_no_dateline(nlp) -> None:
    ents = resolve(nlp, "[QUELLAIR|ORG] _ Call it the people's airline. [Quellair Airways|ORG] flies to six "
                        "towns, and [Quellair Airways|ORG] sells seats online.")
    assert all(e.kind != "place" for e in _holders(ents, "QUELLAIR"))


def test_a_surname_written_before_the_one_full_name_of_its_article_is_not_that_person(nlp) -> None:
    ents = resolve(nlp, "President [Varko|PERSON] lost one case and won another. [Varko|PERSON] cancelled "
                        "the items. Later the court heard that first lady [Mina Varko|PERSON] had testified.",
                   "President [Tomas Varko|PERSON] signed the law. [Varko|PERSON] said it would save money.")
    mina = by_alias(ents, "Mina Varko")
    assert all(m.text != "Varko" for m in mina.mentions)  # "President Varko" is not the first lady


def test_a_surname_after_the_full_name_still_joins_it(nlp) -> None:
    ents = resolve(nlp, "First lady [Mina Varko|PERSON] testified on Monday. [Varko|PERSON] said she had "
                        "seen the notes.",
                   "President [Tomas Varko|PERSON] signed the law.")
    mina = by_alias(ents, "Mina Varko")
    assert any(m.text == "Varko" for m in mina.mentions)


def test_a_first_name_shown_a_thing_elsewhere_joins_nobody_across_articles(nlp) -> None:
    ents = resolve(nlp, "The chain will publish a magazine called [Pell|PERSON] this summer. The first issue of "
                        "[Pell|PERSON] comes out in June.",
                   "[Pell|PERSON] will be sold in every store, said [Orsa Tamm|PERSON].",
                   "The trade group is led by [Pell Dorrin|PERSON], its president.")
    dorrin = by_alias(ents, "Pell Dorrin")
    assert all(m.text != "Pell" for m in dorrin.mentions)


def test_a_first_name_with_no_sign_of_a_thing_still_joins_across_articles(nlp) -> None:
    ents = resolve(nlp, "[Pell|PERSON] laughed and waved at the crowd.",
                   "The climber [Pell Dorrin|PERSON] reached the top on Monday.")
    assert together(ents, "Pell Dorrin", "Pell")


def test_a_publication_noun_after_a_name_or_a_naming_verb_makes_an_organisation(nlp) -> None:
    ents = resolve(nlp, "He founded [Quorvel|PERSON] magazine in 1995 and ran [Quorvel|PERSON] for years.",
                   "She joined a band called [Tollers|PERSON] and toured with [Tollers|PERSON].")
    assert by_alias(ents, "Quorvel").kind == "organisation"
    assert by_alias(ents, "Tollers").kind == "organisation"
    # a place before the noun is the paper's place, not its name
    ents = resolve(nlp, "The [Quellish|GPE] newspaper said [Quellia|GPE] would vote; [Quellia|GPE] did.")
    assert by_alias(ents, "Quellia").kind == "place"


def test_a_law_is_a_thing_and_keeps_its_acronym(nlp) -> None:
    ents = resolve(nlp, "The [Quell Water Safety Act|ORG] passed. The court cited the [Varnian Rights "
                        "Amendment|ORG] and the [Tollin Clause|PERSON].",
                   "Critics of the [Quorvel Intelligence Surveillance Act|ORG] say [QISA|ORG] goes too far.")
    assert by_alias(ents, "Quell Water Safety Act").kind == "other"
    assert by_alias(ents, "Varnian Rights Amendment").kind == "other"
    assert by_alias(ents, "Tollin Clause").kind == "other"
    assert together(ents, "QISA", "Quorvel Intelligence Surveillance Act")


def test_the_employer_after_a_role_noun_and_with_is_an_organisation(nlp) -> None:
    ents = resolve(nlp, "The deal is sound, said Ann Vell, an analyst with [Quorvel Stenning|PERSON]. "
                        "[Quorvel Stenning|PERSON] advised the buyer.")
    assert by_alias(ents, "Quorvel Stenning").kind == "organisation"
    # not after a word that is no role ("met with X")
    ents = resolve(nlp, "The mayor met with [Orsa Tammfeld|PERSON] on Monday. [Orsa Tammfeld|PERSON] smiled.")
    assert by_alias(ents, "Orsa Tammfeld").kind == "person"


def test_a_wire_budget_slug_and_undated_are_no_names(nlp) -> None:
    text = ("By Ann Vell. (Story will move in the news category.) QUELL-TEA ([Quellby|GPE]) _ A closer look at "
            "the tea trade.\nVARN-FAIR-COLUMN ([Undated|ORG]) _ [Orsa Tamm|PERSON] writes on the fair. "
            "[Orsa Tamm|PERSON] said so, as did a reporter of [QVTV-TV|ORG] (Channel 5).")
    ents = resolve(nlp, text.replace("QUELL-TEA", "[QUELL-TEA|ORG]").replace("VARN-FAIR-COLUMN",
                                                                             "[VARN-FAIR-COLUMN|GPE]"))
    names = {a for e in ents for a in e.aliases}
    assert "QUELL-TEA" not in names and "VARN-FAIR-COLUMN" not in names and "Undated" not in names
    assert "QVTV-TV" in names  # a station's call letters inside a sentence stay
    assert "Orsa Tamm" in names


def test_a_first_word_cut_from_a_longer_name_joins_only_the_person_it_starts(nlp) -> None:
    ents = resolve(nlp, "The column ends here. [Dov|PERSON] O`Vaska writes for the Quellby Courier.",
                   "The shop was founded by [Dov Tammfeld|PERSON], who sold it in May.")
    assert all(m.text != "Dov" for m in by_alias(ents, "Dov Tammfeld").mentions)
    ents = resolve(nlp, "The team added [Dovan|PERSON] Tammfeld to its roster.",
                   "The team signed [Dovan Tammfeld|PERSON] on Monday.")
    assert together(ents, "Dovan", "Dovan Tammfeld")  # the word after is the person's surname


def test_a_full_name_after_a_lowercase_role_noun_is_a_person(nlp) -> None:
    ents = resolve(nlp, "The band hired attorney [Orsa Tammfeld|ORG] in May. Guitarist [Dovan Quell|ORG] left.",
                   "The paper quoted spokesman [Orsa Tammfeld|ORG] again.")
    assert by_alias(ents, "Orsa Tammfeld").kind == "person"
    # not a name that modifies the noun after it ("deputy Quell House counsel")
    ents = resolve(nlp, "He was deputy [Quell House|ORG] counsel. [Quell House|ORG] said nothing.")
    assert by_alias(ents, "Quell House").kind == "organisation"
