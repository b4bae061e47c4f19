"""The app and the dossier page in a real headless Chromium (Debian's package, driven by Playwright).

Skipped with a reason when /usr/bin/chromium or Playwright is missing (scripts/install-browser.sh
installs Chromium; `make test` runs it).
"""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import expect

from newsdossier.model import Dossier
from newsdossier.render.html import to_html

from .conftest import ARTICLE_HTML, ARTICLE_MD, ARTICLE_TXT, hostile_files, jsonl_article
from .sample import PAYLOADS, full_dossier, hostile_dossier

CITES = ".cite[data-a]"


def _write(tmp_path: Path, dossier: Dossier, name: str) -> str:
    path = tmp_path / name
    path.write_text(to_html(dossier), encoding="utf-8")
    return path.as_uri()


def _watch(page) -> list[str]:
    """Collect dialogs and page errors (any would mean injected script ran)."""
    events: list[str] = []
    page.on("dialog", lambda d: (events.append("dialog:" + d.message), d.dismiss()))
    page.on("pageerror", lambda e: events.append("error:" + str(e)))
    return events


def _check_every_citation(page, dossier: Dossier, limit: int = 400) -> int:
    """Hover every citation; the highlighted range's text must equal the cited span's text."""
    texts = {a.id: a.text for a in dossier.articles}
    page.evaluate("document.querySelectorAll('details').forEach(function (d) { d.open = true; })")
    cites = page.locator(CITES)
    n = cites.count()
    assert n > 0
    for i in range(min(n, limit)):
        el = cites.nth(i)
        a, s, e = el.get_attribute("data-a"), int(el.get_attribute("data-s")), int(el.get_attribute("data-e"))
        el.scroll_into_view_if_needed()
        el.hover(timeout=5000)
        got = page.evaluate("document.body.dataset.highlightText")
        where = page.evaluate("document.body.dataset.highlight")
        assert where == f"{a}:{s}:{e}"
        assert got == texts[a][s:e], (i, a, s, e)
    return n


def test_citation_highlight_matches_span_for_every_section(browser, page, tmp_path: Path) -> None:
    d = full_dossier()
    events = _watch(page)
    page.goto(_write(tmp_path, d, "full.html"))
    n = _check_every_citation(page, d)
    assert n > 30
    # the SVG timeline dots are citations too
    dot = page.locator("#timeline svg .cite").first
    dot.hover()
    assert page.evaluate("document.body.dataset.highlightText") in {"on Tuesday", "two days after"}
    # the highlighted article column is marked and its text box scrolled to the range
    assert page.locator(".art.active").count() == 1
    # the CSS Custom Highlight holds the range (Chromium supports it)
    assert page.evaluate("CSS.highlights.get('cite').size") >= 1
    assert events == []


def test_clicking_a_citation_on_a_phone_opens_the_evidence(browser, tmp_path: Path) -> None:
    d = full_dossier()
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(_write(tmp_path, d, "phone.html"))
        assert page.evaluate("document.documentElement.scrollWidth") <= 390 + 1
        cite = page.locator("#summary .cite").first
        cite.click()
        drawer = page.locator("#evidence")
        assert drawer.is_visible()
        a, s, e = (cite.get_attribute(k) for k in ("data-a", "data-s", "data-e"))
        assert drawer.locator("mark").inner_text() == d.article(a).text[int(s):int(e)]
        page.locator("#ev-close").click()
        assert not drawer.is_visible()
    finally:
        context.close()


def test_hostile_dossier_runs_nothing_and_shows_text(browser, page, tmp_path: Path) -> None:
    d = hostile_dossier()
    events = _watch(page)
    page.goto(_write(tmp_path, d, "hostile.html"))
    _check_every_citation(page, d)
    for link in page.locator("a").all():
        href = link.get_attribute("href") or ""
        assert not href.lower().startswith("javascript:")
    page.locator("#sources-table a").first.click()
    page.mouse.move(5, 5)
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.locator("script").count() == 1 and page.locator("iframe, img, #articles svg").count() == 0
    box = page.locator(f"#text-{d.articles[0].id}")
    assert box.evaluate("el => el.textContent") == d.articles[0].text
    visible = page.locator("body").inner_text()
    for payload in PAYLOADS:
        assert payload in visible
    assert events == []


