"""EU funding programmes and their actions (2021-2027), and the Dutch national bodies that EU news in Dutch names.

A label in an ordinary news sentence links to its vocabulary entry with the right class; strands and actions
know the programme they belong to (so an item that names both states pk:partOf "per the vocabulary"); and the
risky look-alikes ("make sure", "a leader programme", "European partnerships", "de Duitse belastingdienst")
link to nothing new."""

from __future__ import annotations

import pytest

from policykg.extract import extract
from policykg.model import NewsItem
from policykg.vocabulary import load_vocabulary

ID = "https://w3id.org/policykg/id/"


def found(text: str, lang: str) -> dict[str, tuple[str, str]]:
    """Mention text -> (entity IRI without the id/ prefix, class)."""
    result = extract(NewsItem(id="t", title="Titel", body=text, lang=lang))
    classes = {e.iri: e.cls for e in result.entities}
    return {m.text: (m.entity.removeprefix(ID), classes[m.entity]) for m in result.mentions}


CASES = [
    # --- English: programmes, actions, missions, funds
    ("en", "She won an ERC Starting Grant for her work on quantum sensors.",
     "ERC Starting Grant", "programme/erc-starting-grants", "Programme"),
    ("en", "Twelve researchers in the Netherlands received ERC Advanced Grants this spring.",
     "ERC Advanced Grants", "programme/erc-advanced-grants", "Programme"),
    ("en", "The university coordinates two MSCA Doctoral Networks on batteries.",
     "MSCA Doctoral Networks", "programme/msca-doctoral-networks", "Programme"),
    ("en", "The EU Mission on Cancer funds research into early detection.",
     "EU Mission on Cancer", "programme/mission-cancer", "Initiative"),
    ("en", "Utrecht is one of the cities selected for the Cities Mission.",
     "Cities Mission", "programme/mission-climate-neutral-and-smart-cities", "Initiative"),
    ("en", "Farmers set up living labs under Mission Soil.",
     "Mission Soil", "programme/mission-soil", "Initiative"),
    ("en", "DiscoverEU offers free rail passes to 18-year-olds.",
     "DiscoverEU", "programme/discovereu", "Initiative"),
    ("en", "Sixteen new Erasmus+ Teacher Academies were selected in June.",
     "Erasmus+ Teacher Academies", "programme/erasmus-teacher-academies", "Initiative"),
    ("en", "The call funds Centres of Vocational Excellence in green skills.",
     "Centres of Vocational Excellence", "programme/centres-of-vocational-excellence", "Initiative"),
    ("en", "The reinforced Youth Guarantee helps young people into work within four months.",
     "reinforced Youth Guarantee", "programme/youth-guarantee", "Initiative"),
    ("en", "Member States reported on their plans for the European Child Guarantee.",
     "European Child Guarantee", "celex/32021H1004", "Recommendation"),
    ("en", "More than 2,000 organisations have signed up to the Pact for Skills.",
     "Pact for Skills", "programme/pact-for-skills", "Initiative"),
    ("en", "The Research Fund for Coal and Steel supports low-carbon steelmaking.",
     "Research Fund for Coal and Steel", "programme/research-fund-for-coal-and-steel", "Programme"),
    ("en", "The Industrial Decarbonisation Bank should mobilise EUR 100 billion.",
     "Industrial Decarbonisation Bank", "programme/industrial-decarbonisation-bank", "Initiative"),
    ("en", "The proposed European Competitiveness Fund would merge several programmes.",
     "European Competitiveness Fund", "programme/european-competitiveness-fund", "Programme"),
    ("en", "Deliveries of ammunition were reimbursed under the European Peace Facility.",
     "European Peace Facility", "programme/european-peace-facility", "Programme"),
    ("en", "Guarantees under the Ukraine Investment Framework back private loans.",
     "Ukraine Investment Framework", "programme/ukraine-investment-framework", "Programme"),
    ("en", "Interreg North Sea funds cross-border projects on coastal flooding.",
     "Interreg North Sea", "programme/interreg-north-sea", "Programme"),
    ("en", "Promoters can ask the InvestEU Advisory Hub for technical support.",
     "InvestEU Advisory Hub", "programme/investeu-advisory-hub", "Initiative"),
    ("en", "The Netherlands takes part in IPCEI Hy2Tech with four companies.",
     "IPCEI Hy2Tech", "programme/ipcei-hy2tech", "Initiative"),
    ("en", "Creative Europe MEDIA supports the distribution of European films.",
     "Creative Europe MEDIA", "programme/creative-europe-media", "Programme"),
    # --- English: Dutch bodies under their English names
    ("en", "The Dutch Authority for the Financial Markets supervises crypto-asset service providers.",
     "Dutch Authority for the Financial Markets", "institution/nl-afm", "Institution"),
    ("en", "Statistics Netherlands published new figures on greenhouse gas emissions.",
     "Statistics Netherlands", "institution/nl-cbs", "Institution"),
    ("en", "The Netherlands Enterprise Agency runs the national subsidy scheme.",
     "Netherlands Enterprise Agency", "institution/nl-rvo", "Institution"),
    ("en", "The National Coordinator for Security and Counterterrorism coordinates the approach.",
     "National Coordinator for Security and Counterterrorism", "institution/nl-nctv", "Institution"),
    # --- Dutch: programmes, actions, missions, funds
    ("nl", "Kernactie 2 financiert ook Erasmus Mundus en allianties voor innovatie.",
     "Erasmus Mundus", "programme/erasmus-mundus", "Initiative"),
    ("nl", "De Jean Monnet-acties bevorderen onderwijs over de Europese Unie.",
     "Jean Monnet-acties", "programme/jean-monnet-actions", "Initiative"),
    ("nl", "Het initiatief Europese universiteiten krijgt meer geld.",
     "initiatief Europese universiteiten", "programme/european-universities-initiative", "Initiative"),
    ("nl", "Steden kunnen meedoen aan de EU-missie Klimaatneutrale en slimme steden.",
     "EU-missie Klimaatneutrale en slimme steden", "programme/mission-climate-neutral-and-smart-cities", "Initiative"),
    ("nl", "Na de tussentijdse herziening van het cohesiebeleid mogen regio's meer investeren in water.",
     "cohesiebeleid", "programme/cohesion-policy", "Initiative"),
    ("nl", "De jongerengarantie wordt gefinancierd uit het ESF+.",
     "jongerengarantie", "programme/youth-guarantee", "Initiative"),
    ("nl", "Het InvestEU-portaal brengt investeerders en projectontwikkelaars samen.",
     "InvestEU-portaal", "programme/investeu-portal", "Initiative"),
    ("nl", "Leeuwarden was in 2018 Culturele Hoofdstad van Europa.",
     "Culturele Hoofdstad van Europa", "programme/european-capital-of-culture", "Initiative"),
    ("nl", "Interreg Vlaanderen-Nederland steunt grensoverschrijdende projecten.",
     "Interreg Vlaanderen-Nederland", "programme/interreg-vlaanderen-nederland", "Programme"),
    ("nl", "De Bank voor industriële decarbonisatie moet 100 miljard euro mobiliseren.",
     "Bank voor industriële decarbonisatie", "programme/industrial-decarbonisation-bank", "Initiative"),
    # --- Dutch: national bodies
    ("nl", "Certificerende instellingen hebben een accreditatie van de Raad voor Accreditatie (RvA) nodig.",
     "Raad voor Accreditatie", "institution/nl-raad-voor-accreditatie", "Institution"),
    ("nl", "Het Nationaal Agentschap Erasmus+ Jeugd is ondergebracht bij het Nederlands Jeugdinstituut.",
     "Nationaal Agentschap Erasmus+ Jeugd", "institution/nl-na-erasmus-jeugd", "Institution"),
    ("nl", "Het Nationaal Agentschap Erasmus+ Jeugd is ondergebracht bij het Nederlands Jeugdinstituut.",
     "Nederlands Jeugdinstituut", "institution/nl-jeugdinstituut", "Institution"),
    ("nl", "De waterschappen en Rijkswaterstaat voeren de Kaderrichtlijn Water uit.",
     "Rijkswaterstaat", "institution/nl-rijkswaterstaat", "Institution"),
    ("nl", "Nuffic ondersteunt de internationalisering van het onderwijs.",
     "Nuffic", "institution/nl-nuffic", "Institution"),
    ("nl", "Het onderzoek wordt betaald door NWO en ZonMw.",
     "NWO", "institution/nl-nwo", "Institution"),
    ("nl", "Het onderzoek wordt betaald door NWO en ZonMw.",
     "ZonMw", "institution/nl-zonmw", "Institution"),
    ("nl", "Volgens het KNMI worden de zomers droger.",
     "KNMI", "institution/nl-knmi", "Institution"),
    ("nl", "Zorginstituut Nederland vertegenwoordigt Nederland in de coördinatiegroep.",
     "Zorginstituut Nederland", "institution/nl-zorginstituut", "Institution"),
    ("nl", "Het College ter Beoordeling van Geneesmiddelen beoordeelt de aanvraag.",
     "College ter Beoordeling van Geneesmiddelen", "institution/nl-cbg", "Institution"),
    ("nl", "De Kiesraad stelt de uitslag van de Europese verkiezingen vast.",
     "Kiesraad", "institution/nl-kiesraad", "Institution"),
    ("nl", "De Nederlandsche Bank houdt toezicht op banken en betaalinstellingen.",
     "De Nederlandsche Bank", "institution/nl-dnb", "Institution"),
    ("nl", "De Belastingdienst int de nieuwe heffing.",
     "Belastingdienst", "institution/nl-belastingdienst", "Institution"),
    ("nl", "Bedrijven schrijven zich in bij de Kamer van Koophandel.",
     "Kamer van Koophandel", "institution/nl-kvk", "Institution"),
    ("nl", "Het Staatstoezicht op de Mijnen houdt toezicht op de gaswinning.",
     "Staatstoezicht op de Mijnen", "institution/nl-sodm", "Institution"),
    ("nl", "De Raad van State bracht advies uit over het wetsvoorstel.",
     "Raad van State", "institution/nl-raad-van-state", "Institution"),
    ("nl", "De Algemene Rekenkamer onderzocht de besteding van de herstelmiddelen.",
     "Algemene Rekenkamer", "institution/nl-algemene-rekenkamer", "Institution"),
    ("nl", "Het UWV is het Nederlandse lid van EURES.",
     "EURES", "institution/eures", "Institution"),
]


