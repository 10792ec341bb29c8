"""The profile of one network or consortium: what a coordinator asks first, gathered in one place.

Partners by type against the Kwaliteitskader checklist (present / absent / unknown), plans with their goals and
activities (owner, period, status), the gaps and unknowns for this subject in words with their sources, peers in
the same consortium on the same themes, and the sources used. The same :class:`Profile` feeds the HTML page
(``network/<slug>.html``, ``collaboration/<slug>.html`` in the report) and ``ecosysteem profiel`` in the terminal.

>>> from ecosysteem.graph.ecosystem import load
>>> eco = load()
>>> p = build_profile(eco, "https://w3id.org/ecosysteem/id/network/twente", findings=[])
>>> p.name, p.kind, p.slug, p.has_data
('Netwerken Palliatieve Zorg Twente', 'network', 'twente', True)
>>> print(profile_text(build_profile(eco, "https://w3id.org/ecosysteem/id/network/almere", findings=[])))
... # doctest: +ELLIPSIS
# Netwerk Palliatieve Zorg Almere
...
Ontbrekende gegevens: ...
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from rdflib import URIRef

from ecosysteem.analysis.scope import Scope
from ecosysteem.output.findings import FindingView, SourceView, present, source_view
from ecosysteem.output.words import heading, word, words
from ecosysteem.vocab import DCTERMS, EZ, ORG, RDF, SDO

if TYPE_CHECKING:
    from ecosysteem.analysis.gaps import Finding
    from ecosysteem.graph import Ecosystem

_TYPE = str(RDF.type)

__all__ = [
    "ActivityRow",
    "CheckRow",
    "PlanBlock",
    "Profile",
    "build_profile",
    "profile_path",
    "profile_subjects",
    "profile_text",
    "subject_kind",
    "views_by_subject",
]


_SUBJECT_KINDS = {"network": "palliative_network", "collaboration": "collaboration"}


def subject_kind(kind: str, lang: str) -> str:
    """What a profile's subject is, in words: ``network`` → *netwerk palliatieve zorg*, ``collaboration`` → …"""
    return word(_SUBJECT_KINDS[kind], lang)


@dataclass(frozen=True)
class ActivityRow:
    """An activity as a profile lists it."""

    iri: str
    anchor: str
    label: str
    owner: str
    period: str
    status: str
    themes: tuple[str, ...] = ()


@dataclass(frozen=True)
class PlanBlock:
    """A plan with its goals and activities (``iri`` empty: the activities outside any plan)."""

    iri: str
    label: str
    period: str
    goals: tuple[str, ...]
    activities: tuple[ActivityRow, ...]


@dataclass(frozen=True)
class CheckRow:
    """One line of the partner checklist: the expected type, its state and the partners that fill it."""

    expected: str
    state: str  # present | absent | unknown
    partners: tuple[str, ...]


@dataclass
class Profile:
    """Everything a profile page shows about one network or consortium."""

    iri: str
    name: str
    kind: str  # network | collaboration
    slug: str
    description: str
    consortia: list[tuple[str, str]] = field(default_factory=list)  # (name, path)
    partners: list[tuple[str, list[str]]] = field(default_factory=list)  # (type, names)
    checklist: list[CheckRow] = field(default_factory=list)
    plans: list[PlanBlock] = field(default_factory=list)
    findings: list[FindingView] = field(default_factory=list)
    peers: list[tuple[str, str, list[str]]] = field(default_factory=list)  # (name, path, shared themes)
    sources: list[SourceView] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    @property
    def has_data(self) -> bool:
        """Whether any partner, plan or activity is recorded."""
        return not self.missing


def profile_path(iri: str, kind: str) -> str:
    """The page of a subject in the report: ``network/<slug>.html`` or ``collaboration/<slug>.html``."""
    return f"{kind}/{_slug(iri)}.html"


def _slug(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1]


def profile_subjects(eco: Ecosystem, scope: Scope | None = None) -> list[tuple[str, str]]:
    """Every subject that gets a profile: ``(iri, kind)`` for each network and supra-regional collaboration."""
    view = (scope or Scope.of(eco)).view
    nets = [(n, "network") for n in view.networks]
    g, network = view.g, str(EZ.Network)
    collabs = sorted(
        {c for c in g.iri_subjects(_TYPE, str(EZ.SupraRegionalCollaboration)) if network not in g.iri_objects(c, _TYPE)}
    )
    return nets + [(c, "collaboration") for c in collabs]


