"""Agreement between outlets: copies of one report are one report, not two that agree."""

from __future__ import annotations

from newsdossier.analysis.agreement import agreement
from newsdossier.model import Article, Disagreement, Side, SourceGroup

TEXT = "The council approved 40 new homes on Monday."


def _arts() -> list[Article]:
    return [Article.create(TEXT + f" Filed {n}.", f"t#{n}", outlet=o)
            for n, o in enumerate(("Courier", "Gazette", "Ledger"))]


def _point(arts: list[Article], *who: int, agreed: bool = True) -> Disagreement:
    side = Side(position="40", outlets=tuple(arts[i].label for i in who),
                spans=tuple(arts[i].span(21, 23) for i in who))
    return Disagreement(point="how many: home", sides=(side,), agreed=agreed, status="agree", kind="number")


def test_two_outlets_that_reprint_one_report_do_not_agree_on_it() -> None:
    arts = _arts()
    point = _point(arts, 0, 1)
    # apart, Courier and Gazette agree on the figure
    assert [(p.a, p.b, p.agree) for p in agreement(arts, [point], [])] == [("Courier", "Gazette", 1)]
    # Gazette reprints Courier's text: one report, no pair to show
    copies = [SourceGroup(articles=(arts[0].id, arts[1].id), reason="copied passages")]
    assert agreement(arts, [point], [], copies) == []


def test_a_third_outlet_of_its_own_still_agrees_with_both() -> None:
    arts = _arts()
    copies = [SourceGroup(articles=(arts[0].id, arts[1].id), reason="copied passages")]
    pairs = {(p.a, p.b): p.agree for p in agreement(arts, [_point(arts, 0, 1, 2)], [], copies)}
    assert pairs == {("Courier", "Ledger"): 1, ("Gazette", "Ledger"): 1}


def test_a_point_stated_only_in_copied_passages_is_one_report() -> None:
    arts = _arts()
    point = _point(arts, 0, 1)
    copied = Disagreement(point=point.point, sides=point.sides, agreed=True, status="agree", kind="number",
                          independent=1)
    assert agreement(arts, [copied], []) == []
