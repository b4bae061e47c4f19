"""One odd article in a real story: does it sink the build, slow it, or change what the rest says?

Usage: .venv/bin/python bench/odd_articles.py [--clusters 3] [--kinds roster,table,...] [--seed 4]

A journalist's folder often holds one article that is not like the others: a 150 KB live blog, a
list of victims' names, a results table, an interview transcript, a chronology, a page that
repeats one paragraph, an all-capitals wire story, an exact duplicate, an article of another
story. Each such article is made here from the real Multi-News texts (no invented content but the
layout) and added to real clusters (Multi-News validation clusters with 3+ articles, drawn with
``random.Random(SEED)``); the cluster is built with and without it in the same process, on the
same parses of the cluster's own articles.

One table, a row per kind of odd article, the clean build beside it:

- ``problems``: analyses that failed (on the odd article or on the set); ``lost``: sections of
  the clean build that are empty with the odd article in;
- ``analyses s`` and ``x clean``: seconds of the analyses (the stages' wall time; parse excluded,
  it is the parser's) and the ratio to the clean build of the same clusters;
- pollution of what the dossier says about the *other* articles: ``entities changed`` (entries
  of the clean build whose mentions in the cluster's own articles are split or joined
  differently), ``speakers changed`` (quotes of the cluster's own articles whose speaker is
  another or gone), ``summary share`` (summary sentences citing the odd article first) and
  ``contested`` (contested points with a side from the odd article).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

MULTINEWS = ROOT.parent / "shared" / "data" / "multinews_val250.jsonl"
SEED = 4
NAME = re.compile(r"\b([A-Z][a-z]{2,}) ([A-Z][a-z]{2,})\b")
NUMBER_ROW = "{place:<24}{a:>10,}{b:>8.1f}%{c:>8}"


def load_clusters() -> list[list[str]]:
    """Every Multi-News validation cluster's non-empty documents."""
    with MULTINEWS.open(encoding="utf-8") as fh:
        return [[d for d in json.loads(line)["documents"] if d.strip()] for line in fh]


def _paragraphs(pool: Sequence[str]) -> list[str]:
    return [p.strip() for doc in pool for p in doc.split("\n") if len(p.split()) >= 12]


def _names(pool: Sequence[str], n: int) -> list[str]:
    seen: dict[str, None] = {}
    for doc in pool:
        for m in NAME.finditer(doc):
            seen.setdefault(f"{m.group(1)} {m.group(2)}", None)
    return list(seen)[:n]


def make_odd(kind: str, own: Sequence[str], other: Sequence[str], rng: random.Random) -> str:
    """One odd article of ``kind``, from the cluster's own texts and other clusters' texts."""
    paras = _paragraphs(other)
    if kind == "blog":
        out: list[str] = []
        while sum(len(p) for p in out) < 150_000:
            out.append(rng.choice(paras))
        return "\n\n".join(out)
    if kind == "sentence":
        words = re.sub(r"[.!?;:\"]", " ", " ".join(paras)).split()
        return " ".join(words[:8000]) + "."
    if kind == "names":
        names = _names(other, 1500)
        return "The victims:\n\n" + "\n".join(names)
    if kind == "table":
        places = _names(other, 1000)
        rows = [NUMBER_ROW.format(place=p.split()[1], a=rng.randint(1, 900_000), b=rng.random() * 100,
                                  c=rng.randint(1, 999)) for p in places]
        return "Results by county\n\n" + "\n".join(rows)
    if kind == "transcript":
        speakers = [n.split()[1].upper() for n in _names(other, 12)]
        lines = []
        for i in range(400):
            text = rng.choice(paras)
            if i % 7 == 0:
                text = f'"{text}'  # a quotation mark that never closes
            lines.append(f"{speakers[i % len(speakers)]}: {text}")
        return "\n".join(lines)
    if kind == "chronology":
        sentences = [s for p in paras for s in re.split(r"(?<=[.!?])\s+", p) if 6 <= len(s.split()) <= 30]
        months = ("January", "February", "March", "April", "May", "June", "July", "August",
                  "September", "October", "November", "December")
        rows = [f"{months[i % 12]} {1 + i % 28}, {1990 + i // 12}: {sentences[i % len(sentences)]}"
                for i in range(500)]
        return "Timeline\n\n" + "\n".join(rows)
    if kind == "repeated":
        return "\n\n".join([own[0].split("\n")[0]] * 300)
    if kind == "caps":
        return own[0].upper()
    if kind == "duplicate":
        return own[0]
    if kind == "other":
        return rng.choice(other)
    raise ValueError(f"unknown kind {kind!r}")


KINDS = {
    "blog": "live blog (150 KB)",
    "sentence": "one sentence (8,000 words)",
    "names": "list of 1,500 names",
    "table": "results table (3,000 cells)",
    "transcript": "transcript (400 turns)",
    "chronology": "chronology (500 dates)",
    "repeated": "one paragraph 300 times",
    "caps": "all capitals",
    "duplicate": "exact duplicate",
    "other": "another story",
}


def _articles(texts: Sequence[str], cid: str) -> list[Any]:
    from newsdossier.batch import cluster_articles

    return list(cluster_articles({"id": cid, "documents": list(texts)}, cid).articles)


def _build(arts: Sequence[Any], store: Any) -> tuple[Any, float]:
    from newsdossier.pipeline import dossier_from_articles

    dossier = dossier_from_articles(arts, store=store)
    return dossier, sum(v for k, v in dossier.timings.items() if k != "parse")


