"""SHACL validation of a graph against ecosysteem's shapes (``ontology/shapes.ttl``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.term import Node

from ecosysteem.resources import data_dir
from ecosysteem.vocab import RDF, SH

__all__ = ["ValidationReport", "Violation", "shapes_graph", "validate_graph"]


@dataclass(frozen=True, order=True)
class Violation:
    """One SHACL result: which node, which property, what is wrong."""

    focus: str
    path: str
    message: str
    severity: str = "Violation"
    value: str | None = None

    def __str__(self) -> str:
        value = f" (value: {self.value})" if self.value else ""
        return f"{self.severity}: <{self.focus}> {self.path}: {self.message}{value}"


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of :func:`validate_graph`: ``conforms`` and the sorted list of ``violations``."""

    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    results_graph: Graph | None = field(default=None, compare=False, repr=False)

    def __bool__(self) -> bool:
        return self.conforms

    @property
    def text(self) -> str:
        """A human-readable report: one line per violation, then a summary line."""
        lines = [str(v) for v in self.violations]
        if self.conforms:
            lines.append("Conforms: the graph satisfies every shape.")
        else:
            lines.append(f"Does not conform: {len(self.violations)} violation(s).")
        return "\n".join(lines)


def shapes_graph(path: str | Path | None = None) -> Graph:
    """Return the SHACL shapes (ecosysteem's own unless ``path`` is given)."""
    graph = Graph()
    graph.parse(Path(path) if path else data_dir("ontology") / "shapes.ttl", format="turtle")
    return graph


def validate_graph(graph: Graph, shapes: Graph | None = None) -> ValidationReport:
    """Validate ``graph`` against ``shapes`` (default: ecosysteem's shapes) with pySHACL.

    SHACL follows ``rdfs:subClassOf`` in the data graph, so an ``ez:Pilot`` is checked by the shapes of
    ``ez:Activity`` as long as the ontology is in ``graph`` (it is in every graph :func:`ecosysteem.load` makes).
    No inference is run and nothing is fetched: ``owl:imports`` are not followed.
    """
    from pyshacl import validate as shacl_validate  # imported lazily: pySHACL takes a while to import

    conforms, results, _text = shacl_validate(
        graph,
        shacl_graph=shapes if shapes is not None else shapes_graph(),
        inference="none",
        abort_on_first=False,
        allow_warnings=True,
        do_owl_imports=False,
    )
    violations = sorted(_violations(results))
    return ValidationReport(conforms=bool(conforms), violations=violations, results_graph=results)


def _violations(results: Graph) -> list[Violation]:
    out = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        message = results.value(result, SH.resultMessage)
        severity = results.value(result, SH.resultSeverity)
        value = results.value(result, SH.value)
        out.append(
            Violation(
                focus=str(focus),
                path=_short(results, path),
                message=str(message) if message else "does not satisfy its shape",
                severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
                value=_short(results, value) if value is not None else None,
            )
        )
    return out


def _short(graph: Graph, node: Node | None) -> str:
    if node is None:
        return "(node)"
    if isinstance(node, URIRef):
        try:
            return graph.namespace_manager.normalizeUri(node)
        except Exception:
            return str(node)
    return str(node)
