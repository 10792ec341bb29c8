"""The HTML views without a browser: offline, escaped, bilingual, laid out, focused, aggregated, written safely.

The browser checks (no errors in Chromium, payloads inert, screenshots) are in ``test_browser.py``.
"""

from __future__ import annotations

import html
import json
import math
import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from click.testing import CliRunner

import ecosysteem
from ecosysteem.analysis.compare import comparison_matrix
from ecosysteem.analysis.gaps import find_gaps, gap_types
from ecosysteem.cli import cli
from ecosysteem.errors import EcosysteemError, OutputError, QueryError
from ecosysteem.graph import Ecosystem
from ecosysteem.output.html import (
    aggregate_graph,
    bijenkorf_html,
    comparison_html,
    network_graph,
    network_html,
    report_pages,
    write_bijenkorf,
    write_report,
)
from ecosysteem.output.html.bijenkorf import GAP_TYPES, HEX_RADIUS
from hostile import HOSTILE_TTL

BASE_IRI = "https://w3id.org/ecosysteem/id/"

PREFIXES = """
@prefix ez: <https://w3id.org/ecosysteem/def#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix id: <https://w3id.org/ecosysteem/id/> .
"""

"""A small graph whose names and descriptions are HTML and script; also used by test_browser.py (copied there)."""

PAYLOADS = ("<img src=x onerror=alert", "<script>alert(", "<b>bold</b>")

_DATA = re.compile(r'<script type="application/json" id="ez-data">(.*?)</script>', re.S)


def page_data(page: str) -> dict[str, Any]:
    """The JSON data block of a page."""
    found = _DATA.search(page)
    assert found is not None, "the page has no data block"
    data: dict[str, Any] = json.loads(found.group(1))
    return data


class _Resources(HTMLParser):
    """Collects every attribute that makes a browser fetch something."""

    def __init__(self) -> None:
        super().__init__()
        self.fetched: list[tuple[str, str, str]] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name in {"src", "href", "data", "srcset", "poster", "action"} and value:
                self.fetched.append((tag, name, value))


def external_resources(page: str) -> list[tuple[str, str, str]]:
    parser = _Resources()
    parser.feed(page)
    bad = [(t, n, v) for t, n, v in parser.fetched if re.match(r"\s*(https?:)?//", v, re.I)]
    # Style sheets must not pull anything either.
    bad += [("style", "url", m) for m in re.findall(r"(?:@import|url\()\s*['\"]?(?:https?:)?//[^)'\"]*", page)]
    return bad


@pytest.fixture(scope="module")
def bijenkorf_findings(eco: Ecosystem, tmp_path_factory: pytest.TempPathFactory) -> list[Any]:
    # Only a consortium with a plan of its own is judged on the bijenkorf; the default data holds none, so Septet
    # is given one here, holding its transmural project (seed 000).
    plan = tmp_path_factory.mktemp("septet") / "septet-plan.ttl"
    i = "https://w3id.org/ecosysteem/id/"
    plan.write_text(
        f"<{i}plan/septet-test> a <https://w3id.org/ecosysteem/def#Plan> ;"
        f" <https://w3id.org/ecosysteem/def#planOf> <{i}collaboration/septet> .\n"
        f"<{i}activity/transmurale-verbetering> <https://w3id.org/ecosysteem/def#inPlan> <{i}plan/septet-test> .\n",
        encoding="utf-8",
    )
    return find_gaps(ecosysteem.load(plan), list(GAP_TYPES))


@pytest.fixture(scope="module")
def pages(eco: Ecosystem, bijenkorf_findings: list[Any]) -> dict[str, str]:
    """Every page on the default data, each built once for the module."""
    return {
        "bijenkorf-nl": bijenkorf_html(eco, findings=bijenkorf_findings),
        "bijenkorf-en": bijenkorf_html(eco, lang="en", findings=bijenkorf_findings),
        "network-nl": network_html(eco),
        "network-en": network_html(eco, lang="en"),
        "comparison-nl": comparison_html(eco),
        "index-nl": report_pages(eco, gaps=False)["index.html"],
    }


@pytest.fixture
def hostile(small_graph: Callable[..., Ecosystem]) -> Ecosystem:
    return small_graph(HOSTILE_TTL, bijenkorf=True)


