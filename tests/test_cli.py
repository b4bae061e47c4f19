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
    assert data["schema"] == "newsdossier/2"
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
    assert result.exit_code == 2
    assert "no article could be read" in result.stderr and "empty" in result.stderr
    assert not (tmp_path / "o").exists()


def test_bad_format_and_missing_manifest_are_clear_errors(example_dir, tmp_path):
    args = ["build", str(example_dir / "articles"), "-o", str(tmp_path / "o"), "--no-cache", "-q"]
    result = runner.invoke(app, args + ["--format", "pdf"])
    assert result.exit_code == 2 and "unknown format pdf" in result.stderr
    result = runner.invoke(app, args + ["--manifest", str(tmp_path / "none.csv")])
    assert result.exit_code == 2 and "cannot read manifest" in result.stderr


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.startswith("newsdossier ")


def test_entity_rules_file_errors_are_clear(example_dir, tmp_path):
    args = ["build", str(example_dir / "articles"), "-o", str(tmp_path / "o"), "--no-cache", "-q", "--entity-rules"]
    (tmp_path / "bad.json").write_text("{not json")
    result = runner.invoke(app, args + [str(tmp_path / "bad.json")])
    assert result.exit_code == 2 and "not valid JSON" in result.stderr
    (tmp_path / "odd.json").write_text('{"must_link": [["only one"]]}')
    result = runner.invoke(app, args + [str(tmp_path / "odd.json")])
    assert result.exit_code == 2 and "pair" in result.stderr


def test_entity_rules_cannot_link_keeps_names_apart(example_dir, tmp_path):
    rules = tmp_path / "rules.json"
    rules.write_text('{"cannot_link": [["Petrov", "Aleksandr Petrov"]]}')
    out = tmp_path / "o"
    base = ["build", str(example_dir / "articles"), "--no-cache", "-q", "--format", "json"]
    assert runner.invoke(app, base + ["-o", str(tmp_path / "plain")]).exit_code == 0
    assert runner.invoke(app, base + ["-o", str(out), "--entity-rules", str(rules)]).exit_code == 0

    def holder(path, alias):
        ents = json.loads((path / "dossier.json").read_text())["entities"]
        return [e["id"] for e in ents if alias in e["aliases"]]

    merged = holder(tmp_path / "plain", "Petrov") == holder(tmp_path / "plain", "Aleksandr Petrov")
    apart = holder(out, "Petrov") != holder(out, "Aleksandr Petrov")
    assert merged and apart


def test_summarize_batch_writes_one_line_per_cluster_and_reports_bad_ones(tmp_path):
    docs = [
        "The harbour bridge in Dunmore closed on Monday after engineers found cracks in two pillars. "
        "The council said repairs would take three weeks. Ferries will run every hour meanwhile.",
        "Dunmore's harbour bridge was shut on Monday when cracks appeared in two of its pillars. "
        "Engineers expect three weeks of repairs, the council said.",
    ]
    src = tmp_path / "clusters.jsonl"
    src.write_text(json.dumps({"id": "c1", "documents": docs}) + "\n" + json.dumps({"id": "c2", "documents": []}) + "\n")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["summarize", "--jsonl", str(src), "-o", str(out), "--words", "30", "--no-cache", "-q"])
    assert result.exit_code == 1
    assert "c2" in result.stderr
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    assert [x["id"] for x in lines] == ["c1", "c2"]
    assert "bridge" in lines[0]["summary"] and len(lines[0]["summary"].split()) <= 30
    assert "error" in lines[1]


def _feed(root, texts):
    root.mkdir()
    for i, t in enumerate(texts):
        (root / f"a{i}.txt").write_text(t, encoding="utf-8")
    return root


def test_corpus_commands_add_stories_list_and_build_one_story(tmp_path):
    from tests.analysis.test_stories import ELECTION, FERRY

    db = str(tmp_path / "corpus.db")
    feed = _feed(tmp_path / "feed", FERRY + ELECTION)
    (feed / "bad.txt").write_bytes(b"")
    result = runner.invoke(app, ["add", str(feed), "--db", db, "-q"])
    assert result.exit_code == 0, result.output
    n = len(FERRY) + len(ELECTION)
    assert f"{n} articles added" in result.stdout
    assert "rejected" in result.stderr and "bad.txt" in result.stderr
    again = runner.invoke(app, ["add", str(feed / "a0.txt"), "--db", db, "-q"])
    assert "0 articles added, 1 already in the corpus" in again.stdout

    result = runner.invoke(app, ["stories", "--db", db, "--format", "jsonl", "-q"])
    assert result.exit_code == 0, result.output
    found = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(s["size"] for s in found) == sorted([len(FERRY), len(ELECTION)])

    listed = runner.invoke(app, ["list", "--db", db, "--format", "jsonl"])
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert len(rows) == n and {"id", "input_id", "source", "story"} <= rows[0].keys()
    by_file = {r["source"].rsplit("/", 1)[-1]: r["story"] for r in rows}
    assert len({by_file[f"a{i}.txt"] for i in range(len(FERRY))}) == 1
    assert by_file["a0.txt"] != by_file[f"a{len(FERRY)}.txt"]

    table = runner.invoke(app, ["list", "--db", db])
    assert table.exit_code == 0 and f"{n} articles" in table.stdout

    story = by_file["a0.txt"]
    out = tmp_path / "dossier"
    result = runner.invoke(app, ["build", "--story", story, "--db", db, "-o", str(out), "--format", "json", "-q"])
    assert result.exit_code == 0, result.output
    data = json.loads((out / "dossier.json").read_text())
    assert len(data["articles"]) == len(FERRY)
    assert all("ferry" in a["text"].lower() for a in data["articles"])


