"""Exceptions raised by ecosysteem, each with its message in Dutch and in English.

The exception tree, with each class's exit kind (how the ``ecosysteem`` command ends on it)::

    EcosysteemError              base class; catch this to handle every ecosysteem error
    ├── ResourceError      data  a packaged file (ontology, dataset, query, template) is missing
    ├── DataError          data  a data file cannot be read
    │   ├── ParseError     data  the file does not parse; carries ``path`` and ``line``
    │   ├── UnsupportedShapes    (ecosysteem.graph.shacl_sparql) shapes the SPARQL engine cannot compile
    │   └── WorkbookError        (ecosysteem.graph.workbook) a workbook or CSV file has problems
    ├── ModelError         data  a model instance cannot be built from the graph
    ├── OptionError        usage an option, setting or argument value is not allowed (also a ``ValueError``)
    ├── QueryError         usage a SPARQL query is unknown, malformed or got a bad parameter
    │   ├── ResolveError         (ecosysteem.graph.resolve) a name means no entity, or several
    │   ├── QueryRefused   usage the query would do what ecosysteem does not do unasked (SERVICE, UPDATE)
    │   ├── QueryTimeout   data  the query did not end within its time limit
    │   └── EndpointError  data  a SPARQL endpoint is unreachable, refused, or sent a short or unreadable answer
    └── OutputError        data  an output file cannot be written

**One message, two languages.** Every error is raised with both texts, ``Error(english, nl=dutch)``;
:meth:`EcosysteemError.message` gives either (``message("nl")``, the default, or ``message("en")``), and
``str(error)`` is the English one, as Python users expect. Every message names the file, line, sheet, row,
column or value at fault and says what to do, so that the command line can print it as one line. Both texts
survive pickling (a query runs in a worker process and its error comes back to the caller).

**Exit kinds.** Each class declares :attr:`EcosysteemError.exit_kind`: ``"usage"`` when the command was asked
something it cannot do (an unknown query, gap type, name or option value, a bad parameter, a refused query) and
``"data"`` when it was asked rightly but the data or the place to write it is at fault (a missing or malformed
data file, a workbook with problems, a model that does not fit, an unwritable output, a query that ran out of
time, a SPARQL endpoint that failed). The command line ends with exit status 2 on a usage error and 1 on a data
error, as ``validate`` does when the data violates the shapes.

>>> error = OptionError("unknown engine 'fast'; use sparql", nl="onbekende engine 'fast'; kies sparql")
>>> error.message("nl"), str(error), error.exit_kind
("onbekende engine 'fast'; kies sparql", "unknown engine 'fast'; use sparql", 'usage')
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar, Literal

__all__ = [
    "DataError",
    "EcosysteemError",
    "EndpointError",
    "ExitKind",
    "ModelError",
    "OptionError",
    "OutputError",
    "ParseError",
    "QueryError",
    "QueryRefused",
    "QueryTimeout",
    "ResourceError",
]

ExitKind = Literal["usage", "data"]
"""How the command line ends on an error: ``usage`` (exit status 2) or ``data`` (exit status 1)."""


class EcosysteemError(Exception):
    """Base class of every error ecosysteem raises on purpose.

    Parameters
    ----------
    en
        The message in English (also ``str(error)``).
    nl
        The same message in Dutch, as a Dutch coordinator would write it.
    """

    exit_kind: ClassVar[ExitKind] = "data"
    """``"usage"`` or ``"data"``; every subclass declares its own (a test checks)."""

    def __init__(self, en: str, *, nl: str) -> None:
        super().__init__(en)
        self.en = en
        self.nl = nl

    def message(self, lang: str = "nl") -> str:
        """The one-line message in ``lang`` (``"nl"`` or ``"en"``)."""
        return self.en if lang == "en" else self.nl

    def __reduce__(self) -> tuple[Any, ...]:
        # Subclasses take other arguments than (en, nl); rebuild without __init__, from the instance's state.
        return _rebuild, (type(self), self.args), self.__dict__


def _rebuild(cls: type[EcosysteemError], args: tuple[Any, ...]) -> EcosysteemError:
    return cls.__new__(cls, *args)


class ResourceError(EcosysteemError):
    """A file that ships with ecosysteem could not be found."""

    exit_kind = "data"


class DataError(EcosysteemError):
    """A data file could not be read (missing, unreadable, unknown format)."""

    exit_kind: ClassVar[ExitKind] = "data"

    def __init__(self, en: str, path: str | Path | None = None, *, nl: str) -> None:
        super().__init__(en, nl=nl)
        self.path = Path(path) if path is not None else None

    @classmethod
    def unreadable(cls, path: str | Path, exc: OSError) -> DataError:
        """The error for a file the system would not let us read (permissions, a broken disk …)."""
        return cls(
            f"{path}: cannot read it ({exc.strerror})",
            path,
            nl=f"{path}: kan het bestand niet lezen ({exc.strerror}); controleer of het bestaat en leesbaar is",
        )


class ParseError(DataError):
    """A data file does not parse; ``line`` is the 1-based line number where known."""

    exit_kind = "data"

    def __init__(self, en: str, path: str | Path | None = None, line: int | None = None, *, nl: str) -> None:
        super().__init__(en, path, nl=nl)
        self.line = line

    @classmethod
    def invalid(cls, path: str | Path, fmt: str, line: int | None, why: str) -> ParseError:
        """The error for a file that does not parse as ``fmt``: where (the line, if known), and the parser's why.

        >>> ParseError.invalid("a.ttl", "turtle", 3, "bad object").message("nl")
        'a.ttl, regel 3: geen geldige turtle (bad object); verbeter het bestand op die regel'
        """
        return cls(
            f"{path}{f', line {line}' if line else ''}: not valid {fmt} ({why})",
            path,
            line,
            nl=f"{path}{f', regel {line}' if line else ''}: geen geldige {fmt} ({why}); verbeter het bestand"
            f"{' op die regel' if line else ''}",
        )


class ModelError(EcosysteemError):
    """A model instance could not be built from the graph."""

    exit_kind = "data"


class OptionError(EcosysteemError, ValueError):
    """An option, setting or argument value is not allowed: a store spec, an engine, a language, a row kind …

    It is a ``ValueError`` too, which is what Python code passing a bad value expects.
    """

    exit_kind = "usage"


class QueryError(EcosysteemError):
    """A SPARQL query is unknown or malformed, or a parameter value is not allowed."""

    exit_kind: ClassVar[ExitKind] = "usage"

    @classmethod
    def failed(cls, name: str | None, exc: BaseException) -> QueryError:
        """The error for a query that failed while it ran: its name (if any) and the engine's reason, shortened.

        >>> QueryError.failed("q", ValueError("bad  type")).message("nl")
        "query 'q' is mislukt: bad type"
        """
        why = short_message(exc)
        what, what_nl = query_named(name)
        return cls(f"{what} failed: {why}", nl=f"{what_nl} is mislukt: {why}")


class QueryRefused(QueryError):
    """A query asks for what ecosysteem does not do unasked: a remote ``SERVICE`` call, or a change (UPDATE).

    ``reason`` is ``"service"`` or ``"update"``.
    """

    exit_kind = "usage"

    def __init__(self, en: str, *, reason: str, nl: str) -> None:
        super().__init__(en, nl=nl)
        self.reason = reason


class QueryTimeout(QueryError):
    """A query did not end within ``seconds``; it was stopped.

    A data error, not a usage error: the query was fine, the graph too large for the time it was given.
    """

    exit_kind = "data"

    def __init__(self, en: str, *, seconds: float, nl: str) -> None:
        super().__init__(en, nl=nl)
        self.seconds = seconds


class EndpointError(QueryError):
    """A SPARQL endpoint could not be reached or refused the request, or its answer was cut short or unreadable.

    A data error, not a usage error: the query was fine; the server that holds the data failed.
    """

    exit_kind = "data"


class OutputError(EcosysteemError):
    """An output file could not be written."""

    exit_kind = "data"


def short_message(exc: object, limit: int = 300) -> str:
    """An exception's text on one line, cut at ``limit`` characters, for a one-line error message."""
    return " ".join(str(exc).split())[:limit]


def query_named(name: str | None) -> tuple[str, str]:
    """How messages name a query, in English and Dutch: ``query 'name'``, or "the query" / "de query"."""
    return (f"query {name!r}", f"query {name!r}") if name else ("the query", "de query")
