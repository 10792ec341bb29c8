"""Renderers: tables, files, HTML. Nothing here changes the graph."""

from __future__ import annotations

from ecosysteem._files import write_atomic
from ecosysteem.output.tables import render_table

__all__ = ["render_table", "write_atomic"]
