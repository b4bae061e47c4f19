"""Defects found by fuzzing and review: each input here once crashed or hung ingest or a build."""

from __future__ import annotations

from newsdossier import nlp as nd_nlp
from newsdossier.ingest import ingest
from newsdossier.store import Store

LONG = ("The harbour authority said the new ferry terminal would open in the spring, "
        "after two years of delays and a budget that grew by a third.")


def test_lone_surrogate_from_a_json_escape_is_replaced_and_flagged(tmp_path, nlp):
    line = '{"id": "s1", "text": "' + LONG + ' Fans cheered \\ud83d loudly.", "author": "Ana \\udc00 Lee"}'
    (tmp_path / "a.jsonl").write_text(line + "\n", encoding="utf-8")
    (art,) = ingest([tmp_path]).articles
    assert not any(0xD800 <= ord(c) <= 0xDFFF for c in art.text + (art.author or ""))
    assert "\ufffd" in art.text and any("surrogate" in f for f in art.flags)
    art.text.encode("utf-8")  # every later stage can encode it
    docs = nd_nlp.parse([art], nlp=nlp)  # once raised UnicodeEncodeError
    assert docs[art.id].text == art.text
    with Store(":memory:") as st:
        assert st.add_articles([art]) == [True]


def test_undecodable_file_name_is_kept_readable(tmp_path):
    name = b"caf\xe9-\xff.txt"  # not UTF-8: os gives the str surrogate escapes
    (tmp_path.joinpath(name.decode("utf-8", "surrogateescape"))).write_text(LONG)
    (tmp_path.joinpath(b"empty-\xfe.txt".decode("utf-8", "surrogateescape"))).write_bytes(b"")
    res = ingest([tmp_path])
    (art,) = res.articles
    (rej,) = res.rejected
    for s in (art.source, rej.source, rej.reason):
        s.encode("utf-8")
