"""The SKOS vocabularies of ``ontology/vocabularies`` as an in-memory index.

The gazetteer matches their labels; linking looks names up in them. Loaded once
per process (:func:`load_vocabulary` is cached).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from . import resources
from .errors import OntologyError
from .namespaces import DCTERMS, ORG, PK, RDF, SKOS

_LABEL_KINDS = {SKOS.prefLabel.value: "pref", SKOS.altLabel.value: "alt", SKOS.hiddenLabel.value: "hidden"}

#: More specific classes first: an entry typed with several gets the first that applies.
CLASS_ORDER = (
    "Regulation Directive Decision Communication Proposal Package Recommendation StaffWorkingDocument "
    "Instrument Initiative Programme Institution MemberState Sector InstrumentType"
).split()


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key of a name.

    >>> fold("  De Europese  Commissie ")
    'europese commissie'
    >>> fold("AI-bureau") == fold("AI bureau") == fold("ai‑bureau")
    True
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[\u2018\u2019'`]", "", text)
    text = re.sub(r"[^\w@]+", " ", text).strip()
    return re.sub(r"^(de|het|the|een|a|an) ", "", text)


@dataclass(frozen=True)
class Label:
    text: str
    lang: str
    kind: str  # "pref", "alt" or "hidden"


@dataclass(frozen=True)
class VocabEntry:
    iri: str
    cls: str
    labels: tuple[Label, ...]
    celex: str | None = None

    def pref_label(self, lang: str) -> str:
        for wanted in (lang, "en", "nl"):
            for label in self.labels:
                if label.kind == "pref" and label.lang == wanted:
                    return label.text
        return self.labels[0].text if self.labels else self.iri


@dataclass(frozen=True)
class InstrumentType:
    """A kind of instrument (``verordening``, ``communication``) and its pk: class."""

    iri: str
    cls: str
    celex_letter: str | None
    labels: tuple[Label, ...]


class Vocabulary:
    """The entries of all concept schemes, with lookups by IRI, folded label and CELEX."""

    def __init__(self, entries: list[VocabEntry], instrument_types: list[InstrumentType], version: str,
                 parents: dict[str, frozenset[str]] | None = None) -> None:
        self.entries = {e.iri: e for e in entries}
        self.parents = parents or {}  # entry -> the entries it is part of (org:subOrganizationOf, dcterms:isPartOf)
        self.instrument_types = instrument_types
        self.version = version
        self._by_label: dict[str, list[VocabEntry]] = {}
        self._by_celex: dict[str, VocabEntry] = {}
        self._folded_names: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
        for entry in entries:
            for label in entry.labels:
                bucket = self._by_label.setdefault(fold(label.text), [])
                if entry not in bucket:
                    bucket.append(entry)
            if entry.celex:
                self._by_celex[entry.celex] = entry

    def __len__(self) -> int:
        return len(self.entries)

    def lookup(self, name: str) -> list[VocabEntry]:
        """Entries one of whose labels folds to the same key as ``name``."""
        return self._by_label.get(fold(name), [])

    def by_celex(self, celex: str) -> VocabEntry | None:
        return self._by_celex.get(celex)

    def get(self, iri: str) -> VocabEntry | None:
        return self.entries.get(iri)

    def folded_names(self, iri: str) -> tuple[frozenset[str], frozenset[str]]:
        """The folded labels of the entry ``iri`` and the words in them (none for an IRI not in
        the vocabulary), worked out once per entry."""
        found = self._folded_names.get(iri)
        if found is None:
            entry = self.entries.get(iri)
            names = frozenset(fold(label.text) for label in entry.labels) if entry else frozenset()
            found = self._folded_names[iri] = names, frozenset(word for name in names for word in name.split())
        return found

    def part_of(self, iri: str) -> frozenset[str]:
        """The entries ``iri`` is directly part of: a DG of the Commission, a strand of a programme."""
        return self.parents.get(iri, frozenset())


def _literal_label(term: ox.Literal, kind: str) -> Label:
    return Label(term.value, term.language or "", kind)


def parse_vocabulary(paths: list[Path], version: str = "") -> Vocabulary:
    """Read SKOS Turtle files into a :class:`Vocabulary`."""
    store = ox.Store()
    for path in paths:
        try:
            store.load(path=str(path), format=ox.RdfFormat.TURTLE)
        except (SyntaxError, OSError) as exc:
            raise OntologyError(f"cannot read the vocabulary: {exc}", where=str(path)) from exc
    types: dict[str, set[str]] = {}
    for quad in store.quads_for_pattern(None, RDF.type, None):
        if quad.object.value.startswith(PK.iri):
            types.setdefault(quad.subject.value, set()).add(quad.object.value[len(PK.iri):])
    labels: dict[str, list[Label]] = {}
    for pred, kind in _LABEL_KINDS.items():
        for quad in store.quads_for_pattern(None, ox.NamedNode(pred), None):
            if isinstance(quad.object, ox.Literal):
                labels.setdefault(quad.subject.value, []).append(_literal_label(quad.object, kind))
    celex = {q.subject.value: q.object.value for q in store.quads_for_pattern(None, PK.celex, None)}
    letters = {q.subject.value: q.object.value for q in store.quads_for_pattern(None, PK.celexTypeLetter, None)}
    classes = {
        q.subject.value: q.object.value[len(PK.iri):]
        for q in store.quads_for_pattern(None, PK.instrumentClass, None)
    }
    parents: dict[str, set[str]] = {}
    for pred in (ORG.subOrganizationOf, DCTERMS.isPartOf):
        for quad in store.quads_for_pattern(None, pred, None):
            parents.setdefault(quad.subject.value, set()).add(quad.object.value)
    entries, instrument_types = [], []
    for iri in sorted(types):
        kinds = types[iri]
        ordered = sorted(labels.get(iri, []), key=lambda l: ("pref alt hidden".split().index(l.kind), l.lang, l.text))
        if "InstrumentType" in kinds:
            instrument_types.append(InstrumentType(iri, classes.get(iri, "Instrument"), letters.get(iri), tuple(ordered)))
            continue
        cls = next((c for c in CLASS_ORDER if c in kinds), None)
        if cls is None:
            continue
        entries.append(VocabEntry(iri, cls, tuple(ordered), celex.get(iri)))
    return Vocabulary(entries, instrument_types, version, {k: frozenset(v) for k, v in parents.items()})


@lru_cache(maxsize=1)
def load_vocabulary() -> Vocabulary:
    """The vocabulary that ships with policykg (cached per process)."""
    files = resources.vocabulary_files()
    if not files:
        raise OntologyError(
            f"no vocabulary in {resources.ontology_dir() / 'vocabularies'}; "
            "run 'python -m policykg.vocabbuild' to generate it"
        )
    return parse_vocabulary(files, resources.vocabulary_version())