# -- offline -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["bijenkorf-nl", "bijenkorf-en", "network-nl", "network-en", "comparison-nl", "index-nl"]
)
def test_pages_load_nothing_from_a_network(pages: dict[str, str], name: str) -> None:
    page = pages[name]
    assert page.startswith("<!DOCTYPE html>")
    assert external_resources(page) == []
    assert '<meta charset="utf-8">' in page


def test_offline_check_catches_a_cdn_script() -> None:
    # The check above must be able to fail.
    assert external_resources('<script src="https://cdn.example/vis.js"></script>')
    assert external_resources('<link rel="stylesheet" href="//cdn.example/a.css">')
    assert external_resources("<style>@import 'https://x/y.css';</style>")


@pytest.mark.parametrize("name", ["bijenkorf-nl", "network-nl"])
def test_vis_network_is_inlined(pages: dict[str, str], name: str) -> None:
    assert "vis-network" in pages[name] and "new vis.Network(" in pages[name]
    assert len(pages[name]) > 400_000  # the library itself, not a link to it


# -- escaping ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_hostile_names_never_reach_the_page_unescaped(hostile: Ecosystem, lang: str, tmp_path: Path) -> None:
    site = report_pages(hostile, lang=lang, gaps=True)
    site["network-around"] = network_html(hostile, lang=lang, around="organisation/evil")
    site["bijenkorf-focus"] = bijenkorf_html(hostile, lang=lang, collaboration="collaboration/evil")
    for name, page in site.items():
        for payload in PAYLOADS:
            assert payload not in page, f"{payload!r} unescaped in {name}"
        assert external_resources(page) == []
    # The text is there, escaped: in HTML as entities, in the data block as JSON escapes.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in site["comparison.html"]
    labels = {n["id"]: n["label"] for n in page_data(site["network.html"])["nodes"]}
    assert labels[f"{BASE_IRI}organisation/evil"] == "<img src=x onerror=alert(1)>"
    assert labels[f"{BASE_IRI}collaboration/evil"] == "Consortium \"Quote\" 'single' & <b>bold</b>"
    # The page templates escape with markupsafe: &#34; and &#39; for the quotes.
    assert "Consortium &#34;Quote&#34; &#39;single&#39; &amp; &lt;b&gt;bold&lt;/b&gt;" in site["bijenkorf-focus"]
    tips = " ".join(n.get("tip", "") for n in page_data(site["network.html"])["nodes"])
    assert "Beschrijving <img src=x onerror=alert(5)>" in tips or lang == "en"


def test_tooltips_travel_as_text_never_as_title(hostile: Ecosystem) -> None:
    for page in (bijenkorf_html(hostile), network_html(hostile)):
        data = page_data(page)
        assert all("title" not in n for n in data["nodes"]), "a raw title would be shown as HTML by vis-network"
        assert all("title" not in e for e in data["edges"])
        assert any("tip" in n for n in data["nodes"])


def test_the_data_block_cannot_be_closed_early(hostile: Ecosystem) -> None:
    page = network_html(hostile)
    block = _DATA.search(page)
    assert block is not None
    assert "<" not in block.group(1) and ">" not in block.group(1)


# -- the bijenkorf ---------------------------------------------------------------------------------------------


def _by_kind(page: str) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for node in page_data(page)["nodes"]:
        out.setdefault(node["kind"], []).append(node)
    return out


def test_bijenkorf_holds_the_whole_plate(pages: dict[str, str]) -> None:
    kinds = _by_kind(pages["bijenkorf-nl"])
    assert len(kinds["function"]) == 6
    assert len(kinds["action"]) == 14
    assert len(kinds["loop"]) == 3
    assert len(kinds["level"]) == 3
    plate = {n["id"].rsplit("/", 1)[-1] for n in kinds["plate"]}
    assert {"patient-en-naasten", "imker-en-natuurbeheerder", "bijenkorf", "maatschappij"} <= plate
    assert kinds["network"] and kinds["collaboration"] and kinds["activity"]


