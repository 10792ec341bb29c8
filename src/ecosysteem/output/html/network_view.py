"""The ecosystem network view: organisations, networks, collaborations, groups and activities with their relations.

Positions are computed here (no physics in the browser): every node is placed in the cluster of the network it
works in, clusters on a ring, hubs in the middle of their cluster — deterministic and linear in the number of
nodes, so a large graph opens at once. The page colours by kind or level and sizes by degree or betweenness
(switchable), filters by network, level, organisation type and line of care, and has a search box. Above
``max_nodes`` nodes, organisations and activities are collapsed into their networks (the aggregated view).

>>> from ecosysteem.graph.ecosystem import load
>>> G = network_graph(load())
>>> {d["kind"] for _, d in G.nodes(data=True)} >= {"organisation", "network", "activity"}
True
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import URIRef

from ecosysteem.analysis.metrics import centrality
from ecosysteem.analysis.network import AGENT_KINDS, IriView, agent_kind
from ecosysteem.analysis.scope import Scope
from ecosysteem.graph import Ecosystem
from ecosysteem.graph.index import GraphIndex
from ecosysteem.graph.names import normalise_name
from ecosysteem.graph.resolve import resolve
from ecosysteem.output.html._common import LEVEL_COLOURS, describe, legend, link_nodes, sources_of, tooltip
from ecosysteem.output.html._render import check_lang, render_template, write_page
from ecosysteem.output.words import heading, word, words
from ecosysteem.vocab import EZ, PREFIXES, RDF, SKOS

RDFS = PREFIXES["rdfs"]

__all__ = ["KIND_COLOURS", "MAX_NODES", "aggregate_graph", "network_graph", "network_html", "write_network"]

KIND_COLOURS: dict[str, str] = {
    "organisation": "#4e79a7",
    "network": "#3f8f3a",
    "collaboration": "#e8871e",
    "group": "#b07aa1",
    "activity": "#a0a0a0",
    "aggregate": "#76b7b2",
}
"""One colour per kind of node."""

MAX_NODES = 600
"""Above this many nodes the whole-graph view collapses organisations and activities into their networks."""

_NO_LEVEL = "#c7c7c7"
_KIND_WORDS: dict[str, str] = {
    "organisation": "kind_organisation",
    "network": "palliative_network",
    "collaboration": "kind_collaboration",
    "group": "kind_group",
    "activity": "activity",
    "aggregate": "kind_aggregate",
}
"""Each kind of node's word in the catalogue (:mod:`ecosysteem.output.words`)."""


def _kind_word(kind: str, lang: str) -> str:
    key = _KIND_WORDS.get(kind)
    return heading(word(key, lang)) if key else kind


def network_graph(
    eco: Ecosystem,
    *,
    network: str | None = None,
    around: str | None = None,
    depth: int = 1,
    index: GraphIndex | None = None,
) -> nx.Graph:
    """Return the graph the network view draws: agents and activities, with their relations.

    Parameters
    ----------
    eco
        The ecosystem.
    network
        Keep only what works in this network (name, slug or IRI): its organisations, groups, activities, and
        the collaborations it is linked to.
    around
        Keep only the neighbourhood of this agent (name, slug or IRI) ...
    depth
        ... up to this many steps away (at least 1).
    index
        An :meth:`~ecosysteem.graph.Ecosystem.index` of ``eco`` to reuse (one is made when not given).

    Returns
    -------
    networkx.Graph
        Node attributes: ``label``, ``label_en``, ``kind`` (an agent kind or ``"activity"``), ``level``,
        ``org_type``, ``line``, ``networks`` (IRIs). Edge attribute ``relation``: ``lead``, ``responsible``,
        ``participant`` (agent–activity), ``plan`` (activity in a network's plan) or ``member`` (membership
        or group of).
    """
    view = IriView(index if index is not None else eco.index())  # one index for every projection below
    G = _structure(eco, view, network=network, around=around, depth=depth)
    _describe(G, view)
    return G


