"""Network measures over networkx graphs: centrality, single points of failure, brokers, density, communities.

Plain functions over any networkx graph (usually one from :mod:`ecosysteem.analysis.network`). They answer gap
10 of the domain notes: which organisations or groups hold the collaboration together (articulation points,
bridges), and who brokers between lines of care or between networks (betweenness).

Every function returns plain lists (of IRIs, tuples or dicts), sorted deterministically: by the measured
value, largest first, then by node IRI. Directed graphs are treated as undirected where a measure is about
being connected at all (articulation points, bridges, brokers, communities).

>>> import networkx as nx
>>> articulation_points(nx.path_graph(["a", "b", "c", "d"]))
['b', 'c']
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Hashable, Iterable
from typing import Any, Literal, NamedTuple

import networkx as nx

__all__ = [
    "COMMUNITY_GREEDY_LIMIT",
    "EXACT_BUDGET",
    "articulation_points",
    "articulation_splits",
    "bridges",
    "brokers",
    "centrality",
    "communities",
    "density_by",
    "freeman_centralisation",
    "isolates",
    "sample_size",
    "weak_links",
    "weak_links_of_edges",
]

EXACT_BUDGET = 2_000_000
"""Work (node visits times graph size) up to which betweenness is computed exactly when ``k="auto"``.

