"""What every file reader shares: bytes within the size limit -> text, the messages, the language choice.

Used by :mod:`policykg.readers` (text, Markdown, JSON Lines, the public entry
points) and :mod:`policykg.markupreaders` (HTML pages and feeds).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .decoding import decode_bytes
from .errors import InputError, UsageError
from .normalise import detect_language, normalise_text

__all__ = [
    "EMPTY_FILE",
    "NOT_TEXT",
    "SUPPORTED_LANGUAGES",
    "check_lang_argument",
    "choose_lang",
    "choose_markup_lang",
    "lang_code",
    "read_text",
    "too_big",
]

SUPPORTED_LANGUAGES = ("en", "nl")
"""Languages the pipeline has data for."""

NOT_TEXT = "not valid UTF-8 text (binary file?); convert it to UTF-8."
NO_LANGUAGE = 'cannot tell the language (nl or en); pass --lang nl|en or add a "lang" field.'
EMPTY_FILE = "file is empty; remove it or add a news item."


def read_text(path: Path, max_bytes: int, sniff: Callable[[bytes], str | None] | None = None) -> str | InputError:
    """The decoded text of a whole file, or why it cannot be read.

    ``sniff`` finds the encoding the file declares (see :mod:`policykg.decoding`).
    A file with nothing but white space is reported as empty.
    """
    where = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return InputError(too_big("file", size, max_bytes), where=where)
        data = path.read_bytes()
    except OSError as e:
        return InputError(f"cannot read the file ({e.strerror}); check that it exists and is readable.", where=where)
    decoded = decode_bytes(data, sniff(data) if sniff is not None else None)
    if decoded is None:
        return InputError(NOT_TEXT, where=where)
    if not normalise_text(decoded).strip():
        return InputError(EMPTY_FILE, where=where)
    return decoded


def too_big(what: str, size: int, max_bytes: int) -> str:
    return f"{what} is too big ({size:,} bytes; the limit is {max_bytes:,} bytes); split it or raise the limit (max_bytes)."


def lang_code(value: str) -> str | None:
    """``"nl"`` / ``"en"`` from a language tag (``"NL"``, ``"en-GB"``, ``"nl_BE"``), else None.

    >>> lang_code("en-GB"), lang_code("nl_BE"), lang_code("fr")
    ('en', 'nl', None)
    """
    code = value.strip().lower().replace("_", "-").split("-")[0]
    return code if code in SUPPORTED_LANGUAGES else None


def _unsupported(value: str) -> str:
    return f"language {value!r} is not supported; use one of: {', '.join(SUPPORTED_LANGUAGES)}."


def check_lang_argument(lang: str | None) -> str | None:
    """The code of a ``lang`` argument; raises :class:`UsageError` for an unsupported one."""
    if lang is None:
        return None
    code = lang_code(lang)
    if code is None:
        raise UsageError(_unsupported(lang))
    return code


def choose_lang(arg: str | None, field: str | None, title: str, body: str, where: str) -> str | InputError:
    """The ``lang`` argument, else the item's own ``lang`` field, else the detected language."""
    if arg is not None:
        return arg
    if field is not None:
        return lang_code(field) or InputError(_unsupported(field), where=where)
    return detect_language(f"{title}\n{body}") or InputError(NO_LANGUAGE, where=where)


def choose_markup_lang(arg: str | None, declared: str | None, title: str, body: str, where: str) -> str | InputError:
    """The ``lang`` argument, else the detected language, else the language the page or feed declares.

    Detection goes first because ``<html lang>`` and a feed's ``<language>`` come
    from site templates and are often wrong for the article at hand.
    """
    if arg is not None:
        return arg
    detected = detect_language(f"{title}\n{body}")
    if detected is not None:
        return detected
    if declared is None:
        return InputError(NO_LANGUAGE, where=where)
    return lang_code(declared) or InputError(
        f"language {declared!r} (declared by the file) is not supported; "
        f"use one of: {', '.join(SUPPORTED_LANGUAGES)}, or pass --lang nl|en.",
        where=where,
    )
