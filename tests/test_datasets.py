"""The seed datasets are complete: counts per source against the numbers in the documents."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef

from ecosysteem.graph import Ecosystem, validate_graph
from ecosysteem.resources import data_dir
from ecosysteem.vocab import DCTERMS, EZ, ID, RDF, RDFS, SDO, SKOS

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
    """Seed 001: nine 'wat' items under six workgroup sections, two main goals.

    Only groups a *Wie* cell names are groups: the Isala-area workgroup (1), deskundigheidsbevordering (1),
    Verbinding & Verdieping (2), IJsselmond (1) and the Kerngroep (2); the Spoedkit and Hardenberg have none.
    """
    assert _count(eco, "jaarplan-2024-ijssel-vecht") == 9
    per_group = _by(eco, "jaarplan-2024-ijssel-vecht", EZ.group)
    assert sorted(per_group.values()) == [1, 1, 1, 2, 2]
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
    # 'onbekend' is an editorial addition to the level scheme, not part of the bijenkorf model
    concepts = [
        c for c in eco.concepts(scheme) if (ID["collection/onbekend"], SKOS.member, URIRef(c.id)) not in eco.graph
    ]
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


# --- Faithfulness to the seeds (issue 14): each test quotes the sentence of the seed that settles it. ---

A001 = "activity/jaarplan-2024-ijssel-vecht--"
NET_IJV = ID["network/ijssel-vecht-en-noordoost-overijssel"]


def _parties(eco: Ecosystem, activity: str) -> set[str]:
    """The agents named as responsible, lead or participant of ``activity``, as ``kind/slug``."""
    subject = ID[activity]
    agents = {o for p in (EZ.responsible, EZ.lead, EZ.participant) for o in eco.graph.objects(subject, p)}
    return {str(a)[len(str(ID)) :] for a in agents}


def _slugs(eco: Ecosystem, activity: str, prop: URIRef) -> set[str]:
    return {str(o).rsplit("/", 1)[-1] for o in eco.graph.objects(ID[activity], prop)}


def test_spoedkit_parties_are_the_wie_column(eco: Ecosystem) -> None:
    """Seed 001, Wie of the Spoedkit: "Huisarts, apotheker, netwerkcoördinator, Mediq"."""
    spoedkit = A001 + "palliatieve-spoedkit-positioneren-in-de-regio"
    assert _parties(eco, spoedkit) == {"organisation/mediq", "network/ijssel-vecht-en-noordoost-overijssel"}
    assert set(eco.graph.objects(ID[spoedkit], EZ.responsible)) >= {ID["organisation/mediq"], NET_IJV}
    assert _slugs(eco, spoedkit, EZ.participantRole) == {"huisarts", "apotheker", "netwerkcoordinator"}


def test_ijssel_vecht_has_no_invented_workgroups(eco: Ecosystem) -> None:
    """Seed 001: sections 1, 5 and 6 name no group of that name as Wie ("Netwerkcoördinator en Kerngroep" …)."""
    groups = {str(g).rsplit("--", 1)[-1] for g in eco.graph.subjects(EZ.unitOf, NET_IJV)}
    assert groups == {
        "kerngroep",
        "werkgroep-transmurale-samenwerking-adherente-gebied-isala-ziekenhuis",
        "werkgroep-deskundigheidsbevordering",
        "werkgroep-verbinding-verdieping",
        "werkgroep-palliatieve-zorg-voor-ijsselmond",
    }


def test_isala_is_not_a_party_of_the_continuity_pilot(eco: Ecosystem) -> None:
    """Seed 001, Wie: "Werkgroep transmurale samenwerking adherente gebied Isala ziekenhuis" — the area, not Isala."""
    pilot = A001 + "pilot-continuiteit-van-de-palliatieve-zorg-tussen-1e-en-2e-lijn"
    assert _parties(eco, pilot) == {
        "group/ijssel-vecht-en-noordoost-overijssel--werkgroep-transmurale-samenwerking-adherente-gebied-isala-ziekenhuis"
    }
    isala = ID["organisation/isala"]
    assert not [p for p in (EZ.responsible, EZ.participant, EZ.lead) if (None, p, isala) in eco.graph]
    assert _slugs(eco, pilot, EZ.lineOfCare) == {"eerste-lijn", "tweede-lijn"}  # "tussen 1e en 2e lijn"


@pytest.mark.parametrize(
    "activity",
    [
        "samenwerking-in-de-regio-hardenberg",  # "Netwerkcoördinator en assistent netwerkcoördinator"
        "inzicht-in-stand-van-zaken-kwaliteitskader",  # "Netwerkcoördinator en Kerngroep"
        "beleidsnotitie-2024-2028",
    ],
)
def test_network_coordinator_makes_the_network_responsible(eco: Ecosystem, activity: str) -> None:
    assert NET_IJV in set(eco.graph.objects(ID[A001 + activity], EZ.responsible))
    assert "netwerkcoordinator" in _slugs(eco, A001 + activity, EZ.participantRole)


def _targets(eco: Ecosystem, activity: str) -> list[tuple[object, str]]:
    out = []
    for target in eco.graph.objects(ID[activity], EZ.target):
        value = eco.graph.value(target, EZ.targetValue)
        assert isinstance(value, Literal) and isinstance(value.toPython(), int), (target, value)
        out.append((value.toPython(), str(eco.graph.value(target, EZ.targetBound))))
    return sorted(out)  # type: ignore[type-var]


@pytest.mark.parametrize(
    ("activity", "targets"),
    [
        (A001 + "scholingsprogramma-voor-en-najaar", [(7, "min")]),  # "het streefcijfer 7 of hoger"
        (A001 + "samenwerking-in-de-regio-hardenberg", [(4, "exact")]),  # "Vier bijeenkomsten"
    ],
)
def test_numeric_targets_are_numbers(eco: Ecosystem, activity: str, targets: list[tuple[int, str]]) -> None:
    assert _targets(eco, activity) == targets


def test_ijssel_vecht_goals_and_their_activities(eco: Ecosystem) -> None:
    """Seed 001: only the campaign is tied to a goal ("Vervolg te geven aan eerdere publiekscampagnes")."""
    links = {
        (str(a).rsplit("--", 1)[-1], str(g).rsplit("--", 1)[-1])
        for a, g in eco.graph.subject_objects(EZ.contributesToGoal)
        if str(a).startswith(str(ID[A001]))
    }
    assert links == {("bewustwordingscampagne-in-de-regio", "maatschappelijke-bewustwording")}


PROJECT_000 = ID["activity/transmurale-verbetering"]


def test_transmural_project_has_its_lead_and_patient_perspective(eco: Ecosystem) -> None:
    """Seed 000: "Raedelijn heeft samen met netwerkcoördinator Mirjam Velting de projectleiding"; "zijn 26 mensen
    geinterviewd: patienten in de palliatieve fase en naasten" — the basis of the follow-up."""
    assert set(eco.graph.objects(PROJECT_000, EZ.lead)) == {ID["organisation/raedelijn"], ID["person/mirjam-velting"]}
    roles = set(eco.graph.objects(PROJECT_000, EZ.participantRole))
    assert any(eco.graph.value(role, EZ.patientPerspective) for role in roles)
    note = " ".join(str(n) for n in eco.graph.objects(PROJECT_000, SKOS.editorialNote) if n.language == "nl")
    assert "26 mensen geinterviewd" in note


