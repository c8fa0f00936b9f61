"""Sectors named by the form of a word ("telecomsector", "the steel industry") or by their
place in a list ("sectoren zoals energie, drinkwater en afvalbeheer"); the patterns are tried
only around the words every match holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from .candidates import Candidate
from .lang.rules import LanguageRules
from .legalrefs import lowered


@dataclass(frozen=True)
class _EndsIn:
    """A pattern each match of which ends in one of ``words`` and holds at most ``spaces`` spaces,
    so that only the text around those words need be searched."""

    pattern: re.Pattern[str]
    words: tuple[str, ...]
    spaces: int

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The matches of ``pattern.finditer(text)``."""
        for start, end in self._windows(text):
            yield from self.pattern.finditer(text, start, end)

    def _windows(self, text: str) -> list[tuple[int, int]]:
        """Spans of the text from the last ``spaces + 1``-th space before a word to the first one after it."""
        windows: list[tuple[int, int]] = []
        for at in sorted({at for word in self.words for at in _occurrences(text, word)}):
            start = at
            for _ in range(self.spaces + 1):
                start = text.rfind(" ", 0, start)
                if start < 0:
                    break
            end = text.find(" ", at)
            start, end = start + 1, len(text) if end < 0 else end
            if windows and start <= windows[-1][1]:
                windows[-1] = (windows[-1][0], end)
            else:
                windows.append((start, end))
        return windows


def _occurrences(text: str, word: str) -> Iterator[int]:
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)


_SECTOR_COMPOUND = {
    "nl": _EndsIn(
        re.compile(r"(?<![\w-])([a-zà-ÿ]{3,}(?:sector|industrie|branche))\b"),
        ("sector", "industrie", "branche"),
        spaces=0,
    ),
    "en": _EndsIn(re.compile(r"\b((?:[a-z][a-z-]{2,}\s){1,2}(?:sector|industry))\b"), ("sector", "industry"), spaces=2),
}
_NOT_SECTORS = {"publieke", "private", "particuliere", "hele", "gehele", "deze", "die", "de", "het", "this", "that", "the",
                "whole", "entire", "public", "private", "same", "other", "andere", "each", "every", "elke", "iedere",
                "which", "whose", "what", "welke", "wiens"}


def sector_word_candidates(text: str, rules: LanguageRules) -> list[Candidate]:
    """Words that name a sector by their form: "telecomsector", "maakindustrie", "the steel industry"."""
    found = []
    for m in _SECTOR_COMPOUND[rules.lang].finditer(text):
        name = m.group(1)
        words = name.split()
        if words[0] in _NOT_SECTORS or name in {"sector", "industrie", "branche"}:
            continue
        if rules.lang == "en" and words[0] in {"a", "an", "of", "in", "for", "and", "or", "to", "on", "its", "their"}:
            words = words[1:]
            if not words or len(words) == 1:
                continue
            name = " ".join(words)
        start = m.end(1) - len(name)
        found.append(Candidate(start, m.end(1), name, "name", "Sector", head=None, extra={"weak": True}))
    return found


_LIST_SPLIT = {
    "nl": re.compile(r"\s*,\s*|(?<!-)\s+(?:en|of)\s+"),
    "en": re.compile(r"\s*,?\s+as\s+well\s+as\s+|\s*,\s*|(?<!-)\s+(?:and|or)\s+"),
}

#: Words that end a list of sectors: what follows is a clause or an aside, not another sector
#: ("sectors such as oil and gas and coal mining | to measure, report and verify their emissions").
_LIST_END = {
    "nl": re.compile(r"\b(om|te|die|dat|waar|waarin|waarvoor|moet|moeten|zal|zullen|wordt|worden|is|zijn|heeft|"
                     r"hebben|kan|kunnen|mag|mogen|gaat|gaan|krijgt|krijgen|bijvoorbeeld|bijv)\b", re.IGNORECASE),
    "en": re.compile(r"\b(to|that|which|who|whose|where|must|will|shall|should|can|could|may|might|would|is|are|"
                     r"was|were|has|have|had|within|for\s+example|e\.g)\b", re.IGNORECASE),
}

#: Nouns too generic to name a sector on their own, however a list puts them: the activities of a
#: sector named just before ("gas transmission, distribution and storage") or the people and firms in
#: one ("football clubs and agents").
_GENERIC_MEMBERS = {
    "distribution", "storage", "production", "transmission", "supply", "processing", "generation", "trade",
    "trading", "sale", "sales", "use", "installation", "maintenance", "repair", "operation", "operations",
    "agents", "operators", "providers", "companies", "firms", "businesses", "undertakings", "entities",
    "suppliers", "producers", "manufacturers", "users", "others", "services", "products", "activities",
    "distributie", "opslag", "productie", "transmissie", "levering", "verwerking", "opwekking", "handel",
    "verkoop", "gebruik", "installatie", "onderhoud", "reparatie", "exploitatie", "agenten", "exploitanten",
    "aanbieders", "bedrijven", "ondernemingen", "entiteiten", "leveranciers", "producenten", "fabrikanten",
    "gebruikers", "anderen", "diensten", "producten", "activiteiten",
}


