"""The only module that opens pyoxigraph stores.

A :class:`GraphStore` wraps an on-disk (default) or in-memory Oxigraph store and
offers what the rest of policykg needs: replace news-item graphs in batches,
keep the ontology and vocabulary graphs current, query the union of graphs,
dump, count.

Writing a batch removes the items' old graphs (each removal its own transaction)
and then adds all new quads, with their run metadata, in one atomic bulk load
(``Store.bulk_load``, atomic since pyoxigraph 0.5). A crash at any moment, SIGKILL included, therefore leaves
every item either complete or absent; a re-run puts the absent ones back.

One process writes at a time. A writer holds an exclusive ``flock`` on
``policykg.lock`` in the store folder for as long as the store is open; readers
(query, export, stats) take a shared lock. pyoxigraph has no secondary
instances and reading a store that another process is writing is undefined
behaviour, so a reader that finds a writer fails with a clear message instead,
and a writer waits up to ``wait`` seconds for others to finish.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
import pyoxigraph as ox

from . import ids, resources
from .errors import StoreError
from .namespaces import DCTERMS, PK, PKG, PKN, PREFIXES, SCHEMA

try:  # POSIX; elsewhere only RocksDB's own lock keeps two writers apart
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]

DEFAULT_STORE = "policykg-store"
STORE_ENV = "POLICYKG_STORE"
LOCK_FILE = "policykg.lock"

BEING_WRITTEN = "the store is being written by another process; try again when it has finished"
IN_USE = (
    "the store is in use by another policykg process (ingesting or reading); "
    "wait for it to finish or pass --wait SECONDS"
)


def default_store_path() -> Path:
    """``$POLICYKG_STORE``, else ``./policykg-store``."""
    return Path(os.environ.get(STORE_ENV) or DEFAULT_STORE)


class _ProcessLock:
    """An advisory ``flock`` on ``DIR/policykg.lock``, shared by all GraphStores of this process.

    flock locks belong to an open file, so two stores opened on one folder by the same
    process would lock each other out; within a process the first lock is reused
    (RocksDB still refuses a second writer there).
    """

    _held: dict[str, list] = {}  # folder -> [fd, count]

    def __init__(self, folder: Path, *, exclusive: bool, wait: float) -> None:
        self.key = str(folder.resolve())
        held = self._held.get(self.key)
        if held is not None:
            held[1] += 1
            return
        fd = _open_lock_file(folder / LOCK_FILE)
        if fd is not None:
            mode = (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB
            deadline = time.monotonic() + max(wait, 0.0)
            while True:
                try:
                    fcntl.flock(fd, mode)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        os.close(fd)
                        raise StoreError(IN_USE if exclusive else BEING_WRITTEN, where=str(folder)) from None
                    time.sleep(0.1)
        self._held[self.key] = [fd, 1]

    def release(self) -> None:
        held = self._held.get(self.key)
        if held is None:
            return
        held[1] -= 1
        if held[1] == 0:
            del self._held[self.key]
            if held[0] is not None:
                os.close(held[0])  # closing the file drops the lock


def _open_lock_file(path: Path) -> int | None:
    """A descriptor to flock, or ``None`` where locking is impossible (no fcntl, read-only folder)."""
    if fcntl is None:
        return None
    for flags in (os.O_RDWR | os.O_CREAT, os.O_RDONLY):
        try:
            return os.open(path, flags, 0o644)
        except OSError:
            continue
    return None


def _stable_blank_nodes(triples: Iterable[ox.Triple], graph: ox.NamedNode, prefix: str) -> Iterator[ox.Quad]:
    """Quads in ``graph`` with blank nodes renamed by order of appearance.

    The parser makes up fresh blank node labels on every run; numbering them instead keeps
    two stores built from the same files identical.
    """
    names: dict[ox.BlankNode, ox.BlankNode] = {}
    stem = "".join(c for c in prefix if c.isalnum()) or "b"

    def stable(term):
        if isinstance(term, ox.BlankNode):
            if term not in names:
                names[term] = ox.BlankNode(f"{stem}{len(names)}")
            return names[term]
        return term

    for t in triples:
        yield ox.Quad(stable(t.subject), t.predicate, stable(t.object), graph)


class GraphStore:
    """An Oxigraph store holding policykg graphs.

    >>> store = GraphStore(None)   # in memory
    >>> store.ensure_vocabulary()
    True
    >>> store.ensure_vocabulary()  # already current
    False
    """

    def __init__(self, path: Path | str | None, *, read_only: bool = False, wait: float = 0.0) -> None:
        """Open (or create) the store at ``path``; ``None`` is in memory.

        A writer waits up to ``wait`` seconds for another process that has the store
        open; then, like a reader that finds a writer, it raises :class:`StoreError`.
        """
        self.path = Path(path) if path is not None else None
        self._lock: _ProcessLock | None = None
        if self.path is not None and read_only and not self.path.exists():
            raise StoreError(f"no store at {self.path}; run 'policykg ingest' first or pass --store DIR")
        try:
            if self.path is None:
                self._store = ox.Store()
                return
            if not read_only:
                self.path.mkdir(parents=True, exist_ok=True)
            self._lock = _ProcessLock(self.path, exclusive=not read_only, wait=wait)
            self._store = self._open(read_only, wait)
        except OSError as exc:
            self.close()
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            if "lock" in reason.lower():
                raise StoreError(f"{IN_USE} ({reason})", where=str(self.path)) from exc
            raise StoreError(f"cannot open the store: {reason}", where=str(self.path)) from exc
        except StoreError:
            self.close()
            raise

    def _open(self, read_only: bool, wait: float) -> ox.Store:
        if read_only:
            return ox.Store.read_only(str(self.path))
        deadline = time.monotonic() + max(wait, 0.0)
        while True:  # RocksDB's own lock: another program (or an older policykg) may hold it
            try:
                return ox.Store(str(self.path))
            except OSError as exc:
                if "lock" not in str(exc).lower() or time.monotonic() >= deadline:
                    raise
                time.sleep(0.1)

    def close(self) -> None:
        """Release the store's process lock (the pyoxigraph store closes when it is collected)."""
        lock, self._lock = getattr(self, "_lock", None), None
        if lock is not None:
            lock.release()

    def __del__(self) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------------
    def ensure_vocabulary(self) -> bool:
        """Load the ontology and vocabularies if the store has none or an older version."""
        version = resources.vocabulary_version()
        marker = ox.Quad(PKG.vocabulary, PK.vocabularyVersion, ox.Literal(version), PKG.vocabulary)
        if marker in self._store:
            return False
        quads: list[ox.Quad] = []
        for graph, paths in ((PKG.ontology, [resources.ontology_file()]), (PKG.vocabulary, resources.vocabulary_files())):
            for path in paths:
                with open(path, "rb") as fh:
                    quads.extend(_stable_blank_nodes(ox.parse(fh, format=ox.RdfFormat.TURTLE), graph, path.stem))
        quads.append(marker)
        self._store.remove_graph(PKG.ontology)
        self._store.remove_graph(PKG.vocabulary)
        self._store.extend(quads)
        return True

    def replace_graphs(
        self,
        batch: Iterable[tuple[ox.NamedNode, bytes]],
        runs: Iterable[ox.Quad] = (),
        *,
        remove: Iterable[ox.NamedNode] = (),
    ) -> None:
        """Replace each named graph with its quads (N-Quads bytes), and the run metadata of those items.

        The old graphs (and the graphs in ``remove``: older versions of these items
        under another id) go first with their ``pkg:runs`` metadata, then all new
        quads in one atomic bulk load: after a crash an item is complete or absent.
        """
        batch = list(batch)
        for graph in dict.fromkeys([g for g, _ in batch] + list(remove)):
            if self._store.contains_named_graph(graph):
                self._store.remove_graph(graph)
            run = ox.NamedNode(ids.run_iri(graph.value))
            for quad in list(self._store.quads_for_pattern(run, None, None, PKG.runs)):
                self._store.remove(quad)
        data = b"".join(nquads for _, nquads in batch) + ox.serialize(list(runs), format=ox.RdfFormat.N_QUADS)
        if data:
            # pyoxigraph >= 0.5 bulk loads are atomic (one RocksDB file ingestion) and much
            # faster than a transaction; the input is our own serialisation, so lenient parsing
            self._store.bulk_load(data, format=ox.RdfFormat.N_QUADS, lenient=True)

    def find_items(self, *, url: str | None = None, digest: str | None = None) -> set[ox.NamedNode]:
        """The news-item graphs stored with this URL (``schema:url``) or content digest.

        The digest is the ``dcterms:identifier`` (``"sha256:..."``) of the item's run node.
        """
        found: set[ox.NamedNode] = set()
        if url:
            try:
                node = ox.NamedNode(url)
            except ValueError:
                node = None
            if node is not None:
                for quad in self._store.quads_for_pattern(None, SCHEMA.url, node, None):
                    if quad.subject == quad.graph_name and quad.graph_name in PKN:
                        found.add(quad.graph_name)
        if digest:
            for quad in self._store.quads_for_pattern(None, DCTERMS.identifier, ox.Literal(digest), None):
                graph = quad.graph_name
                if isinstance(graph, ox.NamedNode) and graph in PKN and quad.subject.value == ids.run_iri(graph.value):
                    found.add(graph)
        return found

    def flush(self) -> None:
        if self.path is not None:
            self._store.flush()

    # -- reading -------------------------------------------------------------------------------
    def query(self, sparql: str, *, substitutions: dict | None = None):
        """Run SPARQL over the union of all graphs."""
        return self._store.query(
            sparql, use_default_graph_as_union=True, substitutions=substitutions, prefixes=PREFIXES
        )

    def quads(self, graph: ox.NamedNode | None = None) -> Iterator[ox.Quad]:
        return self._store.quads_for_pattern(None, None, None, graph)

    def named_graphs(self) -> list[ox.NamedNode]:
        return sorted(self._store.named_graphs(), key=lambda g: g.value)

    @property
    def raw(self) -> ox.Store:
        """The underlying pyoxigraph store (for the library's own modules and tests)."""
        return self._store

    def __len__(self) -> int:
        return len(self._store)
