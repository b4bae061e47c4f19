"""Cross-document entity resolution: one entry per person, organisation, group or place.

Public API: :func:`resolve_entities` and :class:`EntityRules` (user must-link /
cannot-link overrides, built from the ``--entity-rules`` JSON with
:meth:`EntityRules.from_dict`).
"""

from .config import EntitiesConfig, EntitiesConfigError
from .resolve import EntityRules, EntityRulesError, mention_count, resolve_entities

__all__ = ["EntitiesConfig", "EntitiesConfigError", "EntityRules", "EntityRulesError", "mention_count", "resolve_entities"]


# --------------------------------------------------------------------------- registration

from ...registry import Inputs, Produced, analysis  # noqa: E402


@analysis("entities", requires=("articles", "mentions"), optional=("stories",), produces=("entities",),
          config=EntitiesConfig)
def entities_component(inputs: Inputs, config: EntitiesConfig) -> Produced:
    """One entry per person, organisation, group or place, resolved story by story."""
    stories = inputs.dossier.stories
    story_of = {aid: s.id for s in stories for aid in s.articles} if config.per_story and len(stories) > 1 else None
    rules = config.rules if isinstance(config.rules, EntityRules) else None
    return {"entities": tuple(resolve_entities(inputs.articles, inputs.docs, rules, story_of=story_of,
                                               config=config))}
