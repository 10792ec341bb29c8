"""Moved to :mod:`ecosysteem._files`, the one atomic-write helper of every layer; this name stays for imports."""

from __future__ import annotations

from ecosysteem._files import write_atomic

__all__ = ["write_atomic"]
