"""Comparison matrices (analysis.compare): rows against every concept of a scheme, holes included."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from ecosysteem.analysis.compare import (
    COLUMN_KINDS,
    Cell,
    ComparisonMatrix,
    collaboration_activities,
    comparison_matrix,
)
from ecosysteem.graph import Ecosystem

ID = "https://w3id.org/ecosysteem/id/"

# Network n has a plan with activities x, y and x's phase x-sub; supra-regional collaboration s has n as member
# and is a participant of project q, which has a phase q2. Notations 1, 2, 10 test numeric ordering.
SNIPPET = r"""
id:function\/f1 skos:inScheme id:scheme\/function ; skos:notation "2" ;
    skos:prefLabel "F twee"@nl , "F two"@en .
id:function\/f2 skos:inScheme id:scheme\/function ; skos:notation "10" ; skos:prefLabel "F tien"@nl .
id:function\/f3 skos:inScheme id:scheme\/function ; skos:notation "1" ;
    skos:prefLabel "F een"@nl , "F one"@en .
id:loop\/o skos:inScheme id:scheme\/loop ; skos:notation "o" ; skos:prefLabel "onderwijs"@nl .
id:loop\/p skos:inScheme id:scheme\/loop ; skos:notation "p" ; skos:prefLabel "praktijk"@nl .
id:loop\/r skos:inScheme id:scheme\/loop ; skos:notation "r" ; skos:prefLabel "onderzoek"@nl .
id:action\/a1 skos:inScheme id:scheme\/action ; skos:prefLabel "actie"@nl ; ez:loop id:loop\/o .

id:network\/n a ez:Network ; rdfs:label "N"@nl , "N"@en .
id:network\/m a ez:Network ; rdfs:label "M"@nl , "M"@en .
id:collaboration\/s a ez:SupraRegionalCollaboration ; rdfs:label "S"@nl , "S"@en .
id:membership\/n--s a org:Membership ; org:member id:network\/n ; org:organization id:collaboration\/s .
id:plan\/p a ez:Plan ; ez:planOf id:network\/n .

id:activity\/x a ez:Activity ; ez:inPlan id:plan\/p ;
    ez:servesFunction id:function\/f1 ; ez:servesAction id:action\/a1 ;
    ez:responsible id:network\/n , id:organisation\/a ; ez:participant id:organisation\/b .
id:activity\/y a ez:Activity ; ez:inPlan id:plan\/p ;
    ez:servesFunction id:function\/f1 , id:function\/f3 ; ez:loop id:loop\/p ;
    ez:participant id:organisation\/b , id:organisation\/c .
id:activity\/x-sub a ez:Activity ; ez:partOf id:activity\/x ; ez:servesFunction id:function\/f2 .
id:activity\/q a ez:Project ; ez:participant id:collaboration\/s , id:organisation\/d ;
    ez:servesFunction id:function\/f2 .
id:activity\/q2 a ez:Activity ; ez:partOf id:activity\/q ; ez:servesFunction id:function\/f2 ;
    ez:participant id:organisation\/e .
