"""Models → RDF → models is lossless (property test), and IRIs are stable and readable."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph

from ecosysteem.graph import from_graph, to_graph
from ecosysteem.model import (
    MODEL_CLASSES,
    Activity,
    Group,
    Membership,
    Network,
    Organisation,
    Pilot,
    rdf_fields,
    slugify,
)

# Text that survives RDF: no surrogates or control characters, not only whitespace (labels are stripped).
TEXT = (
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40)
    .map(str.strip)
    .filter(lambda s: bool(s) and any(c.isalnum() for c in s))
)
SLUG = st.from_regex(r"[a-z][a-z0-9]{0,10}", fullmatch=True)
REF = st.builds(lambda kind, slug: f"{kind}/{slug}", st.sampled_from(["organisation", "network", "group"]), SLUG)
DATE = st.one_of(
    st.integers(1990, 2040).map(str),
    st.builds(lambda y, m: f"{y}-{m:02d}", st.integers(1990, 2040), st.integers(1, 12)),
    st.dates().map(lambda d: d.isoformat()).filter(lambda s: len(s) == 10 and s[0] != "0"),
)
VALUES = {
    "text": TEXT,
    "string": TEXT,
    "uri": SLUG.map(lambda slug: f"https://example.org/{slug}"),
    "integer": st.integers(0, 10_000),
    "boolean": st.booleans(),
    "date": DATE,
    "iri": REF,
}


def model_strategy(cls: type[Any]) -> st.SearchStrategy[Any]:
    fields = rdf_fields(cls)
    required = {"label_nl"} | ({"member", "organization"} if cls is Membership else set())
    parts: dict[str, st.SearchStrategy[Any]] = {}
    for name, meta in fields.items():
        base = VALUES[meta["kind"]]
        annotation = cls.model_fields[name].annotation
        is_list = getattr(annotation, "__origin__", None) is list
        strategy = st.lists(base, max_size=3) if is_list else base
        parts[name] = strategy if name in required else st.one_of(st.none(), strategy) if not is_list else strategy
    return st.fixed_dictionaries({}, optional=parts).flatmap(
        lambda optional: st.fixed_dictionaries({k: parts[k] for k in required}).map(
            lambda req: cls(**{**{k: v for k, v in optional.items() if v is not None}, **req})
        )
    )


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda c: c.__name__)
def test_roundtrip_is_lossless(cls: type[Any]) -> None:
    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(model_strategy(cls))
    def check(model: Any) -> None:
        graph = to_graph([model])
        back = from_graph(graph, model.id)
        assert type(back) is cls
        assert back == model

    check()


def test_roundtrip_through_turtle_text() -> None:
    act = Activity(
        label_nl="Afstemming Menzis",
        label_en="Coordination with Menzis",
        in_plan="plan/jaarplan-2021-twente",
        goal_text_nl='Samenwerking "en" afstemming\nover twee regels',
        participants=["organisation/menzis", "organisation/vgz"],
        start_date="2021",
        end_date="2021-12-31",
        participant_count=3,
        approximate=True,
    )
    text = to_graph([act]).serialize(format="turtle")
    assert from_graph(Graph().parse(data=text, format="turtle"), act.id) == act


@pytest.mark.parametrize(
    ("model", "iri"),
    [
        (Organisation(label_nl="ZGT"), "organisation/zgt"),
        (
            Network(label_nl="IJssel-Vecht en Noordoost-Overijssel"),
            "network/ijssel-vecht-en-noordoost-overijssel",
        ),
        (Group(label_nl="Werkgroep beleid", unit_of="network/twente"), "group/twente--werkgroep-beleid"),
        (
            Membership(member="network/twente", organization="collaboration/ligare"),
            "membership/twente--ligare",
        ),
        (
            Activity(label_nl="Gluren bij de buren", in_plan="plan/jaarplan-2021-twente"),
            "activity/jaarplan-2021-twente--gluren-bij-de-buren",
        ),
        (
            Pilot(label_nl="Pilot Utrecht stad", part_of="activity/transmurale-verbetering"),
            "activity/transmurale-verbetering--pilot-utrecht-stad",
        ),
    ],
)
def test_iris_are_readable_and_stable(model: Any, iri: str) -> None:
    assert model.id == "https://w3id.org/ecosysteem/id/" + iri
    assert type(model)(**model.model_dump(exclude={"id"})).id == model.id


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Coördinatie & Signaleren", "coordinatie-signaleren"),
        ("  ZGT ", "zgt"),
        ("’s-Hertogenbosch", "s-hertogenbosch"),
    ],
)
def test_slugify(name: str, slug: str) -> None:
    assert slugify(name) == slug


@pytest.mark.parametrize("bad", ["", "!!!", "   "])
def test_slugify_rejects_names_without_letters(bad: str) -> None:
    with pytest.raises(ValueError, match="cannot make a slug"):
        slugify(bad)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"label_nl": "X", "start_date": "2021-13"}, "not a date"),
        ({"label_nl": "X", "participants": ["zgt"]}, "neither an IRI"),
        ({"label_nl": "X", "participants": ["https://e.org/a b"]}, "not a valid IRI"),
        ({"label_nl": "X", "unknown_field": 1}, "Extra inputs"),
    ],
)
def test_bad_values_are_rejected_with_a_clear_message(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Activity(**kwargs)
