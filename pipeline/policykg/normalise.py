"""Text repair, language detection and item ids: pure functions, no I/O.

:func:`normalise_text` is the last step that changes a news item's text. Every
character offset later in the pipeline indexes its output, so nothing edits the
text after it.

Decisions (see also docs/DATAMODEL.md):

- Quotes stay curly, because quoted names (“GenAI4EU”) are evidence for new
  entities. The odd ones are mapped onto the four curly quotes: a German pair
  „…“ becomes “…”; then ``„ ‟ «`` become ``“``, ``»`` becomes ``”``, ``‚ ‛ ‹``
  become ``‘`` and ``›`` becomes ``’``. Straight quotes are kept as they are.
- Inside a line, runs of spaces and tabs become one space; the indentation at
  the start of a line is kept (lists are indented).
- Typographic ligatures (``ﬁ``, ``ﬂ`` ...) are spelt out; other compatibility
  characters are kept (NFC, not NFKC).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable

from .lang import en, nl

__all__ = ["date_from_name", "detect_language", "normalise_text", "parse_iso_date", "slugify"]

# --------------------------------------------------------------------------- #
# normalise_text
# --------------------------------------------------------------------------- #

_ODD_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_REMOVED = "\ufeff\u00ad\u200b\u2060\u180e"  # BOM / zero-width no-break space, soft hyphen, zero-width chars
_LINE_BREAKS = {"\u2028": "\n", "\u2029": "\n\n", "\x85": "\n", "\x0b": "\n", "\x0c": "\n"}
_QUOTES = {"„": "“", "‟": "“", "«": "“", "»": "”", "‚": "‘", "‛": "‘", "‹": "‘", "›": "’"}
_LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "ft", "ﬆ": "st"}
_CONTROLS = {c: None for c in [*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F, *range(0x80, 0xA0)] if c != 0x85}

_CHAR_TABLE: dict[int, str | None] = {
    **_CONTROLS,
    **{ord(c): " " for c in _ODD_SPACES},
    **{ord(c): None for c in _REMOVED},
    **{ord(k): v for k, v in {**_LINE_BREAKS, **_QUOTES, **_LIGATURES}.items()},
}

_TRANSLATED = re.compile("[" + re.escape("".join(map(chr, _CHAR_TABLE))) + "]")
_GERMAN_QUOTES = re.compile("„([^„“”\n]*)“")
_GERMAN_SINGLE_QUOTES = re.compile("‚([^‚‘’\n]*)‘")
_INDENT = re.compile(r"[ \t]*")
_INNER_SPACE = re.compile(r"[ \t]{2,}|\t")
_MANY_BLANK_LINES = re.compile(r"\n{4,}")

_LETTER = r"[^\W\d_]"
_BULLET = "-–•"  # hyphen-minus, en dash, bullet
#: "  -f inanciële": a bullet glued to a 1-2 letter fragment, a space, the rest of the word.
_GLUED_FRAGMENT = re.compile(rf"^([ \t]*)([{_BULLET}])({_LETTER}{{1,2}}) ({_LETTER}+)")
#: "  -h" alone on its line, the rest of the word on the next line.
_FRAGMENT_LINE = re.compile(rf"^([ \t]*)([{_BULLET}])({_LETTER}{{1,2}})$")
_NEXT_LINE_WORD = re.compile(rf"^[ \t]*({_LETTER}+)")
#: "  -initiatieven": a bullet glued to its first word.
_GLUED_BULLET = re.compile(rf"^([ \t]*)([{_BULLET}])(?={_LETTER})")
#: "ontwik-\nkeling": a hyphen at the end of a line, between letters.
_LINE_END_HYPHEN = re.compile(rf"-(?<={_LETTER}-)\n[ \t]*(?={_LETTER})")  # "-" first: a fast scan
_LETTERS_BEFORE = re.compile(rf"{_LETTER}+$")
_LETTERS_AFTER = re.compile(rf"{_LETTER}+")

#: Words of one or two letters besides the function words: a bullet glued to one
#: of these is a real word, never a fragment of a longer one.
_OTHER_SHORT_WORDS = frozenset(
    """
    a i o u ad ah ai au ax bv ca cm co dr ds eh ei ex go ha hé hi id ir ja jr km kg lo
    ma mg ml mm mr nr nu ok oh ox pa sr st uh ui um vs ye yo zo
    """.split()
)
_SHORT_WORDS = frozenset(w for w in nl.FUNCTION_WORDS | en.FUNCTION_WORDS if len(w) <= 2) | _OTHER_SHORT_WORDS

#: After "aan-" at the end of a line, these words mean a suspended compound
#: ("aan- en verkoop"): the hyphen stays and the line break becomes a space.
_SUSPENSION_WORDS = frozenset({"en", "of", "tot", "noch", "and", "or", "to", "nor"})


def normalise_text(text: str) -> str:
    r"""Repair the characters, spaces, line breaks and hyphenation of a news item.

    The output is what the pipeline indexes; it is a fixed point
    (``normalise_text(normalise_text(x)) == normalise_text(x)``).

    >>> normalise_text("\ufeffDe Commissie\u00a0 heeft\r\nde ontwik-\r\nkeling   gesteund.  ")
    'De Commissie heeft\nde ontwikkeling gesteund.'
    >>> normalise_text("zoals:\n  -f inanciële steun,\n  -h\n  et versnellen\n  -de Commissie")
    'zoals:\n  - financiële steun,\n  - het versnellen\n  - de Commissie'
    >>> normalise_text("het initiatief „GenAI4EU“ voor aan-\nen verkoop")
    'het initiatief “GenAI4EU” voor aan- en verkoop'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _GERMAN_QUOTES.sub(r"“\1”", text)
    text = _GERMAN_SINGLE_QUOTES.sub(r"‘\1’", text)
    if _TRANSLATED.search(text):
        text = text.translate(_CHAR_TABLE)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    lines = _repair_bullets([_clean_line(line) for line in text.split("\n")])
    text = "\n".join(lines)
    text = _LINE_END_HYPHEN.sub(_hyphenation_repairer(text), text)
    text = _MANY_BLANK_LINES.sub("\n\n\n", text)
    return text.strip("\n")


