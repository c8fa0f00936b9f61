"""The Python API of policykg: the same operations as the command line.

>>> import policykg
>>> store = policykg.open_store(None)             # in memory
>>> report = policykg.ingest([], store=store)
>>> report.items_ok, report.items_failed
(0, 0)
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import sys
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from . import resources
from .errors import InputError, PolicykgError, UsageError
from .extract import extract
from .exports import DumpStats, Selection, dump
from .formats import rdf_format
from .ids import item_iri, run_iri
from .model import Extraction, NewsItem
from .queries import run_query
from .namespaces import DCTERMS
from .readers import read_jsonl_stream, read_path
from .store import GraphStore, default_store_path
from .triples import MENTION_LEVELS, item_quads, run_quads

StoreLike = GraphStore | str | Path | None


def open_store(path: str | Path | None = "default", *, read_only: bool = False, wait: float = 0.0) -> GraphStore:
    """Open the store at ``path``; ``None`` is an in-memory store, ``"default"`` the default folder.

    ``wait``: seconds to wait for another process that has the store open (see :mod:`policykg.store`).
    """
    if path == "default":
        path = default_store_path()
    return GraphStore(path, read_only=read_only, wait=wait)


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


def read_items(
    paths: Iterable[str | Path], *, lang: str | None = None, stdin: BinaryIO | None = None
) -> Iterator[NewsItem | InputError]:
    """News items (or the errors of unreadable ones) from files and folders.

    The path ``-`` reads JSON Lines from ``stdin`` (default: the process's standard input).
    """
    for path in paths:
        if str(path) == "-":
            yield from _read_stdin(stdin, lang)
            continue
        if not Path(path).exists():
            yield InputError("no such file or folder; check the path", where=str(path))
            continue
        yield from read_path(path, lang=lang)


def _read_stdin(stdin: BinaryIO | None, lang: str | None) -> Iterator[NewsItem | InputError]:
    binary = stdin if stdin is not None else sys.stdin.buffer
    text = io.TextIOWrapper(binary, encoding="utf-8-sig", errors="replace", newline=None)
    try:
        yield from read_jsonl_stream(text, name="<stdin>", lang=lang)
    finally:
        text.detach()  # leave the caller's stream open


def extract_item(item: NewsItem) -> Extraction:
    """Extract one news item (pure; nothing is stored)."""
    return extract(item)


def content_digest(item: NewsItem) -> str:
    """The fingerprint of an item's text, kept in the store to find re-sent copies.

    >>> content_digest(NewsItem(id="a", title="T", body="B", lang="en"))[:16]
    'sha256:c467a8e49'
    """
    return "sha256:" + hashlib.sha256(item.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class _Outcome:
    """One item through extraction: its graph as N-Quads bytes, or its failure."""

    where: str
    item_id: str = ""
    graph: str = ""
    url: str | None = None
    digest: str = ""
    nquads: bytes = b""
    quads: int = 0
    entities: tuple[str, ...] = ()
    relations: int = 0
    started: dt.datetime | None = None
    ended: dt.datetime | None = None
    error: str | None = None


def _process(item: NewsItem, version: str, mentions: str = "first") -> _Outcome:
    """Extract one item and build its graph; never raises (a failure is an outcome)."""
    where = item.origin or item.id
    started = _utcnow()
    try:
        extraction = extract(item)
        quads = item_quads(extraction, vocabulary_version=version, mentions=mentions)
        iri = item_iri(item.id)
        digest = content_digest(item)
        quads.append(ox.Quad(ox.NamedNode(run_iri(iri)), DCTERMS.identifier, ox.Literal(digest), ox.NamedNode(iri)))
        nquads = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    except PolicykgError as exc:
        return _Outcome(where, error=exc.message)
    except Exception as exc:  # an item must never stop the run; the error is reported with the item
        return _Outcome(where, error=f"internal error ({type(exc).__name__}: {exc}); please report it")
    return _Outcome(
        where,
        item_id=item.id,
        graph=iri,
        url=item.url,
        digest=digest,
        nquads=nquads,
        quads=len(quads),
        entities=tuple(e.iri for e in extraction.entities),
        relations=len(extraction.relations),
        started=started,
        ended=_utcnow(),
    )


def _process_chunk(items: list[NewsItem], version: str, mentions: str) -> list[_Outcome]:
    """A worker's job: a chunk of items (the worker builds its spaCy pipelines once, via get_nlp)."""
    return [_process(item, version, mentions) for item in items]


def _chunks(source: Iterable[NewsItem | InputError], size: int) -> Iterator[list[NewsItem | InputError]]:
    chunk: list[NewsItem | InputError] = []
    for entry in source:
        chunk.append(entry)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _outcomes(
    source: Iterable[NewsItem | InputError], version: str, mentions: str, workers: int, chunk_size: int,
    window: int,
) -> Iterator[tuple[NewsItem | InputError, _Outcome | None]]:
    """Each entry with its outcome (``None`` for a reading error), in input order.

    With ``workers > 1`` items go to a pool of spawned processes in chunks; at most
    ``window`` chunks are in flight (enough to keep the workers busy while a batch is
    written), so memory stays flat however long the input.
    """
    if workers <= 1:
        for entry in source:
            yield entry, None if isinstance(entry, InputError) else _process(entry, version, mentions)
        return
    import multiprocessing

    pending: deque = deque()
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:

        def drain_one() -> Iterator[tuple[NewsItem | InputError, _Outcome | None]]:
            chunk, future = pending.popleft()
            results = iter(future.result() if future is not None else ())
            for entry in chunk:
                yield entry, None if isinstance(entry, InputError) else next(results)

        for chunk in _chunks(source, chunk_size):
            items = [e for e in chunk if not isinstance(e, InputError)]
            pending.append((chunk, pool.submit(_process_chunk, items, version, mentions) if items else None))
            if len(pending) >= window:
                yield from drain_one()
        while pending:
            yield from drain_one()


class _Batch:
    """The items waiting to be written, at most one per graph, URL and content digest."""

    def __init__(self) -> None:
        self.items: dict[str, _Outcome] = {}
        self.superseded: set[str] = set()  # graphs of earlier versions under another id
        # the graph of the item with a content digest, or a URL: no two items share either
        self._by_digest: dict[str, str] = {}
        self._by_url: dict[str, str] = {}

    def add(self, outcome: _Outcome) -> None:
        earlier = {self._by_digest.get(outcome.digest), self._by_url.get(outcome.url) if outcome.url else None}
        for graph in earlier - {None, outcome.graph}:
            self._drop(graph)
            self.superseded.add(graph)
        self._drop(outcome.graph)  # keep input order: the newest version goes last
        self.items[outcome.graph] = outcome
        self._by_digest[outcome.digest] = outcome.graph
        if outcome.url:
            self._by_url[outcome.url] = outcome.graph

    def _drop(self, graph: str) -> None:
        """Take the item with this graph (if any) out of the batch and its indexes."""
        outcome = self.items.pop(graph, None)
        if outcome is None:
            return
        if self._by_digest.get(outcome.digest) == graph:
            del self._by_digest[outcome.digest]
        if outcome.url and self._by_url.get(outcome.url) == graph:
            del self._by_url[outcome.url]

    def write(self, graph_store: GraphStore) -> int:
        """Write the batch in one transaction; the number of item quads written."""
        if not self.items:
            return 0
        remove: set[str] = set(self.superseded)
        for outcome in self.items.values():
            remove.update(g.value for g in graph_store.find_items(url=outcome.url, digest=outcome.digest))
        batch = [(ox.NamedNode(o.graph), o.nquads) for o in self.items.values()]
        runs = [q for o in self.items.values() for q in run_quads(o.item_id, o.started, o.ended)]
        graph_store.replace_graphs(batch, runs, remove=[ox.NamedNode(g) for g in sorted(remove - set(self.items))])
        written = sum(o.quads for o in self.items.values())
        self.items.clear()
        self.superseded.clear()
        self._by_digest.clear()
        self._by_url.clear()
        return written


class _Writer:
    """Writes batches in one background thread, in order, while the next batch is extracted.

    pyoxigraph's bulk load runs without the GIL, so writing overlaps extraction even with
    one worker. At most one batch is being written while the next one fills; a write error
    comes out of the next :meth:`submit` or of :meth:`close`.
    """

    def __init__(self, graph_store: GraphStore) -> None:
        self.graph_store = graph_store
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="policykg-writer")
        self.pending: Future[int] | None = None
        self.written = 0

    def submit(self, batch: _Batch) -> None:
        self._collect()
        self.pending = self.pool.submit(batch.write, self.graph_store)

    def _collect(self) -> None:
        if self.pending is not None:
            future, self.pending = self.pending, None
            self.written += future.result()

    def close(self) -> int:
        """Wait for the last batch; the number of item quads written."""
        try:
            self._collect()
        finally:
            self.pool.shutdown(wait=True)
        return self.written


