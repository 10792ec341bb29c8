"""A second real SPARQL server: Virtuoso Open Source from the Debian package, with its stock ``virtuoso.ini``.

The session starts ``virtuoso-t`` once, on private loopback ports, in a temporary directory (the stock ini copied
there with its paths and ports changed, nothing else), grants SPARQL Update to the SPARQL user, and asserts the
same gap findings and named-query rows as the embedded store — on the default data and on a generated graph
(300 organisations here, to keep the suite fast; ``benchmarks/bench_virtuoso.py`` compares 10,000). Virtuoso's
stock ``ResultSetMaxRows = 10000`` cuts answers short: the store detects it and names the setting.

Not installed: the tests are skipped with the command that installs it (``apt-get install
virtuoso-opensource``); see docs/stores.md.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

import ecosysteem
from ecosysteem.analysis.gaps import Finding, find_gaps
from ecosysteem.analysis.queries import list_queries, load_query_file, query_strings, run_query
from ecosysteem.errors import QueryError
from ecosysteem.graph import Ecosystem
from ecosysteem.synthetic import write_synthetic
from localservers import free_port, stop, wait_for_port

REFERENCE_DATE = "2026-01-01"
STOCK_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
INSTALL = "install it with: apt-get install virtuoso-opensource (Debian/Ubuntu); see docs/stores.md"
GENERATED_ORGANISATIONS = 300


def private_ini(stock: str, folder: Path, sql_port: int, http_port: int) -> str:
    """The stock ini with its database files in ``folder`` and its two servers on loopback ports; nothing else."""
    text = stock.replace("/var/lib/virtuoso-opensource-7/db", str(folder))
    text = re.sub(r"(?m)^(\s*ServerPort\s*=\s*)1111\b", rf"\g<1>127.0.0.1:{sql_port}", text)
    text = re.sub(r"(?m)^(\s*ServerPort\s*=\s*)8890\b", rf"\g<1>127.0.0.1:{http_port}", text)
    return re.sub(r"(?m)^(\s*DirsAllowed\s*=\s*)", rf"\g<1>{folder}, ", text)


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Start Virtuoso once per session; grant SPARQL Update to the SPARQL user; yield its SPARQL URL; stop it."""
    binary, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    if binary is None or isql is None or not STOCK_INI.is_file():
        pytest.skip(f"Virtuoso (virtuoso-t, isql-vt, {STOCK_INI}) is not installed; {INSTALL}")
    folder = tmp_path_factory.mktemp("virtuoso")
    sql_port, http_port = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(private_ini(STOCK_INI.read_text(encoding="utf-8"), folder, sql_port, http_port), encoding="utf-8")
    log = folder / "console.log"
    with log.open("wb") as output:
        process = subprocess.Popen([binary, "-f", "-c", str(ini)], cwd=folder, stdout=output, stderr=output)
    try:
        wait_for_port(http_port, process, log, "Virtuoso", seconds=60)
        wait_for_port(sql_port, process, log, "Virtuoso", seconds=60)
        grant = "GRANT SPARQL_UPDATE TO \"SPARQL\"; DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);"
        done = subprocess.run(
            [isql, f"127.0.0.1:{sql_port}", "dba", "dba", f"exec={grant}"], capture_output=True, timeout=60, check=False
        )
        assert done.returncode == 0, done.stdout.decode(errors="replace")[-300:]
        yield f"http://127.0.0.1:{http_port}/sparql"
    finally:
        stop(process, seconds=30)


def _rows(eco: Ecosystem) -> dict[str, list[tuple[str | None, ...]]]:
    return {q.name: sorted(query_strings(eco, q), key=str) for q in list_queries()}


@pytest.fixture(scope="module")
def on_default(virtuoso: str) -> tuple[Ecosystem, list[Finding], dict[str, list[tuple[str | None, ...]]]]:
    """The default data on Virtuoso: the store, its findings and every named query's rows (computed first)."""
    remote = ecosysteem.load(store=f"sparql:{virtuoso}")
    return remote, find_gaps(remote, reference_date=REFERENCE_DATE), _rows(remote)


