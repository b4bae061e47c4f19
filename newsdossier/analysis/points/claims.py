"""Verdicts about entities, who holds them, and where sources agree and disagree.

:func:`extract_claims` finds evaluative statements about an actor or an undertaking —
stronger/weaker, won/lost, success/failure, in trouble, isolated, humiliated, strengthened —
with a small lexicon of triggers read over the spaCy dependency parse. For each trigger it
finds the target (the subject of the clause, the object of a transitive verb such as
"weakened X", the noun an adjective modifies, the possessor of "X's authority", the object of
"a blow to X"), the polarity (flipped by negation), whether it is hedged (may, might, could,
perhaps, appears, seems; the consequent of a conditional) and who holds it (the outlet's own
voice, or a quoted or named source). Statements inside the "if" clause of a conditional, in
questions or in "whether" clauses are not asserted and are dropped.

:func:`find_disagreements` groups the claims by target and question and reports each
point's sides; numeric conflicts from :func:`extract_facts` become disagreements too.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ...lang import en
from ...model import Article, Claim, Entity, Holder, Quote, strip_range
from ...nlp import is_title_case
from ..layout import dateline_end
from .common import NAMED_KINDS, STRENGTH, SUCCESS, TITLES_RE, PointsConfig

__all__ = ["extract_claims", "STRENGTH", "SUCCESS"]


# lemma -> (polarity, role of the target): "subj" the clause subject, "obj" the object of an
# active transitive verb (subject when passive or a participle), "for" the object of to/for
# (else the subject), "mod" the noun the adjective modifies (else the subject).
_TRIGGERS: Mapping[str, tuple[str, str]] = en.VERDICT_TRIGGERS
_SUCCESS_TRIGGERS: frozenset[str] = en.SUCCESS_TRIGGERS


def _subject_lemma(tok: Token) -> str:
    subj = _subject(tok)
    return subj.lemma_.lower() if subj is not None else ""


# a trigger word only counts in these uses
_NEEDS = {
    "blow": lambda t: any(c.lower_ in ("to", "for") for c in t.children),
    "work": lambda t: t.tag_ in ("VBG", "VBD", "VBZ") and t.dep_ != "amod"  # "working people": no verdict
    and not any(c.dep_ in ("dobj", "prep") for c in t.children) and _subject_lemma(t) in _UNDERTAKINGS,
    "lose": lambda t: not any(c.dep_ == "dobj" and c.lemma_ not in _LOSABLE for c in t.children)
    and not _is_passive(t) and t.dep_ != "amod",
    "win": lambda t: not any(c.dep_ == "dobj" and c.lemma_ not in _WINNABLE for c in t.children),
    "trouble": lambda t: t.head.lower_ == "in",
    "damage": lambda t: t.pos_ == "VERB",
    "failure": lambda t: not any(c.dep_ in ("amod", "compound") and c.lower_ in en.FAILURE_TERM_MODIFIERS
                                 for c in t.children),  # "respiratory failure": a medical term
    "survive": lambda t: t.pos_ == "VERB" and _object(t) is not None,  # "survived a vote", not an accident
    "strong": lambda t: t.dep_ in ("acomp", "attr", "amod", "oprd", "advcl", "xcomp", "conj", "ccomp"),
    "winner": lambda t: t.dep_ in ("attr", "oprd", "appos", "ROOT") and not any(c.dep_ == "compound" for c in t.children),
    "loser": lambda t: t.dep_ in ("attr", "oprd", "appos", "ROOT") and not any(c.dep_ == "compound" for c in t.children),
}
_UNDERTAKINGS: frozenset[str] = en.UNDERTAKINGS
# plain "strong", "powerful", "weak" describe character or things ("a powerful voice"); as
# verdicts they come compared ("stronger", "most powerful") or after these verbs
_RESULT_VERBS: frozenset[str] = en.RESULT_VERBS
_STATE_VERBS: frozenset[str] = en.STATE_VERBS
_LOSABLE: frozenset[str] = en.LOSABLE
_WINNABLE: frozenset[str] = en.WINNABLE
# "X's authority weakened": the real target is the possessor of such nouns
_ATTRIBUTES: frozenset[str] = en.STANDING_ATTRIBUTES
_HEDGES: frozenset[str] = en.HEDGES
_SPEECH: frozenset[str] = en.VERDICT_SPEECH_VERBS
_HE: frozenset[str] = en.PRONOUNS_MASCULINE | en.PRONOUNS_FEMININE
_IT: frozenset[str] = en.PRONOUNS_NEUTER
_BACKGROUND: frozenset[str] = en.BACKGROUND_MARKS
_QUOTE_CHARS = "\"“”«»"


# --------------------------------------------------------------------------- parse helpers


def _subject(tok: Token) -> Token | None:
    """Return the subject of the clause ``tok`` belongs to, climbing through heads."""
    cur = tok
    for _ in range(12):
        for child in cur.children:
            if child.dep_ in ("nsubj", "nsubjpass", "csubj"):
                return child
        if cur.dep_ in ("relcl", "acl") and cur.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return cur.head
        if cur.dep_ in ("ccomp", "advcl", "parataxis") or cur.head.i == cur.i:
            if cur.dep_ == "advcl" and not any(c.dep_ == "mark" for c in cur.children):
                cur = cur.head
                continue
            return None
        cur = cur.head
    return None


_STOP_DEPS = ("ccomp", "parataxis", "relcl", "acl", "nsubj", "nsubjpass", "dobj", "appos",
              "compound", "poss", "csubj", "pcomp")


def _path(tok: Token) -> list[Token]:
    """Return ``tok`` and its heads up to the clause that has a subject (inclusive).

    The climb stops where the trigger's phrase becomes an argument of something else (a
    subject, an object, a relative clause), so a negation there does not reach the trigger.
    Heads reached through a coordination are marked by :data:`_CONJ_HOP` lookups.
    """
    out = [tok]
    cur = tok
    for _ in range(12):
        if any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in cur.children):
            break
        if cur.head.i == cur.i or cur.dep_ in _STOP_DEPS:
            break
        if cur.dep_ == "advcl" and any(c.dep_ == "mark" for c in cur.children):
            break
        cur = cur.head
        out.append(cur)
    return out


def _is_passive(tok: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children) or (
        tok.tag_ == "VBN" and not any(c.dep_ in ("aux", "dobj") for c in tok.children)
    )


def _object(tok: Token) -> Token | None:
    for child in tok.children:
        if child.dep_ in ("dobj", "obj"):
            return child
    return None


def _for_object(tok: Token) -> Token | None:
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("for", "to"):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
        if child.dep_ == "poss":
            return child
    if tok.pos_ == "NOUN":
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return obj
    return None


def _find_target(tok: Token, lemma: str) -> Token | None:
    """Return the token that names what a trigger evaluates.

    A sentence framed "For X, <thing> is a disaster" evaluates X when the plain target is a
    common noun (or missing): the verdict is about X's fortunes, not about the thing.
    """
    target = _plain_target(tok, lemma)
    if target is None or (target.pos_ == "NOUN" and not target.text[:1].isupper()):
        if tok.pos_ != "NOUN" or _noun_use_ok(tok):
            framed = _fronted_for(tok)
            if framed is not None:
                return framed
    return target


def _plain_target(tok: Token, lemma: str) -> Token | None:
    """Return the target a trigger's own grammar gives (see :func:`_find_target`)."""
    role = _TRIGGERS[lemma][1]
    target: Token | None = None
    if role == "obj":
        if tok.pos_ == "VERB" and not _is_passive(tok):
            target = _object(tok)
        elif tok.dep_ == "amod":
            target = tok.head
        elif tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN"):
            target = tok.head
        if target is None:
            target = _subject(tok)
    elif role == "mod":
        if tok.dep_ == "amod" and (tok.head.pos_ == "PROPN" or tok.head.lemma_ in _ATTRIBUTES):
            target = tok.head
        elif tok.dep_ == "amod" and tok.i < tok.head.i and not _predicative(tok.head):
            return None  # "strong winds", "a powerful storm": not said of an actor
        elif tok.dep_ in ("oprd", "acomp", "xcomp", "ccomp") and _object(tok.head) is not None:
            target = _object(tok.head)  # "left X more isolated"
        elif tok.dep_ in ("oprd", "acomp", "xcomp", "ccomp") and tok.head.lemma_.lower() in _RESULT_VERBS:
            target = _small_clause_subject(tok)  # "made X stronger", "will leave X weaker"
        if target is None:
            target = _subject(tok)
    elif role == "for":
        if tok.pos_ == "NOUN" and not _noun_use_ok(tok):
            return None
        target = _for_object(tok) or _subject(tok)
    else:
        if tok.pos_ == "NOUN" and not _noun_use_ok(tok):
            return None
        target = None
        if tok.dep_ == "amod" and tok.head.pos_ in ("NOUN", "PROPN"):
            target = tok.head  # "a failed cease-fire": the noun failed, not the clause subject
        elif tok.head.lower_ == "in" and tok.head.head.lemma_.lower() in _RESULT_VERBS:
            target = _object(tok.head.head)  # "left X in trouble"
        if target is None:
            target = _subject(tok)
        if target is None and tok.head.lower_ == "in" and tok.head.head.pos_ in ("NOUN", "PROPN"):
            target = tok.head.head  # a headline: "X in trouble"
    while target is not None and target.dep_ in ("compound", "flat") and target.head.pos_ == "PROPN":
        target = target.head
    if target is not None and target.lemma_.lower() in _ATTRIBUTES:
        owner = next((c for c in target.children if c.dep_ == "poss"), None)
        if owner is not None:
            target = owner
        elif target.lemma_.lower() not in ("government", "movement"):
            target = _subject(target)  # "he seems to be in stronger shape"
            if target is not None and target.lemma_.lower() in _ATTRIBUTES:
                target = None
    return target


