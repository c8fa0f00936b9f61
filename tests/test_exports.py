"""RDF dumps: selections and filters, streaming and gzip, the VoID description, round trips, rapper."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import re
import shutil
import subprocess
import tracemalloc

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

import policykg
from policykg import resources
from policykg.errors import UsageError
from policykg.exports import Selection, select
from policykg.formats import RDF_FORMATS
from policykg.namespaces import DCTERMS, PK, PKG, PKN, RDF, VOID
from policykg.store import GraphStore

from conftest import ITEMS

SOURCED = {  # sample items re-sent as JSON Lines with a source and a date
    "en-01-ai-act-enters-into-force-2024-08-01.txt": ("European Commission", "2024-08-01"),
    "en-04-european-chips-act-in-force-2023-09-21.txt": ("European Commission", "2023-09-21"),
    "nl-04-chipsverordening-in-werking-2023-09-21.txt": ("Rijksoverheid", "2023-09-21"),
    "nl-13-batterijenverordening-kamerbrief-2024-02-19.txt": ("Rijksoverheid", "2024-02-19"),
}
RELATIONS = {PK[name] for name in ("proposedBy adoptedBy amends repeals partOf establishes fundedThrough "
                                   "targetsSector supervises implements participatesIn refersTo").split()}


@pytest.fixture(scope="module")
def sourced_store(tmp_path_factory) -> GraphStore:
    lines = []
    for name, (source, date) in SOURCED.items():
        title, _, body = (ITEMS / name).read_text(encoding="utf-8").partition("\n")
        lines.append(json.dumps({"id": name[:-4], "title": title, "text": body, "date": date, "source": source}))
    path = tmp_path_factory.mktemp("sourced") / "items.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    store = GraphStore(None)
    report = policykg.ingest([path], store=store)
    assert report.items_ok == len(SOURCED), report.failures
    return store


def dump(store: GraphStore, fmt: str, **options) -> bytes:
    out = io.BytesIO()
    policykg.export(out, store=store, fmt=fmt, **options)
    return out.getvalue()


def parse(data: bytes, fmt: str) -> ox.Store:
    parsed = ox.Store()
    parsed.load(data, format=RDF_FORMATS[fmt].format)
    return parsed


def without_void(store: ox.Store) -> list[ox.Quad]:
    return [q for q in store if q.graph_name != PKG.void and q.subject != PKG.dataset]


def _has_blank(quad: ox.Quad) -> bool:
    return isinstance(quad.subject, ox.BlankNode) or isinstance(quad.object, ox.BlankNode)


def assert_same(got, want) -> None:
    """Same quads; blank nodes get new labels when parsed, so those match in number only."""
    got, want = list(got), set(want)
    assert len(got) == len(want)
    assert {q for q in got if not _has_blank(q)} == {q for q in want if not _has_blank(q)}
    assert sum(map(_has_blank, got)) == sum(map(_has_blank, want))


def item_graphs(store: ox.Store) -> set[ox.NamedNode]:
    return {g for g in store.named_graphs() if g in PKN}


# ---------------------------------------------------------------------------- round trips

SELECTIONS = {
    "whole": {},
    "graph": {"graph": "pkg:vocabulary"},
    "class": {"classes": ("pk:Regulation",)},
    "dates": {"since": "2024-01-01", "until": "2024-12-31"},
    "source": {"sources": ("Rijksoverheid",)},
    "combined": {"classes": ("pk:Instrument", "pk:Institution"), "sources": ("European Commission",),
                 "since": "2024-01-01"},
    "union": {"union": True, "classes": ("pk:Programme",)},
}


@pytest.mark.parametrize("selection", sorted(SELECTIONS))
@pytest.mark.parametrize("fmt", sorted(RDF_FORMATS))
def test_every_format_round_trips_every_selection(sourced_store, fmt, selection):
    options = dict(SELECTIONS[selection])
    union = options.pop("union", False)
    spec = RDF_FORMATS[fmt]
    expected = list(select(sourced_store, Selection(**options))())
    assert expected, "the selection should not be empty"
    parsed = parse(dump(sourced_store, fmt, union=union, **options), fmt)
    got = without_void(parsed)
    if spec.datasets and not union:
        want = set(expected)
    else:
        want = {ox.Quad(q.subject, q.predicate, q.object) for q in expected}
        assert all(q.graph_name == ox.DefaultGraph() for q in got)
    assert_same(got, want)


@pytest.mark.parametrize("fmt", sorted(RDF_FORMATS))
def test_graphs_with_blank_nodes_are_isomorphic_after_a_round_trip(sourced_store, fmt):
    data = dump(sourced_store, fmt, graph="pkg:ontology", void=False)
    ontology = rdflib.Graph().parse(resources.ontology_file())
    assert any(isinstance(node, rdflib.BNode) for node in ontology.all_nodes())
    if RDF_FORMATS[fmt].datasets:
        dataset = rdflib.Dataset()
        dataset.parse(data=data, format={"nquads": "nquads", "trig": "trig", "jsonld": "json-ld"}[fmt])
        back = rdflib.Graph()
        for s, p, o, _ in dataset.quads((None, None, None, None)):
            back.add((s, p, o))
    else:
        back = rdflib.Graph().parse(data=data, format={"turtle": "turtle", "ntriples": "nt", "rdfxml": "xml"}[fmt])
    assert isomorphic(back, ontology)


# ---------------------------------------------------------------------------- selections


def test_the_whole_store_is_the_default(sample_store):
    parsed = parse(dump(sample_store, "nquads", void=False), "nquads")
    assert_same(parsed, sample_store.quads())


def test_one_named_graph(sample_store):
    item = sorted(item_graphs(sample_store.raw))[0]
    parsed = parse(dump(sample_store, "trig", graph=item.value, void=False), "trig")
    assert set(parsed) == set(sample_store.quads(item))
    assert list(parsed.named_graphs()) == [item]


def test_an_unknown_graph_names_the_fix(sample_store):
    with pytest.raises(UsageError, match="no named graph .* list them with"):
        dump(sample_store, "nquads", graph="pkn:no-such-item")


def test_union_writes_each_triple_once_in_the_default_graph(sample_store):
    parsed = parse(dump(sample_store, "nquads", union=True), "nquads")
    assert list(parsed.named_graphs()) == [PKG.void]
    assert_same(without_void(parsed), {ox.Quad(q.subject, q.predicate, q.object) for q in sample_store.quads()})
    assert len(without_void(parsed)) < len(sample_store)


def _typed(store: GraphStore, cls: ox.NamedNode) -> set[ox.Term]:
    return {r["e"] for r in store.query("SELECT DISTINCT ?e ?c WHERE { ?e a ?c }", substitutions={ox.Variable("c"): cls})}


def test_class_filter_keeps_subclasses_their_descriptions_and_relations_among_them(sample_store):
    parsed = parse(dump(sample_store, "nquads", classes="pk:Instrument", void=False), "nquads")
    quads = list(parsed)
    for cls in (PK.Regulation, PK.Directive, PK.Communication):
        assert _typed(sample_store, cls) <= {q.subject for q in quads}, cls
    assert not _typed(sample_store, PK.Institution) - _typed(sample_store, PK.Instrument) & {q.subject for q in quads}
    instruments = {q.subject for q in quads if q.predicate == RDF.type}
    relations = [q for q in quads if q.predicate in RELATIONS]
    assert relations and all(q.object in instruments for q in relations)
    assert any(q.predicate == PK.amends for q in relations)
    # every relation keeps its evidence
    for q in relations:
        if q.graph_name in PKN:
            assert parsed.query(
                "ASK { GRAPH ?g { ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; prov:wasDerivedFrom ?sent . "
                "?sent nif:beginIndex ?b } }",
                substitutions={ox.Variable("g"): q.graph_name, ox.Variable("s"): q.subject,
                               ox.Variable("p"): q.predicate, ox.Variable("o"): q.object},
                prefixes={"rdf": RDF.iri, "prov": "http://www.w3.org/ns/prov#",
                          "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"},
            ), q


def test_an_unknown_pk_class_lists_the_classes(sample_store):
    with pytest.raises(UsageError, match="not a pk: class; choose one of: Institution"):
        dump(sample_store, "turtle", classes="pk:Regulaton")


def test_date_range_keeps_the_items_published_then_with_their_graphs(sample_store):
    dates = {r["i"]: dt.date.fromisoformat(r["d"].value) for r in sample_store.query(
        "SELECT ?i ?d WHERE { ?i a pk:NewsItem ; schema:datePublished ?d }")}
    since, until = dt.date(2024, 3, 1), dt.date(2024, 12, 31)
    wanted = {i for i, d in dates.items() if since <= d <= until}
    assert 0 < len(wanted) < len(dates)
    parsed = parse(dump(sample_store, "trig", since=since, until="2024-12-31"), "trig")
    assert item_graphs(parsed) == wanted
    assert set(without_void(parsed)) == {q for g in wanted for q in sample_store.quads(g)}
    only_since = parse(dump(sample_store, "nquads", since="2025-01-01", void=False), "nquads")
    assert item_graphs(only_since) == {i for i, d in dates.items() if d >= dt.date(2025, 1, 1)}


@pytest.mark.parametrize("bad", ["2024-13-01", "24 januari 2024", ""])
def test_a_bad_date_is_a_usage_error(sample_store, bad):
    with pytest.raises(UsageError, match="YYYY-MM-DD"):
        dump(sample_store, "nquads", since=bad)


def test_source_filter(sourced_store):
    parsed = parse(dump(sourced_store, "nquads", sources="Rijksoverheid", void=False), "nquads")
    items = item_graphs(parsed)
    assert len(items) == 2
    assert all(ox.Quad(i, DCTERMS.source, ox.Literal("Rijksoverheid"), i) in sourced_store.raw for i in items)
    both = parse(dump(sourced_store, "nquads", sources=("Rijksoverheid", "European Commission"), void=False), "nquads")
    assert len(item_graphs(both)) == 4
    assert len(parse(dump(sourced_store, "nquads", sources="Nobody", void=False), "nquads")) == 0


def test_filters_combine(sourced_store):
    alone = parse(dump(sourced_store, "nquads", classes="pk:Regulation", void=False), "nquads")
    combined = parse(dump(sourced_store, "nquads", classes="pk:Regulation", sources="Rijksoverheid",
                          until="2023-12-31", void=False), "nquads")
    items = {q.subject for q in sourced_store.quads() if q.predicate == DCTERMS.source
             and q.object == ox.Literal("Rijksoverheid") and q.subject.value.startswith(PKN.iri + "nl-04")}
    assert len(items) == 1  # the only Rijksoverheid item of 2023
    mentioned = {q.object for i in items for q in sourced_store.raw.quads_for_pattern(i, PK.mentions, None, i)}
    entities = {q.subject for q in combined if q.predicate == RDF.type and q.subject not in PKN}
    assert entities and entities <= mentioned
    assert set(combined) <= set(alone) and len(combined) < len(alone)
    assert {g for g in combined.named_graphs() if g in PKN} <= items


# ---------------------------------------------------------------------------- VoID


def _void(parsed: ox.Store) -> dict[ox.NamedNode, list[ox.Term]]:
    values: dict[ox.NamedNode, list[ox.Term]] = {}
    for q in parsed.quads_for_pattern(PKG.dataset, None, None, None):
        values.setdefault(q.predicate, []).append(q.object)
    return values


@pytest.mark.parametrize("fmt", sorted(RDF_FORMATS))
def test_every_dump_describes_itself_in_void(sourced_store, fmt):
    started = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    parsed = parse(dump(sourced_store, fmt), fmt)
    void = _void(parsed)
    data = without_void(parsed)
    assert void[RDF.type] == [VOID.Dataset]
    assert int(void[VOID.triples][0].value) == len(data)
    assert int(void[VOID.distinctSubjects][0].value) == len({q.subject for q in data})
    assert int(void[VOID.properties][0].value) == len({q.predicate for q in data})
    assert int(void[VOID.classes][0].value) == len({q.object for q in data if q.predicate == RDF.type})
    assert dt.datetime.fromisoformat(void[DCTERMS.created][0].value) >= started
    assert void[DCTERMS.hasVersion] == [ox.Literal(policykg.__version__)]
    assert {s.value for s in void[DCTERMS.source]} == {"European Commission", "Rijksoverheid"}
    vocabularies = {v.value for v in void[VOID.vocabulary]}
    assert {PK.iri, "http://www.w3.org/2004/02/skos/core#", "http://schema.org/"} <= vocabularies
    assert not any(v.startswith("https://w3id.org/policykg/id/") for v in vocabularies)
    assert void[VOID.feature][0].value.startswith("http://www.w3.org/ns/formats/")
    if RDF_FORMATS[fmt].datasets:
        assert {q.graph_name for q in parsed.quads_for_pattern(PKG.dataset, None, None, None)} == {PKG.void}


def test_void_comes_first_in_triple_formats_and_can_be_left_out(sample_store):
    lines = dump(sample_store, "ntriples").decode().splitlines()
    assert all(line.startswith(f"<{PKG.dataset.value}>") for line in lines[:5])
    turtle = dump(sample_store, "turtle").decode()
    first = next(line for line in turtle.splitlines() if not line.startswith("@prefix"))
    assert first == "pkg:dataset a void:Dataset ;"
    for fmt in ("turtle", "nquads"):
        data = dump(sample_store, fmt, void=False)
        assert b"void:Dataset" not in data and b"void#Dataset" not in data


def test_export_returns_the_void_counts(sample_store):
    stats = policykg.export(io.BytesIO(), store=sample_store, fmt="ntriples")
    assert stats is not None and stats.triples == len({q.triple for q in sample_store.quads()})
    assert policykg.export(io.BytesIO(), store=sample_store, fmt="ntriples", void=False) is None


# ---------------------------------------------------------------------------- streaming and gzip


def test_gzip(sample_store):
    data = dump(sample_store, "nquads", gzip=True)
    assert data[:2] == b"\x1f\x8b"
    parsed = parse(gzip.decompress(data), "nquads")
    assert_same(without_void(parsed), sample_store.quads())


def _synthetic_store(graphs: int, per_graph: int) -> GraphStore:
    store = GraphStore(None)
    p = ox.NamedNode("http://example.org/p")
    store.raw.bulk_extend(
        ox.Quad(ox.NamedNode(f"http://example.org/s{g}-{i % 50}"), p, ox.Literal(f"value {g} {i}"),
                ox.NamedNode(f"https://w3id.org/policykg/news/item-{g}"))
        for g in range(graphs) for i in range(per_graph)
    )
    return store


class _Sink(io.RawIOBase):
    """A writable that only counts bytes: the dump goes nowhere."""

    def __init__(self) -> None:
        self.size = 0

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:  # type: ignore[override]
        self.size += len(data)
        return len(data)


def _peak(store: GraphStore, **options) -> tuple[int, int]:
    sink = _Sink()
    tracemalloc.start()
    try:
        policykg.export(sink, store=store, **options)
        return tracemalloc.get_traced_memory()[1], sink.size
    finally:
        tracemalloc.stop()


def test_dataset_formats_stream_in_constant_memory():
    small, large = _synthetic_store(20, 500), _synthetic_store(200, 500)  # 10,000 and 100,000 quads
    for fmt in ("nquads", "trig", "jsonld"):
        peak_small, size_small = _peak(small, fmt=fmt, void=False)
        peak_large, size_large = _peak(large, fmt=fmt, void=False)
        assert size_large > 9 * size_small
        assert peak_large < max(2 * peak_small, 256 * 1024), (fmt, peak_small, peak_large)
    # one graph streams too
    peak, _ = _peak(large, fmt="nquads", void=False, graph="pkn:item-7")
    assert peak < 256 * 1024


# ---------------------------------------------------------------------------- the command line


def test_cli_export_guesses_format_and_compression_from_the_file_name(tmp_path, sourced_store):
    from click.testing import CliRunner

    from policykg.cli import main

    folder = tmp_path / "store"
    disk = GraphStore(folder)
    disk.raw.bulk_extend(list(sourced_store.quads()))
    disk.flush()
    disk.close()
    out = tmp_path / "dump.nq.gz"
    runner = CliRunner()
    result = runner.invoke(main, ["export", "--store", str(folder), "-o", str(out), "--class", "pk:Regulation",
                                  "--since", "2023-01-01", "--source", "Rijksoverheid"])
    assert result.exit_code == 0, result.output
    parsed = parse(gzip.decompress(out.read_bytes()), "nquads")
    assert PKG.void in set(parsed.named_graphs())
    assert any(q.object == PK.Regulation for q in parsed)
    bad = runner.invoke(main, ["export", "--store", str(folder), "--until", "yesterday"])
    assert bad.exit_code == 2 and bad.output.startswith("error:") and "YYYY-MM-DD" in bad.output


# ---------------------------------------------------------------------------- independent parsers


RAPPER = shutil.which("rapper")
RAPPER_SYNTAX = {"turtle": "turtle", "ntriples": "ntriples", "rdfxml": "rdfxml"}


@pytest.mark.skipif(RAPPER is None, reason="rapper (Debian package raptor2-utils) is not on PATH; .ci/run installs it")
@pytest.mark.parametrize("selection", ["whole", "class", "dates"])
@pytest.mark.parametrize("fmt", sorted(RAPPER_SYNTAX))
def test_rapper_counts_the_same_triples_as_pyoxigraph(tmp_path, sourced_store, fmt, selection):
    options = {k: v for k, v in SELECTIONS[selection].items()}
    path = tmp_path / f"dump.{RDF_FORMATS[fmt].extension}"
    path.write_bytes(dump(sourced_store, fmt, **options))
    expected = len(list(ox.parse(path=str(path), format=RDF_FORMATS[fmt].format)))
    run = subprocess.run([RAPPER, "-i", RAPPER_SYNTAX[fmt], "-c", str(path)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "Error" not in run.stderr, run.stderr
    counted = re.search(r"returned (\d+) triples", run.stderr)
    assert counted and int(counted.group(1)) == expected


def test_jsonld_compacts_with_the_published_context(sourced_store):
    """rdflib compacts a dump with ontology/context.jsonld and reads the same graph back."""
    data = dump(sourced_store, "ntriples", classes="pk:Programme", void=False)
    graph = rdflib.Graph().parse(data=data, format="nt")
    context = json.loads((resources.ontology_dir() / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    compact = graph.serialize(format="json-ld", context=context)
    assert '"prefLabel"' in compact and "http://www.w3.org/2004/02/skos/core#prefLabel" not in compact
    back = rdflib.Graph().parse(data=compact, format="json-ld")
    assert isomorphic(back, graph)
