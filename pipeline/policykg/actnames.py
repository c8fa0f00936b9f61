"""National acts named by a word of their own: one capitalised compound ("Energiewet",
"Uitvoeringswet DSA") or "Wet" and what the law is about in lower case ("de Wet open overheid",
"Wet veiligheidstoets investeringen, fusies en overnames (Wet vifo)").
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import compress, repeat

from .candidates import Candidate
from .headwords import ARTICLES, LOWERCASE_WORD, is_namelike, verb_like
from .lang.rules import LanguageRules, for_language
from .tokens import Tokens, candidate, positions

#: Generic first parts of a national act's name: the name goes on after them ("Uitvoeringswet DSA").
_GENERIC_ACT_PARTS = ("uitvoerings", "implementatie", "invoerings", "wijzigings", "aanpassings", "verzamel", "kader")


@lru_cache(maxsize=None)
def _act_suffixes(lang: str) -> tuple[str, ...]:
    """Short head nouns of instruments that close a one-word compound name ("wet": "Energiewet")."""
    return tuple(h for h, cls in for_language(lang).name_heads.items() if cls == "Instrument" and len(h) < 6)


def closed_compound_acts(tokens: Tokens, rules: LanguageRules) -> list[Candidate]:
    """National acts named by one capitalised compound: "Energiewet", "Elektriciteitswet 1998",
    "Uitvoeringswet DSA"; a year or, after a generic first part, the act's subject belongs to the name."""
    suffixes = _act_suffixes(rules.lang)
    if not suffixes:
        return []
    words, lower, n = tokens.words, tokens.lower, len(tokens.words)
    found = []
    for i in compress(range(n), map(str.endswith, lower, repeat(suffixes))):
        word = lower[i]
        head = next(s for s in suffixes if word.endswith(s))
        if len(word) < len(head) + 3 or not words[i][:1].isupper() or not word.isalpha():
            continue
        stop = i + 1
        if stop < n and words[stop].isdigit() and len(words[stop]) == 4:
            stop += 1
        elif word[: -len(head)].startswith(_GENERIC_ACT_PARTS):
            if stop >= n or not (is_namelike(words[stop]) or rules.instrument_class(words[stop])):
                continue
            stop += 1
        # the act named in "Uitvoeringswet digitaledienstenverordening" is part of this name
        found.append(candidate(tokens, i, stop, "name", "Instrument", head=head, extra={"whole": stop > i + 1}))
    if rules.lang == "nl":
        found += _wet_names(tokens, rules)
    return found


def _wet_names(tokens: Tokens, rules: LanguageRules) -> list[Candidate]:
    """Dutch acts named "Wet" and what they are about, in lower case: "de Wet weerbaarheid kritieke
    entiteiten", "de Wet open overheid", "Wet uitvoering verordening ontbossingsvrije grondstoffen en producten"."""
    words, lower, n = tokens.words, tokens.lower, len(tokens.words)
    found: list[Candidate] = []
    short_forms = set()  # where a short name in brackets starts
    defined: dict[str, int] = {}  # a short name -> its number of words
    for i in positions(words, "Wet"):
        if i == n - 1 or i in tokens.sent_starts or i in short_forms:
            continue
        size = next((size for text, size in defined.items() if " ".join(words[i: i + size]) == text), None)
        if size is not None:
            # "De RVO voert de Wet vifo uit": the short name defined before
            start, end = tokens.starts[i], tokens.starts[i + size - 1] + len(words[i + size - 1])
            found.append(Candidate(start, end, tokens.text[start:end], "acronym", None))
            continue
        j = i + 1
        while j < n and j - i <= 10:
            word = lower[j]
            if word in {"en", ","} and j + 1 < n and LOWERCASE_WORD.match(words[j + 1]) and lower[j + 1] not in ARTICLES \
                    and (word == "en" or _WET_LIST_END.match(tokens.text, tokens.starts[j])):
                j += 1  # "Wet veiligheidstoets investeringen, fusies en overnames (Wet vifo)"
                continue
            if word in _WET_PREPOSITIONS and j + 1 < n and (
                    LOWERCASE_WORD.match(words[j + 1]) and lower[j + 1] not in rules.name_stops):
                j += 1  # "Wet windenergie op zee", "Wet op het financieel toezicht"
                continue
            if word in ARTICLES and lower[j - 1] in _WET_PREPOSITIONS and j + 1 < n \
                    and LOWERCASE_WORD.match(words[j + 1]):
                j += 1  # "Wet op het financieel toezicht"
                continue
            if not LOWERCASE_WORD.match(words[j]) or word in ARTICLES or word in rules.name_stops \
                    or word in rules.name_connectors or word not in _WET_NOUNS and (
                        verb_like(word, rules) or word in rules.trigger_words):
                break
            j += 1
        while j > i + 1 and (lower[j - 1] in _WET_PREPOSITIONS or lower[j - 1] in ARTICLES):
            j -= 1
        if j <= i + 1:
            continue
        found.append(candidate(tokens, i, j, "name", "Instrument", head="wet", extra={"whole": True}))
        if j + 3 < n and words[j] == "(" and words[j + 1] == "Wet":
            # "(Wet vifo)": the law's short name, an alias like an acronym
            k = next((k for k in range(j + 2, min(j + 6, n)) if words[k] == ")"), None)
            if k is not None:
                short_forms.add(j + 1)
                defined[" ".join(words[j + 1: k])] = k - j - 1
                start, end = tokens.starts[j + 1], tokens.starts[k - 1] + len(words[k - 1])
                found.append(Candidate(start, end, tokens.text[start:end], "acronym", None, bracketed=True))
    return found


#: Nouns of Dutch law names that are also relation triggers ("Wet op het financieel toezicht").
_WET_NOUNS = frozenset({"toezicht", "uitvoering", "invoering", "wijziging", "bescherming", "financiering"})
#: Prepositions inside a Dutch law's name ("Wet op het financieel toezicht", "Wet windenergie op zee").
_WET_PREPOSITIONS = frozenset({"op", "van"})
#: A comma inside a law's name: the list it opens ends in "en" and the name is followed by its short form.
_WET_LIST_END = re.compile(r",(?:\s+[a-zà-ÿ\-]+){1,3}(?:,(?:\s+[a-zà-ÿ\-]+){1,3})*\s+en\s+[a-zà-ÿ\-]+\s*\(Wet\b")
