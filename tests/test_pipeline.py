"""End to end: files in, a dossier whose every span round-trips, three output files."""

from __future__ import annotations

import json

import pytest

from newsdossier import NoArticlesError, Options, build_dossier
from newsdossier.render import write


def test_seeds_build_five_articles_with_furniture_removed(seeds_dir, store, tmp_path):
    dossier = build_dossier([seeds_dir], store=store)
    assert len(dossier.articles) == 5
    assert dossier.rejected == ()
    dossier.validate()
    removed = [r for a in dossier.articles for r in a.removed]
    assert len(removed) >= 5
    for art in dossier.articles:
        for r in art.removed:
            assert r.text not in art.text
            assert r.reason
    paths = write(dossier, tmp_path)
    assert {p.name for p in paths.values()} == {"dossier.json", "dossier.md", "dossier.html"}
    data = json.loads(paths["json"].read_text())
    texts = {a["id"]: a["text"] for a in data["articles"]}
    for s in data["sentences"] + data["mentions"]:
        assert texts[s["article"]][s["start"]:s["end"]] == s["text"]
    assert set(data["timings"]) >= {"ingest", "parse"}


def test_example_uses_manifest_and_reports_rejections(example_dir, store):
    opts = Options(manifest=example_dir / "manifest.csv")
    dossier = build_dossier([example_dir / "articles"], opts, store=store)
    outlets = {a.outlet for a in dossier.articles}
    assert {"Brennick Courier", "Valley Post", "Northern Wire"} <= outlets
    assert all(a.published for a in dossier.articles)
    assert any("empty" in r.reason for r in dossier.rejected)
    french = [a for a in dossier.articles if a.language == "fr"]
    assert len(french) == 1 and any("left out of the English analyses" in f for f in french[0].flags)
    # the English pipeline does not misread French: nothing in the analyses comes from it
    fr = french[0].id
    spans = [m for e in dossier.entities for m in e.mentions] + [q.span for q in dossier.quotes] \
        + [c for s in dossier.summary for c in s.cites] + [f.span for f in dossier.facts] \
        + [t.span for t in dossier.timeline]
    assert spans and all(sp.article != fr for sp in spans)


def test_no_readable_input_raises_with_reasons(tmp_path, store):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blob.bin").write_bytes(bytes(range(256)) * 20)
    with pytest.raises(NoArticlesError) as info:
        build_dossier([tmp_path], store=store)
    reasons = " ".join(r.reason for r in info.value.rejected)
    assert "empty" in reasons and "binary" in reasons


def test_parse_cache_makes_rerun_skip_parsing(seeds_dir, store):
    first = build_dossier([seeds_dir], store=store)
    second = build_dossier([seeds_dir], store=store)
    assert second.sentences == first.sentences
    assert second.timings["parse"] < first.timings["parse"]


# --------------------------------------------------------------------------- fault isolation

_MARK = "Zorblat"


def _isolation_articles() -> list:
    from newsdossier.model import Article

    texts = [
        "The council of Dunmore closed the harbour bridge on Monday after engineers found cracks. "
        "\"We cannot take risks with people's lives,\" said Mayor Ilsa Brandvik. Repairs will take three weeks.",
        "Dunmore's harbour bridge was shut on Monday when cracks appeared in two of its pillars, "
        "the council said. Mayor Ilsa Brandvik said repairs would take three weeks.",
        f"A {_MARK} article that one analysis cannot handle. The harbour bridge in Dunmore is shut, "
        "Mayor Ilsa Brandvik said on Monday.",
    ]
    return [Article.create(t, f"a{i}.txt", outlet=f"Outlet {i}", language="en") for i, t in enumerate(texts)]


@pytest.fixture(scope="module")
def isolation_inputs():
    from newsdossier import nlp

    arts = _isolation_articles()
    return arts, nlp.parse(arts)