_PERIOD_TEXT, _START, _END, _WHO, _STATUS, _THEME = (
    EZ.periodText,
    SDO.startDate,
    SDO.endDate,
    EZ.whoText,
    EZ.status,
    EZ.theme,
)


def _period(scope: Scope, node: str, lang: str) -> str:
    text = scope.g.text(node, _PERIOD_TEXT, lang=lang)
    if text:
        return text
    start = scope.g.text(node, _START, lang=lang)
    end = scope.g.text(node, _END, lang=lang)
    if start and end and start != end:
        return f"{start} – {end}"
    return start or end


def _labels(scope: Scope, nodes: Iterable[str], lang: str) -> list[str]:
    """The names of ``nodes`` (IRI strings), sorted; read through the scope's index, which caches them."""
    return sorted({scope.g.label(str(n), lang) for n in nodes}, key=str.casefold)


def _activity(scope: Scope, iri: str, lang: str, w: dict[str, str]) -> ActivityRow:
    # A network's activity is listed again on its consortium's page: each row is made once per report.
    return _lookups(scope).activity(iri, lang, lambda: _activity_row(scope, iri, lang, w))


def _activity_row(scope: Scope, iri: str, lang: str, w: dict[str, str]) -> ActivityRow:
    owners = _labels(scope, scope.owners(iri), lang)  # inherited along partOf, as the gaps
    owner = "; ".join(owners) or scope.g.text(iri, _WHO, lang=lang)
    status = _labels(scope, scope.g.iri_objects(iri, _STATUS), lang)
    return ActivityRow(
        iri=iri,
        anchor=f"act-{_slug(iri)}",
        label=scope.g.label(iri, lang),
        owner=owner or w["not_recorded"],
        period=_period(scope, iri, lang) or w["not_recorded"],
        status="; ".join(status) or w["not_recorded"],
        themes=tuple(_labels(scope, scope.g.iri_objects(iri, _THEME), lang)),
    )


def _scope(scope: Scope, iri: str, kind: str) -> set[str]:
    """The activities of the subject, by the one definition (:mod:`ecosysteem.analysis.scope`)."""
    if kind == "network":
        return set(scope.network_activities(iri))
    return set(scope.collaboration_activities(iri))


def _plans(scope: Scope, iri: str, activities: set[str], lang: str, w: dict[str, str]) -> list[PlanBlock]:
    ix = scope.g
    blocks = []
    placed: set[str] = set()
    for plan in scope.plans_of(iri):
        in_plan = sorted(ix.iri_subjects(EZ.inPlan, plan))
        placed.update(in_plan)
        rows = sorted((_activity(scope, a, lang, w) for a in in_plan), key=lambda r: (r.label.casefold(), r.iri))
        blocks.append(
            PlanBlock(
                iri=plan,
                label=ix.label(plan, lang),
                period=_period(scope, plan, lang),
                goals=tuple(_labels(scope, ix.iri_objects(plan, EZ.hasGoal), lang)),
                activities=tuple(rows),
            )
        )
    rest = sorted(activities - placed)
    if rest:
        rows = sorted((_activity(scope, a, lang, w) for a in rest), key=lambda r: (r.label.casefold(), r.iri))
        blocks.append(PlanBlock("", w["other_activities"], "", (), tuple(rows)))
    return blocks


