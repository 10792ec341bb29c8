"""Each gap type fires where it must and not where it must not (small hand-written graphs), and on real data."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from ecosysteem.analysis.gaps import GAP_TYPES, Finding, find_gaps, gap_types
from ecosysteem.analysis.queries import run_query
from ecosysteem.errors import QueryError
from ecosysteem.graph import Ecosystem

I = "https://w3id.org/ecosysteem/id/"  # noqa: E741 - a short name keeps the Turtle below readable

BASE = f"""
<{I}source/t> a ez:SourceDocument ; dcterms:title "t" .
<{I}collaboration/c> a ez:SupraRegionalCollaboration ; rdfs:label "C"@nl, "C"@en ;
    ez:level <{I}level/bovenregionaal> .
<{I}network/n> a ez:Network ; rdfs:label "N"@nl, "N"@en ; ez:level <{I}level/regionaal> .
<{I}membership/n--c> a org:Membership ; org:member <{I}network/n> ; org:organization <{I}collaboration/c> .
<{I}plan/p> a ez:Plan ; rdfs:label "P"@nl, "P"@en ; ez:planOf <{I}network/n> .
<{I}organisation/gp> a ez:Organisation ; rdfs:label "GP"@nl, "GP"@en ;
    ez:organisationType <{I}organisation-type/huisartsenpraktijk> .
<{I}organisation/zh> a ez:Organisation ; rdfs:label "ZH"@nl, "ZH"@en ;
    ez:organisationType <{I}organisation-type/ziekenhuis> .
<{I}organisation/hbo> a ez:Organisation ; rdfs:label "HBO"@nl, "HBO"@en ;
    ez:organisationType <{I}organisation-type/hbo> .
"""


def act(slug: str, body: str) -> str:
    return (
        f'<{I}activity/{slug}> a ez:Activity ; rdfs:label "{slug}"@nl, "{slug}"@en ; ez:inPlan <{I}plan/p> ; {body} .\n'
    )


def second_network(consultatie_party: str) -> str:
    """A second network M in collaboration C, with one consultatie activity whose only party is given."""
    return f"""
<{I}network/m> a ez:Network ; rdfs:label "M"@nl .
<{I}membership/m--c> a org:Membership ; org:member <{I}network/m> ; org:organization <{I}collaboration/c> .
<{I}plan/q> a ez:Plan ; ez:planOf <{I}network/m> .
<{I}activity/b> a ez:Activity ; ez:inPlan <{I}plan/q> ; ez:theme <{I}theme/consultatie> ;
    ez:participant <{I}{consultatie_party}> .
