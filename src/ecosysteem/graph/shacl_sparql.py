"""SHACL compiled into SPARQL: each constraint of the shapes becomes one violation query run on the store's engine.

pySHACL walks the data graph node by node in Python; at national scale that takes minutes of rdflib look-ups.
Here each constraint of a targeted shape becomes a ``SELECT ?focus ?value`` that finds exactly the nodes that
violate it, and the store's engine (Oxigraph, or a SPARQL endpoint) answers it in bulk. The results are the
violations pySHACL reports — the same focus nodes, paths, values and messages (``tests/test_validate.py`` checks
this on the seeds and on mutated graphs).

The SHACL Core subset that ecosysteem's shapes use is supported: ``sh:targetClass``; property shapes with a
predicate path; ``sh:minCount``, ``sh:maxCount``, ``sh:class``, ``sh:datatype``, ``sh:hasValue``,
``sh:languageIn``, ``sh:in``, ``sh:node``, ``sh:or``, ``sh:qualifiedValueShape`` with ``sh:qualifiedMinCount`` /
``sh:qualifiedMaxCount``; ``sh:message`` and ``sh:severity``. Shapes with anything else raise
:class:`UnsupportedShapes`; validate those with pySHACL (``engine="pyshacl"``).

>>> from ecosysteem.graph.validate import shapes_graph
>>> checks = compile_shapes(shapes_graph())
>>> len(checks) > 40
True
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from ecosysteem.errors import DataError
from ecosysteem.vocab import RDF, RDFS, SH, XSD

__all__ = ["Check", "UnsupportedShapes", "compile_shapes", "ill_typed"]

_SUPPORTED = {
    RDF.type,
    RDFS.label,
    RDFS.comment,
    SH.targetClass,
    SH.property,
    SH.path,
    SH.minCount,
    SH.maxCount,
    SH["class"],
    SH.datatype,
    SH.hasValue,
    SH.languageIn,
    SH["in"],
    SH.node,
    SH["or"],
    SH.qualifiedValueShape,
    SH.qualifiedMinCount,
    SH.qualifiedMaxCount,
    SH.message,
    SH.severity,
    SH.name,
    SH.description,
}
"""The predicates a shape may use here (anything else in a shape raises :class:`UnsupportedShapes`)."""

_VALUE_COMPONENTS = (SH["class"], SH.datatype, SH.languageIn, SH["in"], SH.node, SH["or"])
"""Constraints checked per value node, each reported with the value (``sh:value``)."""


class UnsupportedShapes(DataError):
    """The shapes use SHACL that the SPARQL engine does not compile; validate with pySHACL instead."""

    exit_kind = "data"


@dataclass(frozen=True)
class Check:
    """One constraint of a targeted shape as a violation query.

    ``sparql`` selects ``?focus`` (and ``?value`` when ``reports_value``) for every violation; ``path`` is the
    property path (``None`` for a constraint on the focus node itself, whose value is then the focus node).
    ``classes`` are the classes whose subclass closure the query needs, as ``$CLASS<n>$`` placeholders, and
    ``datatypes`` the datatypes whose ill-typed literals it excludes as ``$BAD<iri>$``; :func:`finish` fills
    both in from the data.
    """

    shape: Node
    component: URIRef
    sparql: str
    path: URIRef | None
    message: str | None
    severity: URIRef
    reports_value: bool


def compile_shapes(shapes: Graph) -> list[Check]:
    """Compile every targeted shape of ``shapes`` into violation queries (one per constraint).

    Raises :class:`UnsupportedShapes` naming the shape and the construct when the shapes use SHACL outside the
    supported subset.
    """
    _check_supported(shapes)
    checks: list[Check] = []
    for shape in sorted(set(shapes.subjects(SH.targetClass, None)), key=str):
        targets = sorted(o for o in shapes.objects(shape, SH.targetClass) if isinstance(o, URIRef))
        focus = f"VALUES ?focusType {{ {_class_set(targets)} }} ?focus a ?focusType ."
        checks.extend(_Compiler(shapes).shape_checks(shape, focus))
    return checks


def _check_supported(shapes: Graph) -> None:
    shape_nodes = set(shapes.subjects(RDF.type, SH.NodeShape)) | set(shapes.subjects(SH.targetClass, None))
    shape_nodes |= set(shapes.objects(None, SH.property)) | set(shapes.objects(None, SH.node))
    shape_nodes |= set(shapes.objects(None, SH.qualifiedValueShape))
    for lst in shapes.objects(None, SH["or"]):
        shape_nodes |= set(Collection(shapes, lst))
    for node in shape_nodes:
        for predicate, obj in shapes.predicate_objects(node):
            if predicate not in _SUPPORTED:
                raise UnsupportedShapes(
                    f"shape {node}: {predicate} is not supported by the sparql engine; use pyshacl",
                    nl=f"shape {node}: {predicate} wordt door de sparql-engine niet ondersteund; gebruik pyshacl",
                )
            if predicate == SH.path and not isinstance(obj, URIRef):
                raise UnsupportedShapes(
                    f"shape {node}: only predicate paths are supported by the sparql engine",
                    nl=f"shape {node}: de sparql-engine ondersteunt alleen enkelvoudige paden; gebruik pyshacl",
                )


_CLASS_PREFIX = "$CLASS:"
_BAD_PREFIX = "$BAD<"


def _class_set(classes: Iterable[Node]) -> str:
    """A placeholder for the subclass closure of ``classes`` (filled in by :func:`finish`)."""
    return " ".join(f"{_CLASS_PREFIX}{c}$" for c in classes)


class _Compiler:
    """Turns shapes into SPARQL: violation queries for targeted shapes, conformance expressions for nested ones."""

    def __init__(self, shapes: Graph) -> None:
        self.g = shapes
        self._names = itertools.count()

    def var(self) -> str:
        return f"?v{next(self._names)}"

    def one(self, node: Node, predicate: URIRef) -> Node | None:
        return next(iter(self.g.objects(node, predicate)), None)

    def integer(self, node: Node, predicate: URIRef) -> int | None:
        value = self.one(node, predicate)
        return int(value) if isinstance(value, Literal) else None

    # -- violation queries of a targeted shape -------------------------------------------------------------

    def shape_checks(self, shape: Node, focus: str) -> Iterator[Check]:
        message = self.one(shape, SH.message)
        severity = self.one(shape, SH.severity)
        for component in (*_VALUE_COMPONENTS, SH.hasValue):
            for _ in self.g.objects(shape, component):
                condition = self.value_condition(shape, component, "?focus")
                yield self.check(
                    shape,
                    component,
                    f"SELECT DISTINCT ?focus ?value WHERE {{ {focus} BIND(?focus AS ?value) FILTER(!({condition})) }}",
                    None,
                    message,
                    severity,
                    True,
                )
                break
        for prop in sorted(self.g.objects(shape, SH.property), key=str):
            yield from self.property_checks(prop, focus)

    def property_checks(self, prop: Node, focus: str) -> Iterator[Check]:
        path = self.one(prop, SH.path)
        assert isinstance(path, URIRef)  # checked by _check_supported
        message, severity = self.one(prop, SH.message), self.one(prop, SH.severity)
        p = f"<{path}>"

        def check(component: URIRef, sparql: str, reports_value: bool = False) -> Check:
            return self.check(prop, component, sparql, path, message, severity, reports_value)

        min_count, max_count = self.integer(prop, SH.minCount), self.integer(prop, SH.maxCount)
        if min_count is not None:
            yield check(SH.minCount, _count_query(focus, f"?focus {p} ?value", f"< {min_count}"))
        if max_count is not None:
            yield check(SH.maxCount, _count_query(focus, f"?focus {p} ?value", f"> {max_count}", optional=False))
        for value in self.g.objects(prop, SH.hasValue):
            missing = f"FILTER NOT EXISTS {{ ?focus {p} {_term(value)} }}"
            yield check(SH.hasValue, f"SELECT DISTINCT ?focus WHERE {{ {focus} {missing} }}")
        qualified = self.one(prop, SH.qualifiedValueShape)
        if qualified is not None:
            conforms = self.conforms(qualified, "?value")
            pattern = f"?focus {p} ?value FILTER({conforms})"
            low, high = self.integer(prop, SH.qualifiedMinCount), self.integer(prop, SH.qualifiedMaxCount)
            if low is not None:
                yield check(SH.qualifiedMinCount, _count_query(focus, pattern, f"< {low}"))
            if high is not None:
                yield check(SH.qualifiedMaxCount, _count_query(focus, pattern, f"> {high}", optional=False))
        for component in _VALUE_COMPONENTS:
            if self.one(prop, component) is not None:
                condition = self.value_condition(prop, component, "?value")
                sparql = f"SELECT DISTINCT ?focus ?value WHERE {{ {focus} ?focus {p} ?value FILTER(!({condition})) }}"
                yield check(component, sparql, True)

    def check(
        self,
        shape: Node,
        component: URIRef,
        sparql: str,
        path: URIRef | None,
        message: Node | None,
        severity: Node | None,
        reports_value: bool,
    ) -> Check:
        return Check(
            shape=shape,
            component=component,
            sparql=sparql,
            path=path,
            message=str(message) if message is not None else None,
            severity=severity if isinstance(severity, URIRef) else SH.Violation,
            reports_value=reports_value,
        )

    # -- conformance expressions ---------------------------------------------------------------------------

    def value_condition(self, shape: Node, component: URIRef, v: str) -> str:
        """A SPARQL expression: whether value node ``v`` satisfies ``shape``'s constraint ``component``."""
        parts = []
        for value in self.g.objects(shape, component):
            if component == SH["class"]:
                parts.append(f"EXISTS {{ VALUES {(t := self.var())} {{ {_class_set([value])} }} {v} a {t} . }}")
            elif component == SH.datatype:
                parts.append(_datatype_condition(value, v))
            elif component == SH.languageIn:
                tags = [str(t) for t in Collection(self.g, value)]
                matches = " || ".join(f"langMatches(lang({v}), {_term(Literal(t))})" for t in tags) or "false"
                parts.append(f"(isLiteral({v}) && ({matches}))")
            elif component == SH["in"]:
                members = " || ".join(f"sameTerm({v}, {_term(m)})" for m in Collection(self.g, value))
                parts.append(f"({members or 'false'})")
            elif component == SH.node:
                parts.append(self.conforms(value, v))
            elif component == SH["or"]:
                alternatives = [self.conforms(alt, v) for alt in Collection(self.g, value)]
                parts.append("(" + (" || ".join(alternatives) or "false") + ")")
            elif component == SH.hasValue:
                parts.append(f"sameTerm({v}, {_term(value)})")
        return " && ".join(parts) or "true"

    def conforms(self, shape: Node, v: str) -> str:
        """A SPARQL expression: whether ``v`` conforms to ``shape`` (all its constraints, nested shapes too)."""
        if self.one(shape, SH.path) is not None:  # a property shape used as a shape (in sh:or, sh:node)
            return self.property_conforms(shape, v)
        parts = [self.value_condition(shape, c, v) for c in (*_VALUE_COMPONENTS, SH.hasValue) if self.one(shape, c)]
        parts += [self.property_conforms(prop, v) for prop in sorted(self.g.objects(shape, SH.property), key=str)]
        return "(" + (" && ".join(parts) or "true") + ")"

    def property_conforms(self, prop: Node, v: str) -> str:
        path = self.one(prop, SH.path)
        if not isinstance(path, URIRef) or self.one(prop, SH.qualifiedValueShape) is not None:
            raise UnsupportedShapes(
                f"shape {prop}: a nested qualified shape is not supported by the sparql engine",
                nl=f"shape {prop}: een geneste qualified shape wordt door de sparql-engine niet ondersteund; "
                "gebruik pyshacl",
            )
        p = f"<{path}>"
        parts = []
        low, high = self.integer(prop, SH.minCount), self.integer(prop, SH.maxCount)
        if low:
            parts.append(f"EXISTS {{ {self.distinct_values(v, p, low)} }}")
        if high is not None:
            parts.append(f"NOT EXISTS {{ {self.distinct_values(v, p, high + 1)} }}")
        for value in self.g.objects(prop, SH.hasValue):
            parts.append(f"EXISTS {{ {v} {p} {_term(value)} }}")
        for component in _VALUE_COMPONENTS:
            if self.one(prop, component) is not None:
                x = self.var()
                parts.append(f"NOT EXISTS {{ {v} {p} {x} FILTER(!({self.value_condition(prop, component, x)})) }}")
        return "(" + (" && ".join(parts) or "true") + ")"

    def distinct_values(self, v: str, p: str, n: int) -> str:
        """A pattern that matches when ``v`` has at least ``n`` distinct values of ``p``."""
        names = [self.var() for _ in range(n)]
        pattern = " ".join(f"{v} {p} {x} ." for x in names)
        different = [f"!sameTerm({a}, {b})" for a, b in itertools.combinations(names, 2)]
        return pattern + (f" FILTER({' && '.join(different)})" if different else "")


