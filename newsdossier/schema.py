"""The JSON Schema of ``dossier.json`` and its reference page, generated from the model.

Every field is documented once, in the ``Attributes:`` section of its dataclass in
:mod:`newsdossier.model`; the schema's descriptions and ``docs/dossier.md`` are made from those.
``python -m newsdossier.schema > docs/dossier.schema.json`` and
``python -m newsdossier.schema --markdown > docs/dossier.md`` write the published copies; tests
check that both are current, that every field is documented and that real dossiers validate.
"""

from __future__ import annotations

import collections.abc
import dataclasses
import datetime
import enum
import inspect
import json
import re
import sys
import types
import typing
from collections.abc import Mapping
from typing import Any

from . import model

_SPAN_PROPS = {
    "article": {"type": "string"},
    "start": {"type": "integer", "minimum": 0},
    "end": {"type": "integer", "minimum": 0},
    "text": {"type": "string"},
}


def _type(hint: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return {"anyOf": [_type(inner[0], defs), {"type": "null"}]}
    if origin is tuple:
        return {"type": "array", "items": _type(args[0], defs)}
    if origin in (collections.abc.Mapping, dict) or hint is Mapping:
        value = args[1] if len(args) == 2 else float
        return {"type": "object", "additionalProperties": _type(value, defs)}
    if hint is Any:
        return {"type": "object"}
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        _define(hint, defs)
        return {"$ref": f"#/$defs/{hint.__name__}"}
    if hint is datetime.datetime:
        return {"type": "string", "format": "date-time"}
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return {"type": "string", "enum": [str(m.value) for m in hint]}
    simple = {str: "string", int: "integer", float: "number", bool: "boolean"}
    if hint in simple:
        return {"type": simple[hint]}
    raise TypeError(f"no JSON Schema type for {hint!r}")


def field_docs(cls: type) -> dict[str, str]:
    """Return each field's description from the ``Attributes:`` section of ``cls``'s docstring."""
    doc = inspect.cleandoc(cls.__doc__ or "")
    _, found, section = doc.partition("\nAttributes:\n")
    if not found:
        return {}
    docs: dict[str, str] = {}
    name = ""
    for line in section.splitlines():
        head = re.match(r"^    (\w+): (.*)$", line)
        if head:
            name = head.group(1)
            docs[name] = head.group(2).strip()
        elif line.startswith("        ") and name:
            docs[name] += " " + line.strip()
        elif line.strip():
            break
    return docs


def _define(cls: type, defs: dict[str, Any]) -> None:
    name = cls.__name__
    if name in defs:
        return
    defs[name] = {}  # placeholder against recursion
    if cls is model.Span:
        defs[name] = {"type": "object", "properties": dict(_SPAN_PROPS), "required": list(_SPAN_PROPS)}
        return
    hints = typing.get_type_hints(cls)
    flat = getattr(cls, "_flatten", None)
    docs = field_docs(cls)
    props: dict[str, Any] = {}
    required: list[str] = []
    for f in dataclasses.fields(cls):
        if f.name == flat:
            props.update(_SPAN_PROPS)
            if f.default is dataclasses.MISSING:
                required += list(_SPAN_PROPS)
            continue
        props[f.name] = _type(hints[f.name], defs)
        if f.name in docs:
            props[f.name] = {**props[f.name], "description": docs[f.name]}
        required.append(f.name)  # every field is always written (None as null)
    doc = (cls.__doc__ or "").strip().split("\n")[0]
    defs[name] = {"type": "object", "description": doc, "properties": props, "required": required}


def json_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of a dossier."""
    defs: dict[str, Any] = {}
    _define(model.Dossier, defs)
    root = defs.pop("Dossier")
    root["properties"]["schema"] = {"const": model.SCHEMA}
    # written with --no-texts: "texts": false at the top and every article's text null
    root["properties"]["texts"] = {"type": "boolean"}
    defs["Article"]["properties"]["text"] = {"anyOf": [{"type": "string"}, {"type": "null"}]}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://newsdossier.invalid/schema/" + model.SCHEMA.replace("/", "-") + ".json",
        "title": "newsdossier dossier.json",
        **root,
        "$defs": defs,
    }


_INTRO = """\
# dossier.json — schema `{schema}`

`dossier.json` is the contract between the analyses and everything that reads them (the
Markdown and HTML renderers, the web app, the quality benchmarks, your scripts). This page and
the JSON Schema beside it (`dossier.schema.json`) are generated from `newsdossier/model/`
(`python -m newsdossier.schema --markdown`, `python -m newsdossier.schema`), and tests keep
them in step with the model.

## Spans

A span is `{{"article": ID, "start": INT, "end": INT, "text": STR}}` and
`articles[ID].text[start:end] == text` holds for every span anywhere in the file. Offsets
count Unicode code points (Python string indices). Objects that *are* a span plus more
(a mention, a quote, a speaker, a reprint) carry the four span keys at their own top level
(marked *span keys* below).

Every field is always written (`null` when unknown), so readers can rely on the keys.
New fields may be added within `{schema}`; renaming or removing one, or changing what a value
means, bumps the version. With `--no-texts` the top level also has `"texts": false` and every
article's `text` is null.
"""

_CHANGES = """\
## Changes from `newsdossier/1`

`claims[].question` is the bare question ("stronger or weaker"; the target is in `target` /
`target_name`), `facts[].conflict` is always false (comparing is the points' job: see
`disagreements[].status`), closed vocabularies (`entities[].kind`, `quotes[].kind`,
`reuse[].kind`, `reuse[].direction`) are listed in the JSON Schema, `articles[].published_at`
is the publication date read once, and new sections `sources`, `agreement`, `problems` and
`extra` (sections of analyses added by registration).
"""


def _words(hint: Any, nested: list[type]) -> str:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return _words([a for a in args if a is not type(None)][0], nested) + " or null"
    if origin is tuple:
        return "list of " + _words(args[0], nested)
    if origin in (collections.abc.Mapping, dict) or hint is Mapping or hint is Any:
        return "object"
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        if hint is not model.Span and hint not in nested:
            nested.append(hint)
        return "span" if hint is model.Span else f"[{hint.__name__}](#{hint.__name__.lower()})"
    if hint is datetime.datetime:
        return "ISO 8601 date-time"
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return "one of " + ", ".join(f"`{m.value}`" for m in hint)
    return {str: "string", int: "integer", float: "number", bool: "boolean"}[hint]


def _table(cls: type, nested: list[type]) -> list[str]:
    hints = typing.get_type_hints(cls)
    docs = field_docs(cls)
    flat = getattr(cls, "_flatten", None)
    rows = ["| field | type | what |", "|---|---|---|"]
    for f in dataclasses.fields(cls):
        kind = "span keys" if f.name == flat else _words(hints[f.name], nested)
        rows.append(f"| `{f.name}` | {kind} | {docs.get(f.name, '')} |")
    return rows


def markdown() -> str:
    """Return ``docs/dossier.md``: the reference of every section and field of the dossier."""
    out = [_INTRO.format(schema=model.SCHEMA), "## Sections", ""]
    nested: list[type] = []
    hints = typing.get_type_hints(model.Dossier)
    docs = field_docs(model.Dossier)
    out += ["| key | type | what |", "|---|---|---|"]
    for f in dataclasses.fields(model.Dossier):
        out.append(f"| `{f.name}` | {_words(hints[f.name], nested)} | {docs.get(f.name, '')} |")
    done: set[type] = set()
    while nested:
        cls = nested.pop(0)
        if cls in done:
            continue
        done.add(cls)
        summary = (cls.__doc__ or "").strip().split("\n")[0]
        out += ["", f"### {cls.__name__}", "", summary, "", *_table(cls, nested)]
    out += ["", _CHANGES.rstrip()]
    return "\n".join(out).replace("``", "`").replace(":class:", "") + "\n"


def undocumented() -> list[str]:
    """Return ``Class.field`` for every field of the dossier's classes that has no description."""
    missing: list[str] = []
    seen: list[type] = [model.Dossier]
    for cls in seen:
        docs = field_docs(cls)
        hints = typing.get_type_hints(cls)
        for f in dataclasses.fields(cls):
            if f.name not in docs:
                missing.append(f"{cls.__name__}.{f.name}")
            _words(hints[f.name], seen)
    return missing


if __name__ == "__main__":  # pragma: no cover
    if sys.argv[1:] == ["--markdown"]:
        sys.stdout.write(markdown())
    else:
        print(json.dumps(json_schema(), indent=1))
