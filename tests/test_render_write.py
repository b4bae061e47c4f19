"""write() streams JSON and JSON Lines to the file: the same text as the renderers return."""

from __future__ import annotations

from newsdossier.pipeline import build_dossier
from newsdossier.render import json as render_json
from newsdossier.render import write


def test_streamed_json_and_jsonl_are_the_rendered_text(example_dir, tmp_path, monkeypatch):
    dossier = build_dossier([example_dir / "articles"])
    monkeypatch.setattr(render_json, "_PIECE", 7)  # many pieces, so their joins are exercised
    paths = write(dossier, tmp_path, ("json", "jsonl"), texts=False)
    assert paths["json"].read_text(encoding="utf-8") == render_json.to_json(dossier, texts=False)
    assert paths["jsonl"].read_text(encoding="utf-8") == render_json.to_jsonl(dossier, texts=False)
    with_texts = write(dossier, tmp_path / "t", ("json",))["json"].read_text(encoding="utf-8")
    assert with_texts == render_json.to_json(dossier)
    assert dossier.articles[0].text[:40] in with_texts
    assert render_json.from_json(with_texts).articles == dossier.articles


def test_streamed_html_is_the_rendered_page(example_dir, tmp_path):
    from newsdossier.render.html import to_html

    dossier = build_dossier([example_dir / "articles"])
    page = write(dossier, tmp_path, ("html",))["html"].read_text(encoding="utf-8")
    assert page == to_html(dossier)
    assert page.rstrip().endswith("</html>")
