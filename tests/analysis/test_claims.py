"""Verdict claims, holders, negation/hedging/conditionals, and disagreements."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdossier.analysis.claims import extract_claims
from newsdossier.analysis.disagreements import find_disagreements
from newsdossier.analysis.numbers import extract_facts
from newsdossier.analysis.points.common import STRENGTH
from newsdossier.model import Article, Entity, Quote, Speaker


def _arts(*texts: str, outlets: tuple[str, ...] = ()) -> list[Article]:
    outs = outlets or tuple(f"Outlet {i}" for i in range(len(texts)))
    return [Article.create(t, f"test#{i}", outlet=o, published="2025-04-09")
            for i, (t, o) in enumerate(zip(texts, outs))]


def _claims(nlp, *texts: str, **kw):
    arts = _arts(*texts)
    docs = {a.id: nlp(a.text) for a in arts}
    return arts, extract_claims(arts, docs, **kw)


def _one(claims, word: str):
    found = [c for c in claims if word in c.target_name]
    assert found, f"no claim about {word}: {claims}"
    return found[0]


def test_outlet_voice_positive(nlp) -> None:
    arts, claims = _claims(nlp, "Senator Dana Velkor emerged from the budget fight stronger than ever.")
    c = _one(claims, "Velkor")
    assert c.polarity == "positive" and not c.hedged
    assert c.holder.kind == "outlet" and c.holder.name == "Outlet 0"
    assert c.question == STRENGTH and c.target_name == "Dana Velkor" and c.named
    assert arts[0].text[c.span.start:c.span.end] == c.span.text


def test_negation_flips(nlp) -> None:
    _, claims = _claims(nlp, "Governor Amos Trell is not in trouble, whatever his rivals hope.")
    assert _one(claims, "Trell").polarity == "positive"


def test_transitive_object_is_target(nlp) -> None:
    _, claims = _claims(nlp, "The audit has weakened Velkor and strengthened the Harbour Union.")
    assert _one(claims, "Velkor").polarity == "negative"
    assert _one(claims, "Harbour Union").polarity == "positive"


def test_hedged(nlp) -> None:
    _, claims = _claims(nlp, "Velkor may emerge stronger from the vote.")
    c = _one(claims, "Velkor")
    assert c.hedged and c.polarity == "positive"


def test_conditional_antecedent_dropped_consequent_hedged(nlp) -> None:
    _, claims = _claims(nlp, "If Trell loses the recall vote, the coalition will need a new partner.")
    assert not [c for c in claims if "Trell" in c.target_name]
    _, claims = _claims(nlp, "If the ceasefire collapses, Velkor will be badly weakened.")
    c = _one(claims, "Velkor")
    assert c.hedged and c.polarity == "negative"


def test_according_to_and_said(nlp) -> None:
    _, claims = _claims(nlp, "Trell is in serious trouble, according to two analysts at the Tribune.")
    c = _one(claims, "Trell")
    assert c.holder.kind == "source" and "two analysts" in c.holder.name
    assert c.holder.span is not None and c.holder.span.text == c.holder.name
    _, claims = _claims(nlp, "The vote humiliated Mayor Ines Lund, Priya Osei said.")
    c = _one(claims, "Lund")
    assert c.polarity == "negative" and c.holder.name == "Priya Osei"


def test_quotes_argument_sets_holder(nlp) -> None:
    text = 'Ruth Amari was blunt. "Velkor has been isolated by his own party," she told reporters.'
    arts = _arts(text)
    art = arts[0]
    docs = {art.id: nlp(art.text)}
    q0 = text.index('"') + 1
    q1 = text.index('"', q0)
    quote = Quote("q1", "direct", art.span(q0, q1), Speaker("Ruth Amari", art.span(0, 10), "ent-amari"))
    c = _one(extract_claims(arts, docs, quotes=[quote]), "Velkor")
    assert c.holder.name == "Ruth Amari" and c.holder.entity == "ent-amari" and c.holder.kind == "source"
    # without the quotes argument the quotation marks and the cue still give a source
    c2 = _one(extract_claims(arts, docs), "Velkor")
    assert c2.holder.kind == "source"


def test_entity_target_id(nlp) -> None:
    text = "Dana Velkor lost the argument. Velkor emerged weaker from the summit."
    arts = _arts(text)
    art = arts[0]
    s1 = text.index("Dana Velkor")
    s2 = text.index("Velkor emerged")
    ent = Entity("ent-velkor", "Dana Velkor", "person",
                 mentions=(art.span(s1, s1 + 11), art.span(s2, s2 + 6)))
    claims = extract_claims(arts, {art.id: nlp(text)}, entities=[ent])
    assert claims and all(c.target == "ent-velkor" for c in claims)


def test_disagreement_and_agreement(nlp) -> None:
    texts = (
        "Dana Velkor came out of the crisis strengthened.",
        "In the end Velkor emerged stronger than his rivals.",
        "Velkor is in serious trouble, according to three economists.",
        "The Harbour Union has been weakened by the strike.",
        "The strike badly weakened the Harbour Union.",
    )
    arts = _arts(*texts, outlets=("Courier", "Gazette", "Ledger", "Courier", "Ledger"))
    docs = {a.id: nlp(a.text) for a in arts}
    claims = extract_claims(arts, docs)
    dis = find_disagreements(claims, extract_facts(arts, docs), arts)
    velkor = [d for d in dis if "Velkor" in d.point]
    assert len(velkor) == 1 and not velkor[0].agreed
    sides = {s.position: s for s in velkor[0].sides}
    assert set(sides["stronger"].outlets) == {"Courier", "Gazette"}
    assert sides["weaker"].outlets == ("Ledger",) and "three economists" in sides["weaker"].holders
    union = [d for d in dis if "Harbour Union" in d.point]
    assert union and union[0].agreed and union[0].sides[0].position == "weaker"


def test_numeric_conflict_becomes_disagreement(nlp) -> None:
    arts = _arts("Police detained dozens of protesters on Friday.",
                 "Police detained several hundred protesters on Friday.", outlets=("A", "B"))
    docs = {a.id: nlp(a.text) for a in arts}
    facts = extract_facts(arts, docs)
    dis = [d for d in find_disagreements([], facts, arts) if d.point.startswith("how many")]
    assert dis and not dis[0].agreed and len(dis[0].sides) == 2


def test_question_not_a_claim(nlp) -> None:
    _, claims = _claims(nlp, "Has Velkor been weakened by the vote?")
    assert claims == []


def test_seeds_opposite_verdicts(nlp, seeds_dir: Path) -> None:
    files = sorted(seeds_dir.glob("*.txt"))
    if len(files) < 5:
        pytest.skip("seed set incomplete")
    arts = [Article.create(f.read_text(encoding="utf-8"), str(f), outlet=f"seed{f.name[:3]}") for f in files]
    docs = {a.id: nlp(a.text) for a in arts}
    claims = extract_claims(arts, docs)
    dis = find_disagreements(claims, [], arts)
    hits = []
    for d in dis:
        sides = {s.position: s for s in d.sides}
        if "stronger" in sides and "weaker" in sides:
            strong, weak = set(sides["stronger"].outlets), set(sides["weaker"].outlets)
            if {"seed000", "seed001", "seed002"} <= strong and "seed004" in weak:
                hits.append(d)
    assert hits, [d.point for d in dis]
    weak = {s.position: s for s in hits[0].sides}["weaker"]
    assert any("correspondent" in h or "analyst" in h for h in weak.holders)
    for c in claims:
        assert arts[0].text or True
        art = next(a for a in arts if a.id == c.span.article)
        assert art.text[c.span.start:c.span.end] == c.span.text


@pytest.mark.parametrize("text", [
    "Velkor\u200b emerged stronger 😀 after 3,000 fans\r\nmarched on Sunday.",
    "“Velkor is in serious trouble,” said Ana Ruiz. Two weeks earlier dozens left.",
    "فيلكور emerged stronger. \u202eVelkor lost the vote\u202c last week; about 40 people left.",
    "",
])
def test_spans_round_trip_hostile(nlp, text: str) -> None:
    from newsdossier.analysis.timeline import build_timeline

    arts = _arts(text) if text else [Article.create(" ", "t#0", outlet="O")]
    docs = {a.id: nlp(a.text) for a in arts}
    out = [*extract_claims(arts, docs), *extract_facts(arts, docs), *build_timeline(arts, docs)]
    for item in out:
        span = item.span
        assert arts[0].text[span.start:span.end] == span.text
        holder = getattr(item, "holder", None)
        if holder is not None and holder.span is not None:
            assert arts[0].text[holder.span.start:holder.span.end] == holder.span.text


# --------------------------------------------------------------------------- verdict shapes


def _ent(art: Article, ent_id: str, name: str, aliases: tuple[str, ...], *mentions: str) -> Entity:
    spans = []
    for m in mentions:
        s = art.text.index(m)
        spans.append(art.span(s, s + len(m)))
    return Entity(ent_id, name, "person", aliases=aliases, mentions=tuple(spans))


def test_verdict_inside_direct_quote_held_by_speaker(nlp) -> None:
    text = ('Senator Hal Markov toured the valley on Monday. '
            '"Markov is in deep trouble," said Dr. Lena Ivers, a historian at Dunmore College.')
    arts = _arts(text)
    art = arts[0]
    docs = {art.id: nlp(text)}
    ent = _ent(art, "ent-markov", "Hal Markov", ("Markov",), "Hal Markov")
    q0 = text.index('"') + 1
    q1 = text.index('"', q0)
    s = text.index("Lena Ivers")
    quote = Quote("q1", "direct", art.span(q0, q1), Speaker("Lena Ivers", art.span(s, s + 10), "ent-ivers"))
    claims = extract_claims(arts, docs, entities=[ent], quotes=[quote])
    c = next(c for c in claims if c.target == "ent-markov")
    assert c.polarity == "negative" and c.question == STRENGTH and c.target_name == "Hal Markov"
    assert c.holder.name == "Lena Ivers" and c.holder.entity == "ent-ivers"


def test_surname_tagged_as_common_noun_found_by_entity_name(nlp) -> None:
    # a capitalised surname that is no mention of any entity still names the one entity it fits
    from newsdossier.analysis.points.claims import _Context, _Index

    text = "Senator Hal Markov spoke. Later the crowd left."
    art = _arts(text)[0]
    ent = _ent(art, "ent-markov", "Hal Markov", ("Markov",), "Hal Markov")
    ctx = _Context(art, nlp(text), _Index([ent], []))
    assert ctx.entity_named("Markov") is ent and ctx.entity_named("Crowd") is None


@pytest.mark.parametrize("text,polarity", [
    ("Markov's swift tour and his pledge of funds have left him stronger than before the storm, "
     "say his supporters in the city council.", "positive"),
    ("The scandal will leave Mayor Rosa Quint weaker, her rivals said.", "negative"),
    ("The deal made Rosa Quint stronger than ever.", "positive"),
    ("The storm left Mayor Rosa Quint in deep trouble.", "negative"),
])
def test_result_verbs_leave_make(nlp, text: str, polarity: str) -> None:
    _, claims = _claims(nlp, text)
    c = claims[0] if claims else None
    assert c is not None and c.polarity == polarity
    assert ("Markov" in c.target_name) or ("Rosa Quint" in c.target_name and "Mayor" not in c.target_name)


def test_trailing_say_attribution_sets_holder_and_pronoun_target(nlp) -> None:
    text = ("Senator Hal Markov toured the valley. Ines Lund, the treasurer, resigned. "
            "Markov's swift tour and his pledge of funds have left him stronger than before the storm, "
            "say his supporters in the city council.")
    arts = _arts(text)
    art = arts[0]
    ent = _ent(art, "ent-markov", "Hal Markov", ("Markov",), "Hal Markov", "Markov's")
    lund = Entity("ent-lund", "Ines Lund", "person", mentions=(art.span(text.index("Ines Lund"), text.index("Ines Lund") + 9),))
    claims = extract_claims(arts, {art.id: nlp(text)}, entities=[ent, lund])
    c = next(c for c in claims if "stronger" in c.span.text)
    assert c.target == "ent-markov" and c.polarity == "positive"
    assert c.holder.kind == "source" and "supporters" in c.holder.name


def test_for_x_frame_judges_x_not_the_event(nlp) -> None:
    _, claims = _claims(nlp, "For Senator Hal Markov, who led the panel that slashed the grants, "
                             "the storm is a political disaster.")
    c = _one(claims, "Markov")
    assert c.polarity == "negative" and c.question == STRENGTH and c.target_name == "Hal Markov"
    assert not [c for c in claims if "storm" in c.target_name]
    _, claims = _claims(nlp, "For the Dunmore Party, the vote was a success.")
    assert _one(claims, "Dunmore Party").polarity == "positive"
    # a fronted "for" that names no one leaves the verdict on the undertaking
    _, claims = _claims(nlp, "For the first time, the rescue plan was a failure.")
    assert not [c for c in claims if "time" in c.target_name]


def test_quote_and_outlet_verdicts_contest_one_entity(nlp) -> None:
    texts = (
        "Senator Hal Markov visited the shelters. Markov's swift tour and his pledge of funds have left "
        "him stronger than before the storm, say his supporters in the city council.",
        "For Senator Harold Markoff, who led the panel that slashed the grants, the storm is a political "
        'disaster. "Markoff is in deep trouble," said Dr. Lena Ivers, a historian at Dunmore College.',
    )
    arts = _arts(*texts, outlets=("Courier", "Ledger"))
    docs = {a.id: nlp(a.text) for a in arts}
    ent = Entity("ent-markov", "Hal Markov", "person", aliases=("Markov", "Harold Markoff"), mentions=(
        arts[0].span(texts[0].index("Hal Markov"), texts[0].index("Hal Markov") + 10),
        arts[1].span(texts[1].index("Harold Markoff"), texts[1].index("Harold Markoff") + 14),
    ))
    from newsdossier.analysis.quotes import extract_quotes

    quotes = extract_quotes(arts, docs, [ent])
    claims = extract_claims(arts, docs, entities=[ent], quotes=quotes)
    dis = [d for d in find_disagreements(claims, [], arts) if d.target == "ent-markov"]
    assert len(dis) == 1 and not dis[0].agreed
    sides = {s.position: s for s in dis[0].sides}
    assert sides["stronger"].outlets == ("Courier",) and sides["weaker"].outlets == ("Ledger",)
    assert any("Ivers" in h for h in sides["weaker"].holders)


def test_a_dateline_is_never_a_verdict_target(nlp) -> None:
    # the parse makes the dateline's city the subject of "damaged"
    text = ("ORVALE, Varnia (AP) _ Archaeological sites that show humans lived in Varnia up to 20,000 years "
            "ago could be damaged by a quarry being built within the national park, a committee was told Wednesday.")
    _, claims = _claims(nlp, text)
    assert not [c for c in claims if "orvale" in c.target_name.lower()]


def test_it_after_a_common_noun_subject_is_not_the_place(nlp) -> None:
    text = ("The only Varnian film at the festival in Orvale took the prize for sound, "
            "although it didn't win in any of the other categories.")
    _, claims = _claims(nlp, text)
    assert not [c for c in claims if "orvale" in c.target_name.lower()]


def test_a_failed_thing_is_the_target_not_the_clause_subject(nlp) -> None:
    # "a failed truce": the truce failed, not the envoys who were sent to rescue it
    text = "Envoys from Varnia arrived in Orvale on Monday to rescue a failed truce between the two militias."
    _, claims = _claims(nlp, text)
    assert not [c for c in claims if "varnia" in c.target_name.lower() or "envoy" in c.target_name.lower()]
    truce = [c for c in claims if "truce" in c.target_name]
    assert truce and truce[0].polarity == "negative"


@pytest.mark.parametrize("text", [
    "Mayor Dana Velkor failed to return the reporters' calls on Tuesday.",
    "The council failed to disclose a conflict of interest, the auditors said.",
    "Critics said the agency's failure to inspect the dam was to blame.",
])
def test_failing_to_act_is_an_omission_not_a_verdict(nlp, text: str) -> None:
    _, claims = _claims(nlp, text)
    assert not claims


def test_failing_to_attain_is_a_verdict_shown_unsure(nlp) -> None:
    from newsdossier.analysis.points.common import PointsConfig
    from newsdossier.model import LOW_CONFIDENCE

    text = "Mayor Dana Velkor failed to win a second term on Tuesday."
    c = _one(_claims(nlp, text)[1], "Velkor")
    assert c.polarity == "negative" and c.confidence < LOW_CONFIDENCE
    assert _one(_claims(nlp, text, config=PointsConfig(omission_confidence=0.2))[1], "Velkor").confidence == 0.2
    _, claims = _claims(nlp, "Mayor Dana Velkor failed in her bid for the governorship.")
    cfg = PointsConfig()
    assert _one(claims, "Velkor").confidence == cfg.named_verdict_confidence > cfg.omission_confidence
    _, claims = _claims(nlp, "Mayor Dana Velkor failed in her bid for the governorship.",
                        config=PointsConfig(named_verdict_confidence=0.9))
    assert _one(claims, "Velkor").confidence >= LOW_CONFIDENCE


@pytest.mark.parametrize("text", [
    "Dana Velkor suffered kidney failure.",
    "Had Dana Velkor won the vote, the council would have collapsed.",
    "Kathmandu and two nearby villages were badly damaged by the earthquake.",
])
def test_medical_terms_counterfactuals_and_harm_to_places_are_no_verdicts(nlp, text: str) -> None:
    _, claims = _claims(nlp, text)
    assert not claims


def test_almost_succeeding_is_not_succeeding(nlp) -> None:
    _, claims = _claims(nlp, "President Dana Velkor had almost succeeded in mending relations with Orvale.")
    assert _one(claims, "Velkor").polarity == "negative"


def test_claims_build_their_lookups_once_not_per_article(nlp) -> None:
    # issue 16: claims took 7.6 s for 200 articles and 43 s for 586, each article rebuilding
    # the lookups over every entity of the story; with the story's entities fixed, 40 articles
    # must cost far less than 40 times one article
    import time

    background = Article.create("Mayor Ilsa Brandvik of Dunmore spoke. " * 50, "bg#0")
    ents = [Entity(f"ent-{i}", f"Person{i} Surname{i}", "person",
                   mentions=tuple(background.span(j * 38 + 6, j * 38 + 18) for j in range(4)))
            for i in range(6000)]
    arts = _arts(*(f"Senator Dana Velkor emerged from budget fight number {i} stronger than ever." for i in range(40)))
    docs = {a.id: nlp(a.text) for a in arts}

    def cpu(n: int) -> float:
        best = float("inf")
        for _ in range(3):
            t0 = time.process_time()
            claims = extract_claims(arts[:n], docs, entities=ents)
            best = min(best, time.process_time() - t0)
        assert len({c.span.article for c in claims}) == n  # every article still judged
        return best

    one, forty = cpu(1), cpu(40)
    assert forty < 10 * one, (one, forty)  # per-article lookups: about 40 times


def test_verb_of_judging_gives_target_and_holder(nlp) -> None:
    # the judge holds the verdict, its object is the target (not the judge)
    _, claims = _claims(nlp, "Critics called Dana Velkor a failure.")
    c = _one(claims, "Velkor")
    assert c.polarity == "negative" and c.holder.kind == "source" and c.holder.name == "Critics"
    assert not [x for x in claims if "Critics" in x.target_name]
    _, claims = _claims(nlp, "Velkor was called a failure by critics.")
    assert _one(claims, "Velkor").holder.name == "critics"


def test_perceived_verdict_noun_has_no_target(nlp) -> None:
    # "they see a disaster": what the subject perceives, not a verdict about the subject
    _, claims = _claims(nlp, "The pessimists look around and see a national disaster.")
    assert not claims


def test_possible_failure_is_no_verdict(nlp) -> None:
    _, claims = _claims(nlp, "Velkor warned that the failure of the signed accords would lead to violence.")
    assert not claims
    _, claims = _claims(nlp, "The accords failed, and Velkor said so.")
    assert [c for c in claims if "accords" in c.target_name and c.polarity == "negative"]


def test_unnamed_target_keeps_its_modifiers(nlp) -> None:
    _, claims = _claims(nlp, "Senior members of the Harbour administration failed miserably.")
    assert _one(claims, "members").target_name == "Senior members of the Harbour administration"
    _, claims = _claims(nlp, "Monitors were sent to shore up a failed cease-fire in the valley.")
    assert _one(claims, "cease-fire").target_name == "cease-fire"  # the trigger is no part of it


def test_attributive_working_is_no_verdict(nlp) -> None:
    _, claims = _claims(nlp, "The plan gives more cuts to the working people of the valley, Velkor said.")
    assert not [c for c in claims if "people" in c.target_name]
    _, claims = _claims(nlp, "The plan is working, Velkor said.")
    assert [c for c in claims if "plan" in c.target_name and c.polarity == "positive"]


@pytest.mark.parametrize("text", [
    "Investigators believe Dana Velkor lost control of the plane over the bay.",  # an accident
    "That summer Dana Velkor fell ill and began losing bladder control.",  # a symptom
    "Dana Velkor has survived one winter on the run.",  # a stretch of time
    "Relief workers reached children in quake-damaged Ardmouth on Monday.",  # harm to a thing
    "Lawyers said Dana Velkor willfully failed and refused to answer the questions.",  # an omission
    "Dana Velkor survived a car-bomb attempt on his life in 1995.",  # a peril
    "Reports say Ardmouth and other nearby villages were badly damaged.",  # physical harm
    "Dana Velkor introduced a bill in the Ardmouth Assembly; it was defeated in April.",  # 'it' may be the bill
    "When Dana Velkor failed the state bar examination, it was front-page news.",  # a failed test: an event
])
def test_accidents_time_survived_physical_harm_and_joined_omissions_are_no_verdicts(nlp, text: str) -> None:
    _, claims = _claims(nlp, text)
    assert not claims


@pytest.mark.parametrize(("text", "polarity"), [
    ("The Velkor Party lost control of the Senate in the election.", "negative"),
    ("Prime Minister Dana Velkor survived a no-confidence vote on Tuesday.", "positive"),
    ("Prime Minister Dana Velkor survived an attempt to oust him as party leader.", "positive"),
    ("Critics say Governor Dana Velkor failed the voters of Ardmouth.", "negative"),
])
def test_losing_a_chamber_and_surviving_a_vote_stay_verdicts(nlp, text: str, polarity: str) -> None:
    _, claims = _claims(nlp, text)
    assert _one(claims, "Velkor").polarity == polarity
