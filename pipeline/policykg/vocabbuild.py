"""Build the SKOS vocabularies (the gazetteers) from the curated CSV tables.

The source of truth is ``ontology/sources/*.csv``: one row per entry, a header row,
multi-valued cells separated by ``|``. A label cell holds ``text@lang`` items, e.g.
``Commissie@nl|EC@en``; ``EC@en+nl`` is short for ``EC@en|EC@nl``. This module turns
the tables into ``ontology/vocabularies/*.ttl`` (see docs/DATAMODEL.md for the shape).

The Turtle is deterministic: the same CSVs give the same bytes on every run, so the
committed files can be checked against their sources (``--check``).

Usage::

    python -m policykg.vocabbuild            # regenerate ontology/vocabularies/*.ttl
    python -m policykg.vocabbuild --check    # exit 1 if the committed Turtle is stale

>>> parse_labels("Commissie@nl|EC@en+nl", "x.csv:2")
[('Commissie', 'nl'), ('EC', 'en'), ('EC', 'nl')]
>>> celex_to_eli("32016R0679")
'http://data.europa.eu/eli/reg/2016/679/oj'
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from .errors import OntologyError
from .namespaces import (
    CELEX_IRI,
    DCTERMS,
    ELI_IRI,
    OP_AUTHORITY_IRI,
    ORG,
    PK,
    PKR_IRI,
    RDF,
    SKOS,
    WIKIDATA_IRI,
)

__all__ = [
    "SCHEMES",
    "Scheme",
    "build_graph",
    "build_vocabularies",
    "celex_to_eli",
    "check_vocabularies",
    "main",
    "parse_labels",
    "write_vocabularies",
]

Triple = tuple[URIRef, URIRef, URIRef | Literal]

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LANG_RE = re.compile(r"^[a-z]{2,3}$")
QID_RE = re.compile(r"^Q[1-9][0-9]*$")
OP_CODE_RE = re.compile(r"^[A-Z][A-Z0-9_]*$")
CELEX_RE = re.compile(r"^(?P<sector>[35])(?P<year>[0-9]{4})(?P<type>DC|PC|SC|R|L|D|H)(?P<number>[0-9]{4})$")

#: Kinds of institution (kept in the CSV for later typing; not emitted as triples); ``international``
#: is an organisation outside the EU that EU policy works with (ESA, EUMETSAT, UNEP); ``national`` is a
#: public body of one member state that carries out EU law there (a ministry, a customs administration);
#: ``company`` is a firm that EU policy names (a gatekeeper, a chipmaker, a satellite operator, a carmaker).
INSTITUTION_KINDS = frozenset(
    "institution body agency executive-agency joint-undertaking office dg edic board network bank international "
    "national company".split()
)
#: Kinds of sector: the 14 industrial ecosystems, cross-cutting domains, finer sectors.
SECTOR_KINDS = frozenset({"ecosystem", "domain", "sector"})
PROGRAMME_CLASSES = frozenset({"Programme", "Initiative"})
#: Classes of programmes.csv rows: programmes, initiatives, and named policy packages that have no
#: CELEX number of their own ("Fit for 55", the Digital Services Package).
PROGRAMME_TABLE_CLASSES = PROGRAMME_CLASSES | {"Package"}
INSTRUMENT_CLASSES = frozenset(
    "Regulation Directive Decision Communication Proposal Package Recommendation StaffWorkingDocument".split()
)
#: ELI path segment per CELEX type letter of an act (sector 3).
ELI_TYPES = {"R": "reg", "L": "dir", "D": "dec"}

#: (scheme, case-folded label) pairs that two entries of one scheme may share on purpose.
ALLOWED_SHARED_LABELS: frozenset[tuple[str, str]] = frozenset()

#: Prefixes of the generated Turtle (fixed, so the output is byte-stable).
TURTLE_PREFIXES: dict[str, str] = {
    "pk": PK.iri,
    "skos": SKOS.iri,
    "org": ORG.iri,
    "dcterms": DCTERMS.iri,
    "rdf": RDF.iri,
    "pkr": PKR_IRI,
    "scheme": PKR_IRI + "scheme/",
    "institution": PKR_IRI + "institution/",
    "programme": PKR_IRI + "programme/",
    "sector": PKR_IRI + "sector/",
    "member-state": PKR_IRI + "member-state/",
    "instrument-type": PKR_IRI + "instrument-type/",
    "celex": PKR_IRI + "celex/",
    "wd": WIKIDATA_IRI,
    "corporate-body": OP_AUTHORITY_IRI + "corporate-body/",
    "country": OP_AUTHORITY_IRI + "country/",
    "celex-op": CELEX_IRI,
}


@dataclass(frozen=True)
class Scheme:
    """One concept scheme: its CSV source, its Turtle output and its IRIs."""

    name: str  # pkr:scheme/{name}
    source: str  # file name in ontology/sources/
    output: str  # file name in ontology/vocabularies/
    segment: str  # pkr:{segment}/{id}
    label_en: str
    label_nl: str
    columns: tuple[str, ...]  # required header columns

    @property
    def iri(self) -> URIRef:
        return URIRef(f"{PKR_IRI}scheme/{self.name}")

    def entry_iri(self, key: str) -> URIRef:
        return URIRef(f"{PKR_IRI}{self.segment}/{key}")


_LABELS = ("pref_en", "pref_nl", "alt", "hidden")

SCHEMES: dict[str, Scheme] = {
    s.name: s
    for s in (
        Scheme(
            "instrument-types", "instrument_types.csv", "instrument-types.ttl", "instrument-type",
            "types of EU legal instruments", "soorten EU-instrumenten",
            ("id", *_LABELS, "celex_letter", "instrument_class"),
        ),
        Scheme(
            "institutions", "institutions.csv", "institutions.ttl", "institution",
            "EU institutions, bodies and agencies", "EU-instellingen, -organen en -agentschappen",
            ("id", "kind", *_LABELS, "part_of", "wikidata", "op_code"),
        ),
        Scheme(
            "programmes", "programmes.csv", "programmes.ttl", "programme",
            "EU programmes and initiatives", "EU-programma's en -initiatieven",
            ("id", "class", *_LABELS, "part_of", "wikidata"),
        ),
        Scheme(
            "sectors", "sectors.csv", "sectors.ttl", "sector",
            "sectors and industrial ecosystems", "sectoren en industriële ecosystemen",
            ("id", "kind", *_LABELS, "broader"),
        ),
        Scheme(
            "member-states", "member_states.csv", "member-states.ttl", "member-state",
            "EU Member States", "EU-lidstaten",
            ("id", "alpha3", *_LABELS, "wikidata"),
        ),
        Scheme(
            "instruments", "instruments.csv", "instruments.ttl", "celex",
            "named EU legal instruments", "benoemde EU-rechtshandelingen",
            ("celex", *_LABELS),
        ),
    )
}


@dataclass(frozen=True)
class Row:
    """One CSV row with the place it came from (``file:line``)."""

    where: str
    cells: dict[str, str]

    def get(self, column: str) -> str:
        return (self.cells.get(column) or "").strip()

    def many(self, column: str) -> list[str]:
        return [part.strip() for part in self.get(column).split("|") if part.strip()]

    def fail(self, message: str) -> OntologyError:
        return OntologyError(message, where=self.where)


def parse_labels(cell: str, where: str) -> list[tuple[str, str]]:
    """Split a label cell into ``(text, language)`` pairs, in cell order."""
    labels: list[tuple[str, str]] = []
    for item in cell.split("|"):
        item = item.strip()
        if not item:
            continue
        text, sep, tags = item.rpartition("@")
        if not sep or not text.strip():
            raise OntologyError(f"label {item!r} has no language tag; write it as text@nl or text@en", where=where)
        for tag in tags.split("+"):
            if not LANG_RE.match(tag.strip()):
                raise OntologyError(f"label {item!r} has a bad language tag {tag!r}; use e.g. @nl, @en or @en+nl", where=where)
            labels.append((text.strip(), tag.strip()))
    return labels


def celex_to_eli(celex: str) -> str | None:
    """The ELI of an act with a CELEX number (regulations, directives, decisions), else None."""
    match = CELEX_RE.match(celex)
    if not match or match["sector"] != "3" or match["type"] not in ELI_TYPES:
        return None
    return f"{ELI_IRI}{ELI_TYPES[match['type']]}/{match['year']}/{int(match['number'])}/oj"


def read_rows(path: Path, scheme: Scheme) -> list[Row]:
    """Read a source table; checks the header and that every row has the header's width."""
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise OntologyError(f"cannot read the vocabulary source ({exc.strerror}); restore it from git", where=str(path)) from exc
    with handle:
        reader = csv.reader(handle)
        try:
            header = [h.strip() for h in next(reader)]
        except StopIteration:
            raise OntologyError("the file is empty; it needs a header row", where=f"{path}:1") from None
        except (csv.Error, UnicodeDecodeError) as exc:
            raise OntologyError(f"cannot parse the header ({exc}); save it as UTF-8 CSV", where=f"{path}:1") from exc
        missing = [c for c in scheme.columns if c not in header]
        unknown = [c for c in header if c not in scheme.columns]
        if missing or unknown:
            raise OntologyError(
                f"header has missing columns {missing} and unknown columns {unknown}; "
                f"expected {', '.join(scheme.columns)}",
                where=f"{path}:1",
            )
        rows: list[Row] = []
        while True:
            try:
                values = next(reader)
            except StopIteration:
                break
            except (csv.Error, UnicodeDecodeError) as exc:
                raise OntologyError(f"cannot parse the row ({exc})", where=f"{path}:{reader.line_num}") from exc
            where = f"{path}:{reader.line_num}"
            if not any(v.strip() for v in values):
                continue
            if len(values) != len(header):
                raise OntologyError(f"row has {len(values)} cells, the header has {len(header)}; quote cells that hold a comma", where=where)
            rows.append(Row(where, dict(zip(header, values))))
    return rows


