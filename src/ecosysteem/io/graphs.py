"""GraphML and GEXF: the collaboration graph for Gephi, Cytoscape, yEd and networkx, with labels and metrics.

GraphML is written as a stream of text: the same document networkx's ``write_graphml`` makes of the graph
(``tests/test_exchange.py`` compares them byte for byte), without building an ElementTree of every node and value
first, which was half the cost on a national graph. GEXF is written by networkx.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import networkx as nx

from ecosysteem._files import atomic_file, write_atomic
from ecosysteem.graph import Ecosystem
from ecosysteem.io._common import Projection, exchange_graph

__all__ = ["graphml_lines", "to_gexf", "to_graphml", "write_gexf", "write_graphml"]

_GRAPHML_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}
"""GraphML's ``attr.type`` of each Python type, as networkx names them."""

_HEAD = (
    "<?xml version='1.0' encoding='utf-8'?>\n"
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
    'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
)

# Characters XML 1.0 cannot hold at all, not even as a reference: they become U+FFFD (networkx wrote them as
# they were, which no XML reader accepts).
_NOT_XML = "\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff"
_TEXT_SPECIAL = re.compile(f"[&<>\r{_NOT_XML}]")
_ATTRIBUTE_SPECIAL = re.compile(f'[&<>"\r\n\t{_NOT_XML}]')
_NOT_XML_CHAR = re.compile(f"[{_NOT_XML}]")
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_ATTRIBUTE_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\r": "&#13;", "\n": "&#10;", "\t": "&#09;"}
)


def _text(value: object) -> str:
    """``value`` as XML character data (a carriage return as a reference, so that a reader keeps it)."""
    text = str(value)
    if _TEXT_SPECIAL.search(text) is None:
        return text
    return _NOT_XML_CHAR.sub("\ufffd", text).translate(_TEXT_ESCAPES)


def _attribute(value: object) -> str:
    """``value`` as an XML attribute value in double quotes."""
    text = str(value)
    if _ATTRIBUTE_SPECIAL.search(text) is None:
        return text
    return _NOT_XML_CHAR.sub("\ufffd", text).translate(_ATTRIBUTE_ESCAPES)


def _keys(G: nx.Graph) -> dict[tuple[str, str, str], str]:
    """The GraphML keys ``(name, type, scope) → id``, numbered in the order networkx numbers them."""
    keys: dict[tuple[str, str, str], str] = {}
    scopes: list[tuple[str, Iterable[dict[str, Any]]]] = [
        ("node", (data for _node, data in G.nodes(data=True))),
        ("edge", (data for _a, _b, data in G.edges(data=True))),
    ]
    for scope, rows in scopes:
        for data in rows:
            for name, value in data.items():
                key = (str(name), _graphml_type(name, value), scope)
                if key not in keys:
                    keys[key] = f"d{len(keys)}"
    return keys


def _graphml_type(name: object, value: object) -> str:
    found = _GRAPHML_TYPES.get(type(value))
    if found is None:
        raise TypeError(f"GraphML does not support type {type(value).__name__} (attribute {name!r}) as data values")
    return found


def _element(tag: str, attributes: str, data: dict[str, Any], scope: str, keys: dict[Any, str]) -> str:
    if not data:
        return f"    <{tag} {attributes} />\n"
    lines = [f"    <{tag} {attributes}>\n"]
    for name, value in data.items():
        key = keys[str(name), _GRAPHML_TYPES[type(value)], scope]
        text = _text(value)
        lines.append(f'      <data key="{key}">{text}</data>\n' if text else f'      <data key="{key}" />\n')
    lines.append(f"    </{tag}>\n")
    return "".join(lines)


def graphml_lines(G: nx.Graph) -> Iterator[str]:
    """Yield ``G`` as GraphML text, one element at a time: what ``networkx.write_graphml(G, prettyprint=True)`` writes.

    Attribute values are ``str``, ``int``, ``float`` or ``bool`` (as :func:`~ecosysteem.io.exchange_graph` makes
    them); graph-level attributes are not written. Characters XML cannot hold become U+FFFD.

    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_edge("a", "b & c", weight=2)
    >>> print("".join(graphml_lines(G)).splitlines()[6])
        <edge source="a" target="b &amp; c">
    """
    keys = _keys(G)
    yield _HEAD
    for (name, kind, scope), key in reversed(keys.items()):
        yield f'  <key id="{key}" for="{scope}" attr.name="{_attribute(name)}" attr.type="{kind}" />\n'
    direction = "directed" if G.is_directed() else "undirected"
    if G.number_of_nodes() == 0:
        yield f'  <graph edgedefault="{direction}" />\n</graphml>\n'
        return
    yield f'  <graph edgedefault="{direction}">\n'
    for node, data in G.nodes(data=True):
        yield _element("node", f'id="{_attribute(node)}"', data, "node", keys)
    for a, b, data in G.edges(data=True):
        yield _element("edge", f'source="{_attribute(a)}" target="{_attribute(b)}"', data, "edge", keys)
    yield "  </graph>\n</graphml>\n"


def to_graphml(eco: Ecosystem, projection: Projection = "collaboration") -> str:
    """Return the projection of ``eco`` as GraphML text (attributes as in :func:`exchange_graph`).

    >>> from ecosysteem.graph import load
    >>> to_graphml(load()).startswith("<?xml")
    True
    """
    return "".join(graphml_lines(exchange_graph(eco, projection)))


def to_gexf(eco: Ecosystem, projection: Projection = "collaboration") -> str:
    """Return the projection of ``eco`` as GEXF 1.2 text, Gephi's own format (node ``label`` is the Dutch label).

    >>> from ecosysteem.graph import load
    >>> to_gexf(load()).startswith("<?xml")
    True
    """
    buffer = io.BytesIO()
    nx.write_gexf(exchange_graph(eco, projection), buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue().decode("utf-8")


def write_graphml(eco: Ecosystem, path: str | Path, projection: Projection = "collaboration") -> Path:
    """Write :func:`to_graphml` to ``path`` atomically (as a stream) and return the path."""
    G = exchange_graph(eco, projection)
    with atomic_file(path) as handle:
        handle.writelines(graphml_lines(G))
    return Path(path)


def write_gexf(eco: Ecosystem, path: str | Path, projection: Projection = "collaboration") -> Path:
    """Write :func:`to_gexf` to ``path`` atomically and return the path."""
    return write_atomic(path, to_gexf(eco, projection))
