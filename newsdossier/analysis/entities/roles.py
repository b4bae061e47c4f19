"""The roles written around a name, for entities.mentions: a descriptive pre-modifier ("Ledger
Weekly Paris correspondent X"), a title left out of the name ("Gen."), appositions ("X, the
co-creator of Y") and the head noun a role is known by."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ...lang import en
from ...model import Article, Span
from .context import glued_hyphen
from .names import is_courtesy, is_title

_ROLE_STOP_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "punct", "cc", "conj"})
_LEFT_OK_POS = frozenset({"PROPN", "NOUN", "ADJ", "PART", "NUM"})
_MAX_ROLE_TOKENS = 12
_ROLE_CUT = frozenset({"of", "for", "at", "in", "on", "from", "with", "and", "who", "that", "which"})


def in_ranges(start: int, end: int, ranges: Sequence[tuple[int, int]]) -> bool:
    """True if the character range overlaps one of ``ranges`` (furniture, labels)."""
    return any(s <= start and end <= e or s < end and start < e for s, e in ranges)


def _left_role(doc: Doc, first: int, last: int, sent_start: int) -> tuple[int, int] | None:
    """Return the token range of a descriptive pre-modifier ("Ledger Weekly Paris correspondent").

    Every token of the pre-modifier must depend on a token to its right inside the
    pre-modifier or the name (a modifier chain ending in the name).
    """
    i = first - 1
    while i >= sent_start:
        tok = doc[i]
        if not i < tok.head.i < last:
            break
        if tok.pos_ in _LEFT_OK_POS or is_title(tok.text) or (tok.pos_ == "VERB" and tok.dep_ == "amod"):
            if tok.pos_ == "PART" and tok.text.lower() not in ("'s", "’s"):
                break
            if tok.ent_type_ == "PERSON":
                break
            i -= 1
            continue
        break
    lo = i + 1
    if lo >= first or (lo > 0 and not doc[lo - 1].whitespace_):
        return None  # nothing, or the tail of a hyphenated word ("cease-fire")
    # a possessive cannot start a role, nor the number of a name cut before it ("KPIX 5 reporter")
    while lo < first and (doc[lo].pos_ == "PART" or (doc[lo].pos_ == "NUM" and lo > 0 and doc[lo - 1].pos_ == "PROPN")):
        lo += 1
    toks = doc[lo:first]
    if len(toks) == 0 or len(toks) > _MAX_ROLE_TOKENS:
        return None
    descriptive = any(
        (t.pos_ == "NOUN" and t.text[:1].islower()) or (is_title(t.text) and not is_courtesy(t.text))
        for t in toks
    )
    return (lo, first) if descriptive else None


def _phrase(doc: Doc, head: Token) -> tuple[int, int] | None:
    """Return the contiguous token range of an appositive phrase headed by ``head``."""
    lo = head.left_edge.i
    hi = head.i + 1
    # extend to the right inside the subtree, stopping at punctuation and clauses
    for tok in doc[head.i + 1 : head.right_edge.i + 1]:
        if glued_hyphen(doc, tok.i):
            continue  # "editor-in-chief", "son-in-law"
        if tok.is_punct or tok.dep_ in _ROLE_STOP_DEPS or tok.tag_ in ("WP", "WDT"):
            break
        hi = tok.i + 1
    while lo < hi and doc[lo].is_punct:
        lo += 1
    if hi - lo > _MAX_ROLE_TOKENS or hi <= lo:
        return None
    if not any(t.pos_ == "NOUN" and t.text[:1].islower() for t in (doc[k] for k in range(lo, hi))):
        return None
    return lo, hi


def _appositive_roles(doc: Doc, lo: int, hi: int) -> list[tuple[int, int]]:
    """Return token ranges of appositions attached to the name ``doc[lo:hi]``."""
    root = SpacySpan(doc, lo, hi).root  # ``doc[lo:hi]`` normalises the slice in Python: slower, same span
    out: list[tuple[int, int]] = []
    # "A and B, the co-creator": the apposition is B's as often as A's; the parse hangs it on A
    conj = min((c.i for c in root.children if c.dep_ == "conj" and c.i >= hi), default=len(doc))
    for child in root.children:
        if child.dep_ == "appos" and hi <= child.i and child.pos_ == "NOUN" and child.i < conj:
            if glued_hyphen(doc, child.i + 1) and doc[child.i + 2].head.i == root.i:
                continue  # "co" of "co-chairman" (each piece hung on the name): the last piece carries the role
            rng = _phrase(doc, child)
            if rng and glued_hyphen(doc, child.i - 1) and child.i >= 2:
                rng = (min(rng[0], doc[child.i - 2].left_edge.i), rng[1])  # "the co-creator of X"
            if rng:
                out.append(rng)
    head = root.head
    if root.dep_ == "appos" and head.i < lo and head.pos_ == "NOUN" and head.text[:1].islower():
        between = doc[head.i + 1 : lo]
        if all(t.is_punct for t in between) and len(between) <= 2:
            start = head.left_edge.i
            # grow over modifiers of the head and hyphen-joined pieces ("vice-president")
            sent_start = head.sent.start if doc.has_annotation("SENT_START") else 0
            while start > sent_start and not doc[start - 1].is_space and (
                (not doc[start - 1].whitespace_ and "-" in (doc[start - 1].text, doc[start].text))
                or (doc[start - 1].dep_ in ("det", "amod", "compound", "poss", "case", "nmod", "nummod")
                    and start - 1 < doc[start - 1].head.i <= head.i)
            ):
                start -= 1
            while start < head.i and doc[start].is_punct:
                start += 1
            if head.i + 1 - start <= _MAX_ROLE_TOKENS:
                out.append((start, head.i + 1))
    return out


def roles_around(doc: Doc, art: Article, e_start: int, t_lo: int, t_hi: int, sent_starts: Sequence[int],
           furniture: Sequence[tuple[int, int]], has_dep: bool) -> list[Span]:
    """Return the role spans around the name ``doc[t_lo:t_hi]`` of the mention starting at ``e_start``."""
    roles: list[Span] = []
    sent_start = sent_starts[bisect.bisect_right(sent_starts, e_start) - 1]
    ranges: list[tuple[int, int]] = []
    left = _left_role(doc, e_start if e_start < t_lo else t_lo, t_hi, sent_start)
    if left:
        # titles stripped from the mention belong to the role ("Gen.")
        ranges.append((left[0], t_lo))
    elif t_lo > e_start and any(
        is_title(doc[k].text) and not is_courtesy(doc[k].text) for k in range(e_start, t_lo)
    ):
        ranges.append((e_start, t_lo))
    if has_dep:
        ranges.extend(_appositive_roles(doc, t_lo, t_hi))
    for r_lo, r_hi in ranges:
        if doc[r_hi - 1].pos_ == "ADP" or role_head(doc[r_lo:r_hi].text) in en.ENTITY_NON_ROLE_NOUNS:
            continue  # cut before its object ("author of"), or no role: "Persky, a move that ...", "X, center"
        r_start = doc[r_lo].idx
        r_end = doc[r_hi - 1].idx + len(doc[r_hi - 1].text)
        if r_end > r_start and not in_ranges(r_start, r_end, furniture):
            roles.append(art.span(r_start, r_end))
    return roles


def role_head(role: str) -> str:
    """The head noun of a description: its last word before a preposition or clause
    ("his musical partner" -> "partner", "part of the team" -> "part")."""
    words = []
    for w in role.split():
        if w.lower() in _ROLE_CUT:
            break
        words.append(w)
    return words[-1].lower().strip(".,'’") if words else ""
