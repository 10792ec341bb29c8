"""Problems found in a workbook, each with the place it was found, and the error that carries them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ecosysteem.errors import DataError

__all__ = ["Problem", "WorkbookError", "column_letter"]


def column_letter(index: int) -> str:
    """Return the spreadsheet letter of the 1-based column ``index``.

    >>> column_letter(1), column_letter(27)
    ('A', 'AA')
    """
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in a workbook or CSV file, located by file, sheet, row and column.

    ``row`` is the spreadsheet row (the header is row 1); ``column`` the column letter and ``header`` its
    header. ``value`` is the cell's text where one is at fault; ``suggestion`` the likely intended value.
    """

    file: str
    sheet: str = ""
    row: int = 0
    column: str = ""
    header: str = ""
    message: str = ""
    value: str | None = None
    suggestion: str | None = None
    severity: Literal["error", "warning"] = "error"

    @property
    def where(self) -> str:
        """``file, sheet 'S', row R, column C (header)`` — as much of it as is known."""
        parts = [self.file]
        if self.sheet:
            parts.append(f"sheet '{self.sheet}'")
        if self.row:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column {self.column} ({self.header})" if self.header else f"column {self.column}")
        return ", ".join(parts)

    def __str__(self) -> str:
        hint = f" — did you mean '{self.suggestion}'?" if self.suggestion else ""
        label = "warning: " if self.severity == "warning" else ""
        return f"{self.where}: {label}{self.message}{hint}"


class WorkbookError(DataError):
    """A workbook or CSV file has problems; ``problems`` lists every one of them."""

    def __init__(self, problems: list[Problem], path: str | None = None) -> None:
        errors = [p for p in problems if p.severity == "error"]
        first = str(errors[0]) if errors else "no problems"
        more = f" (and {len(errors) - 1} more problem(s))" if len(errors) > 1 else ""
        super().__init__(first + more, path)
        self.problems = problems
