"""Dossier to JSON text (schema :data:`newsdossier.model.SCHEMA`)."""

from __future__ import annotations

import json

from ..model import Dossier


def to_json(dossier: Dossier, indent: int | None = 1) -> str:
    """Return the dossier as JSON text, spans validated first.

    Raises:
        SpanError: if any span does not round-trip (a bug in an analysis).
    """
    dossier.validate()
    return json.dumps(dossier.to_dict(), ensure_ascii=False, indent=indent) + "\n"


def from_json(text: str) -> Dossier:
    """Read a dossier back from JSON text."""
    return Dossier.from_dict(json.loads(text))
