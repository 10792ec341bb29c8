"""The one gateway to the files ecosysteem needs at run time.

The ontology and the default datasets are kept at the top of the repository (``ontology/``, ``datasets/``) because
they are documents people read and edit. In a built wheel they are copied into the package as
``ecosysteem/_data/{ontology,datasets}``; in a source checkout or an editable install they are read from the
repository root. Queries and templates live inside the package and are read with :mod:`importlib.resources`.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from ecosysteem.errors import ResourceError

__all__ = ["data_dir", "dataset_files", "ontology_files", "package_dir"]

_CHECKOUT_ROOT = Path(__file__).resolve().parents[2]


def package_dir(name: str) -> Traversable:
    """Return a folder that ships inside the ``ecosysteem`` package, such as ``queries``."""
    folder = files("ecosysteem") / name
    if not folder.is_dir():
        raise ResourceError(
            f"ecosysteem is missing its packaged folder {name!r}; reinstall the package",
            nl=f"ecosysteem mist zijn meegeleverde map {name!r}; installeer het pakket opnieuw",
        )
    return folder


def data_dir(name: str) -> Path:
    """Return the ``ontology`` or ``datasets`` folder, from the wheel or from the source checkout.

    >>> data_dir("ontology").joinpath("ecosysteem.ttl").is_file()
    True
    """
    if name not in {"ontology", "datasets"}:
        raise ValueError(f"unknown data folder {name!r}: expected 'ontology' or 'datasets'")
    packaged = files("ecosysteem") / "_data" / name
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = _CHECKOUT_ROOT / name
    if checkout.is_dir():
        return checkout
    raise ResourceError(
        f"cannot find the {name!r} folder (looked in the installed package and in {checkout}); "
        "reinstall ecosysteem or run it from a checkout of the repository",
        nl=f"kan de map {name!r} niet vinden (gezocht in het geïnstalleerde pakket en in {checkout}); "
        "installeer ecosysteem opnieuw of start het vanuit een kopie van de repository",
    )


def ontology_files() -> list[Path]:
    """Return the ontology's Turtle files (classes, vocabularies), without the SHACL shapes."""
    return sorted(p for p in data_dir("ontology").glob("*.ttl") if p.name != "shapes.ttl")


def dataset_files() -> list[Path]:
    """Return the default datasets' Turtle files, in a stable order."""
    return sorted(data_dir("datasets").glob("*.ttl"))
