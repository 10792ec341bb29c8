"""Spreadsheet commands: ``template`` (the empty or filled workbook) and ``import`` (workbook or CSV → RDF)."""

from __future__ import annotations

from pathlib import Path

import click

from ecosysteem.cli._app import InputError, Settings, cli, lang_option, output_option, say
from ecosysteem.cli._rdf_output import rdf_output_suffix


@cli.command()
@output_option("The .xlsx file to write.", required=True)
@click.option(
    "--fill",
    "fill",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Fill the workbook with the entities of this RDF file (e.g. last year's import), to edit and re-import.",
)
@click.pass_obj
def template(settings: Settings, output: Path, fill: Path | None) -> None:
    """Write the spreadsheet template a network coordinator fills in (Dutch headers, drop-down lists).

    \b
    Examples:
      ecosysteem template -o plan.xlsx
      ecosysteem template --fill mijn-netwerk.ttl -o plan-2026.xlsx
    """
    from ecosysteem.graph.workbook import export_workbook, template_workbook, workbook_bytes
    from ecosysteem.output import write_atomic

    eco = settings.ecosystem()
    if fill is None:
        book = template_workbook(eco)
    else:
        from ecosysteem.graph import Ecosystem

        book = export_workbook(Ecosystem().load(fill), context=eco)
    write_atomic(output, workbook_bytes(book))
    click.echo(say(f"Geschreven: {output}", f"Wrote {output}"), err=True)


@cli.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@output_option("The RDF file to write (.ttl; .nt and .jsonld also work).", required=True, callback=rdf_output_suffix())
@click.option("--partial", is_flag=True, help="Write the rows without problems, and a report of the others.")
@click.option(
    "--report",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where --partial writes its report [default: OUTPUT + .report.txt].",
)
@click.option("--encoding", help="Encoding of the CSV files if not UTF-8, e.g. cp1252.")
@lang_option
@click.pass_obj
def import_(
    settings: Settings,
    files: tuple[Path, ...],
    output: Path,
    partial: bool,
    report: Path | None,
    encoding: str | None,
    lang: str,
) -> None:
    """Convert a filled-in workbook (or CSV files, one per sheet) into RDF that validates against the shapes.

    Names are looked up in the workbook and in the graph (the default data and --data files). A new network or
    organisation whose name is an existing one in another spelling ("regio", "&"/"en", case, punctuation) is
    linked to it, and the summary says so; a merely similar name is a problem to confirm in the column
    "zelfde als". Every problem is listed (in Dutch; --lang en for English) with its sheet, row, column and
    value; when there is any, nothing is written (exit status 1) unless --partial is given.

    \b
    Examples:
      ecosysteem import plan.xlsx -o mijn-netwerk.ttl
      ecosysteem import organisaties.csv activiteiten.csv wie.csv -o mijn-netwerk.ttl
      ecosysteem import plan.xlsx -o mijn-netwerk.ttl --partial
    """
    from ecosysteem.graph import FORMATS
    from ecosysteem.graph.workbook import import_workbook
    from ecosysteem.output import write_atomic

    eco = settings.ecosystem()
    result = import_workbook(*files, context=eco, encoding=encoding, partial=partial)
    for problem in result.problems:
        click.echo(problem.text(lang), err=True)
    names = ", ".join(f.name for f in files)
    if result.errors and not partial:
        one = len(result.errors) == 1
        raise InputError(
            say(
                f"{len(result.errors)} {'probleem' if one else 'problemen'} in {names}: niets geschreven (los "
                f"{'het' if one else 'ze'} op, of gebruik --partial om de rijen zonder problemen te schrijven)",
                f"{len(result.errors)} problem{'' if one else 's'} in {names}: nothing written (fix "
                f"{'it' if one else 'them'}, or use --partial to write the rows without problems)",
            ),
            "data",
        )
    if not result.models:
        raise InputError(
            say(
                f"{names}: geen rijen om te importeren; niets geschreven (vul de werkmap in)",
                f"{names}: no rows to import; nothing written (fill in the workbook)",
            ),
            "data",
        )
    for note in result.notes:
        click.echo(note.text(lang), err=True)
    fmt = FORMATS.get(output.suffix.lower(), "turtle")
    if partial:
        report_path = report or output.with_name(output.name + ".report.txt")
        write_atomic(report_path, result.report(lang) + "\n")
        click.echo(say(f"Geschreven: {report_path}", f"Wrote {report_path}"), err=True)
    write_atomic(output, result.graph.serialize(format=fmt))
    click.echo(f"{'Geschreven' if lang == 'nl' else 'Wrote'} {output}: {result.summary(lang)}", err=True)
