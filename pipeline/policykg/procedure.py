"""The legislative procedure as news tells it: who of the two co-legislators adopted which act.

News reports the Parliament's and the Council's votes in a short-hand that triggers do not
read: "The European Parliament adopted the text on 27 February and the Council on 11 March",
"Het Parlement stemde op 17 december in; de Raad volgde een dag later", "the Council adopted
the Regulation" after "the Parliament adopted its position". Four rules cover it, per sentence
that names a co-legislator and uses one of the language's adoption words
(``ADOPTION_WORDS`` in the rule files):

- when the sentence adopts "both texts" or "drie teksten" (``SEVERAL_ACTS``) and names no law, the
  acts are the laws the next sentences or list items open with, one each, or else those the
  sentence before names;
- when the sentence states that one act is adopted by one co-legislator, the other one named
  in it adopted that act too;
- when it states no adoption but names one law, that law is the act;
- when the sentence names no act (a proposal, communication or package aside) and no programme,
  the act is the one the item is about: the law (regulation, directive or decision) mentioned
  most, with the title and lead counting double.

And the Commission's proposal: where a sentence says that the Commission proposed a COM
proposal and names no law ("The Commission proposed the recast in July 2021 (COM(2021) 558)"),
the law the item is about was proposed by the Commission too, unless the item says so already;
and it is part of what that sentence says the proposal was part of ("... as part of the Fit for
55 package").

The relations carry the trigger ``(legislative procedure)``.
"""

from __future__ import annotations

import re

from collections.abc import Sequence

from .lang import clauses as C
from .lang.rules import LanguageRules
from .linking import category
from .model import Relation
from .relations import COMMISSION, CO_LEGISLATORS, NUMBERS, Arg

#: Classes of an act the co-legislators adopt.
LAWS = {"Regulation", "Directive", "Decision"}
TRIGGER = "(legislative procedure)"
#: The Commission's papers and packages, which the co-legislators do not adopt: a sentence that names one
#: ("proposed in 2023 (COM(2023) 155) and adopted in 2024") still speaks of the law.
_PAPERS = {"Proposal", "Communication", "Package"}


def main_law(args: Sequence[Arg], lead_end: int) -> str | None:
    """The law the item is about: mentioned at least twice (a mention up to ``lead_end`` counts
    double) and more often than any other, else None."""
    counts: dict[str, int] = {}
    for arg in args:
        if arg.cls in LAWS:
            counts[arg.iri] = counts.get(arg.iri, 0) + (2 if arg.start < lead_end else 1)
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def co_legislation(text: str, units, by_unit: dict[int, list[Arg]], found: Sequence[Relation],
                   rules: LanguageRules, law: str | None) -> list[Relation]:
    """The adoptions by the Parliament and the Council that a sentence leaves half said; ``by_unit``
    holds the item's mentions per sentence, ``law`` is its :func:`main_law`."""
    stated = {(r.subject, r.object) for r in found if r.property == "adoptedBy"}
    out: dict[tuple[str, str], Relation] = {}
    for unit in units:
        pool = by_unit.get(unit.index, [])
        named = [iri for iri in CO_LEGISLATORS if any(a.iri == iri and not a.parenthetical for a in pool)]
        if not named or not rules.adoption_words.search(text, unit.start, unit.end):
            continue
        here = [r for r in found if r.property == "adoptedBy" and r.object in CO_LEGISLATORS
                and unit.start <= r.sentence_start < unit.end]
        acts = {r.subject for r in here}
        laws_here = {a.iri for a in pool if a.cls in LAWS}
        several = rules.several_acts.search(text, unit.start, unit.end)
        if several and not acts and not laws_here:
            # "The Parliament and the Council adopted both texts in December", "stelden drie teksten vast:"
            count = NUMBERS.get((several.group("n") or "").lower(), 2)
            texts = _listed_laws(units, unit, by_unit, count) or _laws_before(text, units, unit, by_unit, count, law)
            for act in texts:
                for body in named:
                    if (act, body) not in stated:
                        out.setdefault((act, body), Relation(act, "adoptedBy", body, unit.start, unit.end, TRIGGER))
            if texts:
                continue
        if len(acts) == 1 or (acts and len({r.object for r in here}) == 1):
            # "The Parliament adopted it, together with the AML Regulation ...; the Council followed"
            adopted = sorted(acts)
        elif not acts and len(laws_here) == 1:
            # "Na akkoord in het Parlement en de Raad werd de verordening ondertekend"
            adopted = list(laws_here)
        elif not acts and not any(a.cls not in _PAPERS and category(a.cls) in {"Instrument", "Programme"}
                                  for a in pool):
            adopted = [law] if law is not None and not _later_than(law, text[unit.start: unit.end]) else []
        else:
            continue
        for act in adopted:
            for body in named:
                if (act, body) not in stated and (act, body) not in out:
                    out[(act, body)] = Relation(act, "adoptedBy", body, unit.start, unit.end, TRIGGER)
    return list(out.values())


