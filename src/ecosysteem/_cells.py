"""Spreadsheet cells that stay data: no text from the graph becomes a live formula (OWASP "CSV injection").

A spreadsheet program reads a cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return
before one) as a formula, so a label such as ``=HYPERLINK("http://…","klik")`` would become a live link or worse.
Every tabular output goes through this module, the one place that decides what is neutralised:

- in **CSV** such a text gets OWASP's prefix, a single quote (:func:`csv_text`); :func:`from_csv_text` takes it
  off again, so what ecosysteem reads back is what it wrote;
- in **xlsx** the cell is stored as a text cell, never a formula (:func:`set_text_cell`); nothing is added, so
  the text reads back unchanged.

A plain number such as ``-3`` or ``+31`` is no formula and stays as it is.

>>> csv_text('=HYPERLINK("http://x","klik")')
'\\'=HYPERLINK("http://x","klik")'
>>> from_csv_text(csv_text("@SUM(A1)")), csv_text("-3"), csv_text("'s-Hertogenbosch")
('@SUM(A1)', '-3', "'s-Hertogenbosch")
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from typing import Any

__all__ = ["FORMULA_STARTS", "csv_row", "csv_table", "csv_text", "from_csv_text", "looks_like_formula", "set_text_cell"]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet program read a cell as a formula (OWASP's list)."""

_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?")


def looks_like_formula(text: str) -> bool:
    """True when a spreadsheet would read ``text`` as a formula, or it is an already quoted one.

    A text that starts with a quote followed by such a text counts too, so that quoting stays reversible.
    """
    if text.startswith("'"):
        return looks_like_formula(text[1:])
    return text.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(text)


def csv_text(text: str) -> str:
    """Return ``text`` as a CSV cell that a spreadsheet shows as text: OWASP's ``'`` before a formula-like text."""
    return "'" + text if looks_like_formula(text) else text


def from_csv_text(text: str) -> str:
    """Return the text :func:`csv_text` was given: the quote it added is taken off, nothing else changes."""
    return text[1:] if text.startswith("'") and looks_like_formula(text[1:]) else text


def csv_row(values: list[Any]) -> list[Any]:
    """Return ``values`` with every text made safe by :func:`csv_text` (numbers and ``None`` as they are)."""
    return [csv_text(v) if isinstance(v, str) else v for v in values]


def csv_table(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """Return ``header`` and ``rows`` as CSV text (``\\n`` line ends), every text cell made safe by :func:`csv_text`.

    The one CSV writer of ecosysteem: the exchange tables and every ``--format csv`` listing use it.

    >>> csv_table(["label"], [["=1+1"], ["ZGT"]])
    "label\\n'=1+1\\nZGT\\n"
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(csv_row(list(header)))
    writer.writerows(csv_row(list(row)) for row in rows)
    return buffer.getvalue()


def set_text_cell(cell: Any) -> None:
    """Make an openpyxl ``cell`` holding a text a text cell, never a formula (openpyxl reads ``=…`` as one)."""
    if isinstance(cell.value, str):
        cell.data_type = "s"
