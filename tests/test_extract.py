"""Extraction on annotated items: the seed must stay at the foundation's figures."""

from __future__ import annotations

import pytest

import policykg
from policykg.extract import extract
from policykg.model import NewsItem

from conftest import DATA, ITEMS, SEED_ITEM


def test_seed_meets_the_foundation_figures():
    report = policykg.evaluate([DATA / "gold-seed.json"], ITEMS)
    entities, relations = report.entities, report.relations
    assert entities.recall >= 0.95 and entities.precision >= 0.90, report.format_text(True)
    assert relations.recall >= 0.80 and relations.precision >= 0.80, report.format_text(True)


def _item(text: str, lang: str) -> NewsItem:
    title, _, body = text.partition("\n\n")
    return NewsItem(id="case", title=title, body=body, lang=lang)


CASES = [
    # (language, text, expected (subject label fragment, property, object label fragment))
    ("nl", "Titel\n\nDe Europese Commissie heeft een voorstel voor een verordening gepresenteerd.", "proposedBy"),
    ("nl", "Titel\n\nDe Raad van de Europese Unie heeft Verordening (EU) 2023/2854 aangenomen.", "adoptedBy"),
    ("en", "Title\n\nThe Regulation (EU) 2024/1689 was adopted by the Council of the European Union.", "adoptedBy"),
    ("nl", "Titel\n\nVerordening (EU) 2023/2854 tot wijziging van Verordening (EU) 2017/2394 is aangenomen.", "amends"),
    ("en", "Title\n\nDirective (EU) 2022/2555 repeals Directive (EU) 2016/1148.", "repeals"),
]


@pytest.mark.parametrize("lang,text,prop", CASES)
def test_relation_phrasings(lang, text, prop):
    extraction = extract(_item(text, lang))
    assert prop in {r.property for r in extraction.relations}, extraction.relations


def test_bracketed_number_joins_the_name_before_it():
    text = "Titel\n\nDe zogenoemde EuroHPC-verordening (EU-Verordening 2021/1173) wordt gewijzigd."
    extraction = extract(_item(text, "nl"))
    celex = {e.celex for e in extraction.entities if e.celex}
    assert celex == {"32021R1173"}
    nodes = {m.entity for m in extraction.mentions}
    assert len(nodes) == 1


def test_com_document_is_proposal_or_communication_by_context():
    text = ("Titel\n\nDe Commissie heeft een mededeling over data (COM(2024) 28) aangenomen. "
            "Zij heeft ook de AI-verordening (COM(2021) 206) voorgesteld.")
    extraction = extract(_item(text, "nl"))
    classes = {e.celex: e.cls for e in extraction.entities if e.celex}
    assert classes == {"52024DC0028": "Communication", "52021PC0206": "Proposal"}


def test_generic_sector_words_without_context_are_not_entities():
    text = "Titel\n\nStudenten volgen onderwijs en werken aan hun gezondheid."
    extraction = extract(_item(text, "nl"))
    assert not [e for e in extraction.entities if e.cls == "Sector"]


def test_sector_list_fans_out():
    text = ("Title\n\nThe Digital Europe Programme funds projects in sectors such as health, mobility "
            "and manufacturing.")
    extraction = extract(_item(text, "en"))
    targets = {r.object.rsplit("/", 1)[-1] for r in extraction.relations if r.property == "targetsSector"}
    assert len(targets) == 3, extraction.relations


def test_offsets_point_at_the_mention_text():
    item = next(iter(policykg.read_items([SEED_ITEM])))
    extraction = extract(item)
    assert extraction.mentions
    for mention in extraction.mentions:
        assert item.text[mention.start: mention.end] == mention.text
    for rel in extraction.relations:
        assert 0 <= rel.sentence_start < rel.sentence_end <= len(item.text)


@pytest.mark.parametrize("lang,text", [
    ("en", "What the Commission's advanced materials strategy means for industry\n\nThe European Commission "
           "adopted a Communication on Advanced Materials for Industrial Leadership (COM(2024) 98). "
           "The strategy rests on five pillars."),
    ("nl", "Wat de nieuwe strategie voor geavanceerde materialen betekent\n\nDe Europese Commissie heeft een "
           "mededeling over geavanceerde materialen (COM(2024) 98) aangenomen. De strategie rust op vijf pijlers."),
])
def test_an_unnamed_act_in_the_headline_is_the_act_the_lead_names(lang, text):
    extraction = extract(_item(text, lang))
    assert {m.entity.rsplit("/", 1)[-1] for m in extraction.mentions if "strateg" in m.text.lower()} == {"52024DC0098"}
    assert {e.celex for e in extraction.entities if e.cls == "Communication"} == {"52024DC0098"}
