"""The one name normaliser: which spellings count as the same name, and how suggestions are ranked."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import URIRef

from ecosysteem.graph import Ecosystem
from ecosysteem.graph.names import normalise_name, rank_candidates, similarity
from ecosysteem.vocab import EZ, RDF, RDFS


@pytest.mark.parametrize(
    ("typed", "known"),
    [
        ("Netwerk Palliatieve Zorg Eemland", "Netwerk Palliatieve Zorg regio Eemland"),
        ("Netwerk Palliatieve Zorg Gooi en Vechtstreek", "Netwerk Palliatieve Zorg Gooi & Vechtstreek"),
        ("netwerk palliatieve zorg  gooi & vechtstreek.", "Netwerk Palliatieve Zorg Gooi & Vechtstreek"),
        ("NPZ Twente", "Netwerk Palliatieve Zorg Twente"),
        ("Meander MC", "Meander Medisch Centrum"),
        ("St. Jansdal", "Sint Jansdal"),
        ("Coordinatie", "Coördinatie"),
        ("Kwaliteit & Integratie", "Stichting Kwaliteit & Integratie"),
        ("Drenthe-Steenwijkerland", "Netwerken Palliatieve Zorg Drenthe-Steenwijkerland"),
    ],
)
def test_spellings_of_one_name_are_the_same(typed: str, known: str) -> None:
    assert normalise_name(typed) == normalise_name(known)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Meander", "Meander Medisch Centrum"),
        ("Netwerk Palliatieve Zorg Twente", "Netwerk Palliatieve Zorg Zuid-Twente"),
        ("Friesland Zuid", "Friesland Zuidwest"),
        # a name made only of filler words is not emptied, so it does not equal every other such name
        ("Netwerk Palliatieve Zorg", "Consortium"),
        ("Hospice Palliatieve Zorg", "Hospice"),
    ],
)
def test_different_names_stay_different(one: str, other: str) -> None:
    assert normalise_name(one) != normalise_name(other)


def test_the_own_longer_name_ranks_above_a_body_that_contains_it() -> None:
    ranked = rank_candidates("Meander", ["PAT Meander", "Meander Medisch Centrum", "Gelre ziekenhuizen"])
    assert [c.name for c in ranked] == ["Meander Medisch Centrum", "PAT Meander"]


def test_ranking_is_by_the_whole_name_and_respects_cutoff_and_limit() -> None:
    names = ["Consortium Palliatieve Zorg Midden-Nederland", "Septet", "Netwerk Acute Zorg Midden-Nederland"]
    ranked = rank_candidates("Consortium Midden-Nederland", names)
    assert ranked[0].name == "Consortium Palliatieve Zorg Midden-Nederland" and ranked[0].score == 1.0
    assert "Septet" not in [c.name for c in ranked]
    assert len(rank_candidates("Consortium Midden-Nederland", names, cutoff=0.0, limit=None)) == 3
    assert len(rank_candidates("Consortium Midden-Nederland", names, limit=1)) == 1


@given(st.text())
def test_normalising_is_idempotent_and_plain(text: str) -> None:
    once = normalise_name(text)
    assert normalise_name(once) == once
    assert once == " ".join(once.split()) and once.isascii()


@given(st.text(), st.text())
def test_similarity_is_bounded_and_one_only_for_the_same_name(a: str, b: str) -> None:
    score = similarity(a, b)
    assert 0.0 <= score <= 1.0
    assert (score == 1.0) == (normalise_name(a) == normalise_name(b) != "")


def _names_of(eco: Ecosystem, rdf_class: URIRef) -> dict[str, str]:
    return {
        str(s): str(o)
        for s in eco.graph.subjects(RDF.type, rdf_class)
        for o in eco.graph.objects(s, RDFS.label)
        if getattr(o, "language", None) == "nl"
    }


@pytest.mark.parametrize("rdf_class", [EZ.Network, EZ.Organisation, EZ.SupraRegionalCollaboration])
def test_no_two_entities_of_a_kind_in_the_default_data_share_a_normalised_name(
    eco: Ecosystem, rdf_class: URIRef
) -> None:
    """Else an exact-after-normalising match in the workbook import could not say which one a name means."""
    by_name: dict[str, set[str]] = {}
    for iri, label in _names_of(eco, rdf_class).items():
        by_name.setdefault(normalise_name(label), set()).add(iri)
    assert {n: iris for n, iris in by_name.items() if len(iris) > 1} == {}


@given(data=st.data())
def test_the_spellings_people_use_for_a_reference_network_normalise_to_its_name(
    eco: Ecosystem, data: st.DataObject
) -> None:
    labels = sorted(_names_of(eco, EZ.Network).values())
    label = data.draw(st.sampled_from(labels))
    variant = label
    if data.draw(st.booleans()):
        variant = variant.upper() if data.draw(st.booleans()) else variant.lower()
    if data.draw(st.booleans()):
        variant = variant.replace(" & ", " en ").replace("-", " ")
    if data.draw(st.booleans()):
        variant = variant.replace("Netwerk Palliatieve Zorg ", data.draw(st.sampled_from(["NPZ ", "Netwerk PZ ", ""])))
    if data.draw(st.booleans()):
        variant = "  " + variant.replace(" ", "  ") + ". "
    assert normalise_name(variant) == normalise_name(label), (variant, label)
