"""Dates of adoption, publication and entry into force, on the instrument the sentence is about."""

from __future__ import annotations

import datetime as dt

import pytest

from policykg.extract import extract
from policykg.model import NewsItem

CASES = [
    ("nl", "Verordening (EU) 2023/2854 trad op 11 januari 2024 in werking.",
     {("32023R2854", "first_date_entry_in_force", dt.date(2024, 1, 11))}),
    ("nl", "Richtlijn (EU) 2022/2555 werd op 14 december 2022 aangenomen en op 27 december 2022 gepubliceerd.",
     {("32022L2555", "date_document", dt.date(2022, 12, 14)), ("32022L2555", "date_publication", dt.date(2022, 12, 27))}),
    ("en", "Regulation (EU) 2023/1781 was adopted on 13 September 2023 and entered into force on 21 September 2023.",
     {("32023R1781", "date_document", dt.date(2023, 9, 13)), ("32023R1781", "first_date_entry_in_force", dt.date(2023, 9, 21))}),
    # a month without a day is not a date here
    ("en", "Regulation (EU) 2023/1781 entered into force in September 2023.", set()),
]


@pytest.mark.parametrize("lang,text,expected", CASES)
def test_instrument_dates(lang, text, expected):
    extraction = extract(NewsItem(id="case", title="Titel", body=text, lang=lang))
    got = {(d.entity.rsplit("/", 1)[-1], d.property, d.date) for d in extraction.dates}
    assert got == expected
