"""The SHACL check of an import: only the imported nodes, on an excerpt of the context, once per look-alike group."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from ecosysteem.graph.validate import Violation
from ecosysteem.vocab import RDF, RDFS, SKOS

__all__ = ["shape_violations"]


def shape_violations(context: Graph, imported: Graph, focus: list[str]) -> list[Violation]:
    """The SHACL violations of the ``focus`` nodes of ``imported``, checked against ``context``.

    Checking the whole context is slow, and pySHACL's own focus-node filter is quadratic (a 10,000-row workbook
    took minutes), so only an excerpt is checked: the focus nodes' triples (imported and in the context), the
    classes and schemes of what they point at, and the class hierarchy. And nodes alike for the shapes are checked
    once: ecosysteem's shapes look at a node's classes, its literals' datatypes and languages, the classes and
    schemes of the nodes it points at and which concepts it names, nothing else (no values of literals, no inverse
    paths) — so one node per :meth:`_View.signature` stands for all; a group with a violation is then checked node
    by node.
    """
    view = _View(context, imported)
    groups: dict[tuple[Any, ...], list[URIRef]] = {}
    for node in map(URIRef, focus):
        groups.setdefault(view.signature(node), []).append(node)
    found = _validate(view, {nodes[0] for nodes in groups.values()})
    failing = {n for nodes in groups.values() if nodes[0] in found for n in nodes}
    if failing:
        found = _validate(view, failing)
    return sorted(v for node in sorted(found) for v in found[node])


@dataclass
class _View:
    """The imported triples over the context, read without copying either: what the shapes see of a node."""

    context: Graph
    imported: Graph

    def about(self, node: URIRef) -> list[tuple[URIRef, Node]]:
        """Every (predicate, object) of ``node``, imported and in the context."""
        return [*self.imported.predicate_objects(node), *self.context.predicate_objects(node)]  # type: ignore[list-item]

    def values(self, node: Node, predicate: URIRef) -> set[Node]:
        return {*self.imported.objects(node, predicate), *self.context.objects(node, predicate)}

    def signature(self, node: URIRef) -> tuple[Any, ...]:
        """What the shapes can see of ``node``: see :func:`_shape_violations`."""
        items: list[tuple[str, ...]] = []
        for predicate, obj in self.about(node):
            if isinstance(obj, Literal):
                items.append((str(predicate), "literal", str(obj.datatype or ""), obj.language or ""))
            elif self.values(obj, SKOS.inScheme):
                items.append((str(predicate), "concept", str(obj)))
            else:
                types = ",".join(sorted(str(t) for t in self.values(obj, RDF.type)))
                items.append((str(predicate), "node", types))
        return tuple(sorted(items))


def _validate(view: _View, nodes: set[URIRef]) -> dict[URIRef, list[Violation]]:
    """Validate ``nodes`` (with the classes and schemes of what they point at); their violations by node."""
    from pyshacl import validate as shacl_validate

    from ecosysteem.graph.validate import _violations, shapes_graph

    data = Graph()
    data += view.context.triples((None, RDFS.subClassOf, None))
    objects: set[Node] = set()
    for node in nodes:
        for predicate, obj in view.about(node):
            data.add((node, predicate, obj))
            objects.add(obj)
    for obj in objects:
        if isinstance(obj, URIRef):
            for predicate in (RDF.type, SKOS.inScheme):
                for value in view.values(obj, predicate):
                    data.add((obj, predicate, value))
    _conforms, results, _text = shacl_validate(
        data, shacl_graph=shapes_graph(), inference="none", allow_warnings=True, do_owl_imports=False, inplace=True
    )
    found: dict[URIRef, list[Violation]] = {}
    for violation in _violations(results):
        node = URIRef(violation.focus)
        if node in nodes and violation.severity == "Violation":
            found.setdefault(node, []).append(violation)
    return found
