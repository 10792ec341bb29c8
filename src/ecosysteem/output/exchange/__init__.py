"""Exchange formats: the graph for Gephi and Cytoscape (GraphML, GEXF), spreadsheets (CSV), Kumu and FHIR.

Each format has a ``to_…`` function that returns the text (or data) and a ``write_…`` function that writes it
atomically; :func:`write_exchange` picks one by name, as ``ecosysteem export --format …`` does.

>>> from ecosysteem.graph import load
>>> sorted(EXCHANGE_FORMATS)
['csv', 'fhir', 'gexf', 'graphml', 'kumu']
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ecosysteem.graph import Ecosystem
from ecosysteem.output.exchange._common import PROJECTIONS, Projection, exchange_graph, short
from ecosysteem.output.exchange.fhir import fhir_id, to_fhir_bundle, to_fhir_json, write_fhir
from ecosysteem.output.exchange.graphs import to_gexf, to_graphml, write_gexf, write_graphml
from ecosysteem.output.exchange.kumu import to_kumu, to_kumu_json, to_kumu_xlsx, write_kumu
from ecosysteem.output.exchange.tables import TABLE_CLASSES, to_csv_tables, write_csv

__all__ = [
    "EXCHANGE_FORMATS",
    "PROJECTIONS",
    "TABLE_CLASSES",
    "Projection",
    "exchange_graph",
    "exchange_text",
    "fhir_id",
    "short",
    "to_csv_tables",
    "to_fhir_bundle",
    "to_fhir_json",
    "to_gexf",
    "to_graphml",
    "to_kumu",
    "to_kumu_json",
    "to_kumu_xlsx",
    "write_csv",
    "write_exchange",
    "write_fhir",
    "write_gexf",
    "write_graphml",
    "write_kumu",
]

EXCHANGE_FORMATS: dict[str, str] = {
    "graphml": "GraphML (Gephi, Cytoscape, yEd): the collaboration graph with labels, types, levels and metrics",
    "gexf": "GEXF 1.2 (Gephi): the same graph",
    "csv": "one CSV table per class, in a .zip archive or a new folder",
    "kumu": "Kumu blueprint: elements and connections, as JSON (or a workbook when the file ends in .xlsx)",
    "fhir": "FHIR R4 Bundle (JSON): Organization, OrganizationAffiliation, HealthcareService, Location",
}
"""The exchange formats by name, with a one-line description."""


def exchange_text(eco: Ecosystem, fmt: str, projection: Projection = "collaboration") -> str:
    """Return ``eco`` in exchange format ``fmt`` as text; every format but ``csv`` (several files) has one.

    >>> from ecosysteem.graph import load
    >>> exchange_text(load(), "kumu")[:1]
    '{'
    """
    texts: dict[str, Callable[[], str]] = {
        "graphml": lambda: to_graphml(eco, projection),
        "gexf": lambda: to_gexf(eco, projection),
        "kumu": lambda: to_kumu_json(eco, projection),
        "fhir": lambda: to_fhir_json(eco),
    }
    if fmt not in texts:
        raise ValueError(f"no single text for format {fmt!r}: use one of {', '.join(sorted(texts))}")
    return texts[fmt]()


def write_exchange(eco: Ecosystem, fmt: str, path: str | Path, projection: Projection = "collaboration") -> Path:
    """Write ``eco`` in exchange format ``fmt`` (a key of :data:`EXCHANGE_FORMATS`) to ``path``, atomically.

    Raises ``ValueError`` for an unknown format and :class:`~ecosysteem.errors.OutputError` when the file
    cannot be written.
    """
    if fmt not in EXCHANGE_FORMATS:
        raise ValueError(f"unknown exchange format {fmt!r}: use one of {', '.join(EXCHANGE_FORMATS)}")
    if fmt == "csv":
        return write_csv(eco, path)
    if fmt == "kumu":
        return write_kumu(eco, path, projection)
    from ecosysteem.output._atomic import write_atomic

    return write_atomic(path, exchange_text(eco, fmt, projection))
