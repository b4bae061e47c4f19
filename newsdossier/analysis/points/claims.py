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
from .common import NAMED_KINDS, STRENGTH, SUCCESS, PointsConfig
from .verdict_grammar import (  # the grammar helpers and the word lists they share
    _ATTRIBUTES,
    _HE,
    _HEDGES,
    _TRIGGERS,
    _according_to,
    _conditional,
    _find_target,
    _headline,
    _hedged,
    _in_dateline,
    _in_quotes,
    _is_passive,
    _judgement,
    _name_span,
    _negated,
    _object,
    _path,
    _phrase_span,
    _resolve_pronoun,
    _speaker_in_sentence,
    _speech_holder,
    _subject,
)

__all__ = ["extract_claims", "STRENGTH", "SUCCESS"]


_SUCCESS_TRIGGERS: frozenset[str] = en.SUCCESS_TRIGGERS


def _subject_lemma(tok: Token) -> str:
    subj = _subject(tok)
    return subj.lemma_.lower() if subj is not None else ""


def _lost_control_ok(obj: Token) -> bool:
    """Whether a lost ``obj`` ('control' or another :data:`lang.en.LOSABLE` noun) judges a loser:
    'lost control of the Senate' does, 'lost control of his plane' or 'losing bladder control'
    (an accident, a symptom) does not. Nouns other than 'control' pass."""
    if obj.lemma_.lower() != "control":
        return True
    of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    what = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if what is None or any(c.dep_ == "poss" for c in what.children):
        return False  # "lost control", "lost control of his car": no body governed
    return what.pos_ == "PROPN" or what.ent_type_ in ("ORG", "GPE", "NORP") \
        or what.lemma_.lower() in en.CONTROLLED_BODIES


def _failed_judges(obj: Token | None) -> bool:
    """Whether "fail" with this object (or none) is a verdict: "the plan failed", "he failed his
    voters" judge; a failed test ("failed the bar examination", "failed a drug test",
    :data:`lang.en.FAILED_TESTS`) reports an event, no verdict."""
    return obj is None or obj.lemma_.lower() not in en.FAILED_TESTS


def _survived_ok(obj: Token | None) -> bool:
    """Whether what was survived judges the survivor: "survived a vote", not "survived the crash"
    or "one winter on the run" or "a car-bomb attempt on his life" (:data:`lang.en.SURVIVAL_NOT_VERDICT`,
    also among the object's modifiers), nor "survived" alone."""
    if obj is None:
        return False
    words = {obj.lemma_.lower()} | {c.lemma_.lower() for c in obj.children if c.dep_ in ("compound", "amod", "nmod")}
    if obj.lemma_.lower() == "attempt" and any(c.dep_ == "prep" and c.lower_ == "on" for c in obj.children):
        return False  # "an attempt on his life"
    return not words & en.SURVIVAL_NOT_VERDICT


# a trigger word only counts in these uses
_NEEDS = {
    "blow": lambda t: any(c.lower_ in ("to", "for") for c in t.children),
    "work": lambda t: t.tag_ in ("VBG", "VBD", "VBZ") and t.dep_ != "amod"  # "working people": no verdict
    and not any(c.dep_ in ("dobj", "prep") for c in t.children) and _subject_lemma(t) in _UNDERTAKINGS,
    "lose": lambda t: not any(c.dep_ == "dobj" and (c.lemma_ not in _LOSABLE or not _lost_control_ok(c))
                              for c in t.children)
    and not _is_passive(t) and t.dep_ != "amod",
    "win": lambda t: not any(c.dep_ == "dobj" and c.lemma_ not in _WINNABLE for c in t.children),
    "trouble": lambda t: t.head.lower_ == "in",
    "damage": lambda t: t.pos_ == "VERB" and t.dep_ != "amod"  # "quake-damaged X": harm to a thing
    and not (_is_passive(t) and any(c.dep_ == "advmod" and c.lower_ in en.PHYSICAL_HARM_ADVERBS
                                    for c in t.children)),  # "were badly damaged": harm, not a verdict
    "failure": lambda t: not any(c.dep_ in ("amod", "compound") and c.lower_ in en.FAILURE_TERM_MODIFIERS
                                 for c in t.children),  # "respiratory failure": a medical term
    "survive": lambda t: t.pos_ == "VERB" and _survived_ok(_object(t)),
    "fail": lambda t: _failed_judges(_object(t)),
    "strong": lambda t: t.dep_ in ("acomp", "attr", "amod", "oprd", "advcl", "xcomp", "conj", "ccomp"),
    "winner": lambda t: t.dep_ in ("attr", "oprd", "appos", "ROOT") and not any(c.dep_ == "compound" for c in t.children),
    "loser": lambda t: t.dep_ in ("attr", "oprd", "appos", "ROOT") and not any(c.dep_ == "compound" for c in t.children),
}
_UNDERTAKINGS: frozenset[str] = en.UNDERTAKINGS
# plain "strong", "powerful", "weak" describe character or things ("a powerful voice"); as
# verdicts they come compared ("stronger", "most powerful") or after these verbs
_STATE_VERBS: frozenset[str] = en.STATE_VERBS
_LOSABLE: frozenset[str] = en.LOSABLE
_WINNABLE: frozenset[str] = en.WINNABLE
_QUOTE_CHARS = "\"“”«»"


_MAX_TARGET_WORDS = 8  # an unnamed target longer than this is shown as its head noun
_OUTCOME_MODALS: frozenset[str] = en.HYPOTHETICAL_MODALS | {"will", "shall", "'ll"}


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
    def infinitive(verb: Token) -> Token | None:
        return next((c for c in verb.children if c.dep_ in ("xcomp", "acl")
                     and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)

    own = infinitive(tok)
    if own is not None:
        return own
    # "failed and refused to answer": the joined verb's infinitive is what failed too
    return next((a for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB"
                 for a in [infinitive(c)] if a is not None), None)


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
