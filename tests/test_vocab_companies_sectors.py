"""Companies (institutions of kind ``company``) and the wider sector vocabulary.

EU-policy news names companies all the time (gatekeepers, AI developers, chipmakers, satellite
operators, energy firms); the gold annotations treat a named company as a pk:Institution. Names that
are also ordinary words ("visa", "orange", the Amazon river) must not turn into companies: the risky
ones are either left out (bare "Amazon", "Visa", "X") or kept only as a capitalised one-word label,
which the gazetteer matches with its exact case ("Orange", "Shell", "Meta", "Apple")."""

from __future__ import annotations

import pytest

from policykg.extract import extract
from policykg.model import NewsItem
from policykg.vocabbuild import INSTITUTION_KINDS
from policykg.vocabulary import load_vocabulary

ID = "https://w3id.org/policykg/id/"


def found(text: str, lang: str) -> dict[str, tuple[str, str]]:
    """Mention text -> (entity IRI without the id/ prefix, class)."""
    result = extract(NewsItem(id="t", title="Titel", body=text, lang=lang))
    classes = {e.iri: e.cls for e in result.entities}
    return {m.text: (m.entity.removeprefix(ID), classes[m.entity]) for m in result.mentions}


def companies(text: str, lang: str) -> dict[str, str]:
    """Mention text -> company id, for the mentions that link to an institution of kind company."""
    company_ids = _company_ids()
    return {
        text: iri.removeprefix("institution/")
        for text, (iri, _) in found(text, lang).items()
        if iri.startswith("institution/") and iri.removeprefix("institution/") in company_ids
    }


def _company_ids() -> set[str]:
    import csv

    from policykg.resources import ontology_dir

    with (ontology_dir() / "sources" / "institutions.csv").open(encoding="utf-8", newline="") as handle:
        return {row["id"] for row in csv.DictReader(handle) if row["kind"] == "company"}


def test_company_is_a_kind_of_institution():
    assert "company" in INSTITUTION_KINDS
    assert len(_company_ids()) >= 150


@pytest.mark.parametrize("label,key", [
    ("Alphabet", "alphabet"),
    ("Google", "google"),
    ("Meta Platforms", "meta-platforms"),
    ("Apple Inc.", "apple"),
    ("Amazon Web Services", "amazon-web-services"),
    ("TikTok", "tiktok"),
    ("X Corp", "x-corp"),
    ("Mistral AI", "mistral-ai"),
    ("ASML", "asml"),
    ("Thales Alenia Space", "thales-alenia-space"),
    ("Telefónica", "telefonica"),
    ("Telefonica", "telefonica"),
    ("Ørsted", "orsted"),
    ("ABN AMRO", "abn-amro"),
    ("SpaceRISE consortium", "spacerise"),
    ("Visa Inc.", "visa"),
])
def test_the_vocabulary_knows_the_company(label, key):
    entries = load_vocabulary().lookup(label)
    assert [(e.iri, e.cls) for e in entries] == [(ID + "institution/" + key, "Institution")]


@pytest.mark.parametrize("word", ["X", "Amazon", "Visa", "visum", "Booking", "Leonardo", "EDF", "Mistral"])
def test_ambiguous_words_are_no_company_labels(word):
    """A one-letter name, a river, a travel document, a verb, a painter, the European Defence Fund, a wind."""
    assert not [e for e in load_vocabulary().lookup(word) if e.iri.removeprefix(ID + "institution/") in _company_ids()]


def test_gatekeepers_in_an_english_item_are_institutions():
    text = ("The Commission designated Alphabet, Apple, ByteDance, Meta, Microsoft and Amazon Web Services as "
            "gatekeepers under the Digital Markets Act; Booking.com followed in 2024.")
    result = found(text, "en")
    for name, key in [("Alphabet", "alphabet"), ("Apple", "apple"), ("ByteDance", "bytedance"),
                      ("Meta", "meta-platforms"), ("Microsoft", "microsoft"),
                      ("Amazon Web Services", "amazon-web-services"), ("Booking.com", "booking-holdings")]:
        assert result[name] == ("institution/" + key, "Institution")


