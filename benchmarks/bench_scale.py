"""Benchmark ecosysteem at national scale: generation, load, the gap report, every gap type and named query, and
the network analytics, on every store backend, for synthetic graphs of several sizes and for the default data.

Run on demand (never in the test suite)::

    python benchmarks/bench_scale.py                          # 1k, 10k, 100k organisations + default data
    python benchmarks/bench_scale.py --sizes 1000 --timeout 60  # a quick run
    python benchmarks/bench_scale.py --backends oxigraph --sizes 100000
    python benchmarks/bench_scale.py --sparql http://127.0.0.1:7878/query   # also a live SPARQL endpoint

Every (size, backend) runs in its own process (a fresh interpreter, so one run's memory and caches do not
colour the next); each measurement inside it has a CPU-time limit (``--timeout``) and is reported as ``>T`` when
it hits it. The in-memory rdflib baseline is skipped above ``--rdflib-max`` organisations (its SPARQL engine
needs minutes per gap query there). The table prints CPU seconds of the worker (``--wall`` for wall-clock, which
a busy shared machine distorts far more), seconds per 1,000 organisations (a cost that grows linearly keeps this
constant across sizes) and the speed-up over the in-memory rdflib baseline of the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


class _Timeout(BaseException):  # not Exception: library code that wraps errors must let it through
    pass


@contextmanager
def _limit(seconds: float) -> Iterator[None]:
    """Interrupt the block after ``seconds`` of CPU (Python code stops at once, a native call when it returns)."""

    def _raise(_signum: int, _frame: Any) -> None:
        raise _Timeout

    # CPU time, not wall-clock: on a shared machine other people's jobs must not make a measurement time out.
    old = signal.signal(signal.SIGPROF, _raise)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, old)


# -- worker: one (data, backend) per process ---------------------------------------------------------------------


def _worker(args: argparse.Namespace) -> None:
    import ecosysteem
    from ecosysteem.analysis import list_queries, run_query
    from ecosysteem.analysis.gaps import GAP_TYPES, find_gaps

    def emit(name: str, seconds: float | None, status: str = "ok", detail: str = "", cpu: float | None = None) -> None:
        row = {"name": name, "seconds": seconds, "cpu": cpu, "status": status, "detail": detail}
        print(json.dumps(row), flush=True)

    def measure(name: str, fn: Callable[[], Any], limit: float | None = None) -> Any:
        start, cpu = time.perf_counter(), time.process_time()
        try:
            with _limit(limit or args.timeout):
                value = fn()
        except _Timeout:
            emit(name, None, "timeout")
            return None
        except Exception as exc:  # a failing step is a figure too; the run goes on
            emit(name, None, "error", f"{type(exc).__name__}: {' '.join(str(exc).split())[:160]}")
            return None
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        emit(name, seconds, "ok", _describe(value), cpu)  # describing (len of a store: a COUNT) is not timed
        return value

    files = [args.file] if args.file else []
    store = None if args.backend == "memory" else args.backend
    try:
        # Everything else needs the graph: loading gets ten times the limit.
        eco = measure(
            "load",
            lambda: ecosysteem.load(*files, store=store) if store else ecosysteem.load(*files),
            10 * args.timeout,
        )
    except TypeError:  # a build without store backends
        emit("load", None, "unavailable", "ecosysteem.load() has no store= parameter")
        return
    if eco is None:
        return
    measure("gap report (all types)", lambda: find_gaps(eco, reference_date="2026-01-01"))
    for gap in GAP_TYPES:
        measure(f"gap: {gap.id}", lambda gap=gap: find_gaps(eco, [gap.id], reference_date="2026-01-01"))
    for query in list_queries():
        if any(not p.optional for p in query.parameters):
            continue
        measure(f"query: {query.name}", lambda query=query: len(list(run_query(eco, query))))
    from ecosysteem.analysis import metrics, network

    graph = measure("analytics: collaboration_graph", lambda: network.collaboration_graph(eco))
    if graph is not None:
        k: Any = "auto" if args.k is None else (args.k if graph.number_of_nodes() > args.k else None)
        shown = metrics.sample_size(graph) if k == "auto" else k
        measure(f"analytics: centrality (k={shown or 'exact'})", lambda: metrics.centrality(graph, k=k))
        measure("analytics: articulation_points", lambda: metrics.articulation_points(graph))
        measure("analytics: articulation_splits", lambda: metrics.articulation_splits(graph))
        measure("analytics: bridges", lambda: metrics.bridges(graph))
        measure("analytics: density_by network", lambda: metrics.density_by(graph))
        measure("analytics: communities", lambda: metrics.communities(graph))
    measure("analytics: bipartite_graph", lambda: network.bipartite_graph(eco))
    measure("analytics: level_graph", lambda: network.level_graph(eco))
    from ecosysteem.output.html import bijenkorf_html, network_html

    measure("html: network view", lambda: len(network_html(eco)))
    measure("html: bijenkorf view", lambda: len(bijenkorf_html(eco)))
    if args.backend == "oxigraph":
        _persistent(eco, files, measure)


def _persistent(eco: Any, files: list[str], measure: Callable[..., Any]) -> None:
    """Load into an Oxigraph store on disk, close it, and time reopening it (and a first query)."""
    import tempfile

    import ecosysteem
    from ecosysteem.graph import Ecosystem

    with tempfile.TemporaryDirectory(prefix="bench-oxigraph-") as folder:
        stored = measure("oxigraph on disk: load", lambda: ecosysteem.load(*files, store=f"oxigraph:{folder}/db"))
        if stored is None:
            return
        stored.close()
        again = measure("oxigraph on disk: reopen", lambda: Ecosystem.open(f"oxigraph:{folder}/db"))
        if again is not None:
            measure("oxigraph on disk: count triples", lambda: len(again))
            again.close()


def _describe(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, int):
        return f"{value} rows"
    if hasattr(value, "number_of_nodes"):
        return f"{value.number_of_nodes()} nodes, {value.number_of_edges()} edges"
    if isinstance(value, list):
        return f"{len(value)} results"
    try:
        return f"{len(value)} triples"
    except TypeError:
        return ""


# -- driver ------------------------------------------------------------------------------------------------------


def _run_worker(file: Path | None, backend: str, args: argparse.Namespace) -> list[dict[str, Any]]:
    cmd = [sys.executable, __file__, "--worker", "--backend", backend, "--timeout", str(args.timeout)]
    cmd += (["--k", str(args.k)] if args.k is not None else []) + (["--file", str(file)] if file else [])
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    rows: list[dict[str, Any]] = []
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("{"):
            row = json.loads(line)
            rows.append(row)
            shown = f"{row['seconds']:.3f} s" if row["seconds"] is not None else row["status"]
            if row.get("cpu") is not None:
                shown += f" (cpu {row['cpu']:.3f})"
            print(f"    {backend:>10} {row['name']:<48} {shown:>12}  {row['detail']}", flush=True)
    err = proc.stderr.read() if proc.stderr else ""
    if proc.wait() != 0:
        print(f"    {backend}: worker failed: {err.strip().splitlines()[-1] if err.strip() else proc.returncode}")
    return rows


def _cli_startup(repeat: int = 5) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds of ``ecosysteem --help``, ``repeat`` times."""
    exe = Path(sys.executable).with_name("ecosysteem")
    cmd = [str(exe), "--help"] if exe.exists() else [sys.executable, "-m", "ecosysteem", "--help"]
    wall, cpu = [], []
    for _ in range(repeat):
        before, start = os.times(), time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        after = os.times()
        wall.append(time.perf_counter() - start)
        cpu.append(after.children_user + after.children_system - before.children_user - before.children_system)
    return wall, cpu


