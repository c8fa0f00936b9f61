"""Prepared queries on a store of 1,000,000+ quads: pyoxigraph against rdflib (run on demand).

    python tests/benchmarks/bench_queries.py [--store DIR] [--quads N] [--rebuild]
        [--rdflib-quads N] [--timeout S] [--only NAME ...] [--write docs/BENCHMARKS.md]

The store (default /tmp/policykg-bench-store, reused between runs) is built once: the
sample news items in data/items are ingested through the normal pipeline, then their item
graphs are copied into synthetic item graphs until the store holds --quads quads. A copy
gets a new item IRI and id (every item-local IRI -- mentions, sentences, statements, the
run -- moves with it), a publication date spread over 2019-2026, and, with a small
probability per entity, a vocabulary entity swapped for another of the same class, so
facts vary between copies. The NLP pipeline runs only on the sample items.

Every prepared query runs with its default parameters (required parameters take the
header's example) through ``policykg.queries.run_query``; all rows are materialised;
the time is the median of --runs runs after one warm-up. The same SPARQL text then runs
in rdflib's own engine over the same quads (``Dataset(default_union=True)``, parameters
through ``initBindings``), each query in a forked process with a --timeout limit.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing as mp
import os
import platform
import random
import statistics
import sys
import time
from pathlib import Path

import pyoxigraph as ox

import policykg
from policykg import ids
from policykg.namespaces import PK, PKG, PKN_IRI, RDF, SCHEMA, DCTERMS, XSD
from policykg.queries import PreparedQuery, bind, list_queries, run_query
from policykg.store import GraphStore

ROOT = Path(__file__).resolve().parents[2]
ITEMS = ROOT / "data" / "items"
GENERATOR_VERSION = 1  # bump when the synthetic data changes shape; a cached store is then rebuilt
SWAP_PROBABILITY = 0.08
FIRST_DAY = dt.date(2019, 1, 1)
LAST_DAY = dt.date(2026, 12, 31)


# ---------------------------------------------------------------------------- the store


def _vocabulary_classes(store: ox.Store) -> dict[str, str]:
    """Vocabulary entity IRI -> its (first) pk: class."""
    classes: dict[str, str] = {}
    for quad in store.quads_for_pattern(None, RDF.type, None, PKG.vocabulary):
        if isinstance(quad.subject, ox.NamedNode) and quad.object.value.startswith(PK.iri):
            if quad.subject.value not in classes or quad.object.value < classes[quad.subject.value]:
                classes[quad.subject.value] = quad.object.value
    return classes


def _item_graphs(store: ox.Store) -> list[tuple[ox.NamedNode, list[ox.Quad]]]:
    graphs = [g for g in store.named_graphs() if isinstance(g, ox.NamedNode) and g.value.startswith(PKN_IRI)]
    return [(g, list(store.quads_for_pattern(None, None, None, g))) for g in sorted(graphs, key=lambda g: g.value)]


class _Copier:
    """Rewrites one item graph into a new synthetic item graph."""

    def __init__(self, classes: dict[str, str], rng: random.Random) -> None:
        self.rng = rng
        self.classes = classes
        by_class: dict[str, list[str]] = {}
        for iri, cls in classes.items():
            by_class.setdefault(cls, []).append(iri)
        self.by_class = {cls: sorted(iris) for cls, iris in by_class.items()}
        self.days = (LAST_DAY - FIRST_DAY).days

    def copy(self, graph: ox.NamedNode, quads: list[ox.Quad], number: int) -> tuple[ox.NamedNode, list[ox.Quad]]:
        old = graph.value
        old_id = old[len(PKN_IRI):]
        new_id = f"{old_id}-syn{number:06d}"
        new = ids.item_iri(new_id)
        new_graph = ox.NamedNode(new)
        date = FIRST_DAY + dt.timedelta(days=self.rng.randrange(self.days + 1))
        swaps: dict[str, ox.NamedNode] = {}
        cache: dict[str, ox.NamedNode] = {}

        def term(t):
            if not isinstance(t, ox.NamedNode):
                return t
            v = t.value
            hit = cache.get(v)
            if hit is not None:
                return hit
            if v == old or v.startswith(old + "#"):
                out = ox.NamedNode(new + v[len(old):])
            elif v in self.classes and self.rng.random() < SWAP_PROBABILITY:
                out = ox.NamedNode(self.rng.choice(self.by_class[self.classes[v]]))
                swaps[v] = out
            else:
                out = t
            cache[v] = out
            return out

        out: list[ox.Quad] = []
        seen: set[ox.Quad] = set()
        for q in quads:
            p = q.predicate
            if p == DCTERMS.identifier and q.subject.value == old:
                o = ox.Literal(new_id)
            elif p == SCHEMA.datePublished and q.subject.value == old:
                o = ox.Literal(date.isoformat(), datatype=XSD.date)
            else:
                o = term(q.object)
            quad = ox.Quad(term(q.subject), p, o, new_graph)
            if quad not in seen:
                seen.add(quad)
                out.append(quad)
        return new_graph, out


def build_store(folder: Path, target: int, seed: int) -> dict:
    """Ingest the sample items, then add synthetic copies until the store has ``target`` quads."""
    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    graph_store = GraphStore(folder / "oxigraph")
    report = policykg.ingest([ITEMS], store=graph_store)
    if report.items_failed:
        raise SystemExit(f"sample ingestion failed: {report.failures[0]}")
    raw = graph_store.raw
    base = _item_graphs(raw)
    copier = _Copier(_vocabulary_classes(raw), random.Random(seed))
    count = len(raw)
    number = 0
    print(f"sample: {len(base)} items, {count} quads; generating copies ...", file=sys.stderr)
    while count < target:
        per_item = sum(len(q) for _, q in base) / len(base)
        batch: list[ox.Quad] = []
        want = target - count
        while len(batch) < min(want, 200_000):
            graph, quads = base[number % len(base)]
            _, copied = copier.copy(graph, quads, number)
            batch.extend(copied)
            number += 1
        raw.bulk_extend(batch)
        count = len(raw)
        print(f"  {count} quads ({number} synthetic items, ~{per_item:.0f} quads each)", file=sys.stderr)
    graph_store.flush()
    raw.optimize()
    meta = {
        "generator": GENERATOR_VERSION,
        "target": target,
        "seed": seed,
        "quads": len(raw),
        "sample_items": len(base),
        "synthetic_items": number,
        "item_graphs": len(base) + number,
        "build_seconds": round(time.perf_counter() - started, 1),
    }
    del graph_store, raw
    (folder / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return meta


def open_or_build(folder: Path, target: int, seed: int, rebuild: bool) -> tuple[ox.Store, dict]:
    meta_path = folder / "meta.json"
    meta = json.loads(meta_path.read_text()) if meta_path.is_file() else None
    fits = meta and meta.get("generator") == GENERATOR_VERSION and meta.get("target") == target and meta.get("seed") == seed
    if rebuild or not fits:
        if folder.exists():
            import shutil

            shutil.rmtree(folder)
        meta = build_store(folder, target, seed)
    store = ox.Store.read_only(str(folder / "oxigraph"))
    meta["quads"] = len(store)
    return store, meta


def nquads_file(folder: Path, store: ox.Store, limit: int | None) -> tuple[Path, int]:
    """The store as N-Quads for rdflib: all of it, or the vocabulary graphs plus whole item graphs up to ``limit`` quads."""
    name = "all.nq" if limit is None else f"sample-{limit}.nq"
    path = folder / name
    count_path = folder / (name + ".count")
    if path.is_file() and count_path.is_file():
        return path, int(count_path.read_text())
    if limit is None:
        store.dump(str(path), ox.RdfFormat.N_QUADS)
        count = len(store)
    else:
        graphs = [g for g in store.named_graphs() if isinstance(g, ox.NamedNode)]
        fixed = [g for g in graphs if not g.value.startswith(PKN_IRI)]
        items = sorted((g for g in graphs if g.value.startswith(PKN_IRI)), key=lambda g: g.value)
        random.Random(1).shuffle(items)
        quads: list[ox.Quad] = []
        for g in fixed:
            quads.extend(store.quads_for_pattern(None, None, None, g))
        for g in items:
            if len(quads) >= limit:
                break
            quads.extend(store.quads_for_pattern(None, None, None, g))
        with open(path, "wb") as out:
            ox.serialize(quads, out, ox.RdfFormat.N_QUADS)
        count = len(quads)
    count_path.write_text(str(count))
    return path, count


# ---------------------------------------------------------------------------- timing


def default_values(query: PreparedQuery) -> dict[str, str]:
    """Defaults where there are any; the header example for a required parameter."""
    return {p.name: p.example for p in query.params if p.required}


def time_oxigraph(store: ox.Store, query: PreparedQuery, runs: int) -> tuple[float, int]:
    values = default_values(query)

    def once() -> tuple[float, int]:
        t0 = time.perf_counter()
        rows = [tuple(solution) for solution in run_query(store, query, values)]
        return time.perf_counter() - t0, len(rows)

    once()  # warm-up
    results = [once() for _ in range(runs)]
    return statistics.median(t for t, _ in results), results[0][1]


_DATASET = None  # the rdflib Dataset, loaded once in the parent and shared with forked children


def _rdflib_term(term):
    import rdflib

    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    if term.datatype.value == "http://www.w3.org/2001/XMLSchema#string":
        return rdflib.Literal(term.value)
    return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))


def _rdflib_child(conn, sparql: str, bindings: dict, runs: int, repeat_below: float) -> None:
    import rdflib

    init = {rdflib.Variable(name): value for name, value in bindings.items()}
    times, count = [], 0
    try:
        for _ in range(runs):
            t0 = time.perf_counter()
            rows = list(_DATASET.query(sparql, initBindings=init))
            times.append(time.perf_counter() - t0)
            count = len(rows)
            if times[-1] >= repeat_below:
                break
        conn.send(("ok", times, count))
    except Exception as error:  # report the engine's error instead of a time
        conn.send(("error", f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}", 0))
    conn.close()


def time_rdflib(query: PreparedQuery, runs: int, timeout: float) -> tuple[str, float | None, int | None, str]:
    """("ok"|"timeout"|"error", median seconds, rows, note); the query runs in a forked child."""
    bindings = {var.value: _rdflib_term(term) for var, term in bind(query, default_values(query)).items()}
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_rdflib_child, args=(child, query.sparql, bindings, runs, 5.0))
    process.start()
    child.close()
    if parent.poll(timeout):
        status, payload, count = parent.recv()
        process.join()
        if status == "ok":
            note = "" if len(payload) == runs else f"{len(payload)} run{'s' if len(payload) > 1 else ''}"
            return "ok", statistics.median(payload), count, note
        return "error", None, None, payload
    process.kill()
    process.join()
    return "timeout", None, None, ""


def load_rdflib(path: Path) -> float:
    global _DATASET
    import rdflib

    t0 = time.perf_counter()
    dataset = rdflib.Dataset(default_union=True)
    dataset.parse(str(path), format="nquads")
    _DATASET = dataset
    return time.perf_counter() - t0


# ---------------------------------------------------------------------------- report


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kib = int(next(l for l in Path("/proc/meminfo").read_text().splitlines() if l.startswith("MemTotal")).split()[1])
        memory = f", {kib / 1024 / 1024:.0f} GiB RAM"
    except (OSError, StopIteration, ValueError):
        pass
    import rdflib

    return (
        f"{cpu}, {os.cpu_count()} cores{memory}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}, pyoxigraph {ox.__version__}, rdflib {rdflib.__version__}"
    )


def fmt_ms(seconds: float | None) -> str:
    if seconds is None:
        return ""
    ms = seconds * 1000
    return f"{ms:,.0f}" if ms >= 10 else f"{ms:.1f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=Path("/tmp/policykg-bench-store"))
    parser.add_argument("--quads", type=int, default=1_000_000, help="the least number of quads in the store")
    parser.add_argument("--seed", type=int, default=20240124)
    parser.add_argument("--rebuild", action="store_true", help="build the store again even if a cached one fits")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rdflib-quads", type=int, default=None,
                        help="load only about this many quads into rdflib (default: all of them)")
    parser.add_argument("--no-rdflib", action="store_true")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per query in rdflib")
    parser.add_argument("--only", nargs="*", default=None, help="query names to run (default: all)")
    parser.add_argument("--write", type=Path, default=None, help="write the Markdown report to this file")
    args = parser.parse_args()

    store, meta = open_or_build(args.store, args.quads, args.seed, args.rebuild)
    print(f"store: {meta['quads']:,} quads in {meta['item_graphs']:,} item graphs "
          f"({meta['sample_items']} ingested sample items + {meta['synthetic_items']:,} synthetic copies) at {args.store}",
          file=sys.stderr)
    queries = [q for q in list_queries() if not args.only or q.name in args.only]

    ox_results = {}
    for query in queries:
        seconds, rows = time_oxigraph(store, query, args.runs)
        ox_results[query.name] = (seconds, rows)
        print(f"  oxigraph {query.name:26s} {rows:7d} rows {fmt_ms(seconds):>9s} ms", file=sys.stderr)

    rdf_results = {}
    rdf_quads = None
    load_seconds = None
    if not args.no_rdflib:
        path, rdf_quads = nquads_file(args.store, store, args.rdflib_quads)
        print(f"rdflib: loading {rdf_quads:,} quads from {path} ...", file=sys.stderr)
        load_seconds = load_rdflib(path)
        print(f"rdflib: loaded in {load_seconds:.0f} s", file=sys.stderr)
        for query in queries:
            rdf_results[query.name] = time_rdflib(query, args.runs, args.timeout)
            status, seconds, rows, note = rdf_results[query.name]
            shown = fmt_ms(seconds) + " ms" if status == "ok" else (f"> {args.timeout:.0f} s" if status == "timeout" else note)
            print(f"  rdflib   {query.name:26s} {rows if rows is not None else '':>7} rows {shown:>12s}", file=sys.stderr)

    same_data = rdf_quads is not None and rdf_quads == meta["quads"]
    lines = [
        "| query | rows | pyoxigraph ms | rdflib ms | notes |",
        "|---|---:|---:|---:|---|",
    ]
    for query in queries:
        seconds, rows = ox_results[query.name]
        notes = []
        if any(p.required for p in query.params):
            notes.append("example: " + ", ".join(f"{p.name}={p.example}" for p in query.params if p.required))
        rdf_cell = "not run"
        if query.name in rdf_results:
            status, rseconds, rrows, note = rdf_results[query.name]
            if status == "ok":
                rdf_cell = fmt_ms(rseconds)
                if note:
                    notes.append(f"rdflib: {note} (slow run not repeated)")
                if same_data and rrows != rows:
                    notes.append(f"rdflib returns {rrows} rows")
                elif not same_data:
                    notes.append(f"rdflib: {rrows} rows on its sample")
            elif status == "timeout":
                rdf_cell = f"> {args.timeout * 1000:,.0f}"
                notes.append(f"rdflib stopped after {args.timeout:.0f} s")
            else:
                rdf_cell = "error"
                notes.append(f"rdflib: {note}")
        if seconds >= 1:
            notes.append("**over 1 s**")
        lines.append(f"| {query.name} | {rows:,} | {fmt_ms(seconds)} | {rdf_cell} | {'; '.join(notes)} |")
    table = "\n".join(lines)
    print(table)

    if args.write:
        worst = max(ox_results.items(), key=lambda kv: kv[1][0])
        rdflib_data = (
            "the same quads" if same_data else
            f"a sample of {rdf_quads:,} quads (the vocabulary and ontology graphs plus whole item graphs "
            "picked at random), not the full store" if rdf_quads is not None else "nothing (not run)"
        )
        sample_note = "" if same_data else "rdflib's row counts are for its smaller data. "
        command = "python tests/benchmarks/bench_queries.py --write docs/BENCHMARKS.md"
        if args.rdflib_quads:
            command += f" --rdflib-quads {args.rdflib_quads}"
        if args.timeout != 60:
            command += f" --timeout {args.timeout:g}"
        text = f"""# Query benchmarks

