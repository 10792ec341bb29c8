"""Issue 19.5: no text from the graph becomes a live formula in a CSV or xlsx file (OWASP "CSV injection").

A label that starts with ``=``, ``+``, ``-`` or ``@`` gets OWASP's ``'`` in front in every CSV ecosysteem writes
(``export --format csv``, ``gaps``/``query``/``analyse --format csv``) and stays a text cell in the Kumu
workbook; what ecosysteem reads back is the label as it was.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from ecosysteem.cli import cli

LABELS = {
    "organisation/evil": '=HYPERLINK("http://evil.example/","klik")',
    "network/evil": "-2+3 Netwerk",
    "organisation/plus": "+1+1",
    "organisation/at": "@SUM(A1)",
    "organisation/tab": "\t=1+1",
}
EVIL_TTL = """
@prefix ez: <https://w3id.org/ecosysteem/def#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix id: <https://w3id.org/ecosysteem/id/> .
id:network\\/evil a ez:Network ; rdfs:label "-2+3 Netwerk"@nl , "-2+3 Network"@en ;
    ez:level <https://w3id.org/ecosysteem/id/level/regionaal> .
"""
for _iri, _label in LABELS.items():
    if _iri.startswith("organisation/"):
        _escaped = _label.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
        EVIL_TTL += f'<https://w3id.org/ecosysteem/id/{_iri}> a ez:Organisation ; rdfs:label "{_escaped}"@nl .\n'
        EVIL_TTL += (
            f"<https://w3id.org/ecosysteem/id/membership/{_iri.split('/')[1]}> a org:Membership ; "
            f"org:member <https://w3id.org/ecosysteem/id/{_iri}> ; "
            "org:organization <https://w3id.org/ecosysteem/id/network/evil> .\n"
        )

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture
def evil(tmp_path: Path) -> Path:
    path = tmp_path / "evil.ttl"
    path.write_text(EVIL_TTL, encoding="utf-8")
    return path


def _run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def _live_cells(text: str) -> list[str]:
    """Every CSV cell a spreadsheet would run as a formula (a plain number is no formula)."""
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    return [c for c in cells if c.startswith(FORMULA_STARTS) and not c.lstrip("+-").replace(".", "").isdigit()]


def _undo_quote(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS) else cell


def test_export_csv_has_no_live_formula_and_keeps_the_label(evil: Path, tmp_path: Path) -> None:
    target = tmp_path / "tables.zip"
    _run("--data", str(evil), "export", "--format", "csv", "-o", str(target))
    with zipfile.ZipFile(target) as archive:
        texts = {name: archive.read(name).decode("utf-8") for name in archive.namelist()}
    assert [c for text in texts.values() for c in _live_cells(text)] == []
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(texts["organisation.csv"]))}
    assert rows["organisation/evil"]["label_nl"] == "'" + LABELS["organisation/evil"]
    for iri, label in LABELS.items():
        if iri.startswith("organisation/"):
            assert _undo_quote(rows[iri]["label_nl"]) == label.strip()  # the model trims labels


@pytest.mark.parametrize(
    "args",
    [
        ("gaps", "--format", "csv"),
        ("analyse", "centrality", "--format", "csv"),
        ("analyse", "compare", "--format", "csv"),
    ],
    ids=["gaps", "analyse-centrality", "analyse-compare"],
)
def test_listing_csv_has_no_live_formula(evil: Path, args: tuple[str, ...]) -> None:
    text = _run("--data", str(evil), *args)
    assert "-2+3 Netwerk" in text  # the hostile network is in the output …
    assert _live_cells(text) == []  # … as text


def test_query_csv_has_no_live_formula(evil: Path, tmp_path: Path) -> None:
    rq = tmp_path / "labels.rq"
    rq.write_text(
        "# title: labels\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        'SELECT ?label WHERE { ?s rdfs:label ?label FILTER(CONTAINS(STR(?s), "evil")) }\n',
        encoding="utf-8",
    )
    text = _run("--data", str(evil), "query", str(rq), "--format", "csv")
    assert "HYPERLINK" in text
    assert _live_cells(text) == []


def test_kumu_workbook_cells_are_text_and_read_back_unchanged(evil: Path, tmp_path: Path) -> None:
    target = tmp_path / "kumu.xlsx"
    _run("--data", str(evil), "export", "--format", "kumu", "-o", str(target))
    book = openpyxl.load_workbook(target)
    cells = [cell for sheet in book for row in sheet.iter_rows() for cell in row]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    assert LABELS["organisation/evil"] in {c.value for c in cells}


@given(st.text(max_size=12))
def test_csv_quote_is_reversible(text: str) -> None:
    from ecosysteem._cells import csv_text, from_csv_text, looks_like_formula

    quoted = csv_text(text)
    assert from_csv_text(quoted) == text
    assert not (quoted.startswith(FORMULA_STARTS) and looks_like_formula(quoted))


def test_template_fill_writes_a_formula_like_label_as_text(tmp_path: Path) -> None:
    """Issue 19 item 5: ``template --fill`` wrote ``=HYPERLINK(…)`` as a live formula cell."""
    import openpyxl
    from click.testing import CliRunner

    from ecosysteem.cli import cli

    data = tmp_path / "evil.ttl"
    data.write_text(
        "@prefix ez: <https://w3id.org/ecosysteem/def#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "<https://w3id.org/ecosysteem/id/organisation/evil> a ez:Organisation ;\n"
        '    rdfs:label "=HYPERLINK(\\"http://example.invalid\\",\\"klik\\")"@nl ;\n'
        "    ez:organisationType <https://w3id.org/ecosysteem/id/organisation-type/ziekenhuis> .\n",
        encoding="utf-8",
    )
    out = tmp_path / "plan.xlsx"
    result = CliRunner().invoke(cli, ["template", "-o", str(out), "--fill", str(data)])
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(out)
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    hits = [c for c in cells if c.value.startswith("=HYPERLINK")]
    assert hits and all(c.data_type == "s" for c in hits)
