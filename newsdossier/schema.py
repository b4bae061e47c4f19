"""The JSON Schema of ``dossier.json``, generated from the model so the two never drift.

``python -m newsdossier.schema > docs/dossier.schema.json`` writes the published copy; a test
checks that the copy is current and that real dossiers validate against it.
"""

from __future__ import annotations

import collections.abc
import dataclasses
import datetime
import enum
import json
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
    props: dict[str, Any] = {}
    required: list[str] = []
    for f in dataclasses.fields(cls):
        if f.name == flat:
            props.update(_SPAN_PROPS)
            if f.default is dataclasses.MISSING:
                required += list(_SPAN_PROPS)
            continue
        props[f.name] = _type(hints[f.name], defs)
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


if __name__ == "__main__":  # pragma: no cover
    print(json.dumps(json_schema(), indent=1))
