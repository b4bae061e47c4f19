"""Dossier to one self-contained HTML page (no external assets, all text escaped).

Article texts are shown side by side with sentence and name-mention spans marked; every
citation elsewhere on the page carries ``data-a``/``data-s``/``data-e`` (article, start,
end) and the page's script highlights exactly those characters on hover or click.

Security: the template is rendered with autoescape on and user data never passes through
``|safe``; the page's only script and style are our own files, allowed by their SHA-256
hashes in a Content-Security-Policy ``<meta>``, so even injected markup could not run.
Links are only made from ``http``/``https`` URLs.

The view models (graph layout, timeline scale, agreement matrix, quote groups) are plain
functions of the dossier so the web app and tests can use them too.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup, escape

from ..model import LOW_CONFIDENCE, Article, Dossier, Mention, Quote, Span, TimelineEvent
from .sections import empty_summary_note, extra_sections

__all__ = [
    "to_html", "article_markup", "reuse_graph", "timeline_chart", "agreement_matrix",
    "quote_groups", "safe_url", "asset", "csp_hash", "page_csp",
]


def _load_template(name: str) -> str:
    return resources.files("newsdossier.render").joinpath("templates", name).read_text("utf-8")


_ENV = jinja2.Environment(
    loader=jinja2.FunctionLoader(_load_template),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=jinja2.StrictUndefined,
)


def asset(name: str) -> Markup:
    """Return one of our own static assets (``templates/dossier.css`` …) for inlining.

    These files are part of the package, never user data, so they are marked safe.
    """
    return Markup(_load_template(name))


def csp_hash(content: str) -> str:
    """Return the CSP source expression ``'sha256-…'`` allowing this inline script or style."""
    digest = hashlib.sha256(content.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def safe_url(value: str | None) -> str | None:
    """Return ``value`` when it is an absolute ``http``/``https`` URL, else ``None``.

    Anything else (``javascript:``, ``data:``, relative paths, junk) is not made a link.
    """
    if not value:
        return None
    url = value.strip()
    if any(ord(c) < 33 for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


_ENV.filters["safe_url"] = safe_url


def page_csp() -> str:
    """Return the Content-Security-Policy of the dossier page (also sent as a header by the web app).

    Only our own inline script and style are allowed, by hash; nothing is loaded from anywhere.
    """
    script, style = _load_template("dossier.js"), _load_template("dossier.css")
    return (f"default-src 'none'; style-src {csp_hash(style)}; script-src {csp_hash(script)}; "
            "img-src data:; base-uri 'none'; form-action 'none'")


# --------------------------------------------------------------------------- article text


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


# --------------------------------------------------------------------------- names


def article_names(dossier: Dossier) -> tuple[dict[str, str], dict[str, str]]:
    """Return ``(short, label)`` by article id: ``A1``, ``A2``… and the human label."""
    short = {a.id: f"A{i}" for i, a in enumerate(dossier.articles, start=1)}
    labels = {a.id: a.label for a in dossier.articles}
    return short, labels


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


# --------------------------------------------------------------------------- reuse graph


@dataclass
class GraphNode:
    """An article drawn as a node of the reuse graph."""

    id: str
    name: str
    label: str
    x: float
    y: float
    lx: float
    ly: float
    anchor: str


@dataclass
class GraphEdge:
    """All reused passages from one article to another, drawn as one line."""

    source: str
    copy: str
    passages: int
    similarity: float
    known: bool
    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    title: str
    spans: list[tuple[Span, Span]] = field(default_factory=list)


@dataclass
class ReuseGraph:
    """The reuse graph's nodes and edges with their SVG coordinates."""

    width: int
    height: int
    radius: float
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    total_nodes: int = 0  # articles involved in reuse (``nodes`` may draw only the most involved)


