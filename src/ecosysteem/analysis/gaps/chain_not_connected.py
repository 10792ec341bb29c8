"""Chain not connected: a care chain or acute-care network that shares nothing with a palliative network."""

from __future__ import annotations

from ecosysteem.analysis.gaps._context import Context
from ecosysteem.analysis.gaps._model import Finding, GapType, Severity
from ecosysteem.vocab import EZ, RDF

ORDER = 110
GAP = GapType(
    id="chain-not-connected",
    title_nl="Keten niet verbonden",
    title_en="Chain not connected",
    explanation_nl="Zorgketens of acute-zorgnetwerken zonder gedeelde activiteit, gedeeld lidmaatschap of gedeelde "
    "organisatie met een netwerk palliatieve zorg.",
    explanation_en="Care chains or acute-care networks sharing no activity, membership or organisation with any "
    "palliative-care network.",
    rationale_nl="Palliatieve patiënten gaan ook door ziekteketens en de acute zorg.",
    rationale_en="Palliative patients also move through disease chains and acute care.",
    source="seeds 003, 004",
    severity=Severity.medium,
    enough_data_nl="de keten heeft vastgelegde leden of activiteiten",
    enough_data_en="the chain has members or activities recorded",
    method="activities, memberships and organisations the chain shares with a network's scope",
)

_CHAINS = (str(EZ.CareChain), str(EZ.AcuteCareNetwork))


def detect(ctx: Context) -> list[Finding]:
    """Per chain: unknown without members or activities; a gap when it shares nothing with a network."""
    works_in = ctx.view.networks_by_agent()
    out = []
    chains = sorted({c for cls in _CHAINS for c in ctx.index.iri_subjects(str(RDF.type), cls)})
    for chain in chains:
        members = set(ctx.scope.members(chain))
        activities = ctx.scope.network_activities(chain)
        if not members and not activities:
            out.append(
                ctx.unknown(
                    GAP,
                    chain,
                    ("geen leden of activiteiten vastgelegd", "no members or activities recorded"),
                    ("de leden en activiteiten van de keten", "the chain's members and activities"),
                )
            )
            continue
        shared = _shared(ctx, chain, members, activities, works_in)
        if not shared:
            out.append(_gap(ctx, chain, members, activities))
    return out


def _shared(
    ctx: Context, chain: str, members: set[str], activities: set[str], works_in: dict[str, set[str]]
) -> set[str]:
    """The networks the chain meets: in one of its activities, in a membership, or through a shared organisation."""
    found = {n for a in activities for n in ctx.networks_of(a)}
    found |= {n for n in ctx.scope.organizations_of(chain) if n in ctx.networks}
    found |= {m for m in members if m in ctx.networks}
    parties = {p for a in activities for p in ctx.scope.parties(a)}
    found |= {n for org in members | parties if org != chain for n in works_in.get(org, ())}
    return found


def _gap(ctx: Context, chain: str, members: set[str], activities: set[str]) -> Finding:
    return ctx.finding(
        GAP,
        chain,
        (
            "Geen gedeelde activiteit, lidmaatschap of organisatie met een netwerk palliatieve zorg",
            "No shared activity, membership or organisation with any palliative-care network",
        ),
        (
            [f"leden: {ctx.labels(members)}", f"activiteiten: {ctx.labels(activities)}"],
            [f"members: {ctx.labels(members, 'en')}", f"activities: {ctx.labels(activities, 'en')}"],
        ),
        about=sorted(activities),
    )
