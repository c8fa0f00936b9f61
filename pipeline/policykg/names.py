"""Named things not (necessarily) in the vocabulary, typed by their head noun: capitalised
names ("Net-Zero Europe Platform"), names whose head comes first ("Agency for
Cybersecurity"), hyphen compounds ("EuroHPC-verordening"), quoted names and names explained
by an apposition ("the AI Pact, a voluntary initiative").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import compress, repeat

from spacy.lang.lex_attrs import is_punct

from .candidates import Candidate
from .lang.rules import LanguageRules, for_language
from .tokens import MONTHS, Tokens, WordTable, candidate, positions

_QUOTED = re.compile(r"[“\"‘«]\s*([^“”\"‘’«»\n]{2,80}?)\s*[”\"’»]")
_WORD_AFTER = re.compile(r"[\s-]*(\w+)")
_WORD_BEFORE = re.compile(r"(\w+)\s*$")
_WORD_BREAKS = re.compile(r"[\s\-]+")


def _is_namelike(text: str) -> bool:
    return any(c.isupper() or c.isdigit() or c == "@" for c in text)


@lru_cache(maxsize=None)
def _listed_class(word: str, lang: str, other_lang: str | None) -> str | None:
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


def _head_class(word: str, lang: str, other_lang: str | None) -> str | None:
    """The class a (lower-cased) head noun gives a name ("board" -> Institution), in either language."""
    rules = for_language(lang)
    listed = _listed_class(word, lang, other_lang)
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
_HeadClasses = WordTable["tuple[str | None, str] | None"]


@lru_cache(maxsize=None)
def _head_classes(lang: str, other_lang: str | None) -> _HeadClasses:
    """The head classes of words in ``lang`` texts, where ``other_lang`` names occur too."""

    def classes(word: str) -> tuple[str | None, str] | None:
        either = _head_class(word, lang, other_lang)
        return None if either is None else (_head_class(word, lang, None), either)

    return WordTable(classes)


def _capitalised(tokens: Tokens, i: int) -> bool:
    """Starts with a capital or digit, and is not a month name ("on 24 April 2024" ends a name)."""
    word = tokens.words[i]
    return (word[:1].isupper() or word[:1].isdigit()) and tokens.lower[i] not in MONTHS and not (
        word.isdigit() and len(word) == 4 and i > 0 and tokens.lower[i - 1] in MONTHS
    )


_NAME_ADJECTIVES = {"europees", "europese", "eu", "nationaal", "nationale", "gemeenschappelijk", "gemeenschappelijke"}

_HYPHENS = {"-", "\u2010", "\u2011"}


def name_candidates(tokens: Tokens, rules: LanguageRules, other: LanguageRules | None = None) -> list[Candidate]:
    """Named things not (necessarily) in the vocabulary, typed by their head noun."""
    other_lang = other.lang if other is not None else None
    lookup = _head_classes(rules.lang, other_lang)
    heads = list(compress(range(len(tokens.words)), map(lookup.__getitem__, tokens.lower)))
    connectors = rules.name_connectors | other.name_connectors if other is not None else rules.name_connectors
    found = (
        _hyphen_compounds(tokens, heads, lookup, rules.common_acronyms)
        + _capitalised_names(tokens, heads, rules, connectors, lookup)
        + _head_first_names(tokens, heads, rules, lookup)
        + _quoted_names(tokens.text, lookup)
        + _apposition_names(tokens.text, lookup)
        + _closed_compound_acts(tokens, rules)
        + _lowercase_names(tokens, rules, _lowercase_heads(rules.lang, other_lang))
        + _named_packages(tokens, rules)
        + _acronym_defined_names(tokens.text, lookup, connectors)
    )
    found += _through_to_acronym(tokens.text, found)
    return [_generic_to_coref(c, lookup, rules.lang, other_lang) for c in found]


#: After a name cut at "en"/"and"/"in": the rest of the name and the acronym in brackets that follows
#: ("Uitvoerend Agentschap voor gezondheid | en digitale technologie (HaDEA)", "Coördinatiecentrum
#: voor respons | in noodsituaties (ERCC)").
_REST_TO_ACRONYM = re.compile(
    r"\s+(en|and|&|in)\s+((?:[^\s(),.;:]+\s+){0,4}[^\s(),.;:]+)\s*\((?P<acronym>[A-Z][A-Za-z0-9-]{1,12}(?:\s[A-Z]{2,8})?)\)")


_ARTICLES = frozenset({"de", "het", "een", "the", "a", "an"})


def _through_to_acronym(text: str, names: list[Candidate]) -> list[Candidate]:
    """Names that run on through "en"/"and" up to the acronym they define, when the acronym's
    capitals fit the initials of the longer name ("Directorate-General for Defence Industry and
    Space (DG DEFIS)")."""
    found = []
    for cand in names:
        m = _REST_TO_ACRONYM.match(text, cand.end)
        if m is None:
            continue
        longer = text[cand.start: m.start("acronym") - 1].rstrip(" (")
        initials = {w[0].upper() for w in re.split(r"[\s\-]+", longer) if w}
        capitals = [c for c in m.group("acronym") if c.isupper()]
        if len(capitals) < 2:
            # a Dutch act's acronym is written in lower case after its capital: "Wwft", "Wbni"
            capitals = [c.upper() for c in m.group("acronym") if c.isalpha()]
        rest = m.group(2).split()
        described = cand.extra.get("whole") and len(rest) <= 3 and all(w.islower() and w not in _ARTICLES for w in rest) \
            and m.group("acronym").isupper()
        if sum(c in initials for c in capitals) >= 2 or described:
            # "Europese Raad voor landbouw en voeding (EBAF)": a head-first name with what it is for, its
            # acronym from another language
            found.append(Candidate(cand.start, cand.start + len(longer), longer, "name", cand.cls,
                                   head=cand.head, extra={**cand.extra, "defines_acronym": True}))
    return found


#: An acronym in brackets, two capitals or more: "(IAM4EU)", "(SIAC)"; not the "(EU)" of an act's number.
_DEFINED_ACRONYM = re.compile(r"\((?!(?:EU|EG|EC|EEC|EEG|EGKS|ECSC)\))(?P<acronym>[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*)\)")
#: Words of an act's name: such a name is the act's, which the legal references find.
_ACT_WORDS = frozenset({"instrument", "act", "regulation", "directive", "decision", "wet", "verordening", "richtlijn"})
#: Prepositions that make the words after them a complement, not a name of their own.
_OF_WORDS = frozenset({"of", "for", "on", "van", "voor", "over", "inzake", "op"})
#: Characters that end the run of words before a bracketed acronym.
_RUN_BREAK = re.compile(r"[,;:.()\"“”]")


def _acronym_defined_names(text: str, lookup: _HeadClasses, connectors: frozenset[str]) -> list[Candidate]:
    """Capitalised names without a telling head that the acronym after them spells out: "Innovative
    Advanced Materials for the EU (IAM4EU)", "Single Intelligence Analysis Capacity (SIAC)". The
    initials must give the acronym's first letter and most of its capitals; a name with a head noun
    is left to the other finders, which type it."""
    found = []
    for m in _DEFINED_ACRONYM.finditer(text):
        before = text[max(0, m.start() - 160): m.start()]
        brk = max((b.end() for b in _RUN_BREAK.finditer(before)), default=0)
        words = before[brk:].split()
        run: list[str] = []
        for word in reversed(words):
            if word[:1].isupper() or word.lower() in connectors:
                run.insert(0, word)
            else:
                break
        while run and not run[0][:1].isupper():
            run.pop(0)
        capitalised = [w for w in run if w[:1].isupper()]
        if len(capitalised) < 2 or any(lookup[w.lower()] or w.lower() in _ACT_WORDS for w in run):
            continue
        rest = [w for w in words[:len(words) - len(run)] if w.lower() not in _ARTICLES]
        if rest and rest[-1].lower() in _OF_WORDS:
            continue  # "ministeries van Volkshuisvesting en Ruimtelijke Ordening (VRO)", "Regulation ... on the
            # European Health Data Space (EHDS)": what another noun is of or about
        initials = "".join(w if w.isupper() else w[0] for w in capitalised)
        capitals = [c for c in m.group("acronym") if c.isupper()]
        if capitals[0] != initials[0] or sum(c in initials for c in capitals) * 3 < len(capitals) * 2:
            continue
        name = " ".join(run)
        start = text.rfind(name, max(0, m.start() - 160), m.start())
        if start >= 0 and text[start + len(name): m.start()].strip() == "":
            found.append(Candidate(start, start + len(name), name, "name", "Initiative", head=None,
                                   extra={"defines_acronym": True}))
    return found


def _hyphen_compounds(tokens: Tokens, heads: list[int], lookup: _HeadClasses,
                      common: frozenset[str] = frozenset()) -> list[Candidate]:
    """Compounds with a telling head: "AI@EC-mededeling", "EuroHPC-verordening", "Net-Zero-platform";
    not those on a common abbreviation ("een IT-systeem", "het ICT-platform")."""
    words, space = tokens.words, tokens.space
    found = []
    for head in heads:
        i = head - 2
        if i < 0 or words[i + 1] not in _HYPHENS or space[i + 1] or space[i] or words[i] in common:
            continue
        if _is_namelike(words[i]) and any(c.isalnum() for c in words[i]):
            first = i
            while first >= 2 and words[first - 1] == "-" and not space[first - 2] and not space[first - 1]:
                first -= 2
            # capitalised words before it belong to the name ("de Quantum Europe-strategie"), not one
            # that opens the sentence
            while first >= 2 and space[first - 1] and _capitalised(tokens, first - 1) \
                    and words[first - 2][:1].isalpha() and words[first - 2][:1].islower():
                first -= 1
            found.append(candidate(tokens, first, head + 1, "name", _either_class(lookup, tokens.lower[head]),
                               head=tokens.lower[head]))
    return found


def _capitalised_names(tokens: Tokens, heads: list[int], rules: LanguageRules, connectors: frozenset[str],
                       lookup: _HeadClasses) -> list[Candidate]:
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
            if _either_class(lookup, lower[k]) == "Institution" and lower[k + 1] in {"for", "of", "voor", "van"}:
                type_head = k
                break
        found.append(candidate(tokens, start, last_head + 1, "name", _either_class(lookup, lower[type_head]),
                           head=lower[last_head]))
    return found


#: Generic first parts of a national act's name: the name goes on after them ("Uitvoeringswet DSA").
_GENERIC_ACT_PARTS = ("uitvoerings", "implementatie", "invoerings", "wijzigings", "aanpassings", "verzamel", "kader")


@lru_cache(maxsize=None)
def _act_suffixes(lang: str) -> tuple[str, ...]:
    """Short head nouns of instruments that close a one-word compound name ("wet": "Energiewet")."""
    return tuple(h for h, cls in for_language(lang).name_heads.items() if cls == "Instrument" and len(h) < 6)


def _closed_compound_acts(tokens: Tokens, rules: LanguageRules) -> list[Candidate]:
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
            if stop >= n or not (_is_namelike(words[stop]) or rules.instrument_class(words[stop])):
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
            if word in {"en", ","} and j + 1 < n and _LOWERCASE_WORD.match(words[j + 1]) and lower[j + 1] not in _ARTICLES \
                    and (word == "en" or _WET_LIST_END.match(tokens.text, tokens.starts[j])):
                j += 1  # "Wet veiligheidstoets investeringen, fusies en overnames (Wet vifo)"
                continue
            if word in _WET_PREPOSITIONS and j + 1 < n and (
                    _LOWERCASE_WORD.match(words[j + 1]) and lower[j + 1] not in rules.name_stops):
                j += 1  # "Wet windenergie op zee", "Wet op het financieel toezicht"
                continue
            if word in _ARTICLES and lower[j - 1] in _WET_PREPOSITIONS and j + 1 < n \
                    and _LOWERCASE_WORD.match(words[j + 1]):
                j += 1  # "Wet op het financieel toezicht"
                continue
            if not _LOWERCASE_WORD.match(words[j]) or word in _ARTICLES or word in rules.name_stops \
                    or word in rules.name_connectors or word not in _WET_NOUNS and (
                        _verb_like(word, rules) or word in rules.trigger_words):
                break
            j += 1
        while j > i + 1 and (lower[j - 1] in _WET_PREPOSITIONS or lower[j - 1] in _ARTICLES):
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
_LOWERCASE_WORD = re.compile(r"^[a-zà-ÿ][a-zà-ÿ\-]*$|^[A-Z]{2,6}$")


#: A lower-cased word -> None when it is no head of a name in lower case, else the head (the word
#: itself, or what a Dutch compound ends in) and the class it gives.
_LowercaseHeads = WordTable["tuple[str, str] | None"]


@lru_cache(maxsize=None)
def _lowercase_heads(lang: str, other_lang: str | None) -> _LowercaseHeads:
    """The heads of names in lower case of words in ``lang`` texts, where ``other_lang`` names occur too."""
    heads = _LOWERCASE_HEADS.get(lang, frozenset())
    lookup = _head_classes(lang, other_lang)

    def head_of(word: str) -> tuple[str, str] | None:
        head = word if word in heads else None
        if head is None and lang == "nl" and len(word) > 8 and word.isalpha():
            head = next((h for h in heads if word.endswith(h) and len(word) - len(h) >= 4), None)
        cls = None if head is None else _either_class(lookup, head)
        return None if cls is None else (head, cls)

    return WordTable(head_of)


def _lowercase_names(tokens: Tokens, rules: LanguageRules, lowercase_heads: _LowercaseHeads) -> list[Candidate]:
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
        while first - 1 >= 0 and _LOWERCASE_WORD.match(words[first - 1]) and lower[first - 1] not in _ARTICLES \
                and lower[first - 1] not in rules.name_stops and lower[first - 1] not in rules.definite \
                and lower[first - 1] not in rules.indefinite and lower[first - 1] not in _COMMON_VERBS \
                and i - first < 4:
            first -= 1
        european = first - 1 >= 0 and lower[first - 1] in _EUROPEAN and words[first - 1][:1].isupper()
        start = first - 1 if european else first
        if start == 0 or lower[start - 1] not in _ARTICLES:
            continue
        while first < i and lower[first] in _PLAIN_MODIFIERS:
            first += 1
        stop = i + 1
        if european and stop + 1 < n and lower[stop] in {"for", "on", "of", "voor", "van", "inzake"}:
            k = stop + 1
            while k < n and k - stop <= 5 and _LOWERCASE_WORD.match(words[k]) and words[k] != "-" \
                    and lower[k] not in rules.name_stops and lower[k] not in _ARTICLES and not _verb_like(lower[k], rules):
                k += 1
            while k > stop + 1 and (lower[k - 1] in rules.name_connectors or lower[k - 1] in rules.label_prepositions):
                k -= 1
            if k > stop + 1:
                stop = k
        compound = head != word
        if european:
            if head in _EUROPEAN_ONLY_HEADS and stop == i + 1 and first == i:
                continue
        elif head in _EUROPEAN_ONLY_HEADS or (not compound and i - first < 2):
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
_POSSESSIVES = frozenset({"its", "their", "zijn", "haar", "hun"})


def _named_packages(tokens: Tokens, rules: LanguageRules) -> list[Candidate]:
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
                _LOWERCASE_WORD.match(words[first - 1]) and lower[first - 1] not in _ARTICLES
                and lower[first - 1] not in _POSSESSIVES and lower[first - 1] not in rules.name_stops
                and lower[first - 1] not in rules.definite and lower[first - 1] not in _COMMON_VERBS
                or words[first - 1] in _HYPHENS and first - 2 >= 0 and not space[first - 2] and not space[first - 1]):
            first -= 1
        if first == 0 or (lower[first - 1] not in _ARTICLES and lower[first - 1] not in _POSSESSIVES):
            continue
        while first < i and (lower[first] in _PLAIN_MODIFIERS or lower[first] in rules.fillers
                             or lower[first] in _GENERIC_PACKAGE_WORDS or words[first] in _HYPHENS):
            first += 1
        telling = [k for k in range(first, i) if words[k] not in _HYPHENS and lower[k] not in _GENERIC_PACKAGE_WORDS]
        if len(telling) >= 2:
            found.append(candidate(tokens, first, i + 1, "name", "Package", head=noun, extra={"lowercase": True}))
            continue
        if first == i and i + 2 < n and lower[i + 1] in prepositions and lower[i - 1] in _ARTICLES | _POSSESSIVES:
            k = i + 2
            while k < n and k - i <= 6 and _LOWERCASE_WORD.match(words[k]) and lower[k] not in rules.name_stops \
                    and lower[k] not in _ARTICLES and not _verb_like(lower[k], rules):
                k += 1
            while k > i + 2 and (lower[k - 1] in rules.name_connectors or lower[k - 1] in rules.label_prepositions):
                k -= 1
            if k > i + 2:
                found.append(candidate(tokens, i, k, "name", "Package", head=noun, extra={"lowercase": True}))
    return found


