"""Find who said each marked quote, and find reported (indirect) speech, in one article."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ...lang.en import TITLE_ABBREVIATIONS
from .animacy import HOLDER_NOUNS as _HOLDER_NOUNS
from .animacy import inanimate
from .config import QuotesConfig
from .learned import candidates, features, load_model, probability
from .lexicon import (
    COGNITION_VERBS,
    CUE_ADVERBS,
    DASHES,
    EVIDENCE_VERBS,
    NAMING_VERBS,
    PERCEPTION_VERBS,
    PRONOUNS_SELF,
    QUESTION_OPENERS,
    SPEECH_VERBS,
)
from .marks import Marked, Paragraph, QuoteRanges, words
from .phrases import Phrase, make_phrase
from .subjects import (
    _SUBJ,
    _according,
    _agent,
    _cue_span,
    _in_ranges,
    _parsed_subject,
    _subject,
    hypothetical,
    nominal,
    passive,
)


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
        link: how the speaker was found (a :class:`~newsdossier.model.SpeakerLink` value).
        speaker_conf: confidence of the speaker link (0-1).
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
    link: str = ""
    speaker_conf: float = 0.0


def _is_cue(tok: Token, cognition: bool = False) -> bool:
    if tok.pos_ not in ("VERB", "AUX") and tok.tag_ not in ("VBD", "VBZ", "VBP", "VBG", "VBN", "VB"):
        return False
    lemma = tok.lemma_.lower()
    if not (lemma in SPEECH_VERBS or (cognition and lemma in COGNITION_VERBS)):
        return False
    return not hypothetical(tok)


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
            if v.lemma_.lower() in SPEECH_VERBS and hypothetical(v):
                # "might have answered, "..."": imagined words, dropped by the caller
                return Record("direct", q.start, q.end, -1, None, _cue_span(v), "hypothetical", q)
            if _is_cue(v):
                v = _nearer_cue(doc, v, inside[0], blocked)
                # "X said, according to the indictment": the one who spoke, not the document
                subj = _subject(v, blocked)
                if subj is not None:
                    return Record("direct", q.start, q.end, -1, make_phrase(subj, blocked), _cue_span(v), "dep", q)
                if passive(v):
                    return Record("direct", q.start, q.end, -1, None, _cue_span(v), "passive", q)
            obj = _according(v, blocked)
            if obj is not None:
                # "X was recorded saying "...", according to the indictment": X said it
                said = next((c for c in v.children if _is_cue(c) and not _in_ranges(c.idx, blocked)), None)
                subj = _subject(said, blocked) if said is not None else None
                if said is not None and subj is not None:
                    return Record("direct", q.start, q.end, -1, make_phrase(subj, blocked), _cue_span(said), "dep", q)
                if v.pos_ == "VERB" and passive(v):
                    subj = next((c for c in v.children if c.dep_ == "nsubjpass" and c.ent_type_ == "PERSON"), None)
                    if subj is not None:
                        return Record("direct", q.start, q.end, -1, make_phrase(subj, blocked), _cue_span(v), "dep", q)
                return Record("direct", q.start, q.end, -1, make_phrase(obj, blocked), None, "according", q)
            if not _is_cue(v) and partial is None and v.pos_ == "VERB":
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


def _nearer_cue(doc: Doc, cue: Token, first: Token, blocked: list[tuple[int, int]]) -> Token:
    """The cue a quote hangs from, or a participle of speech between it and the quote with a
    subject of its own ("The spot concludes with footage of Trump saying ..., "..."": the parse
    hung the quote on "concludes"; Trump is saying it)."""
    if cue.i >= first.i:
        return cue
    for tok in doc[cue.i + 1 : first.i]:
        if tok.tag_ == "VBG" and _is_cue(tok) and not _in_ranges(tok.idx, blocked) and tok.sent.start == cue.sent.start:
            if any(c.dep_ in _SUBJ for c in tok.children) or tok.dep_ == "acl":
                return tok
    # "... their conversation with Mr. Smith, who told them: "..."": the relative clause's speech
    # verb right before the quote is its cue (the parse hung the quote on the main verb)
    for tok in reversed(doc[cue.i + 1 : first.i]):
        if (tok.dep_ == "relcl" and _is_cue(tok) and not _in_ranges(tok.idx, blocked)
                and first.i - tok.i <= 5 and any(c.tag_ in ("WP", "WDT") and c.dep_ in _SUBJ for c in tok.children)):
            return tok
    return cue


_DASH_BEFORE = re.compile(r"(?:--|[" + DASHES + r"])\s*$")
_DASH_AFTER = re.compile(r"^[\s,.]*(?:--|[" + DASHES + r"])")


def _set_off(doc: Doc, text: str, q: Marked, blocked: list[tuple[int, int]]) -> Record | None:
    """A quote set off by dashes right after a person's name ("..., including Mitt Romney --
    "..." -- and ...") is that person's: the aside quotes the one just named, whatever verb
    the sentence hangs it on."""
    if q.close is None or not _DASH_BEFORE.search(text[max(0, q.open - 4) : q.open]):
        return None
    if not _DASH_AFTER.match(text[q.after : q.after + 6]):
        return None
    before = [t for t in _tokens_in(doc, max(0, q.open - 60), q.open) if t.idx < q.open and not t.is_space]
    while before and (before[-1].is_punct or before[-1].is_space):
        before.pop()
    if not before or before[-1].ent_type_ != "PERSON" or _in_ranges(before[-1].idx, blocked):
        return None
    head = before[-1]
    return Record("direct", q.start, q.end, -1, make_phrase(head, blocked), None, "dash", q)


def _according_before(doc: Doc, text: str, q: Marked, blocked: list[tuple[int, int]]) -> Record | None:
    """ "According to X, "..."": the quote that opens right after the phrase is X's (the parse
    often hangs "according to" on a verb inside the quote, out of the walk's reach)."""
    before = [t for t in _tokens_in(doc, max(0, q.open - 80), q.open) if t.idx < q.open]
    for tok in reversed(before):
        if tok.lower_ != "according":
            continue
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        if obj is None or _in_ranges(obj.idx, blocked):
            return None
        last = obj.right_edge
        if text[last.idx + len(last.text) : q.open].strip(" ,\t") or doc[last.i].sent.start != doc[tok.i].sent.start:
            return None
        return Record("direct", q.start, q.end, -1, make_phrase(obj, blocked), None, "according", q)
    return None


