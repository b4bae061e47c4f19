"""WARC and WARC.gz archives through warcio: every HTML response becomes an article."""

from __future__ import annotations

import gzip
import io
import zlib

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..model import Rejected
from .decode import DecodeError, decode
from .html import read_html
from .records import Records


def read_warc(source: str, data: bytes) -> Records:
    """Yield documents from the HTML responses of a WARC file.

    A damaged archive yields what could be read before the damage, then a rejection.
    """
    count = 0
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            if record.rec_type != "response":
                continue
            ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
            if "html" not in ctype.lower():
                continue
            count += 1
            url = record.rec_headers.get_header("WARC-Target-URI")
            warc_date = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
            where = f"{source}#{count}"
            body = record.content_stream().read()
            try:
                html, _ = decode(body)
            except DecodeError as exc:
                yield Rejected(where, f"response for {url}: {exc}")
                continue
            yield read_html(where, html, url=url, fallback_date=warc_date)
    # warcio raises many kinds of errors on damaged input (AttributeError on a missing URI, etc.)
    except (ArchiveLoadFailed, OSError, EOFError, ValueError, AttributeError, KeyError, TypeError,
            IndexError, zlib.error) as exc:
        yield Rejected(source, f"broken WARC archive after {count} responses: {exc}")
        return
    if data[:2] == b"\x1f\x8b":
        try:
            gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as exc:
            yield Rejected(source, f"broken WARC archive: damaged or truncated gzip data after {count} responses ({exc})")
            return
    if count == 0:
        yield Rejected(source, "WARC archive holds no HTML responses")
