"""The ``-o`` check shared by commands that write RDF: a file name whose suffix says an RDF format."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import click

__all__ = ["rdf_output_suffix"]


def rdf_output_suffix(allowed: Iterable[str] | None = None) -> Callable[[click.Context, click.Parameter, Path], Path]:
    """A click callback refusing an output file whose suffix is not an RDF one (exit status 2, a usage error).

    ``allowed``: the suffixes the command writes (default: every suffix :data:`ecosysteem.graph.FORMATS` reads), so
    that ``import -o plan.xlsx`` does not write Turtle into a file named ``.xlsx``.
    """

    def check(_ctx: click.Context, _param: click.Parameter, value: Path) -> Path:
        from ecosysteem.cli._app import say
        from ecosysteem.graph.load import FORMATS

        suffixes = sorted(allowed if allowed is not None else FORMATS)
        if value is not None and value.suffix.lower() not in suffixes:
            listed = ", ".join(suffixes)
            example = value.with_suffix(suffixes[0] if ".ttl" not in suffixes else ".ttl").name
            raise click.BadParameter(
                say(
                    f"'{value}' is geen naam van een RDF-bestand: geef het een van de extensies {listed} "
                    f"(bijv. {example})",
                    f"'{value}' is not an RDF file name: give it one of the suffixes {listed} (e.g. {example})",
                )
            )
        return value

    return check