class _Lookups:
    """What every profile of one report asks again, looked up once per scope: persons, kinds, broader types, themes."""

    def __init__(self, scope: Scope) -> None:
        # A weak reference: the lookups are the value of a weak-keyed table whose key is the scope.
        self._scope = weakref.ref(scope)
        self.persons = set(scope.g.iri_subjects(_TYPE, str(EZ.Person)))
        self._broader: dict[tuple[str, ...], set[str]] = {}
        self._themes: dict[str, set[str]] = {}
        self._kinds: dict[tuple[str, str], str] = {}
        self._activities: dict[tuple[str, str], ActivityRow] = {}
        self._checked: tuple[Sequence[Finding] | None, bool, dict[str, list[Finding]]] | None = None

    @property
    def scope(self) -> Scope:
        """The scope rules these lookups are of."""
        scope = self._scope()
        assert scope is not None, "the scope outlives its lookups"
        return scope

    def checklist_findings(self, findings: Sequence[Finding] | None) -> tuple[bool, dict[str, list[Finding]]]:
        """Whether ``findings`` hold the partner checklist's, and those findings per subject (once per list)."""
        if self._checked is None or self._checked[0] is not findings:
            gaps, judged = _checklist_gaps(), False
            per_subject: dict[str, list[Finding]] = {}
            for f in findings or []:
                if f.gap in gaps:
                    judged = True
                    per_subject.setdefault(f.subject, []).append(f)
            self._checked = (findings, judged, per_subject)
        return self._checked[1], self._checked[2]

    def activity(self, iri: str, lang: str, make: Callable[[], ActivityRow]) -> ActivityRow:
        """The row of an activity in ``lang``, made by ``make`` the first time."""
        found = self._activities.get((iri, lang))
        if found is None:
            found = self._activities[iri, lang] = make()
        return found

    def types_of(self, node: str) -> set[str]:
        """The organisation types of ``node`` and every broader type (the caller must not change the set)."""
        types = tuple(sorted(self.scope.g.iri_objects(node, EZ.organisationType)))
        found = self._broader.get(types)
        if found is None:
            found = self._broader[types] = self.scope.broader(types)
        return found

    def themes(self, network: str) -> set[str]:
        """The themes of a network's activities (the caller must not change the set)."""
        found = self._themes.get(network)
        if found is None:
            g = self.scope.g
            found = self._themes[network] = {
                t for a in self.scope.network_activities(network) for t in g.iri_objects(a, EZ.theme)
            }
        return found

    def kind(self, partner: str, lang: str, w: dict[str, str]) -> str:
        """What a partner is listed under: its first organisation type by name, else its class, else *other*."""
        found = self._kinds.get((partner, lang))
        if found is None:
            g = self.scope.g
            types = _labels(self.scope, g.iri_objects(partner, EZ.organisationType), lang)
            if not types:
                classes = g.iri_objects(partner, RDF.type)
                kinds = [k for cls, k in _KIND_WORDS if str(cls) in classes]
                types = [heading(subject_kind(k, lang)) if k in _SUBJECT_KINDS else w[k] for k in kinds]
                types = types or [w["kind_not_recorded"]]
            found = self._kinds[partner, lang] = types[0]
        return found


_LOOKUPS: WeakKeyDictionary[Scope, _Lookups] = WeakKeyDictionary()


def _lookups(scope: Scope) -> _Lookups:
    found = _LOOKUPS.get(scope)
    if found is None:
        found = _LOOKUPS[scope] = _Lookups(scope)
    return found


def _partners(look: _Lookups, iri: str, activities: set[str]) -> set[str]:
    # People are named with their activities, not as partners: as the gap report counts them.
    return {p for p in look.scope.partners(iri, activities) if p not in look.persons}


def _checklist_gaps() -> set[str]:
    """The id of the partner-checklist gap type and its aliases, from its one definition."""
    from ecosysteem.analysis.gaps import missing_partner_types

    return {missing_partner_types.GAP.id, *missing_partner_types.GAP.aliases}


def _checklist(
    look: _Lookups, iri: str, partners: set[str], findings: Sequence[Finding] | None, has_data: bool, lang: str
) -> list[CheckRow]:
    """The Kwaliteitskader checklist: each expected type present, absent or unknown.

    The judgement is the gap analysis's (its partner-checklist findings for this network: absent types, or
    unknown when it cannot judge); without findings, whether a partner of the graph has the type. The partners
    listed beside a type are those of the graph that have it.
    """
    from ecosysteem.analysis.gaps import DEFAULT_REQUIRED_TYPES
    from ecosysteem.vocab import ID

    judged, checked = look.checklist_findings(findings)  # judged: the analysis ran the checklist
    mine = checked.get(iri, [])
    unknown = any(str(f.status) == "unknown" for f in mine)
    absent = {f.concept for f in mine if str(f.status) == "gap" and f.concept}
    scope = look.scope
    having: dict[str, set[str]] = {}  # type → the partners that have it (or a narrower one)
    for p in partners:
        for t in look.types_of(p):
            having.setdefault(t, set()).add(p)
    rows = []
    for expected in DEFAULT_REQUIRED_TYPES:
        options = [str(ID[f"organisation-type/{t}"]) for t in expected.split("|")]
        label = " / ".join(scope.g.label(o, lang) for o in options)
        filled = _labels(scope, {p for o in options for p in having.get(o, ())}, lang)
        if judged:
            state = "unknown" if unknown or not has_data else "absent" if absent & set(options) else "present"
        else:
            state = "present" if filled else "absent" if has_data else "unknown"
        rows.append(CheckRow(label, state, tuple(filled)))
    return rows


