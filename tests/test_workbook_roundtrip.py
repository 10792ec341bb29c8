"""Round trip: the default graph → workbook → import gives back exactly the part the workbook covers."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from ecosysteem.graph import Ecosystem
from ecosysteem.graph.workbook import COVERED, covered_graph, export_workbook, import_workbook
from ecosysteem.model import (
    Activity,
    Collaboration,
    Goal,
    Group,
    Membership,
    Network,
    Organisation,
    Pilot,
    Plan,
    Project,
    Region,
    rdf_fields,
)
from ecosysteem.vocab import EZ, RDF


@pytest.fixture(scope="module")
def round_trip(eco: Ecosystem, tmp_path_factory: pytest.TempPathFactory) -> tuple[Graph, Graph]:
    covered = covered_graph(eco.graph)
    book = export_workbook(eco, sources=False)
    path = tmp_path_factory.mktemp("roundtrip") / "seed.xlsx"
    book.save(path)
    # The import may look up only what the workbook does NOT carry: the graph minus the covered triples.
    context = Graph()
    context += eco.graph
    context -= covered
    result = import_workbook(path, context=context)
    assert result.ok, result.report()
    return covered, result.graph


def test_seed_round_trip_is_isomorphic(round_trip: tuple[Graph, Graph]) -> None:
    covered, imported = round_trip
    if not isomorphic(covered, imported):
        _both, only_seed, only_import = graph_diff(to_isomorphic(covered), to_isomorphic(imported))
        lost = sorted(only_seed)[:10]
        gained = sorted(only_import)[:10]
        pytest.fail(f"lost {len(only_seed)} triples, e.g. {lost}; gained {len(only_import)}, e.g. {gained}")


@pytest.mark.parametrize(
    "cls", [Organisation, Network, Collaboration, Membership, Group, Plan, Goal, Activity, Project, Pilot, Region]
)
def test_round_trip_is_not_vacuous(round_trip: tuple[Graph, Graph], eco: Ecosystem, cls: type) -> None:
    """Every covered class is actually in the seed data and comes back; the subset is not trivially small."""
    covered, imported = round_trip
    rdf_class = URIRef(str(EZ) + cls.rdf_type.split(":")[1]) if cls.rdf_type.startswith("ez:") else None
    if rdf_class is None:
        rdf_class = URIRef("http://www.w3.org/ns/org#Membership")
    subjects = set(imported.subjects(RDF.type, rdf_class))
    assert subjects, f"no {cls.__name__} in the round trip"
    assert subjects == set(covered.subjects(RDF.type, rdf_class))


@pytest.mark.parametrize(
    "predicate", [EZ.hasGoal, EZ.contributesToGoal, EZ.requiresPatientParticipation, EZ.theme], ids=str
)
def test_goal_links_come_back(round_trip: tuple[Graph, Graph], predicate: URIRef) -> None:
    """The seed's goals (sheet Doelen): a plan's goals, the activities working towards them, the patient demand."""
    covered, imported = round_trip
    goals = set(covered.subjects(RDF.type, EZ.Goal))
    triples = {t for t in covered.triples((None, predicate, None)) if goals & {t[0], t[2]}}
    assert triples, f"no {predicate} of a goal in the covered seed data"
    assert triples <= set(imported)


def test_covered_subset_is_most_of_the_seed_triples(round_trip: tuple[Graph, Graph], eco: Ecosystem) -> None:
    covered, _ = round_trip
    subjects = set(covered.subjects())
    described = len([t for t in eco.graph if t[0] in subjects])
    assert len(covered) > 0.85 * described  # what is left: ez:mentionsPerson, @en notes, counts, goal links …


def test_covered_fields_are_documented() -> None:
    text = (Path(__file__).resolve().parents[1] / "docs" / "spreadsheets.md").read_text(encoding="utf-8")
    for cls, fields in COVERED.items():
        for name in fields:
            assert rdf_fields(cls)[name]["rdf"] in text, f"{cls.__name__}.{name} is covered but not documented"
