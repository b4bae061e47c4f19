"""Benchmark: story clustering on the Multi-News dev mix, and throughput at scale.

Quality: every article of ``../shared/data/multinews_val250.jsonl`` (cleaned with
``newsdossier.batch.cluster_articles``; texts repeated across lines count once) is shuffled
(seed 13) into one stream; the gold story is the line ``id``. We report BCubed precision,
recall and F1 and the adjusted Rand index for

- ours (proxy)  ``cluster_stories`` with capitalised-word entities (no parse)
- ours (spaCy)  ``cluster_stories`` with spaCy mention texts as entities
- ours (words)  ``cluster_stories`` without entities (entity_weight 0)
- baseline      agglomerative clustering (average link, cosine) over scikit-learn TF-IDF,
                its distance threshold tuned on the tuning half like ours

Thresholds were chosen on the tuning half (lines 0-124) and the table shows the held-out
half (lines 125-249) and all 250 lines. ``--seeds 13,1,2,3,4`` averages every row over
several shuffles (the stream order moves F1 by about +-0.005). The data has no dates, so time decay is inactive;
``redated`` rows give every gold story a random date in a year (members within 2 days) to
show that decay separates similar stories far apart in time.

Scale (``--scale 10000,50000``): articles are sampled from the dev set with replacement,
each copy dropping a random ~30% of its paragraphs so texts differ, each copy of a gold story
re-dated to a random day of a year; throughput and peak memory (max RSS of a child process)
of local mode and Spark ``local[2]``.

Usage::

    python bench/stories.py [--limit N] [--spacy] [--seeds 13,1,2] [--param threshold=0.2 ...]
    python bench/stories.py --scale 10000,50000 [--spark]
    python bench/stories.py --warn [--param build_split_confidence=0.5]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path

from newsdossier.analysis.stories import StoryParams, cluster_stories, confident_split
from newsdossier.batch import cluster_articles
from newsdossier.model import Article

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "multinews_val250.jsonl"
DUC = ROOT.parent / "shared" / "data" / "duc2007_main.jsonl"
_DUC_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})|(\d{2})/(\d{2})/(\d{4})")


def load_dev(path: Path = DATA, limit: int | None = None, offset: int = 0) -> tuple[list[Article], dict[str, str]]:
    """Return the cleaned articles of lines ``offset..offset+limit`` and article id -> gold line id."""
    arts: list[Article] = []
    gold: dict[str, str] = {}
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if n < offset or (limit is not None and n >= offset + limit):
                continue
            obj = json.loads(line)
            for art in cluster_articles(obj, f"line{n}").articles:
                if art.id not in gold:
                    gold[art.id] = obj["id"]
                    arts.append(art)
    return arts, gold


def duc_date(text: str) -> str | None:
    """Return the ISO day of a DUC record date (``YYYY-MM-DD``, ``YYYY-DD-MM`` or ``MM/DD/YYYY``).

    The records mix the three forms; ``YYYY-DD-MM`` is recognised only when the middle number
    cannot be a month (an ambiguous day stays read as ``YYYY-MM-DD``).
    """
    m = _DUC_DATE.search(text)
    if m is None:
        return None
    if m.group(1):
        y, a, b = int(m.group(1)), int(m.group(2)), int(m.group(3))
        month, day = (b, a) if a > 12 else (a, b)
    else:
        month, day, y = int(m.group(4)), int(m.group(5)), int(m.group(6))
    return f"{y:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None


def load_duc(path: Path = DUC) -> list[tuple[str, list[Article]]]:
    """Return the DUC 2007 main clusters: (cluster id, cleaned articles dated from ``dates``).

    (The update-task dev sets hold no article that is not in these clusters, so they add
    nothing to the stream.)
    """
    import dataclasses

    out = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            obj = json.loads(line)
            dates = obj.get("dates") or []
            arts = []
            for art in cluster_articles(obj, f"duc{n}").articles:
                i = int(art.source.rsplit("/", 1)[1]) if art.source else -1
                day = duc_date(dates[i]) if 0 <= i < len(dates) else None
                arts.append(dataclasses.replace(art, published=day))
            out.append((obj["id"], arts))
    return out


def duc_quality(params: StoryParams, seeds: Sequence[int]) -> None:
    """DUC 2007: all 23 clusters in one dated stream (gold: the cluster), and each cluster
    built alone (how many a single build splits into more than one story)."""
    clusters = load_duc()
    arts = [a for _, c in clusters for a in c]
    gold = {a.id: cid for cid, c in clusters for a in c}
    print("| system | split | articles | stories | B3 P | B3 R | B3 F1 | ARI | seconds |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    t0 = time.perf_counter()
    preds = [ours(shuffled(arts, seed), params) for seed in seeds]
    print(row("ours (proxy), dated | DUC 2007 stream", preds, gold, time.perf_counter() - t0))
    sizes = []
    for _, c in clusters:
        sizes.append(len(cluster_stories(c, params=params, one_build=True)))
    split = sum(1 for k in sizes if k > 1)
    print(f"\nDUC 2007, each cluster built alone (as the build's stories component does): {split} of {len(sizes)} split into more than one story "
          f"(stories per cluster: {sorted(sizes, reverse=True)})")
    mixed = 0
    for n, (_, c) in enumerate(clusters):
        other = clusters[(n + 1) % len(clusters)][1]
        for story in cluster_stories(c + other, params=params, one_build=True):
            if len({gold[a] for a in story.articles}) > 1:
                mixed += 1
    print(f"Control, {len(clusters)} builds of two different clusters (cluster n and n+1): "
          f"{mixed} stories hold articles of both clusters")
    multinews_builds(params)


def multinews_builds(params: StoryParams) -> None:
    """Multi-News (undated): each cluster of two or more articles built alone, and builds of
    three consecutive clusters (lines 3k..3k+2): how many are not called 3 stories, and how
    many stories mix clusters."""
    arts, gold = load_dev()
    by: dict[str, list[Article]] = defaultdict(list)
    for a in arts:
        by[gold[a.id]].append(a)
    names = [n for n in dict.fromkeys(gold[a.id] for a in arts)]
    multi = [n for n in names if len(by[n]) > 1]
    split = sum(len(cluster_stories(by[n], params=params, one_build=True)) > 1 for n in multi)
    groups = [names[i:i + 3] for i in range(0, len(names) - 2, 3)]
    wrong = mixed = 0
    for g in groups:
        got = cluster_stories([a for n in g for a in by[n]], params=params, one_build=True)
        wrong += len(got) != 3
        mixed += sum(len({gold[a] for a in s.articles}) > 1 for s in got)
    print(f"Multi-News, each cluster of 2+ articles built alone: {split} of {len(multi)} split; "
          f"{len(groups)} builds of three clusters: {wrong} not called 3 stories, {mixed} stories mix clusters")


def warn_builds(params: StoryParams) -> None:
    """How often ``build`` would warn that its inputs span several stories: before (any split of
    the clustering) and after (a confident split, :func:`confident_split`), on builds of one
    cluster (every warning is false) and of two or three different clusters (a warning is due).
    DUC: the 23 main clusters, builds of clusters n, n+1 (and n+2); Multi-News: each cluster of 2+
    articles, and consecutive pairs and triples of clusters. ``tune`` is DUC clusters 0-11 and
    Multi-News lines 0-124 (where ``build_split_confidence`` was chosen), ``held-out`` the rest;
    a multi-cluster build counts in the half of its first cluster. "wrong pair" counts the warning
    builds whose confident stories include two of one gold cluster (the warning is due but one of
    the stories it names is the same story as another)."""
    clusters = load_duc()
    gold = {a.id: cid for cid, c in clusters for a in c}
    mn, mgold = load_dev()
    gold.update(mgold)
    by: dict[str, list[Article]] = defaultdict(list)
    for a in mn:
        by[mgold[a.id]].append(a)
    names = list(dict.fromkeys(mgold[a.id] for a in mn))
    line = {n: int(n.rsplit("-", 1)[1]) for n in names}
    builds: list[tuple[str, bool, list[Article]]] = []
    k = len(clusters)
    for n, (_, c) in enumerate(clusters):
        builds.append(("DUC, one cluster", n < 12, c))
    for n in range(k):
        builds.append(("DUC, two clusters", n < 12, clusters[n][1] + clusters[(n + 1) % k][1]))
        builds.append(("DUC, three clusters", n < 12, [a for m in range(3) for a in clusters[(n + m) % k][1]]))
    for n in names:
        if len(by[n]) > 1:
            builds.append(("Multi-News, one cluster", line[n] < 125, by[n]))
    for i in range(0, len(names) - 1, 2):
        builds.append(("Multi-News, two clusters", line[names[i]] < 125, [a for n in names[i:i + 2] for a in by[n]]))
    for i in range(0, len(names) - 2, 3):
        builds.append(("Multi-News, three clusters", line[names[i]] < 125, [a for n in names[i:i + 3] for a in by[n]]))
    counts: dict[tuple[str, bool], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for kind, tune, arts in builds:
        stories = [i.to_story() for i in cluster_stories(arts, params=params, one_build=True)]
        sure = confident_split(stories, params)
        golds = [Counter(gold[a] for a in s.articles).most_common(1)[0][0] for s in sure]
        c = counts[(kind, tune)]
        c[0] += 1
        c[1] += len(stories) > 1
        c[2] += bool(sure)
        c[3] += len(set(golds)) < len(golds)
    print("| builds | half | builds | warn before (any split) | warn after (confident split) | wrong pair after |")
    print("|---|---|---:|---:|---:|---:|")
    for kind in dict.fromkeys(b[0] for b in builds):
        for tune in (True, False):
            n, before, after, wrong = counts[(kind, tune)]
            print(f"| {kind} | {'tune' if tune else 'held-out'} | {n} | {before} | {after} | {wrong} |")


def bcubed(pred: Mapping[str, str], gold: Mapping[str, str]) -> tuple[float, float, float]:
    """Return BCubed precision, recall and F1 of ``pred`` (item -> cluster) against ``gold``."""
    by_pred: dict[str, set[str]] = defaultdict(set)
    by_gold: dict[str, set[str]] = defaultdict(set)
    for item, c in pred.items():
        by_pred[c].add(item)
    for item in pred:
        by_gold[gold[item]].add(item)
    p = r = 0.0
    for item in pred:
        both = len(by_pred[pred[item]] & by_gold[gold[item]])
        p += both / len(by_pred[pred[item]])
        r += both / len(by_gold[gold[item]])
    p, r = p / len(pred), r / len(pred)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def ari(pred: Mapping[str, str], gold: Mapping[str, str]) -> float:
    from sklearn.metrics import adjusted_rand_score

    items = sorted(pred)
    return float(adjusted_rand_score([gold[i] for i in items], [pred[i] for i in items]))


def ours(arts: Sequence[Article], params: StoryParams, entities: Mapping[str, list[str]] | None = None) -> dict[str, str]:
    stories = cluster_stories(arts, params=params, entities=entities)
    return {a: s.id for s in stories for a in s.articles}


def ours_one_by_one(arts: Sequence[Article], params: StoryParams) -> dict[str, str]:
    """As :func:`ours`, but the articles arrive one at a time (document frequencies grow with
    the stream, as in a corpus fed article by article: the web app, a live feed)."""
    from newsdossier.analysis.stories import StoryClusterer, features_for

    clusterer = StoryClusterer(None, params)
    out: dict[str, str] = {}
    for a in arts:
        for got in clusterer.add([features_for(a, params)]):
            out[got.article] = got.story
    return out


def baseline(arts: Sequence[Article], threshold: float) -> dict[str, str]:
    """Agglomerative clustering (average link, cosine distance) over TF-IDF."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    x = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=1).fit_transform([a.text for a in arts])
    model = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average",
                                    distance_threshold=threshold)
    labels = model.fit_predict(x.toarray())
    return {a.id: str(lab) for a, lab in zip(arts, labels)}


