"""Manifests: a CSV or JSON file mapping input files or ids to metadata plain text lacks."""

from __future__ import annotations

import csv
import datetime as dt
import email.utils
import io
import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from dateutil import parser as dateparser

from ..errors import InputError
from .records import META_FIELDS

KEY_COLUMNS = ("file", "path", "source", "id", "input_id")

# a year written with three or four digits; not a zone offset ("+0000", " -1200")
_WRITTEN_YEAR = re.compile(r"(?<![\d+])(?<!\s-)\d{3,4}(?!\d)")


class ManifestError(InputError):
    """The manifest cannot be read or has no key column."""


def normalise_date(value: str) -> str:
    """Return an ISO 8601 date (``YYYY-MM-DD``) or datetime for a date string.

    A datetime whose UTC time falls outside years 1 to 9999 (``9999-12-31T23:00-05:00``)
    is refused like any non-date: later stages convert to UTC and would overflow.

    Raises:
        ValueError: if the string is not a date in the calendar's range.
    """
    iso = _normalise_date(value)
    if len(iso) > 10:
        try:
            moment = dt.datetime.fromisoformat(iso)
            if moment.tzinfo is not None:
                moment.astimezone(dt.UTC)
        except (ValueError, OverflowError) as exc:
            raise ValueError(f"not a date in the calendar's range: {value!r}") from exc
    return iso


def _normalise_date(value: str) -> str:
    value = value.strip()
    if len(value) > 100:
        raise ValueError(f"not a date: {value[:40]!r}…")
    try:
        if len(value) == 10:
            return dt.date.fromisoformat(value).isoformat()
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat()
    except (ValueError, OverflowError):
        pass
    try:
        return _as_written(value, email.utils.parsedate_to_datetime(value)).isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    try:
        parsed = dateparser.parse(value, default=dt.datetime(1, 1, 1))
    except (ValueError, OverflowError, TypeError) as exc:  # dateutil raises all three on odd input
        raise ValueError(f"not a date: {value!r}") from exc
    if parsed.year == 1:
        raise ValueError(f"not a date: {value!r}")
    parsed = _as_written(value, parsed)
    if parsed.hour == parsed.minute == parsed.second == 0 and parsed.tzinfo is None:
        return parsed.date().isoformat()
    return parsed.isoformat()


def _as_written(value: str, parsed: dt.datetime) -> dt.datetime:
    """Return ``parsed`` with the year ``value`` writes, when the parser read another.

    The parsers read a small year as two digits of this century: "Mon, 01 Jan 0000" became
    2000-01-01 and "Jan 5, 0099" 1999-01-05, dates the input never gave.

    Raises:
        ValueError: if the year written has no such date (year 0) or two years are written
            and the parsed one is neither.
    """
    written = {int(y) for y in _WRITTEN_YEAR.findall(value)}
    if not written or parsed.year in written:
        return parsed
    if len(written) > 1:
        raise ValueError(f"not a date: {value!r} (which of its years {sorted(written)} is meant?)")
    return parsed.replace(year=written.pop())  # ValueError for year 0 and for 29 February


class Manifest:
    """Metadata by key (a file path, a file name, or an input id)."""

    def __init__(self, rows: Mapping[str, Mapping[str, Any]], path: Path | None = None) -> None:
        self.rows = {str(k): dict(v) for k, v in rows.items()}
        self.path = path.resolve() if path is not None else None

    @classmethod
    def load(cls, path: str | Path) -> Manifest:
        """Read a CSV or JSON manifest.

        Raises:
            ManifestError: if the file is missing, malformed, or has no key column.
        """
        p = Path(path)
        try:
            raw = p.read_text(encoding="utf-8-sig")
        except OSError as exc:
            raise ManifestError(f"cannot read manifest {p}: {exc.strerror}") from exc
        rows: dict[str, dict[str, Any]] = {}
        if p.suffix.lower() == ".json" or raw.lstrip()[:1] in "[{":
            try:
                data = json.loads(raw)
            except json.JSONDecodeError as exc:
                raise ManifestError(f"manifest {p} is not valid JSON: {exc.msg} (line {exc.lineno})") from exc
            if isinstance(data, dict):
                items = [{"file": k, **v} for k, v in data.items() if isinstance(v, dict)]
            elif isinstance(data, list):
                items = [d for d in data if isinstance(d, dict)]
            else:
                raise ManifestError(f"manifest {p} must hold an object or a list of objects")
        else:
            items = list(csv.DictReader(io.StringIO(raw)))
        for item in items:
            item = {str(k).strip().lower(): v for k, v in item.items() if k}
            key = next((item[c] for c in KEY_COLUMNS if item.get(c)), None)
            if key is None:
                raise ManifestError(
                    f"manifest {p}: a row has none of the key columns {', '.join(KEY_COLUMNS)}"
                )
            meta = {f: item[f] for f in META_FIELDS if item.get(f) not in (None, "")}
            if "date" in item and "published" not in meta and item["date"]:
                meta["published"] = item["date"]
            rows[str(key).strip()] = meta
        return cls(rows, p)

    def lookup(self, source: str, input_id: str | None, roots: list[Path]) -> dict[str, Any]:
        """Return the metadata for a document, matching by input id, path or file name."""
        candidates: list[str] = []
        if input_id:
            candidates.append(input_id)
        container = source.split("#", 1)[0]
        path = Path(container)
        candidates += [source, container]
        for root in roots:
            try:
                candidates.append(str(path.resolve().relative_to(root.resolve())))
            except ValueError:
                continue
        candidates += [path.name, path.stem]
        for key in candidates:
            if key in self.rows:
                return self.rows[key]
        return {}
