"""Store backends without a server: specs, Oxigraph in memory and on disk, source graphs, bound values, progress."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Literal, URIRef

import ecosysteem
from ecosysteem._progress import reporting
from ecosysteem.analysis.queries import list_queries, query_strings, run_query
from ecosysteem.errors import DataError, OptionError, ParseError, QueryError
from ecosysteem.graph import Ecosystem, open_store
from ecosysteem.graph.stores import inject_values, source_graph, sparql_term
from ecosysteem.model import Organisation

EX = "https://example.org/"
PAYLOADS = [
    '"} ; DROP ALL ; SELECT * WHERE { ?s ?p ?o',
    "x> } UNION { ?s ?p ?o } #",
    "line\nbreak } ; INSERT DATA { <a> <b> <c> }",
    "' OR 1=1 --",
    "back\\slash\"quote'''",
]


@pytest.fixture(scope="module")
def eco(memory_eco: Ecosystem) -> Ecosystem:
    """Here ``eco`` is the default data on rdflib's store: the tests compare it with Oxigraph."""
    return memory_eco


@pytest.fixture(scope="module")
def ox_eco() -> Ecosystem:
    """The default data in an in-memory Oxigraph store. Read-only."""
    return ecosysteem.load(store="oxigraph")


def _turtle(path: Path, body: str) -> Path:
    path.write_text(f"@prefix ex: <{EX}> .\n{body}\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("spec", "kind"),
    [("memory", "memory"), (None, "oxigraph"), ("oxigraph", "oxigraph"), ("sparql:http://127.0.0.1:1/query", "sparql")],
)
def test_open_store_by_spec(spec: str | None, kind: str) -> None:
    assert open_store(spec).kind == kind


@pytest.mark.parametrize("spec", ["nosuch", "memory:x", "sparql:", "sparql:ftp://host/q", "sparql:not a url"])
def test_unknown_or_bad_spec_is_a_clear_error(spec: str) -> None:
    with pytest.raises(OptionError, match=r"store|URL"):
        open_store(spec)


def test_credentials_in_a_url_are_refused_and_not_echoed() -> None:
    with pytest.raises(OptionError) as info:
        open_store("sparql:https://admin:hunter2secret@example.org/sparql")
    assert "hunter2secret" not in str(info.value) and "ECOSYSTEEM_SPARQL_PASSWORD" in str(info.value)


def test_oxigraph_holds_what_memory_holds(eco: Ecosystem, ox_eco: Ecosystem) -> None:
    assert len(ox_eco) == len(eco) == len(ox_eco.graph)
    assert set(ox_eco.graph) == set(eco.graph)
    assert ox_eco.get("network/twente") == eco.get("network/twente")
    assert ox_eco.info() == eco.info()
    assert sorted(ox_eco.store.sources()) == sorted(str(source_graph(f)) for f in ox_eco.files)


@pytest.mark.parametrize("name", ["activity-lines", "networks-without-supraregion", "supraregion-networks"])
def test_named_queries_agree_with_bindings(eco: Ecosystem, ox_eco: Ecosystem, name: str) -> None:
    params = {"network": "network/twente"} if name == "activity-lines" else {}
    ours = sorted(tuple(map(str, r)) for r in run_query(eco, name, **params))  # type: ignore[arg-type]
    theirs = sorted(tuple(map(str, r)) for r in run_query(ox_eco, name, **params))  # type: ignore[arg-type]
    assert ours == theirs and ours


def test_binding_an_unprojected_variable(eco: Ecosystem, ox_eco: Ecosystem) -> None:
    level = URIRef("https://w3id.org/ecosysteem/id/level/regionaal")
    sparql = "SELECT ?n WHERE { ?n a ez:Network ; ez:level ?level }"
    assert sorted(r[0] for r in ox_eco.query(sparql, level=level)) == sorted(
        r[0] for r in eco.query(sparql, level=level)
    )  # type: ignore[index]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payloads_cannot_change_a_query_on_oxigraph(ox_eco: Ecosystem, payload: str) -> None:
    before = len(ox_eco)
    assert list(ox_eco.query("SELECT ?s WHERE { ?s rdfs:label ?name }", name=payload)) == []
    with pytest.raises(QueryError):
        list(run_query(ox_eco, "activity-lines", network=payload))
    assert len(ox_eco) == before


