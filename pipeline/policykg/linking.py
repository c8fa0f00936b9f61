"""Linking: one canonical node per real-world thing.

Candidates from :mod:`policykg.mentions` are resolved to entity IRIs: vocabulary
entries keep their IRI; numbered instruments get ``pkr:celex/...``; a name in
brackets after another name makes both one node ("EuroHPC-verordening
(EU-Verordening 2021/1173)", "Agentschap ... (ENISA)"); short forms refer back
to the last compatible node; everything else is minted from its class and name.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate

from . import ids
from .lang import clauses as C
from .mentions import Candidate
from .vocabulary import Vocabulary, fold

INSTRUMENT_CLASSES = {
    "Instrument", "Regulation", "Directive", "Decision", "Communication", "Proposal", "Package",
    "Recommendation", "StaffWorkingDocument",
}
PROGRAMME_CLASSES = {"Programme", "Initiative"}
_CATEGORIES = {**dict.fromkeys(INSTRUMENT_CLASSES, "Instrument"), **dict.fromkeys(PROGRAMME_CLASSES, "Programme")}


def category(cls: str | None) -> str | None:
    """The broad kind of a class: Instrument, Programme, or the class itself.

    >>> category("Regulation"), category("Initiative"), category("Sector")
    ('Instrument', 'Programme', 'Sector')
    """
    return _CATEGORIES.get(cls, cls)  # type: ignore[arg-type]


@dataclass
class EntityInfo:
    iri: str
    cls: str
    kind: str
    labels: list[tuple[str, str]] = field(default_factory=list)
    celex: str | None = None
    eli: str | None = None
    in_vocabulary: bool = False

    def add_label(self, text: str, lang: str) -> None:
        text = " ".join(text.split())
        if text and (text, lang) not in self.labels:
            self.labels.append((text, lang))


@dataclass
class Linked:
    """A candidate with the node it denotes."""

    cand: Candidate
    iri: str
    alias: bool = False  # a bracketed repeat of the mention before it


#: Between an unnamed act and the act it changes: "a proposal | amending | Directive ...".
_CHANGING = re.compile(r"\s(amending|repealing|replacing|revising|tot\s+wijziging\s+van|tot\s+intrekking\s+van|"
                       r"tot\s+vervanging\s+van)\s+((the|de|het)\s+)?$", re.I)
_DATE_GAP = re.compile(r"^\s*(of|van|from|dated|d\.d\.|uit)\s+(\d{1,2}\s+\w+\s+)?\d{4}\s*$", re.I)
#: Between a named act and its number in brackets, what the act is for, in lower case ("the Industrial
#: Action Plan | for the European automotive sector | (COM(2025) 95)").
_NAME_TAIL = re.compile(r"\s+(for|on|of|voor|over|van|inzake)\s+(the\s+|de\s+|het\s+)?(European\s+|EU\s+|Europese\s+)?"
                        r"[a-z][\w-]*(\s+[a-z][\w-]*){0,4}\s*")

#: Between a name and a short form in apposition to it ("Regulation (EU) 2021/696, the Regulation that").
_APPOSITION = re.compile(r"\s*\)?\s*,\s*(the|de|het)\s+$", re.I)
#: Between a short form and the name it describes: "het programma (voor veilige connectiviteit) IRIS²".
_DESCRIBED_NAME = re.compile(r"\s+(?:(?:voor|van|for|of|on|inzake)\s+[^\W\d][^,.;:()\n]{0,50}?\s+)?")
#: :func:`~policykg.vocabulary.fold`, remembered: the same names recur within and across items.
_fold = lru_cache(maxsize=1 << 14)(fold)


def select(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates: stronger kinds first, then longer spans.

    A vocabulary match inside a longer name of another kind gives way to the name:
    "Critical Raw Materials" (the Act) inside "European Critical Raw Materials Board".
    """
    # a name that joins two known bodies with "and" is those bodies ("Microsoft and Amazon Web Services")
    listing = {id(c) for c in candidates if c.kind == "name" and _JOINED.search(c.text)
               and sum(1 for v in candidates if v.kind == "vocab" and category(v.cls) == "Institution"
                       and c.start <= v.start and v.end <= c.end) >= 2}
    if listing:
        candidates = [c for c in candidates if id(c) not in listing]
    names = _Names(candidates)
    candidates = [c for c in candidates if not (c.kind == "vocab" and names.contain(c))]
    kept: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for cand in sorted(candidates, key=lambda c: (-c.precedence, -(c.end - c.start), c.start)):
        if _overlaps_any(taken, cand.start, cand.end):
            continue
        bisect.insort(taken, (cand.start, cand.end))
        kept.append(cand)
    return sorted(kept, key=lambda c: c.start)


