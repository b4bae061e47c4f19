"""Small reads of the text around a name for entities.mentions: hyphens inside a word, names written
inside a sentence."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc


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
