"""Any SPARQL 1.1 endpoint (Oxigraph server, Jena Fuseki, GraphDB, Virtuoso …) over HTTP, with the standard library.

* **Queries** go to the query URL as an HTML form POST (SPARQL 1.1 Protocol), with one ``default-graph-uri`` per
  source graph ecosysteem loaded, so the default graph is their union on every server, and nothing else the server
  holds leaks in. Bound values are sent as a ``VALUES`` block of strictly escaped terms.
* **Loading** a file sends ``DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> { … } }`` in chunks of about 4 MB
  (servers refuse large requests: Virtuoso at 10 MB), the file's digest last: a source counts (is queried) only
  once it is loaded whole.
* **Truncated answers are detected**: servers cap result sizes silently (Virtuoso's ``ResultSetMaxRows`` in the
  ``[SPARQL]`` section of ``virtuoso.ini``, 10,000 rows as shipped). A SELECT answer of 1,000 rows or more is
  checked against a ``COUNT`` of the same query, and a shortfall is an error that names the setting; the local
  copy of the graph is fetched in pages of the server's cap when the first answer falls short.
* **Bounded replies**: every request has a total deadline (connecting, sending, the headers and the whole body:
  ``timeout``, ``$ECOSYSTEEM_SPARQL_TIMEOUT``, default 60 s) and a maximum answer size (``max_bytes``,
  ``$ECOSYSTEEM_SPARQL_MAX_BYTES``, default 512 MB), so a server that sends one byte a second, or streams without
  end, is stopped with a clear error instead of holding the command or the memory.
* **Credentials** come from ``ECOSYSTEEM_SPARQL_USER`` / ``ECOSYSTEEM_SPARQL_PASSWORD`` (HTTP Basic) or
  ``ECOSYSTEEM_SPARQL_TOKEN`` (Bearer), never from a URL or the command line, and are scrubbed from every message.
* **Python-side access** (:attr:`SparqlStore.graph`) is a local in-memory copy fetched with one ``CONSTRUCT``
  on first use and dropped after every change: the analysis code walks triples in Python, which would be one
  HTTP round trip per call against the endpoint.
"""

from __future__ import annotations

import base64
import contextlib
import http.client
import io
import json
import logging
import os
import re
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

from rdflib import Graph, Literal, URIRef
from rdflib.plugins.sparql.sparql import Query
from rdflib.query import Result
from rdflib.term import Identifier

from ecosysteem.errors import (
    DataError,
    EcosysteemError,
    EndpointError,
    OptionError,
    QueryError,
    query_named,
    short_message,
)
from ecosysteem.graph.convert import bind_prefixes
from ecosysteem.graph.stores._base import (
    _TOKEN,
    COUNT_TRIPLES,
    DIGEST,
    MODELS_GRAPH,
    SOURCES,
    Store,
    Triple,
    file_digest,
    inject_values,
    source_graph,
    sparql_term,
)
from ecosysteem.vocab import PREFIXES

__all__ = [
    "ENV_MAX_BYTES",
    "ENV_PASSWORD",
    "ENV_TIMEOUT",
    "ENV_TOKEN",
    "ENV_UPDATE_URL",
    "ENV_USER",
    "SparqlStore",
]

ENV_UPDATE_URL = "ECOSYSTEEM_SPARQL_UPDATE_URL"
ENV_USER = "ECOSYSTEEM_SPARQL_USER"
ENV_PASSWORD = "ECOSYSTEEM_SPARQL_PASSWORD"
ENV_TOKEN = "ECOSYSTEEM_SPARQL_TOKEN"
ENV_TIMEOUT = "ECOSYSTEEM_SPARQL_TIMEOUT"
ENV_MAX_BYTES = "ECOSYSTEEM_SPARQL_MAX_BYTES"
DEFAULT_MAX_BYTES = 512 * 1024 * 1024
DEFAULT_CHUNK_BYTES = 4 * 1024 * 1024
_CHUNK_TRIPLES = 1000
CHECK_ROWS = 1000
"""A SELECT answer this long or longer is checked against a COUNT of the same query."""
TRUNCATION_SETTING = "on Virtuoso: ResultSetMaxRows in the [SPARQL] section of virtuoso.ini"
_CHUNK = 1 << 16

