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
from collections.abc import Callable, Iterable

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
    "collaboration_links",
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
# Hot loops use these: EZ.partOf makes (and checks) a new URIRef on every attribute access.
_PART_OF, _PLAN_OF, _IN_PLAN, _UNIT_OF = EZ.partOf, EZ.planOf, EZ.inPlan, EZ.unitOf
_ORG_TYPE, _LINE, _LEVEL = EZ.organisationType, EZ.lineOfCare, EZ.level
_MEMBER, _ORGANIZATION = ORG.member, ORG.organization
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


class IriView:
    """A view of a :class:`GraphIndex` with IRIs as plain strings: every look-up is a dictionary access.

    The public helpers above take rdflib terms; the projections and the gap catalogue pass over the whole graph,
    where making a term per triple was most of the cost on a national graph, so they work through this view.
    Its methods answer what the term-level helpers answer (``tests/test_network.py`` checks the projections
    against a reference built from those helpers).
    """

    def __init__(self, g: GraphIndex) -> None:
        self.g = g
        typed: dict[str, str] = {}
        for cls, kind in _KIND_BY_CLASS.items():
            for node in g.iri_subjects(RDF.type, str(cls)):
                known = typed.get(node)
                if known is None or _KIND_PRIORITY[kind] < _KIND_PRIORITY[known]:
                    typed[node] = kind
        self._typed = typed
        self.networks = sorted(n for n, kind in typed.items() if kind == "network")
        """The agents whose most specific kind is network, sorted."""
        self._collaborations: tuple[dict[str, str], dict[tuple[str, str], set[str]]] | None = None
        self._memberships: list[tuple[str, str, str]] | None = None
        self._network_activities: dict[str, set[str]] = {}
        self._activity_networks: dict[str, list[str]] | None = None

    @classmethod
    def of(cls, eco: Ecosystem, index: GraphIndex | None = None) -> IriView:
        """The view of ``eco`` through ``index`` (an :meth:`~ecosysteem.graph.Ecosystem.index` of it), or a new one."""
        return cls(index if index is not None else eco.index())

    def kind(self, node: str) -> str | None:
        """As :func:`agent_kind`, for an IRI string."""
        kind = self._typed.get(node)
        if kind is None and node.startswith(BASE):
            segment = node[len(BASE) :].split("/", 1)[0]
            if segment in AGENT_KINDS:
                return segment
        return kind

    def parties(self, activity: str) -> dict[str, str]:
        """As :func:`parties`, for an IRI string."""
        found: dict[str, str] = {}
        for role, prop in PARTY_PROPERTIES:
            for party in self.g.iri_objects(activity, prop):
                found.setdefault(party, role)
        return found

    def activities(self) -> list[str]:
        # Anything with a party is an activity by the domain of the party properties, typed or not.
        g = self.g
        found = {s for cls in ACTIVITY_CLASSES for s in g.iri_subjects(RDF.type, str(cls))}
        found.update(s for _role, prop in PARTY_PROPERTIES for s, _o in g.iri_pairs(prop))
        return sorted(found)

    def descendants(self, roots: Iterable[str]) -> set[str]:
        """As :func:`activity_descendants`, for IRI strings."""
        seen = set(roots)
        todo = list(seen)
        while todo:
            for child in self.g.iri_subjects(_PART_OF, todo.pop()):
                if child not in seen:
                    seen.add(child)
                    todo.append(child)
        return seen

    def network_activities(self, network: str) -> set[str]:
        """As :func:`network_activities`, for an IRI string (cached: the caller must not change the set)."""
        found = self._network_activities.get(network)
        if found is None:
            g = self.g
            roots = {a for plan in g.iri_subjects(_PLAN_OF, network) for a in g.iri_subjects(_IN_PLAN, plan)}
            roots.update(a for _role, prop in PARTY_PROPERTIES for a in g.iri_subjects(prop, network))
            found = self._network_activities[network] = self.descendants(roots)
        return found

    def activity_networks(self) -> dict[str, list[str]]:
        """Every activity of a network → the networks (sorted) it belongs to, by :func:`network_activities`."""
        if self._activity_networks is None:
            found: dict[str, list[str]] = defaultdict(list)
            for network in self.networks:  # sorted: each list comes out sorted
                for activity in self.network_activities(network):
                    found[activity].append(network)
            self._activity_networks = dict(found)
        return self._activity_networks

    def members(self, organization: str) -> list[str]:
        """The members of ``organization``: the ``org:member`` of each ``org:Membership`` with it as organization."""
        g = self.g
        return [m for mem in g.iri_subjects(_ORGANIZATION, organization) for m in g.iri_objects(mem, _MEMBER)]

    def memberships(self) -> list[tuple[str, str, str]]:
        """Every ``(membership, member, organization)`` with IRIs in all three places, sorted (cached)."""
        if self._memberships is None:
            organizations: dict[str, list[str]] = defaultdict(list)
            for mem, organization in self.g.iri_pairs(_ORGANIZATION):  # a full pass: read whole, then joined
                organizations[mem].append(organization)
            self._memberships = sorted(
                (mem, member, organization)
                for mem, member in self.g.iri_pairs(_MEMBER)
                for organization in organizations.get(mem, ())
            )
        return self._memberships

    def first(self, subject: str, prop: URIRef) -> str | None:
        # Several values can only come from inconsistent data; the smallest keeps the result deterministic.
        values = self.g.iri_objects(subject, prop)
        return min(values) if values else None

    def labels(self, node: str) -> dict[str, object]:
        """A projection node's name attributes: ``label`` (nl) and ``label_en``."""
        return {"label": self.g.label(node, "nl"), "label_en": self.g.label(node, "en")}

    def attrs(self, node: str, kind: str) -> dict[str, object]:
        org_type = self.first(node, _ORG_TYPE)
        line = self.first(node, _LINE)
        if line is None and org_type is not None:
            line = self.first(org_type, _LINE)
        return {
            **self.labels(node),
            "kind": kind,
            "org_type": org_type,
            "line": line,
            "level": self.first(node, _LEVEL),
        }

    def networks_by_agent(self) -> dict[str, set[str]]:
        """For every agent, the networks it works in: its own, those it is member or unit of, those it acts in."""
        out: dict[str, set[str]] = defaultdict(set)
        for net in self.networks:
            out[net].add(net)
            for activity in self.network_activities(net):
                for party in self.parties(activity):
                    out[party].add(net)
            for group in self.g.iri_subjects(_UNIT_OF, net):
                out[group].add(net)
        for _mem, member, organization in self.memberships():
            if self.kind(organization) == "network":
                out[member].add(organization)
        return out

    def collaborations(self) -> tuple[dict[str, str], dict[tuple[str, str], set[str]]]:
        """The agents (IRI → kind) and, per linked pair ``(a, b)`` with ``a < b``, what links them (cached)."""
        if self._collaborations is None:
            self._collaborations = self._collaborate()
        return self._collaborations

    def links(self) -> nx.Graph:
        """The collaboration graph's nodes and edges, without attributes (see :func:`collaboration_links`)."""
        agents, contexts = self.collaborations()
        G = nx.Graph()
        G.add_nodes_from(sorted(agents))
        G.add_edges_from(sorted(contexts))
        return G

    def _collaborate(self) -> tuple[dict[str, str], dict[tuple[str, str], set[str]]]:
        agents: dict[str, str] = {}
        contexts: dict[tuple[str, str], set[str]] = defaultdict(set)

        def agent(node: str) -> bool:
            kind = agents.get(node) or self.kind(node)
            if kind is not None:
                agents[node] = kind
            return kind is not None

        self._link_parties(agent, contexts)
        pairs = [(member, organization, mem) for mem, member, organization in self.memberships()]
        pairs += [(group, owner, group) for group, owner in self.g.iri_pairs(_UNIT_OF)]
        for a, b, context in pairs:
            if a != b and agent(a) and agent(b):
                contexts[(a, b) if a < b else (b, a)].add(context)
        return agents, contexts

    def _link_parties(self, agent: Callable[[str], bool], contexts: dict[tuple[str, str], set[str]]) -> None:
        """Link the agents that are parties of one activity (every lone party is still an agent)."""
        # Every activity's parties from one pass over each party property (an activity is anything with a party,
        # so activities without one add no link and need not be listed).
        parties_of: dict[str, set[str]] = defaultdict(set)
        for _role, prop in PARTY_PROPERTIES:
            for activity, party in self.g.iri_pairs(prop):
                parties_of[activity].add(party)
        for activity, found in parties_of.items():
            if len(found) < 2:
                for party in found:
                    agent(party)  # a lone party is a node too
                continue
            members = sorted(p for p in found if agent(p))
            for i, a in enumerate(members):
                for b in members[i + 1 :]:
                    contexts[a, b].add(activity)  # sorted, and a party set holds no repeats: a < b


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
    view = IriView.of(eco, index)
    agents, contexts = view.collaborations()
    networks = view.networks_by_agent()
    G = nx.Graph()
    G.add_nodes_from(
        (node, {**view.attrs(node, agents[node]), "networks": sorted(networks.get(node, ()))})
        for node in sorted(agents)
    )
    G.add_edges_from(
        (first, second, {"weight": len(via), "via": sorted(via)}) for (first, second), via in sorted(contexts.items())
    )
    return G


