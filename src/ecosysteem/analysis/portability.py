"""Portable SPARQL: find the constructs that a real server (Virtuoso 7.2) evaluates differently from the standard.

Three constructs gave Virtuoso Open Source 7.2.5 other answers than rdflib and Oxigraph (issue 18), each
reproducible on a graph of five triples; :func:`portability_issues` finds them on the parsed query (rdflib's
algebra), so a comment or a string that merely mentions them is no finding:

* **A** — a transitive path (``p*`` or ``p+``) joined, on a shared variable, to a ``UNION`` or to an alternative
  path with a sequence branch (``a|(b/c)``): Virtuoso returns nothing. Write the path inside each UNION branch,
  and a sequence as two triples through a variable.
* **B** — inside ``MINUS``, a variable bound by ``BIND`` in a UNION branch: Virtuoso ignores it, so the MINUS
  removes too much. Bind it with ``VALUES`` instead.
* **C** — a ``UNION`` followed by a ``MINUS`` whose pattern has an alternative path with a sequence branch, in a
  query with ``ORDER BY``: the MINUS removes nothing. Write the UNION as ``VALUES``, or the sequence as a UNION.

>>> [i.construct for i in portability_issues(
...     "SELECT ?a WHERE { ?t ez:lead|(ez:inPlan/ez:planOf) ?p . ?a ez:partOf* ?t }")]
['A']
>>> portability_issues("SELECT ?a WHERE { ?t ez:lead ?p . ?t ez:inPlan ?plan . ?plan ez:planOf ?p . ?a ez:partOf* ?t }")
[]
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from rdflib.paths import AlternativePath, InvPath, MulPath, NegatedPath, Path, SequencePath
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Variable

from ecosysteem.errors import QueryError
from ecosysteem.graph.query_guard import algebra_nodes, parsed_query

__all__ = ["PortabilityIssue", "portability_issues"]

# Patterns whose first operand continues the group they stand in (the rest opens a group of its own).
_SAME_GROUP = {"Join": ("p1", "p2"), "Filter": ("p",), "Extend": ("p",), "Minus": ("p1",), "LeftJoin": ("p1",)}
_OWN_GROUP = {"Union": ("p1", "p2"), "Minus": ("p2",), "LeftJoin": ("p2",)}


@dataclass(frozen=True)
class PortabilityIssue:
    """One non-portable construct: ``construct`` is ``"A"``, ``"B"`` or ``"C"`` (see the module); ``message``
    says where and how to rewrite it."""

    construct: str
    message: str


def portability_issues(query: Query | str) -> list[PortabilityIssue]:
    """Return the constructs A, B and C (see the module) that a query uses, in the order they are found.

    Raises :class:`~ecosysteem.errors.QueryError` when rdflib cannot parse the query.
    """
    prepared = parsed_query(query) if isinstance(query, str) else query
    if prepared is None:
        raise QueryError(
            "the query does not parse (rdflib), so its portability cannot be checked",
            nl="de query is niet te ontleden (rdflib), dus de overdraagbaarheid is niet na te gaan; verbeter de query",
        )
    ordered = any(node.name == "OrderBy" for node in algebra_nodes(prepared.algebra))
    issues: list[PortabilityIssue] = []
    _check_group(prepared.algebra.get("p"), ordered, issues)
    return list(dict.fromkeys(issues))


def _variables(node: Any) -> set[Variable]:
    if isinstance(node, Variable):
        return {node}
    if isinstance(node, CompValue):
        return set().union(*(_variables(v) for k, v in node.items() if k != "_vars"))
    if isinstance(node, list | tuple):
        return set().union(*(_variables(v) for v in node))
    return set()


def _paths(path: Any) -> Iterator[Path]:
    if isinstance(path, Path):
        yield path
        inner = getattr(path, "args", None) or [getattr(path, "path", None)]
        for part in inner:
            yield from _paths(part)


def _transitive(path: Any) -> bool:
    return isinstance(path, MulPath) and path.mod in {"*", "+"}


def _alternative_with_sequence(path: Any) -> bool:
    return any(
        isinstance(alt, AlternativePath) and any(isinstance(p, SequencePath) for p in _paths(alt))
        for alt in _paths(path)
        if not isinstance(alt, InvPath | NegatedPath)
    )


def _flatten(node: Any) -> list[Any]:
    """The parts of one group: its triples, and the patterns that stand in it (UNION, MINUS, OPTIONAL …)."""
    if not isinstance(node, CompValue):
        return []
    if node.name == "BGP":
        return list(node.triples)
    # An Extend (BIND) is a part too: construct B looks for it.
    parts = [node] if node.name in _OWN_GROUP or node.name not in _SAME_GROUP or node.name == "Extend" else []
    for key in _SAME_GROUP.get(node.name, ()):
        parts += _flatten(node.get(key))
    return parts


def _check_group(node: Any, ordered: bool, issues: list[PortabilityIssue]) -> None:
    parts = _flatten(node)
    triples = [p for p in parts if isinstance(p, tuple)]
    patterns = [p for p in parts if isinstance(p, CompValue)]
    _check_a(triples, patterns, issues)
    for pattern in patterns:
        if pattern.name == "Minus":
            _check_b(pattern, issues)
            if ordered and any(p.name == "Union" for p in patterns) and _has_alternative_sequence(pattern.p2):
                issues.append(
                    PortabilityIssue(
                        "C",
                        "a UNION followed by a MINUS with an alternative path that has a sequence branch, and ORDER "
                        "BY: Virtuoso's MINUS removes nothing; write the UNION as VALUES or the sequence as a UNION",
                    )
                )
        if pattern.name in _OWN_GROUP:
            for key in _OWN_GROUP[pattern.name]:
                _check_group(pattern.get(key), ordered, issues)
        elif pattern.name != "Extend":
            for value in pattern.values():
                if isinstance(value, CompValue):
                    _check_group(value, ordered, issues)


def _check_a(triples: list[tuple[Any, Any, Any]], patterns: list[CompValue], issues: list[PortabilityIssue]) -> None:
    for s, p, o in triples:
        if not _transitive(p):
            continue
        shared = {v for v in (s, o) if isinstance(v, Variable)}
        joined = [t for t in triples if _alternative_with_sequence(t[1]) and shared & {t[0], t[2]}]
        unions = [u for u in patterns if u.name == "Union" and shared & _variables(u)]
        if not (joined or unions):
            continue
        what = "an alternative path with a sequence branch" if joined else "a UNION"
        on = shared & (_variables(unions) | {term for t in joined for term in (t[0], t[2])})
        issues.append(
            PortabilityIssue(
                "A",
                f"the path {p.n3()} is joined to {what} on {' '.join(f'?{v}' for v in sorted(on))}: Virtuoso "
                "returns nothing; write the path inside each UNION branch, and a sequence as two triples through "
                "a variable",
            )
        )


def _check_b(minus: CompValue, issues: list[PortabilityIssue]) -> None:
    for union in (n for n in algebra_nodes(minus.p2) if n.name == "Union"):
        for bind in (n for n in algebra_nodes([union.p1, union.p2]) if n.name == "Extend"):
            issues.append(
                PortabilityIssue(
                    "B",
                    f"?{bind.var} is bound by BIND in a UNION branch inside MINUS: Virtuoso ignores it there; "
                    "bind it with VALUES instead",
                )
            )


def _has_alternative_sequence(node: Any) -> bool:
    return any(_alternative_with_sequence(t[1]) for n in algebra_nodes(node) if n.name == "BGP" for t in n.triples)
