"""The shape of a news item's text: sentences, list items and what they hang from.

EU news is full of lists: "Het pakket bestaat uit:" followed by bullets, each
bullet perhaps introducing sub-bullets ("zoals:"). A relation whose argument is
not in its own sentence takes it from this structure: the previous sentence of
the same paragraph, or the line that introduces the list.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

import numpy
from spacy.attrs import IDX, LENGTH, SENT_START
from spacy.errors import Errors
from spacy.tokens import Doc

_BULLETS = "•-–—*·▪◦"
_NEWLINE = re.compile("\n")


@dataclass(frozen=True)
class Unit:
    """One sentence with its place in the text's structure."""

    index: int
    start: int  # char offsets in the text
    end: int
    line: int
    marker: str | None  # the bullet character of the list item this sentence starts, if any
    intro: bool  # ends with ":" and so introduces a list
    parent: int | None  # the unit that introduces the list this unit is an item of
    previous: int | None  # the previous sentence of the same paragraph or list item


def _marker(line: str) -> str | None:
    stripped = line.lstrip()
    if stripped[:1] and stripped[0] in _BULLETS and (len(stripped) == 1 or stripped[1] == " " or stripped[1].isalpha()):
        return stripped[0]
    if stripped[:2].rstrip(".)").isdigit() and stripped[1:3].strip()[:1] in {".", ")"}:
        return "1"
    return None


def segment(doc: Doc, text: str | None = None) -> list[Unit]:
    """The sentences of ``doc`` as units with list structure (``text`` is ``doc.text``, if at hand)."""
    text = doc.text if text is None else text
    line_starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]

    def line_of(offset: int) -> int:
        return bisect.bisect_right(line_starts, offset) - 1

    units: list[Unit] = []
    # stack of (marker, index of the unit that introduced that list level)
    stack: list[tuple[str, int]] = []
    pending_intro: int | None = None
    last_line = -1
    item_first: int | None = None  # first unit of the current line (paragraph or list item)
    for start_char, end_char in sentence_spans(doc):
        sentence = text[start_char:end_char]
        stripped = sentence.strip()
        if not stripped:
            continue
        start = start_char + (len(sentence) - len(sentence.lstrip()))
        end = start + len(stripped)
        line = line_of(start)
        index = len(units)
        marker = None
        parent = None
        previous = None
        if line != last_line:
            line_text = text[line_starts[line]: line_starts[line + 1] - 1 if line + 1 < len(line_starts) else len(text)]
            marker = _marker(line_text)
            if marker is None:
                stack.clear()
                if pending_intro is not None:
                    # a list intro followed by a plain line: the plain lines are its items
                    stack.append(("", pending_intro))
                    parent = pending_intro
                    pending_intro = None
            else:
                if pending_intro is not None:
                    stack.append((marker, pending_intro))
                    pending_intro = None
                else:
                    while stack and stack[-1][0] != marker:
                        stack.pop()
                parent = stack[-1][1] if stack else None
            item_first = index
            last_line = line
        else:
            first = units[item_first] if item_first is not None else None
            parent = first.parent if first else None
            previous = index - 1
        intro = stripped.endswith(":")
        units.append(Unit(index, start, end, line, marker, intro, parent, previous))
        if intro:
            pending_intro = index
    return units


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) char offsets of the sentences of ``doc``, as ``doc.sents`` gives them.

    Read from the token arrays, so no Span or Token objects are made.

    >>> import spacy
    >>> nlp = spacy.blank("nl"); _ = nlp.add_pipe("sentencizer")
    >>> sentence_spans(nlp("Eén zin. En nog een."))
    [(0, 8), (9, 20)]
    """
    if not len(doc):
        return []
    idx, length, sent_start = doc.to_array([IDX, LENGTH, SENT_START]).T
    if len(doc) > 1 and not sent_start[1:].any():
        raise ValueError(Errors.E030)
    starts = numpy.flatnonzero(sent_start[1:] == 1) + 1
    firsts = [0] + starts.tolist()
    lasts = (starts - 1).tolist() + [len(doc) - 1]
    ends = (idx[lasts] + length[lasts]).tolist()
    return list(zip(idx[firsts].tolist(), ends))


def children(units: list[Unit], intro: int) -> list[Unit]:
    """The list items (their first sentences) that ``intro`` introduces."""
    return [u for u in units if u.parent == intro and u.previous is None]
