"""Records → text table, CSV, JSON or Markdown, with a deterministic layout and no third-party formatter."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from ecosysteem._cells import csv_table

__all__ = ["TABLE_FORMATS", "render_table"]

TABLE_FORMATS = ("table", "csv", "json", "markdown")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple | set):
        return "; ".join(_cell(v) for v in value)
    return str(value)


def render_table(rows: Sequence[Mapping[str, Any]], columns: Sequence[str] | None = None, fmt: str = "table") -> str:
    """Render ``rows`` (dicts) as ``table`` (aligned text), ``csv``, ``json`` or ``markdown``.

    >>> print(render_table([{"a": 1, "b": "x"}, {"a": 22, "b": None}]))
    a   b
    --  -
    1   x
    22
    """
    if fmt not in TABLE_FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(TABLE_FORMATS)}")
    cols = list(columns) if columns is not None else _columns(rows)
    if fmt == "json":
        return json.dumps([{c: row.get(c) for c in cols} for row in rows], ensure_ascii=False, indent=2, default=str)
    if fmt == "csv":
        # A text such as "=HYPERLINK(…)" gets OWASP's quote, so that a spreadsheet never runs it as a formula.
        return csv_table(cols, ([_cell(row.get(c)) for c in cols] for row in rows)).rstrip("\n")
    cells = [[_cell(row.get(c)) for c in cols] for row in rows]
    if fmt == "markdown":

        def esc(text: str) -> str:
            return text.replace("|", "\\|").replace("\n", " ")

        lines = ["| " + " | ".join(esc(c) for c in cols) + " |", "|" + "|".join("---" for _ in cols) + "|"]
        lines += ["| " + " | ".join(esc(v) for v in line) + " |" for line in cells]
        return "\n".join(lines)
    widths = [max([len(c)] + [len(line[i]) for line in cells]) for i, c in enumerate(cols)]
    out = ["  ".join(c.ljust(w) for c, w in zip(cols, widths, strict=True)).rstrip()]
    out.append("  ".join("-" * w for w in widths))
    out += ["  ".join(v.ljust(w) for v, w in zip(line, widths, strict=True)).rstrip() for line in cells]
    return "\n".join(out)


def _columns(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    seen: dict[str, None] = {}
    for row in rows:
        for key in row:
            seen.setdefault(key, None)
    return list(seen)