def sector_list_candidates(text: str, rules: LanguageRules) -> list[Candidate]:
    """Members of a sector list ("sectoren zoals energie, drinkwater en afvalbeheer") are sectors,
    whether or not the vocabulary has them; linking still finds those it has."""
    found = []
    folded = lowered(text)
    for pattern in rules.sector_lists:
        for m in _matches(pattern, text, folded):
            start = m.start("L")
            members = m.group("L")
            if end := _LIST_END[rules.lang].search(members):
                members = members[: end.start()]
            for part in _LIST_SPLIT[rules.lang].split(members):
                offset = text.find(part, start) if part else -1
                if offset < 0:
                    continue
                start = offset + len(part)
                words = part.split()
                while words and words[0].lower() in {"zoals", "waaronder", "such", "as", "including", "like", "de", "het", "the"}:
                    words.pop(0)
                if not words or len(words) > 4 or words[0].lower() in rules.sector_list_stops:
                    continue
                if len(words) == 1 and words[0].lower() in _GENERIC_MEMBERS:
                    continue
                if len(words) == 1 and rules.lang == "nl" and words[0].endswith("e") and not words[0].endswith(("ie", "ee")) \
                        and re.match(r"\s+(en|of)\s+\S+\s+\S", text[offset + len(part):]):
                    continue  # "schone en hulpbronnenefficiënte technologieën": an adjective sharing the noun after it
                if any(any(c.isdigit() for c in w) or w[:1].isupper() for w in words):
                    continue
                if any("sector" in w.lower() or w.lower() in {"en", "and", "andere", "other"} for w in words):
                    continue
                name = " ".join(words)
                name_start = text.find(name, offset, offset + len(part) + 1)
                if name_start < 0:
                    continue
                found.append(Candidate(name_start, name_start + len(name), name, "name", "Sector", head=None))
    return found


def _matches(pattern: re.Pattern[str], text: str, folded: str | None) -> Iterator[re.Match[str]]:
    """The matches of ``pattern.finditer(text)``; for a pattern that starts with one of a few
    words, tried only where ``folded`` (the lower-cased text) has one."""
    words = _leading_words(pattern)
    if words is None or folded is None:
        yield from pattern.finditer(text)
        return
    searched = 0
    for at in sorted({at for word in words for at in _occurrences(folded, word)}):
        if at >= searched and (m := pattern.match(text, at)) is not None:
            searched = m.end()
            yield m


#: A pattern's source that starts with a choice of words: ``\b(sectors|application\s+areas)``.
_LEADING_CHOICE = re.compile(r"\\b\(([a-zà-ÿ]+(?:\\s\+[a-zà-ÿ]+)*(?:\|[a-zà-ÿ]+(?:\\s\+[a-zà-ÿ]+)*)*)\)")
#: The parts of a pattern's source: an escape, a character class, a bracket or bar, other text.
_SOURCE_PART = re.compile(r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]|[()|]|[^\\\[()|]+", re.DOTALL)


@lru_cache(maxsize=None)
def _leading_words(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    r"""The first words of the choice a pattern starts with, one of which (in any case) starts
    each of its matches; None when the pattern does not start so or has alternatives around it.

    >>> _leading_words(re.compile(r"\b(sectors|application\s+areas)\s*(such\s+as|:)"))
    ('application', 'sectors')
    >>> _leading_words(re.compile(r"\b(sectors|areas)\s*:|sectoren")), _leading_words(re.compile(r"\b(sectors)?:"))
    (None, None)
    """
    choice = _LEADING_CHOICE.match(pattern.pattern)
    if choice is None or pattern.flags & re.VERBOSE:
        return None
    rest = pattern.pattern[choice.end():]
    if rest[:1] in {"?", "*", "{"} or _has_alternatives(rest):
        return None
    return tuple(sorted({alternative.split("\\")[0] for alternative in choice.group(1).split("|")}))


def _has_alternatives(source: str) -> bool:
    """Whether a pattern's source has a ``|`` outside brackets (or cannot be told apart)."""
    depth = covered = 0
    for part in _SOURCE_PART.finditer(source):
        if part.start() != covered:
            return True
        covered = part.end()
        depth += {"(": 1, ")": -1}.get(part.group(), 0)
        if part.group() == "|" and depth == 0:
            return True
    return covered != len(source)
