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
    explanation_nl="Netwerken in één consortium die aan hetzelfde thema werken in groepen zonder gedeelde "
    "activiteit of deelnemer: een kans om af te stemmen (één melding per consortium en thema).",
    explanation_en="Networks in one consortium working on the same theme in groups with no shared activity or "
    "participant: an opportunity to align (one finding per consortium and theme).",
    rationale_nl="Gedeelde thema's zijn kansen om leermiddelen af te stemmen en netwerken te verbinden.",
    rationale_en="Shared themes are chances to align learning materials and connect networks.",
    source="seed 002 (Leermiddelen afstemmen; Netwerken verbinden)",
    severity=Severity.low,
    enough_data_nl="de netwerken hebben activiteiten met dat thema in dezelfde jaren",
    enough_data_en="the networks have activities on that theme in the same years",
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
    """Per consortium and theme: one low finding when its networks on the theme work in separate groups."""
    out = []
    for collaboration in consortia(ctx):
        networks = ctx.scope.member_networks(collaboration)
        themes = {n: themes_of(ctx, n) for n in networks}
        for theme in sorted({t for found in themes.values() for t in found}):
            on_theme = {n: themes[n][theme] for n in networks if theme in themes[n]}
            groups = _concurrent(ctx, on_theme, _groups(ctx, on_theme))
            if len(groups) > 1:
                out.append(_finding(ctx, collaboration, theme, _at_the_same_time(ctx, on_theme, groups), groups))
    return out


def _at_the_same_time(ctx: Context, on_theme: dict[str, set[str]], groups: list[list[str]]) -> dict[str, set[str]]:
    """Each network's activities on the theme that run in a year another group works on it (the evidence)."""
    group_of = {n: i for i, g in enumerate(groups) for n in g}
    years = {a: _years(ctx, a) for n in group_of for a in on_theme[n]}
    found = {}
    for n, i in group_of.items():
        others = {y for m, j in group_of.items() if j != i for a in on_theme[m] for y in years[a]}
        found[n] = {a for a in on_theme[n] if years[a] & others}
    return found


def _concurrent(ctx: Context, on_theme: dict[str, set[str]], groups: list[list[str]]) -> list[list[str]]:
    """The groups, each cut to the networks that work on the theme in a year a network of another group does.

    Plans are of different years (seed 004 is 2021, seed 001 is 2024): networks that never work on a theme at the
    same time are no peers on it.
    """
    years = {n: {y for a in acts for y in _years(ctx, a)} for n, acts in on_theme.items()}
    kept = []
    for i, group in enumerate(groups):
        others = {y for j, g in enumerate(groups) if j != i for n in g for y in years[n]}
        concurrent = [n for n in group if years[n] & others]
        if concurrent:
            kept.append(concurrent)
    return kept


def _groups(ctx: Context, on_theme: dict[str, set[str]]) -> list[list[str]]:
    """The networks on one theme, grouped by what they share (an activity or project, or a participant)."""
    shares = {n: (_projects(ctx, acts), _parties(ctx, acts)) for n, acts in on_theme.items()}
    group_of = {n: n for n in on_theme}

    def root(n: str) -> str:
        while group_of[n] != n:
            n = group_of[n]
        return n

    names = sorted(on_theme)
    for i, n1 in enumerate(names):
        for n2 in names[i + 1 :]:
            if shares[n1][0] & shares[n2][0] or shares[n1][1] & shares[n2][1]:
                group_of[root(n2)] = root(n1)
    groups: dict[str, list[str]] = {}
    for n in names:
        groups.setdefault(root(n), []).append(n)
    return sorted(groups.values())


def _projects(ctx: Context, activities: set[str]) -> set[str]:
    """The activities and everything they are part of: two pilots of one project share that project."""
    return {node for a in activities for node in ctx.scope.lineage(a)}


def _parties(ctx: Context, activities: set[str]) -> set[str]:
    return {p for a in activities for p in ctx.scope.parties(a)}


def _finding(
    ctx: Context, collaboration: str, theme: str, on_theme: dict[str, set[str]], groups: list[list[str]]
) -> Finding:
    involved = sorted(n for g in groups for n in g)
    listed = [_listed(ctx, n, theme, on_theme[n]) for n in involved]
    nl_groups = " | ".join(ctx.labels(g) for g in groups)
    en_groups = " | ".join(ctx.labels(g, "en") for g in groups)
    return ctx.finding(
        GAP,
        collaboration,
        (
            f"{len(involved)} netwerken werken tegelijk aan '{ctx.label(theme)}' in {len(groups)} groepen zonder "
            f"gedeelde activiteit of deelnemer: {nl_groups}",
            f"{len(involved)} networks work on '{ctx.label(theme, 'en')}' at the same time in {len(groups)} groups "
            f"with no shared activity or participant: {en_groups}",
        ),
        ([nl for nl, _en in listed], [en for _nl, en in listed]),
        networks=involved,
        about=sorted({a for n in involved for a in on_theme[n]}),
        concept=theme,
    )


def _listed(ctx: Context, network: str, theme: str, activities: set[str]) -> tuple[str, str]:
    """``(nl, en)`` "network: its activities on the theme (their years)"."""

    def named(lang: str) -> str:
        items = sorted((ctx.label(a, lang), _span(_years(ctx, a))) for a in activities)
        return "; ".join(f"{name} ({span})" for name, span in items)

    return f"{ctx.label(network)}: {named('nl')}", f"{ctx.label(network, 'en')}: {named('en')}"


def _years(ctx: Context, activity: str) -> set[int]:
    """``Scope.years`` once per activity: an activity recurs on each of its themes and in the evidence."""
    key = ("peers-years", activity)
    found = ctx.memo.get(key)
    if found is None:
        found = ctx.memo[key] = ctx.scope.years(activity)
    return found


def _span(years: set[int]) -> str:
    return f"{min(years)}–{max(years)}" if len(years) > 1 else str(min(years))
