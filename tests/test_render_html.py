"""The self-contained dossier page: every section rendered, every citation exact, all text escaped."""

from __future__ import annotations

import html as htmllib
import re
from dataclasses import replace

import pytest
from markupsafe import escape
from web.sample import PAYLOADS, full_dossier, hostile_dossier, sp

from newsdossier.analysis.agreement import agreement
from newsdossier.model import Article, Dossier, Reuse, SpanError, TimelineEvent
from newsdossier.render.html import (
    agreement_matrix,
    article_markup,
    csp_hash,
    page_csp,
    quote_groups,
    reuse_graph,
    safe_url,
    timeline_chart,
    to_html,
)

CITE = re.compile(r'class="cite[^"]*"[^>]*?data-a="([0-9a-f]+)" data-s="(\d+)" data-e="(\d+)"')


def _text_of(fragment: str) -> str:
    return htmllib.unescape(re.sub(r"<[^>]+>", "", fragment))


@pytest.fixture(scope="module")
def full() -> Dossier:
    return full_dossier()


@pytest.fixture(scope="module")
def page(full: Dossier) -> str:
    return to_html(full)


def test_every_section_is_rendered(page: str) -> None:
    for anchor in ("summary", "entities", "quotes", "disagreements", "agreement", "facts", "timeline",
                   "reuse", "sources-table", "furniture", "rejected", "articles"):
        assert f'id="{anchor}"' in page, anchor
    assert page.count("<svg") == 2  # timeline and reuse graph
    assert "merge log: 1 step" in page and "I. matches Ilsa" in page
    assert "the file is empty" in page and "Share this »" in page


def test_no_external_assets_and_csp_hashes_match(page: str) -> None:
    assert not re.search(r'(src|href)="(https?:)?//', page.replace('href="https://courier.example/quay"', ""))
    script = re.search(r"<script>(.*?)</script>", page, re.S).group(1)
    style = re.search(r"<style>(.*?)</style>", page, re.S).group(1)
    csp = htmllib.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1))
    assert csp == page_csp()
    assert csp_hash(script) in csp and csp_hash(style) in csp
    assert "unsafe-inline" not in csp and "default-src 'none'" in csp


def test_every_citation_points_at_the_characters_of_its_span(full: Dossier, page: str) -> None:
    texts = {a.id: a.text for a in full.articles}
    cites = CITE.findall(page)
    assert len(cites) > 30
    spans = {(s.article, s.start, s.end) for s in full.spans()}
    for aid, s, e in cites:
        assert aid in texts
        assert (aid, int(s), int(e)) in spans, (aid, s, e, texts[aid][int(s):int(e)])


def test_article_text_round_trips_through_the_markup(full: Dossier) -> None:
    art = full.articles[0]
    sents = [s for s in full.sentences if s.article == art.id]
    ments = [m for m in full.mentions if m.span.article == art.id]
    assert _text_of(str(article_markup(art, sents, ments))) == art.text
    boxes = re.findall(r'<div class="text" id="text-([0-9a-f]+)">(.*?)</div>', to_html(full), re.S)
    assert {aid: _text_of(b) for aid, b in boxes} == {a.id: a.text for a in full.articles}


def test_hostile_text_and_metadata_are_escaped() -> None:
    d = hostile_dossier()
    page = to_html(d)
    body = page.split("<body>", 1)[1].rsplit("<script>", 1)[0]
    for payload in PAYLOADS:
        assert payload not in body
        assert str(escape(payload)) in body
    assert "<script" not in body and "<img" not in body and "<iframe" not in body and "<svg onload" not in body
    assert 'href="javascript:' not in page
    boxes = dict(re.findall(r'<div class="text" id="text-([0-9a-f]+)">(.*?)</div>', page, re.S))
    assert _text_of(boxes[d.articles[0].id]) == d.articles[0].text


@pytest.mark.parametrize("url,ok", [
    ("https://example.org/a?b=1", True), ("http://x.example/", True), ("javascript:alert(1)", False),
    (" JaVaScRiPt:alert(1)", False), ("java\nscript:alert(1)", False), ("data:text/html,<b>", False),
    ("//evil.example/x", False), ("/local/path", False), ("", False), (None, False), ("https://", False),
])
def test_safe_url(url: str | None, ok: bool) -> None:
    assert (safe_url(url) is not None) is ok


def test_reuse_graph_draws_known_direction_as_an_arrow(full: Dossier) -> None:
    graph = reuse_graph(full)
    assert graph is not None
    assert len(graph.nodes) == 2 and len(graph.edges) == 1
    edge = graph.edges[0]
    a1, a2 = full.articles[0].id, full.articles[1].id
    assert (edge.source, edge.copy, edge.passages, edge.known) == (a1, a2, 2, True)
    # only an unknown-direction passage: dashed, no arrow
    unknown = replace(full, reuse=(replace(full.reuse[1], direction="unknown"),))
    assert reuse_graph(unknown).edges[0].known is False
    assert 'class="edge unknown"' in to_html(unknown)
    assert reuse_graph(replace(full, reuse=())) is None