def test_bijenkorf_layout_is_fixed_and_deliberate(pages: dict[str, str], eco: Ecosystem) -> None:
    nodes = page_data(pages["bijenkorf-nl"])["nodes"]
    assert all(n["fixed"] is True and isinstance(n["x"], float | int) for n in nodes)
    assert "physics: false" in pages["bijenkorf-nl"]
    by_id = {n["id"]: n for n in nodes}
    patient = by_id[f"{BASE_IRI}plate/patient-en-naasten"]
    assert (patient["x"], patient["y"]) == (0, 0)
    hexes = [n for n in nodes if n["kind"] == "function"]
    for a in hexes:  # a honeycomb around the patient: touching, never overlapping
        assert math.hypot(a["x"], a["y"]) == pytest.approx(HEX_RADIUS * math.sqrt(3), abs=0.2)
        for b in hexes:
            if a is not b:
                assert math.hypot(a["x"] - b["x"], a["y"] - b["y"]) >= HEX_RADIUS * math.sqrt(3) - 0.2
    levels = {n["id"].rsplit("/", 1)[-1]: n["y"] for n in nodes if n["kind"] == "level"}
    assert levels["landelijk"] < levels["bovenregionaal"] < 0 < levels["regionaal"]
    assert all(n["y"] > levels["regionaal"] - 30 for n in nodes if n["kind"] == "network")
    # The same data gives the same picture.
    assert page_data(bijenkorf_html(eco, findings=[]))["nodes"] == page_data(bijenkorf_html(eco, findings=[]))["nodes"]


@pytest.mark.parametrize(
    ("lang", "function_label", "loop_label"),
    [
        ("nl", "Verbindingsfunctie landelijk – regionaal", "Lus onderwijs"),
        ("en", "Linking function national – regional", "Loop education"),
    ],
)
def test_bijenkorf_speaks_the_language(pages: dict[str, str], lang: str, function_label: str, loop_label: str) -> None:
    page = pages[f"bijenkorf-{lang}"]
    assert f'<html lang="{lang}">' in page
    labels = {n["label"] for n in page_data(page)["nodes"]}
    assert function_label in labels and loop_label in labels
    legend = re.search(r'<aside id="legend".*?</aside>', page, re.S)
    assert legend is not None
    assert ("Legenda" if lang == "nl" else "Legend") in legend.group(0)


def test_bijenkorf_marks_what_the_gap_analysis_finds_empty(eco: Ecosystem, bijenkorf_findings: list[Any]) -> None:
    septet = f"{BASE_IRI}collaboration/septet"
    page = bijenkorf_html(eco, collaboration="Septet", findings=bijenkorf_findings)
    functions = {n["id"]: n for n in page_data(page)["nodes"] if n["kind"] == "function"}
    unserved = {
        f.concept for f in bijenkorf_findings if f.gap == GAP_TYPES[0] and f.subject == septet and f.status == "gap"
    }
    assert unserved, "with a plan of its own, Septet does not serve every function"
    assert {iri for iri, n in functions.items() if not n["alive"]} == unserved
    hexes = page_data(page)["hex"]
    assert all(hexes[iri]["dashed"] for iri in unserved)
    assert all("Septet" in functions[iri]["tip"] for iri in unserved)


def test_bijenkorf_marks_unknown_apart_from_empty(eco: Ecosystem, bijenkorf_findings: list[Any]) -> None:
    unknown = sorted(
        {f.subject for f in bijenkorf_findings if f.gap in GAP_TYPES and f.status == "unknown"}
        - {f.subject for f in bijenkorf_findings if f.gap in GAP_TYPES and f.status == "gap"}
    )
    assert unknown, "the default data cannot judge some consortium (no plan of its own)"
    consortium = unknown[0]
    data = page_data(bijenkorf_html(eco, collaboration=consortium, findings=bijenkorf_findings))
    functions = {n["id"]: n for n in data["nodes"] if n["kind"] == "function"}
    not_alive = [iri for iri, n in functions.items() if not n["alive"]]
    assert not_alive
    needs = next(f.needs("nl") for f in bijenkorf_findings if f.subject == consortium and f.status == "unknown")
    for iri in not_alive:
        assert functions[iri]["state"] == "unknown"
        assert data["hex"][iri]["dotted"] and needs in functions[iri]["tip"]
    # Without the gap analysis the same functions are plainly empty: grey and dashed, not dotted.
    plain = page_data(bijenkorf_html(eco, collaboration=consortium, findings=[]))
    for iri in not_alive:
        assert plain["hex"][iri]["dashed"] and not plain["hex"][iri]["dotted"]
        assert plain["hex"][iri]["fill"] != data["hex"][iri]["fill"]


