"""GraphIndex answers exactly what the rdflib graph answers, on every store, one by one and in bulk."""

from __future__ import annotations

from collections import Counter

import pytest
from rdflib import Graph, URIRef

from ecosysteem.graph import Ecosystem, load
from ecosysteem.graph import index as index_module
from ecosysteem.graph.index import GraphIndex
from ecosysteem.vocab import EZ, ID, ORG, RDF, RDFS

PREDICATES = [RDF.type, EZ.partOf, EZ.responsible, EZ.participant, ORG.member, ORG.organization, EZ.level]


@pytest.fixture(scope="module", params=["memory", "oxigraph"])
def eco(request: pytest.FixtureRequest) -> Ecosystem:
    return load(store=request.param)


@pytest.fixture(scope="module")
def reference() -> Graph:
    return load().graph


@pytest.mark.parametrize("bulk_after", [0, 10**9], ids=["bulk", "one-by-one"])
@pytest.mark.parametrize("predicate", PREDICATES, ids=lambda p: str(p).rsplit("/", 1)[-1].rsplit("#", 1)[-1])
def test_same_answers_as_rdflib(eco: Ecosystem, reference: Graph, predicate: URIRef, bulk_after: int) -> None:
    index = GraphIndex(eco.store, bulk_after=bulk_after)
    pairs = set(reference.subject_objects(predicate))
    assert pairs and set(index.subject_objects(predicate)) == pairs
    assert len(index.subject_objects(predicate)) == len(pairs)  # distinct, though a store may hold it twice
    for s, o in sorted(pairs)[:200]:
        assert sorted(index.objects(s, predicate)) == sorted(set(reference.objects(s, predicate)))
        assert sorted(index.subjects(predicate, o)) == sorted(set(reference.subjects(predicate, o)))
        assert (s, predicate, o) in index
    assert (ID["nowhere"], predicate, ID["nothing"]) not in index
    assert index.objects(ID["nowhere"], predicate) == []


