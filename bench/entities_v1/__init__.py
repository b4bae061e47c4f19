"""FROZEN COPY of newsdossier.analysis.entities before issue 15 (the bench baseline; do not edit).

Cross-document entity resolution: one entry per person, organisation, group or place.

Public API: :func:`resolve_entities` and :class:`EntityRules` (user must-link /
cannot-link overrides, built from the ``--entity-rules`` JSON with
:meth:`EntityRules.from_dict`).
"""

from .resolve import EntityRules, EntityRulesError, mention_count, resolve_entities

__all__ = ["EntityRules", "EntityRulesError", "mention_count", "resolve_entities"]
