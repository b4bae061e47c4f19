"""``python -m newsdossier.scale ingest|dedup|stories ...`` (also usable with ``spark-submit``).

Examples::

    python -m newsdossier.scale ingest crawl.warc.gz feeds/ -o out/
    python -m newsdossier.scale dedup out/ -o out/ --threshold 0.8
    python -m newsdossier.scale stories out/ -o out/
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence

from ..analysis.reuse import NEAR_THRESHOLD
from . import ScaleInputError, SparkUnavailableError, session


def build_parser(prog: str = "python -m newsdossier.scale") -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog=prog, description="Corpus-scale jobs on Apache Spark: ingest, dedup, stories.")
    ap.add_argument("--master", default="local[2]", help="Spark master (default local[2])")
    sub = ap.add_subparsers(dest="command", required=True)
    ing = sub.add_parser("ingest", help="read files/folders (text, HTML, JSONL, Multi-News, WARC) into Parquet")
    ing.add_argument("inputs", nargs="+")
    ing.add_argument("-o", "--out", required=True, help="output folder (articles.parquet, rejected.parquet)")
    ing.add_argument("--lang", default=None)
    ing.add_argument("--keep-furniture", action="store_true")
    dd = sub.add_parser("dedup", help="near-duplicate links with MinHash LSH")
    dd.add_argument("articles", help="an ingest output folder or articles Parquet")
    dd.add_argument("-o", "--out", required=True)
    dd.add_argument("--threshold", type=float, default=NEAR_THRESHOLD)
    st = sub.add_parser("stories", help="sort articles into stories")
    st.add_argument("articles", help="an ingest output folder or articles Parquet")
    st.add_argument("-o", "--out", required=True)
    st.add_argument("--threshold", type=float, default=None, help="join threshold (default: measured)")
    return ap


def main(argv: Sequence[str] | None = None, prog: str = "python -m newsdossier.scale") -> int:
    """Run one job; return the exit code (2 when Spark is missing or an input is wrong)."""
    args = build_parser(prog).parse_args(argv)
    from ..analysis.reuse import DuplicateOptionsError
    from ..analysis.stories import StoryParams, StoryParamsError
    from . import jobs

    t0 = time.perf_counter()
    try:
        spark = session(args.master)
        if args.command == "ingest":
            res = jobs.ingest(spark, args.inputs, args.out, lang=args.lang,
                              remove_furniture=not args.keep_furniture)
            print(f"{res.articles.count()} articles, {res.rejected.count()} rejected -> {args.out}")
        elif args.command == "dedup":
            links = jobs.dedup(spark, jobs.load_articles(spark, args.articles), args.out,
                               threshold=args.threshold)
            print(f"{links.count()} near-duplicate links -> {args.out}")
        else:
            params = StoryParams() if args.threshold is None else StoryParams(threshold=args.threshold)
            stories = jobs.stories(spark, jobs.load_articles(spark, args.articles), args.out, params=params)
            print(f"{len(stories.assigned)} articles in {len(stories.infos)} stories -> {args.out}")
    except (SparkUnavailableError, ScaleInputError, DuplicateOptionsError, StoryParamsError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"done in {time.perf_counter() - t0:.1f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
