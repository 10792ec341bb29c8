"""Projections of the RDF graph to networkx: who works with whom, who takes part in what, how levels link.

The projections read the graph through a :class:`~ecosysteem.graph.index.GraphIndex` (one bulk read per
predicate, then dictionary look-ups; no SPARQL), so they cost one pass over the triples they need on every
backend and are fast enough to rebuild on every call. Node keys are IRI strings; nodes and edges are inserted in
sorted order, so two runs over the same data give identical graphs (and identical results from order-sensitive
algorithms), whatever the backend.

Agents are organisations (``ez:Organisation``), collaborations (``ez:Collaboration`` and its subclasses) and
groups (``ez:Group``). Persons are left out: they are personal data, and an analysis of the ecosystem is about
organisations, not individuals. An agent that is referred to but not described (no ``rdf:type``) is still
recognised by the kind segment of its IRI (``…/id/organisation/…``), so a partial graph loses no nodes.

>>> from ecosysteem.graph import load
>>> G = collaboration_graph(load())
>>> G.nodes["https://w3id.org/ecosysteem/id/organisation/zgt"]["kind"]
'organisation'
>>> G.has_edge(f"{BASE}network/twente", f"{BASE}collaboration/ligare")
True
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from itertools import combinations

import networkx as nx
from rdflib import Graph, URIRef
from rdflib.term import Node

from ecosysteem.graph import Ecosystem
from ecosysteem.graph.index import GraphIndex
from ecosysteem.vocab import BASE, EZ, ID, ORG, RDF

__all__ = [
    "ACTIVITY_CLASSES",
    "AGENT_KINDS",
    "LANDELIJK",
    "PARTY_PROPERTIES",
    "activity_descendants",
    "agent_kind",
    "bipartite_graph",
    "collaboration_graph",
    "level_graph",
    "network_activities",
    "parties",
    "reaches_national",
]

PARTY_PROPERTIES: tuple[tuple[str, URIRef], ...] = (
    ("lead", EZ.lead),
    ("responsible", EZ.responsible),
    ("participant", EZ.participant),
)
"""The properties that make an agent a party of an activity, most specific role first.

