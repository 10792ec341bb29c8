"""What the bijenkorf checks share: consortia, the concepts of a scheme, and an activity's classification."""

from __future__ import annotations

from ecosysteem.analysis.gaps._context import Context, n_activities
from ecosysteem.analysis.gaps._model import Finding, GapType
from ecosysteem.vocab import EZ, ID, RDF, SKOS

__all__ = ["concepts", "consortia", "judged", "loops_of", "scope_activities", "without_plan"]

_SERVES_ACTION, _LOOP = str(EZ.servesAction), str(EZ.loop)


def consortia(ctx: Context) -> list[str]:
    """The supra-regional collaborations, sorted."""
    return sorted(ctx.index.iri_subjects(str(RDF.type), str(EZ.SupraRegionalCollaboration)))


def concepts(ctx: Context, scheme: str) -> list[str]:
    """The concepts of the ``scheme`` (``function``, ``loop``, ``action``), sorted."""
    return sorted(ctx.index.iri_subjects(str(SKOS.inScheme), str(ID[f"scheme/{scheme}"])))


def scope_activities(ctx: Context, collaboration: str) -> list[str]:
    """The typed activities in the consortium's scope, sorted."""
    return sorted(a for a in ctx.scope.collaboration_activities(collaboration) if ctx.scope.is_activity(a))


def loops_of(ctx: Context, activity: str) -> set[str]:
    """The loops an activity is in: its own ``ez:loop`` and those of the actions it serves."""
    g = ctx.index
    actions = g.iri_objects(activity, _SERVES_ACTION)
    return {*g.iri_objects(activity, _LOOP), *(loop for action in actions for loop in g.iri_objects(action, _LOOP))}


def judged(ctx: Context, gap: GapType) -> tuple[list[tuple[str, list[str], list[str]]], list[Finding]]:
    """The consortia with a plan, as ``(consortium, its activities, its member networks)``, and the unknowns.

    The unknowns are one per consortium without a plan of its own (:func:`without_plan`).
    """
    found, unknown = [], []
    for collaboration in consortia(ctx):
        missing = without_plan(ctx, gap, collaboration)
        if missing is not None:
            unknown.append(missing)
        else:
            found.append(
                (collaboration, scope_activities(ctx, collaboration), ctx.scope.member_networks(collaboration))
            )
    return found, unknown


def without_plan(ctx: Context, gap: GapType, collaboration: str) -> Finding | None:
    """The unknown for a consortium without a plan of its own, else ``None``.

    A plan states what a collaboration does in a period; single projects of it, or its member networks' own
    plans, do not say what it does *not* do, so the bijenkorf checks judge only consortia with a plan.
    """
    if ctx.scope.plans_of(collaboration):
        return None
    n = len(scope_activities(ctx, collaboration))
    nl, en = n_activities(n)
    return ctx.unknown(
        gap,
        collaboration,
        (
            f"geen plan van het verband vastgelegd (in de scope: {nl})",
            f"no plan of the collaboration recorded (in scope: {en})",
        ),
        (
            "het jaarplan van het verband, met de bijenkorffuncties en lussen van zijn activiteiten",
            "the collaboration's annual plan, with the bijenkorf functions and loops of its activities",
        ),
        networks=ctx.scope.member_networks(collaboration),
    )