def test_phases_and_pilots_belong_to_the_project(eco: Ecosystem) -> None:
    """Seed 000: every phase and both pilots reach the project along ez:partOf (so they inherit its lead)."""
    activities = {
        a for a in eco.graph.subjects(DCTERMS.source, ID["source/seed-000"]) if (a, EZ.partOf, None) in eco.graph
    }
    assert len(activities) == 9
    assert all(PROJECT_000 in set(eco.graph.transitive_objects(a, EZ.partOf)) for a in activities)


def test_pilots_get_no_bijenkorf_function_the_source_does_not_state(eco: Ecosystem) -> None:
    """Seeds 000 and 001 do not name the pilots' bijenkorf functions (000: "De bron noemt het onderwerp niet")."""
    pilots = set(eco.graph.subjects(RDF.type, EZ.Pilot))
    assert len(pilots) >= 4
    assert not [
        p for p in pilots if (p, EZ.servesFunction, None) in eco.graph or (p, EZ.servesAction, None) in eco.graph
    ]


@pytest.mark.parametrize("seed", ["000", "001", "003", "004"])
def test_every_bijenkorf_classification_quotes_its_sentence(eco: Ecosystem, seed: str) -> None:
    """A function or action is editorial: each one comes with a note naming the bijenkorf and the seed's words."""
    classified = {
        a
        for a in eco.graph.subjects(DCTERMS.source, ID[f"source/seed-{seed}"])
        if (a, EZ.servesFunction, None) in eco.graph or (a, EZ.servesAction, None) in eco.graph
    }
    unexplained = [
        str(a)
        for a in classified
        if not any("bijenkorf" in str(n).lower() for n in eco.graph.objects(a, SKOS.editorialNote))
    ]
    assert unexplained == []


A004 = "activity/jaarplan-2021-twente--"


