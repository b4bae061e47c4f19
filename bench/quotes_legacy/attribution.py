"""Find who said each marked quote, and find reported (indirect) speech, in one article."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from .lexicon import COGNITION_VERBS, DASHES, SPEECH_VERBS
from .marks import Marked, Paragraph, words
from .phrases import Phrase, make_phrase

_SUBJ = ("nsubj", "nsubjpass")


@dataclass(slots=True)
class Record:
    """One attribution found in an article, before pronouns and continuations are resolved.

    Attributes:
        kind: ``direct`` or ``indirect``.
        start: content start.
        end: content end.
        para: index of the paragraph where the content starts.
        phrase: the speaker phrase found next to the quote, if any.
        cue: (start, end) of the cue word(s), if any.
        how: how the attribution was found (``dep``, ``frame``, ``dash``, ``according``,
            ``partial``, ``inherit``, ``intro``, ``pronoun``...).
        quote: the marked quote for direct records.
        speaker: the phrase that names the speaker after resolution.
        flags: flags copied to the quote.
    """

    kind: str
    start: int
    end: int
    para: int
    phrase: Phrase | None = None
    cue: tuple[int, int] | None = None
    how: str = ""
    quote: Marked | None = None
    speaker: Phrase | None = None
    flags: list[str] = field(default_factory=list)


def _in_ranges(a: int, ranges: list[tuple[int, int]]) -> bool:
    return any(s <= a < e for s, e in ranges)


def _is_cue(tok: Token, cognition: bool = False) -> bool:
    if tok.pos_ not in ("VERB", "AUX") and tok.tag_ not in ("VBD", "VBZ", "VBP", "VBG", "VBN", "VB"):
        return False
    lemma = tok.lemma_.lower()
    return lemma in SPEECH_VERBS or (cognition and lemma in COGNITION_VERBS)


def _cue_span(tok: Token) -> tuple[int, int]:
    end = tok.idx + len(tok.text)
    for child in tok.children:
        if child.dep_ == "prt" and child.i == tok.i + 1:
            end = child.idx + len(child.text)
    return tok.idx, end


def _subject(verb: Token, blocked: list[tuple[int, int]]) -> Token | None:
    subj = _parsed_subject(verb, blocked)
    if subj is not None and subj.i < verb.i and subj.ent_type_ != "PERSON":
        # a named person right before the cue beats a subject the parser took from a label
        # ("UPDATE: Ann Lee points out ...")
        for ent in verb.doc.ents:
            if ent.label_ == "PERSON" and subj.i < ent.start and verb.i - 2 <= ent.end - 1 < verb.i:
                if not _in_ranges(ent.start_char, blocked):
                    return ent.root
    return subj


def _parsed_subject(verb: Token, blocked: list[tuple[int, int]]) -> Token | None:
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("PROPN", "NOUN", "PRON"):
        # "footage of X saying ...": the participle's noun is the speaker
        if not _in_ranges(verb.head.idx, blocked):
            return verb.head
    for child in verb.children:
        if child.dep_ in _SUBJ and not _in_ranges(child.idx, blocked):
            return child
    main = verb.head
    if verb.tag_ == "VBG" and verb.dep_ == "pcomp" and main.lower_ == "by":
        main = main.head  # "X responded by saying ...": the subject of "responded"
    participle = verb.tag_ == "VBG" and verb.dep_ in ("advcl", "pcomp") and main.pos_ in ("VERB", "AUX")
    if (verb.dep_ in ("conj", "xcomp") or participle) and main is not verb:
        # "X mocked the plan, saying ...": the participle's subject is the main clause's
        for child in main.children:
            if child.dep_ in _SUBJ and not _in_ranges(child.idx, blocked):
                return child
    return None


def _according(verb: Token, blocked: list[tuple[int, int]]) -> Token | None:
    for child in verb.children:
        if child.lower_ == "according":
            for to in child.children:
                if to.lower_ == "to":
                    for obj in to.children:
                        if obj.dep_ == "pobj" and not _in_ranges(obj.idx, blocked):
                            return obj
    return None


def _tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _by_dependency(doc: Doc, q: Marked, blocked: list[tuple[int, int]]) -> Record | None:
    """Walk from the quote's tokens up the parse to a speech verb outside the quote."""
    inside = _tokens_in(doc, q.start, q.end)
    if not inside:
        return None
    lo, hi = q.open, q.after
    roots = [t for t in inside if t.head.i == t.i or not lo <= t.head.idx < hi]
    partial: tuple[Token, Token] | None = None
    for root in roots:
        candidates: list[Token] = []
        if root.head.i == root.i:
            obj = _according(root, blocked)
            if obj is not None:
                return Record("direct", q.start, q.end, -1, make_phrase(obj, blocked), None, "according", q)
            candidates = [c for c in root.children if not lo <= c.idx < hi and c.dep_ in ("parataxis", "ccomp", "advcl", "conj")]
        else:
            v = root.head
            for _ in range(6):
                candidates.append(v)
                if v.head.i == v.i:
                    break
                v = v.head
        for v in candidates:
            if _in_ranges(v.idx, blocked):
                continue
            obj = _according(v, blocked)
            if obj is not None:
                return Record("direct", q.start, q.end, -1, make_phrase(obj, blocked), None, "according", q)
            if _is_cue(v):
                subj = _subject(v, blocked)
                if subj is not None:
                    return Record("direct", q.start, q.end, -1, make_phrase(subj, blocked), _cue_span(v), "dep", q)
            elif partial is None and v.pos_ == "VERB":
                subj = _subject(v, blocked)
                if subj is not None:
                    partial = (v, subj)
    if partial is not None and lo > 0:
        v, subj = partial
        # a partial quote inside a sentence: the sentence's subject, if it is a person
        phrase = make_phrase(subj, blocked)
        if phrase.kind in ("person", "pronoun") and v.sent.start_char < q.open:
            return Record("direct", q.start, q.end, -1, phrase, _cue_span(v), "partial", q)
    return None


