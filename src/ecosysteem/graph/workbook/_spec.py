"""What the workbook holds: its sheets, their columns, and how each column maps to a model field."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel

from ecosysteem.model import (
    Activity,
    AcuteCareNetwork,
    CareChain,
    Collaboration,
    Entity,
    Goal,
    Group,
    Meeting,
    Membership,
    Network,
    Organisation,
    Person,
    Pilot,
    Plan,
    Programme,
    Project,
    Region,
    SourceDocument,
    SupraRegionalCollaboration,
    slugify,
)

__all__ = [
    "AGENTS",
    "PARTY_ROLES",
    "SHEETS",
    "Column",
    "Sheet",
    "normalise_header",
    "sheet_by_name",
]

ColumnKind = Literal["text", "texts", "string", "date", "integer", "ref", "concept", "choice", "id"]

AGENTS: tuple[type[BaseModel], ...] = (Organisation, Collaboration, Group, Person)
"""Model classes that can act: be a member, a host, a party to an activity."""

ANYTHING: tuple[type[BaseModel], ...] = (Entity,)

PARTY_ROLES: dict[str, str] = {
    "verantwoordelijk": "responsible",
    "trekker": "lead",
    "deelnemer": "participants",
    "financier": "funded_by",
    "adviseur": "advised_by",
}
"""The roles a party has in an activity (sheet *Wie*): slug of the concept in scheme ``party-role`` → Activity field.

