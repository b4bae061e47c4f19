"""Datelines: where the wire's ``CITY (Agency) --`` opening of a text ends."""

from __future__ import annotations

import pytest

from newsdossier.analysis.layout import dateline_end


@pytest.mark.parametrize("text,dateline", [
    ("ORVALE (Wire) — The council voted.", "ORVALE (Wire) — "),
    ("ORVALE, Varnia -- Fighting went on.", "ORVALE, Varnia -- "),
    ("ORVALE, August 18 (Wire) -- Ministers failed to agree.", "ORVALE, August 18 (Wire) -- "),
    ("NEW ORVALE, Aug. 3, 1998 (Wire) - Stocks fell.", "NEW ORVALE, Aug. 3, 1998 (Wire) - "),
])
def test_a_wire_dateline_ends_at_its_dash(text: str, dateline: str) -> None:
    assert text[:dateline_end(text)] == dateline


@pytest.mark.parametrize("text", [
    "Then 12 (of them) -- left.",
    "The council voted - narrowly - to reopen the bridge.",
    "ORVALE, August 18 (Wire) --",  # nothing after it
])
def test_no_dateline(text: str) -> None:
    assert dateline_end(text) == 0
