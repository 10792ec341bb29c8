"""A real SPARQL endpoint: the Oxigraph server from the ``oxigraph`` package, started on 127.0.0.1 for these tests.

Also small stand-in servers (in a thread) for what a real server will not do on demand: answer too slowly,
fail with HTTP 500, or echo the credentials it was sent.
"""

from __future__ import annotations

import base64
import contextlib
import json
import logging
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import URIRef

import ecosysteem
from ecosysteem.analysis.gaps import Finding, Status, find_gaps
from ecosysteem.errors import DataError, EcosysteemError, ParseError, QueryError
from ecosysteem.graph import Ecosystem, open_store
from ecosysteem.graph.stores.sparql import SparqlStore
from localservers import free_port, serving, stop, wait_for_port

REFERENCE_DATE = "2026-01-01"
EX = "https://example.org/"


def _oxigraph_binary() -> str | None:
    return shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Start ``oxigraph serve`` on a free port with a temporary directory; yield its query URL; stop it."""
    binary = _oxigraph_binary()
    if binary is None:
        pytest.skip("the Oxigraph server binary is not installed (pip install oxigraph)")
    port = free_port()
    location = tmp_path_factory.mktemp("oxigraph-server")
    log = location.parent / f"{location.name}.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
            stdout=output,
            stderr=output,
        )
    try:
        wait_for_port(port, process, log, "the Oxigraph server", seconds=20)
        yield f"http://127.0.0.1:{port}/query"
    finally:
        stop(process)


@pytest.fixture(scope="module")
def memory_findings() -> list[Finding]:
    return find_gaps(ecosysteem.load(store="memory"), reference_date=REFERENCE_DATE)


@pytest.fixture(scope="module")
def remote(server: str) -> Ecosystem:
    """The default data loaded through ecosysteem into the server."""
    return ecosysteem.load(store=f"sparql:{server}")


def test_same_findings_on_memory_oxigraph_and_the_endpoint(memory_findings: list[Finding], remote: Ecosystem) -> None:
    on_oxigraph = find_gaps(ecosysteem.load(store="oxigraph"), reference_date=REFERENCE_DATE)
    on_endpoint = find_gaps(remote, reference_date=REFERENCE_DATE)
    assert len(memory_findings) > 50 and {f.status for f in memory_findings} == set(Status)  # a real comparison
    assert {f.gap for f in memory_findings} == {f.gap for f in on_endpoint}
    assert on_oxigraph == memory_findings
    assert on_endpoint == memory_findings


def test_the_endpoint_holds_one_graph_per_source(remote: Ecosystem, eco: Ecosystem) -> None:
    assert len(remote) == len(eco)
    assert sorted(remote.store.sources()) == sorted(
        f"https://w3id.org/ecosysteem/graph/file/{f.name}" for f in eco.files
    )
    assert remote.get("network/twente") == eco.get("network/twente")
    again = ecosysteem.load(store=f"sparql:{remote.store.query_url}")  # unchanged files are not sent again
    assert again.skipped == again.files and len(again) == len(eco)


def test_bound_values_and_payloads_on_the_endpoint(remote: Ecosystem) -> None:
    level = URIRef("https://w3id.org/ecosysteem/id/level/regionaal")
    assert len(remote.query("SELECT ?n WHERE { ?n a ez:Network ; ez:level ?level }", level=level)) >= 4
    before = len(remote)
    assert list(remote.query("SELECT ?s WHERE { ?s rdfs:label ?n }", n='"} ; DROP ALL ; SELECT * { ?s ?p ?o')) == []
    assert len(remote) == before


def test_replacing_a_source_is_one_update_and_replaces_it_whole(
    server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store(f"sparql:{server}")
    assert isinstance(store, SparqlStore)
    updates: list[str] = []
    send = store._send_update

    def counting(text: str, *, what: str) -> None:
        updates.append(text)
        send(text, what=what)

    monkeypatch.setattr(store, "_send_update", counting)
    source = tmp_path / "vervang-mij.ttl"
    source.write_text(f"<{EX}a> <{EX}p> <{EX}old1> , <{EX}old2> .\n", encoding="utf-8")
    eco = Ecosystem(store=store).load(source)
    source.write_text(f"<{EX}a> <{EX}p> <{EX}new> .\n", encoding="utf-8")
    eco.load(source)
    assert len(updates) == 2 and updates[1].startswith("DROP SILENT GRAPH")
    objects = {str(r[0]) for r in eco.query(f"SELECT ?o WHERE {{ <{EX}a> <{EX}p> ?o }}")}  # type: ignore[index]
    assert objects == {EX + "new"}
    source.write_text(f"<{EX}a> <{EX}p> <{EX}broken>\n", encoding="utf-8")  # no final dot
    with pytest.raises(ParseError):
        eco.load(source)
    assert len(updates) == 2  # nothing was sent
    assert {str(r[0]) for r in eco.query(f"SELECT ?o WHERE {{ <{EX}a> <{EX}p> ?o }}")} == {EX + "new"}  # type: ignore[index]


def test_a_malformed_query_is_a_clear_error(remote: Ecosystem) -> None:
    with pytest.raises(QueryError, match=r"HTTP 400"):
        remote.query("SELECT ?x WHERE { ?x ")


def test_a_wrong_path_is_a_clear_error(server: str) -> None:
    store = open_store(f"sparql:{server.replace('/query', '/nope')}")
    with pytest.raises(QueryError, match=r"HTTP 404.*check the URL"):
        len(store)


def test_an_unreachable_endpoint_is_a_clear_error() -> None:
    store = open_store(f"sparql:http://127.0.0.1:{free_port()}/query", timeout=5)
    with pytest.raises(QueryError, match="unreachable"):
        store.query("SELECT * WHERE { ?s ?p ?o }")
    with pytest.raises(EcosysteemError, match="unreachable"):
        ecosysteem.load(store=store)


# -- stand-in servers ------------------------------------------------------------------------------------------


class _Handler(BaseHTTPRequestHandler):
    mode = "slow"
    seen: list[str] = []  # noqa: RUF012 - shared on purpose: the test reads what the server received

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        authorization = self.headers.get("Authorization") or ""
        self.seen.append(authorization)
        if self.mode == "slow":
            time.sleep(1.5)
            self._answer(200, json.dumps({"head": {"vars": []}, "results": {"bindings": []}}))
        elif self.mode == "echo":  # a careless server that echoes what it was sent
            secret = base64.b64decode(authorization.split()[-1]).decode() if authorization else ""
            self._answer(401, f"bad credentials: {authorization} ({secret})")
        else:
            self._answer(500, "internal error: the store is on fire")

    def _answer(self, code: int, body: str) -> None:
        data = body.encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/sparql-results+json" if code == 200 else "text/plain")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        with contextlib.suppress(OSError):  # the client may have given up (the timeout test)
            self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:
        return None


@pytest.fixture
def stand_in() -> Iterator[tuple[str, type[_Handler]]]:
    handler = type("Handler", (_Handler,), {"seen": []})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    with serving(httpd) as base:
        yield f"{base}/query", handler


def test_a_query_that_times_out_is_a_clear_error(stand_in: tuple[str, type[_Handler]]) -> None:
    url, handler = stand_in
    handler.mode = "slow"
    store = open_store(f"sparql:{url}", timeout=0.3)
    started = time.monotonic()
    with pytest.raises(QueryError, match=r"did not answer in full within 0.3 s"):
        store.query("SELECT * WHERE { ?s ?p ?o }")
    assert time.monotonic() - started < 1.4


def test_a_server_error_is_a_clear_error(stand_in: tuple[str, type[_Handler]], tmp_path: Path) -> None:
    url, handler = stand_in
    handler.mode = "fail"
    with pytest.raises(QueryError, match=r"HTTP 500.*on fire"):
        open_store(f"sparql:{url}").query("ASK { ?s ?p ?o }")
    source = tmp_path / "a.ttl"
    source.write_text(f"<{EX}a> <{EX}p> <{EX}b> .\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"HTTP 500"):
        open_store(f"sparql:{url}").load_file(source)


def test_credentials_never_show_in_errors_or_logs(
    stand_in: tuple[str, type[_Handler]], caplog: pytest.LogCaptureFixture
) -> None:
    url, handler = stand_in
    handler.mode = "echo"
    password = "Zw0rdvis-geheim!"
    env = {"ECOSYSTEEM_SPARQL_USER": "coordinator", "ECOSYSTEEM_SPARQL_PASSWORD": password}
    caplog.set_level(logging.DEBUG)
    store = open_store(f"sparql:{url}", env=env)
    with pytest.raises(QueryError) as info:
        store.query("ASK { ?s ?p ?o }")
    token = base64.b64encode(f"coordinator:{password}".encode()).decode()
    assert handler.seen == [f"Basic {token}"]  # the credentials were sent …
    text = f"{info.value} {store!r} {caplog.text}"
    assert "HTTP 401" in str(info.value) and "ECOSYSTEEM_SPARQL_USER" in str(info.value)
    assert password not in text and token not in text  # … and never shown


def test_cli_on_the_endpoint(server: str, remote: Ecosystem, memory_findings: list[Finding]) -> None:
    from ecosysteem.cli import cli

    args = ["--store", f"sparql:{server}", "gaps", "--format", "json", "--reference-date", REFERENCE_DATE]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == len(memory_findings)


def test_cli_endpoint_down_is_one_line_and_exit_1() -> None:
    from ecosysteem.cli import cli

    result = CliRunner().invoke(
        cli, ["--lang", "en", "--store", f"sparql:http://127.0.0.1:{free_port()}/query", "info"]
    )
    assert result.exit_code == 1  # the server holding the data failed: a data problem, not a usage error
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "unreachable" in lines[0]


def test_a_large_file_is_loaded_in_chunks_with_its_blank_nodes_whole(server: str, tmp_path: Path) -> None:
    # Servers refuse one large update (Virtuoso: 10 MB, and its SPARQL compiler fails far earlier); a file goes in
    # pieces, blank nodes together in the first, the file's digest last.
    store = SparqlStore(server, chunk_bytes=2_000, env={})
    source = tmp_path / "groot.ttl"
    lines = [f'<{EX}s{i}> <{EX}label> "waarde {i}" .' for i in range(300)]
    lines += [f'<{EX}s{i}> <{EX}note> [ <{EX}text> "notitie {i}" ] .' for i in range(20)]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    sent: list[str] = []
    send = store._send_update

    def counting(text: str, *, what: str) -> None:
        sent.append(what)
        send(text, what=what)

    store._send_update = counting  # type: ignore[method-assign]
    eco = Ecosystem(store=store).load(source)
    assert len(sent) > 5 and sent[-1].endswith(f"(part {len(sent)} of {len(sent)})")
    assert len(eco.query(f"SELECT ?s WHERE {{ ?s <{EX}label> ?v }}")) == 300
    # Twenty notes, each one blank node with its text: none was split into two nodes over two requests.
    rows = eco.query(f"SELECT ?s ?t WHERE {{ ?s <{EX}note> ?n . ?n <{EX}text> ?t }}")
    assert len(rows) == 20
