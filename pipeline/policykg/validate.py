"""Is the graph in the store what policykg promises? SHACL shapes plus a domain/range check.

:func:`validate_store` runs pySHACL with ``ontology/shapes.ttl`` over the union of
the item graphs, ``pkg:vocabulary`` and ``pkg:ontology`` (an item graph does not
repeat the vocabulary entries it links to, and the subclass axioms live in the
ontology; ``pkg:runs`` holds only timestamps and is left out). It then checks
every ``pk:`` relation triple against the ``rdfs:domain`` and ``rdfs:range`` of
its property in the ontology, following ``owl:unionOf`` lists and
``rdfs:subClassOf`` (also subclass axioms and classes stated in the vocabulary).

Each problem is a :class:`Violation` that names the news item(s) whose graph holds
the offending triple, so a bad extraction can be traced to its input.

>>> str(Violation("https://w3id.org/policykg/news/x#m0-3", "http://www.w3.org/2005/11/its/rdf#taIdentRef",
...               "A mention refers to exactly one entity IRI.", items=("https://w3id.org/policykg/news/x",)))
'Violation: pkn:x#m0-3 itsrdf:taIdentRef: A mention refers to exactly one entity IRI. (in pkn:x)'
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pyoxigraph as ox

from . import resources
from .errors import OntologyError
from .formats import shorten
from .namespaces import PK, PK_RELATIONS, PKG, PKN, RDF
from .store import GraphStore

__all__ = ["Violation", "class_ancestors", "relation_signatures", "validate_store"]

SH = "http://www.w3.org/ns/shacl#"
RELATIONS_VALUES = " ".join(f"pk:{name}" for name in PK_RELATIONS.split())


@dataclass(frozen=True)
class Violation:
    """One way the graph does not conform.

    ``focus`` is the node at fault and ``path`` the property (full IRIs; ``path`` is
    empty for a constraint on the node itself), ``value`` the offending object when
    there is one, ``shape`` the SHACL shape (or ``rdfs:domain`` / ``rdfs:range``),
    and ``items`` the IRIs of the news items whose graphs hold the offending triple.
    """

    focus: str
    path: str
    message: str
    severity: str = "Violation"
    value: str = ""
    shape: str = ""
    items: tuple[str, ...] = ()

    def __str__(self) -> str:
        where = " ".join(part for part in (shorten(self.focus), shorten(self.path) if self.path else "") if part)
        value = f" = {self.value}" if self.value else ""
        items = f" (in {', '.join(shorten(i) for i in self.items)})" if self.items else ""
        return " ".join(f"{self.severity}: {where}{value}: {self.message}{items}".split())

    def to_dict(self) -> dict[str, object]:
        return {
            "severity": self.severity, "focus": self.focus, "path": self.path, "value": self.value,
            "message": self.message, "shape": self.shape, "items": list(self.items),
        }


def validate_store(store: GraphStore) -> list[Violation]:
    """All violations of the shapes and of the relations' domains and ranges, sorted; ``[]`` if none."""
    found = _shacl(store) + _domain_range(store)
    return sorted(set(found), key=lambda v: (v.items, v.focus, v.path, v.value, v.shape, v.message))


# ---------------------------------------------------------------------------- ontology helpers


def class_ancestors(store: GraphStore) -> dict[str, frozenset[str]]:
    """Each class IRI -> all its superclasses (transitive ``rdfs:subClassOf``, itself excluded)."""
    parents: dict[str, set[str]] = defaultdict(set)
    for row in store.query("SELECT DISTINCT ?c ?d WHERE { ?c rdfs:subClassOf ?d FILTER(isIRI(?c) && isIRI(?d)) }"):
        parents[row["c"].value].add(row["d"].value)
    ancestors: dict[str, frozenset[str]] = {}

    def walk(cls: str) -> frozenset[str]:
        if cls not in ancestors:
            ancestors[cls] = frozenset()  # guards against subclass cycles
            seen: set[str] = set()
            for parent in parents.get(cls, ()):
                seen.add(parent)
                seen.update(walk(parent))
            seen.discard(cls)
            ancestors[cls] = frozenset(seen)
        return ancestors[cls]

    for cls in list(parents):
        walk(cls)
    return ancestors


