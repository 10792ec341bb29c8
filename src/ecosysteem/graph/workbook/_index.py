"""Looking names up: entities by name, abbreviation or id, concepts by label or code, with suggestions."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel
from rdflib import Graph, Literal, URIRef

from ecosysteem._iri import short_iri as short_id
from ecosysteem.graph.convert import model_class_for
from ecosysteem.graph.names import normalise_name, rank_candidates
from ecosysteem.graph.workbook._problems import Msg
from ecosysteem.model import Concept, Person
from ecosysteem.model._fields import BASE
from ecosysteem.vocab import EZ, RDFS, SKOS, scheme_iri

__all__ = ["Entry", "Index", "Lookup", "Vocabulary", "key", "kind_name", "short_id", "suggest"]

_ID = re.compile(r"[a-z][a-z0-9-]*/[a-z0-9][a-z0-9-]*")


def key(text: str) -> str:
    """The form in which names are compared: case-folded, whitespace collapsed."""
    return " ".join(text.casefold().split())


def as_iri(text: str) -> str | None:
    """Return the IRI ``text`` spells (a full IRI or ``kind/slug``), or ``None`` if it is a name."""
    text = text.strip()
    if text.startswith(("http://", "https://", "urn:")) and " " not in text:
        return text
    if _ID.fullmatch(text):
        return BASE + text
    return None


SUGGEST = 0.7
"""How similar a known name must be to be offered as "bedoelde u …?" (0.625 would offer 'apotheker' for 'trekker')."""


def suggest(value: str, names: Iterable[str]) -> str | None:
    """The known name the user most likely meant: the most similar as a whole name (see :mod:`ecosysteem.graph.names`).

    >>> suggest("Meander", ["PAT Meander", "Meander Medisch Centrum"])
    'Meander Medisch Centrum'
    """
    ranked = rank_candidates(value, names, cutoff=SUGGEST, limit=1)
    return ranked[0].name if ranked else None


_KIND_NAMES: dict[str, Msg] = {
    "Organisation": ("organisatie", "organisation"),
    "Collaboration": ("samenwerkingsverband", "collaboration"),
    "Network": ("netwerk", "network"),
    "SupraRegionalCollaboration": ("bovenregionaal samenwerkingsverband", "supra-regional collaboration"),
    "CareChain": ("zorgketen", "care chain"),
    "AcuteCareNetwork": ("acute-zorgnetwerk", "acute-care network"),
    "Group": ("werkgroep", "workgroup"),
    "Person": ("persoon", "person"),
    "Membership": ("lidmaatschap", "membership"),
    "Plan": ("plan", "plan"),
    "Activity": ("activiteit", "activity"),
    "Project": ("project", "project"),
    "Pilot": ("pilot", "pilot"),
    "Meeting": ("bijeenkomst", "meeting"),
    "Programme": ("programma", "programme"),
    "Region": ("regio", "region"),
    "SourceDocument": ("bron", "source"),
    "Goal": ("doel", "goal"),
    "Output": ("product", "output"),
    "Framework": ("kader", "framework"),
}


_NEUTER = {
    "ding", "doel", "kader", "lidmaatschap", "netwerk", "niveau", "organisatietype", "plan", "product", "programma",
    "project", "samenwerkingsverband", "thema", "type",
}  # fmt: skip


def unknown_nl(noun: str) -> str:
    """ "onbekend" or "onbekende", as the Dutch noun (its head word) wants.

    >>> unknown_nl("netwerk"), unknown_nl("rol"), unknown_nl("organisatie of samenwerkingsverband")
    ('onbekend', 'onbekende', 'onbekende')
    """
    head = noun.split(" of ")[0].split()[-1] if noun.strip() else ""
    return "onbekend" if head in _NEUTER else "onbekende"


def kind_name(cls: type[BaseModel]) -> Msg:
    """How ``cls`` is called in messages, ``(nl, en)``."""
    return _KIND_NAMES.get(cls.__name__, (cls.__name__.lower(), cls.__name__.lower()))


def _kinds(entries: Iterable[Entry]) -> Msg:
    names = sorted({kind_name(e.cls) for e in entries})
    return " of ".join(n for n, _ in names), " or ".join(e for _, e in names)


@dataclass
class Entry:
    """An entity one can refer to: its IRI, model class, names, owner (plan, network …) and where it is defined."""

    iri: str
    cls: type[BaseModel]
    names: list[str]
    owner: str | None = None
    where: str | None = None


@dataclass(frozen=True)
class Lookup:
    """The outcome of a look-up: the IRI, or an error message and perhaps a suggestion."""

    iri: str | None
    error: Msg | None = None
    suggestion: str | None = None


@dataclass
class Index:
    """The entities names can refer to: those of the workbook itself and those of the context graph."""

    entries: dict[str, Entry] = field(default_factory=dict)
    _by_key: dict[str, set[str]] = field(default_factory=dict)
    _by_norm: dict[str, set[str]] = field(default_factory=dict)
    _by_word: dict[str, set[str]] = field(default_factory=dict)

    def copy(self) -> Index:
        """An independent copy (entries are shared until :meth:`add` replaces them)."""
        return Index(
            dict(self.entries),
            {k: set(v) for k, v in self._by_key.items()},
            {k: set(v) for k, v in self._by_norm.items()},
            {k: set(v) for k, v in self._by_word.items()},
        )

    @classmethod
    def from_graph(cls, graph: Graph) -> Index:
        """Index every entity of ``graph`` that ecosysteem models (concepts excluded)."""
        index = cls()
        for subject in sorted({s for s in graph.subjects(RDFS.label, None) if isinstance(s, URIRef)}):
            model = model_class_for(graph, subject)
            if model is None or model is Concept:
                continue
            labels = sorted(graph.objects(subject, RDFS.label), key=lambda lit: (_lang_rank(lit), str(lit)))
            names = [str(x) for x in labels]
            names += sorted(str(x) for x in graph.objects(subject, SKOS.altLabel))
            if "abbreviation" in getattr(model, "model_fields", {}):  # as on the sheets: only where the model has it
                names += [str(x) for x in graph.objects(subject, EZ.abbreviation)]
            owner = next(
                (str(o) for p in (EZ.unitOf, EZ.inPlan, EZ.partOf, EZ.planOf) for o in graph.objects(subject, p)),
                next((str(plan) for plan in graph.subjects(EZ.hasGoal, subject)), None),
            )
            index.add(Entry(str(subject), model, names, owner))
        return index

    def add(self, entry: Entry) -> None:
        """Add ``entry``; an entry with the same IRI (from the context) is replaced."""
        old = self.entries.get(entry.iri)
        if old is not None:
            self._unindex(old)
        self.entries[entry.iri] = entry
        for name in entry.names:
            self._by_key.setdefault(key(name), set()).add(entry.iri)
            self._by_norm.setdefault(normalise_name(name), set()).add(entry.iri)
            for word in normalise_name(name).split():
                self._by_word.setdefault(word, set()).add(entry.iri)

    def _unindex(self, entry: Entry) -> None:
        for name in entry.names:
            self._by_key.get(key(name), set()).discard(entry.iri)
            self._by_norm.get(normalise_name(name), set()).discard(entry.iri)
            for word in normalise_name(name).split():
                self._by_word.get(word, set()).discard(entry.iri)

    def remove(self, iri: str) -> None:
        """Forget the entity ``iri``."""
        entry = self.entries.pop(iri, None)
        if entry is not None:
            self._unindex(entry)

    def owner(self, iri: str | None) -> str | None:
        entry = self.entries.get(iri or "")
        return entry.owner if entry else None

    def preferred(self, data: dict[str, Any]) -> set[str]:
        """The owners whose entities win when a name in the row ``data`` fits several: its plan and the plan's
        owner, the project it is part of and the project's owner."""
        plan, project = data.get("in_plan"), data.get("part_of")
        return {o for o in (plan, self.owner(plan), project, self.owner(project)) if o}

    def lookup(self, text: str, targets: tuple[type[BaseModel], ...], what: Msg, prefer: Iterable[str] = ()) -> Lookup:
        """Find the entity ``text`` names (name, other name, abbreviation, ``kind/slug`` or IRI).

        ``targets`` are the acceptable model classes; ``what`` names them in messages ``(nl, en)``. A name is
        compared as typed (case and spacing aside) and, failing that, as :func:`normalise_name` makes it; when a
        name fits several entities, those whose owner is in ``prefer`` win. Suggestions come only from entities of
        ``targets``, never from persons.
        """
        iri = as_iri(text)
        if iri is not None:
            return self._lookup_iri(text, iri, targets, what)
        found = self._found(self._by_key.get(key(text), set()))
        fitting = [e for e in found if issubclass(e.cls, targets)]
        if not fitting:
            same = self._found(self._by_norm.get(normalise_name(text), set()))
            fitting = [e for e in same if issubclass(e.cls, targets)]
            found = found or same
        if len(fitting) > 1:
            preferred = [e for e in fitting if e.owner in set(prefer)]
            if len(preferred) == 1:
                return Lookup(preferred[0].iri)
            ids = ", ".join(short_id(e.iri) for e in fitting)
            return Lookup(
                None,
                (
                    f"'{text}' kan meer dan één {what[0]} zijn ({ids}): schrijf de id in plaats van de naam",
                    f"'{text}' can mean several {what[1]}s ({ids}): write the id instead of the name",
                ),
            )
        if fitting:
            return Lookup(fitting[0].iri)
        if found:
            kinds = _kinds(found)
            return Lookup(
                None, (f"'{text}' is een {kinds[0]}, geen {what[0]}", f"'{text}' is a {kinds[1]}, not a {what[1]}")
            )
        return Lookup(
            None,
            (f"{unknown_nl(what[0])} {what[0]} '{text}'", f"unknown {what[1]} '{text}'"),
            suggest(text, self.names_of(targets)),
        )

    def names_of(self, targets: tuple[type[BaseModel], ...]) -> list[str]:
        """Every name of an entity of ``targets`` (persons left out: their names are personal data)."""
        return [n for e in self.entries.values() if issubclass(e.cls, targets) and e.cls is not Person for n in e.names]

    def _found(self, iris: Iterable[str]) -> list[Entry]:
        return [self.entries[i] for i in sorted(iris) if i in self.entries]

    def _lookup_iri(self, text: str, iri: str, targets: tuple[type[BaseModel], ...], what: Msg) -> Lookup:
        entry = self.entries.get(iri)
        if entry is None:
            return Lookup(
                None,
                (
                    f"onbekende id '{text}' ({what[0]}): niet in het werkboek en niet in de graaf",
                    f"unknown {what[1]} id '{text}': no such entity in the workbook or the graph",
                ),
            )
        if not issubclass(entry.cls, targets):
            kind = kind_name(entry.cls)
            return Lookup(
                None, (f"'{text}' is een {kind[0]}, geen {what[0]}", f"'{text}' is a {kind[1]}, not a {what[1]}")
            )
        return Lookup(iri)

    def same_name(self, text: str, targets: tuple[type[BaseModel], ...]) -> list[Entry]:
        """The entities of ``targets`` whose name is ``text`` after :func:`normalise_name`."""
        return [e for e in self._found(self._by_norm.get(normalise_name(text), set())) if issubclass(e.cls, targets)]

    def similar(self, text: str, targets: tuple[type[BaseModel], ...], cutoff: float) -> list[tuple[Entry, str]]:
        """The entities of ``targets`` whose name may be ``text`` written otherwise, best first.

        A name is similar when it is at least ``cutoff`` alike as a whole (a typo), or when one name's words are
        all in the other ("Meander" / "Meander Medisch Centrum"). Names that differ in a word of their own
        ("VPTZ Lindeland" / "VPTZ Nederland") are different bodies, however alike their letters. Only names that
        share a word with ``text`` are compared (so a workbook of thousands of rows stays fast).
        """
        words = set(normalise_name(text).split())
        sharing = {i for w in words for i in self._by_word.get(w, ())}
        by_name: dict[str, list[Entry]] = {}
        for entry in self._found(sharing):
            if issubclass(entry.cls, targets) and entry.cls is not Person:
                for name in entry.names:
                    by_name.setdefault(name, []).append(entry)
        out: list[tuple[Entry, str]] = []
        for candidate in rank_candidates(text, by_name, cutoff=0.0, limit=None):
            other = set(normalise_name(candidate.name).split())
            if candidate.score < cutoff and not (words and other and (words <= other or other <= words)):
                continue
            out += [(e, candidate.name) for e in by_name[candidate.name] if e not in [x for x, _ in out]]
        return out

    def display(self, iri: str, targets: tuple[type[BaseModel], ...], what: Msg, prefer: Iterable[str] = ()) -> str:
        """The shortest way to write ``iri`` in a cell so that :meth:`lookup` finds it again: a name, else the id."""
        entry = self.entries.get(iri)
        if entry is not None:
            for name in entry.names:
                plain = name == name.strip() and not re.search(r"[;\n]", name) and as_iri(name) is None
                if plain and self.lookup(name, targets, what, prefer).iri == iri:
                    return name
        return short_id(iri)


