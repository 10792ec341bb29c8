"""The synthetic ecosystem's data: national counts, regions, vocabularies, and the RDF text writer."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, TextIO

from ecosysteem._iri import BASE

SyntheticFormat = Literal["nt", "turtle"]
MIN_ORGANISATIONS = 100
"""Below this the seven UMCs and the per-network structure would be most of the graph."""


@dataclass(frozen=True)
class NationalCount:
    """How many organisations of one type the Netherlands has, and where that number comes from."""

    type: str
    count: int
    source: str
    estimate: bool = False


NATIONAL_COUNTS: tuple[NationalCount, ...] = (
    NationalCount("huisartsenpraktijk", 4900, "Nivel, Cijfers uit de registratie van huisartsen (≈4,900 practices)"),
    NationalCount("huisartsenorganisatie", 110, "InEen, Benchmarkrapport huisartsenposten (≈110 HAP locations)"),
    NationalCount("apotheek", 2000, "SFK, Data en feiten (≈2,000 community pharmacies)"),
    NationalCount("thuiszorg", 2000, "NZa, Monitor wijkverpleging (≈2,000 providers of district nursing)", True),
    NationalCount("patz-groep", 300, "PaTz (patz.nu): 'ruim 300 PaTz-groepen'", True),
    NationalCount("vptz", 200, "VPTZ Nederland: ≈200 member organisations of volunteers", True),
    NationalCount("geestelijke-verzorging", 65, "VWS: one Centrum voor Levensvragen per network region (≈65)"),
    NationalCount("welzijnsorganisatie", 400, "estimate: roughly one welfare organisation per municipality", True),
    NationalCount("ziekenhuis", 63, "NVZ / VZinfo: ≈70 hospital organisations, of which 7 UMCs"),
    NationalCount("umc", 7, "NFU: 7 university medical centres"),
    NationalCount("consultatieteam", 100, "estimate: regional and hospital palliative consultation teams", True),
    NationalCount("ggz", 100, "estimate: larger mental-health institutions (GGZ Nederland members)", True),
    NationalCount(
        "hospice", 230, "AHzN / VPTZ: ≈330 hospice facilities in all (split hospice / bijna-thuis-huis)", True
    ),
    NationalCount("bijna-thuis-huis", 100, "idem (estimate of the split)", True),
    NationalCount("verpleeghuis", 2300, "CBS / Zorgkaart: ≈2,300 nursing-home locations", True),
    NationalCount("gehandicaptenzorg", 160, "VGN: ≈160 member organisations of disability care", True),
    NationalCount("ambulancezorg", 25, "Ambulancezorg Nederland: 25 regional ambulance services (RAV)"),
    NationalCount("hulpmiddelenleverancier", 50, "estimate: medical-supply companies active in palliative care", True),
    NationalCount("mbo", 60, "MBO Raad: ≈60 vocational colleges (ROC/AOC)"),
    NationalCount("hbo", 36, "Vereniging Hogescholen: 36 universities of applied sciences"),
    NationalCount("wo", 14, "UNL: 14 research universities"),
    NationalCount("scholingsinstituut", 50, "estimate: training institutes for care professionals", True),
    NationalCount("kennisinstituut", 10, "estimate: knowledge institutes (IKNL, Vilans, Nivel …)", True),
    NationalCount("gemeente", 342, "CBS: 342 municipalities (2024)"),
    NationalCount("clientenorganisatie", 100, "estimate: regional patient and client organisations", True),
    NationalCount("regionale-ondersteuning", 12, "ROS-Netwerk: ≈12 regional support organisations", True),
)
"""The organisation types of the synthetic ecosystem with their national numbers. Counts that the source states
are approximate figures from the organisations named (recent annual reports and registries, 2022–2024); entries
marked ``estimate`` are our own order-of-magnitude estimates. In all ≈13,700 organisations: N ≈ 14,000 is about
national scale, N = 100,000 is a stress test with the same proportions."""

# Member of a network through an org:Membership (the rest only take part in activities).
_MEMBER_SHARE = {"huisartsenpraktijk": 0.05, "apotheek": 0.05, "patz-groep": 0.3, "gemeente": 0.8}

_LINES = {
    "eerste-lijn": {
        "huisartsenpraktijk",
        "huisartsenorganisatie",
        "apotheek",
        "thuiszorg",
        "patz-groep",
        "vptz",
        "geestelijke-verzorging",
        "welzijnsorganisatie",
        "hulpmiddelenleverancier",
    },
    "specialist": {"ziekenhuis", "umc", "consultatieteam", "ggz"},
}
_EDUCATION = ("mbo", "hbo", "wo", "scholingsinstituut")
_RESEARCH = ("umc", "hbo", "wo", "kennisinstituut")
_CLIENT = ("clientenorganisatie",)
_LACKABLE = ("vptz", "geestelijke-verzorging", "consultatieteam")

SUPRAREGIONS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        "Noordoost",
        "Northeast",
        (
            "Friesland Noordoost",
            "Friesland Noordwest",
            "Friesland Zuidoost",
            "Friesland Zuid",
            "Friesland Zuidwest",
            "Noord-Groningen",
            "Zuidoost-Groningen",
            "Groningen-Centraal",
            "Noord-Drenthe",
            "Midden-Drenthe",
            "Zuidoost-Drenthe",
            "Zuidwest-Drenthe en Steenwijkerland",
            "Salland",
            "Twente Noordwest",
            "Twente Centraal",
            "Twente Zuid",
            "IJssel-Vecht",
            "Noordoost-Overijssel",
        ),
    ),
    (
        "Midden-Nederland",
        "Central Netherlands",
        ("Utrecht stad", "Zuidoost-Utrecht", "Utrecht Zuid", "Eemland", "Utrecht West", "Vallei", "Noord-Veluwe"),
    ),
    (
        "Noord-Holland en Flevoland",
        "North Holland and Flevoland",
        (
            "Almere",
            "Noord en Oost Flevoland",
            "West-Friesland",
            "Amsterdam-Diemen",
            "Amstelland",
            "Zaanstreek-Waterland",
            "Noord-Kennemerland",
            "Kop van Noord-Holland",
            "Zuid-Kennemerland en Meerlanden",
            "Gooi en Vechtstreek",
        ),
    ),
    (
        "Zuid-Holland",
        "South Holland",
        ("Haaglanden", "Midden-Holland", "Westland-Schieland-Delftland", "Zuid-Holland Noord"),
    ),
    (
        "Zuidwest-Nederland",
        "Southwest Netherlands",
        (
            "Rotterdam en omstreken",
            "Nieuwe Waterweg Noord",
            "Zuid-Hollandse Eilanden",
            "Drechtsteden",
            "Alblasserwaard-Vijfheerenlanden",
            "Zeeuws-Vlaanderen",
            "Walcheren-Oosterschelde",
            "West-Brabant",
            "Stadsgewest Breda",
            "Midden-Brabant",
        ),
    ),
    (
        "Limburg en Zuidoost-Brabant",
        "Limburg and Southeast Brabant",
        (
            "Noord-Limburg",
            "Midden-Limburg",
            "Westelijke Mijnstreek",
            "Oostelijk Zuid-Limburg",
            "Maastricht-Heuvelland",
            "Helmond-De Peel",
            "Eindhoven en de Kempen",
        ),
    ),
    (
        "Oost-Nederland",
        "East Netherlands",
        (
            "Nijmegen",
            "Arnhem-De Liemers",
            "Oost-Veluwe",
            "Achterhoek",
            "Rivierenland",
            "Gelderse Vallei",
            "'s-Hertogenbosch-Bommelerwaard",
            "Oss-Meierijstad-Maashorst",
            "Maasland",
        ),
    ),
)
"""The seven supra-regional collaborations (nl, en) and the regions of their member networks (65 in all)."""

_ACUTE_REGIONS = (
    "Noord-Nederland",
    "Zwolle",
    "Euregio",
    "Oost",
    "Midden-Nederland",
    "Noord-Holland en Flevoland",
    "West",
    "Zuidwest-Nederland",
    "Brabant",
    "Limburg",
    "Amsterdam",
)
_CHAINS = (("dementie", "Keten Dementie", "Dementia chain"), ("cva", "CVA-keten", "Stroke chain"))
_CHAINS_EXTRA = (("parkinson", "ParkinsonNet", "ParkinsonNet"),)

_FUNCTIONS = (
    "lerend-netwerk",
    "implementatie-landelijke-kaders",
    "vliegwiel-transformatie",
    "samenhang-en-kwaliteit",
    "verbindingsfunctie",
    "bovenregionale-probleemoplossing",
)
_ACTIONS = {
    "onderwijs": (
        "coordinatie-deskundigheidsbevordering",
        "implementatie-onderwijsraamwerken",
        "onderwijs-en-praktijk-verbinden",
        "afstemming-opleidingsvraag",
        "leermiddelen-afstemmen",
    ),
    "praktijk": (
        "netwerken-verbinden",
        "praktijkvariatie-voorkomen",
        "capaciteit-specialisten",
        "complexe-praktijkvragen",
        "specifieke-doelgroepen",
    ),
    "onderzoek": (
        "gezamenlijk-onderzoeksprogramma",
        "onderzoek-naar-implementatie",
        "versnellen-implementatie",
        "coordinatie-onderzoek",
    ),
}
_ALL_ACTIONS = tuple((loop, a) for loop, actions in _ACTIONS.items() for a in actions)
_THEMES = (
    ("proactieve-zorgplanning", "Proactieve zorgplanning", "Advance care planning"),
    ("maatschappelijke-bewustwording", "Maatschappelijke bewustwording", "Public awareness"),
    ("deskundigheidsbevordering", "Deskundigheidsbevordering", "Professional development"),
    ("transmurale-samenwerking", "Transmurale samenwerking", "Transmural collaboration"),
    ("continuiteit-van-zorg", "Continuïteit van zorg", "Continuity of care"),
    ("consultatie", "Consultatie", "Consultation"),
    ("kwaliteitskader", "Kwaliteitskader", "Quality framework"),
    ("zingeving", "Zingeving", "Meaning and spirituality"),
    ("clientparticipatie", "Cliëntparticipatie", "Client participation"),
    ("informatievoorziening", "Informatievoorziening", "Information provision"),
    ("capaciteit", "Capaciteit", "Capacity"),
    ("zorgcoordinatie", "Zorgcoördinatie", "Care coordination"),
    ("netwerkontwikkeling", "Netwerkontwikkeling", "Network development"),
    ("ketenzorg", "Ketenzorg", "Chain care"),
    ("sociaal-domein", "Sociaal domein", "Social domain"),
    ("vrijwillige-inzet", "Vrijwillige inzet", "Volunteering"),
    ("onderwijs", "Onderwijs", "Education"),
    ("onderzoek", "Onderzoek", "Research"),
)
_PILLARS = ("coordineren", "signaleren", "faciliteren", "informeren", "leren-en-verbeteren", "verbinden")
_WORKGROUP_THEMES = (0, 2, 3, 7, 8, 16)  # indexes into _THEMES: the six workgroups of every network
_ROLES_CARE = ("netwerkcoordinator", "huisarts", "wijkverpleegkundige", "palliatief-consulent", "geestelijk-verzorger")
_ROLES_PATIENT = ("ervaringsdeskundige", "clientvertegenwoordiger", "patient-en-naasten")
_TYPE_LABELS = {
    "huisartsenpraktijk": ("Huisartsenpraktijk", "GP practice"),
    "huisartsenorganisatie": ("Huisartsenorganisatie", "GP organisation"),
    "apotheek": ("Apotheek", "Pharmacy"),
    "thuiszorg": ("Thuiszorg", "Home care"),
    "patz-groep": ("PaTz-groep", "PaTz group"),
    "vptz": ("VPTZ", "VPTZ volunteers"),
    "geestelijke-verzorging": ("Centrum voor Levensvragen", "Centre for spiritual care"),
    "welzijnsorganisatie": ("Welzijn", "Welfare"),
    "ziekenhuis": ("Ziekenhuis", "Hospital"),
    "umc": ("UMC", "UMC"),
    "consultatieteam": ("Consultatieteam palliatieve zorg", "Palliative consultation team"),
    "ggz": ("GGZ", "Mental health care"),
    "hospice": ("Hospice", "Hospice"),
    "bijna-thuis-huis": ("Bijna-thuis-huis", "Almost-home house"),
    "verpleeghuis": ("Verpleeghuis", "Nursing home"),
    "gehandicaptenzorg": ("Gehandicaptenzorg", "Disability care"),
    "ambulancezorg": ("Ambulancezorg", "Ambulance service"),
    "hulpmiddelenleverancier": ("Hulpmiddelen", "Medical supplies"),
    "mbo": ("ROC", "Vocational college"),
    "hbo": ("Hogeschool", "University of applied sciences"),
    "wo": ("Universiteit", "University"),
    "scholingsinstituut": ("Scholingsinstituut", "Training institute"),
    "kennisinstituut": ("Kennisinstituut", "Knowledge institute"),
    "gemeente": ("Gemeente", "Municipality"),
    "clientenorganisatie": ("Cliëntenorganisatie", "Client organisation"),
    "regionale-ondersteuning": ("Regionale ondersteuning", "Regional support"),
}

_NS = {
    "ez": "https://w3id.org/ecosysteem/def#",
    "org": "http://www.w3.org/ns/org#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "dcterms": "http://purl.org/dc/terms/",
    "schema": "https://schema.org/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
_KINDS = (
    "organisation",
    "network",
    "collaboration",
    "group",
    "plan",
    "goal",
    "activity",
    "output",
    "region",
    "membership",
    "source",
    "level",
    "function",
    "loop",
    "action",
    "organisation-type",
    "role",
    "group-type",
    "region-type",
    "status",
    "pillar",
    "theme",
)


class _Writer:
    """Writes one subject with its predicates and objects at a time, as N-Triples or as Turtle."""

    def __init__(self, out: TextIO, fmt: SyntheticFormat) -> None:
        self.out = out
        self.turtle = fmt == "turtle"
        self.triples = 0
        if self.turtle:
            for prefix, ns in _NS.items():
                out.write(f"@prefix {prefix}: <{ns}> .\n")
            for kind in _KINDS:
                out.write(f"@prefix {_prefix(kind)}: <{BASE}{kind}/> .\n")
            out.write("\n")

    def term(self, ns: str, local: str) -> str:
        """An IRI in a vocabulary namespace (``ez``, ``rdfs`` …) or of an entity kind (``organisation`` …)."""
        if self.turtle:
            if ns == "rdf" and local == "type":
                return "a"
            return f"{_prefix(ns) if ns in _KINDS else ns}:{local}"
        return f"<{BASE}{ns}/{local}>" if ns in _KINDS else f"<{_NS[ns]}{local}>"

    def text(self, value: str, lang: str) -> str:
        return f'"{_escape(value)}"@{lang}'

    def typed(self, value: str, datatype: str) -> str:
        return f'"{value}"^^{self.term("xsd", datatype)}'

    def entity(self, subject: str, pairs: list[tuple[str, str]]) -> None:
        pairs = list(dict.fromkeys(pairs))  # a party drawn twice is one triple; the count must stay exact
        self.triples += len(pairs)
        if self.turtle:
            body = " ;\n    ".join(f"{p} {o}" for p, o in pairs)
            self.out.write(f"{subject} {body} .\n\n")
        else:
            self.out.write("".join(f"{subject} {p} {o} .\n" for p, o in pairs))


_PREFIXES = {
    "organisation": "eorg",
    "network": "enet",
    "collaboration": "ecol",
    "group": "egrp",
    "plan": "eplan",
    "goal": "egoal",
    "activity": "eact",
    "output": "eout",
    "region": "ereg",
    "membership": "emem",
    "source": "esrc",
    "level": "elevel",
    "function": "efn",
    "loop": "eloop",
    "action": "eaction",
    "organisation-type": "etype",
    "role": "erole",
    "group-type": "egt",
    "region-type": "ert",
    "status": "estatus",
    "pillar": "epillar",
    "theme": "etheme",
}
"""The Turtle prefixes of the entity kinds, as in the datasets."""


def _prefix(kind: str) -> str:
    return _PREFIXES[kind]


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def _slug(text: str) -> str:
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return "-".join("".join(c if c.isalnum() else " " for c in ascii_text).split())


@dataclass
class _Net:
    index: int
    slug: str
    name: str
    supra: int
    orgs: list[int] = field(default_factory=list)
    first: list[int] = field(default_factory=list)
    specialist: list[int] = field(default_factory=list)
    by_type: dict[str, list[int]] = field(default_factory=dict)
    lacks: str | None = None
    transmural_gap: bool = False
    fragile: list[int] = field(default_factory=list)
    """Two GP practices that reach the network only through one home-care organisation (single-point-of-failure)."""


def _allocate(n: int) -> list[str]:
    """Organisation types for ``n`` organisations in the national proportions (largest remainder)."""
    rest = n - 7
    others = [c for c in NATIONAL_COUNTS if c.type != "umc"]
    total = sum(c.count for c in others)
    exact = [(c.type, rest * c.count / total) for c in others]
    counts = {t: int(x) for t, x in exact}
    short = rest - sum(counts.values())
    for t, _x in sorted(exact, key=lambda tx: (-(tx[1] - int(tx[1])), tx[0]))[:short]:
        counts[t] += 1
    types = ["umc"] * 7
    for c in others:
        types.extend([c.type] * counts[c.type])
    return types