def relation_signatures(store: GraphStore) -> dict[str, dict[str, frozenset[str]]]:
    """Each pk: relation IRI -> {"domain": classes, "range": classes}; a union counts as its members."""
    out: dict[str, dict[str, set[str]]] = defaultdict(lambda: {"domain": set(), "range": set()})
    rows = store.query(
        f"SELECT DISTINCT ?p ?kind ?c WHERE {{ VALUES ?p {{ {RELATIONS_VALUES} }} VALUES ?kind {{ rdfs:domain rdfs:range }} "
        "?p ?kind ?d . OPTIONAL { ?d owl:unionOf/rdf:rest*/rdf:first ?member } BIND(COALESCE(?member, ?d) AS ?c) "
        "FILTER(isIRI(?c)) }"
    )
    for row in rows:
        kind = "domain" if row["kind"].value.endswith("domain") else "range"
        out[row["p"].value][kind].add(row["c"].value)
    return {p: {k: frozenset(v) for k, v in sig.items()} for p, sig in out.items()}


# ---------------------------------------------------------------------------- SHACL


def _rdflib_term(term):
    import rdflib

    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return rdflib.Literal(term.value, lang=term.language)
        if term.datatype.value == "http://www.w3.org/2001/XMLSchema#string":
            return rdflib.Literal(term.value)
        return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))
    raise OntologyError(f"cannot validate an RDF-star triple term ({term}); remove it from the store")


