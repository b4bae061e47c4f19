"""Cross-document entity resolution: pairwise merge precision/recall on hand-made gold, and speed.

Usage: .venv/bin/python bench/entities.py [--gold PATH] [--data PATH] [--clusters N]
                                           [--throughput N] [--errors] [--seeds DIR]

Gold: ``bench/gold/entities_gold.json`` lists, for seven Multi-News clusters of
../shared/data/multinews_val250.jsonl, the name strings that denote one real-world entity
(names only; annotated by hand). The articles of each cluster are cleaned the way the
pipeline cleans them (``articles_from_raw``: furniture removal) and parsed with spaCy.

Scoring is pairwise over the gold name strings of each cluster: a pair is *gold-positive*
when both strings denote the same entity, *predicted-positive* when the system puts both
strings in one entity (a string is assigned to the entity holding most of its mentions; a
gold string no system mention carries is a singleton). Micro-averaged over clusters.

Rows, all computed in the same run on the same trimmed mention strings:
* ``newsdossier`` - :func:`resolve_entities`;
* ``exact (lowercase)`` - the simple baseline: strings equal after lowercasing;
* ``fuzzy (token-set >= 85)`` - single-link clustering of the strings by RapidFuzz
  token-set ratio, the usual quick fix, to show what naive fuzzy matching costs.

Throughput: spaCy mentions read per second by the resolution step alone (parsing
excluded), over the gold clusters plus ``--throughput`` further clusters.

``--seeds DIR`` instead prints the entities of the seed articles for an eye check.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsdossier import nlp  # noqa: E402
from newsdossier.analysis.entities import mention_count, resolve_entities  # noqa: E402
from newsdossier.analysis.entities.mentions import extract  # noqa: E402
from newsdossier.ingest import articles_from_raw  # noqa: E402
from newsdossier.ingest.records import RawDoc  # noqa: E402
from newsdossier.model import Article  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "multinews_val250.jsonl"
GOLD = ROOT / "bench" / "gold" / "entities_gold.json"

Assign = Callable[[Sequence[Article], Mapping[str, object]], dict[str, int]]


def load_clusters(data: Path, ids: Sequence[str] | None = None, extra: int = 0) -> dict[str, list[Article]]:
    """Return cleaned articles of the clusters ``ids`` plus ``extra`` further clusters."""
    out: dict[str, list[Article]] = {}
    wanted = set(ids or ())
    others = 0
    with data.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["id"] in wanted or (others < extra and row["id"] not in wanted and (others := others + 1)):
                raws = [RawDoc(f"{row['id']}#{i}", d) for i, d in enumerate(row["documents"])]
                out[row["id"]] = articles_from_raw(raws).articles
    return out


def ours(arts: Sequence[Article], docs: Mapping[str, object]) -> dict[str, int]:
    """Map each mention string to the id number of the entity holding most of its mentions."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for n, ent in enumerate(resolve_entities(arts, docs)):
        for span in ent.mentions:
            votes[span.text][n] += 1
    return {s: c.most_common(1)[0][0] for s, c in votes.items()}


def _surfaces(arts: Sequence[Article], docs: Mapping[str, object]) -> list[str]:
    mentions, _ = extract(arts, docs)
    return sorted({m.span.text for m in mentions})


def exact_lower(arts: Sequence[Article], docs: Mapping[str, object]) -> dict[str, int]:
    """Baseline: strings equal after lowercasing are one entity."""
    ids: dict[str, int] = {}
    return {s: ids.setdefault(s.lower(), len(ids)) for s in _surfaces(arts, docs)}