Exact betweenness runs one breadth-first search per node, so it costs about ``n · (n + m)``; with networkx that
was 1.3–2.4 µs per unit on a 2-core machine, so the budget keeps the exact computation to a few seconds. Above
it, ``k="auto"`` samples as many pivots as fit the same budget (at least 32).
"""

Sample = int | None | Literal["auto"]

_DIGITS = 12
"""Floats are rounded to this many digits in sort keys, so values that differ only by summation order tie."""


def _undirected(G: nx.Graph) -> nx.Graph:
    return G.to_undirected(as_view=True) if G.is_directed() else G


def _label(G: nx.Graph, node: Hashable) -> str:
    return str(G.nodes[node].get("label", node))


def sample_size(G: nx.Graph, budget: int = EXACT_BUDGET) -> int | None:
    """Return the number of betweenness pivots ``k="auto"`` uses on ``G``: ``None`` (exact) when affordable.

    >>> import networkx as nx
    >>> sample_size(nx.path_graph(100)) is None
    True
    >>> sample_size(nx.path_graph(100_000))
    32
    """
    n, size = int(G.number_of_nodes()), int(G.number_of_nodes() + G.number_of_edges())
    if n * size <= budget:
        return None
    return min(n, max(32, budget // max(size, 1)))


def _betweenness(G: nx.Graph, k: Sample, seed: int) -> tuple[dict[Any, float], bool]:
    """Betweenness of every node, exact or sampled; the flag says whether it was sampled."""
    n = G.number_of_nodes()
    if k == "auto":
        k = sample_size(G)
    # Unweighted on purpose: the edge weight counts shared contexts (a strength), not a distance.
    # The pivots as networkx draws them for the same seed.
    sources = random.Random(seed).sample(list(G.nodes()), k) if k is not None and k < n else None
    sampled = sources is not None
    try:
        from networkx.algorithms.centrality.betweenness import _rescale
    except ImportError:  # another networkx: its own (slower) implementation gives the same values
        return nx.betweenness_centrality(G, k=len(sources) if sources else None, normalized=True, seed=seed), sampled
    raw = _brandes(G, sources)
    return _rescale(raw, n, normalized=True, directed=G.is_directed(), endpoints=False, sampled_nodes=sources), sampled


def _brandes(G: nx.Graph, sources: list[Any] | None) -> dict[Any, float]:
    """Brandes' accumulation from ``sources`` (every node when ``None``), not yet rescaled.

    networkx's algorithm step for step (the same visiting order, so the same sums), on integer-indexed adjacency
    lists and per-source arrays: about three times faster on a national graph, where networkx builds a dictionary
    of every node for each source.
    """
    nodes = list(G.nodes())
    index = {v: i for i, v in enumerate(nodes)}
    adjacency = [[index[w] for w in G[v]] for v in nodes]
    n = len(nodes)
    betweenness = [0.0] * n
    for s in range(n) if sources is None else (index[v] for v in sources):
        distance, sigma = [-1] * n, [0.0] * n
        distance[s], sigma[s] = 0, 1.0
        order, predecessors = [s], {s: []}  # type: ignore[var-annotated]
        for v in order:  # grows while it is walked: a breadth-first search
            dv, sv = distance[v] + 1, sigma[v]
            for w in adjacency[v]:
                if distance[w] < 0:
                    distance[w] = dv
                    order.append(w)
                    predecessors[w] = []
                if distance[w] == dv:
                    sigma[w] += sv
                    predecessors[w].append(v)
        delta = dict.fromkeys(order, 0.0)
        for w in reversed(order):
            coefficient = (1 + delta[w]) / sigma[w]
            for v in predecessors[w]:
                delta[v] += sigma[v] * coefficient
            if w != s:
                betweenness[w] += delta[w]
    return dict(zip(nodes, betweenness, strict=True))


def centrality(G: nx.Graph, k: Sample = "auto", seed: int = 0) -> list[dict[str, Any]]:
    """Degree, degree centrality and betweenness of every node.

    Parameters
    ----------
    G
        The graph.
    k
        Number of pivot nodes to sample for betweenness. ``None`` (or ``k`` at least the number of nodes)
        computes betweenness exactly; a smaller ``k`` estimates it, which is faster on large graphs. ``"auto"``
        (the default) is exact while that is affordable and samples above it (see :func:`sample_size`).
    seed
        Random seed for the sampled estimate, so that it is reproducible.

    Returns
    -------
    list of dict
        One row per node: ``node``, ``label``, ``degree``, ``degree_centrality``, ``betweenness`` (normalised)
        and ``betweenness_sampled`` (``True`` when estimated from ``k`` pivots). Sorted by betweenness, then
        degree, both descending, then node.
    """
    if G.number_of_nodes() == 0:
        return []
    betweenness, sampled = _betweenness(G, k, seed)
    degree_centrality = nx.degree_centrality(G)
    rows = [
        {
            "node": node,
            "label": _label(G, node),
            "degree": int(G.degree(node)),
            "degree_centrality": float(degree_centrality[node]),
            "betweenness": float(betweenness[node]),
            "betweenness_sampled": sampled,
        }
        for node in G.nodes
    ]
    rows.sort(key=lambda r: (-round(r["betweenness"], _DIGITS), -r["degree"], str(r["node"])))
    return rows


def articulation_points(G: nx.Graph) -> list[str]:
    """Return the nodes whose removal splits their component in two or more, sorted.

    These are single points of failure: without them some agents no longer reach each other.
    """
    return sorted(str(n) for n in nx.articulation_points(_undirected(G)))


class WeakLinks(NamedTuple):
    """The single points of failure of a graph: what :func:`weak_links` returns."""

    splits: dict[str, list[int]]
    """Articulation point → the sizes of the parts its component falls into without it (as
    :func:`articulation_splits`)."""
    bridges: list[tuple[str, str]]
    """The edges whose removal splits their component, as sorted pairs, sorted (as :func:`bridges`)."""


def weak_links(G: nx.Graph) -> WeakLinks:
    """Return the articulation points with their splits and the bridges of ``G``, from one depth-first search.

    Both come from the biconnected components: a bridge is a block of one edge, an articulation point is a node
    in more than one block, and the block-cut tree gives the part sizes. Linear in the size of the graph.

    Parameters
    ----------
    G
        The graph (directed graphs are taken as undirected).

    Returns
    -------
    WeakLinks
        ``splits`` (as :func:`articulation_splits`) and ``bridges`` (as :func:`bridges`).

    Examples
    --------
    >>> import networkx as nx
    >>> weak_links(nx.path_graph(["a", "b", "c"]))
    WeakLinks(splits={'b': [1, 1]}, bridges=[('a', 'b'), ('b', 'c')])
    """
    return weak_links_of_edges(_undirected(G).edges())


def weak_links_of_edges(edges: Iterable[tuple[Hashable, Hashable]]) -> WeakLinks:
    """:func:`weak_links` of the undirected graph made of ``edges`` (repeats and self-loops are ignored).

    For callers that hold an edge list and need nothing else of a graph: it skips building one.

    >>> weak_links_of_edges([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")])
    WeakLinks(splits={'c': [2, 1]}, bridges=[('c', 'd')])
    """
    edges = list(edges)
    neighbours: dict[Hashable, set[Hashable]] = defaultdict(set)
    for a, b in edges:
        if a != b:
            neighbours[a].add(b)
            neighbours[b].add(a)
    # A leaf's edge is a block of its own (a bridge) and leaves the rest of the block structure as it is, so the
    # depth-first search runs on the graph without its leaves: on a national collaboration graph, about 40% of it.
    leaves = {v for v, found in neighbours.items() if len(found) == 1}
    blocks: list[set[Hashable]] = []
    pendant: dict[Hashable, int] = defaultdict(int)  # leaves hanging on a node: each a block of one edge
    found_bridges: list[tuple[str, str]] = []
    for leaf in leaves:
        (anchor,) = neighbours[leaf]
        if anchor in leaves:
            if str(anchor) < str(leaf):
                continue  # two leaves joined: one block, counted from one side
            blocks.append({leaf, anchor})
        else:
            pendant[anchor] += 1
        a, b = sorted((str(leaf), str(anchor)))
        found_bridges.append((a, b))
    core = nx.Graph()
    core.add_edges_from((a, b) for a, b in edges if a != b and a not in leaves and b not in leaves)
    for block_edges in nx.biconnected_component_edges(core):
        if len(block_edges) == 1:
            a, b = sorted((str(block_edges[0][0]), str(block_edges[0][1])))
            found_bridges.append((a, b))
        blocks.append({v for edge in block_edges for v in edge})
    return WeakLinks(_splits(blocks, pendant), sorted(found_bridges))


def _splits(blocks: list[set[Hashable]], pendant: dict[Hashable, int]) -> dict[str, list[int]]:
    # Block-cut tree: a node per block (weighted by its vertices that are no cut vertex) and per cut vertex
    # (weighted 1 plus the leaves hanging on it, which are blocks of one edge kept out of the tree), a block
    # joined to the cut vertices it holds. Removing a cut vertex leaves exactly the subtrees around it and each of
    # its leaves, so their weights are the part sizes; a component's size is its tree's total weight.
    cuts, tree, weight = _block_cut_tree(blocks, pendant)
    out: dict[str, list[int]] = {}
    done: set[Any] = set()
    for v in cuts:
        root = ("cut", v)
        if root not in done:
            order = _tree_splits(root, tree, weight, pendant, out)
            done.update(order)
    return dict(sorted(out.items()))


def _block_cut_tree(
    blocks: list[set[Hashable]], pendant: dict[Hashable, int]
) -> tuple[set[Hashable], dict[Any, list[Any]], dict[Any, int]]:
    """The cut vertices, the block-cut tree's adjacency and its node weights (see :func:`_splits`)."""
    seen: dict[Hashable, int] = dict(pendant)
    for block in blocks:
        for v in block:
            seen[v] = seen.get(v, 0) + 1
    cuts = {v for v, n in seen.items() if n > 1}
    tree: dict[Any, list[Any]] = {("cut", v): [] for v in cuts}
    weight: dict[Any, int] = {("cut", v): 1 + pendant.get(v, 0) for v in cuts}
    for i, block in enumerate(blocks):
        held = [("cut", v) for v in block if v in cuts]
        weight["block", i] = len(block) - len(held)
        tree["block", i] = held
        for cut in held:
            tree[cut].append(("block", i))
    return cuts, tree, weight


def _tree_splits(
    root: Any,
    tree: dict[Any, list[Any]],
    weight: dict[Any, int],
    pendant: dict[Hashable, int],
    out: dict[str, list[int]],
) -> list[Any]:
    """Part sizes of every cut vertex in ``root``'s component into ``out``; returns the component's tree nodes."""
    order: list[Any] = [root]
    parent: dict[Any, Any] = {root: None}
    for node in order:  # breadth first over this component's tree; order grows as it goes
        for nxt in tree[node]:
            if nxt not in parent:
                parent[nxt] = node
                order.append(nxt)
    below = {node: weight[node] for node in order}
    for node in reversed(order[1:]):
        below[parent[node]] += below[node]
    total = below[root]
    for node in order:
        if node[0] != "cut":
            continue
        sizes = [below[child] for child in tree[node] if parent[child] == node]
        sizes += [1] * pendant.get(node[1], 0)
        if node != root:
            sizes.append(total - below[node])
        out[str(node[1])] = sorted(sizes, reverse=True)
    return order


def articulation_splits(G: nx.Graph) -> dict[str, list[int]]:
    """Return, for every articulation point, the sizes of the parts its component falls into without it.

    Computed in linear time from the block-cut tree (one pass over the biconnected components, see
    :func:`weak_links`), not by removing each node in turn, so it stays fast on national-scale graphs.

    Parameters
    ----------
    G
        The graph (directed graphs are taken as undirected).

    Returns
    -------
    dict of str to list of int
        Articulation point → the node counts of the parts left when it is removed, largest first. The parts
        are those of the point's own connected component; other components are untouched.

    Examples
    --------
    >>> import networkx as nx
    >>> articulation_splits(nx.path_graph(["a", "b", "c", "d"]))
    {'b': [2, 1], 'c': [2, 1]}
    >>> articulation_splits(nx.star_graph(3))
    {'0': [1, 1, 1]}
    """
    return weak_links(G).splits


def bridges(G: nx.Graph) -> list[tuple[str, str]]:
    """Return the edges whose removal splits their component, each as a sorted pair, the list sorted."""
    return weak_links(G).bridges


def isolates(G: nx.Graph) -> list[str]:
    """Return the nodes without any edge, sorted."""
    return sorted(str(n) for n in nx.isolates(G))


def _values(value: Any) -> set[str]:
    """The values of a node attribute as a set: a list gives its items, ``None`` gives nothing."""
    if value is None:
        return set()
    if isinstance(value, list | tuple | set | frozenset):
        return {str(v) for v in value if v is not None}
    return {str(value)}


def brokers(G: nx.Graph, attribute: str, k: Sample = "auto", seed: int = 0) -> list[dict[str, Any]]:
    """Return the nodes whose neighbours span two or more distinct values of a node attribute.

    With ``attribute="line"`` these are the agents that connect lines of care (first, second, third line,
    residential); with ``attribute="networks"`` (a list attribute) those that connect networks. A node's own
    value does not count: a broker is defined by whom it connects.

    Parameters
    ----------
    G
        The graph; its nodes carry ``attribute`` (a single value, a list, or ``None``).
    attribute
        The node attribute to compare.
    k, seed
        Betweenness pivots and their random seed, as for :func:`centrality`.

    Returns
    -------
    list of dict
        One row per broker: ``node``, ``label``, ``values`` (the sorted distinct values its neighbours have),
        ``count`` (their number), ``betweenness`` (normalised) and ``betweenness_sampled`` (``True`` when
        estimated from ``k`` pivots). Sorted by count, then betweenness,
        both descending, then node.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.path_graph(["a", "b", "c"])
    >>> nx.set_node_attributes(G, {"a": "eerste-lijn", "b": None, "c": "tweede-lijn"}, "line")
    >>> [(r["node"], r["values"]) for r in brokers(G, "line")]
    [('b', ['eerste-lijn', 'tweede-lijn'])]
    """
    U = _undirected(G)
    betweenness, sampled = _betweenness(U, k, seed) if U.number_of_nodes() else ({}, False)
    rows = []
    for node in U.nodes:
        values: set[str] = set()
        for neighbour in U.neighbors(node):
            values |= _values(U.nodes[neighbour].get(attribute))
        if len(values) >= 2:
            rows.append(
                {
                    "node": node,
                    "label": _label(G, node),
                    "values": sorted(values),
                    "count": len(values),
                    "betweenness": float(betweenness[node]),
                    "betweenness_sampled": sampled,
                }
            )
    rows.sort(key=lambda r: (-r["count"], -round(r["betweenness"], _DIGITS), str(r["node"])))
    return rows


def freeman_centralisation(G: nx.Graph) -> float:
    """Freeman degree centralisation: ``sum(max_deg - deg_i) / ((n - 1)(n - 2))``; 0.0 for ``n <= 2``.

    1.0 for a star (one node holds everything together), 0.0 for a graph where every node has the same degree.
    """
    n = G.number_of_nodes()
    if n <= 2:
        return 0.0
    degrees = [d for _node, d in _undirected(G).degree()]
    top = max(degrees)
    return float(sum(top - d for d in degrees) / ((n - 1) * (n - 2)))


def density_by(G: nx.Graph, attribute: str = "networks") -> list[dict[str, Any]]:
    """Density and degree centralisation of the subgraph of each value of a node attribute.

    With the default ``"networks"`` this gives, per network, how tightly the agents working in it are
    connected to each other, and whether that depends on one hub (centralisation near 1).

    Parameters
    ----------
    G
        The graph; its nodes carry ``attribute`` (a single value, a list, or ``None``).
    attribute
        The node attribute whose values define the subgraphs.

    Returns
    -------
    list of dict
        One row per value: ``value``, ``label`` (of the node with that IRI, if it is in ``G``, else the
        value), ``nodes``, ``edges``, ``density`` and ``centralisation`` (Freeman, see
        :func:`freeman_centralisation`). Sorted by density descending, then value.
    """
    members: dict[str, list[Any]] = {}
    for node, value in G.nodes(data=attribute):
        for v in _values(value):
            members.setdefault(v, []).append(node)
    rows = []
    for value, nodes in members.items():
        sub = _undirected(G).subgraph(nodes)
        rows.append(
            {
                "value": value,
                "label": _label(G, value) if value in G else value,
                "nodes": sub.number_of_nodes(),
                "edges": sub.number_of_edges(),
                "density": float(nx.density(sub)),
                "centralisation": freeman_centralisation(sub),
            }
        )
    rows.sort(key=lambda r: (-round(r["density"], _DIGITS), r["value"]))
    return rows


def _sorted_copy(G: nx.Graph) -> nx.Graph:
    # Greedy modularity breaks ties by node order: rebuilding in sorted order makes the caller's order moot.
    U = _undirected(G)
    H = nx.Graph()
    H.add_nodes_from(sorted(U.nodes, key=str))
    H.add_edges_from(
        sorted(((a, b, d) for a, b, d in U.edges(data=True)), key=lambda e: tuple(sorted((str(e[0]), str(e[1])))))
    )
    return H


def _sort_communities(groups: Iterable[Iterable[Any]]) -> list[list[str]]:
    found = [sorted(str(n) for n in group) for group in groups]
    return sorted(found, key=lambda c: (-len(c), c[0] if c else ""))


COMMUNITY_GREEDY_LIMIT = 5_000
"""Above this many nodes ``method="auto"`` switches from greedy modularity (quadratic) to Louvain (near-linear)."""


def communities(G: nx.Graph, seed: int = 0, method: Literal["auto", "greedy", "louvain"] = "auto") -> list[list[str]]:
    """Split the graph into communities by modularity (edge weights count).

    Parameters
    ----------
    G
        The graph.
    seed
        Random seed for Louvain, so that its result is reproducible. Greedy modularity uses no randomness.
    method
        ``"greedy"``: networkx's greedy modularity maximisation, deterministic (ties broken by node IRI) but
        quadratic; ``"louvain"``: the Louvain method, near-linear, fixed by ``seed``; ``"auto"`` (default):
        greedy up to :data:`COMMUNITY_GREEDY_LIMIT` nodes, Louvain above.

    Returns
    -------
    list of list of str
        The communities, each sorted; sorted by size descending, then first IRI. A node without edges is a
        community of its own.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.barbell_graph(4, 0)
    >>> communities(G)
    [['0', '1', '2', '3'], ['4', '5', '6', '7']]
    >>> communities(G, method="louvain") == communities(G)
    True
    """
    if method not in ("auto", "greedy", "louvain"):
        raise ValueError(f"unknown community method {method!r}: use 'auto', 'greedy' or 'louvain'")
    if G.number_of_nodes() == 0:
        return []
    H = _sorted_copy(G)
    if H.number_of_edges() == 0:
        return _sort_communities([n] for n in H.nodes)
    if method == "louvain" or (method == "auto" and H.number_of_nodes() > COMMUNITY_GREEDY_LIMIT):
        return _sort_communities(nx.community.louvain_communities(H, weight="weight", seed=seed))
    return _sort_communities(nx.community.greedy_modularity_communities(H, weight="weight"))
