"""Exchange formats, each read back with a real reader: networkx (GraphML, GEXF), csv, json (Kumu), FHIR checks."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import URIRef

import ecosysteem
from ecosysteem._iri import BASE
from ecosysteem.analysis.metrics import centrality
from ecosysteem.analysis.network import bipartite_graph, collaboration_graph
from ecosysteem.cli import cli
from ecosysteem.errors import OutputError
from ecosysteem.graph import Ecosystem
from ecosysteem.graph.convert import entities, index_entities, model_class_for, to_graph
from ecosysteem.io import (
    TABLE_CLASSES,
    exchange_graph,
    fhir_id,
    to_csv_tables,
    to_fhir_bundle,
    to_gexf,
    to_graphml,
    to_kumu,
    write_csv,
    write_exchange,
)
from ecosysteem.io.fhir import SYSTEM_AGB, SYSTEM_IRI, SYSTEM_KVK, SYSTEM_URA, to_fhir_json
from ecosysteem.io.graphs import gexf_lines, graphml_lines
from ecosysteem.model import MODEL_CLASSES, Collaboration, Concept, Group, Membership, Organisation, Region

PREFIXES_TTL = (Path(__file__).parent / "conftest.py").read_text(encoding="utf-8").split('"""')[3]
TWENTE = "https://w3id.org/ecosysteem/id/network/twente"
ZGT = "https://w3id.org/ecosysteem/id/organisation/zgt"
NODE_ATTRIBUTES = {"label", "label_en", "kind", "type", "level", "level_label", "org_type", "degree", "betweenness"}


# -- GraphML and GEXF ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def expected(eco: Ecosystem) -> dict[str, nx.Graph]:
    return {"collaboration": collaboration_graph(eco), "bipartite": bipartite_graph(eco)}


@pytest.mark.parametrize("projection", ["collaboration", "bipartite"])
@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graph_formats_read_back_with_networkx(
    eco: Ecosystem, expected: dict[str, nx.Graph], tmp_path: Path, fmt: str, projection: Any
) -> None:
    path = tmp_path / f"eco.{fmt}"
    write_exchange(eco, fmt, path, projection)
    G = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    source = expected[projection]
    assert set(G.nodes) == set(source.nodes)
    assert G.number_of_edges() == source.number_of_edges()
    metrics = {row["node"]: row for row in centrality(source)}
    for node, data in G.nodes(data=True):
        assert set(data) >= NODE_ATTRIBUTES, node
        assert data["label"] == source.nodes[node]["label"]
        assert int(data["degree"]) == metrics[node]["degree"]
        assert float(data["betweenness"]) == pytest.approx(metrics[node]["betweenness"])


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graph_attributes_of_a_known_network(eco: Ecosystem, tmp_path: Path, fmt: str) -> None:
    text = to_graphml(eco) if fmt == "graphml" else to_gexf(eco)
    path = tmp_path / f"eco.{fmt}"
    path.write_text(text, encoding="utf-8")
    G = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    twente = G.nodes[TWENTE]
    assert twente["type"] == "Network" and twente["kind"] == "network"
    assert twente["level"] == "level/regionaal" and twente["level_label"] == eco.label(
        "https://w3id.org/ecosysteem/id/level/regionaal"
    )
    assert twente["label"] == eco.get(TWENTE).label_nl
    zgt = G.nodes[ZGT]
    assert zgt["org_type"] == "organisation-type/ziekenhuis" and "Twente" in zgt["network_labels"]
    assert max(float(d["betweenness"]) for _n, d in G.nodes(data=True)) > 0
    edge = next(iter(G.edges(data=True)))[2]
    assert int(edge["weight"]) >= 1 and edge["via"]


