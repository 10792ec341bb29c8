"""The seed datasets are complete: counts per source against the numbers in the documents."""

from __future__ import annotations

import pytest
from rdflib import URIRef

from ecosysteem.graph import Ecosystem
from ecosysteem.vocab import DCTERMS, EZ, ID, RDF, RDFS, SKOS

COUNT_ACTIVITIES_IN_PLAN = """
SELECT (COUNT(DISTINCT ?act) AS ?n) WHERE { ?act ez:inPlan ?plan . }
"""

COUNT_BY = """
SELECT ?key (COUNT(DISTINCT ?act) AS ?n) WHERE { ?act ez:inPlan ?plan ; ?by ?key . } GROUP BY ?key
"""


def _count(eco: Ecosystem, plan: str) -> int:
    rows = list(eco.query(COUNT_ACTIVITIES_IN_PLAN, plan=URIRef(ID[f"plan/{plan}"])))
    return int(rows[0][0])


def _by(eco: Ecosystem, plan: str, by: URIRef) -> dict[str, int]:
    rows = eco.query(COUNT_BY, plan=URIRef(ID[f"plan/{plan}"]), by=by)
    return {str(key).rsplit("/", 1)[-1]: int(n) for key, n in rows}  # type: ignore[misc]


def test_twente_has_every_activity(eco: Ecosystem) -> None:
    """Seed 004: 40 blocks of doelstellingen/acties/wie/wanneer under five pillars."""
    assert _count(eco, "jaarplan-2021-twente") == 40
    assert _by(eco, "jaarplan-2021-twente", EZ.pillar) == {
        "coordineren": 16,
        "signaleren": 5,
        "faciliteren": 10,
        "informeren": 5,
        "leren-en-verbeteren": 4,
    }


def test_ijssel_vecht_has_every_activity(eco: Ecosystem) -> None:
    """Seed 001: nine 'wat' items under six workgroups, two main goals."""
    assert _count(eco, "jaarplan-2024-ijssel-vecht") == 9
    per_group = _by(eco, "jaarplan-2024-ijssel-vecht", EZ.group)
    assert sorted(per_group.values()) == [1, 1, 1, 2, 2, 2]
    goals = set(eco.graph.objects(ID["plan/jaarplan-2024-ijssel-vecht"], EZ.hasGoal))
    assert len(goals) == 2


def test_transmural_project_phases_and_figures(eco: Ecosystem) -> None:
    """Seed 000: 26 + 33 interviews, 9 questionnaires, ~50 participants, 20 proposals, two pilots."""
    project = ID["activity/transmurale-verbetering"]
    parts = set(eco.graph.transitive_subjects(EZ.partOf, project)) - {project}
    figures = {
        p: sorted(int(v) for a in parts for v in eco.graph.objects(a, p))
        for p in (EZ.interviewCount, EZ.questionnaireCount, EZ.participantCount, EZ.proposalCount)
    }
    assert figures == {
        EZ.interviewCount: [26, 33],
        EZ.questionnaireCount: [9],
        EZ.participantCount: [50],
        EZ.proposalCount: [20],
    }
    pilots = [a for a in parts if (a, RDF.type, EZ.Pilot) in eco.graph]
    assert len(pilots) == 2
    assert (project, EZ.level, ID["level/bovenregionaal"]) in eco.graph or any(
        (p, EZ.level, ID["level/bovenregionaal"]) in eco.graph for p in parts
    )


@pytest.mark.parametrize(("scheme", "count"), [("level", 3), ("function", 6), ("loop", 3), ("action", 14)])
def test_bijenkorf_model_is_complete(eco: Ecosystem, scheme: str, count: int) -> None:
    concepts = eco.concepts(scheme)
    assert len(concepts) == count
    assert all(c.label_nl and c.label_en and c.definition_nl and c.definition_en for c in concepts)


def test_every_action_has_a_loop_and_each_loop_its_actions(eco: Ecosystem) -> None:
    per_loop: dict[str, int] = {}
    for action in eco.concepts("action"):
        assert action.loop is not None, action.id
        per_loop[action.loop.rsplit("/", 1)[-1]] = per_loop.get(action.loop.rsplit("/", 1)[-1], 0) + 1
    assert per_loop == {"onderwijs": 5, "praktijk": 5, "onderzoek": 4}


def test_acute_zorgregio_oost(eco: Ecosystem) -> None:
    azo = eco.get("collaboration/acute-zorgregio-oost")
    assert azo.level == str(ID["level/bovenregionaal"])
    delivery = [
        a
        for a in eco.graph.transitive_subjects(EZ.partOf, ID["activity/zorgcoordinatie-azo"])
        if str(next(eco.graph.objects(a, URIRef("https://schema.org/endDate")), "")).startswith("2024-03")
    ]
    assert delivery, "the delivery at the bestuurlijk ROAZ in March 2024 is recorded"


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_every_source_is_described_and_used(eco: Ecosystem, seed: str) -> None:
    source = ID[f"source/seed-{seed}"]
    assert (source, RDF.type, EZ.SourceDocument) in eco.graph
    assert eco.graph.value(source, DCTERMS.title) is not None
    assert len(set(eco.graph.subjects(DCTERMS.source, source))) >= 5


def test_every_entity_has_a_source_and_both_labels(eco: Ecosystem) -> None:
    missing = []
    for subject, cls in eco.graph.subject_objects(RDF.type):
        if not str(cls).startswith(str(EZ)) or cls == EZ.SourceDocument:
            continue
        langs = {lbl.language for lbl in eco.graph.objects(subject, RDFS.label)}
        if not {"nl", "en"} <= langs or eco.graph.value(subject, DCTERMS.source) is None:
            missing.append(str(subject))
    assert missing == []


def test_private_persons_are_marked_and_linked(eco: Ecosystem) -> None:
    persons = set(eco.graph.subjects(RDF.type, EZ.Person))
    assert len(persons) >= 5  # two Twente coordinators, Elly Wenneger, Mirjam Velting, Jannie Oskam
    for person in persons:
        assert set(eco.graph.subjects(EZ.mentionsPerson, person)) or set(eco.graph.subjects(EZ.author, person)), person


def test_no_blank_nodes(eco: Ecosystem) -> None:
    from rdflib import BNode

    assert not [t for t in eco.graph if any(isinstance(x, BNode) for x in t)]


def test_concepts_used_by_data_exist(eco: Ecosystem) -> None:
    """Every concept IRI the data points at (types, roles, themes …) is defined in a scheme."""
    concept_props = (
        EZ.organisationType,
        EZ.participantType,
        EZ.participantRole,
        EZ.theme,
        EZ.pillar,
        EZ.status,
        EZ.servesFunction,
        EZ.servesAction,
        EZ.loop,
        EZ.level,
        EZ.groupType,
        EZ.regionType,
        EZ.role,
    )
    undefined = sorted(
        {str(o) for p in concept_props for o in eco.graph.objects(None, p) if (o, SKOS.inScheme, None) not in eco.graph}
    )
    assert undefined == []
