"""Errors: every one says itself in Dutch and English, declares its exit kind, and reaches the user as one line."""

from __future__ import annotations

import ast
import importlib
import inspect
import pickle
import pkgutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import ecosysteem
from ecosysteem.cli import cli
from ecosysteem.errors import DataError, EcosysteemError, OptionError, ParseError, QueryRefused, QueryTimeout
from ecosysteem.graph.resolve import Candidate, ResolveError
from ecosysteem.graph.workbook import Problem, WorkbookError

SRC = Path(ecosysteem.__file__).parent


def _all_subclasses() -> list[type[EcosysteemError]]:
    """Every EcosysteemError subclass, after importing every module of the package (some define their own)."""
    for module in pkgutil.walk_packages([str(SRC)], prefix="ecosysteem."):
        if not module.name.endswith("__main__"):  # that one runs the command line
            importlib.import_module(module.name)
    found: list[type[EcosysteemError]] = []
    todo = [EcosysteemError]
    while todo:
        for sub in todo.pop().__subclasses__():
            if sub.__module__.startswith("ecosysteem.") and sub not in found:
                found.append(sub)
                todo.append(sub)
    return sorted(found, key=lambda c: c.__name__)


SUBCLASSES = _all_subclasses()


def test_the_walk_finds_the_errors_defined_outside_errors_py() -> None:
    names = {c.__name__ for c in SUBCLASSES}
    assert {"DataError", "QueryError", "ResolveError", "WorkbookError", "UnsupportedShapes", "OptionError"} <= names


@pytest.mark.parametrize("cls", SUBCLASSES, ids=lambda c: c.__name__)
def test_every_error_class_declares_its_exit_kind(cls: type[EcosysteemError]) -> None:
    assert "exit_kind" in vars(cls), f"{cls.__name__} must say whether it is a usage or a data error"
    assert cls.exit_kind in {"usage", "data"}


def _takes_dutch(cls: type[EcosysteemError]) -> bool:
    return "nl" in inspect.signature(cls.__init__).parameters


def _calls_without_dutch(source: str, names: set[str]) -> list[tuple[int, str]]:
    """``Error(…)`` calls (raised, returned or kept) of a class that takes ``nl=`` but is not given it."""
    missing = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        if name in names and not any(k.arg in {"nl", None} for k in node.keywords):  # None: **kwargs
            missing.append((node.lineno, name))
    return missing


DUTCH_TAKERS = {c.__name__ for c in [EcosysteemError, *SUBCLASSES] if _takes_dutch(c)}


def test_every_error_raised_in_src_has_a_dutch_message() -> None:
    missing = [
        f"{path.relative_to(SRC.parent)}:{line} {name}(…)"
        for path in sorted(SRC.rglob("*.py"))
        for line, name in _calls_without_dutch(path.read_text(encoding="utf-8"), DUTCH_TAKERS)
    ]
    assert not missing, "raised without nl=…:\n" + "\n".join(missing)


def test_the_scan_sees_a_raise_without_dutch() -> None:
    source = 'raise DataError("x", path)\nraise errors.QueryError("x", nl="y")\nreturn OutputError(f"{p}")\n'
    assert _calls_without_dutch(source, DUTCH_TAKERS) == [(1, "DataError"), (3, "OutputError")]
    assert {"DataError", "ParseError", "QueryRefused", "UnsupportedShapes"} <= DUTCH_TAKERS


@pytest.mark.parametrize(
    "error",
    [
        ParseError("bad.ttl, line 3: not valid turtle", "bad.ttl", 3, nl="bad.ttl, regel 3: geen geldige turtle"),
        QueryRefused("refused", reason="service", nl="geweigerd"),
        QueryTimeout("too slow", seconds=2.5, nl="te traag"),
        OptionError("unknown engine", nl="onbekende engine"),
        ResolveError(
            "Utrecht", "network", "ambiguous", [Candidate("Utrecht Zuid", "https://x/u"), Candidate("U", "u")]
        ),
        WorkbookError([Problem.of("p.xlsx", "Wie", 4, "C", "rol", msg=("onbekende rol 'x'", "unknown role 'x'"))]),
    ],
    ids=lambda e: type(e).__name__,
)
def test_both_messages_and_the_details_survive_pickling(error: EcosysteemError) -> None:
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is type(error)
    assert (str(again), again.message("nl"), again.message("en")) == (str(error), error.nl, error.en)
    assert vars(again) == vars(error)


def test_a_worker_process_hands_back_both_messages() -> None:
    from ecosysteem.graph.worker import call_with_timeout

    def fail() -> None:
        raise ParseError("x.ttl, line 2: not valid turtle", "x.ttl", 2, nl="x.ttl, regel 2: geen geldige turtle")

    with pytest.raises(ParseError) as caught:
        call_with_timeout(fail, 10)  # forked on Linux: the error crosses a pipe, pickled
    assert caught.value.message("nl") == "x.ttl, regel 2: geen geldige turtle" and caught.value.line == 2


