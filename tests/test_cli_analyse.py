"""`ecosysteem analyse`: the analytics tables on the default data, sampling said out loud, clear errors."""

from __future__ import annotations

import json

import networkx as nx
import pytest
from click.testing import CliRunner

from ecosysteem.analysis.metrics import articulation_splits, centrality
from ecosysteem.analysis.network import collaboration_graph
from ecosysteem.cli import cli
from ecosysteem.graph import load


@pytest.fixture(scope="module")
def graph() -> nx.Graph:
    return collaboration_graph(load())


def _json(*args: str) -> list[dict[str, object]]:
    result = CliRunner().invoke(cli, ["-q", "analyse", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert isinstance(rows, list)
    return rows


def test_fragility_lists_every_articulation_point_with_its_parts(graph: nx.Graph) -> None:
    rows = [r for r in _json("fragility") if r["kind"] == "articulation point"]
    splits = articulation_splits(graph)
    assert len(rows) == len(splits) > 0
    ligare = next(r for r in rows if r["label"] == "Consortium Ligare")
    assert ligare["parts"] == splits["https://w3id.org/ecosysteem/id/collaboration/ligare"]


def test_centrality_is_exact_on_the_default_data(graph: nx.Graph) -> None:
    result = CliRunner().invoke(cli, ["-q", "analyse", "centrality", "--format", "json"])
    assert result.exit_code == 0
    assert "sampled" not in result.stderr
    rows = json.loads(result.stdout)
    assert rows[0]["label"] == centrality(graph)[0]["label"]
    assert rows[0]["betweenness"] == pytest.approx(centrality(graph, k=None)[0]["betweenness"], abs=1e-3)


@pytest.mark.parametrize("what", ["centrality", "brokers"])
def test_a_sample_is_said_out_loud(what: str) -> None:
    result = CliRunner().invoke(cli, ["-q", "analyse", what, "--sample", "7", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "estimated from 7 of" in result.stderr
    assert json.loads(result.stdout)


def test_communities_cover_the_graph(graph: nx.Graph) -> None:
    rows = _json("communities")
    assert sum(int(r["size"]) for r in rows) == graph.number_of_nodes()  # type: ignore[call-overload]
    assert [r["community"] for r in rows] == list(range(1, len(rows) + 1))


def test_sample_and_exact_conflict() -> None:
    result = CliRunner().invoke(cli, ["analyse", "centrality", "--sample", "5", "--exact"])
    assert result.exit_code == 2  # a usage error
    assert "--sample of --exact" in result.output
    assert "Traceback" not in result.output