@settings(max_examples=60, deadline=None)
@given(text=st.text(max_size=40), lang=st.sampled_from([None, "nl", "en-GB"]))
def test_any_literal_survives_the_values_block(text: str, lang: str | None) -> None:
    store = open_store("oxigraph")
    value = Literal(text, lang=lang)
    rows = list(store.query("SELECT ?x WHERE { BIND(?v AS ?x) }", {"v": value}))
    assert rows[0][0] == value  # type: ignore[index]


@pytest.mark.parametrize(
    ("sparql", "expected"),
    [
        ("SELECT * { ?s ?p ?o }", "SELECT * { VALUES (?v) { (<urn:x>) } ?s ?p ?o }"),
        (
            "# { not this\nSELECT ?s WHERE { ?s ?p '{' }",
            "# { not this\nSELECT ?s WHERE { VALUES (?v) { (<urn:x>) } ?s ?p '{' }",
        ),
        (
            "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
            "CONSTRUCT { ?s ?p ?o } WHERE { VALUES (?v) { (<urn:x>) } ?s ?p ?o }",
        ),
        ("PREFIX a: <urn:a#b> ASK { ?s a:p ?o }", "PREFIX a: <urn:a#b> ASK { VALUES (?v) { (<urn:x>) } ?s a:p ?o }"),
    ],
)
def test_values_go_into_the_where_group(sparql: str, expected: str) -> None:
    assert inject_values(sparql, {"v": URIRef("urn:x")}) == expected


def test_values_refuse_what_cannot_be_escaped() -> None:
    with pytest.raises(QueryError, match="IRI"):
        sparql_term(URIRef("urn:x> } DROP ALL"))
    with pytest.raises(QueryError, match="short form"):
        inject_values("CONSTRUCT WHERE { ?s ?p ?o }", {"s": URIRef("urn:x")})
    with pytest.raises(QueryError, match="variable"):
        inject_values("SELECT * { ?s ?p ?o }", {"s) } DROP": URIRef("urn:x")})


