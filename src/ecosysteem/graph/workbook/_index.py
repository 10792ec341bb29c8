"""Looking names up: entities by name, abbreviation or id, concepts by label or code, with suggestions."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from pydantic import BaseModel
from rdflib import Graph, Literal, URIRef

from ecosysteem._iri import short_iri as short_id
from ecosysteem.graph.convert import model_class_for
from ecosysteem.model import Concept, Person
from ecosysteem.model._fields import BASE
from ecosysteem.vocab import EZ, RDFS, SKOS, scheme_iri

__all__ = ["Entry", "Index", "Lookup", "Vocabulary", "key", "short_id"]

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


def _suggest(value: str, names: Iterable[str]) -> str | None:
    """The known name the user most likely meant: one contained in the value (or containing it), else the closest."""
    options = sorted(set(names))
    folded = {key(n): n for n in options}
    wanted = key(value)
    words = set(re.split(r"\W+", wanted))
    contained = [n for k, n in folded.items() if k and (set(re.split(r"\W+", k)) <= words or wanted in k)]
    if contained:
        return max(contained, key=len)
    close = difflib.get_close_matches(wanted, list(folded), n=1, cutoff=0.6)
    return folded[close[0]] if close else None


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
    error: str | None = None
    suggestion: str | None = None


@dataclass
class Index:
    """The entities names can refer to: those of the workbook itself and those of the context graph."""

    entries: dict[str, Entry] = field(default_factory=dict)
    _by_key: dict[str, set[str]] = field(default_factory=dict)

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
            if "abbreviation" in getattr(model, "model_fields", {}):  # as on the sheets: only where the model has it
                names += [str(x) for x in graph.objects(subject, EZ.abbreviation)]
            owner = next(
                (str(o) for p in (EZ.unitOf, EZ.inPlan, EZ.partOf, EZ.planOf) for o in graph.objects(subject, p)),
                None,
            )
            index.add(Entry(str(subject), model, names, owner))
        return index

    def add(self, entry: Entry) -> None:
        """Add ``entry``; an entry with the same IRI (from the context) is replaced."""
        old = self.entries.get(entry.iri)
        if old is not None:
            for name in old.names:
                self._by_key.get(key(name), set()).discard(entry.iri)
        self.entries[entry.iri] = entry
        for name in entry.names:
            self._by_key.setdefault(key(name), set()).add(entry.iri)

    def remove(self, iri: str) -> None:
        """Forget the entity ``iri``."""
        entry = self.entries.pop(iri, None)
        if entry is not None:
            for name in entry.names:
                self._by_key.get(key(name), set()).discard(iri)

    def owner(self, iri: str | None) -> str | None:
        entry = self.entries.get(iri or "")
        return entry.owner if entry else None

    def lookup(self, text: str, targets: tuple[type[BaseModel], ...], what: str, prefer: Iterable[str] = ()) -> Lookup:
        """Find the entity ``text`` names (name, abbreviation, English name, ``kind/slug`` or IRI).

        ``targets`` are the acceptable model classes; ``what`` names them in messages; when a name fits several
        entities, those whose owner is in ``prefer`` win.
        """
        iri = as_iri(text)
        if iri is not None:
            entry = self.entries.get(iri)
            if entry is None:
                return Lookup(None, f"unknown {what} id '{text}': no such entity in the workbook or the graph")
            if not issubclass(entry.cls, targets):
                return Lookup(None, f"'{text}' is a {entry.cls.__name__}, not a {what}")
            return Lookup(iri)
        found = [self.entries[i] for i in sorted(self._by_key.get(key(text), ())) if i in self.entries]
        fitting = [e for e in found if issubclass(e.cls, targets)]
        if len(fitting) > 1:
            preferred = [e for e in fitting if e.owner in set(prefer)]
            if len(preferred) == 1:
                return Lookup(preferred[0].iri)
            ids = ", ".join(short_id(e.iri) for e in fitting)
            return Lookup(None, f"'{text}' can mean several {what}s ({ids}): write the id instead of the name")
        if fitting:
            return Lookup(fitting[0].iri)
        if found:
            kinds = ", ".join(sorted({e.cls.__name__ for e in found}))
            return Lookup(None, f"'{text}' is a {kinds}, not a {what}")
        # Persons' names are personal data: never offered as a suggestion (they can still be named exactly).
        names = [
            n for e in self.entries.values() if issubclass(e.cls, targets) and e.cls is not Person for n in e.names
        ]
        return Lookup(None, f"unknown {what} '{text}'", _suggest(text, names))

    def display(self, iri: str, targets: tuple[type[BaseModel], ...], what: str, prefer: Iterable[str] = ()) -> str:
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

    def lookup(self, text: str, what: str) -> Lookup:
        iri = as_iri(text)
        if iri is not None and iri in self.labels:
            return Lookup(iri)
        found = self.keys.get(key(text), set())
        if len(found) == 1:
            return Lookup(next(iter(found)))
        if found:
            return Lookup(None, f"'{text}' can mean several {what}s: use the code")
        options = [*self.labels.values(), *self.codes.values()]
        return Lookup(None, f"unknown {what} '{text}'", _suggest(text, options))

    def display(self, iri: str) -> str:
        """The Dutch label if it finds ``iri`` again, else the code, else the id."""
        for option in (self.labels.get(iri), self.codes.get(iri)):
            if option and not re.search(r"[;\n]", option) and self.lookup(option, "").iri == iri:
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
                for option in {*labels.values(), scheme.codes[iri], slug, short_id(iri), iri}:
                    scheme.keys.setdefault(key(option), set()).add(iri)
            vocab.schemes[name] = scheme
        return vocab

    def scheme(self, name: str) -> Scheme:
        return self.schemes.get(name) or Scheme(name)
