"""Dossier to Markdown: a readable report where every statement names its source characters."""

from __future__ import annotations

from collections import Counter

from ..model import LOW_CONFIDENCE, QUOTE_LOW_CONFIDENCE, Dossier, Span
from .sections import empty_summary_note, extra_sections

# entities below this confidence are marked "(uncertain)" (a weak merge or a doubtful name)
_UNCERTAIN_ENTITY = 0.75


def _cell(text: object, limit: int = 160) -> str:
    """One table cell: one line, clipped, its pipes escaped and its markup shown as text (a
    title or quote holding ``<script>`` or ``<img>`` must never become HTML in a viewer)."""
    s = " ".join(str(text if text is not None else "").split())
    if len(s) > limit:
        s = s[: limit - 1] + "…"
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")


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
            out.append(f"- {' '.join(s.text.split())}{mark} {cites} ({count})")
        out.append("")
    elif (note := empty_summary_note(dossier)) is not None:
        out += ["## What happened", "", note, ""]
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
            rules = ", ".join(dict.fromkeys(f"{m.rule} ({m.confidence:.2f})" for m in e.merges))
            name = e.name + (" (uncertain)" if e.confidence < _UNCERTAIN_ENTITY else "")
            out.append(f"| {_cell(name)} | {e.kind} | {_cell(aliases)} | {_cell(roles, 80)} | {len(e.mentions)} | {_cell(rules, 60)} |")
        out.append("")
    elif dossier.mentions:
        counts = Counter((m.span.text, m.label) for m in dossier.mentions)
        out += ["## Names mentioned", "", "| name | type | mentions |", "|---|---|---|"]
        for (name, label), n in counts.most_common(25):
            out.append(f"| {_cell(name)} | {label} | {n} |")
        out.append("")
    if dossier.quotes:
        out += ["## Who said what", ""]
        low = sum(q.low_confidence for q in dossier.quotes)
        if low:
            out += [f"_{low} quote(s) marked ⚠ are uncertain (confidence below {QUOTE_LOW_CONFIDENCE:.1f}): "
                    "check them against the article before quoting._", ""]
        for q in dossier.quotes:
            who = q.speaker.name if q.speaker else "unknown speaker"
            if q.speaker and q.speaker.entity in names:
                who = names[q.speaker.entity]
            if q.speaker and not q.speaker.resolved:
                who = f"“{who}” (speaker unresolved)"
            mark = f" ⚠ low confidence {q.trust:.2f}" if q.low_confidence else ""
            out.append(f"- **{_cell(who, 60)}** ({q.kind}){mark}: “{_cell(q.span.text, 240)}” {refs.cite(q.span)}")
            for r in q.reprints:
                credit = f" — credited as “{_cell(r.credit, 80)}”" if r.credit else ""
                out.append(f"  - reprinted in {refs.cite(r.span)}{credit}")
            if q.reprints:
                origin = refs.names.get(q.origin, "unknown") if q.origin else "unknown (never guessed)"
                out.append(f"  - first printed by: {origin}")
        out.append("")
    if dossier.reuse:
        out += ["## Who copied whom", "", "| source | copy | similarity | direction | kind | evidence |", "|---|---|---|---|---|---|"]
        for ru in dossier.reuse:
            out.append(f"| {refs.cite(ru.source)} | {refs.cite(ru.copy)} | {ru.similarity:.2f} | {ru.direction} | {ru.kind} | {_cell(ru.evidence, 80)} |")
        out.append("")
    contested = [d for d in dossier.disagreements if not d.agreed]
    agreed = [d for d in dossier.disagreements if d.agreed]
    if contested:
        out += ["## Where sources disagree", "", "| point | status | position | outlets | holders | evidence |",
                "|---|---|---|---|---|---|"]
        for d in contested:
            status = (d.status or "contested") + (f" (low confidence, {d.confidence:.2f})" if d.confidence < LOW_CONFIDENCE else "")
            for i, side in enumerate(d.sides):
                ev = " ".join(refs.cite(s) for s in side.spans[:4])
                when = f" ({side.published})" if side.published else ""
                out.append(f"| {_cell(d.point, 60) if i == 0 else ''} | {status if i == 0 else ''} | "
                           f"{_cell(side.position, 40)}{when} | {_cell(', '.join(side.outlets), 60)} | "
                           f"{_cell(', '.join(side.holders), 60)} | {ev} |")
        out.append("")
    if agreed:
        out += ["## Where sources agree", "", "| point | status | position | outlets | independent | evidence |",
                "|---|---|---|---|---|---|"]
        for d in agreed:
            status = (d.status or "agreed") + (f" (low confidence, {d.confidence:.2f})" if d.confidence < LOW_CONFIDENCE else "")
            n = d.outlets or len({o for side in d.sides for o in side.outlets})
            ind = "—" if d.independent is None else str(d.independent)
            pos = "; ".join(side.position for side in d.sides)
            ev = " ".join(refs.cite(s) for side in d.sides for s in side.spans[:4])
            out.append(f"| {_cell(d.point, 60)} | {status} | {_cell(pos, 50)} | {n} | {ind} | {ev} |")
        out.append("")
    if dossier.claims:
        out += ["## Verdicts", "", "| about | verdict | held by | hedged | evidence |", "|---|---|---|---|---|"]
        for c in dossier.claims:
            out.append(f"| {_cell(names.get(c.target, c.target), 40)} | {c.polarity} | {_cell(c.holder.name, 50)} | "
                       f"{'yes' if c.hedged else ''} | {refs.cite(c.span)} |")
        out.append("")
    if dossier.facts:
        held = {(sp.article, sp.start, sp.end) for d in contested for side in d.sides for sp in side.spans}
        out += ["## Numbers", "", "| value | unit | counts | about | contested | evidence |", "|---|---|---|---|---|---|"]
        for f in dossier.facts:
            value = _num(f.value) if f.value is not None else f"{_num(f.low)}–{_num(f.high)}"
            differ = f.conflict or (f.span.article, f.span.start, f.span.end) in held
            out.append(f"| {value} | {_cell(f.unit, 30)} | {_cell(f.counted, 30)} | {_cell(names.get(f.about, f.about), 40)} | "
                       f"{'yes' if differ else ''} | {refs.cite(f.span)} |")
        out.append("")
    if dossier.timeline:
        out += ["## Timeline", "", "| date | expression | what | how | evidence |", "|---|---|---|---|---|"]
        for t in dossier.timeline:
            date = (t.date or "unresolved") + (" (sources differ)" if t.conflict else "")
            out.append(f"| {date} | {_cell(t.span.text, 50)} | {_cell(t.event or '', 80)} | {_cell(t.how, 60)} | {refs.cite(t.span)} |")
        out.append("")
    if dossier.agreement:
        out += ["## Agreement between sources", "",
                "Points on which two outlets take the same / opposite positions.", "",
                "| outlet | outlet | same | opposite | points both address |", "|---|---|---|---|---|"]
        for p in dossier.agreement:
            out.append(f"| {_cell(p.a, 40)} | {_cell(p.b, 40)} | {p.agree} | {p.differ} | {p.points} |")
        out.append("")
    for sec in extra_sections(dossier):
        out += [f"## {sec.title}", "", "| " + " | ".join(sec.columns) + " | evidence |",
                "|" + "---|" * (len(sec.columns) + 1)]
        for cells, spans in sec.rows:
            ev = " ".join(refs.cite(Span(e.article, e.start, e.end, e.text)) for e in spans[:4])
            out.append("| " + " | ".join(_cell(c, 80) for c in cells) + f" | {ev} |")
        out.append("")
    if dossier.problems:
        out += ["## Problems", "", "Analyses that failed on an article; everything else was built.", "",
                "| stage | article | error | message |", "|---|---|---|---|"]
        for pr in dossier.problems:
            art = refs.names.get(pr.article, pr.article) if pr.article else "all"
            out.append(f"| {pr.stage} | {art} | {pr.error} | {_cell(pr.message, 200)} |")
        out.append("")
    removed = [(a, r) for a in dossier.articles for r in a.removed]
    if removed:
        out += ["## Page furniture removed", "", "| article | removed text | why |", "|---|---|---|"]
        for a, rm in removed:
            out.append(f"| {refs.names[a.id]} | {_cell(rm.text, 100)} | {rm.reason} |")
        out.append("")
    if dossier.rejected:
        out += ["## Inputs rejected", "", "| input | reason |", "|---|---|"]
        for rj in dossier.rejected:
            out.append(f"| `{_cell(rj.source, 100)}` | {_cell(rj.reason, 200)} |")
        out.append("")
    if dossier.timings:
        out += ["## Timings", "", ", ".join(f"{k} {v:.2f}s" for k, v in dossier.timings.items()), ""]
    return "\n".join(out)
