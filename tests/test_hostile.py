"""The hostile corpus (tests/hostile/, written by its make_corpus.py): every file's outcome, and the folder as a whole.

Each case maps a file to what reading it must give, in order: a dict for a news
item (the fields to check) or a string for an error (a fragment of its message).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import pytest

import policykg
from policykg.errors import InputError
from policykg.model import NewsItem
from policykg.normalise import normalise_text
from policykg.readers import read_path

HOSTILE = Path(__file__).parent / "hostile"
GENERATOR = "make_corpus.py"

Expected = dict[str, object] | str

CASES: dict[str, list[Expected]] = {
    # text, Markdown
    "empty.txt": ["file is empty; remove it or add a news item."],
    "binary.txt": ["not valid UTF-8 text (binary file?)"],
    "nul-bytes.txt": ["not valid UTF-8 text (binary file?)"],
    "french.txt": ["cannot tell the language (nl or en); pass --lang nl|en"],
    "no-entity-2024-05-01.txt": [
        {"id": "no-entity-2024-05-01", "title": "Het weer", "lang": "nl", "date": dt.date(2024, 5, 1)}
    ],
    "utf-16.txt": [{"id": "utf-16", "title": "Coördinatie van “AI”", "lang": "nl"}],
    "windows-1252.txt": [{"id": "windows-1252", "title": "Coördinatie – 5 €", "lang": "nl"}],
    "bom.md": [{"id": "bom", "title": "Het AI-pakket", "lang": "nl"}],
    "heading-only.md": ["the file has a title but no text"],
    # JSON Lines
    "truncated.jsonl": [{"id": "heel", "lang": "nl"}, "not valid JSON (Unterminated string"],
    "no-text.jsonl": ['item has no "text" field'],
    "wrong-date.jsonl": ['"date" is not an ISO date: "24/01/2024"'],
    "text-not-string.jsonl": ['"text" must be a string, not a number'],
    # HTML
    "page.html": [
        {
            "id": "page",
            "title": "Commissie steunt start-ups in AI",
            "lang": "nl",
            "date": dt.date(2024, 1, 24),
            "url": "https://example.org/nieuws/ai-pakket",
            "source": "ECER Nieuws",
            "body_ends": "Het pakket omvat:\n\n• financiële steun via Horizon Europa;\n• AI-fabrieken\n  • met supercomputers",
            "body_lacks": ["Home", "Lees ook", "©", "tracking", "Zoek", "25 januari", "color"],
        }
    ],
    "malformed.html": [
        {"id": "malformed", "title": "Kapotte pagina", "lang": "nl",
         "body_ends": "Tweede alinea vet en schuin zonder sluiting\n\n• los lijstitem\n\n"
                      "Laatste alinea & een spatie © &unknown; einde"}
    ],  # fmt: skip
    "boilerplate-only.html": ["the page has no main text (only navigation, header, footer, scripts or forms)"],
    "deeply-nested.html": ["the HTML is nested too deeply (2,001 levels; the limit is 512)"],
    "fairly-nested.htm": [{"id": "fairly-nested", "title": "Vrij diep", "lang": "nl"}],
    "latin-9.html": [{"id": "latin-9", "title": "Prijs 5 €", "body_ends": "Coördinatie kost 5 €."}],
    # feeds
    "good-and-bad.rss": [
        {
            "id": "ecer-2024-001",
            "title": "AI-pakket voor start-ups",
            "lang": "nl",
            "date": dt.date(2024, 1, 24),
            "url": "https://example.org/nieuws/ai-pakket",
            "source": "ECER Nieuws",
            "origin_line": 7,
            "body_ends": "AI-verordening.\n\n• eerste punt",
        },
        "<pubDate> is not a date: 'gisteren'",
    ],
    "feed.atom": [
        {"id": "tag:example.org,2024:ai-act", "title": "AI Act enters into force today", "lang": "en",
         "date": dt.date(2024, 8, 1), "url": "https://example.org/ai-act", "source": "EU Policy Watch",
         "body_ends": "AI Act.\n\n• one\n• two"},
        {"id": "tag:example.org,2025:data-act", "lang": "nl", "date": dt.date(2025, 9, 12),
         "url": "https://example.org/data-act", "source": "EU Policy Watch"},
    ],  # fmt: skip
    "rss-1.xml": [
        {"id": "https://example.org/rdf-1", "title": "Een RSS 1.0-bericht", "date": dt.date(2024, 3, 1),
         "source": "RDF Nieuws"}
    ],  # fmt: skip
    "rss-091-entities.rss": [
        {"id": "https://example.org/oud", "title": "Coördinatie", "source": "Oud nieuws", "body_ends": "€ 5"}
    ],
    "windows-1252.rss": [{"id": "cp-1", "title": "Coördinatie – 5 €", "source": "Kanaal"}],
    "broken.rss": ["broken XML (mismatched tag at line 4, column 3)"],
    "undefined-entity.rss": ["broken XML (undefined entity at line 2"],
    "external-entity.rss": ["declares an external entity 'xxe' (file:///etc/passwd); refused for safety"],
    "billion-laughs.xml": ["declares the entity 'lol'; refused for safety"],
    "sitemap.xml": ["not an RSS or Atom feed (the root element is <urlset>)"],
    "empty-feed.rss": ["the feed has no <item> or <entry>"],
}


def _check(result: NewsItem | InputError, expected: Expected, path: Path) -> None:
    if isinstance(expected, str):
        assert isinstance(result, InputError), result
        assert expected in result.message
        assert result.where is not None and result.where.startswith(str(path))
        assert "\n" not in str(result)
        return
    assert isinstance(result, NewsItem), str(result)
    fields = dict(expected)
    body_ends = fields.pop("body_ends", None)
    body_lacks = fields.pop("body_lacks", [])
    line = fields.pop("origin_line", None)
    assert {k: getattr(result, k) for k in fields} == fields
    if body_ends is not None:
        assert result.body.endswith(body_ends)  # type: ignore[arg-type]
    for text in body_lacks:  # type: ignore[union-attr]
        assert text not in result.text
    if line is not None:
        assert result.origin == f"{path}:{line}"
    assert result.origin == str(path) or str(result.origin).startswith(f"{path}:")
    assert result.body.strip() and normalise_text(result.text) == result.text


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_file(name: str) -> None:
    path = HOSTILE / name
    results = list(read_path(path))
    assert len(results) == len(CASES[name]), [str(r) for r in results]
    for result, expected in zip(results, CASES[name]):
        _check(result, expected, path)


def test_every_file_has_a_case_and_the_generator_made_them() -> None:
    spec = importlib.util.spec_from_file_location("make_corpus", HOSTILE / GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    corpus: dict[str, bytes] = module.corpus()
    on_disk = {p.name for p in HOSTILE.iterdir() if p.is_file() and p.name != GENERATOR}
    assert on_disk == set(corpus) == set(CASES)
    assert len(CASES) >= 20
    stale = [name for name, content in corpus.items() if (HOSTILE / name).read_bytes() != content]
    assert not stale, f"rerun python tests/hostile/{GENERATOR}: {stale}"


def test_the_whole_folder_reads_without_raising() -> None:
    results = list(read_path(HOSTILE))
    items = [r for r in results if isinstance(r, NewsItem)]
    errors = [r for r in results if isinstance(r, InputError)]
    expected_items = [e for name in sorted(CASES) for e in CASES[name] if isinstance(e, dict)]
    expected_errors = {name: sum(isinstance(e, str) for e in CASES[name]) for name in CASES}
    assert [i.id for i in items] == [e["id"] for e in expected_items]
    per_file = {name: sum(str(e.where).split(":")[0] == str(HOSTILE / name) for e in errors) for name in CASES}
    assert per_file == expected_errors  # one error per bad input (a feed: per bad entry); make_corpus.py is skipped
    assert len(results) == len(items) + len(errors)


def test_ingest_goes_on_past_the_hostile_files() -> None:
    store = policykg.open_store(None)
    report = policykg.ingest([HOSTILE], store=store)
    n_items = sum(isinstance(e, dict) for cases in CASES.values() for e in cases)
    assert (report.items_ok, report.items_failed) == (n_items, sum(len(c) for c in CASES.values()) - n_items)
    assert not [f for f in report.failures if "internal error" in f.message]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("big.txt", b"Titel\n\n" + b"woord " * 200),
        ("big.html", b"<p>" + b"woord " * 200 + b"</p>"),
        ("big.rss", b"<rss><channel>" + b" " * 1200 + b"</channel></rss>"),
    ],
)
def test_over_size_files_are_reported_not_read(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    (error,) = read_path(path, max_bytes=1000)
    assert isinstance(error, InputError)
    assert str(error) == (
        f"{path}: file is too big ({len(content):,} bytes; the limit is 1,000 bytes); "
        "split it or raise the limit (max_bytes)."
    )
