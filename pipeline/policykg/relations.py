"""Relations between entities, from per-language trigger patterns over sentences.

A trigger (see ``lang/rules_nl.py``) is a regular expression over one sentence and
two strategies that say where its subject and object are:

- ``inside``: a mention within the trigger itself ("een wijziging van", "an amendment to");
- ``near``: the mention of a fitting class nearest to the trigger, either side;
- ``left`` / ``right``: the nearest mention before / after the trigger (it must fit);
- ``topic``: the first fitting mention of the sentence before the trigger, else of the
  line that introduces the list the sentence is in;
- ``left-or-topic``, ``left-or-prev`` (previous sentence of the paragraph), ``right-or-list``;
- ``item``: what the whole news item is about (its most mentioned instrument or programme);
- ``list``: the first fitting mention of each item of the list the sentence introduces;
- ``group``: the fitting mention in the named group (``S``/``O``) nearest its end;
  ``group-first``: the first fitting mention of the group; ``group-all``/``group-list``: all fitting mentions in the group (a list starting at its
  beginning, for ``group-list``).

Objects that stand in a list ("robotica, gezondheid en klimaat") fan out into one
relation each. One sentence states at most one relation per ordered pair.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .discourse import Unit, children
from .lang.rules import LanguageRules, Trigger
from .linking import category

#: property -> (subject classes, object classes); categories, as in DESIGN.md.
SIGNATURES: dict[str, tuple[set[str], set[str]]] = {
    "proposedBy": ({"Instrument"}, {"Institution"}),
    "adoptedBy": ({"Instrument"}, {"Institution"}),
    "amends": ({"Instrument"}, {"Instrument"}),
    "repeals": ({"Instrument"}, {"Instrument"}),
    "partOf": ({"Instrument", "Institution", "Programme"}, {"Instrument", "Institution", "Programme"}),
    "establishes": ({"Instrument", "Institution"}, {"Institution", "Programme"}),
    "fundedThrough": ({"Instrument", "Programme", "Institution"}, {"Programme"}),
    "targetsSector": ({"Instrument", "Programme", "Institution"}, {"Sector"}),
    "supervises": ({"Institution"}, {"Instrument"}),
    "implements": ({"Institution"}, {"Instrument", "Programme"}),
    "participatesIn": ({"Institution", "MemberState"}, {"Institution", "Programme"}),
    "refersTo": ({"Instrument"}, {"Instrument"}),
}

_LIST_GAP = re.compile(
    r"^(\s+(on|of|for|in|inzake|betreffende|over|van|voor|op|met)\s[^,;()]{0,60}?)?"
    r"(\s*\((?:[^()]|\([^()]*\))*\))?"  # an aside in brackets: "the GDPR (Regulation (EU) 2016/679), the ..."
    r"\s*(\)\s*)?(,|;|(,\s*)?(en|and|or|of|as well as|alsook|evenals|en ook|sowie))\s*"
    r"((among them|including|waaronder|zoals|such as)\s+)?((de|het|the|een|a|an)\s+)?$",
    re.I,
)
_DEMONSTRATIVE_PRONOUNS = {"die", "deze", "dit", "this", "that", "these"}
#: Sentence openings that refer to the topic of the previous sentence ("It was adopted by ...").
_PRONOUN_START = re.compile(r"^\W*(it|this|these|they|het|dit|deze|zij|ze|die)\b", re.I)


@dataclass(frozen=True)
class Arg:
    """A mention usable as an argument: where it is and which node it denotes."""

    start: int
    end: int
    iri: str
    cls: str
    unit: int
    parenthetical: bool = False  # inside brackets: "(COM(2023) 160)", "(ENISA)"


@dataclass(frozen=True)
class FoundRelation:
    subject: str
    property: str
    object: str
    unit: int
    trigger: str
    trigger_start: int


def fits(prop: str, role: int, cls: str) -> bool:
    return category(cls) in SIGNATURES[prop][role]


def _valid_pair(prop: str, s: Arg, o: Arg) -> bool:
    if s.iri == o.iri or not fits(prop, 0, s.cls) or not fits(prop, 1, o.cls):
        return False
    if prop == "partOf" and {category(s.cls), category(o.cls)} == {"Instrument", "Institution"}:
        # an act is not part of a body, nor a body part of an act ("een besluit om binnen de Commissie ...")
        return False
    return True


class RelationFinder:
    def __init__(self, text: str, units: list[Unit], args: list[Arg], rules: LanguageRules) -> None:
        self.text = text
        self.units = units
        self.rules = rules
        self.by_unit: dict[int, list[Arg]] = {}
        for arg in args:
            self.by_unit.setdefault(arg.unit, []).append(arg)

    # -- helpers -----------------------------------------------------------------------------
    def _item_topic(self, prop: str, role: int) -> list[Arg]:
        """What the news item is about: the fitting node mentioned most (the title counts
        double), for sector lists that name no subject of their own."""
        counts: dict[str, int] = {}
        first: dict[str, Arg] = {}
        title_end = self.units[0].end if self.units else 0
        for args in self.by_unit.values():
            for arg in args:
                if category(arg.cls) not in {"Instrument", "Programme"} or not fits(prop, role, arg.cls):
                    continue
                counts[arg.iri] = counts.get(arg.iri, 0) + (2 if arg.start < title_end else 1)
                if arg.iri not in first or arg.start < first[arg.iri].start:
                    first[arg.iri] = arg
        if not counts:
            return []
        best = max(counts, key=lambda iri: (counts[iri], -first[iri].start))
        return [first[best]] if counts[best] >= 2 else []


    def _siblings(self, arg: Arg, pool: list[Arg]) -> list[Arg]:
        """``arg`` and the mentions listed with it ("X, Y en Z")."""
        members = [arg]
        ordered = sorted(pool, key=lambda a: a.start)
        pos = ordered.index(arg)
        for step in (1, -1):
            k = pos
            while 0 <= k + step < len(ordered):
                nxt = ordered[k + step]
                cur = ordered[k]
                gap = self.text[cur.end: nxt.start] if step == 1 else self.text[nxt.end: cur.start]
                if category(nxt.cls) != category(arg.cls) or not _LIST_GAP.match(gap):
                    break
                members.append(nxt)
                k += step
        return members

    def _topic(self, unit: int, prop: str, role: int, before: int | None = None) -> list[Arg]:
        seen = set()
        current: int | None = unit
        while current is not None and current not in seen:
            seen.add(current)
            for arg in self.by_unit.get(current, []):
                if before is not None and current == unit and arg.start >= before:
                    break
                if fits(prop, role, arg.cls):
                    return [arg]
            u = self.units[current]
            if u.previous is not None:
                first = u.previous
                while self.units[first].previous is not None:
                    first = self.units[first].previous
                if first != current and first not in seen:
                    current = first
                    before = None
                    continue
            current = u.parent
            before = None
        return []

    def _candidates(self, strategy: str, unit: int, m: re.Match[str], group: str, prop: str, role: int) -> list[list[Arg]]:
        """Argument choices for one role: a list of alternatives, each a list of arguments (fan-out)."""
        base = self.units[unit].start
        t_start, t_end = base + m.start(), base + m.end()
        pool = self.by_unit.get(unit, [])
        outside = [a for a in pool if a.end <= t_start or a.start >= t_end]
        choices: list[list[Arg]] = []
        for part in strategy.split("-or-"):
            if part == "near":
                ranked = sorted(
                    (a for a in pool if fits(prop, role, a.cls)),
                    key=lambda a: 0 if t_start <= a.start < t_end else min(abs(a.end - t_start), abs(a.start - t_end)),
                )
                choices += [self._siblings(a, pool) for a in ranked[:1]]
            elif part == "inside":
                choices += [[a] for a in pool if t_start <= a.start < t_end and fits(prop, role, a.cls)][:1]
            elif part == "left":
                left = [a for a in outside if a.end <= t_start]
                if any(not a.parenthetical for a in left):
                    # what stands in brackets is an aside, not the subject ("X (COM(2023) 160) werd aangenomen")
                    left = [a for a in left if not a.parenthetical]
                # the nearest fitting mention, looking past at most two others ("ENISA, established
                # by Regulation (EU) 2019/881, implements ...")
                fitting = [a for a in left[-3:] if fits(prop, role, a.cls)]
                if prop == "targetsSector" and role == 0:
                    # what targets a sector is the act or programme, rather than the body that runs it
                    preferred = [a for a in left if category(a.cls) in {"Instrument", "Programme"}]
                    fitting = preferred[-1:] or fitting
                if fitting:
                    choices.append(self._siblings(fitting[-1], pool) if role == 0 else [fitting[-1]])
                elif not left and (pronoun := _PRONOUN_START.match(self.text[self.units[unit].start: t_start])):
                    previous = self.units[unit].previous
                    found: list[Arg] = []
                    sentence_start = self.units[unit].start
                    bare = self.text[sentence_start + pronoun.end(): t_start].strip() == ""
                    if previous is not None and bare and pronoun.group(1).lower() in _DEMONSTRATIVE_PRONOUNS:
                        # "Die wijzigt ...": the last thing the previous sentence named
                        found = [a for a in self.by_unit.get(previous, []) if fits(prop, role, a.cls)][-1:]
                    elif previous is not None:
                        found = self._topic(previous, prop, role)
                    if found:
                        choices.append(found)
            elif part == "right":
                right = [a for a in outside if a.start >= t_end]
                if right and fits(prop, role, right[0].cls):
                    choices.append(self._siblings(right[0], pool))
            elif part in {"topic", "prev"}:
                if part == "prev" and self.units[unit].previous is not None:
                    found = self._topic(self.units[unit].previous, prop, role)
                else:
                    found = self._topic(unit, prop, role, before=t_start)
                if found:
                    choices.append(found)
            elif part == "item":
                found = self._item_topic(prop, role)
                if found:
                    choices.append(found)
            elif part == "list":
                items = []
                for child in children(self.units, unit):
                    fitting = [a for a in self.by_unit.get(child.index, []) if fits(prop, role, a.cls)]
                    if fitting:
                        items.append(fitting[0])
                if items:
                    choices.append(items)
            elif part.startswith("group"):
                spans = [(m.start(g), m.end(g)) for g in m.re.groupindex if g.startswith(group) and m.start(g) >= 0]
                inside = [a for a in pool if any(base + s <= a.start and a.end <= base + e for s, e in spans)]
                fitting = [a for a in inside if fits(prop, role, a.cls)]
                if not fitting:
                    continue
                if part == "group-all":
                    choices.append(fitting)
                elif part == "group-first":
                    choices.append(self._siblings(fitting[0], fitting))
                elif part == "group-list":
                    first = fitting[0]
                    lead = self.text[base + spans[0][0]: first.start]
                    if inside and inside[0] is first and len(lead.strip()) <= 3 + len(lead.strip().split()) * 0:
                        choices.append(self._siblings(first, fitting))
                else:
                    choices.append(self._siblings(fitting[-1], fitting))
        return choices

    # -- main --------------------------------------------------------------------------------
    def find(self) -> list[FoundRelation]:
        found: list[FoundRelation] = []
        for unit in self.units:
            sentence = self.text[unit.start: unit.end]
            pairs_done: set[tuple[str, str]] = set()
            hits = []
            lowered = sentence.lower()
            for order, trig in enumerate(self.rules.triggers):
                if not trig.may_match(lowered):
                    continue
                for m in trig.pattern.finditer(sentence):
                    hits.append((m.start(), order, trig, m))
            for _, _, trig, m in sorted(hits, key=lambda h: (h[0], h[1])):
                for rel in self._apply(trig, unit.index, m):
                    key = (rel.subject, rel.object)
                    if key in pairs_done or (rel.object, rel.subject) in pairs_done:
                        continue
                    pairs_done.add(key)
                    found.append(rel)
            for rel in self._sector_lists(unit.index, {o for _, o in pairs_done}):
                if (rel.subject, rel.object) not in pairs_done:
                    pairs_done.add((rel.subject, rel.object))
                    found.append(rel)
        return found

    def _sector_lists(self, unit: int, done: set[str]) -> list[FoundRelation]:
        """A list of two or more sectors ("in education, healthcare and law enforcement") is what
        the sentence's subject targets, even without a trigger word."""
        pool = self.by_unit.get(unit, [])
        sectors = [a for a in pool if category(a.cls) == "Sector" and a.iri not in done]
        out: list[FoundRelation] = []
        seen: set[str] = set()
        for arg in sectors:
            if arg.iri in seen:
                continue
            members = [m for m in self._siblings(arg, pool) if category(m.cls) == "Sector"]
            seen.update(m.iri for m in members)
            if len(members) < 2:
                continue
            first = min(members, key=lambda a: a.start)
            left = [a for a in pool if a.end <= first.start and fits("targetsSector", 0, a.cls)]
            subject = left[-1:] or self._topic(unit, "targetsSector", 0, before=first.start) \
                or self._item_topic("targetsSector", 0)
            for s in subject:
                start = self.units[unit].start
                out += [FoundRelation(s.iri, "targetsSector", m.iri, unit, "(list of sectors)", start) for m in members]
        return out

    def _apply(self, trig: Trigger, unit: int, m: re.Match[str]) -> list[FoundRelation]:
        subjects = self._candidates(trig.subject, unit, m, "S", trig.property, 0)
        objects = self._candidates(trig.object, unit, m, "O", trig.property, 1)
        words = " ".join(m.group(0).split())
        trigger_text = words if len(words) <= 40 else words[:18] + " ... " + words[-18:]
        for subj_group in subjects:
            for obj_group in objects:
                rels = [
                    FoundRelation(s.iri, _property_for(trig.property, s), o.iri, unit, trigger_text,
                                  self.units[unit].start + m.start())
                    for s in subj_group
                    for o in obj_group
                    if _valid_pair(trig.property, s, o)
                ]
                if rels:
                    return rels
        return []


def _property_for(prop: str, subject: Arg) -> str:
    """Presenting or adopting a proposal is proposing it."""
    if prop == "adoptedBy" and subject.cls == "Proposal":
        return "proposedBy"
    return prop


def find_relations(text: str, units: list[Unit], args: list[Arg], rules: LanguageRules) -> list[FoundRelation]:
    """All relations stated in ``text``; deterministic order."""
    return RelationFinder(text, units, args, rules).find()
