"""Reprint chains on dated DUC 2007 clusters: are the joined quotes one statement, is the origin right.

Six DUC 2007 main clusters drawn with ``random.Random(7).sample(range(23), 6)``. Every chain
(quote with reprints) main's method gave was labelled before any change (see the gold file's
``about``): each appearance gets a statement id (two appearances are the same statement when
they have the same id), and each statement the key of the earliest-dated article printing it
(``null`` when dates tie: the right answer is then "unknown").

Keys: ``sha1(article text)[:12]:start:end`` of the quoted span (no text stored).

    python bench/quote_reprints.py [--old-rev aca0e7b] [--cache /tmp/summ_parses.sqlite] [--dump]

``--old-rev`` is the commit whose ``analysis/quotes/provenance.py`` is the old method (run from
``git show`` on the same appearances, in the same process).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from revisions import module_at, span_key  # noqa: E402
from stories import load_duc  # noqa: E402

import newsdossier.analysis.quotes as quotes_pkg  # noqa: E402
from newsdossier.analysis.quotes import provenance as current  # noqa: E402
from newsdossier.model import Article  # noqa: E402
from newsdossier.pipeline import Options, dossier_from_articles  # noqa: E402
from newsdossier.store import Store  # noqa: E402

GOLD = HERE / "gold" / "quote_reprints.json"
SEED, DRAW = 7, 6


def key(article: Article, start: int, end: int) -> str:
    return span_key(article.text, start, end)


def old_method(rev: str) -> ModuleType:
    return module_at(rev, "newsdossier/analysis/quotes/provenance.py", "provenance_old")


def appearances(arts: list[Article], store: Store) -> list:
    """The appearances the quotes component hands to ``chain`` (recorded from one build)."""
    seen: list = []
    real = quotes_pkg.chain

    def record(apps):  # type: ignore[no-untyped-def]
        seen.extend(apps)
        return real(apps)

    quotes_pkg.chain = record
    try:
        dossier_from_articles(arts, options=Options(only=["quotes"]), store=store)
    finally:
        quotes_pkg.chain = real
    return seen


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--old-rev", default="aca0e7b")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/summ_parses.sqlite"))
    ap.add_argument("--dump", action="store_true", help="print every chain of the old method, to label")
    args = ap.parse_args()
    clusters = load_duc()
    picked = random.Random(SEED).sample(range(len(clusters)), DRAW)
    gold = json.loads(GOLD.read_text(encoding="utf-8")) if GOLD.exists() else {"appearances": {}, "statements": {}}
    apps_of = {}
    store = Store(args.cache)
    for n in picked:
        apps_of[n] = appearances(clusters[n][1], store)
    methods = [(f"main ({args.old_rev})", old_method(args.old_rev)), ("branch", current)]
    if args.dump:
        for n in picked:
            by_id = {a.id: a for a in clusters[n][1]}
            for q in methods[0][1].chain(apps_of[n]):
                if not q.reprints:
                    continue
                print(f"== cluster {n} {clusters[n][0]} kind={q.kind.value} origin={q.origin}")
                for s in (q.span, *(r.span for r in q.reprints)):
                    a = by_id[s.article]
                    print(f"  {key(a, s.start, s.end)} {a.published_at:%Y-%m-%d} {a.id[:8]} | {a.text[s.start:s.end][:150]!r}")
        return 0
    print(f"DUC 2007 clusters {sorted(picked)} (random.Random({SEED}).sample(range(23), {DRAW}))\n")
    print("| method | chains | pairs listed | labelled | same statement | precision | origin given | origin right | origin wrong |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, module in methods:
        chains = pairs = labelled = right = given = o_right = o_wrong = 0
        for n in picked:
            by_id = {a.id: a for a in clusters[n][1]}
            for q in module.chain(apps_of[n]):
                if not q.reprints:
                    continue
                chains += 1
                rep = key(by_id[q.span.article], q.span.start, q.span.end)
                s_rep = gold["appearances"].get(rep)
                for r in q.reprints:
                    pairs += 1
                    s = gold["appearances"].get(key(by_id[r.span.article], r.span.start, r.span.end))
                    if s is not None and s_rep is not None:
                        labelled += 1
                        right += s == s_rep
                if q.origin is not None:
                    given += 1
                    want = gold["statements"].get(s_rep or "", {}).get("origin", "?")
                    ok = want is not None and want != "?" and want == hashlib.sha1(
                        by_id[q.origin].text.encode("utf-8")).hexdigest()[:12]
                    # an origin is right only if every joined appearance is that statement
                    members = [gold["appearances"].get(key(by_id[r.span.article], r.span.start, r.span.end))
                               for r in q.reprints]
                    ok = ok and all(m == s_rep for m in members)
                    o_right += ok
                    o_wrong += not ok
        prec = f"{right / labelled:.2f}" if labelled else "-"
        print(f"| {name} | {chains} | {pairs} | {labelled} | {right} | {prec} | {given} | {o_right} | {o_wrong} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
