"""Names matched to what exists: another spelling links (and says so), a similar name is a located question."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from ecosysteem.cli import cli
from ecosysteem.graph import Ecosystem
from ecosysteem.graph.workbook import import_workbook, template_workbook, workbook_bytes
from ecosysteem.vocab import EZ, ID, RDF, RDFS
from test_workbook import fast_default_graph, fill, save

__all__ = ["fast_default_graph"]  # a fixture, imported to be used here


@pytest.fixture(scope="module")
def template(eco: Ecosystem) -> bytes:
    return workbook_bytes(template_workbook(eco))


def network_workbook(name: str, **network: str) -> dict[str, list[dict[str, Any]]]:
    """A coordinator's workbook: their network (as they spell it), one member, one activity without a plan."""
    return {
        "Regio's": [{"naam": "Proefregio", "soort": "gemeente"}],
        "Netwerken": [{"naam": name, "regio's": "Proefregio", **network}],
        "Organisaties": [{"naam": "Hospice Proefhuis", "type": "hospice"}],
        "Lidmaatschappen": [{"lid": "Hospice Proefhuis", "van": name, "rol": "onbekend"}],
        "Activiteiten": [{"wat": "Scholing vrijwilligers", "netwerk": name}],
    }


@pytest.mark.parametrize(
    ("typed", "existing"),
    [
        ("Netwerk Palliatieve Zorg Gooi en Vechtstreek", "gooi-en-vechtstreek"),  # "&" written "en"
        ("Netwerk Palliatieve Zorg Eemland", "eemland"),  # "regio Eemland"
        ("netwerk palliatieve zorg regio eemland", "eemland"),  # case
    ],
)
def test_a_variant_spelling_of_a_reference_network_links_to_it(
    template: bytes, eco: Ecosystem, tmp_path: Path, typed: str, existing: str
) -> None:
    result = import_workbook(save(fill(template, network_workbook(typed)), tmp_path / "p.xlsx"), context=eco)
    assert result.ok, result.report()
    network = ID[f"network/{existing}"]
    g = result.graph
    # no second network: the membership and the activity point at the existing one, under its own name
    assert set(g.subjects(RDF.type, EZ.Network)) == {network}
    assert (ID["membership/hospice-proefhuis--" + existing], None, None) in g
    assert {str(x) for x in g.objects(network, RDFS.label)} == {str(x) for x in eco.graph.objects(network, RDFS.label)}
    assert [n.sheet for n in result.notes] == ["Netwerken"]
    assert f"'{typed}' is " in result.notes[0].text() and f"(network/{existing})" in result.notes[0].text()
    assert "gekoppeld" in result.notes[0].text() and "1 naam/namen gekoppeld" in result.summary()


@pytest.mark.usefixtures("fast_default_graph")
def test_the_cli_says_it_linked(template: bytes, tmp_path: Path) -> None:
    typed = "Netwerk Palliatieve Zorg Gooi en Vechtstreek"
    plan = save(fill(template, network_workbook(typed)), tmp_path / "p.xlsx")
    result = CliRunner().invoke(cli, ["import", str(plan), "-o", str(tmp_path / "mijn-netwerk.ttl")])
    assert result.exit_code == 0, result.output
    assert (
        f"p.xlsx, blad 'Netwerken', rij 2, kolom A (naam): '{typed}' is 'Netwerk Palliatieve Zorg Gooi & Vechtstreek' "
        "(network/gooi-en-vechtstreek) uit de bestaande gegevens: gekoppeld, geen nieuwe aangemaakt"
    ) in result.output
    assert "1 naam/namen gekoppeld aan een bestaand ding" in result.output


@pytest.mark.usefixtures("fast_default_graph")
def test_gaps_finds_the_network_by_the_name_the_coordinator_typed(template: bytes, tmp_path: Path) -> None:
    typed = "Netwerk Palliatieve Zorg Gooi en Vechtstreek"
    plan = save(fill(template, network_workbook(typed)), tmp_path / "p.xlsx")
    out = tmp_path / "mijn-netwerk.ttl"
    assert CliRunner().invoke(cli, ["import", str(plan), "-o", str(out)]).exit_code == 0
    gaps = CliRunner().invoke(cli, ["--data", str(out), "gaps", "--network", typed])
    assert gaps.exit_code == 0, gaps.output
    assert "Gooi & Vechtstreek" in gaps.output