def shuffled(arts: Sequence[Article], seed: int = 13) -> list[Article]:
    out = list(arts)
    random.Random(seed).shuffle(out)
    return out


def redate(arts: Sequence[Article], gold: Mapping[str, str], seed: int = 5, span: int = 365) -> list[Article]:
    """Give every gold story a random day among ``span`` days and its articles dates within 2 days of it."""
    import dataclasses
    import datetime as dt

    rng = random.Random(seed)
    base = {g: rng.randrange(span) for g in sorted(set(gold.values()))}
    out = []
    for a in arts:
        day = dt.date(2024, 1, 1) + dt.timedelta(days=base[gold[a.id]] + rng.randrange(3))
        out.append(dataclasses.replace(a, published=day.isoformat()))
    return out


def spacy_entities(arts: Sequence[Article], cache: str | None) -> dict[str, list[str]]:
    from newsdossier import nlp
    from newsdossier.store import Store

    store = Store(cache) if cache else None
    docs = nlp.parse(arts, cache=store)
    keep = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"}
    return {a.id: [m.span.text for m in nlp.mentions(a, docs[a.id]) if m.label in keep] for a in arts}


def row(name: str, preds: Sequence[Mapping[str, str]], gold: Mapping[str, str], secs: float) -> str:
    """One table row; with several predictions (one per shuffle) every number is their mean."""
    m = len(preds)
    p, r, f = (sum(x) / m for x in zip(*(bcubed(pred, gold) for pred in preds)))
    k = sum(len(set(pred.values())) for pred in preds) / m
    a = sum(ari(pred, gold) for pred in preds) / m
    return f"| {name} | {len(preds[0])} | {k:.0f} | {p:.3f} | {r:.3f} | {f:.3f} | {a:.3f} | {secs / m:.1f} |"


