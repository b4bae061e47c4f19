"""The embedded corpus store: one SQLite file holding articles, the parse cache and dossiers.

Besides articles it keeps the corpus state: near-duplicate sketches and links, and the
story clustering state (document frequencies, story centroids, article -> story), so that
adding articles later extends stories instead of recomputing them.

The default file is ``~/.local/share/newsdossier/corpus.db`` (override with ``--db`` or the
``NEWSDOSSIER_DB`` environment variable); ``Store(":memory:")`` gives a private in-memory
store for tests. Full-text search over titles and texts uses SQLite's FTS5.
"""

from __future__ import annotations

import functools
import inspect
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from .errors import NewsdossierError
from .model import Article, Removal

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    input_id TEXT,
    source TEXT NOT NULL,
    title TEXT, outlet TEXT, author TEXT, published TEXT, url TEXT,
    language TEXT NOT NULL,
    text TEXT NOT NULL,
    removed TEXT NOT NULL DEFAULT '[]',
    flags TEXT NOT NULL DEFAULT '[]',
    added TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE TABLE IF NOT EXISTS parses (
    key TEXT PRIMARY KEY,
    model TEXT NOT NULL,
    data BLOB NOT NULL
);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(id UNINDEXED, title, text);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sketches (
    article_id TEXT PRIMARY KEY, seed INTEGER NOT NULL, scheme TEXT NOT NULL, data BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS duplicates (article_id TEXT PRIMARY KEY, of TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY, seq INTEGER NOT NULL, label TEXT NOT NULL, size INTEGER NOT NULL,
    first TEXT, last TEXT, outlets TEXT NOT NULL DEFAULT '[]', state TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS story_members (
    article_id TEXT PRIMARY KEY, story_id TEXT NOT NULL, seq INTEGER NOT NULL, score REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS story_members_story ON story_members (story_id, seq);
CREATE TABLE IF NOT EXISTS story_df (
    kind TEXT NOT NULL, term TEXT NOT NULL, df INTEGER NOT NULL, PRIMARY KEY (kind, term)
) WITHOUT ROWID;
"""


class StoreError(NewsdossierError, RuntimeError):
    """The store file cannot be opened or has an unexpected layout."""


FORMAT = "newsdossier-corpus/1"     # kept in the meta table: marks a file as a corpus store
_OUR_TABLES = frozenset({"articles", "parses", "articles_fts", "meta", "sketches", "duplicates",
                         "stories", "story_members", "story_df"})
_ARTICLE_COLUMNS = frozenset({"id", "input_id", "source", "title", "outlet", "author", "published", "url",
                              "language", "text", "removed", "flags", "added"})

F = TypeVar("F", bound=Callable[..., Any])


def _guarded(method: F) -> F:
    """Turn SQLite's errors on a damaged or locked file into :class:`StoreError` (generators too)."""

    def fail(self: Store, exc: sqlite3.DatabaseError) -> StoreError:
        return StoreError(f"the corpus store {self.path} cannot be read or written ({exc}); if the file "
                          "is damaged, restore it from a backup or start a new one with --db")

    if inspect.isgeneratorfunction(method):
        @functools.wraps(method)
        def gen(self: Store, *args: Any, **kwargs: Any) -> Any:
            try:
                yield from method(self, *args, **kwargs)
            except sqlite3.IntegrityError:
                raise
            except sqlite3.DatabaseError as exc:
                raise fail(self, exc) from exc
        return gen  # type: ignore[return-value]

    @functools.wraps(method)
    def call(self: Store, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except sqlite3.IntegrityError:
            raise
        except sqlite3.DatabaseError as exc:
            raise fail(self, exc) from exc
    return call  # type: ignore[return-value]


def default_path() -> Path:
    """Return the store path: ``$NEWSDOSSIER_DB`` or ``~/.local/share/newsdossier/corpus.db``."""
    env = os.environ.get("NEWSDOSSIER_DB")
    if env:
        return Path(env)
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "newsdossier" / "corpus.db"


class Store:
    """A SQLite corpus store. Use as a context manager or call :meth:`close`.

    Args:
        path: the store file (created when missing, unless ``must_exist``), ``":memory:"``
            for a private in-memory store, or ``None`` for :func:`default_path`.
        must_exist: refuse a path that does not exist instead of creating an empty store
            (for commands that only read the corpus: a typo must not create a new one).

    Raises:
        StoreError: if the file is missing (with ``must_exist``), is not an SQLite
            database, is damaged, or is another program's database (it is never given
            the corpus tables).
    """

    def __init__(self, path: str | Path | None = None, *, must_exist: bool = False) -> None:
        target = default_path() if path is None else path
        memory = str(target) == ":memory:"
        if not memory and must_exist and not Path(target).is_file():
            raise StoreError(f"no corpus store at {target}: check the path, or create one with `newsdossier add`")
        if not memory and Path(target).is_dir():
            raise StoreError(f"the corpus store {target} is a folder; give --db a file name")
        try:
            if not memory:
                Path(target).parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(str(target))
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"cannot open the corpus store {target}: {exc}") from exc
        self.path = str(target)
        try:
            self._check_and_create()
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            raise StoreError(f"cannot open the corpus store {target}: {exc} (not a newsdossier corpus, or "
                             "damaged; give --db a new file name to start a new corpus)") from exc
        except StoreError:
            self.conn.close()
            raise

    def _check_and_create(self) -> None:
        """Refuse another program's database; create the tables in a new or empty file."""
        tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
        tables = {t for t in tables if not t.startswith(("sqlite_", "articles_fts_"))}
        marked = False
        if tables:
            marked = "meta" in tables and self.conn.execute(
                "SELECT value FROM meta WHERE key = 'format'").fetchone() is not None
            cols = ({r[1] for r in self.conn.execute("PRAGMA table_info(articles)")}
                    if "articles" in tables else set())
            ours = marked or (not (tables - _OUR_TABLES) and _ARTICLE_COLUMNS <= cols)
            if not ours:
                shown = ", ".join(sorted(tables)[:6]) + (", …" if len(tables) > 6 else "")
                raise StoreError(
                    f"{self.path} is an SQLite database of another program (tables: {shown}), not a "
                    "newsdossier corpus; it was left unchanged. Give --db a new file name.")
        if marked and _OUR_TABLES <= tables:
            return  # a complete corpus store: opening it writes nothing (the web app opens one per request)
        self.conn.executescript(_SCHEMA)
        with self.conn:
            self.conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('format', ?)", (FORMAT,))

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def writing(self) -> Iterator[Store]:
        """Hold the store's write lock for a read-then-write step (other processes wait).

        Raises:
            StoreError: if another process holds the lock longer than SQLite waits, or
                the step's writes clash with another writer's.
        """
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreError(f"the corpus store {self.path} is busy (another process is writing); "
                             f"try again: {exc}") from exc
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"the corpus store {self.path} cannot be written ({exc}); if the file is "
                             "damaged, restore it from a backup or start a new one with --db") from exc
        try:
            yield self
        except sqlite3.IntegrityError as exc:
            self._rollback()
            raise StoreError(f"another process changed the corpus store {self.path} at the same time; "
                             f"run the step again: {exc}") from exc
        except BaseException:
            self._rollback()
            raise
        if self.conn.in_transaction:
            self.conn.commit()

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.rollback()

    # ----------------------------------------------------------------- articles
    @_guarded
    def add_articles(
        self,
        articles: Iterable[Article],
        sketch: Callable[[Article], tuple[str, int, str, bytes]] | None = None,
    ) -> list[bool]:
        """Store articles; return for each whether it was new (False: same text already stored).

        Args:
            articles: the articles.
            sketch: when given, called for each new article; its ``(article_id, seed,
                scheme, data)`` near-duplicate sketch is stored in the same transaction,
                so no article is ever stored without its sketch.
        """
        added: list[bool] = []
        with self.conn:
            for art in articles:
                cur = self.conn.execute(
                    "INSERT OR IGNORE INTO articles (id, input_id, source, title, outlet, author,"
                    " published, url, language, text, removed, flags)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                    (
                        art.id, art.input_id, art.source, art.title, art.outlet, art.author,
                        art.published, art.url, art.language, art.text,
                        json.dumps([_removal(r) for r in art.removed]),
                        json.dumps(list(art.flags)),
                    ),
                )
                new = cur.rowcount == 1
                if new:
                    self.conn.execute(
                        "INSERT INTO articles_fts (id, title, text) VALUES (?,?,?)",
                        (art.id, art.title or "", art.text),
                    )
                    if sketch is not None:
                        self.conn.execute(
                            "INSERT OR REPLACE INTO sketches (article_id, seed, scheme, data) VALUES (?,?,?,?)",
                            sketch(art),
                        )
                added.append(new)
        return added

    @_guarded
    def get_article(self, article_id: str) -> Article:
        """Return a stored article.

        Raises:
            KeyError: if no article has this id.
        """
        row = self.conn.execute(_SELECT + " WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise KeyError(f"no article {article_id!r} in the store {self.path}")
        return _article(row)

    @_guarded
    def articles(self) -> Iterator[Article]:
        """Yield every stored article in the order they were added."""
        for row in self.conn.execute(_SELECT + " ORDER BY rowid"):
            yield _article(row)

    @_guarded
    def count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def search(self, query: str, limit: int = 20) -> list[str]:
        """Return ids of articles matching an FTS5 query, best first."""
        rows = self.conn.execute(
            "SELECT id FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
            (query, limit),
        )
        return [r[0] for r in rows]

    # ----------------------------------------------------------------- parse cache
    @_guarded
    def get_parse(self, key: str) -> bytes | None:
        """Return cached parse bytes for ``key``, or ``None`` when it was never parsed (a miss)."""
        row = self.conn.execute("SELECT data FROM parses WHERE key = ?", (key,)).fetchone()
        return None if row is None else bytes(row[0])

    @_guarded
    def put_parses(self, items: Iterable[tuple[str, str, bytes]]) -> None:
        """Store ``(key, model, data)`` parse records."""
        with self.conn:
            self.conn.executemany(
                "INSERT OR REPLACE INTO parses (key, model, data) VALUES (?,?,?)", list(items)
            )


    # ----------------------------------------------------------------- key/value metadata
    @_guarded
    def get_meta(self, key: str) -> str | None:
        """Return a stored metadata value, or ``None`` when the key was never set."""
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    @_guarded
    def set_meta(self, key: str, value: str) -> None:
        with self.conn:
            self.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?,?)", (key, value))

    @_guarded
    def article_ids(self) -> list[str]:
        """Return every article id in the order they were added."""
        return [r[0] for r in self.conn.execute("SELECT id FROM articles ORDER BY rowid")]

    # ----------------------------------------------------------------- near-duplicates
    @_guarded
    def put_sketches(self, items: Iterable[tuple[str, int, str, bytes]]) -> None:
        """Store ``(article_id, seed, scheme, hashvalues bytes)`` MinHash sketches."""
        with self.conn:
            self.conn.executemany(
                "INSERT OR REPLACE INTO sketches (article_id, seed, scheme, data) VALUES (?,?,?,?)",
                list(items),
            )

    @_guarded
    def articles_without_sketches(self) -> Iterator[Article]:
        """Yield the stored articles that have no near-duplicate sketch, in the order added.

        Only a store written by an older version, or an ``add`` killed between its commits,
        has any: ``add`` repairs them.
        """
        for row in self.conn.execute(
            _SELECT + " WHERE id NOT IN (SELECT article_id FROM sketches) ORDER BY rowid"
        ):
            yield _article(row)

    @_guarded
    def sketches(self) -> Iterator[tuple[str, int, str, bytes]]:
        """Yield ``(article_id, seed, scheme, data)`` for every stored sketch, in article order."""
        for row in self.conn.execute(
            "SELECT s.article_id, s.seed, s.scheme, s.data FROM sketches s"
            " JOIN articles a ON a.id = s.article_id ORDER BY a.rowid"
        ):
            yield row[0], int(row[1]), str(row[2]), bytes(row[3])

    @_guarded
    def add_duplicate_links(self, links: Iterable[tuple[str, str]]) -> int:
        """Record ``(article_id, of)``: the article is a near-duplicate of ``of``.

        An article already linked keeps its first link. Returns the number of new links.
        """
        n = 0
        with self.conn:
            for art, of in links:
                cur = self.conn.execute(
                    "INSERT OR IGNORE INTO duplicates (article_id, of) VALUES (?,?)", (art, of)
                )
                n += cur.rowcount
        return n

    @_guarded
    def duplicate_links(self) -> dict[str, str]:
        """Return article id -> the id of the article it near-duplicates."""
        return {a: o for a, o in self.conn.execute("SELECT article_id, of FROM duplicates")}

    # ----------------------------------------------------------------- stories
    @_guarded
    def story_df(self) -> tuple[dict[str, int], dict[str, int]]:
        """Return the stored document frequencies ``(words, entities)`` of story clustering."""
        words: dict[str, int] = {}
        ents: dict[str, int] = {}
        for kind, term, df in self.conn.execute("SELECT kind, term, df FROM story_df"):
            (words if kind == "w" else ents)[term] = int(df)
        return words, ents

    @_guarded
    def story_states(self) -> list[dict[str, Any]]:
        """Return the saved state of every story (JSON objects), in creation order.

        Raises:
            StoreError: if a saved state is not valid JSON.
        """
        out = []
        for sid, state in self.conn.execute("SELECT id, state FROM stories ORDER BY seq"):
            try:
                out.append(json.loads(state))
            except json.JSONDecodeError as exc:
                raise StoreError(f"the saved state of story {sid} is damaged: {exc}") from exc
        return out

    @_guarded
    def save_stories(
        self,
        *,
        n_docs: int,
        df_delta: tuple[Mapping[str, int], Mapping[str, int]],
        stories: Sequence[tuple[Mapping[str, Any], Mapping[str, Any]]],
        members: Sequence[tuple[str, str, float]],
        params: str,
        entities: str = "proxy",
    ) -> None:
        """Save one clustering step in a single transaction.

        Args:
            n_docs: articles counted in the document frequencies after this step.
            df_delta: ``(words, entities)`` document-frequency increments of this step.
            stories: ``(info, state)`` of every story created or extended; ``info`` has
                ``id``, ``label``, ``size``, ``first``, ``last``, ``outlets``.
            members: ``(article_id, story_id, score)`` of the newly assigned articles, in
                stream order.
            params: the clustering parameters (JSON), kept so later steps use the same.
            entities: how entities were found (``proxy`` or ``spacy``), kept likewise.
        """
        with self.conn:
            for kind, delta in zip("we", df_delta):
                self.conn.executemany(
                    "INSERT INTO story_df (kind, term, df) VALUES (?,?,?)"
                    " ON CONFLICT (kind, term) DO UPDATE SET df = df + excluded.df",
                    [(kind, t, int(c)) for t, c in delta.items()],
                )
            seq0 = int(self.conn.execute("SELECT coalesce(max(seq), -1) FROM stories").fetchone()[0])
            for info, state in stories:
                row = self.conn.execute("SELECT seq FROM stories WHERE id = ?", (info["id"],)).fetchone()
                if row is None:
                    seq0 += 1
                seq = seq0 if row is None else int(row[0])
                self.conn.execute(
                    "INSERT OR REPLACE INTO stories (id, seq, label, size, first, last, outlets, state)"
                    " VALUES (?,?,?,?,?,?,?,?)",
                    (info["id"], seq, info["label"], int(info["size"]), info["first"], info["last"],
                     json.dumps(list(info["outlets"])), json.dumps(state)),
                )
            m0 = int(self.conn.execute("SELECT coalesce(max(seq), -1) FROM story_members").fetchone()[0])
            self.conn.executemany(
                "INSERT INTO story_members (article_id, story_id, seq, score) VALUES (?,?,?,?)",
                [(a, sid, m0 + 1 + i, float(sc)) for i, (a, sid, sc) in enumerate(members)],
            )
            self.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('story_n_docs', ?)",
                              (str(n_docs),))
            self.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('story_params', ?)",
                              (params,))
            self.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('story_entities', ?)",
                              (entities,))

    @_guarded
    def story_rows(self) -> list[dict[str, Any]]:
        """Return ``{id, label, size, first, last, outlets}`` of every story, in creation order."""
        rows = self.conn.execute(
            "SELECT id, label, size, first, last, outlets FROM stories ORDER BY seq"
        )
        return [{"id": r[0], "label": r[1], "size": int(r[2]), "first": r[3], "last": r[4],
                 "outlets": json.loads(r[5])} for r in rows]

    @_guarded
    def story_of(self) -> dict[str, str]:
        """Return article id -> story id for every assigned article."""
        return {a: s for a, s in self.conn.execute("SELECT article_id, story_id FROM story_members")}

    @_guarded
    def story_members(self, story_id: str) -> list[str]:
        """Return the ids of a story's articles in arrival order (empty for an unknown story)."""
        return [r[0] for r in self.conn.execute(
            "SELECT article_id FROM story_members WHERE story_id = ? ORDER BY seq", (story_id,)
        )]

    @_guarded
    def count_unassigned(self) -> int:
        """Return how many articles are not yet in a story."""
        return int(self.conn.execute(
            "SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM story_members)"
        ).fetchone()[0])

    @_guarded
    def unassigned_articles(self) -> Iterator[Article]:
        """Yield the articles not yet in a story, in the order they were added."""
        for row in self.conn.execute(
            _SELECT + " WHERE id NOT IN (SELECT article_id FROM story_members) ORDER BY rowid"
        ):
            yield _article(row)


_SELECT = (
    "SELECT id, input_id, source, title, outlet, author, published, url, language, text,"
    " removed, flags FROM articles"
)


def _removal(r: Removal) -> dict[str, object]:
    return {"start": r.start, "end": r.end, "text": r.text, "reason": r.reason, "at": r.at}


def _article(row: tuple) -> Article:
    (aid, input_id, source, title, outlet, author, published, url, language, text, removed,
     flags) = row
    return Article(
        id=aid, source=source, text=text, title=title, outlet=outlet, author=author,
        published=published, url=url, language=language, input_id=input_id,
        removed=tuple(Removal(**r) for r in json.loads(removed)),
        flags=tuple(json.loads(flags)),
    )
