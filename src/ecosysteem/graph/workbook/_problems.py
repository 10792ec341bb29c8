"""Problems found in a workbook, each with the place it was found, and the error that carries them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ecosysteem.errors import DataError

__all__ = ["Msg", "Problem", "WorkbookError", "column_letter"]


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


Msg = tuple[str, str]
"""A message in Dutch and in English: ``(nl, en)``."""


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in a workbook or CSV file, located by file, sheet, row and column.

    ``row`` is the spreadsheet row (the header is row 1); ``column`` the column letter and ``header`` its
    header. ``message`` is in Dutch, ``message_en`` in English (empty: the same). ``value`` is the cell's text
    where one is at fault; ``suggestion`` the likely intended value. ``str()`` gives the Dutch line,
    :meth:`text` either language.

    >>> p = Problem.of("plan.xlsx", "Wie", 4, "C", "rol", msg=("onbekende rol 'x'", "unknown role 'x'"),
    ...                suggestion="trekker")
    >>> str(p)
    "plan.xlsx, blad 'Wie', rij 4, kolom C (rol): onbekende rol 'x' — bedoelde u 'trekker'?"
    >>> p.text("en")
    "plan.xlsx, sheet 'Wie', row 4, column C (rol): unknown role 'x' — did you mean 'trekker'?"
    """

    file: str
    sheet: str = ""
    row: int = 0
    column: str = ""
    header: str = ""
    message: str = ""
    value: str | None = None
    suggestion: str | None = None
    severity: Literal["error", "warning", "note"] = "error"
    message_en: str = ""

    @classmethod
    def of(
        cls,
        file: str,
        sheet: str = "",
        row: int = 0,
        column: str = "",
        header: str = "",
        *,
        msg: Msg,
        value: str | None = None,
        suggestion: str | None = None,
        severity: Literal["error", "warning", "note"] = "error",
    ) -> Problem:
        """A problem whose message is given in both languages."""
        return cls(file, sheet, row, column, header, msg[0], value, suggestion, severity, msg[1])

    def where_in(self, lang: str = "nl") -> str:
        """``file, sheet 'S', row R, column C (header)`` — as much of it as is known, in ``lang``."""
        sheet, row, column = ("blad", "rij", "kolom") if lang == "nl" else ("sheet", "row", "column")
        parts = [self.file]
        if self.sheet:
            parts.append(f"{sheet} '{self.sheet}'")
        if self.row:
            parts.append(f"{row} {self.row}")
        if self.column:
            parts.append(f"{column} {self.column} ({self.header})" if self.header else f"{column} {self.column}")
        return ", ".join(parts)

    @property
    def where(self) -> str:
        """The place in Dutch (see :meth:`where_in`)."""
        return self.where_in("nl")

    def text(self, lang: str = "nl") -> str:
        """The one-line message in ``lang`` (``nl`` or ``en``), with its place and suggestion."""
        english = lang == "en"
        message = (self.message_en or self.message) if english else self.message
        hint = ""
        if self.suggestion:
            hint = f" — did you mean '{self.suggestion}'?" if english else f" — bedoelde u '{self.suggestion}'?"
        label = {"warning": ("waarschuwing: ", "warning: "), "note": ("", "")}.get(self.severity, ("", ""))
        return f"{self.where_in(lang)}: {label[english]}{message}{hint}"

    def __str__(self) -> str:
        return self.text("nl")


class WorkbookError(DataError):
    """A workbook or CSV file has problems; ``problems`` lists every one of them.

    The message is the first error with its place, and how many more there are, in Dutch and English.
    """

    exit_kind = "data"

    def __init__(self, problems: list[Problem], path: str | None = None) -> None:
        super().__init__(_first_error(problems, "en"), path, nl=_first_error(problems, "nl"))
        self.problems = problems


def _first_error(problems: list[Problem], lang: str) -> str:
    errors = [p for p in problems if p.severity == "error"]
    if not errors:
        return "no problems" if lang == "en" else "geen problemen"
    more = len(errors) - 1
    if not more:
        return errors[0].text(lang)
    if lang == "en":
        return f"{errors[0].text(lang)} (and {more} more problem{'s' if more > 1 else ''})"
    return f"{errors[0].text(lang)} (en nog {more} {'problemen' if more > 1 else 'probleem'})"
