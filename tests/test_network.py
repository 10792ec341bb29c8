"""Network projections (analysis.network) and measures (analysis.metrics), on graphs whose answers are known."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ecosysteem.analysis.metrics import (
    EXACT_BUDGET,
    articulation_points,
    articulation_splits,
    bridges,
    brokers,
    centrality,
    communities,
    density_by,
    freeman_centralisation,
    isolates,
    sample_size,
    weak_links,
    weak_links_of_edges,
)
from ecosysteem.analysis.network import (
    AGENT_KINDS,
    bipartite_graph,
    collaboration_graph,
    level_graph,
    network_activities,
    reaches_national,
)
from ecosysteem.graph import Ecosystem

ID = "https://w3id.org/ecosysteem/id/"


def _path() -> nx.Graph:
    return nx.path_graph(["a", "b", "c", "d"])


def _star() -> nx.Graph:
    return nx.star_graph(["h", "x", "y", "z"])


def _two_triangles() -> nx.Graph:
    G = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("d", "e"), ("e", "f"), ("d", "f"), ("c", "d")])
    return G


def _with_isolate() -> nx.Graph:
    G = nx.Graph([("a", "b")])
    G.add_node("z")
    return G


GRAPHS: dict[str, Callable[[], nx.Graph]] = {
    "path": _path,
    "star": _star,
    "two-triangles": _two_triangles,
    "isolate": _with_isolate,
}


# -- metrics on hand-made graphs ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [("path", ["b", "c"]), ("star", ["h"]), ("two-triangles", ["c", "d"]), ("isolate", [])],
)
def test_articulation_points(name: str, expected: list[str]) -> None:
    assert articulation_points(GRAPHS[name]()) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("path", [("a", "b"), ("b", "c"), ("c", "d")]),
        ("star", [("h", "x"), ("h", "y"), ("h", "z")]),
        ("two-triangles", [("c", "d")]),
        ("isolate", [("a", "b")]),
    ],
)
def test_bridges(name: str, expected: list[tuple[str, str]]) -> None:
    assert bridges(GRAPHS[name]()) == expected


def test_bridges_are_sorted_pairs_whatever_the_edge_direction() -> None:
    assert bridges(nx.Graph([("z", "a")])) == [("a", "z")]


@pytest.mark.parametrize(
    ("name", "expected"),
    [("path", []), ("star", []), ("two-triangles", []), ("isolate", ["z"])],
)
def test_isolates(name: str, expected: list[str]) -> None:
    assert isolates(GRAPHS[name]()) == expected


@pytest.mark.parametrize(
    ("name", "top", "betweenness", "degree"),
    [
        # b lies on the paths a–c and a–d (c on b–d and a–d): 2 of the 3 pairs not involving it.
        ("path", "b", 2 / 3, 2),
        ("star", "h", 1.0, 3),
        # c lies on the paths from a and b to d, e and f: 6 of the 10 pairs not involving it (d ties; c < d).
        ("two-triangles", "c", 0.6, 3),
        ("isolate", "a", 0.0, 1),
    ],
)
def test_centrality_top_node(name: str, top: str, betweenness: float, degree: int) -> None:
    rows = centrality(GRAPHS[name]())
    assert rows[0]["node"] == top
    assert rows[0]["betweenness"] == pytest.approx(betweenness)
    assert rows[0]["degree"] == degree
    assert rows[0]["betweenness_sampled"] is False


def test_centrality_rows_and_order() -> None:
    rows = centrality(_path())
    assert [r["node"] for r in rows] == ["b", "c", "a", "d"]
    assert [r["degree"] for r in rows] == [2, 2, 1, 1]
    assert rows[0]["degree_centrality"] == pytest.approx(2 / 3)
    assert rows[0]["label"] == "b"
    assert set(rows[0]) == {"node", "label", "degree", "degree_centrality", "betweenness", "betweenness_sampled"}


def test_centrality_uses_label_attribute() -> None:
    G = _star()
    nx.set_node_attributes(G, {"h": "Hub"}, "label")
    assert centrality(G)[0]["label"] == "Hub"


def test_centrality_samples_with_fewer_pivots_than_nodes() -> None:
    G = nx.path_graph(20)
    sampled = centrality(G, k=5, seed=1)
    assert all(r["betweenness_sampled"] for r in sampled)
    assert sampled == centrality(G, k=5, seed=1)
    exact = centrality(G, k=20)
    assert not any(r["betweenness_sampled"] for r in exact)
    assert exact == centrality(G)


def test_auto_sampling_is_exact_on_small_graphs_and_bounded_on_large_ones() -> None:
    small, large = nx.path_graph(200), nx.path_graph(20_000)
    assert sample_size(small) is None
    assert not any(r["betweenness_sampled"] for r in centrality(small))
    k = sample_size(large)
    assert k is not None and 32 <= k < large.number_of_nodes()
    # the budget bounds the work: k breadth-first searches over the whole graph
    assert k * (large.number_of_nodes() + large.number_of_edges()) <= max(EXACT_BUDGET, 32 * 40_000)
    assert all(r["betweenness_sampled"] for r in centrality(large, k=k))


def test_brokers_honour_the_sample() -> None:
    G = nx.path_graph(30)
    nx.set_node_attributes(G, {n: f"L{n % 3}" for n in G}, "line")
    exact, sampled = brokers(G, "line", k=None), brokers(G, "line", k=5, seed=3)
    assert [r["node"] for r in exact] and not any(r["betweenness_sampled"] for r in exact)
    assert all(r["betweenness_sampled"] for r in sampled)
    assert {r["node"] for r in sampled} == {r["node"] for r in exact}  # who brokers does not depend on sampling
    assert sampled == brokers(G, "line", k=5, seed=3)


def test_centrality_of_empty_graph() -> None:
    assert centrality(nx.Graph()) == []


@pytest.mark.parametrize(
    ("name", "expected"),
    [("star", 1.0), ("path", 1 / 3), ("two-triangles", 4 / 20), ("isolate", 0.5)],
)
def test_freeman_centralisation(name: str, expected: float) -> None:
    assert freeman_centralisation(GRAPHS[name]()) == pytest.approx(expected)


@pytest.mark.parametrize("n", [0, 1, 2])
def test_freeman_centralisation_of_tiny_graphs(n: int) -> None:
    assert freeman_centralisation(nx.complete_graph(n)) == 0.0


def test_brokers_with_a_scalar_attribute() -> None:
    G = _path()
    nx.set_node_attributes(G, {"a": "L1", "b": "L1", "c": "L2", "d": "L3"}, "line")
    rows = brokers(G, "line")
    # b's neighbours are a (L1) and c (L2); c's are b (L1) and d (L3); a and d have one neighbour each.
    assert [(r["node"], r["values"], r["count"]) for r in rows] == [
        ("b", ["L1", "L2"], 2),
        ("c", ["L1", "L3"], 2),
    ]
    assert rows[0]["betweenness"] == pytest.approx(2 / 3)


def test_brokers_with_a_list_attribute_and_missing_values() -> None:
    G = _star()
    nx.set_node_attributes(G, {"x": ["n1"], "y": ["n1", "n2"], "z": None, "h": ["n3"]}, "networks")
    rows = brokers(G, "networks")
    assert [(r["node"], r["values"]) for r in rows] == [("h", ["n1", "n2"])]


def test_brokers_need_two_values() -> None:
    G = _star()
    nx.set_node_attributes(G, "same", "line")
    assert brokers(G, "line") == []


def test_density_by_list_attribute() -> None:
    G = _two_triangles()
    nx.set_node_attributes(G, {"a": ["n1"], "b": ["n1"], "c": ["n1", "n2"], "d": ["n2"], "e": ["n2"]}, "networks")
    rows = {r["value"]: r for r in density_by(G)}
    assert rows["n1"] == {
        "value": "n1",
        "label": "n1",
        "nodes": 3,
        "edges": 3,
        "density": 1.0,
        "centralisation": 0.0,
    }
    # n2 = c, d, e: edges c–d and d–e, a path with d in the middle.
    assert (rows["n2"]["nodes"], rows["n2"]["edges"]) == (3, 2)
    assert rows["n2"]["density"] == pytest.approx(2 / 3)
    assert rows["n2"]["centralisation"] == pytest.approx(1.0)
    assert [r["value"] for r in density_by(G)] == ["n1", "n2"]


def test_density_by_scalar_attribute_uses_node_labels() -> None:
    G = _star()
    nx.set_node_attributes(G, {"h": "h", "x": "h", "y": "h", "z": None}, "group")
    nx.set_node_attributes(G, {"h": "Hub"}, "label")
    (row,) = density_by(G, "group")
    assert row["label"] == "Hub"
    assert (row["nodes"], row["edges"], row["centralisation"]) == (3, 2, 1.0)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("two-triangles", [["a", "b", "c"], ["d", "e", "f"]]),
        ("isolate", [["a", "b"], ["z"]]),
        ("star", [["h", "x", "y", "z"]]),
    ],
)
def test_communities(name: str, expected: list[list[str]]) -> None:
    assert communities(GRAPHS[name]()) == expected


def test_communities_do_not_depend_on_insertion_order() -> None:
    G = _two_triangles()
    H = nx.Graph()
    H.add_nodes_from(reversed(sorted(G.nodes)))
    H.add_edges_from(reversed(list(G.edges)))
    assert communities(H) == communities(G)


def test_communities_without_edges() -> None:
    G = nx.Graph()
    G.add_nodes_from(["b", "a"])
    assert communities(G) == [["a"], ["b"]]
    assert communities(nx.Graph()) == []


def test_communities_louvain_and_unknown_method() -> None:
    G = _two_triangles()
    assert communities(G, method="louvain") == [["a", "b", "c"], ["d", "e", "f"]]
    assert communities(G, seed=7, method="louvain") == communities(G, seed=7, method="louvain")
    with pytest.raises(ValueError, match="unknown community method"):
        communities(G, method="magic")  # type: ignore[arg-type]


def _splits_by_removal(G: nx.Graph) -> dict[str, list[int]]:
    """The definition, slowly: remove each articulation point and measure what is left of its component."""
    out = {}
    for v in nx.articulation_points(G):
        component = nx.node_connected_component(G, v) - {v}
        rest = G.subgraph(component)
        out[str(v)] = sorted((len(c) for c in nx.connected_components(rest)), reverse=True)
    return dict(sorted(out.items()))


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("path", {"b": [2, 1], "c": [2, 1]}),
        ("star", {"h": [1, 1, 1]}),
        # the bridge c–d joins triangles a-b-c and d-e-f: without c, {d, e, f} and {a, b}; likewise d.
        ("two-triangles", {"c": [3, 2], "d": [3, 2]}),
        ("isolate", {}),
    ],
)
def test_articulation_splits_known(name: str, expected: dict[str, list[int]]) -> None:
    G = GRAPHS[name]()
    assert articulation_splits(G) == expected
    assert list(articulation_splits(G)) == articulation_points(G)


@pytest.mark.parametrize("seed", range(8))
def test_articulation_splits_agree_with_removal_on_random_graphs(seed: int) -> None:
    G = nx.relabel_nodes(nx.gnm_random_graph(60, 70, seed=seed), str)
    assert articulation_splits(G) == _splits_by_removal(G)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 14), st.integers(0, 14)), max_size=30))
def test_articulation_splits_agree_with_removal(edges: list[tuple[int, int]]) -> None:
    G = nx.Graph()
    G.add_edges_from((str(a), str(b)) for a, b in edges if a != b)
    assert articulation_splits(G) == _splits_by_removal(G)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 14), st.integers(0, 14)), max_size=30))
def test_weak_links_agree_with_networkx(edges: list[tuple[int, int]]) -> None:
    G = nx.Graph()
    G.add_edges_from((str(a), str(b)) for a, b in edges if a != b)
    found = weak_links(G)
    assert found.bridges == sorted(tuple(sorted(e)) for e in nx.bridges(G))
    assert sorted(found.splits) == sorted(nx.articulation_points(G))
    assert found.splits == _splits_by_removal(G)
    # From a raw edge list, with its repeats, reversed repeats and self-loops: the same answer.
    raw = [(str(a), str(b)) for a, b in edges] + [(str(b), str(a)) for a, b in edges[:3]]
    assert weak_links_of_edges(raw) == found


def test_directed_graph_is_read_as_undirected() -> None:
    D = nx.DiGraph([("a", "b"), ("b", "c")])
    assert articulation_points(D) == ["b"]
    assert bridges(D) == [("a", "b"), ("b", "c")]


# -- projections of small Turtle graphs ------------------------------------------------------------------------

SNIPPET = r"""
id:organisation\/a a ez:Organisation ; rdfs:label "A"@nl , "A (en)"@en ;
    ez:organisationType id:organisation-type\/ziekenhuis .
