"""RSS and Atom feeds through feedparser; full content when the feed carries it."""

from __future__ import annotations

import calendar
import datetime as dt

import feedparser

from ..model import Rejected
from .html import read_html
from .records import RawDoc, Records


def _date(entry: dict) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return dt.datetime.fromtimestamp(calendar.timegm(value), tz=dt.UTC).isoformat()
    return None


def read_feed(source: str, data: bytes) -> Records:
    """Yield one document per feed entry; a feed that cannot be parsed is rejected."""
    feed = feedparser.parse(data)
    if not feed.entries:
        reason = "feed has no entries"
        if feed.bozo:
            reason = f"broken feed: {feed.get('bozo_exception', 'not well-formed XML')}"
        yield Rejected(source, reason)
        return
    outlet = feed.feed.get("title")
    for i, entry in enumerate(feed.entries, start=1):
        where = f"{source}#{i}"
        body = ""
        contents = entry.get("content") or []
        if contents:
            body = max((c.get("value", "") for c in contents), key=len)
        if not body:
            body = entry.get("summary", "") or entry.get("description", "")
        if not body.strip():
            yield Rejected(where, f"feed entry {i} has no content or summary")
            continue
        published = _date(entry)
        meta = {k: v for k, v in {
            "title": entry.get("title"), "author": entry.get("author"), "url": entry.get("link"),
            "outlet": outlet, "published": published}.items() if v}
        if "<" in body and ">" in body:
            rec = read_html(where, f"<html><body><article>{body}</article></body></html>", url=None)
            if isinstance(rec, RawDoc):
                rec.meta = {**meta, **{k: v for k, v in rec.meta.items() if k == "author"}}
                rec.input_id = entry.get("id")
                rec.flags.append("feed")
            yield rec
        else:
            yield RawDoc(where, body, meta=meta, input_id=entry.get("id"), flags=["feed"])
