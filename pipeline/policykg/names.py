"""Named things not (necessarily) in the vocabulary, typed by their head noun: capitalised
names ("Net-Zero Europe Platform"), names whose head comes first ("Agency for
Cybersecurity") and hyphen compounds ("EuroHPC-verordening"). The other finders that
:func:`name_candidates` runs have modules of their own: national act names in
:mod:`policykg.actnames`, names in lower case in :mod:`policykg.lowernames`, names found by the
words around them (quotes, appositions, acronyms) in :mod:`policykg.phrasenames`; the head
nouns and name words they share are in :mod:`policykg.headwords`.
"""

from __future__ import annotations

import re
from itertools import compress

from spacy.lang.lex_attrs import is_punct

from .actnames import closed_compound_acts
from .candidates import Candidate
from .headwords import (
    ARTICLES,
    HYPHENS,
    HeadClasses,
    capitalised,
    either_class,
    head_classes,
    is_namelike,
    listed_class,
    verb_like,
)
from .lang.rules import LanguageRules
from .lowernames import lowercase_heads, lowercase_names, named_packages
from .phrasenames import acronym_defined_names, apposition_names, quoted_names, through_to_acronym
from .tokens import MONTHS, Tokens, candidate

_WORD_BREAKS = re.compile(r"[\s\-]+")
_NAME_ADJECTIVES = {"europees", "europese", "eu", "nationaal", "nationale", "gemeenschappelijk", "gemeenschappelijke"}


def name_candidates(tokens: Tokens, rules: LanguageRules, other: LanguageRules | None = None) -> list[Candidate]:
    """Named things not (necessarily) in the vocabulary, typed by their head noun."""
    other_lang = other.lang if other is not None else None
    lookup = head_classes(rules.lang, other_lang)
    heads = list(compress(range(len(tokens.words)), map(lookup.__getitem__, tokens.lower)))
    connectors = rules.name_connectors | other.name_connectors if other is not None else rules.name_connectors
    found = (
        _hyphen_compounds(tokens, heads, lookup, rules.common_acronyms)
        + _capitalised_names(tokens, heads, rules, connectors, lookup)
        + _head_first_names(tokens, heads, rules, lookup)
        + _numbered_names(tokens, lookup)
        + quoted_names(tokens.text, lookup)
        + apposition_names(tokens.text, lookup)
        + closed_compound_acts(tokens, rules)
        + lowercase_names(tokens, rules, lowercase_heads(rules.lang, other_lang))
        + named_packages(tokens, rules)
        + acronym_defined_names(tokens.text, lookup, connectors)
    )
    found += through_to_acronym(tokens.text, found)
    return [_generic_to_coref(c, lookup, rules.lang, other_lang) for c in found]


#: A roman numeral that numbers a name: "Omnibus IV", "Erasmus II".
_ROMAN = frozenset("I II III IV V VI VII VIII IX X XI XII".split())
#: Words that name a thing only with a numeral after them, and the class they give: the Commission's
#: simplification packages "Omnibus I" to "Omnibus X".
_NUMBERED_HEADS = {"omnibus": "Package"}


def _numbered_names(tokens: Tokens, lookup: HeadClasses) -> list[Candidate]:
    """A capitalised head noun and the roman numeral after it: "Omnibus IV", "Omnibus I over ..."."""
    words, lower, space, n = tokens.words, tokens.lower, tokens.space, len(tokens.words)
    found = []
    for i in range(n - 1):
        if words[i + 1] not in _ROMAN or not space[i] or not words[i][:1].isupper():
            continue
        word = lower[i]
        cls = _NUMBERED_HEADS.get(word) or (either_class(lookup, word) if lookup[word] else None)
        if cls is not None:
            found.append(candidate(tokens, i, i + 2, "name", cls, head=word))
    return found


def _hyphen_compounds(tokens: Tokens, heads: list[int], lookup: HeadClasses,
                      common: frozenset[str] = frozenset()) -> list[Candidate]:
    """Compounds with a telling head: "AI@EC-mededeling", "EuroHPC-verordening", "Net-Zero-platform";
    not those on a common abbreviation ("een IT-systeem", "het ICT-platform")."""
    words, space = tokens.words, tokens.space
    found = []
    for head in heads:
        i = head - 2
        if i < 0 or words[i + 1] not in HYPHENS or space[i + 1] or space[i] or words[i] in common:
            continue
        if is_namelike(words[i]) and any(c.isalnum() for c in words[i]):
            first = i
            while first >= 2 and words[first - 1] == "-" and not space[first - 2] and not space[first - 1]:
                first -= 2
            # capitalised words before it belong to the name ("de Quantum Europe-strategie"), not one
            # that opens the sentence
            while first >= 2 and space[first - 1] and capitalised(tokens, first - 1) \
                    and words[first - 2][:1].isalpha() and words[first - 2][:1].islower():
                first -= 1
            found.append(candidate(tokens, first, head + 1, "name", either_class(lookup, tokens.lower[head]),
                               head=tokens.lower[head]))
    return found


