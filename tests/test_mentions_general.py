"""General mention rules for news the pipeline has not seen: sector lists that end where a clause
starts, lower-case names with a telling head, packages named by their topic, Dutch names that open
with what the body is, and the vocabulary of EU bodies, systems and sectors."""

from __future__ import annotations

import pytest

from policykg.extract import extract
from policykg.model import NewsItem

ID = "https://w3id.org/policykg/id/"


def mentions(text: str, lang: str) -> dict[str, tuple[str, str]]:
    """Mention text -> (entity IRI, class)."""
    found = extract(NewsItem(id="case", title="Titel", body=text, lang=lang))
    classes = {e.iri: e.cls for e in found.entities}
    return {m.text: (m.entity, classes[m.entity]) for m in found.mentions}


def sectors(text: str, lang: str) -> set[str]:
    return {t for t, (_, cls) in mentions(text, lang).items() if cls == "Sector"}


def test_a_sector_list_ends_where_a_clause_starts():
    found = sectors("Regulation (EU) 2024/1787 requires companies in sectors such as oil and gas production, LNG "
                    "terminals and coal mining to measure, report and verify their emissions and to repair leaks.", "en")
    assert {"oil and gas production", "LNG terminals", "coal mining"} <= found
    assert not {t for t in found if "report" in t or "verify" in t or "repair" in t}


@pytest.mark.parametrize("text,lang,generic", [
    ("Regulation (EU) 2024/1787 covers sectors such as gas transmission, distribution and storage.", "en",
     {"distribution", "storage"}),
    ("Regulation (EU) 2024/1624 covers sectors such as real estate, gambling, football clubs and agents.", "en",
     {"agents"}),
    ("Verordening (EU) 2024/1624 geldt voor sectoren zoals vastgoed, voetbalclubs en agenten.", "nl", {"agenten"}),
])
def test_a_generic_noun_alone_in_a_sector_list_is_no_sector(text, lang, generic):
    assert not sectors(text, lang) & generic


@pytest.mark.parametrize("text,lang,name,cls", [
    ("The Commission will set up a methane transparency database next year.", "en",
     "methane transparency database", "Programme"),
    ("The Commission runs a global methane monitoring tool that uses satellites.", "en",
     "global methane monitoring tool", "Initiative"),
    ("Ads are collected in a European repository for online political advertisements, which the Commission sets up.",
     "en", "European repository for online political advertisements", "Programme"),
    ("De Commissie richt een methaantransparantiedatabank in.", "nl", "methaantransparantiedatabank", "Programme"),
    ("De Commissie zet een Europees register voor online politieke advertenties op.", "nl",
     "Europees register voor online politieke advertenties", "Programme"),
    ("Batteries get a digital battery passport from 2027.", "en", "digital battery passport", "Initiative"),
])
def test_a_thing_named_in_lower_case_with_a_telling_head(text, lang, name, cls):
    assert mentions(text, lang)[name][1] == cls


@pytest.mark.parametrize("text,lang", [
    ("The Commission will update the database next year.", "en"),
    ("The Commission will build a new central database next year.", "en"),
    ("A large video-sharing platform must assess risks.", "en"),
    ("The Commission uses a simple tool.", "en"),
])
def test_a_generic_lower_case_head_is_no_name(text, lang):
    assert not {t for t, (_, cls) in mentions(text, lang).items() if cls in {"Programme", "Initiative"}}


@pytest.mark.parametrize("text,name", [
    ("The Regulation was proposed in 2016 as part of the smart borders package.", "smart borders package"),
    ("The Regulation was proposed in 2021 as part of the anti-money laundering package.",
     "anti-money laundering package"),
    ("The Regulation was proposed in 2021, in a package on election integrity that also covered parties.",
     "package on election integrity"),
    ("The amendments were proposed as part of the first Omnibus simplification package.",
     "Omnibus simplification package"),
])
def test_a_package_named_by_its_topic_is_a_name(text, name):
    assert mentions(text, "en")[name][1] == "Package"


