"""Who a cue's subject is: the parsed subject of a speech verb and the misparses that hide it
(a participle's noun, a passive's "by" agent, a conjunct's own subject, "according to X").

Split off from :mod:`.attribution` (776 lines) on 2026-12-04; the functions are unchanged.
"""

from __future__ import annotations

from spacy.tokens import Token

from .animacy import HOLDER_NOUNS
from .lexicon import HYPOTHETICAL_MODALS, PERCEPTION_VERBS, PRONOUNS_WH
from .marks import covered
from .phrases import _ents_within

_SUBJ = ("nsubj", "nsubjpass")


def _in_ranges(a: int, ranges: list[tuple[int, int]]) -> bool:
    return covered(a, ranges)


def hypothetical(verb: Token) -> bool:
    """A speech verb under a modal ("would say", "might have answered"): imagined speech."""
    return any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_MODALS for c in verb.children)


def passive(verb: Token) -> bool:
    """The cue is passive ("was asked", "was described as"): its subject is not the speaker."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _agent(verb: Token, blocked: list[tuple[int, int]]) -> Token | None:
    """The "by" agent of a passive cue, if any."""
    for c in verb.children:
        if c.dep_ == "agent":
            for obj in c.children:
                if obj.dep_ == "pobj" and not _in_ranges(obj.idx, blocked):
                    return obj
    return None


def nominal(tok: Token) -> bool:
    """Whether a subject can name a speaker: a noun or a personal pronoun, not punctuation, a
    number, a determiner or a clause word ("That said, ...")."""
    if tok.pos_ not in ("PROPN", "NOUN", "PRON"):
        return False
    if tok.lower_ in PRONOUNS_WH | {"this", "these", "those"}:
        # a relative pronoun with its antecedent ("Ann Lee, who said") is resolved later
        return tok.tag_ in ("WP", "WDT") and tok.head.dep_ == "relcl"
    return True


def _cue_span(tok: Token) -> tuple[int, int]:
    end = tok.idx + len(tok.text)
    for child in tok.children:
        if child.dep_ == "prt" and child.i == tok.i + 1:
            end = child.idx + len(child.text)
    return tok.idx, end


def _subject(verb: Token, blocked: list[tuple[int, int]]) -> Token | None:
    subj = _parsed_subject(verb, blocked)
    if subj is not None and not nominal(subj):
        return None
    if subj is not None and subj.i < verb.i and subj.ent_type_ != "PERSON":
        # a named person right before the cue beats a subject the parser took from a label
        # ("UPDATE: Ann Lee points out ...")
        for ent in _ents_within(verb.doc, max(subj.i + 1, verb.i - 10), verb.i):
            if ent.root.dep_ in ("pobj", "dobj", "iobj") and verb.tag_ != "VBG":
                continue  # "hung a photo of President Obama and claimed": an object, not a speaker
                # (a participle is another matter: "footage of Ann Lee saying ...")
            if ent.root.dep_ in ("compound", "poss") and ent.root.head.pos_ == "NOUN":
                continue  # "members of the Kennedy family said", "the trajectory of the bullets
                # into Davis' body showed": the name qualifies a noun, it is not the subject
            if ent.label_ == "PERSON" and subj.i < ent.start and verb.i - 2 <= ent.end - 1 < verb.i:
                if not _in_ranges(ent.start_char, blocked):
                    return ent.root
    return subj


def _parsed_subject(verb: Token, blocked: list[tuple[int, int]]) -> Token | None:
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("PROPN", "NOUN", "PRON"):
        # "footage of X saying ...": the participle's noun is the speaker
        if not _in_ranges(verb.head.idx, blocked):
            return verb.head
    if passive(verb):
        return _agent(verb, blocked)
    for child in verb.children:
        if child.dep_ in _SUBJ and not _in_ranges(child.idx, blocked):
            if _purpose_object(verb, child):
                return _gerund_clause_subject(verb.head, blocked)
            return child
    main = verb.head
    if verb.dep_ == "advcl" and verb.tag_ in ("VBD", "VBZ", "VBP") and main.tag_ == "VBG" and main.dep_ == "ROOT":
        # a finite verb with no subject under a participle root is a misparse of "X marching
        # through the streets chanted ...": the participle's subject is the cue's
        for child in main.children:
            if child.dep_ in _SUBJ and child.i < main.i and not _in_ranges(child.idx, blocked):
                return child
    if verb.tag_ == "VBG" and verb.dep_ == "pcomp" and main.lower_ == "by":
        main = main.head  # "X responded by saying ...": the subject of "responded"
    participle = verb.tag_ == "VBG" and verb.dep_ in ("advcl", "pcomp") and main.pos_ in ("VERB", "AUX")
    if verb.dep_ == "conj" and verb.i > 0:
        # "He had surgery and school officials said ...": a noun phrase between "and" and a
        # conjoined verb is that verb's subject, though the parse joined it to the object
        before = verb.doc[verb.i - 1]
        if before.pos_ in ("NOUN", "PROPN") and before.dep_ == "conj" and before.head.i < verb.i and before.head.i != main.i \
                and not _in_ranges(before.idx, blocked):
            return before
    if verb.dep_ == "conj":
        inner = _conjunct_of_inner_clause(verb, main, blocked)
        if inner is not None:
            return inner
    if verb.dep_ == "conj" and _TENSE.get(verb.tag_) and _TENSE.get(main.tag_) not in (None, _TENSE[verb.tag_]):
        # "The complaint alleges [Ann called him] and said ...": a past-tense conjunct of a
        # present-tense cue carries on the clause the cue reports, whose subject is its own
        comp = next((c for c in main.children if c.dep_ == "ccomp" and c.i < verb.i
                     and _TENSE.get(c.tag_) == _TENSE[verb.tag_]), None)
        if comp is not None:
            subj = next((c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and not _in_ranges(subj.idx, blocked):
                return subj
    if participle and main.lemma_.lower() in PERCEPTION_VERBS:
        # "he could hear one of the passengers shouting that ...": who is heard speaks, not who hears
        obj = next((c for c in main.children if c.dep_ == "dobj"), None)
        return obj if obj is not None and obj.i < verb.i and not _in_ranges(obj.idx, blocked) else None
    if (verb.dep_ in ("conj", "xcomp") or participle) and main is not verb:
        # "X mocked the plan, saying ...": the participle's subject is the main clause's
        for child in main.children:
            if child.dep_ in _SUBJ and not _in_ranges(child.idx, blocked):
                if verb.dep_ == "xcomp" and child.lower_ == "it" and main.lemma_.lower() == "be":
                    return None  # "it was wrong to suggest that ...": "it" stands for the clause, no one says it
                return child
    return None


def _purpose_object(verb: Token, subj: Token) -> bool:
    """"X paused between making lattes to say ...": a to-infinitive under a gerund has no subject
    of its own, so a thing the parse made its subject is the gerund's object, no speaker."""
    return (verb.head.tag_ == "VBG" and verb.head is not verb and subj.pos_ == "NOUN" and not _can_speak(subj)
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children))