@pytest.mark.parametrize("lang,text,label,iri,cls", CASES, ids=[f"{c[0]}:{c[2]}" for c in CASES])
def test_a_label_in_a_sentence_yields_the_entry(lang, text, label, iri, cls):
    assert found(text, lang).get(label) == (iri, cls)


@pytest.mark.parametrize("label,iri", [
    ("MSCA Postdoctoral Fellowships", "programme/msca-postdoctoral-fellowships"),
    ("ERC Consolidator Grant", "programme/erc-consolidator-grants"),
    ("Mission Restore our Ocean and Waters", "programme/mission-ocean-and-waters"),
    ("EU Mission: Adaptation to Climate Change", "programme/mission-adaptation-to-climate-change"),
    ("Europese kindergarantie", "celex/32021H1004"),
    ("Europees klimaatpact", "programme/european-climate-pact"),
    ("Burgemeestersconvenant", "programme/covenant-of-mayors"),
    ("REACT-EU", "programme/react-eu"),
    ("EFSD+", "programme/efsd-plus"),
    ("Eurostars", "programme/eurostars"),
    ("Water4All", "programme/water4all"),
    ("beleidsvenster duurzame infrastructuur", "programme/investeu-sustainable-infrastructure-window"),
    ("IPCEI-CIS", "programme/ipcei-cis"),
    ("LEADER", "programme/leader"),
    ("Autoriteit Consument & Markt", "institution/nl-acm"),
    ("Autoriteit Persoonsgegevens", "institution/nl-ap"),
    ("Rijksinspectie Digitale Infrastructuur", "institution/nl-rdi"),
    ("Inspectie Gezondheidszorg en Jeugd", "institution/nl-igj"),
    ("Nederlandse Voedsel- en Warenautoriteit", "institution/nl-nvwa"),
    ("Tweede Kamer", "institution/nl-tweede-kamer"),
    ("EIT KICs", "institution/eit-kics"),
])
def test_the_vocabulary_knows_one_entry_for_the_label(label, iri):
    assert [e.iri for e in load_vocabulary().lookup(label)] == [ID + iri]


