"""Tests of ontology/: the OWL ontology, the SHACL shapes and the JSON-LD context.

The ontology and ``policykg.namespaces`` must agree term for term (both directions);
the shapes must accept the hand-written graph in ``fixtures/conforming.trig`` (laid out
as in docs/DATAMODEL.md) and reject each broken variant of it in ``BROKEN``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
import pyshacl
import pytest
from rdflib import RDF as R_RDF
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.compare import isomorphic
from rdflib.namespace import OWL as R_OWL
from rdflib.namespace import RDFS as R_RDFS
from rdflib.namespace import SKOS as R_SKOS

from policykg import __version__, resources
from policykg.namespaces import PK, PK_CLASSES, PK_IRI, PK_OTHER, PK_RELATIONS, PKN_IRI, PKR_IRI

FIXTURE = Path(__file__).parent / "fixtures" / "conforming.trig"

P = Namespace(PK_IRI)
PKR = Namespace(PKR_IRI)
SH = Namespace("http://www.w3.org/ns/shacl#")
SHAPES = Namespace("https://w3id.org/policykg/ontology/shapes#")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("http://schema.org/")
DCTERMS = Namespace("http://purl.org/dc/terms/")
PROV = Namespace("http://www.w3.org/ns/prov#")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ITSRDF = Namespace("http://www.w3.org/2005/11/its/rdf#")
R_XSD = Namespace("http://www.w3.org/2001/XMLSchema#")

ONTOLOGY_IRI = URIRef("https://w3id.org/policykg/ontology")

CLASSES = PK_CLASSES.split()
RELATIONS = PK_RELATIONS.split()
OTHER = PK_OTHER.split()

# DESIGN.md, "Relations between entities": property -> (domain classes, range classes).
DESIGN_RELATIONS: dict[str, tuple[set[str], set[str]]] = {
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

SUPERCLASSES: dict[str, URIRef] = {
    "Institution": ORG.Organization,
    **{
        name: P.Instrument
        for name in (
            "Regulation Directive Decision Communication Proposal Package Recommendation "
            "StaffWorkingDocument"
        ).split()
    },
    "Initiative": P.Programme,
    "Sector": R_SKOS.Concept,
    "NewsItem": SCHEMA.NewsArticle,
    "InstrumentType": R_SKOS.Concept,
}


# --------------------------------------------------------------------------- loading


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(resources.ontology_file(), format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(resources.shapes_file(), format="turtle")


@pytest.fixture(scope="module")
def conforming() -> Graph:
    """The fixture's graphs merged into one: shapes run over the union (see shapes.ttl)."""
    dataset = Dataset()
    dataset.parse(FIXTURE, format="trig")
    union = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def validate(data: Graph, shapes: Graph, ontology: Graph, inference: str = "rdfs") -> tuple[bool, Graph, str]:
    conforms, report, text = pyshacl.validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference=inference, allow_warnings=False
    )
    return conforms, report, text


@pytest.mark.parametrize(
    "path, fmt",
    [
        (resources.ontology_file(), ox.RdfFormat.TURTLE),
        (resources.shapes_file(), ox.RdfFormat.TURTLE),
        (FIXTURE, ox.RdfFormat.TRIG),
    ],
    ids=["ontology", "shapes", "fixture"],
)
def test_parses_alike_in_rdflib_and_pyoxigraph(path: Path, fmt: ox.RdfFormat) -> None:
    quads = list(ox.parse(path=str(path), format=fmt))
    assert quads
    rdflib_fmt = "trig" if fmt == ox.RdfFormat.TRIG else "turtle"
    dataset = Dataset()
    dataset.parse(path, format=rdflib_fmt)
    assert len(set(dataset.quads((None, None, None, None)))) == len(set(quads))
    # Same triples in both parsers (compared through N-Triples, blank nodes aside).
    from_ox = Graph().parse(
        data=ox.serialize([q.triple for q in quads], format=ox.RdfFormat.N_TRIPLES).decode(),
        format="nt",
    )
    from_rdflib = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        from_rdflib.add((s, p, o))
    assert isomorphic(from_ox, from_rdflib)


# --------------------------------------------------------------------------- the ontology


