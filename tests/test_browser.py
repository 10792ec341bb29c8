"""The report's pages in headless Chromium: they draw without errors, hold the plate, and hostile names stay text.

Chromium is Debian's ``/usr/bin/chromium`` (installed by ``.ci/run``), driven by Playwright's Python package; no
browser is ever downloaded. Without that binary these tests are skipped. One browser serves the whole session.
Screenshots go to a temporary folder and, when ``ECOSYSTEEM_ARTEFACTS`` names a folder, are copied there.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from ecosysteem.graph import Ecosystem
from ecosysteem.output.html import bijenkorf_html, network_html, write_report
from ecosysteem.output.html._render import write_page
from hostile import HOSTILE_TTL

CHROMIUM = Path("/usr/bin/chromium")
BASE_IRI = "https://w3id.org/ecosysteem/id/"


PAGES = ("index.html", "bijenkorf.html", "network.html", "comparison.html")
PROFILES = ("network/twente.html", "network/almere.html", "collaboration/ligare.html")
VIS_PAGES = {"bijenkorf.html", "network.html"}


@dataclass
class Opened:
    """A page opened in the browser and everything that went wrong while it loaded and ran."""

    page: Any
    problems: list[str] = field(default_factory=list)

    def js(self, script: str, arg: object = None) -> Any:
        return self.page.evaluate(script, arg)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed (Debian package 'chromium'); the browser tests need it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def artefacts(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Opened, str], Path]:
    folder = tmp_path_factory.mktemp("screenshots")
    extra = os.environ.get("ECOSYSTEEM_ARTEFACTS")

    def shoot(opened: Opened, name: str) -> Path:
        path = folder / name
        opened.page.screenshot(path=str(path))
        if extra:
            Path(extra).mkdir(parents=True, exist_ok=True)
            shutil.copy(path, Path(extra) / name)
        return path

    return shoot


@pytest.fixture(scope="session")
def site(eco: Ecosystem, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The report on the default data (without the slow gap analysis; test_viz covers the gaps table)."""
    return write_report(eco, tmp_path_factory.mktemp("report") / "site", gaps=False).parent


