"""GraphML and GEXF: the collaboration graph for Gephi, Cytoscape, yEd and networkx, with labels and metrics."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx

from ecosysteem._files import write_atomic
from ecosysteem.graph import Ecosystem
from ecosysteem.io._common import Projection, exchange_graph

__all__ = ["to_gexf", "to_graphml", "write_gexf", "write_graphml"]


def _xml(writer: Callable[..., Any], eco: Ecosystem, projection: Projection) -> str:
    buffer = io.BytesIO()
    writer(exchange_graph(eco, projection), buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue().decode("utf-8")


def to_graphml(eco: Ecosystem, projection: Projection = "collaboration") -> str:
    """Return the projection of ``eco`` as GraphML text (attributes as in :func:`exchange_graph`).

    >>> from ecosysteem.graph import load
    >>> to_graphml(load()).startswith("<?xml")
    True
    """
    return _xml(nx.write_graphml, eco, projection)


def to_gexf(eco: Ecosystem, projection: Projection = "collaboration") -> str:
    """Return the projection of ``eco`` as GEXF 1.2 text, Gephi's own format (node ``label`` is the Dutch label).

    >>> from ecosysteem.graph import load
    >>> to_gexf(load()).startswith("<?xml")
    True
    """
    return _xml(nx.write_gexf, eco, projection)


def write_graphml(eco: Ecosystem, path: str | Path, projection: Projection = "collaboration") -> Path:
    """Write :func:`to_graphml` to ``path`` atomically and return the path."""
    return write_atomic(path, to_graphml(eco, projection))


def write_gexf(eco: Ecosystem, path: str | Path, projection: Projection = "collaboration") -> Path:
    """Write :func:`to_gexf` to ``path`` atomically and return the path."""
    return write_atomic(path, to_gexf(eco, projection))
