"""One entry point for the network analytics: ``analyse(eco, "centrality")`` and friends, as records.

The command line's ``ecosysteem analyse WHAT`` prints what this returns; scripts get the same records.

>>> import ecosysteem
>>> result = ecosysteem.analyse(ecosysteem.load(), "fragility")
>>> {row["kind"] for row in result.records} <= {"articulation point", "bridge"}
True
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from ecosysteem.analysis import metrics
from ecosysteem.analysis.compare import comparison_matrix
from ecosysteem.analysis.network import collaboration_graph
from ecosysteem.errors import QueryError
from ecosysteem.graph import Ecosystem

__all__ = ["ANALYSES", "Analysis", "analyse"]

ANALYSES: dict[str, str] = {
    "centrality": "degree and betweenness of every organisation, network and group",
    "fragility": "articulation points (with the parts left without them) and bridges",
    "brokers": "parties connecting different lines of care",
    "density": "density and centralisation per network",
    "communities": "groups that work together most (modularity; Louvain on large graphs)",
    "compare": "networks (or collaborations) × functions / loops / actions / themes / pillars",
}
"""What :func:`analyse` computes, by name."""


@dataclass
class Analysis:
    """The records of one analysis, and a note when betweenness was estimated from a sample."""

    what: str
    records: list[dict[str, Any]]
    note: str = ""
    sampled: bool = field(default=False)


def analyse(
    eco: Ecosystem,
    what: str,
    *,
    rows: str = "network",
    columns: str = "function",
    lang: str = "nl",
    sample: int | None = None,
    exact: bool = False,
) -> Analysis:
    """Run one of the :data:`ANALYSES` on ``eco``'s collaboration graph (or the comparison matrix).

    Parameters
    ----------
    eco
        The graph to analyse.
    what
        ``centrality``, ``fragility``, ``brokers``, ``density``, ``communities`` or ``compare``.
    rows, columns
        For ``compare``: the rows (``network``, ``collaboration``) and what to compare them on.
    lang
        Language of the names in the records (``nl`` or ``en``).
    sample, exact
        Betweenness from ``sample`` pivot nodes, or ``exact``; by default exact while affordable.

    Returns
    -------
    Analysis
        Plain records (dicts) in a stable order.

    Raises
    ------
    QueryError
        For an unknown analysis, or both ``sample`` and ``exact``.

    Examples
    --------
    >>> import ecosysteem
    >>> rows = ecosysteem.analyse(ecosysteem.load(), "compare", columns="loop").records
    >>> any("Twente" in str(r) for r in rows)
    True
    """
    if what not in ANALYSES:
        raise QueryError(
            f"unknown analysis {what!r}; use one of {', '.join(ANALYSES)}",
            nl=f"onbekende analyse {what!r}; kies uit {', '.join(ANALYSES)}",
        )
    if exact and sample is not None:
        raise QueryError("give a sample or exact, not both", nl="geef een steekproef (sample) of exact, niet allebei")
    if what == "compare":
        return Analysis(what, comparison_matrix(eco, rows=rows, columns=columns, lang=lang).to_records())
    graph = collaboration_graph(eco)
    k: metrics.Sample = None if exact else sample if sample is not None else "auto"
    raw = _METRICS[what](eco, graph, k, lang)
    note = ""
    if raw and raw[0].get("betweenness_sampled"):
        size = k if isinstance(k, int) else metrics.sample_size(graph)
        note = (
            f"note: betweenness estimated from {size} of {graph.number_of_nodes()} nodes (sampled); "
            "--exact computes it exactly"
        )
    hidden = {"node", "value", "betweenness_sampled"}
    records = [{c: round(v, 3) if isinstance(v, float) else v for c, v in r.items() if c not in hidden} for r in raw]
    return Analysis(what, records, note, bool(note))


Rows = list[dict[str, Any]]


def _name(graph: nx.Graph, lang: str) -> Callable[[str], str]:
    return lambda node: str(graph.nodes[node].get("label" if lang == "nl" else "label_en") or node)


def _fragility(_eco: Ecosystem, graph: nx.Graph, _k: metrics.Sample, lang: str) -> Rows:
    name = _name(graph, lang)
    raw: Rows = [
        {"kind": "articulation point", "label": name(n), "with": "", "parts": parts}
        for n, parts in metrics.articulation_splits(graph).items()
    ]
    return raw + [{"kind": "bridge", "label": name(a), "with": name(b), "parts": ""} for a, b in metrics.bridges(graph)]


def _brokers(eco: Ecosystem, graph: nx.Graph, k: metrics.Sample, lang: str) -> Rows:
    raw = metrics.brokers(graph, "line", k=k)
    for row in raw:
        row["values"] = [eco.label(v, lang) for v in row.get("values", [])]
    return raw


def _communities(_eco: Ecosystem, graph: nx.Graph, _k: metrics.Sample, lang: str) -> Rows:
    name = _name(graph, lang)
    return [
        {"community": i, "size": len(group), "members": [name(n) for n in group[:10]] + (["…"] * (len(group) > 10))}
        for i, group in enumerate(metrics.communities(graph), 1)
    ]


_METRICS: dict[str, Callable[[Ecosystem, nx.Graph, metrics.Sample, str], Rows]] = {
    "centrality": lambda _eco, graph, k, _lang: metrics.centrality(graph, k=k),
    "fragility": _fragility,
    "brokers": _brokers,
    "density": lambda _eco, graph, _k, _lang: metrics.density_by(graph, "networks"),
    "communities": _communities,
}
