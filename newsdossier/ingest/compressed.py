"""Bounded gzip decompression: a small compressed input can never expand without limit.

A gzip bomb (a megabyte that expands to gigabytes) is stopped as soon as its output passes
the size limit, or grows more than :data:`MAX_RATIO` times its compressed size once past
:data:`RATIO_FLOOR` bytes (real text and HTML compress 3 to 20 times, never 50).
"""

from __future__ import annotations

import zlib

MAX_RATIO = 50                       # expanded / compressed bytes, past RATIO_FLOOR
RATIO_FLOOR = 8 * 1024 * 1024        # below this any ratio is fine
_CHUNK = 1024 * 1024


class ExpandError(ValueError):
    """Compressed data that is damaged, or expands past a limit (a compression bomb)."""


def expanded_limit(compressed_size: int, max_bytes: int) -> int:
    """Return how many bytes ``compressed_size`` bytes of gzip data may expand to."""
    return min(max_bytes, max(RATIO_FLOOR, MAX_RATIO * compressed_size))


def gunzip(data: bytes, max_bytes: int) -> bytes:
    """Decompress gzip data (one member or several), stopping at the expansion limit.

    Args:
        data: the gzip bytes.
        max_bytes: the size limit of one input; the result is never larger (see
            :func:`expanded_limit`).

    Raises:
        ExpandError: if the data is damaged or truncated, or would expand past the limit.
    """
    return _gunzip(data, max_bytes, partial=False)


def gunzip_prefix(data: bytes, max_bytes: int) -> bytes:
    """Return what damaged gzip data expands to before its damage (within the same limit)."""
    try:
        return _gunzip(data, max_bytes, partial=True)
    except ExpandError:
        return b""


def _gunzip(data: bytes, max_bytes: int, partial: bool) -> bytes:
    limit = expanded_limit(len(data), max_bytes)
    out = bytearray()
    view = memoryview(data)
    pos = 0
    try:
        while pos < len(data):
            if data[pos:pos + 2] != b"\x1f\x8b":
                if data[pos:].strip(b"\x00") and not partial:
                    raise ExpandError("damaged gzip data (bytes after the last member are not gzip)")
                break
            d = zlib.decompressobj(16 + zlib.MAX_WBITS)
            while not d.eof:
                chunk: bytes | memoryview = d.unconsumed_tail
                if not chunk:
                    chunk = view[pos:pos + _CHUNK]
                    if not chunk:
                        if partial:
                            return bytes(out + d.flush())
                        raise ExpandError("damaged or truncated gzip data (it ends before its stream does)")
                    pos += len(chunk)
                # at most a chunk at a time, and never past limit + 1 bytes in all
                out += d.decompress(chunk, min(_CHUNK, limit + 1 - len(out)))
                if len(out) > limit:
                    raise ExpandError(_too_big(len(data), limit, max_bytes))
            pos -= len(d.unused_data)
    except zlib.error as exc:
        if partial:
            return bytes(out)
        raise ExpandError(f"damaged gzip data ({exc})") from exc
    return bytes(out)


def _too_big(size: int, limit: int, max_bytes: int) -> str:
    if limit >= max_bytes:
        return (f"the gzip data ({size:,} bytes) expands past the limit of {max_bytes:,} bytes "
                "(--max-bytes); unpack it and split it, or raise the limit")
    return (f"the gzip data ({size:,} bytes) expands more than {MAX_RATIO} times, past {limit:,} bytes: "
            "a compression bomb, not an article archive")