def _fmt(seconds: float | None, status: str, timeout: float) -> str:
    if seconds is None:
        return {"timeout": f">{timeout:g}", "unavailable": "n/a"}.get(status, status)
    return f"{seconds:.3f}" if seconds < 10 else f"{seconds:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", default="1000,10000,100000", help="organisation counts, comma-separated")
    parser.add_argument("--backends", default="memory,oxigraph", help="stores to try, comma-separated")
    parser.add_argument("--sparql", default=None, help="also benchmark this SPARQL endpoint (sparql:URL store)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per measurement")
    parser.add_argument("--rdflib-max", type=int, default=10000, help="skip in-memory rdflib above this size")
    parser.add_argument(
        "--k", type=int, default=None, help="betweenness sample size (default: the library's automatic choice)"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-default-data", action="store_true", help="skip the default-data run")
    parser.add_argument("--wall", action="store_true", help="tabulate wall-clock instead of CPU seconds")
    parser.add_argument("--json", type=Path, default=None, help="also write every figure to this JSON file")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--file", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--backend", default="memory", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        _worker(args)
        return

    from ecosysteem.synthetic import generate

    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    if args.sparql:
        backends.append(f"sparql:{args.sparql}")
    print(f"ecosysteem scale benchmark — {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    startup, startup_cpu = _cli_startup()
    print(
        f"CLI start-up `ecosysteem --help`: wall median {statistics.median(startup):.3f} s, best {min(startup):.3f} s;"
        f" CPU median {statistics.median(startup_cpu):.3f} s\n"
    )

    results: dict[tuple[str, str], dict[str, dict[str, Any]]] = {}
    gen_times: dict[int, tuple[float, int]] = {}
    with tempfile.TemporaryDirectory(prefix="ecosysteem-bench-") as tmp:
        datasets: list[tuple[str, int | None, Path | None]] = []
        if not args.no_default_data:
            datasets.append(("default", None, None))
        for n in sizes:
            path = Path(tmp) / f"synthetic-{n}.nt"
            start = time.perf_counter()
            triples = generate(path, n, seed=args.seed)
            gen_times[n] = (time.perf_counter() - start, triples)
            print(
                f"generate {n} organisations: {gen_times[n][0]:.2f} s, {triples} triples, "
                f"{path.stat().st_size / 1e6:.0f} MB"
            )
            datasets.append((f"{n}", n, path))
        for label, n, path in datasets:
            print(f"\n== {label} ==")
            for backend in backends:
                if backend == "memory" and n is not None and n > args.rdflib_max:
                    print(f"    {backend:>10} skipped: rdflib above --rdflib-max {args.rdflib_max} organisations")
                    continue
                rows = _run_worker(path, backend, args)
                if rows and rows[0]["status"] == "unavailable":
                    print(f"    {backend:>10} unavailable in this build: {rows[0]['detail']}")
                    continue
                if rows and rows[0]["status"] == "error" and rows[0]["name"] == "load":
                    print(f"    {backend:>10} not usable here: {rows[0]['detail']}")
                    continue
                results[label, backend] = {r["name"]: r for r in rows}

    _print_table(
        datasets_labels=[d[0] for d in datasets],
        sizes={d[0]: d[1] for d in datasets},
        backends=backends,
        results=results,
        gen_times=gen_times,
        timeout=args.timeout,
        metric="seconds" if args.wall else "cpu",
    )
    if args.json:
        payload = {
            "cli_startup": {"wall": startup, "cpu": startup_cpu},
            "generate": {str(n): {"seconds": s, "triples": t} for n, (s, t) in gen_times.items()},
            "results": {f"{d}|{b}": rows for (d, b), rows in results.items()},
        }
        args.json.write_text(json.dumps(payload, indent=2), encoding="utf-8")


def _print_table(
    datasets_labels: list[str],
    sizes: dict[str, int | None],
    backends: list[str],
    results: dict[tuple[str, str], dict[str, dict[str, Any]]],
    gen_times: dict[int, tuple[float, int]],
    timeout: float,
    metric: str = "cpu",
) -> None:
    what = "CPU seconds of the worker process" if metric == "cpu" else "wall-clock seconds"
    print(f"\n## Results ({what}; s/1k = per 1,000 organisations; × = speed-up over in-memory rdflib)\n")
    if gen_times:
        print("| organisations | triples | generate s | s/1k |")
        print("|---:|---:|---:|---:|")
        for n, (s, t) in gen_times.items():
            print(f"| {n} | {t} | {s:.2f} | {s / n * 1000:.4f} |")
        print()
    names: list[str] = []
    for rows in results.values():
        names.extend(n for n in rows if n not in names)
    for label in datasets_labels:
        present = [b for b in backends if (label, b) in results]
        if not present:
            continue
        n = sizes[label]
        title = "default data" if n is None else f"{n} organisations"
        print(f"### {title}\n")
        head = "| measurement | " + " | ".join(
            f"{b} s" + ("" if n is None else f" | {b} s/1k") + ("" if b == "memory" else f" | {b} ×") for b in present
        )
        print(head + " |")
        print("|---" * (head.count("|") - 0) + "|")
        base = results.get((label, "memory"), {})
        for name in names:
            cells = []
            for b in present:
                row = results[label, b].get(name)
                sec, status = (row[metric], row["status"]) if row else (None, "—")
                cells.append(_fmt(sec, status, timeout))
                if n is not None:
                    cells.append(f"{sec / n * 1000:.4f}" if sec is not None else "")
                if b != "memory":
                    ref_row = base.get(name, {})
                    ref = ref_row.get(metric)
                    if ref and sec:
                        cells.append(f"{ref / sec:.0f}×" if ref / sec >= 2 else f"{ref / sec:.1f}×")
                    elif sec and ref_row.get("status") == "timeout":
                        cells.append(f">{timeout / sec:.0f}×")
                    else:
                        cells.append("")
            print(f"| {name} | " + " | ".join(cells) + " |")
        print()


if __name__ == "__main__":
    main()