def fuzzy(arts: Sequence[Article], docs: Mapping[str, object], threshold: float = 85.0) -> dict[str, int]:
    """Baseline: single-link clustering by RapidFuzz token-set ratio >= ``threshold``."""
    from rapidfuzz import fuzz

    strings = _surfaces(arts, docs)
    parent = list(range(len(strings)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in combinations(range(len(strings)), 2):
        if fuzz.token_set_ratio(strings[i].lower(), strings[j].lower()) >= threshold:
            parent[find(i)] = find(j)
    return {s: find(i) for i, s in enumerate(strings)}


def pair_counts(gold: Sequence[Sequence[str]], assign: Mapping[str, int]) -> tuple[int, int, int, list]:
    """Return (true positives, predicted pairs, gold pairs, wrong merges) over gold strings."""
    label = {s: k for k, ent in enumerate(gold) for s in ent}
    strings = sorted(label)
    tp = pred = gold_pairs = 0
    wrong = []
    for a, b in combinations(strings, 2):
        same_gold = label[a] == label[b]
        same_pred = a in assign and b in assign and assign[a] == assign[b]
        gold_pairs += same_gold
        pred += same_pred
        tp += same_gold and same_pred
        if same_pred and not same_gold:
            wrong.append((a, b))
    return tp, pred, gold_pairs, wrong


def prf(tp: int, pred: int, gold: int) -> tuple[float, float, float]:
    p = tp / pred if pred else 1.0
    r = tp / gold if gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def evaluate(gold: Sequence[Mapping], clusters: Mapping[str, list[Article]], docs: Mapping[str, object],
             systems: Mapping[str, Assign]) -> dict[str, dict]:
    """Score each system over the gold clusters; returns counts, P/R/F1, speed and errors."""
    out: dict[str, dict] = {}
    for name, system in systems.items():
        tp = pred = gpairs = mentions = 0
        seconds = 0.0
        errors: list = []
        for cluster in gold:
            arts = clusters[cluster["id"]]
            t0 = time.perf_counter()
            assign = system(arts, docs)
            seconds += time.perf_counter() - t0
            mentions += mention_count(arts, docs)
            a, b, c, wrong = pair_counts(cluster["entities"], assign)
            tp, pred, gpairs = tp + a, pred + b, gpairs + c
            errors.extend((cluster["id"], w) for w in wrong)
        p, r, f = prf(tp, pred, gpairs)
        out[name] = {"tp": tp, "pred": pred, "gold": gpairs, "precision": p, "recall": r, "f1": f,
                     "mentions": mentions, "seconds": seconds, "errors": errors}
    return out


def throughput(clusters: Mapping[str, list[Article]], docs: Mapping[str, object]) -> tuple[int, float]:
    """Return (spaCy mentions, seconds) of resolve_entities over all clusters."""
    from newsdossier.analysis.entities import names

    names._skeleton.cache_clear()  # time a cold memo, as in a fresh process
    total, seconds = 0, 0.0
    for arts in clusters.values():
        total += mention_count(arts, docs)
        t0 = time.perf_counter()
        resolve_entities(arts, docs)
        seconds += time.perf_counter() - t0
    return total, seconds


def _seeds(path: Path) -> None:
    from newsdossier.ingest import ingest

    arts = ingest([path]).articles
    docs = nlp.parse(arts)
    for ent in resolve_entities(arts, docs)[:40]:
        print(f"{ent.id:>4} {ent.kind:<12} {ent.name!r:<36} n={len(ent.mentions):<3} aliases={list(ent.aliases)}"
              + (f" related={list(ent.related)}" if ent.related else ""))


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--clusters", type=int, default=0, help="use only the first N gold clusters (0 = all)")
    ap.add_argument("--throughput", type=int, default=30, help="extra clusters timed for throughput")
    ap.add_argument("--errors", action="store_true", help="list wrong merges of each system")
    ap.add_argument("--seeds", type=Path, default=None, help="print the entities of the seed articles instead")
    args = ap.parse_args(argv)
    if args.seeds:
        _seeds(args.seeds)
        return
    gold = json.loads(args.gold.read_text(encoding="utf-8"))["clusters"]
    if args.clusters:
        gold = gold[: args.clusters]
    clusters = load_clusters(args.data, [c["id"] for c in gold], extra=args.throughput)
    all_articles = [a for arts in clusters.values() for a in arts]
    t0 = time.perf_counter()
    docs = nlp.parse(all_articles)
    parse_s = time.perf_counter() - t0
    systems = {"newsdossier": ours, "exact (lowercase)": exact_lower, "fuzzy (token-set >= 85)": fuzzy}
    splits = {"dev": [c for c in gold if c.get("split") == "dev"],
              "held-out": [c for c in gold if c.get("split") == "held-out"], "all": gold}
    res = {split: evaluate(part, clusters, docs, systems) for split, part in splits.items() if part}
    n_mentions, seconds = throughput(clusters, docs)
    n_gold_strings = sum(len(s) for c in gold for s in c["entities"])
    print(f"Entity resolution on {len(gold)} Multi-News clusters ({sum(len(clusters[c['id']]) for c in gold)} "
          f"articles, {sum(len(c['entities']) for c in gold)} gold entities, {n_gold_strings} gold strings; "
          f"dev {len(splits['dev'])} / held-out {len(splits['held-out'])} clusters); "
          "pairwise over gold strings, micro-averaged")
    print(f"{'system':<26} {'split':<9} {'precision':>9} {'recall':>7} {'F1':>6} {'TP':>5} {'pred':>5} "
          f"{'gold':>5} {'mentions/s':>11}")
    for name in systems:
        for split, by_system in res.items():
            r = by_system[name]
            speed = r["mentions"] / r["seconds"] if r["seconds"] else float("inf")
            print(f"{name:<26} {split:<9} {r['precision']:>9.3f} {r['recall']:>7.3f} {r['f1']:>6.3f} "
                  f"{r['tp']:>5} {r['pred']:>5} {r['gold']:>5} {speed:>11,.0f}")
    print(f"throughput of resolve_entities over {len(clusters)} clusters ({len(all_articles)} articles): "
          f"{n_mentions:,} spaCy mentions in {seconds:.2f} s = {n_mentions / seconds:,.0f} mentions/s "
          f"(spaCy parse of the same articles: {parse_s:.1f} s)")
    if args.errors:
        for name, r in res["all"].items():
            for cid, (a, b) in r["errors"]:
                print(f"  wrong merge [{name}] {cid[-3:]}: {a!r} + {b!r}")


if __name__ == "__main__":
    main()
