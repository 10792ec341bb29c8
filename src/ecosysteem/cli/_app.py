"""The ``ecosysteem`` command group, its global options and the helpers every command shares.

Exit status: 0 when the command ran (whatever it found), 1 when ``validate`` finds violations, 2 for bad usage or
bad input (a missing or malformed file, an unknown query …), with one clear line on stderr instead of a traceback.
Heavy modules are imported inside the commands so that ``ecosysteem --help`` stays fast.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import click

if TYPE_CHECKING:
    from ecosysteem.graph import Ecosystem

__all__ = [
    "InputError",
    "Settings",
    "cli",
    "errors_as_input_errors",
    "fmt_option",
    "main",
    "output_option",
    "write_or_print",
]

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 110}
F = TypeVar("F", bound=Callable[..., Any])


class InputError(click.ClickException):
    """Bad input (a file, a value): one line on stderr, exit status 2."""

    exit_code = 2


@dataclass
class Settings:
    """The global options, and the graph built from them on first use."""

    data: tuple[Path, ...] = ()
    defaults: bool = True
    _eco: Ecosystem | None = field(default=None, repr=False)

    def ecosystem(self) -> Ecosystem:
        if self._eco is None:
            from ecosysteem import load

            with errors_as_input_errors():
                self._eco = load(*self.data, defaults=self.defaults)
        assert self._eco is not None
        return self._eco


class errors_as_input_errors:
    """Turn an :class:`~ecosysteem.errors.EcosysteemError` into a one-line CLI error."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: object) -> Literal[False]:
        from ecosysteem.errors import EcosysteemError

        if exc is not None and isinstance(exc, EcosysteemError):
            raise InputError(str(exc)) from None
        return False


def write_or_print(text: str, output: Path | None) -> None:
    """Write ``text`` atomically to ``output``, or print it when no output is given."""
    if output is None:
        click.echo(text)
        return
    from ecosysteem.output import write_atomic

    with errors_as_input_errors():
        write_atomic(output, text if text.endswith("\n") else text + "\n")
    click.echo(f"Wrote {output}", err=True)


output_option = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of stdout.",
)


@click.group(context_settings=CONTEXT_SETTINGS)
@click.option(
    "--data",
    "data",
    multiple=True,
    type=click.Path(path_type=Path),
    help="An RDF file (Turtle, JSON-LD, N-Triples, RDF/XML) to add to the graph. Repeatable.",
)
@click.option("--no-defaults", is_flag=True, help="Start from the ontology only, without the default datasets.")
@click.version_option(package_name="ecosysteem", prog_name="ecosysteem")
@click.pass_context
def cli(ctx: click.Context, data: tuple[Path, ...], no_defaults: bool) -> None:
    """ecosysteem — the knowledge graph of the Dutch palliative-care ecosystem.

    Loads the ontology and the default datasets (the bijenkorf model and the seed plans), plus your own files
    given with --data, and lets you inspect, validate and export the graph.

    \b
    Examples:
      ecosysteem info
      ecosysteem --data mijn-netwerk.ttl validate
      ecosysteem export --format json-ld -o ecosysteem.jsonld
    """
    ctx.obj = Settings(data=data, defaults=not no_defaults)


def main() -> None:
    """Entry point of the ``ecosysteem`` console script."""
    cli(prog_name="ecosysteem")


def fmt_option(default: str = "table") -> Callable[[F], F]:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(["table", "csv", "json", "markdown"]),
        default=default,
        show_default=True,
        help="Output format.",
    )
