"""Commands that analyse the graph: ``gaps``, ``query``, ``analyse``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ecosysteem.cli._app import (
    InputError,
    Settings,
    choice_option,
    cli,
    fmt_option,
    lang_option,
    number_option,
    output_option,
    say,
    write_or_print,
)

if TYPE_CHECKING:
    from rdflib import URIRef

    from ecosysteem.analysis.queries import Parameter
    from ecosysteem.graph import Ecosystem


@cli.command()
@click.option("--type", "types", multiple=True, metavar="ID", help="Only this gap type (repeatable); see --list.")
@click.option("--network", help="Only findings about this network: its name, abbreviation, part of its name, or id.")
@click.option("--level", type=click.Choice(["landelijk", "bovenregionaal", "regionaal"]), help="Only this level.")
@click.option("--status", type=click.Choice(["gap", "unknown"]), help="Only gaps, or only what the data cannot tell.")
@click.option(
    "--reference-date", help="Judge periods as of this date (YYYY-MM-DD; default: the date of each activity's plan)."
)
@click.option("--list", "list_types", is_flag=True, help="Describe every gap type and exit.")
@click.option("--iris", is_flag=True, help="Show IRIs beside the names in table and Markdown output.")
@lang_option
@fmt_option()
@output_option()
@click.pass_obj
def gaps(
    settings: Settings,
    types: tuple[str, ...],
    network: str | None,
    level: str | None,
    status: str | None,
    reference_date: str | None,
    list_types: bool,
    iris: bool,
    lang: str,
    fmt: str,
    output: Path | None,
) -> None:
    """Find collaboration gaps: functions nobody serves, loops without partners, lines that never meet …

    Prints the gaps grouped by gap type (most severe first), then the unknowns — one line per subject, saying
    which data would settle it — and ends with the line "N gaten, M onbekend". Names, not IRIs (--iris shows
    them); CSV and JSON give every field. Exit 0 whatever is found; 2 when --network names no network or
    several (the candidates are listed), or --type no gap type.

    \b
    Examples:
      ecosysteem gaps --list
      ecosysteem gaps --network Twente
      ecosysteem gaps --network Twente --lang en --format markdown
      ecosysteem gaps --format csv -o gaps.csv
    """
    from ecosysteem.analysis.gaps import find_gaps, gap_types
    from ecosysteem.graph.resolve import resolve
    from ecosysteem.output import render_table
    from ecosysteem.output.findings import findings_text, gap_rationale, gap_title, present

    if list_types:
        rows = [
            {
                "id": g.id,
                say("ernst", "severity"): g.severity.value,
                say("titel", "title"): gap_title(g, lang),
                say("vindt", "finds"): gap_rationale(g, lang),
                say("genoeg gegevens", "enough data"): g.enough_data(lang),
                say("bron", "source"): g.source,
            }
            for g in gap_types()
        ]
        write_or_print(render_table(rows, fmt=fmt), output)
        return
    eco = settings.ecosystem()
    target = str(resolve(eco, network, "network")) if network is not None else None
    findings = find_gaps(eco, types or None, network=target, level=level, reference_date=reference_date, status=status)
    if fmt in {"csv", "json"}:
        records = [f.model_dump(mode="json") for f in findings]
        write_or_print(render_table(records, fmt=fmt), output)
        return
    text = findings_text(present(eco, findings, lang, iris=iris), lang, fmt, iris=iris, status=status)
    write_or_print(text, output)


_NAMED_PARAMS = {"network": "network", "collaboration": "collaboration", "organisation": "organisation"}
"""Query parameters that name an entity: their values go through the one name resolver."""


def _param_values(params: tuple[str, ...]) -> dict[str, str]:
    """``--param KEY=VALUE`` options as a dict; a key given twice is a usage error, not 'the last one wins'."""
    values: dict[str, str] = {}
    for item in params:
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or not key:
            raise InputError(say(f"--param {item!r}: verwacht SLEUTEL=WAARDE", f"--param {item!r}: expected KEY=VALUE"))
        if key in values:
            raise InputError(
                say(
                    f"--param {key} is twee keer gegeven ({values[key]!r} en {value!r}); geef het één keer",
                    f"--param {key} given twice ({values[key]!r} and {value!r}); give it once",
                )
            )
        values[key] = value
    return values


def _named_iri(
    eco: Ecosystem, key: str, value: str, parameter: Parameter, resolve: Callable[[Ecosystem, str, str], URIRef]
) -> str:
    """An IRI parameter's value: a name resolved by the one resolver, or an IRI that must name something."""
    if key in _NAMED_PARAMS:
        return str(resolve(eco, value, _NAMED_PARAMS[key]))
    iri = parameter.to_node(value)
    if (iri, None, None) not in eco.graph and (None, None, iri) not in eco.graph:
        raise InputError(
            say(
                f"--param {key}={value}: niets in de graaf heet zo; geef een IRI of id die bestaat",
                f"--param {key}={value}: nothing in the graph has that IRI; give one that exists",
            )
        )
    return str(iri)


