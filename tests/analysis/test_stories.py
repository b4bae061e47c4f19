"""Online story clustering: features, stream order, grouping, time decay, incremental state."""

from __future__ import annotations

import json

import pytest

from newsdossier.analysis.stories import (
    StoryClusterer,
    StoryParams,
    StoryParamsError,
    StoryStateError,
    StreamState,
    cluster_stories,
    confident_split,
    count_df,
    entity_key,
    extract_features,
    proxy_entities,
    split_confidence,
    stream_order,
)
from newsdossier.model import Article

FERRY = [
    "A passenger ferry of the Valmora Ferry Company struck the northern pier in Valmora harbour "
    "on Tuesday, injuring eleven people. Harbour master Ilse Brandvik said the vessel lost engine "
    "power while docking. The ferry route to Skarrel Island was suspended.",
    "Eleven passengers were hurt when a Valmora Ferry Company boat hit a pier in Valmora. Ilse "
    "Brandvik, the harbour master, blamed an engine failure during docking and said inspectors "
    "would examine the ferry. Crossings to Skarrel Island are halted.",
    "Inspectors began examining the ferry that crashed into the pier at Valmora harbour. The "
    "Valmora Ferry Company said service to Skarrel Island would resume next week. Brandvik said "
    "the engine failure was under investigation.",
]
ELECTION = [
    "Oskar Pellham won the mayoral election in Tarnfield with 54 percent of the vote, defeating "
    "incumbent Rhona Achterberg. Pellham promised to rebuild the Tarnfield tram network and cut "
    "council spending.",
    "Tarnfield voters chose Oskar Pellham as mayor on Sunday. Rhona Achterberg conceded the "
    "election late at night. The new mayor will present his tram plan to the Tarnfield City "
    "Council next month.",
    "Rhona Achterberg congratulated Oskar Pellham after the Tarnfield mayoral vote and said the "
    "council must work with the new mayor on the tram network and the budget.",
]
PANDA = [
    "Qeston Zoo announced the birth of a panda cub, the first in its history. Keeper Mira Solano "
    "said the mother and cub were healthy and would stay out of public view for months.",
    "A giant panda cub was born at Qeston Zoo, keeper Mira Solano told reporters. Visitors will "
    "have to wait until spring to see the cub, the zoo said.",
    "The panda cub born at Qeston Zoo is gaining weight, according to Mira Solano. The zoo "
    "plans a public naming contest for the cub.",
]


def _arts(texts: list[str], tag: str, dates: list[str | None] | None = None) -> list[Article]:
    dates = dates or [None] * len(texts)
    return [Article.create(t, f"{tag}#{i}", outlet=f"Outlet {i}", published=d)
            for i, (t, d) in enumerate(zip(texts, dates))]


def _interleave(*groups: list[Article]) -> list[Article]:
    return [a for batch in zip(*groups) for a in batch]


def _partition(stories) -> set[frozenset[str]]:
    return {frozenset(s.articles) for s in stories}


def test_proxy_entities_finds_capitalised_runs() -> None:
    names = proxy_entities("The ferry hit a pier. Harbour master Ilse Brandvik of the Port of "
                           "Valmora said U.S. experts came. But nobody was killed.")
    assert "Ilse Brandvik" in names
    assert "Port of Valmora" in names
    assert "U.S." in names
    assert "The" not in names and "But" not in names
    assert entity_key("the Tarnfield City Council's") == "tarnfield city council"


def test_features_count_words_and_given_entities() -> None:
    art = Article.create("Qeston Zoo welcomed a cub. The cub is a panda.", "t#1")
    f = extract_features(art)
    assert f.words["cub"] == 2 and "the" not in f.words
    assert f.entities["qeston zoo"] == 1
    g = extract_features(art, ["Qeston Zoo", "Qeston Zoo"])
    assert g.entities == {"qeston zoo": 2} and g.surfaces["qeston zoo"] == "Qeston Zoo"


