"""The Python namespace ``EZ`` and the ontology declare the same terms, each with nl and en labels."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef

from ecosysteem.resources import data_dir
from ecosysteem.vocab import EZ, OWL, RDF, RDFS, SKOS


@pytest.fixture(scope="module")
def ontology() -> Graph:
    graph = Graph()
    for path in sorted(data_dir("ontology").glob("*.ttl")):
        graph.parse(path)
    return graph


def _declared(ontology: Graph) -> set[str]:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    return {str(s)[len(str(EZ)) :] for k in kinds for s in ontology.subjects(RDF.type, k) if str(s).startswith(str(EZ))}


def test_namespace_matches_ontology(ontology: Graph) -> None:
    in_python = set(EZ.__annotations__)
    assert in_python == _declared(ontology)


def test_misspelt_term_fails() -> None:
    with pytest.raises(AttributeError):
        _ = EZ.Netwerk


def test_every_term_has_labels_and_definition_in_both_languages(ontology: Graph) -> None:
    problems = []
    for name in sorted(_declared(ontology)):
        term = URIRef(str(EZ) + name)
        for prop in (RDFS.label, SKOS.definition):
            langs = {o.language for o in ontology.objects(term, prop) if isinstance(o, Literal)}
            if not {"nl", "en"} <= langs:
                problems.append(f"{name} {prop}: {sorted(map(str, langs))}")
    assert problems == []


def test_every_concept_has_labels_and_definition(ontology: Graph) -> None:
    problems = []
    for concept in set(ontology.subjects(RDF.type, SKOS.Concept)):
        for prop in (SKOS.prefLabel, SKOS.definition):
            langs = {o.language for o in ontology.objects(concept, prop) if isinstance(o, Literal)}
            if not {"nl", "en"} <= langs:
                problems.append(f"{concept} {prop}")
    assert problems == []
