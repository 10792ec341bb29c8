"""Reading workbooks (.xlsx) and CSV files into located rows, and checking their structure."""

from __future__ import annotations

import re
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ecosysteem.errors import short_message
from ecosysteem.graph.workbook._cells import cell_text, decode_csv, read_csv_text
from ecosysteem.graph.workbook._index import suggest
from ecosysteem.graph.workbook._problems import Msg, Problem, column_letter
from ecosysteem.graph.workbook._spec import SHEETS, Column, Sheet, normalise_header, sheet_by_name

__all__ = ["INFO_SHEETS", "RawCell", "RawRow", "RawSheet", "read_files"]

INFO_SHEETS = {normalise_header(n) for n in ("Instructie", "Instructions", "Lijsten", "Lists")}
"""Sheets of the template that hold no data (they are skipped on import)."""


@dataclass(frozen=True)
class RawCell:
    """A non-empty cell: its text and where it is."""

    text: str
    column: str
    header: str


@dataclass
class RawRow:
    """One data row of a sheet."""

    sheet: Sheet
    file: str
    row: int
    cells: dict[Column, RawCell] = field(default_factory=dict)
    positions: dict[Column, tuple[str, str]] = field(default_factory=dict)
    """column → (letter, header) for every column the sheet has, so an empty cell can be named too"""

    def text(self, column: Column) -> str | None:
        cell = self.cells.get(column)
        return cell.text if cell else None

    def problem(
        self,
        column: Column | None,
        message: Msg,
        value: str | None = None,
        suggestion: str | None = None,
        severity: Literal["error", "warning", "note"] = "error",
    ) -> Problem:
        """A problem in this row, in ``column`` (``None``: the row as a whole); ``message`` is ``(nl, en)``."""
        letter, header = self.positions.get(column, ("", column.nl)) if column is not None else ("", "")
        return Problem.of(
            self.file,
            self.sheet.nl,
            self.row,
            letter,
            header,
            msg=message,
            value=value,
            suggestion=suggestion,
            severity=severity,
        )

    @property
    def where(self) -> Msg:
        """The row's place, ``(nl, en)``."""
        return f"blad '{self.sheet.nl}', rij {self.row}", f"sheet '{self.sheet.nl}', row {self.row}"


@dataclass
class RawSheet:
    sheet: Sheet
    file: str
    title: str
    rows: list[RawRow] = field(default_factory=list)


def read_files(paths: list[Path], encoding: str | None = None) -> tuple[list[RawSheet], list[Problem]]:
    """Read workbooks and CSV files into sheets of located rows, with every structural problem found."""
    sheets: list[RawSheet] = []
    problems: list[Problem] = []
    for path in paths:
        suffix = path.suffix.lower()
        if not path.is_file():
            problems.append(Problem.of(path.name, msg=(f"bestand niet gevonden: {path}", f"no such file: {path}")))
        elif suffix in (".xlsx", ".xlsm"):
            got, found = _read_xlsx(path)
            sheets += got
            problems += found
        elif suffix in (".csv", ".txt", ".tsv"):
            got_one, found = _read_csv(path, encoding)
            sheets += [got_one] if got_one else []
            problems += found
        else:
            problems.append(
                Problem.of(
                    path.name,
                    msg=(
                        f"onbekend soort bestand '{path.suffix}': geef een .xlsx-werkboek of .csv-bestanden",
                        f"unknown file type '{path.suffix}': give an .xlsx workbook or .csv files",
                    ),
                )
            )
    return sheets, problems


def _read_xlsx(path: Path) -> tuple[list[RawSheet], list[Problem]]:
    name = path.name
    book, problems = _open_xlsx(path)
    if book is None:
        return [], problems
    sheets: list[RawSheet] = []
    seen: set[str] = set()
    unknown: list[str] = []
    for ws in book.worksheets:
        spec = sheet_by_name(ws.title)
        if spec is None:
            if normalise_header(ws.title) not in INFO_SHEETS:
                unknown.append(ws.title)
            continue
        if spec.nl in seen:
            problems.append(
                Problem.of(
                    name,
                    ws.title,
                    msg=(
                        f"een tweede blad voor '{spec.nl}': voeg de twee bladen samen",
                        f"a second sheet for '{spec.nl}': merge the two sheets",
                    ),
                )
            )
            continue
        seen.add(spec.nl)
        problems += _merged_cells(name, ws)
        rows, found = _sheet_rows(name, ws)
        raw, more = _rows_to_sheet(spec, name, ws.title, rows)
        sheets.append(raw)
        problems += found + more
    return sheets, problems + _sheet_set_problems(name, seen, unknown)


