"""Patient voice missing: activities and workgroups with parties recorded, none of whom brings that perspective."""

from __future__ import annotations

from collections.abc import Sequence

from ecosysteem.analysis.gaps._context import Context
from ecosysteem.analysis.gaps._model import Finding, GapType, Severity
from ecosysteem.vocab import EZ, ID, RDF

ORDER = 90
GAP = GapType(
    id="patient-voice-missing",
    title_nl="Stem van patiënt en naasten ontbreekt",
    title_en="Patient voice missing",
    explanation_nl="Activiteiten (en hun werkgroepen) op een thema waarvoor het eigen plan van het netwerk "
    "patiëntparticipatie als voorwaarde stelt, met vastgelegde partijen van wie niemand het perspectief van "
    "patiënten, naasten of cliënten inbrengt.",
    explanation_en="Activities (and their workgroups) on a theme for which the network's own plan makes patient "
    "participation a precondition, with parties recorded, none of whom brings in the perspective of patients, "
    "families or clients.",
    rationale_nl="Waar een netwerk zelf schrijft dat 'patiëntparticipatie een voorwaarde' is (seed 001, doel "
    "Proactieve zorgplanning), toetst het zijn eigen activiteiten daaraan. Een netwerk dat die eis niet stelt, wordt "
    "er niet aan gemeten (seed 004 legt de stem van de cliënt bij de beleidsvorming).",
    rationale_en="Where a network writes itself that 'patient participation is a precondition' (seed 001, goal "
    "advance care planning), its own activities are measured against it. A network that does not make that demand "
    "is not measured against it (seed 004 places the client's voice in policy-making).",
    source="seeds 001, 004 (ez:requiresPatientParticipation on a goal of the network's plan)",
    severity=Severity.medium,
    enough_data_nl="een doel van het plan van het netwerk stelt de eis (ez:requiresPatientParticipation), en de "
    "activiteit (of het project waar ze deel van is) heeft vastgelegde partijen of rollen; het perspectief van een "
    "project geldt voor zijn fasen",
    enough_data_en="a goal of the network's plan makes the demand (ez:requiresPatientParticipation), and the "
    "activity (or the project it is part of) has parties or roles recorded; a project's perspective holds for its "
    "phases",
    method="goals with ez:requiresPatientParticipation give (network, theme) pairs; roles with "
    "ez:patientPerspective and client organisations among the inherited parties",
)

_ROLE, _PERSPECTIVE, _ORG_TYPE = str(EZ.participantRole), str(EZ.patientPerspective), str(EZ.organisationType)
_CLIENTS = str(ID["organisation-type/clientenorganisatie"])
_GROUP, _GROUP_TYPE = str(EZ.group), str(EZ.groupType)
_WORKGROUP = str(ID["group-type/werkgroep"])
_PARTIES = (str(EZ.responsible), str(EZ.lead), str(EZ.participant))
_REQUIRES, _HAS_GOAL, _THEME = str(EZ.requiresPatientParticipation), str(EZ.hasGoal), str(EZ.theme)
_PLAN_OF = str(EZ.planOf)


def _perspective_role(ctx: Context, role: str) -> bool:
    return any(v in ("true", "1") for v in ctx.scope.literal(role, _PERSPECTIVE))


def has_voice(ctx: Context, activity: str) -> bool:
    """Whether a role or party of ``activity`` (inherited along ``ez:partOf``) brings the patient perspective.

    A project's perspective holds for each of its phases, whatever they state themselves.
    """
    for node in ctx.scope.lineage(activity):
        if any(_perspective_role(ctx, r) for r in ctx.index.iri_objects(node, _ROLE)):
            return True
        parties = {o for prop in _PARTIES for o in ctx.index.iri_objects(node, prop)}
        kinds = {t for p in parties for t in ctx.index.iri_objects(p, _ORG_TYPE)}
        if _CLIENTS in ctx.scope.broader(kinds):
            return True
    return False


def detect(ctx: Context) -> list[Finding]:
    """Per activity and workgroup: a gap when parties are recorded and none brings the perspective."""
    out, unknown = [], []
    demands = _demands(ctx)
    applies = sorted(
        a
        for a in ctx.scope.activities()
        if any((n, t) in demands for n in ctx.networks_of(a) for t in ctx.index.iri_objects(a, _THEME))
    )
    for activity in applies:
        if has_voice(ctx, activity):
            continue
        if ctx.scope.parties(activity) or ctx.scope.inherited_objects(activity, _ROLE):
            out.append(_gap(ctx, activity, "Activiteit", "Activity", ctx.networks_of(activity)))
        else:
            unknown.append(activity)
    out += _workgroups(ctx, set(applies))
    return out + ctx.unknown_per_network(
        GAP,
        unknown,
        ("{activities} zonder vastgelegde partijen", "{activities} with no parties recorded"),
        ("wie er aan de activiteiten deelneemt", "who takes part in the activities"),
    )


def _demands(ctx: Context) -> set[tuple[str, str]]:
    """(network, theme) pairs whose activities need the patient voice: the goals of a network's plan that say so."""
    found: set[tuple[str, str]] = set()
    for plan, goal in ctx.index.iri_pairs(_HAS_GOAL):
        if not any(v in ("true", "1") for v in ctx.scope.literal(goal, _REQUIRES)):
            continue
        themes = ctx.index.iri_objects(goal, _THEME)
        for network in ctx.index.iri_objects(plan, _PLAN_OF):
            found.update((network, theme) for theme in themes if network in ctx.networks)
    return found


def _workgroups(ctx: Context, applies: set[str]) -> list[Finding]:
    out = []
    for group in sorted(ctx.index.iri_subjects(_GROUP_TYPE, _WORKGROUP)):
        if str(EZ.Group) not in ctx.index.iri_objects(group, str(RDF.type)):
            continue
        activities = ctx.index.iri_subjects(_GROUP, group)
        if not applies.intersection(activities) or any(has_voice(ctx, a) for a in activities):
            continue
        unit = ctx.view.first(group, EZ.unitOf)
        out.append(_gap(ctx, group, "Werkgroep", "Workgroup", [unit] if unit in ctx.networks else [], activities))
    return out


def _gap(
    ctx: Context, subject: str, what_nl: str, what_en: str, networks: list[str], activities: Sequence[str] = ()
) -> Finding:
    parties = [*ctx.scope.parties(subject), *activities]
    return ctx.finding(
        GAP,
        subject,
        (f"{what_nl} zonder patiënten-/naastenperspectief", f"{what_en} without patient/family perspective"),
        (
            [
                f"partijen of activiteiten: {ctx.labels(parties)}",
                "geen rol met patiëntenperspectief of cliëntenorganisatie",
            ],
            [
                f"parties or activities: {ctx.labels(parties, 'en')}",
                "no role with patient perspective or client organisation",
            ],
        ),
        networks=networks,
    )
