"""Quantity parsing and normalisation, units, subjects, and numeric conflicts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdossier.analysis.numbers import (
    QuantityError,
    extract_facts,
    find_quantities,
    parse_number_words,
)
from newsdossier.model import Article, Entity


@pytest.mark.parametrize("text,value", [
    ("two thousand", 2000), ("twenty-five", 25), ("three hundred and fifty", 350),
    ("1.5 million", 1_500_000), ("a dozen", 12), ("30,000", 30000), ("one million two hundred thousand", 1_200_000),
])
def test_parse_number_words(text: str, value: float) -> None:
    assert parse_number_words(text) == value


def test_parse_number_words_rejects() -> None:
    with pytest.raises(QuantityError):
        parse_number_words("several bananas")


def _only(text: str):
    qs = find_quantities(text)
    assert len(qs) == 1, qs
    return qs[0]


@pytest.mark.parametrize("text,expr,value,low,high", [
    ("An extra 30,000 troops arrived.", "30,000", 30000, None, None),
    ("They held an estimated two thousand men.", "an estimated two thousand", 2000, None, None),
    ("The toll is probably several hundred.", "several hundred", None, 300, 999),
    ("Dozens of boats sank.", "Dozens", None, 24, 99),
    ("Tens of thousands of families fled.", "Tens of thousands", None, 20000, 99999),
    ("More than 500 people marched.", "More than 500", None, 500, None),
    ("Up to 40 homes burned.", "Up to 40", None, None, 40),
    ("Between 20 and 30 shops closed.", "Between 20 and 30", None, 20, 30),
    ("Some 1,600 stayed behind.", "Some 1,600", 1600, None, None),
    ("An additional 150, 000 people live in tents.", "150, 000", 150000, None, None),  # wire copy's stray space
])
def test_find_quantities(text: str, expr: str, value, low, high) -> None:
    q = _only(text)
    assert text[q.start:q.end] == expr
    assert (q.value, q.low, q.high) == (value, low, high)


def test_money_percent_duration() -> None:
    q = _only("The port lost $4.5 million last quarter.")
    assert (q.kind, q.unit, q.value) == ("money", "USD", 4_500_000)
    q = _only("Turnout fell to 42 percent.")
    assert (q.kind, q.unit, q.value) == ("percent", "percent", 42)
    q = _only("The park covers 19,000 sq. kms of floodplain.")
    assert (q.kind, q.unit, q.value) == ("area", "square km", 19_000)
    q = _only("Residents were trapped for a week.")
    assert (q.kind, q.unit, q.value) == ("duration", "days", 7)


@pytest.mark.parametrize("text", [
    "In 2019 the mill closed.", "She arrived on March 3 at 10 a.m.", "It was the 3rd attempt.",
    "Two weeks earlier the dam broke.", "The tensions rose.", "It was a nine-point plan.",
    "One day someone will know.",
    'She promoted "Return to Orvale 2" alongside her costars.',
    "She promoted Return to Orvale 2 alongside her costars.",
])
def test_not_quantities(text: str) -> None:
    assert find_quantities(text) == []


def _facts(nlp, texts, outlets=None, entities=()):
    arts = [Article.create(t, f"t#{i}", outlet=(outlets or [f"O{i}" for i in range(len(texts))])[i])
            for i, t in enumerate(texts)]
    docs = {a.id: nlp(a.text) for a in arts}
    return arts, extract_facts(arts, docs, entities)


def test_units_and_about(nlp) -> None:
    _, facts = _facts(nlp, [
        "An extra 30,000 Velorian troops were sent. At least 12 people were killed. "
        "Police arrested 40 protesters. Tens of thousands of residents fled."
    ])
    by_text = {f.span.text: f for f in facts}
    assert by_text["30,000"].unit == "troops" and "velorian" in by_text["30,000"].about
    assert by_text["At least 12"].unit == "deaths" and by_text["At least 12"].low == 12
    assert by_text["40"].unit == "detainees"
    assert by_text["Tens of thousands"].unit == "residents"


def test_about_entity_id(nlp) -> None:
    text = "Some 2,000 Velorian soldiers crossed the river."
    arts = [Article.create(text, "t#1", outlet="O")]
    s = text.index("Velorian")
    ent = Entity("ent-veloria", "Veloria", "gpe", mentions=(arts[0].span(s, s + 8),))
    facts = extract_facts(arts, {arts[0].id: nlp(text)}, [ent])
    assert facts[0].about == "ent-veloria" and facts[0].unit == "troops"


def _statuses(arts, facts) -> list[str]:
    from newsdossier.analysis.disagreements import find_disagreements

    return [str(d.status) for d in find_disagreements([], facts, arts) if d.kind == "number"]


def test_conflict_and_overlap(nlp) -> None:
    arts, facts = _facts(nlp, ["Police detained dozens of protesters.", "Police detained several hundred protesters.",
                               "Police detained about 300 protesters."])
    # dozens vs several hundred contradict (one point over the three articles)
    assert _statuses(arts, facts) == ["contradict"]
    arts, facts = _facts(nlp, ["Police detained about 300 protesters.", "Police detained several hundred protesters."])
    assert _statuses(arts, facts) == ["compatible"]
    assert not any(f.conflict for f in facts)  # facts are not compared by the fact extractor


def test_same_article_never_conflicts(nlp) -> None:
    arts, facts = _facts(nlp, ["Police detained 12 protesters on Monday and 400 protesters on Friday."])
    assert _statuses(arts, facts) == []


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(list("0123456789 ,.$%£-\u200b\u202e\r\n\U0001F600“”") +
                                ["two", " thousand", " dozens", " of", " for a week", "several", " hundred",
                                 "é", "ـ", "people", " million", "more than "]), max_size=30).map("".join))
def test_offsets_round_trip(text: str) -> None:
    for q in find_quantities(text):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start:q.end].strip() == text[q.start:q.end]


# --------------------------------------------------------------------------- the governing verb decides


def _unit(facts, text: str) -> str:
    found = [f for f in facts if f.span.text == text]
    assert found, [f.span.text for f in facts]
    return found[0].unit


def test_coordinated_verb_does_not_inherit_unit(nlp) -> None:
    _, facts = _facts(nlp, ["A dam failure on Monday killed four people and drove hundreds from their homes."])
    assert _unit(facts, "four") == "deaths"
    assert _unit(facts, "hundreds") == "displaced"
    _, facts = _facts(nlp, ["The riot killed five people and injured dozens."])
    assert _unit(facts, "five") == "deaths" and _unit(facts, "dozens") == "injured"
    _, facts = _facts(nlp, ["Police arrested 40 protesters and released 12 of them."])
    assert _unit(facts, "40") == "detainees" and _unit(facts, "12") != "detainees"


def test_displacing_verbs(nlp) -> None:
    _, facts = _facts(nlp, ["The storm killed twelve people and forced thousands to flee."])
    assert _unit(facts, "twelve") == "deaths" and _unit(facts, "thousands") == "displaced"
    _, facts = _facts(nlp, ["The floods drove hundreds from their homes."])
    f = next(f for f in facts if f.span.text == "hundreds")
    assert f.unit == "displaced" and f.about == "displaced"  # not "floods"
    # a named group that flees keeps its noun
    _, facts = _facts(nlp, ["Tens of thousands of residents fled."])
    assert _unit(facts, "Tens of thousands") == "residents"
    # "people" name no group: what they did decides
    _, facts = _facts(nlp, ["Nearly two thousand people have now left their homes, officials said.",
                            "About 1,500 people were staying in shelters on Friday."])
    assert _unit(facts, "Nearly two thousand") == "displaced"
    assert _unit(facts, "About 1,500") == "people"
    assert not any(f.conflict for f in facts)  # two different counts, no contradiction


def test_deaths_and_displaced_never_conflict(nlp) -> None:
    _, facts = _facts(nlp, ["The blast on Monday killed three people.",
                            "The blast on Monday killed three people and drove hundreds from their homes."])
    assert not any(f.conflict for f in facts)


def test_a_scaled_sum_counts_what_follows_in(nlp) -> None:
    _, facts = _facts(nlp, ["The governor pledged 25 million in state aid to the town of Orvale."])
    assert _unit(facts, "25 million") == "aid"
    _, facts = _facts(nlp, ["Three in ten voters stayed home in Orvale."])
    assert all(f.unit != "orvale" for f in facts)


def test_a_name_between_number_and_noun_is_not_the_unit(nlp) -> None:
    # The parser hangs "Four" on the name ("Four -> Orvale -> bakeries"); the bakeries are counted.
    _, facts = _facts(nlp, ["UPDATE Four Orvale bakeries begin sales of bread."])
    assert _unit(facts, "Four") == "bakery"


def test_numbers_in_a_list_are_not_joined() -> None:
    qs = find_quantities("The crews counted 150, 200 and 300 boats.")
    assert [q.value for q in qs if q.value is not None][:1] != [150200]



@pytest.mark.parametrize("text,expr,value", [
    # a vulgar fraction after a whole number is part of it (stock tables, wire copy)
    ("Shares closed at $46 1/8 on the exchange.", "$46 1/8", 46.125),
    ("About 2 1/2 million people were displaced.", "About 2 1/2 million", 2_500_000),
    ("The index rose 1 3/4 points.", "1 3/4", 1.75),
])
def test_a_fraction_after_a_whole_number_is_part_of_it(text: str, expr: str, value: float) -> None:
    q = _only(text)
    assert text[q.start:q.end] == expr
    assert q.value == value


@pytest.mark.parametrize("text", [
    "The store is open 24/7 all year.",
    "The 9/11 commission met again.",
])
def test_a_number_after_a_slash_counts_nothing(text: str) -> None:
    assert all(text[q.start - 1] != "/" for q in find_quantities(text))


@pytest.mark.parametrize("text,values", [
    # a change and a level, not a range
    ("Shares of the harbor company fell $3 to $25 on Thursday.", [(3.0, None, None), (25.0, None, None)]),
    ("The toll climbed from 12 to 20 on Monday.", [(12.0, None, None), (20.0, None, None)]),
    # the unit written once, with the level: only the level is sure
    ("Prices rose from 10 to 12 percent.", [(12.0, None, None)]),
    # one scale for both, "by X to Y", or no change verb: a range
    ("Sales grew 5 to 6 million last year.", [(None, 5_000_000, 6_000_000)]),
    ("Impacts increased by two to three times.", [(None, 2.0, 3.0)]),
    ("Estimates range from 180 to 245 deaths.", [(None, 180.0, 245.0)]),
])
def test_a_change_to_a_level_is_no_range(text: str, values: list) -> None:
    assert [(q.value, q.low, q.high) for q in find_quantities(text)] == values