def _structure(eco: Ecosystem, view: IriView, *, network: str | None, around: str | None, depth: int) -> nx.Graph:
    """The nodes and edges of :func:`network_graph`; nodes carry only their kind and networks (named later).

    Naming every node costs more than the rest of the graph, and the aggregated view names only the networks and
    collaborations it keeps (:func:`_describe`).
    """
    from ecosysteem.errors import QueryError

    if depth < 1:
        raise QueryError(f"depth must be at least 1, not {depth}", nl=f"de diepte moet minstens 1 zijn, niet {depth}")
    G = nx.Graph()
    _add_agents(eco, G, view)
    _add_activities(G, view)
    if network is not None:
        iri = str(resolve(eco, network, "network"))
        keep = {n for n, d in G.nodes(data=True) if iri in d.get("networks", [])} | {iri}
        keep |= set(G.neighbors(iri)) if iri in G else set()
        G = G.subgraph(sorted(keep)).copy()
    if around is not None:
        iri = str(resolve(eco, around, "agent"))
        if iri not in G:
            raise QueryError(
                f"{around!r} has no relations to draw",
                nl=f"{around!r} heeft geen relaties om te tekenen; kies een andere organisatie of samenwerking",
            )
        G = nx.ego_graph(G, iri, radius=depth)
    return G


def _add_agents(eco: Ecosystem, G: nx.Graph, view: IriView) -> None:
    """The agents of the collaboration graph, and the networks and consortia without any relation.

    The agents and links are those of :func:`~ecosysteem.analysis.network.collaboration_graph` (from the same
    :class:`~ecosysteem.analysis.network.IriView`), without its attributes.
    """
    agents, contexts = view.collaborations()
    networks = view.networks_by_agent()
    G.add_nodes_from(
        (node, {"kind": agents[node], "networks": sorted(networks.get(node, ()))}) for node in sorted(agents)
    )
    # Networks and collaborations without any relation are drawn too: being alone is worth seeing.
    g = eco.graph
    for cls in (EZ.Network, EZ.SupraRegionalCollaboration):
        for subject in sorted(g.subjects(RDF.type, cls), key=str):
            iri = str(subject)
            if iri not in G and isinstance(subject, URIRef):
                level = g.value(subject, EZ.level)
                G.add_node(
                    iri,
                    label=eco.label(subject, "nl"),
                    label_en=eco.label(subject, "en"),
                    kind=agent_kind(g, subject),
                    level=str(level) if level is not None else None,
                    org_type=None,
                    line=None,
                    networks=[iri] if cls == EZ.Network else [],
                )
    # Shared activities are drawn through the activity nodes; only memberships and groups are direct edges.
    members = sorted(pair for pair, via in contexts.items() if any("/activity/" not in v for v in via))
    G.add_edges_from((a, b, {"relation": "member"}) for a, b in members)


def _describe(G: nx.Graph, view: IriView) -> None:
    """Name every node of ``G`` not named yet, and give each agent its level, organisation type and line of care."""
    label = view.g.label
    for node, data in G.nodes(data=True):
        if "label" in data:
            continue
        if data.get("kind") == "activity":
            data.update(label=label(node, "nl"), label_en=label(node, "en"))
        elif data.get("kind") in AGENT_KINDS:
            data.update({k: v for k, v in view.attrs(node, data["kind"]).items() if k in _NODE_KEYS})


_NODE_KEYS = ("label", "label_en", "kind", "level", "org_type", "line")


def _add_activities(G: nx.Graph, view: IriView) -> None:
    """The activities, linked to their parties (as :func:`~ecosysteem.analysis.network.bipartite_graph` links
    them) and to the networks whose plans hold them."""
    acts_nets = view.activity_networks()  # the scope rule of network_activities, for every activity
    parties: list[tuple[str, str, str]] = []
    for activity in view.activities():
        G.add_node(
            activity, kind="activity", level=None, org_type=None, line=None, networks=acts_nets.get(activity, [])
        )
        parties += [(p, activity, role) for p, role in view.parties(activity).items() if view.kind(p) is not None]
    G.add_edges_from((party, activity, {"relation": role}) for party, activity, role in sorted(parties))
    for act, nets in acts_nets.items():
        for net in nets:
            if act in G and net in G and not G.has_edge(act, net):
                G.add_edge(act, net, relation="plan")


