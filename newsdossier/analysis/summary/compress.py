"""Sentence compression to a contiguous sub-span: what a summary sentence may leave out.

A summary sentence cites exact characters of one article, so a shorter sentence must be a
sub-span of its source sentence: only its edges can go. Two edges carry no content of their own
and are cut when the parse says the rest is a whole sentence:

- a **leading connective** (``But``, ``However,``, ``Meanwhile,``, ``In addition,``): a
  ``cc``/``advmod``/``prep`` phrase at the sentence start whose subtree is the phrase itself,
  followed by a comma (``but``/``and``/``yet`` need none). The rest starts lower case, so the
  summary capitalises its first letter (the cited span stays exact).
- a **trailing attribution** (``..., officials said.``, ``..., said a spokesman.``,
  ``..., according to the AP.``): the sentence's root is a speech verb whose reported clause
  (``ccomp``) runs from the start up to a comma, and everything after the comma is the verb and
  its subject, time, manner or prepositional phrase (no second clause, at most
  ``attribution_max_words`` words); or the last phrase before the full stop is ``according to
  X`` after a comma. The claim is kept and the summary closes it with a full stop. A claim
  with quotation marks is never cut: a quote without its speaker is what the standalone rules
  reject (``"unattributed quote"``), and whose words they are is the point of a quote; a
  non-quoted claim stays checkable (the citation shows the attribution in the source).

Mid-sentence asides (parentheses, appositions) cannot go: what is left would not be one span.
The leading dateline is cut in :mod:`.candidates` (``layout.dateline_end``).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ...lang import en

__all__ = ["Trim", "trim_connective", "trim_attribution", "reads_as"]

_CONNECTIVE_DEPS = frozenset({"cc", "advmod", "prep", "npadvmod", "pobj", "det", "amod", "pcomp"})
# what may follow a reported clause in an attribution: the speech verb's subject and modifiers
_ATTRIBUTION_DEPS = frozenset({
    "nsubj", "nsubjpass", "punct", "npadvmod", "advmod", "prep", "dobj", "dative", "agent",
    "aux", "auxpass", "neg", "cc"})


@dataclass(frozen=True, slots=True)
class Trim:
    """Where a compressed sentence starts and ends, and how the summary reads it."""

    start: int
    end: int
    cap: bool = False     # the first letter is capitalised in the summary
    stop: bool = False    # the summary adds a full stop


def reads_as(text: str, cap: bool, stop: bool) -> str:
    """Return how the summary reads the exact span ``text`` (capital first, full stop last)."""
    if cap and text[:1].islower():
        text = text[0].upper() + text[1:]
    if stop:
        text = text.rstrip() + "."
    return text


def _tokens(sent: SpacySpan, start: int, end: int) -> list[Token]:
    return [t for t in sent if start <= t.idx < end and not t.is_space]


def trim_connective(sent: SpacySpan, start: int, end: int) -> int | None:
    """Return where the sentence starts without its leading connective, or ``None``.

    ``start``/``end`` are document offsets of the usable text (after a dateline).
    """
    toks = _tokens(sent, start, end)
    if len(toks) < 4:
        return None
    low = [t.lower_ for t in toks]
    for phrase in en.SUMMARY_TRIM_CONNECTIVES:
        words = phrase.split()
        n = len(words)
        if low[:n] != words:
            continue
        head = toks[:n]
        # the connective is a phrase of its own: no token of it governs anything past it
        if any(t.dep_ not in _CONNECTIVE_DEPS for t in head):
            return None
        if any(c.i > head[-1].i for t in head for c in t.children if not c.is_punct):
            return None
        nxt = n
        if toks[nxt].text == ",":
            nxt += 1
        elif phrase not in en.SUMMARY_TRIM_CONJUNCTIONS:
            return None
        if nxt >= len(toks) or not toks[nxt].is_alpha:
            return None
        return toks[nxt].idx
    return None


def _quoted(text: str) -> bool:
    """Whether ``text`` holds a quotation mark (double, or an opening single one: ’ is also
    the apostrophe)."""
    return any(c in text for c in en.SUMMARY_QUOTE_CHARS + "‘") or "``" in text or "''" in text


def trim_attribution(sent: SpacySpan, start: int, end: int, max_words: int) -> int | None:
    """Return where the reported claim ends without its trailing attribution, or ``None``."""
    toks = _tokens(sent, start, end)
    if len(toks) < 4 or not toks[-1].is_punct or toks[-1].text != ".":
        return None
    if _quoted(sent.text[start - sent.start_char:end - sent.start_char]):  # Doc.text joins every token
        return None
    body = toks[:-1]
    first = body[0].i
    root = sent.root
    if root.lemma_.lower() in en.SUMMARY_ATTRIBUTION_VERBS:
        claims = [c for c in root.children if c.dep_ == "ccomp" and c.left_edge.i <= first]
        if len(claims) != 1:
            return None
        claim = claims[0]
        after = [t for t in body if t.i > claim.right_edge.i]
        if not after or after[0].text != "," or root.i <= claim.right_edge.i:
            return None
        comma = after[0]
        rest = after[1:]
        allowed = {root.i}
        for c in root.children:
            if c.i > comma.i and c.dep_ in _ATTRIBUTION_DEPS:
                allowed.update(t.i for t in c.subtree)
        if any(t.i not in allowed for t in rest):
            return None
    else:
        acc = [t for t in body if t.lower_ == "according" and t.dep_ == "prep"
               and t.i > first and sent.doc[t.i - 1].text == ","]
        if len(acc) != 1:
            return None
        comma = sent.doc[acc[0].i - 1]
        rest = [t for t in body if t.i > comma.i]
        inside = {t.i for t in acc[0].subtree}
        if any(t.i not in inside for t in rest):
            return None
    if len(rest) > max_words or len(rest) < 2:
        return None
    kept = [t for t in body if t.i < comma.i]
    if len(kept) < 3 or kept[-1].text[-1:] in ",;:-–—(":
        return None
    last = kept[-1]
    return last.idx + len(last.text)

