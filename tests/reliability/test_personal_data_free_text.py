"""Issue 19.12: with ``--no-personal-data`` every literal is searched for marked persons' names and their parts.

A first name inside a source label, a last name in a note ("mevrouw Bloemendaal") and a full name in a note that
has no ``ez:mentionsPerson`` are all replaced; a longer word that merely contains a name, and a lower-case word
that happens to be spelt like one, stay.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal

from ecosysteem.cli import cli
from ecosysteem.graph import Ecosystem

PERSONS_TTL = """
@prefix ez: <https://w3id.org/ecosysteem/def#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix schema: <https://schema.org/> .
@prefix id: <https://w3id.org/ecosysteem/id/> .
<https://w3id.org/ecosysteem/id/person/henk-de-vries> a ez:Person ; rdfs:label "Henk de Vries"@nl .
<https://w3id.org/ecosysteem/id/person/saskia> a ez:Person ; schema:givenName "Saskia" ;
    schema:familyName "Bloemendaal" ; rdfs:label "Saskia Bloemendaal" .
<https://w3id.org/ecosysteem/id/person/jansen> a ez:Person ; rdfs:label "Dr. P. Jansen"@nl .
<https://w3id.org/ecosysteem/id/source/brief> a ez:SourceDocument ;
    rdfs:label "Brief van Jansen aan Dr. Bakker en P. de Groot"@nl .
<https://w3id.org/ecosysteem/id/source/gesprek> a ez:SourceDocument ;
    rdfs:label "Verslag gesprek met Henk, 2024"@nl , "Notes of a talk with Henk, 2024"@en .
<https://w3id.org/ecosysteem/id/activity/scholing> a ez:Activity ; rdfs:label "Scholing"@nl , "Training"@en ;
    skos:note "Contact: mevrouw Bloemendaal; Henk de Vries belt terug"@nl ;
    rdfs:comment "Ask De Vries or Saskia"@en ;
    dcterms:description "Vraag het mevrouw de Vries. Henkie is iemand anders; de vries-cel (koelcel) blijft."@nl ;
    dcterms:source <https://w3id.org/ecosysteem/id/source/gesprek> .
"""

NAMES = ["Henk", "Vries", "Saskia", "Bloemendaal"]


@pytest.fixture
def stripped(tmp_path: Path) -> Graph:
    data = tmp_path / "persons.ttl"
    data.write_text(PERSONS_TTL, encoding="utf-8")
    args = ["--no-defaults", "--data", str(data), "--no-personal-data", "export", "--format", "nt"]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return Graph().parse(data=result.stdout, format="nt")


def _texts(graph: Graph) -> list[str]:
    return [str(o) for o in graph.objects() if isinstance(o, Literal)]


@pytest.mark.parametrize("name", NAMES)
def test_no_name_part_is_left_in_any_literal(stripped: Graph, name: str) -> None:
    left = [t for t in _texts(stripped) if name in t.replace("Henkie", "").replace("vries-cel", "")]
    assert left == []


def test_first_name_in_a_source_label_is_replaced(stripped: Graph) -> None:
    assert "Verslag gesprek met [persoon], 2024" in _texts(stripped)
    assert "Notes of a talk with [person], 2024" in _texts(stripped)


def test_a_note_without_mentions_person_is_redacted(stripped: Graph) -> None:
    assert "Contact: mevrouw [persoon]; [persoon] belt terug" in _texts(stripped)
    assert "Ask [person] or [person]" in _texts(stripped)


def test_titles_and_initials_are_no_first_name(stripped: Graph) -> None:
    assert "Brief van [persoon] aan Dr. Bakker en P. de Groot" in _texts(stripped)


def test_longer_words_and_lower_case_words_stay(stripped: Graph) -> None:
    [description] = [t for t in _texts(stripped) if t.startswith("Vraag")]
    assert description == "Vraag het mevrouw [persoon]. Henkie is iemand anders; de vries-cel (koelcel) blijft."


def test_seed_persons_first_names_are_nowhere_after_stripping(eco: Ecosystem) -> None:
    from ecosysteem.graph.privacy import name_variants, person_names, without_personal_data

    graph = eco.graph
    firsts = {n.split()[0] for n in person_names(graph)}
    assert firsts <= set(name_variants(graph))
    texts = _texts(without_personal_data(graph))
    assert [(f, t) for f in sorted(firsts) for t in texts if f in t.split()] == []
