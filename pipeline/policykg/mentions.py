"""Finding mentions: vocabulary matches, legal references, named things not in the
vocabulary, unnamed instruments ("een besluit om ...") and short forms that refer
back ("die verordening", "the Agency").

Everything here works on one spaCy ``Doc`` (or its :class:`~policykg.tokens.Tokens`) and
returns :class:`Candidate` spans with character offsets; :mod:`policykg.linking` decides
which node each one denotes. This module holds the finders over the vocabulary matches,
legal references, bracketed acronyms and brackets, and is the one place to import every
finder from: the others live in

- :mod:`policykg.candidates`: the :class:`Candidate` record and :data:`PRECEDENCE`;
- :mod:`policykg.tokens`: the token table :class:`Tokens` and word tables;
- :mod:`policykg.names`: named things typed by their head noun;
- :mod:`policykg.nouns`: unnamed instruments and short forms;
- :mod:`policykg.sectors`: sectors by word form and in lists.
"""

from __future__ import annotations

import bisect
import re
from itertools import accumulate

from spacy.tokens import Doc

from .candidates import PRECEDENCE, Candidate
from .components import VOCAB_MATCHES, VOCAB_SPANS
from .lang.rules import LanguageRules
from .legalrefs import find_legal_refs
from .names import name_candidates
from .nouns import noun_candidates
from .sectors import sector_list_candidates, sector_word_candidates
from .tokens import Tokens

__all__ = [
    "PRECEDENCE",
    "Candidate",
    "Tokens",
    "acronym_candidates",
    "bare_acronym_candidates",
    "legal_candidates",
    "mark_brackets",
    "name_candidates",
    "noun_candidates",
    "sector_list_candidates",
    "sector_word_candidates",
    "vocabulary_candidates",
]

_ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9@&\-]*[A-Z0-9]s?$")  # "NCCs": a plural acronym too
#: "(DNA)", and "(DNA, COM(2026) 16)": an acronym with the act's number after it.
_BRACKETED_ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z0-9@&\-]{1,15})\s*(?:\)|,\s*(?=(?:COM|JOIN|SWD)\s*\(|(?:Verordening|"
                                r"Richtlijn|Besluit|Regulation|Directive|Decision)\s+(?:\(E[UG]\)|\d|nr|No)))")


def vocabulary_candidates(doc: Doc, text: str) -> list[Candidate]:
    """The gazetteer's matches in ``doc``, the parse of ``text``: read from the plain tuples it
    leaves in ``doc._.pk_vocab_matches``, or from ``doc.spans["pk_vocab"]`` when there are none."""
    matches = doc._.get(VOCAB_MATCHES)
    if matches is None:
        matches = [(s.start_char, s.end_char, s.label_, s.kb_id_) for s in doc.spans.get(VOCAB_SPANS, [])]
    return [Candidate(start, end, text[start:end], "vocab", cls, iri=iri) for start, end, cls, iri in matches
            if not (cls == "MemberState" and _GLUED_BEFORE.search(text, max(0, start - 2), start))]


#: A letter and a hyphen right before a match: the country ends a longer name ("Météo-France", "FIU-Nederland").
_GLUED_BEFORE = re.compile(r"\w[-\u2010\u2011]$")


def legal_candidates(text: str) -> list[Candidate]:
    return [
        Candidate(r.start, r.end, r.text, "legal", r.cls, celex=r.celex, eli=r.eli)
        for r in find_legal_refs(text)
    ]


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


#: An all-capital word of three or more characters, digits and "+" allowed: "AI2F", "EFSD+", "PIAST-AI".
#: (No word, "-" or "+" before it is checked after its first capital, so that re scans for capitals.)
_BARE_ACRONYM = re.compile(r"[A-Z](?<![\w\-+][A-Z])[A-Z0-9²+]{2,}(?:-[A-Z0-9]+)*(?![\w\-])")
_ROMAN = re.compile(r"^[IVXLC]+$")
#: A word next to the acronym that makes it a body ("the operator SES", "GENCI, the French agency").
_WORD_BEFORE = re.compile(r"(\w+)\s+$")
#: What makes an unknown acronym after it a body: the agent of running or building something
#: ("the CVE programme run by MITRE", "beheerd door TNO"), or a host somewhere ("at CINECA in Bologna").
_AGENT_BEFORE = re.compile(r"\b(run|developed|operated|hosted|managed|maintained|built|led|coordinated|beheerd|"
                           r"ontwikkeld|geëxploiteerd|gehost|geleid|gebouwd|gecoördineerd)\s+(by|door)\s+"
                           r"((the|de|het)\s+)?$", re.I)
_AT_BEFORE = re.compile(r"\b(at|bij)\s+$", re.I)
_IN_PLACE_AFTER = re.compile(r"\s+(in|te)\s+(?-i:[A-Z])[a-zà-ÿ]+")
_WORD_AFTER = re.compile(r"\s+(\w+)(?:\s+(\w+))?")


def bare_acronym_candidates(text: str, taken: list[Candidate], rules: LanguageRules) -> list[Candidate]:
    """All-capital words that nothing else found: a project, scheme or body named by its acronym
    ("EUROSWEEP", "AI2F", "SLAIF"). An acronym the item defines in brackets elsewhere is that
    name's alias; another is a name of its own, a body when a word next to it says so
    ("the operator SES"), else an initiative; one inside brackets is left to the name it explains.
    Common abbreviations of the language
    (``COMMON_ACRONYMS``: "CO2", "ISO", "BBP") and words in capitalised lines are no names."""
    spans = sorted((c.start, c.end) for c in taken)
    starts = [start for start, _ in spans]
    reach = list(accumulate((end for _, end in spans), max))  # the furthest end of the spans so far
    defined = {c.text for c in taken if c.kind == "acronym"}
    # "(NCCs)" defines "NCC" as well
    defined |= {text[:-1] for text in defined if text.endswith("s") and text[:-1].isupper()}
    found = []
    matches = list(_BARE_ACRONYM.finditer(text))
    bracketed = {m.group() for m in matches if _in_brackets(text, m.start())}
    # the first part of a compound the item names ("de REMIT-verordening"): that name's short form
    bracketed |= {c.text.split("-", 1)[0] for c in taken if "-" in c.text}
    for m in matches:
        word = m.group()
        start, end = m.span()
        k = bisect.bisect_left(starts, end)  # the spans that start before the word ends
        if k and reach[k - 1] > start:
            continue  # one of them overlaps it
        if word in defined:  # "(RDI)" defined in the item, then "De RDI ...": an alias, whatever the word
            found.append(Candidate(start, end, word, "acronym", None))
            continue
        if word in rules.common_acronyms or _ROMAN.match(word) or sum(ch.isalpha() for ch in word) < 2:
            continue
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line = text[line_start: line_end if line_end >= 0 else len(text)]
        letters = [ch for ch in line if ch.isalpha()]
        if sum(ch.isupper() for ch in letters) > 0.6 * len(letters):
            continue  # a capitalised heading, not a name
        if word in bracketed:
            continue  # "the ETS" after "(EU ETS)"; "(ASAP, Regulation (EU) 2023/1525)": an alias, not a name
        before = _WORD_BEFORE.search(text, max(0, start - 30), start)
        after = _WORD_AFTER.match(text, end)
        heads = [w.lower() for m in (before, after) if m for w in m.groups() if w]
        body = rules.body_nouns.intersection(heads) or (
            # "non-profitorganisatie MITRE": a compound on a body noun
            before is not None and before.group(1).lower().endswith(tuple(rules.body_nouns))
        ) or _AGENT_BEFORE.search(text, max(0, start - 40), start) or (
            _AT_BEFORE.search(text, max(0, start - 8), start) and _IN_PLACE_AFTER.match(text, end))
        cls = "Institution" if body else "Initiative"
        found.append(Candidate(start, end, word, "name", cls, extra={"bare_acronym": True}))
    return found


def _in_brackets(text: str, at: int) -> bool:
    """Whether ``at`` stands inside brackets opened on its line."""
    line_start = text.rfind("\n", 0, at) + 1
    before = text[line_start: at]
    return before.count("(") > before.count(")")


_APPOSITIVE_BEFORE = re.compile(r"(\d|\))\s*,\s*((the|de|het|an?|een)\s+)?$", re.IGNORECASE)
_APPOSITIVE_AFTER = re.compile(r"\s*([,;)]|(and|en|which|die|dat)\b)", re.IGNORECASE)
_OPENING_BRACKET = re.compile(
    r"\(\s*((de|het|the)\s+)?((zogenoemde|zogenaamde|zogeheten|so-called)\s+)?$", re.IGNORECASE
)
_CLOSING_BRACKET = re.compile(r"\s*(\)|,|;)|\s*\(\w{2}\)\s*\)")
#: A short name and a comma before an act's number in the same brackets: "(MiFID II, | Directive 2014/65/EU)".
_SHORT_NAME_FIRST = re.compile(r"\(\s*[A-Z][\w\-]*(\s[\w\-]+){0,2}\s*,\s*$")


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
        if m is None and cand.kind == "legal" and "(" in window:
            m = _SHORT_NAME_FIRST.search(window)
        if m and _CLOSING_BRACKET.match(text[cand.end: cand.end + 12]):
            cand.bracketed = True
            cand.extra["open"] = cand.start - len(m.group(0))
    _mark_numbers_after_names(text, candidates)


_COMMA = re.compile(r"\s*,\s*")
_NUMBER_CLOSES = re.compile(r"\s*([,;:)]|\.(\s|$)|$)")


def _mark_numbers_after_names(text: str, candidates: list[Candidate]) -> None:
    """Flag a numbered act in apposition after its name as an alias of it: "the Governance
    Regulation, Regulation (EU) 2018/1999, under which ...". The name and the number must give
    the same class, and the number must close the apposition, not go on into a list."""
    for prev, cand in zip(candidates, candidates[1:]):
        if cand.kind != "legal" or cand.bracketed or prev.kind not in {"name", "vocab"} or prev.cls != cand.cls:
            continue
        if _COMMA.fullmatch(text, prev.end, cand.start) and _NUMBER_CLOSES.match(text, cand.end):
            cand.bracketed = True
            cand.extra["open"] = prev.end