@pytest.mark.parametrize("text", [
    "The Commission proposed the Regulation as part of a package of four legislative proposals.",
    "The Commission presented a legislative package in 2021.",
    "The Regulation is part of the Green Deal package.",
])
def test_an_unnamed_package_is_no_name(text):
    found = extract(NewsItem(id="case", title="Titel", body=text, lang="en"))
    assert not [m for m in found.mentions if m.source == "name" and "package" in m.text]


def test_implementing_act_is_one_instrument_noun():
    found = extract(NewsItem(id="case", title="Titel", lang="en",
                             body="On 9 July 2025 the Commission adopted an implementing act."))
    assert all(m.text != "act" for m in found.mentions)


def test_the_compromise_text_refers_back_to_the_act():
    found = mentions("Regulation (EU) 2024/1787 was proposed in 2021. The European Parliament approved the compromise "
                     "text on 10 April 2024.", "en")
    assert found.get("text", (ID + "celex/32024R1787",))[0] == ID + "celex/32024R1787"


@pytest.mark.parametrize("text,name,cls", [
    ("In Nederland houdt de Autoriteit Financiële Markten (AFM) toezicht.", "Autoriteit Financiële Markten",
     "Institution"),
    ("De Rijksinspectie Digitale Infrastructuur houdt toezicht.", "Rijksinspectie Digitale Infrastructuur",
     "Institution"),
])
def test_a_dutch_body_name_opens_with_what_it_is(text, name, cls):
    assert mentions(text, "nl")[name][1] == cls


def test_a_lower_case_acronym_defines_the_whole_act_name():
    found = mentions("De AFM houdt toezicht op de Wet ter voorkoming van witwassen en financieren van terrorisme "
                     "(Wwft).", "nl")
    assert "Wet ter voorkoming van witwassen en financieren van terrorisme" in found


def test_a_country_glued_to_a_name_is_no_member_state():
    found = mentions("Météo-France runs the extremes twin with the ECMWF.", "en")
    assert "France" not in found


@pytest.mark.parametrize("text,lang,name,iri,cls", [
    ("ESA and EUMETSAT run the platform.", "en", "ESA", "institution/european-space-agency", "Institution"),
    ("EUMETSAT runs the data lake.", "en", "EUMETSAT", "institution/eumetsat", "Institution"),
    ("The European Centre for Medium-Range Weather Forecasts builds the twins.", "en",
     "European Centre for Medium-Range Weather Forecasts", "institution/ecmwf", "Institution"),
    ("Het Milieuprogramma van de Verenigde Naties (UNEP) meet methaan.", "nl",
     "Milieuprogramma van de Verenigde Naties", "institution/unep", "Institution"),
    ("The heads of the Financial Intelligence Units meet.", "en", "Financial Intelligence Units",
     "institution/financial-intelligence-units", "Institution"),
    ("It is part of the Global Methane Pledge.", "en", "Global Methane Pledge",
     "programme/global-methane-pledge", "Initiative"),
    ("It follows OGMP 2.0 reporting.", "en", "OGMP 2.0", "programme/ogmp", "Initiative"),
    ("The next Multiannual Financial Framework starts in 2028.", "en", "Multiannual Financial Framework",
     "programme/multiannual-financial-framework", "Programme"),
    ("The Entry/Exit System went live.", "en", "Entry/Exit System", "programme/entry-exit-system", "Programme"),
    ("ETIAS will follow.", "en", "ETIAS", "programme/etias", "Programme"),
    ("The Integrated Border Management Fund pays for it.", "en", "Integrated Border Management Fund",
     "programme/integrated-border-management-fund", "Programme"),
    ("De Methaanverordening is in werking getreden.", "nl", "Methaanverordening", "celex/32024R1787", "Regulation"),
    ("The Critical Medicines Act was proposed.", "en", "Critical Medicines Act", "celex/52025PC0102", "Proposal"),
    ("CERT-EU coordinates the response.", "en", "CERT-EU", "institution/cert-eu", "Institution"),
    ("UNICEF en de WHO werken mee.", "nl", "UNICEF", "institution/unicef", "Institution"),
    ("UNICEF en de WHO werken mee.", "nl", "WHO", "institution/who", "Institution"),
    ("The European Child Guarantee was adopted in 2021.", "en", "European Child Guarantee", "celex/32021H1004",
     "Recommendation"),
    ("Shift2Rail was succeeded by Europe's Rail.", "en", "Shift2Rail", "institution/shift2rail-joint-undertaking",
     "Institution"),
    ("- Circular Bio-based Europe, voor de biogebaseerde industrie;", "nl", "Circular Bio-based Europe",
     "institution/circular-bio-based-europe-joint-undertaking", "Institution"),
])
def test_well_known_bodies_systems_and_acts_are_in_the_vocabulary(text, lang, name, iri, cls):
    assert mentions(text, lang)[name] == (ID + iri, cls)