def ingest(
    paths: Iterable[str | Path],
    *,
    store: StoreLike = None,
    lang: str | None = None,
    batch_size: int = 500,
    on_item: Callable[[NewsItem | InputError], None] | None = None,
    items: Iterable[NewsItem | InputError] | None = None,
    workers: int = 1,
    chunk_size: int = 8,
    wait: float = 0.0,
    stdin: BinaryIO | None = None,
    mentions: str = "first",
) -> IngestReport:
    """Read, extract and store news items; each item replaces its own named graph.

    An item replaces the stored item with the same id, and also one with the same
    URL or the same text (an item re-sent under another id), so ingesting again
    leaves the store as it was. A bad item is reported in the result and costs
    nothing else: the other items are stored and no data already in the store is lost.

    ``paths`` may include ``-`` for JSON Lines on ``stdin``. ``workers`` > 1 runs
    extraction in that many processes (the output is the same); the store is
    written by this process, in a background thread, ``batch_size`` items in one
    atomic write, so a crash leaves each item complete or absent. ``wait`` is how many seconds to wait for
    another process that has the store open (then :class:`StoreError`). ``mentions``
    says which ``pk:Mention`` annotations each graph keeps: ``"all"`` occurrences, the
    ``"first"`` of each entity, or ``"none"``.
    """
    if workers < 1 or batch_size < 1 or chunk_size < 1:
        raise UsageError("workers, batch_size and chunk_size must be at least 1")
    if mentions not in MENTION_LEVELS:
        raise UsageError(f"mentions must be one of {', '.join(MENTION_LEVELS)}, not {mentions!r}")
    started = time.perf_counter()
    graph_store = store if isinstance(store, GraphStore) else open_store(
        store if store is not None else "default", wait=wait
    )
    graph_store.ensure_vocabulary()
    report = IngestReport()
    entities: set[str] = set()
    version = resources.vocabulary_version()
    source = items if items is not None else read_items(paths, lang=lang, stdin=stdin)
    window = 2 * workers + batch_size // chunk_size
    writer = _Writer(graph_store)
    try:
        _collect(_outcomes(source, version, mentions, workers, chunk_size, window), report, entities,
                 writer, batch_size, on_item)
    finally:
        report.triples = writer.close()
    graph_store.flush()
    report.entities = len(entities)
    report.seconds = time.perf_counter() - started
    return report


def _collect(
    outcomes: Iterator[tuple[NewsItem | InputError, _Outcome | None]],
    report: IngestReport,
    entities: set[str],
    writer: _Writer,
    batch_size: int,
    on_item: Callable[[NewsItem | InputError], None] | None,
) -> None:
    """Count each outcome into ``report`` and hand full batches to ``writer``."""
    batch = _Batch()
    for entry, outcome in outcomes:
        if on_item is not None:
            on_item(entry)
        if outcome is None:
            assert isinstance(entry, InputError)
            report.items_failed += 1
            report.failures.append(ItemFailure(entry.where or "", entry.message))
            continue
        if outcome.error is not None:
            report.items_failed += 1
            report.failures.append(ItemFailure(outcome.where, outcome.error))
            continue
        report.items_ok += 1
        entities.update(outcome.entities)
        report.relations += outcome.relations
        batch.add(outcome)
        if len(batch.items) >= batch_size:
            writer.submit(batch)
            batch = _Batch()
    if batch.items:
        writer.submit(batch)


def _utcnow():
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
