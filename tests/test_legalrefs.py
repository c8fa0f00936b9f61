"""Legal references: a table of Dutch and English cases, negatives, and properties."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policykg.legalrefs import DOC_TYPES, LegalRef, celex_for, classify_com, eli_for, find_legal_refs

ELI = "http://data.europa.eu/eli/"
SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "ecer-ai-innovatiepakket-2024-01-24.txt"

# text, matched span, CELEX, ELI (after http://data.europa.eu/eli/, without /oj), pk: class, qualifier
SINGLE = [
    # regulations, since 2015: year/number
    ("Verordening (EU) 2021/1173 tot oprichting van EuroHPC", "Verordening (EU) 2021/1173", "32021R1173", "reg/2021/1173", "Regulation", None),
    ("de zogenoemde EuroHPC-verordening (EU-Verordening 2021/1173)", "EU-Verordening 2021/1173", "32021R1173", "reg/2021/1173", "Regulation", None),
    ("op grond van verordening 2021/1173 zal", "verordening 2021/1173", "32021R1173", "reg/2021/1173", "Regulation", None),
    ("Regulation (EU) 2024/1689 laying down rules on AI", "Regulation (EU) 2024/1689", "32024R1689", "reg/2024/1689", "Regulation", None),
    ("Council Regulation (EU, Euratom) 2020/2093 lays down the MFF", "Regulation (EU, Euratom) 2020/2093", "32020R2093", "reg/2020/2093", "Regulation", None),
    ("Verordening (Euratom) 2021/765 van de Raad", "Verordening (Euratom) 2021/765", "32021R0765", "reg/2021/765", "Regulation", None),
    ("the GDPR, Regulation (EU) No. 2016/679, applies", "Regulation (EU) No. 2016/679", "32016R0679", "reg/2016/679", "Regulation", None),
    ("de Basisverordening (EU) 2021/694 van Digitaal Europa", "verordening (EU) 2021/694", "32021R0694", "reg/2021/694", "Regulation", None),
    # regulations before 2015: No number/year
    ("Regulation (EU) No 1291/2013 established Horizon 2020.", "Regulation (EU) No 1291/2013", "32013R1291", "reg/2013/1291", "Regulation", None),
    ("REACH (Regulation (EC) No 1907/2006)", "Regulation (EC) No 1907/2006", "32006R1907", "reg/2006/1907", "Regulation", None),
    ("REACH (Verordening (EG) nr. 1907/2006)", "Verordening (EG) nr. 1907/2006", "32006R1907", "reg/2006/1907", "Regulation", None),
    ("Regulation (EEC) No 1408/71 on social security", "Regulation (EEC) No 1408/71", "31971R1408", "reg/1971/1408", "Regulation", None),
    ("Verordening (EEG) nr. 1408/71 betreffende", "Verordening (EEG) nr. 1408/71", "31971R1408", "reg/1971/1408", "Regulation", None),
    # implementing and delegated acts keep their type
    ("Uitvoeringsverordening (EU) 2024/1234 van de Commissie", "Uitvoeringsverordening (EU) 2024/1234", "32024R1234", "reg/2024/1234", "Regulation", "implementing"),
    ("Commission Implementing Regulation (EU) 2024/1234 of", "Implementing Regulation (EU) 2024/1234", "32024R1234", "reg/2024/1234", "Regulation", "implementing"),
    ("Gedelegeerde Verordening (EU) 2019/945 over drones", "Gedelegeerde Verordening (EU) 2019/945", "32019R0945", "reg/2019/945", "Regulation", "delegated"),
    ("Commission Delegated Regulation (EU) 2019/945 on drones", "Delegated Regulation (EU) 2019/945", "32019R0945", "reg/2019/945", "Regulation", "delegated"),
    ("Uitvoeringsbesluit (EU) 2022/2481 van de Commissie", "Uitvoeringsbesluit (EU) 2022/2481", "32022D2481", "dec/2022/2481", "Decision", "implementing"),
    ("Commission Implementing Decision (EU) 2022/2481", "Implementing Decision (EU) 2022/2481", "32022D2481", "dec/2022/2481", "Decision", "implementing"),
    # directives
    ("de NIS-richtlijn (Richtlijn 2016/1148)", "Richtlijn 2016/1148", "32016L1148", "dir/2016/1148", "Directive", None),
    ("Richtlijn (EU) 2016/1148 houdende maatregelen", "Richtlijn (EU) 2016/1148", "32016L1148", "dir/2016/1148", "Directive", None),
    ("Directive 2011/24/EU on patients' rights", "Directive 2011/24/EU", "32011L0024", "dir/2011/24", "Directive", None),
    ("Richtlijn 2011/24/EU betreffende patiëntenrechten", "Richtlijn 2011/24/EU", "32011L0024", "dir/2011/24", "Directive", None),
    ("Directive (EU) 2022/2555 (NIS2)", "Directive (EU) 2022/2555", "32022L2555", "dir/2022/2555", "Directive", None),
    ("Directive 95/46/EC was repealed by the GDPR", "Directive 95/46/EC", "31995L0046", "dir/1995/46", "Directive", None),
    # decisions and recommendations
    ("Besluit (EU) 2022/2481 tot vaststelling van het programma", "Besluit (EU) 2022/2481", "32022D2481", "dec/2022/2481", "Decision", None),
    ("Decision (EU) 2022/2481 establishing the Digital Decade", "Decision (EU) 2022/2481", "32022D2481", "dec/2022/2481", "Decision", None),
    ("Decision No 1639/2006/EC establishing a programme", "Decision No 1639/2006/EC", "32006D1639", "dec/2006/1639", "Decision", None),
    ("Besluit 2010/87/EU van de Commissie", "Besluit 2010/87/EU", "32010D0087", "dec/2010/87", "Decision", None),
    ("Aanbeveling (EU) 2023/2113 van de Commissie", "Aanbeveling (EU) 2023/2113", "32023H2113", None, "Recommendation", None),
    ("Recommendation (EU) 2023/2113 on critical technologies", "Recommendation (EU) 2023/2113", "32023H2113", None, "Recommendation", None),
    # Commission documents
    ("de toekomstige AI-verordening (COM(2021) 206) (zie dit bericht)", "COM(2021) 206", "52021PC0206", None, "Proposal", None),
    ("Een mededeling over start-ups en innovatie op het gebied van AI in de EU (COM(2024) 28) (EN)", "COM(2024) 28", "52024DC0028", None, "Communication", None),
    ("the Commission's proposal COM(2024)28 final was", "COM(2024)28 final", "52024PC0028", None, "Proposal", None),
    ("the strategy (COM/2024/28) sets out", "COM/2024/28", "52024DC0028", None, "Communication", None),
    ("het voorstel voor een verordening (COM(2023) 160 final)", "COM(2023) 160 final", "52023PC0160", None, "Proposal", None),
    ("Het Witboek over AI (COM(2020) 65) stelt", "COM(2020) 65", "52020DC0065", None, "Communication", None),
    ("het verslag over de toepassing van de AVG-verordening (COM(2020) 264)", "COM(2020) 264", "52020DC0264", None, "Communication", None),
    ("the Digital Markets Act (COM(2020) 842) was agreed", "COM(2020) 842", "52020PC0842", None, "Proposal", None),
    ("het werkdocument SWD(2024) 12 final over dataruimten", "SWD(2024) 12 final", "52024SC0012", None, "StaffWorkingDocument", None),
    ("the joint communication JOIN(2023) 20 on economic security", "JOIN(2023) 20", "52023JC0020", None, "Communication", None),
    ("Commission Decision C(2024) 390 final establishing the AI Office", "C(2024) 390 final", None, None, "Decision", None),
    # CELEX numbers
    ("zie CELEX 32021R1173 voor de tekst", "CELEX 32021R1173", "32021R1173", "reg/2021/1173", "Regulation", None),
    ("uri=CELEX:32016R0679 on EUR-Lex", "CELEX:32016R0679", "32016R0679", "reg/2016/679", "Regulation", None),
    ("the document 52021PC0206 proposes", "52021PC0206", "52021PC0206", None, "Proposal", None),
    ("Celex-nummer: 32022L2555", "Celex-nummer: 32022L2555", "32022L2555", "dir/2022/2555", "Directive", None),
]

# text, [(span, CELEX)] for texts with several references
MULTI = [
    (
        "Verordeningen (EU) 2021/1173 en (EU) 2021/694",
        [("Verordeningen (EU) 2021/1173", "32021R1173"), ("(EU) 2021/694", "32021R0694")],
    ),
    (
        "Directives 2009/72/EC and 2009/73/EC",
        [("Directives 2009/72/EC", "32009L0072"), ("2009/73/EC", "32009L0073")],
    ),
    (
        "Verordening (EU) 2021/1173, Richtlijn (EU) 2016/1148 en Besluit 2010/87/EU",
        [("Verordening (EU) 2021/1173", "32021R1173"), ("Richtlijn (EU) 2016/1148", "32016L1148"), ("Besluit 2010/87/EU", "32010D0087")],
    ),
    (
        "het voorstel tot wijziging van Richtlijn 2011/24/EU (COM(2023) 5)",
        [("Richtlijn 2011/24/EU", "32011L0024"), ("COM(2023) 5", "52023PC0005")],
    ),
    (
        "a communication on the implementation of Directive 2011/24/EU (COM(2024) 5)",
        [("Directive 2011/24/EU", "32011L0024"), ("COM(2024) 5", "52024DC0005")],
    ),
]

NEGATIVE = [
    "2021/1173 zonder aktewoord",
    "Op 24/01/2024 presenteerde de Commissie",
    "Verordening 24/01/2024",
    "Regulation 2024 was a busy year",
    "Regulation 12/15",
    "the regulation of 1 January 2024",
    "EC(2024) 390",
    "https://example.org/COM(2024) 28",
    "contact 2021/1173",
    "CELEX",
    "een verordening en een richtlijn",
    "1/2 of the budget",
]


@pytest.mark.parametrize(("text", "span", "celex", "eli", "cls", "qualifier"), SINGLE, ids=[c[1] for c in SINGLE])
def test_single_reference(text: str, span: str, celex: str | None, eli: str | None, cls: str, qualifier: str | None) -> None:
    refs = find_legal_refs(text)
    assert [r.text for r in refs] == [span]
    ref = refs[0]
    got = (ref.celex, ref.eli, ref.cls, ref.qualifier)
    assert got == (celex, f"{ELI}{eli}/oj" if eli else None, cls, qualifier)
    assert text[ref.start : ref.end] == ref.text
    assert ref.doc_type in DOC_TYPES


@pytest.mark.parametrize(("text", "expected"), MULTI, ids=[c[0][:40] for c in MULTI])
def test_several_references(text: str, expected: list[tuple[str, str]]) -> None:
    refs = find_legal_refs(text)
    assert [(r.text, r.celex) for r in refs] == expected
    assert all(text[r.start : r.end] == r.text for r in refs)


@pytest.mark.parametrize("text", NEGATIVE)
def test_not_a_reference(text: str) -> None:
    assert find_legal_refs(text) == []


def test_seed_item() -> None:
    if not SEED.exists():
        pytest.skip(f"{SEED} is not here (it lives beside the checkout)")
    text = SEED.read_text(encoding="utf-8")
    refs = find_legal_refs(text)
    assert [(r.text, r.celex, r.cls) for r in refs] == [
        ("EU-Verordening 2021/1173", "32021R1173", "Regulation"),
        ("COM(2021) 206", "52021PC0206", "Proposal"),
        ("COM(2024) 28", "52024DC0028", "Communication"),
    ]
    assert all(text[r.start : r.end] == r.text for r in refs)


def test_fields_of_a_reference() -> None:
    [ref] = find_legal_refs("Zie Uitvoeringsverordening (EU) 2024/1234.")
    assert ref == LegalRef(
        start=4,
        end=41,
        text="Uitvoeringsverordening (EU) 2024/1234",
        doc_type="regulation",
        year=2024,
        number=1234,
        celex="32024R1234",
        eli="http://data.europa.eu/eli/reg/2024/1234/oj",
        cls="Regulation",
        qualifier="implementing",
    )


def test_series_doc_types() -> None:
    text = "COM(2024) 28, SWD(2024) 12, JOIN(2023) 20, C(2024) 390 en CELEX 32021R1173"
    assert [r.doc_type for r in find_legal_refs(text)] == ["COM", "SWD", "JOIN", "C", "celex"]


def test_refs_are_sorted_and_disjoint() -> None:
    text = "CELEX:32021R1173 (Verordening (EU) 2021/1173) en COM(2024) 28; Richtlijn 2016/1148."
    refs = find_legal_refs(text)
    assert [r.start for r in refs] == sorted(r.start for r in refs)
    assert all(a.end <= b.start for a, b in zip(refs, refs[1:]))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("de AI-verordening (COM(2021) 206)", "PC"),
        ("het wetsvoorstel (COM(2021) 206)", "PC"),
        ("the proposal for a directive (COM(2021) 206)", "PC"),
        ("de mededeling over AI (COM(2024) 28)", "DC"),
        ("de Europese datastrategie (COM(2020) 66)", "DC"),
        ("the action plan on AI (COM(2024) 28)", "DC"),
        ("het Witboek (COM(2020) 65)", "DC"),
        ("the report on the application of the GDPR regulation (COM(2020) 264)", "DC"),
        ("COM(2021) 206 final, a proposal for a regulation", "PC"),
        ("Zie ook COM(2024) 28.", "DC"),  # nothing says: the default
        ("De mededeling volgt. Zie COM(2024) 28.", "DC"),  # the earlier sentence does not count
        ("Het voorstel volgt. Zie de mededeling COM(2024) 28.", "DC"),
        # a noun joined by "and" to a complement is part of it
        ("the proposal for a directive on the substantiation and communication of claims (COM(2023) 166)", "PC"),
        ("het voorstel voor een richtlijn over de onderbouwing en mededeling van claims (COM(2023) 166)", "PC"),
        # a plan is a communication, also as the tail of a compound, nearer than the act it announces
        ("kondigde de verordening aan in het Green Deal-industrieplan (COM(2023) 62)", "DC"),
        ("the REPowerEU Plan (COM(2022) 230)", "DC"),
    ],
)
def test_classify_com(text: str, kind: str) -> None:
    ref = next(r for r in find_legal_refs(text) if r.doc_type == "COM")
    assert classify_com(text, ref) == kind


def test_classify_com_default() -> None:
    text = "Zie COM(2024) 28."
    [ref] = find_legal_refs(text)
    assert classify_com(text, ref, default="PC") == "PC"
    with pytest.raises(ValueError, match="expected one of: DC, PC"):
        classify_com(text, ref, default="XX")


def test_celex_for_errors_and_gaps() -> None:
    with pytest.raises(ValueError, match="expected one of: regulation"):
        celex_for("treaty", 2024, 1)
    with pytest.raises(ValueError, match="expected one of: DC, PC"):
        celex_for("COM", 2024, 28, com_kind="XC")
    assert celex_for("COM", 2024, 28) is None
    assert celex_for("regulation", 2024, 0) is None
    assert celex_for("regulation", 2024, 10000) is None
    assert eli_for("SWD", 2024, 12) is None


# --- properties -----------------------------------------------------------------------

years = st.integers(min_value=1990, max_value=2030)
numbers = st.integers(min_value=1, max_value=9999)
act_types = st.sampled_from(["regulation", "directive", "decision", "recommendation"])
ACT_CELEX = re.compile(r"^3\d{4}[RLDH]\d{4}$")


@given(act_types, years, numbers)
def test_act_celex_shape(doc_type: str, year: int, number: int) -> None:
    celex = celex_for(doc_type, year, number)
    assert celex is not None and ACT_CELEX.match(celex)
    assert (int(celex[1:5]), int(celex[6:])) == (year, number)


@given(st.integers(min_value=2015, max_value=2030), numbers)
def test_new_numbering_round_trips(year: int, number: int) -> None:
    text = f"Regulation (EU) {year}/{number}"
    [ref] = find_legal_refs(text)
    assert (ref.year, ref.number, ref.celex) == (year, number, celex_for("regulation", year, number))
    assert ref.eli == eli_for("regulation", year, number) == f"{ELI}reg/{year}/{number}/oj"
    assert ref.text == text


@given(st.integers(min_value=1990, max_value=2014), numbers)
def test_old_numbering_round_trips(year: int, number: int) -> None:
    [regulation] = find_legal_refs(f"Verordening (EG) nr. {number}/{year} en")
    assert (regulation.year, regulation.number) == (year, number)
    [directive] = find_legal_refs(f"Directive {year}/{number}/EC and")
    assert (directive.year, directive.number, directive.cls) == (year, number, "Directive")


fragments = st.sampled_from(
    [
        "Verordening (EU) 2021/1173",
        " en ",
        "COM(2024) 28",
        " (",
        ")",
        "Directive 2011/24/EU",
        "CELEX:32016R0679",
        " 24/01/2024 ",
        "SWD(2024) 12 final",
        "Regulation",
        "/",
        "2021/1173",
        "é",
        "\n",
        "mededeling ",
    ]
)


@given(st.lists(fragments, max_size=12).map("".join))
def test_offsets_index_the_text(text: str) -> None:
    refs = find_legal_refs(text)
    for ref in refs:
        assert text[ref.start : ref.end] == ref.text
    assert all(a.end <= b.start for a, b in zip(refs, refs[1:]))


@pytest.mark.parametrize("word", ["verordenıng", "VERORDENİNG", "Verordening"])
def test_letters_that_match_i_case_blind_do_not_break_an_act(word):
    refs = find_legal_refs(f"De {word} (EU) 2024/1689 is aangenomen.")
    assert [r.celex for r in refs] == ["32024R1689"]


@pytest.mark.parametrize("text,cls", [
    ("The Commission adopted a Commission Recommendation (C(2025) 3500) on small mid-caps.", "Recommendation"),
    ("De Commissie nam een aanbeveling (C(2025) 3500) aan.", "Recommendation"),
    ("The Commission Decision of 24 January 2024 (C(2024) 390) set up the office.", "Decision"),
])
def test_a_c_document_is_what_the_noun_right_before_it_says(text, cls):
    assert [r.cls for r in find_legal_refs(text)] == [cls]