@pytest.mark.parametrize("stage", [c.name for c in __import__("newsdossier.registry").registry.order()])
def test_a_failing_article_in_any_stage_becomes_a_problem_and_the_rest_is_built(stage, isolation_inputs):
    from newsdossier import nlp, registry
    from newsdossier.pipeline import Options, run_analyses

    arts, docs = isolation_inputs
    sentences, mentions = nlp.parse_all(arts, docs)
    from newsdossier.model import Dossier

    base = Dossier(articles=tuple(arts), sentences=tuple(sentences), mentions=tuple(mentions))
    clean = run_analyses(base, docs, Options())
    original = registry.component(stage).func

    def failing(inputs, config):
        if any(_MARK in a.text for a in inputs.articles):
            raise RuntimeError("injected failure")
        return original(inputs, config)

    with registry.override(stage, failing):
        d = run_analyses(base, docs, Options())
    bad = next(a.id for a in arts if _MARK in a.text)
    assert [(p.stage, p.article, p.error) for p in d.problems] == [(stage, bad, "RuntimeError")]
    for comp in registry.order():
        for name in comp.produces:
            got, ref = getattr(d, name), getattr(clean, name)
            if comp.name == stage:  # the stage still ran on the other articles
                assert all(bad not in repr(x) for x in got), name
            elif ref:
                assert got, f"{name} is empty after {stage} failed on one article"


def test_one_build_resolves_names_across_its_stories_unless_asked_per_story():
    # the story clustering splits a long-running story (dated months apart) into many; one
    # build must still give one entry per person unless per-story resolution is asked for
    from dataclasses import replace as dc_replace

    from newsdossier import nlp
    from newsdossier.analysis.entities import EntitiesConfig, entities_component
    from newsdossier.model import Article, Dossier, Story
    from newsdossier.registry import Inputs

    texts = ["Mayor Ilsa Brandvik opened the new harbour bridge in Dunmore on Monday.",
             "Ilsa Brandvik, the mayor of Dunmore, closed the harbour bridge a year later."]
    arts = tuple(Article.create(t, f"s{i}.txt", language="en") for i, t in enumerate(texts))
    docs = nlp.parse(list(arts))
    sentences, mentions = nlp.parse_all(list(arts), docs)
    d = Dossier(articles=arts, mentions=tuple(mentions),
                stories=(Story("s-a", "a", (arts[0].id,)), Story("s-b", "b", (arts[1].id,))))
    one = entities_component(Inputs(d, docs, arts), EntitiesConfig())["entities"]
    per = entities_component(Inputs(d, docs, arts), dc_replace(EntitiesConfig(), per_story=True))["entities"]
    assert sum(e.name == "Ilsa Brandvik" for e in one) == 1
    split = [e for e in per if e.name == "Ilsa Brandvik"]
    assert len(split) == 2 and split[0].same_as == (split[1].id,)


def test_parses_held_serialised_give_the_same_dossier_as_parses_held_whole(seeds_dir, example_dir, nlp):
    # the parse store keeps every parse as bytes and rebuilds one Doc per lookup; every
    # analysis must come out exactly as with spaCy's own Docs (tensors and all) held in a dict
    from newsdossier import nlp as nd_nlp
    from newsdossier.ingest import ingest
    from newsdossier.model import Dossier
    from newsdossier.pipeline import run_analyses

    for folder in (seeds_dir, example_dir):
        arts = ingest([folder]).articles
        whole = {a.id: doc for a, doc in zip(arts, nlp.pipe(a.text for a in arts))}
        held = nd_nlp.parse(arts, nlp=nlp)
        assert isinstance(held, nd_nlp.Parses) and len(held) == len(arts)
        out = []
        for docs in (whole, held):
            sentences, mentions = nd_nlp.parse_all(arts, docs)
            base = Dossier(articles=tuple(arts), sentences=tuple(sentences), mentions=tuple(mentions))
            out.append(json.dumps(run_analyses(base, docs).to_dict(), sort_keys=True, default=str))
        assert out[0] == out[1]
        assert json.loads(out[1])["quotes"] and json.loads(out[1])["entities"]
