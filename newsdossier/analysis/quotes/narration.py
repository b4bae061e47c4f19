"""Records that are not what they look like: words handed on from someone else, questions put,
beliefs reported inside reported speech, a wire dateline at the head of a reported clause, an
attribution of its own at the tail of one, a report that is another report, a picture's caption
and a headline.

Each function reads the parse and the records of one article and changes the records in place
or returns those to keep (pure over its inputs; no state).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Token

from ...lang.en import CAPTION_NOUNS
from ...lang.en_quotes import LAW_NOUNS
from ..layout import Paragraph, dateline_end
from .attribution import Record
from .lexicon import (
    CITING_VERBS,
    COGNITION_VERBS,
    EVIDENCE_VERBS,
    QUESTION_OPENERS,
    QUESTION_VERBS,
    SPEECH_VERBS,
)
from .phrases import make_phrase

_BELIEF_VERBS = COGNITION_VERBS - EVIDENCE_VERBS
_CITE_GAP = frozenset(":,")  # what may stand between the cited name and the opening mark


def _cue_token(doc: Doc, rec: Record) -> Token | None:
    if rec.cue is None:
        return None
    span = doc.char_span(rec.cue[0], rec.cue[1], alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def cited_words(doc: Doc, text: str, direct: list[Record], blocked: list[tuple[int, int]]) -> None:
    """A quote right after "X quoted Y:" (or "cited Y,") is Y's words, not X's: the speaker
    phrase becomes the named object of the citing verb. Only a named object counts ("quoted a
    proverb:" names no one; the quote then keeps what it had)."""
    for rec in direct:
        q = rec.quote
        if q is None:
            continue
        before = doc.char_span(max(0, q.open - 120), q.open, alignment_mode="contract")
        if before is None or not len(before):
            continue
        last = before[-1]
        if last.text not in _CITE_GAP:
            continue
        obj = last.head if last.head.i != last.i else None
        # the colon hangs off the verb or the object; find the object of a citing verb
        verb = None
        for tok in (obj, obj.head if obj is not None else None):
            if tok is not None and tok.lemma_.lower() in CITING_VERBS and tok.pos_ == "VERB":
                verb = tok
                break
        if verb is None:
            continue
        objs = [c for c in verb.children if c.dep_ == "dobj" and c.i < last.i]
        if len(objs) != 1 or objs[0].ent_type_ not in ("PERSON", "ORG", "NORP") or objs[0].pos_ != "PROPN":
            continue
        if any(t.is_sent_start for t in doc[verb.i + 1 : last.i + 1]):
            continue
        rec.phrase = make_phrase(objs[0], blocked)
        rec.cue = (verb.idx, verb.idx + len(verb.text))
        rec.how = "cited"
        rec.speaker = None


def drop_questions(doc: Doc, indirect: list[Record]) -> list[Record]:
    """A clause put as a question ("asked if he thought he should go", "wondered whether ...",
    "asked us how we could ...", "When asked if ...")
    reports no one's words: it is dropped, with any reported clause whose cue lies inside it
    ("... if he thought [he should go]")."""
    questions: list[tuple[int, int]] = []
    for rec in indirect:
        # (the opening word alone first: most records do not open with "when" or "asked")
        head = doc.char_span(rec.start, min(rec.end, rec.start + 1), alignment_mode="expand")
        asked = head is not None and len(head) and head[0].lower_ in ("when", "asked")
        first = doc.char_span(rec.start, rec.end, alignment_mode="expand") if asked else None
        if first is not None and len(first) > 1 and (
                (first[0].lower_ == "when" and first[1].lower_ == "asked") or (first[0].lower_ == "asked" and first[0].tag_ == "VBN")):
            # "[When asked by reporters if he meant to ...], Lee responded ...": the question put
            # to the speaker, not their words
            questions.append((rec.start, rec.end))
            continue
        cue = _cue_token(doc, rec)
        if cue is None or cue.lemma_.lower() not in QUESTION_VERBS:
            continue
        first = doc.char_span(rec.start, rec.end, alignment_mode="expand")
        if first is not None and len(first) and (first[0].lower_ in ("if", "whether") or (
                first[0].lower_ in QUESTION_OPENERS and any(c.dep_ == "dobj" for c in cue.children))):
            # "asked if he thought ...", "asked us how we could ...": a question put
            questions.append((rec.start, rec.end))
    if not questions:
        return indirect
    out = []
    for rec in indirect:
        if (rec.start, rec.end) in questions:
            continue
        if rec.cue is not None and any(a <= rec.cue[0] < b for a, b in questions):
            continue
        out.append(rec)
    return out


def drop_nested_beliefs(doc: Doc, indirect: list[Record]) -> list[Record]:
    """ "Both said they believed X" is one report, not two: a reported clause whose belief cue
    ("believed", "thought") is itself the reported clause of another cue is already part of
    that report and is dropped; the outer one is kept whole. A belief further inside ("told
    them that A, but she thought X") is one of its own, and a clause of speech inside another
    ("A said B said X") stays: it names a second source."""
    cues = {}
    for rec in indirect:
        tok = _cue_token(doc, rec)
        if tok is not None:
            cues[id(rec)] = tok
    out = []
    for rec in indirect:
        cue = cues.get(id(rec))
        nested = cue is not None and cue.lemma_.lower() in _BELIEF_VERBS and cue.dep_ == "ccomp" and any(
            o is not rec and id(o) in cues and cues[id(o)].i == cue.head.i and o.start <= cue.idx < o.end
            for o in indirect)
        if not nested:
            out.append(rec)
    return out


def trim_dateline(text: str, indirect: list[Record]) -> None:
    """A reported clause that opens a wire story starts after its dateline ("LOS ANGELES (AP)
    — A boy was ..., his family said"): the dateline is the writer's, not the source's words."""
    for rec in indirect:
        cut = dateline_end(text[rec.start : rec.end])
        if cut and rec.start + cut < rec.end and (rec.cue is None or rec.start + cut <= rec.cue[0] or rec.cue[0] < rec.start):
            rec.start += cut


_TAIL_WORDS = 10  # the longest attribution taken off a reported clause's tail, in tokens


def _attribution(tail: list[Token]) -> bool:
    """Whether tokens after a comma are an attribution and nothing else: "according to X", or
    a noun phrase with one speech verb ("prosecutors alleged", "said the police") and adverbs."""
    if not tail or len(tail) > _TAIL_WORDS:
        return False
    if len(tail) >= 3 and tail[0].lower_ == "according" and tail[1].lower_ == "to":
        return not any(t.pos_ in ("VERB", "AUX") for t in tail[2:])
    verbs = [t for t in tail if t.pos_ in ("VERB", "AUX")]
    if len(verbs) != 1 or verbs[0].lemma_.lower() not in SPEECH_VERBS:
        return False
    verb = verbs[0]
    subj = [t for t in tail if t.dep_ in ("nsubj", "nsubjpass") and t.head.i == verb.i and t.pos_ in ("NOUN", "PROPN")]
    rest = [t for t in tail if t.i != verb.i]
    return bool(subj) and all(t.pos_ in ("NOUN", "PROPN", "DET", "ADJ", "ADV", "ADP", "NUM", "PART") for t in rest)


def trim_tail_attribution(doc: Doc, text: str, indirect: list[Record]) -> None:
    """A reported clause after its cue ends before an attribution of its own set off by a comma
    ("X found [that A did B], according to the indictment"; "he said [that A would wait],
    prosecutors alleged"): that attribution is the writer's source for the report, not part of
    what X said (the hand labels count such a span as not whole). The tail's own record of the
    same words stays: it names the source the writer had them from."""
    for rec in indirect:
        if rec.cue is None or rec.cue[1] > rec.start:
            continue
        span = doc.char_span(rec.start, rec.end, alignment_mode="expand")
        if span is None or len(span) < 4:
            continue
        toks = [t for t in span if not t.is_space]
        while toks and toks[-1].is_punct:
            toks.pop()
        for j in range(len(toks) - 2, 1, -1):
            if toks[j].text != ",":
                continue
            if _attribution(toks[j + 1 :]):
                end = toks[j].idx
                while end > rec.start and text[end - 1].isspace():
                    end -= 1
                rec.end = end
            break


# "In this May 4, 2026 file photo, ..." / "In an image provided by ...": a caption's opening words
_CAPTION = re.compile(r"\s*In (?:this|these|a|an|the) (?:(?:[^,.;\n]|,[ \t]\d{4}\b){0,40}?\b)?(?:" + "|".join(sorted(CAPTION_NOUNS))
                      + r")s?\b", re.I)


def drop_captions(text: str, indirect: list[Record]) -> list[Record]:
    """A picture's caption ("In this May 4 photo, officers search the bank, police said") is no
    report: it describes a picture. A record whose content opens as one is dropped."""
    return [r for r in indirect if not _CAPTION.match(text, r.start, r.end)]


def _same_end(text: str, a: int, b: int) -> bool:
    """Whether two spans end at the same place, up to spaces and punctuation between the ends."""
    lo, hi = min(a, b), max(a, b)
    return all(not c.isalnum() for c in text[lo:hi])


def drop_reports_of_reports(doc: Doc, text: str, indirect: list[Record]) -> list[Record]:
    """ "[In a call, A said it wanted B], C said" holds two reports: A's words (a record of its
    own, "it wanted B") and C as the writer's source for them. A record whose content, before
    its cue, is itself headed by another record's cue and ends with that record's content says
    no more than that record, with the wrong source for its words (the hand labels count it as
    not whole): it is dropped. One that says more ("[A told them that B, but she thought C], the
    chief said") stays."""
    cues: dict[int, Record] = {}
    for rec in indirect:
        tok = _cue_token(doc, rec)
        if tok is not None:
            cues[tok.i] = rec
    out = []
    for rec in indirect:
        if rec.cue is not None and rec.cue[0] >= rec.end:
            span = doc.char_span(rec.start, rec.end, alignment_mode="expand")
            inner = cues.get(span.root.i) if span is not None and len(span) else None
            if inner is not None and inner is not rec and rec.start <= inner.start and _same_end(text, inner.end, rec.end):
                continue
        out.append(rec)
    return out


HEADLINE_MAX_WORDS = 20  # a line this short with no closing punctuation is a headline
_LINE_END = ".!?…:;\"”’')"
_SIGNED = re.compile(r"[—―–]\s*[A-Z][^—―–]{0,80}$")


def headline(text: str, para: Paragraph) -> bool:
    """Whether a paragraph is a headline (of the story or of a related one: "Amid strife, boy's
    father says he doubts her story", "[RELATED: 'Wedding crasher' says she never attacked
    guest]"): a short line that does not end as a sentence does, or a line in square brackets.
    A headline's "X says ..." is the headline writer's summary, not a quote of X."""
    line = text[para.start : para.end].strip()
    if not line:
        return False
    if line[0] == "[" and line[-1] == "]":
        return True
    if _SIGNED.search(line):
        return False  # '"The most unqualified child ..." ― Ann Lee': a pull quote signed by its speaker
    return line[-1] not in _LINE_END and len(line.split()) <= HEADLINE_MAX_WORDS


def drop_headlines(text: str, paras: list[Paragraph], records: list[Record]) -> list[Record]:
    """The records that are not in a headline (see :func:`headline`)."""
    heads = {p.index for p in paras if headline(text, p)}
    return [r for r in records if r.para not in heads]


def trim_conjoined_report(doc: Doc, indirect: list[Record]) -> None:
    """A reported clause ends before a second speech verb of the cue's own subject ("The department
    said [it will review the letter] and noted it is already probing it"; "his lawyer said [he had
    not heard from them], and maintained his client's innocence"): a speech verb conjoined to the
    clause's root with no subject of its own, in the cue's tense where the clause's root is in
    another form, is a new statement of the speaker, not part of what was said ("that he might
    have been trying to scare them and then ran into them" keeps its second verb)."""
    for rec in indirect:
        if rec.cue is None or rec.cue[1] > rec.start:
            continue
        cue = doc.char_span(rec.cue[0], rec.cue[1], alignment_mode="expand")
        span = doc.char_span(rec.start, rec.end, alignment_mode="expand")
        if cue is None or span is None or not len(cue) or len(span) < 4:
            continue
        root, verb = span.root, cue[0]
        for tok in span:
            if (tok.dep_ != "conj" or tok.head.i != root.i or tok.pos_ != "VERB" or tok.tag_ != verb.tag_
                    or tok.lemma_.lower() not in SPEECH_VERBS
                    or root.tag_ == tok.tag_ or root.tag_ not in ("VB", "VBN", "VBG")
                    or any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in tok.children)):
                continue
            cut = tok.left_edge.i
            while cut > span.start and doc[cut - 1].dep_ in ("cc", "punct"):
                cut -= 1
            if cut > span.start + 2:
                rec.end = doc[cut - 1].idx + len(doc[cut - 1].text)
            break