id:organisation\/b a ez:Organisation ; rdfs:label "B"@nl , "B"@en ;
    ez:organisationType id:organisation-type\/huisartsenpraktijk ; ez:lineOfCare id:line-of-care\/residentieel .
id:organisation\/c a ez:Organisation ; rdfs:label "C"@nl , "C"@en .
id:network\/n a ez:Network ; rdfs:label "N"@nl , "N"@en ; ez:level id:level\/regionaal .
id:network\/m a ez:Network ; rdfs:label "M"@nl , "M"@en ; ez:level id:level\/regionaal .
id:collaboration\/s a ez:SupraRegionalCollaboration ; rdfs:label "S"@nl , "S"@en ;
    ez:level id:level\/bovenregionaal .
id:collaboration\/l a ez:Collaboration ; rdfs:label "L"@nl , "L"@en ; ez:level id:level\/landelijk .
id:group\/n--wg a ez:Group ; rdfs:label "WG"@nl , "WG"@en ; ez:unitOf id:network\/n .
id:plan\/p a ez:Plan ; ez:planOf id:network\/n .
id:activity\/p--x a ez:Activity ; ez:inPlan id:plan\/p ;
    ez:responsible id:group\/n--wg ; ez:participant id:organisation\/a , id:organisation\/b .
id:activity\/p--y a ez:Activity ; ez:inPlan id:plan\/p ;
    ez:lead id:organisation\/a ; ez:responsible id:organisation\/a ;
    ez:participant id:organisation\/b , id:person\/p .
