"""The RDF layer: models ↔ triples, loading files, SHACL validation and the :class:`Ecosystem` entry point."""

from __future__ import annotations

from ecosysteem.graph.convert import (
    bind_prefixes,
    entities,
    from_graph,
    model_class_for,
    to_graph,
    to_triples,
)
from ecosysteem.graph.ecosystem import Ecosystem, load, to_node
from ecosysteem.graph.load import FORMATS, parse_file
from ecosysteem.graph.validate import ValidationReport, Violation, shapes_graph, validate_graph

__all__ = [
    "FORMATS",
    "Ecosystem",
    "ValidationReport",
    "Violation",
    "bind_prefixes",
    "entities",
    "from_graph",
    "load",
    "model_class_for",
    "parse_file",
    "shapes_graph",
    "to_graph",
    "to_node",
    "to_triples",
    "validate_graph",
]
