"""RDF dumps of the store: what to export (a selection), how (streaming, gzip), and the dump's VoID.

A :class:`Selection` says which quads leave the store:

- nothing set: the whole store, every graph;
- ``graph``: one named graph (it must exist);
- ``classes``: the entities of these classes (subclasses included, through the ontology's
  ``rdfs:subClassOf``) with the triples that describe them; ``pk:`` relations only among the
  selected entities, each with its evidence (the ``rdf:Statement`` and its ``nif:Sentence``);
- ``since`` / ``until`` (``schema:datePublished``, inclusive) and ``sources``
  (``dcterms:source``, any of them): the news items that match, with their whole graphs.

Filters combine: a class filter with item filters keeps the entities that the selected items
mention, described by those items' graphs and the non-item graphs (vocabulary, ontology);
``graph`` narrows every filter to that one graph.

Reading is by pattern over the store's indexes, one entity or graph at a time, so a dataset
format (N-Quads, TriG, JSON-LD) streams in constant memory; only the ids of selected items
and entities are held. A triple format (or ``union``) writes each distinct triple once and so
keeps the triples seen (:func:`policykg.formats.write_rdf`). The VoID description needs its
counts before the data, so it costs a first pass over the selection that holds the distinct
subjects, classes and properties; ``void=False`` skips it.
"""

from __future__ import annotations

import datetime as dt
import gzip as gzip_module
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import BinaryIO

import pyoxigraph as ox

from .errors import UsageError
from .formats import RdfFormatSpec, rdf_statements, write_rdf
from .namespaces import DCTERMS, PK, PK_CLASSES, PK_RELATIONS, PKG, PKN, PREFIXES, PROV, RDF, RDFS, VOID, XSD
from .store import GraphStore

__all__ = ["DumpStats", "Selection", "dump", "select", "void_quads"]

_RELATIONS = frozenset(PK[name] for name in PK_RELATIONS.split())
#: Namespaces that are data, not vocabulary: never a void:vocabulary.
_DATA_SPACES = ("pkr", "pkn", "pkg")


def _date(value: dt.date | str | None, option: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(f"{option} {value!r} is not a date; write it as YYYY-MM-DD, e.g. 2024-01-24") from None


def _class_iri(name: str) -> ox.NamedNode:
    from .queries import to_term

    text = name.strip()
    if ":" not in text:  # a bare pk: class name
        text = f"pk:{text}"
    try:
        term = to_term("iri", text)
    except ValueError as exc:
        raise UsageError(f"--class {name!r}: {exc}") from None
    if term in PK and term.value[len(PK.iri):] not in PK_CLASSES.split():
        raise UsageError(f"--class {name!r} is not a pk: class; choose one of: {', '.join(PK_CLASSES.split())}")
    return term


def _graph_iri(name: str) -> ox.NamedNode:
    from .queries import to_term

    try:
        return to_term("iri", name.strip())
    except ValueError as exc:
        raise UsageError(f"--graph {name!r}: {exc}") from None


@dataclass(frozen=True)
class Selection:
    """Which part of the store an export writes (see the module docstring); empty is everything.

    >>> Selection(classes=("pk:Regulation",), since="2024-01-01").describe()
    'class pk:Regulation; published since 2024-01-01'
    >>> Selection().describe()
    'the whole store'
    """

    graph: str | None = None
    classes: tuple[str, ...] = ()
    since: dt.date | str | None = None
    until: dt.date | str | None = None
    sources: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "classes", tuple([self.classes] if isinstance(self.classes, str) else self.classes))
        object.__setattr__(self, "sources", tuple([self.sources] if isinstance(self.sources, str) else self.sources))
        object.__setattr__(self, "since", _date(self.since, "--since"))
        object.__setattr__(self, "until", _date(self.until, "--until"))
        if self.since and self.until and self.since > self.until:
            raise UsageError(f"--since {self.since} is after --until {self.until}; swap them")

    @property
    def filters_items(self) -> bool:
        return bool(self.since or self.until or self.sources)

    def describe(self) -> str:
        parts = []
        if self.graph:
            parts.append(f"graph <{self.graph}>")
        parts.extend(f"class {name}" for name in self.classes)
        if self.since:
            parts.append(f"published since {self.since.isoformat()}")
        if self.until:
            parts.append(f"published until {self.until.isoformat()}")
        parts.extend(f"source {source!r}" for source in self.sources)
        return "; ".join(parts) or "the whole store"


# ---------------------------------------------------------------------------- selecting