def test_reuse_graph_lays_out_many_articles_inside_the_box() -> None:
    arts = tuple(Article.create(f"Text number {i} about the harbour of Velmora and its cranes.", f"t#{i}")
                 for i in range(7))
    reuse = tuple(Reuse(arts[i].span(0, 12), arts[i + 1].span(0, 12), 0.9, "known") for i in range(6))
    graph = reuse_graph(Dossier(articles=arts, reuse=reuse))
    assert len(graph.nodes) == 7 and len(graph.edges) == 6
    for n in graph.nodes:
        assert 0 < n.x < graph.width and 0 < n.y < graph.height


def test_a_bounded_reuse_graph_keeps_the_most_reused_articles_and_their_edges() -> None:
    arts = tuple(Article.create(f"Text number {i} about the harbour of Velmora and its cranes.", f"t#{i}")
                 for i in range(6))
    # article 5 is copied by every other; 0-1 share one more passage
    reuse = (*(Reuse(arts[5].span(0, 12), arts[i].span(0, 12), 0.9, "known") for i in range(5)),
             Reuse(arts[0].span(14, 20), arts[1].span(14, 20), 0.8, "unknown"))
    d = Dossier(articles=arts, reuse=reuse)
    assert reuse_graph(d).total_nodes == 6
    small = reuse_graph(d, max_nodes=3)
    assert [n.id for n in small.nodes] == [arts[0].id, arts[1].id, arts[5].id] and small.total_nodes == 6
    assert {(e.source, e.copy) for e in small.edges} == {(arts[5].id, arts[0].id), (arts[5].id, arts[1].id),
                                                         (arts[0].id, arts[1].id)}


def test_timeline_chart_orders_dates_and_counts_unresolved(full: Dossier) -> None:
    chart = timeline_chart(full)
    assert chart is not None and chart.unresolved == 1
    xs = {d["date"]: d["x"] for d in chart.dots}
    assert xs["2031-05-11"] < xs["2031-05-13"]
    assert len(chart.lanes) == 2 and len(chart.published) == 2
    assert all(chart.left <= d["x"] <= chart.width for d in chart.dots)
    only_unresolved = replace(full, timeline=(TimelineEvent(None, False, "x", sp(full.articles[2], "last week")),))
    assert timeline_chart(only_unresolved) is None
    assert "1 time expressions" in to_html(only_unresolved) or "all 1 time expressions" in to_html(only_unresolved)


def test_timeline_accepts_month_and_year_dates(full: Dossier) -> None:
    a = full.articles[0]
    events = (TimelineEvent("2030", True, "year", sp(a, "Tuesday")),
              TimelineEvent("2031-02", True, "month", sp(a, "crane")),
              TimelineEvent("garbage", True, "bad", sp(a, "quay")))
    chart = timeline_chart(replace(full, timeline=events))
    assert [d["date"] for d in chart.dots] == ["2030", "2031-02"]
    assert chart.unresolved == 1


def test_agreement_matrix_counts_same_and_opposite_sides(full: Dossier) -> None:
    m = agreement_matrix(full)
    assert m is not None and m.basis == "disagreements" and m.points == 2  # laid out from dossier.agreement
    i = {o: k for k, o in enumerate(m.outlets)}
    courier_post = m.cells[i["Harbour Courier"]][i["Valley Post"]]
    courier_notes = m.cells[i["Harbour Courier"]][i["Dock notes"]]
    assert (courier_post["agree"], courier_post["differ"], courier_post["cls"]) == (0, 2, "m-differ")
    assert (courier_notes["agree"], courier_notes["differ"], courier_notes["cls"]) == (2, 0, "m-agree")
    assert m.cells[i["Valley Post"]][i["Valley Post"]]["self"]


def test_agreement_matrix_falls_back_to_claims(full: Dossier) -> None:
    pairs = agreement(full.articles, (), full.claims)
    m = agreement_matrix(replace(full, agreement=tuple(pairs)))
    assert m is not None and m.basis == "claims"
    i = {o: k for k, o in enumerate(m.outlets)}
    assert m.cells[i["Harbour Courier"]][i["Valley Post"]]["differ"] == 1
    assert m.cells[i["Harbour Courier"]][i["Dock notes"]]["agree"] == 1
    assert agreement(full.articles, (), ()) == []
    assert agreement_matrix(replace(full, agreement=())) is None


