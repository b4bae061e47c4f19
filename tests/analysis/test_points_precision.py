"""Points shown sure only when earned: copies beyond the copied passages, close values, tolls, places."""

from __future__ import annotations

from newsdossier.analysis.disagreements import find_disagreements
from newsdossier.analysis.numbers import extract_facts
from newsdossier.analysis.points.common import PointsConfig
from newsdossier.analysis.points.disagreements import wire_credit
from newsdossier.model import LOW_CONFIDENCE, Article, Reuse

# sentences written alike on purpose stand for independent outlets: the copied-run rule off
ALIKE = PointsConfig(copy_run=1000)


def _build(nlp, *texts: str, published: tuple[str | None, ...] = (), heading: bool = True):
    pubs = published or (None,) * len(texts)
    arts = [Article.create(f"Report {i}.\n{t}" if heading else t, f"q#{i}", outlet=f"Outlet {i}", published=p)
            for i, (t, p) in enumerate(zip(texts, pubs))]
    docs = {a.id: nlp(a.text) for a in arts}
    return arts, extract_facts(arts, docs)


def _shared_paragraph(arts: list[Article], para: str) -> Reuse:
    a, b = arts[0].text.index(para), arts[1].text.index(para)
    return Reuse(source=arts[0].span(a, a + len(para)), copy=arts[1].span(b, b + len(para)), similarity=1.0)


def test_an_edited_sentence_of_a_copied_story_is_a_copy(nlp) -> None:
    """Two versions of one story (a copied paragraph links them) whose figure sentences differ by a
    few words state it once: the point is shown unsure; a differently worded one stays sure."""
    para = "The river rose through the night and the levee near the mill gave way before dawn."
    edited = ("Rescuers said the flood had forced 4,300 families from their homes along the valley floor.",
              "Rescuers said the flood forced 4,300 families from homes along the whole valley floor.")
    arts, facts = _build(nlp, f"{para}\n{edited[0]}", f"{para}\n{edited[1]}")
    pts = find_disagreements([], facts, arts, reuse=[_shared_paragraph(arts, para)])
    assert len(pts) == 1 and pts[0].independent == 1 and pts[0].confidence < LOW_CONFIDENCE
    alone = find_disagreements([], facts, arts, reuse=[])
    assert alone[0].independent == 2 and alone[0].confidence >= LOW_CONFIDENCE


def test_one_agencys_stories_are_one_source() -> None:
    assert wire_credit("OSLO, Norway (AP) _ The council met.") == "ap"
    assert wire_credit("LIMA, March 3 (Xinhua) -- The council met.") == "xinhua"
    assert wire_credit("The council (AP) met.") is None
    assert wire_credit("Report 1.\nLIMA (AP) -- met") is None


def test_a_wire_background_line_in_two_stories_of_one_agency_is_no_corroboration(nlp) -> None:
    line = "The party won 61 percent of the seats in the assembly in a vote the generals ignored."
    arts, facts = _build(nlp, f"HAVLOR, Norland (AP) _ Talks stalled on Monday. {line}",
                         f"HAVLOR, Norland (AP) _ Two leaders were arrested. {line}", heading=False)
    pts = find_disagreements([], facts, arts, reuse=[])
    assert len(pts) == 1 and pts[0].independent == 1 and pts[0].confidence < LOW_CONFIDENCE
    arts, facts = _build(nlp, f"HAVLOR, Norland (AP) _ Talks stalled on Monday. {line}",
                         f"HAVLOR, Norland (Reuters) - Two leaders were arrested. {line}", heading=False)
    pts = find_disagreements([], facts, arts, reuse=[], config=ALIKE)
    assert len(pts) == 1 and pts[0].independent == 2


def test_close_exact_counts_are_compatible_only_unsure(nlp) -> None:
    """21 and 22 are exact: only their closeness makes them compatible, so the point is unsure."""
    s = "Only {} provinces have passed laws that protect the river basins, the survey found."
    arts, facts = _build(nlp, s.format("21"), s.format("22"))
    pts = find_disagreements([], facts, arts, reuse=[], config=ALIKE)
    assert [p.status for p in pts] == ["compatible"] and pts[0].confidence < LOW_CONFIDENCE
    arts, facts = _build(nlp, s.format("about 20"), s.format("21"))  # "about": compatible by its hedge
    pts = find_disagreements([], facts, arts, reuse=[], config=ALIKE)
    assert [p.status for p in pts] == ["compatible"] and pts[0].confidence >= LOW_CONFIDENCE


