"""Relation phrasings in both languages, active and passive, with lists that fan out."""

from __future__ import annotations

import pytest

from policykg.extract import extract
from policykg.model import NewsItem

PKR = "https://w3id.org/policykg/id/"


def relations(text: str, lang: str) -> set[tuple[str, str, str]]:
    extraction = extract(NewsItem(id="case", title="Titel", body=text, lang=lang))
    short = lambda iri: iri.removeprefix(PKR)  # noqa: E731
    return {(short(r.subject), r.property, short(r.object)) for r in extraction.relations}


CASES = [
    ("nl", "Op voorstel van de Commissie hebben het Europees Parlement en de Raad Verordening (EU) 2023/2854 aangenomen.",
     {("celex/32023R2854", "proposedBy", "institution/european-commission"),
      ("celex/32023R2854", "adoptedBy", "institution/european-parliament"),
      ("celex/32023R2854", "adoptedBy", "institution/council-of-the-european-union")}),
    ("en", "Regulation (EU) 2024/1689 was proposed by the Commission in April 2021.",
     {("celex/32024R1689", "proposedBy", "institution/european-commission")}),
    ("en", "Directive (EU) 2022/2555 repeals Directive (EU) 2016/1148.",
     {("celex/32022L2555", "repeals", "celex/32016L1148")}),
    ("nl", "Verordening (EU) 2023/2854 tot wijziging van Verordening (EU) 2017/2394 en Richtlijn (EU) 2020/1828.",
     {("celex/32023R2854", "amends", "celex/32017R2394"), ("celex/32023R2854", "amends", "celex/32020L1828")}),
    ("en", "The Digital Europe Programme funds projects in sectors such as health, mobility and manufacturing.",
     {("programme/digital-europe", "targetsSector", "sector/health"),
      ("programme/digital-europe", "targetsSector", "sector/mobility"),
      ("programme/digital-europe", "targetsSector", "sector/manufacturing")}),
    ("nl", "Het AI-bureau houdt toezicht op Verordening (EU) 2024/1689.",
     {("institution/ai-office", "supervises", "celex/32024R1689")}),
    ("en", "The AI Board, set up by Regulation (EU) 2024/1689, advises the Commission.",
     {("celex/32024R1689", "establishes", "institution/european-artificial-intelligence-board")}),
]


@pytest.mark.parametrize("lang,text,expected", CASES)
def test_relation_phrasings(lang, text, expected):
    got = relations(text, lang)
    assert expected <= got, got


def test_no_relation_between_things_that_are_merely_listed():
    assert relations("De Europese Commissie, het Europees Parlement en ENISA waren aanwezig.", "nl") == set()
