"""The comparison view: networks (or supra-regional collaborations) against functions, loops and actions.

One heat-map table per column kind, from :func:`ecosysteem.analysis.compare.comparison_matrix`: each cell shows
the number of activities (and, smaller, their distinct partners), shaded by the count; a zero cell is hatched
and a column nobody serves has a red header. Plain HTML and CSS, no script.

>>> from ecosysteem.graph.ecosystem import load
>>> page = comparison_html(load(), columns=("function",))
>>> page.count('<table class="ez heat"')
1
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from markupsafe import Markup

from ecosysteem.analysis.compare import COLUMN_KINDS, ROW_KINDS, ComparisonMatrix, comparison_matrix
from ecosysteem.analysis.scope import Scope
from ecosysteem.errors import OptionError
from ecosysteem.graph import Ecosystem
from ecosysteem.output.html._common import legend
from ecosysteem.output.html._render import check_lang, escape, render_template, write_page
from ecosysteem.output.words import words

__all__ = ["comparison_html", "heatmap_table", "write_comparison"]


def _shade(count: int, top: int) -> str:
    # Honey from pale to full; the alpha grows with the square root so small counts still show.
    if count <= 0 or top <= 0:
        return ""
    alpha = 0.15 + 0.85 * (count / top) ** 0.5
    return f"background: rgba(242, 183, 5, {alpha:.2f})"


def _cell_html(matrix: ComparisonMatrix, row: str, column: str, tip: str, href: str, top: int) -> str:
    cell = matrix.cell(row, column)
    if not cell.activities:
        return f'<td class="num zero" title="{escape(tip)}">0</td>'
    count = f"<strong>{cell.activities}</strong>"
    if href:
        count = f'<a href="{escape(href)}#bk-{escape(column.rsplit("/", 1)[-1])}">{count}</a>'
    return (
        f'<td class="num" style="{_shade(cell.activities, top)}" title="{escape(tip)}">'
        f"{count} <small>({cell.partners})</small></td>"
    )


def _row_html(matrix: ComparisonMatrix, row: str, label: str, w: dict[str, str], href: str, top: int) -> str:
    name = f'<a href="{escape(href)}">{escape(label)}</a>' if href else escape(label)
    head = f'<th scope="row">{name}</th>'
    if all(matrix.cell(row, c).activities == 0 for c, _ in matrix.columns):
        # Nothing of this row is classified under any column: that is missing data, not a row of zeros.
        kind = w.get(matrix.column_kind, matrix.column_kind)
        tip = w["no_data_tip"].format(row=label, col=kind)
        span = len(matrix.columns)
        cell = f'<td class="no-data" colspan="{span}" title="{escape(tip)}">{escape(w["no_data"])}</td>'
        return f'<tr class="no-data">{head}{cell}</tr>'
    cells = []
    for column, column_label in matrix.columns:
        counted = matrix.cell(row, column)
        tip = f"{label} × {column_label}: " + w["cell"].format(a=counted.activities, p=counted.partners)
        cells.append(_cell_html(matrix, row, column, tip, href, top))
    return f"<tr>{head}{''.join(cells)}</tr>"


def heatmap_table(matrix: ComparisonMatrix, lang: str = "nl", links: Mapping[str, str] | None = None) -> str:
    """Return one matrix as an HTML heat-map table (every label and number escaped).

    Parameters
    ----------
    matrix
        From :func:`~ecosysteem.analysis.compare.comparison_matrix`.
    lang
        ``"nl"`` or ``"en"``: the words of the tooltips.
    links
        Row IRI → the page of its profile: row names link to it, and each count to the activities behind it
        there (``#bk-<concept>``).

    Returns
    -------
    str
        A ``<table class="ez heat">`` element. A row with nothing under any column says "geen gegevens" (no
        data) instead of a row of zeros.
    """
    w = words(check_lang(lang))
    links = links or {}
    empty = set(matrix.empty_columns())
    top = max((c.activities for c in matrix.cells.values()), default=0)
    head = "".join(
        f'<th class="col{" empty-col" if iri in empty else ""}" scope="col" title="{escape(label)}">'
        f"{escape(label)}</th>"
        for iri, label in matrix.columns
    )
    body = [_row_html(matrix, row, label, w, links.get(row, ""), top) for row, label in matrix.rows]
    if not matrix.rows:
        body.append(f'<tr><td colspan="{len(matrix.columns) + 1}">{escape(w["no_rows"])}</td></tr>')
    kind = escape(w.get(matrix.column_kind, matrix.column_kind))
    return (
        f'<table class="ez heat" data-columns="{escape(matrix.column_kind)}" data-rows="{escape(matrix.row_kind)}">'
        f'<thead><tr><th scope="col">{escape(w.get(matrix.row_kind, matrix.row_kind))} \\ {kind}</th>{head}</tr>'
        f"</thead><tbody>{''.join(body)}</tbody></table>"
    )


def comparison_html(
    eco: Ecosystem,
    *,
    lang: str = "nl",
    rows: str = "network",
    columns: Sequence[str] = ("function", "loop", "action"),
    nav: tuple[tuple[str, str], ...] = (),
    links: Mapping[str, str] | None = None,
    scope: Scope | None = None,
    matrices: Mapping[tuple[str, str], ComparisonMatrix] | None = None,
) -> str:
    """Return the comparison page: one heat-map table per column kind.

    Parameters
    ----------
    eco, lang, nav, links, scope
        As every page takes them (:mod:`ecosysteem.output.html`); ``links`` are also those of
        :func:`heatmap_table`.
    rows
        ``"network"`` or ``"collaboration"`` (supra-regional collaborations).
    columns
        Column kinds, each one table: ``function``, ``loop``, ``action``, ``theme``, ``pillar``.
    matrices
        ``(rows, columns) →`` a matrix made already in ``lang`` (the report shares them with its profile pages);
        the others are made here.

    Returns
    -------
    str
        The HTML page (no script).
    """
    lang = check_lang(lang)
    if rows not in ROW_KINDS:
        raise OptionError(
            f"unknown rows {rows!r}: use one of {', '.join(ROW_KINDS)}",
            nl=f"onbekende rijen {rows!r}: kies uit {', '.join(ROW_KINDS)}",
        )
    unknown = [c for c in columns if c not in COLUMN_KINDS]
    if unknown:
        raise OptionError(
            f"unknown columns {unknown[0]!r}: use any of {', '.join(COLUMN_KINDS)}",
            nl=f"onbekende kolommen {unknown[0]!r}: kies uit {', '.join(COLUMN_KINDS)}",
        )
    w = words(lang)
    tables = []
    for kind in columns:
        matrix = (matrices or {}).get((rows, kind)) or comparison_matrix(
            eco, rows=rows, columns=kind, lang=lang, scope=scope
        )
        lead = w["comparison_lead"].format(rows=w[rows], cols=w[kind], col=w[kind])
        # heatmap_table escapes every label and number itself (it is public API and returns HTML).
        tables.append((w[kind + "s"], lead, Markup(heatmap_table(matrix, lang, links))))
    entries = legend(
        ("box", "rgba(242, 183, 5, 1)", w["many"]),
        ("box", "rgba(242, 183, 5, 0.3)", w["few"]),
        ("hex-empty", "#eeeeee", w["no_activity"]),
        ("box", "#f7dcdc", w["nobody"]),
    )
    return render_template(
        "comparison.html", title=w["comparison_title"], lang=lang, nav=nav, tables=tables, legend_entries=entries
    )


def write_comparison(
    eco: Ecosystem,
    path: str | Path,
    *,
    lang: str = "nl",
    rows: str = "network",
    columns: Sequence[str] = ("function", "loop", "action"),
) -> Path:
    """Write the comparison page to ``path`` (atomically, UTF-8) and return it; see :func:`comparison_html`."""
    return write_page(path, comparison_html(eco, lang=lang, rows=rows, columns=columns))
