"""Read news items from text, Markdown, JSON Lines, HTML and RSS/Atom files: ``path -> NewsItem``.

A reader yields one :class:`~policykg.model.NewsItem` per news item, or an
:class:`~policykg.errors.InputError` *object* (yielded, not raised) for an item
that cannot be read, so that a caller reports it and goes on with the rest.
Only a wrong call (a missing path, an unsupported ``lang`` argument) raises.

File formats (:data:`SUPPORTED_SUFFIXES`; the suffix decides, in any case):

- ``.txt`` / ``.md``: one item per file. The first non-empty line is the title,
  the rest the body; id = file name without extension; date = an ISO date in the
  file name. Markdown loses its heading markers (``#``) and emphasis asterisks,
  nothing else.
- ``.jsonl``: one JSON object per line with ``text`` (required), ``id`` (else
  ``{file stem}-{line}``), ``title``, ``date`` (ISO date or date-time), ``url``,
  ``lang``, ``source``; other fields are ignored. The size limit applies per line.
- ``.html`` / ``.htm``: one item per page, its main text and metadata as
  :mod:`policykg.htmltext` finds them; id = file name without extension; date =
  the page's, else an ISO date in the file name.
- ``.rss`` / ``.atom`` / ``.xml``: one item per ``<item>`` / ``<entry>`` as
  :mod:`policykg.feeds` reads them (XML parsed safely: entity declarations are
  refused); id = guid / id, else link, else ``{file stem}-{line}``; source = the
  feed's title; errors and origins name the entry's line (``feed.rss:14``).

Encodings: see :mod:`policykg.decoding` (UTF-8 with or without BOM, UTF-16 with
BOM, then an HTML ``<meta charset>`` or XML declaration, then Windows-1252).
Title and body pass through :func:`~policykg.normalise.normalise_text`.

Language: the ``lang`` argument, else for JSON Lines the item's ``lang`` field,
then :func:`~policykg.normalise.detect_language`. For HTML and feeds detection
comes *before* the declared language (``<html lang>``, ``<language>``,
``xml:lang``), which is used only when the text is too short to tell: those
attributes come from site templates and are often wrong for the article.
"""

from __future__ import annotations

import codecs
import datetime as dt
import io
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TextIO

from .decoding import decode_bytes
from .errors import InputError
from .markupreaders import read_feed_file, read_html_file
from .model import NewsItem
from .normalise import date_from_name, normalise_text, parse_iso_date
from .reading import (
    EMPTY_FILE,
    NOT_TEXT,
    SUPPORTED_LANGUAGES,
    check_lang_argument,
    choose_lang,
    read_text,
    too_big,
)

__all__ = ["SUPPORTED_LANGUAGES", "SUPPORTED_SUFFIXES", "read_jsonl_stream", "read_path"]

SUPPORTED_SUFFIXES = (".atom", ".htm", ".html", ".jsonl", ".md", ".rss", ".txt", ".xml")
"""File name extensions that :func:`read_path` reads (lower case); others in a folder are skipped."""

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_SNIFF_BYTES = 8192


def read_path(
    path: Path | str, *, lang: str | None = None, max_bytes: int = 5_000_000
) -> Iterator[NewsItem | InputError]:
    """The news items in a file, or in a folder and its subfolders.

    A folder is read recursively in sorted order; only files with one of the
    :data:`SUPPORTED_SUFFIXES` are read, and hidden files and folders (``.name``) are skipped.
    ``lang`` ("nl" or "en") overrides the items' own language. Files (``.jsonl``:
    lines) larger than ``max_bytes`` are reported, not read.

    Raises :class:`InputError` when ``path`` does not exist and :class:`UsageError`
    for an unsupported ``lang``, at once rather than on the first ``next()``.
    """
    root = Path(path)
    lang = check_lang_argument(lang)
    if not root.exists():
        raise InputError("no such file or folder; check the path.", where=str(root))
    return _read_files(root, lang, max_bytes)


def read_jsonl_stream(
    stream: TextIO, *, name: str = "<stdin>", lang: str | None = None
) -> Iterator[NewsItem | InputError]:
    """The news items in a JSON Lines text stream (``-`` on the command line: stdin).

    ``name`` is used in error messages and origins (``"<stdin>:3"``) and, without
    its angle brackets, as the stem of missing ids (``"stdin-3"``).
    """
    lang = check_lang_argument(lang)
    stem = Path(name.strip("<>")).stem or "stdin"
    empty = "input is empty; send one JSON object per line."
    return _read_jsonl_lines(enumerate(stream, 1), name, stem, lang, empty=empty)