def test_features_count_adjacent_word_pairs() -> None:
    art = Article.create("The oil spill spread. An oil spill of this size, the spill of oil, is rare.", "t#2")
    f = extract_features(art)
    assert f.words["oil spill"] == 2 and f.words["spill spread"] == 1
    assert "spill oil" not in f.words  # "of" between them: not adjacent content words
    assert not any(" " in w for w in extract_features(art, bigrams=False).words)


def test_terms_no_other_article_has_do_not_dilute_the_score() -> None:
    filler = " ".join(f"zq{chr(97 + i // 26)}{chr(97 + i % 26)}" for i in range(60))  # only in one article
    arts = [Article.create(f"Qeston Zoo keepers said the panda cub was healthy. {filler}", "t#1"),
            Article.create("The panda cub at Qeston Zoo is healthy, keepers said.", "t#2")]
    scores = {}
    for min_df in (1, 2):
        feats = [extract_features(a) for a in arts]
        joined = StoryClusterer(params=StoryParams(threshold=0.01, min_df=min_df)).add(feats)[1]
        assert not joined.new
        scores[min_df] = joined.score
    assert scores[2] > scores[1]


def test_stream_order_dates_first_undated_keep_their_place() -> None:
    assert stream_order([0, 1, 2, 3], ["2025-03-02", None, "2025-03-01", None]) == [2, 3, 0, 1]
    assert stream_order([0, 1], [None, None]) == [0, 1]


def test_three_stories_are_separated_and_labelled() -> None:
    arts = _interleave(_arts(FERRY, "f"), _arts(ELECTION, "e"), _arts(PANDA, "p"))
    stories = cluster_stories(arts)
    want = {frozenset(a.id for a in _arts(g, t)) for g, t in ((FERRY, "f"), (ELECTION, "e"), (PANDA, "p"))}
    assert _partition(stories) == want
    labels = {s.label for s in stories}
    assert any("Pellham" in lab for lab in labels)
    assert any("Qeston Zoo" in lab for lab in labels)
    ferry = next(s for s in stories if "Valmora" in s.label or "Brandvik" in s.label)
    assert ferry.size == 3 and set(ferry.outlets) == {"Outlet 0", "Outlet 1", "Outlet 2"}
    assert ferry.id == "story-" + ferry.articles[0][:12]
    assert ferry.to_story().articles == ferry.articles


def test_time_decay_splits_the_same_topic_far_apart_in_time() -> None:
    near = _arts(PANDA, "p", ["2025-04-01", "2025-04-02", "2025-04-03"])
    assert len(cluster_stories(near)) == 1
    far = _arts(PANDA, "p", ["2025-04-01", "2025-04-02", "2025-11-20"])
    stories = cluster_stories(far, params=StoryParams(long_gap_threshold=1.0))
    assert len(stories) == 2
    big = max(stories, key=lambda s: s.size)
    assert (big.first, big.last) == ("2025-04-01", "2025-04-02")


def test_a_strongly_similar_article_joins_its_story_across_a_long_gap() -> None:
    far = _arts(PANDA, "p", ["2025-04-01", "2025-04-02", "2025-11-20"])
    (story,) = cluster_stories(far)
    assert (story.first, story.last, story.size) == ("2025-04-01", "2025-11-20", 3)
    # a strict long-gap threshold still keeps the late article apart
    assert len(cluster_stories(far, params=StoryParams(long_gap_threshold=0.99))) == 2
    # and an unrelated story months later stays apart
    other = _arts(ELECTION, "e", ["2025-11-21", "2025-11-22", "2025-11-23"])
    assert _partition(cluster_stories(far + other)) == {frozenset(a.id for a in far), frozenset(a.id for a in other)}


