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


#: Phrasings where the exact set of relations matters: what must be found and nothing else.
EXACT = [
    # a short form joins the COM number in brackets at the end of its clause
    ("nl", "De Europese Commissie presenteerde het voorstel in december 2020 (COM(2020) 823).",
     {("celex/52020PC0823", "proposedBy", "institution/european-commission")}),
    # the agent of a passive is not the subject of what follows ("... and forms part of")
    ("en", "Regulation (EU) 2024/1252 was proposed by the Commission on 16 March 2023 (COM(2023) 160) and forms "
           "part of the Green Deal Industrial Plan.",
     {("celex/32024R1252", "partOf", "celex/52023DC0062"),
      ("celex/32024R1252", "proposedBy", "institution/european-commission"),
      ("celex/52023PC0160", "proposedBy", "institution/european-commission")}),
    # Dutch verb last: "door het Europees Parlement en de Raad vastgesteld"
    ("nl", "Verordening (EU) 2022/2065 is van toepassing. De verordening werd in december 2020 voorgesteld door de "
           "Europese Commissie (COM(2020) 825) en op 19 oktober 2022 door het Europees Parlement en de Raad vastgesteld.",
     {("celex/32022R2065", "adoptedBy", "institution/council-of-the-european-union"),
      ("celex/32022R2065", "adoptedBy", "institution/european-parliament"),
      ("celex/32022R2065", "proposedBy", "institution/european-commission"),
      ("celex/52020PC0825", "proposedBy", "institution/european-commission")}),
    # an object pronoun: "the Council adopted it"
    ("en", "Regulation (EU) 2024/1252 was agreed in November 2023. The European Parliament approved the text in "
           "December 2023 and the Council adopted it on 18 March 2024.",
     {("celex/32024R1252", "adoptedBy", "institution/council-of-the-european-union"),
      ("celex/32024R1252", "adoptedBy", "institution/european-parliament")}),
    # listed agents before the verb, and a second agent after "and by"
    ("en", "The European Parliament and the Council adopted Regulation (EU) 2023/1781.",
     {("celex/32023R1781", "adoptedBy", "institution/council-of-the-european-union"),
      ("celex/32023R1781", "adoptedBy", "institution/european-parliament")}),
    ("en", "Regulation (EU) 2023/1542 was adopted by the European Parliament on 14 June 2023 and by the Council on "
           "10 July 2023.",
     {("celex/32023R1542", "adoptedBy", "institution/council-of-the-european-union"),
      ("celex/32023R1542", "adoptedBy", "institution/european-parliament")}),
    # Dutch relative clauses: "die bij ... is ingesteld", "waarbij ... is opgericht" (about the last act only)
    ("nl", "De nationale coördinatoren vormen de Europese raad voor digitale diensten, die bij Verordening (EU) "
           "2022/2065 is ingesteld.",
     {("celex/32022R2065", "establishes", "institution/european-board-for-digital-services")}),
    ("nl", "Verordening (EU) 2024/1747 wijzigt Verordening (EU) 2019/943 en Verordening (EU) 2019/942, waarbij het "
           "Agentschap van de Europese Unie voor de samenwerking tussen energieregulators (ACER) is opgericht.",
     {("celex/32019R0942", "establishes", "institution/agency-for-the-cooperation-of-energy-regulators"),
      ("celex/32024R1747", "amends", "celex/32019R0942"), ("celex/32024R1747", "amends", "celex/32019R0943")}),
    # what follows another noun and "under" is not the object ("set up the Joint Undertakings under Horizon Europe")
    ("en", "It amends Council Regulation (EU) 2021/2085, the act that set up the Joint Undertakings under Horizon Europe.",
     set()),
    # a short form in apposition is the act it follows
    ("en", "EUSPA was established by Regulation (EU) 2021/696, the Regulation that also set up the EU Space Programme.",
     {("celex/32021R0696", "establishes", "institution/european-union-agency-for-the-space-programme"),
      ("celex/32021R0696", "establishes", "programme/eu-space-programme")}),
    # "..., which also comprised", "Part of X is Y"
    ("en", "The Digital Services Act was proposed as part of the Digital Services Package, which also comprised the "
           "Digital Markets Act.",
     {("celex/32022R1925", "partOf", "programme/digital-services-package"),
      ("celex/32022R2065", "partOf", "programme/digital-services-package")}),
    # funding with no subject in the sentence: what the item is about
    ("en", "Regulation (EU) 2025/327 creates the European Health Data Space. EU support for the infrastructure is "
           "funded through EU4Health and the Digital Europe Programme.",
     {("celex/32025R0327", "fundedThrough", "programme/digital-europe"),
      ("celex/32025R0327", "fundedThrough", "programme/eu4health")}),
    # sector words that qualify a noun list no sectors
    ("en", "It amends Regulation (EU) 2018/1999, under which Member States draw up their national energy and climate "
           "plans.", set()),
    # the Commission adopts the implementing acts and proposes the COM proposals it is named with ...
    ("en", "The Commission laid down the scheme in Implementing Regulation (EU) 2024/482 of 31 January 2024.",
     {("celex/32024R0482", "adoptedBy", "institution/european-commission")}),
    ("nl", "De Europese Commissie diende het voorstel in op 16 maart 2023 (COM(2023) 161).",
     {("celex/52023PC0161", "proposedBy", "institution/european-commission")}),
    # ... but a COM number cited for another reason says nothing about who proposed it
    ("nl", "De Commissie ziet toe op de uitvoering van de AI-verordening (COM(2021) 206).",
     {("institution/european-commission", "supervises", "celex/52021PC0206")}),
    # a subject before the verb: the words after it are objects, not an inverted subject
    ("nl", "Richtlijn (EU) 2024/1711 wijzigt de elektriciteitsrichtlijn (Richtlijn (EU) 2019/944) en Richtlijn (EU) "
           "2018/2001.",
     {("celex/32024L1711", "amends", "celex/32018L2001"), ("celex/32024L1711", "amends", "celex/32019L0944")}),
    ("en", "The Cybersecurity Act, Regulation (EU) 2019/881, was itself amended recently by Regulation (EU) 2025/37.",
     {("celex/32025R0037", "amends", "celex/32019R0881")}),
    # a new clause between trigger and mention: the mention is not the object
    ("en", "Directive (EU) 2024/1799 sets up a new online service for consumers, which the Commission will build "
           "and run.", set()),
    ("en", "Directive (EU) 2024/2853 is closely linked to the Artificial Intelligence Act (Regulation (EU) 2024/1689) "
           "and the Cyber Resilience Act (Regulation (EU) 2024/2847).",
     {("celex/32024L2853", "refersTo", "celex/32024R1689"), ("celex/32024L2853", "refersTo", "celex/32024R2847")}),
    ("nl", "Het Innovatiefonds is ingesteld op grond van de ETS-richtlijn (Richtlijn 2003/87/EG).",
     {("celex/32003L0087", "establishes", "programme/innovation-fund")}),
    # a name that runs on through "en" to the acronym it defines
    ("nl", "Het Europees Uitvoerend Agentschap voor gezondheid en digitale technologie (HaDEA) beheert het programma "
           "EU4Health.",
     {("institution/european-health-and-digital-executive-agency", "implements", "programme/eu4health")}),
    # a relative clause right after a passive agent is about that agent
    ("en", "EU4Health was established by Regulation (EU) 2021/522, which repealed Regulation (EU) No 282/2014.",
     {("celex/32021R0522", "establishes", "programme/eu4health"), ("celex/32021R0522", "repeals", "celex/32014R0282")}),
    # an optional word before the trigger ("central element of") is not needed for it to match
    ("en", "GOVSATCOM is a component of the EU Space Programme.",
     {("programme/govsatcom", "partOf", "programme/eu-space-programme")}),
    # "binnen" that belongs to the common noun before it (with a name: see the Dutch passive below)
    ("nl", "Verordening (EU) 2021/2085, waarbij de gemeenschappelijke ondernemingen binnen Horizon Europa zijn "
           "opgericht, is gewijzigd.", set()),
    # past the agent "by a Commission Decision", into what the Commission owns
    ("en", "The European AI Office, established by a Commission Decision of 24 January 2024, sits within the "
           "Commission's Directorate-General for Communication Networks, Content and Technology (DG CNECT).",
     {("instrument/commission-decision", "establishes", "institution/ai-office"),
      ("institution/ai-office", "partOf", "institution/dg-cnect"),
      ("institution/ai-office", "partOf", "institution/european-commission"),
      ("institution/dg-cnect", "partOf", "institution/european-commission")}),
    # "Raad voor ..." is a board of its own, not the Council; its "voor" is no trigger ("stelt ... voor")
    ("nl", "Verordening (EU) 2024/1252 stelt de Raad voor kritieke grondstoffen in, waarin de lidstaten en de "
           "Commissie samenwerken.",
     {("celex/32024R1252", "establishes", "institution/raad-voor-kritieke-grondstoffen"),
      ("institution/european-commission", "participatesIn", "institution/raad-voor-kritieke-grondstoffen")}),
    # the separable verb "vaststellen"
    ("nl", "Het Europees Parlement en de Raad stelden Verordening (EU) 2024/1083 op 11 april 2024 vast.",
     {("celex/32024R1083", "adoptedBy", "institution/council-of-the-european-union"),
      ("celex/32024R1083", "adoptedBy", "institution/european-parliament")}),
    # "implementing" as a verb makes no implementing act
    ("en", "Regulation (EU) 2023/956 applies from October. The Commission is in charge of implementing Regulation "
           "(EU) 2023/956.",
     {("institution/european-commission", "implements", "celex/32023R0956")}),
    # a relative clause is about the mention right before it: the Alliance (set up), not the act (adopted)
    ("en", "Regulation (EU) 2023/1542 goes hand in hand with the European Battery Alliance, which the Commission "
           "launched in 2017.",
     {("institution/european-commission", "establishes", "programme/european-battery-alliance")}),
    # the Commission proposed the Act; the communication named later in the sentence is not its document
    ("en", "Regulation (EU) 2024/1735 was proposed by the Commission on 16 March 2023 (COM(2023) 161) as a central "
           "element of the Green Deal Industrial Plan (COM(2023) 62).",
     {("celex/32024R1735", "partOf", "celex/52023DC0062"),
      ("celex/32024R1735", "proposedBy", "institution/european-commission"),
      ("celex/52023PC0161", "proposedBy", "institution/european-commission")}),
    # Dutch perfect tense with the participle last, in main, inverted, relative and passive clauses
    ("nl", "De Commissie heeft de Alliantie voor kritieke geneesmiddelen opgericht.",
     {("institution/european-commission", "establishes", "programme/alliantie-voor-kritieke-geneesmiddelen")}),
    ("nl", "Al in april 2022 had de Commissie samen met de lidstaten het EU-energieplatform opgezet.",
     {("institution/european-commission", "establishes", "programme/eu-energy-platform")}),
    ("nl", "De verordening sluit aan bij de Europese Batterijalliantie (EBA), die de Commissie in 2017 heeft opgezet.",
     {("institution/european-commission", "establishes", "programme/european-battery-alliance")}),
    ("nl", "De EIC is door de Commissie opgezet binnen Horizon Europa.",
     {("institution/european-commission", "establishes", "institution/european-innovation-council"),
      ("institution/european-innovation-council", "partOf", "programme/horizon-europe")}),
    # launching a body or programme is setting it up
    ("en", "HERA launched the Critical Medicines Alliance on 24 April 2024.",
     {("institution/hera", "establishes", "programme/critical-medicines-alliance")}),
    # a second verb shares the first one's subject: "amends A and replaces and repeals B"
    ("en", "The sixth Anti-Money Laundering Directive, Directive (EU) 2024/1640, amends Directive (EU) 2019/1937 and "
           "replaces and repeals Directive (EU) 2015/849.",
     {("celex/32024L1640", "amends", "celex/32019L1937"), ("celex/32024L1640", "repeals", "celex/32015L0849")}),
    ("nl", "Verordening (EU) 2022/2371 wijzigt Verordening (EU) 2019/1020 en trekt Besluit nr. 1082/2013/EU in.",
     {("celex/32022R2371", "amends", "celex/32019R1020"), ("celex/32022R2371", "repeals", "celex/32013D1082")}),
    # the object of a separable verb stands inside it
    ("nl", "Richtlijn (EU) 2024/1640 is aangenomen. Die richtlijn trekt per 10 juli 2027 de vierde "
           "antiwitwasrichtlijn (Richtlijn (EU) 2015/849) in.",
     {("celex/32024L1640", "repeals", "celex/32015L0849")}),
    # "the Commission, the Directorate-General ...": an apposition, not a list of two bodies
    ("en", "Within the Commission, the Directorate-General for Energy (DG ENER) is in charge of implementing "
           "Regulation (EU) 2024/1787.",
     {("institution/dg-ener", "implements", "celex/32024R1787"),
      ("institution/dg-ener", "partOf", "institution/european-commission")}),
    # a pronoun that targets sectors stands for the programme the sentence before was about, not its body
    ("nl", "De Commissie lanceerde de Europese Waterstofbank in 2023. Zij richt zich op sectoren zoals de chemische "
           "industrie en de scheepvaart.",
     {("institution/european-commission", "establishes", "programme/european-hydrogen-bank"),
      ("programme/european-hydrogen-bank", "targetsSector", "sector/chemicals"),
      ("programme/european-hydrogen-bank", "targetsSector", "sector/maritime")}),
    # a derogation refers to the acts it derogates from
    ("en", "Regulation (EU) 2025/1534 temporarily derogates from Regulation (EU) 2017/2226 and Regulation (EU) "
           "2016/399 during the roll-out.",
     {("celex/32025R1534", "refersTo", "celex/32017R2226"), ("celex/32025R1534", "refersTo", "celex/32016R0399")}),
    # a short form prefers the act of the lead paragraph, what the item is about, over one named since
    ("nl", "Verordening (EU) 2024/900 betreffende politieke reclame geldt vanaf vandaag in de hele Europese Unie.\n\n"
           "De digitaledienstenverordening (DSA) geldt al sinds 2024 voor platforms; de DSA regelt ook advertenties.\n\n"
           "De verordening vult de Algemene verordening gegevensbescherming (AVG) aan.",
     {("celex/32024R0900", "refersTo", "celex/32016R0679")}),
    # supervision of "the scheme", "compliance": of the act the item is about
    ("nl", "Uitvoeringsverordening (EU) 2024/482 geldt vanaf vandaag. Verordening (EU) 2024/482 regelt de "
           "certificering. De Rijksinspectie Digitale Infrastructuur (RDI) houdt toezicht op de naleving van het schema.",
     {("institution/nl-rdi", "supervises", "celex/32024R0482")}),
    ("en", "Implementing Regulation (EU) 2024/482 applies from today. Regulation (EU) 2024/482 sets up a certification "
           "scheme. Compliance is supervised by the national authorities, such as the Federal Office for Information "
           "Security (BSI).",
     {("institution/federal-office-for-information-security", "supervises", "celex/32024R0482")}),
    # Dutch verb last for repealing: relative "die ... heeft ingetrokken" and passive "werd door ... ingetrokken"
    ("nl", "Het EDF is ingesteld bij Verordening (EU) 2021/697, die tevens de verordening over het Europees programma "
           "voor de ontwikkeling van de defensie-industrie (EDIDP), Verordening (EU) 2018/1092, heeft ingetrokken.",
     {("celex/32021R0697", "establishes", "programme/european-defence-fund"),
      ("celex/32021R0697", "repeals", "celex/32018R1092")}),
    ("nl", "Verordening (EU) nr. 559/2014 werd in 2021 door Verordening (EU) 2021/2085 ingetrokken.",
     {("celex/32021R2085", "repeals", "celex/32014R0559")}),
    # a long name that starts in the group counts, though it runs past the group's end
    ("en", "Within the Commission, the file is handled by the Directorate-General for Internal Market, Industry, "
           "Entrepreneurship and SMEs (DG GROW).",
     {("institution/dg-grow", "partOf", "institution/european-commission")}),
    # funding received under a programme
    ("en", "The Cyber Emergency Mechanism received €100 million under the Digital Europe Programme.",
     {("programme/cyber-emergency-mechanism", "fundedThrough", "programme/digital-europe")}),
    # set up by, in a passive with "launched" and in relative clauses
    ("en", "The AI Pact was launched in 2024 by the European Commission.",
     {("institution/european-commission", "establishes", "programme/ai-pact")}),
    ("nl", "Het Agentschap werkt samen met de Europese Batterijalliantie, die de Commissie in 2017 oprichtte.",
     {("institution/european-commission", "establishes", "programme/european-battery-alliance")}),
    # members brought together in a Dutch relative clause
    ("nl", "Het Europees Comité voor gegevensbescherming, dat de nationale toezichthouders en de Europese "
           "Toezichthouder voor gegevensbescherming samenbrengt, geeft richtsnoeren.",
     {("institution/european-data-protection-supervisor", "participatesIn", "institution/european-data-protection-board")}),
    # a body and the body it belongs to in one sentence: part of it, as the vocabulary has it
    ("nl", "Het Europees Defensiefonds wordt beheerd door de Commissie, via het directoraat-generaal "
           "Defensie-industrie en Ruimtevaart (DG DEFIS).",
     {("institution/dg-defis", "partOf", "institution/european-commission"),
      ("institution/european-commission", "implements", "programme/european-defence-fund")}),
    # ... and when they are named sentences apart
    ("nl", "CEF Transport financiert spoorprojecten. Ook de Connecting Europe Facility zelf groeit.",
     {("programme/cef-transport", "partOf", "programme/connecting-europe-facility")}),
    # a passive agent named in full and then by its acronym is still what the relative clause is about
    ("en", "The auction is managed by the European Climate, Infrastructure and Environment Executive Agency "
           "(CINEA), which implements the Innovation Fund.",
     {("institution/european-climate-infrastructure-and-environment-executive-agency", "implements",
       "programme/innovation-fund")}),
    # a sector word inside the object's description does not stop the object
    ("en", "The European Cybersecurity Competence Centre manages the cybersecurity funding of the Digital "
           "Europe Programme.",
     {("institution/european-cybersecurity-competence-centre", "implements", "programme/digital-europe")}),
    # a second passive shares the first one's subject: "wordt gefinancierd uit A, wordt beheerd door B"
    ("nl", "HERA Invest wordt gefinancierd uit EU4Health, wordt beheerd door de Europese Investeringsbank.",
     {("programme/hera-invest", "fundedThrough", "programme/eu4health"),
      ("institution/european-investment-bank", "implements", "programme/hera-invest")}),
    ("en", "HERA Invest is funded by EU4Health and is managed by the European Investment Bank.",
     {("programme/hera-invest", "fundedThrough", "programme/eu4health"),
      ("institution/european-investment-bank", "implements", "programme/hera-invest")}),
    # an adverb inside the trigger, and more funding sources for the same subject
    ("en", "HERA was set up in 2021. Its preparedness work is funded mainly through the EU4Health programme, "
           "with further resources from Horizon Europe and rescEU.",
     {("institution/hera", "fundedThrough", "programme/eu4health"),
      ("institution/hera", "fundedThrough", "programme/horizon-europe"),
      ("institution/hera", "fundedThrough", "programme/resceu")}),
    ("nl", "Het REPowerEU-plan wordt grotendeels gefinancierd uit de HVF, aangevuld met geld uit het Innovatiefonds.",
     {("celex/52022DC0230", "fundedThrough", "programme/recovery-and-resilience-facility"),
      ("celex/52022DC0230", "fundedThrough", "programme/innovation-fund")}),
    # "with further money from" without a funding relation before it names no funder of its own
    ("en", "The Plan is backed by EUR 4 billion from the EU4Health programme, with further money from Horizon Europe.",
     set()),
    # whom a body acts for is not the subject: "namens Nederland"
    ("nl", "De Autoriteit Consument en Markt (ACM) is coördinator. De nationale coördinatoren vormen samen de "
           "Europese raad voor digitale diensten. De ACM is namens Nederland lid van deze raad.",
     {("institution/nl-acm", "participatesIn", "institution/european-board-for-digital-services")}),
    # "X vertegenwoordigt Y in Z": both take part; an acronym the item defines is an alias in any case
    ("nl", "De Rijksinspectie Digitale Infrastructuur (RDI) is bevoegd. De RDI vertegenwoordigt Nederland ook "
           "in de Europese Groep voor cyberbeveiligingscertificering.",
     {("institution/nl-rdi", "participatesIn",
       "institution/europese-groep-voor-cyberbeveiligingscertificering"),
      ("member-state/nl", "participatesIn", "institution/europese-groep-voor-cyberbeveiligingscertificering")}),
    # an observer takes part in what the sentence is about; a semicolon ends the object's clause
    ("en", "The European Artificial Intelligence Board gathers one representative per Member State; the European "
           "Data Protection Supervisor takes part as an observer.",
     {("institution/european-data-protection-supervisor", "participatesIn",
       "institution/european-artificial-intelligence-board")}),
    # Dutch separable verbs with the object inside: "richt ... op", "richt ... in"
    ("nl", "Verordening (EU) 2025/327 is van kracht. De verordening richt daarnaast de grensoverschrijdende "
           "infrastructuur HealthData@EU op.",
     {("celex/32025R0327", "establishes", "programme/healthdata-eu")}),
    ("nl", "De Commissie richt een methaantransparantiedatabank in.",
     {("institution/european-commission", "establishes", "programme/methaantransparantiedatabank")}),
    # a relative "waarmee" whose object has an aside in brackets with a comma
    ("nl", "Vandaag treedt Verordening (EU) 2024/795 in werking, waarmee het Platform voor strategische "
           "technologieën voor Europa (Strategic Technologies for Europe Platform, STEP) wordt opgericht.",
     {("celex/32024R0795", "establishes", "programme/strategic-technologies-for-europe-platform")}),
    # a list whose first member's description names something else ("over het EU-emissiehandelssysteem")
    ("nl", "Verordening (EU) 2023/435 is van kracht. Daarnaast wijzigt de verordening onder meer Richtlijn "
           "2003/87/EG over het EU-emissiehandelssysteem en Verordening (EU) 2021/1755 over de reserve.",
     {("celex/32023R0435", "amends", "celex/32003L0087"), ("celex/32023R0435", "amends", "celex/32021R1755")}),
    # a pronoun subject with a second verb after mentions that cannot be its subject
    ("nl", "Verordening (EU) 2024/1252 is van kracht. Zij stelt de Raad voor kritieke grondstoffen in en wijzigt "
           "onder meer Verordening (EU) 2019/1020 over markttoezicht.",
     {("celex/32024R1252", "establishes", "institution/raad-voor-kritieke-grondstoffen"),
      ("celex/32024R1252", "amends", "celex/32019R1020")}),
    ("en", "Regulation (EU) 2022/2065 applies. It was adopted by the European Parliament and the Council in "
           "October 2022 and amends Directive 2000/31/EC, the e-Commerce Directive.",
     {("celex/32022R2065", "adoptedBy", "institution/european-parliament"),
      ("celex/32022R2065", "adoptedBy", "institution/council-of-the-european-union"),
      ("celex/32022R2065", "amends", "celex/32000L0031")}),
    # ... and a Dutch subject pronoun right after the verb
    ("nl", "Verordening (EU) 2023/1542 is van kracht. Verder wijzigt zij de kaderrichtlijn afvalstoffen "
           "(Richtlijn 2008/98/EG).",
     {("celex/32023R1542", "amends", "celex/32008L0098")}),
    # "Het" before a name is its article, not a pronoun for what the sentence before was about
    ("nl", "Het REPowerEU-plan is gepresenteerd. Het Innovatiefonds is ingesteld op grond van de ETS-richtlijn "
           "(Richtlijn 2003/87/EG).",
     {("celex/32003L0087", "establishes", "programme/innovation-fund")}),
    # list members each with their number in brackets, one with an ordinal ("de tweede ...richtlijn")
    ("nl", "Verordening (EU) 2024/886 is van kracht. De verordening wijzigt de SEPA-verordening (Verordening (EU) "
           "nr. 260/2012), de finaliteitsrichtlijn (Richtlijn 98/26/EG) en de tweede betaaldienstenrichtlijn "
           "(Richtlijn (EU) 2015/2366).",
     {("celex/32024R0886", "amends", "celex/32012R0260"), ("celex/32024R0886", "amends", "celex/31998L0026"),
      ("celex/32024R0886", "amends", "celex/32015L2366")}),
    # a Dutch relative clause with the verb last
    ("nl", "De Commissie stelde een verordening voor (COM(2023) 368), die ook Verordening (EU) 2021/1230 wijzigt.",
     {("celex/52023PC0368", "proposedBy", "institution/european-commission"),
      ("celex/52023PC0368", "amends", "celex/32021R1230")}),
    # "which also set up A and repealed B": both verbs are the relative clause's
    ("en", "The programme was established by Regulation (EU) 2021/696, which also set up the European Union "
           "Agency for the Space Programme (EUSPA) and repealed Regulation (EU) No 1285/2013.",
     {("celex/32021R0696", "establishes", "institution/european-union-agency-for-the-space-programme"),
      ("celex/32021R0696", "repeals", "celex/32013R1285")}),
    # "proposed to revise X, amending A": A is amended, not proposed
    ("en", "The Commission proposed to revise the securitisation framework, amending Regulation (EU) 2017/2402.",
     set()),
    # components named alongside each other
    ("en", "Galileo is one of the components of the EU Space Programme, alongside EGNOS and Copernicus.",
     {("programme/galileo", "partOf", "programme/eu-space-programme"),
      ("programme/egnos", "partOf", "programme/eu-space-programme"),
      ("programme/copernicus", "partOf", "programme/eu-space-programme")}),
    # Dutch "uit te voeren door"
    ("nl", "Zes proeflijnen voor chips, uit te voeren door de Gemeenschappelijke Onderneming Chips (Chips JU).",
     {("institution/chips-joint-undertaking", "implements", "programme/chips-pilot-lines")}),
    # Dutch "maakte ... deel uit van", with the subject after the verb too
    ("nl", "Het voorstel (COM(2021) 558) maakte deel uit van het Fit for 55-pakket.",
     {("celex/52021PC0558", "partOf", "programme/fit-for-55")}),
    ("nl", "De Critical Medicines Act (COM(2025) 102) is gepresenteerd. Volgens de Commissie maakt het voorstel "
           "deel uit van de opbouw van de Europese gezondheidsunie.",
     {("celex/52025PC0102", "partOf", "programme/european-health-union"),
      ("celex/52025PC0102", "proposedBy", "institution/european-commission")}),
    # "Binnen X ondersteunt Y ...", "een van de acties uit", "the first legislative deliverable of"
    ("nl", "Binnen het EDF ondersteunt het EU-defensie-innovatieprogramma (EUDIS) start-ups.",
     {("programme/eudis", "partOf", "programme/european-defence-fund")}),
    ("nl", "De Critical Medicines Act (COM(2025) 102) is een van de acties uit het Kompas voor concurrentievermogen "
           "(COM(2025) 30).",
     {("celex/52025PC0102", "partOf", "celex/52025DC0030")}),
    ("en", "Regulation (EU) 2022/868 was the first legislative deliverable of the European strategy for data "
           "(COM(2020) 66).",
     {("celex/32022R0868", "partOf", "celex/52020DC0066")}),
    # a minister's portfolio lists no sectors
    ("nl", "Verordening (EU) 2024/1735 is van kracht. De minister van Economische Zaken en Klimaat informeert de "
           "Kamer, mede namens de minister voor Klimaat en Energie, over de verordening.",
     set()),
    # the supervisor after the verb: "In Nederland houdt de ACM ... toezicht op"
    ("nl", "Verordening (EU) 2024/1747 is van kracht. Verordening (EU) 2024/1747 geldt. In Nederland houdt de "
           "Autoriteit Consument & Markt (ACM) als regulerende instantie toezicht op de naleving van de nieuwe regels.",
     {("institution/nl-acm", "supervises", "celex/32024R1747")}),
    # a programme that falls under an agency is run by it
    ("nl", "CEF Digitaal valt onder het Europees Uitvoerend Agentschap voor gezondheid en digitale technologie "
           "(HaDEA).",
     {("institution/european-health-and-digital-executive-agency", "implements", "programme/cef-digital")}),
    # "implementing decision" is a kind of act, "a letter on the implementation of" implements nothing,
    # and what an act is adopted on the basis of is not what is adopted
    ("en", "Letter to Parliament on the implementation of Regulation (EU) 2024/3015. The Commission then adopted "
           "Implementing Decision (EU) 2025/1544, adopted on the basis of Regulation (EU) 2017/2226.",
     {("celex/32025D1544", "adoptedBy", "institution/european-commission"),
      ("celex/32025D1544", "refersTo", "celex/32017R2226")}),
    # "the strategy" is the initiative whose name says it is one
    ("en", "The Commission presented Global Gateway in 2021. The strategy aims to mobilise up to EUR 300 billion in "
           "sectors such as digital, transport and health.",
     {("programme/global-gateway", "targetsSector", "sector/digital"),
      ("programme/global-gateway", "targetsSector", "sector/transport"),
      ("programme/global-gateway", "targetsSector", "sector/health")}),
    # an unnamed amendment that a numbered act of the item turns out to be is no act of its own
    ("nl", "Tegelijk kwam er een gerichte wijziging van de cyberbeveiligingsverordening. Die wijziging, "
           "Verordening (EU) 2025/37, wijzigt Verordening (EU) 2019/881.",
     {("celex/32025R0037", "amends", "celex/32019R0881")}),
    # "X financiert Y": Y is funded through X, not the other way round; an inverted subject is no object
    ("nl", "Het initiatief Chips voor Europa (Chips for Europe Initiative) financiert proeflijnen.",
     {("programme/chips-pilot-lines", "fundedThrough", "programme/chips-for-europe-initiative")}),
    ("nl", "Uit het programma EU4Health financiert de Commissie projecten.", set()),
    # a name with a curly apostrophe is the vocabulary's name with a straight one
    ("nl", "De EIC Accelerator wordt beheerd door het Uitvoerend Agentschap voor de Europese Innovatieraad en kmo’s.",
     {("institution/european-innovation-council-and-smes-executive-agency", "implements",
       "programme/eic-accelerator")}),
    # "proposed ... in a package on X": what was proposed is part of the package
    ("en", "Regulation (EU) 2024/900 applies. The Regulation was proposed by the European Commission on 25 November "
           "2021 (COM(2021) 731), in a package on election integrity that also covered European political parties.",
     {("celex/32024R0900", "partOf", "instrument/package-on-election-integrity"),
      ("celex/32024R0900", "proposedBy", "institution/european-commission"),
      ("celex/52021PC0731", "proposedBy", "institution/european-commission")}),
    # "the central system", "de oproep": a generic noun that names nothing stands for what the item is about
    ("en", "The Entry/Exit System (EES) goes live. The EES registers travellers. The central system was developed "
           "and is operated by eu-LISA, the EU Agency for large-scale IT systems.",
     {("institution/eu-lisa", "implements", "programme/entry-exit-system")}),
    ("nl", "CEF Transport: nieuwe oproep. Het CEF-transportprogramma financiert spoorprojecten. De oproep wordt "
           "uitgevoerd door het Europees Uitvoerend Agentschap klimaat, infrastructuur en milieu (CINEA).",
     {("institution/european-climate-infrastructure-and-environment-executive-agency", "implements",
       "programme/cef-transport")}),
    # "the directive" is the act the item is about, not the one it amends, though that one is named
    # twice (a name and its number in brackets); guidance published on the directive is no adoption of it
    ("en", "One charger for all. The obligation stems from the common charger directive, Directive (EU) 2022/2380, "
           "which amends the Radio Equipment Directive (Directive 2014/53/EU). The directive, adopted by the European "
           "Parliament and the Council, dates from 23 November 2022. The Commission published guidance on the "
           "interpretation of the directive in May 2024.",
     {("celex/32022L2380", "amends", "celex/32014L0053"),
      ("celex/32022L2380", "adoptedBy", "institution/european-parliament"),
      ("celex/32022L2380", "adoptedBy", "institution/council-of-the-european-union")}),
    # "zowel X als Y" is a list; a hyphen-glued part belongs to the compound name of the act
    ("nl", "Verordening (EU) 2024/1468, die zowel de GLB-strategischeplannenverordening (Verordening (EU) 2021/2115) "
           "als de horizontale GLB-verordening (Verordening (EU) 2021/2116) wijzigt, is gisteren verschenen.",
     {("celex/32024R1468", "amends", "celex/32021R2115"), ("celex/32024R1468", "amends", "celex/32021R2116")}),
    # "the founding regulation of the EBA (Regulation ...)": the act in brackets after the body
    ("en", "MiCA, Regulation (EU) 2023/1114, applies. MiCA also amends the founding regulation of the European "
           "Banking Authority (Regulation (EU) No 1093/2010).",
     {("celex/32023R1114", "amends", "celex/32010R1093")}),
    # two coordinated participles before "by": the second one's agent still supervises
    ("en", "MiCA (Regulation (EU) 2023/1114) applies in full. Under MiCA crypto firms are authorised and supervised by "
           "the Dutch Authority for the Financial Markets (AFM).",
     {("institution/nl-afm", "supervises", "celex/32023R1114")}),
    # "waarbij X is vastgesteld", "dat ... bij Besluit X hebben vastgesteld": the act establishes the programme
    ("nl", "De oproep berust op Verordening (EU) 2021/817, waarbij Erasmus+ voor de periode 2021-2027 is vastgesteld.",
     {("celex/32021R0817", "establishes", "programme/erasmus-plus")}),
    ("nl", "Het rapport meet de voortgang naar de doelen uit het beleidsprogramma Digitaal Decennium 2030, dat het "
           "Europees Parlement en de Raad bij Besluit (EU) 2022/2481 hebben vastgesteld.",
     {("celex/32022D2481", "establishes", "programme/digital-decade-policy-programme"),
      ("celex/32022D2481", "adoptedBy", "institution/european-parliament"),
      ("celex/32022D2481", "adoptedBy", "institution/council-of-the-european-union")}),
    # "the rules apply to A, B, C and D": a list of three or more is what the law targets
    ("en", "Directive (EU) 2022/2380 applies. The Directive covers chargers. The rules apply to mobile phones, tablets, "
           "digital cameras and headphones, as long as they can be recharged.",
     {("celex/32022L2380", "targetsSector", "sector/mobile-phones"), ("celex/32022L2380", "targetsSector", "sector/tablets"),
      ("celex/32022L2380", "targetsSector", "sector/digital-cameras"),
      ("celex/32022L2380", "targetsSector", "sector/headphones")}),
    ("nl", "Richtlijn (EU) 2022/2380 is van toepassing. De richtlijn gaat over laders. De regels gelden voor mobiele "
           "telefoons, tablets, digitale camera's en koptelefoons.",
     {("celex/32022L2380", "targetsSector", "sector/mobiele-telefoons"), ("celex/32022L2380", "targetsSector", "sector/tablets"),
      ("celex/32022L2380", "targetsSector", "sector/digitale-cameras"),
      ("celex/32022L2380", "targetsSector", "sector/koptelefoons")}),
    # two things it applies to are no list of sectors
    ("en", "Directive (EU) 2022/2380 applies. The rules apply to phones and tablets.", set()),
    # funding told with the verb last, or as revenues that feed a fund; the Commission is never what is funded
    ("nl", "Het geld komt uit het Innovatiefonds, dat wordt gevoed met opbrengsten uit het EU-emissiehandelssysteem "
           "(EU ETS).",
     {("programme/innovation-fund", "fundedThrough", "programme/eu-ets")}),
    ("nl", "Het EU-SoHO-platform gaat open. Het EU-SoHO-platform wordt volledig uit het programma EU4Health "
           "gefinancierd.",
     {("programme/eu-soho-platform", "fundedThrough", "programme/eu4health")}),
    ("en", "The Commission awarded the grants, funded through the Innovation Fund.", set()),
    # a list of sectors without a subject of its own belongs to what the item is about, not to the
    # body the sentence before names
    ("nl", "Kamerbrief over het Europees Defensiefonds 2024. Het Europees Defensiefonds (EDF) steunt projecten. De "
           "Commissie selecteerde 62 projecten. De projecten betreffen energie, vervoer en gezondheidszorg.",
     {("programme/european-defence-fund", "targetsSector", "sector/energy"),
      ("programme/european-defence-fund", "targetsSector", "sector/transport"),
      ("programme/european-defence-fund", "targetsSector", "sector/health")}),
    # a possessive before a common noun places nothing ("the Council's general approach on X")
    ("en", "Letter to Parliament on the Council's general approach on the EU Talent Pool.", set()),
    # the Commission targets no sector, even as what "Zij" stands for
    ("nl", "De Europese Commissie lanceerde de veiling. Zij richt zich op sectoren die moeilijk te elektrificeren "
           "zijn, zoals de chemische industrie en de scheepvaart.", set()),
    # "X, which the Commission proposed ... as part of P": the Commission cannot be part of a package, X is
    ("en", "The EES was set up by Regulation (EU) 2017/2226, which the Commission proposed in April 2016 "
           "(COM(2016) 194) as part of the smart borders package.",
     {("celex/32017R2226", "establishes", "programme/entry-exit-system"),
      ("celex/32017R2226", "partOf", "instrument/smart-borders-package"),
      ("celex/52016PC0194", "proposedBy", "institution/european-commission")}),
    # "samen met X vormt Y het pakket", "together with X, Y forms the package": both are part of it
    ("nl", "Verordening (EU) 2022/2065 is van toepassing. Samen met de digitalemarktenverordening (Verordening (EU) "
           "2022/1925, DMA) vormt de DSA het pakket voor digitale diensten.",
     {("celex/32022R1925", "partOf", "programme/digital-services-package"),
      ("celex/32022R2065", "partOf", "programme/digital-services-package")}),
    ("nl", "De nieuwe EU-autoriteit is opgericht bij Verordening (EU) 2024/1620 en vormt het sluitstuk van het "
           "antiwitwaspakket.",
     {("celex/32024R1620", "partOf", "programme/aml-package")}),
    # a clause after ", while" has its own subject and object
    ("en", "ESA takes part in the development of the system, while the European Union Agency for the Space Programme "
           "(EUSPA) will provide the governmental services.", set()),
    # Dutch "richt ... op" with the subject after the verb, "zet ... op", "voorziet in"; a long relative subject
    ("nl", "Om bedrijven te helpen bij de naleving van de AI-verordening (Verordening (EU) 2024/1689) richt de "
           "Commissie een servicedesk voor de AI-verordening (AI Act Service Desk) op.",
     {("institution/european-commission", "establishes", "institution/ai-act-service-desk")}),
    ("nl", "Richtlijn (EU) 2024/1799 is van kracht. De richtlijn voorziet in een Europees onlineplatform voor reparatie.",
     {("celex/32024L1799", "establishes", "programme/europees-onlineplatform-voor-reparatie")}),
    ("nl", "Daarbij kan zij gegevens van het Internationaal Observatorium voor methaanemissies (IMEO) gebruiken, dat "
           "het Milieuprogramma van de Verenigde Naties (UNEP) in 2021 met steun van de EU opzette.",
     {("institution/unep", "establishes", "institution/imeo")}),
    # acts listed by the body they found, each with the body's acronym in the brackets
    ("nl", "Verordening (EU) 2024/1620 is van kracht. De AMLA-verordening wijzigt daarom de oprichtingsverordeningen "
           "van EBA (Verordening (EU) nr. 1093/2010), de Europese Autoriteit voor verzekeringen en bedrijfspensioenen "
           "(EIOPA, Verordening (EU) nr. 1094/2010) en de Europese Autoriteit voor effecten en markten (ESMA, "
           "Verordening (EU) nr. 1095/2010).",
     {("celex/32024R1620", "amends", "celex/32010R1093"), ("celex/32024R1620", "amends", "celex/32010R1094"),
      ("celex/32024R1620", "amends", "celex/32010R1095")}),
    # "amends three existing texts:" and a list with semicolons
    ("en", "Directive (EU) 2023/2413 is in force. Legally, the new act amends three existing texts: the Renewable "
           "Energy Directive of 2018, Directive (EU) 2018/2001; the Governance Regulation, Regulation (EU) 2018/1999, "
           "under which Member States draw up plans; and the Fuel Quality Directive, Directive 98/70/EC.",
     {("celex/32023L2413", "amends", "celex/32018L2001"), ("celex/32023L2413", "amends", "celex/32018R1999"),
      ("celex/32023L2413", "amends", "celex/31998L0070")}),
    # the Commission builds and runs it; a description on a common abbreviation ("een IT-systeem") names nothing
    ("en", "Directive (EU) 2024/1799 applies. The Directive sets up a European online platform for repair, which the "
           "Commission will build and run, with a section for each Member State.",
     {("celex/32024L1799", "establishes", "programme/european-online-platform-for-repair"),
      ("institution/european-commission", "implements", "programme/european-online-platform-for-repair")}),
    ("nl", "Verder komt er een EU-SoHO-platform, een gezamenlijk IT-systeem voor registratie dat door de Commissie "
           "wordt beheerd.",
     {("institution/european-commission", "implements", "programme/eu-soho-platform")}),
    # "X works together with Y": a body with a programme takes part in it; two bodies stay as they were
    ("en", "Destination Earth (DestinE) works together with the EuroHPC Joint Undertaking, whose supercomputers run "
           "the simulations.",
     {("institution/eurohpc-joint-undertaking", "participatesIn", "programme/destination-earth")}),
    ("nl", "InvestAI moet 200 miljard euro mobiliseren; die faciliteit wordt samen met de Europese Investeringsbank "
           "(EIB) ontwikkeld.",
     {("institution/european-investment-bank", "participatesIn", "programme/investai")}),
    # "adopted it, together with X": the pronoun's act and X; the other co-legislator follows for both
    ("en", "AMLA was established by Regulation (EU) 2024/1620. The European Parliament adopted it, together with "
           "Regulation (EU) 2024/1624, in April 2024; the Council followed in May 2024.",
     {("celex/32024R1620", "establishes", "institution/anti-money-laundering-authority"),
      ("celex/32024R1620", "adoptedBy", "institution/european-parliament"),
      ("celex/32024R1620", "adoptedBy", "institution/council-of-the-european-union"),
      ("celex/32024R1624", "adoptedBy", "institution/european-parliament"),
      ("celex/32024R1624", "adoptedBy", "institution/council-of-the-european-union")}),
    # "the proposal for a Net-Zero Industry Act (COM(2023) 161)" is that proposal, not the one before
    ("en", "The Commission proposed the Critical Raw Materials Act in March 2023 (COM(2023) 160). The CRMA "
           "complements the proposal for a Net-Zero Industry Act (COM(2023) 161).",
     {("celex/32024R1252", "proposedBy", "institution/european-commission"),
      ("celex/52023PC0160", "proposedBy", "institution/european-commission"),
      ("celex/32024R1252", "refersTo", "celex/52023PC0161")}),
    # nothing is part of a proposal ("binnen twee maanden na het voorstel")
    ("nl", "De Commissie diende het voorstel (COM(2024) 139) op 15 maart in. Daarmee werd Verordening (EU) 2024/1468 "
           "binnen twee maanden na het voorstel aangenomen.",
     {("celex/52024PC0139", "proposedBy", "institution/european-commission"),
      ("celex/32024R1468", "proposedBy", "institution/european-commission")}),
    # a sector list after an appositive participle belongs to the subject, not to the participle's agent
    ("en", "Horizon Europe, established by Regulation (EU) 2021/695 with a budget of EUR 95.5 billion, funds research "
           "in areas such as energy, mobility and health.",
     {("celex/32021R0695", "establishes", "programme/horizon-europe"),
      ("programme/horizon-europe", "targetsSector", "sector/energy"),
      ("programme/horizon-europe", "targetsSector", "sector/mobility"),
      ("programme/horizon-europe", "targetsSector", "sector/health")}),
    # acts repealed in a passive after a colon: the subject is what the sentence opens with
    ("nl", "Richtlijn (EU) 2024/2881 is bekendgemaakt. De nieuwe richtlijn voegt de twee bestaande richtlijnen samen: "
           "Richtlijn 2004/107/EG en Richtlijn 2008/50/EG worden met ingang van 12 december 2026 ingetrokken.",
     {("celex/32024L2881", "repeals", "celex/32004L0107"), ("celex/32024L2881", "repeals", "celex/32008L0050")}),
    ("en", "Directive (EU) 2024/2881 was published. The new directive merges the two existing directives: Directive "
           "2004/107/EC and Directive 2008/50/EC are repealed with effect from 12 December 2026.",
     {("celex/32024L2881", "repeals", "celex/32004L0107"), ("celex/32024L2881", "repeals", "celex/32008L0050")}),
    # without a subject before them, repealed acts are repealed by nothing the sentence says
    ("en", "Directive 2004/107/EC and Directive 2008/50/EC are repealed with effect from 12 December 2026.", set()),
    # a time before what a relative clause sets up is not part of it
    ("nl", "Verordening (EU) 2022/2370 wijzigt Verordening (EG) nr. 851/2004, waarbij in 2004 het ECDC in Stockholm "
           "werd opgericht.",
     {("celex/32022R2370", "amends", "celex/32004R0851"),
      ("celex/32004R0851", "establishes", "institution/european-centre-for-disease-prevention-and-control")}),
    # "het programma voor veilige connectiviteit IRIS²": the short form is the name that follows it
    ("nl", "Horizon Europa financiert onderzoek. De EU investeert in EuroQCI, die deel uitmaakt van het programma "
           "voor veilige connectiviteit IRIS².",
     {("programme/euroqci", "partOf", "programme/iris2")}),
    # "aan te trekken" attracts; without "in" the verb repeals nothing
    ("nl", "De Commissie presenteert een strategie voor generatievernieuwing om jonge boeren aan te trekken en een "
           "vereenvoudigingspakket voor het GLB.", set()),
    ("nl", "De CER-richtlijn (Richtlijn (EU) 2022/2557) trekt Richtlijn 2008/114/EG in.",
     {("celex/32022L2557", "repeals", "celex/32008L0114")}),
    # ", en brengt verslag uit aan de Raad": a second verb after the comma, not a second object
    ("nl", "Het Comité voor sociale bescherming volgt de voortgang, onder meer in het kader van het Europees Semester, en "
           "brengt verslag uit aan de Raad.", set()),
    # "in gebieden met veel veehouderij" are places, not a list of sectors
    ("nl", "Volgens het RIVM worden de normen overschreden langs drukke wegen en in gebieden met veel veehouderij.", set()),
    # a list of sectors after a body without a trigger is the body's work, not sectors it targets
    ("nl", "In Nederland houdt de Inspectie Gezondheidszorg en Jeugd (IGJ) nu toezicht op bloedbanken en "
           "weefselinstellingen.", set()),
    # "the recast" is the act the item is about; "It also ..." continues with it
    ("en", "Directive (EU) 2023/1791 enters into force today. Published in the Official Journal on 20 September, the "
           "recast text sets binding targets. The recast replaces Directive 2012/27/EU, which will be repealed. It also "
           "amends Regulation (EU) 2023/955.",
     {("celex/32023L1791", "repeals", "celex/32012L0027"), ("celex/32023L1791", "amends", "celex/32023R0955")}),
    # "the recast Transfer of Funds Regulation": an adjective before a name
    ("en", "Regulation (EU) 2023/1114 applies in full. Also from today, the recast Transfer of Funds Regulation, "
           "Regulation (EU) 2023/1113, obliges providers to send information. It replaces Regulation (EU) 2015/847.",
     {("celex/32023R1113", "repeals", "celex/32015R0847")}),
    # "richtte de Commissie HERA op": the body after the verb is its subject, the name after it what it set up
    ("nl", "In 2021 richtte de Commissie HERA op als directoraat-generaal.",
     {("institution/european-commission", "establishes", "institution/hera")}),
    # "stelt ENISA een evaluatierapport op" draws up a report: bare "stelt" sets up nothing
    ("nl", "Op verzoek van de Commissie of van EU-CyCLONe stelt ENISA na een significant incident een "
           "evaluatierapport op.", set()),
    # "binnen drie jaar" is a time: "binnen" makes a part only before an article or a name
    ("nl", "Het Innovatiefonds betaalde binnen drie jaar 3 miljard euro uit aan het Clean Hydrogen Partnership.", set()),
    # ", and complements": a second verb of the sentence's subject, not of the act named last
    ("en", "Regulation (EU) 2022/2560 works alongside EU merger control under Regulation (EC) No 139/2004 and the "
           "public procurement directives, and complements the International Procurement Instrument (IPI), Regulation "
           "(EU) 2022/1031.",
     {("celex/32022R2560", "refersTo", "celex/32022R1031")}),
    # a list goes on past an act's number in apposition: "the X Regulation, Regulation (EU) 2017/1938, and ..."
    ("en", "Regulation (EU) 2022/1032 was adopted. That regulation amends the Security of Gas Supply Regulation, "
           "Regulation (EU) 2017/1938, and Regulation (EC) No 715/2009 on access to gas transmission networks.",
     {("celex/32022R1032", "amends", "celex/32017R1938"), ("celex/32022R1032", "amends", "celex/32009R0715")}),
    # a list item "- Name, voor/for <sector>": what the named thing is for
    ("nl", "Verordening (EU) 2021/2085 richt de volgende gemeenschappelijke ondernemingen op:\n- Clean Aviation, voor "
           "klimaatneutrale luchtvaart;\n- Europe's Rail, voor een geïntegreerd Europees spoorsysteem.",
     {("celex/32021R2085", "establishes", "institution/clean-aviation-joint-undertaking"),
      ("celex/32021R2085", "establishes", "institution/europes-rail-joint-undertaking"),
      ("institution/clean-aviation-joint-undertaking", "targetsSector", "sector/aviation")}),
    # ... but not a sentence that opens with a name and "for"
    ("en", "ENISA, for its part, works on schemes for cloud services and 5G networks.", set()),
    # "in which A, B and C take part" / "waarin A en B deelnemen"
    ("en", "The Interinstitutional Cybersecurity Board (IICB), in which the European Parliament, the Council and the "
           "Commission take part, oversees the rules.",
     {("institution/european-parliament", "participatesIn", "institution/interinstitutional-cybersecurity-board"),
      ("institution/council-of-the-european-union", "participatesIn", "institution/interinstitutional-cybersecurity-board"),
      ("institution/european-commission", "participatesIn", "institution/interinstitutional-cybersecurity-board")}),
    # "published the first country benchmarking list under the EUDR": the list was published, not the act
    ("en", "Regulation (EU) 2023/1115 applies. The European Commission has published the first country benchmarking "
           "list under the EU Deforestation Regulation (EUDR).", set()),
    # English "of" joins no list ("a circular economy package of European Green Deal proposals")
    ("en", "Regulation (EU) 2024/3110 applies. It was proposed by the European Commission on 30 March 2022 "
           "(COM(2022) 144) as part of a circular economy package of European Green Deal proposals.",
     {("celex/32024R3110", "proposedBy", "institution/european-commission"),
      ("celex/52022PC0144", "proposedBy", "institution/european-commission"),
      ("celex/52022PC0144", "partOf", "instrument/circular-economy-package"),
      ("celex/32024R3110", "partOf", "instrument/circular-economy-package")}),
    # "heeft ... voorgesteld": proposing an act is not adopting it, a presentation still is
    ("nl", "De Commissie heeft de Digital Networks Act voorgesteld.",
     {("instrument/digital-networks-act", "proposedBy", "institution/european-commission")}),
    ("nl", "De Europese Commissie heeft Verordening (EU) 2024/1689 in april 2021 ingediend.",
     {("celex/32024R1689", "proposedBy", "institution/european-commission")}),
    # "amended in June 2024 by": the act after "by" amends, with a time between
    ("en", "It was set up by Council Regulation (EU) 2021/1173, which the Council amended in June 2024 by "
           "Regulation (EU) 2024/1732.",
     {("celex/32024R1732", "amends", "celex/32021R1173")}),
    # "launched by" sets up a programme or body, and adopts an act
    ("en", "InvestAI, launched by the Commission in February 2025, aims to mobilise EUR 200 billion.",
     {("institution/european-commission", "establishes", "programme/investai")}),
    # a bare "together with" adds a second agent or object, not a member
    ("en", "The European Commission's Health Emergency Preparedness and Response Authority (HERA) launched the Critical "
           "Medicines Alliance on 24 April 2024, together with the Belgian Presidency of the Council of the EU.",
     {("institution/hera", "partOf", "institution/european-commission"),
      ("institution/hera", "establishes", "programme/critical-medicines-alliance")}),
    ("en", "DestinE works together with the EuroHPC Joint Undertaking.",
     {("institution/eurohpc-joint-undertaking", "participatesIn", "programme/destination-earth")}),
    # "The new rules affect ...": the sentence has a subject of its own, not the body the sentence before
    # opened with
    ("en", "Regulation (EU) 2025/2518 was published. For many big tech companies the Irish Data Protection "
           "Commission (DPC) is the lead authority. The new rules affect companies in sectors such as banking and "
           "e-commerce.",
     {("celex/32025R2518", "targetsSector", "sector/banking"), ("celex/32025R2518", "targetsSector", "sector/e-commerce")}),
    # "die de Commissie en de hoge vertegenwoordiger presenteerden": both, though the pattern's group holds one
    ("nl", "Het pakket volgt op de Europese strategie voor economische veiligheid (JOIN(2023) 20), die de Commissie en "
           "de hoge vertegenwoordiger in juni 2023 presenteerden.",
     {("celex/52023JC0020", "adoptedBy", "institution/european-commission"),
      ("celex/52023JC0020", "adoptedBy", "institution/high-representative")}),
    # signatories of a charter take part in it
    ("nl", "Het Europees Windhandvest is ondertekend door de Commissie.",
     {("institution/european-commission", "participatesIn", "programme/europees-windhandvest")}),
    ("en", "The European Wind Charter was signed by the Commission.",
     {("institution/european-commission", "participatesIn", "programme/european-wind-charter")}),
    # a Dutch law's name with a preposition, a list and its short name in brackets; the separable verb around it
    ("nl", "De RVO voert de Wet windenergie op zee uit.",
     {("institution/nl-rvo", "implements", "instrument/wet-windenergie-op-zee")}),
    ("nl", "Nederland toetst investeringen op grond van de Wet veiligheidstoets investeringen, fusies en overnames (Wet "
           "vifo), die geldt voor vitale aanbieders, ondernemingen met sensitieve technologie en beheerders van "
           "bedrijfscampussen. De RVO voert de Wet vifo uit.",
     {("instrument/wet-veiligheidstoets-investeringen-fusies-en-overnames", "targetsSector", "sector/vitale-aanbieders"),
      ("instrument/wet-veiligheidstoets-investeringen-fusies-en-overnames", "targetsSector",
       "sector/ondernemingen-met-sensitieve-technologie"),
      ("instrument/wet-veiligheidstoets-investeringen-fusies-en-overnames", "targetsSector",
       "sector/beheerders-van-bedrijfscampussen"),
      ("institution/nl-rvo", "implements", "instrument/wet-veiligheidstoets-investeringen-fusies-en-overnames")}),
    # what an act is based on, transposes or stems from
    ("nl", "Met de Cyberbeveiligingswet, waarmee Nederland de NIS2-richtlijn omzet, krijgen meer zorgaanbieders een "
           "meldplicht.",
     {("instrument/cyberbeveiligingswet", "refersTo", "celex/32022L2555")}),
    ("nl", "Het voorstel COM(2021) 407 vloeit voort uit de mededeling COM(2020) 628.",
     {("celex/52021PC0407", "refersTo", "celex/52020DC0628")}),
    ("en", "Directive (EU) 2023/1791 applies. Commission Delegated Regulation (EU) 2024/1364, adopted under that "
           "Directive, establishes a rating scheme.",
     {("celex/32024R1364", "adoptedBy", "institution/european-commission"),
      ("celex/32024R1364", "refersTo", "celex/32023L1791")}),
    # an act named in a numbered act's title; not the next act of a list
    ("nl", "Verordening (EU) 2025/2518 tot vaststelling van aanvullende procedureregels voor de handhaving van de "
           "Algemene verordening gegevensbescherming (AVG) is verschenen.",
     {("celex/32025R2518", "refersTo", "celex/32016R0679")}),
    ("en", "It applies with Directive (EU) 2019/1937 on the protection of persons who report breaches and Directive (EU) "
           "2020/1828 on representative actions.", set()),
    # an apposition that says what the thing is part of; not "a fund of funds set up by the EIB"
    ("en", "Companies can also turn to HERA Invest, a EUR 100 million facility under InvestEU.",
     {("programme/hera-invest", "partOf", "programme/investeu")}),
    ("nl", "Bedrijven kunnen ook terecht bij HERA Invest, een faciliteit van 100 miljoen euro onder InvestEU.",
     {("programme/hera-invest", "partOf", "programme/investeu")}),
    ("en", "An example is the European Tech Champions Initiative, a fund of funds set up by the EIB Group.",
     {("institution/european-investment-bank", "establishes", "programme/european-tech-champions-initiative")}),
    # a long noun phrase before "under": the list was adopted, not the regulation
    ("en", "The Plan builds on the revised TEN-E Regulation, Regulation (EU) 2022/869. Today the Commission also adopted "
           "the first Union list of PCIs and Projects of Mutual Interest under that Regulation.", set()),
    # "a Network in which national experts and the Commission ...": a relative clause, not a list
    ("en", "The Commission presented the EU Stockpiling Strategy. The Strategy sets up an EU Stockpiling Network in "
           "which national experts and the Commission map stocks and needs.",
     {("instrument/eu-stockpiling-strategy", "adoptedBy", "institution/european-commission"),
      ("instrument/eu-stockpiling-strategy", "establishes", "institution/eu-stockpiling-network"),
      ("institution/european-commission", "participatesIn", "institution/eu-stockpiling-network")}),
    # "research funded under Horizon Europe": the participle is about the unnamed noun before it
    ("en", "The ECCC manages the cybersecurity strand of the Digital Europe Programme and also manages cybersecurity "
           "research funded under Horizon Europe.",
     {("institution/european-cybersecurity-competence-centre", "implements", "programme/digital-europe"),
      ("institution/european-cybersecurity-competence-centre", "implements", "programme/horizon-europe")}),
    ("en", "The AI Factories are co-funded through the Digital Europe Programme.",
     {("programme/ai-factories", "fundedThrough", "programme/digital-europe")}),
    # the body a subject belongs to is not the subject
    ("nl", "Het Bureau Toetsing Investeringen (BTI) van het ministerie van Economische Zaken en Klimaat voert de Wet op "
           "het financieel toezicht uit.",
     {("institution/bureau-toetsing-investeringen", "implements", "instrument/wet-op-het-financieel-toezicht")}),
    # without a topic noun, no guess at the object
    ("en", "The Entry/Exit System (EES) goes live. The EES registers travellers. The central database was developed "
           "and is operated by eu-LISA, the EU Agency for large-scale IT systems.", set()),
    # a programme named after the body or programme it belongs to is a strand of it; its own fund is not
    ("en", "The European Innovation Council (EIC) opens calls under EIC Pathfinder and EIC Transition, while "
           "the EIC Fund takes equity stakes.",
     {("programme/eic-pathfinder", "partOf", "institution/european-innovation-council"),
      ("programme/eic-transition", "partOf", "institution/european-innovation-council")}),
    # a programme right before "under" belongs to the programme after it; "the heart of" a programme is part of it
    ("en", "The EU Mission on Cancer under Horizon Europe works alongside the Europe's Beating Cancer Plan.",
     {("programme/mission-cancer", "partOf", "programme/horizon-europe")}),
    ("nl", "De opbrengst gaat naar groene uitgaven onder de herstel- en veerkrachtfaciliteit, het hart van NextGenerationEU.",
     {("programme/recovery-and-resilience-facility", "partOf", "programme/nextgenerationeu")}),
    # a body known by one word ("Council") that ends a longer name is that name's head, not the Council
    ("en", "A Technology Council on advanced materials will be set up by the Commission.",
     {("institution/european-commission", "establishes", "institution/technology-council")}),
    # a named act, what it is for, then its number: one act
    ("en", "The Government assesses the Industrial Action Plan for the European automotive sector (COM(2025) 95), "
           "which the European Commission presented on 5 March 2025.",
     {("celex/52025DC0095", "targetsSector", "sector/automotive"),
      ("celex/52025DC0095", "adoptedBy", "institution/european-commission")}),
    # areas after a colon are areas of work, not sectors
    ("en", "The Digital Europe Programme proposes measures in five areas: innovation and digitalisation, clean "
           "mobility, skills and the social dimension.", set()),
    # "in which industry, the public sector ...": "which industry" is no sector
    ("en", "The Apply AI Alliance is a forum in which industry, the public sector and academia coordinate their work.",
     {("programme/apply-ai-alliance", "targetsSector", "sector/public-sector")}),
    # a lower-case "Europese raad" is a description, not the European Council
    ("nl", "De Commissie richt een Europese raad op hoog niveau voor vaardigheden op.", set()),
    # nothing in the news sets up the Commission ("zet de Commissie die pool op")
    ("nl", "Zodra het Europees Parlement en de Raad het voorstel hebben aangenomen, zet de Commissie die pool op.", set()),
    # "X, a Joint Communication ...": a name typed by its apposition, capitalised or not
    ("en", "The European Commission and the High Representative yesterday presented the European Democracy Shield, "
           "a Joint Communication with measures to protect elections.",
     {("instrument/european-democracy-shield", "adoptedBy", "institution/european-commission"),
      ("instrument/european-democracy-shield", "adoptedBy", "institution/high-representative")}),
    # "stelt ... in" sets up; it adopts nothing
    ("nl", "De verordening stelt een onafhankelijke auditraad in, die de Commissie adviseert over risico's op fraude.",
     set()),
    # a repeated "van" continues the list of amended acts
    ("nl", "Tegelijk werd Richtlijn (EU) 2023/959 aangenomen, tot wijziging van de EU-emissiehandelsrichtlijn "
           "(Richtlijn 2003/87/EG) en van het besluit over de marktstabiliteitsreserve (Besluit (EU) 2015/1814).",
     {("celex/32023L0959", "amends", "celex/32003L0087"), ("celex/32023L0959", "amends", "celex/32015D1814")}),
    # a short form with a year is the act of that year named before
    ("nl", "Het mechanisme is ingesteld bij Besluit nr. 1313/2013/EU. Sinds Besluit (EU) 2019/420, dat het besluit "
           "uit 2013 wijzigde, beschikt de EU over een reserve.",
     {("celex/32019D0420", "amends", "celex/32013D1313")}),
    # the bodies that work in a network "in which" they do something take part in it
    ("en", "The Strategy sets up an EU Stockpiling Network in which national experts and the Commission map stocks.",
     {("institution/european-commission", "participatesIn", "institution/eu-stockpiling-network")}),
    # "waarin de lidstaten samen met de Commissie ...": "samen met" does not end the group
    ("nl", "Bij de verordening wordt een EHDS-raad (European Health Data Space Board) ingesteld, waarin de lidstaten "
           "samen met de Commissie zitting hebben.",
     {("institution/european-commission", "participatesIn", "institution/ehds-board")}),
    # "loopt via" a programme is funded through it; after a semicolon the clause has a subject of its own
    ("nl", "Het Quantum Flagship loopt inmiddels via Horizon Europa; de infrastructuur krijgt daarnaast geld uit het "
           "programma Digitaal Europa.",
     {("programme/quantum-flagship", "fundedThrough", "programme/horizon-europe")}),
    # ... unless a pronoun points back
    ("en", "On the same day, Council Regulation (EU) 2023/1782 took effect; it amends Council Regulation (EU) 2021/2085.",
     {("celex/32023R1782", "amends", "celex/32021R2085"),
      ("celex/32023R1782", "adoptedBy", "institution/council-of-the-european-union")}),
    # what a body deploys or operates, it implements
    ("en", "The AI Gigafactories will be deployed by the EuroHPC Joint Undertaking.",
     {("institution/eurohpc-joint-undertaking", "implements", "programme/ai-gigafactories")}),
    ("en", "EUSPA operates Galileo on a day-to-day basis.",
     {("institution/european-union-agency-for-the-space-programme", "implements", "programme/galileo")}),
    # partners named after "samen met" are not the subject of the next verb
    ("nl", "Het kader wordt uitgevoerd samen met de Europese Investeringsbank (EIB) en de Europese Bank voor "
           "Wederopbouw en Ontwikkeling (EBRD) en richt zich op sectoren als energie, vervoer en landbouw.", set()),
    # "Both Directives ..." opening a sentence: the two directives the sentence before names
    ("en", "Member States must complete the implementation of the Critical Entities Resilience Directive (Directive (EU) "
           "2022/2557) and the NIS2 Directive (Directive (EU) 2022/2555). Both Directives apply to sectors such as "
           "energy and transport.",
     {("celex/32022L2557", "targetsSector", "sector/energy"), ("celex/32022L2557", "targetsSector", "sector/transport"),
      ("celex/32022L2555", "targetsSector", "sector/energy"), ("celex/32022L2555", "targetsSector", "sector/transport")}),
    # ... not when they are acted on ("Those three acts would be repealed, as would ...")
    ("en", "The Digital Omnibus amends the Data Act (Regulation (EU) 2023/2854) so that it absorbs the Data Governance Act "
           "(Regulation (EU) 2022/868) and the Open Data Directive (Directive (EU) 2019/1024). Those two acts would be "
           "repealed, as would the platform-to-business Regulation (Regulation (EU) 2019/1150).",
     {("instrument/digital-omnibus", "amends", "celex/32023R2854")}),
    # "will propose" an act proposes it; "will propose a revision of" an act does not propose the act
    ("en", "The Commission will propose an EU Biotech Act to create a framework for biotechnology.",
     {("instrument/eu-biotech-act", "proposedBy", "institution/european-commission")}),
    ("en", "The Commission will propose a revision of the Europol Regulation (Regulation (EU) 2016/794).", set()),
    # "succeeds" and "will complement" refer to the earlier paper; "of 2020" joins a name to its number
    ("en", "The Communication (COM(2025) 148) succeeds the EU Security Union Strategy of 2020 (COM(2020) 605).",
     {("celex/52025DC0148", "refersTo", "celex/52020DC0605")}),
    # a short name and the act's number in one pair of brackets name the act before them; three acts
    # listed with commas are a list even when "and" comes before a name with a hyphen ("F-gas")
    ("en", "The Commission proposed a Directive (COM(2025) 502) amending the Markets in Financial Instruments "
           "Directive (MiFID II, Directive 2014/65/EU).",
     {("celex/52025PC0502", "proposedBy", "institution/european-commission"),
      ("celex/52025PC0502", "amends", "celex/32014L0065")}),
    ("en", "The Commission proposed a Regulation (COM(2025) 501) amending the Prospectus Regulation (Regulation (EU) "
           "2017/1129), the Batteries Regulation (Regulation (EU) 2023/1542) and the F-gas Regulation (Regulation (EU) "
           "2024/573).",
     {("celex/52025PC0501", "proposedBy", "institution/european-commission"),
      ("celex/52025PC0501", "amends", "celex/32017R1129"), ("celex/52025PC0501", "amends", "celex/32023R1542"),
      ("celex/52025PC0501", "amends", "celex/32024R0573")}),
    # a modal verb ends a sector list: "..., kunnen de databank gebruiken" is no sector
    ("nl", "Richtlijn (EU) 2022/2555 (NIS2) is van kracht. Organisaties in sectoren als energie, vervoer en drinkwater "
           "kunnen de databank gebruiken om hun systemen sneller te patchen.",
     {("celex/32022L2555", "targetsSector", "sector/energy"), ("celex/32022L2555", "targetsSector", "sector/transport"),
      ("celex/32022L2555", "targetsSector", "sector/drinking-water")}),
    # "expected to propose extending" an act proposes a change, not the act
    ("en", "The CBAM Regulation (Regulation (EU) 2023/956) applies. Before the end of 2025 the Commission is expected to "
           "propose extending the CBAM to certain downstream products.", set()),
    # "Het voorstel kwam ... van de Commissie": proposed by it; a date's year before "van de" names no act's author;
    # the Parliament and the Council never propose
    ("nl", "Verordening (EU) 2024/568 is van toepassing. De nieuwe verordening vervangt het oude stelsel. Het voorstel "
           "kwam in december 2022 van de Europese Commissie; het Europees Parlement en de Raad hebben de verordening "
           "begin 2024 aangenomen.",
     {("celex/32024R0568", "proposedBy", "institution/european-commission"),
      ("celex/32024R0568", "adoptedBy", "institution/european-parliament"),
      ("celex/32024R0568", "adoptedBy", "institution/council-of-the-european-union")}),
    ("nl", "Het kabinet steunt het plan ReArm Europe/Readiness 2030 van de Commissie.",
     {("programme/rearm-europe", "adoptedBy", "institution/european-commission")}),
    # "Both are repealed by the new Regulation": the two acts the sentence before names, repealed by the newest
    # Regulation of the item; "Council Regulation" gives the Council that act only, not the next one listed
    ("en", "Regulation (EU) 2024/568 applies from today. Until now those fees were set by two separate acts: Council "
           "Regulation (EC) No 297/95 for most procedures and Regulation (EU) No 658/2014 for pharmacovigilance "
           "activities. Both are repealed by the new Regulation.",
     {("celex/31995R0297", "adoptedBy", "institution/council-of-the-european-union"),
      ("celex/32024R0568", "repeals", "celex/31995R0297"), ("celex/32024R0568", "repeals", "celex/32014R0658")}),
    # "Omnibus I", "Omnibus II": packages named by a numeral
    ("nl", "Eerder presenteerde de Commissie al Omnibus I over duurzaamheidsrapportage en Omnibus II over investeringen.",
     {("instrument/omnibus-i", "adoptedBy", "institution/european-commission"),
      ("instrument/omnibus-ii", "adoptedBy", "institution/european-commission")}),
    # a time or adverb between "neemt" and "deel aan", "taken part directly in"
    ("nl", "ENISA neemt sinds januari 2024 zelf deel aan het CVE-programma als CVE Numbering Authority.",
     {("institution/european-union-agency-for-cybersecurity", "participatesIn", "programme/cve-programma")}),
    ("en", "Since 2024 ENISA has taken part directly in the CVE Programme.",
     {("institution/european-union-agency-for-cybersecurity", "participatesIn", "programme/cve-programme")}),
    # an unnamed proposal, the act it amends, then its number: the number is the proposal's
    ("en", "The Commission presented a proposal amending Directive 2009/38/EC on 24 January 2024 (COM(2024) 14).",
     {("celex/52024PC0014", "proposedBy", "institution/european-commission"),
      ("celex/52024PC0014", "amends", "celex/32009L0038")}),
    ("nl", "De Commissie presenteerde op 24 januari 2024 een voorstel tot wijziging van Richtlijn 2009/38/EG (COM(2024) 14).",
     {("celex/52024PC0014", "proposedBy", "institution/european-commission"),
      ("celex/52024PC0014", "amends", "celex/32009L0038")}),
    # "Beide wetten" after a sentence that names one of them: the other is in the sentence before it
    ("nl", "Het fonds is ingesteld bij Verordening (EU) 2023/955. Tegelijk werd Richtlijn (EU) 2023/959 aangenomen, tot "
           "wijziging van Richtlijn 2003/87/EG. Beide wetten maakten deel uit van het Fit for 55-pakket.",
     {("celex/32023L0959", "amends", "celex/32003L0087"), ("celex/32023R0955", "partOf", "programme/fit-for-55"),
      ("celex/32023L0959", "partOf", "programme/fit-for-55")}),
    # "transposed through an amendment of" a national act: no amends from the directive
    ("en", "Directive 2009/38/EC recast the original Directive of 1994. The Directive will be transposed through an "
           "amendment of the Dutch European Works Councils Act.", set()),
    # "the committees of EMA, such as X and Y": each is part of EMA (not of each other)
    ("en", "Experts sit in the scientific committees of EMA, such as the Committee for Medicinal Products for Human Use "
           "(CHMP) and the Pharmacovigilance Risk Assessment Committee (PRAC).",
     {("institution/committee-for-medicinal-products-for-human-use", "partOf", "institution/european-medicines-agency"),
      ("institution/pharmacovigilance-risk-assessment-committee", "partOf", "institution/european-medicines-agency")}),
    ("nl", "Zij werken in de wetenschappelijke comités van het EMA, zoals het Comité voor geneesmiddelen voor menselijk "
           "gebruik (CHMP) en het Risicobeoordelingscomité voor geneesmiddelenbewaking (PRAC).",
     {("institution/comite-voor-geneesmiddelen-voor-menselijk-gebruik", "partOf", "institution/european-medicines-agency"),
      ("institution/risicobeoordelingscomite-voor-geneesmiddelenbewaking", "partOf",
       "institution/european-medicines-agency")}),
    # "is een uitwerking van", "geeft uitvoering aan": the paper an act or package works out
    ("nl", "Omnibus IV is een uitwerking van het Kompas voor concurrentievermogen (COM(2025) 30).",
     {("instrument/omnibus-iv", "refersTo", "celex/52025DC0030")}),
    ("nl", "Het pakket (COM(2024) 22) geeft uitvoering aan de Europese strategie voor economische veiligheid "
           "(JOIN(2023) 20).",
     {("celex/52024DC0022", "refersTo", "celex/52023JC0020")}),
    # implements: what a body develops or selects, in apposition; a body acting as a programme's provider
    ("en", "The AI Factories, selected and co-funded by the EuroHPC Joint Undertaking, give start-ups access to "
           "supercomputing.",
     {("institution/eurohpc-joint-undertaking", "implements", "programme/ai-factories")}),
    ("en", "EUSPA acts as the Galileo service provider.",
     {("institution/european-union-agency-for-the-space-programme", "implements", "programme/galileo")}),
    ("nl", "Het Europees Centrum voor weersverwachtingen op middellange termijn (ECMWF) ontwikkelt de Digital Twin Engine.",
     {("institution/ecmwf", "implements", "programme/destine-digital-twin-engine")}),
    # ... not software a body developed, nor a machine a supplier built
    ("en", "ENISA opened the European Vulnerability Database (EUVD). The platform is built on Vulnerability-Lookup, "
           "open-source software developed by CIRCL, the computer emergency response team of Luxembourg.", set()),
    # what a paper announces is part of it; not what the sentence goes on to name after another verb
    ("en", "A Scaleup Europe Fund, announced in the EU Startup and Scaleup Strategy of May 2025, is meant to add capital.",
     {("programme/scaleup-europe-fund", "partOf", "instrument/eu-startup-and-scaleup-strategy")}),
    ("en", "The Strategy (COM(2025) 420) was announced in the Political Guidelines 2024-2029 and follows up on the "
           "Competitiveness Compass (COM(2025) 30).",
     {("celex/52025DC0420", "refersTo", "celex/52025DC0030")}),
    ("nl", "De Europese Commissie kondigde de verordening inzake netto-nultechnologieën (Verordening (EU) 2024/1735) aan "
           "in het Green Deal-industrieplan (COM(2023) 62).",
     {("celex/32024R1735", "partOf", "celex/52023DC0062")}),
    ("nl", "Naast het staatssteunkader kondigde de Commissie in de Clean Industrial Deal een Bank voor industriële "
           "decarbonisatie aan.",
     {("programme/industrial-decarbonisation-bank", "partOf", "celex/52025DC0085")}),
    # "the Digital Omnibus (COM(2025) 837)": a name on "Omnibus" is the proposal its number gives
    ("en", "The Digital Omnibus (COM(2025) 837) amends the Data Act (Regulation (EU) 2023/2854).",
     {("celex/52025PC0837", "amends", "celex/32023R2854")}),
    # "presenteerde en die ...": the verb's object is the relative clause's antecedent, not the act after it;
    # "vastgesteld op grond van de verordening": the act is the legal basis, not what was adopted
    ("nl", "De Critical Raw Materials Act (Verordening (EU) 2024/1252) is van kracht. De selectie sluit aan bij de Clean "
           "Industrial Deal, die de Commissie op 26 februari 2025 presenteerde en die voortbouwt op de verordening.",
     {("celex/52025DC0085", "adoptedBy", "institution/european-commission")}),
    ("nl", "De Europese Commissie heeft vandaag de eerste lijst van 47 strategische projecten vastgesteld op grond van de "
           "verordening kritieke grondstoffen (Critical Raw Materials Act, CRMA).", set()),
]


