"""Where the indirect recall goes on PolNeAR dev: every missed gold indirect attribution, bucketed by why.

Run: ``python bench/quotes_indirect_misses.py [--limit N] [--cache /tmp/NAME/parses.sqlite] [--examples K]``

A gold indirect attribution (``bench/quotes.py``'s split: its content does not open with a mark) is
*missed* when no predicted indirect quote holds half its characters (the bench's recall rule).
Each miss gets the first bucket that applies, in this order:

* ``span: partial``: a predicted indirect quote overlaps the gold content but holds less than half
  of it (the attribution was seen; its span is cut short or runs elsewhere);
* ``threshold``: the default run misses it, the same run with every model threshold at 0 finds it
  (a candidate the model scored below its cut, any form, the noun form included);
* ``candidate, span``: a model candidate's cue is the gold cue but its span holds less than half of
  the gold content (the content is elsewhere: before the cue, over two sentences, around a quote);
* ``filtered``: a candidate (rules or model) with the gold cue and a matching span exists but a
  later filter dropped it (negation, inanimate source, nested belief, question, ...);
* no candidate, by the gold cue: ``according to``; ``no cue`` (a colon, a headline, none given);
  ``nominal cue`` (the cue's head is a noun: "his claim that", "in a statement"); and for a verb
  cue, by the gold content's relation to it: ``content before cue`` (", X said" with no parse
  link), ``content = object`` (a noun phrase: "announced the plan", topics), ``content = ccomp``,
  ``content = xcomp``, ``content = prep`` ("talked about", "commented on"), ``content other``; a
  gold with no source (``source missing``) is bucketed before the cue tests.

Every miss is also classed by its cue: ``speech`` (a speech verb or noun, or "according to"),
``cognition`` (a belief or evidence verb) or ``other`` (actions, stances, intentions); recall is
printed for each class. Examples are printed with ``--examples K`` (dev text: read it, never copy
it into package code).
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from newsdossier.analysis.quotes import QuotesConfig, extract_quotes  # noqa: E402
from newsdossier.analysis.quotes.learned import candidates  # noqa: E402
from newsdossier.analysis.quotes.marks import find_marked  # noqa: E402
from newsdossier.lang.en import COGNITION_VERBS, EVIDENCE_VERBS, SPEECH_NOUNS, SPEECH_VERBS  # noqa: E402


def _bench():
    from quotes_errors import _bench as load  # noqa: PLC0415

    return load()


def _covered(pred, g) -> bool:
    return any(len(p.content & g.content) >= 0.5 * len(g.content) for p in pred)


def cue_class(att: dict, doc) -> tuple[str, object]:
    """The class of a gold cue (speech / cognition / other / none) and its head token (or None)."""
    cue = att.get("cue")
    if not cue:
        return "none", None
    if "according" in cue["text"].lower():
        return "speech", None
    span = doc.char_span(cue["start"], cue["end"], alignment_mode="expand")
    if span is None or not len(span):
        return "none", None
    toks = [t for t in span if t.pos_ in ("VERB", "NOUN", "AUX")] or list(span)
    head = min(toks, key=lambda t: (t.pos_ == "AUX", -sum(1 for _ in t.children)))
    lemmas = {t.lemma_.lower() for t in span}
    if lemmas & (SPEECH_VERBS | SPEECH_NOUNS):
        return "speech", head
    if lemmas & (COGNITION_VERBS | EVIDENCE_VERBS):
        return "cognition", head
    return "other", head


def _no_candidate_bucket(att: dict, doc, head, text: str) -> str:
    cue = att.get("cue")
    if not att.get("source"):
        return "no candidate: source missing"
    if not cue or head is None:
        if cue and "according" in cue["text"].lower():
            return "no candidate: according to"
        return "no candidate: no cue"
    if head.pos_ in ("NOUN", "PROPN"):
        return "no candidate: nominal cue"
    c = att["content"]
    if c["end"] <= cue["start"]:
        return "no candidate: content before cue"
    span = doc.char_span(c["start"], c["end"], alignment_mode="expand")
    if span is None or not len(span):
        return "no candidate: content other"
    root = span.root
    if root.head.i == head.i or any(t.head.i == head.i for t in span if t.i == root.i):
        dep = root.dep_
    else:
        dep = next((t.dep_ for t in span if t.head.i == head.i), "none")
    if dep in ("dobj", "attr", "oprd"):
        return "no candidate: content = object"
    if dep == "ccomp":
        return "no candidate: content = ccomp"
    if dep == "xcomp":
        return "no candidate: content = xcomp"
    if dep in ("prep", "pobj", "pcomp"):
        return "no candidate: content = prep"
    return "no candidate: content other"


def buckets(rows: list[dict], cache: Path | None = None) -> tuple[list[dict], dict[str, Counter]]:
    """Every missed gold indirect attribution with its bucket, and found / gold counts per cue class."""
    bench = _bench()
    articles, docs = bench.parse_rows(rows, cache)
    _, pred = bench.ours(articles, docs)
    loose = functools.partial(extract_quotes, config=QuotesConfig(model_threshold=0.0))
    _, pred0 = bench.ours(articles, docs, loose)
    misses: list[dict] = []
    tally: dict[str, Counter] = defaultdict(Counter)
    for row, art, p, p0 in zip(rows, articles, pred, pred0):
        doc = docs[art.id]
        text = art.text
        _, gold = bench.gold_items(row)
        atts = [a for a in row["attributions"] if a.get("content")]
        by_chars = {bench._chars(a["content"]): a for a in atts}
        blocked = [(q.open, q.after) for q in find_marked(text)]
        cands = list(candidates(doc, blocked))
        for g in gold:
            att = by_chars[g.content]
            cls, head = cue_class(att, doc)
            tally[cls]["gold"] += 1
            if _covered(p, g):
                tally[cls]["found"] += 1
                continue
            cue = att.get("cue")
            cue_chars = set(range(cue["start"], cue["end"])) if cue else set()
            mine = [c for c in cands if cue_chars & set(range(c.cue.idx, c.cue.idx + len(c.cue.text)))]
            if any(p_.content & g.content for p_ in p):
                why = "span: partial"
            elif _covered(p0, g):
                why = "threshold"
            elif mine and not any(len(set(range(c.start, c.end)) & g.content) >= 0.5 * len(g.content) for c in mine):
                why = "candidate, span"
            elif mine:
                why = "filtered"
            else:
                why = _no_candidate_bucket(att, doc, head, text)
            a, b = min(g.content), max(g.content) + 1
            misses.append({"id": row["id"], "bucket": why, "class": cls,
                           "cue": cue["text"] if cue else None,
                           "source": (att.get("source") or {}).get("text"),
                           "context": text[max(0, a - 120):a] + "[[" + text[a:b] + "]]" + text[b:b + 80]})
    return misses, tally


def render(misses: list[dict], tally: dict[str, Counter], examples: int = 0) -> str:
    n = len(misses)
    counts = Counter(m["bucket"] for m in misses)
    by_cls: dict[str, Counter] = defaultdict(Counter)
    for m in misses:
        by_cls[m["bucket"]][m["class"]] += 1
    lines = [f"PolNeAR dev: {n} missed indirect gold attributions, by why",
             f"{'bucket':36} {'misses':>7} {'share':>6} {'speech':>7} {'cogn.':>6} {'other':>6} {'none':>5}"]
    for b, k in counts.most_common():
        c = by_cls[b]
        lines.append(f"{b:36} {k:7d} {100 * k / n:5.1f}% {c['speech']:7d} {c['cognition']:6d} {c['other']:6d} {c['none']:5d}")
    lines.append("")
    lines.append(f"{'cue class':12} {'gold':>6} {'found':>6} {'recall':>7}")
    for cls in ("speech", "cognition", "other", "none"):
        t = tally.get(cls, Counter())
        lines.append(f"{cls:12} {t['gold']:6d} {t['found']:6d} {100 * t['found'] / max(t['gold'], 1):6.1f}%")
    tot_g = sum(t["gold"] for t in tally.values())
    tot_f = sum(t["found"] for t in tally.values())
    lines.append(f"{'all':12} {tot_g:6d} {tot_f:6d} {100 * tot_f / max(tot_g, 1):6.1f}%")
    if examples:
        for b, _ in counts.most_common():
            lines.append("")
            lines.append(f"== {b}")
            for m in [m for m in misses if m["bucket"] == b][:examples]:
                lines.append(f"  [{m['class']}] cue={m['cue']!r} source={m['source']!r}")
                lines.append("    " + m["context"].replace("\n", " / "))
    return "\n".join(lines)


def main(argv: Iterable[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--cache", type=Path, default=None, help="a parse cache (SQLite store) to read and fill")
    ap.add_argument("--examples", type=int, default=0, help="print this many examples per bucket")
    ap.add_argument("--bucket", default=None, help="print every example of this bucket")
    ap.add_argument("--cls", default=None, help="with --bucket: only misses of this cue class")
    args = ap.parse_args(list(argv) if argv is not None else None)
    bench = _bench()
    rows = bench.load(bench.DATA, args.limit)
    misses, tally = buckets(rows, args.cache)
    print(render(misses, tally, args.examples))
    if args.bucket:
        for m in misses:
            if m["bucket"] == args.bucket and args.cls in (None, m["class"]):
                print(f"  [{m['class']}] cue={m['cue']!r} source={m['source']!r}")
                print("    " + m["context"].replace("\n", " / "))


if __name__ == "__main__":
    main()
