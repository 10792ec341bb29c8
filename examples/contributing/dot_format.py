"""An example exchange format, written as CONTRIBUTING.md's second recipe says: one module and one table entry.

Graphviz DOT of the collaboration graph. ``tests/test_contributing.py`` adds :data:`FORMAT` to
``ecosysteem.io.FORMATS`` and exports with ``ecosysteem export --format dot``, as it would a format of the package.
"""

from __future__ import annotations

import json
from pathlib import Path

from ecosysteem._files import write_atomic
from ecosysteem.graph import Ecosystem
from ecosysteem.io import Format, Projection, exchange_graph


def to_dot(eco: Ecosystem, projection: Projection = "collaboration") -> str:
    """The graph in DOT, labels quoted as JSON strings (which DOT reads)."""
    graph = exchange_graph(eco, projection)
    lines = ["graph ecosysteem {"]
    lines += [
        f"  {json.dumps(n)} [label={json.dumps(str(d.get('label', n)))}];" for n, d in sorted(graph.nodes(data=True))
    ]
    lines += [f"  {json.dumps(a)} -- {json.dumps(b)};" for a, b in sorted(graph.edges())]
    return "\n".join([*lines, "}"]) + "\n"


def write_dot(eco: Ecosystem, path: Path, projection: Projection = "collaboration") -> Path:
    """Write :func:`to_dot` to ``path``, atomically."""
    return write_atomic(path, to_dot(eco, projection))


FORMAT = Format(
    "dot", "exchange", "Graphviz DOT: the collaboration graph", write_dot, text=to_dot, uses_projection=True
)
"""The entry for ``ecosysteem.io.FORMATS``."""