The concepts themselves (labels in both languages, what the drop-down offers) are in ``ontology/vocabularies.ttl``;
a test checks that the two agree.
"""


@dataclass(frozen=True)
class Column:
    """One column of a sheet.

    ``field`` is the model field it fills (``""`` for columns handled by the sheet itself, such as *soort*).
    ``kind`` says how a cell is read: ``ref`` names another entity (of one of ``targets``), ``concept`` a concept
    of ``scheme``, ``choice`` one of ``choices`` (Dutch → internal value). ``multi`` columns take several values
    separated by ``;`` or line breaks (``texts``: line breaks only).
    """

    nl: str
    en: str
    field: str
    kind: ColumnKind = "string"
    required: bool = False
    multi: bool = False
    scheme: str | None = None
    targets: tuple[type[BaseModel], ...] = ()
    choices: tuple[tuple[str, str], ...] = ()
    help_nl: str = ""
    aliases: tuple[str, ...] = ()
    offers: str | None = None
    """For a ``ref`` column: the sheet (Dutch name) whose names its drop-down offers."""
    stored_on: str | None = None
    """For a ``ref`` column whose link the referenced entity holds: that entity's field (a plan's ``goals``).

    ``field`` then names no field of the row's own model: the import adds the row to the referenced entity's
    ``stored_on`` field, the export finds the entity that holds the row there."""

    @property
    def header(self) -> str:
        """The header written in the template (a ``*`` marks a required column)."""
        return f"{self.nl} *" if self.required else self.nl

    def names(self) -> set[str]:
        """Every normalised header that means this column."""
        return {normalise_header(n) for n in (self.nl, self.en, self.field, *self.aliases) if n}

    def words(self) -> dict[str, str]:
        """For a ``choice`` column: each value → the word written and offered for it (the first one in ``choices``).

        >>> Column("x", "x", "x", "choice", choices=YES_NO).words()
        {'true': 'ja', 'false': 'nee'}
        """
        first: dict[str, str] = {}
        for word, value in self.choices:
            first.setdefault(value, word)
        return first


@dataclass(frozen=True)
class Sheet:
    """One data sheet: its Dutch and English names, the model classes its rows become, and its columns.

    ``kinds`` maps the values of the *soort* column (Dutch, then English) to model classes; a sheet without a
    *soort* column has one class. ``default_kind`` is used when *soort* is left empty.
    """

    nl: str
    en: str
    kinds: tuple[tuple[str, str, type[BaseModel]], ...]
    columns: tuple[Column, ...]
    help_nl: str
    default_kind: str | None = None
    aliases: tuple[str, ...] = ()
    entity: bool = True
    """False for sheets whose rows are links, not entities (*Wie*)."""
    optional: bool = False
    """True for a sheet added after the first templates: a workbook without it reads as if it were there, empty."""

    def names(self) -> set[str]:
        return {normalise_header(n) for n in (self.nl, self.en, *self.aliases)}

    def column(self, field_name: str) -> Column:
        return next(c for c in self.columns if c.field == field_name)

    @property
    def classes(self) -> tuple[type[BaseModel], ...]:
        return tuple(cls for _nl, _en, cls in self.kinds)

    def kind_choices(self) -> tuple[tuple[str, str], ...]:
        return tuple((nl, nl) for nl, _en, _cls in self.kinds) + tuple((en, nl) for nl, en, _cls in self.kinds)

    def class_for(self, kind: str | None) -> type[BaseModel]:
        wanted = kind or self.default_kind or self.kinds[0][0]
        return next(cls for nl, _en, cls in self.kinds if nl == wanted)

    def kind_of(self, cls: type[BaseModel]) -> str:
        return next(nl for nl, _en, c in self.kinds if c is cls)


def normalise_header(text: str) -> str:
    """Return the form in which headers and sheet names are compared: the slug, without a required-marker.

    >>> normalise_header(" Naam (Engels) * ")
    'naam-engels'
    >>> normalise_header("Regio's")
    'regio-s'
    """
    cleaned = text.replace("*", " ").strip().casefold()
    try:
        return slugify(cleaned)
    except ValueError:
        return ""


def _tail(
    default_source_help: str = "naam of id van een bron op blad Bronnen; leeg: de eerste bron",
) -> tuple[Column, ...]:
    """The columns every entity sheet ends with."""
    return (
        Column("naam (Engels)", "name (English)", "label_en", "string", help_nl="leeg: gelijk aan de Nederlandse naam"),
        Column("omschrijving", "description", "description_nl", "text"),
        Column("omschrijving (Engels)", "description (English)", "description_en", "text"),
        Column("bron", "source", "sources", "ref", multi=True, targets=(SourceDocument,), help_nl=default_source_help),
        Column(
            "zekerheid",
            "certainty",
            "certainty",
            "choice",
            choices=(("onzeker", "onzeker"), ("uncertain", "onzeker")),
            help_nl="'onzeker' als een feit onzeker of afgeleid is",
        ),
        Column("notities", "notes", "editorial_notes", "texts", multi=True, help_nl="één notitie per regel"),
        Column(
            "id",
            "id",
            "id",
            "id",
            help_nl="optioneel: vaste IRI of 'soort/slug'; leeg: afgeleid van de naam",
            aliases=("iri",),
        ),
    )


_NAME = Column("naam", "name", "label_nl", "string", required=True)
YES_NO: tuple[tuple[str, str], ...] = (
    ("ja", "true"),
    ("nee", "false"),
    ("yes", "true"),
    ("no", "false"),
    ("waar", "true"),
    ("onwaar", "false"),
    ("true", "true"),
    ("false", "false"),
)
"""The choices of a yes/no column: Dutch, English, and what Excel writes for a boolean (WAAR/ONWAAR, TRUE/FALSE)."""
NOT_SAME = ("nee", "no")
"""What the *zelfde als* column says for "a different one than the similar name the import found"."""


def _same_as(targets: tuple[type[BaseModel], ...]) -> Column:
    return Column(
        "zelfde als",
        "same as",
        "same_as",
        "ref",
        targets=targets,
        help_nl="als de import een bestaande met een gelijkende naam meldt: die naam (of id) als het dezelfde is, "
        "'nee' als het een andere is",
    )


_LEVEL = Column("niveau", "level", "level", "concept", scheme="level")
_REGIONS = Column("regio's", "regions", "regions", "ref", multi=True, targets=(Region,), aliases=("regios", "regio"))
_WEBSITE = Column("website", "website", "url", "string", aliases=("url",))
_ABBR = Column("afkorting", "abbreviation", "abbreviation", "string")
_START = Column("begin", "start", "start_date", "date", help_nl="jjjj, jjjj-mm of jjjj-mm-dd")
_END = Column("eind", "end", "end_date", "date", help_nl="jjjj, jjjj-mm of jjjj-mm-dd")

SOURCES = Sheet(
    "Bronnen",
    "Sources",
    (("bron", "source", SourceDocument),),
    (
        _NAME,
        Column("titel", "title", "title", "string"),
        Column("uitgever", "publisher", "publisher", "string"),
        Column("uitgegeven", "issued", "issued", "date", help_nl="jjjj, jjjj-mm of jjjj-mm-dd"),
        Column("bestand", "file", "source_file", "string"),
        _WEBSITE,
        *_tail("leeg laten"),
    ),
    "Waar de gegevens vandaan komen: jaarplan, website, verslag. Andere bladen verwijzen ernaar in de kolom bron.",
)

REGIONS = Sheet(
    "Regio's",
    "Regions",
    (("regio", "region", Region),),
    (
        _NAME,
        Column("soort", "type", "region_type", "concept", required=True, scheme="region-type"),
        Column("ligt in", "within", "within", "ref", multi=True, targets=(Region,)),
        *_tail(),
    ),
    "Werkgebieden: netwerkregio, subregio, gemeente. Een netwerk heeft een regio nodig.",
    aliases=("regios",),
)

ORGANISATIONS = Sheet(
    "Organisaties",
    "Organisations",
    (("organisatie", "organisation", Organisation),),
    (
        _NAME,
        _ABBR,
        Column("type", "type", "organisation_type", "concept", required=True, scheme="organisation-type"),
        Column(
            "lijn",
            "line of care",
            "line_of_care",
            "concept",
            scheme="line-of-care",
            help_nl="alleen als die afwijkt van het type",
        ),
        _LEVEL,
        _REGIONS,
        _WEBSITE,
        Column("URA-nummer", "URA number", "ura_number", "string", aliases=("ura",)),
        Column("AGB-code", "AGB code", "agb_code", "string", aliases=("agb",)),
        Column("KvK-nummer", "KvK number", "kvk_number", "string", aliases=("kvk",)),
        _same_as((Organisation,)),
        *_tail(),
    ),
    "Alle organisaties: zorgaanbieders, gemeenten, onderwijs, financiers … Eén rij per organisatie.",
    aliases=("organizations",),
)

COLLABORATIONS = Sheet(
    "Netwerken",
    "Networks",
    (
        ("netwerk", "network", Network),
        ("bovenregionaal samenwerkingsverband", "supra-regional collaboration", SupraRegionalCollaboration),
        ("zorgketen", "care chain", CareChain),
        ("acute-zorgnetwerk", "acute-care network", AcuteCareNetwork),
        ("samenwerkingsverband", "collaboration", Collaboration),
    ),
    (
        _NAME,
        Column("soort", "kind", "", "choice", help_nl="leeg: netwerk"),
        Column("niveau", "level", "level", "concept", scheme="level", help_nl="leeg bij een netwerk: regionaal"),
        _REGIONS,
        Column("penvoerder", "host", "host", "ref", targets=(Organisation,), offers="Organisaties"),
        _ABBR,
        _WEBSITE,
        Column("aantal netwerken", "number of networks", "network_count", "integer", help_nl="alleen bij een netwerk"),
        _same_as((Collaboration,)),
        *_tail(),
    ),
    "Netwerken palliatieve zorg en andere samenwerkingsverbanden (consortium, zorgketen, ROAZ).",
    default_kind="netwerk",
    aliases=("samenwerkingsverbanden", "collaborations"),
)

MEMBERSHIPS = Sheet(
    "Lidmaatschappen",
    "Memberships",
    (("lidmaatschap", "membership", Membership),),
    (
        Column("lid", "member", "member", "ref", required=True, targets=AGENTS, offers="Organisaties"),
        Column(
            "van", "of", "organization", "ref", required=True, targets=(Organisation, Collaboration), offers="Netwerken"
        ),
        Column("rol", "role", "role", "concept", scheme="role", help_nl="de rol van het lid; leeg of 'onbekend' mag"),
        _START,
        _END,
        Column("naam", "name", "label_nl", "string", help_nl="leeg: '<lid> lid van <van>'"),
        *_tail(),
    ),
    "Wie is lid van welk netwerk of samenwerkingsverband (ook: netwerk lid van een consortium).",
)

GROUPS = Sheet(
    "Werkgroepen",
    "Workgroups",
    (("werkgroep", "workgroup", Group),),
    (
        _NAME,
        Column("van", "of", "unit_of", "ref", required=True, targets=(*AGENTS, Activity), offers="Netwerken"),
        Column("soort", "type", "group_type", "concept", required=True, scheme="group-type"),
        *_tail(),
    ),
    "Werkgroepen, netwerkgroepen, besturen, kenniskringen van een netwerk, organisatie of project.",
    aliases=("groepen", "groups"),
)

PLANS = Sheet(
    "Plannen",
    "Plans",
    (("plan", "plan", Plan),),
    (
        _NAME,
        Column("van", "of", "plan_of", "ref", targets=(*AGENTS, Activity), offers="Netwerken"),
        _START,
        _END,
        Column("gebaseerd op", "based on", "based_on", "ref", multi=True, targets=ANYTHING),
        *_tail(),
    ),
    "Jaarplannen en meerjarenplannen (niet verplicht: een activiteit mag ook zonder plan bij een netwerk horen).",
)

GOALS = Sheet(
    "Doelen",
    "Goals",
    (("doel", "goal", Goal),),
    (
        _NAME,
        Column(
            "plan",
            "plan",
            "plan",
            "ref",
            required=True,
            targets=(Plan,),
            stored_on="goals",
            help_nl="het plan (blad Plannen) waarvan dit een doel is",
        ),
        Column("thema", "theme", "themes", "concept", multi=True, scheme="theme"),
        Column(
            "vraagt patiëntparticipatie",
            "requires patient participation",
            "requires_patient_participation",
            "choice",
            choices=YES_NO,
            help_nl="'ja' als het plan patiëntparticipatie een voorwaarde noemt voor dit doel",
            aliases=("patiëntparticipatie",),
        ),
        *_tail(),
    ),
    "De doelen van een plan: één rij per doel. Activiteiten verwijzen ernaar in de kolom 'draagt bij aan doel'.",
    aliases=("doel", "goal"),
    optional=True,
)

ACTIVITIES = Sheet(
    "Activiteiten",
    "Activities",
    (
        ("activiteit", "activity", Activity),
        ("project", "project", Project),
        ("pilot", "pilot", Pilot),
        ("bijeenkomst", "meeting", Meeting),
        ("programma", "programme", Programme),
    ),
    (
        Column("wat", "what", "label_nl", "string", required=True, aliases=("naam", "name", "titel", "title")),
        Column("soort", "kind", "", "choice", help_nl="leeg: activiteit"),
        Column("plan", "plan", "in_plan", "ref", targets=(Plan,), help_nl="het plan (blad Plannen); mag leeg"),
        Column(
            "netwerk",
            "network",
            "network",
            "ref",
            targets=(Collaboration,),
            offers="Netwerken",
            help_nl="het netwerk dat de activiteit doet (wordt verantwoordelijk); nodig als er geen plan is",
        ),
        Column(
            "deel van",
            "part of",
            "part_of",
            "ref",
            targets=(Activity,),
            help_nl="of: het project waar dit een fase van is",
        ),
        Column("doel", "goal", "goal_text_nl", "text"),
        Column("acties en resultaten", "actions and results", "result_text_nl", "text", aliases=("resultaten",)),
        Column("wie", "who", "who_text_nl", "text", help_nl="de 'wie' letterlijk; de partijen zelf op blad Wie"),
        Column("wanneer", "when", "period_text_nl", "text", help_nl="de 'wanneer' letterlijk"),
        _START,
        _END,
        Column("status", "status", "status", "concept", scheme="status"),
        Column("pijler", "pillar", "pillars", "concept", multi=True, scheme="pillar"),
        Column("werkgroep", "workgroup", "groups", "ref", multi=True, targets=(Group,)),
        Column("kringloop", "loop", "loops", "concept", multi=True, scheme="loop"),
        Column("functie", "function", "functions", "concept", multi=True, scheme="function"),
        Column("actie", "action", "actions", "concept", multi=True, scheme="action"),
        Column("thema", "theme", "themes", "concept", multi=True, scheme="theme"),
        Column(
            "soorten deelnemers",
            "participant types",
            "participant_types",
            "concept",
            multi=True,
            scheme="organisation-type",
            help_nl="soorten organisaties zonder naam: huisarts, thuiszorg …",
        ),
        Column(
            "rollen",
            "roles",
            "participant_roles",
            "concept",
            multi=True,
            scheme="role",
            help_nl="rollen zonder naam: netwerkcoördinator, vrijwilliger …",
        ),
        _LEVEL,
        _REGIONS,
        Column("gebaseerd op", "based on", "based_on", "ref", multi=True, targets=ANYTHING),
        Column("producten", "outputs", "outputs", "ref", multi=True, targets=ANYTHING),
        Column(
            "draagt bij aan doel",
            "contributes to goal",
            "contributes_to",
            "ref",
            multi=True,
            targets=(Goal,),
            help_nl="doelen (blad Doelen) waar de activiteit aan bijdraagt",
        ),
        Column("wat (Engels)", "what (English)", "label_en", "string"),
        Column("doel (Engels)", "goal (English)", "goal_text_en", "text"),
        Column("acties en resultaten (Engels)", "actions and results (English)", "result_text_en", "text"),
        Column("wie (Engels)", "who (English)", "who_text_en", "text"),
        Column("wanneer (Engels)", "when (English)", "period_text_en", "text"),
        *(c for c in _tail() if c.field != "label_en"),
    ),
    "Eén rij per activiteit: wat, doel, acties en resultaten, wie, wanneer, en de indeling naar pijler, werkgroep "
    "en bijenkorf (kringloop, functie, actie). Een activiteit hoort bij een plan, een project of een netwerk.",
    default_kind="activiteit",
)

PARTIES = Sheet(
    "Wie",
    "Participants",
    (("wie", "who", Activity),),
    (
        Column("activiteit", "activity", "activity", "ref", required=True, targets=(Activity,)),
        Column(
            "partij",
            "party",
            "party",
            "ref",
            required=True,
            targets=(*AGENTS, Activity),
            offers="Organisaties",
            help_nl="organisatie, netwerk of werkgroep (naam, afkorting of id)",
        ),
        Column("rol", "role", "role", "concept", scheme="party-role", help_nl="leeg: deelnemer"),
    ),
    "Wie doet mee aan welke activiteit: één rij per partij per activiteit, met haar rol.",
    aliases=("deelnemers", "who", "partijen"),
    entity=False,
)

SHEETS: tuple[Sheet, ...] = (
    ORGANISATIONS,
    COLLABORATIONS,
    MEMBERSHIPS,
    GROUPS,
    PLANS,
    GOALS,
    ACTIVITIES,
    PARTIES,
    REGIONS,
    SOURCES,
)
"""The data sheets, in the order the template shows them."""

IMPORT_ORDER: tuple[Sheet, ...] = (
    SOURCES,
    REGIONS,
    ORGANISATIONS,
    COLLABORATIONS,
    PLANS,
    GOALS,
    ACTIVITIES,
    GROUPS,
    MEMBERSHIPS,
)
"""The order in which rows get their IRIs: each sheet's IRIs may depend on the sheets before it."""


def sheet_by_name(name: str) -> Sheet | None:
    """Return the sheet called ``name`` (Dutch or English, any case), or ``None``.

    >>> sheet_by_name("organisations").nl
    'Organisaties'
    """
    key = normalise_header(name)
    return next((s for s in SHEETS if key in s.names()), None)
