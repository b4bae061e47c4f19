"""From spaCy's entity mentions to clean name mentions with their roles.

Each spaCy mention is trimmed to the name it contains (no determiner, title, possessive,
quote mark or trailing common noun: "the Crimson Brigade militia" -> "Crimson Brigade"), dropped
when it is not an entity for a reader (dates, numbers, quantities) or lies in page
furniture ("Watch X assess the situation »"), and given the appositive descriptions
around it ("Ledger Weekly Paris correspondent", "the Nordic commander in Lapland") as role spans.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from spacy.attrs import ENT_IOB, ENT_TYPE, ORTH, SENT_START
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ...lang import en
from ...model import Article, Span
from ..layout import find_turns, paragraphs
from .context import common_word, owned, title_before_person, written_inside
from .cues import figure_reference, list_item
from .kindcue import QUOTE_CHARS as _QUOTE_CHARS
from .kindcue import kind_cue
from .names import Name, is_name_function_word, is_particle, is_title, split_name
from .roles import in_ranges, roles_around

# spaCy labels that are numbers and dates: other capabilities own them.
DROP_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})
KIND_OF_LABEL: Mapping[str, str] = {
    "PERSON": "person",
    "ORG": "organisation",
    "NORP": "group",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
}
KINDS = ("person", "organisation", "group", "place", "other")

_ROMAN = re.compile(r"^[IVXLCDM]{2,}$")
# A UI prompt pasted into the text: a verb of the interface up to the arrow that ends it.
_UI_PROMPT = re.compile(
    r"(?:^|(?<=[.!?\"”’»)])\s)\s*(?:Watch|Click|Read|Learn|See|Share|Follow|Subscribe|Sign up|Listen|"
    r"View|Browse|Download|E-?mail|Print|Tap|Explore|Get|Find out|Discover|Check out)\b[^\n»›]{0,200}[»›]",
    re.MULTILINE,
)
# A whole line that is page furniture (a short line made of a UI phrase).
_UI_LINE = re.compile(
    r"^[ \t]*(?:E-?mail to a friend|Share this|Print this|Related:|Advertisement|Follow us\b|"
    r"Sign up\b|Subscribe\b|Read more\b|Click here\b|Image (?:caption|copyright)\b|Photo:|Video:)[^\n]{0,120}$",
    re.MULTILINE | re.IGNORECASE,
)
# A wire budget's story slug: words in capitals joined by hyphens before the dateline's parenthesis or the
# wire's " _ " ("STARBUCKS-TEA (Seattle) _ A closer look", "BKN-JORDAN-NBA (Undated) _"): a label, no name.
# (At a line's start or after the full stop or parenthesis ending the item before: "of WTTG-TV (Channel 5)" is
# a station's name.)
_WIRE_SLUG = re.compile(r"(?:^|(?<=[.)] ))[A-Z][A-Z0-9]+(?:-[A-Z0-9]+)+(?= \(| _ )", re.MULTILINE)
_REPEATED = re.compile(r"([a-z])\1\1")
_CONTINUED = re.compile(r" ([A-Z][\w'’`-]*)")  # a capitalised word right after a one-word name


def _continued(text: str, end: int) -> str:
    """The capitalised word right after ``text[:end]`` (one space between), or ""."""
    match = _CONTINUED.match(text, end)
    return match.group(1) if match else ""
# A credit line of a film or photo ("1st AC - Chris MacDonald", "Director of Photography - Ann Li"):
# a short role, a dash, and a full name that ends the line. The role part holds no name.
_CREDIT_LINE = re.compile(r"^[^\n]{1,80}?\s[-–—]\s[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){1,3}[ \t]*$", re.MULTILINE)
# spaCy labels whose mentions may be people, so their descriptions are read as roles.
_ROLE_LABELS = frozenset({"PERSON", "ORG", "NORP"})
_COURTESY_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Messrs)\.?\s+$")
# a party and state tag after a politician's name ("R-Texas", "D-Calif.")
_PARTY_STATE = re.compile(r"^[RDI]-[A-Z][A-Za-z]*\.?$")
_DASH_SEP = re.compile(r"\s[-–—]\s")
_POSSESSIVE_INSIDE = re.compile(r"['’‘ʼ]s\b")
_BAD_CHARS = re.compile(r"[\n,;:!?()\[\]{}|»«\"“”]")
# a quote mark ending a word inside a name, except a plural possessive ("Fools' Day")
_QUOTE_INSIDE = re.compile(r"(?<!s)[\"“”«»„‟'’‘`](?=\s)")
_POSSESSIVE_TOKEN = re.compile(r"^(?:\S*)['’‘ʼ]s$")
# Parts of speech of a capitalised word that is a common word, not a name, at a sentence start
# (when the articles also write it in lowercase); the function parts of speech need no such proof.
_COMMON_POS = frozenset({"VERB", "ADJ", "ADV", "NOUN", "PROPN", "ADP", "DET", "AUX", "PRON", "SCONJ", "CCONJ"})
_FUNCTION_POS = frozenset({"VERB", "ADJ", "ADV", "ADP", "DET", "AUX", "PRON", "SCONJ", "CCONJ"})
# Labels whose names may hold "and" ("Procter and Gamble", "Bosnia and Herzegovina").
_AND_LABELS = frozenset({"ORG", "FAC", "GPE", "LOC"})
_NAME_TITLES = en.ENTITY_TITLES_IN_NAMES
_LOCATIVE = en.ENTITY_LOCATIVE_WORDS
_FOOTNOTE = re.compile(r"[a-z]{2}(\d{1,3})$")  # "Central Oregon37": a footnote's number glued to a name


@dataclass(frozen=True, slots=True)
class NameMention:
    """One cleaned mention of a name in one article.

    Attributes:
        span: the name's characters (without title, determiner or possessive).
        label: spaCy's label of the mention.
        name: the name split into comparison tokens.
        roles: spans of appositive descriptions of the mention.
        order: the mention's position in the input (article index, start).
        locative: the word before the mention is a preposition of place ("in", "near").
        initial: the mention starts a sentence or a line (where any word is capitalised).
        family: a plural family noun follows ("the Williams sisters"): no single person.
        courtesy: a courtesy title stands before it ("Mr.", "Miss"): a surname, not a first name.
        adjective: a one-word mention the parser reads as an adjective ("Invalid").
        common: a one-word mention the parser reads as a common word, no proper noun ("Push",
            "Maybe" opening a sentence; not a word in capitals, nor a noun tagged a person).
        owned: the mention follows the possessive of a capitalised owner in no entity of the
            tagger's ("Roper's Boot Store": the name is cut; not "Italy's Supreme Court").
        listed: the mention opens a short line with no verb whose other words are lowercase ("Coal
            gasification", "Silica dust, crystalline": an item of a list of things, see :func:`.cues.list_item`).
        cue: what the words around the mention say about its kind, whatever the tagger's label
            (see :func:`kind_cue`): "person", "says", "organisation", "other" (a quoted title),
            "craft" (a ship or an aircraft type), "nonperson" or "".
        continued: the capitalised word right after a one-word mention ("O`Briant" of "Don O`Briant", cut
            at the backtick), else "": the mention is the first word of a longer name, no bare name.
    """

    span: Span
    label: str
    name: Name
    roles: tuple[Span, ...]
    order: tuple[int, int]
    locative: bool = False
    initial: bool = False
    family: bool = False
    courtesy: bool = False
    adjective: bool = False
    cue: str = ""
    common: bool = False
    owned: bool = False
    listed: bool = False
    continued: str = ""

    @property
    def kind(self) -> str:
        return KIND_OF_LABEL.get(self.label, "other")


def furniture_ranges(text: str) -> list[tuple[int, int]]:
    """Return character ranges of ``text`` that are page furniture or UI prompts."""
    # a prompt ends in an arrow: a text without one has none (skips the slow scan)
    out = [(m.start(), m.end()) for m in _UI_PROMPT.finditer(text)] if "»" in text or "›" in text else []
    out.extend((m.start(), m.end()) for m in _UI_LINE.finditer(text))
    if " _ " in text and "-" in text:  # a budget's items run "SLUG (City) _ ...": no separator, no slug
        out.extend((m.start(), m.end()) for m in _WIRE_SLUG.finditer(text))
    return sorted(out)


def _glued_word(t: Token, groups: frozenset[str]) -> bool:
    """True for a capitalised word glued before a person's full name that is no part of it: a role
    ("Actress Jorella Vane": :data:`lang.en.ENTITY_PERSON_ROLE_NOUNS`) or a group adjective the
    articles tag a group elsewhere, or one the parser reads as an adjective with a group word's
    ending ("Varnian Tomas Brek")."""
    word = t.lower_
    if not t.text[:1].isupper() or is_title(t.text):
        return False
    if word in en.ENTITY_PERSON_ROLE_NOUNS or word in groups:
        return True
    return t.pos_ == "ADJ" and word.endswith(en.ENTITY_GROUP_ADJECTIVE_ENDINGS)


def _trim_tokens(ent: SpacySpan, groups: frozenset[str] = frozenset(),
                 places: frozenset[str] = frozenset()) -> tuple[int, int] | None:
    """Return the token range (doc indices) of the name inside a mention, or None.

    ``groups``: the one-word group names (nationalities, parties) the articles tag, lowercase;
    ``places``: the one-word place names written with dots they tag ("u.s.", "n.j."): one glued
    before a person's name is the end of the sentence before or a qualifier ("Fairfield, N.J.
    Kennedy had to turn", "U.S. Kennedy family"), not an initial ("J.R. Smith").
    """
    toks = list(ent)
    lo, hi = 0, len(toks)
    person = ent.label_ == "PERSON"

    def dropable_lead(t: Token, rest: int) -> bool:
        text = t.text
        if not text.strip(_QUOTE_CHARS) or t.is_punct:  # only quote marks (or nothing)
            return True
        if text.lower() in ("the", "a", "an"):
            return True
        if rest > 1 and is_title(text) and (person or text.endswith(".")):
            return True
        return text[:1].islower() and not is_particle(text)

    while lo < hi and dropable_lead(toks[lo], hi - lo):
        lo += 1
    if person and hi - lo >= 2 and "." in toks[lo].text and toks[lo].lower_ in places:
        lo += 1
    if person and hi - lo >= 3 and _glued_word(toks[lo], groups) and all(
            (t.text[:1].isupper() and t.pos_ == "PROPN") or is_particle(t.text) for t in toks[lo + 1:hi]):
        lo += 1  # "Actress Jorella Vane", "Varnian Tomas Brek": the name is the rest
    if person:  # "Green Beret Sgt Joe Serna": the name starts after the last title
        for k in range(hi - 2, lo, -1):
            word = toks[k].text.rstrip(".").lower()
            if is_title(toks[k].text) and word not in _NAME_TITLES and toks[k + 1].text[:1].isupper():
                lo = k + 1
                break
    else:  # "Rear Adm. Richard M. Larrabee" tagged ORG: titles up to an abbreviated one, then a full name
        k = lo
        while k < hi - 2 and is_title(toks[k].text) and not toks[k].text.endswith("."):
            k += 1
        if k > lo and k < hi - 2 and is_title(toks[k].text) and toks[k].text.endswith(".") and all(
                t.text[:1].isupper() for t in toks[k + 1:hi]):
            lo = k + 1

    def dropable_tail(k: int) -> bool:
        t = toks[k]
        text = t.text
        if t.is_punct or not text.strip(_QUOTE_CHARS):
            return True
        if text.lower() in ("'s", "’s", "ʼs", "'", "’"):
            return True
        if text[:1].islower() and not is_name_function_word(text):
            return True
        # truncated title at the end ("Air Force Maj"); a person of two words is named by both,
        # one spelled like a title ("Hun Sen")
        if person and k == lo + 1 and not text.endswith(".") and not is_title(toks[lo].text):
            return False
        return is_title(text) and (text.endswith(".") or len(text.rstrip(".")) <= 4)

    while hi > lo and dropable_tail(hi - 1):
        hi -= 1
    if not person and title_before_person(ent, lo, hi):
        hi -= 1  # "Macon County Sheriff Homer Holbrooks": the title is the person's
    # a function word cannot end a name
    while hi > lo and is_name_function_word(toks[hi - 1].text):
        hi -= 1
    if hi <= lo:
        return None
    return ent.start + lo, ent.start + hi


def _clean_chars(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim quote marks and an attached possessive from ``text[start:end]``."""
    while start < end and text[start] in _QUOTE_CHARS:
        start += 1
    for suffix in ("'s", "’s", "ʼs"):
        if text[start:end].endswith(suffix) and end - start > len(suffix):
            end -= len(suffix)
            break
    while end > start and (text[end - 1] in _QUOTE_CHARS or text[end - 1] in ".,;:"):
        # keep the dot of an initial ("U.S.", "W.")
        if text[end - 1] == "." and end - start >= 2 and text[end - 2].isupper():
            break
        end -= 1
    if end > start and text[end - 1].isdigit():
        glued = _FOOTNOTE.search(text, start, end)
        # "Central Oregon37": a footnote's number, when the name is also written without it
        if glued and re.search(re.escape(text[start:glued.start(1)]) + r"(?![\w])", text):
            end = glued.start(1)
    return start, end


@functools.lru_cache(maxsize=65536)
def _acceptable(surface: str) -> bool:  # a pure function of the string, memoised
    if not surface or not any(ch.isupper() for ch in surface):
        return False
    if _BAD_CHARS.search(surface):
        return False
    if _ROMAN.match(surface) or _REPEATED.search(surface) or surface.endswith("-"):
        return False  # a numeral, an interjection ("Shhhh"), a cut word ("Oscar-")
    words = surface.split()
    if len(words) > 10:
        return False
    if _DASH_SEP.search(surface) or "/" in surface or _PARTY_STATE.match(surface):
        return False  # a credit, caption or handle ("Photography - Ann Li", "Ann Li/AP"), "R-Texas"
    if len(words) > 1 and _QUOTE_INSIDE.search(surface):
        return False  # a quoted title run into other words
    if len(words) > 2:
        for w in words[1:-1]:
            if w[:1].islower() and not is_name_function_word(w) and not is_particle(w):
                return False  # a clause, not a name ("Beatty saw Emma Stone")
    first = words[0]
    return first[:1].isupper() or first[:1].isdigit() or is_particle(first)


# "Martha's Vineyard", "St. John's Wood": a capitalised owner and a capitalised name after it
# (the look-behind after the capital: the same matches as before it, found ~4x faster, since the engine
# skips ahead to capitals)
_POSSESSIVE_PAIR = re.compile(r"([A-Z](?<![\w'’].)[\w-]*)['’]s\s+([A-Z][\w-]*)")
POSSESSIVE_NAME_MIN = 2       # times "X's Y" must be written ...
POSSESSIVE_NAME_SHARE = 0.9   # ... and the share of the owner's occurrences it makes up


def possessive_names(texts: Iterable[str]) -> frozenset[tuple[str, str]]:
    """Return the ``(owner, name)`` pairs that are one name with a possessive inside.

    "Martha" in "Martha's Vineyard" is no person and "Vineyard" no organisation: when the
    articles write the owner almost only as "X's Y" (:data:`POSSESSIVE_NAME_SHARE` of its
    occurrences, at least :data:`POSSESSIVE_NAME_MIN` times), "X's Y" is one name. An owner also
    written on its own ("Clinton's White House" beside "Clinton said") owns the next name.
    """
    texts = list(texts)
    pairs: Counter[tuple[str, str]] = Counter()
    for t in texts:
        pairs.update((m.group(1), m.group(2)) for m in _POSSESSIVE_PAIR.finditer(t))
    candidates = {p: n for p, n in pairs.items() if n >= POSSESSIVE_NAME_MIN}
    if not candidates:
        return frozenset()
    owners = {x for x, _ in candidates}
    written = Counter[str]()
    word = re.compile(r"(?<![\w'’-])(" + "|".join(map(re.escape, sorted(owners))) + r")(?![\w-])")
    for t in texts:
        written.update(m.group(1) for m in word.finditer(t))
    return frozenset(p for p, n in candidates.items() if n >= POSSESSIVE_NAME_SHARE * written[p[0]])


def _refine(doc: Doc, lo: int, hi: int, label: str, text: str, lowercase: LowercaseCounts,
            compounds: frozenset[tuple[str, str]] = frozenset(), texts: Sequence[str] = (),
            ) -> tuple[int, int] | None:
    """Narrow a trimmed name to the name proper; None if nothing of a name is left.

    Drops what a tagger glues to a name in headlines and captions: everything up to an
    inner possessive ("La Land's Emma Stone" -> "Emma Stone"; not when a common word owns the
    rest: "Women's March", "People's Daily", "New Year's Eve" are one name each), a capitalised common word
    that starts a sentence or line ("Honoring Biden"; not of a name one of ``texts`` also writes inside a
    sentence: "Will Smith", "New York"), trailing capitalised verbs and auxiliaries ("Hillary
    Get"), trailing month or weekday names ("Takei April") and a trailing social platform
    ("Trump Twitter"). A person "name" made of two
    names joined by "and" is two people, not one.
    """
    if hi - lo == 1:
        return lo, hi
    if _POSSESSIVE_INSIDE.search(text):
        for k in range(hi - 2, lo - 1, -1):
            if _POSSESSIVE_TOKEN.search(doc[k].text) and doc[k + 1].text[:1].isupper():
                owner = doc[k - 1] if doc[k].text[:1] in "'’‘ʼ" and k > lo else doc[k]
                word = owner.lower_.split("'")[0].split("’")[0]
                if (owner.text.split("'")[0].split("’")[0], doc[k + 1].text) in compounds:
                    break  # "Martha's Vineyard": one name
                if lowercase[word] == 0 or k == lo or doc[k].tag_ != "POS" or owner.pos_ not in ("NOUN", "PROPN"):
                    lo = k + 1  # "La La Land's Emma Stone": the name after the owner's
                # else a common noun owns it inside one name: "Women's March", "People's Daily"
                break
    if (" and " in text or "&" in text) and label not in _AND_LABELS and any(
            doc[k].lower_ in ("and", "&") for k in range(lo, hi)):
        return None  # "Gosling and Stone": two names, not one
    if hi - lo == 1:
        return lo, hi
    last = doc[hi - 1]
    while hi - lo > 1 and (last.pos_ in ("VERB", "AUX") and last.text[:1].isupper() or last.lower_ in en.ENTITY_DATE_WORDS
                           or last.lower_ in en.ENTITY_PLATFORM_WORDS):
        hi -= 1
        last = doc[hi - 1]
    first = doc[lo]
    if (hi - lo > 1 and first.text[:1].isupper() and not first.text.isupper()
            and (first.pos_ in _FUNCTION_POS or (first.pos_ in _COMMON_POS and lowercase[first.lower_] > 0))
            and _starts_line_or_sentence(doc, lo)
            and doc[lo + 1].text[:1].isupper() and not written_inside(doc[lo:hi].text, texts, _starts_text)):
        lo += 1  # not a name the articles also write inside a sentence ("Will Smith", "New York")
    return (lo, hi) if hi > lo else None


_CREDIT_DASHES = (" - ", " – ", " — ")  # the separators of a credit line


def _credit_role(text: str, start: int, end: int) -> bool:
    """True if ``start:end`` lies before the dash of a credit line ("1st AC - Chris MacDonald")."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    stop = line_end if line_end >= 0 else len(text)
    if all(text.find(dash, line_start, stop) < 0 for dash in _CREDIT_DASHES):
        return False  # no dash on the line (looked up in place: no copy of a long line per mention)
    line = text[line_start:stop]
    m = _CREDIT_LINE.match(line)
    if m is None:
        return False
    dash = max(line.rfind(" - "), line.rfind(" – "), line.rfind(" — "))
    return end - line_start <= dash

_TITLE_AFTER = re.compile(r"[ \t]+([A-Z][a-z]+)\.?[ \t]+[A-Z]")


def _portfolio(text: str, end: int, last: str, lowercase: LowercaseCounts) -> bool:
    """True if a name ending in the common word ``last`` is followed by a title and a name: the
    name is the portfolio of the title ("Foreign Affairs Commissioner X", "Energy Minister Y"), not
    an organisation. A name ending in an organisation's head word is one ("Judiciary Committee
    Chairman X", "Foreign Ministry Spokesman Y"), and so is a name that is no common word ("Acme CEO X")."""
    m = _TITLE_AFTER.match(text, end)
    if m is None or m.group(1).lower() not in en.ENTITY_PORTFOLIO_TITLES:
        return False
    if last in en.ENTITY_ORG_HEADS or last in en.ENTITY_ORG_ROLE_NOUNS or last in en.ENTITY_PLACE_HEADS:
        return False
    return lowercase[last] > 0 or last in en.ENTITY_PORTFOLIO_NAMES


def _starts_text(text: str, start: int) -> bool:
    """True if the characters before ``start`` end a line or a sentence (quote marks aside)."""
    j = start
    while j > 0 and (text[j - 1] in " \t" or text[j - 1] in _QUOTE_CHARS):
        j -= 1
    return j == 0 or text[j - 1] in "\n.!?:"


def _starts_line_or_sentence(doc: Doc, i: int) -> bool:
    """True if token ``i`` starts a sentence or a line (quote marks before it aside)."""
    j = i
    while j > 0 and (doc[j - 1].text in _QUOTE_CHARS or doc[j - 1].is_space and "\n" not in doc[j - 1].text):
        j -= 1
    if j == 0 or "\n" in doc[j - 1].text or "\n" in doc[j - 1].whitespace_:
        return True
    return bool(doc[j].is_sent_start)


def _possessive_whole(doc: Doc, lo: int, hi: int, compounds: frozenset[tuple[str, str]]) -> tuple[int, int]:
    """Mend a mention the tagger cut at the possessive of a one-name pair (see :func:`possessive_names`).

    "Martha" before "'s Vineyard" is dropped (``hi <= lo``); "Vineyard Airport" after
    "Martha's" starts at "Martha".
    """
    if hi + 1 < len(doc) and doc[hi].text in ("'s", "’s") and (doc[hi - 1].text, doc[hi + 1].text) in compounds:
        return lo, lo  # the owner of a one-name pair: the name is the next mention
    if lo >= 2 and doc[lo - 1].text in ("'s", "’s") and (doc[lo - 2].text, doc[lo].text) in compounds:
        return lo - 2, hi
    return lo, hi


class LowercaseCounts:
    """How often the articles write a word in lowercase (a common word, not a name).

    Built from spaCy's per-document token counts (computed in C), looked up per word. The same
    pass over the parses (one at a time) keeps two sets the mention cleaning reads:

    Attributes:
        groups: one-word group names the tagger labels NORP more often than it starts a person's
            name of three words or more with them (lowercase): "ukrainian", not "bryce" of
            "Bryce Dallas Howard".
        dotted_places: one-word place names written with dots it labels GPE ("u.s.", "n.j.").
    """

    def __init__(self, docs: Iterable[Doc]) -> None:
        arrays = []
        self._strings = None
        norp: Counter[str] = Counter()
        first: Counter[str] = Counter()
        dotted: set[str] = set()
        for d in docs:  # one parse at a time: only its spelling ids are kept
            self._strings = d.vocab.strings
            if not len(d):
                continue
            cols = d.to_array([ORTH, ENT_IOB, ENT_TYPE])
            arrays.append(cols[:, 0])
            # entity starts (IOB 3 = B) and how far each runs (IOB 1 = I), read off the arrays, not Span objects
            iob, etype = cols[:, 1], cols[:, 2]
            inside = np.append(iob[1:] == 1, False)
            starts = iob == 3
            strings = d.vocab.strings
            for i in np.flatnonzero(starts & ~inside & ((etype == strings["NORP"]) | (etype == strings["GPE"]))):
                word = strings[int(cols[i, 0])].lower()
                if etype[i] == strings["NORP"]:
                    norp[word] += 1
                elif "." in word:
                    dotted.add(word)
            third = np.append(iob[2:] == 1, [False, False])
            for i in np.flatnonzero(starts & inside & third & (etype == strings["PERSON"])):
                first[strings[int(cols[i, 0])].lower()] += 1
        self.groups = frozenset(w for w, n in norp.items() if n > first[w])
        self.dotted_places = frozenset(dotted)
        self._counts: dict[int, int] = {}
        if arrays:  # distinct spelling ids and their counts, counted in C (numpy)
            ids, counts = np.unique(np.concatenate(arrays), return_counts=True)
            self._counts = dict(zip(ids.tolist(), counts.tolist()))

    def __getitem__(self, word: str) -> int:
        """Return the lowercase occurrences of ``word`` (0 unless ``word`` is lowercase)."""
        if self._strings is None or not word.islower():
            return 0
        return self._counts.get(self._strings[word], 0)


def lowercase_words(articles: Sequence[Article], docs: Mapping[str, Doc]) -> LowercaseCounts:
    """Count the words the articles write in lowercase (common words, not names).

    Raises:
        KeyError: if an article has no parse in ``docs``.
    """
    for art in articles:
        if art.id not in docs:
            raise KeyError(f"no spaCy parse for article {art.id} ({art.label}); run nlp.parse first")
    return LowercaseCounts(docs[a.id] for a in articles)


_QA_LINE = re.compile(r"^Q\. ", re.MULTILINE)


def extract(
    articles: Sequence[Article], docs: Mapping[str, Doc], lowercase: LowercaseCounts | None = None,
) -> tuple[list[NameMention], int]:
    """Return the cleaned name mentions of all articles and the number of raw spaCy mentions.

    Args:
        articles: the articles.
        docs: their parses.
        lowercase: :func:`lowercase_words` of the articles (computed when None).

    Raises:
        KeyError: if an article has no parse in ``docs``.
    """
    out: list[NameMention] = []
    raw = 0
    if lowercase is None:
        lowercase = lowercase_words(articles, docs)
    compounds = possessive_names(a.text for a in articles)
    texts = [a.text for a in articles]
    groups, places = lowercase.groups, lowercase.dotted_places
    for a_index, art in enumerate(articles):
        if art.id not in docs:
            raise KeyError(f"no spaCy parse for article {art.id} ({art.label}); run nlp.parse first")
        doc = docs[art.id]
        # sentence starts once per article (a mention's ``.sent`` walks its sentence each time)
        if doc.has_annotation("SENT_START") and "sents" not in doc.user_hooks:  # read off the array: no Span objects
            sent_starts = [0, *(np.flatnonzero(doc.to_array(SENT_START)[1:] == 1) + 1).tolist()]
        else:
            sent_starts = [s.start for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
        if not sent_starts or sent_starts[0] != 0:
            sent_starts.insert(0, 0)
        furniture = furniture_ranges(art.text)
        qa = "Q. " in art.text and _QA_LINE.search(art.text) is not None  # an interview laid out as "Q. ..." / "A. ..." lines
        dashed = any(d in art.text for d in _CREDIT_DASHES)  # else no credit line (see _credit_role)
        has_dep = doc.has_annotation("DEP")
        # a transcript's speaker labels ("MICHEL MARTIN, HOST:") name people; their role words
        # ("HOST") are no names
        turns = find_turns(art.text, paragraphs(art.text))
        label_names = [(t.name_start, t.label_end) for t in turns]
        label_roles = [(t.label_end, t.start) for t in turns]
        for ent in doc.ents:
            raw += 1
            if ent.label_ in DROP_LABELS:
                continue
            if furniture and in_ranges(ent.start_char, ent.end_char, furniture):
                continue
            spoken = bool(label_names) and in_ranges(ent.start_char, ent.end_char, label_names)
            if label_roles and not spoken and in_ranges(ent.start_char, ent.end_char, label_roles):
                continue
            trimmed = _trim_tokens(ent, groups, places)
            if trimmed is not None and qa and trimmed[1] - trimmed[0] >= 2 and doc[trimmed[0]].text in ("Q.", "A.") \
                    and (doc[trimmed[0]].idx == 0 or art.text[doc[trimmed[0]].idx - 1] == "\n"):
                trimmed = (trimmed[0] + 1, trimmed[1])  # "A. Kennedy took off": an answer of a Q/A layout
            if trimmed is None:
                continue
            refined = _refine(doc, trimmed[0], trimmed[1], ent.label_, art.text[ent.start_char:ent.end_char], lowercase,
                              compounds, texts)  # the article's characters are the parse's: ``ent.text`` rebuilds them
            if refined is None:
                continue
            t_lo, t_hi = refined
            if compounds:
                t_lo, t_hi = _possessive_whole(doc, t_lo, t_hi, compounds)
                if t_hi <= t_lo:
                    continue  # "Martha" cut from "Martha's Vineyard"
            start, end = _clean_chars(art.text, doc[t_lo].idx, doc[t_hi - 1].idx + len(doc[t_hi - 1].text))
            surface = art.text[start:end]
            if not _acceptable(surface) or (start > 0 and art.text[start - 1] in "#@"):
                continue  # not a name, or a hashtag or handle
            if end - start <= 5 and figure_reference(art.text, start, end):
                continue  # "Fig. 1": a part of a paper
            if dashed and _credit_role(art.text, start, end):
                continue  # the role of a credit line ("1st AC - Chris MacDonald")
            if ent.label_ != "PERSON" and _portfolio(art.text, end, doc[t_hi - 1].lower_, lowercase):
                continue  # the portfolio of a title ("EU Foreign Affairs Commissioner Hans van den Broek")
            try:
                name = split_name(surface)
            except ValueError:
                continue
            roles: list[Span] = []
            if ent.label_ in _ROLE_LABELS:  # places, works and events carry no person's role
                roles = roles_around(doc, art, ent.start, t_lo, t_hi, sent_starts, furniture, has_dep)
            before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
            after = doc[t_hi].lower_ if t_hi < len(doc) else ""
            # "Jackson, Wyo.": a name followed by its state or country is a place
            placed = after == "," and t_hi + 1 < len(doc) and doc[t_hi + 1].ent_type_ in ("GPE", "LOC")
            out.append(NameMention(art.span(start, end), "PERSON" if spoken else ent.label_, name, tuple(roles),
                                   (a_index, start),
                                   before in _LOCATIVE or placed, _starts_text(art.text, start),
                                   after in en.ENTITY_FAMILY_NOUNS,
                                   bool(_COURTESY_BEFORE.search(art.text, max(0, start - 8), start)),
                                   t_hi - t_lo == 1 and doc[t_lo].pos_ == "ADJ",
                                   "person" if spoken else kind_cue(doc, art.text, t_lo, t_hi, start, end, roles),
                                   common_word(doc, t_lo, t_hi, ent.label_), owned(doc, t_lo),
                                   t_hi - t_lo == 1 and list_item(doc, t_hi, art.text, start, end),
                                   _continued(art.text, end) if t_hi - t_lo == 1 else ""))
    return out, raw
