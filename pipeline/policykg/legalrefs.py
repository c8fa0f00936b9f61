"""Legal references in text: numbered EU acts, Commission documents, CELEX numbers.

``find_legal_refs(text)`` finds ``Verordening (EU) 2021/1173``, ``Regulation (EC) No
1907/2006``, ``Directive 2011/24/EU``, ``Uitvoeringsbesluit (EU) 2022/2481``,
``COM(2024) 28 final``, ``SWD(2024) 12``, ``JOIN(2023) 20``, ``C(2024) 390`` and
``CELEX:32021R1173`` and turns each into a :class:`LegalRef` with its CELEX number
and, for regulations, directives and decisions, its ELI IRI.

The module is pure and cheap: the patterns are compiled once, at import, from the
word lists in :mod:`policykg.lang.legal_terms`; the code here knows no language.

Numbering conventions (see docs/DATAMODEL.md):

* Since 2015 every act is numbered ``year/number`` (``(EU) 2021/1173``).
* Before 2015 regulations were ``No number/year`` (``(EU) No 1291/2013``) and
  directives and most decisions ``year/number/issuer`` (``2011/24/EU``); years before
  1999 have two digits (``95/46/EC``, ``(EEC) No 1408/71``).
* CELEX: acts ``3{year}{R|L|D|H}{number:04d}``; COM documents ``5{year}DC{number:04d}``
  (communication) or ``5{year}PC{number:04d}`` (proposal), told apart by
  :func:`classify_com`; SWD ``5{year}SC...``; JOIN ``5{year}JC...``. ``C(...)``
  documents have no CELEX number of their own (the act they adopt gets one when it is
  published), so their ``celex`` is ``None``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Literal

from policykg.lang import legal_terms as terms
from policykg.namespaces import ELI_IRI

__all__ = ["LegalRef", "find_legal_refs", "celex_for", "eli_for", "classify_com", "DOC_TYPES"]

#: Every value of :attr:`LegalRef.doc_type`.
DOC_TYPES: tuple[str, ...] = (
    "regulation",
    "directive",
    "decision",
    "recommendation",
    "COM",
    "SWD",
    "C",
    "JOIN",
    "celex",
)

ComKind = Literal["DC", "PC"]

_ACT_LETTER = {"regulation": "R", "directive": "L", "decision": "D", "recommendation": "H"}
_ELI_SEGMENT = {"regulation": "reg", "directive": "dir", "decision": "dec"}
_SERIES_LETTERS = {"SWD": "SC", "JOIN": "JC"}
_ACT_CLASS = {
    "regulation": "Regulation",
    "directive": "Directive",
    "decision": "Decision",
    "recommendation": "Recommendation",
}
_SERIES_CLASS = {"SWD": "StaffWorkingDocument", "JOIN": "Communication", "C": "Decision"}
#: The nouns right before a C document that say it is no decision: "Recommendation (C(2025) 3500)".
_C_KINDS = {"recommendation": "Recommendation", "aanbeveling": "Recommendation", "communication": "Communication",
            "mededeling": "Communication"}
_C_KIND_BEFORE = re.compile(r"\b(recommendation|aanbeveling|communication|mededeling)\s*(\(\s*)?$", re.I)
_COM_CLASS = {"DC": "Communication", "PC": "Proposal"}
# sector 3 (acts) and 5 (preparatory documents): CELEX type letters -> doc type
_CELEX_TYPES = {
    ("3", "R"): "regulation",
    ("3", "L"): "directive",
    ("3", "D"): "decision",
    ("3", "H"): "recommendation",
}
_CELEX_CLASS = {
    ("5", "DC"): "Communication",
    ("5", "PC"): "Proposal",
    ("5", "SC"): "StaffWorkingDocument",
    ("5", "JC"): "Communication",
}


@dataclass(frozen=True)
class LegalRef:
    """One legal reference: where it is, what it says, and what it identifies.

    ``start``/``end`` are character offsets into the text given to
    :func:`find_legal_refs` (``text[start:end] == self.text``). ``doc_type`` is one of
    :data:`DOC_TYPES`. ``cls`` is the local name of a ``pk:`` class (``"Regulation"``,
    ``"Proposal"``, ``"Instrument"`` when unknown). ``qualifier`` is ``"implementing"``,
    ``"delegated"`` or ``None``.
    """

    start: int
    end: int
    text: str
    doc_type: str
    year: int
    number: int
    celex: str | None
    eli: str | None
    cls: str
    qualifier: str | None = None


def celex_for(doc_type: str, year: int, number: int, *, com_kind: str | None = None) -> str | None:
    """The CELEX number of an act or Commission document, or None when it has none.

    ``com_kind`` (``"DC"`` communication or ``"PC"`` proposal) is needed for ``COM``
    documents; without it there is no CELEX number to give.

    >>> celex_for("regulation", 2021, 1173)
    '32021R1173'
    >>> celex_for("directive", 2011, 24)
    '32011L0024'
    >>> celex_for("recommendation", 2023, 2113)
    '32023H2113'
    >>> celex_for("COM", 2024, 28, com_kind="DC"), celex_for("COM", 2021, 206, com_kind="PC")
    ('52024DC0028', '52021PC0206')
    >>> celex_for("SWD", 2024, 12), celex_for("JOIN", 2023, 20), celex_for("C", 2024, 390)
    ('52024SC0012', '52023JC0020', None)
    >>> celex_for("treaty", 2024, 1)
    Traceback (most recent call last):
    ...
    ValueError: unknown doc_type 'treaty'; expected one of: regulation, directive, decision, recommendation, COM, SWD, C, JOIN, celex
    """
    if doc_type not in DOC_TYPES:
        raise ValueError(f"unknown doc_type {doc_type!r}; expected one of: {', '.join(DOC_TYPES)}")
    if com_kind is not None and com_kind not in _COM_CLASS:
        raise ValueError(f"unknown com_kind {com_kind!r}; expected one of: DC, PC")
    if not (1000 <= year <= 9999 and 1 <= number <= 9999):
        return None
    if doc_type in _ACT_LETTER:
        return f"3{year}{_ACT_LETTER[doc_type]}{number:04d}"
    if doc_type == "COM":
        return f"5{year}{com_kind}{number:04d}" if com_kind else None
    if doc_type in _SERIES_LETTERS:
        return f"5{year}{_SERIES_LETTERS[doc_type]}{number:04d}"
    return None  # "C" documents have none; "celex" refs carry their own


def eli_for(doc_type: str, year: int, number: int) -> str | None:
    """The ELI IRI of a regulation, directive or decision (the Official Journal version).

    >>> eli_for("regulation", 2021, 1173)
    'http://data.europa.eu/eli/reg/2021/1173/oj'
    >>> eli_for("directive", 2011, 24)
    'http://data.europa.eu/eli/dir/2011/24/oj'
    >>> eli_for("recommendation", 2023, 2113) is None, eli_for("COM", 2024, 28) is None
    (True, True)
    """
    segment = _ELI_SEGMENT.get(doc_type)
    if segment is None or not (1000 <= year <= 9999 and number >= 1):
        return None
    return f"{ELI_IRI}{segment}/{year}/{number}/oj"


# --- patterns, built once from the word lists ---------------------------------------


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first so that plurals win."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_ACT_TYPE: dict[str, str] = {w: t for per_lang in terms.ACT_WORDS.values() for w, t in per_lang.items()}
_QUALIFIER: dict[str, str] = {w: q for per_lang in terms.QUALIFIERS.values() for w, q in per_lang.items()}

_ISSUER = _alternation(terms.ISSUERS)
_ISSUERS = rf"\(\s*(?:{_ISSUER})(?:\s*(?:{_alternation(terms.ISSUER_JOINERS)})\s*(?:{_ISSUER}))*\s*\)"
_NUMBER_MARKER = rf"(?:{_alternation(terms.NUMBER_MARKERS)})\.?"
# two numbers a/b, optionally /ISSUER; never part of a longer run of digits and slashes
_PAIR = (
    rf"(?<![\d/])(?P<a>[1-9]\d{{0,3}})/(?P<b>[1-9]\d{{0,3}})"
    rf"(?:/(?P<suffix>{_ISSUER})(?!\w))?(?![\d/])"
)
_NUMBERED = rf"(?:(?P<issuers>{_ISSUERS})\s*)?(?:(?P<marker>{_NUMBER_MARKER})\s*)?{_PAIR}"

_ACT_RE = re.compile(
    rf"(?:(?<!\w)(?:{_ISSUER})-)?"  # EU-Verordening
    rf"(?:(?<![^\W\d_])(?P<qual>{_alternation(_QUALIFIER)})[ \t-]*)?"  # Uitvoerings-, Implementing
    rf"(?P<word>{_alternation(_ACT_TYPE)})(?!\w)"  # no left boundary: EuroHPC-verordening
    rf"\s*{_NUMBERED}",
    re.IGNORECASE,
)
_LIST_RE = re.compile(rf"\s*(?:{_alternation(terms.LIST_JOINERS)})\s*(?P<ref>{_NUMBERED})", re.IGNORECASE)

# the series name comes first so that re can scan for it quickly; the left boundary
# (not after a letter, digit or slash) is checked in code
_SERIES_RE = re.compile(
    rf"(?P<series>{_alternation(terms.DOCUMENT_SERIES)})"
    rf"(?:\s*\(\s*(?P<y1>\d{{4}})\s*\)\s*(?P<n1>\d{{1,4}})|/(?P<y2>\d{{4}})/(?P<n2>\d{{1,4}}))"
    rf"(?![\d/])(?:\s+(?:{_alternation(terms.DOCUMENT_SUFFIXES)})(?!\w))?"
)
# tried only where a CELEX word or a "3/5 + 19/20" number starts (found with str.find)
_CELEX_RE = re.compile(
    rf"(?:(?:{_alternation(terms.CELEX_WORDS)})\s*:?\s*"
    rf"(?P<any>[0-9CE]\d{{4}}[A-Z]{{1,2}}\d{{4}})"
    rf"|(?P<bare>3(?:19|20)\d\d[RLDH]\d{{4}}|5(?:19|20)\d\d[DPSJ]C\d{{4}}))(?!\w)",
    re.IGNORECASE,
)
_CELEX_WORD_STARTS = tuple(
    sorted({form for w in terms.CELEX_WORDS for form in (w[:5].lower(), w[:5].upper(), w[:5].capitalize())})
)
_BARE_CELEX_STARTS = ("319", "320", "519", "520")
_CELEX_PARTS = re.compile(r"([0-9CE])(\d{4})([A-Z]{1,2})(\d{4})")


def _as_year(digits: str) -> int | None:
    """The year that ``digits`` can stand for in an act number, or None."""
    value = int(digits)
    if len(digits) == 4 and 1950 <= value <= 2100:
        return value
    if len(digits) == 2 and value >= 50:  # two-digit years were used until 1998
        return 1900 + value
    return None


def _year_and_number(doc_type: str, a: str, b: str, *, marker: bool, suffix: bool) -> tuple[int, int] | None:
    """Read ``a/b`` as (year, number) following the numbering conventions, or None.

    >>> _year_and_number("regulation", "2021", "1173", marker=False, suffix=False)
    (2021, 1173)
    >>> _year_and_number("regulation", "1291", "2013", marker=True, suffix=False)
    (2013, 1291)
    >>> _year_and_number("directive", "95", "46", marker=False, suffix=True)
    (1995, 46)
    >>> _year_and_number("regulation", "12", "15", marker=False, suffix=False) is None
    True
    """
    year_a, year_b = _as_year(a), _as_year(b)
    if marker:  # "No 1291/2013": number first (but people write "No 2016/679" too)
        order = ("b", "a")
    elif suffix:  # "2011/24/EU": year first
        order = ("a", "b")
    elif year_a is not None and len(a) == 4 and year_a >= 2015:  # one numbering since 2015
        order = ("a",)
    elif doc_type == "regulation":  # old regulations: number/year
        order = ("b", "a")
    else:  # old directives and decisions: year/number
        order = ("a", "b")
    for first in order:
        if first == "a" and year_a is not None:
            return year_a, int(b)
        if first == "b" and year_b is not None:
            return year_b, int(a)
    return None


def _act_ref(match: re.Match[str], doc_type: str, qualifier: str | None, start: int) -> LegalRef | None:
    parsed = _year_and_number(
        doc_type,
        match["a"],
        match["b"],
        marker=match["marker"] is not None,
        suffix=match["suffix"] is not None,
    )
    if parsed is None:
        return None
    year, number = parsed
    text = match.string[start : match.end()]
    return LegalRef(
        start=start,
        end=match.end(),
        text=text,
        doc_type=doc_type,
        year=year,
        number=number,
        celex=celex_for(doc_type, year, number),
        eli=eli_for(doc_type, year, number),
        cls=_ACT_CLASS[doc_type],
        qualifier=qualifier,
    )


_ACT_LOOKBACK = 100  # characters from the start of "EU-Gedelegeerde Verordening (EU, Euratom) nr." to "/"
_ACT_LOOKAHEAD = 24  # characters after "/" that a number, "/Euratom" and a boundary need
# what a numbered act starts with ("EU-", "Uitvoerings", "Verordening"), in lower-cased text
_ACT_START_FOLDED = re.compile(
    _alternation([f"{w.lower()}-" for w in terms.ISSUERS] + [w.lower() for w in [*_QUALIFIER, *_ACT_TYPE]])
)

#: Characters that ``re.IGNORECASE`` takes for a letter that ``str.lower`` does not turn them into.
_UNSAFE_FOLDING = "İıſ"


def lowered(text: str) -> str | None:
    """``text.lower()``, where a lower-case word occurs just where ``re.IGNORECASE`` finds it in
    ``text`` (every character lowers in place), or None for a text where it may not.

    >>> lowered("EU-Verordening"), lowered("Verordenıng")
    ('eu-verordening', None)
    """
    return None if any(c in text for c in _UNSAFE_FOLDING) else text.lower()


def _positions(haystack: str, needles: Iterable[str]) -> list[int]:
    """Sorted start offsets of every occurrence of each needle (str.find is far faster than re)."""
    found: set[int] = set()
    for needle in needles:
        at = haystack.find(needle)
        while at != -1:
            found.add(at)
            at = haystack.find(needle, at + 1)
    return sorted(found)


def _acts(text: str) -> list[LegalRef]:
    """Numbered acts. Every one has a digit/digit, so the pattern only runs near a slash."""
    refs: list[LegalRef] = []
    covered = 0  # text before this offset is already part of a match
    for slash in _positions(text, ("/",)):
        if slash < covered or not (0 < slash < len(text) - 1 and text[slash - 1].isdigit()):
            continue
        window_start = max(covered, slash - _ACT_LOOKBACK)
        while window_start > covered and not text[window_start - 1].isspace():  # whole words only
            window_start -= 1
        match = _act_search(text, window_start, slash + _ACT_LOOKAHEAD)
        if match is None or match.end("a") != slash:  # a later slash's match may be cut short here
            continue
        doc_type = _ACT_TYPE.get(_folded(match["word"]))
        qual = match["qual"]
        qualifier = _QUALIFIER.get(_folded(qual)) if qual else None
        if doc_type is None or (qual and qualifier is None):
            continue
        ref = _act_ref(match, doc_type, qualifier, match.start())
        if ref is not None:
            refs.append(ref)
        covered = match.end()
        while (more := _LIST_RE.match(text, covered)) is not None:  # "2021/1173 en (EU) 2021/694"
            ref = _act_ref(more, doc_type, qualifier, more.start("ref"))
            if ref is None:
                break
            refs.append(ref)
            covered = more.end()
    return refs


def _folded(word: str) -> str:
    """A word as the tables spell it: lower case, with the letters that case-blind matching
    takes for ``i`` and ``s`` ("verordenıng", "ſ") spelt plainly.

    >>> _folded("Verordenıng")
    'verordening'
    """
    return word.lower().replace("i\u0307", "i").replace("ı", "i").replace("ſ", "s")


def _act_search(text: str, start: int, end: int) -> re.Match[str] | None:
    """``_ACT_RE.search(text, start, end)``, tried only where the lower-cased text has what an
    act starts with."""
    folded = lowered(text[start:end])
    if folded is None:
        return _ACT_RE.search(text, start, end)
    at = 0
    while (found := _ACT_START_FOLDED.search(folded, at)) is not None:
        match = _ACT_RE.match(text, start + found.start(), end)
        if match is not None:
            return match
        at = found.start() + 1
    return None


def _series(text: str) -> list[LegalRef]:
    refs: list[LegalRef] = []
    for match in _SERIES_RE.finditer(text):
        at = match.start()
        if at > 0 and (text[at - 1].isalnum() or text[at - 1] in "_/"):
            continue  # "EC(2024) 1" is not a C document
        series = match["series"]
        year = int(match["y1"] or match["y2"])
        number = int(match["n1"] or match["n2"])
        if number == 0:
            continue
        ref = LegalRef(
            start=match.start(),
            end=match.end(),
            text=match.group(),
            doc_type=series,
            year=year,
            number=number,
            celex=celex_for(series, year, number),
            eli=None,
            cls=_SERIES_CLASS.get(series, "Instrument"),
        )
        if series == "COM":
            kind = classify_com(text, ref)
            ref = replace(ref, celex=celex_for("COM", year, number, com_kind=kind), cls=_COM_CLASS[kind])
        elif series == "C" and (noun := _C_KIND_BEFORE.search(text, max(0, ref.start - 40), ref.start)):
            # "a Commission Recommendation (C(2025) 3500)": the document is what the noun before says
            ref = replace(ref, cls=_C_KINDS[noun.group(1).lower()])
        refs.append(ref)
    return refs


def _celex_numbers(text: str) -> list[LegalRef]:
    refs: list[LegalRef] = []
    starts = _positions(text, _CELEX_WORD_STARTS) + _positions(text, _BARE_CELEX_STARTS)
    for at in sorted(set(starts)):
        if at > 0 and text[at - 1].isalnum():
            continue
        match = _CELEX_RE.match(text, at)
        if match is None:
            continue
        celex = (match["any"] or match["bare"]).upper()
        parts = _CELEX_PARTS.fullmatch(celex)
        if parts is None:
            continue
        sector, year_s, letters, number_s = parts.groups()
        year, number = int(year_s), int(number_s)
        act_type = _CELEX_TYPES.get((sector, letters))
        cls = _ACT_CLASS[act_type] if act_type else _CELEX_CLASS.get((sector, letters), "Instrument")
        refs.append(
            LegalRef(
                start=match.start(),
                end=match.end(),
                text=match.group(),
                doc_type="celex",
                year=year,
                number=number,
                celex=celex,
                eli=eli_for(act_type, year, number) if act_type else None,
                cls=cls,
            )
        )
    return refs


def find_legal_refs(text: str) -> list[LegalRef]:
    """Every legal reference in ``text``, sorted by start; where two overlap the longer wins.

    >>> [r.celex for r in find_legal_refs("de EuroHPC-verordening (EU-Verordening 2021/1173)")]
    ['32021R1173']
    >>> [(r.text, r.celex, r.cls) for r in find_legal_refs("de AI-verordening (COM(2021) 206)")]
    [('COM(2021) 206', '52021PC0206', 'Proposal')]
    >>> find_legal_refs("Op 24/01/2024 kwam 2021/1173 ter sprake.")
    []
    """
    candidates = _acts(text) + _series(text) + _celex_numbers(text)
    candidates.sort(key=lambda r: (r.start - r.end, r.start))
    chosen: list[LegalRef] = []
    for ref in candidates:
        if all(ref.end <= c.start or ref.start >= c.end for c in chosen):
            chosen.append(ref)
    chosen.sort(key=lambda r: r.start)
    return chosen


# --- COM documents: communication or proposal? ---------------------------------------

_WORD_RE = re.compile(r"[^\W_][\w@'’-]*")
_SENTENCE_END_RE = re.compile(r"[.!?;:]\s|\n|•")
_COM_WINDOW_WORDS = 15
#: A finite verb between two nouns: the first is no head of the second's phrase.
_FINITE_VERB = re.compile(r"\b(is|are|was|were|has|have|had|will|would|zijn|waren|wordt|worden|werd|werden|heeft|"
                          r"hebben|hadden|zal|zullen)\b", re.I)
_LINK_DISTANCE = 3
_COM_CUE_WORDS = [w.lower() for w in terms.COM_COMMUNICATION_WORDS + terms.COM_PROPOSAL_WORDS]
_COM_CUE = (
    rf"(?<![\w-])(?P<word>{_alternation(_COM_CUE_WORDS)})(?!\w)"
    rf"|(?P<tail>{_alternation(w.lower() for w in terms.COM_COMPOUND_TAILS)})(?!\w)"
)
_COM_CUE_RE = re.compile(_COM_CUE, re.IGNORECASE)
_COM_CUE_FOLDED = re.compile(_COM_CUE)  # the same, on lower-cased text: far faster
_COM_KIND: dict[str, ComKind] = {
    **{w: "DC" for w in terms.COM_COMMUNICATION_WORDS},
    **{w: "PC" for w in terms.COM_PROPOSAL_WORDS},
}
_LINKING = frozenset(terms.COM_LINKING_WORDS)
_CONJUNCTIONS = frozenset({"and", "or", "en", "of"})
_DEFAULT_KIND: ComKind = "PC" if terms.COM_DEFAULT_KIND == "PC" else "DC"


def _cues(window: str) -> list[tuple[int, ComKind]]:
    """(start, kind) of every communication or proposal noun in ``window``, in order."""
    cues: list[tuple[int, ComKind]] = []
    folded = lowered(window)
    for match in _COM_CUE_RE.finditer(window) if folded is None else _COM_CUE_FOLDED.finditer(folded):
        word = (match["word"] or match["tail"]).lower()
        cues.append((match.start(), _COM_KIND[" ".join(word.split())]))
    return cues


_QUOTED_TITLE_RE = re.compile(r"[‘“\"'«][^‘’“”\"'«»]{1,120}[’”\"'»]")


def classify_com(text: str, ref: LegalRef, *, default: str | None = None) -> ComKind:
    """Whether the COM document ``ref`` (found in ``text``) is a communication or a proposal.

    Reads the words before the reference in the same sentence (at most 15) and takes
    the nearest communication noun (mededeling, strategy, action plan, report, white
    paper ...) or proposal noun (voorstel, proposal, verordening, directive, act, and
    Dutch compounds such as ``AI-verordening``), skipping a noun that is the complement
    of an earlier one (``verslag over de toepassing van de AVG-verordening`` is a
    report). When nothing before it says, a noun in the next few words after it is
    used; when nothing says at all, ``default`` (else
    :data:`policykg.lang.legal_terms.COM_DEFAULT_KIND`, ``"DC"``).

    >>> text = "een mededeling over start-ups en innovatie op het gebied van AI in de EU (COM(2024) 28)"
    >>> classify_com(text, find_legal_refs(text)[0])
    'DC'
    >>> text = "het voorstel voor een verordening tot wijziging van Richtlijn 2011/24/EU (COM(2023) 5)"
    >>> classify_com(text, find_legal_refs(text)[-1])
    'PC'
    >>> text = "De verordening is een uitwerking van het actieplan voor de circulaire economie (COM(2020) 98)"
    >>> classify_com(text, find_legal_refs(text)[-1])
    'DC'
    """
    cut = max(0, ref.start - 20 * _COM_WINDOW_WORDS)
    before = text[: ref.start]
    for cut_match in _SENTENCE_END_RE.finditer(before, cut):
        cut = cut_match.end()
    words = list(_WORD_RE.finditer(before, cut))
    if len(words) > _COM_WINDOW_WORDS:
        cut = words[-_COM_WINDOW_WORDS].start()
        words = words[-_COM_WINDOW_WORDS:]
    window = before[cut:]
    # act references in the window ("Directive 2011/24/EU") are objects, not the head
    masked = window
    for act in _acts(window):
        masked = masked[: act.start] + " " * (act.end - act.start) + masked[act.end :]
    # a quoted title ("de mededeling ‘Een chipswet voor Europa’") says nothing about the kind
    masked = _QUOTED_TITLE_RE.sub(lambda m: " " * len(m.group(0)), masked)
    cues = _cues(masked)
    if cues:
        ends = [w.end() - cut for w in words]
        for at, (position, kind) in reversed(list(enumerate(cues))):
            index = sum(1 for e in ends if e <= position)  # words wholly before the cue
            before_cue = [w.group().lower() for w in words[max(0, index - _LINK_DISTANCE) : index]]
            if before_cue and before_cue[-1] in _CONJUNCTIONS:
                # "on the substantiation and communication of claims": a noun joined to a complement
                before_cue = [w.group().lower() for w in words[max(0, index - 2 * _LINK_DISTANCE) : index]]
            if _LINKING.isdisjoint(before_cue):
                return kind
            if at > 0 and _FINITE_VERB.search(masked, cues[at - 1][0], position):
                # "De verordening is een uitwerking van het actieplan ... (COM(2020) 98)": a verb stands
                # between, so the noun before is the sentence's subject, not the head of this one
                return kind
        return cues[-1][1]  # every noun is a complement: take the nearest
    after = text[ref.end :]
    end_match = _SENTENCE_END_RE.search(after)
    after = after[: end_match.start() if end_match else len(after)]
    after_words = list(_WORD_RE.finditer(after))[:6]
    if after_words:
        cues = _cues(after[: after_words[-1].end()])
        if cues:
            return cues[0][1]
    if default is None:
        return _DEFAULT_KIND
    if default == "DC" or default == "PC":
        return default
    raise ValueError(f"unknown default {default!r}; expected one of: DC, PC")
