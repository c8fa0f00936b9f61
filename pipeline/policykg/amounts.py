"""Amounts of money with their currency: "€1,5 miljard", "EUR 500 million", "20 miljoen euro".

A number's separators are read the way the item's language writes them (Dutch "1.000,5",
English "1,000.5"); a lone mark the language uses for thousands but not followed by three
digits is read as a decimal mark ("1.5 miljard" in a Dutch item). Scale words multiply ("miljard", "mld", "billion", "bn"; "miljoen", "mln", "million", "m").
The currency is an ISO 4217 code (``schema:currency``).

>>> [(a.value, a.currency) for a in find_amounts("Het fonds krijgt €1,5 miljard en 20 miljoen euro.", "nl")]
[('1500000000', 'EUR'), ('20000000', 'EUR')]
>>> [(a.value, a.currency) for a in find_amounts("It has EUR 95.5 billion, up from $300m.", "en")]
[('95500000000', 'EUR'), ('300000000', 'USD')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

_CURRENCY = {
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euro's": "EUR", "euros": "EUR",
    "$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD",
    "£": "GBP", "gbp": "GBP",
}  # fmt: skip
_SCALE = {
    "miljard": 10**9, "mld": 10**9, "billion": 10**9, "bn": 10**9,
    "miljoen": 10**6, "mln": 10**6, "million": 10**6, "m": 10**6,
    "duizend": 10**3, "thousand": 10**3,
}  # fmt: skip
_NUMBER = r"(?P<num{k}>\d{{1,3}}(?:[.,\u00a0 ]\d{{3}})*(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
_SCALES = r"(?:\s?(?P<scale{k}>miljard|miljoen|duizend|billion|million|thousand|mld|mln|bn|m)\b\.?)?"
_BEFORE = r"(?P<cur1>€|\$|£|\b(?:EUR|USD|GBP)\b)\s?" + _NUMBER.format(k=1) + _SCALES.format(k=1)
_AFTER = _NUMBER.format(k=2) + _SCALES.format(k=2) + r"\s?(?P<cur2>€|\b(?:euro's|euros|euro|EUR|dollars|dollar|USD|GBP)\b)"
AMOUNT_RE = re.compile(rf"(?<![\w.,]){_BEFORE}|(?<![\w.,]){_AFTER}", re.IGNORECASE)
#: Where an amount may start (a few more places than where one does): after no word, a currency
#: sign, a currency code or a digit. Far cheaper to look for than the amounts themselves.
_STARTS = re.compile(r"(?<![\w.,])(?:[€$£\d]|eur|usd|gbp)", re.IGNORECASE)
#: What every currency the patterns know contains, lower-cased (the signs and codes, "euro",
#: "dollar"): a text without one has no amount. Most sentences have none, while their years and
#: dates are many starts.
_CURRENCY_MARKS = ("€", "$", "£", "eur", "usd", "gbp", "dollar")
#: A letter that ``re.IGNORECASE`` takes for one in those marks ("s") while ``str.lower`` keeps it.
_FOLDS_TO_MARK = "ſ"


@dataclass(frozen=True)
class FoundAmount:
    """An amount in a text: where it is, its value as an ``xsd:decimal`` lexical form, its currency."""

    start: int
    end: int
    value: str
    currency: str


def find_amounts(text: str, lang: str) -> list[FoundAmount]:
    """Every amount of money in ``text``, in order; numbers read the way ``lang`` writes them.

    >>> find_amounts("In 2024 werd 30% van de 12 projecten gefinancierd.", "nl")
    []
    """
    found: list[FoundAmount] = []
    lowered = text.lower()
    if not any(mark in lowered for mark in _CURRENCY_MARKS) and _FOLDS_TO_MARK not in text:
        return found
    for m in _amount_matches(text):
        k = 1 if m["cur1"] else 2
        number = _number(m[f"num{k}"], lang)
        if number is None:
            continue
        scale = _SCALE[m[f"scale{k}"].casefold()] if m[f"scale{k}"] else 1
        currency = _CURRENCY[m[f"cur{k}"].casefold()]
        found.append(FoundAmount(m.start(), m.end(), _lexical(number * scale), currency))
    return found


def _amount_matches(text: str) -> Iterator[re.Match[str]]:
    """``AMOUNT_RE.finditer(text)``, the pattern tried only where an amount may start.

    >>> [m[0] for m in _amount_matches("EUR 5 m and 1998, $3 or 10.000 euro")]
    ['EUR 5 m', '$3', '10.000 euro']
    """
    end = 0
    for start in _STARTS.finditer(text):
        if start.start() >= end and (m := AMOUNT_RE.match(text, start.start())) is not None:
            end = m.end()
            yield m


def _number(digits: str, lang: str) -> Decimal | None:
    """The value of a number written with ``lang``'s separators.

    >>> _number("1.000,5", "nl"), _number("1,000.5", "en"), _number("1.5", "nl"), _number("1.000.000", "nl")
    (Decimal('1000.5'), Decimal('1000.5'), Decimal('1.5'), Decimal('1000000'))
    """
    digits = digits.replace("\u00a0", "").replace(" ", "")
    decimal, thousands = (",", ".") if lang == "nl" else (".", ",")
    head, sep, tail = digits.rpartition(decimal)
    if not sep:
        head, tail = digits, ""
    elif decimal in head:  # "1,000,000" in a Dutch item: all marks group thousands
        head, tail = digits.replace(decimal, ""), ""
    groups = head.split(thousands)
    if all(len(g) == 3 for g in groups[1:]):
        head = "".join(groups)
    elif len(groups) == 2 and not tail:  # "1.5 miljard": the other language's decimal mark
        head, tail = groups
    else:
        return None
    try:
        return Decimal(head + ("." + tail if tail else ""))
    except InvalidOperation:
        return None


def _lexical(value: Decimal) -> str:
    """The canonical ``xsd:decimal`` form: no exponent, no trailing zeros after the point."""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
