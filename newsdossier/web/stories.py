"""Stories for the web app: where they come from, and the cache of built dossier pages.

A *story finder* is any function ``(articles) -> Sequence[Story]``. The app calls the one it
was given; by default the story clustering (``newsdossier.analysis.stories.cluster_stories``)
when it is present, and otherwise the whole corpus as one story with id ``all``. Users can
also pick articles by hand (``/dossier?id=…``).
"""

from __future__ import annotations

import hashlib
import importlib
import threading
from collections import OrderedDict
from typing import Callable, Sequence

from ..model import Article, Story

StoryFinder = Callable[[Sequence[Article]], Sequence[Story]]

ALL_ID = "all"


def whole_corpus(articles: Sequence[Article]) -> list[Story]:
    """The fallback finder: every article in one story (none when the corpus is empty)."""
    if not articles:
        return []
    return [Story(ALL_ID, f"All articles ({len(articles)})", tuple(a.id for a in articles))]


def clustered(articles: Sequence[Article]) -> list[Story]:
    """Stories from the story clustering (``analysis.stories.cluster_stories``), largest first.

    When it finds more than one story, an ``all`` entry holding every article is appended so
    the whole corpus can still be read as one dossier.

    Raises:
        ImportError: if the story clustering is not installed.
    """
    from ..analysis.stories import cluster_stories  # imported here: optional capability

    if not articles:
        return []
    found = [info.to_story() for info in cluster_stories(articles)]
    found.sort(key=lambda s: -len(s.articles))
    if len(found) > 1:
        found.extend(whole_corpus(articles))
    return found


def default_finder() -> StoryFinder:
    """Return :func:`clustered` when the story clustering exists, else :func:`whole_corpus`."""
    try:
        module = importlib.import_module("newsdossier.analysis.stories")
    except ImportError:
        return whole_corpus
    if callable(getattr(module, "cluster_stories", None)):
        return clustered
    return whole_corpus


def selection_id(article_ids: Sequence[str]) -> str:
    """Return a stable id for a hand-picked set of articles."""
    return "sel-" + hashlib.sha256(",".join(sorted(set(article_ids))).encode()).hexdigest()[:12]


class PageCache:
    """A small thread-safe LRU cache of rendered pages, building each key only once at a time."""

    def __init__(self, size: int = 32) -> None:
        self.size = size
        self._items: OrderedDict[object, object] = OrderedDict()
        self._lock = threading.Lock()
        self._building: dict[object, threading.Lock] = {}

    def get_or_build(self, key: object, build: Callable[[], object]) -> object:
        """Return the cached value for ``key``, calling ``build`` (once, even under concurrency) if missing."""
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
            lock = self._building.setdefault(key, threading.Lock())
        with lock:
            with self._lock:
                if key in self._items:
                    return self._items[key]
            try:
                value = build()
            finally:
                with self._lock:
                    self._building.pop(key, None)
            with self._lock:
                self._items[key] = value
                self._items.move_to_end(key)
                while len(self._items) > self.size:
                    self._items.popitem(last=False)
            return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