def _gerund_clause_subject(gerund: Token, blocked: list[tuple[int, int]]) -> Token | None:
    """The subject of the clause a gerund hangs from ("X paused between making ..."), else None."""
    tok = gerund
    while tok.dep_ in ("pcomp", "prep", "advcl", "xcomp") and tok.head is not tok:
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            # the parse may give the clause two subjects ("A block south, X paused"): the one that can speak
            return next((c for c in reversed(list(tok.children)) if c.dep_ in _SUBJ and c.i < tok.i
                         and _can_speak(c) and not _in_ranges(c.idx, blocked)), None)
    return None


_TENSE = {"VBD": "past", "VBZ": "present", "VBP": "present"}


def _can_speak(tok: Token) -> bool:
    """A subject that may speak: a person or a body by name, or a noun for people, bodies or
    documents."""
    return tok.ent_type_ in ("PERSON", "ORG", "NORP") or tok.pos_ == "PRON" or (
        tok.pos_ == "NOUN" and tok.lemma_.lower() in HOLDER_NOUNS)


def _conjunct_of_inner_clause(verb: Token, main: Token, blocked: list[tuple[int, int]]) -> Token | None:
    """"Shares of X lost 28 percent ..., after the company announced its plan and said that ...":
    the parse joined the cue to the main verb, whose subject cannot speak, while the clause that
    ends right before "and" has a verb of the cue's tense whose subject can: that subject."""
    subj = next((c for c in main.children if c.dep_ in _SUBJ), None)
    if subj is None or _can_speak(subj) or verb.i < 2 or verb.doc[verb.i - 1].lower_ != "and":
        return None
    last = verb.doc[verb.i - 2]
    inner = next((t for t in main.subtree if t.i < verb.i and t.i != main.i and t.tag_ == verb.tag_
                  and t.dep_ in ("advcl", "ccomp") and t.right_edge.i == last.i), None)
    if inner is None:
        return None
    own = next((c for c in inner.children if c.dep_ == "nsubj" and not _in_ranges(c.idx, blocked)), None)
    return own if own is not None and _can_speak(own) else None


def _according(verb: Token, blocked: list[tuple[int, int]]) -> Token | None:
    for child in verb.children:
        if child.lower_ == "according":
            for to in child.children:
                if to.lower_ == "to":
                    for obj in to.children:
                        if obj.dep_ == "pobj" and not _in_ranges(obj.idx, blocked):
                            return obj
    return None
