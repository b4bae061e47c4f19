"""The command line: arguments in, library called, clear messages and exit codes out."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from newsdossier.cli import app

runner = CliRunner()


def test_build_example_writes_three_files(example_dir, tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(app, [
        "build", str(example_dir / "articles"), "--manifest", str(example_dir / "manifest.csv"),
        "-o", str(out), "--db", str(tmp_path / "c.db"), "-q",
    ])
    assert result.exit_code == 0, result.output
    assert "dossier.json" in result.stdout
    assert "rejected" in result.stderr and "empty" in result.stderr
    data = json.loads((out / "dossier.json").read_text())
    assert data["schema"] == "newsdossier/1"
    assert (out / "dossier.md").read_text().startswith("# Dossier")
    assert "<html" in (out / "dossier.html").read_text()


def test_format_option_limits_outputs(example_dir, tmp_path):
    out = tmp_path / "o"
    result = runner.invoke(app, ["build", str(example_dir / "articles"), "-o", str(out), "--format", "json", "--no-cache", "-q"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["dossier.json"]


def test_no_readable_input_fails_with_reasons(tmp_path):
    (tmp_path / "e.txt").write_bytes(b"")
    result = runner.invoke(app, ["build", str(tmp_path), "-o", str(tmp_path / "o"), "--no-cache"])
    assert result.exit_code == 1
    assert "no article could be read" in result.stderr and "empty" in result.stderr
    assert not (tmp_path / "o").exists()


def test_bad_format_and_missing_manifest_are_clear_errors(example_dir, tmp_path):
    args = ["build", str(example_dir / "articles"), "-o", str(tmp_path / "o"), "--no-cache", "-q"]
    result = runner.invoke(app, args + ["--format", "pdf"])
    assert result.exit_code == 1 and "unknown format pdf" in result.stderr
    result = runner.invoke(app, args + ["--manifest", str(tmp_path / "none.csv")])
    assert result.exit_code == 1 and "cannot read manifest" in result.stderr


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.startswith("newsdossier ")