# --------------------------------------------------------------------------- #
# files
# --------------------------------------------------------------------------- #


def _read_files(root: Path, lang: str | None, max_bytes: int) -> Iterator[NewsItem | InputError]:
    if root.is_file():
        if root.suffix.lower() not in SUPPORTED_SUFFIXES:
            supported = ", ".join(SUPPORTED_SUFFIXES)
            yield InputError(f"unsupported file type {root.suffix or '(none)'!r}; use one of: {supported}.", where=str(root))
            return
        yield from _read_file(root, lang, max_bytes)
        return
    for item in _find_files(root):
        if isinstance(item, InputError):
            yield item
        else:
            yield from _read_file(item, lang, max_bytes)


def _find_files(root: Path) -> Iterator[Path | InputError]:
    """Supported, non-hidden files under ``root``, sorted by their path relative to it."""
    problems: list[OSError] = []
    found: list[tuple[tuple[str, ...], Path]] = []
    for folder, subfolders, names in os.walk(root, onerror=problems.append):
        subfolders[:] = [d for d in subfolders if not d.startswith(".")]
        for name in names:
            if not name.startswith(".") and Path(name).suffix.lower() in SUPPORTED_SUFFIXES:
                file = Path(folder, name)
                found.append((file.relative_to(root).parts, file))
    for problem in problems:
        yield InputError(f"cannot read the folder ({problem.strerror}); check its permissions.", where=str(problem.filename))
    for _, file in sorted(found):
        yield file


def _read_file(path: Path, lang: str | None, max_bytes: int) -> Iterator[NewsItem | InputError]:
    yield from _FILE_READERS[path.suffix.lower()](path, lang, max_bytes)


def _read_text_file(path: Path, lang: str | None, max_bytes: int) -> Iterator[NewsItem | InputError]:
    yield _text_file_item(path, lang, max_bytes)


def _text_file_item(path: Path, lang: str | None, max_bytes: int) -> NewsItem | InputError:
    where = str(path)
    decoded = read_text(path, max_bytes)
    if isinstance(decoded, InputError):
        return decoded
    text = normalise_text(decoded)
    if path.suffix.lower() == ".md":
        text = normalise_text(strip_markdown(text))
    if not text.strip():
        return InputError(EMPTY_FILE, where=where)
    title, _, rest = text.partition("\n")
    title, body = normalise_text(title.strip()), normalise_text(rest)
    if not body.strip():
        return InputError("the file has a title but no text; add the news item's text below the title.", where=where)
    chosen = choose_lang(lang, None, title, body, where)
    if isinstance(chosen, InputError):
        return chosen
    return NewsItem(
        id=path.stem, title=title, body=body, lang=chosen, date=date_from_name(path.name), origin=where
    )


_MD_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+|$)")
_MD_CLOSING_HASHES = re.compile(r"[ \t]+#+$")
_MD_EMPHASIS = re.compile(r"(\*{1,3})(?=[^\s*])(.+?)(?<=[^\s*])\1")


def strip_markdown(text: str) -> str:
    """The light Markdown clean-up: heading markers and emphasis asterisks go, nothing else.

    >>> strip_markdown("## Het **AI-pakket** ##\\n* een *lijst*\\n#hashtag")
    'Het AI-pakket\\n* een lijst\\n#hashtag'
    """
    lines = []
    for line in text.split("\n"):
        heading = _MD_HEADING.match(line)
        if heading:
            line = _MD_CLOSING_HASHES.sub("", line[heading.end() :])
        lines.append(_MD_EMPHASIS.sub(r"\2", line))
    return "\n".join(lines)


# --------------------------------------------------------------------------- #
# JSON Lines
# --------------------------------------------------------------------------- #

