"""A short name of a numbered act is that act: one node, with the relations stated about either."""

from __future__ import annotations

from policykg.extract import extract
from policykg.model import NewsItem

PKR = "https://w3id.org/policykg/id/"


def extraction(title: str, body: str, lang: str):
    return extract(NewsItem(id="case", title=title, body=body, lang=lang))


def labels(ex, celex: str) -> set[str]:
    """The labels of the node of the act with CELEX number ``celex``, which must be in ``ex``."""
    act = next(e for e in ex.entities if e.iri == PKR + "celex/" + celex)
    return {text for text, _ in act.labels}


def stated(ex) -> set[tuple[str, str, str]]:
    """The relations of an extraction as (subject, property, object)."""
    return {(r.subject, r.property, r.object) for r in ex.relations}


def test_a_dutch_compound_name_joins_the_act_whose_title_says_the_same():
    ex = extraction("Drinkwaterrichtlijn omgezet",
                    "Richtlijn (EU) 2020/2184 betreffende de kwaliteit van voor menselijke consumptie bestemd "
                    "drinkwater is omgezet. De drinkwaterrichtlijn wijzigt Richtlijn 98/83/EG.", "nl")
    assert not any(e.iri.endswith("/drinkwaterrichtlijn") for e in ex.entities)
    assert (PKR + "celex/32020L2184", "amends", PKR + "celex/31998L0083") in stated(ex)
    assert "drinkwaterrichtlijn" in {t.lower() for t in labels(ex, "32020L2184")}


def test_an_english_name_with_a_preposition_joins_its_act():
    ex = extraction("New rules for political ads",
                    "Regulation (EU) 2024/900 on the transparency and targeting of political advertising applies "
                    "from October. The Regulation on political advertising was adopted by the Council.", "en")
    assert {e.iri for e in ex.entities if e.cls == "Regulation"} == {PKR + "celex/32024R0900"}
    assert (PKR + "celex/32024R0900", "adoptedBy", PKR + "institution/council-of-the-european-union") in stated(ex)


def test_a_name_whose_words_the_title_lacks_stays_its_own_node():
    ex = extraction("Zonnepanelen",
                    "Verordening (EU) 2024/1787 betreffende de vermindering van methaanemissies is van kracht. "
                    "De zonnepanelenverordening wijzigt Verordening (EU) 2019/942.", "nl")
    amends = {(r.subject, r.object) for r in ex.relations if r.property == "amends"}
    assert amends == {(PKR + "instrument/zonnepanelenverordening", PKR + "celex/32019R0942")}


def test_a_national_act_never_joins_an_eu_act():
    ex = extraction("Energiewet",
                    "Richtlijn (EU) 2024/1711 tot wijziging van de regels voor de energiemarkt is aangenomen. "
                    "De Energiewet zet die richtlijn om.", "nl")
    assert any(e.iri.endswith("/energiewet") for e in ex.entities)


def test_an_implementing_act_is_not_the_act_it_implements():
    ex = extraction("Political ads",
                    "Regulation (EU) 2024/900 on political advertising and its implementing rules applies. "
                    "On 9 July 2025 the Commission adopted an implementing regulation under it.", "en")
    act = next(e for e in ex.entities if e.iri == PKR + "celex/32024R0900")
    assert any(e.iri != act.iri and e.cls == "Regulation" for e in ex.entities)


def test_an_apposition_after_the_number_names_the_act():
    ex = extraction("SoHO",
                    "Deze week is Verordening (EU) 2024/1938 in werking getreden, de verordening inzake stoffen van "
                    "menselijke oorsprong. De verordening inzake stoffen van menselijke oorsprong trekt Richtlijn "
                    "2002/98/EG in.", "nl")
    assert (PKR + "celex/32024R1938", "repeals", PKR + "celex/32002L0098") in stated(ex)


def test_the_author_of_an_act_does_not_tell_which_act_it_is():
    ex = extraction("HERA",
                    "Implementing Decision (EU) 2021/173 of the Commission sets up HaDEA. HERA was set up by a "
                    "Commission Decision of 16 September 2021.", "en")
    assert (PKR + "celex/32021D0173", "establishes", PKR + "institution/hera") not in stated(ex)