@pytest.mark.parametrize("label,lang,key", [
    ("oil and gas", "en", "oil-and-gas"), ("olie- en gassector", "nl", "oil-and-gas"),
    ("coal mining", "en", "coal-mining"), ("platformwerk", "nl", "platform-work"),
    ("political advertising", "en", "political-advertising"), ("crypto-asset service providers", "en", "crypto-assets"),
    ("credit institutions", "en", "banking"), ("betaalinstellingen", "nl", "payment-services"),
    ("real estate", "en", "real-estate"), ("luxury goods", "en", "luxury-goods"), ("notarissen", "nl", "notaries"),
    ("generic medicines", "en", "generic-medicines"), ("ziekenhuizen", "nl", "hospitals"), ("apotheken", "nl", "pharmacies"),
    ("urban planning", "en", "urban-planning"), ("civil protection", "en", "civil-protection"),
    ("airlines", "en", "aviation"), ("coach operators", "en", "road-transport"), ("gas transmission", "en", "gas-infrastructure"),
    ("energy infrastructure", "en", "energy-infrastructure"), ("energie-infrastructuur", "nl", "energy-infrastructure"),
])
def test_common_sectors_of_eu_policy_are_in_the_vocabulary(label, lang, key):
    from policykg.vocabulary import load_vocabulary

    hits = load_vocabulary().lookup(label)
    assert [e.iri for e in hits] == [ID + "sector/" + key]


def test_the_integrated_border_management_fund_is_not_bmvi():
    from policykg.vocabulary import load_vocabulary

    hits = load_vocabulary().lookup("Integrated Border Management Fund")
    assert [e.iri for e in hits] == [ID + "programme/integrated-border-management-fund"]


def test_an_unknown_all_capital_name_is_an_initiative_of_its_own():
    found = mentions("Het Europees Defensiefonds steunt projecten zoals EUROSWEEP, METASTEALTH en ENGRTII. "
                     "In Frankrijk werkt AI2F aan modellen.", "nl")
    for name in ("EUROSWEEP", "METASTEALTH", "ENGRTII", "AI2F"):
        assert found[name][1] == "Initiative"
    assert len({found[n][0] for n in ("EUROSWEEP", "METASTEALTH", "ENGRTII")}) == 3


def test_a_word_next_to_an_unknown_acronym_makes_it_a_body():
    found = mentions("The contract was signed with the operator SES for the constellation.", "en")
    assert found["SES"][1] == "Institution"


@pytest.mark.parametrize("text,lang,name", [
    ("The database draws on the CVE programme run by MITRE and on other sources.", "en", "MITRE"),
    ("De bron is het CVE-programma, dat door de Amerikaanse non-profitorganisatie MITRE wordt beheerd.", "nl", "MITRE"),
    ("The Italian system at CINECA in Bologna will use neutral atoms.", "en", "CINECA"),
])
def test_an_unknown_acronym_that_runs_or_hosts_something_is_a_body(text, lang, name):
    assert mentions(text, lang)[name][1] == "Institution"


