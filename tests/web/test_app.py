"""The web app through FastAPI's TestClient: uploads, limits, stories, dossier pages, errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsdossier.model import Story
from newsdossier.web import Limits, create_app, whole_corpus
from newsdossier.web.uploads import UploadError, UploadFile, read_uploads, safe_name

from .conftest import ARTICLE_HTML, ARTICLE_MD, ARTICLE_TXT, hostile_files, jsonl_article
from .sample import PAYLOADS


def _files(*items: tuple[str, str | bytes]) -> list[tuple[str, tuple[str, bytes, str]]]:
    return [("files", (name, data if isinstance(data, bytes) else data.encode(), "application/octet-stream"))
            for name, data in items]


@pytest.fixture()
def client(tmp_path: Path) -> TestClient:
    return TestClient(create_app(tmp_path / "corpus.db", stories=whole_corpus), raise_server_exceptions=False, base_url="http://127.0.0.1")


def _visible(html: str) -> str:
    return re.sub(r"<style>.*?</style>", "", html, flags=re.S)


def test_home_has_the_upload_form_and_security_headers(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200
    assert 'enctype="multipart/form-data"' in r.text and 'name="files"' in r.text and 'name="text"' in r.text
    csp = r.headers["content-security-policy"]
    assert "script-src 'none'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"


def test_upload_every_format_then_duplicates_and_rejections(client: TestClient) -> None:
    rss = ("<?xml version='1.0'?><rss version='2.0'><channel><title>Harbour feed</title><item>"
           "<title>Pier inspection</title><link>https://feed.example/pier</link>"
           "<description>Inspectors examined the Carrick Point pier on Wednesday and found the main beams sound, "
           "the harbour board announced in a short statement.</description></item></channel></rss>")
    r = client.post("/upload", files=_files(("one.txt", ARTICLE_TXT), ("two.md", ARTICLE_MD),
                                            ("three.html", ARTICLE_HTML), ("four.jsonl", jsonl_article()),
                                            ("five.rss", rss), ("empty.txt", b"")))
    assert r.status_code == 200
    text = _visible(r.text)
    assert "5 new articles" in text and "1 rejected" in text
    assert "upload/empty.txt" in text and "the file is empty" in text
    assert "Island Voice" in text and "2031-03-04" in text
    assert "/tmp" not in text and "newsdossier-upload-" not in text
    again = client.post("/upload", files=_files(("copy.txt", ARTICLE_TXT)))
    assert "0 new articles" in again.text and "1 already in the corpus" in again.text


def test_paste_with_metadata(client: TestClient) -> None:
    r = client.post("/upload", data={"text": ARTICLE_TXT, "outlet": "Lunholm Herald", "published": "4 March 2031",
                                     "title": "Ferry halted"})
    assert r.status_code == 200 and "1 new article" in r.text
    listing = client.get("/articles").text
    assert "Lunholm Herald" in listing and "2031-03-04" in listing and "Ferry halted" in listing


def test_upload_limits(tmp_path: Path) -> None:
    small = Limits(max_files=2, max_file_bytes=400, max_request_bytes=4000, max_paste_chars=500)
    c = TestClient(create_app(tmp_path / "c.db", limits=small), raise_server_exceptions=False, base_url="http://127.0.0.1")
    r = c.post("/upload", files=_files(("a.txt", ARTICLE_TXT), ("b.txt", ARTICLE_MD), ("c.txt", "x" * 50)))
    assert r.status_code in (400, 413) and "Traceback" not in r.text
    r = c.post("/upload", files=_files(("big.txt", ARTICLE_TXT + "x" * 500)))
    assert r.status_code == 400 and "over the limit of 400 bytes" in r.text
    r = c.post("/upload", files=_files(("huge.txt", "y" * 5000)))
    assert r.status_code == 413 and "limit is 4,000 bytes" in r.text
    r = c.post("/upload", data={"text": "z " * 400})
    assert r.status_code == 400 and "over the limit of 500" in r.text
    r = c.post("/upload", data={"text": "   "})
    assert r.status_code == 400 and "Nothing to add" in r.text


def test_read_uploads_directly() -> None:
    arts, rejected = read_uploads([UploadFile("../../etc/passwd", ARTICLE_TXT.encode())])
    assert len(arts) == 1 and arts[0].source == "upload/passwd" and not rejected
    with pytest.raises(UploadError):
        read_uploads([], "")
    assert safe_name("../../x/.hidden name.txt", 3) == "003_hidden_name.txt"
    assert "/" not in safe_name("a/b\\c", 1) and "\\" not in safe_name("a/b\\c", 1)


def test_stories_and_dossier_page(client: TestClient) -> None:
    assert "No stories yet" in client.get("/stories").text
    client.post("/upload", files=_files(("one.txt", ARTICLE_TXT), ("two.md", ARTICLE_MD)))
    listing = client.get("/stories")
    assert listing.status_code == 200 and 'href="/stories/all"' in listing.text
    page = client.get("/stories/all")
    assert page.status_code == 200
    assert page.text.count('<article class="art"') == 2 and "Orla Tennant" in page.text
    assert "script-src 'sha256-" in page.headers["content-security-policy"]
    assert 'href="/stories"' in page.text  # back link
    data = client.get("/stories/all/dossier.json").json()
    assert data["schema"] == "newsdossier/2" and len(data["articles"]) == 2


def test_pick_articles_for_a_dossier(client: TestClient) -> None:
    client.post("/upload", files=_files(("one.txt", ARTICLE_TXT), ("two.md", ARTICLE_MD), ("x.jsonl", jsonl_article())))
    ids = re.findall(r'name="id" value="([0-9a-f]+)"', client.get("/articles").text)
    assert len(ids) == 3
    r = client.get("/dossier", params=[("id", ids[0]), ("id", ids[2])])
    assert r.status_code == 200 and r.text.count('<article class="art"') == 2
    assert client.get("/dossier").status_code == 400
    assert client.get("/dossier", params={"id": "0" * 16}).status_code == 404


def test_story_finder_is_pluggable(tmp_path: Path) -> None:
    def two_stories(articles):
        return [Story("s1", "First story", tuple(a.id for a in articles[:1])),
                Story("s2", "Second story", tuple(a.id for a in articles[1:]) + ("missing",)),
                Story("s3", "Empty story", ("missing",))]

    c = TestClient(create_app(tmp_path / "c.db", stories=two_stories), raise_server_exceptions=False, base_url="http://127.0.0.1")
    c.post("/upload", files=_files(("one.txt", ARTICLE_TXT), ("two.md", ARTICLE_MD)))
    listing = c.get("/stories").text
    assert "First story" in listing and "Second story" in listing and "Empty story" not in listing
    assert c.get("/stories/s2").text.count('<article class="art"') == 1
    assert c.get("/stories/all").status_code == 404
    assert whole_corpus([]) == []


def test_errors_render_a_page_without_a_stack_trace(tmp_path: Path) -> None:
    def broken(articles):
        raise RuntimeError("secret internal detail")

    c = TestClient(create_app(tmp_path / "c.db", stories=broken), raise_server_exceptions=False, base_url="http://127.0.0.1")
    r = c.get("/stories")
    assert r.status_code == 500 and "text/html" in r.headers["content-type"]
    assert "Traceback" not in r.text and "secret internal detail" not in r.text and "went wrong" in r.text
    r = c.get("/no/such/page")
    assert r.status_code == 404 and "There is no page at this address" in r.text
    r = c.put("/stories")
    assert r.status_code == 405 and "<h1" in r.text


@pytest.mark.parametrize("path", [
    "/../../etc/passwd", "/static/../../etc/passwd", "/stories/..%2f..%2fetc%2fpasswd",
    "/articles/..%2F..%2Fetc%2Fpasswd", "/stories/all/..%2f..%2f..%2fetc%2fpasswd", "/%2e%2e/%2e%2e/etc/passwd",
    "/newsdossier/web/app.py", "/templates/base.html.j2", "/static/app.css", "/docs", "/openapi.json",
])
def test_no_route_serves_files(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 404
    assert "root:" not in r.text and "def create_app" not in r.text and "{% block" not in r.text


def test_hostile_uploads_are_shown_as_text(client: TestClient) -> None:
    r = client.post("/upload", files=_files(*hostile_files()))
    assert r.status_code == 200 and "2 new articles" in r.text
    pages = [r.text, client.get("/articles").text, client.get("/stories").text, client.get("/stories/all").text]
    ids = re.findall(r'/articles/([0-9a-f]{16})"', pages[1])
    pages += [client.get(f"/articles/{i}").text for i in ids]
    for html in pages:
        body = html.split("<body>", 1)[1].rsplit("<script>", 1)[0]
        for payload in PAYLOADS:
            assert payload not in body
        assert "<script>window" not in body and "<img" not in body and 'href="javascript:' not in html
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in pages[3]


def test_default_stories_are_the_corpus_stories_and_keep_their_ids(tmp_path: Path) -> None:
    from newsdossier import corpus
    from newsdossier.store import Store

    db = tmp_path / "c.db"
    c = TestClient(create_app(db), raise_server_exceptions=False, base_url="http://127.0.0.1")
    c.post("/upload", files=_files(("one.txt", ARTICLE_TXT), ("two.md", ARTICLE_MD), ("x.jsonl", jsonl_article())))
    listing = c.get("/stories").text
    links = re.findall(r'class="story" href="/stories/([^"]+)"', listing)
    with Store(db) as st:  # the same stories `newsdossier stories --db` shows
        saved = {s.id for s in corpus.stories(st)}
        assigned = {r["story"] for r in corpus.list_articles(st)}
    assert saved and saved <= set(links) and None not in assigned
    assert set(links) - saved <= {"all"}
    first = links[0]
    assert c.get(f"/stories/{first}").status_code == 200
    c.post("/upload", files=_files(("later.html", ARTICLE_HTML)))
    again = re.findall(r'class="story" href="/stories/([^"]+)"', c.get("/stories").text)
    assert first in again  # adding articles extends stories; an earlier address still works
    assert c.get(f"/stories/{first}").status_code == 200


def test_uploads_link_near_duplicates_like_add(tmp_path: Path) -> None:
    from newsdossier import corpus
    from newsdossier.store import Store

    db = tmp_path / "c.db"
    c = TestClient(create_app(db, stories=whole_corpus), raise_server_exceptions=False, base_url="http://127.0.0.1")
    copy = ARTICLE_TXT + "\n\nThe company apologised to the stranded passengers."
    assert c.post("/upload", files=_files(("one.txt", ARTICLE_TXT))).status_code == 200
    assert c.post("/upload", files=_files(("copy.txt", copy))).status_code == 200
    with Store(db) as st:
        rows = {r["source"].rsplit("/", 1)[-1]: r for r in corpus.list_articles(st)}
    assert len(rows) == 2
    assert rows["copy.txt"]["duplicate_of"] == rows["one.txt"]["id"]
