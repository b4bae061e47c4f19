"""A seeded generator of hostile ingest inputs: every format, broken in every way we know.

``cases(seed, n)`` yields ``(case id, file name, bytes)``: random bytes, truncated and mutated
copies of valid seed files (the example story shipped in the package plus small made-up
files of every format), wrong encodings, byte-order marks, NUL bytes, huge lines, deep
nesting, broken XML/RSS/Atom/WARC/ARC, gzip bombs, JSON Lines with wrong types, and odd
file names. The same seed always gives the same inputs.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import random
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

EXAMPLE = Path(__file__).resolve().parents[2] / "newsdossier" / "examples" / "brennick" / "articles"

SENTENCE = ("The river authority said on Tuesday that the new flood barrier would be finished "
            "before the winter storms, after two years of delays and rising costs. ")
PAGE = ("<!doctype html><html><head><meta charset='utf-8'><title>Barrier | Post</title>"
        "<meta name='author' content='Ada Lund'>"
        "<meta property='article:published_time' content='2024-05-06T08:00:00Z'></head><body>"
        "<article><h1>Barrier</h1><p>" + SENTENCE * 3 + "</p><p>" + SENTENCE + "</p></article>"
        "</body></html>")
RSS = ("<?xml version='1.0'?><rss version='2.0'><channel><title>Radio</title><item><title>Barrier</title>"
       "<link>https://r.example/b</link><pubDate>Tue, 07 May 2024 09:30:00 GMT</pubDate>"
       "<description><![CDATA[<p>" + SENTENCE * 2 + "</p>]]></description></item></channel></rss>")
ATOM = ("<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'><title>Hill</title>"
        "<entry><title>Roof</title><link href='https://h.example/r'/><updated>2024-03-01T10:00:00Z</updated>"
        "<author><name>Ida Moss</name></author><content type='html'>&lt;p&gt;" + SENTENCE * 2
        + "&lt;/p&gt;</content></entry></feed>")
MARKDOWN = ("---\ntitle: Barrier\ndate: 2024-06-01\nauthor: Ola Berg\n---\n# Barrier plan #\n\n"
            "The **council** backed the [plan](https://x.example) on Monday. " + SENTENCE + "\n")


def _gz(data: bytes, compresslevel: int = 6) -> bytes:
    return gzip.compress(data, compresslevel=compresslevel, mtime=0)  # no time stamp: reproducible


def _warc(pages: list[tuple[str, str, str]], gz: bool) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for url, status, html in pages:
        headers = StatusAndHeaders(status, [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        fixed = {"WARC-Date": "2024-05-06T08:00:00Z", "WARC-Record-ID": f"<urn:uuid:{zlib.crc32(url.encode()):012d}>"}
        rec = writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()), http_headers=headers,
                                        warc_headers_dict=fixed)
        writer.write_record(rec)
    return buf.getvalue()


def arc_bytes(pages: list[tuple[str, str, str]]) -> bytes:
    """Return an ARC (version 1) file holding ``(url, status line, html)`` responses."""
    desc = b"1 0 Test\nURL IP-address Archive-date Content-type Archive-length\n"
    out = b"filedesc://x.arc 0.0.0.0 20240101000000 text/plain " + str(len(desc)).encode() + b"\n" + desc + b"\n"
    for url, status, html in pages:
        body = f"HTTP/1.1 {status}\r\nContent-Type: text/html\r\n\r\n".encode() + html.encode()
        out += f"{url} 1.2.3.4 20240506080000 text/html {len(body)}\n".encode() + body + b"\n"
    return out


def _arc() -> bytes:
    return arc_bytes([("https://a.example/p", "200 OK", PAGE)])


def seeds() -> list[tuple[str, bytes]]:
    """Valid files of every format, to be truncated and mutated."""
    out = [(p.name, p.read_bytes()) for p in sorted(EXAMPLE.iterdir()) if p.is_file()]
    jsonl = "\n".join(json.dumps({"id": f"a{i}", "text": SENTENCE * (i + 1), "outlet": "Gazette",
                                  "date": "2024-02-01", "author": ["Ann Lee", "Bo Ma"]}) for i in range(3))
    out += [
        ("page.html", PAGE.encode()),
        ("feed.rss", RSS.encode()),
        ("feed.atom", ATOM.encode()),
        ("note.md", MARKDOWN.encode()),
        ("lines.jsonl", jsonl.encode()),
        ("array.json", json.dumps([{"text": SENTENCE * 2, "title": "T"}]).encode()),
        ("cluster.jsonl", json.dumps({"id": "c1", "documents": [SENTENCE * 2, SENTENCE * 3]}).encode()),
        ("multi.src", (SENTENCE + " ||||| " + SENTENCE * 2 + " NEWLINE_CHAR more text").encode()),
        ("crawl.warc", _warc([("https://c.example/a", "200 OK", PAGE)], gz=False)),
        ("crawl.warc.gz", _warc([("https://c.example/a", "200 OK", PAGE),
                                 ("https://c.example/b", "404 Not Found", PAGE)], gz=True)),
        ("crawl.arc", _arc()),
        ("text.txt.gz", _gz((SENTENCE * 4).encode())),
    ]
    return out


# ----------------------------------------------------------------------------- mutations

def _truncate(r: random.Random, data: bytes) -> bytes:
    return data[: r.randrange(0, max(1, len(data)))]


def _flip(r: random.Random, data: bytes) -> bytes:
    b = bytearray(data)
    for _ in range(r.randint(1, 8)):
        if b:
            b[r.randrange(len(b))] ^= 1 << r.randrange(8)
    return bytes(b)


def _insert(r: random.Random, data: bytes) -> bytes:
    pos = r.randrange(len(data) + 1)
    junk = r.choice([b"\x00", b"\xff\xfe", b"\xed\xa0\xbd", b"\\ud83d", b"<", b"]]>", b"&#0;", b"\r",
                     b"\x1b[31m", b"[/]", b"{" * 50, bytes(r.randrange(256) for _ in range(16))])
    return data[:pos] + junk * r.randint(1, 4) + data[pos:]


def _delete(r: random.Random, data: bytes) -> bytes:
    if len(data) < 2:
        return data
    a = r.randrange(len(data))
    return data[:a] + data[a + r.randint(1, 64):]


def _duplicate(r: random.Random, data: bytes) -> bytes:
    if not data:
        return data
    a = r.randrange(len(data))
    return data[:a] + data[a:a + 200] * r.randint(2, 20) + data[a:]


def _bom(r: random.Random, data: bytes) -> bytes:
    return r.choice([codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE]) + data


def _reencode(r: random.Random, data: bytes) -> bytes:
    text = data.decode("utf-8", "replace")
    enc = r.choice(["utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252", "latin-1", "cp1250",
                    "iso-8859-2", "gb2312", "shift_jis", "koi8-r", "cp437"])
    return text.encode(enc, "replace")


def _nuls(r: random.Random, data: bytes) -> bytes:
    return data.replace(b" ", b"\x00", r.randint(1, 40))


def _gzip(r: random.Random, data: bytes) -> bytes:
    out = _gz(data, compresslevel=1)
    return out[: r.randrange(10, len(out) + 1)] if r.random() < 0.3 else out


MUTATIONS: list[Callable[[random.Random, bytes], bytes]] = [
    _truncate, _flip, _insert, _delete, _duplicate, _bom, _reencode, _nuls, _gzip,
]

# ----------------------------------------------------------------------------- generated inputs

_BOMB_MEMBER = _gz(bytes(8 * 1024 * 1024), compresslevel=9)  # 8 MB of zeros, ~8 KB
_TEXT_MEMBER = _gz(b"a" * (8 * 1024 * 1024), compresslevel=9)


def _random_bytes(r: random.Random) -> tuple[str, bytes]:
    return r.choice(["x.bin", "x.txt", "x.html", "x.jsonl", "x.warc", "x"]), r.randbytes(r.randrange(0, 4096))


def _deep_json(r: random.Random) -> tuple[str, bytes]:
    depth = r.choice([200, 1000, 5000, 100_000])
    opener, closer = r.choice([("[", "]"), ('{"a":', "}"), ('{"documents":[', "]}")])
    body = opener * depth + '"x"' + closer * depth
    if r.random() < 0.5:
        body = body + "\n" + json.dumps({"text": SENTENCE * 2})
    return r.choice(["deep.json", "deep.jsonl", "deep.txt"]), body.encode()


def _wrong_types(r: random.Random) -> tuple[str, bytes]:
    values = [5, 1.5, None, True, [], {}, ["a", 1], {"x": 1}, "", SENTENCE, "1" * 5000, -1e308, 10**30]
    lines = []
    for _ in range(r.randint(1, 8)):
        obj = {k: r.choice(values) for k in r.sample(["text", "body", "documents", "title", "author", "date",
                                                      "published", "url", "id", "outlet"], r.randint(1, 5))}
        if r.random() < 0.3:
            obj["published"] = r.choice(["0000-01-01", "99999-12-31", "-5000-01-01", "9999-12-31T23:59:59-23:00",
                                         "Tue, 31 Dec 9999 23:59:59 -1200", "1e400", "30000000000", "2024-02-30"])
            obj["text"] = SENTENCE * 2
        lines.append(json.dumps(obj) if r.random() < 0.9 else r.choice(["[1,2]", "5", "null", '"s"', "{"]))
    raw = "\n".join(lines)
    if r.random() < 0.2:
        raw = raw.replace(SENTENCE[:10], SENTENCE[:10] + "\\ud83d", 1)
    return r.choice(["t.jsonl", "t.json", "t.ndjson", "t.txt"]), raw.encode()


def _huge_line(r: random.Random) -> tuple[str, bytes]:
    n = r.choice([10_000, 100_000, 400_000])
    unit = r.choice([SENTENCE, "word ", " " * 10 + "x", "# " + " " * 50, "»", "a" * 1000 + " "])
    return r.choice(["huge.txt", "huge.md", "huge.html"]), (unit * (n // len(unit) + 1))[:n].encode()


def _md_headings(r: random.Random) -> tuple[str, bytes]:
    line = "#" * r.randint(1, 7) + " " * r.randint(1, 500) + r.choice(["x", "", "#", " #x", "# #"])
    return "padded.md", ("\n".join([line] * r.randint(1, 500)) + "\n" + SENTENCE).encode()


def _broken_xml(r: random.Random) -> tuple[str, bytes]:
    parts = [
        "<?xml version='1.0'?><rss><channel><item><title>x",
        "<?xml version='1.0'?><!DOCTYPE rss [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;'>"
        "<!ENTITY c '&b;&b;&b;&b;&b;&b;&b;&b;'>]><rss><channel><item><description>&c;&c;</description></item></channel></rss>",
        "<feed xmlns='http://www.w3.org/2005/Atom'><entry><content type='xhtml'><div>" + "<b>" * 5000 + "</entry>",
        "<rss><channel><item><pubDate>Tue, 31 Dec 99999 23:59:59 GMT</pubDate><description>" + SENTENCE + "</description></item></channel></rss>",
        "<rss><channel><item><pubDate>Mon, 01 Jan 0000 00:00:00 GMT</pubDate><description>" + SENTENCE + "</description></item></channel></rss>",
        "<?xml version='1.0' encoding='nonexistent-codec'?><rss><channel><item><description>" + SENTENCE + "</description></item></channel></rss>",
        "<rss><channel><item><description>\ud83d" + SENTENCE + "</description><link>\x00</link></item></channel></rss>",
        "<rss><channel><item><description>&#xD83D;" + SENTENCE + "</description><author>&#0;</author></item></channel></rss>",
        "<rss><channel>" + "<item><title>t</title><description>" + SENTENCE + "</description></item>" * 50 + "</channel></rss>",
        "<rdf:RDF><channel><item><description>" + SENTENCE + "</description></item></rdf:RDF>",
    ]
    data = r.choice(parts).encode("utf-8", "surrogatepass")
    return r.choice(["f.rss", "f.xml", "f.atom", "f"]), data


def _broken_warc(r: random.Random) -> tuple[str, bytes]:
    choices = [
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 9999\r\n\r\n<html>",
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: -5\r\n\r\n",
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: abc\r\n\r\n",
        b"WARC/1.0\r\n" + b"X: " + b"y" * 100_000 + b"\r\n\r\n",
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: 40\r\n\r\nHTTP/1.1 200\r\nContent-Type: text/html\r\n\r\n<p>",
        _warc([("https://c.example/404", "404 Not Found", PAGE)], gz=r.random() < 0.5),
        _warc([("https://c.example/500", "500 Server Error", PAGE), ("https://c.example/ok", "200 OK", PAGE)], gz=True),
        _warc([("https://c.example/redirect", "301 Moved", "<html>moved</html>")], gz=False),
        _BOMB_MEMBER * r.choice([2, 30]),
    ]
    return r.choice(["c.warc", "c.warc.gz", "c.arc", "c.arc.gz"]), r.choice(choices)


def _gzip_bomb(r: random.Random) -> tuple[str, bytes]:
    member = _BOMB_MEMBER if r.random() < 0.5 else _TEXT_MEMBER
    count = r.choice([2, 3, 8, 40, 130])  # 16 MB to 1 GB expanded
    return r.choice(["bomb.gz", "bomb.txt.gz", "bomb.jsonl.gz", "bomb.warc.gz", "bomb"]), member * count


def _odd_name(r: random.Random) -> tuple[str, bytes]:
    name = r.choice(["[red]x[/].txt", "[/]x.jsonl", "[bold]x[/bold].html", "a[b]c.html", " lead space.txt", "tab\there.txt",
                     "new\nline.txt", "ünï©ødé.md", "emoji-😀.txt", "-dash.txt", "%s%n.txt", "a" * 200 + ".txt",
                     "no-ext", "UPPER.HTML", "x.JSONL", "dots...txt", "$(rm).txt", "back\\slash.txt",
                     ".hidden.txt"])
    return name, (SENTENCE * 2).encode()


def _empty(r: random.Random) -> tuple[str, bytes]:
    data = r.choice([b"", b"\n", b"   \n\t\n", codecs.BOM_UTF8, codecs.BOM_UTF8 + b"\n",
                     b"[]", b"{}", b"\n\n\n", b"|||||", b"||||| |||||", b"null", b"---\n---\n",
                     codecs.BOM_UTF8 + json.dumps({"text": SENTENCE}).encode()])
    return r.choice(["e.txt", "e.jsonl", "e.json", "e.md", "e.html", "e.rss", "e"]), data


GENERATORS: list[Callable[[random.Random], tuple[str, bytes]]] = [
    _random_bytes, _deep_json, _wrong_types, _huge_line, _md_headings, _broken_xml, _broken_warc,
    _gzip_bomb, _odd_name, _empty,
]


def cases(seed: int, n: int) -> Iterator[tuple[str, str, bytes]]:
    """Yield ``n`` hostile ``(case id, file name, bytes)`` inputs, the same for the same seed.

    A file name may hold a ``/`` (``[/]x.txt``): the part before it is a folder.
    """
    r = random.Random(seed)
    base = seeds()
    for i in range(n):
        if r.random() < 0.55:
            name, data = r.choice(base)
            for _ in range(r.randint(1, 3)):
                data = r.choice(MUTATIONS)(r, data)
            if r.random() < 0.1:
                name = r.choice(["x.txt", "x.html", "x.jsonl", "x.warc.gz", "x.rss", "x.md", "x"])
        else:
            name, data = r.choice(GENERATORS)(r)
        yield f"{i:05d}", name, data
