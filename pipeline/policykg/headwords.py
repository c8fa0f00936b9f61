"""Words the name finders share: which nouns head a name and give it a class ("board" ->
Institution, in either language), which words are capitalised, verbs, articles or hyphens.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lang.rules import LanguageRules, for_language
from .tokens import MONTHS, Tokens, WordTable


def is_namelike(text: str) -> bool:
    """Whether a word looks like (part of) a name: a capital, a digit or "@" anywhere in it."""
    return any(c.isupper() or c.isdigit() or c == "@" for c in text)


@lru_cache(maxsize=None)
def listed_class(word: str, lang: str, other_lang: str | None) -> str | None:
    """The class of a head noun listed as such (not a compound ending in one), in either language."""
    forms = [word]
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    elif word.endswith("s") and len(word) > 4:
        forms.append(word[:-1])
    for r in (for_language(lang), for_language(other_lang) if other_lang else None):
        if r is None:
            continue
        for form in forms:
            if form in r.name_heads:
                return r.name_heads[form]
            if form in r.instrument_nouns:
                return r.instrument_nouns[form]
    return None


def head_class(word: str, lang: str, other_lang: str | None) -> str | None:
    """The class a (lower-cased) head noun gives a name ("board" -> Institution), in either language."""
    rules = for_language(lang)
    listed = listed_class(word, lang, other_lang)
    if listed is not None:
        return listed
    if rules.lang == "nl" and len(word) > 8:
        # Dutch closed compounds: "cyberbeveiligingsreserve", "vaardighedenacademie"
        for head in sorted(rules.name_heads, key=len, reverse=True):
            if len(head) >= 6 and word.endswith(head) and len(word) - len(head) >= 4:
                return rules.name_heads[head]
    return None


#: A word -> None when it is no head noun, else its class as the head of a name in the
#: language alone (or None) and in either language.
HeadClasses = WordTable["tuple[str | None, str] | None"]


@lru_cache(maxsize=None)
def head_classes(lang: str, other_lang: str | None) -> HeadClasses:
    """The head classes of words in ``lang`` texts, where ``other_lang`` names occur too."""

    def classes(word: str) -> tuple[str | None, str] | None:
        either = head_class(word, lang, other_lang)
        return None if either is None else (head_class(word, lang, None), either)

    return WordTable(classes)


def capitalised(tokens: Tokens, i: int) -> bool:
    """Starts with a capital or digit, and is not a month name ("on 24 April 2024" ends a name)."""
    word = tokens.words[i]
    return (word[:1].isupper() or word[:1].isdigit()) and tokens.lower[i] not in MONTHS and not (
        word.isdigit() and len(word) == 4 and i > 0 and tokens.lower[i - 1] in MONTHS
    )


#: The hyphens that glue a compound ("Net-Zero-platform").
HYPHENS = {"-", "\u2010", "\u2011"}
#: Articles in both languages, lower case.
ARTICLES = frozenset({"de", "het", "een", "the", "a", "an"})
#: A word in lower case, or a short run of capitals ("de Wet open overheid", "Uitvoeringswet DSA").
LOWERCASE_WORD = re.compile(r"^[a-zà-ÿ][a-zà-ÿ\-]*$|^[A-Z]{2,6}$")


def either_class(lookup: HeadClasses, word: str) -> str | None:
    """The class ``word`` gives a name as its head in either language, or None."""
    classes = lookup[word]
    return None if classes is None else classes[1]


def verb_like(word: str, rules: LanguageRules) -> bool:
    """A word that ends a name because it is (most likely) a verb: "adviseert", "heeft", "supports"."""
    if word in rules.trigger_words or word in COMMON_VERBS:
        return True
    return rules.lang == "nl" and len(word) > 5 and (word.endswith("eert") or word.endswith("eren"))


#: Frequent verbs that end a name ("... adviseert", "... supports").
COMMON_VERBS = {
    "heeft", "hebben", "wordt", "worden", "werd", "werden", "zal", "zullen", "moet", "moeten", "kan", "kunnen", "krijgt",
    "helpt", "werkt", "brengt", "houdt", "geeft", "biedt", "start", "begint", "treedt", "trad", "geldt", "gaat", "komt",
    "ondersteunt", "adviseert", "coördineert", "bundelt", "verbindt", "legt", "stelt", "zorgt", "speelt", "telt",
    "has", "have", "had", "will", "would", "can", "could", "must", "shall", "should", "may", "is", "are", "was", "were",
    "supports", "advises", "coordinates", "helps", "brings", "works", "gets", "gives", "starts", "begins", "takes",
}
