"""Issue 19 item 4: remote replies are bounded — a total deadline per request and a maximum answer size.

Misbehaving stand-in servers on 127.0.0.1: one drips its answer a byte at a time (the old per-read timeout never
fired), one drips its headers, one streams an endless body (memory grew to 6 GB), one declares a huge body.
Each request ends with a clear error, within the deadline plus a little.
"""

from __future__ import annotations

import contextlib
import socketserver
import threading
import time
from collections.abc import Iterator

import pytest

from ecosysteem.errors import OptionError, QueryError
from ecosysteem.graph import open_store
from ecosysteem.graph.stores.sparql import ENV_MAX_BYTES, ENV_TIMEOUT, SparqlStore
from localservers import serving

HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\nConnection: close\r\n"
START = b'{"head": {"vars": ["s"]}, "results": {"bindings": ['
ROW = b'{"s": {"type": "literal", "value": "' + b"x" * 4000 + b'"}},'


class _Misbehaving(socketserver.BaseRequestHandler):
    mode = ""
    stop = threading.Event()

    def handle(self) -> None:
        self.request.recv(65536)
        with contextlib.suppress(OSError):  # the client hung up: what these tests want
            getattr(self, f"_{self.mode}")()

    def _send_slowly(self, data: bytes) -> None:
        for byte in data:
            if self.stop.is_set():
                return
            self.request.sendall(bytes([byte]))
            time.sleep(0.05)

    def _drip_body(self) -> None:
        self.request.sendall(HEAD + b"\r\n")
        self._send_slowly(START + ROW * 100)

    def _drip_headers(self) -> None:
        self._send_slowly(HEAD + b"X-Padding: " + b"p" * 5000 + b"\r\n\r\n")

    def _endless_body(self) -> None:
        self.request.sendall(HEAD + b"\r\n" + START)
        while not self.stop.is_set():
            self.request.sendall(ROW * 16)

    def _huge_length(self) -> None:
        self.request.sendall(HEAD + b"Content-Length: 99999999999\r\n\r\n" + START)
        self.stop.wait(30)


@pytest.fixture
def misbehaving() -> Iterator[tuple[str, type[_Misbehaving]]]:
    handler = type("Handler", (_Misbehaving,), {"stop": threading.Event()})
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    with serving(server) as base:
        try:
            yield f"{base}/query", handler
        finally:
            handler.stop.set()  # before the shutdown: a handler still dripping ends now


@pytest.mark.parametrize("mode", ["drip_body", "drip_headers"])
def test_a_slow_drip_meets_the_total_deadline(misbehaving: tuple[str, type[_Misbehaving]], mode: str) -> None:
    url, handler = misbehaving
    handler.mode = mode
    store = SparqlStore(url, timeout=1, env={})
    started = time.monotonic()
    with pytest.raises(QueryError, match=rf"did not answer in full within 1 s.*{ENV_TIMEOUT}"):
        store.query("SELECT * WHERE { ?s ?p ?o }")
    # The drip would go on for minutes (a byte every 0.05 s); the request ended near its deadline.
    assert time.monotonic() - started < 5


@pytest.mark.parametrize("mode", ["endless_body", "huge_length"])
def test_a_huge_answer_is_refused_at_the_limit(misbehaving: tuple[str, type[_Misbehaving]], mode: str) -> None:
    url, handler = misbehaving
    handler.mode = mode
    store = SparqlStore(url, timeout=30, max_bytes=1_000_000, env={})
    with pytest.raises(QueryError, match=rf"larger than 1,000,000 bytes.*{ENV_MAX_BYTES}"):
        store.query("SELECT * WHERE { ?s ?p ?o }")


def test_the_limits_come_from_the_environment_or_options() -> None:
    url = "http://127.0.0.1:9/query"
    store = SparqlStore(url, env={ENV_TIMEOUT: "2.5", ENV_MAX_BYTES: "1000"})
    assert (store.timeout, store.max_bytes) == (2.5, 1000)
    assert open_store(f"sparql:{url}", max_bytes=5, env={}).max_bytes == 5  # type: ignore[attr-defined]
    assert SparqlStore(url, env={}).max_bytes == 512 * 1024 * 1024
    with pytest.raises(OptionError, match=ENV_MAX_BYTES):
        SparqlStore(url, env={ENV_MAX_BYTES: "lots"})
    with pytest.raises(OptionError, match="positive"):
        SparqlStore(url, max_bytes=0, env={})
