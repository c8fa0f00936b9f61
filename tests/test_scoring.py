"""Tests of policykg.scoring: small hand-built stores in the shape of docs/DATAMODEL.md."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from policykg.errors import InputError
from policykg.scoring import (
    Counts,
    GoldItem,
    Report,
    evaluate,
    fold,
    load_gold,
    score_item,
)
from policykg.namespaces import CELEX_IRI, PK, PKG, PKN, PKR, RDF, RDFS, SKOS

ITEM = PKN["test-item"]

GOLD: dict[str, Any] = {
    "item": "test-item.txt",
    "lang": "nl",
    "entities": [
        {"key": "commission", "type": "Institution", "names": ["Europese Commissie", "European Commission"]},
        {"key": "ai-office", "type": "Institution", "names": ["AI-bureau", "AI Office"]},
        {"key": "celex:32021R1173", "type": "Regulation", "celex": "32021R1173", "names": ["EuroHPC-verordening"]},
        {"key": "ai-act", "type": "Instrument", "celex": "52021PC0206", "names": ["AI-verordening"]},
        {"key": "package", "type": "Package", "names": ["AI-innovatiepakket"]},
        {"key": "horizon", "type": "Programme", "names": ["Horizon Europe"]},
        {"key": "robotics", "type": "Sector", "names": ["robotica", "robotics"]},
    ],
    "optional_entities": [
        {"key": "eu", "type": "Institution", "names": ["EU", "Europese Unie"]},
        {"key": "member-states", "type": "MemberState", "names": ["lidstaten"]},
    ],
    "relations": [
        {"s": "package", "p": "adoptedBy", "o": "commission"},
        {"s": "ai-office", "p": "partOf", "o": "commission"},
        {"s": "ai-office", "p": "supervises", "o": "ai-act"},
        {"s": "package", "p": "fundedThrough", "o": "horizon"},
        {"s": "horizon", "p": "targetsSector", "o": "robotics"},
    ],
    "optional_relations": [
        {"s": "ai-office", "p": "implements", "o": "ai-act"},
    ],
}

# node (pkr: local part) -> types, labels, CELEX, graph ("vocabulary" or the item's graph)
NODES: dict[str, dict[str, Any]] = {
    "institution/european-commission": {"types": ["Institution"], "graph": "vocabulary",
                                        "labels": ["Europese Commissie", "European Commission", "Commissie"]},
    "institution/ai-office": {"types": ["Institution"], "graph": "vocabulary", "labels": ["AI-bureau", "AI Office"]},
    "celex/32021R1173": {"types": ["Regulation"], "labels": ["EuroHPC-verordening"], "celex": "32021R1173"},
    "celex/52021PC0206": {"types": ["Proposal"], "labels": ["AI-verordening"], "exact": "52021PC0206"},
    "instrument/ai-innovatiepakket": {"types": ["Package"], "labels": ["AI-innovatiepakket"]},
    "programme/horizon-europe": {"types": ["Programme"], "graph": "vocabulary", "labels": ["Horizon Europe"]},
    "sector/robotics": {"types": ["Sector"], "graph": "vocabulary", "labels": ["robotica", "robotics"]},
}
RELATIONS: list[tuple[str, str, str]] = [
    ("instrument/ai-innovatiepakket", "adoptedBy", "institution/european-commission"),
    ("institution/ai-office", "partOf", "institution/european-commission"),
    ("institution/ai-office", "supervises", "celex/52021PC0206"),
    ("instrument/ai-innovatiepakket", "fundedThrough", "programme/horizon-europe"),
    ("programme/horizon-europe", "targetsSector", "sector/robotics"),
]
SUBCLASSES = {"Regulation": "Instrument", "Proposal": "Instrument", "Package": "Instrument",
              "Decision": "Instrument", "Initiative": "Programme"}


def build_store(nodes: dict[str, dict[str, Any]], relations: list[tuple[str, str, str]], *,
                ontology: bool = True, vocabulary_relations: list[tuple[str, str, str]] = (),
                unmentioned: dict[str, dict[str, Any]] | None = None) -> ox.Store:
    """An in-memory store with the item graph, the vocabulary graph and (optionally) the ontology."""
    store = ox.Store()
    quads = [ox.Quad(ITEM, RDF.type, PK.NewsItem, ITEM)]
    if ontology:
        quads += [ox.Quad(PK[sub], RDFS.subClassOf, PK[sup], PKG.ontology) for sub, sup in SUBCLASSES.items()]
    for local, spec in {**nodes, **(unmentioned or {})}.items():
        iri = PKR[local]
        graph = PKG.vocabulary if spec.get("graph") == "vocabulary" else ITEM
        if local in nodes:
            quads.append(ox.Quad(ITEM, PK.mentions, iri, ITEM))
        quads += [ox.Quad(iri, RDF.type, PK[t], graph) for t in spec["types"]]
        labels = spec.get("labels", [])
        quads += [ox.Quad(iri, SKOS.prefLabel if n == 0 else SKOS.altLabel, ox.Literal(label, language="nl"), graph)
                  for n, label in enumerate(labels)]
        if "celex" in spec:
            quads.append(ox.Quad(iri, PK.celex, ox.Literal(spec["celex"]), graph))
        if "exact" in spec:
            quads.append(ox.Quad(iri, SKOS.exactMatch, ox.NamedNode(CELEX_IRI + spec["exact"]), graph))
    quads += [ox.Quad(PKR[s], PK[p], PKR[o], ITEM) for s, p, o in relations]
    quads += [ox.Quad(PKR[s], PK[p], PKR[o], PKG.vocabulary) for s, p, o in vocabulary_relations]
    store.extend(quads)
    return store


def gold_item(tmp_path: Path, data: dict[str, Any] | None = None) -> GoldItem:
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(data or GOLD), encoding="utf-8")
    [item] = load_gold([path])
    return item


# Each case: how it changes the perfect graph (or the gold), and the expected
# entity and relation (tp, fp, fn), plus strings that must appear in the verbose report.
CASES: dict[str, dict[str, Any]] = {
    "perfect": {"entities": (7, 0, 0), "relations": (5, 0, 0)},
    "missed entity": {
        "drop": ["sector/robotics"],
        "entities": (6, 0, 1), "relations": (4, 0, 1),
        "report": ["missed entity     robotics [Sector]", "missed relation   horizon targetsSector robotics"
                   "  -- entity not found: robotics"],
    },
    "spurious entity": {
        "add": {"sector/health": {"types": ["Sector"], "labels": ["gezondheid"]}},
        "entities": (7, 1, 0), "relations": (5, 0, 0),
        "report": ["spurious entity   pkr:sector/health [Sector] 'gezondheid'"],
    },
    "duplicate node": {
        "add": {"institution/europese-commissie": {"types": ["Institution"], "labels": ["Europese commissie"]}},
        "entities": (7, 1, 0), "relations": (5, 0, 0),
        "report": ["pkr:institution/europese-commissie [Institution]",
                   "duplicate of commission (matched pkr:institution/european-commission)"],
    },
    "wrong celex": {
        "set": {"celex/32021R1173": {"celex": "32021R1174"}},
        "entities": (6, 1, 1), "relations": (5, 0, 0),
        "report": ["missed entity     celex:32021R1173", "but CELEX 32021R1174, not 32021R1173"],
    },
    "celex by exactMatch only": {
        "set": {"celex/32021R1173": {"exact": "32021R1173", "celex": None}},
        "entities": (7, 0, 0), "relations": (5, 0, 0),
    },
    "label folding": {
        "set": {"institution/european-commission": {"labels": ["de EUROPESE Commissie"]},
                "institution/ai-office": {"labels": ["AI bureau"]},
                "instrument/ai-innovatiepakket": {"labels": ["het AI innovatiepakket"]},
                "sector/robotics": {"labels": ["Robótica"]}},
        "entities": (7, 0, 0), "relations": (5, 0, 0),
    },
    "fuzzy label": {
        "set": {"programme/horizon-europe": {"labels": ["Horizon Europa"]}},
        "entities": (7, 0, 0), "relations": (5, 0, 0),
    },
    "no fuzzy match on short strings": {
        "gold": lambda g: g["entities"][5].update(names=["GenAI"]),
        "set": {"programme/horizon-europe": {"labels": ["GenA"]}},
        "entities": (6, 1, 1), "relations": (3, 2, 2),
    },
    "subclass from the ontology": {  # a pk:Proposal and a pk:Regulation are pk:Instruments
        "set": {"celex/52021PC0206": {"types": ["Regulation"]}},
        "entities": (7, 0, 0), "relations": (5, 0, 0),
    },
    "subclass given by the caller": {
        "ontology": False, "subclass_of": {"Proposal": {"Instrument"}},
        "entities": (7, 0, 0), "relations": (5, 0, 0),
    },
    "no subclass without the ontology": {
        "ontology": False,
        "entities": (6, 1, 1), "relations": (4, 1, 1),
        "report": ["typed Proposal, not Instrument", "ai-office supervises 'AI-verordening' <pkr:celex/52021PC0206>"],
    },
    "type mismatch": {
        "set": {"programme/horizon-europe": {"types": ["Sector"]}},
        "entities": (6, 1, 1), "relations": (3, 2, 2),
        "report": ["pkr:programme/horizon-europe matches by name but is typed Sector, not Programme"],
    },
    "alt_types": {
        "gold": lambda g: g["entities"][4].update(type="Initiative", alt_types=["Package"]),
        "entities": (7, 0, 0), "relations": (5, 0, 0),
    },
    "optional entities and relations count neither way": {
        "add": {"institution/eu": {"types": ["Institution"], "labels": ["Europese Unie"]},
                "member-state/all": {"types": ["MemberState"], "labels": ["lidstaten"]}},
        "extra": [("member-state/all", "participatesIn", "institution/eu"),
                      ("institution/ai-office", "implements", "celex/52021PC0206")],
        "entities": (7, 0, 0), "relations": (5, 0, 0),
    },
    "a relation to an optional entity outside the gold is spurious": {
        "add": {"institution/eu": {"types": ["Institution"], "labels": ["EU"]}},
        "extra": [("instrument/ai-innovatiepakket", "adoptedBy", "institution/eu")],
        "entities": (7, 0, 0), "relations": (5, 1, 0),
        "report": ["spurious relation package adoptedBy eu"],
    },
    "relation with the wrong property": {
        "replace": {0: ("instrument/ai-innovatiepakket", "proposedBy", "institution/european-commission")},
        "entities": (7, 0, 0), "relations": (4, 1, 1),
        "report": ["missed relation   package adoptedBy commission  -- the graph relates them by proposedBy",
                   "spurious relation package proposedBy commission"],
    },
    "relation the other way round": {
        "replace": {1: ("institution/european-commission", "partOf", "institution/ai-office")},
        "entities": (7, 0, 0), "relations": (4, 1, 1),
        "report": ["the graph has it the other way round"],
    },
    "relation to a spurious node counts; one between unmentioned nodes does not": {
        "add": {"sector/health": {"types": ["Sector"], "labels": ["gezondheid"]}},
        "unmentioned": {"institution/elsewhere": {"types": ["Institution"], "labels": ["Elders"]}},
        "extra": [("programme/horizon-europe", "targetsSector", "sector/health"),
                      ("institution/elsewhere", "partOf", "institution/elsewhere")],
        "entities": (7, 1, 0), "relations": (5, 1, 0),
        "report": ["spurious relation horizon targetsSector 'gezondheid' <pkr:sector/health>"],
    },
    "vocabulary facts between mentioned entities count": {
        "replace": {1: None},
        "vocabulary_relations": [("institution/ai-office", "partOf", "institution/european-commission"),
                                 ("institution/ai-office", "partOf", "institution/not-mentioned")],
        "entities": (7, 0, 0), "relations": (5, 0, 0),
    },
    "vocabulary facts can be left out": {
        "replace": {1: None}, "score": {"vocabulary_relations": False},
        "vocabulary_relations": [("institution/ai-office", "partOf", "institution/european-commission")],
        "entities": (7, 0, 0), "relations": (4, 0, 1),
    },
}


def run_case(case: dict[str, Any], tmp_path: Path):
    gold_data = copy.deepcopy(GOLD)
    if "gold" in case:
        case["gold"](gold_data)
    nodes = copy.deepcopy(NODES)
    for local in case.get("drop", []):
        del nodes[local]
    for local, changes in case.get("set", {}).items():
        nodes[local].update(changes)
        for k in [k for k, v in changes.items() if v is None]:
            del nodes[local][k]
    nodes.update(copy.deepcopy(case.get("add", {})))
    relations = list(RELATIONS)
    for index, replacement in case.get("replace", {}).items():
        relations[index] = replacement
    relations = [r for r in relations if r is not None and r[0] in nodes and r[2] in nodes]
    relations += case.get("extra", [])
    store = build_store(nodes, relations, ontology=case.get("ontology", True),
                        vocabulary_relations=case.get("vocabulary_relations", []),
                        unmentioned=case.get("unmentioned"))
    return score_item(store, gold_item(tmp_path, gold_data), subclass_of=case.get("subclass_of"),
                      **case.get("score", {}))


@pytest.mark.parametrize("name", list(CASES))
def test_score_item(name: str, tmp_path: Path) -> None:
    case = CASES[name]
    score = run_case(case, tmp_path)
    text = Report((score,)).format_text(verbose=True)
    got = {"entities": (score.entities.tp, score.entities.fp, score.entities.fn),
           "relations": (score.relations.tp, score.relations.fp, score.relations.fn)}
    assert got == {"entities": case["entities"], "relations": case["relations"]}, text
    for expected in case.get("report", []):
        assert expected in text, text
    if name == "perfect":
        assert (score.entities.f1, score.relations.precision, score.relations.recall) == (1.0, 1.0, 1.0)
        assert {m.key: m.iri for m in score.matches}["horizon"] == PKR["programme/horizon-europe"].value


@pytest.mark.parametrize(("a", "b"), [
    ("AI-verordening", "AI verordening"),
    ("Europese Commissie", "de europese commissie"),
    ("Robótica", "ROBOTICA"),
    ("the AI Office", "AI office"),
    ("Member States'", "member states"),
    ("AI@EC-mededeling", "ai@ec mededeling"),
    ("Een pakket", "pakket"),
])
def test_fold_equal(a: str, b: str) -> None:
    assert fold(a) == fold(b)


@pytest.mark.parametrize(("a", "b"), [("AI@EC", "AI EC"), ("de", ""), ("Horizon Europe", "Horizon Europa")])
def test_fold_different(a: str, b: str) -> None:
    assert fold(a) != fold(b)


def test_counts_edge_cases() -> None:
    assert (Counts().precision, Counts().recall, Counts().f1) == (1.0, 1.0, 1.0)
    assert (Counts(fn=3).precision, Counts(fn=3).recall, Counts(fn=3).f1) == (0.0, 0.0, 0.0)
    assert Counts(1, 2, 3) + Counts(1, 1, 1) == Counts(2, 3, 4)


def test_report_aggregates_per_language_and_property(tmp_path: Path) -> None:
    nl = run_case(CASES["relation with the wrong property"], tmp_path)
    en = run_case(CASES["missed entity"] | {"gold": lambda g: g.update(lang="en", item="other.txt")}, tmp_path)
    assert en.lang == "en"
    report = Report((nl, en))
    assert report.entities == Counts(13, 0, 1)
    assert report.relations == Counts(8, 1, 2)
    langs = report.by_language()
    assert langs["nl"] == {"entities": Counts(7, 0, 0), "relations": Counts(4, 1, 1)}
    assert langs["en"] == {"entities": Counts(6, 0, 1), "relations": Counts(4, 0, 1)}
    props = report.by_property()
    assert props["adoptedBy"] == Counts(1, 0, 1)
    assert props["proposedBy"] == Counts(0, 1, 0)
    assert props["targetsSector"] == Counts(1, 0, 1)
    assert list(props) == [p for p in ("proposedBy", "adoptedBy", "partOf", "fundedThrough", "targetsSector",
                                       "supervises") if p in props]
    data = json.loads(json.dumps(report.to_dict()))
    assert data["summary"]["entities"]["tp"] == 13 and data["summary"]["items"] == 2
    assert data["by_language"]["en"]["relations"]["fn"] == 1
    assert data["items"][1]["missed_entities"][0]["key"] == "robotics"
    last = report.format_text(verbose=False).splitlines()[-1]
    assert re.fullmatch(r"entities P=1\.00 R=0\.93 F1=0\.96 \| relations P=0\.89 R=0\.80 F1=0\.84 \| items=2", last)
    verbose = report.format_text(verbose=True)
    assert "other.txt (en): entities" in verbose and "  nl   entities P=1.00" in verbose
    assert "missed entity     robotics [Sector] 'robotica', 'robotics'" in verbose


def test_evaluate_counts_a_failed_build_as_all_missed(tmp_path: Path) -> None:
    good = gold_item(tmp_path)
    broken = GoldItem("broken.txt", "en", good.entities[:2], relations=good.relations[1:2])
    absent = GoldItem("absent.txt", "en", good.entities[:1])
    (tmp_path / "test-item.txt").write_text("x")
    (tmp_path / "broken.txt").write_text("x")

    def build(path: Path) -> ox.Store:
        if path.name == "broken.txt":
            raise InputError("cannot parse", where=str(path))
        return build_store(NODES, RELATIONS)

    report = evaluate([good, broken, absent], tmp_path, build_store=build)
    assert [i.error is None for i in report.items] == [True, False, False]
    assert report.items[1].entities == Counts(0, 0, 2) and report.items[1].relations == Counts(0, 0, 1)
    assert report.items[1].per_property == {"partOf": Counts(fn=1)}
    assert "broken.txt: cannot parse" in report.items[1].error
    assert "no such news item" in report.items[2].error
    text = report.format_text(verbose=False)
    assert "broken.txt: FAILED:" in text
    assert text.splitlines()[-1].endswith("| items=3 | failed=2")


def test_load_gold_forms(tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    many = tmp_path / "many.json"
    one.write_text(json.dumps(GOLD))
    many.write_text(json.dumps({"items": [GOLD | {"item": "a.txt"}, GOLD | {"item": "b.txt", "lang": "en"}]}))
    items = load_gold([one, many])
    assert [(i.item, i.lang) for i in items] == [("test-item.txt", "nl"), ("a.txt", "nl"), ("b.txt", "en")]
    assert items[0].entities[2].celex == "32021R1173" and items[0].entities[0].names[0] == "Europese Commissie"
    assert items[0].optional_relations[0].property == "implements"


def test_load_gold_seed() -> None:
    seed = Path(__file__).resolve().parents[2] / "shared" / "seed" / "seed-gold.json"
    if not seed.exists():
        pytest.skip("shared/seed is not next to the checkout")
    [item] = load_gold([seed])
    assert item.lang == "nl" and len(item.relations) == 25


@pytest.mark.parametrize(("change", "message"), [
    (lambda g: g["relations"].append({"s": "package", "p": "partOf", "o": "nope"}),
     r"gold\.json: item 'test-item\.txt': relation package partOf nope names unknown entity key 'nope'; "),
    (lambda g: g["optional_relations"].append({"s": "ghost", "p": "partOf", "o": "eu"}),
     r"unknown entity key 'ghost'"),
    (lambda g: g["relations"].append({"s": "package", "p": "funds", "o": "horizon"}),
     r"unknown property 'funds'"),
    (lambda g: g["entities"].append({"key": "eu", "type": "Institution", "names": ["EU"]}),
     r"entity key 'eu' is used twice"),
    (lambda g: g["entities"][0].update(type="Agency"), r"unknown type 'Agency'"),
])
def test_load_gold_rejects(change, message: str, tmp_path: Path) -> None:
    data = copy.deepcopy(GOLD)
    change(data)
    with pytest.raises(InputError, match=message) as info:
        gold_item(tmp_path, data)
    assert "\n" not in str(info.value)


def test_load_gold_bad_json(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"item": "x",\n  oops}')
    with pytest.raises(InputError, match=r"bad\.json:2: invalid JSON"):
        load_gold([path])