def _region_cue(doc: Doc, start: int, end: int, blocked: list[tuple[int, int]]) -> Token | None:
    for tok in _tokens_in(doc, start, end):
        if start <= tok.idx < end and _is_cue(tok) and not _in_ranges(tok.idx, blocked):
            return tok
    return None


def _adjacent_phrase(doc: Doc, cue: Token, start: int, end: int, blocked: list[tuple[int, int]]) -> Token | None:
    """The noun right before (or, for "said X", right after) a cue within ``start:end``."""
    toks = [t for t in _tokens_in(doc, start, end) if start <= t.idx < end]
    before = [t for t in toks if t.i < cue.i and t.pos_ in ("PROPN", "NOUN", "PRON")]
    after = [t for t in toks if t.i > cue.i and t.pos_ in ("PROPN", "NOUN", "PRON")]
    if before and cue.i - before[-1].i <= 3:
        return before[-1]
    if after:
        # the last noun of the first noun run after the cue
        run = [after[0]]
        for t in after[1:]:
            if t.i == run[-1].i + 1:
                run.append(t)
            else:
                break
        return run[-1]
    return None


def _by_frame(doc: Doc, text: str, q: Marked, para: Paragraph, nxt_open: int, prev_close: int,
              blocked: list[tuple[int, int]]) -> Record | None:
    """Attribution written around the quote: after the closing mark, or before the opening one."""
    after_end = min(nxt_open, para.end)
    after = text[q.after : after_end]
    m = re.match(r"^[\s,.;]*(?:[" + DASHES + r"]|--)\s*", after)
    if m and q.close is not None:
        toks = [t for t in _tokens_in(doc, q.after + m.end(), after_end) if t.pos_ in ("PROPN", "NOUN", "PRON")]
        if toks:
            head = toks[0]
            while head.head.i != head.i and head.dep_ in ("compound", "amod", "poss") and head.head.idx < after_end:
                head = head.head
            return Record("direct", q.start, q.end, -1, make_phrase(head, blocked), None, "dash", q)
    # after the quote, up to the end of the sentence
    stop = re.search(r"[.!?;](\s|$)", after)
    a_end = q.after + (stop.start() + 1 if stop else len(after))
    if words(text[q.after : a_end]) and len(words(text[q.after : a_end])) <= 14:
        cue = _region_cue(doc, q.after, a_end, blocked)
        if cue is not None:
            subj = _subject(cue, blocked)
            if subj is None or not q.after <= subj.idx < a_end:
                subj = _adjacent_phrase(doc, cue, q.after, a_end, blocked)
            if subj is not None:
                return Record("direct", q.start, q.end, -1, make_phrase(subj, blocked), _cue_span(cue), "frame", q)
    # before the quote, from the start of its sentence
    before = text[prev_close : q.open]
    b_start = prev_close
    for m2 in re.finditer(r"[.!?](\s+)", before):
        b_start = prev_close + m2.end()
    tail = text[b_start : q.open].rstrip()
    if tail and (tail.endswith((":", ",")) or len(words(tail)) <= 12):
        cue = None
        for tok in reversed(_tokens_in(doc, b_start, q.open)):
            if b_start <= tok.idx < q.open and _is_cue(tok) and not _in_ranges(tok.idx, blocked):
                cue = tok
                break
        if cue is not None and (len(words(text[cue.idx : q.open])) <= 6 or tail.endswith(":")):
            subj = _subject(cue, blocked)
            if subj is None or not b_start <= subj.idx < q.open:
                subj = _adjacent_phrase(doc, cue, b_start, q.open, blocked)
            if subj is not None:
                return Record("direct", q.start, q.end, -1, make_phrase(subj, blocked), _cue_span(cue), "frame", q)
    return None