@pytest.mark.parametrize("bulk_after", [0, 10**9], ids=["bulk", "one-by-one"])
def test_labels_and_transitive_walks(eco: Ecosystem, bulk_after: int) -> None:
    index = GraphIndex(eco.store, bulk_after=bulk_after)
    nodes = sorted({s for s in eco.graph.subjects(RDF.type, None) if isinstance(s, URIRef)})
    for node in nodes[:: max(1, len(nodes) // 300)]:
        for lang in ("nl", "en"):
            assert index.label(node, lang) == eco.label(node, lang), (node, lang)
    parents = Counter(o for _s, o in eco.graph.subject_objects(EZ.partOf))
    project, children = parents.most_common(1)[0]
    assert children >= 3
    assert set(index.transitive_subjects(EZ.partOf, project)) == set(eco.graph.transitive_subjects(EZ.partOf, project))
    leaf = next(iter(index.subjects(EZ.partOf, project)))
    assert set(index.transitive_objects(leaf, EZ.partOf)) == set(eco.graph.transitive_objects(leaf, EZ.partOf))


def test_switches_to_bulk_after_enough_look_ups(eco: Ecosystem) -> None:
    index = GraphIndex(eco.store, bulk_after=3)
    twente = ID["network/twente"]
    for _ in range(3):
        assert EZ.Network in index.objects(twente, RDF.type)
    assert str(RDF.type) not in index._tables
    assert EZ.Network in index.objects(twente, RDF.type)
    assert str(RDF.type) in index._tables


@pytest.fixture(params=["tables", "direct"])
def lookups(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every predicate small (read whole), or every predicate large (asked directly where the store can)."""
    if request.param == "direct":
        monkeypatch.setattr(index_module, "_SMALL", 0)
    return str(request.param)


@pytest.mark.parametrize("predicate", PREDICATES, ids=lambda p: str(p).rsplit("/", 1)[-1].rsplit("#", 1)[-1])
def test_string_level_api_is_the_iri_part_of_the_graph(
    eco: Ecosystem, reference: Graph, predicate: URIRef, lookups: str
) -> None:
    index = eco.index()
    iri_pairs = {(str(s), str(o)) for s, o in reference.subject_objects(predicate) if _both_iris(s, o)}
    assert iri_pairs and set(index.iri_pairs(predicate)) == iri_pairs
    assert len(index.iri_pairs(predicate)) == len(iri_pairs)  # distinct, though a store may hold it twice
    assert all(type(s) is str and type(o) is str for s, o in index.iri_pairs(predicate))
    for s, o in sorted(iri_pairs)[:200]:
        assert sorted(index.iri_objects(s, predicate)) == sorted(
            {str(x) for x in reference.objects(URIRef(s), predicate) if isinstance(x, URIRef)}
        )
        assert sorted(index.iri_subjects(predicate, o)) == sorted(
            {str(x) for x in reference.subjects(predicate, URIRef(o)) if isinstance(x, URIRef)}
        )
    assert index.iri_objects(str(ID["nowhere"]), predicate) == []


def _both_iris(s: object, o: object) -> bool:
    return isinstance(s, URIRef) and isinstance(o, URIRef)


def test_labels_of_iri_strings_are_the_labels_of_the_terms(eco: Ecosystem, lookups: str) -> None:
    index = eco.index()
    for node in (ID["organisation/zgt"], ID["network/twente"], ID["nowhere/at-all"]):
        for lang in ("nl", "en"):
            assert index.label(str(node), lang) == index.label(node, lang) == eco.label(node, lang)
    nodes = sorted({s for s in eco.graph.subjects(RDF.type, None) if isinstance(s, URIRef)})
    for node in nodes[:: max(1, len(nodes) // 300)]:
        for lang in ("nl", "en"):
            assert index.label(str(node), lang) == eco.label(node, lang), (node, lang)
    if lookups == "direct" and eco.store.direct_lookups:
        assert index._direct_asked  # labels were asked of the store directly (until reading whole was cheaper)


@pytest.mark.parametrize("predicate", PREDICATES, ids=lambda p: str(p).rsplit("/", 1)[-1].rsplit("#", 1)[-1])
def test_direct_look_ups_agree_on_every_store(eco: Ecosystem, reference: Graph, predicate: URIRef) -> None:
    store, p = eco.store, str(predicate)
    pairs = sorted((str(s), str(o)) for s, o in reference.subject_objects(predicate) if _both_iris(s, o))
    for s, o in pairs[:: max(1, len(pairs) // 100)]:
        assert sorted(store.iri_objects_of(s, p)) == sorted({b for a, b in pairs if a == s})
        assert sorted(store.iri_subjects_of(p, o)) == sorted({a for a, b in pairs if b == o})
    assert store.iri_objects_of(str(ID["nowhere"]), p) == [] == store.iri_subjects_of(p, str(ID["nowhere"]))
    assert store.has_more_than(p, len(pairs) - 1) and not store.has_more_than(p, 10 * len(pairs) + 10)
    label = str(RDFS.label)
    assert sorted(store.literals_of(str(ID["organisation/zgt"]), label)) == sorted(
        (str(o), o.language) for o in reference.objects(ID["organisation/zgt"], RDFS.label)
    )


@pytest.mark.parametrize("store", ["memory", "oxigraph"])
@pytest.mark.parametrize("bulk_after", [0, 10**9], ids=["bulk", "one-by-one"])
def test_labels_of_blank_nodes(tmp_path: object, store: str, bulk_after: int) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "blank.ttl"
    path.write_text(
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        '<https://example.org/a> <https://example.org/p> [ rdfs:label "Leeg"@nl , "Empty"@en ] .\n',
        encoding="utf-8",
    )
    eco = load(path, defaults=False, store=store)
    blank = next(iter(eco.graph.objects(URIRef("https://example.org/a"), URIRef("https://example.org/p"))))
    index = GraphIndex(eco.store, bulk_after=bulk_after)
    assert (index.label(blank, "nl"), index.label(blank, "en")) == ("Leeg", "Empty")


def test_a_large_predicate_asked_often_is_read_whole_after_all(monkeypatch: pytest.MonkeyPatch) -> None:
    from ecosysteem.graph import Ecosystem

    monkeypatch.setattr(index_module, "_SMALL", 10)
    eco = Ecosystem(store="oxigraph")
    p = "https://example.org/p"
    eco.store.add_triples(
        (URIRef(f"https://example.org/s{i}"), URIRef(p), URIRef(f"https://example.org/o{i % 7}")) for i in range(100)
    )
    index = eco.index()
    for i in range(39):  # a checkpoint at 10 questions: 100 triples > 4 × 10, so it keeps asking directly
        assert index.iri_objects(f"https://example.org/s{i}", p) == [f"https://example.org/o{i % 7}"]
    assert p not in index._iri_tables
    for i in range(39, 45):  # at 40 questions, 100 triples ≤ 4 × 40: reading it whole is cheaper now
        assert index.iri_objects(f"https://example.org/s{i}", p) == [f"https://example.org/o{i % 7}"]
    assert p in index._iri_tables
    assert sorted(index.iri_subjects(p, "https://example.org/o0")) == sorted(
        f"https://example.org/s{i}" for i in range(0, 100, 7)
    )


@pytest.mark.parametrize("store", ["memory", "oxigraph"])
def test_an_unlabelled_blank_node_falls_back_as_ecosystem_label_does(tmp_path: object, store: str) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "blank.ttl"
    path.write_text("<https://example.org/a> <https://example.org/p> [ <https://example.org/q> 1 ] .\n", "utf-8")
    eco = load(path, defaults=False, store=store)
    blank = next(iter(eco.graph.objects(URIRef("https://example.org/a"), URIRef("https://example.org/p"))))
    assert eco.index().label(blank) == str(blank)  # as before, and as Ecosystem.label: not the "_:…" key
