"""Exceptions raised by ecosysteem.

The exception tree::

    EcosysteemError              base class; catch this to handle every ecosysteem error
    ├── ResourceError            a packaged file (ontology, dataset, query, template) is missing
    ├── DataError                a data file cannot be read
    │   └── ParseError           the file does not parse; carries ``path`` and ``line``
    ├── ModelError               a model instance cannot be built from the graph
    ├── QueryError               a SPARQL query is unknown, malformed or got a bad parameter
    │   ├── QueryRefused         the query would do what ecosysteem does not do unasked (SERVICE, UPDATE)
    │   └── QueryTimeout         the query did not end within its time limit
    └── OutputError              an output file cannot be written

Every message names the file, line or value at fault and says what to do, so the CLI can print it as one line.
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "DataError",
    "EcosysteemError",
    "ModelError",
    "OutputError",
    "ParseError",
    "QueryError",
    "QueryRefused",
    "QueryTimeout",
    "ResourceError",
]


class EcosysteemError(Exception):
    """Base class of every error ecosysteem raises on purpose."""


class ResourceError(EcosysteemError):
    """A file that ships with ecosysteem could not be found."""


class DataError(EcosysteemError):
    """A data file could not be read (missing, unreadable, unknown format)."""

    def __init__(self, message: str, path: str | Path | None = None) -> None:
        super().__init__(message)
        self.path = Path(path) if path is not None else None


class ParseError(DataError):
    """A data file does not parse; ``line`` is the 1-based line number where known."""

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None) -> None:
        super().__init__(message, path)
        self.line = line


class ModelError(EcosysteemError):
    """A model instance could not be built from the graph."""


class QueryError(EcosysteemError):
    """A SPARQL query is unknown or malformed, or a parameter value is not allowed."""


class QueryRefused(QueryError):
    """A query asks for what ecosysteem does not do unasked: a remote ``SERVICE`` call, or a change (UPDATE).

    ``reason`` is ``"service"`` or ``"update"``; ``message_nl`` is the same message in Dutch.
    """

    def __init__(self, message: str, *, reason: str, message_nl: str = "") -> None:
        super().__init__(message)
        self.reason = reason
        self.message_nl = message_nl or message

    def __reduce__(self) -> tuple[object, ...]:  # keyword-only arguments: pickle (a worker process) needs help
        return _rebuild_refused, (str(self), self.reason, self.message_nl)


class QueryTimeout(QueryError):
    """A query did not end within ``seconds``; it was stopped. ``message_nl`` is the message in Dutch."""

    def __init__(self, message: str, *, seconds: float, message_nl: str = "") -> None:
        super().__init__(message)
        self.seconds = seconds
        self.message_nl = message_nl or message

    def __reduce__(self) -> tuple[object, ...]:
        return _rebuild_timeout, (str(self), self.seconds, self.message_nl)


def _rebuild_refused(message: str, reason: str, message_nl: str) -> QueryRefused:
    return QueryRefused(message, reason=reason, message_nl=message_nl)


def _rebuild_timeout(message: str, seconds: float, message_nl: str) -> QueryTimeout:
    return QueryTimeout(message, seconds=seconds, message_nl=message_nl)


class OutputError(EcosysteemError):
    """An output file could not be written."""