def reuse_graph(dossier: Dossier, width: int = 420, height: int = 300,
                max_nodes: int | None = None) -> ReuseGraph | None:
    """Lay out who copied whom: articles on a circle, one arrow per (source, copy) pair.

    An edge whose direction is ``known`` points from the source to the copy; otherwise it
    is drawn dashed without an arrow head. ``max_nodes`` draws only the articles in the most
    reused passages (ties in dossier order) and the edges between them. Returns ``None`` when
    there is no reuse.
    """
    if not dossier.reuse:
        return None
    short, labels = article_names(dossier)
    if len({a for r in dossier.reuse for a in (r.source.article, r.copy.article)}) <= 2:
        height = min(height, 150)
    pairs: dict[tuple[str, str], list[Any]] = {}
    for r in sorted(dossier.reuse, key=lambda r: r.direction != "known"):
        key = (r.source.article, r.copy.article)
        if r.direction != "known" and (key[1], key[0]) in pairs:
            key = (key[1], key[0])
        pairs.setdefault(key, []).append(r)
    passages: Counter[str] = Counter()
    for (src, cpy), items in pairs.items():
        passages[src] += len(items)
        passages[cpy] += len(items)
    involved = [a.id for a in dossier.articles if a.id in passages]
    total_nodes = len(involved)
    if max_nodes is not None and total_nodes > max_nodes:
        rank = {aid: i for i, aid in enumerate(involved)}
        drawn = set(sorted(involved, key=lambda aid: (-passages[aid], rank[aid]))[:max_nodes])
        involved = [aid for aid in involved if aid in drawn]
        pairs = {k: v for k, v in pairs.items() if k[0] in drawn and k[1] in drawn}
    n = len(involved)
    cx, cy = width / 2, height / 2
    ring = min(width, height) / 2 - 48
    radius = 17.0
    nodes: dict[str, GraphNode] = {}
    for i, aid in enumerate(involved):
        angle = (math.pi if n == 2 else -math.pi / 2) + 2 * math.pi * i / max(n, 1)
        x, y = cx + ring * math.cos(angle), cy + ring * math.sin(angle)
        if n == 1:
            x, y = cx, cy
        elif n == 2:
            x, angle = width * (0.3 if i == 0 else 0.7), math.pi / 2
        cos = 0.0 if n == 2 else math.cos(angle)
        anchor = "middle" if abs(cos) < 0.3 else ("start" if cos > 0 else "end")
        lx = x + (radius + 4) * cos if anchor != "middle" else x
        ly = y + (radius + 14) * math.sin(angle) + (4 if anchor != "middle" else 0)
        if anchor == "middle" and math.sin(angle) < 0:
            ly = y - radius - 6
        nodes[aid] = GraphNode(aid, short[aid], _clip(labels[aid], 22), round(x, 1), round(y, 1),
                               round(lx, 1), round(ly, 1), anchor)
    edges: list[GraphEdge] = []
    most = max((len(v) for v in pairs.values()), default=1)
    for (src, cpy), items in pairs.items():
        a, b = nodes[src], nodes[cpy]
        dx, dy = b.x - a.x, b.y - a.y
        dist = math.hypot(dx, dy) or 1.0
        ux, uy = dx / dist, dy / dist
        known = any(r.direction == "known" for r in items)
        sim = max(r.similarity for r in items)
        kinds = sorted({r.kind for r in items})
        if known:
            title = f"{short[src]} ({labels[src]}) → {short[cpy]} ({labels[cpy]})"
        else:
            title = f"{short[src]} ({labels[src]}) — {short[cpy]} ({labels[cpy]}), direction unknown"
        title += f": {len(items)} passage{'s' if len(items) != 1 else ''} ({', '.join(kinds)}), similarity up to {sim:.2f}"
        edges.append(GraphEdge(
            src, cpy, len(items), sim, known,
            round(a.x + ux * radius, 1), round(a.y + uy * radius, 1),
            round(b.x - ux * (radius + (4 if known else 0)), 1), round(b.y - uy * (radius + (4 if known else 0)), 1),
            round(1.5 + 4.5 * len(items) / most, 1), title,
            [(r.source, r.copy) for r in items],
        ))
    return ReuseGraph(width, height, radius, list(nodes.values()), edges, total_nodes)


# --------------------------------------------------------------------------- timeline


_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def parse_date(value: str | None) -> dt.date | None:
    """Return the first day of a ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD…`` date, else ``None``."""
    if not value:
        return None
    m = _DATE.match(value.strip())
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