def _open_xlsx(path: Path) -> tuple[Any, list[Problem]]:
    """The workbook, or ``None`` and the one problem saying why it cannot be read."""
    import openpyxl

    try:
        with warnings.catch_warnings():
            # openpyxl warns about spreadsheet features it does not read (extensions, default styles): not our concern
            warnings.simplefilter("ignore")
            return openpyxl.load_workbook(path, data_only=False), []
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        reason = short_message(exc, 200)
        return None, [
            Problem.of(
                path.name,
                msg=(
                    f"niet te lezen als .xlsx-werkboek ({reason}); sla het op als Excel .xlsx",
                    f"cannot read it as an .xlsx workbook ({reason}); save it as Excel .xlsx",
                ),
            )
        ]


def _merged_cells(name: str, ws: Any) -> list[Problem]:
    return [
        Problem.of(
            name,
            ws.title,
            int(re.sub(r"\D", " ", merged).split()[0]),
            re.sub(r"\d", "", merged.split(":")[0]),
            "",
            msg=(
                f"samengevoegde cellen {merged}: maak de samenvoeging ongedaan en vul elke cel in",
                f"merged cells {merged}: unmerge them and fill in every cell",
            ),
            value=merged,
        )
        for merged in sorted(str(r) for r in ws.merged_cells.ranges)
    ]


def _sheet_rows(name: str, ws: Any) -> tuple[list[tuple[int, list[Any]]], list[Problem]]:
    """The rows of a sheet as ``(row number, values)``; a formula cell is a problem and reads as empty."""
    problems: list[Problem] = []
    rows: list[tuple[int, list[Any]]] = []
    for row in ws.iter_rows():
        values: list[Any] = []
        for cell in row:
            if cell.data_type != "f":
                values.append(cell.value)
                continue
            formula = str(cell.value)
            problems.append(
                Problem.of(
                    name,
                    ws.title,
                    cell.row or 0,
                    column_letter(cell.column or 1),
                    _header_of(ws, cell.column),
                    msg=(
                        f"de cel bevat een formule ({formula[:60]}); formules worden niet gelezen: vervang "
                        "haar door haar waarde (kopiëren, dan plakken als waarden)",
                        f"the cell holds a formula ({formula[:60]}); formulas are not read: replace it by "
                        "its value (copy, then paste as values)",
                    ),
                    value=formula,
                )
            )
            values.append(None)
        rows.append((row[0].row or 0, values))
    return rows, problems


def _sheet_set_problems(name: str, seen: set[str], unknown: list[str]) -> list[Problem]:
    """A sheet of the template that is missing, and sheets the template does not know."""
    problems = [
        Problem.of(
            name,
            spec.nl,
            msg=(
                f"blad '{spec.nl}' ontbreekt (elk blad van het sjabloon moet er zijn; leeg mag — begin met "
                "'ecosysteem template')",
                f"sheet '{spec.nl}' is missing (every sheet of the template must be there; "
                "empty is fine — start from 'ecosysteem template')",
            ),
            suggestion=suggest(spec.nl, unknown),
        )
        for spec in SHEETS
        if spec.nl not in seen and not spec.optional
    ]
    return problems + [
        Problem.of(
            name,
            title,
            msg=("onbekend blad; het wordt overgeslagen", "unknown sheet; it is ignored"),
            severity="warning",
        )
        for title in unknown
    ]


def _header_of(ws: Any, column: int | None) -> str:
    value = ws.cell(row=1, column=column or 1).value
    return str(value).strip() if value is not None else ""


