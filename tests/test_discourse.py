"""Sentences and list structure: list items know the line that introduces them."""

from __future__ import annotations

from policykg.discourse import children, segment
from policykg.nlp import get_nlp

TEXT = (
    "Titel\n\n"
    "Het pakket bestaat uit:\n"
    " • Een wijziging van de verordening;\n"
    " • Een mededeling, met daarin onder meer:\n"
    "  - steun via Horizon Europa,\n"
    "  - het initiatief GenAI4EU.\n"
    "De Commissie richt ook twee EDIC's op. Dat is nieuw."
)


def units():
    return segment(get_nlp("nl")(TEXT))


def text_of(unit):
    return TEXT[unit.start: unit.end]


def test_bullets_hang_from_the_line_that_introduces_them():
    us = units()
    intro = next(u for u in us if text_of(u).startswith("Het pakket"))
    assert intro.intro
    items = [text_of(u) for u in children(us, intro.index)]
    assert [t[:3] for t in items] == ["• E", "• E"]


def test_nested_list_items_hang_from_their_own_bullet():
    us = units()
    bullet = next(u for u in us if "mededeling" in text_of(u))
    nested = [text_of(u) for u in children(us, bullet.index)]
    assert len(nested) == 2 and all(t.startswith("-") for t in nested)


def test_a_plain_paragraph_ends_the_list_and_sentences_chain():
    us = units()
    first = next(u for u in us if text_of(u).startswith("De Commissie"))
    second = next(u for u in us if text_of(u).startswith("Dat is"))
    assert first.parent is None
    assert second.previous == first.index
