"""The base of every model class: an IRI, labels in Dutch and English, sources."""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, model_validator

from ecosysteem._iri import BASE
from ecosysteem.model._fields import IRI, iris, string, text, texts
from ecosysteem.model._slug import slugify

__all__ = ["Entity", "rdf_fields"]


class Entity(BaseModel):
    """Something with an IRI, a Dutch and an English label, and the documents it comes from.

    The IRI is derived from the Dutch label unless ``id`` is given: ``{BASE}{kind}/{slug}``. The English label
    defaults to the Dutch one (right for proper names). Lists are kept sorted and free of duplicates so that two
    models with the same content are equal, whatever order the values came in.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True, str_strip_whitespace=True)

    rdf_type: ClassVar[str] = "rdfs:Resource"
    """CURIE of the RDF class this model maps to."""
    iri_kind: ClassVar[str] = "entity"
    """Path segment of this class's IRIs, as in ``…/id/{iri_kind}/{slug}``."""

    id: IRI
    label_nl: str = text("rdfs:label", "nl", "name or title in Dutch")
    label_en: str | None = text("rdfs:label", "en", "name or title in English (defaults to the Dutch one)")
    description_nl: str | None = text("dcterms:description", "nl")
    description_en: str | None = text("dcterms:description", "en")
    sources: list[IRI] = iris("dcterms:source", "source documents this entity is taken from")
    certainty: str | None = string("ez:certainty", "'onzeker' where a fact is uncertain or inferred")
    editorial_notes: list[str] = texts("skos:editorialNote", "nl", "editors' notes, e.g. what is uncertain")

    @classmethod
    def slug_for(cls, data: dict[str, Any]) -> str:
        """Return the slug of the IRI of an entity built from ``data`` (override for composite keys)."""
        return slugify(str(data["label_nl"]))

    @model_validator(mode="before")
    @classmethod
    def _derive_defaults(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        data = dict(data)
        if data.get("label_nl") is None and "label_nl" in cls.model_fields:
            raise ValueError(f"{cls.__name__} needs label_nl (its Dutch name or title)")
        if not data.get("id"):
            data["id"] = f"{BASE}{cls.iri_kind}/{cls.slug_for(data)}"
        if data.get("label_en") is None and "label_en" in cls.model_fields:
            data["label_en"] = data.get("label_nl")
        for name, value in data.items():
            field = cls.model_fields.get(name)
            if field is not None and isinstance(value, list | tuple | set) and _is_mapped(field.json_schema_extra):
                data[name] = sorted(set(value))
        return data

    @property
    def slug(self) -> str:
        """The last segment of the IRI."""
        return self.id.rsplit("/", 1)[-1]

    def __str__(self) -> str:
        return f"{self.label_nl} <{self.id}>"


def _is_mapped(extra: Any) -> bool:
    return isinstance(extra, dict) and "rdf" in extra


def rdf_fields(model: type[BaseModel]) -> dict[str, dict[str, Any]]:
    """Return ``{field name: {"rdf", "kind", "lang"}}`` for the fields of ``model`` that map to RDF."""
    out: dict[str, dict[str, Any]] = {}
    for name, field in model.model_fields.items():
        extra = field.json_schema_extra
        if _is_mapped(extra):
            assert isinstance(extra, dict)
            out[name] = dict(extra)
    return out


def owner_slug(iri: str) -> str:
    """Return the slug part of an IRI (its last path segment)."""
    return iri.rstrip("/").rsplit("/", 1)[-1]


def expand(value: str) -> str:
    """Expand a ``kind/slug`` path to a full IRI (full IRIs pass through)."""
    from ecosysteem.model._fields import _expand_iri

    return _expand_iri(value)
