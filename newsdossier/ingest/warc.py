"""WARC, WARC.gz, ARC and ARC.gz archives through warcio: every HTML 200 response is an article.

ARC records are read by warcio's ARC-to-WARC conversion. A compressed archive is first
expanded within the size limit (:mod:`.compressed`), so a gzip bomb is stopped early.
Responses whose HTTP status is not 200 (a 404 page, a redirect) are rejected with their
status; the charset named in the response's ``Content-Type`` header is used to decode it.
warcio never writes to stderr: its warnings about bad record lengths become flags.
"""

from __future__ import annotations

import io
import logging
import zlib
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..model import Rejected
from .compressed import ExpandError, gunzip, gunzip_prefix
from .decode import DecodeError, decode_report, header_charset
from .html import read_html
from .records import RawDoc, Records

logging.getLogger("warcio").setLevel(logging.CRITICAL)  # it logged raw record headers to stderr

MAX_RECORD_BYTES = 20 * 1024 * 1024   # one HTML response; larger ones are rejected unread


class _QuietIterator(ArchiveIterator):
    """warcio's iterator without its stderr warning (it printed raw record bytes)."""

    def _consume_blanklines(self) -> tuple[bytes | None, int]:
        empty_size = 0
        first_line = True
        while True:
            line = self.reader.readline()
            if len(line) == 0:
                return None, empty_size
            stripped = line.rstrip()
            if len(stripped) == 0 or first_line:
                empty_size += len(line)
                if len(stripped) != 0:
                    self.err_count += 1  # a record longer than its Content-Length said
                first_line = False
                continue
            return line, empty_size


def read_warc(source: str, data: bytes, max_bytes: int = 200 * 1024 * 1024) -> Records:
    """Yield documents from the HTML responses of a WARC or ARC file (maybe gzipped).

    A damaged archive yields what could be read before the damage, then a rejection.
    """
    damage = ""
    what = "WARC/ARC"
    if data[:2] == b"\x1f\x8b":
        try:
            data = gunzip(data, max_bytes)
        except ExpandError as exc:
            if "damaged" not in str(exc):
                yield Rejected(source, f"{what} archive not read: {exc}")
                return
            data, damage = gunzip_prefix(data, max_bytes), str(exc)
    what = "ARC" if data.lstrip()[:11] == b"filedesc://" else "WARC"
    count = 0
    responses = 0
    it = _QuietIterator(io.BytesIO(data), arc2warc=True)
    try:
        for record in it:
            if record.rec_type != "response":
                continue
            count += 1
            where = f"{source}#{count}"
            rec = _response(where, record)
            if rec is None:
                continue
            responses += 1
            yield rec
    # warcio raises many kinds of errors on damaged input (AttributeError on a missing URI, etc.)
    except (ArchiveLoadFailed, OSError, EOFError, ValueError, AttributeError, KeyError, TypeError,
            IndexError, zlib.error) as exc:
        yield Rejected(source, f"broken {what} archive after {count} responses: {_short(exc)}")
        return
    if damage:
        yield Rejected(source, f"broken {what} archive: {damage} after {count} responses")
        return
    if responses == 0:
        yield Rejected(source, f"{what} archive holds no HTML responses" + (f" ({count} other responses)" if count else ""))


def _response(where: str, record: Any) -> RawDoc | Rejected | None:
    """Turn one response record into a document, a rejection, or ``None`` (not HTML: skipped)."""
    url = record.rec_headers.get_header("WARC-Target-URI")
    http = record.http_headers
    ctype = (http.get_header("Content-Type") if http else "") or ""
    if "html" not in ctype.lower():
        return None
    status = http.get_statuscode() if http else None
    if status != "200":
        line = (http.statusline if http else "") or "no status line"
        return Rejected(where, f"response for {url} has HTTP status {line.strip()[:60]}, not 200 OK")
    warc_date = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
    body = record.content_stream().read(MAX_RECORD_BYTES + 1)
    if len(body) > MAX_RECORD_BYTES:
        return Rejected(where, f"response for {url} is over {MAX_RECORD_BYTES:,} bytes of HTML")
    try:
        decoded = decode_report(body, declared=header_charset(ctype), html=True)
    except DecodeError as exc:
        return Rejected(where, f"response for {url}: {exc}")
    out = read_html(where, decoded.text, url=url, fallback_date=warc_date)
    if isinstance(out, RawDoc):
        out.flags.extend(decoded.flags)
    return out


def _short(exc: BaseException) -> str:
    text = str(exc).replace("\n", " ").strip()
    return (text[:200] + "…") if len(text) > 200 else (text or type(exc).__name__)