class _Builder:
    """Collects the triples of one scheme and checks the rows as it goes."""

    def __init__(self, scheme: Scheme, rows: Sequence[Row]) -> None:
        self.scheme = scheme
        self.rows = rows
        self.triples: set[Triple] = set()
        self.ids: dict[str, Row] = {}
        self.labels: dict[str, tuple[str, Row]] = {}  # case-folded label -> (id, row)

    def add(self, s: URIRef, p: URIRef, o: URIRef | Literal) -> None:
        self.triples.add((s, p, o))

    def entry(self, row: Row, key: str, classes: Iterable[URIRef]) -> URIRef:
        """The common part of an entry: IRI, types, scheme and labels."""
        if key in self.ids:
            raise row.fail(f"duplicate id {key!r} (first at {self.ids[key].where}); give each entry its own id")
        self.ids[key] = row
        node = self.scheme.entry_iri(key)
        for cls in (*classes, _uri(SKOS.Concept)):
            self.add(node, _uri(RDF.type), cls)
        self.add(node, _uri(SKOS.inScheme), self.scheme.iri)

        seen: dict[tuple[str, str], str] = {}
        for column, prop in (("pref_en", SKOS.prefLabel), ("pref_nl", SKOS.prefLabel), ("alt", SKOS.altLabel), ("hidden", SKOS.hiddenLabel)):
            if column.startswith("pref_"):
                text = row.get(column)
                if not text:
                    raise row.fail(f"missing prefLabel in column {column}; every entry needs an English and a Dutch name")
                pairs = [(text, column[-2:])]
            else:
                pairs = parse_labels(row.get(column), row.where)
            for text, lang in pairs:
                if (text, lang) in seen:
                    raise row.fail(f"label {text!r}@{lang} is both in {seen[(text, lang)]} and {column}; keep one")
                seen[(text, lang)] = column
                self._claim_label(row, key, text)
                self.add(node, _uri(prop), Literal(text, lang=lang))
        return node

    def _claim_label(self, row: Row, key: str, text: str) -> None:
        folded = " ".join(text.casefold().split())
        other = self.labels.get(folded)
        if other and other[0] != key and (self.scheme.name, folded) not in ALLOWED_SHARED_LABELS:
            raise row.fail(f"label {text!r} is also a label of {other[0]!r} ({other[1].where}); labels of one scheme must be unique")
        self.labels.setdefault(folded, (key, row))

    def choice(self, row: Row, column: str, allowed: Iterable[str]) -> str:
        value = row.get(column)
        allowed = sorted(allowed)
        if value not in allowed:
            raise row.fail(f"unknown {column} {value!r}; use one of {', '.join(allowed)}")
        return value

    def match(self, row: Row, column: str, pattern: re.Pattern[str], what: str) -> str:
        value = row.get(column)
        if value and not pattern.match(value):
            raise row.fail(f"bad {what} {value!r} in column {column}")
        return value

    def link_later(self, row: Row, node: URIRef, column: str, prop: URIRef) -> list[tuple[Row, URIRef, str, URIRef]]:
        return [(row, node, target, prop) for target in row.many(column)]

    def resolve(self, links: Iterable[tuple[Row, URIRef, str, URIRef]], column: str) -> None:
        for row, node, target, prop in links:
            if target not in self.ids:
                raise row.fail(f"{column} {target!r} is not an id in {self.scheme.source}; add that entry or fix the id")
            if self.scheme.entry_iri(target) == node:
                raise row.fail(f"{column} {target!r} points at the entry itself")
            self.add(node, prop, self.scheme.entry_iri(target))

    def finish(self) -> set[Triple]:
        """Add the scheme node and its top concepts (entries without skos:broader)."""
        s = self.scheme
        self.add(s.iri, _uri(RDF.type), _uri(SKOS.ConceptScheme))
        self.add(s.iri, _uri(SKOS.prefLabel), Literal(s.label_en, lang="en"))
        self.add(s.iri, _uri(SKOS.prefLabel), Literal(s.label_nl, lang="nl"))
        narrower = {t[0] for t in self.triples if t[1] == _uri(SKOS.broader)}
        for key in self.ids:
            node = s.entry_iri(key)
            if node not in narrower:
                self.add(s.iri, _uri(SKOS.hasTopConcept), node)
                self.add(node, _uri(SKOS.topConceptOf), s.iri)
        return self.triples


