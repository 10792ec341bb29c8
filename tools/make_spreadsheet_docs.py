"""Write the section *The sheets and columns* of ``docs/spreadsheets.md`` from the workbook's own definition.

The tables are made from :data:`ecosysteem.graph.workbook.SHEETS` (headers, required columns, kinds, schemes,
help texts) and the models' RDF mapping, so they cannot drift from what the template offers and the import reads;
``tests/test_workbook_docs.py`` fails when the file is stale. Run: ``python tools/make_spreadsheet_docs.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ecosysteem.graph.workbook import SHEETS, Column, Sheet
from ecosysteem.graph.workbook._spec import PARTY_ROLES
from ecosysteem.model import rdf_fields

DOCS = Path(__file__).resolve().parents[1] / "docs" / "spreadsheets.md"
START = "#### "
END = "\n## The round trip"

_CONTENT = {
    "string": "string",
    "text": "text",
    "texts": "text (one per line)",
    "date": "date (jjjj, jjjj-mm, jjjj-mm-dd)",
    "integer": "integer",
    "id": "`kind/slug` or IRI (optional)",
}
_SPECIAL_RDF = {
    "id": "the subject IRI",
    "": "`rdf:type`",
    "network": "`ez:responsible` (the network; the activity's IRI is named after it when there is no plan)",
    "same_as": "the subject IRI: that of the existing entity (`nee`: a new one)",
}


def _content(column: Column) -> str:
    if column.kind == "ref":
        text = "name or id of " + "/".join(c.__name__ for c in column.targets)
    elif column.kind == "concept":
        text = f"concept of `scheme/{column.scheme}`"
    elif column.kind == "choice":
        text = "one of: " + ", ".join(column.words().values())
    else:
        text = _CONTENT[column.kind]
    if column.multi and column.kind in ("ref", "concept"):
        text += " (several)"
    return f"{text} — {column.help_nl}" if column.help_nl else text


def _rdf(sheet: Sheet, column: Column) -> str:
    if column.field in _SPECIAL_RDF:
        return _SPECIAL_RDF[column.field]
    if column.stored_on:
        holder = column.targets[0]
        rdf = rdf_fields(holder)[column.stored_on]["rdf"]
        return f"`{rdf}` of the {holder.__name__}, this row's entity its object"
    meta = rdf_fields(sheet.classes[0])[column.field]
    lang = f" @{meta['lang']}" if meta["kind"] == "text" else ""
    return f"`{meta['rdf']}`{lang}"


def _kind_choices(sheet: Sheet, column: Column) -> str:
    text = "one of: " + ", ".join(nl for nl, _en, _cls in sheet.kinds)
    return f"{text} — {column.help_nl}" if column.help_nl else text


def _table(sheet: Sheet) -> list[str]:
    rows = ["| column (nl) | English header | required | content | RDF |", "|---|---|---|---|---|"]
    for column in sheet.columns:
        content = _kind_choices(sheet, column) if column.field == "" else _content(column)
        rows.append(
            f"| {column.nl} | {column.en} | {'yes' if column.required else ''} | {content} | {_rdf(sheet, column)} |"
        )
    return rows


def _parties(sheet: Sheet) -> list[str]:
    activity, party, role = sheet.columns
    roles = ", ".join(f"{nl} `{_predicate(field)}`" for nl, field in PARTY_ROLES.items())
    return [
        "| column (nl) | English header | required | content | RDF |",
        "|---|---|---|---|---|",
        f"| {activity.nl} | {activity.en} | yes | name or id of an Activity of this workbook | the subject |",
        f"| {party.nl} | {party.en} | yes | {_content(party)} | the object |",
        f"| {role.nl} | {role.en} |  | {_content(role)} | {roles} |",
    ]


def _predicate(field: str) -> str:
    from ecosysteem.model import Activity

    return str(rdf_fields(Activity)[field]["rdf"])


def section() -> str:
    """The Markdown of every sheet's table."""
    lines: list[str] = []
    for sheet in SHEETS:
        kinds = ", ".join(f"{nl} → `{cls.rdf_type}`" for nl, _en, cls in sheet.kinds)  # type: ignore[attr-defined]
        lines += [f"#### {sheet.nl} ({sheet.en})", "", sheet.help_nl, "", f"Rows become: {kinds}.", ""]
        lines += _table(sheet) if sheet.entity else _parties(sheet)
        lines.append("")
    return "\n".join(lines) + "\n"


def updated(text: str) -> str:
    """``text`` (the docs file) with its tables replaced by :func:`section`."""
    start, end = text.index(START), text.index(END)
    return text[:start] + section() + text[end:]


if __name__ == "__main__":
    DOCS.write_text(updated(DOCS.read_text(encoding="utf-8")), encoding="utf-8")
    sys.stdout.write(f"wrote {DOCS}\n")