def _region_cue(doc: Doc, start: int, end: int, blocked: list[tuple[int, int]]) -> Token | None:
    for tok in _tokens_in(doc, start, end):
        if start <= tok.idx < end and _is_cue(tok) and not _in_ranges(tok.idx, blocked):
            return tok
    return None


def _adjacent_phrase(doc: Doc, cue: Token, start: int, end: int, blocked: list[tuple[int, int]]) -> Token | None:
    """The noun right before (or, for "said X", right after) a cue within ``start:end``."""
    toks = [t for t in _tokens_in(doc, start, end) if start <= t.idx < end]
    # the object of a preposition or a verb right before the cue is not who spoke ("marching
    # through the streets chanted", "when questioned after the debate, asserting")
    before = [t for t in toks if t.i < cue.i and t.pos_ in ("PROPN", "NOUN", "PRON") and t.dep_ not in ("pobj", "dobj")]
    after = [t for t in toks if t.i > cue.i and t.pos_ in ("PROPN", "NOUN", "PRON")]
    if before and cue.i - before[-1].i <= 3:
        return before[-1]
    if after and any(c.dep_ == "dobj" and c.i <= after[0].i for c in cue.children):
        return None  # "X described the woman as "...": the cue's object is who it is about, not who spoke
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


def _title_stop(text: str, at: int) -> bool:
    """Whether the full stop at ``at`` ends an abbreviated title ("LAPD Det. Ann Lee said"), not a sentence."""
    m = re.search(r"(\w+)$", text[:at])
    return m is not None and m.group(1).lower() in TITLE_ABBREVIATIONS and text[at] == "."


_LEAD_WORDS = 6  # words after a quote closed on its comma that may hold its attribution ("LAPD Det. Ann Lee said")


