"""Points: quantities parsed as quantities, alignment of like with like, statuses, verdict rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdossier.analysis.claims import extract_claims
from newsdossier.analysis.disagreements import find_disagreements
from newsdossier.analysis.numbers import extract_facts, find_quantities
from newsdossier.analysis.points.common import PointsConfig, PointsConfigError
from newsdossier.model import Article, PointStatus, Reuse


def _arts(*texts: str, published: tuple[str | None, ...] = ()) -> list[Article]:
    pubs = published or (None,) * len(texts)
    # a heading per outlet: identical texts would be one article (the id is the text's hash)
    return [Article.create(f"Report {i}.\n{t}", f"p#{i}", outlet=f"Outlet {i}", published=p)
            for i, (t, p) in enumerate(zip(texts, pubs))]


def _points(nlp, *texts: str, published: tuple[str | None, ...] = (), reuse=None):
    arts = _arts(*texts, published=published)
    docs = {a.id: nlp(a.text) for a in arts}
    facts = extract_facts(arts, docs)
    return arts, find_disagreements(extract_claims(arts, docs), facts, arts, reuse=reuse)


@pytest.mark.parametrize("text", [
    "The draft deferments ran from 1965 to 1970.",
    "Mail went to the 90210 ZIP code.",
    "House Bill 70 passed the chamber.",
    "The 49-year-old was arrested.",
    "The officials, 51, resigned.",
    "He drove down Route 9 at night.",
    "They met on March 5 in Ohio.",
    "The share of adults rose from about one in eight to nearly one in five.",  # ratios, not counts
    "Two out of three voters stayed home.",
])
def test_not_counted(text: str) -> None:
    assert find_quantities(text) == []


def test_a_count_before_a_year_is_no_ratio() -> None:
    assert [q.value for q in find_quantities("Sales fell to 3 in 2019 from 12 in 1991.")] == [3.0, 12.0]


def test_pounds_weight_or_money_and_multi_part_duration() -> None:
    q = find_quantities("The men weighed 180 to 245 pounds.")[0]
    assert (q.kind, q.unit, q.low, q.high) == ("weight", "pounds", 180, 245)
    q = find_quantities("The club paid 5 million pounds for him.")[0]
    assert (q.kind, q.unit, q.value) == ("money", "GBP", 5_000_000)
    q = find_quantities("She won in 4 minutes 8.08 seconds.")[0]
    assert q.kind == "duration" and q.unit == "seconds" and q.value == pytest.approx(248.08)
    q = find_quantities("between 5 and 6 million people")[0]
    assert (q.low, q.high) == (5_000_000, 6_000_000)


def test_shared_unit_is_not_a_point(nlp) -> None:
    _, dis = _points(nlp, "Senator Ann Roe raised $200,000 for the race.",
                     "Her rival Bo Lin spent $5.4 million on television ads.")
    assert dis == []
    _, dis = _points(nlp, "Turnout was 56 percent in this primary.", "Turnout was 79 percent in past primaries.")
    assert not [d for d in dis if d.status == PointStatus.CONTRADICT]
    _, dis = _points(nlp, "Police held Simon and three other men overnight.", "Police held the four men overnight.")
    assert not [d for d in dis if d.status == PointStatus.CONTRADICT]


def test_statuses_agree_compatible_contradict(nlp) -> None:
    base = "The storm destroyed {} homes along the northern coast of the island, officials said."
    _, dis = _points(nlp, base.format("1,237"), base.format("1,237"))
    assert [d.status for d in dis] == ["agree"] and dis[0].agreed and dis[0].outlets == 2
    _, dis = _points(nlp, base.format("1,237"), base.format("about 1,200"))
    assert [d.status for d in dis] == ["compatible"]
    _, dis = _points(nlp, base.format("1,237"), base.format("2,500"))
    assert [d.status for d in dis] == ["contradict"] and not dis[0].agreed
    assert 0 < dis[0].confidence <= 1 and {s.position for s in dis[0].sides} == {"1,237 homes", "2,500 homes"}


def test_later_toll_is_an_update(nlp) -> None:
    s = "The bombing at the market in the old town killed {} people, the health ministry said."
    _, dis = _points(nlp, s.format("12"), s.format("19"), published=("2025-04-09", "2025-04-10"))
    assert [d.status for d in dis] == ["update"]
    _, dis = _points(nlp, s.format("12"), s.format("19"))
    assert [d.status for d in dis] == ["contradict"]


def test_independence_from_reuse(nlp) -> None:
    s = "The storm destroyed 1,237 homes along the northern coast of the island, officials said."
    arts = _arts(s, s, s)
    n = len(arts[0].text)
    r = Reuse(source=arts[0].span(0, n), copy=arts[1].span(0, n), similarity=1.0)
    docs = {a.id: nlp(a.text) for a in arts}
    alike = PointsConfig(copy_run=1000)  # the same sentence stands for three outlets: copied-run rule off
    dis = find_disagreements([], extract_facts(arts, docs), arts, reuse=[r], config=alike)
    assert dis[0].outlets == 3 and dis[0].independent == 2
    assert find_disagreements([], extract_facts(arts, docs), arts)[0].independent is None


def test_verdict_needs_named_target_and_two_outlets(nlp) -> None:
    _, dis = _points(nlp, "The rescue plan was a failure.", "The rescue plan was a success.")
    assert dis == []  # an undertaking, not a named entity
    arts = _arts("In the end Dana Velkor emerged stronger than his rivals.",
                 "Dana Velkor is in deep trouble after the vote.")
    docs = {a.id: nlp(a.text) for a in arts}
    dis = find_disagreements(extract_claims(arts, docs), [], arts)
    assert [d.status for d in dis] == ["contradict"] and dis[0].kind == "verdict"
    one = find_disagreements(extract_claims(arts[:1], docs), [], arts[:1])
    assert one == []


def test_config_validated() -> None:
    with pytest.raises(PointsConfigError):
        PointsConfig(min_similarity=2.0)
    with pytest.raises(PointsConfigError):
        PointsConfig(min_verdict_outlets=1)


def test_demo_displaced_counts_found(nlp, example_dir: Path) -> None:
    from newsdossier.ingest import ingest  # the demo as a user loads it

    res = ingest([example_dir / "articles"], manifest=example_dir / "manifest.csv")
    arts = [a for a in res.articles if a.language in ("en", "und")]
    docs = {a.id: nlp(a.text) for a in arts}
    dis = find_disagreements([], extract_facts(arts, docs), arts)
    hits = [d for d in dis if d.status in ("update", "contradict") and d.kind == "number" and "displaced" in d.point]
    assert hits, [(d.point, d.status) for d in dis]
    values = {s.value for s in hits[0].sides}
    assert 1200 in values and 2000 in values


def test_keyword_verdicts_make_no_contest(nlp) -> None:
    _, dis = _points(nlp, "Dad came out of the surgery stronger than ever.", "Dad is in trouble with the tax office again.")
    assert dis == []  # a family word is no named entity
    _, dis = _points(nlp, "The Hawks lost in the final.", "The Hawks won.")
    assert dis == []  # an outcome alone is no judgement of standing


def test_markdown_lists_agree_apart_from_disagree(nlp) -> None:
    from newsdossier.model import Dossier
    from newsdossier.render.markdown import to_markdown

    base = "The storm destroyed {} homes along the northern coast of the island, officials said."
    arts, dis = _points(nlp, base.format("1,237"), base.format("2,500"), base.format("1,237"))
    assert [d.status for d in dis] == ["contradict"]
    arts2, agreed = _points(nlp, "Rescuers pulled 14 people from the river at dawn on Monday, the fire chief said.",
                            "Rescuers pulled 14 people from the river at dawn on Monday, the fire chief said.")
    md = to_markdown(Dossier(articles=tuple(arts + arts2), disagreements=tuple(dis + agreed)))
    disagree = md.split("## Where sources disagree")[1].split("## ")[0]
    agree = md.split("## Where sources agree")[1].split("## ")[0]
    assert "contradict" in disagree and "14" not in disagree
    assert "14 people" in agree and "agree" in agree


def test_a_copied_sentence_listing_figures_is_no_contradiction(nlp) -> None:
    # found in a 1,000-article build: wire copies of one sentence listing four sums were one
    # "contradicting" point (each figure of a copy aligned with every figure of the other)
    text = "The average family paid $2,440 in 2010, $2,141 in 2011, $2,069 in 2012 and $1,700 in 2013, the study found."
    _, points = _points(nlp, text, text)
    assert [p.status for p in points] == [PointStatus.AGREE] * 4
    assert [[s.position for s in p.sides] for p in points] == [["2,440 USD"], ["2,141 USD"], ["2,069 USD"], ["1,700 USD"]]


def test_copies_of_one_text_are_no_corroboration_nor_contradiction(nlp) -> None:
    """A point resting on copies of one text only (reuse links every article) is shown unsure."""
    from newsdossier.model import LOW_CONFIDENCE

    cfg = PointsConfig()
    s = "The storm destroyed {} homes along the northern coast of the island, officials said."
    for a_val, b_val, status in (("1,237", "1,237", "agree"), ("1,237", "2,500", "contradict")):
        arts = _arts(s.format(a_val), s.format(b_val))
        n0, n1 = len(arts[0].text), len(arts[1].text)
        r = Reuse(source=arts[0].span(0, n0), copy=arts[1].span(0, n1), similarity=0.95)
        docs = {a.id: nlp(a.text) for a in arts}
        facts = extract_facts(arts, docs)
        copied = find_disagreements([], facts, arts, reuse=[r])
        assert [d.status for d in copied] == [status] and copied[0].independent == 1
        assert copied[0].confidence <= cfg.copies_confidence < LOW_CONFIDENCE
        # two independent outlets (the same words on purpose: copied-run rule off): as sure as before
        alone = find_disagreements([], facts, arts, reuse=[], config=PointsConfig(copy_run=1000))
        assert alone[0].independent == 2 and alone[0].confidence > LOW_CONFIDENCE


def test_tolls_of_different_events_are_not_one_point(nlp) -> None:
    """Short sentences that share only the figure's own verb and noun are not aligned."""
    _, dis = _points(nlp, "That blast wounded one guard and injured 64 people.",
                     "Seven people were injured in those blasts.")
    assert dis == []
    _, dis = _points(nlp, "The blast at the depot injured 64 people on Monday.",
                     "The blast at the depot injured 70 people on Monday.")
    assert [d.status for d in dis] == ["contradict"]


