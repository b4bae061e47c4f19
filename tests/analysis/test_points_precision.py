"""Points shown sure only when earned: copies beyond the copied passages, close values, tolls, places."""

from __future__ import annotations

from newsdossier.analysis.disagreements import find_disagreements
from newsdossier.analysis.numbers import extract_facts
from newsdossier.analysis.points.disagreements import wire_credit
from newsdossier.model import LOW_CONFIDENCE, Article, Reuse


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
    pts = find_disagreements([], facts, arts, reuse=[])
    assert len(pts) == 1 and pts[0].independent == 2
