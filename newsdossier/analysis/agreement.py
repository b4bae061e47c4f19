"""Agreement between outlets: for every pair, the points on which they side together or apart.

A point is a disagreement record (each side lists the outlets that take it; an agreed point
has one side). Without any, claims on the same target and question, grouped by polarity,
are the points. Each pair of outlets is counted once per point that names both of them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from ..model import Article, Claim, Disagreement, OutletPair
from ..registry import Inputs, Produced, analysis


def _points(disagreements: Sequence[Disagreement], claims: Sequence[Claim],
            labels: dict[str, str]) -> tuple[list[list[set[str]]], str]:
    points: list[list[set[str]]] = []
    for dis in disagreements:
        sides = [{labels.get(o, o) for o in side.outlets} for side in dis.sides]
        if dis.agreed and len(sides) > 1:
            sides = [set().union(*sides)]  # compatible figures ("1,237" / "about 1,200") are one position
        if any(sides):
            points.append(sides)
    if points or not claims:
        return points, "disagreements"
    groups: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for c in claims:
        if c.span.article in labels:
            groups[(c.target, c.question or "")][c.polarity].add(labels[c.span.article])
    return [list(g.values()) for g in groups.values()], "claims"


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def agreement(articles: Sequence[Article], disagreements: Sequence[Disagreement],
              claims: Sequence[Claim]) -> list[OutletPair]:
    """Count, for every pair of outlets, the points on which they agree and disagree.

    Args:
        articles: the articles (their ``label`` names the outlet).
        disagreements: the points found between the sources.
        claims: the claims, used as points when there are no disagreements.

    Returns:
        One :class:`OutletPair` per unordered pair of outlets that both address a point,
        ordered by outlet names; empty when fewer than two outlets take positions.
    """
    labels = {a.id: a.label for a in articles}
    # disagreement sides name outlets by label already; map ids too, for claims
    points, basis = _points(disagreements, claims, labels)
    agree: Counter[tuple[str, str]] = Counter()
    differ: Counter[tuple[str, str]] = Counter()
    both: Counter[tuple[str, str]] = Counter()
    for sides in points:
        same = {_pair(a, b) for s in sides for a in s for b in s if a != b}
        opposite = {_pair(a, b) for i, s in enumerate(sides) for j, t in enumerate(sides)
                    if i != j for a in s for b in t if a != b}
        agree.update(same)
        differ.update(opposite)
        both.update(same | opposite)
    outlets = sorted({o for sides in points for side in sides for o in side})
    if len(outlets) < 2:
        return []
    return [OutletPair(a=a, b=b, agree=agree[(a, b)], differ=differ[(a, b)], points=both[(a, b)], basis=basis)
            for (a, b) in sorted(both)]


@analysis("agreement", requires=("articles", "disagreements", "claims"), produces=("agreement",),
          languages=None)
def agreement_component(inputs: Inputs, config: object) -> Produced:
    """How often each pair of outlets takes the same or opposite positions."""
    d = inputs.dossier
    return {"agreement": tuple(agreement(inputs.articles, d.disagreements, d.claims))}
