"""Entity IRIs as people read them: the one base of every entity IRI and its short ``kind/slug`` form.

A leaf module (no rdflib, no layer imports), so the model, the graph, the analysis and every output share it.

>>> short_iri(BASE + "organisation/zgt"), short_iri("https://example.org/x"), short_iri(None)
('organisation/zgt', 'https://example.org/x', '')
>>> iri_tail(BASE + "organisation/zgt"), iri_tail("http://www.w3.org/ns/org#Membership")
('zgt', 'Membership')
"""

from __future__ import annotations

__all__ = ["BASE", "iri_tail", "short_iri"]

BASE = "https://w3id.org/ecosysteem/id/"
"""Base of every entity IRI: ``{BASE}{kind}/{slug}``."""


def short_iri(iri: str | None) -> str:
    """Return ``kind/slug`` for an ecosysteem entity IRI, any other IRI whole, and ``""`` for none.

    Parameters
    ----------
    iri
        An IRI, or ``None``.

    Returns
    -------
    str
        ``https://w3id.org/ecosysteem/id/organisation/zgt`` → ``organisation/zgt``.
    """
    if not iri:
        return ""
    return iri[len(BASE) :] if iri.startswith(BASE) else iri


def iri_tail(iri: str) -> str:
    """The last segment of an IRI (after its last ``/`` or ``#``): what a node without a label is called."""
    return iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
