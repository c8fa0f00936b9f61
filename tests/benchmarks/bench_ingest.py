"""End-to-end ingestion benchmark (on demand; not collected by pytest).

Generates corpora of realistic items from the sample items (new ids and titles, body
sentences shuffled a little, so no two items are the same text), ingests each into a
fresh on-disk store with ``--workers 1`` and ``2``, and reports items/s, words/s,
triples/s, peak RSS, and the ratio of the full ingest time to a tokenizer-only spaCy
pass over the same texts::

    python tests/benchmarks/bench_ingest.py                 # 1,000 and 10,000 items
    python tests/benchmarks/bench_ingest.py --sizes 1000 --workers 2
    python tests/benchmarks/bench_ingest.py --large         # also 100,000 items

Every ingest runs in its own process, so that its peak RSS (the process and its
largest worker, from ``resource.getrusage``) is its own.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ITEMS = ROOT / "data" / "items"
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'(])")


def make_corpus(n: int, path: Path, seed: int = 7) -> int:
    """Write ``n`` items as JSON Lines; the number of words written."""
    import policykg
    from policykg.model import NewsItem

    rng = random.Random(seed)
    originals = [i for i in policykg.read_items([ITEMS]) if isinstance(i, NewsItem)]
    words = 0
    with open(path, "w", encoding="utf-8") as fh:
        for k in range(n):
            item = originals[k % len(originals)]
            paragraphs = item.body.split("\n\n")
            for p in range(len(paragraphs)):  # swap two sentences in some paragraphs
                sentences = _SENTENCE.split(paragraphs[p])
                if len(sentences) > 2 and rng.random() < 0.5:
                    i, j = rng.sample(range(len(sentences)), 2)
                    sentences[i], sentences[j] = sentences[j], sentences[i]
                paragraphs[p] = " ".join(sentences)
            body = "\n\n".join(paragraphs)
            title = f"{item.title} ({k})"
            words += len(title.split()) + len(body.split())
            record = {"id": f"bench-{k:06d}", "title": title, "text": body, "lang": item.lang,
                      "date": item.date.isoformat() if item.date else None, "source": item.source}
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return words


def tokenizer_seconds(path: Path) -> float:
    """A tokenizer-only pass (spacy.blank per language) over the same texts, one process."""
    import spacy

    nlps = {lang: spacy.blank(lang) for lang in ("nl", "en")}
    texts = {"nl": [], "en": []}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            texts[record["lang"]].append(record["title"] + "\n\n" + record["text"])
    started = time.perf_counter()
    for lang, batch in texts.items():
        for _ in nlps[lang].tokenizer.pipe(batch, batch_size=256):
            pass
    return time.perf_counter() - started


def run_one(corpus: Path, workers: int) -> dict:
    """Ingest ``corpus`` into a fresh store (this process); figures as a dict."""
    import policykg

    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        report = policykg.ingest([corpus], store=Path(tmp) / "store", workers=workers)
        seconds = time.perf_counter() - started
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"items": report.items_ok, "failed": report.items_failed, "triples": report.triples,
            "seconds": seconds, "rss_mb": self_kb / 1024, "worker_rss_mb": child_kb / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--large", action="store_true", help="Also 100,000 items.")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--run", nargs=2, metavar=("CORPUS", "WORKERS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        print(json.dumps(run_one(Path(args.run[0]), int(args.run[1]))))
        return
    sizes = args.sizes + ([100_000] if args.large else [])
    print(f"{'items':>7} {'workers':>7} {'items/s':>8} {'words/s':>9} {'triples/s':>10} "
          f"{'peak RSS MB':>14} {'vs tokenizer':>12}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            corpus = Path(tmp) / f"corpus-{n}.jsonl"
            words = make_corpus(n, corpus)
            tok = tokenizer_seconds(corpus)
            for workers in args.workers:
                out = subprocess.run([sys.executable, __file__, "--run", str(corpus), str(workers)],
                                     capture_output=True, text=True, check=True)
                r = json.loads(out.stdout.strip().splitlines()[-1])
                s = r["seconds"]
                rss = f"{r['rss_mb']:.0f}" + (f"+{r['worker_rss_mb']:.0f}w" if workers > 1 else "")
                print(f"{n:>7} {workers:>7} {r['items'] / s:>8.1f} {words / s:>9.0f} {r['triples'] / s:>10.0f} "
                      f"{rss:>14} {s / tok:>11.1f}x", flush=True)
            print(f"{n:>7} tokenizer only: {n / tok:.0f} items/s, {words / tok:.0f} words/s", flush=True)


if __name__ == "__main__":
    main()