def _lines(eco: Ecosystem, activity: str) -> set[str]:
    """Lines of care of an activity: its own ez:lineOfCare and those of its parties, kinds and roles."""
    subject = ID[activity]
    lines = set(eco.graph.objects(subject, EZ.lineOfCare))
    for prop in (EZ.responsible, EZ.lead, EZ.participant):
        for org in eco.graph.objects(subject, prop):
            lines |= set(eco.graph.objects(org, EZ.lineOfCare))
            lines |= {
                ln for t in eco.graph.objects(org, EZ.organisationType) for ln in eco.graph.objects(t, EZ.lineOfCare)
            }
    for prop in (EZ.participantType, EZ.participantRole):
        lines |= {ln for c in eco.graph.objects(subject, prop) for ln in eco.graph.objects(c, EZ.lineOfCare)}
    return {str(ln).rsplit("/", 1)[-1] for ln in lines}


def test_twente_consultation_serves_first_and_second_line(eco: Ecosystem) -> None:
    """Seed 004: "24/7 de mogelijkheid van consultatie in de regio Twente voor de eerste en tweede lijn"."""
    consultation = A004 + "transmurale-samenwerking-en-consultatie"
    assert _slugs(eco, consultation, EZ.lineOfCare) == {"eerste-lijn", "tweede-lijn"}
    assert {"eerste-lijn", "tweede-lijn"} <= _lines(eco, consultation)  # through its parties and kinds too
    assert {"organisation/zgt", "organisation/mst", "organisation/iknl", "network/twente"} <= _parties(
        eco, consultation
    )


def test_twente_first_line_partners_where_the_plan_names_them(eco: Ecosystem) -> None:
    """Seed 004, PaTz: "huisartsen geïnspireerd worden tot het opzetten van PaTz-groepen"; "deelnemende
    wijkverpleegkundigen"."""
    patz = A004 + "borging-en-uitbreiding-patz-groepen-palliatieve-thuiszorg"
    assert _slugs(eco, patz, EZ.participantRole) == {"huisarts", "wijkverpleegkundige"}
    assert _slugs(eco, patz, EZ.participantType) == {"patz-groep", "huisartsenpraktijk", "thuiszorg"}
    assert "thuiszorg" in _slugs(
        eco, A004 + "regionale-samenwerkingsafspraken-intensieve-zorg-in-de-terminale-fase", EZ.participantType
    )


@pytest.mark.parametrize(
    ("activity", "targets"),
    [
        ("gesprek-bestuurders", [(1, "exact")]),  # "Gesprek (1x per 2 jaar)"
        ("bijeenkomsten-netwerkgroepen", [(2, "exact"), (4, "exact")]),  # "4 … per jaar …, waarvan 2 gezamenlijke"
        ("zelfevaluatie-instrument", [(1, "min")]),  # "In minimaal 1 instelling"
        ("borging-en-uitbreiding-patz-groepen-palliatieve-thuiszorg", [(7, "min")]),  # "minimaal zeven PaTz-groepen"
        ("diverse-bij-en-nascholingen-voor-professionals-en-vrijwilligers", [(6, "min")]),  # "Minimaal 6 keer per jaar"
        ("gluren-bij-de-burens", [(2, "exact")]),  # "Twee keer per jaar"
        ("opleidingsplaatsen-leergang-palliatieve-zorg-saxion", [(24, "max")]),  # "Maximaal 24 verpleegkundigen"
    ],
)
def test_twente_numeric_targets_are_numbers(eco: Ecosystem, activity: str, targets: list[tuple[int, str]]) -> None:
    assert _targets(eco, A004 + activity) == targets


def test_every_twente_goal_has_an_activity_the_text_links(eco: Ecosystem) -> None:
    """Seed 004: "Speerpunten uit meerjarenbeleidsplan zijn vertaald naar concrete acties en doelstellingen"."""
    goals = set(eco.graph.objects(ID["plan/jaarplan-2021-twente"], EZ.hasGoal))
    assert len(goals) == 3
    assert all(set(eco.graph.subjects(EZ.contributesToGoal, g)) for g in goals)


@pytest.mark.parametrize("seed", ["000", "001", "003", "004"])
def test_every_seed_source_has_a_date(eco: Ecosystem, seed: str) -> None:
    """The analysis reads each activity as of its source's date; an inferred date is marked uncertain."""
    source = ID[f"source/seed-{seed}"]
    issued = eco.graph.value(source, DCTERMS.issued)
    assert isinstance(issued, Literal) and str(issued.datatype).rsplit("#", 1)[-1] in {"gYear", "gYearMonth", "date"}
    if str(issued.datatype).endswith("gYear"):  # no day given: inferred from the text, so say so
        assert eco.graph.value(source, EZ.certainty) is not None or eco.graph.value(source, SKOS.editorialNote)