@pytest.mark.parametrize("lang,text,expected", EXACT)
def test_relation_phrasings_exactly(lang, text, expected):
    assert relations(text, lang) == expected


def test_a_list_of_sectors_after_the_council_belongs_to_the_act_not_the_council():
    found = relations("Richtlijn (EU) 2022/2557 is omgezet. De richtlijn wordt aangevuld door de aanbeveling van de "
                      "Raad van 8 december 2022 over kritieke infrastructuur, die de Raad aannam en die voorrang geeft "
                      "aan energie, digitale infrastructuur, vervoer en ruimtevaart.", "nl")
    targeting = {(subject, obj) for subject, prop, obj in found if prop == "targetsSector"}
    assert {obj for _, obj in targeting} == {"sector/energy", "sector/digital-infrastructure", "sector/transport",
                                              "sector/space"}
    assert {subject for subject, _ in targeting} == {
        subject for subject, prop, _ in found if prop == "adoptedBy" and subject.startswith("instrument/")}


def test_the_com_number_after_a_proposal_to_amend_a_regulation_is_the_proposals():
    found = relations("Onderdeel van het REPowerEU-plan (COM(2022) 230) was een voorstel tot wijziging van de "
                      "verordening over de herstel- en veerkrachtfaciliteit (COM(2022) 231).", "nl")
    assert ("celex/52022PC0231", "partOf", "celex/52022DC0230") in found
    amended = [o for s, p, o in found if s == "celex/52022PC0231" and p == "amends"]
    assert len(amended) == 1 and amended[0].startswith("instrument/")  # the unnamed regulation, not the proposal
