"""Names found by the words around them rather than by their own: quoted names typed by the
noun next to the quotes, names explained by an apposition ("the AI Pact, a voluntary
initiative"), capitalised names that a bracketed acronym spells out ("Innovative Advanced
Materials for the EU (IAM4EU)"), and names that run on through "and" to their acronym.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .candidates import Candidate
from .headwords import ARTICLES, HeadClasses, either_class
from .tokens import MONTHS

_QUOTED = re.compile(r"[“\"‘«]\s*([^“”\"‘’«»\n]{2,80}?)\s*[”\"’»]")
_WORD_AFTER = re.compile(r"[\s-]*(\w+)")
_WORD_BEFORE = re.compile(r"(\w+)\s*$")


#: After a name cut at "en"/"and"/"in": the rest of the name and the acronym in brackets that follows
#: ("Uitvoerend Agentschap voor gezondheid | en digitale technologie (HaDEA)", "Coördinatiecentrum
#: voor respons | in noodsituaties (ERCC)").
_REST_TO_ACRONYM = re.compile(
    r"\s+(en|and|&|in)\s+((?:[^\s(),.;:]+\s+){0,4}[^\s(),.;:]+)\s*\((?P<acronym>[A-Z][A-Za-z0-9-]{1,12}(?:\s[A-Z]{2,8})?)\)")


def through_to_acronym(text: str, names: list[Candidate]) -> list[Candidate]:
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
        described = cand.extra.get("whole") and len(rest) <= 3 and all(w.islower() and w not in ARTICLES for w in rest) \
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


def acronym_defined_names(text: str, lookup: HeadClasses, connectors: frozenset[str]) -> list[Candidate]:
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
        rest = [w for w in words[:len(words) - len(run)] if w.lower() not in ARTICLES]
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


def quoted_names(text: str, lookup: HeadClasses) -> list[Candidate]:
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
            cls = either_class(lookup, after.group(1).lower())
        if cls is None and before:
            cls = either_class(lookup, before.group(1).lower())
        if cls:
            start = m.start(1)
            found.append(Candidate(start, start + len(name), name, "name", cls, head=None))
    return found


def apposition_names(text: str, lookup: HeadClasses) -> list[Candidate]:
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
            cls = either_class(lookup, word.lower())
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
