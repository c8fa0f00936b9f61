"""The records that flow through the pipeline: frozen, typed, free of I/O.

``read -> NewsItem``; ``NewsItem -> Extraction`` (mentions, entities, relations);
``Extraction -> quads``. Character offsets always index :attr:`NewsItem.text`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class NewsItem:
    """One news item after reading and normalising.

    ``text`` is what the pipeline reads and what every offset refers to: the
    title, a blank line, then the body.

    >>> item = NewsItem(id="x", title="Titel", body="Tekst.", lang="nl")
    >>> item.text
    'Titel\\n\\nTekst.'
    >>> item.text[item.body_offset:]
    'Tekst.'
    """

    id: str
    title: str
    body: str
    lang: str
    date: dt.date | None = None
    url: str | None = None
    source: str | None = None
    origin: str | None = None  # where it was read from: "path" or "path:line"

    @property
    def text(self) -> str:
        return f"{self.title}\n\n{self.body}" if self.title else self.body

    @property
    def body_offset(self) -> int:
        return len(self.title) + 2 if self.title else 0


@dataclass(frozen=True)
class Entity:
    """A canonical node: from the vocabulary, or minted from an identifier or a name.

    ``cls`` is the local name of a pk: class (``"Regulation"``, ``"Institution"``).
    ``labels`` are (text, language) pairs; the first one per language is preferred.
    """

    iri: str
    cls: str
    labels: tuple[tuple[str, str], ...] = ()
    celex: str | None = None
    eli: str | None = None
    exact_match: tuple[str, ...] = ()
    in_vocabulary: bool = False


@dataclass(frozen=True)
class Mention:
    """A span of the item's text that refers to an entity."""

    start: int
    end: int
    text: str
    entity: str  # the entity IRI
    source: str  # "gazetteer", "legalref", "candidate", "coreference"


@dataclass(frozen=True)
class Relation:
    """``subject property object``, with the sentence that states it.

    ``property`` is the local name of a pk: relation (``"adoptedBy"``).
    """

    subject: str
    property: str
    object: str
    sentence_start: int
    sentence_end: int
    trigger: str = ""


@dataclass(frozen=True)
class InstrumentDate:
    """A date an instrument was adopted, published or entered into force, with its sentence.

    ``property`` is the local name of an ELI ontology date property
    (``date_document``, ``date_publication``, ``first_date_entry_in_force``).
    """

    entity: str
    property: str
    date: dt.date
    sentence_start: int
    sentence_end: int


@dataclass(frozen=True)
class Amount:
    """An amount of money stated for an entity (a programme's budget, a fund's size), with its sentence.

    ``value`` is the ``xsd:decimal`` lexical form; ``currency`` an ISO 4217 code.
    """

    entity: str
    value: str
    currency: str
    text: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one news item; turned into quads by :mod:`policykg.triples`."""

    item: NewsItem
    mentions: tuple[Mention, ...] = ()
    entities: tuple[Entity, ...] = ()
    relations: tuple[Relation, ...] = ()
    sentences: tuple[tuple[int, int], ...] = field(default=())
    dates: tuple[InstrumentDate, ...] = ()
    amounts: tuple[Amount, ...] = ()
