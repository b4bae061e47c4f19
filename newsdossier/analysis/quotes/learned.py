"""A learned cue model for reported speech, trained on PolNeAR train (``scripts/train_quotes_model.py``).

Candidates are verbs outside quotation marks with a clausal complement (``ccomp`` or ``xcomp``)
and a nominal subject; the model (a logistic regression over parse features, shipped as a small
JSON file of weights next to this module, read locally, no download) says whether the verb is an
attribution cue whose content is that complement and whose source is its subject. The features
are computed here, by the same function for training and at run time.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Token

from .lexicon import COGNITION_VERBS, HYPOTHETICAL_MODALS, SPEECH_VERBS

MODEL_PATH = Path(__file__).with_name("reported_speech_model.json")


class ModelFileError(RuntimeError):
    """The shipped model file is missing or unreadable: reinstall the package, or retrain it with
    ``scripts/train_quotes_model.py``."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A verb that may report speech: its complement and subject tokens."""

    cue: Token
    comp: Token
    subject: Token


def _subject_of(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("PROPN", "NOUN", "PRON"):
            return c
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head is not verb:
        for c in verb.head.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("PROPN", "NOUN", "PRON"):
                return c
    return None


def candidates(doc: Doc, blocked: list[tuple[int, int]]) -> Iterator[Candidate]:
    """Verbs outside ``blocked`` ranges with a ``ccomp``/``xcomp`` and a nominal subject."""
    for tok in doc:
        if tok.pos_ not in ("VERB", "AUX") or any(a <= tok.idx < b for a, b in blocked):
            continue
        comp = next((c for c in tok.children if c.dep_ in ("ccomp", "xcomp") and c.i > tok.i), None)
        if comp is None:
            continue
        subj = _subject_of(tok)
        if subj is None or subj.i in {t.i for t in comp.subtree}:
            continue
        yield Candidate(tok, comp, subj)


def features(c: Candidate) -> dict[str, float]:
    """Parse features of a candidate (names are the model's feature keys)."""
    cue, comp, subj = c.cue, c.comp, c.subject
    lemma = cue.lemma_.lower()
    first = comp.left_edge
    n = comp.right_edge.i - comp.left_edge.i + 1
    f = {
        "bias": 1.0,
        f"lemma={lemma}": 1.0,
        f"tag={cue.tag_}": 1.0,
        f"dep={cue.dep_}": 1.0,
        f"comp={comp.dep_}": 1.0,
        f"comp_first={first.lower_ if first.is_alpha else first.pos_}": 1.0,
        f"comp_tag={comp.tag_}": 1.0,
        f"subj_pos={subj.pos_}": 1.0,
        f"subj_ent={subj.ent_type_ or '-'}": 1.0,
        f"subj_dep={subj.dep_}": 1.0,
        "speech_verb": float(lemma in SPEECH_VERBS),
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
def load_model(path: Path = MODEL_PATH) -> tuple[dict[str, float], float]:
    """Read the shipped weights: ``(weights by feature, threshold)``.

    Raises:
        ModelFileError: if the file is missing or malformed.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {str(k): float(v) for k, v in data["weights"].items()}, float(data["threshold"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelFileError(f"cannot read the reported-speech model {path}: {exc}; reinstall the "
                             "package or run scripts/train_quotes_model.py") from exc


def probability(weights: dict[str, float], feats: dict[str, float]) -> float:
    """The model's probability that a candidate is an attribution cue."""
    z = sum(weights.get(k, 0.0) * v for k, v in feats.items())
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))
