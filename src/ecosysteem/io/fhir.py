"""FHIR R4: a Bundle of Organization, OrganizationAffiliation, HealthcareService and Location resources.

In the spirit of IHE mCSD (Mobile Care Services Discovery), which the Dutch national care-services directory
(*Landelijke Adressering*, *Generieke Functies*) builds on:

- every organisation, collaboration (network, consortium, chain, acute-care network) and group becomes an
  ``Organization``; a group is ``partOf`` the organisation or collaboration it belongs to (``ez:unitOf``);
  identifiers: the ecosysteem IRI (system ``urn:ietf:rfc:3986``) and, where known, the URA
  (``http://fhir.nl/fhir/NamingSystem/ura``), AGB (``http://fhir.nl/fhir/NamingSystem/agb-z``) and KvK number
  (``http://fhir.nl/fhir/NamingSystem/kvk``);
- every ``org:Membership`` between two of them becomes an ``OrganizationAffiliation``: ``organization`` is the
  collaboration, ``participatingOrganization`` the member, with the membership's role and period — how mCSD
  models membership of a network;
- every care provider (an organisation whose type is *zorgaanbieder* or narrower) gets one
  ``HealthcareService`` for the palliative care it provides, ``providedBy`` it and covering its regions;
- every region becomes a ``Location`` (mode ``kind``, physical type ``area``), ``partOf`` its enclosing region.

The resources follow mCSD's use of these resource types but do not claim its profiles (no ``meta.profile``):
mCSD's must-support elements such as addresses are not in the data. Persons are never exported: FHIR
Practitioners would be personal data. Nothing is asserted that the data does not say: no ``active`` flags or
``status`` (the graph records no such state); a membership's dates go into ``period``.

Resource ids are derived from the IRIs (``organisation/zgt`` → ``organisation-zgt``), so they are stable across
exports; references are relative (``Organization/organisation-zgt``) and resolve inside the Bundle through the
entries' ``fullUrl``.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from rdflib import URIRef

from ecosysteem._files import atomic_file
from ecosysteem._gc import paused_gc
from ecosysteem._iri import short_iri
from ecosysteem.graph import Ecosystem
from ecosysteem.graph.convert import index_entities
from ecosysteem.graph.index import GraphIndex
from ecosysteem.model import Collaboration, Group, Membership, Organisation, Region
from ecosysteem.vocab import ID, SKOS

__all__ = [
    "FHIR_BASE",
    "SYSTEM_AGB",
    "SYSTEM_IRI",
    "SYSTEM_KVK",
    "SYSTEM_URA",
    "fhir_id",
    "to_fhir_bundle",
    "to_fhir_json",
    "write_fhir",
]

FHIR_BASE = "https://w3id.org/ecosysteem/fhir/"
"""Base of the entries' ``fullUrl``: ``{FHIR_BASE}{resourceType}/{id}``."""

SYSTEM_URA = "http://fhir.nl/fhir/NamingSystem/ura"
SYSTEM_AGB = "http://fhir.nl/fhir/NamingSystem/agb-z"
SYSTEM_KVK = "http://fhir.nl/fhir/NamingSystem/kvk"
SYSTEM_IRI = "urn:ietf:rfc:3986"
_LOCATION_TYPE = "http://terminology.hl7.org/CodeSystem/location-physical-type"
_ID_CHARS = re.compile(r"[^A-Za-z0-9\-.]+")
_CARE_PROVIDER = ID["organisation-type/zorgaanbieder"]


def fhir_id(iri: str) -> str:
    """Return a FHIR resource id (``[A-Za-z0-9\\-.]{1,64}``) for an entity IRI, stable and unique.

    >>> fhir_id("https://w3id.org/ecosysteem/id/organisation/zgt")
    'organisation-zgt'
    >>> len(fhir_id("https://w3id.org/ecosysteem/id/activity/" + "x" * 100))
    64
    """
    text = _ID_CHARS.sub("-", short_iri(iri)).strip("-.") or "x"
    if len(text) <= 64 and text == short_iri(iri).replace("/", "-"):
        return text
    # Characters were replaced or the id is too long: a hash of the IRI keeps distinct IRIs distinct.
    digest = hashlib.sha1(iri.encode("utf-8")).hexdigest()[:10]
    return f"{text[: 64 - 11]}-{digest}"


