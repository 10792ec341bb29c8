"""Each gap type: a gap where the graph shows one, unknown where the data cannot tell, nothing where it is fine."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from ecosysteem.analysis.gaps import DEFAULT_REQUIRED_TYPES as REQUIRED
from ecosysteem.analysis.gaps import GAP_TYPES, Finding, Status, find_gaps, gap_types, summary_line
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


def second_network(consultatie_party: str, year: int = 2024) -> str:
    """A second network M in collaboration C, with one consultatie activity whose only party is given."""
    return f"""
<{I}network/m> a ez:Network ; rdfs:label "M"@nl .
<{I}membership/m--c> a org:Membership ; org:member <{I}network/m> ; org:organization <{I}collaboration/c> .
<{I}plan/q> a ez:Plan ; ez:planOf <{I}network/m> .
<{I}activity/b> a ez:Activity ; ez:inPlan <{I}plan/q> ; ez:theme <{I}theme/consultatie> ;
    ez:participant <{I}{consultatie_party}> ; schema:startDate "{year}"^^xsd:gYear .
"""


CPLAN = f'<{I}plan/cp> a ez:Plan ; rdfs:label "CP"@nl, "CP"@en ; ez:planOf <{I}collaboration/c> .\n'
"""A plan of the consortium: only a collaboration with a plan of its own is judged on the bijenkorf."""

Y2024 = 'schema:startDate "2024"^^xsd:gYear'
TO_START = f"ez:status <{I}status/nog-te-starten>"
ACP = f"ez:theme <{I}theme/proactieve-zorgplanning>"
# seed 001's goal: 'patiëntparticipatie een voorwaarde' for ACP, in the plan of network N
ACP_DEMANDED = (
    f"<{I}plan/p> ez:hasGoal <{I}goal/acp> .\n"
    f"<{I}goal/acp> a ez:Goal ; {ACP} ; ez:requiresPatientParticipation true .\n"
)

ACTIONS = [
    f"{I}action/{a}"
    for a in [
        "afstemming-opleidingsvraag",
        "capaciteit-specialisten",
        "complexe-praktijkvragen",
        "coordinatie-deskundigheidsbevordering",
        "coordinatie-onderzoek",
        "gezamenlijk-onderzoeksprogramma",
        "implementatie-onderwijsraamwerken",
        "leermiddelen-afstemmen",
        "netwerken-verbinden",
        "onderwijs-en-praktijk-verbinden",
        "onderzoek-naar-implementatie",
        "praktijkvariatie-voorkomen",
        "specifieke-doelgroepen",
        "versnellen-implementatie",
    ]
]
"""The fourteen bijenkorf actions of seed 002."""

CASES = [
    # (gap, turtle added to BASE, subjects with a gap, subjects with an unknown, subjects with no finding)
    pytest.param(
        "function-not-served",
        CPLAN + act("a", f"ez:servesFunction <{I}function/lerend-netwerk>"),
        ["collaboration/c"],
        [],
        [],
        id="function-gap-with-consortium-plan",
    ),
    pytest.param(
        "function-not-served",
        act("a", f"ez:servesFunction <{I}function/lerend-netwerk>"),
        [],
        ["collaboration/c"],
        [],
        id="function-unknown-without-consortium-plan",
    ),
    pytest.param(
        "function-not-served",
        CPLAN
        + act(
            "a",
            "ez:servesFunction "
            + ", ".join(
                f"<{I}function/{f}>"
                for f in (
                    "lerend-netwerk",
                    "implementatie-landelijke-kaders",
                    "vliegwiel-transformatie",
                    "samenhang-en-kwaliteit",
                    "verbindingsfunctie",
                    "bovenregionale-probleemoplossing",
                )
            ),
        ),
        [],
        [],
        ["collaboration/c"],
        id="every-function-served",
    ),
    pytest.param(
        "loop-not-served",
        CPLAN + act("a", f"ez:loop <{I}loop/onderwijs>"),
        ["collaboration/c"],
        [],
        [],
        id="loop-gap-for-other-loops",
    ),
    pytest.param("loop-not-served", "", [], ["collaboration/c"], [], id="loop-unknown-without-data"),
    pytest.param(
        "loop-not-served",
        CPLAN
        + act("a", f"ez:loop <{I}loop/onderwijs>, <{I}loop/praktijk>, <{I}loop/onderzoek>")
        + "".join(f"<{I}activity/a> ez:servesAction <{a}> .\n" for a in ACTIONS),
        [],
        [],
        ["collaboration/c"],
        id="every-loop-and-action-taken-up",
    ),
    pytest.param(
        "loop-without-partner",
        act("a", f"ez:loop <{I}loop/onderwijs> ; ez:participant <{I}organisation/gp>"),
        ["activity/a"],
        [],
        [],
        id="onderwijs-without-school",
    ),
    pytest.param(
        "loop-without-partner",
        act("a", f"ez:loop <{I}loop/onderwijs> ; ez:participant <{I}organisation/hbo>"),
        [],
        [],
        ["activity/a"],
        id="onderwijs-with-hbo",
    ),
    pytest.param(
        "loop-without-partner",
        act("a", f"ez:loop <{I}loop/onderwijs>"),
        [],
        ["network/n"],
        ["activity/a"],
        id="onderwijs-without-parties-is-unknown",
    ),
    pytest.param(
        "loop-without-partner",
        f"<{I}action/x> a skos:Concept ; ez:loop <{I}loop/onderwijs> .",
        [],
        [],
        ["action/x"],
        id="an-action-concept-is-no-activity",
    ),
    pytest.param(
        "level-disconnect",
        f'<{I}network/m> a ez:Network ; rdfs:label "M"@nl .',
        [],
        ["network/m"],
        ["network/n"],
        id="network-outside-consortium-is-unknown",
    ),
    pytest.param(
        "level-disconnect",
        f'<{I}membership/n--c> ez:certainty "onzeker" .',
        [],
        [],
        ["network/n"],
        id="uncertain-membership-is-uncertain-links-finding-only",
    ),
    pytest.param(
        "transmural-gap",
        act("a", f"ez:participant <{I}organisation/gp>"),
        ["network/n"],
        [],
        [],
        id="only-first-line",
    ),
    pytest.param(
        "transmural-gap",
        act("a", f"ez:participant <{I}organisation/gp>, <{I}organisation/zh>"),
        [],
        [],
        ["network/n"],
        id="first-and-second-line-meet",
    ),
    pytest.param(
        "transmural-gap",
        act("a", f"ez:participant <{I}organisation/x>"),
        [],
        ["network/n"],
        [],
        id="no-known-line-is-unknown",
    ),
    pytest.param(
        "transmural-gap",
        f"<{I}organisation/x> ez:lineOfCare <{I}line-of-care/onbekend> .\n"
        + act("a", f"ez:participant <{I}organisation/gp>, <{I}organisation/x>"),
        [],
        ["network/n"],
        [],
        id="a-line-onbekend-is-no-known-line",
    ),
    pytest.param(
        "transmural-gap",
        act("a", f"ez:participant <{I}organisation/gp> ; ez:theme <{I}theme/transmurale-samenwerking>"),
        ["network/n", "activity/a"],
        [],
        [],
        id="transmural-activity-with-one-line-is-high",
    ),
    pytest.param(
        "missing-partner-types",
        act("a", f"ez:participant <{I}organisation/gp>"),
        ["network/n"],
        [],
        [],
        id="network-lacks-types",
    ),
    pytest.param(
        "missing-partner-types",
        act("a", "ez:participantType " + ", ".join(f"<{I}organisation-type/{t.split('|')[0]}>" for t in REQUIRED)),
        [],
        [],
        ["network/n"],
        id="network-with-every-kind",
    ),
    pytest.param(
        "missing-partner-types",
        f'<{I}network/m> a ez:Network ; rdfs:label "M"@nl .',
        [],
        ["network/m"],
        [],
        id="network-without-partners-is-unknown",
    ),
    pytest.param(
        "peers-same-theme",
        second_network(consultatie_party="organisation/zh")
        + act("a", f"ez:theme <{I}theme/consultatie> ; ez:participant <{I}organisation/gp> ; {Y2024}"),
        ["collaboration/c"],
        [],
        [],
        id="same-theme-no-shared-party",
    ),
    pytest.param(
        "peers-same-theme",
        second_network(consultatie_party="organisation/zh", year=2021)
        + act("a", f"ez:theme <{I}theme/consultatie> ; ez:participant <{I}organisation/gp> ; {Y2024}"),
        [],
        [],
        ["collaboration/c"],
        id="same-theme-in-different-years",
    ),
    pytest.param(
        "peers-same-theme",
        second_network(consultatie_party="organisation/gp")
        + act("a", f"ez:theme <{I}theme/consultatie> ; ez:participant <{I}organisation/gp> ; {Y2024}"),
        [],
        [],
        ["collaboration/c"],
        id="same-theme-shared-party",
    ),
    pytest.param("no-owner-no-period", act("a", TO_START), ["activity/a"], [], [], id="owner-still-to-start"),
    pytest.param(
        "no-owner-no-period", act("a", 'ez:periodText "2021"@nl'), [], ["network/n"], ["activity/a"], id="no-owner"
    ),
    pytest.param(
        "no-owner-no-period",
        act("a", f'ez:responsible <{I}organisation/gp> ; ez:periodText "2021"@nl ; ez:status <{I}status/doorlopend>'),
        [],
        [],
        ["activity/a", "network/n"],
        id="owned-with-period",
    ),
    pytest.param(
        "no-owner-no-period",
        act("a", f'ez:responsible <{I}organisation/gp> ; ez:periodText "2021"@nl')
        + f"<{I}activity/b> a ez:Activity ; ez:partOf <{I}activity/a> .",
        [],
        [],
        ["activity/b", "network/n"],
        id="phase-inherits-owner-and-period",
    ),
    pytest.param(
        "patient-voice-missing",
        ACP_DEMANDED + act("a", f"ez:participant <{I}organisation/gp> ; {ACP}"),
        ["activity/a"],
        [],
        [],
        id="acp-without-patient-voice",
    ),
    pytest.param(
        "patient-voice-missing",
        act("a", f"ez:participant <{I}organisation/gp> ; {ACP}"),
        [],
        [],
        ["activity/a"],
        id="not-asked-where-the-plan-does-not-demand-it",
    ),
    pytest.param(
        "patient-voice-missing",
        ACP_DEMANDED + act("a", f"ez:participant <{I}organisation/gp>"),
        [],
        [],
        ["activity/a"],
        id="not-asked-outside-acp",
    ),
    pytest.param(
        "patient-voice-missing",
        ACP_DEMANDED
        + act("a", f"ez:participantRole <{I}role/ervaringsdeskundige> ; {ACP}")
        + f"<{I}activity/b> a ez:Activity ; ez:partOf <{I}activity/a> ; ez:participant <{I}organisation/gp> ; {ACP} .",
        [],
        [],
        ["activity/a", "activity/b"],
        id="phase-inherits-patient-voice",
    ),
    pytest.param(
        "single-point-of-failure",
        act("a", f"ez:participant <{I}organisation/gp>, <{I}organisation/zh>")
        + act("b", f"ez:participant <{I}organisation/zh>, <{I}organisation/hbo>")
        + act("c", f"ez:participant <{I}organisation/gp>, <{I}organisation/x>")
        + act("d", f"ez:participant <{I}organisation/hbo>, <{I}organisation/y>"),
        ["organisation/zh"],
        [],
        ["organisation/x"],
        id="hospital-holds-it-together",
    ),
    pytest.param(
        "single-point-of-failure",
        # two groups of parties meet only in their network and its consortium: the bijenkorf's design, no weakness
        "".join(
            f"<{I}membership/{o}--n> a org:Membership ; org:member <{I}organisation/{o}> ; "
            f"org:organization <{I}network/n> .\n"
            for o in ("gp", "zh")
        )
        + act("a", f"ez:participant <{I}organisation/gp>, <{I}organisation/x>")
        + act("b", f"ez:participant <{I}organisation/zh>, <{I}organisation/y>"),
        [],
        [],
        ["network/n", "collaboration/c", "organisation/gp", "organisation/zh"],
        id="structures-link-their-members-by-design",
    ),
    pytest.param(
        "chain-not-connected",
        f'<{I}collaboration/k> a ez:CareChain ; rdfs:label "K"@nl .',
        [],
        ["collaboration/k"],
        [],
        id="chain-without-data-is-unknown",
    ),
    pytest.param(
        "chain-not-connected",
        f'<{I}collaboration/k> a ez:CareChain ; rdfs:label "K"@nl .\n'
        + f"<{I}membership/x--k> a org:Membership ; org:member <{I}organisation/x> ;"
        + f" org:organization <{I}collaboration/k> .",
        ["collaboration/k"],
        [],
        [],
        id="lonely-chain",
    ),
    pytest.param(
        "chain-not-connected",
        f'<{I}collaboration/k> a ez:CareChain ; rdfs:label "K"@nl .\n'
        + f"<{I}membership/zh--k> a org:Membership ; org:member <{I}organisation/zh> ;"
        + f" org:organization <{I}collaboration/k> .\n"
        + act("a", f"ez:participant <{I}organisation/zh>"),
        [],
        [],
        ["collaboration/k"],
        id="chain-shares-a-hospital-with-the-network",
    ),
    pytest.param(
        "goal-without-activity",
        f"<{I}plan/p> ez:hasGoal <{I}goal/g1>, <{I}goal/g2> .\n" + act("a", f"ez:contributesToGoal <{I}goal/g1>"),
        ["goal/g2"],
        [],
        ["goal/g1"],
        id="goal-nobody-works-towards",
    ),
    pytest.param(
        "goal-without-activity",
        f"<{I}plan/p> ez:hasGoal <{I}goal/g1> .\n" + act("a", ""),
        [],
        ["plan/p"],
        ["goal/g1"],
        id="plan-links-no-activity-to-goals",
    ),
    pytest.param(
        "uncertain-link",
        f'<{I}membership/n--c> ez:certainty "onzeker" .',
        [],
        ["network/n"],
        [],
        id="uncertain-membership-to-confirm",
    ),
    pytest.param("uncertain-link", "", [], [], ["network/n"], id="certain-membership"),
]


@pytest.mark.parametrize(("gap", "turtle", "gaps", "unknown", "absent"), CASES)
def test_gap_unknown_or_nothing(
    small_graph: Callable[..., Ecosystem], gap: str, turtle: str, gaps: list[str], unknown: list[str], absent: list[str]
) -> None:
    findings = find_gaps(small_graph(BASE + turtle, bijenkorf=True), [gap])
    by_status = {s: {f.subject.removeprefix(I) for f in findings if f.status == s} for s in Status}
    assert set(gaps) <= by_status[Status.gap], findings
    assert set(unknown) <= by_status[Status.unknown], findings
    assert not set(absent) & (by_status[Status.gap] | by_status[Status.unknown]), findings
    assert not set(unknown) & by_status[Status.gap], findings


def test_every_gap_type_is_tested_both_ways() -> None:
    ids = {c.values[0] for c in CASES}
    assert ids == {g.id for g in GAP_TYPES}
    for gap in ids:
        cases = [c.values for c in CASES if c.values[0] == gap]
        assert any(c[2] for c in cases) or any(c[3] for c in cases), gap  # it can fire
        assert any(c[4] for c in cases), gap  # and it can stay silent


def test_catalogue_is_complete_and_bilingual() -> None:
    assert len(gap_types()) == 13
    for g in gap_types():
        assert g.title_nl and g.title_en and g.explanation_nl and g.explanation_en and g.source and g.method
        assert g.rationale_nl and g.rationale_en and g.enough_data_nl and g.enough_data_en


def test_each_gap_id_is_written_in_one_source_file() -> None:
    from pathlib import Path

    import ecosysteem

    src = Path(ecosysteem.__file__).parent
    for g in gap_types():
        files = [p for p in src.rglob("*") if p.is_file() and p.suffix in {".py", ".rq", ".html", ".j2"}]
        holding = [p.name for p in files if f'"{g.id}"' in p.read_text(encoding="utf-8")]
        assert holding == [g.id.replace("-", "_") + ".py"], (g.id, holding)


def test_aliases_still_select_their_gap_type(eco: Ecosystem) -> None:
    assert find_gaps(eco, ["duplication-without-alignment"]) == find_gaps(eco, ["peers-same-theme"])
    assert find_gaps(eco, ["partner-checklist"]) == find_gaps(eco, ["missing-partner-types"])


@pytest.fixture(scope="module")
def findings(eco: Ecosystem) -> list[Finding]:
    return find_gaps(eco)


def test_default_data_has_gaps_of_these_types(findings: list[Finding]) -> None:
    """The kinds of gap the seeds show (each backed by a row of tests/test_judgement.py)."""
    found = {f.gap for f in findings if f.status == Status.gap}
    assert found == {
        "chain-not-connected",
        "goal-without-activity",
        "loop-without-partner",
        "missing-partner-types",
        "no-owner-no-period",
        "patient-voice-missing",
        "peers-same-theme",
    }
    assert findings == sorted(findings, key=Finding.sort_key)


def test_no_gap_is_about_a_subject_without_data(eco: Ecosystem, findings: list[Finding]) -> None:
    """Issue 14's first 'done when': gaps only where the graph holds data about the subject."""
    from ecosysteem.analysis.scope import Scope

    scope = Scope.of(eco)
    for f in findings:
        if f.status != Status.gap:
            continue
        assert "/action/" not in f.subject, f
        if f.subject_kind in {"network", "supra-regional collaboration"}:
            assert scope.collaboration_activities(f.subject), f


