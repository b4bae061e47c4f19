"""Encodings in, text out; binary and garbage refused with a reason."""

from __future__ import annotations

import codecs

import pytest

from newsdossier.ingest.decode import DecodeError, decode

TEXT = "The “harbour” closed — café owners said it’s the third time.\nSecond line."


@pytest.mark.parametrize("encoding, prefix", [
    ("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE), ("utf-16-le", b""), ("utf-16-be", b""),
])
def test_unicode_encodings_round_trip(encoding, prefix):
    text, used = decode(prefix + TEXT.encode(encoding))
    assert text == TEXT
    assert used.replace("-sig", "") == encoding


def test_windows_1252_keeps_typographic_quotes():
    text, used = decode("“Quoted” – café".encode("cp1252"))
    assert used == "cp1252"
    assert text == "“Quoted” – café"


def test_latin1_when_bytes_are_undefined_in_cp1252():
    data = "Señor Núñez said the river rose again overnight, ".encode("latin-1") + b"\x81" + b" then fell."
    text, used = decode(data)
    assert used == "latin-1"
    assert text.startswith("Señor Núñez")


def test_line_endings_are_normalised():
    text, _ = decode(b"one\r\ntwo\rthree\n")
    assert text == "one\ntwo\nthree\n"


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    (bytes(range(1, 32)) * 50, "undecodable"),
])
def test_bad_bytes_are_refused_with_a_reason(data, reason):
    with pytest.raises(DecodeError, match=reason):
        decode(data)
