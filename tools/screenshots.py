"""Take the report's screenshots for docs/screenshots/ at 1440x900 in headless Chromium, and print the measures.

Usage::

    ecosysteem report -o /tmp/site && python tools/screenshots.py /tmp/site docs/screenshots

Prints the smallest rendered bijenkorf label (CSS px) and the number of overlapping labels in the network view,
measured as tests/test_browser.py measures them.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

SHOTS = {
    "overview.png": "index.html",
    "profile-twente.png": "network/twente.html",
    "bijenkorf.png": "bijenkorf.html",
    "network.png": "network.html",
}


def main(site: Path, out: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from test_browser import _LABEL_OVERLAPS, _LABEL_SIZES

    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=["--no-sandbox"])
        for name, page_name in SHOTS.items():
            page = browser.new_page(viewport={"width": 1440, "height": 900})
            page.goto((site / page_name).resolve().as_uri())
            if "new vis.Network(" in (site / page_name).read_text(encoding="utf-8"):
                page.wait_for_function("window.ezReady === true", timeout=30_000)
            page.wait_for_timeout(300)
            page.screenshot(path=str(out / name))
            if page_name == "bijenkorf.html":
                print("bijenkorf: smallest label", round(min(s for _, s in page.evaluate(_LABEL_SIZES)), 2), "px")
            if page_name == "network.html":
                labels, overlaps = page.evaluate(_LABEL_OVERLAPS)
                print(f"network: {labels} labels, {overlaps} overlapping")
            page.close()
        browser.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
