"""The one name normaliser: which spellings count as the same name, and how suggestions are ranked."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ecosysteem.graph.names import normalise_name, rank_candidates, similarity


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
