"""The default store: rdflib's in-memory graph, with rdflib's SPARQL engine. Zero set-up; for small graphs."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.plugins.sparql.sparql import Query
from rdflib.query import Result
from rdflib.term import Identifier

from ecosysteem.errors import QueryError
from ecosysteem.graph.convert import bind_prefixes
from ecosysteem.graph.load import parse_file
from ecosysteem.graph.stores._base import Store, Triple
from ecosysteem.vocab import PREFIXES

__all__ = ["MemoryStore"]


class MemoryStore(Store):
    """rdflib's in-memory :class:`~rdflib.Graph`: one graph, no named graphs, nothing persisted.

    >>> store = MemoryStore()
    >>> len(store), store.kind
    (0, 'memory')
    """

    kind = "memory"

    def __init__(self, graph: Graph | None = None) -> None:
        self._graph = bind_prefixes(graph if graph is not None else Graph())

    @property
    def graph(self) -> Graph:
        return self._graph

    def query(
        self,
        sparql: str,
        bindings: Mapping[str, Identifier] | None = None,
        *,
        prepared: Query | None = None,
        name: str | None = None,
    ) -> Result:
        try:
            if prepared is not None:
                return self._graph.query(prepared, initBindings=dict(bindings or {}))
            return self._graph.query(sparql, initNs=dict(PREFIXES), initBindings=dict(bindings or {}))
        except QueryError:
            raise
        except Exception as exc:
            raise QueryError.failed(name, exc) from None

    def load_file(self, path: Path, graph: URIRef | None = None, *, digest: str | None = None) -> int:
        return parse_file(self._graph, path)

    def add_triples(self, triples: Iterable[Triple]) -> None:
        for triple in triples:
            self._graph.add(triple)

    def __len__(self) -> int:
        return len(self._graph)
