"""SHACL validation of a graph against ecosysteem's shapes (``ontology/shapes.ttl``).

Two engines give the same violations: ``sparql`` (the default) compiles the shapes into violation queries that
the store's own engine answers in bulk (:mod:`ecosysteem.graph.shacl_sparql`; seconds at national scale), and
``pyshacl`` runs pySHACL, the reference implementation, on an rdflib copy of the graph.
"""

from __future__ import annotations

import functools
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from rdflib import Graph, URIRef
from rdflib import Literal as RDFLiteral
from rdflib.term import Node

from ecosysteem.errors import OptionError
from ecosysteem.resources import data_dir
from ecosysteem.vocab import RDF, SH

if TYPE_CHECKING:
    from ecosysteem.graph.shacl_sparql import Check
    from ecosysteem.graph.stores import Store

__all__ = ["ENGINES", "Engine", "ValidationReport", "Violation", "shapes_graph", "validate_graph", "validate_store"]

Engine = Literal["sparql", "pyshacl"]
ENGINES: tuple[Engine, ...] = ("sparql", "pyshacl")
"""The validation engines: SHACL compiled to SPARQL on the store (default), or pySHACL (the reference)."""


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
    violations = sorted(_violations(results), key=_order)
    return ValidationReport(conforms=bool(conforms), violations=violations, results_graph=results)


def validate_store(store: Store, shapes: Graph | None = None, engine: Engine = "sparql") -> ValidationReport:
    """Validate what ``store`` holds against ``shapes`` (default: ecosysteem's shapes) with ``engine``.

    ``"sparql"`` runs one violation query per constraint on the store's engine; ``"pyshacl"`` copies the graph
    into rdflib and runs pySHACL. Both give the same violations (focus node, path, message, value).

    >>> from ecosysteem.graph.stores import open_store
    >>> validate_store(open_store()).conforms   # an empty store conforms
    True
    """
    if engine == "pyshacl":
        graph = store.graph
        if store.kind != "memory":
            # pySHACL walks the graph triple by triple; an in-memory copy is much faster than the store each time.
            graph = Graph()
            for triple in store.graph:
                graph.add(triple)
        return validate_graph(graph, shapes)
    if engine != "sparql":
        raise OptionError(
            f"unknown validation engine {engine!r}; use one of {', '.join(ENGINES)}",
            nl=f"onbekende validatie-engine {engine!r}; kies uit {', '.join(ENGINES)}",
        )
    if store.kind == "memory":
        # rdflib's SPARQL engine needs seconds per violation query; an Oxigraph copy answers them all in less.
        from ecosysteem.graph.stores.oxigraph import OxigraphStore

        copy = OxigraphStore()
        copy.add_triples(store.graph)
        store = copy
    checks, paths, prefixes = _compiled(shapes) if shapes is not None else _default_compiled()
    queries = _finish([c.sparql for c in checks], store, paths)

    def run(check: Check, sparql: str) -> list[Violation]:
        rows = store.query(sparql, name=f"shape {check.shape} {check.component}")
        return [_violation(check, row, prefixes) for row in rows]  # type: ignore[arg-type]

    if store.concurrent_queries:  # the engine works outside the GIL: two queries at a time use both cores
        with ThreadPoolExecutor(max_workers=2) as pool:
            found = list(pool.map(run, checks, queries))
    else:
        found = [run(check, sparql) for check, sparql in zip(checks, queries, strict=True)]
    violations = [v for part in found for v in part]
    violations.sort(key=_order)
    return ValidationReport(conforms=not violations, violations=violations)


def _order(violation: Violation) -> tuple[str, str, str, str, str]:
    """Sort key of violations: a missing value sorts first (a plain sort cannot compare ``None`` with text)."""
    v = violation
    return (v.focus, v.path, v.message, v.severity, v.value if v.value is not None else "")


def _compiled(shapes: Graph) -> tuple[list[Check], list[URIRef], Graph]:
    """The violation queries of ``shapes``, the paths they follow, and the prefixes pySHACL's report would use."""
    from ecosysteem.graph.shacl_sparql import compile_shapes

    paths = sorted({p for p in shapes.objects(None, SH.path) if isinstance(p, URIRef)})
    prefixes = Graph(bind_namespaces="core")
    for prefix, namespace in shapes.namespace_manager.namespaces():
        prefixes.namespace_manager.bind(prefix, namespace)
    return compile_shapes(shapes), paths, prefixes


@functools.cache
def _default_compiled() -> tuple[list[Check], list[URIRef], Graph]:
    return _compiled(shapes_graph())


_CLASS = re.compile(r"\$CLASS:([^$]*)\$")
_BAD = re.compile(r"\$BAD<([^>]*)>(\?\w+)\$")


def _finish(queries: list[str], store: Store, paths: list[URIRef]) -> list[str]:
    """Fill in what the compiled queries need from the data: subclass closures, and ill-typed literals to refuse."""
    from ecosysteem.graph.shacl_sparql import ill_typed
    from ecosysteem.graph.stores import sparql_term

    classes = sorted({m for q in queries for m in _CLASS.findall(q)})
    closure: dict[str, set[str]] = {c: {c} for c in classes}
    if classes:
        values = " ".join(f"<{c}>" for c in classes)
        sparql = f"SELECT ?sub ?sup WHERE {{ VALUES ?sup {{ {values} }} ?sub rdfs:subClassOf* ?sup . }}"
        for sub, sup in store.query_strings(sparql, name="subclasses"):
            if sub is not None and sup is not None:
                closure[sup].add(sub)
    datatypes = sorted({m[0] for q in queries for m in _BAD.findall(q)})
    bad: dict[str, list[str]] = {}
    if datatypes and paths:
        sparql = (
            f"SELECT DISTINCT ?lit WHERE {{ VALUES ?p {{ {' '.join(f'<{p}>' for p in paths)} }} ?s ?p ?lit . "
            f"FILTER(isLiteral(?lit) && datatype(?lit) IN ({', '.join(f'<{d}>' for d in datatypes)})) }}"
        )
        for (lit,) in store.query(sparql, name="typed literals"):  # type: ignore[misc]
            if isinstance(lit, RDFLiteral) and ill_typed(str(lit), str(lit.datatype)):
                bad.setdefault(str(lit.datatype), []).append(sparql_term(lit))

    def classes_of(match: re.Match[str]) -> str:
        return " ".join(f"<{c}>" for c in sorted(closure[match.group(1)]))

    def refuse(match: re.Match[str]) -> str:
        terms = bad.get(match.group(1), [])
        return " && ".join(f"!sameTerm({match.group(2)}, {t})" for t in terms) or "true"

    return [_BAD.sub(refuse, _CLASS.sub(classes_of, q)) for q in queries]


def _violation(check: Check, row: tuple[Node, ...], prefixes: Graph) -> Violation:
    value = row[1] if check.reports_value and len(row) > 1 else None
    return Violation(
        focus=str(row[0]),
        path=_short(prefixes, check.path),
        message=check.message or "does not satisfy its shape",
        severity=str(check.severity).rsplit("#", 1)[-1],
        value=_short(prefixes, value) if value is not None else None,
    )


def _violations(results: Graph) -> list[Violation]:
    out = []
    # Only the report's own results (sh:result): pySHACL also types the nested results it attaches with sh:detail
    # (why a value failed its sh:node shape) as sh:ValidationResult, with the value as their focus node.
    for result in (
        r for report in results.subjects(RDF.type, SH.ValidationReport) for r in results.objects(report, SH.result)
    ):
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
