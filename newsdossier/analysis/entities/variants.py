"""Merge rules for given-name variants and near-spellings of long names.

* :func:`nicknames` - "Bill Clinton" / "William Clinton": the same surname and two given
  names that the table in :mod:`.nicknames` says are one name. A nickname pair ("Bob" /
  "Bobby") may be a father and his son, so the two must never meet in one article; a
  spelling pair ("Lindsay" / "Lindsey") may (a typo), at a lower confidence.
* :func:`near_spellings` - one token of a long name differs by one letter ("Senate Judicary
  Committee", "Hamdallah" / "Hamdalah"). Corroboration is required: a person must keep the
  same given name and the two spellings must never meet in one article; an organisation or
  place needs the same kind and at least two other words in common, or no meeting.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache

from ...lang import en
from .clusters import Clusters, Form
from .config import EntitiesConfig
from .names import looks_like_personal_name, non_person_kind, same_token
from .nicknames import NICKNAMES, SPELLINGS
from .places import US_STATE_ABBREVIATIONS, US_STATE_CITY_NAMES, US_STATE_POSTAL_CODES


def _build_table() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    formal_of: dict[str, set[str]] = defaultdict(set)
    for formal, shorts in NICKNAMES.items():
        formal_of[formal].add(formal)
        for short in shorts:
            formal_of[short].add(formal)
    spelled: dict[str, set[str]] = defaultdict(set)
    for group in SPELLINGS:
        for name in group:
            spelled[name] |= group
    return ({k: frozenset(v) for k, v in formal_of.items()}, {k: frozenset(v) for k, v in spelled.items()})


_FORMAL_OF, _SPELLED = _build_table()


@lru_cache(maxsize=4096)
def given_name_relation(a: str, b: str) -> str | None:
    """Return "spelling", "nickname" or None for two normalised given names.

    ``"spelling"`` when the table lists them as spellings of one name, ``"nickname"`` when
    one is a short form of the other or both are short forms of one formal name.
    """
    if a == b:
        return None
    if b in _SPELLED.get(a, ()):
        return "spelling"
    fa = _FORMAL_OF.get(a, frozenset()) | {x for s in _SPELLED.get(a, ()) for x in _FORMAL_OF.get(s, ())}
    fb = _FORMAL_OF.get(b, frozenset()) | {x for s in _SPELLED.get(b, ()) for x in _FORMAL_OF.get(s, ())}
    if fa & fb:
        return "nickname"
    return None


def _people(cl: Clusters, forms: Sequence[Form]) -> list[Form]:
    return [f for f in forms if not f.single and cl.kind(f.index) == "person" and non_person_kind(f.name) is None
            and looks_like_personal_name(f.name)]


def nicknames(cl: Clusters, forms: Sequence[Form], config: EntitiesConfig) -> None:
    """Join two full names of one person whose given names the nickname table relates."""
    people = [f for f in forms if not f.single and (f.name.core[0] in _FORMAL_OF or f.name.core[0] in _SPELLED)]
    people = _people(cl, people)
    by_last: dict[str, list[Form]] = defaultdict(list)
    for f in people:
        by_last[f.name.last].append(f)
    for a in people:
        fits: dict[int, tuple[Form, str]] = {}
        for b in by_last[a.name.last]:
            if len(a.name.core) != len(b.name.core) or cl.find(a.index) == cl.find(b.index):
                continue
            how = given_name_relation(a.name.first, b.name.first)
            if how is None or not all(same_token(x, y) for x, y in zip(a.name.core[1:], b.name.core[1:])):
                continue
            meet = bool(cl.articles(a.index) & cl.articles(b.index))
            if how == "nickname" and meet:
                continue  # "Bob Goodlatte" and "Bobby Goodlatte" side by side: father and son
            fits[cl.find(b.index)] = (b, how)
        if len(fits) != 1:
            continue  # two or more people it could be: leave it
        root, (b, how) = next(iter(fits.items()))
        meet = bool(cl.articles(a.index) & cl.articles(b.index))
        if how == "nickname":
            cl.union(root, a.index, "nickname",
                     f"{a.label} and {b.label}: {a.name.caps[0]!r} is a form of {b.name.caps[0]!r} (nickname "
                     "table), the surnames agree and the two never appear in the same article")
        else:
            cl.union(root, a.index, "spelling variant",
                     f"{a.label} and {b.label}: {a.name.caps[0]!r} and {b.name.caps[0]!r} are spellings of one "
                     "given name (nickname table)" + ("; both appear in one article" if meet else ""),
                     config.cooccurring_penalty if meet else 1.0)


def one_swap(a: str, b: str) -> bool:
    """True if ``a`` and ``b`` differ by two neighbouring letters swapped ("adminsitration")."""
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def one_edit(a: str, b: str) -> bool:
    """True if ``a`` and ``b`` differ by exactly one inserted, deleted or replaced letter."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:]
    return a[i:] == b[i + 1:]


