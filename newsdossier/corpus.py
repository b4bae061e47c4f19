"""The corpus: articles added over time to a store, near-duplicates linked, sorted into stories.

These are the library functions behind ``newsdossier add``, ``stories``, ``list`` and
``build --story``; the Spark jobs in :mod:`newsdossier.scale` call the same analysis
functions on executors.

- :func:`add` reads inputs (files, folders, WARC, JSONL...), stores new articles (exact
  duplicates are recognised by their content hash) and links near-duplicates (MinHash).
- :func:`assign_stories` puts every article not yet in a story into one, continuing from
  the saved clustering state (incremental).
- :func:`list_articles`, :func:`stories` and :func:`story_articles` read the result.
- :func:`story_dossier` builds a story's dossier; with ``since`` (``build --story ID --since
  DATE``, the web story page's "new since ...") it covers the articles published after DATE
  and its summary says only what they add beyond the articles before
  (:func:`split_since`, :func:`dossier_since`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import numpy as np
from datasketch import LeanMinHash

from .analysis.reuse import (
    DEFAULT_PERM,
    DEFAULT_SEED,
    NEAR_THRESHOLD,
    DuplicateOptionsError,
    group_sketches,
    sketch,
)
from .analysis.stories import (
    ENTITY_LABELS,
    Assignment,
    StoryClusterer,
    StoryInfo,
    StoryParams,
    StreamState,
    count_df,
    features_for,
    stream_order,
)
from .errors import NewsdossierError, OptionError
from .ingest import DEFAULT_MAX_BYTES, Manifest, ingest
from .model import Article, Dossier, Rejected
from .store import Store

if TYPE_CHECKING:
    from .pipeline import Options, Progress

__all__ = [
    "AddReport", "CorpusError", "DEFAULT_NEAR_THRESHOLD", "EntityMode", "StoriesReport",
    "UnknownStoryError", "add", "add_articles", "assign_stories", "link_near_duplicates",
    "list_articles", "stories", "story_articles", "BadDateError", "NothingNewError", "parse_since",
    "split_since", "dossier_since", "story_dossier",
]

DEFAULT_NEAR_THRESHOLD = NEAR_THRESHOLD
SKETCH_SEED = DEFAULT_SEED
SKETCH_PERM = DEFAULT_PERM
EntityMode = Literal["proxy", "spacy"]


class CorpusError(NewsdossierError, RuntimeError):
    """A corpus operation cannot run; the message says what to do."""


class UnknownStoryError(NewsdossierError, LookupError):
    """No story has the requested id."""

    code = "unknown-story"
    http_status = 404


@dataclass
class AddReport:
    """What :func:`add` did.

    Attributes:
        added: ids of articles stored for the first time, in input order.
        existing: ids of articles whose text was already stored (exact duplicates).
        near_duplicates: ``(article_id, of)`` links created, ``of`` the earlier article.
        rejected: inputs that could not become articles, with reasons.
    """

    added: list[str] = field(default_factory=list)
    existing: list[str] = field(default_factory=list)
    near_duplicates: list[tuple[str, str]] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)


@dataclass
class StoriesReport:
    """What :func:`assign_stories` did.

    Attributes:
        assignments: one per newly assigned article, in stream order.
        stories: the stories created or extended by this step (with all their members).
        new_stories: how many stories this step created.
    """

    assignments: list[Assignment]
    stories: list[StoryInfo]

    @property
    def new_stories(self) -> int:
        return sum(1 for a in self.assignments if a.new)


def add(
    store: Store,
    inputs: Sequence[str | Path],
    *,
    manifest: Manifest | str | Path | None = None,
    lang: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    remove_furniture: bool = True,
    near_threshold: float = DEFAULT_NEAR_THRESHOLD,
    progress: Callable[[str], None] | None = None,
) -> AddReport:
    """Read inputs into the corpus: store new articles and link near-duplicates.

    Args:
        store: the corpus store.
        inputs: files and folders (any format :func:`newsdossier.ingest.ingest` reads).
        manifest: metadata for inputs that lack it.
        lang: keep only articles in this language.
        max_bytes: reject input files larger than this.
        remove_furniture: strip page furniture.
        near_threshold: estimated Jaccard similarity (word 5-grams) that makes two
            articles near-duplicates.
        progress: called with each file name as it is read.

    Returns:
        An :class:`AddReport`; rejected inputs are listed there, never raised.

    Raises:
        ManifestError: if the manifest cannot be read.
        DuplicateOptionsError: if ``near_threshold`` is not in (0, 1].
    """
    _check_threshold(near_threshold)  # before anything is read or stored
    result = ingest(inputs, manifest=manifest, lang=lang, max_bytes=max_bytes,
                    remove_furniture=remove_furniture, progress=progress)
    report = add_articles(store, result.articles, near_threshold=near_threshold)
    report.rejected = list(result.rejected)
    return report


def add_articles(
    store: Store, articles: Sequence[Article], *, near_threshold: float = DEFAULT_NEAR_THRESHOLD
) -> AddReport:
    """Store articles (exact duplicates by content hash) and link near-duplicates.

    Raises:
        DuplicateOptionsError: if ``near_threshold`` is not in (0, 1].
    """
    _check_threshold(near_threshold)
    report = AddReport()
    # an article and its sketch are stored in one transaction: a kill -9 leaves both or neither
    flags = store.add_articles(articles, sketch=_sketch_row)
    for art, new in zip(articles, flags):
        (report.added if new else report.existing).append(art.id)
    # repair: articles stored without a sketch (an older version killed between its two commits)
    store.put_sketches(_sketch_row(a) for a in store.articles_without_sketches())
    report.near_duplicates = link_near_duplicates(store, near_threshold)
    return report


def _check_threshold(near_threshold: float) -> None:
    if not 0.0 < near_threshold <= 1.0:
        raise DuplicateOptionsError(f"the near-duplicate threshold must be in (0, 1], got {near_threshold}")


def _sketch_row(article: Article) -> tuple[str, int, str, bytes]:
    mh = sketch(article.text, num_perm=SKETCH_PERM, seed=SKETCH_SEED)
    values = mh.hashvalues
    return article.id, SKETCH_SEED, f"{getattr(mh, 'scheme', 'legacy')}:{values.dtype.str}", values.tobytes()


def _unpack_sketch(seed: int, scheme: str, data: bytes) -> LeanMinHash:
    name, _, dtype = scheme.partition(":")
    return LeanMinHash(seed=seed, hashvalues=np.frombuffer(data, dtype=np.dtype(dtype)), scheme=name)


def link_near_duplicates(store: Store, threshold: float = DEFAULT_NEAR_THRESHOLD) -> list[tuple[str, str]]:
    """Link every stored article to the earliest stored article it near-duplicates.

    Returns the links created by this call, ``(article_id, of)``.

    Raises:
        DuplicateOptionsError: if ``threshold`` is not in (0, 1].
    """
    sketches = {
        aid: _unpack_sketch(seed, scheme, data) for aid, seed, scheme, data in store.sketches()
    }
    order = {aid: i for i, aid in enumerate(sketches)}
    links: list[tuple[str, str]] = []
    for group in group_sketches(sketches, threshold):
        members = sorted(group, key=order.__getitem__)
        links.extend((m, members[0]) for m in members[1:])
    known = store.duplicate_links()
    new = [(a, o) for a, o in links if a not in known]
    store.add_duplicate_links(new)
    return new


def _load_state(store: Store) -> StreamState:
    words, ents = store.story_df()
    n = int(store.get_meta("story_n_docs") or 0)
    return StreamState.from_dict(
        {"n_docs": n, "word_df": words, "entity_df": ents, "stories": store.story_states()}
    )


def _params(store: Store, params: StoryParams | None) -> StoryParams:
    saved = store.get_meta("story_params")
    if params is not None:
        return params
    if saved:
        return StoryParams.from_dict(json.loads(saved))
    return StoryParams()


def assign_stories(
    store: Store,
    *,
    params: StoryParams | None = None,
    entities: EntityMode | None = None,
    progress: Callable[[int], None] | None = None,
) -> StoriesReport:
    """Put every article not yet in a story into one, extending the saved stories.

    New articles are clustered in stream order (publication date, else the order they were
    added) against the stories already saved; nothing already assigned is recomputed.

    Args:
        store: the corpus store.
        params: clustering parameters; by default the ones saved by the previous step, else
            :class:`StoryParams` defaults.
        entities: ``"proxy"`` (capitalised word runs; fast) or ``"spacy"`` (named entities
            from the spaCy parse, cached in the store; ~3-10k words/s); by default the mode
            the corpus's stories were started with, else ``"proxy"``. The mode is saved, so
            every later step (the web app included) extends the stories the same way.
        progress: called with the number of articles featurised after each one.

    Returns:
        A :class:`StoriesReport` for this step (empty when every article was assigned).

    Raises:
        CorpusError: if ``entities`` is not ``"proxy"`` or ``"spacy"``.
        StoreError: if the saved state is damaged, or another process keeps the store busy.
    """
    if entities not in (None, "proxy", "spacy"):
        raise CorpusError(f"entities must be 'proxy' or 'spacy', not {entities!r}")
    mode: EntityMode = entities or store.get_meta("story_entities") or "proxy"  # type: ignore[assignment]
    if mode == "spacy":
        _spacy_entities(store, list(store.unassigned_articles()))  # parse first: caching parses commits
    with store.writing():  # read the state and save the step as one: two assigners never clash
        return _assign_stories(store, params, mode, progress)


def _assign_stories(store: Store, params: StoryParams | None, entities: EntityMode,
                    progress: Callable[[int], None] | None) -> StoriesReport:
    p = _params(store, params)
    arts = list(store.unassigned_articles())
    if not arts:
        return StoriesReport([], [])
    names = _spacy_entities(store, arts) if entities == "spacy" else {}
    feats = []
    for a in arts:
        feats.append(features_for(a, p, names.get(a.id)))
        if progress:
            progress(1)
    order = stream_order(feats, [f.published for f in feats])
    feats = [feats[i] for i in order]
    clusterer = StoryClusterer(_load_state(store), p)
    n, wdf, edf = count_df(feats)
    clusterer.add_counts(n, wdf, edf)
    assigned = clusterer.add(feats, count=False)
    touched = list(dict.fromkeys(a.story for a in assigned))
    infos = [clusterer.info(sid) for sid in touched]
    states = {s.id: s.to_dict() for s in clusterer.state.stories if s.id in set(touched)}
    store.save_stories(
        n_docs=clusterer.state.n_docs, df_delta=(wdf, edf),
        stories=[(i.to_dict(), states[i.id]) for i in infos],
        members=[(a.article, a.story, a.score) for a in assigned],
        params=json.dumps(p.to_dict(), sort_keys=True), entities=entities,
    )
    return StoriesReport(assigned, infos)


def _spacy_entities(store: Store, arts: Sequence[Article]) -> dict[str, list[str]]:
    from . import nlp

    docs = nlp.parse(arts, cache=store)
    return {a.id: [m.span.text for m in nlp.mentions(a, docs[a.id]) if m.label in ENTITY_LABELS]
            for a in arts}



def stories(store: Store) -> list[StoryInfo]:
    """Return every story in the corpus, in creation order, with members in arrival order."""
    return [
        StoryInfo(r["id"], r["label"], tuple(store.story_members(r["id"])), tuple(r["outlets"]),
                  r["first"], r["last"])
        for r in store.story_rows()
    ]


def list_articles(store: Store, story: str | None = None) -> Iterator[dict[str, str | None]]:
    """Yield one record per article in the order added (only ``story``'s when given).

    Each record has ``id``, ``input_id``, ``source``, ``story`` (``None`` until
    :func:`assign_stories` ran), ``outlet``, ``title``, ``published`` and
    ``duplicate_of`` (the earlier near-duplicate, or ``None``).

    Raises:
        UnknownStoryError: if ``story`` is given and no story has this id.
    """
    story_of = store.story_of()
    dups = store.duplicate_links()
    arts = store.articles() if story is None else story_articles(store, story)
    for art in arts:
        yield {
            "id": art.id, "input_id": art.input_id, "source": art.source,
            "story": story_of.get(art.id), "outlet": art.outlet, "title": art.title,
            "published": art.published, "duplicate_of": dups.get(art.id),
        }


def story_articles(store: Store, story_id: str) -> list[Article]:
    """Return a story's articles in arrival order (input for ``build_dossier``).

    Raises:
        UnknownStoryError: if no story has this id.
    """
    ids = store.story_members(story_id)
    if not ids:
        known = [r["id"] for r in store.story_rows()[:5]]
        hint = f" (e.g. {', '.join(known)}; run `newsdossier list`)" if known else " (run `newsdossier stories` first)"
        raise UnknownStoryError(f"no story {story_id!r} in the store {store.path}{hint}")
    return [store.get_article(a) for a in ids]



# --------------------------------------------------------------------------- new since a date


class BadDateError(OptionError):
    """A ``--since`` value is not a date."""


class NothingNewError(CorpusError):
    """No article of the story was published after the requested date."""


def parse_since(value: str) -> dt.date:
    """Return the date of a ``since`` value (``YYYY-MM-DD``, or an ISO date-time).

    Raises:
        BadDateError: if the value is not an ISO date.
    """
    text = value.strip()
    try:
        return dt.date.fromisoformat(text[:10]) if len(text) >= 10 else dt.date.fromisoformat(text)
    except ValueError as exc:
        raise BadDateError(f"--since {value!r} is not a date; write it as YYYY-MM-DD (e.g. 2024-03-01)") from exc


def _published_date(article: Article) -> dt.date | None:
    return article.published_at.date() if article.published_at is not None else None


def split_since(articles: Sequence[Article], since: str | dt.date) -> tuple[list[Article], list[Article]]:
    """Split articles into those published after ``since`` (the new ones) and the others.

    An undated article (or one whose date cannot be read) counts as seen before: it is
    never reported as new (precision first), but what it says is not repeated as new either.

    Raises:
        BadDateError: if ``since`` is a string that is not a date.
    """
    day = parse_since(since) if isinstance(since, str) else since
    new: list[Article] = []
    prior: list[Article] = []
    for art in articles:
        date = _published_date(art)
        (new if date is not None and date > day else prior).append(art)
    return new, prior


def dossier_since(
    articles: Sequence[Article], since: str | dt.date, options: Options | None = None, *,
    store: Store | None = None, progress: Progress | None = None,
) -> Dossier:
    """Build the dossier of the articles published after ``since``, summarised against the rest.

    Every section covers the new articles; the summary is an update summary: it covers only
    what they add beyond the articles before (``prior_articles`` of the summarizer), and each
    sentence carries its ``novelty``.

    Raises:
        BadDateError: if ``since`` is not a date.
        NothingNewError: if no article was published after ``since``.
    """
    from .pipeline import dossier_from_articles

    day = parse_since(since) if isinstance(since, str) else since
    new, prior = split_since(articles, day)
    if not new:
        dates = sorted(d.isoformat() for a in articles if (d := _published_date(a)) is not None)
        latest = f"the latest is {dates[-1]}" if dates else "none of its articles is dated"
        raise NothingNewError(f"no article was published after {day.isoformat()} ({latest})")
    return dossier_from_articles(new, (), options, store=store, progress=progress, prior=prior)


def story_dossier(
    store: Store, story_id: str, options: Options | None = None, *, since: str | None = None,
    progress: Progress | None = None,
) -> Dossier:
    """Build a story's dossier (``build --story ID``), or with ``since`` what is new since then.

    Raises:
        UnknownStoryError: if no story has this id.
        BadDateError: if ``since`` is not a date.
        NothingNewError: if no article of the story was published after ``since``.
    """
    from .pipeline import dossier_from_articles

    day = parse_since(since) if since is not None else None
    articles = story_articles(store, story_id)
    if day is None:
        return dossier_from_articles(articles, (), options, store=store, progress=progress)
    return dossier_since(articles, day, options, store=store, progress=progress)
