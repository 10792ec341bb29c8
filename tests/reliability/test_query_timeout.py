"""Issue 19 item 3: queries end. A three-way cartesian product ran for ever; now it stops at the time limit.

The query runs in a worker process that is killed at the limit, so nothing keeps burning CPU after the error
(rdflib and Oxigraph cannot be interrupted from Python). The ``query`` command has a limit by default (60 s);
library calls have one only when asked, so the gap report pays nothing for it.
"""

from __future__ import annotations

import multiprocessing
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import ecosysteem
from ecosysteem.analysis import queries
from ecosysteem.analysis.queries import load_query_file, query_strings, run_query
from ecosysteem.cli import cli
from ecosysteem.errors import QueryError, QueryTimeout
from ecosysteem.graph import Ecosystem

CARTESIAN = "# title: for ever\nSELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }\n"


@pytest.fixture(scope="module", params=["memory", "oxigraph", "oxigraph-disk"])
def store_eco(
    request: pytest.FixtureRequest, eco: Ecosystem, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Ecosystem]:
    if request.param == "memory":
        yield eco
        return
    spec = "oxigraph" if request.param == "oxigraph" else f"oxigraph:{tmp_path_factory.mktemp('disk')}"
    loaded = ecosysteem.load(store=spec)
    yield loaded
    loaded.close()


@pytest.fixture
def cartesian(tmp_path: Path) -> Any:
    path = tmp_path / "cartesian.rq"
    path.write_text(CARTESIAN, encoding="utf-8")
    return load_query_file(path)


def test_a_query_that_never_ends_is_stopped(store_eco: Ecosystem, cartesian: Any) -> None:
    threads = set(threading.enumerate())
    with pytest.raises(QueryTimeout, match=r"within 1 s .*--timeout") as caught:
        run_query(store_eco, cartesian, timeout=1)
    assert caught.value.seconds == 1 and "--timeout" in caught.value.message("nl")
    with pytest.raises(QueryTimeout):
        query_strings(store_eco, cartesian, timeout=0.5)
    # Nothing is left running: the worker process is gone and no thread was left behind.
    assert multiprocessing.active_children() == []
    assert set(threading.enumerate()) <= threads
    # The store still answers, with the same result with or without a worker.
    quick = "SELECT ?n WHERE { ?n a ez:Network } ORDER BY ?n"
    named = load_query_file(Path("quick.rq"), quick)
    assert list(run_query(store_eco, named, timeout=30)) == list(run_query(store_eco, named))


def test_errors_in_the_worker_reach_the_caller(eco: Ecosystem) -> None:
    bad = load_query_file(Path("bad.rq"), "SELECT ?x WHERE { ?x ")
    # rdflib says it does not parse; Oxigraph (the default store) names the query that failed
    with pytest.raises(QueryError, match=r"does not parse|query 'bad' failed"):
        run_query(eco, bad, timeout=10)


@pytest.mark.parametrize(("lang", "words"), [("nl", "geef meer tijd met --timeout"), ("en", "allow more time")])
def test_cli_stops_the_query_and_says_how_to_allow_more_time(tmp_path: Path, lang: str, words: str) -> None:
    path = tmp_path / "cartesian.rq"
    path.write_text(CARTESIAN, encoding="utf-8")
    result = CliRunner().invoke(cli, ["--store", "oxigraph", "query", str(path), "--timeout", "1", "--lang", lang])
    assert result.exit_code == 1 and words in result.stderr and "Traceback" not in result.stderr  # not a usage error
    assert multiprocessing.active_children() == []


def test_cli_has_a_time_limit_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[Any] = []
    real = queries.run_query

    def spy(*args: Any, **kwargs: Any) -> Any:
        seen.append(kwargs.get("timeout"))
        return real(*args, **kwargs)

    monkeypatch.setattr(queries, "run_query", spy)
    assert CliRunner().invoke(cli, ["query", "networks-with-records"]).exit_code == 0
    assert CliRunner().invoke(cli, ["query", "networks-with-records", "--timeout", "0"]).exit_code == 0
    assert seen == [60, None]


def test_without_fork_the_caller_still_gets_its_error_on_time(monkeypatch: pytest.MonkeyPatch) -> None:
    # Windows and macOS: the query runs in a daemon thread; the caller is not held, the thread ends with its work.
    from ecosysteem.graph import worker

    monkeypatch.setattr(worker, "_can_fork", lambda: False)
    with pytest.raises(QueryTimeout, match=r"within 0\.2 s"):
        worker.call_with_timeout(lambda: time.sleep(2), 0.2, name="slow")
    assert worker.call_with_timeout(lambda: 42, 5) == 42
    with pytest.raises(QueryError, match="boom"):
        worker.call_with_timeout(lambda: (_ for _ in ()).throw(QueryError("boom", nl="boem")), 5)