def _judgement(tok: Token) -> tuple[Token | None, Token | None] | None:
    """Return (target, judge) when a verb of judging governs a verdict noun or adjective
    (:data:`lang.en.JUDGE_VERBS`), else ``None``.

    "Critics called X a failure", "many consider X a disaster", "they see X as weak": the target
    is the verb's object or the small clause's subject, the judge the verb's subject (in the
    passive, "X was called a failure by critics", the subject is the target and the agent the
    judge). With no object ("they see a disaster"), the target is ``None``: the judge is what
    perceives, not what is judged.
    """
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "as":
        head = head.head
    elif tok.dep_ not in ("oprd", "ccomp", "dobj", "xcomp", "acomp"):
        return None
    if head.pos_ != "VERB" or head.lemma_.lower() not in _JUDGE_VERBS:
        return None
    target = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
    if target is None:
        target = next((c for c in head.children if c.dep_ in ("dobj", "obj") and c.i != tok.i), None)
    if _is_passive(head):
        if target is None:
            target = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
        agent = next((c for c in head.children if c.dep_ == "agent"), None) or next(
            (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "by"), None)  # parsed on the noun
        judge = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        return target, judge
    return target, next((c for c in head.children if c.dep_ == "nsubj"), None)


def _small_clause_subject(tok: Token) -> Token | None:
    """Return the noun a result adjective is said of when the parse hangs it on the adjective.

    "made X stronger" often parses X as the adjective's subject, "leave X weaker" as a
    compound of it.
    """
    for child in tok.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.i < tok.i:
            return child
    names = [c for c in tok.children if c.dep_ in ("compound", "npadvmod") and c.i < tok.i
             and c.pos_ in ("PROPN", "PRON")]
    return names[-1] if names else None


