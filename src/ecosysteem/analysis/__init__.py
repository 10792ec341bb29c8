"""The analysis layer: named SPARQL queries, the collaboration-gap catalogue and network analytics."""

from __future__ import annotations

from ecosysteem.analysis.queries import (
    NamedQuery,
    Parameter,
    get_query,
    list_queries,
    load_query_file,
    run_query,
)

__all__ = ["NamedQuery", "Parameter", "get_query", "list_queries", "load_query_file", "run_query"]
