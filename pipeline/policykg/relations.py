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
- ``shared``: the subject of the same relation stated earlier in the sentence ("funded through A,
  with further resources from B");
- ``inverted``: ``group``, unless a fitting mention stands before the trigger (then it is the subject);
- ``group``: the fitting mention in the named group (``S``/``O``) nearest its end;
  ``group-first``: the first fitting mention of the group; ``group-all``/``group-list``: all fitting mentions in the group (a list starting at its
  beginning, for ``group-list``).

Objects that stand in a list ("robotica, gezondheid en klimaat") fan out into one
relation each. One sentence states at most one relation per ordered pair.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter

from . import ids
from .discourse import Unit, children
from .lang import clauses as C
from .lang.rules import LanguageRules, Trigger, TriggerIndex
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

#: Strategy parts that may take an argument from beyond the trigger's sentence.
_REACHING_OUT = {"left", "topic", "prev", "item", "list", "shared"}


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


@lru_cache(maxsize=None)
def fits(prop: str, role: int, cls: str) -> bool:
    return category(cls) in SIGNATURES[prop][role]


#: How many acts "two", "drie" ... count ("both", "beide": two).
NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "twee": 2, "drie": 3, "vier": 4, "vijf": 5}
#: A passive between a subject and its verb: the subject is what is acted on.
_PASSIVE_AUXILIARY = re.compile(r"\b(be|been|is|are|was|were|wordt|worden|werd|werden)\b", re.I)
#: The class of the acts a plural noun names.
_PLURAL_KINDS = {"directive": "Directive", "richtlijn": "Directive", "regulation": "Regulation",
                 "verordening": "Regulation", "decision": "Decision", "besluit": "Decision"}


#: The Commission, which proposes the EU's laws, and the Parliament and the Council, who adopt them.
COMMISSION = ids.PKR_IRI + "institution/european-commission"
PARLIAMENT = ids.PKR_IRI + "institution/european-parliament"
COUNCIL = ids.PKR_IRI + "institution/council-of-the-european-union"
CO_LEGISLATORS = (PARLIAMENT, COUNCIL)


#: Legislative texts: each stands alone, nothing is part of one ("binnen twee maanden na het voorstel").
_LAWS_AND_PROPOSALS = {"Regulation", "Directive", "Decision", "Proposal"}


def _valid_pair(prop: str, s: Arg, o: Arg) -> bool:
    if s.iri == o.iri or not fits(prop, 0, s.cls) or not fits(prop, 1, o.cls):
        return False
    if prop == "partOf" and {category(s.cls), category(o.cls)} == {"Instrument", "Institution"}:
        # an act is not part of a body, nor a body part of an act ("een besluit om binnen de Commissie ...")
        return False
    if prop == "partOf" and o.cls in _LAWS_AND_PROPOSALS:
        return False  # a thing is part of a package, strategy or programme, not of a law or a proposal for one
    if prop == "targetsSector" and (s.iri == COMMISSION or s.iri in CO_LEGISLATORS):
        return False  # the Commission, the Parliament and the Council act across sectors; they target none
    if prop == "establishes" and (o.iri == COMMISSION or o.iri in CO_LEGISLATORS):
        return False  # the Commission, the Parliament and the Council are set up by the Treaties, not in the news
    if prop == "fundedThrough" and s.iri == COMMISSION:
        return False  # the Commission awards or manages the money; it is not funded through a programme
    if prop == "adoptedBy" and o.iri in CO_LEGISLATORS and s.cls in {"Communication", "Proposal", "Package"}:
        return False  # the Parliament and the Council adopt laws, not the Commission's papers or packages
    if prop == "proposedBy" and o.iri in CO_LEGISLATORS:
        return False  # the Commission proposes EU law; the Parliament and the Council adopt it
    return True


