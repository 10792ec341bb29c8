"""What the checks read about an activity's parties: their kinds of organisation and their lines of care."""

from __future__ import annotations

from ecosysteem.analysis.gaps._context import Context
from ecosysteem.vocab import EZ, SKOS

__all__ = ["has_unknown_line", "kinds_of_activity", "lines_of_activity", "lines_of_party"]

_ORG_TYPE, _LINE, _BROADER = str(EZ.organisationType), str(EZ.lineOfCare), str(SKOS.broader)
_PTYPE, _PROLE = str(EZ.participantType), str(EZ.participantRole)


def kinds_of_activity(ctx: Context, activity: str) -> set[str]:
    """The kinds of organisation among the activity's (inherited) parties and participant types, with broader."""
    g = ctx.index
    kinds = {t for party in ctx.scope.parties(activity) for t in g.iri_objects(party, _ORG_TYPE)}
    kinds.update(ctx.scope.inherited_objects(activity, _PTYPE))
    return ctx.scope.broader(kinds)


def lines_of_party(ctx: Context, party: str) -> set[str]:
    """A party's lines of care: its own, else its kind's."""
    g = ctx.index
    own = set(g.iri_objects(party, _LINE))
    return own or {line for kind in g.iri_objects(party, _ORG_TYPE) for line in g.iri_objects(kind, _LINE)}


def lines_of_activity(ctx: Context, activity: str) -> set[str]:
    """The known lines of care the activity itself names, and those of its (inherited) parties, types and roles.

    A line *onbekend* is no known line.
    """
    g = ctx.index
    lines = set(g.iri_objects(activity, _LINE))
    lines.update(line for party in ctx.scope.parties(activity) for line in lines_of_party(ctx, party))
    for prop in (_PTYPE, _PROLE):
        lines.update(
            line for kind in ctx.scope.inherited_objects(activity, prop) for line in g.iri_objects(kind, _LINE)
        )
    return lines - ctx.scope.unknown_values()


def has_unknown_line(ctx: Context, activity: str) -> bool:
    """Whether a party of the activity has the line of care, or kind, *onbekend*: its known lines are not all."""
    unknown = ctx.scope.unknown_values()
    g = ctx.index
    return any(
        unknown.intersection(g.iri_objects(party, _LINE)) or unknown.intersection(g.iri_objects(party, _ORG_TYPE))
        for party in ctx.scope.parties(activity)
    )
