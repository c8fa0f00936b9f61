"""networkx views: node and edge attributes, weights from the store, projections, stats, files."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET

import networkx as nx
import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from policykg.cli import main
from policykg.cli_graph import register
from policykg.errors import UsageError
from policykg.graphs import (
    GRAPH_FORMATS,
    INSTITUTION_TYPES,
    INSTRUMENT_TYPES,
    PROGRAMME_TYPES,
    PROJECTIONS,
    entity_graph,
    graph_format,
    graph_stats,
    pagerank,
    projection,
    write_graph,
)
from policykg.namespaces import PK, PK_CLASSES

from conftest import SEED_ITEM

EC = "https://w3id.org/policykg/id/institution/european-commission"
NODE_ATTRIBUTES = {"label": str, "labels": str, "type": str, "celex": str, "exact_match": str, "mentions": int}
EDGE_ATTRIBUTES = {"relation": str, "weight": int, "first_date": str, "last_date": str}
XML_NAMESPACES = {"graphml": "http://graphml.graphdrawing.org/xmlns", "gexf": "http://www.gexf.net/1.2draft"}


@pytest.fixture(scope="module")
def graph(sample_store):
    return entity_graph(sample_store)


@pytest.fixture(scope="module")
def co_mention(graph, sample_store):
    return projection(graph, "co-mention", store=sample_store)


def _count(store, query: str, **bindings: ox.NamedNode) -> int:
    values = " ".join(f"VALUES ?{name} {{ {term} }}" for name, term in bindings.items())
    rows = list(store.query(query.replace("WHERE {", "WHERE { " + values, 1)))
    return int(rows[0]["n"].value)


# ---------------------------------------------------------------------------- the entity graph


def test_nodes_are_the_mentioned_entities_with_typed_attributes(graph, sample_store):
    mentioned = {row["e"].value for row in sample_store.query("SELECT DISTINCT ?e WHERE { ?i pk:mentions ?e }")}
    assert set(graph.nodes) == mentioned
    classes = set(PK_CLASSES.split())
    for node, data in graph.nodes(data=True):
        assert set(data) == set(NODE_ATTRIBUTES), node
        for key, kind in NODE_ATTRIBUTES.items():
            assert isinstance(data[key], kind), (node, key)
        assert data["label"] and data["type"] in classes, node
        mentions = _count(sample_store, "SELECT (COUNT(DISTINCT ?i) AS ?n) WHERE { ?i pk:mentions ?e }", e=ox.NamedNode(node))
        assert data["mentions"] == mentions >= 1


def test_labels_prefer_the_language_and_list_all(graph, sample_store):
    assert graph.nodes[EC]["label"] == "European Commission"
    assert entity_graph(sample_store, lang="nl").nodes[EC]["label"] == "Europese Commissie"
    labels = graph.nodes[EC]["labels"].split(" | ")
    assert "European Commission@en" in labels and "Europese Commissie@nl" in labels
    assert "http://www.wikidata.org/entity/Q8880" in graph.nodes[EC]["exact_match"].split(" | ")


def test_type_is_the_most_specific_class(graph, sample_store):
    rows = sample_store.query("SELECT DISTINCT ?e WHERE { ?i pk:mentions ?e . ?e a pk:Regulation }")
    regulations = [row["e"].value for row in rows]
    assert regulations
    assert all(graph.nodes[e]["type"] == "Regulation" for e in regulations)
    numbered = [d["celex"] for _, d in graph.nodes(data=True) if d["celex"]]
    assert numbered and all(re.fullmatch(r"[0-9]{5}[A-Z]{1,2}[0-9]{4}", celex) for celex in numbered)


def test_one_edge_per_fact_weighted_by_supporting_items(graph, sample_store):
    facts = _count(
        sample_store,
        "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } "
        "?g a pk:NewsItem FILTER(STRSTARTS(STR(?p), STR(pk:)) && ?p NOT IN (pk:mentions, pk:celex, pk:eli, "
        "pk:trigger, pk:pipelineVersion, pk:vocabularyVersion, pk:itemText, pk:amount)) } }",
    )
    assert graph.number_of_edges() == facts > 0
    for s, o, key, data in graph.edges(keys=True, data=True):
        assert set(data) == set(EDGE_ATTRIBUTES)
        for name, kind in EDGE_ATTRIBUTES.items():
            assert isinstance(data[name], kind)
        assert key == data["relation"]
        supporting = _count(
            sample_store,
            "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), STR(pkn:))) }",
            s=ox.NamedNode(s), p=PK[data["relation"]], o=ox.NamedNode(o),
        )
        assert data["weight"] == supporting >= 1
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", data["first_date"])  # every sample item has a date
        assert data["first_date"] <= data["last_date"]
    assert max(w for *_, w in graph.edges(data="weight")) > 1  # some fact is stated by several items


# ---------------------------------------------------------------------------- projections


def test_instrument_types_are_the_ontology_subclasses(sample_store):
    rows = sample_store.query("SELECT ?c WHERE { GRAPH pkg:ontology { ?c rdfs:subClassOf* pk:Instrument } }")
    assert {row["c"].value[len(PK.iri):] for row in rows} == INSTRUMENT_TYPES


def test_institution_programme_projection(graph):
    view = projection(graph, "institution-programme")
    assert view.number_of_edges() > 0
    for u, v in view.edges():
        kinds = {view.nodes[u]["type"], view.nodes[v]["type"]}
        assert kinds & INSTITUTION_TYPES and kinds & PROGRAMME_TYPES
    assert {d["type"] for _, d in view.nodes(data=True)} <= INSTITUTION_TYPES | PROGRAMME_TYPES


def test_amendment_dag_is_acyclic_and_holds_only_amendments(graph):
    dag = projection(graph, "amendment-dag")
    assert dag.number_of_edges() > 0
    assert nx.is_directed_acyclic_graph(dag)
    assert {d["relation"] for *_, d in dag.edges(data=True)} <= {"amends", "repeals"}
    assert {d["type"] for _, d in dag.nodes(data=True)} <= INSTRUMENT_TYPES


def test_amendment_dag_breaks_cycles_at_the_weakest_edge():
    g = nx.MultiDiGraph()
    for node in "abc":
        g.add_node(node, type="Regulation", label=node)
    for u, v, w in (("a", "b", 3), ("b", "c", 2), ("c", "a", 1), ("a", "a", 5)):
        g.add_edge(u, v, key="amends", relation="amends", weight=w)
    dag = projection(g, "amendment-dag")
    assert nx.is_directed_acyclic_graph(dag)
    assert sorted(dag.edges()) == [("a", "b"), ("b", "c")]
    assert dag.graph["dropped"] == "a amends a | c amends a"


def test_co_mention_weights_count_items_mentioning_both(co_mention, sample_store):
    assert not co_mention.is_directed() and co_mention.number_of_edges() > 0
    for u, v, weight in sorted(co_mention.edges(data="weight"))[::25]:
        both = _count(sample_store, "SELECT (COUNT(DISTINCT ?i) AS ?n) WHERE { ?i pk:mentions ?a , ?b }",
                      a=ox.NamedNode(u), b=ox.NamedNode(v))
        assert weight == both >= 1
    assert co_mention.nodes[EC]["label"] == "European Commission"


def test_projection_names_are_checked(graph):
    with pytest.raises(UsageError, match="institution-programme"):
        projection(graph, "nope")
    with pytest.raises(UsageError, match="store"):
        projection(graph, "co-mention")
    assert set(PROJECTIONS) == {"institution-programme", "amendment-dag", "co-mention"}


# ---------------------------------------------------------------------------- statistics


def test_stats_are_deterministic_and_complete(graph, sample_store):
    first = graph_stats(graph, top=5)
    assert json.dumps(first) == json.dumps(graph_stats(entity_graph(sample_store), top=5))
    assert first["nodes"] == graph.number_of_nodes() and first["edges"] == graph.number_of_edges()
    assert sum(first["components"]["sizes"]) <= first["nodes"]
    for ranking in ("degree", "pagerank", "institutions", "instruments"):
        assert 0 < len(first[ranking]) <= 5
        values = [entry["value"] for entry in first[ranking]]
        assert values == sorted(values, reverse=True)
    assert {e["type"] for e in first["institutions"]} <= INSTITUTION_TYPES
    assert {e["type"] for e in first["instruments"]} <= INSTRUMENT_TYPES
    assert first["institutions"][0]["id"] == EC
    assert first["communities"]["count"] >= 1


def test_pagerank_sums_to_one_and_handles_empty_graphs(graph):
    assert sum(pagerank(graph).values()) == pytest.approx(1.0)
    assert pagerank(nx.DiGraph()) == {}
    empty = graph_stats(nx.MultiDiGraph())
    assert empty["nodes"] == 0 and empty["pagerank"] == [] and empty["communities"]["count"] == 0


# ---------------------------------------------------------------------------- files


def _written(graph: nx.Graph, fmt: str) -> bytes:
    buffer = io.BytesIO()
    write_graph(graph, fmt, buffer)
    return buffer.getvalue()


def _check_xml(data: bytes, fmt: str) -> ET.Element:
    root = ET.fromstring(data)  # raises on malformed XML
    namespace = XML_NAMESPACES[fmt]
    assert root.tag == f"{{{namespace}}}{fmt}"
    assert all(el.tag.startswith(f"{{{namespace}}}") for el in root.iter()), "an element outside the namespace"
    return root


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
@pytest.mark.parametrize("view", ["entity", "co-mention", "amendment-dag"])
def test_xml_formats_read_back_with_the_same_counts(graph, co_mention, fmt, view):
    source = {"entity": graph, "co-mention": co_mention, "amendment-dag": projection(graph, "amendment-dag")}[view]
    data = _written(source, fmt)
    _check_xml(data, fmt)
    read = nx.read_graphml if fmt == "graphml" else nx.read_gexf
    back = read(io.BytesIO(data))
    assert back.number_of_nodes() == source.number_of_nodes()
    assert back.number_of_edges() == source.number_of_edges()
    assert back.is_directed() == source.is_directed()
    if EC in source:
        assert int(back.nodes[EC]["mentions"]) == source.nodes[EC]["mentions"]


def test_graphml_declares_each_attribute_once_with_one_type(graph):
    root = _check_xml(_written(graph, "graphml"), "graphml")
    keys = [(k.get("for"), k.get("attr.name"), k.get("attr.type")) for k in root.iter(f"{{{XML_NAMESPACES['graphml']}}}key")]
    assert len({(f, n) for f, n, _ in keys}) == len(keys)
    types = {(f, n): t for f, n, t in keys}
    assert types[("node", "mentions")] in {"int", "long"} and types[("edge", "weight")] in {"int", "long"}
    assert types[("node", "celex")] == "string"


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json", "csv"])
def test_none_values_are_written_as_empty_strings(fmt):
    g = nx.MultiDiGraph()
    g.add_node("a", label="A", celex=None)
    g.add_node("b", label="B", celex="32016R0679")
    g.add_edge("a", "b", key="amends", relation="amends", weight=1, first_date=None)
    data = _written(g, fmt)
    assert b"None" not in data and b"null" not in data


def test_json_is_node_link_data(graph):
    data = json.loads(_written(graph, "json"))
    back = nx.node_link_graph(data, edges="links")
    assert back.number_of_nodes() == graph.number_of_nodes() and back.number_of_edges() == graph.number_of_edges()
    assert back.nodes[EC]["label"] == "European Commission"


def test_csv_is_an_edge_list(graph):
    rows = list(csv.DictReader(io.StringIO(_written(graph, "csv").decode("utf-8"))))
    assert len(rows) == graph.number_of_edges()
    assert list(rows[0])[:4] == ["source", "target", "relation", "weight"]
    for row in rows:
        assert graph.has_edge(row["source"], row["target"], key=row["relation"])
        assert int(row["weight"]) == graph.edges[row["source"], row["target"], row["relation"]]["weight"]


def test_graph_formats_registry():
    assert set(GRAPH_FORMATS) == {"graphml", "gexf", "json", "csv"}
    assert graph_format(".gexf").name == "gexf"
    with pytest.raises(UsageError, match="graphml, gexf, json, csv"):
        graph_format("dot")


# ---------------------------------------------------------------------------- the command line


@pytest.fixture()
def cli():
    group = type(main)("policykg")  # a fresh group of the same kind as `policykg`
    register(group)
    register(group)  # idempotent
    assert sorted(group.commands) == ["graph", "validate"]
    return group


@pytest.fixture(scope="module")
def disk_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("graphs") / "store"
    result = CliRunner().invoke(main, ["ingest", str(SEED_ITEM), "--store", str(path)])
    assert result.exit_code == 0, result.output
    return path


@pytest.mark.parametrize("fmt", sorted(GRAPH_FORMATS))
def test_cli_export_writes_each_format(cli, disk_store, tmp_path, fmt):
    out = tmp_path / f"graph.{fmt}"
    result = CliRunner().invoke(cli, ["graph", "export", "--store", str(disk_store), "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 0
    if fmt == "graphml":
        assert nx.read_graphml(out).number_of_nodes() > 0


def test_cli_export_projection_to_stdout(cli, disk_store):
    result = CliRunner().invoke(cli, ["graph", "export", "--store", str(disk_store), "--format", "csv",
                                      "--projection", "co-mention"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("source,target,relation,weight")


def test_cli_stats_json_and_table(cli, disk_store):
    result = CliRunner().invoke(cli, ["graph", "stats", "--store", str(disk_store), "--format", "json", "--top", "3"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert len(report["pagerank"]) == 3
    table = CliRunner().invoke(cli, ["graph", "stats", "--store", str(disk_store)])
    assert table.exit_code == 0 and "pagerank" in table.output and "European Commission" in table.output


def test_cli_missing_store_is_a_usage_error(cli, tmp_path):
    result = CliRunner().invoke(cli, ["graph", "stats", "--store", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "policykg ingest" in result.output


@pytest.mark.parametrize("args", [["graph", "export"], ["graph", "stats"], ["graph"], ["validate"]])
def test_cli_commands_document_exit_codes(cli, args):
    result = CliRunner().invoke(cli, [*args, "--help"])
    assert result.exit_code == 0 and "Exit codes" in result.output
