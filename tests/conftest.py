"""Shared fixtures: the default graph (built once per session) and helpers for small in-test graphs."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import ecosysteem
from ecosysteem.graph import Ecosystem

ROOT = Path(__file__).resolve().parents[1]

PREFIXES_TTL = """
@prefix ez: <https://w3id.org/ecosysteem/def#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix schema: <https://schema.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix id: <https://w3id.org/ecosysteem/id/> .
"""


@pytest.fixture(scope="session")
def eco() -> Ecosystem:
    """The default graph: ontology + every default dataset. Read-only: tests must not change it."""
    return ecosysteem.load()


@pytest.fixture(scope="session")
def memory_eco() -> Ecosystem:
    """The default graph on rdflib's in-memory store (the default store is Oxigraph). Read-only."""
    return ecosysteem.load(store="memory")


@pytest.fixture(scope="module", params=["memory", "oxigraph"])
def store_eco(request: pytest.FixtureRequest) -> Iterator[Ecosystem]:
    """The default graph on each embedded store: rdflib in memory, then Oxigraph. Read-only."""
    loaded = ecosysteem.load(store=request.param)
    yield loaded
    loaded.close()


@pytest.fixture
def small_graph(tmp_path: Path) -> Callable[..., Ecosystem]:
    """Build an Ecosystem from the ontology and a Turtle snippet (prefixes are added for you).

    ``bijenkorf=True`` also loads the bijenkorf model (seed 002), which the gap checks measure against.
    """
    from ecosysteem.resources import data_dir

    def build(turtle: str, bijenkorf: bool = False) -> Ecosystem:
        path = tmp_path / "snippet.ttl"
        path.write_text(PREFIXES_TTL + turtle, encoding="utf-8")
        extra = [data_dir("datasets") / "002-bijenkorf.ttl"] if bijenkorf else []
        return ecosysteem.load(*extra, path, defaults=False)

    return build
