"""Named queries: headers, parsing, safe parameters, and the same results on rdflib and Oxigraph."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import URIRef

import ecosysteem
from ecosysteem.analysis.queries import get_query, list_queries, load_query_file, run_query
from ecosysteem.errors import QueryError
from ecosysteem.graph import Ecosystem

QUERIES = list_queries()

# Queries where the engines are known to disagree (strict xfail, so a marker cannot go stale). Empty now: the
# last one was gap-loop-without-partner, whose `a|b` path gave rdflib duplicate rows (SPARQL's alternative paths
# are bag-semantics); SELECT DISTINCT fixed it.
ENGINE_DISAGREES: set[str] = set()


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.name)
def test_query_has_a_header_and_parses(query) -> None:  # type: ignore[no-untyped-def]
    assert query.title and query.title_en and query.finds and query.why and query.source
    assert query.prepared is not None


def _normalise(rows) -> list[tuple[str, ...]]:  # type: ignore[no-untyped-def]
    return sorted(tuple("" if c is None else str(c) for c in row) for row in rows)


@pytest.fixture(scope="module")
def eco(memory_eco: Ecosystem) -> Ecosystem:
    """Here ``eco`` is the default data on rdflib's store: the tests compare it with Oxigraph."""
    return memory_eco


@pytest.fixture(scope="module")
def oxigraph_store(eco: Ecosystem):  # type: ignore[no-untyped-def]
    pyoxigraph = pytest.importorskip("pyoxigraph")
    store = pyoxigraph.Store()
    store.load(eco.graph.serialize(format="nt").encode("utf-8"), format=pyoxigraph.RdfFormat.N_TRIPLES)
    return store


@pytest.mark.parametrize(
    "query",
    [
        pytest.param(q, marks=pytest.mark.xfail(reason="rdflib and Oxigraph disagree", strict=True))
        if q.name in ENGINE_DISAGREES
        else q
        for q in QUERIES
    ],
    ids=lambda q: q.name,
)
def test_same_results_on_rdflib_and_oxigraph(eco: Ecosystem, oxigraph_store, query) -> None:  # type: ignore[no-untyped-def]
    from ecosysteem.vocab import PREFIXES

    ours = _normalise(run_query(eco, query))
    result = oxigraph_store.query(query.text, prefixes={k: str(v) for k, v in PREFIXES.items()})
    theirs = sorted(tuple("" if s[v] is None else s[v].value for v in result.variables) for s in result)
    assert ours == theirs


PAYLOADS = [
    '"} ; DROP ALL ; SELECT * WHERE { ?s ?p ?o',
    "x> } UNION { ?s ?p ?o } #",
    "line\nbreak } ; INSERT DATA { <a> <b> <c> }",
    "SELECT * WHERE { ?s ?p ?o }",
    "' OR 1=1 --",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_cannot_change_an_iri_parameter(eco: Ecosystem, payload: str) -> None:
    with pytest.raises(QueryError):
        list(run_query(eco, "activity-lines", network=payload))


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_as_literal_binding_matches_nothing(eco: Ecosystem, payload: str) -> None:
    before = len(eco.graph)
    rows = list(eco.query("SELECT ?s WHERE { ?s rdfs:label ?name }", name=payload))
    assert rows == []
    assert len(eco.graph) == before


def test_bound_parameter_restricts_results(eco: Ecosystem) -> None:
    everything = list(run_query(eco, "activity-lines"))
    twente = list(run_query(eco, "activity-lines", network="network/twente"))
    assert 0 < len(twente) < len(everything)
    assert {str(r[0]) for r in twente} == {"https://w3id.org/ecosysteem/id/network/twente"}
    assert list(run_query(eco, "activity-lines", network=URIRef("https://example.org/none"))) == []


def test_unknown_parameter_and_query(eco: Ecosystem) -> None:
    with pytest.raises(QueryError, match="has no parameter 'nope'"):
        run_query(eco, "activity-lines", nope="x")
    with pytest.raises(QueryError, match="unknown query"):
        get_query("no-such-query")


def test_user_query_file(eco: Ecosystem, tmp_path: Path) -> None:
    path = tmp_path / "my-networks.rq"
    path.write_text(
        "# title: Mijn netwerken\n# param: level iri optional — level\nSELECT ?n WHERE { ?n ez:level ?level }\n"
    )
    query = load_query_file(path)
    assert query.title == "Mijn netwerken" and [p.name for p in query.parameters] == ["level"]
    rows = list(run_query(eco, query, level="level/regionaal"))
    assert len(rows) >= 4
    assert "my-networks" in {q.name for q in list_queries([tmp_path])}


def test_malformed_user_query_is_a_clear_error(store_eco: Ecosystem, tmp_path: Path) -> None:
    path = tmp_path / "bad.rq"
    path.write_text("SELECT ?x WHERE { ?x \n")
    # rdflib names the file and the position; Oxigraph says which query failed
    with pytest.raises(QueryError, match=r"bad\.rq: the query does not parse|query 'bad' failed"):
        run_query(store_eco, get_query(str(path)))
    with pytest.raises(QueryError, match=r"bad\.rq: the query does not parse"):  # rdflib prepares it first
        run_query(ecosysteem.load(store="memory"), get_query(str(path)))


def test_collaboration_activities_count_projects_the_collaboration_itself_runs(eco: Ecosystem) -> None:
    # Seed 000's transmural project names Septet as a party directly, not through a member network.
    septet = URIRef("https://w3id.org/ecosysteem/id/collaboration/septet")
    rows = {str(a) for _c, a in run_query(eco, "collaboration-activities", collaboration=septet)}  # type: ignore[misc]
    assert "https://w3id.org/ecosysteem/id/activity/transmurale-verbetering" in rows
    assert "https://w3id.org/ecosysteem/id/activity/transmurale-verbetering--werkconferentie-juni-2023" in rows


def test_the_catalogue_is_read_once_and_whole_from_many_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression: the gap report's background threads saw a half-read catalogue ("unknown query …")."""
    import threading
    import time

    from ecosysteem.analysis import queries

    slow = queries.load_query_file

    def slowly(*args: object, **kwargs: object) -> object:
        time.sleep(0.002)  # widens the window in which a half-read catalogue could be seen
        return slow(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(queries, "_BUILTIN", None)
    monkeypatch.setattr(queries, "load_query_file", slowly)
    names = [q.name for q in queries.list_queries()]
    monkeypatch.setattr(queries, "_BUILTIN", None)
    start = threading.Barrier(8)
    failures: list[Exception] = []

    def ask(name: str) -> None:
        start.wait()
        try:
            queries.get_query(name)
        except Exception as exc:
            failures.append(exc)

    threads = [threading.Thread(target=ask, args=(names[-1 - i],)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures
