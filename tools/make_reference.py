"""Generate the national reference datasets (datasets/reference-*.ttl) from the public reference tables.

Usage::

    python tools/make_reference.py [REFERENCE_DIR] [--check]

``REFERENCE_DIR`` is the folder with ``networks.csv``, ``supraregions.csv``, ``national_actors.csv``,
``roaz_regions.csv`` and ``kwaliteitskader.csv`` (default: ``../shared/reference`` next to the repository, where the
project keeps them; they are not part of the repository). The Turtle it writes is committed, so the package never
needs the CSV files; rerun the tool after the tables change and review the diff. ``--check`` writes nothing and
exits 1 when the committed files differ from what the tables give.

How facts become data (the editorial decisions live in the tables below, next to the row they concern):

- Every CSV row must have a curation entry here (slug, label, type …); a new or renamed row stops the tool with a
  message naming it, so nothing is silently dropped or guessed.
- Each fact keeps its source: every URL of a row's ``source_url`` becomes an ``ez:SourceDocument`` (IRI
  ``source/{slug of host + path}``, ``schema:url``) and the entity gets ``dcterms:source`` for each. Title and
  publisher of a new source document are derived from its URL (the tables give no titles); a URL that an existing
  dataset already describes keeps that description and IRI.
- A cell marked ``(?)`` stays visible: the entity (or membership) gets ``ez:certainty "onzeker"`` and a
  ``skos:editorialNote`` quoting the cell. An empty cell adds nothing: a network whose supra-region is empty gets
  no membership, so ``networks-without-supraregion`` reports it.
- Entities that the hand-written files (``national.ttl``, the seeds) already describe keep their home file: the
  tool only adds the facts they lack (a link to a province, a host, a source, a note), never a second label,
  type or description. Names of private persons in the tables are left out (personal data).

Output (deterministic: same tables, same bytes):

- ``reference-actors.ttl``: national actors not in national.ttl, the umc's, the consortia, their memberships of
  the Landelijk Overleg Consortia, other national bodies and the two IZA transformation plans;
- ``reference-networks.ttl``: every network with its region, province and host, and its consortium membership;
- ``reference-roaz.ttl``: the acute-care (ROAZ) regions, their lead organisations and regions;
- ``reference-kwaliteitskader.ttl``: the Kwaliteitskader domains and core elements as SKOS concept schemes;
- ``reference-sources.ttl``: the web source documents the above cite and no other file describes.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, XSD

from ecosysteem import slugify

T = TypeVar("T")
ROOT = Path(__file__).resolve().parents[1]
DEFAULT_REFERENCE = ROOT.parent / "shared" / "reference"
OUT_FILES = (
    "reference-actors",
    "reference-networks",
    "reference-roaz",
    "reference-kwaliteitskader",
    "reference-sources",
)

BASE = "https://w3id.org/ecosysteem/id/"
EZ = "https://w3id.org/ecosysteem/def#"
ORG = "http://www.w3.org/ns/org#"
SCHEMA = "https://schema.org/"

PREFIXES: tuple[tuple[str, str], ...] = (
    ("ez", EZ),
    ("org", ORG),
    ("skos", str(SKOS)),
    ("dcterms", str(DCTERMS)),
    ("schema", SCHEMA),
    ("rdfs", str(RDFS)),
    ("xsd", str(XSD)),
    ("eorg", BASE + "organisation/"),
    ("enet", BASE + "network/"),
    ("ecol", BASE + "collaboration/"),
    ("eplan", BASE + "plan/"),
    ("efw", BASE + "framework/"),
    ("ereg", BASE + "region/"),
    ("emem", BASE + "membership/"),
    ("esrc", BASE + "source/"),
    ("elevel", BASE + "level/"),
    ("etype", BASE + "organisation-type/"),
    ("ert", BASE + "region-type/"),
    ("ekd", BASE + "kwaliteitskader-domein/"),
    ("eke", BASE + "kwaliteitskader-kernelement/"),
    ("escheme", BASE + "scheme/"),
)

UNSURE = "(?)"
# Names of private persons that occur in the tables; they never reach the data (AVG/GDPR).
PERSON_NAMES = ("Loes Peters", "Monique van den Broek", "Peter van der Voort", "Saskia Teunissen")


def iri(path: str) -> URIRef:
    return URIRef(BASE + path)


def ez(name: str) -> URIRef:
    return URIRef(EZ + name)


def org(name: str) -> URIRef:
    return URIRef(ORG + name)


def nl(text: str) -> Literal:
    return Literal(text, lang="nl")


def en(text: str) -> Literal:
    return Literal(text, lang="en")


def both(text: str) -> list[Literal]:
    return [nl(text), en(text)]


def redact(text: str, lang: str = "en") -> str:
    for name in PERSON_NAMES:
        text = text.replace(name, "[naam weggelaten]" if lang == "nl" else "[name left out]")
    return text


def spelling_variants(label: str) -> list[str]:
    """The spellings coordinators use for a network's name: "en" for "&" or "/", without "regio" (issue 17).

    >>> spelling_variants("Netwerk Palliatieve Zorg regio Eemland")
    ['Netwerk Palliatieve Zorg Eemland']
    >>> spelling_variants("Netwerk Palliatieve Zorg Gooi & Vechtstreek")
    ['Netwerk Palliatieve Zorg Gooi en Vechtstreek']
    """
    variant = label.replace(" & ", " en ").replace(" / ", " en ").replace(" regio ", " ")
    return [variant] if variant != label else []


def strip_parentheses(text: str) -> str:
    """'Netwerk X (exact name (?))' → 'Netwerk X'."""
    while True:
        shorter = re.sub(r"\s*\([^()]*\)", "", text)
        if shorter == text:
            return text.strip()
        text = shorter


def urls(cell: str) -> list[str]:
    return [u.strip() for u in cell.split(" ; ") if u.strip()]


def unsure_notes(cells: Iterable[tuple[str, str, str]]) -> tuple[list[Literal], bool]:
    """Quote every '(?)' cell of a row: (file, column, value) → editorial notes in nl and en, and 'is unsure'."""
    quoted = [(f, c, redact(v)) for f, c, v in cells if UNSURE in v]
    if not quoted:
        return [], False
    nl_parts = "; ".join(f"{f}, kolom {c}: '{v}'" for f, c, v in quoted)
    en_parts = "; ".join(f"{f}, column {c}: '{v}'" for f, c, v in quoted)
    return [
        nl(f"Onzeker in de referentiegegevens (gemarkeerd met (?)): {nl_parts}."),
        en(f"Uncertain in the reference data (marked (?)): {en_parts}."),
    ], True


# ------------------------------------------------------------------------------------------------------------
# Output: ordered Turtle blocks, supplement mode for entities with a home file elsewhere
# ------------------------------------------------------------------------------------------------------------

SUPPLEMENT_PREDICATES = {
    URIRef(EZ + "withinRegion"),
    URIRef(EZ + "host"),
    URIRef(EZ + "region"),
    DCTERMS.source,
    SKOS.editorialNote,
    SKOS.altLabel,
}


def term(t: URIRef | Literal) -> str:
    if isinstance(t, Literal):
        if t.datatype is not None:
            for prefix, ns in PREFIXES:
                if str(t.datatype).startswith(ns):
                    return f"{Literal(str(t)).n3()}^^{prefix}:{str(t.datatype)[len(ns) :]}"
        return t.n3()
    s = str(t)
    if s == str(RDF.type):
        return "a"
    for prefix, ns in PREFIXES:
        rest = s[len(ns) :]
        if s.startswith(ns) and re.fullmatch(r"[A-Za-z0-9_][A-Za-z0-9_-]*", rest):
            return f"{prefix}:{rest}"
    return f"<{s}>"


@dataclass
class Entity:
    subject: URIRef
    props: list[tuple[URIRef, list[URIRef | Literal]]] = field(default_factory=list)

    def add(self, predicate: URIRef, *objects: URIRef | Literal | None) -> Entity:
        values = [o for o in objects if o is not None]
        if values:
            for p, existing in self.props:
                if p == predicate:
                    existing.extend(v for v in values if v not in existing)
                    return self
            self.props.append((predicate, values))
        return self


class Writer:
    """Collects entities per output file; skips what the hand-written files already say."""

    def __init__(self, existing: Graph) -> None:
        self.existing = existing
        self.files: dict[str, list[str]] = {name: [] for name in OUT_FILES}
        self.described: set[URIRef] = set()
        self.counts: dict[str, int] = {}

    def section(self, file: str, title: str) -> None:
        rule = "# " + "-" * 99
        self.files[file].append(f"{rule}\n# {title}\n{rule}\n")

    def emit(self, file: str, entity: Entity, kind: str | None = None) -> None:
        s = entity.subject
        home_elsewhere = (s, RDF.type, None) in self.existing
        if s in self.described:
            raise SystemExit(f"make_reference: {s} would be described twice; fix the curation tables")
        props = []
        for p, objects in entity.props:
            if home_elsewhere and p not in SUPPLEMENT_PREDICATES:
                continue
            new = [o for o in objects if (s, p, o) not in self.existing]
            if new:
                props.append((p, new))
        if not props:
            return
        self.described.add(s)
        if kind is not None and not home_elsewhere:
            self.counts[kind] = self.counts.get(kind, 0) + 1
        lines = []
        for i, (p, objects) in enumerate(props):
            rendered = [term(o) for o in objects]
            head = term(s) + " " if i == 0 else "    "
            end = " ." if i == len(props) - 1 else " ;"
            lines.append(f"{head}{term(p)} {' , '.join(rendered)}{end}")
        prefix = "# supplement: described in its home file; these facts come from the reference tables\n"
        self.files[file].append((prefix if home_elsewhere else "") + "\n".join(lines) + "\n")

    def text(self, file: str, header: str) -> str:
        prefixes = "\n".join(f"@prefix {p}: <{ns}> ." for p, ns in PREFIXES)
        return header.rstrip() + "\n\n" + prefixes + "\n\n" + "\n".join(self.files[file])


# ------------------------------------------------------------------------------------------------------------
# Sources
# ------------------------------------------------------------------------------------------------------------


class Sources:
    """One ez:SourceDocument per URL; reuses the IRI of a URL an existing dataset already describes."""

    def __init__(self, existing: Graph) -> None:
        self.by_url: dict[str, URIRef] = {}
        for s, url in existing.subject_objects(URIRef(SCHEMA + "url")):
            if isinstance(s, URIRef):
                self.by_url[str(url)] = s
        self.existing_urls = set(self.by_url)
        self.new: dict[str, URIRef] = {}

    def __call__(self, cell: str) -> list[URIRef]:
        out = []
        for url in urls(cell):
            if url not in self.by_url:
                parts = urlsplit(url)
                self.by_url[url] = iri("source/" + slugify(parts.netloc + parts.path + "-" + parts.query))
                self.new[url] = self.by_url[url]
            out.append(self.by_url[url])
        return out

    def entities(self) -> list[Entity]:
        out = []
        seen: set[URIRef] = set()
        for url, subject in sorted(self.new.items(), key=lambda kv: str(kv[1])):
            if subject in seen:
                raise SystemExit(f"make_reference: two URLs give the source IRI {subject}")
            seen.add(subject)
            parts = urlsplit(url)
            host = parts.netloc.removeprefix("www.")
            curated = SOURCE_TITLES.get(url)
            if curated is not None:
                title, issued = curated
            else:
                segments = [s for s in re.split(r"[/?]", parts.path + "?" + parts.query) if s and "=" not in s]
                last = re.sub(r"\.(html?|aspx|php)$", "", segments[-1]) if segments else host
                words = re.sub(r"[-_+]+", " ", last).replace("%2F", "/").strip()
                title, issued = f"{words[:1].upper()}{words[1:]}", None
            e = Entity(subject).add(RDF.type, ez("SourceDocument")).add(RDFS.label, *both(title))
            e.add(DCTERMS.title, nl(title)).add(DCTERMS.publisher, Literal(host))
            found = re.search(r"/(20\d\d)/(\d\d)/(\d\d)/", parts.path)
            date = issued or ("-".join(found.groups()) if found else None)
            if date:
                e.add(DCTERMS.issued, Literal(date, datatype=XSD.date))
            if curated is not None:
                note_nl = (
                    "Titel samengesteld uit de URL en het onderwerp van de pagina (de referentiegegevens geven geen "
                    "titel; niet aan het document zelf gecontroleerd); uitgever afgeleid uit de URL"
                )
                note_en = (
                    "Title composed from the URL and the subject of the page (the reference data give no title; not "
                    "checked against the document itself); publisher derived from the URL"
                )
            else:
                note_nl = "Titel en uitgever afgeleid uit de URL (de referentiegegevens geven geen titel)"
                note_en = "Title and publisher derived from the URL (the reference data give no title)"
            if date:
                note_nl += "; dcterms:issued overgenomen uit de URL."
                note_en += "; dcterms:issued taken from the URL."
            else:
                note_nl += "; publicatiedatum niet vastgelegd, dcterms:issued weggelaten."
                note_en += "; publication date not recorded, dcterms:issued left out."
            e.add(SKOS.editorialNote, nl(note_nl), en(note_en))
            e.add(URIRef(SCHEMA + "url"), Literal(url, datatype=XSD.anyURI))
            out.append(e)
        return out


SOURCE_TITLES: dict[str, tuple[str, str | None]] = {
    # url: (title, publication date from the URL or None). Titles derived word for word from a URL's last segment
    # were page furniture ("Default", "Bootstrap4.net", "Document") or cut off ("… netwerk pa"); these are composed
    # from the whole URL and the page's subject. tests/test_source_titles.py fails on furniture titles.
    "https://5dok.net/document/yd7kekw6-handreiking-financiering-palliatieve-zorg.html": (
        "Handreiking financiering palliatieve zorg",
        None,
    ),
    "https://berthub.eu/tkconv/document.html?nummer=2024D50432": ("Tweede Kamer-document 2024D50432", None),
    "https://centrumvoorlevensvragen.nl/utrechtzuid/professionals/patz-team/": (
        "PaTz-team — Centrum voor Levensvragen Utrecht Zuid",
        None,
    ),
    "http://denktanknetwerkenpalliatievezorg.nl/rapport.html": (
        "Rapport van de Denktank Netwerken Palliatieve Zorg",
        None,
    ),
    "https://evenementen.palliactief.nl/Archief/Congres-2016": ("Congres Palliactief 2016 (archief)", None),
    "https://fdocuments.nl/document/resultaten-2017-2014-naar-44-in-2017-de-aanwezigheid-van-een-dagbehandeling.html": (
        "Resultaten 2017: de aanwezigheid van een dagbehandeling",
        None,
    ),
    "https://kindenzorg.nl/nieuws_achtergrond/kinderpalliatieve-zorg/": ("Kinderpalliatieve zorg — Kind en Zorg", None),
    "https://link.springer.com/article/10.1007/s10049-004-0672-8": (
        "Artikel doi:10.1007/s10049-004-0672-8 (Springer)",
        None,
    ),
    "https://nationaalprogrammapalliatievezorg.nl/consortia/consortium-zuidwest-nederland": (
        "Consortium Zuidwest-Nederland — Nationaal Programma Palliatieve Zorg",
        None,
    ),
    "https://netwerkacutezorg.nl/roaz/": ("ROAZ — Netwerk Acute Zorg", None),
    "https://netwerkacutezorgnhfl.nl/wat-doen-we/traumazorg/": (
        "Traumazorg — Netwerk Acute Zorg Noord-Holland en Flevoland",
        None,
    ),
    "https://netwerkpalliatievezorg.info/oss-meierijstad-maashorst/netwerk/": (
        "Het netwerk — Netwerk Palliatieve Zorg Oss-Meierijstad-Maashorst",
        None,
    ),
    "https://nvpo.nl/nieuws/nvpo-nieuwste-lid-cooperatie-palliatieve-zorg-nederland/": (
        "NVPO nieuwste lid Coöperatie Palliatieve Zorg Nederland",
        None,
    ),
    "https://palliaweb.nl/beleid/denktank": ("Denktank — Palliaweb", None),
    "https://palliaweb.nl/netwerk-drenthesteenwijkerland/over-ons/fibula": (
        "Fibula — Netwerk Palliatieve Zorg Drenthe-Steenwijkerland",
        None,
    ),
    "https://palliaweb.nl/netwerk-noordenoostflevoland/nieuws/zorgorganisaties-tekenen-regioconvenant-netwerk-pa": (
        "Zorgorganisaties tekenen regioconvenant Netwerk Palliatieve Zorg Noord- en Oost-Flevoland",
        None,
    ),
    "https://palliaweb.nl/netwerk-oostveluwe/Netwerk/Wat-doen-wij": (
        "Wat doen wij — Netwerk Palliatieve Zorg Oost-Veluwe",
        None,
    ),
    "https://palliaweb.nl/netwerk-oostveluwe/nieuws/nieuws/oprichting-vereniging-netwerken-palliatieve-zorg-i": (
        "Oprichting Vereniging Netwerken Palliatieve Zorg",
        None,
    ),
    "https://palliaweb.nl/netwerk-salland/nieuws/vereniging-netwerken-palliatieve-zorg-(vnpz)-opger": (
        "Vereniging Netwerken Palliatieve Zorg (VNPZ) opgericht",
        None,
    ),
    "https://palliaweb.nl/netwerk-utrechtzuid/nieuws/stichting-pal-wordt-kenniscentrum-kinderpalliatiev": (
        "Stichting PAL wordt Kenniscentrum Kinderpalliatieve Zorg",
        None,
    ),
    "https://palliaweb.nl/richtlijnen-palliatieve-zorg/richtlijn/palliatieve-zorg-voor-kinderen/organisatie-van-zorg": (
        "Richtlijn Palliatieve zorg voor kinderen: organisatie van zorg",
        None,
    ),
    "https://spoedzorgnet.nl/nieuws": ("Nieuwsoverzicht SpoedZorgNet", None),
    "https://transmuralezorg.nl/projecten/propallia/": ("Propallia — Transmurale Zorg", None),
    "https://transmuralis.nl/nieuws/patz-volop-in-ontwikkeling/": ("PaTz volop in ontwikkeling", None),
    "https://www.5jaarpalliantie.nl/ezine-november/kinderen": ("Kinderen — e-zine november, 5 jaar Palliantie", None),
    "http://www.acutezorgeuregio.nl/nl/acute-zorg-euregio/geschiedenis": ("Geschiedenis — Acute Zorg Euregio", None),
    "https://www.acutezorgeuregio.nl/roaz/": ("ROAZ — Acute Zorg Euregio", None),
    "https://www.acutezorgnetwerk.nl/regionaal-overleg-acute-zorg/": (
        "Regionaal Overleg Acute Zorg — Acute Zorgnetwerk Midden-Nederland",
        None,
    ),
    "https://www.drechtzorg.nl/nieuwe-naam-netwerk-palliatieve-zorg/": (
        "Nieuwe naam Netwerk Palliatieve Zorg — Drechtzorg",
        None,
    ),
    "https://www.ed.nl/helmond/voor-een-palliatieve-patient-is-een-fijne-dag-het-allerbelangrijkste-wisseling-van-de-wacht-bij-zorgverlening~a4641444/": (
        "Voor een palliatieve patiënt is een fijne dag het allerbelangrijkste: wisseling van de wacht bij "
        "zorgverlening",
        None,
    ),
    "https://www.gezondheidszorgbanen.nl/blog/1052/prijs-palliatieve-zorg-limburg-zuidoost-brabant-2017-naar-de-coordinatoren-van-de-zeven-netwerken": (
        "Prijs Palliatieve Zorg Limburg Zuidoost-Brabant 2017 naar de coördinatoren van de zeven netwerken",
        None,
    ),
    "https://www.hogeschoolrotterdam.nl/onderzoek/projecten-en-publicaties/zorginnovatie/zelfmanagement-en-participatie/afgeronde-projecten/tot-de-kern/introductie/": (
        "Tot de kern: introductie — Hogeschool Rotterdam",
        None,
    ),
    "https://www.kinderpalliatief.nl/nieuws/stichting-pal-kinderpalliatieve-expertise-wordt-kenniscentrum-kinderpalliatieve-zorg": (
        "Stichting PAL Kinderpalliatieve Expertise wordt Kenniscentrum Kinderpalliatieve Zorg",
        None,
    ),
    "https://www.levensvragenwestbrabant.nl/over-cvl/ontstaan/": (
        "Ontstaan — Centrum voor Levensvragen West-Brabant",
        None,
    ),
    "https://www.lnaz.nl/acute-zorg/deelnemers": ("Deelnemers — Landelijk Netwerk Acute Zorg", None),
    "https://www.lumc.nl/org/nazw/acute-zorg/?setlanguage=English&setcountry=en": (
        "Acute zorg — Netwerk Acute Zorg West (LUMC)",
        None,
    ),
    "https://www.lumc.nl/over-het-lumc/partners/traumacentrum-west/": ("Traumacentrum West — LUMC", None),
    "https://www.medicalfacts.nl/2024/01/28/defensie-en-umc-utrecht-gaan-samenwerken-in-traumazorg/": (
        "Defensie en UMC Utrecht gaan samenwerken in traumazorg",
        None,
    ),
    "https://www.nationaalprogrammapalliatievezorg.nl/consortia/consortium-limburg-zuidoost-brabant": (
        "Consortium Limburg-Zuidoost-Brabant — Nationaal Programma Palliatieve Zorg",
        None,
    ),
    "https://www.nazb.nl/roaz": ("ROAZ — Netwerk Acute Zorg Brabant", None),
    "https://www.nazl.nl/historie-roaz": ("Historie ROAZ — Netwerk Acute Zorg Limburg", None),
    "https://www.netwerkacutezorg.nl/geschiedenis/": ("Geschiedenis — Netwerk Acute Zorg", None),
    "http://www.netwerkpalliatievezorg.info/nieuws/2016/20161020/vertrek-hedi/": (
        "Nieuwsbericht over een vertrek — Netwerk Palliatieve Zorg",
        "2016-10-20",
    ),
    "https://www.netwerkpalliatievezorg.nl/twente/Zorgverleners/Nieuws/ctl/Details/ArticleID/18494/mid/17960/Bestuur": (
        "Bestuur — Netwerken Palliatieve Zorg Twente",
        None,
    ),
    "https://www.netwerkpalliatievezorg.nl/waardenland/minister-pleit-voor-uitvoering-palliatieve-zorg-volgens-kwaliteitskader-in-3-jaar": (
        "Minister pleit voor uitvoering palliatieve zorg volgens Kwaliteitskader in 3 jaar",
        None,
    ),
    "https://www.nivel.nl/nl/palliatieve-zorg/netwerken-palliatieve-zorg": ("Netwerken palliatieve zorg — Nivel", None),
    "https://www.npzalmere.nl/uncategorized/consortium-palliatieve-zorg-noord-holland-en-flevoland/": (
        "Consortium Palliatieve Zorg Noord-Holland en Flevoland — NPZ Almere",
        None,
    ),
    "https://www.rtvutrecht.nl/nieuws/3518585/zwaargewonde-patienten-komen-te-vaak-in-verkeerde-ziekenhuis-in-utrecht-gaat-het-relatief-vaak-goed": (
        "Zwaargewonde patiënten komen te vaak in verkeerde ziekenhuis; in Utrecht gaat het relatief vaak goed",
        None,
    ),
    "https://www.skipr.nl/nieuws/hmc-en-lumc-krijgen-groen-licht-voor-verdere-samenwerking-traumazorg/": (
        "HMC en LUMC krijgen groen licht voor verdere samenwerking traumazorg",
        None,
    ),
    "https://www.traumacentrumzwn.nl/activiteiten/roaz/": ("ROAZ — Traumacentrum Zuidwest-Nederland", None),
    "https://www.traumacentrumzwn.nl/nieuws/de-rol-van-het-roaz-zwn-algemeen/": (
        "De rol van het ROAZ Zuidwest-Nederland (algemeen)",
        None,
    ),
    "https://www.umcg.nl/NL/UMCG/overhetumcg/missie_visie/speerpunten/traumacentrum_noord/Paginas/default.aspx": (
        "Traumacentrum Noord — speerpunten UMCG",
        None,
    ),
    "https://www.vnpz.nl/dialoogsessie-palliatieve-zorg-bij-npz-haaglanden": (
        "Dialoogsessie palliatieve zorg bij NPZ Haaglanden",
        None,
    ),
    "https://www.westwest.nl/bootstrap4.net?id=3658": ("Bericht 3658 — WestWest", None),
    "https://www.zonh.nl/15-jaar-centrum-voor-levensvragen/": ("15 jaar Centrum voor Levensvragen", None),
    "https://www.zonmw.nl/nl/actueel/nieuws/detail/item/7-netwerken-integrale-kindzorg-gerealiseerd/": (
        "7 Netwerken Integrale Kindzorg gerealiseerd",
        None,
    ),
    "https://zoek.officielebekendmakingen.nl/dossier/stcrt-2021-48077.html": ("Staatscourant 2021, 48077", None),
}


# ------------------------------------------------------------------------------------------------------------
# Curation tables
# ------------------------------------------------------------------------------------------------------------

LEVEL_NATIONAL = iri("level/landelijk")
LEVEL_SUPRA = iri("level/bovenregionaal")
LEVEL_REGIONAL = iri("level/regionaal")

PROVINCES = {
    "Groningen": "groningen",
    "Friesland": "friesland",
    "Drenthe": "drenthe",
    "Overijssel": "overijssel",
    "Flevoland": "flevoland",
    "Gelderland": "gelderland",
    "Utrecht": "utrecht",
    "Noord-Holland": "noord-holland",
    "Zuid-Holland": "zuid-holland",
    "Zeeland": "zeeland",
    "Noord-Brabant": "noord-brabant",
    "Limburg": "limburg",
}

# organisation slug → (label, abbreviation, organisation type, level or None, Dutch description or None)
# English descriptions come from the reference rows; Dutch ones are short renderings written here.
NEW_ORGS: dict[str, tuple[str, str | None, str, URIRef | None, str | None]] = {
    "fibula": (
        "Stichting Fibula",
        "Fibula",
        "beroepsvereniging",
        LEVEL_NATIONAL,
        "Opgericht in 2011 als landelijke organisatie van alle Netwerken Palliatieve Zorg; 2014 'Handreiking "
        "minimale eisen netwerk palliatieve zorg' (kernfuncties coördineren, informeren, signaleren, "
        "faciliteren); in 2022 opgegaan in PZNL.",
    ),
    "vnpz": (
        "Vereniging Netwerken Palliatieve Zorg",
        "VNPZ",
        "beroepsvereniging",
        LEVEL_NATIONAL,
        "Vereniging van de regionale netwerken en hun coördinatoren, opgericht op 11 december 2023 (nadat Fibula "
        "in PZNL opging); behartigt hun belangen aan landelijke tafels en heeft een rol in NPPZ II.",
    ),
    "nfu": (
        "Nederlandse Federatie van Universitair Medische Centra",
        "NFU",
        "beroepsvereniging",
        LEVEL_NATIONAL,
        "Koepel van de umc's; lid van de NPPZ-stuurgroep; neemt deel aan het LOCo.",
    ),
    "palliactief": (
        "Palliactief",
        None,
        "beroepsvereniging",
        LEVEL_NATIONAL,
        "Vereniging van professionals in de palliatieve zorg (lid van de EAPC); organiseerde het "
        "tweejaarlijkse Nationaal Congres Palliatieve Zorg; schreef met IKNL het Kwaliteitskader 2017; "
        "lid van de Kerngroep. Een aparte 'NVPZ' is niet gevonden; Palliactief lijkt bedoeld (?).",
    ),
    "nvpo": (
        "Nederlandse Vereniging voor Psychosociale Oncologie",
        "NVPO",
        "beroepsvereniging",
        LEVEL_NATIONAL,
        "Multidisciplinaire wetenschappelijke vereniging voor psychosociale oncologie; lid van de Coöperatie "
        "PZNL; in de werkgroep van het Kwaliteitskader.",
    ),
    "kenniscentrum-kinderpalliatieve-zorg": (
        "Kenniscentrum Kinderpalliatieve Zorg",
        None,
        "kennisinstituut",
        LEVEL_NATIONAL,
        "Landelijk kenniscentrum voor kinderpalliatieve zorg (uit Stichting PAL, 2018, met de NVK); coördineert de 7 "
        "regionale Netwerken Integrale Kindzorg en verbindt de Kinder Comfort Teams; verzorgt consultatie en het "
        "Artsensteunpunt Levenseinde Kinderen; lid van de stuurgroep GVT.",
    ),
    "centra-voor-levensvragen": (
        "Centra voor Levensvragen",
        "CvL",
        "geestelijke-verzorging",
        None,
        "Regionale centra (per netwerkregio) die sinds 2019 geestelijke verzorging thuis organiseren met de "
        "VWS-subsidie (toegekend aan de netwerken palliatieve zorg); landelijk verbonden in het "
        "Samenwerkingsoverleg Centra voor Levensvragen.",
    ),
    "lnaz": (
        "Landelijk Netwerk Acute Zorg",
        "LNAZ",
        "beroepsvereniging",
        LEVEL_NATIONAL,
        "Landelijke vereniging van de regionale netwerken acute zorg en traumacentra (coördinatie van de ROAZ).",
    ),
    "zorgverzekeraars-nederland": (
        "Zorgverzekeraars Nederland",
        "ZN",
        "beroepsvereniging",
        LEVEL_NATIONAL,
        "Brancheorganisatie van de zorgverzekeraars; lid van de werkgroep van het Kwaliteitskader; in de visie van de "
        "Denktank kopen verzekeraars (zorgverzekeraar, zorgkantoor) een integraal 'product palliatieve zorg' in.",
    ),
    "zilveren-kruis": (
        "Zilveren Kruis",
        None,
        "zorgverzekeraar",
        LEVEL_NATIONAL,
        "Zorgverzekeraar (Zilveren Kruis Achmea). Medeoprichter van het Oncologienetwerk "
        "Groningen-Drenthe (2021); keurde in februari 2025 met VGZ het IZA-transformatieplan voor "
        "Drenthe en Steenwijkerland goed; heeft een coördinator palliatieve zorg.",
    ),
    "cz": (
        "CZ",
        None,
        "zorgverzekeraar",
        LEVEL_NATIONAL,
        "Zorgverzekeraar. Steunde met Zorg & Zekerheid het IZA-transformatieplan traumazorg van HMC en LUMC (2025) "
        "(acute zorg, niet palliatief).",
    ),
    "zorg-en-zekerheid": (
        "Zorg & Zekerheid",
        None,
        "zorgverzekeraar",
        LEVEL_NATIONAL,
        "Zorgverzekeraar. Steunde met CZ het IZA-transformatieplan traumazorg van HMC en LUMC (2025) "
        "(acute zorg, niet palliatief).",
    ),
    "nza": (
        "Nederlandse Zorgautoriteit",
        "NZa",
        "overheid",
        LEVEL_NATIONAL,
        "Toezichthouder; beoordeelt met VWS de Handreiking financiering palliatieve zorg.",
    ),
    "nivel": (
        "Nivel",
        None,
        "kennisinstituut",
        LEVEL_NATIONAL,
        "Onderzoeksinstituut; volgt de netwerken (ongeveer 65 netwerken in 2013); partner van het consortium "
        "Limburg-Zuidoost Brabant.",
    ),
    "rivm": (
        "RIVM",
        None,
        "kennisinstituut",
        LEVEL_NATIONAL,
        "Maakte de 'Toekomstverkenning palliatieve zorg 2050' (Kamerbrief 17 december 2024).",
    ),
    "kinder-comfort-teams": (
        "Kinder Comfort Teams",
        "KCT",
        "kinder-comfort-team",
        None,
        "Palliatieve teams voor kinderen in de academische kinderziekenhuizen (eerst Emma Thuis/AMC; "
        "Sophia/Erasmus MC, WAKZ/LUMC, Amalia/Radboudumc, Beatrix/UMCG; MUMC+, WKZ/UMCU en Prinses Máxima Centrum "
        "in opbouw).",
    ),
    "vereniging-leven-met-dood": (
        "Vereniging leven met dood",
        None,
        "ondersteunende-organisatie",
        LEVEL_NATIONAL,
        "Vereniging die mensen steunt bij verlies en rouw; trad in 2024 toe tot de Vereniging PZNL.",
    ),
    "nhg": (
        "Nederlands Huisartsen Genootschap",
        "NHG",
        "beroepsvereniging",
        LEVEL_NATIONAL,
        "Wetenschappelijke vereniging van huisartsen; lid van de werkgroep Kwaliteitskader 2017 en van de "
        "stuurgroep geestelijke verzorging thuis (GVT).",
    ),
    "verenso": (
        "Verenso",
        None,
        "beroepsvereniging",
        LEVEL_NATIONAL,
        "Vereniging van specialisten ouderengeneeskunde en sociaal geriaters; lid van de werkgroep "
        "Kwaliteitskader 2017.",
    ),
    "v-vn": (
        "Verpleegkundigen & Verzorgenden Nederland",
        "V&VN",
        "beroepsvereniging",
        LEVEL_NATIONAL,
        "Beroepsvereniging van verpleegkundigen en verzorgenden; lid van de werkgroep Kwaliteitskader 2017 en van "
        "de stuurgroep GVT.",
    ),
    "fms": (
        "Federatie Medisch Specialisten",
        "FMS",
        "beroepsvereniging",
        LEVEL_NATIONAL,
        "Federatie van de wetenschappelijke verenigingen van medisch specialisten; lid van de werkgroep "
        "Kwaliteitskader 2017.",
    ),
    "vgvz": (
        "Vereniging van Geestelijk VerZorgers",
        "VGVZ",
        "beroepsvereniging",
        LEVEL_NATIONAL,
        "Beroepsvereniging van geestelijk verzorgers; lid van de werkgroep Kwaliteitskader 2017 en van de "
        "stuurgroep GVT.",
    ),
    "patientenfederatie-nederland": (
        "Patiëntenfederatie Nederland",
        None,
        "clientenorganisatie",
        LEVEL_NATIONAL,
        "Patiëntenfederatie (vroeger NPCF); lid van de werkgroep Kwaliteitskader 2017.",
    ),
    "knmg": (
        "Koninklijke Nederlandsche Maatschappij tot bevordering der Geneeskunst",
        "KNMG",
        "beroepsvereniging",
        LEVEL_NATIONAL,
        "Artsenfederatie; lid van de NPPZ-stuurgroep (met NFU, Agora, IKNL en ZonMw).",
    ),
    "soncos": (
        "Stichting Oncologische Samenwerking",
        "SONCOS",
        "beroepsvereniging",
        LEVEL_NATIONAL,
        "Stelt multidisciplinaire normen voor de oncologie; eist sinds 2017 dat elk ziekenhuis met oncologische "
        "zorg een multidisciplinair team palliatieve zorg heeft.",
    ),
    "nvk": (
        "Nederlandse Vereniging voor Kindergeneeskunde",
        "NVK",
        "beroepsvereniging",
        LEVEL_NATIONAL,
        "Vereniging van kinderartsen; richtte met Stichting PAL het Kenniscentrum Kinderpalliatieve Zorg op (2018).",
    ),
    "stichting-pal": (
        "Stichting PAL",
        "PAL",
        "kennisinstituut",
        LEVEL_NATIONAL,
        "Opgericht in 2007 (kinderpalliatieve expertise); zette het eerste regionale netwerk voor kinderen "
        "op (Holland Rijnland, 2015) en het model voor 7 NIK's; werd in 2018 het Kenniscentrum "
        "Kinderpalliatieve Zorg.",
    ),
    # umc's that anchor a consortium or lead an acute-care region (no level: organisations in a region)
    "amsterdam-umc": (
        "Amsterdam UMC",
        None,
        "umc",
        None,
        "Umc (voorheen AMC en VUmc) met een Expertisecentrum Palliatieve Zorg; het umc van het "
        "Consortium Palliatieve Zorg Noord-Holland en Flevoland.",
    ),
    "lumc": (
        "Leids Universitair Medisch Centrum",
        "LUMC",
        "umc",
        None,
        "Umc met een Expertisecentrum Palliatieve Zorg; het umc van Consortium Propallia; penvoerder van Netwerk "
        "Acute Zorg West.",
    ),
    "erasmus-mc": (
        "Erasmus MC",
        None,
        "umc",
        None,
        "Umc met een Expertisecentrum Palliatieve Zorg; het umc van het Consortium Palliatieve Zorg Zuidwest "
        "Nederland; traumacentrum van ROAZ Zuidwest-Nederland.",
    ),
    "maastricht-umc": (
        "Maastricht UMC+",
        "MUMC+",
        "umc",
        None,
        "Umc met een Expertisecentrum Palliatieve Zorg; het umc van het Consortium Palliatieve Zorg "
        "Limburg-Zuidoost Brabant; leidt het Netwerk Acute Zorg Limburg.",
    ),
    "etz": (
        "Elisabeth-TweeSteden Ziekenhuis",
        "ETZ",
        "ziekenhuis",
        None,
        "Ziekenhuis in Tilburg; Traumacentrum Brabant en leidende organisatie van het Netwerk Acute Zorg Brabant.",
    ),
    # network hosts (penvoerders); type from organisation_types.csv row 'transmurale stichting / ROS / netwerk-host'
    "elann": (
        "ELANN",
        None,
        "regionale-ondersteuning",
        None,
        "Regionale ondersteuningsorganisatie in Groningen; verzorgt sinds 2016 de netwerkcoördinatie van de drie "
        "Groningse netwerken palliatieve zorg en is sinds 1 januari 2016 de rechtspersoon voor hun budgetten.",
    ),
    "transmuralis": (
        "Transmuralis",
        None,
        "regionale-ondersteuning",
        None,
        "Transmurale stichting in Zuid-Holland Noord met een programma palliatieve zorg.",
    ),
    "drechtzorg": (
        "Stichting Drechtzorg",
        None,
        "regionale-ondersteuning",
        None,
        "Transmurale stichting in de Drechtsteden; penvoerder van het netwerk palliatieve zorg tot de "
        "verzelfstandiging in 2022.",
    ),
    "westwest": (
        "WestWest",
        None,
        "regionale-ondersteuning",
        None,
        "Regionale organisatie in West-Brabant die de pagina van het netwerk Bergen op Zoom Tholen Roosendaal host.",
    ),
    "stichting-kwaliteit-en-integratie": (
        "Stichting Kwaliteit & Integratie",
        None,
        "regionale-ondersteuning",
        None,
        "Stichting verbonden aan de huisartsenposten Zuidoost-Brabant (volgens een bron uit 2016); penvoerder van de "
        "netwerken Oss-Meierijstad-Maashorst en 's-Hertogenbosch - Bommelerwaard.",
    ),
}

# name in national_actors.csv → entities it gives: ("org", slug) for NEW_ORGS, ("existing", iri-path) for an entity
# national.ttl describes, ("collab", slug) for ACTOR_COLLABS, ("skip", reason) for a row that is not an entity.
ACTORS: dict[str, list[tuple[str, str]]] = {
    "Ministerie van Volksgezondheid, Welzijn en Sport": [("existing", "organisation/vws")],
    "Palliatieve Zorg Nederland (Coöperatie PZNL; since Feb 2024 Vereniging PZNL)": [("existing", "organisation/pznl")],
    "Nationaal Programma Palliatieve Zorg II": [("existing", "activity/nppz-ii")],
    "Nationaal Programma Palliatieve Zorg (first programme)": [("existing", "activity/nppz")],
    "ZonMw": [("existing", "organisation/zonmw")],
    "Integraal Kankercentrum Nederland": [("existing", "organisation/iknl")],
    "Agora (landelijk ondersteuningspunt palliatieve terminale zorg)": [("existing", "organisation/agora")],
    "Vrijwilligers Palliatieve Terminale Zorg Nederland": [("existing", "organisation/vptz-nederland")],
    "Associatie Hospicezorg Nederland": [("existing", "organisation/ahzn")],
    "Stichting Fibula": [("org", "fibula")],
    "Vereniging Netwerken Palliatieve Zorg": [("org", "vnpz")],
    "Stichting PaTz (Palliatieve Thuiszorg / Palliatieve zorg thuis)": [("existing", "organisation/patz")],
    "Expertisecentra Palliatieve Zorg (one per umc)": [
        (
            "skip",
            "a collective: one Expertisecentrum per umc; the seven umc's are organisations (this row is their source)",
        )
    ],
    "Nederlandse Federatie van Universitair Medische Centra": [("org", "nfu")],
    "Landelijk Overleg Consortia": [("existing", "collaboration/loco")],
    "Palliactief (Nederlandse vereniging van professionals werkzaam in de palliatieve zorg)": [("org", "palliactief")],
    "Kerngroep palliatieve zorg": [("collab", "kerngroep-palliatieve-zorg")],
    "Nederlandse Vereniging voor Psychosociale Oncologie": [("org", "nvpo")],
    "Kenniscentrum Kinderpalliatieve Zorg": [("org", "kenniscentrum-kinderpalliatieve-zorg")],
    "Centra voor Levensvragen (Samenwerkingsoverleg Centra voor Levensvragen)": [("org", "centra-voor-levensvragen")],
    "Landelijk Netwerk Acute Zorg": [("org", "lnaz")],
    "Zorgverzekeraars Nederland": [("org", "zorgverzekeraars-nederland")],
    "Menzis; Zilveren Kruis Achmea (insurers)": [("existing", "organisation/menzis"), ("org", "zilveren-kruis")],
    "CZ; Zorg & Zekerheid (insurers)": [("org", "cz"), ("org", "zorg-en-zekerheid")],
    "Nederlandse Zorgautoriteit": [("org", "nza")],
    "Nivel": [("org", "nivel")],
    "RIVM": [("org", "rivm")],
    "Netwerken Integrale Kindzorg": [("collab", "netwerken-integrale-kindzorg")],
    "Kinder Comfort Teams": [("org", "kinder-comfort-teams")],
    "Vereniging leven met dood": [("org", "vereniging-leven-met-dood")],
    "Zilveren Kruis; VGZ (insurers)": [("org", "zilveren-kruis"), ("existing", "organisation/vgz")],
    "Nederlands Huisartsen Genootschap": [("org", "nhg")],
    "Verenso (specialisten ouderengeneeskunde)": [("org", "verenso")],
    "Verpleegkundigen & Verzorgenden Nederland": [("org", "v-vn")],
    "Federatie Medisch Specialisten": [("org", "fms")],
    "Vereniging van Geestelijk VerZorgers": [("org", "vgvz")],
    "Patiëntenfederatie Nederland (earlier NPCF)": [("org", "patientenfederatie-nederland")],
    "Koninklijke Nederlandsche Maatschappij tot bevordering der Geneeskunst": [("org", "knmg")],
    "Stichting Oncologische Samenwerking": [("org", "soncos")],
    "Nederlandse Vereniging voor Kindergeneeskunde": [("org", "nvk")],
    "Stichting PAL (Kinderpalliatieve Expertise)": [("org", "stichting-pal")],
    "Denktank Netwerken Palliatieve Zorg": [("collab", "denktank-netwerken-palliatieve-zorg")],
    "Palliaweb (platform of PZNL)": [
        ("skip", "a website (PZNL's knowledge platform), not an actor; national.ttl names it in PZNL's description")
    ],
}

# collaboration slug → (label, level, class, Dutch description, network count)
ACTOR_COLLABS: dict[str, tuple[str, URIRef, str, str, int | None]] = {
    "kerngroep-palliatieve-zorg": (
        "Kerngroep palliatieve zorg",
        LEVEL_NATIONAL,
        "Collaboration",
        "Eerdere landelijke coalitie (Palliactief, Agora, Stichting Fibula, NFU, PalHAg, VPTZ, IKNL, AHzN) die "
        "bijdroeg aan het NPPZ.",
        None,
    ),
    "netwerken-integrale-kindzorg": (
        "Netwerken Integrale Kindzorg",
        LEVEL_REGIONAL,
        "Collaboration",
        "Zeven regionale netwerken voor kinderpalliatieve zorg (los van de netwerken voor volwassenen), gecoördineerd "
        "door het Kenniscentrum Kinderpalliatieve Zorg; sinds 2022 wordt hun coördinatie gesubsidieerd onder de "
        "VWS-regeling. Het eerste was NIK Holland Rijnland (2015, opgezet door Stichting PAL).",
        7,
    ),
    "denktank-netwerken-palliatieve-zorg": (
        "Denktank Netwerken Palliatieve Zorg",
        LEVEL_NATIONAL,
        "Collaboration",
        "Tijdelijke denktank; zijn advies van 2018: de netwerken blijven nodig, moeten sterker en professioneler "
        "worden, hebben tot 2025 subsidie en daarna structurele financiering nodig; basis is het Kwaliteitskader.",
        None,
    ),
}

# memberships stated in national_actors.csv: (member path, organization path, actor row whose sources back it)
ACTOR_MEMBERSHIPS: list[tuple[str, str, str]] = [
    ("organisation/nvpo", "organisation/pznl", "Nederlandse Vereniging voor Psychosociale Oncologie"),
    ("organisation/vereniging-leven-met-dood", "organisation/pznl", "Vereniging leven met dood"),
    ("organisation/nfu", "collaboration/loco", "Nederlandse Federatie van Universitair Medische Centra"),
    *[
        (m, "collaboration/kerngroep-palliatieve-zorg", "Kerngroep palliatieve zorg")
        for m in (
            "organisation/palliactief",
            "organisation/agora",
            "organisation/fibula",
            "organisation/nfu",
            "organisation/vptz-nederland",
            "organisation/iknl",
            "organisation/ahzn",
        )
    ],
]


@dataclass(frozen=True)
class Consortium:
    slug: str
    label: str
    alt: tuple[str, ...] = ()
    host: str | None = None
    region: str | None = None  # region slug; None = national
    region_label: str | None = None
    kind: str = "consortium"  # consortium | loco | plan | nik
    plan_of: str | None = None
    description_nl: str = ""


CONSORTIA: dict[str, Consortium] = {
    "Ligare (Consortium Palliatieve Zorg Noordoost Nederland; earlier 'Consortium NoordOost')": Consortium(
        "ligare", "Consortium Ligare"
    ),
    "Consortium Septet": Consortium("septet", "Consortium Septet"),
    "Consortium Palliatieve Zorg Noord-Holland en Flevoland (Consortium NHF)": Consortium(
        "noord-holland-en-flevoland",
        "Consortium Palliatieve Zorg Noord-Holland en Flevoland",
        ("Consortium NHF",),
        "amsterdam-umc",
        "noord-holland-en-flevoland",
        "Noord-Holland en Flevoland",
        description_nl="Consortium palliatieve zorg rond AMC en VUmc (nu Amsterdam UMC) voor Noord-Holland en "
        "Flevoland. Leden: de regionale netwerken palliatieve zorg in Noord-Holland en Flevoland (volledige lijst niet "
        "gevonden).",
    ),
    "Consortium Propallia": Consortium(
        "propallia",
        "Consortium Propallia",
        (),
        "lumc",
        "noordelijk-zuid-holland",
        "noordelijk Zuid-Holland",
        description_nl="Consortium palliatieve zorg rond het Expertisecentrum Palliatieve Zorg LUMC, in noordelijk "
        "Zuid-Holland. Leden: Haaglanden, Midden-Holland, Westland-Schieland-Delftland en Zuid-Holland Noord.",
    ),
    "Consortium Palliatieve Zorg Zuidwest Nederland": Consortium(
        "zuidwest-nederland",
        "Consortium Palliatieve Zorg Zuidwest Nederland",
        (),
        "erasmus-mc",
        "zuidwest-nederland",
        "Zuidwest-Nederland",
        description_nl="Consortium palliatieve zorg rond het Expertisecentrum palliatieve zorg van Erasmus MC, voor "
        "zuidelijk Zuid-Holland, Zeeland en West- en Midden-Brabant. Leden: acht netwerken en partners in onderwijs "
        "(Hogeschool Rotterdam, Avans Hogeschool, Zorgacademie Erasmus MC, Stichting Leerhuizen).",
    ),
    "Consortium Palliatieve Zorg Limburg-Zuidoost Brabant": Consortium(
        "limburg-zuidoost-brabant",
        "Consortium Palliatieve Zorg Limburg-Zuidoost Brabant",
        (),
        "maastricht-umc",
        "limburg-en-zuidoost-brabant-consortium",
        "Limburg en Zuidoost-Brabant (consortiumgebied)",
        description_nl="Consortium palliatieve zorg rond het Expertisecentrum Palliatieve Zorg MUMC+, voor Limburg en "
        "Zuidoost-Brabant (1.858.325 inwoners). Leden: zeven netwerken palliatieve zorg (namen niet gevonden); "
        "partners IKNL, ROC's en hogescholen, patiëntenorganisaties; werkt met Nivel en zorgverzekeraars.",
    ),
    "Consortium Zuid-Oost (regio met Radboudumc) (exact current name (?))": Consortium(
        "zuid-oost",
        "Consortium Zuid-Oost",
        (),
        "radboudumc",
        "zuid-oost-nederland",
        "Zuid-Oost-Nederland",
        description_nl="Consortium palliatieve zorg rond Radboudumc, in Gelderland (?) en noordoostelijk "
        "Noord-Brabant (?). De ledenlijst is niet gevonden; de precieze huidige naam evenmin (?).",
    ),
    "Landelijk Overleg Consortia (LOCo) (national coordination layer, not a region)": Consortium(
        "loco", "Landelijk Overleg Consortia", kind="loco"
    ),
    "Transformatieplan palliatieve zorg Midden-Nederland (IZA regional plan; supra-network, "
    "not a consortium)": Consortium(
        "transformatieplan-palliatieve-zorg-midden-nederland",
        "Transformatieplan palliatieve zorg Midden-Nederland",
        kind="plan",
        description_nl="Regionaal IZA-transformatieplan (geen consortium) van 5 Netwerken Palliatieve Zorg, 4 "
        "regionale huisartsenorganisaties, 4 ziekenhuizen, thuiszorg, hospicezorg, verpleeghuiszorg, GGZ en RAV, "
        "gesteund door de gemeenten Utrecht, Amersfoort en 22 andere; ongeveer 1,3 miljoen inwoners. De "
        "netwerken worden in de bron niet bij naam genoemd.",
    ),
    "Transformatieplan Palliatieve zorg en Advance Care Planning in Drenthe en Steenwijkerland "
    "(IZA regional plan)": Consortium(
        "transformatieplan-drenthe-steenwijkerland",
        "Transformatieplan Palliatieve zorg en Advance Care Planning in Drenthe en Steenwijkerland",
        kind="plan",
        plan_of="drenthe-steenwijkerland",
        description_nl="Regionaal IZA-transformatieplan van de vier Netwerken Palliatieve Zorg "
        "Drenthe-Steenwijkerland, met 48 zorgorganisaties en 13 gemeenten en welzijnsorganisaties; in februari "
        "2025 goedgekeurd door Zilveren Kruis en VGZ.",
    ),
    "Netwerken Integrale Kindzorg (NIK) - 7 regional paediatric palliative care networks (parallel paediatric "
    "structure, not part of the adult consortia)": Consortium("netwerken-integrale-kindzorg", "", kind="nik"),
}

# networks.csv supraregion cell (without '(?)') → consortium slug
SUPRA: dict[str, str] = {
    "Ligare (Noordoost)": "ligare",
    "Septet": "septet",
    "Noord-Holland en Flevoland": "noord-holland-en-flevoland",
    "Propallia": "propallia",
    "Zuidwest Nederland": "zuidwest-nederland",
    "Limburg-Zuidoost Brabant": "limburg-zuidoost-brabant",
}


@dataclass(frozen=True)
class Net:
    slug: str
    label: str
    region_label: str
    hosts: tuple[str, ...] = ()
    count: int | None = None
    note_nl: str = ""
    note_en: str = ""


N = Net
# networks.csv name → network. The seeds' networks (twente, ijssel-vecht-en-noordoost-overijssel, utrecht-stad,
# zuidoost-utrecht) keep their IRI and home file; the two IJssel-Vecht / Noordoost-Overijssel rows both map to the
# one network seed 001 describes (whether it is one network or two is not confirmed; the seed's note says so).
NETWORKS: dict[str, Net] = {
    "Netwerk Palliatieve Zorg Friesland Noordoost (N-O)": N(
        "friesland-noordoost", "Netwerk Palliatieve Zorg Friesland Noordoost", "Friesland Noordoost"
    ),
    "Netwerk Palliatieve Zorg Friesland Noordwest (N-W)": N(
        "friesland-noordwest", "Netwerk Palliatieve Zorg Friesland Noordwest", "Friesland Noordwest"
    ),
    "Netwerk Palliatieve Zorg Friesland Zuidoost (Z-O)": N(
        "friesland-zuidoost", "Netwerk Palliatieve Zorg Friesland Zuidoost", "Friesland Zuidoost"
    ),
    "Netwerk Palliatieve Zorg Friesland Zuid (Z)": N(
        "friesland-zuid", "Netwerk Palliatieve Zorg Friesland Zuid", "Friesland Zuid"
    ),
    "Netwerk Palliatieve Zorg Friesland Zuidwest (Z-W)": N(
        "friesland-zuidwest", "Netwerk Palliatieve Zorg Friesland Zuidwest", "Friesland Zuidwest"
    ),
    "Netwerk Palliatieve Zorg Noord-Groningen (exact name (?))": N(
        "noord-groningen", "Netwerk Palliatieve Zorg Noord-Groningen", "Noord-Groningen", ("elann",)
    ),
    "Netwerk Palliatieve Zorg Zuidoost-Groningen": N(
        "zuidoost-groningen", "Netwerk Palliatieve Zorg Zuidoost-Groningen", "Zuidoost-Groningen", ("elann",)
    ),
    "Netwerk Palliatieve Zorg Groningen-Centraal": N(
        "groningen-centraal", "Netwerk Palliatieve Zorg Groningen-Centraal", "Groningen-Centraal", ("elann",)
    ),
    "Netwerken Palliatieve Zorg Drenthe-Steenwijkerland (four networks under one chair; individual names not found)": N(
        "drenthe-steenwijkerland",
        "Netwerken Palliatieve Zorg Drenthe-Steenwijkerland",
        "Drenthe-Steenwijkerland",
        count=4,
        note_nl="Vier netwerken onder één voorzitter; hun afzonderlijke namen zijn niet gevonden, daarom één knoop "
        "met ez:networkCount 4. De penvoerder is niet vermeld (?); de voorzitter is bestuursvoorzitter van Dokter "
        "Drenthe.",
        note_en="Four networks under one chair; their individual names were not found, hence one node with "
        "ez:networkCount 4. The host organisation is not stated (?); the chair is the chair of Dokter Drenthe.",
    ),
    "Netwerk Palliatieve Zorg Salland (NPZ Salland)": N("salland", "Netwerk Palliatieve Zorg Salland", "Salland"),
    "Netwerken Palliatieve Zorg Twente (three networks under one bestuur; individual names not found)": N(
        "twente", "Netwerken Palliatieve Zorg Twente", "Twente", count=3
    ),
    "Netwerk Palliatieve Zorg IJssel-Vecht (?)": N(
        "ijssel-vecht-en-noordoost-overijssel",
        "",
        "",
        note_nl="De referentie noemt twee rijen, 'Netwerk Palliatieve Zorg IJssel-Vecht (?)' en 'Netwerk Palliatieve "
        "Zorg Noordoost Overijssel (?)'; beide zijn op dit netwerk uit seed 001 afgebeeld.",
        note_en="The reference has two rows, 'Netwerk Palliatieve Zorg IJssel-Vecht (?)' and 'Netwerk Palliatieve "
        "Zorg Noordoost Overijssel (?)'; both are mapped to this network of seed 001.",
    ),
    "Netwerk Palliatieve Zorg Noordoost Overijssel (?)": N("ijssel-vecht-en-noordoost-overijssel", "", ""),
    "Netwerk Palliatieve Zorg Utrecht stad": N("utrecht-stad", "", "", ("careyn",)),
    "Netwerk Palliatieve Zorg Zuidoost-Utrecht": N("zuidoost-utrecht", "", "", ("careyn",)),
    "Netwerk Palliatieve Zorg Utrecht Zuid (NPZ Utrecht Zuid)": N(
        "utrecht-zuid", "Netwerk Palliatieve Zorg Utrecht Zuid", "Utrecht Zuid"
    ),
    "Netwerk Palliatieve Zorg regio Eemland": N("eemland", "Netwerk Palliatieve Zorg regio Eemland", "Eemland"),
    "Netwerk Palliatieve Zorg Oost-Veluwe": N("oost-veluwe", "Netwerk Palliatieve Zorg Oost-Veluwe", "Oost-Veluwe"),
    "Netwerk Palliatieve Zorg Arnhem / de Liemers (exact name (?))": N(
        "arnhem-de-liemers", "Netwerk Palliatieve Zorg Arnhem / de Liemers", "Arnhem / de Liemers"
    ),
    "Netwerk Palliatieve Zorg Noord en Oost Flevoland": N(
        "noord-en-oost-flevoland",
        "Netwerk Palliatieve Zorg Noord en Oost Flevoland",
        "Noord- en Oost-Flevoland",
        note_nl="De penvoerder is niet vermeld; de referentie noemt de netwerkcoördinator (naam weggelaten: "
        "persoonsgegeven) en een regioconvenant van 10 mei 2022 met 9 organisaties.",
        note_en="The host organisation is not stated; the reference names the network coordinator (name left out: "
        "personal data) and a regional covenant of 10 May 2022 with 9 organisations.",
    ),
    "Netwerk Palliatieve Zorg Almere (NPZ Almere)": N("almere", "Netwerk Palliatieve Zorg Almere", "Almere"),
    "Netwerk Palliatieve Zorg West-Friesland": N(
        "west-friesland", "Netwerk Palliatieve Zorg West-Friesland", "West-Friesland"
    ),
    "Netwerk Palliatieve Zorg Amsterdam-Diemen": N(
        "amsterdam-diemen", "Netwerk Palliatieve Zorg Amsterdam-Diemen", "Amsterdam-Diemen"
    ),
    "Netwerk Palliatieve Zorg Zaanstreek-Waterland": N(
        "zaanstreek-waterland", "Netwerk Palliatieve Zorg Zaanstreek-Waterland", "Zaanstreek-Waterland"
    ),
    "Netwerk Palliatieve Zorg Noord-Kennemerland": N(
        "noord-kennemerland", "Netwerk Palliatieve Zorg Noord-Kennemerland", "Noord-Kennemerland"
    ),
    "Netwerk Palliatieve Zorg Kop van Noord-Holland": N(
        "kop-van-noord-holland", "Netwerk Palliatieve Zorg Kop van Noord-Holland", "Kop van Noord-Holland"
    ),
    "Netwerk Palliatieve Zorg Zuid-Kennemerland & Meerlanden (exact name (?))": N(
        "zuid-kennemerland-en-meerlanden",
        "Netwerk Palliatieve Zorg Zuid-Kennemerland & Meerlanden",
        "Zuid-Kennemerland & Meerlanden",
    ),
    "Netwerk Palliatieve Zorg Gooi & Vechtstreek (?)": N(
        "gooi-en-vechtstreek", "Netwerk Palliatieve Zorg Gooi & Vechtstreek", "Gooi & Vechtstreek"
    ),
    "Netwerk Palliatieve Zorg Haaglanden (NPZ Haaglanden)": N(
        "haaglanden", "Netwerk Palliatieve Zorg Haaglanden", "Haaglanden"
    ),
    "Netwerk Palliatieve Zorg Midden-Holland": N(
        "midden-holland", "Netwerk Palliatieve Zorg Midden-Holland", "Midden-Holland"
    ),
    "Netwerk Palliatieve Zorg Westland-Schieland-Delftland": N(
        "westland-schieland-delftland",
        "Netwerk Palliatieve Zorg Westland-Schieland-Delftland",
        "Westland-Schieland-Delftland",
    ),
    "Netwerk Palliatieve Zorg Zuid-Holland Noord": N(
        "zuid-holland-noord", "Netwerk Palliatieve Zorg Zuid-Holland Noord", "Zuid-Holland Noord", ("transmuralis",)
    ),
    "Netwerk Palliatieve Zorg Rotterdam en omstreken": N(
        "rotterdam-en-omstreken", "Netwerk Palliatieve Zorg Rotterdam en omstreken", "Rotterdam en omstreken"
    ),
    "Netwerk Palliatieve Zorg Nieuwe Waterweg Noord": N(
        "nieuwe-waterweg-noord", "Netwerk Palliatieve Zorg Nieuwe Waterweg Noord", "Nieuwe Waterweg Noord"
    ),
    "Netwerk Palliatieve Zorg Zuid-Hollandse Eilanden": N(
        "zuid-hollandse-eilanden", "Netwerk Palliatieve Zorg Zuid-Hollandse Eilanden", "Zuid-Hollandse Eilanden"
    ),
    "Netwerk Palliatieve Zorg Waardenland": N("waardenland", "Netwerk Palliatieve Zorg Waardenland", "Waardenland"),
    "Netwerk Palliatieve Zorg Dordrecht, Gorinchem & omstreken (name since 1 Jul 2022; possibly the renamed "
    "Waardenland network (?))": N(
        "dordrecht-gorinchem-en-omstreken",
        "Netwerk Palliatieve Zorg Dordrecht, Gorinchem & omstreken",
        "Dordrecht, Gorinchem & omstreken",
        ("drechtzorg",),
        note_nl="Mogelijk dezelfde als Netwerk Palliatieve Zorg Waardenland onder een nieuwe naam (?); niet bevestigd, "
        "daarom twee knopen.",
        note_en="Possibly the Waardenland network under a new name (?); not confirmed, hence two nodes.",
    ),
    "Netwerk Palliatieve Zorg Zeeland": N("zeeland", "Netwerk Palliatieve Zorg Zeeland", "Zeeland"),
    "Netwerk Palliatieve Zorg Bergen op Zoom Tholen Roosendaal (Roosendaal - Bergen op Zoom - Tholen)": N(
        "bergen-op-zoom-tholen-roosendaal",
        "Netwerk Palliatieve Zorg Bergen op Zoom Tholen Roosendaal",
        "Bergen op Zoom, Tholen en Roosendaal",
        ("westwest",),
    ),
    "Netwerk Palliatieve Zorg Stadsgewest Breda": N(
        "stadsgewest-breda", "Netwerk Palliatieve Zorg Stadsgewest Breda", "Stadsgewest Breda"
    ),
    "Netwerk Palliatieve Zorg Midden Brabant": N(
        "midden-brabant", "Netwerk Palliatieve Zorg Midden Brabant", "Midden-Brabant"
    ),
    "Netwerk Palliatieve Zorg Oss-Meierijstad-Maashorst (earlier name: Oss-Uden-Veghel)": N(
        "oss-meierijstad-maashorst",
        "Netwerk Palliatieve Zorg Oss-Meierijstad-Maashorst",
        "Oss-Meierijstad-Maashorst",
        ("stichting-kwaliteit-en-integratie",),
    ),
    "Netwerk Palliatieve Zorg 's-Hertogenbosch - Bommelerwaard": N(
        "s-hertogenbosch-bommelerwaard",
        "Netwerk Palliatieve Zorg 's-Hertogenbosch - Bommelerwaard",
        "'s-Hertogenbosch en Bommelerwaard",
        ("stichting-kwaliteit-en-integratie",),
    ),
    "Netwerk Palliatieve Zorg regio Helmond (exact name (?))": N(
        "helmond", "Netwerk Palliatieve Zorg regio Helmond", "Helmond e.o."
    ),
    "Netwerken Palliatieve Zorg Limburg & Zuidoost-Brabant (seven networks, individual names not found; the Helmond "
    "row above is probably one of them (?))": N(
        "limburg-en-zuidoost-brabant",
        "Netwerken Palliatieve Zorg Limburg & Zuidoost-Brabant",
        "Limburg & Zuidoost-Brabant",
        count=7,
        note_nl="Zeven netwerken; hun afzonderlijke namen zijn niet gevonden, daarom één knoop met ez:networkCount 7. "
        "Het netwerk regio Helmond is waarschijnlijk een van de zeven (?) en staat ook apart.",
        note_en="Seven networks; their individual names were not found, hence one node with ez:networkCount 7. The "
        "Helmond network is probably one of the seven (?) and is also recorded separately.",
    ),
}


@dataclass(frozen=True)
class Roaz:
    slug: str
    label: str
    abbreviation: str | None
    host: str
    within: str | None  # province slug the region lies (mostly) within; None when it spans several
    description_nl: str


ROAZ: dict[str, Roaz] = {
    "Acute Zorgnetwerk Noord-Nederland (AZNN); ROAZ Drenthe/Groningen + ROAZ Friesland + Bestuurlijk ROAZ Noord "
    "Nederland": Roaz(
        "acute-zorgnetwerk-noord-nederland",
        "Acute Zorgnetwerk Noord-Nederland",
        "AZNN",
        "umcg",
        None,
        "Acute-zorgnetwerk voor Groningen, Friesland, Drenthe en een deel van Overijssel (ROAZ Drenthe/Groningen, ROAZ "
        "Friesland en het Bestuurlijk ROAZ Noord Nederland); leidende organisatie UMCG.",
    ),
    "Netwerk Acute Zorg regio Zwolle (NAZrZ)": Roaz(
        "netwerk-acute-zorg-regio-zwolle",
        "Netwerk Acute Zorg regio Zwolle",
        "NAZrZ",
        "isala",
        "overijssel",
        "Acute-zorgnetwerk voor een deel van Overijssel en (?) een deel van Flevoland; leidende organisatie Isala "
        "(locatie Zwolle).",
    ),
    "Acute Zorg Euregio": Roaz(
        "acute-zorg-euregio",
        "Acute Zorg Euregio",
        None,
        "mst",
        "overijssel",
        "Acute-zorgnetwerk voor Twente en de Oost-Achterhoek; leidende organisatie Medisch Spectrum Twente (MST), "
        "Enschede.",
    ),
    "Acute Zorgregio Oost (AZO)": Roaz("acute-zorgregio-oost", "", "AZO", "radboudumc", "gelderland", ""),
    "Netwerk Acute Zorg / Traumacentrum Midden-Nederland (exact network name (?))": Roaz(
        "netwerk-acute-zorg-midden-nederland",
        "Netwerk Acute Zorg Midden-Nederland",
        None,
        "umc-utrecht",
        "utrecht",
        "Acute-zorgnetwerk (traumacentrum) voor Utrecht en omgeving (?); leidende organisatie UMC Utrecht. De precieze "
        "naam van het netwerk is niet bevestigd (?).",
    ),
    "Netwerk Acute Zorg Noord-Holland/Flevoland (NAZNHFL) (earlier: Netwerk Acute Zorg Noordwest and SpoedZorgNet "
    "(?))": Roaz(
        "netwerk-acute-zorg-noord-holland-flevoland",
        "Netwerk Acute Zorg Noord-Holland/Flevoland",
        "NAZNHFL",
        "amsterdam-umc",
        None,
        "Acute-zorgnetwerk voor Noord-Holland en Flevoland (eerder Netwerk Acute Zorg Noordwest en SpoedZorgNet (?)); "
        "leidende organisatie Amsterdam UMC (?).",
    ),
    "Netwerk Acute Zorg West (NAZW) / Traumacentrum West": Roaz(
        "netwerk-acute-zorg-west",
        "Netwerk Acute Zorg West",
        "NAZW",
        "lumc",
        "zuid-holland",
        "Acute-zorgnetwerk (Traumacentrum West) voor Zuid-Holland (GHOR Hollands Midden en Haaglanden); LUMC is "
        "penvoerder, met Haaglanden MC en HagaZiekenhuis.",
    ),
    "ROAZ Zuidwest-Nederland (ROAZ ZWN) / Traumacentrum Zuidwest-Nederland": Roaz(
        "roaz-zuidwest-nederland",
        "ROAZ Zuidwest-Nederland",
        "ROAZ ZWN",
        "erasmus-mc",
        None,
        "Acute-zorgregio (Traumacentrum Zuidwest-Nederland) voor zuidelijk Zuid-Holland, Zeeland en West-Brabant (?); "
        "leidende organisatie Erasmus MC.",
    ),
    "Netwerk Acute Zorg Brabant (NAZB); ROAZ-Brabant": Roaz(
        "netwerk-acute-zorg-brabant",
        "Netwerk Acute Zorg Brabant",
        "NAZB",
        "etz",
        "noord-brabant",
        "Acute-zorgnetwerk (ROAZ-Brabant) voor Noord-Brabant; leidende organisatie Elisabeth-TweeSteden Ziekenhuis "
        "(ETZ), Tilburg (Traumacentrum Brabant).",
    ),
    "Netwerk Acute Zorg Limburg (NAZL); ROAZ Limburg": Roaz(
        "netwerk-acute-zorg-limburg",
        "Netwerk Acute Zorg Limburg",
        "NAZL",
        "maastricht-umc",
        "limburg",
        "Acute-zorgnetwerk (ROAZ Limburg) voor Limburg; leidende organisatie Maastricht UMC+.",
    ),
}

# kwaliteitskader.csv domain_number → (concept slug, scheme, nl label, en label, nl definition).
# Rows without a name (7–9) become concepts labelled as not found, so the scheme shows the hole.
KWALITEITSKADER: dict[str, tuple[str, str, str, str, str]] = {
    "1": (
        "domein-1",
        "domein",
        "Kernwaarden en principes",
        "Core values and principles",
        "Kernwaarden en principes van palliatieve zorg.",
    ),
    "2": (
        "domein-2",
        "domein",
        "Structuur en proces(sen)",
        "Structure and process(es)",
        "Tijdig herkennen van de palliatieve fase en markeren van een verandering van zorgdoel; volgens ZonMw "
        "verdeeld in 10 subdomeinen.",
    ),
    "3": (
        "domein-3",
        "domein",
        "Fysieke dimensie",
        "Physical dimension",
        "Lichamelijk welbevinden en behandeling van lichamelijke symptomen volgens de richtlijnen palliatieve zorg.",
    ),
    "4": (
        "domein-4",
        "domein",
        "Psychische dimensie",
        "Psychological dimension",
        "Aandacht voor psychische gevolgen en psychiatrische symptomen, regelmatige inventarisatie, screening en "
        "laagdrempelige verwijzing.",
    ),
    "5": (
        "domein-5",
        "domein",
        "Sociale dimensie",
        "Social dimension",
        "Naam afgeleid (?): domeinen 3, 4 en 6 zijn de fysieke, psychische en spirituele dimensie.",
    ),
    "6": (
        "domein-6",
        "domein",
        "Spirituele dimensie",
        "Spiritual dimension",
        "Passende ondersteuning bij spirituele en existentiële vragen en behoeften.",
    ),
    "7": (
        "domein-7",
        "domein",
        "Domein 7 (naam niet gevonden)",
        "Domain 7 (name not found)",
        "Naam niet gevonden in de geraadpleegde openbare bronnen.",
    ),
    "8": (
        "domein-8",
        "domein",
        "Domein 8 (naam niet gevonden)",
        "Domain 8 (name not found)",
        "Naam niet gevonden in de geraadpleegde openbare bronnen.",
    ),
    "9": (
        "domein-9",
        "domein",
        "Domein 9 (naam niet gevonden)",
        "Domain 9 (name not found)",
        "Naam niet gevonden in de geraadpleegde openbare bronnen.",
    ),
    "10": (
        "domein-10",
        "domein",
        "Ethisch en juridisch",
        "Ethical and legal",
        "Morele dilemma's herkennen, erkennen en verkennen; toegang tot ethische en juridische expertise; moreel "
        "beraad.",
    ),
    "CE-1": (
        "kernelement-1",
        "kernelement",
        "Identificatie",
        "Identification",
        "Patiënten die palliatieve zorg nodig hebben, worden tijdig geïdentificeerd.",
    ),
    "CE-2": (
        "kernelement-2",
        "kernelement",
        "Gezamenlijke besluitvorming",
        "Shared decision-making",
        "Gezamenlijke besluitvorming als doorlopend proces, afgestemd op waarden, wensen en behoeften.",
    ),
    "CE-3": (
        "kernelement-3",
        "kernelement",
        "Proactieve zorgplanning",
        "Advance care planning",
        "Tijdige proactieve zorgplanning; besluiten vastgelegd in het individueel zorgplan.",
    ),
    "CE-4": (
        "kernelement-4",
        "kernelement",
        "Dimensies van palliatieve zorg",
        "Dimensions of palliative care",
        "Lichamelijke, psychische, sociale en spirituele dimensies, met standaarden per dimensie.",
    ),
}
# rows of kwaliteitskader.csv that are about consultation, not domains: described elsewhere or not modelled
KWALITEITSKADER_TEN_DOMAINS = (
    "https://vdocuments.net/kwaliteitskader-palliatieve-zorg-nederland-het-kwaliteitskader-omvat-een-tiental.html"
)
KWALITEITSKADER_SKIPPED = {
    "CONS-1": "national telephone consultation: context in national.ttl (framework kader-consultatie)",
    "CONS-2": "Transitie Consultatie: source of framework kader-consultatie in national.ttl",
    "CONS-3": "SONCOS norm: in the description of organisation SONCOS",
    "CONS-4": "TAPAS proposal (NZa, 2017), status unknown (?): not modelled",
}


# ------------------------------------------------------------------------------------------------------------
# Building
# ------------------------------------------------------------------------------------------------------------


def read(folder: Path, name: str) -> list[dict[str, str]]:
    path = folder / name
    if not path.is_file():
        raise SystemExit(f"make_reference: {path} not found; pass the folder with the reference CSV files")
    with path.open(encoding="utf-8", newline="") as f:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(f)]


def curated(table: dict[str, T], key: str, file: str) -> T:
    if key not in table:
        raise SystemExit(f"make_reference: {file}: row {key!r} has no curation entry in tools/make_reference.py")
    return table[key]


def existing_graph() -> Graph:
    g = Graph()
    for folder in ("ontology", "datasets"):
        for path in sorted((ROOT / folder).glob("*.ttl")):
            if path.stem in OUT_FILES or path.name == "shapes.ttl":
                continue
            g.parse(path, format="turtle")
    return g


class Builder:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.existing = existing_graph()
        self.w = Writer(self.existing)
        self.src = Sources(self.existing)
        self.provinces_used: dict[str, list[URIRef]] = {}
        self.labels_new: dict[str, tuple[str, str]] = {}

    def label(self, path: str, lang: str = "nl") -> str:
        for value in self.existing.objects(iri(path), RDFS.label):
            if isinstance(value, Literal) and value.language == lang:
                return str(value)
        raise SystemExit(f"make_reference: no label for {path}")

    def org(
        self,
        slug: str,
        sources: list[URIRef],
        en_text: str | None,
        file: str = "reference-actors",
        origin: tuple[str, str] = ("national_actors.csv", "role"),
    ) -> None:
        label, abbreviation, type_, level, nl_text = NEW_ORGS[slug]
        e = Entity(iri(f"organisation/{slug}")).add(RDF.type, ez("Organisation")).add(RDFS.label, *both(label))
        if abbreviation:
            e.add(ez("abbreviation"), Literal(abbreviation))
        e.add(ez("organisationType"), iri(f"organisation-type/{type_}")).add(ez("level"), level)
        if nl_text and en_text:
            e.add(DCTERMS.description, nl(nl_text), en(redact(en_text)))
        notes, unsure = unsure_notes([(*origin, en_text or "")])
        if unsure:
            e.add(ez("certainty"), Literal("onzeker")).add(SKOS.editorialNote, *notes)
        e.add(DCTERMS.source, *sources)
        self.w.emit(file, e, "organisation")

    def membership(
        self,
        file: str,
        member: str,
        organization: str,
        sources: list[URIRef],
        notes: Iterable[Literal] = (),
        unsure: bool = False,
        kind: str = "membership",
    ) -> None:
        m_slug, o_slug = member.rsplit("/", 1)[-1], organization.rsplit("/", 1)[-1]
        m_iri, o_iri = iri(member), iri(organization)
        existing = [
            s
            for s in self.existing.subjects(URIRef(ORG + "member"), m_iri)
            if (s, URIRef(ORG + "organization"), o_iri) in self.existing
        ]
        subject = URIRef(str(existing[0])) if existing else iri(f"membership/{m_slug}--{o_slug}")
        e = Entity(subject).add(RDF.type, URIRef(ORG + "Membership"))
        e.add(
            RDFS.label,
            nl(f"{self.any_label(member)} in {self.any_label(organization)}"),
            en(f"{self.any_label(member, 'en')} in {self.any_label(organization, 'en')}"),
        )
        e.add(URIRef(ORG + "member"), m_iri).add(URIRef(ORG + "organization"), o_iri)
        if unsure:
            e.add(ez("certainty"), Literal("onzeker"))
        e.add(SKOS.editorialNote, *notes)
        e.add(DCTERMS.source, *sources)
        self.w.emit(file, e, kind)

    def any_label(self, path: str, lang: str = "nl") -> str:
        if path in self.labels_new:
            return self.labels_new[path][0 if lang == "nl" else 1]
        return self.label(path, lang)

    # -- provinces ------------------------------------------------------------------------------------------

    def provinces_of(self, cell: str, sources: list[URIRef]) -> list[URIRef]:
        """The provinces a cell names, in order ('deel', parentheses and '(?)' ignored)."""
        found = []
        for part in cell.split(";"):
            name = re.sub(r"\(.*?\)", "", part).replace(UNSURE, "").replace("deel", "").strip()
            if name in PROVINCES:
                used = self.provinces_used.setdefault(name, [])
                used.extend(s for s in sources if s not in used)
                found.append(iri(f"region/{PROVINCES[name]}"))
        return found

    def emit_provinces(self) -> None:
        self.w.section("reference-networks", "Provinces (sourced by the rows that name them)")
        for name in sorted(self.provinces_used, key=lambda n: PROVINCES[n]):
            e = Entity(iri(f"region/{PROVINCES[name]}")).add(RDF.type, ez("Region")).add(RDFS.label, *both(name))
            e.add(ez("regionType"), iri("region-type/provincie"))
            e.add(DCTERMS.description, nl(f"Provincie {name}."), en(f"Province of {name}."))
            e.add(DCTERMS.source, *self.provinces_used[name])
            self.w.emit("reference-networks", e, "province")

    # -- actors ---------------------------------------------------------------------------------------------

    def actors(self) -> None:
        rows = read(self.folder, "national_actors.csv")
        self.w.section("reference-actors", "National actors (national_actors.csv) not described in national.ttl")
        by_slug_sources: dict[str, list[URIRef]] = {}
        by_slug_text: dict[str, list[str]] = {}
        for row in read(self.folder, "supraregions.csv"):
            c = curated(CONSORTIA, row["name"], "supraregions.csv")
            if c.kind == "nik":
                by_slug_sources[f"collab:{c.slug}"] = self.src(row["source_url"])
                by_slug_text[f"collab:{c.slug}"] = [f"{row['name']}: {row['member_networks']}."]
        row_sources: dict[str, list[URIRef]] = {}
        for row in rows:
            specs = curated(ACTORS, row["name"], "national_actors.csv")
            sources = self.src(row["source_url"])
            row_sources[row["name"]] = sources
            for kind, key in specs:
                if kind in {"org", "collab"}:
                    by_slug_sources.setdefault(f"{kind}:{key}", []).extend(
                        s for s in sources if s not in by_slug_sources.get(f"{kind}:{key}", [])
                    )
                    by_slug_text.setdefault(f"{kind}:{key}", []).append(row["role"])
        for key in sorted(by_slug_sources):
            kind, slug = key.split(":", 1)
            text = " ".join(by_slug_text[key])
            if kind == "org":
                self.labels_new[f"organisation/{slug}"] = (NEW_ORGS[slug][0], NEW_ORGS[slug][0])
                self.org(slug, by_slug_sources[key], text)
            else:
                label, level, cls, nl_text, count = ACTOR_COLLABS[slug]
                self.labels_new[f"collaboration/{slug}"] = (label, label)
                e = Entity(iri(f"collaboration/{slug}")).add(RDF.type, ez(cls)).add(RDFS.label, *both(label))
                e.add(ez("level"), level)
                if count is not None:
                    e.add(ez("networkCount"), Literal(count))
                e.add(DCTERMS.description, nl(nl_text), en(text)).add(DCTERMS.source, *by_slug_sources[key])
                self.w.emit("reference-actors", e, "collaboration")
        self.w.section("reference-actors", "Memberships stated in national_actors.csv")
        for member, organization, row_name in ACTOR_MEMBERSHIPS:
            self.membership("reference-actors", member, organization, row_sources[row_name])

    # -- consortia ------------------------------------------------------------------------------------------

    def consortia(self) -> None:
        rows = read(self.folder, "supraregions.csv")
        self.w.section("reference-actors", "Consortia, LOCo and IZA transformation plans (supraregions.csv)")
        for row in rows:
            c: Consortium = curated(CONSORTIA, row["name"], "supraregions.csv")
            sources = self.src(row["source_url"])
            cells = [("supraregions.csv", k, row[k]) for k in ("name", "umc", "provinces", "member_networks")]
            notes, unsure = unsure_notes(cells)
            text_en = (
                f"{row['name']}. Umc: {row['umc'] or 'none'}. Area: {row['provinces']}. Members according to the "
                f"source: {row['member_networks']}."
            )
            if c.kind == "nik":
                continue  # described with the national actors (sources of both rows)
            if c.kind == "plan":
                self.labels_new[f"plan/{c.slug}"] = (c.label, c.label)
                e = Entity(iri(f"plan/{c.slug}")).add(RDF.type, ez("Plan")).add(RDFS.label, *both(c.label))
                e.add(DCTERMS.title, nl(c.label))
                if c.plan_of:
                    e.add(ez("planOf"), iri(f"network/{c.plan_of}"))
                e.add(ez("basedOn"), iri("framework/integraal-zorgakkoord"))
                e.add(DCTERMS.description, nl(c.description_nl), en(text_en))
                if unsure:
                    e.add(ez("certainty"), Literal("onzeker"))
                e.add(SKOS.editorialNote, *notes).add(DCTERMS.source, *sources)
                self.w.emit("reference-actors", e, "plan")
                continue
            subject = iri(f"collaboration/{c.slug}")
            if c.kind == "loco" or (subject, RDF.type, None) in self.existing:
                self.w.emit("reference-actors", Entity(subject).add(DCTERMS.source, *sources))
            else:
                self.labels_new[f"collaboration/{c.slug}"] = (c.label, c.label)
                e = Entity(subject).add(RDF.type, ez("SupraRegionalCollaboration")).add(RDFS.label, *both(c.label))
                e.add(SKOS.altLabel, *[nl(a) for a in c.alt]).add(ez("level"), LEVEL_SUPRA)
                e.add(ez("host"), iri(f"organisation/{c.host}") if c.host else None)
                e.add(ez("region"), iri(f"region/{c.region}") if c.region else None)
                e.add(DCTERMS.description, nl(c.description_nl), en(text_en))
                if unsure:
                    e.add(ez("certainty"), Literal("onzeker"))
                e.add(SKOS.editorialNote, *notes).add(DCTERMS.source, *sources)
                self.w.emit("reference-actors", e, "consortium")
                assert c.region and c.region_label
                r = Entity(iri(f"region/{c.region}")).add(RDF.type, ez("Region")).add(RDFS.label, *both(c.region_label))
                r.add(ez("regionType"), iri("region-type/bovenregio"))
                r.add(
                    DCTERMS.description,
                    nl(f"Werkgebied van {c.label}: {row['provinces']}."),
                    en(f"Area of {c.label}: {row['provinces']}."),
                )
                if UNSURE in row["provinces"]:
                    r.add(ez("certainty"), Literal("onzeker"))
                    r.add(SKOS.editorialNote, *unsure_notes([("supraregions.csv", "provinces", row["provinces"])])[0])
                r.add(DCTERMS.source, *sources)
                self.w.emit("reference-actors", r, "region")
            if c.kind == "consortium":
                loco = self.src("https://palliaweb.nl/zorgpraktijk/consortia-palliatieve-zorg")
                self.membership("reference-actors", f"collaboration/{c.slug}", "collaboration/loco", loco)
        self.iknl_in_every_consortium(rows)
        self.w.section("reference-actors", "Organisations that host a consortium")
        for slug in ("amsterdam-umc", "lumc", "erasmus-mc", "maastricht-umc"):
            self.labels_new[f"organisation/{slug}"] = (NEW_ORGS[slug][0], NEW_ORGS[slug][0])
        for name, row in ((r["name"], r) for r in rows):
            c = CONSORTIA[name]
            if c.host in {"amsterdam-umc", "lumc", "erasmus-mc", "maastricht-umc"}:
                nfu = self.src("https://www.nfu.nl/themas/zorg-op-de-juiste-plek/palliatieve-zorg")
                self.org(
                    c.host,
                    nfu + self.src(row["source_url"]),
                    f"University medical centre. {row['umc']}.",
                    origin=("supraregions.csv", "umc"),
                )

    def iknl_in_every_consortium(self, rows: list[dict[str, str]]) -> None:
        """IKNL's row says 'partner in all consortia and LOCo': one membership per consortium, quoting it."""
        self.w.section("reference-actors", "IKNL, partner in every consortium (national_actors.csv)")
        actor = next(
            r for r in read(self.folder, "national_actors.csv") if r["name"] == "Integraal Kankercentrum Nederland"
        )
        quote = next(part.strip() for part in actor["role"].split(";") if "all consortia" in part)
        notes = [
            nl(f"national_actors.csv, IKNL: '{quote}' (IKNL als partner in elk consortium)."),
            en(f"national_actors.csv, IKNL: '{quote}' (IKNL as a partner in every consortium)."),
        ]
        for row in rows:
            c = CONSORTIA[row["name"]]
            if c.kind == "consortium":
                self.membership(
                    "reference-actors",
                    "organisation/iknl",
                    f"collaboration/{c.slug}",
                    self.src(actor["source_url"]),
                    notes,
                )

    # -- networks -------------------------------------------------------------------------------------------

    def networks(self) -> None:
        rows = read(self.folder, "networks.csv")
        file = "reference-networks"
        self.w.section(file, "Network hosts (penvoerders)")
        host_sources: dict[str, list[URIRef]] = {}
        host_cells: dict[str, list[str]] = {}
        for row in rows:
            for h in curated(NETWORKS, row["name"], "networks.csv").hosts:
                host_sources.setdefault(h, []).extend(self.src(row["source_url"]))
                host_cells.setdefault(h, []).append(
                    f"Host organisation of {strip_parentheses(row['name'])}: {row['host_organisation']}."
                )
        for h in sorted(host_sources):
            if h in NEW_ORGS:
                self.labels_new[f"organisation/{h}"] = (NEW_ORGS[h][0], NEW_ORGS[h][0])
                self.org(
                    h,
                    sorted(set(host_sources[h]), key=str),
                    " ".join(host_cells[h]),
                    file,
                    ("networks.csv", "host_organisation"),
                )
        self.w.section(file, "Networks (networks.csv), their regions and consortium memberships")
        merged: dict[str, dict[str, str]] = {}
        names: dict[str, list[str]] = {}
        for row in rows:
            slug = curated(NETWORKS, row["name"], "networks.csv").slug
            names.setdefault(slug, []).append(row["name"])
            if slug not in merged:
                merged[slug] = dict(row)
                continue
            for k, v in row.items():  # a second row for one network: keep both values
                old = merged[slug][k]
                if v and v != old:
                    merged[slug][k] = f"{old} ; {v}" if k == "source_url" else f"{old} | {v}"
        for slug, row in merged.items():
            n: Net = NETWORKS[names[slug][0]]
            row["source_url"] = " ; ".join(dict.fromkeys(urls(row["source_url"])))
            if len(names[slug]) > 1:
                row["supraregion"] = row["supraregion"].split(" | ")[0]
            sources = self.src(row["source_url"])
            subject = iri(f"network/{n.slug}")
            seed = (subject, RDF.type, None) in self.existing
            label = n.label or self.label(f"network/{n.slug}")
            self.labels_new[f"network/{n.slug}"] = (label, self.label(f"network/{n.slug}", "en") if seed else label)
            provinces = self.provinces_of(row["province"], sources)
            region = iri(f"region/{n.slug}")  # for Zeeland this is the province itself
            if seed:
                seed_region = self.existing.value(subject, ez("region"))
                region = seed_region if isinstance(seed_region, URIRef) else region
            cells = [("networks.csv", k, row[k]) for k in ("name", "province", "area", "host_organisation")]
            notes, unsure = unsure_notes(cells)
            area_nl, area_en = redact(row["area"], "nl"), redact(row["area"])
            host_nl = redact(row["host_organisation"], "nl") or "niet vermeld"
            host_en = redact(row["host_organisation"]) or "not stated"
            count = f" ({n.count} netwerken)" if n.count else ""
            count_en = f" ({n.count} networks)" if n.count else ""
            e = Entity(subject).add(RDF.type, ez("Network")).add(RDFS.label, *both(label))
            alts: list[str] = []
            if seed:
                alts += [strip_parentheses(name) for name in names[slug]]
            alts += spelling_variants(label)
            for alt in dict.fromkeys(alts):
                if alt != label:
                    e.add(SKOS.altLabel, nl(alt))
            e.add(ez("level"), LEVEL_REGIONAL)
            if n.count:
                e.add(ez("networkCount"), Literal(n.count))
            e.add(ez("region"), region)
            e.add(ez("host"), *[iri(f"organisation/{h}") for h in n.hosts])
            e.add(
                DCTERMS.description,
                nl(
                    f"Netwerk palliatieve zorg{count} in {row['province']}. Werkgebied: {area_nl or 'niet vermeld'}. "
                    f"Penvoerder: {host_nl}."
                ),
                en(
                    f"Palliative-care network{count_en} in {row['province']}. Area: {area_en or 'not stated'}. "
                    f"Host organisation: {host_en}."
                ),
            )
            if unsure and not seed:
                e.add(ez("certainty"), Literal("onzeker"))
            e.add(SKOS.editorialNote, *notes)
            if n.note_nl:
                e.add(SKOS.editorialNote, nl(n.note_nl), en(n.note_en))
            e.add(DCTERMS.source, *sources)
            self.w.emit(file, e, "network")
            if n.slug not in PROVINCES.values():
                r = Entity(region).add(RDF.type, ez("Region")).add(RDFS.label, *both(n.region_label or label))
                r.add(ez("regionType"), iri("region-type/netwerkregio"))
                r.add(ez("withinRegion"), provinces[0] if provinces else None)
                r.add(
                    DCTERMS.description,
                    nl(f"Netwerkregio van {label}: {area_nl or row['province']}."),
                    en(f"Network region of {label}: {area_en or row['province']}."),
                )
                r.add(DCTERMS.source, *sources)
                self.w.emit(file, r, "region")
            supra = row["supraregion"]
            if supra:
                key = supra.replace(UNSURE, "").strip()
                consortium = curated(SUPRA, key, "networks.csv supraregion")
                m_notes, m_unsure = unsure_notes([("networks.csv", "supraregion", supra)])
                self.membership(
                    file,
                    f"network/{n.slug}",
                    f"collaboration/{consortium}",
                    sources,
                    m_notes,
                    m_unsure,
                    "network membership",
                )

    # -- ROAZ -----------------------------------------------------------------------------------------------

    def roaz(self) -> None:
        rows = read(self.folder, "roaz_regions.csv")
        file = "reference-roaz"
        self.w.section(file, "Lead organisations not described elsewhere")
        for row in rows:
            r: Roaz = curated(ROAZ, row["name"], "roaz_regions.csv")
            if r.host == "etz":
                self.labels_new["organisation/etz"] = ("Elisabeth-TweeSteden Ziekenhuis",) * 2
                self.org(
                    "etz",
                    self.src(row["source_url"]),
                    f"Hospital. {row['lead_organisation']}.",
                    file,
                    ("roaz_regions.csv", "lead_organisation"),
                )
        self.w.section(file, "Acute-care (ROAZ) regions (roaz_regions.csv), their regions and LNAZ membership")
        lnaz = self.src("https://www.lnaz.nl/acute-zorg/deelnemers")
        for row in rows:
            r = ROAZ[row["name"]]
            sources = self.src(row["source_url"])
            subject = iri(f"collaboration/{r.slug}")
            cells = [("roaz_regions.csv", k, row[k]) for k in ("name", "lead_organisation", "provinces")]
            notes, unsure = unsure_notes(cells)
            self.provinces_of(row["provinces"], sources)
            if (subject, RDF.type, None) in self.existing:
                self.w.emit(file, Entity(subject).add(DCTERMS.source, *sources))
            else:
                self.labels_new[f"collaboration/{r.slug}"] = (r.label, r.label)
                e = Entity(subject).add(RDF.type, ez("AcuteCareNetwork")).add(RDFS.label, *both(r.label))
                if r.abbreviation:
                    e.add(ez("abbreviation"), Literal(r.abbreviation))
                e.add(ez("level"), LEVEL_SUPRA).add(ez("region"), iri(f"region/{r.slug}"))
                e.add(ez("host"), iri(f"organisation/{r.host}"))
                e.add(
                    DCTERMS.description,
                    nl(r.description_nl),
                    en(
                        f"Acute-care network {row['name']}; lead organisation {row['lead_organisation']}; "
                        f"provinces: {row['provinces']}."
                    ),
                )
                if unsure:
                    e.add(ez("certainty"), Literal("onzeker"))
                e.add(SKOS.editorialNote, *notes)
                e.add(
                    SKOS.editorialNote,
                    nl("ez:host geeft de 'lead_organisation' uit roaz_regions.csv weer."),
                    en("ez:host renders the 'lead_organisation' of roaz_regions.csv."),
                )
                e.add(DCTERMS.source, *sources)
                self.w.emit(file, e, "acute-care network")
                g = Entity(iri(f"region/{r.slug}")).add(RDF.type, ez("Region")).add(RDFS.label, *both(r.label))
                g.add(ez("regionType"), iri("region-type/acute-zorgregio"))
                g.add(ez("withinRegion"), iri(f"region/{r.within}") if r.within else None)
                g.add(
                    DCTERMS.description,
                    nl(f"Werkgebied van {r.label}: {row['provinces']}."),
                    en(f"Area of {r.label}: {row['provinces']}."),
                )
                if UNSURE in row["provinces"]:
                    g.add(ez("certainty"), Literal("onzeker"))
                    g.add(SKOS.editorialNote, *unsure_notes([("roaz_regions.csv", "provinces", row["provinces"])])[0])
                g.add(DCTERMS.source, *sources)
                self.w.emit(file, g, "region")
            self.membership(file, f"collaboration/{r.slug}", "organisation/lnaz", lnaz)

    # -- Kwaliteitskader -------------------------------------------------------------------------------------

    def kwaliteitskader(self) -> None:
        rows = read(self.folder, "kwaliteitskader.csv")
        file = "reference-kwaliteitskader"
        schemes = {
            "domein": (
                "kwaliteitskader-domein",
                "domeinen van het Kwaliteitskader Palliatieve Zorg Nederland",
                "domains of the Quality Framework for Palliative Care in the Netherlands",
                "De tien domeinen van het Kwaliteitskader Palliatieve Zorg Nederland (IKNL/Palliactief, 2017), "
                "elk met inleiding, standaarden en criteria. Domeinen 7-9: naam niet gevonden.",
                "The ten domains of the Quality Framework for Palliative Care in the Netherlands "
                "(IKNL/Palliactief, 2017), each with an introduction, standards and criteria. Domains 7-9: name "
                "not found.",
            ),
            "kernelement": (
                "kwaliteitskader-kernelement",
                "kernelementen (Engelstalige kadertabel)",
                "core elements (English framework table)",
                "Kernelementen uit een Engelstalige tabel van het kader (BMC Palliative Care, 2023); "
                "kernelementen 5-9 waren niet zichtbaar.",
                "Core elements from an English table of the framework (BMC Palliative Care, 2023); core "
                "elements 5-9 were not visible.",
            ),
        }
        self.w.section(file, "Concept schemes")
        for seg, snl, sen, dnl, den in schemes.values():
            e = Entity(iri(f"scheme/{seg}")).add(RDF.type, SKOS.ConceptScheme).add(SKOS.prefLabel, nl(snl), en(sen))
            e.add(SKOS.definition, nl(dnl), en(den)).add(
                RDFS.seeAlso, iri("framework/kwaliteitskader-palliatieve-zorg")
            )
            self.w.emit(file, e, "concept scheme")
        self.w.section(file, "Domains and core elements (kwaliteitskader.csv)")
        for row in rows:
            number = row["domain_number"]
            if number in KWALITEITSKADER_SKIPPED:
                continue
            slug, scheme_key, label_nl, label_en, def_nl = curated(KWALITEITSKADER, number, "kwaliteitskader.csv")
            seg = schemes[scheme_key][0]
            scheme = iri(f"scheme/{seg}")
            e = Entity(iri(f"{seg}/{slug}")).add(RDF.type, SKOS.Concept).add(SKOS.inScheme, scheme)
            e.add(SKOS.topConceptOf, scheme)
            e.add(SKOS.prefLabel, nl(label_nl), en(label_en))
            e.add(SKOS.notation, Literal(number.removeprefix("CE-")))
            e.add(SKOS.definition, nl(def_nl), en(row["summary"]))
            cells = [
                ("kwaliteitskader.csv", "domain_name_nl", row["domain_name_nl"]),
                ("kwaliteitskader.csv", "summary", row["summary"]),
            ]
            notes, unsure = unsure_notes(cells)
            if unsure or not row["domain_name_nl"]:
                e.add(ez("certainty"), Literal("onzeker")).add(SKOS.editorialNote, *notes)
            if not row["source_url"]:  # domains 7-9: only their existence is sourced ('een tiental domeinen')
                row["source_url"] = KWALITEITSKADER_TEN_DOMAINS
                e.add(
                    SKOS.editorialNote,
                    nl("Alleen het bestaan van dit domein is gedocumenteerd: het kader omvat 'een tiental domeinen'."),
                    en("Only the existence of this domain is documented: the framework has 'some ten domains'."),
                )
            e.add(DCTERMS.source, *self.src(row["source_url"]))
            self.w.emit(file, e, "concept")

    # -- all ------------------------------------------------------------------------------------------------

    def build(self) -> dict[str, str]:
        self.actors()
        self.consortia()
        self.networks()
        self.roaz()
        self.kwaliteitskader()
        self.emit_provinces()
        self.w.section("reference-sources", "Web source documents (one per reference URL not described elsewhere)")
        for e in self.src.entities():
            self.w.emit("reference-sources", e, "source document")
        counts = ", ".join(f"{n} {k}" for k, n in sorted(self.w.counts.items()))
        header = HEADER.replace("{counts}", counts)
        return {name: self.w.text(name, header.replace("{file}", name)) for name in OUT_FILES}


HEADER = """\
# ecosysteem — {file}.ttl: national reference data. GENERATED by tools/make_reference.py from the public
# reference tables (shared/reference/*.csv); do not edit by hand — change the tables or the curation entries in
# the tool and regenerate. Every entity cites the web pages of its row (dcterms:source → ez:SourceDocument with
# schema:url). A cell marked (?) gives ez:certainty "onzeker" and a skos:editorialNote quoting it; an empty cell
# gives nothing (no guessed consortium, host or name). Entities with a home file elsewhere (national.ttl, the
# seeds) only get the facts they lack, in blocks marked "supplement". Names of private persons are left out.
#
# New entities over all reference-*.ttl files: {counts}."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("reference", nargs="?", type=Path, default=DEFAULT_REFERENCE)
    parser.add_argument("--out", type=Path, default=ROOT / "datasets", help="folder to write to (default: datasets/)")
    parser.add_argument("--check", action="store_true", help="compare with the files in --out; write nothing")
    args = parser.parse_args(argv)
    texts = Builder(args.reference).build()
    if args.check:
        stale = [
            n
            for n, t in texts.items()
            if not (args.out / f"{n}.ttl").is_file() or (args.out / f"{n}.ttl").read_text(encoding="utf-8") != t
        ]
        for n in stale:
            print(f"make_reference: datasets/{n}.ttl is out of date", file=sys.stderr)
        return 1 if stale else 0
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        tmp = args.out / f".{name}.ttl.tmp"
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(args.out / f"{name}.ttl")
    print(f"make_reference: wrote {', '.join(f'{n}.ttl' for n in texts)} to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
