"""Prepared queries: header parsing, binding, and the exact rows each query returns on the fixture."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from policykg.errors import QueryError
from policykg.formats import term_text
from policykg.queries import (
    PARAM_TYPES,
    _main,
    describe_query,
    docs_path,
    render_query_docs,
    Param,
    PreparedQuery,
    bind,
    list_queries,
    load_query,
    parse_query_file,
    run_query,
)
from policykg.resources import queries_dir

FIXTURE = Path(__file__).parent / "fixtures" / "sample-graph.trig"
QUERY_FILES = sorted(queries_dir().glob("*.rq"))
PKR = "https://w3id.org/policykg/id/"


@pytest.fixture
def store() -> ox.Store:
    store = ox.Store()
    store.load(path=str(FIXTURE), format=ox.RdfFormat.TRIG)
    return store


def rows(solutions: ox.QuerySolutions) -> list[dict[str, str]]:
    """Results as plain dicts: prefixed IRIs, lexical values of literals, "" when unbound."""
    names = [variable.value for variable in solutions.variables]
    return [{name: term_text(solution[name]) for name in names} for solution in solutions]


# ---------------------------------------------------------------------------- every file


def test_the_expected_queries_ship() -> None:
    names = {path.stem for path in QUERY_FILES}
    assert {
        "adopted-or-proposed-by",
        "programme-funding",
        "sectors-targeted",
        "amendments-of",
        "news-mentioning",
        "stats-by-class",
        "relations-of",
        "amendment-history",
        "bodies-established-by",
        "established-by",
        "entity-profile",
        "news-mentioning-both",
        "timeline",
        "institution-co-mentions",
        "find-entity",
        "stats-by-relation",
        "stats-by-month",
    } <= names
    assert len(names) >= 15
    assert [q.name for q in list_queries()] == sorted(names)


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.stem)
def test_every_query_file_parses_and_declares_its_params(path: Path) -> None:
    query = parse_query_file(path)
    assert query.name == path.stem and query.path == path
    assert query.title and query.description
    assert query.columns
    text = path.read_text(encoding="utf-8")
    assert text.startswith("#+ summary:")
    for param in query.params:
        assert param.type in PARAM_TYPES
        assert param.description and param.example
        assert f"?{param.name}" in text
        assert param.name in query.columns  # pyoxigraph binds only projected variables
        assert param.required == (param.default is None)
    # Valid standalone SPARQL: parses without any prefixes supplied from outside.
    substitutions = {ox.Variable(p.name): t for p, t in zip(query.params, bind(query, {p.name: p.example for p in query.params}).values())}
    result = ox.Store().query(text, substitutions=substitutions)
    assert [v.value for v in result.variables] == list(query.columns)


def test_load_query_by_name() -> None:
    query = load_query("adopted-or-proposed-by")
    assert query.title == "What did an institution adopt or propose?"
    assert query.param("institution") == Param(
        "institution",
        "iri",
        "pkr:institution/european-commission",
        "pkr:institution/council",
        "the institution",
        False,
    )


@pytest.mark.parametrize("name", ["no-such-query", "../pyproject", ""])
def test_load_query_unknown_name_lists_the_available(name: str) -> None:
    with pytest.raises(QueryError, match="available: .*adopted-or-proposed-by"):
        load_query(name)


# ---------------------------------------------------------------------------- exact rows

EC = "pkr:institution/european-commission"
AI_COMMUNICATION = "mededeling over start-ups en innovatie op het gebied van AI"
ITEM1 = "pkn:ecer-ai-innovatiepakket-2024-01-24"
ITEM2 = "pkn:sciencebusiness-ai-factories-2024-02-01"
ITEM3 = "pkn:council-ai-factories-adopted-2024-06-17"
ITEM4 = "pkn:euractiv-ai-gigafactories-2024-09-10"
HEADLINE1 = "Europese Commissie presenteert AI-innovatiepakket voor start-ups"
HEADLINE2 = "Commission wants EuroHPC supercomputers to power AI start-ups"
HEADLINE3 = "AI factories: Council adopts amendment to the EuroHPC Regulation"
HEADLINE4 = "Commission proposes AI gigafactories, Parliament and Council to follow"
WIDE = {"from": "1900-01-01", "to": "2100-12-31"}
EUROHPC = "pkr:institution/eurohpc-ju"
EUROHPC_REGULATION = "pkr:celex/32021R1173"

CASES = [
    (
        "adopted-or-proposed-by",
        {},
        [
            {"instrument": "pkr:celex/52024PC0500", "label": "AI gigafactories proposal", "relation": "pk:proposedBy",
             "item": ITEM4, "date": "2024-09-10", "institution": EC, **WIDE, "lang": "en"},
            {"instrument": "pkr:celex/52024PC0029", "label": "COM(2024) 29", "relation": "pk:proposedBy",
             "item": "pkn:sciencebusiness-ai-factories-2024-02-01", "date": "2024-02-01", "institution": EC, **WIDE, "lang": "en"},
            {"instrument": "pkr:celex/52024DC0028", "label": AI_COMMUNICATION, "relation": "pk:adoptedBy",
             "item": "pkn:ecer-ai-innovatiepakket-2024-01-24", "date": "2024-01-24", "institution": EC, **WIDE, "lang": "en"},
            {"instrument": "pkr:celex/52024PC0029", "label": "COM(2024) 29", "relation": "pk:proposedBy",
             "item": "pkn:ecer-ai-innovatiepakket-2024-01-24", "date": "2024-01-24", "institution": EC, **WIDE, "lang": "en"},
        ],
    ),
    (
        "adopted-or-proposed-by",
        {"from": "2024-01-25", "to": "2024-06-30"},
        [
            {"instrument": "pkr:celex/52024PC0029", "label": "COM(2024) 29", "relation": "pk:proposedBy",
             "item": "pkn:sciencebusiness-ai-factories-2024-02-01", "date": "2024-02-01", "institution": EC,
             "from": "2024-01-25", "to": "2024-06-30", "lang": "en"},
        ],
    ),
    (
        "adopted-or-proposed-by",
        {"from": "2024-01-24", "to": "2024-01-24", "lang": "nl"},
        [
            {"instrument": "pkr:celex/52024DC0028", "label": AI_COMMUNICATION, "relation": "pk:adoptedBy",
             "item": "pkn:ecer-ai-innovatiepakket-2024-01-24", "date": "2024-01-24", "institution": EC,
             "from": "2024-01-24", "to": "2024-01-24", "lang": "nl"},
            {"instrument": "pkr:celex/52024PC0029", "label": "COM(2024) 29", "relation": "pk:proposedBy",
             "item": "pkn:ecer-ai-innovatiepakket-2024-01-24", "date": "2024-01-24", "institution": EC,
             "from": "2024-01-24", "to": "2024-01-24", "lang": "nl"},
        ],
    ),
    ("adopted-or-proposed-by", {"from": "2024-10-01"}, []),
    (
        "adopted-or-proposed-by",
        {"institution": "pkr:institution/council", "lang": "nl"},
        [
            {"instrument": "pkr:celex/32024R1732", "label": "Regulation (EU) 2024/1732", "relation": "pk:adoptedBy",
             "item": "pkn:council-ai-factories-adopted-2024-06-17", "date": "2024-06-17",
             "institution": "pkr:institution/council", **WIDE, "lang": "nl"},
        ],
    ),
    ("adopted-or-proposed-by", {"institution": "pkr:institution/european-parliament"}, []),
    (
        "programme-funding",
        {},
        [
            {"programme": "pkr:programme/digital-europe", "programmeLabel": "Digital Europe Programme",
             "funded": "pkr:institution/eurohpc-ju", "fundedLabel": "EuroHPC Joint Undertaking", "fundedClass": "pk:Institution", "items": "2", "lang": "en"},
            {"programme": "pkr:programme/digital-europe", "programmeLabel": "Digital Europe Programme",
             "funded": "pkr:celex/52024DC0028", "fundedLabel": AI_COMMUNICATION, "fundedClass": "pk:Communication", "items": "1", "lang": "en"},
            {"programme": "pkr:programme/horizon-europe", "programmeLabel": "Horizon Europe",
             "funded": "pkr:institution/eurohpc-ju", "fundedLabel": "EuroHPC Joint Undertaking", "fundedClass": "pk:Institution", "items": "1", "lang": "en"},
            {"programme": "pkr:programme/horizon-europe", "programmeLabel": "Horizon Europe",
             "funded": "pkr:celex/52024DC0028", "fundedLabel": AI_COMMUNICATION, "fundedClass": "pk:Communication", "items": "2", "lang": "en"},
        ],
    ),
    (
        "programme-funding",
        {"lang": "nl"},
        [
            {"programme": "pkr:programme/horizon-europe", "programmeLabel": "Horizon Europa",
             "funded": "pkr:institution/eurohpc-ju", "fundedLabel": "Gemeenschappelijke Onderneming EuroHPC", "fundedClass": "pk:Institution", "items": "1", "lang": "nl"},
            {"programme": "pkr:programme/horizon-europe", "programmeLabel": "Horizon Europa",
             "funded": "pkr:celex/52024DC0028", "fundedLabel": AI_COMMUNICATION, "fundedClass": "pk:Communication", "items": "2", "lang": "nl"},
            {"programme": "pkr:programme/digital-europe", "programmeLabel": "programma Digitaal Europa",
             "funded": "pkr:institution/eurohpc-ju", "fundedLabel": "Gemeenschappelijke Onderneming EuroHPC", "fundedClass": "pk:Institution", "items": "2", "lang": "nl"},
            {"programme": "pkr:programme/digital-europe", "programmeLabel": "programma Digitaal Europa",
             "funded": "pkr:celex/52024DC0028", "fundedLabel": AI_COMMUNICATION, "fundedClass": "pk:Communication", "items": "1", "lang": "nl"},
        ],
    ),
    (
        "sectors-targeted",
        {"entity": "pkr:celex/52024DC0028"},
        [
            {"sector": "pkr:sector/robotics", "label": "robotics", "items": "2", "entity": "pkr:celex/52024DC0028", "lang": "en"},
            {"sector": "pkr:sector/health", "label": "health", "items": "1", "entity": "pkr:celex/52024DC0028", "lang": "en"},
        ],
    ),
    ("sectors-targeted", {"entity": "pkr:programme/horizon-europe"}, []),
    (
        "amendments-of",
        {"instrument": "pkr:celex/32021R1173"},
        [
            {"amending": "pkr:celex/32024R1732", "label": "Regulation (EU) 2024/1732", "relation": "pk:amends",
             "items": "1", "latest": "2024-06-17", "instrument": "pkr:celex/32021R1173", "lang": "en"},
            {"amending": "pkr:celex/52024PC0029", "label": "COM(2024) 29", "relation": "pk:amends",
             "items": "2", "latest": "2024-02-01", "instrument": "pkr:celex/32021R1173", "lang": "en"},
        ],
    ),
    (
        "amendments-of",
        {"instrument": "https://w3id.org/policykg/id/celex/32018R1488"},
        [
            {"amending": "pkr:celex/32021R1173", "label": "EuroHPC Regulation", "relation": "pk:repeals",
             "items": "1", "latest": "2024-06-17", "instrument": "pkr:celex/32018R1488", "lang": "en"},
        ],
    ),
    (
        "news-mentioning",
        {"entity": "pkr:programme/horizon-europe"},
        [
            {"item": "pkn:council-ai-factories-adopted-2024-06-17",
             "headline": "AI factories: Council adopts amendment to the EuroHPC Regulation",
             "date": "2024-06-17", "source": "Council of the EU", "entity": "pkr:programme/horizon-europe"},
            {"item": "pkn:sciencebusiness-ai-factories-2024-02-01",
             "headline": "Commission wants EuroHPC supercomputers to power AI start-ups",
             "date": "2024-02-01", "source": "Science|Business", "entity": "pkr:programme/horizon-europe"},
            {"item": "pkn:ecer-ai-innovatiepakket-2024-01-24",
             "headline": "Europese Commissie presenteert AI-innovatiepakket voor start-ups",
             "date": "2024-01-24", "source": "ECER", "entity": "pkr:programme/horizon-europe"},
        ],
    ),
    (
        "news-mentioning",
        {"entity": "pkr:sector/health"},
        [
            {"item": "pkn:sciencebusiness-ai-factories-2024-02-01",
             "headline": "Commission wants EuroHPC supercomputers to power AI start-ups",
             "date": "2024-02-01", "source": "Science|Business", "entity": "pkr:sector/health"},
        ],
    ),
    (
        "stats-by-class",
        {},
        [
            {"class": "pk:Institution", "entities": "5"},
            {"class": "pk:Mention", "entities": "4"},
            {"class": "pk:NewsItem", "entities": "4"},
            {"class": "pk:Regulation", "entities": "4"},
            {"class": "pk:Sector", "entities": "4"},
            {"class": "pk:Programme", "entities": "2"},
            {"class": "pk:Proposal", "entities": "2"},
            {"class": "pk:Communication", "entities": "1"},
            {"class": "pk:InstrumentType", "entities": "1"},
        ],
    ),
    (
        "relations-of",
        {"entity": "pkr:celex/32021R1173"},
        [
            {"direction": "out", "relation": "pk:establishes", "other": "pkr:institution/eurohpc-ju",
             "label": "EuroHPC Joint Undertaking", "items": "1", "entity": "pkr:celex/32021R1173", "lang": "en"},
            {"direction": "out", "relation": "pk:repeals", "other": "pkr:celex/32018R1488",
             "label": "Regulation (EU) 2018/1488", "items": "1", "entity": "pkr:celex/32021R1173", "lang": "en"},
            {"direction": "in", "relation": "pk:amends", "other": "pkr:celex/32024R1732",
             "label": "Regulation (EU) 2024/1732", "items": "1", "entity": "pkr:celex/32021R1173", "lang": "en"},
            {"direction": "in", "relation": "pk:amends", "other": "pkr:celex/52024PC0029",
             "label": "COM(2024) 29", "items": "2", "entity": "pkr:celex/32021R1173", "lang": "en"},
        ],
    ),
    (
        "find-entity",
        {"text": "eurohpc"},
        [
            {"entity": "pkr:celex/32021R1173", "label": "EuroHPC Regulation", "matched": "EuroHPC Regulation",
             "class": "pk:Regulation", "text": "eurohpc", "lang": "en"},
            {"entity": "pkr:institution/eurohpc-ju", "label": "EuroHPC Joint Undertaking", "matched": "EuroHPC JU",
             "class": "pk:Institution", "text": "eurohpc", "lang": "en"},
        ],
    ),
    (
        "find-entity",
        {"text": "Commissie", "lang": "nl"},
        [
            {"entity": EC, "label": "Europese Commissie", "matched": "Commissie", "class": "pk:Institution",
             "text": "Commissie", "lang": "nl"},
        ],
    ),
    (
        "news-since",
        {"since": "2024-02-01"},
        [
            {"item": ITEM4, "headline": HEADLINE4, "date": "2024-09-10", "source": "Euractiv", "entities": "7",
             "since": "2024-02-01"},
            {"item": "pkn:council-ai-factories-adopted-2024-06-17",
             "headline": "AI factories: Council adopts amendment to the EuroHPC Regulation",
             "date": "2024-06-17", "source": "Council of the EU", "entities": "7", "since": "2024-02-01"},
            {"item": "pkn:sciencebusiness-ai-factories-2024-02-01",
             "headline": "Commission wants EuroHPC supercomputers to power AI start-ups",
             "date": "2024-02-01", "source": "Science|Business", "entities": "9", "since": "2024-02-01"},
        ],
    ),
    (
        "most-mentioned",
        {"minItems": "3"},
        [
            {"entity": "pkr:celex/32021R1173", "label": "EuroHPC Regulation", "class": "pk:Regulation",
             "items": "3", "minItems": "3", "lang": "en"},
            {"entity": EUROHPC, "label": "EuroHPC Joint Undertaking", "class": "pk:Institution",
             "items": "3", "minItems": "3", "lang": "en"},
            {"entity": EC, "label": "European Commission", "class": "pk:Institution",
             "items": "3", "minItems": "3", "lang": "en"},
            {"entity": "pkr:programme/digital-europe", "label": "Digital Europe Programme", "class": "pk:Programme",
             "items": "3", "minItems": "3", "lang": "en"},
            {"entity": "pkr:programme/horizon-europe", "label": "Horizon Europe", "class": "pk:Programme",
             "items": "3", "minItems": "3", "lang": "en"},
        ],
    ),
]


# ---------------------------------------------------------------------------- exact rows, added queries

COUNCIL = "pkr:institution/council"
EP = "pkr:institution/european-parliament"
LABELS_EN = {
    COUNCIL: "Council of the European Union", EUROHPC: "EuroHPC Joint Undertaking",
    EC: "European Commission", EP: "European Parliament",
}


def co_mention(first: str, second: str, items: int, min_items: str = "1") -> dict[str, str]:
    return {"first": first, "firstLabel": LABELS_EN[first], "second": second, "secondLabel": LABELS_EN[second],
            "items": str(items), "minItems": min_items, "lang": "en"}


def found(entity: str, label: str, matched: str, cls: str, text: str, lang: str = "en") -> dict[str, str]:
    return {"entity": entity, "label": label, "matched": matched, "class": cls, "text": text, "lang": lang}


def profile(aspect: str, prop: str, value: str, value_label: str = "", language: str = "", item: str = "",
            evidence: str = "", entity: str = "pkr:celex/52024PC0500") -> dict[str, str]:
    return {"aspect": aspect, "property": prop, "value": value, "valueLabel": value_label, "language": language,
            "item": item, "evidence": evidence, "entity": entity, "lang": "en"}


GIGAFACTORIES_S1 = "The Commission proposes to amend Regulation (EU) 2024/1732 so that AI gigafactories can be built."
EC_FOUND_NL = found(EC, "Europese Commissie", "Commissie", "pk:Institution", "", "nl")
AI_OFFICE = "pkr:institution/ai-office"
ARTIFICIELE = "Europees Bureau voor artificiële intelligentie"

NEW_CASES = [
    (
        "amendment-history",
        {"instrument": EUROHPC_REGULATION},
        [
            {"direction": "earlier", "relation": "pk:repeals", "other": "pkr:celex/32018R1488",
             "label": "Regulation (EU) 2018/1488", "direct": "true", "items": "1", "instrument": EUROHPC_REGULATION, "lang": "en"},
            {"direction": "later", "relation": "pk:amends", "other": "pkr:celex/32024R1732",
             "label": "Regulation (EU) 2024/1732", "direct": "true", "items": "1", "instrument": EUROHPC_REGULATION, "lang": "en"},
            {"direction": "later", "relation": "pk:amends", "other": "pkr:celex/52024PC0029",
             "label": "COM(2024) 29", "direct": "true", "items": "2", "instrument": EUROHPC_REGULATION, "lang": "en"},
            {"direction": "later", "relation": "pk:amends", "other": "pkr:celex/52024PC0500",
             "label": "AI gigafactories proposal", "direct": "false", "items": "0", "instrument": EUROHPC_REGULATION, "lang": "en"},
        ],
    ),
    (
        "amendment-history",
        {"instrument": "pkr:celex/52024PC0500", "lang": "nl"},
        [
            {"direction": "earlier", "relation": "pk:amends", "other": "pkr:celex/32024R1732",
             "label": "Regulation (EU) 2024/1732", "direct": "true", "items": "1", "instrument": "pkr:celex/52024PC0500", "lang": "nl"},
            {"direction": "earlier", "relation": "pk:amends", "other": EUROHPC_REGULATION,
             "label": "EuroHPC-verordening", "direct": "false", "items": "0", "instrument": "pkr:celex/52024PC0500", "lang": "nl"},
        ],
    ),
    (
        "amendment-history",
        {"instrument": "pkr:celex/32018R1488"},
        [
            {"direction": "later", "relation": "pk:repeals", "other": EUROHPC_REGULATION,
             "label": "EuroHPC Regulation", "direct": "true", "items": "1", "instrument": "pkr:celex/32018R1488", "lang": "en"},
        ],
    ),
    ("amendment-history", {"instrument": "pkr:celex/32016R0679"}, []),
    (
        "bodies-established-by",
        {"instrument": EUROHPC_REGULATION},
        [
            {"body": EUROHPC, "label": "EuroHPC Joint Undertaking", "class": "pk:Institution", "items": "1",
             "instrument": EUROHPC_REGULATION, "lang": "en"},
        ],
    ),
    ("bodies-established-by", {"instrument": "pkr:celex/32024R1732"}, []),
    (
        "established-by",
        {"body": EUROHPC, "lang": "nl"},
        [
            {"instrument": EUROHPC_REGULATION, "label": "EuroHPC-verordening", "class": "pk:Regulation", "items": "1",
             "body": EUROHPC, "lang": "nl"},
        ],
    ),
    ("established-by", {"body": EC}, []),
    (
        "entity-profile",
        {"entity": "pkr:celex/52024PC0500"},
        [
            profile("type", "rdf:type", "pk:Proposal"),
            profile("label", "skos:altLabel", "COM(2024) 500", language="en"),
            profile("label", "skos:prefLabel", "AI gigafactories proposal", language="en"),
            profile("identifier", "skos:exactMatch", "http://publications.europa.eu/resource/celex/52024PC0500"),
            profile("identifier", "pk:celex", "52024PC0500"),
            profile("out", "pk:amends", "pkr:celex/32024R1732", "Regulation (EU) 2024/1732", item=ITEM4,
                    evidence=GIGAFACTORIES_S1),
            profile("out", "pk:proposedBy", EC, "European Commission", item=ITEM4, evidence=GIGAFACTORIES_S1),
            profile("out", "pk:targetsSector", "pkr:sector/energy", "energy", item=ITEM4,
                    evidence="The proposal sets rules for the energy use of the gigafactories."),
        ],
    ),
    (
        "entity-profile",
        {"entity": AI_OFFICE},
        [
            profile("type", "rdf:type", "skos:Concept", entity=AI_OFFICE),
            profile("type", "rdf:type", "org:Organization", entity=AI_OFFICE),
            profile("type", "rdf:type", "pk:Institution", "Institution", entity=AI_OFFICE),
            profile("label", "skos:altLabel", "AI Office", language="en", entity=AI_OFFICE),
            profile("label", "skos:prefLabel", "European AI Office", language="en", entity=AI_OFFICE),
            profile("label", "skos:prefLabel", ARTIFICIELE, language="nl", entity=AI_OFFICE),
            profile("out", "pk:partOf", EC, "European Commission", entity=AI_OFFICE),
        ],
    ),
    (
        "news-mentioning-both",
        {"first": EC, "second": EUROHPC},
        [
            {"item": ITEM4, "headline": HEADLINE4, "date": "2024-09-10", "source": "Euractiv", "first": EC, "second": EUROHPC},
            {"item": ITEM2, "headline": HEADLINE2, "date": "2024-02-01", "source": "Science|Business", "first": EC,
             "second": EUROHPC},
        ],
    ),
    (
        "news-mentioning-both",
        {"first": COUNCIL, "second": EC},
        [{"item": ITEM4, "headline": HEADLINE4, "date": "2024-09-10", "source": "Euractiv", "first": COUNCIL, "second": EC}],
    ),
    ("news-mentioning-both", {"first": EP, "second": "pkr:sector/health"}, []),
    (
        "timeline",
        {"topic": "pkr:programme/horizon-europe"},
        [
            {"date": "2024-01-24", "item": ITEM1, "headline": HEADLINE1, "related": "pkr:celex/52024DC0028",
             "label": AI_COMMUNICATION, "relation": "pk:fundedThrough", "topic": "pkr:programme/horizon-europe", "lang": "en"},
            {"date": "2024-02-01", "item": ITEM2, "headline": HEADLINE2, "related": "pkr:celex/52024DC0028",
             "label": AI_COMMUNICATION, "relation": "pk:fundedThrough", "topic": "pkr:programme/horizon-europe", "lang": "en"},
            {"date": "2024-02-01", "item": ITEM2, "headline": HEADLINE2, "related": EUROHPC,
             "label": "EuroHPC Joint Undertaking", "relation": "pk:fundedThrough", "topic": "pkr:programme/horizon-europe", "lang": "en"},
            {"date": "2024-06-17", "item": ITEM3, "headline": HEADLINE3, "related": EUROHPC,
             "label": "EuroHPC Joint Undertaking", "relation": "pk:fundedThrough", "topic": "pkr:programme/horizon-europe", "lang": "en"},
            {"date": "2024-09-10", "item": ITEM4, "headline": HEADLINE4, "related": EUROHPC,
             "label": "EuroHPC Joint Undertaking", "relation": "pk:fundedThrough", "topic": "pkr:programme/horizon-europe", "lang": "en"},
        ],
    ),
    (
        "timeline",
        {"topic": "pkr:sector/robotics"},
        [
            {"date": "2024-01-24", "item": ITEM1, "headline": HEADLINE1, "related": "pkr:celex/52024DC0028",
             "label": AI_COMMUNICATION, "relation": "pk:targetsSector", "topic": "pkr:sector/robotics", "lang": "en"},
            {"date": "2024-02-01", "item": ITEM2, "headline": HEADLINE2, "related": "pkr:celex/52024DC0028",
             "label": AI_COMMUNICATION, "relation": "pk:targetsSector", "topic": "pkr:sector/robotics", "lang": "en"},
        ],
    ),
    (
        "timeline",
        {"topic": "pkr:sector/energy", "lang": "nl"},
        [
            {"date": "2024-09-10", "item": ITEM4, "headline": HEADLINE4, "related": "pkr:celex/52024PC0500",
             "label": "AI gigafactories proposal", "relation": "pk:targetsSector", "topic": "pkr:sector/energy", "lang": "nl"},
        ],
    ),
    ("timeline", {"topic": "pkr:sector/digital"}, []),
    (
        "institution-co-mentions",
        {},
        [
            co_mention(COUNCIL, EUROHPC, 2),
            co_mention(EUROHPC, EC, 2),
            co_mention(COUNCIL, EC, 1),
            co_mention(COUNCIL, EP, 1),
            co_mention(EUROHPC, EP, 1),
            co_mention(EC, EP, 1),
        ],
    ),
    ("institution-co-mentions", {"minItems": "2"}, [co_mention(COUNCIL, EUROHPC, 2, "2"), co_mention(EUROHPC, EC, 2, "2")]),
    ("institution-co-mentions", {"minItems": "3"}, []),
    (
        "stats-by-relation",
        {},
        [
            {"relation": "pk:fundedThrough", "facts": "4", "items": "3", "statements": "6"},
            {"relation": "pk:amends", "facts": "3", "items": "4", "statements": "4"},
            {"relation": "pk:targetsSector", "facts": "3", "items": "3", "statements": "4"},
            {"relation": "pk:adoptedBy", "facts": "2", "items": "2", "statements": "2"},
            {"relation": "pk:proposedBy", "facts": "2", "items": "3", "statements": "3"},
            {"relation": "pk:establishes", "facts": "1", "items": "1", "statements": "1"},
            {"relation": "pk:partOf", "facts": "1", "items": "0", "statements": "0"},
            {"relation": "pk:repeals", "facts": "1", "items": "1", "statements": "1"},
        ],
    ),
    (
        "stats-by-month",
        {},
        [
            {"month": "2024-01", "items": "1", "entities": "7", "relations": "6"},
            {"month": "2024-02", "items": "1", "entities": "9", "relations": "6"},
            {"month": "2024-06", "items": "1", "entities": "7", "relations": "6"},
            {"month": "2024-09", "items": "1", "entities": "7", "relations": "3"},
        ],
    ),
    # Case- and accent-insensitive lookup, in any language.
    *[
        ("find-entity", {"text": text, "lang": "nl"}, [EC_FOUND_NL | {"text": text}])
        for text in ("commissie", "COMMISSIE", "cOmMiSsIe")
    ],
    (
        "find-entity",
        {"text": "europes", "lang": "nl"},
        [
            found(COUNCIL, "Raad van de Europese Unie", "Raad van de Europese Unie", "pk:Institution", "europes", "nl"),
            found(EC, "Europese Commissie", "Europese Commissie", "pk:Institution", "europes", "nl"),
        ],
    ),
    *[
        ("find-entity", {"text": text}, [found(AI_OFFICE, "European AI Office", ARTIFICIELE, "pk:Institution", text)])
        for text in ("artificiele", "ARTIFICIËLE", "artificiële", "Artificíele")
    ],
    *[
        ("find-entity", {"text": text}, [found("pkr:sector/energy", "energy", "energie", "pk:Sector", text)])
        for text in ("énergie", "ÉNERGIE", "energie")
    ],
    ("find-entity", {"text": "Europese Comissie"}, []),
]
CASES += NEW_CASES


@pytest.mark.parametrize(
    ("name", "values", "expected"),
    CASES,
    ids=[f"{name}-{'-'.join(values.values()) or 'defaults'}" for name, values, _ in CASES],
)
def test_query_returns_the_expected_rows(store: ox.Store, name: str, values: dict, expected: list) -> None:
    assert rows(run_query(store, load_query(name), values)) == expected


def test_every_query_has_an_expected_rows_case() -> None:
    assert {name for name, _, _ in CASES} == {path.stem for path in QUERY_FILES}


def test_most_mentioned_default_is_two_items(store: ox.Store) -> None:
    result = rows(run_query(store, "most-mentioned"))
    assert len(result) == 10
    assert {row["minItems"] for row in result} == {"2"}
    assert all(int(row["items"]) >= 2 for row in result)


@pytest.mark.parametrize("use", ["defaults", "examples"])
@pytest.mark.parametrize("query", list_queries(), ids=lambda q: q.name)
def test_every_query_runs_on_the_ingested_sample_items(sample_store, query: PreparedQuery, use: str) -> None:
    """Rows there change as extraction improves: check only that it runs and the shape of the rows."""
    values = {p.name: (p.example if use == "examples" or p.required else p.default) for p in query.params}
    result = run_query(sample_store.raw, query, values)
    assert [v.value for v in result.variables] == list(query.columns)
    bound = bind(query, values)
    for solution in result:
        for param in query.params:
            assert solution[param.name] == bound[ox.Variable(param.name)]
        for column in query.columns:
            value = solution[column]
            assert value is None or isinstance(value, (ox.NamedNode, ox.Literal, ox.BlankNode))


def test_every_query_runs_with_its_examples(store: ox.Store) -> None:
    for query in list_queries():
        result = run_query(store, query, {p.name: p.example for p in query.params})
        assert [v.value for v in result.variables] == list(query.columns)
        list(result)


# ---------------------------------------------------------------------------- binding


def test_bind_uses_defaults_and_types() -> None:
    query = load_query("adopted-or-proposed-by")
    assert bind(query, {}) == {
        ox.Variable("institution"): ox.NamedNode(PKR + "institution/european-commission"),
        ox.Variable("from"): ox.Literal("1900-01-01", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")),
        ox.Variable("to"): ox.Literal("2100-12-31", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")),
        ox.Variable("lang"): ox.Literal("en"),
    }


@pytest.mark.parametrize(
    "value",
    [
        "pkr:institution/council",
        "pkr:institution\\/council",
        "https://w3id.org/policykg/id/institution/council",
        "<https://w3id.org/policykg/id/institution/council>",
        "  pkr:institution/council ",
    ],
)
def test_iri_parameters_accept_prefixed_names_and_full_iris(value: str) -> None:
    query = load_query("adopted-or-proposed-by")
    assert bind(query, {"institution": value})[ox.Variable("institution")] == ox.NamedNode(PKR + "institution/council")


def test_typed_literals() -> None:
    assert bind(load_query("news-since"), {"since": "2024-02-01"})[ox.Variable("since")] == ox.Literal(
        "2024-02-01", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")
    )
    assert bind(load_query("most-mentioned"), {"minItems": "+03"})[ox.Variable("minItems")] == ox.Literal(
        "3", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
    )
    assert bind(load_query("most-mentioned"), {"minItems": 4})[ox.Variable("minItems")].value == "4"
    assert bind(load_query("find-entity"), {"text": "EC", "lang": "en-GB"}) == {
        ox.Variable("text"): ox.Literal("EC"),
        ox.Variable("lang"): ox.Literal("en-gb"),
    }


def test_missing_required_parameter_names_it_and_gives_an_example() -> None:
    with pytest.raises(QueryError) as caught:
        bind(load_query("sectors-targeted"), {})
    message = str(caught.value)
    assert "'entity'" in message and "entity=pkr:celex/52024DC0028" in message
    assert "\n" not in message


def test_unknown_parameter_is_named() -> None:
    with pytest.raises(QueryError, match=r"unknown parameter 'instituton'; its parameters: institution, from, to, lang"):
        bind(load_query("adopted-or-proposed-by"), {"instituton": "pkr:institution/council"})
    with pytest.raises(QueryError, match=r"unknown parameter 'x'; its parameters: none"):
        bind(load_query("stats-by-class"), {"x": "1"})


@pytest.mark.parametrize(
    ("name", "param", "value", "reason"),
    [
        ("sectors-targeted", "entity", "European Commission", "not an IRI"),
        ("sectors-targeted", "entity", "pkx:institution/council", "unknown prefix pkx:"),
        ("sectors-targeted", "entity", "http://example.org/a b", "cannot occur in an IRI"),
        ("news-since", "since", "24-01-2024", "YYYY-MM-DD"),
        ("news-since", "since", "2024-02-30", "day is out of range"),
        ("most-mentioned", "minItems", "two", "whole number"),
        ("most-mentioned", "minItems", "2.5", "whole number"),
        ("most-mentioned", "lang", "en_GB", "language tag"),
    ],
)
def test_mistyped_values_name_the_parameter(name: str, param: str, value: str, reason: str) -> None:
    with pytest.raises(QueryError) as caught:
        bind(load_query(name), {param: value})
    message = str(caught.value)
    assert f"parameter '{param}'" in message and reason in message
    assert f"{param}={load_query(name).param(param).example}" in message
    assert "\n" not in message


def test_wrong_python_type_is_rejected() -> None:
    with pytest.raises(QueryError, match="'minItems' takes text, not list"):
        bind(load_query("most-mentioned"), {"minItems": [2]})


# ---------------------------------------------------------------------------- injection

PAYLOADS = [
    'x" } ; DROP ALL ; #',
    "<http://x> } ; DELETE WHERE { ?s ?p ?o } #",
    "x' } ; CLEAR ALL ; #",
    'pkr:x" } ; DROP ALL ; #',
    "2024-01-01\"^^xsd:date } ; DROP ALL ; #",
    "1 } ; DROP ALL ; #",
    "en\" ) } ; DROP ALL ; #",
]
PARAMS = [(query.name, param.name, param.type) for query in list_queries() for param in query.params]


def test_every_parameter_type_is_exercised() -> None:
    assert {type_name for _, _, type_name in PARAMS} == set(PARAM_TYPES)


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize(("name", "param", "type_name"), PARAMS, ids=[f"{n}.{p}" for n, p, _ in PARAMS])
def test_injection_is_rejected_or_inert(store: ox.Store, name: str, param: str, type_name: str, payload: str) -> None:
    before = set(store)
    query = load_query(name)
    values = {p.name: p.example for p in query.params} | {param: payload}
    if type_name == "string":
        assert rows(run_query(store, query, values)) == []
    else:
        with pytest.raises(QueryError, match=f"parameter '{param}'"):
            run_query(store, query, values)
    assert len(store) == len(before) and set(store) == before


def test_parameters_reach_the_store_only_as_substitutions() -> None:
    calls = []

    class Spy:
        def query(self, sparql, **options):
            calls.append((sparql, options))
            return ox.Store().query(sparql, **options)

    query = load_query("find-entity")
    run_query(Spy(), query, {"text": 'x" } ; DROP ALL ; #'})  # type: ignore[arg-type]
    (sparql, options), = calls
    assert sparql == query.sparql == query.path.read_text(encoding="utf-8")
    assert options["use_default_graph_as_union"] is True
    assert options["substitutions"][ox.Variable("text")] == ox.Literal('x" } ; DROP ALL ; #')


# ---------------------------------------------------------------------------- the header parser

GOOD_BODY = """
PREFIX pk: <https://w3id.org/policykg/ontology#>
SELECT ?x ?thing WHERE { ?x pk:partOf ?thing }
"""


def write(tmp_path: Path, header: str, body: str = GOOD_BODY, name: str = "q.rq") -> Path:
    path = tmp_path / name
    path.write_text(header.strip("\n") + "\n" + body, encoding="utf-8")
    return path


def test_header_parser_reads_every_field(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '#+ summary: What is part of a thing?\n'
        '#+ description: Parts of a thing,\n'
        '#+   over two lines.\n'
        '#+ params:\n'
        '#+   - thing: {type: iri, example: "pkr:programme/x", description: "the whole, with a comma, and \\"quotes\\""}\n'
        "#+ columns: [x, thing]\n",
    )
    assert parse_query_file(path) == PreparedQuery(
        name="q",
        title="What is part of a thing?",
        description="Parts of a thing, over two lines.",
        params=(Param("thing", "iri", None, "pkr:programme/x", 'the whole, with a comma, and "quotes"', True),),
        columns=("x", "thing"),
        sparql=path.read_text(encoding="utf-8"),
        path=path,
    )


HEADER = "#+ summary: s\n#+ description: d\n#+ params:\n#+   - thing: {type: iri, example: \"pkr:x\", description: \"t\"}\n#+ columns: [x, thing]\n"


@pytest.mark.parametrize(
    ("header", "body", "error"),
    [
        (HEADER.replace("#+ summary: s\n", ""), GOOD_BODY, "no summary"),
        (HEADER.replace("#+ description: d\n", ""), GOOD_BODY, "no description"),
        (HEADER.replace("#+ columns: [x, thing]\n", ""), GOOD_BODY, "no columns"),
        (HEADER.replace("columns: [x, thing]", "columns: [thing, x]"), GOOD_BODY, "do not match the SELECT projection"),
        (HEADER.replace("type: iri", "type: uri"), GOOD_BODY, "type must be one of iri, string, date, integer, lang"),
        (HEADER.replace("type: iri", "typ: iri"), GOOD_BODY, "unknown field 'typ'"),
        (HEADER.replace('description: "t"', 'description: "t'), GOOD_BODY, "unclosed quote"),
        (HEADER.replace('example: "pkr:x", ', ""), GOOD_BODY, "needs an example"),
        (HEADER.replace('example: "pkr:x"', 'example: "not an iri"'), GOOD_BODY, "example 'not an iri' is not an IRI"),
        (HEADER.replace(', description: "t"', ""), GOOD_BODY, "no description"),
        (HEADER + "#+ tags: [a]\n", GOOD_BODY, "unknown header key 'tags'"),
        (HEADER.replace("?thing", "?other").replace("thing", "other") + "", GOOD_BODY, "?other does not occur"),
        (HEADER, GOOD_BODY.replace("SELECT ?x ?thing", "SELECT ?x"), "must be selected"),
        (HEADER, GOOD_BODY.replace("PREFIX pk: <https://w3id.org/policykg/ontology#>", ""), "invalid SPARQL"),
        (HEADER.replace("columns: [x, thing]", "columns: []"), GOOD_BODY, "no columns"),
        (HEADER.replace("columns: [x, thing]", "columns: x, thing"), GOOD_BODY, "expected a list like [a, b, c]"),
        (HEADER, GOOD_BODY.replace("SELECT ?x ?thing WHERE", "ASK"), "must be a SELECT query"),
        (HEADER.replace("#+   - thing", "#+   thing"), GOOD_BODY, "expected '- name:"),
        (HEADER + "#+ summary: again\n", GOOD_BODY, "given twice"),
    ],
)
def test_header_errors_name_the_file(tmp_path: Path, header: str, body: str, error: str) -> None:
    path = write(tmp_path, header, body)
    with pytest.raises(QueryError) as caught:
        parse_query_file(path)
    assert error in str(caught.value)
    assert str(caught.value).startswith(str(path))


def test_construct_is_not_a_prepared_query(tmp_path: Path) -> None:
    path = write(tmp_path, "#+ summary: s\n#+ description: d\n#+ columns: [x]\n", "CONSTRUCT WHERE { ?x ?p ?o }")
    with pytest.raises(QueryError, match="must be a SELECT query"):
        parse_query_file(path)


def test_query_without_params(tmp_path: Path) -> None:
    path = write(tmp_path, "#+ summary: s\n#+ description: d\n#+ params: []\n#+ columns: [s]\n", "SELECT ?s WHERE { ?s ?p ?o }")
    query = parse_query_file(path)
    assert query.params == () and bind(query, None) == {}


# ---------------------------------------------------------------------------- documentation


def test_queries_readme_is_up_to_date() -> None:
    assert docs_path().read_text(encoding="utf-8") == render_query_docs(), (
        "queries/README.md is out of date; run: python -m policykg.queries --write-docs"
    )


def test_queries_readme_documents_every_query_and_parameter() -> None:
    text = render_query_docs()
    for query in list_queries():
        section = text.split(f"\n## {query.name}\n", 1)[1].split("\n## ", 1)[0]
        assert query.title in section and query.description in section
        for param in query.params:
            assert f"| `{param.name}` | {param.type} |" in section
            assert f"--param {param.name}=" in section
        assert ", ".join(f"`{c}`" for c in query.columns) in section
        assert f"policykg query {query.name}" in section


def test_write_docs_regenerates_the_readme(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    target = tmp_path / "README.md"
    monkeypatch.setattr("policykg.queries.docs_path", lambda: target)
    assert _main(["--check-docs"]) == 1
    assert _main(["--write-docs"]) == 0
    assert target.read_text(encoding="utf-8") == render_query_docs()
    assert _main(["--check-docs"]) == 0


def test_describe_query_gives_the_full_help() -> None:
    text = describe_query(load_query("adopted-or-proposed-by"))
    assert text.startswith("adopted-or-proposed-by: What did an institution adopt or propose?\n\n")
    assert "  institution  iri, default pkr:institution/european-commission; e.g. pkr:institution/council\n" in text
    assert "  from         date, default 1900-01-01; e.g. 2024-01-01\n" in text
    assert "Columns: instrument, label, relation, item, date, institution, from, to, lang\n" in text
    assert text.endswith(
        "policykg query adopted-or-proposed-by --param institution=pkr:institution/council "
        "--param from=2024-01-01 --param to=2024-12-31 --param lang=nl\n"
    )
    required = describe_query(load_query("amendment-history"))
    assert "instrument  iri, required; e.g. pkr:celex/32021R1173" in required
    assert "Parameters: none" in describe_query(load_query("stats-by-month"))


def test_example_command_quotes_values_with_spaces(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '#+ summary: s\n#+ description: d\n#+ params:\n'
        '#+   - text: {type: string, example: "Europese Commissie", description: "t"}\n#+ columns: [x, text]\n',
        "SELECT ?x ?text WHERE { ?x ?p ?text }\n",
    )
    assert describe_query(parse_query_file(path)).endswith("policykg query q --param 'text=Europese Commissie'\n")
