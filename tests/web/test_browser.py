"""The app and the dossier page in a real headless Chromium (Debian's package, driven by Playwright).

Skipped with a reason when /usr/bin/chromium or Playwright is missing (scripts/install-browser.sh
installs Chromium; `make test` runs it).
"""

from __future__ import annotations

import re
from pathlib import Path

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
    assert page.locator("template").count() == len(d.articles)
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
