"""Issue 19, item 11: through the workbook, ``schema:url`` values lost their ``xsd:anyURI`` datatype.

The datasets write every web address as ``"…"^^xsd:anyURI``; a workbook's *website* column, and a round trip of
the datasets through a workbook, now do the same (the models write a ``uri`` field as ``xsd:anyURI``).
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Literal, URIRef

from ecosysteem.graph import Ecosystem
from ecosysteem.graph.workbook import export_workbook, import_workbook, template_workbook, workbook_bytes
from ecosysteem.model import Organisation
from ecosysteem.vocab import ID, XSD
from test_workbook import fill, save

SCHEMA_URL = URIRef("https://schema.org/url")


def test_a_website_typed_in_the_workbook_is_an_anyuri(eco: Ecosystem, tmp_path: Path) -> None:
    template = workbook_bytes(template_workbook(eco))
    rows = {"Organisaties": [{"naam": "Proefhuis", "type": "hospice", "website": "https://proefhuis.example/"}]}
    result = import_workbook(save(fill(template, rows), tmp_path / "p.xlsx"), context=eco)
    assert result.ok, result.report()
    (url,) = result.graph.objects(ID["organisation/proefhuis"], SCHEMA_URL)
    assert url == Literal("https://proefhuis.example/", datatype=XSD.anyURI)


def test_the_datasets_web_addresses_keep_their_datatype_through_a_workbook(eco: Ecosystem, tmp_path: Path) -> None:
    """The default data's web addresses (of its sources) go out to sheet Bronnen and come back as they were."""
    urls = set(eco.graph.triples((None, SCHEMA_URL, None)))
    assert len(urls) > 50 and all(o.datatype == XSD.anyURI for _s, _p, o in urls)  # type: ignore[union-attr]
    path = tmp_path / "seed.xlsx"
    export_workbook(eco, sources=True).save(path)
    result = import_workbook(path, context=eco, validate=False)
    assert result.ok, result.report()
    assert set(result.graph.triples((None, SCHEMA_URL, None))) == urls


def test_the_model_writes_anyuri() -> None:
    from ecosysteem.graph import to_graph

    org = Organisation(label_nl="Proefhuis", organisation_type="organisation-type/hospice", url="https://p.example")
    (url,) = to_graph([org]).objects(URIRef(org.id), SCHEMA_URL)
    assert url.datatype == XSD.anyURI
