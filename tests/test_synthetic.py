"""The synthetic national generator: deterministic, valid, realistic in shape, and every gap type fires on it."""

from __future__ import annotations

import hashlib
import io
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef

import ecosysteem
from ecosysteem.analysis.gaps import GAP_TYPES, find_gaps
from ecosysteem.cli import cli
from ecosysteem.graph import Ecosystem
from ecosysteem.synthetic import (
    MIN_ORGANISATIONS,
    NATIONAL_COUNTS,
    SUPRAREGIONS,
    generate,
    synthetic_graph,
    write_synthetic,
)
from ecosysteem.vocab import DCTERMS, EZ, RDF

N = MIN_ORGANISATIONS


def _text(n: int, seed: int, fmt: str) -> str:
    buf = io.StringIO()
    write_synthetic(buf, n, seed, fmt)  # type: ignore[arg-type]
    return buf.getvalue()


@pytest.fixture(scope="module")
def graph() -> Graph:
    return synthetic_graph(N, seed=5)


@pytest.mark.parametrize("fmt", ["nt", "turtle"])
def test_same_seed_same_bytes(fmt: str) -> None:
    assert _text(N, 11, fmt) == _text(N, 11, fmt)


# SHA-256 of the output written by the generator before it was split into one function per kind of entity
# (graph/synthetic.py, commit b4d51d4): a refactoring must not change a single byte. A deliberate change of what
# the generator writes updates these (last: the designed single point of failure, a pair of GP practices that
# reaches its network only through one home-care organisation; the ACP goals that demand patient participation).
PINNED = [
    (100, 0, "nt", "213a7804a5452be0b535ee94dcdd73683e8ea48fe3178afab1486d567cf670bc"),
    (137, 7, "turtle", "2fb5ac90df95eee6d6aa219e378d4da70b4ae09e1511c4561a65833dbb44c8dc"),
    (1000, 1, "nt", "46af775afd93fa513c83459dbb132a6e28a1ace60714d26b4153020b8008ea02"),
]


@pytest.mark.parametrize(("n", "seed", "fmt", "digest"), PINNED)
def test_output_is_byte_for_byte_what_it_was(n: int, seed: int, fmt: str, digest: str) -> None:
    assert hashlib.sha256(_text(n, seed, fmt).encode("utf-8")).hexdigest() == digest


@pytest.mark.parametrize(("a", "b"), [((N, 1), (N, 2)), ((N, 1), (N + 50, 1))])
def test_other_seed_or_size_other_data(a: tuple[int, int], b: tuple[int, int]) -> None:
    assert _text(*a, "nt") != _text(*b, "nt")


def test_turtle_and_ntriples_hold_the_same_graph() -> None:
    nt, ttl = Graph().parse(data=_text(N, 3, "nt"), format="nt"), Graph().parse(data=_text(N, 3, "turtle"))
    assert len(nt) > 10_000
    assert set(nt) == set(ttl)


def test_write_returns_the_triple_count(graph: Graph) -> None:
    assert write_synthetic(io.StringIO(), N, 5) == len(graph)


def test_shape_of_the_country(graph: Graph) -> None:
    assert len(set(graph.subjects(RDF.type, EZ.Network))) == 65 == sum(len(r) for _nl, _en, r in SUPRAREGIONS)
    assert len(set(graph.subjects(RDF.type, EZ.SupraRegionalCollaboration))) == 7
    orgs = set(graph.subjects(RDF.type, EZ.Organisation))
    assert len(orgs) == N
    assert len(set(graph.subjects(RDF.type, EZ.Activity))) >= 8 * 65
    assert set(graph.subjects(RDF.type, EZ.CareChain)) and set(graph.subjects(RDF.type, EZ.AcuteCareNetwork))


@pytest.mark.parametrize("n", [MIN_ORGANISATIONS, 1000, 15_000])
def test_organisation_types_follow_national_proportions(n: int) -> None:
    text = _text(n, 0, "nt")
    counts = Counter(
        line.rsplit("/", 1)[-1].rstrip("> .")
        for line in text.splitlines()
        if "<https://w3id.org/ecosysteem/def#organisationType>" in line
    )
    assert sum(counts.values()) == n
    assert counts["umc"] == 7
    national = {c.type: c.count for c in NATIONAL_COUNTS if c.type != "umc"}
    total = sum(national.values())
    for type_, count in national.items():
        expected = (n - 7) * count / total
        assert abs(counts[type_] - expected) < 1, (type_, counts[type_], expected)
    assert counts.most_common(1)[0][0] == "huisartsenpraktijk"


