"""Small reads of the text and parse around a name for entities.mentions: hyphens inside a word, names
written inside a sentence, a title glued before a person's name, common words, possessive owners."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ...lang import en
from .names import is_title

# parts of speech of a common word, no proper noun or adjective (entities.junk reads adjectives apart)
_COMMON_WORD_POS = frozenset({"NOUN", "VERB", "ADV", "AUX", "ADP", "DET", "PRON", "SCONJ", "CCONJ", "INTJ"})
_NAME_TITLES = en.ENTITY_TITLES_IN_NAMES


def title_before_person(ent: SpacySpan, lo: int, hi: int) -> bool:
    """True if the name ``ent[lo:hi]`` ends in a title word (not the one before it) and a person's name
    follows it: "Macon County Sheriff Homer Holbrooks" tagged a place and a person."""
    last = ent[hi - 1].text if hi - lo >= 2 else ""
    return (bool(last) and is_title(last) and not is_title(ent[hi - 2].text)
            and last.rstrip(".").lower() not in _NAME_TITLES
            and ent.end < len(ent.doc) and ent.doc[ent.end].ent_type_ == "PERSON")


def common_word(doc: Doc, lo: int, hi: int, label: str) -> bool:
    """True for a one-word name the parser reads as a common word ("Push", "Maybe"), not a word in
    capitals, nor a noun tagged a person (a surname at a paragraph start can be read as a noun)."""
    tok = doc[lo]
    return hi - lo == 1 and tok.pos_ in _COMMON_WORD_POS and not tok.text.isupper() \
        and not (tok.pos_ == "NOUN" and label == "PERSON")


def owned(doc: Doc, lo: int) -> bool:
    """True if the name starting at token ``lo`` follows the possessive of a capitalised owner the tagger
    puts in no entity ("Roper's Boot Store"; not "Italy's Supreme Court")."""
    return lo >= 2 and doc[lo - 1].text in ("'s", "’s") and doc[lo - 2].text[:1].isupper() and not doc[lo - 2].ent_type_


def glued_hyphen(doc: Doc, i: int) -> bool:
    """True if token ``i`` is a hyphen joining two words without spaces ("co-chairman")."""
    return 0 < i < len(doc) - 1 and doc[i].text in ("-", "‐") and not doc[i - 1].whitespace_ and not doc[i].whitespace_


def written_inside(name: str, texts: Sequence[str], starts: Callable[[str, int], bool]) -> bool:
    """True if one of ``texts`` writes ``name`` as whole words where ``starts`` (a test of "this position
    starts a sentence or line") is false: the name is written inside a sentence ("Will Smith", "New York"),
    so a capitalised first word of it at a sentence start is its own."""
    for text in texts:
        i = text.find(name)
        while i >= 0:
            j = i + len(name)
            if (i == 0 or not text[i - 1].isalnum()) and (j == len(text) or not text[j].isalnum()) and not starts(text, i):
                return True
            i = text.find(name, i + 1)
    return False
