"""The public surface: ``__all__`` is sorted, complete and importable."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

import ecosysteem


def _isort_key(name: str) -> tuple[int, str]:
    # ruff's RUF022 order: CONSTANTS, then Classes, then functions
    return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)


def test_all_is_sorted_and_importable() -> None:
    assert ecosysteem.__all__ == sorted(ecosysteem.__all__, key=_isort_key)
    for name in ecosysteem.__all__:
        assert hasattr(ecosysteem, name), name


def test_all_lists_every_public_name() -> None:
    lazy = set(ecosysteem._LAZY)
    helpers = {"TYPE_CHECKING", "Any", "annotations", "import_module"}
    eager = {n for n in vars(ecosysteem) if not n.startswith("_")} - helpers - lazy
    modules = {n for n in eager if type(getattr(ecosysteem, n)).__name__ == "module"}
    assert eager - modules == set()
    assert lazy | {"__version__"} == set(ecosysteem.__all__)


def test_every_lazy_name_comes_from_the_module_it_names() -> None:
    for name, module in ecosysteem._LAZY.items():
        assert getattr(ecosysteem, name) is getattr(importlib.import_module(module), name), name
    assert "load" in dir(ecosysteem)


def test_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        ecosysteem.no_such_name  # noqa: B018


def test_import_is_light() -> None:
    """``import ecosysteem`` (and so ``ecosysteem --help``) must not pay for rdflib, pydantic or networkx."""
    heavy = "('rdflib', 'networkx', 'pydantic', 'pyoxigraph')"
    code = f"import sys, ecosysteem, ecosysteem.cli; print(sorted(m for m in {heavy} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_version_comes_from_metadata() -> None:
    from importlib.metadata import version

    assert ecosysteem.__version__ == version("ecosysteem")