@pytest.mark.parametrize("part,whole", [
    ("programme/erasmus-mundus", "programme/erasmus-plus"),
    ("programme/jean-monnet-actions", "programme/erasmus-plus"),
    ("programme/discovereu", "programme/erasmus-plus"),
    ("programme/centres-of-vocational-excellence", "programme/erasmus-plus"),
    ("programme/erasmus-teacher-academies", "programme/erasmus-plus"),
    ("programme/msca-doctoral-networks", "programme/marie-sklodowska-curie-actions"),
    ("programme/erc-starting-grants", "programme/horizon-europe"),
    ("programme/mission-soil", "programme/eu-missions"),
    ("programme/european-partnerships", "programme/horizon-europe"),
    ("programme/water4all", "programme/european-partnerships"),
    ("programme/efsd-plus", "programme/ndici-global-europe"),
    ("programme/ukraine-investment-framework", "programme/ukraine-facility"),
    ("programme/creative-europe-media", "programme/creative-europe"),
    ("programme/interreg-north-sea", "programme/interreg"),
    ("programme/investeu-advisory-hub", "programme/investeu"),
    ("programme/ipcei-hy2tech", "programme/ipcei"),
    ("institution/nl-na-erasmus-jeugd", "institution/nl-jeugdinstituut"),
    ("institution/eit-kics", "institution/european-institute-of-innovation-and-technology"),
])
def test_strands_and_actions_are_part_of_their_programme(part, whole):
    assert ID + whole in load_vocabulary().part_of(ID + part)


