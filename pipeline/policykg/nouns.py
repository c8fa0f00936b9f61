"""Unnamed instruments ("een besluit om ...", "maatregelenpakket") and short forms that refer
back ("die verordening", "the Agency"), found from the instrument nouns and name heads of
:mod:`policykg.lang.rules`.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import compress

from spacy.lang.lex_attrs import is_punct

from .candidates import Candidate
from .lang.rules import LanguageRules, for_language
from .tokens import MONTHS, Tokens, WordTable, candidate

_GENERIC_ACT_COMPOUNDS = {
    "uitvoeringsverordening", "basisverordening", "wijzigingsverordening", "kaderverordening", "kaderrichtlijn",
    "uitvoeringsrichtlijn", "omnibusverordening", "gedelegeerde", "herschikkingsverordening", "voorstelverordening",
}

_DEMONSTRATIVES = {"die", "deze", "dit", "dat", "that", "this", "these", "those"}

_COREF_HEADS = {"Institution", "Programme", "Initiative"}

#: Adjectives written with a capital that do not start a name: "verordening inzake Europese groene obligaties".
_CAPITALISED_ADJECTIVES = frozenset({"europese", "europees", "european"})

#: Dutch predicates that end the noun phrase before them: "(de verordening inzake X is) van toepassing".
_PREDICATES = frozenset({("van", "toepassing"), ("van", "kracht")})

#: Words after which an instrument noun is a verb ("to act", "will plan", "zal besluiten"), and words
#: that follow such a verb after a comma (", act against", ", besluit de Raad").
_VERB_BEFORE = frozenset({"to", "can", "could", "will", "would", "shall", "should", "may", "might", "must",
                          "te", "kan", "kunnen", "zal", "zullen", "moet", "moeten", "mag", "mogen"})
_VERB_AFTER = frozenset({"against", "on", "upon", "quickly", "now", "de", "het", "zij", "hij", "men", "daarom"})

#: Numbers that say how many things an unnamed package or set holds ("a package of four proposals").
_COUNTS = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
           "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien"}


@lru_cache(maxsize=None)
def _may_be_noun(lang: str) -> WordTable[bool]:
    """Whether a lower-cased word may start an instrument noun or a short form ("het agentschap")."""
    rules = for_language(lang)
    firsts = {phrase.split()[0] for phrase in rules.instrument_nouns if " " in phrase}

    def may_be(word: str) -> bool:
        return word in firsts or rules.instrument_class(word) is not None or rules.name_heads.get(word) in _COREF_HEADS

    return WordTable(may_be)


@lru_cache(maxsize=None)
def _phrases(lang: str) -> dict[str, tuple[tuple[list[str], str], ...]]:
    """The instrument nouns of more than one word ("action plan"), as word lists, longest first,
    by their first word."""
    nouns = for_language(lang).instrument_nouns
    by_first: dict[str, list[tuple[list[str], str]]] = {}
    for phrase in sorted((k for k in nouns if " " in k), key=len, reverse=True):
        by_first.setdefault(phrase.split()[0], []).append((phrase.split(), nouns[phrase]))
    return {first: tuple(phrases) for first, phrases in by_first.items()}


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
    for phrase, phrase_cls in _phrases(rules.lang).get(lower[i], ()):
        if lower[i: i + len(phrase)] == phrase:
            width, cls = len(phrase), phrase_cls
            break
    if cls is None:
        cls = rules.instrument_class(words[i])
    head_cls = rules.name_heads.get(lower[i])
    if cls is None and head_cls in _COREF_HEADS and i > 0 and lower[i - 1] in rules.definite:
        # "het agentschap", "the Board", "the Programme", "het fonds": the last such thing named before
        return candidate(tokens, i, i + 1, "coref", head_cls, head=lower[i],
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
    if lower[i] == "recast" and i + 1 < n and words[i + 1][:1].isupper():
        return None, i + width  # "the recast Transfer of Funds Regulation": an adjective before a name
    if det in _VERB_BEFORE or (det in {",", ";"} and i + width < n and lower[i + width] in _VERB_AFTER):
        return None, i + width  # "to act", "can act", ", act against infringements": a verb
    start, end, text = tokens.chars(i, i + width)
    head = text.lower()
    compound = head not in rules.instrument_nouns
    if compound and rules.lang == "nl" and cls in {"Regulation", "Directive"} and head not in _GENERIC_ACT_COMPOUNDS \
            and len(head) >= 14:
        # "de batterijenverordening", "de gigabitinfrastructuurverordening": the name of an act, with
        # a part glued to it by a hyphen ("de GLB-strategischeplannenverordening")
        if i >= 2 and tokens.words[i - 1] == "-" and not tokens.space[i - 2] and not tokens.space[i - 1] \
                and tokens.words[i - 2][:1].isalnum() and tokens.words[i - 2].upper() not in {"EU", "EG", "EEG", "UNIE"}:
            start, _, _ = tokens.chars(i - 2, i)
            text = tokens.text[start:end]
        return Candidate(start, end, text, "name", cls, head=head, extra={"weak": True}), i + width
    nxt = lower[i + width] if i + width < n else ""
    after = i + width + 1
    dated = after < n and (words[after][:1].isdigit() or lower[after] in MONTHS)
    # "de verordening over de herstel- en veerkrachtfaciliteit" describes, it does not refer back
    refers_back = det in rules.definite and not compound and not (nxt in rules.descriptive_prepositions and not dated) \
        and not (nxt in {"van", "of"} and _dated_author(tokens, i + width + 1, rules))
    if refers_back and nxt in {"for", "voor"} and after + 1 < n and lower[after] in {"a", "an", "the", "een", "de", "het"} \
            and words[after + 1][:1].isupper():
        # "the proposal for a Net-Zero Industry Act": the name after it says which, not the proposals before
        return None, i + width
    cand = Candidate(start, end, text, "coref" if refers_back else "anon", cls, head=head,
                     extra={"compound": compound, "demonstrative": det in _DEMONSTRATIVES})
    if cand.kind == "anon":
        cand.label, cand.extra["label_end"] = _descriptive_label(tokens, i, i + width, rules)
    return cand, i + width


def _dated_author(tokens: Tokens, j: int, rules: LanguageRules) -> bool:
    """Whether the words from ``j`` name the author and date of an instrument, or what it is about:
    "(de aanbeveling van) de Raad van 8 december 2022 over ...", "(the recommendation of) the Council
    of 8 December 2022 on ..."."""
    words, lower, n = tokens.words, tokens.lower, len(tokens.words)
    for k in range(j, min(n, j + 7)):
        if is_punct(words[k]) or words[k].isspace():
            return False
        if (lower[k] in {"van", "of"} and k + 1 < n and (words[k + 1][:1].isdigit() or lower[k + 1] in MONTHS)) \
                or (k > j and lower[k] in rules.descriptive_prepositions):
            return True
    return False


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
    # "a package of four legislative proposals on ...": what the package holds, trigger words included
    counted = lower[end] in {"of", "van"} and end + 1 < n and lower[end + 1] in _COUNTS
    seen_capital = False
    while j < n and j - start < 14:
        word = words[j]
        if (is_punct(word) and word not in {"-", "/", "@"}) or word.isspace():
            break
        if counted:  # "... four legislative proposals on anti-money laundering"
            stop = lower[j] in rules.name_stops and lower[j] not in rules.label_prepositions
        else:
            stop = lower[j] in rules.name_stops or (lower[j] in rules.trigger_words
                                                    and lower[j] not in _CAPITALISED_ADJECTIVES)
        if j > end and (stop or (lower[j], lower[j + 1] if j + 1 < n else "") in _PREDICATES) and not purpose:
            break
        # "verordening inzake Europese groene obligaties": an adjective that Dutch and English capitalise
        capital = (word[:1].isupper() or word[:1].isdigit()) and lower[j] not in _CAPITALISED_ADJECTIVES
        glued = words[j - 1] == "-" and not space[j - 1]
        if not purpose and seen_capital and not capital and not glued and word != "-" \
                and lower[j] not in rules.name_connectors and lower[j] not in MONTHS:
            break
        seen_capital = seen_capital or capital
        j += 1
        if purpose and lower[j - 1] == "te" and j < n:
            j += 1
            break
    if j == end + 1 and not purpose:
        # "stelt vierde vereenvoudigingspakket voor:": a verb's particle, with nothing after it, is no preposition
        _, stop, text = tokens.chars(start, end)
        return text, stop
    kept = [k for k in range(start, j) if k == start or lower[k] not in rules.fillers]
    label = "".join(words[k] + (" " if space[k] else "") for k in kept)
    return label.strip(), tokens.chars(start, j)[1]
