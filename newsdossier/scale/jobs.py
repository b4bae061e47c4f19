"""The Spark jobs: ingest, near-duplicate detection and story clustering, writing Parquet.

Each job is a thin adapter around the local library functions:

- :func:`ingest` — executors read files (:func:`~newsdossier.ingest.read_path`: HTML, WARC,
  JSONL, Multi-News...), line counts for boilerplate detection are reduced across the whole
  input (as local ingest counts them across all inputs), then executors clean each document
  (:func:`~newsdossier.ingest.furniture.clean`, :func:`~newsdossier.ingest.articles_from_raw`);
  exact duplicates keep their first occurrence in input order.
- :func:`dedup` — map: a MinHash sketch per article (:func:`~newsdossier.analysis.reuse.sketch`);
  shuffle: LSH band buckets with the same bands as ``datasketch.MinHashLSH``; reduce:
  candidate pairs checked on the full sketch; groups are connected components, and each
  group's sketch is the merge (element-wise minimum) of its members' sketches.
- :func:`stories` — map: :func:`~newsdossier.analysis.stories.features_for`; reduce:
  document frequencies (:func:`~newsdossier.analysis.stories.count_df`, merged by adding);
  then the online assignment runs on the driver over the features streamed in stream order
  (:class:`~newsdossier.analysis.stories.StoryClusterer`) — online clustering is sequential
  by definition; the parallel part is the feature extraction and counting.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..analysis.reuse import (
    DEFAULT_PERM,
    DEFAULT_SEED,
    NEAR_THRESHOLD,
    DuplicateOptionsError,
    from_bytes,
    merge_sketches,
    sketch,
    to_bytes,
)
from ..analysis.stories import (
    Assignment,
    Features,
    StoryClusterer,
    StoryInfo,
    StoryParams,
    count_df,
    features_for,
    stream_order,
)
from ..ingest import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_CHARS,
    articles_from_raw,
    furniture,
    read_path,
    walk_inputs,
)
from ..ingest.records import RawDoc
from ..model import Article, Rejected, Removal
from ..unionfind import UnionFind
from . import ScaleInputError

if TYPE_CHECKING:  # pragma: no cover
    from pyspark.sql import DataFrame, SparkSession

__all__ = [
    "ARTICLE_COLUMNS", "IngestOutput", "StoriesOutput", "article_from_row", "article_row",
    "dedup", "ingest", "load_articles", "stories",
]

ARTICLE_COLUMNS = ("order", "id", "input_id", "source", "title", "outlet", "author", "published",
                   "url", "language", "text", "removed", "flags")


@dataclass
class IngestOutput:
    """The DataFrames an ingest job produced (and wrote, when given a folder)."""

    articles: DataFrame
    rejected: DataFrame


@dataclass
class StoriesOutput:
    """The result of a stories job: assignments and stories, as DataFrames and as objects."""

    assignments: DataFrame
    stories: DataFrame
    infos: list[StoryInfo]
    assigned: list[Assignment]


# --------------------------------------------------------------------------- rows


def article_row(order: int, art: Article) -> tuple:
    """Return the Parquet row of an article (see :data:`ARTICLE_COLUMNS`)."""
    removed = [{"start": r.start, "end": r.end, "text": r.text, "reason": r.reason, "at": r.at}
               for r in art.removed]
    return (order, art.id, art.input_id, art.source, art.title, art.outlet, art.author,
            art.published, art.url, art.language, art.text, json.dumps(removed), json.dumps(list(art.flags)))


def article_from_row(row: Any) -> Article:
    """Rebuild an :class:`Article` from a Parquet row (a ``Row`` or a mapping)."""
    get = row.__getitem__
    return Article(
        id=get("id"), source=get("source"), text=get("text"), title=get("title"),
        outlet=get("outlet"), author=get("author"), published=get("published"), url=get("url"),
        language=get("language") or "und", input_id=get("input_id"),
        removed=tuple(Removal(**r) for r in json.loads(get("removed") or "[]")),
        flags=tuple(json.loads(get("flags") or "[]")),
    )


def _article_schema() -> Any:
    from pyspark.sql.types import LongType, StringType, StructField, StructType

    return StructType([StructField("order", LongType(), False)]
                      + [StructField(c, StringType(), c not in ("id", "source", "text", "language"))
                         for c in ARTICLE_COLUMNS[1:]])


# --------------------------------------------------------------------------- ingest


def _read_file(item: tuple[int, str], max_bytes: int) -> Iterator[tuple[tuple[int, int], Any]]:
    idx, path = item
    for j, rec in enumerate(read_path(Path(path), max_bytes=max_bytes)):
        if isinstance(rec, RawDoc):
            rec = replace(rec, text=furniture.normalise_whitespace(rec.text))
        yield (idx, j), rec


def _short_lines(rec: Any) -> list[str]:
    return list(furniture.line_counts([rec.text]))


def _clean(item: tuple[tuple[int, int], RawDoc], counts: dict[str, int], lang: str | None,
           max_chars: int, remove: bool) -> tuple[tuple[int, int], Article | Rejected]:
    key, raw = item
    if len(raw.text) > max_chars:
        return key, articles_from_raw([raw], max_chars=max_chars, remove_furniture=False).rejected[0]
    removed: tuple[Removal, ...] = ()
    text = raw.text
    if remove:
        text, removed = furniture.clean(text, Counter(counts))
    res = articles_from_raw([replace(raw, text=text)], lang=lang, max_chars=max_chars,
                            remove_furniture=False)
    if res.articles:
        return key, replace(res.articles[0], removed=removed)
    rej = res.rejected[0]
    if removed and rej.reason.startswith("too short to be an article"):
        rej = Rejected(rej.source, rej.reason.replace("too short to be an article", "nothing but page furniture", 1))
    return key, rej


def _first_of(group: tuple[str, Iterable[tuple[tuple[int, int], Article]]]) -> list[tuple[tuple[int, int], Any]]:
    _, members = group
    ordered = sorted(members, key=lambda kv: kv[0])
    (k0, first), rest = ordered[0], ordered[1:]
    out: list[tuple[tuple[int, int], Any]] = [(k0, first)]
    out += [(k, Rejected(a.source, f"duplicate: the same text as {first.source}")) for k, a in rest]
    return out


def ingest(
    spark: SparkSession,
    inputs: Sequence[str | Path],
    out: str | Path | None = None,
    *,
    lang: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_chars: int = DEFAULT_MAX_CHARS,
    remove_furniture: bool = True,
    partitions: int | None = None,
) -> IngestOutput:
    """Read files and folders into an articles DataFrame (and rejections) on Spark.

    Args:
        spark: the session.
        inputs: files and folders (walked on the driver, read on executors).
        out: a folder to write ``articles.parquet`` and ``rejected.parquet`` into.
        lang, max_bytes, max_chars, remove_furniture: as in :func:`newsdossier.ingest.ingest`
            (manifests are not supported here: put metadata in JSONL inputs).
        partitions: how many partitions to read with (default: Spark's parallelism).

    Returns:
        :class:`IngestOutput`; articles carry ``order`` (input order, 0-based).
    """
    sc = spark.sparkContext
    files: list[tuple[int, str]] = []
    walk_rejected: list[tuple[tuple[int, int], Rejected]] = []
    for i, (file, error, root) in enumerate(walk_inputs(list(inputs))):
        if file is None:
            walk_rejected.append(((i, 0), Rejected(str(root), error)))
        else:
            files.append((i, str(file)))
    n_parts = max(1, min(len(files), partitions or sc.defaultParallelism))
    records = sc.parallelize(files, n_parts).flatMap(lambda f: _read_file(f, max_bytes)).cache()
    raws = records.filter(lambda kv: isinstance(kv[1], RawDoc))
    counts: dict[str, int] = {}
    if remove_furniture and raws.count() > 2:
        minimum = furniture.REPEAT_MIN_ARTICLES
        counts = dict(raws.flatMap(lambda kv: [(ln, 1) for ln in _short_lines(kv[1])])
                      .reduceByKey(lambda a, b: a + b).filter(lambda kv: kv[1] >= minimum).collect())
    bc = sc.broadcast(counts)
    cleaned: Any = raws.map(lambda kv: _clean(kv, bc.value, lang, max_chars, remove_furniture))
    arts: Any = (cleaned.filter(lambda kv: isinstance(kv[1], Article))
            .map(lambda kv: (kv[1].id, kv)).groupByKey().flatMap(_first_of))
    rejected: Any = (records.filter(lambda kv: isinstance(kv[1], Rejected))
                .union(cleaned.filter(lambda kv: isinstance(kv[1], Rejected)))
                .union(arts.filter(lambda kv: isinstance(kv[1], Rejected)))
                .union(sc.parallelize(walk_rejected, 1)))
    kept = (arts.filter(lambda kv: isinstance(kv[1], Article)).sortBy(lambda kv: kv[0])
            .zipWithIndex().map(lambda kv_i: article_row(kv_i[1], kv_i[0][1])))
    art_df = spark.createDataFrame(kept, _article_schema())
    rej_df = spark.createDataFrame(
        rejected.sortBy(lambda kv: kv[0]).zipWithIndex()
        .map(lambda kv_i: (kv_i[1], kv_i[0][1].source, kv_i[0][1].reason)),
        "order long, source string, reason string",
    )
    if out is not None:
        art_df.write.mode("overwrite").parquet(str(Path(out) / "articles.parquet"))
        rej_df.write.mode("overwrite").parquet(str(Path(out) / "rejected.parquet"))
        art_df = spark.read.parquet(str(Path(out) / "articles.parquet"))
        rej_df = spark.read.parquet(str(Path(out) / "rejected.parquet"))
    records.unpersist()
    return IngestOutput(art_df, rej_df)


def load_articles(spark: SparkSession, path: str | Path) -> DataFrame:
    """Return the articles DataFrame at ``path``: an ingest output folder or Parquet file.

    Raises:
        ScaleInputError: if there is no Parquet there or it lacks article columns.
    """
    p = Path(path)
    target = p / "articles.parquet" if (p / "articles.parquet").exists() else p
    if not target.exists():
        raise ScaleInputError(f"no articles Parquet at {path}: run `ingest` first or pass its output folder")
    df = spark.read.parquet(str(target))
    missing = {"order", "id", "text", "source"} - set(df.columns)
    if missing:
        raise ScaleInputError(f"{target} is not an articles table (missing columns {sorted(missing)})")
    return df


# --------------------------------------------------------------------------- dedup


def _sketch_row(row: Any, num_perm: int, seed: int) -> tuple[str, tuple[int, bytes]] | None:
    mh = sketch(row["text"], num_perm=num_perm, seed=seed)
    if mh.is_empty():
        return None
    return row["id"], (int(row["order"]), to_bytes(mh))


def _bands(item: tuple[str, tuple[int, bytes]], ranges: list[tuple[int, int]]) -> list[tuple[tuple[int, bytes], tuple[int, str]]]:
    aid, (order, data) = item
    hv = from_bytes(data).hashvalues
    return [((i, hv[s:e].tobytes()), (order, aid)) for i, (s, e) in enumerate(ranges)]


def _bucket_pairs(members: Iterable[tuple[int, str]]) -> list[tuple[str, str]]:
    ms = sorted(set(members))
    return [(ms[i][1], ms[j][1]) for i in range(len(ms)) for j in range(i + 1, len(ms))]


def _similar(a: tuple[int, bytes], b: tuple[int, bytes]) -> float:
    return float(from_bytes(a[1]).jaccard(from_bytes(b[1])))


def dedup(
    spark: SparkSession,
    articles: DataFrame,
    out: str | Path | None = None,
    *,
    threshold: float = NEAR_THRESHOLD,
    num_perm: int = DEFAULT_PERM,
    seed: int = DEFAULT_SEED,
) -> DataFrame:
    """Find near-duplicate articles with MinHash LSH on Spark.

    Args:
        spark: the session.
        articles: an articles DataFrame (columns ``order``, ``id``, ``text``).
        out: a folder to write ``duplicates.parquet`` (``article_id``, ``of``) and
            ``duplicate_groups.parquet`` (``group``, ``members``, merged ``sketch``) into.
        threshold: estimated Jaccard similarity of word 5-grams to be duplicates.
        num_perm, seed: MinHash parameters (sketches are comparable across runs).

    Returns:
        The links DataFrame: every group member but the first (in ``order``) links to the
        first, as :func:`newsdossier.corpus.link_near_duplicates` does locally.

    Raises:
        DuplicateOptionsError: if ``threshold`` is not in (0, 1] or ``num_perm`` < 16.
    """
    from datasketch import MinHashLSH

    if not 0.0 < threshold <= 1.0:
        raise DuplicateOptionsError(f"threshold must be in (0, 1], got {threshold}")
    if num_perm < 16:
        raise DuplicateOptionsError(f"num_perm must be >= 16, got {num_perm}")
    ranges = MinHashLSH(threshold=min(threshold, 0.99), num_perm=num_perm).hashranges
    sketches: Any = (articles.select("order", "id", "text").rdd
                .map(lambda r: _sketch_row(r, num_perm, seed)).filter(lambda x: x is not None).cache())
    pairs = (sketches.flatMap(lambda kv: _bands(kv, ranges)).groupByKey()
             .flatMap(lambda kv: _bucket_pairs(kv[1])).distinct())
    verified = (pairs.join(sketches).map(lambda kv: (kv[1][0], (kv[0], kv[1][1])))
                .join(sketches)
                .filter(lambda kv: _similar(kv[1][0][1], kv[1][1]) >= threshold)
                .map(lambda kv: (kv[1][0][0], kv[0])).collect())
    order = dict(sketches.map(lambda kv: (kv[0], kv[1][0])).collect()) if verified else {}
    groups = _components(verified, order)
    links = [(m, g[0]) for g in groups for m in g[1:]]
    sc = spark.sparkContext
    links_df = spark.createDataFrame(sc.parallelize(links, 1), "article_id string, of string")
    if out is not None:
        member_of = sc.broadcast({m: g[0] for g in groups for m in g})
        merged = (sketches.filter(lambda kv: kv[0] in member_of.value)
                  .map(lambda kv: (member_of.value[kv[0]], kv[1][1]))
                  .reduceByKey(_merge))
        members = sc.parallelize([(g[0], g) for g in groups], 1)
        groups_df = spark.createDataFrame(
            members.join(merged).map(lambda kv: (kv[0], kv[1][0], bytearray(kv[1][1]))),
            "group string, members array<string>, sketch binary",
        )
        links_df.write.mode("overwrite").parquet(str(Path(out) / "duplicates.parquet"))
        groups_df.write.mode("overwrite").parquet(str(Path(out) / "duplicate_groups.parquet"))
    sketches.unpersist()
    return links_df


def _merge(a: bytes, b: bytes) -> bytes:
    """Merge two serialised sketches into the sketch of the union of their sets."""
    return to_bytes(merge_sketches([from_bytes(a), from_bytes(b)]))


def _components(pairs: Sequence[tuple[str, str]], order: dict[str, int]) -> list[list[str]]:
    sets: UnionFind[str] = UnionFind(rank=order.__getitem__)
    for a, b in pairs:
        sets.union(a, b)
    return sets.groups(min_size=2)


# --------------------------------------------------------------------------- stories


def _features(row: Any, params: StoryParams) -> tuple[int, Features]:
    art = Article(id=row["id"], source=row["source"], text=row["text"], title=row["title"],
                  outlet=row["outlet"], published=row["published"])
    return int(row["order"]), features_for(art, params)


def _count(part: Iterable[tuple[int, Features]]) -> list[tuple[int, Counter, Counter]]:
    return [count_df(f for _, f in part)]


def _add_counts(a: tuple[int, Counter, Counter], b: tuple[int, Counter, Counter]) -> tuple[int, Counter, Counter]:
    a[1].update(b[1])
    a[2].update(b[2])
    return a[0] + b[0], a[1], a[2]


def stories(
    spark: SparkSession,
    articles: DataFrame,
    out: str | Path | None = None,
    *,
    params: StoryParams | None = None,
) -> StoriesOutput:
    """Sort articles into stories: features and counts on executors, assignment on the driver.

    Entities are the capitalised-word proxy (no spaCy parse at this scale).

    Args:
        spark: the session.
        articles: an articles DataFrame (``order``, ``id``, ``source``, ``text``, ``title``,
            ``outlet``, ``published``).
        out: a folder to write ``assignments.parquet`` and ``stories.parquet`` into.
        params: clustering parameters.

    Returns:
        :class:`StoriesOutput`, equal to :func:`newsdossier.analysis.stories.cluster_stories`
        over the same articles in ``order``.
    """
    p = params or StoryParams()
    cols = ["order", "id", "source", "text", "title", "outlet", "published"]
    feats = (articles.select(*cols).rdd.map(lambda r: _features(r, p))
             .cache())
    n, wdf, edf = feats.mapPartitions(_count).treeReduce(_add_counts)
    dated = sorted(feats.map(lambda kv: (kv[0], kv[1].published)).collect())
    ranks = stream_order(dated, [d for _, d in dated])
    rank_of = spark.sparkContext.broadcast({dated[r][0]: i for i, r in enumerate(ranks)})
    clusterer = StoryClusterer(params=p)
    clusterer.add_counts(n, wdf, edf)
    assigned: list[Assignment] = []
    chunk: list[Features] = []
    for _, f in feats.sortBy(lambda kv: rank_of.value[kv[0]]).toLocalIterator():
        chunk.append(f)
        if len(chunk) >= 2000:
            assigned += clusterer.add(chunk, count=False)
            chunk = []
    assigned += clusterer.add(chunk, count=False)
    feats.unpersist()
    infos = clusterer.stories()
    sc = spark.sparkContext
    a_df = spark.createDataFrame(
        sc.parallelize([(i, a.article, a.story, a.new, a.score) for i, a in enumerate(assigned)], 4),
        "seq long, article_id string, story_id string, new boolean, score double",
    )
    s_df = spark.createDataFrame(
        sc.parallelize([(s.id, s.label, s.size, list(s.articles), list(s.outlets), s.first, s.last)
                        for s in infos], 4),
        "id string, label string, size long, articles array<string>, outlets array<string>,"
        " first string, last string",
    )
    if out is not None:
        a_df.write.mode("overwrite").parquet(str(Path(out) / "assignments.parquet"))
        s_df.write.mode("overwrite").parquet(str(Path(out) / "stories.parquet"))
    return StoriesOutput(a_df, s_df, infos, assigned)