@pytest.fixture(scope="session")
def full_site(eco: Ecosystem, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The report on the default data with the gap analysis: overview findings and profile pages."""
    return write_report(eco, tmp_path_factory.mktemp("report-gaps") / "site").parent


@pytest.fixture
def open_page(browser: Any) -> Iterator[Callable[..., Opened]]:
    contexts: list[Any] = []

    def open_(path: Path, width: int = 1500, height: int = 1000) -> Opened:
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        page = context.new_page()
        opened = Opened(page)
        page.on(
            "console", lambda m: opened.problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None
        )
        page.on("pageerror", lambda e: opened.problems.append(f"page error: {e}"))
        page.on("dialog", lambda d: (opened.problems.append(f"dialog: {d.message}"), d.dismiss()))
        page.on("request", lambda r: None if r.url.startswith(("file:", "data:")) else opened.problems.append(r.url))
        page.goto(path.resolve().as_uri())
        if "new vis.Network(" in path.read_text(encoding="utf-8"):
            page.wait_for_function("window.ezReady === true", timeout=30_000)
        return opened

    yield open_
    for context in contexts:
        context.close()


def _node_xy(opened: Opened, node_id: str) -> tuple[float, float]:
    """Where node ``node_id`` is on the screen (the page is scrolled to bring it into view first)."""
    opened.js(
        """(id) => {
            const dom = ezNetwork.canvasToDOM(ezNetwork.getPositions([id])[id]);
            const box = document.getElementById("graph").getBoundingClientRect();
            window.scrollBy(0, box.top + dom.y - window.innerHeight / 2);
        }""",
        node_id,
    )
    x, y = opened.js(
        """(id) => {
            const dom = ezNetwork.canvasToDOM(ezNetwork.getPositions([id])[id]);
            const box = document.getElementById("graph").getBoundingClientRect();
            return [box.left + dom.x, box.top + dom.y];
        }""",
        node_id,
    )
    return float(x), float(y)


def _hover_node(opened: Opened, node_id: str) -> str:
    """Move the mouse onto a node and return the text of the tooltip vis-network shows."""
    x, y = _node_xy(opened, node_id)
    opened.page.mouse.move(x - 3, y - 3)
    opened.page.mouse.move(x, y)
    tip = opened.page.locator("div.vis-tooltip")
    tip.wait_for(state="visible", timeout=5_000)
    return str(tip.inner_text())


# -- the report on the default data ------------------------------------------------------------------------


@pytest.mark.parametrize("name", PAGES)
def test_report_page_opens_offline_without_errors(
    site: Path, open_page: Callable[[Path], Opened], artefacts: Callable[[Opened, str], Path], name: str
) -> None:
    opened = open_page(site / name)
    shot = artefacts(opened, f"report-{name.replace('.html', '.png')}")
    assert shot.stat().st_size > 10_000
    assert opened.problems == []
    assert opened.js("document.documentElement.lang") == "nl"
    if name in VIS_PAGES:
        assert opened.page.locator("#legend li").count() >= 6
        assert opened.page.locator("#legend").is_visible()
    if name == "index.html":
        for link in PAGES[1:]:
            assert opened.page.locator(f'#pages a[href="{link}"]').count() == 1


def test_bijenkorf_draws_the_plate(site: Path, open_page: Callable[[Path], Opened]) -> None:
    opened = open_page(site / "bijenkorf.html")
    counts = opened.js(
        """() => {
            const c = {};
            for (const n of ezNodes.get()) c[n.kind] = (c[n.kind] || 0) + 1;
            return c;
        }"""
    )
    assert (counts["function"], counts["action"], counts["loop"], counts["level"]) == (6, 14, 3, 3)
    # Every node is on the canvas where Python put it: the layout is not simulated.
    moved = opened.js(
        """() => ezNodes.get().filter((n) => {
            const p = ezNetwork.getPositions([n.id])[n.id];
            return Math.abs(p.x - n.x) > 1 || Math.abs(p.y - n.y) > 1;  // getPositions rounds
        }).length"""
    )
    assert moved == 0
    tip = _hover_node(opened, f"{BASE_IRI}function/verbindingsfunctie")
    assert "Verbindingsfunctie landelijk – regionaal" in tip
    assert "Het bovenregionale niveau verbindt landelijk beleid en regionale praktijk" in tip
    # Clicking a loop keeps it and its actions in full colour and dims the rest.
    loop = f"{BASE_IRI}loop/onderzoek"
    opened.page.mouse.click(*_node_xy(opened, loop))
    kept = set(opened.js("() => ezNodes.get().filter((n) => n.opacity === 1).map((n) => n.id)"))
    dimmed = opened.js("() => ezNodes.get().filter((n) => n.opacity < 1).length")
    actions = set(opened.js("(loop) => ezNodes.get().filter((n) => n.loop === loop).map((n) => n.id)", loop))
    assert len(actions) == 4
    assert {loop, *actions} <= kept
    assert dimmed > 0
    assert opened.problems == []


def test_network_filters_search_and_switches(site: Path, open_page: Callable[[Path], Opened]) -> None:
    opened = open_page(site / "network.html")
    total = opened.js("() => ezView.length")
    assert total == opened.js("() => ezNodes.length") > 50
    opened.page.select_option("#filter-network", f"{BASE_IRI}network/twente")
    twente = opened.js("() => ezView.length")
    assert 10 < twente < total
    opened.page.select_option("#filter-network", "")
    assert opened.js("() => ezView.length") == total
    opened.page.fill("#search", "Ziekenhuisgroep Twente")
    assert opened.page.locator("#search-result").inner_text().startswith("1 ")
    assert opened.js("() => ezNetwork.getSelectedNodes()") == [f"{BASE_IRI}organisation/zgt"]
    opened.page.select_option("#colour-by", "level")
    colour = opened.js(f"() => ezNodes.get('{BASE_IRI}network/twente').color")
    assert colour == "#3f8f3a"
    assert opened.page.locator("#legend-level").is_visible()
    assert not opened.page.locator("#legend-kind").is_visible()
    assert opened.problems == []


# -- hostile names -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import ecosysteem.graph.ecosystem as graph_module
    from ecosysteem.resources import data_dir

    folder = tmp_path_factory.mktemp("hostile")
    turtle = folder / "hostile.ttl"
    prefixes = (
        "@prefix ez: <https://w3id.org/ecosysteem/def#> .\n@prefix org: <http://www.w3.org/ns/org#> .\n"
        "@prefix dcterms: <http://purl.org/dc/terms/> .\n@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
    )
    turtle.write_text(prefixes + HOSTILE_TTL, encoding="utf-8")
    eco = graph_module.load(data_dir("datasets") / "002-bijenkorf.ttl", turtle, defaults=False)
    site = write_report(eco, folder / "site", gaps=True).parent
    write_page(site / "bijenkorf-focus.html", bijenkorf_html(eco, collaboration="collaboration/evil"))
    write_page(site / "network-around.html", network_html(eco, lang="en", around="organisation/evil", depth=2))
    return site


@pytest.mark.parametrize(
    "name", [*PAGES, "bijenkorf-focus.html", "network-around.html", "network/evil.html", "collaboration/evil.html"]
)
def test_hostile_names_are_inert_and_literal(
    hostile_site: Path,
    open_page: Callable[[Path], Opened],
    artefacts: Callable[[Opened, str], Path],
    name: str,
) -> None:
    opened = open_page(hostile_site / name)
    if name in {"network.html", "network-around.html"}:
        tip = _hover_node(opened, f"{BASE_IRI}organisation/evil")
        assert "<img src=x onerror=alert(1)>" in tip
        assert opened.page.locator("div.vis-tooltip img").count() == 0
        label = opened.js(f"() => ezNodes.get('{BASE_IRI}organisation/evil').fullLabel")
        assert label == "<img src=x onerror=alert(1)>"
    if name == "comparison.html":
        rows = opened.page.locator("table.heat tbody th").all_inner_texts()
        assert "<script>alert(1)</script> Netwerk" in rows
    if name == "bijenkorf-focus.html":
        assert "Consortium \"Quote\" 'single' & <b>bold</b>" in opened.page.locator("p.lead").first.inner_text()
    if name == "index.html":
        assert "<script>alert(1)</script> Netwerk" in opened.page.locator("#gaps").inner_text()
    if name == "network/evil.html":
        assert opened.page.locator("h1").inner_text() == "<script>alert(1)</script> Netwerk"
    if name == "collaboration/evil.html":
        assert "<b>bold</b>" in opened.page.locator("h1").inner_text()
    artefacts(opened, f"hostile-{name.replace('.html', '.png').replace('/', '-')}")
    assert opened.js("() => document.querySelectorAll('img, b, script[src]').length") == 0
    assert opened.problems == [], "a payload ran or the page failed"


# -- reading at 1440 x 900 ---------------------------------------------------------------------------------

_LABEL_SIZES = """() => {
    // The rendered size of every label on the canvas: its font size (canvas units) times the zoom.
    const scale = ezNetwork.getScale();
    const sizes = [];
    for (const n of ezNodes.get()) {
        const hex = EZ.hex ? EZ.hex[n.id] : undefined;
        if (hex) sizes.push([n.id, hex.font * scale]);
        else if (n.label) sizes.push([n.id, ((n.font && n.font.size) || 14) * scale]);
    }
    return sizes;
}"""

_LABEL_OVERLAPS = """() => {
    // Label boxes measured with the canvas's own text metrics at each node's font and position.
    const ids = ezView.getIds();
    const pos = ezNetwork.getPositions(ids);
    const ctx = document.querySelector("#graph canvas").getContext("2d");
    const boxes = [];
    for (const n of ezNodes.get(ids)) {
        if (!n.label) continue;
        const size = (n.font && n.font.size) || 13;
        ctx.font = size + "px 'DejaVu Sans', sans-serif";
        const lines = String(n.label).split("\\n");
        const w = Math.max(...lines.map((l) => ctx.measureText(l).width));
        const top = pos[n.id].y + (n.size || 10);
        boxes.push({ x0: pos[n.id].x - w / 2, x1: pos[n.id].x + w / 2, y0: top, y1: top + lines.length * size * 1.2 });
    }
    let overlaps = 0;
    for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i], b = boxes[j];
            if (a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1) overlaps++;
        }
    return [boxes.length, overlaps];
}"""


def test_bijenkorf_labels_are_readable_at_1440(site: Path, open_page: Callable[..., Opened]) -> None:
    opened = open_page(site / "bijenkorf.html", 1440, 900)
    sizes = opened.js(_LABEL_SIZES)
    assert len(sizes) > 100
    smallest = min(sizes, key=lambda pair: pair[1])
    assert smallest[1] >= 11, f"label of {smallest[0]} renders at {smallest[1]:.1f} px"
    assert opened.problems == []


def test_network_view_labels_do_not_overlap_at_1440(site: Path, open_page: Callable[..., Opened]) -> None:
    opened = open_page(site / "network.html", 1440, 900)
    labels, overlaps = opened.js(_LABEL_OVERLAPS)
    assert labels >= 30, "the main names stay labelled"
    assert overlaps == 0
    # Every consortium keeps its label; a filter re-fits and labels what it shows.
    kept = opened.js("() => ezView.get().filter((n) => n.kind === 'collaboration' && n.label).length")
    assert kept >= 7
    before = opened.js("() => ezNetwork.getScale()")
    opened.page.select_option("#filter-network", f"{BASE_IRI}network/twente")
    assert opened.js("() => ezNetwork.getScale()") > before
    labels_twente, overlaps_twente = opened.js(_LABEL_OVERLAPS)
    assert overlaps_twente == 0 and labels_twente >= 10
    assert opened.problems == []


@pytest.mark.parametrize(("query", "expected"), [("ZGT", "organisation/zgt"), ("groep twente", "organisation/zgt")])
def test_network_search_finds_abbreviations_and_parts(
    site: Path, open_page: Callable[..., Opened], query: str, expected: str
) -> None:
    opened = open_page(site / "network.html", 1440, 900)
    opened.page.fill("#search", query)
    assert f"{BASE_IRI}{expected}" in opened.js("() => ezNetwork.getSelectedNodes()")
    assert opened.js(f"() => ezNodes.get('{BASE_IRI}{expected}').label") != ""  # a hit is labelled


def test_overview_filters_offline(full_site: Path, open_page: Callable[..., Opened], eco: Ecosystem) -> None:
    from ecosysteem.analysis.gaps import find_gaps

    opened = open_page(full_site / "index.html", 1440, 900)
    total = opened.page.locator("#gaps tr.finding").count()
    assert opened.page.locator("#shown").inner_text() == str(total) and total > 50
    twente = f"{BASE_IRI}network/twente"
    opened.page.select_option("#f-network", twente)
    visible = opened.page.locator("#gaps tr.finding:visible")
    expected = [f for f in find_gaps(eco) if f.subject == twente or twente in f.networks]
    assert visible.count() == len(expected) == int(opened.page.locator("#shown").inner_text())
    assert all(twente in n.split() for n in visible.evaluate_all("(rows) => rows.map((r) => r.dataset.networks)"))
    opened.page.select_option("#f-severity", "high")
    high = [f for f in expected if f.severity == "high"]
    assert opened.page.locator("#gaps tr.finding:visible").count() == len(high)
    opened.page.select_option("#f-network", "")
    opened.page.select_option("#f-severity", "")
    opened.page.select_option("#f-status", "unknown")
    unknown = opened.page.locator("#gaps tr.finding:visible")
    assert unknown.count() == sum(1 for f in find_gaps(eco) if f.status == "unknown")
    assert set(unknown.evaluate_all("(rows) => rows.map((r) => r.dataset.status)")) <= {"unknown"}
    assert opened.problems == []


def test_twente_profile_lists_its_findings(full_site: Path, open_page: Callable[..., Opened], eco: Ecosystem) -> None:
    from ecosysteem.analysis.gaps import find_gaps

    opened = open_page(full_site / "network" / "twente.html", 1440, 900)
    assert opened.page.locator("h1").inner_text() == "Netwerken Palliatieve Zorg Twente"
    rows = opened.page.locator("#findings tr.finding")
    own = [f for f in find_gaps(eco) if f.subject == f"{BASE_IRI}network/twente"]
    assert own
    text = opened.page.locator("#findings").inner_text()
    for f in own:
        assert f.message("nl") in text
    assert rows.count() >= len(own)
    assert opened.page.locator("#checklist tr").count() >= 9
    assert opened.problems == []


@pytest.mark.parametrize("name", PROFILES)
def test_profile_pages_open_offline(full_site: Path, open_page: Callable[..., Opened], name: str) -> None:
    opened = open_page(full_site / name, 1440, 900)
    assert opened.problems == []
    assert opened.js("() => document.querySelectorAll('[src], link[href]').length") == 0
    # every link stays inside the site
    hrefs = opened.js("() => Array.from(document.querySelectorAll('a[href]')).map((a) => a.getAttribute('href'))")
    assert hrefs and not [h for h in hrefs if h.startswith(("http:", "https:", "//"))]


@pytest.mark.parametrize("name", ["network.html", "bijenkorf.html"])
def test_a_double_click_opens_the_profile(site: Path, open_page: Callable[..., Opened], name: str) -> None:
    opened = open_page(site / name, 1440, 900)
    twente = f"{BASE_IRI}network/twente"
    if name == "network.html":
        opened.page.select_option("#filter-network", twente)
    assert opened.js(f"() => ezNodes.get('{twente}').href") == "network/twente.html"
    opened.page.mouse.dblclick(*_node_xy(opened, twente))
    opened.page.wait_for_url("**/network/twente.html")
    assert opened.page.locator("h1").inner_text() == "Netwerken Palliatieve Zorg Twente"


def test_profile_opens_the_bijenkorf_filtered_to_its_subject(
    full_site: Path, open_page: Callable[..., Opened], eco: Ecosystem
) -> None:
    from ecosysteem.analysis.scope import Scope

    twente = f"{BASE_IRI}network/twente"
    profile = open_page(full_site / "network" / "twente.html", 1440, 900)
    profile.page.locator("#open-bijenkorf").click()
    profile.page.wait_for_url("**/bijenkorf.html#focus=*")
    profile.page.wait_for_function("window.ezReady === true", timeout=30_000)
    profile.page.wait_for_function(f"() => ezNodes.get('{BASE_IRI}network/salland').opacity < 1", timeout=10_000)
    acts = Scope.of(eco).network_activities(twente)
    shown = set(profile.js("() => ezNodes.get().filter((n) => n.opacity === 1).map((n) => n.id)"))
    drawn = set(profile.js("() => ezNodes.getIds()"))
    assert twente in shown and {a for a in acts if a in drawn} <= shown
    assert not [n for n in shown if n.startswith(f"{BASE_IRI}network/") and n != twente]
    assert "Netwerken Palliatieve Zorg Twente" in profile.page.locator("#focus-notice").inner_text()
    profile.page.locator("#focus-notice a").click()  # show everything again
    profile.page.wait_for_function(f"() => ezNodes.get('{BASE_IRI}network/salland').opacity === 1", timeout=10_000)
    assert profile.problems == []