def test_an_item_naming_an_action_and_its_programme_states_part_of():
    text = ("Kernactie 2 financiert centra voor beroepsexcellentie, Erasmus+-lerarenacademies en Erasmus Mundus. "
            "Ook DiscoverEU valt onder het programma Erasmus+.")
    result = extract(NewsItem(id="t", title="Titel", body=text, lang="nl"))
    part_of = {(r.subject.removeprefix(ID), r.object.removeprefix(ID))
               for r in result.relations if r.property.endswith("partOf")}
    for action in ("centres-of-vocational-excellence", "erasmus-teacher-academies", "erasmus-mundus", "discovereu"):
        assert ("programme/" + action, "programme/erasmus-plus") in part_of


NEGATIVE = [
    ("en", "Make sure loans reach small firms and that a safe instrument is offered to savers.",
     ["programme/sure", "programme/safe-instrument"]),
    ("en", "The company runs a leader programme for its young managers.", ["programme/leader"]),
    ("en", "Strong European partnerships with African countries are needed.", ["programme/european-partnerships"]),
    ("en", "Students discover EU funding through their universities.", ["programme/discovereu"]),
    ("en", "The Glasgow Climate Pact was agreed at COP26.", ["programme/european-climate-pact"]),
    ("en", "Bulgaria set up a national competitiveness fund for exporters.", ["programme/european-competitiveness-fund"]),
    ("en", "The mission of the agency is to protect soil, oceans and cities.",
     ["programme/mission-soil", "programme/mission-ocean-and-waters", "programme/mission-climate-neutral-and-smart-cities"]),
    ("en", "Spending on research, development and innovation (RDI) must rise.", ["institution/nl-rdi"]),
    ("nl", "De Duitse belastingdienst en de Belgische douane werken samen.",
     ["institution/nl-belastingdienst", "institution/nl-customs"]),
    ("nl", "Europese universiteiten werken nauw samen met bedrijven.", ["programme/european-universities-initiative"]),
    ("nl", "Het ziekenhuis begint een nieuwe missie tegen kanker.", ["programme/mission-cancer"]),
    ("nl", "Werkgevers klagen over een krappe talentenpool.", ["programme/eu-talent-pool"]),
]


@pytest.mark.parametrize("lang,text,forbidden", NEGATIVE, ids=[c[1][:40] for c in NEGATIVE])
def test_ordinary_words_yield_no_such_entity(lang, text, forbidden):
    linked = {iri for iri, _ in found(text, lang).values()}
    assert not linked & set(forbidden), linked


@pytest.mark.parametrize("text,lang,name,iri", [
    ("Het Parlement stemde in zonder dat de Commissie landbouw en plattelandsontwikkeling (AGRI) een verslag opstelde.",
     "nl", "Commissie landbouw en plattelandsontwikkeling", "ep-committee-agri"),
    ("In Parliament the Committee on Transport and Tourism (TRAN) leads the file.", "en",
     "Committee on Transport and Tourism", "ep-committee-tran"),
    ("De Commissie werkgelegenheid en sociale zaken van het Europees Parlement steunde het voorstel.", "nl",
     "Commissie werkgelegenheid en sociale zaken", "ep-committee-empl"),
])
def test_a_parliamentary_committee_is_not_the_commission(text, lang, name, iri):
    mentions = found(text, lang)
    assert mentions[name][0] == "institution/" + iri
