"""The published JSON Schema and reference page are current and real dossiers validate."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from newsdossier import Options, build_dossier, model
from newsdossier.schema import field_docs, json_schema, markdown, undocumented

DOC = Path(__file__).resolve().parents[1] / "docs" / "dossier.schema.json"
PAGE = Path(__file__).resolve().parents[1] / "docs" / "dossier.md"


def test_published_schema_is_current():
    assert json.loads(DOC.read_text()) == json_schema(), "run: python -m newsdossier.schema > docs/dossier.schema.json"


def test_example_dossier_validates_and_a_wrong_type_does_not(example_dir, store):
    dossier = build_dossier([example_dir / "articles"], Options(manifest=example_dir / "manifest.csv"), store=store)
    data = json.loads(json.dumps(dossier.to_dict()))
    jsonschema.validate(data, json_schema())
    data["articles"][0]["id"] = 5
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, json_schema())


def test_reference_page_is_current():
    assert PAGE.read_text() == markdown(), "run: python -m newsdossier.schema --markdown > docs/dossier.md"


def test_every_field_of_the_dossier_is_documented_in_its_class():
    assert undocumented() == []
    # the page and the schema carry the class's own words
    doc = field_docs(model.Quote)["confidence"]
    assert doc.replace("``", "`") in markdown()
    assert json_schema()["$defs"]["Quote"]["properties"]["confidence"]["description"] == doc


def test_field_docs_reads_continuation_lines_and_stops_at_the_section_end():
    class Demo:
        """Demo.

        Attributes:
            a: first line
                and its continuation.
            b: second.

        Notes: not a field.
        """

    assert field_docs(Demo) == {"a": "first line and its continuation.", "b": "second."}
