"""Write the hostile corpus: small files that a reader must survive (run: python tests/hostile/make_corpus.py).

Each file is one kind of bad (or oddly made) input; tests/test_hostile.py says
what reading it must give. The generated files are committed; rerunning this
script rewrites them byte for byte. The over-size case is made at test time.
"""

from __future__ import annotations

import codecs
import json
from pathlib import Path

HERE = Path(__file__).parent

NL = (
    "De Europese Commissie heeft op 24 januari 2024 een pakket maatregelen gepresenteerd om start-ups en "
    "kleine en middelgrote ondernemingen te steunen bij de ontwikkeling van betrouwbare AI. Het AI-bureau "
    "binnen de Commissie zal toezicht houden op de uitvoering van de AI-verordening."
)
EN = (
    "The European Commission has launched a package of measures to support start-ups and SMEs in the "
    "development of trustworthy artificial intelligence. The AI Office within the Commission will supervise "
    "the implementation of the AI Act."
)
FR = (
    "La Commission européenne a lancé un paquet de mesures visant à soutenir les jeunes pousses et les "
    "petites et moyennes entreprises dans le développement d'une intelligence artificielle de confiance."
)
NO_ENTITY = (
    "Het weer wordt morgen in het hele land zonnig en droog. In de middag loopt de temperatuur op tot "
    "een graad of twintig, en de wind is zwak uit het oosten. Pas aan het eind van de week komt er weer "
    "regen, maar die is van korte duur."
)

PAGE = """<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>AI-pakket voor start-ups | ECER Nieuws</title>
<link rel="canonical" href="https://example.org/nieuws/ai-pakket">
<meta property="og:site_name" content="ECER Nieuws">
<meta property="article:published_time" content="2024-01-24T10:00:00+01:00">
<style>p {{ color: red }}</style>
<script>var tracking = "De Commissie";</script>
</head>
<body>
<header><a href="/">ECER</a><nav><ul><li><a href="/a">Home</a></li><li><a href="/b">Nieuws</a></li></ul></nav></header>
<aside>Lees ook: een ander bericht</aside>
<article>
<header><h1>Commissie steunt  start-ups in AI</h1><time datetime="2024-01-25">25 januari</time></header>
<p>{nl}</p>
<p>Het pakket omvat:</p>
<ul><li>financiële steun via Horizon Europa;</li><li>AI-fabrieken
  <ul><li>met supercomputers</li></ul></li></ul>
<form><input name="q"><button>Zoek</button></form>
</article>
<footer>© 2024 ECER · <a href="/privacy">Privacy</a></footer>
</body>
</html>
"""

MALFORMED = """<html><head><title>Kapotte pagina</title>
<body><div class="x"><p>{nl}<p>Tweede alinea <b>vet <i>en schuin</b> zonder</i> sluiting
<li>los lijstitem</div></div></span>
<p>Laatste alinea &amp; een &nbsp;spatie &copy &unknown; einde
<!-- open commentaar
"""

BOILERPLATE = """<html><head><title>Alleen rommel</title><script>alert(1)</script></head>
<body><header><h1>Site</h1></header><nav><a href="/">Home</a> <a href="/x">Over ons</a></nav>
<form><input name="email"><button>Inschrijven</button></form>
<aside>Populair</aside><div hidden>Verborgen tekst die niet telt.</div>
<footer>© 2024 · Cookies · Privacy</footer></body></html>
"""

RSS_GOOD_AND_BAD = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>ECER Nieuws</title>
<link>https://example.org/</link>
<language>nl-NL</language>
<item>
<title>AI-pakket voor start-ups</title>
<link>https://example.org/nieuws/ai-pakket</link>
<guid isPermaLink="false">ecer-2024-001</guid>
<pubDate>Wed, 24 Jan 2024 17:30:00 +0100</pubDate>
<description>Korte samenvatting.</description>
<content:encoded><![CDATA[<p>{nl}</p><script>alert("x")</script><ul><li>eerste punt</li></ul>]]></content:encoded>
</item>
<item>
<title>Bericht zonder datum die klopt</title>
<link>https://example.org/nieuws/kapot</link>
<pubDate>gisteren</pubDate>
<description>{nl}</description>
</item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
<title type="text">EU Policy Watch</title>
<id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
<updated>2024-08-01T09:00:00Z</updated>
<entry>
<title type="html">AI Act enters into force &lt;b&gt;today&lt;/b&gt;</title>
<id>tag:example.org,2024:ai-act</id>
<link rel="alternate" type="text/html" href="https://example.org/ai-act"/>
<link rel="self" href="https://example.org/ai-act.atom"/>
<published>2024-08-01T08:00:00+02:00</published>
<updated>2024-08-02T08:00:00+02:00</updated>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>{en}</p><ul><li>one</li><li>two</li></ul></div></content>
</entry>
<entry xml:lang="nl">
<title>Dataverordening van toepassing</title>
<id>tag:example.org,2025:data-act</id>
<link href="https://example.org/data-act"/>
<updated>2025-09-12T00:00:00Z</updated>
<summary type="html">&lt;p&gt;{nl}&lt;/p&gt;</summary>
</entry>
</feed>
"""

RSS1 = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://example.org/"><title>RDF Nieuws</title><link>https://example.org/</link>
<description>x</description></channel>
<item rdf:about="https://example.org/rdf-1">
<title>Een RSS 1.0-bericht</title><link>https://example.org/rdf-1</link>
<description>{nl}</description><dc:date>2024-03-01T12:00:00+01:00</dc:date>
</item>
</rdf:RDF>
"""

