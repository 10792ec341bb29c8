"""The one definition of scope: what belongs to a network and a consortium, and what a phase inherits."""

from __future__ import annotations

import datetime as dt

import pytest

import ecosysteem
from ecosysteem.analysis.compare import collaboration_activities
from ecosysteem.analysis.queries import run_query
from ecosysteem.analysis.scope import Scope, parse_period_end, parse_period_start
from ecosysteem.graph import Ecosystem

I = "https://w3id.org/ecosysteem/id/"  # noqa: E741


@pytest.fixture(scope="module")
def scope(eco: Ecosystem) -> Scope:
    return Scope.of(eco)


def _consortia(eco: Ecosystem) -> list[str]:
    from ecosysteem.vocab import EZ, RDF

    return sorted(str(c) for c in eco.graph.subjects(RDF.type, EZ.SupraRegionalCollaboration))


@pytest.mark.parametrize("store", ["memory", "oxigraph"])
def test_scope_is_what_the_named_query_defines(store: str) -> None:
    """``collaboration-activities.rq`` states the consortium rule for users; Python and SPARQL agree."""
    eco = ecosysteem.load(store=store)
    scope = Scope.of(eco)
    rows: dict[str, set[str]] = {}
    for collaboration, activity in run_query(eco, "collaboration-activities"):
        rows.setdefault(str(collaboration), set()).add(str(activity))
    for collaboration in _consortia(eco):
        assert scope.collaboration_activities(collaboration) == rows.get(collaboration, set()), collaboration


def test_comparison_and_bijenkorf_read_the_same_scope(eco: Ecosystem, scope: Scope) -> None:
    for collaboration in _consortia(eco):
        assert {str(a) for a in collaboration_activities(eco, collaboration)} == scope.collaboration_activities(
            collaboration
        )


def test_scope_of_the_seed_subjects(scope: Scope) -> None:
    twente = scope.network_activities(f"{I}network/twente")
    ijv = scope.network_activities(f"{I}network/ijssel-vecht-en-noordoost-overijssel")
    ligare = scope.collaboration_activities(f"{I}collaboration/ligare")
    septet = scope.collaboration_activities(f"{I}collaboration/septet")
    assert twente and ijv and twente | ijv <= ligare  # seeds 001, 004: two member networks of Ligare
    assert f"{I}activity/toereikend-aanbod-palliatieve-zorg" in {
        a.replace("jaarplan-2021-twente--", "") for a in twente
    }
    pilot = f"{I}activity/transmurale-verbetering--verbeterpilot-utrecht-stad"
    assert pilot in septet  # seed 000: a pilot of the Septet project
    assert pilot in scope.network_activities(f"{I}network/utrecht-stad")
    assert not ligare & septet
    assert all(scope.is_activity(a) for a in twente | ijv)
    assert not scope.is_activity(f"{I}action/leermiddelen-afstemmen")  # a concept of the plate, not an activity


def test_a_pilot_inherits_its_project(scope: Scope) -> None:
    """Seed 000: 'Raedelijn heeft samen met netwerkcoördinator Mirjam Velting de projectleiding'."""
    pilot = f"{I}activity/transmurale-verbetering--verbeterpilot-utrecht-stad"
    assert len(scope.lineage(pilot)) >= 2
    assert f"{I}organisation/raedelijn" in scope.owners(pilot)
    assert scope.as_of(pilot) == dt.date(2024, 6, 1)  # seed 000 dated 2024-06: after its spring-2024 regiovisie


def test_plans_are_read_as_of_their_own_date(scope: Scope) -> None:
    dates = {scope.as_of(a) for a in scope.network_activities(f"{I}network/twente") if scope.is_activity(a)}
    assert dates == {dt.date(2021, 1, 1)}  # seed 004: Jaarplan 2021


@pytest.mark.parametrize(
    ("value", "start", "end"),
    [
        ("2021", dt.date(2021, 1, 1), dt.date(2021, 12, 31)),
        ("2024-09", dt.date(2024, 9, 1), dt.date(2024, 9, 30)),
        ("2024-12", dt.date(2024, 12, 1), dt.date(2024, 12, 31)),
        ("2023-12-13", dt.date(2023, 12, 13), dt.date(2023, 12, 13)),
        ("later", None, None),
    ],
)
def test_period_values(value: str, start: dt.date | None, end: dt.date | None) -> None:
    assert parse_period_start(value) == start
    assert parse_period_end(value) == end
