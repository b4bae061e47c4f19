"""Fixtures for the web app: fictional article files and a server on 127.0.0.1 for the browser tests."""

from __future__ import annotations

import json
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from .sample import PAYLOADS

CHROMIUM = Path("/usr/bin/chromium")

ARTICLE_TXT = (
    "Ferry service between Lunholm and Carrick Point was suspended on Monday after a storm damaged the pier.\n\n"
    "\"We will not sail until the pier is safe,\" said Orla Tennant, the ferry company's operations chief.\n\n"
    "About 300 passengers were stranded overnight in the Lunholm terminal."
)
ARTICLE_MD = (
    "# Storm shuts Lunholm ferry\n\n"
    "The Lunholm ferry stopped running on Monday when a storm battered the pier at Carrick Point.\n\n"
    "\"We will not sail until the pier is safe,\" operations chief Orla Tennant told the Tidewater Gazette.\n\n"
    "Some 250 travellers spent the night in the terminal."
)
ARTICLE_HTML = (
    "<!doctype html><html><head><title>Pier repairs begin</title></head><body><article>"
    "<h1>Pier repairs begin at Carrick Point</h1>"
    "<p>Engineers began repairing the storm-damaged pier at Carrick Point on Tuesday, the harbour board said.</p>"
    "<p>The board expects the Lunholm ferry to resume its crossings by Friday if the weather holds.</p>"
    "<p>Passengers stranded on Monday were offered hotel rooms by the ferry company.</p>"
    "</article></body></html>"
)


def jsonl_article() -> str:
    return json.dumps({
        "text": "Councillors in Lunholm asked for a review of the ferry timetable after the storm closure. "
                "They said islanders need a second crossing when the pier is shut.",
        "title": "Council wants ferry review", "outlet": "Island Voice", "published": "2031-03-04",
        "url": "https://island-voice.example/ferry",
    }) + "\n"


def hostile_files() -> list[tuple[str, bytes]]:
    """Files whose text and metadata carry script payloads (each sets window.__xss if it runs)."""
    text = ("A hostile article about the Lunholm ferry, written to test the page.\n\n" + "\n\n".join(PAYLOADS)
            + "\n\nThe ferry resumed service on Friday, said Orla Tennant.")
    meta = json.dumps({"text": "Another hostile record about the Lunholm ferry and the storm at the pier. "
                               + " ".join(PAYLOADS),
                       "title": PAYLOADS[1], "outlet": PAYLOADS[0], "author": PAYLOADS[4],
                       "url": "javascript:window.__xss=9", "published": "2031-03-05"}) + "\n"
    return [("hostile<script>.txt", text.encode()), ("meta.jsonl", meta.encode())]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """A uvicorn server running the app in a thread on 127.0.0.1."""

    def __init__(self, db: Path) -> None:
        import uvicorn

        from newsdossier.web import create_app, whole_corpus

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(create_app(db, stories=whole_corpus), host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_server(tmp_path_factory) -> Iterator[LiveServer]:
    with LiveServer(tmp_path_factory.mktemp("web") / "corpus.db") as server:
        yield server


LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (a fresh temporary profile per launch)."""
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed at /usr/bin/chromium (run scripts/install-browser.sh)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
    if shutil.which("chromium") is None and not CHROMIUM.exists():  # pragma: no cover
        pytest.skip("Chromium is not on PATH")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(30_000)
    yield pg
    context.close()
