"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds -> one :class:`FeedEntry` per ``<item>`` / ``<entry>``.

XML is parsed with defusedxml: a feed that declares an entity (the way a
billion-laughs bomb or an ``<!ENTITY x SYSTEM "file:///etc/passwd">`` does) is
refused before anything is expanded or fetched, and nothing is ever read from
the network or the disk on a feed's behalf. A DOCTYPE without entity
declarations (old RSS 0.91 feeds have one) is allowed, and HTML's named
character references (``&nbsp;``) are understood when such a DOCTYPE makes them
legal.

Fields, in order of preference:

==========  ==================================  ====================================
field       RSS (2.0 and 1.0)                   Atom
==========  ==================================  ====================================
id          ``guid``, else ``link``             ``id``, else the alternate ``link``
title       ``title``                           ``title``
text        ``content:encoded``, ``description``  ``content`` (unless ``src``), ``summary``
date        ``pubDate``, ``dc:date``            ``published``, ``updated``
url         ``link``                            ``link rel="alternate"`` (or no ``rel``)
language    ``language`` / ``dc:language``      ``xml:lang``
source      the channel's ``title``             the feed's ``title``
==========  ==================================  ====================================

Text that holds tags or character references is HTML and goes through
:func:`~policykg.htmltext.html_to_text`; Atom's ``type="xhtml"`` content too.
Dates may be RFC 822 (``Wed, 24 Jan 2024 17:30:00 +0100``) or ISO 8601; the date
is taken in the entry's own time zone. An entry whose date fields are all
unreadable, or that has no text, gets a :attr:`FeedEntry.problem` instead of
being dropped in silence: a feed's date is part of its contract.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import html.entities
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from defusedxml import DefusedXmlException, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import DefusedXMLParser

from .errors import InputError
from .htmltext import html_to_text, looks_like_html
from .normalise import parse_iso_date

__all__ = ["Feed", "FeedEntry", "parse_feed"]

ATOM = "{http://www.w3.org/2005/Atom}"
RSS1 = "{http://purl.org/rss/1.0/}"
RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
DC = "{http://purl.org/dc/elements/1.1/}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

_ENCODING_PSEUDO_ATTRIBUTE = re.compile(r"""\A(\s*<\?xml\b[^>]*?)\s+encoding\s*=\s*["'][^"']*["']""")
_FIX_DATE = "write it as RFC 822 (Wed, 24 Jan 2024 17:30:00 +0100) or ISO 8601 (2024-01-24T17:30:00+01:00)."


@dataclass(frozen=True)
class FeedEntry:
    """One ``<item>`` or ``<entry>``; ``text`` is plain text. ``problem`` says why it cannot be read."""

    line: int
    id: str | None
    title: str
    text: str
    date: dt.date | None = None
    url: str | None = None
    lang: str | None = None
    problem: str | None = None


@dataclass(frozen=True)
class Feed:
    """A parsed feed: its kind (``"rss"``, ``"rdf"`` or ``"atom"``), title, language and entries."""

    kind: str
    title: str | None
    lang: str | None
    entries: tuple[FeedEntry, ...]


def parse_feed(text: str) -> Feed:
    """The entries of an RSS or Atom feed (``text`` is already decoded; an encoding declaration is ignored).

    Raises :class:`InputError` (without a location) for XML that is not well-formed,
    that declares entities, or that is not a feed.

    >>> feed = parse_feed('''<rss version="2.0"><channel><title>ECER</title><language>nl</language>
    ... <item><title>AI-pakket</title><link>https://example.org/a</link>
    ... <description>&lt;p&gt;De Commissie &amp;amp; de lidstaten.&lt;/p&gt;</description>
    ... <pubDate>Wed, 24 Jan 2024 17:30:00 +0100</pubDate></item></channel></rss>''')
    >>> feed.kind, feed.title, feed.lang
    ('rss', 'ECER', 'nl')
    >>> feed.entries[0]
    FeedEntry(line=2, id='https://example.org/a', title='AI-pakket', text='De Commissie & de lidstaten.', \
date=datetime.date(2024, 1, 24), url='https://example.org/a', lang='nl', problem=None)
    """
    root, lines = _parse_xml(text)
    if root.tag == "rss" or root.tag == f"{RDF}RDF":
        ns = "" if root.tag == "rss" else RSS1
        channel = root.find(f"{ns}channel")
        head = channel if channel is not None else root
        items = (channel.findall(f"{ns}item") if channel is not None else []) + root.findall(f"{ns}item")
        lang = _first(head, "language", f"{DC}language") or _clean(root.get(XML_LANG))
        entries = tuple(_rss_entry(item, ns, lines.get(id(item), 0), lang) for item in items)
        return Feed("rss" if not ns else "rdf", _title(head.find(f"{ns}title")), lang, entries)
    if root.tag == f"{ATOM}feed":
        lang = _clean(root.get(XML_LANG))
        entries = tuple(_atom_entry(e, lines.get(id(e), 0), lang) for e in root.findall(f"{ATOM}entry"))
        return Feed("atom", _title(root.find(f"{ATOM}title")), lang, entries)
    name = root.tag.rpartition("}")[2]
    raise InputError(f"not an RSS or Atom feed (the root element is <{name}>); give a feed or rename the file.")


