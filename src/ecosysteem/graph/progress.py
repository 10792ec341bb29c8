"""Moved to :mod:`ecosysteem._progress` (progress is not about the graph); this name stays for existing imports."""

from __future__ import annotations

from ecosysteem._progress import Advance, Reporter, reporting, task

__all__ = ["Advance", "Reporter", "reporting", "task"]
