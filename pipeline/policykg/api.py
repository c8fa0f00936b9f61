"""The Python API of policykg: the same operations as the command line.

>>> import policykg
>>> store = policykg.open_store(None)             # in memory
>>> report = policykg.ingest([], store=store)
>>> report.items_ok, report.items_failed
(0, 0)
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from . import resources
from .errors import InputError, PolicykgError
from .extract import extract
from .exports import DumpStats, Selection, dump
from .formats import rdf_format
from .ids import item_iri
from .model import Extraction, NewsItem
from .queries import run_query
from .readers import read_path
from .store import GraphStore, default_store_path
from .triples import item_quads, run_quads

StoreLike = GraphStore | str | Path | None


def open_store(path: str | Path | None = "default", *, read_only: bool = False) -> GraphStore:
    """Open the store at ``path``; ``None`` is an in-memory store, ``"default"`` the default folder."""
    if path == "default":
        path = default_store_path()
    return GraphStore(path, read_only=read_only)


def _store(store: StoreLike, *, read_only: bool = False) -> GraphStore:
    if isinstance(store, GraphStore):
        return store
    return open_store(store if store is not None else "default", read_only=read_only)


@dataclass(frozen=True)
class ItemFailure:
    """One news item (or file) that did not go in, and why."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


@dataclass
class IngestReport:
    """What an ingestion run did."""

    items_ok: int = 0
    items_failed: int = 0
    entities: int = 0
    relations: int = 0
    triples: int = 0
    seconds: float = 0.0
    failures: list[ItemFailure] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{self.items_ok} items ingested, {self.items_failed} failed; {self.entities} entities, "
            f"{self.relations} relations, {self.triples} triples in {self.seconds:.1f} s"
        )


def read_items(paths: Iterable[str | Path], *, lang: str | None = None) -> Iterator[NewsItem | InputError]:
    """News items (or the errors of unreadable ones) from files and folders."""
    for path in paths:
        if not Path(path).exists():
            yield InputError("no such file or folder; check the path", where=str(path))
            continue
        yield from read_path(path, lang=lang)


def extract_item(item: NewsItem) -> Extraction:
    """Extract one news item (pure; nothing is stored)."""
    return extract(item)


def ingest(
    paths: Iterable[str | Path],
    *,
    store: StoreLike = None,
    lang: str | None = None,
    batch_size: int = 100,
    on_item: Callable[[NewsItem | InputError], None] | None = None,
    items: Iterable[NewsItem | InputError] | None = None,
) -> IngestReport:
    """Read, extract and store news items; each item replaces its own named graph.

    A bad item is reported in the result and costs nothing else: the other items
    are stored and no data already in the store is lost.
    """
    started = time.perf_counter()
    graph_store = _store(store)
    graph_store.ensure_vocabulary()
    report = IngestReport()
    entities: set[str] = set()
    batch: list[tuple[ox.NamedNode, list[ox.Quad]]] = []
    runs: list[ox.Quad] = []
    version = resources.vocabulary_version()
    source = items if items is not None else read_items(paths, lang=lang)

    def flush() -> None:
        if batch:
            graph_store.replace_graphs(batch, runs)
            batch.clear()
            runs.clear()

    for entry in source:
        if on_item is not None:
            on_item(entry)
        if isinstance(entry, InputError):
            report.items_failed += 1
            report.failures.append(ItemFailure(entry.where or "", entry.message))
            continue
        t0 = _utcnow()
        try:
            extraction = extract(entry)
            quads = item_quads(extraction, vocabulary_version=version)
        except PolicykgError as exc:
            report.items_failed += 1
            report.failures.append(ItemFailure(entry.origin or entry.id, exc.message))
            continue
        except Exception as exc:  # an item must never stop the run; the error is reported with the item
            report.items_failed += 1
            report.failures.append(
                ItemFailure(entry.origin or entry.id, f"internal error ({type(exc).__name__}: {exc}); please report it")
            )
            continue
        report.items_ok += 1
        entities.update(e.iri for e in extraction.entities)
        report.relations += len(extraction.relations)
        report.triples += len(quads)
        batch.append((ox.NamedNode(item_iri(entry.id)), quads))
        runs.extend(run_quads(entry.id, t0, _utcnow()))
        if len(batch) >= batch_size:
            flush()
    flush()
    graph_store.flush()
    report.entities = len(entities)
    report.seconds = time.perf_counter() - started
    return report


