"""Linking: one canonical node per real-world thing.

Candidates from :mod:`policykg.mentions` are resolved to entity IRIs: vocabulary
entries keep their IRI; numbered instruments get ``pkr:celex/...``; a name in
brackets after another name makes both one node ("EuroHPC-verordening
(EU-Verordening 2021/1173)", "Agentschap ... (ENISA)"); short forms refer back
to the last compatible node; everything else is minted from its class and name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import ids
from .mentions import Candidate
from .vocabulary import Vocabulary, fold

INSTRUMENT_CLASSES = {
    "Instrument", "Regulation", "Directive", "Decision", "Communication", "Proposal", "Package",
    "Recommendation", "StaffWorkingDocument",
}
PROGRAMME_CLASSES = {"Programme", "Initiative"}


def category(cls: str | None) -> str | None:
    """The broad kind of a class: Instrument, Programme, or the class itself.

    >>> category("Regulation"), category("Initiative"), category("Sector")
    ('Instrument', 'Programme', 'Sector')
    """
    if cls in INSTRUMENT_CLASSES:
        return "Instrument"
    if cls in PROGRAMME_CLASSES:
        return "Programme"
    return cls


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


_DATE_GAP = re.compile(r"^\s*(of|van|from|dated|d\.d\.)\s+\d{1,2}\s+\w+\s+\d{4}\s*$", re.I)


def _overlaps(a: Candidate, b: Candidate) -> bool:
    return a.start < b.end and b.start < a.end


def select(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates: stronger kinds first, then longer spans.

    A vocabulary match inside a longer name of another kind gives way to the name:
    "Critical Raw Materials" (the Act) inside "European Critical Raw Materials Board".
    """
    names = [c for c in candidates if c.kind == "name"]
    candidates = [
        c for c in candidates
        if not (c.kind == "vocab" and any(
            n.start <= c.start and c.end <= n.end and (n.end - n.start) > (c.end - c.start)
            and category(n.cls) != category(c.cls) for n in names))
    ]
    kept: list[Candidate] = []
    for cand in sorted(candidates, key=lambda c: (-c.precedence, -(c.end - c.start), c.start)):
        if any(_overlaps(cand, k) for k in kept):
            continue
        kept.append(cand)
    return sorted(kept, key=lambda c: c.start)


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
            key = fold(cand.head or cand.text)
            compound = cand.head not in ("", None) and cand.extra.get("compound", False)
            if compound and key in anon_counter:
                iri_of[idx] = anon_counter[key]
                continue
            iri = ids.minted_iri(cand.cls or "Instrument", f"{item_id} {cand.label or cand.text} {cand.start}")
            info = entity(iri, cand.cls or "Instrument", "anon")
            if cand.label and fold(cand.label) != fold(cand.text):
                info.add_label(cand.label, lang)
            info.add_label(cand.text, lang)
            iri_of[idx] = iri
            anon_counter[key] = iri

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
        if cand.kind == "legal" and not (adjacent and prev.kind != "anon" and same_kind):
            for back in range(idx - 1, max(-1, idx - 5), -1):
                other = candidates[back]
                if units_of.get(other.start) != units_of.get(cand.start) or other.kind == "legal":
                    break
                if other.kind == "anon":
                    span = text[other.end: cand.extra.get("open", cand.start)]
                    if len(span) <= 120 and not re.search(r"[,;:.()]", span):
                        prev_idx, prev = back, other
                    break
        if units_of.get(prev.start) != units_of.get(cand.start):
            continue
        gap = text[prev.end: cand.extra.get("open", cand.start)]
        if prev.kind != "anon" and gap.strip(" ”\"’'") != "" and not _DATE_GAP.match(gap):
            continue
        if prev.kind == "anon" and ("(" in gap or ")" in gap):
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
        if category(ea.cls) != category(eb.cls):
            continue
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
            key = fold(prev.text)
            for other_idx, other in enumerate(candidates):
                if other.kind in {"name", "vocab"} and fold(other.text) == key:
                    iri_of[other_idx] = iri_of[prev_idx]

    # 3. acronyms defined once stand for their node everywhere in the item
    acronyms = {candidates[i].text: iri_of[i] for i in alias if candidates[i].kind == "acronym"}

    # 4. short forms refer back to the most salient compatible node mentioned before
    linked: list[Linked] = []
    history: list[tuple[str, str]] = []  # (iri, surface) of each mention so far
    title_end = text.find("\n")
    in_title: set[str] = set()
    for idx, cand in enumerate(candidates):
        iri = iri_of.get(idx)
        if cand.kind == "acronym" and iri is None:
            iri = acronyms.get(cand.text)
        if cand.kind == "coref":
            iri = _antecedent(cand, history, entities, in_title, vocabulary)
        if iri is None:
            continue
        linked.append(Linked(cand, iri, alias=idx in alias))
        history.append((iri, cand.text))
        if title_end < 0 or cand.start < title_end:
            in_title.add(iri)
    # drop entities no mention points to any more (merged away)
    used = {l.iri for l in linked}
    return linked, {iri: e for iri, e in entities.items() if iri in used}


def _antecedent(cand: Candidate, history: list[tuple[str, str]], entities: dict[str, EntityInfo],
                in_title: set[str], vocabulary: Vocabulary) -> str | None:
    """The node a short form ("de verordening", "the Agency") refers to.

    Among earlier nodes of the same class, the one whose name contains the noun wins, then
    the most salient (mentioned most, or in the title), then the most recent.
    """
    head = fold(cand.head or cand.text)

    def names(iri: str) -> list[str]:
        entry = vocabulary.get(iri)
        found = [fold(t) for t, _ in entities[iri].labels] + [fold(s) for i, s in history if i == iri]
        if entry is not None:
            found += [fold(label.text) for label in entry.labels]
        return found

    def pool(accept) -> list[str]:
        return [iri for iri, _ in history if accept(entities[iri].cls)]

    if cand.extra.get("strict"):
        candidates = [iri for iri in pool(lambda c: category(c) == category(cand.cls))
                      if any(head in n.split() or n.endswith(head) for n in names(iri))]
    else:
        candidates = pool(lambda c: c == cand.cls)
        if not candidates and cand.cls == "Instrument":
            candidates = pool(lambda c: category(c) == "Instrument")
        if not candidates and cand.cls == "Regulation":
            candidates = pool(lambda c: c == "Proposal")
    if not candidates:
        return None
    recency = {iri: pos for pos, iri in enumerate(candidates)}
    counts = {iri: candidates.count(iri) for iri in recency}

    def score(iri: str) -> tuple:
        named = any(head in n.split() or n.endswith(head) for n in names(iri))
        if cand.extra.get("demonstrative"):
            # "die verordening", "that Regulation": the one just mentioned
            return (named, recency[iri])
        return (named, counts[iri] + (3 if iri in in_title else 0), recency[iri])

    return max(recency, key=score)


def _merge(entities: dict[str, EntityInfo], iri_of: dict[int, str], loser: str, winner: str, lang: str) -> None:
    lost, won = entities[loser], entities[winner]
    if not won.in_vocabulary:
        for text, label_lang in lost.labels:
            won.add_label(text, label_lang)
    for key, value in list(iri_of.items()):
        if value == loser:
            iri_of[key] = winner