Generated by `tests/benchmarks/bench_queries.py` on {dt.date.today().isoformat()}; do not edit by hand.

**Data.** {meta['quads']:,} quads in {meta['item_graphs']:,} news-item graphs plus the ontology and
vocabulary graphs: the {meta['sample_items']} sample items of `data/items` ingested through the
pipeline, and {meta['synthetic_items']:,} synthetic copies of their item graphs, each with a new item
IRI and id, a publication date spread over 2019-2026 and, with probability {SWAP_PROBABILITY} per
vocabulary entity and copy, that entity swapped for another of the same class (so facts vary between
copies). One on-disk pyoxigraph store, built in {meta['build_seconds']:.0f} s.

**Method.** Every prepared query runs with its default parameters (a required parameter takes
the example from its header, shown in the notes). pyoxigraph: `policykg.queries.run_query` over
the union of graphs, all rows materialised, median of {args.runs} runs after one warm-up. rdflib: the
same SPARQL text in rdflib's own engine over {rdflib_data}, loaded into
`rdflib.Dataset(default_union=True)` (in {load_seconds or 0:.0f} s), the parameters bound with
`initBindings`; each query runs in a forked process that is stopped after {args.timeout:.0f} s; the
time is the median of {args.runs} runs, or of fewer when a run takes 5 s or more. {sample_note}rdflib
applies `initBindings` to the outer query only, not
inside subqueries, so a query whose parameter sits in a subquery (such as established-by) computes
more, and different rows, in rdflib.

**Machine.** {machine()}.

**Result.** The slowest prepared query on pyoxigraph takes {fmt_ms(worst[1][0])} ms ({worst[0]});
{"every query answers in under 1 second." if worst[1][0] < 1 else "SOME QUERIES TAKE 1 SECOND OR MORE."}

{table}

Reproduce (the store is cached in `/tmp/policykg-bench-store`; `--rebuild` makes it again):

```sh
{command}
```
"""
        args.write.write_text(text, encoding="utf-8")
        print(f"wrote {args.write}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
