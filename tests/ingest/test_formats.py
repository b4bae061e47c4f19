"""Each input format, sniffed by content, read into articles with their metadata."""

from __future__ import annotations

import gzip
import io
import json

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsdossier.ingest import ingest, sniff

BODY = (
    "<p>The tram line to the harbour opened on Monday after three years of works, the city said.</p>"
    "<p>“It was worth the wait,” said commuter Lena Brandt, who rides it every morning to her shop.</p>"
    "<p>Critics said the project ran two years late and forty percent over its original budget.</p>"
)
PAGE = (
    "<!doctype html><html><head><title>Harbour tram opens | City Times</title>"
    '<meta property="og:site_name" content="City Times"><meta name="author" content="Ola Berg">'
    '<meta property="article:published_time" content="2024-05-06T08:00:00Z"></head>'
    f"<body><nav>Home | City</nav><article><h1>Harbour tram opens</h1>{BODY}</article></body></html>"
)


def test_html_text_and_metadata_meta_date_before_url_digits(tmp_path):
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    res = ingest([tmp_path])
    (art,) = res.articles
    assert "tram line to the harbour" in art.text and "Home | City" not in art.text
    assert art.title == "Harbour tram opens" and art.author == "Ola Berg" and art.outlet == "City Times"
    assert art.published == "2024-05-06"


def test_html_is_sniffed_by_content_whatever_the_extension(tmp_path):
    (tmp_path / "saved.txt").write_text(PAGE, encoding="utf-8")
    (art,) = ingest([tmp_path]).articles
    assert "<p>" not in art.text and art.outlet == "City Times"


