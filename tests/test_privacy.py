"""Personal data: persons and their names leave every output, roles stay, on the default data and odd names."""

from __future__ import annotations

import html
import io
import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef

import ecosysteem
from ecosysteem.cli import cli
from ecosysteem.graph import Ecosystem
from ecosysteem.graph.privacy import (
    _fold,
    _pattern,
    _quick_fold,
    _redact,
    person_names,
    personal_nodes,
    without_personal_data,
)
from ecosysteem.io import exchange_text, to_csv_tables, to_kumu_xlsx
from ecosysteem.vocab import EZ, RDF

SEED_PERSONS = ("Agnes van Berkum", "Gerda Kievitsbosch", "Elly Wenneger", "Mirjam Velting", "Jannie Oskam")

ODD_NAME = "Zoë d’Ancona-Ülker (Jr.)"
PREFIXES_TTL = """
@prefix ez: <https://w3id.org/ecosysteem/def#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
"""
ODD_TURTLE = """
@prefix activity: <https://w3id.org/ecosysteem/id/activity/> .
@prefix level: <https://w3id.org/ecosysteem/id/level/> .
@prefix membership: <https://w3id.org/ecosysteem/id/membership/> .
@prefix network: <https://w3id.org/ecosysteem/id/network/> .
@prefix organisation: <https://w3id.org/ecosysteem/id/organisation/> .
@prefix organisationtype: <https://w3id.org/ecosysteem/id/organisation-type/> .
@prefix person: <https://w3id.org/ecosysteem/id/person/> .
@prefix role: <https://w3id.org/ecosysteem/id/role/> .
network:proef a ez:Network ; rdfs:label "Netwerk Proef"@nl , "Network Proef"@en ;
    ez:level level:regionaal ; dcterms:description "Coördinator: ZOË D'ANCONA-ÜLKER (JR.), netwerkcoördinator."@nl .
organisation:hospice-proef a ez:Organisation ; rdfs:label "Hospice Proef"@nl ;
    ez:organisationType organisationtype:hospice ;
    dcterms:description "Contact via Zoe d'Ancona-Ulker (Jr.) (netwerkcoördinator); also Zoë d’Ancona-Ülker (Jr.)."@en ,
        "Geen naam hier: januari, Jan-de-Vries-straat."@nl .
membership:hospice-proef--proef a org:Membership ; rdfs:label "hospice lid van proef"@nl ;
    org:member organisation:hospice-proef ; org:organization network:proef .
person:zoe a ez:Person ; rdfs:label "Zoë d’Ancona-Ülker (Jr.)"@nl ; ez:role role:netwerkcoordinator ;
    ez:affiliation network:proef .
membership:zoe--proef a org:Membership ; rdfs:label "zoe lid van proef"@nl ;
    org:member person:zoe ; org:organization network:proef .
activity:proef-overleg a ez:Activity ; rdfs:label "Overleg"@nl ; ez:lead person:zoe , network:proef ;
    ez:participant organisation:hospice-proef ; ez:mentionsPerson person:zoe , person:jan ;
    ez:whoText "Zoë d’Ancona-Ülker (Jr.) (netwerkcoördinator), Jan (voorzitter)"@nl .
person:jan rdfs:label "Jan"@nl .
"""


def _outputs(eco: Ecosystem) -> dict[str, str]:
    """Every export format as one text (the CSV tables and their names joined)."""
    out = {fmt: eco.serialize(format=fmt) for fmt in ("turtle", "json-ld", "nt", "xml")}
    for fmt in ("graphml", "gexf", "kumu", "fhir"):
        out[fmt] = exchange_text(eco, fmt)
    out["graphml-bipartite"] = exchange_text(eco, "graphml", "bipartite")
    out["kumu-bipartite"] = exchange_text(eco, "kumu", "bipartite")
    out["csv"] = "\n".join(f"{name}\n{text}" for name, text in sorted(to_csv_tables(eco).items()))
    with zipfile.ZipFile(io.BytesIO(to_kumu_xlsx(eco))) as book:
        out["kumu-xlsx"] = "\n".join(book.read(name).decode("utf-8") for name in book.namelist())
    return out


