"""Peers on the same theme: networks of one consortium working on a theme side by side, an opportunity."""

from __future__ import annotations

from collections import defaultdict

from ecosysteem.analysis.gaps._bijenkorf import consortia
from ecosysteem.analysis.gaps._context import Context
from ecosysteem.analysis.gaps._model import Finding, GapType, Severity
from ecosysteem.vocab import EZ

ORDER = 70
GAP = GapType(
    id="peers-same-theme",
    title_nl="Netwerken op hetzelfde thema",
    title_en="Peers on the same theme",
    explanation_nl="Netwerken in één consortium die aan hetzelfde thema werken zonder gedeelde activiteit of "
    "gedeelde deelnemer: een kans om af te stemmen.",
    explanation_en="Networks in one consortium working on the same theme with no shared activity or participant: "
    "an opportunity to align.",
    rationale_nl="Gedeelde thema's zijn kansen om leermiddelen af te stemmen en netwerken te verbinden.",
    rationale_en="Shared themes are chances to align learning materials and connect networks.",
    source="seed 002 (Leermiddelen afstemmen; Netwerken verbinden)",
    severity=Severity.low,
    enough_data_nl="beide netwerken hebben activiteiten met dat thema",
    enough_data_en="both networks have activities on that theme",
    method="themes of the activities in each member network's scope; their activities and parties",
    aliases=("duplication-without-alignment",),
)

_THEME = str(EZ.theme)


def themes_of(ctx: Context, network: str) -> dict[str, set[str]]:
    """Theme → the typed activities in ``network``'s scope on that theme."""
    found: dict[str, set[str]] = defaultdict(set)
    for activity in ctx.scope.network_activities(network):
        if ctx.scope.is_activity(activity):
            for theme in ctx.index.iri_objects(activity, _THEME):
                found[theme].add(activity)
    return found


def detect(ctx: Context) -> list[Finding]:
    """Per consortium, theme and pair of member networks on it with nothing shared: one low finding."""
    out = []
    for collaboration in consortia(ctx):
        networks = ctx.scope.member_networks(collaboration)
        themes = {n: themes_of(ctx, n) for n in networks}
        for i, n1 in enumerate(networks):
            for n2 in networks[i + 1 :]:
                for theme in sorted(themes[n1].keys() & themes[n2].keys()):
                    a1, a2 = themes[n1][theme], themes[n2][theme]
                    if not _projects(ctx, a1) & _projects(ctx, a2) and not _parties(ctx, a1) & _parties(ctx, a2):
                        out.append(_finding(ctx, collaboration, theme, (n1, a1), (n2, a2)))
    return out


def _projects(ctx: Context, activities: set[str]) -> set[str]:
    """The activities and everything they are part of: two pilots of one project share that project."""
    return {node for a in activities for node in ctx.scope.lineage(a)}


def _parties(ctx: Context, activities: set[str]) -> set[str]:
    return {p for a in activities for p in ctx.scope.parties(a)}


def _finding(
    ctx: Context, collaboration: str, theme: str, one: tuple[str, set[str]], two: tuple[str, set[str]]
) -> Finding:
    (n1, a1), (n2, a2) = one, two
    listed = [_listed(ctx, n, theme, acts) for n, acts in (one, two)]
    return ctx.finding(
        GAP,
        collaboration,
        (
            f"{ctx.label(n1)} en {ctx.label(n2)} werken beide aan '{ctx.label(theme)}' zonder gedeelde activiteit "
            "of deelnemer",
            f"{ctx.label(n1, 'en')} and {ctx.label(n2, 'en')} both work on '{ctx.label(theme, 'en')}' with no "
            "shared activity or participant",
        ),
        ([nl for nl, _en in listed], [en for _nl, en in listed]),
        networks=[n1, n2],
        about=sorted(a1 | a2),
    )


def _listed(ctx: Context, network: str, theme: str, activities: set[str]) -> tuple[str, str]:
    """``(nl, en)`` "network: its activities on the theme" (memoised: a network recurs in many pairs)."""
    key = f"{network} {theme}"
    found = ctx.memo.get(("peers-listed", key))
    if found is None:
        found = ctx.memo["peers-listed", key] = (
            f"{ctx.label(network)}: {ctx.labels(activities)}",
            f"{ctx.label(network, 'en')}: {ctx.labels(activities, 'en')}",
        )
    return found