def test_a_toll_nothing_orders_in_time_is_contested_unsure(nlp) -> None:
    s = "The collapse of the stadium roof in the old port killed {} people, the fire service said."
    arts, facts = _build(nlp, s.format("31"), s.format("48"))
    pts = find_disagreements([], facts, arts, reuse=[], config=ALIKE)
    assert [p.status for p in pts] == ["contradict"] and pts[0].confidence < LOW_CONFIDENCE
    arts, facts = _build(nlp, s.format("31"), s.format("48"), published=("2025-02-01", "2025-02-03"))
    pts = find_disagreements([], facts, arts, reuse=[], config=ALIKE)
    assert [p.status for p in pts] == ["update"] and pts[0].confidence >= LOW_CONFIDENCE
    t = "The collapse of the stadium roof in the old port injured {} spectators, the fire service said."
    arts, facts = _build(nlp, t.format("31"), t.format("48"))  # no toll of deaths: a plain contradiction
    pts = find_disagreements([], facts, arts, reuse=[], config=ALIKE)
    assert [p.status for p in pts] == ["contradict"]


def test_a_citys_toll_against_a_sentence_naming_no_city_is_unsure(nlp) -> None:
    from newsdossier.model import Entity

    texts = ("In Varnholm the storm has killed 40 people since Monday, officials said on Thursday.",
             "The storm has killed 310 people since Monday, officials said on Thursday.")
    arts, facts = _build(nlp, *texts, published=("2025-02-01", "2025-02-03"))
    start = arts[0].text.index("Varnholm")
    city = Entity(id="e1", name="Varnholm", kind="place",
                  mentions=(arts[0].span(start, start + 8),))
    sure = find_disagreements([], facts, arts, reuse=[], config=ALIKE)
    assert [p.status for p in sure] == ["update"] and sure[0].confidence >= LOW_CONFIDENCE
    unsure = find_disagreements([], facts, arts, reuse=[], entities=[city], config=ALIKE)
    assert [p.status for p in unsure] == ["update"] and unsure[0].confidence < LOW_CONFIDENCE
    # a part of the city named by the other sentence shares its name: one place, still sure
    texts = ("In Varnholm the storm has killed 40 people since Monday, officials said on Thursday.",
             "In North Varnholm the storm has killed 310 people since Monday, officials said on Thursday.")
    arts, facts = _build(nlp, *texts, published=("2025-02-01", "2025-02-03"))
    s0, s1 = arts[0].text.index("Varnholm"), arts[1].text.index("North Varnholm")
    ents = [Entity(id="e1", name="Varnholm", kind="place", mentions=(arts[0].span(s0, s0 + 8),)),
            Entity(id="e2", name="North Varnholm", kind="place", mentions=(arts[1].span(s1, s1 + 14),))]
    same = find_disagreements([], facts, arts, reuse=[], entities=ents, config=ALIKE)
    assert [p.status for p in same] == ["update"] and same[0].confidence >= LOW_CONFIDENCE


def test_list_labels_are_no_counts() -> None:
    from newsdossier.analysis.numbers import find_quantities

    text = "The strikers listed their demands: 1) higher wages, 2) shorter shifts and (3) a union vote."
    assert find_quantities(text) == []
    assert [q.value for q in find_quantities("1. Nine miners were rescued.\n2. Four remain below.")] == [9, 4]
    assert [q.value for q in find_quantities("The toll rose to 12) on Sunday.")] == [12]


def test_what_the_verb_does_counts_a_bare_quantity(nlp) -> None:
    arts, facts = _build(nlp, "Guards opened fire on the rallies, killing dozens, a witness said.",
                         "Scores of marchers were massacred near the bridge, the league said.")
    by = {f.span.text: f for f in facts}
    assert by["dozens"].unit == "deaths" and by["dozens"].counted == "deaths"  # not a count of rallies
    assert by["Scores"].unit == "deaths" and by["Scores"].counted == "marcher"


def test_a_projection_is_no_report(nlp) -> None:
    arts, facts = _build(nlp, "Officials warned that as many as 9,000 could have died in the flood.")
    assert [f.confidence < 0.5 for f in facts] == [True]


def test_a_figure_inside_a_modal_clause_s_noun_phrase_is_reported(nlp) -> None:
    arts, facts = _build(nlp, "The $30 billion seed market might have room for a newcomer.",
                         "The toll may rise to 700 by Friday.")
    conf = {f.span.text: f.confidence for f in facts}
    assert conf["$30 billion"] >= 0.5 and conf["700"] < 0.5


def test_a_share_in_brackets_is_no_list_label() -> None:
    from newsdossier.analysis.numbers import find_quantities

    assert [q.value for q in find_quantities("Turnout fell, (17%) of voters said so.")] == [17]


