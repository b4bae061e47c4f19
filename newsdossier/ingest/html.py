"""HTML pages through trafilatura (main text and metadata) and htmldate (publication date)."""

from __future__ import annotations

import logging

import trafilatura
from htmldate import find_date

from ..model import Rejected
from .records import RawDoc, Record

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


def publication_date(html: str, url: str | None = None) -> str | None:
    """Return the page's publication date (YYYY-MM-DD) from its markup, else from URL digits."""
    date = find_date(html, original_date=True, extensive_search=False)
    if date is None and url:
        date = find_date(html, url=url, original_date=True, extensive_search=False)
    if date is None:
        date = find_date(html, original_date=True)
    return date


def read_html(source: str, html: str, url: str | None = None, fallback_date: str | None = None) -> Record:
    """Extract the article body and metadata of one HTML page."""
    # trafilatura's own date is not used (publication_date decides): keep its search fast
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False,
                                      date_extraction_params={"extensive_search": False, "original_date": True})
    text = getattr(doc, "text", None) if doc is not None else None
    if doc is None or isinstance(doc, dict) or not text or not text.strip():
        return Rejected(source, "HTML page with no extractable article text")
    meta = {
        "title": doc.title,
        "author": doc.author,
        "outlet": doc.sitename or doc.hostname,
        "url": url or doc.url,
        "published": publication_date(html, url or doc.url) or fallback_date,
    }
    return RawDoc(source=source, text=text, meta={k: v for k, v in meta.items() if v}, flags=["html"])
