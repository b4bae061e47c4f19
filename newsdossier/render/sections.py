"""Generic layout for sections an analysis adds of its own (``Dossier.extra``) and for problems.

An analysis registered with a field that is not a core dossier field gets a section in every
output without any renderer code: each item becomes a row, its plain fields the columns and
its spans the evidence. The heading is the ``title`` the analysis registered (else its name).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .. import registry
from ..model import Dossier, to_jsonable

_SPAN_KEYS = frozenset({"article", "start", "end", "text"})


@dataclass(frozen=True)
class Evidence:
    """A cited span of a generic row."""

    article: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class GenericSection:
    """A section laid out from plain model objects."""

    key: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[tuple[str, ...], tuple[Evidence, ...]], ...]


def _is_span(value: Any) -> bool:
    return isinstance(value, Mapping) and _SPAN_KEYS <= set(value)


def _spans(value: Any) -> list[Evidence]:
    if _is_span(value):
        return [Evidence(str(value["article"]), int(value["start"]), int(value["end"]), str(value["text"]))]
    if isinstance(value, list):
        return [e for v in value for e in _spans(v)]
    if isinstance(value, Mapping):
        return [e for v in value.values() for e in _spans(v)]
    return []


def _plain(value: Any) -> str | None:
    if value is None or isinstance(value, (str, int, float, bool)):
        return "" if value is None else str(value)
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
        return ", ".join(str(v) for v in value)
    return None


def extra_sections(dossier: Dossier) -> list[GenericSection]:
    """Lay out every section of ``dossier.extra`` that has items."""
    titles: dict[str, str] = {}
    for comp in registry.components().values():
        for name in comp.produces:
            titles[name] = comp.title or name.replace("_", " ").capitalize()
    out: list[GenericSection] = []
    for key, items in dossier.extra.items():
        if not items:
            continue
        dicts = [to_jsonable(item) for item in items]
        columns: list[str] = []
        for d in dicts:
            if isinstance(d, Mapping):
                for k, v in d.items():
                    if k not in columns and k not in _SPAN_KEYS and _plain(v) is not None:
                        columns.append(k)
        rows: list[tuple[tuple[str, ...], tuple[Evidence, ...]]] = []
        for d in dicts:
            if not isinstance(d, Mapping):
                rows.append(((str(d),), ()))
                continue
            cells = tuple(_plain(d.get(c)) or "" for c in columns)
            rows.append((cells, tuple(_spans(d))))
        out.append(GenericSection(key, titles.get(key, key), tuple(columns) or ("value",), tuple(rows)))
    return out


EMPTY_SUMMARY = ("No summary: none of the {n} sentences of these articles can stand alone as a summary "
                 "sentence (headlines, questions, lines addressed to the reader, captions and fragments are "
                 "left out). Read the articles themselves below.")


def empty_summary_note(dossier: Dossier) -> str | None:
    """Why the dossier has no summary, when the summary ran, did not fail and picked nothing
    from articles that have sentences (a reader should not think it was left out)."""
    ran = "summary" in dossier.timings and not any(p.stage == "summary" for p in dossier.problems)
    if dossier.summary or not ran or not dossier.sentences:
        return None
    return EMPTY_SUMMARY.format(n=len(dossier.sentences))