@pytest.mark.parametrize("text,lang,word", [
    ("De uitstoot van CO2 daalt en het BBP groeit.", "nl", "CO2"),
    ("De uitstoot van CO2 daalt en het BBP groeit.", "nl", "BBP"),
    ("Part III of the Regulation applies to SMES and to the ICT supply chain.", "en", "III"),
    ("From today, phones sold in the EU must have a USB-C port.", "en", "USB-C"),
    ("Telefoons krijgen een USB-aansluiting en een SIM-kaart met GPS.", "nl", "GPS"),
    ("CYBERSECURITY AND RESILIENCE\n\nThe Regulation applies from today.", "en", "CYBERSECURITY"),
    # an acronym explained in brackets belongs to the name before it, not to a node of its own
    ("The EU Emissions Trading System (EU ETS) sets a carbon price. The ETS covers power plants.", "en", "ETS"),
])
def test_common_abbreviations_headings_and_explained_acronyms_are_no_names(text, lang, word):
    found = mentions(text, lang)
    assert word not in found or found[word][1] != "Initiative"


def test_an_acronym_defined_in_brackets_stays_an_alias_where_it_stands_alone():
    found = mentions("Het Uitvoerend Agentschap voor de Europese Innovatieraad en kmo's (EISMEA) beheert de calls. "
                     "EISMEA publiceert de resultaten in juni.", "nl")
    assert found["EISMEA"][0].endswith("/european-innovation-council-and-smes-executive-agency")


def test_a_body_noun_two_words_after_an_unknown_acronym_makes_it_a_body():
    found = mentions("The satellites were tested at the ESTEC technical centre in Noordwijk.", "en")
    assert found["ESTEC"][1] == "Institution"


def test_an_english_service_is_a_programme_not_a_body():
    found = mentions("The Public Regulated Service will be encrypted.", "en")
    assert found["Public Regulated Service"][1] == "Programme"


def test_capitalised_words_before_a_hyphen_compound_belong_to_its_name():
    found = mentions("Met de Quantum Europe-strategie wil Brussel in 2030 leider zijn.", "nl")
    assert found["Quantum Europe-strategie"][1] == "Communication"


def test_an_article_after_a_name_ends_it():
    found = mentions("Naast het staatssteunkader kondigde de Commissie in de Clean Industrial Deal een Bank voor "
                     "industriële decarbonisatie aan.", "nl")
    assert not any("een Bank" in name for name in found)


def test_a_dutch_head_first_name_runs_on_over_a_glued_compound():
    found = mentions("Bij de verordening wordt het Platform Netto-nul Europa (Net-Zero Europe Platform) opgericht.", "nl")
    assert found["Platform Netto-nul Europa"][0] == found["Net-Zero Europe Platform"][0]


def test_the_first_part_of_a_compound_name_is_no_name_of_its_own():
    found = mentions("De verordening wijzigt de REMIT-verordening. ACER houdt op grond van REMIT toezicht.", "nl")
    assert "REMIT" not in found


@pytest.mark.parametrize("text,lang,name,cls", [
    ("The plan is backed by EUR 150 million from the Research Fund for Coal and Steel in 2026.", "en",
     "Research Fund for Coal and Steel", "Programme"),
    ("Het geld komt uit het Fonds voor Onderzoek en Innovatie van de provincie.", "nl",
     "Fonds voor Onderzoek en Innovatie", "Programme"),
])
def test_a_head_first_name_runs_on_through_and_to_a_capitalised_word(text, lang, name, cls):
    found = mentions(text, lang)
    assert name in found and found[name][1] == cls


