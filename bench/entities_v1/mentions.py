"""From spaCy's entity mentions to clean name mentions with their roles.

Each spaCy mention is trimmed to the name it contains (no determiner, title, possessive,
quote mark or trailing common noun: "the Crimson Brigade militia" -> "Crimson Brigade"), dropped
when it is not an entity for a reader (dates, numbers, quantities) or lies in page
furniture ("Watch X assess the situation »"), and given the appositive descriptions
around it ("Ledger Weekly Paris correspondent", "the Nordic commander in Lapland") as role spans.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsdossier.model import Article, Span

from .names import Name, is_courtesy, is_name_function_word, is_particle, is_title, split_name

# spaCy labels that are numbers and dates: other capabilities own them.
DROP_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})
KIND_OF_LABEL: Mapping[str, str] = {
    "PERSON": "person",
    "ORG": "organisation",
    "NORP": "group",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
}
KINDS = ("person", "organisation", "group", "place", "other")

_QUOTE_CHARS = "\"“”«»„‟'’‘`"
_ROMAN = re.compile(r"^[IVXLCDM]{2,}$")
# A UI prompt pasted into the text: a verb of the interface up to the arrow that ends it.
_UI_PROMPT = re.compile(
    r"(?:^|(?<=[.!?\"”’»)])\s)\s*(?:Watch|Click|Read|Learn|See|Share|Follow|Subscribe|Sign up|Listen|"
    r"View|Browse|Download|E-?mail|Print|Tap|Explore|Get|Find out|Discover|Check out)\b[^\n»›]{0,200}[»›]",
    re.MULTILINE,
)
# A whole line that is page furniture (a short line made of a UI phrase).
_UI_LINE = re.compile(
    r"^[ \t]*(?:E-?mail to a friend|Share this|Print this|Related:|Advertisement|Follow us\b|"
    r"Sign up\b|Subscribe\b|Read more\b|Click here\b|Image (?:caption|copyright)\b|Photo:|Video:)[^\n]{0,120}$",
    re.MULTILINE | re.IGNORECASE,
)
_ROLE_STOP_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "punct", "cc", "conj"})
_LEFT_OK_POS = frozenset({"PROPN", "NOUN", "ADJ", "PART", "NUM"})
_MAX_ROLE_TOKENS = 12
# Title words that also occur inside names ("Martin Luther King Jr", "Carl Prince Adams").
_NAME_TITLES = frozenset({"king", "queen", "prince", "princess", "lord", "lady", "grand", "father", "major",
                          "marshal", "crown", "field", "cardinal", "bishop", "sir", "dame"})
# Prepositions that put a place after them ("in X", "near X"); "to", "at" and "from" are
# left out because they precede people as often ("said to X", "a letter from X").
_LOCATIVE = frozenset({"in", "near", "into", "outside", "across", "around", "inside", "throughout",
                       "within"})


@dataclass(frozen=True, slots=True)
class NameMention:
    """One cleaned mention of a name in one article.

    Attributes:
        span: the name's characters (without title, determiner or possessive).
        label: spaCy's label of the mention.
        name: the name split into comparison tokens.
        roles: spans of appositive descriptions of the mention.
        order: the mention's position in the input (article index, start).
        locative: the word before the mention is a preposition of place ("in", "near").
    """

    span: Span
    label: str
    name: Name
    roles: tuple[Span, ...]
    order: tuple[int, int]
    locative: bool = False

    @property
    def kind(self) -> str:
        return KIND_OF_LABEL.get(self.label, "other")


def furniture_ranges(text: str) -> list[tuple[int, int]]:
    """Return character ranges of ``text`` that are page furniture or UI prompts."""
    out = [(m.start(), m.end()) for m in _UI_PROMPT.finditer(text)]
    out.extend((m.start(), m.end()) for m in _UI_LINE.finditer(text))
    return sorted(out)


def _in_ranges(start: int, end: int, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e or s < end and start < e for s, e in ranges)


def _trim_tokens(ent: SpacySpan) -> tuple[int, int] | None:
    """Return the token range (doc indices) of the name inside a mention, or None."""
    toks = list(ent)
    lo, hi = 0, len(toks)
    person = ent.label_ == "PERSON"

    def dropable_lead(t: Token, rest: int) -> bool:
        text = t.text
        if all(ch in _QUOTE_CHARS for ch in text) or t.is_punct:
            return True
        if text.lower() in ("the", "a", "an"):
            return True
        if rest > 1 and is_title(text) and (person or text.endswith(".")):
            return True
        return text[:1].islower() and not is_particle(text)

    while lo < hi and dropable_lead(toks[lo], hi - lo):
        lo += 1
    if person:  # "Green Beret Sgt Joe Serna": the name starts after the last title
        for k in range(hi - 2, lo, -1):
            word = toks[k].text.rstrip(".").lower()
            if is_title(toks[k].text) and word not in _NAME_TITLES and toks[k + 1].text[:1].isupper():
                lo = k + 1
                break

    def dropable_tail(t: Token) -> bool:
        text = t.text
        if t.is_punct or all(ch in _QUOTE_CHARS for ch in text):
            return True
        if text.lower() in ("'s", "’s", "ʼs", "'", "’"):
            return True
        if text[:1].islower() and not is_name_function_word(text):
            return True
        # truncated title at the end ("Air Force Maj")
        return is_title(text) and (text.endswith(".") or len(text.rstrip(".")) <= 4)

    while hi > lo and dropable_tail(toks[hi - 1]):
        hi -= 1
    # a function word cannot end a name
    while hi > lo and is_name_function_word(toks[hi - 1].text):
        hi -= 1
    if hi <= lo:
        return None
    return ent.start + lo, ent.start + hi


def _clean_chars(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim quote marks and an attached possessive from ``text[start:end]``."""
    while start < end and text[start] in _QUOTE_CHARS:
        start += 1
    for suffix in ("'s", "’s", "ʼs"):
        if text[start:end].endswith(suffix) and end - start > len(suffix):
            end -= len(suffix)
            break
    while end > start and (text[end - 1] in _QUOTE_CHARS or text[end - 1] in ".,;:"):
        # keep the dot of an initial ("U.S.", "W.")
        if text[end - 1] == "." and end - start >= 2 and text[end - 2].isupper():
            break
        end -= 1
    return start, end