def test_quotes_are_grouped_by_speaker_with_reprint_chain(full: Dossier, page: str) -> None:
    groups = quote_groups(full)
    assert [g.name for g in groups] == ["Ilsa Brandvik", "the dockers' union", "Unattributed"]
    assert groups[0].role == "port director"
    chain = page.split('class="chain"', 2)[1].split("</div>", 1)[0]
    assert "first printed by <b>A1</b>" in chain
    assert chain.index(">A2<") < chain.index(">A3<") and "credits told reporters" in chain


def test_facts_that_differ_are_flagged(page: str) -> None:
    facts = page.split('id="facts"', 1)[1].split("</section>", 1)[0]
    assert "differ" in facts and "1–2" in facts and "60" in facts


def test_invalid_span_is_refused(full: Dossier) -> None:
    bad = replace(full, summary=(replace(full.summary[0], cites=(replace(full.summary[0].cites[0], article="f" * 16),)),))
    with pytest.raises(SpanError):
        to_html(bad)


def test_home_url_only_site_relative(full: Dossier) -> None:
    assert 'href="/stories"' in to_html(full, home_url="/stories")
    for bad in ("javascript:alert(1)", "//evil.example/", "https://evil.example/"):
        assert bad not in to_html(full, home_url=bad)


def test_empty_dossier_renders() -> None:
    art = Article.create("Only one short article about the quay in Velmora, nothing else.", "t#1")
    page = to_html(Dossier(articles=(art,)))
    assert "Dossier — 1 articles" in page and 'id="summary"' not in page


def test_seed_dossier_renders(seeds_dir, store) -> None:
    from newsdossier.pipeline import Options, build_dossier

    d = build_dossier([seeds_dir], Options(), store=store)
    page = to_html(d)
    assert page.count('<article class="art"') == len(d.articles) == 5
    assert len(CITE.findall(page)) > 10


def test_a_role_written_alike_in_two_articles_is_shown_once(full: Dossier, page: str) -> None:
    person = next(e for e in full.entities if len(e.roles) > 1)
    texts = {r.text for r in person.roles}
    assert len(texts) < len(person.roles)  # the sample repeats a role across articles
    row = page[page.index(person.name):]
    row = row[: row.index("</tr>")]
    for t in texts:
        assert _text_of(row).count(t) == 1


def test_agreement_matrix_draws_only_the_most_involved_outlets(full: Dossier) -> None:
    from newsdossier.model import OutletPair
    from newsdossier.render.html import MATRIX_OUTLETS

    pairs = tuple(OutletPair(a=f"O{i:03}", b=f"O{j:03}", agree=1, differ=0, points=1 + (i < 5))
                  for i in range(60) for j in range(i + 1, 60))
    m = agreement_matrix(replace(full, agreement=pairs))
    assert m is not None and len(m.outlets) == MATRIX_OUTLETS and m.total == 60
    assert {"O000", "O004"} <= set(m.outlets)  # the busiest outlets are kept


def test_deferred_markup_of_a_large_hostile_page_cannot_leave_its_data_block() -> None:
    from newsdossier.render.html import LAZY_AFTER

    d = hostile_dossier()
    extra = tuple(Article.create(f"Filler report {i} about the harbour.", f"f{i}.txt") for i in range(LAZY_AFTER))
    page = to_html(replace(d, articles=(*d.articles, *extra)))
    body = page.split("<body>", 1)[1].rsplit("<script>", 1)[0]
    opens = re.findall(r"<script[^>]*>", body)
    assert opens and set(opens) == set(re.findall(r'<script type="text/html" id="[\w-]+">', body))
    blocks = re.findall(r'<script type="text/html" id="[\w-]+">(.*?)</script>', body, re.S)
    assert len(blocks) == len(opens) == body.count("</script")
    for block in blocks:
        low = block.lower()
        assert "<script" not in low and "<!--" not in low
    # the hostile article's text waits in its block, escaped, and round-trips
    own = dict(re.findall(r'<script type="text/html" id="tpl-([0-9a-f]+)">(.*?)</script>', body, re.S))
    assert _text_of(own[d.articles[0].id]) == d.articles[0].text
    for payload in PAYLOADS:
        assert payload not in body


def test_a_summary_that_found_no_sentence_says_so(store) -> None:
    from newsdossier.pipeline import dossier_from_articles
    from newsdossier.render.markdown import to_markdown

    art = Article.create("Ten Questions About the Harbour\n\nHave you ever wondered what lies beneath the "
                         "old harbour of Velmora?\n\nYou're welcome!", "t#1", outlet="Quay News")
    d = dossier_from_articles([art], store=store)
    assert not d.summary and d.sentences and "summary" in d.timings
    page = to_html(d)
    assert 'id="summary"' in page and "No summary: none of the" in page
    assert "No summary: none of the" in to_markdown(d)
    # a dossier whose summary was not built says nothing of it
    assert 'id="summary"' not in to_html(replace(d, timings={}))