def test_a_head_first_name_stops_at_and_before_a_lower_case_word():
    found = mentions("The Agency for Cybersecurity and the national authorities met.", "en")
    assert not any(" and " in m for m in found)


@pytest.mark.parametrize("text,lang,short,long", [
    ("What the Steel and Metals Action Plan offers. Yesterday the Commission answered with A European Steel and "
     "Metals Action Plan (COM(2025) 125).", "en", "Steel and Metals Action Plan", "European Steel and Metals Action Plan"),
    ("Experts met at the Water Resilience Platform. The European Water Resilience Platform was set up in June.", "en",
     "Water Resilience Platform", "European Water Resilience Platform"),
])
def test_a_name_without_european_is_the_name_with_it(text, lang, short, long):
    found = mentions(text, lang)
    assert found[short][0] == found[long][0]


@pytest.mark.parametrize("text,lang,word", [
    ("Water is nodig voor datacenters en de productie van halfgeleiders.", "nl", "productie"),
    ("The plan supports the manufacturing of semiconductors in Europe.", "en", "manufacturing"),
])
def test_a_sector_word_with_of_and_a_noun_is_an_activity_not_a_sector(text, lang, word):
    assert word not in sectors(text, lang)


@pytest.mark.parametrize("text,lang,word", [
    # Dutch "of" is "or"; "van kracht" is no activity
    ("Verordening (EU) 2023/1115 richt zich op runderen, cacao, koffie, rubber, soja of hout.", "nl", "soja"),
    ("Verordening (EU) 2024/1787 over methaan is in de energiesector van kracht.", "nl", "energiesector"),
])
def test_a_sector_word_before_or_or_a_fixed_phrase_stays_a_sector_mention(text, lang, word):
    assert word in sectors(text, lang)


@pytest.mark.parametrize("text,name", [
    ("In Nederland wordt de richtlijn omgezet in de Wet weerbaarheid kritieke entiteiten, die nog in voorbereiding is.",
     "Wet weerbaarheid kritieke entiteiten"),
    ("Ook de Wet open overheid geldt.", "Wet open overheid"),
])
def test_a_dutch_act_named_wet_and_its_subject_in_lower_case(text, name):
    found = mentions(text, "nl")
    assert name in found and found[name][1] == "Instrument"


def test_wet_opening_a_sentence_is_no_act_name():
    assert not any(m.startswith("Wet ") for m in mentions("Wet en regelgeving veranderen snel.", "nl"))


def test_an_act_named_by_its_author_and_date_is_no_reference_back():
    found = extract(NewsItem(id="case", title="Titel", lang="nl", body=(
        "Richtlijn (EU) 2022/2557 moet zijn omgezet. De richtlijn wordt aangevuld door de aanbeveling van de Raad van "
        "8 december 2022 over een gecoördineerde aanpak, die de Raad aannam.")))
    recommendation = next(m for m in found.mentions if m.text == "aanbeveling")
    assert not recommendation.entity.endswith("32022L2557")
    labels = {e.iri: e.labels for e in found.entities}
    assert any("aanbeveling van de Raad van 8 december 2022" in text for text, _ in labels[recommendation.entity])


def test_an_adjective_sharing_the_noun_after_it_is_no_sector_of_its_own():
    found = sectors("De STEP-regeling (Verordening (EU) 2024/795) richt zich op sectoren zoals digitale technologieën, "
                    "schone en hulpbronnenefficiënte technologieën en biotechnologie.", "nl")
    assert "schone" not in found
    # a noun in "-ie" before "en" stays a sector of its own
    assert "industrie" in sectors("De waterweerbaarheidsstrategie (COM(2025) 280) vraagt sectoren als landbouw, "
                                  "industrie en energie zuiniger met water om te gaan.", "nl")


