"""SHACL: the default graph conforms; deliberately broken data is reported, naming the node and the rule; the
SPARQL engine reports exactly what pySHACL (the reference) reports, on the seeds and on mutated graphs."""

from __future__ import annotations

import functools
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef

import ecosysteem
from ecosysteem.graph import Ecosystem
from ecosysteem.graph.stores.memory import MemoryStore
from ecosysteem.graph.validate import ENGINES, shapes_graph, validate_graph, validate_store
from ecosysteem.resources import data_dir
from ecosysteem.vocab import RDF, SH, XSD

GOOD_SOURCE = """
id:source\\/t a ez:SourceDocument ; dcterms:title "Test" .
"""

# Each case: a Turtle snippet that breaks one rule, and a fragment of the message that must name it.
BROKEN = [
    pytest.param(
        'id:network\\/x a ez:Network ; rdfs:label "X"@nl, "X"@en ; dcterms:source id:source\\/t ; '
        "ez:region id:region\\/r .\n"
        'id:region\\/r a ez:Region ; rdfs:label "R"@nl, "R"@en ; dcterms:source id:source\\/t ; '
        "ez:regionType <https://w3id.org/ecosysteem/id/region-type/netwerkregio> .",
        "exactly one ez:level",
        id="network-without-level",
    ),
    pytest.param(
        'id:network\\/x a ez:Network ; rdfs:label "X"@nl, "X"@en ; dcterms:source id:source\\/t ; '
        "ez:level <https://w3id.org/ecosysteem/id/level/regionaal> .",
        "needs an ez:region",
        id="network-without-region",
    ),
    pytest.param(
        'id:organisation\\/x a ez:Organisation ; rdfs:label "X"@nl ; dcterms:source id:source\\/t ; '
        "ez:organisationType <https://w3id.org/ecosysteem/id/organisation-type/ziekenhuis> .",
        "rdfs:label in English",
        id="missing-english-label",
    ),
    pytest.param(
        'id:organisation\\/x a ez:Organisation ; rdfs:label "X"@nl, "X"@en ; '
        "ez:organisationType <https://w3id.org/ecosysteem/id/organisation-type/ziekenhuis> .",
        "needs dcterms:source",
        id="missing-source",
    ),
    pytest.param(
        'id:activity\\/x a ez:Activity ; rdfs:label "X"@nl, "X"@en ; dcterms:source id:source\\/t .',
        "belongs to a plan",
        id="activity-without-plan-or-project",
    ),
    pytest.param(
        'id:activity\\/x a ez:Project ; rdfs:label "X"@nl, "X"@en ; dcterms:source id:source\\/t ; '
        'schema:startDate "spring" .',
        "schema:startDate is one",
        id="bad-date",
    ),
    pytest.param(
        'id:activity\\/x a ez:Project ; rdfs:label "X"@nl, "X"@en ; dcterms:source id:source\\/t ; '
        "ez:servesFunction <https://w3id.org/ecosysteem/id/theme/consultatie> .",
        "bijenkorf function",
        id="function-from-wrong-scheme",
    ),
    pytest.param(
        "id:membership\\/x a org:Membership ; org:member id:organisation\\/nobody ; dcterms:source id:source\\/t .",
        "exactly one org:organization",
        id="membership-without-organization",
    ),
]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("turtle", "message"), BROKEN)
def test_broken_data_is_reported(
    small_graph: Callable[[str], Ecosystem], turtle: str, message: str, engine: str
) -> None:
    report = small_graph(GOOD_SOURCE + turtle).validate(engine=engine)  # type: ignore[arg-type]
    assert not report.conforms
    assert any(message in v.message for v in report.violations), report.text
    assert "Does not conform" in report.text


def test_minimal_valid_snippet_conforms(small_graph: Callable[[str], Ecosystem]) -> None:
    turtle = GOOD_SOURCE + (
        'id:organisation\\/x a ez:Organisation ; rdfs:label "X"@nl, "X"@en ; dcterms:source id:source\\/t ; '
        "ez:organisationType <https://w3id.org/ecosysteem/id/organisation-type/ziekenhuis> ."
    )
    report = small_graph(turtle).validate()
    assert report.conforms, report.text


def test_default_graph_conforms(eco: Ecosystem) -> None:
    report = eco.validate()
    assert report.conforms, report.text


@pytest.mark.parametrize("store", ["oxigraph", "memory"])
def test_engines_agree_on_the_default_data(store: str) -> None:
    eco = ecosysteem.load(store=store)
    assert eco.validate(engine="sparql") == eco.validate(engine="pyshacl")


