"""Spark jobs on a real local[2] session: same articles, duplicates and stories as local mode."""

from __future__ import annotations

import json

import pytest

from newsdossier import corpus
from newsdossier.analysis.stories import cluster_stories
from newsdossier.ingest import ingest as local_ingest
from newsdossier.scale import spark_available
from newsdossier.store import Store
from tests.analysis.test_stories import ELECTION, FERRY, PANDA

REASON = spark_available()
pytestmark = pytest.mark.skipif(REASON is not None, reason=f"Spark cannot run: {REASON}")

BOILER = "Valmora Daily Courier newsletter"


@pytest.fixture(scope="module")
def spark():
    from newsdossier.scale import session

    return session("local[2]", "newsdossier-tests", **{"spark.default.parallelism": "2",
                                                          "spark.sql.shuffle.partitions": "2"})


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    root = tmp_path_factory.mktemp("feed")
    texts = FERRY + ELECTION
    for i, t in enumerate(texts):
        extra = f"\n\n{BOILER}" if i < 3 else ""
        (root / f"a{i}.txt").write_text(t + extra, encoding="utf-8")
    (root / "copy.txt").write_text(FERRY[0] + " More soon.", encoding="utf-8")
    (root / "same.txt").write_text(ELECTION[0], encoding="utf-8")
    (root / "empty.txt").write_text("", encoding="utf-8")
    with (root / "feed.jsonl").open("w", encoding="utf-8") as fh:
        for i, t in enumerate(PANDA):
            fh.write(json.dumps({"id": f"p{i}", "text": t, "outlet": f"Zoo Post {i}",
                                 "published": f"2025-05-0{i + 1}"}) + "\n")
    return root


@pytest.fixture(scope="module")
def ingested(spark, inputs, tmp_path_factory):
    from newsdossier.scale import jobs

    out = tmp_path_factory.mktemp("out")
    res = jobs.ingest(spark, [inputs], out)
    return out, res


def test_ingest_matches_local_mode(ingested, inputs) -> None:
    out, res = ingested
    local = local_ingest([inputs])
    rows = res.articles.orderBy("order").collect()
    assert [r["id"] for r in rows] == [a.id for a in local.articles]
    assert all(BOILER not in r["text"] for r in rows)  # reduced line counts removed the boilerplate
    assert {(r["source"], r["reason"]) for r in res.rejected.collect()} == {
        (r.source, r.reason) for r in local.rejected}
    assert (out / "articles.parquet").is_dir() and (out / "rejected.parquet").is_dir()


def test_dedup_matches_local_mode(spark, ingested, inputs) -> None:
    from newsdossier.scale import jobs

    out, _ = ingested
    links = jobs.dedup(spark, jobs.load_articles(spark, out), out, threshold=0.8)
    spark_links = {(r["article_id"], r["of"]) for r in links.collect()}
    with Store(":memory:") as store:
        report = corpus.add(store, [inputs])
        assert set(report.near_duplicates) == spark_links and len(spark_links) == 1
    groups = spark.read.parquet(str(out / "duplicate_groups.parquet")).collect()
    assert len(groups) == 1 and len(groups[0]["members"]) == 2 and len(groups[0]["sketch"]) > 0


def test_stories_match_local_mode(spark, ingested, inputs) -> None:
    from newsdossier.scale import jobs

    out, _ = ingested
    res = jobs.stories(spark, jobs.load_articles(spark, out), out)
    local = cluster_stories(local_ingest([inputs]).articles)
    assert [(s.id, s.articles, s.label) for s in res.infos] == [(s.id, s.articles, s.label) for s in local]
    table = {r["id"]: r for r in spark.read.parquet(str(out / "stories.parquet")).collect()}
    assert set(table) == {s.id for s in local}
    panda = next(s for s in local if "Qeston" in s.label)
    assert table[panda.id]["first"] == "2025-05-01" and table[panda.id]["size"] == 3
    assert res.assignments.count() == sum(s.size for s in local)


def test_command_line(spark, ingested, tmp_path) -> None:
    from newsdossier.scale.__main__ import main

    out, _ = ingested
    assert main(["stories", str(out), "-o", str(tmp_path)]) == 0
    assert (tmp_path / "assignments.parquet").is_dir()
    assert main(["dedup", str(tmp_path / "nothing"), "-o", str(tmp_path)]) == 2
