"""Benchmark every command of the command line at national scale, against the least any command must pay.

Run on demand (never in the test suite)::

    python benchmarks/bench_commands.py                      # 14,000 organisations
    python benchmarks/bench_commands.py --sizes 14000,100000 # and the 100k stress test
    python benchmarks/bench_commands.py --store memory        # on another store (default: the CLI's default)
    python benchmarks/bench_commands.py --only info,validate  # some commands only

For each size it generates a synthetic national ecosystem (``ecosysteem generate``, Turtle) and then, each in a
fresh process, runs:

- **the floor**: a bare Python process that bulk-loads the same Turtle file into pyoxigraph and counts its
  triples — what any command that reads the file must pay at least;
- every command as a user types it, ``ecosysteem --data FILE [--store S] COMMAND …`` (with the defaults loaded).

It prints a Markdown table: wall-clock seconds, the ratio to the floor measured in the same run (the target is
10×), the peak resident memory of the process (``ru_maxrss`` of the child, from ``os.wait4``) and the exit code
(``validate`` exits 1 when the synthetic graph has violations; any other non-zero code is an error and its
stderr is shown). ``--repeat N`` runs each N times and keeps the fastest (a shared machine is noisy).
``--baseline SRC`` also runs each command from another checkout's ``src/`` (say, the commit before a change),
right before this one, so the before/after table shares one floor and one machine load.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FLOOR = """
import sys, pyoxigraph
store = pyoxigraph.Store()
with open(sys.argv[1], "rb") as handle:
    store.bulk_load(input=handle, format=pyoxigraph.RdfFormat.TURTLE)
print(len(store))
"""

COMMANDS: dict[str, list[str]] = {
    "info": ["info"],
    "validate": ["validate"],
    "gaps": ["gaps"],
    "analyse centrality": ["analyse", "centrality"],
    "analyse compare": ["analyse", "compare"],
    "report": ["report", "-o", "{out}/site"],
    "export graphml": ["export", "--format", "graphml", "-o", "{out}/graph.graphml"],
    "export fhir": ["export", "--format", "fhir", "-o", "{out}/bundle.json"],
    "export csv": ["export", "--format", "csv", "-o", "{out}/tables.zip"],
    "query networks-with-records": ["query", "networks-with-records"],
}


def run(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, int, int, str]:
    """Run ``argv``; return (wall seconds, peak RSS in MB, exit code, the end of stderr)."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=err, env=env)
        _pid, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        err.seek(0)
        tail = err.read().decode("utf-8", "replace").strip().splitlines()[-1:]
    code = os.waitstatus_to_exitcode(status)
    return seconds, usage.ru_maxrss // 1024, code, tail[0] if tail else ""


def best(argv: list[str], repeat: int, env: dict[str, str] | None = None) -> tuple[float, int, int, str]:
    runs = [run(argv, env) for _ in range(repeat)]
    return min(runs, key=lambda r: r[0])


def bench_size(organisations: int, args: argparse.Namespace, folder: Path) -> None:
    exe = [sys.executable, "-c", "from ecosysteem.cli import main; main()"]
    data = folder / f"nl-{organisations}.ttl"
    generate = [*exe, "generate", "-n", str(organisations), "--seed", str(args.seed), "-o", str(data)]
    seconds, _, code, tail = run(generate)
    if code:
        sys.exit(f"generate failed: {tail}")
    floor, floor_mb, _, _ = best([sys.executable, "-c", FLOOR, str(data)], args.repeat)
    size = data.stat().st_size / 1e6
    print(f"\n## {organisations:,} organisations ({size:.1f} MB Turtle, generated in {seconds:.1f} s)")
    print(f"\nfloor (bare pyoxigraph bulk load + count): {floor:.2f} s, {floor_mb} MB\n")
    baseline = args.baseline is not None
    if baseline:
        print("| command | before s | × floor | peak MB | after s | × floor | peak MB | exit |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
    else:
        print("| command | seconds | × floor | peak MB | exit |")
        print("|---|---:|---:|---:|---:|")
    store = ["--store", args.store] if args.store else []
    only = set(args.only.split(",")) if args.only else None
    for name, command in COMMANDS.items():
        if only and name not in only and name.split()[0] not in only:
            continue
        out = folder / name.replace(" ", "-")
        out.mkdir(exist_ok=True)
        argv = [*exe, "--quiet", "--data", str(data), *store, *(part.format(out=out) for part in command)]
        cells = ""
        if baseline:
            old_store = ["--store", args.baseline_store] if args.baseline_store else []
            old_argv = [*exe, "--quiet", "--data", str(data), *old_store, *(part.format(out=out) for part in command)]
            old = best(old_argv, args.repeat, env={**os.environ, "PYTHONPATH": args.baseline})
            cells = f"{old[0]:.2f} | {old[0] / floor:.1f}× | {old[1]} | "
        seconds, mb, code, tail = best(argv, args.repeat)
        note = f" ({tail[:100]})" if code not in (0, 1) else ""
        print(f"| {name} | {cells}{seconds:.2f} | {seconds / floor:.1f}× | {mb} | {code}{note} |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="14000", help="organisation counts, comma-separated (default 14000)")
    parser.add_argument("--store", default="", help="a --store spec (default: the command line's default store)")
    parser.add_argument("--only", default="", help="commands to run, comma-separated (e.g. info,export)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per command; the fastest counts")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--baseline",
        metavar="SRC",
        help="also run each command from another source tree (its src/ folder, put first on PYTHONPATH), "
        "alternating with this one: a before/after table measured in one run",
    )
    parser.add_argument("--baseline-store", default="", help="the --store spec for the baseline runs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-commands-") as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            bench_size(size, args, Path(tmp))


if __name__ == "__main__":
    main()
