"""Bytes to text: declared charsets, detection, binary rejection and line-ending normalisation.

The order is: a byte-order mark; UTF-16 recognised by its zero bytes; the charset the
transport declared (the HTTP ``Content-Type`` of a WARC response); the page's own
``<meta charset>``; UTF-8 (also when only a few stray bytes are invalid: those become
U+FFFD and the text is flagged); Windows-1252 when the result reads as text; otherwise
detection by charset-normalizer; Latin-1 as the last resort. Text that still looks
mis-decoded (mojibake) is flagged, never silently passed on.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

import charset_normalizer

from ..errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_ALLOWED_CONTROLS = {0x09, 0x0A, 0x0C, 0x0D}


class DecodeError(InputError):
    """The bytes are not text in any encoding we can read."""


MOJIBAKE_FLAG = "mis-decoded text suspected (mojibake)"
# UTF-8 read as Windows-1252/Latin-1: "Ã©" for "é", "â€™" for "’"
_UTF8_AS_1252 = re.compile("[ÂÃ][\u0080-\u00bf]|â€[\u0080-\u00bf™œ\u009d˜“”’‘–—¦¢¡]|Ã[€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]")
# a Latin-1 symbol between two letters ("g³ówny", "ÖÐ¹ú"): a legacy code page misread
_SYMBOL_IN_WORD = re.compile(r"(?<=[^\W\d_])[\u0080-\u00bf\u02c6-\u02dd\u2020-\u203a](?=[^\W\d_])")
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", re.I)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]{1,40})", re.I)
# WHATWG: these labels mean Windows-1252 on the web
_WEB_ALIASES = {"latin-1": "cp1252", "iso8859-1": "cp1252", "ascii": "cp1252", "iso-8859-1": "cp1252"}
DETECT_BYTES = 256 * 1024  # what charset-normalizer reads of a long input


@dataclass
class Decoded:
    """Decoded text, the encoding used, and notes on repairs or doubts (article flags)."""

    text: str
    encoding: str
    flags: list[str] = field(default_factory=list)


def header_charset(content_type: str | None) -> str | None:
    """Return the charset named in a ``Content-Type`` header value, or ``None``."""
    m = _HEADER_CHARSET.search(content_type or "")
    return m.group(1) if m else None


def meta_charset(data: bytes) -> str | None:
    """Return the charset an HTML page declares in its first 4 KB (``<meta charset>``)."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii") if m else None


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None
    return _WEB_ALIASES.get(name, name)


def mojibake_score(text: str) -> int:
    """Return how many signs of mis-decoding the text shows (0 for clean text)."""
    sample = text[:200_000]
    return (len(_UTF8_AS_1252.findall(sample)) + len(_SYMBOL_IN_WORD.findall(sample))
            + sample.count("\ufffd"))


def _utf8_lenient(data: bytes) -> tuple[str, int] | None:
    """Decode mostly-UTF-8 bytes with a few stray bytes; ``None`` when it is not UTF-8."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    good = sum(1 for ch in text[:200_000] if ord(ch) > 127 and ch != "\ufffd")
    if bad > 0 and good >= 4 * bad:
        return text, bad
    return None


def _controls(text: str) -> int:
    return sum(
        1 for ch in text if (ord(ch) < 0x20 and ord(ch) not in _ALLOWED_CONTROLS) or 0x7F <= ord(ch) < 0xA0
    )


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes to text and name the encoding used (see :func:`decode_report`).

    Raises:
        DecodeError: for binary data or text that decodes only to control characters.
    """
    d = decode_report(data)
    return d.text, d.encoding


def decode_report(data: bytes, declared: str | None = None, *, html: bool = False,
                  detect: bool = True) -> Decoded:
    """Decode bytes to text; name the encoding; flag repairs and suspected mojibake.

    Args:
        data: the bytes.
        declared: a charset the transport declared (an HTTP ``Content-Type`` charset).
        html: the bytes are an HTML page: its ``<meta charset>`` is honoured.
        detect: run charset detection when nothing else fits (off for quick sniffing).

    Raises:
        DecodeError: for binary data or text that decodes only to control characters.
    """
    if not data:
        raise DecodeError("the file is empty")
    flags: list[str] = []
    text: str | None = None
    encoding = ""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                text, encoding = data[len(bom):].decode(name), name
            except UnicodeDecodeError as exc:
                raise DecodeError(f"starts with a {name} byte-order mark but is not valid {name}: {exc.reason}") from exc
            break
    if text is None:
        head = data[:4096]
        zeros_even = head[0::2].count(0)
        zeros_odd = head[1::2].count(0)
        half = max(1, len(head) // 2)
        if zeros_odd > 0.4 * half and zeros_even < 0.05 * half:
            encoding = "utf-16-le"
        elif zeros_even > 0.4 * half and zeros_odd < 0.05 * half:
            encoding = "utf-16-be"
        if encoding:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                text, encoding = None, ""
    if text is None and b"\x00" in data[:8192]:
        raise DecodeError("binary content (contains zero bytes), not text")
    if text is None:
        text, encoding = _declared(data, declared, meta_charset(data) if html else None, flags)
    if text is None:
        text, encoding = _undeclared(data, detect, flags)
    sample = text[:20000]
    if sample and _controls(sample) > max(2, 0.01 * len(sample)):
        raise DecodeError(
            f"undecodable: read as {encoding} it is mostly control characters (binary or an unknown encoding)"
        )
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    score = mojibake_score(text)
    if detect and score >= 3:
        flags.append(f"{MOJIBAKE_FLAG}: {score} suspicious character sequences (read as {encoding})")
    return Decoded(text, encoding, flags)


def _declared(data: bytes, declared: str | None, meta: str | None,
              flags: list[str]) -> tuple[str | None, str]:
    """Decode with the declared charsets, the transport's first; ``(None, "")`` when none fits."""
    for label, where in ((declared, "the HTTP header"), (meta, "the page's <meta charset>")):
        name = _codec(label)
        if label and name is None:
            flags.append(f"unknown charset {label!r} declared in {where}: ignored")
            continue
        if name is None:
            continue
        try:
            return data.decode(name), name
        except UnicodeDecodeError:
            pass
        if name == "utf-8":
            lenient = _utf8_lenient(data)
            if lenient is not None:
                flags.append(f"{lenient[1]} byte(s) not valid UTF-8 replaced by U+FFFD")
                return lenient[0], name
        flags.append(f"the charset {label!r} declared in {where} does not fit the bytes: ignored")
    return None, ""


def _undeclared(data: bytes, detect: bool, flags: list[str]) -> tuple[str, str]:
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    lenient = _utf8_lenient(data)
    if lenient is not None:
        flags.append(f"{lenient[1]} byte(s) not valid UTF-8 replaced by U+FFFD")
        return lenient[0], "utf-8"
    for name in ("cp1252", "latin-1"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if not detect or mojibake_score(text) < 3:
            return text, name
    if detect:
        best = charset_normalizer.from_bytes(data[:DETECT_BYTES]).best()
        found = _codec(best.encoding) if best is not None else None
        if found is not None:
            flags.append(f"charset detected as {found} (none was declared)")
            return data.decode(found, "replace"), found
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"
