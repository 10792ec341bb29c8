"""The spreadsheet template and its import: sheets, drop-downs, names → IRIs, stable IRIs, the CLI."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

import ecosysteem
from ecosysteem.cli import cli
from ecosysteem.graph import Ecosystem
from ecosysteem.graph.workbook import (
    SHEETS,
    export_workbook,
    import_workbook,
    template_workbook,
    workbook_bytes,
)
from ecosysteem.vocab import EZ, ID, RDF

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "voorbeeld-netwerk.xlsx"

SMALL: dict[str, list[dict[str, str]]] = {
    "Regio's": [{"naam": "Noorderkwartier", "soort": "netwerkregio"}],
    "Organisaties": [
        {"naam": "Hospice De Kleine Vos", "type": "hospice", "regio's": "Noorderkwartier"},
        {"naam": "Thuiszorg Noorderkwartier", "afkorting": "TZN", "type": "thuiszorg"},
    ],
    "Netwerken": [{"naam": "Netwerk Palliatieve Zorg Noorderkwartier", "regio's": "Noorderkwartier"}],
    "Lidmaatschappen": [
        {"lid": "Hospice De Kleine Vos", "van": "Netwerk Palliatieve Zorg Noorderkwartier"},
        {"lid": "Netwerk Palliatieve Zorg Noorderkwartier", "van": "Consortium Ligare", "begin": "1-1-2024"},
    ],
    "Werkgroepen": [
        {"naam": "Werkgroep scholing", "van": "Netwerk Palliatieve Zorg Noorderkwartier", "soort": "werkgroep"}
    ],
    "Plannen": [{"naam": "Jaarplan 2025", "van": "Netwerk Palliatieve Zorg Noorderkwartier", "begin": "2025"}],
    "Activiteiten": [
        {
            "wat": "Scholing voor vrijwilligers",
            "plan": "Jaarplan 2025",
            "pijler": "leren en verbeteren",
            "kringloop": "onderwijs",
            "functie": "1",
            "thema": "vrijwillige inzet; deskundigheidsbevordering",
            "werkgroep": "Werkgroep scholing",
            "begin": "2025-03",
        }
    ],
    "Wie": [
        {"activiteit": "Scholing voor vrijwilligers", "partij": "TZN", "rol": "trekker"},
        {"activiteit": "Scholing voor vrijwilligers", "partij": "ZGT"},
    ],
}


@pytest.fixture
def fast_default_graph(eco: Ecosystem, monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI's default graph is the session's (read-only) one, so each CLI test does not parse the datasets again."""
    real = ecosysteem.load

    def load(*paths: Any, defaults: bool = True, **options: Any) -> Ecosystem:
        if not paths and defaults and not any(options.values()):
            return eco
        return real(*paths, defaults=defaults, **options)

    monkeypatch.setattr(ecosysteem, "load", load)


@pytest.fixture(scope="module")
def template_bytes(eco: Ecosystem) -> bytes:
    return workbook_bytes(template_workbook(eco))


def fill(template: bytes, rows: dict[str, list[dict[str, Any]]]) -> openpyxl.Workbook:
    """The template with ``rows`` typed into it by header, as a user would."""
    book = openpyxl.load_workbook(io.BytesIO(template))
    for sheet, records in rows.items():
        ws = book[sheet]
        headers = {str(c.value).rstrip(" *"): c.column for c in ws[1] if c.value}
        for number, record in enumerate(records, start=2):
            for header, value in record.items():
                ws.cell(row=number, column=headers[header], value=value)
    return book


def save(book: openpyxl.Workbook, path: Path) -> Path:
    book.save(path)
    return path


# -- the template -------------------------------------------------------------------------------------------


def test_template_has_every_sheet_with_dutch_headers(template_bytes: bytes) -> None:
    book = openpyxl.load_workbook(io.BytesIO(template_bytes))
    assert book.sheetnames == ["Instructie", *(s.nl for s in SHEETS), "Lijsten"]
    orgs = [c.value for c in book["Organisaties"][1]]
    assert orgs[:3] == ["naam *", "afkorting", "type *"]
    acts = [str(c.value).rstrip(" *") for c in book["Activiteiten"][1]]
    for header in ("wat", "doel", "wie", "wanneer", "pijler", "werkgroep", "kringloop", "functie", "actie", "thema"):
        assert header in acts
    assert "ecosysteem import" in "\n".join(str(c.value) for c in book["Instructie"]["A"] if c.value)


