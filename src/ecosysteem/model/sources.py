"""Source documents: where every fact in the graph comes from."""

from __future__ import annotations

from ecosysteem.model._base import Entity
from ecosysteem.model._fields import PartialDate, date, string, uri

__all__ = ["SourceDocument"]


class SourceDocument(Entity):
    """A document or web page data come from (``dcterms:title``, publisher, year, seed file or URL)."""

    rdf_type = "ez:SourceDocument"
    iri_kind = "source"

    title: str | None = string("dcterms:title")
    publisher: str | None = string("dcterms:publisher")
    issued: PartialDate | None = date("dcterms:issued")
    source_file: str | None = string("ez:sourceFile")
    url: str | None = uri("schema:url")
