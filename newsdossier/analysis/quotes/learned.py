"""A learned model of reported speech: cue, content and source, trained on PolNeAR train
(``scripts/train_quotes_model.py``; dev is never trained on).

Every verb (and every speech noun) outside quotation marks is a candidate cue when the parse
gives it a nominal source and a content of one of these forms, each with its own span rule:

* ``clause``: a clausal complement (``ccomp``), "X said (that) <clause>";
* ``infinitive``: an infinitival or gerund complement (``xcomp``), with the verb's object when
  it has one: "X promised <to cut taxes>", "X urged <Congress to act>", "X proposed <accepting ...>";
* ``object``: an object with an "of" / "as" complement, or a "for" / "on" complement of a
  speech-act verb: "X accused <Y of lying>", "X described <Y as unfit>", "X called for <an
  inquiry>";
* ``noun``: a speech noun with a "that" clause and a possessor or the subject of the verb that
  governs it: "<his> claim <that Obama wants ...>", "X made the promise <that ...>".

Forms other than ``clause`` are candidates only for speech verbs and nouns (``SPEECH_VERBS``,
``SPEECH_NOUNS``): PolNeAR also annotates intentions and stances there ("wants to", "seeks to",
"supports ..."), which are no one's words, and a dossier lists only what a source said.

The model (a logistic regression over parse features, shipped as a small JSON file of weights
next to this module, read locally, no download) says whether a candidate is an attribution whose
content is that span and whose source is that phrase; each form has its own threshold, chosen at
training time for precision on train articles held out from fitting. The features and spans are
computed here, by the same functions for training and at run time.
"""

from __future__ import annotations

import bisect
import json
import math
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Token

from ...lang.en_quotes import SUMMONS_VERBS
from .animacy import HOLDER_NOUNS
from .lexicon import (
    COGNITION_VERBS,
    DOCUMENT_NOUNS,
    HYPOTHETICAL_MODALS,
    PHRASAL_NON_SPEECH,
    SPEECH_NOUNS,
    SPEECH_VERBS,
)
from .marks import covered

MODEL_PATH = Path(__file__).with_name("reported_speech_model.json")
FORMS = ("clause", "infinitive", "object", "noun")
_SUBJ = ("nsubj", "nsubjpass")
_NOMINAL = ("PROPN", "NOUN", "PRON")
_SPEECH_WORDS = SPEECH_VERBS | SPEECH_NOUNS


class ModelFileError(RuntimeError):
    """The shipped model file is missing or unreadable: reinstall the package, or retrain it with
    ``scripts/train_quotes_model.py``."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A cue that may report speech: its form, content span (characters) and source token.

    Attributes:
        cue: the cue verb or noun.
        comp: the head token of the content.
        subject: the head token of the source phrase.
        form: one of :data:`FORMS`.
        start: content start (character offset).
        end: content end.
    """

    cue: Token
    comp: Token
    subject: Token
    form: str = "clause"
    start: int = 0
    end: int = 0


@dataclass(frozen=True, slots=True)
class Model:
    """The shipped weights and one probability threshold per form (above 1: the form is off)."""

    weights: dict[str, float]
    thresholds: dict[str, float]

    def threshold(self, form: str) -> float:
        """The cut for one form (2.0, never reached, for a form the model has no cut for)."""
        return self.thresholds.get(form, 2.0)


def _subject_of(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ in _SUBJ and c.pos_ in _NOMINAL:
            return c
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head is not verb:
        for c in verb.head.children:
            if c.dep_ in _SUBJ and c.pos_ in _NOMINAL:
                return c
    return None


def _edges(tok: Token) -> tuple[int, int]:
    return tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)


def _blocked(tok: Token, blocked: list[tuple[int, int]]) -> bool:
    return covered(tok.idx, blocked)


