"""Take the README screenshot: the demo dossier page in headless Chromium, a citation hovered.

    make demo && .venv/bin/python scripts/screenshot.py [out/demo/dossier.html] [docs/screenshot-dossier.png]
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def main(page_path: str = "out/demo/dossier.html", png: str = "docs/screenshot-dossier.png") -> None:
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=ARGS)
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        page.goto(Path(page_path).resolve().as_uri())
        cites = page.locator(".cite[data-a]")
        cites.nth(min(2, cites.count() - 1)).hover()
        page.screenshot(path=png)
        browser.close()
    print(f"screenshot written to {png}")


if __name__ == "__main__":
    main(*sys.argv[1:])
