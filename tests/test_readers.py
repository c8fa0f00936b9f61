"""readers.py: txt, md and jsonl files and streams -> NewsItem, or a one-line InputError."""

from __future__ import annotations

import codecs
import datetime as dt
import io
import json
import shutil
from pathlib import Path

import pytest

from policykg.errors import InputError, UsageError
from policykg.model import NewsItem
from policykg.normalise import normalise_text
from policykg.readers import read_jsonl_stream, read_path, strip_markdown

SEED = Path("/work/shared/seed/ecer-ai-innovatiepakket-2024-01-24.txt")

DUTCH_BODY = (
    "De Europese Commissie heeft op 24 januari 2024 een maatregelenpakket gelanceerd om Europese start-ups "
    "en kleine en middelgrote ondernemingen te ondersteunen bij de ontwikkeling van betrouwbare AI."
)
ENGLISH_BODY = (
    "The European Commission has launched a package of measures to support European start-ups and SMEs "
    "in the development of trustworthy artificial intelligence that respects the values of the EU."
)
FRENCH_BODY = (
    "La Commission européenne a lancé un paquet de mesures visant à soutenir les jeunes pousses et les "
    "petites et moyennes entreprises dans le développement d'une intelligence artificielle de confiance."
)


def one(path: Path | str, **kwargs: object) -> NewsItem | InputError:
    results = list(read_path(path, **kwargs))  # type: ignore[arg-type]
    assert len(results) == 1, results
    return results[0]


def jsonl(*objects: object) -> str:
    return "".join((o if isinstance(o, str) else json.dumps(o, ensure_ascii=False)) + "\n" for o in objects)


# --------------------------------------------------------------------------- #
# items that read
# --------------------------------------------------------------------------- #


def test_seed_file() -> None:
    if not SEED.exists():
        pytest.skip(f"seed news item not found: {SEED}")
    item = one(SEED)
    assert isinstance(item, NewsItem)
    assert item.id == "ecer-ai-innovatiepakket-2024-01-24"
    assert item.title.startswith("Europese Commissie presenteert maatregelenpakket")
    assert item.body.startswith("Contentverzamelaar\n\nEuropese Commissie presenteert")
    assert item.lang == "nl"
    assert item.date == dt.date(2024, 1, 24)
    assert (item.url, item.source, item.origin) == (None, None, str(SEED))
    assert "  - financiële steun" in item.body and "  - het versnellen" in item.body
    assert normalise_text(item.text) == item.text


def test_text_file(tmp_path: Path) -> None:
    path = tmp_path / "nieuws-2024-02-01.txt"
    path.write_text(f"\n\n  Het AI-pakket  \n\n{DUTCH_BODY}\nDe ontwik-\nkeling.\n", encoding="utf-8")
    item = one(path)
    assert item == NewsItem(
        id="nieuws-2024-02-01",
        title="Het AI-pakket",
        body=DUTCH_BODY + "\nDe ontwikkeling.",
        lang="nl",
        date=dt.date(2024, 2, 1),
        origin=str(path),
    )


def test_markdown_file(tmp_path: Path) -> None:
    path = tmp_path / "pakket.md"
    path.write_text(f"# Het **AI-pakket** #\n\n## Achtergrond\n\n*{DUTCH_BODY}*\n\n* een punt\n", encoding="utf-8")
    item = one(path)
    assert isinstance(item, NewsItem)
    assert item.title == "Het AI-pakket"
    assert item.body == f"Achtergrond\n\n{DUTCH_BODY}\n\n* een punt"
    assert item.date is None


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("# Titel", "Titel"),
        ("###### Titel ###", "Titel"),
        ("####### zeven", "####### zeven"),
        ("#hashtag", "#hashtag"),
        ("**vet** en *schuin* en ***beide***", "vet en schuin en beide"),
        ("* een lijst\n* met *nadruk*", "* een lijst\n* met nadruk"),
        ("2 * 3 * 4", "2 * 3 * 4"),
        ("_onderstreept_ en `code`", "_onderstreept_ en `code`"),
    ],
)
def test_strip_markdown(markdown: str, expected: str) -> None:
    assert strip_markdown(markdown) == expected


