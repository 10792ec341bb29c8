"""Field helpers that declare, once, how a model field maps to RDF.

Every mapped field carries ``json_schema_extra={"rdf": CURIE, "kind": KIND, "lang": LANG}``. The converter in
:mod:`ecosysteem.graph.convert` reads only this metadata, so it works for every model class without per-class
code. Kinds:

``text``
    a language-tagged literal (``lang`` is ``"nl"`` or ``"en"``)
``string``
    a plain ``xsd:string`` literal
``integer`` / ``boolean``
    ``xsd:integer`` / ``xsd:boolean``
``date``
    a partial date: ``YYYY`` (``xsd:gYear``), ``YYYY-MM`` (``xsd:gYearMonth``) or ``YYYY-MM-DD`` (``xsd:date``)
``iri``
    a reference to another entity or concept
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field

from ecosysteem._iri import BASE as BASE  # re-exported: the workbook imports it from here

__all__ = ["IRI", "PartialDate", "boolean", "date", "integer", "iri", "iris", "string", "text", "texts", "uri"]

Kind = Literal["text", "string", "uri", "integer", "boolean", "date", "iri"]


def _expand_iri(value: str) -> str:
    """Accept a full IRI or a short ``kind/slug`` path relative to the ecosysteem base."""
    value = value.strip()
    if value.startswith(("http://", "https://", "urn:")):
        if any(c in value for c in ' <>"{}|\\^`'):
            raise ValueError(f'{value!r} is not a valid IRI: it contains a space or one of <>"{{}}|\\^`')
        return value
    parts = value.split("/")
    if len(parts) == 2 and all(parts) and all(p.replace("-", "").isalnum() and p.isascii() for p in parts):
        return BASE + value
    raise ValueError(f"{value!r} is neither an IRI (https://…) nor a 'kind/slug' path such as 'organisation/zgt'")


def _check_date(value: str) -> str:
    import re

    if not re.fullmatch(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?", value):
        raise ValueError(f"{value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    return value


IRI = Annotated[str, AfterValidator(_expand_iri)]
"""An entity or concept IRI; ``"organisation/zgt"`` is expanded to the full ecosysteem IRI."""

PartialDate = Annotated[str, AfterValidator(_check_date)]
"""A date with the precision the source gives: ``2021``, ``2024-09`` or ``2023-12-13``."""


def _meta(predicate: str, kind: Kind, lang: str | None = None) -> dict[str, Any]:
    return {"rdf": predicate, "kind": kind, "lang": lang}


def text(predicate: str, lang: str, description: str = "") -> Any:
    """An optional language-tagged text."""
    return Field(default=None, description=description, json_schema_extra=_meta(predicate, "text", lang))


def texts(predicate: str, lang: str, description: str = "") -> Any:
    """Several language-tagged texts (for instance editorial notes)."""
    return Field(default_factory=list, description=description, json_schema_extra=_meta(predicate, "text", lang))


def string(predicate: str, description: str = "") -> Any:
    """An optional plain string."""
    return Field(default=None, description=description, json_schema_extra=_meta(predicate, "string"))


def uri(predicate: str, description: str = "") -> Any:
    """An optional web address, written as an ``xsd:anyURI`` literal (a value, not a node of the graph)."""
    return Field(default=None, description=description, json_schema_extra=_meta(predicate, "uri"))


def integer(predicate: str, description: str = "") -> Any:
    """An optional non-negative integer."""
    return Field(default=None, ge=0, description=description, json_schema_extra=_meta(predicate, "integer"))


def boolean(predicate: str, description: str = "") -> Any:
    """An optional boolean."""
    return Field(default=None, description=description, json_schema_extra=_meta(predicate, "boolean"))


def date(predicate: str, description: str = "") -> Any:
    """An optional partial date."""
    return Field(default=None, description=description, json_schema_extra=_meta(predicate, "date"))


def iri(predicate: str, description: str = "") -> Any:
    """An optional reference to one entity or concept."""
    return Field(default=None, description=description, json_schema_extra=_meta(predicate, "iri"))


def iris(predicate: str, description: str = "") -> Any:
    """References to several entities or concepts (kept sorted and unique)."""
    return Field(default_factory=list, description=description, json_schema_extra=_meta(predicate, "iri"))