class RelationFinder:
    def __init__(self, text: str, units: list[Unit], args: list[Arg], rules: LanguageRules) -> None:
        self.text = text
        self.units = units
        self.rules = rules
        self.by_unit: dict[int, list[Arg]] = {}
        for arg in args:
            self.by_unit.setdefault(arg.unit, []).append(arg)
        # what the strategies ask again and again, kept per item
        self._fitting_memo: dict[tuple[int, str, int], list[Arg]] = {}
        self._ordered_memo: dict[int, list[Arg]] = {}
        self._children_memo: dict[int, list[Unit]] = {}
        self._item_memo: dict[tuple[str, int], list[Arg]] = {}
        self._listed_memo: dict[tuple[int, int], bool] = {}
        self._acts_memo: list[Arg] | None = None
        self._current: list[FoundRelation] = []
        self._all: list[FoundRelation] = []

    # -- helpers -----------------------------------------------------------------------------
    def _fitting(self, unit: int, prop: str, role: int) -> list[Arg]:
        """The mentions of ``unit`` that fit ``role`` of ``prop``, in order (not to be changed)."""
        key = (unit, prop, role)
        found = self._fitting_memo.get(key)
        if found is None:
            found = self._fitting_memo[key] = [a for a in self.by_unit.get(unit, []) if fits(prop, role, a.cls)]
        return found

    def _ordered(self, unit: int) -> list[Arg]:
        """The mentions of ``unit`` by position (not to be changed)."""
        found = self._ordered_memo.get(unit)
        if found is None:
            found = self._ordered_memo[unit] = _by_start(self.by_unit.get(unit, []))
        return found

    def _children(self, unit: int) -> list[Unit]:
        """The list items ``unit`` introduces (not to be changed)."""
        found = self._children_memo.get(unit)
        if found is None:
            found = self._children_memo[unit] = children(self.units, unit)
        return found

    def _item_topic(self, prop: str, role: int) -> list[Arg]:
        """What the news item is about: the fitting node mentioned most (the title counts
        double), for sector lists that name no subject of their own."""
        key = (prop, role)
        if key not in self._item_memo:
            self._item_memo[key] = self._most_mentioned(prop, role)
        return self._item_memo[key]

    def _most_mentioned(self, prop: str, role: int) -> list[Arg]:
        counts: dict[str, int] = {}
        first: dict[str, Arg] = {}
        title_end = self.units[0].end if self.units else 0
        for arg in self._acts_and_programmes():
            if not fits(prop, role, arg.cls):
                continue
            if prop == "supervises" and arg.cls == "Proposal":
                continue  # what is supervised is law in force, not a proposal for it
            counts[arg.iri] = counts.get(arg.iri, 0) + (2 if arg.start < title_end else 1)
            if arg.iri not in first or arg.start < first[arg.iri].start:
                first[arg.iri] = arg
        if not counts:
            return []
        best = max(counts, key=lambda iri: (counts[iri], -first[iri].start))
        return [first[best]] if counts[best] >= 2 else []

    def _acts_and_programmes(self) -> list[Arg]:
        """The mentions of instruments and programmes, sentence by sentence (not to be changed)."""
        if self._acts_memo is None:
            self._acts_memo = [a for args in self.by_unit.values() for a in args
                               if category(a.cls) in {"Instrument", "Programme"}]
        return self._acts_memo

    def _arg_of(self, iri: str, unit: int) -> Arg:
        """A mention of ``iri`` (one that a relation found in ``unit`` uses): in ``unit`` if there is
        one, else the nearest before it, else the first after it."""
        mentions = [a for u in sorted(self.by_unit) for a in self.by_unit[u] if a.iri == iri]
        here = [a for a in mentions if a.unit == unit]
        before = [a for a in mentions if a.unit < unit]
        return (here or before[-1:] or mentions)[0]

    def _listed(self, end: int, start: int) -> bool:
        """Whether the text between two mentions joins them in a list (", ", " en ", ...)."""
        key = (end, start)
        found = self._listed_memo.get(key)
        if found is None:
            gap = self.text[end: start]
            found = self._listed_memo[key] = bool(C.LIST_GAPS[self.rules.lang].match(gap) or C.LIST_GAP_BODY.match(gap))
        return found

    def _siblings(self, arg: Arg, ordered: list[Arg]) -> list[Arg]:
        """``arg`` and the mentions listed with it ("X, Y en Z"), out of ``ordered`` (by position)."""
        members = [arg]
        kind = category(arg.cls)
        try:
            pos = ordered.index(arg)
        except ValueError:
            return [arg]  # a mention of another sentence (a shared subject): no list here
        for step in (1, -1):
            k = pos
            while 0 <= k + step < len(ordered):
                nxt_at = k + step
                if category(ordered[nxt_at].cls) != kind and 0 <= nxt_at + step < len(ordered):
                    # a mention of another kind in a member's description ("Richtlijn 2003/87/EG over
                    # het EU-emissiehandelssysteem en Verordening ..."): look past it, and past the
                    # acronym that follows it ("de Europese Autoriteit voor effecten en markten (ESMA, ...")
                    skipped = ordered[nxt_at].iri
                    nxt_at += step
                    if ordered[nxt_at].iri == skipped and 0 <= nxt_at + step < len(ordered):
                        nxt_at += step
                nxt = ordered[nxt_at]
                cur = ordered[k]
                first, second = (cur, nxt) if step == 1 else (nxt, cur)
                if category(nxt.cls) != kind or not self._listed(first.end, second.start):
                    break
                members.append(nxt)
                k = nxt_at
        if len(members) > 1:
            ends = sorted(members, key=lambda a: a.start)
            if not any(C.CONJUNCTION.search(self.text, a.end, b.start) for a, b in zip(ends, ends[1:])) and not (
                kind == "Instrument" and len(members) > 2
            ):
                # commas without "and": an apposition ("the Commission, the DG ..."), no list; three acts
                # in a row are a list whose "and" comes before a member not found ("..., the Batteries
                # Regulation and the | F-gas Regulation")
                return [arg]
        return members

    def _topic(self, unit: int, prop: str, role: int, before: int | None = None) -> list[Arg]:
        seen = set()
        current: int | None = unit
        while current is not None and current not in seen:
            seen.add(current)
            for arg in self.by_unit.get(current, []):
                if before is not None and current == unit and arg.start >= before:
                    break
                if fits(prop, role, arg.cls) and not (role == 0 and self._alongside(current, arg)):
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

    def _several_before(self, unit: int, prop: str, role: int, t_start: int) -> list[Arg]:
        """The acts "both Directives", "de drie verordeningen" or a bare "Both" before the trigger look back
        to: the last ones of that kind the sentence before names (with the one before it, when it names
        too few), as the subject of an active verb or the object of a passive one."""
        begin = self.units[unit].start
        several = self.rules.several_acts.search(self.text, begin, t_start) \
            or C.BOTH_BARE.search(self.text, begin, t_start)
        previous = self.units[unit].previous
        if several is None or previous is None or self.text[begin: several.start()].strip(" \t\n-•*–"):
            return []  # only a sentence that opens with them
        if (_PASSIVE_AUXILIARY.search(self.text, several.end(), t_start) is None) != (role == 0):
            return []  # the subject of an active verb ("Both Directives apply to ..."), the object of a passive
            # one ("Both are repealed by the new Regulation")
        changed = {r.object for r in self._all if r.property in {"amends", "repeals"}}
        count = NUMBERS.get((several.groupdict().get("n") or "").lower(), 2)
        noun = several.group(0).lower()
        kind = next((cls for stem, cls in _PLURAL_KINDS.items() if stem in noun), None)

        def acts_of(sentence: int) -> list[Arg]:
            found: list[Arg] = []
            for arg in self.by_unit.get(sentence, []):
                if category(arg.cls) == "Instrument" and (kind is None or arg.cls == kind) \
                        and fits(prop, role, arg.cls) and arg.iri not in changed and all(a.iri != arg.iri for a in found):
                    found.append(arg)
            return found

        acts = acts_of(previous)
        if len(acts) < count and (earlier := self.units[previous].previous) is not None:
            # too few there: the sentence before it names the rest ("Het fonds is ingesteld bij Verordening X.
            # Tegelijk werd Richtlijn Y aangenomen, tot wijziging van ... Beide wetten ...")
            acts = [a for a in acts_of(earlier) if all(b.iri != a.iri for b in acts)] + acts
        return acts[-count:] if len(acts) >= count else []

    def _alongside(self, unit: int, arg: Arg) -> bool:
        """Whether ``arg`` is named as a partner ("samen met de EIB en de EBRD", "together with X"):
        only names, articles, commas and brackets stand between the phrase and it."""
        begin = max(self.units[unit].start, arg.start - 160)
        last = None
        for last in C.ALONGSIDE.finditer(self.text, begin, arg.start):
            pass
        return last is not None and C.ALONGSIDE_GAP.fullmatch(self.text, last.end(), arg.start) is not None

    def _left(self, unit: int, m: re.Match[str], prop: str, role: int, t_start: int) -> list[list[Arg]]:
        """The ``left`` choice: the nearest fitting mention before the trigger, looking past at most
        two others ("ENISA, established by Regulation (EU) 2019/881, implements ..."), else what a
        pronoun at the start of the sentence stands for."""
        pool = self.by_unit.get(unit, [])
        left = [a for a in pool if a.end <= t_start]
        if not any(fits(prop, role, a.cls) for a in left) \
                and (several := self._several_before(unit, prop, role, t_start)):
            return [several]  # "Both Directives apply to sectors such as ...", "Both are repealed by ..."
        if role == 0 and any(a.parenthetical and a.cls == "Proposal" for a in left) and all(
                a.parenthetical or a.iri == COMMISSION or self._passive_agent(a, t_start) for a in left):
            # "The mechanism was proposed by the Commission (COM(2021) 564) as part of ...", "The
            # Commission proposed the recast (COM(2021) 558) as part of ...": with only its author
            # outside them, the proposal in brackets is what the sentence is about
            left = [a for a in left if a.parenthetical]
        elif any(not a.parenthetical for a in left):
            # what stands in brackets is an aside, not the subject ("X (COM(2023) 160) werd aangenomen")
            left = [a for a in left if not a.parenthetical]
        # sectors in a description do not count ("Verordening ... betreffende batterijen en afgedankte
        # batterijen is ... aangenomen")
        window = [a for a in left if category(a.cls) != "Sector"]
        if role == 0 and (semicolon := self.text.rfind(";", self.units[unit].start, t_start)) >= 0 \
                and not C.PRONOUN_START.match(self.text[semicolon + 1: semicolon + 16]):
            # a clause after a semicolon has a subject of its own ("...; de infrastructuur krijgt geld uit
            # ..."), unless a pronoun points back ("...; it amends ...")
            window = [a for a in window if a.start > semicolon]
        if role == 0:
            # neither the agent of a passive nor whom the subject acts for ("De ACM is namens
            # Nederland lid van ...") is the subject, nor a body the subject belongs to ("Het BTI
            # van het ministerie van EZK voert de wet uit")
            window = [a for a in window if not self._passive_agent(a, t_start)
                      and not C.ON_BEHALF.search(self.text, max(a.start - 20, 0), a.start)
                      and not self._alongside(unit, a)
                      and not any(b.end <= a.start and C.OF_OWNER.fullmatch(self.text, b.end, a.start)
                                  for b in window if category(b.cls) == "Institution")]
        relative = C.RELATIVE_TRIGGER.match(m.group(0)) is not None
        window = window[-1:] if relative else window[-3:]
        if relative and role == 1 and window and not C.ANTECEDENT_GAP.match(self.text, window[-1].end, t_start):
            # "sets up a new online service, which the Commission will run": the relative clause is about
            # the noun right before it, which names nothing here
            window = []
        fitting = [a for a in window if fits(prop, role, a.cls)]
        if role == 0 and prop == "fundedThrough" and fitting and C.FUNDING_PARTICIPLE.match(self.text, t_start) \
                and C.PARTICIPLE_OF_NOUN.search(self.text, fitting[-1].end, t_start):
            # "manages cybersecurity research funded under Horizon Europe": the participle is about the
            # unnamed noun right before it
            return []
        last = window[-1] if window and role == 0 else (fitting[-1] if fitting else None)
        if last is not None and (role == 0 and C.COORDINATED.match(self.text, last.end, t_start)
                                 or C.COORDINATED_AUXILIARY.match(self.text, last.end, t_start)):
            # "X amends A and replaces B", "X, which set up agency A and repealed B", "X wordt
            # gefinancierd uit A, wordt beheerd door B": the second verb shares the first one's subject
            shared = next((r.subject for r in self._current if r.object == last.iri), None)
            shared_arg = None if shared is None else self._arg_of(shared, unit)
            if shared_arg is not None and fits(prop, role, shared_arg.cls):
                fitting = [shared_arg]
        if role == 0 and fitting and not relative and C.SECOND_VERB.search(self.text, fitting[-1].end, t_start) \
                and not C.COORDINATED.match(self.text, fitting[-1].end, t_start):
            # "The FSR works alongside merger control under Regulation (EC) No 139/2004 and the procurement
            # directives, and complements the IPI": a second verb of the sentence's subject
            opener = next((a for a in pool if a.start - self.units[unit].start < 40 and not a.parenthetical), None)
            if opener is not None and fits(prop, role, opener.cls) and opener.end <= t_start:
                fitting = [opener]
        if fitting and C.WITHIN.match(m.group(0)) and C.COMMON_NOUN.search(self.text, fitting[-1].end, t_start):
            # "..., waarbij de gemeenschappelijke ondernemingen binnen Horizon Europa": "binnen"
            # belongs to the noun right before it
            fitting = []
        if prop == "targetsSector" and role == 0:
            # what targets a sector is the act or programme, rather than the body that runs it
            # ("Horizon Europe, established by Regulation (EU) 2021/695, funds research in areas such as ...":
            # not the agent of the participle)
            fitting = _acts_or_programmes([a for a in left if not self._passive_agent(a, t_start)])[-1:] or fitting
        if fitting and role == 0 and category(fitting[-1].cls) == "Institution" \
                and C.RELATIVE_AGENT.search(self.text, max(fitting[-1].start - 30, 0), fitting[-1].start):
            # "Regulation (EU) 2017/2226, which the Commission proposed ... as part of the package": the body
            # is the relative clause's subject; where it cannot be this trigger's, the antecedent is
            body = fitting[-1]
            antecedent = next((a for a in reversed(left) if a.end <= body.start and category(a.cls) != "Institution"
                               and C.RELATIVE_AGENT.match(self.text[a.end: body.start])), None)
            if antecedent is not None:
                return [[fitting[-1]], [antecedent]]
        if fitting:
            # "The European Parliament and the Council adopted the Regulation": both adopted it;
            # a relative clause is about its antecedent only ("X en Y, waarbij Z is opgericht")
            fan_out = (role == 0 or prop in {"adoptedBy", "proposedBy"}) and not relative
            return [self._siblings(fitting[-1], self._ordered(unit)) if fan_out else [fitting[-1]]]
        if self.rules.topic_nouns.search(self.text, left[-1].end if left else self.units[unit].start, t_start):
            # "Within the Commission, the file is handled by DG GROW": what the item is about
            found = self._item_topic(prop, role)
            if found:
                return [found]
        if left and (role != 0 or any(fits(prop, role, a.cls) for a in left) or self._article_before(left[0])):
            return []
        # "Zij stelt X in en wijzigt Y", "It was adopted by the Council and amends Y": no mention
        # before the verb could be the subject, so the pronoun that opens the sentence is; so is one
        # right after the verb ("Verder wijzigt zij ...")
        found = self._pronoun_antecedent(unit, prop, role, t_start)
        if not found and not left and C.PRONOUN_AFTER_VERB.match(self.text, t_start + len(m.group(0))):
            previous = self.units[unit].previous
            found = self._topic(previous, prop, role) if previous is not None else []
        return [found] if found else []

    def _article_before(self, arg: Arg) -> bool:
        """Whether the word that opens the sentence is the article of ``arg`` ("Het Innovatiefonds ..."),
        not a pronoun."""
        start = self.units[arg.unit].start
        pronoun = C.PRONOUN_START.match(self.text[start: arg.start])
        return pronoun is not None and not self.text[start + pronoun.end(): arg.start].strip()

    def _passive_agent(self, arg: Arg, t_start: int) -> bool:
        """Whether ``arg`` is the agent of a passive ("by the Commission") that a later trigger is not
        about ("X was proposed by the Commission ... as part of Y"); right before a relative clause or
        a participle about it, it is ("Decision (EU) 2022/2481, adopted by ...")."""
        if not C.AGENT.search(self.text, max(arg.start - 12, 0), arg.start):
            return False
        if C.RELATIVE.match(self.text, arg.end, t_start):
            return False
        return bool(self.text[arg.end: t_start].strip(" ,)")) or not C.PARTICIPLE.match(self.text, t_start)

    def _pronoun_antecedent(self, unit: int, prop: str, role: int, t_start: int) -> list[Arg]:
        """What a pronoun that opens the sentence stands for: "Die wijzigt ..." the last thing the
        previous sentence named, "It was adopted ..." what that sentence was about."""
        sentence_start = self.units[unit].start
        pronoun = C.PRONOUN_START.match(self.text[sentence_start: t_start])
        previous = self.units[unit].previous
        if pronoun is None or previous is None:
            return []
        bare = self.text[sentence_start + pronoun.end(): t_start].strip() == ""
        if bare and pronoun.group(1).lower() in C.DEMONSTRATIVE_PRONOUNS:
            return self._fitting(previous, prop, role)[-1:]
        found = self._topic(previous, prop, role)
        if prop == "targetsSector" and found and category(found[0].cls) == "Institution":
            # "Zij richt zich op sectoren ...": the act or programme the sentence before was about
            found = _acts_or_programmes(self._fitting(previous, prop, role))[:1] or found
        return found

    def _right(self, unit: int, prop: str, role: int, t_start: int, t_end: int) -> list[list[Arg]]:
        """The ``right`` choice: the first mention after the trigger, if it is its object, else what
        an object pronoun stands for ("the Council adopted it")."""
        pool = self.by_unit.get(unit, [])
        if prop != "targetsSector":
            # a sector word in the object's description ("manages the cybersecurity funding of X") is no object
            pool = [a for a in pool if category(a.cls) != "Sector"]
        right = next((a for a in pool if a.start >= t_end), None)
        if right is not None and C.POSSESSIVE.match(self.text, right.end):
            # "within the Commission's Directorate-General ...": what it owns is the object
            right = next((a for a in pool if a.start >= right.end), None)
        if right is not None and (C.BEYOND_OBJECT.search(self.text, t_end, right.start)
                                  or C.CLAUSE_BREAK.search(self.text, t_end, right.start)):
            right = None  # "the act that set up the Joint Undertakings under Horizon Europe"
        if right is not None and prop in {"adoptedBy", "proposedBy"} \
                and C.UNNAMED_OBJECT.match(self.text, t_end, right.start):
            right = None  # "published guidance on the interpretation of the directive": the guidance was published
        if right is not None and not fits(prop, role, right.cls):
            # "amends the founding regulation of the EBA (Regulation (EU) No 1093/2010)": the act in
            # brackets after the body is what the noun before the body names
            after = next((a for a in pool if a.start >= right.end), None)
            if after is not None and after.parenthetical and fits(prop, role, after.cls) \
                    and self.text[right.end: after.start].strip() == "(" \
                    and C.OF_BODY.search(self.text, t_end, right.start):
                right = after
        pronoun = C.PRONOUN_AFTER.match(self.text, t_end)
        if right is not None and fits(prop, role, right.cls):
            if pronoun is None:
                return [self._siblings(right, self._ordered(unit))]
            if C.TOGETHER_WITH.match(self.text[t_end: right.start]):
                # "The Parliament adopted it, together with the AML Regulation and the new directive"
                return [self._pronoun_object(unit, prop, role, t_start) + self._siblings(right, self._ordered(unit))]
        if pronoun is None:
            return []
        found = self._pronoun_object(unit, prop, role, t_start)
        return [found] if found else []

    def _pronoun_object(self, unit: int, prop: str, role: int, t_start: int) -> list[Arg]:
        """What an object pronoun right after the trigger stands for: the topic of the sentence up to
        the trigger, else that of the sentence before."""
        found = self._topic(unit, prop, role, before=t_start)
        if not found and self.units[unit].previous is not None:
            found = self._topic(self.units[unit].previous, prop, role)
        return found

    def _candidates(self, strategy: str, unit: int, m: re.Match[str], group: str, prop: str, role: int) -> list[list[Arg]]:
        """Argument choices for one role: a list of alternatives, each a list of arguments (fan-out)."""
        base = self.units[unit].start
        t_start, t_end = base + m.start(), base + m.end()
        pool = self.by_unit.get(unit, [])
        choices: list[list[Arg]] = []
        for part in _parts(strategy):
            if part == "near":
                fitting = self._fitting(unit, prop, role)
                if C.NEW_RELATIVE.match(self.text, t_end):
                    # "de Clean Industrial Deal, die de Commissie presenteerde | en die voortbouwt op de
                    # verordening": a new relative clause starts; the verb's object is not in it
                    fitting = [a for a in fitting if a.start < t_end]
                if fitting:
                    nearest = min(fitting, key=lambda a: 0 if t_start <= a.start < t_end
                                  else min(abs(a.end - t_start), abs(a.start - t_end)))
                    choices.append(self._siblings(nearest, self._ordered(unit)))
            elif part == "shared":
                # the subject of the same relation stated earlier in the sentence
                shared = next((r.subject for r in reversed(self._current) if r.property == prop), None)
                if shared is not None:
                    choices.append([self._arg_of(shared, unit)])
            elif part == "programme":
                # the programme right before the trigger, when no other mention stands between
                before = [a for a in pool if a.end <= t_start]
                if before and category(before[-1].cls) == "Programme":
                    choices.append([before[-1]])
            elif part == "inside":
                choices += [[a] for a in self._fitting(unit, prop, role) if t_start <= a.start < t_end][:1]
            elif part == "left":
                choices += self._left(unit, m, prop, role, t_start)
            elif part == "right":
                choices += self._right(unit, prop, role, t_start, t_end)
            elif part in {"topic", "prev"}:
                if part == "prev":
                    # what the sentence before is about: a fitting mention at its start (its subject)
                    previous = self.units[unit].previous
                    found = [] if previous is None else self._topic(previous, prop, role)
                    if found and (found[0].unit != previous or found[0].start - self.units[previous].start > 60
                                  or self.rules.topic_nouns.search(self.text, self.units[unit].start, t_start)):
                        # not past a subject of the sentence's own ("The new rules affect ...")
                        found = []
                else:
                    found = self._topic(unit, prop, role, before=t_start)
                if found:
                    choices.append(found)
            elif part == "item":
                found = self._item_topic(prop, role)
                if found:
                    choices.append(found)
            elif part == "list":
                items = [fitting[0] for child in self._children(unit)
                         if (fitting := self._fitting(child.index, prop, role))]
                if items:
                    choices.append(items)
            elif part == "inverted":
                # verb before subject after an adverbial ("Daarnaast wijzigt de verordening X"); with a
                # fitting mention before the verb that mention is the subject and the group the object
                if any(a.end <= t_start and not a.parenthetical for a in self._fitting(unit, prop, role)):
                    continue
                choices += self._candidates("group", unit, m, group, prop, role)
            elif part.startswith("group"):
                spans = [(m.start(g), m.end(g)) for g in m.re.groupindex if g.startswith(group) and m.start(g) >= 0]
                inside = [a for a in pool if any(base + s <= a.start < base + e for s, e in spans)]
                fitting = [a for a in inside if fits(prop, role, a.cls)]
                if not fitting:
                    continue
                if part == "group-all":
                    choices.append(fitting)
                elif part == "group-first":
                    choices.append(self._siblings(fitting[0], self._ordered(unit)))
                elif part == "group-list":
                    first = fitting[0]
                    lead = C.LEADING_TIME.sub("", C.LIST_OPENER.sub("", self.text[base + spans[0][0]: first.start]))
                    if inside and inside[0] is first and len(lead.strip()) <= 3:
                        choices.append(self._siblings(first, _by_start(fitting)))
                else:
                    choices.append(self._siblings(fitting[-1], _by_start(fitting)))
        return choices

    # -- main --------------------------------------------------------------------------------
    def find(self) -> list[FoundRelation]:
        found: list[FoundRelation] = []
        self._all = found  # what the item has stated so far
        index = self.rules.trigger_index
        triggers = index.triggers
        kinds = [frozenset(category(a.cls) for a in self.by_unit.get(u.index, [])) for u in self.units]
        spans = [(u.start, u.end) for u in self.units]
        matches = index.matches(self.text, spans, [_viable(index, k) for k in kinds])
        for unit, unit_kinds, unit_matches in zip(self.units, kinds, matches):
            pairs_done: set[tuple[str, str]] = set()
            self._current = []  # what this sentence has stated so far
            hits = sorted(((m.start(), order, m) for order, m in unit_matches), key=itemgetter(0, 1))
            for _, order, m in hits:
                if not m.re.groupindex and self._ends_in_mention(unit.index, unit.start + m.start(), unit.start + m.end()):
                    continue  # "stelt de Raad voor kritieke grondstoffen in": that "voor" is part of a name
                for rel in self._apply(triggers[order], unit.index, m):
                    key = (rel.subject, rel.object)
                    if key in pairs_done or (rel.object, rel.subject) in pairs_done:
                        continue
                    pairs_done.add(key)
                    found.append(rel)
                    self._current.append(rel)
            if "Sector" not in unit_kinds:
                continue
            for rel in self._sector_lists(unit.index, {o for _, o in pairs_done}):
                if (rel.subject, rel.object) not in pairs_done:
                    pairs_done.add((rel.subject, rel.object))
                    found.append(rel)
        return found

    def _ends_in_mention(self, unit: int, start: int, end: int) -> bool:
        """Whether a trigger from ``start`` to ``end`` runs into a mention that begins after it starts, so
        that its last word is part of a name."""
        return any(start < a.start < end < a.end for a in self.by_unit.get(unit, []))

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
            members = [m for m in self._siblings(arg, self._ordered(unit)) if category(m.cls) == "Sector"]
            seen.update(m.iri for m in members)
            if len(members) < 2:
                continue
            last = max(members, key=lambda a: a.end)
            if (noun := C.MODIFIED_NOUN.match(self.text, last.end)) and noun.group(1).lower() not in C.FUNCTION_WORDS:
                continue  # "national energy and climate plans": the words qualify a noun, they list no sectors
            first = min(members, key=lambda a: a.start)
            if C.PORTFOLIO.search(self.text, max(first.start - 40, 0), first.start):
                continue  # "de minister voor Klimaat en Energie": an office, not the sectors of an act
            left = [a for a in pool if a.end <= first.start and fits("targetsSector", 0, a.cls)
                    and a.iri != COMMISSION and a.iri not in CO_LEGISLATORS]
            # no subject before the list: what the item is about, else what the sentences before were about
            subject = left[-1:] or self._item_topic("targetsSector", 0) \
                or self._topic(unit, "targetsSector", 0, before=first.start)
            for s in subject:
                if category(s.cls) == "Institution":
                    continue  # "IGJ houdt toezicht op bloedbanken en weefselinstellingen": a body's work, not its sectors
                start = self.units[unit].start
                out += [FoundRelation(s.iri, "targetsSector", m.iri, unit, "(list of sectors)", start) for m in members
                        if _valid_pair("targetsSector", s, m)]
        return out

    def _apply(self, trig: Trigger, unit: int, m: re.Match[str]) -> list[FoundRelation]:
        subjects = self._candidates(trig.subject, unit, m, "S", trig.property, 0)
        if not subjects:
            return []
        objects = self._candidates(trig.object, unit, m, "O", trig.property, 1)
        for subj_group in subjects:
            for obj_group in objects:
                pairs = [(s, o) for s in subj_group for o in obj_group if _valid_pair(trig.property, s, o)]
                if pairs:
                    words = " ".join(m.group(0).split())
                    trigger_text = words if len(words) <= 40 else words[:18] + " ... " + words[-18:]
                    start = self.units[unit].start + m.start()
                    return [_oriented(s, _property_for(trig.property, s, m.group(0)), o, unit, trigger_text, start)
                            for s, o in pairs]
        return []


