"""Cross-document entity resolution: one entry per person, organisation, group or place.

Public API: :func:`resolve_entities` and :class:`EntityRules` (user must-link /
cannot-link overrides, built from the ``--entity-rules`` JSON with
:meth:`EntityRules.from_dict`).
"""

from .resolve import EntityRules, EntityRulesError, mention_count, resolve_entities

__all__ = ["EntityRules", "EntityRulesError", "mention_count", "resolve_entities"]


# --------------------------------------------------------------------------- registration

from collections.abc import Mapping  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from typing import Any  # noqa: E402

from ...registry import Inputs, Produced, analysis  # noqa: E402


@dataclass(frozen=True)
class EntitiesConfig:
    """Settings of entity resolution.

    Attributes:
        rules: user must-link / cannot-link rules, as :class:`EntityRules` or as the parsed
            ``--entity-rules`` JSON (checked when the config is made, before any work).
    """

    rules: EntityRules | Mapping[str, Any] | None = None

    def __post_init__(self) -> None:
        if self.rules is not None and not isinstance(self.rules, EntityRules):
            object.__setattr__(self, "rules", EntityRules.from_dict(self.rules))


@analysis("entities", requires=("articles", "mentions"), produces=("entities",), config=EntitiesConfig)
def entities_component(inputs: Inputs, config: EntitiesConfig) -> Produced:
    """One entry per person, organisation, group or place, across the articles."""
    rules = config.rules if isinstance(config.rules, EntityRules) else None
    return {"entities": tuple(resolve_entities(inputs.articles, inputs.docs, rules))}
