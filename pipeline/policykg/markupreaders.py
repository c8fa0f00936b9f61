"""HTML pages and RSS/Atom feed files -> NewsItem: the file side of :mod:`~policykg.htmltext` and :mod:`~policykg.feeds`.

An HTML file is one news item (id = the file name without extension); a feed
file is one item per entry, and an entry's errors and origin carry the line on
which it starts (``feeds/ecer.rss:14``). The file-level failures (too big, not
text, empty, broken or unsafe XML, nested too deeply) are one error for the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from .decoding import declared_html_charset, declared_xml_encoding
from .errors import InputError
from .feeds import parse_feed
from .htmltext import parse_page
from .model import NewsItem
from .normalise import date_from_name, normalise_text
from .reading import choose_markup_lang, read_text

__all__ = ["read_feed_file", "read_html_file"]


def read_html_file(path: Path, lang: str | None, max_bytes: int) -> Iterator[NewsItem | InputError]:
    """The news item of an HTML page, or why it cannot be read."""
    where = str(path)
    markup = read_text(path, max_bytes, declared_html_charset)
    if isinstance(markup, InputError):
        yield markup
        return
    try:
        page = parse_page(markup)
    except InputError as e:
        yield InputError(e.message, where=where)
        return
    title, body = normalise_text(page.title), normalise_text(page.body)
    if not body.strip():
        yield InputError(
            "the page has no main text (only navigation, header, footer, scripts or forms); "
            "save the article's own page or paste its text into a .txt file.",
            where=where,
        )
        return
    chosen = choose_markup_lang(lang, page.lang, title, body, where)
    if isinstance(chosen, InputError):
        yield chosen
        return
    yield NewsItem(
        id=path.stem, title=title, body=body, lang=chosen, date=page.date or date_from_name(path.name),
        url=page.url, source=page.source, origin=where,
    )  # fmt: skip


def read_feed_file(path: Path, lang: str | None, max_bytes: int) -> Iterator[NewsItem | InputError]:
    """One news item (or error) per entry of an RSS or Atom feed; one error for a feed that cannot be read."""
    where = str(path)
    text = read_text(path, max_bytes, declared_xml_encoding)
    if isinstance(text, InputError):
        yield text
        return
    try:
        feed = parse_feed(text)
    except InputError as e:
        yield InputError(e.message, where=where)
        return
    if not feed.entries:
        yield InputError("the feed has no <item> or <entry>; remove the file or fetch the feed again.", where=where)
        return
    for entry in feed.entries:
        at = f"{where}:{entry.line}"
        if entry.problem is not None:
            yield InputError(entry.problem, where=at)
            continue
        title, body = normalise_text(entry.title), normalise_text(entry.text)
        if not body.strip():
            yield InputError("the entry's text is empty once its markup is removed; remove the entry.", where=at)
            continue
        chosen = choose_markup_lang(lang, entry.lang, title, body, at)
        if isinstance(chosen, InputError):
            yield chosen
            continue
        yield NewsItem(
            id=entry.id or f"{path.stem}-{entry.line}", title=title, body=body, lang=chosen, date=entry.date,
            url=entry.url, source=feed.title, origin=at,
        )  # fmt: skip
