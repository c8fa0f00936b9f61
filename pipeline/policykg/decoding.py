"""Bytes -> text for every reader: which encoding a news file is in, decided one way.

The order, from the strongest evidence to the weakest:

1. a byte order mark: UTF-8, UTF-16 (LE or BE);
2. no BOM but NUL bytes: not text (a binary file, or UTF-16 without a BOM);
3. valid UTF-8 (text in another 8-bit encoding is almost never valid UTF-8, so
   this wins even over a declaration: pages that declare ``iso-8859-1`` and are
   served as UTF-8 are common, the reverse is not);
4. the encoding the file declares (HTML ``<meta charset>``, the XML declaration),
   when Python knows it and the bytes decode with it; ``iso-8859-1``, ``latin-1``
   and ``ascii`` mean Windows-1252, as in every browser (WHATWG Encoding);
5. Windows-1252;

and None when nothing fits (bytes that Windows-1252 leaves undefined, or a NUL
character in the decoded text).
"""

from __future__ import annotations

import codecs
import re

__all__ = ["declared_html_charset", "declared_xml_encoding", "decode_bytes"]

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_SNIFF_BYTES = 4096
#: WHATWG Encoding: these labels are decoded as windows-1252 by browsers.
_MEANS_CP1252 = frozenset({"cp1252", "iso8859-1", "ascii"})
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""\A\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']""")


def decode_bytes(data: bytes, declared: str | None = None) -> str | None:
    """The text of ``data``, or None when it is not text (see the module docstring for the order).

    >>> decode_bytes("Coördinatie".encode("utf-8")), decode_bytes("Coördinatie".encode("cp1252"))
    ('Coördinatie', 'Coördinatie')
    >>> decode_bytes("Прага".encode("koi8-r"), declared="koi8-r")
    'Прага'
    >>> decode_bytes(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00") is None
    True
    """
    try:
        if data.startswith(codecs.BOM_UTF8):
            text = data[len(codecs.BOM_UTF8) :].decode("utf-8")
        elif data.startswith(_UTF16_BOMS):
            text = data.decode("utf-16")
        elif b"\x00" in data:
            return None
        else:
            text = _decode_without_bom(data, declared)
    except UnicodeDecodeError:
        return None
    return None if text is None or "\x00" in text else text


def _decode_without_bom(data: bytes, declared: str | None) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    codec = _codec_name(declared)
    if codec is not None and codec not in _MEANS_CP1252 and not codec.startswith("utf-8"):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return None


def _codec_name(label: str | None) -> str | None:
    """Python's name for an encoding label, or None for an unknown or non-8-bit one."""
    if not label:
        return None
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    name = info.name
    if not getattr(info, "_is_text_encoding", True):  # base64, rot13 ...: not a character encoding
        return None
    if name.startswith(("utf-16", "utf-32", "utf-7")):  # declarations a file without a BOM cannot honour
        return None
    return name


def declared_html_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` near its start, if any.

    >>> declared_html_charset(b'<html><head><meta charset="ISO-8859-15">')
    'ISO-8859-15'
    >>> declared_html_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">')
    'windows-1252'
    """
    m = _META_CHARSET.search(data[:_SNIFF_BYTES])
    return m[1].decode("ascii") if m else None


def declared_xml_encoding(data: bytes) -> str | None:
    """The encoding in an XML declaration (``<?xml version="1.0" encoding="..."?>``), if any.

    >>> declared_xml_encoding(b'<?xml version="1.0" encoding="windows-1252"?>\\n<rss/>')
    'windows-1252'
    """
    m = _XML_ENCODING.match(data[:_SNIFF_BYTES])
    return m[1].decode("ascii") if m else None