log = logging.getLogger("ecosysteem.store")

_ACCEPT_QUERY = "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.5"
_ACCEPT_GRAPH = "application/n-triples, text/turtle;q=0.5"


def _is_loopback(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return host in {"localhost", "127.0.0.1", "::1"} or host.startswith("127.")


class _Deadline:
    """Shuts the connections of one request down when its total time is up, wherever the request then waits.

    A socket timeout bounds each read, not the request: a server that sends a byte a second never trips it. A
    timer that shuts the socket down wakes the blocked read instead.
    """

    def __init__(self, seconds: float) -> None:
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def connection_class(self, cls: type[http.client.HTTPConnection]) -> Callable[..., http.client.HTTPConnection]:
        def make(host: str, **kwargs: Any) -> http.client.HTTPConnection:
            connection = cls(host, **kwargs)
            connect = connection.connect

            def connect_and_watch() -> None:
                # urllib drops the connection's reference once the headers are read (the answer keeps the socket
                # open): the socket itself is what must be watched.
                connect()
                self._sockets.append(connection.sock)
                if self.expired:
                    self._expire()

            connection.connect = connect_and_watch  # type: ignore[method-assign]
            return connection

        return make

    def _expire(self) -> None:
        self.expired = True
        for sock in self._sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self._deadline = deadline

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self._deadline.connection_class(http.client.HTTPConnection), req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self._deadline = deadline

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        factory = self._deadline.connection_class(http.client.HTTPSConnection)
        return self.do_open(factory, req, context=self._context)  # type: ignore[attr-defined]


def _opener(url: str, deadline: _Deadline) -> urllib.request.OpenerDirector:
    # Proxies from the environment apply to remote servers; a server on this machine is always reached directly.
    proxies = urllib.request.ProxyHandler({}) if _is_loopback(url) else urllib.request.ProxyHandler()
    return urllib.request.build_opener(proxies, _HTTPHandler(deadline), _HTTPSHandler(deadline))


class _TooLarge(Exception):
    pass


def _read_body(response: http.client.HTTPResponse, limit: int) -> bytes:
    """Read the whole body, but no more than ``limit`` bytes (raise :class:`_TooLarge` past it)."""
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise _TooLarge
    parts: list[bytes] = []
    size = 0
    while chunk := response.read(_CHUNK):
        size += len(chunk)
        if size > limit:
            raise _TooLarge
        parts.append(chunk)
    return b"".join(parts)


def _check_url(url: str, what: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise OptionError(
            f"{what} {_redact_url(url)!r} is not an http(s) URL",
            nl=f"{what} {_redact_url(url)!r} is geen http(s)-URL; geef een adres dat begint met https://",
        )
    if parts.username is not None or parts.password is not None:
        raise OptionError(
            f"{what} {_redact_url(url)!r} contains credentials; put them in {ENV_USER} and {ENV_PASSWORD} "
            f"(or {ENV_TOKEN}) instead, so they never show in a command line or a log",
            nl=f"{what} {_redact_url(url)!r} bevat inloggegevens; zet die in {ENV_USER} en {ENV_PASSWORD} "
            f"(of {ENV_TOKEN}), zodat ze nooit in een opdrachtregel of log verschijnen",
        )
    return url


def _redact_url(url: str) -> str:
    try:
        parts = urlsplit(url)
    except ValueError:
        return "(unreadable URL)"
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


def _default_update_url(query_url: str) -> str:
    # Oxigraph and Fuseki name their endpoints …/query and …/update; others take updates at the same URL.
    parts = urlsplit(query_url)
    if parts.path.endswith("/query"):
        return urlunsplit(parts._replace(path=parts.path[: -len("query")] + "update"))
    return query_url


class SparqlStore(Store):
    """A remote SPARQL 1.1 endpoint.

    Parameters
    ----------
    query_url:
        the query endpoint, e.g. ``http://127.0.0.1:7878/query``.
    update_url:
        the update endpoint; default ``$ECOSYSTEEM_SPARQL_UPDATE_URL``, else the query URL with a final
        ``/query`` replaced by ``/update`` (Oxigraph, Fuseki), else the query URL itself.
    timeout:
        seconds a whole request may take (connecting, sending, the server's work and the whole answer); default
        ``$ECOSYSTEEM_SPARQL_TIMEOUT`` or 60.
    max_bytes:
        the largest answer accepted, in bytes; default ``$ECOSYSTEEM_SPARQL_MAX_BYTES`` or 512 MB.
    chunk_bytes:
        a file is loaded in update requests of about this many bytes (default 4 MB; Virtuoso refuses 10 MB).
    env:
        where credentials are read from (default :data:`os.environ`).

    >>> store = SparqlStore("http://127.0.0.1:7878/query")
    >>> store.update_url
    'http://127.0.0.1:7878/update'
    """

    kind = "sparql"
    concurrent_queries = True  # the endpoint answers requests side by side
    named_graphs = True

    def __init__(
        self,
        query_url: str,
        update_url: str | None = None,
        *,
        timeout: float | None = None,
        max_bytes: int | None = None,
        chunk_bytes: int = DEFAULT_CHUNK_BYTES,
        env: Mapping[str, str] | None = None,
    ) -> None:
        env = os.environ if env is None else env
        self.query_url = _check_url(query_url, "SPARQL query URL")
        self.update_url = _check_url(
            update_url or env.get(ENV_UPDATE_URL) or _default_update_url(query_url), "SPARQL update URL"
        )
        self.timeout = _positive(
            timeout, env.get(ENV_TIMEOUT), ENV_TIMEOUT, 60, ("the SPARQL timeout", "de tijdslimiet voor SPARQL")
        )
        self.max_bytes = int(
            _positive(
                max_bytes,
                env.get(ENV_MAX_BYTES),
                ENV_MAX_BYTES,
                DEFAULT_MAX_BYTES,
                ("the largest SPARQL answer", "het grootste SPARQL-antwoord"),
                whole=True,
            )
        )
        self.chunk_bytes = chunk_bytes
        user, password, token = env.get(ENV_USER), env.get(ENV_PASSWORD), env.get(ENV_TOKEN)
        self._secrets: list[str] = []
        self._authorization: str | None = None
        if token:
            self._authorization = f"Bearer {token}"
            self._secrets.append(token)
        elif user or password:
            basic = base64.b64encode(f"{user or ''}:{password or ''}".encode()).decode("ascii")
            self._authorization = f"Basic {basic}"
            self._secrets += [s for s in (password, basic) if s]
        self._sources: dict[str, str] | None = None
        self._copy: Graph | None = None

    # -- the Store interface ---------------------------------------------------------------------------------

    def describe(self) -> str:
        return f"sparql:{_redact_url(self.query_url)}"

    @property
    def graph(self) -> Graph:
        """A local copy of the union of ecosysteem's graphs, fetched with one CONSTRUCT on first use."""
        if self._copy is None:
            graph = bind_prefixes(Graph())
            self._fetch_into(graph, f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o FILTER(?p != {_DIGEST}) }}")
            expected = len(self)
            if len(graph) < expected:  # the server caps answers: fetch in pages of its cap, in a stable order
                graph = self._paged_copy(len(graph), expected)
            self._copy = graph
        return self._copy

    def _fetch_into(self, graph: Graph, text: str) -> int:
        body, ctype = self._send_query(text, accept=_ACCEPT_GRAPH)
        part = Graph()
        try:
            part.parse(data=body, format="turtle" if ctype == "text/turtle" else "nt")
        except Exception as exc:
            raise EndpointError(
                f"{self.describe()}: could not read the graph it sent ({short_message(exc)})",
                nl=f"{self.describe()}: kon de graaf die het stuurde niet lezen ({short_message(exc)})",
            ) from None
        graph += part
        return len(part)

    def _paged_copy(self, page: int, expected: int) -> Graph:
        graph = bind_prefixes(Graph())
        ordered = f"SELECT DISTINCT ?s ?p ?o WHERE {{ ?s ?p ?o FILTER(?p != {_DIGEST}) }} ORDER BY ?s ?p ?o"
        offset = 0
        while page and len(graph) < expected:
            text = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {{ {ordered} }} }} OFFSET {offset} LIMIT {page}"
            if self._fetch_into(graph, text) < page:
                break
            offset += page
        if len(graph) < expected:
            raise EndpointError(
                f"{self.describe()} sent {len(graph):,} of its {expected:,} triples: the server cuts answers short "
                f"({TRUNCATION_SETTING}; raise it above {expected:,})",
                nl=f"{self.describe()} stuurde {len(graph):,} van zijn {expected:,} triples: de server kapt antwoorden "
                f"af ({TRUNCATION_SETTING}; zet die hoger dan {expected:,})",
            )
        return graph

    def _query(
        self, sparql: str, bindings: Mapping[str, Identifier], prepared: Query | None, name: str | None
    ) -> Result:
        text = self._with_prefixes(inject_values(sparql, bindings))
        # Some servers (Virtuoso) answer a CONSTRUCT with JSON rows of ?s ?p ?o when JSON is acceptable: ask a
        # graph query for a graph format only.
        accept = _ACCEPT_GRAPH if _query_form(text) in {"CONSTRUCT", "DESCRIBE"} else _ACCEPT_QUERY
        body, ctype = self._send_query(text, accept=accept, name=name)
        try:
            if ctype in {"application/sparql-results+json", "application/json"}:
                parsed = Result.parse(source=io.BytesIO(body), format="json")
                if parsed.type == "SELECT" and len(parsed.bindings) >= CHECK_ROWS:
                    self._check_complete(text, len(parsed.bindings), name)
                return parsed
            if ctype in {"application/n-triples", "text/turtle", "text/plain"}:
                result = Result("CONSTRUCT")
                result.graph = Graph().parse(data=body, format="turtle" if ctype == "text/turtle" else "nt")
                return result
        except QueryError:
            raise
        except Exception as exc:
            raise EndpointError(
                f"{self.describe()}: could not read its answer ({short_message(exc)})",
                nl=f"{self.describe()}: kon het antwoord niet lezen ({short_message(exc)})",
            ) from None
        raise EndpointError(
            f"{self.describe()} answered with {ctype!r}, which ecosysteem cannot read",
            nl=f"{self.describe()} antwoordde met {ctype!r}, en dat kan ecosysteem niet lezen",
        )

    def _check_complete(self, text: str, rows: int, name: str | None) -> None:
        """Raise when the server sent fewer rows than the query has (it caps answers without saying so)."""
        at = _select_keyword(text)
        if at is None:
            return
        counting = f"{text[:at]}SELECT (COUNT(*) AS ?ecosysteem_rows) WHERE {{ {text[at:]}\n}}"
        body, _ctype = self._send_query(counting, accept="application/sparql-results+json", name=name)
        try:
            total = int(json.loads(body)["results"]["bindings"][0]["ecosysteem_rows"]["value"])
        except (ValueError, KeyError, TypeError, IndexError):
            return  # no count to compare with: the answer stands as it came
        if total > rows:
            what, what_nl = query_named(name)
            shown = _redact_url(self.query_url)
            raise EndpointError(
                f"{what}: the SPARQL endpoint {shown} sent {rows:,} rows but counts {total:,}: "
                f"the server cuts answers short ({TRUNCATION_SETTING}; raise it above {total:,}) or evaluates the "
                "query inconsistently, and ecosysteem will not work on part of an answer",
                nl=f"{what_nl}: het SPARQL-endpoint {shown} stuurde {rows:,} rijen maar telt er {total:,}: de server "
                f"kapt antwoorden af ({TRUNCATION_SETTING}; zet die hoger dan {total:,}) of rekent de query niet "
                "consequent uit, en ecosysteem werkt niet met een half antwoord",
            )

    def load_file(self, path: Path, graph: URIRef | None = None, *, digest: str | None = None) -> int:
        """Parse ``path`` locally, then replace its source graph on the server, in chunks of a few MB.

        The first request drops the old graph, the last one writes the file's digest: until then the new graph is
        not one of :meth:`sources`, so no query sees a half-loaded file (a failed load leaves the source out,
        and the next load replaces it). Servers refuse large requests (Virtuoso: 10 MB), hence the chunks.
        """
        from ecosysteem.graph.stores.oxigraph import parse_triples

        path = Path(path)
        parsed = parse_triples(path)  # Oxigraph's parser: many times faster than rdflib's on large files
        target = graph or source_graph(path)
        digest = digest or file_digest(path)
        g = sparql_term(target)
        stamp = f"{g} {sparql_term(DIGEST)} {sparql_term(Literal(digest))} ."
        chunks = _chunks(parsed, self.chunk_bytes)
        for number, lines in enumerate(chunks, start=1):
            drop = f"DROP SILENT GRAPH {g} ;\n" if number == 1 else ""
            last = stamp if number == len(chunks) else ""
            what = str(path) if len(chunks) == 1 else f"{path} (part {number} of {len(chunks)})"
            self._send_update(f"{drop}INSERT DATA {{ GRAPH {g} {{\n{lines}\n{last}\n}} }}", what=what)
        self._changed()
        return len(parsed)

    def add_triples(self, triples: Iterable[Triple]) -> None:
        graph = Graph()
        for triple in triples:
            graph.add(triple)
        if not len(graph):
            return
        lines = graph.serialize(format="nt", encoding="utf-8").decode("utf-8")
        self._send_update(f"INSERT DATA {{ GRAPH {sparql_term(MODELS_GRAPH)} {{\n{lines}\n}} }}", what="added models")
        self._changed()

    def sources(self) -> dict[str, str]:
        if self._sources is None:
            body, _ctype = self._send_query(SOURCES, accept="application/sparql-results+json", dataset=False)
            try:
                rows = json.loads(body)["results"]["bindings"]
                self._sources = {row["g"]["value"]: row["d"]["value"] for row in rows}
            except (ValueError, KeyError, TypeError) as exc:
                raise EndpointError(
                    f"{self.describe()}: could not read its list of graphs ({short_message(exc)})",
                    nl=f"{self.describe()}: kon de lijst van grafen niet lezen ({short_message(exc)})",
                ) from None
        return dict(self._sources)

    def __len__(self) -> int:
        body, _ctype = self._send_query(COUNT_TRIPLES, accept="application/sparql-results+json")
        try:
            return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])
        except (ValueError, KeyError, TypeError, IndexError) as exc:
            raise EndpointError(
                f"{self.describe()}: could not read the triple count ({short_message(exc)})",
                nl=f"{self.describe()}: kon het aantal triples niet lezen ({short_message(exc)})",
            ) from None

    # -- HTTP ------------------------------------------------------------------------------------------------

    def _changed(self) -> None:
        self._sources = None
        self._copy = None

    def _dataset(self) -> list[str]:
        return [*sorted(self.sources()), str(MODELS_GRAPH)]

    @staticmethod
    def _with_prefixes(text: str) -> str:
        # The server does not know ecosysteem's prefixes; declare the ones the query does not declare itself.
        declared = {m.lower() for m in re.findall(r"(?i)\bPREFIX\s+([A-Za-z0-9_.-]*):", text)}
        lines = [f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items() if p.lower() not in declared]
        return "\n".join([*lines, text])

    def _send_query(
        self, text: str, *, accept: str, name: str | None = None, dataset: bool = True
    ) -> tuple[bytes, str]:
        fields = [("query", text)]
        if dataset:
            fields += [("default-graph-uri", g) for g in self._dataset()]
        data = urlencode(fields).encode("utf-8")
        return self._post(
            self.query_url, data, "application/x-www-form-urlencoded", accept, query_named(name), EndpointError
        )

    def _send_update(self, text: str, *, what: str) -> None:
        loading = (f"loading {what}", f"{what} laden")
        self._post(self.update_url, text.encode("utf-8"), "application/sparql-update", "*/*", loading, DataError)

    def _post(
        self,
        url: str,
        data: bytes,
        content_type: str,
        accept: str,
        what: tuple[str, str],
        error: type[EcosysteemError],
    ) -> tuple[bytes, str]:
        request = urllib.request.Request(url, data=data, method="POST")
        request.add_header("Content-Type", content_type)
        request.add_header("Accept", accept)
        if self._authorization:
            # Unredirected: a redirect to another host never receives the credentials.
            request.add_unredirected_header("Authorization", self._authorization)
        shown = _redact_url(url)
        started = time.perf_counter()
        with _Deadline(self.timeout) as deadline:
            try:
                with _opener(url, deadline).open(request, timeout=self.timeout) as response:
                    body = _read_body(response, self.max_bytes)
                    ctype = response.headers.get_content_type()
            except _TooLarge:
                raise _error(error, self._too_large_message(what, shown)) from None
            except urllib.error.HTTPError as exc:
                log.debug("POST %s -> HTTP %s in %.3f s", shown, exc.code, time.perf_counter() - started)
                raise _error(error, self._http_error_message(exc, what, shown)) from None
            except (http.client.HTTPException, OSError) as exc:
                raise _error(error, self._failure_message(exc, what, shown, expired=deadline.expired)) from None
            if deadline.expired:  # the shut-down socket read as the end of the answer: it is cut short
                raise _error(error, self._timeout_message(what, shown))
        log.debug("POST %s -> %d bytes in %.3f s", shown, len(body), time.perf_counter() - started)
        return body, ctype

    def _http_error_message(self, exc: urllib.error.HTTPError, what: tuple[str, str], shown: str) -> _Message:
        detail = self._scrub(_error_text(exc))
        hint = hint_nl = ""
        if exc.code in {401, 403}:
            hint = f"; check {ENV_USER}/{ENV_PASSWORD} (or {ENV_TOKEN})"
            hint_nl = f"; controleer {ENV_USER}/{ENV_PASSWORD} (of {ENV_TOKEN})"
        elif exc.code == 404:
            hint, hint_nl = "; check the URL", "; controleer de URL"
        answered = f"HTTP {exc.code} {self._scrub(str(exc.reason))}{': ' + detail if detail else ''}"
        return (
            f"{what[0]}: the SPARQL endpoint {shown} answered {answered}{hint}",
            f"{what[1]}: het SPARQL-endpoint {shown} antwoordde {answered}{hint_nl}",
        )

    def _failure_message(self, exc: BaseException, what: tuple[str, str], shown: str, *, expired: bool) -> _Message:
        reason_exc = exc.reason if isinstance(exc, urllib.error.URLError) else exc
        if expired or isinstance(reason_exc, TimeoutError | socket.timeout):
            return self._timeout_message(what, shown)
        reason = self._scrub(short_message(reason_exc))
        if isinstance(exc, urllib.error.URLError):
            return (
                f"{what[0]}: the SPARQL endpoint {shown} is unreachable ({reason}); check the URL and that the server "
                "runs",
                f"{what[1]}: het SPARQL-endpoint {shown} is onbereikbaar ({reason}); controleer de URL en of de "
                "server draait",
            )
        return (
            f"{what[0]}: the connection to the SPARQL endpoint {shown} failed ({reason})",
            f"{what[1]}: de verbinding met het SPARQL-endpoint {shown} is mislukt ({reason}); "
            "probeer het later opnieuw",
        )

    def _too_large_message(self, what: tuple[str, str], shown: str) -> _Message:
        return (
            f"{what[0]}: the answer of the SPARQL endpoint {shown} is larger than {self.max_bytes:,} bytes and was "
            f"not read further; narrow the query, or allow more with {ENV_MAX_BYTES} (or the max_bytes option)",
            f"{what[1]}: het antwoord van het SPARQL-endpoint {shown} is groter dan {self.max_bytes:,} bytes en is "
            f"niet verder gelezen; maak de query nauwer, of sta meer toe met {ENV_MAX_BYTES} (of de optie max_bytes)",
        )

    def _timeout_message(self, what: tuple[str, str], shown: str) -> _Message:
        return (
            f"{what[0]}: the SPARQL endpoint {shown} did not answer in full within {self.timeout:g} s; "
            f"try again later or allow more time ({ENV_TIMEOUT} or the timeout option)",
            f"{what[1]}: het SPARQL-endpoint {shown} gaf binnen {self.timeout:g} s geen volledig antwoord; "
            f"probeer het later opnieuw of geef meer tijd ({ENV_TIMEOUT} of de optie timeout)",
        )

    def _scrub(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, "***")
        return text


