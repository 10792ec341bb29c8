"""The empty template: an instruction sheet, one sheet per kind of thing, drop-downs fed from the vocabularies."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from rdflib import Graph

from ecosysteem.graph.workbook._index import Vocabulary
from ecosysteem.graph.workbook._problems import column_letter
from ecosysteem.graph.workbook._spec import SHEETS, Column, Sheet

if TYPE_CHECKING:
    from openpyxl import Workbook

__all__ = ["LISTS_SHEET", "MAX_ROWS", "template_workbook", "workbook_bytes"]

LISTS_SHEET = "Lijsten"
INFO_SHEET = "Instructie"
MAX_ROWS = 2000
"""Rows 2 … MAX_ROWS of each data sheet get the drop-downs."""

_HEADER_FILL = "DDEBF7"
_REQUIRED_FILL = "F8CBAD"
_WIDE = {"text", "texts"}

_INTRO = [
    "Werkboek voor ecosysteem — de kennisgraaf van de palliatieve zorg",
    "",
    "Van leeg werkboek naar de profielpagina van uw netwerk, in vijf stappen:",
    "1. Vul de bladen in, één rij per ding: uw netwerk (blad Netwerken, met zijn regio op blad Regio's), de leden "
    "(blad Organisaties, dan blad Lidmaatschappen), wat het netwerk doet (blad Activiteiten). Kolommen met een * "
    "zijn verplicht; de rest mag leeg. Weet u iets niet, kies dan 'onbekend' (type, lijn, niveau, rol).",
    "2. Verwijs naar andere dingen met hun naam (of afkorting). Kolommen die naar een ander blad verwijzen, bieden "
    "de namen aan die u daar al invulde; namen uit de standaardgegevens ('Consortium Ligare', 'IKNL') mogen ook. "
    "Een activiteit heeft geen plan nodig: vul dan de kolom netwerk in.",
    "3. Zet het werkboek om:  ecosysteem import werkboek.xlsx -o mijn-netwerk.ttl",
    "   Elk probleem wordt gemeld met blad, rij, kolom en waarde (en wat u bedoelde); er wordt niets geschreven "
    "zolang er fouten zijn. Heet iets anders dan in de standaardgegevens ('Eemland' / 'regio Eemland'), dan "
    "koppelt de import het aan het bestaande en zegt dat; lijkt een naam er alleen op, dan vraagt de import het u: "
    "vul de kolom 'zelfde als' in (de bestaande naam, of 'nee').",
    '4. Bekijk wat er ontbreekt:  ecosysteem --data mijn-netwerk.ttl gaps --network "<naam van uw netwerk>"',
    "5. Maak de profielpagina:  ecosysteem --data mijn-netwerk.ttl report -o site/   en open "
    "site/network/<netwerk>.html in de browser.",
    "",
    "Volgend jaar: ecosysteem template --fill mijn-netwerk.ttl -o werkboek-2026.xlsx geeft dit werkboek gevuld "
    "terug; pas het aan en importeer opnieuw. Dezelfde namen geven dezelfde IRI's.",
    "Keuzelijsten (blad Lijsten) nemen de Nederlandse naam of de code; meerdere waarden in één cel: scheid ze met ; "
    "of een nieuwe regel. Data: jjjj, jjjj-mm of jjjj-mm-dd. Geen formules en geen samengevoegde cellen; laat de "
    "kopregel en de bladnamen zoals ze zijn.",
    "Namen van personen zijn persoonsgegevens: dit werkboek vraagt er niet om; noem rollen "
    "(blad Activiteiten, kolom rollen).",
    "",
    "De bladen:",
]


def template_workbook(context: Any = None) -> Workbook:
    """Return the empty workbook a coordinator fills in (openpyxl ``Workbook``; save it with :func:`workbook_bytes`).

    The drop-down lists come from the vocabularies in ``context`` (an :class:`~ecosysteem.graph.Ecosystem` or a
    Graph; default :func:`ecosysteem.load`), so they always match what the import accepts.

    >>> from ecosysteem.graph.workbook import template_workbook
    >>> book = template_workbook(ecosysteem.load())
    >>> book.sheetnames[:3]
    ['Instructie', 'Organisaties', 'Netwerken']
    """
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    from ecosysteem.graph.workbook._import import _context_graph

    graph: Graph = _context_graph(context)
    vocab = Vocabulary.from_graph(graph, {c.scheme for s in SHEETS for c in s.columns if c.scheme})
    book = Workbook()
    info = book.active
    assert info is not None
    info.title = INFO_SHEET
    _write_instructions(info, Font)
    lists = _lists(vocab)
    for sheet in SHEETS:
        ws = book.create_sheet(sheet.nl)
        for index, column in enumerate(sheet.columns, start=1):
            cell = ws.cell(row=1, column=index, value=column.header)
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor=_REQUIRED_FILL if column.required else _HEADER_FILL)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if column.help_nl:
                cell.comment = Comment(column.help_nl, "ecosysteem")
            letter = column_letter(index)
            ws.column_dimensions[letter].width = 45 if column.kind in _WIDE else max(14, len(column.header) + 4)
            if column.kind == "date":
                for row in range(2, 200):
                    ws.cell(row=row, column=index).number_format = "@"  # keep 2025-03 as text, not a date
            name = _list_name(sheet, column)
            if name in lists:
                _add_validation(ws, DataValidation, letter, name, lists, column)
            elif (target := _sheet_list(sheet, column)) is not None:
                formula = f"{_quote(target.nl)}!$A$2:$A${MAX_ROWS}"
                validation = DataValidation(type="list", formula1=formula, allow_blank=True, errorStyle="warning")
                validation.error = (
                    f"Niet gevonden op blad {target.nl}; een naam van een ander blad, uit de standaardgegevens of "
                    "een id mag ook."
                )
                validation.add(f"{letter}2:{letter}{MAX_ROWS}")
                ws.add_data_validation(validation)
        ws.freeze_panes = "B2"
    lists_ws = book.create_sheet(LISTS_SHEET)
    for index, (name, items) in enumerate(sorted(lists.items())):
        label_col, code_col = 2 * index + 1, 2 * index + 2
        lists_ws.cell(row=1, column=label_col, value=name).font = Font(bold=True)
        lists_ws.cell(row=1, column=code_col, value="code").font = Font(bold=True)
        for row, (label, code) in enumerate(items, start=2):
            lists_ws.cell(row=row, column=label_col, value=label)
            lists_ws.cell(row=row, column=code_col, value=code)
        lists_ws.column_dimensions[column_letter(label_col)].width = 36
        lists_ws.column_dimensions[column_letter(code_col)].width = 22
    return book


def _write_instructions(ws: Any, font: Any) -> None:
    for row, line in enumerate(_INTRO, start=1):
        ws.cell(row=row, column=1, value=line)
    ws.cell(row=1, column=1).font = font(bold=True, size=14)
    row = len(_INTRO) + 1
    for sheet in SHEETS:
        ws.cell(row=row, column=1, value=f"{sheet.nl}: {sheet.help_nl}").font = font(bold=True)
        row += 1
        for column in sheet.columns:
            required = " (verplicht)" if column.required else ""
            help_text = f" — {column.help_nl}" if column.help_nl else ""
            ws.cell(row=row, column=1, value=f"    {column.nl}{required}{help_text}")
            row += 1
        row += 1
    ws.column_dimensions["A"].width = 130


def _list_name(sheet: Sheet, column: Column) -> str:
    if column.kind == "concept":
        return column.scheme or ""
    if column.kind == "choice":  # named after sheet and column: a choice list is never shared with a scheme's
        return f"{sheet.nl.lower()}-{column.nl}"
    return ""


def _lists(vocab: Vocabulary) -> dict[str, list[tuple[str, str]]]:
    lists: dict[str, list[tuple[str, str]]] = {}
    for name, scheme in vocab.schemes.items():
        lists[name] = sorted(
            ((scheme.labels[i], scheme.codes[i]) for i in scheme.labels), key=lambda x: x[0].casefold()
        )
    for sheet in SHEETS:
        for column in sheet.columns:
            if column.kind != "choice":
                continue
            if column.field == "":
                lists[_list_name(sheet, column)] = [(nl, nl) for nl, _en, _cls in sheet.kinds]
            else:
                lists[_list_name(sheet, column)] = sorted((w, w) for w in column.words().values())
    return lists


def _add_validation(
    ws: Any, data_validation: Any, letter: str, name: str, lists: dict[str, Any], column: Column
) -> None:
    index = sorted(lists).index(name)
    list_letter = column_letter(2 * index + 1)
    formula = f"{LISTS_SHEET}!${list_letter}$2:${list_letter}${len(lists[name]) + 1}"
    validation = data_validation(type="list", formula1=formula, allow_blank=True, errorStyle="warning")
    validation.errorTitle = "Waarde niet in de lijst"
    several = " Meerdere waarden: scheid ze met ;." if column.multi else ""
    validation.error = f"Kies uit de lijst of gebruik een code van blad {LISTS_SHEET}.{several}"
    validation.add(f"{letter}2:{letter}{MAX_ROWS}")
    ws.add_data_validation(validation)


def _sheet_list(sheet: Sheet, column: Column) -> Sheet | None:
    """The sheet whose names a reference column's drop-down offers: its ``offers``, else its one target's sheet."""
    from ecosysteem.graph.workbook._spec import ACTIVITIES, GOALS, GROUPS, ORGANISATIONS, PLANS, REGIONS, SOURCES
    from ecosysteem.model import Activity, Goal, Group, Organisation, Plan, Region, SourceDocument

    if column.kind != "ref" or column.field == "same_as":
        return None
    if column.offers is not None:
        return next(s for s in SHEETS if s.nl == column.offers)
    if len(column.targets) != 1:
        return None
    target = {
        Organisation: ORGANISATIONS,
        Plan: PLANS,
        Group: GROUPS,
        Region: REGIONS,
        SourceDocument: SOURCES,
        Activity: ACTIVITIES,
        Goal: GOALS,
    }.get(column.targets[0])
    return target


def _quote(title: str) -> str:
    return "'" + title.replace("'", "''") + "'"


def workbook_bytes(book: Workbook) -> bytes:
    """Return ``book`` as the bytes of an ``.xlsx`` file (write them with ``ecosysteem.output.write_atomic``)."""
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