def _lang_rank(literal: object) -> int:
    language = literal.language if isinstance(literal, Literal) else None
    return {"nl": 0, "en": 1}.get(language or "", 2)


@dataclass
class Scheme:
    """The concepts of one scheme, findable by Dutch or English label, code (notation), slug or IRI."""

    name: str
    labels: dict[str, str] = field(default_factory=dict)
    """concept IRI → Dutch label (what the drop-downs show)"""
    codes: dict[str, str] = field(default_factory=dict)
    """concept IRI → code (notation, else slug)"""
    keys: dict[str, set[str]] = field(default_factory=dict)

    def lookup(self, text: str, what: Msg) -> Lookup:
        """The concept ``text`` names (label, other label, code, slug or IRI); suggestions only from this scheme."""
        iri = as_iri(text)
        if iri is not None and iri in self.labels:
            return Lookup(iri)
        found = self.keys.get(key(text)) or self.keys.get(normalise_name(text), set())
        if len(found) == 1:
            return Lookup(next(iter(found)))
        if found:
            return Lookup(
                None,
                (
                    f"'{text}' kan meer dan één {what[0]} zijn: gebruik de code",
                    f"'{text}' can mean several {what[1]}s: use the code",
                ),
            )
        options = [*self.labels.values(), *self.codes.values()]
        return Lookup(
            None, (f"{unknown_nl(what[0])} {what[0]} '{text}'", f"unknown {what[1]} '{text}'"), suggest(text, options)
        )

    def display(self, iri: str) -> str:
        """The Dutch label if it finds ``iri`` again, else the code, else the id."""
        for option in (self.labels.get(iri), self.codes.get(iri)):
            if option and not re.search(r"[;\n]", option) and self.lookup(option, ("", "")).iri == iri:
                return option
        return short_id(iri)