def _chunks(triples: list[Any], size: int) -> list[str]:
    """N-Triples text in pieces of about ``size`` bytes and at most 1,000 triples (Virtuoso's SPARQL compiler runs
    out of memory at about 5,000 lines); every triple with a blank node goes in the first piece.

    A blank node label means one node only within one request: split over two, it would become two nodes.
    """
    from ecosysteem.graph.stores.oxigraph import ntriples

    blank = [t for t in triples if _has_blank(t)]
    rest = [t for t in triples if not _has_blank(t)]
    pieces: list[str] = []
    current: list[str] = [ntriples(blank)] if blank else []
    length = len(current[0]) if current else 0
    for line in ntriples(rest).splitlines(keepends=True):
        if (length + len(line) > size or len(current) >= _CHUNK_TRIPLES) and length:
            pieces.append("".join(current))
            current, length = [], 0
        current.append(line)
        length += len(line)
    pieces.append("".join(current))
    return pieces


_DIGEST = sparql_term(DIGEST)


def _query_form(text: str) -> str:
    """The form of a query (``SELECT``, ``CONSTRUCT``, ``DESCRIBE``, ``ASK``), read past its prologue."""
    for match in _TOKEN.finditer(text):
        if match.lastgroup == "word":
            word = match.group().upper()
            if word not in {"PREFIX", "BASE"} and ":" not in word:
                return word
    return ""