@dataclass
class TimelineChart:
    """Coordinates of the timeline drawing: one lane per article, one dot per dated expression."""

    width: int
    height: int
    left: int
    lanes: list[dict[str, Any]]
    ticks: list[dict[str, Any]]
    dots: list[dict[str, Any]]
    published: list[dict[str, Any]]
    unresolved: int
    total_lanes: int = 0  # articles with a dated expression (``lanes`` may draw only the first)


def _ticks(lo: dt.date, hi: dt.date) -> list[tuple[dt.date, str]]:
    days = (hi - lo).days
    out: list[tuple[dt.date, str]] = []
    if days > 3 * 365:
        step = max(1, (hi.year - lo.year) // 8 + 1)
        for y in range(lo.year, hi.year + 1, step):
            d = dt.date(y, 1, 1)
            if lo <= d <= hi:
                out.append((d, str(y)))
    elif days > 70:
        step = max(1, days // 240 + 1)
        y, m = lo.year, lo.month
        i = 0
        while dt.date(y, m, 1) <= hi:
            d = dt.date(y, m, 1)
            if d >= lo and i % step == 0:
                out.append((d, d.strftime("%b %Y")))
            i += 1
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    else:
        step = max(1, days // 8 + 1)
        for k in range(0, days + 1, step):
            d = lo + dt.timedelta(days=k)
            out.append((d, d.strftime("%d %b")))
    return out or [(lo, lo.isoformat())]


def timeline_chart(dossier: Dossier, width: int = 640, max_lanes: int | None = None) -> TimelineChart | None:
    """Lay out the resolved timeline expressions on a date axis, one lane per article.

    Publication dates are drawn as ticks on each lane; ``max_lanes`` draws only the first that
    many lanes (articles in dossier order) on the same axis. Returns ``None`` when no timeline
    expression is resolved to a date.
    """
    short, labels = article_names(dossier)
    dated_ok: list[tuple[dt.date, TimelineEvent]] = []
    for t in dossier.timeline:
        day = parse_date(t.date) if t.resolved else None
        if day is not None:
            dated_ok.append((day, t))
    if not dated_ok:
        return None
    pubs: list[tuple[dt.date, Article]] = []
    for a in dossier.articles:
        pub = a.published_at.date() if a.published_at is not None else None
        if pub is not None:
            pubs.append((pub, a))
    days = [d for d, _ in dated_ok] + [d for d, _ in pubs]
    lo, hi = min(days), max(days)
    if (hi - lo).days < 2:
        lo, hi = lo - dt.timedelta(days=1), hi + dt.timedelta(days=1)
    with_dates = {t.span.article for _, t in dated_ok}
    all_lanes = [a.id for a in dossier.articles if a.id in with_dates]
    lane_ids = all_lanes[:max_lanes] if max_lanes is not None else all_lanes
    drawn = set(lane_ids)
    dated_ok = [(d, t) for d, t in dated_ok if t.span.article in drawn]
    left, lane_h, top = 150, 26, 28
    height = top + lane_h * len(lane_ids) + 8
    span_days = (hi - lo).days

    def xpos(d: dt.date) -> float:
        return round(left + 10 + (width - left - 24) * (d - lo).days / span_days, 1)

    lanes: list[dict[str, Any]] = [{"id": aid, "name": short[aid], "label": _clip(labels[aid], 18),
              "y": top + lane_h * i + lane_h / 2} for i, aid in enumerate(lane_ids)]
    lane_y: dict[str, float] = {str(ln["id"]): float(ln["y"]) for ln in lanes}
    stacked: Counter[tuple[str, float]] = Counter()
    dots: list[dict[str, Any]] = []
    for d, t in sorted(dated_ok, key=lambda p: p[0]):
        x = xpos(d)
        k = stacked[(t.span.article, x)]
        stacked[(t.span.article, x)] += 1
        dots.append({"x": x, "y": lane_y[t.span.article] - min(k, 3) * 4, "span": t.span, "date": t.date,
                     "conflict": t.conflict, "title": f"{t.date}: {_clip(t.span.text, 80)}"
                     + (f" — {_clip(t.event, 100)}" if t.event else "") + f" ({t.how})"})
    published = [{"x": xpos(d), "y": lane_y[a.id], "title": f"{short[a.id]} published {a.published}"}
                 for d, a in pubs if a.id in lane_y]
    ticks = [{"x": xpos(d), "label": label} for d, label in _ticks(lo, hi)]
    unresolved = sum(1 for t in dossier.timeline if not t.resolved or parse_date(t.date) is None)
    return TimelineChart(width, height, left, lanes, ticks, dots, published, unresolved, len(all_lanes))


# --------------------------------------------------------------------------- agreement matrix


@dataclass
class AgreementMatrix:
    """How often each pair of outlets takes the same or opposite sides on contested points."""

    outlets: list[str]
    cells: list[list[dict[str, Any]]]
    points: int
    basis: str
    heads: list[str] = field(default_factory=list)
    total: int = 0  # outlets in the agreement analysis (the matrix draws the most involved)


def agreement_matrix(dossier: Dossier) -> AgreementMatrix | None:
    """Lay out the agreement analysis (``dossier.agreement``) as an outlet-by-outlet matrix.

    Returns ``None`` when no pair of outlets addresses a common point.
    """
    if not dossier.agreement:
        return None
    short, labels = article_names(dossier)
    pairs = {(p.a, p.b): p for p in dossier.agreement}
    pairs.update({(p.b, p.a): p for p in dossier.agreement})
    involvement: Counter[str] = Counter()
    for p in dossier.agreement:
        involvement[p.a] += p.points
        involvement[p.b] += p.points
    # a matrix is read, not scrolled: the outlets that address the most points (all pairs stay in the JSON)
    outlets = sorted(o for o, _ in involvement.most_common(MATRIX_OUTLETS))
    by_label: dict[str, list[str]] = defaultdict(list)
    for art in dossier.articles:
        by_label[labels[art.id]].append(short[art.id])
    heads = [by_label[o][0] if len(by_label.get(o, ())) == 1 else _clip(o, 14) for o in outlets]
    cells = []
    for a in outlets:
        row: list[dict[str, Any]] = []
        for b in outlets:
            if a == b:
                row.append({"self": True, "agree": 0, "differ": 0, "cls": "m-self", "title": a})
                continue
            pair = pairs.get((a, b))
            ag, df = (pair.agree, pair.differ) if pair else (0, 0)
            total = ag + df
            if total == 0:
                cls = "m-none"
            else:
                share = ag / total
                cls = "m-agree" if share >= 0.75 else "m-lean" if share >= 0.5 else "m-mixed" if share >= 0.25 else "m-differ"
            row.append({"self": False, "agree": ag, "differ": df, "cls": cls,
                        "title": f"{a} and {b}: agree on {ag}, disagree on {df} of the {pair.points if pair else 0} points both address"})
        cells.append(row)
    points = max(p.points for p in dossier.agreement)
    return AgreementMatrix(outlets, cells, points, dossier.agreement[0].basis, heads, len(involvement))


# --------------------------------------------------------------------------- quotes, facts, entities


@dataclass
class QuoteGroup:
    """The quotes of one speaker (or of no known speaker)."""

    name: str
    role: str | None
    entity: str | None
    quotes: list[Quote]


def quote_groups(dossier: Dossier) -> list[QuoteGroup]:
    """Group quotes by speaker (resolved entity, else name); unattributed quotes come last."""
    entity_names = {e.id: e.name for e in dossier.entities}
    groups: dict[str, QuoteGroup] = {}
    for q in dossier.quotes:
        sp = q.speaker
        if sp is None or not (sp.entity or sp.name):
            key, name, role, ent = "", "Unattributed", None, None
        elif not sp.resolved:
            # the words beside the quote, as written, never merged with a named speaker
            key, name, role, ent = "u:" + sp.name.casefold(), f"“{sp.name}” (speaker unresolved)", None, None
        else:
            key = "e:" + sp.entity if sp.entity else "n:" + sp.name.casefold()
            name = entity_names.get(sp.entity or "", sp.name) or sp.name
            role, ent = sp.role, sp.entity
        g = groups.setdefault(key, QuoteGroup(name, role, ent, []))
        if g.role is None and role:
            g.role = role
        g.quotes.append(q)
    return sorted(groups.values(), key=lambda g: (g.name == "Unattributed", g.name.endswith("(speaker unresolved)"),
                                                  -len(g.quotes), g.name.casefold()))


def _fmt_num(x: float | None) -> str:
    if x is None:
        return "?"
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def fact_rows(dossier: Dossier) -> list[dict[str, Any]]:
    """Return the facts grouped by what they are about and their unit, conflicts first."""
    groups: dict[tuple[str, str], list[Any]] = defaultdict(list)
    for f in dossier.facts:
        groups[(f.about, f.unit)].append(f)
    # a figure is shown as differing only when a contested point holds it (never because two
    # unrelated figures share a unit)
    contested = {(sp.article, sp.start, sp.end) for d in dossier.disagreements if not d.agreed
                 for side in d.sides for sp in side.spans}
    rows = []
    for (about, unit), facts in groups.items():
        values = []
        for f in facts:
            text = _fmt_num(f.value) if f.value is not None else f"{_fmt_num(f.low)}–{_fmt_num(f.high)}"
            differ = f.conflict or (f.span.article, f.span.start, f.span.end) in contested
            values.append({"text": text, "span": f.span, "conflict": differ})
        rows.append({"about": about, "unit": unit, "vals": values,
                     "conflict": any(v["conflict"] for v in values)})
    rows.sort(key=lambda r: (not r["conflict"], str(r["about"]).casefold()))
    return rows


def entity_rows(dossier: Dossier) -> list[dict[str, Any]]:
    """Return entities by salience with their mention counts per article.

    Each row has ``minor`` set when the entity is outside the first 20 and has at most two
    mentions: the page lists those compactly.
    """
    short, _ = article_names(dossier)
    order = {a.id: i for i, a in enumerate(dossier.articles)}
    names = {e.id: e.name for e in dossier.entities}
    rows: list[dict[str, Any]] = []
    for e in sorted(dossier.entities, key=lambda e: (-e.salience, -len(e.mentions), e.name.casefold())):
        first: dict[str, Span] = {}
        count: Counter[str] = Counter()
        for m in e.mentions:
            count[m.article] += 1
            first.setdefault(m.article, m)
        per = [{"span": first[a], "n": count[a]} for a in sorted(first, key=lambda a: order.get(a, 0))]
        rows.append({"e": e, "aliases": [al for al in e.aliases if al != e.name], "per": per,
                     "related": [names.get(r, r) for r in e.related],
                     "minor": len(rows) >= 20 and len(e.mentions) <= 2})
    return rows


def _outlet_namer(dossier: Dossier) -> Any:
    """Return ``name(outlet)``: ``A3`` when the outlet (or article id) names exactly one article."""
    short, labels = article_names(dossier)
    by_label: dict[str, list[str]] = defaultdict(list)
    for a in dossier.articles:
        by_label[a.label].append(a.id)

    def name(outlet: str) -> str:
        if outlet in short:
            return short[outlet]
        ids = by_label.get(outlet, [])
        return short[ids[0]] if len(ids) == 1 else outlet

    return name


def _outlet_count(items: Iterable[str]) -> int:
    return len(set(items))


# --------------------------------------------------------------------------- page


# Layout bounds for large dossiers: past LAZY_AFTER articles (a "lazy" page), article texts sit
# as markup in inert data blocks (<script type="text/html">) and are laid out only when scrolled
# to or cited; quote groups past MORE_AFTER and table rows past ROWS_AFTER wait the same way
# behind a "Show N more" button, and tables inside closed <details> are filled when opened; past
# MARKUP_BUDGET characters of text, articles are shown without sentence and name markup.
LAZY_AFTER = 30
MORE_AFTER = 20
ROWS_AFTER = 25
LANES_AFTER = 30  # timeline lanes drawn on a lazy page; the whole chart waits behind "Show all"
GRAPH_NODES = 30  # articles drawn in the reuse graph of a lazy page (the most reused), likewise
QUOTES_SHOWN = 5  # quotes of one speaker laid out on a lazy page; the rest behind "Show N more"
MARKUP_BUDGET = 2_000_000
MATRIX_OUTLETS = 25  # outlets drawn in the agreement matrix (the most involved)


def to_html(dossier: Dossier, *, title: str | None = None, home_url: str | None = None) -> str:
    """Return the dossier as one self-contained HTML page (see :func:`iter_html`)."""
    return "".join(iter_html(dossier, title=title, home_url=home_url))


def iter_html(dossier: Dossier, *, title: str | None = None, home_url: str | None = None) -> Iterator[str]:
    """Yield the dossier's self-contained HTML page in pieces (written as they come, a large
    page is never held whole beside the dossier).

    Args:
        dossier: the dossier; its spans are validated first.
        title: the page title (default: derived from the articles).
        home_url: a site-relative URL (starting with ``/``) for a back link, used by the
            web app; anything else is ignored.

    Raises:
        SpanError: if a span of the dossier does not match its article's text.
    """
    dossier.validate()
    short, labels = article_names(dossier)
    sents: dict[str, list[Span]] = defaultdict(list)
    for s in dossier.sentences:
        sents[s.article].append(s)
    ments: dict[str, list[Mention]] = defaultdict(list)
    for m in dossier.mentions:
        ments[m.span.article].append(m)
    articles = []
    budget = MARKUP_BUDGET
    for a in dossier.articles:
        # past the budget, texts are kept whole (citations still land) but without markup
        marked = budget > 0
        html = article_markup(a, sents[a.id], ments[a.id]) if marked else Markup(escape(a.text))
        budget -= len(a.text)
        articles.append({"a": a, "name": short[a.id], "html": html, "words": len(a.text.split()),
                         "url": safe_url(a.url)})
    first_mention: dict[tuple[str, str], Span] = {}
    for m in dossier.mentions:
        first_mention.setdefault((m.span.text, m.label), m.span)
    mention_counts = [(name, label, n, first_mention[(name, label)])
                      for (name, label), n in Counter((m.span.text, m.label) for m in dossier.mentions).most_common(40)]
    removed = [(short[a.id], r) for a in dossier.articles for r in a.removed]
    if home_url is not None and not (home_url.startswith("/") and not home_url.startswith("//")):
        home_url = None
    if title is None:
        outlets = sorted({a.outlet for a in dossier.articles if a.outlet})
        title = f"Dossier — {len(dossier.articles)} articles" + (
            f": {_clip(', '.join(outlets), 80)}" if outlets else "")
    script, style = _load_template("dossier.js"), _load_template("dossier.css")
    entity_names = {e.id: e.name for e in dossier.entities}
    ents = entity_rows(dossier)
    lazy = len(dossier.articles) > LAZY_AFTER
    chart = full_chart = timeline_chart(dossier)
    if lazy and chart is not None and chart.total_lanes > LANES_AFTER:
        chart = timeline_chart(dossier, max_lanes=LANES_AFTER)
    graph = full_graph = reuse_graph(dossier)
    if lazy and graph is not None and graph.total_nodes > GRAPH_NODES:
        graph = reuse_graph(dossier, max_nodes=GRAPH_NODES)
    template = _ENV.get_template("dossier.html.j2")
    yield from template.generate(
        d=dossier, articles=articles, names=short, labels=labels, mention_counts=mention_counts,
        removed=removed, title=title, home_url=home_url, csp=page_csp(),
        script=Markup(script), style=Markup(style),
        summary_outlets=_outlet_count(labels[c.article] for s in dossier.summary for c in s.cites),
        entities=[r for r in ents if not r["minor"]], minor_entities=[r for r in ents if r["minor"]],
        entity_names=entity_names, outlet_name=_outlet_namer(dossier),
        quote_groups=quote_groups(dossier), graph=graph, full_graph=full_graph, quotes_shown=QUOTES_SHOWN,
        facts=fact_rows(dossier), chart=chart, full_chart=full_chart, matrix=agreement_matrix(dossier),
        low_confidence=LOW_CONFIDENCE,
        timeline=sorted(dossier.timeline, key=lambda t: (t.date is None, t.date or "", t.span.article, t.span.start)),
        clip=_clip, extra=extra_sections(dossier), lazy=lazy, no_summary=empty_summary_note(dossier),
        more_after=MORE_AFTER, rows_after=ROWS_AFTER,
    )


def sections_present(dossier: Dossier) -> Sequence[str]:
    """Return the names of the dossier sections that have content (for summaries and tests)."""
    return [name for name in ("summary", "entities", "quotes", "reuse", "facts", "claims",
                              "disagreements", "timeline", "rejected") if getattr(dossier, name)]