def test_persistent_store_is_reopened_without_reloading(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    with ecosysteem.load(store=f"oxigraph:{folder}") as first:
        size, loaded = len(first), list(first.files)
        assert size > 1000 and not first.skipped
    with Ecosystem.open(f"oxigraph:{folder}") as reopened:
        assert len(reopened) == size and reopened.get("network/twente").label_nl
    with ecosysteem.load(store=f"oxigraph:{folder}") as again:
        assert again.files == again.skipped == loaded and len(again) == size


def test_a_changed_source_replaces_its_graph(tmp_path: Path) -> None:
    store = open_store(f"oxigraph:{tmp_path / 'store'}")
    source = _turtle(tmp_path / "bron.ttl", "ex:a ex:p ex:old1 , ex:old2 .")
    eco = Ecosystem(store=store).load(source)
    _turtle(source, "ex:a ex:p ex:new .")
    eco.load(source)
    assert set(eco.graph.objects(URIRef(EX + "a"), URIRef(EX + "p"))) == {URIRef(EX + "new")}
    _turtle(source, "ex:a ex:p ex:broken")  # unfinished statement
    with pytest.raises(ParseError, match=r"bron\.ttl, line \d"):
        eco.load(source)
    assert set(eco.graph.objects(URIRef(EX + "a"), URIRef(EX + "p"))) == {URIRef(EX + "new")}
    eco.close()


def test_a_triple_in_two_sources_shows_once(tmp_path: Path) -> None:
    one = _turtle(tmp_path / "one.ttl", "ex:a ex:p ex:b .")
    two = _turtle(tmp_path / "two.ttl", "ex:a ex:p ex:b . ex:a ex:q ex:c .")
    eco = Ecosystem(store="oxigraph").load(one, two)
    assert len(eco) == 2 == len(list(eco.graph.triples((None, None, None))))


def test_add_and_read_models_on_oxigraph() -> None:
    eco = Ecosystem(store="oxigraph").add(Organisation(label_nl="Hospice De Kapberg"))
    assert len(eco) == 3
    assert eco.get("organisation/hospice-de-kapberg").label_nl == "Hospice De Kapberg"


def test_validation_agrees(eco: Ecosystem, ox_eco: Ecosystem) -> None:
    assert ox_eco.validate().violations == eco.validate().violations


@contextlib.contextmanager
def _recorder(seen: list[tuple[str, int, int]]) -> Iterator[Callable[[str, int], object]]:
    @contextlib.contextmanager
    def reporter(label: str, total: int) -> Iterator[Callable[[int], None]]:
        yield lambda n: seen.append((label, total, n))

    yield reporter


def test_progress_is_reported_only_when_asked(tmp_path: Path) -> None:
    from ecosysteem.analysis.gaps import find_gaps

    one = _turtle(tmp_path / "one.ttl", "ex:a ex:p ex:b .")
    seen: list[tuple[str, int, int]] = []
    ecosysteem.load(one, store="oxigraph")  # no reporter: nothing recorded, nothing printed
    with _recorder(seen) as reporter, reporting(reporter):  # type: ignore[arg-type]
        eco = ecosysteem.load(one, store="oxigraph")
        find_gaps(eco, ["level-disconnect", "chain-not-connected"])
    loads = [s for s in seen if s[0] == "loading"]
    assert sum(n for _, _, n in loads) == loads[0][1] == sum(f.stat().st_size for f in eco.files)
    assert [s for s in seen if s[0] == "gaps"] == [("gaps", 2, 1), ("gaps", 2, 1)]


def test_cli_store_option_and_env(tmp_path: Path) -> None:
    from ecosysteem.cli import cli

    folder = tmp_path / "store"
    runner = CliRunner()
    first = runner.invoke(cli, ["--quiet", "--store", f"oxigraph:{folder}", "info", "--format", "json"])
    assert first.exit_code == 0, first.output
    again = runner.invoke(cli, ["info", "--format", "json"], env={"ECOSYSTEEM_STORE": f"oxigraph:{folder}"})
    assert again.exit_code == 0 and again.stdout == first.stdout
    assert "loading" not in again.stderr  # not a terminal: no progress bar


def test_cli_refuses_credentials_on_the_command_line() -> None:
    from ecosysteem.cli import cli

    result = CliRunner().invoke(cli, ["--store", "sparql:http://me:pa55word@127.0.0.1:1/query", "info"])
    assert result.exit_code == 2
    assert "pa55word" not in result.output and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(("fmt", "suffix"), [("turtle", "ttl"), ("nt", "nt"), ("json-ld", "jsonld"), ("xml", "rdf")])
def test_every_format_loads_the_same_into_oxigraph(tmp_path: Path, fmt: str, suffix: str) -> None:
    from rdflib import BNode, Graph
    from rdflib.compare import isomorphic

    graph = Graph()
    org, blank = URIRef(EX + "org"), BNode()
    graph.add((org, URIRef(EX + "naam"), Literal("Zorg & Welzijn “Oost”", lang="nl")))
    graph.add(
        (org, URIRef(EX + "sinds"), Literal("2021-03-01", datatype=URIRef("http://www.w3.org/2001/XMLSchema#date")))
    )
    graph.add((org, URIRef(EX + "adres"), blank))
    graph.add((blank, URIRef(EX + "plaats"), Literal("Hengelo")))
    path = tmp_path / f"data.{suffix}"
    path.write_bytes(graph.serialize(format=fmt, encoding="utf-8"))
    memory = Ecosystem().load(path)
    oxigraph = Ecosystem(store="oxigraph").load(path)
    assert len(oxigraph) == len(memory) == 4
    assert isomorphic(memory.graph, oxigraph.graph)


@settings(max_examples=40, deadline=None)
@given(text=st.text(max_size=30))
def test_any_literal_loads_the_same_into_oxigraph(text: str) -> None:
    import tempfile

    from rdflib import Graph

    graph = Graph()
    graph.add((URIRef(EX + "s"), URIRef(EX + "p"), Literal(text)))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "one.ttl"
        path.write_bytes(graph.serialize(format="turtle", encoding="utf-8"))
        assert set(Ecosystem(store="oxigraph").load(path).graph) == set(Ecosystem().load(path).graph)


def test_cli_start_up_does_not_import_the_store_engines() -> None:
    import subprocess
    import sys

    code = (
        "import sys\nfrom ecosysteem.cli import cli\n"
        "try:\n    cli(['--help'], prog_name='ecosysteem')\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('pyoxigraph', 'oxrdflib') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_a_closed_store_says_so(tmp_path: Path) -> None:
    eco = Ecosystem(store=f"oxigraph:{tmp_path / 'store'}").add(Organisation(label_nl="Hospice De Kapberg"))
    eco.close()
    eco.close()  # closing twice is harmless
    with pytest.raises(DataError, match="is closed"):
        len(eco)
    with pytest.raises(DataError, match="is closed"):
        list(eco.graph.triples((None, None, None)))


@pytest.mark.parametrize("where", ["memory", "disk", "disk-bulk"])
def test_a_file_with_an_error_leaves_the_store_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    from ecosysteem.graph.stores import oxigraph as ox_store

    if where == "disk-bulk":
        monkeypatch.setattr(ox_store, "_BULK_BYTES", 0)  # every file takes the on-disk bulk path
    spec = "oxigraph" if where == "memory" else f"oxigraph:{tmp_path / 'store'}"
    eco = Ecosystem(store=spec)
    good = _turtle(tmp_path / "goed.ttl", "ex:a ex:p ex:b .")
    eco.load(good)
    bad = _turtle(tmp_path / "fout.ttl", "ex:c ex:p ex:d .\nex:e ex:p ex:f ;\n ex:q ex:g ex:h .")
    with pytest.raises(ParseError, match=r"fout\.ttl, line 4"):
        eco.load(bad)  # a new source: the first triples were already read when the error came
    assert set(eco.store.sources()) == {str(source_graph(good))}
    assert len(eco) == 1
    _turtle(good, "ex:a ex:p ex:new .\nex:a ex:p <oops")  # a replacement with an error: the old graph stays
    with pytest.raises(ParseError, match=r"goed\.ttl, line 3"):
        eco.load(good)
    assert set(eco.graph.objects(URIRef(EX + "a"), URIRef(EX + "p"))) == {URIRef(EX + "b")}
    _turtle(good, "ex:a ex:p ex:new . _:x ex:p ex:y .")  # a replacement that parses replaces the graph
    eco.load(good)
    assert set(eco.graph.objects(URIRef(EX + "a"), URIRef(EX + "p"))) == {URIRef(EX + "new")}
    assert len(eco) == 2 and len(list(eco.store.pyoxigraph_store)) == 3  # two triples and the digest
    eco.close()


def test_blank_nodes_of_two_files_stay_apart_in_oxigraph(tmp_path: Path) -> None:
    one = _turtle(tmp_path / "one.ttl", "_:b ex:p ex:one .")
    two = _turtle(tmp_path / "two.ttl", "_:b ex:p ex:two .")
    eco = Ecosystem(store="oxigraph").load(one, two)
    assert len(set(eco.graph.subjects(URIRef(EX + "p"), None))) == 2


def _strings(rows: object) -> list[tuple[str | None, ...]]:
    return [tuple(None if v is None else str(v) for v in row) for row in rows]  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", [q.name for q in list_queries()])
def test_query_strings_are_the_rows_as_strings(ox_eco: Ecosystem, name: str) -> None:
    assert query_strings(ox_eco, name) == _strings(run_query(ox_eco, name))


def test_query_strings_on_memory_and_with_bindings(eco: Ecosystem, ox_eco: Ecosystem) -> None:
    twente = "https://w3id.org/ecosysteem/id/network/twente"
    for target in (eco, ox_eco):
        rows = query_strings(target, "network-partner-types", network=twente)
        assert rows and rows == _strings(run_query(target, "network-partner-types", network=twente))
        assert {network for network, _type in rows} == {twente}
    with pytest.raises(QueryError, match="no SELECT"):
        ox_eco.store.query_strings("ASK { ?s ?p ?o }")
