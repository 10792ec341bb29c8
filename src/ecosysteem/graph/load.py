"""Read RDF files into a graph, with errors that name the file and line, and without touching the network."""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rdflib import Graph

from ecosysteem.errors import DataError, ParseError, short_message

__all__ = ["FORMATS", "guess_format", "parse_file", "parse_graph", "read_file"]

FORMATS: dict[str, str] = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".nt": "nt",
    ".n3": "n3",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "xml",
    ".owl": "xml",
    ".xml": "xml",
}
"""File suffixes ecosysteem reads, and the rdflib parser for each."""


def guess_format(path: Path) -> str:
    """Return the rdflib format name for ``path`` from its suffix, or raise :class:`DataError`."""
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        known = ", ".join(sorted(FORMATS))
        raise DataError(
            f"{path}: unknown file type {path.suffix!r}; use one of {known}",
            path,
            nl=f"{path}: onbekend bestandstype {path.suffix!r}; gebruik een van {known}",
        ) from None


def parse_file(graph: Graph, path: str | Path, format: str | None = None) -> int:
    """Parse one RDF file into ``graph`` and return the number of triples it added.

    Parameters
    ----------
    graph:
        the graph to add to; on error it is left exactly as it was.
    path:
        a Turtle, N-Triples, N3, JSON-LD or RDF/XML file.
    format:
        an rdflib format name; by default guessed from the suffix.

    Raises
    ------
    DataError
        the file is missing, unreadable or of an unknown type, or a JSON-LD file asks for a remote context.
    ParseError
        the file does not parse; the message names the file and, where the parser says, the line.
    """
    # Parse into a scratch graph first so a file that fails half-way adds nothing.
    scratch = parse_graph(path, format)
    before = len(graph)
    for prefix, namespace in scratch.namespaces():
        graph.bind(prefix, namespace, override=False)
    graph += scratch
    return len(graph) - before


def parse_graph(path: str | Path, format: str | None = None) -> Graph:
    """Parse one RDF file into a new graph and return it; raises like :func:`parse_file`."""
    path = Path(path)
    fmt, data = read_file(path, format)
    scratch = Graph()
    try:
        with warnings.catch_warnings():
            # rdflib's own JSON-LD parser uses its deprecated ConjunctiveGraph internally; not our call to make.
            warnings.filterwarnings("ignore", message="ConjunctiveGraph is deprecated", category=DeprecationWarning)
            scratch.parse(data=data, format=fmt, publicID=path.resolve().as_uri())
    except json.JSONDecodeError as exc:
        raise _invalid_json(path, exc) from None
    except SyntaxError as exc:  # rdflib's BadSyntax for Turtle/N3 is a SyntaxError with a 0-based line count
        line = _line_of(exc)
        why = getattr(exc, "_why", None) or str(exc).splitlines()[0]
        raise ParseError.invalid(path, fmt, line, why) from None
    except IndexError:
        # rdflib's Turtle/N3 parser runs off the end of the buffer when a statement is cut short.
        line = data.count(b"\n") + (0 if data.endswith(b"\n") else 1)
        raise ParseError(
            f"{path}, line {line}: not valid {fmt} (unexpected end of file: is a statement unfinished?)",
            path,
            line,
            nl=f"{path}, regel {line}: geen geldige {fmt} (het bestand houdt onverwacht op: is een uitspraak niet "
            "afgemaakt?); maak de laatste uitspraak af",
        ) from None
    except Exception as exc:  # every other parser raises its own type; the message is what matters
        message = short_message(exc)
        line = _nt_line(str(exc), data) if fmt in {"nt", "nquads"} else None
        raise ParseError.invalid(path, fmt, line, message) from None
    return scratch


def _invalid_json(path: Path, exc: json.JSONDecodeError) -> ParseError:
    return ParseError(
        f"{path}, line {exc.lineno}: invalid JSON ({exc.msg})",
        path,
        exc.lineno,
        nl=f"{path}, regel {exc.lineno}: ongeldige JSON ({exc.msg}); verbeter het bestand op die regel",
    )


def _nt_line(message: str, data: bytes) -> int | None:
    """The 1-based number of the line rdflib's N-Triples parser complains about (it quotes the rest, no number)."""
    prefix = "Invalid line: "
    if not message.startswith(prefix) or not message[len(prefix) :].strip():
        return None
    bad = message[len(prefix) :].strip()
    for number, line in enumerate(data.decode("utf-8", errors="replace").splitlines(), 1):
        if line.strip().endswith(bad) and not _parses_as_nt(line):
            return number
    return None


def _parses_as_nt(line: str) -> bool:
    try:
        Graph().parse(data=line, format="nt")
    except Exception:  # the parser's own error type; only whether it fails matters here
        return False
    return True


def read_file(path: str | Path, format: str | None = None) -> tuple[str, bytes]:
    """Check that ``path`` is a readable RDF file ecosysteem may load; return its rdflib format and bytes.

    Raises :class:`DataError` for a missing, unreadable or unknown file, or a JSON-LD file that asks for a remote
    context (ecosysteem never downloads anything). Every store backend calls this before it parses a file.
    """
    path = Path(path)
    if path.is_dir():
        raise DataError(
            f"{path}: is a folder, not a file; give the RDF files in it (e.g. {path}/*.ttl)",
            path,
            nl=f"{path}: is een map, geen bestand; geef de RDF-bestanden erin (bijv. {path}/*.ttl)",
        )
    if path.exists() and not path.is_file():
        raise DataError(
            f"{path}: not a regular file (a device or pipe); give an RDF file",
            path,
            nl=f"{path}: geen gewoon bestand (een apparaat of pijp); geef een RDF-bestand",
        )
    if not path.is_file():
        raise DataError(
            f"{path}: no such file", path, nl=f"{path}: dit bestand bestaat niet; controleer de naam en de map"
        )
    fmt = format or guess_format(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DataError.unreadable(path, exc) from None
    if fmt == "json-ld":
        _refuse_remote_contexts(path, data)
    return fmt, data


def _line_of(exc: SyntaxError) -> int | None:
    lines = getattr(exc, "lines", None)
    if isinstance(lines, int):
        return lines + 1
    return exc.lineno


def _refuse_remote_contexts(path: Path, data: bytes) -> None:
    try:
        doc = json.loads(data)
    except json.JSONDecodeError as exc:
        raise _invalid_json(path, exc) from None
    for ctx in _contexts(doc):
        if isinstance(ctx, str):
            raise DataError(
                f"{path}: the JSON-LD @context {ctx!r} is a remote document; ecosysteem never downloads anything, "
                "so put the context inline in the file",
                path,
                nl=f"{path}: de JSON-LD-@context {ctx!r} is een document op afstand; ecosysteem downloadt nooit iets, "
                "dus zet de context in het bestand zelf",
            )


def _contexts(node: Any) -> Iterable[Any]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "@context":
                yield from value if isinstance(value, list) else [value]
            else:
                yield from _contexts(value)
    elif isinstance(node, list):
        for item in node:
            yield from _contexts(item)
