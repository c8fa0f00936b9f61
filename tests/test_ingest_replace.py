"""Re-ingesting replaces: the same id, the same URL or the same text; long ids; `-` is stdin."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

import policykg
from policykg.api import content_digest
from policykg.cli import main
from policykg.ids import item_iri
from policykg.model import NewsItem
from policykg.namespaces import PK, PKG, RDF
from policykg.store import GraphStore

from conftest import ITEMS

BODY_A = "De Europese Commissie heeft de AI-verordening voorgesteld. Het Europees Parlement steunt het voorstel."
BODY_B = "The European Commission adopted the Chips Act. The Council supports Horizon Europe."


def _item(item_id: str, body: str, *, url: str | None = None, lang: str = "nl") -> NewsItem:
    return NewsItem(id=item_id, title=f"Bericht {item_id}", body=body, lang=lang, url=url)


def _news_graphs(store: GraphStore) -> set[str]:
    return {q.subject.value for q in store.raw.quads_for_pattern(None, RDF.type, PK.NewsItem, None)}


def _without_runs(store: GraphStore) -> list[str]:
    return sorted(str(q) for q in store.quads() if q.graph_name != PKG.runs)


def _run_subjects(store: GraphStore) -> set[str]:
    return {q.subject.value for q in store.raw.quads_for_pattern(None, None, None, PKG.runs)}


def test_same_url_under_another_id_replaces_the_old_item():
    store = GraphStore(None)
    policykg.ingest([], store=store, items=[_item("old", BODY_A, url="https://example.org/a")])
    policykg.ingest([], store=store, items=[_item("new", BODY_B, url="https://example.org/a", lang="en")])
    assert _news_graphs(store) == {item_iri("new")}
    assert not store.raw.contains_named_graph(ox.NamedNode(item_iri("old")))
    assert _run_subjects(store) == {item_iri("new") + "#run"}


def test_same_text_under_another_id_replaces_the_old_item():
    store = GraphStore(None)
    policykg.ingest([], store=store, items=[_item("first-id", BODY_A)])
    policykg.ingest([], store=store, items=[NewsItem(id="second-id", title="Bericht first-id", body=BODY_A, lang="nl")])
    assert _news_graphs(store) == {item_iri("second-id")}


def test_duplicates_within_one_batch_keep_the_last():
    store = GraphStore(None)
    items = [
        _item("a", BODY_A, url="https://example.org/x"),
        _item("b", BODY_B, url="https://example.org/x", lang="en"),  # same URL as a
        _item("c", BODY_A + " Extra."),
        NewsItem(id="d", title="Bericht c", body=BODY_A + " Extra.", lang="nl"),  # same text as c
    ]
    report = policykg.ingest([], store=store, items=items)
    assert report.items_ok == 4
    assert _news_graphs(store) == {item_iri("b"), item_iri("d")}


def test_different_items_stay_apart():
    store = GraphStore(None)
    policykg.ingest([], store=store, items=[_item("a", BODY_A, url="https://example.org/1"),
                                             _item("b", BODY_B, url="https://example.org/2", lang="en")])
    assert _news_graphs(store) == {item_iri("a"), item_iri("b")}


def test_the_digest_is_stored_on_the_run_node():
    store = GraphStore(None)
    item = _item("a", BODY_A)
    policykg.ingest([], store=store, items=[item])
    assert store.find_items(digest=content_digest(item)) == {ox.NamedNode(item_iri("a"))}


def test_ingesting_twice_leaves_the_store_as_it_was():
    store = GraphStore(None)
    policykg.ingest([ITEMS], store=store)
    first = _without_runs(store)
    policykg.ingest([ITEMS], store=store, batch_size=7)
    assert _without_runs(store) == first


def test_a_changed_item_replaces_its_old_version():
    store = GraphStore(None)
    policykg.ingest([], store=store, items=[_item("a", BODY_A)])
    policykg.ingest([], store=store, items=[_item("a", BODY_B, lang="en")])
    fresh = GraphStore(None)
    policykg.ingest([], store=fresh, items=[_item("a", BODY_B, lang="en")])
    assert _without_runs(store) == _without_runs(fresh)


@pytest.mark.parametrize("prefix", ["https://example.org/news/2024/01/", "x" * 90])
def test_long_ids_that_share_a_prefix_get_different_iris(prefix):
    a, b = item_iri(prefix + "a" * 40 + "-one"), item_iri(prefix + "a" * 40 + "-two")
    assert a != b
    assert len(a) - len("https://w3id.org/policykg/news/") <= 80 + 11
    assert item_iri(prefix + "a" * 40 + "-one") == a  # stable
    assert item_iri("short-id") == "https://w3id.org/policykg/news/short-id"  # short ids unchanged


def test_dash_reads_json_lines_from_stdin(tmp_path):
    lines = "\n".join(json.dumps({"id": f"s{i}", "title": f"Item {i}", "text": body, "lang": lang})
                      for i, (body, lang) in enumerate([(BODY_A, "nl"), (BODY_B, "en")]))
    store = tmp_path / "store"
    result = CliRunner().invoke(main, ["ingest", "-", "--store", str(store), "--no-progress"], input=lines + "\n")
    assert result.exit_code == 0, result.output
    assert "2 items ingested, 0 failed" in result.output
    graph_store = policykg.open_store(store, read_only=True)
    assert _news_graphs(graph_store) == {item_iri("s0"), item_iri("s1")}


def test_stdin_with_a_bad_line_reports_it_with_its_line_number(tmp_path):
    data = json.dumps({"id": "ok", "text": BODY_A, "lang": "nl"}) + "\n{\"id\": \"broken\"\n"
    result = CliRunner().invoke(main, ["ingest", "-", "--store", str(tmp_path / "s"), "--no-progress"], input=data)
    assert result.exit_code == 1
    assert "<stdin>:2" in result.output


BODY_REPEATS = ("De Europese Commissie stelt de AI-verordening voor. De Europese Commissie zal de "
                "AI-verordening ook handhaven.")


@pytest.mark.parametrize(("level", "expected"), [("all", 4), ("first", 2), ("none", 0)])
def test_mention_level_decides_the_annotations_and_keeps_the_links(level, expected):
    store = GraphStore(None)
    policykg.ingest([], items=[_item("m", BODY_REPEATS)], store=store, mentions=level)
    graph = ox.NamedNode(item_iri("m"))
    annotated = [q.subject for q in store.raw.quads_for_pattern(None, RDF.type, PK.Mention, graph)]
    linked = {q.object.value for q in store.raw.quads_for_pattern(None, PK.mentions, None, graph)}
    assert len(annotated) == expected
    assert {"https://w3id.org/policykg/id/institution/european-commission"} <= linked
    assert len(linked) == 2


def test_an_unknown_mention_level_is_a_usage_error():
    with pytest.raises(policykg.PolicykgError, match="mentions must be one of all, first, none"):
        policykg.ingest([], items=[], store=GraphStore(None), mentions="some")


def test_cli_mentions_option(tmp_path):
    item = tmp_path / "m.txt"
    item.write_text("Titel\n\n" + BODY_REPEATS, encoding="utf-8")
    store = tmp_path / "store"
    result = CliRunner().invoke(main, ["ingest", str(item), "--store", str(store), "--lang", "nl",
                                       "--mentions", "all", "--quiet"])
    assert result.exit_code == 0, result.output
    rows = policykg.query("stats-by-class", store=store)
    assert {"class": str(PK.Mention.value), "entities": "4"} in rows


def test_a_copy_in_a_later_batch_replaces_the_one_already_written():
    store = GraphStore(None)
    copy = NewsItem(id="c", title="Bericht a", body=BODY_A, lang="nl")  # item a's text under another id
    items = [_item("a", BODY_A), _item("b", BODY_B, lang="en"), copy]
    report = policykg.ingest([], items=items, store=store, batch_size=1)
    assert report.items_ok == 3
    assert _news_graphs(store) == {item_iri("b"), item_iri("c")}


class _FailingStore(GraphStore):
    """Fails on its second batch, as a full disk would."""

    def __init__(self) -> None:
        super().__init__(None)
        self.batches = 0

    def replace_graphs(self, batch, runs=(), *, remove=()):
        self.batches += 1
        if self.batches == 2:
            raise policykg.StoreError("cannot write the store: no space left on device")
        return super().replace_graphs(batch, runs, remove=remove)


def test_a_failed_write_stops_the_run_and_keeps_what_was_written():
    store = _FailingStore()
    items = [_item("a", BODY_A), _item("b", BODY_B, lang="en"), _item("c", BODY_REPEATS)]
    with pytest.raises(policykg.StoreError, match="no space left"):
        policykg.ingest([], items=items, store=store, batch_size=1)
    assert item_iri("a") in _news_graphs(store)
    assert item_iri("b") not in _news_graphs(store)
