"""Online story clustering: a stream of articles sorted into stories.

Articles arrive in time order (publication date, else input order). Each one either joins
the most similar open story or starts a new one (Miranda et al., 2018, simplified):

1. features — :func:`extract_features` turns an article into word counts (single words and
   pairs of adjacent content words, ``"oil spill"``) and named-entity counts. Entities are
   the spaCy mentions when the caller passes them, else a cheap proxy: runs of capitalised
   words (``"Good Country Index"``), which costs no parse.
2. weighting — ``(1 + log tf) * idf ** idf_power`` with document frequencies counted over
   everything seen so far plus the batch being added (so the first batch is weighted as well
   as a later one); terms no other article has (``min_df``) are left out. An article's
   vectors are frozen when it joins a story, and a story's centroid is the sum of its
   articles' unit vectors, so adding an article never revisits older ones.
3. scoring — ``text_weight * cos(words) + entity_weight * cos(entities)``, multiplied by a
   time decay ``exp(-gap / tau_days)`` where ``gap`` is the distance in days from the article
   to the story's time span (no decay when either side is undated). Candidates come from an
   inverted index over each article's top terms and entities, so cost stays near-linear.
4. decision — join the best candidate when its score reaches ``threshold``, else start a new
   story. Thresholds and weights were set by measurement (``bench/stories.py``).

Everything is deterministic: story ids are derived from the first article's id, and the
state (:class:`StreamState`) is a plain value that can be saved and resumed, so adding
articles later extends stories instead of recomputing all of them.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from ...model import Article, Mention, Story
from .core import (
    ENTITY_LABELS,
    Assignment,
    Features,
    StoryClusterer,
    StoryInfo,
    StoryParams,
    StoryParamsError,
    StoryStateError,
    StreamState,
    count_df,
    entity_key,
    extract_features,
    features_for,
    proxy_entities,
    stream_order,
)
from .merge import confident_split, merge_close, split_confidence

__all__ = [
    "Assignment", "Features", "StoryInfo", "StoryParams", "StoryParamsError", "StoryStateError",
    "StreamState", "StoryClusterer", "build_stories", "cluster_stories", "confident_split", "count_df", "entity_key", "merge_close",
    "extract_features", "features_for", "main_story", "proxy_entities", "split_confidence", "stream_order",
]


def cluster_stories(
    articles: Sequence[Article],
    *,
    entities: Mapping[str, Sequence[str]] | None = None,
    params: StoryParams | None = None,
    state: StreamState | None = None,
    one_build: bool = False,
) -> list[StoryInfo]:
    """Sort articles into stories (online, in stream order).

    Args:
        articles: the articles, in input order (sorted by date here when dated).
        entities: article id -> entity names (e.g. spaCy mention texts); articles missing
            from it, or all when ``None``, use the capitalised-words proxy.
        params: thresholds and weights.
        state: a state to extend (it is updated in place); ``None`` starts empty.
        one_build: the articles were given as one story (a build): stories are then merged
            by :func:`merge_close` at ``params.build_merge_threshold``.

    Returns:
        The stories touched by these articles, in creation order (with their earlier members).

    Raises:
        StoryParamsError: if ``params`` is inconsistent (raised when it is built).
    """
    p = params or StoryParams()
    feats = [features_for(a, p, None if entities is None else entities.get(a.id)) for a in articles]
    order = stream_order(feats, [f.published for f in feats])
    clusterer = StoryClusterer(state, p)
    assigned = clusterer.add([feats[i] for i in order])
    touched = {a.story for a in assigned}
    if one_build:
        return merge_close(clusterer, [s.id for s in clusterer.state.stories if s.id in touched],
                           p.build_merge_threshold)
    return [s for s in clusterer.stories() if s.id in touched]


def main_story(stories: Sequence[Story]) -> frozenset[str] | None:
    """The articles of a build's main story: its largest story, when that story holds at least
    two articles and more than any other; ``None`` when no story stands out (one story, or
    stories of equal size), so nothing is set apart."""
    sizes = sorted((len(s.articles) for s in stories), reverse=True)
    if len(sizes) < 2 or sizes[0] < 2 or sizes[0] == sizes[1]:
        return None
    return frozenset(max(stories, key=lambda s: len(s.articles)).articles)


# --------------------------------------------------------------------------- registration

from ...registry import Inputs, Produced, analysis  # noqa: E402


@analysis("stories", requires=("articles", "mentions"), produces=("stories",), config=StoryParams,
          languages=None)
def stories_component(inputs: Inputs, config: StoryParams) -> Produced:
    """The stories the articles of one build belong to (one story when they are one story).

    Articles that were parsed use their spaCy name mentions as entities, others the
    capitalised-word proxy, exactly as the corpus does.
    """
    return {"stories": build_stories(inputs.articles, inputs.dossier.mentions, set(inputs.docs), config)}


def build_stories(
    articles: Sequence[Article], mentions: Sequence[Mention], parsed: Collection[str],
    params: StoryParams | None = None,
) -> tuple[Story, ...]:
    """The stories of one build's articles: the parsed ones (ids in ``parsed``) use their
    spaCy name ``mentions`` as entities, the others the capitalised-word proxy."""
    names: dict[str, list[str]] = {}
    for m in mentions:
        if m.label in ENTITY_LABELS:
            names.setdefault(m.span.article, []).append(m.span.text)
    entities = {a.id: names.get(a.id, []) for a in articles if a.id in parsed}
    infos = cluster_stories(articles, entities=entities, params=params, one_build=True)
    return tuple(i.to_story() for i in infos)
