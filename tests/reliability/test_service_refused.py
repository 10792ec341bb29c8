"""Issue 19 item 2: no outbound request the user did not ask for.

A ``SERVICE <http://127.0.0.1:PORT/…>`` clause in a user's query is refused before any engine runs it, and a
listener on the loopback receives nothing. The check reads the parsed query: the word SERVICE inside a string,
an IRI or a comment is no reason to refuse. ``--allow-service`` / ``allow_service=True`` lets it through.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner

import ecosysteem
from ecosysteem.analysis.queries import get_query, run_query
from ecosysteem.cli import cli
from ecosysteem.errors import QueryRefused
from ecosysteem.graph import Ecosystem
from ecosysteem.graph.query_guard import service_iris
from localservers import serving

STORES = ["memory", "oxigraph"]


class _Listener(BaseHTTPRequestHandler):
    seen: ClassVar[list[str]] = []

    def _answer(self) -> None:
        type(self).seen.append(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        body = json.dumps({"head": {"vars": ["o"]}, "results": {"bindings": []}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _answer

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def listener() -> Iterator[tuple[str, list[str]]]:
    """An HTTP server on 127.0.0.1 that records every request it receives."""
    seen: ClassVar[list[str]] = []
    handler = type("Handler", (_Listener,), {"seen": seen})
    with serving(ThreadingHTTPServer(("127.0.0.1", 0), handler)) as base:
        yield f"{base}/sparql", seen


def _service_query(url: str) -> str:
    return f"# title: remote\nSELECT ?s ?o WHERE {{ ?s a ez:Network . SERVICE <{url}> {{ ?s rdfs:label ?o }} }}\n"


def test_python_refuses_service_and_sends_nothing(
    store_eco: Ecosystem, listener: tuple[str, list[str]], tmp_path: Path
) -> None:
    url, seen = listener
    path = tmp_path / "remote.rq"
    path.write_text(_service_query(url), encoding="utf-8")
    with pytest.raises(QueryRefused, match="allow_service=True") as caught:
        run_query(store_eco, get_query(str(path)))
    assert (
        caught.value.reason == "service" and url in str(caught.value) and "netwerkverzoek" in caught.value.message("nl")
    )
    with pytest.raises(QueryRefused):
        store_eco.query(_service_query(url))
    with pytest.raises(QueryRefused):  # a variable service is a service too
        store_eco.query("SELECT * WHERE { VALUES ?u { <" + url + "> } SERVICE ?u { ?s ?p ?o } }")
    assert seen == []


@pytest.mark.parametrize("store", STORES)
@pytest.mark.parametrize(("lang", "words"), [("nl", "--allow-service"), ("en", "no network request you did not ask")])
def test_cli_refuses_service_and_sends_nothing(
    listener: tuple[str, list[str]], tmp_path: Path, store: str, lang: str, words: str
) -> None:
    url, seen = listener
    path = tmp_path / "remote.rq"
    path.write_text(_service_query(url), encoding="utf-8")
    result = CliRunner().invoke(cli, ["--store", store, "query", str(path), "--lang", lang])
    assert result.exit_code == 2 and words in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert seen == []


@pytest.mark.parametrize(
    "text",
    [
        'SELECT ?s WHERE { ?s rdfs:label "SERVICE <http://127.0.0.1:9/>" }',
        "SELECT ?s WHERE { ?s rdfs:label '''x\nSERVICE <http://127.0.0.1:9/> { ?s ?p ?o }''' }",
        "# SERVICE <http://127.0.0.1:9/> { ?s ?p ?o }\nSELECT ?s WHERE { ?s a <http://127.0.0.1:9/SERVICE> }",
    ],
)
def test_the_word_in_a_string_iri_or_comment_is_no_service(store_eco: Ecosystem, text: str) -> None:
    assert service_iris(text) == []
    assert list(store_eco.query(text)) == []


def test_allow_service_lets_the_request_go(eco: Ecosystem, listener: tuple[str, list[str]], tmp_path: Path) -> None:
    url, seen = listener
    path = tmp_path / "remote.rq"
    path.write_text(_service_query(url), encoding="utf-8")
    rows = list(run_query(eco, get_query(str(path)), allow_service=True))
    assert rows == [] and len(seen) >= 1  # rdflib's engine asked the listener: the option is what lets it


def test_a_query_rdflib_cannot_parse_is_checked_on_its_tokens(listener: tuple[str, list[str]]) -> None:
    url, seen = listener
    # 'LATERAL' is Oxigraph's extension, unknown to rdflib's parser: the token check still finds the SERVICE.
    text = f"SELECT * WHERE {{ ?s a ez:Network LATERAL {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}"
    assert service_iris(text)
    loaded = ecosysteem.load(store="oxigraph", defaults=False)
    try:
        with pytest.raises(QueryRefused):
            loaded.query(text)
    finally:
        loaded.close()
    assert seen == []
