"""A small offline language identifier: writing system first, then stop-word profiles.

It only has to tell English from everything else reliably and name the common news
languages; it needs no model files and is deterministic.
"""

from __future__ import annotations

import re
import unicodedata

_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the of and to in is that for it was on with as he be by at are this from his have said not but they an which were has had".split()),
    "de": frozenset("der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er hat dass sie nach".split()),
    "fr": frozenset("le la les de des et un une du en est que qui dans pour pas sur au il elle ne se ce sont avec par plus".split()),
    "es": frozenset("el la los las de del y en que un una por con para es se no al lo su como más pero sus le ha".split()),
    "it": frozenset("il lo la gli le di del della e che un una per con non è sono in da al si come anche ma più".split()),
    "pt": frozenset("o a os as de do da dos das e que em um uma para com não é no na se por mais como mas ao".split()),
    "nl": frozenset("de het een en van in is dat op te zijn met voor niet aan er die ook als bij maar om".split()),
}
_SCRIPTS = (
    ("ARABIC", "ar"), ("CYRILLIC", "ru"), ("HEBREW", "he"), ("GREEK", "el"), ("DEVANAGARI", "hi"),
    ("HANGUL", "ko"), ("HIRAGANA", "ja"), ("KATAKANA", "ja"), ("CJK", "zh"), ("THAI", "th"),
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def detect(text: str) -> str:
    """Return an ISO 639-1 code for the text's language, or ``"und"`` when unsure."""
    sample = text[:5000]
    letters = [ch for ch in sample if ch.isalpha()]
    if len(letters) < 20:
        return "und"
    scripts: dict[str, int] = {}
    for ch in letters[:3000]:
        name = unicodedata.name(ch, "")
        for key, code in _SCRIPTS:
            if name.startswith(key):
                scripts[code] = scripts.get(code, 0) + 1
                break
    if scripts:
        code, count = max(scripts.items(), key=lambda kv: kv[1])
        if count > 0.3 * min(len(letters), 3000):
            return code
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < 5:
        return "und"
    scores = {lang: sum(1 for w in words if w in sw) / len(words) for lang, sw in _STOPWORDS.items()}
    best, score = max(scores.items(), key=lambda kv: kv[1])
    return best if score >= 0.08 else "und"
