"""The analysis layer: named SPARQL queries, the collaboration-gap catalogue and network analytics.

>>> from ecosysteem.analysis import find_gaps, collaboration_graph, articulation_points
>>> eco = ecosysteem.load()
>>> any(f.status == "gap" for f in find_gaps(eco))
True
"""

from __future__ import annotations

from ecosysteem.analysis.compare import Cell, ComparisonMatrix, comparison_matrix
from ecosysteem.analysis.gaps import GAP_TYPES, Finding, GapType, Severity, Status, find_gaps, gap_types, summary_line
from ecosysteem.analysis.metrics import (
    WeakLinks,
    articulation_points,
    articulation_splits,
    bridges,
    brokers,
    centrality,
    communities,
    density_by,
    freeman_centralisation,
    isolates,
    weak_links,
    weak_links_of_edges,
)
from ecosysteem.analysis.network import (
    bipartite_graph,
    collaboration_graph,
    collaboration_links,
    level_graph,
    reaches_national,
)
from ecosysteem.analysis.queries import (
    NamedQuery,
    Parameter,
    get_query,
    list_queries,
    load_query_file,
    query_strings,
    run_query,
)
from ecosysteem.analysis.scope import Scope

__all__ = [
    "GAP_TYPES",
    "Cell",
    "ComparisonMatrix",
    "Finding",
    "GapType",
    "NamedQuery",
    "Parameter",
    "Scope",
    "Severity",
    "Status",
    "WeakLinks",
    "articulation_points",
    "articulation_splits",
    "bipartite_graph",
    "bridges",
    "brokers",
    "centrality",
    "collaboration_graph",
    "collaboration_links",
    "communities",
    "comparison_matrix",
    "density_by",
    "find_gaps",
    "freeman_centralisation",
    "gap_types",
    "get_query",
    "isolates",
    "level_graph",
    "list_queries",
    "load_query_file",
    "query_strings",
    "reaches_national",
    "run_query",
    "summary_line",
    "weak_links",
    "weak_links_of_edges",
]