# bound variables must be projected (pyoxigraph); unbound ones stay empty
_ITEMS = "SELECT DISTINCT ?item ?since ?until ?source WHERE { GRAPH ?item { ?item a pk:NewsItem %s } }"
_SINCE = ". ?item schema:datePublished ?date FILTER(SUBSTR(STR(?date), 1, 10) >= ?since)"
_UNTIL = ". ?item schema:datePublished ?date2 FILTER(SUBSTR(STR(?date2), 1, 10) <= ?until)"
_SOURCE = ". ?item dcterms:source ?src FILTER(STR(?src) = ?source)"
_MEMBERS = "SELECT DISTINCT ?e ?class WHERE { ?c rdfs:subClassOf* ?class . ?e a ?c }"


def _selected_items(store: GraphStore, selection: Selection) -> set[ox.NamedNode]:
    patterns, values = [], {}
    if selection.since:
        patterns.append(_SINCE)
        values[ox.Variable("since")] = ox.Literal(selection.since.isoformat())
    if selection.until:
        patterns.append(_UNTIL)
        values[ox.Variable("until")] = ox.Literal(selection.until.isoformat())
    sources = selection.sources or (None,)
    items: set[ox.NamedNode] = set()
    for source in sources:
        text = " ".join(patterns)
        bound = dict(values)
        if source is not None:
            text += " " + _SOURCE
            bound[ox.Variable("source")] = ox.Literal(source)
        items.update(row["item"] for row in store.query(_ITEMS % text, substitutions=bound))
    return items


def _selected_entities(store: GraphStore, selection: Selection, items: set[ox.NamedNode] | None) -> set[ox.Term]:
    entities: set[ox.Term] = set()
    for name in selection.classes:
        rows = store.query(_MEMBERS, substitutions={ox.Variable("class"): _class_iri(name)})
        entities.update(row["e"] for row in rows)
    if items is not None:
        mentioned = {q.object for item in items for q in store.raw.quads_for_pattern(item, PK.mentions, None, item)}
        entities &= mentioned | items
    return entities


def _entity_quads(
    store: GraphStore, entities: set[ox.Term], graphs: Sequence[ox.NamedNode] | None
) -> Iterator[ox.Quad]:
    """The quads describing each entity; relations only among ``entities``, with their evidence."""
    raw = store.raw
    scopes: Sequence[ox.NamedNode | None] = graphs if graphs is not None else (None,)
    for entity in sorted(entities, key=str):
        for graph in scopes:
            for quad in raw.quads_for_pattern(entity, None, None, graph):
                if quad.predicate in _RELATIONS and quad.object not in entities:
                    continue
                yield quad
    # evidence of the relations kept: the reified statement and the sentence it came from
    sentences: set[tuple[ox.Term, ox.Term]] = set()
    for entity in sorted(entities, key=str):
        for graph in scopes:
            for link in raw.quads_for_pattern(None, RDF.subject, entity, graph):
                statement = list(raw.quads_for_pattern(link.subject, None, None, link.graph_name))
                about = {q.predicate: q.object for q in statement}
                if about.get(RDF.predicate) not in _RELATIONS or about.get(RDF.object) not in entities:
                    continue
                yield from statement
                for quad in statement:
                    if quad.predicate == PROV.wasDerivedFrom and (quad.object, link.graph_name) not in sentences:
                        sentences.add((quad.object, link.graph_name))
                        yield from raw.quads_for_pattern(quad.object, None, None, link.graph_name)


def select(store: GraphStore, selection: Selection) -> Callable[[], Iterator[ox.Quad]]:
    """Resolve ``selection`` once; the result makes a fresh, lazy iterator of its quads each call."""
    graph = _graph_iri(selection.graph) if selection.graph else None
    if graph is not None and not store.raw.contains_named_graph(graph):
        raise UsageError(
            f"no named graph <{selection.graph}> in the store; list them with "
            "'policykg sparql \"SELECT DISTINCT ?g WHERE { GRAPH ?g {} }\"'"
        )
    items = _selected_items(store, selection) if selection.filters_items else None
    if selection.classes:
        entities = _selected_entities(store, selection, items)
        if items is None:
            graphs = [graph] if graph is not None else None
        else:
            others = [g for g in store.named_graphs() if g not in PKN and g != PKG.runs]
            graphs = sorted(items, key=str) + others
            if graph is not None:
                graphs = [g for g in graphs if g == graph]
        return lambda: _entity_quads(store, entities, graphs)
    if items is not None:
        graphs = [g for g in sorted(items, key=str) if graph is None or g == graph]
        return lambda: (q for g in graphs for q in store.raw.quads_for_pattern(None, None, None, g))
    return lambda: store.quads(graph)


# ---------------------------------------------------------------------------- VoID


