"""Benchmark the workbook import: seconds to import a filled-in template of N data rows.

Run on demand: ``python benchmarks/bench_workbook.py [--rows 1000,10000] [--no-validate] [--profile]``. For each
size it builds the template (:func:`ecosysteem.graph.workbook.template_workbook`), fills it as a coordinator would
— a quarter of the rows organisations, a quarter memberships of one network, a quarter activities of one plan, a
quarter *Wie* rows naming them — saves it, and times :func:`~ecosysteem.graph.workbook.import_workbook` against
the default graph (loaded once, not timed). It prints seconds, seconds per 1,000 rows and whether the import had
problems (it must have none). ``--profile`` prints the 25 most expensive functions of the largest size.

The target (issue 19): a 10,000-row workbook in at most 10 s.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from ecosysteem.graph.ecosystem import Ecosystem, load
from ecosysteem.graph.workbook import import_workbook, template_workbook


def _fill(ws: Any, records: list[dict[str, str]]) -> None:
    headers = {str(c.value).rstrip(" *"): c.column for c in ws[1] if c.value}
    for number, record in enumerate(records, start=2):
        for header, value in record.items():
            ws.cell(row=number, column=headers[header], value=value)


def build(eco: Ecosystem, rows: int, path: Path) -> Path:
    """Write a filled-in workbook of about ``rows`` data rows to ``path``."""
    quarter = max(1, rows // 4)
    book = template_workbook(eco)
    network = "Netwerk Palliatieve Zorg Benchland"
    _fill(book["Regio's"], [{"naam": "Benchland", "soort": "netwerkregio"}])
    _fill(book["Netwerken"], [{"naam": network, "regio's": "Benchland"}])
    _fill(book["Plannen"], [{"naam": "Jaarplan Benchland", "van": network, "begin": "2025"}])
    names = [f"Zorgorganisatie {i:05d} Benchland" for i in range(quarter)]
    _fill(book["Organisaties"], [{"naam": n, "type": "thuiszorg", "regio's": "Benchland"} for n in names])
    _fill(book["Lidmaatschappen"], [{"lid": n, "van": network} for n in names])
    activities = [f"Activiteit {i:05d}" for i in range(quarter)]
    _fill(
        book["Activiteiten"],
        [{"wat": a, "plan": "Jaarplan Benchland", "thema": "deskundigheidsbevordering"} for a in activities],
    )
    _fill(book["Wie"], [{"activiteit": a, "partij": n} for a, n in zip(activities, names, strict=True)])
    book.save(path)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", default="1000,10000", help="comma-separated numbers of data rows")
    parser.add_argument("--no-validate", action="store_true", help="skip the SHACL check of the import")
    parser.add_argument("--profile", action="store_true", help="profile the largest size")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.rows.split(",")]
    eco = load()
    print("| rows | seconds | s / 1,000 rows | problems |")
    print("| ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            path = build(eco, size, Path(folder) / f"bench-{size}.xlsx")
            profiler = cProfile.Profile() if args.profile and size == max(sizes) else None
            start = time.perf_counter()
            if profiler is not None:
                profiler.enable()
            result = import_workbook(path, context=eco, validate=not args.no_validate)
            if profiler is not None:
                profiler.disable()
            seconds = time.perf_counter() - start
            print(f"| {size:,} | {seconds:.1f} | {1000 * seconds / size:.2f} | {len(result.problems)} |")
            if result.problems:
                print("\n".join(str(p) for p in result.problems[:5]), file=sys.stderr)
            if profiler is not None:
                pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    return 0


if __name__ == "__main__":
    sys.exit(main())