def _read_csv(path: Path, encoding: str | None) -> tuple[RawSheet | None, list[Problem]]:
    name = path.name
    spec = sheet_by_name(path.stem) or sheet_by_name(re.split(r"[-_. ]", path.stem)[-1])
    if spec is None:
        known = ", ".join(f"{s.nl.lower()}.csv" for s in SHEETS)
        return None, [
            Problem.of(
                name,
                msg=(
                    f"niet te zien welk blad dit bestand is: noem het naar een blad ({known})",
                    f"cannot tell which sheet this file is: name it after one ({known})",
                ),
            )
        ]
    try:
        text = decode_csv(path.read_bytes(), encoding)
    except ValueError as exc:
        return None, [Problem.of(name, spec.nl, msg=(getattr(exc, "nl", f"niet te lezen: {exc}"), str(exc)))]
    except OSError as exc:
        return None, [
            Problem.of(name, spec.nl, msg=(f"niet te lezen ({exc.strerror})", f"cannot read it ({exc.strerror})"))
        ]
    try:
        records = read_csv_text(text)
    except Exception as exc:  # csv.Error: e.g. a NUL byte; the message is what matters
        return None, [
            Problem.of(name, spec.nl, msg=(f"geen leesbaar CSV-bestand ({exc})", f"not a readable CSV file ({exc})"))
        ]
    rows: list[tuple[int, list[Any]]] = []
    problems: list[Problem] = []
    width = len(records[0]) if records else 0
    for number, record in enumerate(records, start=1):
        if number > 1 and len(record) > width and any(v.strip() for v in record[width:]):
            problems.append(
                Problem.of(
                    name,
                    spec.nl,
                    number,
                    msg=(
                        f"{len(record)} waarden maar slechts {width} kolomkoppen: zet een waarde met het "
                        "scheidingsteken tussen dubbele aanhalingstekens",
                        f"{len(record)} values but only {width} column headers: put a "
                        "value that contains the delimiter between double quotes",
                    ),
                )
            )
        rows.append((number, [v if v.strip() else None for v in record]))
    raw, found = _rows_to_sheet(spec, name, spec.nl, rows)
    return raw, problems + found


def _header_problem(file: str, title: str, index: int, text: str, msg: Msg, suggestion: str | None = None) -> Problem:
    """A problem with the header ``text`` in column ``index`` (from 0) of the header row."""
    return Problem.of(file, title, 1, column_letter(index + 1), text, msg=msg, value=text, suggestion=suggestion)


def _match_headers(
    spec: Sheet, file: str, title: str, header_values: list[Any]
) -> tuple[dict[int, Column], dict[int, str], list[Problem]]:
    """The sheet's columns by position, the headers as written, and the header row's problems."""
    problems: list[Problem] = []
    columns: dict[int, Column] = {}
    headers: dict[int, str] = {}
    unknown: list[tuple[int, str]] = []
    for index, value in enumerate(header_values):
        text = cell_text(value)
        if text is None:
            continue
        headers[index] = text.replace("*", "").strip()
        normal = normalise_header(text)
        column = next((c for c in spec.columns if normal in c.names()), None)
        if column is None:
            unknown.append((index, text))
        elif column in columns.values():
            twice = (f"kolom '{text}' staat er twee keer", f"column '{text}' appears twice")
            problems.append(_header_problem(file, title, index, text, twice))
        else:
            columns[index] = column
    present = set(columns.values())
    missing_names = [c.nl for c in spec.columns if c not in present]
    for index, text in unknown:
        message = (f"onbekende kolom '{text}'", f"unknown column '{text}'")
        problems.append(_header_problem(file, title, index, text, message, suggest(text, missing_names)))
    for column in spec.columns:
        if column.required and column not in present:
            problems.append(
                Problem.of(
                    file,
                    title,
                    1,
                    msg=(
                        f"verplichte kolom '{column.nl}' ontbreekt (kopregel 1)",
                        f"required column '{column.nl}' is missing (header row 1)",
                    ),
                )
            )
    return columns, headers, problems


def _rows_to_sheet(
    spec: Sheet, file: str, title: str, rows: list[tuple[int, list[Any]]]
) -> tuple[RawSheet, list[Problem]]:
    """Match the header row to the sheet's columns and turn the other rows into :class:`RawRow`."""
    raw = RawSheet(spec, file, title)
    if not rows:
        return raw, []
    columns, headers, problems = _match_headers(spec, file, title, rows[0][1])
    positions = {column: (column_letter(index + 1), headers[index]) for index, column in columns.items()}
    for number, values in rows[1:]:
        row = RawRow(spec, file, number, positions=positions)
        for index, value in enumerate(values):
            column_spec = columns.get(index)
            text = cell_text(value)
            if text is None:
                continue
            if column_spec is None:
                if index not in headers:
                    problems.append(
                        Problem.of(
                            file,
                            title,
                            number,
                            column_letter(index + 1),
                            "",
                            msg=(
                                "een waarde in een kolom zonder kop: geef de kolom een kop of verplaats de waarde",
                                "a value in a column without a header: give the column a header or move the value",
                            ),
                            value=text,
                        )
                    )
                continue
            row.cells[column_spec] = RawCell(text, column_letter(index + 1), headers[index])
        if row.cells:
            raw.rows.append(row)
    return raw, problems
