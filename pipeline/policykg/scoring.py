"""Score the graph of a news item against gold annotations (the library side of ``policykg evaluate``).

The gold format is the one of ``shared/seed/seed-gold.json``: per item, entities
(``key``, pk: ``type``, accepted ``names``, optionally ``celex`` and ``alt_types``)
and relations (``s``, ``p``, ``o`` by entity key), each list with an ``optional_``
twin whose entries count neither for nor against.

How a graph is matched (see :func:`score_item`):

* graph entities are the nodes a news item ``pk:mentions`` that carry a pk: class;
  their types are closed over ``rdfs:subClassOf`` (a ``pk:Regulation`` is a ``pk:Instrument``);
* a gold entity with ``celex`` matches only a node with that CELEX (``pk:celex``, or a
  ``skos:exactMatch``/``owl:sameAs`` to the CELEX IRI); any other gold entity matches a
  node with a label equal to one of its names after :func:`fold`, or close to one
  (difflib ratio >= 0.86, both strings >= 5 characters); the types must agree;
* matching is one to one, best score first, required entities before optional ones;
  a node matched to an optional entity counts neither way, an unmatched node is spurious;
* relations are the pk: relation triples with at least one end among the graph
  entities, as (subject key, property, object key); an end that matched no gold entity
  makes the relation spurious; optional relations, and relations between two optional
  entities, count neither way. Triples in the ontology and runs graphs are ignored;
  those in the vocabulary graph (``pk:partOf`` between entries) count only when both
  ends are entities the item mentions (``vocabulary_relations=False`` ignores them).

Precision and recall of an empty denominator are 1.0 when the other count is zero
too (nothing to find, nothing claimed) and 0.0 otherwise.
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from policykg.errors import InputError, PolicykgError
from policykg.namespaces import (
    CELEX_IRI,
    OWL,
    PK,
    PK_CLASSES,
    PK_RELATIONS,
    PKG,
    PREFIXES,
    RDF,
    RDFS,
    SCHEMA,
    SKOS,
)

__all__ = [
    "Counts",
    "EntityMatch",
    "GoldEntity",
    "GoldItem",
    "GoldRelation",
    "ItemScore",
    "MissedEntity",
    "MissedRelation",
    "Report",
    "SpuriousEntity",
    "SpuriousRelation",
    "evaluate",
    "fold",
    "load_gold",
    "score_item",
]

RELATION_PROPERTIES: tuple[str, ...] = tuple(PK_RELATIONS.split())
ENTITY_CLASSES: frozenset[str] = frozenset(PK_CLASSES.split())
FUZZY_RATIO = 0.86
FUZZY_MIN_LENGTH = 5
#: Label properties in the order their values are shown.
LABEL_PROPERTIES = (SKOS.prefLabel, RDFS.label, SCHEMA.name, SKOS.altLabel, SKOS.hiddenLabel)
ARTICLES = frozenset("de het the een a an".split())
_NOT_ITEM_GRAPHS = frozenset(g.value for g in (PKG.ontology, PKG.vocabulary, PKG.runs))


# --------------------------------------------------------------------------- gold


@dataclass(frozen=True)
class GoldEntity:
    key: str
    type: str
    names: tuple[str, ...] = ()
    celex: str | None = None
    alt_types: tuple[str, ...] = ()

    @property
    def types(self) -> frozenset[str]:
        return frozenset((self.type, *self.alt_types))


@dataclass(frozen=True)
class GoldRelation:
    subject: str
    property: str
    object: str

    def __str__(self) -> str:
        return f"{self.subject} {self.property} {self.object}"


@dataclass(frozen=True)
class GoldItem:
    item: str
    lang: str
    entities: tuple[GoldEntity, ...]
    optional_entities: tuple[GoldEntity, ...] = ()
    relations: tuple[GoldRelation, ...] = ()
    optional_relations: tuple[GoldRelation, ...] = ()
    source: str = ""  # the gold file it was read from


def load_gold(paths: Sequence[Path]) -> list[GoldItem]:
    """Read gold files: each holds one item (as seed-gold.json) or ``{"items": [...]}``."""
    items: list[GoldItem] = []
    for path in paths:
        where = str(path)
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except OSError as exc:
            raise InputError(f"cannot read gold file: {exc.strerror or exc}", where=where) from exc
        except json.JSONDecodeError as exc:
            raise InputError(f"invalid JSON: {exc.msg}; fix the gold file", where=f"{where}:{exc.lineno}") from exc
        if isinstance(data, dict) and isinstance(data.get("items"), list):
            raw_items = data["items"]
        elif isinstance(data, dict) and "item" in data:
            raw_items = [data]
        else:
            raise InputError('expected one item with an "item" field, or {"items": [...]}', where=where)
        items.extend(_gold_item(raw, where, n) for n, raw in enumerate(raw_items, 1))
    return items


def _gold_item(raw: Any, where: str, n: int) -> GoldItem:
    if not isinstance(raw, dict) or not isinstance(raw.get("item"), str) or not raw["item"]:
        raise InputError(f'item #{n} has no "item" (the news item file name); add one', where=where)
    name = raw["item"]

    def fail(message: str) -> InputError:
        return InputError(f"item {name!r}: {message}", where=where)

    def entities(field_name: str) -> tuple[GoldEntity, ...]:
        out = []
        for e in _list(raw, field_name, fail):
            if not isinstance(e, dict) or not isinstance(e.get("key"), str):
                raise fail(f'an entry of "{field_name}" has no "key"')
            types = (e.get("type"), *e.get("alt_types", ()))
            bad = [t for t in types if t not in ENTITY_CLASSES]
            if bad:
                raise fail(f"entity {e['key']!r} has unknown type {bad[0]!r}; use a pk: class ({PK_CLASSES})")
            names = e.get("names", [])
            if not isinstance(names, list) or not all(isinstance(x, str) for x in names):
                raise fail(f'entity {e["key"]!r}: "names" must be a list of strings')
            if not names and not e.get("celex"):
                raise fail(f'entity {e["key"]!r} has neither "names" nor "celex"; give one')
            out.append(GoldEntity(e["key"], e["type"], tuple(names), e.get("celex") or None,
                                  tuple(e.get("alt_types", ()))))
        return tuple(out)

    required, optional = entities("entities"), entities("optional_entities")
    keys: set[str] = set()
    for e in (*required, *optional):
        if e.key in keys:
            raise fail(f"entity key {e.key!r} is used twice; keys must be unique")
        keys.add(e.key)

    def relations(field_name: str) -> tuple[GoldRelation, ...]:
        out = []
        for r in _list(raw, field_name, fail):
            if not isinstance(r, dict) or not all(isinstance(r.get(k), str) for k in "spo"):
                raise fail(f'an entry of "{field_name}" lacks "s", "p" or "o"')
            rel = GoldRelation(r["s"], r["p"], r["o"])
            if rel.property not in RELATION_PROPERTIES:
                raise fail(f"relation {rel} has unknown property {rel.property!r}; use one of {PK_RELATIONS}")
            for key in (rel.subject, rel.object):
                if key not in keys:
                    raise fail(f'relation {rel} names unknown entity key {key!r}; add it to "entities" '
                               'or "optional_entities"')
            out.append(rel)
        return tuple(out)

    return GoldItem(name, str(raw.get("lang") or "und"), required, optional,
                    relations("relations"), relations("optional_relations"), where)


def _list(raw: dict, name: str, fail: Callable[[str], InputError]) -> list:
    value = raw.get(name, [])
    if not isinstance(value, list):
        raise fail(f'"{name}" must be a list')
    return value


# --------------------------------------------------------------------------- folding


def fold(text: str) -> str:
    """Fold a label for comparison: accents, case, apostrophes, punctuation, a leading article.

    >>> fold("De Europese Commissie")
    'europese commissie'
    >>> fold("AI-verordening") == fold("AI verordening")
    True
    >>> fold("Alliantie voor taaltechnologieën"), fold("AI@EC-mededeling"), fold("Member States'")
    ('alliantie voor taaltechnologieen', 'ai@ec mededeling', 'member states')
    """
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()
    text = re.sub(r"['\u2018\u2019\u02bc`]", "", text)
    words = re.sub(r"[^\w@]|_", " ", text).split()
    if len(words) > 1 and words[0] in ARTICLES:
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=65536)
def _similarity(a: str, b: str, floor: float = FUZZY_RATIO) -> float:
    """1.0 for equal folded strings, else the difflib ratio when it reaches ``floor``, else 0.0.

    Cheap upper bounds (lengths, then character counts) rule out most pairs before difflib runs.
    """
    if a == b:
        return 1.0
    if not a or not b or 2 * min(len(a), len(b)) / (len(a) + len(b)) < floor:
        return 0.0
    ca, cb = _char_counts(a), _char_counts(b)
    if 2 * sum(min(n, cb.get(c, 0)) for c, n in ca.items()) / (len(a) + len(b)) < floor:
        return 0.0
    ratio = difflib.SequenceMatcher(None, a, b).ratio()
    return ratio if ratio >= floor else 0.0


@lru_cache(maxsize=8192)
def _char_counts(text: str) -> dict[str, int]:
    return dict(Counter(text))


def _is_match(ratio: float, a: str, b: str) -> bool:
    return ratio == 1.0 or (ratio >= FUZZY_RATIO and min(len(a), len(b)) >= FUZZY_MIN_LENGTH)


# --------------------------------------------------------------------------- reading the graph


@dataclass(frozen=True)
class _Node:
    id: str
    types: frozenset[str]  # declared pk: classes
    closure: frozenset[str]  # with their superclasses
    labels: tuple[str, ...]
    celex: frozenset[str]

    def folded(self) -> dict[str, str]:
        return {f: label for label in reversed(self.labels) if (f := fold(label))}


def _term_id(term: Any) -> str:
    return term.value if isinstance(term, ox.NamedNode) else str(term)


def _read_subclasses(store: ox.Store) -> dict[str, set[str]]:
    direct: dict[str, set[str]] = defaultdict(set)
    for q in store.quads_for_pattern(None, RDFS.subClassOf, None):
        if q.subject in PK and q.object in PK:
            direct[_local(q.subject)].add(_local(q.object))
    return direct


def _closure(cls: str, direct: Mapping[str, Iterable[str]]) -> set[str]:
    seen, todo = {cls}, [cls]
    while todo:
        for sup in direct.get(todo.pop(), ()):
            if sup not in seen:
                seen.add(sup)
                todo.append(sup)
    return seen


def _local(term: ox.NamedNode) -> str:
    return term.value[len(PK.iri):]


def _read_nodes(store: ox.Store, subclass_of: Mapping[str, Iterable[str]]) -> dict[str, _Node]:
    mentioned = {q.object for q in store.quads_for_pattern(None, PK.mentions, None)
                 if isinstance(q.object, (ox.NamedNode, ox.BlankNode))}
    nodes: dict[str, _Node] = {}
    for term in sorted(mentioned, key=_term_id):
        types = frozenset(_local(q.object) for q in store.quads_for_pattern(term, RDF.type, None)
                          if q.object in PK)
        if not types:
            continue
        labels: list[str] = []
        for prop in LABEL_PROPERTIES:
            values = sorted({q.object.value for q in store.quads_for_pattern(term, prop, None)
                             if isinstance(q.object, ox.Literal)})
            labels.extend(v for v in values if v not in labels)
        celex = {q.object.value.strip() for q in store.quads_for_pattern(term, PK.celex, None)
                 if isinstance(q.object, ox.Literal)}
        for prop in (SKOS.exactMatch, OWL.sameAs):
            celex.update(q.object.value[len(CELEX_IRI):] for q in store.quads_for_pattern(term, prop, None)
                         if isinstance(q.object, ox.NamedNode) and q.object.value.startswith(CELEX_IRI))
        closure = frozenset(c for t in types for c in _closure(t, subclass_of))
        nodes[_term_id(term)] = _Node(_term_id(term), types, closure, tuple(labels), frozenset(celex))
    return nodes


def _read_relations(store: ox.Store, nodes: Mapping[str, _Node], *, vocabulary_relations: bool
                    ) -> dict[tuple[str, str, str], str]:
    """(subject id, property, object id) -> where it came from ("item" or "vocabulary")."""
    found: dict[tuple[str, str, str], str] = {}
    for prop in RELATION_PROPERTIES:
        for q in store.quads_for_pattern(None, PK[prop], None):
            s, o = _term_id(q.subject), _term_id(q.object)
            in_s, in_o = s in nodes, o in nodes
            graph = q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else ""
            if graph in _NOT_ITEM_GRAPHS:
                if not (vocabulary_relations and graph == PKG.vocabulary.value and in_s and in_o):
                    continue
                found.setdefault((s, prop, o), "vocabulary")
            elif in_s or in_o:
                found[(s, prop, o)] = "item"
    return found


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class Counts:
    """True positives, false positives and false negatives, with P/R/F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else float(self.fn == 0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else float(self.fp == 0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}

    def format(self) -> str:
        return f"P={self.precision:.2f} R={self.recall:.2f} F1={self.f1:.2f}"


@dataclass(frozen=True)
class EntityMatch:
    key: str
    iri: str
    how: str  # "celex", "label" or "fuzzy"
    score: float
    label: str  # the label (or CELEX) that matched
    optional: bool = False


@dataclass(frozen=True)
class MissedEntity:
    key: str
    type: str
    names: tuple[str, ...]
    hint: str | None = None  # the nearest node, and why it did not match


@dataclass(frozen=True)
class SpuriousEntity:
    iri: str
    types: tuple[str, ...]
    labels: tuple[str, ...]  # a few
    hint: str | None = None  # e.g. "duplicate of commission"


@dataclass(frozen=True)
class MissedRelation:
    subject: str
    property: str
    object: str
    hint: str | None = None


@dataclass(frozen=True)
class SpuriousRelation:
    subject: str  # gold key, or a label with the IRI
    property: str
    object: str
    subject_iri: str
    object_iri: str
    source: str = "item"  # or "vocabulary"


@dataclass(frozen=True)
class ItemScore:
    item: str
    lang: str
    entities: Counts
    relations: Counts
    matches: tuple[EntityMatch, ...] = ()
    missed_entities: tuple[MissedEntity, ...] = ()
    spurious_entities: tuple[SpuriousEntity, ...] = ()
    missed_relations: tuple[MissedRelation, ...] = ()
    spurious_relations: tuple[SpuriousRelation, ...] = ()
    per_property: Mapping[str, Counts] = field(default_factory=dict)
    error: str | None = None  # set when the item's graph could not be built

    @classmethod
    def failed(cls, gold: GoldItem, error: str) -> ItemScore:
        """Everything required counts as missed."""
        per_property: dict[str, Counts] = defaultdict(Counts)
        for r in gold.relations:
            per_property[r.property] += Counts(fn=1)
        return cls(gold.item, gold.lang, Counts(fn=len(gold.entities)), Counts(fn=len(gold.relations)),
                   missed_entities=tuple(MissedEntity(e.key, e.type, e.names) for e in gold.entities),
                   missed_relations=tuple(MissedRelation(r.subject, r.property, r.object)
                                          for r in gold.relations),
                   per_property=_in_order(per_property), error=error)

    def to_dict(self) -> dict[str, Any]:
        def records(rows: Iterable[Any]) -> list[dict[str, Any]]:
            return [{k: (list(v) if isinstance(v, tuple) else v) for k, v in vars(r).items()} for r in rows]

        return {"item": self.item, "lang": self.lang, "error": self.error,
                "entities": self.entities.to_dict(), "relations": self.relations.to_dict(),
                "per_property": {p: c.to_dict() for p, c in self.per_property.items()},
                "matches": records(self.matches),
                "missed_entities": records(self.missed_entities),
                "spurious_entities": records(self.spurious_entities),
                "missed_relations": records(self.missed_relations),
                "spurious_relations": records(self.spurious_relations)}


# --------------------------------------------------------------------------- scoring


def score_item(store: ox.Store, gold: GoldItem, *, subclass_of: Mapping[str, set[str]] | None = None,
               vocabulary_relations: bool = True) -> ItemScore:
    """Score the graph of one news item in ``store`` against ``gold``.

    ``subclass_of`` maps a pk: class local name to its superclasses; when None it is
    read from the ``rdfs:subClassOf`` triples in the store (any graph). With
    ``vocabulary_relations`` a relation stated in the vocabulary graph counts when
    both its ends are entities the item mentions.
    """
    hierarchy = subclass_of if subclass_of is not None else _read_subclasses(store)
    nodes = _read_nodes(store, hierarchy)
    golds = [(e, False) for e in gold.entities] + [(e, True) for e in gold.optional_entities]
    folded_names = {e.key: [f for n in e.names if (f := fold(n))] for e, _ in golds}
    folded_labels = {n.id: n.folded() for n in nodes.values()}

    def identity(e: GoldEntity, n: _Node) -> tuple[float, str, str]:
        """How well ``n`` is ``e`` regardless of type: (score, how, matched label); 0 = no."""
        if e.celex:
            return (1.0, "celex", e.celex) if e.celex in n.celex else (0.0, "", "")
        best = (0.0, "", "")
        for name in folded_names[e.key]:
            for label_f, label in folded_labels[n.id].items():
                ratio = _similarity(name, label_f)
                if _is_match(ratio, name, label_f) and ratio > best[0]:
                    best = (ratio, "label" if ratio == 1.0 else "fuzzy", label)
        return best

    fits = {(e.key, n.id): identity(e, n) for e, _ in golds for n in nodes.values()}
    candidates = sorted(
        ((optional, -fit[0], i, n.id) for i, (e, optional) in enumerate(golds) for n in nodes.values()
         if (fit := fits[(e.key, n.id)])[0] > 0 and n.closure & e.types))
    key_of: dict[str, str] = {}
    node_of: dict[str, str] = {}
    matches = []
    for optional, _, i, node_id in candidates:
        e = golds[i][0]
        if e.key in node_of or node_id in key_of:
            continue
        key_of[node_id], node_of[e.key] = e.key, node_id
        score, how, label = fits[(e.key, node_id)]
        matches.append(EntityMatch(e.key, node_id, how, round(score, 4), label, optional))

    def entity_hint(e: GoldEntity) -> str | None:
        near = [(fits[(e.key, n.id)], n) for n in nodes.values()]
        for (score, _, _), n in near:
            if score > 0 and not n.closure & e.types:
                return f"{_short(n.id)} matches by name but is typed {_types(n)}, not {e.type}"
        for (score, _, _), n in near:
            if score > 0:
                return f"{_short(n.id)} matches but was taken by {key_of.get(n.id)}"
        if e.celex:
            for n in nodes.values():
                labels = folded_labels[n.id]
                if any(_is_match(_similarity(a, b), a, b) for a in folded_names[e.key] for b in labels):
                    has = ", ".join(sorted(n.celex)) or "none"
                    return f"{_short(n.id)} has a matching label but CELEX {has}, not {e.celex}"
        ratio, label, node = max(((_similarity(a, b, 0.6), label, n.id) for n in nodes.values()
                                  if n.id not in key_of
                                  for b, label in folded_labels[n.id].items() for a in folded_names[e.key]),
                                 default=(0.0, "", ""))
        return f"closest label {label!r} of {_short(node)} ({ratio:.2f})" if ratio >= 0.6 else None

    def spurious_hint(n: _Node) -> str | None:
        for e, _ in golds:
            if fits[(e.key, n.id)][0] > 0:
                if n.closure & e.types:
                    return f"duplicate of {e.key} (matched {_short(node_of.get(e.key, '?'))})"
                return f"matches {e.key} by name but is typed {_types(n)}, not {e.type}"
        return None

    missed_entities = tuple(MissedEntity(e.key, e.type, e.names, entity_hint(e))
                            for e in gold.entities if e.key not in node_of)
    spurious_entities = tuple(SpuriousEntity(n.id, tuple(sorted(n.types)), n.labels[:3], spurious_hint(n))
                              for n in sorted(nodes.values(), key=lambda n: n.id) if n.id not in key_of)
    entity_counts = Counts(tp=sum(1 for m in matches if not m.optional), fp=len(spurious_entities),
                           fn=len(missed_entities))

    # relations
    required = set(gold.relations)
    optional_rel = set(gold.optional_relations)
    optional_keys = {e.key for e in gold.optional_entities}
    per_property: dict[str, Counts] = defaultdict(Counts)
    found: set[GoldRelation] = set()
    spurious_relations = []
    graph_relations = _read_relations(store, nodes, vocabulary_relations=vocabulary_relations)
    as_keys: set[tuple[str, str, str]] = set()
    for (s, prop, o), source in sorted(graph_relations.items()):
        ks, ko = key_of.get(s), key_of.get(o)
        if ks and ko:
            rel = GoldRelation(ks, prop, ko)
            as_keys.add((ks, prop, ko))
            if rel in required:
                found.add(rel)
                continue
            if rel in optional_rel or (ks in optional_keys and ko in optional_keys):
                continue
        spurious_relations.append(SpuriousRelation(_describe(s, ks, nodes), prop, _describe(o, ko, nodes),
                                                   s, o, source))
        per_property[prop] += Counts(fp=1)
    for rel in found:
        per_property[rel.property] += Counts(tp=1)

    def relation_hint(r: GoldRelation) -> str | None:
        lost = [k for k in (r.subject, r.object) if k not in node_of]
        if lost:
            return "entity not found: " + ", ".join(dict.fromkeys(lost))
        if (r.object, r.property, r.subject) in as_keys:
            return "the graph has it the other way round"
        other = sorted(p for s, p, o in as_keys if {s, o} == {r.subject, r.object})
        if other:
            return "the graph relates them by " + ", ".join(other)
        return None

    missed_relations = []
    for r in dict.fromkeys(gold.relations):
        if r not in found:
            per_property[r.property] += Counts(fn=1)
            missed_relations.append(MissedRelation(r.subject, r.property, r.object, relation_hint(r)))
    relation_counts = Counts(tp=len(found), fp=len(spurious_relations), fn=len(missed_relations))
    return ItemScore(gold.item, gold.lang, entity_counts, relation_counts, tuple(matches),
                     missed_entities, spurious_entities, tuple(missed_relations), tuple(spurious_relations),
                     _in_order(per_property))


def _in_order(per_property: Mapping[str, Counts]) -> dict[str, Counts]:
    return {p: per_property[p] for p in RELATION_PROPERTIES if p in per_property}


def _short(iri: str) -> str:
    for prefix, base in PREFIXES.items():
        if iri.startswith(base) and len(iri) > len(base):
            return f"{prefix}:{iri[len(base):]}"
    return iri


def _types(n: _Node) -> str:
    return "/".join(sorted(n.types))


def _describe(node_id: str, key: str | None, nodes: Mapping[str, _Node]) -> str:
    if key:
        return key
    node = nodes.get(node_id)
    if node and node.labels:
        return f"{node.labels[0]!r} <{_short(node_id)}>"
    return f"<{_short(node_id)}>"


# --------------------------------------------------------------------------- report


@dataclass(frozen=True)
class Report:
    """The scores of many items, micro-averaged."""

    items: tuple[ItemScore, ...]

    @property
    def entities(self) -> Counts:
        return sum((i.entities for i in self.items), Counts())

    @property
    def relations(self) -> Counts:
        return sum((i.relations for i in self.items), Counts())

    @property
    def failed(self) -> tuple[ItemScore, ...]:
        return tuple(i for i in self.items if i.error is not None)

    def by_language(self) -> dict[str, dict[str, Counts]]:
        out: dict[str, dict[str, Counts]] = {}
        for i in self.items:
            row = out.setdefault(i.lang, {"entities": Counts(), "relations": Counts()})
            row["entities"] += i.entities
            row["relations"] += i.relations
        return dict(sorted(out.items()))

    def by_property(self) -> dict[str, Counts]:
        out: dict[str, Counts] = defaultdict(Counts)
        for i in self.items:
            for prop, counts in i.per_property.items():
                out[prop] += counts
        return _in_order(out)

    def to_dict(self) -> dict[str, Any]:
        return {
            "summary": {"items": len(self.items), "failed": len(self.failed),
                        "entities": self.entities.to_dict(), "relations": self.relations.to_dict()},
            "by_language": {lang: {k: c.to_dict() for k, c in row.items()}
                            for lang, row in self.by_language().items()},
            "by_property": {p: c.to_dict() for p, c in self.by_property().items()},
            "items": [i.to_dict() for i in self.items],
        }

    def format_text(self, verbose: bool = False) -> str:
        lines: list[str] = []
        for i in self.items:
            if i.error is not None:
                lines.append(f"{i.item}: FAILED: {i.error}")
            if verbose:
                lines.extend(_format_item(i))
        if verbose:
            lines.append("by language:")
            for lang, row in self.by_language().items():
                lines.append(f"  {lang:<4} entities {row['entities'].format()} | "
                             f"relations {row['relations'].format()}")
            lines.append("by relation property:")
            for prop, c in self.by_property().items():
                lines.append(f"  {prop:<15} {c.format()}  (tp {c.tp}, fp {c.fp}, fn {c.fn})")
        summary = (f"entities {self.entities.format()} | relations {self.relations.format()} "
                   f"| items={len(self.items)}")
        lines.append(summary + (f" | failed={len(self.failed)}" if self.failed else ""))
        return "\n".join(lines)


def _format_item(i: ItemScore) -> list[str]:
    e, r = i.entities, i.relations
    lines = [f"{i.item} ({i.lang}): entities {e.format()} (tp {e.tp}, fp {e.fp}, fn {e.fn}) | "
             f"relations {r.format()} (tp {r.tp}, fp {r.fp}, fn {r.fn})"]

    def add(kind: str, text: str, hint: str | None) -> None:
        lines.append(f"  {kind:<17} {text}" + (f"  -- {hint}" if hint else ""))

    for m in i.missed_entities:
        add("missed entity", f"{m.key} [{m.type}] " + ", ".join(repr(n) for n in m.names[:3]), m.hint)
    for s in i.spurious_entities:
        add("spurious entity", f"{_short(s.iri)} [{'/'.join(s.types)}] " + ", ".join(repr(x) for x in s.labels), s.hint)
    for mr in i.missed_relations:
        add("missed relation", f"{mr.subject} {mr.property} {mr.object}", mr.hint)
    for sr in i.spurious_relations:
        add("spurious relation", f"{sr.subject} {sr.property} {sr.object}",
            "from the vocabulary" if sr.source == "vocabulary" else None)
    return lines


def evaluate(gold_items: Iterable[GoldItem], items_dir: Path, *, build_store: Callable[[Path], ox.Store],
             vocabulary_relations: bool = True) -> Report:
    """Build each gold item's graph with ``build_store(items_dir / item)`` and score it.

    An item whose file is missing or whose build raises a :class:`PolicykgError`
    counts as all missed, with the error kept in its :class:`ItemScore`.
    """
    scores = []
    for gold in gold_items:
        path = Path(items_dir) / gold.item
        if not path.exists():
            scores.append(ItemScore.failed(gold, f"{path}: no such news item; check ITEMS_DIR and the gold "
                                                 f'"item" field'))
            continue
        try:
            store = build_store(path)
        except PolicykgError as exc:
            scores.append(ItemScore.failed(gold, str(exc)))
            continue
        scores.append(score_item(store, gold, vocabulary_relations=vocabulary_relations))
    return Report(tuple(scores))