def test_corpus_command_errors_are_clear(tmp_path):
    db = str(tmp_path / "c.db")
    result = runner.invoke(app, ["build", "--story", "s-nope", "--db", db, "-o", str(tmp_path / "o")])
    assert result.exit_code == 2 and "no corpus store at" in result.stderr  # never creates an empty corpus
    assert not (tmp_path / "c.db").exists()
    result = runner.invoke(app, ["stories", "--db", db, "-q"])
    assert result.exit_code == 2 and "no corpus store at" in result.stderr and not (tmp_path / "c.db").exists()
    result = runner.invoke(app, ["build", str(tmp_path), "--story", "s1", "-o", str(tmp_path / "o")])
    assert result.exit_code == 2 and "not both" in result.stderr
    (tmp_path / "ok.txt").write_text("The ferry to Skarrel Island stopped on Monday after a storm hit the pier.")
    result = runner.invoke(app, ["add", str(tmp_path / "ok.txt"), "--db", db, "--near-threshold", "0", "-q"])
    assert result.exit_code == 2 and "must be in (0, 1]" in result.stderr
    listed = runner.invoke(app, ["list", "--db", db, "--format", "jsonl"])
    assert listed.stdout.strip() == ""  # nothing was stored before the bad option was caught
    result = runner.invoke(app, ["build", "--story", "s-nope", "--db", db, "-o", str(tmp_path / "o")])
    assert result.exit_code == 2 and "no story 's-nope'" in result.stderr
    result = runner.invoke(app, ["list", "--db", db, "--format", "xml"])
    assert result.exit_code == 2 and "table or jsonl" in result.stderr
    result = runner.invoke(app, ["list", "--db", db, "--story", "s-nope"])
    assert result.exit_code == 2 and "no story 's-nope'" in result.stderr
    result = runner.invoke(app, ["stories", "--db", db, "--entities", "magic", "-q"])
    assert result.exit_code == 2 and "entities must be 'proxy' or 'spacy'" in result.stderr
    (tmp_path / "e.txt").write_bytes(b"")
    result = runner.invoke(app, ["add", str(tmp_path / "e.txt"), "--db", db, "-q"])
    assert result.exit_code == 1 and "empty" in result.stderr  # nothing added: not a usage error


def test_spark_command_passes_through_to_the_jobs(tmp_path):
    result = runner.invoke(app, ["spark", "stories", str(tmp_path / "missing"), "-o", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "error:" in result.stderr
    assert "missing" in result.stderr or "pyspark" in result.stderr or "Java" in result.stderr
    result = runner.invoke(app, ["spark", "--help"])
    assert "newsdossier spark" in result.stdout and "ingest" in result.stdout


def test_list_table_fits_an_80_column_terminal(tmp_path):
    db = str(tmp_path / "c.db")
    for i, outlet in enumerate(("The Very Long Name Of A Regional Evening Newspaper", "Wire")):
        (tmp_path / f"{i}.md").write_text(
            f"---\noutlet: {outlet}\ntitle: A ferry stopped at Skarrel Island after the storm damaged the pier again\n---\n\n"
            "The ferry to Skarrel Island stopped on Monday after a storm damaged the pier, the harbour office said. "
            f"Islanders were told the ferry would not sail until engineers had checked the pier ({i}).")
    assert runner.invoke(app, ["add", str(tmp_path / "0.md"), str(tmp_path / "1.md"), "--db", db, "-q"]).exit_code == 0
    result = runner.invoke(app, ["list", "--db", db], terminal_width=80)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80 and len(lines) <= 8  # one line per article
    assert "Skarrel" in result.stdout


def test_markdown_never_passes_markup_through():
    from newsdossier.model import Article, Dossier
    from newsdossier.render.markdown import to_markdown

    art = Article.create("A plain article text about the harbour that is long enough.", "a.txt",
                         title="<img src=x onerror=alert(1)>", outlet="<b>Courier</b>")
    md = to_markdown(Dossier(articles=(art,)))
    assert "<img" not in md and "<b>" not in md and "&lt;img src=x" in md
