"""Name strings: cleaning, particles, titles, transliteration keys, initials.

Everything here works on one name at a time and knows nothing about articles. The rules
are general properties of how names are written in English-language news (particles such
as ``al-``/``van``/``bin``, honorifics, possessives, romanisation variants), never lists of
particular names.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field

from ...lang import en

# Name particles and Arabic article forms: see lang.en.NAME_PARTICLES / NAME_ARTICLE_FORMS.
_ARTICLE_FORMS = en.NAME_ARTICLE_FORMS
_PARTICLES = en.NAME_PARTICLES
_CAPITAL_PARTICLES = en.NAME_PARTICLES_CAPITALISED
_PARTICLE_FORMS = _ARTICLE_FORMS | _PARTICLES  # once, not per token

_TITLES = frozenset(w.rstrip(".").lower() for w in en.ENTITY_TITLE_WORDS)
COURTESY = en.NAME_COURTESY_TITLES
_NAME_FUNCTION_WORDS = en.NAME_FUNCTION_WORDS

_APOSTROPHES = "'’ʼ‘`´"
_POSSESSIVE = re.compile(r"(?:['’ʼ]s|s['’ʼ])$")

_DERIVED_SUFFIXES = en.NAME_DERIVED_SUFFIXES

VOWELS = frozenset("aeiou")

PLACE_HEADS = en.ENTITY_PLACE_HEADS
ORG_HEADS = en.ENTITY_ORG_HEADS


# Geographic features often named by their first word alone ("the Kessel" for "Kessel River").
GEO_HEADS = frozenset({
    "river", "lake", "sea", "mountain", "mountains", "valley", "island", "islands", "bay", "gulf",
    "strait", "canal", "desert", "peninsula", "creek", "falls", "glacier", "forest",
})


def non_person_kind(name: Name) -> str | None:
    """Return "place", "organisation" or "other" (an event or award, a law) if a multi-word name ends in
    such a head word, else None."""
    if len(name.core) < 2:
        return None
    head = name.core[-1]
    if event_name(name) or head in en.ENTITY_LAW_HEADS:
        return "other"  # an event or award; a law or a part of one ("Line Item Veto Act", "First Amendment")
    if head in PLACE_HEADS or head in en.ENTITY_FACILITY_HEADS:
        return "place"
    if head in ORG_HEADS:
        return "organisation"
    return None


def event_name(name: Name) -> bool:
    """True for the name of an event or award (:data:`lang.en.ENTITY_EVENT_HEADS`)."""
    if len(name.core) < 2:
        return False
    if name.core[-1] in en.ENTITY_EVENT_HEADS:
        return True
    return name.core[-1] == "day" and (len(name.core) >= 3 or name.caps[-2].endswith(("'", "’")))


def looks_like_personal_name(name: Name) -> bool:
    """True for 2-4 capitalised alphabetic words without a place/organisation head."""
    words = [w for w in name.caps if w]
    return (
        2 <= len(name.core) - name.generation <= 4  # "Trump Jr" has no first name
        and all(len(t) >= 2 for t in name.core[1:])
        and name.core[0] not in en.ENTITY_SHIP_PREFIXES  # "USS Fitzgerald" is a ship
        and non_person_kind(name) is None
        and all(w.replace(".", "").replace("’", "").replace("'", "").isalpha() for w in words)
        and all(w[:1].isupper() or is_particle(w) for w in words)
        and not all(w.isupper() for w in words)
    )


def strip_accents(text: str) -> str:
    """Return ``text`` without combining diacritics (``é`` -> ``e``)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@functools.lru_cache(maxsize=65536)
def norm_token(token: str) -> str:
    """Return the comparison form of one name token: lowercase, no accents, apostrophes or dots
    (a pure function, memoised)."""
    out = strip_accents(token).lower()
    for ch in _APOSTROPHES:
        out = out.replace(ch, "")
    return out.replace(".", "")


@functools.lru_cache(maxsize=65536)
def is_title(token: str) -> bool:
    """Return True if ``token`` is an honorific or title word (``Mr.``, ``Gen``, ``President``; a pure
    function, memoised)."""
    return token.rstrip(".").lower() in _TITLES and token[:1].isupper()