def _fronted_for(tok: Token) -> Token | None:
    """Return X in a sentence framed "For X, <verdict>": the verdict is about X's fortunes.

    Only a fronted "for" phrase (before the clause subject, followed by a comma) whose object
    is a name counts: "For X, the vote was a disaster" judges X, not the vote.
    """
    verb = tok
    for _ in range(8):
        if verb.dep_ in ("ROOT", "ccomp", "parataxis") or verb.head.i == verb.i:
            break
        verb = verb.head
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    for child in verb.children:
        if child.dep_ != "prep" or child.lower_ != "for" or child.i >= verb.i:
            continue
        if subj is not None and child.i > subj.i:
            continue
        obj = next((c for c in child.children if c.dep_ == "pobj"), None)
        if obj is None or not (obj.pos_ in ("PROPN", "PRON") or obj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")):
            continue
        stop = subj.i if subj is not None else verb.i
        if any(t.text == "," for t in tok.doc[child.right_edge.i + 1 : stop + 1]) or (
            child.right_edge.i + 1 < len(tok.doc) and tok.doc[child.right_edge.i + 1].text == ","
        ):
            return obj
    return None


def _predicative(noun: Token) -> bool:
    """Return whether a noun is predicated of a subject ("is a strong leader", "emerged as X")."""
    if noun.dep_ in ("attr", "oprd", "appos"):
        return True
    return noun.dep_ == "pobj" and noun.head.lower_ == "as" and noun.head.head.pos_ in ("VERB", "AUX")


def _headline(sent: SpacySpan) -> bool:
    """Return whether a sentence is set in title case (a headline), where words parse as names."""
    return is_title_case([t.text for t in sent if t.is_alpha])


def _name_part(tok: Token) -> bool:
    return tok.pos_ == "PROPN" and not TITLES_RE.match(tok.text + " ") and tok.text not in ("-", "'s")


def _name_span(tok: Token) -> tuple[int, int]:
    """Return the character range of a name: adjacent proper-noun tokens (titles left out)."""
    doc = tok.doc
    lo = hi = tok.i
    if _name_part(tok) or tok.text == "-":
        while lo > 0 and (_name_part(doc[lo - 1]) or (doc[lo - 1].text == "-" and not doc[lo - 1].whitespace_)):
            lo -= 1
        while hi + 1 < len(doc) and (_name_part(doc[hi + 1]) or (doc[hi + 1].text == "-" and not doc[hi].whitespace_)):
            hi += 1
    while hi > lo and (doc[hi].text == "-" or doc[hi].tag_ == "POS"):
        hi -= 1
    while lo < hi and doc[lo].text == "-":
        lo += 1
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


_NOUN_GOVERNORS: frozenset[str] = en.VERDICT_NOUN_GOVERNORS
_JUDGE_VERBS: frozenset[str] = en.JUDGE_VERBS
_MAX_TARGET_WORDS = 8  # an unnamed target longer than this is shown as its head noun
_OUTCOME_MODALS: frozenset[str] = en.HYPOTHETICAL_MODALS | {"will", "shall", "'ll"}


def _noun_use_ok(tok: Token) -> bool:
    """Return whether an evaluative noun is used predicatively ("was a failure", "in trouble")."""
    if tok.dep_ in ("attr", "oprd", "appos", "ROOT"):
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "as", "into"):
        return True
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in _NOUN_GOVERNORS:
        return True
    if tok.dep_ in ("nsubj", "nsubjpass") and _for_object(tok) is not None:
        return True
    return any(c.dep_ == "prep" and c.lower_ in ("for", "to") for c in tok.children)


