"""Extraction speed against a tokenizer-only spaCy pass over the same texts (run on demand).

    python tests/benchmarks/bench_extract.py [--items N]

Prints docs/s for: the blank tokenizer alone, extraction (mentions, linking, relations),
and extraction plus quads; and the ratio full / tokenizer-only.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy

import policykg
from policykg.extract import extract
from policykg.nlp import get_nlp
from policykg.resources import vocabulary_version
from policykg.triples import item_quads

ITEMS = Path(__file__).resolve().parents[2] / "data" / "items"


def corpus(n: int) -> list[policykg.NewsItem]:
    base = [i for i in policykg.read_items([ITEMS]) if isinstance(i, policykg.NewsItem)]
    out = []
    for k in range(n):
        item = base[k % len(base)]
        out.append(policykg.NewsItem(id=f"{item.id}-{k}", title=item.title, body=item.body, lang=item.lang))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=2000)
    args = parser.parse_args()
    items = corpus(args.items)
    words = sum(len(i.text.split()) for i in items)
    for lang in ("nl", "en"):
        get_nlp(lang)  # build pipelines before timing
    tokenizers = {lang: spacy.blank(lang) for lang in ("nl", "en")}

    t0 = time.perf_counter()
    for item in items:
        tokenizers[item.lang].make_doc(item.text)
    t_tok = time.perf_counter() - t0

    t0 = time.perf_counter()
    extractions = [extract(item) for item in items]
    t_extract = time.perf_counter() - t0

    version = vocabulary_version()
    t0 = time.perf_counter()
    quads = sum(len(item_quads(e, vocabulary_version=version)) for e in extractions)
    t_quads = time.perf_counter() - t0

    n = len(items)
    print(f"{n} items, {words / n:.0f} words per item on average")
    print(f"tokenizer only      {n / t_tok:8.0f} items/s")
    print(f"extraction          {n / t_extract:8.0f} items/s")
    print(f"extraction + quads  {n / (t_extract + t_quads):8.0f} items/s  ({quads} quads)")
    print(f"ratio full / tokenizer-only: {(t_extract + t_quads) / t_tok:.1f}")


if __name__ == "__main__":
    main()