def test_an_unnamed_package_of_a_number_of_proposals_is_labelled_by_what_it_holds():
    found = extract(NewsItem(id="case", title="Title", lang="en", body=(
        "The Commission proposed Regulation (EU) 2024/1620 in 2021 as part of a package of four legislative proposals "
        "on anti-money laundering.")))
    package = next(m for m in found.mentions if m.text == "package")
    labels = {text for e in found.entities if e.iri == package.entity for text, _ in e.labels}
    assert "package of four legislative proposals on anti-money laundering" in labels


def test_acts_a_dutch_relative_clause_amends_are_not_what_the_item_is_about():
    # "die X en Y wijzigt": X and Y are amended; "de tekst" later is the amending act
    found = mentions("Verordening (EU) 2024/1468, die zowel Verordening (EU) 2021/2115 als Verordening (EU) 2021/2116 "
                     "wijzigt, is in werking getreden. Het Europees Parlement keurde de tekst op 24 april goed.", "nl")
    assert found["tekst"][0] == ID + "celex/32024R1468"


@pytest.mark.parametrize("text,lang,noun", [
    ("De Europese Commissie heeft haar visie voor landbouw en voeding gepresenteerd.", "nl", "visie"),
    ("The Commission adopted a Vision for the European Space Economy.", "en", "Vision"),
])
def test_a_vision_is_a_communication(text, lang, noun):
    found = extract(NewsItem(id="case", title="Titel", body=text, lang=lang))
    classes = {e.iri: e.cls for e in found.entities}
    assert any(m.text.startswith(noun) and classes[m.entity] == "Communication" for m in found.mentions)


@pytest.mark.parametrize("text,lang", [
    ("ESMA houdt toezicht op de externe beoordelaars van de verordening.", "nl"),
    ("The televisie-uitzending en de supervision of markets are described.", "en"),
    ("ESMA is in charge of the supervision of external reviewers.", "en"),
])
def test_words_ending_in_vision_are_no_communications(text, lang):
    found = extract(NewsItem(id="case", title="Titel", body=text, lang=lang))
    assert not any("vision" in m.text.lower() or "visie" in m.text.lower() for m in found.mentions)


def test_a_head_first_name_runs_on_through_en_to_an_acronym_from_another_language():
    found = mentions("De dialoog krijgt een vervolg in de Europese Raad voor landbouw en voeding (EBAF), een "
                     "adviesorgaan.", "nl")
    assert found["Europese Raad voor landbouw en voeding"][1] == "Institution"
    assert found["EBAF"][0] == found["Europese Raad voor landbouw en voeding"][0]
    # an article after "en" is another thing: the name stops before it
    assert "Europese Raad voor landbouw en de lidstaten" not in mentions(
        "Het gaat om de Europese Raad voor landbouw en de lidstaten (EBAF).", "nl")


@pytest.mark.parametrize("text,lang", [
    ("Producer groups can manage and enforce their GI, act against infringements and agree on practices.", "en"),
    ("Member States will act quickly and the Commission is ready to act.", "en"),
])
def test_an_instrument_noun_used_as_a_verb_is_no_instrument(text, lang):
    assert "act" not in mentions(text, lang)


def test_the_text_refers_back_to_a_numbered_act_before_an_unnamed_generic_one():
    found = mentions("Verordening (EU) 2025/38 is in werking getreden. De Commissie diende het voorstel in april 2023 "
                     "in, samen met een gerichte wijziging van de cyberbeveiligingsverordening. Op voorstel van de "
                     "Commissie werd de tekst op 19 december 2024 aangenomen.", "nl")
    assert found["tekst"][0] == ID + "celex/32025R0038"


@pytest.mark.parametrize("text,lang,noun,name", [
    ("De Raad heeft vandaag een aanbeveling aangenomen tot invoering van een Europese Kindergarantie.", "nl",
     "aanbeveling", "Europese Kindergarantie"),
    ("The Council adopted a Recommendation establishing a European Child Guarantee.", "en", "Recommendation",
     "European Child Guarantee"),
])
def test_an_unnamed_instrument_is_the_named_one_of_its_class_it_introduces(text, lang, noun, name):
    found = mentions(text, lang)
    assert found[noun] == found[name]