def collaboration_links(eco: Ecosystem, index: GraphIndex | None = None) -> nx.Graph:
    """The collaboration graph's nodes and edges only, without attributes: what structural measures need.

    The same nodes and edges as :func:`collaboration_graph`, at a fraction of its cost on a national graph
    (no labels, types or networks are read).
    """
    return IriView.of(eco, index).links()


def bipartite_graph(eco: Ecosystem, index: GraphIndex | None = None) -> nx.Graph:
    """Project the ecosystem to a bipartite graph of agents and the activities they are parties of.

    ``eco`` and ``index`` are as for :func:`collaboration_graph`.

    Returns
    -------
    networkx.Graph
        Node attribute ``bipartite`` is 0 for an agent and 1 for an activity; ``label``, ``label_en`` and
        ``kind`` (an agent kind, or ``"activity"``) on every node. Every activity is a node, also one without
        any agent as party. Edge attribute ``role``: ``"lead"``, ``"responsible"`` or ``"participant"`` (the
        most specific one when an agent has several).
    """
    view = IriView.of(eco, index)
    edges: list[tuple[str, str, str]] = []
    agents: dict[str, str] = {}
    activities = view.activities()
    for activity in activities:
        for party, role in view.parties(activity).items():
            kind = view.kind(party)
            if kind is not None:
                agents[party] = kind
                edges.append((party, activity, role))
    G = nx.Graph()
    G.add_nodes_from((node, {"bipartite": 0, "kind": agents[node], **view.labels(node)}) for node in sorted(agents))
    G.add_nodes_from((a, {"bipartite": 1, "kind": "activity", **view.labels(a)}) for a in activities)
    edges.sort()
    G.add_edges_from((source, target, {"role": role}) for source, target, role in edges)
    return G


