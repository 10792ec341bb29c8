"""Goals in the workbook (sheet Doelen, column 'draagt bij aan doel'): the gap checks they drive apply to it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.utils import get_column_letter
from rdflib import Graph, Literal

from ecosysteem.analysis.gaps import Finding, find_gaps
from ecosysteem.graph import Ecosystem
from ecosysteem.graph.workbook import import_workbook, template_workbook, workbook_bytes
from ecosysteem.vocab import EZ, ID
from test_workbook import fill, save

NETWORK = "Netwerk Palliatieve Zorg Doelland"
PLAN = "Jaarplan 2026 Doelland"
ACP = "proactieve zorgplanning (ACP)"
GP = "Huisartsenpraktijk De Linde"


def rows(participation: object = "ja") -> dict[str, list[dict[str, Any]]]:
    """A network whose plan has three goals: one demanding patient participation (ACP), one nobody works towards,
    one an activity contributes to; the ACP activity has only a GP as party."""
    return {
        "Regio's": [{"naam": "Doelland", "soort": "netwerkregio"}],
        "Organisaties": [{"naam": GP, "type": "huisarts / huisartsenpraktijk"}],
        "Netwerken": [{"naam": NETWORK, "regio's": "Doelland"}],
        "Lidmaatschappen": [{"lid": GP, "van": NETWORK}],
        "Plannen": [{"naam": PLAN, "van": NETWORK, "begin": "2026"}],
        "Doelen": [
            {
                "naam": "Proactieve zorgplanning",
                "plan": PLAN,
                "thema": ACP,
                "vraagt patiëntparticipatie": participation,
            },
            {"naam": "Bewustwording", "plan": PLAN, "vraagt patiëntparticipatie": "nee"},
            {"naam": "Deskundigheid", "plan": PLAN},
        ],
        "Activiteiten": [
            {"wat": "ACP-gesprekken in de huisartsenpraktijk", "plan": PLAN, "thema": ACP},
            {"wat": "Scholing huisartsen", "plan": PLAN, "draagt bij aan doel": "Deskundigheid"},
        ],
        "Wie": [
            {"activiteit": "ACP-gesprekken in de huisartsenpraktijk", "partij": GP, "rol": "trekker"},
            {"activiteit": "Scholing huisartsen", "partij": GP},
        ],
    }


@pytest.fixture(scope="module")
def template(eco: Ecosystem) -> bytes:
    return workbook_bytes(template_workbook(eco))


@pytest.fixture(scope="module")
def imported(eco: Ecosystem, template: bytes, tmp_path_factory: pytest.TempPathFactory) -> Graph:
    path = save(fill(template, rows()), tmp_path_factory.mktemp("goals") / "doelen.xlsx")
    result = import_workbook(path, context=eco)
    assert result.problems == [], result.report()
    return result.graph


@pytest.fixture(scope="module")
def findings(eco: Ecosystem, imported: Graph) -> list[Finding]:
    graph = Graph()
    graph += eco.graph
    graph += imported
    return find_gaps(Ecosystem(graph), ["patient-voice-missing", "goal-without-activity"], network="network/doelland")


PLAN_IRI = ID["plan/jaarplan-2026-doelland"]
GOAL = {name: ID[f"goal/jaarplan-2026-doelland--{name}"] for name in ("proactieve-zorgplanning", "bewustwording")}


def test_the_goals_become_goals_of_their_plan(imported: Graph) -> None:
    acp, awareness = GOAL["proactieve-zorgplanning"], GOAL["bewustwording"]
    assert {(PLAN_IRI, EZ.hasGoal, acp), (PLAN_IRI, EZ.hasGoal, awareness)} <= set(imported)
    assert (acp, EZ.theme, ID["theme/proactieve-zorgplanning"]) in imported
    assert (acp, EZ.requiresPatientParticipation, Literal(True)) in imported
    assert (awareness, EZ.requiresPatientParticipation, Literal(False)) in imported
    scholing = ID["activity/jaarplan-2026-doelland--scholing-huisartsen"]
    assert (scholing, EZ.contributesToGoal, ID["goal/jaarplan-2026-doelland--deskundigheid"]) in imported


def test_the_acp_activity_with_only_a_gp_lacks_the_patient_voice(findings: list[Finding]) -> None:
    voice = [f for f in findings if f.gap == "patient-voice-missing" and f.status == "gap"]
    assert [f.subject for f in voice] == [
        str(ID["activity/jaarplan-2026-doelland--acp-gesprekken-in-de-huisartsenpraktijk"])
    ]


def test_goals_nobody_works_towards_are_gaps_and_the_worked_one_is_not(findings: list[Finding]) -> None:
    no_activity = {f.subject for f in findings if f.gap == "goal-without-activity"}
    assert no_activity == {str(GOAL["proactieve-zorgplanning"]), str(GOAL["bewustwording"])}


def test_without_the_demand_no_patient_voice_gap(eco: Ecosystem, template: bytes, tmp_path: Path) -> None:
    """The same workbook with 'vraagt patiëntparticipatie: nee': the network did not demand it, so no gap."""
    result = import_workbook(save(fill(template, rows("nee")), tmp_path / "nee.xlsx"), context=eco)
    assert result.ok, result.report()
    graph = Graph()
    graph += eco.graph
    graph += result.graph
    assert not find_gaps(Ecosystem(graph), ["patient-voice-missing"], network="network/doelland")


@pytest.mark.parametrize("value", ["ja", "JA", "yes", "Waar", "ONWAAR", "nee", "no", True, False])
def test_yes_no_values_are_read(eco: Ecosystem, template: bytes, tmp_path: Path, value: object) -> None:
    """The Dutch, English and spreadsheet (WAAR/ONWAAR, a boolean cell) spellings of yes and no."""
    result = import_workbook(save(fill(template, rows(value)), tmp_path / "w.xlsx"), context=eco)
    assert result.ok, result.report()
    expected = str(value).casefold() in ("ja", "yes", "waar", "true")
    triple = (GOAL["proactieve-zorgplanning"], EZ.requiresPatientParticipation, Literal(expected))
    assert triple in result.graph


def test_a_bad_yes_no_value_is_a_located_problem_in_both_languages(
    eco: Ecosystem, template: bytes, tmp_path: Path
) -> None:
    result = import_workbook(save(fill(template, rows("misschien")), tmp_path / "plan.xlsx"), context=eco)
    assert not result.ok and result.models == []
    [problem] = result.errors
    book = openpyxl.load_workbook(tmp_path / "plan.xlsx")
    headers = [str(c.value).rstrip(" *") for c in book["Doelen"][1]]
    letter = get_column_letter(headers.index("vraagt patiëntparticipatie") + 1)
    where = f"plan.xlsx, blad 'Doelen', rij 2, kolom {letter} (vraagt patiëntparticipatie)"
    assert problem.text("nl").startswith(f"{where}: onbekende waarde 'misschien'"), problem.text("nl")
    where_en = f"plan.xlsx, sheet 'Doelen', row 2, column {letter} (vraagt patiëntparticipatie)"
    assert problem.text("en").startswith(f"{where_en}: unknown value 'misschien'"), problem.text("en")


def test_a_goal_of_a_plan_not_in_the_workbook_is_a_located_problem(
    eco: Ecosystem, template: bytes, tmp_path: Path
) -> None:
    """The plan holds the link (ez:hasGoal): a plan of the default data cannot get a goal from a workbook."""
    data = rows()
    data["Doelen"].append({"naam": "Nog een doel", "plan": "plan/jaarplan-2024-ijssel-vecht"})
    result = import_workbook(save(fill(template, data), tmp_path / "plan.xlsx"), context=eco)
    assert [p.text("en") for p in result.errors] == [
        "plan.xlsx, sheet 'Doelen', row 5, column B (plan): 'plan/jaarplan-2024-ijssel-vecht' is not a plan of this "
        "workbook: add it to sheet Plannen"
    ]


def test_the_example_workbook_records_goals_that_the_gap_checks_read(eco: Ecosystem) -> None:
    """examples/voorbeeld-netwerk.xlsx: Lindeland's ACP goal asks for patient participation; its ACP training has
    no party with the patient perspective."""
    result = import_workbook(Path(__file__).resolve().parents[1] / "examples" / "voorbeeld-netwerk.xlsx", context=eco)
    assert result.ok, result.report()
    graph = Graph()
    graph += eco.graph
    graph += result.graph
    found = find_gaps(Ecosystem(graph), ["patient-voice-missing", "goal-without-activity"], network="network/lindeland")
    assert {(f.gap, f.status, f.subject_label) for f in found} == {
        ("patient-voice-missing", "gap", "Scholing proactieve zorgplanning"),
        ("patient-voice-missing", "gap", "Werkgroep scholing"),
    }  # both goals are worked on: no goal-without-activity


def test_a_workbook_made_before_sheet_doelen_still_imports(eco: Ecosystem, template: bytes, tmp_path: Path) -> None:
    """Sheet Doelen came later: a workbook without it reads as one with the sheet left empty."""
    data = rows()
    del data["Doelen"]
    data["Activiteiten"] = [{k: v for k, v in r.items() if k != "draagt bij aan doel"} for r in data["Activiteiten"]]
    book = fill(template, data)
    del book["Doelen"]
    result = import_workbook(save(book, tmp_path / "oud.xlsx"), context=eco)
    assert result.problems == [], result.report()
    assert (PLAN_IRI, None, None) in result.graph