def test_ontology_header(ontology: Graph) -> None:
    assert (ONTOLOGY_IRI, R_RDF.type, R_OWL.Ontology) in ontology
    assert ontology.value(ONTOLOGY_IRI, R_OWL.versionInfo) == Literal(__version__)
    titles = {t.language for t in ontology.objects(ONTOLOGY_IRI, DCTERMS.title)}
    assert {"en", "nl"} <= titles
    assert ontology.value(ONTOLOGY_IRI, DCTERMS.description) is not None


def _defined_pk_terms(ontology: Graph) -> set[str]:
    kinds = (R_OWL.Class, R_OWL.ObjectProperty, R_OWL.DatatypeProperty)
    return {
        str(s)[len(PK_IRI):]
        for kind in kinds
        for s in ontology.subjects(R_RDF.type, kind)
        if isinstance(s, URIRef) and str(s).startswith(PK_IRI)
    }


def _used_pk_terms(graph: Graph) -> set[str]:
    return {
        str(node)[len(PK_IRI):]
        for triple in graph
        for node in triple
        if isinstance(node, URIRef) and str(node).startswith(PK_IRI)
    }


def test_every_declared_term_is_defined(ontology: Graph) -> None:
    declared = set(PK.terms)
    assert declared == set(CLASSES) | set(RELATIONS) | set(OTHER)
    missing = declared - _defined_pk_terms(ontology)
    assert not missing, f"declared in namespaces.py but not defined in policykg.ttl: {sorted(missing)}"


def test_every_defined_term_is_declared(ontology: Graph) -> None:
    undeclared = _used_pk_terms(ontology) - set(PK.terms)
    assert not undeclared, f"used in policykg.ttl but not declared in namespaces.py: {sorted(undeclared)}"


@pytest.mark.parametrize("path", [resources.shapes_file(), FIXTURE], ids=["shapes", "fixture"])
def test_other_files_use_declared_terms_only(path: Path) -> None:
    dataset = Dataset()
    dataset.parse(path, format="trig")
    graph = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    undeclared = _used_pk_terms(graph) - set(PK.terms)
    assert not undeclared, f"{path.name} uses undeclared pk: terms: {sorted(undeclared)}"


def test_terms_have_the_right_kind(ontology: Graph) -> None:
    for name in CLASSES:
        assert (P[name], R_RDF.type, R_OWL.Class) in ontology, name
    for name in RELATIONS:
        assert (P[name], R_RDF.type, R_OWL.ObjectProperty) in ontology, name
    for name in OTHER:
        kinds = set(ontology.objects(P[name], R_RDF.type))
        assert len(kinds & {R_OWL.ObjectProperty, R_OWL.DatatypeProperty}) == 1, name


@pytest.mark.parametrize("name", sorted(PK.terms))
def test_term_is_labelled_and_explained(ontology: Graph, name: str) -> None:
    term = P[name]
    labels = {label.language for label in ontology.objects(term, R_RDFS.label)}
    assert {"nl", "en"} <= labels, f"pk:{name} needs rdfs:label in nl and en, has {labels}"
    comments = {c.language for c in ontology.objects(term, R_RDFS.comment)}
    assert "en" in comments, f"pk:{name} needs an English rdfs:comment"
    assert (term, R_RDFS.isDefinedBy, ONTOLOGY_IRI) in ontology


def _classes(ontology: Graph, node: object) -> set[str]:
    """The local names of a class expression: a pk: class or an owl:unionOf of them."""
    if isinstance(node, URIRef):
        return {str(node)[len(PK_IRI):]} if str(node).startswith(PK_IRI) else {str(node)}
    members = ontology.value(node, R_OWL.unionOf)
    assert members is not None, f"a blank class expression must be an owl:unionOf, got {node!r}"
    return {str(m)[len(PK_IRI):] for m in Collection(ontology, members)}


@pytest.mark.parametrize("name", RELATIONS)
def test_relation_domain_and_range_follow_design(ontology: Graph, name: str) -> None:
    domains = list(ontology.objects(P[name], R_RDFS.domain))
    ranges = list(ontology.objects(P[name], R_RDFS.range))
    assert len(domains) == 1 and len(ranges) == 1, f"pk:{name} needs one rdfs:domain and one rdfs:range"
    want_domain, want_range = DESIGN_RELATIONS[name]
    assert _classes(ontology, domains[0]) == want_domain
    assert _classes(ontology, ranges[0]) == want_range


