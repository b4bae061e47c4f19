"""List the direct quotes of PolNeAR dev whose speaker is wrong (issue 14: reading the errors).

Each gold direct quote the method finds (by the bench's rule: half its characters covered) whose
predicted speaker is not the gold source is printed with its context, the predicted and the gold
speaker. Run: ``python bench/quotes_errors.py [--limit N] [--kind direct|indirect]``.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections.abc import Iterable
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _bench():
    spec = importlib.util.spec_from_file_location("bench_quotes", HERE / "quotes.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def errors(rows: list[dict], kind: str = "direct") -> list[dict]:
    """The matched gold quotes of ``kind`` with a wrong speaker: text, predicted and gold speaker."""
    from newsdossier import nlp
    from newsdossier.model import Article

    bench = _bench()
    articles = [Article.create(r["text"], f"polnear#{r['id']}") for r in rows]
    docs = nlp.parse(articles)
    direct, indirect = bench.ours(articles, docs)
    preds = direct if kind == "direct" else indirect
    out = []
    for row, art, pred in zip(rows, articles, preds):
        gold = bench.gold_items(row)[0 if kind == "direct" else 1]
        for g in gold:
            best, best_ov = None, 0
            for p in pred:
                ov = len(p.content & g.content)
                if ov >= 0.5 * len(g.content) and ov > best_ov:
                    best, best_ov = p, ov
            if best is None or not g.speaker_text or bench.same_speaker(best, g):
                continue
            a, b = min(g.content), max(g.content) + 1
            out.append({"id": row["id"], "pred": best.speaker_text, "gold": g.speaker_text,
                        "context": art.text[max(0, a - 200):a] + "[[" + art.text[a:b] + "]]" + art.text[b:b + 120]})
    return out


def main(argv: Iterable[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--kind", choices=("direct", "indirect"), default="direct")
    args = ap.parse_args(list(argv) if argv is not None else None)
    bench = _bench()
    rows = bench.load(bench.DATA, args.limit)
    found = errors(rows, args.kind)
    for e in found:
        print(f"{e['id']}: predicted {e['pred']!r}, gold {e['gold']!r}")
        print("   " + e["context"].replace("\n", " / "))
    print(f"{len(found)} {args.kind} quotes with a wrong speaker")


if __name__ == "__main__":
    main()