def _select_keyword(text: str) -> int | None:
    """Where the SELECT of a query starts (after its PREFIX and BASE declarations), or ``None``."""
    for match in _TOKEN.finditer(text):
        if match.lastgroup == "word":
            word = match.group().upper()
            if word == "SELECT":
                return match.start()
            if word not in {"PREFIX", "BASE"} and ":" not in word:
                return None
    return None


def _has_blank(triple: Any) -> bool:
    import pyoxigraph as ox

    return isinstance(triple.subject, ox.BlankNode) or isinstance(triple.object, ox.BlankNode)


_Message = tuple[str, str]
"""A message in English and in Dutch: ``(en, nl)``."""


def _error(cls: type[EcosysteemError], message: _Message) -> EcosysteemError:
    return cls(message[0], nl=message[1])


def _positive(
    given: float | None, setting: str | None, variable: str, default: float, what: _Message, *, whole: bool = False
) -> float:
    """The value of an option, else of its environment variable (``setting``), else ``default``; it must be positive.

    Seconds, or with ``whole`` a whole number of bytes; ``what`` names the setting in English and Dutch.
    """
    unit, unit_nl = ("bytes", "bytes") if whole else ("seconds", "seconden")
    if given is None:
        try:
            given = (int if whole else float)(setting or default)
        except ValueError:
            raise OptionError(
                f"{variable} must be a {'whole ' if whole else ''}number of {unit}",
                nl=f"{variable} moet een {'geheel ' if whole else ''}aantal {unit_nl} zijn",
            ) from None
    if given <= 0:
        raise OptionError(
            f"{what[0]} must be a positive number of {unit}, not {given:g}",
            nl=f"{what[1]} moet een positief aantal {unit_nl} zijn, niet {given:g}",
        )
    return given


def _error_text(exc: urllib.error.HTTPError) -> str:
    try:
        raw = exc.read(4096)
    except OSError:
        return ""
    return short_message(raw.decode("utf-8", "replace"))
