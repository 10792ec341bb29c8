"""Namespaces: the ecosysteem ontology (``EZ``), entity IRIs (``ID``) and the standard vocabularies it reuses.

``EZ`` is a closed :class:`rdflib.namespace.DefinedNamespace`: a misspelt term raises ``AttributeError`` instead of
silently minting a new IRI. Its members mirror ``ontology/ecosysteem.ttl`` (a test keeps the two in step).

>>> EZ.Network
rdflib.term.URIRef('https://w3id.org/ecosysteem/def#Network')
>>> entity_iri("organisation", "zgt")
rdflib.term.URIRef('https://w3id.org/ecosysteem/id/organisation/zgt')
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

from ecosysteem._iri import BASE

__all__ = [
    "BASE",
    "DCTERMS",
    "EZ",
    "ID",
    "ORG",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SDO",
    "SH",
    "SKOS",
    "XSD",
    "entity_iri",
    "scheme_iri",
]

ID = Namespace(BASE)
ORG = Namespace("http://www.w3.org/ns/org#")
SDO = Namespace("https://schema.org/")
SH = Namespace("http://www.w3.org/ns/shacl#")


class EZ(DefinedNamespace):
    """The ecosysteem ontology, ``https://w3id.org/ecosysteem/def#``."""

    _fail = True
    _NS = Namespace("https://w3id.org/ecosysteem/def#")

    # classes
    Activity: URIRef  # activity
    AcuteCareNetwork: URIRef  # acute-care network (ROAZ)
    CareChain: URIRef  # care chain
    Collaboration: URIRef  # collaboration
    Framework: URIRef  # national framework
    Goal: URIRef  # goal
    Group: URIRef  # group
    Meeting: URIRef  # meeting
    Network: URIRef  # palliative-care network
    Organisation: URIRef  # organisation
    Output: URIRef  # output
    Person: URIRef  # person
    PersonalData: URIRef  # personal data
    Pilot: URIRef  # pilot
    Plan: URIRef  # plan
    Programme: URIRef  # programme
    Project: URIRef  # project
    Region: URIRef  # region
    SourceDocument: URIRef  # source document
    SupraRegionalCollaboration: URIRef  # supra-regional collaboration
    Target: URIRef  # target (a number the source gives)
    # properties
    abbreviation: URIRef  # abbreviation
    advisedBy: URIRef  # advised by
    affiliation: URIRef  # affiliation
    agbCode: URIRef  # AGB code
    approximate: URIRef  # approximate
    author: URIRef  # author
    basedOn: URIRef  # based on
    certainty: URIRef  # certainty
    contributesToGoal: URIRef  # contributes to goal
    fundedBy: URIRef  # funded by
    goalText: URIRef  # goals
    group: URIRef  # workgroup
    groupType: URIRef  # group type
    hasGoal: URIRef  # has goal
    host: URIRef  # host organisation
    inPlan: URIRef  # in plan
    interviewCount: URIRef  # number of interviews
    kvkNumber: URIRef  # Chamber of Commerce number
    lead: URIRef  # lead
    level: URIRef  # level
    lineOfCare: URIRef  # line of care
    loop: URIRef  # loop
    mentionsPerson: URIRef  # mentions person
    networkCount: URIRef  # number of networks
    organisationType: URIRef  # organisation type
    output: URIRef  # output
    partOf: URIRef  # part of
    participant: URIRef  # participant
    participantCount: URIRef  # number of participants
    participantRole: URIRef  # participant role
    participantType: URIRef  # participant type
    patientPerspective: URIRef  # patient perspective
    periodText: URIRef  # when (verbatim)
    pillar: URIRef  # pillar
    planOf: URIRef  # plan of
    proposalCount: URIRef  # number of proposals
    questionnaireCount: URIRef  # number of questionnaires
    recommendationCount: URIRef  # number of recommendations
    requiresPatientParticipation: URIRef  # requires patient participation
    region: URIRef  # region
    regionType: URIRef  # region type
    responsible: URIRef  # responsible party
    resultText: URIRef  # actions and results
    role: URIRef  # role
    servesAction: URIRef  # serves action
    servesFunction: URIRef  # serves function
    sourceFile: URIRef  # source file
    status: URIRef  # status
    target: URIRef  # target
    targetBound: URIRef  # bound of a target (min, max, exact)
    targetUnit: URIRef  # unit of a target
    targetValue: URIRef  # target value
    theme: URIRef  # theme
    unitOf: URIRef  # group of
    uraNumber: URIRef  # URA number
    whoText: URIRef  # who (verbatim)
    withinRegion: URIRef  # within region


PREFIXES: dict[str, Namespace] = {
    "ez": Namespace(str(EZ)),
    "id": ID,
    "org": ORG,
    "skos": Namespace(str(SKOS)),
    "prov": Namespace(str(PROV)),
    "dcterms": Namespace(str(DCTERMS)),
    "schema": SDO,
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "owl": Namespace(str(OWL)),
    "xsd": Namespace(str(XSD)),
    "sh": SH,
}
"""Prefixes bound in every graph ecosysteem builds and available in every query."""


def entity_iri(kind: str, slug: str) -> URIRef:
    """Return the IRI of an entity of ``kind`` (``organisation``, ``network`` …) with ``slug``."""
    return URIRef(f"{BASE}{kind}/{slug}")


def scheme_iri(name: str) -> URIRef:
    """Return the IRI of a concept scheme (``level``, ``function``, ``loop``, ``action``, ``theme`` …)."""
    return URIRef(f"{BASE}scheme/{name}")
