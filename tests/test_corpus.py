"""The corpus: add inputs, link near-duplicates, assign stories incrementally, list, read back."""

from __future__ import annotations

import json

import pytest

from newsdossier import corpus
from newsdossier.store import Store
from tests.analysis.test_stories import ELECTION, FERRY, PANDA


def _write(folder, name: str, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


@pytest.fixture()
def feed(tmp_path):
    """Two deliveries: first ferry+election, later more of each and a new story."""
    first = tmp_path / "day1"
    for i, t in enumerate(FERRY[:2] + ELECTION[:2]):
        _write(first, f"a{i}.txt", t)
    second = tmp_path / "day2"
    for i, t in enumerate([FERRY[2], ELECTION[2]] + PANDA):
        _write(second, f"b{i}.txt", t)
    return first, second


def test_add_stores_articles_and_reports_exact_and_near_duplicates(store, tmp_path) -> None:
    folder = tmp_path / "in"
    _write(folder, "a.txt", FERRY[0])
    _write(folder, "b.txt", ELECTION[0])
    copy = FERRY[0] + " The company apologised."
    _write(folder, "c.txt", copy)
    _write(folder, "empty.txt", "")
    report = corpus.add(store, [folder])
    assert len(report.added) == 3
    assert [r.source.endswith("empty.txt") for r in report.rejected] == [True]
    assert len(report.near_duplicates) == 1
    dup, of = report.near_duplicates[0]
    rows = {r["id"]: r for r in corpus.list_articles(store)}
    assert rows[dup]["source"].endswith("c.txt") and rows[of]["source"].endswith("a.txt")
    assert rows[dup]["duplicate_of"] == of
    again = corpus.add(store, [folder / "a.txt"])
    assert again.added == [] and again.existing == [of] and again.near_duplicates == []


def test_stories_are_assigned_incrementally(store, feed) -> None:
    first, second = feed
    corpus.add(store, [first])
    step1 = corpus.assign_stories(store)
    assert len(step1.assignments) == 4 and step1.new_stories == 2
    before = {s.id: s.articles for s in corpus.stories(store)}
    assert corpus.assign_stories(store).assignments == []  # nothing new: nothing recomputed

    corpus.add(store, [second])
    step2 = corpus.assign_stories(store)
    assert len(step2.assignments) == 5
    assert step2.new_stories == 1  # the panda story; ferry and election are extended
    after = {s.id: s for s in corpus.stories(store)}
    for sid, members in before.items():
        assert after[sid].articles[: len(members)] == members and after[sid].size == 3
    panda = next(s for s in after.values() if s.id not in before and "Qeston" in s.label)
    assert panda.size == 3
    rows = list(corpus.list_articles(store))
    assert all(r["story"] in after for r in rows)
    assert {"id", "input_id", "source", "story"} <= set(rows[0])
    json.dumps(rows)  # jsonl-ready
    texts = [a.text for a in corpus.story_articles(store, panda.id)]
    assert texts == PANDA


def test_incremental_matches_one_shot_on_a_file_store(tmp_path, feed) -> None:
    first, second = feed
    with Store(tmp_path / "inc.db") as s:
        corpus.add(s, [first])
        corpus.assign_stories(s)
    with Store(tmp_path / "inc.db") as s:  # state persisted across processes
        corpus.add(s, [second])
        corpus.assign_stories(s)
        inc = {frozenset(x.articles) for x in corpus.stories(s)}
    with Store(":memory:") as s:
        corpus.add(s, [first])
        corpus.add(s, [second])
        corpus.assign_stories(s)
        one = {frozenset(x.articles) for x in corpus.stories(s)}
    assert inc == one and len(one) == 3


def test_errors_are_specific(store) -> None:
    with pytest.raises(corpus.UnknownStoryError, match="no story"):
        corpus.story_articles(store, "story-nope")
    with pytest.raises(corpus.CorpusError):
        corpus.assign_stories(store, entities="magic")  # type: ignore[arg-type]
    assert corpus.assign_stories(store).assignments == []


def test_two_assigners_at_once_never_assign_an_article_twice(tmp_path, feed) -> None:
    import threading

    path = tmp_path / "shared.db"
    with Store(path) as st:
        corpus.add(st, list(feed))
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def assign() -> None:
        with Store(path) as st:  # one connection each, as two processes would have
            start.wait()
            try:
                corpus.assign_stories(st)
            except BaseException as exc:  # noqa: BLE001 - collected and checked below
                errors.append(exc)

    threads = [threading.Thread(target=assign) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    from newsdossier.store import StoreError

    assert all(isinstance(e, StoreError) for e in errors), errors
    with Store(path) as st:
        rows = list(corpus.list_articles(st))
        members = [a for s in corpus.stories(st) for a in s.articles]
    assert all(r["story"] for r in rows)
    assert sorted(members) == sorted(r["id"] for r in rows)  # each article in exactly one story


def test_the_entity_mode_is_kept_for_later_steps(store, feed) -> None:
    first, second = feed
    corpus.add(store, [first])
    corpus.assign_stories(store, entities="spacy")
    assert store.get_meta("story_entities") == "spacy"
    corpus.add(store, [second])
    report = corpus.assign_stories(store)  # no mode given: the corpus's own
    assert report.assignments and store.get_meta("story_entities") == "spacy"
    assert all(r["story"] for r in corpus.list_articles(store))


def test_a_rerun_repairs_articles_stored_without_sketches(tmp_path) -> None:
    """The state ``kill -9`` between the two commits of an older ``add`` left behind."""
    text = " ".join(FERRY * 2)
    _write(tmp_path / "in", "a.txt", text)
    _write(tmp_path / "in", "b.txt", text + " Officials confirmed it.")  # a near-duplicate
    db = tmp_path / "c.db"
    from newsdossier.ingest import ingest

    arts = ingest([tmp_path / "in"]).articles
    with Store(db) as st:
        st.add_articles(arts)  # the first commit only: articles, no sketches
        assert len(list(st.articles_without_sketches())) == 2
    with Store(db) as st:
        report = corpus.add(st, [tmp_path / "in"])
        assert report.existing and not report.added
        assert not list(st.articles_without_sketches())
        assert len(st.duplicate_links()) == 1 and report.near_duplicates


def test_add_stores_each_article_with_its_sketch_in_one_transaction(store, tmp_path) -> None:
    _write(tmp_path, "a.txt", FERRY[0])
    corpus.add(store, [tmp_path])
    assert store.count() == 1 and len(list(store.sketches())) == 1
