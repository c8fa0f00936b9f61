"""Things named in lower case by an article and a telling head ("the methane transparency
database", "de methaantransparantiedatabank") and packages named by what they are about ("the
smart borders package", "a package on election integrity").
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import compress

from .candidates import Candidate
from .headwords import ARTICLES, COMMON_VERBS, HYPHENS, LOWERCASE_WORD, either_class, head_classes, verb_like
from .lang.rules import LanguageRules
from .tokens import Tokens, WordTable, candidate, positions

#: Heads of things that news names in lower case, after an article: "the methane transparency database",
#: "a global methane monitoring tool", "a European repository for online political advertisements",
#: "de methaantransparantiedatabank". Plural forms and bare heads are never names.
_LOWERCASE_HEADS = {
    "en": frozenset({"database", "repository", "register", "registry", "tool", "portal", "passport", "platform"}),
    "nl": frozenset({"databank", "database", "register", "portaal", "paspoort", "platform"}),
}
#: Heads that name a thing in lower case only after "European"/"EU" ("a European online platform for repair"):
#: "a large video-sharing platform" is none.
_EUROPEAN_ONLY_HEADS = frozenset({"platform"})
#: Words that open a noun phrase without naming anything ("the new central database").
_PLAIN_MODIFIERS = frozenset({
    "new", "own", "existing", "current", "single", "common", "dedicated", "specific", "such", "same", "other",
    "first", "second", "central", "national", "public", "relevant", "separate", "simple",
    "nieuwe", "nieuw", "eigen", "bestaande", "huidige", "enkele", "gemeenschappelijke", "centrale", "nationale",
    "openbare", "aparte", "eenvoudige",
})
_EUROPEAN = frozenset({"european", "eu", "europees", "europese"})


#: A lower-cased word -> None when it is no head of a name in lower case, else the head (the word
#: itself, or what a Dutch compound ends in) and the class it gives.
LowercaseHeads = WordTable["tuple[str, str] | None"]


@lru_cache(maxsize=None)
def lowercase_heads(lang: str, other_lang: str | None) -> LowercaseHeads:
    """The heads of names in lower case of words in ``lang`` texts, where ``other_lang`` names occur too."""
    heads = _LOWERCASE_HEADS.get(lang, frozenset())
    lookup = head_classes(lang, other_lang)

    def head_of(word: str) -> tuple[str, str] | None:
        head = word if word in heads else None
        if head is None and lang == "nl" and len(word) > 8 and word.isalpha():
            head = next((h for h in heads if word.endswith(h) and len(word) - len(h) >= 4), None)
        cls = None if head is None else either_class(lookup, head)
        return None if cls is None else (head, cls)

    return WordTable(head_of)


def lowercase_names(tokens: Tokens, rules: LanguageRules, lowercase_heads: LowercaseHeads) -> list[Candidate]:
    """Things named in lower case by an article and a telling head: "the methane transparency database"
    (two or more words that say what it is for before the head), "de methaantransparantiedatabank" (a Dutch
    compound on such a head), "a European repository for online political advertisements" ("European"
    before the head, and what it is for after it)."""
    words, lower, n = tokens.words, tokens.lower, len(tokens.words)
    found = []
    for i in compress(range(1, n), map(lowercase_heads.__getitem__, lower[1:])):
        word = lower[i]
        if not words[i].islower():
            continue
        head, cls = lowercase_heads[word]
        first = i
        while first - 1 >= 0 and LOWERCASE_WORD.match(words[first - 1]) and lower[first - 1] not in ARTICLES \
                and lower[first - 1] not in rules.name_stops and lower[first - 1] not in rules.definite \
                and lower[first - 1] not in rules.indefinite and lower[first - 1] not in COMMON_VERBS \
                and i - first < 4:
            first -= 1
        european = first - 1 >= 0 and lower[first - 1] in _EUROPEAN and words[first - 1][:1].isupper()
        start = first - 1 if european else first
        if start == 0 or lower[start - 1] not in ARTICLES:
            continue
        while first < i and lower[first] in _PLAIN_MODIFIERS:
            first += 1
        stop = i + 1
        if european and stop + 1 < n and lower[stop] in {"for", "on", "of", "voor", "van", "inzake"}:
            k = stop + 1
            while k < n and k - stop <= 5 and LOWERCASE_WORD.match(words[k]) and words[k] != "-" \
                    and lower[k] not in rules.name_stops and lower[k] not in ARTICLES and not verb_like(lower[k], rules):
                k += 1
            while k > stop + 1 and (lower[k - 1] in rules.name_connectors or lower[k - 1] in rules.label_prepositions):
                k -= 1
            if k > stop + 1:
                stop = k
        compound = head != word
        if european and stop == i + 1 and first == i and not compound:
            if head in _EUROPEAN_ONLY_HEADS:
                continue
            if lower[start - 1] not in rules.indefinite:
                # "the European database": the database named before ("a European database" is a new one)
                found.append(candidate(tokens, start, stop, "coref", cls, head=head, extra={"strict": True}))
                continue
        if not european and (head in _EUROPEAN_ONLY_HEADS or (not compound and i - first < 2)):
            continue
        found.append(candidate(tokens, start, stop, "name", cls, head=head, extra={"whole": True, "lowercase": True}))
    return found


#: The noun of a package, and the preposition that names what it is about ("a package on election integrity").
_PACKAGE_NOUNS = {"en": ("package", frozenset({"on"})), "nl": ("pakket", frozenset({"inzake", "over"}))}
#: Words before "package" that say what kind of package, not which: "a legislative package", "the aid package".
_GENERIC_PACKAGE_WORDS = frozenset({
    "legislative", "support", "aid", "rescue", "stimulus", "financial", "funding", "investment", "sanctions",
    "sanction", "policy", "reform", "measures", "proposed", "whole", "entire", "full", "broad", "comprehensive",
    "large", "ambitious", "latest", "final", "third", "fourth", "fifth", "package", "this", "that", "same",
})
#: A capitalised word in a package's name: "the first Omnibus simplification package".
_TITLE_WORD = re.compile(r"^[A-Z][a-z]+$")
_POSSESSIVES = frozenset({"its", "their", "zijn", "haar", "hun"})


def named_packages(tokens: Tokens, rules: LanguageRules) -> list[Candidate]:
    """Packages named by what they are about, in lower case: "the smart borders package", "the
    anti-money laundering package", "its AI innovation package" (two or more telling words before the
    noun) and "a package on election integrity" (a topic after it); "a package of four legislative
    proposals" and "the legislative package" name none."""
    noun, prepositions = _PACKAGE_NOUNS.get(rules.lang, (None, frozenset()))
    words, lower, space, n = tokens.words, tokens.lower, tokens.space, len(tokens.words)
    found = []
    for i in positions(lower, noun, 1):
        if not words[i].islower():
            continue
        first = i
        while first - 1 >= 0 and i - first < 6 and (
                LOWERCASE_WORD.match(words[first - 1]) and lower[first - 1] not in ARTICLES
                and lower[first - 1] not in _POSSESSIVES and lower[first - 1] not in rules.name_stops
                and lower[first - 1] not in rules.definite and lower[first - 1] not in COMMON_VERBS
                or words[first - 1] in HYPHENS and first - 2 >= 0 and not space[first - 2] and not space[first - 1]
                or _TITLE_WORD.match(words[first - 1]) and first - 1 not in tokens.sent_starts):
            first -= 1
        if first == 0 or (lower[first - 1] not in ARTICLES and lower[first - 1] not in _POSSESSIVES):
            continue
        while first < i and (lower[first] in _PLAIN_MODIFIERS or lower[first] in rules.fillers
                             or lower[first] in _GENERIC_PACKAGE_WORDS or words[first] in HYPHENS):
            first += 1
        telling = [k for k in range(first, i) if words[k] not in HYPHENS and lower[k] not in _GENERIC_PACKAGE_WORDS]
        if len(telling) >= 2 and any(not _TITLE_WORD.match(words[k]) for k in telling):
            # "the first Omnibus simplification package"; not "the Green Deal package", a package of the Green Deal
            found.append(candidate(tokens, first, i + 1, "name", "Package", head=noun, extra={"lowercase": True}))
            continue
        if first == i and i + 2 < n and lower[i + 1] in prepositions and lower[i - 1] in ARTICLES | _POSSESSIVES:
            k = i + 2
            while k < n and k - i <= 6 and LOWERCASE_WORD.match(words[k]) and lower[k] not in rules.name_stops \
                    and lower[k] not in ARTICLES and not verb_like(lower[k], rules):
                k += 1
            while k > i + 2 and (lower[k - 1] in rules.name_connectors or lower[k - 1] in rules.label_prepositions):
                k -= 1
            if k > i + 2:
                found.append(candidate(tokens, i, k, "name", "Package", head=noun, extra={"lowercase": True}))
    return found
