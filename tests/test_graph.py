"""The produced graph: deterministic, idempotent, conforming to the shapes, exportable."""

from __future__ import annotations

import io

import pyoxigraph as ox
import pytest
import rdflib

import policykg
from policykg.formats import RDF_FORMATS
from policykg.namespaces import PKG
from policykg.store import GraphStore

from conftest import ITEMS, SEED_ITEM


def _sorted_nquads(store: GraphStore) -> list[str]:
    return sorted(str(q) for q in store.quads() if q.graph_name != PKG.runs)


def test_two_runs_give_byte_identical_sorted_nquads():
    first, second = GraphStore(None), GraphStore(None)
    policykg.ingest([ITEMS], store=first)
    policykg.ingest([ITEMS], store=second)
    assert _sorted_nquads(first) == _sorted_nquads(second)


def test_ingesting_twice_leaves_the_store_unchanged(tmp_path):
    store = GraphStore(tmp_path / "store")
    policykg.ingest([SEED_ITEM], store=store)
    before = _sorted_nquads(store)
    runs_before = len(list(store.quads(PKG.runs)))
    policykg.ingest([SEED_ITEM], store=store)
    assert _sorted_nquads(store) == before
    assert len(list(store.quads(PKG.runs))) == runs_before


def test_each_item_graph_records_its_run(sample_store):
    rows = list(sample_store.query(
        "SELECT ?item ?version ?vocab WHERE { GRAPH ?item { ?item a pk:NewsItem ; prov:wasGeneratedBy ?run . "
        "?run pk:pipelineVersion ?version ; pk:vocabularyVersion ?vocab } }"
    ))
    items = list(sample_store.query("SELECT DISTINCT ?i WHERE { ?i a pk:NewsItem }"))
    assert len(rows) == len(items) > 0
    times = list(sample_store.query("SELECT ?run ?t WHERE { GRAPH pkg:runs { ?run prov:endedAtTime ?t } }"))
    assert len(times) == len(items)


def test_every_relation_is_traced_to_a_sentence(sample_store):
    rows = list(sample_store.query(
        "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o FILTER(STRSTARTS(STR(?p), STR(pk:)) && ?p NOT IN (pk:mentions, "
        "pk:celex, pk:eli, pk:trigger, pk:pipelineVersion, pk:vocabularyVersion, pk:amount)) "
        "FILTER NOT EXISTS { ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; prov:wasDerivedFrom ?sent . "
        "?sent nif:beginIndex ?b ; nif:endIndex ?e } } FILTER(STRSTARTS(STR(?g), STR(pkn:))) }"
    ))
    assert rows == []


def test_every_amount_is_traced_to_a_sentence(sample_store):
    amounts = list(sample_store.query("SELECT ?m WHERE { ?s pk:amount ?m }"))
    untraced = list(sample_store.query(
        "SELECT ?m WHERE { ?s pk:amount ?m FILTER NOT EXISTS { ?m prov:wasDerivedFrom ?sent . "
        "?sent nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?text } }"
    ))
    assert amounts and untraced == []


def test_graph_conforms_to_the_shapes(sample_store):
    from pyshacl import validate

    from policykg import resources

    data = rdflib.Graph()
    buffer = io.BytesIO()
    ox.serialize((q.triple for q in sample_store.quads()), buffer, ox.RdfFormat.N_TRIPLES)
    data.parse(data=buffer.getvalue().decode(), format="nt")
    shapes = rdflib.Graph().parse(resources.shapes_file())
    conforms, _, text = validate(data, shacl_graph=shapes, inference="none")
    assert conforms, text[:3000]


@pytest.mark.parametrize("name", sorted(RDF_FORMATS))
def test_every_export_format_parses_back_with_rdflib_and_pyoxigraph(seed_store, name):
    spec = RDF_FORMATS[name]
    buffer = io.BytesIO()
    policykg.export(buffer, store=seed_store, fmt=name, void=False)  # the VoID is checked in test_exports.py
    data = buffer.getvalue()
    expected = len({(q.subject, q.predicate, q.object) for q in seed_store.quads()})
    if spec.datasets:
        expected_quads = len(seed_store)
        parsed = list(ox.parse(data, format=spec.format))
        assert len(parsed) == expected_quads
        ds = rdflib.Dataset()
        ds.parse(data=data, format={"nquads": "nquads", "trig": "trig", "jsonld": "json-ld"}[name])
        assert len(list(ds.quads((None, None, None, None)))) == expected_quads
    else:
        parsed = list(ox.parse(data, format=spec.format))
        assert len(parsed) == expected
        graph = rdflib.Graph()
        graph.parse(data=data, format={"turtle": "turtle", "ntriples": "nt", "rdfxml": "xml"}[name])
        assert len(graph) == expected