def test_same_findings_and_rows_as_embedded_on_the_default_data(
    eco: Ecosystem, on_default: tuple[Ecosystem, list[Finding], dict[str, list[tuple[str | None, ...]]]]
) -> None:
    remote, findings, rows = on_default
    assert len(remote) == len(eco)
    expected = find_gaps(eco, reference_date=REFERENCE_DATE)
    assert len(findings) == len(expected) > 50
    assert findings == expected
    assert rows == _rows(eco)
    assert len(rows["collaboration-activities"]) == 59  # 0 on Virtuoso before


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("generated") / f"generated-{GENERATED_ORGANISATIONS}.nt"
    with path.open("w", encoding="utf-8") as out:
        write_synthetic(out, GENERATED_ORGANISATIONS, seed=1)
    return path


def test_same_findings_and_rows_as_embedded_on_a_generated_graph(
    virtuoso: str, on_default: object, generated: Path
) -> None:
    # Loaded in chunks (Virtuoso refuses one update of 10 MB, and its SPARQL compiler runs out well before).
    remote = ecosysteem.load(generated, store=f"sparql:{virtuoso}")
    embedded = ecosysteem.load(generated, store="oxigraph")
    # Over 10,000 triples: the copy of the graph is fetched in pages of Virtuoso's cap, whole.
    assert len(remote) == len(embedded) > 10_000
    assert len(remote.graph) == len(embedded.graph)
    assert find_gaps(remote, reference_date=REFERENCE_DATE) == find_gaps(embedded, reference_date=REFERENCE_DATE)
    assert _rows(remote) == _rows(embedded)


def test_a_truncated_answer_is_an_error_naming_the_setting(virtuoso: str, on_default: object) -> None:
    remote = ecosysteem.load(store=f"sparql:{virtuoso}")
    everything = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
    assert len(remote) > 10_000  # the default data and the generated graph of the test above, or the defaults
    with pytest.raises(QueryError, match=r"sent 10,000 rows but counts [\d,]+.*ResultSetMaxRows in the \[SPARQL\]"):
        remote.query(everything)


def test_the_private_ini_changes_only_paths_and_ports() -> None:
    if not STOCK_INI.is_file():
        pytest.skip(f"Virtuoso is not installed; {INSTALL}")
    stock = STOCK_INI.read_text(encoding="utf-8")
    ours = private_ini(stock, Path("/tmp/v"), 1234, 5678)
    changed = [(a, b) for a, b in zip(stock.splitlines(), ours.splitlines(), strict=True) if a != b]
    assert all("/tmp/v" in b or "127.0.0.1:" in b for _a, b in changed)
    assert "ResultSetMaxRows           = 10000" in ours


def test_every_query_form_on_virtuoso(virtuoso: str, eco: Ecosystem) -> None:
    # Virtuoso answers a CONSTRUCT with JSON rows when JSON is acceptable: the store asks a graph for a graph.
    remote = ecosysteem.load(store=f"sparql:{virtuoso}")
    construct = load_query_file(Path("networks.rq"), "CONSTRUCT { ?n a ez:Network } WHERE { ?n a ez:Network }")
    remote_graph, local_graph = run_query(remote, construct).graph, run_query(eco, construct).graph
    assert remote_graph is not None and local_graph is not None
    assert set(remote_graph) >= set(local_graph) and len(local_graph) > 40
    twente = load_query_file(Path("twente.rq"), "DESCRIBE <https://w3id.org/ecosysteem/id/network/twente>")
    described = run_query(remote, twente).graph
    assert described is not None and len(described) > 3
    assert run_query(remote, load_query_file(Path("yes.rq"), "ASK { ?n a ez:Network }")).askAnswer is True