def is_courtesy(token: str) -> bool:
    """Return True if ``token`` is a courtesy title (``Mr.``, ``Mrs``) that names no role."""
    return token.rstrip(".").lower() in COURTESY


def strip_possessive(text: str) -> str:
    """Return ``text`` without a trailing possessive (``'s``, ``’s``, ``s'``)."""
    match = _POSSESSIVE.search(text)
    if not match:
        return text
    if match.group(0)[0] == "s":  # plural possessive "Smiths'": keep the s
        return text[:-1]
    return text[: match.start()]


@dataclass(frozen=True, slots=True)
class Name:
    """A cleaned name split into comparison tokens.

    Attributes:
        surface: the cleaned surface text as written.
        tokens: normalised tokens, particles included (Arabic article forms as ``al``).
        core: normalised tokens without particles.
        particle: True if a particle stands directly before the last core token.
        caps: the original tokens (for initials and acronym checks).
    """

    surface: str
    tokens: tuple[str, ...]
    core: tuple[str, ...]
    particle: bool
    caps: tuple[str, ...]
    _key: str = field(init=False, repr=False, compare=False)  # joined once: the keys are read often
    _core_key: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_key", " ".join(self.tokens))
        object.__setattr__(self, "_core_key", " ".join(self.core))

    @property
    def key(self) -> str:
        """The form key: two surfaces with the same key are the same spelling."""
        return self._key

    @property
    def core_key(self) -> str:
        """The key without particles (``al-Rashidi`` and ``Rashidi`` share it)."""
        return self._core_key

    @property
    def first(self) -> str:
        return self.core[0]

    @property
    def last(self) -> str:
        """The surname: the last core token, before a generational suffix ("Trump" of "Trump Jr")."""
        if len(self.core) >= 2 and self.core[-1] in en.ENTITY_GENERATION_SUFFIXES:
            return self.core[-2]
        return self.core[-1]

    @property
    def generation(self) -> bool:
        """True if the name ends in a generational suffix ("Jr", "III")."""
        return len(self.core) >= 2 and self.core[-1] in en.ENTITY_GENERATION_SUFFIXES


@functools.lru_cache(maxsize=65536)
def split_name(surface: str) -> Name:
    """Split a cleaned name into comparison tokens (a pure function, memoised).

    Args:
        surface: a name without titles, determiners or possessives (see :func:`clean_surface`).

    Raises:
        ValueError: if the name has no letters.
    """
    raw = surface.split()  # (as ``re.split(r"\s+")`` of the stripped text: the same whitespace)
    pieces: list[tuple[str, str, bool]] = []  # (original, normalised, is_particle)
    for i, tok in enumerate(raw):
        parts = tok.split("-")
        # "al-Rashidi", "Al-Kazemi", "el-Baz": particle joined by a hyphen
        if len(parts) >= 2 and norm_token(parts[0]) in _PARTICLE_FORMS and parts[1]:
            head = norm_token(parts[0])
            pieces.append((parts[0], "al" if head in _ARTICLE_FORMS else head, True))
            rest = "-".join(parts[1:])
            pieces.append((rest, norm_token(rest), False))
            continue
        if len(parts) >= 2 and all(parts):  # "Jong-Un", "Abad-Santos": compare word by word
            pieces.extend((part, norm_token(part), False) for part in parts)
            continue
        norm = norm_token(tok)
        particle = False
        if i < len(raw) - 1 and norm in _PARTICLES:
            particle = tok[:1].islower() or norm in _CAPITAL_PARTICLES
        if particle and norm in _ARTICLE_FORMS:
            norm = "al"
        pieces.append((tok, norm, particle))
    pieces = [p for p in pieces if p[1]]
    if not any(ch.isalpha() for p in pieces for ch in p[1]):
        raise ValueError(f"not a name: {surface!r}")
    core = tuple(p[1] for p in pieces if not p[2])
    if not core:  # a name made of particles only ("De La")
        core = tuple(p[1] for p in pieces)
    particle = False
    for j in range(len(pieces) - 1, -1, -1):
        if not pieces[j][2]:
            particle = j > 0 and pieces[j - 1][2]
            break
    return Name(
        surface=surface,
        tokens=tuple(p[1] for p in pieces),
        core=core,
        particle=particle,
        caps=tuple(p[0] for p in pieces),
    )


