"""The rules of one language, compiled once from the constants in ``rules_nl`` / ``rules_en``."""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache, reduce
from operator import or_
from types import ModuleType
from typing import NamedTuple

from . import rules_en, rules_nl

try:
    from re import _constants as _sre, _parser as _sre_parse  # Python 3.11+
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

_MODULES: dict[str, ModuleType] = {"nl": rules_nl, "en": rules_en}

#: The lower-case letters (and apostrophes and hyphens) that words are made of; keywords and hints
#: are words ("co-funds" too: no whitespace splits it).
_WORD_LETTERS = "abcdefghijklmnopqrstuvwxyzßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ'’-"
_WORD = re.compile(f"[{_WORD_LETTERS}]+")
#: Characters that ``re.IGNORECASE`` takes for one of those letters while ``str.lower`` does not
#: turn them into it; in a text with one, hints and starts are not relied on.
_UNSAFE_FOLDING = "İıſ"
#: Most words (and sets of clauses met) whose triggers an index keeps at hand.
_CACHE_SIZE = 1 << 16
#: Shortest start worth looking for: a single letter stands almost anywhere.
_MIN_START = 2
#: Most strings an exact part of a pattern may stand for ("sectors?": "sector", "sectors").
_MAX_EXACT = 32


@dataclass(frozen=True)
class Trigger:
    """A relation trigger: a pattern over one sentence and where its arguments are."""

    property: str
    pattern: re.Pattern[str]
    subject: str
    object: str
    keywords: tuple[str, ...] = ()  # one of these occurs in every lower-cased sentence it is tried on
    hints: tuple[frozenset[str], ...] = ()  # every match contains a string of each (lower-cased)
    starts: tuple[str, ...] = ()  # every match starts with one of these (lower-cased), if any


#: Per sentence, the matches of the triggers tried on it: (position of the trigger, match).
Matches = list[tuple[int, re.Match[str]]]


class TriggerIndex:
    """Which triggers are worth trying on a sentence, told from the words in it, and their matches.

    A trigger is tried where one of its keywords is part of the lower-cased sentence and each of
    its hints is met, and only where one of its starts stands. Hints and starts are not relied on
    in a text with characters that ``re.IGNORECASE`` folds unlike ``str.lower``; these are all:

    >>> everything = "".join(map(chr, range(0x110000)))
    >>> "".join(sorted({x for x in re.findall(f"[{_WORD_LETTERS}]", everything, re.I)
    ...                 if any(x.lower() != c and re.fullmatch(c, x, re.I) for c in _WORD_LETTERS)})) == _UNSAFE_FOLDING
    True
    """

    def __init__(self, triggers: tuple[Trigger, ...]) -> None:
        self.triggers = triggers
        keyword_clauses = list(dict.fromkeys(frozenset(t.keywords) for t in triggers if t.keywords))
        hint_clauses = list(dict.fromkeys(h for t in triggers for h in t.hints))
        bit = {c: 1 << i for i, c in enumerate(keyword_clauses)}
        hint_bit = {c: 1 << i for i, c in enumerate(hint_clauses, start=len(keyword_clauses))}
        self._hint_bits = sum(hint_bit.values())
        self._needs = tuple(
            (bit[frozenset(t.keywords)] if t.keywords else 0) | sum(hint_bit[h] for h in t.hints) for t in triggers
        )
        self._word_bits = _WordBits(tuple(keyword_clauses + hint_clauses))
        self._orders: dict[int, tuple[int, ...]] = {}
        self._starts = tuple(re.compile("|".join(map(re.escape, t.starts))) if t.starts else None for t in triggers)

    def matches(self, text: str, spans: Sequence[tuple[int, int]], admitted: Sequence[Container[int]]) -> list[Matches]:
        """For each span of ``text`` (a sentence), the matches in it of the triggers ``admitted``
        there (by position), trigger by trigger, each as ``pattern.finditer`` gives them.

        >>> index = for_language("en").trigger_index
        >>> [(index.triggers[i].property, m[0]) for i, m in index.matches("It repeals it.", [(0, 14)], [range(99)])[0]]
        [('repeals', 'repeals')]
        """
        lowered = text.lower()
        in_place = len(lowered) == len(text)  # then every character lowers on its own, and slices agree
        folds = not any(c in text for c in _UNSAFE_FOLDING)
        met_anyway = 0 if folds else self._hint_bits
        bits = self._word_bits.__getitem__
        out: list[Matches] = []
        for (start, end), allowed in zip(spans, admitted):
            if not allowed:
                out.append([])
                continue
            words = lowered[start:end].split() if in_place else text[start:end].lower().split()
            sentence = text[start:end]
            found: Matches = []
            for order in self._orders_for(reduce(or_, map(bits, words), met_anyway)):
                if order not in allowed:
                    continue
                pattern, starts = self.triggers[order].pattern, self._starts[order]
                if starts is None or not (in_place and folds):
                    found += [(order, m) for m in pattern.finditer(sentence)]
                else:
                    found += [(order, m) for m in _from_starts(pattern, starts, sentence, lowered, start, end)]
            out.append(found)
        return out

    def _orders_for(self, met: int) -> tuple[int, ...]:
        found = self._orders.get(met)
        if found is None:
            if len(self._orders) >= _CACHE_SIZE:
                self._orders.clear()
            found = self._orders[met] = tuple(i for i, need in enumerate(self._needs) if met & need == need)
        return found


