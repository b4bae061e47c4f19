"""Dossier to Markdown: a readable report where every statement names its source characters."""

from __future__ import annotations

from collections import Counter

from ..model import Dossier, Span


def _cell(text: object, limit: int = 160) -> str:
    s = " ".join(str(text if text is not None else "").split())
    if len(s) > limit:
        s = s[: limit - 1] + "…"
    return s.replace("|", "\\|")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _num(x: float | None) -> str:
    if x is None:
        return "?"
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,.2f}"


class _Refs:
    """Short names for articles (A1, A2…) used in citations."""

    def __init__(self, dossier: Dossier) -> None:
        self.names = {a.id: f"A{i}" for i, a in enumerate(dossier.articles, start=1)}

    def cite(self, span: Span) -> str:
        return f"[{self.names.get(span.article, span.article)}:{span.start}-{span.end}]"


def to_markdown(dossier: Dossier) -> str:
    """Return the dossier as a Markdown document."""
    refs = _Refs(dossier)
    out: list[str] = ["# Dossier", ""]
    words = sum(len(a.text.split()) for a in dossier.articles)
    out.append(
        f"{_plural(len(dossier.articles), 'article')} ({words:,} words), {_plural(len(dossier.rejected), 'input')} rejected, "
        f"{len(dossier.sentences)} sentences, {len(dossier.mentions)} name mentions. "
        "Citations read `[A2:120-180]`: article A2, characters 120 to 180 of its text."
    )
    out.append("")
    if dossier.summary:
        update = any(s.novelty is not None for s in dossier.summary)
        out += ["## What is new" if update else "## What happened", ""]
        if update:
            out += ["Only what these articles add beyond the earlier articles of the story.", ""]
        central = [s for s in dossier.summary if s.relevance is not None and s.basis == "central"]
        if central:
            out += [f"Few sentences answer the question; {_plural(len(central), 'sentence')} marked "
                    "*(central)* give the story's gist instead.", ""]
        for s in dossier.summary:
            cites = " ".join(refs.cite(c) for c in s.cites)
            count = _plural(s.outlets, "outlet") + (f", {s.independent} independent" if s.independent is not None else "")
            mark = " *(central)*" if s in central else ""
            out.append(f"- {s.text}{mark} {cites} ({count})")
        out.append("")
    out += ["## Sources", "", "| | outlet | title | published | words | source |", "|---|---|---|---|---|---|"]
    for a in dossier.articles:
        out.append(
            f"| {refs.names[a.id]} | {_cell(a.outlet or '—')} | {_cell(a.title or '—', 80)} | "
            f"{a.published or 'unknown'} | {len(a.text.split())} | `{_cell(a.source, 80)}` |"
        )
    out.append("")
    names = {e.id: e.name for e in dossier.entities}
    if dossier.entities:
        out += ["## Who is involved", "", "| name | kind | also written | roles | mentions | merged by |", "|---|---|---|---|---|---|"]
        for e in dossier.entities:
            aliases = ", ".join(x for x in e.aliases if x != e.name)
            roles = "; ".join(dict.fromkeys(r.text for r in e.roles))
            rules = ", ".join(dict.fromkeys(m.rule for m in e.merges))
            out.append(f"| {_cell(e.name)} | {e.kind} | {_cell(aliases)} | {_cell(roles, 80)} | {len(e.mentions)} | {_cell(rules, 60)} |")
        out.append("")
    elif dossier.mentions:
        counts = Counter((m.span.text, m.label) for m in dossier.mentions)
        out += ["## Names mentioned", "", "| name | type | mentions |", "|---|---|---|"]
        for (name, label), n in counts.most_common(25):
            out.append(f"| {_cell(name)} | {label} | {n} |")
        out.append("")
    if dossier.quotes:
        out += ["## Who said what", ""]
        for q in dossier.quotes:
            who = q.speaker.name if q.speaker else "unknown speaker"
            if q.speaker and q.speaker.entity in names:
                who = names[q.speaker.entity]
            out.append(f"- **{_cell(who, 60)}** ({q.kind}): “{_cell(q.span.text, 240)}” {refs.cite(q.span)}")
            for r in q.reprints:
                credit = f" — credited as “{_cell(r.credit, 80)}”" if r.credit else ""
                out.append(f"  - reprinted in {refs.cite(r.span)}{credit}")
            if q.reprints:
                origin = refs.names.get(q.origin, "unknown") if q.origin else "unknown (never guessed)"
                out.append(f"  - first printed by: {origin}")
        out.append("")
    if dossier.reuse:
        out += ["## Who copied whom", "", "| source | copy | similarity | direction | kind | evidence |", "|---|---|---|---|---|---|"]
        for r in dossier.reuse:
            out.append(f"| {refs.cite(r.source)} | {refs.cite(r.copy)} | {r.similarity:.2f} | {r.direction} | {r.kind} | {_cell(r.evidence, 80)} |")
        out.append("")
    if dossier.disagreements:
        out += ["## Where sources disagree", "", "| point | position | outlets | holders | evidence |", "|---|---|---|---|---|"]
        for d in dossier.disagreements:
            for side in d.sides:
                ev = " ".join(refs.cite(s) for s in side.spans[:4])
                out.append(f"| {_cell(d.point, 60)} | {_cell(side.position, 40)} | {_cell(', '.join(side.outlets), 60)} | "
                           f"{_cell(', '.join(side.holders), 60)} | {ev} |")
        out.append("")
    if dossier.claims:
        out += ["## Verdicts", "", "| about | verdict | held by | hedged | evidence |", "|---|---|---|---|---|"]
        for c in dossier.claims:
            out.append(f"| {_cell(names.get(c.target, c.target), 40)} | {c.polarity} | {_cell(c.holder.name, 50)} | "
                       f"{'yes' if c.hedged else ''} | {refs.cite(c.span)} |")
        out.append("")
    if dossier.facts:
        out += ["## Numbers", "", "| value | unit | about | conflict | evidence |", "|---|---|---|---|---|"]
        for f in dossier.facts:
            value = _num(f.value) if f.value is not None else f"{_num(f.low)}–{_num(f.high)}"
            out.append(f"| {value} | {_cell(f.unit, 30)} | {_cell(names.get(f.about, f.about), 40)} | {'yes' if f.conflict else ''} | {refs.cite(f.span)} |")
        out.append("")
    if dossier.timeline:
        out += ["## Timeline", "", "| date | expression | what | how | evidence |", "|---|---|---|---|---|"]
        for t in dossier.timeline:
            date = (t.date or "unresolved") + (" (sources differ)" if t.conflict else "")
            out.append(f"| {date} | {_cell(t.span.text, 50)} | {_cell(t.event or '', 80)} | {_cell(t.how, 60)} | {refs.cite(t.span)} |")
        out.append("")
    removed = [(a, r) for a in dossier.articles for r in a.removed]
    if removed:
        out += ["## Page furniture removed", "", "| article | removed text | why |", "|---|---|---|"]
        for a, r in removed:
            out.append(f"| {refs.names[a.id]} | {_cell(r.text, 100)} | {r.reason} |")
        out.append("")
    if dossier.rejected:
        out += ["## Inputs rejected", "", "| input | reason |", "|---|---|"]
        for r in dossier.rejected:
            out.append(f"| `{_cell(r.source, 100)}` | {_cell(r.reason, 200)} |")
        out.append("")
    if dossier.timings:
        out += ["## Timings", "", ", ".join(f"{k} {v:.2f}s" for k, v in dossier.timings.items()), ""]
    return "\n".join(out)
