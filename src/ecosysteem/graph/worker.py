"""Run a query with a time limit: in a worker process that is killed when the limit passes.

Neither rdflib nor Oxigraph can stop a query once it runs (a cartesian product runs for ever, inside Rust where
no Python signal reaches it), so a query with a time limit runs in a forked copy of this process. The copy shares
the loaded graph with the parent (copy-on-write, nothing is reloaded), sends the answer back through a pipe, and is
killed when the limit passes: nothing keeps burning CPU after the error. Forking costs a few milliseconds (see
``benchmarks/bench_query_worker.py``), so the worker is used only when a limit is set: the ``query`` command sets
one by default, library calls (the gap report) do not.

Where ``fork`` is not available (Windows, macOS' default), the query runs in a daemon thread instead: the caller
gets its error on time, and the abandoned query ends with the process.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import warnings
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from rdflib import Graph
from rdflib.query import Result

from ecosysteem.errors import EcosysteemError, QueryError, QueryTimeout

__all__ = ["call_with_timeout", "portable_result", "rebuilt_result"]

T = TypeVar("T")


def timeout_error(seconds: float, name: str | None) -> QueryTimeout:
    """The error for a query stopped after ``seconds``, saying how to allow more time (English and Dutch)."""
    what_en = f"query {name!r}" if name else "the query"
    what_nl = f"query {name!r}" if name else "de query"
    return QueryTimeout(
        f"{what_en} did not end within {seconds:g} s and was stopped; allow more time with --timeout SECONDS "
        "(Python: timeout=SECONDS), or --timeout 0 for no limit",
        seconds=seconds,
        nl=f"{what_nl} was na {seconds:g} s niet klaar en is gestopt; geef meer tijd met --timeout "
        "SECONDEN (Python: timeout=SECONDEN), of --timeout 0 voor geen limiet",
    )


def _can_fork() -> bool:
    return hasattr(os, "fork") and sys.platform != "darwin"


def call_with_timeout(fn: Callable[[], T], seconds: float, *, name: str | None = None) -> T:
    """Return ``fn()``, computed in a worker that is stopped after ``seconds``; then raise :class:`QueryTimeout`.

    ``fn``'s answer must be picklable (see :func:`portable_result`). An :class:`EcosysteemError` it raises is
    raised here; any other exception becomes a :class:`QueryError`.

    >>> call_with_timeout(lambda: 6 * 7, 10)
    42
    """
    if seconds <= 0:
        return fn()
    if not _can_fork():
        return _in_thread(fn, seconds, name)
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(fn, send), daemon=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # Python 3.12+ warns about fork with threads running
        process.start()
    send.close()
    try:
        if not receive.poll(seconds):
            raise timeout_error(seconds, name)
        ok, payload = receive.recv()
    except EOFError:
        process.join(5)
        raise QueryError(
            f"the query worker ended without an answer (exit status {process.exitcode}); "
            "was the machine out of memory?",
            nl=f"het hulpproces van de query stopte zonder antwoord (afsluitstatus {process.exitcode}); was het "
            "geheugen van de computer vol?",
        ) from None
    finally:
        if process.is_alive():
            process.kill()
        process.join()
        receive.close()
    if ok:
        return payload  # type: ignore[no-any-return]
    raise payload


def _child(fn: Callable[[], Any], send: Connection) -> None:
    try:
        answer: tuple[bool, Any] = (True, fn())
    except EcosysteemError as exc:
        answer = (False, exc)
    except Exception as exc:  # everything reaches the parent as one clear error
        answer = (False, QueryError.failed(None, exc))
    try:
        send.send(answer)
    except Exception as exc:  # an answer that cannot be pickled
        send.send(
            (
                False,
                QueryError(
                    f"the query's answer could not be returned ({exc})",
                    nl=f"het antwoord van de query kon niet worden teruggegeven ({exc})",
                ),
            )
        )
    send.close()


def _in_thread(fn: Callable[[], T], seconds: float, name: str | None) -> T:
    box: list[tuple[bool, Any]] = []

    def run() -> None:
        try:
            box.append((True, fn()))
        except BaseException as exc:  # handed to the caller's thread
            box.append((False, exc))

    thread = threading.Thread(target=run, name="ecosysteem-query", daemon=True)
    thread.start()
    thread.join(seconds)
    if not box:
        raise timeout_error(seconds, name)
    ok, payload = box[0]
    if ok:
        return payload  # type: ignore[no-any-return]
    raise payload


def portable_result(result: Result) -> tuple[str, Any, Any]:
    """A query result as plain data that pickles: ``(type, variables, rows | triples | answer)``."""
    if result.type == "ASK":
        return "ASK", None, bool(result.askAnswer)
    if result.type in {"CONSTRUCT", "DESCRIBE"}:
        assert result.graph is not None
        return result.type, None, list(result.graph)
    variables = list(result.vars or [])
    return "SELECT", variables, [tuple(row) for row in result]  # type: ignore[arg-type]


def rebuilt_result(portable: tuple[str, Any, Any]) -> Result:
    """The :class:`~rdflib.query.Result` that :func:`portable_result` took apart."""
    kind, variables, payload = portable
    result = Result(kind)
    if kind == "ASK":
        result.askAnswer = payload
    elif kind in {"CONSTRUCT", "DESCRIBE"}:
        graph = Graph()
        for triple in payload:
            graph.add(triple)
        result.graph = graph
    else:
        result.vars = variables
        result.bindings = [
            {var: value for var, value in zip(variables, row, strict=True) if value is not None} for row in payload
        ]
    return result
