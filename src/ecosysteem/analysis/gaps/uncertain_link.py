"""Uncertain link: memberships the data marks as uncertain, listed for confirmation, not used as facts."""

from __future__ import annotations

from ecosysteem.analysis.gaps._context import Context
from ecosysteem.analysis.gaps._model import Finding, GapType, Severity

ORDER = 120
GAP = GapType(
    id="uncertain-link",
    title_nl="Onzeker lidmaatschap",
    title_en="Uncertain link",
    explanation_nl="Een lidmaatschap dat de bron met (?) markeert: te bevestigen, geen feit.",
    explanation_en="A membership its source marks with (?): to be confirmed, not a fact.",
    rationale_nl="Een analyse die op een onzeker lidmaatschap rust, is zo zeker als dat lidmaatschap.",
    rationale_en="An analysis that rests on an uncertain membership is as certain as that membership.",
    source="shared/reference (markers '(?)'), ez:certainty 'onzeker'",
    severity=Severity.low,
    enough_data_nl="altijd onbekend tot het lidmaatschap bevestigd is",
    enough_data_en="always unknown until the membership is confirmed",
    method="org:Membership with ez:certainty 'onzeker'",
)


def detect(ctx: Context) -> list[Finding]:
    """One unknown per uncertain membership, about its member."""
    out = []
    for membership, member, organization in ctx.scope.memberships():
        if not ctx.scope.uncertain(membership):
            continue
        out.append(
            ctx.unknown(
                GAP,
                member,
                (
                    f"lidmaatschap van {ctx.label(organization)} is onzeker",
                    f"membership of {ctx.label(organization, 'en')} is uncertain",
                ),
                ("bevestiging van het lidmaatschap", "confirmation of the membership"),
                (
                    [f"{ctx.label(member)} is lid van {ctx.label(organization)} (?)"],
                    [f"{ctx.label(member, 'en')} is member of {ctx.label(organization, 'en')} (?)"],
                ),
                networks=[n for n in (member, organization) if n in ctx.networks],
                about=[membership],
            )
        )
    return out