def _uri(term: object) -> URIRef:
    """An rdflib URIRef from a policykg namespace term (a pyoxigraph NamedNode)."""
    return URIRef(term.value)  # type: ignore[attr-defined]


def _key(row: Row, column: str = "id") -> str:
    key = row.get(column)
    if not SLUG_RE.match(key):
        raise row.fail(f"bad {column} {key!r}; ids are slugs of [a-z0-9] words joined by '-'")
    return key


def _exact(b: _Builder, node: URIRef, row: Row, *, wikidata: bool = True, op: str | None = None) -> None:
    if wikidata and (qid := b.match(row, "wikidata", QID_RE, "Wikidata id")):
        b.add(node, _uri(SKOS.exactMatch), URIRef(WIKIDATA_IRI + qid))
    if op:
        b.add(node, _uri(SKOS.exactMatch), URIRef(OP_AUTHORITY_IRI + op))


def _institutions(b: _Builder, rows: Sequence[Row], _: dict[str, str]) -> None:
    links = []
    for row in rows:
        b.choice(row, "kind", INSTITUTION_KINDS)
        node = b.entry(row, _key(row), (_uri(PK.Institution), _uri(ORG.Organization)))
        code = b.match(row, "op_code", OP_CODE_RE, "Publications Office corporate-body code")
        _exact(b, node, row, op=f"corporate-body/{code}" if code else None)
        links += b.link_later(row, node, "part_of", _uri(ORG.subOrganizationOf))
    b.resolve(links, "part_of")


