"""The one union-find: groups are stable, representatives are the earliest items."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsdossier.unionfind import UnionFind


def test_groups_follow_first_seen_order() -> None:
    sets: UnionFind[str] = UnionFind(["c", "a", "b", "d"])
    assert sets.union("b", "a") and not sets.union("a", "b")
    sets.union("d", "c")
    assert sets.groups() == [["c", "d"], ["a", "b"]]
    assert sets.find("b") == "a" and sets.groups(min_size=3) == []


def test_rank_chooses_the_representative() -> None:
    rank = {"x": 2, "y": 0, "z": 1}
    sets: UnionFind[str] = UnionFind(rank=rank.__getitem__)
    sets.union("x", "z")
    sets.union("z", "y")
    assert sets.find("x") == "y" and sets.groups() == [["y", "z", "x"]]


@given(st.lists(st.tuples(st.integers(0, 15), st.integers(0, 15)), max_size=40))
def test_groups_are_the_connected_components(pairs: list[tuple[int, int]]) -> None:
    sets: UnionFind[int] = UnionFind(range(16))
    for a, b in pairs:
        sets.union(a, b)
    # reference: repeated relaxation
    label = list(range(16))
    changed = True
    while changed:
        changed = False
        for a, b in pairs:
            low = min(label[a], label[b])
            for x in (a, b):
                if label[x] != low:
                    label[x], changed = low, True
        label = [min(label[x] for x in range(16) if label[x] == label[y]) for y in range(16)]
    expected: dict[int, list[int]] = {}
    for x in range(16):
        expected.setdefault(label[x], []).append(x)
    assert sorted(map(sorted, sets.groups())) == sorted(expected.values())