def test_an_article_repeating_a_sentence_states_its_figure_once(nlp, monkeypatch) -> None:
    # the copies are cited with the first and never compared: a page that repeats one
    # sentence hundreds of times made the comparison quadratic in its repeats
    from newsdossier.analysis.points import disagreements as dis

    calls = 0
    real = dis._alignment

    def counted(*args, **kw):
        nonlocal calls
        calls += 1
        return real(*args, **kw)

    monkeypatch.setattr(dis, "_alignment", counted)
    sentence = "The storm killed 12 people in Orvale on Monday, officials said.\n\n"
    _, points = _points(nlp, sentence * 40, "The storm killed 12 people in Orvale on Monday, officials said.")
    assert calls <= 2  # one pair of different articles, not 41 * 40 / 2
    point = next(p for p in points if p.question == "how many")
    assert sum(len(s.spans) for s in point.sides) == 41  # every copy still cited


@pytest.mark.parametrize(("text", "counted"), [
    ("The district has a zero tolerance policy for weapons.", []),  # a degree, not a count of none
    ("Viewers told KPIX 5 reporter Ann Lee about it.", []),  # a label: name, number, singular noun
    ("Officials reported zero deaths.", ["death"]),  # zero with a plural: a count
    ("The firm cut 200 staff last year.", ["staff"]),  # no name before: a collective noun counted
])
def test_number_before_a_singular_noun(nlp, text: str, counted: list[str]) -> None:
    arts = _arts(text)
    facts = extract_facts(arts, {a.id: nlp(a.text) for a in arts})
    assert [f.counted for f in facts] == counted
