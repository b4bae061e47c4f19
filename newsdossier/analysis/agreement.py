"""Agreement between outlets: for every pair, the points on which they side together or apart.

A point is a disagreement record (each side lists the outlets that take it; an agreed point
has one side). Without any, claims on the same target and question, grouped by polarity,
are the points. Each pair of outlets is counted once per point that names both of them.
Two outlets whose statements of a point are all copies of one report (one source group, or
a point whose statements all lie in copied passages: ``independent`` 1) do not *agree* on it:
that is one report, counted once (they still differ when the copies give different figures).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from ..model import Article, Claim, Disagreement, OutletPair, SourceGroup
from ..registry import Inputs, Produced, analysis

Reports = dict[str, set[str]]   # outlet -> the source groups of its statements of one point


def _points(disagreements: Sequence[Disagreement], claims: Sequence[Claim],
            labels: dict[str, str], group: dict[str, str]) -> tuple[list[tuple[list[set[str]], Reports]], str]:
    points: list[tuple[list[set[str]], Reports]] = []
    for dis in disagreements:
        sides = [{labels.get(o, o) for o in side.outlets} for side in dis.sides]
        if dis.agreed and len(sides) > 1:
            sides = [set().union(*sides)]  # compatible figures ("1,237" / "about 1,200") are one position
        reports: Reports = defaultdict(set)
        for side in dis.sides:
            for sp in side.spans:
                if sp.article in labels:
                    # one independent source: every statement of the point lies in copied passages
                    one = dis.independent == 1
                    reports[labels[sp.article]].add("copied" if one else group.get(sp.article, sp.article))
        if any(sides):
            points.append((sides, reports))
    if points or not claims:
        return points, "disagreements"
    groups: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    reports_of: dict[tuple[str, str], Reports] = defaultdict(lambda: defaultdict(set))
    for c in claims:
        if c.span.article in labels:
            key = (c.target, c.question or "")
            groups[key][c.polarity].add(labels[c.span.article])
            reports_of[key][labels[c.span.article]].add(group.get(c.span.article, c.span.article))
    return [(list(g.values()), reports_of[k]) for k, g in groups.items()], "claims"


def _one_report(a: str, b: str, reports: Reports) -> bool:
    """True when every statement of the point by ``a`` and by ``b`` is in one source group."""
    seen = reports.get(a, set()) | reports.get(b, set())
    return len(seen) == 1


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def agreement(articles: Sequence[Article], disagreements: Sequence[Disagreement],
              claims: Sequence[Claim], sources: Sequence[SourceGroup] = ()) -> list[OutletPair]:
    """Count, for every pair of outlets, the points on which they agree and disagree.

    Args:
        articles: the articles (their ``label`` names the outlet).
        disagreements: the points found between the sources.
        claims: the claims, used as points when there are no disagreements.
        sources: the groups of articles that count as one report (copies): two outlets whose
            statements of a point all lie in one group do not agree on it, they reprint it.

    Returns:
        One :class:`OutletPair` per unordered pair of outlets that both address a point,
        ordered by outlet names; empty when fewer than two outlets take positions.
    """
    labels = {a.id: a.label for a in articles}
    # disagreement sides name outlets by label already; map ids too, for claims
    group = {aid: str(k) for k, g in enumerate(sources) for aid in g.articles}
    points, basis = _points(disagreements, claims, labels, group)
    agree: Counter[tuple[str, str]] = Counter()
    differ: Counter[tuple[str, str]] = Counter()
    both: Counter[tuple[str, str]] = Counter()
    for sides, reports in points:
        same = {_pair(a, b) for s in sides for a in s for b in s if a != b and not _one_report(a, b, reports)}
        opposite = {_pair(a, b) for i, s in enumerate(sides) for j, t in enumerate(sides)
                    if i != j for a in s for b in t if a != b}
        agree.update(same)
        differ.update(opposite)
        both.update(same | opposite)
    outlets = sorted({o for pair in both for o in pair})
    if len(outlets) < 2:
        return []
    return [OutletPair(a=a, b=b, agree=agree[(a, b)], differ=differ[(a, b)], points=both[(a, b)], basis=basis)
            for (a, b) in sorted(both)]


@analysis("agreement", requires=("articles", "disagreements", "claims", "sources"), produces=("agreement",),
          languages=None)
def agreement_component(inputs: Inputs, config: object) -> Produced:
    """How often each pair of outlets takes the same or opposite positions."""
    d = inputs.dossier
    return {"agreement": tuple(agreement(inputs.articles, d.disagreements, d.claims, d.sources))}
