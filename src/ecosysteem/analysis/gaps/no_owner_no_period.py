"""No owner, no period: activities nobody carries, without a 'when', or ended with no result recorded."""

from __future__ import annotations

from ecosysteem.analysis.gaps._context import Context
from ecosysteem.analysis.gaps._model import Finding, GapType, Severity
from ecosysteem.analysis.scope import parse_period_end
from ecosysteem.vocab import EZ, ID

ORDER = 80
GAP = GapType(
    id="no-owner-no-period",
    title_nl="Geen eigenaar of looptijd",
    title_en="No owner, no period",
    explanation_nl="Activiteiten waarvan de bron zegt dat niemand ze (nog) draagt, die als enige in hun plan geen "
    "looptijd hebben, of waarvan de looptijd op de datum van hun eigen plan verstreken is zonder resultaat.",
    explanation_en="Activities the source says nobody carries (yet), that alone in their plan have no period, or "
    "whose period had ended by the date of their own plan with no result recorded.",
    rationale_nl="'Nog op te starten werkgroep': een activiteit die niemand draagt, loopt risico.",
    rationale_en="'Nog op te starten werkgroep': an activity nobody owns is at risk.",
    source="seed 004 (Toereikend aanbod palliatieve zorg: nog op te starten werkgroep)",
    severity=Severity.high,
    enough_data_nl="eigenaar: de bron zegt dat de drager nog moet starten (status 'nog te starten'); "
    "looptijd: andere activiteiten "
    "van hetzelfde plan hebben er een; resultaat: nooit uit ontbreken alleen (onbekend)",
    enough_data_en="owner: the source says its owner is still to start (status 'to be started'); "
    "period: other activities of the "
    "same plan have one; result: never from absence alone (unknown)",
    method="owners, periods and source dates inherited along ez:partOf (ecosysteem.analysis.scope); each activity "
    "judged as of its own source document's date unless a reference date is given",
    parameters={"reference_date": "judge every period as of this date (default: the date of each activity's source)"},
)

_WHO, _STATUS, _OUTPUT = str(EZ.whoText), str(EZ.status), str(EZ.output)
_TO_START = str(ID["status/nog-te-starten"])
_DONE = {str(ID["status/afgerond"]), str(ID["status/doorlopend"])}


def detect(ctx: Context) -> list[Finding]:
    """Owner, period and result of every activity, each as gap, unknown or fine."""
    out: list[Finding] = []
    no_owner, no_period, no_result = [], [], []
    planned_with_period = _plans_with_periods(ctx)
    for activity in sorted(ctx.scope.activities()):
        if not ctx.scope.owners(activity):
            if _TO_START in ctx.scope.inherited_objects(activity, _STATUS):
                out.append(_no_owner(ctx, activity, ctx.scope.inherited_literal(activity, _WHO)))
            else:
                no_owner.append(activity)
        start, end, text = ctx.scope.period(activity)
        if not (start or end or text):
            if set(ctx.scope.plans(activity)) & planned_with_period:
                out.append(_no_period(ctx, activity))
            else:
                no_period.append(activity)
        elif end and _ended_without_result(ctx, activity, end):
            no_result.append(activity)
    return out + _unknowns(ctx, no_owner, no_period, no_result)


def _plans_with_periods(ctx: Context) -> set[str]:
    return {p for a in ctx.scope.activities() if any(ctx.scope.period(a)) for p in ctx.scope.plans(a)}


def _ended_without_result(ctx: Context, activity: str, end: str) -> bool:
    as_of = ctx.params.get("reference_date") or ctx.scope.as_of(activity)
    ends = parse_period_end(end)
    if as_of is None or ends is None or ends >= as_of:
        return False
    status = set(ctx.scope.inherited_objects(activity, _STATUS))
    return not ctx.index.iri_objects(activity, _OUTPUT) and not status & _DONE


def _no_owner(ctx: Context, activity: str, who: list[str]) -> Finding:
    said = "; ".join(who) if who else ctx.label(_TO_START)
    return ctx.finding(
        GAP,
        activity,
        ("Geen verantwoordelijke", "No responsible party"),
        ([f"de bron zegt bij 'wie': {said}"], [f"the source's 'who': {said}"]),
        networks=ctx.networks_of(activity),
        severity=Severity.high,
    )


def _no_period(ctx: Context, activity: str) -> Finding:
    return ctx.finding(
        GAP,
        activity,
        ("Geen looptijd", "No period"),
        (
            ["andere activiteiten van hetzelfde plan hebben wel een looptijd"],
            ["other activities of the same plan have a period"],
        ),
        networks=ctx.networks_of(activity),
        severity=Severity.medium,
    )


def _unknowns(ctx: Context, no_owner: list[str], no_period: list[str], no_result: list[str]) -> list[Finding]:
    return [
        *ctx.unknown_per_network(
            GAP,
            no_owner,
            ("{activities} zonder vastgelegde eigenaar", "{activities} with no owner recorded"),
            ("wie de activiteiten draagt ('wie')", "who carries the activities ('who')"),
        ),
        *ctx.unknown_per_network(
            GAP,
            no_period,
            ("{activities} zonder vastgelegde looptijd", "{activities} with no period recorded"),
            ("de looptijd van de activiteiten ('wanneer')", "the period of the activities ('when')"),
        ),
        *ctx.unknown_per_network(
            GAP,
            no_result,
            (
                "{activities} waarvan de looptijd verstreken is, zonder vastgelegd resultaat of status",
                "{activities} whose period has ended, with no result or status recorded",
            ),
            ("het resultaat of de status van de activiteiten", "the result or status of the activities"),
        ),
    ]