@dataclass
class Vocabulary:
    """Every concept scheme the workbook uses, read from a graph (ontology + bijenkorf dataset)."""

    schemes: dict[str, Scheme] = field(default_factory=dict)

    @classmethod
    def from_graph(cls, graph: Graph, names: Iterable[str]) -> Vocabulary:
        vocab = cls()
        for name in sorted(set(names)):
            scheme = Scheme(name)
            for concept in sorted(s for s in graph.subjects(SKOS.inScheme, scheme_iri(name)) if isinstance(s, URIRef)):
                iri = str(concept)
                labels = {
                    lit.language: str(lit) for lit in graph.objects(concept, SKOS.prefLabel) if isinstance(lit, Literal)
                }
                notation = graph.value(concept, SKOS.notation)
                slug = iri.rstrip("/").rsplit("/", 1)[-1]
                scheme.labels[iri] = labels.get("nl") or next(iter(labels.values()), slug)
                scheme.codes[iri] = str(notation) if notation is not None else slug
                others = [str(lit) for lit in graph.objects(concept, SKOS.altLabel)]
                for option in {*labels.values(), *others, scheme.codes[iri], slug, short_id(iri), iri}:
                    scheme.keys.setdefault(key(option), set()).add(iri)
                for option in {*labels.values(), *others}:
                    scheme.keys.setdefault(normalise_name(option), set()).add(iri)
            vocab.schemes[name] = scheme
        return vocab

    def scheme(self, name: str) -> Scheme:
        return self.schemes.get(name) or Scheme(name)
