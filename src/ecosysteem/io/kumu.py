"""Kumu: a JSON blueprint (``elements`` and ``connections``) that kumu.io imports as a map.

Elements are the agents of the collaboration graph (or agents and activities for the bipartite projection),
with their type, level, networks and metrics as fields; connections link them, with their weight and the
activities, memberships or groups that link them. Kumu matches a connection's ``from`` and ``to`` with an
element's ``label``, so labels are made unique (a duplicate gets its ``kind/slug`` in brackets).
"""

from __future__ import annotations

import datetime
import io
import json
from pathlib import Path
from typing import Any

from ecosysteem._cells import set_text_cell
from ecosysteem._files import write_atomic
from ecosysteem._iri import short_iri
from ecosysteem.graph import Ecosystem
from ecosysteem.graph.index import GraphIndex
from ecosysteem.io._common import Projection, exchange_graph
from ecosysteem.vocab import DCTERMS

__all__ = ["to_kumu", "to_kumu_json", "to_kumu_xlsx", "write_kumu"]

_KIND_TYPES = {
    "organisation": "Organisatie",
    "network": "Netwerk",
    "collaboration": "Samenwerkingsverband",
    "group": "Groep",
    "activity": "Activiteit",
}


def to_kumu(eco: Ecosystem, projection: Projection = "collaboration") -> dict[str, list[dict[str, Any]]]:
    """Return the Kumu blueprint of ``eco`` as a dict with ``elements`` and ``connections``.

    >>> from ecosysteem.graph import load
    >>> blueprint = to_kumu(load())
    >>> sorted(blueprint), {e["type"] for e in blueprint["elements"]} >= {"Organisatie", "Netwerk", "Groep"}
    (['connections', 'elements'], True)
    """
    index = eco.index()
    G = exchange_graph(eco, projection, index)
    counts: dict[str, int] = {}
    for _node, label in G.nodes(data="label"):
        counts[label] = counts.get(label, 0) + 1
    names = {
        node: data["label"] if counts[data["label"]] == 1 else f"{data['label']} ({short_iri(node)})"
        for node, data in G.nodes(data=True)
    }
    elements = []
    for node, data in sorted(G.nodes(data=True), key=lambda item: names[item[0]]):
        element: dict[str, Any] = {
            "label": names[node],
            "type": _KIND_TYPES.get(data["kind"], data["kind"]),
            "description": _description(index, node),
            "tags": sorted({t for t in (data["type"], data["level_label"], data["org_type_label"]) if t}),
            "IRI": node,
            "English label": data["label_en"],
            "Class": data["type"],
            "Level": data["level_label"],
            "Organisation type": data["org_type_label"],
            "Line of care": data["line_label"],
            "Networks": data["network_labels"],
            "Degree": data["degree"],
            "Betweenness": round(data["betweenness"], 6),
        }
        elements.append(element)
    connections = []
    for a, b, data in G.edges(data=True):
        first, second = sorted((a, b), key=lambda n: names[n])
        connection: dict[str, Any] = {"from": names[first], "to": names[second], "direction": "undirected"}
        if "role" in data:
            connection["type"] = data["role"]
        else:
            connection["type"] = "werkt samen met"
            connection["Via"] = data.get("via_labels", "")
        connection["Weight"] = data["weight"]
        connections.append(connection)
    connections.sort(key=lambda c: (c["from"], c["to"]))
    return {"elements": elements, "connections": connections}


def _description(index: GraphIndex, node: str) -> str:
    texts = sorted(text for text, language in index.literals(node, DCTERMS.description) if language == "nl")
    return texts[0] if texts else ""


def to_kumu_json(eco: Ecosystem, projection: Projection = "collaboration") -> str:
    """Return :func:`to_kumu` as JSON text (UTF-8, indented, keys in a stable order)."""
    return json.dumps(to_kumu(eco, projection), ensure_ascii=False, indent=2) + "\n"


def _sheet_value(value: Any) -> Any:
    return " | ".join(value) if isinstance(value, list) else value


def to_kumu_xlsx(eco: Ecosystem, projection: Projection = "collaboration") -> bytes:
    """Return the blueprint as a Kumu workbook: sheets ``Elements`` and ``Connections``, one column per field.

    Kumu's spreadsheet import reads ``Label``, ``Type``, ``Description`` and ``Tags`` (separated by ``|``) for
    elements and ``From``, ``To``, ``Type`` and ``Direction`` for connections; other columns become fields. Every
    cell is a plain value: a text that starts with ``=`` stays text, never a formula.

    >>> from ecosysteem.graph import load
    >>> to_kumu_xlsx(load())[:2]
    b'PK'
    """
    from openpyxl import Workbook

    blueprint = to_kumu(eco, projection)
    book = Workbook()
    fixed = datetime.datetime(2020, 1, 1)  # the same data gives the same bytes
    book.properties.created = book.properties.modified = fixed
    sheets = (("Elements", blueprint["elements"]), ("Connections", blueprint["connections"]))
    for index, (title, rows) in enumerate(sheets):
        sheet = book.active if index == 0 else book.create_sheet()
        assert sheet is not None
        sheet.title = title
        keys: list[str] = []
        for row in rows:
            keys += [k for k in row if k not in keys]
        sheet.append([k[:1].upper() + k[1:] for k in keys])
        for row in rows:
            sheet.append([_sheet_value(row.get(k)) for k in keys])
        for line in sheet.iter_rows(min_row=2):
            for cell in line:
                set_text_cell(cell)  # openpyxl reads a leading "=" as a formula; this is data
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_kumu(eco: Ecosystem, path: str | Path, projection: Projection = "collaboration") -> Path:
    """Write the blueprint to ``path`` atomically: a workbook if it ends in ``.xlsx``, else JSON."""
    if Path(path).suffix.lower() == ".xlsx":
        return write_atomic(path, to_kumu_xlsx(eco, projection))
    return write_atomic(path, to_kumu_json(eco, projection))