# --------------------------------------------------------------------------- transliteration


_C_SOFT = re.compile(r"c(?=[eiy])")
_DOUBLE = re.compile(r"(.)\1+")
_H_AFTER_CONSONANT = re.compile(r"(?<=[bdfjklmnprtvwxz])h")
_FINAL_H = re.compile(r"(?<=[aeiouy])h$")
_Y_BETWEEN_VOWELS = re.compile(r"(?<=[aeiou])y(?=[aeiou])")
_Y_CONSONANT = re.compile(r"^y|y(?=[aeiou])")
_GROUPS = re.compile(r"[aeiou]+|[^aeiou]+")
_FINAL_R = re.compile(r"(?<=[bdgkpt])r$")
_FINAL_FV = re.compile(r"(?<=[aeiou])[fw]$")
_J_AFTER_CONSONANT = re.compile(r"(?<=[bdfklmnprstvz])j(?=[aeiou])")


@functools.lru_cache(maxsize=65536)
def _skeleton(token: str) -> tuple[str, ...]:
    """Split a token into alternating consonant and vowel groups after romanisation folding.

    Folds what differs between romanisations of one name: ``q``/``k``/``g``/hard ``c``,
    doubled letters, ``h`` after a consonant (``dh``/``d``, ``kh``/``k``), a final ``h``
    after a vowel, ``ph``/``f``, ``x``/``ks``, a final ``-dr``/``-der``, a final
    ``-ov``/``-off``/``-ow``, ``j`` after a consonant (``nj``/``ny``), ``y`` between vowels
    and a non-initial ``y`` used as a vowel.
    (A pure function, memoised.)
    """
    s = token
    # (each pattern runs only when the letter it needs is there: the same result, fewer scans)
    s = s.replace("x", "ks")
    if "r" in s:
        s = _FINAL_R.sub("er", s)  # "Aleksandr" / "Alexander", "Petr" / "Peter"
    s = s.replace("ph", "f").replace("ck", "k").replace("sh", "S").replace("ch", "C").replace("zh", "Z")
    if "c" in s:
        s = _C_SOFT.sub("s", s)
    s = s.replace("c", "k").replace("q", "k").replace("g", "k")
    s = _DOUBLE.sub(r"\1", s)
    if "h" in s:
        s = _H_AFTER_CONSONANT.sub("", s)
        s = _FINAL_H.sub("", s)
    if "j" in s:
        s = _J_AFTER_CONSONANT.sub("y", s)  # "Benjamin" / "Binyamin": Hebrew and Arabic yod as j or y
    if "y" in s:
        s = _Y_BETWEEN_VOWELS.sub("", s)  # "Riyad" / "Riad"
        s = _Y_CONSONANT.sub("Y", s)
        s = s.replace("y", "i")
    s = _DOUBLE.sub(r"\1", s)
    if "f" in s or "w" in s:
        s = _FINAL_FV.sub("v", s)  # "Petroff" / "Petrov" / "Petrow"
    return tuple(_GROUPS.findall(s))


@functools.lru_cache(maxsize=65536)
def consonant_key(token: str) -> str:
    """Return a blocking key: tokens that :func:`same_token` may match share it (a pure function, memoised)."""
    if len(token) < 4 or not token.isalpha():
        return token
    return "".join(g if g[0] not in VOWELS else "_" for g in _skeleton(token))


_VOWEL_SWAPS = ({"a", "e"}, {"e", "i"}, {"o", "u"})


def _vowels_compatible(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) == len(b):
        diffs = [(x, y) for x, y in zip(a, b) if x != y]
        return len(diffs) == 1 and any({diffs[0][0], diffs[0][1]} == s for s in _VOWEL_SWAPS)
    short, long_ = sorted((a, b), key=len)
    # "ou"/"u" (Yousouf/Yusuf), "ie"/"i"
    return len(long_) == len(short) + 1 and (long_ in ("ou", "uo") and short == "u" or long_ == "ie" and short == "i")


