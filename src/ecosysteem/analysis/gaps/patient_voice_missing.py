"""Patient voice missing: activities and workgroups with parties recorded, none of whom brings that perspective."""

from __future__ import annotations

from collections.abc import Sequence

from ecosysteem.analysis.gaps._context import Context
from ecosysteem.analysis.gaps._model import Finding, GapType, Severity
from ecosysteem.vocab import EZ, ID, RDF

ORDER = 90
THEMES: tuple[str, ...] = ("proactieve-zorgplanning", "clientparticipatie")
"""Themes whose activities the sources say need the patient's voice (seed 001: ACP; seed 004: cliëntenparticipatie)."""
GAP = GapType(
    id="patient-voice-missing",
    title_nl="Stem van patiënt en naasten ontbreekt",
    title_en="Patient voice missing",
    explanation_nl="Activiteiten over proactieve zorgplanning of cliëntenparticipatie (en hun werkgroepen) met "
    "vastgelegde partijen, van wie niemand het perspectief van patiënten, naasten of cliënten inbrengt.",
    explanation_en="Activities on advance care planning or client participation (and their workgroups) with "
    "parties recorded, none of whom brings in the perspective of patients, families or clients.",
    rationale_nl="Bij proactieve zorgplanning is 'patiëntparticipatie een voorwaarde' (seed 001); Twente plant "
    "cliëntenparticipatie (seed 004). Voor andere activiteiten stellen de bronnen die eis niet.",
    rationale_en="For advance care planning 'patient participation is a precondition' (seed 001); Twente plans "
    "client participation (seed 004). For other activities the sources do not make that demand.",
    source="seeds 001, 002, 004",
    severity=Severity.medium,
    enough_data_nl="de activiteit (of het project waar ze deel van is) heeft vastgelegde partijen of rollen; het "
    "perspectief van een project geldt voor zijn fasen",
    enough_data_en="the activity (or the project it is part of) has parties or roles recorded; a project's "
    "perspective holds for its phases",
    parameters={"themes": "themes whose activities need the patient voice (default: " + ", ".join(THEMES) + ")"},
    method="roles with ez:patientPerspective and client organisations among the inherited parties",
)

_ROLE, _PERSPECTIVE, _ORG_TYPE = str(EZ.participantRole), str(EZ.patientPerspective), str(EZ.organisationType)
_CLIENTS = str(ID["organisation-type/clientenorganisatie"])
_GROUP, _GROUP_TYPE = str(EZ.group), str(EZ.groupType)
_WORKGROUP = str(ID["group-type/werkgroep"])
_PARTIES = (str(EZ.responsible), str(EZ.lead), str(EZ.participant))


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
    themes = {str(ID[f"theme/{t}"]) for t in THEMES}
    # The demand comes from the networks' own plans (001, 004): it applies to activities of a network.
    applies = sorted(
        a
        for a in ctx.scope.activities()
        if themes & set(ctx.index.iri_objects(a, str(EZ.theme))) and ctx.networks_of(a)
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
        ("{n} activiteiten zonder vastgelegde partijen", "{n} activities with no parties recorded"),
        ("wie er aan de activiteiten deelneemt", "who takes part in the activities"),
    )


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