def test_an_acronym_name_joins_the_act_whose_description_it_spells():
    ex = extraction("Health technology assessment",
                    "From today the Regulation on health technology assessment, Regulation (EU) 2021/2282, applies. "
                    "Under the HTA Regulation, joint clinical assessments start with cancer medicines.", "en")
    assert not any(e.iri.endswith("/hta-regulation") for e in ex.entities)
    assert "HTA Regulation" in labels(ex, "32021R2282")


def test_an_acronym_the_title_does_not_spell_stays_its_own_node():
    ex = extraction("Health technology assessment",
                    "From today the Regulation on health technology assessment, Regulation (EU) 2021/2282, applies. "
                    "The MDR Regulation is not changed.", "en")
    assert any(e.iri.endswith("/mdr-regulation") for e in ex.entities)


def test_the_revised_act_by_its_short_name_is_the_newest_numbered_act_of_its_kind():
    ex = extraction("Kamerbrief over de herziene luchtkwaliteitsrichtlijn",
                    "Richtlijn (EU) 2024/2881 is bekendgemaakt. Richtlijn 2004/107/EG en Richtlijn 2008/50/EG worden "
                    "ingetrokken.", "nl")
    assert not any(e.iri.endswith("/luchtkwaliteitsrichtlijn") for e in ex.entities)
    assert "luchtkwaliteitsrichtlijn" in {t.lower() for t in labels(ex, "32024L2881")}


def test_the_revised_act_is_the_newer_of_two_acts_whose_titles_say_the_same():
    ex = extraction("New Construction Products Regulation",
                    "The revised Construction Products Regulation enters into force. Regulation (EU) 2024/3110 lays down "
                    "rules for the marketing of construction products. It repeals Regulation (EU) No 305/2011 laying "
                    "down conditions for the marketing of construction products.", "en")
    assert "Construction Products Regulation" in labels(ex, "32024R3110")
    assert not any(e.iri.endswith("/construction-products-regulation") for e in ex.entities)


def test_a_short_name_without_new_or_revised_does_not_guess_between_acts():
    ex = extraction("Luchtkwaliteitsrichtlijn", "Richtlijn (EU) 2024/2881 is bekendgemaakt. Richtlijn 2008/50/EG "
                    "wordt ingetrokken.", "nl")
    assert "luchtkwaliteitsrichtlijn" not in {t.lower() for t in labels(ex, "32024L2881")}


def test_a_description_with_a_capitalised_adjective_joins_the_act_whose_title_says_the_same():
    # "Europese" is no name; "van toepassing" ends the description
    ex = extraction("Groene obligaties", "Vanaf morgen is de verordening inzake Europese groene obligaties van "
                    "toepassing. Verordening (EU) 2023/2631 legt een vrijwillige standaard vast voor groene obligaties.",
                    "nl")
    assert "verordening inzake groene obligaties" in labels(ex, "32023R2631")
    assert [e.iri for e in ex.entities if e.cls == "Regulation"] == [PKR + "celex/32023R2631"]


def test_an_act_named_with_its_proposal_number_in_brackets_is_that_proposal():
    ex = extraction("Digital Networks Act",
                    "De Commissie presenteerde de Digital Networks Act (DNA, COM(2026) 16). De DNA trekt het Europees "
                    "wetboek voor elektronische communicatie (Richtlijn (EU) 2018/1972) in, net als het "
                    "radiospectrumbeleidsprogramma (Besluit nr. 243/2012/EU) en de BEREC-verordening (Verordening (EU) "
                    "2018/1971), waarbij BEREC werd opgericht.", "nl")
    proposal = PKR + "celex/52026PC0016"
    assert not any(e.iri.endswith("/digital-networks-act") for e in ex.entities)
    assert {"Digital Networks Act", "DNA"} <= labels(ex, "52026PC0016")
    assert {(proposal, "repeals", PKR + "celex/" + c) for c in ("32018L1972", "32012D0243", "32018R1971")} <= stated(ex)


def test_the_new_text_does_not_make_a_named_act_the_newest_numbered_one():
    # "de nieuwe tekst" refers back to the named act; it does not say the name is a revised act
    ex = extraction("Digital Networks Act",
                    "De Commissie presenteerde de Digital Networks Act. De Digital Networks Act vervangt de "
                    "BEREC-verordening (Verordening (EU) 2018/1971). Regels uit Verordening (EU) 2015/2120 gaan op in "
                    "de nieuwe tekst.", "nl")
    assert any(m.text == "tekst" and m.entity.endswith("/digital-networks-act") for m in ex.mentions)
    assert "Digital Networks Act" not in labels(ex, "32018R1971")