class _WordBits(dict[str, int]):
    """A word -> the bits of the clauses it meets (one of whose strings is part of it), as words come."""

    def __init__(self, clauses: tuple[frozenset[str], ...]) -> None:
        super().__init__()
        bits: dict[str, int] = {}
        for i, clause in enumerate(clauses):
            for string in clause:
                bits[string] = bits.get(string, 0) | 1 << i
        # at each place in a word: the longest string that stands there, and with it those it begins with
        self._longest = re.compile(f"(?=({_longest_first(bits)}))")
        self._bits = {s: reduce(or_, (bits.get(s[:n], 0) for n in range(1, len(s) + 1))) for s in bits}

    def __missing__(self, word: str) -> int:
        if len(self) >= _CACHE_SIZE:
            self.clear()
        found = self[word] = reduce(or_, map(self._bits.__getitem__, self._longest.findall(word)), 0)
        return found


def _longest_first(strings: Iterable[str]) -> str:
    """A pattern for any of ``strings`` that takes the longest that stands at a place.

    >>> re.findall(f"(?=({_longest_first(['in', 'include', 'cl'])}))", "includes")
    ['include', 'cl']
    """
    trie: dict[str, dict] = {}
    for string in strings:
        node = trie
        for char in string:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in node.items() if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body

    return pattern(trie) or "(?!)"


