"""Issue 19, item 9: ``import -o x.xlsx`` and ``generate -o g.xlsx`` wrote Turtle into a file named ``.xlsx``.

A suffix that is not an RDF one is now a usage error (exit status 2) that says which suffixes work, and nothing
is written.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from ecosysteem.cli import cli
from test_workbook import EXAMPLE, fast_default_graph

__all__ = ["fast_default_graph"]  # a fixture, imported to be used here


@pytest.mark.parametrize(
    "command",
    [
        ["import", str(EXAMPLE), "-o", "{out}"],
        ["generate", "-n", "100", "-o", "{out}"],
    ],
    ids=["import", "generate"],
)
@pytest.mark.parametrize("name", ["x.xlsx", "x.csv", "x"])
@pytest.mark.usefixtures("fast_default_graph")
def test_a_non_rdf_output_suffix_is_a_usage_error(tmp_path: Path, command: list[str], name: str) -> None:
    out = tmp_path / name
    result = CliRunner().invoke(cli, [a.replace("{out}", str(out)) for a in command])
    assert result.exit_code == 2, result.output
    assert "is geen naam van een RDF-bestand" in result.output and ".ttl" in result.output
    assert "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []


@pytest.mark.usefixtures("fast_default_graph")
def test_rdf_suffixes_are_still_written(tmp_path: Path) -> None:
    for name in ("data.ttl", "data.nt", "data.jsonld"):
        result = CliRunner().invoke(cli, ["import", str(EXAMPLE), "-o", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
        assert (tmp_path / name).stat().st_size > 0
