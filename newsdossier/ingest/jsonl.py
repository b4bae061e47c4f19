"""JSON Lines (one article or one Multi-News cluster per line), JSON arrays, Multi-News text."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import Any

from ..model import Rejected
from .records import RawDoc, Records

TEXT_KEYS = ("text", "body", "content", "article", "document", "maintext")
META_KEYS = {
    "title": ("title", "headline"),
    "outlet": ("outlet", "site", "sitename", "site_name", "publisher", "source_name", "domain"),
    "author": ("author", "authors", "byline"),
    "published": ("published", "date", "publish_date", "published_at", "pubdate", "datetime",
                  "date_publish"),
    "url": ("url", "link", "source_url"),
}
MULTINEWS_SEP = "|||||"
# json's C parser stops at the interpreter's recursion limit: that is the depth limit
_DEEP = f"more than about {sys.getrecursionlimit() - 50} levels of arrays or objects"


def _scalar(value: Any) -> str | None:
    """Return a metadata value as text: names of ``{"name": ...}`` objects, lists joined."""
    if isinstance(value, dict):
        value = value.get("name") or value.get("value")
    if isinstance(value, list):
        parts = [_scalar(v) for v in value[:50]]
        value = ", ".join(p for p in parts if p)
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    text = str(value).strip()
    return text[:2000] or None


def _meta(obj: dict[str, Any]) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    for field, keys in META_KEYS.items():
        for key in keys:
            value = _scalar(obj.get(key))
            if value:
                meta[field] = value
                break
    return meta


def records_from_object(obj: Any, source: str, nested: bool = False) -> Records:
    """Yield the documents of one JSON object: an article, or a cluster with ``documents``.

    A cluster's documents may be objects or strings; a cluster inside a cluster is rejected.
    """
    if not isinstance(obj, dict):
        yield Rejected(source, f"expected a JSON object, found {type(obj).__name__}")
        return
    oid = obj.get("id")
    input_id = None if oid is None else str(oid)
    docs = obj.get("documents")
    if isinstance(docs, list) and nested:
        yield Rejected(source, "a cluster of documents inside a cluster: only one level is read")
        return
    if isinstance(docs, list):
        meta = _meta(obj)
        for i, doc in enumerate(docs):
            sub = f"{source}/{i}"
            if isinstance(doc, dict):
                yield from records_from_object({**doc, "id": doc.get("id", f"{input_id}/{i}")}, sub, nested=True)
            elif isinstance(doc, str):
                yield RawDoc(sub, doc, meta={k: v for k, v in meta.items() if k != "title"},
                             input_id=f"{input_id}/{i}" if input_id is not None else None)
            else:
                yield Rejected(sub, f"document {i} is {type(doc).__name__}, not text")
        return
    for key in TEXT_KEYS:
        text = obj.get(key)
        if isinstance(text, str):
            yield RawDoc(source, text, meta=_meta(obj), input_id=input_id)
            return
    yield Rejected(source, "JSON object has no text field (expected one of: " + ", ".join(TEXT_KEYS) + ")")


def read_jsonl(source: str, text: str) -> Records:
    """Yield documents from JSON Lines; a bad line is rejected and the rest still read."""
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{source}#{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejected(where, f"line {lineno} is not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        except RecursionError:
            yield Rejected(where, f"line {lineno} is JSON nested too deeply ({_DEEP})")
            continue
        except ValueError as exc:  # e.g. an integer of more than 4,300 digits
            yield Rejected(where, f"line {lineno} is not readable JSON ({exc})")
            continue
        yield from records_from_object(obj, where)


def read_json(source: str, text: str) -> Records:
    """Yield documents from a JSON file holding one object or an array of objects."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield Rejected(source, f"not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})")
        return
    except RecursionError:
        yield Rejected(source, f"JSON nested too deeply ({_DEEP})")
        return
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        yield Rejected(source, f"not readable JSON ({exc})")
        return
    items: Iterable[Any] = data if isinstance(data, list) else [data]
    for i, obj in enumerate(items):
        yield from records_from_object(obj, f"{source}#{i + 1}" if isinstance(data, list) else source)


def read_multinews(source: str, text: str) -> Records:
    """Yield documents from Multi-News source text: one cluster a line, articles split by |||||."""
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        line = line.replace(" NEWLINE_CHAR ", "\n").replace("NEWLINE_CHAR", "\n")
        for i, part in enumerate(line.split(MULTINEWS_SEP)):
            if part.strip():
                yield RawDoc(f"{source}#{lineno}/{i}", part, input_id=f"{lineno}/{i}")
