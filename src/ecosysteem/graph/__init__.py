"""The RDF layer: models ↔ triples, loading files, SHACL validation and the :class:`Ecosystem` entry point."""

from __future__ import annotations

# The submodule ``load`` is imported before the function ``load`` is bound here: importing a submodule for the
# first time sets the package attribute of that name, which would shadow the function.
from ecosysteem.graph.load import FORMATS, parse_file  # isort: skip
from ecosysteem.graph.convert import (
    bind_prefixes,
    entities,
    from_graph,
    model_class_for,
    to_graph,
    to_triples,
)
from ecosysteem.graph.ecosystem import Ecosystem, load, open_ecosystem, to_node
from ecosysteem.graph.index import GraphIndex
from ecosysteem.graph.stores import Store, open_store
from ecosysteem.graph.validate import ValidationReport, Violation, shapes_graph, validate_graph

__all__ = [
    "FORMATS",
    "Ecosystem",
    "GraphIndex",
    "Store",
    "ValidationReport",
    "Violation",
    "bind_prefixes",
    "entities",
    "from_graph",
    "load",
    "model_class_for",
    "open_ecosystem",
    "open_store",
    "parse_file",
    "shapes_graph",
    "to_graph",
    "to_node",
    "to_triples",
    "validate_graph",
]
