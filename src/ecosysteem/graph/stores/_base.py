"""What every store backend offers, the graph names it uses, and safe SPARQL text for bound values."""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import re
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import ClassVar
from urllib.parse import quote

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.plugins.sparql.sparql import Query
from rdflib.query import Result
from rdflib.term import Identifier, Node

from ecosysteem.errors import DataError, QueryError

__all__ = [
    "COUNT_TRIPLES",
    "DIGEST",
    "GRAPH_BASE",
    "MODELS_GRAPH",
    "SOURCES",
    "Store",
    "file_digest",
    "inject_values",
    "query_errors",
    "source_graph",
    "sparql_term",
]

GRAPH_BASE = "https://w3id.org/ecosysteem/graph/"
"""Base of the named graphs ecosysteem writes into a store."""

MODELS_GRAPH = URIRef(GRAPH_BASE + "models")
"""The named graph that receives what :meth:`Ecosystem.add` adds (models built in Python)."""

DIGEST = URIRef(GRAPH_BASE + "meta#sha256")
"""``<graph> meta:sha256 "…"``, stored inside each source graph: the SHA-256 of the file it was loaded from."""

COUNT_TRIPLES = (
    f"SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?s ?p ?o WHERE {{ ?s ?p ?o FILTER(?p != <{DIGEST}>) }} }}"
)
"""The number of distinct triples in the union of the source graphs (``?n``), the digests not counted."""

SOURCES = f"SELECT ?g ?d WHERE {{ GRAPH ?g {{ ?g <{DIGEST}> ?d }} }}"
"""Each source graph (``?g``) with the SHA-256 of the file it was loaded from (``?d``)."""

Triple = tuple[Node, Node, Node]


def source_graph(path: str | Path) -> URIRef:
    """Return the named graph a source file is loaded into: one per file *name*, so reloading replaces it.

    >>> source_graph("datasets/004-jaarplan-2021-twente.ttl")
    rdflib.term.URIRef('https://w3id.org/ecosysteem/graph/file/004-jaarplan-2021-twente.ttl')
    """
    return URIRef(GRAPH_BASE + "file/" + quote(Path(path).name, safe=""))


def file_digest(path: Path) -> str:
    """Return the SHA-256 of a file's bytes (hex), to tell whether a stored source is up to date."""
    sha = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                sha.update(block)
    except OSError as exc:
        raise DataError.unreadable(path, exc) from None
    return sha.hexdigest()


@contextlib.contextmanager
def query_errors(name: str | None, failures: tuple[type[Exception], ...]) -> Iterator[None]:
    """Turn what a store's engine raises for a query (``failures``) into a :class:`QueryError` that names it."""
    try:
        yield
    except QueryError:
        raise
    except failures as exc:
        raise QueryError.failed(name, exc) from None


