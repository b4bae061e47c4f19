"""Load time of one dossier's HTML page in headless Chromium, quote groups laid out whole vs lazily.

Renders the dossier twice — with ``render.html.MORE_AFTER`` set past any story (every quote group
laid out, the page before lazy quotes) and with its configured value — and opens each page three
times, alternating, timing ``load`` plus two animation frames. Prints size and load seconds.

    .venv/bin/python bench/html_load.py dossier.json
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from tempfile import TemporaryDirectory

from playwright import sync_api

from newsdossier.render import html
from newsdossier.render.json import from_json


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dossier", type=Path, help="a dossier's JSON (with texts)")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    d = from_json(args.dossier.read_text(encoding="utf-8"))
    configured = html.MORE_AFTER
    with TemporaryDirectory() as tmp:
        pages = {}
        for name, k in (("before", 10**9), ("after", configured)):
            html.MORE_AFTER = k
            path = Path(tmp) / f"{name}.html"
            path.write_text(html.to_html(d), encoding="utf-8")
            pages[name] = path
        html.MORE_AFTER = configured
        secs: dict[str, list[float]] = {k: [] for k in pages}
        with sync_api.sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium")
            for _ in range(args.runs):
                for name, path in pages.items():
                    page = browser.new_page()
                    t0 = time.perf_counter()
                    page.goto(path.as_uri(), wait_until="load")
                    page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
                    secs[name].append(time.perf_counter() - t0)
                    page.close()
            browser.close()
        for name, path in pages.items():
            v = sorted(secs[name])
            print(f"{name}: {path.stat().st_size / 1e6:.2f} MB, load s {' '.join(f'{x:.2f}' for x in secs[name])},"
                  f" median {v[len(v) // 2]:.2f}")


if __name__ == "__main__":
    main()
