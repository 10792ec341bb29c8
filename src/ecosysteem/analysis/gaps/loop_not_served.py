"""Loop or action not taken up: a consortium with no activity in a loop, or for one of the fourteen actions."""

from __future__ import annotations

from ecosysteem.analysis.gaps._bijenkorf import concepts, judged, loops_of
from ecosysteem.analysis.gaps._context import Context, n_activities
from ecosysteem.analysis.gaps._model import Finding, GapType, Severity
from ecosysteem.vocab import EZ

ORDER = 20
GAP = GapType(
    id="loop-not-served",
    title_nl="Lus of actie niet opgepakt",
    title_en="Loop or action not taken up",
    explanation_nl="Een lus (onderwijs, praktijk, onderzoek) of een van de veertien acties zonder activiteit.",
    explanation_en="A loop (education, practice, research) or one of the fourteen actions with no activity.",
    rationale_nl="De lussen dragen de kruisbestuiving tussen onderwijs, praktijk en onderzoek; een actie die niemand "
    "oppakt is een keuze om te bespreken.",
    rationale_en="The loops carry cross-pollination between education, practice and research; an action nobody "
    "takes up is a choice to discuss.",
    source="seed 002 (Drie lussen; Bovenregionale acties)",
    severity=Severity.medium,
    enough_data_nl="het verband heeft een eigen plan; lussen: minstens één activiteit in de scope heeft een lus; "
    "acties: minstens één is aan een "
    "actie gekoppeld",
    enough_data_en="the collaboration has a plan of its own; loops: at least one activity in scope has a loop; "
    "actions: at least one is mapped to an action",
    method="scope of each consortium (ecosysteem.analysis.scope); ez:loop and ez:servesAction of its activities",
)

_ACTION = str(EZ.servesAction)
_KINDS = {"loop": ("lus", "loop", Severity.medium), "action": ("actie", "action", Severity.low)}


def detect(ctx: Context) -> list[Finding]:
    """Per consortium and kind (loop, action): gaps once any activity in scope is classified by that kind."""
    consortia, out = judged(ctx, GAP)
    for collaboration, activities, networks in consortia:
        served = {
            "loop": {loop for a in activities for loop in loops_of(ctx, a)},
            "action": {x for a in activities for x in ctx.index.iri_objects(a, _ACTION)},
        }
        for kind, found in served.items():
            out += _judge(ctx, collaboration, kind, activities, found, networks)
    return out


def _judge(
    ctx: Context, collaboration: str, kind: str, activities: list[str], served: set[str], networks: list[str]
) -> list[Finding]:
    nl, en, severity = _KINDS[kind]
    if not served:
        return [
            ctx.unknown(
                GAP,
                collaboration,
                (f"geen activiteit is aan een {nl} gekoppeld", f"no activity is mapped to a {en}"),
                (f"de {nl} van elke activiteit", f"the {en} of each activity"),
                networks=networks,
            )
        ]
    return [
        ctx.finding(
            GAP,
            collaboration,
            (f"Geen activiteit voor de {nl} '{ctx.label(c)}'", f"No activity for the {en} '{ctx.label(c, 'en')}'"),
            (
                [f"{n_activities(len(activities))[0]} in de scope", f"wel: {ctx.labels(served)}"],
                [f"{n_activities(len(activities))[1]} in scope", f"taken up: {ctx.labels(served, 'en')}"],
            ),
            networks=networks,
            severity=severity,
            concept=c,
        )
        for c in concepts(ctx, kind)
        if c not in served
    ]
