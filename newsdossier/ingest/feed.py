"""RSS and Atom feeds through feedparser; full content when the feed carries it.

Broken feeds are common: feedparser may raise on them (UnicodeEncodeError on a lone
surrogate entity, ValueError or AttributeError on malformed markup), return non-text
values, or give dates outside the calendar. Each of these becomes a rejection or a
missing field, never an exception.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

import feedparser

from ..model import Rejected
from .html import read_html
from .records import RawDoc, Records
from .sanitise import replace_surrogates

MAX_ENTRIES = 10_000


def _date(entry: Any) -> str | None:
    """Return the entry's date as ISO text, else the date as written, else ``None``.

    A date feedparser cannot place in the calendar ("Mon, 01 Jan 0000") is passed on as
    written, so that ingest reads it or flags it as not understood: it is never dropped unseen.
    """
    keys = ("published", "updated", "created")
    for key in keys:
        value = entry.get(f"{key}_parsed")
        if value:
            try:
                return dt.datetime.fromtimestamp(calendar.timegm(value), tz=dt.UTC).isoformat()
            except (OverflowError, ValueError, OSError, TypeError):
                continue  # a date outside the calendar: try the next, else the text below
    written = (_text(entry.get(key)).strip() for key in keys)
    return next((w for w in written if w), None)


def _text(value: Any) -> str:
    """Return a feed field as text without surrogates (feedparser may give other types)."""
    if isinstance(value, str):
        return replace_surrogates(value)[0]
    return ""


def read_feed(source: str, data: bytes) -> Records:
    """Yield one document per feed entry; a feed that cannot be parsed is rejected."""
    try:
        feed = feedparser.parse(data)
    except (ValueError, AttributeError, TypeError, UnicodeError, LookupError, IndexError, KeyError,
            RecursionError) as exc:  # feedparser raises these on broken markup and entities
        yield Rejected(source, f"broken feed: {type(exc).__name__} while parsing ({_text(str(exc))[:120]})")
        return
    entries = feed.get("entries") or []
    if not entries:
        reason = "feed has no entries"
        if feed.get("bozo"):
            reason = f"broken feed: {_text(str(feed.get('bozo_exception', 'not well-formed XML')))[:200]}"
        yield Rejected(source, reason)
        return
    head = feed.get("feed") or {}
    outlet = _text(head.get("title"))
    for i, entry in enumerate(entries[:MAX_ENTRIES], start=1):
        where = f"{source}#{i}"
        body = ""
        contents = entry.get("content") or []
        if isinstance(contents, list) and contents:
            body = max((_text(c.get("value")) for c in contents if hasattr(c, "get")), key=len, default="")
        if not body:
            body = _text(entry.get("summary")) or _text(entry.get("description"))
        if not body.strip():
            yield Rejected(where, f"feed entry {i} has no content or summary")
            continue
        published = _date(entry)
        meta = {k: v for k, v in {
            "title": _text(entry.get("title")), "author": _text(entry.get("author")),
            "url": _text(entry.get("link")), "outlet": outlet, "published": published}.items() if v}
        input_id = _text(entry.get("id")) or None
        if "<" in body and ">" in body:
            rec = read_html(where, f"<html><body><article>{body}</article></body></html>", url=None)
            if isinstance(rec, RawDoc):
                rec.meta = {**meta, **{k: v for k, v in rec.meta.items() if k == "author"}}
                rec.input_id = input_id
                rec.flags.append("feed")
            yield rec
        else:
            yield RawDoc(where, body, meta=meta, input_id=input_id, flags=["feed"])
    if len(entries) > MAX_ENTRIES:
        yield Rejected(source, f"the feed has {len(entries):,} entries; only the first {MAX_ENTRIES:,} were read")
