"""Issue 19, item 9: an *id* that does not match its sheet's kind is a located error, not silently wrong data.

An *id* of ``network/twente`` on an *Organisaties* row turned the Twente network into an organisation named after
the row, and ``validate`` still conformed. Now the import stops at the cell, and the shapes reject an entity typed
both collaboration and organisation.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from ecosysteem.cli import cli
from ecosysteem.graph import Ecosystem
from ecosysteem.graph.workbook import import_workbook, template_workbook, workbook_bytes
from ecosysteem.vocab import EZ, ID, RDF
from test_workbook import fast_default_graph, fill, save

__all__ = ["fast_default_graph"]  # a fixture, imported to be used here


@pytest.fixture(scope="module")
def template(eco: Ecosystem) -> bytes:
    return workbook_bytes(template_workbook(eco))


@pytest.mark.usefixtures("fast_default_graph")
def test_an_existing_network_id_on_the_organisations_sheet_is_refused(template: bytes, tmp_path: Path) -> None:
    rows = {"Organisaties": [{"naam": "Ziekenhuis Twente", "type": "ziekenhuis", "id": "network/twente"}]}
    plan = save(fill(template, rows), tmp_path / "plan.xlsx")
    out = tmp_path / "data.ttl"
    result = CliRunner().invoke(cli, ["import", str(plan), "-o", str(out)])
    assert result.exit_code == 1, result.output  # a data problem
    assert (
        "plan.xlsx, blad 'Organisaties', rij 2, kolom "  # the id column, wherever it is
        in result.output
    )
    assert "(id): id 'network/twente' is al een netwerk ('Netwerken Palliatieve Zorg Twente'), geen organisatie" in (
        result.output
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.xlsx"]


@pytest.mark.parametrize(
    ("sheet", "row", "expected"),
    [
        ("Organisaties", {"naam": "Proefhuis", "type": "hospice", "id": "network/proefhuis"}, "organisatie"),
        ("Regio's", {"naam": "Proefregio", "soort": "gemeente", "id": "organisation/proefregio"}, "regio"),
        (
            "Netwerken",
            {"naam": "Proefnetwerk", "regio's": "Twente", "id": "organisation/zgt"},  # an existing organisation
            "netwerk",
        ),
    ],
)
def test_an_id_of_another_kind_is_a_located_error(
    template: bytes, eco: Ecosystem, tmp_path: Path, sheet: str, row: dict[str, str], expected: str
) -> None:
    result = import_workbook(save(fill(template, {sheet: [row]}), tmp_path / "p.xlsx"), context=eco)
    (problem,) = result.errors
    assert (problem.sheet, problem.row, problem.header) == (sheet, 2, "id")
    assert problem.value == row["id"]
    assert f"geen {expected}" in problem.message
    assert not result.models


def test_an_id_of_the_right_kind_still_works(template: bytes, eco: Ecosystem, tmp_path: Path) -> None:
    rows = {"Organisaties": [{"naam": "Proefhuis", "type": "hospice", "id": "organisation/eigen-id"}]}
    result = import_workbook(save(fill(template, rows), tmp_path / "p.xlsx"), context=eco)
    assert result.ok, result.report()
    assert (ID["organisation/eigen-id"], RDF.type, EZ.Organisation) in result.graph


def test_the_shapes_reject_an_entity_typed_both_network_and_organisation(eco: Ecosystem) -> None:
    graph = Graph()
    graph += eco.graph
    graph.add((ID["network/twente"], RDF.type, EZ.Organisation))
    report = Ecosystem(graph).validate()
    assert not report.conforms
    assert any(
        v.focus == str(ID["network/twente"]) and "cannot also be an ez:Organisation" in v.message
        for v in report.violations
    )
