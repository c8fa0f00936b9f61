"""The rules of one language, compiled once from the constants in ``rules_nl`` / ``rules_en``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType

from . import rules_en, rules_nl

_MODULES: dict[str, ModuleType] = {"nl": rules_nl, "en": rules_en}


@dataclass(frozen=True)
class Trigger:
    """A relation trigger: a pattern over one sentence and where its arguments are."""

    property: str
    pattern: re.Pattern[str]
    subject: str
    object: str
    keywords: tuple[str, ...] = ()  # one of these occurs in every match (a cheap pre-check)

    def may_match(self, lowered: str) -> bool:
        return not self.keywords or any(k in lowered for k in self.keywords)


@dataclass(frozen=True)
class LanguageRules:
    lang: str
    instrument_nouns: dict[str, str]
    name_heads: dict[str, str]
    name_connectors: frozenset[str]
    name_stops: frozenset[str]
    indefinite: frozenset[str]
    definite: frozenset[str]
    fillers: frozenset[str]
    label_prepositions: frozenset[str]
    anon_blockers: frozenset[str]
    descriptive_prepositions: frozenset[str]
    abbreviations: frozenset[str]
    triggers: tuple[Trigger, ...]
    trigger_words: frozenset[str]
    sector_lists: tuple[re.Pattern[str], ...]
    sector_list_stops: frozenset[str]

    def instrument_class(self, word: str) -> str | None:
        """The class of an instrument noun, or of a compound ending in one ("maatregelenpakket").

        >>> for_language("nl").instrument_class("maatregelenpakket")
        'Package'
        >>> for_language("nl").instrument_class("pakketten") is None
        True
        """
        return _instrument_class(self.lang, word.lower())


@lru_cache(maxsize=65536)
def _instrument_class(lang: str, word: str) -> str | None:
    nouns = for_language(lang).instrument_nouns
    if word in nouns:
        return nouns[word]
    for noun in sorted(nouns, key=len, reverse=True):
        if len(noun) >= 5 and word.endswith(noun) and len(word) - len(noun) >= 4 and " " not in noun:
            return nouns[noun]
    return None


def _keywords(pattern: str) -> tuple[str, ...]:
    """Words of which at least one must occur in any match, or () when that cannot be told.

    Only patterns that start with a plain alternation of words, ``\\b(a|b|c)``, and have no
    alternatives at the top level, qualify.
    """
    depth = 0
    escaped = False
    for c in pattern:
        if escaped:
            escaped = False
        elif c == "\\":
            escaped = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return ()
    m = re.match(r"^\\b\(([a-zà-ÿ|\\s+]+)\)", pattern)
    if not m:
        return ()
    words = []
    for alternative in m.group(1).split("|"):
        first = re.split(r"\\s\+?", alternative)[0]
        if not first.isalpha():
            return ()
        words.append(first)
    return tuple(sorted(set(words)))


@lru_cache(maxsize=None)
def for_language(lang: str) -> LanguageRules:
    module = _MODULES[lang]
    triggers = tuple(
        Trigger(prop, re.compile(pattern, re.IGNORECASE), subj, obj, _keywords(pattern))
        for prop, pattern, subj, obj in module.TRIGGERS
    )
    # the verbs and participles in the trigger patterns: a noun phrase label stops at them
    words = {w for _, pattern, _, _ in module.TRIGGERS for w in re.findall(r"[a-zà-ÿ]{5,}", re.sub(r"\\[a-zA-Z]", " ", pattern))}
    trigger_words = frozenset(words - set(module.NAME_CONNECTORS) - set(module.LABEL_PREPOSITIONS)
                              - {"under", "onder", "binnen", "within", "zoals", "such", "including", "sectoren",
                                 "sectors", "areas", "fields", "domains", "domeinen", "gebieden"})
    return LanguageRules(
        lang=lang,
        trigger_words=trigger_words,
        sector_lists=tuple(re.compile(p, re.IGNORECASE) for p in module.SECTOR_LISTS),
        sector_list_stops=frozenset(module.SECTOR_LIST_STOPS),
        instrument_nouns=dict(module.INSTRUMENT_NOUNS),
        name_heads=dict(module.NAME_HEADS),
        name_connectors=frozenset(module.NAME_CONNECTORS),
        name_stops=frozenset(module.NAME_STOPS),
        indefinite=frozenset(module.INDEFINITE),
        definite=frozenset(module.DEFINITE),
        fillers=frozenset(module.FILLERS),
        label_prepositions=frozenset(module.LABEL_PREPOSITIONS),
        anon_blockers=frozenset(module.ANON_BLOCKERS),
        descriptive_prepositions=frozenset(module.DESCRIPTIVE_PREPOSITIONS),
        abbreviations=frozenset(module.ABBREVIATIONS),
        triggers=triggers,
    )
