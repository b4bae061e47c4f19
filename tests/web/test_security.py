"""Security and load review of the web app: CSRF and DNS rebinding, bounded uploads, the page cache."""

from __future__ import annotations

import gzip
import threading
import tracemalloc
from pathlib import Path

from fastapi.testclient import TestClient

from newsdossier.model import Story
from newsdossier.web import create_app, whole_corpus
from newsdossier.web.stories import PageCache

from .conftest import ARTICLE_MD, ARTICLE_TXT

BASE = "http://127.0.0.1"


def _client(tmp_path: Path, **kw) -> TestClient:
    return TestClient(create_app(tmp_path / "c.db", stories=whole_corpus, **kw),
                      raise_server_exceptions=False, base_url=BASE)


def _upload(c: TestClient, headers: dict[str, str] | None = None, text: str = ARTICLE_TXT):
    files = [("files", ("one.txt", text.encode(), "text/plain"))]
    return c.post("/upload", files=files, headers=headers or {})


def test_cross_origin_uploads_are_refused_and_store_nothing(tmp_path: Path) -> None:
    c = _client(tmp_path)
    for headers in ({"Origin": "http://evil.example"}, {"Origin": "null"},
                    {"Sec-Fetch-Site": "cross-site"}, {"Referer": "http://evil.example/form.html"},
                    {"Origin": "http://127.0.0.1:9999"}):
        r = _upload(c, headers)
        assert r.status_code == 403 and "other sites" in r.text, headers
    assert c.get("/healthz").json()["articles"] == 0


def test_same_origin_and_non_browser_uploads_are_accepted(tmp_path: Path) -> None:
    c = _client(tmp_path)
    home = c.get("/")
    # under "no-referrer" a browser posts our own form with "Origin: null", which is refused
    assert home.headers["referrer-policy"] == "same-origin" and 'content="same-origin"' in home.text
    assert _upload(c, {"Origin": BASE, "Sec-Fetch-Site": "same-origin"}).status_code == 200
    assert _upload(c, {}, text=ARTICLE_MD).status_code == 200  # curl and scripts send no Origin
    assert c.get("/healthz").json()["articles"] == 2


def test_requests_for_other_host_names_are_refused_against_dns_rebinding(tmp_path: Path) -> None:
    c = _client(tmp_path)
    _upload(c)
    for host in ("evil.example", "evil.example:8000", "127.0.0.1.evil.example"):
        r = c.get("/articles", headers={"Host": host})
        assert r.status_code == 400 and "host name" in r.text
        assert "Ferry" not in r.text
    for host in ("127.0.0.1:8000", "localhost", "localhost:8000", "[::1]:8000"):
        assert c.get("/articles", headers={"Host": host}).status_code == 200
    lan = _client(tmp_path / "lan", allowed_hosts=("newsroom.lan",))
    assert lan.get("/", headers={"Host": "newsroom.lan:8000"}).status_code == 200
    assert lan.get("/", headers={"Host": "127.0.0.1"}).status_code == 400
    anyhost = _client(tmp_path / "any", allowed_hosts=None)
    assert anyhost.get("/", headers={"Host": "whatever.example"}).status_code == 200


def test_a_gzip_bomb_upload_is_rejected_in_bounded_memory(tmp_path: Path) -> None:
    c = _client(tmp_path)
    bomb = gzip.compress(bytes(64 * 1024 * 1024), mtime=0)  # ~64 KB
    bomb = bomb * 4  # 256 KB expanding to 256 MB
    assert 200_000 < len(bomb) < 300_000
    tracemalloc.start()
    r = c.post("/upload", files=[("files", ("bomb.txt.gz", bomb, "application/gzip"))])
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert r.status_code == 400 and "gzip" in r.text
    assert peak < 80 * 1024 * 1024  # was 506 MB


def test_story_pages_are_built_once_under_load_not_evicted(tmp_path: Path) -> None:
    texts = [f"Story {i}: the harbour board of town number {i} met on Monday to discuss the new pier, "
             f"officials said, and approved a budget of {i + 2} million." for i in range(40)]

    def one_each(articles):
        return [Story(f"s{i}", a.title or a.id, (a.id,)) for i, a in enumerate(sorted(articles, key=lambda a: a.id))]

    app = create_app(tmp_path / "c.db", stories=one_each)
    c = TestClient(app, raise_server_exceptions=False, base_url=BASE)
    c.post("/upload", data={"text": "\n"}, files=[("files", (f"{i}.txt", t.encode(), "text/plain"))
                                                  for i, t in enumerate(texts)])
    ids = [f"s{i}" for i in range(40)]
    errors: list[int] = []

    def hit() -> None:
        for sid in ids * 2:
            r = c.get(f"/stories/{sid}")
            if r.status_code != 200:
                errors.append(r.status_code)

    threads = [threading.Thread(target=hit) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert app.state.corpus.pages.builds == 40  # the old 32-page cache rebuilt evicted pages


def test_page_cache_replaces_old_versions_and_stays_within_its_byte_bound() -> None:
    cache = PageCache(max_bytes=1000)
    cache.get_or_build(("html", "s1", ("a",)), lambda: "x" * 400)
    cache.get_or_build(("html", "s1", ("a", "b")), lambda: "y" * 400)  # the story grew
    assert len(cache) == 1
    cache.get_or_build(("html", "s2", ("c",)), lambda: "z" * 400)
    cache.get_or_build(("html", "s3", ("d",)), lambda: "w" * 400)
    assert len(cache) == 2 and cache._bytes <= 1000