def _by_frame(doc: Doc, text: str, q: Marked, para: Paragraph, nxt_open: int, prev_close: int,
              blocked: list[tuple[int, int]]) -> Record | None:
    """Attribution written around the quote: after the closing mark, or before the opening one."""
    after_end = min(nxt_open, para.end)
    after = text[q.after : after_end]
    m = re.match(r"^[\s,.;]*(?:[" + DASHES + r"]|--)\s*", after)
    if m and q.close is not None:
        toks = [t for t in _tokens_in(doc, q.after + m.end(), after_end) if t.pos_ in ("PROPN", "NOUN", "PRON")]
        if toks and (toks[0].pos_ != "NOUN" or toks[0].text[:1].isupper() or toks[0].lower_ in _HOLDER_NOUNS):
            # ("... entities," —mold: a lower-case thing after the dash glosses the quote, it did not say it)
            head = toks[0]
            while head.head.i != head.i and head.dep_ in ("compound", "amod", "poss") and head.head.idx < after_end:
                head = head.head
            return Record("direct", q.start, q.end, -1, make_phrase(head, blocked), None, "dash", q)
    # after the quote, up to the end of the sentence
    stop = next((m for m in re.finditer(r"[.!?;](\s|$)", after) if not _title_stop(after, m.start())), None)
    a_end = q.after + (stop.start() + 1 if stop else len(after))
    if len(words(text[q.after : a_end])) > 14 and text[q.start : q.end].rstrip()[-1:] == ",":
        # a long sentence after a quote closed on its comma ("...," she told Vogue of being a
        # single mom and ...): the attribution is its opening words
        lead = list(re.finditer(r"\S+", text[q.after : a_end]))[:_LEAD_WORDS]
        a_end = q.after + lead[-1].end()
    if words(text[q.after : a_end]) and len(words(text[q.after : a_end])) <= 14:
        cue = _region_cue(doc, q.after, a_end, blocked)
        if cue is not None and passive(cue) and _agent(cue, blocked) is None:
            return Record("direct", q.start, q.end, -1, None, _cue_span(cue), "passive", q)
        # a quote closed on its own full stop ("... license.'') followed by "X said he might ...",
        # a verb with a content of its own, is followed by a new statement, not attributed by it
        new_statement = cue is not None and text[q.start : q.end].rstrip().endswith(".") and any(
            c.dep_ in ("ccomp", "xcomp") and q.after <= c.idx < a_end for c in cue.children)
        if cue is not None and not new_statement:
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
            if passive(cue) and _agent(cue, blocked) is None:
                return Record("direct", q.start, q.end, -1, None, _cue_span(cue), "passive", q)
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
    blocked = QuoteRanges((q.open, q.after) for q in quotes)
    out: list[Record] = []
    for q in quotes:
        para = paras[q.paragraphs[-1]]
        first_para = paras[q.paragraphs[0]]
        nxt_open = min((o.open for o in quotes if o.open > q.open and o.paragraphs[0] == para.index),
                       default=para.end)
        prev_close = max((o.after for o in quotes if o.after <= q.open and o.paragraphs[-1] == first_para.index),
                         default=first_para.start)
        rec = _set_off(doc, text, q, blocked) or _according_before(doc, text, q, blocked) or _by_dependency(doc, q, blocked)
        if rec is None:
            rec = _by_frame(doc, text, q, para, nxt_open, prev_close, blocked)
        if rec is None:
            rec = Record("direct", q.start, q.end, -1, quote=q)
        rec.para = q.paragraphs[0]
        rec.flags = list(q.flags)
        out.append(rec)
    return out


def indirect_records(doc: Doc, text: str, quotes: list[Marked], paras: list[Paragraph],
                     config: QuotesConfig | None = None) -> list[Record]:
    """Return reported speech: ``X said (that) ...``, ``..., X said``, ``according to X, ...``.

    Left out (see :func:`_statement`): the writer's own voice ("we show that", "I think"), a
    negated or denied statement, an embedded question ("asked whether ..."), and content with
    no verb.
    """
    config = config or QuotesConfig()
    blocked = QuoteRanges((q.open, q.after) for q in quotes)
    para_of = _para_lookup(paras)
    out: list[Record] = []
    found: list[tuple[Token, Record | None]] = []
    if config.reported_speech in ("rules", "combined"):
        for tok in doc:
            if _in_ranges(tok.idx, blocked):
                continue
            if tok.lower_ == "according" and tok.head.i != tok.i:
                found.append((tok, _according_record(tok, blocked)))
            elif _is_cue(tok, cognition=True):
                found.append((tok, _reported(doc, tok, blocked)))
    kept = _kept(doc, text, found, quotes, config)
    if config.reported_speech in ("model", "combined"):
        # a cue whose rule record was kept is taken; one whose record was dropped is the model's to try
        taken = {t.i for t, _ in kept}
        kept += _kept(doc, text, _model_records(doc, blocked, taken, config), quotes, config)
    for _, rec in kept:
        rec.para = para_of(rec.start)
        out.append(rec)
    return out