def test_companies_in_a_dutch_item_are_institutions():
    text = ("SpaceRISE, een consortium van SES, Eutelsat en Hispasat, bouwt IRIS². Onderaannemers zijn onder meer "
            "Thales Alenia Space, OHB, Deutsche Telekom en Orange. Ook OpenAI, Mistral AI en xAI tekenden de "
            "gedragscode; Shell en Ørsted investeren in windparken.")
    assert companies(text, "nl") == {
        "SpaceRISE": "spacerise", "SES": "ses", "Eutelsat": "eutelsat", "Hispasat": "hispasat",
        "Thales Alenia Space": "thales-alenia-space", "OHB": "ohb", "Deutsche Telekom": "deutsche-telekom",
        "Orange": "orange", "OpenAI": "openai", "Mistral AI": "mistral-ai", "xAI": "xai", "Shell": "shell",
        "Ørsted": "orsted",
    }


@pytest.mark.parametrize("text,lang", [
    ("Zij vroeg een visum aan bij de ambassade; visa worden afgegeven door de lidstaten.", "nl"),
    ("She applied for a visa for travel to the Schengen area.", "en"),
    ("The wall was painted in the colour orange.", "en"),
    ("De muur werd oranje geschilderd; de sinaasappel is orange van kleur.", "nl"),
    ("The Amazon rainforest is shrinking because of soy and cattle.", "en"),
    ("Criminals use shell companies to launder money.", "en"),
    ("An apple a day; the meta data of the file.", "en"),
])
def test_risky_words_in_ordinary_use_are_no_company(text, lang):
    assert companies(text, lang) == {}


def test_a_capitalised_one_word_company_name_matches_its_exact_case_only():
    assert companies("Orange and KPN signed.", "en") == {"Orange": "orange", "KPN": "kpn"}
    assert companies("ORANGE and kpn signed.", "en") == {}


def test_sectors_listed_in_an_english_item():
    text = ("The Commission adopted the Net-Zero Industry Act, which targets sectors such as cosmetics, toys, "
            "shipbuilding, precision agriculture, Earth observation and satellite communications.")
    result = found(text, "en")
    for name, key in [("cosmetics", "cosmetics"), ("toys", "toys"), ("shipbuilding", "shipbuilding"),
                      ("precision agriculture", "precision-agriculture"), ("Earth observation", "earth-observation"),
                      ("satellite communications", "satellite-communications")]:
        assert result[name] == ("sector/" + key, "Sector")


def test_sectors_listed_in_a_dutch_item():
    text = ("De Europese Commissie heeft de verordening voorgesteld. InvestEU steunt sectoren zoals de scheepsbouw, "
            "laadinfrastructuur, het zware wegvervoer, kwetsbare huishoudens en de pensioensector.")
    result = found(text, "nl")
    for name, key in [("scheepsbouw", "shipbuilding"), ("laadinfrastructuur", "charging-infrastructure"),
                      ("zware wegvervoer", "heavy-duty-transport"), ("kwetsbare huishoudens", "households"),
                      ("pensioensector", "pensions")]:
        assert result[name] == ("sector/" + key, "Sector")


@pytest.mark.parametrize("text,lang,name,key", [
    ("De glassector vraagt om steun.", "nl", "glassector", "glass"),
    ("De speelgoedindustrie verwelkomt de nieuwe regels.", "nl", "speelgoedindustrie", "toys"),
    ("De zuivelsector is bezorgd.", "nl", "zuivelsector", "dairy"),
    ("The paper industry welcomed the plan.", "en", "paper industry", "pulp-paper"),
    ("The drone industry asked for clear rules.", "en", "drone industry", "drones"),
])
def test_a_sector_named_by_its_sector_word_is_found_without_a_list(text, lang, name, key):
    assert found(text, lang)[name] == ("sector/" + key, "Sector")


@pytest.mark.parametrize("label,key", [
    ("wholesale and retail", "retail"),     # the retail ecosystem covers wholesale trade
    ("civil engineering works", "construction"),
    ("zeehavens", "maritime"),
    ("autonomous driving", "connected-automated-mobility"),
    ("vermogensbeheer", "asset-management"),
    ("satellietnavigatie", "satellite-navigation"),
])
def test_sector_labels_link_to_one_entry(label, key):
    # (not "start-ups": the issue counts it a generic word, and the seed item names "start-ups en kmo"
    # without a sector; tests/test_seed_graph.py holds the seed to its gold)
    entries = load_vocabulary().lookup(label)
    assert [(e.iri, e.cls) for e in entries] == [(ID + "sector/" + key, "Sector")]


def test_start_ups_are_no_sector():
    assert not load_vocabulary().lookup("start-ups")
