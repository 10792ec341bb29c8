"""Portable SPARQL (issue 18 item 4): no named query uses a construct that Virtuoso 7.2 evaluates differently.

The check reads rdflib's algebra of each query; the constructs are those found on Virtuoso Open Source 7.2.5,
each reproducible on a graph of five triples (see :mod:`ecosysteem.analysis.portability`). The same rows on
Virtuoso itself are asserted in tests/test_virtuoso.py.
"""

from __future__ import annotations

import pytest

from ecosysteem.analysis.portability import portability_issues
from ecosysteem.analysis.queries import list_queries
from ecosysteem.errors import QueryError

QUERIES = list_queries()


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.name)
def test_named_query_is_portable(query) -> None:  # type: ignore[no-untyped-def]
    assert [f"{i.construct}: {i.message}" for i in portability_issues(query.prepared)] == []


FLAGGED = {
    "A: alternative with a sequence, joined to a * path": (
        "A",
        "SELECT ?act WHERE { ?top ez:responsible|(ez:inPlan/ez:planOf) ?party . ?act ez:partOf* ?top }",
    ),
    "A: the same written as a UNION": (
        "A",
        "SELECT ?act WHERE { { ?top ez:responsible ?party } UNION { ?top ez:inPlan ?p . ?p ez:planOf ?party } "
        "?act ez:partOf* ?top }",
    ),
    "A: a + path inside a MINUS": (
        "A",
        "SELECT ?x WHERE { ?x a ez:Network MINUS { ?t ez:lead|(ez:inPlan/ez:planOf) ?x . ?a ez:partOf+ ?t } }",
    ),
    "B: BIND in a UNION branch inside MINUS": (
        "B",
        "SELECT ?c WHERE { ?c a ez:SupraRegionalCollaboration MINUS { { ?p a ez:Network BIND(?p AS ?c) } "
        "UNION { ?m org:member ?p ; org:organization ?c } } }",
    ),
    "C: UNION, then MINUS with p|q|(r/s), ORDER BY": (
        "C",
        "SELECT ?c WHERE { { ?c a ez:CareChain } UNION { ?c a ez:AcuteCareNetwork } "
        "MINUS { ?a ez:lead|ez:participant|(ez:inPlan/ez:planOf) ?c } } ORDER BY ?c",
    ),
}


@pytest.mark.parametrize(("construct", "text"), FLAGGED.values(), ids=FLAGGED.keys())
def test_each_construct_is_flagged(construct: str, text: str) -> None:
    assert construct in {i.construct for i in portability_issues(text)}


PORTABLE = {
    "the path inside each branch": "SELECT ?act WHERE { { ?top ez:responsible ?party . ?act ez:partOf* ?top } "
    "UNION { ?top ez:inPlan ?p . ?p ez:planOf ?party . ?act ez:partOf* ?top } }",
    "an alternative without a sequence": "SELECT ?a WHERE { ?t ez:lead|ez:participant ?p . ?a ez:partOf* ?t }",
    "VALUES instead of BIND": "SELECT ?c WHERE { ?c a ez:SupraRegionalCollaboration MINUS { { VALUES ?k { 1 } "
    "?c ez:lead ?k } UNION { ?m org:organization ?c } } }",
    "C without ORDER BY": "SELECT ?c WHERE { { ?c a ez:CareChain } UNION { ?c a ez:AcuteCareNetwork } "
    "MINUS { ?a ez:lead|(ez:inPlan/ez:planOf) ?c } }",
    "the words in a comment and a string": "# ?t ez:lead|(ez:inPlan/ez:planOf) ?p . ?a ez:partOf* ?t\n"
    "SELECT ?a WHERE { ?a rdfs:label '{ ?t ez:lead|(ez:inPlan/ez:planOf) ?p . ?a ez:partOf* ?t }' }",
}


@pytest.mark.parametrize("text", PORTABLE.values(), ids=PORTABLE.keys())
def test_portable_forms_are_not_flagged(text: str) -> None:
    assert portability_issues(text) == []


def test_a_query_that_does_not_parse_is_an_error() -> None:
    with pytest.raises(QueryError, match="does not parse"):
        portability_issues("SELECT ?x WHERE {")