def _from_starts(
    pattern: re.Pattern[str], starts: re.Pattern[str], sentence: str, lowered: str, start: int, end: int
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(sentence)``, trying ``pattern`` only where ``starts`` finds one of its
    starts in ``lowered[start:end]`` (the sentence lower-cased, in place)."""
    pos = start
    while (hit := starts.search(lowered, pos, end)) is not None:
        m = pattern.match(sentence, hit.start() - start)
        if m is None:
            pos = hit.start() + 1
        else:
            yield m
            pos = start + m.end()


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
    trigger_index: TriggerIndex
    trigger_words: frozenset[str]
    sector_lists: tuple[re.Pattern[str], ...]
    sector_list_stops: frozenset[str]
    adoption_words: re.Pattern[str]
    common_acronyms: frozenset[str]
    body_nouns: frozenset[str]
    topic_nouns: re.Pattern[str]
    several_acts: re.Pattern[str]

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
        if len(noun) >= 5 and word.endswith(noun) and len(word) - len(noun) >= 4 and " " not in noun \
                and noun not in _NO_COMPOUND_TAILS:
            return nouns[noun]
    return None


#: Instrument nouns that end other words more often than compounds of their own: "supervision",
#: "television", "televisie".
_NO_COMPOUND_TAILS = frozenset({"vision", "visie"})


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
    if not m or pattern[m.end(): m.end() + 1] in {"?", "*"}:
        return ()  # no such group, or an optional one: \b(central\s+|key\s+)?(element|...)
    words = []
    for alternative in m.group(1).split("|"):
        first = re.split(r"\\s\+?", alternative)[0]
        if not first.isalpha():
            return ()
        words.append(first)
    return tuple(sorted(set(words)))


class _Shape(NamedTuple):
    """What a part of a pattern tells about the strings it matches, lower-cased."""

    exact: frozenset[str] | None  # all of them, if few
    clauses: list[frozenset[str]]  # sets of words, one of which each of them contains
    starts: frozenset[str]  # strings one of which each of them starts with ({""}: unknown)


_EMPTY = frozenset({""})


def _hints_and_starts(pattern: re.Pattern[str]) -> tuple[tuple[frozenset[str], ...], tuple[str, ...]]:
    """The hints of a pattern (clauses every match meets) and its starts (words every match starts with one of).

    >>> hints, starts = _hints_and_starts(re.compile(r"\\b(in|for)\\s+(?P<O>[^.;]{0,40}?\\bsectors?\\b)", re.I))
    >>> [sorted(c) for c in hints], starts
    ([['for', 'in'], ['sector']], ('for', 'in'))
    >>> hints, starts = _hints_and_starts(re.compile(r"\\bvan\\b|(?<=\\d)\\s+de\\b"))
    >>> [sorted(c) for c in hints], starts
    ([['de', 'van']], ())
    >>> _hints_and_starts(re.compile(r"\\w+\\s+\\d"))
    ((), ())
    """
    shape = _sequence(_sre_parse.parse(pattern.pattern, pattern.flags))
    telling = all(_WORD.fullmatch(s) and len(s) >= _MIN_START for s in shape.starts)
    return tuple(dict.fromkeys(shape.clauses)), tuple(sorted(shape.starts)) if telling else ()


def _sequence(items: Iterable[tuple[object, object]]) -> _Shape:
    run = _EMPTY  # the strings the exact items since the last inexact one stand for
    whole = True
    starts = _EMPTY
    found: list[frozenset[str] | None] = []
    for op, av in items:
        shape = _node(op, av)
        found += shape.clauses
        if shape.exact is not None and len(run) * len(shape.exact) <= _MAX_EXACT:
            run = _product(run, shape.exact)
            continue
        if whole:
            starts = _product(run, shape.starts) if len(run) * len(shape.starts) <= _MAX_EXACT else run
            whole = False
        found.append(run)
        run = shape.exact if shape.exact is not None else _EMPTY
    found.append(run)
    return _Shape(run if whole else None, [c for c in map(_clause, found) if c], run if whole else starts)


def _node(op: object, av: object) -> _Shape:
    if op is _sre.LITERAL:
        return _exact(frozenset({chr(av).lower()}))  # type: ignore[arg-type]
    if op is _sre.IN and len(av) <= 4 and all(o is _sre.LITERAL for o, _ in av):  # type: ignore[arg-type]
        return _exact(frozenset(chr(c).lower() for _, c in av))  # type: ignore[union-attr]
    if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
        return _exact(_EMPTY)
    if op is _sre.SUBPATTERN:
        return _sequence(av[-1])  # type: ignore[index]
    if op is _sre.BRANCH:
        return _branch([_sequence(alternative) for alternative in av[1]])  # type: ignore[index]
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
        low, high, item = av  # type: ignore[misc]
        shape = _sequence(item)
        if low == 0:
            exact = shape.exact | _EMPTY if shape.exact is not None and high == 1 else None
            return _Shape(exact, [], shape.starts | _EMPTY)
        return _Shape(shape.exact if low == high == 1 else None, shape.clauses, shape.starts)
    return _Shape(None, [], _EMPTY)


def _exact(strings: frozenset[str]) -> _Shape:
    return _Shape(strings, [], strings)


def _branch(alternatives: list[_Shape]) -> _Shape:
    exacts = [a.exact for a in alternatives]
    exact = None if None in exacts else frozenset().union(*exacts)
    best = [max(a.clauses, key=lambda c: (min(map(len, c)), -len(c))) for a in alternatives if a.clauses]
    clause = _clause(frozenset().union(*best)) if len(best) == len(alternatives) else None
    starts = frozenset().union(*(a.starts for a in alternatives))
    return _Shape(
        exact if exact is not None and len(exact) <= _MAX_EXACT else None,
        [clause] if clause else [],
        starts if len(starts) <= _MAX_EXACT else _EMPTY,
    )


def _product(heads: frozenset[str], tails: frozenset[str]) -> frozenset[str]:
    return frozenset(a + b for a in heads for b in tails)


def _clause(strings: frozenset[str] | None) -> frozenset[str] | None:
    """``strings`` as a clause, without those that contain another; None if one is no word."""
    if not strings or not all(_WORD.fullmatch(s) for s in strings):
        return None
    return frozenset(s for s in strings if not any(t != s and t in s for t in strings))


@lru_cache(maxsize=None)
def for_language(lang: str) -> LanguageRules:
    module = _MODULES[lang]
    triggers = tuple(
        Trigger(prop, compiled, subj, obj, _keywords(pattern), *_hints_and_starts(compiled))
        for prop, pattern, subj, obj in module.TRIGGERS
        for compiled in [re.compile(pattern, re.IGNORECASE)]
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
        adoption_words=re.compile(module.ADOPTION_WORDS, re.IGNORECASE),
        several_acts=re.compile(module.SEVERAL_ACTS, re.IGNORECASE),
        common_acronyms=frozenset(module.COMMON_ACRONYMS),
        body_nouns=frozenset(module.BODY_NOUNS) | {w for w, c in module.NAME_HEADS.items() if c == "Institution"},
        topic_nouns=re.compile(r"\b(%s)\s+([a-z][\w-]*\s+)?(%s)\b" % (
            "|".join(sorted(module.DEFINITE)), "|".join(sorted(module.TOPIC_NOUNS))), re.IGNORECASE),
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
        trigger_index=TriggerIndex(triggers),
    )
