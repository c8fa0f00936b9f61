"""Mention candidates, case by case: what is found, with which kind and class."""

from __future__ import annotations

import pytest

from policykg.extract import extract
from policykg.model import NewsItem


def mentions(text: str, lang: str):
    item = NewsItem(id="case", title="Titel", body=text, lang=lang)
    extraction = extract(item)
    classes = {e.iri: e.cls for e in extraction.entities}
    return {(m.text, classes[m.entity]) for m in extraction.mentions}


CASES = [
    ("nl", "De Europese Commissie en het Europees Parlement overleggen.",
     {("Europese Commissie", "Institution"), ("Europees Parlement", "Institution")}),
    ("nl", "Het Agentschap van de Europese Unie voor cyberbeveiliging (ENISA) helpt.",
     {("Agentschap van de Europese Unie voor cyberbeveiliging", "Institution")}),
    ("en", "The Commission set up the Net-Zero Europe Platform to advise it.",
     {("Commission", "Institution"), ("Net-Zero Europe Platform", "Initiative")}),
    ("en", "Regulation (EU) 2024/1689 applies from 2026.", {("Regulation (EU) 2024/1689", "Regulation")}),
    ("nl", "Richtlijn 2016/1148 werd vervangen.", {("Richtlijn 2016/1148", "Directive")}),
    ("en", "Directive 2011/24/EU is older.", {("Directive 2011/24/EU", "Directive")}),
    ("nl", "Het Europees Comité voor data-innovatie adviseert.", {("Europees Comité voor data-innovatie", "Institution")}),
    # generic words are not entities
    ("en", "Member States and start-ups welcome the EU budget.", set()),
]


@pytest.mark.parametrize("lang,text,expected", CASES)
def test_mentions(lang, text, expected):
    assert mentions(text, lang) >= expected
    if not expected:
        assert mentions(text, lang) == set()


def test_acronym_in_brackets_is_one_node_with_its_name():
    item = NewsItem(id="case", title="Titel", lang="nl",
                    body="Het Europees Comité voor data-innovatie (EDIB) is opgericht. Het EDIB adviseert.")
    extraction = extract(item)
    nodes = {m.entity for m in extraction.mentions}
    assert len(nodes) == 1


def test_short_form_refers_back_to_the_act_named_before():
    item = NewsItem(id="case", title="Titel", lang="en",
                    body="Regulation (EU) 2023/2854 was adopted in 2023. The Regulation applies from 2025.")
    extraction = extract(item)
    nodes = {m.entity for m in extraction.mentions}
    assert nodes == {"https://w3id.org/policykg/id/celex/32023R2854"}
