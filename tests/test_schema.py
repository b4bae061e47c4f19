"""The published JSON Schema is current and real dossiers validate against it."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from newsdossier import Options, build_dossier
from newsdossier.schema import json_schema

DOC = Path(__file__).resolve().parents[1] / "docs" / "dossier.schema.json"


def test_published_schema_is_current():
    assert json.loads(DOC.read_text()) == json_schema(), "run: python -m newsdossier.schema > docs/dossier.schema.json"


def test_example_dossier_validates_and_a_wrong_type_does_not(example_dir, store):
    dossier = build_dossier([example_dir / "articles"], Options(manifest=example_dir / "manifest.csv"), store=store)
    data = json.loads(json.dumps(dossier.to_dict()))
    jsonschema.validate(data, json_schema())
    data["articles"][0]["id"] = 5
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, json_schema())
