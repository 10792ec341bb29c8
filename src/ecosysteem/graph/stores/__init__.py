"""Store backends: where the graph lives and which engine answers SPARQL.

========================  ==============================================================================
spec                      store
========================  ==============================================================================
``oxigraph`` (default)    Oxigraph in memory (Rust engine, fast at national scale)
``memory``                rdflib's in-memory graph and SPARQL engine (pure Python; small scripts)
``oxigraph:PATH``         Oxigraph persisted in the directory PATH; reopened instantly
``sparql:URL``            any SPARQL 1.1 endpoint; URL is the query endpoint (see :class:`SparqlStore`)
========================  ==============================================================================

>>> open_store().describe()
'oxigraph (in memory)'
>>> open_store("memory").kind
'memory'
>>> open_store("oxigraph").describe()
'oxigraph (in memory)'
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ecosysteem.errors import OptionError
from ecosysteem.graph.stores._base import (
    DIGEST,
    GRAPH_BASE,
    MODELS_GRAPH,
    Store,
    file_digest,
    inject_values,
    query_errors,
    source_graph,
    sparql_term,
)

__all__ = [
    "DEFAULT_STORE",
    "DIGEST",
    "ENV_STORE",
    "GRAPH_BASE",
    "MODELS_GRAPH",
    "STORE_KINDS",
    "Store",
    "StoreKind",
    "file_digest",
    "inject_values",
    "open_store",
    "query_errors",
    "source_graph",
    "sparql_term",
]

DEFAULT_STORE = "oxigraph"
"""The store :func:`open_store` opens when none is named: Oxigraph in memory."""

ENV_STORE = "ECOSYSTEEM_STORE"
"""The environment variable the command line reads a store spec from when ``--store`` is not given."""


@dataclass(frozen=True)
class StoreKind:
    """One kind of store: how its spec is written, and how to open one from the rest of the spec."""

    usage: str
    """The spec forms, as the error for an unknown store lists them (``oxigraph, oxigraph:PATH``)."""
    open: Callable[[str, dict[str, Any]], Store]
    """Open a store from the text after ``kind:`` (empty when there is none) and the keyword options."""


def _open_memory(rest: str, options: dict[str, Any]) -> Store:
    from ecosysteem.graph.stores.memory import MemoryStore

    _no_options("memory", options)
    if rest:
        raise OptionError(
            "unknown store 'memory:…'; the memory store takes no argument",
            nl="onbekende opslag 'memory:…'; de memory-opslag neemt niets na de dubbele punt",
        )
    return MemoryStore()


def _open_oxigraph(rest: str, options: dict[str, Any]) -> Store:
    from ecosysteem.graph.stores.oxigraph import OxigraphStore

    _no_options("oxigraph", options)
    if not rest:
        return OxigraphStore()
    path = Path(rest).expanduser()
    if path.exists() and not path.is_dir():
        raise OptionError(
            f"{path}: an Oxigraph store is a directory, and this is a file",
            nl=f"{path}: een Oxigraph-opslag is een map, en dit is een bestand; geef een (nieuwe) map",
        )
    return OxigraphStore(path)


def _open_sparql(rest: str, options: dict[str, Any]) -> Store:
    from ecosysteem.graph.stores.sparql import SparqlStore

    if not rest:
        raise OptionError(
            "the sparql store needs a URL: sparql:URL", nl="de sparql-opslag heeft een URL nodig: sparql:URL"
        )
    unknown = sorted(set(options) - {"update_url", "timeout", "max_bytes", "chunk_bytes", "env"})
    if unknown:
        raise OptionError(
            f"the sparql store has no option {unknown[0]!r} (options: update_url, timeout, max_bytes)",
            nl=f"de sparql-opslag kent geen optie {unknown[0]!r} (wel: update_url, timeout, max_bytes)",
        )
    return SparqlStore(rest, **options)


STORE_KINDS: dict[str, StoreKind] = {
    "memory": StoreKind("memory", _open_memory),
    "oxigraph": StoreKind("oxigraph, oxigraph:PATH", _open_oxigraph),
    "sparql": StoreKind("sparql:URL", _open_sparql),
}
"""Every kind of store by the first part of its spec; to add a store, add its module and one entry here."""


def open_store(spec: str | Store | None = None, **options: Any) -> Store:
    """Open the store a spec names (see the table above); a :class:`Store` is returned as it is.

    ``options`` go to the store: ``update_url=``, ``timeout=`` and ``max_bytes=`` for ``sparql:``. Opening a
    persistent store loads nothing: what it holds is there at once.

    Raises :class:`~ecosysteem.errors.OptionError` for an unknown spec, :class:`~ecosysteem.errors.DataError` for a
    store that cannot be opened.
    """
    if isinstance(spec, Store):
        return spec
    text = (spec or DEFAULT_STORE).strip()
    kind, _, rest = text.partition(":")
    found = STORE_KINDS.get(kind.lower())
    if found is None:
        shown = kind if rest else text  # never echo what follows the colon: a URL might hold credentials
        usages = ", ".join(k.usage for k in STORE_KINDS.values())
        raise OptionError(
            f"unknown store {shown!r}; use one of {usages}", nl=f"onbekende opslag {shown!r}; kies uit {usages}"
        )
    return found.open(rest, options)


def _no_options(kind: str, options: dict[str, Any]) -> None:
    if options:
        raise OptionError(
            f"the {kind} store takes no option {sorted(options)[0]!r}",
            nl=f"de {kind}-opslag kent geen optie {sorted(options)[0]!r}",
        )
