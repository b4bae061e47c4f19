"""docs/cli.md is generated from the commands and kept current."""

from __future__ import annotations

from pathlib import Path

from newsdossier.cli_reference import reference

DOC = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def test_cli_reference_is_current():
    assert DOC.read_text() == reference() + "\n", "run: python -m newsdossier.cli_reference > docs/cli.md"


def test_reference_lists_every_build_option():
    text = reference()
    for opt in ("--output", "--manifest", "--format", "--lang", "--max-bytes", "--db", "--entity-rules"):
        assert f"`{opt}`" in text
