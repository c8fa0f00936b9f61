"""Finding mentions: vocabulary matches, legal references, named things not in the
vocabulary, unnamed instruments ("een besluit om ...") and short forms that refer
back ("die verordening", "the Agency").

Everything here works on one spaCy ``Doc`` and returns :class:`Candidate` spans with
character offsets; :mod:`policykg.linking` decides which node each one denotes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress
from typing import TypeVar

from spacy.attrs import IDX, SENT_START, SPACY
from spacy.lang.lex_attrs import is_punct
from spacy.tokens import Doc

from .lang.rules import LanguageRules, for_language
from .legalrefs import find_legal_refs, lowered

#: Kinds of candidate, strongest evidence first.
PRECEDENCE = {"legal": 5, "vocab": 4, "name": 3, "acronym": 2, "anon": 1, "coref": 0}

_QUOTED = re.compile(r"[“\"‘«]\s*([^“”\"‘’«»\n]{2,80}?)\s*[”\"’»]")
_WORD_AFTER = re.compile(r"[\s-]*(\w+)")
_WORD_BEFORE = re.compile(r"(\w+)\s*$")
_WORD_BREAKS = re.compile(r"[\s\-]+")
_ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9@&\-]*[A-Z0-9]$")
_BRACKETED_ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z0-9@&\-]{1,15})\s*\)")


@dataclass
class Candidate:
    start: int
    end: int
    text: str
    kind: str  # legal | vocab | name | acronym | anon | coref
    cls: str | None
    iri: str | None = None  # known identity: vocabulary entry or CELEX node
    celex: str | None = None
    eli: str | None = None
    label: str | None = None  # a descriptive label (unnamed instruments)
    head: str | None = None  # the noun of an unnamed instrument or short form
    bracketed: bool = False  # inside brackets right after what it names
    extra: dict = field(default_factory=dict)

    @property
    def precedence(self) -> int:
        return PRECEDENCE[self.kind]


@dataclass(frozen=True)
class Tokens:
    """The tokens of a parsed text as plain lists, read from the ``Doc`` once: far cheaper
    than making a spaCy ``Token`` for every look at one.

    >>> import spacy
    >>> tokens = Tokens.of(spacy.blank("en")("the AI-Board met"), "the AI-Board met")
    >>> tokens.words, tokens.chars(1, 4)
    (['the', 'AI', '-', 'Board', 'met'], (4, 12, 'AI-Board'))
    """

    text: str
    words: list[str]
    lower: list[str]
    starts: list[int]
    space: list[int]  # 1 when a space follows the token
    sent_starts: frozenset[int]

    @classmethod
    def of(cls, doc: Doc, text: str) -> Tokens:
        """The tokens of ``doc``, the parse of ``text``."""
        columns = doc.to_array([IDX, SPACY, SENT_START])
        starts, space = columns[:, :2].T.tolist()
        words = [text[start: end - gap] for start, end, gap in zip(starts, starts[1:] + [len(text)], space)]
        sent_starts = frozenset([0, *(columns[:, 2] == 1).nonzero()[0].tolist()]) if words else frozenset()
        return cls(text, words, list(map(str.lower, words)), starts, space, sent_starts)

    def chars(self, first: int, stop: int) -> tuple[int, int, str]:
        """Start, end and text of the tokens ``first`` up to ``stop``."""
        start, end = self.starts[first], self.starts[stop - 1] + len(self.words[stop - 1])
        return start, end, self.text[start:end]


def _span(tokens: Tokens, first: int, stop: int, kind: str, cls: str | None, **fields) -> Candidate:
    start, end, text = tokens.chars(first, stop)
    return Candidate(start, end, text, kind, cls, **fields)


def _is_namelike(text: str) -> bool:
    return any(c.isupper() or c.isdigit() or c == "@" for c in text)


def vocabulary_candidates(doc: Doc, text: str) -> list[Candidate]:
    found = []
    for span in doc.spans.get("pk_vocab", []):
        start, end = span.start_char, span.end_char
        found.append(Candidate(start, end, text[start:end], "vocab", span.label_, iri=span.kb_id_))
    return found


def legal_candidates(text: str) -> list[Candidate]:
    return [
        Candidate(r.start, r.end, r.text, "legal", r.cls, celex=r.celex, eli=r.eli)
        for r in find_legal_refs(text)
    ]


def _head_class(word: str, lang: str, other_lang: str | None) -> str | None:
    """The class a (lower-cased) head noun gives a name ("board" -> Institution), in either language."""
    rules = for_language(lang)
    other = for_language(other_lang) if other_lang else None
    forms = [word]
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    elif word.endswith("s") and len(word) > 4:
        forms.append(word[:-1])
    for r in (rules, other):
        if r is None:
            continue
        for form in forms:
            if form in r.name_heads:
                return r.name_heads[form]
            if form in r.instrument_nouns:
                return r.instrument_nouns[form]
    if rules.lang == "nl" and len(word) > 8:
        # Dutch closed compounds: "cyberbeveiligingsreserve", "vaardighedenacademie"
        for head in sorted(rules.name_heads, key=len, reverse=True):
            if len(head) >= 6 and word.endswith(head) and len(word) - len(head) >= 4:
                return rules.name_heads[head]
    return None


#: Most words a word table keeps.
_TABLE_SIZE = 1 << 16
_V = TypeVar("_V")


class _WordTable(dict[str, _V]):
    """A lower-cased word -> what ``describe`` says of it, worked out once per word."""

    def __init__(self, describe: Callable[[str], _V]) -> None:
        super().__init__()
        self.describe = describe

    def __missing__(self, word: str) -> _V:
        if len(self) >= _TABLE_SIZE:
            self.clear()
        found = self[word] = self.describe(word)
        return found


#: A word -> None when it is no head noun, else its class as the head of a name in the
#: language alone (or None) and in either language.
_HeadClasses = _WordTable["tuple[str | None, str] | None"]


@lru_cache(maxsize=None)
def _head_classes(lang: str, other_lang: str | None) -> _HeadClasses:
    """The head classes of words in ``lang`` texts, where ``other_lang`` names occur too."""

    def classes(word: str) -> tuple[str | None, str] | None:
        either = _head_class(word, lang, other_lang)
        return None if either is None else (_head_class(word, lang, None), either)

    return _WordTable(classes)


def _capitalised(tokens: Tokens, i: int) -> bool:
    """Starts with a capital or digit, and is not a month name ("on 24 April 2024" ends a name)."""
    word = tokens.words[i]
    return (word[:1].isupper() or word[:1].isdigit()) and tokens.lower[i] not in _MONTHS and not (
        word.isdigit() and len(word) == 4 and i > 0 and tokens.lower[i - 1] in _MONTHS
    )


_NAME_ADJECTIVES = {"europees", "europese", "eu", "nationaal", "nationale", "gemeenschappelijk", "gemeenschappelijke"}

_GENERIC_ACT_COMPOUNDS = {
    "uitvoeringsverordening", "basisverordening", "wijzigingsverordening", "kaderverordening", "kaderrichtlijn",
    "uitvoeringsrichtlijn", "omnibusverordening", "gedelegeerde", "herschikkingsverordening", "voorstelverordening",
}

_HYPHENS = {"-", "\u2010", "\u2011"}

_DEMONSTRATIVES = {"die", "deze", "dit", "dat", "that", "this", "these", "those"}

_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "januari", "februari", "maart", "mei", "juni", "juli", "augustus", "oktober",
}


def name_candidates(tokens: Tokens, rules: LanguageRules, other: LanguageRules | None = None) -> list[Candidate]:
    """Named things not (necessarily) in the vocabulary, typed by their head noun."""
    lookup = _head_classes(rules.lang, other.lang if other is not None else None)
    heads = list(compress(range(len(tokens.words)), map(lookup.__getitem__, tokens.lower)))
    connectors = rules.name_connectors | other.name_connectors if other is not None else rules.name_connectors
    found = (
        _hyphen_compounds(tokens, heads, lookup)
        + _capitalised_names(tokens, heads, rules, connectors, lookup)
        + _head_first_names(tokens, heads, rules, lookup)
        + _quoted_names(tokens.text, lookup)
        + _apposition_names(tokens.text, lookup)
    )
    return [_generic_to_coref(c, lookup) for c in found]


def _hyphen_compounds(tokens: Tokens, heads: list[int], lookup: _HeadClasses) -> list[Candidate]:
    """Compounds with a telling head: "AI@EC-mededeling", "EuroHPC-verordening", "Net-Zero-platform"."""
    words, space = tokens.words, tokens.space
    found = []
    for head in heads:
        i = head - 2
        if i < 0 or words[i + 1] not in _HYPHENS or space[i + 1] or space[i]:
            continue
        if _is_namelike(words[i]) and any(c.isalnum() for c in words[i]):
            first = i
            while first >= 2 and words[first - 1] == "-" and not space[first - 2] and not space[first - 1]:
                first -= 2
            found.append(_span(tokens, first, head + 1, "name", _either_class(lookup, tokens.lower[head]),
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
        for k in range(start, last_head):
            if _either_class(lookup, lower[k]) == "Institution" and lower[k + 1] in {"for", "of", "voor", "van"}:
                type_head = k
                break
        found.append(_span(tokens, start, last_head + 1, "name", _either_class(lookup, lower[type_head]),
                           head=lower[last_head]))
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
        glued_prefix = i > 1 and words[i - 1] == "-" and not space[i - 2] and _capitalised(tokens, i - 2)
        if not words[i][:1].isupper() and not glued_prefix and not (
            i > 0 and lower[i - 1] in _NAME_ADJECTIVES and words[i - 1][:1].isupper()
        ):
            continue
        if lower[i + 1] not in {"voor", "van", "for", "of", "inzake", "on", "ter", "tot", "to"}:
            if (rules.lang == "nl" and words[i][:1].isupper() and _capitalised(tokens, i + 1)
                    and not words[i + 1].isdigit() and lower[i + 1] not in rules.name_heads):
                k = i + 2
                # "Inspectie Leefomgeving en Transport", "Autoriteit Consument & Markt"
                while k + 1 < n and lower[k] in {"en", "&", "van", "voor"} and _capitalised(tokens, k + 1) \
                        and not words[k + 1].isdigit():
                    k += 2
                found.append(_span(tokens, i, k, "name", cls, head=lower[i]))
            continue
        first = i - 1 if i > 0 and words[i - 1][:1].isupper() and lower[i - 1] not in rules.definite else i
        if glued_prefix:
            first = i - 2
        j = _head_first_end(tokens, i, rules)
        if j > i + 2:
            found.append(_span(tokens, first, j, "name", cls, head=lower[i]))
    return found


def _head_first_end(tokens: Tokens, i: int, rules: LanguageRules) -> int:
    """Where a name whose head ``i`` is followed by a preposition stops."""
    words, lower, n = tokens.words, tokens.lower, len(tokens.words)
    j = i + 2
    seen_capital = False
    while j < n and j - i < 11:
        word = words[j]
        if is_punct(word) and word != "-" or word.isspace():
            break
        if lower[j] in rules.name_stops or _verb_like(lower[j], rules):
            break
        if word[:1].isdigit() or lower[j] in _MONTHS:
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
        if not words or not any(c.isupper() for c in "".join(words)):
            continue
        cls = None
        for word in m.group("tail").split():
            cls = _either_class(lookup, word.lower())
            if cls:
                break
        if cls is None:
            continue
        name = " ".join(words)
        start = text.rfind(name, m.start("name"), m.end("name"))
        if start >= 0:
            found.append(Candidate(start, start + len(name), name, "name", cls, head=None))
    return found


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


def _generic_to_coref(cand: Candidate, lookup: _HeadClasses) -> Candidate:
    """A "name" made only of generic words ("Gemeenschappelijke Onderneming", "Joint Undertaking",
    "EU-programma") is a short form of a name used before, not a new thing."""
    words = [w for w in _WORD_BREAKS.split(cand.text.lower()) if w]
    if not words or not all(w in _GENERIC_NAME_WORDS or lookup[w] for w in words):
        return cand
    head = next((w for w in reversed(words) if lookup[w]), words[-1])
    return Candidate(cand.start, cand.end, cand.text, "coref", cand.cls, head=head, extra={"strict": True})


_GENERIC_NAME_WORDS = {
    "eu", "europees", "europese", "european", "gemeenschappelijke", "gemeenschappelijk", "joint", "uitvoerend",
    "executive", "new", "nieuwe", "nieuw", "national", "nationale", "nationaal", "high-level", "the", "de", "het",
    "for", "voor", "of", "van",
}


_APPOSITION_TAIL = r",\s+(?:a|an|een|the|de|het)\s+(?P<tail>(?:[a-z][\w\-]*\s*){1,4})"
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
                "whole", "entire", "public", "private", "same", "other", "andere", "each", "every", "elke", "iedere"}


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
    "en": re.compile(r"\s*,\s*|(?<!-)\s+(?:and|or)\s+"),
}


def sector_list_candidates(text: str, rules: LanguageRules) -> list[Candidate]:
    """Members of a sector list ("sectoren zoals energie, drinkwater en afvalbeheer") are sectors,
    whether or not the vocabulary has them; linking still finds those it has."""
    found = []
    folded = lowered(text)
    for pattern in rules.sector_lists:
        for m in _matches(pattern, text, folded):
            start = m.start("L")
            for part in _LIST_SPLIT[rules.lang].split(m.group("L")):
                offset = text.find(part, start) if part else -1
                if offset < 0:
                    continue
                start = offset + len(part)
                words = part.split()
                while words and words[0].lower() in {"zoals", "waaronder", "such", "as", "including", "like", "de", "het", "the"}:
                    words.pop(0)
                if not words or len(words) > 4 or words[0].lower() in rules.sector_list_stops:
                    continue
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


def acronym_candidates(text: str, taken: list[Candidate]) -> list[Candidate]:
    """``(ACRONYM)`` right after a name: an alias that takes the class of what it follows."""
    found = []
    for m in _BRACKETED_ACRONYM.finditer(text):
        word = m.group(1)
        if not _ACRONYM.match(word) or sum(c.isupper() for c in word) < 2:
            continue
        start = m.start(1)
        found.append(Candidate(start, start + len(word), word, "acronym", None, bracketed=True))
    return found


_COREF_HEADS = {"Institution", "Programme", "Initiative"}


@lru_cache(maxsize=None)
def _may_be_noun(lang: str) -> _WordTable[bool]:
    """Whether a lower-cased word may start an instrument noun or a short form ("het agentschap")."""
    rules = for_language(lang)
    firsts = {phrase.split()[0] for phrase in rules.instrument_nouns if " " in phrase}

    def may_be(word: str) -> bool:
        return word in firsts or rules.instrument_class(word) is not None or rules.name_heads.get(word) in _COREF_HEADS

    return _WordTable(may_be)


@lru_cache(maxsize=None)
def _phrases(lang: str) -> tuple[tuple[list[str], str], ...]:
    """The instrument nouns of more than one word ("action plan"), as word lists, longest first."""
    nouns = for_language(lang).instrument_nouns
    phrases = sorted((k for k in nouns if " " in k), key=len, reverse=True)
    return tuple((phrase.split(), nouns[phrase]) for phrase in phrases)


def noun_candidates(tokens: Tokens, rules: LanguageRules) -> list[Candidate]:
    """Unnamed instruments ("een besluit", "maatregelenpakket") and short forms ("die verordening")."""
    found = []
    unread = 0  # the first token not yet part of a candidate or looked at
    for at in compress(range(len(tokens.words)), map(_may_be_noun(rules.lang).__getitem__, tokens.lower)):
        if at >= unread:
            cand, unread = _noun_at(tokens, at, rules)
            if cand is not None:
                found.append(cand)
    return found


def _noun_at(tokens: Tokens, i: int, rules: LanguageRules) -> tuple[Candidate | None, int]:
    """The candidate an instrument noun or short form at token ``i`` gives, and the next token to look at."""
    words, lower, n = tokens.words, tokens.lower, len(tokens.words)
    width, cls = 1, None
    for phrase, phrase_cls in _phrases(rules.lang):
        if lower[i: i + len(phrase)] == phrase:
            width, cls = len(phrase), phrase_cls
            break
    if cls is None:
        cls = rules.instrument_class(words[i])
    head_cls = rules.name_heads.get(lower[i])
    if cls is None and head_cls in _COREF_HEADS and i > 0 and lower[i - 1] in rules.definite:
        # "het agentschap", "the Board", "the Programme", "het fonds": the last such thing named before
        return _span(tokens, i, i + 1, "coref", head_cls, head=lower[i],
                     extra={"strict": True, "demonstrative": lower[i - 1] in _DEMONSTRATIVES}), i + 1
    if cls is None or (
        words[i][:1].isupper() and i not in tokens.sent_starts and lower[i] not in rules.instrument_nouns
    ):
        return None, i + 1
    # the determiner, skipping fillers ("de zogenoemde", "the so-called")
    j = i - 1
    while j >= 0 and lower[j] in rules.fillers:
        j -= 1
    det = lower[j] if j >= 0 else ""
    if det in rules.anon_blockers:
        return None, i + width
    start, end, text = tokens.chars(i, i + width)
    head = text.lower()
    compound = head not in rules.instrument_nouns
    if compound and rules.lang == "nl" and cls in {"Regulation", "Directive"} and head not in _GENERIC_ACT_COMPOUNDS \
            and len(head) >= 14:
        # "de batterijenverordening", "de gigabitinfrastructuurverordening": the name of an act
        return Candidate(start, end, text, "name", cls, head=head, extra={"weak": True}), i + width
    nxt = lower[i + width] if i + width < n else ""
    after = i + width + 1
    dated = after < n and (words[after][:1].isdigit() or lower[after] in _MONTHS)
    # "de verordening over de herstel- en veerkrachtfaciliteit" describes, it does not refer back
    refers_back = det in rules.definite and not compound and not (nxt in rules.descriptive_prepositions and not dated)
    cand = Candidate(start, end, text, "coref" if refers_back else "anon", cls, head=head,
                     extra={"compound": compound, "demonstrative": det in _DEMONSTRATIVES})
    if cand.kind == "anon":
        cand.label, cand.extra["label_end"] = _descriptive_label(tokens, i, i + width, rules)
    return cand, i + width


def _descriptive_label(tokens: Tokens, start: int, end: int, rules: LanguageRules) -> tuple[str, int]:
    """The noun phrase an unnamed instrument is introduced with, fillers dropped.

    It runs on only through a preposition ("besluit tot oprichting van ...", "a decision
    establishing ..."), up to punctuation, a line break or a stop word; a purpose clause
    ("besluit om ... op te richten") is kept whole.
    """
    words, lower, space, n = tokens.words, tokens.lower, tokens.space, len(tokens.words)
    if end >= n or lower[end] not in rules.label_prepositions:
        _, stop, text = tokens.chars(start, end)
        return text, stop
    j = end
    purpose = lower[end] in {"om", "to"}
    seen_capital = False
    while j < n and j - start < 14:
        word = words[j]
        if (is_punct(word) and word not in {"-", "/", "@"}) or word.isspace():
            break
        if j > end and (lower[j] in rules.name_stops or lower[j] in rules.trigger_words) and not purpose:
            break
        capital = word[:1].isupper() or word[:1].isdigit()
        glued = words[j - 1] == "-" and not space[j - 1]
        if not purpose and seen_capital and not capital and not glued and word != "-" \
                and lower[j] not in rules.name_connectors:
            break
        seen_capital = seen_capital or capital
        j += 1
        if purpose and lower[j - 1] == "te" and j < n:
            j += 1
            break
    kept = [k for k in range(start, j) if k == start or lower[k] not in rules.fillers]
    label = "".join(words[k] + (" " if space[k] else "") for k in kept)
    return label.strip(), tokens.chars(start, j)[1]


_APPOSITIVE_BEFORE = re.compile(r"(\d|\))\s*,\s*((the|de|het|an?|een)\s+)?$", re.IGNORECASE)
_APPOSITIVE_AFTER = re.compile(r"\s*([,;)]|(and|en|which|die|dat)\b)", re.IGNORECASE)
_OPENING_BRACKET = re.compile(
    r"\(\s*((de|het|the)\s+)?((zogenoemde|zogenaamde|zogeheten|so-called)\s+)?$", re.IGNORECASE
)
_CLOSING_BRACKET = re.compile(r"\s*(\)|,|;)|\s*\(\w{2}\)\s*\)")


def mark_brackets(text: str, candidates: list[Candidate], rules: LanguageRules) -> None:
    """Flag candidates that stand in brackets right after a name: "(ALT-EDIC)", "(COM(2024) 28)",
    and names in apposition after a numbered act: "Directive 2008/98/EC, the Waste Framework
    Directive, ..." or "Regulation (EU) 2025/37, an amendment of the Cybersecurity Act"."""
    for cand in candidates:
        if cand.kind in {"name", "anon", "vocab"}:
            window = text[max(0, cand.start - 20): cand.start]
            before = _APPOSITIVE_BEFORE.search(window) if "," in window else None
            if before and (cand.kind == "anon" or _APPOSITIVE_AFTER.match(text[cand.end: cand.end + 12])):
                cand.bracketed = True
                cand.extra["open"] = cand.start - len(before.group(0)) + 1
                cand.extra["apposition"] = True
                continue
        window = text[max(0, cand.start - 30): cand.start]
        m = _OPENING_BRACKET.search(window) if "(" in window else None
        if m and _CLOSING_BRACKET.match(text[cand.end: cand.end + 12]):
            cand.bracketed = True
            cand.extra["open"] = cand.start - len(m.group(0))
