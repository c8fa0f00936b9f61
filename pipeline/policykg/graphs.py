"""networkx views of the store for researchers: the entity graph, projections, statistics, files.

:func:`entity_graph` turns the store into a :class:`networkx.MultiDiGraph`: one node
per entity that a news item ``pk:mentions`` (node id = the entity IRI), one edge per
distinct ``(subject, pk: relation, object)`` stated in at least one news item (edge
key = the relation's local name). Relation facts that only the vocabulary states
(``pk:partOf`` between agencies) are left out: every edge is news evidence.

Node attributes: ``label`` (one label, in ``lang`` when there is one), ``labels``
(every skos:prefLabel and skos:altLabel as ``text@lang``, joined by `` | ``), ``type``
(the most specific pk: class, local name), ``celex``, ``exact_match`` (IRIs joined by
`` | ``), ``mentions`` (number of news items). Edge attributes: ``relation``,
``weight`` (number of news items stating the fact), ``first_date`` and ``last_date``
(ISO dates of those items; ``""`` when none is known). Missing values are ``""``,
never ``None``, so every format can hold them.

The queries deduplicate facts before they join or count (DESIGN.md, "Query shape").

>>> graph = nx.MultiDiGraph()
>>> graph.add_node("a", label="A", type="Institution", mentions=1)
>>> graph.add_node("b", label="B", type="Programme", mentions=1)
>>> _ = graph.add_edge("a", "b", key="implements", relation="implements", weight=2)
>>> sorted(projection(graph, "institution-programme").edges())
[('a', 'b')]
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, BinaryIO

import networkx as nx

from .errors import UsageError
from .namespaces import PK, PK_RELATIONS
from .store import GraphStore
from .validate import class_ancestors

__all__ = [
    "GRAPH_FORMATS",
    "INSTITUTION_TYPES",
    "INSTRUMENT_TYPES",
    "PROGRAMME_TYPES",
    "PROJECTIONS",
    "co_mention_graph",
    "entity_graph",
    "graph_format",
    "graph_stats",
    "projection",
    "write_graph",
]

INSTITUTION_TYPES = frozenset({"Institution"})
PROGRAMME_TYPES = frozenset({"Programme", "Initiative"})
INSTRUMENT_TYPES = frozenset(
    "Instrument Regulation Directive Decision Communication Proposal Package Recommendation "
    "StaffWorkingDocument".split()
)
AMENDMENT_RELATIONS = frozenset({"amends", "repeals"})
_RELATIONS = " ".join(f"pk:{name}" for name in PK_RELATIONS.split())
_MENTIONED = "{ SELECT DISTINCT ?e WHERE { ?item pk:mentions ?e } }"
JOIN = " | "

# ---------------------------------------------------------------------------- building


def entity_graph(store: GraphStore, *, lang: str = "en") -> nx.MultiDiGraph:
    """The entities the news mentions and the relations the news states between them."""
    graph = nx.MultiDiGraph()
    mentions = {
        row["e"].value: int(row["n"].value)
        for row in store.query("SELECT ?e (COUNT(DISTINCT ?item) AS ?n) WHERE { ?item pk:mentions ?e FILTER(isIRI(?e)) } GROUP BY ?e")
    }
    edges = []
    for row in store.query(
        f"SELECT ?s ?p ?o (COUNT(DISTINCT ?g) AS ?n) (MIN(STR(?d)) AS ?first) (MAX(STR(?d)) AS ?last) WHERE {{ "
        f"VALUES ?p {{ {_RELATIONS} }} GRAPH ?g {{ ?s ?p ?o }} ?g a pk:NewsItem . "
        "OPTIONAL { ?g schema:datePublished ?d } FILTER(isIRI(?s) && isIRI(?o)) } GROUP BY ?s ?p ?o"
    ):
        edges.append((
            row["s"].value, row["o"].value, row["p"].value[len(PK.iri):], int(row["n"].value),
            _text(row["first"]), _text(row["last"]),
        ))
    nodes = set(mentions) | {e[0] for e in edges} | {e[1] for e in edges}
    attributes = _node_attributes(store, nodes, lang)
    for node in sorted(nodes):
        graph.add_node(node, **attributes[node], mentions=mentions.get(node, 0))
    for s, o, relation, weight, first, last in sorted(edges):
        graph.add_edge(s, o, key=relation, relation=relation, weight=weight, first_date=first, last_date=last)
    return graph


def _text(term) -> str:
    return "" if term is None else term.value


def _node_attributes(store: GraphStore, nodes: set[str], lang: str) -> dict[str, dict[str, str]]:
    labels: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    classes: dict[str, set[str]] = defaultdict(set)
    celex: dict[str, set[str]] = defaultdict(set)
    matches: dict[str, set[str]] = defaultdict(set)
    query = (
        f"SELECT DISTINCT ?e ?p ?v WHERE {{ {_MENTIONED} "
        "VALUES ?p { skos:prefLabel skos:altLabel rdf:type pk:celex skos:exactMatch } ?e ?p ?v }"
    )
    rows = list(store.query(query))
    unmentioned = nodes - {row["e"].value for row in rows}
    if unmentioned:  # relation endpoints that no item pk:mentions (not produced today, but possible)
        values = " ".join(f"<{iri}>" for iri in sorted(unmentioned))
        rows += list(store.query(query.replace(_MENTIONED, f"VALUES ?e {{ {values} }}")))
    for row in rows:
        entity, prop, value = row["e"].value, row["p"].value, row["v"]
        if entity not in nodes:
            continue
        if prop.endswith("Label"):
            kind = "0" if prop.endswith("prefLabel") else "1"
            labels[entity].append((kind, value.value, getattr(value, "language", None) or ""))
        elif prop.endswith("#type") and value.value.startswith(PK.iri):
            classes[entity].add(value.value)
        elif prop.endswith("celex"):
            celex[entity].add(value.value)
        elif prop.endswith("exactMatch"):
            matches[entity].add(value.value)
    ancestors = class_ancestors(store)
    return {
        node: {
            "label": _best_label(labels[node], lang) or node.rstrip("/").rsplit("/", 1)[-1],
            "labels": JOIN.join(f"{text}@{tag}" if tag else text for _, text, tag in sorted(set(labels[node]))),
            "type": _most_specific(classes[node], ancestors),
            "celex": JOIN.join(sorted(celex[node])),
            "exact_match": JOIN.join(sorted(matches[node])),
        }
        for node in nodes
    }


def _best_label(labels: list[tuple[str, str, str]], lang: str) -> str:
    """A prefLabel before an altLabel; ``lang`` first, then English, then any; alphabetical on ties.

    >>> _best_label([("1", "EC", "en"), ("0", "Europese Commissie", "nl"), ("0", "European Commission", "en")], "nl")
    'Europese Commissie'
    """
    def rank(label: tuple[str, str, str]) -> tuple:
        kind, text, tag = label
        return (kind, tag.split("-")[0] != lang, tag.split("-")[0] != "en", text)

    return min(labels, key=rank)[1] if labels else ""


def _most_specific(classes: set[str], ancestors: Mapping[str, frozenset[str]]) -> str:
    inherited = set().union(*(ancestors.get(c, frozenset()) for c in classes)) if classes else set()
    specific = sorted(classes - inherited) or sorted(classes)
    return specific[0][len(PK.iri):] if specific else ""


# ---------------------------------------------------------------------------- projections


def co_mention_graph(store: GraphStore, graph: nx.MultiDiGraph | None = None, *, lang: str = "en") -> nx.Graph:
    """Undirected: entities mentioned in the same news item; ``weight`` = number of such items.

    Node attributes are copied from ``graph`` (built with :func:`entity_graph` when not given).
    """
    source = graph if graph is not None else entity_graph(store, lang=lang)
    out = nx.Graph()
    out.add_nodes_from(sorted(source.nodes(data=True)))
    pairs = store.query(
        "SELECT ?a ?b (COUNT(DISTINCT ?item) AS ?n) WHERE { ?item pk:mentions ?a . ?item pk:mentions ?b "
        "FILTER(isIRI(?a) && isIRI(?b) && STR(?a) < STR(?b)) } GROUP BY ?a ?b"
    )
    edges = sorted((row["a"].value, row["b"].value, int(row["n"].value)) for row in pairs)
    for a, b, weight in edges:
        if a in out and b in out:
            out.add_edge(a, b, relation="co-mention", weight=weight)
    return out


def _between(graph: nx.MultiDiGraph, keep: Callable[[dict, dict, dict], bool]) -> nx.MultiDiGraph:
    """The edges for which ``keep(source attrs, target attrs, edge attrs)`` holds, and their end nodes."""
    out = nx.MultiDiGraph()
    nodes = graph.nodes
    chosen = [(u, v, k, d) for u, v, k, d in graph.edges(keys=True, data=True) if keep(nodes[u], nodes[v], d)]
    for node in sorted({u for u, *_ in chosen} | {v for _, v, *_ in chosen}):
        out.add_node(node, **nodes[node])
    for u, v, k, d in chosen:
        out.add_edge(u, v, key=k, **d)
    return out


def _institution_programme(graph: nx.MultiDiGraph, store: GraphStore | None) -> nx.MultiDiGraph:
    def keep(a: dict, b: dict, _: dict) -> bool:
        kinds = {a.get("type"), b.get("type")}
        return bool(kinds & INSTITUTION_TYPES) and bool(kinds & PROGRAMME_TYPES)

    return _between(graph, keep)


def _amendment_dag(graph: nx.MultiDiGraph, store: GraphStore | None) -> nx.MultiDiGraph:
    """amends/repeals among instruments; self-loops and the weakest edge of each cycle are dropped.

    An act cannot (transitively) amend itself, so a cycle is an extraction error; the
    dropped edges are listed in ``graph.graph["dropped"]`` (``source relation target``).
    """
    dag = _between(graph, lambda a, b, d: d.get("relation") in AMENDMENT_RELATIONS
                   and a.get("type") in INSTRUMENT_TYPES and b.get("type") in INSTRUMENT_TYPES)
    dropped = [(u, k, v) for u, v, k in list(dag.edges(keys=True)) if u == v]
    dag.remove_edges_from([(u, v, k) for u, k, v in dropped])
    while True:
        try:
            cycle = nx.find_cycle(dag)
        except nx.NetworkXNoCycle:
            break
        u, v, k = min(cycle, key=lambda e: (dag.edges[e]["weight"], e[0], e[1], e[2]))
        dag.remove_edge(u, v, key=k)
        dropped.append((u, k, v))
    dag.graph["dropped"] = JOIN.join(" ".join(edge) for edge in sorted(dropped))
    return dag


def _co_mention(graph: nx.MultiDiGraph, store: GraphStore | None) -> nx.Graph:
    if store is None:
        raise UsageError("the co-mention projection counts news items in the store; pass store=")
    return co_mention_graph(store, graph)


@dataclass(frozen=True)
class Projection:
    """A named view of the entity graph."""

    name: str
    description: str
    build: Callable[[nx.MultiDiGraph, GraphStore | None], nx.Graph]


PROJECTIONS: Mapping[str, Projection] = MappingProxyType({
    p.name: p for p in (
        Projection("institution-programme", "edges between institutions and programmes/initiatives",
                   _institution_programme),
        Projection("amendment-dag", "amends/repeals among instruments (acyclic)", _amendment_dag),
        Projection("co-mention", "undirected; weight = news items mentioning both", _co_mention),
    )
})


def projection(graph: nx.MultiDiGraph, name: str, *, store: GraphStore | None = None) -> nx.Graph:
    """The projection ``name`` of an :func:`entity_graph`; ``co-mention`` needs the ``store``."""
    spec = PROJECTIONS.get(name)
    if spec is None:
        raise UsageError(f"unknown projection {name!r}; choose one of: {', '.join(PROJECTIONS)}")
    return spec.build(graph, store)


# ---------------------------------------------------------------------------- statistics


def pagerank(graph: nx.Graph, *, alpha: float = 0.85, tol: float = 1e-12, max_iter: int = 500) -> dict[Any, float]:
    """Weighted PageRank by power iteration (networkx's own needs SciPy, which policykg does not).

    Parallel edges add up their ``weight``; an undirected edge counts both ways.

    >>> ranks = pagerank(nx.DiGraph([("a", "b"), ("c", "b")]))
    >>> max(ranks, key=ranks.get)
    'b'
    """
    nodes = sorted(graph, key=str)
    if not nodes:
        return {}
    weights: dict[tuple, float] = defaultdict(float)
    for u, v, d in graph.edges(data=True):
        weights[(u, v)] += float(d.get("weight", 1) or 1)
        if not graph.is_directed() and u != v:
            weights[(v, u)] += float(d.get("weight", 1) or 1)
    out_weight: dict[Any, float] = defaultdict(float)
    for (u, _), w in weights.items():
        out_weight[u] += w
    n = len(nodes)
    rank = dict.fromkeys(nodes, 1.0 / n)
    for _ in range(max_iter):
        dangling = alpha * sum(rank[u] for u in nodes if not out_weight[u]) / n
        new = dict.fromkeys(nodes, (1.0 - alpha) / n + dangling)
        for (u, v), w in sorted(weights.items(), key=lambda item: (str(item[0][0]), str(item[0][1]))):
            new[v] += alpha * rank[u] * w / out_weight[u]
        delta = sum(abs(new[u] - rank[u]) for u in nodes)
        rank = new
        if delta < n * tol:
            break
    return rank


def graph_stats(graph: nx.Graph, *, top: int = 10, seed: int = 0) -> dict[str, Any]:
    """Size, degree and PageRank centrality (top ``top``), weak components, Louvain communities.

    Deterministic: nodes are visited in sorted order, Louvain gets ``seed``, ties break on the IRI.
    """
    from networkx.algorithms.community import louvain_communities

    simple = nx.Graph()
    simple.add_nodes_from(sorted(graph, key=str))
    for u, v, d in sorted(graph.edges(data=True), key=lambda e: (str(e[0]), str(e[1]))):
        if u != v:
            weight = simple.edges[u, v]["weight"] if simple.has_edge(u, v) else 0
            simple.add_edge(u, v, weight=weight + int(d.get("weight", 1) or 1))
    degree = nx.degree_centrality(simple) if len(simple) > 1 else dict.fromkeys(simple, 0.0)
    ranks = pagerank(graph)

    def entry(node: Any, value: float) -> dict[str, Any]:
        attrs = graph.nodes[node]
        return {"id": node, "label": attrs.get("label", ""), "type": attrs.get("type", ""), "value": round(value, 6)}

    def best(scores: Mapping[Any, float], keep: Callable[[Any], bool] = lambda _: True) -> list[dict[str, Any]]:
        chosen = sorted((n for n in scores if keep(n)), key=lambda n: (-round(scores[n], 12), str(n)))[:top]
        return [entry(n, scores[n]) for n in chosen]

    components = sorted((sorted(c, key=str) for c in nx.connected_components(simple)), key=lambda c: (-len(c), str(c[0])))
    communities = louvain_communities(simple, weight="weight", seed=seed) if simple.number_of_edges() else []
    communities = sorted((sorted(c, key=str) for c in communities), key=lambda c: (-len(c), str(c[0])))
    return {
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "directed": graph.is_directed(),
        "components": {"count": len(components), "sizes": [len(c) for c in components[:top]]},
        "communities": {
            "method": f"louvain (seed {seed})",
            "count": len(communities),
            "top": [{"size": len(c), "members": best({n: ranks[n] for n in c})[:5]} for c in communities[:top]],
        },
        "degree": best(degree),
        "pagerank": best(ranks),
        "institutions": best(ranks, lambda n: graph.nodes[n].get("type") in INSTITUTION_TYPES),
        "instruments": best(ranks, lambda n: graph.nodes[n].get("type") in INSTRUMENT_TYPES),
    }


# ---------------------------------------------------------------------------- files


def _clean(graph: nx.Graph) -> nx.Graph:
    """A copy without ``None`` values (GraphML and GEXF cannot hold them): ``""`` instead."""
    out = graph.copy()
    for mapping in (out.graph, *(d for _, d in out.nodes(data=True)), *(d for *_, d in out.edges(data=True))):
        for key, value in list(mapping.items()):
            if value is None:
                mapping[key] = ""
            elif not isinstance(value, (str, int, float, bool)):
                mapping[key] = str(value)
    return out


def _write_graphml(graph: nx.Graph, out: BinaryIO) -> None:
    nx.write_graphml(_clean(graph), out, encoding="utf-8")


def _write_gexf(graph: nx.Graph, out: BinaryIO) -> None:
    nx.write_gexf(_clean(graph), out, encoding="utf-8")


def _write_json(graph: nx.Graph, out: BinaryIO) -> None:
    data = nx.node_link_data(_clean(graph), edges="links")
    out.write(json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
    out.write(b"\n")


EDGE_COLUMNS = ("source", "target", "relation", "weight", "first_date", "last_date")


def _write_csv(graph: nx.Graph, out: BinaryIO) -> None:
    """Edge list: source,target,relation,weight,first_date,last_date, other edge attributes, end labels."""
    graph = _clean(graph)
    extra = sorted({k for *_, d in graph.edges(data=True) for k in d} - set(EDGE_COLUMNS))
    header = [*EDGE_COLUMNS, *extra, "source_label", "source_type", "target_label", "target_type"]
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(header)
    for u, v, d in graph.edges(data=True):
        row = {**d, "source": u, "target": v}
        writer.writerow([*(row.get(c, "") for c in EDGE_COLUMNS), *(d.get(c, "") for c in extra),
                         graph.nodes[u].get("label", ""), graph.nodes[u].get("type", ""),
                         graph.nodes[v].get("label", ""), graph.nodes[v].get("type", "")])
    out.write(text.getvalue().encode("utf-8"))


@dataclass(frozen=True)
class GraphFormat:
    """A networkx export format: name, file extension (no dot), media type and writer."""

    name: str
    extension: str
    media_type: str
    write: Callable[[nx.Graph, BinaryIO], None]
    description: str


GRAPH_FORMATS: Mapping[str, GraphFormat] = MappingProxyType({
    f.name: f for f in (
        GraphFormat("graphml", "graphml", "application/graphml+xml", _write_graphml, "GraphML (yEd, Gephi, igraph)"),
        GraphFormat("gexf", "gexf", "application/gexf+xml", _write_gexf, "GEXF 1.2 (Gephi)"),
        GraphFormat("json", "json", "application/json", _write_json, "networkx node-link JSON (d3)"),
        GraphFormat("csv", "csv", "text/csv", _write_csv, "edge list with end-node labels"),
    )
})


def graph_format(name: str) -> GraphFormat:
    """The graph format called ``name`` (or with that extension); :class:`UsageError` lists the valid names.

    >>> graph_format("GraphML").extension
    'graphml'
    """
    key = name.strip().lower().lstrip(".")
    spec = GRAPH_FORMATS.get(key) or next((f for f in GRAPH_FORMATS.values() if f.extension == key), None)
    if spec is None:
        raise UsageError(f"unknown graph format {name!r}; choose one of: {', '.join(GRAPH_FORMATS)}")
    return spec


def write_graph(graph: nx.Graph, fmt: str | GraphFormat, out: BinaryIO) -> None:
    """Write ``graph`` to the binary stream ``out`` in ``fmt`` (see :data:`GRAPH_FORMATS`)."""
    spec = fmt if isinstance(fmt, GraphFormat) else graph_format(fmt)
    spec.write(graph, out)
