"""Input formats added by registration: a sniffing rule and a reader, nothing else to touch.

The built-in formats (text, Markdown, HTML, JSON Lines, JSON, Multi-News, RSS/Atom, WARC/ARC,
gzip) are sniffed and read by :mod:`newsdossier.ingest`. A new text format registers itself
with :func:`register_format`; registered formats are sniffed before the built-in rules (the
most specific rule wins), after the bytes are decoded, so a reader always receives text::

    @register_format("tsv-articles", sniff=lambda name, head: head.startswith("outlet\\ttext\\n"))
    def read_tsv(source: str, text: str) -> Iterator[Record]:
        ...

A reader yields :class:`~newsdossier.ingest.records.RawDoc` records (text plus metadata) or
:class:`~newsdossier.model.Rejected` records with a reason; it never returns ``None`` and
never raises for bad content (anything it raises becomes a rejection of that one file).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..errors import NewsdossierError
from .records import Record

Sniffer = Callable[[str, str], bool]   # (lower-cased file name, decoded first 64 KB) -> is it?
Reader = Callable[[str, str], Iterable[Record]]   # (source, decoded text) -> records


class FormatRegistryError(NewsdossierError, ValueError):
    """Two formats were registered under one name, or a name clashes with a built-in one."""


BUILTIN = frozenset({"warc", "gzip", "feed", "html", "jsonl", "json", "multinews", "markdown", "text"})


@dataclass(frozen=True)
class TextFormat:
    """A registered input format."""

    name: str
    sniff: Sniffer
    read: Reader


_FORMATS: dict[str, TextFormat] = {}


def register_format(name: str, *, sniff: Sniffer) -> Callable[[Reader], Reader]:
    """Register the decorated reader as the input format ``name``.

    Raises:
        FormatRegistryError: if ``name`` is a built-in format or another reader has it.
    """

    def register(read: Reader) -> Reader:
        if name in BUILTIN:
            raise FormatRegistryError(f"{name!r} is a built-in input format; choose another name")
        old = _FORMATS.get(name)
        if old is not None and old.read is not read:
            raise FormatRegistryError(f"two readers are registered for the input format {name!r}")
        _FORMATS[name] = TextFormat(name, sniff, read)
        return read

    return register


def unregister_format(name: str) -> None:
    """Remove a registered format (tests, plug-ins that replace one)."""
    _FORMATS.pop(name, None)


def sniff_registered(lower_name: str, head: str) -> str | None:
    """Return the name of the first registered format that claims the file, if any."""
    for fmt in _FORMATS.values():
        if fmt.sniff(lower_name, head):
            return fmt.name
    return None


def reader(name: str) -> Reader | None:
    """Return the reader of a registered format (``None`` for a built-in name)."""
    fmt = _FORMATS.get(name)
    return fmt.read if fmt is not None else None
