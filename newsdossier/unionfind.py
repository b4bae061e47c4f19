"""One union-find (disjoint sets) for every grouping the project does.

Near-duplicate groups, independent-source groups and the Spark dedup job all group items
that are linked pairwise; they share this one implementation. The representative of a set
is always its earliest item (by the order items were first seen, or by a given rank), so
groups come out in a stable, reproducible order.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import Generic, TypeVar

T = TypeVar("T", bound=Hashable)


class UnionFind(Generic[T]):
    """Disjoint sets over hashable items, with path halving.

    Args:
        items: items known from the start (also fixes their order).
        rank: ``rank(item)`` orders items when choosing a representative; by default, the
            order in which items were first seen.
    """

    def __init__(self, items: Iterable[T] = (), rank: Callable[[T], int] | None = None) -> None:
        self._parent: dict[T, T] = {}
        self._seen: dict[T, int] = {}
        self._rank = rank
        for item in items:
            self.add(item)

    def __contains__(self, item: object) -> bool:
        return item in self._parent

    def add(self, item: T) -> None:
        """Make ``item`` known (a set of its own unless already linked)."""
        if item not in self._parent:
            self._parent[item] = item
            self._seen[item] = len(self._seen)

    def _key(self, item: T) -> int:
        return self._rank(item) if self._rank is not None else self._seen[item]

    def find(self, item: T) -> T:
        """Return the representative of ``item``'s set (adding ``item`` if unknown)."""
        self.add(item)
        parent = self._parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, a: T, b: T) -> bool:
        """Link the sets of ``a`` and ``b``; return whether they were apart."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        first, second = (ra, rb) if self._key(ra) <= self._key(rb) else (rb, ra)
        self._parent[second] = first
        return True

    def groups(self, min_size: int = 1) -> list[list[T]]:
        """Return every set with at least ``min_size`` items, members and sets in order."""
        out: dict[T, list[T]] = {}
        for item in sorted(self._parent, key=self._key):
            out.setdefault(self.find(item), []).append(item)
        return [g for g in sorted(out.values(), key=lambda g: self._key(g[0])) if len(g) >= min_size]