def test_design_table_covers_every_relation() -> None:
    assert set(DESIGN_RELATIONS) == set(RELATIONS)


@pytest.mark.parametrize("name", sorted(SUPERCLASSES))
def test_subclass_axioms(ontology: Graph, name: str) -> None:
    assert (P[name], R_RDFS.subClassOf, SUPERCLASSES[name]) in ontology


def test_other_properties(ontology: Graph) -> None:
    assert ontology.value(P.mentions, R_RDFS.domain) == P.NewsItem
    assert ontology.value(P.instrumentClass, R_RDFS.range) == R_OWL.Class
    assert ontology.value(P.trigger, R_RDFS.domain) == R_RDF.Statement
    assert ontology.value(P.eli, R_RDFS.range) == R_XSD.anyURI
    assert ontology.value(P.celex, R_RDFS.range) == R_XSD.string


# --------------------------------------------------------------------------- the shapes


def test_shapes_cover_every_relation(shapes: Graph) -> None:
    targeted = {str(o)[len(PK_IRI):] for o in shapes.objects(None, SH.targetSubjectsOf)}
    assert set(RELATIONS) <= targeted
    allowed = shapes.value(predicate=SH.path, object=R_RDF.predicate, any=False)  # shape on rdf:predicate
    members = {str(m)[len(PK_IRI):] for m in Collection(shapes, shapes.value(allowed, SH["in"]))}
    assert members == set(RELATIONS)


@pytest.mark.parametrize("inference", ["none", "rdfs"])
def test_conforming_fixture_conforms(conforming: Graph, shapes: Graph, ontology: Graph, inference: str) -> None:
    conforms, _, text = validate(conforming, shapes, ontology, inference)
    assert conforms, text


ITEM = PKN_IRI + "ecer-ai-innovatiepakket-2024-01-24"
NEWS_ITEM = URIRef(ITEM)
RUN = URIRef(ITEM + "#run")
COMMUNICATION = PKR["celex/52024DC0028"]
COMMISSION = PKR["institution/european-commission"]
HORIZON = PKR["programme/horizon-europe"]
ROBOTICS = PKR["sector/robotics"]
NETHERLANDS = PKR["member-state/nl"]
TARGETS_STATEMENT = URIRef(ITEM + "#r5c6d7e8f9a0b")
PARTICIPATES_STATEMENT = URIRef(ITEM + "#r9e8d7c6b5a40")
FUNDED_STATEMENT = URIRef(ITEM + "#r0f3a9b8c7d6e")
MENTION = URIRef(ITEM + "#m0-18")
SENTENCE = URIRef(ITEM + "#s200-238")

Triple = tuple[object, object, object]


@dataclass(frozen=True)
class Broken:
    """A variant of the conforming fixture: triples removed (None matches anything), triples added."""

    id: str
    remove: tuple[Triple, ...] = ()
    add: tuple[Triple, ...] = ()
    shapes: frozenset[str] = field(default_factory=frozenset)  # any of these must report it

    def apply(self, graph: Graph) -> Graph:
        broken = Graph()
        for triple in graph:
            broken.add(triple)
        for pattern in self.remove:
            matched = list(broken.triples(pattern))
            assert matched, f"{self.id}: {pattern} matches nothing in the fixture"
            for triple in matched:
                broken.remove(triple)
        for triple in self.add:
            broken.add(triple)
        return broken


