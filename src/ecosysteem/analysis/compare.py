"""Comparison matrices: networks or supra-regional collaborations against the bijenkorf's functions, loops …

A :class:`ComparisonMatrix` counts, for every row entity and every concept of a scheme, the activities of that
entity classified under the concept and their distinct partners. Every concept of the scheme is a column, also
when no activity serves it: an empty column is a hole in the ecosystem (gaps 1 and 2 of the domain notes).

>>> from ecosysteem.graph import load
>>> matrix = comparison_matrix(load(), rows="network", columns="function")
>>> len(matrix.columns)
6
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from rdflib import URIRef
from rdflib.term import Node

from ecosysteem.analysis.network import Reader, parties
from ecosysteem.analysis.scope import Scope
from ecosysteem.graph import Ecosystem
from ecosysteem.vocab import EZ, RDF, SKOS, scheme_iri

__all__ = [
    "COLUMN_KINDS",
    "ROW_KINDS",
    "Cell",
    "ComparisonMatrix",
    "classifier",
    "collaboration_activities",
    "comparison_matrix",
]

ROW_KINDS: tuple[str, ...] = ("network", "collaboration")
"""What a row can be: each ``ez:Network``, or each ``ez:SupraRegionalCollaboration``."""

COLUMN_KINDS: tuple[str, ...] = ("function", "loop", "action", "theme", "pillar")
"""What a column can be: the concepts of the scheme of that name."""

_ROW_CLASS = {"network": EZ.Network, "collaboration": EZ.SupraRegionalCollaboration}
_MEASURES = ("activities", "partners")


@dataclass(frozen=True)
class Cell:
    """One cell: the number of activities of the row entity under the column concept, and their partners."""

    activities: int = 0
    partners: int = 0
    members: tuple[str, ...] = field(default=(), compare=False)
    """The IRIs of the activities counted, sorted (so that a view can link to them); not part of equality."""


@dataclass(frozen=True)
class ComparisonMatrix:
    """Row entities against the concepts of a scheme.

    Attributes
    ----------
    rows
        ``(IRI, label)`` of each row entity, sorted by IRI.
    columns
        ``(IRI, label)`` of each concept of the column scheme, ordered by ``skos:notation`` then IRI.
    cells
        ``(row IRI, column IRI)`` → :class:`Cell`, for every pair (zeros included).
    row_kind, column_kind, lang
        The arguments the matrix was built with.
    """

    rows: list[tuple[str, str]]
    columns: list[tuple[str, str]]
    cells: dict[tuple[str, str], Cell]
    row_kind: str = "network"
    column_kind: str = "function"
    lang: str = "nl"

    def cell(self, row: str, column: str) -> Cell:
        """Return the cell of ``row`` and ``column`` (IRIs); an unknown pair gives an empty cell."""
        return self.cells.get((row, column), Cell())

    def empty_columns(self) -> list[str]:
        """Return the IRIs of the columns without any activity in any row: concepts nobody serves."""
        return [c for c, _label in self.columns if all(self.cell(r, c).activities == 0 for r, _ in self.rows)]

    def to_records(self, measure: str = "activities") -> list[dict[str, Any]]:
        """Return one dict per row, ``{"row": label, <column label>: count, …}``, for tables, CSV or JSON.

        Parameters
        ----------
        measure
            ``"activities"`` (number of activities) or ``"partners"`` (number of distinct partners).

        Returns
        -------
        list of dict
            In row order; keys in column order. Two columns with the same label get their IRI's last
            segment appended, so no count is lost.
        """
        if measure not in _MEASURES:
            raise ValueError(f"unknown measure {measure!r}: use one of {', '.join(_MEASURES)}")
        names = _unique_labels(self.columns)
        records: list[dict[str, Any]] = []
        for row, row_label in self.rows:
            record: dict[str, Any] = {"row": row_label}
            for (column, _label), name in zip(self.columns, names, strict=True):
                record[name] = getattr(self.cell(row, column), measure)
            records.append(record)
        return records


def _unique_labels(columns: list[tuple[str, str]]) -> list[str]:
    labels = [label for _iri, label in columns]
    return [
        f"{label} ({iri.rstrip('/').rsplit('/', 1)[-1]})" if labels.count(label) > 1 or label == "row" else label
        for iri, label in columns
    ]


def _natural(text: str) -> tuple[tuple[int, int | str], ...]:
    # Notations mix numbers and words ("onderwijs-10"); compare the numbers as numbers.
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in re.split(r"(\d+)", text) if part)


def _scheme_concepts(graph: Reader, scheme: str) -> list[URIRef]:
    concepts = {c for c in graph.subjects(SKOS.inScheme, scheme_iri(scheme)) if isinstance(c, URIRef)}

    def key(concept: URIRef) -> tuple[int, tuple[tuple[int, int | str], ...], str]:
        notations = sorted(str(n) for n in graph.objects(concept, SKOS.notation))
        return (0, _natural(notations[0]), str(concept)) if notations else (1, (), str(concept))

    return sorted(concepts, key=key)


def collaboration_activities(eco: Ecosystem, collaboration: str | URIRef) -> set[URIRef]:
    """Return the activities in the scope of a supra-regional collaboration (:mod:`ecosysteem.analysis.scope`).

    These are its own activities (in its plans, naming it as a party, and their parts) and those of its members.

    Parameters
    ----------
    eco
        The ecosystem.
    collaboration
        The full IRI of the collaboration.

    Returns
    -------
    set of URIRef
        The activity IRIs.
    """
    return {URIRef(a) for a in Scope.of(eco).collaboration_activities(str(collaboration))}


def classifier(graph: Reader, columns: str) -> Callable[[URIRef], set[Node]]:
    """The function giving an activity's concepts for a column kind (one definition: comparison and bijenkorf)."""
    prop = {
        "function": EZ.servesFunction,
        "action": EZ.servesAction,
        "theme": EZ.theme,
        "pillar": EZ.pillar,
        "loop": EZ.loop,
    }[columns]

    def direct(activity: URIRef) -> set[Node]:
        return set(graph.objects(activity, prop))

    def loops(activity: URIRef) -> set[Node]:
        # An action lies along one loop, so an activity serving the action serves that loop too.
        found = set(graph.objects(activity, EZ.loop))
        for action in graph.objects(activity, EZ.servesAction):
            found |= set(graph.objects(action, EZ.loop))
        return found

    return loops if columns == "loop" else direct


