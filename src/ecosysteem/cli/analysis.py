"""Commands that analyse the graph: ``gaps``, ``query``, ``analyse``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from ecosysteem.cli._app import (
    InputError,
    Settings,
    cli,
    errors_as_input_errors,
    fmt_option,
    output_option,
    write_or_print,
)


@cli.command()
@click.option("--type", "types", multiple=True, metavar="ID", help="Only this gap type (repeatable); see --list.")
@click.option("--network", help="Only findings about this network (name, part of a name, or IRI).")
@click.option("--level", type=click.Choice(["landelijk", "bovenregionaal", "regionaal"]), help="Only this level.")
@click.option("--status", type=click.Choice(["gap", "unknown"]), help="Only gaps, or only what the data cannot tell.")
@click.option(
    "--reference-date", help="Judge periods as of this date (YYYY-MM-DD; default: the date of each activity's plan)."
)
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True, help="Language.")
@click.option("--list", "list_types", is_flag=True, help="Describe every gap type and exit.")
@fmt_option()
@output_option
@click.pass_obj
def gaps(
    settings: Settings,
    types: tuple[str, ...],
    network: str | None,
    level: str | None,
    status: str | None,
    reference_date: str | None,
    lang: str,
    list_types: bool,
    fmt: str,
    output: Path | None,
) -> None:
    """Find collaboration gaps: functions nobody serves, loops without partners, lines that never meet …

    Prints the gaps grouped by gap type, then what the data cannot tell (unknown), then a summary line
    "N gaps, M unknown". Exit 0 whatever is found.

    \b
    Examples:
      ecosysteem gaps --list
      ecosysteem gaps --network Twente --type no-owner-no-period
      ecosysteem gaps --format csv -o gaps.csv
    """
    from ecosysteem.analysis.gaps import find_gaps, gap_types, summary_line
    from ecosysteem.output import render_table

    if list_types:
        rows = [
            {
                "id": g.id,
                "severity": g.severity.value,
                "title": g.title(lang),
                "finds": g.explanation(lang),
                "enough data" if lang == "en" else "genoeg gegevens": g.enough_data(lang),
                "source": g.source,
            }
            for g in gap_types()
        ]
        write_or_print(render_table(rows, fmt=fmt), output)
        return
    eco = settings.ecosystem()
    with errors_as_input_errors():
        findings = find_gaps(
            eco, types or None, network=network, level=level, reference_date=reference_date, status=status
        )
    if fmt in {"csv", "json"}:
        records = [f.model_dump(mode="json") for f in findings]
        write_or_print(render_table(records, fmt=fmt), output)
        return
    rows = [
        {
            "status": f.status.value,
            "severity": f.severity.value,
            "subject": f.label(lang),
            "message": f.message(lang),
            "evidence": "; ".join(f.evidence_in(lang)),
        }
        for f in findings
    ]
    parts = []
    for gap in gap_types():
        for state in ("gap", "unknown"):
            group = [r for f, r in zip(findings, rows, strict=True) if f.gap == gap.id and f.status == state]
            if group:
                tag = "" if state == "gap" else (" — unknown" if lang == "en" else " — onbekend")
                parts.append(f"{gap.title(lang)} ({gap.id}){tag}: {len(group)}\n{render_table(group, fmt=fmt)}")
    parts.append(summary_line(findings, lang))
    write_or_print("\n\n".join(parts), output)


_GRAPH_FORMATS = {"turtle": "turtle", "nt": "nt", "json-ld": "json-ld"}
_ANSWER = {"nl": ("ja", "nee"), "en": ("yes", "no")}


@cli.command()
@click.argument("name", required=False)
@click.option("--param", "params", multiple=True, metavar="KEY=VALUE", help="A query parameter (repeatable).")
@click.option("--queries", "folders", multiple=True, type=click.Path(path_type=Path), help="Extra folder of .rq files.")
@click.option("--list", "list_queries", is_flag=True, help="List the named queries and exit.")
@click.option("--show", is_flag=True, help="Print the query text instead of running it.")
@click.option(
    "--timeout",
    type=click.FloatRange(min=0),
    default=60,
    show_default=True,
    metavar="SECONDS",
    help="Stop the query after this many seconds (0: no limit).",
)
@click.option(
    "--allow-service", is_flag=True, help="Let the query call other SPARQL servers (SERVICE); refused otherwise."
)
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True, help="Language of messages.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json", "markdown", "turtle", "nt", "json-ld"]),
    help="Output format: table (default), csv, json or markdown for SELECT; turtle (default), nt or json-ld for "
    "CONSTRUCT and DESCRIBE.",
)
@output_option
@click.pass_obj
def query(
    settings: Settings,
    name: str | None,
    params: tuple[str, ...],
    folders: tuple[Path, ...],
    list_queries: bool,
    show: bool,
    timeout: float,
    allow_service: bool,
    lang: str,
    fmt: str | None,
    output: Path | None,
) -> None:
    """Run a named SPARQL query (or a .rq file) with safely bound parameters.

    SELECT prints rows; CONSTRUCT and DESCRIBE write RDF; ASK prints ja/nee (yes/no with --lang en) and exits
    with status 0 for yes, 1 for no. Updates are refused, and so are calls to other servers (SERVICE) unless
    --allow-service is given.

    \b
    Examples:
      ecosysteem query --list
      ecosysteem query activity-lines --param network=network/twente
      ecosysteem query mijn-vraag.rq --format csv
      ecosysteem query mijn-graaf.rq --format nt -o uitsnede.nt
    """
    from ecosysteem.analysis.queries import get_query
    from ecosysteem.analysis.queries import list_queries as all_queries
    from ecosysteem.output import render_table

    with errors_as_input_errors():
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
        result = _run_named(settings, named, params, timeout=timeout, allow_service=allow_service, lang=lang)
    if result.type == "ASK":
        yes, no = _ANSWER[lang]
        write_or_print(yes if result.askAnswer else no, output)
        if not result.askAnswer:
            raise SystemExit(1)
        return
    if result.type in {"CONSTRUCT", "DESCRIBE"}:
        write_or_print(_graph_text(result, fmt), output)
        return
    variables = [str(v) for v in (result.vars or [])]
    rows = [
        {var: ("" if cell is None else str(cell)) for var, cell in zip(variables, row, strict=True)} for row in result
    ]
    write_or_print(render_table(rows, variables, _table_format(fmt)), output)


def _run_named(
    settings: Settings, named: Any, params: tuple[str, ...], *, timeout: float, allow_service: bool, lang: str
) -> Any:
    from ecosysteem.analysis.queries import run_query
    from ecosysteem.errors import QueryRefused, QueryTimeout

    values: dict[str, str] = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise InputError(f"--param {item!r}: expected KEY=VALUE")
        values[key.strip()] = value
    eco = settings.ecosystem()
    try:
        return run_query(eco, named, timeout=timeout or None, allow_service=allow_service, **values)
    except (QueryRefused, QueryTimeout) as exc:
        raise InputError(exc.message_nl if lang == "nl" else str(exc)) from None


def _table_format(fmt: str | None) -> str:
    if fmt in _GRAPH_FORMATS:
        raise InputError(f"--format {fmt} is for CONSTRUCT and DESCRIBE queries; use table, csv, json or markdown")
    return fmt or "table"


def _graph_text(result: Any, fmt: str | None) -> str:
    from ecosysteem.graph.convert import bind_prefixes

    if fmt is not None and fmt not in _GRAPH_FORMATS:
        raise InputError(f"--format {fmt} is for SELECT queries; CONSTRUCT and DESCRIBE give turtle, nt or json-ld")
    graph = bind_prefixes(result.graph)
    return str(graph.serialize(format=_GRAPH_FORMATS[fmt or "turtle"]))


@cli.command()
@click.argument("what", type=click.Choice(["centrality", "fragility", "brokers", "density", "communities", "compare"]))
@click.option("--rows", type=click.Choice(["network", "collaboration"]), default="network", show_default=True)
@click.option(
    "--columns",
    type=click.Choice(["function", "loop", "action", "theme", "pillar"]),
    default="function",
    show_default=True,
    help="For 'compare': what to compare the rows on.",
)
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True)
@click.option(
    "--sample",
    type=click.IntRange(min=1),
    help="Estimate betweenness from this many pivot nodes (default: exact while affordable, sampled above).",
)
@click.option("--exact", is_flag=True, help="Always compute betweenness exactly (slow on national-scale graphs).")
@fmt_option()
@output_option
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
        raise InputError("give --sample or --exact, not both")
    eco = settings.ecosystem()
    with errors_as_input_errors():
        result = run(eco, what, rows=rows, columns=columns, lang=lang, sample=sample, exact=exact)
    if result.note:
        click.echo(result.note, err=True)
    records = result.records
    write_or_print(render_table(records, fmt=fmt), output)
