"""The ``ecosysteem`` command: a thin layer over the Python API.

Exit status: 0 when the command ran (whatever it found), 1 when ``validate`` finds violations, 2 for bad usage or
bad input (a missing or malformed file, an unknown query …), with one clear line on stderr instead of a traceback.
Heavy modules are imported inside the commands so that ``ecosysteem --help`` stays fast.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import click

if TYPE_CHECKING:
    from ecosysteem.graph import Ecosystem

__all__ = ["cli", "main"]

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


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_obj
def info(settings: Settings, fmt: str) -> None:
    """Show what is in the graph: classes, levels, sources, schemes, networks.

    \b
    Example:
      ecosysteem info --format json
    """
    eco = settings.ecosystem()
    summary: dict[str, Any] = {"triples": len(eco), "files": len(eco.files), **eco.info()}
    summary["networks"] = eco.network_summary()
    if fmt == "json":
        click.echo(json.dumps(summary, ensure_ascii=False, indent=2))
        return
    from ecosysteem.output import render_table

    click.echo(f"{summary['triples']} triples from {summary['files']} files\n")
    sections = (
        ("Classes", "class", "classes"),
        ("Levels", "level", "levels"),
        ("Sources", "source", "sources"),
        ("Concept schemes", "scheme", "schemes"),
    )
    for title, column, key in sections:
        rows = [{column: k, "count": v} for k, v in summary[key].items()]
        click.echo(f"{title}\n{render_table(rows, [column, 'count']) if rows else '(none)'}\n")
    rows = [{"network": name, **counts} for name, counts in summary["networks"].items()]
    click.echo(f"Networks\n{render_table(rows, ['network', 'activities', 'partners']) if rows else '(none)'}")


@cli.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_obj
def validate(settings: Settings, files: tuple[Path, ...], fmt: str) -> None:
    """Check the graph (and FILES, if given) against the SHACL shapes. Exit 1 if anything violates them.

    \b
    Examples:
      ecosysteem validate
      ecosysteem validate mijn-netwerk.ttl
    """
    eco = settings.ecosystem()
    if files:
        with errors_as_input_errors():
            eco.load(*files)
    report = eco.validate()
    if fmt == "json":
        payload = {"conforms": report.conforms, "violations": [vars(v) for v in report.violations]}
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        click.echo(report.text)
    sys.exit(0 if report.conforms else 1)


@cli.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["turtle", "json-ld", "nt", "xml"]),
    default="turtle",
    show_default=True,
    help="RDF serialisation.",
)
@output_option
@click.pass_obj
def export(settings: Settings, fmt: str, output: Path | None) -> None:
    """Write the whole graph as RDF (atomically when -o is given).

    \b
    Example:
      ecosysteem export --format nt -o ecosysteem.nt
    """
    eco = settings.ecosystem()
    write_or_print(eco.serialize(format=fmt), output)


def main() -> None:
    """Entry point of the ``ecosysteem`` console script."""
    cli(prog_name="ecosysteem")
