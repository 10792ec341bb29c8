"""One vocabulary: every value a drop-down offers is one the import accepts; 'onbekend'; activities without a plan."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from rdflib import Graph, URIRef

from ecosysteem.graph import Ecosystem
from ecosysteem.graph.workbook import SHEETS, import_workbook, template_workbook, workbook_bytes
from ecosysteem.graph.workbook._spec import PARTY_ROLES
from ecosysteem.vocab import EZ, ID, SKOS, scheme_iri
from test_workbook import fill, save


@pytest.fixture(scope="module")
def template(eco: Ecosystem) -> bytes:
    return workbook_bytes(template_workbook(eco))


def drop_downs(template: bytes) -> dict[tuple[str, str], list[str]]:
    """(sheet, header) → the values the drop-down of that column offers (lists on sheet Lijsten only)."""
    book = openpyxl.load_workbook(io.BytesIO(template))
    out: dict[tuple[str, str], list[str]] = {}
    for sheet in SHEETS:
        ws = book[sheet.nl]
        headers = {c.column_letter: str(c.value).rstrip(" *") for c in ws[1] if c.value}
        for validation in ws.data_validations.dataValidation:
            if not validation.formula1.startswith("Lijsten!"):
                continue
            letter = str(validation.sqref).split(":")[0].rstrip("0123456789")
            ref = validation.formula1.split("!")[1].replace("$", "")
            out[(sheet.nl, headers[letter])] = [str(c.value) for row in book["Lijsten"][ref] for c in row]
    return out


# A valid row for each sheet, numbered so that names stay unique; the column under test is set on top of it.
NETWORK = "Netwerk Palliatieve Zorg Proefland"
BASE: dict[str, Any] = {
    "Organisaties": lambda i: {"naam": f"Proeforganisatie {i}", "type": "hospice"},
    "Netwerken": lambda i: {"naam": f"Proefverband {i}", "soort": "samenwerkingsverband", "niveau": "regionaal"},
    "Lidmaatschappen": lambda i: {"lid": f"Proeflid {i}", "van": NETWORK},
    "Werkgroepen": lambda i: {"naam": f"Proefgroep {i}", "van": NETWORK, "soort": "werkgroep"},
    "Plannen": lambda i: {"naam": f"Proefplan {i}", "van": NETWORK},
    "Doelen": lambda i: {"naam": f"Proefdoel {i}", "plan": "Proefplan 0"},
    "Activiteiten": lambda i: {"wat": f"Proefactiviteit {i}", "netwerk": NETWORK},  # no plan
    "Wie": lambda i: {"activiteit": "Proefactiviteit 0", "partij": f"Proeflid {i}"},
    "Regio's": lambda i: {"naam": f"Proefregio {i}", "soort": "gemeente", "ligt in": "Proefland"},
    "Bronnen": lambda i: {"naam": f"Proefbron {i}"},
}
# Where the base row cannot take every value: a network is regional, a kind of collaboration needs its own level.
OVERRIDES: dict[tuple[str, str], dict[str, str]] = {
    ("Netwerken", "soort"): {"regio's": "Proefland"},
}


def every_value_workbook(template: bytes) -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[dict[str, Any]]] = {
        "Regio's": [{"naam": "Proefland", "soort": "netwerkregio"}],
        "Netwerken": [{"naam": NETWORK, "regio's": "Proefland"}],
        "Organisaties": [{"naam": f"Proeflid {i}", "type": "thuiszorg"} for i in range(600)],
        "Activiteiten": [{"wat": "Proefactiviteit 0", "netwerk": NETWORK}],
        "Plannen": [{"naam": "Proefplan 0", "van": NETWORK}],
    }
    number = 1
    for (sheet, header), values in sorted(drop_downs(template).items()):
        for value in values:
            number += 1
            row = {**BASE[sheet](number), **OVERRIDES.get((sheet, header), {}), header: value}
            rows.setdefault(sheet, []).append(row)
    return rows


def test_every_column_with_a_list_is_covered(template: bytes) -> None:
    covered = set(drop_downs(template))
    expected = {(s.nl, c.nl) for s in SHEETS for c in s.columns if c.kind in ("concept", "choice")}
    assert covered == expected


def test_a_workbook_with_every_drop_down_value_and_activities_without_a_plan_imports_without_a_problem(
    template: bytes, eco: Ecosystem, tmp_path: Path
) -> None:
    rows = every_value_workbook(template)
    assert sum(len(r) for r in rows.values()) > 300  # the lists are really there
    result = import_workbook(save(fill(template, rows), tmp_path / "alles.xlsx"), context=eco)
    assert result.problems == [], result.report()
    g = result.graph
    activity = ID["activity/proefland--proefactiviteit-0"]  # named after its network: no plan
    assert (activity, EZ.responsible, ID["network/proefland"]) in g
    assert not list(g.objects(activity, EZ.inPlan))
    combined = Graph()
    combined += eco.graph
    combined += g
    assert Ecosystem(combined).validate().conforms


def test_each_column_list_comes_from_the_scheme_the_import_checks(template: bytes, eco: Ecosystem) -> None:
    lists = drop_downs(template)
    for sheet in SHEETS:
        for column in sheet.columns:
            if column.kind == "concept":
                labels = sorted(c.label_nl for c in eco.concepts(column.scheme or ""))
                assert sorted(lists[(sheet.nl, column.nl)]) == labels, (sheet.nl, column.nl)
    # the roles of members (people's roles) and of parties in an activity are different lists
    assert "trekker" in lists[("Wie", "rol")] and "trekker" not in lists[("Lidmaatschappen", "rol")]


def test_party_roles_are_the_concepts_of_their_scheme(eco: Ecosystem) -> None:
    concepts = set(eco.graph.subjects(SKOS.inScheme, scheme_iri("party-role")))
    assert {str(c).rsplit("/", 1)[-1] for c in concepts} == set(PARTY_ROLES)


@pytest.mark.parametrize("scheme", ["organisation-type", "line-of-care", "level", "role", "group-type"])
def test_onbekend_is_an_explicit_unknown(eco: Ecosystem, scheme: str) -> None:
    concept = URIRef(f"{ID}{scheme}/onbekend")
    assert (concept, SKOS.inScheme, scheme_iri(scheme)) in eco.graph
    assert (ID["collection/onbekend"], SKOS.member, concept) in eco.graph


def test_a_consultation_team_is_a_group_type_and_an_organisation_type(eco: Ecosystem) -> None:
    for scheme in ("group-type", "organisation-type"):
        assert (ID[f"{scheme}/consultatieteam"], SKOS.inScheme, scheme_iri(scheme)) in eco.graph


def test_onbekend_imports_as_the_unknown_concept(template: bytes, eco: Ecosystem, tmp_path: Path) -> None:
    rows = {
        "Organisaties": [{"naam": "Proefhuis", "type": "onbekend", "lijn": "onbekend", "niveau": "onbekend"}],
    }
    result = import_workbook(save(fill(template, rows), tmp_path / "p.xlsx"), context=eco)
    assert result.ok, result.report()
    org = ID["organisation/proefhuis"]
    assert (org, EZ.organisationType, ID["organisation-type/onbekend"]) in result.graph
    assert (org, EZ.lineOfCare, ID["line-of-care/onbekend"]) in result.graph


@pytest.mark.parametrize(
    ("sheet", "header", "offers"),
    [
        ("Lidmaatschappen", "lid", "Organisaties"),
        ("Lidmaatschappen", "van", "Netwerken"),
        ("Wie", "partij", "Organisaties"),
        ("Wie", "activiteit", "Activiteiten"),
        ("Activiteiten", "netwerk", "Netwerken"),
        ("Activiteiten", "plan", "Plannen"),
        ("Activiteiten", "werkgroep", "Werkgroepen"),
        ("Werkgroepen", "van", "Netwerken"),
        ("Plannen", "van", "Netwerken"),
        ("Doelen", "plan", "Plannen"),
        ("Activiteiten", "draagt bij aan doel", "Doelen"),
        ("Netwerken", "penvoerder", "Organisaties"),
    ],
)
def test_columns_that_refer_to_names_offer_the_names_already_entered(
    template: bytes, sheet: str, header: str, offers: str
) -> None:
    ws = openpyxl.load_workbook(io.BytesIO(template))[sheet]
    letter = next(c.column_letter for c in ws[1] if str(c.value).rstrip(" *") == header)
    validation = next(v for v in ws.data_validations.dataValidation if f"{letter}2:" in str(v.sqref))
    assert validation.formula1 == f"'{offers}'!$A$2:$A$2000"
    assert validation.errorStyle == "warning"  # names from the default graph and ids stay typeable


def test_a_partner_of_unknown_type_makes_the_partner_checklist_unknown_not_a_gap(
    template: bytes, eco: Ecosystem, tmp_path: Path
) -> None:
    """'onbekend' reaches the gap analysis as unknown: absent partner kinds are then unknown, not gaps."""
    from ecosysteem.analysis.gaps import find_gaps

    def findings(member_type: str) -> set[str]:
        rows = {
            "Regio's": [{"naam": "Proefland", "soort": "netwerkregio"}],
            "Netwerken": [{"naam": NETWORK, "regio's": "Proefland"}],
            "Organisaties": [{"naam": "Proefzorg", "type": member_type}],
            "Lidmaatschappen": [{"lid": "Proefzorg", "van": NETWORK}],
        }
        result = import_workbook(save(fill(template, rows), tmp_path / f"{member_type}.xlsx"), context=eco)
        assert result.ok, result.report()
        graph = Graph()
        graph += eco.graph
        graph += result.graph
        found = find_gaps(Ecosystem(graph), ["missing-partner-types"], network="network/proefland")
        return {f.status for f in found}

    assert findings("thuiszorg") == {"gap"}
    assert findings("onbekend") == {"unknown"}
