"""Summary cites: does the sentence another article is cited for say the same thing? Hand labels.

Usage: .venv/bin/python bench/summary_cites.py [--split dev|heldout|all]

Each summary sentence cites its own span first, then the sentence of every other article that
"says the same thing" (``SummaryConfig.cite_similarity`` / ``cite_containment``); those cites are
what the "N outlets" count of a summary sentence rests on. A cite is right when the cited sentence
reports the same fact (or the main part of it), wrong when it only shares names, a title or
"said" with it ("X told the BBC the objects ranged from 2m to 15m" / "'We detected floating
objects,' X told Reuters"), or gives the same event another value.

Clusters: Multi-News validation clusters with 3+ articles; ``dev`` = ``random.Random(2025)
.sample(eligible, 30)`` (read while writing the ``cite_facts`` rule), ``heldout`` =
``random.Random(2026).sample`` of 30 of the others, labelled 2026-12-04 with the code before the
rule (cite_facts 0), then the threshold set on dev was checked on it once. Labels:
``bench/gold/summary_cites.json``, keyed by :func:`pair_key` (hashes of the two texts), no text
stored. One table: cites listed, labelled, right, precision, for the rule off and on, same run.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import random
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

GOLD = ROOT / "bench" / "gold" / "summary_cites.json"
CACHE = Path("/tmp/newsdossier-bench-odd.sqlite")
SPLITS = {"dev": 2025, "heldout": 2026}
N = 30


def pair_key(summary: str, cited: str) -> str:
    """``sha1(summary span)[:10]:sha1(cited span)[:10]``."""
    h = lambda t: hashlib.sha1(t.encode("utf-8")).hexdigest()[:10]  # noqa: E731
    return f"{h(summary)}:{h(cited)}"


def chosen(split: str) -> list[int]:
    """The cluster indices of a split (see the module docstring)."""
    import odd_articles as oa

    clusters = oa.load_clusters()
    eligible = [i for i, c in enumerate(clusters) if len(c) >= 3]
    dev = random.Random(SPLITS["dev"]).sample(eligible, N)
    if split == "dev":
        return dev
    return random.Random(SPLITS["heldout"]).sample([e for e in eligible if e not in dev], N)


def pairs(split: str, cite_facts: float) -> list[tuple[str, str]]:
    """(summary span, cited span) of every cite the summaries of a split list."""
    import odd_articles as oa

    from newsdossier.analysis.summary import SummaryConfig
    from newsdossier.pipeline import Options, dossier_from_articles
    from newsdossier.store import Store

    clusters = oa.load_clusters()
    cfg = dataclasses.replace(SummaryConfig(), cite_facts=cite_facts)
    out = []
    with Store(CACHE) as store:
        for ci in chosen(split):
            arts = oa._articles(clusters[ci], f"c{ci}")
            d = dossier_from_articles(arts, store=store, options=Options(only=["summary"], summary=cfg))
            out += [(s.cites[0].text, c.text) for s in d.summary for c in s.cites[1:]]
    return out


def score(found: Sequence[tuple[str, str]], labels: dict[str, bool]) -> dict[str, Any]:
    keys = [pair_key(a, b) for a, b in found]
    known = [labels[k] for k in keys if k in labels]
    return {"listed": len(keys), "labelled": len(known), "right": sum(known),
            "precision": sum(known) / len(known) if known else float("nan")}


def main(argv: Sequence[str] | None = None) -> None:
    from newsdossier.analysis.summary import SummaryConfig

    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--split", default="all", choices=("dev", "heldout", "all"))
    args = ap.parse_args(argv)
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    t = Table(title="Summary cites: the other articles a sentence is cited for (hand-labelled)")
    for col in ("split", "rule", "cites listed", "labelled", "right", "precision"):
        t.add_column(col, justify="left" if col in ("split", "rule") else "right")
    on = SummaryConfig().cite_facts
    for split in (("dev", "heldout") if args.split == "all" else (args.split,)):
        labels = {k: v for k, v in gold["labels"][split].items()}
        for name, value in (("off (cite_facts 0)", 0.0), (f"on (cite_facts {on})", on)):
            r = score(pairs(split, value), labels)
            t.add_row(split, name, str(r["listed"]), str(r["labelled"]), str(r["right"]), f"{r['precision']:.3f}")
    Console(width=160).print(t)


if __name__ == "__main__":
    main()
