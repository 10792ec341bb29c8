"""docs/spreadsheets.md describes the sheets and columns the template really has (tools/make_spreadsheet_docs.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_sheet_tables_in_the_docs_are_up_to_date() -> None:
    spec = importlib.util.spec_from_file_location("make_spreadsheet_docs", ROOT / "tools" / "make_spreadsheet_docs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    text = (ROOT / "docs" / "spreadsheets.md").read_text(encoding="utf-8")
    assert module.updated(text) == text, "run: python tools/make_spreadsheet_docs.py"
