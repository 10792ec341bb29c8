"""Data in and out: one module per exchange format, registered in one table, :data:`FORMATS`.

=========  ==================  =========================================================================
module     formats             what
=========  ==================  =========================================================================
``rdf``    turtle, json-ld,    the whole graph as RDF (read and write)
           nt, xml
``graphs`` graphml, gexf       the collaboration (or bipartite) graph for Gephi, Cytoscape, yEd
``tables`` csv                 one CSV table per class, in a .zip or a new folder (write only)
``kumu``   kumu                a Kumu blueprint, JSON or a Kumu workbook (.xlsx)
``fhir``   fhir                a FHIR R4 Bundle in the spirit of IHE mCSD
=========  ==================  =========================================================================

``ecosysteem export --format …`` offers exactly the names in :data:`FORMATS`; to add a format, add a module with
``to_…``/``write_…`` (and ``read_…`` if it can be read) and one :class:`Format` entry here. The xlsx workbook
(``ecosysteem.graph.workbook``) is still apart and is meant to join this table.

>>> sorted(EXCHANGE_FORMATS)
['csv', 'fhir', 'gexf', 'graphml', 'kumu']
>>> [f.name for f in FORMATS.values() if f.read is not None]
['turtle', 'json-ld', 'nt', 'xml']
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ecosysteem.graph import Ecosystem
from ecosysteem.io._common import PROJECTIONS, Projection, exchange_graph
from ecosysteem.io.fhir import fhir_id, to_fhir_bundle, to_fhir_json, write_fhir
from ecosysteem.io.graphs import to_gexf, to_graphml, write_gexf, write_graphml
from ecosysteem.io.kumu import to_kumu, to_kumu_json, to_kumu_xlsx, write_kumu
from ecosysteem.io.rdf import RDF_FORMATS, read_rdf, to_rdf, write_rdf
from ecosysteem.io.tables import TABLE_CLASSES, to_csv_tables, write_csv

__all__ = [
    "EXCHANGE_FORMATS",
    "FORMATS",
    "PROJECTIONS",
    "RDF_FORMATS",
    "TABLE_CLASSES",
    "Format",
    "Projection",
    "exchange_graph",
    "exchange_text",
    "export",
    "fhir_id",
    "read",
    "read_rdf",
    "to_csv_tables",
    "to_fhir_bundle",
    "to_fhir_json",
    "to_gexf",
    "to_graphml",
    "to_kumu",
    "to_kumu_json",
    "to_kumu_xlsx",
    "to_rdf",
    "write",
    "write_csv",
    "write_exchange",
    "write_fhir",
    "write_gexf",
    "write_graphml",
    "write_kumu",
    "write_rdf",
]

Text = Callable[[Ecosystem, Projection], str]
Write = Callable[[Ecosystem, Path, Projection], Path]


@dataclass(frozen=True)
class Format:
    """One exchange format: its name (``--format``), what it is, and how to write (and read) it."""

    name: str
    kind: Literal["rdf", "exchange"]
    description: str
    write: Write
    """Write the ecosystem to a path, atomically."""
    text: Text | None = None
    """The ecosystem as one text (``None`` when the format is several files, as ``csv``)."""
    read: Callable[[Path], Ecosystem] | None = None
    """Read a file of this format into a new ecosystem (``None``: the format cannot be read back)."""
    uses_projection: bool = False
    """Whether ``--graph collaboration|bipartite`` applies."""


def _rdf(name: str, description: str) -> Format:
    return Format(
        name,
        "rdf",
        description,
        write=lambda eco, path, _p: write_rdf(eco, path, name),
        text=lambda eco, _p: to_rdf(eco, name),
        read=read_rdf,
    )


FORMATS: dict[str, Format] = {
    **{name: _rdf(name, description) for name, description in RDF_FORMATS.items()},
    "graphml": Format(
        "graphml",
        "exchange",
        "GraphML (Gephi, Cytoscape, yEd): the collaboration graph with labels, types, levels and metrics",
        write=write_graphml,
        text=to_graphml,
        uses_projection=True,
    ),
    "gexf": Format(
        "gexf", "exchange", "GEXF 1.2 (Gephi): the same graph", write_gexf, text=to_gexf, uses_projection=True
    ),
    "csv": Format(
        "csv",
        "exchange",
        "one CSV table per class, in a .zip archive or a new folder (for reading; cannot be imported back)",
        write=lambda eco, path, _p: write_csv(eco, path),
    ),
    "kumu": Format(
        "kumu",
        "exchange",
        "Kumu blueprint: elements and connections, as JSON (or a workbook when the file ends in .xlsx)",
        write=write_kumu,
        text=to_kumu_json,
        uses_projection=True,
    ),
    "fhir": Format(
        "fhir",
        "exchange",
        "FHIR R4 Bundle (JSON): Organization, OrganizationAffiliation, HealthcareService, Location",
        write=lambda eco, path, _p: write_fhir(eco, path),
        text=lambda eco, _p: to_fhir_json(eco),
    ),
}
"""Every format ecosysteem writes, by the name ``--format`` takes: the four RDF serialisations, then the rest."""

EXCHANGE_FORMATS: dict[str, str] = {f.name: f.description for f in FORMATS.values() if f.kind == "exchange"}
"""The exchange (non-RDF) formats by name, with a one-line description."""


def _format(fmt: str) -> Format:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    return FORMATS[fmt]


def exchange_text(eco: Ecosystem, fmt: str, projection: Projection = "collaboration") -> str:
    """Return ``eco`` in format ``fmt`` as text; every format but ``csv`` (several files) has one.

    >>> from ecosysteem.graph import load
    >>> exchange_text(load(), "kumu")[:1]
    '{'
    """
    text = _format(fmt).text
    if text is None:
        single = ", ".join(f.name for f in FORMATS.values() if f.text is not None)
        raise ValueError(f"no single text for format {fmt!r}: use one of {single}")
    return text(eco, projection)


def write(eco: Ecosystem, fmt: str, path: str | Path, projection: Projection = "collaboration") -> Path:
    """Write ``eco`` in format ``fmt`` (a key of :data:`FORMATS`) to ``path``, atomically, and return the path.

    Raises ``ValueError`` for an unknown format and :class:`~ecosysteem.errors.OutputError` when the file
    cannot be written.
    """
    return _format(fmt).write(eco, Path(path), projection)


export = write
"""``ecosysteem.export(eco, fmt, path)``: the top-level name of :func:`write`."""


def write_exchange(eco: Ecosystem, fmt: str, path: str | Path, projection: Projection = "collaboration") -> Path:
    """Write ``eco`` in exchange format ``fmt`` (a key of :data:`EXCHANGE_FORMATS`); see :func:`write`."""
    if fmt not in EXCHANGE_FORMATS:
        raise ValueError(f"unknown exchange format {fmt!r}: use one of {', '.join(EXCHANGE_FORMATS)}")
    return write(eco, fmt, path, projection)


def read(fmt: str, path: str | Path) -> Ecosystem:
    """Read the file ``path`` of format ``fmt`` into a new ecosystem; ``ValueError`` if the format cannot be read."""
    reader = _format(fmt).read
    if reader is None:
        readable = ", ".join(f.name for f in FORMATS.values() if f.read is not None)
        raise ValueError(f"format {fmt!r} cannot be read back: use one of {readable}")
    return reader(Path(path))
