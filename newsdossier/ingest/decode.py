"""Bytes to text: encoding detection, binary rejection and line-ending normalisation."""

from __future__ import annotations

import codecs

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


def _controls(text: str) -> int:
    return sum(
        1 for ch in text if (ord(ch) < 0x20 and ord(ch) not in _ALLOWED_CONTROLS) or 0x7F <= ord(ch) < 0xA0
    )


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes to text and name the encoding used.

    Tries a byte-order mark, then UTF-16 without BOM (recognised by its zero bytes), UTF-8,
    Windows-1252 and Latin-1. Line endings become ``\\n``; a leading BOM is dropped.

    Raises:
        DecodeError: for binary data or text that decodes only to control characters.
    """
    if not data:
        raise DecodeError("the file is empty")
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
    if text is None:
        if b"\x00" in data[:8192]:
            raise DecodeError("binary content (contains zero bytes), not text")
        for name in ("utf-8", "cp1252", "latin-1"):
            try:
                text, encoding = data.decode(name), name
                break
            except UnicodeDecodeError:
                continue
    assert text is not None  # latin-1 decodes any byte string
    sample = text[:20000]
    if sample and _controls(sample) > max(2, 0.01 * len(sample)):
        raise DecodeError(
            f"undecodable: read as {encoding} it is mostly control characters (binary or an unknown encoding)"
        )
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return text, encoding