_KIND_WORDS = ((EZ.Network, "network"), (EZ.SupraRegionalCollaboration, "collaboration"), (EZ.Group, "groups"))
"""What a partner without an organisation type is listed under, by its class: a subject kind, or ``groups``."""


def _by_type(look: _Lookups, partners: set[str], lang: str, w: dict[str, str]) -> list[tuple[str, list[str]]]:
    groups: dict[str, list[str]] = {}
    label = look.scope.g.label
    for p in partners:
        if p not in look.persons:
            groups.setdefault(look.kind(p, lang, w), []).append(label(p, lang))
    return sorted(((t, sorted(ns, key=str.casefold)) for t, ns in groups.items()), key=lambda x: x[0].casefold())


def _consortia(scope: Scope, iri: str) -> list[str]:
    consortia = set(scope.g.iri_subjects(RDF.type, EZ.SupraRegionalCollaboration))
    return sorted({o for o in scope.organizations_of(iri) if o in consortia})


def _peers(look: _Lookups, iri: str, kind: str, consortia: list[str], lang: str) -> list[tuple[str, str, list[str]]]:
    scope = look.scope
    if kind == "network":
        others = {m for c in consortia for m in scope.member_networks(c) if m != iri}
    else:
        others = set(scope.member_networks(iri))
    mine = look.themes(iri) if kind == "network" else set()
    peers = []
    for other in others:
        shared = mine & look.themes(other) if mine else set()
        peers.append((scope.g.label(other, lang), profile_path(other, "network"), _labels(scope, shared, lang)))
    return sorted(peers, key=lambda p: (-len(p[2]), p[0].casefold()))


def _sources(
    eco: Ecosystem, scope: Scope, nodes: Iterable[str], findings: Sequence[FindingView], lang: str
) -> list[SourceView]:
    found = {s for n in nodes for s in scope.g.iri_objects(n, DCTERMS.source)}
    found.update(s.iri for f in findings for s in f.sources)
    return sorted((source_view(eco, s, lang) for s in found), key=lambda s: (s.title.casefold(), s.iri))


def _concerns(f: Finding, iri: str) -> bool:
    # A consortium's own findings list every member network; they belong on the consortium's page.
    return f.subject == iri or (iri in f.networks and f.subject_kind != "supra-regional collaboration")


def views_by_subject(views: Iterable[FindingView]) -> dict[str, list[FindingView]]:
    """Per subject, the views (in their order) of the findings that concern it: what its profile page lists.

    >>> views_by_subject([])
    {}
    """
    found: dict[str, list[FindingView]] = {}
    for v in views:
        if v.finding is not None:
            for key in dict.fromkeys((v.subject, *v.networks)):
                if _concerns(v.finding, key):
                    found.setdefault(key, []).append(v)
    return found


