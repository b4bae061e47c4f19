"""The SQLite corpus store: articles, full-text search, the parse cache."""

from __future__ import annotations

from newsdossier.model import Article, Removal
from newsdossier.store import Store, default_path


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
