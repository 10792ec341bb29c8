"""The collaboration-gap catalogue: eleven gap types, each a question a coordinator or consortium would ask.

Each :class:`GapType` says what it looks for, why (with its source document), how severe a finding is and which
query or algorithm finds it; :func:`find_gaps` runs them and returns :class:`Finding` records — pydantic objects
a script can filter, sort and serialise. Findings are sorted by gap, severity and subject, so output is stable.

>>> eco = ecosysteem.load()
>>> findings = find_gaps(eco, types=["no-owner-no-period"])
>>> any("Toereikend aanbod" in f.subject_label for f in findings)
True
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from rdflib import URIRef

from ecosysteem.analysis import gap_rows
from ecosysteem.analysis.queries import query_strings
from ecosysteem.errors import QueryError
from ecosysteem.graph import Ecosystem
from ecosysteem.graph.progress import task
from ecosysteem.model._fields import _expand_iri
from ecosysteem.vocab import EZ, ID, RDF, SKOS

__all__ = ["DEFAULT_REQUIRED_TYPES", "GAP_TYPES", "Finding", "GapType", "Severity", "find_gaps", "gap_types"]


class Severity(StrEnum):
    """How urgent a finding is: ``high`` (a structural hole), ``medium``, ``low`` (worth a look)."""

    high = "high"
    medium = "medium"
    low = "low"


_SEVERITY_ORDER = {Severity.high: 0, Severity.medium: 1, Severity.low: 2}


class GapType(BaseModel):
    """One kind of collaboration gap: what it is, why it matters, how it is found."""

    model_config = ConfigDict(frozen=True)

    id: str
    title_nl: str
    title_en: str
    explanation_nl: str
    explanation_en: str
    rationale: str
    source: str
    severity: Severity
    method: str
    parameters: dict[str, str] = Field(default_factory=dict)


class Finding(BaseModel):
    """One gap found: the subject, the gap, and the evidence that shows it."""

    model_config = ConfigDict(frozen=True)

    gap: str
    severity: Severity
    subject: str
    subject_label: str
    subject_kind: str
    message_nl: str
    message_en: str
    evidence: list[str] = Field(default_factory=list)
    networks: list[str] = Field(default_factory=list, description="networks the finding concerns, for filtering")
    level: str | None = None

    def sort_key(self) -> tuple[str, int, str, str]:
        """Gap, severity, subject label, message: the order findings are reported in."""
        return (self.gap, _SEVERITY_ORDER[self.severity], self.subject_label.casefold(), self.message_en)


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

GAP_TYPES: tuple[GapType, ...] = (
    GapType(
        id="function-not-served",
        title_nl="Bovenregionale functie zonder activiteit",
        title_en="Supra-regional function not served",
        explanation_nl="Een bovenregionaal samenwerkingsverband zonder activiteit voor een van de zes hexagons.",
        explanation_en="A supra-regional collaboration with no activity for one of the six hexagon functions.",
        rationale="The hexagons are what supra-regional collaboration adds; an empty one opens the conversation.",
        source="seed 002 (Bovenregionale functies)",
        severity=Severity.medium,
        method="query gap-function-not-served",
    ),
    GapType(
        id="loop-not-served",
        title_nl="Lus of actie niet opgepakt",
        title_en="Loop or action not taken up",
        explanation_nl="Een lus (onderwijs, praktijk, onderzoek) of een van de veertien acties zonder activiteit.",
        explanation_en="A loop (education, practice, research) or one of the fourteen actions with no activity.",
        rationale="The loops carry cross-pollination between education, practice and research.",
        source="seed 002 (Drie lussen; Bovenregionale acties)",
        severity=Severity.low,
        method="query gap-loop-not-served",
    ),
    GapType(
        id="loop-without-partner",
        title_nl="Lus zonder haar partner",
        title_en="Loop without its partner",
        explanation_nl="Onderwijsactiviteit zonder onderwijsinstelling, onderzoek zonder onderzoeksinstelling, "
        "praktijk zonder zorgaanbieder.",
        explanation_en="Education activity without an education institution, research without a research "
        "institution, practice without a care provider.",
        rationale="A loop lives from crossing worlds; without its partner it stays inside one world.",
        source="seed 002 (Onderwijsinstellingen en praktijk verbinden; Gezamenlijk onderzoeksprogramma)",
        severity=Severity.medium,
        method="query gap-loop-without-partner",
    ),
    GapType(
        id="level-disconnect",
        title_nl="Niveaus niet verbonden",
        title_en="Level disconnect",
        explanation_nl="Een netwerk zonder bovenregionaal samenwerkingsverband, of een bovenregionaal verband "
        "zonder landelijke koppeling.",
        explanation_en="A network linked to no supra-regional collaboration, or a supra-regional collaboration "
        "with no link to the national level.",
        rationale="The verbindingsfunctie needs the three circles to interlock.",
        source="seed 002 (Verbindingsfunctie landelijk – regionaal)",
        severity=Severity.high,
        method="queries networks-without-supraregion, supraregions-without-national-link",
    ),
    GapType(
        id="transmural-gap",
        title_nl="Eerste en tweede lijn ontmoeten elkaar niet",
        title_en="Transmural gap",
        explanation_nl=(
            "Een netwerk waar geen activiteit eerstelijns en tweede- of derdelijns partijen samenbrengt "
            "(alleen netwerken met vastgelegde partners of activiteiten)."
        ),
        explanation_en=(
            "A network where no activity brings first-line and second- or third-line parties together "
            "(only networks with recorded partners or activities)."
        ),
        rationale="Transmural care is care across the lines; continuity depends on them meeting.",
        source="seeds 000, 001, 004 (transmurale samenwerking)",
        severity=Severity.high,
        method="query activity-lines",
    ),
    GapType(
        id="missing-partner-types",
        title_nl="Ontbrekende soorten partners",
        title_en="Missing partner types",
        explanation_nl=(
            "Een netwerk waarin een soort partner ontbreekt die het Kwaliteitskader verwacht; een netwerk zonder "
            "vastgelegde partners of activiteiten krijgt één melding 'niet te beoordelen'."
        ),
        explanation_en=(
            "A network lacking a kind of partner the Kwaliteitskader leads one to expect; a network with no "
            "recorded partners or activities gets one 'cannot be assessed' finding instead."
        ),
        rationale="24/7 consultation, VPTZ, spiritual care, hospice care … should be reachable in every region.",
        source="seeds 002, 004; Kwaliteitskader Palliatieve Zorg Nederland",
        severity=Severity.medium,
        method="query network-partner-types",
        parameters={
            "required_types": "organisation types to expect; 'a|b' means either (default: "
            + ", ".join(DEFAULT_REQUIRED_TYPES)
            + ")"
        },
    ),
    GapType(
        id="duplication-without-alignment",
        title_nl="Dubbel werk zonder afstemming",
        title_en="Duplication without alignment",
        explanation_nl="Netwerken in één bovenregio die aan hetzelfde thema werken zonder gedeelde deelnemer.",
        explanation_en="Networks in one supra-region working on the same theme with no participant in common.",
        rationale="Shared themes are chances to align learning materials and connect networks.",
        source="seed 002 (Leermiddelen afstemmen; Netwerken verbinden)",
        severity=Severity.low,
        method="query gap-duplication-without-alignment",
    ),
    GapType(
        id="no-owner-no-period",
        title_nl="Geen eigenaar of looptijd",
        title_en="No owner, no period",
        explanation_nl="Activiteiten zonder verantwoordelijke, zonder looptijd, of waarvan de looptijd verstreken "
        "is zonder vastgelegd resultaat.",
        explanation_en="Activities with no responsible party, no period, or whose period ended with no result "
        "recorded.",
        rationale="'Nog op te starten werkgroep': an activity nobody owns is at risk.",
        source="seed 004 (Toereikend aanbod palliatieve zorg)",
        severity=Severity.high,
        method="query activity-ownership",
        parameters={"reference_date": "date against which periods are judged (default: today)"},
    ),
    GapType(
        id="patient-voice-missing",
        title_nl="Stem van patiënt en naasten ontbreekt",
        title_en="Patient voice missing",
        explanation_nl="Activiteiten en werkgroepen zonder vertegenwoordiging van patiënten, naasten of cliënten.",
        explanation_en="Activities and workgroups with no representation of patients, families or clients.",
        rationale="Patient participation is a precondition (seed 001) and planned (seed 004).",
        source="seeds 001, 002, 004",
        severity=Severity.medium,
        method="query gap-patient-voice-missing",
    ),
    GapType(
        id="single-point-of-failure",
        title_nl="Kwetsbare schakel",
        title_en="Single point of failure",
        explanation_nl="Organisaties of groepen zonder wie het samenwerkingsnetwerk uiteenvalt (scharnierpunten), "
        "en enkele verbindingen (bruggen).",
        explanation_en="Organisations or groups whose removal splits the collaboration network (articulation "
        "points), and single links (bridges).",
        rationale="Kwetsbaarheden and continuity: collaboration that hangs on one party breaks with it.",
        source="seed 002 (Capaciteit specialisten: kwetsbaarheden, continuïteit)",
        severity=Severity.medium,
        method="articulation points and bridges of the collaboration graph (networkx biconnected components)",
    ),
    GapType(
        id="chain-not-connected",
        title_nl="Keten niet verbonden",
        title_en="Chain not connected",
        explanation_nl="Zorgketens of acute-zorgnetwerken zonder gedeelde activiteit of lidmaatschap met een netwerk "
        "palliatieve zorg.",
        explanation_en="Care chains or acute-care networks sharing no activity or membership with any palliative "
        "network.",
        rationale="Palliative patients also move through disease chains and acute care.",
        source="seeds 003, 004",
        severity=Severity.medium,
        method="query gap-chain-not-connected",
    ),
)


def gap_types() -> list[GapType]:
    """Return the catalogue of gap types, in catalogue order."""
    return list(GAP_TYPES)


_TYPES_BY_ID = {g.id: g for g in GAP_TYPES}


# -- helpers --------------------------------------------------------------------------------------------------


_KINDS: tuple[tuple[str, str], ...] = tuple(
    (str(cls), name)
    for cls, name in (
        (EZ.Network, "network"),
        (EZ.SupraRegionalCollaboration, "supra-regional collaboration"),
        (EZ.Collaboration, "collaboration"),
        (EZ.CareChain, "care chain"),
        (EZ.AcuteCareNetwork, "acute-care network"),
        (EZ.Group, "group"),
        (EZ.Organisation, "organisation"),
        (EZ.Person, "person"),
    )
)
"""What a finding's subject is called, by its most specific class first."""