id:activity\/q a ez:Project ; ez:participant id:collaboration\/s , id:organisation\/c .
id:activity\/idle a ez:Activity ; ez:inPlan id:plan\/p .
id:membership\/n--s a org:Membership ; org:member id:network\/n ; org:organization id:collaboration\/s .
id:membership\/s--l a org:Membership ; org:member id:collaboration\/s ; org:organization id:collaboration\/l .
"""


def _iri(curie: str) -> str:
    return ID + curie


@pytest.fixture
def snippet(small_graph: Callable[[str], Ecosystem]) -> Ecosystem:
    return small_graph(SNIPPET)


def _edges(G: nx.Graph) -> dict[tuple[str, str], dict[str, Any]]:
    short = {n: n.removeprefix(ID) for n in G}
    return {(min(short[a], short[b]), max(short[a], short[b])): data for a, b, data in G.edges(data=True)}


def test_collaboration_graph_nodes_and_edges(snippet: Ecosystem) -> None:
    G = collaboration_graph(snippet)
    assert sorted(n.removeprefix(ID) for n in G) == [
        "collaboration/l",
        "collaboration/s",
        "group/n--wg",
        "network/n",
        "organisation/a",
        "organisation/b",
        "organisation/c",
    ]
    edges = _edges(G)
    assert edges == {
        ("group/n--wg", "organisation/a"): {"weight": 1, "via": [_iri("activity/p--x")]},
        ("group/n--wg", "organisation/b"): {"weight": 1, "via": [_iri("activity/p--x")]},
        ("organisation/a", "organisation/b"): {
            "weight": 2,
            "via": [_iri("activity/p--x"), _iri("activity/p--y")],
        },
        ("collaboration/s", "organisation/c"): {"weight": 1, "via": [_iri("activity/q")]},
        ("collaboration/s", "network/n"): {"weight": 1, "via": [_iri("membership/n--s")]},
        ("collaboration/l", "collaboration/s"): {"weight": 1, "via": [_iri("membership/s--l")]},
        ("group/n--wg", "network/n"): {"weight": 1, "via": [_iri("group/n--wg")]},
    }


def test_collaboration_graph_node_attributes(snippet: Ecosystem) -> None:
    G = collaboration_graph(snippet)
    a = G.nodes[_iri("organisation/a")]
    assert a == {
        "label": "A",
        "label_en": "A (en)",
        "kind": "organisation",
        "org_type": _iri("organisation-type/ziekenhuis"),
        "line": _iri("line-of-care/tweede-lijn"),
        "level": None,
        "networks": [_iri("network/n")],
    }
    # b's own line of care overrides the first line of its type.
    assert G.nodes[_iri("organisation/b")]["line"] == _iri("line-of-care/residentieel")
    assert G.nodes[_iri("organisation/c")]["line"] is None
    kinds = {n.removeprefix(ID): d["kind"] for n, d in G.nodes(data=True)}
    assert kinds["network/n"] == "network"
    assert kinds["collaboration/s"] == kinds["collaboration/l"] == "collaboration"
    assert kinds["group/n--wg"] == "group"
    networks = {n.removeprefix(ID): d["networks"] for n, d in G.nodes(data=True)}
    assert networks == {
        "collaboration/l": [],
        "collaboration/s": [],
        "group/n--wg": [_iri("network/n")],
        "network/n": [_iri("network/n")],
        "organisation/a": [_iri("network/n")],
        "organisation/b": [_iri("network/n")],
        "organisation/c": [],
    }
    assert G.nodes[_iri("collaboration/s")]["level"] == _iri("level/bovenregionaal")


def test_collaboration_graph_single_points_of_failure(snippet: Ecosystem) -> None:
    G = collaboration_graph(snippet)
    assert [n.removeprefix(ID) for n in articulation_points(G)] == ["collaboration/s", "group/n--wg", "network/n"]
    assert len(bridges(G)) == 4


def test_collaboration_graph_is_deterministic(snippet: Ecosystem) -> None:
    first, second = collaboration_graph(snippet), collaboration_graph(snippet)
    assert list(first.nodes(data=True)) == list(second.nodes(data=True))
    assert list(first.edges(data=True)) == list(second.edges(data=True))
    assert list(first.nodes) == sorted(first.nodes)


def test_untyped_agents_are_recognised_by_their_iri(small_graph: Callable[[str], Ecosystem]) -> None:
    eco = small_graph(r"id:activity\/x ez:responsible id:organisation\/u ; ez:participant id:group\/g , id:person\/p .")
    G = collaboration_graph(eco)
    assert sorted(G.nodes) == [_iri("group/g"), _iri("organisation/u")]
    assert G.nodes[_iri("group/g")]["kind"] == "group"


def test_bipartite_graph(snippet: Ecosystem) -> None:
    B = bipartite_graph(snippet)
    agents = sorted(n.removeprefix(ID) for n, d in B.nodes(data="bipartite") if d == 0)
    activities = sorted(n.removeprefix(ID) for n, d in B.nodes(data="bipartite") if d == 1)
    assert agents == ["collaboration/s", "group/n--wg", "organisation/a", "organisation/b", "organisation/c"]
    assert activities == ["activity/idle", "activity/p--x", "activity/p--y", "activity/q"]
    roles = {(a.removeprefix(ID), b.removeprefix(ID)): r for a, b, r in B.edges(data="role")}
    assert len(roles) == 7
    assert roles[("organisation/a", "activity/p--y")] == "lead"
    assert roles[("group/n--wg", "activity/p--x")] == "responsible"
    assert roles[("organisation/b", "activity/p--y")] == "participant"
    assert B.degree(_iri("activity/idle")) == 0
    assert nx.is_bipartite(B)


def test_level_graph_and_reaches_national(snippet: Ecosystem) -> None:
    L = level_graph(snippet)
    assert sorted(n.removeprefix(ID) for n in L) == [
        "collaboration/l",
        "collaboration/s",
        "network/m",
        "network/n",
    ]
    assert sorted((a.removeprefix(ID), b.removeprefix(ID)) for a, b in L.edges) == [
        ("collaboration/s", "collaboration/l"),
        ("network/n", "collaboration/s"),
    ]
    assert L.nodes[_iri("network/n")]["level"] == _iri("level/regionaal")
    assert reaches_national(L, _iri("network/n"))
    assert reaches_national(L, _iri("collaboration/l"))
    assert not reaches_national(L, _iri("network/m"))


def test_network_activities_include_plans_parties_and_parts(small_graph: Callable[[str], Ecosystem]) -> None:
    eco = small_graph(
        r"""
        id:plan\/p ez:planOf id:network\/n .
        id:activity\/in-plan ez:inPlan id:plan\/p .
        id:activity\/named ez:participant id:network\/n .
        id:activity\/phase ez:partOf id:activity\/named .
        id:activity\/sub ez:partOf id:activity\/phase .
        id:activity\/other ez:participant id:network\/m .
        """
    )
    found = sorted(a.removeprefix(ID) for a in network_activities(eco, _iri("network/n")))
    assert found == ["activity/in-plan", "activity/named", "activity/phase", "activity/sub"]


# -- the default data ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def default_graph(eco: Ecosystem) -> nx.Graph:
    return collaboration_graph(eco)


def test_default_twente_network_contains_zgt_and_mst(default_graph: nx.Graph) -> None:
    twente = _iri("network/twente")
    for hospital in ("organisation/zgt", "organisation/mst"):
        node = default_graph.nodes[_iri(hospital)]
        assert twente in node["networks"]
        assert node["kind"] == "organisation"
        assert node["line"] == _iri("line-of-care/tweede-lijn")
    assert default_graph.has_edge(_iri("organisation/zgt"), _iri("organisation/mst"))
    assert default_graph.has_edge(twente, _iri("collaboration/ligare"))


def test_default_graph_is_well_formed(default_graph: nx.Graph) -> None:
    assert {kind for _n, kind in default_graph.nodes(data="kind")} == set(AGENT_KINDS)
    assert not [n for n in default_graph if "/person/" in n]
    for _a, _b, data in default_graph.edges(data=True):
        assert data["weight"] == len(data["via"]) >= 1
        assert data["via"] == sorted(data["via"])


def test_default_single_points_of_failure(default_graph: nx.Graph) -> None:
    points = articulation_points(default_graph)
    # Twente's workgroups hang on the network alone; Ligare is the only link between its two networks.
    assert _iri("network/twente") in points
    assert _iri("collaboration/ligare") in points
    assert (_iri("collaboration/ligare"), _iri("network/ijssel-vecht-en-noordoost-overijssel")) in bridges(
        default_graph
    )
    # IKNL, 'partner in all consortia and LOCo' (national_actors.csv) and with a consultation team in Twente (seed
    # 004), is the main broker, ahead of Twente and Ligare; the Landelijk Overleg Consortia is no longer the only
    # link between the consortia. Twente, with its many workgroups and partners, keeps the highest degree and is
    # the most central network.
    rows = centrality(default_graph)
    assert rows[0]["node"] == _iri("organisation/iknl")
    assert [r["node"] for r in rows].index(_iri("collaboration/loco")) > 2
    assert max(rows, key=lambda r: r["degree"])["node"] == _iri("network/twente")
    assert next(r for r in rows if "/network/" in r["node"])["node"] == _iri("network/twente")


def test_default_brokers_between_networks(default_graph: nx.Graph) -> None:
    rows = {r["node"]: r for r in brokers(default_graph, "networks")}
    # Ligare brokers between its member networks: the two seed networks and, since the national reference data,
    # the ten other networks networks.csv places in Ligare.
    assert rows[_iri("collaboration/ligare")]["values"] == [
        _iri(f"network/{n}")
        for n in (
            "drenthe-steenwijkerland",
            "friesland-noordoost",
            "friesland-noordwest",
            "friesland-zuid",
            "friesland-zuidoost",
            "friesland-zuidwest",
            "groningen-centraal",
            "ijssel-vecht-en-noordoost-overijssel",
            "noord-groningen",
            "salland",
            "twente",
            "zuidoost-groningen",
        )
    ]


def test_default_density_by_network(default_graph: nx.Graph) -> None:
    rows = {r["value"]: r for r in density_by(default_graph)}
    twente = rows[_iri("network/twente")]
    assert twente["label"] == "Netwerken Palliatieve Zorg Twente"
    assert twente["nodes"] >= 20
    assert 0 < twente["density"] < 1
    assert twente["centralisation"] > 0.5


def test_default_level_graph(eco: Ecosystem) -> None:
    L = level_graph(eco)
    assert L.has_edge(_iri("network/twente"), _iri("collaboration/ligare"))
    assert L.nodes[_iri("collaboration/ligare")]["level"] == _iri("level/bovenregionaal")
    assert all(d["kind"] in {"network", "collaboration", "organisation", "group"} for _n, d in L.nodes(data=True))


# -- the projections agree with their definition, on every store ---------------------------------------------


def _reference_projection(
    eco: Ecosystem,
) -> tuple[dict[str, str], dict[tuple[str, str], set[str]], dict[str, set[str]]]:
    """The collaboration graph written out from its definition with the public term-level helpers on rdflib.

    Returns the agents (IRI → kind), the links (pair → what links it) and each agent's networks.
    """
    from rdflib import URIRef

    from ecosysteem.analysis.network import ACTIVITY_CLASSES, PARTY_PROPERTIES, agent_kind, parties
    from ecosysteem.vocab import EZ, ORG, RDF

    g = eco.graph
    agents: dict[str, str] = {}
    links: dict[tuple[str, str], set[str]] = {}

    def agent(node: Any) -> bool:
        kind = agent_kind(g, node)
        if kind is not None:
            agents[str(node)] = kind
        return kind is not None

    def link(a: Any, b: Any, via: Any) -> None:
        if a != b:
            links.setdefault((min(str(a), str(b)), max(str(a), str(b))), set()).add(str(via))

    activities = {s for c in ACTIVITY_CLASSES for s in g.subjects(RDF.type, c)}
    activities |= {s for _r, p in PARTY_PROPERTIES for s, o in g.subject_objects(p) if isinstance(o, URIRef)}
    for activity in activities:
        found = [p for p in parties(g, activity) if agent(p)]
        for a in found:
            for b in found:
                link(a, b, activity)
    pairs = [(m, o, mem) for mem, m in g.subject_objects(ORG.member) for o in g.objects(mem, ORG.organization)]
    pairs += [(group, owner, group) for group, owner in g.subject_objects(EZ.unitOf)]
    for a, b, via in pairs:
        if all(isinstance(t, URIRef) for t in (a, b, via)) and agent(a) and agent(b):
            link(a, b, via)
    return agents, links, _reference_networks(eco)


def _reference_networks(eco: Ecosystem) -> dict[str, set[str]]:
    """Each agent's networks, written out from the definition (see :func:`_reference_projection`)."""
    from rdflib import URIRef

    from ecosysteem.analysis.network import agent_kind, parties
    from ecosysteem.vocab import EZ, ORG, RDF

    g = eco.graph
    networks: dict[str, set[str]] = {}
    for net in {n for n in g.subjects(RDF.type, EZ.Network) if agent_kind(g, n) == "network"}:
        networks.setdefault(str(net), set()).add(str(net))
        for activity in network_activities(eco, net):
            for party in parties(g, activity):
                networks.setdefault(str(party), set()).add(str(net))
        for group in g.subjects(EZ.unitOf, net):
            networks.setdefault(str(group), set()).add(str(net))
    for mem, member in g.subject_objects(ORG.member):
        for organization in g.objects(mem, ORG.organization):
            if agent_kind(g, organization) == "network" and isinstance(mem, URIRef) and isinstance(member, URIRef):
                networks.setdefault(str(member), set()).add(str(organization))
    return networks


