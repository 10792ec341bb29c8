"""The national reference data (datasets/reference-*.ttl, national.ttl): connected levels, sources, uncertainty."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import networkx as nx
import pytest
from rdflib import Literal, URIRef

from ecosysteem.analysis.network import level_graph, reaches_national
from ecosysteem.analysis.queries import run_query
from ecosysteem.graph import Ecosystem
from ecosysteem.vocab import DCTERMS, EZ, ID, ORG, RDF, RDFS, SKOS

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT.parent / "shared" / "reference"
SCHEMA_URL = URIRef("https://schema.org/url")
SEED_NETWORKS = ["twente", "ijssel-vecht-en-noordoost-overijssel", "utrecht-stad", "zuidoost-utrecht"]
CONSORTIA = ["ligare", "septet", "noord-holland-en-flevoland", "propallia", "zuidwest-nederland",
             "limburg-zuidoost-brabant", "zuid-oost"]  # fmt: skip


def _tool(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class body runs
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def levels(eco: Ecosystem) -> nx.DiGraph:
    return level_graph(eco)


@pytest.mark.parametrize("network", SEED_NETWORKS)
def test_every_seed_network_reaches_a_consortium_and_the_national_level(
    eco: Ecosystem, levels: nx.DiGraph, network: str
) -> None:
    node = str(ID[f"network/{network}"])
    supra = [n for n in levels.successors(node) if (URIRef(n), RDF.type, EZ.SupraRegionalCollaboration) in eco.graph]
    assert supra, f"{network} is member of no supra-regional collaboration"
    assert reaches_national(levels, node)
    assert all(reaches_national(levels, s) for s in supra)


def test_seed_networks_are_not_duplicated(eco: Ecosystem) -> None:
    """The reference rows for the seeds' networks land on the seeds' IRIs, not on look-alike new nodes."""
    labels = {
        str(lbl).casefold(): str(s)
        for s in eco.graph.subjects(RDF.type, EZ.Network)
        for lbl in eco.graph.objects(s, RDFS.label)
    }
    for name in ("twente", "utrecht stad", "zuidoost-utrecht", "ijssel-vecht"):
        holders = {s for label, s in labels.items() if name in label}
        assert len(holders) == 1, (name, holders)
    ijssel = ID["network/ijssel-vecht-en-noordoost-overijssel"]
    assert {str(a) for a in eco.graph.objects(ijssel, SKOS.altLabel)} == {
        "Netwerk Palliatieve Zorg IJssel-Vecht",
        "Netwerk Palliatieve Zorg Noordoost Overijssel",
    }


def test_every_reference_network_is_there(eco: Ecosystem) -> None:
    # networks.csv has 45 rows; the two IJssel-Vecht / Noordoost-Overijssel rows are one network (seed 001)
    networks = set(eco.graph.subjects(RDF.type, EZ.Network))
    assert len(networks) == 44
    for network in networks:
        assert eco.graph.value(network, EZ.region) is not None, network
        assert any((s, SCHEMA_URL, None) in eco.graph for s in eco.graph.objects(network, DCTERMS.source)), network
    counts = {str(n).rsplit("/", 1)[-1]: int(c) for n, c in eco.graph.subject_objects(EZ.networkCount)}
    assert counts == {
        "twente": 3,
        "drenthe-steenwijkerland": 4,
        "limburg-en-zuidoost-brabant": 7,
        "netwerken-integrale-kindzorg": 7,
    }


@pytest.mark.parametrize("consortium", CONSORTIA)
def test_the_seven_consortia_meet_in_loco(eco: Ecosystem, levels: nx.DiGraph, consortium: str) -> None:
    node = ID[f"collaboration/{consortium}"]
    assert (node, RDF.type, EZ.SupraRegionalCollaboration) in eco.graph
    assert eco.graph.value(node, EZ.level) == ID["level/bovenregionaal"]
    assert (eco.graph.value(node, EZ.host), RDF.type, EZ.Organisation) in eco.graph
    assert str(ID["collaboration/loco"]) in levels.successors(str(node))
    assert eco.graph.value(ID["collaboration/loco"], EZ.level) == ID["level/landelijk"]


def test_unknown_consortium_is_a_gap_not_a_guess(eco: Ecosystem) -> None:
    """Networks whose supra-region the reference leaves empty have no membership, so the gap query finds them."""
    rows = run_query(eco, "networks-without-supraregion")
    assert sorted(str(r[0]).rsplit("/", 1)[-1] for r in rows) == [  # type: ignore[index]
        "arnhem-de-liemers",
        "gooi-en-vechtstreek",
        "oost-veluwe",
        "oss-meierijstad-maashorst",
        "s-hertogenbosch-bommelerwaard",
    ]
    assert list(run_query(eco, "supraregions-without-national-link")) == []


@pytest.mark.parametrize(
    ("subject", "quoted"),
    [
        ("membership/noord-kennemerland--noord-holland-en-flevoland", "Noord-Holland en Flevoland (?)"),
        ("membership/eemland--septet", "Septet (?)"),
        ("membership/helmond--limburg-zuidoost-brabant", "Limburg-Zuidoost Brabant (?)"),
        ("network/noord-groningen", "exact name (?)"),
        ("collaboration/zuid-oost", "exact current name (?)"),
        ("collaboration/netwerk-acute-zorg-midden-nederland", "exact network name (?)"),
        ("organisation/palliactief", "appears to be the body meant (?)"),
        ("kwaliteitskader-domein/domein-5", "Sociale dimensie (?)"),
    ],
)
def test_uncertain_cells_stay_marked_and_quoted(eco: Ecosystem, subject: str, quoted: str) -> None:
    node = ID[subject]
    assert (node, EZ.certainty, Literal("onzeker")) in eco.graph
    notes = [str(n) for n in eco.graph.objects(node, SKOS.editorialNote)]
    assert any(quoted in n for n in notes), notes


def test_certain_membership_is_not_marked(eco: Ecosystem) -> None:
    node = ID["membership/haaglanden--propallia"]
    assert (node, ORG.organization, ID["collaboration/propallia"]) in eco.graph
    assert eco.graph.value(node, EZ.certainty) is None


def test_kwaliteitskader_domains(eco: Ecosystem) -> None:
    domains = eco.concepts("kwaliteitskader-domein")
    assert len(domains) == 10
    assert all(d.label_nl and d.label_en for d in domains)
    scheme = ID["scheme/kwaliteitskader-domein"]
    unsure = {
        str(c).rsplit("/", 1)[-1]
        for c in eco.graph.subjects(SKOS.inScheme, scheme)
        if (c, EZ.certainty, Literal("onzeker")) in eco.graph
    }
    assert unsure == {"domein-5", "domein-7", "domein-8", "domein-9"}
    assert len(eco.concepts("kwaliteitskader-kernelement")) == 4


def test_reference_sources_have_urls(eco: Ecosystem) -> None:
    reference = list((ROOT / "datasets").glob("reference-*.ttl"))
    assert len(reference) == 5
    from rdflib import Graph

    cited: set[URIRef] = set()
    for path in reference:
        g = Graph().parse(path)
        cited |= {o for o in g.objects(None, DCTERMS.source) if isinstance(o, URIRef)}
    assert len(cited) > 60
    missing = [str(s) for s in cited if eco.graph.value(s, SCHEMA_URL) is None and "/source/seed-" not in str(s)]
    assert missing == []


def test_no_private_person_names_from_the_reference_tables(eco: Ecosystem) -> None:
    names = _tool("make_reference").PERSON_NAMES
    texts = [str(o) for o in eco.graph.objects() if isinstance(o, Literal)]
    assert [n for n in names if any(n in t for t in texts)] == []


def test_organisation_type_table_covers_every_reference_row(eco: Ecosystem) -> None:
    table = _tool("make_vocabularies").ORGANISATION_TYPES_CSV
    assert len(table) == 31
    for row, concept in table.items():
        if not concept.startswith("-"):
            assert (ID[f"organisation-type/{concept}"], SKOS.inScheme, None) in eco.graph, row


@pytest.mark.skipif(not REFERENCE.is_dir(), reason="the reference tables live outside the repository")
def test_generated_files_match_the_reference_tables() -> None:
    """Rerunning tools/make_reference.py on the tables gives the committed files, byte for byte."""
    assert _tool("make_reference").main([str(REFERENCE), "--check"]) == 0
