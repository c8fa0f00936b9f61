"""The pure composition: a news item in, an :class:`~policykg.model.Extraction` out.

``extract(item)`` reads nothing global but the (cached) vocabulary and spaCy
pipeline, needs no network and writes nothing.
"""

from __future__ import annotations

from spacy.language import Language

from .discourse import segment
from .lang.rules import for_language
from .linking import category, link, select
from .mentions import (
    acronym_candidates,
    legal_candidates,
    mark_brackets,
    name_candidates,
    noun_candidates,
    sector_list_candidates,
    sector_word_candidates,
    vocabulary_candidates,
)
from .dates import find_date_events
from .model import Entity, Extraction, InstrumentDate, Mention, NewsItem, Relation
from .nlp import get_nlp
from .relations import Arg, find_relations
from .vocabulary import Vocabulary, load_vocabulary

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

    tokens = list(doc)
    sent_starts = {sent.start for sent in doc.sents}
    candidates = (
        vocabulary_candidates(doc)
        + legal_candidates(text)
        + name_candidates(doc, rules, other, tokens, sent_starts, text)
        + noun_candidates(doc, rules, tokens, sent_starts)
        + sector_list_candidates(text, rules)
        + sector_word_candidates(text, rules)
    )
    candidates += acronym_candidates(text, candidates)
    chosen = select(candidates)
    mark_brackets(text, chosen, rules)

    unit_starts = [u.start for u in units]

    def unit_of(offset: int) -> int:
        idx = 0
        for i, start in enumerate(unit_starts):
            if start <= offset:
                idx = i
            else:
                break
        return idx

    units_of = {c.start: unit_of(c.start) for c in chosen}
    linked, entities = link(chosen, text, item.id, item.lang, vocabulary, units_of)

    def parenthetical(start: int) -> bool:
        before = text[units[units_of[start]].start: start] if units else text[:start]
        return before.count("(") > before.count(")")

    args = [
        Arg(l.cand.start, l.cand.end, l.iri, entities[l.iri].cls, units_of[l.cand.start], parenthetical(l.cand.start))
        for l in linked
        if not l.alias
    ]
    found = find_relations(text, units, args, rules)

    # keep what the item speaks about: unnamed instruments and plain sector words only with a relation
    related = {r.subject for r in found} | {r.object for r in found}

    def keep(iri: str) -> bool:
        info = entities[iri]
        if info.kind in {"anon", "weak"} or (info.kind == "vocab" and info.cls == "InstrumentType"):
            return iri in related
        if category(info.cls) == "Sector":
            if iri in related:
                return True
            return any(any(w in l.cand.text.lower() for w in _SECTOR_WORDS) for l in linked if l.iri == iri)
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
    dates = tuple(_instrument_dates(text, units, [a for a in args if a.iri in kept], item.lang))
    return Extraction(
        item=item,
        dates=dates,
        mentions=mentions,
        entities=entity_records,
        relations=relations,
        sentences=tuple(sorted({(units[r.unit].start, units[r.unit].end) for r in found})),
    )


def _instrument_dates(text: str, units, args: list[Arg], lang: str) -> list[InstrumentDate]:
    """ELI dates for the instrument each dated phrase is about: the nearest one before it in
    the sentence (asides in brackets skipped), else the first of the sentence."""
    by_unit: dict[int, list[Arg]] = {}
    for arg in args:
        if category(arg.cls) == "Instrument":
            by_unit.setdefault(arg.unit, []).append(arg)
    found: dict[tuple[str, str], InstrumentDate] = {}
    for unit in units:
        instruments = by_unit.get(unit.index)
        if not instruments:
            continue
        sentence = text[unit.start: unit.end]
        for event in find_date_events(sentence, lang):
            at = unit.start + event.start
            before = [a for a in instruments if a.end <= at and not a.parenthetical]
            subject = before[-1] if before else instruments[0]
            key = (subject.iri, event.property)
            if key not in found:  # the first statement of a date in the item wins
                found[key] = InstrumentDate(subject.iri, event.property, event.date, unit.start, unit.end)
    return sorted(found.values(), key=lambda d: (d.entity, d.property))