def _listed_laws(units, unit, by_unit: dict[int, list[Arg]], count: int) -> list[str]:
    """The ``count`` laws a sentence about "three texts" or "two acts" means: the laws that the next
    ``count`` sentences or list items open with, one each. None when they are not that many."""
    laws: list[str] = []
    for after in units[unit.index + 1: unit.index + 1 + count]:
        first = next((a.iri for a in by_unit.get(after.index, []) if a.cls in LAWS), None)
        if first is not None and first not in laws:
            laws.append(first)
    return laws if len(laws) == count else []


def _laws_before(text: str, units, unit, by_unit: dict[int, list[Arg]], count: int, law: str | None) -> list[str]:
    """The ``count`` laws that "both directives" or "beide teksten" look back to: those the sentence
    before names (not one it says is amended), with the law the item is about where that sentence
    cites its proposal ("De Commissie deed het voorstel (COM(2020) 829), tegelijk met het voorstel voor
    de NIS2-richtlijn"). None when they are not that many."""
    if unit.previous is None:
        return []
    pool = by_unit.get(unit.previous, [])
    laws: list[str] = []
    for arg in pool:
        amended = C.AMENDED_BEFORE.search(text, max(0, arg.start - 30), arg.start)
        if arg.cls in LAWS and arg.iri not in laws and not amended:
            laws.append(arg.iri)
    if law is not None and law not in laws and any(a.cls == "Proposal" for a in pool):
        laws.append(law)
    return laws if len(laws) == count else []


def commission_proposal(units, by_unit: dict[int, list[Arg]], found: Sequence[Relation],
                        law: str | None) -> list[Relation]:
    """The law the item is about (``law``), proposed by the Commission where a sentence about its
    proposal names no law."""
    if law is None or any(r.subject == law and r.property == "proposedBy" for r in found):
        return []
    for unit in units:
        proposals = [r for r in found if r.property == "proposedBy" and r.object == COMMISSION
                     and unit.start <= r.sentence_start < unit.end]
        pool = by_unit.get(unit.index, [])
        if len(proposals) != 1 or any(a.cls in LAWS for a in pool):
            continue
        if next((a.cls for a in pool if a.iri == proposals[0].subject), None) != "Proposal":
            continue
        if _year_of(proposals[0].subject) > _year_of(law):
            continue  # "De Commissie deed het voorstel op 4 juli 2023 (COM(2023) 348)": not the proposal of a 2016 act
        return [Relation(law, "proposedBy", COMMISSION, unit.start, unit.end, TRIGGER)]
    return []


_CELEX_YEAR = re.compile(r"/celex/[0-9](\d{4})")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def _year_of(iri: str) -> int:
    """The year in a numbered act's or proposal's CELEX number, else 0."""
    m = _CELEX_YEAR.search(iri)
    return int(m.group(1)) if m else 0


def _later_than(law: str, sentence: str) -> bool:
    """Whether every year a sentence names comes after the year of the numbered ``law``: the sentence
    tells of a later procedure ("het Parlement stelde zijn standpunt in april 2024 vast"), not the law's."""
    years = [int(y) for y in _YEAR.findall(sentence)]
    return bool(years) and 0 < _year_of(law) < min(years)


def proposal_parts(units, by_unit: dict[int, list[Arg]], found: Sequence[Relation],
                   law: str | None) -> list[Relation]:
    """What the law the item is about (``law``) is part of, where a sentence says that the
    Commission proposed it as part of something and cites only its COM proposal: "The mechanism
    was proposed by the Commission in July 2021 (COM(2021) 564) as part of the Fit for 55 package"."""
    if law is None:
        return []
    out: list[Relation] = []
    for unit in units:
        pool = by_unit.get(unit.index, [])
        if any(a.cls in LAWS for a in pool):
            continue
        here = [r for r in found if unit.start <= r.sentence_start < unit.end]
        proposed = {r.subject for r in here if r.property == "proposedBy" and r.object == COMMISSION}
        for r in here:
            if r.property == "partOf" and r.subject in proposed \
                    and any(a.iri == r.subject and a.cls == "Proposal" and a.parenthetical for a in pool):
                out.append(Relation(law, "partOf", r.object, unit.start, unit.end, TRIGGER))
    return out
