"""The embedded corpus store: one SQLite file holding articles, the parse cache and dossiers.

The default file is ``~/.local/share/newsdossier/corpus.db`` (override with ``--db`` or the
``NEWSDOSSIER_DB`` environment variable); ``Store(":memory:")`` gives a private in-memory
store for tests. Full-text search over titles and texts uses SQLite's FTS5.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import Iterable, Iterator

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
"""


class StoreError(RuntimeError):
    """The store file cannot be opened or has an unexpected layout."""


def default_path() -> Path:
    """Return the store path: ``$NEWSDOSSIER_DB`` or ``~/.local/share/newsdossier/corpus.db``."""
    env = os.environ.get("NEWSDOSSIER_DB")
    if env:
        return Path(env)
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "newsdossier" / "corpus.db"


class Store:
    """A SQLite corpus store. Use as a context manager or call :meth:`close`."""

    def __init__(self, path: str | Path | None = None) -> None:
        target = default_path() if path is None else path
        if str(target) != ":memory:":
            Path(target).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.conn = sqlite3.connect(str(target))
            self.conn.executescript(_SCHEMA)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open the corpus store {target}: {exc}") from exc
        self.path = str(target)

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    # ----------------------------------------------------------------- articles
    def add_articles(self, articles: Iterable[Article]) -> list[bool]:
        """Store articles; return for each whether it was new (False: same text already stored)."""
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
                added.append(new)
        return added

    def get_article(self, article_id: str) -> Article:
        """Return a stored article.

        Raises:
            KeyError: if no article has this id.
        """
        row = self.conn.execute(_SELECT + " WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise KeyError(f"no article {article_id!r} in the store {self.path}")
        return _article(row)

    def articles(self) -> Iterator[Article]:
        """Yield every stored article in the order they were added."""
        for row in self.conn.execute(_SELECT + " ORDER BY rowid"):
            yield _article(row)

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
    def get_parse(self, key: str) -> bytes | None:
        """Return cached parse bytes for ``key``, or ``None`` when it was never parsed (a miss)."""
        row = self.conn.execute("SELECT data FROM parses WHERE key = ?", (key,)).fetchone()
        return None if row is None else bytes(row[0])

    def put_parses(self, items: Iterable[tuple[str, str, bytes]]) -> None:
        """Store ``(key, model, data)`` parse records."""
        with self.conn:
            self.conn.executemany(
                "INSERT OR REPLACE INTO parses (key, model, data) VALUES (?,?,?)", list(items)
            )


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