def test_unknowns_are_one_line_per_subject_and_reason(findings: list[Finding]) -> None:
    keys = [(f.subject, f.message_en) for f in findings if f.status == Status.unknown]
    assert len(keys) == len(set(keys))
    assert all(f.needs_nl and f.needs_en for f in findings if f.status == Status.unknown)


def test_summary_line_counts_gaps_and_unknowns(findings: list[Finding]) -> None:
    gaps = sum(f.status == Status.gap for f in findings)
    unknown = len(findings) - gaps
    assert summary_line(findings).startswith(f"{gaps} gaten, {unknown} onbekend (te beslissen met: ")
    assert summary_line(findings, "en").startswith(f"{gaps} gaps, {unknown} unknown (would be settled by: ")


def test_twente_activity_without_owner_is_found(findings: list[Finding]) -> None:
    """Seed 004: 'Toereikend aanbod palliatieve zorg' — 'Nog op te starten werkgroep'."""
    hits = [f for f in findings if f.gap == "no-owner-no-period" and "Toereikend aanbod" in f.subject_label]
    assert hits and hits[0].severity == "high" and hits[0].status == Status.gap
    assert any("twente" in n for n in hits[0].networks)


def test_network_filter(eco: Ecosystem) -> None:
    twente = find_gaps(eco, network="Twente")
    assert twente and all(any("twente" in n for n in f.networks) or f.subject.endswith("twente") for f in twente)
    with pytest.raises(QueryError, match="Atlantis"):
        find_gaps(eco, network="Atlantis")
    with pytest.raises(QueryError, match="matches 3 networks"):
        find_gaps(eco, network="Utrecht")  # never three networks merged silently