def test_an_unnamed_decision_establishing_a_body_stays_a_decision():
    found = mentions("The Commission adopted a decision establishing the European AI Office.", "en")
    assert found["decision"][1] == "Decision"


@pytest.mark.parametrize("text,lang,name,cls", [
    # a capitalised word after a capital inside a name is no verb, even one that triggers a relation
    ("The Commission set up the Working Group for the Assessment of New Commission Proposals.", "en",
     "Working Group for the Assessment of New Commission Proposals", "Institution"),
    ("The Commission will set up an Energy Union Task Force with Member States.", "en",
     "Energy Union Task Force", "Institution"),
    ("The file now goes to the Working Party on Tax Questions of the Council.", "en",
     "Working Party on Tax Questions", "Institution"),
    # a closed compound that ends in a head noun is a name, not a short form ("Windhandvest")
    ("Op 19 december ondertekenden 26 lidstaten het Europees Windhandvest.", "nl", "Europees Windhandvest", "Initiative"),
])
def test_names_with_a_head_noun_inside_or_a_compound_head(text, lang, name, cls):
    iri, found_cls = mentions(text, lang)[name]
    assert iri.startswith(ID) and found_cls == cls


def test_a_name_stops_before_the_council_named_after_it():
    found = mentions("Letter to Parliament on the Council's general approach on the EU Talent Pool.", "en")
    assert found["Parliament"][0] == ID + "institution/european-parliament"
    assert found["Council"][0] == ID + "institution/council-of-the-european-union"


def test_the_irish_data_protection_commission_is_not_the_european_commission():
    found = mentions("Voor veel grote technologiebedrijven is de Ierse Data Protection Commission (DPC) de leidende "
                     "toezichthouder. De Europese Commissie deed het voorstel.", "nl")
    assert found["DPC"][0] == found["Ierse Data Protection Commission"][0] != found["Europese Commissie"][0]


def test_the_regulation_is_the_act_the_sentence_before_is_about_not_the_act_its_title_names():
    # the GDPR is named in the title and twice in the lead, but inside the new act's title: "De verordening"
    # that opens the next sentence is the new act
    found = extract(NewsItem(id="case", title="Nieuwe procedureregels voor grensoverschrijdende AVG-zaken", lang="nl",
                             body="Verordening (EU) 2025/2518 tot vaststelling van aanvullende procedureregels voor de "
                                  "handhaving van de Algemene verordening gegevensbescherming (AVG) is verschenen. De "
                                  "verordening is dit najaar aangenomen door het Europees Parlement en de Raad."))
    short = next(m for m in found.mentions if m.text == "verordening" and m.source == "coref")
    assert short.entity == ID + "celex/32025R2518"


def test_a_name_in_another_word_order_is_the_same_node():
    # the headline's "Affordable Energy Action Plan" is the body's "Action Plan for Affordable Energy (COM(2025) 79)"
    found = extract(NewsItem(id="case", title="Can the Affordable Energy Action Plan bring bills down?", lang="en",
                             body="On 26 February the European Commission presented its Action Plan for Affordable "
                                  "Energy (COM(2025) 79). The plan is aimed at households."))
    nodes = {m.entity for m in found.mentions if "Energy" in m.text or m.text.startswith("COM")}
    assert nodes == {ID + "celex/52025DC0079"}


def test_a_plural_acronym_defines_its_singular():
    found = mentions("The Centre works with a Network of National Coordination Centres (NCCs), one in each Member "
                     "State. Each NCC runs calls.", "en")
    assert found["NCC"][0] == found["NCCs"][0] == found["Network of National Coordination Centres"][0]