def _capitalised_names(tokens: Tokens, heads: list[int], rules: LanguageRules, connectors: frozenset[str],
                       lookup: HeadClasses) -> list[Candidate]:
    """Capitalised multiword names ending in a head noun: "Net-Zero Europe Platform", "Apply AI Strategy".

    A name lies in a run of capitalised words (and connectors between them) that holds a
    capitalised head noun; it starts at the run's first word that may start a name.
    """
    words, lower, n = tokens.words, tokens.lower, len(tokens.words)
    found = []
    stop = 0
    for head in heads:
        if head < stop or not words[head][:1].isupper() or not _continues(tokens, head, connectors):
            continue
        first = head
        while first > 0 and _continues(tokens, first - 1, connectors):
            first -= 1
        stop = head + 1
        while stop < n and _continues(tokens, stop, connectors):
            stop += 1
        start = next((i for i in range(first, stop) if _may_start(tokens, i, rules)), None)
        if start is None:
            continue
        end = stop
        while end - 1 > start and (lower[end - 1] in rules.name_connectors or words[end - 1] == "-"):
            end -= 1
        last_head = next((k for k in range(stop - 1, start, -1) if _names_head(tokens, k, lookup)), None)
        if last_head is None or last_head != end - 1:
            continue
        type_head = last_head
        if rules.lang == "nl" and start < last_head and lookup[lower[start]] is not None \
                and lookup[lower[start]][0] == "Institution":
            # a Dutch name opens with what the body is: "Rijksinspectie Digitale Infrastructuur"
            type_head = start
        for k in range(start, last_head):
            if either_class(lookup, lower[k]) == "Institution" and lower[k + 1] in {"for", "of", "voor", "van"}:
                type_head = k
                break
        found.append(candidate(tokens, start, last_head + 1, "name", either_class(lookup, lower[type_head]),
                           head=lower[last_head]))
    return found


def _may_start(tokens: Tokens, i: int, rules: LanguageRules) -> bool:
    """A capitalised word that may start a name: no article, not the first word of a sentence."""
    word, lower = tokens.words[i], tokens.lower[i]
    return word[:1].isupper() and lower not in rules.definite and lower not in rules.indefinite and not (
        i in tokens.sent_starts or lower in {"de", "het", "the", "een", "a", "an"}
    )


def _names_head(tokens: Tokens, i: int, lookup: HeadClasses) -> bool:
    """A capitalised head noun that can end a capitalised name."""
    return tokens.words[i][:1].isupper() and lookup[tokens.lower[i]] is not None and capitalised(tokens, i)


def _continues(tokens: Tokens, i: int, connectors: frozenset[str]) -> bool:
    """Whether a capitalised name runs on over this token: a capitalised word, a hyphen glued to
    the next word, or a connector before a capitalised word ("Agency for Cybersecurity")."""
    if capitalised(tokens, i) or (tokens.words[i] == "-" and not tokens.space[i]):
        return True
    if i > 1 and tokens.words[i - 1] == "-" and not tokens.space[i - 1] and not tokens.space[i - 2] \
            and tokens.words[i][:1].isalpha():
        return True  # the word a hyphen glues to a capital: "the F-gas Regulation"
    if tokens.lower[i] in ARTICLES and (i == 0 or tokens.lower[i - 1] not in connectors):
        return False  # an article runs on only after a preposition ("Raad voor een Interoperabel ..."), not
        # after a name ("in de Clean Industrial Deal een Bank voor ...")
    return tokens.lower[i] in connectors and i + 1 < len(tokens.words) and capitalised(tokens, i + 1) \
        and not tokens.words[i + 1].isdigit()


