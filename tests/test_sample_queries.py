"""The core prepared queries on the sample data: the seed news item, whose gold graph is known.

The rows asserted here are what the seed gold (data/gold-seed.json) says; they change only
if extraction gets a fact of the seed wrong.
"""

from __future__ import annotations

import pytest

import policykg

PKR = "https://w3id.org/policykg/id/"
PK = "https://w3id.org/policykg/ontology#"


def rows(store, name, **params):
    return policykg.query(name, store=store, **params)


def test_what_did_the_commission_adopt_or_propose(seed_store):
    got = {(r["label"], r["relation"].removeprefix(PK), r["date"]) for r in rows(seed_store, "adopted-or-proposed-by")}
    assert got == {
        ("AI@EC-mededeling", "adoptedBy", "2024-01-24"),
        ("maatregelenpakket ter ondersteuning start-ups", "adoptedBy", "2024-01-24"),
    }


def test_which_programmes_fund_what(seed_store):
    got = {(r["programme"].removeprefix(PKR), r["funded"].removeprefix(PKR)) for r in rows(seed_store, "programme-funding")}
    assert got == {("programme/horizon-europe", "celex/52024DC0028"), ("programme/digital-europe", "celex/52024DC0028")}


@pytest.mark.parametrize(
    "entity,sectors",
    [
        ("pkr:institution/citiverse-edic", {"traffic-management", "waste-management"}),
        ("pkr:programme/genai4eu", {"robotics", "health", "biotechnology", "manufacturing", "mobility", "climate",
                                    "virtual-worlds", "public-sector"}),
    ],
)
def test_which_sectors_does_it_target(seed_store, entity, sectors):
    got = {r["sector"].removeprefix(PKR + "sector/") for r in rows(seed_store, "sectors-targeted", entity=entity)}
    assert got == sectors


def test_what_amends_the_eurohpc_regulation(seed_store):
    got = [(r["label"], r["relation"].removeprefix(PK)) for r in rows(seed_store, "amendments-of", instrument="pkr:celex/32021R1173")]
    assert got == [("wijziging van de EuroHPC-verordening", "amends")]


def test_news_items_that_mention_horizon_europe(seed_store):
    got = [(r["item"].rsplit("/", 1)[-1], r["date"]) for r in rows(seed_store, "news-mentioning", entity="pkr:programme/horizon-europe")]
    assert got == [("ecer-ai-innovatiepakket-2024-01-24", "2024-01-24")]


def test_bodies_established_by_the_eurohpc_regulation(seed_store):
    got = [r["body"].removeprefix(PKR) for r in rows(seed_store, "bodies-established-by", instrument="pkr:celex/32021R1173")]
    assert got == ["institution/eurohpc-joint-undertaking"]
