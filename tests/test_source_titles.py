"""Source documents carry real titles, not page furniture scraped from a URL ("Default", "Bootstrap4.net")."""

from __future__ import annotations

import re

import pytest
from rdflib import Literal, URIRef

from ecosysteem.graph import Ecosystem
from ecosysteem.vocab import DCTERMS, EZ, RDF

FURNITURE = re.compile(
    r"\b(default|index|paginas|bootstrap\d?(\.net)?|aspx|html?|php|ctl|articleid|uncategorized)\b|~a\d+|%2F",
    re.IGNORECASE,
)
GENERIC = {"document", "rapport", "nieuws", "netwerk", "roaz", "geschiedenis", "deelnemers", "ontstaan", "bestuur"}


def _titles(eco: Ecosystem) -> list[tuple[str, str]]:
    out = []
    for source in sorted(eco.graph.subjects(RDF.type, EZ.SourceDocument), key=str):
        assert isinstance(source, URIRef)
        for title in eco.graph.objects(source, DCTERMS.title):
            assert isinstance(title, Literal)
            out.append((str(source), str(title)))
    return out


def test_every_source_document_has_a_title(eco: Ecosystem) -> None:
    titled = {s for s, _ in _titles(eco)}
    untitled = [str(s) for s in eco.graph.subjects(RDF.type, EZ.SourceDocument) if str(s) not in titled]
    assert untitled == []


def test_no_title_is_page_furniture(eco: Ecosystem) -> None:
    bad = [
        (source.rsplit("/", 1)[-1], title)
        for source, title in _titles(eco)
        if FURNITURE.search(title)
        or re.sub(r"\s*\([^)]*\)$", "", title).strip().casefold() in GENERIC
        or len(re.sub(r"\s*\([^)]*\)$", "", title).split()) < 2
    ]
    assert bad == []


@pytest.mark.parametrize(
    "title", ["Default (umcg.nl)", "Bootstrap4.net (westwest.nl)", "Document (berthub.eu)", "Roaz"]
)
def test_the_check_catches_furniture(title: str) -> None:
    stem = re.sub(r"\s*\([^)]*\)$", "", title).strip()
    assert FURNITURE.search(title) or stem.casefold() in GENERIC or len(stem.split()) < 2