def aggregate_graph(G: nx.Graph) -> nx.Graph:
    """Collapse organisations, groups and activities into the (first) network they work in.

    Networks and collaborations stay nodes; everything else that works in a network becomes part of that
    network's node (attribute ``members``: how many); what works in no network is kept as is when it is a
    collaboration, else collapsed into one node per kind. Edge attribute ``weight``: the number of original
    edges between the two groups.
    """
    owner: dict[Any, str] = {}
    for node, data in sorted(G.nodes(data=True)):
        kind = data.get("kind")
        nets = data.get("networks") or []
        if kind in {"network", "collaboration"}:
            owner[node] = node
        elif nets:
            owner[node] = nets[0] if nets[0] in G else f"aggregate:{kind}"
        else:
            owner[node] = f"aggregate:{kind}"
    A = nx.Graph()
    members: Counter[str] = Counter(owner.values())
    for node in sorted(set(owner.values())):
        if node in G:
            A.add_node(node, **dict(G.nodes[node]), members=members[node] - 1)
        else:
            kind = node.split(":", 1)[1]
            A.add_node(
                node,
                label="",
                label_en="",
                kind="aggregate",
                of_kind=kind,
                level=None,
                org_type=None,
                line=None,
                networks=[],
                members=members[node],
            )
    weights: Counter[tuple[str, str]] = Counter()
    for source, target in G.edges():
        a, b = sorted((owner[source], owner[target]))
        if a != b:
            weights[a, b] += 1
    for (a, b), weight in sorted(weights.items()):
        A.add_edge(a, b, weight=weight, relation="aggregate")
    return A


def _clusters(G: nx.Graph) -> dict[str, list[Any]]:
    """Each node's cluster: a network's own, the first network it works in, else one per kind (``~kind``)."""
    groups: dict[str, list[Any]] = defaultdict(list)
    for node, data in G.nodes(data=True):
        nets = [n for n in (data.get("networks") or []) if n in G]
        key = node if data.get("kind") == "network" else (nets[0] if nets else f"~{data.get('kind')}")
        groups[str(key)].append(node)
    return groups


def _consortium_of(G: nx.Graph, network: str) -> str:
    """The collaboration a network is a member of (the first by IRI), or ``""``."""
    found = sorted(str(n) for n in G.neighbors(network) if G.nodes[n].get("kind") == "collaboration")
    return found[0] if found else ""


def _spiral(members: list[Any], cx: float, cy: float, spacing: float) -> dict[Any, tuple[float, float]]:
    golden = math.pi * (3 - math.sqrt(5))
    return {
        node: (
            round(cx + spacing * math.sqrt(i) * math.cos(i * golden), 1),
            round(cy + spacing * math.sqrt(i) * math.sin(i * golden), 1),
        )
        for i, node in enumerate(members)
    }


def _ring(radii: list[float], gap: float) -> tuple[float, list[float]]:
    """The radius of a ring that holds circles of ``radii`` side by side, and the angle of each."""
    if not radii:
        return 0.0, []
    if len(radii) == 1:
        return radii[0] + gap, [math.pi / 2]  # beside the consortium's own node, not on it
    circumference = sum(2 * r + gap for r in radii)
    radius = max(circumference / (2 * math.pi), max(radii) + gap)
    angles, at = [], 0.0
    for r in radii:
        share = (2 * r + gap) / circumference * 2 * math.pi
        angles.append(at + share / 2)
        at += share
    return radius, angles


