"""The format registry: RDF dump formats and SPARQL result formats, one table each.

The CLI (``--format``), the Python API and the HTTP endpoint all look formats up
here by name, so a format is added in one place. RDF formats are written by
pyoxigraph; result formats are pyoxigraph's own SPARQL 1.1 writers (JSON, CSV, TSV)
plus ``table``, aligned text for terminals.

>>> rdf_format("turtle").extension
'ttl'
>>> rdf_format("nquads").datasets
True
>>> result_format("json").media_type
'application/sparql-results+json'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import chain
from dataclasses import dataclass
from pathlib import PurePath
from types import MappingProxyType
from typing import BinaryIO, Union

from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    Quad,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    RdfFormat,
    Triple,
    serialize,
)

from .errors import UsageError
from .namespaces import PREFIXES

__all__ = [
    "RDF_FORMATS",
    "RESULT_FORMATS",
    "RdfFormatSpec",
    "ResultFormatSpec",
    "guess_rdf_format",
    "rdf_format",
    "rdf_statements",
    "result_format",
    "shorten",
    "term_text",
    "write_rdf",
    "write_results",
]

Results = Union[QuerySolutions, QueryBoolean]


# ---------------------------------------------------------------------------- RDF dumps


@dataclass(frozen=True)
class RdfFormatSpec:
    """An RDF serialisation: its name, file extension (no dot), media type and pyoxigraph format.

    ``datasets`` says whether it carries named graphs; a triple format holds the
    union of all graphs (each distinct triple once). ``feature`` is the format's
    W3C identifier (``http://www.w3.org/ns/formats/``), the ``void:feature`` of a dump.
    """

    name: str
    extension: str
    media_type: str
    format: RdfFormat
    datasets: bool
    description: str
    feature: str = ""


_W3C_FORMATS = "http://www.w3.org/ns/formats/"

RDF_FORMATS: Mapping[str, RdfFormatSpec] = MappingProxyType(
    {
        spec.name: spec
        for spec in (
            RdfFormatSpec(
                "turtle", "ttl", "text/turtle", RdfFormat.TURTLE, False, "Turtle (union of all graphs)",
                _W3C_FORMATS + "Turtle",
            ),
            RdfFormatSpec(
                "ntriples", "nt", "application/n-triples", RdfFormat.N_TRIPLES, False, "N-Triples (union of all graphs)",
                _W3C_FORMATS + "N-Triples",
            ),
            RdfFormatSpec(
                "nquads", "nq", "application/n-quads", RdfFormat.N_QUADS, True, "N-Quads (graphs kept)",
                _W3C_FORMATS + "N-Quads",
            ),
            RdfFormatSpec(
                "trig", "trig", "application/trig", RdfFormat.TRIG, True, "TriG (graphs kept)", _W3C_FORMATS + "TriG"
            ),
            RdfFormatSpec(
                "jsonld", "jsonld", "application/ld+json", RdfFormat.JSON_LD, True, "JSON-LD, expanded (graphs kept)",
                _W3C_FORMATS + "JSON-LD",
            ),
            RdfFormatSpec(
                "rdfxml", "rdf", "application/rdf+xml", RdfFormat.RDF_XML, False, "RDF/XML (union of all graphs)",
                _W3C_FORMATS + "RDF_XML",
            ),
        )
    }
)


def rdf_format(name: str) -> RdfFormatSpec:
    """The RDF format called ``name`` (or with that extension); :class:`UsageError` lists the valid names.

    >>> rdf_format("ttl").name
    'turtle'
    """
    key = name.strip().lower().lstrip(".")
    spec = RDF_FORMATS.get(key) or next((s for s in RDF_FORMATS.values() if s.extension == key), None)
    if spec is None:
        raise UsageError(f"unknown RDF format {name!r}; choose one of: {', '.join(RDF_FORMATS)}")
    return spec


def guess_rdf_format(path: str | PurePath) -> RdfFormatSpec:
    """The RDF format of a file, from its extension.

    >>> guess_rdf_format("dump/graph.nq").name
    'nquads'
    >>> guess_rdf_format("dump/graph.ttl.gz").name
    'turtle'
    """
    suffix = PurePath(path).suffix
    if suffix.lower() == ".gz":  # graph.nq.gz: the format is under the compression
        suffix = PurePath(PurePath(path).stem).suffix
    extensions = ", ".join("." + s.extension for s in RDF_FORMATS.values())
    if not suffix:
        raise UsageError(f"{path}: cannot tell the RDF format without an extension; use one of {extensions}")
    try:
        return rdf_format(suffix)
    except UsageError:
        raise UsageError(f"{path}: unknown RDF file extension {suffix!r}; use one of {extensions}") from None


def _union_triples(data: Iterable[Quad | Triple]) -> Iterator[Triple]:
    # The one place an export holds memory in proportion to its size: a triple stated in
    # several graphs is written once, so the triples seen so far are kept in a set.
    seen: set[Triple] = set()
    for statement in data:
        triple = statement.triple if isinstance(statement, Quad) else statement
        if triple not in seen:
            seen.add(triple)
            yield triple


def _as_quads(data: Iterable[Quad | Triple]) -> Iterator[Quad]:
    for statement in data:
        if isinstance(statement, Quad):
            yield statement
        else:
            yield Quad(statement.subject, statement.predicate, statement.object)


def rdf_statements(
    data: Iterable[Quad | Triple],
    fmt: str | RdfFormatSpec,
    *,
    union: bool = False,
    preamble: Iterable[Quad] = (),
) -> Iterator[Quad] | Iterator[Triple]:
    """What :func:`write_rdf` writes, lazily: quads for a dataset format, union triples otherwise.

    ``union=True`` merges the graphs for a dataset format too (each distinct triple once,
    in the default graph). ``preamble`` comes first and, in a dataset format, keeps its
    graph even with ``union``: it is how a dump carries its own description.

    >>> a = Quad(NamedNode("http://example.org/a"), NamedNode("http://example.org/p"), Literal("x"),
    ...          NamedNode("http://example.org/g1"))
    >>> b = Quad(a.subject, a.predicate, a.object, NamedNode("http://example.org/g2"))
    >>> len(list(rdf_statements([a, b], "nquads"))), len(list(rdf_statements([a, b], "nquads", union=True)))
    (2, 1)
    """
    spec = fmt if isinstance(fmt, RdfFormatSpec) else rdf_format(fmt)
    if not spec.datasets:
        return _union_triples(chain(preamble, data))
    if union:
        return chain(_as_quads(preamble), _as_quads(_union_triples(data)))
    return _as_quads(chain(preamble, data))


def write_rdf(
    data: Iterable[Quad | Triple],
    fmt: str | RdfFormatSpec,
    out: BinaryIO,
    *,
    prefixes: Mapping[str, str] | None = None,
    union: bool = False,
    preamble: Iterable[Quad] = (),
) -> None:
    """Write quads (or triples) to ``out`` in ``fmt``, streaming.

    A dataset format keeps the named graphs and writes in constant memory; a triple
    format (or ``union=True``) gets the union of the graphs, each distinct triple once,
    which keeps a set of the triples seen. ``preamble`` is written first (see
    :func:`rdf_statements`). ``prefixes`` default to :data:`policykg.namespaces.PREFIXES`.
    """
    spec = fmt if isinstance(fmt, RdfFormatSpec) else rdf_format(fmt)
    statements = rdf_statements(data, spec, union=union, preamble=preamble)
    serialize(statements, out, spec.format, prefixes=dict(PREFIXES if prefixes is None else prefixes))


# ---------------------------------------------------------------------------- query results


def shorten(iri: str) -> str:
    """An IRI as a prefixed name when a known namespace (longest first) covers it.

    >>> shorten("https://w3id.org/policykg/id/institution/european-commission")
    'pkr:institution/european-commission'
    >>> shorten("http://example.org/x")
    'http://example.org/x'
    """
    for prefix, namespace in _BY_LENGTH:
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


_BY_LENGTH = sorted(PREFIXES.items(), key=lambda item: -len(item[1]))


def term_text(term: object, *, prefixed: bool = True) -> str:
    """A result value as plain text: prefixed IRI, literal's lexical value, ``_:id``; unbound is ``""``.

    >>> term_text(NamedNode("https://w3id.org/policykg/ontology#adoptedBy"))
    'pk:adoptedBy'
    >>> term_text(Literal("Commissie", language="nl"))
    'Commissie'
    """
    if term is None:
        return ""
    if isinstance(term, NamedNode):
        return shorten(term.value) if prefixed else term.value
    if isinstance(term, Literal):
        return term.value
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    return str(term)


#: Widest cell of the ``table`` format; longer values are cut with an ellipsis.
TABLE_MAX_WIDTH = 80


def _cell(term: object) -> str:
    text = " ".join(term_text(term).split())
    return text if len(text) <= TABLE_MAX_WIDTH else text[: TABLE_MAX_WIDTH - 1] + "…"


def _write_table(results: Results, out: BinaryIO) -> None:
    if isinstance(results, QueryBoolean):
        out.write(b"true\n" if bool(results) else b"false\n")
        return
    header = [variable.value for variable in results.variables]
    rows = [[_cell(solution[index]) for index in range(len(header))] for solution in results]
    widths = [max([len(name), *(len(row[i]) for row in rows)]) for i, name in enumerate(header)]

    def line(cells: list[str]) -> str:
        return "  ".join(cell.ljust(width) for cell, width in zip(cells, widths)).rstrip() + "\n"

    text = [line(header), line(["-" * width for width in widths])]
    text.extend(line(row) for row in rows)
    text.append(f"({len(rows)} row{'' if len(rows) == 1 else 's'})\n")
    out.write("".join(text).encode("utf-8"))


def _pyoxigraph_writer(fmt: QueryResultsFormat) -> Callable[[Results, BinaryIO], None]:
    def write(results: Results, out: BinaryIO) -> None:
        results.serialize(out, fmt)

    return write


@dataclass(frozen=True)
class ResultFormatSpec:
    """A query result format: name, file extension (no dot), media type and writer."""

    name: str
    extension: str
    media_type: str
    write: Callable[[Results, BinaryIO], None]
    description: str


RESULT_FORMATS: Mapping[str, ResultFormatSpec] = MappingProxyType(
    {
        spec.name: spec
        for spec in (
            ResultFormatSpec(
                "table", "txt", "text/plain; charset=utf-8", _write_table, "aligned text with prefixed names"
            ),
            ResultFormatSpec(
                "csv",
                "csv",
                QueryResultsFormat.CSV.media_type,
                _pyoxigraph_writer(QueryResultsFormat.CSV),
                "SPARQL 1.1 results CSV",
            ),
            ResultFormatSpec(
                "tsv",
                "tsv",
                QueryResultsFormat.TSV.media_type,
                _pyoxigraph_writer(QueryResultsFormat.TSV),
                "SPARQL 1.1 results TSV",
            ),
            ResultFormatSpec(
                "json",
                "json",
                QueryResultsFormat.JSON.media_type,
                _pyoxigraph_writer(QueryResultsFormat.JSON),
                "SPARQL 1.1 Query Results JSON",
            ),
        )
    }
)


def result_format(name: str) -> ResultFormatSpec:
    """The result format called ``name``; :class:`UsageError` lists the valid names."""
    spec = RESULT_FORMATS.get(name.strip().lower())
    if spec is None:
        raise UsageError(f"unknown result format {name!r}; choose one of: {', '.join(RESULT_FORMATS)}")
    return spec


def write_results(solutions: Results, fmt: str | ResultFormatSpec, out: BinaryIO) -> None:
    """Write query results (consumed once) to the binary stream ``out`` in ``fmt``."""
    spec = fmt if isinstance(fmt, ResultFormatSpec) else result_format(fmt)
    if not isinstance(solutions, (QuerySolutions, QueryBoolean)):
        raise UsageError(
            f"the {spec.name} format writes SELECT or ASK results, not {type(solutions).__name__}; "
            "write CONSTRUCT results with an RDF format"
        )
    spec.write(solutions, out)
