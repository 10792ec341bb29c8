"""The ``diff`` command: what changed between two versions of the graph."""

from __future__ import annotations

from pathlib import Path

import click

from ecosysteem.cli._app import (
    Settings,
    cli,
    lang_option,
    no_personal_data_option,
    output_option,
    say,
    text_or_json_option,
    write_or_print,
)


@cli.command()
@click.argument("old")
@click.argument("new")
@text_or_json_option
@lang_option
@click.option("--details", is_flag=True, help="Also list the properties of added and removed entities.")
@output_option()
@no_personal_data_option
@click.pass_obj
def diff(settings: Settings, old: str, new: str, fmt: str, lang: str, details: bool, output: Path | None) -> None:
    """Show what was added, removed or changed from OLD to NEW: organisations, networks, memberships, activities …

    OLD and NEW are each an RDF file, a folder of RDF files or a store (oxigraph:PATH, sparql:URL); files are
    read with the ontology, without the default datasets. Entities are matched by IRI. The global --data and
    --no-defaults do not apply; --no-personal-data does.

    \b
    Examples:
      ecosysteem diff jaarplan-2024.ttl jaarplan-2025.ttl
      ecosysteem diff oud/ nieuw/ --format json -o wijzigingen.json
    """
    from ecosysteem.analysis.diff import diff as compute

    for spec in (old, new):
        if not spec.startswith(("oxigraph:", "sparql:")) and not Path(spec).exists():
            raise click.BadParameter(
                say(f"{spec}: dit bestand of deze map bestaat niet", f"{spec}: no such file or folder"),
                param_hint="OLD/NEW",
            )
    result = compute(old, new, personal_data=settings.personal_data)
    text = result.to_json() if fmt == "json" else result.to_text(lang, details=details)
    write_or_print(text.rstrip("\n"), output)