class Store(ABC):
    """A place the graph lives: rdflib in memory, Oxigraph (in memory or on disk), or a SPARQL endpoint.

    :class:`~ecosysteem.graph.Ecosystem` talks to its store only through these methods. SPARQL runs on the
    store's own engine; :attr:`graph` is an rdflib view for Python-side triple access (``graph.objects`` …).
    Stores with named graphs keep each source file in its own graph (see :func:`source_graph`) and query the
    union of them as the default graph.
    """

    kind: ClassVar[str] = ""
    """``"memory"``, ``"oxigraph"`` or ``"sparql"``."""

    named_graphs: ClassVar[bool] = False
    """Whether sources live in named graphs (and reloading a source replaces its graph)."""

    direct_lookups: ClassVar[bool] = False
    """Whether one look-up (``iri_objects_of`` …) is cheap enough that a few thousand beat reading a large
    predicate whole: true where the engine answers a bound pattern without making rdflib terms."""

    concurrent_queries: ClassVar[bool] = False
    """Whether queries may run side by side in threads and gain from it (the engine works outside Python's GIL,
    or on another machine). :func:`~ecosysteem.analysis.gaps.find_gaps` then runs its queries in the background
    while it does its Python-side work."""

    @property
    @abstractmethod
    def graph(self) -> Graph:
        """An rdflib graph with every triple, for Python-side access."""

    query_failures: ClassVar[tuple[type[Exception], ...]] = ()
    """What the store's engine raises for a query it cannot run; :meth:`query` turns these into a
    :class:`~ecosysteem.errors.QueryError` that names the query."""

    def query(
        self,
        sparql: str,
        bindings: Mapping[str, Identifier] | None = None,
        *,
        prepared: Query | None = None,
        name: str | None = None,
    ) -> Result:
        """Run a SPARQL query with ``bindings`` (variable name → RDF term) on the store's engine.

        ``prepared`` is the same query already parsed by rdflib (used by the rdflib engine only); ``name``
        names the query in error messages. Raises :class:`~ecosysteem.errors.QueryError`.
        """
        with query_errors(name, self.query_failures):
            return self._query(sparql, bindings or {}, prepared, name)

    @abstractmethod
    def _query(
        self, sparql: str, bindings: Mapping[str, Identifier], prepared: Query | None, name: str | None
    ) -> Result:
        """The store's own evaluation of :meth:`query` (which turns :attr:`query_failures` into errors)."""

    def query_strings(
        self,
        sparql: str,
        bindings: Mapping[str, Identifier] | None = None,
        *,
        prepared: Query | None = None,
        name: str | None = None,
    ) -> list[tuple[str | None, ...]]:
        """Run a SELECT query like :meth:`query`; return each row as plain strings (``None`` where unbound).

        An IRI gives its IRI, a literal its lexical form, a blank node its identifier. Whole-graph analysis
        reads results this way: stores on another engine override :meth:`_query_strings` to make no rdflib term.
        """
        with query_errors(name, self.query_failures):
            return self._query_strings(sparql, bindings or {}, prepared, name)

    def _query_strings(
        self, sparql: str, bindings: Mapping[str, Identifier], prepared: Query | None, name: str | None
    ) -> list[tuple[str | None, ...]]:
        rows = self.query(sparql, bindings, prepared=prepared, name=name)
        return [tuple(None if value is None else str(value) for value in row) for row in rows]  # type: ignore[union-attr]

    @abstractmethod
    def load_file(self, path: Path, graph: URIRef | None = None, *, digest: str | None = None) -> int:
        """Load one RDF file (replacing its source graph where the store has them); return the triples added."""

    @abstractmethod
    def add_triples(self, triples: Iterable[Triple]) -> None:
        """Add triples (into :data:`MODELS_GRAPH` where the store has named graphs)."""

    @abstractmethod
    def __len__(self) -> int:
        """The number of distinct triples."""

    def subject_objects(self, predicate: URIRef) -> Iterator[tuple[Node, Node]]:
        """Every ``(subject, object)`` of the triples with ``predicate``, read in one pass (possibly repeated).

        :class:`~ecosysteem.graph.index.GraphIndex` builds its tables from this; stores whose :attr:`graph` is
        a view on another engine override it with one bulk read.
        """
        return self.graph.subject_objects(predicate)

    def iri_pairs(self, predicate: URIRef) -> Iterator[tuple[str, str]]:
        """Every ``(subject, object)`` of ``predicate`` where both are IRIs, as plain strings (possibly repeated).

        Whole-graph passes read the graph this way: a string costs far less to make than an rdflib term.
        """
        for subject, obj in self.subject_objects(predicate):
            if isinstance(subject, URIRef) and isinstance(obj, URIRef):
                yield str(subject), str(obj)

    def iri_objects_of(self, subject: str, predicate: str) -> list[str]:
        """The distinct IRI objects of ``(subject, predicate, ?)``, as strings; ``subject`` is an IRI."""
        objects = self.graph.objects(URIRef(subject), URIRef(predicate))
        return list(dict.fromkeys(str(o) for o in objects if isinstance(o, URIRef)))

    def iri_subjects_of(self, predicate: str, obj: str) -> list[str]:
        """The distinct IRI subjects of ``(?, predicate, obj)``, as strings; ``obj`` is an IRI."""
        subjects = self.graph.subjects(URIRef(predicate), URIRef(obj))
        return list(dict.fromkeys(str(s) for s in subjects if isinstance(s, URIRef)))

    def literals_of(self, subject: str, predicate: str) -> list[tuple[str, str | None]]:
        """The distinct literal objects of ``(subject, predicate, ?)`` as ``(lexical form, language or None)``.

        ``subject`` is an IRI, or ``_:`` and the identifier of a blank node (as :meth:`subject_literals` gives).
        """
        node = BNode(subject[2:]) if subject.startswith("_:") else URIRef(subject)
        objects = self.graph.objects(node, URIRef(predicate))
        return list(dict.fromkeys((str(o), o.language) for o in objects if isinstance(o, Literal)))

    def has_more_than(self, predicate: str, n: int) -> bool:
        """Whether more than ``n`` triples (counting repeats) have ``predicate``; reads at most ``n + 1``."""
        return sum(1 for _ in itertools.islice(self.graph.triples((None, URIRef(predicate), None)), n + 1)) > n

    def subject_literals(self, predicate: URIRef) -> Iterator[tuple[str, str, str | None]]:
        """Every ``(subject, lexical form, language tag or None)`` of the literal objects of ``predicate``.

        The subject is given as a string: its IRI, or ``_:`` and its identifier for a blank node. Labels are read
        this way: plain strings cost far less to make than rdflib terms.
        """
        for subject, obj in self.subject_objects(predicate):
            if isinstance(obj, Literal):
                yield ("_:" + str(subject) if isinstance(subject, BNode) else str(subject)), str(obj), obj.language

    def sources(self) -> dict[str, str]:
        """Return the source graphs the store holds, each with the SHA-256 of the file it came from."""
        return {}

    def close(self) -> None:  # noqa: B027 - most stores hold nothing to release
        """Release what the store holds open (files, connections). The store is unusable afterwards."""

    def describe(self) -> str:
        """A short description for messages (never with credentials)."""
        return self.kind

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.describe()}>"


