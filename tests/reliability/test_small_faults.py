"""Issue 19.11, the smaller faults outside the workbook: each gives a clear, located error or says what it cannot do.

- a folder given to ``--data`` is reported as a folder, not as "no such file";
- a broken N-Triples file on the memory store names its line;
- ``eco.get()`` with something that is no IRI raises an :class:`~ecosysteem.errors.EcosysteemError`;
- ``eco.add()`` refuses an organisation type the organisation-type scheme does not hold;
- ``diff`` refuses a folder without RDF files instead of comparing with an empty graph;
- ``export --format csv`` says (in ``--help``) that its tables cannot be imported back.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import ecosysteem
from ecosysteem.cli import cli
from ecosysteem.errors import EcosysteemError, ModelError, ParseError
from ecosysteem.graph import Ecosystem
from ecosysteem.model import Organisation

ROOT = Path(__file__).resolve().parents[2]


def _fails(*args: str) -> str:
    """The one English line of a data problem (exit status 1)."""
    result = CliRunner().invoke(cli, ["--lang", "en", *args])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.mark.parametrize("store", ["memory", "oxigraph"])
def test_a_folder_given_to_data_is_called_a_folder(tmp_path: Path, store: str) -> None:
    line = _fails("--store", store, "--data", str(tmp_path), "info")
    assert "is a folder, not a file" in line
    assert "no such file" not in line


def test_a_device_given_to_data_is_not_called_missing() -> None:
    if not Path("/dev/null").exists():
        pytest.skip("no /dev/null here")
    line = _fails("--data", "/dev/null", "info")
    assert "not a regular file" in line


BROKEN_NT = [
    "<http://example.org/a> <http://example.org/b> <http://example.org/c> .",
    "<http://example.org/a> <http://example.org/b> <http://example.org/c> .",
    '<http://example.org/a> <http://example.org/b> "not closed .',
    "<http://example.org/a> <http://example.org/b> <http://example.org/c> .",
]


def test_a_broken_nt_file_on_the_memory_store_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.nt"
    path.write_text("\n".join(BROKEN_NT) + "\n", encoding="utf-8")
    with pytest.raises(ParseError) as caught:
        ecosysteem.load(path, defaults=False)
    assert caught.value.line == 3
    assert "broken.nt, line 3:" in str(caught.value)
    assert "line 3" in _fails("--store", "memory", "--data", str(path), "info")


@pytest.mark.parametrize("iri", ["geen iri", "https://example.org/met spatie", "a/b/c"])
def test_get_raises_an_ecosysteem_error_for_a_bad_iri(eco: Ecosystem, iri: str) -> None:
    with pytest.raises(EcosysteemError, match="IRI"):
        eco.get(iri)


def test_add_refuses_an_unknown_organisation_type() -> None:
    eco = ecosysteem.load(defaults=False)
    before = len(eco)
    with pytest.raises(ModelError, match="unknown organisation type 'organisation-type/bestaat-niet'"):
        eco.add(Organisation(label_nl="Zorg BV", organisation_type="organisation-type/bestaat-niet"))
    assert len(eco) == before
    eco.add(Organisation(label_nl="Zorg BV", organisation_type="organisation-type/ziekenhuis"))
    assert len(eco) > before


def test_add_accepts_any_type_on_a_graph_without_the_scheme() -> None:
    eco = Ecosystem().add(Organisation(label_nl="Zorg BV", organisation_type="organisation-type/eigen-soort"))
    assert eco.get("organisation/zorg-bv").organisation_type.endswith("/eigen-soort")  # type: ignore[attr-defined]


def test_diff_refuses_a_folder_without_rdf_files(tmp_path: Path) -> None:
    empty = tmp_path / "leeg"
    empty.mkdir()
    (empty / "notities.txt").write_text("geen RDF", encoding="utf-8")
    line = _fails("diff", str(empty), str(ROOT / "datasets"))
    assert str(empty) in line and "no RDF files" in line


def test_export_csv_help_says_it_cannot_be_imported_back() -> None:
    result = CliRunner().invoke(cli, ["export", "--help"])
    assert "cannot be imported back" in " ".join(result.output.split())
