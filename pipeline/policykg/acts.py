"""Short names of numbered acts: "the Methane Regulation", "de methaanverordening", "the Regulation
on political advertising" (a name, or an unnamed act with a description) are the act whose
number the item gives with a title that says the same ("Regulation (EU) 2024/1787 on the
reduction of methane emissions ...").

News names an act by a short name in the headline and by its number in the body. Without this
step the two become separate nodes, and the relations stated about the short name miss the act.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .lang import clauses as C
from .linking import EntityInfo, Linked, category

#: Words of a short name that say nothing about which act it is.
_GENERIC = frozenset(
    "regulation directive decision act verordening richtlijn besluit wet eu eu's european europese europees new "
    "implementing delegated uitvoeringsverordening uitvoeringsbesluit gedelegeerde "
    "commission council parliament commissie raad parlement "
    "nieuwe the de het a an een on of for in op van voor inzake betreffende over".split()
)
#: The compound heads of Dutch act names ("methaanverordening").
_COMPOUND_HEAD = re.compile(r"(verordening|richtlijn|besluit)$")
#: Where an act's title after its number stops.
_TITLE_END = re.compile(r"[.;:()\n]")


def merge_named_acts(linked: list[Linked], entities: dict[str, EntityInfo], text: str, lang: str) -> None:
    """Make a named act without a number one node with the numbered act whose title holds every
    telling word of its name, when exactly one such act is in the item (``linked`` and
    ``entities`` are changed in place)."""
    numbered = [info for info in entities.values() if info.celex and category(info.cls) == "Instrument"]
    if not numbered:
        return
    titles = {info.iri: _title_words(linked, info.iri, text) for info in numbered}
    for info in list(entities.values()):
        if info.celex or info.in_vocabulary or category(info.cls) != "Instrument" \
                or info.kind not in {"name", "weak", "anon"}:
            continue
        proposal = _bracketed_proposal(linked, info.iri, entities, text)
        if proposal is not None:
            # "de Digital Networks Act (DNA, COM(2026) 16)": an act named with its proposal's number is
            # that proposal, not yet adopted
            _merge(linked, info, proposal, entities)
            continue
        words = _telling_words(t for t, _ in info.labels)
        acronym = _acronym(t for t, _ in info.labels)
        if not words and not acronym:
            continue
        # of the same kind: a national act ("Energiewet", class Instrument) is no EU act
        fitting = [c for c in numbered if c.cls == info.cls
                   if words and all(any(t.startswith(w) for t in titles[c.iri]) for w in words)]
        if not fitting and acronym:
            # "the HTA Regulation", "de STEP-verordening": an acronym of words in the act's title
            fitting = [c for c in numbered if c.cls == info.cls
                       and _spells(acronym, titles[c.iri] + _words_before(linked, c.iri, text))]
        if len(fitting) != 1 and _called_new(linked, info.iri, text):
            # "de herziene luchtkwaliteitsrichtlijn", "the revised Construction Products Regulation": the
            # newest numbered act of its kind, where its title does not tell it from an older one
            pool = fitting or [c for c in numbered if c.cls == info.cls]
            newest = sorted(pool, key=_year)[-2:]
            fitting = newest[-1:] if len(newest) == 1 or (newest and _year(newest[0]) < _year(newest[1])) else []
        if len(fitting) != 1:
            continue
        _merge(linked, info, fitting[0], entities)


def _merge(linked: list[Linked], info: EntityInfo, act: EntityInfo, entities: dict[str, EntityInfo]) -> None:
    """Point the mentions of ``info`` at ``act``, which takes its labels, and drop ``info``."""
    for link in linked:
        if link.iri == info.iri:
            link.iri = act.iri
    if not act.in_vocabulary:
        for label, label_lang in info.labels:
            act.add_label(label, label_lang)
    del entities[info.iri]


#: Between a named act and the number of its proposal in brackets: "(", an acronym and a comma.
_PROPOSAL_BRACKET = re.compile(r"\s*\(\s*(?:[A-Z][\w@&\-]{1,15}\s*,\s*)?$")


def _bracketed_proposal(linked: list[Linked], iri: str, entities: dict[str, EntityInfo],
                        text: str) -> EntityInfo | None:
    """The proposal whose COM number stands in brackets right after a mention of ``iri``."""
    for k, link in enumerate(linked[:-1]):
        if link.iri != iri:
            continue
        for after in linked[k + 1: k + 3]:
            other = entities.get(after.iri)
            if other is not None and other.cls == "Proposal" and other.celex \
                    and _PROPOSAL_BRACKET.fullmatch(text, link.cand.end, after.cand.start):
                return other
            if after.iri != iri:  # only the acronym of the name itself may stand between
                break
    return None




def _called_new(linked: list[Linked], iri: str, text: str) -> bool:
    """Whether a mention of ``iri`` by its name is qualified as the new or revised version of an act
    (not a short form: "de nieuwe tekst" is whatever text the item is about)."""
    return any(link.iri == iri and link.cand.kind != "coref"
               and C.NEW_VERSION.search(text, max(0, link.cand.start - 30), link.cand.start)
               for link in linked)


def _year(info: EntityInfo) -> str:
    """The year of a numbered act, from its CELEX number ("32024L2881" -> "2024")."""
    return info.celex[1:5]


def _telling_words(labels: Iterable[str]) -> set[str]:
    """The stems of the words that tell one act from another, from its first label.

    >>> sorted(_telling_words(["EU Methane Regulation"])), sorted(_telling_words(["methaanverordening"]))
    (['methan'], ['methaa'])
    >>> sorted(_telling_words(["Regulation on political advertising"]))
    ['advert', 'politi']
    """
    for label in labels:
        words = set()
        for word in re.findall(r"[^\W\d_]+", label.lower()):
            word = _COMPOUND_HEAD.sub("", word) if len(word) > 12 else word
            if word and word not in _GENERIC and len(word) >= 4:
                words.add(word[: max(4, min(6, len(word) - 1))])
        return words
    return set()


def _acronym(labels: Iterable[str]) -> str:
    """The capitals of the acronym in an act's first label, in lower case ("HTA Regulation" -> "hta",
    "SoHO-verordening" -> "sho"), or "" when it has none.

    >>> _acronym(["HTA Regulation"]), _acronym(["SoHO-verordening"]), _acronym(["Methane Regulation"])
    ('hta', 'sho', '')
    """
    for label in labels:
        for word in re.findall(r"[^\W\d_]+", label):
            capitals = [c for c in word if c.isupper()]
            if len(capitals) >= 2 and word.lower() not in _GENERIC:
                return "".join(capitals).lower()
        return ""
    return ""


def _spells(acronym: str, title: list[str]) -> bool:
    """Whether the initials of consecutive telling words of ``title`` spell ``acronym``.

    >>> _spells("hta", "on health technology assessment and amending directive".split())
    True
    """
    initials = "".join(word[0] for word in title if word not in _GENERIC)
    return len(acronym) >= 2 and acronym in initials


def _title_words(linked: list[Linked], iri: str, text: str) -> list[str]:
    """The words of the titles that follow the numbered act's mentions ("on the reduction of methane
    emissions in the energy sector")."""
    words: list[str] = []
    for link in linked:
        if link.iri != iri or link.cand.kind != "legal":
            continue
        rest = text[link.cand.end: link.cand.end + 160]
        stop = _TITLE_END.search(rest)
        words += re.findall(r"[^\W\d_]+", rest[: stop.start() if stop else len(rest)].lower())
    return words


def _words_before(linked: list[Linked], iri: str, text: str) -> list[str]:
    """The words of the description right before the numbered act's mentions, in the same sentence
    ("the Regulation on health technology assessment, | Regulation (EU) 2021/2282")."""
    words: list[str] = []
    for link in linked:
        if link.iri != iri or link.cand.kind != "legal":
            continue
        before = text[max(0, link.cand.start - 120): link.cand.start]
        stop = max(before.rfind(c) for c in ".;:\n")
        words += re.findall(r"[^\W\d_]+", before[stop + 1:].lower())
    return words