def test_upload_stories_dossier_and_highlight_through_the_app(live_server, page) -> None:
    base = live_server.url
    events = _watch(page)
    page.goto(base + "/")
    page.set_input_files("#files", files=[
        {"name": "one.txt", "mimeType": "text/plain", "buffer": ARTICLE_TXT.encode()},
        {"name": "two.md", "mimeType": "text/markdown", "buffer": ARTICLE_MD.encode()},
        {"name": "three.html", "mimeType": "text/html", "buffer": ARTICLE_HTML.encode()},
        {"name": "four.jsonl", "mimeType": "application/json", "buffer": jsonl_article().encode()},
    ])
    page.click("#submit")
    page.wait_for_selector("#upload-summary")
    assert "4 new articles" in page.locator("#upload-summary").inner_text()
    page.goto(base + "/#add")
    page.fill("#text", "Pasted: the Lunholm harbour master said on Tuesday the pier would reopen within a week.")
    page.fill("#f-outlet", "Harbour Bulletin")
    page.click("#submit")
    assert "1 new article" in page.locator("#upload-summary").inner_text()

    page.goto(base + "/stories")
    links = page.locator("#stories a.story")
    assert links.count() == 1
    links.first.click()
    page.wait_for_selector(".art")
    assert page.locator(".art").count() == 5
    assert "Harbour Bulletin" in page.locator("#articles").inner_text()
    cite = page.locator(CITES).first
    cite.scroll_into_view_if_needed()
    cite.hover()
    a, s, e = (cite.get_attribute(k) for k in ("data-a", "data-s", "data-e"))
    expected = page.locator(f"#text-{a}").evaluate("el => el.textContent")[int(s):int(e)]
    assert expected and page.evaluate("document.body.dataset.highlightText") == expected
    assert events == []


def test_hostile_upload_runs_nothing(live_server, browser) -> None:
    context = browser.new_context()
    page = context.new_page()
    events = _watch(page)
    try:
        page.goto(live_server.url + "/")
        page.set_input_files("#files", files=[{"name": n, "mimeType": "text/plain", "buffer": b}
                                              for n, b in hostile_files()])
        page.click("#submit")
        page.wait_for_selector("#upload-summary")
        assert "2 new articles" in page.locator("#upload-summary").inner_text()
        for path in ("/articles", "/stories"):
            page.goto(live_server.url + path)
            assert "<script>window.__xss=1</script>" in page.locator("main").inner_text()
        ids = set(re.findall(r"/articles/([0-9a-f]{16})", page.goto(live_server.url + "/articles").text()))
        for i in ids:
            page.goto(f"{live_server.url}/articles/{i}")
        page.goto(live_server.url + "/stories/all")
        page.wait_for_selector(".art")
        page.evaluate("document.querySelectorAll('details').forEach(function (d) { d.open = true; })")
        for el in page.locator(CITES).all()[:60]:
            el.scroll_into_view_if_needed(timeout=5000)
            el.hover(timeout=5000)
        page.wait_for_timeout(300)
        assert page.evaluate("typeof window.__xss") == "undefined"
        assert "<img src=x onerror=" in page.locator("#articles").inner_text()
        assert events == []
    finally:
        context.close()


def test_error_page_in_the_browser(live_server, page) -> None:
    response = page.goto(live_server.url + "/stories/no-such-story")
    assert response.status == 404
    assert "Not found" in page.locator("h1").inner_text()
    assert "Traceback" not in page.content()


def test_a_large_dossier_lays_out_texts_lazily_and_citations_still_land(browser, page, tmp_path: Path) -> None:
    from dataclasses import replace

    from newsdossier.model import Article, SummarySentence
    from newsdossier.render.html import LAZY_AFTER

    arts = tuple(Article.create(f"Report {i}: the quay at Harbourtown closed on Monday after a storm, "
                                f"officials said ({i}).", f"r{i}.txt", outlet=f"Outlet {i}")
                 for i in range(LAZY_AFTER + 10))
    last = arts[-1]
    d = replace(full_dossier(), articles=(*full_dossier().articles, *arts),
                summary=(SummarySentence(text=last.text, cites=(last.span(0, len(last.text)),), outlets=1),))
    events = _watch(page)
    page.goto(_write(tmp_path, d, "large.html"))
    # texts wait as inert markup; a box still empty has its block, a filled one (on screen) not
    # both counted at once: a box scrolled into view is filled in between two separate counts
    waiting, lazy = page.evaluate("""[document.querySelectorAll('script[type="text/html"][id^="tpl-"]').length,
                                      document.querySelectorAll('.text[data-lazy]').length]""")
    assert waiting == lazy > len(d.articles) - 10
    assert page.locator(f"#text-{last.id}").evaluate("el => el.textContent") == ""  # not laid out yet
    cite = page.locator(f'#summary {CITES}[data-a="{last.id}"]').first
    cite.hover()
    assert page.evaluate("document.body.dataset.highlightText") == last.text
    assert page.locator(f"#text-{last.id}").evaluate("el => el.textContent") == last.text
    assert events == []