@pytest.mark.parametrize(
    ("sheet", "header", "scheme"),
    [
        ("Organisaties", "type", "organisation-type"),
        ("Organisaties", "lijn", "line-of-care"),
        ("Organisaties", "niveau", "level"),
        ("Activiteiten", "kringloop", "loop"),
        ("Activiteiten", "functie", "function"),
        ("Activiteiten", "actie", "action"),
        ("Activiteiten", "thema", "theme"),
        ("Activiteiten", "pijler", "pillar"),
        ("Werkgroepen", "soort", "group-type"),
    ],
)
def test_drop_downs_list_the_vocabulary(
    template_bytes: bytes, eco: Ecosystem, sheet: str, header: str, scheme: str
) -> None:
    book = openpyxl.load_workbook(io.BytesIO(template_bytes))
    ws = book[sheet]
    letter = next(c.column_letter for c in ws[1] if str(c.value).rstrip(" *") == header)
    validation = next(v for v in ws.data_validations.dataValidation if f"{letter}2:" in str(v.sqref))
    ref = validation.formula1.split("!")[1].replace("$", "")
    shown = sorted(str(c.value) for row in book["Lijsten"][ref] for c in row)
    assert shown == sorted(c.label_nl for c in eco.concepts(scheme))
    assert validation.errorStyle == "warning"  # codes and several values must still be typeable


# -- import -------------------------------------------------------------------------------------------------


def test_import_resolves_names_in_the_workbook_and_the_default_graph(
    template_bytes: bytes, eco: Ecosystem, tmp_path: Path
) -> None:
    result = import_workbook(save(fill(template_bytes, SMALL), tmp_path / "plan.xlsx"), context=eco)
    assert result.ok, result.report()
    g = result.graph
    act = ID["activity/jaarplan-2025--scholing-voor-vrijwilligers"]
    assert (act, RDF.type, EZ.Activity) in g
    assert (act, EZ.lead, ID["organisation/thuiszorg-noorderkwartier"]) in g
    assert (act, EZ.participant, ID["organisation/zgt"]) in g  # found in the default graph
    assert (act, EZ.group, ID["group/noorderkwartier--werkgroep-scholing"]) in g
    assert (act, EZ.servesFunction, ID["function/lerend-netwerk"]) in g  # code "1"
    assert (ID["network/noorderkwartier"], EZ.level, ID["level/regionaal"]) in g  # default level of a network
    membership = ID["membership/noorderkwartier--ligare"]
    assert str(g.value(membership, URIRef("https://schema.org/startDate"))) == "2024-01-01"
    # everything carries a source: the workbook itself when no Bronnen row is given
    assert set(g.objects(act, URIRef("http://purl.org/dc/terms/source"))) == {ID["source/werkboek-plan"]}
    combined = Graph()
    combined += eco.graph
    combined += g
    assert Ecosystem(combined).validate().conforms


def test_reimport_gives_the_same_iris(template_bytes: bytes, eco: Ecosystem, tmp_path: Path) -> None:
    path = save(fill(template_bytes, SMALL), tmp_path / "plan.xlsx")
    first = import_workbook(path, context=eco, validate=False).graph
    path2 = save(fill(template_bytes, SMALL), tmp_path / "plan.xlsx")
    second = import_workbook(path2, context=eco, validate=False).graph
    assert isomorphic(first, second)
    assert set(first.subjects()) == set(second.subjects())


def test_english_headers_and_sheet_names_are_accepted(template_bytes: bytes, eco: Ecosystem, tmp_path: Path) -> None:
    book = fill(template_bytes, SMALL)
    book["Organisaties"].title = "Organisations"
    ws = book["Organisations"]
    for cell in ws[1]:
        if str(cell.value).rstrip(" *") == "naam":
            cell.value = "Name"
        if str(cell.value).rstrip(" *") == "afkorting":
            cell.value = "abbreviation"
    result = import_workbook(save(book, tmp_path / "plan.xlsx"), context=eco, validate=False)
    assert result.ok, result.report()
    assert (ID["organisation/thuiszorg-noorderkwartier"], None, None) in result.graph


def test_example_workbook_imports_cleanly_and_validates(eco: Ecosystem) -> None:
    result = import_workbook(EXAMPLE, context=eco)
    assert result.ok, result.report()
    g = result.graph
    network = ID["network/lindeland"]
    assert (network, RDF.type, EZ.Network) in g
    assert len(set(g.subjects(RDF.type, EZ.Organisation))) == 8
    assert (ID["membership/lindeland--ligare"], None, None) in g
    assert (
        ID["activity/jaarplan-2025-lindeland--scholing-proactieve-zorgplanning"],
        EZ.advisedBy,
        ID["organisation/iknl"],
    ) in g


