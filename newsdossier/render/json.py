"""Dossier to JSON text (schema :data:`newsdossier.model.SCHEMA`), whole or as JSON Lines."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from ..model import Dossier


def _dict(dossier: Dossier, texts: bool) -> dict[str, Any]:
    data = dossier.to_dict()
    if not texts:
        # Article texts are the bulk of a large dossier; every span still carries its own text.
        for art in data["articles"]:
            art["text"] = None
        data["texts"] = False
    return data


def to_json(dossier: Dossier, indent: int | None = 1, *, texts: bool = True) -> str:
    """Return the dossier as JSON text, spans validated first.

    Args:
        dossier: the dossier.
        indent: JSON indentation (``None``: one line).
        texts: include the article texts; without them (``"texts": false`` at the top, each
            article's ``text`` null) the file is a fraction of the size and every span still
            holds the characters it cites.

    Raises:
        SpanError: if any span does not round-trip (a bug in an analysis).
    """
    return "".join(iter_json(dossier, indent, texts=texts))


def iter_json(dossier: Dossier, indent: int | None = 1, *, texts: bool = True) -> Iterator[str]:
    """Yield :func:`to_json`'s text in pieces, for writing a large dossier without holding its
    whole text (and its encoded bytes) in memory as well as the dossier.

    Raises:
        SpanError: if any span does not round-trip.
    """
    dossier.validate()
    encoder = json.JSONEncoder(ensure_ascii=False, indent=indent)
    piece: list[str] = []
    for chunk in encoder.iterencode(_dict(dossier, texts)):
        piece.append(chunk)
        if len(piece) >= _PIECE:
            yield "".join(piece)
            piece.clear()
    piece.append("\n")
    yield "".join(piece)


_PIECE = 20_000  # encoder chunks (mostly single tokens) joined per piece written


def iter_jsonl(dossier: Dossier, *, texts: bool = True) -> Iterator[str]:
    """Yield the dossier as JSON Lines: a header line, then one line per item of each section.

    The header is ``{"schema", "texts", "counts": {section: n}, "timings"}``; every other
    line is ``{"section": NAME, "item": {...}}`` with the item exactly as in ``dossier.json``.
    Sections come in the order of ``dossier.json``; a reader can stream them.

    Raises:
        SpanError: if any span does not round-trip.
    """
    dossier.validate()
    data = _dict(dossier, texts)
    sections = {k: v for k, v in data.items() if isinstance(v, list)}
    extra = data.get("extra", {})
    head = {"schema": data["schema"], "texts": texts,
            "counts": {**{k: len(v) for k, v in sections.items()}, **{f"extra.{k}": len(v) for k, v in extra.items()}},
            "timings": data.get("timings", {})}
    yield json.dumps(head, ensure_ascii=False)
    for name, items in sections.items():
        for item in items:
            yield json.dumps({"section": name, "item": item}, ensure_ascii=False)
    for name, items in extra.items():
        for item in items:
            yield json.dumps({"section": f"extra.{name}", "item": item}, ensure_ascii=False)


def to_jsonl(dossier: Dossier, *, texts: bool = True) -> str:
    """Return :func:`iter_jsonl` as one text (one JSON object a line)."""
    return "\n".join(iter_jsonl(dossier, texts=texts)) + "\n"


def from_json(text: str) -> Dossier:
    """Read a dossier back from JSON text."""
    return Dossier.from_dict(json.loads(text))
