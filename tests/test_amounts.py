"""Amounts of money: read in each language's own number style, tied to what they are for."""

from __future__ import annotations

import pytest

from policykg.amounts import find_amounts
from policykg.extract import extract
from policykg.model import NewsItem
from policykg.namespaces import PK, SCHEMA
from policykg.store import GraphStore
import policykg


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("een budget van €1,5 miljard", "nl", [("1500000000", "EUR")]),
        ("een budget van 1.5 miljard euro", "nl", [("1500000000", "EUR")]),
        ("goed voor 20 miljoen euro", "nl", [("20000000", "EUR")]),
        ("met EUR 7.000.000 aan steun", "nl", [("7000000", "EUR")]),
        ("ruim € 2,25 mld. voor onderzoek", "nl", [("2250000000", "EUR")]),
        ("a budget of EUR 95.5 billion", "en", [("95500000000", "EUR")]),
        ("worth €1,000,000", "en", [("1000000", "EUR")]),
        ("up from $300m", "en", [("300000000", "USD")]),
        ("some 43 billion euros", "en", [("43000000000", "EUR")]),
        ("Regulation (EU) 2021/694 of 29 April 2021", "en", []),
        ("in 2024 rose by 20 percent", "en", []),
    ],
)
def test_amounts_in_each_language(text, lang, expected):
    assert [(a.value, a.currency) for a in find_amounts(text, lang)] == expected


def test_an_amount_goes_to_the_programme_before_it():
    item = NewsItem(id="a", title="Digitaal Europa", lang="nl",
                    body="De Europese Commissie trekt via Digitaal Europa €1,3 miljard uit voor AI.")
    amounts = extract(item).amounts
    assert [(a.entity.rsplit("/", 1)[-1], a.value, a.currency, a.text) for a in amounts] == [
        ("digital-europe", "1300000000", "EUR", "€1,3 miljard")
    ]


def test_an_amount_is_a_monetary_amount_in_the_graph_with_its_sentence():
    store = GraphStore(None)
    item = NewsItem(id="b", title="Horizon Europe", lang="en",
                    body="Horizon Europe has a budget of EUR 95.5 billion for 2021-2027.")
    policykg.ingest([], items=[item], store=store)
    rows = list(store.query(
        "SELECT ?value ?currency ?evidence WHERE { ?p <%s> ?m . ?m a <%s> ; <%s> ?value ; <%s> ?currency ; "
        "<http://www.w3.org/ns/prov#wasDerivedFrom>/<http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf> ?evidence }"
        % (PK.amount.value, SCHEMA.MonetaryAmount.value, SCHEMA.value.value, SCHEMA.currency.value)))
    assert [(r["value"].value, r["currency"].value) for r in rows] == [("95500000000", "EUR")]
    assert "EUR 95.5 billion" in rows[0]["evidence"].value


def test_a_long_s_in_a_currency_code_does_not_break_the_item():
    # re matches "uſd" to USD without regard to case; the lookup must fold it the same way
    assert [a.currency for a in find_amounts("It costs 5 million uſd today.", "en")] == ["USD"]
