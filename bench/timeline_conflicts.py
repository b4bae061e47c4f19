"""Timeline "sources differ" marks on big dated stories: how many are real, old rule against new.

A row of the timeline is marked ``conflict`` when another article dates the same event
differently. On the 23 DUC 2007 main clusters (25 dated articles each) the rule in use until
2026-12-02 marked 204 rows; reading a seeded sample of 20 of its pairs found none a reader would
call a contradiction (a journal "published Thursday" in 1998 and in 2000, "a Turkish official
said on Saturday / on Sunday", "in 1991" and "last year", two ends of one range).

The last columns read the dates of two labelled samples of relative expressions (``dates`` in the
gold file, see its ``about_dates``; ``split`` dev, read while fixing, and heldout, labelled
before the fixes it led to): how many each rule resolves to the date they mean.

Labels (``bench/gold/timeline_conflicts.json``, keyed ``sha1(article text)[:12]:start:end`` of
the expression, no text stored): a marked row is *real* when, read with its article's date, it
gives the event a date that another article's account of the same event contradicts (the
sources as written disagree, whichever is right); it is *not* when the other row is another
occurrence (another filing, another veto, another issue of a journal), another end of a range,
or its date was misread by the timeline. The table reports, per rule, the rows marked, the
labelled ones among them and the share real.

    python bench/timeline_conflicts.py [--old-rev 32d3364] [--cache PATH] [--show]

``--old-rev`` is the commit whose ``analysis/timeline.py`` is the old rule (run from
``git show``, in the same process and on the same parses).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from revisions import module_at, span_key  # noqa: E402
from stories import load_duc  # noqa: E402

from newsdossier import nlp  # noqa: E402
from newsdossier.analysis import timeline as current  # noqa: E402
from newsdossier.model import Article, TimelineEvent  # noqa: E402
from newsdossier.store import Store  # noqa: E402

GOLD = HERE / "gold" / "timeline_conflicts.json"


def row_key(article: Article, ev: TimelineEvent) -> str:
    """The stable id of a timeline row: ``sha1(article text)[:12]:start:end`` of its expression."""
    return span_key(article.text, ev.span.start, ev.span.end)


def old_rule(rev: str) -> ModuleType:
    """Import ``analysis/timeline.py`` as it was at ``rev`` (its siblings are today's)."""
    return module_at(rev, "newsdossier/analysis/timeline.py", "timeline_old",
                     [('@analysis("timeline"', '@(lambda *a, **k: (lambda f: f))("timeline"')])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--old-rev", default="32d3364")
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--cache", type=Path, default=None, help="a corpus store to read and keep the parses in")
    ap.add_argument("--show", action="store_true", help="list every marked row with its label")
    args = ap.parse_args()
    labels = json.loads(args.gold.read_text(encoding="utf-8"))
    gold: dict[str, dict] = labels["rows"]
    dates: dict[str, dict] = labels["dates"]
    clusters = load_duc()
    arts = [a for _, c in clusters for a in c]
    docs = nlp.parse(arts, cache=Store(args.cache) if args.cache else None)
    rules = [(f"old ({args.old_rev})", old_rule(args.old_rev)), ("new", current)]
    labelled_dates = Counter(d.get("split", "dev") for d in dates.values())
    print("| rule | clusters | rows | marked sources differ | labelled | real | precision "
          "| its seeded sample: real / labelled | relative dates right: dev sample | held-out sample | held-out 2 |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, module in rules:
        rows = marked = labelled = real = s_labelled = s_real = 0
        dated: Counter[str] = Counter()
        dated_right: Counter[str] = Counter()
        rev = args.old_rev if module is not current else "new"
        for cid, c in clusters:
            by_id = {a.id: a for a in c}
            events = module.build_timeline(c, docs)
            rows += len(events)
            for ev in events:
                want = dates.get(row_key(by_id[ev.span.article], ev))
                if want is not None:
                    split = want.get("split", "dev")
                    dated[split] += 1
                    dated_right[split] += ev.date == want["date"]
                if not ev.conflict:
                    continue
                marked += 1
                key = row_key(by_id[ev.span.article], ev)
                label = gold.get(key)
                if label is not None:
                    labelled += 1
                    real += bool(label["real"])
                    if label.get("sample") == rev:
                        s_labelled += 1
                        s_real += bool(label["real"])
                if args.show:
                    mark = "?" if label is None else ("real" if label["real"] else "not")
                    print(f"  {name} {cid} {key} {ev.date} [{ev.span.text}] {mark}", file=sys.stderr)
        share = f"{real / labelled:.3f}" if labelled else "-"
        seeded = f"{s_real} / {s_labelled} = {s_real / s_labelled:.3f}" if s_labelled else "-"
        print(f"| {name} | {len(clusters)} | {rows:,} | {marked} | {labelled} | {real} | {share} | {seeded} "
              # a labelled expression the rule no longer lists (or reads with other ends) counts as wrong
              + "".join(f"| {dated_right[k]} / {labelled_dates[k]} = {dated_right[k] / max(1, labelled_dates[k]):.3f} "
                        for k in ("dev", "heldout", "heldout2")) + "|")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
