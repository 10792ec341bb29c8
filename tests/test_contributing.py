"""CONTRIBUTING.md's recipes, followed once each."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import ecosysteem
from ecosysteem.analysis import gaps

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "contributing"


def test_recipe_add_a_gap_type(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Recipe 1: one module with ``GAP`` and ``detect`` on the package's path becomes a gap type."""
    shutil.copy(EXAMPLES / "no_source_date.py", tmp_path / "no_source_date.py")
    monkeypatch.setattr(gaps, "__path__", [*gaps.__path__, str(tmp_path)])
    gaps._checks.cache_clear()
    try:
        assert "plan-without-date" in [g.id for g in gaps.gap_types()]
        found = gaps.find_gaps(ecosysteem.load(), ["plan-without-date"])
        assert all(f.gap == "plan-without-date" and f.subject_kind == "plan" for f in found)
        dated = {f.subject for f in found}
        assert "https://w3id.org/ecosysteem/id/plan/jaarplan-2021-twente" not in dated  # seed 004 is dated
    finally:
        monkeypatch.undo()
        gaps._checks.cache_clear()
    assert "plan-without-date" not in [g.id for g in gaps.gap_types()]
