"""Commands that draw the graph: ``viz bijenkorf|network|compare`` and ``report``."""

from __future__ import annotations

from pathlib import Path

import click

from ecosysteem.cli._app import (
    Settings,
    choice_option,
    cli,
    lang_option,
    no_personal_data_option,
    number_option,
    output_option,
    say,
)

_LANG = lang_option
_HTML_OUT = output_option("The HTML file to write (atomically).", required=True)


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
    write_bijenkorf(eco, output, lang=lang, collaboration=collaboration, network=network)
    click.echo(say(f"Geschreven: {output}", f"Wrote {output}"), err=True)


@viz.command("network")
@click.option("--network", metavar="NAME", help="Only what works in this network (name or IRI).")
@click.option("--around", metavar="NAME", help="Only the neighbourhood of this organisation or collaboration.")
@number_option("--depth", minimum=1, default=1, help="Steps around --around.")
@number_option(
    "--max-nodes",
    minimum=1,
    default=600,
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
    write_network(eco, output, lang=lang, network=network, around=around, depth=depth, max_nodes=max_nodes)
    click.echo(say(f"Geschreven: {output}", f"Wrote {output}"), err=True)


@viz.command("compare")
@choice_option("--rows", choices=("network", "collaboration"), default="network", help="Rows.")
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
    write_comparison(eco, output, lang=lang, rows=rows, columns=columns or ("function", "loop", "action"))
    click.echo(say(f"Geschreven: {output}", f"Wrote {output}"), err=True)


@cli.command()
@output_option("The folder of the site (created; its parent must exist).", required=True, kind="folder")
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
    index = write_report(eco, output, lang=lang, gaps=not no_gaps)
    click.echo(say(f"Geschreven: {index.parent}/ (open {index})", f"Wrote {index.parent}/ (open {index})"), err=True)


@cli.command("profiel")
@click.argument("name")
@choice_option(
    "--format",
    "fmt",
    choices=("text", "markdown"),
    default="text",
    help="Plain text for the terminal, or Markdown to paste into a year plan.",
)
@click.option("--no-gaps", is_flag=True, help="Leave the gap analysis out (faster).")
@click.option("--reference-date", help="Judge ended periods against this date (YYYY-MM-DD; default today).")
@_LANG
@output_option()
@no_personal_data_option
@click.pass_obj
def profiel(
    settings: Settings,
    name: str,
    fmt: str,
    no_gaps: bool,
    reference_date: str | None,
    lang: str,
    output: Path | None,
) -> None:
    """The profile of one network or consortium: partners against the Kwaliteitskader, plans, gaps, peers, sources.

    NAME is a name, abbreviation, part of a name or id; a name that fits several networks or consortia is refused
    with the candidates listed (exit 2). The same profile as the report's page network/<slug>.html.

    \b
    Examples:
      ecosysteem profiel Twente
      ecosysteem profiel Ligare --format markdown -o ligare.md
      ecosysteem profiel network/almere --lang en
    """
    from ecosysteem.analysis.gaps import find_gaps
    from ecosysteem.cli._app import write_or_print
    from ecosysteem.graph.resolve import resolve
    from ecosysteem.output.profile import build_profile, profile_text

    eco = settings.ecosystem()
    iri = str(resolve(eco, name, "subject"))
    findings = None if no_gaps else find_gaps(eco, reference_date=reference_date)
    profile = build_profile(eco, iri, findings, lang=lang)
    text = profile_text(profile, lang)
    if fmt == "text":
        text = "\n".join(line.lstrip("#").strip() if line.startswith("#") else line for line in text.splitlines())
    write_or_print(text, output)
