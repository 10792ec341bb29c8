"""Commands that draw the graph: ``viz bijenkorf|network|compare`` and ``report``."""

from __future__ import annotations

from pathlib import Path

import click

from ecosysteem.cli._app import Settings, cli, errors_as_input_errors, lang_option, no_personal_data_option, say

_LANG = lang_option
_HTML_OUT = click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The HTML file to write (atomically).",
)


@cli.group()
def viz() -> None:
    """Draw the graph as an interactive HTML page that works offline.

    Each command takes --no-personal-data (after its name, or before it as a global option) for a page
    without persons or their names.

    \b
    Examples:
      ecosysteem viz bijenkorf -o bijenkorf.html
      ecosysteem viz bijenkorf --collaboration Ligare --lang en -o ligare.html
      ecosysteem viz network --around "Netwerk Palliatieve Zorg Twente" --depth 2 -o twente.html
      ecosysteem viz compare -o vergelijking.html
      ecosysteem viz network -o openbaar.html --no-personal-data
    """


@viz.command("bijenkorf")
@click.option("--collaboration", metavar="NAME", help="Focus on this supra-regional collaboration (name or IRI).")
@click.option("--network", metavar="NAME", help="Focus on this network (name or IRI).")
@_LANG
@_HTML_OUT
@no_personal_data_option
@click.pass_obj
def viz_bijenkorf(settings: Settings, collaboration: str | None, network: str | None, lang: str, output: Path) -> None:
    """The bijenkorf plate filled with the graph: functions, loops and actions, alive or empty."""
    from ecosysteem.output.html import write_bijenkorf

    eco = settings.ecosystem()
    with errors_as_input_errors():
        write_bijenkorf(eco, output, lang=lang, collaboration=collaboration, network=network)
    click.echo(say(f"Geschreven: {output}", f"Wrote {output}"), err=True)


@viz.command("network")
@click.option("--network", metavar="NAME", help="Only what works in this network (name or IRI).")
@click.option("--around", metavar="NAME", help="Only the neighbourhood of this organisation or collaboration.")
@click.option("--depth", type=click.IntRange(min=1), default=1, show_default=True, help="Steps around --around.")
@click.option(
    "--max-nodes",
    type=click.IntRange(min=1),
    default=600,
    show_default=True,
    help="Above this many nodes, collapse organisations and activities into their networks.",
)
@_LANG
@_HTML_OUT
@no_personal_data_option
@click.pass_obj
def viz_network(
    settings: Settings,
    network: str | None,
    around: str | None,
    depth: int,
    max_nodes: int,
    lang: str,
    output: Path,
) -> None:
    """The ecosystem network: filters, search, colour by kind or level, size by degree or betweenness."""
    from ecosysteem.output.html import write_network

    eco = settings.ecosystem()
    with errors_as_input_errors():
        write_network(eco, output, lang=lang, network=network, around=around, depth=depth, max_nodes=max_nodes)
    click.echo(say(f"Geschreven: {output}", f"Wrote {output}"), err=True)


@viz.command("compare")
@click.option(
    "--rows", type=click.Choice(["network", "collaboration"]), default="network", show_default=True, help="Rows."
)
@click.option(
    "--columns",
    "columns",
    multiple=True,
    type=click.Choice(["function", "loop", "action", "theme", "pillar"]),
    help="Column kinds, one table each (repeatable; default function, loop, action).",
)
@_LANG
@_HTML_OUT
@no_personal_data_option
@click.pass_obj
def viz_compare(settings: Settings, rows: str, columns: tuple[str, ...], lang: str, output: Path) -> None:
    """The comparison matrix as a heat-map table: who serves which function, loop and action."""
    from ecosysteem.output.html import write_comparison

    eco = settings.ecosystem()
    with errors_as_input_errors():
        write_comparison(eco, output, lang=lang, rows=rows, columns=columns or ("function", "loop", "action"))
    click.echo(say(f"Geschreven: {output}", f"Wrote {output}"), err=True)


@cli.command()
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The folder of the site (created; its parent must exist).",
)
@click.option("--no-gaps", is_flag=True, help="Skip the gap analysis on the overview page (faster).")
@_LANG
@no_personal_data_option
@click.pass_obj
def report(settings: Settings, output: Path, no_gaps: bool, lang: str) -> None:
    """Write a small static site: overview and gaps, bijenkorf, network, comparison; opens with no server.

    \b
    Examples:
      ecosysteem report -o site/
      ecosysteem report --lang en -o site-en/
      ecosysteem report -o openbaar/ --no-personal-data
    """
    from ecosysteem.output.html import write_report

    eco = settings.ecosystem()
    with errors_as_input_errors():
        index = write_report(eco, output, lang=lang, gaps=not no_gaps)
    click.echo(say(f"Geschreven: {index.parent}/ (open {index})", f"Wrote {index.parent}/ (open {index})"), err=True)
