"""Extraction -> quads: the news item's named graph, with provenance.

See docs/DATAMODEL.md for the shape. Everything is built from pyoxigraph terms;
IRIs come from :mod:`policykg.ids`.
"""

from __future__ import annotations

import datetime as dt

from pyoxigraph import Literal, NamedNode, Quad

from . import __version__, ids
from .model import Extraction, Mention
from .namespaces import DCTERMS, ELI, ELI_IRI, ITSRDF, NIF, PK, PKG, PROV, RDF, SCHEMA, SKOS, XSD

_TYPE, _MENTION, _SENTENCE, _STATEMENT = RDF.type, PK.Mention, NIF.Sentence, RDF.Statement
_ANCHOR, _BEGIN, _END, _IDENT, _PART_OF = NIF.anchorOf, NIF.beginIndex, NIF.endIndex, ITSRDF.taIdentRef, DCTERMS.isPartOf
_SUBJECT, _PREDICATE, _OBJECT = RDF.subject, RDF.predicate, RDF.object
_DERIVED_FROM, _TRIGGER, _NON_NEGATIVE = PROV.wasDerivedFrom, PK.trigger, XSD.nonNegativeInteger
_MENTIONS, _PREF_LABEL, _ALT_LABEL, _EXACT_MATCH = PK.mentions, SKOS.prefLabel, SKOS.altLabel, SKOS.exactMatch
_CELEX, _ELI, _ANY_URI, _DATE, _DECIMAL = PK.celex, PK.eli, XSD.anyURI, XSD.date, XSD.decimal
_AMOUNT, _MONETARY_AMOUNT, _VALUE, _CURRENCY = PK.amount, SCHEMA.MonetaryAmount, SCHEMA.value, SCHEMA.currency


def _int(value: int) -> Literal:
    return Literal(str(value), datatype=_NON_NEGATIVE)


#: How many ``pk:Mention`` annotations an item graph keeps: every occurrence of every entity,
#: the first occurrence of each entity (the default), or none. ``pk:mentions`` links and the
#: sentence of every relation are kept in all three.
MENTION_LEVELS = ("all", "first", "none")


