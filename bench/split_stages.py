"""The split analyses (quotes, facts, claims, timeline) in one process against forked workers.

Same process, same inputs, alternating; best of ``--reps``; wall time and CPU time (the build's
and its workers') per article, and a check that both give the same results. The articles are
`bench/throughput.py`'s texts, parsed once into ``--cache`` (a parse-cache SQLite file, made on
the first run).

    python bench/split_stages.py --n 1000 --cache /tmp/parses.sqlite [--reps 2]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from throughput import _texts  # noqa: E402

from newsdossier import nlp, registry  # noqa: E402
from newsdossier.ingest import ingest  # noqa: E402
from newsdossier.model import Dossier  # noqa: E402
from newsdossier.pipeline import Options, _noop, _parse, _problem, _reads, run_analyses, run_component  # noqa: E402
from newsdossier.pipeline_parallel import ParallelConfig, run_split  # noqa: E402
from newsdossier.store import Store  # noqa: E402


def _cpu() -> float:
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--cache", required=True)
    ap.add_argument("--reps", type=int, default=2)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.jsonl"
        src.write_text("\n".join(json.dumps({"id": str(i), "text": t}) for i, t in enumerate(_texts(args.n))))
        arts = ingest([src]).articles
    docs, _ = _parse(arts, Store(args.cache), _noop)
    sentences, mentions = nlp.parse_all(arts, docs)
    base = Dossier(articles=tuple(arts), sentences=tuple(sentences), mentions=tuple(mentions))
    dossier = run_analyses(base, docs, Options(parallel=ParallelConfig(workers=1)))
    options = Options()
    print(f"{len(arts)} articles; ms an article, best of {args.reps} (wall / CPU of the build and its workers)")
    for comp in registry.order():
        if comp.split is None:
            continue
        reads, config = _reads(comp, dossier.articles, docs), options.config(comp.name)
        best = {k: float("inf") for k in ("one", "one cpu", "forked", "forked cpu")}
        for _ in range(args.reps):
            t, c = time.perf_counter(), _cpu()
            one, _ = run_component(comp, dossier, docs, reads, config)
            best["one"], best["one cpu"] = min(best["one"], time.perf_counter() - t), min(best["one cpu"], _cpu() - c)
            t, c = time.perf_counter(), _cpu()
            forked = run_split(comp, dossier, docs, reads, config, options.parallel, _problem)
            best["forked"] = min(best["forked"], time.perf_counter() - t)
            best["forked cpu"] = min(best["forked cpu"], _cpu() - c)
            if forked is None or {k: tuple(v) for k, v in forked[0].items()} != {k: tuple(v) for k, v in one.items()}:
                print(f"{comp.name}: the workers' results differ from one process's", file=sys.stderr)
                return 1
        print(f"{comp.name:10} " + "  ".join(f"{k} {1000 * v / len(arts):.1f}" for k, v in best.items()), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
