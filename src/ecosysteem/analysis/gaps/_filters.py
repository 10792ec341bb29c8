"""Narrowing a report: to one network, one level."""

from __future__ import annotations

from rdflib import URIRef

from ecosysteem.errors import QueryError
from ecosysteem.graph import Ecosystem
from ecosysteem.model._fields import _expand_iri
from ecosysteem.vocab import EZ, ID, RDF

__all__ = ["level_iri", "match_networks"]


def level_iri(level: str) -> str:
    """The IRI of a level given as ``landelijk``/``bovenregionaal``/``regionaal``, ``level/…`` or an IRI."""
    return str(ID[f"level/{level}"]) if "/" not in level else _expand_iri(level)


def match_networks(eco: Ecosystem, name: str) -> set[str]:
    """The networks ``name`` names: an IRI or ``network/slug``, or a part of their name."""
    nets = sorted(str(n) for n in eco.graph.subjects(RDF.type, EZ.Network))
    if name.startswith(("http://", "https://")) or name.startswith("network/"):
        iri = _expand_iri(name)
        if iri not in nets:
            raise QueryError(f"{name!r} is not a network in the graph")
        return {iri}
    needle = name.casefold()
    matched = {n for n in nets if needle in eco.label(URIRef(n)).casefold() or needle == n.rsplit("/", 1)[-1]}
    if not matched:
        raise QueryError(f"no network matches {name!r}; networks: {', '.join(eco.label(URIRef(n)) for n in nets)}")
    return matched