FORMATS = (
    "turtle",
    "json-ld",
    "nt",
    "xml",
    "graphml",
    "gexf",
    "kumu",
    "fhir",
    "graphml-bipartite",
    "kumu-bipartite",
    "kumu-xlsx",
    "csv",
)


def _forms(name: str) -> set[str]:
    """The ways an output could spell a name: as is, escaped for XML/HTML or JSON, and the surname alone."""
    forms = {name, html.escape(name), json.dumps(name)[1:-1], json.dumps(name, ensure_ascii=False)[1:-1]}
    surname = name.replace("(Jr.)", "").split()[-1]
    if len(surname) > 3:
        forms.add(surname)
    return {f.casefold() for f in forms}


def _assert_absent(name: str, text: str) -> None:
    low = text.casefold()
    unescaped = html.unescape(text).casefold()
    for form in _forms(name):
        assert form not in low and form not in unescaped, f"{form!r} found"


@pytest.fixture(scope="module")
def private(eco: Ecosystem) -> Ecosystem:
    return without_personal_data(eco)


@pytest.fixture(scope="module")
def private_outputs(private: Ecosystem) -> dict[str, str]:
    return _outputs(private)


def test_the_seed_persons_are_found(eco: Ecosystem) -> None:
    assert set(SEED_PERSONS) <= set(person_names(eco.graph))
    slugs = {str(n).rsplit("/", 1)[-1] for n in personal_nodes(eco.graph)}
    assert {"agnes-van-berkum", "jannie-oskam", "mirjam-velting"} <= slugs


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("person", SEED_PERSONS)
def test_no_seed_person_in_any_export(private_outputs: dict[str, str], fmt: str, person: str) -> None:
    _assert_absent(person, private_outputs[fmt])
    assert person.lower().replace(" ", "-") not in private_outputs[fmt]  # nor the IRI slug


def test_the_names_are_there_without_the_option(eco: Ecosystem) -> None:
    # The check above can only pass for the right reason if the names are in the full export.
    full = eco.serialize(format="turtle")
    assert all(person in full for person in SEED_PERSONS)


def test_roles_stay_and_names_become_placeholders(private: Ecosystem) -> None:
    texts = {str(o) for o in private.graph.objects() if isinstance(o, Literal)}
    assert "[persoon] (Nieuwe Weide), Netwerkcoördinatoren en DB." in texts
    assert any("netwerkcoördinatoren [persoon] en [persoon]" in t for t in texts)
    assert any("network coordinators [person] and [person]" in t for t in texts)
    role = URIRef("https://w3id.org/ecosysteem/id/role/netwerkcoordinator")
    assert (role, None, None) in private.graph


def test_persons_and_every_triple_about_them_are_gone(eco: Ecosystem, private: Ecosystem) -> None:
    people = personal_nodes(eco.graph)
    assert people
    for person in people:
        assert (person, None, None) not in private.graph
        assert (None, None, person) not in private.graph
    assert not set(private.graph.subjects(RDF.type, EZ.Person))
    # The rest is untouched: only the triples about persons went, and the original graph still has them.
    assert len(eco.graph) - len(private.graph) == sum(1 for s, _p, o in eco.graph if s in people or o in people), (
        "only triples about persons may be removed"
    )
    assert set(eco.graph.subjects(RDF.type, EZ.Person))


def test_a_graph_in_gives_a_graph_out(eco: Ecosystem) -> None:
    out = without_personal_data(eco.graph)
    assert isinstance(out, Graph)
    assert not set(out.subjects(RDF.type, EZ.Person))


def test_custom_placeholders(eco: Ecosystem) -> None:
    out = without_personal_data(eco, placeholders={"nl": "NN", "en": "N.N."})
    texts = {str(o) for o in out.graph.objects() if isinstance(o, Literal)}
    assert "NN (Nieuwe Weide), Netwerkcoördinatoren en DB." in texts


@pytest.fixture(scope="module")
def odd(tmp_path_factory: pytest.TempPathFactory) -> Ecosystem:
    path = tmp_path_factory.mktemp("odd") / "odd.ttl"
    path.write_text(PREFIXES_TTL + ODD_TURTLE, encoding="utf-8")
    return ecosysteem.load(path, defaults=False)


