"""Graph → workbook (the way back), and the exact part of a graph a workbook carries."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import BaseModel
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from ecosysteem._cells import set_text_cell
from ecosysteem.graph.convert import entities, expand_curie, model_class_for
from ecosysteem.graph.workbook._import import _context_graph, _what, derive_iri
from ecosysteem.graph.workbook._index import Index, Vocabulary, kind_name, short_id
from ecosysteem.graph.workbook._spec import (
    ACTIVITIES,
    COLLABORATIONS,
    PARTIES,
    PARTY_ROLES,
    SHEETS,
    SOURCES,
    Column,
    Sheet,
)
from ecosysteem.model import Activity, Collaboration, Membership, SourceDocument, rdf_fields
from ecosysteem.vocab import RDF, XSD

if TYPE_CHECKING:
    from openpyxl import Workbook

__all__ = ["COVERED", "covered_graph", "export_workbook"]


def _covered() -> dict[type[BaseModel], tuple[str, ...]]:
    out: dict[type[BaseModel], tuple[str, ...]] = {}
    for sheet in SHEETS:
        if sheet is SOURCES or not sheet.entity:
            continue
        for cls in sheet.classes:
            names = [c.field for c in sheet.columns if c.field not in ("", "id")]
            if sheet is ACTIVITIES:
                names += list(PARTY_ROLES.values())
            mapped = rdf_fields(cls)
            out[cls] = tuple(n for n in names if n in mapped)
    for column in _stored_on_columns():  # the holder's field: written as the row's column (a goal's plan)
        for cls in column.targets:
            out[cls] = (*out.get(cls, ()), str(column.stored_on))
    return out


def _stored_on_columns() -> list[Column]:
    return [c for s in SHEETS for c in s.columns if c.stored_on]


def _holders(graph: Graph) -> dict[tuple[str, str], str]:
    """(field of a ``stored_on`` column, IRI of a row's entity) → the entity that holds the link in ``graph``."""
    out: dict[tuple[str, str], str] = {}
    for column in _stored_on_columns():
        for cls in column.targets:
            predicate = expand_curie(rdf_fields(cls)[str(column.stored_on)]["rdf"])
            for holder, held in sorted(graph.subject_objects(predicate)):
                out.setdefault((column.field, str(held)), str(holder))
    return out


COVERED: dict[type[BaseModel], tuple[str, ...]] = _covered()
"""Model class → the fields the workbook carries for it (the round trip is exact for these).

Source documents are left out: the seed data give their titles a language tag, which the ``SourceDocument``
model (plain ``dcterms:title``) does not read, so they stay in the graph and are referred to by id.
"""


def covered_graph(graph: Graph) -> Graph:
    """Return the triples of ``graph`` that a workbook carries: see :data:`COVERED`.

    For every subject whose most specific model class is covered: its ``rdf:type`` of that class, and for each
    covered field the values of that field's predicate of the field's kind (an IRI; a literal in the field's
    language; a plain string; an ``xsd:gYear``/``gYearMonth``/``date``; an ``xsd:integer``).
    """
    out = Graph()
    for cls, fields in COVERED.items():
        class_iri = expand_curie(cls.rdf_type)  # type: ignore[attr-defined]
        for subject in graph.subjects(RDF.type, class_iri):
            if not isinstance(subject, URIRef) or model_class_for(graph, subject) is not cls:
                continue
            out.add((subject, RDF.type, class_iri))
            meta = rdf_fields(cls)
            for name in fields:
                predicate = expand_curie(meta[name]["rdf"])
                for obj in graph.objects(subject, predicate):
                    if _fits(obj, meta[name]["kind"], meta[name]["lang"]):
                        out.add((subject, predicate, obj))
    return out


def _fits(node: Node, kind: str, lang: str | None) -> bool:
    if kind == "iri":
        return isinstance(node, URIRef)
    if not isinstance(node, Literal):
        return False
    if kind == "text":
        return node.language == lang
    if kind == "string":
        return node.language is None and node.datatype in (None, XSD.string)
    if kind == "uri":
        return node.language is None and node.datatype == XSD.anyURI
    if kind == "date":
        return node.datatype in (XSD.gYear, XSD.gYearMonth, XSD.date)
    if kind == "integer":
        return node.datatype == XSD.integer
    return True


def export_workbook(graph: Any, *, sources: bool = True, context: Any = None) -> Workbook:
    """Write the entities of ``graph`` that the workbook covers into a filled-in template.

    Parameters
    ----------
    graph:
        an :class:`~ecosysteem.graph.Ecosystem` or rdflib ``Graph`` (with the ontology and vocabularies).
    sources:
        also fill sheet *Bronnen* with the source documents; ``False`` leaves them out (rows then name their
        sources by id, to be found in the graph the workbook is imported against).
    context:
        where the vocabularies and the other entities ``graph`` refers to are, if not in ``graph`` itself (for
        instance the default graph, when ``graph`` holds only what an import produced). A name is written only
        where it leads back to the same entity, else the id (``kind/slug``).

    Returns
    -------
    openpyxl.Workbook
        importing it (:func:`import_workbook`) gives the :func:`covered_graph` of ``graph`` back.
    """
    from ecosysteem.graph.workbook._template import template_workbook

    g = _context_graph(graph)
    full = g
    if context is not None:
        full = Graph()
        full += _context_graph(context)
        full += g
    index = Index.from_graph(full)
    schemes = {c.scheme for s in SHEETS for c in s.columns if c.scheme}
    vocab = Vocabulary.from_graph(full, schemes)
    book = template_workbook(full)
    # the first row of sheet Bronnen is every other row's source when its bron cell is empty: not written out
    first = next(iter(entities(g, SourceDocument)), None) if sources else None
    default_source = str(first.id) if first is not None else None
    party_rows: list[list[str]] = []
    holders = _holders(g)
    for sheet in SHEETS:
        if not sheet.entity or (sheet is SOURCES and not sources):
            continue
        ws = book[sheet.nl]
        row_number = 2
        seen: set[str] = set()
        for cls in sheet.classes:
            for model in entities(g, cls):
                iri = str(model.id)  # type: ignore[attr-defined]
                if iri in seen or type(model) not in sheet.classes:
                    continue
                seen.add(iri)
                cells = _row(sheet, model, index, vocab, default_source, holders)
                for col, value in enumerate(cells, start=1):
                    if value not in (None, ""):
                        set_text_cell(ws.cell(row=row_number, column=col, value=value))
                row_number += 1
                if sheet is ACTIVITIES:
                    party_rows += _party_rows(model, index, _network_of(model, index))
    ws = book[PARTIES.nl]
    for row_number, cells in enumerate(party_rows, start=2):
        for col, value in enumerate(cells, start=1):
            set_text_cell(ws.cell(row=row_number, column=col, value=value))
    return book


def _network_of(model: BaseModel, index: Index) -> str | None:
    """The network an activity without plan or project belongs to: the responsible collaboration its IRI names."""
    data = model.model_dump()
    if not isinstance(model, Activity) or data.get("in_plan") or data.get("part_of"):
        return None
    networks = [str(p) for p in data.get("responsible", []) if _is_collaboration(str(p), index)]
    named = [n for n in networks if derive_iri(type(model), {**data, "network": n}) == str(data["id"])]
    return next(iter(named or networks), None)


def _is_collaboration(iri: str, index: Index) -> bool:
    entry = index.entries.get(iri)
    return entry is not None and issubclass(entry.cls, Collaboration)


def _row(
    sheet: Sheet,
    model: BaseModel,
    index: Index,
    vocab: Vocabulary,
    default_source: str | None = None,
    holders: dict[tuple[str, str], str] | None = None,
) -> list[Any]:
    data = model.model_dump()
    for column in sheet.columns:
        if column.stored_on:
            data[column.field] = (holders or {}).get((column.field, str(data["id"])))
    if sheet is not SOURCES and default_source is not None and data.get("sources") == [default_source]:
        data["sources"] = []
    if (network := _network_of(model, index)) is not None:
        data["network"] = network
    prefer = index.preferred(data)
    cells: list[Any] = []
    for column in sheet.columns:
        cells.append(_cell(sheet, column, model, data, index, vocab, prefer))
    return cells


def _cell(
    sheet: Sheet,
    column: Column,
    model: BaseModel,
    data: dict[str, Any],
    index: Index,
    vocab: Vocabulary,
    prefer: set[str],
) -> Any:
    if column.field == "":
        return sheet.kind_of(type(model))
    if column.kind == "id":
        iri = str(data["id"])
        return None if iri == derive_iri(type(model), data) else short_id(iri)
    if column.field == "same_as":
        return None
    value = data.get(column.field)
    if column.field in ("label_en", "title") and value == data.get("label_nl"):
        return None  # what the import fills in from the name is not written back as if typed
    if column.field == "level" and sheet is COLLABORATIONS:
        return vocab.scheme("level").display(value) if value else None
    if isinstance(model, Membership) and column.field in ("label_nl", "label_en"):
        return None if value == _membership_label(data, index, column.field) else value
    if value is None or value == []:
        return None
    values = value if isinstance(value, list) else [value]
    if column.kind == "ref":
        shown = [index.display(v, column.targets, _what(column), prefer) for v in values]
    elif column.kind == "concept":
        shown = [vocab.scheme(column.scheme or "").display(v) for v in values]
    elif column.kind == "integer":
        return int(values[0])
    elif column.kind == "choice":  # the word the drop-down offers for the value (a boolean's is 'ja' or 'nee')
        words = column.words()
        shown = [words.get(str(v).lower(), str(v)) for v in values]
    else:
        shown = [str(v) for v in values]
    return ("\n" if column.kind == "texts" else "; ").join(shown)


def _membership_label(data: dict[str, Any], index: Index, field: str) -> str | None:
    """The label the import makes for a membership row without a name (so it is not written back as typed)."""
    member, organisation = (index.entries.get(str(data.get(f))) for f in ("member", "organization"))
    if member is None or organisation is None or not member.names or not organisation.names:
        return None
    joint = "lid van" if field == "label_nl" else "member of"
    return f"{member.names[0]} {joint} {organisation.names[0]}"


def _party_rows(model: BaseModel, index: Index, network: str | None) -> list[list[str]]:
    rows: list[list[str]] = []
    data = model.model_dump()
    activity = index.display(str(data["id"]), (Activity,), kind_name(Activity))
    prefer = {o for o in (index.owner(str(data["id"])), index.owner(index.owner(str(data["id"])))) if o}
    targets = PARTIES.column("party").targets
    for role, name in PARTY_ROLES.items():
        for party in data.get(name, []):
            if role == "verantwoordelijk" and party == network:
                continue  # written in the activity's column netwerk
            rows.append([activity, index.display(party, targets, ("partij", "party"), prefer), role])
    return rows
