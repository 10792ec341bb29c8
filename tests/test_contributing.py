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


def _example(name: str) -> object:
    import importlib.util

    spec = importlib.util.spec_from_file_location(f"contributing_{name}", EXAMPLES / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_recipe_add_an_exchange_format(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Recipe 2: a module with ``to_…``/``write_…`` and one entry in ``ecosysteem.io.FORMATS``."""
    from click.testing import CliRunner

    from ecosysteem import io
    from ecosysteem.cli import cli

    dot = _example("dot_format")
    monkeypatch.setitem(io.FORMATS, "dot", dot.FORMAT)  # type: ignore[attr-defined]
    out = tmp_path / "ecosysteem.dot"
    result = CliRunner().invoke(cli, ["export", "--format", "dot", "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("graph ecosysteem {") and '"Netwerken Palliatieve Zorg Twente"' in text
    assert io.exchange_text(ecosysteem.load(), "dot") == text


def test_recipe_add_a_store(monkeypatch: pytest.MonkeyPatch) -> None:
    """Recipe 3: a module with a ``Store`` subclass and one entry in ``STORE_KINDS``; then the equivalence tests."""
    from ecosysteem.analysis.queries import list_queries, query_strings
    from ecosysteem.graph import stores

    counting = _example("counting_store")
    monkeypatch.setitem(stores.STORE_KINDS, "counting", counting.KIND)  # type: ignore[attr-defined]
    eco = ecosysteem.load(store="counting")
    reference = ecosysteem.load()
    assert eco.store.kind == "counting"
    assert ecosysteem.find_gaps(eco) == ecosysteem.find_gaps(reference)
    for query in list_queries():
        if all(p.optional for p in query.parameters):
            assert sorted(query_strings(eco, query.name)) == sorted(query_strings(reference, query.name)), query.name
    assert eco.store.queries > 0  # type: ignore[attr-defined]