@pytest.fixture(scope="module", params=["default-memory", "default-oxigraph", "synthetic-oxigraph"])
def any_eco(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Ecosystem:
    import ecosysteem

    data, store = request.param.split("-")
    if data == "default":
        return ecosysteem.load(store=store)
    path = tmp_path_factory.mktemp("synthetic") / "s.nt"
    ecosysteem.generate(path, 400, seed=3)
    return ecosysteem.load(path, store=store)


def test_projections_follow_their_definition(any_eco: Ecosystem) -> None:
    from ecosysteem.analysis.network import collaboration_links

    agents, links, networks = _reference_projection(any_eco)
    G = collaboration_graph(any_eco)
    assert {n: k for n, k in G.nodes(data="kind")} == agents
    assert {(min(a, b), max(a, b)): set(via) for a, b, via in G.edges(data="via")} == links
    assert {n: set(nets) for n, nets in G.nodes(data="networks") if nets} == {
        n: nets for n, nets in networks.items() if n in agents
    }
    links_only = collaboration_links(any_eco)
    assert list(links_only.nodes) == list(G.nodes) and sorted(links_only.edges) == sorted(G.edges)


@pytest.mark.parametrize("small", [5_000, 0], ids=["tables", "direct"])
def test_projections_are_the_same_on_every_store(eco: Ecosystem, small: int, monkeypatch: pytest.MonkeyPatch) -> None:
    import ecosysteem
    from ecosysteem.graph import index

    ox = ecosysteem.load(store="oxigraph")
    monkeypatch.setattr(index, "_SMALL", small)  # 0: every predicate is asked subject by subject where it can
    for project in (collaboration_graph, bipartite_graph, level_graph):
        mem_graph, ox_graph = project(eco), project(ox)
        assert list(mem_graph.nodes(data=True)) == list(ox_graph.nodes(data=True)), project.__name__
        assert list(mem_graph.edges(data=True)) == list(ox_graph.edges(data=True)), project.__name__


@pytest.mark.parametrize("seed", range(40))
def test_weak_links_with_many_leaves_agree_with_removal(seed: int) -> None:
    """Leaves are kept out of the search and counted on the node they hang on: stars, chains and pairs."""
    import random

    r = random.Random(seed)
    G = nx.relabel_nodes(nx.gnm_random_graph(r.randint(2, 16), r.randint(0, 20), seed=seed), str)
    for star in range(r.randint(1, 4)):
        centre = str(r.randrange(G.number_of_nodes()))
        G.add_edges_from((centre, f"leaf-{star}-{i}") for i in range(r.randint(1, 4)))
    G.add_edge(f"pair-{seed}-a", f"pair-{seed}-b")
    found = weak_links(G)
    assert found.splits == _splits_by_removal(G)
    assert found.bridges == sorted(tuple(sorted(e)) for e in nx.bridges(G))