"""


def _iri(curie: str) -> str:
    return ID + curie


@pytest.fixture
def snippet(small_graph: Callable[[str], Ecosystem]) -> Ecosystem:
    return small_graph(SNIPPET)


def test_network_rows_and_function_columns(snippet: Ecosystem) -> None:
    m = comparison_matrix(snippet)
    assert m.rows == [(_iri("network/m"), "M"), (_iri("network/n"), "N")]
    # Ordered by notation, read as numbers: 1, 2, 10.
    assert m.columns == [
        (_iri("function/f3"), "F een"),
        (_iri("function/f1"), "F twee"),
        (_iri("function/f2"), "F tien"),
    ]
    n = _iri("network/n")
    # f1: x and y; partners a, b, c (n itself is left out).
    assert m.cell(n, _iri("function/f1")) == Cell(activities=2, partners=3)
    assert m.cell(n, _iri("function/f3")) == Cell(activities=1, partners=2)
    # x-sub is a part of x, so it is n's too; it names no party.
    assert m.cell(n, _iri("function/f2")) == Cell(activities=1, partners=0)


def test_every_pair_has_a_cell_even_when_empty(snippet: Ecosystem) -> None:
    m = comparison_matrix(snippet)
    assert len(m.cells) == len(m.rows) * len(m.columns) == 6
    assert all(m.cells[_iri("network/m"), column] == Cell(0, 0) for column, _label in m.columns)
    assert m.cell("unknown", "unknown") == Cell(0, 0)


def test_collaboration_rows(snippet: Ecosystem) -> None:
    m = comparison_matrix(snippet, rows="collaboration")
    s = _iri("collaboration/s")
    assert m.rows == [(s, "S")]
    assert m.row_kind == "collaboration"
    # f2: its own project q, q's phase q2, and member network n's x-sub.
    assert m.cell(s, _iri("function/f2")) == Cell(activities=3, partners=2)
    # f1: x and y of member network n; partners n, a, b, c.
    assert m.cell(s, _iri("function/f1")) == Cell(activities=2, partners=4)


def test_collaboration_activities(snippet: Ecosystem) -> None:
    found = sorted(a.removeprefix(ID) for a in collaboration_activities(snippet, _iri("collaboration/s")))
    assert found == ["activity/q", "activity/q2", "activity/x", "activity/x-sub", "activity/y"]


def test_loop_columns_include_loops_of_served_actions(snippet: Ecosystem) -> None:
    m = comparison_matrix(snippet, columns="loop")
    assert [label for _iri, label in m.columns] == ["onderwijs", "praktijk", "onderzoek"]
    n = _iri("network/n")
    assert m.cell(n, _iri("loop/o")) == Cell(activities=1, partners=2)  # x, through action a1
    assert m.cell(n, _iri("loop/p")) == Cell(activities=1, partners=2)  # y
    assert m.cell(n, _iri("loop/r")) == Cell(activities=0, partners=0)
    assert m.empty_columns() == [_iri("loop/r")]


def test_action_columns(snippet: Ecosystem) -> None:
    m = comparison_matrix(snippet, columns="action")
    assert m.columns == [(_iri("action/a1"), "actie")]
    assert m.cell(_iri("network/n"), _iri("action/a1")).activities == 1


def test_labels_in_english_fall_back_to_any_label(snippet: Ecosystem) -> None:
    m = comparison_matrix(snippet, lang="en")
    assert [label for _iri, label in m.columns] == ["F one", "F two", "F tien"]
    assert m.lang == "en"


def test_to_records(snippet: Ecosystem) -> None:
    m = comparison_matrix(snippet)
    assert m.to_records() == [
        {"row": "M", "F een": 0, "F twee": 0, "F tien": 0},
        {"row": "N", "F een": 1, "F twee": 2, "F tien": 1},
    ]
    assert m.to_records("partners")[1] == {"row": "N", "F een": 2, "F twee": 3, "F tien": 0}
    assert list(m.to_records()[0]) == ["row", "F een", "F twee", "F tien"]


def test_to_records_keeps_columns_with_the_same_label_apart() -> None:
    m = ComparisonMatrix(
        rows=[("r", "R")],
        columns=[("x/one", "same"), ("x/two", "same")],
        cells={("r", "x/one"): Cell(1, 0), ("r", "x/two"): Cell(2, 0)},
    )
    assert m.to_records() == [{"row": "R", "same (one)": 1, "same (two)": 2}]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"rows": "organisation"}, "unknown rows"),
        ({"columns": "colour"}, "unknown columns"),
        ({"lang": "de"}, "unknown lang"),
    ],
)
def test_bad_arguments(snippet: Ecosystem, kwargs: dict[str, str], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        comparison_matrix(snippet, **kwargs)


def test_bad_measure(snippet: Ecosystem) -> None:
    with pytest.raises(ValueError, match="unknown measure"):
        comparison_matrix(snippet).to_records("weight")


# -- the default data ----------------------------------------------------------------------------------------


def test_default_function_matrix(eco: Ecosystem) -> None:
    m = comparison_matrix(eco)
    assert len(m.columns) == 6
    assert m.columns[0] == (_iri("function/lerend-netwerk"), "Lerend netwerk")
    assert [iri for iri, _label in m.rows] == sorted(n.id for n in eco.networks())
    twente = _iri("network/twente")
    assert m.cell(twente, _iri("function/lerend-netwerk")).activities >= 1
    assert all(isinstance(v, int) for record in m.to_records() for k, v in record.items() if k != "row")


def test_default_twente_serves_a_loop(eco: Ecosystem) -> None:
    m = comparison_matrix(eco, columns="loop")
    assert len(m.columns) == 3
    twente = _iri("network/twente")
    assert any(m.cell(twente, column).activities > 0 for column, _label in m.columns)
    assert m.cell(twente, _iri("loop/onderwijs")).activities >= 1


def test_default_pillars_of_twente(eco: Ecosystem) -> None:
    m = comparison_matrix(eco, columns="pillar")
    row = next(r for r in m.to_records() if r["row"] == "Netwerken Palliatieve Zorg Twente")
    # Seed 004's 40 activities sit under five pillars (16 + 5 + 10 + 5 + 4).
    assert sum(v for k, v in row.items() if k != "row") >= 40


def test_default_collaboration_rows_include_member_networks(eco: Ecosystem) -> None:
    networks = comparison_matrix(eco, columns="pillar")
    collaborations = comparison_matrix(eco, rows="collaboration", columns="pillar")
    ligare = _iri("collaboration/ligare")
    assert ligare in [iri for iri, _label in collaborations.rows]
    for column, _label in collaborations.columns:
        assert (
            collaborations.cell(ligare, column).activities >= networks.cell(_iri("network/twente"), column).activities
        )


@pytest.mark.parametrize("columns", COLUMN_KINDS)
def test_default_matrices_are_deterministic(eco: Ecosystem, columns: str) -> None:
    first = comparison_matrix(eco, columns=columns)
    assert first == comparison_matrix(eco, columns=columns)
    assert first.columns and first.rows