def build_profile(
    eco: Ecosystem,
    iri: str,
    findings: Iterable[Finding] | None,
    *,
    kind: str | None = None,
    lang: str = "nl",
    scope: Scope | None = None,
    views: Sequence[FindingView] | None = None,
) -> Profile:
    """Gather the profile of the network or consortium ``iri``.

    Parameters
    ----------
    eco
        The ecosystem.
    iri
        The subject (resolve a typed name first with :func:`~ecosysteem.graph.resolve.resolve`).
    findings
        Gap findings (of the whole graph or of this subject); those that concern the subject are kept, and the
        partner checklist follows them. ``None``: no gap analysis (the checklist is read from the graph).
    kind
        ``"network"`` or ``"collaboration"``; found from the graph when not given.
    lang
        ``"nl"`` or ``"en"``.
    scope
        The scope rules over the graph (:class:`~ecosysteem.analysis.scope.Scope`); pass one to share it between
        profiles (it caches), else one is built.
    views
        ``findings`` presented in ``lang`` already (:func:`~ecosysteem.output.findings.present`, sorted), to share
        between profiles; those that concern the subject are shown.
    """
    w = words(lang)
    node = URIRef(iri)
    # A list is kept as it is: the report passes one list to every profile, and the checklist reads it once.
    given = findings if findings is None or isinstance(findings, list) else list(findings)
    scope = scope or Scope.of(eco)
    if kind is None:
        kind = "network" if str(EZ.Network) in scope.g.iri_objects(iri, RDF.type) else "collaboration"
    activities = _scope(scope, iri, kind)
    look = _lookups(scope)
    partners = _partners(look, iri, activities)
    plans = _plans(scope, iri, activities, lang, w)
    missing = []
    if not any(p.iri for p in plans):
        missing.append(w["no_plan"])
    if not scope.members(iri):
        missing.append(w["no_partners"])
    if not activities:
        missing.append(w["no_activities"])
    has_data = bool(partners or activities or any(p.iri for p in plans))
    consortia = _consortia(scope, iri) if kind == "network" else []
    if views is None:
        mine = present(eco, (f for f in given or [] if _concerns(f, iri)), lang)
    else:
        mine = [v for v in views if v.finding is not None and _concerns(v.finding, iri)]
    nodes = [
        iri,
        *(p.iri for p in plans if p.iri),
        *activities,
        *scope.g.iri_subjects(ORG.member, iri),
    ]
    return Profile(
        iri=iri,
        name=scope.g.label(iri, lang),
        kind=kind,
        slug=_slug(iri),
        description=eco.text(node, DCTERMS.description, lang=lang),
        consortia=[(scope.g.label(c, lang), profile_path(c, "collaboration")) for c in consortia],
        partners=_by_type(look, partners, lang, w),
        checklist=_checklist(look, iri, partners, given, has_data, lang) if kind == "network" else [],
        plans=plans,
        findings=mine,
        peers=_peers(look, iri, kind, consortia, lang),
        sources=_sources(eco, scope, nodes, mine, lang),
        missing=missing if not has_data else [],
    )


def profile_text(profile: Profile, lang: str = "nl") -> str:
    """The profile as Markdown (readable as plain text in a terminal too)."""
    w = words(lang)
    out = [f"# {profile.name}", "", heading(subject_kind(profile.kind, lang))]
    if profile.consortia:
        out[-1] += " — " + ", ".join(name for name, _ in profile.consortia)
    if profile.missing:
        out += ["", f"{w['missing']}: {'; '.join(profile.missing)}.", "", w["how_to_add"]]
    if profile.checklist:
        out += ["", f"## {w['checklist']}", ""]
        out += [
            f"- {r.expected}: {w[r.state]}" + (f" ({', '.join(r.partners)})" if r.partners else "")
            for r in profile.checklist
        ]
    if profile.partners:
        out += ["", f"## {w['partners']}", ""]
        out += [f"- {t}: {', '.join(names)}" for t, names in profile.partners]
    for plan in profile.plans:
        out += ["", f"## {plan.label}" + (f" ({plan.period})" if plan.period else ""), ""]
        if plan.goals:
            out += [f"{w['goals']}: {'; '.join(plan.goals)}", ""]
        out += [
            f"- {a.label} — {w['owner']}: {a.owner}; {w['period']}: {a.period}; {w['status']}: {a.status}"
            for a in plan.activities
        ]
    out += ["", f"## {w['findings']} ({len(profile.findings)})", ""]
    out += [_finding_line(f, w) for f in profile.findings] or [f"- {w['none']}"]
    if profile.peers:
        out += ["", f"## {w['peers']}", ""]
        out += [f"- {name}" + (f" — {w['shared_themes']}: {', '.join(t)}" if t else "") for name, _, t in profile.peers]
    if profile.sources:
        out += ["", f"## {w['sources']}", ""]
        out += [f"- {s.text()}" for s in profile.sources]
    return "\n".join(out)


def _finding_line(f: FindingView, w: dict[str, str]) -> str:
    line = f"- [{f.severity_word}, {f.status_word}] {f.gap_title}: {f.message}"
    if f.evidence:
        line += f" ({f.evidence})"
    if f.needs:
        line += f" — {f.needs}"
    if f.sources:
        line += f" [{'; '.join(s.text() for s in f.sources)}]"
    return line
