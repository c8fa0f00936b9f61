"""validate_store: SHACL shapes plus domain/range checks, each violation traced to its news item."""

from __future__ import annotations

import gc
import json

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

import policykg
from policykg import ids
from policykg.cli import main
from policykg.cli_graph import register
from policykg.namespaces import ITSRDF, NIF, PK, PKR, RDF
from policykg.store import GraphStore
from policykg.validate import Violation, class_ancestors, relation_signatures, validate_store

from conftest import SEED_ITEM

SEED = ids.item_iri(SEED_ITEM.stem)
GRAPH = ox.NamedNode(SEED)
GDPR = ox.NamedNode(PKR.iri + "celex/32016R0679")
ROBOTICS = ox.NamedNode(PKR.iri + "sector/robotics")
EC = ox.NamedNode(PKR.iri + "institution/european-commission")
HORIZON = ox.NamedNode(PKR.iri + "programme/horizon-europe")


def _seed_store() -> GraphStore:
    store = GraphStore(None)
    assert policykg.ingest([SEED_ITEM], store=store).items_ok == 1
    return store


def _first_mention(store: GraphStore) -> ox.NamedNode:
    mentions = sorted(q.subject.value for q in store.raw.quads_for_pattern(None, RDF.type, PK.Mention, GRAPH))
    return ox.NamedNode(mentions[0])


def test_the_sample_store_conforms(sample_store):
    assert validate_store(sample_store) == []


def test_range_violation_names_the_item():
    store = _seed_store()
    store.raw.add(ox.Quad(GDPR, PK.adoptedBy, ROBOTICS, GRAPH))
    violations = validate_store(store)
    assert violations
    assert all(v.items == (SEED,) for v in violations)
    by_shape = {v.shape: v for v in violations}
    ranged = by_shape["rdfs:range"]
    assert (ranged.focus, ranged.path, ranged.value) == (GDPR.value, PK.adoptedBy.value, "pkr:sector/robotics")
    assert "pk:Sector" in ranged.message and "pk:Institution" in ranged.message
    assert by_shape["pksh:AdoptedByShape"].path == PK.adoptedBy.value
    assert any(v.shape != "rdfs:range" and v.path == PK.adoptedBy.value for v in violations)  # SHACL agrees


def test_domain_violation():
    store = _seed_store()
    store.raw.add(ox.Quad(ROBOTICS, PK.proposedBy, EC, GRAPH))
    domain = [v for v in validate_store(store) if v.shape == "rdfs:domain"]
    assert len(domain) == 1
    assert domain[0].focus == ROBOTICS.value and domain[0].items == (SEED,)
    assert "subject" in domain[0].message and "pk:Instrument" in domain[0].message


def test_subclasses_and_unions_satisfy_domain_and_range():
    store = _seed_store()
    store.raw.add(ox.Quad(GDPR, PK.adoptedBy, EC, GRAPH))  # a pk:Regulation is a pk:Instrument
    store.raw.add(ox.Quad(HORIZON, PK.partOf, EC, GRAPH))  # domain and range are owl:unionOf lists
    assert [v for v in validate_store(store) if v.shape.startswith("rdfs:")] == []


def test_mention_without_target_names_the_item():
    store = _seed_store()
    mention = _first_mention(store)
    for quad in list(store.raw.quads_for_pattern(mention, ITSRDF.taIdentRef, None, GRAPH)):
        store.raw.remove(quad)
    violations = validate_store(store)
    assert [(v.focus, v.path, v.items) for v in violations] == [(mention.value, ITSRDF.taIdentRef.value, (SEED,))]
    line = str(violations[0])
    assert "\n" not in line and "itsrdf:taIdentRef" in line and "pkn:ecer-ai-innovatiepakket-2024-01-24" in line


def test_sparql_constraints_are_checked():
    store = _seed_store()
    mention = _first_mention(store)
    for quad in list(store.raw.quads_for_pattern(mention, NIF.anchorOf, None, GRAPH)):
        store.raw.remove(quad)
    store.raw.add(ox.Quad(mention, NIF.anchorOf, ox.Literal("far too long an anchor for its offsets"), GRAPH))
    statement = ox.NamedNode(SEED + "#rnotasserted")
    for p, o in ((RDF.type, RDF.Statement), (RDF.subject, GDPR), (RDF.predicate, PK.amends), (RDF.object, GDPR)):
        store.raw.add(ox.Quad(statement, p, o, GRAPH))
    violations = validate_store(store)
    shapes = {v.shape for v in violations if v.focus in {mention.value, statement.value}}
    assert {"pksh:MentionShape", "pksh:RelationStatementShape"} <= shapes
    assert all(v.items == (SEED,) for v in violations)


def test_violation_is_one_line_and_frozen():
    v = Violation("https://w3id.org/policykg/id/sector/x", PK.adoptedBy.value, "bad\nthing", value="pkr:y",
                  items=("https://w3id.org/policykg/news/a", "https://w3id.org/policykg/news/b"))
    assert str(v) == "Violation: pkr:sector/x pk:adoptedBy = pkr:y: bad thing (in pkn:a, pkn:b)"
    with pytest.raises(AttributeError):
        v.focus = "x"  # type: ignore[misc]
    assert v.to_dict()["items"] == list(v.items)


def test_ontology_helpers(sample_store):
    ancestors = class_ancestors(sample_store)
    assert PK.Instrument.value in ancestors[PK.Regulation.value]
    assert PK.Instrument.value in ancestors[PK.Initiative.value] or PK.Programme.value in ancestors[PK.Initiative.value]
    signatures = relation_signatures(sample_store)
    assert set(signatures) == {PK[name].value for name in
                               "proposedBy adoptedBy amends repeals partOf establishes fundedThrough targetsSector "
                               "supervises implements participatesIn refersTo".split()}
    assert signatures[PK.partOf.value]["domain"] == {PK.Instrument.value, PK.Institution.value, PK.Programme.value}
    assert signatures[PK.adoptedBy.value]["range"] == {PK.Institution.value}


# ---------------------------------------------------------------------------- the command line


@pytest.fixture()
def cli():
    group = type(main)("policykg")
    register(group)
    return group


def test_cli_validate_exit_codes(cli, tmp_path):
    good = tmp_path / "good"
    assert CliRunner().invoke(main, ["ingest", str(SEED_ITEM), "--store", str(good)]).exit_code == 0
    result = CliRunner().invoke(cli, ["validate", "--store", str(good)])
    assert result.exit_code == 0, result.output
    assert "conforms" in result.output

    bad = tmp_path / "bad"
    store = GraphStore(bad)
    policykg.ingest([SEED_ITEM], store=store)
    store.raw.add(ox.Quad(GDPR, PK.adoptedBy, ROBOTICS, GRAPH))
    store.flush()
    del store
    gc.collect()
    result = CliRunner().invoke(cli, ["validate", "--store", str(bad)])
    assert result.exit_code == 1
    lines = [line for line in result.stdout.splitlines() if line]
    assert len(lines) >= 2 and all(line.startswith("Violation: ") and "pkn:ecer-" in line for line in lines)
    as_json = CliRunner().invoke(cli, ["validate", "--store", str(bad), "--format", "json"])
    assert as_json.exit_code == 1
    assert {tuple(v["items"]) for v in json.loads(as_json.stdout)} == {(SEED,)}
