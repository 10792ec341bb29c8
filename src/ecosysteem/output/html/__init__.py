"""Interactive, offline HTML: the bijenkorf, the ecosystem network, the comparison heat-map and the report site.

Every page is one self-contained file: vis-network (shipped inside the pyvis package) is inlined, nothing is
loaded from a network, and every label, tooltip and table cell is HTML-escaped. Each view has a function that
returns the HTML and one that writes it atomically as UTF-8.

Every page function takes the same parameters, described here once: ``eco``, the ecosystem; ``lang``, the
language of every word, label and tooltip (``"nl"``, the default, or ``"en"``); ``nav``, ``(href, label)`` links
to other pages shown above the title; ``links``, node or row IRI → the page about it (the report's profile pages:
a double click on a node, or a click on a row name, opens it); and ``scope`` (or ``index``), the scope rules over
the graph's index (:class:`~ecosysteem.analysis.scope.Scope`), to share one reading of the graph between the
pages of a report (one is made when not given).

>>> import ecosysteem.output.html as viz
>>> from ecosysteem.graph.ecosystem import load
>>> html = viz.bijenkorf_html(load(), lang="en", findings=[])  # findings=[]: no gap analysis, faster
>>> html.startswith("<!DOCTYPE html>") and 'lang="en"' in html
True

Pages show what the graph holds, persons' names included. For a page to share beyond the people named, draw
a copy without them, as ``--no-personal-data`` does on the command line (and as for the exchange formats):
:func:`~ecosysteem.graph.privacy.without_personal_data` leaves persons out and puts ``[persoon]`` /
``[person]`` where their names stood in any text.

>>> from ecosysteem.graph.privacy import without_personal_data
>>> "Mirjam Velting" in viz.network_html(load())
True
>>> "Mirjam Velting" in viz.network_html(without_personal_data(load()))
False
"""

from __future__ import annotations

from ecosysteem.output.html.bijenkorf import bijenkorf_html, bijenkorf_scope, write_bijenkorf
from ecosysteem.output.html.comparison_view import comparison_html, heatmap_table, write_comparison
from ecosysteem.output.html.network_view import aggregate_graph, network_graph, network_html, write_network
from ecosysteem.output.html.report import report_pages, write_report

__all__ = [
    "aggregate_graph",
    "bijenkorf_html",
    "bijenkorf_scope",
    "comparison_html",
    "heatmap_table",
    "network_graph",
    "network_html",
    "report_pages",
    "write_bijenkorf",
    "write_comparison",
    "write_network",
    "write_report",
]
