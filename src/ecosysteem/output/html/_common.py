"""Helpers the views share: descriptions and sources of a node, level colours."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from rdflib import URIRef

from ecosysteem.graph import Ecosystem
from ecosysteem.output.words import word
from ecosysteem.vocab import DCTERMS, ID, PREFIXES, SKOS

__all__ = ["LEVEL_COLOURS", "describe", "legend", "link_nodes", "sources_of", "tooltip"]

LEVEL_COLOURS: dict[str, str] = {
    str(ID["level/landelijk"]): "#2f6fad",
    str(ID["level/bovenregionaal"]): "#d99a00",
    str(ID["level/regionaal"]): "#3f8f3a",
}
"""One colour per level, the same in every view: national blue, supra-regional honey, regional green."""

_TEXT_PROPERTIES = (SKOS.definition, DCTERMS.description, PREFIXES["rdfs"]["comment"])


def describe(eco: Ecosystem, iri: str | URIRef, lang: str) -> str:
    """Return the definition or description of ``iri`` in ``lang`` (else any language, else ``""``)."""
    return eco.text(iri, *_TEXT_PROPERTIES, lang=lang)


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


def legend(*rows: tuple[str, str, str]) -> list[dict[str, str]]:
    """The entries of a page's legend from ``(shape, colour, label)`` rows (``macros.html`` draws them).

    >>> legend(("dot", "#777777", "activiteit"))
    [{'shape': 'dot', 'colour': '#777777', 'label': 'activiteit'}]
    """
    return [{"shape": shape, "colour": colour, "label": label} for shape, colour, label in rows]


def link_nodes(nodes: list[dict[str, Any]], links: Mapping[str, str], lang: str) -> None:
    """Give each drawn node that has a page (``links``: IRI → relative href) its ``href``, and say so in its tooltip.

    The page opens it on a double click (``ezOpenOnDoubleClick`` in ``common.js``).
    """
    hint = word("open_profile_hint", lang)
    for node in nodes:
        href = links.get(str(node["id"]))
        if href:
            node["href"] = href
            node["tip"] = f"{node['tip']}\n{hint}"
