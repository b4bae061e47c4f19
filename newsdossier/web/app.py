"""The web app: upload or paste articles, see the stories, read a story's dossier.

Server-rendered pages (Jinja2, autoescape on), no JavaScript of its own and no static-file
routes: the stylesheet is inlined and allowed by its hash in the Content-Security-Policy.
Every error becomes a short HTML page with a status code, never a stack trace.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from markupsafe import Markup
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile as StarletteUpload
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Receive, Scope, Send

from ..corpus import AddReport, BadDateError, NothingNewError, add_articles, dossier_since, parse_since
from ..errors import NewsdossierError
from ..model import Article, Dossier, Story
from ..pipeline import Options, dossier_from_articles
from ..render.html import csp_hash, page_csp, safe_url, to_html
from ..store import Store
from .stories import PageCache, StoryFinder, corpus_stories, selection_id
from .uploads import Limits, UploadError, UploadFile, display_name, read_uploads

log = logging.getLogger("newsdossier.web")

_PASTE_FIELDS = ("title", "outlet", "author", "published", "url")


def _load(name: str) -> str:
    folder = "static" if name.endswith(".css") else "templates"
    return resources.files("newsdossier.web").joinpath(folder, name).read_text("utf-8")


_ENV = jinja2.Environment(loader=jinja2.FunctionLoader(_load), autoescape=True,
                          trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
_ENV.filters["safe_url"] = safe_url
_CSS = _load("app.css")
_CSP = (f"default-src 'none'; style-src {csp_hash(_CSS)}; script-src 'none'; img-src data:; "
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
# "same-origin": no referrer ever goes to other sites, and our own form posts carry their
# Origin (under "no-referrer" browsers send "Origin: null", which the CSRF check must refuse)
_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin",
            "X-Frame-Options": "DENY", "Cache-Control": "no-store"}


def _page(name: str, status: int = 200, **context: Any) -> HTMLResponse:
    html = _ENV.get_template(name).render(css=Markup(_CSS), **context)
    return HTMLResponse(html, status_code=status, headers={**_HEADERS, "Content-Security-Policy": _CSP})


_REASONS = {400: "Bad request", 403: "Forbidden", 404: "Not found", 405: "Method not allowed", 411: "Length required",
            413: "Too large", 422: "Bad request", 500: "Server error"}


def _error(status: int, message: str) -> HTMLResponse:
    return _page("error.html.j2", status=status, status_code=status,
                 reason=_REASONS.get(status, "Error"), message=message)


class _Corpus:
    """Access to the store (one connection per call: SQLite connections stay in their thread)."""

    def __init__(self, db_path: str | Path, finder: StoryFinder | None) -> None:
        self.db_path = str(db_path)
        if self.db_path != ":memory:":
            Store(self.db_path).close()  # create the file and tables now; fail early
        self.finder = finder
        self.pages = PageCache()  # bounded in bytes: every story page of the corpus fits
        self._stories: tuple[int, list[Story], dict[str, Article]] | None = None
        self._stories_lock = threading.Lock()  # assigning stories writes to the store: one at a time

    def store(self) -> Store:
        return Store(self.db_path)

    def articles(self) -> list[Article]:
        with self.store() as st:
            return list(st.articles())

    def count(self) -> int:
        with self.store() as st:
            return st.count()

    def stories(self) -> tuple[list[Story], dict[str, Article]]:
        with self._stories_lock:
            cached = self._stories
            if cached is not None and cached[0] == self.count():  # the corpus only grows
                return cached[1], cached[2]
            articles = self.articles()
            by_id = {a.id: a for a in articles}
            if self.finder is None:
                with self.store() as st:
                    given = corpus_stories(st)
            else:
                given = list(self.finder(articles))
            found = [Story(s.id, s.label, tuple(a for a in s.articles if a in by_id)) for s in given]
            found = [s for s in found if s.articles]
            self._stories = (len(articles), found, by_id)
            return found, by_id

    def add(self, articles: Sequence[Article]) -> AddReport:
        """Store uploaded articles as ``newsdossier add`` does (near-duplicates linked too)."""
        with self.store() as st:
            return add_articles(st, articles)

    def dossier(self, articles: Sequence[Article]) -> Dossier:
        with self.store() as st:
            return dossier_from_articles(list(articles), (), Options(), store=st)

    def dossier_since(self, articles: Sequence[Article], since: str) -> Dossier:
        """What is new since a date: ``newsdossier build --story ID --since DATE``."""
        with self.store() as st:
            return dossier_since(list(articles), since, Options(), store=st)


LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
_UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def _host_name(host: str) -> str:
    """Return the name part of a ``Host`` header or URL authority (``[::1]:8000`` -> ``::1``)."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _refusal(method: str, headers: Mapping[str, str], allowed: frozenset[str] | None) -> tuple[int, str] | None:
    """Return ``(status, message)`` when a request must be refused: wrong Host, or cross-origin write.

    The ``Host`` check stops DNS rebinding (a hostile page whose name now points at
    127.0.0.1 reading the corpus); the ``Origin``/``Sec-Fetch-Site``/``Referer`` check stops
    cross-site request forgery (another site's form posting uploads here). Clients that send
    no ``Origin`` and no ``Referer`` (curl, scripts) are not browsers acting for a page, and pass.

    Args:
        method: the HTTP method.
        headers: the request headers, names in lower case.
        allowed: host names the server answers for; ``None`` for any.
    """
    host = headers.get("host", "")
    if allowed is not None and _host_name(host) not in allowed:
        return 400, ("This server does not answer for the host name in the request. Open it at "
                     "http://127.0.0.1 or localhost, or start it with the names it may be reached by.")
    if method not in _UNSAFE_METHODS:
        return None
    site = headers.get("sec-fetch-site", "").lower()
    if site in ("cross-site", "same-site"):
        return 403, "Uploads from other sites are refused: use the form on this server's own page."
    if site in ("same-origin", "none"):
        return None  # a browser says so itself: pages cannot set Sec-Fetch-* headers
    origin = headers.get("origin")
    source = origin if origin is not None else headers.get("referer")
    if source is None:
        return None
    netloc = urlsplit(source).netloc.lower() if source != "null" else "null"
    if netloc != host.strip().lower():
        return 403, "Uploads from other sites are refused: use the form on this server's own page."
    return None


