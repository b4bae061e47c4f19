"""Speaker phrases: from a parse token to a name span, a role and a kind."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ...lang import en
from ...lang.en_quotes import TIME_PREPOSITIONS
from .lexicon import DETERMINERS, PRONOUNS, PRONOUNS_PERSON, PRONOUNS_PLURAL
from .marks import covered

_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "conj", "cc"})
_NAME_LABELS = ("PERSON", "ORG", "NORP", "GPE", "FAC", "WORK_OF_ART", "PRODUCT")
_MAX_TOKENS = 16
_HONORIFIC = re.compile(r"(?:^|\s)((?:" + "|".join(map(re.escape, en.NAME_HONORIFICS)) + r")\.?)\s*$")
# Lower-case particles that belong to the surname after them ("al-", "bin", "van der"), less those
# that are also common English words: a phrase is widened over them only inside a name.
NAME_PARTICLES: frozenset[str] = en.NAME_PARTICLES - en.PARTICLES_ALSO_ENGLISH
# Particles that join a surname only with a hyphen ("as-Salim"); as words they are English.
_HYPHEN_PARTICLES: frozenset[str] = NAME_PARTICLES | en.NAME_ARTICLE_FORMS
_JOIN = "-‐‑'’"
_RIGHT_PART = re.compile(r"^[" + _JOIN + r"](?![sS]\b)([A-Za-z\u00C0-\u024F]+)")
_LEFT_PART = re.compile(r"(?:^|(?<=[\s(\[\"“]))([A-Za-z\u00C0-\u024F]+)[" + _JOIN + r"]$")
_LEFT_PARTICLE = re.compile(r"(?:^|(?<=\s))([A-Za-z]+)\s$")
_RIGHT_WORD = re.compile(r"^[" + _JOIN + r"\s]([A-Z\u00C0-\u00DE][\w\u00C0-\u024F]*)")


@dataclass(frozen=True, slots=True)
class Phrase:
    """A speaker phrase found in a parse.

    Attributes:
        start: start of the whole phrase (name and role words).
        end: end of the whole phrase.
        name_start: start of the name within the phrase.
        name_end: end of the name.
        name: the name text (a pronoun or a common noun phrase when no name is given).
        role: role or affiliation words of the phrase ("the Gazette's senior analyst"), if any.
        kind: ``person``, ``group`` (an organisation or people), ``pronoun`` or ``other``.
    """

    start: int
    end: int
    name_start: int
    name_end: int
    name: str
    role: str | None
    kind: str

    @property
    def pronoun(self) -> str | None:
        """The pronoun in lower case when the phrase is one, else ``None``."""
        return self.name.lower() if self.kind == "pronoun" else None

    @property
    def person_like(self) -> bool:
        """True when the phrase names (or may name) a single person."""
        return self.kind == "person"


def _inside(idx: int, ranges: list[tuple[int, int]]) -> bool:
    return covered(idx, ranges)


def _when(tok: Token) -> bool:
    """Whether ``tok`` is a time modifier: a preposition whose object is a date or a time ("on
    Thursday", "in March"), or a date or time noun itself ("groups Thursday")."""
    if tok.dep_ == "prep" and tok.lower_ in TIME_PREPOSITIONS:
        objs = [c for c in tok.children if c.dep_ == "pobj"]
        return bool(objs) and all(o.ent_type_ in ("DATE", "TIME") for o in objs)
    return tok.dep_ == "npadvmod" and tok.ent_type_ in ("DATE", "TIME")


def phrase_tokens(head: Token, blocked: list[tuple[int, int]]) -> list[Token]:
    """Return the contiguous tokens of the noun phrase headed by ``head``.

    Clauses (relative clauses, conjuncts) and tokens inside ``blocked`` character ranges
    (quotes) are left out; the phrase is the longest contiguous run around the head.
    """
    keep: set[int] = {head.i}

    def visit(tok: Token) -> None:
        for child in tok.children:
            if child.dep_ in _CLAUSE_DEPS:
                continue
            if _inside(child.idx, blocked):
                continue
            if child.i > head.i and _when(child):
                # "Environmental groups on Thursday accused ...": the parse hung the verb's time
                # on the subject; it is no part of who speaks
                continue
            keep.add(child.i)
            visit(child)

    visit(head)
    lo = hi = head.i
    while lo - 1 in keep and head.i - (lo - 1) < _MAX_TOKENS:
        lo -= 1
    while hi + 1 in keep and (hi + 1) - head.i < _MAX_TOKENS:
        hi += 1
    doc = head.doc
    toks = [doc[i] for i in range(lo, hi + 1)]
    # trim punctuation at the edges, never the head itself (tokens are compared by index:
    # ``doc[i]`` makes a new Token object each time, so ``is`` would never match the head)
    while len(toks) > 1 and (toks[0].is_punct or toks[0].is_space) and toks[0].i != head.i:
        toks.pop(0)
    while len(toks) > 1 and (toks[-1].is_punct or toks[-1].is_space) and toks[-1].i != head.i:
        toks.pop()
    # cut at a dash or opening parenthesis that starts an aside
    for j, tok in enumerate(toks):
        if tok.i > head.i and tok.text in {"—", "–", "--", "(", "-"} and j > 0:
            toks = toks[:j]
            break
    return toks


def whole_name(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a name span so that joined and particle surnames stay whole.

    "al" → "al-Rashidi", "Jones" → "Smith-Jones", "Neill" → "O'Neill", "Linden" → "van der
    Linden", "bin" → "bin Faris": hyphen and apostrophe joins are followed on both sides (not a
    possessive "'s"), lower-case name particles before the name are taken in, and a span that
    ends in a particle takes the capitalised word after it.

    Args:
        text: the article text.
        start: name start.
        end: name end.

    Returns:
        The widened ``(start, end)``; the input when there is nothing to add.
    """
    if start >= end:
        return start, end
    for _ in range(4):
        changed = False
        m = _RIGHT_PART.match(text[end : end + 40])
        last = re.findall(r"[A-Za-z\u00C0-\u024F]+$", text[start:end])
        if m and (m.group(1)[:1].isupper() or (last and last[0].lower() in _HYPHEN_PARTICLES)):
            end += m.end()
            changed = True
        elif last and last[0].lower() in NAME_PARTICLES:
            m = _RIGHT_WORD.match(text[end : end + 40])
            if m:
                end += m.end()
                changed = True
        first = re.match(r"[A-Za-z\u00C0-\u024F]", text[start:end])
        m = _LEFT_PART.search(text[max(0, start - 30) : start])
        if m and first is not None and (m.group(1)[:1].isupper() or m.group(1).lower() in _HYPHEN_PARTICLES):
            start -= len(m.group(0))
            changed = True
        else:
            m = _LEFT_PARTICLE.search(text[max(0, start - 30) : start])
            lead = re.match(r"[A-Za-z]+", text[start:end])
            if m and m.group(1) in NAME_PARTICLES and (
                text[start:start + 1].isupper() or (lead is not None and lead.group(0) in NAME_PARTICLES)
            ):
                start -= len(m.group(0))
                changed = True
        if not changed:
            break
    return start, end


def _clean_role(text: str) -> str | None:
    text = re.sub(r"\s+", " ", text).strip(" ,;:-—–()")
    text = re.sub(r"^(?:of|from|at|for|the)\s+", "", text, flags=re.I).strip()
    text = re.sub(r"[’']s$", "", text).strip(" ,")
    words = text.split()
    if not words or all(w.lower() in DETERMINERS for w in words) or not any(c.isalnum() for c in text):
        return None
    return text


def _ents_within(doc: Doc, lo: int, hi: int) -> list[Span]:
    """The named entities lying wholly inside tokens ``lo:hi`` (read from the tokens' entity tags:
    ``doc.ents`` builds every entity of the document on each access, too slow to call per phrase)."""
    out: list[Span] = []
    i = lo
    while i < hi:
        tok = doc[i]
        # an entity may begin before the window on a token the window trims ("— Ann Lee": the
        # tagger took the dash into the name): its part inside counts
        if tok.ent_iob_ == "B" or (i == lo and tok.ent_iob_ == "I"):
            j = i + 1
            while j < len(doc) and doc[j].ent_iob_ == "I":
                j += 1
            if j <= hi:
                out.append(Span(doc, i, j, label=tok.ent_type_))
            i = j
            continue
        i += 1
    return out


def _local_text(doc: Doc, lo: int, hi: int, pad: int = 24) -> str:
    """The document text around tokens ``lo:hi``, at its true offsets (blank before the window).

    ``doc.text`` joins every token of the document on each access; a phrase only looks a few
    words around itself, so this builds the text of ``pad`` tokens each side instead.
    """
    a, b = max(0, lo - pad), min(len(doc), hi + pad)
    window = doc[a:b]
    return " " * window.start_char + window.text


def _in_modifier(ent: Span, head: Token) -> bool:
    """Whether a name lies in a "to"/"for" modifier of ``head`` ("advisers to Mr. Obama", "a
    spokeswoman for Ann Lee"), or in one of an adjective of the head ("someone close to Ann Lee"):
    the head speaks for (or about) that person. An author after "by", "of" or
    "from" ("an analysis by Ann Lee", "footage of Ann Lee") is the one whose words they are."""
    if ent.start <= head.i < ent.end:
        return False
    tok = ent.root
    for _ in range(8):
        if tok.i == head.i or tok.head.i == tok.i:
            return False
        if tok.dep_ == "pobj" and tok.head.lower_ in ("to", "for") and tok.head.head.i == head.i:
            return True
        # the name qualifies an adjective of the head: "someone close to Ann Lee", "a source
        # familiar with Lee's thinking" speak about her, not for her
        prep = tok.head
        if (tok.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.pos_ == "ADJ"
                and prep.head.dep_ == "amod" and prep.head.head.i == head.i):
            return True
        tok = tok.head
    return False


def _owner_of(ent: Span, head: Token) -> bool:
    """Whether a name is the possessor of a common-noun head that is no document ("Lee's
    mother", "Lee's campaign"; not "Lee's statement", "Lee's Twitter account")."""
    if head.pos_ != "NOUN" or ent.start <= head.i < ent.end:
        return False
    root = ent.root
    if root.head.i != head.i:
        return False
    if root.dep_ == "poss":
        return head.lemma_.lower() not in _OWNED
    # "her Twitter account": the possessive owns the source; the name before it is its kind
    return root.dep_ == "compound" and head.lemma_.lower() in _OWNED and any(
        c.dep_ == "poss" and c.tag_ == "PRP$" for c in head.children)


_OWNED = en.DOCUMENT_NOUNS | en.OWNED_SOURCE_NOUNS
_GLUED = re.compile(r"[^\s]*?[a-z0-9][.!?][\"”’']?(?=[A-Z][a-z])")
_CAPS_WORD = re.compile(r"[A-Z][A-Z'’&\-]+")
_HEADING = re.compile(r"((?:[A-Z][A-Z'’&\-]+[ \t]+)+)(?=[A-Z]?[a-z])")


def _heading_end(text: str, start: int, end: int) -> int:
    """Where the name starts after an all-caps heading that opens its line ("HARBOUR WATCH
    Fishermen" → "Fishermen"), else 0. A heading is two or more all-caps words, one of four
    letters or more, from the start of the line; one acronym ("NASA officials") is no heading."""
    line = text.rfind("\n", 0, start) + 1
    if start - line > 60:
        return 0
    m = _HEADING.match(text, line)
    if m is None or not start <= m.end() < end:
        return 0
    caps = _CAPS_WORD.findall(m.group(1))
    if len(caps) < 2 or max(len(w) for w in caps) < 4:
        return 0
    return m.end()

_CREDIT = re.compile(r"(?:" + "|".join(map(re.escape, en.PHOTO_CREDITS)) + r")[ \t]+(?=[A-Z])")
_ROLE_WORDS = en.NATIONALITY_WORDS | en.ENTITY_PERSON_ROLE_NOUNS


_TITLES = en.ENTITY_PORTFOLIO_TITLES
_TITLE_TOKENS = frozenset(w.rstrip(".").lower() for w in en.ENTITY_TITLE_WORDS)


def _titled_person(doc: Doc, name_span: tuple[int, int]) -> tuple[int, int] | None:
    """The name of the person a capitalised title names when the name follows the title's office
    ("U.S. Attorney for the District of Columbia Ann B. Lee", "Police Chief of Norwick Ann Lee"):
    a run of two or more proper nouns, tagged a person or untagged, right after the office's
    name, with only the office's words (prepositions, determiners, proper nouns) between. A
    person after a preposition is the one the title serves ("a spokeswoman for Ann Lee"), one
    after another title is that title's ("for Gov. Ann Lee")."""
    title = doc.char_span(*name_span, alignment_mode="expand")
    if title is None or not len(title) or title[-1].lower_.rstrip(".") not in _TITLES:
        return None
    if not all(t.text[:1].isupper() for t in title if t.is_alpha):
        return None
    if title.end >= len(doc) or doc[title.end].lower_ not in ("for", "of", "at"):
        return None
    stop = min(title.sent.end, title.end + 14)
    for i in range(title.end + 2, stop):
        tok, prev = doc[i], doc[i - 1]
        if tok.pos_ not in ("ADP", "DET", "PROPN"):
            return None
        starts = tok.pos_ == "PROPN" and (
            (tok.ent_iob_ == "B" and tok.ent_type_ == "PERSON")
            or (tok.ent_iob_ == "O" and prev.ent_iob_ in ("B", "I") and prev.ent_type_ != "PERSON"))
        if not starts or prev.pos_ != "PROPN" or prev.lower_.rstrip(".") in _TITLE_TOKENS:
            continue
        j = i
        while j + 1 < stop and doc[j + 1].pos_ == "PROPN" and doc[j + 1].ent_type_ in ("", "PERSON"):
            j += 1
        if j == i or not all(doc[k].text[:1].isupper() for k in range(i, j + 1)):
            return None
        return tok.idx, doc[j].idx + len(doc[j].text)
    return None


def _after_abbreviated_title(doc: Doc, name_span: tuple[int, int]) -> tuple[int, int] | None:
    """The name after an abbreviated title that ends the name found ("said LAPD Det. Chris Lee":
    the tagger ends a sentence at "Det." and gives the title alone as the subject): the run of
    capitalised proper nouns right after the title's full stop, or ``None``."""
    span = doc.char_span(*name_span, alignment_mode="expand")
    if span is None or not len(span) or span.end + 1 >= len(doc):
        return None
    last = span[-1]
    if last.lower_.rstrip(".") not in en.TITLE_ABBREVIATIONS:
        return None
    i = span.end
    if not last.text.endswith("."):
        if doc[i].text != "." or doc[i].idx != last.idx + len(last.text):
            return None  # "Gov" with no stop: a word, not an abbreviation
        i += 1
    j = i
    while j < len(doc) and j - i < 4 and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper():
        j += 1
    if j - i < 1 or (j - i == 1 and doc[i].ent_type_ != "PERSON"):
        return None
    return doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)


def _credit_end(text: str, start: int, end: int) -> int:
    """Where the name starts after a photo credit that ends the caption before it ("The hull of a
    ferry. AP Nordic Rail" → "Nordic Rail"), else 0: the credit opens the name, the text before it
    ends a sentence or a line, and a capitalised word follows it inside the name."""
    m = _CREDIT.match(text, start, end)
    if m is None or m.end() >= end:
        return 0
    before = text[:start].rstrip(" \t")
    if before and before[-1] not in ".!?)\n":
        return 0
    return m.end()


def _role_words_end(text: str, start: int, end: int) -> int:
    """Where a person's name starts after the nationality or role words glued before it
    ("Norwegian Kari Dahl", "Rapper Jon Lee"), else 0. Two capitalised words must remain (a first
    name and a surname): "Star Jones" or "Judge Judy" is a name."""
    words = list(re.finditer(r"\S+", text[start:end]))
    i = 0
    while i < len(words) and words[i].group(0).lower() in _ROLE_WORDS:
        i += 1
    rest = [w.group(0) for w in words[i:]]
    if i == 0 or len(rest) < 2 or not all(w[:1].isupper() for w in rest):
        return 0
    return start + words[i].start()

_FLOATING = re.compile(r"\s+(?:all|both|each|themselves|alike)$", re.I)


def _whole_org(head: Token, toks: list[Token]) -> list[Token]:
    """The phrase's tokens widened to the whole organisation name holding the head when the name
    holds a conjunction ("Ways and Means says", "The House Ways and Means Committee said": the
    parse makes "Means" a conjunct, which a phrase leaves out). Two people ("Ann and Bo Lee")
    stay cut: only an organisation's name."""
    doc = head.doc
    if head.ent_type_ != "ORG":
        return toks
    lo = head.i
    while lo > 0 and doc[lo].ent_iob_ == "I" and head.i - lo < 8:
        lo -= 1
    hi = head.i + 1
    while hi < len(doc) and doc[hi].ent_iob_ == "I" and hi - head.i < 8:
        hi += 1
    if not any(t.lower_ in ("and", "&") for t in doc[lo:hi]):
        return toks
    first, last = min(lo, toks[0].i), max(hi - 1, toks[-1].i)
    return list(doc[first : last + 1])


def _name_with_s(head: Token) -> int | None:
    """The end of a name's own "'s" when the name is the speaker itself ("McDonald's describes",
    "Macy's said": the "'s" hangs on the head, with no noun it would possess), else ``None``."""
    doc = head.doc
    if head.pos_ != "PROPN" or head.i + 1 >= len(doc) or head.dep_ not in ("nsubj", "nsubjpass", "pobj", "appos"):
        return None
    nxt = doc[head.i + 1]
    if nxt.tag_ != "POS" or nxt.head.i != head.i or nxt.lower_ not in ("'s", "’s") or nxt.idx != head.idx + len(head.text):
        return None
    return nxt.idx + len(nxt.text)


def make_phrase(head: Token, blocked: list[tuple[int, int]]) -> Phrase:
    """Build the speaker :class:`Phrase` whose head is ``head``.

    The name is the person entity in the phrase (the one containing the head when there are
    several), else another named entity containing the head, else the run of proper nouns
    around the head, else the whole phrase without its determiner.
    """
    doc: Doc = head.doc
    toks = phrase_tokens(head, blocked)
    p_start = toks[0].idx
    p_end = toks[-1].idx + len(toks[-1].text)
    low = head.text.lower()
    if (low in PRONOUNS and head.pos_ == "PRON") or (head.tag_ in ("WDT", "WP") and head.head.dep_ == "relcl"):
        # a relative pronoun ("X, who said ...") stays one here; resolve() finds its antecedent
        return Phrase(head.idx, head.idx + len(head.text), head.idx, head.idx + len(head.text),
                      head.text, None, "pronoun")
    toks = _whole_org(head, toks)
    if toks[-1].i == head.i and head.i + 1 < len(doc):
        nxt = doc[head.i + 1]
        if (nxt.dep_ == "acl" and nxt.head.i == head.i and nxt.lower_ in en.DOCUMENT_NOUNS
                and all(c.is_punct for c in nxt.children)):
            # "The ingredients listing says": the tagger took the document for a participle
            # of the noun before it; the listing speaks, not the ingredients
            toks = [*toks, nxt]
            p_end = nxt.idx + len(nxt.text)
    ents = _ents_within(doc, toks[0].i, toks[-1].i + 1)
    name_span: tuple[int, int] | None = None
    kind = "other"
    # a person named in a modifier of the head is not the speaker: "advisers to Mr. Obama" are
    # the advisers (the person's tokens reach the head through a preposition)
    # nor is the owner of a person or body described ("Lee's mother said", "Lee's lawyer"): a
    # document the person owns speaks for them ("Lee's statement"), someone close to them does not
    # nor a name that only qualifies a common noun ("the Kennedy family", "members of the Kennedy
    # family", "the Obama administration"): the family or the administration speaks
    persons = [e for e in ents if e.label_ == "PERSON" and not _in_modifier(e, head) and not _owner_of(e, head)
               and not (e.root.dep_ == "compound" and e.root.head.pos_ == "NOUN" and not e.start <= head.i < e.end)]
    # a name in a prepositional modifier of another name is not the one meant ("Bill Taylor of
    # Zuckerman Spaeder": the tagger often takes a firm for a person)
    persons = [e for e in persons if not (
        e.root.dep_ == "pobj" and e.root.head.dep_ == "prep"
        and any(o.start <= e.root.head.head.i < o.end for o in persons if o is not e))] or persons
    if persons:
        chosen = next((e for e in persons if e.start <= head.i < e.end), persons[-1])
        name_span, kind = (chosen.start_char, chosen.end_char), "person"
    else:
        for e in ents:
            if e.label_ in _NAME_LABELS and e.start <= head.i < e.end:
                name_span = (e.start_char, e.end_char)
                kind = "person" if head.pos_ == "PROPN" and e.label_ not in ("ORG", "NORP", "GPE") else "group"
                break
    if name_span is None and head.pos_ == "PROPN":
        lo = hi = head.i
        while lo - 1 >= toks[0].i and doc[lo - 1].pos_ == "PROPN":
            lo -= 1
        while hi + 1 <= toks[-1].i and doc[hi + 1].pos_ == "PROPN":
            hi += 1
        name_span = (doc[lo].idx, doc[hi].idx + len(doc[hi].text))
        kind = "person"
    if name_span is None:
        start_tok = 0
        # drop articles and demonstratives, keep possessives: "its own report", "their lawyers"
        while start_tok < len(toks) - 1 and toks[start_tok].lower_ in DETERMINERS and toks[start_tok].tag_ != "PRP$":
            start_tok += 1
        name_span = (toks[start_tok].idx, p_end)
        kind = "group" if head.tag_ in ("NNS", "NNPS") else "other"
    titled = _titled_person(doc, name_span) if name_span is not None else None
    if titled is not None:
        # "said U.S. Attorney for the District of Columbia Ann Lee": the title's holder speaks
        name_span, kind = titled, "person"
        p_end = max(p_end, titled[1])
    ranked = _after_abbreviated_title(doc, name_span)
    if ranked is not None:
        # "said LAPD Det. Chris Lee": the holder of the abbreviated title speaks
        name_span, kind = ranked, "person"
        p_end = max(p_end, ranked[1])
    text = _local_text(doc, toks[0].i, toks[-1].i + 1)
    # "the Gazette's Ann Lee": the name is what follows the last possessive; a description
    # keeps its possessor ("the state's attorney's office", "the victim's husband")
    inner = [t for t in toks if name_span[0] <= t.idx < name_span[1] and t.tag_ == "POS"]
    if inner and inner[-1].i < head.i and (head.pos_ == "PROPN" or kind == "person"):
        cut = inner[-1].idx + len(inner[-1].text)
        while cut < name_span[1] and text[cut].isspace():
            cut += 1
        name_span = (cut, max(cut, name_span[1]))
        if head.pos_ == "PROPN":
            kind = "person"
    if kind in ("person", "other", "group") and head.pos_ == "PROPN":
        name_span = whole_name(text, *name_span)
        p_start, p_end = min(p_start, name_span[0]), max(p_end, name_span[1])
    own_s = _name_with_s(head)
    if own_s is not None:
        name_span = (name_span[0], max(name_span[1], own_s))
    name = text[name_span[0] : name_span[1]]
    # strip a trailing possessive from the name ("Lee's"), not the "'s" of a name that is one
    # ("McDonald's said")
    m = re.search(r"[’']s?$", name)
    if m and m.start() > 0 and own_s is None:
        name_span = (name_span[0], name_span[0] + m.start())
        name = text[name_span[0] : name_span[1]]
    # leading punctuation glued to a token ("….Many")
    while name_span[0] < name_span[1] and not text[name_span[0]].isalnum():
        name_span = (name_span[0] + 1, name_span[1])
    # an honorific right before the name belongs to it ("Mr. Lane")
    m = _HONORIFIC.search(text[p_start : name_span[0]])
    if m and kind == "person":
        name_span = (p_start + m.start(1), name_span[1])
    name = text[name_span[0] : name_span[1]]
    # a floating quantifier after the head is not part of the name ("Palestinian sources all agreed")
    m = _FLOATING.search(name)
    if m and m.start() > 0 and kind != "person":
        name_span = (name_span[0], name_span[0] + m.start())
        name = text[name_span[0] : name_span[1]]
    m = _GLUED.match(text, name_span[0], name_span[1])
    if m:
        # "2014.City leaders": the end of the sentence before, glued on with no space
        name_span = (m.end(), name_span[1])
        p_start = max(p_start, m.end())
        name = text[name_span[0] : name_span[1]]
    cut = _heading_end(text, name_span[0], name_span[1]) or _credit_end(text, name_span[0], name_span[1])
    if cut:
        # "CHINA CURRENCY BILL Senators said": a newsletter heading glued to the subject; "... of a
        # ferry. AP Nordic Rail said": a picture's credit glued to the name opening the next sentence
        name_span = (cut, name_span[1])
        p_start = max(p_start, cut)
        name = text[name_span[0] : name_span[1]]
    if kind == "person":
        cut = _role_words_end(text, name_span[0], name_span[1])
        if cut:
            # "Norwegian Kari Dahl", "Rapper Jon Lee": a nationality or role the tagger took into
            # the name; it stays in the phrase as the role
            name_span = (cut, name_span[1])
            name = text[name_span[0] : name_span[1]]
    parts = [_clean_role(text[p_start : name_span[0]]), _clean_role(text[name_span[1] : p_end])]
    role = ", ".join(p for p in parts if p) or None
    if kind == "other" and name.lower() in PRONOUNS_PERSON | PRONOUNS_PLURAL:
        kind = "pronoun"
    return Phrase(p_start, p_end, name_span[0], name_span[1], name, role, kind)


def compatible(pronoun: str, phrase: Phrase) -> bool:
    """Tell whether a pronoun can refer back to the speaker ``phrase``."""
    if phrase.kind == "pronoun":
        return False
    if pronoun in PRONOUNS_PERSON:
        return phrase.kind == "person"
    if pronoun in PRONOUNS_PLURAL:
        return phrase.kind in ("group", "other")
    if pronoun == "it":
        return phrase.kind in ("group", "other")
    return False