"""


CASES = [
    # (gap, turtle added to BASE, expected subject slugs that must be found, subject slugs that must not)
    pytest.param(
        "function-not-served",
        act("a", f"ez:servesFunction <{I}function/lerend-netwerk>"),
        ["collaboration/c"],
        [],
        id="function-fires",
    ),
    pytest.param(
        "loop-not-served",
        act("a", f"ez:loop <{I}loop/onderwijs>"),
        ["collaboration/c"],
        [],
        id="loop-fires-for-other-loops",
    ),
    pytest.param(
        "loop-without-partner",
        act("a", f"ez:loop <{I}loop/onderwijs> ; ez:participant <{I}organisation/gp>"),
        ["activity/a"],
        [],
        id="onderwijs-without-school",
    ),
    pytest.param(
        "loop-without-partner",
        act("a", f"ez:loop <{I}loop/onderwijs> ; ez:participant <{I}organisation/hbo>"),
        [],
        ["activity/a"],
        id="onderwijs-with-hbo",
    ),
    pytest.param(
        "level-disconnect",
        f'<{I}network/m> a ez:Network ; rdfs:label "M"@nl .',
        ["network/m"],
        ["network/n"],
        id="network-outside-consortium",
    ),
    pytest.param(
        "transmural-gap", act("a", f"ez:participant <{I}organisation/gp>"), ["network/n"], [], id="only-first-line"
    ),
    pytest.param(
        "transmural-gap",
        act("a", f"ez:participant <{I}organisation/gp>, <{I}organisation/zh>"),
        [],
        ["network/n"],
        id="first-and-second-line-meet",
    ),
    pytest.param(
        "missing-partner-types",
        act("a", f"ez:participant <{I}organisation/gp>"),
        ["network/n"],
        [],
        id="network-lacks-types",
    ),
    pytest.param(
        "duplication-without-alignment",
        second_network(consultatie_party="organisation/zh")
        + act("a", f"ez:theme <{I}theme/consultatie> ; ez:participant <{I}organisation/gp>"),
        ["collaboration/c"],
        [],
        id="same-theme-no-shared-party",
    ),
    pytest.param(
        "duplication-without-alignment",
        second_network(consultatie_party="organisation/gp")
        + act("a", f"ez:theme <{I}theme/consultatie> ; ez:participant <{I}organisation/gp>"),
        [],
        ["collaboration/c"],
        id="same-theme-shared-party",
    ),
    pytest.param("no-owner-no-period", act("a", 'ez:periodText "2021"@nl'), ["activity/a"], [], id="no-owner"),
    pytest.param(
        "no-owner-no-period",
        act("a", f'ez:responsible <{I}organisation/gp> ; ez:periodText "2021"@nl ; ez:status <{I}status/doorlopend>'),
        [],
        ["activity/a"],
        id="owned-with-period",
    ),
    pytest.param(
        "patient-voice-missing",
        act("a", f"ez:participant <{I}organisation/gp>"),
        ["activity/a"],
        [],
        id="no-patient-voice",
    ),
    pytest.param(
        "patient-voice-missing",
        act("a", f"ez:participantRole <{I}role/ervaringsdeskundige>"),
        [],
        ["activity/a"],
        id="expert-by-experience",
    ),
    pytest.param(
        "single-point-of-failure",
        act("a", f"ez:participant <{I}organisation/gp>, <{I}organisation/zh>")
        + act("b", f"ez:participant <{I}organisation/zh>, <{I}organisation/hbo>"),
        ["organisation/zh"],
        ["organisation/gp"],
        id="hospital-holds-it-together",
    ),
    pytest.param(
        "chain-not-connected",
        f'<{I}collaboration/k> a ez:CareChain ; rdfs:label "K"@nl .',
        ["collaboration/k"],
        [],
        id="lonely-chain",
    ),
    pytest.param(
        "chain-not-connected",
        f'<{I}collaboration/k> a ez:CareChain ; rdfs:label "K"@nl .\n'
        + act("a", f"ez:participant <{I}collaboration/k>"),
        [],
        ["collaboration/k"],
        id="chain-in-network-activity",
    ),
]


@pytest.mark.parametrize(("gap", "turtle", "present", "absent"), CASES)
def test_gap_fires_where_it_must(
    small_graph: Callable[..., Ecosystem], gap: str, turtle: str, present: list[str], absent: list[str]
) -> None:
    findings = find_gaps(small_graph(BASE + turtle, bijenkorf=True), [gap], reference_date="2026-01-01")
    subjects = {f.subject.removeprefix(I) for f in findings}
    assert set(present) <= subjects, findings
    assert not set(absent) & subjects, findings


def test_every_gap_type_is_tested_both_ways() -> None:
    ids = {c.values[0] for c in CASES}
    assert ids == {g.id for g in GAP_TYPES}


def test_catalogue_is_complete_and_bilingual() -> None:
    assert len(gap_types()) == 11
    for g in gap_types():
        assert g.title_nl and g.title_en and g.explanation_nl and g.explanation_en and g.source and g.method


@pytest.fixture(scope="module")
def findings(eco: Ecosystem) -> list[Finding]:
    return find_gaps(eco, reference_date="2026-11-23")


def test_default_data_has_findings_of_most_types(findings: list[Finding]) -> None:
    found = {f.gap for f in findings}
    assert len(found) >= 9
    assert findings == sorted(findings, key=Finding.sort_key)


def test_twente_activity_without_owner_is_found(findings: list[Finding]) -> None:
    """Seed 004: 'Toereikend aanbod palliatieve zorg' — 'Nog op te starten werkgroep'."""
    hits = [f for f in findings if f.gap == "no-owner-no-period" and "Toereikend aanbod" in f.subject_label]
    assert hits and hits[0].severity == "high"
    assert any("twente" in n for n in hits[0].networks)


def test_acute_zorgregio_oost_is_not_connected(findings: list[Finding]) -> None:
    assert any(f.gap == "chain-not-connected" and f.subject.endswith("acute-zorgregio-oost") for f in findings)


def test_network_filter(eco: Ecosystem) -> None:
    twente = find_gaps(eco, network="Twente", reference_date="2026-11-23")
    assert twente and all(any("twente" in n for n in f.networks) or f.subject.endswith("twente") for f in twente)
    with pytest.raises(QueryError, match="no network matches"):
        find_gaps(eco, network="Atlantis")


def test_unknown_gap_type(eco: Ecosystem) -> None:
    with pytest.raises(QueryError, match="unknown gap type"):
        find_gaps(eco, ["no-such-gap"])


def test_findings_serialise(findings: list[Finding]) -> None:
    again = [Finding.model_validate_json(f.model_dump_json()) for f in findings[:20]]
    assert again == findings[:20]


DUPLICATION_CASES = [
    pytest.param(c.values[1], id=c.id) for c in CASES if c.values[0] == "duplication-without-alignment"
]


def _duplication_pairs_from_query(eco: Ecosystem) -> set[tuple[str, str, str]]:
    rows = run_query(eco, "gap-duplication-without-alignment")
    return {(str(c), str(n1), str(n2)) for c, _theme, n1, n2 in rows}  # type: ignore[misc]


def _duplication_pairs_from_findings(eco: Ecosystem) -> set[tuple[str, str, str]]:
    found = find_gaps(eco, ["duplication-without-alignment"])
    return {(f.subject, *sorted(f.networks)) for f in found}  # type: ignore[misc]


def test_duplication_detector_agrees_with_its_named_query_on_default_data(eco: Ecosystem) -> None:
    pairs = _duplication_pairs_from_query(eco)
    assert pairs  # Twente and IJssel-Vecht share themes within Ligare
    assert _duplication_pairs_from_findings(eco) == pairs
    per_theme = len(list(run_query(eco, "gap-duplication-without-alignment")))
    assert len(find_gaps(eco, ["duplication-without-alignment"])) == per_theme


@pytest.mark.parametrize("turtle", DUPLICATION_CASES)
def test_duplication_detector_agrees_with_its_named_query_on_small_graphs(
    small_graph: Callable[..., Ecosystem], turtle: str
) -> None:
    eco = small_graph(BASE + turtle, bijenkorf=True)
    assert _duplication_pairs_from_findings(eco) == _duplication_pairs_from_query(eco)


@pytest.mark.parametrize(
    ("gap", "label", "kind", "network"),
    [
        ("single-point-of-failure", "Ligare", "supra-regional collaboration", "ijssel-vecht"),
        ("transmural-gap", None, "network", None),
        ("no-owner-no-period", "Toereikend aanbod palliatieve zorg", "activity", "twente"),
        ("patient-voice-missing", None, "group", "twente"),
        ("chain-not-connected", "Acute Zorg Euregio", "acute-care network", None),
        ("single-point-of-failure", "Twente", "network", "twente"),
    ],
)
def test_findings_name_what_their_subject_is_and_where(
    findings: list[Finding], gap: str, label: str | None, kind: str, network: str | None
) -> None:
    hits = [
        f for f in findings if f.gap == gap and f.subject_kind == kind and (label is None or label in f.subject_label)
    ]
    assert hits, (gap, label, kind)
    if network is not None:
        assert any(network in n for f in hits for n in f.networks)
    if kind == "network":
        assert all(f.level == "https://w3id.org/ecosysteem/id/level/regionaal" for f in hits)


@pytest.mark.parametrize("gap", [g.id for g in GAP_TYPES])
def test_each_detector_declares_the_queries_it_reads(eco: Ecosystem, gap: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from ecosysteem.analysis import gaps

    read: list[str] = []
    ctx = gaps._Context(eco, {"reference_date": "2026-11-23", "required_types": None})
    original = ctx.rows
    monkeypatch.setattr(ctx, "rows", lambda name: read.append(name) or original(name))
    gaps._DETECTORS[gap](ctx)
    assert set(read) == set(gaps._QUERIES_OF[gap])


def test_background_queries_give_the_same_findings_and_surface_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    import ecosysteem
    from ecosysteem.analysis import gaps

    ox = ecosysteem.load(store="oxigraph")
    assert ox.store.concurrent_queries
    threads: set[str] = set()
    original = gaps.query_strings

    def recording(eco: Ecosystem, name: str) -> list[tuple[str | None, ...]]:
        threads.add(threading.current_thread().name)
        if name == "activity-ownership" and fail:
            raise QueryError("the endpoint refused activity-ownership")
        return original(eco, name)

    monkeypatch.setattr(gaps, "query_strings", recording)
    fail = False
    in_background = find_gaps(ox, reference_date="2026-11-23")
    assert any(name.startswith("ecosysteem-gaps") for name in threads)
    monkeypatch.setattr(type(ox.store), "concurrent_queries", False)
    threads.clear()
    assert find_gaps(ox, reference_date="2026-11-23") == in_background
    assert threads == {threading.main_thread().name}
    monkeypatch.setattr(type(ox.store), "concurrent_queries", True)
    fail = True
    with pytest.raises(QueryError, match="refused activity-ownership"):
        find_gaps(ox, reference_date="2026-11-23")
    assert not [t for t in threading.enumerate() if t.name.startswith("ecosysteem-gaps")]


def test_direct_look_ups_give_the_same_findings(findings: list[Finding], monkeypatch: pytest.MonkeyPatch) -> None:
    import ecosysteem
    from ecosysteem.graph import index

    monkeypatch.setattr(index, "_SMALL", 0)  # every predicate counts as large: asked subject by subject
    assert find_gaps(ecosysteem.load(store="oxigraph"), reference_date="2026-11-23") == findings