def _layout(G: nx.Graph, spacing: float = 64.0) -> dict[Any, tuple[float, float]]:
    """Networks grouped by consortium: consortia on a ring, their networks around them, members around each network.

    Each network's organisations, groups and activities spiral around it, hubs first; the networks of one
    consortium sit on a small ring around the consortium; the consortia sit on a large ring; what works in no
    network (national parties, collaborations without members) fills the middle. Deterministic.
    """
    groups = _clusters(G)
    degree = dict(G.degree())
    radius = {k: spacing * math.sqrt(len(v)) + spacing / 2 for k, v in groups.items()}
    by_consortium: dict[str, list[str]] = defaultdict(list)
    for key in sorted(groups):
        if not key.startswith("~"):
            by_consortium[_consortium_of(G, key)].append(key)
    positions: dict[Any, tuple[float, float]] = {}
    centres: dict[str, tuple[float, float, float]] = {}
    for consortium, nets in sorted(by_consortium.items()):
        nets.sort(key=lambda k: (-len(groups[k]), k))
        inner, angles = _ring([radius[k] for k in nets], spacing)
        centres[consortium] = (inner, inner + max(radius[k] for k in nets), 0.0)
        for key, angle in zip(nets, angles, strict=True):
            members = sorted(groups[key], key=lambda n: (n != key, -degree.get(n, 0), str(n)))
            positions.update(_spiral(members, inner * math.cos(angle), inner * math.sin(angle), spacing))
    middle = sorted((k for k in groups if k.startswith("~")), key=lambda k: (-len(groups[k]), k))
    rest = [n for k in middle for n in sorted(groups[k], key=lambda n: (-degree.get(n, 0), str(n)))]
    middle_radius = spacing * math.sqrt(len(rest)) + spacing
    order = sorted(centres, key=lambda c: (-centres[c][1], c))
    big, angles = _ring([centres[c][1] for c in order], 2 * spacing)
    big = max(big, middle_radius + max((centres[c][1] for c in order), default=0.0) + spacing)
    for consortium, angle in zip(order, angles, strict=True):
        dx, dy = big * math.cos(angle), big * math.sin(angle)
        for node in [n for k in by_consortium[consortium] for n in groups[k]]:
            x, y = positions[node]
            positions[node] = (round(x + dx, 1), round(y + dy, 1))
        if consortium and consortium in G:
            positions[consortium] = (round(dx, 1), round(dy, 1))
    for node, xy in _spiral([n for n in rest if n not in positions], 0.0, 0.0, spacing).items():
        positions[node] = xy
    return positions


_PRIORITY = {"collaboration": 3, "network": 2, "organisation": 1}
"""Whose label the page keeps when labels would overlap: consortia, then networks, then organisations."""

_NAMES = (SKOS.prefLabel, SKOS.altLabel, EZ.abbreviation, RDFS.label)


def _search_text(eco: Ecosystem, node: str, label: str) -> str:
    """What the search box matches: every name and abbreviation of the node, as written and normalised."""
    names = {label, *(str(v) for p in _NAMES for v in eco.graph.objects(URIRef(node), p))}
    forms = {n.casefold() for n in names} | {normalise_name(n) for n in names}
    return " | ".join(sorted(f for f in forms if f))


def _scaled(values: dict[Any, float], low: float = 8.0, high: float = 42.0) -> dict[Any, float]:
    top = max(values.values(), default=0.0)
    if top <= 0:
        return dict.fromkeys(values, low)
    return {k: round(low + (high - low) * math.sqrt(v / top), 1) for k, v in values.items()}


class _Names:
    """Labels of IRIs in one language, from the index (which reads and caches them)."""

    def __init__(self, index: GraphIndex, lang: str) -> None:
        self.index, self.lang = index, lang

    def __call__(self, iri: str | None) -> str:
        return self.index.label(iri, self.lang) if iri else ""


def _node_label(node: Any, data: dict[str, Any], lang: str, aggregated: bool) -> str:
    kind = str(data.get("kind"))
    if kind == "aggregate":
        of_kind = str(data.get("of_kind"))
        label = f"{_kind_word(of_kind, lang)} ({word('without_network', lang)})"
    else:
        label = str(data.get("label" if lang == "nl" else "label_en") or data.get("label") or node)
    if aggregated and data.get("members"):
        label = f"{label} (+{data['members']})"
    return label


