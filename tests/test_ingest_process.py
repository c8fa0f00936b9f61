"""Real processes: a SIGKILLed ingestion, two processes on one store, --workers.

The corpus is 400 copies of the sample items (distinct ids and titles, so neither the
id nor the URL nor the text repeats), as one JSON Lines file.
"""

from __future__ import annotations

import fcntl
import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

import policykg
from policykg.model import NewsItem
from policykg.namespaces import PK, PKG, PKN_IRI, PROV, RDF
from policykg.store import LOCK_FILE, GraphStore

from conftest import ITEMS

COPIES = 400
POLICYKG = [sys.executable, "-c", "import sys; from policykg.cli import main; sys.exit(main())"]


def _copies(n: int) -> list[NewsItem]:
    originals = [i for i in policykg.read_items([ITEMS]) if isinstance(i, NewsItem)]
    out = []
    for k in range(n):
        item = originals[k % len(originals)]
        out.append(NewsItem(id=f"copy-{k:04d}-{item.id}", title=f"{item.title} ({k})", body=item.body,
                            lang=item.lang, date=item.date, source=item.source))
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "items.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for item in _copies(COPIES):
            record = {"id": item.id, "title": item.title, "text": item.body, "lang": item.lang,
                      "date": item.date.isoformat() if item.date else None}
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


@pytest.fixture(scope="module")
def clean_counts(corpus, tmp_path_factory) -> tuple[dict[str, int], list[str]]:
    """Quads per item graph, and all quads but pkg:runs, of one clean uninterrupted run (a process like the others)."""
    store_dir = tmp_path_factory.mktemp("clean") / "store"
    done = subprocess.run([*POLICYKG, "ingest", str(corpus), "--store", str(store_dir), "--no-progress"],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    store = GraphStore(store_dir, read_only=True)
    return _graph_sizes(store), _without_runs(store)


def _graph_sizes(store: GraphStore) -> dict[str, int]:
    return dict(Counter(q.graph_name.value for q in store.quads() if q.graph_name.value.startswith(PKN_IRI)))


def _without_runs(store: GraphStore) -> list[str]:
    return sorted(str(q) for q in store.quads() if q.graph_name != PKG.runs)


def _start(corpus: Path, store: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen([*POLICYKG, "ingest", str(corpus), "--store", str(store), "--no-progress", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _writer_holds_lock(store: Path) -> bool:
    lock = store / LOCK_FILE
    if not lock.exists():
        return False
    fd = os.open(lock, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        return False
    except BlockingIOError:
        return True
    finally:
        os.close(fd)


def test_a_killed_run_leaves_complete_items_and_a_rerun_completes_the_rest(corpus, clean_counts, tmp_path):
    sizes, clean = clean_counts
    store_dir = tmp_path / "store"
    delay, partial = 5.0, None
    for _attempt in range(6):  # kill part-way; on a slow machine nothing may be in yet, so try later
        proc = _start(corpus, store_dir, "--batch-size", "5")
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        proc.stdout.close(), proc.stderr.close()
        store = GraphStore(store_dir, read_only=True)  # it opens
        got = _graph_sizes(store)
        # every item present is complete: as many quads as in the clean run, its run node and its run metadata
        assert {g: sizes[g] for g in got} == got
        runs = {q.subject.value for q in store.raw.quads_for_pattern(None, None, None, PKG.runs)}
        assert {g + "#run" for g in got} <= runs
        for graph in got:
            node = policykg.api.ox.NamedNode(graph)
            assert next(store.raw.quads_for_pattern(node, RDF.type, PK.NewsItem, node), None) is not None
            assert next(store.raw.quads_for_pattern(node, PROV.wasGeneratedBy, None, node), None) is not None
        del store
        if 0 < len(got) < COPIES:
            partial = len(got)
            break
        delay += 2 if not got else -1.5
    assert partial is not None, "could not kill the run part-way"
    rerun = subprocess.run([*POLICYKG, "ingest", str(corpus), "--store", str(store_dir), "--no-progress"],
                           capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    store = GraphStore(store_dir, read_only=True)
    assert _without_runs(store) == clean


def test_a_second_writer_fails_at_once_or_waits_and_readers_are_told_why(corpus, tmp_path):
    store_dir = tmp_path / "store"
    small = tmp_path / "small.jsonl"
    small.write_text(json.dumps({"id": "extra", "title": "Extra", "lang": "en",
                                 "text": "The European Commission adopted the Chips Act."}) + "\n", encoding="utf-8")
    first = _start(corpus, store_dir, "--batch-size", "20")
    try:
        deadline = time.monotonic() + 60
        while not _writer_holds_lock(store_dir):
            assert first.poll() is None and time.monotonic() < deadline, "the first ingest did not start"
            time.sleep(0.05)
        second = subprocess.run([*POLICYKG, "ingest", str(small), "--store", str(store_dir), "--no-progress"],
                                capture_output=True, text=True, timeout=120)
        assert second.returncode == 2
        assert second.stderr.count("\n") == 1 and "in use by another policykg process" in second.stderr
        reader = subprocess.run([*POLICYKG, "stats", "--store", str(store_dir)], capture_output=True, text=True,
                                timeout=120)
        assert reader.returncode == 2
        assert "being written by another process; try again when it has finished" in reader.stderr
        waiting = subprocess.run([*POLICYKG, "ingest", str(small), "--store", str(store_dir), "--no-progress",
                                  "--wait", "600"], capture_output=True, text=True, timeout=700)
        assert waiting.returncode == 0, waiting.stderr
        assert first.poll() == 0  # the waiting one started after the first had finished
    finally:
        if first.poll() is None:
            first.kill()
        first.communicate()
    store = GraphStore(store_dir, read_only=True)
    items = {q.subject.value for q in store.raw.quads_for_pattern(None, RDF.type, PK.NewsItem, None)}
    assert len(items) == COPIES + 1


def test_workers_give_the_same_store_as_one_process():
    one, two = GraphStore(None), GraphStore(None)
    items = _copies(48)
    r1 = policykg.ingest([], store=one, items=items)
    r2 = policykg.ingest([], store=two, items=items, workers=2, chunk_size=4, batch_size=10)
    assert (r1.items_ok, r1.entities, r1.relations, r1.triples) == (r2.items_ok, r2.entities, r2.relations, r2.triples)
    assert _without_runs(one) == _without_runs(two)


def test_workers_report_bad_items_in_order(tmp_path):
    bad = tmp_path / "mixed.jsonl"
    bad.write_text("\n".join([
        json.dumps({"id": "a", "text": "The European Commission adopted the Chips Act.", "lang": "en"}),
        "{broken",
        json.dumps({"id": "b", "text": "De Europese Commissie stelde de AI-verordening voor.", "lang": "nl"}),
    ]) + "\n", encoding="utf-8")
    report = policykg.ingest([bad], store=GraphStore(None), workers=2, chunk_size=1)
    assert report.items_ok == 2 and report.items_failed == 1
    assert report.failures[0].where.endswith("mixed.jsonl:2")
