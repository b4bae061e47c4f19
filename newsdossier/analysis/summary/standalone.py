"""Which sentences can stand alone in a summary (and where a leading dateline ends)."""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan

from ...lang import en
from ...nlp import is_title_case

__all__ = ["standalone_problem", "CONTINUABLE"]

# Reasons that mean "needs the sentence before it" and nothing else: such a sentence reads fine
# right after it (a pronoun or connective opening, a quote whose speaker the sentence before
# names, "that's why"). A quote left open or closed without its start, or the tail of a
# sentence split in two, does not: its predecessor is not a sentence either.
CONTINUABLE = frozenset({"dependent opening", "unattributed quote", "back reference"})

_QUOTE_CHARS = en.SUMMARY_QUOTE_CHARS
_FINAL = re.compile(r"[.!…][\"'”’)\]»]*$|[.!…]\s*[\"'”’»]\s*$")
_URLISH = re.compile(r"https?://|www\.|\.com\b|\.org\b|@\w{2,}|pic\.twitter|#\w{3,}")
_CAPTION_START = re.compile(
    r"^[\[(]|^(?:" + "|".join(re.escape(w) for w in en.SUMMARY_CAPTION_OPENERS) + r")\b", re.I)
_BOILERPLATE = re.compile(
    r"(?<!\w)(?:" + "|".join(re.escape(p) for p in en.SUMMARY_BOILERPLATE) + r")(?!\w)", re.I)
_BACK_REFERENCE = re.compile(
    r"(?<!\w)(?:" + "|".join(re.escape(p) for p in en.SUMMARY_BACK_REFERENCES) + r")(?!\w)", re.I)


def _quoted_mask(text: str) -> list[bool]:
    """Return, for each character of ``text``, whether it lies inside double quotes."""
    mask = [False] * len(text)
    inside = False
    for i, ch in enumerate(text):
        if ch in _QUOTE_CHARS:
            if ch == "“":
                inside = True
            elif ch == "”":
                inside = False
            else:
                inside = not inside
            mask[i] = True
        else:
            mask[i] = inside
    return mask


def standalone_problem(sent: SpacySpan, start_char: int | None = None) -> str | None:  # noqa: C901
    """Return why a sentence cannot stand alone in a summary, or ``None`` when it can.

    Args:
        sent: a spaCy sentence.
        start_char: document offset where the usable text starts (after a trimmed dateline);
            defaults to the sentence start.

    Returns:
        A short reason (``"question"``, ``"header"``, ``"furniture"``, ``"boilerplate"``,
        ``"caption"``, ``"quote fragment"``, ``"unattributed quote"``, ``"fragment"``,
        ``"dependent opening"``, ``"back reference"``,
        ``"first person"``) or ``None``.
    """
    doc = sent.doc
    start = sent.start_char if start_char is None else start_char
    # the sentence's own text: ``Doc.text`` joins every token of the document on each access
    raw = sent.text[start - sent.start_char:]
    start += len(raw) - len(raw.lstrip())
    # newswire writes quotes as ``...'': one double quote each, same length (offsets kept)
    text = raw.strip().replace("``", '" ').replace("''", "'\"")
    if not text:
        return "empty"
    if text.rstrip(_QUOTE_CHARS + "'’)] ").endswith("?"):
        return "question"
    if not _FINAL.search(text):
        return "header"
    if "\n" in text:
        return "header"
    if _URLISH.search(text):
        return "furniture"
    if _BOILERPLATE.search(text):
        return "boilerplate"
    if _CAPTION_START.search(text):
        return "caption"
    if is_title_case(text.split()):
        return "header"
    n_quotes = sum(text.count(c) for c in "\"“”")
    if n_quotes % 2 == 1:
        return "quote fragment"
    mask = _quoted_mask(text)
    toks = [t for t in sent if t.idx >= start and not t.is_space]
    outside = [t for t in toks if not mask[t.idx - start]]
    if text[0] in _QUOTE_CHARS and not any(t.lemma_.lower() in en.SUMMARY_SPEECH_VERBS for t in outside):
        return "unattributed quote"
    if not toks:
        return "empty"
    outside_text = "".join(ch if not m else " " for ch, m in zip(text, mask))
    if _BACK_REFERENCE.search(outside_text):
        return "back reference"
    # a photo caption tells a past scene in the present tense: "Fighters wear masks during
    # clashes in the port city on Wednesday."
    root = sent.root
    if (root.tag_ in ("VBZ", "VBP") and root.lemma_.lower() not in en.SUMMARY_SPEECH_VERBS | en.SUMMARY_NON_SCENE_VERBS
            and not n_quotes and any(t.lower_ in en.SUMMARY_WEEKDAYS for t in outside)):
        return "caption"
    first = next((t for t in toks if not t.is_punct), None)
    if first is None:
        return "empty"
    low = first.lower_
    if first.is_alpha and first.text == low and not mask[first.idx - start]:
        return "fragment"       # the tail of a sentence split in two ("fan Jo Doe asked, ...")
    if low in en.SUMMARY_DEPENDENT_OPENERS and not mask[first.idx - start]:
        nxt = doc[first.i + 1] if first.i + 1 < len(doc) else None
        if not (low in en.SUMMARY_DEMONSTRATIVES and nxt is not None
                and nxt.lemma_.lower() in en.SUMMARY_TIME_NOUNS):
            return "dependent opening"
    for t in outside:
        if t.lower_ in en.SUMMARY_FIRST_PERSON and t.text not in ("US", "i") and not (
            t.i > 0 and doc[t.i - 1].text_with_ws[-1] in "-‐"
        ):
            return "first person"
    for t in outside:
        if t.pos_ in ("NOUN", "PROPN"):
            break
        if t.lower_ in en.SUMMARY_THIRD_PRONOUNS:
            return "dependent opening"
    return None
