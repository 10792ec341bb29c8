"""SHACL: the default graph conforms; deliberately broken data is reported, naming the node and the rule."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from ecosysteem.graph import Ecosystem

GOOD_SOURCE = """
id:source\\/t a ez:SourceDocument ; dcterms:title "Test" .
"""

# Each case: a Turtle snippet that breaks one rule, and a fragment of the message that must name it.
BROKEN = [
    pytest.param(
        'id:network\\/x a ez:Network ; rdfs:label "X"@nl, "X"@en ; dcterms:source id:source\\/t ; '
        "ez:region id:region\\/r .\n"
        'id:region\\/r a ez:Region ; rdfs:label "R"@nl, "R"@en ; dcterms:source id:source\\/t ; '
        "ez:regionType <https://w3id.org/ecosysteem/id/region-type/netwerkregio> .",
        "exactly one ez:level",
        id="network-without-level",
    ),
    pytest.param(
        'id:network\\/x a ez:Network ; rdfs:label "X"@nl, "X"@en ; dcterms:source id:source\\/t ; '
        "ez:level <https://w3id.org/ecosysteem/id/level/regionaal> .",
        "needs an ez:region",
        id="network-without-region",
    ),
    pytest.param(
        'id:organisation\\/x a ez:Organisation ; rdfs:label "X"@nl ; dcterms:source id:source\\/t ; '
        "ez:organisationType <https://w3id.org/ecosysteem/id/organisation-type/ziekenhuis> .",
        "rdfs:label in English",
        id="missing-english-label",
    ),
    pytest.param(
        'id:organisation\\/x a ez:Organisation ; rdfs:label "X"@nl, "X"@en ; '
        "ez:organisationType <https://w3id.org/ecosysteem/id/organisation-type/ziekenhuis> .",
        "needs dcterms:source",
        id="missing-source",
    ),
    pytest.param(
        'id:activity\\/x a ez:Activity ; rdfs:label "X"@nl, "X"@en ; dcterms:source id:source\\/t .',
        "belongs to a plan",
        id="activity-without-plan-or-project",
    ),
    pytest.param(
        'id:activity\\/x a ez:Project ; rdfs:label "X"@nl, "X"@en ; dcterms:source id:source\\/t ; '
        'schema:startDate "spring" .',
        "schema:startDate is one",
        id="bad-date",
    ),
    pytest.param(
        'id:activity\\/x a ez:Project ; rdfs:label "X"@nl, "X"@en ; dcterms:source id:source\\/t ; '
        "ez:servesFunction <https://w3id.org/ecosysteem/id/theme/consultatie> .",
        "bijenkorf function",
        id="function-from-wrong-scheme",
    ),
    pytest.param(
        "id:membership\\/x a org:Membership ; org:member id:organisation\\/nobody ; dcterms:source id:source\\/t .",
        "exactly one org:organization",
        id="membership-without-organization",
    ),
]


@pytest.mark.parametrize(("turtle", "message"), BROKEN)
def test_broken_data_is_reported(small_graph: Callable[[str], Ecosystem], turtle: str, message: str) -> None:
    report = small_graph(GOOD_SOURCE + turtle).validate()
    assert not report.conforms
    assert any(message in v.message for v in report.violations), report.text
    assert "Does not conform" in report.text


def test_minimal_valid_snippet_conforms(small_graph: Callable[[str], Ecosystem]) -> None:
    turtle = GOOD_SOURCE + (
        'id:organisation\\/x a ez:Organisation ; rdfs:label "X"@nl, "X"@en ; dcterms:source id:source\\/t ; '
        "ez:organisationType <https://w3id.org/ecosysteem/id/organisation-type/ziekenhuis> ."
    )
    report = small_graph(turtle).validate()
    assert report.conforms, report.text


def test_default_graph_conforms(eco: Ecosystem) -> None:
    report = eco.validate()
    assert report.conforms, report.text
