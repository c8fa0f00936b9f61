"""Mention rules that keep generic words out and join what the text says is one thing."""

from __future__ import annotations

import pytest

from policykg.extract import extract
from policykg.model import NewsItem

CELEX = "https://w3id.org/policykg/id/celex/"


def extraction(text: str, lang: str):
    return extract(NewsItem(id="case", title="Titel", body=text, lang=lang))


def mentions(text: str, lang: str) -> dict[str, tuple[str, str]]:
    """Mention text -> (entity IRI, class)."""
    found = extraction(text, lang)
    classes = {e.iri: e.cls for e in found.entities}
    return {m.text: (m.entity, classes[m.entity]) for m in found.mentions}


def test_an_adverb_that_opens_a_sentence_is_no_name():
    found = mentions("Directive (EU) 2023/2413 is in force. Legally, the new act amends Directive (EU) 2018/2001.", "en")
    assert "Legally" not in found


def test_the_act_refers_back_to_the_directive_not_to_a_proposal():
    text = ("The Commission proposed COM(2021) 557 in 2021. Directive (EU) 2023/2413 entered into force. "
            "Legally, the new act amends Directive (EU) 2018/2001.")
    assert mentions(text, "en")["act"][0] == CELEX + "32023L2413"


@pytest.mark.parametrize("text,lang,name,celex", [
    ("It amends the Governance Regulation, Regulation (EU) 2018/1999, under which plans are made.", "en",
     "Governance Regulation", "32018R1999"),
    ("It also amends the Fuel Quality Directive, Directive 98/70/EC.", "en", "Fuel Quality Directive", "31998L0070"),
])
def test_a_name_in_apposition_before_its_number_is_the_numbered_act(text, lang, name, celex):
    found = mentions(text, lang)
    assert found[name][0] == CELEX + celex


def test_a_number_that_goes_on_into_a_list_is_another_act():
    found = mentions("It amends the Governance Regulation, Regulation (EU) 2019/943 and Directive (EU) 2019/944.", "en")
    assert found["Governance Regulation"][0] != CELEX + "32019R0943"


@pytest.mark.parametrize("name", ["Energiewet", "Elektriciteitswet 1998", "Gaswet", "Uitvoeringswet DSA",
                                  "Uitvoeringswet digitaledienstenverordening"])
def test_a_dutch_national_act_is_an_instrument(name):
    found = mentions(f"Het kabinet noemt de {name} als voorbeeld.", "nl")
    assert found[name][1] == "Instrument"


def test_a_generic_national_act_word_alone_is_no_name():
    assert "Uitvoeringswet" not in mentions("De Uitvoeringswet komt later.", "nl")


@pytest.mark.parametrize("text,lang,name,cls", [
    ("The EU SoHO Platform registers entities.", "en", "EU SoHO Platform", "Initiative"),
    ("Het Europees onlineplatform voor reparatie start in 2027.", "nl", "Europees onlineplatform voor reparatie",
     "Initiative"),
])
def test_a_platform_is_an_initiative(text, lang, name, cls):
    assert mentions(text, lang)[name][1] == cls


ID = "https://w3id.org/policykg/id/"


@pytest.mark.parametrize("text,lang,name,iri,cls", [
    ("The Fit for 55 package was presented in 2021.", "en", "Fit for 55 package", "programme/fit-for-55", "Package"),
    ("De Europese Waterstofbank hield een veiling.", "nl", "Europese Waterstofbank", "programme/european-hydrogen-bank",
     "Initiative"),
    ("The European Hydrogen Bank held an auction.", "en", "European Hydrogen Bank", "programme/european-hydrogen-bank",
     "Initiative"),
    ("Het EU-emissiehandelssysteem dekt de industrie.", "nl", "EU-emissiehandelssysteem", "programme/eu-ets", "Programme"),
    ("The CPC Network coordinates enforcement.", "en", "CPC Network", "institution/cpc-network", "Institution"),
    ("De Raad van Europa en het EDQM werken samen.", "nl", "EDQM", "institution/edqm", "Institution"),
    ("De Raad van Europa en het EDQM werken samen.", "nl", "Raad van Europa", "institution/council-of-europe",
     "Institution"),
])
def test_well_known_eu_entities_are_in_the_vocabulary(text, lang, name, iri, cls):
    assert mentions(text, lang)[name] == (ID + iri, cls)


def test_heating_and_cooling_is_one_sector():
    found = mentions("Directive (EU) 2023/2413 sets targets for sectors such as transport, buildings and heating and "
                     "cooling.", "en")
    assert found["heating and cooling"][0] == ID + "sector/heating-cooling"
    assert "heating" not in found and "cooling" not in found