def _head_first_names(tokens: Tokens, heads: list[int], rules: LanguageRules,
                      lookup: HeadClasses) -> list[Candidate]:
    """Names whose head comes first: "Europees Comité voor data-innovatie", "Agency for Cybersecurity"."""
    words, lower, space, n = tokens.words, tokens.lower, tokens.space, len(tokens.words)
    found = []
    for i in heads:
        if i + 2 >= n or lower[i] in rules.instrument_nouns:
            continue
        cls = lookup[lower[i]][0]
        if cls is None:
            continue
        glued_prefix = i > 1 and words[i - 1] == "-" and not space[i - 2] and capitalised(tokens, i - 2) \
            and words[i - 2] not in rules.common_acronyms
        if not words[i][:1].isupper() and not glued_prefix and not (
            i > 0 and lower[i - 1] in _NAME_ADJECTIVES and words[i - 1][:1].isupper()
        ):
            continue
        if lower[i + 1] not in {"voor", "van", "for", "of", "inzake", "on", "ter", "tot", "to"}:
            if (rules.lang == "nl" and words[i][:1].isupper() and capitalised(tokens, i + 1)
                    and not words[i + 1].isdigit() and lower[i + 1] not in rules.name_heads):
                k = i + 2
                # "Inspectie Leefomgeving en Transport", "Autoriteit Consument & Markt", "Autoriteit Financiële Markten"
                while k < n:
                    if words[k] in HYPHENS and k + 1 < n and not space[k - 1] and not space[k] \
                            and words[k + 1][:1].isalpha():
                        k += 2  # a glued compound: "Platform Netto-nul Europa"
                    elif (capitalised(tokens, k) and not words[k].isdigit() and lower[k] not in rules.name_heads
                          and k not in tokens.sent_starts):
                        k += 1
                    elif k + 1 < n and lower[k] in {"en", "&", "van", "voor"} and capitalised(tokens, k + 1) \
                            and not words[k + 1].isdigit():
                        k += 2
                    else:
                        break
                found.append(candidate(tokens, i, k, "name", cls, head=lower[i]))
            continue
        first = i - 1 if i > 0 and words[i - 1][:1].isupper() and lower[i - 1] not in rules.definite else i
        if glued_prefix:
            first = i - 2
        if first == i and i > 0 and lower[i - 1] in _BARE_BEFORE:
            continue  # "Letter to Parliament on the Action Plan": a body named by its head alone
        j = _head_first_end(tokens, i, rules)
        if j > i + 2:
            # a head noun with what it is for is a whole name: "Raad voor kritieke grondstoffen" is no Council
            found.append(candidate(tokens, first, j, "name", cls, head=lower[i], extra={"whole": True}))
    return found


_AND = frozenset({"and", "en", "&"})
#: Prepositions before a bare head noun ("to Parliament", "aan Parlement"): the body itself, not the
#: start of a head-first name.
_BARE_BEFORE = frozenset({"to", "from", "by", "with", "aan", "door", "met"})


def _head_first_end(tokens: Tokens, i: int, rules: LanguageRules) -> int:
    """Where a name whose head ``i`` is followed by a preposition stops."""
    words, lower, n = tokens.words, tokens.lower, len(tokens.words)
    j = i + 2
    seen_capital = False
    while j < n and j - i < 11:
        word = words[j]
        if word in HYPHENS and j + 1 < n and not tokens.space[j - 1] and not tokens.space[j] \
                and words[j + 1][:1].isalpha():
            j += 2  # a glued compound: "European Network of Fact-Checkers"
            continue
        if is_punct(word) and word != "-" or word.isspace():
            break
        if lower[j] in _AND and seen_capital and j + 1 < n and words[j + 1][:1].isupper() \
                and lower[j + 1] not in _NAME_ADJECTIVES and lower[j + 1] not in rules.definite:
            j += 2  # "Research Fund for Coal and Steel", "Directorate-General for Defence Industry and Space"
            continue
        if lower[j] in rules.name_stops or verb_like(lower[j], rules) and not (
                word[:1].isupper() and words[j - 1][:1].isupper()):
            break  # a capitalised word after a capital is no verb: "... of New Commission Proposals"
        if word[:1].isdigit() or lower[j] in MONTHS:
            break
        capital = word[:1].isupper() and lower[j] not in _NAME_ADJECTIVES
        if seen_capital and not capital and lower[j] not in rules.name_connectors:
            break
        if not capital and lower[j] not in rules.name_connectors and word != "-" and rules.lang != "nl":
            break
        seen_capital = seen_capital or capital
        j += 1
    while j - 1 > i + 1 and (lower[j - 1] in rules.name_connectors or words[j - 1] == "-"):
        j -= 1
    return j


def _generic_to_coref(cand: Candidate, lookup: HeadClasses, lang: str, other_lang: str | None) -> Candidate:
    """A "name" made only of generic words ("Gemeenschappelijke Onderneming", "Joint Undertaking",
    "EU-programma") is a short form of a name used before, not a new thing; a compound that ends in
    a head noun is no generic word ("Europees Windhandvest")."""
    words = [w for w in _WORD_BREAKS.split(cand.text.lower()) if w]
    if cand.extra.get("lowercase") or not words or not all(
            w in _GENERIC_NAME_WORDS or lookup[w] and listed_class(w, lang, other_lang) for w in words):
        return cand
    head = next((w for w in reversed(words) if lookup[w]), words[-1])
    return Candidate(cand.start, cand.end, cand.text, "coref", cand.cls, head=head, extra={"strict": True})


_GENERIC_NAME_WORDS = {
    "eu", "europees", "europese", "european", "gemeenschappelijke", "gemeenschappelijk", "joint", "uitvoerend",
    "executive", "new", "nieuwe", "nieuw", "national", "nationale", "nationaal", "high-level", "the", "de", "het",
    "for", "voor", "of", "van", "action",
}
