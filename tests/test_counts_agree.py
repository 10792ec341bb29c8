"""One scope, one count: the bijenkorf, the comparison, the profile pages and the gap report agree on every seed
subject (issue 15: they once showed "0 activities" for a consortium the gap report counted as served)."""

from __future__ import annotations

import re

import pytest

from ecosysteem.analysis.compare import comparison_matrix
from ecosysteem.analysis.gaps import find_gaps
from ecosysteem.analysis.scope import Scope
from ecosysteem.graph import Ecosystem
from ecosysteem.output.html.bijenkorf import bijenkorf_scope
from ecosysteem.output.profile import build_profile

I = "https://w3id.org/ecosysteem/id/"  # noqa: E741

SUBJECTS = [
    ("network", "twente"),
    ("network", "ijssel-vecht-en-noordoost-overijssel"),
    ("network", "utrecht-stad"),
    ("network", "zuidoost-utrecht"),
    ("collaboration", "ligare"),
    ("collaboration", "septet"),
]


@pytest.fixture(scope="module")
def scope(eco: Ecosystem) -> Scope:
    return Scope.of(eco)


def _in_scope(scope: Scope, kind: str, iri: str) -> set[str]:
    found = scope.network_activities(iri) if kind == "network" else scope.collaboration_activities(iri)
    return {a for a in found if scope.is_activity(a)}


@pytest.mark.parametrize(("kind", "slug"), SUBJECTS)
def test_every_view_counts_the_same_activities(eco: Ecosystem, scope: Scope, kind: str, slug: str) -> None:
    iri = f"{I}{kind}/{slug}"
    expected = _in_scope(scope, kind, iri)
    assert expected, iri  # every seed subject has activities
    focus = {"network": iri} if kind == "network" else {"collaboration": iri}
    plate = bijenkorf_scope(eco, **focus)
    assert {a for a in plate.activities if scope.is_activity(a)} == expected
    profile = build_profile(eco, iri, [], kind=kind, scope=scope)
    assert {row.iri for block in profile.plans for row in block.activities} == expected


@pytest.mark.parametrize(("kind", "slug"), SUBJECTS)
@pytest.mark.parametrize("columns", ["function", "loop", "action"])
def test_comparison_cells_are_the_bijenkorf_counts(eco: Ecosystem, kind: str, slug: str, columns: str) -> None:
    iri = f"{I}{kind}/{slug}"
    matrix = comparison_matrix(eco, rows=kind, columns=columns)
    focus = {"network": iri} if kind == "network" else {"collaboration": iri}
    plate = bijenkorf_scope(eco, **focus)
    for column, _label in matrix.columns:
        assert matrix.cell(iri, column).activities == len(plate.counts.get(column, [])), column


@pytest.mark.parametrize("slug", ["ligare", "septet"])
def test_the_gap_report_counts_the_same_scope(eco: Ecosystem, scope: Scope, slug: str) -> None:
    iri = f"{I}collaboration/{slug}"
    unknown = [f for f in find_gaps(eco, ["function-not-served"]) if f.subject == iri]
    counted = {int(n) for f in unknown for n in re.findall(r"in de scope: (\d+) ", f.message_nl)}
    assert counted == {len(_in_scope(scope, "collaboration", iri))}