def test_example_script_builds_the_committed_workbook(eco: Ecosystem, tmp_path: Path) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("voorbeeld_netwerk", ROOT / "examples" / "voorbeeld_netwerk.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    built = tmp_path / "built.xlsx"
    built.write_bytes(module.build(eco))
    fresh = import_workbook(built, context=eco, validate=False).graph
    committed = import_workbook(EXAMPLE, context=eco, validate=False).graph
    # the source falls back to the file name only when no Bronnen row exists; here both have the same source row
    assert isomorphic(fresh, committed)


# -- the way back -------------------------------------------------------------------------------------------


def test_an_import_exports_back_to_the_same_workbook_rows(eco: Ecosystem, tmp_path: Path) -> None:
    first = import_workbook(EXAMPLE, context=eco, validate=False)
    book = export_workbook(first.graph, context=eco)
    again = import_workbook(save(book, tmp_path / "again.xlsx"), context=eco, validate=False)
    assert again.ok, again.report()
    assert isomorphic(first.graph, again.graph)


# -- the command line ---------------------------------------------------------------------------------------


@pytest.mark.usefixtures("fast_default_graph")
def test_cli_template_then_import_then_info(tmp_path: Path) -> None:
    runner = CliRunner()
    plan = tmp_path / "plan.xlsx"
    result = runner.invoke(cli, ["template", "-o", str(plan)])
    assert result.exit_code == 0, result.output
    assert openpyxl.load_workbook(plan).sheetnames[1] == "Organisaties"
    data = tmp_path / "data.ttl"
    result = runner.invoke(cli, ["import", str(EXAMPLE), "-o", str(data)])
    assert result.exit_code == 0, result.output
    assert "33 dingen" in result.output
    result = runner.invoke(cli, ["--data", str(data), "info", "--format", "json"])
    assert result.exit_code == 0
    assert '"Netwerk Palliatieve Zorg Lindeland"' in result.output


@pytest.mark.usefixtures("fast_default_graph")
def test_cli_import_with_errors_writes_nothing(template_bytes: bytes, tmp_path: Path) -> None:
    bad = {**SMALL, "Wie": [{"activiteit": "Scholing voor vrijwilligers", "partij": "ZGT Almelo"}]}
    plan = save(fill(template_bytes, bad), tmp_path / "plan.xlsx")
    out = tmp_path / "data.ttl"
    result = CliRunner().invoke(cli, ["import", str(plan), "-o", str(out)])
    assert result.exit_code == 1  # a workbook with problems is a data problem
    assert "plan.xlsx, blad 'Wie', rij 2, kolom B (partij): onbekende partij 'ZGT Almelo' — bedoelde u 'ZGT'?" in (
        result.output
    )
    assert "niets geschreven" in result.output
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [plan]  # no temporary file left behind either


@pytest.mark.usefixtures("fast_default_graph")
def test_cli_partial_writes_the_valid_rows_and_a_report(template_bytes: bytes, tmp_path: Path) -> None:
    bad = {
        **SMALL,
        "Organisaties": [*SMALL["Organisaties"], {"naam": "Apotheek Zonder Type"}],
        "Wie": [*SMALL["Wie"], {"activiteit": "Scholing voor vrijwilligers", "partij": "Apotheek Zonder Type"}],
    }
    plan = save(fill(template_bytes, bad), tmp_path / "plan.xlsx")
    out = tmp_path / "data.ttl"
    result = CliRunner().invoke(cli, ["import", str(plan), "-o", str(out), "--partial"])
    assert result.exit_code == 0, result.output
    g = Graph().parse(out)
    assert (ID["organisation/hospice-de-kleine-vos"], None, None) in g
    assert (ID["organisation/apotheek-zonder-type"], None, None) not in g
    report = (tmp_path / "data.ttl.report.txt").read_text(encoding="utf-8")
    assert "blad 'Organisaties', rij 4, kolom C (type): de verplichte cel 'type' is leeg" in report
    # the Wie row naming the dropped organisation is dropped too, and says why
    assert "blad 'Wie', rij 4" in report and "en die rij heeft fouten" in report
    assert "2 rij(en) overgeslagen" in report


@pytest.mark.usefixtures("fast_default_graph")
def test_cli_template_fill_writes_last_years_data_back(eco: Ecosystem, tmp_path: Path) -> None:
    runner = CliRunner()
    data = tmp_path / "data.ttl"
    assert runner.invoke(cli, ["import", str(EXAMPLE), "-o", str(data)]).exit_code == 0
    again = tmp_path / "plan-2026.xlsx"
    result = runner.invoke(cli, ["template", "--fill", str(data), "-o", str(again)])
    assert result.exit_code == 0, result.output
    assert openpyxl.load_workbook(again)["Organisaties"]["A2"].value == "Centrum voor Levensvragen Lindeland"
    reimported = import_workbook(again, context=eco, validate=False)
    assert reimported.ok, reimported.report()
    assert isomorphic(reimported.graph, Graph().parse(data))