class _Concepts:
    """The codings, labels and care-provider test of the concepts a bundle names, each read once from the index."""

    def __init__(self, index: GraphIndex) -> None:
        self.index = index
        self._codings: dict[str, tuple[str, str, str]] = {}
        self._providers: dict[str, bool] = {}

    def label(self, iri: str) -> str:
        return self.index.label(iri, "nl")

    def coding(self, iri: str) -> dict[str, Any]:
        found = self._codings.get(iri)
        if found is None:
            node = URIRef(iri)
            schemes = sorted(str(s) for s in self.index.objects(node, SKOS.inScheme))
            notations = sorted(str(n) for n in self.index.objects(node, SKOS.notation))
            found = self._codings[iri] = (
                schemes[0] if schemes else iri.rsplit("/", 1)[0],
                notations[0] if notations else iri.rsplit("/", 1)[-1],
                self.label(iri),
            )
        system, code, display = found
        return {"coding": [{"system": system, "code": code, "display": display}], "text": display}

    def is_care_provider(self, organisation: Organisation) -> bool:
        kind = organisation.organisation_type
        if not kind:
            return False
        found = self._providers.get(kind)
        if found is None:
            node = URIRef(kind)
            found = node == _CARE_PROVIDER or _CARE_PROVIDER in set(self.index.transitive_objects(node, SKOS.broader))
            self._providers[kind] = found
        return found


def _identifiers(entity: Organisation | Collaboration | Group | Region | Membership) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = [{"use": "official", "system": SYSTEM_IRI, "value": entity.id}]
    if isinstance(entity, Organisation):
        for system, value in (
            (SYSTEM_URA, entity.ura_number),
            (SYSTEM_AGB, entity.agb_code),
            (SYSTEM_KVK, entity.kvk_number),
        ):
            if value:
                out.append({"use": "official", "system": system, "value": value})
    return out


def _aliases(entity: Organisation | Collaboration | Group) -> list[str]:
    names = [entity.label_en or ""]
    if isinstance(entity, Organisation | Collaboration):
        names.append(entity.abbreviation or "")
    out: list[str] = []
    for name in names:
        if name and name != entity.label_nl and name not in out:
            out.append(name)
    return out


def _ref(resource_type: str, iri: str) -> dict[str, str]:
    return {"reference": f"{resource_type}/{fhir_id(iri)}"}


def _organization(concepts: _Concepts, entity: Organisation | Collaboration | Group, known: set[str]) -> dict[str, Any]:
    resource: dict[str, Any] = {
        "resourceType": "Organization",
        "id": fhir_id(entity.id),
        "identifier": _identifiers(entity),
    }
    if isinstance(entity, Organisation) and entity.organisation_type:
        resource["type"] = [concepts.coding(entity.organisation_type)]
    elif isinstance(entity, Group) and entity.group_type:
        resource["type"] = [concepts.coding(entity.group_type)]
    elif isinstance(entity, Collaboration):
        kind = type(entity).__name__
        display = concepts.label(f"https://w3id.org/ecosysteem/def#{kind}")
        coding = {"system": "https://w3id.org/ecosysteem/def", "code": kind, "display": display}
        resource["type"] = [{"coding": [coding], "text": display}]
    resource["name"] = entity.label_nl
    aliases = _aliases(entity)
    if aliases:
        resource["alias"] = aliases
    url = getattr(entity, "url", None)
    if url:
        resource["telecom"] = [{"system": "url", "value": url}]
    parent = entity.unit_of if isinstance(entity, Group) else None
    if parent and parent in known:
        resource["partOf"] = _ref("Organization", parent)
    return resource


def _period(membership: Membership) -> dict[str, str]:
    period = {}
    if membership.start_date:
        period["start"] = membership.start_date
    if membership.end_date:
        period["end"] = membership.end_date
    return period


def _affiliation(concepts: _Concepts, membership: Membership) -> dict[str, Any]:
    resource: dict[str, Any] = {
        "resourceType": "OrganizationAffiliation",
        "id": fhir_id(membership.id),
        "identifier": _identifiers(membership),
        "organization": _ref("Organization", membership.organization),
        "participatingOrganization": _ref("Organization", membership.member),
    }
    period = _period(membership)
    if period:
        resource["period"] = period
    if membership.role:
        resource["code"] = [concepts.coding(membership.role)]
    return resource