def _kept(doc: Doc, text: str, found: list[tuple[Token, Record | None]], quotes: list[Marked],
          config: QuotesConfig) -> list[tuple[Token, Record]]:
    """The records that state something, with their spans trimmed and fitted."""
    out: list[tuple[Token, Record]] = []
    for tok, rec in found:
        if rec is None or not _statement(doc, tok, rec, text, config):
            continue
        start, end = _trim(text, rec.start, rec.end)
        if rec.how == "dep":
            start, end = _fit_clause(doc, text, cue_end=rec.cue[1] if rec.cue else start, start=start, end=end)
        if len(words(text[start:end])) < 3 or _quoted(text, quotes, start, end):
            continue
        rec.start, rec.end = start, end
        out.append((tok, rec))
    return out


def _quoted(text: str, quotes: list[Marked], start: int, end: int) -> bool:
    """Whether a reported content is itself a quote in marks (a direct quote, found elsewhere):
    it opens inside or right after marks. A content that "that" introduces, opening with a partial
    quote and going on past it ("said that "X" remains under investigation"), is reported speech
    of its own, three words or more beyond the marks; one without the "that" is a quote and its
    own attribution ("["...," X told him], according to Y")."""
    for q in quotes:
        if q.open <= start < q.after:
            introduced = start == q.open and _THAT_BEFORE.search(text, max(0, start - 6), start) is not None
            return not (introduced and len(words(text[q.after : end])) >= 3)
    return start > 0 and text[start - 1] in "\"“'‘`"


_THAT_BEFORE = re.compile(r"\bthat\s+$")


def _model_records(doc: Doc, blocked: list[tuple[int, int]], taken: set[int],
                   config: QuotesConfig) -> list[tuple[Token, Record | None]]:
    """Reported speech the learned model finds (see :mod:`.learned`), skipping cues in ``taken``.

    A clausal complement may have any cue the model trusts; the other forms ("promised to ...",
    "urged X to ...", "accused X of ...", "called X a Y") are candidates only for speech verbs and nouns.
    """
    model = load_model()
    out: list[tuple[Token, Record | None]] = []
    for c in candidates(doc, blocked):
        if c.cue.i in taken:
            continue
        threshold = config.model_threshold if config.model_threshold is not None else model.threshold(c.form)
        if threshold > 1.0 or probability(model.weights, features(c)) < threshold:  # (above 1: the form is off)
            continue
        how = "model" if c.form == "clause" else f"model-{c.form}"
        subject = c.subject
        if c.cue.tag_ == "VBG" and c.cue.head.lemma_.lower() in PERCEPTION_VERBS and c.cue.dep_ in ("advcl", "xcomp", "ccomp"):
            heard = _parsed_subject(c.cue, blocked)  # who is heard speaking, not who hears
            if heard is None or not nominal(heard):
                continue
            subject = heard
        if subject.dep_ == "nsubjpass" and passive(c.cue):
            # "participants were informed that ...": the subject of a passive cue is the one told,
            # the speaker is its "by" agent or no one the sentence names
            agent = _agent(c.cue, blocked)
            if agent is None or not nominal(agent):
                continue
            subject = agent
        out.append((c.cue, Record("indirect", c.start, c.end, -1, make_phrase(subject, blocked),
                                  _cue_span(c.cue), how)))
    return out