_LOCATIVE = frozenset({"in", "at", "near", "from", "outside", "inside"})


def _in_dateline(tok: Token) -> bool:
    """Whether a token is in the wire dateline that opens its sentence ("JABIRU, Australia (AP) _")."""
    sent = tok.sent
    return tok.idx - sent.start_char < dateline_end(sent.text)


def _resolve_pronoun(tok: Token, depth: int = 0) -> SpacySpan | None:
    """Return the named-entity mention a personal pronoun most likely refers to.

    Preference: a subject mention earlier in the same sentence; else, when an earlier sentence
    (up to two back) has a same-class pronoun as subject, what that pronoun refers to; else a
    subject mention in those sentences; else the nearest mention.
    """
    low = tok.lower_
    labels = {"PERSON"} if low in _HE else {"ORG", "GPE"} if low in _IT else set()
    if not labels:
        return None
    doc = tok.doc
    sent = tok.sent
    sents = [sent]
    while len(sents) < 3 and sents[-1].start > 0:
        sents.append(doc[sents[-1].start - 1].sent)
    cls = _HE if low in _HE else _IT

    def subj_like(ent: SpacySpan) -> bool:
        root = ent.root
        return root.dep_ in ("nsubj", "nsubjpass") or (root.dep_ == "poss" and root.head.dep_ in ("nsubj", "nsubjpass"))

    for k, s in enumerate(sents):
        limit = tok.i if k == 0 else s.end
        cands = [e for e in doc.ents if e.label_ in labels and s.start <= e.start and e.end <= limit]
        subjects = [e for e in cands if subj_like(e)]
        if subjects:
            return subjects[-1]
        prons = [t for t in s if t.i < limit and t.i != tok.i and t.lower_ in cls
                 and t.dep_ in ("nsubj", "nsubjpass")]
        if prons:
            return _resolve_pronoun(prons[0], depth + 1) if depth < 6 else None
        if k == 0 and cands:
            if any(t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "NOUN" and t.i < tok.i for t in s):
                return None  # "The production ... in Los Angeles ..., although it didn't win": the noun
            placed = [e for e in cands if not (e.root.dep_ == "pobj" and e.root.head.lower_ in _LOCATIVE)]
            return placed[-1] if placed else None
    return None


def _negated(path: Sequence[Token]) -> bool:
    neg = False
    first = path[0]
    if first.dep_ in ("nsubj", "nsubjpass") and first.pos_ == "NOUN":
        # "the success of X is in doubt", "the failure was not X's": the predicate decides
        pred = [first.head] + [c for c in first.head.children if c.dep_ in ("xcomp", "acomp")]
        path = [*path, *pred]
    for k, tok in enumerate(path):
        if k > 0 and path[k - 1].dep_ == "conj":
            continue  # "is not going away and can't be defeated": each conjunct has its own
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "in" and any(
                g.lemma_ in ("doubt", "question") for g in child.children
            ):
                neg = not neg
            if child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ in en.VERDICT_NEGATING_ADVERBS):
                neg = not neg
            if child.dep_ == "det" and child.lower_ == "no":
                neg = not neg
    return neg


def _hedged(path: list[Token]) -> bool:
    for tok in path:
        if tok.lemma_.lower() in _HEDGES:
            return True
        for child in tok.children:
            if child.lemma_.lower() in _HEDGES and child.dep_ in ("aux", "advmod", "aux:pass"):
                return True
    top = path[-1]
    if top.dep_ in ("acl", "relcl") and top.head.lemma_.lower() in _HEDGES:
        return True  # "a chance X will survive"
    sent = path[0].sent
    return sent[0].lower_ in ("maybe", "perhaps")