def quality(args: argparse.Namespace) -> None:
    params = StoryParams.from_dict(dict(_kv(p) for p in args.param))
    tune_arts, tune_gold = load_dev(limit=125)
    held_arts, held_gold = load_dev(offset=125)
    all_arts = tune_arts + [a for a in held_arts if a.id not in tune_gold]
    all_gold = {**held_gold, **tune_gold}
    if args.limit:
        all_arts, all_gold = load_dev(limit=args.limit)
    ents = spacy_entities(all_arts, args.cache) if args.spacy else None
    words_only = StoryParams.from_dict({**params.to_dict(), "entity_weight": 0.0})
    print("| system | split | articles | stories | B3 P | B3 R | B3 F1 | ARI | seconds |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    splits = [("all", all_arts, all_gold)]
    if not args.limit:
        splits = [("tune", tune_arts, tune_gold), ("held-out", held_arts, held_gold)] + splits
    seeds = [int(x) for x in args.seeds.split(",")]
    for split, arts, gold in splits:
        streams = [shuffled(arts, seed) for seed in seeds]
        systems = [("ours (proxy entities)", lambda s: ours(s, params)),
                   ("ours, one article at a time", lambda s: ours_one_by_one(s, params)),
                   ("ours (words only)", lambda s: ours(s, words_only))]
        if ents is not None:
            systems.append(("ours (spaCy entities)", lambda s: ours(s, params, ents)))
        systems.append((f"baseline agglomerative TF-IDF (t={args.baseline_threshold})",
                        lambda s: baseline(s, args.baseline_threshold)))
        for name, fn in systems:
            t0 = time.perf_counter()
            preds = [fn(stream) for stream in streams]
            print(row(f"{name} | {split}", preds, gold, time.perf_counter() - t0))
    for split, arts, gold in splits:
        for span in (365, 30, 7):
            t0 = time.perf_counter()
            preds = [ours(redate(shuffled(arts, seed), gold, span=span), params) for seed in seeds]
            print(row(f"ours (proxy), re-dated over {span} days | {split}", preds, gold, time.perf_counter() - t0))


# --------------------------------------------------------------------------- scale


def synthetic(n: int, seed: int = 7) -> tuple[list[Article], dict[str, str]]:
    """Return ``n`` re-dated variants of dev articles and their gold story (cluster, copy)."""
    import datetime as dt

    arts, gold = load_dev()
    clusters: dict[str, list[Article]] = defaultdict(list)
    for a in arts:
        clusters[gold[a.id]].append(a)
    names = sorted(clusters)
    rng = random.Random(seed)
    out: list[Article] = []
    labels: dict[str, str] = {}
    copy = 0
    while len(out) < n:
        copy += 1
        cid = rng.choice(names)
        base = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3650))
        for a in clusters[cid]:
            paras = [p for p in a.text.split("\n") if p.strip()]
            kept = [p for p in paras if rng.random() < 0.7] or paras[:1]
            text = "\n".join(kept) + f"\n(ref {copy})"
            day = base + dt.timedelta(days=rng.randrange(3))
            art = Article.create(text, f"syn/{copy}/{a.id}", outlet=a.outlet or f"Outlet {rng.randrange(40)}",
                                 published=day.isoformat())
            if art.id not in labels and len(out) < n:
                labels[art.id] = f"{cid}#{copy}"
                out.append(art)
    return out, labels


