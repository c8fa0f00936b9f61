"""normalise.py: text repair, language detection, slugs, dates from file names."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policykg.normalise import _fold_unicode, date_from_name, detect_language, normalise_text, slugify

SEED = Path("/work/shared/seed/ecer-ai-innovatiepakket-2024-01-24.txt")

# --------------------------------------------------------------------------- #
# normalise_text
# --------------------------------------------------------------------------- #

NORMALISE_CASES = [
    # (case id, input, expected output)
    ("bom", "\ufeffTitel", "Titel"),
    ("nbsp-and-odd-spaces", "EU\u00a0AI\u202fAct\u2009nu\u3000hier", "EU AI Act nu hier"),
    ("nbsp-next-to-space-collapses", "Onderneming\u00a0 voor", "Onderneming voor"),
    ("inner-runs-and-tabs", "een   twee\tdrie \t vier", "een twee drie vier"),
    ("indentation-kept", "lijst:\n  - een\n\t- twee", "lijst:\n  - een\n\t- twee"),
    ("trailing-spaces", "regel een   \nregel twee\t\n", "regel een\nregel twee"),
    ("crlf-and-cr", "een\r\ntwee\rdrie", "een\ntwee\ndrie"),
    ("unicode-line-separators", "een\u2028twee\u2029drie", "een\ntwee\n\ndrie"),
    ("soft-hyphen", "ont\u00adwik\u00adkeling", "ontwikkeling"),
    ("zero-width-space", "AI\u200b-bureau", "AI-bureau"),
    ("control-characters", "a\x00b\x07c\x1bd\x9ee", "abcde"),
    ("nfc", "coo\u0308rdinatie", "coördinatie"),
    ("ligatures", "ﬁnanciële steun, ﬂexibel", "financiële steun, flexibel"),
    ("three-blank-lines-kept-as-two", "a\n\n\n\nb", "a\n\n\nb"),
    ("many-blank-lines", "a\n\n\n\n\n\n\nb", "a\n\n\nb"),
    ("blank-lines-with-spaces", "a\n  \n \t\n\n\n\nb", "a\n\n\nb"),
    ("leading-and-trailing-blank-lines", "\n\n  \nTitel\n\n\n", "Titel"),
    ("hyphenation", "de ontwik-\nkeling van", "de ontwikkeling van"),
    ("hyphenation-indented-next-line", "de ontwik-\n    keling", "de ontwikkeling"),
    ("hyphenation-crlf", "de ontwik-\r\nkeling", "de ontwikkeling"),
    ("hyphenation-chain", "ont-\nwik-\nkeling", "ontwikkeling"),
    ("hyphen-kept-when-text-has-it", "start-ups en scale-\nups en scale-ups", "start-ups en scale-ups en scale-ups"),
    ("suspended-compound", "land-\nen tuinbouw", "land- en tuinbouw"),
    ("hyphen-after-capital-stays", "de AI-\nverordening", "de AI-\nverordening"),
    ("hyphen-before-capital-stays", "de EU-\nVerordening", "de EU-\nVerordening"),
    ("hyphen-between-digits-stays", "2021-\n2027", "2021-\n2027"),
    ("bullet-fragment-space", "  -f inanciële steun", "  - financiële steun"),
    ("bullet-fragment-line-break", "  -h\n  et versnellen", "  - het versnellen"),
    ("bullet-two-letter-fragment", "-ve rsterking van", "- versterking van"),
    ("bullet-en-dash-fragment", "– f", "– f"),
    ("bullet-dutch-word-stays", "  -de Commissie", "  - de Commissie"),
    ("bullet-dutch-word-lower-stays", "  -de commissie", "  - de commissie"),
    ("bullet-english-word-stays", "-a list of items", "- a list of items"),
    ("bullet-english-spaced-stays", "- a list of items", "- a list of items"),
    ("bullet-word-on-own-line-stays", "  -op\n  tijd", "  - op\n  tijd"),
    ("bullet-fragment-then-capital-stays", "  -h\n  Europa", "  - h\n  Europa"),
    ("bullet-fragment-then-blank-line", "  -h\n\n  et", "  - h\n\n  et"),
    ("bullet-glued-word", "  -initiatieven om", "  - initiatieven om"),
    ("bullet-dot", "•Een besluit", "• Een besluit"),
    ("minus-number-stays", "-5 graden", "-5 graden"),
    ("dash-inside-line-stays", "AI-fabrieken -f oo", "AI-fabrieken -f oo"),
    ("curly-quotes-kept", "het initiatief “GenAI4EU” en ‘x’", "het initiatief “GenAI4EU” en ‘x’"),
    ("straight-quotes-kept", "het \"GenAI4EU\" en 'x'", "het \"GenAI4EU\" en 'x'"),
    ("german-quotes", "das „KI-Gesetz“ und ‚x‘", "das “KI-Gesetz” und ‘x’"),
    ("dutch-low-quote", "het „GenAI4EU” initiatief", "het “GenAI4EU” initiatief"),
    ("guillemets", "le «\u00a0AI Act\u00a0» et ‹x›", "le “ AI Act ” et ‘x’"),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in NORMALISE_CASES], ids=[c[0] for c in NORMALISE_CASES])
def test_normalise_text(text: str, expected: str) -> None:
    assert normalise_text(text) == expected
    assert normalise_text(expected) == expected


@pytest.fixture(scope="module")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip(f"seed news item not found: {SEED}")
    return SEED.read_text(encoding="utf-8")


def test_seed_broken_bullets_are_repaired(seed_text: str) -> None:
    lines = normalise_text(seed_text).split("\n")
    assert "  - financiële steun van de Commissie via Horizon Europa" in "\n".join(lines)
    assert any(line.startswith("  - het versnellen van de ontwikkeling") for line in lines)
    assert not any(re.match(r"\s*-\w", line) for line in lines), "every dash bullet is followed by a space"
    bullets = [line for line in lines if line.startswith("  - ")]
    assert [b.split()[1] for b in bullets] == ["financiële", "initiatieven", "bevordering", "het", "het"]


def test_seed_is_otherwise_kept(seed_text: str) -> None:
    text = normalise_text(seed_text)
    assert normalise_text(text) == text
    assert "\u00a0" not in text
    assert "EuroHPC-Gemeenschappelijke Onderneming voor supercomputers" in text
    assert "het initiatief “GenAI4EU” , dat" in text
    assert "start-ups en scale-ups" in text
    assert text.count("\n") == seed_text.rstrip("\n").count("\n") - 1  # only the "-h" line break went


# Text built from the pieces that the rules look at, plus any character at all.
_PIECES = st.sampled_from(
    ["-", "–", "•", " ", "  ", "\t", "\n", "\r", "\r\n", "\n\n\n\n", "\u00a0", "\u00ad", "\ufeff", "\u2028",
     "\u0301", "„", "“", "‚", "‘", "«", "»", "ﬁ", "a", "h", "f", "de", "et", "en", "E", "AI", "é", "2", "x-\n", "-h\n"]
)  # fmt: skip
_TEXT = st.lists(st.one_of(_PIECES, st.characters(), st.text(max_size=3)), max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_normalise_text_is_idempotent(text: str) -> None:
    once = normalise_text(text)
    assert normalise_text(once) == once


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_normalise_text_output_is_clean(text: str) -> None:
    out = normalise_text(text)
    assert unicodedata.is_normalized("NFC", out)
    assert not set(out) & set("\r\u00a0\u00ad\ufeff\u2028\u2029\x00\x0b\x0c")
    assert "\n\n\n\n" not in out
    assert not out.startswith("\n") and not out.endswith("\n")
    assert all(line == line.rstrip(" \t") for line in out.split("\n"))


# --------------------------------------------------------------------------- #
# detect_language
# --------------------------------------------------------------------------- #

ENGLISH = (
    "The European Commission has launched a package of measures to support European start-ups and SMEs "
    "in the development of trustworthy artificial intelligence that respects EU values and rules. The "
    "package follows the political agreement reached in December 2023 on the EU AI Act."
)
GERMAN = (
    "Die Europäische Kommission hat am 24. Januar 2024 ein Maßnahmenpaket zur Unterstützung europäischer "
    "Start-ups und kleiner und mittlerer Unternehmen bei der Entwicklung vertrauenswürdiger künstlicher "
    "Intelligenz vorgestellt, die die Werte und Vorschriften der EU achtet. Das Paket folgt unter anderem "
    "auf die politische Einigung vom Dezember 2023 über das KI-Gesetz, wie er hier als Teil beschrieben wird."
)
FRENCH = (
    "La Commission européenne a lancé le 24 janvier 2024 un paquet de mesures visant à soutenir les jeunes "
    "pousses et les petites et moyennes entreprises européennes dans le développement d'une intelligence "
    "artificielle digne de confiance qui respecte les valeurs et les règles de l'UE. Le paquet fait suite à "
    "l'accord politique de décembre 2023 sur la législation de l'UE en matière d'IA."
)
DUTCH = (
    "De Europese Commissie heeft op 24 januari 2024 een maatregelenpakket gelanceerd om Europese start-ups "
    "en kleine en middelgrote ondernemingen te ondersteunen bij de ontwikkeling van betrouwbare AI."
)

LANGUAGE_CASES = [
    ("dutch", DUTCH, "nl"),
    ("english", ENGLISH, "en"),
    ("german", GERMAN, None),
    ("french", FRENCH, None),
    ("empty", "", None),
    ("too-short", "De Commissie.", None),
    ("names-only", "EuroHPC AI-bureau GenAI4EU COM(2024) 28", None),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in LANGUAGE_CASES], ids=[c[0] for c in LANGUAGE_CASES])
def test_detect_language(text: str, expected: str | None) -> None:
    assert detect_language(text) == expected


def test_detect_language_on_the_seed(seed_text: str) -> None:
    assert detect_language(seed_text) == "nl"
    assert detect_language(normalise_text(seed_text)) == "nl"


# --------------------------------------------------------------------------- #
# slugify
# --------------------------------------------------------------------------- #

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

SLUG_CASES = [
    ("ECER AI-pakket 2024-01-24", 80, "ecer-ai-pakket-2024-01-24"),
    ("ecer-ai-innovatiepakket-2024-01-24", 80, "ecer-ai-innovatiepakket-2024-01-24"),
    ("Net-Zero Europe Platform", 80, "net-zero-europe-platform"),
    ("Coördinatie, financiële steun", 80, "coordinatie-financiele-steun"),
    ("kmo's en start-ups", 80, "kmos-en-start-ups"),
    ("AI@EC-mededeling", 80, "ai-ec-mededeling"),
    ("Straße / Øresund / Łódź / Æther", 80, "strasse-oresund-lodz-aether"),
    ("  --Horizon   Europa--  ", 80, "horizon-europa"),
    ("foo—bar", 80, "foo-bar"),
    ("ﬁnance", 80, "finance"),
    ("", 80, "item"),
    ("!!! ???", 80, "item"),
    ("人工知能", 80, "item"),
    ("horizon europe programme", 20, "horizon-europe"),
    ("horizon europe programme", 14, "horizon-europe"),
    ("horizon europe programme", 15, "horizon-europe"),
    ("supercalifragilistic", 5, "super"),
    ("", 2, "it"),
]


@pytest.mark.parametrize(("text", "max_length", "expected"), SLUG_CASES)
def test_slugify(text: str, max_length: int, expected: str) -> None:
    assert slugify(text, max_length=max_length) == expected


def test_slugify_rejects_a_useless_max_length() -> None:
    with pytest.raises(ValueError, match="max_length"):
        slugify("x", max_length=0)


@settings(max_examples=500, deadline=None)
@given(st.text(), st.integers(min_value=1, max_value=100))
def test_slugify_properties(text: str, max_length: int) -> None:
    slug = slugify(text, max_length=max_length)
    assert SLUG.match(slug), slug
    assert len(slug) <= max_length
    assert slugify(slug, max_length=max_length) == slug


# --------------------------------------------------------------------------- #
# date_from_name
# --------------------------------------------------------------------------- #

DATE_CASES = [
    ("ecer-ai-innovatiepakket-2024-01-24.txt", dt.date(2024, 1, 24)),
    ("2023-12-08_ai-act.md", dt.date(2023, 12, 8)),
    ("nieuws-2024-02-29-ai.jsonl", dt.date(2024, 2, 29)),
    ("2020-01-01-update-2024-03-05.txt", dt.date(2024, 3, 5)),
    ("item-2024-03-05-2023-02-30.txt", dt.date(2024, 3, 5)),
    ("item-2023-02-30.txt", None),
    ("item-20240124.txt", None),
    ("item-12024-01-24.txt", None),
    ("item.txt", None),
]


@pytest.mark.parametrize(("name", "expected"), DATE_CASES)
def test_date_from_name(name: str, expected: dt.date | None) -> None:
    assert date_from_name(name) == expected


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=120))
def test_slugify_takes_ascii_the_short_way_to_the_same_slug(text):
    assert _fold_unicode(text) == text.lower()
