"""The namespaces of policykg and the standard vocabularies it reuses.

Every IRI that the code writes comes from here (terms) or from :mod:`policykg.ids`
(entities, news items). A :class:`Namespace` only hands out the terms it declares,
so a misspelt term fails at import time instead of producing a silent typo in
the graph.

>>> PK.Institution.value
'https://w3id.org/policykg/ontology#Institution'
>>> PK.Institutoin
Traceback (most recent call last):
...
AttributeError: pk:Institutoin is not a declared term; declared: ...
"""

from __future__ import annotations

from pyoxigraph import NamedNode

PK_IRI = "https://w3id.org/policykg/ontology#"
PKR_IRI = "https://w3id.org/policykg/id/"
PKN_IRI = "https://w3id.org/policykg/news/"
PKG_IRI = "https://w3id.org/policykg/graph/"


class Namespace:
    """A closed namespace: ``NS.term`` returns a :class:`NamedNode` for declared terms only."""

    def __init__(self, prefix: str, iri: str, terms: str | None = None) -> None:
        self._prefix = prefix
        self._iri = iri
        self._terms = frozenset(terms.split()) if terms is not None else None
        self._nodes: dict[str, NamedNode] = {}

    @property
    def iri(self) -> str:
        return self._iri

    @property
    def prefix(self) -> str:
        return self._prefix

    @property
    def terms(self) -> frozenset[str]:
        return self._terms or frozenset()

    def __getattr__(self, name: str) -> NamedNode:
        if name.startswith("_"):
            raise AttributeError(name)
        return self[name]

    def __getitem__(self, name: str) -> NamedNode:
        node = self._nodes.get(name)
        if node is None:
            if self._terms is not None and name not in self._terms:
                declared = ", ".join(sorted(self._terms))
                raise AttributeError(f"{self._prefix}:{name} is not a declared term; declared: {declared}")
            node = self._nodes[name] = NamedNode(self._iri + name)
        return node

    def __contains__(self, iri: object) -> bool:
        value = iri.value if isinstance(iri, NamedNode) else iri
        return isinstance(value, str) and value.startswith(self._iri)


# The policykg ontology. Keep in step with ontology/policykg.ttl (a test checks both ways).
PK_CLASSES = (
    "Institution Instrument Regulation Directive Decision Communication Proposal Package "
    "Recommendation StaffWorkingDocument Programme Initiative Sector MemberState NewsItem Mention "
    "InstrumentType"
)
PK_RELATIONS = (
    "proposedBy adoptedBy amends repeals partOf establishes fundedThrough targetsSector "
    "supervises implements participatesIn refersTo"
)
PK_OTHER = (
    "mentions celex eli celexTypeLetter instrumentClass trigger language amount "
    "pipelineVersion vocabularyVersion itemText"
)
PK = Namespace("pk", PK_IRI, f"{PK_CLASSES} {PK_RELATIONS} {PK_OTHER}")
PKR = Namespace("pkr", PKR_IRI)
PKN = Namespace("pkn", PKN_IRI)
PKG = Namespace("pkg", PKG_IRI, "ontology vocabulary runs dataset void")

RDF = Namespace(
    "rdf",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "type Statement subject predicate object langString",
)
RDFS = Namespace("rdfs", "http://www.w3.org/2000/01/rdf-schema#", "label comment subClassOf domain range")
XSD = Namespace(
    "xsd",
    "http://www.w3.org/2001/XMLSchema#",
    "string date dateTime integer nonNegativeInteger decimal boolean language anyURI",
)
OWL = Namespace("owl", "http://www.w3.org/2002/07/owl#", "Ontology Class ObjectProperty DatatypeProperty sameAs")
SKOS = Namespace(
    "skos",
    "http://www.w3.org/2004/02/skos/core#",
    "Concept ConceptScheme prefLabel altLabel hiddenLabel inScheme hasTopConcept topConceptOf "
    "broader narrower exactMatch closeMatch notation definition",
)
DCTERMS = Namespace(
    "dcterms",
    "http://purl.org/dc/terms/",
    "title identifier source language isPartOf created modified issued hasVersion",
)
SCHEMA = Namespace("schema", "http://schema.org/", "NewsArticle headline datePublished url name MonetaryAmount value currency")
PROV = Namespace(
    "prov",
    "http://www.w3.org/ns/prov#",
    "Activity SoftwareAgent Entity wasGeneratedBy wasDerivedFrom wasAssociatedWith "
    "startedAtTime endedAtTime used",
)
NIF = Namespace(
    "nif",
    "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "String Sentence anchorOf beginIndex endIndex",
)
ITSRDF = Namespace("itsrdf", "http://www.w3.org/2005/11/its/rdf#", "taIdentRef")
ELI = Namespace(
    "eli",
    "http://data.europa.eu/eli/ontology#",
    "date_document date_publication first_date_entry_in_force",
)
ORG = Namespace("org", "http://www.w3.org/ns/org#", "Organization subOrganizationOf")
VOID = Namespace(
    "void",
    "http://rdfs.org/ns/void#",
    "Dataset triples classes properties distinctSubjects distinctObjects entities vocabulary feature",
)

#: prefix -> IRI, for Turtle/TriG output and SPARQL queries.
PREFIXES: dict[str, str] = {
    ns.prefix: ns.iri
    for ns in (PK, PKR, PKN, PKG, RDF, RDFS, XSD, OWL, SKOS, DCTERMS, SCHEMA, PROV, NIF, ITSRDF, ORG, ELI, VOID)
}

#: External identifier spaces.
CELEX_IRI = "http://publications.europa.eu/resource/celex/"
ELI_IRI = "http://data.europa.eu/eli/"
WIKIDATA_IRI = "http://www.wikidata.org/entity/"
OP_AUTHORITY_IRI = "http://publications.europa.eu/resource/authority/"
