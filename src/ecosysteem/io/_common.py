"""What the graph formats share: a flat, attributed networkx projection of the ecosystem."""

from __future__ import annotations

from typing import Any, Literal

import networkx as nx

from ecosysteem._gc import paused_gc
from ecosysteem._iri import short_iri
from ecosysteem.analysis.metrics import centrality
from ecosysteem.analysis.network import bipartite_graph, collaboration_graph
from ecosysteem.graph import Ecosystem
from ecosysteem.graph.convert import model_class_of
from ecosysteem.graph.index import GraphIndex
from ecosysteem.vocab import EZ, RDF

__all__ = ["PROJECTIONS", "Projection", "exchange_graph"]

Projection = Literal["collaboration", "bipartite"]
PROJECTIONS: tuple[str, ...] = ("collaboration", "bipartite")
"""``collaboration``: agents linked when they work together; ``bipartite``: agents and their activities."""


def _class_name(index: GraphIndex, node: str) -> str:
    types = index.iri_objects(node, RDF.type)
    cls = model_class_of(types)
    if cls is not None:
        return cls.__name__
    ours = sorted(t for t in types if t.startswith(str(EZ)))
    return ours[0].rsplit("#", 1)[-1] if ours else ""


_FROM_GRAPH = {"level": EZ.level, "org_type": EZ.organisationType, "line": EZ.lineOfCare}


def _from_graph(index: GraphIndex, node: str, key: str) -> str:
    """A node's level, organisation type or line of care read from the RDF (the bipartite projection lacks them)."""
    values = sorted(index.iri_objects(node, _FROM_GRAPH[key]))
    if not values and key == "line":
        types = sorted(index.iri_objects(node, EZ.organisationType))
        values = sorted(v for t in types[:1] for v in index.iri_objects(t, EZ.lineOfCare))
    return values[0] if values else ""


def exchange_graph(
    eco: Ecosystem, projection: Projection = "collaboration", index: GraphIndex | None = None
) -> nx.Graph:
    """Return a projection of ``eco`` whose node and edge attributes are all plain strings and numbers.

    Gephi, Cytoscape and Kumu read only scalar attributes: lists are joined with ``"; "``, missing values
    become ``""``, and each IRI-valued attribute gets a ``…_label`` companion with its Dutch label.

    Parameters
    ----------
    eco
        The ecosystem to project.
    projection
        ``"collaboration"`` (see :func:`~ecosysteem.analysis.network.collaboration_graph`) or ``"bipartite"``
        (:func:`~ecosysteem.analysis.network.bipartite_graph`: agents and the activities they take part in).

    Returns
    -------
    networkx.Graph
        Node keys are IRIs. Node attributes: ``iri``, ``label`` (nl), ``label_en``, ``kind`` (organisation,
        network, collaboration, group or activity), ``type`` (the model class, e.g. ``Network``), ``level`` and
        ``level_label``, ``org_type`` and ``org_type_label``, ``line`` and ``line_label``, ``networks`` and
        ``network_labels``, ``degree``, ``degree_centrality`` and ``betweenness`` (exact, normalised, from
        :func:`~ecosysteem.analysis.metrics.centrality`). Edge attributes: ``weight``, ``via`` and
        ``via_labels`` (collaboration) or ``role`` (bipartite).

    >>> from ecosysteem.graph import load
    >>> G = exchange_graph(load())
    >>> G.nodes["https://w3id.org/ecosysteem/id/network/twente"]["type"]
    'Network'
    """
    with paused_gc():  # a graph of national size: millions of small objects that all stay alive
        return _exchange_graph(eco, projection, eco.index() if index is None else index)


def _exchange_graph(eco: Ecosystem, projection: Projection, index: GraphIndex) -> nx.Graph:
    if projection == "collaboration":
        source = collaboration_graph(eco, index)
    elif projection == "bipartite":
        source = bipartite_graph(eco, index)
    else:
        raise ValueError(f"unknown projection {projection!r}: use one of {', '.join(PROJECTIONS)}")
    metrics = {row["node"]: row for row in centrality(source)}

    def label(iri: str) -> str:
        return index.label(iri, "nl") if iri else ""

    G = nx.Graph()
    for node, data in source.nodes(data=True):
        networks = list(data.get("networks") or [])
        row = metrics.get(node, {})
        attrs: dict[str, Any] = {
            "iri": node,
            "label": str(data.get("label") or short_iri(node)),
            "label_en": str(data.get("label_en") or data.get("label") or short_iri(node)),
            "kind": str(data.get("kind") or ""),
            "type": _class_name(index, node),
            "networks": "; ".join(short_iri(n) for n in networks),
            "network_labels": "; ".join(label(n) for n in networks),
            "degree": int(row.get("degree", 0)),
            "degree_centrality": float(row.get("degree_centrality", 0.0)),
            "betweenness": float(row.get("betweenness", 0.0)),
        }
        for key in ("level", "org_type", "line"):
            value = str(data.get(key) or (_from_graph(index, node, key) if key not in data else ""))
            attrs[key] = short_iri(value)
            attrs[f"{key}_label"] = label(value)
        G.add_node(node, **attrs)
    for a, b, data in source.edges(data=True):
        attrs = {"weight": int(data.get("weight", 1))}
        if "via" in data:
            attrs["via"] = "; ".join(short_iri(v) for v in data["via"])
            attrs["via_labels"] = "; ".join(label(v) for v in data["via"])
        if "role" in data:
            attrs["role"] = str(data["role"])
        G.add_edge(a, b, **attrs)
    return G