BROKEN = [
    Broken(
        "mention-without-taIdentRef",
        remove=((MENTION, ITSRDF.taIdentRef, None),),
        shapes=frozenset({"MentionShape"}),
    ),
    Broken(
        "news-item-without-headline",
        remove=((NEWS_ITEM, SCHEMA.headline, None),),
        shapes=frozenset({"NewsItemShape"}),
    ),
    Broken(
        "headline-without-language",
        remove=((NEWS_ITEM, SCHEMA.headline, None),),
        add=((NEWS_ITEM, SCHEMA.headline, Literal("Europese Commissie presenteert AI-innovatiepakket")),),
        shapes=frozenset({"NewsItemShape"}),
    ),
    Broken(
        "date-not-xsd-date",
        remove=((NEWS_ITEM, SCHEMA.datePublished, None),),
        add=((NEWS_ITEM, SCHEMA.datePublished, Literal("24 januari 2024")),),
        shapes=frozenset({"NewsItemShape"}),
    ),
    Broken(
        "language-not-nl-or-en",
        remove=((NEWS_ITEM, DCTERMS.language, None),),
        add=((NEWS_ITEM, DCTERMS.language, Literal("de")),),
        shapes=frozenset({"NewsItemShape"}),
    ),
    Broken(
        "mentions-a-literal",
        add=((NEWS_ITEM, P.mentions, Literal("Europese Commissie")),),
        shapes=frozenset({"NewsItemShape"}),
    ),
    Broken(
        "run-without-pipeline-version",
        remove=((RUN, P.pipelineVersion, None),),
        shapes=frozenset({"ExtractionRunShape"}),
    ),
    Broken(
        "mention-offsets-disagree-with-anchor",
        remove=((MENTION, NIF.endIndex, None),),
        add=((MENTION, NIF.endIndex, Literal(19)),),
        shapes=frozenset({"MentionShape"}),
    ),
    Broken(
        "sentence-ends-before-it-begins",
        remove=((SENTENCE, NIF.beginIndex, None),),
        add=((SENTENCE, NIF.beginIndex, Literal(300)),),
        shapes=frozenset({"SentenceShape"}),
    ),
    Broken(
        "relation-with-wrong-object-class",
        # robotics (a sector) is targeted: point the relation at the Commission instead
        remove=((COMMUNICATION, P.targetsSector, ROBOTICS), (TARGETS_STATEMENT, R_RDF.object, None)),
        add=((COMMUNICATION, P.targetsSector, COMMISSION), (TARGETS_STATEMENT, R_RDF.object, COMMISSION)),
        # with RDFS inference the range makes the Commission a pk:Sector too: the kind shapes catch it
        shapes=frozenset({"TargetsSectorShape", "InstitutionKindShape", "SectorKindShape"}),
    ),
    Broken(
        "relation-with-wrong-object-class-in-a-union-range",
        remove=((NETHERLANDS, P.participatesIn, HORIZON), (PARTICIPATES_STATEMENT, R_RDF.object, None)),
        add=((NETHERLANDS, P.participatesIn, ROBOTICS), (PARTICIPATES_STATEMENT, R_RDF.object, ROBOTICS)),
        shapes=frozenset({"ParticipatesInShape"}),
    ),
    Broken(
        "relation-with-wrong-subject-class",
        add=((ROBOTICS, P.adoptedBy, COMMISSION),),
        shapes=frozenset({"AdoptedByShape", "InstrumentKindShape", "SectorKindShape"}),
    ),
    Broken(
        "statement-predicate-not-a-relation",
        remove=((FUNDED_STATEMENT, R_RDF.predicate, None),),
        add=((FUNDED_STATEMENT, R_RDF.predicate, P.mentions),),
        shapes=frozenset({"RelationStatementShape"}),
    ),
    Broken(
        "statement-without-sentence",
        remove=((FUNDED_STATEMENT, PROV.wasDerivedFrom, None),),
        shapes=frozenset({"RelationStatementShape"}),
    ),
    Broken(
        "statement-of-an-unasserted-relation",
        remove=((COMMUNICATION, P.fundedThrough, HORIZON),),
        shapes=frozenset({"RelationStatementShape"}),
    ),
    Broken(
        "entity-without-labels",
        remove=((COMMUNICATION, R_SKOS.prefLabel, None), (COMMUNICATION, R_SKOS.altLabel, None)),
        shapes=frozenset({"EntityShape"}),
    ),
    Broken(
        "bad-celex",
        remove=((COMMUNICATION, P.celex, None),),
        add=((COMMUNICATION, P.celex, Literal("COM(2024) 28")),),
        shapes=frozenset({"CelexShape"}),
    ),
    Broken(
        "celex-with-short-number",
        remove=((COMMUNICATION, P.celex, None),),
        add=((COMMUNICATION, P.celex, Literal("52024DC28")),),
        shapes=frozenset({"CelexShape"}),
    ),
]