def test_bijenkorf_membership_lines_pass_beside_the_hive(pages: dict[str, str]) -> None:
    from ecosysteem.output.html._bijenkorf_geometry import HIVE_RADIUS, segment_distance

    data = page_data(pages["bijenkorf-nl"])
    at = {n["id"]: (n["x"], n["y"]) for n in data["nodes"]}
    lines = [e for e in data["edges"] if e.get("membership")]
    assert len(lines) > 40
    crossing = [
        (e["from"], e["to"]) for e in lines if segment_distance((0, 0), at[e["from"]], at[e["to"]]) < HIVE_RADIUS
    ]
    assert crossing == []


def test_bijenkorf_focus_on_a_network(eco: Ecosystem) -> None:
    data = page_data(bijenkorf_html(eco, network="twente", findings=[]))
    networks = [n["id"] for n in data["nodes"] if n["kind"] == "network"]
    assert networks == [f"{BASE_IRI}network/twente"]
    assert [n["id"] for n in data["nodes"] if n["kind"] == "collaboration"] == [f"{BASE_IRI}collaboration/ligare"]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"collaboration": "no such consortium"}, "no collaboration matches"),
        ({"network": "Netwerk"}, "matches 44 networks"),
        ({"collaboration": "ligare", "network": "twente"}, "not both"),
        ({"lang": "de"}, "unknown language"),
    ],
)
def test_bijenkorf_bad_focus_is_a_clear_error(eco: Ecosystem, kwargs: dict[str, str], message: str) -> None:
    with pytest.raises(EcosysteemError, match=message):
        bijenkorf_html(eco, findings=[], **kwargs)


def test_bijenkorf_without_the_model_says_what_to_load(small_graph: Callable[..., Ecosystem]) -> None:
    with pytest.raises(OutputError, match=r"002-bijenkorf\.ttl"):
        bijenkorf_html(small_graph(HOSTILE_TTL, bijenkorf=False))


# -- the network view ------------------------------------------------------------------------------------------


def test_network_view_has_every_kind_filters_and_positions(pages: dict[str, str], eco: Ecosystem) -> None:
    page = pages["network-nl"]
    data = page_data(page)
    G = network_graph(eco)
    assert len(data["nodes"]) == G.number_of_nodes()
    assert {n["kind"] for n in data["nodes"]} >= {"organisation", "network", "collaboration", "activity"}
    assert all(isinstance(n["x"], float | int) and isinstance(n["y"], float | int) for n in data["nodes"])
    for control in ("filter-network", "filter-level", "filter-otype", "filter-line", "search", "colour-by", "size-by"):
        assert f'id="{control}"' in page
    assert len(data["filters"]["network"]) == len(eco.networks())
    # Size follows degree: the node with the most links is drawn largest.
    biggest = max(data["nodes"], key=lambda n: n["s_degree"])
    assert G.degree(biggest["id"]) == max(d for _, d in G.degree())


def test_network_around_keeps_the_neighbourhood(eco: Ecosystem) -> None:
    full = network_graph(eco)
    near = network_graph(eco, around="Ziekenhuisgroep Twente", depth=1)
    centre = f"{BASE_IRI}organisation/zgt"
    assert set(near) == {centre, *full.neighbors(centre)}
    two = network_graph(eco, around="organisation/zgt", depth=2)
    assert set(two) == set(nx.ego_graph(full, centre, radius=2))
    with pytest.raises(QueryError, match="depth"):
        network_graph(eco, around="organisation/zgt", depth=0)


def test_network_focus_on_one_network(eco: Ecosystem) -> None:
    G = network_graph(eco, network="IJssel-Vecht")
    iri = f"{BASE_IRI}network/ijssel-vecht-en-noordoost-overijssel"
    assert iri in G
    assert all(iri in d["networks"] or n == iri or G.has_edge(n, iri) for n, d in G.nodes(data=True))
    assert f"{BASE_IRI}network/twente" not in G or G.has_edge(f"{BASE_IRI}network/twente", iri)


