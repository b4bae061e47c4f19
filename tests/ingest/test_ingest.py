"""Folders of mixed inputs: the good ones are read, every bad one is reported with its reason."""

from __future__ import annotations

import json

import pytest

from newsdossier.ingest import Manifest, ManifestError, ingest
from newsdossier.ingest.manifest import normalise_date

GOOD = "The council approved the new flood barrier on Tuesday after a long debate, officials said."


def test_mixed_folder_keeps_good_inputs_and_explains_bad_ones(tmp_path):
    sub = tmp_path / "deep" / "deeper"
    sub.mkdir(parents=True)
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (sub / "nested.txt").write_text("A second good article about the barrier costs, which rose again this year.")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.bin").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))
    (tmp_path / "win.txt").write_bytes("“Barrier” works café – the mayor’s plan passed easily this week.".encode("cp1252"))
    (tmp_path / "broken.warc").write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 9999\r\n\r\n<html>")
    (tmp_path / "broken.rss").write_text("<?xml version='1.0'?><rss><channel><item><title>oops")
    res = ingest([tmp_path])
    texts = {a.text for a in res.articles}
    assert GOOD in texts
    assert any(t.startswith("“Barrier” works café") for t in texts)
    assert len(res.articles) == 3
    reasons = {r.source.rsplit("/", 1)[-1].split("#")[0]: r.reason for r in res.rejected}
    assert set(reasons) == {"empty.txt", "image.bin", "broken.warc", "broken.rss"}
    assert "empty" in reasons["empty.txt"] and "binary" in reasons["image.bin"]
    assert "WARC" in reasons["broken.warc"] and "feed" in reasons["broken.rss"]


def test_missing_path_and_oversized_file(tmp_path):
    (tmp_path / "big.txt").write_text(GOOD * 50)
    res = ingest([tmp_path / "nope", tmp_path / "big.txt"], max_bytes=1000)
    assert not res.articles
    assert "no such file" in res.rejected[0].reason
    assert "over the limit" in res.rejected[1].reason


def test_language_is_detected_flagged_and_filterable(tmp_path):
    (tmp_path / "en.txt").write_text(GOOD)
    (tmp_path / "de.txt").write_text("Der Stadtrat hat am Dienstag die neue Hochwassermauer beschlossen, und die Bürger sind froh.")
    res = ingest([tmp_path])
    langs = {a.language for a in res.articles}
    assert langs == {"en", "de"}
    german = next(a for a in res.articles if a.language == "de")
    assert any("language" in f for f in german.flags)
    only_en = ingest([tmp_path], lang="en")
    assert [a.language for a in only_en.articles] == ["en"]
    assert "'de'" in only_en.rejected[0].reason


def test_manifest_csv_and_json_supply_metadata(tmp_path):
    arts = tmp_path / "arts"
    arts.mkdir()
    (arts / "one.txt").write_text(GOOD)
    (arts / "two.jsonl").write_text(json.dumps({"id": "x7", "text": GOOD.replace("Tuesday", "Friday")}))
    csv_path = tmp_path / "m.csv"
    csv_path.write_text("file,outlet,published,url\none.txt,Harbour Herald,12 March 2024,https://hh.example/1\n")
    json_path = tmp_path / "m.json"
    json_path.write_text(json.dumps([{"id": "x7", "outlet": "Wire", "published": "2024-03-13T09:00:00Z"}]))
    res = ingest([arts], manifest=csv_path)
    one = next(a for a in res.articles if a.source.endswith("one.txt"))
    assert (one.outlet, one.published, one.url) == ("Harbour Herald", "2024-03-12", "https://hh.example/1")
    res = ingest([arts], manifest=Manifest.load(json_path))
    two = next(a for a in res.articles if a.input_id == "x7")
    assert two.outlet == "Wire" and two.published.startswith("2024-03-13T09:00")


def test_manifest_errors_are_specific(tmp_path):
    with pytest.raises(ManifestError, match="cannot read"):
        Manifest.load(tmp_path / "missing.csv")
    bad = tmp_path / "bad.csv"
    bad.write_text("name,outlet\nx,Y\n")
    with pytest.raises(ManifestError, match="key columns"):
        Manifest.load(bad)


def test_unparseable_date_is_flagged_not_dropped_silently(tmp_path):
    (tmp_path / "a.jsonl").write_text(json.dumps({"text": GOOD, "date": "sometime soon"}))
    (art,) = ingest([tmp_path]).articles
    assert art.published is None
    assert any("not understood" in f for f in art.flags)


@pytest.mark.parametrize("raw, iso", [
    ("2024-03-05", "2024-03-05"), ("Tue, 05 Mar 2024 10:00:00 GMT", "2024-03-05T10:00:00+00:00"),
    ("March 5, 2024", "2024-03-05"), ("2024-03-05T10:00:00Z", "2024-03-05T10:00:00+00:00"),
])
def test_normalise_date(raw, iso):
    assert normalise_date(raw) == iso


def test_a_web_archive_crawl_notice_is_rejected_with_its_reason(tmp_path):
    notice = ("These pages were gathered by the Orvale crawl project. The crawl data is added to the "
              "Wayback Machine after a delay, so that a link to a page as it was stays readable.\n"
              "Crawl start date: 3 March 2019. Crawl end date: 9 May 2019.")
    story = ("The Wayback Machine of the Internet Archive kept the council's deleted page, "
             "a historian said on Monday, and the council has now restored it.")
    (tmp_path / "notice.txt").write_text(notice, encoding="utf-8")
    (tmp_path / "story.txt").write_text(story, encoding="utf-8")
    res = ingest([tmp_path])
    assert [a.text for a in res.articles] == [story]
    assert len(res.rejected) == 1 and "web archive" in res.rejected[0].reason