def _oriented(s: Arg, prop: str, o: Arg, unit: int, trigger: str, start: int) -> FoundRelation:
    """The relation, turned round where it is another one: a programme "part of" (that falls under) a
    body is run by it ("CEF Digitaal valt onder HaDEA")."""
    if prop == "partOf" and category(s.cls) == "Programme" and category(o.cls) == "Institution" \
            and C.FALLS_UNDER.match(trigger):
        return FoundRelation(o.iri, "implements", s.iri, unit, trigger, start)
    return FoundRelation(s.iri, prop, o.iri, unit, trigger, start)


def _acts_or_programmes(args: list[Arg]) -> list[Arg]:
    """The instruments and programmes among ``args``, in order."""
    return [a for a in args if category(a.cls) in {"Instrument", "Programme"}]


def _by_start(args: list[Arg]) -> list[Arg]:
    return sorted(args, key=lambda a: a.start)


@lru_cache(maxsize=None)
def _parts(strategy: str) -> tuple[str, ...]:
    """The alternatives of a strategy, in order: "left-or-topic" -> ("left", "topic")."""
    return tuple(strategy.split("-or-"))


@lru_cache(maxsize=4096)
def _viable(index: TriggerIndex, categories: frozenset[str | None]) -> frozenset[int]:
    """The triggers that can state a relation in a sentence that mentions things of ``categories``:
    those that may look beyond the sentence, and those whose arguments can stand in it."""
    return frozenset(
        order for order, trig in enumerate(index.triggers)
        if trig.property not in SIGNATURES or all(
            categories & SIGNATURES[trig.property][role]
            for role, strategy in enumerate((trig.subject, trig.object)) if _sentence_only(strategy)
        )
    )


@lru_cache(maxsize=None)
def _sentence_only(strategy: str) -> bool:
    """Whether ``strategy`` takes its arguments from the trigger's sentence only."""
    return not _REACHING_OUT.intersection(_parts(strategy))


#: A verb of proposing that the adoption triggers share with presenting ("heeft ... voorgesteld").
_PROPOSING = re.compile(r"\b(voorgesteld|ingediend)$")


def _property_for(prop: str, subject: Arg, trigger: str) -> str:
    """Presenting or adopting a proposal is proposing it; so is having proposed any act ("de Commissie
    heeft de Digital Networks Act voorgesteld")."""
    if prop == "adoptedBy" and (subject.cls == "Proposal" or _PROPOSING.search(trigger)):
        return "proposedBy"
    return prop


def find_relations(text: str, units: list[Unit], args: list[Arg], rules: LanguageRules) -> list[FoundRelation]:
    """All relations stated in ``text``; deterministic order."""
    return RelationFinder(text, units, args, rules).find()
