"""The Oxigraph store: pyoxigraph's Rust engine, in memory or persisted in a directory.

Each source file is one named graph (:func:`~ecosysteem.graph.stores.source_graph`); SPARQL runs on Oxigraph
with the union of all graphs as the default graph, so queries written for one plain graph work unchanged. The
rdflib view (:attr:`OxigraphStore.graph`) goes through oxrdflib's store plugin, showing the same union.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import pyoxigraph as ox
from oxrdflib import OxigraphStore as _OxrdflibStore
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.plugins.sparql.sparql import Query
from rdflib.query import Result
from rdflib.term import Identifier, Node, Variable

from ecosysteem.errors import DataError, ParseError, QueryError, query_named, short_message
from ecosysteem.graph.convert import bind_prefixes
from ecosysteem.graph.load import read_file
from ecosysteem.graph.stores._base import (
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
from ecosysteem.vocab import PREFIXES, XSD

__all__ = ["OxigraphStore", "ntriples", "parse_triples", "to_ox", "to_rdf", "to_result"]

_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "n3": ox.RdfFormat.N3,
    "json-ld": ox.RdfFormat.JSON_LD,
    "xml": ox.RdfFormat.RDF_XML,
}
_XSD_STRING = str(XSD.string)
_OX_DIGEST = ox.NamedNode(str(DIGEST))
_OX_MODELS = ox.NamedNode(str(MODELS_GRAPH))
_RUST_LOADED = frozenset({"nt", "turtle"})
_BULK_BYTES = 10_000_000
"""Files larger than this go into an on-disk store through ``bulk_load``."""
_PREFIXES = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


def to_rdf(term: Any) -> Node:
    """Turn a pyoxigraph term into the rdflib term rdflib's own parser would have made."""
    if isinstance(term, ox.NamedNode):
        # What URIRef(value) returns once it has checked the IRI, without the check: Oxigraph only holds valid
        # IRIs, and the check was most of the cost of reading many terms.
        return str.__new__(URIRef, term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        # rdflib keeps a plain "x" without datatype; Oxigraph reports xsd:string. Same term, same Python value.
        return Literal(term.value) if datatype == _XSD_STRING else Literal(term.value, datatype=URIRef(datatype))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    raise QueryError(
        f"unsupported RDF term from Oxigraph: {term!r}", nl=f"Oxigraph gaf een onbekend RDF-element: {term!r}"
    )


def _memo_to_rdf() -> Callable[[Any], Node]:
    """Return a :func:`to_rdf` that converts each distinct term only once.

    A national graph repeats the same IRIs many times, and conversion, not the scan, is what a bulk read costs.
    """
    terms: dict[Any, Node] = {}

    def convert(term: Any) -> Node:
        found = terms.get(term)
        if found is None:
            found = terms[term] = to_rdf(term)
        return found

    return convert


def to_ox(term: Node) -> Any:
    """Turn an rdflib term into a pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        datatype = ox.NamedNode(str(term.datatype)) if term.datatype is not None else None
        return ox.Literal(str(term), language=term.language or None, datatype=datatype)
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise QueryError(f"cannot use {term!r} in Oxigraph", nl=f"{term!r} kan niet in Oxigraph worden gebruikt")


def _quad(triple: Any, graph: Any) -> Any:
    return ox.Quad(to_ox(triple[0]), to_ox(triple[1]), to_ox(triple[2]), graph)


@dataclass(frozen=True)
class _Answer:
    """A query's answer read whole: ``kind`` (``SELECT``, ``ASK``, ``CONSTRUCT``), the variables, the rows of terms
    (``None`` where unbound; ``(s, p, o)`` for ``CONSTRUCT``) and the boolean of an ``ASK``."""

    kind: str
    variables: list[str]
    rows: list[tuple[Any, ...]]
    boolean: bool = False


def _read_whole(raw: Any) -> _Answer:
    """Read a pyoxigraph query result whole, and let go of it here, whatever happens.

    pyoxigraph refuses to free a result on another thread than the one that made it. A result kept alive by an
    error's traceback (or a reference cycle) is freed by the garbage collector, which may run in any thread: the
    query threads of the gap report and of validation. So no frame but this one ever holds the result.
    """
    item: Any = None
    try:
        if isinstance(raw, ox.QueryBoolean):
            return _Answer("ASK", [], [], bool(raw))
        rows: list[tuple[Any, ...]] = []
        if isinstance(raw, ox.QuerySolutions):
            variables = [v.value for v in raw.variables]
            for item in raw:
                rows.append(tuple(item))
            return _Answer("SELECT", variables, rows)
        for item in raw:
            rows.append((item.subject, item.predicate, item.object))
        return _Answer("CONSTRUCT", [], rows)
    finally:
        del raw
        item = None


def to_result(raw: Any) -> Result:
    """Turn a pyoxigraph query result (or its :class:`_Answer`) into an rdflib :class:`~rdflib.query.Result`."""
    answer = raw if isinstance(raw, _Answer) else _read_whole(raw)
    del raw
    if answer.kind == "ASK":
        result = Result("ASK")
        result.askAnswer = answer.boolean
        return result
    if answer.kind == "SELECT":
        result = Result("SELECT")
        variables = [Variable(v) for v in answer.variables]
        result.vars = variables
        rows: list[Mapping[Variable, Identifier]] = [
            {
                var: cast(Identifier, to_rdf(value))
                for var, value in zip(variables, solution, strict=True)
                if value is not None
            }
            for solution in answer.rows
        ]
        result.bindings = rows
        return result
    result = Result("CONSTRUCT")
    graph = Graph()
    for subject, predicate, obj in answer.rows:
        graph.add((to_rdf(subject), to_rdf(predicate), to_rdf(obj)))
    result.graph = graph
    return result


def parse_triples(path: Path) -> list[Any]:
    """Parse an RDF file with Oxigraph's parser (fast) into a list of :class:`pyoxigraph.Triple`.

    Blank nodes get fresh names, so two files never share one by accident. Raises like
    :func:`~ecosysteem.graph.load.parse_file`: :class:`DataError` or :class:`ParseError` naming the file and line.
    """
    fmt, data = read_file(path)
    try:
        return [
            ox.Triple(q.subject, q.predicate, q.object)
            for q in ox.parse(
                input=data,
                format=_FORMATS[fmt],
                base_iri=path.resolve().as_uri(),
                without_named_graphs=True,
                rename_blank_nodes=True,
            )
        ]
    except SyntaxError as exc:
        raise _parse_error(path, fmt, exc) from None


def _parse_error(path: Path, fmt: str, exc: SyntaxError) -> ParseError:
    return ParseError.invalid(path, fmt, exc.lineno, short_message(exc))


def ntriples(triples: Iterable[Any]) -> str:
    """Serialise pyoxigraph triples as N-Triples (which is also valid inside SPARQL ``INSERT DATA``)."""
    return cast(bytes, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)).decode("utf-8")


class _UnionView(_OxrdflibStore):
    """oxrdflib's store plugin, showing the union of all named graphs as the graph rdflib sees.

    Reads see every graph (a triple in two sources shows once); the source digests are hidden; writes go to
    :data:`MODELS_GRAPH`; removals remove the triple from every graph.
    """

    def __init__(self, store: Any) -> None:
        super().__init__(store=store)
        self._context_graph: Graph | None = None

    def triples(self, triple_pattern: Any, context: Any = None) -> Iterator[Any]:
        s, p, o = triple_pattern
        if p == DIGEST or isinstance(s, Literal) or (p is not None and not isinstance(p, URIRef)):
            return  # nothing can match (Oxigraph refuses such patterns rather than matching nothing)
        try:
            pattern = [None if t is None else to_ox(t) for t in (s, p, o)]
        except QueryError:
            return
        seen: set[tuple[Any, Any, Any]] = set()
        contexts = (self._context,)
        for quad in self._inner.quads_for_pattern(pattern[0], pattern[1], pattern[2], None):
            key = (quad.subject, quad.predicate, quad.object)
            if quad.predicate == _OX_DIGEST or key in seen:
                continue
            seen.add(key)
            yield (to_rdf(quad.subject), to_rdf(quad.predicate), to_rdf(quad.object)), iter(contexts)

    @property
    def _context(self) -> Graph:
        # rdflib wants a context graph per triple; one shared object saves building a Graph per look-up.
        if self._context_graph is None:
            self._context_graph = Graph(store=self, identifier=DATASET_DEFAULT_GRAPH_ID)
        return self._context_graph

    def add(self, triple: Any, context: Any, quoted: bool = False) -> None:
        self._inner.add(_quad(triple, _OX_MODELS))

    def addN(self, quads: Iterable[Any]) -> None:
        self._inner.extend([_quad(q[:3], _OX_MODELS) for q in quads])

    def remove(self, triple_pattern: Any, context: Any = None) -> None:
        pattern = [None if t is None else to_ox(t) for t in triple_pattern]
        for quad in list(self._inner.quads_for_pattern(pattern[0], pattern[1], pattern[2], None)):
            if quad.predicate != _OX_DIGEST:
                self._inner.remove(quad)

    def __len__(self, context: Any = None) -> int:
        rows: Any = self._inner.query(COUNT_TRIPLES, use_default_graph_as_union=True)
        return int(next(iter(rows))[0].value)

    def query(self, query: Any, initNs: Any, initBindings: Any, queryGraph: Any, **kwargs: Any) -> Result:
        if not isinstance(query, str) or kwargs:
            raise NotImplementedError("rdflib's engine answers this one")  # rdflib falls back to its own engine
        answer = _read_whole(
            self._inner.query(
                inject_values(query, initBindings),
                use_default_graph_as_union=True,
                prefixes={**_PREFIXES, **{k: str(v) for k, v in initNs.items()}},
            )
        )
        return to_result(answer)


class OxigraphStore(Store):
    """An Oxigraph store: in memory (``path=None``) or persisted in the directory ``path``.

    A persisted store is reopened instantly; :meth:`sources` says which files it holds (with their SHA-256), and
    :meth:`~ecosysteem.graph.Ecosystem.load` skips a file whose digest is unchanged. Only one process at a time
    can open a directory.

    >>> store = OxigraphStore()
    >>> len(store), store.kind
    (0, 'oxigraph')
    """

    kind = "oxigraph"
    named_graphs = True
    concurrent_queries = True  # pyoxigraph releases the GIL while it evaluates a query
    direct_lookups = True  # a bound pattern costs a few microseconds, with strings only
    query_failures = (SyntaxError, OSError, ValueError, TypeError)

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else None
        try:
            self._ox: Any = ox.Store(str(self.path)) if self.path is not None else ox.Store()
        except OSError as exc:
            message = short_message(exc, 200)
            raise DataError(
                f"{self.path}: cannot open it as an Oxigraph store ({message}); is another process using it?",
                self.path,
                nl=f"{self.path}: kan het niet openen als Oxigraph-opslag ({message}); gebruikt een ander proces het?",
            ) from None
        self._nodes: dict[str, Any] = {}  # predicate IRIs made into pyoxigraph terms once
        self._view = _UnionView(self._ox)
        self._graph = bind_prefixes(Graph(store=self._view, identifier=DATASET_DEFAULT_GRAPH_ID))

    @property
    def graph(self) -> Graph:
        return self._graph

    @property
    def pyoxigraph_store(self) -> Any:
        """The underlying :class:`pyoxigraph.Store`, for anything ecosysteem does not wrap."""
        return self._ox

    def describe(self) -> str:
        return f"oxigraph:{self.path}" if self.path is not None else "oxigraph (in memory)"

    def _query(
        self, sparql: str, bindings: Mapping[str, Identifier], prepared: Query | None, name: str | None
    ) -> Result:
        return to_result(self._run(sparql, bindings))

    def _query_strings(
        self, sparql: str, bindings: Mapping[str, Identifier], prepared: Query | None, name: str | None
    ) -> list[tuple[str | None, ...]]:
        answer = self._run(sparql, bindings)
        if answer.kind != "SELECT":
            what, what_nl = query_named(name)
            raise QueryError(f"{what} is no SELECT query", nl=f"{what_nl} is geen SELECT-query")
        return [tuple(None if value is None else value.value for value in row) for row in answer.rows]

    def _run(self, sparql: str, bindings: Mapping[str, Identifier]) -> _Answer:
        # Oxigraph's own substitutions only take projected variables; a VALUES block binds any variable.
        text = inject_values(sparql, bindings)
        return _read_whole(self._ox.query(text, use_default_graph_as_union=True, prefixes=_PREFIXES))

    def load_file(self, path: Path, graph: URIRef | None = None, *, digest: str | None = None) -> int:
        """Load ``path`` with Oxigraph's own parser and loader, replacing the file's source graph with its triples.

        The file is parsed and stored in Rust, without a Python object per triple. It goes straight into its
        source graph when that graph is empty, and otherwise into a staging graph that replaces it once the whole
        file is in; on an error the staging graph is dropped, so a file with an error changes nothing.
        """
        path = Path(path)
        fmt, data = read_file(path)
        target = ox.NamedNode(str(graph or source_graph(path)))
        staging = ox.NamedNode(target.value + "#staging") if self._has_graph(target) else target
        if staging != target:
            self._ox.remove_graph(staging)
        try:
            if fmt not in _RUST_LOADED:
                # JSON-LD, RDF/XML and N3 can carry what a triple file must not (named graphs, formulae): these go
                # through the checking parser. They are small, hand-written files.
                self._ox.extend([ox.Quad(t.subject, t.predicate, t.object, staging) for t in parse_triples(path)])
            elif self.path is not None and len(data) > _BULK_BYTES:
                # On disk, bulk_load writes new files and skips the transaction log (4x faster on a national
                # graph); it is not atomic itself, so a failure drops what it wrote into the (empty) graph.
                self._ox.bulk_load(input=data, format=_FORMATS[fmt], base_iri=path.resolve().as_uri(), to_graph=staging)
                self._ox.flush()
            else:
                self._ox.load(input=data, format=_FORMATS[fmt], base_iri=path.resolve().as_uri(), to_graph=staging)
        except SyntaxError as exc:
            self._drop(staging)
            raise _parse_error(path, fmt, exc) from None
        except (OSError, ValueError) as exc:
            self._drop(staging)
            raise DataError(
                f"{path}: could not store it in {self.describe()} ({exc})",
                path,
                nl=f"{path}: kon het niet opslaan in {self.describe()} ({exc})",
            ) from None
        if staging != target:
            self._ox.update(f"MOVE GRAPH {sparql_term(URIRef(staging.value))} TO {sparql_term(URIRef(target.value))}")
        self._ox.add(ox.Quad(target, _OX_DIGEST, ox.Literal(digest or file_digest(path)), target))
        rows: Any = self._ox.query(
            f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {sparql_term(URIRef(target.value))} {{ ?s ?p ?o }} }}"
        )
        return int(next(iter(rows))[0].value) - 1  # the digest is not one of the file's triples

    def _has_graph(self, graph: Any) -> bool:
        return next(iter(self._ox.quads_for_pattern(None, None, None, graph)), None) is not None

    def _drop(self, graph: Any) -> None:
        with contextlib.suppress(OSError):  # the store itself failed; the original error says more
            self._ox.remove_graph(graph)

    def add_triples(self, triples: Iterable[Triple]) -> None:
        self._ox.extend([_quad(triple, _OX_MODELS) for triple in triples])

    def subject_objects(self, predicate: URIRef) -> Iterator[tuple[Node, Node]]:
        convert = _memo_to_rdf()
        for quad in self._quads_of(predicate):
            yield convert(quad.subject), convert(quad.object)

    def iri_pairs(self, predicate: URIRef) -> Iterator[tuple[str, str]]:
        named = ox.NamedNode
        for quad in self._quads_of(predicate):
            subject, obj = quad.subject, quad.object
            if type(subject) is named and type(obj) is named:
                yield subject.value, obj.value

    def _node(self, iri: str) -> Any:
        node = self._nodes.get(iri)
        if node is None:
            node = self._nodes[iri] = ox.NamedNode(iri)
        return node

    def iri_objects_of(self, subject: str, predicate: str) -> list[str]:
        named = ox.NamedNode
        quads = self._ox.quads_for_pattern(named(subject), self._node(predicate), None, None)
        return list(dict.fromkeys(o.value for q in quads if type(o := q.object) is named))

    def iri_subjects_of(self, predicate: str, obj: str) -> list[str]:
        named = ox.NamedNode
        quads = self._ox.quads_for_pattern(None, self._node(predicate), named(obj), None)
        return list(dict.fromkeys(s.value for q in quads if type(s := q.subject) is named))

    def literals_of(self, subject: str, predicate: str) -> list[tuple[str, str | None]]:
        node = ox.BlankNode(subject[2:]) if subject.startswith("_:") else ox.NamedNode(subject)
        quads = self._ox.quads_for_pattern(node, self._node(predicate), None, None)
        return list(dict.fromkeys((o.value, o.language) for q in quads if type(o := q.object) is ox.Literal))

    def has_more_than(self, predicate: str, n: int) -> bool:
        quads = self._ox.quads_for_pattern(None, self._node(predicate), None, None)
        return sum(1 for _ in itertools.islice(quads, n + 1)) > n

    def subject_literals(self, predicate: URIRef) -> Iterator[tuple[str, str, str | None]]:
        literal, blank = ox.Literal, ox.BlankNode
        for quad in self._quads_of(predicate):
            obj = quad.object
            if type(obj) is literal:
                subject = quad.subject
                yield ("_:" + subject.value if type(subject) is blank else subject.value), obj.value, obj.language

    def _quads_of(self, predicate: URIRef) -> Iterator[Any]:
        """One scan of the predicate's quads in every graph (a triple in two graphs comes twice)."""
        return cast(Iterator[Any], self._ox.quads_for_pattern(None, ox.NamedNode(str(predicate)), None, None))

    def sources(self) -> dict[str, str]:
        rows: Any = self._ox.query(SOURCES)
        return {row[0].value: row[1].value for row in rows}

    def __len__(self) -> int:
        return len(self._view)

    def close(self) -> None:
        if isinstance(self._ox, _Closed) or self.path is None:
            return  # in memory there is nothing to release (as with rdflib's store); the graph stays usable
        self._ox.flush()
        # Oxigraph releases the directory's lock when the last reference to its store goes.
        closed: Any = _Closed(self.describe())
        self._ox = self._view._store = closed


class _Closed:
    """Stands in for a closed pyoxigraph store: any use is a clear error, not a silently empty store."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attribute: str) -> Any:
        raise DataError(
            f"{self._name} is closed; open it again with ecosysteem.open_store or Ecosystem.open",
            nl=f"{self._name} is gesloten; open het opnieuw met ecosysteem.open_store of Ecosystem.open",
        )