def test_an_unknown_engine_is_a_clear_error(eco: Ecosystem) -> None:
    from ecosysteem.errors import OptionError

    with pytest.raises(OptionError, match="unknown validation engine 'fast'"):
        eco.validate(engine="fast")  # type: ignore[arg-type]


# -- mutated graphs: the SPARQL engine must report what pySHACL reports ---------------------------------------


def _paths(*components: URIRef) -> list[URIRef]:
    """The property paths of the shapes that use any of ``components`` (so the mutations follow the shapes)."""
    shapes = shapes_graph()
    found = {
        path
        for prop in shapes.subjects(SH.path, None)
        if any((prop, c, None) in shapes for c in components)
        for path in shapes.objects(prop, SH.path)
    }
    return sorted(p for p in found if isinstance(p, URIRef))


REQUIRED = _paths(SH.minCount, SH.qualifiedMinCount)
TYPED = _paths(SH["class"], SH.node, SH["or"])
LIMITED = _paths(SH.maxCount, SH.qualifiedMaxCount)
DATES = [URIRef("https://schema.org/startDate"), URIRef("https://schema.org/endDate")]
WRONG_VALUES = [
    Literal("spring"),
    Literal("2021-02-30", datatype=XSD.date),
    Literal("2021-13", datatype=XSD.gYearMonth),
    Literal("2021", datatype=XSD.gYear),
    Literal(2021),
    Literal("2021", lang="nl"),
    URIRef("https://w3id.org/ecosysteem/id/level/regionaal"),
    URIRef("https://w3id.org/ecosysteem/id/organisation-type/ziekenhuis"),
    URIRef("https://w3id.org/ecosysteem/id/nowhere"),
]


@functools.cache
def _base() -> tuple[tuple[URIRef | Literal, ...], ...]:
    """A small real graph: the ontology, seed 001, the bijenkorf and the source documents (sorted triples)."""
    folder = data_dir("datasets")
    files = ("001-jaarplan-2024-ijssel-vecht.ttl", "002-bijenkorf.ttl", "reference-sources.ttl")
    eco = ecosysteem.load(*(folder / f for f in files), defaults=False, store="memory")
    return tuple(sorted(eco.graph))  # type: ignore[arg-type]


def _mutate(graph: Graph, kind: str, pick: int, value: int) -> None:
    """Break ``graph`` in one way: drop a required property, give a wrong value or type, add a value too many."""
    triples = _base()
    if kind == "retype":  # an entity becomes an instance of another class (a wrong class for those pointing at it)
        typed = sorted({s for s, p, _ in triples if p == RDF.type and "/id/" in str(s)})
        subject = typed[pick % len(typed)]
        graph.remove((subject, RDF.type, None))
        graph.add((subject, RDF.type, URIRef("https://w3id.org/ecosysteem/def#Goal")))
        return
    paths = {"drop": REQUIRED, "wrong": TYPED, "many": LIMITED, "date": DATES}[kind]
    candidates = [t for t in triples if t[1] in paths] or [t for t in triples if t[1] == RDF.type]
    subject, predicate, obj = candidates[pick % len(candidates)]
    if kind == "drop":
        graph.remove((subject, predicate, None))
    elif kind in {"wrong", "date"}:
        graph.remove((subject, predicate, obj))
        graph.add((subject, predicate, WRONG_VALUES[value % len(WRONG_VALUES)]))
    else:  # too many values: a second, different one
        extra = WRONG_VALUES[value % len(WRONG_VALUES)]
        graph.add(
            (subject, predicate, Literal(str(obj) + " bis", lang=obj.language) if isinstance(obj, Literal) else extra)
        )


MUTATION = st.tuples(
    st.sampled_from(["drop", "wrong", "many", "date", "retype"]), st.integers(0, 10**6), st.integers(0, 100)
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(MUTATION, min_size=1, max_size=3))
def test_sparql_engine_reports_what_pyshacl_reports_on_mutated_graphs(mutations: list[tuple[str, int, int]]) -> None:
    graph = Graph()
    for triple in _base():
        graph.add(triple)  # type: ignore[arg-type]
    for kind, pick, value in mutations:
        _mutate(graph, kind, pick, value)
    reference = validate_graph(graph)
    compiled = validate_store(MemoryStore(graph), engine="sparql")
    assert [(v.focus, v.path) for v in compiled.violations] == [(v.focus, v.path) for v in reference.violations]
    assert compiled == reference