def direct_records(doc: Doc, text: str, quotes: list[Marked], paras: list[Paragraph]) -> list[Record]:
    """Return one :class:`Record` per marked quote, with the speaker phrase found beside it.

    The parse is tried first (a speech verb governing the quote, "according to", a partial
    quote's sentence subject), then the words written around the marks.
    """
    blocked = [(q.open, q.after) for q in quotes]
    out: list[Record] = []
    for q in quotes:
        para = paras[q.paragraphs[-1]]
        first_para = paras[q.paragraphs[0]]
        nxt_open = min((o.open for o in quotes if o.open > q.open and o.paragraphs[0] == para.index),
                       default=para.end)
        prev_close = max((o.after for o in quotes if o.after <= q.open and o.paragraphs[-1] == first_para.index),
                         default=first_para.start)
        rec = _by_dependency(doc, q, blocked)
        if rec is None:
            rec = _by_frame(doc, text, q, para, nxt_open, prev_close, blocked)
        if rec is None:
            rec = Record("direct", q.start, q.end, -1, quote=q)
        rec.para = q.paragraphs[0]
        rec.flags = list(q.flags)
        out.append(rec)
    return out


def indirect_records(doc: Doc, text: str, quotes: list[Marked], paras: list[Paragraph]) -> list[Record]:
    """Return reported speech: ``X said (that) ...``, ``..., X said``, ``according to X, ...``."""
    blocked = [(q.open, q.after) for q in quotes]
    para_of = _para_lookup(paras)
    out: list[Record] = []
    for tok in doc:
        if _in_ranges(tok.idx, blocked):
            continue
        if tok.lower_ == "according" and tok.head.i != tok.i:
            rec = _according_record(tok, blocked)
        elif _is_cue(tok, cognition=True):
            rec = _reported(doc, tok, blocked)
        else:
            continue
        if rec is None:
            continue
        start, end = _trim(text, rec.start, rec.end)
        if len(words(text[start:end])) < 3:
            continue
        if _in_ranges(start, blocked) or (start > 0 and text[start - 1] in "\"“'‘"):
            continue  # the content is itself a quote in marks: a direct quote, found elsewhere
        rec.start, rec.end = start, end
        rec.para = para_of(start)
        out.append(rec)
    return out