_JOINED = re.compile(r"\s(and|en|&)\s")
_LEADING_ARTICLE = re.compile(r"(the|de|het)\s+", re.I)


class _Names:
    """The name candidates, by start, with the furthest end reached so far."""

    def __init__(self, candidates: list[Candidate]) -> None:
        # a name that runs up to the acronym it defines (or is flagged whole) is one name, whatever it contains
        self._names = sorted(((c.start, c.end, None if c.extra.get("defines_acronym") or c.extra.get("whole")
                               else category(c.cls))
                              for c in candidates if c.kind == "name"), key=lambda n: n[0])
        self._starts = [start for start, _, _ in self._names]
        self._reach = list(accumulate((end for _, end, _ in self._names), max))

    def contain(self, cand: Candidate) -> bool:
        """Whether a longer name of another category (or one that defines an acronym) contains ``cand``."""
        start, length, cat = cand.start, cand.end - cand.start, category(cand.cls)
        if cand.kind == "vocab" and (article := _LEADING_ARTICLE.match(cand.text)):
            # "The Netherlands" in "The Netherlands Vehicle Authority": the name holds all but the article
            start += article.end()
            length -= article.end()
        k = bisect.bisect_right(self._starts, start)
        if not k or self._reach[k - 1] < cand.end:
            return False
        # a body known by one word ("Council") that ends a longer name ("Technology Council") is that
        # name's head
        single = cat == "Institution" and " " not in cand.text.strip()
        return any(cand.end <= end and end - begin > length
                   and (name_cat != cat or single and cand.end == end)
                   for begin, end, name_cat in self._names[:k])


