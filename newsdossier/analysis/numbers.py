"""Quantities stated in the articles: see :mod:`newsdossier.analysis.points.facts`."""

from __future__ import annotations

from .points.facts import extract_facts
from .points.quantities import Quantity, QuantityError, find_quantities, parse_number_words

__all__ = ["Quantity", "QuantityError", "extract_facts", "find_quantities", "parse_number_words"]