def level_graph(eco: Ecosystem, index: GraphIndex | None = None) -> nx.DiGraph:
    """Project the ecosystem to a directed graph of collaborations and national actors, member → organization.

    Nodes are every collaboration (networks, supra-regional collaborations, chains, acute-care networks) and
    every agent at the national level; an edge runs from member to organization for every ``org:Membership``
    between two of them. It shows whether a regional network is linked up to a supra-regional collaboration
    and on to the national level (the bijenkorf's *verbindingsfunctie*, gap 4 of the domain notes). ``eco`` and
    ``index`` are as for :func:`collaboration_graph`.

    Returns
    -------
    networkx.DiGraph
        Node attributes ``level`` (IRI or ``None``), ``label``, ``label_en`` and ``kind``; edge attribute
        ``via`` (the membership IRI).
    """
    view = IriView.of(eco, index)
    g = view.g
    candidates = {
        s
        for cls, kind in _KIND_BY_CLASS.items()
        if kind in {"network", "collaboration"}
        for s in g.iri_subjects(RDF.type, str(cls))
    }
    candidates.update(g.iri_subjects(EZ.level, str(LANDELIJK)))
    nodes = {node: kind for node in candidates if (kind := view.kind(node)) is not None}
    G = nx.DiGraph()
    G.add_nodes_from(
        (
            node,
            {
                "level": view.first(node, EZ.level),
                **view.labels(node),
                "kind": nodes[node],
            },
        )
        for node in sorted(nodes)
    )
    for mem, member, organization in view.memberships():
        if member in nodes and organization in nodes:
            G.add_edge(member, organization, via=mem)
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
