"""The Parliament's and the Council's votes, told in the short-hand of news, give adoptedBy."""

from __future__ import annotations

import pytest

from policykg.extract import extract
from policykg.model import NewsItem

PKR = "https://w3id.org/policykg/id/"
EP = PKR + "institution/european-parliament"
COUNCIL = PKR + "institution/council-of-the-european-union"
COMMISSION = PKR + "institution/european-commission"


def adoptions(title: str, body: str, lang: str) -> set[tuple[str, str]]:
    ex = extract(NewsItem(id="case", title=title, body=body, lang=lang))
    return {(r.subject, r.object) for r in ex.relations if r.property == "adoptedBy"}


CASES = [
    # the act left unsaid: the law the item is about
    ("nl", "Ontbossingsverordening van kracht",
     "Verordening (EU) 2023/1115 over ontbossingsvrije producten is van kracht. De verordening geldt vanaf 2025. "
     "Het Parlement stemde op 17 april in; de Raad volgde een maand later.",
     {(PKR + "celex/32023R1115", EP), (PKR + "celex/32023R1115", COUNCIL)}),
    ("en", "Repair rules in force",
     "Directive (EU) 2024/1799 on the repair of goods is in force. The Commission proposed the Directive in "
     "March 2023 (COM(2023) 155). The European Parliament voted the text through on 23 April 2024 and the "
     "Council adopted it on 30 May.",
     {(PKR + "celex/32024L1799", EP), (PKR + "celex/32024L1799", COUNCIL)}),
    # one co-legislator stated, the other in ellipsis
    # no adoption stated, one law named: that law
    ("nl", "SoHO-verordening",
     "Verordening (EU) 2024/1938 over stoffen van menselijke oorsprong is gepubliceerd. Na akkoord in het Europees "
     "Parlement in april en in de Raad in mei werd de verordening op 13 juni 2024 door beide instellingen ondertekend.",
     {(PKR + "celex/32024R1938", EP), (PKR + "celex/32024R1938", COUNCIL)}),
    ("en", "Political ads",
     "Regulation (EU) 2024/900 on political advertising applies from October. "
     "The European Parliament adopted the Regulation on 27 February 2024 and the Council on 11 March 2024.",
     {(PKR + "celex/32024R0900", EP), (PKR + "celex/32024R0900", COUNCIL)}),
    ("en", "Cyber Resilience Act in force",
     "Regulation (EU) 2024/2847, the Cyber Resilience Act, is in force. The European Parliament adopted its "
     "position on 12 March 2024, and the Council adopted the Regulation on 10 October 2024.",
     {(PKR + "celex/32024R2847", EP), (PKR + "celex/32024R2847", COUNCIL)}),
]


@pytest.mark.parametrize("lang,title,body,expected", CASES, ids=[c[1] for c in CASES])
def test_the_co_legislators_adopt_the_act_the_sentence_means(lang, title, body, expected):
    assert adoptions(title, body, lang) == expected


def test_no_law_the_item_is_about_no_guess():
    # two laws mentioned equally often: which one the Council adopted is not told
    found = adoptions("Two acts", "Regulation (EU) 2024/900 and Directive (EU) 2024/1799 are in force. "
                      "The Parliament voted in April and the Council followed in May.", "en")
    assert not found


def test_a_communication_is_never_adopted_by_the_co_legislators():
    found = adoptions("Circular economy",
                      "The Circular Economy Action Plan (COM(2020) 98) set the aims. "
                      "The Council endorsed the plan in December.", "en")
    assert (PKR + "celex/52020DC0098", COUNCIL) not in found


def test_a_sentence_about_a_programme_is_not_about_the_law():
    found = adoptions("Chips Act", "Regulation (EU) 2023/1781, the Chips Act, is in force. The Regulation sets up "
                      "the Chips for Europe Initiative. The Council approved the Chips for Europe Initiative budget.",
                      "en")
    assert (PKR + "celex/32023R1781", COUNCIL) not in found


def proposals(title: str, body: str, lang: str) -> set[tuple[str, str]]:
    ex = extract(NewsItem(id="case", title=title, body=body, lang=lang))
    return {(r.subject, r.object) for r in ex.relations if r.property == "proposedBy"}


def test_the_law_the_item_is_about_was_proposed_where_its_proposal_was():
    found = proposals("Energy efficiency", "Directive (EU) 2023/1791 on energy efficiency is in force. The Directive "
                      "sets a binding target. The European Commission proposed the recast in July 2021 "
                      "(COM(2021) 558).", "en")
    assert found == {(PKR + "celex/52021PC0558", COMMISSION), (PKR + "celex/32023L1791", COMMISSION)}


def test_a_proposal_beside_another_law_says_nothing_about_the_main_law():
    found = proposals("Energy efficiency", "Directive (EU) 2023/1791 on energy efficiency is in force. The Directive "
                      "sets a binding target. In 2023 the Commission proposed a revision of Regulation (EU) 2018/1999 "
                      "(COM(2023) 148).", "en")
    assert (PKR + "celex/52023PC0148", COMMISSION) in found
    assert (PKR + "celex/32023L1791", COMMISSION) not in found


