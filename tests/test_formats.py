"""The format registry: every result format parses back; every RDF format round-trips."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from policykg.errors import UsageError
from policykg.formats import (
    RDF_FORMATS,
    RESULT_FORMATS,
    guess_rdf_format,
    rdf_format,
    result_format,
    shorten,
    term_text,
    write_rdf,
    write_results,
)
from policykg.queries import list_queries, load_query, run_query

FIXTURE = Path(__file__).parent / "fixtures" / "sample-graph.trig"
QUERY_VALUES = {q.name: {p.name: p.example for p in q.params} for q in list_queries()}


@pytest.fixture(scope="module")
def store() -> ox.Store:
    store = ox.Store()
    store.load(path=str(FIXTURE), format=ox.RdfFormat.TRIG)
    return store


def results(store: ox.Store, name: str) -> ox.QuerySolutions:
    return run_query(store, load_query(name), QUERY_VALUES[name])


def rendered(store: ox.Store, name: str, fmt: str) -> bytes:
    out = io.BytesIO()
    write_results(results(store, name), fmt, out)
    return out.getvalue()


# ---------------------------------------------------------------------------- registry


def test_registries_hold_the_documented_formats() -> None:
    assert list(RDF_FORMATS) == ["turtle", "ntriples", "nquads", "trig", "jsonld", "rdfxml"]
    assert [s.extension for s in RDF_FORMATS.values()] == ["ttl", "nt", "nq", "trig", "jsonld", "rdf"]
    assert list(RESULT_FORMATS) == ["table", "csv", "tsv", "json"]
    assert result_format("json").media_type == "application/sparql-results+json"


@pytest.mark.parametrize("spec", RDF_FORMATS.values(), ids=lambda s: s.name)
def test_rdf_specs_agree_with_pyoxigraph(spec) -> None:
    assert spec.datasets == spec.format.supports_datasets
    assert spec.media_type == spec.format.media_type
    assert rdf_format(spec.name) is spec
    assert rdf_format(spec.extension.upper()) is spec
    assert guess_rdf_format(f"dump/graph.{spec.extension}") is spec


def test_unknown_formats_list_the_valid_names() -> None:
    with pytest.raises(UsageError, match="unknown RDF format 'n3'; choose one of: turtle, ntriples, nquads, trig, jsonld, rdfxml"):
        rdf_format("n3")
    with pytest.raises(UsageError, match="unknown result format 'xml'; choose one of: table, csv, tsv, json"):
        result_format("xml")
    with pytest.raises(UsageError, match=r"unknown RDF file extension '\.txt'"):
        guess_rdf_format("graph.txt")
    with pytest.raises(UsageError, match="without an extension"):
        guess_rdf_format("graph")


# ---------------------------------------------------------------------------- result formats

QUERY_NAMES = sorted(QUERY_VALUES)


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_json_is_sparql_results_json(store: ox.Store, name: str) -> None:
    expected = list(results(store, name))
    data = json.loads(rendered(store, name, "json"))
    assert data["head"]["vars"] == list(load_query(name).columns)
    bindings = data["results"]["bindings"]
    assert len(bindings) == len(expected) > 0
    assert all(binding[var]["type"] in {"uri", "literal", "bnode"} for binding in bindings for var in binding)


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_csv_parses_back(store: ox.Store, name: str) -> None:
    expected = list(results(store, name))
    table = list(csv.reader(io.StringIO(rendered(store, name, "csv").decode("utf-8"))))
    assert table[0] == list(load_query(name).columns)
    assert len(table) - 1 == len(expected)


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_tsv_parses_back(store: ox.Store, name: str) -> None:
    expected = list(results(store, name))
    lines = rendered(store, name, "tsv").decode("utf-8").splitlines()
    assert lines[0].split("\t") == [f"?{column}" for column in load_query(name).columns]
    assert len(lines) - 1 == len(expected)
    assert all(len(line.split("\t")) == len(load_query(name).columns) for line in lines[1:])


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_table_is_aligned_text(store: ox.Store, name: str) -> None:
    expected = list(results(store, name))
    lines = rendered(store, name, "table").decode("utf-8").splitlines()
    assert lines[0].split() == list(load_query(name).columns)
    assert set(lines[1]) <= {"-", " "}
    assert len(lines) == 2 + len(expected) + 1
    assert lines[-1] == f"({len(expected)} row{'' if len(expected) == 1 else 's'})"
    # columns start at the same offsets in every line
    starts = [i for i, char in enumerate(lines[1]) if char == "-" and (i == 0 or lines[1][i - 1] == " ")]
    for line in lines[2:-1]:
        assert all(i == 0 or line[i - 1] == " " for i in starts)


def test_table_shortens_iris_and_shows_lexical_values(store: ox.Store) -> None:
    out = io.BytesIO()
    write_results(run_query(store, "adopted-or-proposed-by"), "table", out)
    text = out.getvalue().decode("utf-8")
    assert "pkr:celex/52024PC0029" in text and "pk:proposedBy" in text and "2024-02-01" in text
    assert "https://" not in text and "^^" not in text and '"' not in text


def test_table_of_an_empty_result(store: ox.Store) -> None:
    out = io.BytesIO()
    write_results(run_query(store, "sectors-targeted", {"entity": "pkr:sector/health"}), "table", out)
    assert out.getvalue().decode().splitlines() == [
        "sector  label  items  entity  lang",
        "------  -----  -----  ------  ----",
        "(0 rows)",
    ]


def test_table_cuts_long_values_and_joins_lines() -> None:
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://example.org/a"), ox.NamedNode("http://example.org/p"), ox.Literal("line\none " * 30)))
    out = io.BytesIO()
    write_results(store.query("SELECT ?o WHERE { ?s ?p ?o }"), "table", out)
    row = out.getvalue().decode().splitlines()[2]
    assert len(row) == 80 and row.endswith("…") and row.startswith("line one line one")


def test_ask_results_and_construct_results() -> None:
    store = ox.Store()
    for fmt in RESULT_FORMATS:
        out = io.BytesIO()
        write_results(store.query("ASK {}"), fmt, out)
        assert b"true" in out.getvalue()
    with pytest.raises(UsageError, match="CONSTRUCT results"):
        write_results(store.query("CONSTRUCT WHERE { ?s ?p ?o }"), "json", io.BytesIO())


def test_term_text_and_shorten() -> None:
    assert shorten("https://w3id.org/policykg/news/x#m0-18") == "pkn:x#m0-18"
    assert shorten("https://w3id.org/policykg/id/") == "https://w3id.org/policykg/id/"
    assert term_text(ox.NamedNode("https://w3id.org/policykg/id/a"), prefixed=False) == "https://w3id.org/policykg/id/a"
    assert term_text(ox.Literal("2024-01-24", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))) == "2024-01-24"
    assert term_text(ox.BlankNode("b0")) == "_:b0"
    assert term_text(None) == ""


# ---------------------------------------------------------------------------- RDF formats


@pytest.mark.parametrize("spec", RDF_FORMATS.values(), ids=lambda s: s.name)
def test_rdf_formats_round_trip(store: ox.Store, spec) -> None:
    out = io.BytesIO()
    write_rdf(store, spec.name, out)
    parsed = ox.Store()
    parsed.load(out.getvalue(), format=spec.format)
    if spec.datasets:
        assert len(parsed) == len(store)
        assert set(parsed) == set(store)
        assert set(parsed.named_graphs()) == set(store.named_graphs())
    else:
        union = {quad.triple for quad in store}
        assert len(parsed) == len(union) < len(store)  # repeated facts are written once
        assert {quad.triple for quad in parsed} == union
        assert list(parsed.named_graphs()) == []


def test_write_rdf_accepts_triples_for_dataset_formats() -> None:
    triple = ox.Triple(ox.NamedNode("http://example.org/a"), ox.NamedNode("http://example.org/p"), ox.Literal("x", language="nl"))
    out = io.BytesIO()
    write_rdf([triple], rdf_format("nquads"), out)
    assert list(ox.parse(out.getvalue(), format=ox.RdfFormat.N_QUADS)) == [ox.Quad(triple.subject, triple.predicate, triple.object)]


def test_turtle_uses_the_policykg_prefixes(store: ox.Store) -> None:
    out = io.BytesIO()
    write_rdf(store, "turtle", out)
    assert b"@prefix pkr: <https://w3id.org/policykg/id/> ." in out.getvalue()