@pytest.mark.parametrize("inference", ["none", "rdfs"])
@pytest.mark.parametrize("case", BROKEN, ids=[case.id for case in BROKEN])
def test_broken_variant_does_not_conform(
    conforming: Graph, shapes: Graph, ontology: Graph, case: Broken, inference: str
) -> None:
    conforms, report, text = validate(case.apply(conforming), shapes, ontology, inference)
    assert not conforms, f"{case.id}: expected a violation"
    reported = {
        str(shape)[len(str(SHAPES)):]
        for shape in report.objects(None, SH.sourceShape)
        if str(shape).startswith(str(SHAPES))
    }
    # property shapes are blank nodes: map them to the node shape that holds them
    for shape in report.objects(None, SH.sourceShape):
        for holder in shapes.subjects(SH.property, shape):
            reported.add(str(holder)[len(str(SHAPES)):])
    assert reported & case.shapes, f"{case.id}: expected one of {sorted(case.shapes)}, got:\n{text}"


# --------------------------------------------------------------------------- the JSON-LD context


@pytest.fixture(scope="module")
def context() -> dict[str, object]:
    with open(resources.ontology_dir() / "context.jsonld", encoding="utf-8") as handle:
        document = json.load(handle)
    return document["@context"]


def test_context_maps_every_pk_term(context: dict[str, object]) -> None:
    assert context["@version"] == 1.1
    assert context["pk"] == PK_IRI
    for name in PK.terms:
        entry = context.get(name)
        iri = entry if isinstance(entry, str) else entry["@id"]  # type: ignore[index]
        assert iri == f"pk:{name}", name
    for name in RELATIONS + ["mentions"]:
        assert context[name]["@type"] == "@id", name  # type: ignore[index]


def test_context_reads_a_news_item_as_in_the_data_model(context: dict[str, object]) -> None:
    document = {
        "@context": context,
        "@graph": [
            {
                "id": "pkn:x",
                "type": ["NewsItem", "NewsArticle"],
                "headline": {"nl": "Titel"},
                "datePublished": "2024-01-24",
                "mentions": ["pkr:celex/52024DC0028"],
            },
            {
                "id": "pkr:celex/52024DC0028",
                "type": "Communication",
                "prefLabel": {"nl": "mededeling", "en": "communication"},
                "celex": "52024DC0028",
                "adoptedBy": "pkr:institution/european-commission",
            },
            {
                "id": "pkn:x#m0-5",
                "type": "Mention",
                "anchorOf": "Titel",
                "beginIndex": 0,
                "endIndex": 5,
                "taIdentRef": "pkr:celex/52024DC0028",
                "isPartOf": "pkn:x",
            },
        ],
    }
    expected = """
        @prefix pk: <https://w3id.org/policykg/ontology#> .
        @prefix pkr: <https://w3id.org/policykg/id/> .
        @prefix pkn: <https://w3id.org/policykg/news/> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        @prefix schema: <http://schema.org/> .
        @prefix dcterms: <http://purl.org/dc/terms/> .
        @prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
        @prefix itsrdf: <http://www.w3.org/2005/11/its/rdf#> .
        pkn:x a pk:NewsItem, schema:NewsArticle ; schema:headline "Titel"@nl ;
            schema:datePublished "2024-01-24"^^xsd:date ; pk:mentions pkr:celex\\/52024DC0028 .
        pkr:celex\\/52024DC0028 a pk:Communication ;
            skos:prefLabel "mededeling"@nl, "communication"@en ; pk:celex "52024DC0028" ;
            pk:adoptedBy pkr:institution\\/european-commission .
        <https://w3id.org/policykg/news/x#m0-5> a pk:Mention ; nif:anchorOf "Titel" ;
            nif:beginIndex "0"^^xsd:nonNegativeInteger ; nif:endIndex "5"^^xsd:nonNegativeInteger ;
            itsrdf:taIdentRef pkr:celex\\/52024DC0028 ; dcterms:isPartOf pkn:x .
    """
    read = Graph().parse(data=json.dumps(document), format="json-ld")
    assert isomorphic(read, Graph().parse(data=expected, format="turtle"))