def _overlaps_any(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of ``taken``: sorted (start, end) spans, none overlapping another.

    Of the spans that start before ``end``, the last one ends last, so it is the only one to check.

    >>> _overlaps_any([(0, 3), (5, 5), (5, 9)], 3, 5), _overlaps_any([(0, 3), (5, 9)], 8, 12)
    (False, True)
    """
    i = bisect.bisect_left(taken, (end,))
    return i > 0 and taken[i - 1][1] > start


def _join_headline_anons(candidates: list[Candidate], iri_of: dict[int, str], entities: dict[str, EntityInfo],
                         title_end: int, lead_end: int) -> None:
    """Point an unnamed instrument of the headline (which ends at ``title_end``) at the first instrument
    of the same class that the lead paragraph (ending at ``lead_end``) names by name or number, if any."""
    if title_end < 0:
        return
    for idx, cand in enumerate(candidates):
        if cand.start >= title_end:
            break
        if cand.kind != "anon" or idx not in iri_of:
            continue
        cls = entities[iri_of[idx]].cls
        named = next((iri_of[k] for k, other in enumerate(candidates)
                      if title_end <= other.start < lead_end and other.kind in {"legal", "name", "vocab"}
                      and k in iri_of and entities[iri_of[k]].cls == cls), None)
        if named is not None:
            iri_of[idx] = named


def link(candidates: list[Candidate], text: str, item_id: str, lang: str, vocabulary: Vocabulary,
         units_of: dict[int, int]) -> tuple[list[Linked], dict[str, EntityInfo]]:
    """Resolve candidates (already non-overlapping, sorted) to nodes.

    ``units_of`` maps a candidate's start offset to its sentence index.
    """
    entities: dict[str, EntityInfo] = {}
    iri_of: dict[int, str] = {}
    anon_counter: dict[str, str] = {}

    def entity(iri: str, cls: str, kind: str) -> EntityInfo:
        if iri not in entities:
            entry = vocabulary.get(iri)
            entities[iri] = EntityInfo(iri, entry.cls if entry else cls, kind, in_vocabulary=entry is not None)
        return entities[iri]

    # 1. identity of each candidate on its own
    for idx, cand in enumerate(candidates):
        if cand.kind == "vocab":
            iri_of[idx] = cand.iri
            entity(cand.iri, cand.cls, "vocab")
        elif cand.kind == "legal":
            if cand.celex:
                iri = ids.celex_entity_iri(cand.celex)
            else:
                iri = ids.minted_iri(cand.cls or "Instrument", cand.text)
            info = entity(iri, cand.cls or "Instrument", "legal")
            info.celex = info.celex or cand.celex
            info.eli = info.eli or cand.eli
            if not info.in_vocabulary:
                info.add_label(cand.text, lang)
            iri_of[idx] = iri
        elif cand.kind == "name":
            hits = [e for e in vocabulary.lookup(cand.text) if category(e.cls) == category(cand.cls)]
            if not hits and cand.cls == "Sector":
                # "defensiesector", "the steel industry": the sector the vocabulary knows
                bare = re.sub(r"\s*-?(sector|sectoren|industrie|branche|industry|sectors)$", "", cand.text.strip(), flags=re.I)
                hits = [e for e in vocabulary.lookup(bare) if e.cls == "Sector"] if bare and bare != cand.text else []
            if hits:
                iri_of[idx] = hits[0].iri
                entity(hits[0].iri, hits[0].cls, "vocab")
            else:
                iri = ids.minted_iri(cand.cls or "Instrument", cand.text)
                entity(iri, cand.cls or "Instrument", "weak" if cand.extra.get("weak") else "name").add_label(cand.text, lang)
                iri_of[idx] = iri
        elif cand.kind == "acronym":
            hits = vocabulary.lookup(cand.text)
            if hits:
                iri_of[idx] = hits[0].iri
                entity(hits[0].iri, hits[0].cls, "vocab")
        elif cand.kind == "anon":
            outer = next(
                (k for k in range(idx - 1, max(-1, idx - 4), -1)
                 if candidates[k].kind == "anon" and candidates[k].extra.get("label_end", -1) >= cand.end
                 and k in iri_of),
                None,
            )
            if outer is not None:
                iri_of[idx] = iri_of[outer]
                continue
            key = _fold(cand.head or cand.text)
            compound = cand.head not in ("", None) and cand.extra.get("compound", False)
            if compound and key in anon_counter:
                iri_of[idx] = anon_counter[key]
                continue
            iri = ids.minted_iri(cand.cls or "Instrument", f"{item_id} {cand.label or cand.text} {cand.start}")
            info = entity(iri, cand.cls or "Instrument", "anon")
            if cand.label and _fold(cand.label) != _fold(cand.text):
                info.add_label(cand.label, lang)
            info.add_label(cand.text, lang)
            iri_of[idx] = iri
            anon_counter[key] = iri

    _join_introduced(candidates, iri_of, entities, text)

    # 2. brackets: "(ENISA)", "(COM(2024) 28)", "(de zogenoemde AI@EC-mededeling)" join what they follow;
    #    an unnamed instrument joins a bracket at the end of its noun phrase
    #    ("een mededeling over start-ups en innovatie (COM(2024) 28)")
    alias: set[int] = set()
    for idx, cand in enumerate(candidates):
        if not cand.bracketed or idx == 0:
            continue
        prev_idx = idx - 1
        prev = candidates[prev_idx]
        adjacent = text[prev.end: cand.extra.get("open", cand.start)].strip(" ”\"’'") == ""
        same_kind = category(prev.cls) == category(cand.cls) or prev.kind == "coref"
        if cand.kind == "legal" and not (adjacent and prev.kind not in {"anon", "legal"} and same_kind):
            for back in range(idx - 1, max(-1, idx - 5), -1):
                other = candidates[back]
                if units_of.get(other.start) != units_of.get(cand.start):
                    break
                changed_before = other.kind == "legal" or (
                    category(other.cls) == "Instrument" and cand.cls in {"Proposal", "Communication"})
                if changed_before:
                    # "a proposal amending Directive 2009/38/EC on 24 January 2024 (COM(2024) 14)", "een voorstel
                    # tot wijziging van de verordening over de herstel- en veerkrachtfaciliteit (COM(2022) 231)":
                    # the act the unnamed one changes stands between it and its number
                    anon = candidates[back - 1] if back > 0 else None
                    rest = text[other.end: cand.extra.get("open", cand.start)]
                    if anon is not None and anon.kind == "anon" and units_of.get(anon.start) == units_of.get(cand.start) \
                            and _CHANGING.search(text, anon.start, other.start) \
                            and not re.search(r"[,;:.()]", rest) and len(rest) <= 60:
                        prev_idx, prev = back - 1, anon
                        break
                    if other.kind == "legal":
                        break
                if other.kind == "anon":
                    span = text[other.end: cand.extra.get("open", cand.start)]
                    if len(span) <= 120 and not re.search(r"[,;:.()]", span):
                        prev_idx, prev = back, other
                    break
                if other.kind == "coref" and other.cls == cand.cls:
                    # "De Commissie presenteerde het voorstel in december 2020 (COM(2020) 823)": the
                    # short form is the numbered document, not an earlier one
                    span = text[other.end: cand.extra.get("open", cand.start)]
                    if len(span) <= 80 and not re.search(r"[,;:.()]", span):
                        prev_idx, prev = back, other
                    break
                if category(other.cls) == "Instrument":
                    break
        if cand.kind == "legal" and prev.cls == "Sector" and prev_idx > 0 and candidates[prev_idx - 1].kind == "name" \
                and _NAME_TAIL.fullmatch(text, candidates[prev_idx - 1].end, cand.extra.get("open", cand.start)):
            prev_idx -= 1  # the sector is part of what the named act is for
            prev = candidates[prev_idx]
        if units_of.get(prev.start) != units_of.get(cand.start):
            continue
        gap = text[prev.end: cand.extra.get("open", cand.start)]
        loose = prev.kind == "anon" or (prev.kind == "coref" and cand.kind == "legal" and prev.cls == cand.cls)
        if not loose and gap.strip(" ”\"’'") != "" and not _DATE_GAP.match(gap) and not (
                prev.kind == "name" and cand.kind == "legal" and _NAME_TAIL.fullmatch(gap)):
            continue
        if loose and ("(" in gap or ")" in gap):
            continue
        if loose and prev.kind == "coref":
            if idx in iri_of:
                iri_of[prev_idx] = iri_of[idx]
                alias.add(idx)
            continue
        if cand.extra.get("apposition") and prev.kind != "legal":
            continue
        a, b = iri_of.get(prev_idx), iri_of.get(idx)
        if cand.kind == "acronym" and b is None:
            if a is None:
                continue
            iri_of[idx] = a
            alias.add(idx)
            if not entities[a].in_vocabulary:
                entities[a].add_label(cand.text, lang)
            continue
        if a is None or b is None or a == b:
            if a == b and a is not None:
                alias.add(idx)
            continue
        ea, eb = entities[a], entities[b]
        if category(ea.cls) != category(eb.cls) or (ea.celex and eb.celex and ea.celex != eb.celex):
            continue  # two numbered acts stay two: "a revision of Regulation (EU) 2018/1999 (COM(2023) 148)"
        winner, loser = (b, a) if candidates[idx].precedence >= prev.precedence else (a, b)
        if entities[winner].in_vocabulary and entities[loser].in_vocabulary:
            continue
        _merge(entities, iri_of, loser, winner, lang)
        if not entities[winner].in_vocabulary:
            entities[winner].add_label(prev.label or prev.text, lang)
            entities[winner].add_label(cand.text, lang)
        alias.add(idx)
        # the same name elsewhere in the item means the same thing
        if prev.kind in {"name", "vocab"}:
            key = _fold(prev.text)
            for other_idx, other in enumerate(candidates):
                if other.kind in {"name", "vocab"} and _fold(other.text) == key:
                    iri_of[other_idx] = iri_of[prev_idx]

    # 2b. a name without "European" is the name with it ("Steel and Metals Action Plan" in the title,
    #     "A European Steel and Metals Action Plan (COM(2025) 125)" in the text)
    _join_european_names(candidates, iri_of, entities, lang)
    _join_reordered_names(candidates, iri_of, entities, lang)

    # 2c. an unnamed instrument in the headline ("the Commission's advanced materials strategy") is the
    #     instrument of its kind that the lead paragraph names
    title_end = text.find("\n")
    lead_end = lead_end_of(text)
    _join_headline_anons(candidates, iri_of, entities, title_end, lead_end)

    # 3. acronyms defined once stand for their node everywhere in the item
    acronyms = {candidates[i].text: iri_of[i] for i in alias if candidates[i].kind == "acronym"}
    # "(NCCs)" defined, "NCC" used
    acronyms.update({text[:-1]: iri for text, iri in list(acronyms.items())
                     if text.endswith("s") and text[:-1].isupper() and text[:-1] not in acronyms})

    # 4. short forms refer back to the most salient compatible node mentioned before
    linked: list[Linked] = []
    seen: dict[str, _Seen] = {}  # the nodes mentioned so far, in order of first mention
    in_title: set[str] = set()  # named in the title or the lead paragraph: what the item is about
    first_of_unit: dict[int | None, str] = {}  # per sentence, the node it names first (its subject, mostly)
    for idx, cand in enumerate(candidates):
        iri = iri_of.get(idx)
        if cand.kind == "acronym" and iri is None:
            iri = acronyms.get(cand.text)
        if cand.kind in {"coref", "anon"} and (dated := _dated_antecedent(cand, text, seen, entities)) is not None:
            iri = dated  # "het besluit uit 2013", "the 2013 decision": the act of that year named before
        if cand.kind == "coref" and iri is None:
            before = linked[-1] if linked else None
            after = iri_of.get(idx + 1)
            if before is not None and category(entities[before.iri].cls) == category(cand.cls) \
                    and _APPOSITION.match(text, before.cand.end, cand.start):
                # "Regulation (EU) 2021/696, the Regulation that also set up ...": the same act
                iri = before.iri
            elif cand.extra.get("strict") and after is not None and category(entities[after].cls) == category(cand.cls) \
                    and _DESCRIBED_NAME.fullmatch(text, cand.end, candidates[idx + 1].start):
                # "het programma voor veilige connectiviteit IRIS²": the name that follows says which
                iri = after
            else:
                unit = units_of.get(cand.start)
                opens = unit is not None and not (linked and units_of.get(linked[-1].cand.start) == unit)
                subject = first_of_unit.get(unit - 1) if opens else None
                iri = _antecedent(cand, seen, entities, in_title, vocabulary, subject,
                                  newest=C.NEW_VERSION.search(text, max(0, cand.start - 30), cand.start) is not None)
        if iri is None:
            continue
        in_act_title = bool(linked) and linked[-1].iri != iri and linked[-1].cand.kind == "legal" \
            and entities[linked[-1].iri].cls in _LEGISLATION and category(entities[iri].cls) == "Instrument" \
            and C.IN_TITLE_OF.fullmatch(text, linked[-1].cand.end, cand.start) is not None
        linked.append(Linked(cand, iri, alias=idx in alias))
        first_of_unit.setdefault(units_of.get(cand.start), iri)
        if iri not in seen:
            seen[iri] = _Seen()
        seen[iri].add(cand.text, len(linked))
        restated = len(linked) > 1 and linked[-2].iri == iri and _BRACKET_OPEN.fullmatch(text, linked[-2].cand.end, cand.start)
        if (idx in alias or restated) and entities[iri].cls in _LEGISLATION:
            # "the Radio Equipment Directive (Directive 2014/53/EU)", "de Algemene verordening
            # gegevensbescherming (AVG)": one mention, not two
            seen[iri].count -= 1
        if in_act_title or C.AMENDED_BEFORE.search(text, max(0, cand.start - 30), cand.start) or (
                lang == "nl" and category(entities[iri].cls) == "Instrument" and _amended_verb_last(text, cand)):
            # "which amends the Radio Equipment Directive", "die zowel de GLB-verordening als ... wijzigt",
            # an act the title of a numbered one names: what the item is not about
            seen[iri].count -= 1
        if title_end < 0 or cand.start < title_end or (cand.start < lead_end and cand.kind in {"legal", "vocab", "name"}):
            in_title.add(iri)
    # drop entities no mention points to any more (merged away)
    used = {l.iri for l in linked}
    return linked, {iri: e for iri, e in entities.items() if iri in used}


_BRACKET_OPEN = re.compile(r"\s*[(\[]\s*")


def _amended_verb_last(text: str, cand: Candidate) -> bool:
    """Whether a Dutch relative clause with its verb last amends or repeals the mention:
    "die zowel de GLB-verordening (...) als de horizontale GLB-verordening (...) wijzigt"."""
    return C.AMENDED_RELATIVE_BEFORE.search(text, max(0, cand.start - 150), cand.start) is not None \
        and C.AMENDED_VERB_AFTER.match(text[cand.end: cand.end + 160]) is not None


def lead_end_of(text: str) -> int:
    """Where the lead ends: the first paragraph of the body that is more than a dateline.

    >>> text = "Titel\\n\\nBrussel, 1 maart 2024\\n\\nDe Commissie stelt een verordening voor. Die geldt vanaf 2026.\\n\\nMeer."
    >>> text[:lead_end_of(text)].rsplit("\\n", 1)[-1]
    'De Commissie stelt een verordening voor. Die geldt vanaf 2026.'
    """
    at = text.find("\n")
    while at >= 0:
        end = text.find("\n", at + 1)
        paragraph = text[at + 1: end if end >= 0 else len(text)].strip()
        if len(paragraph) > 60:
            return end if end >= 0 else len(text)
        at = end
    return len(text)


@dataclass
class _Seen:
    """A node mentioned so far: how often, where last, the texts of its mentions and, once
    asked for, its own folded names and their words."""

    count: int = 0
    last: int = 0
    surfaces: set[str] = field(default_factory=set)
    names: frozenset[str] | None = None
    words: frozenset[str] = frozenset()

    def add(self, surface: str, position: int) -> None:
        self.count += 1
        self.last = position
        self.surfaces.add(surface)


#: Classes of legislative texts, which a generic short form ("the text", "het besluit") prefers.
_LEGISLATION = {"Regulation", "Directive", "Decision", "Proposal", "Instrument"}


#: A year that says which act a short form means: before it ("the 2013 decision") or after it
#: ("het besluit uit 2013", "the Directive of 2016").
_YEAR_BEFORE = re.compile(r"\b(?:the|de|het)\s+((?:19|20)\d\d)\s+$", re.I)
_YEAR_AFTER = re.compile(r"\s+(?:uit|van|of|from)\s+((?:19|20)\d\d)\b(?!\s*/)")


def _dated_antecedent(cand: Candidate, text: str, seen: dict[str, _Seen],
                      entities: dict[str, EntityInfo]) -> str | None:
    """The act of the class of ``cand`` and of the year the short form names, if exactly one was
    named before."""
    if category(cand.cls) != "Instrument":
        return None
    m = _YEAR_BEFORE.search(text, max(0, cand.start - 12), cand.start) or _YEAR_AFTER.match(text, cand.end)
    if m is None:
        return None
    year = m.group(1)
    dated = [iri for iri in seen if (entities[iri].celex or "")[1:5] == year
             and (cand.cls == "Instrument" or entities[iri].cls == cand.cls)]
    return dated[0] if len(dated) == 1 else None


def _antecedent(cand: Candidate, seen: dict[str, _Seen], entities: dict[str, EntityInfo],
                in_title: set[str], vocabulary: Vocabulary, subject: str | None = None,
                newest: bool = False) -> str | None:
    """The node a short form ("de verordening", "the Agency") refers to.

    Among earlier nodes of the same class, the one whose name contains the noun wins, then
    the most salient (mentioned most, or in the title; ``subject``, what the sentence before
    opened with, counts one more), then the most recent. A short form called ``newest`` ("the new
    Regulation") is the numbered act of the latest year, when the most salient one is numbered too.
    """
    head = _fold(cand.head or cand.text)
    classes = {iri: entities[iri].cls for iri in seen}

    def which_named(iris: list[str]) -> dict[str, bool]:
        return {iri: _named(head, seen[iri], entities[iri], vocabulary) for iri in iris}

    if cand.extra.get("strict"):
        wanted = category(cand.cls)
        named = which_named([iri for iri, cls in classes.items() if category(cls) == wanted])
        candidates = [iri for iri, is_named in named.items() if is_named]
    else:
        if cand.cls == "Instrument":
            # "the text", "the act": any legislation (an unnamed "act" before counts no more than a
            # numbered one), before strategies and packages
            instruments = [iri for iri, cls in classes.items() if category(cls) == "Instrument"]
            candidates = [iri for iri in instruments if classes[iri] in _LEGISLATION] or instruments
        else:
            candidates = [iri for iri, cls in classes.items() if cls == cand.cls]
        if not candidates and cand.cls == "Regulation":
            candidates = [iri for iri, cls in classes.items() if cls == "Proposal"]
        named = which_named(candidates)
        if not any(named.values()) and cand.cls == "Communication":
            # "the strategy" after "Global Gateway", whose name says it is one (an initiative in the
            # vocabulary): a node named with the noun, whatever its class
            others = which_named([iri for iri in classes if iri not in named])
            if any(others.values()):
                candidates = [iri for iri, is_named in others.items() if is_named]
                named = {iri: True for iri in candidates}
    if not candidates:
        return None

    def score(iri: str) -> tuple:
        mentions = seen[iri]
        if cand.extra.get("demonstrative"):
            # "die verordening", "that Regulation": the one just mentioned
            return (named[iri], mentions.last)
        # a short form that opens a sentence leans to what the sentence before opened with (its subject)
        return (named[iri], mentions.count + (3 if iri in in_title else 0) + (iri == subject), mentions.last)

    best = max(candidates, key=score)
    if newest and entities[best].celex:
        # "Both are repealed by the new Regulation": the act of the latest year, not the old ones just named
        best = max((iri for iri in candidates if entities[iri].celex and named[iri] == named[best]),
                   key=lambda iri: (entities[iri].celex[1:5], score(iri)))
    return best


def _named(head: str, mentions: _Seen, info: EntityInfo, vocabulary: Vocabulary) -> bool:
    """Whether a name of the node, or of one of its mentions, has ``head`` as a word or ends in it."""
    if mentions.names is None:
        mentions.names, mentions.words = _names(info, vocabulary)
    if head in mentions.words or any(n.endswith(head) for n in mentions.names):
        return True
    return any(head in n.split() or n.endswith(head) for n in map(_fold, mentions.surfaces))


def _names(info: EntityInfo, vocabulary: Vocabulary) -> tuple[frozenset[str], frozenset[str]]:
    """The folded names of a node, its labels and its vocabulary labels, and the words in them."""
    names, words = vocabulary.folded_names(info.iri)
    own = {_fold(t) for t, _ in info.labels} - names
    if not own:
        return names, words
    return names | own, words | {word for name in own for word in name.split()}


_EUROPEAN = re.compile(r"^(?:an?\s+|een\s+|de\s+|het\s+|the\s+)?(?:european|europese|europees|eu)\s+", re.I)


#: Between an unnamed instrument and the named one it introduces: "een aanbeveling (aangenomen) tot
#: invoering van een | Europese Kindergarantie", "a Council Recommendation establishing a | European Child Guarantee".
_INTRODUCING = re.compile(r"\s+(?:[a-z]+\s+){0,2}?(?:tot\s+invoering\s+van|tot\s+instelling\s+van|establishing|introducing|"
                          r"setting\s+up)\s+(?:een|de|het|a|an|the)\s+$")


def _join_introduced(candidates: list[Candidate], iri_of: dict[int, str], entities: dict[str, EntityInfo],
                     text: str) -> None:
    """Make an unnamed instrument one node with the named instrument of its class that its own phrase
    introduces: the recommendation "tot invoering van een Europese Kindergarantie" is that guarantee."""
    for idx, cand in enumerate(candidates[:-1]):
        nxt = candidates[idx + 1]
        if cand.kind != "anon" or idx not in iri_of or (idx + 1) not in iri_of or nxt.kind == "anon":
            continue
        named = entities[iri_of[idx + 1]]
        if named.cls == entities[iri_of[idx]].cls and nxt.start - cand.end <= 60 \
                and _INTRODUCING.fullmatch(text, cand.end, nxt.start):
            iri_of[idx] = named.iri


def _join_european_names(candidates: list[Candidate], iri_of: dict[int, str], entities: dict[str, EntityInfo],
                         lang: str) -> None:
    """Merge each name node into the node of the same class whose name is it with "European" before it."""
    longer: dict[tuple[str | None, str], str] = {}
    for idx, cand in enumerate(candidates):
        iri = iri_of.get(idx)
        if cand.kind == "name" and iri is not None and (m := _EUROPEAN.match(cand.text)):
            longer.setdefault((category(entities[iri].cls), _fold(cand.text[m.end():])), iri)
    if not longer:
        return
    for idx, cand in enumerate(candidates):
        iri = iri_of.get(idx)
        if cand.kind != "name" or iri is None or entities[iri].in_vocabulary or _EUROPEAN.match(cand.text):
            continue
        winner = longer.get((category(entities[iri].cls), _fold(cand.text)))
        if winner is not None and winner != iri:
            _merge(entities, iri_of, iri, winner, lang)


#: Words a reordered name may add or drop ("Affordable Energy Action Plan", "Action Plan for Affordable Energy").
_ORDER_WORDS = frozenset({"for", "of", "on", "the", "an", "a", "voor", "van", "over", "de", "het", "een"})


def _join_reordered_names(candidates: list[Candidate], iri_of: dict[int, str], entities: dict[str, EntityInfo],
                          lang: str) -> None:
    """Merge name nodes of one class whose names have the same words in another order: the title's
    "Affordable Energy Action Plan" is the body's "Action Plan for Affordable Energy (COM(2025) 79)"."""
    groups: dict[tuple[str | None, frozenset[str]], list[tuple[int, str]]] = {}
    for idx, cand in enumerate(candidates):
        iri = iri_of.get(idx)
        if cand.kind != "name" or iri is None or entities[iri].in_vocabulary:
            continue
        words = frozenset(_fold(cand.text).split()) - _ORDER_WORDS
        if len(words) >= 3:
            groups.setdefault((category(entities[iri].cls), words), []).append((len(cand.text), iri))
    for names in groups.values():
        # the longest form (with its prepositions, as the body writes it) is the node; the others join it
        winner = max(names, key=lambda n: n[0])[1]
        for _, iri in names:
            if iri != winner and iri in entities and winner in entities:
                _merge(entities, iri_of, iri, winner, lang)


def _merge(entities: dict[str, EntityInfo], iri_of: dict[int, str], loser: str, winner: str, lang: str) -> None:
    lost, won = entities[loser], entities[winner]
    if not won.in_vocabulary:
        for text, label_lang in lost.labels:
            won.add_label(text, label_lang)
    for key, value in list(iri_of.items()):
        if value == loser:
            iri_of[key] = winner
