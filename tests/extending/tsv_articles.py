"""The worked example of docs/extending.md: a new input format in one module.

A tab-separated file whose first line is ``outlet<TAB>published<TAB>text`` holds one article a
row. Importing this module registers the format; ``newsdossier build`` then reads such files
wherever they are, with no other file touched.
"""

from __future__ import annotations

from collections.abc import Iterator

from newsdossier.ingest import register_format
from newsdossier.ingest.records import RawDoc, Record
from newsdossier.model import Rejected

HEADER = "outlet\tpublished\ttext"


@register_format("tsv-articles", sniff=lambda name, head: head.startswith(HEADER + "\n"))
def read_tsv(source: str, text: str) -> Iterator[Record]:
    """One article a row; a row without three fields is rejected with its line number."""
    for n, line in enumerate(text.split("\n")[1:], start=2):
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) != 3 or not fields[2].strip():
            yield Rejected(f"{source}#{n}", f"line {n} does not have an outlet, a date and a text")
            continue
        outlet, published, body = fields
        yield RawDoc(f"{source}#{n}", body, {"outlet": outlet or None, "published": published or None})