def _programmes(b: _Builder, rows: Sequence[Row], _: dict[str, str]) -> None:
    links = []
    for row in rows:
        cls = b.choice(row, "class", PROGRAMME_TABLE_CLASSES)
        node = b.entry(row, _key(row), (_uri(PK[cls]),))
        _exact(b, node, row)
        links += b.link_later(row, node, "part_of", _uri(DCTERMS.isPartOf))
    b.resolve(links, "part_of")


def _sectors(b: _Builder, rows: Sequence[Row], _: dict[str, str]) -> None:
    links = []
    for row in rows:
        kind = b.choice(row, "kind", SECTOR_KINDS)
        node = b.entry(row, _key(row), (_uri(PK.Sector),))
        if kind == "sector" and not row.many("broader"):
            raise row.fail("a finer sector needs a broader sector or ecosystem in column broader")
        if kind != "sector" and row.many("broader"):
            raise row.fail(f"a {kind} is a top concept and takes no broader")
        links += b.link_later(row, node, "broader", _uri(SKOS.broader))
    b.resolve(links, "broader")


def _member_states(b: _Builder, rows: Sequence[Row], _: dict[str, str]) -> None:
    for row in rows:
        key = row.get("id")
        if not re.match(r"^[a-z]{2}$", key):
            raise row.fail(f"bad id {key!r}; use the ISO 3166-1 alpha-2 code in lower case")
        node = b.entry(row, key, (_uri(PK.MemberState),))
        alpha3 = row.get("alpha3")
        if not re.match(r"^[A-Z]{3}$", alpha3):
            raise row.fail(f"bad alpha3 {alpha3!r}; use the ISO 3166-1 alpha-3 code in upper case")
        _exact(b, node, row, op=f"country/{alpha3}")


