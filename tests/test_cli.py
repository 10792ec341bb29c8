"""The command line: help for every command, info and validate on real data, atomic export, clear errors."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from ecosysteem.cli import cli


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_has_help_with_an_example(runner: CliRunner, command: str) -> None:
    result = runner.invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert cli.commands[command].help
    assert "Example" in result.output


def test_info_shows_the_seeds(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["info", "--format", "json"])
    assert result.exit_code == 0, result.output
    info = json.loads(result.output)
    assert len([s for s in info["sources"] if s]) >= 5
    assert set(info["levels"]) >= {"landelijk", "bovenregionaal", "regionaal"}
    schemes = info["schemes"]
    assert any(v == 14 for k, v in schemes.items() if "actie" in k.lower())
    nets = info["networks"]
    twente = next(v for k, v in nets.items() if "Twente" in k)
    assert twente["activities"] >= 40 and twente["partners"] >= 10


def test_info_table(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["info"])
    assert result.exit_code == 0
    assert "Networks" in result.output and "Twente" in result.output


def test_validate_default_data_conforms(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["validate"])
    assert result.exit_code == 0, result.output
    assert "Conforms" in result.output


def test_validate_broken_file_exits_1(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "broken.ttl"
    path.write_text(
        "@prefix ez: <https://w3id.org/ecosysteem/def#> .\n"
        "<https://w3id.org/ecosysteem/id/network/x> a ez:Network ;\n"
        '  <http://www.w3.org/2000/01/rdf-schema#label> "X"@nl .\n'
    )
    result = runner.invoke(cli, ["--no-defaults", "validate", str(path), "--format", "json"])
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert report["conforms"] is False
    assert any(v["focus"].endswith("network/x") for v in report["violations"])


@pytest.mark.parametrize(
    ("content", "fragment"),
    [("@prefix ex: <http://e/> .\nex:a ex:b", "line 2"), (None, "no such file")],
    ids=["malformed", "missing"],
)
def test_bad_data_file_is_one_line_exit_1(
    runner: CliRunner, tmp_path: Path, content: str | None, fragment: str
) -> None:
    path = tmp_path / "mine.ttl"
    if content is not None:
        path.write_text(content)
    result = runner.invoke(cli, ["--lang", "en", "--data", str(path), "info"])
    assert result.exit_code == 1  # a data problem; 2 is for usage errors
    assert "Traceback" not in result.output
    assert "mine.ttl" in result.output and fragment in result.output


@pytest.mark.parametrize(("fmt", "parser"), [("turtle", "turtle"), ("json-ld", "json-ld"), ("nt", "nt")])
def test_export_writes_a_file_that_parses(runner: CliRunner, tmp_path: Path, fmt: str, parser: str) -> None:
    out = tmp_path / f"out.{fmt}"
    result = runner.invoke(cli, ["export", "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    with warnings.catch_warnings():  # rdflib's JSON-LD parser warns about its own internals
        warnings.simplefilter("ignore", DeprecationWarning)
        assert len(Graph().parse(out, format=parser)) > 3000
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no temporary files left behind


def test_export_to_missing_folder_fails_cleanly(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "no" / "such" / "dir.ttl"
    result = runner.invoke(cli, ["--lang", "en", "export", "-o", str(out)])
    assert result.exit_code == 1  # the output cannot be written: a data problem, not a usage error
    assert "does not exist" in result.output
    assert not out.exists()


def test_user_data_is_added(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "mine.ttl"
    path.write_text(
        "@prefix ez: <https://w3id.org/ecosysteem/def#> .\n"
        "<https://w3id.org/ecosysteem/id/organisation/hospice-x> a ez:Organisation .\n"
    )
    base = json.loads(runner.invoke(cli, ["info", "--format", "json"]).output)
    more = json.loads(runner.invoke(cli, ["--data", str(path), "info", "--format", "json"]).output)
    assert more["classes"]["ez:Organisation"] == base["classes"]["ez:Organisation"] + 1


# -- gaps: names, Dutch, English on request -------------------------------------------------------------------


def test_gaps_speaks_dutch_in_names_without_iris(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["gaps", "--network", "Twente", "--reference-date", "2024-01-01"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "https://" not in out
    assert "Netwerken Palliatieve Zorg Twente" in out
    assert "Ontbrekende soorten partners" in out and "Geen partner van het type apotheek" in out
    assert "ONBEKEND (" in out  # the unknowns in their own section
    assert out.rstrip().splitlines()[-1].startswith(tuple(f"{n} gaten, " for n in range(1000)))
    assert " onbekend (" in out.rstrip().splitlines()[-1]


def test_gaps_in_english_and_with_iris(runner: CliRunner) -> None:
    english = runner.invoke(cli, ["gaps", "--network", "Twente", "--lang", "en", "--reference-date", "2024-01-01"])
    assert english.exit_code == 0
    assert "No partner of type pharmacy" in english.output and "gaten" not in english.output
    assert " unknown (" in english.output.rstrip().splitlines()[-1]
    env = runner.invoke(
        cli, ["gaps", "--network", "Twente", "--reference-date", "2024-01-01"], env={"ECOSYSTEEM_LANG": "en"}
    )
    assert env.output == english.output
    with_iris = runner.invoke(cli, ["gaps", "--network", "Twente", "--iris", "--reference-date", "2024-01-01"])
    assert "<https://w3id.org/ecosysteem/id/network/twente>" in with_iris.output


def test_gaps_markdown_has_headings(runner: CliRunner) -> None:
    result = runner.invoke(
        cli, ["gaps", "--network", "Twente", "--format", "markdown", "--reference-date", "2024-01-01"]
    )
    assert result.exit_code == 0
    assert result.output.startswith("## Gaten (")
    assert "| ernst | betreft | bevinding | bewijs |" in result.output


def test_gaps_csv_keeps_iris(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["gaps", "--network", "Twente", "--format", "csv", "--reference-date", "2024-01-01"])
    assert result.exit_code == 0
    assert "https://w3id.org/ecosysteem/id/network/twente" in result.output


def test_query_table_shows_names_csv_iris(runner: CliRunner) -> None:
    table = runner.invoke(cli, ["query", "activity-lines", "--param", "network=Twente"])
    assert "https://" not in table.output and "Netwerken Palliatieve Zorg Twente" in table.output
    iris = runner.invoke(cli, ["query", "activity-lines", "--param", "network=Twente", "--iris"])
    assert "https://w3id.org/ecosysteem/id/network/twente" in iris.output


def test_profiel_prints_the_profile_and_markdown(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["profiel", "Twente", "--reference-date", "2024-01-01"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Netwerken Palliatieve Zorg Twente\n")
    assert "Checklist Kwaliteitskader" in result.output and "https://" not in result.output
    markdown = runner.invoke(cli, ["profiel", "Twente", "--format", "markdown", "--no-gaps"])
    assert markdown.output.startswith("# Netwerken Palliatieve Zorg Twente\n")
    assert "\n## Checklist Kwaliteitskader\n" in markdown.output
    ambiguous = runner.invoke(cli, ["profiel", "Limburg", "--no-gaps"])
    assert ambiguous.exit_code == 2 and "Consortium Palliatieve Zorg Limburg-Zuidoost Brabant" in ambiguous.output
