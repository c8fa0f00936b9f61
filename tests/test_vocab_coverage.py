"""General vocabulary coverage: international and national bodies EU policy works with, the CEF
strands and trans-European networks, Team Europe partners, EUDR commodities, building and defence
sectors, and the sector-list rule that "as well as" joins two members."""

from __future__ import annotations

import pytest

from policykg.extract import extract
from policykg.lang.rules import for_language
from policykg.model import NewsItem
from policykg.sectors import sector_list_candidates
from policykg.vocabbuild import INSTITUTION_KINDS
from policykg.vocabulary import load_vocabulary

ID = "https://w3id.org/policykg/id/"


def mentions(text: str, lang: str) -> dict[str, tuple[str, str]]:
    """Mention text -> (entity IRI, class)."""
    found = extract(NewsItem(id="case", title="Titel", body=text, lang=lang))
    classes = {e.iri: e.cls for e in found.entities}
    return {m.text: (m.entity, classes[m.entity]) for m in found.mentions}


@pytest.mark.parametrize("label,iri,cls", [
    ("International Labour Organization", "institution/ilo", "Institution"),
    ("Internationale Arbeidsorganisatie", "institution/ilo", "Institution"),
    ("EOTA", "institution/eota", "Institution"),
    ("EBRD", "institution/ebrd", "Institution"),
    ("Agence française de développement", "institution/afd", "Institution"),
    ("KfW", "institution/kfw", "Institution"),
    ("FCH 2 JU", "institution/fch2-joint-undertaking", "Institution"),
    ("Gemeenschappelijke Onderneming Brandstofcellen en Waterstof 2", "institution/fch2-joint-undertaking",
     "Institution"),
    ("Union Network Against Forced Labour Products", "institution/forced-labour-network", "Institution"),
    ("ministerie van Landbouw, Visserij, Voedselzekerheid en Natuur", "institution/nl-ministry-lvvn", "Institution"),
    ("LVVN", "institution/nl-ministry-lvvn", "Institution"),
    ("FIU-Nederland", "institution/fiu-nl", "Institution"),
    ("EIC Board", "institution/eic-board", "Institution"),
    ("CEF Transport", "programme/cef-transport", "Programme"),
    ("CEF Energie", "programme/cef-energy", "Programme"),
    ("CEF Digitaal", "programme/cef-digital", "Programme"),
    ("TEN-T", "programme/ten-t", "Programme"),
    ("trans-Europees vervoersnetwerk", "programme/ten-t", "Programme"),
    ("EUDIS", "programme/eudis", "Programme"),
    ("Team Europe", "programme/team-europe", "Initiative"),
    ("Single European Sky", "programme/single-european-sky", "Initiative"),
    ("Rail Baltica", "programme/rail-baltica", "Initiative"),
    ("ReArm Europe", "programme/rearm-europe", "Package"),
    ("Knowledge Centre on Cancer", "programme/knowledge-centre-on-cancer", "Initiative"),
    ("STEP-zegel", "programme/step-seal", "Programme"),
    ("antiwitwaspakket", "programme/aml-package", "Package"),
    ("cacao", "sector/cocoa", "Sector"),
    ("palm oil", "sector/palm-oil", "Sector"),
    ("soja", "sector/soya", "Sector"),
    ("timber", "sector/wood", "Sector"),
    ("datacenters", "sector/data-centres", "Sector"),
    ("sociale huisvesting", "sector/social-housing", "Sector"),
    ("military mobility", "sector/military-mobility", "Sector"),
    ("binnenvaart", "sector/inland-waterways", "Sector"),
])
def test_the_vocabulary_knows(label, iri, cls):
    entries = load_vocabulary().lookup(label)
    assert [(e.iri, e.cls) for e in entries] == [(ID + iri, cls)]


def test_national_is_a_kind_of_institution():
    assert "national" in INSTITUTION_KINDS


def test_ses_is_no_acronym_of_the_single_european_sky():
    """SES is also a satellite operator (IRIS² consortium): the acronym alone must not link to the airspace."""
    assert not [e for e in load_vocabulary().lookup("SES") if e.iri == ID + "programme/single-european-sky"]


def test_a_dutch_ministry_with_commas_in_its_name_is_one_institution():
    found = mentions("Het ministerie van Landbouw, Visserij, Voedselzekerheid en Natuur (LVVN) is verantwoordelijk "
                     "voor het beleid; de Douane controleert bij invoer.", "nl")
    assert found["ministerie van Landbouw, Visserij, Voedselzekerheid en Natuur"] == (
        ID + "institution/nl-ministry-lvvn", "Institution")
    assert found["Douane"] == (ID + "institution/nl-customs", "Institution")


@pytest.mark.parametrize("text", [
    "The Recommendation covers sectors such as schools, hospitals, as well as playgrounds.",
    "The Recommendation covers sectors such as schools and hospitals as well as playgrounds.",
])
def test_as_well_as_joins_two_members_of_a_sector_list(text):
    found = [c.text for c in sector_list_candidates(text, for_language("en"))]
    assert found == ["schools", "hospitals", "playgrounds"]