def _clean_line(line: str) -> str:
    """Drop trailing spaces; collapse inner runs of spaces and tabs; keep the indentation."""
    line = line.rstrip(" \t")
    if "\t" not in line and "  " not in line.lstrip(" "):
        return line
    indent = _INDENT.match(line).group()  # type: ignore[union-attr]  # always matches
    return indent + _INNER_SPACE.sub(" ", line[len(indent) :])


def _is_fragment(fragment: str) -> bool:
    """A lower-case piece of a word that is not a word of its own."""
    return fragment.islower() and fragment.lower() not in _SHORT_WORDS


def _repair_bullets(lines: list[str]) -> list[str]:
    """Rejoin words split right after a list bullet and put a space after the bullet.

    Only a 1-2 letter lower-case fragment that is no word of its own is joined to
    the lower-case rest of its word, so ``-de Commissie`` and ``-a list`` stay two words.
    """
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        first = line.lstrip(" \t")[:1]
        if not first or first not in _BULLET:
            out.append(line)  # no list item: nothing to mend (each pattern below starts with a bullet)
            i += 1
            continue
        m = _GLUED_FRAGMENT.match(line)
        if m and _is_fragment(m[3]) and m[4][0].islower() and len(m[3] + m[4]) >= 3:
            line = f"{m[1]}{m[2]} {m[3]}{line[m.start(4):]}"
        else:
            m = _FRAGMENT_LINE.match(line)
            nxt = _NEXT_LINE_WORD.match(lines[i + 1]) if m and i + 1 < len(lines) else None
            if m and nxt and _is_fragment(m[3]) and nxt[1][0].islower():
                line = f"{m[1]}{m[2]} {m[3]}{lines[i + 1][nxt.start(1):]}"
                i += 1
        out.append(_GLUED_BULLET.sub(r"\1\2 ", line) if line.lstrip(" \t")[:1] in _BULLET else line)
        i += 1
    return out


def _hyphenation_repairer(text: str) -> Callable[[re.Match[str]], str]:
    """How to mend each ``word-\\nword``: the text itself says whether the hyphen is real."""
    lowered = text.lower()

    def repair(m: re.Match[str]) -> str:
        left = _LETTERS_BEFORE.search(m.string, 0, m.start())
        right = _LETTERS_AFTER.match(m.string, m.end())
        if left is None or right is None or not (left[0][-1].islower() and right[0][0].islower()):
            return m[0]
        if right[0] in _SUSPENSION_WORDS:
            return "- "
        hyphenated, joined = f"{left[0]}-{right[0]}".lower(), f"{left[0]}{right[0]}".lower()
        if hyphenated in lowered and joined not in lowered:
            return "-"
        return ""

    return repair


# --------------------------------------------------------------------------- #
# detect_language
# --------------------------------------------------------------------------- #

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
#: Words that are function words in one language only; shared ones ("in", "is") prove nothing.
_EXCLUSIVE = {
    "nl": nl.FUNCTION_WORDS - en.FUNCTION_WORDS,
    "en": en.FUNCTION_WORDS - nl.FUNCTION_WORDS,
}
MIN_HITS = 3
"""At least this many function words of the winning language."""
MIN_SHARE = 0.2
"""... making up at least this share of all words (running text in the language has 30-50 %)."""
MIN_RATIO = 2.0
"""... and at least this many times as many as the other language has."""


