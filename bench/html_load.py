"""Load time of dossier pages in headless Chromium: this checkout's renderer against a baseline's.

Each dossier JSON is rendered by this checkout (``after``) and, with ``--baseline DIR`` (a
checkout or frozen copy of the package, e.g. ``git archive <commit> newsdossier | tar -x -C DIR``),
by that code in a child process (``before``); every page is opened ``--runs`` times, alternating,
timing the ``load`` event plus two animation frames (median). Prints one table: articles, page
size and load seconds of each side.

    .venv/bin/python bench/html_load.py out100/dossier.json out1000/dossier.json --baseline /tmp/base
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from tempfile import TemporaryDirectory

from playwright import sync_api

from newsdossier.render import html
from newsdossier.render.json import from_json

_RENDER = ("import sys; from pathlib import Path; from newsdossier.render import html; "
           "from newsdossier.render.json import from_json; "
           "Path(sys.argv[2]).write_text(html.to_html(from_json(Path(sys.argv[1]).read_text('utf-8'))), 'utf-8')")


def _render_baseline(baseline: Path, src: Path, out: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(baseline)}
    # -P: no current folder on sys.path, so the baseline's package is the one imported
    subprocess.run([sys.executable, "-P", "-c", _RENDER, str(src), str(out)], env=env, check=True,
                   cwd=str(baseline))


def _load_seconds(browser: sync_api.Browser, path: Path) -> float:
    page = browser.new_page()
    t0 = time.perf_counter()
    page.goto(path.as_uri(), wait_until="load", timeout=300_000)
    page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    secs = time.perf_counter() - t0
    page.close()
    return secs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dossiers", type=Path, nargs="+", help="dossier JSON files (with texts)")
    ap.add_argument("--baseline", type=Path, default=None, help="folder holding the baseline's newsdossier package")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    rows = []
    with TemporaryDirectory() as tmp, sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium")
        for n, src in enumerate(args.dossiers):
            d = from_json(src.read_text(encoding="utf-8"))
            pages = {}
            if args.baseline is not None:
                pages["before"] = Path(tmp) / f"{n}-before.html"
                _render_baseline(args.baseline, src, pages["before"])
            pages["after"] = Path(tmp) / f"{n}-after.html"
            pages["after"].write_text(html.to_html(d), encoding="utf-8")
            secs: dict[str, list[float]] = {k: [] for k in pages}
            for _ in range(args.runs):
                for name, path in pages.items():
                    secs[name].append(_load_seconds(browser, path))
            row = {"articles": len(d.articles), "quotes": len(d.quotes), "entities": len(d.entities),
                   "timeline": len(d.timeline), "reuse": len(d.reuse)}
            for name, path in pages.items():
                v = sorted(secs[name])
                row[name] = {"mb": round(path.stat().st_size / 1e6, 2), "median_s": round(v[len(v) // 2], 2),
                             "runs": [round(x, 2) for x in secs[name]]}
            rows.append(row)
            print(json.dumps(row), file=sys.stderr, flush=True)
        browser.close()
    sides = [s for s in ("before", "after") if s in rows[0]]
    print("| articles | quotes / entities / timeline / reuse | " + " | ".join(f"{s} MB | {s} load s" for s in sides) + " |")
    print("|---:|---|" + "---:|---:|" * len(sides))
    for r in rows:
        print(f"| {r['articles']:,} | {r['quotes']:,} / {r['entities']:,} / {r['timeline']:,} / {r['reuse']:,} | "
              + " | ".join(f"{r[s]['mb']:.1f} | {r[s]['median_s']:.2f}" for s in sides) + " |")


if __name__ == "__main__":
    main()
