"""In-document coreference for speakers: pronouns and descriptions to the entity they refer to.

A light, rule-based resolver over one spaCy parse:

* **mentions** are the person and organisation names of the article outside quotation marks,
  each with its sentence, its syntactic role (subject or not) and a key (a person's last name,
  an organisation's whole name);
* **gender** of a person comes from the article itself: honorifics ("Mr.", "Ms."), gendered role
  nouns next to the name ("actress Ann Lee", "her husband, Bo Lee") and the pronouns of
  sentences where that person is the only one named;
* a **pronoun** ("he", "she", "it", "they") goes to the most salient compatible mention of the
  last few sentences: agreement in gender and number first, then subject role, recency,
  earlier speaker turns and frequency — not proximity alone; when two candidates are close, it
  stays unresolved;
* a **description** ("the governor", "the company", "their lawyer", "the 49-year-old") goes to
  the one name it stands next to in apposition somewhere in the article ("the Kellers' lawyer,
  Keith Hampton"), else to the one salient mention of the right type in the last few sentences.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ...lang.en_quotes import PLATFORM_NAMES
from .config import QuotesConfig
from .coref_people import described_before, described_rival, relative_mention
from .lexicon import (
    DOCUMENT_NOUNS,
    EPITHET_NOUNS,
    GIVEN_NAMES_FEMININE,
    GIVEN_NAMES_MASCULINE,
    HONORIFICS_FEMININE,
    HONORIFICS_MASCULINE,
    ISSUE_VERBS,
    NOUNS_FEMININE,
    NOUNS_MASCULINE,
    ORG_DESCRIPTION_NOUNS,
    OWNED_SOURCE_NOUNS,
    PERSON_DESCRIPTION_NOUNS,
    PRONOUNS_FEMININE,
    PRONOUNS_MASCULINE,
    SPEECH_VERBS,
    VOICE_NOUNS,
)
from .marks import covered
from .phrases import Phrase, make_phrase

_ORG_LABELS = frozenset({"ORG", "NORP"})
_ISSUER_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_HONORIFICS = frozenset(h.rstrip(".") for h in HONORIFICS_MASCULINE | HONORIFICS_FEMININE)
_UNKNOWN = "?"  # key prefix of a referent the article does not name
_AGE = re.compile(r"^\d{1,3}-year-old$")
# role nouns that stand in apposition to a name by position alone ("his fiancee, Ann Lee"); not
# documents ("according to the indictment, Lee ...")
_APPOSITION_NOUNS = NOUNS_MASCULINE | NOUNS_FEMININE | PERSON_DESCRIPTION_NOUNS


@dataclass(frozen=True, slots=True)
class Mention:
    """A name of the article outside quotation marks."""

    ent: Span
    key: str
    kind: str  # "person" or "org"
    sent: int
    subject: bool
    pos: int  # end of the mention in the text (a resolved pronoun: the pronoun's end)


@dataclass(frozen=True, slots=True)
class Resolution:
    """A referent found for a pronoun or a description, and how sure the resolver is."""

    phrase: Phrase
    confidence: float
    link: str  # "pronoun" or "description"


def _key(ent: Span) -> str:
    words = [t.text.lower() for t in ent if t.is_alpha]
    if not words:
        return ent.text.lower()
    return words[-1] if ent.label_ == "PERSON" else " ".join(words)


class Coref:
    """The mentions, genders and appositions of one article, and the resolvers that use them."""

    def __init__(self, doc: Doc, blocked: list[tuple[int, int]], config: QuotesConfig | None = None,
                 speakers: tuple[tuple[int, int], ...] = ()) -> None:
        self.doc = doc
        self.blocked = blocked
        self.config = config or QuotesConfig()
        self.text = doc.text  # (a Doc builds its text anew on every read)
        self._breaks = [m.start() for m in re.finditer("\n", self.text)]
        self._sent_of: dict[int, int] = {}
        for k, sent in enumerate(doc.sents):
            for tok in sent:
                self._sent_of[tok.i] = k
        self.mentions: list[Mention] = []
        for ent in doc.ents:
            if ent.label_ != "PERSON" and ent.label_ not in _ORG_LABELS:
                continue
            if self._quoted(ent.start_char):
                continue
            root = ent.root
            # two person names side by side are two people, and the one next to the verb is its
            # subject: "Through Dr. Quillen, Ruth Pell met ..." parsed as Quillen (nsubj) with
            # Pell in apposition makes Pell the subject, not Quillen
            shadowed = ent.label_ == "PERSON" and root.dep_ in ("nsubj", "nsubjpass") and any(
                c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in root.children)
            self.mentions.append(Mention(
                ent, _key(ent), "person" if ent.label_ == "PERSON" else "org", self._sent_of.get(root.i, 0),
                (root.dep_ in ("nsubj", "nsubjpass") and not shadowed)
                or (root.dep_ in ("poss", "appos") and root.head.dep_ in ("nsubj", "nsubjpass")),
                ent.end_char,
            ))
        self._add_speakers(speakers)
        self._split_shared_surnames()
        self._add_missed_surnames()
        self._merge_given_names()
        self.counts = Counter(m.key for m in self.mentions)
        self.gender = self._genders()
        self.appositions = self._appositions()
        self.issuers = self._issuers()
        self._chain_pronouns()

    def _add_speakers(self, names: tuple[tuple[int, int], ...]) -> None:
        """Speakers' names the tagger missed ("Christos Vasiliades allegedly told ...", no person
        entity on it) are people of the article: mentions, so that a later "he" can reach them.
        ``names`` are the character spans of person names given as speakers next to quotes."""
        covered = {i for m in self.mentions for i in range(m.ent.start, m.ent.end)}
        added = False
        for start, end in names:
            span = self.doc.char_span(start, end, alignment_mode="contract")
            if (span is None or not len(span) or any(t.i in covered for t in span) or self._quoted(start)
                    or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in span)):
                continue
            root = span.root
            self.mentions.append(Mention(span, _key(Span(self.doc, span.start, span.end, label="PERSON")), "person",
                                         self._sent_of.get(root.i, 0), root.dep_ in ("nsubj", "nsubjpass"), span.end_char))
            covered.update(range(span.start, span.end))
            added = True
        if added:
            self.mentions.sort(key=lambda m: m.pos)

    def _split_shared_surnames(self) -> None:
        """Two people of one family ("Marty Balin", "Susan Joy Balin") are two referents: their
        full names become their keys, and the bare surname goes to the one named first (the
        article's subject, whom a bare surname names by newsroom style)."""
        def name_words(m: Mention) -> list[str]:
            return [t.lower_ for t in m.ent if t.is_alpha and t.lower_.rstrip(".") not in _HONORIFICS]

        firsts: dict[str, list[list[str]]] = {}
        for m in self.mentions:
            ws = name_words(m) if m.kind == "person" else []
            if len(ws) > 1 and ws not in firsts.setdefault(m.key, []):
                firsts[m.key].append(ws)
        shared = {k: fulls for k, fulls in firsts.items() if len({f[0] for f in fulls}) > 1}
        if not shared:
            return
        for k, m in enumerate(self.mentions):
            if m.kind != "person" or m.key not in shared:
                continue
            ws = name_words(m)
            given = ws[0] if len(ws) > 1 else shared[m.key][0][0]
            full = next(f for f in shared[m.key] if f[0] == given) if any(f[0] == given for f in shared[m.key]) else ws
            self.mentions[k] = Mention(m.ent, " ".join(full), m.kind, m.sent, m.subject, m.pos)

    def _add_missed_surnames(self) -> None:
        """A person's last name the tagger missed or took for an organisation later in the article
        ("Peter Sung Ohr ... Ohr said", with no entity on the second "Ohr") is still a mention of
        that person: the tagger's misses must not make a later "he" jump to someone else."""
        persons: dict[str, str] = {}  # surname -> key (the first person named with it)
        for m in self.mentions:
            if m.kind == "person" and len(m.ent) > 1 and m.ent[-1].is_alpha:
                persons.setdefault(m.ent[-1].lower_, m.key)
        if not persons:
            return
        covered = {i for m in self.mentions if m.kind == "person" for i in range(m.ent.start, m.ent.end)}
        kept = []
        for m in self.mentions:
            if m.kind == "org" and len(m.ent) == 1 and m.ent[0].lower_ in persons:
                continue  # re-added below as the person
            kept.append(m)
        self.mentions = kept
        keys = set(persons.values())
        first = min((m.ent.start for m in self.mentions if m.key in keys and m.kind == "person"), default=0)
        for tok in self.doc:
            if (tok.i <= first or tok.i in covered or tok.pos_ != "PROPN" or tok.lower_ not in persons
                    or not tok.text[:1].isupper() or self._quoted(tok.idx)
                    or (tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].pos_ == "PROPN")):
                continue
            if tok.ent_type_ and tok.ent_type_ != "PERSON" and tok.ent_type_ not in _ORG_LABELS:
                continue
            subject = tok.dep_ in ("nsubj", "nsubjpass") or (
                tok.dep_ in ("poss", "appos") and tok.head.dep_ in ("nsubj", "nsubjpass"))
            self.mentions.append(Mention(self.doc[tok.i : tok.i + 1], persons[tok.lower_], "person", self._sent_of.get(tok.i, 0),
                                         subject, tok.idx + len(tok.text)))
        self.mentions.sort(key=lambda m: m.pos)

    def _merge_given_names(self) -> None:
        """A one-word name that is the first name of exactly one longer name of the article
        ("Elizabeth" and "Elizabeth Warren") is the same person: give it that person's key."""
        firsts: dict[str, set[str]] = {}
        for m in self.mentions:
            if m.kind == "person" and len(m.ent) > 1:
                firsts.setdefault(m.ent[0].lower_, set()).add(m.key)
        for k, m in enumerate(self.mentions):
            if m.kind == "person" and len(m.ent) == 1 and m.key not in {x.key for x in self.mentions if len(x.ent) > 1}:
                keys = firsts.get(m.ent[0].lower_, set())
                if len(keys) == 1:
                    self.mentions[k] = Mention(m.ent, next(iter(keys)), m.kind, m.sent, m.subject, m.pos)

    def _chain_pronouns(self) -> None:
        """Resolve the subject pronouns of the narration in text order, so that a referent stays
        salient through "He ... He ... he said" (each resolved pronoun becomes a mention)."""

        added: list[Mention] = []
        for tok in self.doc:
            if tok.lower_ not in ("he", "she") or tok.dep_ not in ("nsubj", "nsubjpass") or self._quoted(tok.idx):
                continue
            res = self._pick(tok, [])
            gender = "m" if tok.lower_ == "he" else "f"
            if res is None or res[0].key == _UNKNOWN:
                # someone the article has not named (or not clearly): still the salient one, so
                # that a later "he" does not jump to a name in an object position
                key = _UNKNOWN + gender
                added.append(Mention(self.doc[tok.i : tok.i + 1], key, "person", self.sentence(tok), True,
                                     tok.idx + len(tok.text)))
                self.gender[key] = gender
            else:
                mention = res[0]
                added.append(Mention(mention.ent, mention.key, "person", self.sentence(tok), True,
                                     tok.idx + len(tok.text)))
            self.mentions.append(added[-1])
            self.mentions.sort(key=lambda m: m.pos)
        if added:
            self.mentions.sort(key=lambda m: m.pos)


    # ------------------------------------------------------------------ evidence
    def _quoted(self, pos: int) -> bool:
        return covered(pos, self.blocked)

    def sentence(self, tok: Token) -> int:
        """Index of the sentence holding ``tok``."""
        return self._sent_of.get(tok.i, 0)

    def _genders(self) -> dict[str, str]:
        votes: dict[str, Counter[str]] = {}
        persons_by_sent: dict[int, set[str]] = {}
        for m in self.mentions:
            if m.kind == "person":
                persons_by_sent.setdefault(m.sent, set()).add(m.key)
        sents = list(self.doc.sents)
        for m in self.mentions:
            if m.kind != "person":
                continue
            v = votes.setdefault(m.key, Counter())
            given = m.ent[0].lower_ if len(m.ent) > 1 else ""
            if given in GIVEN_NAMES_MASCULINE:
                v["m"] += 1
            elif given in GIVEN_NAMES_FEMININE:
                v["f"] += 1
            prev = self.doc[m.ent.start - 1] if m.ent.start > 0 else None
            if prev is not None and prev.lower_ in HONORIFICS_MASCULINE:
                v["m"] += 3
            if prev is not None and prev.lower_ in HONORIFICS_FEMININE:
                v["f"] += 3
            for tok in _role_nouns(m.ent):
                if tok.lemma_.lower() in NOUNS_MASCULINE:
                    v["m"] += 2
                elif tok.lemma_.lower() in NOUNS_FEMININE:
                    v["f"] += 2
            if m.ent.root.dep_ not in ("nsubj", "nsubjpass") or persons_by_sent.get(m.sent) != {m.key}:
                continue  # ("Keurig's CEO ... he": the pronoun is the CEO's, not Keurig's)
            # the pronouns of a sentence where this person is the only one named, and of the
            # next sentence when it names no one
            spans = [sents[m.sent]]
            if m.sent + 1 < len(sents) and not persons_by_sent.get(m.sent + 1):
                spans.append(sents[m.sent + 1])
            for span in spans:
                for tok in span:
                    if tok.i < m.ent.end and span is spans[0]:
                        continue
                    if self._quoted(tok.idx) or tok.pos_ not in ("PRON", "DET"):
                        continue
                    if tok.lower_ in PRONOUNS_MASCULINE:
                        v["m"] += 1
                    elif tok.lower_ in PRONOUNS_FEMININE:
                        v["f"] += 1
        out: dict[str, str] = {}
        for key, v in votes.items():
            if v["m"] > 2 * v["f"]:
                out[key] = "m"
            elif v["f"] > 2 * v["m"]:
                out[key] = "f"
        return out

    def _issuers(self) -> list[tuple[int, str, Phrase]]:
        """Who put out each document the article mentions: ``(offset, document lemma, issuer)``
        for "X said in a statement", "X issued a statement", "a statement from X", where X is a
        name (a person or a body the tagger recognised)."""
        out: list[tuple[int, str, Phrase]] = []
        strings = self.doc.vocab.strings
        wanted = {strings[w] for w in DOCUMENT_NOUNS}  # lemma hashes: no string per token
        for tok in self.doc:
            if tok.lemma not in wanted or tok.pos_ != "NOUN" or self._quoted(tok.idx):
                continue
            lemma = tok.lemma_.lower()
            head = tok.head
            verb = None
            if tok.dep_ == "pobj" and head.lower_ in ("in", "through") and head.head.lemma_.lower() in SPEECH_VERBS:
                verb = head.head  # "the State Department said in a statement"
            elif tok.dep_ == "dobj" and head.lemma_.lower() in ISSUE_VERBS:
                verb = head  # "the council issued a statement"
            issuer = None
            if verb is not None:
                issuer = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            else:
                for prep in tok.children:
                    if prep.dep_ == "prep" and prep.lower_ in ("from", "by"):
                        issuer = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if issuer is None:
                continue
            named = issuer.ent_type_ in _ISSUER_LABELS or (
                # "The Nulato Tribal Council issued a statement": a capitalised body the tagger missed
                not issuer.ent_type_ and issuer.text[:1].isupper() and issuer.pos_ in ("NOUN", "PROPN")
                and issuer.i > 0 and issuer.lemma_.lower() in ORG_DESCRIPTION_NOUNS)
            if not named:
                continue
            out.append((tok.idx, lemma, make_phrase(issuer, self.blocked)))
        return out

    def issuer(self, phrase: Phrase) -> Resolution | None:
        """The issuer of a document given as a speaker ("the statement said", "according to the
        statement"): the one name the article earlier gives as putting out a document of that
        kind, or ``None`` (none, several, or an indefinite "a statement")."""
        span = self.doc.char_span(phrase.start, phrase.end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        head = span.root
        lemma = head.lemma_.lower()
        own = next((p for pos, _, p in self.issuers if pos == head.idx), None)
        if own is not None:
            # "the council issued a statement saying ...": this very document has its issuer
            return Resolution(own, self.config.issuer_confidence, "description")
        if lemma not in DOCUMENT_NOUNS or span[0].lower_ not in ("the", "this", "that"):
            return None
        names = {p.name.lower(): p for pos, doc_lemma, p in self.issuers if doc_lemma == lemma and pos < phrase.start}
        if len(names) != 1:
            return None
        return Resolution(next(iter(names.values())), self.config.issuer_confidence, "description")

    def owner(self, phrase: Phrase, speakers: list[str]) -> Resolution | None:
        """The owner of a source given as the speaker: "according to his version of events", "her
        Twitter account said", "White's timeline" speak for the one the possessive names (a
        pronoun resolved as a speaker pronoun is, a name as written); ``None`` when the phrase is
        no owned source or the owner is not clear."""
        span = self.doc.char_span(phrase.start, phrase.end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        head = span.root
        if head.lemma_.lower() not in DOCUMENT_NOUNS | OWNED_SOURCE_NOUNS:
            return None
        poss = [c for c in head.children if c.dep_ == "poss"]
        if len(poss) != 1:
            return self._named_issuer(head)
        own = poss[0]
        if own.tag_ == "PRP$":
            picked = self._pick(own, speakers)
            if picked is None:
                return None
            return Resolution(self._phrase(picked[0]), min(picked[1], self.config.issuer_confidence), "description")
        if own.ent_type_ in _ISSUER_LABELS and own.pos_ == "PROPN":
            return Resolution(make_phrase(own, self.blocked), self.config.issuer_confidence, "description")
        between = self.doc[own.i + 1 : head.i]
        if (own.pos_ == "NOUN" and own.lemma_.lower() in PERSON_DESCRIPTION_NOUNS | ORG_DESCRIPTION_NOUNS
                and all(t.tag_ == "POS" or (t.dep_ in ("amod", "compound") and t.head.i == head.i) for t in between)):
            # "the U.S. attorney's description of the charges": the attorney speaks
            return Resolution(make_phrase(own, self.blocked), self.config.issuer_confidence, "description")
        return None

    def _named_issuer(self, head: Token) -> Resolution | None:
        """The issuer a document's own words name ("a White House tally", "a forensic
        investigation by the authorities"): a name before the document's noun, or the object of
        its "by"; ``None`` when there is none or several. A common noun before it ("the company
        website") is a description, left to :meth:`description`."""
        # a platform is no issuer: "a Reddit post" is one user's
        found = [c for c in head.children if c.dep_ == "compound" and c.i < head.i
                 and c.pos_ == "PROPN" and c.ent_type_ in _ISSUER_LABELS and c.ent_type_ != "GPE"
                 and c.lower_ not in PLATFORM_NAMES]
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "by":
                found += [c for c in prep.children if c.dep_ == "pobj"]
        if len(found) != 1 or self._quoted(found[0].idx):
            return None
        return Resolution(make_phrase(found[0], self.blocked), self.config.issuer_confidence, "description")

    def _appositions(self) -> dict[str, set[str]]:
        """Role noun (lemma) to the keys of the names it stands next to ("lawyer" → {"hampton"})."""
        out: dict[str, set[str]] = {}
        for m in self.mentions:
            for tok in _role_nouns(m.ent):
                out.setdefault(tok.lemma_.lower(), set()).add(m.key)
        return out

    # ------------------------------------------------------------------ resolvers
    def _candidates(self, pos: int, sent: int, kind: str) -> list[Mention]:
        lo = sent - self.config.lookback_sentences
        return [m for m in self.mentions if m.kind == kind and m.pos <= pos and m.sent >= lo]

    def _para_of(self, pos: int) -> int:
        """Index of the line (paragraph) holding offset ``pos``."""
        return bisect.bisect_right(self._breaks, pos)

    def _rank(self, cands: list[Mention], sent: int, gender: str | None, speakers: list[str],
              exclude: set[str], para: int | None = None, pronoun: bool = False) -> list[tuple[float, Mention]]:
        best: dict[str, tuple[float, Mention]] = {}
        # a name earlier in the pronoun's own sentence is its nearer center: the bonus of the
        # sentence just before applies only when there is none
        continues = pronoun and not any(m.sent == sent for m in cands)
        for m in cands:
            if m.key in exclude:
                continue
            g = self.gender.get(m.key)
            if gender is not None and g is not None and g != gender:
                continue  # disagreement in gender: never this one
            score = (2.0 if m.subject else 0.5) - 0.6 * (sent - m.sent)
            if continues and m.subject and m.sent == sent - 1:
                # the subject of the sentence just before is what a pronoun opening the next one
                # continues ("X is a patient who ... She said"), more than an earlier, often-named one
                score += self.config.previous_subject_bonus
            if m.sent == sent and not m.subject and m.ent.root.dep_ in ("dobj", "pobj", "iobj", "poss"):
                score -= 1.0  # "He was representing X when he called": not the object of the clause
            score += 0.3 * min(self.counts[m.key], 3)
            if speakers and speakers[-1] == m.key:
                score += 0.6
            elif m.key in speakers[-4:]:
                score += 0.3
            if para is not None and self._para_of(m.ent.start_char) == para:
                score += 0.4
            if gender is not None and g == gender:
                score += 1.0
            if m.key not in best or score > best[m.key][0]:
                best[m.key] = (score, m)
        return sorted(best.values(), key=lambda x: -x[0])

    def _phrase(self, mention: Mention) -> Phrase:
        # the fullest name of that referent in the article ("Brian Frosh", not "Frosh")
        same = [m for m in self.mentions if m.key == mention.key and m.kind == mention.kind]
        full = max(same, key=lambda m: (len(m.ent), -m.ent.start))
        # the name's own last word, not the parse's root of the span: a dash the tagger took into
        # the name ("— Ann Lee, mother of Bo Lee") can be that root, and its phrase names Bo Lee
        root = next((t for t in reversed(full.ent) if t.pos_ == "PROPN"), full.ent.root)
        return make_phrase(root, self.blocked)

    def _pick(self, head: Token, speakers: list[str], content: tuple[int, int] | None = None,
              rivals: bool = False) -> tuple[Mention, float] | None:
        low = head.lower_
        sent = self.sentence(head)
        if low in ("he", "him", "his", "she", "her"):
            gender: str | None = "m" if low in ("he", "him", "his") else "f"
            ranked = self._rank(self._candidates(head.idx, sent, "person"), sent, gender, speakers, set(),
                                self._para_of(head.idx), pronoun=True)
        elif low in ("it", "its"):
            gender = None
            ranked = self._rank(self._candidates(head.idx, sent, "org"), sent, None, speakers, set(),
                                self._para_of(head.idx), pronoun=True)
        else:
            return None
        if content is not None:
            # the names inside what was said are what it is about, not who said it: "Kennedy
            # was dressed in white slacks ..., he said" (the pilot). With the likeliest one
            # gone, another stands only as a subject of this sentence or the one before.
            kept = [r for r in ranked if not content[0] <= r[1].ent.start_char < content[1]]
            if ranked and kept and kept[0][1] is not ranked[0][1]:
                kept = [(sc, m) for sc, m in kept if m.subject and m.sent >= sent - 1]
            ranked = kept
        if not ranked:
            return None
        top, mention = ranked[0]
        if mention.key.startswith(_UNKNOWN):
            return None  # the referent is someone the article has not named
        margin = top - ranked[1][0] if len(ranked) > 1 else 3.0
        agrees = gender is not None and self.gender.get(mention.key) == gender
        if margin < self.config.min_margin or (top < 0.8 and not agrees):
            return None  # two referents about as likely, or one weak one: leave it unresolved
        rival = described_rival(self, head, gender, mention) if rivals and gender is not None else None
        if rival is None and rivals and gender is not None:
            owner = described_before(self, head, gender, mention)
            if owner is not None:
                # the description the pronouns before it continue: the one name it stands next
                # to ("Ann Lee, the delegate, ..."), else no one
                keys = {k for k in self.appositions.get(owner.lemma_.lower(), set())
                        if self.gender.get(k, gender) == gender}
                if len(keys) != 1:
                    return None
                named = next(m for m in self.mentions if m.key in keys)
                return named, self.config.sole_referent_confidence
        if rival is not None:
            # a person written as a description is as likely the one meant: that person, when the
            # description is a relation the article names ("his father ... he said"), else no one
            kin = relative_mention(self, rival, speakers)
            if kin is None or self.gender.get(kin.key, gender) != gender:
                return None
            return kin, self.config.sole_referent_confidence
        conf = 0.55 + (0.2 if agrees else 0.0) + (0.15 if margin >= 1.5 else 0.0)
        return mention, min(conf, 0.9)

    def has_candidates(self, head: Token) -> bool:
        """Whether any name of the pronoun's kind comes in the sentences before it."""
        kind = "org" if head.lower_ == "it" else "person"
        return bool(self._candidates(head.idx, self.sentence(head), kind))

    def pronoun(self, head: Token, speakers: list[str], content: tuple[int, int] | None = None) -> Resolution | None:
        """Resolve a speaker pronoun ("he", "she", "it") at ``head``, or ``None`` when the
        evidence is weak; a name inside ``content`` (the offsets of what was said) is never it."""
        res = self._pick(head, speakers, content, rivals=True)
        if res is None:
            return None
        return Resolution(self._phrase(res[0]), res[1], "pronoun")

    def describes(self, phrase: Phrase) -> bool:
        """Whether a speaker phrase is a definite description of a person or an organisation
        named elsewhere ("the company", "the actress", "their lawyer"), as opposed to a name or
        a group that is its own referent ("authorities", "the state's attorney's office")."""
        span = self.doc.char_span(phrase.start, phrase.end, alignment_mode="expand")
        if span is None or not len(span):
            return False
        head = span.root
        if head.tag_ != "NN" or any(t.pos_ == "PROPN" or t.dep_ == "compound" or (t.dep_ == "poss" and t.tag_ != "PRP$")
                                    for t in span):
            return False  # "the county emergency office", "the Kellers' lawyer": it names its referent
        if _restricted(head):
            return False  # "the security team that closed it down": the clause says who it is
        first = span[0]
        definite = first.lower_ in ("the", "this") or first.tag_ == "PRP$"
        lemma = head.lemma_.lower()
        return definite and (lemma in PERSON_DESCRIPTION_NOUNS or lemma in EPITHET_NOUNS
                             or lemma in ORG_DESCRIPTION_NOUNS)

    def description(self, phrase: Phrase, speakers: list[str], content: tuple[int, int] | None = None) -> Resolution | None:
        """Resolve a definite description ("the governor", "their lawyer", "the company"), or ``None``.

        A name inside ``content`` (the offsets of what was said) is never the referent ("X will
        stay in jail, the judge said"), nor a person who is the subject of another clause of the
        description's own sentence ("X said he was unemployed; the judge said ...")."""
        span = self.doc.char_span(phrase.start, phrase.end, alignment_mode="expand")
        if span is None:
            return None
        head = span.root
        if head.pos_ != "NOUN" or head.tag_ not in ("NN",):
            if not _AGE.match(head.text):
                return None
        first = span[0]
        definite = first.lower_ in ("the", "this") or first.tag_ == "PRP$" or any(
            c.dep_ == "poss" for c in head.children)
        if not definite:
            return None  # "a spokesman": someone new, not someone named before
        if _restricted(head):
            return None  # "the security team that closed it down": introduced here, not named before
        lemma = head.lemma_.lower()
        # the referent is never the possessor ("Vasiliades' lawyer" is not Vasiliades)
        owners = {_key_of_token(c) for c in head.children if c.dep_ == "poss"}
        named = self.appositions.get(lemma, set()) - owners
        if len(named) == 1:
            key = next(iter(named))
            mention = next(m for m in self.mentions if m.key == key)
            return Resolution(self._phrase(mention), 0.7, "description")
        if any(c.dep_ == "poss" and c.tag_ != "PRP$" for c in head.children):
            return None  # "the state's attorney's office" names its referent already
        if any(t.ent_type_ in ("PERSON", "ORG") for t in span if t.i != head.i):
            return None  # "the Trump campaign": it names its referent ("the Vermont senator" does not)
        sent = self.sentence(head)
        lo = sent - min(3, self.config.lookback_sentences)
        if lemma in VOICE_NOUNS and any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in head.children):
            # "their spokesperson said": the body the possessive stands for, when only one is in reach
            body = self._sole([m for m in self._candidates(phrase.start, sent, "org") if m.sent >= lo])
            if body is None:
                return None
            return Resolution(self._phrase(body), self.config.sole_referent_confidence, "description")
        if lemma in PERSON_DESCRIPTION_NOUNS or lemma in EPITHET_NOUNS or _AGE.match(head.text):
            kind = "person"
            gender = "m" if lemma in NOUNS_MASCULINE else "f" if lemma in NOUNS_FEMININE else None
        elif lemma in ORG_DESCRIPTION_NOUNS:
            kind, gender = "org", None
        else:
            return self._head_of_name(span, head, lemma)
        cands = [m for m in self._candidates(phrase.start, sent, kind) if m.sent >= lo]
        if content is not None:
            cands = [m for m in cands if not content[0] <= m.ent.start_char < content[1]]
        if kind == "person":
            # (a clause joined by a semicolon is the same sentence: "X said he was unemployed;
            # the judge said ...")
            cands = [m for m in cands if not (m.subject and (m.sent == sent or not re.search(
                r"[.!?]", self.text[m.ent.end_char : phrase.start])))]
        if kind == "org":
            # the small tagger often takes a one-word company name for a person ("Keurig's
            # explanation"): such a name, never given a gender, may be the company
            cands += [m for m in self._candidates(phrase.start, sent, "person")
                      if m.sent >= lo and len(m.ent) == 1 and m.key not in self.gender]
        ranked = self._rank(cands, sent, gender, speakers, owners)
        if not ranked:
            return None
        top, mention = ranked[0]
        plain = not any(t.pos_ == "PROPN" or t.dep_ == "compound" for t in span if t.i != head.i)
        if kind == "org" and plain and len(ranked) == 1 and top < 0.8 and not mention.key.startswith(_UNKNOWN):
            # "Channel 3 called the FDA ... The agency does say": the one body named in reach,
            # though not as a subject; less sure than a salient one
            return Resolution(self._phrase(mention), self.config.sole_referent_confidence, "description")
        if mention.key.startswith(_UNKNOWN) or top < 0.8 or (len(ranked) > 1 and top - ranked[1][0] < self.config.min_margin + 0.5):
            return None  # no salient referent, or two: the description stays as written
        conf = 0.6
        if kind == "person" and not any(c.dep_ in ("amod", "compound", "nmod", "nummod", "npadvmod") for c in head.children):
            # "the judge said", "the woman said": a bare role noun is as often someone new as the
            # person named before it ("the four-time champion" says more)
            conf = min(conf, self.config.bare_description_confidence)
        return Resolution(self._phrase(mention), conf, "description")

    def _head_of_name(self, span: Span, head: Token, lemma: str) -> Resolution | None:
        """"The service said" after "the Fish and Wildlife Service": a bare "the" + noun that is
        the last word of exactly one body named before it stands for that body; ``None`` else."""
        if span[0].lower_ != "the" or len(span) != 2:
            return None
        named = [m for m in self.mentions if m.kind == "org" and m.pos <= span.start_char and len(m.ent) > 1
                 and m.ent[-1].lower_ == head.lower_]
        if len({m.key for m in named}) != 1:
            return None
        return Resolution(self._phrase(named[-1]), 0.7, "description")

    def _sole(self, cands: list[Mention]) -> Mention | None:
        """The one referent (by key) among ``cands``, or ``None`` when there are none or several."""
        keys = {m.key for m in cands}
        if len(keys) != 1 or next(iter(keys)).startswith(_UNKNOWN):
            return None
        return cands[-1]

    def key_of(self, phrase: Phrase) -> str | None:
        """The mention key of the name a speaker phrase holds, if it is one of the article's names."""
        for m in self.mentions:
            if m.ent.start_char < phrase.name_end and phrase.name_start < m.ent.end_char:
                return m.key
        return None


def _restricted(head: Token) -> bool:
    """Whether a description's head carries a restrictive clause of its own ("the team that
    closed it down", "the officer leading the inquiry"): such a description introduces its
    referent. A clause set off by a comma ("the actress, who starred in ...") only adds to it."""
    doc = head.doc
    for c in head.children:
        if c.dep_ in ("relcl", "acl") and c.i > head.i:
            first = c.left_edge.i
            if first > 0 and doc[first - 1].text != ",":
                return True
    return False


def _key_of_token(tok: Token) -> str:
    return tok.text.lower().rstrip("'’s")


def _role_nouns(ent: Span) -> list[Token]:
    """Common nouns in apposition to a name or right before it ("actress Ann Lee", "Ann Lee,
    the actress", "the Kellers' lawyer, Keith Hampton")."""
    root = ent.root
    out: list[Token] = []
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        out.append(root.head)
    out += [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    for tok in ent.doc[max(ent.start - 3, 0) : ent.start]:
        if tok.pos_ in ("NOUN", "PROPN") and tok.head.i == root.i and tok.dep_ in ("compound", "amod", "nmod"):
            out.append(tok)
    # "his fiancee, Ann Lee, ...": a noun set off by a comma right before the name is in
    # apposition, however the parse attached the two
    if ent.start >= 2 and ent.doc[ent.start - 1].text == "," and ent.doc[ent.start - 2].pos_ == "NOUN":
        noun = ent.doc[ent.start - 2]
        lemma = noun.lemma_.lower()
        if noun not in out and lemma in _APPOSITION_NOUNS and any(c.dep_ == "poss" or c.lower_ == "the" for c in noun.children):
            out.append(noun)
    return out
