"""Throughput of the whole `build` against spaCy alone on the same texts, and peak memory.

Each side runs in its own fresh process (so peak RSS is its own) over the same Multi-News
articles: "spaCy alone" is `nlp.pipe` over the texts; "newsdossier build" is the full
pipeline (ingest from JSONL, furniture cleanup, parse without cache, every analysis, all three
renderers). Prints one table.

    python bench/throughput.py [--n 300]
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
    out: list[str] = []
    for line in DATA.open():
        out.extend(json.loads(line)["documents"])
        if len(out) >= n:
            break
    return out[:n]


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
        write(dossier, Path(tmp) / "out")
        secs = time.perf_counter() - t0
    return {"words": sum(len(t.split()) for t in texts), "secs": secs, "articles": len(dossier.articles),
            "timings": dict(dossier.timings)}


def child(kind: str, n: int) -> None:
    result = run_spacy(n) if kind == "spacy" else run_build(n)
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=300, help="number of articles")
    ap.add_argument("--child", choices=["spacy", "build"])
    args = ap.parse_args()
    if args.child:
        child(args.child, args.n)
        return 0
    if not DATA.exists():
        print(f"missing {DATA}", file=sys.stderr)
        return 1
    rows = {}
    for kind in ("spacy", "build"):
        out = subprocess.run([sys.executable, __file__, "--child", kind, "--n", str(args.n)],
                             capture_output=True, text=True, check=True)
        rows[kind] = json.loads(out.stdout.strip().splitlines()[-1])
    table = Table(title=f"Throughput on {args.n} Multi-News articles ({rows['spacy']['words']:,} words)")
    for col in ("system", "seconds", "words/s", "peak RSS MB", "vs spaCy"):
        table.add_column(col, justify="right" if col != "system" else "left")
    base = rows["spacy"]["words"] / rows["spacy"]["secs"]
    for kind, label in (("spacy", "spaCy nlp.pipe alone"), ("build", "newsdossier build (all stages)")):
        r = rows[kind]
        wps = r["words"] / r["secs"]
        table.add_row(label, f"{r['secs']:.1f}", f"{wps:,.0f}", f"{r['peak_mb']:.0f}", f"{wps / base:.2f}x")
    Console().print(table)
    stages = rows["build"].get("timings", {})
    Console().print("build stages: " + ", ".join(f"{k} {v:.1f}s" for k, v in stages.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
