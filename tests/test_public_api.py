"""The public surface: ``__all__`` is sorted, complete and importable."""

from __future__ import annotations

import ecosysteem


def _isort_key(name: str) -> tuple[int, str]:
    # ruff's RUF022 order: CONSTANTS, then Classes, then functions
    return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)


def test_all_is_sorted_and_importable() -> None:
    assert ecosysteem.__all__ == sorted(ecosysteem.__all__, key=_isort_key)
    for name in ecosysteem.__all__:
        assert hasattr(ecosysteem, name), name


def test_all_lists_every_public_name() -> None:
    public = {n for n in vars(ecosysteem) if not n.startswith("_") and n not in {"annotations"}}
    modules = {n for n in public if type(getattr(ecosysteem, n)).__name__ == "module"}
    assert public - modules - {"PackageNotFoundError", "version"} == set(ecosysteem.__all__) - {"__version__"}


def test_version_comes_from_metadata() -> None:
    from importlib.metadata import version

    assert ecosysteem.__version__ == version("ecosysteem")
