"""Dossier renderers: JSON (the contract), Markdown and a self-contained HTML page."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

from ..errors import OptionError
from ..model import Dossier
from .html import iter_html, to_html
from .json import iter_json, iter_jsonl, to_json, to_jsonl
from .markdown import to_markdown

FORMATS: dict[str, tuple[str, Callable[..., str]]] = {
    "json": ("dossier.json", to_json), "jsonl": ("dossier.jsonl", to_jsonl), "md": ("dossier.md", to_markdown),
    "html": ("dossier.html", to_html),
}
# the formats that can leave the article texts out
_TEXT_OPTIONAL = frozenset({"json", "jsonl"})
# the formats written piece by piece (the same text, never held whole)
_STREAMED: dict[str, Callable[..., Iterable[str]]] = {
    "json": iter_json, "jsonl": lambda d, texts=True: (f"{line}\n" for line in iter_jsonl(d, texts=texts)),
    "html": iter_html,
}


class FormatError(OptionError):
    """An output format that does not exist was asked for."""


def check_formats(formats: Iterable[str]) -> list[str]:
    """Return the normalised format names.

    Raises:
        FormatError: for an unknown format name (or none at all).
    """
    fmts = [f.strip().lower() for f in formats if f.strip()]
    unknown = [f for f in fmts if f not in FORMATS]
    if unknown:
        raise FormatError(f"unknown format {', '.join(unknown)}; choose from {', '.join(FORMATS)}")
    if not fmts:
        raise FormatError(f"no output format given; choose from {', '.join(FORMATS)}")
    return fmts


def write(dossier: Dossier, outdir: str | Path, formats: Iterable[str] = ("json", "md", "html"), *,
          texts: bool = True) -> dict[str, Path]:
    """Write the dossier in each format into ``outdir``; return the paths by format.

    ``texts=False`` leaves the article texts out of JSON and JSON Lines (spans keep theirs).

    Raises:
        FormatError: for an unknown format name.
    """
    fmts = check_formats(formats)
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    for fmt in fmts:
        name, render = FORMATS[fmt]
        if fmt in _TEXT_OPTIONAL:
            render = partial(render, texts=texts)
        path = out / name
        if fmt in _STREAMED:
            stream = _STREAMED[fmt]
            with path.open("w", encoding="utf-8") as fh:
                fh.writelines(stream(dossier, texts=texts) if fmt in _TEXT_OPTIONAL else stream(dossier))
        else:
            path.write_text(render(dossier), encoding="utf-8")
        paths[fmt] = path
    return paths