@pytest.fixture(scope="module")
def odd_outputs(odd: Ecosystem) -> tuple[dict[str, str], dict[str, str]]:
    return _outputs(odd), _outputs(without_personal_data(odd))


def test_an_unusual_name_is_found_in_any_spelling(odd: Ecosystem) -> None:
    assert person_names(odd.graph) == [ODD_NAME, "Jan"]  # persons' names only, not their memberships' labels
    private = without_personal_data(odd)
    texts = sorted(str(o) for o in private.graph.objects() if isinstance(o, Literal))
    assert "Coördinator: [persoon], netwerkcoördinator." in texts
    assert "Contact via [person] (netwerkcoördinator); also [person]." in texts
    assert "[persoon] (netwerkcoördinator), [persoon] (voorzitter)" in texts
    # A short name is redacted as a whole word only.
    assert "Geen naam hier: januari, Jan-de-Vries-straat." not in texts  # "Jan" as a word inside the street name
    assert any(t.startswith("Geen naam hier: januari, ") for t in texts)
    # The person's membership goes with the person; the organisation's stays.
    assert (URIRef("https://w3id.org/ecosysteem/id/membership/zoe--proef"), None, None) not in private.graph
    assert (URIRef("https://w3id.org/ecosysteem/id/membership/hospice-proef--proef"), None, None) in private.graph


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_unusual_name_leaves_every_export(odd_outputs: tuple[dict[str, str], dict[str, str]], fmt: str) -> None:
    before, after = odd_outputs[0][fmt], odd_outputs[1][fmt]
    for name in (ODD_NAME, "Zoe d'Ancona-Ulker", "Ancona-Ülker"):
        _assert_absent(name, after)
    if fmt in {"turtle", "nt", "json-ld", "xml", "csv"}:
        assert "Ancona" in before  # the RDF and table exports carry persons when asked to


@settings(max_examples=60, deadline=None)
@given(
    name=st.lists(
        st.text(alphabet=st.characters(categories=["L"]), min_size=2, max_size=8), min_size=1, max_size=3
    ).map(" ".join),
    before=st.sampled_from(["", "Door ", "(", "“"]),
    after=st.sampled_from(["", " en anderen", ")", ", netwerkcoördinator", "."]),
)
def test_redaction_removes_any_name(name: str, before: str, after: str) -> None:
    pattern = _pattern([name])
    assert pattern is not None
    out = _redact(f"{before}{name}{after}", pattern, "[persoon]")
    assert out == f"{before}[persoon]{after}"


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=40))
def test_the_fast_fold_agrees_with_the_exact_one(text: str) -> None:
    # The fast path decides which texts are searched at all; it must never miss what the exact fold finds.
    assert _quick_fold(text) == _fold(text)[0]


# -- command line ---------------------------------------------------------------------------------------------


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.mark.parametrize(
    "args",
    [
        ["--no-personal-data", "export", "--format", "turtle"],
        ["export", "--format", "kumu", "--graph", "bipartite", "--no-personal-data"],
    ],
)
def test_cli_option_global_and_after_the_command(runner: CliRunner, args: list[str]) -> None:
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    for person in SEED_PERSONS:
        _assert_absent(person, result.output)


def test_cli_without_the_option_keeps_persons(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["export", "--format", "nt"])
    assert result.exit_code == 0
    assert all(person in result.output for person in SEED_PERSONS)