_GRAPH_FORMATS = {"turtle": "turtle", "nt": "nt", "json-ld": "json-ld"}
_ANSWER = {"nl": ("ja", "nee"), "en": ("yes", "no")}


@cli.command()
@click.argument("name", required=False)
@click.option("--param", "params", multiple=True, metavar="KEY=VALUE", help="A query parameter (repeatable).")
@click.option("--queries", "folders", multiple=True, type=click.Path(path_type=Path), help="Extra folder of .rq files.")
@click.option("--list", "list_queries", is_flag=True, help="List the named queries and exit.")
@click.option("--show", is_flag=True, help="Print the query text instead of running it.")
@click.option("--iris", is_flag=True, help="Show IRIs instead of names in table and Markdown output.")
@number_option(
    "--timeout",
    minimum=0.0,
    default=60,
    metavar="SECONDS",
    help="Stop the query after this many seconds (0: no limit).",
)
@click.option(
    "--allow-service", is_flag=True, help="Let the query call other SPARQL servers (SERVICE); refused otherwise."
)
@lang_option
@choice_option(
    "--format",
    "fmt",
    choices=("table", "csv", "json", "markdown", "turtle", "nt", "json-ld"),
    help="Output format: table (default), csv, json or markdown for SELECT; turtle (default), nt or json-ld for "
    "CONSTRUCT and DESCRIBE.",
)
@output_option()
@click.pass_obj
def query(
    settings: Settings,
    name: str | None,
    params: tuple[str, ...],
    folders: tuple[Path, ...],
    list_queries: bool,
    show: bool,
    iris: bool,
    timeout: float,
    allow_service: bool,
    lang: str,
    fmt: str | None,
    output: Path | None,
) -> None:
    """Run a named SPARQL query (or a .rq file) with safely bound parameters.

    SELECT prints rows; CONSTRUCT and DESCRIBE write RDF; ASK prints ja/nee (yes/no with --lang en) and exits
    with status 0 for yes, 1 for no. Updates are refused, and so are calls to other servers (SERVICE) unless
    --allow-service is given (exit 2, like an unknown query or parameter); a query out of time exits with 1.

    \b
    Examples:
      ecosysteem query --list
      ecosysteem query activity-lines --param network=network/twente
      ecosysteem query mijn-vraag.rq --format csv
      ecosysteem query mijn-graaf.rq --format nt -o uitsnede.nt
    """
    from rdflib import URIRef as Term

    from ecosysteem.analysis.queries import get_query
    from ecosysteem.analysis.queries import list_queries as all_queries
    from ecosysteem.output import render_table

    if list_queries or not name:
        rows = [
            {"name": q.name, "title": q.title_en or q.title, "parameters": [p.name for p in q.parameters]}
            for q in all_queries(folders)
        ]
        write_or_print(render_table(rows, fmt=_table_format(fmt)), output)
        return
    named = get_query(name, folders)
    if show:
        write_or_print(named.text, output)
        return
    result, eco = _run_named(settings, named, params, timeout=timeout, allow_service=allow_service)
    if result.type == "ASK":
        yes, no = _ANSWER[lang]
        write_or_print(yes if result.askAnswer else no, output)
        if not result.askAnswer:
            raise SystemExit(1)
        return
    if result.type in {"CONSTRUCT", "DESCRIBE"}:
        write_or_print(_graph_text(result, fmt), output)
        return
    table = _table_format(fmt)
    variables = [str(v) for v in (result.vars or [])]
    named_cells = table in {"table", "markdown"} and not iris

    def shown(cell: object) -> str:
        if cell is None:
            return ""
        return eco.label(cell, lang) if named_cells and isinstance(cell, Term) else str(cell)

    rows = [{var: shown(cell) for var, cell in zip(variables, row, strict=True)} for row in result]
    write_or_print(render_table(rows, variables, table), output)