def take_subject_that(doc: Doc, text: str, indirect: list[Record]) -> None:
    """A reported clause whose subject is a "that" the span left out ("police confirmed that [was
    the location]": the parse took "that" for the clause's opener) starts with it."""
    for rec in indirect:
        span = doc.char_span(rec.start, rec.end, alignment_mode="expand")
        if span is None or not len(span) or span.start == 0:
            continue
        first, before = span[0], doc[span.start - 1]
        if before.lower_ != "that" or first.tag_ not in ("VBD", "VBZ", "VBP", "MD"):
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i >= span.start for c in span.root.children):
            continue  # the clause has its subject: "that" opens it
        rec.start = before.idx


def drop_evidence(doc: Doc, indirect: list[Record], is_document: Callable[[str], bool]) -> list[Record]:
    """What a record "shows" ("County inmate records indicated [X was held on bail]", "records
    show [...]") is the writer's evidence, not anyone's words: reported speech whose cue is a
    verb of evidence and whose source is a document that never speaks (records, video, footage)
    is dropped. "According to court records, ..." (no verb) stays, its source unresolved."""
    out = []
    for rec in indirect:
        tok = _cue_token(doc, rec)
        if (tok is not None and tok.lemma_.lower() in EVIDENCE_VERBS and rec.phrase is not None
                and is_document(rec.phrase.name)):
            continue
        out.append(rec)
    return out