def test_quote_groups_past_the_first_wait_behind_show_more_and_their_citations_land(browser, page,
                                                                                   tmp_path: Path) -> None:
    from dataclasses import replace

    from newsdossier.model import Article, Quote, Speaker
    from newsdossier.render.html import LAZY_AFTER, MORE_AFTER

    n = max(LAZY_AFTER, MORE_AFTER) + 5
    arts = tuple(Article.create(f"Harbour worker {i} said the quay at Harbourtown would reopen ({i}).",
                                f"q{i}.txt", outlet=f"Outlet {i}") for i in range(n))
    quotes = tuple(Quote(id=f"QX{i}", kind="indirect", span=a.span(a.text.index("the quay"), len(a.text) - 1),
                         speaker=Speaker(f"Harbour worker {i}", a.span(0, len(f"Harbour worker {i}"))))
                   for i, a in enumerate(arts))
    base = full_dossier()
    d = replace(base, articles=(*base.articles, *arts), quotes=(*base.quotes, *quotes))
    events = _watch(page)
    page.goto(_write(tmp_path, d, "quotes.html"))
    groups = page.locator("#quotes .quote-group")
    total = len({q.speaker.name if q.speaker else "" for q in d.quotes})
    assert groups.count() == MORE_AFTER < total
    page.click("#quotes button.more")
    assert groups.count() == total
    assert page.locator("#quotes button.more, #more-quotes").count() == 0
    last = arts[-1]
    cite = page.locator(f'#quotes .qtext + {CITES}[data-a="{last.id}"]').first
    cite.scroll_into_view_if_needed()
    cite.hover()
    s = last.text.index("the quay")
    assert page.evaluate("document.body.dataset.highlightText") == last.text[s:len(last.text) - 1]
    assert events == []


def _paged_dossier(n: int) -> Dossier:
    """A dossier of ``n`` articles with one name (three mentions: not a minor one), figure, date
    and reused passage an article, each citing its own article."""
    from newsdossier.model import (
        Article,
        Direction,
        Entity,
        EntityKind,
        Fact,
        Quote,
        Reuse,
        Speaker,
        TimelineEvent,
    )

    arts = tuple(Article.create(f"Pilot Wenna Cosgrove{i} landed at Harbourtown on 2031-04-{i % 28 + 1:02d} "
                                f"with {i + 2} crates, the port said ({i}).", f"p{i}.txt", outlet=f"Outlet {i}")
                 for i in range(n))

    def at(a: Article, word: str):
        s = a.text.index(word)
        return a.span(s, s + len(word))

    ents = tuple(Entity(id=f"E{i}", name=f"Wenna Cosgrove{i}", kind=EntityKind.PERSON,
                        mentions=(at(a, f"Wenna Cosgrove{i}"), at(a, "Wenna"), at(a, f"Cosgrove{i}")),
                        salience=float(n - i))
                 for i, a in enumerate(arts))
    facts = tuple(Fact(unit="crate", about=f"shipment {i}", span=at(a, f"{i + 2} crates"), value=float(i + 2))
                  for i, a in enumerate(arts))
    days = tuple(TimelineEvent(date=a.text.split(" on ")[1][:10], resolved=True, how="explicit",
                               span=at(a, a.text.split(" on ")[1][:10])) for a in arts)
    reuse = tuple(Reuse(source=at(a, "landed at Harbourtown"), copy=at(b, "landed at Harbourtown"),
                        similarity=1.0, direction=Direction.UNKNOWN) for a, b in zip(arts, arts[1:]))
    quotes = tuple(Quote(id=f"Q{i}", kind="indirect", span=at(a, "landed at Harbourtown"),
                         speaker=Speaker("the port", at(a, "the port"))) for i, a in enumerate(arts))
    return Dossier(articles=arts, entities=ents, facts=facts, timeline=days, reuse=reuse, quotes=quotes)


def _hover_lands(page, dossier: Dossier, cite) -> None:
    texts = {a.id: a.text for a in dossier.articles}
    a, s, e = cite.get_attribute("data-a"), int(cite.get_attribute("data-s")), int(cite.get_attribute("data-e"))
    cite.scroll_into_view_if_needed()
    cite.hover()
    assert page.evaluate("document.body.dataset.highlightText") == texts[a][s:e]


