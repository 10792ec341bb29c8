"""Goal without activity: a plan goal (doel) that no activity of the plan works towards."""

from __future__ import annotations

from ecosysteem.analysis.gaps._context import Context, n_activities
from ecosysteem.analysis.gaps._model import Finding, GapType, Severity
from ecosysteem.vocab import EZ

ORDER = 85
GAP = GapType(
    id="goal-without-activity",
    title_nl="Doel zonder activiteit",
    title_en="Goal without activity",
    explanation_nl="Een doel van een plan waar geen activiteit aan bijdraagt.",
    explanation_en="A goal of a plan that no activity works towards.",
    rationale_nl="Een doel zonder activiteit blijft een voornemen; het plan zegt niet hoe het bereikt wordt.",
    rationale_en="A goal without activity stays an intention; the plan does not say how it will be reached.",
    source="seeds 001 and 004 (jaarplannen: doelen en activiteiten)",
    severity=Severity.medium,
    enough_data_nl="het plan koppelt minstens één activiteit aan een doel (anders is het verband onbekend)",
    enough_data_en="the plan links at least one activity to a goal (otherwise the link is unknown)",
    method="ez:hasGoal of each plan; ez:contributesToGoal of its activities (and their parts)",
)

_HAS_GOAL, _CONTRIBUTES, _IN_PLAN = str(EZ.hasGoal), str(EZ.contributesToGoal), str(EZ.inPlan)


def detect(ctx: Context) -> list[Finding]:
    """Per plan with goals: gaps for goals nobody works towards, once the plan links any activity to a goal."""
    g = ctx.index
    out = []
    for plan in sorted({p for p, _goal in g.iri_pairs(_HAS_GOAL)}):
        goals = sorted(g.iri_objects(plan, _HAS_GOAL))
        activities = _activities_of(ctx, plan)
        worked = {goal for a in activities for goal in g.iri_objects(a, _CONTRIBUTES)}
        networks = ctx.scope.plan_networks(plan)
        if not worked:
            out.append(
                ctx.unknown(
                    GAP,
                    plan,
                    ("het plan koppelt geen activiteit aan een doel", "the plan links no activity to a goal"),
                    ("aan welk doel elke activiteit bijdraagt", "which goal each activity works towards"),
                    networks=networks,
                )
            )
            continue
        out += [_gap(ctx, goal, plan, activities, networks) for goal in goals if goal not in worked]
    return out


def _activities_of(ctx: Context, plan: str) -> set[str]:
    return ctx.view.descendants(ctx.index.iri_subjects(_IN_PLAN, plan))


def _gap(ctx: Context, goal: str, plan: str, activities: set[str], networks: list[str]) -> Finding:
    return ctx.finding(
        GAP,
        goal,
        (
            f"Geen activiteit van '{ctx.label(plan)}' werkt aan dit doel",
            f"No activity of '{ctx.label(plan, 'en')}' works towards this goal",
        ),
        (
            [f"{n_activities(len(activities))[0]} in het plan; geen met ez:contributesToGoal naar dit doel"],
            [f"{n_activities(len(activities))[1]} in the plan; none with ez:contributesToGoal to this goal"],
        ),
        networks=networks,
        about=[plan],
    )