def comparison_matrix(
    eco: Ecosystem, rows: str = "network", columns: str = "function", lang: str = "nl", *, scope: Scope | None = None
) -> ComparisonMatrix:
    """Count, per row entity and per concept of a scheme, the activities and their distinct partners.

    Parameters
    ----------
    eco
        The ecosystem.
    rows
        ``"network"``: each ``ez:Network``, with the activities in its plans, those naming it as a party and
        their parts (:func:`~ecosysteem.analysis.network.network_activities`). ``"collaboration"``: each
        ``ez:SupraRegionalCollaboration``, with the activities naming it, their parts and the activities of
        its member networks (:func:`collaboration_activities`).
    columns
        ``"function"`` (``ez:servesFunction``), ``"loop"`` (``ez:loop`` of the activity, or of an action it
        serves), ``"action"`` (``ez:servesAction``), ``"theme"`` (``ez:theme``) or ``"pillar"``
        (``ez:pillar``). Every concept of that scheme is a column, even when empty.
    lang
        Language of the labels: ``"nl"`` or ``"en"``.
    scope
        The scope rules over ``eco`` (:class:`~ecosysteem.analysis.scope.Scope`) to share between matrices (it
        caches); one is made when not given.

    Returns
    -------
    ComparisonMatrix
        Cells count the row entity's activities classified under the column concept and the distinct
        parties of those activities other than the row entity itself.

    Raises
    ------
    ValueError
        If ``rows``, ``columns`` or ``lang`` is not one of the values above.
    """
    if rows not in ROW_KINDS:
        raise ValueError(f"unknown rows {rows!r}: use one of {', '.join(ROW_KINDS)}")
    if columns not in COLUMN_KINDS:
        raise ValueError(f"unknown columns {columns!r}: use one of {', '.join(COLUMN_KINDS)}")
    if lang not in ("nl", "en"):
        raise ValueError(f"unknown lang {lang!r}: use nl or en")
    scope = scope or Scope.of(eco)  # one for every row: it caches what the rows share
    g = scope.g  # the index: every look-up below is a dictionary access
    row_nodes = sorted(URIRef(n) for n in g.iri_subjects(RDF.type, _ROW_CLASS[rows]))
    column_nodes = _scheme_concepts(g, columns)
    wanted = set(column_nodes)
    classify = classifier(g, columns)

    cells: dict[tuple[str, str], Cell] = {}
    for row in row_nodes:
        found = scope.network_activities(str(row)) if rows == "network" else scope.collaboration_activities(str(row))
        acts = {URIRef(a) for a in found}
        by_column: dict[URIRef, set[URIRef]] = {c: set() for c in column_nodes}
        for activity in acts:
            for concept in classify(activity):
                if concept in wanted and isinstance(concept, URIRef):
                    by_column[concept].add(activity)
        for column, members in by_column.items():
            partners = {p for a in members for p in parties(g, a)} - {row}
            cells[str(row), str(column)] = Cell(
                activities=len(members), partners=len(partners), members=tuple(sorted(str(a) for a in members))
            )

    return ComparisonMatrix(
        rows=[(str(r), g.label(r, lang)) for r in row_nodes],
        columns=[(str(c), g.label(c, lang)) for c in column_nodes],
        cells=cells,
        row_kind=rows,
        column_kind=columns,
        lang=lang,
    )
