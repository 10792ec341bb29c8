"""Reading single cells and CSV files: values to text, lists, dates; encodings and delimiters."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

__all__ = [
    "DELIMITERS",
    "cell_text",
    "decode_csv",
    "guess_delimiter",
    "parse_date",
    "read_csv_text",
    "split_values",
]

DELIMITERS = (",", ";", "\t")
"""The CSV delimiters recognised (Dutch spreadsheet programs write ``;``)."""

_SPLIT = re.compile(r"[;\n]")


def cell_text(value: object) -> str | None:
    """Return a cell's value as stripped text, or ``None`` for an empty cell.

    Whole numbers lose their ``.0``; dates become ``YYYY-MM-DD`` (with the time only if it is not midnight).

    >>> cell_text("  ZGT "), cell_text(2021.0), cell_text(""), cell_text(dt.date(2024, 3, 1))
    ('ZGT', '2021', None, '2024-03-01')
    """
    if value is None:
        return None
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").strip()
    return text or None


def split_values(text: str | None, lines_only: bool = False) -> list[str]:
    """Split a cell holding several values (``;`` or line breaks; only line breaks if ``lines_only``).

    >>> split_values("ZGT; MST ;; Carintreggeland")
    ['ZGT', 'MST', 'Carintreggeland']
    """
    if not text:
        return []
    parts = text.split("\n") if lines_only else _SPLIT.split(text)
    return [p.strip() for p in parts if p.strip()]


_ISO = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_DUTCH = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_MONTH_YEAR = re.compile(r"(\d{1,2})[-/.](\d{4})")


def parse_date(text: str) -> str:
    """Return ``text`` as a partial ISO date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``), or raise ``ValueError``.

    Accepts ISO dates (``2024``, ``2024-3``, ``2024-03-01``, with a time that is dropped) and the Dutch order
    ``1-3-2024`` / ``01/03/2024`` and ``3-2024``.

    >>> parse_date("2024"), parse_date("1-3-2024"), parse_date("2024-03-01 00:00:00"), parse_date("09-2024")
    ('2024', '2024-03-01', '2024-03-01', '2024-09')
    """
    text = text.strip()
    date_part = text.split(" ", 1)[0].split("T", 1)[0]
    if m := _ISO.fullmatch(date_part):
        year, month, day = m.groups()
    elif m := _DUTCH.fullmatch(date_part):
        day, month, year = m.groups()
    elif m := _MONTH_YEAR.fullmatch(date_part):
        month, year = m.groups()
        day = None
    else:
        raise ValueError(f"'{text}' is not a date: write jjjj, jjjj-mm or jjjj-mm-dd (or dd-mm-jjjj)")
    if month is None:
        return year
    try:
        if day is None:
            dt.date(int(year), int(month), 1)
            return f"{year}-{int(month):02d}"
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        raise ValueError(f"'{text}' is not a date that exists") from None


def decode_csv(data: bytes, encoding: str | None = None) -> str:
    """Decode CSV bytes: UTF-8 (with or without a byte-order mark) unless ``encoding`` is given.

    Raises ``ValueError`` naming the line and byte, and what the text would read as in Windows-1252 — the
    encoding Excel uses for "CSV" on Dutch Windows — so the user can re-save as *CSV UTF-8* or pass the encoding.
    """
    if encoding:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise CsvDecodeError(
                f"niet te lezen als {encoding}: {exc}", f"cannot decode it as {encoding}: {exc}"
            ) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        byte = data[exc.start : exc.start + 1].hex().upper()
        try:
            bad_line = data.decode("cp1252").splitlines()[line - 1].strip()
            guess = f"; it looks like Windows-1252/Latin-1 (the line reads '{bad_line[:80]}' in that encoding)"
            guess_nl = f"; het lijkt Windows-1252/Latin-1 (de regel luidt dan '{bad_line[:80]}')"
        except UnicodeDecodeError:
            guess = guess_nl = ""
        raise CsvDecodeError(
            f"regel {line}: byte 0x{byte} is geen UTF-8{guess_nl}. Sla het bestand op als 'CSV UTF-8', "
            "of geef de codering op (--encoding cp1252)",
            f"line {line}: byte 0x{byte} is not UTF-8{guess}. Save the file as 'CSV UTF-8', "
            "or pass the encoding (--encoding cp1252)",
        ) from None


class CsvDecodeError(ValueError):
    """A CSV file that cannot be decoded; ``str()`` is the English message, ``nl`` the Dutch one."""

    def __init__(self, nl: str, en: str) -> None:
        super().__init__(en)
        self.nl = nl


def guess_delimiter(text: str) -> str:
    """Return the delimiter of a CSV text: the one of ``,``, ``;``, tab used most in its header line.

    >>> guess_delimiter("naam;type\\nZGT;ziekenhuis"), guess_delimiter("naam,type")
    (';', ',')
    """
    header = text.split("\n", 1)[0]
    counts = {d: _count_outside_quotes(header, d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _count_outside_quotes(line: str, char: str) -> int:
    count, quoted = 0, False
    for c in line:
        if c == '"':
            quoted = not quoted
        elif c == char and not quoted:
            count += 1
    return count


def read_csv_text(text: str, delimiter: str | None = None) -> list[list[str]]:
    """Split CSV text into rows of cells (quoted values may hold delimiters, quotes and line breaks).

    >>> read_csv_text('naam;type\\n"A; B";x\\n')
    [['naam', 'type'], ['A; B', 'x']]
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter or guess_delimiter(text))
    return [row for row in reader]
