"""The clause a time expression dates: its governing verb, the clause's tense, and the event it tells.

Read by the timeline (:mod:`.timeline`) for every expression: the tense decides which way a bare
weekday or month points ("on Sunday" past or coming), and the event is the short description a
timeline row shows ("the battle ended").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..lang import en
from .layout import dateline_end

_FUTURE_AUX = {"will", "'ll", "shall", "wo"}
# the words themselves, not the lemmatiser's guess (it reads "hoped" as "hop")
_INTENTION_FORMS = frozenset(f for w in en.INTENTION_LEMMAS
                             for f in (w, w + "s", w + "d", w + "ed", w + w[-1] + "ed", w + "ing", w[:-1] + "ing"))
_SKIP_DEPS = {"advcl", "ccomp", "conj", "cc", "relcl", "parataxis", "punct", "mark", "appos", "acl",
              "npadvmod", "dep"}


def governor(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    if tok.dep_ == "poss" and tok.head.pos_ == "NOUN":
        return tok.head  # "last week's assault": the noun is the event
    for _ in range(10):
        if tok.pos_ in ("VERB", "AUX") and not (start <= tok.idx < end):
            return tok
        if tok.head.i == tok.i:
            return tok
        tok = tok.head
    return tok


def dates_a_past_thing(doc: Doc, start: int, end: int) -> bool:
    """A month-day that modifies a noun other than a scheduled event: "the Jan. 29 bombing",
    "the night of July 16" date what happened, whatever the clause's tense ("they have a warrant
    in the Jan. 29 bombing"); "the July 10 meeting" may be ahead (``en.SCHEDULED_EVENT_NOUNS``)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    head = span.root.head
    if span.root.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head   # "the night of July 16"
    if head.i == span.root.i or head.pos_ not in ("NOUN", "PROPN") or (span.start <= head.i < span.end):
        return False
    return head.lemma_.lower() not in en.SCHEDULED_EVENT_NOUNS


