"""Every command, driven with bad arguments: a one-line error, exit code 2, never a traceback,
and no work done before the arguments are checked."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsdossier.cli import app

runner = CliRunner()

STORY_A = ("The ferry to Skarrel Island stopped on Monday after a storm damaged the pier, the harbour "
           "office said. Islanders were told the ferry would not sail until engineers had checked the pier.")
STORY_B = ("Voters in Dunmore elected a new mayor on Sunday. Ilsa Brandvik won 54 percent of the vote "
           "and promised to reopen the closed library in the town centre within a year.")


def _bad(args: list[str], *needles: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2, (args, result.output, result.exception)
    assert "Traceback" not in result.output and not isinstance(result.exception, Exception) or \
        isinstance(result.exception, SystemExit), result.exception
    text = result.stderr
    assert text.startswith("error:") and text.count("\n") <= 2, text
    for needle in needles:
        assert needle in text, (needle, text)


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(STORY_A)
    return d


def test_build_checks_every_option_before_any_work(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    base = ["build", str(folder), "--no-cache", "-q"]
    _bad([*base, "-o", str(out), "--words", "0"], "--words")
    _bad([*base, "-o", str(out), "--max-bytes", "-1"], "--max-bytes")
    (tmp_path / "file.txt").write_text("x")
    _bad([*base, "-o", str(tmp_path / "file.txt")], "is a file")
    _bad([*base, "-o", str(out), "--format", "pdf"], "unknown format pdf")
    _bad([*base, "-o", str(out), "--format", ","], "no output format")
    _bad([*base, "-o", str(out), "--manifest", str(tmp_path / "none.csv")], "cannot read manifest")
    _bad(["build", "-o", str(out)], "either INPUTS")
    _bad(["build", str(folder), "--story", "s1", "-o", str(out)], "not both")
    _bad(["build", "--story", "s1", "--db", str(tmp_path / "missing.db"), "-o", str(out)], "no corpus store at")
    assert not out.exists() and not (tmp_path / "missing.db").exists()


def test_markup_in_a_file_name_is_printed_as_written(tmp_path: Path) -> None:
    d = tmp_path / "in[" / "]x"  # the path reads "in[/]x": Rich's closing tag
    d.mkdir(parents=True)
    (d / "[bold]e.txt").write_bytes(b"")
    (d / "ok.txt").write_text(STORY_A)
    result = runner.invoke(app, ["build", str(d), "-o", str(tmp_path / "o"), "--no-cache", "-q", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "in[/]x/[bold]e.txt" in result.stderr.replace("\n", "")


def test_summarize_and_corpus_commands_refuse_bad_arguments(tmp_path: Path) -> None:
    src = tmp_path / "c.jsonl"
    src.write_text(json.dumps({"id": "c", "documents": [STORY_A]}) + "\n")
    _bad(["summarize", "--jsonl", str(src), "-o", str(tmp_path / "o.jsonl"), "--words", "-5"], "--words")
    _bad(["summarize", "--jsonl", str(tmp_path / "none.jsonl"), "-o", str(tmp_path / "o.jsonl")], "no such clusters file")
    _bad(["summarize", "--jsonl", str(src), "-o", str(tmp_path)], "is a folder")
    db = str(tmp_path / "none.db")
    _bad(["stories", "--db", db], "no corpus store at")
    _bad(["list", "--db", db], "no corpus store at")
    _bad(["list", "--db", db, "--format", "xml"], "table or jsonl")
    _bad(["add", str(tmp_path / "c.jsonl"), "--db", db, "--max-bytes", "0"], "--max-bytes")
    assert not Path(db).exists()


def test_per_story_writes_one_dossier_per_story_and_plain_build_warns(tmp_path: Path) -> None:
    d = tmp_path / "mixed"
    d.mkdir()
    for i, text in enumerate([STORY_A, STORY_A.replace("Monday", "Tuesday"), STORY_B, STORY_B.replace("Sunday", "Saturday")]):
        (d / f"{i}.txt").write_text(text)
    out = tmp_path / "o"
    result = runner.invoke(app, ["build", str(d), "-o", str(out), "--no-cache", "-q", "--format", "json"])
    assert result.exit_code == 0 and "the inputs span 2 stories" in result.stderr, result.output
    labels = [s["label"] for s in json.loads((out / "dossier.json").read_text())["stories"]]
    shown = re.search(r"stories \((.*)\); --per-story", " ".join(result.stderr.split())).group(1)  # type: ignore[union-attr]
    for part in re.findall(r"(.+?) \(\d+\)(?:; |$)", shown):
        whole = part.removesuffix(" …")
        # a long label is cut at a word boundary, never inside a word
        assert any(lb == whole or (part.endswith(" …") and lb.startswith(whole + " ")) for lb in labels), (part, labels)
    per = tmp_path / "per"
    result = runner.invoke(app, ["build", str(d), "-o", str(per), "--no-cache", "-q", "--format", "json,jsonl",
                                 "--per-story", "--no-texts"])
    assert result.exit_code == 0, result.output
    folders = sorted(p for p in per.iterdir() if p.is_dir())
    assert len(folders) == 2
    texts = []
    for f in folders:
        data = json.loads((f / "dossier.json").read_text())
        assert data["texts"] is False and all(a["text"] is None for a in data["articles"])
        assert len(data["articles"]) == 2 and len(data["stories"]) == 1
        texts.append(" ".join(s["text"] for s in data["sentences"]))
        lines = (f / "dossier.jsonl").read_text().splitlines()
        head = json.loads(lines[0])
        assert head["counts"]["articles"] == 2 and len(lines) == 1 + sum(head["counts"].values())
    assert sum("ferry" in t for t in texts) == 1 and sum("mayor" in t for t in texts) == 1


def test_build_does_not_warn_about_a_stray_article(tmp_path: Path) -> None:
    d = tmp_path / "one"
    d.mkdir()
    for i, day in enumerate(["Monday", "Tuesday", "Wednesday"]):
        (d / f"{i}.txt").write_text(STORY_A.replace("Monday", day))
    (d / "stray.txt").write_text(STORY_B)
    out = tmp_path / "o"
    result = runner.invoke(app, ["build", str(d), "-o", str(out), "--no-cache", "-q", "--format", "json"])
    assert result.exit_code == 0 and "span" not in result.stderr, result.output
    stories = json.loads((out / "dossier.json").read_text())["stories"]
    assert len(stories) == 2 and all(s["confidence"] == 0.0 for s in stories)


def test_set_changes_one_analysis_and_bad_settings_are_refused(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    base = ["build", str(folder), "--no-cache", "-q", "-o", str(out), "--format", "json"]
    _bad([*base, "--set", "summary.words"], "component.setting=value")
    _bad([*base, "--set", "nosuch.x=1"], "no analysis is called 'nosuch'")
    _bad([*base, "--set", "reuse.nosuch=1"], "has no setting nosuch")
    _bad([*base, "--set", "reuse.ngram=five"], "reuse.ngram must be a int")
    _bad([*base, "--set", "reuse.ngram=0"], "ngram must be between")
    _bad([*base, "--set", "summary.words=-3"], "words must not be negative")
    assert not out.exists()
    result = runner.invoke(app, [*base, "--set", "summary.words=8"])
    assert result.exit_code == 0, result.output
    summary = json.loads((out / "dossier.json").read_text())["summary"]
    assert sum(len(s["text"].split()) for s in summary) <= 8
    listed = runner.invoke(app, ["settings"])
    assert listed.exit_code == 0 and "  summary.words = 120" in listed.stdout


def test_foreign_and_damaged_stores_are_one_line_errors_and_left_unchanged(tmp_path: Path) -> None:
    # issue 16: an unrelated SQLite file given as --db silently got the corpus tables; damaged or
    # foreign files printed tracebacks
    import sqlite3

    photos = tmp_path / "photos.db"
    with sqlite3.connect(photos) as conn:
        conn.execute("CREATE TABLE albums (id INTEGER PRIMARY KEY, name TEXT)")
    notes = tmp_path / "notes.db"
    notes.write_text("not a database\n" * 200)
    src = tmp_path / "a.txt"
    src.write_text(STORY_A)
    for db in (photos, notes):
        before = db.read_bytes()
        for args in (["add", str(src)], ["stories", "-q"], ["list"], ["build", "--story", "s1", "-o", str(tmp_path / "o")]):
            _bad([*args, "--db", str(db)], str(db.name))
        assert db.read_bytes() == before
    good = tmp_path / "c.db"
    assert runner.invoke(app, ["add", str(src), "--db", str(good), "-q"]).exit_code == 0
    data = bytearray(good.read_bytes())
    data[100:4096] = b"\xee" * (4096 - 100)  # the schema page scribbled over
    good.write_bytes(bytes(data))
    for args in (["list"], ["stories", "-q"], ["add", str(src)]):
        _bad([*args, "--db", str(good)], "c.db")