def test_plans_carry_their_period(eco: Ecosystem) -> None:
    for plan in eco.graph.subjects(RDF.type, EZ.Plan):
        if str(plan).startswith(str(ID["plan/jaarplan"])):
            assert eco.graph.value(plan, SDO.startDate) is not None, plan


@pytest.mark.parametrize(
    ("name", "entity"),
    [
        ("ZGT", "organisation/zgt"),
        ("MST", "organisation/mst"),
        ("DB", "group/twente--dagelijks-bestuur"),
        ("MNWT", "region/mnwt"),
        ("Twentse Netwerken", "network/twente"),
        ("Isala ziekenhuis", "organisation/isala"),
    ],
)
def test_names_people_use_are_alt_labels(eco: Ecosystem, name: str, entity: str) -> None:
    assert name in {str(x) for x in eco.graph.objects(ID[entity], SKOS.altLabel)}


def test_the_undated_plate_says_it_is_undated(eco: Ecosystem) -> None:
    """Seed 002 gives no year and holds no activities: no date is guessed, and the source says why."""
    source = ID["source/seed-002"]
    assert eco.graph.value(source, DCTERMS.issued) is None
    assert "geen jaar" in " ".join(str(n) for n in eco.graph.objects(source, SKOS.editorialNote))
    assert not set(eco.graph.subjects(DCTERMS.source, source)) & set(eco.graph.subjects(EZ.inPlan | EZ.partOf, None))


def test_azo_project_has_no_party_the_text_does_not_name(eco: Ecosystem) -> None:
    """Seed 003 names the huisartsenposten only as where waiting times grow ("Telefonische wachttijden bij de
    huisartsenposten nemen toe"), not as a party."""
    project = "activity/zorgcoordinatie-azo"
    assert _slugs(eco, project, EZ.participantType) == set()
    assert _parties(eco, project) == {"collaboration/acute-zorgregio-oost"}
    assert "AZO" in {str(x) for x in eco.graph.objects(ID["collaboration/acute-zorgregio-oost"], SKOS.altLabel)}


def test_lines_named_by_the_text_are_on_their_activities(eco: Ecosystem) -> None:
    """ez:lineOfCare on an activity only where the seed names the line: "tussen 1e en 2e lijn" (001), "voor de
    eerste en tweede lijn" (004), "Spirituele zorg in de eerstelijns" and "zorg in de eerste lijn" (004)."""
    named = {}
    for activity in set(eco.graph.subjects(EZ.lineOfCare, None)) & set(eco.graph.subjects(EZ.inPlan, None)):
        plan = str(eco.graph.value(activity, EZ.inPlan)).rsplit("/", 1)[-1]
        named[str(activity).rsplit("--", 1)[-1]] = (plan, _slugs(eco, str(activity)[len(str(ID)) :], EZ.lineOfCare))
    both, first = {"eerste-lijn", "tweede-lijn"}, {"eerste-lijn"}
    twente = "jaarplan-2021-twente"
    assert named == {
        "pilot-continuiteit-van-de-palliatieve-zorg-tussen-1e-en-2e-lijn": ("jaarplan-2024-ijssel-vecht", both),
        "transmurale-samenwerking-en-consultatie": (twente, both),
        "spirituele-zorg-in-de-eerstelijns-1": (twente, first),
        "spirituele-zorg-in-de-eerstelijns-2-handelingsverlegenheid": (twente, first),
        "spirituele-zorg-in-de-eerstelijns-2-meerwaarde-geestelijk-verzorger-bij-verwijzers": (twente, first),
        "spirituele-zorg-in-de-eerstelijns-3": (twente, first),
        "tekortkomingen-en-knelpunten-1": (twente, first),
    }


def test_a_target_must_be_a_number(eco: Ecosystem) -> None:
    """The shapes reject a target whose value is text or whose bound is not min/max/exact."""
    target = ID["target/test--zeven"]
    graph = Graph()
    for path in sorted(data_dir("ontology").glob("*.ttl")):
        graph.parse(path)
    source = ID["source/seed-004"]
    graph += eco.graph.triples((source, None, None))
    for p, o in [
        (RDF.type, EZ.Target),
        (RDFS.label, Literal("zeven", lang="nl")),
        (RDFS.label, Literal("seven", lang="en")),
        (EZ.targetValue, Literal("zeven")),
        (EZ.targetBound, Literal("ongeveer")),
        (DCTERMS.source, source),
    ]:
        graph.add((target, p, o))
    report = validate_graph(graph)
    assert {v.path for v in report.violations if v.focus == str(target)} == {"ez:targetValue", "ez:targetBound"}
