"""The quotes section of the Markdown and HTML dossiers marks uncertain quotes (issue 14)."""

from __future__ import annotations

from newsdossier.analysis.quotes import extract_quotes
from newsdossier.model import Article, Dossier
from newsdossier.render.markdown import to_markdown

TEXT = ('"The bridge will open in May," said Orla Quenby, the city engineer.\n\n'
        'Crowds gathered on the bank.\n\n'
        '"Nobody expected the river to rise so fast."')


def _dossier(nlp) -> Dossier:
    art = Article.create(TEXT, "render#0")
    quotes = extract_quotes([art], {art.id: nlp(art.text)})
    return Dossier(articles=(art,), quotes=tuple(quotes))


def test_markdown_marks_only_the_uncertain_quote(nlp) -> None:
    d = _dossier(nlp)
    low = [q for q in d.quotes if q.low_confidence]
    sure = [q for q in d.quotes if not q.low_confidence]
    assert low and sure, [(q.span.text, q.trust) for q in d.quotes]
    md = to_markdown(d)
    lines = [ln for ln in md.splitlines() if ln.startswith("- **")]
    for q in d.quotes:
        line = next(ln for ln in lines if q.span.text[:20] in ln)
        assert ("low confidence" in line) == q.low_confidence, line


def test_html_marks_the_uncertain_quote(nlp) -> None:
    from newsdossier.render.html import to_html

    page = to_html(_dossier(nlp))
    assert 'class="quote low"' in page
    assert "low confidence" in page
