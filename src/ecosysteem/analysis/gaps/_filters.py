"""Narrowing a report: to one network (named as every command names it), one level."""

from __future__ import annotations

from ecosysteem.graph import Ecosystem
from ecosysteem.graph.resolve import resolve
from ecosysteem.model._fields import _expand_iri
from ecosysteem.vocab import ID

__all__ = ["level_iri", "match_networks"]


def level_iri(level: str) -> str:
    """The IRI of a level given as ``landelijk``/``bovenregionaal``/``regionaal``, ``level/…`` or an IRI."""
    return str(ID[f"level/{level}"]) if "/" not in level else _expand_iri(level)


def match_networks(eco: Ecosystem, name: str) -> set[str]:
    """The one network ``name`` names (:func:`ecosysteem.graph.resolve.resolve`): never several merged.

    An empty, ambiguous or unknown name raises :class:`~ecosysteem.graph.resolve.ResolveError` listing the
    candidates.
    """
    return {str(resolve(eco, name, "network"))}
