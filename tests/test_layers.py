"""The architecture rule: model → graph → analysis → output | io → cli; each layer imports only those to its left.

``output`` (HTML, tables) and ``io`` (exchange formats) stand side by side: neither imports the other.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "ecosysteem"
RANKS = [["model"], ["graph"], ["analysis"], ["output", "io"], ["cli"]]
ORDER = [layer for rank in RANKS for layer in rank]
LEAVES = {"errors", "vocab", "resources", "_files", "_iri", "_cells", "_progress"}


def _layer(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "ecosysteem" or len(parts) < 2:
        return None
    return parts[1] if parts[1] in ORDER else None


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


LAYER_FILES = [(layer, path) for layer in ORDER for path in sorted((SRC / layer).rglob("*.py")) if path.exists()]


@pytest.mark.parametrize(("layer", "path"), LAYER_FILES, ids=[str(p.relative_to(SRC)) for _, p in LAYER_FILES])
def test_layer_imports_only_to_its_left(layer: str, path: Path) -> None:
    rank = next(i for i, layers in enumerate(RANKS) if layer in layers)
    allowed = {other for layers in RANKS[:rank] for other in layers} | {layer}
    bad = sorted(m for m in _imports(path) if (other := _layer(m)) and other not in allowed)
    assert not bad, f"{path.name} ({layer}) imports {bad}"


def test_model_layer_does_not_import_rdflib() -> None:
    offenders = [p.name for p in (SRC / "model").rglob("*.py") if any(m.startswith("rdflib") for m in _imports(p))]
    assert offenders == []


SIDE = {"synthetic": "graph"}
"""Packages beside the chain: each imports only up to the layer named here, and only the CLI imports it."""


@pytest.mark.parametrize("package", sorted(SIDE))
def test_side_packages_import_only_to_their_left(package: str) -> None:
    allowed = set(ORDER[: ORDER.index(SIDE[package]) + 1])
    for path in sorted((SRC / package).rglob("*.py")):
        bad = sorted(m for m in _imports(path) if (other := _layer(m)) and other not in allowed)
        assert not bad, f"{path.name} ({package}) imports {bad}"


@pytest.mark.parametrize("package", sorted(SIDE))
def test_only_the_cli_imports_side_packages(package: str) -> None:
    importers = [
        str(path.relative_to(SRC))
        for layer in ORDER[:-1]
        for path in sorted((SRC / layer).rglob("*.py"))
        if any(m == f"ecosysteem.{package}" or m.startswith(f"ecosysteem.{package}.") for m in _imports(path))
    ]
    assert importers == []


@pytest.mark.parametrize("leaf", sorted(LEAVES))
def test_leaf_modules_import_no_layer(leaf: str) -> None:
    assert not [m for m in _imports(SRC / f"{leaf}.py") if _layer(m)]


def test_output_and_io_do_not_import_each_other() -> None:
    assert [p.name for p in (SRC / "io").rglob("*.py") if any(_layer(m) == "output" for m in _imports(p))] == []
    assert [p.name for p in (SRC / "output").rglob("*.py") if any(_layer(m) == "io" for m in _imports(p))] == []
