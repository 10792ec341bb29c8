"""Run-time data is found from the installed package or the checkout, and every file in it parses."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from ecosysteem.errors import ResourceError
from ecosysteem.resources import data_dir, dataset_files, ontology_files

ROOT = Path(__file__).resolve().parents[1]


def test_ontology_and_datasets_are_found() -> None:
    names = {p.name for p in ontology_files()}
    assert {"ecosysteem.ttl", "vocabularies.ttl"} <= names
    assert "shapes.ttl" not in names
    assert (data_dir("ontology") / "shapes.ttl").is_file()
    assert {p.name[:3] for p in dataset_files()} >= {"000", "001", "002", "003", "004"}


def test_checkout_files_are_the_canonical_ones() -> None:
    """In a checkout or editable install the top-level folders are read directly, not a copy."""
    if not (ROOT / "ontology").is_dir():
        pytest.skip("not running from a checkout")
    installed_copy = data_dir("ontology").parent.name == "_data"
    if installed_copy:  # a wheel install: the copy must equal the canonical files
        for path in sorted((ROOT / "ontology").glob("*.ttl")):
            assert (data_dir("ontology") / path.name).read_bytes() == path.read_bytes()
    else:
        assert data_dir("ontology") == ROOT / "ontology"
        assert data_dir("datasets") == ROOT / "datasets"


@pytest.mark.parametrize("path", ontology_files() + dataset_files(), ids=lambda p: p.name)
def test_every_packaged_file_parses(path: Path) -> None:
    assert len(Graph().parse(path)) > 0


def test_unknown_data_folder() -> None:
    with pytest.raises(ValueError, match="unknown data folder"):
        data_dir("templates")


def test_missing_package_folder_is_a_clear_error() -> None:
    from ecosysteem.resources import package_dir

    with pytest.raises(ResourceError, match="reinstall"):
        package_dir("no-such-folder")