def test_one_build_merges_the_parts_of_a_story_but_not_different_stories() -> None:
    strict = StoryParams(threshold=0.9, dated_threshold=0.9, long_gap_threshold=0.9)
    ferry, election = _arts(FERRY, "f"), _arts(ELECTION, "e")
    assert len(cluster_stories(ferry, params=strict)) == 3  # the strict join splits the story
    (one,) = cluster_stories(ferry, params=strict, one_build=True)
    assert set(one.articles) == {a.id for a in ferry}
    assert one.id == "story-" + ferry[0].id[:12]
    both = cluster_stories(_interleave(ferry, election), params=strict, one_build=True)
    assert _partition(both) == {frozenset(a.id for a in ferry), frozenset(a.id for a in election)}
    off = StoryParams(threshold=0.9, dated_threshold=0.9, long_gap_threshold=0.9, build_merge_threshold=1.0)
    assert len(cluster_stories(ferry, params=off, one_build=True)) == 3


def test_one_build_folds_a_weakly_related_fragment_but_not_an_unrelated_article() -> None:
    extra = ["Divers checked the hull.", "The company apologised.", "Tickets will be refunded.",
             "Unions raised safety concerns."]
    ferry = [Article.create(f"{t} {e}", f"f#{i}-{j}") for i, t in enumerate(FERRY) for j, e in enumerate(extra)]
    # shares only the island's name with the ferry story: too weak for the merge, enough to fold
    side = Article.create("Shop owners on Skarrel Island complained about lost tourists and closed "
                          "cafes this summer, and the local council promised a grant.", "side")
    unrelated = Article.create(PANDA[0], "panda")
    no_fold = StoryParams(build_fold_share=0.0)
    assert sorted(s.size for s in cluster_stories(ferry + [side], params=no_fold, one_build=True)) == [1, 12]
    (one,) = cluster_stories(ferry + [side], one_build=True)
    assert set(one.articles) == {a.id for a in ferry + [side]}
    assert one.id == "story-" + ferry[0].id[:12]
    assert sorted(s.size for s in cluster_stories(ferry + [unrelated], one_build=True)) == [1, 12]
    # the fold acts only inside a build, never on the corpus stream
    assert sorted(s.size for s in cluster_stories(ferry + [side])) == [1, 12]
    # two halves of a build are not fragments: the fold leaves an even split alone
    halves = _arts(FERRY, "f") + _arts(ELECTION, "e")
    assert len(cluster_stories(halves, params=StoryParams(build_fold_share=0.49), one_build=True)) == 2
    with pytest.raises(StoryParamsError):
        StoryParams(build_fold_share=0.5)


def test_a_build_is_confidently_split_only_between_stories_of_several_articles() -> None:
    extra = ["Divers checked the hull.", "The company apologised.", "Tickets will be refunded.",
             "Unions raised safety concerns."]
    ferry = [Article.create(f"{t} {e}", f"f#{i}-{j}") for i, t in enumerate(FERRY) for j, e in enumerate(extra)]
    p = StoryParams()
    # one stray article: two stories, but one article is no evidence of a story of its own
    stray = [i.to_story() for i in cluster_stories(ferry + [Article.create(PANDA[0], "panda")], one_build=True)]
    assert sorted(len(s.articles) for s in stray) == [1, 12]
    assert all(s.confidence == 0.0 for s in stray) and confident_split(stray, p) == []
    # two unrelated stories of three articles each: a confident split, named in full
    two = [i.to_story() for i in cluster_stories(_arts(ELECTION, "e") + _arts(PANDA, "p"), one_build=True)]
    assert len(two) == 2 and all(s.confidence >= p.build_split_confidence for s in two)
    assert confident_split(two, p) == two
    # the same pair is not confident when the bar is above what three articles can give
    assert confident_split(two, StoryParams(build_split_confidence=0.95)) == []
    # a build's only story is certain
    (one,) = cluster_stories(_arts(FERRY, "f"), one_build=True)
    assert one.confidence == 1.0 and one.to_story().confidence == 1.0
    # closer than the merge threshold would have merged; just under it the split is a coin flip
    assert split_confidence(0.049, 25, 0.05) < 0.05 < split_confidence(0.0, 2, 0.05) == 0.75
    with pytest.raises(StoryParamsError):
        StoryParams(build_split_confidence=0.0)