def test_unknown_gap_type(eco: Ecosystem) -> None:
    with pytest.raises(QueryError, match="unknown gap type"):
        find_gaps(eco, ["no-such-gap"])


def test_findings_serialise(findings: list[Finding]) -> None:
    again = [Finding.model_validate_json(f.model_dump_json()) for f in findings[:20]]
    assert again == findings[:20]


def test_plans_are_judged_as_of_their_own_date(eco: Ecosystem) -> None:
    """A 2021 plan is read in 2021: no activity of Twente's plan has 'ended' as of the plan's own date."""
    own = find_gaps(eco, ["no-owner-no-period"])
    assert not [f for f in own if "verstreken" in f.message_nl and any("twente" in n for n in f.networks)]
    later = find_gaps(eco, ["no-owner-no-period"], reference_date="2026-12-01")
    ended = [f for f in later if "verstreken" in f.message_nl]
    assert ended and all(f.status == Status.unknown for f in ended)  # no result recorded is unknown, never a gap


@pytest.mark.parametrize(
    ("gap", "label", "kind", "network"),
    [
        ("peers-same-theme", "Ligare", "supra-regional collaboration", "ijssel-vecht"),
        ("no-owner-no-period", "Toereikend aanbod palliatieve zorg", "activity", "twente"),
        ("chain-not-connected", "Acute Zorgregio Oost", "acute-care network", None),
        ("missing-partner-types", "Twente", "network", "twente"),
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


def test_same_findings_on_rdflib_and_oxigraph(memory_eco: Ecosystem, findings: list[Finding]) -> None:
    import ecosysteem

    assert memory_eco.store.kind == "memory"
    assert find_gaps(memory_eco) == findings == find_gaps(ecosysteem.load(store="oxigraph"))


def test_direct_look_ups_give_the_same_findings(findings: list[Finding], monkeypatch: pytest.MonkeyPatch) -> None:
    import ecosysteem
    from ecosysteem.graph import index

    monkeypatch.setattr(index, "_SMALL", 0)  # every predicate counts as large: asked subject by subject
    assert find_gaps(ecosysteem.load(store="oxigraph")) == findings


def test_same_findings_on_both_stores_on_a_synthetic_graph(tmp_path: Path) -> None:
    import ecosysteem

    path = tmp_path / "nl.nt"
    ecosysteem.generate(path, 300, seed=5)
    memory = find_gaps(ecosysteem.load(path, store="memory"))
    assert memory == find_gaps(ecosysteem.load(path, store="oxigraph"))
    assert {f.status for f in memory} == {Status.gap, Status.unknown}


def test_peers_evidence_names_only_what_runs_at_the_same_time(findings: list[Finding]) -> None:
    """Twente's 2021-only activities are no evidence of working on a theme alongside IJssel-Vecht's 2024 plan."""
    peers = [f for f in findings if f.gap == "peers-same-theme" and "Ligare" in f.subject_label]
    evidence = " ".join(e for f in peers for e in f.evidence_nl)
    assert peers and "(2021–2025)" in evidence and "(2024)" in evidence
    assert "Continuïteitshuisbezoeken" not in evidence  # seed 004: 'Wanneer 2021'


def test_a_count_of_one_reads_in_the_singular(findings: list[Finding]) -> None:
    texts = [t for f in findings for t in (f.message_nl, f.message_en, *f.evidence_nl, *f.evidence_en)]
    assert not [t for t in texts if " 1 activiteiten" in t or " 1 activities" in t or t.startswith("1 activit")]
    assert any("1 activiteit " in t for t in texts)  # loop-without-partner on the default data


@pytest.mark.parametrize(
    ("status", "lang", "ending"),
    [
        ("gap", "nl", "(de onbekende niet getoond: --status gap)"),
        ("unknown", "en", "(gaps not shown: --status unknown)"),
    ],
)
def test_a_filtered_report_does_not_count_what_it_left_out_as_zero(status: str, lang: str, ending: str) -> None:
    from click.testing import CliRunner

    from ecosysteem.cli import cli

    result = CliRunner().invoke(cli, ["-q", "--lang", lang, "gaps", "--status", status])
    assert result.exit_code == 0, result.output
    last = result.output.strip().splitlines()[-1]
    assert last.endswith(ending) and " 0 " not in f" {last} "