def test_large_graph_is_aggregated(eco: Ecosystem) -> None:
    G = network_graph(eco)
    A = aggregate_graph(G)
    assert A.number_of_nodes() < G.number_of_nodes()
    assert {d["kind"] for _, d in A.nodes(data=True)} <= {"network", "collaboration", "aggregate"}
    assert (
        sum(d.get("members", 0) for _, d in A.nodes(data=True))
        + sum(1 for _, d in A.nodes(data=True) if d["kind"] != "aggregate")
        == G.number_of_nodes()
    )
    page = network_html(eco, max_nodes=10)
    assert 'id="aggregated"' in page
    assert len(page_data(page)["nodes"]) == A.number_of_nodes()
    assert 'id="aggregated"' not in network_html(eco, max_nodes=10, network="twente")


# -- the comparison ----------------------------------------------------------------------------------------


def test_comparison_cells_show_the_matrix(pages: dict[str, str], eco: Ecosystem) -> None:
    page = pages["comparison-nl"]
    assert page.count('<table class="ez heat"') == 3
    matrix = comparison_matrix(eco, rows="network", columns="function")
    row, row_label = next(
        (r, lbl) for r, lbl in matrix.rows if any(matrix.cell(r, c).activities for c, _ in matrix.columns)
    )
    column, column_label = next((c, lbl) for c, lbl in matrix.columns if matrix.cell(row, c).activities)
    cell = matrix.cell(row, column)
    assert f"{row_label} × {column_label}: {cell.activities} activiteiten, {cell.partners} partners" in page.replace(
        "&#x27;", "'"
    )
    for iri in matrix.empty_columns():
        label = dict(matrix.columns)[iri]
        assert re.search(r'<th class="col empty-col"[^>]*>' + re.escape(label), page)


def test_comparison_says_no_data_and_links_to_the_activities(site_pages: dict[str, str], eco: Ecosystem) -> None:
    page = site_pages["comparison.html"]
    matrix = comparison_matrix(eco, rows="network", columns="function")
    silent = [lbl for r, lbl in matrix.rows if all(matrix.cell(r, c).activities == 0 for c, _ in matrix.columns)]
    assert silent, "most networks have no activity on record"
    almere = re.search(
        r'<tr class="no-data"><th scope="row"><a href="network/almere.html">[^<]*</a></th>(.*?)</tr>', page
    )
    assert almere and "geen gegevens" in almere.group(1) and ">0<" not in almere.group(1)
    # A count links to the activities behind it on the row's profile page, and they are there.
    row = f"{BASE_IRI}network/twente"
    column = next(c for c, _ in matrix.columns if matrix.cell(row, c).activities)
    anchor = f"bk-{column.rsplit('/', 1)[-1]}"
    assert f'href="network/twente.html#{anchor}"' in page
    profile = site_pages["network/twente.html"]
    served = re.search(rf'<tr id="{anchor}"[^>]*>(.*?)</tr>', profile)
    assert served is not None
    for activity in matrix.cell(row, column).members:
        assert f'href="#act-{activity.rsplit("/", 1)[-1]}"' in served.group(1)
        assert f'id="act-{activity.rsplit("/", 1)[-1]}"' in profile


# -- the report --------------------------------------------------------------------------------------------


def test_report_writes_a_linked_site(eco: Ecosystem, tmp_path: Path) -> None:
    index = write_report(eco, tmp_path / "site", gaps=False)
    site = index.parent
    assert sorted(p.name for p in site.iterdir()) == [
        ".ecosysteem-site",
        "bijenkorf.html",
        "collaboration",
        "comparison.html",
        "index.html",
        "network",
        "network.html",
    ]
    assert len(list((site / "network").glob("*.html"))) == 44
    assert len(list((site / "collaboration").glob("*.html"))) == 7
    text = index.read_text(encoding="utf-8")
    for page in ("bijenkorf.html", "network.html", "comparison.html"):
        assert f'href="{page}"' in text
    assert [p.name for p in tmp_path.iterdir()] == ["site"], "no temporary folder may be left behind"


