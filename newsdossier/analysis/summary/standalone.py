"""Which sentences can stand alone in a summary (and where a leading dateline ends)."""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

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
_NEWSROOM = re.compile(
    r"(?<!\w)(?:" + "|".join(re.escape(p) for p in en.SUMMARY_NEWSROOM_NOTICES) + r")(?!\w)", re.I)
_DEPENDENT_PHRASE = re.compile(
    r"^(?:" + "|".join(re.escape(p) for p in en.SUMMARY_DEPENDENT_PHRASES) + r")(?!\w)", re.I)
# a teaser cut off by its site ("... according to new ...")
_TRUNCATED = re.compile(r"(?:\.\.\.|…)[\"'”’)\]»\s]*$")
# a heading run into the sentence ("Drop This Fact: The report found ...")
_HEAD_PREFIX = re.compile(r"^([^:\n]{1,60}):\s+\S")
_WHEN = frozenset({"DATE", "TIME"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_ARGUMENT_DEPS = frozenset({"ccomp", "parataxis", "xcomp", "csubj", "dobj", "attr", "oprd"})
_PRONOUN_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr"})
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


def standalone_problem(  # noqa: C901
    sent: SpacySpan, start_char: int | None = None, end_char: int | None = None, capitalised: bool = False,
) -> str | None:
    """Return why a sentence cannot stand alone in a summary, or ``None`` when it can.

    Args:
        sent: a spaCy sentence.
        start_char: document offset where the usable text starts (after a trimmed dateline or
            connective); defaults to the sentence start.
        end_char: document offset where the usable text ends when a trailing attribution
            was cut (the summary closes it with a full stop, so none is required); ``None``
            for a sentence kept to its end.
        capitalised: the summary capitalises the first letter (a connective was cut), so a
            lower-case start is not the tail of a split sentence.

    Returns:
        A short reason (``"question"``, ``"header"``, ``"furniture"``, ``"boilerplate"``,
        ``"caption"``, ``"quote fragment"``, ``"unattributed quote"``, ``"fragment"``,
        ``"dependent opening"``, ``"back reference"``,
        ``"first person"``, ``"truncated"``, ``"verbless"``, ``"attribution"``;
        see ``_needs_context``) or ``None``.
    """
    doc = sent.doc
    start = sent.start_char if start_char is None else start_char
    stop = sent.end_char if end_char is None else end_char
    closed = end_char is not None   # the summary adds the full stop
    # the sentence's own text: ``Doc.text`` joins every token of the document on each access
    raw = sent.text[start - sent.start_char:stop - sent.start_char]
    start += len(raw) - len(raw.lstrip())
    # newswire writes quotes as ``...'': one double quote each, same length (offsets kept)
    text = raw.strip().replace("``", '" ').replace("''", "'\"")
    if not text:
        return "empty"
    if text.rstrip(_QUOTE_CHARS + "'’)] ").endswith("?"):
        return "question"
    if _TRUNCATED.search(text):
        return "truncated"
    if not closed and not _FINAL.search(text):
        return "header"
    if "\n" in text:
        return "header"
    if _URLISH.search(text):
        return "furniture"
    if _BOILERPLATE.search(text):
        return "boilerplate"
    if _CAPTION_START.search(text):
        return "caption"
    if is_title_case(text.split()) or _heading_prefix(text):
        return "header"
    n_quotes = sum(text.count(c) for c in "\"“”")
    if n_quotes % 2 == 1:
        return "quote fragment"
    mask = _quoted_mask(text)
    toks = [t for t in sent if start <= t.idx < stop and not t.is_space]
    outside = [t for t in toks if not mask[t.idx - start]]
    if text[0] in _QUOTE_CHARS and not any(t.lemma_.lower() in en.SUMMARY_SPEECH_VERBS for t in outside):
        return "unattributed quote"
    if not toks:
        return "empty"
    outside_text = "".join(ch if not m else " " for ch, m in zip(text, mask))
    if _NEWSROOM.search(outside_text):
        return "boilerplate"
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
    if first.is_alpha and first.text == low and not mask[first.idx - start] and not capitalised:
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
    return _needs_context(sent, text, toks, outside, mask, start, stop, n_quotes)


def _heading_prefix(text: str) -> bool:
    """Whether the sentence opens with a heading of two to five title-case words and a colon."""
    m = _HEAD_PREFIX.match(text)
    if m is None:
        return False
    words = m.group(1).split()
    return (2 <= len(words) <= 5 and not m.group(1).isupper()
            and all(w[:1].isupper() or not w[:1].isalpha() or len(w) <= 3 for w in words)
            and sum(w[:1].isupper() for w in words) >= 2)


def _missed_past(tok: Token) -> bool:
    """Whether a participle reads as a past tense the tagger missed: the root with its own
    subject, or right after a root noun it would have as subject ("The plans cut by a third ...")."""
    if tok.tag_ != "VBN":
        return False
    if tok.dep_ == "ROOT":
        return any(c.dep_ == "nsubj" for c in tok.children)
    return tok.dep_ == "acl" and tok.head.dep_ == "ROOT" and tok.i == tok.head.i + 1


def _needs_context(  # noqa: C901
    sent: SpacySpan, text: str, toks: list[Token], outside: list[Token], mask: list[bool], start: int, stop: int,
    n_quotes: int,
) -> str | None:
    """The rules that read the parse: a sentence that only makes sense with its neighbour.

    ``"header"``: a sentence that announces a list ("The following are ...", "Here are ...");
    ``"dependent opening"``: a multi-word connective opening ("Either way", "For example")
    or a main clause whose subject is "he"/"she"/"they" (or object "him"/"them") with no
    name before it;
    ``"back reference"``: a demonstrative used as a pronoun ("realize that,", "described
    this as"); ``"unattributed quote"``: the main verb inside quotation marks and no speech
    verb outside them; ``"verbless"``: no finite verb (a scene fragment, a heading line);
    ``"address"``: an imperative main clause, the writer speaking to the reader ("Don't expect
    ...", "Consider ...");
    ``"attribution"``: only who said it ("Colbert said on his show Thursday.") right after a
    sentence that ends with a quotation mark (the quote it attributes).
    """
    doc = sent.doc
    if _DEPENDENT_PHRASE.match(text):
        return "dependent opening"
    root = sent.root
    if root.lemma_ == "be" and any(c.lower_ in en.SUMMARY_LIST_OPENERS and c.i < root.i for c in root.children):
        return "header"         # it announces what follows ("The following are the main news items")
    if start <= root.idx < stop:
        if mask[root.idx - start] and not any(t.lemma_.lower() in en.SUMMARY_SPEECH_VERBS for t in outside):
            return "unattributed quote"
        subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and start <= c.idx < stop]
        # the person the main verb acts on, named in an earlier sentence ("brought him to ...")
        subjects += [c for v in (root, *[c for c in root.children if c.dep_ == "conj"])
                     for c in v.children if c.dep_ == "dobj" and c.lower_ in en.SUMMARY_OBJECT_PRONOUNS
                     and start <= c.idx < stop]
        for subj in subjects:
            # a name before it may be the referent (a month or weekday is no one)
            if subj.lower_ in en.SUMMARY_SUBJECT_PRONOUNS | en.SUMMARY_OBJECT_PRONOUNS and not mask[subj.idx - start] and not any(
                    t.pos_ == "PROPN" and t.ent_type_ not in _WHEN for t in toks if t.i < subj.i):
                return "dependent opening"
    for t in outside[1:]:
        if t.lower_ not in en.SUMMARY_DEMONSTRATIVES:
            continue
        nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
        prev = doc[t.i - 1]
        # a pronoun that is an argument of the main verb ("realize that,"), not one deep in a
        # clause that points at the sentence itself ("no proof of this"); also when the parser
        # reads it as a relative pronoun with no noun before it (", that was written in 1966")
        # or as a conjunction before "as" ("described that as")
        if ((t.tag_ in ("DT", "IN") and t.dep_ in _PRONOUN_DEPS and t.head.i == root.i)
                # the object of a preposition right after the main verb ("look for that to change")
                # or opening the sentence ("Despite this, ..."); "no proof of this" points at itself
                or (t.tag_ == "DT" and t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.head.i == root.i
                    and t.head.i in (root.i + 1, sent.start))
                or (t.tag_ == "WDT" and t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ in ("ROOT", "ccomp")
                    and prev.pos_ not in ("NOUN", "PROPN", "PRON", "NUM"))
                or (nxt is not None and prev.i == root.i and (
                    (nxt.is_punct and nxt.text != "-" and nxt.text not in _QUOTE_CHARS + "`'") or nxt.lower_ == "as"))):
            # "those who ...", "those with ...": told by what follows, not by what came before
            if not (nxt is not None and nxt.lemma_.lower() in en.SUMMARY_TIME_NOUNS) and not any(
                    c.dep_ in ("prep", "relcl", "acl") for c in t.children):
                return "back reference"
    if not any(t.tag_ in _FINITE_TAGS or _missed_past(t) for t in toks):
        return "verbless"
    if (start <= root.idx < stop and root.tag_ == "VB" and not mask[root.idx - start]
            and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in root.children)
            and all(t.dep_ in ("aux", "neg", "intj", "punct") for t in toks if t.i < root.i)):
        return "address"        # the writer's word to the reader ("Don't look for prices to fall")
    if (sent.start > 0 and start <= root.idx < stop and root.lemma_.lower() in en.SUMMARY_SPEECH_VERBS
            and not n_quotes
            and not any(c.dep_ in _ARGUMENT_DEPS and not (c.dep_ == "dobj" and root.lemma_.lower() in ("tell", "ask"))
                        for c in root.children)
            and doc[sent.start - 1].sent.text.strip()[-1:] in _QUOTE_CHARS + "'"):
        return "attribution"
    return None