def _run_named(
    settings: Settings, named: Any, params: tuple[str, ...], *, timeout: float, allow_service: bool
) -> tuple[Any, Ecosystem]:
    from ecosysteem.analysis.queries import run_query
    from ecosysteem.graph.resolve import resolve

    values = _param_values(params)
    eco = settings.ecosystem()
    declared = {p.name: p for p in named.parameters}
    for key, value in values.items():
        if key in declared and declared[key].kind == "iri":
            values[key] = _named_iri(eco, key, value, declared[key], resolve)
    return run_query(eco, named, timeout=timeout or None, allow_service=allow_service, **values), eco


def _table_format(fmt: str | None) -> str:
    if fmt in _GRAPH_FORMATS:
        raise InputError(
            say(
                f"--format {fmt} is voor CONSTRUCT- en DESCRIBE-query's; kies table, csv, json of markdown",
                f"--format {fmt} is for CONSTRUCT and DESCRIBE queries; use table, csv, json or markdown",
            )
        )
    return fmt or "table"


def _graph_text(result: Any, fmt: str | None) -> str:
    from ecosysteem.graph.convert import bind_prefixes

    if fmt is not None and fmt not in _GRAPH_FORMATS:
        raise InputError(
            say(
                f"--format {fmt} is voor SELECT-query's; CONSTRUCT en DESCRIBE geven turtle, nt of json-ld",
                f"--format {fmt} is for SELECT queries; CONSTRUCT and DESCRIBE give turtle, nt or json-ld",
            )
        )
    graph = bind_prefixes(result.graph)
    return str(graph.serialize(format=_GRAPH_FORMATS[fmt or "turtle"]))


@cli.command()
@click.argument("what", type=click.Choice(["centrality", "fragility", "brokers", "density", "communities", "compare"]))
@choice_option("--rows", choices=("network", "collaboration"), default="network")
@choice_option(
    "--columns",
    choices=("function", "loop", "action", "theme", "pillar"),
    default="function",
    help="For 'compare': what to compare the rows on.",
)
@lang_option
@click.option(
    "--sample",
    type=click.IntRange(min=1),
    help="Estimate betweenness from this many pivot nodes (default: exact while affordable, sampled above).",
)
@click.option("--exact", is_flag=True, help="Always compute betweenness exactly (slow on national-scale graphs).")
@fmt_option()
@output_option()
@click.pass_obj
def analyse(
    settings: Settings,
    what: str,
    rows: str,
    columns: str,
    lang: str,
    sample: int | None,
    exact: bool,
    fmt: str,
    output: Path | None,
) -> None:
    """Network analytics on the collaboration graph, and the comparison matrix across regions.

    \b
    centrality  degree and betweenness of every organisation, network and group
    fragility   articulation points (with the parts left without them) and bridges
    brokers     parties connecting different lines of care
    density     density and centralisation per network
    communities groups that work together most (modularity; Louvain on large graphs)
    compare     networks (or collaborations) × functions / loops / actions / themes / pillars

    \b
    Examples:
      ecosysteem analyse centrality
      ecosysteem analyse compare --columns loop --format csv -o vergelijking.csv
    """
    from ecosysteem.analysis.analyse import analyse as run
    from ecosysteem.output import render_table

    if exact and sample is not None:
        raise InputError(say("geef --sample of --exact, niet allebei", "give --sample or --exact, not both"))
    eco = settings.ecosystem()
    result = run(eco, what, rows=rows, columns=columns, lang=lang, sample=sample, exact=exact)
    if result.note:
        click.echo(result.note, err=True)
    records = result.records
    write_or_print(render_table(records, fmt=fmt), output)