def test_cli_csv_zip_without_persons(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "tabellen.zip"
    result = runner.invoke(cli, ["--no-personal-data", "export", "--format", "csv", "-o", str(target)])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(io.BytesIO(target.read_bytes())) as archive:
        text = "\n".join(archive.read(n).decode("utf-8") for n in archive.namelist())
    assert "organisation/zgt" in text
    for person in SEED_PERSONS:
        _assert_absent(person, text)


def test_info_without_persons_counts_none(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--no-personal-data", "info", "--format", "json"])
    assert result.exit_code == 0
    assert "ez:Person" not in json.loads(result.output)["classes"]
    for person in SEED_PERSONS:
        _assert_absent(person, result.output)


def test_a_store_backed_ecosystem_keeps_its_engine() -> None:
    eco = ecosysteem.load(store="oxigraph")
    private = without_personal_data(eco)
    assert private.store.kind == "oxigraph" and eco.store is not private.store
    assert len(private.query("SELECT ?p WHERE { ?p a ez:Person }")) == 0
    assert len(eco.query("SELECT ?p WHERE { ?p a ez:Person }")) >= len(SEED_PERSONS)


# -- HTML pages: viz bijenkorf|network|compare and report ------------------------------------------------------

HTML_COMMANDS: dict[str, list[str]] = {
    "bijenkorf": ["viz", "bijenkorf", "-o", "page.html"],
    "network": ["viz", "network", "-o", "page.html"],
    "compare": ["viz", "compare", "-o", "page.html"],
    "report": ["report", "-o", "site"],
}

NAMED_NETWORK_TTL = """
@prefix level: <https://w3id.org/ecosysteem/id/level/> .
@prefix network: <https://w3id.org/ecosysteem/id/network/> .
@prefix person: <https://w3id.org/ecosysteem/id/person/> .
network:proef a ez:Network ; ez:level level:regionaal ;
    rdfs:label "Netwerk Proef (coördinator Zoë d’Ancona-Ülker)"@nl ,
        "Network Proef (coordinator Zoë d’Ancona-Ülker)"@en .
person:zoe a ez:Person ; rdfs:label "Zoë d’Ancona-Ülker"@nl ; ez:affiliation network:proef .
"""
"""A name typed into a network's label: the comparison shows only labels, so on the default data alone it would
show no name with or without the option, and its check could never fail."""


@pytest.fixture(scope="module")
def html_graph(eco: Ecosystem, tmp_path_factory: pytest.TempPathFactory) -> Ecosystem:
    """The default data plus :data:`NAMED_NETWORK_TTL`, loaded once for every command below."""
    path = tmp_path_factory.mktemp("named") / "named.ttl"
    path.write_text(PREFIXES_TTL + NAMED_NETWORK_TTL, encoding="utf-8")
    graph = Graph()
    graph += eco.graph  # a copy: the session graph stays as it is
    full = Ecosystem(graph)
    full.files = list(eco.files)
    return full.load(path)


@pytest.fixture(scope="module")
def html_pages(html_graph: Ecosystem, tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, bool], str]:
    """Every HTML command run once with and once without ``--no-personal-data``: the text of all it wrote.

    The commands are handed the graph loaded above instead of loading the default data again (they only read it);
    the filtering still happens in the command, as on the command line.
    """
    pages: dict[tuple[str, bool], str] = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ecosysteem, "load", lambda *_paths, **_options: html_graph)
        for command, args in HTML_COMMANDS.items():
            for private in (False, True):
                folder = tmp_path_factory.mktemp(f"{command}-{'private' if private else 'full'}")
                target = [*args[:-1], str(folder / args[-1])]
                result = CliRunner().invoke(cli, [*target, *(["--no-personal-data"] if private else [])])
                assert result.exit_code == 0, result.output
                written = sorted(p for p in folder.rglob("*") if p.is_file())
                assert written, f"{command} wrote nothing"
                pages[command, private] = "\n".join(p.read_text(encoding="utf-8") for p in written)
    return pages


@pytest.mark.parametrize("command", HTML_COMMANDS)
def test_no_person_in_any_html_page(
    html_graph: Ecosystem, html_pages: dict[tuple[str, bool], str], command: str
) -> None:
    names = person_names(html_graph.graph)
    assert set(SEED_PERSONS) < set(names)
    page = html_pages[command, True]
    for name in names:
        _assert_absent(name, page)
    for person in personal_nodes(html_graph.graph):
        assert str(person) not in page and str(person).removeprefix("https://w3id.org/ecosysteem/id/") not in page
    assert "[persoon]" in page or "[person]" in page


@pytest.mark.parametrize("command", HTML_COMMANDS)
def test_html_pages_show_names_without_the_option(
    html_graph: Ecosystem, html_pages: dict[tuple[str, bool], str], command: str
) -> None:
    # The check above can only pass for the right reason if the same command shows a name without the option.
    page = html_pages[command, False]
    shown = [name for name in person_names(html_graph.graph) if any(f in page.casefold() for f in _forms(name))]
    assert shown, f"no person's name in the {command} page"
