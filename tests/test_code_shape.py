"""Small functions: none in ``src/`` is longer than 60 lines (its docstring aside); complexity is ruff's C901."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import ecosysteem

SRC = Path(ecosysteem.__file__).parent
LIMIT = 60


def _body_lines(node: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    body = node.body
    has_doc = len(body) > 1 and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant)
    start = body[1].lineno if has_doc else body[0].lineno
    return (node.end_lineno or start) - start + 1


@pytest.mark.parametrize("path", sorted(SRC.rglob("*.py")), ids=lambda p: str(p.relative_to(SRC)))
def test_no_function_is_over_sixty_lines(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    long = [
        (n.name, _body_lines(n))
        for n in ast.walk(tree)
        if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef) and _body_lines(n) > LIMIT
    ]
    assert not long, long
