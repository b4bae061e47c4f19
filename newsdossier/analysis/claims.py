"""Verdicts about entities and who holds them: see :mod:`newsdossier.analysis.points.claims`."""

from __future__ import annotations

from .points.claims import extract_claims

__all__ = ["extract_claims"]