def test_a_similar_name_is_a_located_question_naming_the_existing_one(
    template: bytes, eco: Ecosystem, tmp_path: Path
) -> None:
    rows = {"Organisaties": [{"naam": "Medisch Spectrum", "type": "ziekenhuis"}]}
    result = import_workbook(save(fill(template, rows), tmp_path / "p.xlsx"), context=eco)
    assert not result.ok and not result.models
    (problem,) = result.errors
    assert problem.text().startswith("p.xlsx, blad 'Organisaties', rij 2, kolom A (naam): 'Medisch Spectrum' lijkt op ")
    assert "'Medisch Spectrum Twente' (organisation/mst)" in problem.text()
    assert "kolom 'zelfde als'" in problem.text() and "'nee'" in problem.text()


@pytest.mark.parametrize(("answer", "iri"), [("Medisch Spectrum Twente", "mst"), ("nee", "medisch-spectrum")])
def test_the_zelfde_als_column_confirms_or_denies_the_match(
    template: bytes, eco: Ecosystem, tmp_path: Path, answer: str, iri: str
) -> None:
    rows = {"Organisaties": [{"naam": "Medisch Spectrum", "type": "ziekenhuis", "zelfde als": answer}]}
    result = import_workbook(save(fill(template, rows), tmp_path / "p.xlsx"), context=eco)
    assert result.ok, result.report()
    assert set(result.graph.subjects(RDF.type, EZ.Organisation)) == {ID[f"organisation/{iri}"]}


def test_suggestions_stay_within_the_kind_the_column_takes(template: bytes, eco: Ecosystem, tmp_path: Path) -> None:
    """A consortium's name is suggested where a collaboration may stand, never where only organisations may."""
    rows: dict[str, list[dict[str, Any]]] = {
        "Organisaties": [{"naam": "Hospice Proefhuis", "type": "hospice"}],
        "Lidmaatschappen": [{"lid": "Hospice Proefhuis", "van": "Consortium Ligaree"}],
    }
    result = import_workbook(save(fill(template, rows), tmp_path / "p.xlsx"), context=eco, validate=False)
    (problem,) = result.errors
    assert problem.suggestion == "Consortium Ligare"
    rows = {
        "Regio's": [{"naam": "Proefregio", "soort": "gemeente"}],
        "Netwerken": [
            {"naam": "Netwerk Palliatieve Zorg Proefland", "regio's": "Proefregio", "penvoerder": "Consortium Ligaree"}
        ],
    }
    result = import_workbook(save(fill(template, rows), tmp_path / "q.xlsx"), context=eco, validate=False)
    (problem,) = result.errors
    assert problem.message.startswith("onbekende organisatie 'Consortium Ligaree'")
    assert problem.suggestion is None or "Ligare" not in problem.suggestion
    rows["Netwerken"][0]["penvoerder"] = "Ligare"  # the consortium's name without "Consortium": found, wrong kind
    result = import_workbook(save(fill(template, rows), tmp_path / "r.xlsx"), context=eco, validate=False)
    (problem,) = result.errors
    assert "'Ligare' is een" in problem.message and "geen organisatie" in problem.message


def test_the_same_name_written_twice_otherwise_in_one_workbook_is_a_located_problem(
    template: bytes, eco: Ecosystem, tmp_path: Path
) -> None:
    rows = {
        "Organisaties": [
            {"naam": "Proefstad Medisch Centrum", "type": "ziekenhuis"},
            {"naam": "Proefstad MC", "type": "ziekenhuis"},
        ]
    }
    result = import_workbook(save(fill(template, rows), tmp_path / "p.xlsx"), context=eco)
    (problem,) = result.errors
    assert (problem.sheet, problem.row, problem.header) == ("Organisaties", 3, "naam")
    assert "'Proefstad MC' is dezelfde naam als 'Proefstad Medisch Centrum' op blad 'Organisaties', rij 2" in (
        problem.message
    )