def _statement(doc: Doc, cue: Token, rec: Record, text: str, config: QuotesConfig) -> bool:
    """Whether a reported-speech record states something someone else said or holds."""
    phrase = rec.phrase
    if phrase is None:
        return False
    first = text[phrase.start : phrase.end].split()[:1]
    # "our findings", "my data" (but "US officials" is no "us")
    own = bool(first) and first[0].lower() in PRONOUNS_SELF and not (first[0].isupper() and len(first[0]) > 1)
    if config.drop_self_reported and (phrase.name.lower() in PRONOUNS_SELF or own):
        return False  # the writer's own voice ("we show that", "our data indicate")
    phrasal = rec.how in ("model-infinitive", "model-object", "model-naming", "model-np")  # "promised to ...": no finite clause
    if rec.how != "according":
        lemma = cue.lemma_.lower()
        if any(c.dep_ == "neg" for c in cue.children) or lemma == "deny":
            return False  # "did not say that ...", "denied that ...": not a statement of it
        if lemma in NAMING_VERBS and not phrasal:
            return False  # "Lenovo calls it a table PC": a label, not a report
        if phrase.name.lower() == "it" and lemma in COGNITION_VERBS:
            return False  # "it felt as though ...": no one holds that view
        belief = lemma in COGNITION_VERBS and lemma not in EVIDENCE_VERBS and lemma not in SPEECH_VERBS
        if (lemma in COGNITION_VERBS or lemma in EVIDENCE_VERBS) and inanimate(doc, phrase, belief):
            return False  # "these results suggest", "signs confirmed": a finding the writer reports
        if rec.how.startswith("model") and inanimate(doc, phrase, True):
            # a cue the model took, with a thing for its source ("The bloody battles ... reminded the
            # world that ..."): the writer's narration, no one's words
            return False
    span = doc.char_span(rec.start, rec.end, alignment_mode="expand")
    toks = [t for t in span if not t.is_space] if span is not None else []
    if not toks or not (phrasal or any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in toks) or _own_clause(toks)):
        return False  # no finite clause: "finds in the cabin a mysterious book filled with ..."
    if rec.how == "dep" and toks[0].lower_ in QUESTION_OPENERS and toks[0].i > cue.i:
        return False  # an embedded question: "asked whether ...", "wonder if ..."
    if toks[0].lower_ == "whether" and toks[0].i > cue.i:
        return False  # "discussing whether ...", however the clause was found: a question, not a statement
    return True


def _own_clause(toks: list[Token]) -> bool:
    """Whether a content is a clause with its own subject though the tagger gave it no finite
    verb: a subjunctive ("demanded that the campaign stop using ..."), or a finite verb tagged as
    a participle or a base form ("that its value quadrupled", "the breaks "do nothing"")."""
    inside = {t.i for t in toks}
    heads = [t for t in toks if t.head.i not in inside or t.head.i == t.i]
    return any(h.pos_ in ("VERB", "AUX") and h.tag_ in ("VB", "VBN")
               and any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i < h.i for c in h.children)
               # "the drink being poured", "him to go": a participle or an infinitive, no clause
               and not any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBG", "TO") for c in h.children)
               for h in heads)


def _according_record(tok: Token, blocked: list[tuple[int, int]]) -> Record | None:
    """``according to X, <content>`` or ``<content>, according to X``."""
    verb = tok.head
    obj = _according(verb, blocked)
    if obj is None:
        return None
    sub = list(tok.subtree)
    clause = verb
    while clause.dep_ == "conj" and clause.head.pos_ in ("VERB", "AUX") and clause.head.i < clause.i:
        clause = clause.head  # "X did A, then did B, according to Y": Y reports both
    lo, hi = clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge.text)
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
    # the clause after the cue is what it reports; one before it is a clause the parse hung on
    # the cue ("It's unlikely; X says Y": X says Y)
    comps = [c for c in cue.children if c.dep_ == "ccomp"]
    comp = next((c for c in comps if c.i > cue.i), comps[0] if comps else None)
    if comp is None:
        return _parenthetical(doc, cue, subj, blocked)
    if comp.pos_ not in ("VERB", "AUX"):
        return None  # "finds in the cabin a book filled with ...": an object the parse took for a clause
    if subj.i in {t.i for t in comp.subtree}:
        return None
    start = comp.left_edge.idx
    end = comp.right_edge.idx + len(comp.right_edge.text)
    if start < cue.idx < end:
        return None
    if not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") and start <= c.idx < end for c in comp.children):
        return None  # a clause without its subject: a misparse, not a whole reported statement
    if _listed(doc, subj, cue) and subj.i > comp.i:
        real = _after_list(doc, subj, cue)
        if real is None:
            return None
        # the list belongs to the reported clause, up to the comma before the source
        return Record("indirect", start, doc[real.left_edge.i - 1].idx, -1, make_phrase(real, blocked),
                      _cue_span(cue), "dep")
    return Record("indirect", start, end, -1, make_phrase(subj, blocked), _cue_span(cue), "dep")


def _listed(doc: Doc, subj: Token, cue: Token) -> bool:
    """Whether the parse took a list for the cue's subject ("found 190 passports, three printers,
    one camera ... and a laptop, Modern Ghana reported" → "three printers"): a common noun with
    two or more conjuncts or appositions before the cue and two or more commas between them."""
    if subj.pos_ == "PROPN" or subj.i > cue.i:
        return False
    listed = [t for t in subj.subtree if t.dep_ in ("conj", "appos") and t.i < cue.i]
    return len(listed) >= 2 and sum(t.text == "," for t in doc[subj.i : cue.i]) >= 2


