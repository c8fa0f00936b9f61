"""Prepared queries: ``queries/NAME.rq`` files with a grlc-style ``#+`` header.

A header declares what the query answers and which parameters it takes::

    #+ summary: What did an institution adopt or propose?
    #+ description: Instruments that an institution adopted or proposed, newest first.
    #+   (indented lines continue the description)
    #+ params:
    #+   - institution: {type: iri, default: "pkr:institution/european-commission", example: "pkr:institution/council", description: "the institution"}
    #+ columns: [instrument, label, relation, item, date, institution]

Parameters are bound as typed RDF terms through pyoxigraph's ``substitutions``,
never pasted into the query text. pyoxigraph 0.5 substitutes only variables of the
SELECT projection, so each parameter is also a result column (its value repeats on
every row); the loader checks this, and that ``columns`` is exactly the projection.
A parameter without a default is required.
"""

from __future__ import annotations

import datetime as dt
import re
import shlex
import textwrap
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Union

from pyoxigraph import Literal, NamedNode, QuerySolutions, Store, Variable

from .errors import QueryError
from .namespaces import PREFIXES, XSD
from .resources import queries_dir

__all__ = [
    "PARAM_TYPES",
    "Param",
    "PreparedQuery",
    "bind",
    "describe_query",
    "list_queries",
    "load_query",
    "parse_query_file",
    "render_query_docs",
    "run_query",
    "to_term",
]

Term = Union[NamedNode, Literal]


# ---------------------------------------------------------------------------- parameter types


class _BadValue(ValueError):
    """A parameter value that does not fit its type; the message says why."""


_PN_LOCAL_ESCAPE = re.compile(r"\\([_~.\-!$&'()*+,;=/?#@%])")
_PREFIXED = re.compile(r"^([A-Za-z][A-Za-z0-9_.-]*):(.*)$", re.S)
_NOT_IN_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def _to_iri(value: str) -> NamedNode:
    text = value.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    match = _PREFIXED.match(text)
    if match is None:
        raise _BadValue("not an IRI or prefixed name")
    prefix, local = match.groups()
    if prefix in PREFIXES:
        iri = PREFIXES[prefix] + _PN_LOCAL_ESCAPE.sub(r"\1", local)
    elif local.startswith("//") or prefix in ("urn", "mailto", "tag"):
        iri = text
    else:
        raise _BadValue(f"unknown prefix {prefix}:; known prefixes: {', '.join(sorted(PREFIXES))}")
    bad = _NOT_IN_IRI.search(iri)
    if bad:
        raise _BadValue(f"{bad.group()!r} cannot occur in an IRI")
    try:
        return NamedNode(iri)
    except ValueError as error:
        raise _BadValue(str(error)) from None


def _to_string(value: str) -> Literal:
    return Literal(value)


def _to_date(value: str) -> Literal:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        raise _BadValue("not a date in the form YYYY-MM-DD")
    try:
        dt.date.fromisoformat(value.strip())
    except ValueError as error:
        raise _BadValue(str(error)) from None
    return Literal(value.strip(), datatype=XSD.date)


def _to_integer(value: str) -> Literal:
    if not re.fullmatch(r"[+-]?\d+", value.strip()):
        raise _BadValue("not a whole number")
    return Literal(str(int(value.strip())), datatype=XSD.integer)