def drop_rule_texts(doc: Doc, indirect: list[Record]) -> list[Record]:
    """What a law or a rule "says" or "states" ("The law says [groups should ...]", "a regulation
    that states that [...]") is the rule's text, no one's statement: reported speech whose source
    phrase is headed by a word for a law, with no name in it, is dropped."""
    out = []
    for rec in indirect:
        if rec.phrase is not None and rec.phrase.kind != "person":
            span = doc.char_span(rec.phrase.start, rec.phrase.end, alignment_mode="expand")
            if (span is not None and len(span) and span.root.pos_ == "NOUN"
                    and span.root.lemma_.lower() in LAW_NOUNS and not any(t.ent_type_ for t in span)):
                continue
        out.append(rec)
    return out


def label_line(doc: Doc, text: str, paras: list[Paragraph], rec: Record) -> bool:
    """Whether a quote with no cue is a line of its own that labels, not speaks: it fills its
    paragraph, holds at most eight words, ends on a word (no punctuation inside its marks) and
    has no finite verb ("Known to be toxic" under "The report names 2 groups:"; a category or a
    survey item set out as a list)."""
    q = rec.quote
    if q is None or rec.cue is not None or rec.how:
        return False
    if len(q.paragraphs) != 1 or not 0 <= q.paragraphs[0] < len(paras):
        return False
    para = paras[q.paragraphs[0]]
    if not para.start <= q.open < para.end or text[para.start : q.open].strip() or text[q.after : para.end].strip():
        return False
    content = text[q.start : q.end]
    if not content or not content[-1].isalnum() or len(content.split()) > 8 or any(ch in content for ch in ".!?;:"):
        return False
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    return span is not None and not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in span)

