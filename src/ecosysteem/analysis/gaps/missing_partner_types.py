"""Partner checklist against the Kwaliteitskader: which kinds of partner a network has, lacks, or cannot tell."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from ecosysteem.analysis.gaps._context import Context
from ecosysteem.analysis.gaps._model import Finding, GapType, Severity
from ecosysteem.errors import QueryError
from ecosysteem.graph import Ecosystem
from ecosysteem.vocab import EZ, ID, SKOS

ORDER = 60
DEFAULT_REQUIRED_TYPES: tuple[str, ...] = (
    "huisartsenpraktijk|huisartsenorganisatie|patz-groep",
    "thuiszorg",
    "ziekenhuis",
    "consultatieteam",
    "vptz",
    "geestelijke-verzorging",
    "hospice|bijna-thuis-huis",
    "verpleeghuis",
    "apotheek",
)
"""Partner types the Kwaliteitskader leads a network to expect; ``a|b`` means either will do."""

GAP = GapType(
    id="missing-partner-types",
    title_nl="Ontbrekende soorten partners",
    title_en="Missing partner types",
    explanation_nl="De soorten partners die het Kwaliteitskader in een regionaal netwerk verwacht, per netwerk met "
    "vastgelegde partners: aanwezig, afwezig of onbekend.",
    explanation_en="The kinds of partner the Kwaliteitskader expects in a regional network, for each network with "
    "partners recorded: present, absent or unknown.",
    rationale_nl="24/7 consultatie, VPTZ, geestelijke verzorging, hospicezorg … horen in elke regio bereikbaar "
    "te zijn.",
    rationale_en="24/7 consultation, VPTZ, spiritual care, hospice care … should be reachable in every region.",
    source="Kwaliteitskader Palliatieve Zorg Nederland (IKNL/Palliactief, 2017; reference-kwaliteitskader.ttl); "
    "seeds 002, 004",
    severity=Severity.medium,
    enough_data_nl="het netwerk heeft een ledenlijst of een eigen plan met partners van bekende soort; "
    "een partner van soort 'onbekend' maakt elke afwezige soort onbekend",
    enough_data_en="the network has a member list or a plan of its own, with partners of a known kind; a partner "
    "of kind 'unknown' makes every absent kind unknown",
    method="kinds (and broader kinds) of the network's members and of the parties of the activities in its scope",
    parameters={
        "required_types": "organisation types to expect; 'a|b' means either (default: "
        + ", ".join(DEFAULT_REQUIRED_TYPES)
        + ")"
    },
    aliases=("partner-checklist",),
)

State = Literal["present", "absent", "unknown"]
_ORG_TYPE, _PTYPE = str(EZ.organisationType), str(EZ.participantType)


def partner_kinds(ctx: Context, network: str) -> tuple[set[str], bool]:
    """The kinds of partner of ``network`` (with broader kinds), and whether its partners are recorded as a whole."""
    found = ctx.memo.get(("partner-kinds", network))
    if found is None:
        found = ctx.memo["partner-kinds", network] = _partner_kinds(ctx, network)
    return found


def _partner_kinds(ctx: Context, network: str) -> tuple[set[str], bool]:
    g = ctx.index
    partners = ctx.scope.partners(network)
    kinds = {t for a in ctx.scope.network_activities(network) for t in g.iri_objects(a, _PTYPE)}
    kinds.update(t for p in partners for t in g.iri_objects(p, _ORG_TYPE))
    # Partners are known as a whole only from a member list or the network's own plan; the parties of a few
    # projects (a pilot in seed 000) do not say which kinds of partner a network lacks.
    recorded = bool(ctx.scope.members(network) or ctx.scope.plans_of(network)) and bool(partners or kinds)
    return ctx.scope.broader(kinds), recorded


def checklist(ctx: Context, network: str, required: Sequence[str] | None = None) -> list[tuple[str, State]]:
    """Each expected kind (``a|b`` for alternatives) of ``network``, and whether it is present, absent or unknown.

    >>> import ecosysteem
    >>> from ecosysteem.analysis.gaps import Context
    >>> ctx = Context(ecosysteem.load(), {})
    >>> dict(checklist(ctx, "https://w3id.org/ecosysteem/id/network/twente"))["apotheek"]
    'absent'
    """
    kinds, recorded = partner_kinds(ctx, network)
    doubt = not recorded or bool(kinds & ctx.scope.unknown_values())
    out: list[tuple[str, State]] = []
    for alternatives in required or DEFAULT_REQUIRED_TYPES:
        options = _options(ctx, alternatives)
        found = any(str(ID[f"organisation-type/{o}"]) in kinds for o in options)
        out.append((alternatives, "present" if found else "unknown" if doubt else "absent"))
    return out


def partner_checklist(eco: Ecosystem, network: str) -> list[tuple[str, State]]:
    """The Kwaliteitskader partner checklist of one network (IRI): ``[(kind, present|absent|unknown), …]``."""
    return checklist(Context(eco, {}), network)


def _options(ctx: Context, alternatives: str) -> list[str]:
    options = [a.strip() for a in alternatives.split("|") if a.strip()]
    scheme = str(ID["scheme/organisation-type"])
    for option in options:
        if scheme not in ctx.index.iri_objects(str(ID[f"organisation-type/{option}"]), str(SKOS.inScheme)):
            raise QueryError(
                f"required type {option!r} is not an organisation type",
                nl=f"vereist type {option!r} is geen soort organisatie; kies een type uit het schema organisatietypen",
            )
    return options


def detect(ctx: Context) -> list[Finding]:
    """Per network: one unknown when nothing is recorded, else a gap per absent kind."""
    required = ctx.params.get("required_types") or DEFAULT_REQUIRED_TYPES
    out = []
    for network in sorted(ctx.networks):
        kinds, recorded = partner_kinds(ctx, network)
        if not recorded:
            out.append(
                ctx.unknown(
                    GAP,
                    network,
                    (
                        "geen ledenlijst of plan van het netwerk vastgelegd",
                        "no member list or plan of the network recorded",
                    ),
                    (
                        "de partners en activiteiten van het netwerk (werkboek: ecosysteem template)",
                        "the network's partners and activities (workbook: ecosysteem template)",
                    ),
                    networks=[network],
                )
            )
            continue
        for alternatives, state in checklist(ctx, network, required):
            if state != "present":
                out.append(_finding(ctx, network, alternatives, state, kinds))
    return out


def _finding(ctx: Context, network: str, alternatives: str, state: State, kinds: set[str]) -> Finding:
    options = [str(ID[f"organisation-type/{o.strip()}"]) for o in alternatives.split("|") if o.strip()]
    nl = " of ".join(ctx.label(o) for o in options)
    en = " or ".join(ctx.label(o, "en") for o in options)
    evidence = ([f"soorten aanwezig: {ctx.labels(kinds)}"], [f"kinds present: {ctx.labels(kinds, 'en')}"])
    if state == "unknown":
        return ctx.unknown(
            GAP,
            network,
            (f"of er een partner van het type {nl} is", f"whether there is a partner of type {en}"),
            ("de soort van elke partner", "the kind of every partner"),
            evidence,
            networks=[network],
        )
    return ctx.finding(
        GAP,
        network,
        (f"Geen partner van het type {nl}", f"No partner of type {en}"),
        evidence,
        networks=[network],
        concept=options[0],
    )