def _to_lang(value: str) -> Literal:
    if not re.fullmatch(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*", value.strip()):
        raise _BadValue("not a language tag such as en, nl or en-GB")
    return Literal(value.strip().lower())


@dataclass(frozen=True)
class _ParamType:
    convert: Callable[[str], Term]
    what: str


#: Parameter type -> converter from text to an RDF term, and what the value should look like.
#: ``lang`` becomes a plain literal holding the tag, the form that ``lang()`` returns and
#: ``langMatches`` takes.
PARAM_TYPES: Mapping[str, _ParamType] = {
    "iri": _ParamType(_to_iri, "an IRI or prefixed name"),
    "string": _ParamType(_to_string, "text"),
    "date": _ParamType(_to_date, "a date YYYY-MM-DD"),
    "integer": _ParamType(_to_integer, "a whole number"),
    "lang": _ParamType(_to_lang, "a language tag"),
}


def to_term(type_name: str, value: str) -> Term:
    """Convert a parameter value to the RDF term of ``type_name``; ``ValueError`` says why not.

    >>> to_term("iri", "pkr:celex/32021R1173").value
    'https://w3id.org/policykg/id/celex/32021R1173'
    >>> to_term("date", "2024-01-24")
    <Literal value=2024-01-24 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#date>>
    """
    return PARAM_TYPES[type_name].convert(value)


# ---------------------------------------------------------------------------- records


@dataclass(frozen=True)
class Param:
    """A declared query parameter; ``required`` is true when it has no default."""

    name: str
    type: str
    default: str | None
    example: str
    description: str
    required: bool


@dataclass(frozen=True)
class PreparedQuery:
    """A parsed ``.rq`` file: ``title`` is the header's summary, ``sparql`` the whole file text."""

    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    columns: tuple[str, ...]
    sparql: str
    path: Path

    def param(self, name: str) -> Param:
        for param in self.params:
            if param.name == name:
                return param
        raise KeyError(name)


# ---------------------------------------------------------------------------- header parser

_HEADER_KEYS = ("summary", "description", "params", "columns")
_PARAM_KEYS = ("type", "default", "example", "description")
_KEY_LINE = re.compile(r"^([A-Za-z_][\w-]*):\s*(.*)$")
_PARAM_LINE = re.compile(r"^-\s*([^:\s]+)\s*:\s*(\{.*\})\s*$")
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _unquote(text: str) -> str:
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        return re.sub(r"\\(.)", r"\1", text[1:-1])
    return text


def _split_flow(body: str) -> list[str]:
    """Split the inside of ``{...}`` or ``[...]`` on commas outside quotes."""
    parts, current, quote, escaped = [], [], "", False
    for char in body:
        if escaped:
            current.append(char)
            escaped = False
        elif char == "\\" and quote:
            current.append(char)
            escaped = True
        elif quote:
            current.append(char)
            if char == quote:
                quote = ""
        elif char in "\"'":
            current.append(char)
            quote = char
        elif char == ",":
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    if quote:
        raise ValueError("unclosed quote")
    parts.append("".join(current).strip())
    return [part for part in parts if part] if len(parts) > 1 or parts[0] else []


def _flow_list(text: str) -> list[str]:
    """``[a, b, "c"]`` -> ``['a', 'b', 'c']``."""
    text = text.strip()
    if not (text.startswith("[") and text.endswith("]")):
        raise ValueError("expected a list like [a, b, c]")
    return [_unquote(part) for part in _split_flow(text[1:-1])]


def _flow_mapping(text: str) -> dict[str, str]:
    """``{type: iri, default: "x"}`` -> ``{'type': 'iri', 'default': 'x'}``."""
    text = text.strip()
    if not (text.startswith("{") and text.endswith("}")):
        raise ValueError("expected a mapping like {type: iri, example: \"...\"}")
    mapping: dict[str, str] = {}
    for part in _split_flow(text[1:-1]):
        key, colon, value = part.partition(":")
        key = key.strip()
        if not colon or not key:
            raise ValueError(f"expected key: value, got {part!r}")
        if key in mapping:
            raise ValueError(f"{key!r} is given twice")
        mapping[key] = _unquote(value)
    return mapping


def _read_header(text: str, where: str) -> tuple[dict[str, str], list[tuple[int, str]]]:
    """Scalars (summary, description, columns) and param lines, from the leading ``#+`` lines."""
    scalars: dict[str, str] = {}
    param_lines: list[tuple[int, str]] = []
    current: str | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.startswith("#+"):
            break
        content = raw[2:].removeprefix(" ").rstrip()
        if not content.strip():
            continue
        if not content.startswith(" "):
            match = _KEY_LINE.match(content)
            if match is None:
                raise QueryError("expected 'key: value' in the #+ header", where=f"{where}:{number}")
            current, value = match.groups()
            if current not in _HEADER_KEYS:
                raise QueryError(
                    f"unknown header key {current!r}; valid keys: {', '.join(_HEADER_KEYS)}",
                    where=f"{where}:{number}",
                )
            if current in scalars or (current == "params" and param_lines):
                raise QueryError(f"header key {current!r} is given twice", where=f"{where}:{number}")
            if current == "params":
                if value.strip() not in ("", "[]"):
                    raise QueryError(
                        "put each parameter on its own '#+   - name: {...}' line", where=f"{where}:{number}"
                    )
                scalars["params"] = ""
            else:
                scalars[current] = value.strip()
        elif current == "params":
            param_lines.append((number, content.strip()))
        elif current in ("summary", "description"):
            scalars[current] = f"{scalars[current]} {content.strip()}".strip()
        else:
            raise QueryError(f"unexpected indented line under {current!r}", where=f"{where}:{number}")
    return scalars, param_lines


def _parse_param(number: int, line: str, where: str) -> Param:
    at = f"{where}:{number}"
    match = _PARAM_LINE.match(line)
    if match is None:
        raise QueryError("expected '- name: {type: ..., example: ..., description: ...}'", where=at)
    name, body = match.groups()
    if not _NAME.match(name):
        raise QueryError(f"parameter name {name!r} is not a SPARQL variable name", where=at)
    try:
        fields = _flow_mapping(body)
    except ValueError as error:
        raise QueryError(f"parameter {name!r}: {error}", where=at) from None
    unknown = sorted(set(fields) - set(_PARAM_KEYS))
    if unknown:
        raise QueryError(f"parameter {name!r}: unknown field {unknown[0]!r}; valid: {', '.join(_PARAM_KEYS)}", where=at)
    type_name = fields.get("type")
    if type_name not in PARAM_TYPES:
        raise QueryError(f"parameter {name!r}: type must be one of {', '.join(PARAM_TYPES)}", where=at)
    if not fields.get("description"):
        raise QueryError(f"parameter {name!r} has no description", where=at)
    default = fields.get("default")
    example = fields.get("example", default)
    if example is None:
        raise QueryError(f"parameter {name!r} needs an example (or a default)", where=at)
    for field in ("default", "example"):
        if fields.get(field) is not None:
            try:
                to_term(type_name, fields[field])
            except ValueError as error:
                what = PARAM_TYPES[type_name].what
                raise QueryError(f"parameter {name!r}: {field} {fields[field]!r} is not {what}: {error}", where=at) from None
    return Param(name, type_name, default, example, fields["description"], default is None)


def parse_query_file(path: str | Path) -> PreparedQuery:
    """Parse and check one ``.rq`` file; :class:`QueryError` names the file (and line) on any problem.

    Checks: summary, description and columns are present; each parameter is well
    formed and its default and example fit its type; the SPARQL parses; it is a
    SELECT whose projection is exactly ``columns``; and every parameter is a
    projected variable (the only ones pyoxigraph binds).
    """
    path = Path(path)
    where = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise QueryError(f"cannot read the query: {error}", where=where) from None
    scalars, param_lines = _read_header(text, where)
    for key in ("summary", "description", "columns"):
        if not scalars.get(key):
            raise QueryError(f"the #+ header has no {key}; add '#+ {key}: ...'", where=where)
    try:
        columns = tuple(_flow_list(scalars["columns"]))
    except ValueError as error:
        raise QueryError(f"columns: {error}", where=where) from None
    if not columns:
        raise QueryError("the #+ header has no columns; list them as '#+ columns: [a, b]'", where=where)
    params = tuple(_parse_param(number, line, where) for number, line in param_lines)
    names = [param.name for param in params]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise QueryError(f"parameter {duplicates[0]!r} is declared twice", where=where)
    for param in params:
        if not re.search(rf"[?$]{param.name}\b", text):
            raise QueryError(
                f"parameter {param.name!r} is declared but ?{param.name} does not occur in the query", where=where
            )
    query = PreparedQuery(
        name=path.stem,
        title=scalars["summary"],
        description=scalars["description"],
        params=params,
        columns=columns,
        sparql=text,
        path=path,
    )
    _check_projection(query, where)
    return query


def _check_projection(query: PreparedQuery, where: str) -> None:
    """Prepare the query on an empty store: syntax, SELECT, projection == columns, params projected."""
    empty = Store()
    try:
        result = empty.query(query.sparql, use_default_graph_as_union=True)
    except SyntaxError as error:
        raise QueryError(f"invalid SPARQL: {error}", where=where) from None
    except (RuntimeError, ValueError, OSError) as error:
        raise QueryError(f"cannot prepare the query: {error}", where=where) from None
    if not isinstance(result, QuerySolutions):
        raise QueryError("a prepared query must be a SELECT query", where=where)
    projected = tuple(variable.value for variable in result.variables)
    for param in query.params:
        if param.name not in projected:
            raise QueryError(
                f"parameter ?{param.name} must be selected (pyoxigraph binds only projected variables); "
                f"add ?{param.name} to SELECT and to columns",
                where=where,
            )
    if projected != query.columns:
        raise QueryError(
            f"columns [{', '.join(query.columns)}] do not match the SELECT projection [{', '.join(projected)}]",
            where=where,
        )
    substitutions = {Variable(p.name): to_term(p.type, p.example) for p in query.params}
    try:
        list(empty.query(query.sparql, substitutions=substitutions, use_default_graph_as_union=True))
    except (SyntaxError, RuntimeError, ValueError, OSError) as error:
        raise QueryError(f"cannot bind the parameters: {error}", where=where) from None


# ---------------------------------------------------------------------------- lookup


def list_queries() -> list[PreparedQuery]:
    """All prepared queries shipped with policykg, sorted by name."""
    return [parse_query_file(path) for path in sorted(queries_dir().glob("*.rq"), key=lambda path: path.stem)]


def load_query(name: str) -> PreparedQuery:
    """The prepared query ``queries/NAME.rq``; :class:`QueryError` lists the names when there is none."""
    path = queries_dir() / f"{name}.rq"
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]*", name) or not path.is_file():
        available = ", ".join(sorted(p.stem for p in queries_dir().glob("*.rq")))
        raise QueryError(f"no prepared query {name!r}; available: {available}")
    return parse_query_file(path)