_IRI = re.compile(r'[^<>"{}|^`\\\x00-\x20]*')
_LANG = re.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*")
_VARIABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def _iri(text: str) -> str:
    if not _IRI.fullmatch(text):
        raise QueryError(
            f"cannot use {text!r} as an IRI: it contains characters an IRI may not have",
            nl=f"{text!r} kan geen IRI zijn: er staan tekens in die een IRI niet mag bevatten",
        )
    return f"<{text}>"


def _escape(text: str) -> str:
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return "".join(out)


def sparql_term(term: Identifier) -> str:
    """Write an RDF term as SPARQL text, strictly escaped, for a ``VALUES`` block or ``INSERT DATA``.

    IRIs with characters an IRI may not have are refused rather than escaped, so a value can never close the
    IRI and continue the query.

    >>> sparql_term(Literal('x" } ; DROP ALL ; #'))
    '"x\\\\" } ; DROP ALL ; #"'
    >>> sparql_term(URIRef("https://w3id.org/ecosysteem/id/network/twente"))
    '<https://w3id.org/ecosysteem/id/network/twente>'
    """
    if isinstance(term, URIRef):
        return _iri(str(term))
    if isinstance(term, Literal):
        lexical = f'"{_escape(str(term))}"'
        if term.language:
            if not _LANG.fullmatch(term.language):
                raise QueryError(
                    f"cannot use {term.language!r} as a language tag",
                    nl=f"{term.language!r} is geen bruikbare taalcode; gebruik bijv. nl of en",
                )
            return f"{lexical}@{term.language}"
        if term.datatype is not None:
            return f"{lexical}^^{_iri(str(term.datatype))}"
        return lexical
    raise QueryError(
        f"cannot bind {term!r}: only IRIs and literals can be bound on this store",
        nl=f"kan {term!r} niet invullen: in deze opslag kunnen alleen IRI's en letterlijke waarden worden ingevuld",
    )


_TOKEN = re.compile(
    r"""(?P<comment>\#[^\n]*)
      | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
      | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
                   |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
      | (?P<var>[?$][A-Za-z0-9_]+)
      | (?P<word>[A-Za-z_][A-Za-z0-9_.-]*(?::[A-Za-z0-9_.:-]*)?|:[A-Za-z0-9_.:-]*)
      | (?P<open>\{) | (?P<close>\})
      | (?P<other>.)""",
    re.S | re.X,
)


def _where_group(sparql: str) -> int:
    """Return the index of the ``{`` that opens the query's WHERE group (outside strings, IRIs, comments)."""
    form: str | None = None
    depth = 0
    groups_seen = 0
    just_after_construct = False
    for match in _TOKEN.finditer(sparql):
        kind, text = match.lastgroup, match.group()
        if kind == "comment" or text.isspace():
            continue
        if just_after_construct and kind == "word" and text.upper() == "WHERE":
            raise QueryError(
                "bound values cannot be used with the short form CONSTRUCT WHERE { … } here",
                nl="ingevulde waarden werken hier niet met de korte vorm CONSTRUCT WHERE { … }; schrijf de "
                "CONSTRUCT-template uit",
            )
        just_after_construct = False
        if (
            kind == "word"
            and depth == 0
            and form is None
            and text.upper() in {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}
        ):
            form = text.upper()
            just_after_construct = form == "CONSTRUCT"
        elif kind == "open":
            if depth == 0 and form is not None:
                if form != "CONSTRUCT" or groups_seen == 1:
                    return match.start()
                groups_seen += 1
            depth += 1
        elif kind == "close":
            depth -= 1
    raise QueryError(
        "cannot bind values: the query has no WHERE { … } group",
        nl="kan geen waarden invullen: de query heeft geen WHERE { … }-groep",
    )


def inject_values(sparql: str, bindings: Mapping[str, Identifier]) -> str:
    """Return ``sparql`` with ``bindings`` as a ``VALUES`` block at the start of its WHERE group.

    This is how a parameter reaches an engine that has no ``initBindings``: the values are strictly escaped
    RDF terms (see :func:`sparql_term`), never the caller's raw text, and joining them first in the group binds
    the variables for the whole pattern, as rdflib's ``initBindings`` does.

    >>> inject_values("SELECT ?n WHERE { ?n ez:level ?level }", {"level": URIRef("https://e.org/l")})
    'SELECT ?n WHERE { VALUES (?level) { (<https://e.org/l>) } ?n ez:level ?level }'
    """
    if not bindings:
        return sparql
    names = sorted(bindings)
    for name in names:
        if not _VARIABLE.fullmatch(name):
            raise QueryError(
                f"cannot bind {name!r}: not a SPARQL variable name",
                nl=f"kan {name!r} niet invullen: dat is geen naam van een SPARQL-variabele",
            )
    at = _where_group(sparql)
    variables = " ".join(f"?{n}" for n in names)
    values = " ".join(sparql_term(bindings[n]) for n in names)
    return f"{sparql[: at + 1]} VALUES ({variables}) {{ ({values}) }}{sparql[at + 1 :]}"