def test_the_workbook_error_counts_the_other_problems_in_both_languages() -> None:
    problems = [
        Problem.of("p.xlsx", "Wie", row, "C", "rol", msg=("onbekende rol 'x'", "unknown role 'x'")) for row in (2, 3, 4)
    ]
    error = WorkbookError(problems)
    assert error.message("nl").endswith("rij 2, kolom C (rol): onbekende rol 'x' (en nog 2 problemen)")
    assert str(error).endswith("row 2, column C (rol): unknown role 'x' (and 2 more problems)")


def test_str_is_english_and_message_defaults_to_dutch() -> None:
    error = DataError("x.ttl: no such file", "x.ttl", nl="x.ttl: dit bestand bestaat niet")
    assert str(error) == "x.ttl: no such file" == error.message("en")
    assert error.message() == "x.ttl: dit bestand bestaat niet"
    assert error.path == Path("x.ttl") and error.exit_kind == "data"


def test_option_errors_are_value_errors_too() -> None:
    from ecosysteem.graph.stores import open_store

    with pytest.raises(ValueError, match="unknown store"):
        open_store("postgres:db")


# -- the command line --------------------------------------------------------------------------------------


def _bad_workbook(tmp_path: Path) -> Path:
    """A filled-in sheet (as CSV) whose one row has an unknown organisation type."""
    path = tmp_path / "organisaties.csv"
    path.write_text("naam;type\nHospice De Proef;hospies\n", encoding="utf-8")
    return path


def _case(name: str, tmp_path: Path) -> tuple[list[str], int, dict[str, str]]:
    """The arguments, the exit status, and a word the message has in each language."""
    if name == "missing data file":
        return ["--data", str(tmp_path / "nergens.ttl"), "info"], 1, {"nl": "bestaat niet", "en": "no such file"}
    if name == "malformed turtle":
        bad = tmp_path / "kapot.ttl"
        bad.write_text("@prefix ex: <https://example.org/> .\n\nex:a ex:b ex:c ;\n  ex:d .\n", encoding="utf-8")
        return ["--no-defaults", "--data", str(bad), "info"], 1, {"nl": "kapot.ttl, regel 4", "en": "kapot.ttl, line 4"}
    if name == "unknown query":
        return ["query", "bestaat-niet"], 2, {"nl": "onbekende query 'bestaat-niet'", "en": "unknown query"}
    if name == "unknown gap type":
        return ["gaps", "--type", "zwart-gat"], 2, {"nl": "onbekend soort gat", "en": "unknown gap type"}
    if name == "bad store spec":
        return ["--store", "postgres:db", "info"], 2, {"nl": "onbekende opslag 'postgres'", "en": "unknown store"}
    if name == "bad workbook":
        out = tmp_path / "uit.ttl"
        return (
            ["import", str(_bad_workbook(tmp_path)), "-o", str(out)],
            1,
            {"nl": "niets geschreven", "en": "nothing written"},
        )
    raise AssertionError(name)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize(
    "name",
    ["missing data file", "malformed turtle", "unknown query", "unknown gap type", "bad store spec", "bad workbook"],
)
def test_an_error_is_one_line_in_the_users_language_with_its_exit_status(tmp_path: Path, name: str, lang: str) -> None:
    args, status, words = _case(name, tmp_path)
    result = CliRunner().invoke(cli, ["--lang", lang, *args])
    last = result.stderr.strip().splitlines()[-1]
    assert result.exit_code == status, result.stderr
    assert "Traceback" not in result.stderr and isinstance(result.exception, SystemExit)
    assert last.startswith("Fout: " if lang == "nl" else "Error: "), last
    assert words[lang] in last, last
    other = "en" if lang == "nl" else "nl"
    assert words[other] not in result.stderr
    if name != "bad workbook":  # the workbook lists each problem first, then says that nothing was written
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert not (tmp_path / "uit.ttl").exists()


def test_clicks_own_usage_errors_still_exit_2() -> None:
    result = CliRunner().invoke(cli, ["gaps", "--level", "heelal"])
    assert result.exit_code == 2


def test_an_error_from_anywhere_in_a_command_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    from ecosysteem.errors import ModelError
    from ecosysteem.graph import Ecosystem

    def broken(self: Ecosystem) -> None:
        raise ModelError("<x> does not fit Network", nl="<x> past niet in Network; verbeter deze gegevens")

    monkeypatch.setattr(Ecosystem, "network_summary", broken)
    result = CliRunner().invoke(cli, ["--no-defaults", "info", "--format", "json"])
    assert result.exit_code == 1 and result.stderr == "Fout: <x> past niet in Network; verbeter deze gegevens\n"