def _node_tip(
    eco: Ecosystem, node: Any, data: dict[str, Any], label: str, name: _Names, measures: tuple[float, float]
) -> str:
    kind, level, lang = str(data.get("kind")), data.get("level"), name.lang
    nets, w = data.get("networks") or [], words(lang)
    details = [
        _kind_word(kind, lang),
        f"{heading(w['level'])}: {name(level)}" if level else "",
        f"{w['org_type']}: {name(data.get('org_type'))}" if data.get("org_type") else "",
        f"{w['line']}: {name(data.get('line'))}" if data.get("line") else "",
        f"{heading(w['network'])}: {', '.join(name(x) for x in nets)}" if nets else "",
        f"{w['degree']}: {int(measures[0])}; {w['betweenness']}: {measures[1]:.3f}",
    ]
    aggregate = kind == "aggregate"
    desc = "" if aggregate else describe(eco, node, lang)
    sources = [] if aggregate else sources_of(eco, node, lang)
    return tooltip(label, details, desc[:400], sources=sources, source_word=w["sources"])


def _edges(G: nx.Graph) -> list[dict[str, Any]]:
    edges = []
    for i, (source, target, data) in enumerate(sorted(G.edges(data=True), key=lambda e: (str(e[0]), str(e[1])))):
        edge: dict[str, Any] = {"id": i, "from": source, "to": target, "arrows": ""}
        if data.get("weight", 1) > 1:
            edge["value"] = data["weight"]
        if data.get("relation") == "member":
            edge["dashes"] = True
        edges.append(edge)
    return edges


def _filters(G: nx.Graph, name: _Names) -> dict[str, list[list[str]]]:
    def options(attr: str) -> list[list[str]]:
        found = sorted({str(d.get(attr)) for _, d in G.nodes(data=True) if d.get(attr)})
        return sorted(([iri, name(iri)] for iri in found), key=lambda pair: pair[1].casefold())

    nets_present = sorted({n for _, d in G.nodes(data=True) for n in (d.get("networks") or [])})
    return {
        "network": sorted(([iri, name(iri)] for iri in nets_present), key=lambda p: p[1].casefold()),
        "level": options("level"),
        "otype": options("org_type"),
        "line": options("line"),
    }


def _build(eco: Ecosystem, index: GraphIndex, G: nx.Graph, lang: str, aggregated: bool) -> dict[str, Any]:
    n = G.number_of_nodes()
    rows = centrality(G, k=min(n, 60) if n > 400 else None) if n else []
    betweenness = {r["node"]: float(r["betweenness"]) for r in rows}
    degree = {node: float(d) for node, d in G.degree()}
    sizes_degree, sizes_between = _scaled(degree), _scaled(betweenness)
    positions = _layout(G)
    name = _Names(index, lang)
    nodes = []
    for node, data in sorted(G.nodes(data=True)):
        kind, level = str(data.get("kind")), data.get("level")
        label = _node_label(node, data, lang, aggregated)
        tip = _node_tip(eco, node, data, label, name, (degree.get(node, 0), betweenness.get(node, 0.0)))
        x, y = positions[node]
        colour_kind = KIND_COLOURS.get(kind, "#777777")
        nodes.append(
            {
                "id": node,
                "label": label,
                "shape": "dot",
                "tip": tip,
                "x": x,
                "y": y,
                "color": colour_kind,
                "size": sizes_degree.get(node, 8.0),
                "kind": kind,
                "level": level or "",
                "otype": data.get("org_type") or "",
                "line": data.get("line") or "",
                "nets": list(data.get("networks") or []),
                "c_kind": colour_kind,
                "c_level": LEVEL_COLOURS.get(str(level), _NO_LEVEL),
                "s_degree": sizes_degree.get(node, 8.0),
                "s_betweenness": sizes_between.get(node, 8.0),
                "find": _search_text(eco, node, label) if kind != "aggregate" else label.casefold(),
                "prio": _PRIORITY.get(kind, 0),
            }
        )
    return {
        "nodes": nodes,
        "edges": _edges(G),
        "filters": _filters(G, name),
        "words": {"found": word("found", lang), "no_match": word("no_match", lang)},
        "large": n > 1500,
    }


