"""Spreadsheets in and out: the template a coordinator fills in, its import into RDF, and the way back.

A workbook has one sheet per kind of thing — *Organisaties*, *Netwerken*, *Lidmaatschappen*, *Werkgroepen*,
*Plannen*, *Activiteiten*, *Wie* (who takes part in which activity), *Regio's*, *Bronnen* — with Dutch column
headers (English ones are accepted too) and drop-down lists fed from the vocabularies. Rows refer to each other by
name; the import resolves every name (in the workbook or in the default graph), derives stable IRIs with
:func:`ecosysteem.slugify`, and reports every problem with its sheet, row, column and value.

>>> from ecosysteem.graph.workbook import SHEETS
>>> [s.nl for s in SHEETS][:4]
['Organisaties', 'Netwerken', 'Lidmaatschappen', 'Werkgroepen']
"""

from __future__ import annotations

from ecosysteem.graph.workbook._cells import (
    cell_text,
    decode_csv,
    guess_delimiter,
    parse_date,
    read_csv_text,
    split_values,
)
from ecosysteem.graph.workbook._export import COVERED, covered_graph, export_workbook
from ecosysteem.graph.workbook._import import ImportResult, derive_iri, import_workbook
from ecosysteem.graph.workbook._problems import Problem, WorkbookError
from ecosysteem.graph.workbook._spec import SHEETS, Column, Sheet, sheet_by_name
from ecosysteem.graph.workbook._template import template_workbook, workbook_bytes

__all__ = [
    "COVERED",
    "SHEETS",
    "Column",
    "ImportResult",
    "Problem",
    "Sheet",
    "WorkbookError",
    "cell_text",
    "covered_graph",
    "decode_csv",
    "derive_iri",
    "export_workbook",
    "guess_delimiter",
    "import_workbook",
    "parse_date",
    "read_csv_text",
    "sheet_by_name",
    "split_values",
    "template_workbook",
    "workbook_bytes",
]