def _jsonl_file_lines(path: Path, max_bytes: int) -> Iterator[tuple[int, str | InputError]]:
    """(line number, text) for each line of a JSON Lines file; an error for a line or the file."""
    where = str(path)
    n = 0
    try:
        with path.open("rb") as f:
            head = f.read(_SNIFF_BYTES)
            f.seek(0)
            if head.startswith(_UTF16_BOMS):
                try:
                    for n, line in enumerate(io.TextIOWrapper(f, encoding="utf-16"), 1):
                        if len(line) > max_bytes:  # characters, near enough
                            yield n, InputError(too_big("item", len(line), max_bytes), where=f"{where}:{n}")
                        else:
                            yield n, line
                except UnicodeDecodeError:
                    yield n + 1, InputError(NOT_TEXT, where=f"{where}:{n + 1}")
                return
            if b"\x00" in head:
                yield 0, InputError(NOT_TEXT, where=where)
                return
            while raw := f.readline(max_bytes + 1):
                n += 1
                if len(raw) > max_bytes:
                    size = len(raw)
                    while raw and not raw.endswith(b"\n"):  # skip the rest of the line
                        raw = f.readline(1 << 20)
                        size += len(raw)
                    yield n, InputError(too_big("item", size, max_bytes), where=f"{where}:{n}")
                    continue
                text = decode_bytes(raw[len(codecs.BOM_UTF8) :] if n == 1 and raw.startswith(codecs.BOM_UTF8) else raw)
                yield n, InputError(NOT_TEXT, where=f"{where}:{n}") if text is None else text
    except OSError as e:
        yield n + 1, InputError(f"cannot read the file ({e.strerror}); check that it exists and is readable.", where=where)


def _read_jsonl_lines(
    lines: Iterable[tuple[int, str | InputError]],
    name: str,
    stem: str,
    lang: str | None,
    *,
    empty: str = EMPTY_FILE,
) -> Iterator[NewsItem | InputError]:
    seen_any = False
    for n, line in lines:
        if isinstance(line, InputError):
            seen_any = True
            yield line
            continue
        if n == 1:
            line = line.removeprefix("\ufeff")
        if not line.strip():
            continue
        seen_any = True
        yield _jsonl_item(line, f"{name}:{n}", f"{stem}-{n}", lang)
    if not seen_any:
        yield InputError(empty, where=name)


def _jsonl_item(line: str, where: str, default_id: str, lang: str | None) -> NewsItem | InputError:
    """One news item from one JSON Lines line; ``where`` is ``path:line``."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        return InputError(f"not valid JSON ({e.msg} at column {e.colno}); fix the line or remove it.", where=where)
    if not isinstance(obj, dict):
        return InputError(f"expected a JSON object, got {_json_type(obj)}; write one news item {{...}} per line.", where=where)
    text = obj.get("text")
    if text is None:
        return InputError('item has no "text" field; add one.', where=where)
    fields: dict[str, str | None] = {}
    for key in ("text", "title", "url", "lang", "source"):
        value = obj.get(key)
        if value is not None and not isinstance(value, str):
            return InputError(f'"{key}" must be a string, not {_json_type(value)}; fix the field.', where=where)
        fields[key] = value.strip() if isinstance(value, str) and value.strip() else None
    item_id = obj.get("id")
    if isinstance(item_id, bool) or not isinstance(item_id, (str, int, type(None))):
        return InputError(f'"id" must be a string, not {_json_type(item_id)}; fix the field.', where=where)
    item_id = str(item_id).strip() if item_id is not None else ""
    date = _parse_date(obj.get("date"), where)
    if isinstance(date, InputError):
        return date
    body = normalise_text(text)
    if not body.strip():
        return InputError('item has an empty "text" field; add the text or remove the item.', where=where)
    title = normalise_text(" ".join((fields["title"] or "").split()))
    chosen = choose_lang(lang, fields["lang"], title, body, where)
    if isinstance(chosen, InputError):
        return chosen
    return NewsItem(
        id=item_id or default_id,
        title=title,
        body=body,
        lang=chosen,
        date=date,
        url=fields["url"],
        source=fields["source"],
        origin=where,
    )


def _parse_date(value: object, where: str) -> dt.date | None | InputError:
    """An ISO date, or the date part of an ISO date-time (in its own time zone)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str) and (date := parse_iso_date(value)) is not None:
        return date
    return InputError(f'"date" is not an ISO date: {json.dumps(value)}; write it as YYYY-MM-DD.', where=where)


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "true/false", int: "a number", float: "a number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


def _read_jsonl_file(path: Path, lang: str | None, max_bytes: int) -> Iterator[NewsItem | InputError]:
    yield from _read_jsonl_lines(_jsonl_file_lines(path, max_bytes), str(path), path.stem, lang)


# --------------------------------------------------------------------------- #
# the registry: file name extension -> reader
# --------------------------------------------------------------------------- #

_FileReader = Callable[[Path, "str | None", int], Iterator["NewsItem | InputError"]]

_FILE_READERS: dict[str, _FileReader] = {
    ".txt": _read_text_file,
    ".md": _read_text_file,
    ".jsonl": _read_jsonl_file,
    ".html": read_html_file,
    ".htm": read_html_file,
    ".rss": read_feed_file,
    ".atom": read_feed_file,
    ".xml": read_feed_file,
}
