"""Issue 19 item 1: every query form from a user's .rq file — on rdflib and Oxigraph, from the CLI and Python.

CONSTRUCT and DESCRIBE write RDF, ASK answers ja/nee (yes/no) with exit status 0/1, an UPDATE is refused in one
clear line. Before the fix the first three crashed (``zip() argument 2 is longer…``, ``'bool' object is not
iterable``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef

from ecosysteem.analysis.queries import get_query, run_query
from ecosysteem.cli import cli
from ecosysteem.errors import QueryRefused
from ecosysteem.graph import Ecosystem
from ecosysteem.vocab import EZ, RDF

TWENTE = URIRef("https://w3id.org/ecosysteem/id/network/twente")
STORES = ["memory", "oxigraph"]

QUERIES = {
    "construct.rq": "CONSTRUCT { ?n a ez:Network } WHERE { ?n a ez:Network }",
    "describe.rq": "DESCRIBE <https://w3id.org/ecosysteem/id/network/twente>",
    "ask-yes.rq": "ASK { ?n a ez:Network }",
    "ask-no.rq": "ASK { ?n a <https://example.org/Nothing> }",
    "update.rq": "PREFIX ex: <https://example.org/>\nINSERT DATA { ex:a ex:b ex:c }",
    "delete.rq": "DELETE WHERE { ?s ?p ?o }",
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("user-queries")
    for name, text in QUERIES.items():
        (path / name).write_text(f"# title: {name}\n{text}\n", encoding="utf-8")
    return path


def _networks(eco: Ecosystem) -> set[URIRef]:
    return {s for s in eco.graph.subjects(RDF.type, EZ.Network) if isinstance(s, URIRef)}


@pytest.mark.parametrize("timeout", [None, 60])
def test_construct_gives_a_graph(store_eco: Ecosystem, folder: Path, timeout: float | None) -> None:
    result = run_query(store_eco, get_query(str(folder / "construct.rq")), timeout=timeout)
    assert result.type == "CONSTRUCT" and result.graph is not None
    assert set(result.graph.subjects(RDF.type, EZ.Network)) == _networks(store_eco)


@pytest.mark.parametrize("timeout", [None, 60])
def test_describe_gives_the_resource(store_eco: Ecosystem, folder: Path, timeout: float | None) -> None:
    result = run_query(store_eco, get_query(str(folder / "describe.rq")), timeout=timeout)
    assert result.graph is not None
    assert (TWENTE, RDF.type, EZ.Network) in result.graph


@pytest.mark.parametrize(("name", "answer"), [("ask-yes.rq", True), ("ask-no.rq", False)])
@pytest.mark.parametrize("timeout", [None, 60])
def test_ask_gives_a_boolean(
    store_eco: Ecosystem, folder: Path, name: str, answer: bool, timeout: float | None
) -> None:
    assert run_query(store_eco, get_query(str(folder / name)), timeout=timeout).askAnswer is answer


@pytest.mark.parametrize("name", ["update.rq", "delete.rq"])
def test_update_is_refused_and_changes_nothing(store_eco: Ecosystem, folder: Path, name: str) -> None:
    before = len(store_eco)
    with pytest.raises(QueryRefused, match="SPARQL Update") as caught:
        run_query(store_eco, get_query(str(folder / name)))
    assert caught.value.reason == "update" and "wijzig" in caught.value.message("nl")
    with pytest.raises(QueryRefused):
        store_eco.query(QUERIES[name])
    assert len(store_eco) == before


# -- the command line -------------------------------------------------------------------------------------------


def _cli(store: str, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--store", store, "query", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("store", STORES)
@pytest.mark.parametrize(
    ("fmt", "rdf_format"), [(None, "turtle"), ("turtle", "turtle"), ("nt", "nt"), ("json-ld", "json-ld")]
)
def test_cli_construct_writes_rdf(folder: Path, eco: Ecosystem, store: str, fmt: str | None, rdf_format: str) -> None:
    code, out, _err = _cli(store, str(folder / "construct.rq"), *(["--format", fmt] if fmt else []))
    assert code == 0
    if rdf_format == "json-ld":  # rdflib's JSON-LD parser warns (deprecated ConjunctiveGraph): read the JSON
        nodes = json.loads(out)
        found = {URIRef(n["@id"]) for n in (nodes if isinstance(nodes, list) else nodes["@graph"])}
    else:
        found = set(Graph().parse(data=out, format=rdf_format).subjects(RDF.type, EZ.Network))
    assert found == _networks(eco)


@pytest.mark.parametrize("store", STORES)
def test_cli_describe_writes_rdf(folder: Path, store: str, tmp_path: Path) -> None:
    target = tmp_path / "twente.nt"
    code, _out, _err = _cli(store, str(folder / "describe.rq"), "--format", "nt", "-o", str(target))
    assert code == 0
    assert (TWENTE, RDF.type, EZ.Network) in Graph().parse(target, format="nt")


@pytest.mark.parametrize("store", STORES)
@pytest.mark.parametrize(
    ("name", "lang", "text", "status"),
    [
        ("ask-yes.rq", "nl", "ja", 0),
        ("ask-no.rq", "nl", "nee", 1),
        ("ask-yes.rq", "en", "yes", 0),
        ("ask-no.rq", "en", "no", 1),
    ],
)
def test_cli_ask_answers_and_sets_the_exit_status(
    folder: Path, store: str, name: str, lang: str, text: str, status: int
) -> None:
    code, out, _err = _cli(store, str(folder / name), "--lang", lang)
    assert (out.strip(), code) == (text, status)


@pytest.mark.parametrize("store", STORES)
@pytest.mark.parametrize(("lang", "words"), [("nl", "wijzig"), ("en", "change your data files")])
def test_cli_update_is_refused_in_one_line(folder: Path, store: str, lang: str, words: str) -> None:
    code, out, err = _cli(store, str(folder / "update.rq"), "--lang", lang)
    assert code == 2 and out == ""
    assert words in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_cli_refuses_a_graph_format_for_rows_and_the_reverse(folder: Path) -> None:
    code, _out, err = _cli("memory", "networks-with-records", "--format", "nt")
    assert code == 2 and "CONSTRUCT" in err
    code, _out, err = _cli("memory", str(folder / "construct.rq"), "--format", "csv")
    assert code == 2 and "turtle" in err
