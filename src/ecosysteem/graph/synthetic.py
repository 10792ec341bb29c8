"""A synthetic national ecosystem: realistic, deterministic, and large on demand — for tests and benchmarks.

The generator writes RDF text directly (N-Triples or Turtle), line by line, so 100,000 organisations take seconds
rather than minutes. Everything it writes is fiction shaped like the real thing and marked as such: every IRI's
slug starts with ``synthetic-``, every label ends in "(synthetisch)"/"(synthetic)", and every entity's
``dcterms:source`` is one :data:`~ecosysteem.vocab.EZ` ``SourceDocument`` that names the generator, the seed and
the size. It uses the vocabulary of the real datasets (``datasets/README.md``): the organisation-type, role,
theme, pillar and status schemes of ``ontology/vocabularies.ttl``, the bijenkorf functions, loops and actions of
``datasets/002-bijenkorf.ttl`` and the national collaboration ``collaboration/loco`` of ``datasets/national.ttl``
— so load the file **together with the defaults** (``ecosysteem.load(path)``, the default).

Shape of the ecosystem
----------------------
- 65 regional networks in 7 supra-regional collaborations (18 · 7 · 10 · 4 · 10 · 7 · 9), named after the
  regions and consortia in ``shared/reference/networks.csv`` and ``supraregions.csv`` (the regional split is an
  approximation: several real member lists were not found), each with a region, an annual plan with two goals,
  six workgroups and one network group; each supra-regional collaboration hosted by a UMC, with a work plan.
- Organisations in the national proportions of :data:`NATIONAL_COUNTS`, spread over the networks with unequal
  (seeded) network sizes. Organisations that are formal members of a network (hospitals, home care, nursing
  homes, hospices, VPTZ …) get an ``org:Membership``; GP practices, pharmacies and PaTz groups usually are not
  members individually (they are represented through their GP organisation) and appear as activity partners.
- Activities (about one per ten organisations, at least eight per network) in the plans, with a pillar, a
  workgroup, a theme, responsible parties, 1–5 participants, participant roles and kinds, a period and a status;
  some serve a bijenkorf function, action or loop. Care chains (dementia, stroke, Parkinson's) per network and
  eleven acute-care networks (ROAZ regions), most of them linked to a network through an activity.
- Gaps by design, so that every gap type of :data:`ecosysteem.analysis.gaps.GAP_TYPES` has findings: each
  supra-regional collaboration leaves one function and one action unserved; some education and research
  activities have no education or research partner; one network is in no supra-regional collaboration and one
  collaboration has no national link; some networks have only first-line activities (transmural gap) or lack a
  partner type; some activities have no owner, no period, or ended without a result; most lack the patient
  voice; some chains are not connected; one network's consortium membership is uncertain. Articulation points
  and duplicated themes arise by themselves.

Progress: writing reports through :func:`ecosysteem._progress.task` ("generating", one unit per
organisation), so the command line shows a bar on a terminal and scripts stay quiet.

Determinism: the same ``organisations`` and ``seed`` give the same bytes, on every platform (only
:class:`random.Random` ``random``/``randrange``/``choice``/``choices``/``shuffle`` are used, and nothing depends
on the clock or on hash order).

>>> buf = io.StringIO()
>>> triples = write_synthetic(buf, 100, seed=1)
>>> buf.getvalue().count("<https://w3id.org/ecosysteem/def#Network> .")
65
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, TextIO, cast

from rdflib import Graph

from ecosysteem._files import atomic_file
from ecosysteem._iri import BASE
from ecosysteem._progress import Advance, task

__all__ = [
    "MIN_ORGANISATIONS",
    "NATIONAL_COUNTS",
    "SUPRAREGIONS",
    "NationalCount",
    "SyntheticFormat",
    "generate",
    "synthetic_graph",
    "write_synthetic",
]

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


def write_synthetic(
    out: TextIO,
    organisations: int,
    seed: int = 0,
    format: SyntheticFormat = "nt",
) -> int:
    """Write a synthetic national ecosystem to the text stream ``out`` and return the number of triples.

    Parameters
    ----------
    out:
        a text stream (a file opened with ``encoding="utf-8"``, :class:`io.StringIO` …).
    organisations:
        how many organisations (at least :data:`MIN_ORGANISATIONS`); ≈14,000 is national scale.
    seed:
        the random seed: the same ``organisations`` and ``seed`` give the same bytes.
    format:
        ``"nt"`` (N-Triples) or ``"turtle"``.

    >>> import io
    >>> buf = io.StringIO()
    >>> write_synthetic(buf, 100, seed=7) > 1000
    True
    """
    if organisations < MIN_ORGANISATIONS:
        raise ValueError(f"organisations must be at least {MIN_ORGANISATIONS}, got {organisations}")
    if format not in ("nt", "turtle"):
        raise ValueError(f"format must be 'nt' or 'turtle', got {format!r}")
    w = _Writer(out, format)
    with task("generating", organisations) as advance:
        _generate(w, organisations, seed, advance)
    return w.triples


def _generate(w: _Writer, n: int, seed: int, progress: Advance) -> None:
    rng = random.Random(seed)
    t = w.term
    a, label, source = t("rdf", "type"), t("rdfs", "label"), t("dcterms", "source")
    src_slug = f"synthetic-seed-{seed}-n-{n}"
    src = t("source", src_slug)

    def labels(nl: str, en: str) -> list[tuple[str, str]]:
        return [(label, w.text(nl + " (synthetisch)", "nl")), (label, w.text(en + " (synthetic)", "en"))]

    w.entity(
        src,
        [
            (a, t("ez", "SourceDocument")),
            *labels(f"Synthetisch ecosysteem, seed {seed}, {n} organisaties", f"Synthetic ecosystem, seed {seed}"),
            (t("dcterms", "title"), w.text(f"ecosysteem generate --organisations {n} --seed {seed}", "nl")),
            (t("dcterms", "publisher"), '"ecosysteem (synthetic generator)"'),
            (
                t("dcterms", "description"),
                w.text(
                    "Fictieve gegevens, gegenereerd voor tests en benchmarks; verhoudingen volgen landelijke "
                    "aantallen (zie ecosysteem.graph.synthetic.NATIONAL_COUNTS). Geen echte organisaties.",
                    "nl",
                ),
            ),
            (
                t("dcterms", "description"),
                w.text(
                    "Fictional data generated for tests and benchmarks; proportions follow national counts "
                    "(see ecosysteem.graph.synthetic.NATIONAL_COUNTS). No real organisations.",
                    "en",
                ),
            ),
            (source, src),
        ],
    )

    # -- networks, supra-regional collaborations, regions ---------------------------------------------------
    nets: list[_Net] = []
    for s, (_nl, _en, regions) in enumerate(SUPRAREGIONS):
        for region in regions:
            nets.append(_Net(len(nets), "synthetic-" + _slug(region), region, s))
    weights = [0.4 + rng.random() * 1.6 for _ in nets]  # networks differ in size (about 1:5)
    unlinked_net = rng.randrange(len(nets))
    uncertain_net = (unlinked_net + 1) % len(nets)
    unlinked_supra = rng.randrange(len(SUPRAREGIONS))
    for net in rng.sample(nets, 6):
        net.transmural_gap = True
    for i, net in enumerate(rng.sample(nets, 6)):
        net.lacks = _LACKABLE[i % len(_LACKABLE)]
    blind_function = [rng.randrange(len(_FUNCTIONS)) for _ in SUPRAREGIONS]
    blind_action = [rng.randrange(len(_ALL_ACTIONS)) for _ in SUPRAREGIONS]

    # -- organisations ---------------------------------------------------------------------------------------
    types = _allocate(n)
    rest = types[7:]
    rng.shuffle(rest)
    types[7:] = rest
    cum: list[float] = []
    acc = 0.0
    for weight in weights:
        acc += weight
        cum.append(acc)
    home = rng.choices(range(len(nets)), cum_weights=cum, k=n)
    supra_nets = [[net for net in nets if net.supra == s] for s in range(len(SUPRAREGIONS))]
    for i in range(7):  # one UMC per supra-regional collaboration, in its first network
        home[i] = supra_nets[i][0].index
    org_slugs: list[str] = []
    counters: dict[str, int] = {}
    for i, type_ in enumerate(types):
        net = nets[home[i]]
        if net.lacks == type_:
            net = supra_nets[net.supra][(supra_nets[net.supra].index(net) + 1) % len(supra_nets[net.supra])]
            if net.lacks == type_:
                net = nets[(net.index + 1) % len(nets)]
            home[i] = net.index
        counters[type_] = counters.get(type_, 0) + 1
        org_slugs.append(f"synthetic-{type_}-{counters[type_]:06d}")
        net.orgs.append(i)
        net.by_type.setdefault(type_, []).append(i)
        if type_ in _LINES["eerste-lijn"]:
            net.first.append(i)
        elif type_ in _LINES["specialist"]:
            net.specialist.append(i)
    specialists_anywhere = [i for i, ty in enumerate(types) if ty in _LINES["specialist"]]

    # -- regions, networks, supras ---------------------------------------------------------------------------
    for s, (nl, en, _regions) in enumerate(SUPRAREGIONS):
        slug = "synthetic-" + _slug(nl)
        w.entity(
            t("region", slug),
            [
                (a, t("ez", "Region")),
                *labels(nl, en),
                (t("ez", "regionType"), t("region-type", "bovenregio")),
                (source, src),
            ],
        )
        w.entity(
            t("collaboration", slug),
            [
                (a, t("ez", "SupraRegionalCollaboration")),
                *labels(f"Consortium {nl}", f"Consortium {en}"),
                (t("ez", "level"), t("level", "bovenregionaal")),
                (t("ez", "region"), t("region", slug)),
                (t("ez", "host"), t("organisation", org_slugs[s])),
                (source, src),
            ],
        )
        if s != unlinked_supra:
            w.entity(
                t("membership", f"{slug}--loco"),
                [
                    (a, t("org", "Membership")),
                    *labels(f"Consortium {nl} in het LOCo", f"Consortium {en} in LOCo"),
                    (t("org", "member"), t("collaboration", slug)),
                    (t("org", "organization"), t("collaboration", "loco")),
                    (source, src),
                ],
            )
    supra_slugs = ["synthetic-" + _slug(nl) for nl, _en, _r in SUPRAREGIONS]
    for net in nets:
        region = t("region", net.slug)
        w.entity(
            region,
            [
                (a, t("ez", "Region")),
                *labels(net.name, net.name),
                (t("ez", "regionType"), t("region-type", "netwerkregio")),
                (t("ez", "withinRegion"), t("region", supra_slugs[net.supra])),
                (source, src),
            ],
        )
        w.entity(
            t("network", net.slug),
            [
                (a, t("ez", "Network")),
                *labels(f"Netwerk Palliatieve Zorg {net.name}", f"Palliative Care Network {net.name}"),
                (t("ez", "level"), t("level", "regionaal")),
                (t("ez", "region"), region),
                (source, src),
            ],
        )
        if net.index != unlinked_net:
            # One membership is marked uncertain, as '(?)' marks some in the reference data (uncertain-link).
            doubt = [(t("ez", "certainty"), w.typed("onzeker", "string"))] if net.index == uncertain_net else []
            w.entity(
                t("membership", f"{net.slug}--{supra_slugs[net.supra]}"),
                [
                    (a, t("org", "Membership")),
                    *labels(f"{net.name} in consortium", f"{net.name} in consortium"),
                    (t("org", "member"), t("network", net.slug)),
                    (t("org", "organization"), t("collaboration", supra_slugs[net.supra])),
                    *doubt,
                    (source, src),
                ],
            )

    # -- organisations and memberships -----------------------------------------------------------------------
    org_type = t("ez", "organisationType")
    cls_org, cls_mem = t("ez", "Organisation"), t("org", "Membership")
    member, organization = t("org", "member"), t("org", "organization")
    step = max(1, n // 100)
    for i, type_ in enumerate(types):
        net = nets[home[i]]
        slug = org_slugs[i]
        nl, en = _TYPE_LABELS[type_]
        number = slug.rsplit("-", 1)[1].lstrip("0")
        w.entity(
            t("organisation", slug),
            [
                (a, cls_org),
                (label, w.text(f"{nl} {number} {net.name} (synthetisch)", "nl")),
                (label, w.text(f"{en} {number} {net.name} (synthetic)", "en")),
                (org_type, t("organisation-type", type_)),
                (source, src),
            ],
        )
        if rng.random() < _MEMBER_SHARE.get(type_, 1.0):
            w.entity(
                t("membership", f"{slug}--{net.slug}"),
                [
                    (a, cls_mem),
                    (member, t("organisation", slug)),
                    (organization, t("network", net.slug)),
                    (source, src),
                ],
            )
        if (i + 1) % step == 0:
            progress(step)
    if n % step:
        progress(n % step)

    # -- chains and acute-care networks ----------------------------------------------------------------------
    chain_links: list[tuple[str, int]] = []  # (chain slug, network index) to link through an activity
    for net in nets:
        kinds = _CHAINS + (_CHAINS_EXTRA if net.index % 3 == 0 else ())
        for key, nl, en in kinds:
            slug = f"synthetic-{key}-{net.slug.removeprefix('synthetic-')}"
            w.entity(
                t("collaboration", slug),
                [
                    (a, t("ez", "CareChain")),
                    *labels(f"{nl} {net.name}", f"{en} {net.name}"),
                    (t("ez", "level"), t("level", "regionaal")),
                    (t("ez", "region"), t("region", net.slug)),
                    (source, src),
                ],
            )
            if rng.random() < 0.75:
                chain_links.append((slug, net.index))
    for k, region in enumerate(_ACUTE_REGIONS):
        slug = "synthetic-acute-zorg-" + _slug(region)
        w.entity(
            t("collaboration", slug),
            [
                (a, t("ez", "AcuteCareNetwork")),
                *labels(f"Acute zorgnetwerk {region}", f"Acute-care network {region}"),
                (t("ez", "level"), t("level", "regionaal")),
                (source, src),
            ],
        )
        if k % 4 != 3:
            chain_links.append((slug, rng.randrange(len(nets))))

    # -- plans, goals, groups --------------------------------------------------------------------------------
    year = 2022 + seed % 3
    plan_of: list[str] = []
    groups_of: list[list[str]] = []
    for net in nets:
        plan = f"synthetic-jaarplan-{year}-{net.slug.removeprefix('synthetic-')}"
        plan_of.append(plan)
        goals = [_THEMES[0], _THEMES[rng.randrange(1, len(_THEMES))]]
        for theme, gnl, gen in goals:
            w.entity(
                t("goal", f"{plan}--{theme}"),
                [(a, t("ez", "Goal")), *labels(gnl, gen), (t("ez", "theme"), t("theme", theme)), (source, src)],
            )
        w.entity(
            t("plan", plan),
            [
                (a, t("ez", "Plan")),
                *labels(f"Jaarplan {year} {net.name}", f"Annual plan {year} {net.name}"),
                (t("ez", "planOf"), t("network", net.slug)),
                *[(t("ez", "hasGoal"), t("goal", f"{plan}--{theme}")) for theme, _g, _e in goals],
                (t("schema", "startDate"), w.typed(str(year), "gYear")),
                (t("schema", "endDate"), w.typed(str(year + 1), "gYear")),
                (source, src),
            ],
        )
        groups = []
        for k in (*_WORKGROUP_THEMES, -1):
            if k < 0:
                gslug, gtype, gnl, gen = f"{net.slug}--netwerkgroep", "netwerkgroep", "Netwerkgroep", "Network group"
            else:
                theme, tnl, ten = _THEMES[k]
                gslug, gtype, gnl, gen = (
                    f"{net.slug}--werkgroep-{theme}",
                    "werkgroep",
                    f"Werkgroep {tnl}",
                    f"{ten} workgroup",
                )
            groups.append(gslug)
            w.entity(
                t("group", gslug),
                [
                    (a, t("ez", "Group")),
                    *labels(f"{gnl} {net.name}", f"{gen} {net.name}"),
                    (t("ez", "groupType"), t("group-type", gtype)),
                    (t("ez", "unitOf"), t("network", net.slug)),
                    (source, src),
                ],
            )
        groups_of.append(groups)
    for s, slug in enumerate(supra_slugs):
        w.entity(
            t("plan", f"synthetic-werkplan-{year}-{slug.removeprefix('synthetic-')}"),
            [
                (a, t("ez", "Plan")),
                *labels(f"Werkplan {year} {SUPRAREGIONS[s][0]}", f"Work plan {year} {SUPRAREGIONS[s][1]}"),
                (t("ez", "planOf"), t("collaboration", slug)),
                (t("schema", "startDate"), w.typed(str(year), "gYear")),
                (t("schema", "endDate"), w.typed(str(year + 2), "gYear")),
                (source, src),
            ],
        )

    # -- activities ------------------------------------------------------------------------------------------
    acts = _Activities(w, rng, types, org_slugs, nets, year, src)
    per_net_total = max(8 * len(nets), n // 10)
    total_weight = sum(weights)
    for net in nets:
        count = max(8, round(per_net_total * weights[net.index] / total_weight))
        for k in range(count):
            acts.network_activity(net, k, plan_of[net.index], groups_of[net.index], specialists_anywhere)
    for chain, net_index in chain_links:
        acts.chain_activity(nets[net_index], chain, plan_of[net_index])
    for s, slug in enumerate(supra_slugs):
        plan = f"synthetic-werkplan-{year}-{slug.removeprefix('synthetic-')}"
        members = [net for net in supra_nets[s] if not net.transmural_gap]
        for k in range(6 + n // 5000):
            acts.supra_activity(s, slug, plan, k, members, blind_function[s], blind_action[s])


class _Activities:
    """The activities: each network's plan, links to chains, and the supra-regional work plans."""

    def __init__(
        self,
        w: _Writer,
        rng: random.Random,
        types: list[str],
        org_slugs: list[str],
        nets: list[_Net],
        year: int,
        src: str,
    ) -> None:
        self.w, self.rng, self.types, self.slugs, self.nets, self.year = w, rng, types, org_slugs, nets, year
        t = w.term
        self.a, self.label, self.source, self.src = t("rdf", "type"), t("rdfs", "label"), t("dcterms", "source"), src
        self.p = {
            name: t("ez", name)
            for name in (
                "inPlan",
                "group",
                "pillar",
                "theme",
                "responsible",
                "lead",
                "participant",
                "participantType",
                "participantRole",
                "servesFunction",
                "servesAction",
                "loop",
                "status",
                "periodText",
                "output",
            )
        }
        self.start, self.end = t("schema", "startDate"), t("schema", "endDate")
        self.count = 0

    def _org(self, i: int) -> str:
        return self.w.term("organisation", self.slugs[i])

    def _pick(self, pool: list[int], k: int) -> list[int]:
        if not pool:
            return []
        return sorted({pool[self.rng.randrange(len(pool))] for _ in range(k)})

    def _common(self, nl: str, en: str, plan: str) -> list[tuple[str, str]]:
        w = self.w
        return [
            (self.a, w.term("ez", "Activity")),
            (self.label, w.text(nl + " (synthetisch)", "nl")),
            (self.label, w.text(en + " (synthetic)", "en")),
            (self.p["inPlan"], w.term("plan", plan)),
            (self.source, self.src),
        ]

    def _period(self, pairs: list[tuple[str, str]], slug: str) -> None:
        """A period and a status: mostly a year or dates in the plan's years; some none, some not started."""
        w, rng, y = self.w, self.rng, self.year
        r = rng.random()
        if r < 0.04:
            pairs.append((self.p["status"], w.term("status", "nog-te-starten")))
            return
        if r < 0.08:
            return  # no period in the source
        if r < 0.2:
            pairs.append((self.p["status"], w.term("status", "doorlopend")))
            pairs.append((self.start, w.typed(str(y), "gYear")))
            pairs.append((self.p["periodText"], w.text("continu", "nl")))
            return
        month = 1 + rng.randrange(12)
        pairs.append((self.start, w.typed(f"{y}-{month:02d}-01", "date")))
        pairs.append((self.end, w.typed(str(y + rng.randrange(2)), "gYear")))
        status = ("afgerond", "lopend", "gepland")[rng.randrange(3)]
        pairs.append((self.p["status"], w.term("status", status)))
        if status == "afgerond" and rng.random() < 0.5:
            out = f"{slug}--resultaat"
            w.entity(
                w.term("output", out),
                [
                    (self.a, w.term("ez", "Output")),
                    (self.label, w.text("Resultaat (synthetisch)", "nl")),
                    (self.label, w.text("Result (synthetic)", "en")),
                    (self.source, self.src),
                ],
            )
            pairs.append((self.p["output"], w.term("output", out)))

    def _classify(
        self, pairs: list[tuple[str, str]], blind_function: int | None, blind_action: int | None
    ) -> str | None:
        """Maybe a bijenkorf function, an action or a loop; returns the loop the activity is in, if any."""
        w, rng = self.w, self.rng
        if rng.random() < 0.3:
            f = rng.randrange(len(_FUNCTIONS))
            if f != blind_function:
                pairs.append((self.p["servesFunction"], w.term("function", _FUNCTIONS[f])))
        r = rng.random()
        if r < 0.3:
            k = rng.randrange(len(_ALL_ACTIONS))
            if k != blind_action:
                loop, action = _ALL_ACTIONS[k]
                pairs.append((self.p["servesAction"], w.term("action", action)))
                return loop
        elif r < 0.45:
            loop = ("onderwijs", "praktijk", "onderzoek")[rng.randrange(3)]
            pairs.append((self.p["loop"], w.term("loop", loop)))
            return loop
        return None

    def _partners_for_loop(self, net: _Net, loop: str | None) -> list[int]:
        """The partner a loop needs (education, research), most of the time: its absence is the gap."""
        rng = self.rng
        wanted = {"onderwijs": _EDUCATION, "onderzoek": _RESEARCH}.get(loop or "")
        if wanted is None or rng.random() < 0.3:
            return []
        pool = [i for ty in wanted for i in net.by_type.get(ty, ())]
        if not pool:
            pool = [
                i for other in self.nets if other.supra == net.supra for ty in wanted for i in other.by_type.get(ty, ())
            ]
        return self._pick(pool, 1)

    def network_activity(self, net: _Net, k: int, plan: str, groups: list[str], specialists: list[int]) -> None:
        w, rng, p = self.w, self.rng, self.p
        self.count += 1
        theme, tnl, ten = _THEMES[rng.randrange(len(_THEMES))]
        slug = f"{plan}--activiteit-{k + 1:04d}"
        pairs = self._common(f"{tnl}: activiteit {k + 1}", f"{ten}: activity {k + 1}", plan)
        group = groups[rng.randrange(len(groups))]
        pairs.append((p["group"], w.term("group", group)))
        pairs.append((p["pillar"], w.term("pillar", _PILLARS[rng.randrange(len(_PILLARS))])))
        pairs.append((p["theme"], w.term("theme", theme)))
        loop = self._classify(pairs, None, None)
        # Parties: the first activity of a network brings the lines together, unless the network is a designed
        # transmural gap, where only first-line (and residential) parties take part.
        if net.transmural_gap:
            pool = [i for i in net.orgs if self.types[i] not in _LINES["specialist"]]
            chosen = self._pick(pool, 1 + rng.randrange(4))
        elif k == 0:
            second = net.specialist or specialists
            chosen = sorted(set(self._pick(net.first or net.orgs, 2) + self._pick(second, 1)))
        else:
            chosen = self._pick(net.orgs, 1 + rng.randrange(4))
            if rng.random() < 0.1 and not net.transmural_gap:  # a hospital from elsewhere serves this region too
                chosen = sorted(set(chosen + self._pick(specialists, 1)))
        if not net.transmural_gap or loop != "onderzoek":
            chosen = sorted(set(chosen + self._partners_for_loop(net, loop)))
        if net.lacks is not None:  # a designed missing partner type stays missing
            chosen = [i for i in chosen if self.types[i] != net.lacks]
        status_pairs: list[tuple[str, str]] = []
        self._period(status_pairs, slug)
        unowned = (p["status"], w.term("status", "nog-te-starten")) in status_pairs
        if not unowned:
            r = rng.random()
            if r < 0.5:
                pairs.append((p["responsible"], w.term("group", group)))
            elif r < 0.8 or not chosen:
                pairs.append((p["responsible"], w.term("network", net.slug)))
            else:
                pairs.append((p["lead"], self._org(chosen[0])))
        pairs.extend((p["participant"], self._org(i)) for i in chosen)
        if rng.random() < 0.3:
            kinds = ("huisartsenpraktijk", "thuiszorg", "verpleeghuis", "apotheek")
            pairs.append((p["participantType"], w.term("organisation-type", kinds[rng.randrange(len(kinds))])))
        if rng.random() < 0.4:
            role = _ROLES_CARE[rng.randrange(len(_ROLES_CARE))]
            if not (net.transmural_gap and role == "palliatief-consulent"):
                pairs.append((p["participantRole"], w.term("role", role)))
        if rng.random() < 0.12:
            pairs.append((p["participantRole"], w.term("role", _ROLES_PATIENT[rng.randrange(len(_ROLES_PATIENT))])))
        elif rng.random() < 0.05:
            pairs.extend(
                (p["participant"], self._org(i)) for i in self._pick(net.by_type.get("clientenorganisatie", []), 1)
            )
        pairs.extend(status_pairs)
        w.entity(w.term("activity", slug), pairs)

    def chain_activity(self, net: _Net, chain: str, plan: str) -> None:
        w, p = self.w, self.p
        self.count += 1
        slug = f"{plan}--afstemming-{chain.removeprefix('synthetic-')}"
        pairs = self._common("Afstemming met de keten", "Alignment with the chain", plan)
        pairs += [
            (p["theme"], w.term("theme", "ketenzorg")),
            (p["pillar"], w.term("pillar", "verbinden")),
            (p["responsible"], w.term("network", net.slug)),
            (p["participant"], w.term("collaboration", chain)),
            (p["participantRole"], w.term("role", "ketenregisseur")),
            (self.start, w.typed(str(self.year), "gYear")),
            (p["status"], w.term("status", "doorlopend")),
        ]
        w.entity(w.term("activity", slug), pairs)

    def supra_activity(
        self, s: int, supra: str, plan: str, k: int, members: list[_Net], blind_function: int, blind_action: int
    ) -> None:
        w, rng, p = self.w, self.rng, self.p
        self.count += 1
        theme, tnl, ten = _THEMES[rng.randrange(len(_THEMES))]
        slug = f"{plan}--activiteit-{k + 1:04d}"
        pairs = self._common(f"Bovenregionaal: {tnl} {k + 1}", f"Supra-regional: {ten} {k + 1}", plan)
        pairs.append((p["theme"], w.term("theme", theme)))
        # Every supra-regional activity serves a function or action, except the collaboration's blind spots.
        f = k % len(_FUNCTIONS)
        if f != blind_function:
            pairs.append((p["servesFunction"], w.term("function", _FUNCTIONS[f])))
        action = k % len(_ALL_ACTIONS)
        loop = None
        if action != blind_action:
            loop = _ALL_ACTIONS[action][0]
            pairs.append((p["servesAction"], w.term("action", _ALL_ACTIONS[action][1])))
        pairs.append((p["responsible"], w.term("collaboration", supra)))
        chosen = [s]  # the host UMC
        for net in (members[rng.randrange(len(members))] for _ in range(2)) if members else ():
            chosen += self._pick(net.orgs, 1)
            if loop is not None:
                chosen += self._partners_for_loop(net, loop)
        pairs.extend((p["participant"], self._org(i)) for i in sorted(set(chosen)))
        pairs.append((self.start, w.typed(str(self.year), "gYear")))
        pairs.append((self.end, w.typed(str(self.year + 2), "gYear")))
        pairs.append((p["status"], w.term("status", "lopend")))
        w.entity(w.term("activity", slug), pairs)


