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

from pathlib import Path
from typing import Any

from ecosysteem.errors import DataError
from ecosysteem.graph.stores._base import (
    DIGEST,
    GRAPH_BASE,
    MODELS_GRAPH,
    Store,
    file_digest,
    inject_values,
    source_graph,
    sparql_term,
)

__all__ = [
    "DEFAULT_STORE",
    "DIGEST",
    "ENV_STORE",
    "GRAPH_BASE",
    "MODELS_GRAPH",
    "Store",
    "file_digest",
    "inject_values",
    "open_store",
    "source_graph",
    "sparql_term",
]

DEFAULT_STORE = "oxigraph"
"""The store :func:`open_store` opens when none is named: Oxigraph in memory."""

ENV_STORE = "ECOSYSTEEM_STORE"
"""The environment variable the command line reads a store spec from when ``--store`` is not given."""

_KINDS = "memory, oxigraph, oxigraph:PATH, sparql:URL"


def open_store(spec: str | Store | None = None, **options: Any) -> Store:
    """Open the store a spec names (see the table above); a :class:`Store` is returned as it is.

    ``options`` go to the store: ``update_url=``, ``timeout=`` and ``max_bytes=`` for ``sparql:``. Opening a
    persistent store loads nothing: what it holds is there at once.

    Raises :class:`~ecosysteem.errors.DataError` for an unknown spec or a store that cannot be opened.
    """
    if isinstance(spec, Store):
        return spec
    text = (spec or DEFAULT_STORE).strip()
    kind, _, rest = text.partition(":")
    kind = kind.lower()
    if kind == "memory" and not rest:
        _no_options(kind, options)
        from ecosysteem.graph.stores.memory import MemoryStore

        return MemoryStore()
    if kind == "oxigraph":
        _no_options(kind, options)
        from ecosysteem.graph.stores.oxigraph import OxigraphStore

        if not rest:
            return OxigraphStore()
        path = Path(rest).expanduser()
        if path.exists() and not path.is_dir():
            raise DataError(f"{path}: an Oxigraph store is a directory, and this is a file", path)
        return OxigraphStore(path)
    if kind == "sparql" and rest:
        from ecosysteem.graph.stores.sparql import SparqlStore

        unknown = sorted(set(options) - {"update_url", "timeout", "max_bytes", "chunk_bytes", "env"})
        if unknown:
            raise DataError(f"the sparql store has no option {unknown[0]!r} (options: update_url, timeout, max_bytes)")
        return SparqlStore(rest, **options)
    shown = text if kind in {"memory", "oxigraph"} else kind  # never echo a URL: it might hold credentials
    raise DataError(f"unknown store {shown!r}; use one of {_KINDS}")


def _no_options(kind: str, options: dict[str, Any]) -> None:
    if options:
        raise DataError(f"the {kind} store takes no option {sorted(options)[0]!r}")
