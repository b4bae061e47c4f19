"""Names must be names: the checks that keep headings, furniture and common words out.

Run on each resolved entry (its forms and mentions). An entry fails when

* every word of it is a word of page furniture ("Breaking News Emails", "Email Sign");
* every word of it is a decade written as a word ("Sixties");
* it is one word that is an interjection or chat abbreviation ("Meh", "O.K.", "RIP"), or a
  noun that describes a person and only ever starts a line or sentence ("Actress",
  "Comedian/talk show host ...": a caption, no name; the brand "Coach" inside a sentence stays);
* it only ever starts a sentence or a line and every word of it is a word the articles
  also write in lowercase ("Actress", "Background", "Petty Officer"): a capitalised
  common word or heading, not a name;
* it is one word that only ever starts a sentence or a line and the parser reads as a common
  word every time, no proper noun ("Push", "Maybe", "Love him or hate him"): the capital is the
  sentence's;
* every mention of it follows an owner's possessive and every word of it is a word the articles
  write in lowercase ("Boot Store" of "Roper's Boot Store", "Cup" of "America's Cup"): the rest
  of a name cut at the possessive;
* it is one word that only ever opens a short line with no verb whose other words are lowercase, and
  the tagger calls it no place or group ("Coal gasification", "Silica dust, crystalline": a list of things);
* it is one word that misspells a long month or weekday name by one letter or two swapped
  letters ("Febraury", "Wedensday"), not a name;
* it is one word that the parser reads as an adjective every time (groups aside:
  "American" is a group word), or an adjective made of an organisation's name of the articles
  ("Congressional" of Congress: it names no people);
* it is one word, no full name joins it, and the articles write that word in lowercase at
  least ``common_word_ratio`` times per capitalised use inside a sentence ("Congressional",
  "Invalid"); acronyms of up to four capitals are spared ("US" is not "us").

An entry whose one word the tagger labels in conflicting ways (no kind has two thirds of its
mentions) is kept but marked with a low confidence.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ...lang import en
from .clusters import Form
from .mentions import LowercaseCounts, NameMention
from .names import is_title
from .variants import one_edit, one_swap

# confidence of an entry whose single word the tagger labels in conflicting ways
CONFLICTING_LABELS_CONFIDENCE = 0.4


def _words(surface: str) -> list[str]:
    return [w.strip(".'’") for w in surface.split() if w.strip(".'’")]


def body_adjective(word: str, bodies: frozenset[str]) -> bool:
    """True if ``word`` (lowercase) is an adjective made of the name of one of ``bodies`` (one-word
    organisation names, lowercase) and an adjective's ending ("congressional" of "congress":
    :data:`lang.en.ENTITY_BODY_ADJECTIVE_ENDINGS`); the name may lose its final "e" ("senatorial")."""
    for end in en.ENTITY_BODY_ADJECTIVE_ENDINGS:
        if word.endswith(end) and len(word) > len(end) + 3:
            stem = word[: -len(end)]
            if stem in bodies or stem + "e" in bodies:
                return True
    return False


def junk_reason(members: Sequence[Form], mentions: Sequence[NameMention], lowercase: LowercaseCounts,
                common_word_ratio: float, bodies: frozenset[str] = frozenset()) -> str | None:
    """Return why an entry is not a name, or None if it is one (``bodies``: the one-word organisation
    names of the articles, lowercase, for an adjective made of one: see :func:`body_adjective`)."""
    surfaces = {m.span.text for m in mentions}
    words = {w for s in surfaces for w in _words(s)}
    if not words:
        return None
    if all(w.lower() in en.ENTITY_FURNITURE_WORDS or w.lower() in en.ENTITY_WIRE_FURNITURE_WORDS for w in words):
        return "made of page-furniture words"
    if all(m.span.text.isupper() for m in mentions) and len(words) >= 2:
        common = [w for w in words if len(w) >= 4 and lowercase[w.lower()] > 0]
        if common and len(common) * 2 >= len([w for w in words if len(w) >= 4]):
            return "shouted page furniture: capitals only, made of common words"
    if all(w.lower() in en.ENTITY_DECADE_WORDS for w in words):
        return "a decade written as a word, not a name"
    single = all(f.single for f in members)
    if single and len(words) == 1:
        word = next(iter(words)).replace(".", "").lower()
        if word in en.ENTITY_INTERJECTIONS:
            return "an interjection or chat abbreviation, not a name"
        if word in en.PERSON_DESCRIPTION_NOUNS and all(m.initial and m.span.text[1:].islower() for m in mentions):
            return "a noun describing a person (a caption or a line start), not a name"
    if all(is_title(w) for w in words):
        return "made of title words (a rank or office, not a name)"
    if all(m.initial for m in mentions) and all(lowercase[w.lower()] > 0 for w in words):
        return "only ever starts a sentence or line, and its words are common lowercase words"
    if single and len(words) == 1 and _misspelt_date(next(iter(words)).lower()):
        return "a misspelt month or weekday name"
    if single and len(words) == 1 and all(m.initial and m.common for m in mentions):
        return "only ever starts a sentence or line, and the parser reads it as a common word"
    if single and len(words) == 1 and all(m.listed and m.label not in ("GPE", "LOC", "NORP") for m in mentions):
        return "only ever opens an item of a list of things (a short line with no verb, lowercase words after it)"
    if all(m.owned for m in mentions) and all(lowercase[w.lower()] > 0 for w in words):
        return "the rest of a name cut at an owner's possessive, made of common words"
    if single and all(m.adjective and m.kind != "group" for m in mentions):
        return "an adjective, not a name (the parser reads every use as one)"
    if single and bodies and len(words) == 1 and all(m.adjective for m in mentions) \
            and body_adjective(next(iter(words)).lower(), bodies):
        return "an adjective of an organisation's name, no group of people (\"Congressional\" of Congress)"
    if single and common_word_ratio > 0 and len(words) == 1:
        word = next(iter(words))
        if word.isupper() and len(word) <= 4:
            return None
        mid = sum(not m.initial for m in mentions)
        low = lowercase[word.lower()]
        if low > 0 and low >= common_word_ratio * mid:
            return f"a common word: written in lowercase {low} times, capitalised inside a sentence {mid} times"
    return None


_LONG_DATE_WORDS = frozenset(w for w in en.ENTITY_DATE_WORDS if len(w) >= 7)


def _misspelt_date(word: str) -> bool:
    """True if ``word`` is one letter or one swap of two neighbours off a month or weekday name of seven
    letters or more ("febraury", "wedensday"); shorter ones are too near real names ("Monda", "Julie")."""
    if word in en.ENTITY_DATE_WORDS or len(word) < 6:
        return False
    return any(one_edit(word, d) or one_swap(word, d) for d in _LONG_DATE_WORDS)


def conflicting_labels(members: Sequence[Form], mentions: Sequence[NameMention]) -> bool:
    """True for a one-word entry whose mentions no kind holds two thirds of."""
    if not all(f.single for f in members) or len(mentions) < 2:
        return False
    kinds = Counter(m.kind for m in mentions)
    return kinds.most_common(1)[0][1] * 3 < 2 * len(mentions)
