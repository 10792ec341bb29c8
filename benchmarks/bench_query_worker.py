"""Benchmark the cost of a query time limit: the same named queries run directly and in the forked worker.

Run on demand: ``python benchmarks/bench_query_worker.py [--organisations 10000] [--repeat 3]``. With a limit
(``run_query(…, timeout=…)``, the ``query`` command's default) the query runs in a forked copy of the process that
is killed when the time is up; the copy costs a fork and the answer's trip through a pipe. This prints, per store
(rdflib in memory, Oxigraph in memory) and per query, the best of ``--repeat`` runs without and with the worker,
and the difference. The graph is the default data plus a synthetic ecosystem of ``--organisations``.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import ecosysteem
from ecosysteem.analysis.queries import run_query
from ecosysteem.synthetic import write_synthetic

QUERIES = ["networks-with-records", "activity-ownership", "network-theme-activities", "gap-loop-not-served"]


def best(fn: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--organisations", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "generated.nt"
        with path.open("w", encoding="utf-8") as out:
            write_synthetic(out, args.organisations, seed=1)
        print(f"{args.organisations} organisations; best of {args.repeat}; seconds")
        print(f"{'store':<9} {'query':<28} {'direct':>8} {'worker':>8} {'extra':>8} {'rows':>7}")
        for store in ("memory", "oxigraph"):
            eco = ecosysteem.load(path, store=store)
            for name in QUERIES:
                rows = len(run_query(eco, name))
                direct = best(lambda eco=eco, name=name: list(run_query(eco, name)), args.repeat)
                worker = best(lambda eco=eco, name=name: list(run_query(eco, name, timeout=600)), args.repeat)
                print(f"{store:<9} {name:<28} {direct:8.3f} {worker:8.3f} {worker - direct:+8.3f} {rows:7d}")
            eco.close()


if __name__ == "__main__":
    main()