def _after_list(doc: Doc, subj: Token, cue: Token) -> Token | None:
    """The real source after a list the parse took for the subject: the last conjunct or
    apposition before the cue when it is a name set off by a comma, else ``None``."""
    listed = [t for t in subj.subtree if t.dep_ in ("conj", "appos") and t.i < cue.i]
    last = max(listed, key=lambda t: t.i)
    if last.pos_ != "PROPN" or last.left_edge.i < 1 or doc[last.left_edge.i - 1].text != ",":
        return None
    if last.right_edge.i < cue.i - 2:
        return None  # the name does not stand right before the cue
    return last


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
    if _listed(doc, subj, cue):
        real = _after_list(doc, subj, cue)
        if real is None:
            return None
        subj = real
    first = min(subj.left_edge.i, cue.i)
    if first - 1 <= sent.start or doc[first - 1].text != ",":
        return None
    opener = doc[sent.start]
    if (opener.dep_ == "mark" and opener.lower_ in ("while", "whereas", "although", "though")
            and opener.head.dep_ == "advcl" and opener.head.head.i == cue.i):
        return None  # "While his leaves a deficit, the plan claims a surplus": the cue's own adverbial clause
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


_CONJUNCTIONS = frozenset({"and", "but", "or", "nor"})
_CUE_ADVERB = re.compile(r"(?:" + "|".join(sorted(CUE_ADVERBS)) + r")\s+(?:that\s+)?(?=\w)", re.I)


def _fit_clause(doc: Doc, text: str, cue_end: int, start: int, end: int) -> tuple[int, int]:
    """Mend a reported clause the parse cut short (``X said (that) <start:end>``).

    * an adverb right after the cue dates the saying, not what was said ("said later the boat had
      missed him"; :data:`CUE_ADVERBS`): the content starts after it;
    * a phrase between "that" and the clause ("confirmed that soon after the incident, a man
      called"): after the complementizer everything is the content, so it starts there;
    * a clause ending in a conjunction ("... would be recalled, and") or followed in its
      sentence by a conjunct with no verb of its own (", but upkeep on the implants") runs to
      the end of the sentence: the parse left its last conjunct out.
    """
    gap = text[cue_end:start]
    m = _CUE_ADVERB.match(text, start, end)
    lead = doc.char_span(start, start + 1, alignment_mode="expand") if m else None
    if m and lead is not None and len(lead) and lead[0].pos_ == "ADV" and not gap.strip() and m.end() < end:
        # "said later the boat had missed him": the adverb dates the saying ("later years" does not)
        start = m.end()
        gap = text[cue_end:start]
    m = re.search(r"\bthat\s+", gap)
    if m and gap.rstrip().endswith(","):
        fronted = _tokens_in(doc, cue_end + m.end(), start)
        if fronted and not any(t.pos_ in ("VERB", "AUX") for t in fronted):
            start = cue_end + m.end()
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return start, end
    sent = span[-1].sent
    tail = [t for t in doc[span[-1].i + 1 : sent.end] if not t.is_space]
    while tail and tail[-1].is_punct:
        tail.pop()
    if not tail:
        return start, end
    dangling = span[-1].lower_ in _CONJUNCTIONS
    first = next((t for t in tail if not t.is_punct), None)
    conjunct = (first is not None and first.lower_ in _CONJUNCTIONS and first.i <= tail[0].i + 1
                and not any(t.pos_ in ("VERB", "AUX") for t in tail))
    if (dangling or conjunct) and not any(t.text in "\"“”" for t in tail) and not any(
            _is_cue(t, cognition=True) for t in tail):
        # (a quotation mark ahead is left to the marks; a cue ahead starts an attribution of its own)
        return start, tail[-1].idx + len(tail[-1].text)
    if dangling:
        # "Burma's reforms were not complete, and [human rights groups warned ...]": the clause
        # ends before its dangling conjunction
        end = span[-1].idx
        while end > start and (text[end - 1].isspace() or text[end - 1] in ",;—–-"):
            end -= 1
    return start, end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    # a lower-case "that" is the complementizer; "That night, ..." starts the content
    m = re.match(r"[\s,;:—–-]*(?:that\s+)?", text[start:end])
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