# ---------------------------------------------------------------------------- binding and running


def _hint(param: Param) -> str:
    return f"{PARAM_TYPES[param.type].what}, e.g. {param.name}={param.example}"


def bind(query: PreparedQuery, values: Mapping[str, object] | None = None) -> dict[Variable, Term]:
    """Typed RDF terms for the query's parameters, for pyoxigraph's ``substitutions``.

    Missing values take the declared default. :class:`QueryError` names the
    parameter for an unknown name, a missing required value or a mistyped value.
    """
    values = dict(values or {})
    declared = {param.name for param in query.params}
    for name in values:
        if name not in declared:
            valid = ", ".join(p.name for p in query.params) or "none"
            raise QueryError(f"unknown parameter {name!r}; its parameters: {valid}", where=f"query {query.name}")
    bound: dict[Variable, Term] = {}
    for param in query.params:
        value = values.get(param.name, param.default)
        if value is None:
            raise QueryError(f"missing parameter {param.name!r}: give {_hint(param)}", where=f"query {query.name}")
        if isinstance(value, (int, dt.date)) and not isinstance(value, bool):
            value = value.isoformat() if isinstance(value, dt.date) else str(value)
        if not isinstance(value, str):
            raise QueryError(
                f"parameter {param.name!r} takes text, not {type(value).__name__}: give {_hint(param)}",
                where=f"query {query.name}",
            )
        try:
            bound[Variable(param.name)] = to_term(param.type, value)
        except ValueError as error:
            shown = value if len(value) <= 60 else value[:57] + "..."
            raise QueryError(
                f"parameter {param.name!r} got {shown!r}, which is not {PARAM_TYPES[param.type].what} ({error}); "
                f"give {_hint(param)}",
                where=f"query {query.name}",
            ) from None
    return bound


