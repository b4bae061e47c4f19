"""What every format reader yields: raw documents (text plus metadata) or rejections."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..model import Rejected

META_FIELDS = ("title", "outlet", "author", "published", "url")


@dataclass
class RawDoc:
    """One article as a reader found it, before cleanup.

    Attributes:
        source: where it came from: a path, with ``#n`` for the n-th record of a container.
        text: the decoded text (line endings normalised).
        meta: metadata found in the input (keys from :data:`META_FIELDS`).
        input_id: an id the input gave the document, kept as ``Article.input_id``.
        flags: notes about repairs, e.g. ``"html"`` for text extracted from markup.
    """

    source: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    input_id: str | None = None
    flags: list[str] = field(default_factory=list)


Record = RawDoc | Rejected
Records = Iterator[Record]
