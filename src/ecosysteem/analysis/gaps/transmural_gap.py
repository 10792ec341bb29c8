"""Transmural gap: first and second/third line never meet in a network's activities."""

from __future__ import annotations

from ecosysteem.analysis.gaps._context import Context, n_activities
from ecosysteem.analysis.gaps._model import Finding, GapType, Severity
from ecosysteem.analysis.gaps._parties import has_unknown_line, lines_of_activity
from ecosysteem.vocab import EZ, ID

ORDER = 50
GAP = GapType(
    id="transmural-gap",
    title_nl="Eerste en tweede lijn ontmoeten elkaar niet",
    title_en="Transmural gap",
    explanation_nl="Een netwerk waar geen activiteit eerstelijns en tweede- of derdelijns partijen samenbrengt, of "
    "een transmurale activiteit met partijen uit maar één lijn.",
    explanation_en="A network where no activity brings first-line and second- or third-line parties together, or a "
    "transmural activity whose parties come from one line only.",
    rationale_nl="Transmurale zorg is zorg over de lijnen heen; continuïteit hangt ervan af dat ze elkaar ontmoeten.",
    rationale_en="Transmural care is care across the lines; continuity depends on them meeting.",
    source="seeds 000, 001, 004 (transmurale samenwerking)",
    severity=Severity.medium,
    enough_data_nl="het netwerk heeft een plan met activiteiten waarvan de lijn van zorg van de partijen bekend is",
    enough_data_en="the network has a plan with activities whose parties' line of care is known",
    method="lines of care of the (inherited) parties, participant types and roles of each activity in scope",
)

_FIRST = str(ID["line-of-care/eerste-lijn"])
_SPECIALIST = {str(ID["line-of-care/tweede-lijn"]), str(ID["line-of-care/derde-lijn"])}
_TRANSMURAL = str(ID["theme/transmurale-samenwerking"])
_THEME = str(EZ.theme)


def detect(ctx: Context) -> list[Finding]:
    """Per network with activities: a gap when lines are known and never meet; per transmural activity too."""
    out = []
    for network in sorted(ctx.networks):
        activities = sorted(a for a in ctx.scope.network_activities(network) if ctx.scope.is_activity(a))
        if not activities or not ctx.scope.plans_of(network):
            continue  # no plan: the partner check says once what is missing (missing-partner-types)
        lines = {a: lines_of_activity(ctx, a) for a in activities}
        known = {a: ls for a, ls in lines.items() if ls}
        doubt = {a for a in activities if has_unknown_line(ctx, a)}  # a party whose line is 'onbekend'
        if not any(_meets(ls) for ls in known.values()):
            out.append(_network_gap(ctx, network, known) if known and not doubt else _unknown(ctx, network, activities))
        out += [
            _one_line(ctx, a, ls)
            for a, ls in known.items()
            if _transmural(ctx, a) and not _meets(ls) and a not in doubt
        ]
    return out


def _unknown(ctx: Context, network: str, activities: list[str]) -> Finding:
    return ctx.unknown(
        GAP,
        network,
        (
            f"van de {n_activities(len(activities))[0]} is de lijn van (een deel van) de partijen niet bekend",
            f"the line of care of (some of) the parties of the {n_activities(len(activities))[1]} is not known",
        ),
        ("de partijen van de activiteiten en hun lijn", "the activities' parties and their line of care"),
        networks=[network],
    )


def _meets(lines: set[str]) -> bool:
    return _FIRST in lines and bool(lines & _SPECIALIST)


def _transmural(ctx: Context, activity: str) -> bool:
    return _TRANSMURAL in ctx.index.iri_objects(activity, _THEME)


def _network_gap(ctx: Context, network: str, known: dict[str, set[str]]) -> Finding:
    present = set().union(*known.values())
    return ctx.finding(
        GAP,
        network,
        (
            "Geen activiteit brengt eerste en tweede/derde lijn samen",
            "No activity brings first-line and second/third-line parties together",
        ),
        (
            [f"activiteiten met een bekende lijn: {len(known)}", f"lijnen: {ctx.labels(present)}"],
            [f"activities with a known line of care: {len(known)}", f"lines: {ctx.labels(present, 'en')}"],
        ),
        networks=[network],
        about=sorted(known),
    )


def _one_line(ctx: Context, activity: str, lines: set[str]) -> Finding:
    return ctx.finding(
        GAP,
        activity,
        (
            f"Transmurale activiteit met partijen uit alleen {ctx.labels(lines)}",
            f"Transmural activity with parties from {ctx.labels(lines, 'en')} only",
        ),
        (
            [f"thema: {ctx.label(_TRANSMURAL)}", f"partijen: {ctx.labels(ctx.scope.parties(activity))}"],
            [f"theme: {ctx.label(_TRANSMURAL, 'en')}", f"parties: {ctx.labels(ctx.scope.parties(activity), 'en')}"],
        ),
        networks=ctx.networks_of(activity),
        severity=Severity.high,
    )