def _utcnow():
    import datetime as dt

    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def export(
    out: BinaryIO,
    *,
    store: StoreLike = None,
    fmt: str = "turtle",
    graph: str | None = None,
    union: bool = False,
    classes: Sequence[str] | str = (),
    since: str | date | None = None,
    until: str | date | None = None,
    sources: Sequence[str] | str = (),
    void: bool = True,
    gzip: bool = False,
) -> DumpStats | None:
    """Write the store, or a selection of it, to ``out`` in ``fmt`` (see :mod:`policykg.formats`), streaming.

    ``graph`` exports one named graph; ``classes`` the entities of those classes (and their
    subclasses) with their descriptions and the relations among them; ``since``/``until``
    (YYYY-MM-DD, inclusive) and ``sources`` the news items published then or by those sources,
    with their graphs. Filters combine (see :mod:`policykg.exports`). ``union`` writes a
    dataset format as the union of the graphs; ``gzip`` compresses. The dump starts with a VoID
    description of itself (graph ``pkg:void`` in dataset formats) unless ``void=False``; the
    counts it reports are returned.
    """
    spec = rdf_format(fmt)
    selection = Selection(graph=graph, classes=classes, since=since, until=until, sources=sources)  # type: ignore[arg-type]
    graph_store = _store(store, read_only=True)
    return dump(graph_store, out, spec, selection, union=union, void=void, gzip=gzip)


def query(name: str, *, store: StoreLike = None, **params: object) -> list[dict[str, str]]:
    """Run the prepared query ``name`` and return its rows (values as strings; missing values omitted)."""
    graph_store = _store(store, read_only=True)
    solutions = run_query(graph_store.raw, name, params)
    variables = [v.value for v in solutions.variables]
    return [
        {var: solution[var].value for var in variables if solution[var] is not None}
        for solution in solutions
    ]


def sparql(text: str, *, store: StoreLike = None):
    """Run ad-hoc SPARQL over the union of all graphs; returns pyoxigraph results."""
    from .errors import QueryError

    graph_store = _store(store, read_only=True)
    try:
        return graph_store.query(text)
    except SyntaxError as exc:
        raise QueryError(f"invalid SPARQL: {str(exc).splitlines()[0]}") from None


def stats(*, store: StoreLike = None) -> dict[str, dict[str, int]]:
    """Counts: news items, quads, and entities per pk: class and triples per pk: relation."""
    from .namespaces import PK, PK_RELATIONS

    graph_store = _store(store, read_only=True)
    classes: dict[str, int] = {}
    for row in graph_store.query(
        "SELECT ?c (COUNT(DISTINCT ?e) AS ?n) WHERE { ?item pk:mentions ?e . ?e a ?c "
        "FILTER(STRSTARTS(STR(?c), STR(pk:))) } GROUP BY ?c"
    ):
        classes[row["c"].value[len(PK.iri):]] = int(row["n"].value)
    relations: dict[str, int] = {}
    for prop in PK_RELATIONS.split():
        rows = list(graph_store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?s ?o WHERE {{ ?s pk:{prop} ?o }} }}"))
        relations[prop] = int(rows[0]["n"].value)
    items = int(next(iter(graph_store.query("SELECT (COUNT(?i) AS ?n) WHERE { ?i a pk:NewsItem }")))["n"].value)
    return {"totals": {"news items": items, "quads": len(graph_store)}, "classes": dict(sorted(classes.items())),
            "relations": relations}


def build_item_store(path: Path) -> ox.Store:
    """A fresh in-memory store holding one news item file (for evaluation)."""
    graph_store = GraphStore(None)
    report = ingest([path], store=graph_store)
    if report.failures:
        raise InputError(str(report.failures[0]))
    return graph_store.raw


def evaluate(gold_paths: Sequence[str | Path], items_dir: str | Path):
    """Score extraction on annotated items (gold in the seed-gold.json format)."""
    from .scoring import evaluate as score, load_gold

    gold = load_gold([Path(p) for p in gold_paths])
    return score(gold, Path(items_dir), build_store=build_item_store)