def same_token(a: str, b: str) -> bool:
    """Return True if two normalised tokens are romanisation variants of one name.

    Tokens shorter than four letters must be identical. Longer ones may differ by
    alternations between ``a/e``, ``e/i``, ``o/u`` (at most two vowel groups), ``ou/u``,
    ``q/k/g``, doubled letters, a dropped ``h`` and ``-y/-i`` endings; the final vowel and
    the first vowel group of a vowel-initial name must agree.
    """
    if a == b:
        return True
    if len(a) < 4 or len(b) < 4 or not a.isalpha() or not b.isalpha():
        return False
    ga, gb = _skeleton(a), _skeleton(b)
    if len(ga) != len(gb):
        return False
    changed = 0
    for i, (x, y) in enumerate(zip(ga, gb)):
        if x == y:
            continue
        if x[0] not in VOWELS or y[0] not in VOWELS:
            return False
        if i == 0 or i == len(ga) - 1:  # initial and final vowels carry gender/identity
            return False
        if not _vowels_compatible(x, y):
            return False
        changed += 1
    return changed <= 2


def same_tokens(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Return True if two token sequences are pairwise romanisation variants."""
    return len(a) == len(b) and all(same_token(x, y) for x, y in zip(a, b))


# --------------------------------------------------------------------------- acronyms, derived words


def acronym_key(surface: str) -> str | None:
    """Return the lowercase letters of an acronym-like surface (``U.S.`` -> ``us``), else None.

    A surface is acronym-like when it is one token of 2-8 letters (dots allowed) written in
    capitals, or of 3-6 letters written with a capital and no vowel-consonant English shape
    check beyond that (``Vfc``): the caller must still find a unique expansion.
    """
    text = surface.strip()
    if " " in text or "-" in text:
        return None
    letters = text.replace(".", "")
    if not letters.isalpha() or not 2 <= len(letters) <= 8:
        return None
    if letters.isupper() or (len(letters) >= 3 and letters[0].isupper() and len(letters) <= 6):
        return letters.lower()
    return None


def initials(name: Name) -> set[str]:
    """Return the initialisms a multi-word name may be abbreviated to (lowercase).

    Two variants: initials of the capitalised words only, and of every word except
    articles (``the``). An acronym inside the name contributes all its letters.
    """
    words = [w for w in name.caps if w]
    if len(words) < 2:
        return set()
    out: set[str] = set()

    def letters(word: str) -> str:  # an acronym inside a name gives all its letters ("U.S. Navy")
        bare = word.replace(".", "")
        return bare if len(bare) >= 2 and bare.isupper() and bare.isalpha() else word[0]

    caps_only = "".join(letters(w) for w in words if w[0].isupper())
    content = "".join(letters(w) for w in words if w.lower() not in ("the", "a", "an", "&"))
    for cand in (caps_only, content):
        if len(cand) >= 2:
            out.add(strip_accents(cand).lower())
    return out


def derived_from(stem_token: str, word: str) -> bool:
    """Return True if ``word`` is a group word derived from ``stem_token`` (``rashidists``).

    Both arguments are normalised tokens. The stem may lose a final vowel
    (``america`` -> ``americans``).
    """
    if len(stem_token) < 3 or word == stem_token:
        return False
    stems = {stem_token}
    if stem_token[-1] in "aeiouy" and len(stem_token) > 3:
        stems.add(stem_token[:-1])
    for stem in stems:
        if word.startswith(stem):
            rest = word[len(stem):]
            if rest in _DERIVED_SUFFIXES:
                return True
    return False


def plural_of(single: str, plural: str) -> bool:
    """Return True if ``plural`` is the regular plural of ``single`` (normalised tokens)."""
    return plural in (single + "s", single + "es") and len(single) >= 3


def is_name_function_word(token: str) -> bool:
    """Return True for lowercase words allowed inside a multi-word name (``of``, ``the``)."""
    return token in _NAME_FUNCTION_WORDS


@functools.lru_cache(maxsize=65536)
def is_particle(token: str) -> bool:
    """Return True if ``token`` (as written) may be a name particle (``al``, ``van``, ``bin``; a pure
    function, memoised)."""
    parts = token.split("-")
    return norm_token(parts[0]) in _PARTICLE_FORMS
