"""The index equivalents of named gap queries return exactly their queries' rows, on every store."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import ecosysteem
from ecosysteem.analysis import gap_rows
from ecosysteem.analysis.gaps import find_gaps
from ecosysteem.analysis.network import IriView
from ecosysteem.analysis.queries import query_strings
from ecosysteem.graph import Ecosystem


@pytest.fixture(scope="module", params=["default-memory", "default-oxigraph", "synthetic-memory", "synthetic-oxigraph"])
def data(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Ecosystem:
    source, store = request.param.split("-")
    if source == "default":
        return ecosysteem.load(store=store)
    path = tmp_path_factory.mktemp("synthetic") / "s.nt"
    ecosysteem.generate(path, 300, seed=5)
    return ecosysteem.load(path, store=store)


@pytest.mark.parametrize("name", sorted(gap_rows.EQUIVALENTS))
def test_equivalent_returns_the_query_rows(data: Ecosystem, name: str) -> None:
    assert gap_rows.applies(data)
    expected = sorted(query_strings(data, name))
    assert gap_rows.EQUIVALENTS[name](IriView(data.index())) == expected
    if name != "gap-chain-not-connected" or data.store.kind == "memory":
        assert expected  # every equivalent is checked on rows, not only on an empty answer


BLANK_MEMBERSHIP = """
id:collaboration\\/s a ez:SupraRegionalCollaboration ; rdfs:label "S"@nl , "S"@en .
id:network\\/n a ez:Network ; rdfs:label "N"@nl , "N"@en .
[] a org:Membership ; org:member id:network\\/n ; org:organization id:collaboration\\/s .
id:activity\\/a a ez:Activity ; rdfs:label "A"@nl , "A"@en ; ez:responsible id:network\\/n ;
    ez:servesFunction id:function\\/lerend-netwerk .
"""


@pytest.mark.parametrize("store", ["memory", "oxigraph"])
def test_blank_nodes_fall_back_to_the_named_queries(small_graph: Callable[..., Ecosystem], store: str) -> None:
    eco = small_graph(BLANK_MEMBERSHIP, bijenkorf=True)
    if store == "oxigraph":
        eco = ecosysteem.load(*eco.files, defaults=False, store="oxigraph")
    assert not gap_rows.applies(eco)
    # Through the blank membership the activity is in the collaboration's scope: its function is served.
    assert ("https://w3id.org/ecosysteem/id/collaboration/s", "https://w3id.org/ecosysteem/id/activity/a") in (
        query_strings(eco, "collaboration-activities")
    )
    # The equivalent, which follows IRIs only, would miss it: that is why it steps aside here.
    view = IriView(eco.index())
    assert not gap_rows.EQUIVALENTS["collaboration-activities"](view)
    unserved = {f.evidence[0] for f in find_gaps(eco, types=["function-not-served"])}
    assert "function: https://w3id.org/ecosysteem/id/function/lerend-netwerk" not in unserved
    assert "function: https://w3id.org/ecosysteem/id/function/verbindingsfunctie" in unserved


def test_the_report_uses_the_equivalents_only_where_they_apply(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from ecosysteem.analysis import gaps

    ran: list[str] = []
    original = gaps.query_strings
    monkeypatch.setattr(gaps, "query_strings", lambda eco, name: ran.append(name) or original(eco, name))
    find_gaps(ecosysteem.load())
    assert ran and not set(ran) & set(gap_rows.EQUIVALENTS)  # rdflib in memory: every equivalent is used
    ran.clear()
    find_gaps(ecosysteem.load(store="oxigraph"))  # the heavier ones run as queries, in the background
    assert set(ran) & set(gap_rows.EQUIVALENTS) == set(gap_rows.BACKGROUND_FIRST)


def test_a_literal_where_an_iri_belongs_also_falls_back(small_graph: Callable[..., Ecosystem]) -> None:
    eco = small_graph(
        """
id:network\\/n a ez:Network ; rdfs:label "N"@nl , "N"@en .
id:plan\\/p a ez:Plan ; ez:planOf id:network\\/n .
id:activity\\/a a ez:Activity ; ez:inPlan id:plan\\/p ; ez:theme "dementie" .
"""
    )
    assert not gap_rows.applies(eco)
    rows = query_strings(eco, "network-theme-activities")
    assert (
        "https://w3id.org/ecosysteem/id/network/n",
        "dementie",
        "https://w3id.org/ecosysteem/id/activity/a",
        None,
    ) in (rows)
    assert not gap_rows.EQUIVALENTS["network-theme-activities"](IriView(eco.index()))  # why it must step aside