def _verb_candidates(tok: Token, subj: Token) -> Iterator[Candidate]:
    comp = next((c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i), None)
    if comp is not None:
        yield Candidate(tok, comp, subj, "clause", *_edges(comp))
        return
    xcomp = next((c for c in tok.children if c.dep_ == "xcomp" and c.i > tok.i), None)
    dobj = next((c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i), None)
    if xcomp is not None:
        start = _edges(dobj)[0] if dobj is not None and dobj.i < xcomp.i else _edges(xcomp)[0]
        yield Candidate(tok, xcomp, subj, "infinitive", start, _edges(xcomp)[1])
        return
    if dobj is not None:
        # "accused X of Y", "described X as Y": the object and its complement
        prep = next((c for c in tok.children if c.dep_ in ("prep", "oprd") and c.i > dobj.i
                     and c.lower_ in ("of", "as")), None)
        if prep is not None and any(True for _ in prep.children):
            yield Candidate(tok, dobj, subj, "object", _edges(dobj)[0], _edges(prep)[1])
        elif any(c.dep_ == "prep" and c.lower_ in ("of", "as") and any(True for _ in c.children)
                 for c in dobj.rights):
            # the parse hung the complement on the object: "accused [the minister of hiding ...]"
            yield Candidate(tok, dobj, subj, "object", *_edges(dobj))
        return
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.i == tok.i + 1 and c.lower_ in ("for", "on")), None)
    if prep is not None:
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is not None:
            # "called for an inquiry", "called on Congress to act"
            yield Candidate(tok, obj, subj, "object", _edges(obj)[0], _edges(prep)[1])


def _noun_candidate(tok: Token) -> Candidate | None:
    comp = next((c for c in tok.children if c.dep_ in ("acl", "ccomp") and c.i > tok.i
                 and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    if comp is None:
        return None
    src = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ in _NOMINAL), None)
    if src is None and tok.dep_ == "dobj":
        src = _subject_of(tok.head)
    if src is None:
        return None
    return Candidate(tok, comp, src, "noun", *_edges(comp))


def candidates(doc: Doc, blocked: list[tuple[int, int]]) -> Iterator[Candidate]:
    """Every candidate cue outside ``blocked`` ranges, with its form, content and source."""
    starts: list[int] = []
    for tok in doc:
        verb = tok.pos_ in ("VERB", "AUX")
        if not (verb or (tok.pos_ == "NOUN" and tok.lemma_.lower() in SPEECH_NOUNS)) or _blocked(tok, blocked):
            continue
        found: list[Candidate] = []
        if verb:
            subj = _subject_of(tok)
            if subj is not None:
                found = list(_verb_candidates(tok, subj))
        else:
            c = _noun_candidate(tok)
            found = [c] if c is not None else []
        for c in found:
            if c.form != "clause" and not _speech_act(c):
                continue
            if not starts:
                starts = [t.idx for t in doc]
            if _cut_short(doc, starts, c.end):
                continue
            if c.start <= c.subject.idx < c.end or c.start <= c.cue.idx < c.end or _blocked(c.subject, blocked):
                continue
            yield c


def _token_at(doc: Doc, starts: list[int], at: int) -> int:
    """The index of the first token starting at or after character ``at`` (``len(doc)`` if none)."""
    return bisect.bisect_left(starts, at)


def _cut_short(doc: Doc, starts: list[int], end: int) -> bool:
    """Whether the parse cut the content inside a clause: the word right after it is a finite
    verb with no subject of its own ("called on X [to step down as the saga over the missing
    minutes] dragged on for months": "the saga" is the subject of "dragged")."""
    i = _token_at(doc, starts, end)
    while i < len(doc) and doc[i].is_space:
        i += 1
    nxt = doc[i] if i < len(doc) else None
    if nxt is None or nxt.tag_ not in ("VBD", "VBZ", "VBP") or nxt.dep_ == "ROOT":
        return False
    return not any(x.dep_ in _SUBJ or x.dep_ == "expl" for x in nxt.children)


def _people(tok: Token) -> bool:
    """Whether an object names people or a body ("lawmakers", "the board", "them"), not a thing
    ("called it a gimmick to ...")."""
    if tok.ent_type_ in ("PERSON", "ORG", "NORP"):
        return True
    if tok.pos_ == "PRON":
        return tok.lower_ in ("him", "her", "them", "us", "me")
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in HOLDER_NOUNS


