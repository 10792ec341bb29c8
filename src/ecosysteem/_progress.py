"""Progress reporting for long operations, silent unless a caller asks for it.

Library code marks a long operation with :func:`task`; nothing is shown unless a *reporter* is installed with
:func:`reporting`. The command line installs one that draws a click progress bar on a terminal (and none when
stderr is not a terminal or ``--quiet`` is given), so scripts and tests stay quiet by default.

>>> seen = []
>>> @contextlib.contextmanager
... def reporter(label, total):
...     yield lambda n: seen.append((label, n))
>>> with reporting(reporter), task("counting", 3) as advance:
...     for _ in range(3):
...         advance(1)
>>> seen
[('counting', 1), ('counting', 1), ('counting', 1)]
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from contextvars import ContextVar

__all__ = ["Advance", "Reporter", "reporting", "task"]

Advance = Callable[[int], None]
"""Called with the amount of work just done (items, bytes …)."""

Reporter = Callable[[str, int], AbstractContextManager[Advance]]
"""Given a label and the total amount of work, a context manager that yields an :data:`Advance`."""

_REPORTER: ContextVar[Reporter | None] = ContextVar("ecosysteem_progress_reporter", default=None)


def _ignore(_amount: int) -> None:
    return None


@contextlib.contextmanager
def task(label: str, total: int) -> Iterator[Advance]:
    """Mark a long operation of ``total`` units; yields a function to call with the units done so far.

    Without an installed reporter this costs nothing and shows nothing.
    """
    reporter = _REPORTER.get()
    if reporter is None or total <= 0:
        yield _ignore
        return
    with reporter(label, total) as advance:
        yield advance


@contextlib.contextmanager
def reporting(reporter: Reporter | None) -> Iterator[None]:
    """Show progress with ``reporter`` inside the ``with`` block (``None``: show nothing)."""
    token = _REPORTER.set(reporter)
    try:
        yield
    finally:
        _REPORTER.reset(token)
