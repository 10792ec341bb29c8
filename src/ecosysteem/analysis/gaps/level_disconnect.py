"""Level disconnect: a network without a consortium, a consortium without a link to the national level."""

from __future__ import annotations

from ecosysteem.analysis.gaps._bijenkorf import consortia
from ecosysteem.analysis.gaps._context import Context
from ecosysteem.analysis.gaps._model import Finding, GapType, Severity
from ecosysteem.vocab import EZ, ID

ORDER = 40
GAP = GapType(
    id="level-disconnect",
    title_nl="Niveaus niet verbonden",
    title_en="Level disconnect",
    explanation_nl="Een netwerk zonder bovenregionaal samenwerkingsverband, of een bovenregionaal verband "
    "zonder landelijke koppeling.",
    explanation_en="A network linked to no supra-regional collaboration, or a supra-regional collaboration "
    "with no link to the national level.",
    rationale_nl="De verbindingsfunctie vraagt dat de drie cirkels in elkaar grijpen.",
    rationale_en="The verbindingsfunctie needs the three circles to interlock.",
    source="seed 002 (Verbindingsfunctie landelijk – regionaal); every Dutch network belongs to a consortium",
    severity=Severity.high,
    enough_data_nl="alleen een vastgelegd, zeker ontbreken telt als gat; een leeg of onzeker lidmaatschap is onbekend",
    enough_data_en="only a recorded, certain absence is a gap; a missing or uncertain membership is unknown",
    method="org:Membership of networks in consortia and of consortia in national bodies",
)

_NATIONAL = str(ID["level/landelijk"])
_PARTY = (str(EZ.responsible), str(EZ.lead), str(EZ.participant), str(EZ.fundedBy), str(EZ.partOf))


def detect(ctx: Context) -> list[Finding]:
    """Unknowns: the data records memberships, never their absence, so a missing link cannot be a gap."""
    supra = set(consortia(ctx))
    links_of: dict[str, list[str]] = {}
    for membership, member, organization in ctx.scope.memberships():
        if organization in supra:
            links_of.setdefault(member, []).append(membership)
    out = []
    for network in sorted(ctx.networks):
        if not links_of.get(network):  # an uncertain membership is uncertain-link's finding: one line per fact
            out.append(_network_unknown(ctx, network))
    for collaboration in sorted(supra):
        if not _national_link(ctx, collaboration):
            out.append(
                ctx.unknown(
                    GAP,
                    collaboration,
                    ("geen koppeling met het landelijk niveau vastgelegd", "no link to the national level recorded"),
                    ("lidmaatschap van een landelijk orgaan (zoals LOCo)", "membership of a national body (e.g. LOCo)"),
                    networks=ctx.scope.member_networks(collaboration),
                )
            )
    return out


def _network_unknown(ctx: Context, network: str) -> Finding:
    return ctx.unknown(
        GAP,
        network,
        ("geen consortium vastgelegd", "no consortium recorded"),
        ("het consortium waarvan het netwerk lid is", "the consortium the network belongs to"),
        networks=[network],
    )


def _national_link(ctx: Context, collaboration: str) -> bool:
    g = ctx.index
    national = {n for n in ctx.scope.organizations_of(collaboration) if ctx.level(n) == _NATIONAL}
    if national:
        return True
    for prop in (str(EZ.responsible), str(EZ.lead), str(EZ.participant)):
        for activity in g.iri_subjects(prop, collaboration):
            if any(ctx.level(o) == _NATIONAL for p in _PARTY for o in g.iri_objects(activity, p)):
                return True
    return False