def test_a_package_in_the_sentence_is_not_what_the_co_legislators_adopted():
    # the package is neither the act adopted nor a reason to give up on the law the item is about
    found = adoptions("Energy efficiency", "Richtlijn (EU) 2023/1791 treedt in werking. De herziening werd in juli "
                      "2021 door de Commissie voorgesteld (COM(2021) 558), als onderdeel van het Fit for 55-pakket, en "
                      "in 2023 door het Parlement en de Raad aangenomen.", "nl")
    assert found == {(PKR + "celex/32023L1791", EP), (PKR + "celex/32023L1791", COUNCIL)}


def parts(title: str, body: str, lang: str) -> set[tuple[str, str]]:
    ex = extract(NewsItem(id="case", title=title, body=body, lang=lang))
    return {(r.subject, r.object) for r in ex.relations if r.property == "partOf"}


FIT_FOR_55 = PKR + "programme/fit-for-55"


@pytest.mark.parametrize("lang,body,law,proposal", [
    # passive, the author as agent: the proposal in brackets is the subject, not the package after it
    ("en", "Regulation (EU) 2023/956 sets up the mechanism. Regulation (EU) 2023/956 applies in stages. The mechanism "
     "was proposed by the Commission in July 2021 (COM(2021) 564) as part of the Fit for 55 package and was adopted "
     "by the European Parliament and the Council on 10 May 2023.", "32023R0956", "52021PC0564"),
    # active, the author as subject, the law named by a short form ("the recast"): the law is what the
    # sentence says is part of the package
    ("en", "Directive (EU) 2023/1791 enters into force. The Directive sets a target. The European Commission proposed "
     "the recast in July 2021 (COM(2021) 558) as part of the Fit for 55 package.", "32023L1791", None),
    ("nl", "Richtlijn (EU) 2023/1791 treedt in werking. De richtlijn stelt een doel. De Europese Commissie stelde de "
     "herschikking in juli 2021 voor (COM(2021) 558) als onderdeel van het Fit for 55-pakket.",
     "32023L1791", None),
])
def test_a_law_proposed_as_part_of_a_package_is_part_of_it(lang, body, law, proposal):
    found = parts("News", body, lang)
    if proposal is not None:
        assert (PKR + "celex/" + proposal, FIT_FOR_55) in found
    assert (PKR + "celex/" + law, FIT_FOR_55) in found
    assert all(subject != FIT_FOR_55 for subject, _ in found)


def test_a_package_is_never_adopted_by_the_co_legislators():
    found = adoptions("News", "The Commission presented the Fit for 55 package in July 2021, and the European "
                      "Parliament and the Council adopted it in 2023.", "en")
    assert found == {(FIT_FOR_55, COMMISSION)}


def test_several_texts_adopted_are_the_acts_the_next_list_items_open_with():
    found = adoptions("Elektriciteitsmarkt hervormd",
                      "Het Europees Parlement en de Raad hebben de marktherziening op 13 juni 2024 vastgesteld, verdeeld "
                      "over twee besluiten:\n- Verordening (EU) 2024/1747 tot wijziging van Verordening (EU) 2019/943;\n"
                      "- Richtlijn (EU) 2024/1711 tot wijziging van Richtlijn (EU) 2018/2001.", "nl")
    acts = {PKR + "celex/32024R1747", PKR + "celex/32024L1711"}
    assert found == {(act, body) for act in acts for body in (EP, COUNCIL)}


def test_several_texts_adopted_but_fewer_acts_after_it_no_guess():
    # the sentence after names one act that amends another: not the two texts adopted
    found = adoptions("Cyber", "The Commission proposed the Act in April 2023. "
                      "The European Parliament and the Council adopted both texts in December 2024.\n"
                      "The targeted amendment, Regulation (EU) 2025/37, amends Regulation (EU) 2019/881.\n"
                      "The Netherlands took part in the negotiations.", "en")
    assert (PKR + "celex/32019R0881", EP) not in found and (PKR + "celex/32019R0881", COUNCIL) not in found


def test_both_directives_look_back_to_the_law_proposed_and_the_one_beside_it():
    found = adoptions("CER-richtlijn", "Richtlijn (EU) 2022/2557 over de weerbaarheid van kritieke entiteiten moet zijn "
                      "omgezet. De richtlijn vervangt een oudere. De Europese Commissie deed het voorstel in december 2020 "
                      "(COM(2020) 829), tegelijk met het voorstel voor de NIS2-richtlijn. Het Europees Parlement en de "
                      "Raad stelden beide richtlijnen op 14 december 2022 vast.", "nl")
    acts = {PKR + "celex/32022L2557", PKR + "celex/32022L2555"}
    assert found == {(act, body) for act in acts for body in (EP, COUNCIL)}


def test_a_later_procedure_is_not_the_procedure_of_an_older_law():
    # the GDPR (2016) is what the item names most; the proposal of 2023 and the vote of 2024 are not its own
    ex = extract(NewsItem(id="case", title="Nieuwe procedureregels voor AVG-zaken", lang="nl", body=(
        "De AVG (Verordening (EU) 2016/679) geldt sinds mei 2018. De AVG geldt voor alle bedrijven. "
        "De Europese Commissie deed het voorstel op 4 juli 2023 (COM(2023) 348). Het Parlement stelde zijn standpunt "
        "in april 2024 vast.")))
    gdpr = PKR + "celex/32016R0679"
    assert not {(r.property, r.object) for r in ex.relations if r.subject == gdpr} & {
        ("proposedBy", COMMISSION), ("adoptedBy", EP)}
    assert (PKR + "celex/52023PC0348", "proposedBy", COMMISSION) in {(r.subject, r.property, r.object) for r in ex.relations}