def _acceptable(surface: str) -> bool:
    if not surface or not any(ch.isupper() for ch in surface):
        return False
    if "\n" in surface or any(ch in surface for ch in ",;:!?()[]{}|»«\"“”"):
        return False
    if _ROMAN.match(surface):
        return False
    words = surface.split()
    if len(words) > 10:
        return False
    first = words[0]
    return first[:1].isupper() or first[:1].isdigit() or is_particle(first)


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
    # a possessive cannot start a role
    while lo < first and doc[lo].pos_ == "PART":
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
        if tok.is_punct or tok.dep_ in _ROLE_STOP_DEPS or tok.tag_ in ("WP", "WDT"):
            break
        hi = tok.i + 1
    while lo < hi and doc[lo].is_punct:
        lo += 1
    if hi - lo > _MAX_ROLE_TOKENS or hi <= lo:
        return None
    if not any(t.pos_ == "NOUN" and t.text[:1].islower() for t in doc[lo:hi]):
        return None
    return lo, hi


def _appositive_roles(doc: Doc, lo: int, hi: int) -> list[tuple[int, int]]:
    """Return token ranges of appositions attached to the name ``doc[lo:hi]``."""
    root = doc[lo:hi].root
    out: list[tuple[int, int]] = []
    for child in root.children:
        if child.dep_ == "appos" and child.i >= hi and child.pos_ == "NOUN":
            rng = _phrase(doc, child)
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


def extract(
    articles: Sequence[Article], docs: Mapping[str, Doc]
) -> tuple[list[NameMention], int]:
    """Return the cleaned name mentions of all articles and the number of raw spaCy mentions.

    Raises:
        KeyError: if an article has no parse in ``docs``.
    """
    out: list[NameMention] = []
    raw = 0
    for a_index, art in enumerate(articles):
        if art.id not in docs:
            raise KeyError(f"no spaCy parse for article {art.id} ({art.label}); run nlp.parse first")
        doc = docs[art.id]
        furniture = furniture_ranges(art.text)
        for ent in doc.ents:
            raw += 1
            if ent.label_ in DROP_LABELS:
                continue
            if _in_ranges(ent.start_char, ent.end_char, furniture):
                continue
            trimmed = _trim_tokens(ent)
            if trimmed is None:
                continue
            t_lo, t_hi = trimmed
            start, end = _clean_chars(art.text, doc[t_lo].idx, doc[t_hi - 1].idx + len(doc[t_hi - 1].text))
            surface = art.text[start:end]
            if not _acceptable(surface):
                continue
            try:
                name = split_name(surface)
            except ValueError:
                continue
            roles: list[Span] = []
            sent_start = ent.sent.start if doc.has_annotation("SENT_START") else 0
            ranges: list[tuple[int, int]] = []
            left = _left_role(doc, ent.start if ent.start < t_lo else t_lo, t_hi, sent_start)
            if left:
                # titles stripped from the mention belong to the role ("Gen.")
                ranges.append((left[0], t_lo))
            elif t_lo > ent.start and any(
                is_title(doc[k].text) and not is_courtesy(doc[k].text) for k in range(ent.start, t_lo)
            ):
                ranges.append((ent.start, t_lo))
            if doc.has_annotation("DEP"):
                ranges.extend(_appositive_roles(doc, t_lo, t_hi))
            for r_lo, r_hi in ranges:
                r_start = doc[r_lo].idx
                r_end = doc[r_hi - 1].idx + len(doc[r_hi - 1].text)
                if r_end > r_start and not _in_ranges(r_start, r_end, furniture):
                    roles.append(art.span(r_start, r_end))
            before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
            out.append(NameMention(art.span(start, end), ent.label_, name, tuple(roles), (a_index, start),
                                   before in _LOCATIVE))
    return out, raw
