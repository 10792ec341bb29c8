"""Compare Virtuoso with the embedded store at scale: same gap findings and named-query rows, and the time each took.

Run on demand against a Virtuoso you started (see docs/stores.md for the grant)::

    python benchmarks/bench_virtuoso.py --url http://127.0.0.1:8890/sparql --organisations 10000

The suite (tests/test_virtuoso.py) compares a 300-organisation graph; this is the issue's 10,000. Any SPARQL
server that grants updates works the same way, e.g. ``oxigraph serve`` with ``--url http://HOST:PORT/query``. Virtuoso's
stock ``ResultSetMaxRows = 10000`` is too small for some answers at that size: those queries end in the store's
truncation error (named ``TRUNCATED`` below) until the setting is raised in ``[SPARQL]`` of ``virtuoso.ini``.
Loading adds the generated graph to what the server holds (the default data is skipped when unchanged).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import ecosysteem
from ecosysteem.analysis.gaps import find_gaps
from ecosysteem.analysis.queries import list_queries, query_strings
from ecosysteem.errors import QueryError
from ecosysteem.synthetic import write_synthetic

REFERENCE_DATE = "2026-01-01"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="Virtuoso's SPARQL URL (updates granted to the SPARQL user)")
    parser.add_argument("--organisations", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"generated-{args.organisations}.nt"
        with path.open("w", encoding="utf-8") as out:
            write_synthetic(out, args.organisations, seed=1)
        started = time.perf_counter()
        remote = ecosysteem.load(path, store=f"sparql:{args.url}")
        print(f"load into {args.url}: {time.perf_counter() - started:.1f} s, {len(remote)} triples")
        embedded = ecosysteem.load(path, store="oxigraph")
        for query in list_queries():
            ours = sorted(query_strings(embedded, query), key=str)
            started = time.perf_counter()
            try:
                theirs = sorted(query_strings(remote, query), key=str)
                verdict = "same" if theirs == ours else f"DIFFERENT ({len(theirs)} rows)"
            except QueryError as exc:
                verdict = "TRUNCATED" if "ResultSetMaxRows" in str(exc) else f"ERROR {exc}"
            print(f"{query.name:<36} {len(ours):7d} rows  {time.perf_counter() - started:6.2f} s  {verdict}")
        started = time.perf_counter()
        try:
            findings = find_gaps(remote, reference_date=REFERENCE_DATE)
            expected = find_gaps(embedded, reference_date=REFERENCE_DATE)
            verdict = "same" if findings == expected else f"DIFFERENT ({len(findings)} against {len(expected)})"
            print(f"gap report: {len(expected)} findings, {time.perf_counter() - started:.1f} s, {verdict}")
        except QueryError as exc:
            print(f"gap report: {exc}")


if __name__ == "__main__":
    main()
