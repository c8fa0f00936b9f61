"""HTML -> the main text of a news page, and its title, date, URL, site and language.

A page is parsed with selectolax (lexbor, an HTML5 parser: malformed markup is
repaired the way a browser repairs it). Its main text is the longest
``<article>``, else ``<main>`` (or ``role="main"``), else ``<body>``, without
scripts, styles, forms, ``nav``, ``header``, ``footer`` and ``aside`` (nor their
ARIA roles, nor ``hidden`` elements). Paragraphs, headings and other blocks are
separated by a blank line, ``<br>`` and table rows end a line, and a list item
becomes a line of its own that starts with ``"• "`` (indented two spaces per
level of nesting).

Metadata:

- title: the ``<h1>`` of the main text (then left out of the body), else
  ``og:title``, else ``<title>``, else the first ``<h1>`` anywhere;
- date: ``article:published_time``, ``itemprop="datePublished"``, then the first
  ``<time datetime>`` of the main text or the page; values that are not ISO
  dates are passed over (a page's date markup is decoration, not a contract);
- url: ``<link rel="canonical">``, else ``og:url``; source: ``og:site_name``;
- lang: the ``lang`` attribute of ``<html>``, as written.

Pages nested deeper than :data:`MAX_DEPTH` elements are refused before parsing:
the HTML5 tree builder takes time quadratic in the depth (100,000 nested
``<div>`` take 16 s), and no news page comes near the limit.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .errors import InputError
from .normalise import parse_iso_date

__all__ = ["MAX_DEPTH", "Page", "html_to_text", "looks_like_html", "nesting_depth", "parse_page"]

MAX_DEPTH = 512
"""The deepest nesting of elements a page may have (news pages stay well under 100)."""

#: Elements whose content is never news text.
_SKIPPED = frozenset(
    """script style noscript template head title nav header footer aside form iframe frame frameset
    object embed svg math canvas button select textarea input dialog audio video""".split()
)
#: ARIA landmark roles of the same boilerplate.
_SKIPPED_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "dialog"})
#: Elements that end a paragraph: a blank line before and after (inside a list item: a line break).
_PARAGRAPHS = frozenset(
    """p div section article main h1 h2 h3 h4 h5 h6 blockquote pre figure figcaption table
    thead tbody tfoot caption ul ol dl hr address details summary fieldset center hgroup body html""".split()
)
#: Elements that end a line.
_LINES = frozenset({"li", "dt", "dd", "tr", "br"})
_LISTS = frozenset({"ul", "ol", "menu"})
_CELLS = frozenset({"td", "th"})
_BULLET = "• "

#: Elements whose end tag may be left out or that have none: they do not nest (for the depth check).
_NOT_NESTING = frozenset(
    """area base br col embed hr img input link meta source track wbr param keygen basefont bgsound frame
    p li dt dd tr td th option optgroup rb rt rp rtc thead tbody tfoot colgroup caption html head body""".split()
)
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^<>]*?(/?)>")
_MARKUP = re.compile(r"<[A-Za-z/!]|&(?:[A-Za-z]{2,8}|#\d{2,7}|#x[0-9A-Fa-f]{2,6});")


@dataclass(frozen=True)
class Page:
    """What :func:`parse_page` finds in a page; ``body`` is "" when it has no main text."""

    title: str
    body: str
    date: dt.date | None = None
    url: str | None = None
    source: str | None = None
    lang: str | None = None


def parse_page(markup: str) -> Page:
    """The main text and metadata of an HTML page.

    Raises :class:`InputError` (without a location) when the page is nested too deeply.

    >>> page = parse_page('''<html lang="nl"><head><title>Nieuws | Site</title>
    ...   <link rel="canonical" href="https://example.org/a"></head>
    ... <body><nav><a href="/">Home</a></nav>
    ... <article><h1>Het  AI-pakket</h1><time datetime="2024-01-24T10:00+01:00">24 jan</time>
    ... <p>De Commissie heeft<br>een pakket gelanceerd.</p><ul><li>steun<li>fabrieken</ul></article>
    ... <footer>© 2024</footer>''')
    >>> page.title, page.date, page.url, page.lang
    ('Het AI-pakket', datetime.date(2024, 1, 24), 'https://example.org/a', 'nl')
    >>> print(page.body)
    24 jan
    <BLANKLINE>
    De Commissie heeft
    een pakket gelanceerd.
    <BLANKLINE>
    • steun
    • fabrieken
    """
    _check_depth(markup)
    tree = LexborHTMLParser(markup)
    container = _main_container(tree)
    heading = container.css_first("h1") if container is not None else None
    if heading is not None and not _text_of(heading):
        heading = None
    title = _text_of(heading) if heading is not None else _title_elsewhere(tree)
    body = _block_text(container, skip=heading) if container is not None else ""
    html = tree.css_first("html")
    return Page(
        title=title,
        body=body,
        date=_page_date(tree, container),
        url=_meta(tree, 'link[rel~="canonical"]', "href") or _meta(tree, 'meta[property="og:url"]'),
        source=_meta(tree, 'meta[property="og:site_name"]'),
        lang=_clean(html.attributes.get("lang")) if html is not None else None,
    )


def html_to_text(markup: str) -> str:
    """The text of an HTML fragment (a feed entry's content), with the same lines as a page's.

    >>> html_to_text("<p>Een <b>pakket</b> &amp; meer</p><ol><li>steun</li></ol>")
    'Een pakket & meer\\n\\n• steun'
    """
    _check_depth(markup)
    tree = LexborHTMLParser(markup)
    return _block_text(tree.body, skip=None) if tree.body is not None else ""


def looks_like_html(text: str) -> bool:
    """Whether ``text`` holds tags or character references (then it is read as HTML).

    >>> looks_like_html("a <p>b</p>"), looks_like_html("AT&amp;T"), looks_like_html("2 < 3 & 4 > 1")
    (True, True, False)
    """
    return _MARKUP.search(text) is not None


def nesting_depth(markup: str) -> int:
    """How deeply elements nest, counted from the tags (elements with optional end tags left out).

    >>> nesting_depth("<div><p>a<p>b<div><span>c</span></div></div><br>")
    3
    """
    depth = deepest = 0
    for m in _TAG.finditer(markup):
        closing, name, self_closing = m[1], m[2].lower(), m[3]
        if name in _NOT_NESTING or self_closing:
            continue
        if closing:
            depth = max(depth - 1, 0)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def _check_depth(markup: str) -> None:
    depth = nesting_depth(markup)
    if depth > MAX_DEPTH:
        raise InputError(
            f"the HTML is nested too deeply ({depth:,} levels; the limit is {MAX_DEPTH}); "
            "it is broken or not a news page, save the article again."
        )


# --------------------------------------------------------------------------- #
# metadata
# --------------------------------------------------------------------------- #


def _main_container(tree: LexborHTMLParser) -> LexborNode | None:
    articles = [a for a in tree.css("article") if not _skipped(a)]
    if articles:
        return max(articles, key=lambda a: len(a.text(deep=True)))
    return tree.css_first("main") or tree.css_first('[role="main"]') or tree.body


def _title_elsewhere(tree: LexborHTMLParser) -> str:
    for candidate in (_meta(tree, 'meta[property="og:title"]'), _text_of(tree.css_first("title"))):
        if candidate:
            return candidate
    return next((t for h in tree.css("h1") if (t := _text_of(h))), "")


def _page_date(tree: LexborHTMLParser, container: LexborNode | None) -> dt.date | None:
    candidates = [
        _meta(tree, 'meta[property="article:published_time"]'),
        _meta(tree, '[itemprop="datePublished"][content]'),
        _meta(tree, '[itemprop="datePublished"][datetime]', "datetime"),
    ]
    for scope in (container, tree.root):
        if scope is not None:
            candidates.extend(t.attributes.get("datetime") for t in scope.css("time[datetime]"))
    for value in candidates:
        if value and (date := parse_iso_date(value)) is not None:
            return date
    return None


def _meta(tree: LexborHTMLParser, selector: str, attribute: str = "content") -> str | None:
    node = tree.css_first(selector)
    return _clean(node.attributes.get(attribute)) if node is not None else None


def _clean(value: str | None) -> str | None:
    text = " ".join(value.split()) if value else ""
    return text or None


def _text_of(node: LexborNode | None) -> str:
    return " ".join(node.text(deep=True, separator=" ").split()) if node is not None else ""


def _skipped(node: LexborNode) -> bool:
    """An element whose content is boilerplate (or hidden)."""
    if node.tag in _SKIPPED:
        return True
    attributes = node.attributes
    role = (attributes.get("role") or "").strip().lower()
    return role in _SKIPPED_ROLES or "hidden" in attributes or attributes.get("aria-hidden") == "true"


# --------------------------------------------------------------------------- #
# block text
# --------------------------------------------------------------------------- #


class _Lines:
    """Collects inline text and turns block boundaries into lines and blank lines."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.parts: list[str] = []
        self.lists = 0  # open <ul>/<ol>
        self.items = 0  # open <li>
        self.prefix = ""

    def end_line(self) -> None:
        words = "".join(self.parts).split()
        self.parts.clear()
        if words:
            self.lines.append(self.prefix + " ".join(words))
            if self.prefix.endswith(_BULLET):  # the item's next lines line up with its text
                self.prefix = " " * len(self.prefix)

    def end_block(self) -> None:
        self.end_line()
        if not self.items and self.lines and self.lines[-1]:
            self.lines.append("")

    def start_item(self) -> None:
        self.end_line()
        self.prefix = "  " * max(self.lists - 1, 0) + _BULLET

    def end_item(self) -> None:
        self.end_line()
        self.prefix = "  " * self.lists if self.items else ""

    def text(self) -> str:
        self.end_line()
        return "\n".join(self.lines).strip("\n")


def _block_text(root: LexborNode, *, skip: LexborNode | None) -> str:
    """The text of ``root`` as lines (iterative: deep trees must not hit the recursion limit)."""
    out = _Lines()
    skip_id = skip.mem_id if skip is not None else None
    stack: list[tuple[LexborNode, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        tag = node.tag
        if leaving:
            _leave(out, tag)
            continue
        if tag == "-text":
            out.parts.append(node.text_content or "")
            continue
        if tag.startswith(("-", "_", "!")) or node.mem_id == skip_id or _skipped(node):
            continue  # comments, doctype, boilerplate, the title heading
        _enter(out, tag)
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(list(_children(node))))
    return out.text()


def _children(node: LexborNode) -> Iterator[LexborNode]:
    return node.iter(include_text=True)


def _enter(out: _Lines, tag: str) -> None:
    if tag == "li":
        out.items += 1
        out.start_item()
    elif tag in _LISTS:
        out.end_block()
        out.lists += 1
    elif tag in _PARAGRAPHS:
        out.end_block()
    elif tag in _LINES:
        out.end_line()
    elif tag in _CELLS:
        out.parts.append(" ")


def _leave(out: _Lines, tag: str) -> None:
    if tag == "li":
        out.items -= 1
        out.end_item()
    elif tag in _LISTS:
        out.lists -= 1
        out.end_block()
    elif tag in _PARAGRAPHS:
        out.end_block()
    elif tag in _LINES:
        out.end_line()