class _SameOrigin:
    """Pure ASGI middleware running :func:`_refusal` before the app (cheaper than BaseHTTPMiddleware)."""

    def __init__(self, app: ASGIApp, hosts: frozenset[str] | None) -> None:
        self.app = app
        self.hosts = hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            wanted = (b"host", b"origin", b"referer", b"sec-fetch-site")
            headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"] if k in wanted}
            refused = _refusal(scope["method"], headers, self.hosts)
            if refused is not None:
                await _error(*refused)(scope, receive, send)
                return
        await self.app(scope, receive, send)


def create_app(db_path: str | Path, *, stories: StoryFinder | None = None,
               limits: Limits = Limits(), allowed_hosts: Sequence[str] | None = LOOPBACK_HOSTS) -> FastAPI:
    """Return the web app over the corpus store at ``db_path``.

    Args:
        db_path: the SQLite corpus store (created if missing). ``":memory:"`` is not useful
            here: every request opens its own connection.
        stories: a story finder ``(articles) -> Sequence[Story]``; default: the corpus's
            own incremental stories (:func:`newsdossier.web.stories.corpus_stories`), the
            same as ``newsdossier stories`` on this store.
        limits: upload limits.
        allowed_hosts: the host names the server answers for (``Host`` header, any port);
            ``None`` answers any (only sensible behind a proxy that checks it). Requests
            for other names get 400 (DNS rebinding), and writes from other origins 403.

    Raises:
        StoreError: if the store cannot be opened.
    """
    corpus = _Corpus(db_path, stories)
    hosts = None if allowed_hosts is None else frozenset(_host_name(h) for h in allowed_hosts)
    app = FastAPI(title="newsdossier", docs_url=None, redoc_url=None, openapi_url=None)
    app.add_middleware(_SameOrigin, hosts=hosts)
    app.state.corpus = corpus
    app.state.limits = limits

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) and exc.status_code != 404 else (
            "There is no page at this address." if exc.status_code == 404 else "The request could not be handled.")
        return _error(exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        fields = ", ".join(sorted({str(e.get("loc", ["?"])[-1]) for e in exc.errors()}))
        return _error(400, f"Some parameters are missing or invalid: {fields}.")

    @app.exception_handler(NewsdossierError)
    async def library_error(request: Request, exc: NewsdossierError) -> Response:
        status = exc.http_status if 400 <= exc.http_status < 500 else 400
        return _error(status, str(exc))

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Response:
        log.exception("error while serving %s", request.url.path)
        return _error(500, "Something went wrong while building this page. The error was logged on the server.")

    @app.get("/", response_class=HTMLResponse)
    def home() -> Response:
        return _page("home.html.j2", count=corpus.count(), limits=limits, fields=_PASTE_FIELDS)

    @app.get("/upload", response_class=HTMLResponse)
    def upload_form() -> Response:
        return RedirectResponse("/#add", status_code=303)

    @app.post("/upload", response_class=HTMLResponse)
    async def upload(request: Request) -> Response:
        length = request.headers.get("content-length")
        if length is None or not length.isdigit():
            return _error(411, "The upload must say how large it is (Content-Length).")
        if int(length) > limits.max_request_bytes:
            return _error(413, f"The upload is {int(length):,} bytes; the limit is {limits.max_request_bytes:,} bytes per upload.")
        async with request.form(max_files=limits.max_files, max_fields=len(_PASTE_FIELDS) + 4,
                                max_part_size=limits.max_paste_chars * 4) as form:
            files: list[UploadFile] = []
            for item in form.getlist("files"):
                if isinstance(item, StarletteUpload) and (item.filename or item.size):
                    data = await item.read(limits.max_file_bytes + 1)
                    files.append(UploadFile(item.filename or "", data[: limits.max_file_bytes + 1],
                                            truncated=len(data) > limits.max_file_bytes))
            text = form.get("text")
            paste = text if isinstance(text, str) else ""
            meta = {k: v for k in _PASTE_FIELDS if isinstance(v := form.get(k), str)}
        try:
            articles, rejected = await run_in_threadpool(read_uploads, files, paste, meta, limits)
        except UploadError as exc:
            return _error(exc.status, str(exc))
        report = await run_in_threadpool(corpus.add, articles)  # off the event loop: it reads every sketch
        fresh = set(report.added)
        added = [a for a in articles if a.id in fresh]
        known = [a for a in articles if a.id not in fresh]
        status = 200 if articles else 400
        return _page("uploaded.html.j2", status=status, added=added, known=known, rejected=rejected,
                     files=[display_name(f.name) for f in files])

    @app.get("/articles", response_class=HTMLResponse)
    def article_list() -> Response:
        return _page("articles.html.j2", articles=corpus.articles(), limits=limits)

    @app.get("/articles/{article_id}", response_class=HTMLResponse)
    def article_page(article_id: str) -> Response:
        with corpus.store() as st:
            try:
                art = st.get_article(article_id)
            except KeyError:
                return _error(404, "There is no article with this id in the corpus.")
        return _page("article.html.j2", a=art, url=safe_url(art.url))

    @app.get("/stories", response_class=HTMLResponse)
    def story_list() -> Response:
        found, by_id = corpus.stories()
        rows = []
        for s in found:
            arts = [by_id[a] for a in s.articles]
            dates = sorted(a.published[:10] for a in arts if a.published)
            rows.append({"s": s, "outlets": sorted({a.label for a in arts}),
                         "dates": f"{dates[0]} – {dates[-1]}" if dates and dates[0] != dates[-1]
                         else (dates[0] if dates else "unknown")})
        return _page("stories.html.j2", rows=rows)

    def _story(story_id: str) -> tuple[Story, list[Article]]:
        found, by_id = corpus.stories()
        for s in found:
            if s.id == story_id:
                return s, [by_id[a] for a in s.articles]
        raise HTTPException(404)

    def _dossier_page(key: str, label: str, articles: list[Article]) -> Response:
        cache_key = ("html", key, tuple(a.id for a in articles))
        html = corpus.pages.get_or_build(
            cache_key, lambda: to_html(corpus.dossier(articles), title=f"Dossier — {label}", home_url="/stories"))
        headers = {**_HEADERS, "Content-Security-Policy": page_csp() + "; frame-ancestors 'none'"}
        return HTMLResponse(str(html), headers=headers)

    @app.get("/stories/{story_id}", response_class=HTMLResponse)
    def story_page(story_id: str, since: str | None = Query(default=None, max_length=32)) -> Response:
        story, articles = _story(story_id)
        if not since:
            return _dossier_page(story.id, story.label, articles)
        try:
            day = parse_since(since).isoformat()
            html = corpus.pages.get_or_build(
                ("since", story.id, day, tuple(a.id for a in articles)),
                lambda: to_html(corpus.dossier_since(articles, day),
                                title=f"Dossier — {story.label} — new since {day}", home_url="/stories"))
        except (BadDateError, NothingNewError) as exc:
            return _error(400 if isinstance(exc, BadDateError) else 404, str(exc))
        return HTMLResponse(str(html), headers={**_HEADERS, "Content-Security-Policy": page_csp() + "; frame-ancestors 'none'"})

    @app.get("/stories/{story_id}/dossier.json")
    def story_json(story_id: str) -> Response:
        story, articles = _story(story_id)
        data = corpus.pages.get_or_build(("json", story.id, tuple(a.id for a in articles)),
                                         lambda: json.dumps(corpus.dossier(articles).to_dict(), ensure_ascii=False))
        return Response(str(data), media_type="application/json",
                        headers={**_HEADERS, "Content-Disposition": 'attachment; filename="dossier.json"'})

    @app.get("/dossier", response_class=HTMLResponse)
    def picked(id: list[str] = Query(default=[])) -> Response:
        ids = list(dict.fromkeys(id))
        if not ids:
            return _error(400, "Pick at least one article (tick the boxes on the articles page).")
        if len(ids) > limits.max_selection:
            return _error(413, f"Pick at most {limits.max_selection} articles for one dossier.")
        with corpus.store() as st:
            try:
                articles = [st.get_article(i) for i in ids]
            except KeyError:
                return _error(404, "One of the picked articles is not in the corpus.")
        return _dossier_page(selection_id(ids), f"{len(articles)} picked articles", articles)

    @app.get("/healthz")
    def health() -> Response:
        return JSONResponse({"ok": True, "articles": corpus.count()}, headers=_HEADERS)

    return app


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8000, *,
          allowed_hosts: Sequence[str] | None = None) -> None:
    """Run the web app with uvicorn until interrupted.

    Args:
        db_path: the corpus store.
        host: the address to listen on.
        port: the port.
        allowed_hosts: host names the server answers for; by default the loopback names
            plus ``host`` itself, or any name when listening on all interfaces.

    Raises:
        StoreError: if the store cannot be opened.
    """
    import uvicorn

    if allowed_hosts is None and host not in ("0.0.0.0", "::", ""):
        allowed_hosts = (*LOOPBACK_HOSTS, host)
    uvicorn.run(create_app(db_path, allowed_hosts=allowed_hosts), host=host, port=port, log_level="info",
                server_header=False, proxy_headers=False)