def test_large_tables_show_their_first_rows_and_the_rest_one_click_away(browser, page, tmp_path: Path) -> None:
    from newsdossier.render.html import GRAPH_NODES, LANES_AFTER, LAZY_AFTER, QUOTES_SHOWN, ROWS_AFTER

    n = max(LAZY_AFTER, ROWS_AFTER, LANES_AFTER, GRAPH_NODES) + 12
    d = _paged_dossier(n)
    events = _watch(page)
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
    page.goto(_write(tmp_path, d, "paged.html"))
    rows = {key: page.locator(f"#rows-{key} > tr") for key in ("entities", "facts", "sources", "timeline", "reuse")}
    # laid out: the first rows of the open tables, nothing of the tables in closed <details>
    assert [rows[k].count() for k in ("entities", "facts", "sources")] == [ROWS_AFTER] * 3
    assert rows["timeline"].count() == rows["reuse"].count() == 0
    for key, noun in (("entities", "names"), ("facts", "quantities"), ("sources", "sources")):
        button = page.locator(f'button.more[data-more="more-{key}"]')
        assert button.inner_text() == f"Show {n - ROWS_AFTER} more {noun}"
        button.click()
        assert rows[key].count() == n and button.count() == 0
    # the last name's citation, shown only now, lands on its characters
    _hover_lands(page, d, page.locator(f'#entity-E{n - 1} {CITES}').first)
    # opening a <details> fills it, once
    for key, total in (("timeline", n), ("reuse", n - 1)):
        page.locator(f"#{key} details > summary").click()
        # the details' toggle event (which fills it) is dispatched after the click returns
        expect(rows[key]).to_have_count(total, timeout=5000)
        page.locator(f"#{key} details > summary").click()
        page.locator(f"#{key} details > summary").click()
        assert rows[key].count() == total
    _hover_lands(page, d, page.locator(f"#rows-timeline > tr {CITES}").last)
    # the timeline draws its first lanes; the whole chart is one click away and its dots cite
    assert page.locator("#timeline svg .lane-label").count() == LANES_AFTER
    page.click('#timeline button.more[data-more="more-chart"]')
    assert page.locator("#timeline svg").count() == 1
    assert page.locator("#timeline svg .lane-label").count() == n
    _hover_lands(page, d, page.locator("#timeline svg g.cite").last)
    # the reuse graph draws the most reused articles; the whole graph is one click away
    assert page.locator("#reuse svg g.node").count() == GRAPH_NODES
    page.click('#reuse button.more[data-more="more-graph"]')
    assert page.locator("#reuse svg").count() == 1 and page.locator("#reuse svg g.node").count() == n
    # one speaker's quotes: the first few, the rest one click away, their citations landing
    quotes = page.locator("#quotes .quote")
    assert quotes.count() == QUOTES_SHOWN
    page.click("#quotes button.more")
    assert quotes.count() == n
    _hover_lands(page, d, page.locator(f"#quotes .qtext + {CITES}").last)
    assert events == [] and console == []


def test_small_dossiers_lay_everything_out_with_no_buttons(browser, page, tmp_path: Path) -> None:
    from newsdossier.render.html import LAZY_AFTER

    d = _paged_dossier(LAZY_AFTER)
    page.goto(_write(tmp_path, d, "small.html"))
    assert page.locator("button.more").count() == 0
    assert page.locator('script[type="text/html"]').count() == 0
    assert page.locator("#rows-entities > tr").count() == page.locator("#rows-timeline > tr").count() == LAZY_AFTER
    assert page.locator("#quotes .quote").count() == page.locator("#reuse svg g.node").count() == LAZY_AFTER


def test_a_large_hostile_page_runs_nothing_when_everything_is_opened(browser, page, tmp_path: Path) -> None:
    from dataclasses import replace

    from newsdossier.model import Article
    from newsdossier.render.html import LAZY_AFTER

    base = hostile_dossier()
    extra = tuple(Article.create(f"Filler report {i} about the harbour.", f"f{i}.txt") for i in range(LAZY_AFTER))
    d = replace(base, articles=(*base.articles, *extra))
    events = _watch(page)
    page.goto(_write(tmp_path, d, "hostile-large.html"))
    while page.locator("button.more").count():
        page.locator("button.more").first.click()
    page.evaluate("document.querySelectorAll('details').forEach(function (el) { el.open = true; })")
    page.locator(f"#text-{base.articles[0].id}").scroll_into_view_if_needed()
    page.wait_for_function(f"!document.getElementById('text-{base.articles[0].id}').dataset.lazy")
    assert page.evaluate("window.__xss") is None
    assert events == []
    assert page.locator(f"#text-{base.articles[0].id}").evaluate("el => el.textContent") == base.articles[0].text