def _either_class(lookup: _HeadClasses, word: str) -> str | None:
    classes = lookup[word]
    return None if classes is None else classes[1]


def _may_start(tokens: Tokens, i: int, rules: LanguageRules) -> bool:
    """A capitalised word that may start a name: no article, not the first word of a sentence."""
    word, lower = tokens.words[i], tokens.lower[i]
    return word[:1].isupper() and lower not in rules.definite and lower not in rules.indefinite and not (
        i in tokens.sent_starts or lower in {"de", "het", "the", "een", "a", "an"}
    )


def _names_head(tokens: Tokens, i: int, lookup: _HeadClasses) -> bool:
    """A capitalised head noun that can end a capitalised name."""
    return tokens.words[i][:1].isupper() and lookup[tokens.lower[i]] is not None and _capitalised(tokens, i)


def _continues(tokens: Tokens, i: int, connectors: frozenset[str]) -> bool:
    """Whether a capitalised name runs on over this token: a capitalised word, a hyphen glued to
    the next word, or a connector before a capitalised word ("Agency for Cybersecurity")."""
    if _capitalised(tokens, i) or (tokens.words[i] == "-" and not tokens.space[i]):
        return True
    if tokens.lower[i] in _ARTICLES and (i == 0 or tokens.lower[i - 1] not in connectors):
        return False  # an article runs on only after a preposition ("Raad voor een Interoperabel ..."), not
        # after a name ("in de Clean Industrial Deal een Bank voor ...")
    return tokens.lower[i] in connectors and i + 1 < len(tokens.words) and _capitalised(tokens, i + 1) \
        and not tokens.words[i + 1].isdigit()


