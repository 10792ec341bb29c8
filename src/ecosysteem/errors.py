"""Exceptions raised by ecosysteem.

The exception tree::

    EcosysteemError              base class; catch this to handle every ecosysteem error
    ├── ResourceError            a packaged file (ontology, dataset, query, template) is missing
    ├── DataError                a data file cannot be read
    │   └── ParseError           the file does not parse; carries ``path`` and ``line``
    ├── ModelError               a model instance cannot be built from the graph
    ├── QueryError               a SPARQL query is unknown, malformed or got a bad parameter
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


class OutputError(EcosysteemError):
    """An output file could not be written."""
