"""What a coordinator can trust: Dutch located messages with nothing written, and a round trip that shows only edits."""

from __future__ import annotations

import io
import json
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.compare import graph_diff, to_isomorphic

from ecosysteem.cli import cli
from ecosysteem.graph import Ecosystem
from ecosysteem.graph.workbook import template_workbook, workbook_bytes
from ecosysteem.vocab import ID, XSD
from test_workbook import EXAMPLE, SMALL, fast_default_graph, fill, save

__all__ = ["fast_default_graph"]  # a fixture, imported to be used here

pytestmark = pytest.mark.usefixtures("fast_default_graph")
SCHEMA_URL = "https://schema.org/url"


def test_a_broken_workbook_gets_dutch_located_messages_and_nothing_is_written(eco: Ecosystem, tmp_path: Path) -> None:
    template = workbook_bytes(template_workbook(eco))
    broken = {
        **SMALL,
        "Lidmaatschappen": [
            {"lid": "Hospice De Kleine Vos", "van": "Netwerk Palliatieve Zorg Noorderkwartier", "rol": "trekker"}
        ],
        "Activiteiten": [{**SMALL["Activiteiten"][0], "begin": "volgend jaar"}],
        "Wie": [{"activiteit": "Scholing voor vrijwilligers", "partij": "TZN", "rol": "trekkker"}],
    }
    plan = save(fill(template, broken), tmp_path / "plan.xlsx")
    out = tmp_path / "data.ttl"
    result = CliRunner().invoke(cli, ["import", str(plan), "-o", str(out)])
    assert result.exit_code == 1, result.output  # a data problem
    for line in (
        # 'trekker' is a role in an activity, not one of a member: the suggestion comes from the members' roles only
        "plan.xlsx, blad 'Lidmaatschappen', rij 2, kolom C (rol): onbekende rol 'trekker'",
        "plan.xlsx, blad 'Activiteiten', rij 2, kolom J (begin): 'volgend jaar' is geen datum: schrijf jjjj",
        "plan.xlsx, blad 'Wie', rij 2, kolom C (rol): onbekende rol 'trekkker' — bedoelde u 'trekker'?",
        "niets geschreven",
    ):
        assert line in result.output
    assert "did you mean" not in result.output and "Traceback" not in result.output
    assert "apotheker" not in result.output  # a far-fetched suggestion is none (issue 17: 'trekker' → 'apotheker')
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.xlsx"]
    english = CliRunner().invoke(cli, ["import", str(plan), "-o", str(out), "--lang", "en"])
    assert "plan.xlsx, sheet 'Wie', row 2, column C (rol): unknown role 'trekkker' — did you mean 'trekker'?" in (
        english.output
    )


def test_template_fill_then_edit_then_import_then_diff_shows_exactly_the_edits(tmp_path: Path) -> None:
    runner = CliRunner()
    old = tmp_path / "mijn-netwerk.ttl"
    assert runner.invoke(cli, ["import", str(EXAMPLE), "-o", str(old)]).exit_code == 0
    book_path = tmp_path / "werkboek-2026.xlsx"
    assert runner.invoke(cli, ["template", "--fill", str(old), "-o", str(book_path)]).exit_code == 0
    book = openpyxl.load_workbook(book_path)
    ws = book["Organisaties"]
    headers = {str(c.value).rstrip(" *"): c.column for c in ws[1] if c.value}
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, headers["naam"]).value == "Hospice De Lindeboom")
    assert ws.cell(row, headers["website"]).value is None
    ws.cell(row, headers["website"]).value = "https://lindeboom.example"
    # generated values are not written back as if typed: membership names, English names equal to the Dutch ones
    assert all(c.value is None for c in book["Lidmaatschappen"]["F"][1:])  # naam
    # nor the source every row got from the first row of Bronnen
    assert all(ws.cell(r, headers["bron"]).value is None for r in range(2, ws.max_row + 1))
    buffer = io.BytesIO()
    book.save(buffer)
    book_path.write_bytes(buffer.getvalue())
    new = tmp_path / "mijn-netwerk-2026.ttl"
    result = runner.invoke(cli, ["import", str(book_path), "-o", str(new)])
    assert result.exit_code == 0, result.output
    _both, only_old, only_new = graph_diff(to_isomorphic(Graph().parse(old)), to_isomorphic(Graph().parse(new)))
    hospice = ID["organisation/hospice-de-lindeboom"]
    assert set(only_old) == set()
    assert set(only_new) == {(hospice, URIRef(SCHEMA_URL), Literal("https://lindeboom.example", datatype=XSD.anyURI))}
    shown = runner.invoke(cli, ["diff", str(old), str(new), "--format", "json"])
    assert shown.exit_code == 0, shown.output
    changes = json.loads(shown.output)["changes"]
    assert [(c["label_nl"], c["change"]) for c in changes] == [("Hospice De Lindeboom", "changed")]


def test_the_instruction_sheet_walks_from_empty_template_to_the_profile_page(eco: Ecosystem) -> None:
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(template_workbook(eco))))
    text = "\n".join(str(c.value) for c in book["Instructie"]["A"] if c.value)
    steps = [line for line in text.splitlines() if line[:2] in {"1.", "2.", "3.", "4.", "5."}]
    assert [s[:2] for s in steps] == ["1.", "2.", "3.", "4.", "5."]
    assert "ecosysteem import" in steps[2] and "gaps --network" in steps[3]
    assert "report -o site/" in steps[4] and "site/network/" in steps[4]
    assert "onbekend" in text and "zelfde als" in text and "netwerk" in steps[1]


def test_a_csv_in_the_wrong_encoding_is_explained_in_dutch(tmp_path: Path) -> None:
    path = tmp_path / "organisaties.csv"
    path.write_bytes("naam,type\nHospice Coöperatie De Vos,hospice\n".encode("cp1252"))
    result = CliRunner().invoke(cli, ["import", str(path), "-o", str(tmp_path / "data.ttl")])
    assert result.exit_code == 1, result.output  # a data problem
    assert (
        "organisaties.csv, blad 'Organisaties': regel 2: byte 0xF6 is geen UTF-8; het lijkt Windows-1252/Latin-1 "
        "(de regel luidt dan 'Hospice Coöperatie De Vos,hospice'). Sla het bestand op als 'CSV UTF-8'"
    ) in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["organisaties.csv"]