def test_every_entity_is_marked_synthetic_and_sourced(graph: Graph) -> None:
    subjects = {s for s in graph.subjects(RDF.type, None)}
    assert all("/synthetic-" in str(s) for s in subjects)
    sources = set(graph.objects(None, DCTERMS.source))
    assert len(sources) == 1
    (source,) = sources
    assert str(source).endswith(f"/source/synthetic-seed-5-n-{N}")
    assert all((s, DCTERMS.source, source) in graph for s in subjects)
    assert all(
        label.endswith(("(synthetisch)", "(synthetic)"))
        for label in graph.objects(None, URIRef("http://www.w3.org/2000/01/rdf-schema#label"))
    )


def test_valid_against_the_shapes(tmp_path: Path) -> None:
    path = tmp_path / "nl.ttl"
    generate(path, MIN_ORGANISATIONS, seed=4)
    report = ecosysteem.load(path).validate()
    assert report, report.text()


@pytest.mark.parametrize("n", [0, MIN_ORGANISATIONS - 1])
def test_too_few_organisations_is_refused(n: int, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="at least"):
        generate(tmp_path / "x.ttl", n)
    assert list(tmp_path.iterdir()) == []


# -- every gap type has findings on a generated graph -----------------------------------------------------------


@pytest.fixture(scope="module")
def synthetic_eco(tmp_path_factory: pytest.TempPathFactory) -> Ecosystem:
    # Oxigraph: the full gap report on rdflib's engine takes minutes even at this size (see docs/scale.md).
    pytest.importorskip("pyoxigraph")
    path = tmp_path_factory.mktemp("synthetic") / "nl.nt"
    generate(path, 1000, seed=9)  # large enough for every designed gap (the fragile pair needs two GP practices)
    return ecosysteem.load(path, store="oxigraph")


@pytest.fixture(scope="module")
def synthetic_findings(synthetic_eco: Ecosystem) -> Counter[str]:
    findings = find_gaps(synthetic_eco, reference_date="2026-01-01")
    return Counter(f.gap for f in findings if "/synthetic-" in f.subject)


@pytest.mark.parametrize("gap", [g.id for g in GAP_TYPES])
def test_every_gap_type_has_synthetic_findings(synthetic_findings: Counter[str], gap: str) -> None:
    assert synthetic_findings[gap] > 0


def test_the_designed_single_point_of_failure_is_found_and_no_structure_is_one(synthetic_eco: Ecosystem) -> None:
    findings = [f for f in find_gaps(synthetic_eco, "single-point-of-failure") if "/synthetic-" in f.subject]
    leads = {
        str(lead)
        for activity in synthetic_eco.graph.subjects(EZ.lead, None)
        if str(activity).endswith("--overdracht-huisartsen")
        for lead in synthetic_eco.graph.objects(activity, EZ.lead)
    }
    assert 0 < len(leads) <= len(SUPRAREGIONS)  # one per consortium whose first network has two GP practices
    assert leads <= {f.subject for f in findings}
    # networks, consortia, chains and groups link their members by design: never a single point of failure
    assert all("/organisation/" in f.subject for f in findings), sorted({f.subject for f in findings})


# -- command line -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "fmt"), [("nl.ttl", "turtle"), ("nl.nt", "nt")])
def test_cli_writes_the_same_file_as_the_library(tmp_path: Path, name: str, fmt: str) -> None:
    path = tmp_path / name
    result = CliRunner().invoke(cli, ["generate", "--organisations", "150", "--seed", "3", "-o", str(path)])
    assert result.exit_code == 0, result.output
    assert "150 organisaties" in result.output
    assert path.read_text(encoding="utf-8") == _text(150, 3, fmt)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--organisations", "5"], "range"),
        (["--format", "xml"], "xml"),
        (["-o", "/nonexistent-folder/x.ttl"], "bestaat niet"),
    ],
)
def test_cli_bad_input_exits_2_or_1(tmp_path: Path, args: list[str], message: str) -> None:
    base = ["generate"] + (["-o", str(tmp_path / "x.ttl")] if "-o" not in args else [])
    result = CliRunner().invoke(cli, base + args)
    assert result.exit_code == (1 if "-o" in args else 2)  # an unwritable output is a data problem
    assert message in result.output
    assert not (tmp_path / "x.ttl").exists()


def test_generated_file_has_ordinary_permissions(tmp_path: Path) -> None:
    import os

    umask = os.umask(0o022)
    try:
        target = tmp_path / "nl.nt"
        generate(target, 100, seed=1)
        assert target.stat().st_mode & 0o777 == 0o644  # like open(path, "w"), not mkstemp's 0600
    finally:
        os.umask(umask)