def _instrument_types(b: _Builder, rows: Sequence[Row], _: dict[str, str]) -> None:
    letters: dict[str, Row] = {}
    for row in rows:
        cls = b.choice(row, "instrument_class", INSTRUMENT_CLASSES)
        node = b.entry(row, _key(row), (_uri(PK.InstrumentType),))
        b.add(node, _uri(PK.instrumentClass), _uri(PK[cls]))
        letter = row.get("celex_letter")
        if letter:
            if letter not in {"R", "L", "D", "H", "DC", "PC", "SC"}:
                raise row.fail(f"unknown celex_letter {letter!r}; use one of D, DC, H, L, PC, R, SC or leave it empty")
            if letter in letters:
                raise row.fail(f"celex_letter {letter!r} is also given at {letters[letter].where}")
            letters[letter] = row
            b.add(node, _uri(PK.celexTypeLetter), Literal(letter))


def _instruments(b: _Builder, rows: Sequence[Row], letter_class: dict[str, str]) -> None:
    for row in rows:
        celex = row.get("celex")
        match = CELEX_RE.match(celex)
        if not match:
            raise row.fail(f"bad celex {celex!r}; write it like 32016R0679")
        cls = letter_class.get(match["type"])
        if cls is None:
            raise row.fail(f"no instrument type has CELEX letter {match['type']!r}; add it to instrument_types.csv")
        node = b.entry(row, celex, (_uri(PK[cls]),))
        b.add(node, _uri(PK.celex), Literal(celex))
        b.add(node, _uri(SKOS.exactMatch), URIRef(CELEX_IRI + celex))
        if eli := celex_to_eli(celex):
            b.add(node, _uri(SKOS.exactMatch), URIRef(eli))


