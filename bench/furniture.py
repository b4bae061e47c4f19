"""Page-furniture removal on real crawled text: what is removed, and how much of it is right.

Runs the cleanup over every Multi-News article in ../shared/data/multinews_val250.jsonl,
counts removals by rule, and measures precision on a fixed random sample of removals judged
by hand. The judgements live in bench/gold/furniture_labels.json as hashes of
(article, removed text) — no text from the data set is stored. ``--show`` prints the sample
for judging; removals not yet judged are reported, never assumed right.

    python bench/furniture.py [--show]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections import Counter
from pathlib import Path

from rich.console import Console
from rich.table import Table

from newsdossier.ingest import articles_from_raw
from newsdossier.ingest.records import RawDoc

HERE = Path(__file__).resolve().parent
DATA = HERE.parent.parent / "shared" / "data" / "multinews_val250.jsonl"
LABELS = HERE / "gold" / "furniture_labels.json"


def key(source: str, text: str) -> str:
    return hashlib.sha1(f"{source}\t{text}".encode()).hexdigest()[:12]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show", action="store_true", help="print the judged sample")
    args = ap.parse_args()
    if not DATA.exists():
        print(f"missing {DATA}", file=sys.stderr)
        return 1
    labels = json.loads(LABELS.read_text())
    rows = [json.loads(line) for line in DATA.open()]
    raws = [RawDoc(f"{r['id']}/{i}", d) for r in rows for i, d in enumerate(r["documents"])]
    result = articles_from_raw(raws)
    removals = [(a.source, r) for a in result.articles for r in a.removed]
    by_rule = Counter(r.reason.split(" in ")[0] for _, r in removals)
    rng = random.Random(labels["seed"])
    sample = rng.sample(removals, min(labels["size"], len(removals)))
    bad = set(labels["false_positive"])
    judged = set(labels["judged"])
    keys = [key(src, r.text) for src, r in sample]
    if args.show:
        for k, (_src, r) in zip(keys, sample):
            mark = "FP" if k in bad else ("ok" if k in judged else "??")
            print(f"{k}\t{mark}\t{r.reason}\t{r.text[:140]!r}")
    n_judged = sum(1 for k in keys if k in judged)
    n_bad = sum(1 for k in keys if k in bad)
    precision = (n_judged - n_bad) / n_judged if n_judged else float("nan")
    docs_with = sum(1 for a in result.articles if a.removed)
    table = Table(title=f"Page furniture on Multi-News val250 ({len(raws)} articles)")
    for col in ("rule", "removals"):
        table.add_column(col)
    for rule, n in by_rule.most_common():
        table.add_row(rule, str(n))
    table.add_row("[b]all rules[/b]", f"{len(removals)} in {docs_with} articles")
    table.add_row("[b]precision (hand-judged sample)[/b]",
                  f"{precision:.3f}  ({n_judged - n_bad}/{n_judged} judged right; {len(sample) - n_judged} not judged)")
    table.add_row("[b]articles rejected as only furniture[/b]",
                  str(sum(1 for r in result.rejected if "furniture" in r.reason)))
    Console().print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
