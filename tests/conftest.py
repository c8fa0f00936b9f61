"""Shared fixtures: the sample news items ingested once into an in-memory store."""

from __future__ import annotations

from pathlib import Path

import pytest

import policykg
from policykg.store import GraphStore

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
ITEMS = DATA / "items"
SHARED = ROOT.parent / "shared"
SEED_ITEM = ITEMS / "ecer-ai-innovatiepakket-2024-01-24.txt"


@pytest.fixture(scope="session")
def sample_store() -> GraphStore:
    """All sample items of data/items, ingested into one in-memory store."""
    store = GraphStore(None)
    report = policykg.ingest([ITEMS], store=store)
    assert report.items_failed == 0, report.failures
    return store


@pytest.fixture(scope="session")
def seed_store() -> GraphStore:
    store = GraphStore(None)
    report = policykg.ingest([SEED_ITEM], store=store)
    assert report.items_ok == 1, report.failures
    return store