def test_a_body_after_to_is_the_body_not_a_head_first_name():
    from policykg.extract import extract
    from policykg.model import NewsItem

    extraction = extract(NewsItem(id="case", title="Letter to Parliament on the Industrial Action Plan for the "
                                  "European automotive sector", body="The Minister writes.", lang="en"))
    assert "https://w3id.org/policykg/id/institution/european-parliament" in {m.entity for m in extraction.mentions}
    assert not any(m.text.startswith("Parliament on") for m in extraction.mentions)


@pytest.mark.parametrize("text,lang,name,acronym", [
    # the country opens the body's name; the article before it is not the name's
    ("The Netherlands Vehicle Authority (RDW), which enforces the type-approval rules, will test the cars.", "en",
     "Netherlands Vehicle Authority", "RDW"),
    # a name cut at "in" runs on to the acronym it defines
    ("Het Coördinatiecentrum voor respons in noodsituaties (ERCC) wordt versterkt.", "nl",
     "Coördinatiecentrum voor respons in noodsituaties", "ERCC"),
])
def test_a_body_named_with_its_acronym_is_one_node(text, lang, name, acronym):
    found = mentions(text, lang)
    assert found[name][1] == "Institution"
    assert found[acronym][0] == found[name][0]


def test_a_glued_compound_after_a_head_first_name_belongs_to_it():
    found = mentions("It will also support an independent European Network of Fact-Checkers working in all EU "
                     "languages.", "en")
    assert found["European Network of Fact-Checkers"][1] == "Institution"


def test_stem_is_a_common_abbreviation():
    assert "STEM" not in mentions("De Commissie presenteert een strategisch plan voor STEM-onderwijs.", "nl")


def test_a_capitalised_name_that_its_bracketed_acronym_spells_out_is_a_name():
    found = mentions("The Commission proposed a public-private partnership, Innovative Advanced Materials for the EU "
                     "(IAM4EU), funded through Horizon Europe.", "en")
    assert found["IAM4EU"][0] == found["Innovative Advanced Materials for the EU"][0]


@pytest.mark.parametrize("text,lang,words", [
    # what an act is about, with its acronym, is the act's
    ("Regulation (EU) 2025/327 on the European Health Data Space (EHDS) was published.", "en",
     "European Health Data Space"),
    ("Het kabinet werkt samen met de ministeries van Volkshuisvesting en Ruimtelijke Ordening (VRO).", "nl",
     "Volkshuisvesting en Ruimtelijke Ordening"),
])
def test_a_spelled_out_complement_is_no_name_of_its_own(text, lang, words):
    assert words not in mentions(text, lang)


@pytest.mark.parametrize("text,lang,expected", [
    ("Later volgt nog een actieplan voor basisvaardigheden.", "nl", {"Communication"}),
    ("A strategy on quantum technologies will follow.", "en", {"Communication"}),
    # an unnamed proposal or law without a relation is mostly a numbered act said again
    ("Later volgt nog een voorstel voor een verordening.", "nl", set()),
])
def test_an_unnamed_paper_named_by_its_topic_is_kept_without_a_relation(text, lang, expected):
    assert {cls for _, cls in mentions(text, lang).values()} == expected


def test_a_verb_particle_after_an_unnamed_act_is_not_part_of_its_label():
    found = extract(NewsItem(id="case", title="Commissie stelt vierde vereenvoudigingspakket voor: minder regels",
                             lang="nl", body="De Europese Commissie heeft vandaag een vierde omnibuspakket gepresenteerd."))
    labels = {label for e in found.entities for label, _ in e.labels}
    assert not any(label.endswith(" voor") for label in labels)


def test_the_european_database_refers_back_to_the_database_named_before():
    found = mentions("ENISA opened the European Vulnerability Database (EUVD). Such vulnerabilities can be added to "
                     "the European database.", "en")
    assert found["European database"][0] == found["European Vulnerability Database"][0]
    # an indefinite one is new: "a European database that the Commission is setting up"
    found = mentions("Operators report to a European database that the Commission is setting up.", "en")
    assert found["European database"][1] == "Programme"