# Per-finding look-ups use these: each EZ.x access makes (and checks) a new URIRef.
_LEVEL = EZ.level
_TYPE = RDF.type


class _Context:
    """What every detector needs: the ecosystem, its index, and per-subject labels, kinds, levels and networks.

    Subjects are IRI strings, and every per-finding look-up is a dictionary access on the index's string tables
    (:class:`~ecosysteem.analysis.network.IriView`): a national report has tens of thousands of findings, and a
    round trip to the store, or an rdflib term, per question would cost more than the gap queries themselves.
    """

    def __init__(self, eco: Ecosystem, params: dict[str, Any], prefetch: Iterable[str] = ()) -> None:
        from ecosysteem.analysis.network import IriView

        self.eco = eco
        self.params = params
        self._pending: dict[str, Future[list[tuple[str | None, ...]]]] = {}
        self._pool: ThreadPoolExecutor | None = None
        # A remote endpoint runs the named queries itself; locally, some have cheaper index equivalents, which
        # apply when only IRIs stand where they read (one ASK, answered in the background where it can).
        local = eco.store.kind != "sparql"
        self._use = {
            name
            for name in gap_rows.EQUIVALENTS
            if local and not (eco.store.concurrent_queries and name in gap_rows.BACKGROUND_FIRST)
        }
        names = [n for n in dict.fromkeys(prefetch) if n not in self._use]
        self._equivalents: Future[bool] | bool = False
        if eco.store.concurrent_queries and (names or local):
            # The store's engine runs the queries in the background while Python builds the index and the
            # collaboration graph: on two cores the report takes about the longer of the two, not their sum.
            self._pool = ThreadPoolExecutor(max_workers=_QUERY_THREADS, thread_name_prefix="ecosysteem-gaps")
            if local:
                self._equivalents = self._pool.submit(gap_rows.applies, eco)
            self._pending = {name: self._pool.submit(query_strings, eco, name) for name in names}
        elif local:
            self._equivalents = gap_rows.applies(eco)
        self.index = eco.index()
        self.view = IriView(self.index)
        self.networks = set(self.view.networks)
        self._scope_counts: dict[str, int] | None = None
        self._recorded: set[str] | None = None

    def rows(self, name: str) -> list[tuple[str | None, ...]]:
        """The rows of the named query ``name`` as strings.

        From the background run if one was started, else from the query's index equivalent
        (:mod:`~ecosysteem.analysis.gap_rows`) where one applies, else by running the query.
        """
        pending = self._pending.pop(name, None)
        if pending is not None:
            return pending.result()
        if name in self._use and self.equivalents():
            return gap_rows.EQUIVALENTS[name](self.view)
        return query_strings(self.eco, name)

    def equivalents(self) -> bool:
        """Whether the index equivalents of named queries apply (:func:`~ecosysteem.analysis.gap_rows.applies`)."""
        if isinstance(self._equivalents, Future):
            self._equivalents = self._equivalents.result()
        return self._equivalents

    def close(self) -> None:
        """Stop the background queries (after an error, those not started yet are dropped)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def scope_counts(self) -> dict[str, int]:
        """Activities in scope of each supra-regional collaboration (run once, shared by two detectors)."""
        if self._scope_counts is None:
            counts: dict[str, int] = defaultdict(int)
            for collaboration, _activity in self.rows("collaboration-activities"):
                counts[str(collaboration)] += 1
            self._scope_counts = dict(counts)
        return self._scope_counts

    def recorded_networks(self) -> set[str]:
        """Networks with any membership, plan or activity recorded; the others cannot be assessed."""
        if self._recorded is None:
            self._recorded = {str(n) for (n,) in self.rows("networks-with-records")}
        return self._recorded

    def label(self, iri: Any, lang: str = "nl") -> str:
        return self.index.label(str(iri), lang)  # the index caches labels

    def kind(self, iri: Any) -> str:
        types = self.index.iri_objects(str(iri), _TYPE)
        for cls, name in _KINDS:
            if cls in types:
                return name
        return "activity" if types else "entity"

    def networks_of_activity(self, activity: Any) -> list[str]:
        """The networks whose plan holds the activity, or one of the activities it is part of, or that are a party
        of one of those (:meth:`~ecosysteem.analysis.network.IriView.activity_networks`)."""
        return self.view.activity_networks().get(str(activity), [])

    def member_networks(self, collaboration: Any) -> list[str]:
        return sorted({n for n in self.view.members(str(collaboration)) if n in self.networks})

    def level(self, iri: Any) -> str | None:
        return self.view.first(str(iri), _LEVEL)


def _walk(start: str, step: Callable[[str], list[str]]) -> list[str]:
    """``start`` and everything reachable from it by ``step``."""
    seen = {start}
    todo = [start]
    while todo:
        for nxt in step(todo.pop()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return list(seen)


def _finding(
    ctx: _Context,
    gap: str,
    subject: Any,
    nl: str,
    en: str,
    evidence: Iterable[str] = (),
    networks: Sequence[str] = (),
    severity: Severity | None = None,
) -> Finding:
    level = ctx.level(subject)
    if level is None and ctx.kind(subject) == "network":
        level = str(ID["level/regionaal"])
    return Finding(
        gap=gap,
        severity=severity or _TYPES_BY_ID[gap].severity,
        subject=str(subject),
        subject_label=ctx.label(subject),
        subject_kind=ctx.kind(subject),
        message_nl=nl,
        message_en=en,
        evidence=list(evidence),
        networks=sorted(set(networks)),
        level=level,
    )


# -- detectors ------------------------------------------------------------------------------------------------


def _function_not_served(ctx: _Context) -> list[Finding]:
    counts = ctx.scope_counts()
    out = []
    for collaboration, function in ctx.rows("gap-function-not-served"):
        n = counts.get(str(collaboration), 0)
        out.append(
            _finding(
                ctx,
                "function-not-served",
                collaboration,
                f"Geen activiteit voor de functie '{ctx.label(function)}'",
                f"No activity serves the function '{ctx.label(function, 'en')}'",
                [f"function: {function}", f"activities in scope of {ctx.label(collaboration)}: {n}"],
                ctx.member_networks(collaboration),
            )
        )
    return out


def _loop_not_served(ctx: _Context) -> list[Finding]:
    counts = ctx.scope_counts()
    out = []
    for collaboration, concept, kind in ctx.rows("gap-loop-not-served"):
        what_nl = "lus" if str(kind) == "loop" else "actie"
        out.append(
            _finding(
                ctx,
                "loop-not-served",
                collaboration,
                f"Geen activiteit voor de {what_nl} '{ctx.label(concept)}'",
                f"No activity for the {kind} '{ctx.label(concept, 'en')}'",
                [f"{kind}: {concept}", f"activities in scope: {counts.get(str(collaboration), 0)}"],
                ctx.member_networks(collaboration),
                Severity.medium if str(kind) == "loop" else Severity.low,
            )
        )
    return out


def _loop_without_partner(ctx: _Context) -> list[Finding]:
    out = []
    for activity, loop, category in ctx.rows("gap-loop-without-partner"):
        out.append(
            _finding(
                ctx,
                "loop-without-partner",
                activity,
                f"Activiteit in de lus '{ctx.label(loop)}' zonder {ctx.label(category)}",
                f"Activity in the '{ctx.label(loop, 'en')}' loop without any {ctx.label(category, 'en')}",
                [f"loop: {loop}", f"no party of type {category} or narrower"],
                ctx.networks_of_activity(activity),
            )
        )
    return out


def _level_disconnect(ctx: _Context) -> list[Finding]:
    out = []
    for (network,) in ctx.rows("networks-without-supraregion"):
        out.append(
            _finding(
                ctx,
                "level-disconnect",
                network,
                "Netwerk is geen lid van een bovenregionaal samenwerkingsverband",
                "Network is member of no supra-regional collaboration",
                ["no org:Membership with an ez:SupraRegionalCollaboration"],
                [str(network)],
            )
        )
    for (collaboration,) in ctx.rows("supraregions-without-national-link"):
        out.append(
            _finding(
                ctx,
                "level-disconnect",
                collaboration,
                "Bovenregionaal verband zonder koppeling met het landelijk niveau",
                "Supra-regional collaboration with no link to the national level",
                ["no membership in a national body; no activity with a national party or programme"],
                ctx.member_networks(collaboration),
            )
        )
    return out


def _transmural_gap(ctx: _Context) -> list[Finding]:
    lines: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for network, activity, line in ctx.rows("activity-lines"):
        lines[str(network)][str(activity)].add(str(line).rsplit("/", 1)[-1])
    out = []
    first, specialist = "eerste-lijn", {"tweede-lijn", "derde-lijn"}
    for network in sorted(ctx.recorded_networks()):  # unrecorded ones: see _missing_partner_types
        per_activity = lines.get(network, {})
        meeting = [a for a, ls in per_activity.items() if first in ls and ls & specialist]
        if meeting:
            continue
        present = sorted(set().union(*per_activity.values())) if per_activity else []
        out.append(
            _finding(
                ctx,
                "transmural-gap",
                network,
                "Geen activiteit brengt eerste en tweede/derde lijn samen",
                "No activity brings first-line and second/third-line parties together",
                [
                    f"activities with a known line of care: {len(per_activity)}",
                    f"lines present: {', '.join(present) or 'none'}",
                ],
                [network],
            )
        )
    return out


def _missing_partner_types(ctx: _Context) -> list[Finding]:
    required = ctx.params.get("required_types") or DEFAULT_REQUIRED_TYPES
    g = ctx.index
    present: dict[str, set[str]] = defaultdict(set)
    for network, type_ in ctx.rows("network-partner-types"):
        for t in _walk(str(type_), lambda node: g.iri_objects(node, SKOS.broader)):
            present[str(network)].add(t.rsplit("/", 1)[-1])
    out = []
    recorded = ctx.recorded_networks()
    for network in sorted(ctx.networks):
        if network not in recorded:
            # Known only by name (e.g. from the national reference list): say that nothing is known, once, rather
            # than listing every kind of partner as missing.
            out.append(
                _finding(
                    ctx,
                    "missing-partner-types",
                    network,
                    "Geen partners of activiteiten vastgelegd: niet te beoordelen",
                    "No partners or activities recorded: cannot be assessed",
                    ["no org:Membership, ez:Plan or activity names this network"],
                    [network],
                    Severity.low,
                )
            )
            continue
        have = present.get(network, set())
        for alternatives in required:
            options = [a.strip() for a in alternatives.split("|") if a.strip()]
            for option in options:
                if not g.objects(URIRef(_expand_iri(f"organisation-type/{option}")), SKOS.prefLabel):
                    raise QueryError(f"required type {option!r} is not an organisation type")
            if not have.intersection(options):
                names_nl = " of ".join(ctx.label(ID[f"organisation-type/{o}"]) for o in options)
                names_en = " or ".join(ctx.label(ID[f"organisation-type/{o}"], "en") for o in options)
                out.append(
                    _finding(
                        ctx,
                        "missing-partner-types",
                        network,
                        f"Geen partner van het type {names_nl}",
                        f"No partner of type {names_en}",
                        [f"types present: {', '.join(sorted(have)) or 'none'}"],
                        [network],
                    )
                )
    return out


def _duplication(ctx: _Context) -> list[Finding]:
    # The same answer as the named query gap-duplication-without-alignment, from two linear queries: rdflib joins
    # that query's pairs of networks per theme slowly, while here each network's (theme → activities, parties) is
    # built once and only networks of the same collaboration that both have themed activities are paired.
    # tests/test_gaps.py checks the two agree on the default data.
    activities: dict[tuple[str, str], set[str]] = defaultdict(set)
    parties: dict[tuple[str, str], set[str]] = defaultdict(set)
    for network, theme, activity, party in ctx.rows("network-theme-activities"):
        activities[(str(network), str(theme))].add(str(activity))
        if party is not None:
            parties[(str(network), str(theme))].add(str(party))
    themes: dict[str, set[str]] = defaultdict(set)
    for network, theme in activities:
        themes[network].add(theme)
    members: dict[str, set[str]] = defaultdict(set)
    for collaboration, network in ctx.rows("supraregion-networks"):
        if str(network) in themes:
            members[str(collaboration)].add(str(network))
    rows = sorted(
        (collaboration, theme, n1, n2)
        for collaboration, nets in members.items()
        for n1 in nets
        for n2 in nets
        if n1 < n2
        for theme in themes[n1] & themes[n2]
        if not parties[(n1, theme)] & parties[(n2, theme)]
    )
    evidence: dict[tuple[str, str], str] = {}  # a network's activities on a theme recur in many pairs

    def listed(network: str, theme: str) -> str:
        found = evidence.get((network, theme))
        if found is None:
            names = sorted(ctx.label(a) for a in activities[(network, theme)])
            found = evidence[network, theme] = f"{ctx.label(network)}: {'; '.join(names)}"
        return found

    out = []
    for collaboration, theme, n1, n2 in rows:
        out.append(
            _finding(
                ctx,
                "duplication-without-alignment",
                collaboration,
                f"{ctx.label(n1)} en {ctx.label(n2)} werken beide aan '{ctx.label(theme)}' zonder gedeelde deelnemer",
                f"{ctx.label(n1, 'en')} and {ctx.label(n2, 'en')} both work on '{ctx.label(theme, 'en')}' "
                "with no participant in common",
                [listed(n1, theme), listed(n2, theme)],
                [n1, n2],
            )
        )
    return out


def _period_end(value: str) -> dt.date | None:
    try:
        if len(value) == 4:
            return dt.date(int(value), 12, 31)
        if len(value) == 7:
            year, month = int(value[:4]), int(value[5:7])
            return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _no_owner_no_period(ctx: _Context) -> list[Finding]:
    reference = ctx.params.get("reference_date") or dt.date.today()
    if isinstance(reference, str):
        try:
            reference = dt.date.fromisoformat(reference)
        except ValueError:
            raise QueryError(f"reference_date {reference!r} is not a date (YYYY-MM-DD)") from None
    done = {str(ID["status/afgerond"]), str(ID["status/doorlopend"])}
    out = []
    for activity, owners, start, end, status, period_texts, outputs in ctx.rows("activity-ownership"):
        nets = ctx.networks_of_activity(activity)
        status_label = ctx.label(status) if status is not None else "none"
        if int(owners or 0) == 0:
            out.append(
                _finding(
                    ctx,
                    "no-owner-no-period",
                    activity,
                    "Geen verantwoordelijke",
                    "No responsible party",
                    [f"status: {status_label}", "no ez:responsible or ez:lead"],
                    nets,
                    Severity.high,
                )
            )
        if start is None and end is None and int(period_texts or 0) == 0:
            out.append(
                _finding(
                    ctx,
                    "no-owner-no-period",
                    activity,
                    "Geen looptijd",
                    "No period",
                    ["no start date, end date or period in the source"],
                    nets,
                    Severity.medium,
                )
            )
        ends = _period_end(str(end)) if end is not None else None
        if ends is not None and ends < reference and int(outputs or 0) == 0 and str(status) not in done:
            out.append(
                _finding(
                    ctx,
                    "no-owner-no-period",
                    activity,
                    f"Looptijd verstreken ({end}) zonder vastgelegd resultaat",
                    f"Period ended ({end}) with no result recorded",
                    [
                        f"end: {end}",
                        f"reference date: {reference.isoformat()}",
                        "no ez:output",
                        f"status: {status_label}",
                    ],
                    nets,
                    Severity.low,
                )
            )
    return out


def _patient_voice(ctx: _Context) -> list[Finding]:
    out = []
    for subject, kind in ctx.rows("gap-patient-voice-missing"):
        if str(kind) == "group":
            unit = ctx.view.first(str(subject), EZ.unitOf)
            nets = [unit] if unit in ctx.networks else []
            nl, en = "Werkgroep zonder patiënten-/naastenperspectief", "Workgroup without patient/family perspective"
        else:
            nets = ctx.networks_of_activity(subject)
            nl, en = "Activiteit zonder patiënten-/naastenperspectief", "Activity without patient/family perspective"
        out.append(
            _finding(
                ctx,
                "patient-voice-missing",
                subject,
                nl,
                en,
                ["no party with ez:patientPerspective and no client organisation"],
                nets,
            )
        )
    return out


def _single_point_of_failure(ctx: _Context) -> list[Finding]:
    from ecosysteem.analysis.metrics import weak_links_of_edges

    # The structure alone decides: the collaboration graph's edges (as collaboration_links), without building a
    # networkx graph of them; labels and networks are read for the nodes a finding is about.
    _agents, via = ctx.view.collaborations()
    degree: Counter[str] = Counter()
    for a, b in via:
        degree[a] += 1
        degree[b] += 1
    splits, all_bridges = weak_links_of_edges(via)
    # a leaf's only link is trivially a bridge; the articulation point already covers it
    bridges = [(a, b) for a, b in all_bridges if degree[a] > 1 and degree[b] > 1]
    if not splits and not bridges:
        return []
    networks = ctx.view.networks_by_agent()
    out = []
    for node, parts in splits.items():
        out.append(
            _finding(
                ctx,
                "single-point-of-failure",
                node,
                f"Zonder deze partij valt het samenwerkingsnetwerk in {len(parts)} delen uiteen",
                f"Without this party the collaboration network splits into {len(parts)} parts",
                [f"degree: {degree[node]}", f"part sizes after removal: {parts}"],
                sorted(networks.get(node, ())),
            )
        )
    for a, b in bridges:
        out.append(
            _finding(
                ctx,
                "single-point-of-failure",
                a,
                f"Enige verbinding met {ctx.label(b)}",
                f"Only link with {ctx.label(b, 'en')}",
                [f"bridge: {a} — {b}", f"via: {', '.join(sorted(via[a, b]))}"],
                sorted(networks.get(a, set()) | networks.get(b, set())),
                Severity.low,
            )
        )
    return out


def _chain_not_connected(ctx: _Context) -> list[Finding]:
    out = []
    for (chain,) in ctx.rows("gap-chain-not-connected"):
        out.append(
            _finding(
                ctx,
                "chain-not-connected",
                chain,
                "Geen gedeelde activiteit of lidmaatschap met een netwerk palliatieve zorg",
                "No shared activity or membership with any palliative-care network",
                ["no activity with both this chain and a network as parties; no common membership"],
            )
        )
    return out


_DETECTORS: dict[str, Callable[[_Context], list[Finding]]] = {
    "function-not-served": _function_not_served,
    "loop-not-served": _loop_not_served,
    "loop-without-partner": _loop_without_partner,
    "level-disconnect": _level_disconnect,
    "transmural-gap": _transmural_gap,
    "missing-partner-types": _missing_partner_types,
    "duplication-without-alignment": _duplication,
    "no-owner-no-period": _no_owner_no_period,
    "patient-voice-missing": _patient_voice,
    "single-point-of-failure": _single_point_of_failure,
    "chain-not-connected": _chain_not_connected,
}


_QUERIES_OF: dict[str, tuple[str, ...]] = {
    "function-not-served": ("collaboration-activities", "gap-function-not-served"),
    "loop-not-served": ("collaboration-activities", "gap-loop-not-served"),
    "loop-without-partner": ("gap-loop-without-partner",),
    "level-disconnect": ("networks-without-supraregion", "supraregions-without-national-link"),
    "transmural-gap": ("activity-lines", "networks-with-records"),
    "missing-partner-types": ("network-partner-types", "networks-with-records"),
    "duplication-without-alignment": ("network-theme-activities", "supraregion-networks"),
    "no-owner-no-period": ("activity-ownership",),
    "patient-voice-missing": ("gap-patient-voice-missing",),
    "single-point-of-failure": (),
    "chain-not-connected": ("gap-chain-not-connected",),
}
"""The named queries each detector reads (started together in the background where the store allows)."""

_QUERY_THREADS = 1
"""Background threads for queries. The machines this is made for have two cores and one does the Python work; a
second query thread took CPU from it (at 100k organisations on Oxigraph the report took 4.8 s with two, 4.4 s
with one)."""


def find_gaps(
    eco: Ecosystem,
    types: Iterable[str] | None = None,
    *,
    network: str | None = None,
    level: str | None = None,
    reference_date: dt.date | str | None = None,
    required_types: Sequence[str] | None = None,
) -> list[Finding]:
    """Run the gap catalogue (or the ``types`` given) on ``eco`` and return the findings, sorted.

    Parameters
    ----------
    eco:
        the graph to analyse.
    types:
        gap ids (see :func:`gap_types`); all when ``None``.
    network:
        keep only findings about this network (IRI, ``network/slug``, or a part of its name).
    level:
        keep only findings whose subject is at this level (``landelijk``, ``bovenregionaal``, ``regionaal``).
    reference_date:
        date against which ended periods are judged (default: today).
    required_types:
        organisation types each network should have; ``"a|b"`` means either (default
        :data:`DEFAULT_REQUIRED_TYPES`).
    """
    wanted = list(types) if types is not None else list(_DETECTORS)
    unknown = [t for t in wanted if t not in _DETECTORS]
    if unknown:
        raise QueryError(f"unknown gap type {unknown[0]!r}; known: {', '.join(_DETECTORS)}")
    params = {"reference_date": reference_date, "required_types": required_types}
    ctx = _Context(eco, params, prefetch=(name for gap in wanted for name in _QUERIES_OF[gap]))
    findings: list[Finding] = []
    try:
        with task("gaps", len(wanted)) as advance:
            # Detectors without a query first, while the store answers the others' queries in the background.
            for gap in sorted(wanted, key=lambda g: bool(_QUERIES_OF[g])):
                findings += _DETECTORS[gap](ctx)
                advance(1)
    finally:
        ctx.close()
    if network is not None:
        targets = _match_networks(eco, network)
        findings = [f for f in findings if targets.intersection(f.networks) or f.subject in targets]
    if level is not None:
        level_iri = str(ID[f"level/{level}"]) if "/" not in level else _expand_iri(level)
        findings = [f for f in findings if f.level == level_iri]
    return sorted(findings, key=Finding.sort_key)


def _match_networks(eco: Ecosystem, name: str) -> set[str]:
    nets = sorted(str(n) for n in eco.graph.subjects(RDF.type, EZ.Network))
    if name.startswith(("http://", "https://")) or name.startswith("network/"):
        iri = _expand_iri(name)
        if iri not in nets:
            raise QueryError(f"{name!r} is not a network in the graph")
        return {iri}
    needle = name.casefold()
    matched = {n for n in nets if needle in eco.label(URIRef(n)).casefold() or needle == n.rsplit("/", 1)[-1]}
    if not matched:
        raise QueryError(f"no network matches {name!r}; networks: {', '.join(eco.label(URIRef(n)) for n in nets)}")
    return matched
