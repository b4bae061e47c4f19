"""The grammar of verdicts: targets, negation, hedges, conditionals and holders, read over a
spaCy dependency parse. Helpers of :mod:`.claims` (which holds the triggers' uses and the
extraction); nothing here keeps state.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ...lang import en
from ...nlp import is_title_case
from ..layout import dateline_end
from .common import TITLES_RE

# lemma -> (polarity, role of the target): "subj" the clause subject, "obj" the object of an
# active transitive verb (subject when passive or a participle), "for" the object of to/for
# (else the subject), "mod" the noun the adjective modifies (else the subject).
_TRIGGERS: Mapping[str, tuple[str, str]] = en.VERDICT_TRIGGERS
_RESULT_VERBS: frozenset[str] = en.RESULT_VERBS
# "X's authority weakened": the real target is the possessor of such nouns
_ATTRIBUTES: frozenset[str] = en.STANDING_ATTRIBUTES
_HEDGES: frozenset[str] = en.HEDGES
_SPEECH: frozenset[str] = en.VERDICT_SPEECH_VERBS
_HE: frozenset[str] = en.PRONOUNS_MASCULINE | en.PRONOUNS_FEMININE
_IT: frozenset[str] = en.PRONOUNS_NEUTER
_BACKGROUND: frozenset[str] = en.BACKGROUND_MARKS


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
            args = ("nsubj", "nsubjpass", "dobj") if cls is _IT else ("nsubj", "nsubjpass")
            if any(t.dep_ in args and t.pos_ == "NOUN" and t.i < tok.i for t in s):
                return None  # "The production ... in Los Angeles ..., although it didn't win": the noun;
                # "X introduced a bill in Parliament; it was defeated": "it" may be the thing
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