def near_spellings(cl: Clusters, forms: Sequence[Form], config: EntitiesConfig) -> None:
    """Join multi-word names of one kind that differ by one letter in one long token."""
    pool = [f for f in forms if not f.single and cl.kind(f.index) in ("person", "organisation", "place")]
    buckets: dict[tuple, list[Form]] = defaultdict(list)
    for f in pool:
        core = f.name.core
        for k in range(len(core)):  # block on the name with one token left out
            if len(core[k]) >= config.near_spelling_min_len - 1:
                buckets[(len(core), k, core[:k] + core[k + 1:])].append(f)
    done: set[tuple[int, int]] = set()
    for (n, k, _rest), group in buckets.items():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                x, y = a.name.core[k], b.name.core[k]
                pair = (min(a.index, b.index), max(a.index, b.index))
                if pair in done or cl.find(a.index) == cl.find(b.index):
                    continue
                done.add(pair)
                if min(len(x), len(y)) < config.near_spelling_min_len or not one_edit(x, y):
                    continue
                if not x.isalpha() or not y.isalpha():
                    continue
                kind = cl.kind(a.index)
                if kind != cl.kind(b.index):
                    if {kind, cl.kind(b.index)} != {"person", "organisation"} or not (
                            looks_like_personal_name(a.name) and looks_like_personal_name(b.name)):
                        continue
                    kind = "person"  # a personal name the tagger calls an organisation: read as a person's
                meet = bool(cl.articles(a.index) & cl.articles(b.index))
                if kind == "person":
                    if k == 0 or meet:
                        continue  # a person keeps the given name; two spellings side by side are two people
                    why = "the given names agree and the two spellings never appear in the same article"
                elif meet and n < 3:
                    continue
                else:
                    why = ("the other words agree" + ("" if not meet else "; both appear in one article"))
                cl.union(a.index, b.index, "near spelling",
                         f"{a.label} ~ {b.label}: one letter differs in {a.name.caps[min(k, len(a.name.caps) - 1)]!r}; "
                         + why, config.cooccurring_penalty if meet else 1.0)


def legal_suffixes(cl: Clusters, forms: Sequence[Form]) -> None:
    """A firm named with and without its legal form ("Brennick Corp" / "Brennick Co" / "Brennick").

    The name without the suffix must be seen on its own, and both must be voted an
    organisation (or left unclassified), so a person "Jo Brennick" never joins "Brennick Inc".
    """
    by_key: dict[str, list[Form]] = defaultdict(list)
    for f in forms:
        by_key[f.name.key].append(f)
    for f in forms:
        tokens = f.name.tokens
        if len(tokens) < 2 or tokens[-1] not in en.ENTITY_LEGAL_SUFFIXES:
            continue
        kind = cl.kind(f.index)
        if kind not in ("organisation", "other"):
            continue
        rest = " ".join(tokens[:-1])
        for g in by_key.get(rest, ()):
            if cl.kind(g.index) in ("organisation", "other") and "organisation" in (kind, cl.kind(g.index)):
                cl.union(g.index, f.index, "legal form",
                         f"{f.label} is {g.label} with its legal form {f.name.caps[-1]!r}")


def state_abbreviations(cl: Clusters, forms: Sequence[Form]) -> None:
    """A US state written in its news-style abbreviation ("Okla.", "N.J.") joins the state.

    Only when the state is named in full in the same story, and both are places (the
    abbreviation tagged a place in most of its mentions; written with a space, "N. C.", whatever
    the tagger's label while no context shows a person).
    """
    states: dict[str, list[Form]] = defaultdict(list)
    for f in forms:
        if cl.kind(f.index) == "place":
            states[" ".join(f.name.core)].append(f)
    if not states:
        return
    for f in forms:
        spaced = len(f.name.caps) == 2 and all(len(c) == 2 and c[0].isupper() and c[1] == "." for c in f.name.caps)
        if len(f.name.caps) != 1 and not spaced:
            continue
        letters = "".join(f.name.caps).replace(".", "").lower()
        state = US_STATE_ABBREVIATIONS.get(letters)
        surface = f.surfaces.most_common(1)[0][0]
        if state is None and len(letters) == 2 and surface.isupper() and "." not in surface:
            # "CA" of "Irvine, CA" (a place by its votes, below); a postal code has no dots: "L.A." is initials
            state = US_STATE_POSTAL_CODES.get(letters)
            if state in US_STATE_CITY_NAMES:
                continue  # "N.Y." the state, "New York" mostly the city
        if state is None or state not in states:
            continue
        votes = f.kinds()
        if votes.get("place", 0) * 2 <= sum(votes.values()) and not (spaced and not cl.cues(f.index)[0]):
            continue  # a spaced "N. C." the tagger calls a person: no person's name is two initials alone
        target = states[state][0]
        cl.union(target.index, f.index, "state abbreviation",
                 f"{f.label} is the news-style abbreviation of {target.label} (state table)")