def _according_record(tok: Token, blocked: list[tuple[int, int]]) -> Record | None:
    """``according to X, <content>`` or ``<content>, according to X``."""
    verb = tok.head
    obj = _according(verb, blocked)
    if obj is None:
        return None
    sub = list(tok.subtree)
    lo, hi = verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge.text)
    a_lo, a_hi = sub[0].idx, sub[-1].idx + len(sub[-1].text)
    start, end = (lo, a_lo) if a_lo - lo >= hi - a_hi else (a_hi, hi)
    to = next((c for c in tok.children if c.lower_ == "to"), tok)
    cue = (tok.idx, to.idx + len(to.text))
    return Record("indirect", start, end, -1, make_phrase(obj, blocked), cue, "according")


def _reported(doc: Doc, cue: Token, blocked: list[tuple[int, int]]) -> Record | None:
    """``X said (that) <content>`` via the cue's clausal complement, else the parenthetical."""
    subj = _subject(cue, blocked)
    if subj is None:
        return None
    comp = next((c for c in cue.children if c.dep_ == "ccomp"), None)
    if comp is None:
        return _parenthetical(doc, cue, subj, blocked)
    if subj.i in {t.i for t in comp.subtree}:
        return None
    start = comp.left_edge.idx
    end = comp.right_edge.idx + len(comp.right_edge.text)
    if start < cue.idx < end:
        return None
    return Record("indirect", start, end, -1, make_phrase(subj, blocked), _cue_span(cue), "dep")


def _parenthetical(doc: Doc, cue: Token, subj: Token, blocked: list[tuple[int, int]]) -> Record | None:
    """``<content>, X said.`` / ``<content>, said X.`` / ``<A>, X said, <B>.``: the parse gives the cue no clause.

    Inside a sentence, the attribution must stand between commas; the content is then the
    whole sentence around it (one span, as readers and annotators take it).
    """
    if cue.lemma_.lower() not in SPEECH_VERBS:
        return None
    if subj.tag_ in ("WDT", "WP") or cue.dep_ == "xcomp":
        return None  # "..., which had to call for help": a relative clause, not an attribution
    sent = cue.sent
    first = min(subj.left_edge.i, cue.i)
    if first - 1 <= sent.start or doc[first - 1].text != ",":
        return None
    # nothing but adverbials after the cue: no other verb before the sentence ends
    if not any(t.pos_ in ("VERB", "AUX") for t in doc[cue.i + 1 : sent.end]):
        end = doc[first - 1].idx
        return Record("indirect", sent.start_char, end, -1, make_phrase(subj, blocked), _cue_span(cue), "parenthetical")
    last = max(cue.i, subj.right_edge.i)
    while last + 1 < sent.end and doc[last + 1].dep_ in ("advmod", "npadvmod") and doc[last + 1].head.i == cue.i:
        last += 1  # "he said yesterday,"
    if last + 2 >= sent.end or doc[last + 1].text != ",":
        return None
    return Record("indirect", sent.start_char, sent.end_char, -1, make_phrase(subj, blocked), _cue_span(cue),
                  "parenthetical")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    m = re.match(r"[\s,;:—–-]*(?:that\s+)?", text[start:end], flags=re.I)
    if m:
        start += m.end()
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:.—–-"):
        end -= 1
    return start, end


def _para_lookup(paras: list[Paragraph]) -> Callable[[int], int]:
    """Return a function from a text offset to the index of the paragraph holding it."""
    starts = [p.start for p in paras]

    def find(pos: int) -> int:
        return max(bisect.bisect_right(starts, pos) - 1, 0)

    return find
