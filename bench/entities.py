"""Cross-document entity resolution: merge precision/recall on hand-made gold, junk, mixed folders, speed.

Usage: .venv/bin/python bench/entities.py [--gold PATH] [--hand PATH] [--data PATH] [--clusters N] [--cache STORE]
                                           [--throughput N] [--mixed N] [--errors] [--seeds DIR] [--speed]
                                           [--rounds N] [--frozen-ref REF] [--big N]

Gold sets (names only, annotated by hand; no article text):

* ``bench/gold/entities_gold.json`` - ten Multi-News clusters of ../shared/data/multinews_val250.jsonl
  (splits ``dev`` and ``held-out``): for each, the name strings that denote one real-world entity.
* ``bench/gold/entities_duc2007.json`` - the "who is involved" tables of seven DUC 2007 clusters (D0707B, split
  ``fit``; D0742J, split ``check``, read and tuned on since 2026-12-03; D0734H, split ``check2``, labelled
  before the changes of 2026-12-03; D0729G, split ``check3``, labelled before the changes of 2026-12-03's
  second session, then read while fixing; D0718D, D0714D and D0730G, split ``check4``, labelled with main 738c1a0
  before any change of 2026-12-04's second pass; D0743J, D0701A and D0710C, split ``check5``, labelled with main
  fadec0e before any change of 2026-12-04's third pass): every name string labelled, entries a reader would call
  wrong, and pairwise P/R over the labelled names (junk strings left out: a junk string in an entry is junk, no
  wrong merge).
* ``bench/gold/entities_handlabels.json`` - twelve further clusters (the largest ones the first set
  does not use): every entity the resolver before issue 15 merged, labelled right or wrong, the
  variants it missed, the junk strings (no names), and the resulting partition of all its strings.
* ``bench/gold/entities_unseen.json`` - eight Multi-News clusters no other file names (split ``unseen1515``),
  their "who is involved" tables labelled entry by entry with main f76aeb6 before any change of 2026-12-04:
  printed per dossier (pairwise P/R, junk, wrong merges, wrong kinds, wrong names, duplicates).

The articles of each cluster are cleaned the way the pipeline cleans them (``articles_from_raw``:
furniture removal) and parsed with spaCy once; every system reads the same parses.

Scores, over the gold strings of each cluster (a string is assigned to the system entity holding
most of its mentions; a gold string no system mention carries is a singleton), micro-averaged:

* pairwise precision / recall / F1 over pairs of strings;
* B-cubed precision / recall / F1 over strings;
* junk entities per dossier: system entities whose mentions are mostly strings labelled junk
  (hand-labelled set only).

Mixed folder: the first article of each of ``--mixed`` (40) different validation stories, resolved
together; counts *bare-name merges across stories*: a story whose only mentions of an entity are one
word ("John", "Mueller") while the entity has mentions in another story. Run without story ids
(``story_of=None``: what the merge rules alone do), with the stories the story clustering finds
(:func:`newsdossier.analysis.stories.cluster_stories`, as the pipeline wires it), and with the true
story ids.

Rows, all computed in the same run on the same parses:

* ``new`` - :func:`newsdossier.analysis.entities.resolve_entities`;
* ``old (before #15)`` - the frozen copy in ``bench/entities_v1``;
* ``exact (lowercase)`` - strings equal after lowercasing;
* ``fuzzy (token-set >= 85)`` - single-link RapidFuzz token-set clustering, the usual quick fix.

Throughput: spaCy mentions read per second by the resolution step alone (parsing excluded, reading
the held parses included), over the gold clusters plus ``--throughput`` further clusters, the
resolvers alternating cluster by cluster for ``--rounds`` rounds, each round from cold memos; wall
and CPU time, and each resolver's speed over the old one's per round. ``--speed`` prints only that;
``--frozen-ref REF`` adds a git revision's entities package as the row ``before``; ``--big N`` also
times one call over the first N documents of the sample (as a build of N articles makes it).

``--seeds DIR`` instead prints the entities of the seed articles for an eye check.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import entities_v1  # noqa: E402  (bench/entities_v1: the resolver before issue 15, frozen)

from newsdossier import nlp  # noqa: E402
from newsdossier.analysis.entities import mention_count, resolve_entities  # noqa: E402
from newsdossier.analysis.entities.mentions import extract  # noqa: E402
from newsdossier.ingest import articles_from_raw  # noqa: E402
from newsdossier.ingest.records import RawDoc  # noqa: E402
from newsdossier.model import Article, Entity  # noqa: E402
from newsdossier.store import Store  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "multinews_val250.jsonl"
GOLD = ROOT / "bench" / "gold" / "entities_gold.json"
HAND = ROOT / "bench" / "gold" / "entities_handlabels.json"
DUC_GOLD = ROOT / "bench" / "gold" / "entities_duc2007.json"
DUC_DATA = ROOT.parent / "shared" / "data" / "duc2007_main.jsonl"
UNSEEN = ROOT / "bench" / "gold" / "entities_unseen.json"

Assign = Callable[[Sequence[Article], Mapping[str, object]], dict[str, int]]
Resolver = Callable[..., list]


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


def _assign(ents: Sequence) -> dict[str, int]:
    votes: dict[str, Counter] = defaultdict(Counter)
    for n, ent in enumerate(ents):
        for span in ent.mentions:
            votes[span.text][n] += 1
    return {s: c.most_common(1)[0][0] for s, c in votes.items()}


def ours(arts: Sequence[Article], docs: Mapping[str, object]) -> dict[str, int]:
    """Map each mention string to the id number of the entity holding most of its mentions."""
    return _assign(resolve_entities(arts, docs))


def old(arts: Sequence[Article], docs: Mapping[str, object]) -> dict[str, int]:
    """As :func:`ours`, with the frozen resolver of before issue 15."""
    return _assign(entities_v1.resolve_entities(arts, docs))


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


def bcubed_sums(gold: Sequence[Sequence[str]], assign: Mapping[str, int]) -> tuple[float, float, int]:
    """Return (sum of per-string precision, sum of per-string recall, strings) over gold strings."""
    label = {s: k for k, ent in enumerate(gold) for s in ent}
    pred_of = {s: assign.get(s, ("single", s)) for s in label}
    by_pred: dict[object, set[str]] = defaultdict(set)
    for s, p in pred_of.items():
        by_pred[p].add(s)
    by_gold: dict[int, set[str]] = defaultdict(set)
    for s, k in label.items():
        by_gold[k].add(s)
    p_sum = r_sum = 0.0
    for s in label:
        pc, gc = by_pred[pred_of[s]], by_gold[label[s]]
        inter = len(pc & gc)
        p_sum += inter / len(pc)
        r_sum += inter / len(gc)
    return p_sum, r_sum, len(label)


def prf(tp: float, pred: float, gold: float) -> tuple[float, float, float]:
    p = tp / pred if pred else 1.0
    r = tp / gold if gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def evaluate(gold: Sequence[Mapping], clusters: Mapping[str, list[Article]], docs: Mapping[str, object],
             systems: Mapping[str, Assign]) -> dict[str, dict]:
    """Score each system over the gold clusters; returns counts, P/R/F1 (pairwise, B-cubed), speed, errors."""
    out: dict[str, dict] = {}
    for name, system in systems.items():
        tp = pred = gpairs = mentions = 0
        bp = br = 0.0
        n_strings = 0
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
            x, y, z = bcubed_sums(cluster["entities"], assign)
            bp, br, n_strings = bp + x, br + y, n_strings + z
            errors.extend((cluster["id"], w) for w in wrong)
        p, r, f = prf(tp, pred, gpairs)
        b3p, b3r = (bp / n_strings, br / n_strings) if n_strings else (1.0, 1.0)
        b3f = 2 * b3p * b3r / (b3p + b3r) if b3p + b3r else 0.0
        out[name] = {"tp": tp, "pred": pred, "gold": gpairs, "precision": p, "recall": r, "f1": f,
                     "b3_precision": b3p, "b3_recall": b3r, "b3_f1": b3f,
                     "mentions": mentions, "seconds": seconds, "errors": errors}
    return out


def junk_entities(ents: Sequence, junk: set[str]) -> list[str]:
    """Names of the entities whose mentions are mostly strings labelled junk."""
    out = []
    for e in ents:
        texts = [s.text for s in e.mentions]
        if texts and sum(t in junk for t in texts) * 2 > len(texts):
            out.append(e.name)
    return out


def junk_per_dossier(hand: Sequence[Mapping], clusters: Mapping[str, list[Article]], docs: Mapping[str, object],
                     resolvers: Mapping[str, Resolver]) -> dict[str, tuple[float, int, list]]:
    """Return, per resolver, (junk entities per dossier, the worst dossier's count, all junk names)."""
    out = {}
    for name, resolve in resolvers.items():
        counts, names = [], []
        for c in hand:
            found = junk_entities(resolve(clusters[c["id"]], docs), set(c["junk"]))
            counts.append(len(found))
            names.extend((c["id"], n) for n in found)
        out[name] = (sum(counts) / max(1, len(counts)), max(counts, default=0), names)
    return out


def kind_accuracy(hand: Sequence[Mapping], clusters: Mapping[str, list[Article]], docs: Mapping[str, object],
                  resolvers: Mapping[str, Resolver]) -> dict[str, tuple[int, int, int, list]]:
    """Return, per resolver, (right kinds, labelled entities found, labelled entities, errors).

    A labelled entity (``kinds`` of the hand-labelled set) is found when the resolver produces one
    of its strings; its kind is the kind of the entity holding the most mentions of its strings,
    right when it is the gold kind or one of the ``also`` kinds. Errors: (cluster, names, gold, got).
    """
    out = {}
    for name, resolve in resolvers.items():
        right = found = total = 0
        errors: list = []
        for c in hand:
            ents = resolve(clusters[c["id"]], docs)
            for lab in c.get("kinds", ()):
                total += 1
                strings = set(lab["names"])
                held = [(sum(s.text in strings for s in e.mentions), e.kind) for e in ents]
                n, kind = max(held, default=(0, ""), key=lambda x: x[0])
                if not n:
                    continue
                found += 1
                if kind == lab["kind"] or kind in lab.get("also", ()):
                    right += 1
                else:
                    errors.append((c["id"], lab["names"], lab["kind"], kind))
        out[name] = (right, found, total, errors)
    return out


def table_errors(gold: Mapping, ents: Sequence[Entity]) -> dict[str, list[str]]:
    """Entries of a "who is involved" table a reader would call wrong, by the labels ``gold`` (one cluster of
    ``entities_duc2007.json``), and the missed merges.

    Each entry counts once, in the first category that applies: ``junk`` (most of its mentions are junk
    strings), ``wrong merge`` (its mentions are strings of two or more real entities), ``wrong kind``
    (its kind is neither the gold kind nor an ``also`` kind of the entity holding most of its mentions),
    ``wrong name`` (its name is in capitals while the entity is also written in mixed case, or is,
    case aside, no string of that entity). Strings labelled ``ambiguous`` (a family's bare surname) are left out: they
    make no merge wrong, and an entry of nothing else is not counted. ``duplicate`` lists the entries beyond the first of a real entity split
    over several entries (missed merges). Strings the labels do not cover count as junk.
    """
    junk = set(gold["junk"])
    ambiguous = set(gold.get("ambiguous", ()))  # strings several entities use ("Kennedy" of a family)
    label = {s: k for k, e in enumerate(gold["entities"]) for s in e["names"]}
    label_ci = {s.lower(): k for s, k in label.items()}  # a name title-cased from capitals ("ROME" -> "Rome")
    out: dict[str, list[str]] = {"junk": [], "wrong merge": [], "wrong kind": [], "wrong name": [], "duplicate": []}
    holders: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for e in ents:
        texts = [s.text for s in e.mentions if s.text not in ambiguous]
        if not texts:
            continue
        if sum(t in junk or t not in label for t in texts) * 2 > len(texts):
            out["junk"].append(e.name)
            continue
        ids = Counter(label[t] for t in texts if t in label)
        k, n = ids.most_common(1)[0]
        holders[k].append((n, e.name))
        g = gold["entities"][k]
        if len(ids) > 1:
            out["wrong merge"].append(f"{e.name} ({' + '.join(sorted({t for t in texts if t in label}))})")
        elif e.kind != g["kind"] and e.kind not in g.get("also", ()):
            out["wrong kind"].append(f"{e.name} ({e.kind}, is {g['kind']})")
        elif label_ci.get(e.name.lower()) != k or (e.name.isupper() and len(e.name) > 3
                                          and not any(ch.isdigit() for ch in e.name)  # "MH370", "AR-15": no shouting
                                          and any(not x.isupper() for x in g["names"])):
            out["wrong name"].append(e.name)
    for held in holders.values():
        out["duplicate"].extend(name for _n, name in sorted(held, reverse=True)[1:])
    return out


def partition(gold: Mapping) -> list[list[str]]:
    """The gold partition of a table-labelled cluster: one list per real entity, each junk string alone."""
    return [list(e["names"]) for e in gold["entities"]] + [[j] for j in gold["junk"]]


def unseen_tables(unseen: Sequence[Mapping], clusters: Mapping[str, list[Article]], docs: Mapping[str, object],
                  resolvers: Mapping[str, Resolver]) -> dict[str, list[dict]]:
    """Per resolver, per dossier of ``entities_unseen.json``: entries, pairwise counts and the table's wrong entries."""
    out: dict[str, list[dict]] = {}
    for name, resolve in resolvers.items():
        rows = []
        for g in unseen:
            ents = resolve(clusters[g["id"]], docs)
            part = partition(g)
            tp, pred, gold_pairs, wrong = pair_counts(part, _assign(ents))
            labelled = {s for e in part for s in e}
            unlabelled = sorted({s.text for e in ents for s in e.mentions} - labelled)
            rows.append({"id": g["id"], "entries": len(ents), "tp": tp, "pred": pred, "gold": gold_pairs,
                         "wrong pairs": wrong, "table": table_errors(g, ents), "unlabelled": unlabelled})
        out[name] = rows
    return out


def _print_unseen(res: Mapping[str, list[dict]]) -> None:
    print(f"  {'resolver':<20} {'dossier':<8} {'entries':>7} {'pair P':>7} {'pair R':>7} {'wrong':>5} {'junk':>5} "
          f"{'merge':>5} {'kind':>5} {'name':>5} {'dupl':>5}")
    for name, rows in res.items():
        tot: Counter = Counter()
        for r in rows + [None]:  # type: ignore[list-item]
            if r is None:
                label, t = "all", tot
            else:
                label = r["id"][-3:]
                t = Counter({k: len(v) for k, v in r["table"].items()})
                t.update(entries=r["entries"], tp=r["tp"], pred=r["pred"], gold=r["gold"])
                tot.update(t)
            p, rc, _f = prf(t["tp"], t["pred"], t["gold"])
            wrong = t["junk"] + t["wrong merge"] + t["wrong kind"] + t["wrong name"]
            print(f"  {name:<20} {label:<8} {t['entries']:>7} {p:>7.3f} {rc:>7.3f} {wrong:>5} {t['junk']:>5} "
                  f"{t['wrong merge']:>5} {t['wrong kind']:>5} {t['wrong name']:>5} {t['duplicate']:>5}")


def load_duc(path: Path, gold: Mapping) -> list[Article]:
    """The cleaned articles of the DUC 2007 cluster the labels ``gold`` name (``row`` of ``source``)."""
    with path.open(encoding="utf-8") as fh:
        row = json.loads(fh.readlines()[gold["row"]])
    if row["id"] != gold["id"]:
        raise ValueError(f"row {gold['row']} of {path} is {row['id']}, the labels are for {gold['id']}")
    return articles_from_raw([RawDoc(f"{row['id']}#{i}", d) for i, d in enumerate(row["documents"])]).articles


def bare_cross_story(ents: Sequence[Entity], story: Mapping[str, str]) -> list[tuple[str, str]]:
    """(entity name, bare string) for each story whose only mentions of a person are one word
    ("John", "Mueller") while the person is also mentioned, by a longer name, in another story."""
    out = []
    for e in ents:
        if e.kind != "person" or all(len(s.text.split()) == 1 for s in e.mentions):
            continue
        by_story: dict[str, list[str]] = defaultdict(list)
        for s in e.mentions:
            by_story[story[s.article]].append(s.text)
        if len(by_story) < 2:
            continue
        for texts in by_story.values():
            if all(len(t.split()) == 1 for t in texts) and any(len(t) > 1 for t in texts):
                out.append((e.name, Counter(texts).most_common(1)[0][0]))
    return out


def mixed_folder(data: Path, n: int, exclude: set[str]) -> tuple[list[Article], dict[str, str]]:
    """The first article of each of the first ``n`` stories outside ``exclude``, and article -> story."""
    arts: list[Article] = []
    story: dict[str, str] = {}
    with data.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["id"] in exclude:
                continue
            got = articles_from_raw([RawDoc(f"{row['id']}#0", row["documents"][0])]).articles
            if got:
                arts.append(got[0])
                story[got[0].id] = row["id"]
            if len(arts) >= n:
                break
    return arts, story


def predicted_stories(arts: Sequence[Article], docs: Mapping[str, object]) -> dict[str, str]:
    """article id -> story id from the story clustering, fed with spaCy's mention texts."""
    from newsdossier.analysis.stories import cluster_stories

    ents = {a.id: [e.text for e in docs[a.id].ents] for a in arts}  # type: ignore[attr-defined]
    return {aid: s.id for s in cluster_stories(arts, entities=ents) for aid in s.articles}


def _clear_memos(package: str) -> None:
    """Empty every memo (``functools.lru_cache``) of the modules of ``package``: each round starts cold."""
    for name, module in list(sys.modules.items()):
        if name == package or name.startswith(package + "."):
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


def throughput(clusters: Mapping[str, list[Article]], docs: Mapping[str, object],
               resolvers: Mapping[str, Resolver], rounds: int = 2) -> dict[str, tuple[int, list[float], list[float]]]:
    """Return, per resolver, (spaCy mentions per round, wall seconds of each round, CPU seconds of each round).

    The resolvers alternate cluster by cluster, in reversed order every other round; every memo of
    a resolver's package is emptied at the start of each round (a build starts cold). CPU seconds
    (``time.process_time``) are the steadier figure on a shared machine: they leave out the time
    the process waits for a core.
    """
    out = {k: ([0.0] * rounds, [0.0] * rounds) for k in resolvers}
    total = sum(mention_count(arts, docs) for arts in clusters.values())
    packages = {k: r.__module__.rsplit(".", 1)[0] for k, r in resolvers.items()}
    for r in range(rounds):
        for package in packages.values():
            _clear_memos(package)
        order = list(resolvers.items()) if r % 2 == 0 else list(reversed(resolvers.items()))
        for arts in clusters.values():
            for key, resolve in order:
                t0, c0 = time.perf_counter(), time.process_time()
                resolve(arts, docs)
                out[key][0][r] += time.perf_counter() - t0
                out[key][1][r] += time.process_time() - c0
    return {k: (total, wall, cpu) for k, (wall, cpu) in out.items()}


def freeze(ref: str, folder: Path) -> Path:
    """Write the entities package of the git revision ``ref`` to ``folder``/entities_<ref> with absolute
    imports and without its registration (so it imports beside the current one); return that folder."""
    import re
    import subprocess

    target = folder / ("entities_" + re.sub(r"\W", "_", ref))
    target.mkdir(parents=True, exist_ok=True)
    listing = subprocess.run(["git", "-C", str(ROOT), "ls-tree", "--name-only", ref, "newsdossier/analysis/entities/"],
                             check=True, capture_output=True, text=True).stdout.split()
    for path in listing:
        if not path.endswith(".py"):
            continue
        text = subprocess.run(["git", "-C", str(ROOT), "show", f"{ref}:{path}"], check=True, capture_output=True,
                              text=True).stdout
        text = re.sub(r"^(\s*)from \.\.\.(\w)", r"\1from newsdossier.\2", text, flags=re.MULTILINE)
        text = re.sub(r"^(\s*)from \.\.(\w)", r"\1from newsdossier.analysis.\2", text, flags=re.MULTILINE)
        if path.endswith("__init__.py") and "# ---" in text:
            text = text[: text.index("# ---")]  # the registration: the current package registers "entities"
        (target / Path(path).name).write_text(text, encoding="utf-8")
    return target


def _import_frozen(folder: Path) -> Resolver:
    """Import ``resolve_entities`` from a frozen copy of the entities package (absolute imports)."""
    import importlib

    sys.path.insert(0, str(folder.resolve().parent))
    return importlib.import_module(folder.name).resolve_entities


def _seeds(path: Path) -> None:
    from newsdossier.ingest import ingest

    arts = ingest([path]).articles
    docs = nlp.parse(arts)
    for ent in resolve_entities(arts, docs)[:40]:
        print(f"{ent.id:>4} {ent.kind:<12} {ent.name!r:<36} n={len(ent.mentions):<3} aliases={list(ent.aliases)}"
              + (f" related={list(ent.related)}" if ent.related else ""))


def _table(title: str, res: Mapping[str, Mapping[str, dict]], systems: Sequence[str]) -> None:
    print(title)
    print(f"{'system':<26} {'split':<9} {'pair P':>7} {'pair R':>7} {'pair F1':>7} {'B3 P':>6} {'B3 R':>6} "
          f"{'B3 F1':>6} {'TP':>5} {'pred':>5} {'gold':>5}")
    for name in systems:
        for split, by_system in res.items():
            r = by_system[name]
            print(f"{name:<26} {split:<9} {r['precision']:>7.3f} {r['recall']:>7.3f} {r['f1']:>7.3f} "
                  f"{r['b3_precision']:>6.3f} {r['b3_recall']:>6.3f} {r['b3_f1']:>6.3f} "
                  f"{r['tp']:>5} {r['pred']:>5} {r['gold']:>5}")


def _print_speed(speed: Mapping[str, tuple[int, list[float], list[float]]], n_clusters: int, n_articles: int,
                 parse_s: float, rounds: int) -> None:
    print(f"\nThroughput of the resolution step over {n_clusters} clusters ({n_articles} articles, "
          f"spaCy parse {parse_s:.1f} s incl. the mixed folder), {rounds} alternating rounds "
          f"(load {os.getloadavg()[0]:.1f}):")
    for name, (m, wall, cpu) in speed.items():
        rates = sorted(m / s for s in wall)
        cpu_rates = sorted(m / s for s in cpu)
        print(f"  {name:<20} {m * rounds:,} mentions in {sum(wall):.2f} s = {m * rounds / sum(wall):,.0f} mentions/s "
              f"(median round {statistics.median(rates):,.0f}, best {rates[-1]:,.0f}); CPU time: median round "
              f"{statistics.median(cpu_rates):,.0f}, best {cpu_rates[-1]:,.0f}")
    base = next((k for k in ("old (before #15)",) if k in speed), None)
    if base:
        for name, (_m, wall, cpu) in speed.items():
            if name != base:
                ratios = sorted(b / s for s, b in zip(wall, speed[base][1]))
                cpu_ratios = sorted(b / s for s, b in zip(cpu, speed[base][2]))
                print(f"  {name:<20} per round, speed / {base}: median {statistics.median(ratios):.2f} wall "
                      f"(rounds {', '.join(f'{x:.2f}' for x in ratios)}), {statistics.median(cpu_ratios):.2f} CPU "
                      f"(rounds {', '.join(f'{x:.2f}' for x in cpu_ratios)})")


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--hand", type=Path, default=HAND)
    ap.add_argument("--unseen", type=Path, default=UNSEEN, help="table-labelled Multi-News clusters (split unseen1515)")
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--clusters", type=int, default=0, help="use only the first N clusters of each gold set (0 = all)")
    ap.add_argument("--throughput", type=int, default=30, help="extra clusters timed for throughput")
    ap.add_argument("--mixed", type=int, default=40, help="stories in the mixed folder (0 = skip)")
    ap.add_argument("--errors", action="store_true", help="list wrong merges, junk and cross-story merges")
    ap.add_argument("--frozen", type=Path, default=None,
                    help="a frozen copy of the entities package (a folder) to run as the row 'before'")
    ap.add_argument("--frozen-ref", default=None,
                    help="a git revision whose entities package runs as the row 'before' (e.g. main)")
    ap.add_argument("--cache", type=Path, default=None, help="a corpus store to read and keep the parses in")
    ap.add_argument("--rounds", type=int, default=2, help="alternating rounds of the throughput")
    ap.add_argument("--speed", action="store_true", help="only the throughput (no scores)")
    ap.add_argument("--big", type=int, default=0,
                    help="also time one call over the first N documents of the sample (a build of N articles)")
    ap.add_argument("--seeds", type=Path, default=None, help="print the entities of the seed articles instead")
    args = ap.parse_args(argv)
    if args.seeds:
        _seeds(args.seeds)
        return
    gold = json.loads(args.gold.read_text(encoding="utf-8"))["clusters"]
    hand = json.loads(args.hand.read_text(encoding="utf-8"))["clusters"]
    if args.clusters:
        gold, hand = gold[: args.clusters], hand[: args.clusters]
    ids = [c["id"] for c in gold] + [c["id"] for c in hand]
    unseen = json.loads(args.unseen.read_text(encoding="utf-8"))["clusters"] if args.unseen.exists() else []
    clusters = load_clusters(args.data, ids + [c["id"] for c in unseen], extra=args.throughput)
    unseen_clusters = {c["id"]: clusters.pop(c["id"]) for c in unseen}
    all_articles = [a for arts in clusters.values() for a in arts]
    unseen_articles = [a for arts in unseen_clusters.values() for a in arts]
    mixed, mixed_story = (mixed_folder(args.data, args.mixed, set(ids)) if args.mixed else ([], {}))
    duc_golds = json.loads(DUC_GOLD.read_text(encoding="utf-8"))["clusters"] if DUC_DATA.exists() else []
    ducs = {g["id"]: load_duc(DUC_DATA, g) for g in duc_golds}
    duc = [a for arts in ducs.values() for a in arts]
    t0 = time.perf_counter()
    cache = Store(args.cache) if args.cache else None
    big: list[Article] = []
    if args.big:  # the first N documents of the sample, as a build of N articles resolves them: one call
        texts = [d for line in args.data.open(encoding="utf-8") for d in json.loads(line)["documents"]][: args.big]
        big = articles_from_raw([RawDoc(str(i), t) for i, t in enumerate(texts)]).articles
    docs = nlp.parse(all_articles + unseen_articles + mixed + duc + big, cache=cache)
    parse_s = time.perf_counter() - t0
    systems: dict[str, Assign] = {"new": ours, "old (before #15)": old, "exact (lowercase)": exact_lower,
                                  "fuzzy (token-set >= 85)": fuzzy}
    resolvers: dict[str, Resolver] = {"new": resolve_entities, "old (before #15)": entities_v1.resolve_entities}
    if args.frozen or args.frozen_ref:
        frozen = _import_frozen(args.frozen or freeze(args.frozen_ref, Path(tempfile.mkdtemp())))
        systems["before"] = lambda arts, docs: _assign(frozen(arts, docs))
        resolvers["before"] = frozen
    if big:
        speed_big = throughput({"big": big}, docs, resolvers, args.rounds)
        print(f"\nOne call over the first {args.big} documents ({len(big)} articles after cleaning), as a build "
              "of that many articles makes it:", end="")
        _print_speed(speed_big, 1, len(big), parse_s, args.rounds)
    if args.speed:
        _print_speed(throughput(clusters, docs, resolvers, args.rounds), len(clusters), len(all_articles), parse_s,
                     args.rounds)
        return
    splits = {"dev": [c for c in gold if c.get("split") == "dev"],
              "held-out": [c for c in gold if c.get("split") == "held-out"], "all": gold}
    res = {split: evaluate(part, clusters, docs, systems) for split, part in splits.items() if part}
    res_hand = {"hand": evaluate(hand, clusters, docs, systems)}
    n_gold_strings = sum(len(s) for c in gold for s in c["entities"])
    _table(f"Entity resolution, dev gold: {len(gold)} Multi-News clusters ({sum(len(clusters[c['id']]) for c in gold)} "
           f"articles, {sum(len(c['entities']) for c in gold)} gold entities, {n_gold_strings} gold strings); "
           "micro-averaged", res, list(systems))
    sizes = sorted((len(clusters[c["id"]]) for c in hand), reverse=True)
    n_labels = sum(len(c["merged"]) for c in hand)
    n_wrong = sum(not m["right"] for c in hand for m in c["merged"])
    _table(f"\nHand-labelled set: {len(hand)} clusters of {sizes} articles ({sum(sizes)}); the old resolver's "
           f"{n_labels} merged entities labelled ({n_wrong} wrong), {sum(len(c['missed']) for c in hand)} missed "
           f"variants, {sum(len(c['entities']) for c in hand)} gold entities", res_hand, list(systems))
    junk = junk_per_dossier(hand, clusters, docs, resolvers)
    print(f"\nJunk entities per dossier (hand-labelled set, {len(hand)} dossiers):")
    for name, (mean, worst, _names) in junk.items():
        print(f"  {name:<20} {mean:.2f} per dossier (worst dossier {worst})")
    kinds = kind_accuracy(hand, clusters, docs, resolvers)
    print(f"\nKind accuracy (hand-labelled set, {next(iter(kinds.values()))[2]} entities with a gold kind):")
    for name, (right, found, total, _errs) in kinds.items():
        print(f"  {name:<20} {right / max(1, found):.3f} ({right} of {found} found; {total - found} not produced)")
    table: dict[tuple[str, str], dict[str, list[str]]] = {}
    for duc_gold in duc_golds:
        arts = ducs[duc_gold["id"]]
        print(f"\nDUC 2007 cluster {duc_gold['id']} (split {duc_gold.get('split', 'fit')}, {len(arts)} articles): "
              "entries of the 'who is involved' table a reader would call wrong")
        print(f"  {'resolver':<20} {'entries':>7} {'wrong':>5} {'junk':>5} {'merge':>5} {'kind':>5} {'name':>5} "
              f"{'duplicates':>10} {'pair P':>7} {'pair R':>7}")
        for name, resolve in resolvers.items():
            ents = resolve(arts, docs)
            t = table[(duc_gold["id"], name)] = table_errors(duc_gold, ents)
            wrong = sum(len(v) for k, v in t.items() if k != "duplicate")
            tp, pred, gold_pairs, _w = pair_counts([list(e["names"]) for e in duc_gold["entities"]], _assign(ents))
            pp, pr, _f = prf(tp, pred, gold_pairs)
            print(f"  {name:<20} {len(ents):>7} {wrong:>5} {len(t['junk']):>5} {len(t['wrong merge']):>5} "
                  f"{len(t['wrong kind']):>5} {len(t['wrong name']):>5} {len(t['duplicate']):>10} {pp:>7.3f} {pr:>7.3f}")
    res_unseen = unseen_tables(unseen, unseen_clusters, docs, resolvers) if unseen else {}
    if unseen:
        print(f"\nUnseen table-labelled set (split unseen1515, labelled with main f76aeb6 before any change): "
              f"{len(unseen)} Multi-News dossiers, {sum(len(c['table_f76aeb6']) for c in unseen)} entries labelled; "
              "pairwise P/R over the gold partition and the entries a reader would call wrong:")
        _print_unseen(res_unseen)
    cross: dict[str, list] = {}
    if mixed:
        found = predicted_stories(mixed, docs)
        runs = {"old (before #15)": entities_v1.resolve_entities(mixed, docs),
                "new, story_of=None": resolve_entities(mixed, docs),
                "new, clustered stories": resolve_entities(mixed, docs, story_of=found),
                "new, true stories": resolve_entities(mixed, docs, story_of=mixed_story)}
        print(f"\nMixed folder: {len(mixed)} articles of {len(set(mixed_story.values()))} different stories "
              f"(the story clustering finds {len(set(found.values()))}); bare-name merges across stories:")
        for name, ents in runs.items():
            cross[name] = bare_cross_story(ents, mixed_story)
            print(f"  {name:<24} {len(cross[name])}")
    _print_speed(throughput(clusters, docs, resolvers, args.rounds), len(clusters), len(all_articles), parse_s,
                 args.rounds)
    if args.errors:
        for title, r_all in (("dev gold", res["all"]), ("hand", res_hand["hand"])):
            for name in [n for n in ("new", "before", "old (before #15)") if n in r_all]:
                for cid, (a, b) in r_all[name]["errors"]:
                    print(f"  wrong merge [{name}] {title} {cid[-3:]}: {a!r} + {b!r}")
        for name, (_m, _w, names) in junk.items():
            for cid, n in names:
                print(f"  junk [{name}] {cid[-3:]}: {n!r}")
        for name, (_r, _f, _t, errs) in kinds.items():
            for cid, names, want, got in errs:
                print(f"  wrong kind [{name}] {cid[-3:]}: {' | '.join(names)!r} is {want}, got {got}")
        for (cid, name), t in table.items():
            for what, entries in t.items():
                for entry in entries:
                    print(f"  table [{name}] {cid} {what}: {entry}")
        for name, rows in res_unseen.items():
            for r in rows:
                for a, b in r["wrong pairs"]:
                    print(f"  unseen [{name}] {r['id'][-3:]} wrong pair: {a!r} + {b!r}")
                for what, entries in r["table"].items():
                    for entry in entries:
                        print(f"  unseen [{name}] {r['id'][-3:]} {what}: {entry}")
                for text in r["unlabelled"]:
                    print(f"  unseen [{name}] {r['id'][-3:]} unlabelled: {text!r}")
        for name, pairs in cross.items():
            for ent, bare in pairs:
                print(f"  cross-story [{name}]: {bare!r} -> {ent!r}")


if __name__ == "__main__":
    main()
