"""Benchmark the HTML views: time to build and write each page, and time until headless Chromium has drawn it.

Run on demand: ``python benchmarks/bench_html.py [--sizes 1000,5000] [--no-browser]``. The baseline is the
default data, measured in the same run; larger graphs add a synthetic national ecosystem
(:mod:`ecosysteem.synthetic`) of that many organisations to the defaults. For each graph it prints the
seconds to build and write: the bijenkorf (with the gap analysis it runs for its marks, and without), the network
view drawn node by node, the same view aggregated, and the comparison; then, in Chromium (``/usr/bin/chromium``,
driven by Playwright), the seconds from opening the file until the page is drawn (``window.ezReady``) and the
browser is idle. Ratios are against the baseline.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ecosysteem.graph.ecosystem import Ecosystem, load
from ecosysteem.output.html import bijenkorf_html, comparison_html, network_graph, network_html
from ecosysteem.output.html._render import write_page

CHROMIUM = Path("/usr/bin/chromium")


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def build_graph(organisations: int, folder: Path) -> Ecosystem:
    if organisations == 0:
        return load()
    try:
        from ecosysteem.synthetic import generate
    except ImportError:  # no generator: the default data replicated under renamed IRIs
        return replicated(organisations // 25)
    path = folder / f"synthetic-{organisations}.nt"
    generate(path, organisations, seed=1)
    return load(path)


def replicated(copies: int) -> Ecosystem:
    """The default data plus ``copies`` copies of its networks' data with renamed IRIs (fallback generator)."""
    from rdflib import URIRef

    eco = load()
    data = [t for t in eco.graph if "/id/" in str(t[0]) and "/id/level/" not in str(t[0])]
    for i in range(copies):
        for s, p, o in data:
            s2 = URIRef(f"{s}-copy{i}") if "/id/organisation/" in str(s) or "/id/activity/" in str(s) else s
            o2 = (
                URIRef(f"{o}-copy{i}")
                if isinstance(o, URIRef) and ("/id/organisation/" in o or "/id/activity/" in o)
                else o
            )
            eco.graph.add((s2, p, o2))
    return eco


def measure_build(eco: Ecosystem, folder: Path, tag: str) -> dict[str, float]:
    figures: dict[str, float] = {}
    G = network_graph(eco)
    figures["nodes"] = G.number_of_nodes()
    jobs: dict[str, Callable[[], str]] = {
        "bijenkorf": lambda: bijenkorf_html(eco),
        "bijenkorf-no-gaps": lambda: bijenkorf_html(eco, findings=[]),
        "network": lambda: network_html(eco, max_nodes=10**9),
        "network-aggregated": lambda: network_html(eco, max_nodes=1),
        "comparison": lambda: comparison_html(eco),
    }
    for name, job in jobs.items():
        seconds, page = timed(job)
        write_seconds, _ = timed(lambda page=page, name=name: write_page(folder / f"{tag}-{name}.html", page))
        figures[f"{name} build"] = seconds
        figures[f"{name} write"] = write_seconds
        figures[f"{name} MB"] = len(page.encode("utf-8")) / 1e6
    return figures


def measure_browser(browser: Any, folder: Path, tag: str) -> dict[str, float]:
    figures: dict[str, float] = {}
    for name in ("bijenkorf", "network", "network-aggregated"):
        page = browser.new_page(viewport={"width": 1500, "height": 1000})
        errors: list[str] = []
        page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
        start = time.perf_counter()
        page.goto((folder / f"{tag}-{name}.html").resolve().as_uri())
        page.wait_for_function("window.ezReady === true", timeout=600_000, polling=20)
        drawn = time.perf_counter() - start
        page.evaluate("() => new Promise((done) => requestIdleCallback(() => done(), { timeout: 60000 }))")
        idle = time.perf_counter() - start
        figures[f"{name} drawn"] = drawn
        figures[f"{name} idle"] = idle
        if errors:
            print(f"  page errors in {tag}-{name}: {errors[:2]}", file=sys.stderr)
        page.close()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000", help="Organisations in the synthetic graphs (comma-separated).")
    parser.add_argument("--no-browser", action="store_true", help="Only time the Python side.")
    args = parser.parse_args()
    sizes = [0, *(int(s) for s in args.sizes.split(",") if s)]
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        browser = None
        playwright = None
        if not args.no_browser and CHROMIUM.exists():
            from playwright.sync_api import sync_playwright

            playwright = sync_playwright().start()
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox"])
        for size in sizes:
            tag = "default" if size == 0 else f"synthetic-{size}"
            load_seconds, eco = timed(lambda size=size: build_graph(size, folder))
            print(f"{tag}: {len(eco.graph)} triples, loaded in {load_seconds:.1f} s", file=sys.stderr)
            figures = {"triples": float(len(eco.graph))}
            figures.update(measure_build(eco, folder, tag))
            if browser is not None:
                if size == 0:  # warm-up: the first page also pays for starting Chromium's renderer
                    measure_browser(browser, folder, tag)
                figures.update(measure_browser(browser, folder, tag))
            results[tag] = figures
        if browser is not None and playwright is not None:
            browser.close()
            playwright.stop()
    baseline = results["default"]
    keys = list(baseline)
    print(f"{'measure':28}" + "".join(f"{tag:>24}" for tag in results))
    for key in keys:
        row = f"{key:28}"
        for figures in results.values():
            value = figures.get(key, float("nan"))
            ratio = value / baseline[key] if baseline.get(key) else float("nan")
            shown = f"{value:,.0f}" if key in {"triples", "nodes"} else f"{value:.3f}"
            row += f"{shown:>14} (×{ratio:5.1f})"
        print(row)


if __name__ == "__main__":
    main()
