"""Whether the source of a cue is a thing, not a person, a body or a document (split off
:mod:`.attribution`): "these results suggest", "every detail thought out" are the writer's
narration, no one's words."""

from __future__ import annotations

from spacy.tokens import Doc

from .lexicon import (
    AGENT_SUFFIXES,
    DOCUMENT_NOUNS,
    EVIDENCE_NOUNS,
    NOUNS_FEMININE,
    NOUNS_MASCULINE,
    ORG_DESCRIPTION_NOUNS,
    PEOPLE_NOUNS,
    PERSON_DESCRIPTION_NOUNS,
)
from .phrases import Phrase

HOLDER_NOUNS = (PEOPLE_NOUNS | PERSON_DESCRIPTION_NOUNS | ORG_DESCRIPTION_NOUNS | DOCUMENT_NOUNS
                 | NOUNS_MASCULINE | NOUNS_FEMININE)


def inanimate(doc: Doc, phrase: Phrase, belief: bool) -> bool:
    """Whether the subject phrase of an evidence or belief verb names a thing, not a person, a
    body or a document: a common noun head with no name in the phrase that is a word for
    evidence ("results", "signs", "a comparison with control groups"; ``EVIDENCE_NOUNS``) and
    cites no source ("data from the Census Bureau show" does), or, for a belief verb ("thought",
    "believe"), any word that is not one for people, organisations or documents ("every detail
    thought out"; ``PEOPLE_NOUNS``)."""
    span = doc.char_span(phrase.start, phrase.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    head = span.root
    if head.tag_ == "WDT" and head.head.dep_ == "relcl" and head.head.head.i < head.i:
        head = head.head.head  # "the geochemistry, which suggests that ...": what "which" stands for
        span = head.doc[head.left_edge.i : head.i + 1]
    # a name before the head makes it someone's ("Iditarod officials"); one after it, in a
    # modifier, does not ("incidents of the fake US Embassy")
    if head.pos_ != "NOUN" or any((t.pos_ == "PROPN" or t.ent_type_) and t.i <= head.i for t in span):
        return False
    if head.text[:1].isupper() and head.i > head.sent.start:
        return False  # a capitalised word inside a sentence is a name the tagger missed ("Wines believes")
    lemma = head.lemma_.lower()
    if lemma in EVIDENCE_NOUNS or (lemma.endswith("s") and lemma[:-1] in EVIDENCE_NOUNS):
        sourced = any(c.dep_ == "prep" and c.lower_ in ("from", "by") and any(t.ent_type_ for t in c.subtree)
                      for c in head.children)
        return not sourced
    if not belief or lemma.endswith(AGENT_SUFFIXES):
        return False
    return lemma not in HOLDER_NOUNS and not (lemma.endswith("s") and lemma[:-1] in HOLDER_NOUNS)
