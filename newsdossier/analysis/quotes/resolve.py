"""Second pass over one article: pronouns, continuations, block quotes, credits."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ...model import SpeakerLink
from .animacy import HOLDER_NOUNS
from .attribution import Record, _is_cue, _tokens_in
from .config import QuotesConfig
from .coref import Coref
from .coref_people import forward, introduced, relative
from .lexicon import (
    DOCUMENT_NOUNS,
    NOUNS_FEMININE,
    NOUNS_MASCULINE,
    ORG_DESCRIPTION_NOUNS,
    PRONOUNS_PLURAL,
    PRONOUNS_SELF,
    PRONOUNS_WH,
)
from .marks import Marked, Paragraph, QuoteRanges, covered, words
from .phrases import Phrase, compatible, make_phrase
from .subjects import _subject

_LOOKBACK = 6  # how many named speakers back a pronoun may reach


@dataclass(frozen=True, slots=True)
class Block:
    """A run of paragraphs introduced by a line ending in a colon ("So says X:")."""

    intro: int
    first: int
    last: int
    speaker: Phrase | None
    credit: str


def _quote_only(text: str, para: Paragraph, quotes: list[Marked]) -> bool:
    """True when a paragraph opens with a quote and holds (almost) nothing else."""
    inside = [q for q in quotes if para.index in q.paragraphs]
    if not inside:
        return False
    first = min(q.open for q in inside)
    if first > para.start and text[para.start:first].strip():
        return False
    rest = text[para.start : para.end]
    for q in sorted(inside, key=lambda q: -q.open):
        lo = max(q.open, para.start) - para.start
        hi = min(q.after, para.end) - para.start
        rest = rest[:lo] + " " + rest[hi:]
    return len(words(rest)) <= 1


def _intro_phrase(doc: Doc, text: str, para: Paragraph, blocked: list[tuple[int, int]]) -> Phrase | None:
    """The speaker named in an introducing paragraph: subject of a speech verb, else of the
    last sentence when it is a named person."""
    toks = [t for t in _tokens_in(doc, para.start, para.end) if para.start <= t.idx < para.end]
    for tok in reversed(toks):
        if _is_cue(tok, cognition=True):
            subj = _subject(tok, blocked)
            if subj is not None:
                return make_phrase(subj, blocked)
            after = [t for t in toks if t.i > tok.i and t.pos_ == "PROPN"]
            if after:
                head = after[0]
                while head.dep_ in ("compound", "poss") and head.head.i > head.i and head.head.idx < para.end:
                    head = head.head
                return make_phrase(head, blocked)
    sents = [s for s in doc.sents if para.start <= s.start_char < para.end]
    if sents:
        root = sents[-1].root
        subj = _subject(root, blocked)
        if subj is not None:
            phrase = make_phrase(subj, blocked)
            # a line ending in a colon introduces what follows ("X's lawyer released this statement:")
            if phrase.kind == "person" or text[para.end - 1 : para.end] == ":":
                return phrase
    return None


def find_blocks(doc: Doc, text: str, paras: list[Paragraph], quotes: list[Marked]) -> list[Block]:
    """Find block quotes: a short paragraph ending in a colon, then paragraphs with quotes."""
    blocked = QuoteRanges((q.open, q.after) for q in quotes)
    marked_paras = {p for q in quotes for p in q.paragraphs}
    out: list[Block] = []
    for para in paras:
        line = text[para.start : para.end]
        if not line.endswith(":") or len(words(line)) > 30 or para.index + 1 >= len(paras):
            continue
        if any(q.open >= para.start and q.after <= para.end for q in quotes):
            continue
        last = para.index
        while last + 1 < len(paras) and last + 1 in marked_paras:
            last += 1
        if last == para.index:
            continue
        speaker = _intro_phrase(doc, text, para, blocked)
        intro = re.split(r"(?<=[.!?])\s+(?=\S)", line[:-1].strip())[-1]
        out.append(Block(para.index, para.index + 1, last, speaker, intro))
    return out


def _last_word(phrase: Phrase | None) -> str:
    ws = words(phrase.name) if phrase is not None else []
    return ws[-1].lower() if ws else ""


def _extend_blocks(blocks: list[Block], records: list[Record], paras: list[Paragraph],
                   block_of: dict[int, Block]) -> None:
    """Let a block run on over paragraphs that report the same speaker ("..., X said.")."""
    for block in blocks:
        name = _last_word(block.speaker)
        if not name:
            continue
        k = block.last + 1
        while k < len(paras) and k not in block_of:
            said = [r for r in records if r.para == k]
            if not said or any(_last_word(r.speaker) != name for r in said):
                break
            block_of[k] = block
            k += 1
            while k in block_of and block_of[k] is block:
                k += 1


def _thing(tok: Token) -> bool:
    """A common noun that is no word for people, bodies or documents ("actions", "photos")."""
    return tok.pos_ == "NOUN" and tok.ent_type_ == "" and tok.lemma_.lower() not in HOLDER_NOUNS


def _antecedent(doc: Doc, phrase: Phrase, blocked: list[tuple[int, int]]) -> Phrase | None:
    """The noun a relative pronoun stands for ("Ann Lee, who said ..." → Ann Lee), if any."""
    span = doc.char_span(phrase.name_start, phrase.name_end)
    if span is None or len(span) != 1 or span[0].tag_ not in ("WDT", "WP"):
        return None
    verb = span[0].head
    i = span[0].i
    if span[0].lower_ == "who" and i >= 2 and doc[i - 1].text == "," and _thing(doc[i - 2]):
        return None  # "alerted Lee to his actions, who later deleted ...": "who" is a person, not the actions
    if verb.dep_ == "relcl" and span[0].lower_ == "who" and i >= 2 and doc[i - 1].text == "," \
            and doc[i - 2].pos_ in ("PROPN", "NOUN") and doc[i - 2].i != verb.head.i:
        # "The story was a lie, according to police, who added ...": a clause set off by a comma
        # is about the noun right before it, however the parse hung it
        return make_phrase(doc[i - 2], blocked)
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("PROPN", "NOUN"):
        return None
    return make_phrase(verb.head, blocked)


def _self(phrase: Phrase) -> bool:
    """The writer or the reader ("I", "we", "you"), or a clause word ("that"), as a speaker."""
    return phrase.kind == "pronoun" and phrase.name.lower() in PRONOUNS_SELF | PRONOUNS_WH


def _named_confidence(phrase: Phrase) -> float:
    if phrase.kind == "person":
        return 0.9
    if phrase.kind == "group":
        return 0.8
    return 0.7


def _body(phrase: Phrase) -> bool:
    """Whether a resolved speaker is a body or a group that "they" can stand for ("officials",
    "the security team", an organisation), not a person or a document."""
    ws = words(phrase.name.lower())
    if not ws or phrase.kind not in ("group", "other"):
        return False
    head = ws[-1][:-1] if ws[-1].endswith("s") and ws[-1][:-1] in DOCUMENT_NOUNS else ws[-1]
    if head in DOCUMENT_NOUNS:
        return False  # "the statements": cited, not a body
    return phrase.kind == "group" or head in ORG_DESCRIPTION_NOUNS


def _plural_previous(doc: Doc, phrase: Phrase, prev: Record | None) -> Phrase | None:
    """The referent of a speaker "they": the body that spoke in the record just before, in this
    sentence or the one before, with no other plural subject between ("..., the security team
    said. They also found that ..."); ``None`` otherwise."""
    if prev is None or prev.speaker is None or prev.phrase is None or prev.link == SpeakerLink.UNRESOLVED:
        return None
    if not _body(prev.speaker):
        return None
    here = doc.char_span(phrase.name_start, phrase.name_end, alignment_mode="expand")
    there = doc.char_span(prev.phrase.start, prev.phrase.end, alignment_mode="expand")
    if here is None or there is None or not len(here) or not len(there):
        return None
    s_here, s_there = here[0].sent, there[-1].sent
    if s_here.start != s_there.start and s_here.start != s_there.end:
        return None  # more than one sentence back
    between = doc[there[-1].i + 1 : here[0].i]
    if any(t.dep_ in ("nsubj", "nsubjpass") and t.tag_ in ("NNS", "NNPS", "PRP") and t.lower_ != "it" for t in between):
        return None  # another plural subject in between: "they" may be them
    return prev.speaker


def _plural_in_sentence(doc: Doc, phrase: Phrase, blocked: list[tuple[int, int]]) -> Phrase | None:
    """The referent of a speaker "they" named earlier in its own sentence: the one plural noun
    subject before it ("US Embassy officials won't comment because they say ..."), else ``None``."""
    here = doc.char_span(phrase.name_start, phrase.name_end, alignment_mode="expand")
    if here is None or not len(here):
        return None
    sent = here[0].sent
    subjects = [t for t in doc[sent.start : here[0].i] if t.dep_ in ("nsubj", "nsubjpass")
                and t.tag_ in ("NNS", "NNPS") and not covered(t.idx, blocked)
                and not any(c.dep_ == "conj" for c in t.children)]  # "the owners and the pilots": both
    if len(subjects) != 1:
        return None
    found = make_phrase(subjects[0], blocked)
    return found if _body(found) or found.kind == "group" else None


def _plural_sentence_before(doc: Doc, phrase: Phrase, blocked: list[tuple[int, int]],
                            content: tuple[int, int] | None) -> Phrase | None:
    """The referent of a speaker "they" opening a sentence: the one body that is the subject of
    the sentence just before ("Largo police converged on the woods. Shortly after, they made an
    announcement"), a plural noun or an organisation, when that sentence has no other plural
    subject and the one before it no other body as subject; else ``None``. A name inside ``content`` (what was said) is never it."""
    here = doc.char_span(phrase.name_start, phrase.name_end, alignment_mode="expand")
    if here is None or not len(here):
        return None
    sent = here[0].sent
    if any(t.dep_ in ("nsubj", "nsubjpass") for t in doc[sent.start : here[0].i]):
        return None  # a subject before it in its own sentence: _plural_in_sentence's case
    if sent.start == 0:
        return None
    before = doc[sent.start - 1].sent
    subjects = [t for t in before if t.dep_ in ("nsubj", "nsubjpass") and not covered(t.idx, blocked)
                and not (content is not None and content[0] <= t.idx < content[1])]
    plural = [t for t in subjects if t.tag_ in ("NNS", "NNPS") or t.ent_type_ == "ORG" or t.lower_ == "they"]
    if len(plural) != 1 or plural[0].lower_ == "they" or any(c.dep_ == "conj" for c in plural[0].children):
        return None
    if before.start > 0:
        # another body as subject the sentence before that ("Police said ... The owners denied
        # it. They said ..."): "they" may be either
        earlier = doc[before.start - 1].sent
        if any(t.dep_ in ("nsubj", "nsubjpass") and (t.tag_ in ("NNS", "NNPS") or t.ent_type_ == "ORG")
               and t.lower_ != plural[0].lower_ for t in earlier):
            return None
    found = make_phrase(plural[0], blocked)
    return found if _body(found) or found.kind == "group" else None


def _described_previous(doc: Doc, phrase: Phrase, prev: Record | None, coref: Coref) -> Phrase | None:
    """The referent of "he" or "she" right after reported speech whose speaker the article does
    not name ("A veterinarian at the checkpoint said she ... "We can't talk about it," she
    said"): that description, when it spoke in this sentence or the one before, is one person
    of a compatible gender, and no name of a person stands between; else ``None``."""
    if prev is None or prev.speaker is None or prev.phrase is None or prev.speaker is not prev.phrase:
        return None
    sp = prev.speaker
    if sp.kind != "other" or prev.link not in (SpeakerLink.NAMED, None):
        return None
    there = doc.char_span(sp.name_start, sp.name_end, alignment_mode="expand")
    here = doc.char_span(phrase.name_start, phrase.name_end, alignment_mode="expand")
    if there is None or here is None or not len(there) or not len(here):
        return None
    head = there.root
    lemma = head.lemma_.lower()
    if head.tag_ != "NN" or head.pos_ != "NOUN" or lemma in DOCUMENT_NOUNS or lemma in ORG_DESCRIPTION_NOUNS:
        return None
    whole = doc.char_span(sp.start, sp.end, alignment_mode="expand")
    if whole is None or not len(whole) or whole[0].lower_ not in ("a", "an", "one"):
        return None  # "the officer": a description of someone named, coref's case
    pron = phrase.name.lower()
    if (pron == "she" and lemma in NOUNS_MASCULINE) or (pron == "he" and lemma in NOUNS_FEMININE):
        return None
    s_here, s_there = coref.sentence(here[0]), coref.sentence(there[0])
    if not 0 <= s_here - s_there <= 1:
        return None
    if any(m.kind == "person" and m.ent.root.pos_ == "PROPN" and there[-1].idx < m.ent.start_char < here[0].idx
           for m in coref.mentions):
        return None  # a person named in between may be the one meant
    return sp


_IDENTIFY_VERBS = frozenset({"identify", "give", "name", "call"})


def _self_identified(doc: Doc, phrase: Phrase, blocked: list[tuple[int, int]]) -> Phrase | None:
    """The name a described speaker gives for themselves ("a man who identified himself as
    Angelo L.", "a woman who gave her name as Ann"): the person after "as", or ``None``."""
    span = doc.char_span(phrase.name_start, phrase.name_end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    for rel in span.root.children:
        if rel.dep_ != "relcl" or rel.lemma_.lower() not in _IDENTIFY_VERBS:
            continue
        for prep in rel.children:
            if prep.dep_ == "prep" and prep.lower_ == "as":
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if obj is not None and obj.ent_type_ == "PERSON":
                    return make_phrase(obj, blocked)
    return None


def _resolve_one(doc: Doc, rec: Record, coref: Coref, history: list[Phrase], speakers: list[str],
                 blocked: list[tuple[int, int]], config: QuotesConfig, prev: Record | None = None) -> None:
    """Fill ``rec.speaker``, ``rec.link`` and ``rec.speaker_conf`` from ``rec.phrase``."""
    phrase = rec.phrase
    assert phrase is not None
    unresolved = (phrase, SpeakerLink.UNRESOLVED, config.unresolved_confidence)
    if phrase.kind == "pronoun":
        pron = phrase.name.lower()
        ante = _antecedent(doc, phrase, blocked)
        if ante is not None:
            rec.speaker, rec.link, rec.speaker_conf = ante, SpeakerLink.NAMED, _named_confidence(ante) - 0.05
            return
        if _self(phrase):
            rec.speaker, rec.link, rec.speaker_conf = unresolved
            return
        if pron in ("they", "them"):
            body = (_plural_previous(doc, phrase, prev) or _plural_in_sentence(doc, phrase, blocked)
                    or _plural_sentence_before(doc, phrase, blocked, (rec.start, rec.end) if rec.kind == "indirect" else None))
            if body is not None:
                rec.speaker, rec.link, rec.speaker_conf = body, SpeakerLink.PRONOUN, config.sole_referent_confidence
                return
        if pron in ("he", "she"):
            desc = _described_previous(doc, phrase, prev, coref)
            if desc is not None:
                rec.speaker, rec.link, rec.speaker_conf = desc, SpeakerLink.PRONOUN, config.sole_referent_confidence
                return
        span = doc.char_span(phrase.name_start, phrase.name_end, alignment_mode="expand")
        # reported speech: the names in the clause reported are never its speaker (a direct quote's
        # record may reach over the narration around it)
        content = (rec.start, rec.end) if rec.kind == "indirect" else None
        res = coref.pronoun(span[0], speakers, content) if span is not None and len(span) else None
        if res is None and span is not None and len(span):
            res = forward(coref, span[0], content)  # a lede's pronoun before any name
        if res is not None:
            rec.speaker, rec.link, rec.speaker_conf = res.phrase, SpeakerLink.PRONOUN, res.confidence
            return
        if pron not in PRONOUNS_PLURAL and span is not None and len(span) and not coref.has_candidates(span[0]):
            # no name of the right kind nearby: the last compatible speaker, if there is one
            ante = next((p for p in reversed(history[-_LOOKBACK:]) if compatible(pron, p)), None)
            if ante is not None:
                rec.speaker, rec.link, rec.speaker_conf = ante, SpeakerLink.PRONOUN, 0.5
                return
        rec.speaker, rec.link, rec.speaker_conf = unresolved
        return
    if phrase.kind in ("other", "group"):
        named = _self_identified(doc, phrase, blocked)
        if named is not None:
            rec.speaker, rec.link, rec.speaker_conf = named, SpeakerLink.DESCRIPTION, _named_confidence(named) - 0.1
            return
        content = (rec.start, rec.end) if rec.kind == "indirect" else None
        res = (coref.issuer(phrase) or coref.owner(phrase, speakers) or relative(coref, phrase, speakers)
               or coref.description(phrase, speakers, content) or introduced(coref, phrase, content))
        if res is not None:
            rec.speaker, rec.link, rec.speaker_conf = res.phrase, SpeakerLink.DESCRIPTION, res.confidence
            return
        if phrase.kind == "group" and phrase.name.lower().startswith("both "):
            # "Both mushers said": two people the article has named, not one speaker to show
            rec.speaker, rec.link, rec.speaker_conf = phrase, SpeakerLink.UNRESOLVED, 0.35
            return
        if coref.describes(phrase):
            # "the company said" with no clear referent: the phrase as written, unresolved
            rec.speaker, rec.link, rec.speaker_conf = phrase, SpeakerLink.UNRESOLVED, 0.35
            return
    rec.speaker, rec.link, rec.speaker_conf = phrase, SpeakerLink.NAMED, _named_confidence(phrase)


def resolve(doc: Doc, text: str, paras: list[Paragraph], quotes: list[Marked],
            records: list[Record], config: QuotesConfig | None = None) -> dict[int, Block]:
    """Fill ``record.speaker`` (with its link and confidence) for every record that can be attributed.

    Returns:
        The block each paragraph belongs to (paragraph index to :class:`Block`).
    """
    config = config or QuotesConfig()
    blocked = QuoteRanges((q.open, q.after) for q in quotes)
    named = tuple((r.phrase.name_start, r.phrase.name_end) for r in records
                  if r.phrase is not None and r.phrase.kind == "person")
    coref = Coref(doc, blocked, config, named)
    blocks = find_blocks(doc, text, paras, quotes)
    block_of: dict[int, Block] = {}
    for block in blocks:
        for k in range(block.first, block.last + 1):
            block_of.setdefault(k, block)
    history: list[Phrase] = []
    speakers: list[str] = []
    records.sort(key=lambda r: r.start)
    for k, rec in enumerate(records):
        if rec.phrase is None and rec.kind == "direct" and rec.how != "passive":
            rec.phrase, rec.speaker, rec.how = _context_speaker(doc, text, paras, quotes, records, k, block_of, blocked)
            if rec.speaker is not None:
                src = next((r for r in reversed(records[:k]) if r.speaker is rec.speaker), None)
                rec.link = SpeakerLink.CONTEXT
                rec.speaker_conf = 0.85 * (src.speaker_conf if src is not None else 0.8)
                if src is not None and src.link == SpeakerLink.UNRESOLVED:
                    rec.link = SpeakerLink.UNRESOLVED
        if rec.phrase is not None and rec.speaker is None:
            prev = next((r for r in reversed(records[:k]) if r.speaker is not None), None)
            _resolve_one(doc, rec, coref, history, speakers, blocked, config, prev)
            if rec.how in ("intro",) and rec.link != SpeakerLink.UNRESOLVED:
                rec.link, rec.speaker_conf = SpeakerLink.CONTEXT, rec.speaker_conf * 0.9
        if rec.speaker is not None and rec.speaker.kind != "pronoun" and rec.link != SpeakerLink.UNRESOLVED:
            history.append(rec.speaker)
            key = coref.key_of(rec.speaker)
            if key is not None:
                speakers.append(key)
    _extend_blocks(blocks, records, paras, block_of)
    # a quote with no speaker takes one from the next quote in its paragraph ("A." "B," X said)
    for k, rec in enumerate(records):
        if rec.kind == "direct" and rec.speaker is None and rec.how != "passive" and k + 1 < len(records):
            nxt = records[k + 1]
            if nxt.kind == "direct" and nxt.para == rec.para and nxt.speaker is not None and rec.quote and nxt.quote:
                if not text[rec.quote.after : nxt.quote.open].strip():
                    rec.phrase, rec.speaker, rec.how = nxt.phrase, nxt.speaker, "paragraph"
                    rec.link, rec.speaker_conf = SpeakerLink.CONTEXT, nxt.speaker_conf * 0.85
                    if nxt.link == SpeakerLink.UNRESOLVED:
                        rec.link = SpeakerLink.UNRESOLVED
    return block_of


def _in_attribution(doc: Doc, rec: Record, earlier: list[Record]) -> bool:
    """Whether reported speech sits in a subordinate clause of an earlier direct quote's own
    attribution sentence ('"...," Davis wrote after Perry announced he would not run'): its cue is
    not the root of that sentence, whose root is the direct quote's cue."""
    if rec.cue is None:
        return False
    cue = doc.char_span(rec.cue[0], rec.cue[1], alignment_mode="expand")
    if cue is None or not len(cue) or cue[0].dep_ == "ROOT":
        return False
    for d in earlier:
        if d.kind != "direct" or d.para != rec.para or d.cue is None or d.speaker is None:
            continue
        dc = doc.char_span(d.cue[0], d.cue[1], alignment_mode="expand")
        if dc is not None and len(dc) and dc[0].sent.start == cue[0].sent.start and dc[0].i < cue[0].i:
            return True
    return False


def _context_speaker(doc: Doc, text: str, paras: list[Paragraph], quotes: list[Marked],
                     records: list[Record], k: int, block_of: dict[int, Block],
                     blocked: list[tuple[int, int]]) -> tuple[Phrase | None, Phrase | None, str]:
    """Return (local phrase, resolved speaker or None, how) for a quote with no phrase beside it."""
    rec = records[k]
    # an earlier quote (or reported speech) in the same paragraph
    for prev in reversed(records[:k]):
        if prev.para != rec.para:
            break
        if prev.kind == "indirect" and _in_attribution(doc, prev, records[:k]):
            continue  # '"...," X wrote after Y announced he would go. "..."': X goes on, not Y
        if prev.speaker is not None and (prev.kind == "direct" or prev.end <= rec.start):
            return prev.phrase, prev.speaker, "paragraph"
    para = paras[rec.para]
    if not _quote_only(text, para, quotes) or rec.para == 0:
        return None, None, ""
    # the previous paragraph's last speaker (a continued quote, or "X suggested ...")
    prev_para = rec.para - 1
    earlier = [r for r in records[:k] if r.para == prev_para and r.speaker is not None]
    if earlier:
        return earlier[-1].phrase, earlier[-1].speaker, "continues"
    block = block_of.get(rec.para)
    if block is not None and block.speaker is not None:
        return block.speaker, None, "intro"
    before = paras[prev_para]
    if not any(prev_para in q.paragraphs for q in quotes):
        phrase = _intro_phrase(doc, text, before, blocked)
        if phrase is not None and (phrase.kind == "person" or text[before.end - 1] == ":"):
            return phrase, None, "intro"
    return None, None, ""


def credit(text: str, rec: Record, block: Block | None) -> str | None:
    """How the article credits a quote: the block's intro line, else the attribution words."""
    if block is not None:
        return block.credit
    if rec.phrase is None:
        return None
    lo, hi = rec.phrase.start, rec.phrase.end
    if rec.cue is not None and abs(rec.cue[0] - rec.phrase.end) < 60 and abs(rec.phrase.start - rec.cue[1]) < 60:
        lo, hi = min(lo, rec.cue[0]), max(hi, rec.cue[1])
    # take "told the X" / "to the X" after the cue as part of the credit
    m = re.match(r"\s+(?:the\s+)?[A-Z][\w.’'&-]*(?:\s+[A-Z][\w.’'&-]*){0,5}", text[hi : hi + 80])
    if rec.cue is not None and hi == rec.cue[1] and m:
        hi += m.end()
    return re.sub(r"\s+", " ", text[lo:hi]).strip() or None
