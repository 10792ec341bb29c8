"""Commands that show, check and write the graph: ``info``, ``validate``, ``export``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from ecosysteem.cli._app import (
    InputError,
    Settings,
    choice_option,
    cli,
    no_personal_data_option,
    output_option,
    say,
    text_or_json_option,
)
from ecosysteem.cli._formats import FormatChoice


@cli.command()
@choice_option("--format", "fmt", choices=("table", "json"), default="table")
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
@text_or_json_option
@choice_option(
    "--engine",
    choices=("sparql", "pyshacl"),
    default="sparql",
    help="sparql: the shapes as queries on the store (fast); pyshacl: the reference implementation (slow at "
    "national scale). Both report the same violations.",
)
@click.pass_obj
def validate(settings: Settings, files: tuple[Path, ...], fmt: str, engine: str) -> None:
    """Check the graph (and FILES, if given) against the SHACL shapes. Exit 1 if anything violates them.

    \b
    Examples:
      ecosysteem validate
      ecosysteem validate mijn-netwerk.ttl
      ecosysteem validate --engine pyshacl
    """
    # FILES join the global --data so that they go through the same loading (and --no-personal-data) path.
    settings.data = (*settings.data, *files)
    eco = settings.ecosystem()
    report = eco.validate(engine=engine)  # type: ignore[arg-type]
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
    type=FormatChoice(),
    default="turtle",
    show_default=True,
    help="RDF (turtle, json-ld, nt, xml) or an exchange format: graphml, gexf (Gephi, Cytoscape), csv (one table "
    "per class; -o a .zip or a new folder; for reading only, it cannot be imported back), kumu (Kumu JSON, or "
    "a Kumu workbook for -o FILE.xlsx), fhir (FHIR R4 Bundle, JSON).",
)
@choice_option(
    "--graph",
    "projection",
    choices=("collaboration", "bipartite"),
    default="collaboration",
    help="For graphml, gexf and kumu: agents that work together, or agents and their activities.",
)
@output_option(
    "Write to this file (for csv: a .zip file or a new or empty folder) instead of stdout.",
    kind="any",  # a folder is allowed: csv fills a new or empty one
)
@no_personal_data_option
@click.pass_obj
def export(settings: Settings, fmt: str, projection: str, output: Path | None) -> None:
    """Write the graph as RDF or in an exchange format (atomically when -o is given).

    \b
    Examples:
      ecosysteem export --format nt -o ecosysteem.nt
      ecosysteem export --format graphml -o ecosysteem.graphml
      ecosysteem export --format csv -o tabellen.zip --no-personal-data
      ecosysteem export --format fhir -o bundle.json
    """
    from ecosysteem.io import FORMATS, exchange_text, write

    eco = settings.ecosystem()
    if output is None:
        if FORMATS[fmt].text is None:
            raise InputError(
                say(
                    f"--format {fmt} schrijft meerdere tabellen: geef -o BESTAND.zip of -o een nieuwe map",
                    f"--format {fmt} writes several tables: give -o FILE.zip or -o a new folder",
                )
            )
        text = exchange_text(eco, fmt, projection)  # type: ignore[arg-type]
        click.echo(text, nl=FORMATS[fmt].kind == "rdf")
        return
    write(eco, fmt, output, projection)  # type: ignore[arg-type]
    click.echo(say(f"Geschreven: {output}", f"Wrote {output}"), err=True)