def item_quads(extraction: Extraction, *, vocabulary_version: str, mentions: str = "first") -> list[Quad]:
    """All quads of the item's own graph, each once; the same list for the same input.

    ``mentions`` is one of :data:`MENTION_LEVELS`.
    """
    if mentions not in MENTION_LEVELS:
        raise ValueError(f"mentions must be one of {', '.join(MENTION_LEVELS)}, not {mentions!r}")
    item = extraction.item
    item_iri = ids.item_iri(item.id)
    g = NamedNode(item_iri)
    node = NamedNode(item_iri)
    lang = item.lang
    text = item.text
    out: list[Quad] = []
    nodes: dict[str, NamedNode] = {}

    def add(s: NamedNode, p: NamedNode, o) -> None:
        out.append(Quad(s, p, o, g))

    def named(iri: str) -> NamedNode:
        """The node of an entity, made once per item (the same entities recur in mentions and relations)."""
        found = nodes.get(iri)
        if found is None:
            found = nodes[iri] = NamedNode(iri)
        return found

    add(node, RDF.type, PK.NewsItem)
    add(node, RDF.type, SCHEMA.NewsArticle)
    add(node, DCTERMS.identifier, Literal(item.id))
    add(node, SCHEMA.headline, Literal(item.title or item.id, language=lang))
    add(node, DCTERMS.language, Literal(lang))
    if item.date:
        add(node, SCHEMA.datePublished, Literal(item.date.isoformat(), datatype=XSD.date))
    if item.url:
        add(node, SCHEMA.url, NamedNode(item.url))
    if item.source:
        add(node, DCTERMS.source, Literal(item.source))
    run = NamedNode(ids.run_iri(item_iri))
    add(node, PROV.wasGeneratedBy, run)
    add(run, RDF.type, PROV.Activity)
    add(run, PROV.wasAssociatedWith, NamedNode(ids.AGENT_IRI))
    add(run, PK.pipelineVersion, Literal(__version__))
    add(run, PK.vocabularyVersion, Literal(vocabulary_version))

    for entity in extraction.entities:
        e = named(entity.iri)
        add(node, _MENTIONS, e)
        if entity.in_vocabulary:
            continue
        add(e, RDF.type, PK[entity.cls])
        seen_lang: set[str] = set()
        for label, label_lang in entity.labels:
            kind = _ALT_LABEL if label_lang in seen_lang else _PREF_LABEL
            seen_lang.add(label_lang)
            add(e, kind, Literal(label, language=label_lang or lang))
        if entity.celex:
            add(e, _CELEX, Literal(entity.celex))
            add(e, _EXACT_MATCH, NamedNode(ids.celex_iri(entity.celex)))
        if entity.eli:
            add(e, _ELI, Literal(entity.eli, datatype=_ANY_URI))
            if entity.eli.startswith(ELI_IRI):
                add(e, _EXACT_MATCH, NamedNode(entity.eli))

    for dated in extraction.dates:
        add(named(dated.entity), ELI[dated.property], Literal(dated.date.isoformat(), datatype=_DATE))

    sentences: dict[tuple[int, int], NamedNode] = {}

    def sentence_node(span: tuple[int, int]) -> NamedNode:
        """The sentence's node; its quads go in with its first use."""
        sentence = sentences.get(span)
        if sentence is None:
            sentence = sentences[span] = NamedNode(ids.sentence_iri(item_iri, *span))
            out.extend((
                Quad(sentence, _TYPE, _SENTENCE, g),
                Quad(sentence, _BEGIN, _int(span[0]), g),
                Quad(sentence, _END, _int(span[1]), g),
                Quad(sentence, _ANCHOR, Literal(text[span[0]: span[1]]), g),
                Quad(sentence, _PART_OF, node, g),
            ))
        return sentence

    for amount in extraction.amounts:
        a = NamedNode(ids.amount_iri(item_iri, amount.start, amount.end))
        out += (
            Quad(named(amount.entity), _AMOUNT, a, g),
            Quad(a, _TYPE, _MONETARY_AMOUNT, g),
            Quad(a, _VALUE, Literal(amount.value, datatype=_DECIMAL), g),
            Quad(a, _CURRENCY, Literal(amount.currency), g),
            Quad(a, _ANCHOR, Literal(amount.text), g),
            Quad(a, _DERIVED_FROM, sentence_node((amount.sentence_start, amount.sentence_end)), g),
        )

    for mention in _annotated(extraction, mentions):
        m = NamedNode(ids.mention_iri(item_iri, mention.start, mention.end))
        out += (
            Quad(m, _TYPE, _MENTION, g),
            Quad(m, _ANCHOR, Literal(mention.text), g),
            Quad(m, _BEGIN, _int(mention.start), g),
            Quad(m, _END, _int(mention.end), g),
            Quad(m, _IDENT, named(mention.entity), g),
            Quad(m, _PART_OF, node, g),
        )

    for rel in extraction.relations:
        s, o, p = named(rel.subject), named(rel.object), PK[rel.property]
        span = (rel.sentence_start, rel.sentence_end)
        sentence = sentence_node(span)
        st = NamedNode(ids.statement_iri(item_iri, rel.subject, rel.property, rel.object, *span))
        out += (
            Quad(s, p, o, g),
            Quad(st, _TYPE, _STATEMENT, g),
            Quad(st, _SUBJECT, s, g),
            Quad(st, _PREDICATE, p, g),
            Quad(st, _OBJECT, o, g),
            Quad(st, _DERIVED_FROM, sentence, g),
        )
        if rel.trigger:
            out.append(Quad(st, _TRIGGER, Literal(rel.trigger), g))
    return list(dict.fromkeys(out))


def _annotated(extraction: Extraction, level: str) -> list[Mention]:
    """The mentions that get a ``pk:Mention`` node at this level."""
    if level == "all":
        return list(extraction.mentions)
    if level == "none":
        return []
    first: dict[str, Mention] = {}
    for mention in sorted(extraction.mentions, key=lambda m: (m.start, m.end)):
        first.setdefault(mention.entity, mention)
    return list(first.values())


def run_quads(item_id: str, started: dt.datetime, ended: dt.datetime) -> list[Quad]:
    """The run metadata that changes from run to run; lives in graph ``pkg:runs``."""
    run = NamedNode(ids.run_iri(ids.item_iri(item_id)))
    g = PKG.runs
    return [
        Quad(run, PROV.startedAtTime, Literal(started.isoformat(), datatype=XSD.dateTime), g),
        Quad(run, PROV.endedAtTime, Literal(ended.isoformat(), datatype=XSD.dateTime), g),
    ]
