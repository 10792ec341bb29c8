"""Malformed workbooks and CSV files: each gives a clear, located message, exit status 2, and writes nothing."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from rdflib import Graph

from ecosysteem.cli import cli
from ecosysteem.graph import Ecosystem
from ecosysteem.graph.workbook import template_workbook, workbook_bytes
from test_workbook import SMALL, fast_default_graph, fill

__all__ = ["fast_default_graph"]  # a fixture, imported to be used here

Mutation = Callable[[openpyxl.Workbook], None]


pytestmark = pytest.mark.usefixtures("fast_default_graph")


@pytest.fixture(scope="module")
def small_book(eco: Ecosystem) -> bytes:
    book = fill(workbook_bytes(template_workbook(eco)), SMALL)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _cell(book: openpyxl.Workbook, sheet: str, header: str, row: int) -> openpyxl.cell.cell.Cell:
    ws = book[sheet]
    column = next(c.column for c in ws[1] if str(c.value).rstrip(" *") == header)
    return ws.cell(row=row, column=column)


def _set(sheet: str, header: str, row: int, value: object) -> Mutation:
    def mutate(book: openpyxl.Workbook) -> None:
        _cell(book, sheet, header, row).value = value

    return mutate


def _rename_header(sheet: str, header: str, new: str) -> Mutation:
    return lambda book: setattr(_cell(book, sheet, header, 1), "value", new)


def _delete_sheet(sheet: str) -> Mutation:
    return lambda book: book.remove(book[sheet])


def _add_row(sheet: str, row: int, values: dict[str, str]) -> Mutation:
    def mutate(book: openpyxl.Workbook) -> None:
        for header, value in values.items():
            _cell(book, sheet, header, row).value = value

    return mutate


def _merge(sheet: str, cells: str) -> Mutation:
    return lambda book: book[sheet].merge_cells(cells)


XLSX_CASES: list[tuple[str, Mutation, list[str]]] = [
    (
        "missing-sheet",
        _delete_sheet("Wie"),
        ["plan.xlsx, sheet 'Wie': sheet 'Wie' is missing (every sheet of the template must be there"],
    ),
    (
        "renamed-sheet",
        lambda book: setattr(book["Werkgroepen"], "title", "Werkgroep"),
        [
            "plan.xlsx, sheet 'Werkgroepen': sheet 'Werkgroepen' is missing "
            "(every sheet of the template must be there; empty is fine — start from 'ecosysteem template') "
            "— did you mean 'Werkgroep'?",
            "plan.xlsx, sheet 'Werkgroep': warning: unknown sheet; it is ignored",
        ],
    ),
    (
        "renamed-column",
        _rename_header("Organisaties", "type", "soort organisatie"),
        [
            "sheet 'Organisaties', row 1, column C (soort organisatie): unknown column 'soort organisatie'",
            "sheet 'Organisaties', row 1: required column 'type' is missing",
        ],
    ),
    (
        "empty-required-cell",
        _set("Organisaties", "type", 3, None),
        ["sheet 'Organisaties', row 3, column C (type): the required cell 'type' is empty"],
    ),
    (
        "unknown-organisation-type",
        _set("Organisaties", "type", 2, "ziekenhuiz"),
        [
            "sheet 'Organisaties', row 2, column C (type): unknown organisation type 'ziekenhuiz' — "
            "did you mean 'ziekenhuis'?"
        ],
    ),
    (
        "unknown-loop",
        _set("Activiteiten", "kringloop", 2, "praktijken"),
        ["sheet 'Activiteiten', row 2, column O (kringloop): unknown loop 'praktijken' — did you mean 'praktijk'?"],
    ),
    (
        "unknown-organisation",
        _set("Wie", "partij", 3, "ZGT Almelo"),
        ["sheet 'Wie', row 3, column B (partij): unknown party 'ZGT Almelo' — did you mean 'ZGT'?"],
    ),
    (
        "duplicate-name",
        _add_row("Organisaties", 4, {"naam": "hospice de kleine vos", "type": "hospice"}),
        [
            "sheet 'Organisaties', row 4, column A (naam): duplicate: 'hospice de kleine vos' is already defined in "
            "sheet 'Organisaties', row 2 (both become organisation/hospice-de-kleine-vos)"
        ],
    ),
    (
        "formula",
        _set("Organisaties", "afkorting", 2, "=UPPER(A2)"),
        [
            "sheet 'Organisaties', row 2, column B (afkorting): the cell holds a formula (=UPPER(A2)); "
            "formulas are not read"
        ],
    ),
    (
        "merged-cells",
        _merge("Wie", "A2:A3"),
        ["sheet 'Wie', row 2, column A: merged cells A2:A3: unmerge them and fill in every cell"],
    ),
    (
        "bad-date",
        _set("Activiteiten", "begin", 2, "volgend jaar"),
        [
            "sheet 'Activiteiten', row 2, column J (begin): 'volgend jaar' is not a date: "
            "write jjjj, jjjj-mm or jjjj-mm-dd"
        ],
    ),
    (
        "unknown-kind",
        _set("Activiteiten", "soort", 2, "workshopp"),
        ["sheet 'Activiteiten', row 2, column B (soort): unknown kind 'workshopp'"],
    ),
    (
        "network-not-regional",  # not checked cell by cell: the SHACL shapes catch it, located at the row
        _set("Netwerken", "niveau", 2, "landelijk"),
        ["sheet 'Netwerken', row 2, column C (niveau): a Netwerk Palliatieve Zorg is at the regional level"],
    ),
    (
        "value-without-header",
        lambda book: setattr(book["Regio's"].cell(row=2, column=30), "value", "x"),
        ["sheet 'Regio's', row 2, column AD: a value in a column without a header"],
    ),
]


@pytest.mark.parametrize(("name", "mutate", "expected"), XLSX_CASES, ids=[c[0] for c in XLSX_CASES])
def test_malformed_workbook_is_reported_and_nothing_written(
    small_book: bytes, tmp_path: Path, name: str, mutate: Mutation, expected: list[str]
) -> None:
    book = openpyxl.load_workbook(io.BytesIO(small_book))
    mutate(book)
    plan = tmp_path / "plan.xlsx"
    book.save(plan)
    out = tmp_path / "data.ttl"
    result = CliRunner().invoke(cli, ["import", str(plan), "-o", str(out), "--lang", "en"])
    assert result.exit_code == 1, result.output  # a data problem
    for message in expected:
        assert message in result.output
    assert "Traceback" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.xlsx"]


def test_the_unmutated_workbook_imports(small_book: bytes, tmp_path: Path) -> None:
    """The cases above fail because of their one change, not because the base workbook is bad."""
    plan = tmp_path / "plan.xlsx"
    plan.write_bytes(small_book)
    result = CliRunner().invoke(cli, ["import", str(plan), "-o", str(tmp_path / "data.ttl")])
    assert result.exit_code == 0, result.output


ORGS_CSV = "naam,type,regio's\nHospice Coöperatie De Vos,hospice,\nThuiszorg West,thuiszorg,\n"

CSV_CASES: list[tuple[str, str, bytes, list[str]]] = [
    (
        "cp1252",
        "organisaties.csv",
        ORGS_CSV.encode("cp1252"),
        [
            "organisaties.csv, sheet 'Organisaties': line 2: byte 0xF6 is not UTF-8; "
            "it looks like Windows-1252/Latin-1 (the line reads 'Hospice Coöperatie De Vos,hospice,' in that "
            "encoding). Save the file as 'CSV UTF-8', "
            "or pass the encoding (--encoding cp1252)"
        ],
    ),
    (
        "unknown-file-name",
        "adressen.csv",
        ORGS_CSV.encode("utf-8"),
        ["adressen.csv: cannot tell which sheet this file is: name it after one (organisaties.csv, netwerken.csv"],
    ),
    (
        "too-many-values",
        "organisaties.csv",
        b"naam;type\nHospice; De Vos;hospice\n",
        ["organisaties.csv, sheet 'Organisaties', row 2: 3 values but only 2 column headers"],
    ),
    (
        "unknown-type-in-csv",
        "organisaties.csv",
        b"naam;type\nHospice De Vos;hospies\n",
        [
            "organisaties.csv, sheet 'Organisaties', row 2, column B (type): "
            "unknown organisation type 'hospies' — did you mean 'hospice'?"
        ],
    ),
]


@pytest.mark.parametrize(("name", "filename", "data", "expected"), CSV_CASES, ids=[c[0] for c in CSV_CASES])
def test_malformed_csv_is_reported_and_nothing_written(
    tmp_path: Path, name: str, filename: str, data: bytes, expected: list[str]
) -> None:
    path = tmp_path / filename
    path.write_bytes(data)
    out = tmp_path / "data.ttl"
    result = CliRunner().invoke(cli, ["import", str(path), "-o", str(out), "--lang", "en"])
    assert result.exit_code == 1, result.output  # a data problem
    for message in expected:
        assert message in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [filename]


@pytest.mark.parametrize(
    ("data", "options"),
    [
        (ORGS_CSV.replace(",", ";").encode("utf-8"), []),  # Dutch Excel writes ';'
        (ORGS_CSV.replace(",", "\t").encode("utf-8"), []),
        (b"\xef\xbb\xbf" + ORGS_CSV.encode("utf-8"), []),  # 'CSV UTF-8' from Excel starts with a byte-order mark
        (ORGS_CSV.encode("cp1252"), ["--encoding", "cp1252"]),
    ],
    ids=["semicolon", "tab", "utf-8-bom", "cp1252-declared"],
)
def test_csv_dialects_that_are_accepted(tmp_path: Path, data: bytes, options: list[str]) -> None:
    path = tmp_path / "organisaties.csv"
    path.write_bytes(data)
    out = tmp_path / "data.ttl"
    result = CliRunner().invoke(cli, ["import", str(path), "-o", str(out), *options])
    assert result.exit_code == 0, result.output
    labels = {str(o) for o in Graph().parse(out).objects(None, None) if "Vos" in str(o)}
    assert labels == {"Hospice Coöperatie De Vos"}
