"""Loading files: clear errors naming file and line, nothing half-loaded, no network."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph

import ecosysteem
from ecosysteem.errors import DataError, ParseError
from ecosysteem.graph import parse_file


@pytest.mark.parametrize(
    ("name", "content", "line"),
    [
        ("bad.ttl", '@prefix ex: <http://e/> .\nex:a ex:b ex:c .\nex:d ex:e "open .\n', 3),
        ("bad2.ttl", "@prefix ex: <http://e/> .\n\n\nex:a ex:b .\n", 4),
        ("bad.jsonld", '{\n  "@id": "http://e/a",\n  "http://e/b": [1,}\n', 3),
    ],
)
def test_malformed_file_names_file_and_line(tmp_path: Path, name: str, content: str, line: int) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ParseError) as info:
        ecosysteem.load(path, defaults=False)
    assert str(path) in str(info.value)
    assert f"line {line}" in str(info.value)
    assert info.value.line == line


def test_malformed_ntriples_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.nt"
    path.write_text("<http://e/a> <http://e/b> .\n", encoding="utf-8")
    with pytest.raises(ParseError, match=r"bad\.nt, line 1: not valid nt"):
        ecosysteem.load(path, defaults=False)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DataError, match=r"nope\.ttl: no such file"):
        ecosysteem.load(tmp_path / "nope.ttl", defaults=False)


def test_unknown_suffix(tmp_path: Path) -> None:
    path = tmp_path / "data.docx"
    path.write_bytes(b"x")
    with pytest.raises(DataError, match=r"unknown file type '\.docx'"):
        ecosysteem.load(path, defaults=False)


def test_failed_file_adds_nothing(tmp_path: Path) -> None:
    path = tmp_path / "half.ttl"
    path.write_text("@prefix ex: <http://e/> .\nex:a ex:b ex:c .\nex:d ex:e ", encoding="utf-8")
    graph = Graph()
    with pytest.raises(ParseError):
        parse_file(graph, path)
    assert len(graph) == 0


def test_remote_jsonld_context_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "remote.jsonld"
    path.write_text(json.dumps({"@context": "https://schema.org/", "@id": "http://e/a", "name": "x"}))
    with pytest.raises(DataError, match="never downloads"):
        ecosysteem.load(path, defaults=False)


def test_inline_jsonld_loads(tmp_path: Path) -> None:
    path = tmp_path / "org.jsonld"
    path.write_text(
        json.dumps(
            {
                "@context": {
                    "ez": "https://w3id.org/ecosysteem/def#",
                    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
                },
                "@id": "https://w3id.org/ecosysteem/id/organisation/x",
                "@type": "ez:Organisation",
                "rdfs:label": {"@value": "X", "@language": "nl"},
            }
        )
    )
    eco = ecosysteem.load(path, defaults=False)
    assert eco.get("organisation/x").label_nl == "X"


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_either_loads_or_raises_parse_error(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "x.ttl"
    path.write_bytes(text.encode("utf-8", "replace"))
    graph = Graph()
    try:
        parse_file(graph, path)
    except ParseError as exc:
        assert str(path) in str(exc)
        assert len(graph) == 0
