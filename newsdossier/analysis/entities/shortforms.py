"""Short forms backed by the story's other names (issue 15, 2026-12-04).

* An institution named without its head word ("Occidental" / "Occidental College", "Yale" / "Yale
  University") joins the one college or university of the story it starts, when the short form is voted
  an organisation (not a place: "Columbia" the district, nor a person: "Stanford" the governor).
* "The Academy" joins the one organisation of the story whose name is "Academy of ..." (its head before
  "of": "the Institute", "the Council"), like "the Thunder" joins the one team it ends
  (:func:`.rules.definite_short_forms`): written with "the", never in lowercase, voted no person; not
  when the long name ends in a place's head word (an organisation's name glued to a place's: "Trustees of
  Reservations Crane Beach" of "the ... Crane Beach parking lot").
* A craft named with its craft word or ship's prefix ("Flight QV512" / "QV512", "USS Tollin" /
  "Tollin") joins the bare name when that is no person's.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from ...lang import en
from .clusters import Clusters, Form
from .rules import _join_definite

_CRAFT_WORDS = en.ENTITY_CRAFT_NOUNS | en.ENTITY_CRAFT_NOUNS_MORE | en.ENTITY_SHIP_PREFIXES


def institution_short_forms(cl: Clusters, forms: Sequence[Form]) -> None:
    """Join "X" to the one "X College" / "X University" of the story (see the module docstring)."""
    longs: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for f in forms:
        core = f.name.core
        if len(core) >= 2 and core[-1] in en.ENTITY_INSTITUTION_HEADS and cl.kind(f.index) in ("organisation", "place"):
            longs[tuple(core[:-1])].add(cl.find(f.index))
    if not longs:
        return
    for f in forms:
        cands = longs.get(tuple(f.name.core))
        if not cands or cl.kind(f.index) != "organisation":
            continue
        roots = {cl.find(r) for r in cands} - {cl.find(f.index)}
        if len(roots) == 1:
            root = roots.pop()
            longer = next(forms[i] for i in cl.members[root] if tuple(forms[i].name.core[:-1]) == tuple(f.name.core))
            cl.union(root, f.index, "institution short form",
                     f"{f.label} is {longer.label} without its head word, the only institution it fits")


def craft_short_forms(cl: Clusters, forms: Sequence[Form]) -> None:
    """Join "Flight X" / "USS X" to the bare "X" when that is no person's (see the module docstring)."""
    bare: dict[tuple[str, ...], list[Form]] = defaultdict(list)
    for f in forms:
        bare[tuple(f.name.core)].append(f)
    for f in forms:
        core = f.name.core
        if len(core) < 2 or core[0].replace(".", "") not in _CRAFT_WORDS:
            continue
        for g in bare.get(tuple(core[1:]), ()):
            if cl.kind(g.index) != "person":
                cl.union(f.index, g.index, "craft short form",
                         f"{f.label} is {g.label} with its craft word {f.name.caps[0]!r}")


def definite_head_short_forms(cl: Clusters, forms: Sequence[Form]) -> None:
    """Join "the X" to the one organisation "X of ..." of the story (see the module docstring)."""
    heads: dict[str, set[int]] = defaultdict(set)
    for f in forms:
        tokens = f.name.tokens
        if (len(tokens) >= 3 and tokens[1] == "of" and cl.kind(f.index) == "organisation" and not cl.person_like(f.index)
                and f.name.core[-1] not in en.ENTITY_PLACE_HEADS):  # not glued to a place ("... Crane Beach")
            heads[tokens[0]].add(cl.find(f.index))
    if not heads:
        return
    for f in forms:
        if f.single and not f.lowercase and f.name.tokens[-1] in heads and cl.kind(f.index) in ("organisation", "other"):
            _join_definite(cl, forms, f, heads, relation="the head word")