def moved_to(doc: Doc, start: int, end: int) -> bool:
    """The expression is the day something was moved to ("postponed the vote to Friday", "delayed
    until Monday"): a day ahead of the moving, whatever the tense."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    prep = span.root.head
    if span.root.dep_ != "pobj" or prep.lower_ not in ("to", "until", "till"):
        return False
    head = prep.head
    if head.dep_ == "pobj" and head.head.lower_ == "by":
        head = head.head.head  # "delayed the race by a day to Friday"
    return head.lemma_.lower() in en.RESCHEDULE_LEMMAS


def tense_of(verb: Token | None) -> str:
    if verb is None:
        return "unknown"
    chain = [verb]
    cur = verb
    while cur.dep_ in ("xcomp", "conj", "pcomp", "advcl", "prep", "pobj", "compound", "amod", "dobj") and cur.head.i != cur.i:
        cur = cur.head
        chain.append(cur)
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("xcomp",):
            break
    for v in chain:
        if v.dep_ in ("xcomp", "acl", "amod") and (v.head.lower_ in _INTENTION_FORMS or v.lemma_ in en.SCHEDULE_LEMMAS):
            # "plans to vote Friday" is ahead; "hoped to land Sunday", "a hearing scheduled for
            # Wednesday", "saw them preparing to depart Friday night" were ahead of a past
            # moment: the nearest such day
            return "future" if v.head.tag_ in ("VBZ", "VBP") else "prospective"
        if v.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children) and (
                v.dep_ == "advcl" or (v.dep_ == "acl" and v.head.lower_ in en.PURPOSE_NOUNS)):
            # a purpose ("stayed late Thursday to finish and leave Sunday", "in order to leave
            # Sunday") lies ahead of the main verb's moment
            main = v.head.head if v.dep_ == "acl" else v.head
            return "future" if main.tag_ in ("VBZ", "VBP") else "prospective"
        if v.dep_ == "pcomp" and v.head.lower_ in ("since", "after"):
            return "past"  # "since filing for divorce in July"
        auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ == "to" for a in auxes) and v.head.lower_ in ("was", "were"):
            # "was to be published Wednesday" (the coming one) or "was to be married Saturday"
            # (the day just gone, in a Sunday paper): ahead of a past moment, so either way
            return "prospective"
        if any(a.lower_ == "to" for a in auxes) and v.dep_ == "xcomp" and v.head.lemma_ == "be" \
                and v.head.tag_ in ("VBZ", "VBP"):
            # "the plan is to reach the coast on Saturday", "the minister is to visit on Monday":
            # an arrangement, ahead of the writing
            return "future"
        if any(a.lower_ in _FUTURE_AUX for a in auxes) or v.lower_ in _FUTURE_AUX:
            return "future"
        if any(a.lower_ == "would" for a in auxes):
            # "forecast that it would land on Saturday": ahead of a past moment (the nearest)
            return "prospective"
        if any(a.lower_ == "going" for a in auxes) or (v.lower_ == "going" and any(c.lower_ == "to" for c in v.children)):
            return "future"
        if v.tag_ in ("VBD",) or any(a.tag_ == "VBD" for a in auxes):
            return "past"
        if v.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
            if v.lemma_ in en.SCHEDULE_LEMMAS and any(a.tag_ in ("VBZ", "VBP") for a in auxes):
                return "future"  # "a hearing has been scheduled for May 24" lies ahead of the writing
            return "past"
        if v.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
            scheduled = v.lemma_ in en.SCHEDULE_LEMMAS or any(
                c.dep_ == "acomp" and c.lemma_ in en.SCHEDULE_LEMMAS for c in v.children)
            return "future" if scheduled else "present"
    return "unknown"


def _in_compound_modifier(tok: Token) -> bool:
    """``tok`` is the measure of a hyphenated modifier ("25-year-old", "two-week-long"): part of
    the noun phrase, not an adverbial of the clause."""
    return tok.dep_ == "npadvmod" and tok.head.pos_ == "ADJ" and tok.head.dep_ == "amod"


def clause_event(verb: Token | None, start: int, end: int) -> str | None:
    """Return a short description of the clause ``verb`` heads, without the time expression.

    Subordinate clauses are left out; a relative clause ("the battle, which ended on
    Sunday") is told with the noun it describes ("the battle ended").
    """
    if verb is None:
        return None
    keep: list[Token] = []
    # a wire dateline ("NAIROBI, May 3 (Xinhua) --") the parse took as the subject is no part
    # of what happened ("NAIROBI expressed the hope")
    head_end = dateline_end(verb.doc.text) if verb.idx < 400 else 0

    def walk(tok: Token) -> bool:
        if start <= tok.idx < end:
            return False
        if tok.idx < head_end:
            # what the parse hung on the dateline after it stays ("NAIROBI, June 5 (Xinhua) --
            # Kenyan Vice-President X expressed": X is an apposition of NAIROBI), not the dateline
            return any([walk(c) for c in tok.children if c.idx >= head_end and not c.is_punct])
        kids = [walk(c) for c in tok.children if not (c.dep_ in _SKIP_DEPS and c.text != "-")
                or _in_compound_modifier(c)]
        if tok.dep_ == "prep" and not any(kids) and tok.i != verb.i:
            return False  # "on" whose object was the time expression
        keep.append(tok)
        return True

    walk(verb)
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
        noun = verb.head
        while noun.dep_ == "pobj" and noun.head.head.pos_ in ("NOUN", "PROPN") and noun.head.head.i < noun.i:
            noun = noun.head.head  # "the battle for X, which ..." describes the battle
        keep = [t for t in keep if not (t.head.i == verb.i and t.dep_ in ("nsubj", "nsubjpass") and t.tag_ in ("WDT", "WP"))]
        extra = [t for t in noun.subtree if t.i < verb.i and not any(a.i == verb.i for a in t.ancestors)
                 and t.i != verb.i and (not t.is_punct or t.text == "-")]
        keep = extra + keep
    keep.sort(key=lambda t: t.i)
    keep = [t for t in keep if not t.is_space]
    while keep and (keep[0].is_punct or keep[0].dep_ in ("cc", "mark")):
        keep = keep[1:]
    while keep and keep[-1].is_punct:
        keep = keep[:-1]
    cut = len(keep) > 14
    kept = keep[:14]
    text = "".join(t.text + (t.whitespace_ if k + 1 < len(kept) and kept[k + 1].i == t.i + 1 else " ")
                   for k, t in enumerate(kept))
    text = re.sub(r"\s+", " ", text).strip() + (" …" if cut else "")
    return text or None


_CONTENT_POS = {"NOUN", "PROPN", "VERB"}
LIGHT_VERBS = {"be", "have", "do", "say", "make", "take", "get", "go", "come"}


def event_words(doc: Doc, verb: Token | None, start: int, end: int) -> frozenset[str]:
    if verb is None:
        return frozenset()
    words = set()
    for tok in verb.subtree:
        if start <= tok.idx < end or tok.pos_ not in _CONTENT_POS:
            continue
        if tok.lemma_.lower() in LIGHT_VERBS:
            continue
        if tok.dep_ in _SKIP_DEPS and tok.head.i == verb.i:
            continue
        words.add(tok.lemma_.lower())
    return frozenset(words)