def _speech_act(c: Candidate) -> bool:
    """Whether a non-clausal candidate is a speech act with its speaker: a speech verb or noun
    ("wants to", "seeks to", "supports" are intentions and stances, no one's words), not an
    aspectual verb ("continue to"), not passive ("was asked to": the subject is the addressee),
    and, for an "on"/"for" complement, not a time or a medium ("said on Thursday", "wrote on
    Facebook")."""
    lemma = c.cue.lemma_.lower()
    if lemma not in _SPEECH_WORDS or lemma in PHRASAL_NON_SPEECH:
        return False
    if any(x.dep_ in ("nsubjpass", "auxpass") for x in c.cue.children):
        return False
    if (c.form == "infinitive" and lemma in SUMMONS_VERBS and any(x.dep_ == "dobj" and _people(x) for x in c.cue.children)
            and not any(x.dep_ in ("prep", "prt") and x.lower_ in ("on", "upon") for x in c.cue.children)):
        return False  # "calling lawmakers to lock down support": phoning them, not a reported request
    if c.form == "object" and c.comp.dep_ == "pobj":
        return not (c.comp.ent_type_ or c.comp.pos_ == "PROPN" or c.comp.lemma_.lower() in DOCUMENT_NOUNS)
    return True


def features(c: Candidate) -> dict[str, float]:
    """Parse features of a candidate (names are the model's feature keys)."""
    cue, comp, subj = c.cue, c.comp, c.subject
    lemma = cue.lemma_.lower()
    span = cue.doc.char_span(c.start, c.end, alignment_mode="expand")
    first = span[0] if span is not None and len(span) else comp.left_edge
    n = len(span) if span is not None else 1
    form = c.form
    f = {
        "bias": 1.0,
        f"form={form}": 1.0,
        f"lemma={lemma}": 1.0,
        f"lemma|form={lemma}|{form}": 1.0,
        f"tag={cue.tag_}": 1.0,
        f"dep={cue.dep_}": 1.0,
        f"comp={comp.dep_}": 1.0,
        f"comp_first={first.lower_ if first.is_alpha else first.pos_}": 1.0,
        f"comp_first|form={first.pos_}|{form}": 1.0,
        f"comp_tag={comp.tag_}": 1.0,
        f"subj_pos={subj.pos_}": 1.0,
        f"subj_ent={subj.ent_type_ or '-'}": 1.0,
        f"subj_ent|form={subj.ent_type_ or '-'}|{form}": 1.0,
        f"subj_dep={subj.dep_}": 1.0,
        "speech_verb": float(lemma in SPEECH_VERBS),
        f"speech_verb|form={form}": float(lemma in SPEECH_VERBS),
        "cognition_verb": float(lemma in COGNITION_VERBS),
        "neg": float(any(x.dep_ == "neg" for x in cue.children)),
        "modal": float(any(x.dep_ == "aux" and x.lower_ in HYPOTHETICAL_MODALS for x in cue.children)),
        "comp_has_subj": float(any(x.dep_ in ("nsubj", "nsubjpass", "expl") for x in comp.children)),
        "comp_len_log": math.log1p(n),
        "subj_before": float(subj.i < cue.i),
        "subj_pronoun": float(subj.pos_ == "PRON"),
        "subj_plural": float(subj.tag_ in ("NNS", "NNPS")),
        "dobj": float(any(x.dep_ == "dobj" for x in cue.children)),
    }
    return f


@lru_cache(maxsize=2)
def load_model(path: Path = MODEL_PATH) -> Model:
    """Read the shipped weights and per-form thresholds.

    Raises:
        ModelFileError: if the file is missing or malformed.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        weights = {str(k): float(v) for k, v in data["weights"].items()}
        thresholds = {str(k): float(v) for k, v in data["thresholds"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ModelFileError(f"cannot read the reported-speech model {path}: {exc}; reinstall the "
                             "package or run scripts/train_quotes_model.py") from exc
    return Model(weights, thresholds)


def probability(weights: dict[str, float], feats: dict[str, float]) -> float:
    """The model's probability that a candidate is an attribution cue."""
    z = sum(weights.get(k, 0.0) * v for k, v in feats.items())
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))