def _networkx_graphml(G: nx.Graph) -> str:
    """What networkx's own writer makes of ``G``: the document the streamed writer must reproduce."""
    buffer = io.BytesIO()
    nx.write_graphml(G, buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue().decode("utf-8")


@pytest.mark.parametrize("projection", ["collaboration", "bipartite"])
def test_graphml_is_networkx_s_document_byte_for_byte(eco: Ecosystem, projection: Any) -> None:
    G = exchange_graph(eco, projection)
    assert "".join(graphml_lines(G)) == _networkx_graphml(G)
    assert to_graphml(eco, projection) == _networkx_graphml(G)


@pytest.mark.parametrize("projection", ["collaboration", "bipartite"])
def test_exchange_graph_labels_and_types_are_those_of_the_graph(
    store_eco: Ecosystem, expected: dict[str, nx.Graph], projection: Any
) -> None:
    """Labels through the index, types from the bulk rdf:type: what Ecosystem.label and model_class_for say."""
    eco = store_eco
    G = exchange_graph(eco, projection)
    assert set(G.nodes) == set(expected[projection].nodes)

    def label(iri: str) -> str:
        return eco.label(iri, "nl") if iri else ""

    def _full(short: str) -> str:
        return short if short.startswith(("http:", "https:", "urn:")) else BASE + short

    for node, data in G.nodes(data=True):
        cls = model_class_for(eco.graph, URIRef(node))
        assert data["type"] == (cls.__name__ if cls else ""), node
        assert data["label"] == eco.label(node, "nl") and data["label_en"] == eco.label(node, "en")
        networks = data["networks"].split("; ") if data["networks"] else []
        assert data["network_labels"] == "; ".join(label(_full(n)) for n in networks)
        for key in ("level", "org_type", "line"):
            assert data[f"{key}_label"] == label(_full(data[key]) if data[key] else ""), (node, key)
    for _a, _b, data in G.edges(data=True):
        via = data["via"].split("; ") if data.get("via") else []
        assert data.get("via_labels", "") == "; ".join(label(_full(v)) for v in via)


# Any text at all, surrogates and control characters included: what XML cannot hold becomes U+FFFD.
ANY_TEXT = st.text(alphabet=st.characters(blacklist_categories=()), max_size=30)
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml(text: str) -> str:
    """``text`` as an XML document can hold it: characters XML cannot hold become U+FFFD."""
    return NOT_XML.sub("\ufffd", text)


@settings(max_examples=150, deadline=None)
@given(st.lists(ANY_TEXT, min_size=1, max_size=4), ANY_TEXT)
def test_graphml_of_hostile_text_reads_back(labels: list[str], name: str) -> None:
    G = nx.Graph()
    for i, text in enumerate(labels):
        G.add_node(f"{i}:{text}", label=text, weight=i)
    G.add_edge(f"0:{labels[0]}", f"{len(labels) - 1}:{labels[-1]}", via=name)
    document = "".join(graphml_lines(G))
    back = nx.read_graphml(io.BytesIO(document.encode("utf-8")))

    assert {xml(n) for n in G.nodes} == set(back.nodes)
    for i, text in enumerate(labels):
        data = back.nodes[xml(f"{i}:{text}")]
        assert data.get("label", "") == xml(text) and data["weight"] == i
    assert next(iter(back.edges(data=True)))[2].get("via", "") == xml(name)
    if not any(NOT_XML.search(t) or "\r" in t for t in [*labels, name]):
        assert document == _networkx_graphml(G)  # nothing to repair: networkx's own bytes


def _networkx_gexf(G: nx.Graph) -> str:
    buffer = io.BytesIO()
    nx.write_gexf(G, buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue().decode("utf-8")


def _without_meta(document: str) -> str:
    return re.sub(r"<meta .*?</meta>", "<meta />", document, count=1, flags=re.DOTALL)


@pytest.mark.parametrize("projection", ["collaboration", "bipartite"])
def test_gexf_is_networkx_s_document_but_for_the_writer(eco: Ecosystem, projection: Any) -> None:
    G = exchange_graph(eco, projection)
    ours = "".join(gexf_lines(G))
    assert _without_meta(ours) == _without_meta(_networkx_gexf(G)) != ours
    assert "<creator>ecosysteem</creator>" in ours


@settings(max_examples=100, deadline=None)
@given(st.lists(ANY_TEXT, min_size=1, max_size=4), ANY_TEXT, st.floats(allow_nan=False) | st.booleans())
def test_gexf_of_hostile_text_reads_back(labels: list[str], name: str, number: float | bool) -> None:
    G = nx.Graph()
    for i, text in enumerate(labels):
        G.add_node(f"{i}:{text}", label=text, name=name, number=number)
    G.add_edge(f"0:{labels[0]}", f"{len(labels) - 1}:{labels[-1]}", weight=len(labels), via=name)
    document = "".join(gexf_lines(G))
    back = nx.read_gexf(io.BytesIO(document.encode("utf-8")))

    assert {xml(n) for n in G.nodes} == set(back.nodes)
    for i, text in enumerate(labels):
        data = back.nodes[xml(f"{i}:{text}")]
        assert data["label"] == xml(text) and data["name"] == xml(name) and data["number"] == number
    edge = next(iter(back.edges(data=True)))[2]
    assert edge["via"] == xml(name) and edge["weight"] == len(labels)
    if not any(NOT_XML.search(t) for t in [*labels, name]):
        assert _without_meta(document) == _without_meta(_networkx_gexf(G))


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_hostile_labels_survive_the_graph_formats(tmp_path: Path, fmt: str) -> None:
    from hostile import HOSTILE_TTL

    path = tmp_path / "hostile.ttl"
    path.write_text(PREFIXES_TTL + HOSTILE_TTL, encoding="utf-8")
    eco = ecosysteem.load(path, defaults=False)
    target = write_exchange(eco, fmt, tmp_path / f"hostile.{fmt}")
    G = nx.read_graphml(target) if fmt == "graphml" else nx.read_gexf(target)
    evil = "https://w3id.org/ecosysteem/id/collaboration/evil"
    assert G.nodes[evil]["label"] == eco.label(evil) == "Consortium \"Quote\" 'single' & <b>bold</b>"
    assert G.nodes["https://w3id.org/ecosysteem/id/network/evil"]["label"] == "<script>alert(1)</script> Netwerk"


@pytest.mark.parametrize("store", ["memory", "oxigraph"])
def test_labels_agree_when_a_node_has_several_in_one_language(tmp_path: Path, store: str) -> None:
    path = tmp_path / "labels.ttl"
    path.write_text(
        PREFIXES_TTL
        + """
        <https://w3id.org/ecosysteem/id/organisation/a> a ez:Organisation ;
            rdfs:label "Zeta, a name long enough to be stored apart"@nl ;
            rdfs:label "Alfa, a name long enough to be stored apart"@nl .
        <https://w3id.org/ecosysteem/id/organisation/b> a ez:Organisation ; rdfs:label "Bee"@en, "Aa"@de .
        <https://w3id.org/ecosysteem/id/activity/x> a ez:Activity ; rdfs:label "Overleg"@nl ;
            ez:participant <https://w3id.org/ecosysteem/id/organisation/a> ;
            ez:participant <https://w3id.org/ecosysteem/id/organisation/b> .
        """,
        encoding="utf-8",
    )
    eco = ecosysteem.load(path, defaults=False, store=store)
    G = exchange_graph(eco)
    for node in ("https://w3id.org/ecosysteem/id/organisation/a", "https://w3id.org/ecosysteem/id/organisation/b"):
        assert G.nodes[node]["label"] == eco.label(node, "nl") == eco.index().label(node, "nl")
    assert G.nodes["https://w3id.org/ecosysteem/id/organisation/a"]["label"].startswith("Alfa")
    assert G.nodes["https://w3id.org/ecosysteem/id/organisation/b"]["label"] == "Aa"


def test_exchange_graph_rejects_an_unknown_projection(eco: Ecosystem) -> None:
    with pytest.raises(ValueError, match="unknown projection"):
        exchange_graph(eco, "everything")  # type: ignore[arg-type]


# -- CSV ---------------------------------------------------------------------------------------------------------


def _read_tables(files: dict[str, str]) -> dict[str, list[dict[str, str]]]:
    return {name: list(csv.DictReader(io.StringIO(text))) for name, text in files.items()}


def test_csv_has_one_table_per_class_with_every_entity(eco: Ecosystem) -> None:
    tables = _read_tables(to_csv_tables(eco))
    assert set(tables) == {f"{c.iri_kind}.csv" for c in TABLE_CLASSES}
    for cls in TABLE_CLASSES:
        rows = tables[f"{cls.iri_kind}.csv"]
        assert [r["id"] for r in rows] == [
            e.id.removeprefix("https://w3id.org/ecosysteem/id/") for e in eco.entities(cls)
        ]
    zgt = next(r for r in tables["organisation.csv"] if r["id"] == "organisation/zgt")
    assert zgt["label_nl"] == eco.get(ZGT).label_nl and zgt["organisation_type"] == "organisation-type/ziekenhuis"
    assert zgt["class"] == "Organisation"
    assert "Network" in {r["class"] for r in tables["collaboration.csv"]}
    assert "network_count" in tables["collaboration.csv"][0]  # a subclass's own field gets a column too
    member = next(r for r in tables["membership.csv"] if r["id"] == "membership/twente--ligare")
    assert member["member"] == "network/twente" and member["organization"] == "collaboration/ligare"


@pytest.mark.parametrize("target", ["tabellen.zip", "tabellen"])
def test_csv_is_written_as_zip_or_folder(eco: Ecosystem, tmp_path: Path, target: str) -> None:
    path = write_csv(eco, tmp_path / target)
    if target.endswith(".zip"):
        with zipfile.ZipFile(path) as archive:
            files = {n: archive.read(n).decode("utf-8") for n in archive.namelist()}
    else:
        files = {p.name: p.read_text(encoding="utf-8") for p in path.iterdir()}
    assert _read_tables(files) == _read_tables(to_csv_tables(eco))
    assert [p.name for p in tmp_path.iterdir()] == [target]  # no temporary file left behind


def test_csv_refuses_a_folder_that_holds_files(eco: Ecosystem, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "mine.txt").write_text("keep me")
    with pytest.raises(OutputError, match="not an empty folder"):
        write_csv(eco, folder)
    assert [p.name for p in folder.iterdir()] == ["mine.txt"]


def test_csv_tables_are_the_same_on_every_store(eco: Ecosystem, memory_eco: Ecosystem) -> None:
    assert to_csv_tables(eco) == to_csv_tables(memory_eco)


# -- reading the models in bulk (what the CSV tables and the FHIR bundle are made of) --------------------------------


@pytest.mark.parametrize("bulk", [True, False], ids=["bulk", "one-by-one"])
@pytest.mark.parametrize("cls", [*MODEL_CLASSES, Concept], ids=lambda c: c.__name__)
def test_index_entities_are_the_models_of_the_graph(
    store_eco: Ecosystem, cls: type[Any], bulk: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bulk reader gives what from_graph reads subject by subject (through rdflib), on every store."""
    monkeypatch.setattr("ecosysteem.graph.convert.BULK_AFTER", 0 if bulk else 10**9)
    assert index_entities(store_eco.index(), cls) == entities(store_eco.graph, cls) == store_eco.entities(cls)


@pytest.mark.parametrize("bulk", [True, False], ids=["bulk", "one-by-one"])
def test_index_entities_of_any_models(bulk: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    from test_model_roundtrip import model_strategy

    monkeypatch.setattr("ecosysteem.graph.convert.BULK_AFTER", 0 if bulk else 10**9)
    classes = [Organisation, Membership, Region, *[c for c in MODEL_CLASSES if issubclass(c, Collaboration)]]
    models = st.lists(st.sampled_from(classes).flatmap(model_strategy), min_size=1, max_size=4)

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(models)
    def check(found: list[Any]) -> None:
        reference = to_graph(found)  # rdflib in memory, read subject by subject
        eco = Ecosystem(store="oxigraph")
        eco.store.add_triples(iter(reference))
        for cls in {type(m) for m in found}:
            assert index_entities(eco.index(), cls) == entities(reference, cls)

    check()


# -- Kumu --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("projection", ["collaboration", "bipartite"])
def test_kumu_blueprint_reads_back(eco: Ecosystem, expected: dict[str, nx.Graph], projection: Any) -> None:
    text = json.dumps(to_kumu(eco, projection), ensure_ascii=False)
    blueprint = json.loads(text)
    elements, connections = blueprint["elements"], blueprint["connections"]
    labels = [e["label"] for e in elements]
    assert len(labels) == len(set(labels)) == expected[projection].number_of_nodes()
    assert len(connections) == expected[projection].number_of_edges()
    assert all(c["from"] in labels and c["to"] in labels for c in connections)
    by_iri = {e["IRI"]: e for e in elements}
    assert by_iri[TWENTE]["type"] == "Netwerk" and by_iri[TWENTE]["Level"] == "regionaal"
    assert isinstance(by_iri[TWENTE]["Betweenness"], float) and by_iri[TWENTE]["Degree"] > 0


def test_kumu_makes_duplicate_labels_unique(small_graph: Any) -> None:
    eco = small_graph(
        """
        <https://w3id.org/ecosysteem/id/organisation/a> a ez:Organisation ; rdfs:label "Hospice"@nl .
        <https://w3id.org/ecosysteem/id/organisation/b> a ez:Organisation ; rdfs:label "Hospice"@nl .
        <https://w3id.org/ecosysteem/id/activity/x> a ez:Activity ; rdfs:label "Overleg"@nl ;
            ez:participant <https://w3id.org/ecosysteem/id/organisation/a> ;
            ez:participant <https://w3id.org/ecosysteem/id/organisation/b> .
        """
    )
    blueprint = to_kumu(eco)
    assert sorted(e["label"] for e in blueprint["elements"]) == ["Hospice (organisation/a)", "Hospice (organisation/b)"]
    assert blueprint["connections"][0]["from"] == "Hospice (organisation/a)"


def test_kumu_workbook_reads_back_with_openpyxl(eco: Ecosystem, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = write_exchange(eco, "kumu", tmp_path / "kumu.xlsx")
    book = load_workbook(path)
    assert book.sheetnames == ["Elements", "Connections"]
    rows = list(book["Elements"].values)
    elements = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    blueprint = to_kumu(eco)
    assert len(elements) == len(blueprint["elements"])
    assert [e["Label"] for e in elements] == [e["label"] for e in blueprint["elements"]]
    connections = list(book["Connections"].values)
    assert connections[0][:3] == ("From", "To", "Direction") and len(connections) - 1 == len(blueprint["connections"])


def test_kumu_workbook_keeps_formula_like_text_as_text(small_graph: Any, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    eco = small_graph(
        """
        <https://w3id.org/ecosysteem/id/organisation/a> a ez:Organisation ; rdfs:label "=HYPERLINK(\\"x\\")"@nl .
        <https://w3id.org/ecosysteem/id/organisation/b> a ez:Organisation ; rdfs:label "B"@nl .
        <https://w3id.org/ecosysteem/id/activity/x> a ez:Activity ; rdfs:label "Overleg"@nl ;
            ez:participant <https://w3id.org/ecosysteem/id/organisation/a> ;
            ez:participant <https://w3id.org/ecosysteem/id/organisation/b> .
        """
    )
    path = write_exchange(eco, "kumu", tmp_path / "kumu.xlsx")
    cells = [c for row in load_workbook(path)["Elements"].iter_rows() for c in row if c.value == '=HYPERLINK("x")']
    assert cells and all(c.data_type == "s" for c in cells)


# -- FHIR --------------------------------------------------------------------------------------------------------

ID_PATTERN = re.compile(r"[A-Za-z0-9\-.]{1,64}")
REQUIRED = {
    "Organization": ("id", "identifier", "name"),
    "OrganizationAffiliation": ("id", "identifier", "organization", "participatingOrganization"),
    "HealthcareService": ("id", "providedBy", "name"),
    "Location": ("id", "identifier", "name", "mode", "physicalType"),
}


def _references(value: Any) -> list[str]:
    if isinstance(value, dict):
        found = [value["reference"]] if isinstance(value.get("reference"), str) else []
        return found + [r for v in value.values() for r in _references(v)]
    if isinstance(value, list):
        return [r for v in value for r in _references(v)]
    return []


def check_bundle(bundle: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """A structural check of a FHIR R4 collection Bundle; returns the resources by ``Type/id``."""
    assert bundle["resourceType"] == "Bundle" and bundle["type"] == "collection"
    resources: dict[str, dict[str, Any]] = {}
    for entry in bundle["entry"]:
        resource = entry["resource"]
        kind = resource["resourceType"]
        assert kind in REQUIRED, kind
        assert ID_PATTERN.fullmatch(resource["id"]), resource["id"]
        key = f"{kind}/{resource['id']}"
        assert key not in resources, f"duplicate {key}"
        assert entry["fullUrl"].endswith("/" + key) and entry["fullUrl"].startswith("https://")
        resources[key] = resource
        for element in REQUIRED[kind]:
            assert resource.get(element) not in (None, "", []), f"{key} lacks {element}"
        for identifier in resource.get("identifier", []):
            assert re.match(r"^(https?|urn):", identifier["system"]) and identifier["value"]
        for coding in (
            c for cc in resource.get("type", []) + resource.get("category", []) for c in cc.get("coding", [])
        ):
            assert coding["system"].startswith("http") and coding["code"]
    for key, resource in resources.items():
        for reference in _references(resource):
            assert reference in resources, f"{key} refers to {reference}, which is not in the Bundle"
    return resources


def test_fhir_bundle_of_the_default_data(eco: Ecosystem) -> None:
    bundle = json.loads(json.dumps(to_fhir_bundle(eco)))
    resources = check_bundle(bundle)
    kinds = {key.split("/")[0] for key in resources}
    assert kinds == set(REQUIRED)
    organisations = [k for k in resources if k.startswith("Organization/")]
    expected_agents = len(eco.entities(Organisation)) + len(eco.entities(Collaboration)) + len(eco.entities(Group))
    assert len(organisations) == expected_agents
    assert len([k for k in resources if k.startswith("Location/")]) == len(eco.entities(Region))
    twente_ligare = resources[
        f"OrganizationAffiliation/{fhir_id('https://w3id.org/ecosysteem/id/membership/twente--ligare')}"
    ]
    assert twente_ligare["organization"]["reference"] == "Organization/collaboration-ligare"
    assert twente_ligare["participatingOrganization"]["reference"] == "Organization/network-twente"
    memberships = eco.entities(Membership)
    assert 0 < len([k for k in resources if k.startswith("OrganizationAffiliation/")]) <= len(memberships)
    service = resources["HealthcareService/service-zgt"]
    assert service["providedBy"]["reference"] == "Organization/organisation-zgt"
    assert service["coverageArea"] == [{"reference": "Location/region-twente"}]
    group = next(r for k, r in resources.items() if k.startswith("Organization/group-twente--"))
    assert group["partOf"]["reference"] == "Organization/network-twente"


def test_fhir_identifiers_and_membership_period(small_graph: Any) -> None:
    eco = small_graph(
        """
        <https://w3id.org/ecosysteem/id/network/proef> a ez:Network ; rdfs:label "Netwerk Proef"@nl ;
            ez:level <https://w3id.org/ecosysteem/id/level/regionaal> .
        <https://w3id.org/ecosysteem/id/organisation/hospice-proef> a ez:Organisation ; rdfs:label "Hospice Proef"@nl ;
            ez:organisationType <https://w3id.org/ecosysteem/id/organisation-type/hospice> ;
            ez:uraNumber "12345678" ; ez:agbCode "06123456" ; ez:kvkNumber "87654321" .
        <https://w3id.org/ecosysteem/id/membership/hospice-proef--proef> a org:Membership ; rdfs:label "lid"@nl ;
            org:member <https://w3id.org/ecosysteem/id/organisation/hospice-proef> ;
            org:organization <https://w3id.org/ecosysteem/id/network/proef> ;
            schema:startDate "2021"^^xsd:gYear ; schema:endDate "2024-12-31"^^xsd:date .
        """
    )
    resources = check_bundle(to_fhir_bundle(eco))
    hospice = resources["Organization/organisation-hospice-proef"]
    systems = {i["system"]: i["value"] for i in hospice["identifier"]}
    assert systems == {
        SYSTEM_IRI: "https://w3id.org/ecosysteem/id/organisation/hospice-proef",
        SYSTEM_URA: "12345678",
        SYSTEM_AGB: "06123456",
        SYSTEM_KVK: "87654321",
    }
    assert SYSTEM_URA == "http://fhir.nl/fhir/NamingSystem/ura" and SYSTEM_AGB.endswith("/agb-z")
    assert hospice["type"][0]["coding"][0]["code"] == "hospice"
    affiliation = resources["OrganizationAffiliation/membership-hospice-proef--proef"]
    assert affiliation["period"] == {"start": "2021", "end": "2024-12-31"}
    assert "HealthcareService/service-hospice-proef" in resources  # a hospice is a care provider


def test_fhir_bundle_is_the_same_on_every_store(eco: Ecosystem, memory_eco: Ecosystem) -> None:
    assert to_fhir_bundle(eco) == to_fhir_bundle(memory_eco)


def test_fhir_json_is_the_bundle_with_one_entry_a_line(eco: Ecosystem, tmp_path: Path) -> None:
    bundle = to_fhir_bundle(eco)
    text = to_fhir_json(eco)
    assert json.loads(text) == bundle
    lines = text.splitlines()
    entries = lines[lines.index('  "entry": [') + 1 : -2]
    assert [json.loads(line.rstrip(",")) for line in entries] == bundle["entry"]
    assert write_exchange(eco, "fhir", tmp_path / "bundle.json").read_text(encoding="utf-8") == text


def test_fhir_json_of_an_empty_bundle() -> None:
    text = to_fhir_json(ecosysteem.load(defaults=False))  # the ontology alone: no organisations, no regions
    assert json.loads(text) == {"resourceType": "Bundle", "id": "ecosysteem", "type": "collection", "entry": []}


@pytest.mark.parametrize(
    "iri",
    [
        "https://w3id.org/ecosysteem/id/organisation/zgt",
        "https://w3id.org/ecosysteem/id/group/twente--werkgroep-beleid",
        "https://w3id.org/ecosysteem/id/activity/" + "lang-" * 30,
        "https://w3id.org/ecosysteem/id/organisation/café_über",
        "https://example.org/other/thing#x",
    ],
)
def test_fhir_ids_are_valid_and_distinct(iri: str) -> None:
    assert ID_PATTERN.fullmatch(fhir_id(iri))
    assert fhir_id(iri) != fhir_id(iri + "2")


# -- writing and the command line ---------------------------------------------------------------------------------


def test_write_to_a_missing_folder_fails_cleanly(eco: Ecosystem, tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="does not exist"):
        write_exchange(eco, "graphml", tmp_path / "nope" / "eco.graphml")
    assert not (tmp_path / "nope").exists()


@pytest.mark.parametrize("fmt", ["graphml", "fhir"])
def test_a_stream_that_fails_halfway_leaves_the_old_file(
    eco: Ecosystem, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    """GraphML and FHIR are written as a stream: a failure after the first lines must not leave half a file."""
    import ecosysteem.io.fhir as fhir_module
    import ecosysteem.io.graphs as graphs_module

    def fail_halfway(lines: Any) -> Any:
        def stream(*args: Any) -> Any:
            for i, line in enumerate(lines(*args)):
                if i == 5:
                    raise RuntimeError("disk gone")
                yield line

        return stream

    if fmt == "graphml":
        monkeypatch.setattr(graphs_module, "graphml_lines", fail_halfway(graphs_module.graphml_lines))
    else:
        monkeypatch.setattr(fhir_module, "_json_lines", fail_halfway(fhir_module._json_lines))
    target = tmp_path / "out"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError, match="disk gone"):
        write_exchange(eco, fmt, target)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


@pytest.mark.parametrize(
    ("fmt", "name", "read"),
    [
        ("graphml", "eco.graphml", lambda p: nx.read_graphml(p).number_of_nodes()),
        ("gexf", "eco.gexf", lambda p: nx.read_gexf(p).number_of_nodes()),
        ("kumu", "kumu.json", lambda p: len(json.loads(p.read_text(encoding="utf-8"))["elements"])),
        ("kumu", "kumu.xlsx", lambda p: __import__("openpyxl").load_workbook(p)["Elements"].max_row),
        ("fhir", "bundle.json", lambda p: len(check_bundle(json.loads(p.read_text(encoding="utf-8"))))),
        ("csv", "tabellen.zip", lambda p: len(zipfile.ZipFile(p).namelist())),
    ],
)
def test_cli_export_formats(tmp_path: Path, fmt: str, name: str, read: Any) -> None:
    target = tmp_path / name
    result = CliRunner().invoke(cli, ["export", "--format", fmt, "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert read(target) > 10 if fmt != "csv" else read(target) == len(TABLE_CLASSES)


def test_cli_csv_needs_an_output() -> None:
    result = CliRunner().invoke(cli, ["export", "--format", "csv"])
    assert result.exit_code == 2 and "-o" in result.output


def test_cli_graphml_to_stdout_parses(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--no-defaults", "export", "--format", "graphml"])
    assert result.exit_code == 0, result.output
    path = tmp_path / "x.graphml"
    path.write_text(result.output, encoding="utf-8")
    assert (
        nx.read_graphml(path).number_of_nodes()
        == collaboration_graph(ecosysteem.load(defaults=False)).number_of_nodes()
    )


# -- the format table ----------------------------------------------------------------------------------------------


def test_export_offers_exactly_the_registered_formats() -> None:
    from ecosysteem.io import FORMATS

    result = CliRunner().invoke(cli, ["export", "--format", "nope"])
    assert result.exit_code == 2
    offered = re.findall(r"'([a-z-]+)'", result.output.split("is not one of", 1)[1])
    assert offered == list(FORMATS)


@pytest.mark.parametrize("fmt", ["turtle", "json-ld", "nt", "xml"])
def test_rdf_formats_read_back_what_they_wrote(tmp_path: Path, fmt: str) -> None:
    from rdflib.compare import isomorphic

    from ecosysteem.io import FORMATS, read, write

    eco = ecosysteem.load(defaults=False)
    path = write(eco, fmt, tmp_path / f"eco.{ {'turtle': 'ttl', 'json-ld': 'jsonld', 'nt': 'nt', 'xml': 'rdf'}[fmt] }")
    assert FORMATS[fmt].read is not None
    assert isomorphic(read(fmt, path).graph, eco.graph)


def test_csv_cannot_be_read_back() -> None:
    from ecosysteem.io import read

    with pytest.raises(ValueError, match="cannot be read back"):
        read("csv", "tabellen.zip")


@pytest.mark.parametrize("fmt", ["turtle", "graphml", "kumu", "fhir"])
def test_export_to_stdout_and_to_a_file_agree(eco: Ecosystem, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / "out"
    to_file = CliRunner().invoke(cli, ["export", "--format", fmt, "-o", str(target)])
    to_stdout = CliRunner().invoke(cli, ["export", "--format", fmt])
    assert to_file.exit_code == to_stdout.exit_code == 0
    if fmt == "graphml":  # networkx writes no date, but compare the parsed graphs to be safe
        assert set(nx.read_graphml(target).nodes) == set(nx.read_graphml(io.StringIO(to_stdout.stdout)).nodes)
    else:
        assert target.read_text(encoding="utf-8").rstrip("\n") == to_stdout.stdout.rstrip("\n")


def test_export_csv_fills_an_existing_empty_folder(tmp_path: Path) -> None:
    folder = tmp_path / "tabellen"
    folder.mkdir()
    result = CliRunner().invoke(cli, ["export", "--format", "csv", "-o", str(folder)])
    assert result.exit_code == 0, result.output
    assert {p.name for p in folder.iterdir()} == {f"{c.iri_kind}.csv" for c in TABLE_CLASSES}
    again = CliRunner().invoke(cli, ["--lang", "en", "export", "--format", "csv", "-o", str(folder)])
    assert again.exit_code == 1 and "not an empty folder" in again.stderr  # unwritable output: a data problem
    into_folder = CliRunner().invoke(cli, ["--lang", "en", "export", "-o", str(folder)])
    assert into_folder.exit_code == 1 and "cannot write it" in into_folder.stderr
