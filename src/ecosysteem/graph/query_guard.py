"""What a query may do before any engine sees it: read only, and reach no other server unless asked.

ecosysteem promises no network request at run time. A ``SERVICE <http://…>`` clause makes the engine (rdflib,
Oxigraph, or the remote endpoint itself) call another server, so :func:`check_query` refuses it unless the caller
allows it. The check reads the parsed query (rdflib's algebra), so the word SERVICE inside a string literal, an
IRI or a comment is no SERVICE clause. A query rdflib cannot parse (another engine's extension) is checked on
its tokens instead, with strings, IRIs and comments skipped.

>>> service_iris("SELECT * WHERE { ?s rdfs:label 'SERVICE <http://example.org/>' }")
[]
>>> service_iris("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
['<http://example.org/sparql>']
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parser import parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.plugins.sparql.sparql import Query

from ecosysteem.errors import QueryRefused
from ecosysteem.graph.stores._base import _TOKEN
from ecosysteem.vocab import PREFIXES

__all__ = ["algebra_nodes", "check_query", "parsed_query", "service_iris"]

_UPDATE_WORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}
_QUERY_WORDS = {"SELECT", "CONSTRUCT", "DESCRIBE", "ASK"}


@functools.lru_cache(maxsize=128)
def parsed_query(text: str) -> Query | None:
    """The query parsed by rdflib (with ecosysteem's prefixes), or ``None`` when rdflib cannot parse it."""
    try:
        return prepareQuery(text, initNs=dict(PREFIXES))
    except Exception:  # any parse failure: the caller falls back to the tokens
        return None


def algebra_nodes(node: Any) -> Iterator[CompValue]:
    """Every node of a parsed query's algebra, depth first."""
    if isinstance(node, CompValue):
        yield node
        for value in node.values():
            yield from algebra_nodes(value)
    elif isinstance(node, list | tuple):
        for item in node:
            yield from algebra_nodes(item)


def service_iris(query: Query | str) -> list[str]:
    """The services a query calls (``SERVICE <iri>``; ``?var`` for a variable service), in order of appearance.

    >>> service_iris("SELECT * WHERE { ?s ?p ?o FILTER(?o != 'SERVICE <http://x.org/>') }")
    []
    """
    prepared = parsed_query(query) if isinstance(query, str) else query
    if prepared is None:
        return ["(a SERVICE clause)"] if "SERVICE" in _words(str(query)) else []
    found = [node.get("term") for node in algebra_nodes(prepared.algebra) if node.name == "ServiceGraphPattern"]
    return [term.n3() for term in found]


def _words(text: str) -> list[str]:
    """The keywords and names of a query, upper-cased, outside strings, IRIs and comments."""
    return [m.group().upper() for m in _TOKEN.finditer(text) if m.lastgroup == "word"]


def _is_update(text: str) -> bool:
    words = _words(text)
    first = next((w for w in words if w not in {"PREFIX", "BASE"} and ":" not in w), "")
    if not first or first in _QUERY_WORDS:  # an empty request is a valid (empty) update, but asks nothing
        return False
    if first in _UPDATE_WORDS:
        return True
    try:
        parseUpdate(text)
    except Exception:  # not an update either: the engine reports the syntax error
        return False
    return True


def check_query(
    text: str, prepared: Query | None = None, *, allow_service: bool = False, name: str | None = None
) -> None:
    """Refuse a query that would change the graph (UPDATE) or, unless ``allow_service``, call another server.

    ``prepared`` is the query already parsed by rdflib, if the caller has it. Raises
    :class:`~ecosysteem.errors.QueryRefused` with the message in English (``str``) and Dutch (``message("nl")``).
    """
    what_en = f"query {name!r}" if name else "the query"
    what_nl = f"query {name!r}" if name else "de query"
    prepared = prepared if prepared is not None else parsed_query(text)
    if prepared is None and _is_update(text):
        raise QueryRefused(
            f"{what_en} is a SPARQL Update: it would change the graph; ecosysteem runs only queries that read "
            "(SELECT, CONSTRUCT, DESCRIBE, ASK) — change your data files instead",
            reason="update",
            nl=f"{what_nl} is een SPARQL Update: die zou de graaf wijzigen; ecosysteem voert alleen "
            "leesquery's uit (SELECT, CONSTRUCT, DESCRIBE, ASK) — wijzig in plaats daarvan uw databestanden",
        )
    if allow_service:
        return
    services = service_iris(prepared if prepared is not None else text)
    if services:
        shown = ", ".join(services)
        raise QueryRefused(
            f"{what_en} calls the remote SPARQL service {shown} (SERVICE), and ecosysteem makes no network "
            "request you did not ask for; give --allow-service (Python: allow_service=True) if you mean it",
            reason="service",
            nl=f"{what_nl} roept de externe SPARQL-dienst {shown} aan (SERVICE), en ecosysteem doet geen "
            "netwerkverzoek waar u niet om vroeg; geef --allow-service (Python: allow_service=True) als u dat wilt",
        )
