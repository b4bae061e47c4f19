"""Cross-document entity resolution: one entry per person, organisation, group or place.

Public API: :func:`resolve_entities` and :class:`EntityRules` (user must-link /
cannot-link overrides, built from the ``--entity-rules`` JSON with
:meth:`EntityRules.from_dict`).
"""

from .config import EntitiesConfig, EntitiesConfigError
from .resolve import EntityRules, EntityRulesError, mention_count, resolve_entities

__all__ = ["EntitiesConfig", "EntitiesConfigError", "EntityRules", "EntityRulesError", "mention_count", "resolve_entities"]
