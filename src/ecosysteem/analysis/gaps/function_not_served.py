"""Function not served: a consortium whose activities serve none of one of the six bijenkorf functions."""

from __future__ import annotations

from ecosysteem.analysis.gaps._bijenkorf import concepts, judged
from ecosysteem.analysis.gaps._context import Context, n_activities
from ecosysteem.analysis.gaps._model import Finding, GapType, Severity
from ecosysteem.vocab import EZ

ORDER = 10
GAP = GapType(
    id="function-not-served",
    title_nl="Bovenregionale functie zonder activiteit",
    title_en="Supra-regional function not served",
    explanation_nl="Een bovenregionaal samenwerkingsverband waarvan geen activiteit een van de zes hexagons dient.",
    explanation_en="A supra-regional collaboration none of whose activities serves one of the six hexagon functions.",
    rationale_nl="De hexagons zijn wat bovenregionale samenwerking toevoegt; een lege hexagon opent het gesprek.",
    rationale_en="The hexagons are what supra-regional collaboration adds; an empty one opens the conversation.",
    source="seed 002 (Bovenregionale functies)",
    severity=Severity.medium,
    enough_data_nl="het verband heeft een eigen plan, en minstens één activiteit in zijn scope is aan een "
    "bijenkorffunctie gekoppeld",
    enough_data_en="the collaboration has a plan of its own, and at least one activity in its scope is mapped to "
    "a bijenkorf function",
    method="scope of each consortium (ecosysteem.analysis.scope) and ez:servesFunction of its activities",
)

_SERVES = str(EZ.servesFunction)


def detect(ctx: Context) -> list[Finding]:
    """Per consortium: a gap per function no activity serves, once any activity is mapped to a function."""
    functions = concepts(ctx, "function")
    consortia, out = judged(ctx, GAP)
    for collaboration, activities, networks in consortia:
        served = {f for a in activities for f in ctx.index.iri_objects(a, _SERVES)}
        if not served:
            out.append(
                ctx.unknown(
                    GAP,
                    collaboration,
                    (
                        f"geen van de {n_activities(len(activities))[0]} is aan een bijenkorffunctie gekoppeld",
                        f"none of the {n_activities(len(activities))[1]} is mapped to a bijenkorf function",
                    ),
                    ("de bijenkorffuncties van de activiteiten", "the bijenkorf functions of the activities"),
                    networks=networks,
                )
            )
        else:
            out += [_gap(ctx, collaboration, f, activities, served, networks) for f in functions if f not in served]
    return out


def _gap(
    ctx: Context, collaboration: str, function: str, activities: list[str], served: set[str], networks: list[str]
) -> Finding:
    return ctx.finding(
        GAP,
        collaboration,
        (
            f"Geen activiteit voor de functie '{ctx.label(function)}'",
            f"No activity serves the function '{ctx.label(function, 'en')}'",
        ),
        (
            [
                f"{n_activities(len(activities))[0]} in de scope",
                f"functies die wel bediend worden: {ctx.labels(served)}",
            ],
            [f"{n_activities(len(activities))[1]} in scope", f"functions served: {ctx.labels(served, 'en')}"],
        ),
        networks=networks,
        concept=function,
    )