def run_query(
    store: Store, query: PreparedQuery | str, values: Mapping[str, object] | None = None
) -> QuerySolutions:
    """Run a prepared query (or the one called ``query``) over the union of the store's graphs.

    Parameters are bound only through ``substitutions``; the results stream lazily.
    """
    if isinstance(query, str):
        query = load_query(query)
    substitutions = bind(query, values)
    try:
        result = store.query(query.sparql, substitutions=substitutions, use_default_graph_as_union=True)
    except SyntaxError as error:
        raise QueryError(f"invalid SPARQL: {error}", where=str(query.path)) from None
    except (RuntimeError, ValueError, OSError) as error:
        raise QueryError(f"cannot run the query: {error}", where=f"query {query.name}") from None
    if not isinstance(result, QuerySolutions):
        raise QueryError("a prepared query must be a SELECT query", where=str(query.path))
    return result


# ---------------------------------------------------------------------------- documentation

_DOCS_INTRO = """\
# Prepared queries

Generated from the `#+` headers of the `.rq` files by `policykg.queries.render_query_docs()`;
do not edit by hand. Regenerate with `python -m policykg.queries --write-docs`.

Run a query with `policykg query NAME --param key=value` (repeat `--param` for each
parameter; parameters with a default may be left out). Parameters are bound as typed RDF
terms, never pasted into the query text, and each one is also a result column.
Parameter types: {types}.
"""


