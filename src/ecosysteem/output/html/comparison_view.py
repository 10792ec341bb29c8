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

from collections.abc import Sequence
from pathlib import Path

from ecosysteem.analysis.compare import COLUMN_KINDS, ROW_KINDS, ComparisonMatrix, comparison_matrix
from ecosysteem.errors import OutputError
from ecosysteem.graph import Ecosystem
from ecosysteem.output.html._render import check_lang, escape, legend_html, render_page, write_page

__all__ = ["comparison_html", "heatmap_table", "write_comparison"]

_WORDS: dict[str, dict[str, str]] = {
    "title": {"nl": "Vergelijking: wie doet wat in de bijenkorf", "en": "Comparison: who does what in the beehive"},
    "lead": {
        "nl": "Per {rows}: het aantal activiteiten per {cols} (klein: het aantal verschillende partners). Een "
        "gearceerde cel is leeg; een rode kolomkop betekent dat niemand die {col} dient.",
        "en": "Per {rows}: the number of activities per {cols} (small: the number of distinct partners). A hatched "
        "cell is empty; a red column header means that nobody serves that {col}.",
    },
    "network": {"nl": "netwerk", "en": "network"},
    "collaboration": {"nl": "bovenregionale samenwerking", "en": "supra-regional collaboration"},
    "function": {"nl": "functie", "en": "function"},
    "loop": {"nl": "lus", "en": "loop"},
    "action": {"nl": "actie", "en": "action"},
    "theme": {"nl": "thema", "en": "theme"},
    "pillar": {"nl": "pijler", "en": "pillar"},
    "functions": {"nl": "Functies (hexagons)", "en": "Functions (hexagons)"},
    "loops": {"nl": "Lussen", "en": "Loops"},
    "actions": {"nl": "Acties", "en": "Actions"},
    "themes": {"nl": "Thema's", "en": "Themes"},
    "pillars": {"nl": "Pijlers", "en": "Pillars"},
    "cell": {"nl": "{a} activiteiten, {p} partners", "en": "{a} activities, {p} partners"},
    "many": {"nl": "veel activiteiten", "en": "many activities"},
    "few": {"nl": "weinig activiteiten", "en": "few activities"},
    "none": {"nl": "geen activiteit (leeg)", "en": "no activity (empty)"},
    "nobody": {"nl": "kolom die niemand dient", "en": "column nobody serves"},
    "no_rows": {"nl": "Geen rijen: de graaf heeft er geen.", "en": "No rows: the graph has none."},
}


def _shade(count: int, top: int) -> str:
    # Honey from pale to full; the alpha grows with the square root so small counts still show.
    if count <= 0 or top <= 0:
        return ""
    alpha = 0.15 + 0.85 * (count / top) ** 0.5
    return f"background: rgba(242, 183, 5, {alpha:.2f})"


def heatmap_table(matrix: ComparisonMatrix, lang: str = "nl") -> str:
    """Return one matrix as an HTML heat-map table (every label and number escaped).

    Parameters
    ----------
    matrix
        From :func:`~ecosysteem.analysis.compare.comparison_matrix`.
    lang
        ``"nl"`` or ``"en"``: the words of the tooltips.

    Returns
    -------
    str
        A ``<table class="ez heat">`` element.
    """
    words = {k: v[check_lang(lang)] for k, v in _WORDS.items()}
    empty = set(matrix.empty_columns())
    top = max((c.activities for c in matrix.cells.values()), default=0)
    head = "".join(
        f'<th class="col{" empty-col" if iri in empty else ""}" scope="col" title="{escape(label)}">'
        f"{escape(label)}</th>"
        for iri, label in matrix.columns
    )
    body = []
    for row, row_label in matrix.rows:
        cells = []
        for column, column_label in matrix.columns:
            cell = matrix.cell(row, column)
            tip = f"{row_label} × {column_label}: " + words["cell"].format(a=cell.activities, p=cell.partners)
            if cell.activities:
                cells.append(
                    f'<td class="num" style="{_shade(cell.activities, top)}" title="{escape(tip)}">'
                    f"<strong>{cell.activities}</strong> <small>({cell.partners})</small></td>"
                )
            else:
                cells.append(f'<td class="num zero" title="{escape(tip)}">0</td>')
        body.append(f'<tr><th scope="row">{escape(row_label)}</th>{"".join(cells)}</tr>')
    if not matrix.rows:
        body.append(f'<tr><td colspan="{len(matrix.columns) + 1}">{escape(words["no_rows"])}</td></tr>')
    kind = escape(words.get(matrix.column_kind, matrix.column_kind))
    return (
        f'<table class="ez heat" data-columns="{escape(matrix.column_kind)}" data-rows="{escape(matrix.row_kind)}">'
        f'<thead><tr><th scope="col">{escape(words.get(matrix.row_kind, matrix.row_kind))} \\ {kind}</th>{head}</tr>'
        f"</thead><tbody>{''.join(body)}</tbody></table>"
    )


def comparison_html(
    eco: Ecosystem,
    *,
    lang: str = "nl",
    rows: str = "network",
    columns: Sequence[str] = ("function", "loop", "action"),
    nav: tuple[tuple[str, str], ...] = (),
) -> str:
    """Return the comparison page: one heat-map table per column kind.

    Parameters
    ----------
    eco
        The ecosystem.
    lang
        ``"nl"`` (default) or ``"en"``.
    rows
        ``"network"`` or ``"collaboration"`` (supra-regional collaborations).
    columns
        Column kinds, each one table: ``function``, ``loop``, ``action``, ``theme``, ``pillar``.
    nav
        Links to other pages, ``(href, label)``.

    Returns
    -------
    str
        The HTML page (no script).
    """
    lang = check_lang(lang)
    if rows not in ROW_KINDS:
        raise OutputError(f"unknown rows {rows!r}: use one of {', '.join(ROW_KINDS)}")
    unknown = [c for c in columns if c not in COLUMN_KINDS]
    if unknown:
        raise OutputError(f"unknown columns {unknown[0]!r}: use any of {', '.join(COLUMN_KINDS)}")
    words = {k: v[lang] for k, v in _WORDS.items()}
    parts = [f"<h1>{escape(words['title'])}</h1>"]
    for kind in columns:
        matrix = comparison_matrix(eco, rows=rows, columns=kind, lang=lang)
        lead = words["lead"].format(rows=words[rows], cols=words[kind], col=words[kind])
        parts.append(
            f'<section class="section"><h2>{escape(words[kind + "s"])}</h2><p>{escape(lead)}</p>'
            f'<div style="overflow:auto">{heatmap_table(matrix, lang)}</div></section>'
        )
    legend = legend_html(
        "Legenda" if lang == "nl" else "Legend",
        [
            {"shape": "box", "colour": "rgba(242, 183, 5, 1)", "label": words["many"]},
            {"shape": "box", "colour": "rgba(242, 183, 5, 0.3)", "label": words["few"]},
            {"shape": "hex-empty", "colour": "#eeeeee", "label": words["none"]},
            {"shape": "box", "colour": "#f7dcdc", "label": words["nobody"]},
        ],
    )
    body = f'<div class="ez-main" style="display:block">{"".join(parts)}<div class="section">{legend}</div></div>'
    return render_page(title=words["title"], lang=lang, body=body, vis=False, nav=nav)


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