_BUILDERS: dict[str, Callable[[_Builder, Sequence[Row], dict[str, str]], None]] = {
    "instrument-types": _instrument_types,
    "institutions": _institutions,
    "programmes": _programmes,
    "sectors": _sectors,
    "member-states": _member_states,
    "instruments": _instruments,
}


def _letter_classes(sources: Path) -> dict[str, str]:
    """CELEX type letter -> pk: class name, from instrument_types.csv."""
    scheme = SCHEMES["instrument-types"]
    return {
        row.get("celex_letter"): row.get("instrument_class")
        for row in read_rows(sources / scheme.source, scheme)
        if row.get("celex_letter")
    }


def build_graph(name: str, sources: Path) -> Graph:
    """The graph of one scheme (``name`` is a key of :data:`SCHEMES`) built from its CSV."""
    if name not in SCHEMES:
        raise OntologyError(f"unknown scheme {name!r}; use one of {', '.join(sorted(SCHEMES))}")
    scheme = SCHEMES[name]
    rows = read_rows(sources / scheme.source, scheme)
    builder = _Builder(scheme, rows)
    letters = _letter_classes(sources) if name == "instruments" else {}
    _BUILDERS[name](builder, rows, letters)
    graph = Graph(bind_namespaces="none")
    for prefix, iri in TURTLE_PREFIXES.items():
        graph.bind(prefix, iri)
    for triple in sorted(builder.finish(), key=lambda t: tuple(term.n3() for term in t)):
        graph.add(triple)
    return graph


def build_vocabularies(sources: Path) -> dict[str, bytes]:
    """Output file name -> Turtle bytes, for every scheme."""
    return {
        scheme.output: build_graph(name, sources).serialize(format="turtle", encoding="utf-8")
        for name, scheme in SCHEMES.items()
    }


def write_vocabularies(sources: Path, output: Path) -> list[Path]:
    """Regenerate the Turtle files; returns the files whose content changed."""
    output.mkdir(parents=True, exist_ok=True)
    changed = []
    for file_name, data in build_vocabularies(sources).items():
        path = output / file_name
        if not path.is_file() or path.read_bytes() != data:
            path.write_bytes(data)
            changed.append(path)
    return changed


def check_vocabularies(sources: Path, output: Path) -> list[Path]:
    """The committed Turtle files that differ from what the CSVs generate (missing ones included)."""
    return [
        output / file_name
        for file_name, data in build_vocabularies(sources).items()
        if not (output / file_name).is_file() or (output / file_name).read_bytes() != data
    ]


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: regenerate, or with --check compare. Exit 0 ok, 1 stale, 2 usage, 3 bad sources."""
    from .resources import ontology_dir

    parser = argparse.ArgumentParser(
        prog="python -m policykg.vocabbuild",
        description="Build ontology/vocabularies/*.ttl from ontology/sources/*.csv.",
        epilog="Exit codes: 0 ok; 1 --check found stale Turtle; 2 usage; 3 a bad source table.",
    )
    parser.add_argument("--sources", type=Path, help="folder with the CSV tables (default: ontology/sources)")
    parser.add_argument("--output", type=Path, help="folder for the Turtle files (default: ontology/vocabularies)")
    parser.add_argument("--check", action="store_true", help="do not write; exit 1 if the Turtle differs from the CSVs")
    args = parser.parse_args(argv)
    try:
        sources = args.sources or ontology_dir() / "sources"
        output = args.output or ontology_dir() / "vocabularies"
        if args.check:
            stale = check_vocabularies(sources, output)
            for path in stale:
                print(f"{path}: differs from its CSV source; run python -m policykg.vocabbuild", file=sys.stderr)
            return 1 if stale else 0
        for path in write_vocabularies(sources, output):
            print(f"wrote {path}")
    except OntologyError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    return 0


if __name__ == "__main__":
    sys.exit(main())
