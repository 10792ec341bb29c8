"""Helpers the views share: descriptions and sources of a node, resolving a name to an entity, level colours."""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Literal, URIRef

from ecosysteem.errors import QueryError
from ecosysteem.graph import Ecosystem
from ecosysteem.vocab import DCTERMS, EZ, ID, PREFIXES, RDF, SKOS

__all__ = ["LEVEL_COLOURS", "describe", "find_entity", "sources_of", "tooltip"]

LEVEL_COLOURS: dict[str, str] = {
    str(ID["level/landelijk"]): "#2f6fad",
    str(ID["level/bovenregionaal"]): "#d99a00",
    str(ID["level/regionaal"]): "#3f8f3a",
}
"""One colour per level, the same in every view: national blue, supra-regional honey, regional green."""

_TEXT_PROPERTIES = (SKOS.definition, DCTERMS.description, PREFIXES["rdfs"]["comment"])


def describe(eco: Ecosystem, iri: str | URIRef, lang: str) -> str:
    """Return the definition or description of ``iri`` in ``lang`` (else any language, else ``""``)."""
    node = URIRef(iri)
    fallback = ""
    for prop in _TEXT_PROPERTIES:
        for value in sorted(eco.graph.objects(node, prop), key=str):
            if isinstance(value, Literal):
                if value.language == lang:
                    return str(value)
                fallback = fallback or str(value)
    return fallback


def sources_of(eco: Ecosystem, iri: str | URIRef, lang: str) -> list[str]:
    """Return the labels of the source documents of ``iri``, sorted."""
    return sorted({eco.label(s, lang) for s in eco.graph.objects(URIRef(iri), DCTERMS.source) if isinstance(s, URIRef)})


def tooltip(title: str, *parts: str | Iterable[str], sources: Iterable[str] = (), source_word: str = "") -> str:
    """Join a title, text paragraphs and a sources line into the plain text of a tooltip."""
    lines = [title]
    for part in parts:
        if isinstance(part, str):
            if part:
                lines.append(part)
        else:
            lines.extend(p for p in part if p)
    found = list(sources)
    if found:
        lines.append(f"{source_word}: {'; '.join(found)}")
    return "\n".join(lines)


_KIND_CLASSES = {
    "network": (EZ.Network,),
    "collaboration": (EZ.SupraRegionalCollaboration, EZ.Collaboration, EZ.CareChain, EZ.AcuteCareNetwork),
    "agent": (EZ.Organisation, EZ.Network, EZ.Collaboration, EZ.SupraRegionalCollaboration, EZ.Group),
}


def find_entity(eco: Ecosystem, name: str, kind: str) -> URIRef:
    """Resolve ``name`` (a full IRI, ``kind/slug``, a slug, or part of a label) to one entity of ``kind``.

    ``kind`` is ``"network"``, ``"collaboration"`` (networks excluded) or ``"agent"``. Raises
    :class:`~ecosysteem.errors.QueryError` naming the candidates when nothing or more than one entity matches.
    """
    g = eco.graph
    candidates = sorted({s for cls in _KIND_CLASSES[kind] for s in g.subjects(RDF.type, cls) if isinstance(s, URIRef)})
    if kind == "collaboration":
        candidates = [c for c in candidates if (c, RDF.type, EZ.Network) not in g]
    if not candidates:
        raise QueryError(f"there is no {kind} in the graph to match {name!r}")
    wanted = name.strip()
    full = wanted if wanted.startswith(("http://", "https://")) else f"{ID}{wanted}"
    exact = [c for c in candidates if str(c) == full or str(c).rsplit("/", 1)[-1] == wanted]
    if len(exact) == 1:
        return exact[0]
    needle = wanted.casefold()
    same = [c for c in candidates if needle in {eco.label(c, "nl").casefold(), eco.label(c, "en").casefold()}]
    if len(same) == 1:
        return same[0]
    partial = [
        c
        for c in candidates
        if needle and (needle in eco.label(c, "nl").casefold() or needle in eco.label(c, "en").casefold())
    ]
    if len(partial) == 1:
        return partial[0]
    names = ", ".join(eco.label(c, "nl") for c in (partial or candidates)[:12])
    if partial:
        raise QueryError(f"{name!r} matches more than one {kind}: {names}; give more of the name or the IRI")
    raise QueryError(f"no {kind} matches {name!r}; known: {names}")