def _count_query(focus: str, pattern: str, having: str, *, optional: bool = True) -> str:
    """Focus nodes whose number of distinct ``?value`` in ``pattern`` satisfies ``having`` (``< 1``, ``> 1`` …)."""
    if having == "< 1":  # the common case, without grouping
        return f"SELECT DISTINCT ?focus WHERE {{ {focus} FILTER NOT EXISTS {{ {pattern} }} }}"
    body = f"OPTIONAL {{ {pattern} }}" if optional else pattern
    return f"SELECT ?focus WHERE {{ {focus} {body} }} GROUP BY ?focus HAVING (COUNT(DISTINCT ?value) {having})"


def _datatype_condition(datatype: Node, v: str) -> str:
    if datatype == RDFS.Literal:
        return f"isLiteral({v})"
    return f"(isLiteral({v}) && sameTerm(datatype({v}), {_term(datatype)}) && {_BAD_PREFIX}{datatype}>{v}$)"


def _term(node: Node) -> str:
    if isinstance(node, URIRef):
        return f"<{node}>"
    if isinstance(node, Literal):
        from ecosysteem.graph.stores import sparql_term

        return sparql_term(node)
    if isinstance(node, BNode):
        raise UnsupportedShapes(
            "a blank node as a constraint value is not supported by the sparql engine",
            nl="een blank node als waarde van een constraint wordt door de sparql-engine niet ondersteund; "
            "gebruik pyshacl",
        )
    raise UnsupportedShapes(f"cannot use {node!r} in a shape", nl=f"{node!r} kan niet in een shape worden gebruikt")


def ill_typed(lexical: str, datatype: str) -> bool:
    """Whether pySHACL's ``sh:datatype`` rejects a literal of ``datatype`` with this lexical form.

    Like pySHACL: rdflib's reading of the lexical form must succeed and give a value of the Python type of the
    datatype (for the XSD types pySHACL checks); other datatypes pass.

    >>> ill_typed("2021-02-30", str(XSD.date)), ill_typed("2021-02-03", str(XSD.date))
    (True, False)
    """
    import datetime
    from decimal import Decimal

    literal = Literal(lexical, datatype=URIRef(datatype))
    if getattr(literal, "ill_typed", None) is True:
        return True
    expected: dict[URIRef, type | tuple[type, ...]] = {
        XSD.string: (str, bytes),
        XSD.integer: int,
        XSD.float: float,
        XSD.decimal: Decimal,
        XSD.boolean: bool,
        XSD.date: datetime.date,
        XSD.time: datetime.time,
        XSD.dateTime: datetime.datetime,
    }
    wanted = expected.get(URIRef(datatype))
    return wanted is not None and not isinstance(literal.value, wanted)