# --------------------------------------------------------------------------- #
# safe XML
# --------------------------------------------------------------------------- #


class _LineTreeBuilder(ET.TreeBuilder):
    """A tree builder that remembers the line on which each element starts."""

    def __init__(self) -> None:
        super().__init__()
        self.expat: object = None
        self.lines: dict[int, int] = {}

    def start(self, tag: str, attrs: dict[str, str]) -> ET.Element:  # type: ignore[override]
        element = super().start(tag, attrs)
        self.lines[id(element)] = getattr(self.expat, "CurrentLineNumber", 0)
        return element


def _parse_xml(text: str) -> tuple[ET.Element, dict[int, int]]:
    """The root element and the start line of every element (keyed by ``id``), parsed safely."""
    target = _LineTreeBuilder()
    parser = DefusedXMLParser(target=target, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    target.expat = parser.parser
    parser.entity.update((name, chr(code)) for name, code in html.entities.name2codepoint.items())
    try:
        parser.feed(_ENCODING_PSEUDO_ATTRIBUTE.sub(r"\1", text, count=1))
        root = parser.close()
    except EntitiesForbidden as e:
        if e.sysid or e.pubid:
            raise InputError(
                f"the XML declares an external entity {e.name!r} ({e.sysid or e.pubid}); refused for safety "
                "(nothing is read on a feed's behalf): remove the DTD from the feed."
            ) from None
        raise InputError(
            f"the XML declares the entity {e.name!r}; refused for safety (entity expansion bombs such as "
            "'billion laughs'): remove the DTD from the feed."
        ) from None
    except ExternalReferenceForbidden as e:
        raise InputError(
            f"the XML refers to an external resource ({e.sysid or e.pubid}); refused for safety: remove the reference."
        ) from None
    except DefusedXmlException as e:
        raise InputError(f"the XML was refused for safety ({e}); remove its DTD.") from None
    except ET.ParseError as e:
        reason = str(e).split(":", 1)[0]
        line, column = e.position
        raise InputError(
            f"broken XML ({reason} at line {line}, column {column + 1}); fix the feed or download it again."
        ) from None
    return root, target.lines


# --------------------------------------------------------------------------- #
# entries
# --------------------------------------------------------------------------- #


def _rss_entry(item: ET.Element, ns: str, line: int, feed_lang: str | None) -> FeedEntry:
    link = _first(item, f"{ns}link") or _atom_link(item)
    text_element = _first_element(item, f"{CONTENT}encoded", f"{ns}description")
    return _entry(
        line,
        id=_first(item, f"{ns}guid") or link,
        title_element=item.find(f"{ns}title"),
        text_element=text_element,
        dates=[(f"<{name.rpartition('}')[2]}>", _first(item, name)) for name in ("pubDate", f"{DC}date")],
        url=link,
        lang=_first(item, f"{DC}language") or _clean(item.get(XML_LANG)) or feed_lang,
    )


def _atom_entry(entry: ET.Element, line: int, feed_lang: str | None) -> FeedEntry:
    content = entry.find(f"{ATOM}content")
    if content is not None and content.get("src"):
        content = None  # out-of-line content: not in the feed
    link = _atom_link(entry)
    return _entry(
        line,
        id=_first(entry, f"{ATOM}id") or link,
        title_element=entry.find(f"{ATOM}title"),
        text_element=content if _has_text(content) else entry.find(f"{ATOM}summary"),
        dates=[(f"<{name}>", _first(entry, f"{ATOM}{name}")) for name in ("published", "updated")],
        url=link,
        lang=_clean(entry.get(XML_LANG)) or _clean((content if content is not None else entry).get(XML_LANG)) or feed_lang,
    )


def _entry(
    line: int,
    *,
    id: str | None,  # noqa: A002 - the field's name
    title_element: ET.Element | None,
    text_element: ET.Element | None,
    dates: list[tuple[str, str | None]],
    url: str | None,
    lang: str | None,
) -> FeedEntry:
    try:
        title = _title(title_element) or ""
        text = _text(text_element) if text_element is not None else ""
    except InputError as e:
        return FeedEntry(line, id, "", "", problem=e.message)
    date, problem = _date(dates)
    if problem is None and not text.strip():
        problem = (
            "the entry has no text (no content:encoded, description, content or summary); "
            "give the full text in the feed or remove the entry."
        )
    return FeedEntry(line, id, title, text, date=date, url=url, lang=lang, problem=problem)


def _date(fields: list[tuple[str, str | None]]) -> tuple[dt.date | None, str | None]:
    """The first readable date; a problem when there are dates but none is readable."""
    given = [(name, value) for name, value in fields if value]
    for _, value in given:
        if (date := _parse_date(value)) is not None:
            return date, None
    if given:
        name, value = given[0]
        return None, f"{name} is not a date: {value!r}; {_FIX_DATE}"
    return None, None


def _parse_date(value: str) -> dt.date | None:
    """An ISO 8601 or RFC 822 date (the date in its own time zone).

    >>> _parse_date("Wed, 24 Jan 2024 23:30:00 -0500"), _parse_date("2024-01-24T17:30:00Z")
    (datetime.date(2024, 1, 24), datetime.date(2024, 1, 24))
    >>> _parse_date("gisteren") is None
    True
    """
    iso = parse_iso_date(value)
    if iso is not None:
        return iso
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


# --------------------------------------------------------------------------- #
# text
# --------------------------------------------------------------------------- #


def _text(element: ET.Element) -> str:
    """The plain text of a text element: Atom text constructs by their ``type``, RSS by sniffing."""
    kind = (element.get("type") or "").strip().lower()
    if kind in {"xhtml", "application/xhtml+xml"}:
        return html_to_text(_inner_markup(element))
    if kind in {"html", "text/html"}:
        return html_to_text(element.text or "") if len(element) == 0 else html_to_text(_inner_markup(element))
    if kind in {"text", "text/plain"}:
        return "".join(element.itertext())
    if kind and not kind.startswith("text/"):
        return ""  # base64 or other media: not news text
    markup = (element.text or "") if len(element) == 0 else _inner_markup(element)
    return html_to_text(markup) if looks_like_html(markup) else markup


def _title(element: ET.Element | None) -> str | None:
    if element is None:
        return None
    return " ".join(_text(element).split()) or None


def _inner_markup(element: ET.Element) -> str:
    """The content of ``element`` as markup, with namespaces dropped from the tag names."""
    parts = [element.text or ""]
    for child in element:
        for descendant in child.iter():
            if isinstance(descendant.tag, str):
                descendant.tag = descendant.tag.rpartition("}")[2]
            descendant.attrib = {k.rpartition("}")[2]: v for k, v in descendant.attrib.items()}
        parts.append(ET.tostring(child, encoding="unicode", short_empty_elements=False))
    return "".join(parts)


def _has_text(element: ET.Element | None) -> bool:
    return element is not None and bool("".join(element.itertext()).strip())


def _first_element(parent: ET.Element, *names: str) -> ET.Element | None:
    """The first of the named children that has any text."""
    return next((e for name in names if _has_text(e := parent.find(name))), None)


def _first(parent: ET.Element, *names: str) -> str | None:
    """The text of the first of the named children that has any (whitespace collapsed)."""
    for name in names:
        child = parent.find(name)
        if child is not None and (value := _clean("".join(child.itertext()))):
            return value
    return None


def _atom_link(parent: ET.Element) -> str | None:
    """The ``href`` of the alternate Atom link (``rel="alternate"`` or none)."""
    for link in parent.findall(f"{ATOM}link"):
        if (link.get("rel") or "alternate") == "alternate" and (href := _clean(link.get("href"))):
            return href
    return None


def _clean(value: str | None) -> str | None:
    text = " ".join(value.split()) if value else ""
    return text or None