def test_report_replaces_its_pages_and_leaves_other_files(hostile: Ecosystem, tmp_path: Path) -> None:
    tmp_path = tmp_path / "out"  # the hostile fixture keeps its Turtle in tmp_path itself
    tmp_path.mkdir()
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("old", encoding="utf-8")
    (site / "notes.txt").write_text("mine", encoding="utf-8")
    write_report(hostile, site, lang="en")
    assert (site / "index.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert (site / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert '<html lang="en">' in (site / "network.html").read_text(encoding="utf-8")
    assert 'id="gaps"' in (site / "index.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_report_refuses_bad_targets_and_changes_nothing(hostile: Ecosystem, tmp_path: Path) -> None:
    tmp_path = tmp_path / "out"  # the hostile fixture keeps its Turtle in tmp_path itself
    tmp_path.mkdir()
    afile = tmp_path / "site"
    afile.write_text("a file", encoding="utf-8")
    with pytest.raises(OutputError, match="it is a file"):
        write_report(hostile, afile, gaps=False)
    with pytest.raises(OutputError, match="does not exist"):
        write_report(hostile, tmp_path / "missing" / "site", gaps=False)
    assert afile.read_text(encoding="utf-8") == "a file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_write_bijenkorf_writes_utf8(hostile: Ecosystem, tmp_path: Path) -> None:
    path = write_bijenkorf(hostile, tmp_path / "b.html", lang="nl")
    assert "Patiënt en naasten" in path.read_bytes().decode("utf-8")


# -- the command line --------------------------------------------------------------------------------------


@pytest.fixture
def hostile_file(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.ttl"
    path.write_text(PREFIXES + HOSTILE_TTL, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "args",
    [
        ["viz", "bijenkorf", "--lang", "en"],
        ["viz", "bijenkorf", "--collaboration", "collaboration/evil"],
        ["viz", "network", "--around", "organisation/evil", "--depth", "2"],
        ["viz", "network", "--max-nodes", "3"],
        ["viz", "compare", "--columns", "loop"],
    ],
)
def test_cli_viz_writes_a_page(hostile_file: Path, tmp_path: Path, args: list[str]) -> None:
    out = tmp_path / "page.html"
    ecosystem_data = ["--no-defaults", "--data", str(_bijenkorf_file()), "--data", str(hostile_file)]
    result = CliRunner().invoke(cli, [*ecosystem_data, *args, "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and external_resources(page) == []
    assert all(p not in page for p in PAYLOADS)


def test_cli_report(hostile_file: Path, tmp_path: Path) -> None:
    ecosystem_data = ["--no-defaults", "--data", str(_bijenkorf_file()), "--data", str(hostile_file)]
    result = CliRunner().invoke(cli, [*ecosystem_data, "report", "-o", str(tmp_path / "site")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "site" / "index.html").is_file()
    assert "index.html" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["viz", "bijenkorf", "--collaboration", "nope"], "geen samenwerkingsverband heet 'nope'"),
        (["viz", "network", "--around", "nobody at all"], "geen organisatie of verband heet"),
        (["viz", "bijenkorf", "--lang", "de"], "'de' is not one of"),
        (["report", "-o", "/nonexistent-folder/site"], "bestaat niet"),
    ],
)
def test_cli_bad_input_is_one_line_exit_2(hostile_file: Path, tmp_path: Path, args: list[str], message: str) -> None:
    ecosystem_data = ["--no-defaults", "--data", str(_bijenkorf_file()), "--data", str(hostile_file)]
    if "-o" not in args:
        args = [*args, "-o", str(tmp_path / "x.html")]
    result = CliRunner().invoke(cli, [*ecosystem_data, *args])
    assert result.exit_code == (1 if args[0] == "report" else 2), result.output  # an unwritable site: data
    assert message in result.output
    assert "Traceback" not in result.output


def _bijenkorf_file() -> Path:
    from ecosysteem.resources import data_dir

    return data_dir("datasets") / "002-bijenkorf.ttl"


# -- profile pages and the overview ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site_pages(eco: Ecosystem) -> dict[str, str]:
    from ecosysteem.output.html import report_pages

    return report_pages(eco)


def test_every_network_and_consortium_has_a_profile_linked_from_the_overview(site_pages: dict[str, str]) -> None:
    profiles = sorted(name for name in site_pages if "/" in name)
    assert len([p for p in profiles if p.startswith("network/")]) == 44
    assert len([p for p in profiles if p.startswith("collaboration/")]) == 7
    for name in profiles:
        assert f'href="{name}"' in site_pages["index.html"], name


def test_twente_profile_lists_its_findings_with_evidence(eco: Ecosystem, site_pages: dict[str, str]) -> None:
    page = site_pages["network/twente.html"]
    assert '<h1 id="profile-name">Netwerken Palliatieve Zorg Twente</h1>' in page
    twente = find_gaps(eco, network="network/twente")
    own = [f for f in twente if f.subject == f"{BASE_IRI}network/twente"]
    assert own, "Twente has findings of its own on the default data"
    for f in own:
        assert html.escape(f.message_nl, quote=True) in page
    titles = {g.id: g.title("nl") for g in gap_types()}
    assert all(html.escape(titles[f.gap], quote=True) in page for f in own)
    assert 'href="../collaboration/ligare.html"' in page  # its consortium, linked
    assert "Jaarplan 2021 “Leren van en met elkaar” (2021)" in page  # a source with its title and date
    assert "https://w3id.org" not in page.split('id="ez-data"')[0]  # names, not IRIs, in what is shown


def test_a_network_without_data_says_what_is_missing_and_how_to_add_it(site_pages: dict[str, str]) -> None:
    page = site_pages["network/almere.html"]
    assert 'id="missing"' in page
    assert "geen activiteiten" in page and "ecosysteem template" in page and "ecosysteem import" in page
    assert 'id="missing"' not in site_pages["network/twente.html"]


def test_overview_counts_by_status_and_severity_and_offers_filters(site_pages: dict[str, str], eco: Ecosystem) -> None:
    page = site_pages["index.html"]
    assert page.index('id="status-counts"') < page.index('id="gaps"')
    for select in ("f-network", "f-gap", "f-severity", "f-status"):
        assert f'id="{select}"' in page
    assert '<option value="https://w3id.org/ecosysteem/id/network/twente">' in page
    assert page.count('<tr class="finding"') == len(find_gaps(eco)) > 50  # one row per finding, gaps and unknowns


def test_profile_page_escapes_hostile_names(hostile: Ecosystem) -> None:
    from ecosysteem.output.html import report_pages

    pages = report_pages(hostile)
    page = pages["network/evil.html"]
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Netwerk" in page
    assert "<b>bold</b>" not in pages["collaboration/evil.html"]


def test_profile_checklist_agrees_with_the_gap_report(eco: Ecosystem) -> None:
    from ecosysteem.output.profile import build_profile, profile_subjects

    findings = find_gaps(eco)
    for iri, kind in profile_subjects(eco):
        if kind != "network":
            continue
        mine = [f for f in findings if f.gap == "missing-partner-types" and f.subject == iri]
        rows = build_profile(eco, iri, findings, kind=kind).checklist
        assert sum(r.state == "absent" for r in rows) == sum(f.status == "gap" for f in mine), iri
        if any(f.status == "unknown" for f in mine):
            assert {r.state for r in rows} == {"unknown"}, iri


def test_every_page_template_ships_and_compiles() -> None:
    from ecosysteem.output.html._render import environment

    names = set(environment().list_templates(extensions=["html"]))
    assert names == {
        "base.html",
        "macros.html",
        "overview.html",
        "profile.html",
        "bijenkorf.html",
        "network.html",
        "comparison.html",
    }
    for name in names:
        assert environment().get_template(name).render is not None  # parses; autoescape is on for all of them
    assert environment().autoescape is True


# -- one reading of the graph for the whole site (national scale) -----------------------------------------


def test_the_report_runs_the_gap_analysis_once_and_shares_it(eco: Ecosystem, monkeypatch: pytest.MonkeyPatch) -> None:
    """The overview, the bijenkorf's marks and every profile show the findings of one gap analysis."""
    from ecosysteem.output.html import bijenkorf as bijenkorf_module
    from ecosysteem.output.html import report as report_module

    runs: list[int] = []

    def counted(*args: Any, **kwargs: Any) -> list[Any]:
        runs.append(1)
        return find_gaps(*args, **kwargs)

    monkeypatch.setattr(report_module, "find_gaps", counted)
    monkeypatch.setattr(bijenkorf_module, "find_gaps", counted)
    pages = report_pages(eco)
    assert len(runs) == 1
    assert page_data(pages["bijenkorf.html"])["nodes"]  # marked from the shared findings, not a run of its own
    assert "Geen partner van het type apotheek" in pages["network/twente.html"]


def test_the_aggregated_network_view_names_what_it_draws_as_the_full_graph_does(eco: Ecosystem) -> None:
    """The aggregated view names only the networks and collaborations it keeps; they read as in the full graph."""
    full = aggregate_graph(network_graph(eco))
    page = network_html(eco, max_nodes=10)
    drawn = {n["id"]: n for n in page_data(page)["nodes"]}
    assert set(drawn) == set(full)
    for node, data in full.nodes(data=True):
        if data["kind"] != "aggregate":
            assert drawn[node]["label"].startswith(data["label"]), node
            assert drawn[node]["level"] == (data.get("level") or "")


def test_the_network_view_links_activities_to_their_parties_as_the_bipartite_graph(eco: Ecosystem) -> None:
    from ecosysteem.analysis.network import bipartite_graph

    G = network_graph(eco)
    parts = bipartite_graph(eco)
    expected = {(frozenset((a, b)), d["role"]) for a, b, d in parts.edges(data=True)}
    drawn = {
        (frozenset((a, b)), d["relation"])
        for a, b, d in G.edges(data=True)
        if d["relation"] in {"lead", "responsible", "participant"}
    }
    assert drawn == expected
    activities = {n for n, d in parts.nodes(data=True) if d["kind"] == "activity"}
    assert {n for n, d in G.nodes(data=True) if d["kind"] == "activity"} == activities
    assert all(G.nodes[a]["label"] == parts.nodes[a]["label"] for a in activities)


def test_profiles_from_shared_views_are_the_profiles_from_findings(eco: Ecosystem) -> None:
    from ecosysteem.analysis.scope import Scope
    from ecosysteem.output.findings import present
    from ecosysteem.output.profile import build_profile, profile_subjects, views_by_subject

    findings = find_gaps(eco)
    concerning = views_by_subject(present(eco, findings, "nl"))
    scope = Scope.of(eco)
    for iri, kind in profile_subjects(eco, scope):
        alone = build_profile(eco, iri, findings, kind=kind)
        shared = build_profile(eco, iri, findings, kind=kind, scope=scope, views=concerning.get(iri, []))
        assert shared == alone, iri


def test_the_comparison_page_with_the_report_s_matrices_is_the_page_alone(eco: Ecosystem) -> None:
    from ecosysteem.analysis.scope import Scope

    scope = Scope.of(eco)
    matrices = {
        ("network", kind): comparison_matrix(eco, rows="network", columns=kind, scope=scope)
        for kind in ("function", "loop", "action")
    }
    assert comparison_html(eco, scope=scope, matrices=matrices) == comparison_html(eco)


def test_the_index_reads_texts_as_the_ecosystem_does(eco: Ecosystem) -> None:
    from ecosysteem.vocab import DCTERMS, EZ, SDO

    index = eco.index()
    predicates = (DCTERMS.description, EZ.periodText, SDO.startDate, SDO.endDate, EZ.whoText)
    subjects = sorted({s for p in predicates for s in eco.graph.subjects(p, None)}, key=str)
    assert subjects
    for subject in subjects:
        for lang in ("nl", "en"):
            assert index.text(subject, *predicates, lang=lang) == eco.text(subject, *predicates, lang=lang)
            assert index.text(str(subject), EZ.periodText, lang=lang) == eco.text(subject, EZ.periodText, lang=lang)


def test_pages_do_not_import_pyvis_or_ipython() -> None:
    """vis-network is read from pyvis's folder; importing pyvis would import IPython (a third of a second)."""
    import subprocess
    import sys

    script = (
        "import sys, ecosysteem\n"
        "from ecosysteem.output.html import report_pages\n"
        "report_pages(ecosysteem.load(), gaps=False)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pyvis', 'IPython')))\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300, check=True)
    assert run.stdout.strip() == "[]"


def test_the_profile_lookups_of_a_report_go_with_its_scope(eco: Ecosystem) -> None:
    """What the profiles of one report share is kept per scope, and released with it (no growth across reports)."""
    import gc

    from ecosysteem.analysis.scope import Scope
    from ecosysteem.output import profile as profile_module

    before = len(profile_module._LOOKUPS)
    scope = Scope.of(eco)
    profile_module.build_profile(eco, f"{BASE_IRI}network/twente", [], scope=scope)
    assert len(profile_module._LOOKUPS) == before + 1
    del scope
    gc.collect()
    assert len(profile_module._LOOKUPS) == before
