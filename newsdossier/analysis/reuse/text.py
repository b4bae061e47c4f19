"""Text normalisation for reuse detection: tokens with offsets, stable hashes, quoted regions.

Matching happens on word tokens only, so punctuation, quote-mark style (straight or curly),
dash style (``--`` or an em dash) and whitespace never matter. Each token keeps its character
offsets in the article text, so every aligned passage maps back to an exact span.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

import numpy as np

# Word characters plus invisible joiners/soft hyphens (dropped during normalisation), so a
# zero-width character inside a word does not split it in two.
TOKEN_RE = re.compile(r"[\w\u00ad\u200b-\u200d\u2060\ufeff]+")
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))

OPENERS = "\"'“‘«„‚("
CLOSERS = "\"'”’»).,;:!?…"

_MASK = np.uint64(0xFFFFFFFFFFFFFFFF)
# Odd multipliers for combining token hashes into n-gram hashes (fixed: results are stable).
_MULTIPLIERS = np.array(
    [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
     0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53, 0x94D049BB133111EB, 0xBF58476D1CE4E5B9,
     0x27BB2EE687B0B0FD, 0x2545F4914F6CDD1D, 0x5851F42D4C957F2D, 0x14057B7EF767814F],
    dtype=np.uint64,
)
MAX_NGRAM = len(_MULTIPLIERS)


def normalize_token(token: str) -> str:
    """Return the matching form of a token: NFKC, case-folded, invisible characters removed."""
    return unicodedata.normalize("NFKC", token.translate(_INVISIBLE)).casefold()


class TokenHasher:
    """Maps token strings to stable 64-bit hashes, caching per instance (one per call)."""

    def __init__(self) -> None:
        self._cache: dict[str, int] = {}

    def hash(self, token: str) -> int:
        """Return the stable hash of a raw token (0 when it normalises to nothing)."""
        value = self._cache.get(token)
        if value is None:
            norm = normalize_token(token)
            if norm:
                digest = hashlib.blake2b(norm.encode("utf-8", "surrogatepass"), digest_size=8).digest()
                value = int.from_bytes(digest, "little") | 1
            else:
                value = 0
            self._cache[token] = value
        return value

    def hashes(self, text: str) -> np.ndarray:
        """Return the token hashes of ``text`` (empty tokens dropped) as a uint64 array."""
        get = self.hash
        values = [get(t) for t in TOKEN_RE.findall(text)]
        arr = np.fromiter(values, dtype=np.uint64, count=len(values))
        return arr[arr != 0]


def ngram_hashes(tokens: np.ndarray, n: int) -> np.ndarray:
    """Return the hash of every token n-gram (``len(tokens) - n + 1`` values, maybe none).

    Raises:
        ValueError: if ``n`` is not between 1 and :data:`MAX_NGRAM`.
    """
    if not 1 <= n <= MAX_NGRAM:
        raise ValueError(f"n-gram size must be between 1 and {MAX_NGRAM}, got {n}")
    m = len(tokens) - n + 1
    if m <= 0:
        return np.zeros(0, dtype=np.uint64)
    acc = np.zeros(m, dtype=np.uint64)
    for k in range(n):
        acc ^= tokens[k : k + m] * _MULTIPLIERS[k]
        acc = (acc << np.uint64(7)) | (acc >> np.uint64(57))
    # splitmix64 finaliser: spreads the bits so window minima behave like random picks.
    acc ^= acc >> np.uint64(30)
    acc *= np.uint64(0xBF58476D1CE4E5B9)
    acc ^= acc >> np.uint64(27)
    acc *= np.uint64(0x94D049BB133111EB)
    acc ^= acc >> np.uint64(31)
    return acc


def winnow(hashes: np.ndarray, window: int) -> np.ndarray:
    """Return the positions chosen by winnowing (the minimum of every ``window`` hashes).

    Any run of ``window`` consecutive shared hashes is guaranteed to share a chosen one.
    """
    m = len(hashes)
    if m == 0:
        return np.zeros(0, dtype=np.int64)
    if m <= window:
        return np.array([int(np.argmin(hashes))], dtype=np.int64)
    view = np.lib.stride_tricks.sliding_window_view(hashes, window)
    picks = view.argmin(axis=1) + np.arange(len(view))
    return np.unique(picks)


@dataclass(frozen=True, slots=True)
class Tokens:
    """The tokens of one article: hashes, character offsets and whether each is quoted."""

    hashes: np.ndarray
    starts: np.ndarray
    ends: np.ndarray
    quoted: np.ndarray

    def __len__(self) -> int:
        return len(self.hashes)


def tokenize(text: str, hasher: TokenHasher) -> Tokens:
    """Return the tokens of ``text`` with offsets and quoted flags."""
    hashes: list[int] = []
    starts: list[int] = []
    ends: list[int] = []
    get = hasher.hash
    for m in TOKEN_RE.finditer(text):
        h = get(m.group())
        if h:
            hashes.append(h)
            starts.append(m.start())
            ends.append(m.end())
    st = np.array(starts, dtype=np.int64)
    quoted = np.zeros(len(st), dtype=bool)
    regions = quoted_regions(text)
    if regions and len(st):
        rs = np.array([r[0] for r in regions], dtype=np.int64)
        re_ = np.array([r[1] for r in regions], dtype=np.int64)
        idx = np.searchsorted(rs, st, side="right") - 1
        ok = idx >= 0
        quoted[ok] = st[ok] < re_[idx[ok]]
    return Tokens(np.array(hashes, dtype=np.uint64), st, np.array(ends, dtype=np.int64), quoted)


def _is_letter(ch: str) -> bool:
    return ch.isalnum()


def quoted_regions(text: str) -> list[tuple[int, int]]:
    """Return the sorted, disjoint character ranges inside quotation marks.

    Works paragraph by paragraph (a line break ends a paragraph): straight double quotes
    toggle; curly and angle quotes open and close; single curly quotes count only when they
    are not apostrophes (a letter on both sides). A quote still open at the end of a
    paragraph runs to the paragraph's end (the convention for multi-paragraph quotes).
    """
    regions: list[tuple[int, int]] = []
    pos = 0
    for para in text.split("\n"):
        open_at: int | None = None
        single = False
        for i, ch in enumerate(para):
            if ch not in "\"“”«»„‘’":
                continue
            at = pos + i
            if ch in "‘’":
                prev_l = i > 0 and _is_letter(para[i - 1])
                next_l = i + 1 < len(para) and _is_letter(para[i + 1])
                if prev_l and next_l:
                    continue  # apostrophe
                if open_at is None and ch == "‘" and not prev_l:
                    open_at, single = at, True
                elif open_at is not None and single and ch == "’" and not next_l:
                    regions.append((open_at, at + 1))
                    open_at, single = None, False
                continue
            if single:
                continue
            if open_at is None:
                if ch in "\"“«„”":
                    open_at = at
            elif ch in "\"”»“":
                if ch == "“":  # a new opening quote: close the dangling one just before
                    regions.append((open_at, at))
                    open_at = at
                else:
                    regions.append((open_at, at + 1))
                    open_at = None
        if open_at is not None:
            regions.append((open_at, pos + len(para)))
        pos += len(para) + 1
    return regions


def widen(text: str, start: int, end: int) -> tuple[int, int]:
    """Extend ``start:end`` over directly adjacent opening quotes and closing punctuation."""
    while start > 0 and text[start - 1] in OPENERS:
        start -= 1
    while end < len(text) and text[end] in CLOSERS:
        end += 1
    return start, end


_WORD = re.compile(r"[^\W\d_][\w'’-]*")
WORDING_MIN_LETTERS = 4  # "wife", "said": shorter words are mostly function words


def wording(text: str) -> int | None:
    """Count the distinct lower-case words of :data:`WORDING_MIN_LETTERS` letters or more.

    Names, numbers and short function words are written alike by everyone who reports a fact
    ("John F. Kennedy Jr., his wife, Carolyn Bessette Kennedy, and her sister"; "from Essex
    County Airport in Fairfield, N.J. at 8:38 p.m."); copying shows in the rest of the wording.
    Returns ``None`` for a text in a script without letter case, where names cannot be told.
    """
    words = _WORD.findall(text)
    if not any(w.lower() != w.upper() for w in words):
        return None
    return len({w for w in words if w[:1].islower() and len(w) >= WORDING_MIN_LETTERS})

