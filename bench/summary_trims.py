"""Benchmark: how the compressed summary sentences read (hand labels in bench/gold/summary_trims.json).

With sentence compression on (``trim_connectives`` and ``trim_attributions``, see
``newsdossier/analysis/summary/compress.py``), every summary sentence whose text is not its
cited span verbatim was cut. This script lists them for Multi-News clusters ``--offset`` ..
``--offset + --limit`` (250 words), shuffled with ``--seed``, the first ``--sample`` of them
with the source sentence and the summary's reading (``--show``), and scores the hand labels:
per kind of cut, how many of the labelled ones stand alone.

Labels are keyed by cluster id, the SHA-1 of the article text (first 12 hex digits) and the
offsets of the source sentence and of the cited span; no article text is stored.

Usage::

    python bench/summary_trims.py --cache /tmp/parses.sqlite --offset 0 --limit 100 [--show]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from summary_data import load  # noqa: E402

from newsdossier import nlp  # noqa: E402
from newsdossier.analysis import summary as summ  # noqa: E402
from newsdossier.store import Store  # noqa: E402

GOLD = Path(__file__).resolve().parent / "gold" / "summary_trims.json"


def key(cluster: str, article_text: str, sentence: tuple[int, int], cut: tuple[int, int]) -> str:
    sha = hashlib.sha1(article_text.encode("utf-8")).hexdigest()[:12]
    return f"{cluster}:{sha}:{sentence[0]}-{sentence[1]}:{cut[0]}-{cut[1]}"


def trimmed(offset: int, limit: int, cache: str | None) -> list[dict[str, Any]]:
    """Return every cut summary sentence of the clusters, with its key, kind and texts."""
    store = Store(cache) if cache else None
    pipe = nlp.load()
    cfg = summ.SummaryConfig(trim_connectives=True, trim_attributions=True)
    out: list[dict[str, Any]] = []
    for case in load("multinews")[offset:offset + limit]:
        docs = nlp.parse(case.articles, cache=store, nlp=pipe)
        by_id = {a.id: a for a in case.articles}
        for s in summ.summarize(case.articles, docs, words=250, config=cfg):
            c = s.cites[0]
            if s.text == c.text:
                continue
            art = by_id[c.article]
            sent = next(x for x in docs[art.id].sents if x.start_char <= c.start < x.end_char)
            kinds = [k for k, on in (("connective", s.text[:1] != c.text[:1]),
                                     ("attribution", s.text.endswith(".") and not c.text.endswith("."))) if on]
            out.append({"key": key(case.id, art.text, (sent.start_char, sent.end_char), (c.start, c.end)),
                        "kind": "+".join(kinds), "source": art.text[sent.start_char:sent.end_char].strip(),
                        "summary": s.text})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--offset", type=int, default=0)
    ap.add_argument("--limit", type=int, default=100)
    ap.add_argument("--seed", type=int, default=20261203)
    ap.add_argument("--sample", type=int, default=20)
    ap.add_argument("--cache", type=str, default=None, help="sqlite file caching spaCy parses")
    ap.add_argument("--show", action="store_true", help="print the sample's sentences")
    args = ap.parse_args(argv)
    items = trimmed(args.offset, args.limit, args.cache)
    random.Random(args.seed).shuffle(items)
    sample = items[: args.sample]
    labels: dict[str, str] = {}
    if GOLD.is_file():
        for split in json.loads(GOLD.read_text(encoding="utf-8"))["splits"].values():
            labels.update(split["labels"])
    print(f"clusters {args.offset}-{args.offset + args.limit - 1}: {len(items)} cut sentences; "
          f"sample of {len(sample)} (seed {args.seed})")
    scores: Counter[tuple[str, str]] = Counter()
    for it in sample:
        verdict = labels.get(it["key"], "unlabelled")
        scores[(it["kind"], verdict)] += 1
        if args.show:
            print(f"\n{it['key']}  [{it['kind']}] {verdict}\n  source:  {it['source']}\n  summary: {it['summary']}")
    for kind in sorted({k for k, _ in scores}):
        row = {v: n for (k, v), n in scores.items() if k == kind}
        print(f"{kind:<12} " + ", ".join(f"{v} {n}" for v, n in sorted(row.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
