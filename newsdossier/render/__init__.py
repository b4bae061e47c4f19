"""Dossier renderers: JSON (the contract), Markdown and a self-contained HTML page."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..errors import OptionError
from ..model import Dossier
from .html import to_html
from .json import to_json
from .markdown import to_markdown

FORMATS = {"json": ("dossier.json", to_json), "md": ("dossier.md", to_markdown),
           "html": ("dossier.html", to_html)}


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


def write(dossier: Dossier, outdir: str | Path, formats: Iterable[str] = ("json", "md", "html")) -> dict[str, Path]:
    """Write the dossier in each format into ``outdir``; return the paths by format.

    Raises:
        FormatError: for an unknown format name.
    """
    fmts = check_formats(formats)
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    for fmt in fmts:
        name, render = FORMATS[fmt]
        path = out / name
        path.write_text(render(dossier), encoding="utf-8")
        paths[fmt] = path
    return paths
