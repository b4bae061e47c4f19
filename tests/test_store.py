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
