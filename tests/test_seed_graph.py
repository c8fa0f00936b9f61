"""The seed news item gives exactly its gold graph: every entity and relation, nothing more.

The foundation issue's figures (entities and relations P = R = 1.00 on the seed) hold for every
change of the rules or the vocabulary; a new sector label or trigger that adds a node or a relation
to the seed fails here, before anything else sees it.
"""

from __future__ import annotations

from pathlib import Path

import policykg

DATA = Path(__file__).resolve().parents[1] / "data"


def test_the_seed_item_gives_its_gold_graph_exactly():
    report = policykg.evaluate([DATA / "gold-seed.json"], DATA / "items")
    text = report.format_text(verbose=True)
    assert not report.failed, text
    assert (report.entities.fp, report.entities.fn) == (0, 0), text
    assert (report.relations.fp, report.relations.fn) == (0, 0), text
