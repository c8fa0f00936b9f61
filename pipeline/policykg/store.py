"""The only module that opens pyoxigraph stores.

A :class:`GraphStore` wraps an on-disk (default) or in-memory Oxigraph store and
offers what the rest of policykg needs: replace news-item graphs in batches,
keep the ontology and vocabulary graphs current, query the union of graphs,
dump, count.

Writing an item removes its graph and then adds the new quads in one
transaction, so a crash leaves every item either fully there or absent.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
import pyoxigraph as ox

from . import resources
from .errors import StoreError
from .namespaces import PK, PKG, PREFIXES

DEFAULT_STORE = "policykg-store"
STORE_ENV = "POLICYKG_STORE"


def default_store_path() -> Path:
    """``$POLICYKG_STORE``, else ``./policykg-store``."""
    return Path(os.environ.get(STORE_ENV) or DEFAULT_STORE)


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

    def __init__(self, path: Path | str | None, *, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else None
        try:
            if self.path is None:
                self._store = ox.Store()
            elif read_only:
                if not self.path.exists():
                    raise StoreError(
                        f"no store at {self.path}; run 'policykg ingest' first or pass --store DIR",
                    )
                self._store = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(self.path))
        except OSError as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            if "lock" in reason.lower():
                raise StoreError(
                    f"the store is in use by another policykg process ({reason}); wait for it to finish",
                    where=str(self.path),
                ) from exc
            raise StoreError(f"cannot open the store: {reason}", where=str(self.path)) from exc

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

    def replace_graphs(self, batch: Iterable[tuple[ox.NamedNode, list[ox.Quad]]], runs: Iterable[ox.Quad] = ()) -> int:
        """Replace each named graph with its quads, and the run metadata of those items.

        Old graphs are removed first, then all new quads go in in one transaction.
        """
        batch = list(batch)
        runs = list(runs)
        quads: list[ox.Quad] = []
        for graph, graph_quads in batch:
            self._store.remove_graph(graph)
            quads.extend(graph_quads)
        for subject in {q.subject for q in runs}:
            for quad in list(self._store.quads_for_pattern(subject, None, None, PKG.runs)):
                self._store.remove(quad)
        quads.extend(runs)
        self._store.extend(quads)
        return len(quads)

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
