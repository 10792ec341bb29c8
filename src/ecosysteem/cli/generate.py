"""``ecosysteem generate``: write a synthetic national ecosystem for tests, demos and benchmarks."""

from __future__ import annotations

from pathlib import Path

import click

from ecosysteem.cli._app import InputError, cli, number_option, output_option, say
from ecosysteem.cli._formats import FormatChoice
from ecosysteem.cli._rdf_output import rdf_output_suffix


@cli.command()
@number_option(
    "-n",
    "--organisations",
    minimum=100,
    default=14000,
    help="How many organisations (≈14,000 is national scale; at least 100).",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Random seed: same seed and size, same file.")
@output_option(
    "The file to write (.ttl or .nt).", required=True, callback=rdf_output_suffix((".ttl", ".turtle", ".nt"))
)
@click.option(
    "--format",
    "fmt",
    type=FormatChoice(only=("turtle", "nt")),  # the synthetic writer streams these two
    default=None,
    help="Output format [default: nt for a .nt file, else turtle].",
)
def generate(organisations: int, seed: int, output: Path, fmt: str | None) -> None:
    """Write a synthetic national ecosystem: 65 networks in 7 supra-regional collaborations, organisations in
    national proportions, plans, workgroups and activities — fiction, marked as such (IRIs starting with synthetic-).

    The file uses the bijenkorf and national data of the defaults, so load it with them:
    ecosysteem --data FILE gaps.

    \b
    Examples:
      ecosysteem generate --organisations 14000 --seed 1 -o nl.ttl
      ecosysteem generate -n 100000 -o nl-100k.nt
    """
    from ecosysteem.synthetic import SyntheticFormat
    from ecosysteem.synthetic import generate as write_file

    chosen: SyntheticFormat | None = "nt" if fmt == "nt" else "turtle" if fmt == "turtle" else None

    if not output.parent.is_dir():
        raise InputError(
            say(
                f"{output}: de map {output.parent} bestaat niet; maak die eerst aan",
                f"{output}: the folder {output.parent} does not exist; create it first",
            ),
            "data",
        )
    triples = write_file(output, organisations, seed=seed, format=chosen)
    click.echo(
        say(
            f"Geschreven: {output}: {organisations} organisaties, {triples} triples (seed {seed})",
            f"Wrote {output}: {organisations} organisations, {triples} triples (seed {seed})",
        ),
        err=True,
    )
