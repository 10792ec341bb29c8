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


def _fmt_option(default: str = "table") -> Callable[[F], F]:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(["table", "csv", "json", "markdown"]),
        default=default,
        show_default=True,
        help="Output format.",
    )


@cli.command()
@click.option("--type", "types", multiple=True, metavar="ID", help="Only this gap type (repeatable); see --list.")
@click.option("--network", help="Only findings about this network (name, part of a name, or IRI).")
@click.option("--level", type=click.Choice(["landelijk", "bovenregionaal", "regionaal"]), help="Only this level.")
@click.option("--reference-date", help="Judge ended periods against this date (YYYY-MM-DD; default today).")
@click.option("--list", "list_types", is_flag=True, help="Describe every gap type and exit.")
@_fmt_option()
@output_option
@click.pass_obj
def gaps(
    settings: Settings,
    types: tuple[str, ...],
    network: str | None,
    level: str | None,
    reference_date: str | None,
    list_types: bool,
    fmt: str,
    output: Path | None,
) -> None:
    """Find collaboration gaps: functions nobody serves, loops without partners, lines that never meet …

    Prints the findings grouped by gap type, then a summary line. Exit 0 whatever is found.

    \b
    Examples:
      ecosysteem gaps --list
      ecosysteem gaps --network Twente --type no-owner-no-period
      ecosysteem gaps --format csv -o gaps.csv
    """
    from ecosysteem.analysis.gaps import find_gaps, gap_types
    from ecosysteem.output import render_table

    if list_types:
        rows = [
            {
                "id": g.id,
                "severity": g.severity.value,
                "title": g.title_en,
                "finds": g.explanation_en,
                "source": g.source,
            }
            for g in gap_types()
        ]
        write_or_print(render_table(rows, fmt=fmt), output)
        return
    eco = settings.ecosystem()
    with errors_as_input_errors():
        findings = find_gaps(eco, types or None, network=network, level=level, reference_date=reference_date)
    columns = ["gap", "severity", "subject_kind", "subject_label", "message_en", "evidence"]
    records = [f.model_dump(mode="json") for f in findings]
    if fmt in {"csv", "json"}:
        write_or_print(render_table(records, [*columns, "subject", "message_nl", "networks", "level"], fmt), output)
        return
    parts = []
    counts: dict[str, int] = {}
    for gap in gap_types():
        group = [r for r in records if r["gap"] == gap.id]
        counts[gap.id] = len(group)
        if group:
            parts.append(f"{gap.title_en} ({gap.id}): {len(group)}\n{render_table(group, columns[1:], fmt)}")
    summary = ", ".join(f"{k} {v}" for k, v in counts.items() if v)
    parts.append(f"{len(findings)} findings: {summary or 'none'}")
    write_or_print("\n\n".join(parts), output)


@cli.command()
@click.argument("name", required=False)
@click.option("--param", "params", multiple=True, metavar="KEY=VALUE", help="A query parameter (repeatable).")
@click.option("--queries", "folders", multiple=True, type=click.Path(path_type=Path), help="Extra folder of .rq files.")
@click.option("--list", "list_queries", is_flag=True, help="List the named queries and exit.")
@click.option("--show", is_flag=True, help="Print the query text instead of running it.")
@_fmt_option()
@output_option
@click.pass_obj
def query(
    settings: Settings,
    name: str | None,
    params: tuple[str, ...],
    folders: tuple[Path, ...],
    list_queries: bool,
    show: bool,
    fmt: str,
    output: Path | None,
) -> None:
    """Run a named SPARQL query (or a .rq file) with safely bound parameters.

    \b
    Examples:
      ecosysteem query --list
      ecosysteem query activity-lines --param network=network/twente
      ecosysteem query mijn-vraag.rq --format csv
    """
    from ecosysteem.analysis.queries import get_query, run_query
    from ecosysteem.analysis.queries import list_queries as all_queries
    from ecosysteem.output import render_table

    with errors_as_input_errors():
        if list_queries or not name:
            rows = [
                {"name": q.name, "title": q.title_en or q.title, "parameters": [p.name for p in q.parameters]}
                for q in all_queries(folders)
            ]
            write_or_print(render_table(rows, fmt=fmt), output)
            return
        named = get_query(name, folders)
        if show:
            write_or_print(named.text, output)
            return
        values: dict[str, str] = {}
        for item in params:
            key, sep, value = item.partition("=")
            if not sep or not key:
                raise InputError(f"--param {item!r}: expected KEY=VALUE")
            values[key.strip()] = value
        eco = settings.ecosystem()
        result = run_query(eco, named, **values)
        variables = [str(v) for v in (result.vars or [])]
        rows = [
            {var: ("" if cell is None else str(cell)) for var, cell in zip(variables, row, strict=True)}  # type: ignore[arg-type]
            for row in result
        ]
    write_or_print(render_table(rows, variables, fmt), output)


@cli.command()
@click.argument("what", type=click.Choice(["centrality", "fragility", "brokers", "density", "compare"]))
@click.option("--rows", type=click.Choice(["network", "collaboration"]), default="network", show_default=True)
@click.option(
    "--columns",
    type=click.Choice(["function", "loop", "action", "theme", "pillar"]),
    default="function",
    show_default=True,
    help="For 'compare': what to compare the rows on.",
)
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True)
@_fmt_option()
@output_option
@click.pass_obj
def analyse(settings: Settings, what: str, rows: str, columns: str, lang: str, fmt: str, output: Path | None) -> None:
    """Network analytics on the collaboration graph, and the comparison matrix across regions.

    \b
    centrality  degree and betweenness of every organisation, network and group
    fragility   articulation points and bridges (single points of failure)
    brokers     parties connecting different lines of care
    density     density and centralisation per network
    compare     networks (or collaborations) × functions / loops / actions / themes / pillars

    \b
    Examples:
      ecosysteem analyse centrality
      ecosysteem analyse compare --columns loop --format csv -o vergelijking.csv
    """
    from ecosysteem.analysis import metrics
    from ecosysteem.analysis.compare import comparison_matrix
    from ecosysteem.analysis.network import collaboration_graph
    from ecosysteem.output import render_table

    eco = settings.ecosystem()
    if what == "compare":
        matrix = comparison_matrix(eco, rows=rows, columns=columns, lang=lang)
        write_or_print(render_table(matrix.to_records(), fmt=fmt), output)
        return
    graph = collaboration_graph(eco)

    def name(node: str) -> str:
        return str(graph.nodes[node].get("label" if lang == "nl" else "label_en") or node)

    raw: list[dict[str, Any]]
    if what == "centrality":
        raw = metrics.centrality(graph)
    elif what == "fragility":
        raw = [{"kind": "articulation point", "label": name(n), "with": ""} for n in metrics.articulation_points(graph)]
        raw += [{"kind": "bridge", "label": name(a), "with": name(b)} for a, b in metrics.bridges(graph)]
    elif what == "brokers":
        raw = metrics.brokers(graph, "line")
        for row in raw:
            row["values"] = [eco.label(v, lang) for v in row.get("values", [])]
    else:
        raw = metrics.density_by(graph, "networks")
    hidden = {"node", "value"}
    records = [
        {k: round(v, 3) if isinstance(v, float) else v for k, v in row.items() if k not in hidden} for row in raw
    ]
    write_or_print(render_table(records, fmt=fmt), output)
