"""The SKOS vocabularies: generated from ontology/sources/*.csv, complete enough, well formed."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from policykg.errors import OntologyError
from policykg.namespaces import PK_IRI, PKR_IRI
from policykg.resources import ontology_dir
from policykg.vocabbuild import SCHEMES, build_graph, build_vocabularies, check_vocabularies, main

SOURCES = ontology_dir() / "sources"
VOCABULARIES = ontology_dir() / "vocabularies"
PK = lambda name: URIRef(PK_IRI + name)  # noqa: E731

ECOSYSTEMS = {
    "aerospace-defence", "agri-food", "construction", "cultural-creative-industries", "digital",
    "electronics", "energy-intensive-industries", "renewable-energy", "health",
    "mobility-transport-automotive", "proximity-social-economy-civil-security", "retail",
    "textiles", "tourism",
}
FORBIDDEN_SECTOR_LABELS = {
    "artificiële intelligentie", "ai", "industriële ecosystemen", "industrial ecosystems",
    "taaltechnologieën", "digitaal", "digital",
}
FORBIDDEN_INSTITUTION_LABELS = {"eu", "europese unie", "european union", "lidstaten", "member states"}

IRI_PATTERNS = {
    "institutions": r"institution/[a-z0-9]+(-[a-z0-9]+)*",
    "programmes": r"programme/[a-z0-9]+(-[a-z0-9]+)*",
    "sectors": r"sector/[a-z0-9]+(-[a-z0-9]+)*",
    "member-states": r"member-state/[a-z]{2}",
    "instrument-types": r"instrument-type/[a-z0-9]+(-[a-z0-9]+)*",
    "instruments": r"celex/[35][0-9]{4}(R|L|D|H|DC|PC|SC)[0-9]{4}",
}


@pytest.fixture(scope="module")
def graphs() -> dict[str, Graph]:
    return {name: build_graph(name, SOURCES) for name in SCHEMES}


def entries(graph: Graph) -> list[URIRef]:
    return sorted(s for s in graph.subjects(RDF.type, SKOS.Concept) if isinstance(s, URIRef))


def labels(graph: Graph, node: URIRef, prop: URIRef = SKOS.prefLabel, lang: str | None = None) -> set[str]:
    return {str(o) for o in graph.objects(node, prop) if isinstance(o, Literal) and (lang is None or o.language == lang)}


def key(node: URIRef, scheme: str) -> str:
    return str(node).removeprefix(f"{PKR_IRI}{SCHEMES[scheme].segment}/")


# --- the committed Turtle is what the CSVs generate -------------------------------------------


def test_committed_turtle_is_up_to_date() -> None:
    stale = check_vocabularies(SOURCES, VOCABULARIES)
    assert not stale, f"stale vocabularies {stale}; run python -m policykg.vocabbuild"


def test_generation_is_byte_stable() -> None:
    assert build_vocabularies(SOURCES) == build_vocabularies(SOURCES)


def test_committed_turtle_parses_to_the_built_graph(graphs: dict[str, Graph]) -> None:
    for name, scheme in SCHEMES.items():
        parsed = Graph().parse(VOCABULARIES / scheme.output, format="turtle")
        assert set(parsed) == set(graphs[name]), name


def test_check_command_reports_a_stale_file(tmp_path: Path) -> None:
    out = tmp_path / "vocabularies"
    assert main(["--sources", str(SOURCES), "--output", str(out)]) == 0
    assert main(["--check", "--sources", str(SOURCES), "--output", str(out)]) == 0
    (out / "sectors.ttl").write_text("# edited by hand\n", encoding="utf-8")
    assert main(["--check", "--sources", str(SOURCES), "--output", str(out)]) == 1


# --- coverage -----------------------------------------------------------------------------------


def test_counts(graphs: dict[str, Graph]) -> None:
    assert len(entries(graphs["institutions"])) >= 150
    assert len(entries(graphs["programmes"])) >= 50
    assert len(entries(graphs["sectors"])) >= 60
    assert len(entries(graphs["member-states"])) == 27
    assert len(entries(graphs["instruments"])) >= 40


def test_sector_hierarchy(graphs: dict[str, Graph]) -> None:
    g = graphs["sectors"]
    scheme = SCHEMES["sectors"].iri
    tops = {key(n, "sectors") for n in g.objects(scheme, SKOS.hasTopConcept)}
    assert ECOSYSTEMS <= tops
    for node in entries(g):
        if key(node, "sectors") in tops:
            assert (node, SKOS.topConceptOf, scheme) in g
            assert not list(g.objects(node, SKOS.broader))
        else:
            assert list(g.objects(node, SKOS.broader)), f"{node} has no skos:broader"
    assert (SCHEMES["sectors"].entry_iri("robotics"), SKOS.broader, SCHEMES["sectors"].entry_iri("digital")) in g


def test_instrument_types(graphs: dict[str, Graph]) -> None:
    g = graphs["instrument-types"]
    letters = {
        key(n, "instrument-types"): str(g.value(n, PK("celexTypeLetter")) or "") for n in entries(g)
    }
    assert letters == {
        "regulation": "R", "directive": "L", "decision": "D", "communication": "DC", "proposal": "PC",
        "recommendation": "H", "staff-working-document": "SC", "package": "",
    }
    for node in entries(g):
        assert (node, RDF.type, PK("InstrumentType")) in g
        assert g.value(node, PK("instrumentClass")) is not None


def test_named_instruments(graphs: dict[str, Graph]) -> None:
    g = graphs["instruments"]
    gdpr = URIRef(PKR_IRI + "celex/32016R0679")
    assert (gdpr, RDF.type, PK("Regulation")) in g
    assert (gdpr, PK("celex"), Literal("32016R0679")) in g
    assert (gdpr, SKOS.exactMatch, URIRef("http://data.europa.eu/eli/reg/2016/679/oj")) in g
    assert (gdpr, SKOS.exactMatch, URIRef("http://publications.europa.eu/resource/celex/32016R0679")) in g
    assert (URIRef(PKR_IRI + "celex/32022L2555"), RDF.type, PK("Directive")) in g
    assert {"GDPR", "AVG"} <= labels(g, gdpr, SKOS.altLabel)


SEED_LABELS = [
    ("institutions", "european-commission", ["Europese Commissie", "European Commission", "Commissie", "Commission", "EC"]),
    ("institutions", "eurohpc-joint-undertaking", ["EuroHPC Joint Undertaking", "EuroHPC-Gemeenschappelijke Onderneming", "EuroHPC GO", "EuroHPC JU", "EuroHPC"]),
    ("institutions", "ai-office", ["European AI Office", "Europees AI-bureau", "AI Office", "AI-bureau"]),
    ("institutions", "alt-edic", ["ALT-EDIC", "Alliantie voor taaltechnologieën", "Alliance for Language Technologies"]),
    ("institutions", "citiverse-edic", ["CitiVERSE", "CitiVERSE EDIC"]),
    ("programmes", "horizon-europe", ["Horizon Europe", "Horizon Europa"]),
    ("programmes", "digital-europe", ["programma Digitaal Europa", "Digitaal Europa", "Digital Europe"]),
    ("programmes", "genai4eu", ["GenAI4EU"]),
    ("programmes", "ai-factories", ["AI Factories", "AI-fabrieken", "AI-fabriek"]),
    ("programmes", "common-european-data-spaces", ["gemeenschappelijke Europese dataruimten", "common European data spaces", "Europese dataruimten"]),
    ("sectors", "robotics", ["robotica", "robotics"]),
    ("sectors", "health", ["gezondheid", "health", "gezondheidszorg", "healthcare"]),
    ("sectors", "biotechnology", ["biotechnologie", "biotechnology", "biotech"]),
    ("sectors", "manufacturing", ["productie", "manufacturing", "maakindustrie"]),
    ("sectors", "mobility", ["mobiliteit", "mobility"]),
    ("sectors", "climate", ["klimaat", "climate"]),
    ("sectors", "virtual-worlds", ["virtuele werelden", "virtual worlds"]),
    ("sectors", "public-sector", ["publieke sector", "public sector", "overheid"]),
    ("sectors", "traffic-management", ["verkeersbeheer", "traffic management"]),
    ("sectors", "waste-management", ["afvalbeheer", "waste management"]),
    ("member-states", "nl", ["Nederland", "Netherlands", "the Netherlands"]),
]


@pytest.mark.parametrize(("scheme", "slug", "names"), SEED_LABELS, ids=[f"{s}/{k}" for s, k, _ in SEED_LABELS])
def test_seed_labels(graphs: dict[str, Graph], scheme: str, slug: str, names: list[str]) -> None:
    g = graphs[scheme]
    node = SCHEMES[scheme].entry_iri(slug)
    assert (node, RDF.type, SKOS.Concept) in g, f"{node} is missing"
    found = labels(g, node) | labels(g, node, SKOS.altLabel) | labels(g, node, SKOS.hiddenLabel)
    assert set(names) <= found, set(names) - found


def test_seed_relations_in_vocabulary(graphs: dict[str, Graph]) -> None:
    inst = SCHEMES["institutions"]
    sub_organization_of = URIRef("http://www.w3.org/ns/org#subOrganizationOf")
    assert (inst.entry_iri("ai-office"), sub_organization_of, inst.entry_iri("european-commission")) in graphs["institutions"]
    # the hierarchy is vocabulary knowledge, not an extracted pk: relation
    assert not list(graphs["institutions"].triples((None, PK("partOf"), None)))
    commission = inst.entry_iri("european-commission")
    assert URIRef("http://www.wikidata.org/entity/Q8880") in set(graphs["institutions"].objects(commission, SKOS.exactMatch))


# --- well-formedness ----------------------------------------------------------------------------


def test_every_entry_has_nl_and_en_preflabels(graphs: dict[str, Graph]) -> None:
    for name, g in graphs.items():
        for node in entries(g):
            for lang in ("nl", "en"):
                assert len(labels(g, node, SKOS.prefLabel, lang)) == 1, f"{node} needs one prefLabel@{lang}"


def test_entry_types_and_scheme(graphs: dict[str, Graph]) -> None:
    classes = {
        "institutions": {PK("Institution")}, "programmes": {PK("Programme"), PK("Initiative"), PK("Package")},
        "sectors": {PK("Sector")}, "member-states": {PK("MemberState")},
        "instrument-types": {PK("InstrumentType")},
        "instruments": {PK(c) for c in ("Regulation", "Directive", "Decision", "Recommendation", "Communication", "Proposal")},
    }
    for name, g in graphs.items():
        scheme = SCHEMES[name].iri
        assert (scheme, RDF.type, SKOS.ConceptScheme) in g
        assert labels(g, scheme, SKOS.prefLabel, "nl") and labels(g, scheme, SKOS.prefLabel, "en")
        for node in entries(g):
            assert (node, SKOS.inScheme, scheme) in g
            assert set(g.objects(node, RDF.type)) & classes[name], node


def test_labels_unique_within_a_scheme(graphs: dict[str, Graph]) -> None:
    for name, g in graphs.items():
        owner: dict[str, URIRef] = {}
        for node in entries(g):
            for prop in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel):
                for text in labels(g, node, prop):
                    folded = " ".join(text.casefold().split())
                    assert owner.setdefault(folded, node) == node, f"{name}: {text!r} on {node} and {owner[folded]}"


def test_no_generic_labels(graphs: dict[str, Graph]) -> None:
    def all_labels(g: Graph) -> set[str]:
        return {
            str(o).casefold()
            for prop in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel)
            for s, o in g.subject_objects(prop)
            if s != SCHEMES["sectors"].iri
        }

    assert not all_labels(graphs["sectors"]) & FORBIDDEN_SECTOR_LABELS
    assert not all_labels(graphs["institutions"]) & FORBIDDEN_INSTITUTION_LABELS


def test_iris_follow_the_documented_pattern(graphs: dict[str, Graph]) -> None:
    external = re.compile(
        r"^(http://www\.wikidata\.org/entity/Q[1-9][0-9]*"
        r"|http://publications\.europa\.eu/resource/authority/(corporate-body/[A-Z][A-Z0-9_]*|country/[A-Z]{3})"
        r"|http://publications\.europa\.eu/resource/celex/[35][0-9]{4}[A-Z]{1,2}[0-9]{4}"
        r"|http://data\.europa\.eu/eli/(reg|dir|dec)/[0-9]{4}/[1-9][0-9]*/oj)$"
    )
    for name, g in graphs.items():
        entry = re.compile(re.escape(PKR_IRI) + IRI_PATTERNS[name] + "$")
        for node in entries(g):
            assert entry.match(str(node)), node
        for term in {t for triple in g for t in triple if isinstance(t, URIRef)}:
            value = str(term)
            assert not re.search(r"[\s<>\"{}|\\^`]", value), value
            if value.startswith(PKR_IRI):
                assert value == str(SCHEMES[name].iri) or entry.match(value), value
            elif not value.startswith(PK_IRI) and not value.startswith(("http://www.w3.org/", "http://purl.org/dc/terms/")):
                assert external.match(value), value
        for _, o in g.subject_objects(SKOS.exactMatch):
            assert external.match(str(o)), o


def test_member_states_link_to_op_countries(graphs: dict[str, Graph]) -> None:
    g = graphs["member-states"]
    nl = SCHEMES["member-states"].entry_iri("nl")
    assert URIRef("http://publications.europa.eu/resource/authority/country/NLD") in set(g.objects(nl, SKOS.exactMatch))
    for node in entries(g):
        assert any("/authority/country/" in str(o) for o in g.objects(node, SKOS.exactMatch)), node


# --- bad rows raise OntologyError naming file and line -------------------------------------------


@pytest.fixture()
def sources_copy(tmp_path: Path) -> Path:
    target = tmp_path / "sources"
    shutil.copytree(SOURCES, target)
    return target


def _append(path: Path, line: str) -> int:
    text = path.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        text += "\n"
    path.write_text(text + line + "\n", encoding="utf-8")
    return text.count("\n") + 1


BAD_ROWS = [
    ("institutions", "institutions.csv", "new-body,castle,New Body,Nieuw Orgaan,,,,,", "unknown kind"),
    ("institutions", "institutions.csv", "new-body,body,New Body,,,,,,", "missing prefLabel"),
    ("institutions", "institutions.csv", "european-commission,body,Other Body,Ander Orgaan,,,,,", "duplicate id"),
    ("institutions", "institutions.csv", "new-body,body,New Body,Nieuw Orgaan,,,no-such-parent,,", "no-such-parent"),
    ("institutions", "institutions.csv", "new-body,body,New Body,Nieuw Orgaan,EC@en,,,,", "also a label"),
    ("institutions", "institutions.csv", "new-body,body,New Body,Nieuw Orgaan,NB,,,,", "no language tag"),
    ("institutions", "institutions.csv", "new-body,body,New Body,Nieuw Orgaan,,,,8880,", "Wikidata"),
    ("sectors", "sectors.csv", "new-sector,sector,new sector,nieuwe sector,,,no-such-sector", "no-such-sector"),
    ("sectors", "sectors.csv", "new-sector,sector,new sector,nieuwe sector,,,", "needs a broader"),
    ("programmes", "programmes.csv", "new-prog,Fund,New Programme,Nieuw programma,,,,", "unknown class"),
    ("member-states", "member_states.csv", "xx,XXX,Nowhere,Nergens,,,Q1,", "cells"),
    ("instruments", "instruments.csv", "32099X0001,Some Act,Een handeling,,", "bad celex"),
]


@pytest.mark.parametrize(("scheme", "file", "line", "message"), BAD_ROWS, ids=[m for *_, m in BAD_ROWS])
def test_bad_row_raises_with_file_and_line(sources_copy: Path, scheme: str, file: str, line: str, message: str) -> None:
    number = _append(sources_copy / file, line)
    with pytest.raises(OntologyError) as info:
        build_graph(scheme, sources_copy)
    text = str(info.value)
    assert f"{file}:{number}:" in text, text
    assert message in text, text
    assert "\n" not in text


def test_bad_header_names_line_one(sources_copy: Path) -> None:
    path = sources_copy / "sectors.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("broader", "parent", 1), encoding="utf-8")
    with pytest.raises(OntologyError, match=r"sectors\.csv:1: header"):
        build_graph("sectors", sources_copy)


def test_main_reports_bad_sources_in_one_line(sources_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _append(sources_copy / "sectors.csv", "x,sector,x,x,,,nowhere")
    code = main(["--sources", str(sources_copy), "--output", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == OntologyError.exit_code
    assert err.count("\n") == 1 and "sectors.csv:" in err