def _example_command(query: PreparedQuery) -> str:
    """``policykg query NAME --param k=v ...`` with every parameter's example value."""
    parts = ["policykg", "query", query.name]
    for param in query.params:
        parts += ["--param", shlex.quote(f"{param.name}={param.example}")]
    return " ".join(parts)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _query_section(query: PreparedQuery) -> str:
    lines = [f"## {query.name}", "", f"**{query.title}**", "", query.description, ""]
    if query.params:
        lines += ["| parameter | type | default | example | description |", "|---|---|---|---|---|"]
        for p in query.params:
            default = f"`{p.default}`" if p.default is not None else "*required*"
            lines.append(
                f"| `{p.name}` | {p.type} | {_cell(default)} | `{_cell(p.example)}` | {_cell(p.description)} |"
            )
    else:
        lines.append("No parameters.")
    lines += ["", "Columns: " + ", ".join(f"`{c}`" for c in query.columns), ""]
    lines += ["```sh", _example_command(query), "```", ""]
    return "\n".join(lines)


def render_query_docs(queries: list[PreparedQuery] | None = None) -> str:
    """``queries/README.md``: an index and one section per prepared query, from the headers."""
    queries = list_queries() if queries is None else queries
    types = ", ".join(f"`{name}` ({spec.what})" for name, spec in PARAM_TYPES.items())
    parts = [_DOCS_INTRO.format(types=types)]
    parts.append("| query | question |\n|---|---|\n" + "".join(f"| [{q.name}](#{q.name}) | {_cell(q.title)} |\n" for q in queries))
    parts += [_query_section(query) for query in queries]
    return "\n".join(parts).rstrip("\n") + "\n"


def describe_query(query: PreparedQuery) -> str:
    """The full help text of one query: title, description, parameters, columns and an example.

    >>> print(describe_query(load_query("stats-by-class")).splitlines()[0])
    stats-by-class: How many entities of each class?
    """
    width = max((len(p.name) for p in query.params), default=0)
    lines = [f"{query.name}: {query.title}", "", *textwrap.wrap(query.description, 88), ""]
    if query.params:
        lines.append("Parameters:")
        for p in query.params:
            default = "required" if p.default is None else f"default {p.default}"
            lines.append(f"  {p.name.ljust(width)}  {p.type}, {default}; e.g. {p.example}")
            lines += textwrap.wrap(p.description, 84, initial_indent=" " * (width + 4), subsequent_indent=" " * (width + 4))
    else:
        lines.append("Parameters: none")
    lines += ["", "Columns: " + ", ".join(query.columns), "", "Example:", "  " + _example_command(query)]
    return "\n".join(lines) + "\n"


def docs_path() -> Path:
    """Where the generated query documentation lives: ``queries/README.md``."""
    return queries_dir() / "README.md"


def _main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m policykg.queries", description="Prepared query documentation.")
    parser.add_argument("--write-docs", action="store_true", help=f"regenerate {docs_path()}")
    parser.add_argument("--check-docs", action="store_true", help="exit 1 when the README is out of date")
    args = parser.parse_args(argv)
    text = render_query_docs()
    if args.write_docs:
        docs_path().write_text(text, encoding="utf-8")
        return 0
    if args.check_docs:
        current = docs_path().read_text(encoding="utf-8") if docs_path().is_file() else ""
        return 0 if current == text else 1
    parser.print_help()
    return 2


if __name__ == "__main__":
    raise SystemExit(_main())
