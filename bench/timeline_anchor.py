"""Relative dates when the publication date is unknown: how many come out right.

The DUC 2007 main clusters give every article's publication date. Each article is read twice:
once with its date (the reference: weekdays and "last week" counted from the day it was
written) and once with the date hidden, as a crawled page without metadata is. Without a date,
the timeline counts relative expressions from a date the text itself gives; the table compares,
in the same run, the two rules for choosing that date:

* ``latest date mentioned`` — the rule before 2026-12-02: the latest full date anywhere in the text;
* ``date line only`` — the current rule: a date that dates the writing (a date line, a wire
  dateline, "Published/Updated ..."; see ``datelines.dates_the_writing``).

A deictic expression ("Monday", "last week"; not "three days later", which counts from the
article's own preceding date) resolved without the date is *right* when it equals the reference.

    python bench/timeline_anchor.py [--limit N]
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections import Counter
from pathlib import Path
from unittest import mock

from rich.console import Console
from rich.table import Table

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from stories import load_duc  # noqa: E402

from newsdossier import nlp  # noqa: E402
from newsdossier.analysis import timeline as T  # noqa: E402

# absolute dates need no anchor; "three days later" counts from the article's own preceding date
_NOT_DEICTIC = ("iso", "mdy", "dmy", "year", "decade", "anchored")


def _relative(e: T.TimelineEvent) -> bool:
    found = T.find_expressions(e.span.text)
    return bool(found) and found[0].kind not in _NOT_DEICTIC and "absolute" not in e.how


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="at most this many articles")
    args = ap.parse_args()
    arts = [a for _, cluster in load_duc() for a in cluster if a.published]
    arts = arts[: args.limit] if args.limit else arts
    pipe = nlp.load()
    counts: dict[str, Counter[str]] = {"latest date mentioned": Counter(), "date line only": Counter()}
    for art in arts:
        doc = pipe(art.text)
        ref = {e.span.start: e.date for e in T.build_timeline([art], {art.id: doc})}
        hidden = dataclasses.replace(art, published=None)
        for name, c in counts.items():
            if name == "latest date mentioned":
                with mock.patch.object(T, "dates_the_writing", lambda text, expr: True):
                    got = T.build_timeline([hidden], {art.id: doc})
            else:
                got = T.build_timeline([hidden], {art.id: doc})
            for e in got:
                if not _relative(e):
                    continue
                c["relative"] += 1
                if e.resolved:
                    c["resolved"] += 1
                    c["right"] += ref.get(e.span.start) == e.date
    table = Table(title=f"Relative dates with the publication date hidden: {len(arts)} DUC 2007 articles")
    for col in ("anchor rule", "relative expressions", "resolved", "right", "precision"):
        table.add_column(col, justify="right" if col != "anchor rule" else "left")
    for name, c in counts.items():
        prec = f"{c['right'] / c['resolved']:.3f}" if c["resolved"] else "—"
        table.add_row(name, str(c["relative"]), str(c["resolved"]), str(c["right"]), prec)
    Console().print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
