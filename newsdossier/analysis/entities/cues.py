"""Kind cues read off the characters and tokens around a mention (issue 15, 2026-12-04).

Signs that no tagger label gives:

* a name listed in the credit line of a wire story is a reporter's ("(Additional reporting by Ann Li
  in Paris, Bo Chen and Cy Dow; Writing by Di Eng; Editing by Ed Fox)"), whatever the tagger calls it;
* an abbreviation defined in the text by a phrase that names nothing ("trichloroethylene (TCE)",
  "human papilloma virus (HPV)", "body mass index (BMI)") abbreviates a thing, not a body: its
  kind is "other" (the tagger labels such abbreviations organisations);
* a state's postal code after a city and a comma is a place ("Irvine, CA, and ...");
* a personal name listed between two names tagged persons is a person ("A B, C D and E F"): the
  tagger's labels scatter over the items of a list of names;
* a name after "<a person's role noun> at" is an organisation ("a partner at Quell Varn");
* a newspaper's head word after "The" capitalised inside a sentence is a newspaper ("told The Telegraph").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ...lang import en
from .places import US_STATE_POSTAL_CODES

_CREDIT_WINDOW = 200  # characters before a name searched for the "<word> by" of a credit line
_CREDIT_STOP = re.compile(r"[\n.;()]")
_LIST_SEP = re.compile(r",\s*|\s+and\s+")
_NUMBER_AFTER = re.compile(r"\.?\s?\(?[0-9]")
_DEFINITION_WORDS = 6  # words before "(ABC)" searched for the phrase the letters abbreviate


def credit_person(text: str, start: int, end: int) -> bool:
    """True if ``text[start:end]`` is a name listed in a credit line ("Writing by X", "reporting by A in
    Paris, B and C"): right after "by", or followed by " in " (the reporter's city), or after a comma or
    "and" in a list whose previous item names no city ("by A, B and C"; not "by A in Orlando, Florida")."""
    at = text.rfind(" by ", max(0, start - _CREDIT_WINDOW), start)
    if at < 0:
        return False
    word_start = text.rfind(" ", 0, at) + 1
    word = text[word_start:at].lstrip("(").lower()
    if word not in en.ENTITY_CREDIT_WORDS:
        return False
    segment = text[at + 4:start]
    if _CREDIT_STOP.search(segment):
        return False
    if not segment:
        return True
    if text.startswith(" in ", end):
        return True
    if not (segment.endswith(", ") or segment.endswith(" and ")):
        return False
    items = [x for x in _LIST_SEP.split(segment) if x.strip()]
    return bool(items) and " in " not in items[-1]


def letters_in_order(short: str, long: str) -> bool:
    """True if ``short`` starts as ``long`` does and its letters come in ``long`` in order: an
    abbreviation of it ("tce" / "trichloroethylene", "fla" / "florida"). Case-sensitive: callers
    pass lowercase."""
    if not short or short[0] != long[:1]:
        return False
    pos = 0
    for ch in short:
        pos = long.find(ch, pos) + 1
        if pos == 0:
            return False
    return True


def defined_thing(doc: Doc, lo: int, hi: int, text: str, start: int, end: int) -> bool:
    """True if the abbreviation ``doc[lo:hi]`` stands in parentheses right after the phrase it abbreviates
    and no word of that phrase is in a named entity ("trichloroethylene (TCE)"; not "the Food and Drug
    Administration (FDA)", whose words the tagger labels an organisation)."""
    surface = text[start:end]
    if not (2 <= len(surface) <= 6 and surface.isalpha() and surface.isupper()) or hi - lo != 1:
        return False
    if lo < 2 or doc[lo - 1].text != "(" or hi >= len(doc) or doc[hi].text != ")":
        return False
    letters = surface.lower()
    last = doc[lo - 2]
    phrase_end = last.idx + len(last.text)
    for j in range(lo - 2, max(-1, lo - 2 - _DEFINITION_WORDS), -1):
        tok = doc[j]
        if tok.ent_type_ or (tok.is_punct and tok.text != "-"):
            return False
        if tok.text[:1].lower() == letters[0] and letters_in_order(letters, text[tok.idx:phrase_end].lower()):
            return True
    return False


def postal_state(doc: Doc, lo: int, hi: int, text: str, start: int, end: int) -> bool:
    """True for a state's postal code in capitals right after a place and a comma ("Irvine, CA,")."""
    surface = text[start:end]
    if len(surface) != 2 or not surface.isupper() or surface.lower() not in US_STATE_POSTAL_CODES or hi - lo != 1:
        return False
    if lo < 2 or doc[lo - 1].text != "," or doc[lo - 2].ent_type_ not in ("GPE", "LOC"):
        return False
    return hi >= len(doc) or not doc[hi].is_alpha


def _person_at(doc: Doc, i: int) -> bool:
    return 0 <= i < len(doc) and doc[i].ent_type_ == "PERSON"


def listed_with_persons(doc: Doc, lo: int, hi: int) -> bool:
    """True if the multi-word name ``doc[lo:hi]`` stands in a list between two names tagged persons, with
    only a comma or "and" between them ("Jack Tam, Noah Vell and Ivo Sarn")."""
    if hi - lo < 2 or lo < 2 or hi + 1 >= len(doc):
        return False
    if doc[lo - 1].text not in (",", "and") or doc[hi].text not in (",", "and"):
        return False
    return _person_at(doc, lo - 2) and _person_at(doc, hi + 1) and doc[lo].ent_type_ != "PERSON"


def role_at(doc: Doc, lo: int) -> bool:
    """True if "<a person's role noun> at" (or "with") stands right before ``doc[lo]`` ("a partner at Quell
    Varn", "an analyst with Tollin": :data:`lang.en.ENTITY_WORKPLACE_PREPOSITIONS`): the place of work, an
    organisation."""
    return (lo >= 2 and doc[lo - 1].lower_ in en.ENTITY_WORKPLACE_PREPOSITIONS
            and doc[lo - 2].lower_ in en.ENTITY_PERSON_ROLE_NOUNS and doc[lo].ent_type_ in ("PERSON", "ORG"))


def paper_after_capital_the(doc: Doc, lo: int, hi: int) -> bool:
    """True for a one-word newspaper's head word after "The" capitalised inside a sentence ("he told The
    Telegraph"): the capital makes "The" part of the paper's name."""
    return (hi - lo == 1 and lo >= 1 and doc[lo].lower_ in en.ENTITY_NEWSPAPER_HEADS and doc[lo - 1].text == "The"
            and not doc[lo - 1].is_sent_start)


def figure_reference(text: str, start: int, end: int) -> bool:
    """True for a reference to a part of a paper ("Fig. 1", "Figs 2", "Eq. 3"): no name."""
    return (text[start:end].rstrip(".").lower() in en.ENTITY_REFERENCE_WORDS
            and _NUMBER_AFTER.match(text, end, end + 4) is not None)


LIST_ITEM_MAX_WORDS = 8  # words of a line read as an item of a list of things


def list_item(doc: Doc, hi: int, text: str, start: int, end: int) -> bool:
    """True if the name ``text[start:end]`` (tokens up to ``hi``) opens a line of at most
    :data:`LIST_ITEM_MAX_WORDS` words, no verb and no final full stop, whose next word is lowercase ("Coal
    gasification", "Coal-tar pitch", "Silica dust, crystalline"): the capital is the list item's."""
    if start > 0 and text[start - 1] != "\n":
        return False
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    rest = text[end:line_end].rstrip()
    head = rest.lstrip(" -")
    if not head or not head[0].islower() or rest.endswith(".") or len(rest.split()) >= LIST_ITEM_MAX_WORDS:
        return False
    k = hi
    while k < len(doc) and doc[k].idx < line_end:
        if doc[k].pos_ in ("VERB", "AUX"):
            return False
        k += 1
    return True


_AGE_AFTER = re.compile(r", \d{1,2}(?:,(?!\d)|\.(?!\d)|;| and\b)")  # "Udo Varn, 27, was held": an age


def age_after(text: str, end: int) -> bool:
    """True if an age follows the name ending at ``end`` between commas ("Udo Varn, 27, said", "Ana Brel, 49.");
    counted first on the labelled tables (10 DUC, 8 Multi-News): a person 76 times in 76."""
    return _AGE_AFTER.match(text, end) is not None


def _place_at(doc: Doc, i: int) -> bool:
    return 0 <= i < len(doc) and doc[i].ent_type_ in ("GPE", "LOC")


def listed_with_places(doc: Doc, lo: int, hi: int) -> bool:
    """True if the name ``doc[lo:hi]`` follows a name tagged a place in a list, with only a comma or "and"
    between them, and a place follows it the same way or it ends the list ("Brell, Ardel and Quorn"):
    a list of places; counted first on the labelled tables: a place 58 times in 59."""
    if lo < 2 or doc[lo - 1].text not in (",", "and") or not _place_at(doc, lo - 2):
        return False
    if hi + 1 < len(doc) and doc[hi].text in (",", "and") and _place_at(doc, hi + 1):
        return True
    return doc[lo - 1].text == "and" and lo >= 4 and doc[lo - 3].text == "," and _place_at(doc, lo - 4)

