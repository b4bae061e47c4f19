"""The SQLite corpus store: articles, full-text search, the parse cache."""

from __future__ import annotations

import sqlite3

import pytest

from newsdossier.model import Article, Removal
from newsdossier.store import Store, StoreError, default_path


def test_articles_round_trip_and_dedup(store):
    a = Article.create("The ferry resumed service on Monday.", "a.txt", outlet="Coast News",
                       removed=(Removal(0, 5, "Share", "share prompt", 0),), flags=("x",))
    b = Article.create("Bus drivers went on strike over pay.", "b.txt")
    assert store.add_articles([a, b, a]) == [True, True, False]
    assert store.count() == 2
    assert store.get_article(a.id) == a
    assert [x.id for x in store.articles()] == [a.id, b.id]
    assert store.search("ferry") == [a.id]


def test_parse_cache(store):
    assert store.get_parse("k") is None
    store.put_parses([("k", "model-1", b"\x00\x01")])
    assert store.get_parse("k") == b"\x00\x01"


def test_file_store_persists(tmp_path):
    path = tmp_path / "sub" / "corpus.db"
    with Store(path) as s:
        s.add_articles([Article.create("Persisted text about a bridge.", "x")])
    with Store(path) as s:
        assert s.count() == 1


def test_default_path_honours_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSDOSSIER_DB", str(tmp_path / "c.db"))
    assert default_path() == tmp_path / "c.db"


def test_sketches_and_duplicate_links(store):
    a = Article.create("A tram line opened in the old town today.", "a")
    b = Article.create("A tram line opened in the old town today!", "b")
    store.add_articles([a, b])
    store.put_sketches([(b.id, 1, "affine32:<u4", b"\x01\x00\x00\x00"), (a.id, 1, "affine32:<u4", b"\x02\x00\x00\x00")])
    assert [s[0] for s in store.sketches()] == [a.id, b.id]  # article order, not insert order
    assert store.add_duplicate_links([(b.id, a.id)]) == 1
    assert store.add_duplicate_links([(b.id, "other")]) == 0  # the first link stays
    assert store.duplicate_links() == {b.id: a.id}


def test_story_state_is_saved_incrementally(store):
    a = Article.create("The harbour reopened after the storm.", "a")
    b = Article.create("Harbour traffic resumed once the storm passed.", "b")
    store.add_articles([a, b])
    assert [x.id for x in store.unassigned_articles()] == [a.id, b.id]
    info = {"id": "story-1", "label": "harbour", "size": 1, "first": None, "last": None, "outlets": ["X"]}
    store.save_stories(n_docs=2, df_delta=({"harbour": 2, "storm": 2}, {}),
                       stories=[(info, {"id": "story-1", "k": 1})],
                       members=[(a.id, "story-1", 0.0)], params="{}")
    store.save_stories(n_docs=3, df_delta=({"harbour": 1}, {"port": 1}),
                       stories=[({**info, "size": 2}, {"id": "story-1", "k": 2})],
                       members=[(b.id, "story-1", 0.4)], params="{}")
    assert store.story_df() == ({"harbour": 3, "storm": 2}, {"port": 1})
    assert store.get_meta("story_n_docs") == "3"
    assert store.story_states() == [{"id": "story-1", "k": 2}]
    assert store.story_rows()[0]["size"] == 2 and store.story_rows()[0]["outlets"] == ["X"]
    assert store.story_members("story-1") == [a.id, b.id]
    assert store.story_of() == {a.id: "story-1", b.id: "story-1"}
    assert list(store.unassigned_articles()) == []


# ----------------------------------------------------------------------------- foreign and damaged files



def test_a_foreign_sqlite_file_is_refused_and_left_unchanged(tmp_path):
    path = tmp_path / "photos.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE albums (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO albums (name) VALUES ('summer')")
    before = path.read_bytes()
    with pytest.raises(StoreError, match="another program.*albums"):
        Store(path)
    assert path.read_bytes() == before  # never given the corpus tables


def test_a_foreign_db_with_an_articles_table_of_its_own_is_refused(tmp_path):
    path = tmp_path / "blog.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY, body TEXT)")
    with pytest.raises(StoreError, match="another program"):
        Store(path)


def test_a_corpus_store_and_an_empty_file_open(tmp_path):
    path = tmp_path / "c.db"
    with Store(path) as s:
        s.add_articles([Article.create("The ferry resumed service on Monday.", "a.txt")])
    with Store(path) as s:
        assert s.count() == 1 and s.get_meta("format") == "newsdossier-corpus/1"
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    with Store(empty) as s:
        assert s.count() == 0


def test_not_a_database_and_damaged_files_give_store_errors(tmp_path):
    text = tmp_path / "notes.db"
    text.write_text("just some notes, not a database\n" * 100)
    with pytest.raises(StoreError, match="cannot open"):
        Store(text)
    path = tmp_path / "damaged.db"
    with Store(path) as s:
        s.add_articles([Article.create(f"Article number {i} about the ferry and the harbour. " * 40, f"{i}.txt")
                        for i in range(30)])
    data = bytearray(path.read_bytes())
    for off in range(4096 * 2, len(data), 4096):  # scribble over every page but the first
        data[off:off + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError):
        with Store(path) as s:
            list(s.articles())
            s.count()


def test_must_exist_refuses_a_missing_file_and_creates_nothing(tmp_path):
    with pytest.raises(StoreError, match="no corpus store"):
        Store(tmp_path / "typo.db", must_exist=True)
    assert not (tmp_path / "typo.db").exists()
