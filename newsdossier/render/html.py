"""Dossier to one self-contained HTML page (no external assets, all text escaped).

Article texts are shown side by side with sentence and name-mention spans marked; every
citation elsewhere on the page carries ``data-a``/``data-s``/``data-e`` (article, start,
end) and the page's script highlights exactly those characters on hover or click.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from importlib import resources

import jinja2
from markupsafe import Markup, escape

from ..model import Article, Dossier, Mention, Span

_ENV = jinja2.Environment(
    loader=jinja2.FunctionLoader(
        lambda name: resources.files("newsdossier.render").joinpath("templates", name).read_text("utf-8")
    ),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
)


def article_markup(article: Article, sentences: list[Span], mentions: list[Mention]) -> Markup:
    """Return the article text as HTML with sentence and mention spans marked.

    The text nodes of the result concatenate to exactly ``article.text``, so character
    offsets can be located in the page.
    """
    text = article.text
    items: list[tuple[int, int, str, str]] = []
    bounds: list[tuple[int, int]] = []
    last = -1
    for s in sorted(sentences, key=lambda s: s.start):
        if s.start >= last and s.end > s.start:
            items.append((s.start, s.end, f'<span class="sent" data-s="{s.start}" data-e="{s.end}">', "</span>"))
            bounds.append((s.start, s.end))
            last = s.end
    for m in mentions:
        a, b = m.span.start, m.span.end
        if b > a and any(s <= a and b <= e for s, e in bounds):
            label = escape(m.label)
            items.append((a, b, f'<mark class="ent ent-{label}" title="{label}">', "</mark>"))
    items.sort(key=lambda r: (r[0], -(r[1] - r[0])))
    out: list[str] = []
    stack: list[tuple[int, str]] = []
    pos = 0
    for start, end, open_tag, close_tag in items:
        while stack and stack[-1][0] <= start:
            e, close = stack.pop()
            out.append(str(escape(text[pos:e])))
            out.append(close)
            pos = e
        if stack and end > stack[-1][0]:
            continue  # would cross its parent's boundary
        out.append(str(escape(text[pos:start])))
        out.append(open_tag)
        stack.append((end, close_tag))
        pos = start
    while stack:
        e, close = stack.pop()
        out.append(str(escape(text[pos:e])))
        out.append(close)
        pos = e
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


def to_html(dossier: Dossier) -> str:
    """Return the dossier as one self-contained HTML page."""
    dossier.validate()
    names = {a.id: f"A{i}" for i, a in enumerate(dossier.articles, start=1)}
    sents: dict[str, list[Span]] = defaultdict(list)
    for s in dossier.sentences:
        sents[s.article].append(s)
    ments: dict[str, list[Mention]] = defaultdict(list)
    for m in dossier.mentions:
        ments[m.span.article].append(m)
    articles = [
        {"a": a, "name": names[a.id], "html": article_markup(a, sents[a.id], ments[a.id]),
         "words": len(a.text.split())}
        for a in dossier.articles
    ]
    mention_counts = Counter((m.span.text, m.label) for m in dossier.mentions).most_common(40)
    template = _ENV.get_template("dossier.html.j2")
    return template.render(d=dossier, articles=articles, names=names, mention_counts=mention_counts)