@dataclass(frozen=True)
class DumpStats:
    """What a dump holds (without its own description): the numbers its VoID reports."""

    triples: int
    classes: tuple[ox.NamedNode, ...]
    properties: tuple[ox.NamedNode, ...]
    distinct_subjects: int
    sources: tuple[str, ...]

    @property
    def vocabularies(self) -> tuple[str, ...]:
        """The namespaces of the classes and properties used (known prefixes first, else up to # or /)."""
        spaces = set()
        known = sorted(((iri, p) for p, iri in PREFIXES.items()), key=lambda item: -len(item[0]))
        for term in (*self.classes, *self.properties):
            space = next((iri for iri, prefix in known if term.value.startswith(iri)), None)
            if space is None:
                cut = max(term.value.rfind("#"), term.value.rfind("/"))
                space = term.value[: cut + 1]
            if not any(space == PREFIXES[p] for p in _DATA_SPACES):
                spaces.add(space)
        return tuple(sorted(spaces))


def dump_stats(statements: Iterable[ox.Quad | ox.Triple]) -> DumpStats:
    """Count what ``statements`` (as written: quads or union triples) hold."""
    triples = 0
    subjects: set[ox.Term] = set()
    classes: set[ox.NamedNode] = set()
    properties: set[ox.NamedNode] = set()
    sources: set[str] = set()
    for statement in statements:
        triples += 1
        subjects.add(statement.subject)
        properties.add(statement.predicate)
        if statement.predicate == RDF.type and isinstance(statement.object, ox.NamedNode):
            classes.add(statement.object)
        elif statement.predicate == DCTERMS.source and statement.subject in PKN and isinstance(statement.object, ox.Literal):
            sources.add(statement.object.value)
    return DumpStats(
        triples,
        tuple(sorted(classes, key=str)),
        tuple(sorted(properties, key=str)),
        len(subjects),
        tuple(sorted(sources)),
    )


def void_quads(
    stats: DumpStats, *, spec: RdfFormatSpec, selection: Selection, created: dt.datetime, version: str
) -> list[ox.Quad]:
    """The dump's VoID description: node ``pkg:dataset``, in graph ``pkg:void`` (dataset formats)."""
    node, graph = PKG.dataset, PKG.void if spec.datasets else None

    def integer(n: int) -> ox.Literal:
        return ox.Literal(str(n), datatype=XSD.integer)

    triples: list[tuple[ox.NamedNode, ox.Term]] = [
        (RDF.type, VOID.Dataset),
        (DCTERMS.title, ox.Literal("policykg knowledge graph export", language="en")),
        (RDFS.comment, ox.Literal(f"Exported by policykg {version}: {selection.describe()}.", language="en")),
        (DCTERMS.created, ox.Literal(created.isoformat(), datatype=XSD.dateTime)),
        (DCTERMS.hasVersion, ox.Literal(version)),
        (VOID.triples, integer(stats.triples)),
        (VOID.classes, integer(len(stats.classes))),
        (VOID.properties, integer(len(stats.properties))),
        (VOID.distinctSubjects, integer(stats.distinct_subjects)),
    ]
    if spec.feature:
        triples.append((VOID.feature, ox.NamedNode(spec.feature)))
    triples.extend((VOID.vocabulary, ox.NamedNode(iri)) for iri in stats.vocabularies)
    triples.extend((DCTERMS.source, ox.Literal(source)) for source in stats.sources)
    return [ox.Quad(node, p, o, graph) for p, o in triples]


# ---------------------------------------------------------------------------- writing


def dump(
    store: GraphStore,
    out: BinaryIO,
    spec: RdfFormatSpec,
    selection: Selection = Selection(),
    *,
    union: bool = False,
    void: bool = True,
    gzip: bool = False,
    created: dt.datetime | None = None,
) -> DumpStats | None:
    """Write the selected quads to ``out`` in ``spec``, streaming; returns the VoID counts (``None`` without VoID).

    ``union`` writes a dataset format as the union of the graphs, in its default graph.
    ``gzip`` compresses the stream (``out`` stays open).
    """
    from . import __version__

    quads = select(store, selection)
    preamble: list[ox.Quad] = []
    stats = None
    if void:
        stats = dump_stats(rdf_statements(quads(), spec, union=union))
        when = created or dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
        preamble = void_quads(stats, spec=spec, selection=selection, created=when, version=__version__)
    if gzip:
        with gzip_module.GzipFile(fileobj=out, mode="wb") as compressed:
            write_rdf(quads(), spec, compressed, union=union, preamble=preamble)  # type: ignore[arg-type]
    else:
        write_rdf(quads(), spec, out, union=union, preamble=preamble)
    return stats
