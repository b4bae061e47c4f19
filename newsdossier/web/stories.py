"""Stories for the web app: where they come from, and the cache of built dossier pages.

By default the app shows the corpus's own stories (:func:`corpus_stories`: the same
incremental clustering, saved in the same store, as ``newsdossier stories``). A *story
finder*, any function ``(articles) -> Sequence[Story]``, can replace it (tests, other
clusterings); :func:`whole_corpus` puts every article in one story with id ``all``. Users can
also pick articles by hand (``/dossier?id=…``).
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence

from ..model import Article, Story
from ..store import Store

StoryFinder = Callable[[Sequence[Article]], Sequence[Story]]

ALL_ID = "all"


def whole_corpus(articles: Sequence[Article]) -> list[Story]:
    """The fallback finder: every article in one story (none when the corpus is empty)."""
    if not articles:
        return []
    return [Story(ALL_ID, f"All articles ({len(articles)})", tuple(a.id for a in articles))]


def corpus_stories(store: Store) -> list[Story]:
    """The corpus's own stories, as ``newsdossier stories`` sees them, largest first.

    Articles not yet in a story are assigned first (incrementally: saved stories keep their
    ids and members, so a story's address stays valid as the corpus grows). When there is
    more than one story, an ``all`` entry holding every article is appended so the whole
    corpus can still be read as one dossier.
    """
    from .. import corpus

    corpus.assign_stories(store)
    found = [info.to_story() for info in corpus.stories(store)]
    found.sort(key=lambda s: -len(s.articles))
    if len(found) > 1:
        found.extend(whole_corpus(list(store.articles())))
    return found


def selection_id(article_ids: Sequence[str]) -> str:
    """Return a stable id for a hand-picked set of articles."""
    return "sel-" + hashlib.sha256(",".join(sorted(set(article_ids))).encode()).hexdigest()[:12]


class PageCache:
    """A thread-safe LRU cache of rendered pages, bounded in bytes, building each key once at a time.

    Keys are tuples whose first two items name the page (``("html", story_id, ...)``); a new
    version of a page (the story gained articles) replaces the old one instead of crowding out
    other stories. The bound is in bytes (``len`` of the ``str``/``bytes`` values), large
    enough to hold every story page of a corpus, so a load test never sees pages evicted and
    rebuilt; ``size`` additionally caps the number of pages (``None``: no cap).
    """

    def __init__(self, size: int | None = None, max_bytes: int = 512 * 1024 * 1024) -> None:
        self.size = size
        self.max_bytes = max_bytes
        self._items: OrderedDict[object, object] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self._building: dict[object, threading.Lock] = {}
        self.builds = 0  # how many values were built (for tests and the load bench)

    @staticmethod
    def _cost(value: object) -> int:
        return len(value) if isinstance(value, (str, bytes, bytearray)) else 1024

    @staticmethod
    def _family(key: object) -> object:
        return key[:2] if isinstance(key, tuple) else key

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
                self.builds += 1
                family = self._family(key)
                for old in [k for k in self._items if k != key and self._family(k) == family]:
                    self._bytes -= self._cost(self._items.pop(old))  # an older version of this page
                self._items[key] = value
                self._bytes += self._cost(value)
                self._items.move_to_end(key)
                while len(self._items) > 1 and (self._bytes > self.max_bytes
                                                or (self.size is not None and len(self._items) > self.size)):
                    _, dropped = self._items.popitem(last=False)
                    self._bytes -= self._cost(dropped)
            return value

    def __len__(self) -> int:
        return len(self._items)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._bytes = 0