RSS091_ENTITIES = """<?xml version="1.0" encoding="ISO-8859-1"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Oud&nbsp;nieuws</title><language>nl</language>
<item><title>Co&ouml;rdinatie</title><link>https://example.org/oud</link>
<description>{nl}&nbsp;&euro;&nbsp;5</description></item>
</channel></rss>
"""

BROKEN_XML = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Kapot</title>
<item><title>Een bericht</title><description>{nl}</description>
</channel></rss>
"""

UNDEFINED_ENTITY = """<rss version="2.0"><channel><title>Kapot</title>
<item><title>Spatie</title><description>De&nbsp;Commissie</description></item>
</channel></rss>
"""

EXTERNAL_ENTITY = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE rss [
  <!ENTITY xxe SYSTEM "file:///etc/passwd">
]>
<rss version="2.0"><channel><title>XXE</title>
<item><title>Geheim</title><description>&xxe;</description></item>
</channel></rss>
"""

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title><item><description>&lol9;</description></item></channel></rss>
"""

SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://example.org/</loc></url></urlset>
"""

EMPTY_FEED = """<rss version="2.0"><channel><title>Leeg</title><link>https://example.org/</link></channel></rss>
"""


def jsonl(*objects: object) -> str:
    return "".join((o if isinstance(o, str) else json.dumps(o, ensure_ascii=False)) + "\n" for o in objects)


def corpus() -> dict[str, bytes]:
    """File name -> content."""
    utf8 = str.encode
    nested = "<html><body><article><h1>Diep</h1>" + "<div>" * 2000 + NL + "</div>" * 2000 + "</article></body></html>"
    fairly_nested = "<html><body><article><h1>Vrij diep</h1>" + "<div>" * 300 + f"<p>{NL}</p>" + "</div>" * 300
    return {
        "empty.txt": b"",
        "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256)),
        "nul-bytes.txt": utf8(f"Titel met NUL\n\n{NL}\x00{NL}\n"),
        "french.txt": utf8(f"Un paquet pour l'IA\n\n{FR}\n"),
        "no-entity-2024-05-01.txt": utf8(f"Het weer\n\n{NO_ENTITY}\n"),
        "utf-16.txt": f"Coördinatie van “AI”\n\n{NL}\n".encode("utf-16"),
        "windows-1252.txt": f"Coördinatie – 5 €\n\n{NL}\n".replace("\n", "\r\n").encode("cp1252"),
        "bom.md": codecs.BOM_UTF8 + utf8(f"# Het **AI-pakket**\n\n{NL}\n"),
        "heading-only.md": utf8("# Alleen een kop\n"),
        "truncated.jsonl": utf8(jsonl({"id": "heel", "text": NL}) + '{"id": "half", "text": "De Commissie heeft op 24 ja'),
        "no-text.jsonl": utf8(jsonl({"id": "zonder-tekst", "title": "Alleen een titel", "lang": "nl"})),
        "wrong-date.jsonl": utf8(jsonl({"id": "foute-datum", "text": NL, "date": "24/01/2024"})),
        "text-not-string.jsonl": utf8(jsonl({"id": "getal", "text": 42})),
        "page.html": utf8(PAGE.format(nl=NL)),
        "malformed.html": utf8(MALFORMED.format(nl=NL)),
        "boilerplate-only.html": utf8(BOILERPLATE),
        "deeply-nested.html": utf8(nested),
        "fairly-nested.htm": utf8(fairly_nested),
        "latin-9.html": (
            f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-15">'
            f"<title>Prijs 5 €</title></head><body><p>{NL} Coördinatie kost 5 €.</p></body></html>"
        ).encode("iso-8859-15"),
        "good-and-bad.rss": utf8(RSS_GOOD_AND_BAD.format(nl=NL)),
        "feed.atom": utf8(ATOM.format(en=EN, nl=NL)),
        "rss-1.xml": utf8(RSS1.format(nl=NL)),
        "rss-091-entities.rss": RSS091_ENTITIES.format(nl=NL).encode("iso-8859-1", "xmlcharrefreplace"),
        "windows-1252.rss": (
            '<?xml version="1.0" encoding="windows-1252"?>\n<rss version="2.0"><channel><title>Kanaal</title>'
            f"<item><guid>cp-1</guid><title>Coördinatie – 5 €</title><description>{NL}</description></item>"
            "</channel></rss>\n"
        ).encode("cp1252"),
        "broken.rss": utf8(BROKEN_XML.format(nl=NL)),
        "undefined-entity.rss": utf8(UNDEFINED_ENTITY),
        "external-entity.rss": utf8(EXTERNAL_ENTITY),
        "billion-laughs.xml": utf8(BILLION_LAUGHS),
        "sitemap.xml": utf8(SITEMAP),
        "empty-feed.rss": utf8(EMPTY_FEED),
    }


def main() -> None:
    for old in HERE.iterdir():
        if old.is_file() and old.name != Path(__file__).name and not old.name.startswith("."):
            old.unlink()
    for name, content in corpus().items():
        (HERE / name).write_bytes(content)


if __name__ == "__main__":
    main()
