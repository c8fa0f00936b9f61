"""The spaCy pipeline: the special cases it drops change no token."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.attrs import IDX, LOWER, NORM, ORTH, SPACY

import policykg
from policykg.nlp import _NEEDLESS_SPECIAL_CASES, make_nlp

ITEMS = Path(__file__).resolve().parents[1] / "data" / "items"

TRICKY = [
    "Titel\nEerste regel\n• punt één\n\tingesprongen\n\nNieuwe alinea",
    "The Act — adopted in 2023 —entered into force;\tsee 'the Act' and ‘the Regulation’.",
    "kmo's en kmo’s (’) ('), “quoted”—dash, ' alone ’ alone\n'\n’\n—\n \n  \n\t\t\n",
    "it's the EU's aim, don't you—think?\xa0Yes\u00a0\n\n—\n(—)\n'—'",
]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_dropped_special_cases_change_no_token(lang: str) -> None:
    ours = make_nlp(lang)
    full = make_nlp(lang)
    full.tokenizer.rules = {**full.tokenizer.rules, **{s: [{ORTH: s}] for s in _NEEDLESS_SPECIAL_CASES}}
    texts = TRICKY + [i.text for i in policykg.read_items([ITEMS]) if isinstance(i, policykg.NewsItem) and i.lang == lang]
    attrs = [ORTH, NORM, LOWER, SPACY, IDX]
    for text in texts:
        for _ in range(2):  # from scratch and from the tokenizer's cache
            assert ours.make_doc(text).to_array(attrs).tolist() == full.make_doc(text).to_array(attrs).tolist(), text
