"""RDF: the whole graph as Turtle, JSON-LD, N-Triples or RDF/XML, and RDF files read back into an ecosystem.

>>> from ecosysteem.graph import load
>>> to_rdf(load(), "nt").count(" .\\n") > 1000
True
"""

from __future__ import annotations

from pathlib import Path

from ecosysteem._files import write_atomic
from ecosysteem.graph import Ecosystem

__all__ = ["RDF_FORMATS", "read_rdf", "to_rdf", "write_rdf"]

RDF_FORMATS: dict[str, str] = {
    "turtle": "Turtle (.ttl): the graph as people read and edit it",
    "json-ld": "JSON-LD (.jsonld): the graph for web tools",
    "nt": "N-Triples (.nt): one triple a line, for large files and other triple stores",
    "xml": "RDF/XML (.rdf): for older RDF tools",
}
"""The RDF serialisations by rdflib name, with a one-line description."""


def to_rdf(eco: Ecosystem, fmt: str = "turtle") -> str:
    """Return the whole graph of ``eco`` as text in RDF format ``fmt`` (a key of :data:`RDF_FORMATS`)."""
    if fmt not in RDF_FORMATS:
        raise ValueError(f"unknown RDF format {fmt!r}: use one of {', '.join(RDF_FORMATS)}")
    return eco.serialize(format=fmt)


def write_rdf(eco: Ecosystem, path: str | Path, fmt: str = "turtle") -> Path:
    """Write :func:`to_rdf` to ``path`` atomically, ending in a newline, and return the path."""
    text = to_rdf(eco, fmt)
    return write_atomic(path, text if text.endswith("\n") else text + "\n")


def read_rdf(path: str | Path) -> Ecosystem:
    """Return a new in-memory ecosystem of the ontology and the RDF file ``path`` (format from its suffix).

    Raises :class:`~ecosysteem.errors.DataError` or :class:`~ecosysteem.errors.ParseError` naming the file.
    """
    return Ecosystem().load(path)