def test_incremental_state_round_trip_gives_the_same_stories() -> None:
    arts = _interleave(_arts(FERRY, "f"), _arts(ELECTION, "e"), _arts(PANDA, "p"))
    feats = [extract_features(a) for a in arts]
    first = StoryClusterer()
    first.add_counts(*count_df(feats))
    first.add(feats[:5], count=False)
    saved = json.loads(json.dumps(first.state.to_dict()))
    resumed = StoryClusterer(StreamState.from_dict(saved))
    assigned = resumed.add(feats[5:], count=False)
    assert [a.article for a in assigned] == [f.id for f in feats[5:]]
    assert not any(a.new for a in assigned[-3:])  # later articles extend existing stories
    assert _partition(resumed.stories()) == _partition(cluster_stories(arts))
    assert resumed.add(feats[:2]) == []  # already assigned articles are skipped


def test_bad_params_and_state_raise() -> None:
    with pytest.raises(StoryParamsError):
        StoryParams(threshold=0)
    with pytest.raises(StoryParamsError):
        StoryParams(text_weight=0, entity_weight=0)
    with pytest.raises(StoryParamsError):
        StoryParams(min_df=0)
    with pytest.raises(StoryStateError):
        StreamState.from_dict({"n_docs": 1})
    assert StoryParams.from_dict(StoryParams(threshold=0.3).to_dict()).threshold == 0.3


def test_one_article_at_a_time_gives_the_same_stories_as_all_at_once() -> None:
    arts = _interleave(_arts(FERRY, "ferry"), _arts(ELECTION, "vote"))
    at_once = _partition(cluster_stories(arts))
    clusterer = StoryClusterer()
    for a in arts:
        clusterer.add([extract_features(a)])
    assert _partition(clusterer.stories()) == at_once
    assert sorted(len(s) for s in at_once) == [len(FERRY), len(ELECTION)]


def test_build_merge_is_average_link_most_similar_pair_first() -> None:
    """The merge keeps each story's nearest neighbour instead of rescanning every pair: it must
    join exactly the pairs a plain average-link loop over all pairs joins."""
    import random

    from newsdossier.analysis.stories import features_for, merge_close

    rng = random.Random(3)
    sentences = [s.strip() + "." for t in FERRY + ELECTION + PANDA for s in t.split(".") if s.strip()]
    arts = [Article.create(" ".join(rng.sample(sentences, 3)), f"m#{i}") for i in range(40)]
    p = StoryParams(threshold=0.9, build_fold_share=0.0)
    clusterer = StoryClusterer(None, p)
    clusterer.add([features_for(a, p, None) for a in arts])
    states = list(clusterer.state.stories)
    assert len(states) > 20

    def dot(x: dict[str, float], y: dict[str, float]) -> float:
        return sum(v * y.get(t, 0.0) for t, v in x.items())

    def raw(a: list[int], b: list[int]) -> float:
        return sum(p.text_weight * dot(states[i].words, states[j].words)
                   + p.entity_weight * dot(states[i].entities, states[j].entities) for i in a for j in b)

    def reference(threshold: float) -> set[frozenset[str]]:
        groups = [[i] for i in range(len(states))]
        while len(groups) > 1:
            size = [sum(len(states[i].articles) for i in g) for g in groups]
            best = max((raw(groups[x], groups[y]) / (p.text_weight + p.entity_weight) / (size[x] * size[y]), x, y)
                       for x in range(len(groups)) for y in range(x + 1, len(groups)))
            if best[0] < threshold:
                break
            groups[best[1]] += groups.pop(best[2])
        return {frozenset(a for i in g for a in states[i].articles) for g in groups}

    parts = []
    for threshold in (0.05, 0.2, 0.35, 0.5):
        got = merge_close(clusterer, [s.id for s in states], threshold)
        assert _partition(got) == reference(threshold), threshold
        parts.append(len(got))
    assert any(1 < n < len(states) - 5 for n in parts), parts