def _conditional(path: list[Token]) -> str | None:
    """Return ``"antecedent"`` inside an if-clause (or its inverted form, "Had X won, ..."),
    ``"consequent"`` in its main clause."""
    for tok in path:
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and any(c.dep_ == "aux" and c.lower_ in ("had", "were", "should") and c.i < subj.i
                                    for c in tok.children):
            return "antecedent"  # "Had X won, Y would have known": it did not happen
        marks = [c.lower_ for c in tok.children if c.dep_ == "mark"]
        if tok.dep_ == "advcl" and any(m in _BACKGROUND for m in marks):
            return "antecedent"  # "after X failed to return": background, not a verdict
        if tok.dep_ == "advcl" and "as" not in marks and any(m in ("if", "unless", "whether") for m in marks):
            return "antecedent"
        if any(m == "whether" for m in marks):
            return "antecedent"
    top = path[-1]
    for tok in (top, top.head):
        for child in tok.children:
            if child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in child.children):
                if child.i not in {t.i for t in path}:
                    return "consequent"
    return None


# --------------------------------------------------------------------------- holders


def _in_quotes(text: str, pos: int) -> bool:
    """Return whether ``pos`` lies inside quotation marks within its paragraph."""
    para_start = text.rfind("\n", 0, pos) + 1
    seg = text[para_start:pos]
    opens = seg.count("“") + seg.count("«")
    closes = seg.count("”") + seg.count("»")
    straight = seg.count('"')
    if opens > closes:
        return True
    if straight % 2 == 1:
        return True
    # a paragraph that continues a multi-paragraph quote starts with an opening mark
    return seg.lstrip()[:1] in ("“", '"') and not any(c in seg[1:] for c in "”\"")


