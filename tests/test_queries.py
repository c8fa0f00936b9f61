"""Prepared queries: header parsing, binding, and the exact rows each query returns on the fixture."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from policykg.errors import QueryError
from policykg.formats import term_text
from policykg.queries import (
    PARAM_TYPES,
    Param,
    PreparedQuery,
    bind,
    list_queries,
    load_query,
    parse_query_file,
    run_query,
)
from policykg.resources import queries_dir

FIXTURE = Path(__file__).parent / "fixtures" / "sample-graph.trig"
QUERY_FILES = sorted(queries_dir().glob("*.rq"))
PKR = "https://w3id.org/policykg/id/"


@pytest.fixture
def store() -> ox.Store:
    store = ox.Store()
    store.load(path=str(FIXTURE), format=ox.RdfFormat.TRIG)
    return store


def rows(solutions: ox.QuerySolutions) -> list[dict[str, str]]:
    """Results as plain dicts: prefixed IRIs, lexical values of literals, "" when unbound."""
    names = [variable.value for variable in solutions.variables]
    return [{name: term_text(solution[name]) for name in names} for solution in solutions]


# ---------------------------------------------------------------------------- every file


def test_the_expected_queries_ship() -> None:
    names = {path.stem for path in QUERY_FILES}
    assert {
        "adopted-or-proposed-by",
        "programme-funding",
        "sectors-targeted",
        "amendments-of",
        "news-mentioning",
        "stats-by-class",
        "relations-of",
    } <= names
    assert [q.name for q in list_queries()] == sorted(names)


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.stem)
def test_every_query_file_parses_and_declares_its_params(path: Path) -> None:
    query = parse_query_file(path)
    assert query.name == path.stem and query.path == path
    assert query.title and query.description
    assert query.columns
    text = path.read_text(encoding="utf-8")
    assert text.startswith("#+ summary:")
    for param in query.params:
        assert param.type in PARAM_TYPES
        assert param.description and param.example
        assert f"?{param.name}" in text
        assert param.name in query.columns  # pyoxigraph binds only projected variables
        assert param.required == (param.default is None)
    # Valid standalone SPARQL: parses without any prefixes supplied from outside.
    substitutions = {ox.Variable(p.name): t for p, t in zip(query.params, bind(query, {p.name: p.example for p in query.params}).values())}
    result = ox.Store().query(text, substitutions=substitutions)
    assert [v.value for v in result.variables] == list(query.columns)


def test_load_query_by_name() -> None:
    query = load_query("adopted-or-proposed-by")
    assert query.title == "What did an institution adopt or propose?"
    assert query.param("institution") == Param(
        "institution",
        "iri",
        "pkr:institution/european-commission",
        "pkr:institution/council",
        "the institution",
        False,
    )


@pytest.mark.parametrize("name", ["no-such-query", "../pyproject", ""])
def test_load_query_unknown_name_lists_the_available(name: str) -> None:
    with pytest.raises(QueryError, match="available: .*adopted-or-proposed-by"):
        load_query(name)


# ---------------------------------------------------------------------------- exact rows

EC = "pkr:institution/european-commission"
AI_COMMUNICATION = "mededeling over start-ups en innovatie op het gebied van AI"

CASES = [
    (
        "adopted-or-proposed-by",
        {},
        [
            {"instrument": "pkr:celex/52024PC0029", "label": "COM(2024) 29", "relation": "pk:proposedBy",
             "item": "pkn:sciencebusiness-ai-factories-2024-02-01", "date": "2024-02-01", "institution": EC, "lang": "en"},
            {"instrument": "pkr:celex/52024DC0028", "label": AI_COMMUNICATION, "relation": "pk:adoptedBy",
             "item": "pkn:ecer-ai-innovatiepakket-2024-01-24", "date": "2024-01-24", "institution": EC, "lang": "en"},
            {"instrument": "pkr:celex/52024PC0029", "label": "COM(2024) 29", "relation": "pk:proposedBy",
             "item": "pkn:ecer-ai-innovatiepakket-2024-01-24", "date": "2024-01-24", "institution": EC, "lang": "en"},
        ],
    ),
    (
        "adopted-or-proposed-by",
        {"institution": "pkr:institution/council", "lang": "nl"},
        [
            {"instrument": "pkr:celex/32024R1732", "label": "Regulation (EU) 2024/1732", "relation": "pk:adoptedBy",
             "item": "pkn:council-ai-factories-adopted-2024-06-17", "date": "2024-06-17",
             "institution": "pkr:institution/council", "lang": "nl"},
        ],
    ),
    ("adopted-or-proposed-by", {"institution": "pkr:institution/european-parliament"}, []),
    (
        "programme-funding",
        {},
        [
            {"programme": "pkr:programme/digital-europe", "programmeLabel": "Digital Europe Programme",
             "funded": "pkr:institution/eurohpc-ju", "fundedLabel": "EuroHPC Joint Undertaking", "items": "2", "lang": "en"},
            {"programme": "pkr:programme/digital-europe", "programmeLabel": "Digital Europe Programme",
             "funded": "pkr:celex/52024DC0028", "fundedLabel": AI_COMMUNICATION, "items": "1", "lang": "en"},
            {"programme": "pkr:programme/horizon-europe", "programmeLabel": "Horizon Europe",
             "funded": "pkr:institution/eurohpc-ju", "fundedLabel": "EuroHPC Joint Undertaking", "items": "1", "lang": "en"},
            {"programme": "pkr:programme/horizon-europe", "programmeLabel": "Horizon Europe",
             "funded": "pkr:celex/52024DC0028", "fundedLabel": AI_COMMUNICATION, "items": "2", "lang": "en"},
        ],
    ),
    (
        "programme-funding",
        {"lang": "nl"},
        [
            {"programme": "pkr:programme/horizon-europe", "programmeLabel": "Horizon Europa",
             "funded": "pkr:institution/eurohpc-ju", "fundedLabel": "Gemeenschappelijke Onderneming EuroHPC", "items": "1", "lang": "nl"},
            {"programme": "pkr:programme/horizon-europe", "programmeLabel": "Horizon Europa",
             "funded": "pkr:celex/52024DC0028", "fundedLabel": AI_COMMUNICATION, "items": "2", "lang": "nl"},
            {"programme": "pkr:programme/digital-europe", "programmeLabel": "programma Digitaal Europa",
             "funded": "pkr:institution/eurohpc-ju", "fundedLabel": "Gemeenschappelijke Onderneming EuroHPC", "items": "2", "lang": "nl"},
            {"programme": "pkr:programme/digital-europe", "programmeLabel": "programma Digitaal Europa",
             "funded": "pkr:celex/52024DC0028", "fundedLabel": AI_COMMUNICATION, "items": "1", "lang": "nl"},
        ],
    ),
    (
        "sectors-targeted",
        {"entity": "pkr:celex/52024DC0028"},
        [
            {"sector": "pkr:sector/robotics", "label": "robotics", "items": "2", "entity": "pkr:celex/52024DC0028", "lang": "en"},
            {"sector": "pkr:sector/health", "label": "health", "items": "1", "entity": "pkr:celex/52024DC0028", "lang": "en"},
        ],
    ),
    ("sectors-targeted", {"entity": "pkr:programme/horizon-europe"}, []),
    (
        "amendments-of",
        {"instrument": "pkr:celex/32021R1173"},
        [
            {"amending": "pkr:celex/32024R1732", "label": "Regulation (EU) 2024/1732", "relation": "pk:amends",
             "items": "1", "latest": "2024-06-17", "instrument": "pkr:celex/32021R1173", "lang": "en"},
            {"amending": "pkr:celex/52024PC0029", "label": "COM(2024) 29", "relation": "pk:amends",
             "items": "2", "latest": "2024-02-01", "instrument": "pkr:celex/32021R1173", "lang": "en"},
        ],
    ),
    (
        "amendments-of",
        {"instrument": "https://w3id.org/policykg/id/celex/32018R1488"},
        [
            {"amending": "pkr:celex/32021R1173", "label": "EuroHPC Regulation", "relation": "pk:repeals",
             "items": "1", "latest": "2024-06-17", "instrument": "pkr:celex/32018R1488", "lang": "en"},
        ],
    ),
    (
        "news-mentioning",
        {"entity": "pkr:programme/horizon-europe"},
        [
            {"item": "pkn:council-ai-factories-adopted-2024-06-17",
             "headline": "AI factories: Council adopts amendment to the EuroHPC Regulation",
             "date": "2024-06-17", "source": "Council of the EU", "entity": "pkr:programme/horizon-europe"},
            {"item": "pkn:sciencebusiness-ai-factories-2024-02-01",
             "headline": "Commission wants EuroHPC supercomputers to power AI start-ups",
             "date": "2024-02-01", "source": "Science|Business", "entity": "pkr:programme/horizon-europe"},
            {"item": "pkn:ecer-ai-innovatiepakket-2024-01-24",
             "headline": "Europese Commissie presenteert AI-innovatiepakket voor start-ups",
             "date": "2024-01-24", "source": "ECER", "entity": "pkr:programme/horizon-europe"},
        ],
    ),
    (
        "news-mentioning",
        {"entity": "pkr:sector/health"},
        [
            {"item": "pkn:sciencebusiness-ai-factories-2024-02-01",
             "headline": "Commission wants EuroHPC supercomputers to power AI start-ups",
             "date": "2024-02-01", "source": "Science|Business", "entity": "pkr:sector/health"},
        ],
    ),
    (
        "stats-by-class",
        {},
        [
            {"class": "pk:Institution", "entities": "4"},
            {"class": "pk:Mention", "entities": "4"},
            {"class": "pk:Regulation", "entities": "4"},
            {"class": "pk:NewsItem", "entities": "3"},
            {"class": "pk:Sector", "entities": "3"},
            {"class": "pk:Programme", "entities": "2"},
            {"class": "pk:Communication", "entities": "1"},
            {"class": "pk:InstrumentType", "entities": "1"},
            {"class": "pk:Proposal", "entities": "1"},
        ],
    ),
    (
        "relations-of",
        {"entity": "pkr:celex/32021R1173"},
        [
            {"direction": "out", "relation": "pk:establishes", "other": "pkr:institution/eurohpc-ju",
             "label": "EuroHPC Joint Undertaking", "items": "1", "entity": "pkr:celex/32021R1173", "lang": "en"},
            {"direction": "out", "relation": "pk:repeals", "other": "pkr:celex/32018R1488",
             "label": "Regulation (EU) 2018/1488", "items": "1", "entity": "pkr:celex/32021R1173", "lang": "en"},
            {"direction": "in", "relation": "pk:amends", "other": "pkr:celex/32024R1732",
             "label": "Regulation (EU) 2024/1732", "items": "1", "entity": "pkr:celex/32021R1173", "lang": "en"},
            {"direction": "in", "relation": "pk:amends", "other": "pkr:celex/52024PC0029",
             "label": "COM(2024) 29", "items": "2", "entity": "pkr:celex/32021R1173", "lang": "en"},
        ],
    ),
    (
        "find-entity",
        {"text": "eurohpc"},
        [
            {"entity": "pkr:celex/32021R1173", "label": "EuroHPC Regulation", "class": "pk:Regulation",
             "text": "eurohpc", "lang": "en"},
            {"entity": "pkr:institution/eurohpc-ju", "label": "EuroHPC Joint Undertaking", "class": "pk:Institution",
             "text": "eurohpc", "lang": "en"},
        ],
    ),
    (
        "find-entity",
        {"text": "Commissie", "lang": "nl"},
        [
            {"entity": EC, "label": "Europese Commissie", "class": "pk:Institution", "text": "Commissie", "lang": "nl"},
        ],
    ),
    (
        "news-since",
        {"since": "2024-02-01"},
        [
            {"item": "pkn:council-ai-factories-adopted-2024-06-17",
             "headline": "AI factories: Council adopts amendment to the EuroHPC Regulation",
             "date": "2024-06-17", "source": "Council of the EU", "entities": "7", "since": "2024-02-01"},
            {"item": "pkn:sciencebusiness-ai-factories-2024-02-01",
             "headline": "Commission wants EuroHPC supercomputers to power AI start-ups",
             "date": "2024-02-01", "source": "Science|Business", "entities": "9", "since": "2024-02-01"},
        ],
    ),
    (
        "most-mentioned",
        {"minItems": "3"},
        [
            {"entity": "pkr:celex/32021R1173", "label": "EuroHPC Regulation", "class": "pk:Regulation",
             "items": "3", "minItems": "3", "lang": "en"},
            {"entity": "pkr:programme/digital-europe", "label": "Digital Europe Programme", "class": "pk:Programme",
             "items": "3", "minItems": "3", "lang": "en"},
            {"entity": "pkr:programme/horizon-europe", "label": "Horizon Europe", "class": "pk:Programme",
             "items": "3", "minItems": "3", "lang": "en"},
        ],
    ),
]


@pytest.mark.parametrize(
    ("name", "values", "expected"),
    CASES,
    ids=[f"{name}-{'-'.join(values.values()) or 'defaults'}" for name, values, _ in CASES],
)
def test_query_returns_the_expected_rows(store: ox.Store, name: str, values: dict, expected: list) -> None:
    assert rows(run_query(store, load_query(name), values)) == expected


def test_every_query_has_an_expected_rows_case() -> None:
    assert {name for name, _, _ in CASES} == {path.stem for path in QUERY_FILES}


def test_most_mentioned_default_is_two_items(store: ox.Store) -> None:
    result = rows(run_query(store, "most-mentioned"))
    assert len(result) == 8
    assert {row["minItems"] for row in result} == {"2"}
    assert all(int(row["items"]) >= 2 for row in result)


def test_every_query_runs_with_its_examples(store: ox.Store) -> None:
    for query in list_queries():
        result = run_query(store, query, {p.name: p.example for p in query.params})
        assert [v.value for v in result.variables] == list(query.columns)
        list(result)


# ---------------------------------------------------------------------------- binding


def test_bind_uses_defaults_and_types() -> None:
    query = load_query("adopted-or-proposed-by")
    assert bind(query, {}) == {
        ox.Variable("institution"): ox.NamedNode(PKR + "institution/european-commission"),
        ox.Variable("lang"): ox.Literal("en"),
    }


@pytest.mark.parametrize(
    "value",
    [
        "pkr:institution/council",
        "pkr:institution\\/council",
        "https://w3id.org/policykg/id/institution/council",
        "<https://w3id.org/policykg/id/institution/council>",
        "  pkr:institution/council ",
    ],
)
def test_iri_parameters_accept_prefixed_names_and_full_iris(value: str) -> None:
    query = load_query("adopted-or-proposed-by")
    assert bind(query, {"institution": value})[ox.Variable("institution")] == ox.NamedNode(PKR + "institution/council")


def test_typed_literals() -> None:
    assert bind(load_query("news-since"), {"since": "2024-02-01"})[ox.Variable("since")] == ox.Literal(
        "2024-02-01", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")
    )
    assert bind(load_query("most-mentioned"), {"minItems": "+03"})[ox.Variable("minItems")] == ox.Literal(
        "3", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
    )
    assert bind(load_query("most-mentioned"), {"minItems": 4})[ox.Variable("minItems")].value == "4"
    assert bind(load_query("find-entity"), {"text": "EC", "lang": "en-GB"}) == {
        ox.Variable("text"): ox.Literal("EC"),
        ox.Variable("lang"): ox.Literal("en-gb"),
    }


def test_missing_required_parameter_names_it_and_gives_an_example() -> None:
    with pytest.raises(QueryError) as caught:
        bind(load_query("sectors-targeted"), {})
    message = str(caught.value)
    assert "'entity'" in message and "entity=pkr:celex/52024DC0028" in message
    assert "\n" not in message


def test_unknown_parameter_is_named() -> None:
    with pytest.raises(QueryError, match=r"unknown parameter 'instituton'; its parameters: institution, lang"):
        bind(load_query("adopted-or-proposed-by"), {"instituton": "pkr:institution/council"})
    with pytest.raises(QueryError, match=r"unknown parameter 'x'; its parameters: none"):
        bind(load_query("stats-by-class"), {"x": "1"})


@pytest.mark.parametrize(
    ("name", "param", "value", "reason"),
    [
        ("sectors-targeted", "entity", "European Commission", "not an IRI"),
        ("sectors-targeted", "entity", "pkx:institution/council", "unknown prefix pkx:"),
        ("sectors-targeted", "entity", "http://example.org/a b", "cannot occur in an IRI"),
        ("news-since", "since", "24-01-2024", "YYYY-MM-DD"),
        ("news-since", "since", "2024-02-30", "day is out of range"),
        ("most-mentioned", "minItems", "two", "whole number"),
        ("most-mentioned", "minItems", "2.5", "whole number"),
        ("most-mentioned", "lang", "en_GB", "language tag"),
    ],
)
def test_mistyped_values_name_the_parameter(name: str, param: str, value: str, reason: str) -> None:
    with pytest.raises(QueryError) as caught:
        bind(load_query(name), {param: value})
    message = str(caught.value)
    assert f"parameter '{param}'" in message and reason in message
    assert f"{param}={load_query(name).param(param).example}" in message
    assert "\n" not in message


def test_wrong_python_type_is_rejected() -> None:
    with pytest.raises(QueryError, match="'minItems' takes text, not list"):
        bind(load_query("most-mentioned"), {"minItems": [2]})


# ---------------------------------------------------------------------------- injection

PAYLOADS = [
    'x" } ; DROP ALL ; #',
    "<http://x> } ; DELETE WHERE { ?s ?p ?o } #",
    "x' } ; CLEAR ALL ; #",
    'pkr:x" } ; DROP ALL ; #',
    "2024-01-01\"^^xsd:date } ; DROP ALL ; #",
    "1 } ; DROP ALL ; #",
    "en\" ) } ; DROP ALL ; #",
]
PARAMS = [(query.name, param.name, param.type) for query in list_queries() for param in query.params]


def test_every_parameter_type_is_exercised() -> None:
    assert {type_name for _, _, type_name in PARAMS} == set(PARAM_TYPES)


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize(("name", "param", "type_name"), PARAMS, ids=[f"{n}.{p}" for n, p, _ in PARAMS])
def test_injection_is_rejected_or_inert(store: ox.Store, name: str, param: str, type_name: str, payload: str) -> None:
    before = set(store)
    query = load_query(name)
    values = {p.name: p.example for p in query.params} | {param: payload}
    if type_name == "string":
        assert rows(run_query(store, query, values)) == []
    else:
        with pytest.raises(QueryError, match=f"parameter '{param}'"):
            run_query(store, query, values)
    assert len(store) == len(before) and set(store) == before


def test_parameters_reach_the_store_only_as_substitutions() -> None:
    calls = []

    class Spy:
        def query(self, sparql, **options):
            calls.append((sparql, options))
            return ox.Store().query(sparql, **options)

    query = load_query("find-entity")
    run_query(Spy(), query, {"text": 'x" } ; DROP ALL ; #'})  # type: ignore[arg-type]
    (sparql, options), = calls
    assert sparql == query.sparql == query.path.read_text(encoding="utf-8")
    assert options["use_default_graph_as_union"] is True
    assert options["substitutions"][ox.Variable("text")] == ox.Literal('x" } ; DROP ALL ; #')


# ---------------------------------------------------------------------------- the header parser

GOOD_BODY = """
PREFIX pk: <https://w3id.org/policykg/ontology#>
SELECT ?x ?thing WHERE { ?x pk:partOf ?thing }
"""


def write(tmp_path: Path, header: str, body: str = GOOD_BODY, name: str = "q.rq") -> Path:
    path = tmp_path / name
    path.write_text(header.strip("\n") + "\n" + body, encoding="utf-8")
    return path


def test_header_parser_reads_every_field(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '#+ summary: What is part of a thing?\n'
        '#+ description: Parts of a thing,\n'
        '#+   over two lines.\n'
        '#+ params:\n'
        '#+   - thing: {type: iri, example: "pkr:programme/x", description: "the whole, with a comma, and \\"quotes\\""}\n'
        "#+ columns: [x, thing]\n",
    )
    assert parse_query_file(path) == PreparedQuery(
        name="q",
        title="What is part of a thing?",
        description="Parts of a thing, over two lines.",
        params=(Param("thing", "iri", None, "pkr:programme/x", 'the whole, with a comma, and "quotes"', True),),
        columns=("x", "thing"),
        sparql=path.read_text(encoding="utf-8"),
        path=path,
    )


HEADER = "#+ summary: s\n#+ description: d\n#+ params:\n#+   - thing: {type: iri, example: \"pkr:x\", description: \"t\"}\n#+ columns: [x, thing]\n"


@pytest.mark.parametrize(
    ("header", "body", "error"),
    [
        (HEADER.replace("#+ summary: s\n", ""), GOOD_BODY, "no summary"),
        (HEADER.replace("#+ description: d\n", ""), GOOD_BODY, "no description"),
        (HEADER.replace("#+ columns: [x, thing]\n", ""), GOOD_BODY, "no columns"),
        (HEADER.replace("columns: [x, thing]", "columns: [thing, x]"), GOOD_BODY, "do not match the SELECT projection"),
        (HEADER.replace("type: iri", "type: uri"), GOOD_BODY, "type must be one of iri, string, date, integer, lang"),
        (HEADER.replace("type: iri", "typ: iri"), GOOD_BODY, "unknown field 'typ'"),
        (HEADER.replace('description: "t"', 'description: "t'), GOOD_BODY, "unclosed quote"),
        (HEADER.replace('example: "pkr:x", ', ""), GOOD_BODY, "needs an example"),
        (HEADER.replace('example: "pkr:x"', 'example: "not an iri"'), GOOD_BODY, "example 'not an iri' is not an IRI"),
        (HEADER.replace(', description: "t"', ""), GOOD_BODY, "no description"),
        (HEADER + "#+ tags: [a]\n", GOOD_BODY, "unknown header key 'tags'"),
        (HEADER.replace("?thing", "?other").replace("thing", "other") + "", GOOD_BODY, "?other does not occur"),
        (HEADER, GOOD_BODY.replace("SELECT ?x ?thing", "SELECT ?x"), "must be selected"),
        (HEADER, GOOD_BODY.replace("PREFIX pk: <https://w3id.org/policykg/ontology#>", ""), "invalid SPARQL"),
        (HEADER.replace("columns: [x, thing]", "columns: []"), GOOD_BODY, "no columns"),
        (HEADER.replace("columns: [x, thing]", "columns: x, thing"), GOOD_BODY, "expected a list like [a, b, c]"),
        (HEADER, GOOD_BODY.replace("SELECT ?x ?thing WHERE", "ASK"), "must be a SELECT query"),
        (HEADER.replace("#+   - thing", "#+   thing"), GOOD_BODY, "expected '- name:"),
        (HEADER + "#+ summary: again\n", GOOD_BODY, "given twice"),
    ],
)
def test_header_errors_name_the_file(tmp_path: Path, header: str, body: str, error: str) -> None:
    path = write(tmp_path, header, body)
    with pytest.raises(QueryError) as caught:
        parse_query_file(path)
    assert error in str(caught.value)
    assert str(caught.value).startswith(str(path))


def test_construct_is_not_a_prepared_query(tmp_path: Path) -> None:
    path = write(tmp_path, "#+ summary: s\n#+ description: d\n#+ columns: [x]\n", "CONSTRUCT WHERE { ?x ?p ?o }")
    with pytest.raises(QueryError, match="must be a SELECT query"):
        parse_query_file(path)


def test_query_without_params(tmp_path: Path) -> None:
    path = write(tmp_path, "#+ summary: s\n#+ description: d\n#+ params: []\n#+ columns: [s]\n", "SELECT ?s WHERE { ?s ?p ?o }")
    query = parse_query_file(path)
    assert query.params == () and bind(query, None) == {}