def _ox_term(term) -> ox.NamedNode | ox.BlankNode | ox.Literal | None:
    import rdflib

    if isinstance(term, rdflib.URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, rdflib.BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, rdflib.Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    return None


def _union_graph(store: GraphStore):
    """The item graphs, the vocabulary and the ontology as one rdflib graph (``pkg:runs`` left out)."""
    import rdflib

    data = rdflib.Graph()
    add = data.add
    for quad in store.quads():
        if quad.graph_name == PKG.runs:
            continue
        add((_rdflib_term(quad.subject), _rdflib_term(quad.predicate), _rdflib_term(quad.object)))
    return data


def _term_text(term) -> str:
    import rdflib

    if term is None:
        return ""
    if isinstance(term, rdflib.Literal):
        suffix = f"@{term.language}" if term.language else (f"^^{shorten(str(term.datatype))}" if term.datatype else "")
        return f'"{term}"{suffix}'
    if isinstance(term, rdflib.BNode):
        return f"_:{term}"
    return str(term)


def _shacl(store: GraphStore) -> list[Violation]:
    import rdflib
    from pyshacl import validate

    try:
        shapes = rdflib.Graph().parse(resources.shapes_file(), format="turtle")
    except Exception as exc:  # noqa: BLE001 - a broken shapes file is an ontology problem, reported with its path
        raise OntologyError(f"cannot read the SHACL shapes: {exc}", where=str(resources.shapes_file())) from exc
    locate = _ItemLocator(store)
    out = _sparql_constraints(store, shapes, locate)
    try:
        _, results, _ = validate(_union_graph(store), shacl_graph=shapes, inference="none", allow_warnings=True)
    except Exception as exc:  # noqa: BLE001 - pySHACL errors come in many types
        raise OntologyError(f"pySHACL could not validate the store ({type(exc).__name__}: {exc})") from exc
    sh = rdflib.Namespace(SH)
    for result in results.subjects(rdflib.RDF.type, sh.ValidationResult):
        focus = results.value(result, sh.focusNode)
        path = results.value(result, sh.resultPath)
        value = results.value(result, sh.value)
        shape = results.value(result, sh.sourceShape)
        severity = results.value(result, sh.resultSeverity)
        messages = sorted(str(m) for m in results.objects(result, sh.resultMessage))
        path_iri = str(path) if isinstance(path, rdflib.URIRef) else ""
        targets = {
            kind: str(shapes.value(shape, sh[kind])) if shape is not None and shapes.value(shape, sh[kind]) else ""
            for kind in ("targetSubjectsOf", "targetObjectsOf")
        }
        items = locate(_ox_term(focus), path_iri, _ox_term(value) if value is not None else None, targets)
        out.append(
            Violation(
                focus=_term_text(focus),
                path=path_iri or ("" if path is None else "(complex path)"),
                message=messages[0] if messages else "does not conform",
                severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
                value=shorten(_term_text(value)) if value is not None and value != focus else "",
                shape=_shape_name(shapes, shape),
                items=items,
            )
        )
    return out


def _shape_name(shapes, shape) -> str:
    """The shape's prefixed IRI; for a blank property shape, the node shape that holds it."""
    import rdflib

    if shape is not None and not isinstance(shape, rdflib.URIRef):
        shape = next((s for s in shapes.subjects(rdflib.URIRef(SH + "property"), shape)), shape)
    if not isinstance(shape, rdflib.URIRef):
        return ""
    try:  # the prefixes of shapes.ttl (pksh:) first
        return shapes.namespace_manager.curie(shape, generate=False)
    except (KeyError, ValueError):
        return shorten(str(shape))


def _sparql_constraints(store: GraphStore, shapes, locate: _ItemLocator) -> list[Violation]:
    """Evaluate the SPARQL-based constraints with Oxigraph and take them out of ``shapes``.

    pySHACL parses a constraint's query again for every focus node (about 25 ms each),
    which made them 80 % of the run on the sample items. Oxigraph runs each query once,
    joined with the shape's targets. Constraints that need pre-binding features we do not
    translate (``sh:prefixes``, ``$currentShape``, ``$shapesGraph``, other targets) stay with pySHACL.
    """
    import rdflib

    sh = rdflib.Namespace(SH)
    out: list[Violation] = []
    for shape, constraint in sorted(shapes.subject_objects(sh.sparql), key=lambda pair: (str(pair[0]), str(pair[1]))):
        select = shapes.value(constraint, sh.select)
        targets = _target_patterns(shapes, shape)
        if (
            select is None or not targets or shapes.value(constraint, sh.prefixes) is not None
            or shapes.value(constraint, sh.deactivated) is not None or shapes.value(shape, sh.deactivated) is not None
            or "$currentShape" in str(select) or "$shapesGraph" in str(select)
        ):
            continue
        query = f"SELECT DISTINCT * WHERE {{ {{ {' } UNION { '.join(targets)} }} {{ {select} }} }}"
        message = shapes.value(constraint, sh.message) or shapes.value(shape, sh.message) or "does not conform"
        severity = shapes.value(shape, sh.severity)
        kinds = {k: str(shapes.value(shape, sh[k]) or "") for k in ("targetSubjectsOf", "targetObjectsOf")}
        try:
            results = store.query(query)
        except SyntaxError as exc:
            raise OntologyError(f"a SPARQL constraint of {shape} does not parse: {exc}",
                                where=str(resources.shapes_file())) from exc
        names = {variable.value for variable in results.variables}
        for row in results:
            focus = row["this"]
            path = row["path"] if "path" in names else None
            value = row["value"] if "value" in names else None
            out.append(Violation(
                focus=_value(focus),
                path=path.value if isinstance(path, ox.NamedNode) else "",
                message=str(message),
                severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
                value=shorten(_value(value)) if value is not None else "",
                shape=_shape_name(shapes, shape),
                items=locate(focus, path.value if isinstance(path, ox.NamedNode) else "", value, kinds),
            ))
        shapes.remove((shape, sh.sparql, constraint))
    return out


def _target_patterns(shapes, shape) -> list[str]:
    """SPARQL patterns binding ?this to the focus nodes of ``shape``; [] when it has other targets."""
    import rdflib

    sh = rdflib.Namespace(SH)
    patterns: list[str] = []
    for pred, pattern in (
        (sh.targetClass, "?this rdf:type/rdfs:subClassOf* <{}>"),
        (sh.targetSubjectsOf, "?this <{}> ?pksh_o"),
        (sh.targetObjectsOf, "?pksh_s <{}> ?this"),
    ):
        for target in shapes.objects(shape, pred):
            if not isinstance(target, rdflib.URIRef):
                return []
            patterns.append("SELECT DISTINCT ?this WHERE { " + pattern.format(target) + " }")
    if (shape, rdflib.RDF.type, rdflib.RDFS.Class) in shapes or shapes.value(shape, sh.targetNode) is not None:
        return []
    return patterns


class _ItemLocator:
    """Finds the news items whose graphs hold the triple a SHACL result is about."""

    def __init__(self, store: GraphStore) -> None:
        self._raw = store.raw

    def _items(self, s, p, o) -> tuple[str, ...]:
        graphs = {
            q.graph_name.value
            for q in self._raw.quads_for_pattern(s, p, o, None)
            if isinstance(q.graph_name, ox.NamedNode) and q.graph_name in PKN
        }
        return tuple(sorted(graphs))

    def __call__(self, focus, path: str, value, targets: Mapping[str, str]) -> tuple[str, ...]:
        if not isinstance(focus, (ox.NamedNode, ox.BlankNode)):
            return ()
        attempts: list[tuple] = []
        if path:
            prop = ox.NamedNode(path)
            if isinstance(value, (ox.NamedNode, ox.BlankNode, ox.Literal)):
                attempts.append((focus, prop, value))
            attempts.append((focus, prop, None))
        else:
            if targets.get("targetSubjectsOf"):
                attempts.append((focus, ox.NamedNode(targets["targetSubjectsOf"]), None))
            if targets.get("targetObjectsOf"):
                attempts.append((None, ox.NamedNode(targets["targetObjectsOf"]), focus))
            attempts.append((focus, RDF.type, None))
        attempts.append((focus, None, None))
        for pattern in attempts:
            items = self._items(*pattern)
            if items:
                return items
        return ()


# ---------------------------------------------------------------------------- domain and range


def _domain_range(store: GraphStore) -> list[Violation]:
    signatures = relation_signatures(store)
    ancestors = class_ancestors(store)
    classes: dict[str, set[str]] = defaultdict(set)
    for row in store.query(
        f"SELECT DISTINCT ?e ?c WHERE {{ {{ SELECT DISTINCT ?e WHERE {{ VALUES ?p {{ {RELATIONS_VALUES} }} "
        "{ ?e ?p ?x } UNION { ?x ?p ?e } } } ?e a ?c FILTER(isIRI(?c)) }"
    ):
        cls = row["c"].value
        classes[row["e"].value].update({cls, *ancestors.get(cls, ())})
    triples: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for row in store.query(
        f"SELECT ?s ?p ?o ?g WHERE {{ VALUES ?p {{ {RELATIONS_VALUES} }} GRAPH ?g {{ ?s ?p ?o }} }}"
    ):
        graphs = triples[(row["s"].value, row["p"].value, _value(row["o"]))]
        if row["g"].value.startswith(PKN.iri):
            graphs.add(row["g"].value)
    out: list[Violation] = []
    for (s, p, o), graphs in triples.items():
        signature = signatures.get(p, {})
        for kind, node in (("domain", s), ("range", o)):
            allowed = signature.get(kind, frozenset())
            if not allowed or classes.get(node, set()) & allowed:
                continue
            out.append(
                Violation(
                    focus=s, path=p, value=shorten(o) if kind == "range" else "", shape=f"rdfs:{kind}",
                    message=_kind_message(kind, node, p, classes.get(node, set()), allowed, ancestors),
                    items=tuple(sorted(graphs)),
                )
            )
    return out


def _value(term) -> str:
    return term.value if isinstance(term, ox.NamedNode) else str(term)


def _most_specific(classes: Iterable[str], ancestors: Mapping[str, frozenset[str]]) -> list[str]:
    classes = set(classes)
    inherited = set().union(*(ancestors.get(c, frozenset()) for c in classes)) if classes else set()
    return sorted(classes - inherited)


def _kind_message(kind: str, node: str, prop: str, has: set[str], allowed: frozenset[str], ancestors) -> str:
    role = "subject" if kind == "domain" else "object"
    expected = " or ".join(shorten(c) for c in sorted(allowed))
    stated = [shorten(c) for c in _most_specific(has, ancestors) if c.startswith(PK.iri)] or [
        shorten(c) for c in _most_specific(has, ancestors)
    ]
    is_ = f"is a {', '.join(stated)}" if stated else "has no class"
    return f"the {role} of {shorten(prop)}, {shorten(node)}, {is_}; rdfs:{kind} is {expected}."