def _head_first_names(tokens: Tokens, heads: list[int], rules: LanguageRules,
                      lookup: _HeadClasses) -> list[Candidate]:
    """Names whose head comes first: "Europees Comité voor data-innovatie", "Agency for Cybersecurity"."""
    words, lower, space, n = tokens.words, tokens.lower, tokens.space, len(tokens.words)
    found = []
    for i in heads:
        if i + 2 >= n or lower[i] in rules.instrument_nouns:
            continue
        cls = lookup[lower[i]][0]
        if cls is None:
            continue
        glued_prefix = i > 1 and words[i - 1] == "-" and not space[i - 2] and _capitalised(tokens, i - 2) \
            and words[i - 2] not in rules.common_acronyms
        if not words[i][:1].isupper() and not glued_prefix and not (
            i > 0 and lower[i - 1] in _NAME_ADJECTIVES and words[i - 1][:1].isupper()
        ):
            continue
        if lower[i + 1] not in {"voor", "van", "for", "of", "inzake", "on", "ter", "tot", "to"}:
            if (rules.lang == "nl" and words[i][:1].isupper() and _capitalised(tokens, i + 1)
                    and not words[i + 1].isdigit() and lower[i + 1] not in rules.name_heads):
                k = i + 2
                # "Inspectie Leefomgeving en Transport", "Autoriteit Consument & Markt", "Autoriteit Financiële Markten"
                while k < n:
                    if words[k] in _HYPHENS and k + 1 < n and not space[k - 1] and not space[k] \
                            and words[k + 1][:1].isalpha():
                        k += 2  # a glued compound: "Platform Netto-nul Europa"
                    elif (_capitalised(tokens, k) and not words[k].isdigit() and lower[k] not in rules.name_heads
                          and k not in tokens.sent_starts):
                        k += 1
                    elif k + 1 < n and lower[k] in {"en", "&", "van", "voor"} and _capitalised(tokens, k + 1) \
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
        if word in _HYPHENS and j + 1 < n and not tokens.space[j - 1] and not tokens.space[j] \
                and words[j + 1][:1].isalpha():
            j += 2  # a glued compound: "European Network of Fact-Checkers"
            continue
        if is_punct(word) and word != "-" or word.isspace():
            break
        if lower[j] in _AND and seen_capital and j + 1 < n and words[j + 1][:1].isupper() \
                and lower[j + 1] not in _NAME_ADJECTIVES and lower[j + 1] not in rules.definite:
            j += 2  # "Research Fund for Coal and Steel", "Directorate-General for Defence Industry and Space"
            continue
        if lower[j] in rules.name_stops or _verb_like(lower[j], rules) and not (
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


def _quoted_names(text: str, lookup: _HeadClasses) -> list[Candidate]:
    """Quoted names, typed by the head noun next to the quotes."""
    found = []
    for m in _QUOTED.finditer(text):
        name = m.group(1).strip()
        if not name[:1].isupper() and not name[:1].isdigit() or len(name.split()) > 8:
            continue
        after = _WORD_AFTER.match(text[m.end(): m.end() + 40])
        before = _WORD_BEFORE.search(text[max(0, m.start() - 40): m.start()])
        cls = None
        if after:
            cls = _either_class(lookup, after.group(1).lower())
        if cls is None and before:
            cls = _either_class(lookup, before.group(1).lower())
        if cls:
            start = m.start(1)
            found.append(Candidate(start, start + len(name), name, "name", cls, head=None))
    return found


def _apposition_names(text: str, lookup: _HeadClasses) -> list[Candidate]:
    """Names explained by an apposition: "the AI Pact, a voluntary initiative"."""
    found = []
    for m in _appositions(text):
        before = text[max(0, m.start() - 12): m.start()].split()
        if before and before[-1].lower() in {"in", "at", "on", "to", "from", "te", "op", "naar", "uit", "bij", "van"}:
            continue
        words = m.group("name").split()
        while words and words[0].lower() in {"the", "de", "het", "een", "a", "an", "this", "dit", "deze"}:
            words.pop(0)
        if not words or not any(c.isupper() for c in "".join(words)) or _opening_word(text, m.start("name"), words):
            continue
        if words[-1].lower() in MONTHS:
            continue  # "on 20 September, the recast text": a date, not a name
        cls = None
        indefinite = m.group("article").lower() in {"a", "an", "een"}
        for word in m.group("tail").split():
            if word[:1].isupper() and not indefinite:
                break  # "Ursula von der Leyen, the Commission President": no apposition of a kind
            cls = _either_class(lookup, word.lower())
            if cls == "Institution" and word[:1].isupper():
                cls = None  # "a Commission Communication": the author, not the kind
            if cls:
                break
        if cls is None:
            continue
        name = " ".join(words)
        start = text.rfind(name, m.start("name"), m.end("name"))
        if start >= 0:
            found.append(Candidate(start, start + len(name), name, "name", cls, head=None))
    return found


def _opening_word(text: str, start: int, words: list[str]) -> bool:
    """Whether ``words`` is one plain word that opens a sentence ("Legally, the new act ..."):
    capitalised only because it comes first, an adverb far more often than a name.

    >>> _opening_word("Legally, the act applies.", 0, ["Legally"]), _opening_word("So. EuroHPC, the", 4, ["EuroHPC"])
    (True, False)
    """
    word = words[0]
    if len(words) > 1 or any(c.isupper() or c.isdigit() for c in word[1:]):
        return False
    before = text[:start].rstrip(" \t")
    return not before or before[-1] in ".!?:\n"


def _verb_like(word: str, rules: LanguageRules) -> bool:
    """A word that ends a name because it is (most likely) a verb: "adviseert", "heeft", "supports"."""
    if word in rules.trigger_words or word in _COMMON_VERBS:
        return True
    return rules.lang == "nl" and len(word) > 5 and (word.endswith("eert") or word.endswith("eren"))


_COMMON_VERBS = {
    "heeft", "hebben", "wordt", "worden", "werd", "werden", "zal", "zullen", "moet", "moeten", "kan", "kunnen", "krijgt",
    "helpt", "werkt", "brengt", "houdt", "geeft", "biedt", "start", "begint", "treedt", "trad", "geldt", "gaat", "komt",
    "ondersteunt", "adviseert", "coördineert", "bundelt", "verbindt", "legt", "stelt", "zorgt", "speelt", "telt",
    "has", "have", "had", "will", "would", "can", "could", "must", "shall", "should", "may", "is", "are", "was", "were",
    "supports", "advises", "coordinates", "helps", "brings", "works", "gets", "gives", "starts", "begins", "takes",
}


def _generic_to_coref(cand: Candidate, lookup: _HeadClasses, lang: str, other_lang: str | None) -> Candidate:
    """A "name" made only of generic words ("Gemeenschappelijke Onderneming", "Joint Undertaking",
    "EU-programma") is a short form of a name used before, not a new thing; a compound that ends in
    a head noun is no generic word ("Europees Windhandvest")."""
    words = [w for w in _WORD_BREAKS.split(cand.text.lower()) if w]
    if cand.extra.get("lowercase") or not words or not all(
            w in _GENERIC_NAME_WORDS or lookup[w] and _listed_class(w, lang, other_lang) for w in words):
        return cand
    head = next((w for w in reversed(words) if lookup[w]), words[-1])
    return Candidate(cand.start, cand.end, cand.text, "coref", cand.cls, head=head, extra={"strict": True})


_GENERIC_NAME_WORDS = {
    "eu", "europees", "europese", "european", "gemeenschappelijke", "gemeenschappelijk", "joint", "uitvoerend",
    "executive", "new", "nieuwe", "nieuw", "national", "nationale", "nationaal", "high-level", "the", "de", "het",
    "for", "voor", "of", "van", "action",
}


_APPOSITION_TAIL = r",\s+(?P<article>a|an|een|the|de|het)\s+(?P<tail>(?:[A-Za-z][\w\-]*\s*){1,4})"
_APPOSITION = re.compile(r"(?P<name>(?:[A-Z][\w@&\-]*\s+){0,4}[A-Z][\w@&\-]*)" + _APPOSITION_TAIL)
_APPOSITION_COMMA = re.compile(_APPOSITION_TAIL)


def _appositions(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_APPOSITION.finditer(text)``, the pattern tried only before a comma that
    an apposition follows: a name holds no comma, so it starts after the comma before."""
    searched = 0
    for tail in _APPOSITION_COMMA.finditer(text):
        m = _APPOSITION.search(text, max(searched, text.rfind(",", 0, tail.start()) + 1), tail.end())
        if m is not None:
            searched = m.end()
            yield m
