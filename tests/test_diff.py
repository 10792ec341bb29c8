"""Change between versions: added, removed and changed entities, matched by IRI, as text and JSON."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Literal, URIRef

import ecosysteem
from ecosysteem.analysis.diff import CATEGORIES, Diff, diff
from ecosysteem.cli import cli
from ecosysteem.graph import Ecosystem
from ecosysteem.model import Organisation
from ecosysteem.vocab import EZ, RDFS, SDO

PREFIXES = """
@prefix ez: <https://w3id.org/ecosysteem/def#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix schema: <https://schema.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix id: <https://w3id.org/ecosysteem/id/> .
"""


def iri(path: str) -> str:
    return f"<https://w3id.org/ecosysteem/id/{path}>"


BASE = {
    "network": f"""{iri("network/proef")} a ez:Network ; rdfs:label "Netwerk Proef"@nl , "Network Proef"@en ;
        ez:level {iri("level/regionaal")} .""",
    "hospice": f"""{iri("organisation/hospice-a")} a ez:Organisation ; rdfs:label "Hospice A"@nl , "Hospice A"@en ;
        ez:organisationType {iri("organisation-type/hospice")} .""",
    "zgt": f"""{iri("organisation/zgt")} a ez:Organisation ; rdfs:label "ZGT"@nl , "ZGT"@en .""",
    "membership": f"""{iri("membership/hospice-a--proef")} a org:Membership ; rdfs:label "hospice-a lid van proef"@nl ;
        org:member {iri("organisation/hospice-a")} ; org:organization {iri("network/proef")} ;
        schema:startDate "2021"^^xsd:gYear .""",
    "plan": f"""{iri("plan/jaarplan-2024-proef")} a ez:Plan ; rdfs:label "Jaarplan 2024"@nl ;
        ez:planOf {iri("network/proef")} .""",
    "goal": f"""{iri("goal/bekendheid")} a ez:Goal ; rdfs:label "Meer bekendheid"@nl .""",
    "activity": f"""{iri("activity/scholing")} a ez:Activity ; rdfs:label "Scholing"@nl , "Training"@en ;
        ez:inPlan {iri("plan/jaarplan-2024-proef")} ; ez:participant {iri("organisation/hospice-a")} .""",
}


def _edit(base: dict[str, str], **changes: str | None) -> dict[str, str]:
    out = dict(base)
    for key, value in changes.items():
        if value is None:
            out.pop(key)
        else:
            out[key] = value
    return out


CASES = {
    "organisation added": (
        _edit(BASE, extra=f"""{iri("organisation/hospice-b")} a ez:Organisation ; rdfs:label "Hospice B"@nl ."""),
        [("added", "organisation", "organisation/hospice-b", None)],
    ),
    "organisation removed": (_edit(BASE, zgt=None), [("removed", "organisation", "organisation/zgt", None)]),
    "label changed": (
        _edit(BASE, hospice=BASE["hospice"].replace('"Hospice A"@nl', '"Hospice Aurora"@nl')),
        [("changed", "organisation", "organisation/hospice-a", {(str(RDFS.label), "nl")})],
    ),
    "membership ended": (
        _edit(BASE, membership=BASE["membership"].replace(" .", ' ; schema:endDate "2024-12-31"^^xsd:date .')),
        [("changed", "membership", "membership/hospice-a--proef", {(str(SDO.endDate), None)})],
    ),
    "membership removed": (
        _edit(BASE, membership=None),
        [("removed", "membership", "membership/hospice-a--proef", None)],
    ),
    "participant added": (
        _edit(BASE, activity=BASE["activity"].replace(" .", f" , {iri('organisation/zgt')} .")),
        [("changed", "activity", "activity/scholing", {(str(EZ.participant), None)})],
    ),
    "activity removed": (_edit(BASE, activity=None), [("removed", "activity", "activity/scholing", None)]),
    "goal added": (
        _edit(BASE, goal2=f"""{iri("goal/scholing")} a ez:Goal ; rdfs:label "Scholing voor iedereen"@nl ."""),
        [("added", "goal", "goal/scholing", None)],
    ),
    "network renamed with a new IRI": (
        _edit(
            BASE,
            network=BASE["network"]
            .replace("network/proef", "network/proef-oost")
            .replace("Netwerk Proef", "Netwerk Proef-Oost"),
        ),
        [
            ("added", "collaboration", "network/proef-oost", None),
            ("removed", "collaboration", "network/proef", None),
        ],
    ),
    "nothing changed": (dict(BASE), []),
}


@pytest.fixture
def build(tmp_path: Path) -> Callable[[str, dict[str, str]], Path]:
    def write(name: str, blocks: dict[str, str]) -> Path:
        path = tmp_path / f"{name}.ttl"
        path.write_text(PREFIXES + "\n\n".join(blocks.values()) + "\n", encoding="utf-8")
        return path

    return write


@pytest.mark.parametrize("case", sorted(CASES))
def test_hand_made_changes(build: Callable[[str, dict[str, str]], Path], case: str) -> None:
    new_blocks, expected = CASES[case]
    result = diff(build("old", BASE), build("new", new_blocks))
    found = [(c.change, c.category, c.short_iri) for c in result.changes]
    assert found == [(change, category, short) for change, category, short, _props in expected]
    for change, (*_, props) in zip(result.changes, expected, strict=True):
        if props is not None:
            assert {(p.property, p.lang) for p in change.properties} == props
    assert result.is_empty == (not expected)


def test_a_changed_value_shows_old_and_new(build: Callable[[str, dict[str, str]], Path]) -> None:
    new_blocks, _ = CASES["label changed"]
    result = diff(build("old", BASE), build("new", new_blocks))
    (prop,) = result.changes[0].properties
    assert [v.value for v in prop.old] == ["Hospice A"] and [v.value for v in prop.new] == ["Hospice Aurora"]
    text = result.to_text("nl")
    assert "Organisaties: 1 gewijzigd" in text
    assert "naam [nl]: Hospice A → Hospice Aurora" in text
    assert "name [nl]: Hospice A → Hospice Aurora" in result.to_text("en")


def test_an_iri_value_is_shown_by_its_label(build: Callable[[str, dict[str, str]], Path]) -> None:
    new_blocks, _ = CASES["participant added"]
    text = diff(build("old", BASE), build("new", new_blocks)).to_text("en")
    assert "participant: Hospice A → Hospice A, ZGT" in text


def test_membership_ended_reads_as_ended(build: Callable[[str, dict[str, str]], Path]) -> None:
    new_blocks, _ = CASES["membership ended"]
    result = diff(build("old", BASE), build("new", new_blocks))
    assert "einddatum: (geen) → 2024-12-31" in result.to_text("nl")
    assert "(lidmaatschap beëindigd per 2024-12-31)" in result.to_text("nl")
    assert "(membership ended 2024-12-31)" in result.to_text("en")


def test_json_round_trips(build: Callable[[str, dict[str, str]], Path]) -> None:
    new_blocks, _ = CASES["network renamed with a new IRI"]
    result = diff(build("old", BASE), build("new", new_blocks))
    payload = json.loads(result.to_json())
    assert payload["summary"] == {"collaboration": {"added": 1, "removed": 1, "changed": 0}}
    assert payload["matched_by"] == "iri"
    again = Diff.model_validate({k: v for k, v in payload.items() if k != "summary"})
    assert again == result


def test_details_list_the_properties_of_added_entities(build: Callable[[str, dict[str, str]], Path]) -> None:
    new_blocks, _ = CASES["goal added"]
    result = diff(build("old", BASE), build("new", new_blocks))
    assert "Scholing voor iedereen" in result.to_text("nl", details=True)
    assert "naam [nl]" not in result.to_text("nl")


def test_a_folder_of_files_is_one_version(build: Callable[[str, dict[str, str]], Path], tmp_path: Path) -> None:
    folder = tmp_path / "nieuw"
    folder.mkdir()
    (folder / "a.ttl").write_text(PREFIXES + BASE["network"] + "\n" + BASE["hospice"], encoding="utf-8")
    rest = {k: v for k, v in BASE.items() if k not in {"network", "hospice"}}
    (folder / "b.ttl").write_text(PREFIXES + "\n".join(rest.values()), encoding="utf-8")
    (folder / "notes.txt").write_text("not RDF, skipped")
    assert diff(build("old", BASE), folder).is_empty


# -- real data ---------------------------------------------------------------------------------------------------


def test_default_data_against_a_modified_copy(eco: Ecosystem) -> None:
    new = ecosysteem.load()
    g = new.graph
    zgt = URIRef("https://w3id.org/ecosysteem/id/organisation/zgt")
    old_label = eco.get(str(zgt)).label_nl
    g.remove((zgt, RDFS.label, Literal(old_label, lang="nl")))
    g.add((zgt, RDFS.label, Literal("ZGT Almelo-Hengelo", lang="nl")))
    activity = URIRef(eco.activities(network="network/twente")[0].id)
    g.remove((activity, None, None))
    membership = URIRef("https://w3id.org/ecosysteem/id/membership/twente--ligare")
    g.add((membership, SDO.endDate, Literal("2025-12-31")))
    new.add(Organisation(label_nl="Hospice De Kapberg", organisation_type="organisation-type/hospice"))

    result = diff(eco, new)
    assert {(c.change, c.category, c.iri) for c in result.changes} == {
        ("changed", "organisation", str(zgt)),
        ("removed", "activity", str(activity)),
        ("changed", "membership", str(membership)),
        ("added", "organisation", "https://w3id.org/ecosysteem/id/organisation/hospice-de-kapberg"),
    }
    assert list(result.summary()) == ["organisation", "membership", "activity"]  # reporting order
    text = result.to_text("nl")
    assert f"naam [nl]: {old_label} → ZGT Almelo-Hengelo" in text
    assert "Activiteiten: 1 verwijderd" in text and "Organisaties: 1 toegevoegd, 1 gewijzigd" in text
    assert diff(eco, eco).is_empty


def test_every_category_has_both_headings() -> None:
    assert all(nl and en and nl != en for nl, en in CATEGORIES.values())


# -- command line ------------------------------------------------------------------------------------------------


@pytest.fixture
def pair(build: Callable[[str, dict[str, str]], Path]) -> tuple[Path, Path]:
    person = f"""{iri("person/zoe-test")} a ez:Person ; rdfs:label "Zoë Testpersoon"@nl ."""
    described = BASE["zgt"].replace(" .", ' ; ez:whoText "Zoë Testpersoon (voorzitter)"@nl .')
    return build("old", BASE), build("new", _edit(BASE, zgt=described, person=person))


def test_cli_text_and_json(pair: tuple[Path, Path]) -> None:
    old, new = pair
    runner = CliRunner()
    text = runner.invoke(cli, ["diff", str(old), str(new), "--lang", "en"])
    assert text.exit_code == 0, text.output
    assert "Persons: 1 added" in text.output and "Zoë Testpersoon" in text.output
    result = runner.invoke(cli, ["diff", str(old), str(new), "--format", "json"])
    payload = json.loads(result.output)
    assert payload["summary"]["person"]["added"] == 1 and payload["old"] == str(old)


@pytest.mark.parametrize("args", [["--no-personal-data", "diff"], ["diff", "--no-personal-data"]])
def test_cli_diff_without_personal_data(pair: tuple[Path, Path], args: list[str]) -> None:
    old, new = pair
    result = CliRunner().invoke(cli, [*args, str(old), str(new), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "Zoë" not in result.output and "Testpersoon" not in result.output
    payload = json.loads(result.output)
    assert "person" not in payload["summary"]
    assert "[persoon] (voorzitter)" in result.output  # the role stays


def test_cli_writes_to_a_file(pair: tuple[Path, Path], tmp_path: Path) -> None:
    target = tmp_path / "wijzigingen.txt"
    result = CliRunner().invoke(cli, ["diff", str(pair[0]), str(pair[1]), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").startswith("Wijzigingen van")


@pytest.mark.parametrize("bad", ["missing.ttl", "broken.ttl"])
def test_cli_bad_input_is_one_line(tmp_path: Path, pair: tuple[Path, Path], bad: str) -> None:
    path = tmp_path / bad
    if bad == "broken.ttl":
        path.write_text("@prefix ez: <https://w3id.org/ecosysteem/def#> .\nthis is not turtle\n")
    result = CliRunner().invoke(cli, ["diff", str(pair[0]), str(path)])
    assert result.exit_code == (2 if bad == "missing.ttl" else 1)  # a missing argument is usage, a broken file data
    assert bad in result.output and "Traceback" not in result.output


def test_a_change_late_in_a_long_text_is_shown() -> None:
    from ecosysteem.analysis.diff import _changed_texts

    start = "Dit is een lange beschrijving van het project. " * 8
    old, new = _changed_texts(start + "Looptijd 2024.", start + "Looptijd 2025.")
    assert old != new
    assert "2024" in old and "2025" in new
    short_old, short_new = _changed_texts("kort", "korter")
    assert (short_old, short_new) == ("kort", "korter")
