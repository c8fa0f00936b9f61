"""htmltext.py: the main text and metadata of HTML pages and fragments."""

from __future__ import annotations

import datetime as dt

import pytest

from policykg.errors import InputError
from policykg.htmltext import MAX_DEPTH, html_to_text, nesting_depth, parse_page

FRAGMENTS = [
    # (case id, HTML, text)
    ("paragraphs", "<p>een</p><p>twee</p>", "een\n\ntwee"),
    ("br", "<p>een<br>twee<br/>drie</p>", "een\ntwee\ndrie"),
    ("inline", "<p>De <b>Com</b><i>missie</i>  heeft\n gesteund</p>", "De Commissie heeft gesteund"),
    ("entities", "<p>AT&amp;T &lt;3 &eacute; &#8364; &nbsp;x</p>", "AT&T <3 é € x"),
    ("list", "<p>Zoals:</p><ul><li>een</li><li>twee</li></ul><p>Einde</p>", "Zoals:\n\n• een\n• twee\n\nEinde"),
    ("nested-list", "<ul><li>a<ul><li>b<ol><li>c</li></ol></li></ul></li><li>d</li></ul>", "• a\n  • b\n    • c\n• d"),
    ("paragraph-in-item", "<ul><li><p>een</p><p>meer</p></li><li>twee</li></ul>", "• een\n  meer\n• twee"),
    ("stray-li", "<li>los</li>tekst", "• los\ntekst"),
    ("table", "<table><tr><td>a</td><td>b</td></tr><tr><th>c</th></tr></table>", "a b\nc"),
    ("boilerplate", "<nav>menu</nav><script>x()</script><style>p{}</style><p>tekst</p><footer>f</footer>", "tekst"),
    ("hidden", '<p hidden>weg</p><p aria-hidden="true">weg</p><div role="navigation">weg</div><p>blijft</p>', "blijft"),
    ("comments", "<p>een<!-- geheim -->twee</p>", "eentwee"),
    ("unclosed", "<div><p>een<p>twee<b>drie", "een\n\ntweedrie"),
    ("plain", "gewoon tekst", "gewoon tekst"),
    ("empty", "", ""),
]


@pytest.mark.parametrize(("markup", "text"), [c[1:] for c in FRAGMENTS], ids=[c[0] for c in FRAGMENTS])
def test_html_to_text(markup: str, text: str) -> None:
    assert html_to_text(markup) == text


def test_page_prefers_the_longest_article_and_its_heading() -> None:
    page = parse_page(
        "<html><head><title>Titel | Site</title><meta property='og:title' content='OG titel'></head><body>"
        "<h1>Logo</h1><article><p>kort</p></article>"
        "<article><h1>Echte titel</h1><p>De lange tekst van het artikel.</p></article></body></html>"
    )
    assert (page.title, page.body) == ("Echte titel", "De lange tekst van het artikel.")


@pytest.mark.parametrize(
    ("head", "body", "title"),
    [
        ("<title>Alleen title</title>", "<main><p>x</p></main>", "Alleen title"),
        ("<meta property='og:title' content=' OG  titel '><title>T</title>", "<p>x</p>", "OG titel"),
        ("", "<div><h1>Kop</h1></div><p>x</p>", "Kop"),
        ("", "<p>x</p>", ""),
    ],
)
def test_page_title(head: str, body: str, title: str) -> None:
    assert parse_page(f"<html><head>{head}</head><body>{body}</body></html>").title == title


def test_page_in_main_without_article() -> None:
    page = parse_page("<body><header>kop</header><main><h1>T</h1><p>tekst</p></main><aside>zij</aside></body>")
    assert (page.title, page.body) == ("T", "tekst")


@pytest.mark.parametrize(
    ("markup", "date"),
    [
        ('<meta property="article:published_time" content="2024-01-24T10:00:00Z"><time datetime="2023-01-01">', dt.date(2024, 1, 24)),
        ('<meta itemprop="datePublished" content="2024-02-01">', dt.date(2024, 2, 1)),
        ('<meta property="article:published_time" content="gisteren"><time datetime="2024-03-05T08:00+01:00">', dt.date(2024, 3, 5)),
        ('<article><time datetime="2024-04-01">a</time></article>', dt.date(2024, 4, 1)),
        ('<time datetime="vandaag">', None),
        ("<p>geen datum</p>", None),
    ],
)  # fmt: skip
def test_page_date(markup: str, date: dt.date | None) -> None:
    assert parse_page(markup).date == date


def test_page_url_source_lang() -> None:
    page = parse_page(
        '<html lang="en-GB"><head><meta property="og:url" content="https://example.org/og">'
        '<meta property="og:site_name" content="Site"></head><body><p>x</p></body></html>'
    )
    assert (page.url, page.source, page.lang) == ("https://example.org/og", "Site", "en-GB")
    canonical = parse_page('<link rel="canonical" href="https://example.org/c"><meta property="og:url" content="x">')
    assert (canonical.url, canonical.lang) == ("https://example.org/c", None)


def test_depth_limit() -> None:
    assert nesting_depth("<div>" * 10 + "<p>" * 50 + "<br>" * 50 + "</div>" * 20) == 10
    fine = "<div>" * MAX_DEPTH + "x"
    assert parse_page(fine).body == "x"
    with pytest.raises(InputError, match=rf"nested too deeply \({MAX_DEPTH + 1} levels; the limit is {MAX_DEPTH}\)"):
        parse_page("<div>" * (MAX_DEPTH + 1))
    with pytest.raises(InputError, match="nested too deeply"):
        html_to_text("<b>" * 100_000)
