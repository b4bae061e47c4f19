"""How many independent reports stand behind a set of articles.

Articles are linked when one copies the other: the reused text between them (copied prose,
plus the quotes that travel with it) covers at least ``min_share`` of either article's
words, or they are near-duplicates, or (optionally) they come from the same outlet. Each
connected group counts once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from ...errors import NewsdossierError
from ...model import Article, Reuse
from ...unionfind import UnionFind
from .text import TOKEN_RE


class UnknownArticleError(NewsdossierError, KeyError):
    """An article id passed to :meth:`Independence.count` is not among the articles."""


class Independence:
    """The independence model: groups of articles that are copies of one another.

    Build it with :func:`independence`.
    """

    def __init__(self, order: Sequence[str], groups: Sequence[Sequence[str]],
                 reasons: dict[frozenset[str], str]) -> None:
        self._order = list(order)
        self._group_of: dict[str, int] = {}
        self._groups = [list(g) for g in groups]
        for k, group in enumerate(self._groups):
            for aid in group:
                self._group_of[aid] = k
        self.reasons = dict(reasons)

    @property
    def groups(self) -> list[list[str]]:
        """Every group of article ids (singletons included), in input order."""
        return [list(g) for g in self._groups]

    def group(self, article_id: str) -> list[str]:
        """Return the group holding ``article_id``.

        Raises:
            UnknownArticleError: if the id is not among the articles.
        """
        return list(self._groups[self._index(article_id)])

    def _index(self, article_id: str) -> int:
        try:
            return self._group_of[article_id]
        except KeyError as exc:
            raise UnknownArticleError(
                f"article {article_id!r} was not given to independence(); pass every article"
            ) from exc

    def count(self, article_ids: Iterable[str]) -> int:
        """Return how many independent reports are among ``article_ids``.

        Raises:
            UnknownArticleError: if an id is not among the articles.
        """
        return len({self._index(a) for a in article_ids})


def _words(text: str) -> int:
    return max(1, len(TOKEN_RE.findall(text)))


def independence(
    articles: Sequence[Article], reuse: Sequence[Reuse], *, min_share: float = 0.3,
    duplicates: Sequence[Sequence[str]] = (), same_outlet: bool = True,
) -> Independence:
    """Build the independence model of ``articles`` from the reuse found between them.

    Args:
        articles: all articles of the dossier.
        reuse: the output of :func:`~newsdossier.analysis.reuse.find_reuse`.
        min_share: share of an article's words that must be reused from another for the
            two to count as one report. Shared quotes count only for pairs that also share
            prose (two outlets quoting one speech are independent).
        duplicates: near-duplicate groups (from ``near_duplicates``) to link as well.
        same_outlet: link articles with the same non-empty ``outlet``.

    Raises:
        ValueError: if ``min_share`` is not in (0, 1].
    """
    if not 0.0 < min_share <= 1.0:
        raise ValueError(f"min_share must be in (0, 1], got {min_share}")
    order: list[str] = []
    words: dict[str, int] = {}
    for art in articles:
        if art.id not in words:
            order.append(art.id)
            words[art.id] = _words(art.text)
    sets: UnionFind[str] = UnionFind(order)
    reasons: dict[frozenset[str], str] = {}

    def link(a: str, b: str, why: str) -> None:
        if a in words and b in words and a != b:
            reasons.setdefault(frozenset((a, b)), why)
            sets.union(a, b)

    shared: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for r in reuse:
        key = (r.source.article, r.copy.article)
        shared[key][r.kind + ":src"] += _words(r.source.text)
        shared[key][r.kind + ":copy"] += _words(r.copy.text)
    for (a, b), counts in shared.items():
        if a not in words or b not in words or not counts.get("prose:src"):
            continue
        share = max((counts["prose:src"] + counts["quote:src"]) / words[a],
                    (counts["prose:copy"] + counts["quote:copy"]) / words[b])
        if share >= min_share:
            link(a, b, f"{share:.0%} of the text is shared")
    for group in duplicates:
        for other in group[1:]:
            link(group[0], other, "near-duplicate texts")
    if same_outlet:
        by_outlet: dict[str, str] = {}
        for art in articles:
            if art.outlet:
                name = art.outlet.strip().casefold()
                if name in by_outlet:
                    link(by_outlet[name], art.id, "same outlet")
                else:
                    by_outlet[name] = art.id
    return Independence(order, sets.groups(), reasons)