def test_jsonl_file(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(
        jsonl(
            {"id": "a-1", "title": " Het  pakket\n", "text": DUTCH_BODY, "date": "2024-01-24",
             "url": "https://example.org/a", "source": "ECER", "extra": [1, 2]},
            "",
            {"title": "The package", "text": ENGLISH_BODY, "date": "2024-01-24T17:30:00+01:00", "lang": "en-GB"},
            {"id": 7, "text": FRENCH_BODY, "lang": "NL"},
        ),
        encoding="utf-8",
    )  # fmt: skip
    a, b, c = read_path(path)
    assert a == NewsItem(
        id="a-1", title="Het pakket", body=DUTCH_BODY, lang="nl", date=dt.date(2024, 1, 24),
        url="https://example.org/a", source="ECER", origin=f"{path}:1",
    )  # fmt: skip
    assert (b.id, b.lang, b.date, b.origin, b.title) == ("feed-3", "en", dt.date(2024, 1, 24), f"{path}:3", "The package")
    assert (c.id, c.lang, c.title, c.text) == ("7", "nl", "", FRENCH_BODY)


def test_jsonl_stream() -> None:
    stream = io.StringIO("\ufeff" + jsonl({"id": "x", "text": DUTCH_BODY}, {"text": ENGLISH_BODY}, {"title": "t"}))
    x, second, error = read_jsonl_stream(stream)
    assert (x.id, x.lang, x.origin) == ("x", "nl", "<stdin>:1")
    assert (second.id, second.lang, second.origin) == ("stdin-2", "en", "<stdin>:2")
    assert str(error) == '<stdin>:3: item has no "text" field; add one.'


def test_jsonl_stream_named_and_empty() -> None:
    (item,) = read_jsonl_stream(io.StringIO(jsonl({"text": FRENCH_BODY})), name="data/in.jsonl", lang="nl")
    assert (item.id, item.lang, item.origin) == ("in-1", "nl", "data/in.jsonl:1")
    (error,) = read_jsonl_stream(io.StringIO("\n  \n"))
    assert str(error) == "<stdin>: input is empty; send one JSON object per line."


@pytest.mark.parametrize(
    "encode",
    [
        pytest.param(lambda s: s.encode("utf-8"), id="utf-8"),
        pytest.param(lambda s: codecs.BOM_UTF8 + s.encode("utf-8"), id="utf-8-bom"),
        pytest.param(lambda s: s.encode("utf-16"), id="utf-16-bom"),
        pytest.param(lambda s: codecs.BOM_UTF16_BE + s.encode("utf-16-be"), id="utf-16-be-bom"),
        pytest.param(lambda s: s.encode("cp1252"), id="windows-1252"),
        pytest.param(lambda s: s.replace("\n", "\r\n").encode("cp1252"), id="windows-1252-crlf"),
    ],
)
@pytest.mark.parametrize("suffix", [".txt", ".jsonl", ".html", ".rss"])
def test_encodings(tmp_path: Path, encode, suffix: str) -> None:
    title, body = "Coördinatie van “AI”", DUTCH_BODY + " Financiële steun – 5 €."
    text = {
        ".txt": f"{title}\n\n{body}\n",
        ".jsonl": jsonl({"title": title, "text": body}),
        ".html": f"<html><body><h1>{title}</h1><p>{body}</p></body></html>",
        ".rss": f"<rss><channel><item><title>{title}</title><description>{body}</description></item></channel></rss>",
    }[suffix]
    path = tmp_path / f"item{suffix}"
    path.write_bytes(encode(text))
    item = one(path)
    assert isinstance(item, NewsItem), item
    assert (item.title, item.body, item.lang) == (title, body, "nl")


def test_lang_argument_wins(tmp_path: Path) -> None:
    path = tmp_path / "fr.txt"
    path.write_text(f"Titre\n\n{FRENCH_BODY}\n", encoding="utf-8")
    assert one(path, lang="nl").lang == "nl"
    assert one(path, lang="EN").lang == "en"
    feed = tmp_path / "feed.jsonl"
    feed.write_text(jsonl({"text": DUTCH_BODY, "lang": "en"}), encoding="utf-8")
    assert one(feed).lang == "en"
    assert one(feed, lang="nl").lang == "nl"


# --------------------------------------------------------------------------- #
# errors: one line each, yielded (not raised), and the rest goes on
# --------------------------------------------------------------------------- #

SUFFIXES = ".atom, .htm, .html, .jsonl, .md, .rss, .txt, .xml"

ERROR_CASES = [
    # (case id, file name, content, keyword arguments, expected message; {path} is the file)
    ("empty-txt", "leeg.txt", b"", {}, "{path}: file is empty; remove it or add a news item."),
    ("blank-txt", "leeg.md", b"\n \t\n\xc2\xa0\n", {}, "{path}: file is empty; remove it or add a news item."),
    ("binary", "plaatje.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", {},
     "{path}: not valid UTF-8 text (binary file?); convert it to UTF-8."),
    ("undefined-cp1252-bytes", "raar.txt", b"Titel\n\nTekst \x81\x8d\x90", {},
     "{path}: not valid UTF-8 text (binary file?); convert it to UTF-8."),
    ("title-only", "kop.txt", b"Alleen een titel\n\n", {},
     "{path}: the file has a title but no text; add the news item's text below the title."),
    ("too-big", "groot.txt", b"Titel\n\n" + b"x" * 100, {"max_bytes": 50},
     "{path}: file is too big (107 bytes; the limit is 50 bytes); split it or raise the limit (max_bytes)."),
    ("language-unknown", "fr.txt", f"Titre\n\n{FRENCH_BODY}".encode(), {},
     '{path}: cannot tell the language (nl or en); pass --lang nl|en or add a "lang" field.'),
    ("unsupported-suffix", "item.pdf", b"%PDF-1.7", {}, "{path}: unsupported file type '.pdf'; use one of: " + SUFFIXES + "."),
    ("no-suffix", "README", b"x", {}, "{path}: unsupported file type '(none)'; use one of: " + SUFFIXES + "."),
    ("jsonl-empty", "leeg.jsonl", b"\n\n", {}, "{path}: file is empty; remove it or add a news item."),
    ("jsonl-binary", "x.jsonl", b'{"text": "\x00\x01"}\n', {},
     "{path}: not valid UTF-8 text (binary file?); convert it to UTF-8."),
    ("jsonl-no-text", "x.jsonl", b'{"id": "a", "title": "t"}\n', {}, '{path}:1: item has no "text" field; add one.'),
    ("jsonl-null-text", "x.jsonl", b'{"text": null}\n', {}, '{path}:1: item has no "text" field; add one.'),
    ("jsonl-empty-text", "x.jsonl", b'{"text": "  \\n "}\n', {},
     '{path}:1: item has an empty "text" field; add the text or remove the item.'),
    ("jsonl-text-not-string", "x.jsonl", b'{"text": ["a"]}\n', {},
     '{path}:1: "text" must be a string, not an array; fix the field.'),
    ("jsonl-id-not-string", "x.jsonl", b'{"id": {"a": 1}, "text": "t"}\n', {},
     '{path}:1: "id" must be a string, not an object; fix the field.'),
    ("jsonl-invalid-json", "x.jsonl", b'{"text": "a",}\n', {},
     "{path}:1: not valid JSON (Expecting property name enclosed in double quotes at column 14); "
     "fix the line or remove it."),
    ("jsonl-not-object", "x.jsonl", b'["text"]\n', {},
     "{path}:1: expected a JSON object, got an array; write one news item {...} per line."),
    ("jsonl-bad-date", "x.jsonl", b'{"text": "t", "date": "24-01-2024", "lang": "nl"}\n', {},
     '{path}:1: "date" is not an ISO date: "24-01-2024"; write it as YYYY-MM-DD.'),
    ("jsonl-date-number", "x.jsonl", b'{"text": "t", "date": 20240124, "lang": "nl"}\n', {},
     '{path}:1: "date" is not an ISO date: 20240124; write it as YYYY-MM-DD.'),
    ("jsonl-unsupported-lang", "x.jsonl", b'{"text": "t", "lang": "fr"}\n', {},
     "{path}:1: language 'fr' is not supported; use one of: en, nl."),
    ("jsonl-unknown-lang", "x.jsonl", f'{{"text": "{FRENCH_BODY}"}}\n'.encode(), {},
     '{path}:1: cannot tell the language (nl or en); pass --lang nl|en or add a "lang" field.'),
    ("jsonl-line-too-big", "x.jsonl", b'{"text": "' + b"x" * 100 + b'"}\n', {"max_bytes": 50},
     "{path}:1: item is too big (113 bytes; the limit is 50 bytes); split it or raise the limit (max_bytes)."),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "content", "kwargs", "expected"), [c[1:] for c in ERROR_CASES], ids=[c[0] for c in ERROR_CASES]
)
def test_error(tmp_path: Path, name: str, content: bytes, kwargs: dict, expected: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    error = one(path, **kwargs)
    assert isinstance(error, InputError)
    assert str(error) == expected.replace("{path}", str(path))
    assert "\n" not in str(error)
    assert error.exit_code == 2


def test_jsonl_goes_on_after_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "mix.jsonl"
    line = json.dumps({"text": DUTCH_BODY})
    path.write_text(f"{line}\nnot json\n{{\"x\": 1}}\n{'x' * 300}\n{line}\n", encoding="utf-8")
    results = list(read_path(path, max_bytes=250))
    assert [type(r).__name__ for r in results] == ["NewsItem", "InputError", "InputError", "InputError", "NewsItem"]
    assert [r.where for r in results if isinstance(r, InputError)] == [f"{path}:2", f"{path}:3", f"{path}:4"]
    assert [r.id for r in results if isinstance(r, NewsItem)] == ["mix-1", "mix-5"]


def test_wrong_calls_raise_at_once(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or folder; check the path"):
        read_path(tmp_path / "missing")
    with pytest.raises(UsageError, match="language 'fr' is not supported; use one of: en, nl."):
        read_path(tmp_path, lang="fr")
    with pytest.raises(UsageError, match="not supported"):
        read_jsonl_stream(io.StringIO(""), lang="de")


# --------------------------------------------------------------------------- #
# folders
# --------------------------------------------------------------------------- #


def test_folder_with_a_mix_of_files(tmp_path: Path) -> None:
    def write(rel: str, content: str | bytes) -> Path:
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return path

    write("b-2024-03-01.txt", f"Titel B\n\n{DUTCH_BODY}")
    write("a.md", f"# Title A\n\n{ENGLISH_BODY}")
    write("sub/c.jsonl", jsonl({"id": "c1", "text": DUTCH_BODY}, {"id": "c2"}))
    write("sub/deeper/D.TXT", f"Titel D\n\n{DUTCH_BODY}")
    empty = write("sub/empty.txt", "")
    write("notes.pdf", b"%PDF")
    write("data.json", "{}")
    write(".hidden.txt", f"Verborgen\n\n{DUTCH_BODY}")
    write(".git/x.txt", f"Git\n\n{DUTCH_BODY}")
    write("sub/.cache/y.jsonl", jsonl({"text": DUTCH_BODY}))

    results = list(read_path(str(tmp_path)))
    summary = [r.id if isinstance(r, NewsItem) else str(r) for r in results]
    assert summary == [
        "a",
        "b-2024-03-01",
        "c1",
        f'{tmp_path / "sub/c.jsonl"}:2: item has no "text" field; add one.',
        "D",
        f"{empty}: file is empty; remove it or add a news item.",
    ]
    items = {r.id: r for r in results if isinstance(r, NewsItem)}
    assert (items["a"].lang, items["b-2024-03-01"].lang, items["b-2024-03-01"].date) == ("en", "nl", dt.date(2024, 3, 1))
    assert items["c1"].origin == f"{tmp_path / 'sub/c.jsonl'}:1"


def test_seed_folder_reads_only_the_news_item(tmp_path: Path) -> None:
    if not SEED.exists():
        pytest.skip(f"seed news item not found: {SEED}")
    shutil.copytree(SEED.parent, tmp_path / "seed")
    (item,) = read_path(tmp_path / "seed")  # seed-gold.json is not a news item
    assert isinstance(item, NewsItem) and item.id == SEED.stem


# --------------------------------------------------------------------------- #
# HTML pages and feeds (the parsers have their own tests; these are about files)
# --------------------------------------------------------------------------- #


def test_every_supported_suffix_has_a_reader() -> None:
    from policykg.readers import _FILE_READERS, SUPPORTED_SUFFIXES

    assert sorted(_FILE_READERS) == list(SUPPORTED_SUFFIXES)


def test_html_file(tmp_path: Path) -> None:
    path = tmp_path / "pagina-2024-02-02.HTM"
    path.write_text(
        '<html lang="nl"><head><link rel="canonical" href="https://example.org/p">'
        '<meta property="og:site_name" content="Site"></head>'
        f"<body><nav>Home</nav><main><h1>Het  pakket</h1><p>{DUTCH_BODY}</p></main></body></html>",
        encoding="utf-8",
    )
    assert one(path) == NewsItem(
        id="pagina-2024-02-02", title="Het pakket", body=DUTCH_BODY, lang="nl", date=dt.date(2024, 2, 2),
        url="https://example.org/p", source="Site", origin=str(path),
    )  # fmt: skip


def test_html_meta_charset_is_honoured_when_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "p.html"
    path.write_bytes(f'<meta charset="koi8-r"><h1>Прага</h1><p>{DUTCH_BODY}</p>'.encode("koi8-r"))
    assert one(path).title == "Прага"
    path.write_bytes(f'<meta charset="iso-8859-1"><h1>Coördinatie</h1><p>{DUTCH_BODY}</p>'.encode("utf-8"))
    assert one(path).title == "Coördinatie"  # valid UTF-8 beats a wrong declaration


def test_feed_file(tmp_path: Path) -> None:
    path = tmp_path / "ecer.xml"
    path.write_text(
        "<rss><channel><title>ECER</title>\n"
        f"<item><guid>a</guid><link>https://example.org/a</link><title>A</title><description>{DUTCH_BODY}</description>"
        "<pubDate>Wed, 24 Jan 2024 17:30:00 +0100</pubDate></item>\n"
        "<item><title>Zonder tekst</title></item>\n"
        f"<item><description>{ENGLISH_BODY}</description></item>\n"
        "</channel></rss>",
        encoding="utf-8",
    )
    a, error, c = read_path(path)
    assert a == NewsItem(
        id="a", title="A", body=DUTCH_BODY, lang="nl", date=dt.date(2024, 1, 24), url="https://example.org/a",
        source="ECER", origin=f"{path}:2",
    )  # fmt: skip
    assert str(error).startswith(f"{path}:3: the entry has no text")
    assert (c.id, c.lang, c.origin, c.title) == ("ecer-4", "en", f"{path}:4", "")


@pytest.mark.parametrize(
    ("body", "declared", "kwargs", "expected"),
    [
        (ENGLISH_BODY, "nl", {}, "en"),  # detection beats a template's lang attribute
        ("AI-bureau opgericht", "nl-NL", {}, "nl"),  # too short to tell: the declared language
        ("AI-bureau opgericht", None, {}, 'cannot tell the language (nl or en); pass --lang nl|en or add a "lang" field.'),
        (FRENCH_BODY, "fr", {}, "language 'fr' (declared by the file) is not supported; use one of: en, nl, or pass --lang nl|en."),
        (FRENCH_BODY, "fr", {"lang": "nl"}, "nl"),
    ],
)  # fmt: skip
@pytest.mark.parametrize("suffix", [".html", ".atom"])
def test_markup_language(tmp_path: Path, suffix: str, body: str, declared: str | None, kwargs: dict, expected: str) -> None:
    path = tmp_path / f"item{suffix}"
    lang = f' lang="{declared}"' if declared and suffix == ".html" else f' xml:lang="{declared}"' if declared else ""
    if suffix == ".html":
        path.write_text(f"<html{lang}><body><p>{body}</p></body></html>", encoding="utf-8")
    else:
        path.write_text(f'<feed xmlns="http://www.w3.org/2005/Atom"{lang}><entry><summary>{body}</summary></entry></feed>')
    result = one(path, **kwargs)
    if isinstance(result, InputError):
        assert result.message == expected
    else:
        assert result.lang == expected


def test_folder_reads_html_and_feeds(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(f"<p>{DUTCH_BODY}</p>", encoding="utf-8")
    (tmp_path / "b.rss").write_text(f"<rss><channel><item><guid>b1</guid><description>{DUTCH_BODY}</description></item></channel></rss>")
    (tmp_path / "c.atom").write_text('<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>c1</id></entry></feed>')
    (tmp_path / "d.xml").write_text("<rss><channel>")
    results = [r.id if isinstance(r, NewsItem) else r.message.split(";")[0] for r in read_path(tmp_path)]
    assert results == ["a", "b1", "the entry has no text (no content:encoded, description, content or summary)",
                       "broken XML (no element found at line 1, column 15)"]  # fmt: skip
