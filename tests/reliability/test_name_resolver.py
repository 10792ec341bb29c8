"""Issue 19 item 10: one name resolver for every command; empty, ambiguous and unknown names are usage errors."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from ecosysteem.cli import cli
from ecosysteem.graph import Ecosystem
from ecosysteem.graph.resolve import ResolveError, resolve

ID = "https://w3id.org/ecosysteem/id/"


@pytest.mark.parametrize(
    ("value", "kind", "expected"),
    [
        ("Netwerken Palliatieve Zorg Twente", "network", "network/twente"),
        ("netwerken palliatieve zorg twente", "network", "network/twente"),
        ("Twente", "network", "network/twente"),
        ("network/twente", "network", "network/twente"),
        (f"{ID}network/twente", "network", "network/twente"),
        ("twente", "network", "network/twente"),
        ("ZGT", "agent", "organisation/zgt"),
        ("MST", "organisation", "organisation/mst"),
        ("Ligare", "collaboration", "collaboration/ligare"),
        ("Utrecht stad", "network", "network/utrecht-stad"),
        ("Twente", "subject", "network/twente"),
    ],
)
def test_a_name_abbreviation_or_id_resolves(eco: Ecosystem, value: str, kind: str, expected: str) -> None:
    assert str(resolve(eco, value, kind)) == ID + expected


@pytest.mark.parametrize("value", ["", "   "])
def test_an_empty_name_is_refused(eco: Ecosystem, value: str) -> None:
    with pytest.raises(ResolveError) as caught:
        resolve(eco, value, "network")
    assert caught.value.reason == "empty"


def test_an_ambiguous_name_lists_every_candidate(eco: Ecosystem) -> None:
    with pytest.raises(ResolveError) as caught:
        resolve(eco, "Utrecht", "network")
    assert caught.value.reason == "ambiguous"
    assert sorted(c.iri.rsplit("/", 1)[-1] for c in caught.value.candidates) == [
        "utrecht-stad",
        "utrecht-zuid",
        "zuidoost-utrecht",
    ]
    assert "Netwerk Palliatieve Zorg Utrecht Zuid" in caught.value.message("nl")


def test_a_misspelt_name_suggests_the_right_one(eco: Ecosystem) -> None:
    with pytest.raises(ResolveError) as caught:
        resolve(eco, "Twnte", "network")
    assert caught.value.reason == "unknown"
    assert "Netwerken Palliatieve Zorg Twente" in caught.value.message("nl")


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


@pytest.mark.parametrize(
    "args",
    [
        ["gaps", "--network", "Netwerk"],
        ["viz", "network", "--network", "Netwerk", "-o", "/tmp/never-written.html"],
        ["viz", "bijenkorf", "--network", "Netwerk", "-o", "/tmp/never-written.html"],
        ["query", "activity-lines", "--param", "network=Netwerk"],
    ],
)
def test_every_command_calls_the_same_name_ambiguous(args: list[str]) -> None:
    code, output = _run(*args)
    assert code == 2, output
    assert "'Netwerk' past bij 44 netwerken" in output
    assert "Traceback" not in output


@pytest.mark.parametrize(
    "args",
    [
        ["gaps", "--network", ""],
        ["viz", "network", "--network", "", "-o", "/tmp/never-written.html"],
        ["query", "activity-lines", "--param", "network="],
    ],
)
def test_an_empty_name_is_a_usage_error_everywhere(args: list[str]) -> None:
    code, output = _run(*args)
    assert code == 2, output
    assert "lege naam" in output


def test_gaps_for_utrecht_lists_the_utrecht_networks() -> None:
    code, output = _run("gaps", "--network", "Utrecht")
    assert code == 2
    for name in ("Utrecht stad", "Utrecht Zuid", "Zuidoost-Utrecht"):
        assert name in output


def test_a_param_given_twice_is_a_usage_error() -> None:
    code, output = _run("query", "activity-lines", "--param", "network=Twente", "--param", "network=Salland")
    assert code == 2
    assert "twee keer" in output


def test_a_query_param_takes_a_name() -> None:
    by_name = _run("query", "activity-lines", "--param", "network=Twente", "--format", "csv")
    by_id = _run("query", "activity-lines", "--param", "network=network/twente", "--format", "csv")
    assert by_name == by_id
    assert by_name[0] == 0 and f"{ID}network/twente" in by_name[1]


def test_messages_follow_the_language() -> None:
    code, output = _run("--lang", "en", "gaps", "--network", "Utrecht")
    assert code == 2
    assert "'Utrecht' matches 3 networks" in output and output.startswith("Error:")


def test_an_iri_param_that_names_nothing_is_a_usage_error() -> None:
    code, output = _run("query", "activity-ownership", "--param", "activity=activity/does-not-exist")
    assert code == 2 and "niets in de graaf" in output
