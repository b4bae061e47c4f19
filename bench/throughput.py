"""Throughput of the whole `build` against spaCy alone on the same texts, and peak memory.

Each side runs in its own fresh process (so peak RSS is its own) over the same Multi-News
articles: "spaCy alone" is `nlp.pipe` over the texts; "newsdossier build" is the full
pipeline (ingest from JSONL, furniture cleanup, parse without cache, every analysis, all three
renderers). Prints one table.

    python bench/throughput.py [--sizes 100,300,1000]

At sizes past the 690 articles of the sample, articles are re-used with a marker sentence
appended, so every text (and so every article id) is distinct. Per size, the table gives
words/s of both sides, peak RSS (the build's own, and its largest worker's: the parse's and the
split analyses' workers), milliseconds per article of every stage and the output sizes.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

HERE = Path(__file__).resolve().parent
DATA = HERE.parent.parent / "shared" / "data" / "multinews_val250.jsonl"


def _texts(n: int) -> list[str]:
    base: list[str] = []
    for line in DATA.open():
        base.extend(json.loads(line)["documents"])
    out = list(base[:n])
    k = 1
    while len(out) < n:
        out.extend(f"{t}\n\nRepublished copy {k}." for t in base[: n - len(out)])
        k += 1
    return out


def run_spacy(n: int) -> dict:
    from newsdossier import nlp

    texts = _texts(n)
    model = nlp.load()
    t0 = time.perf_counter()
    for _ in model.pipe(texts, batch_size=16):
        pass
    secs = time.perf_counter() - t0
    return {"words": sum(len(t.split()) for t in texts), "secs": secs}


def run_build(n: int) -> dict:
    from newsdossier import nlp
    from newsdossier.pipeline import build_dossier
    from newsdossier.render import write

    texts = _texts(n)
    nlp.load()  # model loading is not throughput; both sides load before timing
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.jsonl"
        src.write_text("\n".join(json.dumps({"id": str(i), "text": t}) for i, t in enumerate(texts)))
        t0 = time.perf_counter()
        dossier = build_dossier([src], store=None)
        t1 = time.perf_counter()
        paths = write(dossier, Path(tmp) / "out", ("json", "md", "html"))
        secs = time.perf_counter() - t0
        sizes = {fmt: p.stat().st_size for fmt, p in paths.items()}
    return {"words": sum(len(t.split()) for t in texts), "secs": secs, "articles": len(dossier.articles),
            "timings": {**dossier.timings, "render": round(secs - (t1 - t0), 3)}, "sizes": sizes,
            "problems": len(dossier.problems)}


def child(kind: str, n: int) -> None:
    result = run_spacy(n) if kind == "spacy" else run_build(n)
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # the largest worker's peak (spaCy's parse workers, the split analyses' forked workers);
    # forked workers share the build's pages until they write them, so this overstates them
    result["workers_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps(result))


def _run(kind: str, n: int) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", kind, "--n", str(n)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="100,300,1000", help="comma-separated numbers of articles")
    ap.add_argument("--n", type=int, default=None, help="one size (for --child)")
    ap.add_argument("--child", choices=["spacy", "build"])
    args = ap.parse_args()
    if args.child:
        child(args.child, args.n or 100)
        return 0
    if not DATA.exists():
        print(f"missing {DATA}", file=sys.stderr)
        return 1
    sizes = [int(x) for x in args.sizes.split(",") if x.strip()]
    table = Table(title="Throughput of build against spaCy alone (Multi-News articles, fresh process each)")
    for col in ("articles", "words", "spaCy words/s", "build words/s", "vs spaCy", "spaCy MB", "build MB",
                "worker MB", "ms/article by stage", "json MB", "html MB", "md MB", "problems"):
        table.add_column(col, justify="right" if col != "ms/article by stage" else "left")
    for n in sizes:
        sp, bd = _run("spacy", n), _run("build", n)
        swps, bwps = sp["words"] / sp["secs"], bd["words"] / bd["secs"]
        stages = ", ".join(f"{k} {1000 * v / n:.0f}" for k, v in bd["timings"].items())
        mb = {k: v / 1e6 for k, v in bd["sizes"].items()}
        table.add_row(str(n), f"{sp['words']:,}", f"{swps:,.0f}", f"{bwps:,.0f}", f"{bwps / swps:.2f}x",
                      f"{sp['peak_mb']:.0f}", f"{bd['peak_mb']:.0f}", f"{bd.get('workers_mb', 0):.0f}", stages, f"{mb['json']:.1f}",
                      f"{mb['html']:.1f}", f"{mb['md']:.1f}", str(bd["problems"]))
    Console(width=200).print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
