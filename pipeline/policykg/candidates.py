"""The record every mention finder returns: a :class:`Candidate`, a span of the text that may
denote a node, with its kind and class; :mod:`policykg.linking` decides which node it denotes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Kinds of candidate, strongest evidence first.
PRECEDENCE = {"legal": 5, "vocab": 4, "name": 3, "acronym": 2, "anon": 1, "coref": 0}


@dataclass
class Candidate:
    start: int
    end: int
    text: str
    kind: str  # legal | vocab | name | acronym | anon | coref
    cls: str | None
    iri: str | None = None  # known identity: vocabulary entry or CELEX node
    celex: str | None = None
    eli: str | None = None
    label: str | None = None  # a descriptive label (unnamed instruments)
    head: str | None = None  # the noun of an unnamed instrument or short form
    bracketed: bool = False  # inside brackets right after what it names
    extra: dict = field(default_factory=dict)

    @property
    def precedence(self) -> int:
        return PRECEDENCE[self.kind]
