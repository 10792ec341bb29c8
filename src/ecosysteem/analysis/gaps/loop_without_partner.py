"""Loop without its partner: an education activity without an education institution, and so on."""

from __future__ import annotations

from ecosysteem.analysis.gaps._bijenkorf import loops_of
from ecosysteem.analysis.gaps._context import Context
from ecosysteem.analysis.gaps._model import Finding, GapType, Severity
from ecosysteem.analysis.gaps._parties import kinds_of_activity
from ecosysteem.vocab import EZ, ID

ORDER = 30
GAP = GapType(
    id="loop-without-partner",
    title_nl="Lus zonder haar partner",
    title_en="Loop without its partner",
    explanation_nl="Onderwijsactiviteit zonder onderwijsinstelling, onderzoek zonder onderzoeksinstelling, "
    "praktijk zonder zorgaanbieder.",
    explanation_en="Education activity without an education institution, research without a research "
    "institution, practice without a care provider.",
    rationale_nl="Een lus leeft van het kruisen van werelden; zonder haar partner blijft ze in één wereld.",
    rationale_en="A loop lives from crossing worlds; without its partner it stays inside one world.",
    source="seed 002 (Onderwijsinstellingen en praktijk verbinden; Gezamenlijk onderzoeksprogramma)",
    severity=Severity.medium,
    enough_data_nl="de activiteit (of het project waar ze deel van is) heeft partijen van bekende soort",
    enough_data_en="the activity (or the project it is part of) has parties of a known kind",
    method="activities (ez:Activity and subclasses, never the action concepts) with a loop; the kinds of their "
    "inherited parties, participant types and roles",
)

_PARTNERS = (
    (str(ID["loop/onderwijs"]), str(ID["organisation-type/onderwijsinstelling"])),
    (str(ID["loop/onderzoek"]), str(ID["organisation-type/onderzoeksinstelling"])),
    (str(ID["loop/praktijk"]), str(ID["organisation-type/zorgaanbieder"])),
)
_CARE_PROVIDER = str(ID["organisation-type/zorgaanbieder"])
_PROLE, _LINE = str(EZ.participantRole), str(EZ.lineOfCare)


def detect(ctx: Context) -> list[Finding]:
    """Per activity with a loop: a gap per loop whose partner kind is not among its parties."""
    out: list[Finding] = []
    unknown = []
    for activity in sorted(ctx.scope.activities()):
        loops = loops_of(ctx, activity)
        wanted = [(loop, kind) for loop, kind in _PARTNERS if loop in loops]
        if not wanted:
            continue
        kinds = kinds_of_activity(ctx, activity)
        roles = ctx.scope.inherited_objects(activity, _PROLE)
        # A care role (with a line of care), a palliative network or a consortium of them (collaborations of care
        # providers) brings care providers in.
        if any(ctx.index.iri_objects(role, _LINE) for role in roles) or any(
            ctx.view.kind(p) in {"network", "collaboration"} for p in ctx.scope.parties(activity)
        ):
            kinds.add(_CARE_PROVIDER)
        if not kinds:
            unknown.append(activity)
            continue
        out += [_gap(ctx, activity, loop, kind, kinds) for loop, kind in wanted if kind not in kinds]
    return out + ctx.unknown_per_network(
        GAP,
        unknown,
        (
            "{activities} in een lus zonder partijen van bekende soort",
            "{activities} in a loop with no parties of a known kind",
        ),
        ("de partijen van die activiteiten", "the parties of those activities"),
    )


def _gap(ctx: Context, activity: str, loop: str, kind: str, kinds: set[str]) -> Finding:
    return ctx.finding(
        GAP,
        activity,
        (
            f"Activiteit in de lus '{ctx.label(loop)}' zonder {ctx.label(kind)}",
            f"Activity in the '{ctx.label(loop, 'en')}' loop without any {ctx.label(kind, 'en')}",
        ),
        ([f"soorten partijen: {ctx.labels(kinds)}"], [f"kinds of party: {ctx.labels(kinds, 'en')}"]),
        networks=ctx.networks_of(activity),
    )
