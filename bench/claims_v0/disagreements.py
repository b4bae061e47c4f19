"""Points on which sources agree or disagree: verdicts grouped by target, and numbers.

:func:`find_disagreements` takes the claims of :func:`newsdossier.analysis.claims.extract_claims`
and the facts of :func:`newsdossier.analysis.numbers.extract_facts` and reports, for each
target and question, the sides with their outlets, holders and evidence spans.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence

from newsdossier.model import Article, Claim, Disagreement, Fact, Side

from .numbers import compatible, fact_bounds, fact_key

__all__ = ["find_disagreements", "name_key", "STRENGTH", "SUCCESS"]

STRENGTH = "stronger or weaker"
SUCCESS = "success or failure"
_POSITIONS = {STRENGTH: ("stronger", "weaker"), SUCCESS: ("success", "failure")}
_TITLES = re.compile(
    r"^(?:(?:mr|mrs|ms|dr|gen|sen|rep|gov|president|prime\s+minister|minister|general|senator|"
    r"cleric|leader|sheikh|sir|lord|king|queen)\.?\s+)+",
    re.I,
)


def name_key(name: str) -> str:
    """Return a loose key for a target name: the last word, without articles and titles."""
    name = _TITLES.sub("", name.strip())
    words = re.findall(r"[\w']+", name.lower())
    words = [w for w in words if w not in ("al", "el", "the", "s", "'s")]
    return words[-1] if words else name.lower()


def _claim_group(claim: Claim) -> tuple[str, str]:
    name, _, question = (claim.question or f"{claim.target}: {STRENGTH}").rpartition(": ")
    key = claim.target if claim.target != name else name_key(name)
    return key, question


def _numeric_disagreements(facts: Sequence[Fact], labels: Mapping[str, str]) -> list[Disagreement]:
    groups: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for f in facts:
        if f.unit != "count" and f.about not in ("", "count"):
            groups[fact_key(f)].append(f)
    out = []
    for (unit, about), items in groups.items():
        arts = {f.span.article for f in items}
        if len(arts) < 2:
            continue
        by_pos: dict[str, list[Fact]] = defaultdict(list)
        for f in items:
            by_pos[_format_value(f)].append(f)
        sides = tuple(
            Side(position=pos, outlets=tuple(dict.fromkeys(labels.get(f.span.article, f.span.article) for f in fs)),
                 holders=tuple(dict.fromkeys(labels.get(f.span.article, f.span.article) for f in fs)),
                 spans=tuple(f.span for f in fs))
            for pos, fs in by_pos.items()
        )
        conflict = any(f.conflict for f in items)
        if not conflict and len(sides) > 1:
            agreed = all(compatible(fact_bounds(a), fact_bounds(b)) for a in items for b in items)
        else:
            agreed = not conflict
        label = unit if about == unit else f"{about} ({unit})"
        out.append(Disagreement(point=f"how many: {label}", sides=sides, target=about, agreed=agreed))
    return out


def _format_value(fact: Fact) -> str:
    def fmt(x: float) -> str:
        return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2f}"

    if fact.value is not None:
        return f"{fmt(fact.value)} {fact.unit}"
    if fact.low is not None and fact.high is not None:
        return f"{fmt(fact.low)}–{fmt(fact.high)} {fact.unit}"
    if fact.low is not None:
        return f"more than {fmt(fact.low)} {fact.unit}"
    if fact.high is not None:
        return f"up to {fmt(fact.high)} {fact.unit}"
    return fact.unit


def find_disagreements(
    claims: Sequence[Claim], facts: Sequence[Fact], articles: Sequence[Article]
) -> list[Disagreement]:
    """Return the points on which sources take positions, contested or agreed.

    A point is a target and a question ("stronger or weaker", "success or failure"); it is
    reported when at least two outlets, or two holders, take a position on it. Each side lists
    the outlets (``article.label``), holders and claim spans. Numeric facts reported by two or
    more outlets are points too ("how many: <subject> (<unit>)"), contested when they conflict.

    Args:
        claims: from :func:`extract_claims`.
        facts: from :func:`extract_facts`.
        articles: the articles (for outlet labels).

    Returns:
        Contested points first (most claims first), then agreed ones.

    Raises:
        Nothing: claims about unknown articles are labelled with their article id.
    """
    labels = {a.id: a.label for a in articles}
    groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in claims:
        groups[_claim_group(c)].append(c)
    out: list[Disagreement] = []
    for (_key, question), items in groups.items():
        holders = {(c.span.article, c.holder.name) for c in items}
        arts = {c.span.article for c in items}
        if len(arts) < 2 and len(holders) < 2:
            continue
        pos_names = _POSITIONS.get(question, ("positive", "negative"))
        sides = []
        for polarity, position in zip(("positive", "negative"), pos_names):
            cs = [c for c in items if c.polarity == polarity]
            if not cs:
                continue
            sides.append(Side(
                position=position,
                outlets=tuple(dict.fromkeys(labels.get(c.span.article, c.span.article) for c in cs)),
                holders=tuple(dict.fromkeys(c.holder.name for c in cs)),
                spans=tuple(c.span for c in cs),
            ))
        names = [(c.question or "").rpartition(": ")[0] or c.target for c in items]
        display = max(set(names), key=lambda n: (names.count(n), len(n)))
        out.append(Disagreement(point=f"{display}: {question}?", sides=tuple(sides),
                                target=items[0].target if items[0].target != display else display,
                                agreed=len(sides) == 1))
    out.sort(key=lambda d: (d.agreed, -sum(len(s.spans) for s in d.sides)))
    out.extend(_numeric_disagreements(facts, labels))
    return out
