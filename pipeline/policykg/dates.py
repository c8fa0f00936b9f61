"""Dates of adoption, publication and entry into force of instruments.

A sentence such as "De verordening trad op 11 januari 2024 in werking" or "the Regulation
was adopted on 13 September 2023" gives the instrument it is about an ELI date:
``eli:date_document`` (adoption or signature), ``eli:date_publication`` and
``eli:first_date_entry_in_force``. Only full dates (day, month, year) count.

>>> parse_date("11 januari 2024"), parse_date("21 September 2023"), parse_date("maart 2023")
(datetime.date(2024, 1, 11), datetime.date(2023, 9, 21), None)
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7, "augustus": 8,
    "september": 9, "oktober": 10, "november": 11, "december": 12,
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "august": 8, "october": 10,
}
#: (``\d\d?`` rather than ``\d{1,2}``: a pattern that starts with a plain character class lets re skip
#: ahead to the next digit instead of trying the pattern at every character.)
_DATE = r"(\d\d?)\s+(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\s+(\d{4})"
DATE_RE = re.compile(_DATE, re.IGNORECASE)

#: (ELI property local name, pattern with a named group "date"), per language; "date" must match DATE_RE.
EVENTS: dict[str, list[tuple[str, re.Pattern[str]]]] = {
    "nl": [
        ("first_date_entry_in_force", re.compile(
            rf"\b(?:trad|treedt|treden|traden)\s+(?:op\s+)?(?P<date>{_DATE})\s+in\s+werking|"
            rf"\bin\s+werking\s+(?:getreden|treden|trad|treedt)\s+op\s+(?P<date2>{_DATE})|"
            rf"\bop\s+(?P<date3>{_DATE})\s+in\s+werking", re.I)),
        ("date_publication", re.compile(
            rf"\b(?:gepubliceerd|bekendgemaakt|verschenen)\b[^.;]{{0,40}}?\bop\s+(?P<date>{_DATE})|"
            rf"\bop\s+(?P<date2>{_DATE})\s+(?:gepubliceerd|bekendgemaakt)", re.I)),
        ("date_document", re.compile(
            rf"\b(?:aangenomen|vastgesteld|goedgekeurd|ondertekend)\b[^.;]{{0,40}}?\bop\s+(?P<date>{_DATE})|"
            rf"\bop\s+(?P<date2>{_DATE})\s+(?:[^.;]{{0,60}}?\s)?(?:aangenomen|vastgesteld|goedgekeurd|ondertekend|aannam|vaststelde)\b", re.I)),
    ],
    "en": [
        ("first_date_entry_in_force", re.compile(
            rf"\b(?:entered|enters|enter|entering|came|comes)\s+into\s+force\s+on\s+(?P<date>{_DATE})|"
            rf"\bin\s+force\s+(?:since|from)\s+(?P<date2>{_DATE})", re.I)),
        ("date_publication", re.compile(
            rf"\bpublished\b[^.;]{{0,50}}?\bon\s+(?P<date>{_DATE})", re.I)),
        ("date_document", re.compile(
            rf"\b(?:adopted|signed|approved)\b[^.;]{{0,50}}?\bon\s+(?P<date>{_DATE})", re.I)),
    ],
}


def parse_date(text: str) -> dt.date | None:
    m = DATE_RE.fullmatch(text.strip())
    if not m:
        return None
    try:
        return dt.date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
    except ValueError:
        return None


@dataclass(frozen=True)
class DateEvent:
    """A dated event in a sentence: which ELI date, which date, where the phrase starts."""

    property: str
    date: dt.date
    start: int  # offset in the sentence


def find_date_events(sentence: str, lang: str) -> list[DateEvent]:
    """The dated events of a sentence; none without a full date, so that is checked first."""
    events: list[DateEvent] = []
    if not DATE_RE.search(sentence):
        return events
    for prop, pattern in EVENTS[lang]:
        for m in pattern.finditer(sentence):
            raw = next((m.group(g) for g in ("date", "date2", "date3") if g in pattern.groupindex and m.group(g)), None)
            day = parse_date(raw) if raw else None
            if day is not None:
                events.append(DateEvent(prop, day, m.start()))
    return events