def _speech_holder(tok: Token, path: list[Token]) -> Token | None:
    """Return the subject of a speech verb the claim is reported under, if any."""
    top = path[-1]
    cur = top
    for _ in range(6):
        head = cur.head
        if cur.dep_ in ("ccomp", "xcomp", "advcl", "conj") and head.lemma_.lower() in _SPEECH:
            subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None and head.i > 0 and head.doc[head.i - 1].pos_ == "PROPN":
                subj = head.doc[head.i - 1]  # "..., Jane Roe said." parsed without a subject
            if subj is not None:
                return subj
        if head.i == cur.i:
            break
        cur = head
    root = tok.sent.root
    for child in root.children:
        if child.dep_ == "parataxis" and child.lemma_.lower() in _SPEECH:
            subj = next((c for c in child.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                return subj
    return None


def _according_to(tok: Token) -> Token | None:
    for t in tok.sent:
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
            obj = next((c for c in t.doc[t.i + 1].children if c.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return None


def _phrase_span(tok: Token, text: str) -> tuple[int, int]:
    """Return the characters of ``tok``'s phrase; ``text`` is its document's text (``Doc.text``
    joins every token on each access)."""
    doc = tok.doc
    lo, hi = tok.left_edge.i, tok.right_edge.i
    while hi > lo and doc[hi].is_punct:
        hi -= 1
    while lo < hi and doc[lo].is_punct:
        lo += 1
    start = doc[lo].idx
    while start < tok.idx and not text[start].isalnum():
        start += 1
    return start, doc[hi].idx + len(doc[hi].text)


def _speaker_in_sentence(sent: SpacySpan, text: str) -> Token | None:
    for tok in sent:
        if tok.lemma_.lower() in _SPEECH and tok.pos_ == "VERB":
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subj is not None and not _in_quotes(text, subj.idx):
                return subj
    return None


class _Index:
    """Lookups over the whole set, built once: mentions and quotes by article, names by word."""

    def __init__(self, entities: Sequence[Entity], quotes: Sequence[Quote]) -> None:
        self.mentions: dict[str, list[tuple[int, int, Entity]]] = {}
        for e in entities:
            for m in e.mentions:
                self.mentions.setdefault(m.article, []).append((m.start, m.end, e))
        self.quotes: dict[str, list[Quote]] = {}
        for q in quotes:
            self.quotes.setdefault(q.span.article, []).append(q)
        self.use_quotes = bool(quotes)
        self.by_id: dict[str, Entity] = {e.id: e for e in entities}
        self.by_word: dict[str, set[str]] = {}
        for ent in entities:
            for name in (ent.name, *ent.aliases):
                for word in _LAST_WORD.findall(name)[-1:]:
                    self.by_word.setdefault(word.lower(), set()).add(ent.id)


_LAST_WORD = re.compile(r"[^\W\d_][\w'’-]*")


class _Context:
    """Per-article lookups: entity mentions and quotes by position (linear in the article)."""

    def __init__(self, article: Article, doc: Doc, index: _Index):
        self.article = article
        self.doc = doc
        self.mentions = index.mentions.get(article.id, [])
        self.quotes = index.quotes.get(article.id, [])
        self.use_quotes = index.use_quotes
        self.by_id = index.by_id
        self.by_word = index.by_word

    def entity_named(self, word: str) -> Entity | None:
        """Return the one entity whose name or an alias ends in ``word``, if exactly one does."""
        ids = self.by_word.get(word.lower(), set())
        return self.by_id[next(iter(ids))] if len(ids) == 1 else None

    def person_before(self, tok: Token) -> Entity | None:
        """Return the person entity a personal pronoun refers to within its own sentence.

        The last person mentioned earlier in the sentence, preferring one that is the subject
        or the possessor of the subject ("X's visit has left him stronger").
        """
        sent = tok.sent
        found: list[tuple[bool, int, Entity]] = []
        for s, e, ent in self.mentions:
            if sent.start_char <= s and e <= tok.idx and ent.kind == "person":
                span = self.doc.char_span(s, e, alignment_mode="expand")
                root = span.root if span is not None else None
                subj = root is not None and (root.dep_ in ("nsubj", "nsubjpass") or (
                    root.dep_ == "poss" and root.head.dep_ in ("nsubj", "nsubjpass")))
                found.append((subj, s, ent))
        if not found:
            return None
        subjects = [f for f in found if f[0]]
        return max(subjects or found, key=lambda f: f[1])[2]

    def entity_at(self, start: int, end: int) -> Entity | None:
        best = None
        for s, e, ent in self.mentions:
            if s < end and start < e:
                if best is None or (e - s) > (best[1] - best[0]):
                    best = (s, e, ent)
        return best[2] if best else None

    def holder(self, tok: Token, path: list[Token], judge: Token | None = None) -> Holder:
        """Return who holds a verdict: a quote's speaker, a source it is reported under or
        ascribed to ("according to"), the subject of a verb of judging (``judge``), else the outlet."""
        art = self.article
        pos = tok.idx
        if self.use_quotes:
            for q in self.quotes:
                if q.span.start <= pos < q.span.end:
                    sp = q.speaker
                    if sp is None:
                        return Holder("unnamed source", "source")
                    return Holder(sp.name, "source", sp.span, sp.entity)
        quoted = _in_quotes(art.text, pos)
        if not quoted:
            src = judge or _according_to(tok) or _speech_holder(tok, path)
        else:
            src = None if self.use_quotes else _speaker_in_sentence(tok.sent, art.text)
        if src is None and quoted:
            if self.use_quotes:
                return Holder("unnamed source", "source")
            prev = tok.sent
            for _ in range(3):
                if prev.start == 0:
                    break
                prev = self.doc[prev.start - 1].sent
                src = _speaker_in_sentence(prev, art.text)
                if src is not None:
                    break
            if src is None:
                return Holder("unnamed source", "source")
        if src is None:
            return Holder(art.label, "outlet")
        if src.pos_ == "PRON":
            ref = _resolve_pronoun(src)
            if ref is not None:
                ent = self.entity_at(ref.start_char, ref.end_char)
                return Holder(ref.text, "source", art.span(ref.start_char, ref.end_char),
                              ent.id if ent else None)
        start, end = _phrase_span(src, art.text)
        ent = self.entity_at(*_name_span(src))
        return Holder(art.text[start:end], "source", art.span(start, end), ent.id if ent else None)


# --------------------------------------------------------------------------- claims


def _sentence_span(article: Article, sent: SpacySpan) -> tuple[int, int]:
    return strip_range(article.text, sent.start_char, sent.end_char)


def _target_of(ctx: _Context, tok: Token) -> tuple[str, str | None] | None:
    """Return (target name, entity id) for a target token, or None if it names nothing."""
    if tok.pos_ == "PRON":
        near = ctx.person_before(tok) if tok.lower_ in _HE else None
        if near is not None:
            return near.name, near.id
        ref = _resolve_pronoun(tok)
        if ref is None:
            return None
        bare = re.sub(r"['’]s$", "", ref.text)
        ent = ctx.entity_at(ref.start_char, ref.end_char) or ctx.entity_named(bare)
        return (ent.name if ent else bare), (ent.id if ent else None)
    start, end = _name_span(tok)
    ent = ctx.entity_at(start, end)
    if ent is None and tok.pos_ == "PROPN":
        # a name that is no mention (inside a quote, a possessive): the one entity it ends like
        ent = ctx.entity_named(ctx.article.text[start:end].split()[-1])
    if ent is not None:
        return ent.name, ent.id
    if tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return ctx.article.text[start:end], None
    if tok.text[:1].isupper() and tok.is_alpha and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
        # a surname the tagger read as a common noun (often first in a quote): a known entity's
        ent = ctx.entity_named(tok.text)
        if ent is not None:
            return ent.name, ent.id
    return None


def _common_target_name(tok: Token, trigger: Token) -> str:
    """Return an unnamed target as written, with its modifiers and an "of" phrase: "senior
    members of the Harbour administration", "the mayor's plan" -> "mayor's plan" (the trigger and a
    pronoun possessor left out: "their failed attempt" -> "attempt"); the bare noun when the phrase
    is longer than :data:`_MAX_TARGET_WORDS`."""
    left = [c for c in tok.children if c.i < tok.i and c.dep_ in ("amod", "compound", "poss", "nmod", "nummod")
            and c.i != trigger.i and c.pos_ != "PRON"]
    lo = min((c.left_edge.i for c in left), default=tok.i)
    if lo <= trigger.i < tok.i:
        lo = trigger.i + 1
    of = next((c for c in tok.children if c.i > tok.i and c.dep_ == "prep" and c.lower_ == "of"), None)
    hi = of.right_edge.i if of is not None and any(g.dep_ == "pobj" for g in of.children) else tok.i
    doc = tok.doc
    while lo < tok.i and doc[lo].dep_ in ("det", "punct"):
        lo += 1
    if hi - lo + 1 > _MAX_TARGET_WORDS or any(t.is_punct and t.text not in ("-", "'s", "’s") for t in doc[lo:hi + 1]):
        lo = hi = tok.i
    return doc[lo:hi + 1].text


def _question(lemma: str, target_tok: Token, entity: str | None) -> str:
    if lemma in _SUCCESS_TRIGGERS and target_tok.pos_ == "NOUN" and entity is None and not target_tok.text[:1].isupper():
        return SUCCESS
    return STRENGTH


def _failed_action(tok: Token) -> Token | None:
    """The infinitive "fail" or "failure" governs ("failed to check", "a failure to win"): an
    action that did not happen; ``None`` without one.

    Whether that judges the subject depends on the action: a bid that did not attain its end is
    a verdict (:data:`lang.en.ATTAINMENT_VERBS`), an omission is none.
    """
    return next((c for c in tok.children if c.dep_ in ("xcomp", "acl")
                 and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)


def _claims_of_article(ctx: _Context, config: PointsConfig) -> list[Claim]:
    out: list[Claim] = []
    seen: set[tuple[int, str, str]] = set()
    for tok in ctx.doc:
        lemma = tok.lemma_.lower()
        if lemma not in _TRIGGERS:
            lemma = tok.lower_
            if lemma not in _TRIGGERS:
                continue
        comparative_adv = tok.pos_ == "ADV" and tok.tag_ == "RBR" and tok.dep_ in ("oprd", "acomp", "xcomp")
        if tok.pos_ not in ("VERB", "ADJ", "NOUN", "AUX") and not (tok.pos_ == "PROPN" and _headline(tok.sent)) \
                and not (comparative_adv and _TRIGGERS[lemma][1] == "mod"):
            continue
        if tok.pos_ == "ADJ" and any(c.lower_ in ("as", "so", "too") and c.dep_ == "advmod" for c in tok.children):
            continue  # "gusts as strong as 40 mph": a measure, not a verdict
        if lemma in ("strong", "powerful", "weak") and tok.tag_ not in ("JJR", "JJS") and not any(
            c.lower_ in ("more", "most", "less", "least") for c in tok.children
        ) and not any(t.lemma_.lower() in _STATE_VERBS for t in _path(tok)):
            continue
        if tok.dep_ == "pcomp":
            continue  # "accused X of failing": the target is not the clause subject
        action = _failed_action(tok) if lemma in ("fail", "failure") else None
        if action is not None and action.lemma_.lower() not in en.ATTAINMENT_VERBS:
            continue  # "failed to disclose", "a failure to check": an omission, no verdict
        failed_bid = action is not None
        if _TRIGGERS[lemma][1] == "obj" and tok.pos_ == "NOUN":
            continue  # "an evolutionary boost": the verb reading only
        need = _NEEDS.get(lemma)
        if need is not None and not need(tok):
            continue
        sent = tok.sent
        if sent.text.rstrip().endswith("?"):
            continue
        if any(c.lower_ in ("how", "whether") for c in tok.children):
            continue  # "how successful X has been": an open question, not a verdict
        path = _path(tok)
        if tok.pos_ == "VERB" and tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            head = tok.head
            if not (tok.dep_ == "xcomp" and head.lemma_.lower() in _HEDGES | {"be", "likely", "expect"}):
                continue  # "hard for X to win": an infinitive is not an assertion
        cond = _conditional(path)
        if cond == "antecedent":
            continue
        if tok.pos_ == "NOUN" and tok.dep_ in ("nsubj", "nsubjpass") and any(
                c.dep_ == "aux" and c.lower_ in _OUTCOME_MODALS for c in tok.head.children):
            continue  # "the failure of the talks would lead to war": a possible outcome, not one reported
        judged = _judgement(tok) if tok.pos_ in ("NOUN", "ADJ") else None
        target_tok = _find_target(tok, lemma)
        if judged is not None:
            if judged[0] is None and tok.pos_ == "NOUN":
                continue  # "they see a disaster": what the subject perceives, no target
            target_tok = judged[0] or target_tok
        if target_tok is None or _in_dateline(target_tok):
            continue  # the parse takes a dateline's place for the subject
        named = _target_of(ctx, target_tok)
        if named is None:
            if lemma in _SUCCESS_TRIGGERS and target_tok.pos_ == "NOUN" and target_tok.lemma_ not in _ATTRIBUTES:
                named = _common_target_name(target_tok, tok), None
            else:
                continue
        name, ent_id = named
        ent = ctx.by_id.get(ent_id) if ent_id else None
        if lemma == "damage" and ((ent is not None and ent.kind == "place")
                                  or (ent is None and target_tok.ent_type_ in ("GPE", "LOC", "FAC"))):
            continue  # "the villages were badly damaged": harm to a place, no verdict
        is_named = (ent.kind in NAMED_KINDS) if ent is not None else (
            target_tok.pos_ == "PROPN" or target_tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
            or (target_tok.pos_ == "PRON" and ent_id is not None))
        if name.lower().strip() in en.KINSHIP_WORDS:
            is_named = False  # "Dad came out stronger": a family word, not a named entity
        polarity = _TRIGGERS[lemma][0]
        if _negated(path):
            polarity = "negative" if polarity == "positive" else "positive"
        hedged = _hedged(path) or cond == "consequent"
        holder = ctx.holder(tok, path, judged[1] if judged is not None else None)
        start, end = _sentence_span(ctx.article, sent)
        question = _question(lemma, target_tok, ent_id)
        key = (start, ent_id or name.lower(), question)
        if key in seen:
            continue
        seen.add(key)
        target = ent_id or name
        confidence = config.named_verdict_confidence if is_named else 0.5
        if lemma in en.OUTCOME_TRIGGERS:
            confidence *= 0.5  # "X won", "Y lost": an outcome reported, rarely a judgement of standing
        if hedged:
            confidence -= 0.2
        if failed_bid:
            confidence = min(confidence, config.omission_confidence)
        if holder.kind == "source" and holder.name == "unnamed source":
            confidence -= 0.1
        out.append(Claim(target=target, polarity=polarity, holder=holder,
                         span=ctx.article.span(start, end), question=question, hedged=hedged,
                         target_name=name, named=is_named, confidence=round(confidence, 2)))
    return out


def extract_claims(
    articles: Sequence[Article],
    docs: Mapping[str, Doc],
    entities: Sequence[Entity] = (),
    quotes: Sequence[Quote] = (),
    *,
    config: PointsConfig | None = None,
) -> list[Claim]:
    """Return the evaluative statements about entities made in the articles.

    Args:
        articles: the articles.
        docs: spaCy parses by article id.
        entities: resolved entities; a claim whose target matches a mention targets its id.
        quotes: extracted quotes; a claim inside a quote is held by its speaker. Without them
            quotation marks and reporting verbs in the sentence are used.
        config: thresholds (defaults: :class:`PointsConfig`); claims read ``omission_confidence``.

    Returns:
        Claims in article and text order. ``question`` is ``"stronger or weaker"`` (or
        ``"success or failure"`` for undertakings), ``target_name`` the target as written,
        ``named`` whether it is a named entity; ``span`` is the sentence.

    Raises:
        KeyError: if an article has no parse in ``docs``.
    """
    config = config or PointsConfig()
    out: list[Claim] = []
    index = _Index(entities, quotes)
    for art in articles:
        out.extend(_claims_of_article(_Context(art, docs[art.id], index), config))
    return out


# --------------------------------------------------------------------------- registration

from ...registry import Inputs, Produced, analysis  # noqa: E402


@analysis("claims", requires=("articles", "entities", "quotes"), produces=("claims",), config=PointsConfig)
def claims_component(inputs: Inputs, config: PointsConfig) -> Produced:
    """Evaluative statements about named entities, with their polarity and holder."""
    d = inputs.dossier
    return {"claims": tuple(extract_claims(inputs.articles, inputs.docs, d.entities, d.quotes, config=config))}
