"""A small offline language identifier: writing system first, then stop-word profiles.

It only has to tell English from everything else reliably and name the common news
languages; it needs no model files and is deterministic.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from ..lang import en

_STOPWORDS = en.LANGUAGE_STOPWORDS
# a word of one profile only counts 1, a word several profiles share ("a", "de", "in") counts 0.5
_WEIGHTS = {
    lang: {w: 1.0 if sum(w in other for other in _STOPWORDS.values()) == 1 else 0.5 for w in words}
    for lang, words in _STOPWORDS.items()
}
# word -> the profiles it is in, with its weight there (one lookup a word instead of one a profile)
_PROFILES_OF: dict[str, tuple[tuple[str, float], ...]] = {}
for _lang, _weights in _WEIGHTS.items():
    for _w, _weight in _weights.items():
        _PROFILES_OF[_w] = (*_PROFILES_OF.get(_w, ()), (_lang, _weight))
_SCRIPTS = (
    ("ARABIC", "ar"), ("CYRILLIC", "ru"), ("HEBREW", "he"), ("GREEK", "el"), ("DEVANAGARI", "hi"),
    ("HANGUL", "ko"), ("HIRAGANA", "ja"), ("KATAKANA", "ja"), ("CJK", "zh"), ("THAI", "th"),
)
MIN_SHARE = 0.06   # the winning profile's (weighted) words must be this share of all words
MARGIN = 1.25      # ... and this many times the runner-up's share
_URLISH = re.compile(r"\S*(?:https?://|www\.|@)\S*|\S+\.(?:com|org|net)\b\S*")  # no words in addresses
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@functools.lru_cache(maxsize=4096)
def _script(ch: str) -> str | None:
    """Return the language code of a letter's writing system in :data:`_SCRIPTS`, or ``None``."""
    name = unicodedata.name(ch, "")
    return next((code for key, code in _SCRIPTS if name.startswith(key)), None)


def detect(text: str) -> str:
    """Return an ISO 639-1 code for the text's language, or ``"und"`` when unsure."""
    sample = text[:5000]
    letters = [ch for ch in sample if ch.isalpha()]
    if len(letters) < 20:
        return "und"
    scripts: dict[str, int] = {}
    for ch in letters[:3000]:
        code = None if ch.isascii() else _script(ch)  # an ASCII letter is Latin
        if code is not None:
            scripts[code] = scripts.get(code, 0) + 1
    if scripts:
        code, count = max(scripts.items(), key=lambda kv: kv[1])
        if count > 0.3 * min(len(letters), 3000):
            return code
    words = [w.lower() for w in _WORD.findall(_URLISH.sub(" ", sample))]
    if len(words) < 5:
        return "und"
    totals = dict.fromkeys(_STOPWORDS, 0.0)
    for w in words:
        for lang, weight in _PROFILES_OF.get(w, ()):
            totals[lang] += weight
    scores = {lang: total / len(words) for lang, total in totals.items()}
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    (best, score), (_, second) = ranked[0], ranked[1]
    # a clear winner only: short function words are shared ("a", "i", "to" are English and Czech)
    if score >= MIN_SHARE and score >= MARGIN * second:
        return best
    return "und"