``ez:lead`` is a subproperty of ``ez:responsible``, but the graph is not inferred, so all three are read.
"""

ACTIVITY_CLASSES: frozenset[URIRef] = frozenset({EZ.Activity, EZ.Project, EZ.Pilot, EZ.Programme, EZ.Meeting})
"""``ez:Activity`` and its subclasses."""

AGENT_KINDS: tuple[str, ...] = ("organisation", "network", "collaboration", "group")
"""The values of the ``kind`` node attribute of an agent."""

LANDELIJK: URIRef = ID["level/landelijk"]
"""The national level."""

_KIND_BY_CLASS: dict[URIRef, str] = {
    EZ.Network: "network",
    EZ.Group: "group",
    EZ.SupraRegionalCollaboration: "collaboration",
    EZ.CareChain: "collaboration",
    EZ.AcuteCareNetwork: "collaboration",
    EZ.Collaboration: "collaboration",
    EZ.Organisation: "organisation",
}
Reader = Graph | GraphIndex
"""What the helpers below read from: an rdflib graph, or the faster :class:`GraphIndex` of one."""

# The most specific class decides: a node typed both ez:Network and ez:Collaboration is a network.
_KIND_PRIORITY = {"network": 0, "group": 1, "collaboration": 2, "organisation": 3}


def agent_kind(graph: Reader, node: Node) -> str | None:
    """Return the kind of agent ``node`` is (one of :data:`AGENT_KINDS`), or ``None`` if it is no agent.

    The ``rdf:type`` decides; a node without a known type falls back on the kind segment of its IRI.

    Parameters
    ----------
    graph
        The rdflib graph (or :class:`GraphIndex`) to look in.
    node
        Any RDF term.

    Returns
    -------
    str or None
        ``"organisation"``, ``"network"``, ``"collaboration"``, ``"group"`` or ``None``.
    """
    if not isinstance(node, URIRef):
        return None
    kinds = [_KIND_BY_CLASS[t] for t in graph.objects(node, RDF.type) if isinstance(t, URIRef) and t in _KIND_BY_CLASS]
    if kinds:
        return min(kinds, key=_KIND_PRIORITY.__getitem__)
    text = str(node)
    if text.startswith(BASE):
        segment = text[len(BASE) :].split("/", 1)[0]
        if segment in AGENT_KINDS:
            return segment
    return None


def parties(graph: Reader, activity: Node) -> dict[URIRef, str]:
    """Return the parties of ``activity``, each with its most specific role.

    The roles rank ``lead`` > ``responsible`` > ``participant``. Every party is returned, persons included;
    callers that want agents only filter with :func:`agent_kind`.
    """
    found: dict[URIRef, str] = {}
    for role, prop in PARTY_PROPERTIES:
        for party in graph.objects(activity, prop):
            if isinstance(party, URIRef):
                found.setdefault(party, role)
    return found


def activity_descendants(graph: Reader, roots: Iterable[Node]) -> set[URIRef]:
    """Return ``roots`` plus every activity that is ``ez:partOf`` one of them, transitively."""
    seen: set[URIRef] = {r for r in roots if isinstance(r, URIRef)}
    todo = list(seen)
    while todo:
        parent = todo.pop()
        for child in graph.subjects(EZ.partOf, parent):
            if isinstance(child, URIRef) and child not in seen:
                seen.add(child)
                todo.append(child)
    return seen


def network_activities(eco: Ecosystem, network: str | URIRef) -> set[URIRef]:
    """Return the activities of a network.

    These are the activities ``ez:inPlan`` a plan whose ``ez:planOf`` is the network, the activities that name
    the network as a party (responsible, lead or participant), and every activity ``ez:partOf`` one of those,
    transitively.

    Parameters
    ----------
    eco
        The ecosystem.
    network
        The full IRI of the network.

    Returns
    -------
    set of URIRef
        The activity IRIs.
    """
    return _network_activities(eco.graph, URIRef(network))


def _network_activities(g: Reader, net: URIRef) -> set[URIRef]:
    roots: set[Node] = {a for plan in g.subjects(EZ.planOf, net) for a in g.subjects(EZ.inPlan, plan)}
    roots |= {a for _role, prop in PARTY_PROPERTIES for a in g.subjects(prop, net)}
    return activity_descendants(g, roots)


def _activities(graph: Reader) -> list[URIRef]:
    # Anything with a party is an activity by the domain of the party properties, typed or not.
    found = {s for cls in ACTIVITY_CLASSES for s in graph.subjects(RDF.type, cls)}
    found |= {s for _role, prop in PARTY_PROPERTIES for s in graph.subjects(prop, None)}
    return sorted((s for s in found if isinstance(s, URIRef)), key=str)


def _memberships(graph: Reader) -> list[tuple[URIRef, URIRef, URIRef]]:
    """Every ``(membership, member, organization)`` with IRIs in all three places, sorted."""
    rows = []
    for mem in set(graph.subjects(ORG.member, None)):
        for member in graph.objects(mem, ORG.member):
            for organization in graph.objects(mem, ORG.organization):
                if isinstance(mem, URIRef) and isinstance(member, URIRef) and isinstance(organization, URIRef):
                    rows.append((mem, member, organization))
    return sorted(rows, key=_str_key)


def _str_key(terms: tuple[Node, ...]) -> tuple[str, ...]:
    # The same order as sorting the terms themselves (IRIs compare as strings), without rdflib's Python-level
    # comparison, which dominated sorting a national graph's memberships.
    return tuple(str(t) for t in terms)


def _iri(graph: Reader, subject: Node, prop: URIRef) -> str | None:
    # Several values can only come from inconsistent data; the smallest keeps the result deterministic.
    values = sorted(str(v) for v in graph.objects(subject, prop) if isinstance(v, URIRef))
    return values[0] if values else None


def _agent_attrs(g: GraphIndex, node: URIRef, kind: str) -> dict[str, object]:
    org_type = _iri(g, node, EZ.organisationType)
    line = _iri(g, node, EZ.lineOfCare)
    if line is None and org_type is not None:
        line = _iri(g, URIRef(org_type), EZ.lineOfCare)
    return {
        "label": g.label(node, "nl"),
        "label_en": g.label(node, "en"),
        "kind": kind,
        "org_type": org_type,
        "line": line,
        "level": _iri(g, node, EZ.level),
    }


def _networks_by_agent(g: GraphIndex) -> dict[URIRef, set[str]]:
    """For every agent, the networks it works in: its own, those it is member or unit of, those it acts in."""
    out: dict[URIRef, set[str]] = defaultdict(set)
    networks = sorted((n for n in g.subjects(RDF.type, EZ.Network) if isinstance(n, URIRef)), key=str)
    for net in networks:
        out[net].add(str(net))
        for activity in _network_activities(g, net):
            for party in parties(g, activity):
                out[party].add(str(net))
        for group in g.subjects(EZ.unitOf, net):
            if isinstance(group, URIRef):
                out[group].add(str(net))
    for _mem, member, organization in _memberships(g):
        if agent_kind(g, organization) == "network":
            out[member].add(str(organization))
    return out


def collaboration_graph(eco: Ecosystem, index: GraphIndex | None = None) -> nx.Graph:
    """Project the ecosystem to an undirected graph of agents that work together.

    Nodes are the organisations, collaborations and groups that are a party of an activity
    (``ez:responsible``, ``ez:lead``, ``ez:participant``), a member or organization of an ``org:Membership``,
    or the ``ez:unitOf`` target of a group (together with that group). Two agents are linked when they are
    parties of the same activity, when one is member of the other, or when one is a group of the other.

    Parameters
    ----------
    eco
        The ecosystem to project.
    index
        A :meth:`~ecosysteem.graph.Ecosystem.index` of ``eco`` to reuse (one is made when not given).

    Returns
    -------
    networkx.Graph
        Node keys are IRI strings. Node attributes: ``label`` (nl), ``label_en``, ``kind``
        (``"organisation"``, ``"network"``, ``"collaboration"`` or ``"group"``), ``org_type``, ``line`` (the
        organisation's own line of care, else its type's), ``level`` (IRIs or ``None``) and ``networks``
        (sorted IRIs of the networks the agent works in: its own network, networks it is member or group of,
        networks whose activities it is a party of). Edge attributes: ``via`` (sorted IRIs of the shared
        activities, memberships and groups) and ``weight`` (their number).
    """
    g = index if index is not None else eco.index()
    agents: dict[URIRef, str] = {}
    contexts: dict[tuple[str, str], set[str]] = defaultdict(set)

    def link(a: URIRef, b: URIRef, context: URIRef) -> None:
        if a != b:
            first, second = sorted((str(a), str(b)))
            contexts[first, second].add(str(context))

    def agent(node: URIRef) -> bool:
        kind = agent_kind(g, node)
        if kind is not None:
            agents[node] = kind
        return kind is not None

    for activity in _activities(g):
        members = sorted((p for p in parties(g, activity) if agent(p)), key=str)
        for a, b in combinations(members, 2):
            link(a, b, activity)
    for mem, member, organization in _memberships(g):
        if agent(member) and agent(organization):
            link(member, organization, mem)
    for group, owner in sorted(g.subject_objects(EZ.unitOf), key=_str_key):
        if isinstance(group, URIRef) and isinstance(owner, URIRef) and agent(group) and agent(owner):
            link(group, owner, group)

    networks = _networks_by_agent(g)
    G = nx.Graph()
    for node in sorted(agents, key=str):
        G.add_node(str(node), **_agent_attrs(g, node, agents[node]), networks=sorted(networks.get(node, ())))
    for (first, second), via in sorted(contexts.items()):
        G.add_edge(first, second, weight=len(via), via=sorted(via))
    return G


def bipartite_graph(eco: Ecosystem) -> nx.Graph:
    """Project the ecosystem to a bipartite graph of agents and the activities they are parties of.

    Parameters
    ----------
    eco
        The ecosystem to project.

    Returns
    -------
    networkx.Graph
        Node attribute ``bipartite`` is 0 for an agent and 1 for an activity; ``label``, ``label_en`` and
        ``kind`` (an agent kind, or ``"activity"``) on every node. Every activity is a node, also one without
        any agent as party. Edge attribute ``role``: ``"lead"``, ``"responsible"`` or ``"participant"`` (the
        most specific one when an agent has several).
    """
    g = eco.index()
    G = nx.Graph()
    edges: list[tuple[str, str, str]] = []
    agents: dict[URIRef, str] = {}
    activities = _activities(g)
    for activity in activities:
        for party, role in parties(g, activity).items():
            kind = agent_kind(g, party)
            if kind is not None:
                agents[party] = kind
                edges.append((str(party), str(activity), role))
    for node in sorted(agents, key=str):
        G.add_node(
            str(node),
            bipartite=0,
            kind=agents[node],
            label=g.label(node, "nl"),
            label_en=g.label(node, "en"),
        )
    for activity in activities:
        G.add_node(
            str(activity),
            bipartite=1,
            kind="activity",
            label=g.label(activity, "nl"),
            label_en=g.label(activity, "en"),
        )
    for source, target, role in sorted(edges):
        G.add_edge(source, target, role=role)
    return G


def level_graph(eco: Ecosystem) -> nx.DiGraph:
    """Project the ecosystem to a directed graph of collaborations and national actors, member → organization.

    Nodes are every collaboration (networks, supra-regional collaborations, chains, acute-care networks) and
    every agent at the national level; an edge runs from member to organization for every ``org:Membership``
    between two of them. It shows whether a regional network is linked up to a supra-regional collaboration
    and on to the national level (the bijenkorf's *verbindingsfunctie*, gap 4 of the domain notes).

    Parameters
    ----------
    eco
        The ecosystem to project.

    Returns
    -------
    networkx.DiGraph
        Node attributes ``level`` (IRI or ``None``), ``label``, ``label_en`` and ``kind``; edge attribute
        ``via`` (the membership IRI).
    """
    g = eco.index()
    nodes: dict[URIRef, str] = {}
    candidates = {
        s
        for cls, kind in _KIND_BY_CLASS.items()
        if kind in {"network", "collaboration"}
        for s in g.subjects(RDF.type, cls)
    }
    candidates |= set(g.subjects(EZ.level, LANDELIJK))
    for node in candidates:
        kind = agent_kind(g, node)
        if isinstance(node, URIRef) and kind is not None:
            nodes[node] = kind
    G = nx.DiGraph()
    for node in sorted(nodes, key=str):
        G.add_node(
            str(node),
            level=_iri(g, node, EZ.level),
            label=g.label(node, "nl"),
            label_en=g.label(node, "en"),
            kind=nodes[node],
        )
    for mem, member, organization in _memberships(g):
        if member in nodes and organization in nodes:
            G.add_edge(str(member), str(organization), via=str(mem))
    return G


def reaches_national(G: nx.DiGraph, node: str) -> bool:
    """Return whether ``node`` is at, or through memberships reaches, a node whose level is national.

    Parameters
    ----------
    G
        A graph from :func:`level_graph`.
    node
        The IRI of a node of ``G``.

    Returns
    -------
    bool
        ``True`` if ``node`` or a node reachable from it has level ``…/id/level/landelijk``.
    """
    national = str(LANDELIJK)
    return any(G.nodes[n].get("level") == national for n in {node} | nx.descendants(G, node))