def write_parquet(arts: Sequence[Article], path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from newsdossier.scale.jobs import ARTICLE_COLUMNS, article_row

    rows = [article_row(i, a) for i, a in enumerate(arts)]
    table = pa.table({c: [r[k] for r in rows] for k, c in enumerate(ARTICLE_COLUMNS)})
    pq.write_table(table, path)


def _vmhwm_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        return 0
    return 0


def run_scale(mode: str, parquet: str) -> None:
    """Child process: cluster and dedup the articles in ``parquet``; print one JSON line."""
    import pyarrow.parquet as pq

    from newsdossier.analysis.reuse import near_duplicates
    from newsdossier.scale.jobs import article_from_row

    result: dict[str, float] = {}
    if mode == "local":
        t0 = time.perf_counter()
        table = pq.read_table(parquet).to_pylist()
        arts = [article_from_row(r) for r in table]
        t1 = time.perf_counter()
        stories = cluster_stories(arts)
        t2 = time.perf_counter()
        dups = near_duplicates(arts, 0.8)
        t3 = time.perf_counter()
        result = {"n": len(arts), "stories": len(stories), "dup_groups": len(dups), "load_s": t1 - t0,
                  "stories_s": t2 - t1, "dedup_s": t3 - t2,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
        pred = {a: s.id for s in stories for a in s.articles}
    else:
        from newsdossier.scale import jobs, session

        t0 = time.perf_counter()
        spark = session("local[2]", "bench-stories")
        df = spark.read.parquet(parquet)
        n = df.count()
        t1 = time.perf_counter()
        res = jobs.stories(spark, df)
        t2 = time.perf_counter()
        links = jobs.dedup(spark, df, threshold=0.8).count()
        t3 = time.perf_counter()
        jvm = spark.sparkContext._gateway.proc.pid  # type: ignore[attr-defined]
        result = {"n": n, "stories": len(res.infos), "dup_links": links, "load_s": t1 - t0,
                  "stories_s": t2 - t1, "dedup_s": t3 - t2,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "jvm_mb": _vmhwm_kb(jvm) / 1024}
        pred = {a: s.id for s in res.infos for a in s.articles}
        spark.stop()
    result["pred"] = pred  # type: ignore[assignment]
    print(json.dumps(result))


def scale(args: argparse.Namespace) -> None:
    import tempfile

    sizes = [int(x) for x in args.scale.split(",")]
    modes = ["local"] + (["spark"] if args.spark else [])
    print("| mode | articles | stories | stories s | articles/s | dedup s | peak RSS MB (driver / JVM) | B3 F1 |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            arts, gold = synthetic(n)
            path = Path(tmp) / f"syn{n}.parquet"
            write_parquet(arts, path)
            del arts
            for mode in modes:
                if mode == "spark" and args.spark_max and n > args.spark_max:
                    continue
                proc = subprocess.run([sys.executable, __file__, "--run", mode, str(path)],
                                      capture_output=True, text=True, check=False)
                if proc.returncode != 0:
                    print(f"| {mode} | {n} | failed: {proc.stderr.strip().splitlines()[-1:]} |")
                    continue
                r = json.loads(proc.stdout.strip().splitlines()[-1])
                f1 = bcubed(r["pred"], gold)[2]
                mem = f"{r['rss_mb']:.0f}" + (f" / {r['jvm_mb']:.0f}" if "jvm_mb" in r else "")
                print(f"| {mode} | {r['n']} | {r['stories']} | {r['stories_s']:.1f} | "
                      f"{r['n'] / r['stories_s']:.0f} | {r['dedup_s']:.1f} | {mem} | {f1:.3f} |", flush=True)


def _kv(text: str) -> tuple[str, float]:
    key, _, value = text.partition("=")
    return key, float(value)


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=0, help="use only the first N lines (quick run)")
    ap.add_argument("--spacy", action="store_true", help="also run with spaCy entities (parses all articles)")
    ap.add_argument("--cache", default=None, help="SQLite store used as the parse cache")
    ap.add_argument("--param", action="append", default=[], help="override a StoryParams field")
    ap.add_argument("--seeds", default="13", help="shuffle seeds; rows show the mean over them (e.g. 13,1,2,3,4)")
    ap.add_argument("--baseline-threshold", type=float, default=0.8)
    ap.add_argument("--scale", default="", help="comma-separated sizes for the throughput table")
    ap.add_argument("--spark", action="store_true", help="also measure Spark local[2] at each size")
    ap.add_argument("--spark-max", type=int, default=0, help="skip Spark above this size (0: no limit)")
    ap.add_argument("--duc", action="store_true", help="the DUC 2007 dated stream and per-cluster builds")
    ap.add_argument("--warn", action="store_true", help="how often a build warns that it spans several stories, before/after")
    ap.add_argument("--run", nargs=2, metavar=("MODE", "PARQUET"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.run:
        run_scale(*args.run)
    elif args.scale:
        scale(args)
    elif args.warn:
        warn_builds(StoryParams.from_dict(dict(_kv(p) for p in args.param)))
    elif args.duc:
        duc_quality(StoryParams.from_dict(dict(_kv(p) for p in args.param)),
                    [int(x) for x in args.seeds.split(",")])
    else:
        quality(args)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main()
