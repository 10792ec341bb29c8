"""GraphML and GEXF: the collaboration graph for Gephi, Cytoscape, yEd and networkx, with labels and metrics.

Both are written as a stream of text: the same documents networkx's ``write_graphml`` and ``write_gexf`` make of
the graph (``tests/test_exchange.py`` compares them byte for byte), without building an ElementTree of every node
and value first, which was half the cost of the GraphML export on a national graph.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import networkx as nx

from ecosysteem._files import atomic_file
from ecosysteem.graph import Ecosystem
from ecosysteem.io._common import Projection, exchange_graph

__all__ = ["gexf_lines", "graphml_lines", "to_gexf", "to_graphml", "write_gexf", "write_graphml"]

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
    seen: set[tuple[str, tuple[Any, ...], tuple[type, ...]]] = set()
    for scope, rows in scopes:
        for data in rows:
            shape = (scope, tuple(data), tuple(map(type, data.values())))
            if shape in seen:
                continue  # the same names and types as an element before: no new key
            seen.add(shape)
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


_GEXF_HEAD = (
    "<?xml version='1.0' encoding='utf-8'?>\n"
    '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">\n'
)
_GEXF_OWN = {"node": ("label",), "edge": ("weight",)}
"""The attributes GEXF holds on the element itself rather than as attribute values."""
_GEXF_SPECIAL = {
    "node": {"id", "pid", "start", "end", "viz", "parents", "spells", "slices", "key"},
    "edge": {"id", "label", "type", "start", "end", "viz", "spells", "slices", "key"},
}
"""The attributes networkx's GEXF writer gives a meaning of its own (this writer refuses them)."""


def _gexf_attributes(G: nx.Graph) -> dict[tuple[str, str], tuple[str, str]]:
    """The attribute declarations ``(class, title) → (id, type)``, numbered as networkx numbers them."""
    found: dict[tuple[str, str], tuple[str, str]] = {}
    rows: list[tuple[str, Iterable[dict[str, Any]]]] = [
        ("node", (data for _node, data in G.nodes(data=True))),
        ("edge", (data for _a, _b, data in G.edges(data=True))),
    ]
    for scope, datas in rows:
        for data in datas:
            for name, value in data.items():
                if name in _GEXF_OWN[scope]:
                    continue
                if name in _GEXF_SPECIAL[scope] or not isinstance(name, str):
                    raise TypeError(f"GEXF: attribute {name!r} has a meaning of its own; this writer does not write it")
                if (scope, name) not in found:
                    found[scope, name] = (str(len(found)), _graphml_type(name, value))
    return found


def _gexf_value(value: object) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    text = str(value)
    return {"inf": "INF", "nan": "NaN", "-inf": "-INF"}.get(text, text) if isinstance(value, float) else text


def _gexf_element(tag: str, attributes: str, data: dict[str, Any], ids: dict[str, str]) -> str:
    values = [(ids[name], value) for name, value in data.items() if name in ids]
    if not values:
        return f"      <{tag} {attributes} />\n"
    lines = [f"      <{tag} {attributes}>\n        <attvalues>\n"]
    lines += [f'          <attvalue for="{key}" value="{_attribute(_gexf_value(v))}" />\n' for key, v in values]
    lines.append(f"        </attvalues>\n      </{tag}>\n")
    return "".join(lines)


def _gexf_declarations(attributes: dict[tuple[str, str], tuple[str, str]]) -> Iterator[str]:
    for scope in ("edge", "node"):  # networkx inserts each class's block first when it makes it: edges end on top
        declared = [(title, key, kind) for (cls, title), (key, kind) in attributes.items() if cls == scope]
        if declared:
            yield f'    <attributes mode="static" class="{scope}">\n'
            for title, key, kind in declared:
                yield f'      <attribute id="{key}" title="{_attribute(title)}" type="{kind}" />\n'
            yield "    </attributes>\n"


def gexf_lines(G: nx.Graph) -> Iterator[str]:
    """Yield ``G`` as GEXF 1.2 text, one element at a time: what ``networkx.write_gexf(G, prettyprint=True)`` writes.

    Only the writer's ``<meta>`` differs (``ecosysteem`` is the creator). Attribute values are ``str``, ``int``,
    ``float`` or ``bool``; a node's ``label`` and an edge's ``weight`` go on the element, as GEXF wants them; the
    attributes GEXF gives a meaning of its own (``id``, ``start``, ``viz`` …) are refused. Characters XML cannot
    hold become U+FFFD.

    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_edge("a", "b", weight=2)
    >>> print("".join(gexf_lines(G)).splitlines()[11])
          <edge source="a" target="b" id="0" weight="2" />
    """
    attributes = _gexf_attributes(G)
    node_ids = {title: key for (scope, title), (key, _kind) in attributes.items() if scope == "node"}
    edge_ids = {title: key for (scope, title), (key, _kind) in attributes.items() if scope == "edge"}
    yield _GEXF_HEAD
    yield f'  <meta lastmodifieddate="{time.strftime("%Y-%m-%d")}">\n    <creator>ecosysteem</creator>\n  </meta>\n'
    direction = "directed" if G.is_directed() else "undirected"
    yield f'  <graph defaultedgetype="{direction}" mode="static" name="{_attribute(G.graph.get("name", ""))}">\n'
    yield from _gexf_declarations(attributes)
    yield "    <nodes>\n" if G.number_of_nodes() else "    <nodes />\n"
    for node, data in G.nodes(data=True):
        own = f'id="{_attribute(node)}" label="{_attribute(data.get("label", node))}"'
        yield _gexf_element("node", own, data, node_ids)
    yield "    </nodes>\n" if G.number_of_nodes() else ""
    yield "    <edges>\n" if G.number_of_edges() else "    <edges />\n"
    for number, (a, b, data) in enumerate(G.edges(data=True)):
        own = f'source="{_attribute(a)}" target="{_attribute(b)}" id="{number}"'
        if "weight" in data:
            own += f' weight="{_attribute(data["weight"])}"'
        yield _gexf_element("edge", own, data, edge_ids)
    yield "    </edges>\n" if G.number_of_edges() else ""
    yield "  </graph>\n</gexf>\n"


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
    return "".join(gexf_lines(exchange_graph(eco, projection)))


def write_graphml(eco: Ecosystem, path: str | Path, projection: Projection = "collaboration") -> Path:
    """Write :func:`to_graphml` to ``path`` atomically (as a stream) and return the path."""
    G = exchange_graph(eco, projection)
    with atomic_file(path) as handle:
        handle.writelines(graphml_lines(G))
    return Path(path)


def write_gexf(eco: Ecosystem, path: str | Path, projection: Projection = "collaboration") -> Path:
    """Write :func:`to_gexf` to ``path`` atomically (as a stream) and return the path."""
    G = exchange_graph(eco, projection)
    with atomic_file(path) as handle:
        handle.writelines(gexf_lines(G))
    return Path(path)