def _service(concepts: _Concepts, organisation: Organisation, regions: set[str]) -> dict[str, Any]:
    assert organisation.organisation_type is not None
    resource: dict[str, Any] = {
        "resourceType": "HealthcareService",
        "id": fhir_id(organisation.id.replace("/organisation/", "/service/", 1)),
        "identifier": [{"system": SYSTEM_IRI, "value": organisation.id.replace("/organisation/", "/service/", 1)}],
        "providedBy": _ref("Organization", organisation.id),
        "category": [concepts.coding(organisation.organisation_type)],
        "type": [{"text": "palliatieve zorg"}],
        "name": f"Palliatieve zorg — {organisation.label_nl}",
    }
    covered = [_ref("Location", r) for r in organisation.regions if r in regions]
    if covered:
        resource["coverageArea"] = covered
    return resource


def _location(concepts: _Concepts, region: Region, regions: set[str]) -> dict[str, Any]:
    resource: dict[str, Any] = {
        "resourceType": "Location",
        "id": fhir_id(region.id),
        "identifier": _identifiers(region),
        "name": region.label_nl,
        "mode": "kind",
        "physicalType": {
            "coding": [{"system": _LOCATION_TYPE, "code": "area", "display": "Area"}],
            "text": concepts.label(region.region_type) if region.region_type else "gebied",
        },
    }
    if region.label_en and region.label_en != region.label_nl:
        resource["alias"] = [region.label_en]
    if region.description_nl:
        resource["description"] = region.description_nl
    parents = [r for r in region.within if r in regions]
    if parents:
        resource["partOf"] = _ref("Location", parents[0])
    return resource


def to_fhir_bundle(eco: Ecosystem) -> dict[str, Any]:
    """Return a FHIR R4 ``Bundle`` (type ``collection``) of the organisations, memberships, services and regions.

    Parameters
    ----------
    eco
        The ecosystem to export.

    Returns
    -------
    dict
        The Bundle as JSON-ready data, entries sorted by resource type and id.

    >>> from ecosysteem.graph import load
    >>> bundle = to_fhir_bundle(load())
    >>> bundle["resourceType"], {e["resource"]["resourceType"] for e in bundle["entry"]} >= {"Organization", "Location"}
    ('Bundle', True)
    """
    with paused_gc():  # tens of thousands of models and resources that all stay alive
        return _bundle(eco.index())


def _bundle(index: GraphIndex) -> dict[str, Any]:
    concepts = _Concepts(index)
    organisations = index_entities(index, Organisation)
    agents: list[Organisation | Collaboration | Group] = [
        *organisations,
        *index_entities(index, Collaboration),
        *index_entities(index, Group),
    ]
    known = {a.id for a in agents}
    region_list = index_entities(index, Region)
    regions = {r.id for r in region_list}
    resources: list[dict[str, Any]] = [_organization(concepts, a, known) for a in agents]
    resources += [
        _affiliation(concepts, m)
        for m in index_entities(index, Membership)
        if m.member in known and m.organization in known and m.member != m.organization
    ]
    resources += [_service(concepts, o, regions) for o in organisations if concepts.is_care_provider(o)]
    resources += [_location(concepts, r, regions) for r in region_list]
    resources.sort(key=lambda r: (r["resourceType"], r["id"]))
    return {
        "resourceType": "Bundle",
        "id": "ecosysteem",
        "type": "collection",
        "entry": [{"fullUrl": f"{FHIR_BASE}{r['resourceType']}/{r['id']}", "resource": r} for r in resources],
    }


def _json_lines(bundle: dict[str, Any]) -> Iterator[str]:
    """The bundle as JSON, one entry to a line: readable, diffable, and written by json's C encoder."""
    yield "{\n"
    for key, value in bundle.items():
        if key != "entry":
            yield f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},\n"
    entries = bundle["entry"]
    yield '  "entry": [\n' if entries else '  "entry": []\n'
    last = len(entries) - 1
    for i, entry in enumerate(entries):
        yield "    " + json.dumps(entry, ensure_ascii=False) + (",\n" if i < last else "\n")
    if entries:
        yield "  ]\n"
    yield "}\n"


def to_fhir_json(eco: Ecosystem) -> str:
    """Return :func:`to_fhir_bundle` as JSON text, one entry to a line.

    >>> from ecosysteem.graph import load
    >>> text = to_fhir_json(load())
    >>> json.loads(text) == to_fhir_bundle(load()), text.splitlines()[5][:25]
    (True, '    {"fullUrl": "https://')
    """
    return "".join(_json_lines(to_fhir_bundle(eco)))


def write_fhir(eco: Ecosystem, path: str | Path) -> Path:
    """Write :func:`to_fhir_json` to ``path`` atomically (as a stream) and return the path."""
    bundle = to_fhir_bundle(eco)
    with atomic_file(path) as handle:
        handle.writelines(_json_lines(bundle))
    return Path(path)