def test_jsonl_keeps_input_id_and_metadata_and_reports_bad_lines(tmp_path):
    lines = [
        json.dumps({"id": "a-1", "text": "First story about the new library opening downtown on Saturday.",
                    "outlet": "Gazette", "date": "2024-02-01", "url": "https://g.example/1"}),
        "{not json",
        json.dumps({"id": "a-2", "body": "Second story: the library had queues around the block all day."}),
        json.dumps({"id": "a-3", "headline": "no text here"}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    res = ingest([tmp_path])
    assert [a.input_id for a in res.articles] == ["a-1", "a-2"]
    assert res.articles[0].outlet == "Gazette" and res.articles[0].published == "2024-02-01"
    reasons = [r.reason for r in res.rejected]
    assert any("not valid JSON" in r for r in reasons) and any("no text field" in r for r in reasons)


def test_multinews_jsonl_and_raw_separator_formats(tmp_path):
    docs = ["Storm closes the coastal road near the lighthouse for two days.",
            "The coastal road reopened on Thursday after crews cleared the rocks."]
    (tmp_path / "clusters.jsonl").write_text(json.dumps({"id": "c9", "documents": docs, "summaries": ["x"]}))
    raw = ["Fishermen stayed in port NEWLINE_CHAR as waves reached six metres on the coast.",
           "The harbour master said boats may leave again from Friday morning if winds ease."]
    (tmp_path / "raw.src").write_text(" ||||| ".join(raw) + "\n")
    res = ingest([tmp_path])
    assert [a.input_id for a in res.articles] == ["c9/0", "c9/1", "1/0", "1/1"]
    assert res.articles[2].text == "Fishermen stayed in port\nas waves reached six metres on the coast."


def test_duplicate_texts_are_reported_not_lost(tmp_path):
    text = "The night market returns to the old square this weekend, organisers said."
    (tmp_path / "a.txt").write_text(text)
    (tmp_path / "b.txt").write_text(text + "\n")
    res = ingest([tmp_path])
    assert len(res.articles) == 1
    assert "duplicate" in res.rejected[0].reason and res.rejected[0].source.endswith("b.txt")


RSS = """<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Valley Radio</title>
<item><title>Bridge reopens</title><link>https://radio.example/bridge</link>
<pubDate>Tue, 07 May 2024 09:30:00 GMT</pubDate>
<description>Short teaser.</description>
<content:encoded><![CDATA[<p>The old stone bridge over the river reopened to traffic on Tuesday after repairs.</p><p>Engineers said it is safe for lorries again.</p>]]></content:encoded></item>
<item><title>Empty</title><link>https://radio.example/empty</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Hill Post</title>
<entry><title>School roof fixed</title><link href="https://hill.example/roof"/><updated>2024-03-01T10:00:00Z</updated>
<author><name>Ida Moss</name></author><content type="html">&lt;p&gt;The school roof was fixed over the holiday, the council said on Friday.&lt;/p&gt;</content></entry></feed>"""


def test_rss_full_content_and_atom(tmp_path):
    (tmp_path / "a.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / "b.xml").write_text(ATOM, encoding="utf-8")
    res = ingest([tmp_path])
    by_title = {a.title: a for a in res.articles}
    bridge = by_title["Bridge reopens"]
    assert "safe for lorries" in bridge.text and "teaser" not in bridge.text
    assert bridge.outlet == "Valley Radio" and bridge.published.startswith("2024-05-07")
    roof = by_title["School roof fixed"]
    assert roof.author == "Ida Moss" and "<p>" not in roof.text
    assert any("no content" in r.reason for r in res.rejected)


def test_broken_feed_is_rejected(tmp_path):
    (tmp_path / "broken.rss").write_text("<?xml version='1.0'?><rss><channel><item><title>x", encoding="utf-8")
    res = ingest([tmp_path])
    assert not res.articles and "feed" in res.rejected[0].reason


def _warc_bytes(pages: list[tuple[str, str]], gz: bool = True) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for url, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        rec = writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()), http_headers=headers)
        writer.write_record(rec)
    return buf.getvalue()


def test_warc_responses_become_articles_and_damage_is_reported(tmp_path):
    other = PAGE.replace("Harbour tram opens", "Ferry timetable changes").replace("tram line", "ferry line")
    data = _warc_bytes([("https://city.example/2020/01/01/tram", PAGE), ("https://city.example/ferry", other)])
    (tmp_path / "crawl.warc.gz").write_bytes(data)
    (tmp_path / "damaged.warc.gz").write_bytes(data[: len(data) // 2 + 40])
    res = ingest([tmp_path / "crawl.warc.gz"])
    assert len(res.articles) == 2
    assert res.articles[0].url == "https://city.example/2020/01/01/tram"
    assert res.articles[0].published == "2024-05-06"  # the meta tag wins over the URL digits
    damaged = ingest([tmp_path / "damaged.warc.gz"])
    assert damaged.rejected and "WARC" in damaged.rejected[-1].reason


def test_markdown_front_matter_and_markup(tmp_path):
    md = "---\ntitle: Park plan\ndate: 2024-06-01\noutlet: Borough News\n---\n# Park plan\n\nThe **council** backed the [park plan](https://x.example) on Monday evening.\n"
    (tmp_path / "p.md").write_text(md)
    (art,) = ingest([tmp_path]).articles
    assert art.title == "Park plan" and art.published == "2024-06-01" and art.outlet == "Borough News"
    assert "The council backed the park plan on Monday evening." in art.text


@pytest.mark.parametrize("name, head, kind", [
    ("x.txt", b"<!DOCTYPE html><html>", "html"), ("x", b"WARC/1.0\r\n", "warc"),
    ("x.warc.gz", gzip.compress(b"WARC/1.0"), "warc"), ("x.dat", b'{"text": "a"}\n', "jsonl"),
    ("x.json", b'[{"text": "a"}]', "json"), ("x.txt", b"a ||||| b", "multinews"),
    ("x.md", b"# Title", "markdown"), ("x.txt", b"Plain words.", "text"),
    ("feed", b"<?xml version='1.0'?><rss>", "feed"),
])
def test_sniff(name, head, kind):
    assert sniff(name, head) == kind