def _entity_groups(dossier: Any, own: set[str]) -> set[frozenset[tuple[str, int, int]]]:
    groups = set()
    for ent in dossier.entities:
        group = frozenset((m.article, m.start, m.end) for m in ent.mentions if m.article in own)
        if group:
            groups.add(group)
    return groups


def _speakers(dossier: Any, own: set[str]) -> dict[tuple[str, int, int], str]:
    return {(q.span.article, q.span.start, q.span.end): (q.speaker.name if q.speaker else "")
            for q in dossier.quotes if q.span.article in own}


SECTIONS = ("entities", "quotes", "facts", "timeline", "summary", "disagreements")


def compare(clean: Any, odd: Any, own: set[str], odd_ids: set[str]) -> dict[str, int]:
    """Pollution counts of ``odd`` (built with the odd article) against ``clean``."""
    before, after = _entity_groups(clean, own), _entity_groups(odd, own)
    spk_before, spk_after = _speakers(clean, own), _speakers(odd, own)
    return {
        "problems": len(odd.problems) - len(clean.problems),
        "lost": sum(1 for s in SECTIONS if getattr(clean, s) and not getattr(odd, s)),
        "entities changed": len(before - after),
        "speakers changed": sum(1 for k, v in spk_before.items() if spk_after.get(k, None) != v),
        "summary odd": sum(1 for s in odd.summary if s.cites and s.cites[0].article in odd_ids),
        "summary": len(odd.summary),
        "contested": sum(1 for d in odd.disagreements if not d.agreed
                         and any(sp.article in odd_ids for side in d.sides for sp in side.spans)),
    }


def run(n_clusters: int, kinds: Sequence[str], seed: int, progress: Callable[[str], None]) -> list[dict[str, Any]]:
    from newsdossier import nlp
    from newsdossier.store import Store

    nlp.load()
    clusters = load_clusters()
    eligible = [i for i, c in enumerate(clusters) if len(c) >= 3]
    rng = random.Random(seed)
    chosen = rng.sample(eligible, n_clusters)
    others = [d for i, c in enumerate(clusters) if i not in chosen for d in c]
    rows: list[dict[str, Any]] = []
    with Store(Path("/tmp/newsdossier-bench-odd.sqlite")) as store:
        clean: dict[int, tuple[Any, float]] = {}
        for ci in chosen:
            progress(f"clean build of cluster {ci}")
            clean[ci] = _build(_articles(clusters[ci], f"c{ci}"), store)
        rows.append({"kind": "(clean build)", "cpu": sum(c[1] for c in clean.values()),
                     "ratio": 1.0, "problems": sum(len(c[0].problems) for c in clean.values()),
                     "summary": sum(len(c[0].summary) for c in clean.values())})
        for kind in kinds:
            total: dict[str, Any] = {"kind": KINDS[kind], "cpu": 0.0}
            for ci in chosen:
                progress(f"{kind}: cluster {ci}")
                odd_text = make_odd(kind, clusters[ci], others, random.Random(seed * 1000 + ci))
                arts = _articles([*clusters[ci], odd_text], f"c{ci}")
                own_ids = {a.id for a in clean[ci][0].articles}
                odd_ids = {a.id for a in arts} - own_ids
                dossier, cpu = _build(arts, store)
                total["cpu"] += cpu
                for key, val in compare(clean[ci][0], dossier, own_ids, odd_ids).items():
                    total[key] = total.get(key, 0) + val
                total["read"] = total.get("read", 0) + (1 if odd_ids else 0)
            total["ratio"] = total["cpu"] / max(rows[0]["cpu"], 1e-9)
            rows.append(total)
    return rows


def table(rows: Sequence[Mapping[str, Any]], n_clusters: int) -> Table:
    t = Table(title=f"One odd article added to each of {n_clusters} Multi-News clusters (sums over clusters)")
    for col in ("odd article", "kept as article", "problems", "lost sections", "analyses s", "x clean",
                "entities changed", "speakers changed", "summary: odd / all", "contested with odd"):
        t.add_column(col, justify="left" if col == "odd article" else "right")
    for r in rows:
        if r["kind"] == "(clean build)":
            t.add_row(r["kind"], "", str(r["problems"]), "", f"{r['cpu']:.1f}", "1.0", "", "", f"0 / {r['summary']}", "")
            continue
        t.add_row(r["kind"], f"{r.get('read', 0)}/{n_clusters}", str(r["problems"]), str(r["lost"]),
                  f"{r['cpu']:.1f}", f"{r['ratio']:.1f}", str(r["entities changed"]),
                  str(r["speakers changed"]), f"{r['summary odd']} / {r['summary']}", str(r["contested"]))
    return t


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clusters", type=int, default=3)
    ap.add_argument("--kinds", default=",".join(KINDS), help=f"comma-separated, of: {', '.join(KINDS)}")
    ap.add_argument("--seed", type=int, default=SEED)
    args = ap.parse_args(argv)
    kinds = [k for k in args.kinds.split(",") if k]
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        ap.error(f"unknown kinds: {', '.join(unknown)} (known: {', '.join(KINDS)})")
    console = Console(stderr=True)
    rows = run(args.clusters, kinds, args.seed, lambda msg: console.log(msg))
    Console(width=200).print(table(rows, args.clusters))


if __name__ == "__main__":
    main()