def _legend(lang: str, aggregated: bool) -> tuple[list[dict[str, str]], list[tuple[str, str, list[dict[str, str]]]]]:
    """The legend's entries (the lines) and its two switchable sections (by kind, by level)."""
    w = words(lang)
    kinds = [k for k in KIND_COLOURS if aggregated or k != "aggregate"]
    by_kind = legend(*(("dot", KIND_COLOURS[k], _kind_word(k, lang)) for k in kinds))
    by_level = legend(
        *(("dot", colour, w[f"level_{iri.rsplit('/', 1)[-1]}"]) for iri, colour in LEVEL_COLOURS.items()),
        ("dot", _NO_LEVEL, w["no_level"]),
    )
    extra = legend(("line", "#9fb0c0", w["edge_participation"]), ("line", "#c9d3dc", w["edge_membership"]))
    return extra, [("legend-kind", heading(w["kind"]), by_kind), ("legend-level", heading(w["level"]), by_level)]


def network_html(
    eco: Ecosystem,
    *,
    lang: str = "nl",
    network: str | None = None,
    around: str | None = None,
    depth: int = 1,
    max_nodes: int = MAX_NODES,
    nav: tuple[tuple[str, str], ...] = (),
    links: Mapping[str, str] | None = None,
    index: GraphIndex | None = None,
    scope: Scope | None = None,
) -> str:
    """Return the network view as one self-contained HTML page.

    Parameters
    ----------
    eco, lang, nav, links, scope, index
        As every page takes them (:mod:`ecosysteem.output.html`); ``scope`` wins over ``index``.
    network, around, depth
        Focus on one network, or on the neighbourhood of one agent (see :func:`network_graph`).
    max_nodes
        Above this many nodes (and without a focus) organisations and activities are collapsed into their
        networks (:func:`aggregate_graph`).

    Returns
    -------
    str
        The HTML page.

    >>> from ecosysteem.graph.ecosystem import load
    >>> "filter-network" in network_html(load(), lang="en")
    True
    """
    lang = check_lang(lang)
    view = scope.view if scope is not None else IriView(index if index is not None else eco.index())
    G = _structure(eco, view, network=network, around=around, depth=depth)
    total = G.number_of_nodes()
    aggregated = total > max_nodes and network is None and around is None
    if aggregated:
        G = aggregate_graph(G)
    _describe(G, view)  # only the nodes drawn: the aggregated view keeps the networks and collaborations
    data = _build(eco, view.g, G, lang, aggregated)
    link_nodes(data["nodes"], links or {}, lang)
    focus = [eco.label(resolve(eco, x, kind), lang) for x, kind in ((network, "network"), (around, "agent")) if x]
    entries, sections = _legend(lang, aggregated)
    return render_template(
        "network.html",
        title=word("network_title", lang),
        lang=lang,
        nav=nav,
        data=data,
        script="network.js",
        vis=True,
        focus=", ".join(focus),
        aggregated=word("aggregated", lang).format(n=total) if aggregated else "",
        filters=data["filters"],
        legend_entries=entries,
        legend_sections=sections,
    )


def write_network(
    eco: Ecosystem,
    path: str | Path,
    *,
    lang: str = "nl",
    network: str | None = None,
    around: str | None = None,
    depth: int = 1,
    max_nodes: int = MAX_NODES,
) -> Path:
    """Write the network view to ``path`` (atomically, UTF-8) and return the path; see :func:`network_html`."""
    page = network_html(eco, lang=lang, network=network, around=around, depth=depth, max_nodes=max_nodes)
    return write_page(path, page)
