"""People the names-only mentions of :mod:`.coref` cannot see (split off it): a person written
only as a relation or a description ("his father", "one of Anderson's girlfriends"), the relative
the article names ("Demoski's mother" -> "Janice Demoski") and the name a lede's description is
given right after ("A 26-year-old man says ... . Arnold Demoski told reporters ...")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from ...lang.en import ENTITY_PERSON_ROLE_NOUNS
from ...lang.en_quotes import OFFICE_NOUNS
from ..layout import Paragraph
from .lexicon import (
    KIN_NOUNS_FEMININE,
    KIN_NOUNS_MASCULINE,
    NOUNS_FEMININE,
    NOUNS_MASCULINE,
    PERSON_DESCRIPTION_NOUNS,
    PRONOUNS_FEMININE,
    PRONOUNS_MASCULINE,
)
from .narration import HEADLINE_MAX_WORDS, headline
from .phrases import Phrase

if TYPE_CHECKING:
    from .coref import Coref, Mention, Resolution  # noqa: F401

_UNKNOWN = "?"  # coref's key prefix of a referent the article does not name


def described_rival(coref: Coref, head: Token, gender: str, mention: Mention) -> Token | None:
    """The noun of a person the article writes only as a description, when it is the subject of the
    pronoun's sentence before it or of the sentence just before ("And his father warns him
    ... 'You can cry ...,' he said"; "One of Anderson's girlfriends was granted an order
    after she said ..."): the names-only mentions cannot see that referent, so the name
    found is no safer than it. A description the article puts next to the name found
    ("the actress, Ann Lee") is that name, no rival. ``None`` when there is no such rival."""
    sent = coref.sentence(head)
    start = coref.doc[head.sent.start - 1].sent.start if head.sent.start > 0 else 0
    for tok in coref.doc[start : head.i]:
        if tok.dep_ not in ("nsubj", "nsubjpass") or coref._quoted(tok.idx) or tok.ent_type_ not in ("", "CARDINAL"):
            continue
        if coref.sentence(tok) < sent - 1 or tok.head.i == head.head.i:
            continue
        noun = tok
        if tok.lower_ == "one":
            noun = next((o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                         for o in p.children if o.dep_ == "pobj"), tok)
        elif tok.tag_ != "NN":
            continue
        lemma = noun.lemma_.lower()
        if noun.pos_ != "NOUN" or not (lemma in NOUNS_MASCULINE or lemma in NOUNS_FEMININE
                                       or lemma in PERSON_DESCRIPTION_NOUNS):
            continue
        if (gender == "m" and lemma in NOUNS_FEMININE) or (gender == "f" and lemma in NOUNS_MASCULINE):
            continue
        if mention.key in coref.appositions.get(lemma, set()):
            continue
        if any(c.dep_ in ("appos", "compound") and c.pos_ == "PROPN" for c in noun.children):
            continue  # "the judge, Ann Lee": named right there
        if any(m.key == mention.key and 0 < m.ent.start - noun.i <= 8 for m in coref.mentions):
            continue  # "A man who identified himself as Thad L. said": the name is his own
        relational = noun is not tok or any(c.dep_ == "poss" for c in noun.children)
        indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)
        if indefinite and any(t.ent_type_ == "PERSON" or (t.pos_ == "PROPN" and t.i > noun.i) for t in noun.subtree):
            continue  # "a man who identified himself as Thad L.": named in its own words
        if relational or indefinite:
            # ("his father", "one of Anderson's girlfriends", "a neighbour": someone new; "the
            # attorney" refers back to a name, as "the" says)
            return noun
    return None


def relative(coref: Coref, phrase: Phrase, speakers: list[str]) -> Resolution | None:
    """The person a family relation given as speaker stands for ("Demoski's mother said",
    "his father responded"), when the article names them: the one other person of the
    possessor's surname whose gender fits the relation ("Janice Demoski"); ``None`` when the
    possessor is no name of the article, or there is no such person or several."""
    span = coref.doc.char_span(phrase.start, phrase.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    found = relative_mention(coref, span.root, speakers)
    if found is None:
        return None
    from .coref import Resolution  # noqa: PLC0415 (coref imports this module)

    return Resolution(coref._phrase(found), coref.config.sole_referent_confidence, "description")


def relative_mention(coref: Coref, head: Token, speakers: list[str]) -> Mention | None:
    """The mention a family relation noun at ``head`` stands for (see :meth:`relative`)."""
    lemma = head.lemma_.lower()
    gender = "m" if lemma in KIN_NOUNS_MASCULINE else "f" if lemma in KIN_NOUNS_FEMININE else None
    poss = [c for c in head.children if c.dep_ == "poss"]
    if gender is None or head.pos_ != "NOUN" or head.tag_ != "NN" or len(poss) != 1:
        return None
    own = poss[0]
    owner: Mention | None
    if own.tag_ == "PRP$":
        picked = coref._pick(own, speakers)
        owner = picked[0] if picked is not None else None
    else:
        owner = next((m for m in coref.mentions if m.kind == "person" and m.ent.start <= own.i < m.ent.end), None)
    if owner is None:
        return None
    surname = next((t.lower_ for t in reversed(owner.ent) if t.is_alpha), "")
    found = {m.key: m for m in coref.mentions
             if m.kind == "person" and m.key != owner.key and len(m.ent) > 1 and not m.key.startswith(_UNKNOWN)
             and next((t.lower_ for t in reversed(m.ent) if t.is_alpha), "") == surname
             and coref.gender.get(m.key) == gender}
    if len(found) != 1:
        return None
    return next(iter(found.values()))


def introduced(coref: Coref, phrase: Phrase, content: tuple[int, int] | None = None) -> Resolution | None:
    """The name a lede's description is given right after ("A 26-year-old man says he was
    ... . Arnold Demoski told reporters ..."): when an indefinite description of a person is
    the article's first mention of anyone, the first person named after it, as the subject of
    one of the next two sentences, outside what was said, is the one described (news style
    delays the name); ``None`` otherwise."""
    span = coref.doc.char_span(phrase.start, phrase.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    head = span.root
    lemma = head.lemma_.lower()
    # "a man", or "the man who shot ...": a description that introduces its referent
    det = next((c.lower_ for c in head.children if c.dep_ == "det"), span[0].lower_)
    from .coref import _restricted  # noqa: PLC0415

    introduces = det in ("a", "an") or (det == "the" and _restricted(head))
    if head.pos_ != "NOUN" or head.tag_ != "NN" or not introduces:
        return None
    if not (lemma in PERSON_DESCRIPTION_NOUNS or lemma in NOUNS_MASCULINE or lemma in NOUNS_FEMININE):
        return None
    if any(t.pos_ == "PROPN" and t.ent_type_ == "PERSON" for t in span):
        return None
    gender = "m" if lemma in NOUNS_MASCULINE else "f" if lemma in NOUNS_FEMININE else None
    sent = coref.sentence(head)

    def said(m: Mention) -> bool:
        return content is not None and content[0] <= m.ent.start_char < content[1]

    people = [m for m in coref.mentions if m.kind == "person" and not m.key.startswith(_UNKNOWN) and not said(m)
              and not in_heading(coref, m.ent.start_char)]
    if any(m.ent.start < head.i for m in people):
        return None  # someone was named before: the description may be someone new
    after = [m for m in people if m.ent.start > head.i]
    if not after:
        return None
    first = after[0]
    if not first.subject or not 0 < first.sent - sent <= 2:
        return None
    if gender is not None and coref.gender.get(first.key, gender) != gender:
        return None
    if _described_otherwise(first, lemma):
        return None
    from .coref import Resolution  # noqa: PLC0415

    return Resolution(coref._phrase(first), coref.config.sole_referent_confidence, "description")


def _described_otherwise(mention: Mention, lemma: str) -> bool:
    """Whether the description is a role and the person named comes with another role or relation
    of their own ("A spokesman for the port said ... . Ann Lee, a cousin of the driver, said ...":
    the cousin is not the spokesman; "A man says ... . Tom Lee, a mechanic, ..." may be him)."""
    if lemma not in PERSON_DESCRIPTION_NOUNS:
        return False
    return any(c.dep_ == "appos" and c.pos_ == "NOUN" and c.lemma_.lower() != lemma
               and c.lemma_.lower() in ENTITY_PERSON_ROLE_NOUNS for c in mention.ent.root.children)


def in_heading(coref: Coref, pos: int) -> bool:
    """Whether offset ``pos`` is on a headline line (see :func:`.narration.headline`)."""
    text = coref.text
    lo, hi = text.rfind("\n", 0, pos) + 1, text.find("\n", pos)
    hi = hi if hi != -1 else len(text)
    line = text[lo:hi].strip()
    if not line.startswith("[") and len(line.split()) > HEADLINE_MAX_WORDS:
        return False  # a long line is no headline (and the full test is slow on it)
    return headline(text, Paragraph(0, lo, hi))


def forward(coref: Coref, head: Token, content: tuple[int, int] | None = None) -> Resolution | None:
    """The referent of a lede's "she" or "he" that stands for a description no name came before
    ("A Shalimar woman has a warning for them. She says ... . Anne Ziegenhorn says ..."): when
    the subject of the pronoun's sentence or of the one before is an indefinite description of
    a person of the pronoun's gender and no one was named before, the first person named after
    it, as a subject within two sentences and of that gender, outside what was said; else ``None``."""
    gender = {"he": "m", "she": "f"}.get(head.lower_)
    if gender is None:
        return None
    sent = coref.sentence(head)
    start = coref.doc[head.sent.start - 1].sent.start if head.sent.start > 0 else 0
    described = False
    for tok in coref.doc[start : head.i]:
        lemma = tok.lemma_.lower()
        if (tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ == "NOUN" and tok.tag_ == "NN"
                and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children)
                and (lemma in PERSON_DESCRIPTION_NOUNS or lemma in NOUNS_MASCULINE or lemma in NOUNS_FEMININE)
                and not (gender == "m" and lemma in NOUNS_FEMININE) and not (gender == "f" and lemma in NOUNS_MASCULINE)):
            described = True
    if not described:
        return None
    people = [m for m in coref.mentions if m.kind == "person" and not m.key.startswith(_UNKNOWN)
              and not (content is not None and content[0] <= m.ent.start_char < content[1])
              and not in_heading(coref, m.ent.start_char)]
    if any(m.ent.start < head.i for m in people):
        return None
    after = [m for m in people if m.ent.start > head.i]
    if not after or not after[0].subject or not 0 < after[0].sent - sent <= 2 or coref.gender.get(after[0].key) != gender:
        return None
    from .coref import Resolution  # noqa: PLC0415

    return Resolution(coref._phrase(after[0]), coref.config.sole_referent_confidence, "pronoun")


_DESCRIBED = PERSON_DESCRIPTION_NOUNS | OFFICE_NOUNS


def described_before(coref: Coref, head: Token, gender: str, mention: Mention) -> Token | None:
    """A definite description of a person in the sentence before the pronoun's ("... a betrayal by
    the delegate's own staff, and a turnabout from her initial suggestion ... . '...,' she said"),
    followed in that sentence by a pronoun of the speaker's gender, while the name found is not in
    that sentence: the pronouns there continue the description, so the one after them is its
    referent more likely than an earlier name. ``None`` when there is none."""
    if head.sent.start == 0:
        return None
    before = coref.doc[head.sent.start - 1].sent
    own = PRONOUNS_FEMININE if gender == "f" else PRONOUNS_MASCULINE
    last_own = max((t.i for t in before if t.lower_ in own and not coref._quoted(t.idx)), default=-1)
    if last_own < 0:
        return None
    if any(m.key == mention.key and before.start <= m.ent.start < before.end for m in coref.mentions):
        return None
    for tok in coref.doc[before.start : last_own]:
        lemma = tok.lemma_.lower()
        if (tok.pos_ != "NOUN" or tok.tag_ != "NN" or lemma not in _DESCRIBED
                or coref._quoted(tok.idx) or (gender == "m" and lemma in NOUNS_FEMININE)
                or (gender == "f" and lemma in NOUNS_MASCULINE)):
            continue
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            continue
        if any(c.dep_ in ("appos", "compound") and c.pos_ == "PROPN" for c in tok.children):
            continue  # "the judge, Ann Lee": named right there
        return tok
    return None