def detect_language(text: str) -> str | None:
    """``"nl"`` or ``"en"`` from the share of function words, or None when neither is credible.

    German and French share a few function words with Dutch and English (``die``,
    ``de``, ``in``), but far fewer than a Dutch or English text has, so a minimum share
    and a margin keep them out; a text too short to show enough evidence gives None.

    >>> detect_language("De Commissie heeft op 24 januari een pakket gelanceerd om start-ups te steunen.")
    'nl'
    >>> detect_language("The Commission launched a package to support start-ups in the EU.")
    'en'
    >>> detect_language("La Commission a présenté un paquet de mesures pour les jeunes pousses.") is None
    True
    >>> detect_language("AI-bureau") is None
    True
    """
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return None
    scores = {lang: sum(w in vocab for w in words) for lang, vocab in _EXCLUSIVE.items()}
    (best, hits), (_, other) = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    if hits >= MIN_HITS and hits / len(words) >= MIN_SHARE and hits >= MIN_RATIO * other:
        return best
    return None


# --------------------------------------------------------------------------- #
# slugify, date_from_name, parse_iso_date
# --------------------------------------------------------------------------- #

_FOLD = str.maketrans(
    {"ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
     "ð": "d", "Ð": "D", "ł": "l", "Ł": "L", "þ": "th", "Þ": "TH", "ı": "i"}
)  # fmt: skip
_APOSTROPHES = re.compile(r"(?<=[a-z0-9])['’ʼ`](?=[a-z0-9])")
_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str, max_length: int = 80) -> str:
    """ASCII, lower case, words joined by ``-``: the local part of item and entity IRIs.

    Never empty (``"item"`` when nothing is left); idempotent; cut at a word
    boundary when longer than ``max_length``.

    >>> slugify("Europese Commissie: AI-innovatiepakket (24-01-2024)")
    'europese-commissie-ai-innovatiepakket-24-01-2024'
    >>> slugify("Coördinatie van kmo's — Straße")
    'coordinatie-van-kmos-strasse'
    >>> slugify("AI@EC"), slugify("!!!"), slugify("horizon europe programme", max_length=20)
    ('ai-ec', 'item', 'horizon-europe')
    """
    if max_length < 1:
        raise ValueError(f"max_length must be at least 1, not {max_length}")
    folded = text.lower() if text.isascii() else _fold_unicode(text)  # the same for ASCII, faster
    slug = _NON_SLUG.sub("-", _APOSTROPHES.sub("", folded)).strip("-")
    if len(slug) > max_length:
        cut = slug[:max_length]
        if slug[max_length] != "-" and "-" in cut:
            cut = cut[: cut.rindex("-")]
        slug = cut.strip("-")
    return slug or "item"[:max_length]


def _fold_unicode(text: str) -> str:
    """Lower case without accents, ligatures or compatibility forms (``"Straße"`` -> ``"strasse"``)."""
    folded = unicodedata.normalize("NFKD", text.translate(_FOLD)).lower()
    folded = unicodedata.normalize("NFKD", folded.translate(_FOLD))
    return "".join(c for c in folded if not unicodedata.combining(c))


_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


def date_from_name(name: str) -> dt.date | None:
    """The ISO date (YYYY-MM-DD) in a file name; the last valid one when there are several.

    >>> date_from_name("ecer-ai-innovatiepakket-2024-01-24.txt")
    datetime.date(2024, 1, 24)
    >>> date_from_name("2023-12-08_ai-act_akkoord.md")
    datetime.date(2023, 12, 8)
    >>> date_from_name("item-2024-02-30.txt") is None
    True
    """
    for m in reversed(list(_ISO_DATE.finditer(name))):
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            continue
    return None


_ISO_DATE_TIME = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})"
    r"(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:[Zz]|[+-]\d{2}(?::?\d{2})?)?)?"
)


def parse_iso_date(text: str) -> dt.date | None:
    """The date of an ISO 8601 date or date-time, in the date-time's own time zone; else None.

    >>> parse_iso_date("2024-01-24"), parse_iso_date(" 2024-01-24T23:30:00.5-05:00 ")
    (datetime.date(2024, 1, 24), datetime.date(2024, 1, 24))
    >>> parse_iso_date("2024-01-24T17:30Z")
    datetime.date(2024, 1, 24)
    >>> parse_iso_date("24-01-2024"), parse_iso_date("2024-02-30"), parse_iso_date("2024-01-24 gisteren")
    (None, None, None)
    """
    m = _ISO_DATE_TIME.fullmatch(text.strip())
    if m is None:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