def test_one_sentence_copied_into_another_story_is_a_copy(nlp) -> None:
    """No copied passage links the stories, but the figure's sentence is the same dozen words."""
    line = "They were also given a jail term of 14 months for keeping radio scanning gear without a permit."
    arts, facts = _build(nlp, f"The court met in the port town on Monday. {line}",
                         f"A pardon came in the summer after a long campaign by the families. {line}")
    pts = find_disagreements([], facts, arts, reuse=[])
    assert len(pts) == 1 and pts[0].independent == 1 and pts[0].confidence < LOW_CONFIDENCE
    arts, facts = _build(nlp, "The court also gave them 14 months in jail for keeping radio scanning gear.",
                         "For the scanning gear they kept without a permit, they got a 14 months jail term.")
    assert all(p.independent == 2 for p in find_disagreements([], facts, arts, reuse=[]))


def test_a_parallel_comparison_of_two_groups_is_contested_unsure(nlp) -> None:
    """One measure for the same two groups, in the same order, once per article: the two outlets
    state it differently, a contradiction shown unsure (nothing says the subject is the same)."""
    a = "The new pump is the right size for 70 percent of adults and 25 percent of children, its maker said."
    b = "Because of its bulk, the device can fit 86 percent of adults but only around 20 percent of children."
    arts, facts = _build(nlp, a, b)
    pts = find_disagreements([], facts, arts, reuse=[])
    assert sorted(p.status for p in pts) == ["contradict", "contradict"]
    assert all(p.confidence < LOW_CONFIDENCE for p in pts)
    # the same groups measured again elsewhere in one article (a poll: one figure per question): no licence
    more = " In a second survey, 40 percent of adults said they had heard of it."
    arts, facts = _build(nlp, a + more, b)
    assert find_disagreements([], facts, arts, reuse=[]) == []
    # two verbs of their own ("approve" / "oppose"): two measures, not one
    c = "A poll found that 55 percent of adults approve of the tram line, against 30 percent of children."
    d = "Asked in the town square, 35 percent of adults oppose it, with 60 percent of children."
    arts, facts = _build(nlp, c, d)
    assert find_disagreements([], facts, arts, reuse=[]) == []


def test_the_size_of_a_change_and_the_level_it_reached_are_different_measures(nlp) -> None:
    """"fell 300 metres" is a change, "fell from 900 to 600 metres" ends at a level: no contradiction."""
    a = "In the last minute of the descent the glider fell 300 meters over the frozen lake, the club said."
    b = "In the last minute of the descent the glider fell from 900 to 600 meters over the frozen lake."
    arts, facts = _build(nlp, a, b)
    assert [p for p in find_disagreements([], facts, arts, reuse=[], config=ALIKE)
            if p.status in ("contradict", "update")] == []
    # two sizes of one change still contradict, two levels too
    c = "In the last minute of the descent the glider fell 450 meters over the frozen lake, the club said."
    arts, facts = _build(nlp, a, c)
    assert [p.status for p in find_disagreements([], facts, arts, reuse=[], config=ALIKE)] == ["contradict"]
    d = "In the last minute of the descent the glider fell from 900 to 750 meters over the frozen lake."
    arts, facts = _build(nlp, b, d)
    assert "contradict" in [p.status for p in find_disagreements([], facts, arts, reuse=[], config=ALIKE)]


def test_one_distance_between_two_named_places_contradicts_across_outlets(nlp) -> None:
    """"Varnholm, 90 miles east of Port Selby" / "Varnholm, about 55 miles east of Port Selby": one
    fixed distance, so the values decide; it needs the place measured from to be a place entity."""
    from newsdossier.model import Entity

    texts = ("Rescuers reached the flooded valley town of Varnholm, 90 miles east of Port Selby, by noon.",
             "The dam broke above Varnholm, about 55 miles east of Port Selby, early on Sunday.")
    arts, facts = _build(nlp, *texts)

    def port(i: int) -> Entity:
        s = arts[i].text.index("Port Selby")
        return Entity(id=f"p{i}", name="Port Selby", kind="place", mentions=(arts[i].span(s, s + 10),))
    pts = find_disagreements([], facts, arts, reuse=[], entities=[port(0), port(1)], config=ALIKE)
    assert [p.status for p in pts] == ["contradict"] and pts[0].confidence >= LOW_CONFIDENCE
    assert find_disagreements([], facts, arts, reuse=[], config=ALIKE) == []  # no place entity: no route
    # "about 55" and 60 overlap: compatible
    texts2 = (texts[0].replace("90 miles", "60 miles"), texts[1])
    arts, facts = _build(nlp, *texts2)
    pts = find_disagreements([], facts, arts, reuse=[], entities=[port(0), port(1)], config=ALIKE)
    assert [p.status for p in pts] == ["compatible"]
    # another place measured ("the camp, 90 miles east of Port Selby"): no route of Varnholm
    texts3 = ("Rescuers set up the camp, 90 miles east of Port Selby, by noon.", texts[1])
    arts, facts = _build(nlp, *texts3)
    assert find_disagreements([], facts, arts, reuse=[], entities=[port(0), port(1)], config=ALIKE) == []
