"""The pure composition: a news item in, an :class:`~policykg.model.Extraction` out.

``extract(item)`` reads nothing global but the (cached) vocabulary and spaCy
pipeline, needs no network and writes nothing.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from spacy.language import Language

from .discourse import segment
from .lang import clauses as C
from .lang.rules import for_language
from .linking import EntityInfo, category, lead_end_of, link, select
from .mentions import (
    Tokens,
    acronym_candidates,
    bare_acronym_candidates,
    legal_candidates,
    mark_brackets,
    name_candidates,
    noun_candidates,
    sector_list_candidates,
    sector_word_candidates,
    vocabulary_candidates,
)
from . import ids
from .acts import merge_named_acts
from .amounts import find_amounts
from .dates import find_date_events
from .model import Amount, Entity, Extraction, InstrumentDate, Mention, NewsItem, Relation
from .nlp import get_nlp
from .procedure import co_legislation, commission_proposal, main_law, proposal_parts
from .relations import COMMISSION, Arg, FoundRelation, find_relations
from .vocabulary import Vocabulary, load_vocabulary

#: After a sector word: "of" and a noun, which make the word an activity ("productie van halfgeleiders").
_ACTIVITY_OF = {
    "nl": re.compile(r"\s+van\s+(?!(de|het|een|EU|Europa|kracht|toepassing)\b)[^\W\d]", re.I),
    "en": re.compile(r"\s+of\s+(?!(the|a|an|EU|Europe)\b)[^\W\d]", re.I),
}

#: Unnamed papers that the item names by what they are about ("het actieplan voor basisvaardigheden",
#: "a strategy on ..."): kept without a relation. Unnamed laws and proposals are kept only with one:
#: they are mostly a numbered act said again.
_DESCRIBED_KINDS = {"Communication", "Package", "Recommendation"}
_DESCRIBED = re.compile(r"^\S+\s+(voor|over|inzake|on|for)\s+\S+", re.I)

#: Words in a sector mention that make it a sector mention without a relation.
_SECTOR_WORDS = ("sector", "industrie", "industry", "ecosysteem", "ecosystem")


def extract(item: NewsItem, nlp: Language | None = None, vocabulary: Vocabulary | None = None) -> Extraction:
    """Mentions, entities and relations of one news item."""
    nlp = nlp or get_nlp(item.lang)
    vocabulary = vocabulary or load_vocabulary()
    rules = for_language(item.lang)
    other = for_language("en" if item.lang == "nl" else "nl")
    text = item.text
    doc = nlp(text)
    units = segment(doc, text)

    tokens = Tokens.of(doc, text)
    candidates = (
        vocabulary_candidates(doc, text)
        + legal_candidates(text)
        + name_candidates(tokens, rules, other)
        + noun_candidates(tokens, rules)
        + sector_list_candidates(text, rules)
        + sector_word_candidates(text, rules)
    )
    # "de productie van halfgeleiders", "the manufacturing of chips": an activity, not the sector
    if (activity := _ACTIVITY_OF.get(item.lang)) is not None:
        candidates = [c for c in candidates if not (c.cls == "Sector" and activity.match(text, c.end))]
    candidates += acronym_candidates(text, candidates)
    candidates += bare_acronym_candidates(text, candidates, rules)
    chosen = select(candidates)
    mark_brackets(text, chosen, rules)

    unit_starts = [u.start for u in units]
    units_of = {c.start: max(bisect.bisect_right(unit_starts, c.start) - 1, 0) for c in chosen}
    linked, entities = link(chosen, text, item.id, item.lang, vocabulary, units_of)
    merge_named_acts(linked, entities, text, item.lang)

    opens, closes = _offsets(text, "("), _offsets(text, ")")

    def parenthetical(start: int) -> bool:
        begin = units[units_of[start]].start if units else 0
        return begin < start and _count(opens, begin, start) > _count(closes, begin, start)

    args = [
        Arg(l.cand.start, l.cand.end, l.iri, entities[l.iri].cls, units_of[l.cand.start], parenthetical(l.cand.start))
        for l in linked
        if not l.alias
    ]
    found = _without_unnamed_twins(find_relations(text, units, args, rules), entities)

    # keep what the item speaks about: unnamed instruments and plain sector words only with a relation
    related = {r.subject for r in found} | {r.object for r in found}

    surfaces: dict[str, list[str]] = {}
    for l in linked:
        surfaces.setdefault(l.iri, []).append(l.cand.text)

    def keep(iri: str) -> bool:
        info = entities[iri]
        if info.kind == "anon" and info.cls in _DESCRIBED_KINDS and _DESCRIBED.search(info.labels[0][0]):
            return True  # "het actieplan voor basisvaardigheden": a paper the item names by what it is about
        if info.kind in {"anon", "weak"} or (info.kind == "vocab" and info.cls == "InstrumentType"):
            return iri in related
        if category(info.cls) == "Sector":
            return iri in related or any(w in t.lower() for t in surfaces[iri] for w in _SECTOR_WORDS)
        return True

    kept = {iri for iri in entities if keep(iri)}
    mentions = tuple(
        Mention(l.cand.start, l.cand.end, l.cand.text, l.iri, l.cand.kind) for l in linked if l.iri in kept
    )
    entity_records = tuple(
        Entity(
            iri=info.iri,
            cls=info.cls,
            labels=tuple(info.labels),
            celex=info.celex,
            eli=info.eli,
            in_vocabulary=info.in_vocabulary,
        )
        for iri, info in sorted(entities.items())
        if iri in kept
    )
    relations = tuple(
        Relation(r.subject, r.property, r.object, units[r.unit].start, units[r.unit].end, r.trigger)
        for r in found
        if r.subject in kept and r.object in kept
    )
    kept_args = [a for a in args if a.iri in kept]
    relations += tuple(_commission_acts(text, units, kept_args, relations, entities))
    relations += tuple(_known_parts(units, kept_args, relations, vocabulary))
    names = [(l.cand.text, l.iri, entities[l.iri].cls) for l in linked
             if l.iri in kept and l.cand.kind in {"vocab", "name", "acronym"} and l.cand.text[:1].isupper()]
    relations += tuple(_named_parts(text, units, kept_args, names, relations))
    legal = {l.cand.start for l in linked if l.cand.kind == "legal"}
    acts = [a for a in kept_args if category(a.cls) == "Instrument"]
    relations += tuple(_titled_references(text, units, acts, legal, relations))
    per_unit, law = _by_unit(kept_args), main_law(kept_args, lead_end_of(text))
    relations += tuple(co_legislation(text, units, per_unit, relations, rules, law))
    relations += tuple(commission_proposal(units, per_unit, relations, law))
    relations += tuple(proposal_parts(units, per_unit, relations, law))
    amounts = tuple(_amounts(text, units, kept_args, item.lang))
    dates = tuple(_instrument_dates(text, units, kept_args, item.lang))
    return Extraction(
        item=item,
        dates=dates,
        amounts=amounts,
        mentions=mentions,
        entities=entity_records,
        relations=relations,
        sentences=tuple(sorted({(units[r.unit].start, units[r.unit].end) for r in found})),
    )


#: Words of a sentence that speaks of proposing.
_PROPOSING = re.compile(r"\b(voorstel\w*|voorgesteld|ingediend|proposals?|proposed|tabled|put\s+forward)\b", re.I)
#: Words that make an act the Commission's own: "Commission Implementing Regulation",
#: "Gedelegeerde Verordening", "uitvoeringsbesluit" (capitalised in English, so that
#: "implementing Regulation X", a verb, does not count).
_COMMISSION_ACT = re.compile(r"\b(Implementing|Delegated)\s+(Regulation|Decision|Directive|Act)\b"
                             r"|\b[Cc]ommission\s+(implementing|delegated)\s+(regulation|decision|directive)\b"
                             r"|\b[Uu]itvoerings(verordening|besluit|richtlijn|handeling)\b"
                             r"|\b[Gg]edelegeerde?\s+(verordening|besluit|richtlijn|handeling)\b")


def _commission_acts(text: str, units, args: list[Arg], found: tuple[Relation, ...],
                     entities: dict) -> list[Relation]:
    """What the kind of document says about its author, when the Commission acts in the sentence
    that names it: a COM communication (CELEX ``5...DC``) and an implementing or delegated act are
    adopted by the Commission, a COM proposal (``5...PC``) cited with its number where the sentence
    speaks of proposing is proposed by it. Stated relations come first: an act that already has
    an author keeps it."""
    commission_at = {a.unit: a.end for a in reversed(args) if a.iri == COMMISSION}  # its first mention per sentence
    if not commission_at:
        return []
    instruments = _by_unit(args, {"Instrument"})
    authored = {(r.subject, r.property) for r in found}
    out: dict[tuple[str, str], Relation] = {}
    for arg in args:
        info = entities[arg.iri]
        if category(info.cls) != "Instrument":
            continue
        celex = info.celex or ""
        if not celex:
            continue
        if celex[:1] == "5" and not _cites_com(text, celex):
            continue  # a COM document known from the vocabulary, not one the item cites
        if arg.unit not in commission_at:
            continue
        unit = units[arg.unit]
        if celex[:1] == "5" and celex[5:7] == "PC":
            if not _PROPOSING.search(text, unit.start, unit.end):
                continue
            prop = "proposedBy"
        elif celex[:1] == "5" and celex[5:7] == "DC" or _COMMISSION_ACT.search(text, max(arg.start - 25, 0), arg.end):
            after = commission_at[arg.unit]
            if arg.start < after or any(after <= other.start and other.end <= arg.start and other.iri != arg.iri
                                        for other in instruments[arg.unit]):
                continue  # the Commission acts on the document: the first act named after the Commission
            prop = "adoptedBy"
        else:
            continue
        if (arg.iri, "adoptedBy") in authored or (arg.iri, "proposedBy") in authored or (arg.iri, prop) in out:
            continue
        out[(arg.iri, prop)] = Relation(arg.iri, prop, COMMISSION, unit.start, unit.end, "(Commission document)")
    return list(out.values())


def _cites_com(text: str, celex: str) -> bool:
    """Whether ``text`` cites the COM document ``celex`` (``5...DC``, ``5...PC``) by its number.

    The pattern starts with "COM" (the word boundary before it is checked after it), so that
    re looks for that string rather than trying the pattern everywhere.

    >>> _cites_com("zie COM(2024) 28.", "52024DC0028"), _cites_com("zie XCOM(2024) 28.", "52024DC0028")
    (True, False)
    """
    return re.search(rf"COM(?<!\wCOM)\s*\(\s*{celex[1:5]}\s*\)\s*0*{int(celex[7:] or 0)}\b", text) is not None


#: In the gap between two acts, a list: the second act is the next item, not named in the first's title.
_TITLE_LIST = re.compile(r",|\b(and|en|or)\b")


def _titled_references(text: str, units, args: list[Arg], legal: set[int],
                       found: tuple[Relation, ...]) -> list[Relation]:
    """An act named in the title of a numbered act ("Verordening (EU) 2025/2518 tot vaststelling van
    aanvullende procedureregels voor de handhaving van de AVG"): the numbered act ``refersTo`` it,
    unless the sentence already relates the two (an amendment, a repeal). ``args`` are the item's
    mentions of instruments, ``legal`` the starts of those by number."""
    related = {(r.subject, r.object) for r in found} | {(r.object, r.subject) for r in found}
    out = []
    for act, named in zip(args, args[1:]):
        if act.start in legal and act.unit == named.unit and act.iri != named.iri \
                and (act.iri, named.iri) not in related and C.IN_TITLE_OF.fullmatch(text, act.end, named.start) \
                and not _TITLE_LIST.search(text, act.end, named.start):
            unit = units[act.unit]
            out.append(Relation(act.iri, "refersTo", named.iri, unit.start, unit.end, "(title of the act)"))
            related.add((act.iri, named.iri))
    return out


def _known_parts(units, args: list[Arg], found: tuple[Relation, ...], vocabulary: Vocabulary) -> list[Relation]:
    """A body and the body it belongs to, or a strand and its programme, both named in the item
    ("CEF Transport" in one paragraph, the Connecting Europe Facility in another): ``partOf``, as
    the vocabulary has it, placed at the sentence that first names the part."""
    related = {(r.subject, r.object) for r in found} | {(r.object, r.subject) for r in found}
    named = {arg.iri for arg in args}
    out: dict[tuple[str, str], Relation] = {}
    for arg in sorted(args, key=lambda a: (a.unit, a.start)):
        for parent in sorted(vocabulary.part_of(arg.iri) & named):
            if (arg.iri, parent) not in related and (arg.iri, parent) not in out:
                unit = units[arg.unit]
                out[(arg.iri, parent)] = Relation(arg.iri, "partOf", parent, unit.start, unit.end,
                                                  "(part of, per the vocabulary)")
    return list(out.values())


#: The last word of a name that makes it a thing of its own beside the programme it starts with
#: ("EIC Fund", "STEP Portal", "Galileo Second Generation"), not a strand of it.
_OWN_THING = re.compile(r"(fonds|fund|portal|portaal|generation|generatie|regulation|verordening|act|wet"
                        r"|board|raad|research|invest)$", re.I)


def _named_parts(text: str, units, args: list[Arg], names: list[tuple[str, str, str]],
                 found: tuple[Relation, ...]) -> list[Relation]:
    """A programme or initiative whose name is another programme's name and more words ("DestinE
    Data Lake", "CEF Transport", "EIC Pathfinder", "Global Gateway Africa-Europe Investment
    Package"): a strand of it, ``partOf`` it, unless the item already relates the two. The parent
    may be a body that runs the programme (the EIC), never a law or a council. ``names`` are the
    item's mentions by name, acronym or vocabulary label (no short forms): text, IRI and class."""
    related = {(r.subject, r.object) for r in found} | {(r.object, r.subject) for r in found}
    parents: dict[str, dict[str, str]] = {}  # first word -> name -> IRI
    for name, iri, cls in names:
        if cls in _PARENT_CLASSES or category(cls) == "Programme":
            parents.setdefault(name.split(" ", 1)[0], {}).setdefault(name, iri)
    out: dict[tuple[str, str], Relation] = {}
    for arg in args:
        if category(arg.cls) != "Programme":
            continue
        name = text[arg.start:arg.end]
        if _OWN_THING.search(name):
            continue
        for prefix, parent in parents.get(name.split(" ", 1)[0], {}).items():
            if parent != arg.iri and name.startswith(prefix + " ") and (arg.iri, parent) not in related \
                    and (arg.iri, parent) not in out:
                unit = units[arg.unit]
                out[(arg.iri, parent)] = Relation(arg.iri, "partOf", parent, unit.start, unit.end,
                                                  "(name of its programme)")
    return list(out.values())


#: Bodies whose name may open the name of a programme they run.
_PARENT_CLASSES = {"Institution"}


def _without_unnamed_twins(found: list[FoundRelation], entities: dict[str, EntityInfo]) -> list[FoundRelation]:
    """An unnamed act ("a targeted amendment of the Cybersecurity Act") that amends or repeals what one
    numbered act of the item amends or repeals is that act, named later: its relations are the act's."""
    numbered: dict[tuple[str, str], set[str]] = {}
    for r in found:
        if r.property in {"amends", "repeals"} and entities[r.subject].celex:
            numbered.setdefault((r.property, r.object), set()).add(r.subject)
    twin = {r.subject: next(iter(acts)) for r in found if entities[r.subject].kind == "anon"
            and len(acts := numbered.get((r.property, r.object), set())) == 1}
    if not twin:
        return found
    out, seen = [], set()
    for r in found:
        r = replace(r, subject=twin.get(r.subject, r.subject), object=twin.get(r.object, r.object))
        if r.subject != r.object and (r.subject, r.property, r.object) not in seen:
            seen.add((r.subject, r.property, r.object))
            out.append(r)
    return out


def _offsets(text: str, char: str) -> list[int]:
    """Where ``char`` occurs in ``text``, in order.

    >>> _offsets("a(b)(c", "(")
    [1, 4]
    """
    found = []
    at = text.find(char)
    while at >= 0:
        found.append(at)
        at = text.find(char, at + 1)
    return found


def _count(offsets: list[int], begin: int, end: int) -> int:
    """How many of the sorted ``offsets`` lie in [begin, end)."""
    return bisect.bisect_left(offsets, end) - bisect.bisect_left(offsets, begin)


def _by_unit(args: list[Arg], categories: set[str] | None = None) -> dict[int, list[Arg]]:
    """The arguments (of these categories, or all), per sentence, in text order."""
    by_unit: dict[int, list[Arg]] = {}
    for arg in args:
        if categories is None or category(arg.cls) in categories:
            by_unit.setdefault(arg.unit, []).append(arg)
    return by_unit


def _nearest_before(args: list[Arg], at: int) -> Arg | None:
    """What a phrase at ``at`` is about: the nearest of ``args`` before it (asides in brackets
    skipped), else the first of them."""
    before = [a for a in args if a.end <= at and not a.parenthetical]
    return before[-1] if before else (args[0] if args else None)


def _amounts(text: str, units, args: list[Arg], lang: str) -> list[Amount]:
    """Each amount of money with what it is for: the programme or instrument it is about in its
    sentence, else the nearest body before it ("the Commission will invest EUR 1 billion")."""
    by_unit = _by_unit(args, {"Programme", "Instrument", "Institution"})
    found: dict[tuple[str, str, str], Amount] = {}
    for unit in units:
        candidates = by_unit.get(unit.index)
        if not candidates:
            continue
        sentence = text[unit.start: unit.end]
        funded = [a for a in candidates if category(a.cls) != "Institution"]
        for amount in find_amounts(sentence, lang):
            at = unit.start + amount.start
            bodies = [a for a in candidates if a.end <= at and category(a.cls) == "Institution"]
            owner = _nearest_before(funded, at) or (bodies[-1] if bodies else None)
            if owner is None:
                continue
            key = (owner.iri, amount.value, amount.currency)
            if key not in found:
                found[key] = Amount(owner.iri, amount.value, amount.currency, sentence[amount.start: amount.end],
                                    at, unit.start + amount.end, unit.start, unit.end)
    return sorted(found.values(), key=lambda a: (a.start, a.entity))


def _instrument_dates(text: str, units, args: list[Arg], lang: str) -> list[InstrumentDate]:
    """ELI dates for the instrument each dated phrase is about (see :func:`_nearest_before`)."""
    by_unit = _by_unit(args, {"Instrument"})
    found: dict[tuple[str, str], InstrumentDate] = {}
    for unit in units:
        instruments = by_unit.get(unit.index)
        if not instruments:
            continue
        sentence = text[unit.start: unit.end]
        for event in find_date_events(sentence, lang):
            subject = _nearest_before(instruments, unit.start + event.start)
            key = (subject.iri, event.property)
            if key not in found:  # the first statement of a date in the item wins
                found[key] = InstrumentDate(subject.iri, event.property, event.date, unit.start, unit.end)
    return sorted(found.values(), key=lambda d: (d.entity, d.property))
