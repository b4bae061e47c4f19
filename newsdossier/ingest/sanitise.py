"""Text that every later stage can encode: lone surrogates replaced, with a count.

A JSON escape such as ``"\\ud83d"`` (half of an emoji's UTF-16 pair) decodes to a lone
surrogate code point, which no encoder accepts: spaCy, SQLite and every writer raise
``UnicodeEncodeError`` on it. Ingest replaces each one with U+FFFD (one character for one,
so offsets do not move) and flags the article.
"""

from __future__ import annotations

import re
from typing import Any

_SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def replace_surrogates(text: str) -> tuple[str, int]:
    """Return ``text`` with every surrogate code point replaced by U+FFFD, and how many.

    A Python ``str`` holds a well-formed astral character as one code point, so any
    surrogate code point left in a string is unpaired (or a pair that was never joined)
    and cannot be encoded.
    """
    if not _SURROGATE.search(text):
        return text, 0
    return _SURROGATE.subn(REPLACEMENT, text)


def clean_value(value: Any) -> Any:
    """Return a metadata value with surrogates replaced when it is a string."""
    if isinstance(value, str):
        return replace_surrogates(value)[0]
    return value
