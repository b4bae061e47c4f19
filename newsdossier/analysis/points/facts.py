"""Facts: the quantities each article states, and what each one counts.

:func:`extract_facts` reads the quantities of :func:`.quantities.find_quantities` over the spaCy
parse and ties each to what it counts (the head noun with its modifiers, mapped to a small set
of canonical units such as ``troops``, ``deaths``, ``detainees``, ``displaced``, ``days`` or a
currency), the verb that governs it and that verb's subject, the time or place frame the
statement is limited to, and what it is about (an entity id when an entity is named in the noun
phrase, else the noun phrase). Comparing facts across articles is the disagreement finder's job.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ...lang import en
from ...model import Article, Entity, Fact, strip_range
from .common import PointsConfig
from .quantities import _SCALES, find_quantities

__all__ = ["extract_facts"]


# --------------------------------------------------------------------------- what is counted

_UNIT_NOUNS: Mapping[str, str] = en.COUNTED_UNITS
_VERB_UNITS: Mapping[str, str] = en.VERB_UNITS
_PEOPLE_UNITS: frozenset[str] = en.PEOPLE_UNITS
# verbs that, with "from/out of <home>" or "to flee", count the people they move as displaced
_MOVERS: frozenset[str] = en.MOVER_VERBS
_HOMES: frozenset[str] = en.HOME_NOUNS
_LEAVERS: frozenset[str] = en.LEAVER_VERBS
# subjects of these verbs are counted by the verb ("twelve people died")
_SUBJECT_VERBS: frozenset[str] = en.SUBJECT_COUNTED_VERBS
_BARE = ("preceding", "previous-sentence", "number-of")


def _counted_noun(doc: Doc, tokens: SpacySpan) -> tuple[Token | None, str]:
    """Return the noun a quantity counts and how it was found."""
    last = tokens[-1]
    head = last.head
    if head.i > last.i and any(c.tag_ == "POS" for c in head.children) and head.head.pos_ == "NOUN" \
            and head.dep_ == "poss":
        return head.head, "modifier"  # "two master's degrees": degrees are counted
    # "30,000 US troops": the number modifies the noun that follows it
    if last.dep_ in ("nummod", "quantmod", "compound", "amod", "det") and head.i > last.i:
        if head.pos_ == "PROPN" and head.dep_ == "compound" and head.head.pos_ == "NOUN" and head.head.i > head.i:
            return head.head, "modifier"  # "four Reno dispensaries", "two Boeing jets": the name modifies
        if head.pos_ in ("NOUN", "PROPN"):
            return head, "modifier"
        if head.pos_ == "NUM" and head.head.pos_ in ("NOUN", "PROPN") and head.head.i > last.i:
            return head.head, "modifier"
    for tok in tokens:
        if tok.dep_ in ("nummod", "quantmod") and tok.head.i > tokens.end - 1 and tok.head.pos_ == "NOUN":
            return tok.head, "modifier"
    # "tens of thousands of families", "two thousand of them"
    nxt = doc[tokens.end] if tokens.end < len(doc) else None
    if nxt is not None and nxt.lower_ == "of":
        objs = [c for c in nxt.children if c.dep_ == "pobj"]
        if objs and objs[0].pos_ in ("NOUN", "PROPN"):
            return objs[0], "of-phrase"
    # "25 million in state aid", "two billion in loans": a scaled sum counts what follows "in"
    if nxt is not None and nxt.lower_ == "in" and tokens[-1].lower_ in _SCALES:
        objs = [c for c in nxt.children if c.dep_ == "pobj"]
        if objs and objs[0].pos_ == "NOUN":
            return objs[0], "in-phrase"
    root = tokens.root
    for tok in (root, *tokens):
        if tok.head.i >= tokens.end and tok.head.pos_ == "NOUN" and tok.dep_ in ("nummod", "quantmod"):
            return tok.head, "modifier"
    # a bare number: "the number of deaths is ... several hundred", "those held, an estimated 2,000"
    sent = root.sent
    for tok in sent:
        if tok.lower_ == "number" and tok.i < tokens.start:
            objs = [c for p in tok.children if p.lower_ == "of" for c in p.children if c.dep_ == "pobj"]
            if objs:
                return objs[0], "number-of"
    for tok in reversed(doc[sent.start : tokens.start]):
        if tok.pos_ in ("NOUN", "PRON") and tok.dep_ not in ("npadvmod",):
            if tok.pos_ == "PRON":
                verbs = [c for c in tok.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"]
                if verbs:
                    return verbs[0], "verb"
                continue
            if tok.tag_ in ("NNS", "NNPS") or tok.lemma_.lower() in _UNIT_NOUNS:
                return tok, "preceding"
            break
    if root.dep_ in ("nsubj", "nsubjpass", "attr") and sent.start > 0:
        prev = doc[sent.start - 1].sent
        for tok in reversed(list(prev)):
            if tok.tag_ == "NNS":
                return tok, "previous-sentence"
    return None, "none"


def _label_or_degree(doc: Doc, tokens: SpacySpan, noun: Token | None, how: str, value: float | None) -> bool:
    """Return whether a number before a singular common noun counts nothing.

    A count of none or of several takes a plural noun: "zero tolerance", "zero growth" are a
    degree, and a number between a name and a singular noun is part of a label ("KPIX 5
    reporter", "Windows 10 update"). "Zero deaths", "one person", "Channel 4 viewers" stay.
    """
    if noun is None or how != "modifier" or noun.tag_ != "NN" or value is None or value == 1:
        return False
    if value == 0:
        return True
    first = tokens.start
    return value > 1 and noun.i == tokens.end and first > 0 and doc[first - 1].pos_ == "PROPN" \
        and doc[first - 1].text[:1].isupper() and doc[first].whitespace_ != ""


def _unit_of(noun: Token | None, how: str, phrase: Token | None = None) -> str:
    """Return the canonical unit for a counted noun.

    People counted as the object of "killed", "arrested"... (or the subject of "died") are
    counted as deaths, detainees...; ``phrase`` is the token holding the noun phrase's
    syntactic role (the quantity itself in "dozens of protesters").
    """
    if noun is None:
        return "count"
    lemma = noun.lemma_.lower()
    if how == "verb":
        return _VERB_UNITS.get(lemma, lemma)
    unit = _UNIT_NOUNS.get(lemma) or _UNIT_NOUNS.get(noun.lower_) or lemma
    if unit in _PEOPLE_UNITS or unit == lemma:
        # "people" names no group of its own: what they did decides ("people left their homes")
        by_verb = _verb_unit(phrase, how in _BARE or unit == "people") if phrase is not None else None
        if by_verb is not None:
            return by_verb
        if phrase is not None and phrase.i != noun.i and _coordinated(_governing_verb(phrase), _governing_verb(noun)):
            return unit  # "killed X and arrested dozens": the second verb does not inherit
        by_verb = _verb_unit(noun, unit == "people")
        if by_verb is not None:
            return by_verb
    return unit


def _coordinated(a: Token, b: Token) -> bool:
    """Return whether two different verbs are conjuncts of each other (or of one head)."""
    if a.i == b.i:
        return False
    return (a.dep_ == "conj" and a.head.i == b.i) or (b.dep_ == "conj" and b.head.i == a.i) or (
        a.dep_ == "conj" and b.dep_ == "conj" and a.head.i == b.head.i)


def _governing_verb(role: Token) -> Token:
    """Return the verb whose argument ``role`` is (climbing through nouns and prepositions)."""
    verb = role.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return verb


def _verb_unit(role: Token, bare: bool = False) -> str | None:
    """Return what the verb governing ``role`` counts ("killed X" → deaths), if it decides.

    Only the verb ``role`` is itself an argument of decides: in "killed three people and drove
    hundreds from their homes" the coordinated "drove" governs "hundreds" and does not inherit
    "killed". People moved "from their homes" (or forced "to flee") are ``displaced``; so is a
    ``bare`` quantity (one with no noun of its own) that "fled" or "left their homes" ("hundreds
    fled"), and so are "people" (no group of their own), while a named group keeps its noun
    ("thousands of residents fled": residents).
    """
    if role.dep_ not in ("nsubjpass", "dobj", "nsubj"):
        return None
    verb = _governing_verb(role)
    lemma = verb.lemma_.lower()
    if role.dep_ == "nsubj":
        if lemma in _SUBJECT_VERBS or (bare and lemma == "flee"):
            return _VERB_UNITS[lemma]
        if bare and lemma in _LEAVERS and any(c.dep_ == "dobj" and c.lemma_.lower() in _HOMES for c in verb.children):
            return "displaced"
        return None
    if lemma in _VERB_UNITS:
        return _VERB_UNITS[lemma]
    if lemma in _MOVERS:
        for child in (*verb.children, *role.children):
            if child.dep_ == "prep" and child.lower_ in ("from", "out"):
                if any(g.lemma_.lower() in _HOMES for g in child.subtree if g.i != child.i):
                    return "displaced"
            if child.dep_ in ("xcomp", "advcl") and child.lemma_.lower() in _LEAVERS:
                return "displaced"
    return None


def _about(noun: Token | None, quantity: SpacySpan, unit: str, ents: Sequence[tuple[int, int, str]]) -> str:
    if noun is None:
        return unit
    words = []
    lo, hi = noun.i, noun.i
    for child in noun.children:
        if child.dep_ in ("compound", "amod", "poss", "nmod") and child.i < noun.i:
            if quantity.start <= child.i < quantity.end:
                continue
            lo = min(lo, child.left_edge.i)
    doc = noun.doc
    for tok in doc[lo : hi + 1]:
        if quantity.start <= tok.i < quantity.end or tok.pos_ in ("DET", "NUM", "PUNCT"):
            continue
        if tok.lower_ in en.VAGUE_MODIFIERS or tok.lower_ in en.PARTIAL_MODIFIERS or tok.tag_ == "POS":
            continue
        words.append(tok.text)
    phrase = " ".join(words)
    start, end = doc[lo].idx, noun.idx + len(noun.text)
    for s, e, ent in ents:
        if s < end and start < e:
            return ent
    return phrase.lower() or unit


def _entity_index(entities: Sequence[Entity]) -> dict[str, list[tuple[int, int, str]]]:
    """Return every entity mention by article: (start, end, entity id), in entity order.

    Built once for all articles, so the cost is the number of mentions, not articles x mentions.
    """
    out: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for ent in entities:
        for m in ent.mentions:
            out[m.article].append((m.start, m.end, ent.id))
    return out


def _entity_in(ents: Sequence[tuple[int, int, str]], start: int, end: int) -> str | None:
    for s, e, ent in ents:
        if s < end and start < e:
            return ent
    return None


def _counted_phrase(noun: Token | None, quantity: SpacySpan) -> str:
    """Return the counted noun with its modifiers, as lower-case lemmas ("us troop", "other man")."""
    if noun is None:
        return ""
    words = []
    for child in noun.children:
        if child.i >= noun.i or quantity.start <= child.i < quantity.end:
            continue
        if child.dep_ in ("compound", "amod", "nmod", "poss") or child.lower_ in en.PARTIAL_MODIFIERS:
            if child.pos_ in ("DET", "NUM", "PUNCT") and child.lower_ not in en.PARTIAL_MODIFIERS:
                continue
            if child.lower_ in en.VAGUE_MODIFIERS or child.tag_ == "POS":
                continue
            words.append(child.lemma_.lower() if child.pos_ != "PROPN" else child.lower_)
    for child in quantity:
        nxt = child.nbor(1).lower_ if child.i + 1 < len(child.doc) else ""
        if child.lower_ in en.PARTIAL_MODIFIERS and nxt != "than":
            words.append(child.lower_)  # "three more", "another 20" (not "more than 20")
    head = noun.lemma_.lower()
    if noun.i + 2 < len(noun.doc) and noun.nbor(1).text == "-" and noun.nbor(1).whitespace_ == "":
        head = f"{noun.lower_}-{noun.nbor(2).lemma_.lower()}"  # "co-stars": one word
    words.append(head)
    return " ".join(words)


def _governor(tokens: SpacySpan, noun: Token | None, how: str) -> Token | None:
    """Return the verb the quantity's phrase is an argument of."""
    start = noun if (noun is not None and how in ("modifier", "of-phrase")) else tokens.root
    if how == "of-phrase":
        start = tokens.root
    cur = start
    for _ in range(8):
        if cur.pos_ in ("VERB", "AUX") and cur.i != start.i:
            return cur
        if cur.head.i == cur.i:
            return cur if cur.pos_ in ("VERB", "AUX") else None
        if cur.dep_ in ("relcl", "acl") and cur.i != start.i:
            return None
        cur = cur.head
    return None


def _subject_of(verb: Token | None, phrase: set[int], ents: Sequence[tuple[int, int, str]]) -> str:
    """Return the verb's subject as an entity id or its lower-case words ("" when it is the phrase)."""
    if verb is None:
        return ""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None and verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        subj = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.i in phrase or any(t.i in phrase for t in subj.subtree):
        return ""
    if subj.pos_ == "PRON":
        return ""
    start = min(t.idx for t in subj.subtree if t.dep_ in ("compound", "flat", "amod") or t.i == subj.i)
    ent = _entity_in(ents, start, subj.idx + len(subj.text))
    if ent is not None:
        return ent
    mods = [t.lower_ for t in subj.children if t.dep_ in ("compound", "flat") and t.i < subj.i]
    return " ".join([*mods, subj.lemma_.lower()])


_FRAME_PREPS: frozenset[str] = en.FRAME_PREPOSITIONS


def _frame(verb: Token | None, noun: Token | None, tokens: SpacySpan) -> str:
    """Return the time or place frame a statement is limited to ("in 2012", "in this primary").

    Prepositional phrases on the governing verb or the counted noun whose object is a date, a
    place or an event (by the parser's entity type or a year), and bare date adverbials.
    """
    parts: list[str] = []
    heads = [t for t in (verb, noun, tokens.root) if t is not None]
    seen: set[int] = set()
    for head in heads:
        for child in head.children:
            if child.i in seen or tokens.start <= child.i < tokens.end:
                continue
            seen.add(child.i)
            if child.dep_ == "prep" and child.lower_ in _FRAME_PREPS:
                for obj in (c for c in child.children if c.dep_ == "pobj"):
                    sub = list(obj.subtree)
                    if any(t.ent_type_ in ("DATE", "GPE", "LOC", "EVENT", "FAC") or
                           re.fullmatch(r"(?:1[89]|20)\d\d", t.text) for t in sub) or \
                            obj.lemma_.lower() in en.FRAME_NOUNS:
                        core = [t for t in obj.lefts if t.dep_ in ("det", "amod", "compound", "nummod", "poss")
                                and not t.is_space] + [obj]
                        parts.append(child.lower_ + " " + " ".join(t.lower_ for t in core))
            elif child.dep_ == "npadvmod" and child.ent_type_ == "DATE":
                parts.append(" ".join(t.lower_ for t in child.subtree if not t.is_space and not t.is_punct))
    return "; ".join(sorted(set(parts)))


def _projected(tokens: SpacySpan, gov: Token) -> bool:
    """Whether the quantity is what a modal verb projects ("as many as 40,000 could have died", "may
    rise to 500"), not a figure inside one of its noun phrases ("the $40 billion market might have room")."""
    if not any(c.dep_ == "aux" and c.lower_ in en.PROJECTION_MODALS for c in gov.children):
        return False
    head = tokens.root.head
    return head.i == gov.i or (head.dep_ == "prep" and head.head.i == gov.i)


def _sentence_span(article: Article, sent: SpacySpan) -> tuple[int, int]:
    return strip_range(article.text, sent.start_char, sent.end_char)


def extract_facts(
    articles: Sequence[Article], docs: Mapping[str, Doc], entities: Sequence[Entity] = (),
    *, config: PointsConfig | None = None,
) -> list[Fact]:
    """Return the quantities stated in the articles, with what they count and in what frame.

    Args:
        articles: the articles.
        docs: spaCy parses by article id (see :func:`newsdossier.nlp.parse`).
        entities: resolved entities; a quantity whose noun phrase names one is ``about`` it,
            and a governing verb's subject that names one is that entity's id.
        config: thresholds (defaults: :class:`PointsConfig`); facts read none yet.

    Returns:
        Facts in article and text order, each with ``dimension``, ``unit``, ``counted``,
        ``predicate``, ``subject``, ``frame``, ``approx``, ``grain``, the ``sentence`` span and a
        ``confidence``. ``conflict`` stays False: comparing is :func:`find_disagreements`' job.

    Raises:
        KeyError: if an article has no parse in ``docs``.
    """
    facts: list[Fact] = []
    mentions = _entity_index(entities)
    for art in articles:
        doc = docs[art.id]
        ents = mentions.get(art.id, [])
        for q in find_quantities(art.text):
            tokens = doc.char_span(q.start, q.end, alignment_mode="expand")
            if tokens is None or len(tokens) == 0:
                continue
            conf = 1.0
            noun: Token | None = None
            how = "none"
            if q.kind == "count":
                noun, how = _counted_noun(doc, tokens)
                if _label_or_degree(doc, tokens, noun, how, q.value):
                    continue
                # a bare quantity that borrows its noun from elsewhere is counted by its own verb
                own = how == "of-phrase" or how in _BARE
                unit = _unit_of(noun, how, tokens.root if own else None)
                about = _about(noun if how != "verb" else None, tokens, unit, ents)
                if how == "verb":
                    about = unit
                elif how in ("preceding", "previous-sentence") and noun is not None \
                        and _verb_unit(tokens.root, True) == unit \
                        and _UNIT_NOUNS.get(noun.lemma_.lower()) not in _PEOPLE_UNITS | {unit}:
                    about = unit  # "the floods drove hundreds from their homes": not floods
                    noun, how = None, "verb"  # counted as what the verb makes of them ("killing thousands"
                    # after "the protests": deaths, not protests); still borrowed, so still unsure
                    conf = 0.6
            elif q.kind == "duration":
                unit = q.unit or "days"
                verb = tokens.root.head
                while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                    verb = verb.head
                about = verb.lemma_.lower()
            else:
                unit = q.unit or q.kind
                noun, how = _counted_noun(doc, tokens)
                if noun is not None and how not in ("modifier", "of-phrase", "in-phrase"):
                    noun, how = None, "none"  # a sum or a share counts what it modifies, nothing further off
                about = _about(noun, tokens, unit, ents) if noun is not None else unit
            if unit == "count" and q.value is None and q.high is not None and q.high < 10:
                continue  # "a few", "several" with nothing counted
            if how in _BARE or conf < 1.0:
                conf = 0.6  # the counted noun was borrowed from the context
            elif q.kind == "count" and noun is None:
                conf = 0.4
            if q.value is None and q.approx:
                conf = min(conf, 0.7)  # "hundreds", "dozens"
            counted = _counted_phrase(noun, tokens) if how != "verb" else unit
            head = counted.rsplit(" ", 1)[-1]
            if "-" in head and noun is not None and unit == noun.lemma_.lower():
                unit = head  # "co-stars": the whole word, not its first part
            phrase = {t.i for t in tokens} | ({noun.i} if noun is not None and how == "modifier" else set())
            gov = _governor(tokens, noun, how) if q.kind != "duration" else None
            if gov is not None and _projected(tokens, gov):
                conf = min(conf, 0.45)  # "could have died", "may rise to": a projection, no report to compare
            s0, s1 = _sentence_span(art, tokens.sent)
            facts.append(Fact(
                unit=unit, about=about, span=art.span(q.start, q.end), value=q.value, low=q.low, high=q.high,
                dimension=q.kind, counted=counted,
                predicate=gov.lemma_.lower() if gov is not None else "",
                subject=_subject_of(gov, phrase, ents), frame=_frame(gov, noun, tokens),
                approx=q.approx, grain=q.grain, sentence=art.span(s0, s1), confidence=conf,
            ))
    return facts


# --------------------------------------------------------------------------- registration

from ...registry import Inputs, Produced, analysis  # noqa: E402


@analysis("facts", requires=("articles", "entities"), produces=("facts",), config=PointsConfig,
          split=True)
def facts_component(inputs: Inputs, config: PointsConfig) -> Produced:
    """Quantities the articles state, with what they count, its verb, subject and frame."""
    return {"facts": tuple(extract_facts(inputs.articles, inputs.docs, inputs.dossier.entities, config=config))}
