"""Batch mode: one summary per cluster line; bad lines reported, never stopping the others."""

from __future__ import annotations

import json

import pytest

from newsdossier.batch import BatchLinesError, cluster_articles, summarize_jsonl

DOC_A = (
    "The Corven Street bridge in Port Lindell collapsed on Tuesday morning, injuring twelve commuters.\n"
    "Mayor Odile Brack ordered an inspection of every bridge in the city built before 1970.\n"
    "Engineers found rusted cables under the main span of the bridge after the collapse.\n"
)
DOC_B = (
    "Twelve commuters were injured when the Corven Street bridge in Port Lindell collapsed on Tuesday.\n"
    "Opposition councillor Tomas Hale called for an independent inquiry into the regional transport office.\n"
)
DOC_C = (
    "The Vellmar orchestra cancelled its spring tour after its conductor, Ines Darrow, fell ill in Arnholt.\n"
    "Ticket holders for the twelve concerts will receive a full refund within thirty days, the orchestra said.\n"
)


def _write(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_every_line_gets_a_summary_in_order(tmp_path):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _write(src, [
        json.dumps({"id": "c1", "documents": [DOC_A, DOC_B]}),
        json.dumps({"id": "c2", "documents": DOC_C + " ||||| " + DOC_B}),
    ])
    seen = []
    n = summarize_jsonl(src, out, words=40, progress=lambda done, total: seen.append((done, total)))
    assert n == 2
    assert seen == [(1, 2), (2, 2)]
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in rows] == ["c1", "c2"]
    for r in rows:
        assert r["summary"]
        assert len(r["summary"].split()) <= 40
        assert r["summary"] == " ".join(s["text"] for s in r["sentences"])
        for s in r["sentences"]:
            assert s["cites"][0]["text"] == s["text"]
    assert "orchestra" in rows[1]["summary"] or "Vellmar" in rows[1]["summary"]


def test_query_is_the_focus(tmp_path):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _write(src, [json.dumps({"id": "q", "documents": [DOC_A, DOC_B], "query": "Tomas Hale"})])
    assert summarize_jsonl(src, out, words=60) == 1
    row = json.loads(out.read_text())
    assert row["summary"] and "Hale" in row["summary"]
    # the query steers, never starves: the rest of the budget goes to central sentences, marked so
    assert [s["basis"] for s in row["sentences"]] == ["query" if "Hale" in s["text"] else "central"
                                                     for s in row["sentences"]]
    assert row["focus"] == {"answering": 1, "central_fill": True}


def test_bad_lines_are_written_with_an_error_and_reported_at_the_end(tmp_path):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _write(src, [
        json.dumps({"id": "ok1", "documents": [DOC_A]}),
        "{not json",
        json.dumps({"id": "nodocs", "text": "no documents here"}),
        json.dumps({"id": "empty", "documents": ["", "tiny"]}),
        json.dumps({"id": "badq", "documents": [DOC_C], "query": 7}),
        json.dumps({"id": "ok2", "documents": [DOC_C]}),
    ])
    with pytest.raises(BatchLinesError) as info:
        summarize_jsonl(src, out, words=40)
    err = info.value
    assert err.written == 2
    assert [b.line for b in err.bad] == [2, 3, 4, 5]
    assert [b.id for b in err.bad] == ["line2", "nodocs", "empty", "badq"]
    assert "documents" in err.bad[1].reason
    assert "no readable article" in err.bad[2].reason
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in rows] == ["ok1", "line2", "nodocs", "empty", "badq", "ok2"]
    assert [("error" in r) for r in rows] == [False, True, True, True, True, False]
    assert rows[-1]["summary"]


def test_missing_input_file(tmp_path):
    with pytest.raises(FileNotFoundError):
        summarize_jsonl(tmp_path / "absent.jsonl", tmp_path / "out.jsonl")


def test_cluster_articles_reads_documents_and_objects():
    res = cluster_articles(
        {"id": "x", "documents": [DOC_A, {"text": DOC_C, "outlet": "Arnholt Times"}]}, "x")
    assert len(res.articles) == 2
    assert res.articles[1].outlet == "Arnholt Times"
    assert res.articles[0].input_id == "x/0"