def generate(
    path: str | Path,
    organisations: int,
    seed: int = 0,
    format: SyntheticFormat | None = None,
) -> int:
    """Write a synthetic national ecosystem to ``path`` (atomically) and return the number of triples.

    Parameters
    ----------
    path:
        the file to write; written to a temporary file next to it and renamed, so it is never half-written.
    organisations, seed:
        see :func:`write_synthetic`.
    format:
        ``"nt"`` or ``"turtle"``; by default ``nt`` for a ``.nt`` file and ``turtle`` otherwise.

    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as d:
    ...     generate(pathlib.Path(d) / "nl.ttl", 100, seed=3) > 1000
    True
    """
    path = Path(path)
    fmt: SyntheticFormat = format or ("nt" if path.suffix.lower() == ".nt" else "turtle")
    if organisations < MIN_ORGANISATIONS:  # before creating anything
        raise ValueError(f"organisations must be at least {MIN_ORGANISATIONS}, got {organisations}")
    with atomic_file(path, "w") as out:
        triples = write_synthetic(cast(TextIO, out), organisations, seed, fmt)
    return triples


def synthetic_graph(organisations: int, seed: int = 0) -> Graph:
    """Return the synthetic ecosystem as an rdflib :class:`~rdflib.Graph` (data only; meant for small sizes).

    Add it to the defaults to analyse it: ``eco = ecosysteem.load(); eco.graph += synthetic_graph(500)``.

    >>> g = synthetic_graph(100, seed=2)
    >>> len(g) > 1000
    True
    """
    buf = io.StringIO()
    write_synthetic(buf, organisations, seed, "nt")
    graph = Graph()
    graph.parse(data=buf.getvalue(), format="nt")
    return graph
