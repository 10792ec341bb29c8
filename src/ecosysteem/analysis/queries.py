"""Named SPARQL queries: one ``.rq`` file per query, with a header that says what it finds and why.

A query file starts with comment lines of the form ``# key: value`` (continuation lines start with ``#`` and
two spaces), then the SPARQL::

    # title: Netwerken zonder bovenregionale koppeling
    # title_en: Networks not linked to a supra-regional collaboration
    # finds: Regional networks that are member of no supra-regional collaboration.
    # why: The bijenkorf's verbindingsfunctie needs every region connected.
    # source: seed 002 (verbindingsfunctie landelijk – regionaal)
    # param: network iri optional — only this network
    SELECT ...

Parameters are bound with rdflib's ``initBindings`` (and on other engines as a ``VALUES`` block built from
escaped RDF terms), never formatted into the query text.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.query import Result
from rdflib.term import Identifier

from ecosysteem.errors import QueryError, short_message
from ecosysteem.graph import Ecosystem, to_node
from ecosysteem.graph.query_guard import check_query, parsed_query
from ecosysteem.graph.stores import query_errors
from ecosysteem.graph.stores.memory import MemoryStore
from ecosysteem.graph.worker import call_with_timeout, portable_result, rebuilt_result
from ecosysteem.model._fields import _expand_iri
from ecosysteem.resources import package_dir
from ecosysteem.vocab import PREFIXES

__all__ = [
    "NamedQuery",
    "Parameter",
    "get_query",
    "list_queries",
    "load_query_file",
    "query_strings",
    "run_query",
]

_HEADER = re.compile(r"#\s?(\w+):\s?(.*)")
_PARAM = re.compile(r"(\w+)\s+(iri|string|integer|date)(\s+optional)?\s*(?:—|-)\s*(.*)")


@dataclass(frozen=True)
class Parameter:
    """A query parameter: ``name`` is the SPARQL variable it binds; ``kind`` says how a string is read."""

    name: str
    kind: str
    optional: bool
    description: str

    def to_node(self, value: Any) -> Identifier:
        """Turn a user value (string from the CLI, or a Python value) into the RDF term to bind."""
        if isinstance(value, URIRef | Literal):
            return value
        if self.kind == "iri":
            try:
                return URIRef(_expand_iri(str(value)))
            except ValueError as exc:
                raise QueryError(
                    f"parameter {self.name}: {exc}",
                    nl=f"parameter {self.name}: {value!r} is geen IRI (https://…) en geen pad 'soort/naam' "
                    "zoals 'organisation/zgt'",
                ) from None
        if self.kind == "integer":
            try:
                return Literal(int(value))
            except (TypeError, ValueError):
                raise QueryError(
                    f"parameter {self.name}: {value!r} is not a whole number",
                    nl=f"parameter {self.name}: {value!r} is geen geheel getal",
                ) from None
        if self.kind == "date":
            from ecosysteem.vocab import XSD

            text = str(value)
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
                raise QueryError(
                    f"parameter {self.name}: {value!r} is not a date (YYYY-MM-DD)",
                    nl=f"parameter {self.name}: {value!r} is geen datum; schrijf JJJJ-MM-DD",
                )
            return Literal(text, datatype=XSD.date)
        return to_node(str(value))


@dataclass(frozen=True)
class NamedQuery:
    """A SPARQL query with its header: ``name`` (the file name), titles, what it finds, why, parameters."""

    name: str
    text: str
    title: str = ""
    title_en: str = ""
    finds: str = ""
    why: str = ""
    source: str = ""
    parameters: tuple[Parameter, ...] = ()
    path: Path | None = None
    _prepared: list[Query] = field(default_factory=list, repr=False, compare=False)

    @property
    def prepared(self) -> Query:
        """The query parsed once (rdflib), cached."""
        if not self._prepared:
            try:
                self._prepared.append(prepareQuery(self.text, initNs=dict(PREFIXES)))
            except Exception as exc:
                where = self.path or self.name
                why = short_message(exc, 200)
                raise QueryError(
                    f"{where}: the query does not parse ({why})",
                    nl=f"{where}: de query is niet te ontleden ({why}); verbeter de SPARQL",
                ) from None
        return self._prepared[0]

    def bindings(self, values: Mapping[str, Any]) -> dict[str, Identifier]:
        """Check ``values`` against the declared parameters and return the RDF terms to bind."""
        known = {p.name: p for p in self.parameters}
        unknown = sorted(set(values) - set(known))
        if unknown:
            names = ", ".join(known)
            raise QueryError(
                f"query {self.name!r} has no parameter {unknown[0]!r} (its parameters: {names or 'none'})",
                nl=f"query {self.name!r} kent geen parameter {unknown[0]!r} (wel: {names})"
                if names
                else f"query {self.name!r} kent geen parameter {unknown[0]!r}; deze query heeft geen parameters",
            )
        missing = [p.name for p in self.parameters if not p.optional and values.get(p.name) is None]
        if missing:
            raise QueryError(
                f"query {self.name!r} needs parameter {missing[0]!r}",
                nl=f"query {self.name!r} heeft parameter {missing[0]!r} nodig; geef --param {missing[0]}=WAARDE",
            )
        return {name: known[name].to_node(v) for name, v in values.items() if v is not None}


def load_query_file(path: Path | str, text: str | None = None) -> NamedQuery:
    """Read one ``.rq`` file and its header into a :class:`NamedQuery`."""
    path = Path(path)
    if text is None:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise QueryError(
                f"{path}: cannot read it ({exc.strerror})",
                nl=f"{path}: kan het bestand niet lezen ({exc.strerror})",
            ) from None
    meta: dict[str, str] = {}
    params: list[Parameter] = []
    last: str | None = None
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        if line.startswith("#  ") and last:
            meta[last] = f"{meta[last]} {line[1:].strip()}"
            continue
        match = _HEADER.fullmatch(line.rstrip())
        if not match:
            continue
        key, value = match.groups()
        if key == "param":
            pm = _PARAM.fullmatch(value.strip())
            if not pm:
                raise QueryError(
                    f"{path}: bad param line {value!r}; expected 'name kind [optional] — description'",
                    nl=f"{path}: onjuiste param-regel {value!r}; verwacht 'naam soort [optional] — beschrijving'",
                )
            name, kind, optional, description = pm.groups()
            params.append(Parameter(name, kind, bool(optional), description.strip()))
            last = None
        else:
            meta[key] = value.strip()
            last = key
    return NamedQuery(
        name=path.stem,
        text=text,
        title=meta.get("title", ""),
        title_en=meta.get("title_en", ""),
        finds=meta.get("finds", ""),
        why=meta.get("why", ""),
        source=meta.get("source", ""),
        parameters=tuple(params),
        path=path,
    )


_BUILTIN: dict[str, NamedQuery] | None = None
_BUILTIN_LOCK = threading.Lock()


def _builtin() -> dict[str, NamedQuery]:
    # The gap report asks for queries from several threads at once: the catalogue is read whole under a lock and
    # published in one assignment, so no thread ever sees half of it.
    global _BUILTIN
    if _BUILTIN is None:
        with _BUILTIN_LOCK:
            if _BUILTIN is None:
                found = {}
                for entry in sorted(package_dir("queries").iterdir(), key=lambda e: e.name):
                    if entry.name.endswith(".rq"):
                        query = load_query_file(Path(entry.name), entry.read_text(encoding="utf-8"))
                        found[query.name] = query
                _BUILTIN = found
    return _BUILTIN


def list_queries(folders: Iterable[str | Path] = ()) -> list[NamedQuery]:
    """Return the packaged named queries plus the ``.rq`` files in ``folders`` (a user's query wins on name)."""
    found = dict(_builtin())
    for folder in folders:
        path = Path(folder)
        if not path.is_dir():
            raise QueryError(
                f"{path}: not a folder of .rq files", nl=f"{path}: is geen map met .rq-bestanden; geef een map"
            )
        for file in sorted(path.glob("*.rq")):
            query = load_query_file(file)
            found[query.name] = query
    return [found[name] for name in sorted(found)]


def get_query(name_or_path: str | Path, folders: Iterable[str | Path] = ()) -> NamedQuery:
    """Return a named query, or read a ``.rq`` file when given a path to one."""
    text = str(name_or_path)
    if text.endswith(".rq"):
        path = Path(text)
        if not path.is_file():
            raise QueryError(
                f"{path}: no such query file", nl=f"{path}: dit querybestand bestaat niet; controleer de naam"
            )
        return load_query_file(path)
    for query in list_queries(folders):
        if query.name == text:
            return query
    known = ", ".join(q.name for q in list_queries(folders))
    raise QueryError(
        f"unknown query {text!r}; known queries: {known}",
        nl=f"onbekende query {text!r}; bekende query's: {known} (zie ecosysteem query --list)",
    )


def _prepared_for(eco: Ecosystem, named: NamedQuery) -> Query | None:
    # Only rdflib's own engine uses the parsed form; other engines parse the text themselves.
    return named.prepared if eco.store.kind == "memory" else None


def _check(named: NamedQuery, allow_service: bool) -> None:
    # The packaged queries are read-only and call no service (tests/test_queries.py checks every one); parsing
    # them again with rdflib on every run would cost the Oxigraph path its start-up time.
    if _builtin().get(named.name) is named:
        return
    check_query(named.text, parsed_query(named.text), allow_service=allow_service, name=named.name)


def query_strings(
    eco: Ecosystem,
    query: NamedQuery | str,
    *,
    timeout: float | None = None,
    allow_service: bool = False,
    **params: Any,
) -> list[tuple[str | None, ...]]:
    """Run a named SELECT query like :func:`run_query`; return the rows as tuples of plain strings.

    Each value is an IRI, a literal's lexical form or a blank node's identifier; ``None`` where the variable is
    unbound. This is the fast way to read a large result: on Oxigraph no rdflib term is made. ``timeout`` and
    ``allow_service`` work as in :func:`run_query`.

    >>> eco = ecosysteem.load()
    >>> ("https://w3id.org/ecosysteem/id/network/twente",) in query_strings(eco, "networks-with-records")
    True
    """
    named = get_query(query) if isinstance(query, str) else query
    bindings = named.bindings(params)
    _check(named, allow_service)

    def run() -> list[tuple[str | None, ...]]:
        return eco.store.query_strings(named.text, bindings, prepared=_prepared_for(eco, named), name=named.name)

    return run() if timeout is None else call_with_timeout(run, timeout, name=named.name)


def run_query(
    target: Ecosystem | Graph,
    query: NamedQuery | str,
    *,
    timeout: float | None = None,
    allow_service: bool = False,
    **params: Any,
) -> Result:
    """Run a named query (or a :class:`NamedQuery`) on an :class:`Ecosystem` or graph, with bound parameters.

    Every query form works: SELECT (rows), CONSTRUCT and DESCRIBE (``result.graph``), ASK (``result.askAnswer``).
    An update is refused, and so is a query that calls another server (``SERVICE``) unless ``allow_service``
    is true (:class:`~ecosysteem.errors.QueryRefused`). With ``timeout`` (seconds) the query runs in a worker
    process that is stopped when the time is up (:class:`~ecosysteem.errors.QueryTimeout`); without it, it
    runs here and may take as long as it takes.

    >>> eco = ecosysteem.load()
    >>> rows = run_query(eco, "networks-without-supraregion")
    >>> isinstance(len(rows), int)
    True
    >>> run_query(eco, "networks-without-supraregion", timeout=60).type
    'SELECT'
    """
    named = get_query(query) if isinstance(query, str) else query
    bindings = named.bindings(params)
    _check(named, allow_service)
    if isinstance(target, Ecosystem):  # the store's own engine: rdflib, Oxigraph or a SPARQL endpoint
        eco = target

        def run() -> Result:
            return eco.store.query(named.text, bindings, prepared=_prepared_for(eco, named), name=named.name)
    else:
        graph = target

        def run() -> Result:
            with query_errors(named.name, MemoryStore.query_failures):  # what the memory store says for rdflib
                return graph.query(named.prepared, initBindings=bindings)

    if timeout is None:
        return run()
    return rebuilt_result(call_with_timeout(lambda: portable_result(run()), timeout, name=named.name))
