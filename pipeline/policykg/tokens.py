"""What the mention finders read instead of spaCy objects: :class:`Tokens`, the tokens of a
parsed text as plain lists, and :class:`WordTable`, what a rule says of a lower-cased word,
worked out once per word; and :func:`candidate`, a :class:`Candidate` over a run of tokens.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from spacy.attrs import IDX, SENT_START, SPACY
from spacy.tokens import Doc

from .candidates import Candidate


@dataclass(frozen=True)
class Tokens:
    """The tokens of a parsed text as plain lists, read from the ``Doc`` once: far cheaper
    than making a spaCy ``Token`` for every look at one.

    >>> import spacy
    >>> tokens = Tokens.of(spacy.blank("en")("the AI-Board met"), "the AI-Board met")
    >>> tokens.words, tokens.chars(1, 4)
    (['the', 'AI', '-', 'Board', 'met'], (4, 12, 'AI-Board'))
    """

    text: str
    words: list[str]
    lower: list[str]
    starts: list[int]
    space: list[int]  # 1 when a space follows the token
    sent_starts: frozenset[int]

    @classmethod
    def of(cls, doc: Doc, text: str) -> Tokens:
        """The tokens of ``doc``, the parse of ``text``."""
        columns = doc.to_array([IDX, SPACY, SENT_START])
        starts, space = columns[:, :2].T.tolist()
        words = [text[start: end - gap] for start, end, gap in zip(starts, starts[1:] + [len(text)], space)]
        sent_starts = frozenset([0, *(columns[:, 2] == 1).nonzero()[0].tolist()]) if words else frozenset()
        return cls(text, words, list(map(str.lower, words)), starts, space, sent_starts)

    def chars(self, first: int, stop: int) -> tuple[int, int, str]:
        """Start, end and text of the tokens ``first`` up to ``stop``."""
        start, end = self.starts[first], self.starts[stop - 1] + len(self.words[stop - 1])
        return start, end, self.text[start:end]


def candidate(tokens: Tokens, first: int, stop: int, kind: str, cls: str | None, **fields) -> Candidate:
    """A candidate over the tokens ``first`` up to ``stop``."""
    start, end, text = tokens.chars(first, stop)
    return Candidate(start, end, text, kind, cls, **fields)


def positions(words: list[str], word: str, start: int = 0) -> list[int]:
    """Where ``word`` stands in ``words``, from ``start`` on, in order: a scan at C speed
    (``list.index``) for the words that a finder looks for first.

    >>> positions(["de", "Wet", "en", "de", "Wet"], "Wet"), positions(["a", "b"], "a", 1)
    ([1, 4], [])
    """
    found = []
    try:
        while True:
            start = words.index(word, start)
            found.append(start)
            start += 1
    except ValueError:
        return found


#: Most words a word table keeps.
_TABLE_SIZE = 1 << 16
_V = TypeVar("_V")


class WordTable(dict[str, _V]):
    """A lower-cased word -> what ``describe`` says of it, worked out once per word."""

    def __init__(self, describe: Callable[[str], _V]) -> None:
        super().__init__()
        self.describe = describe

    def __missing__(self, word: str) -> _V:
        if len(self) >= _TABLE_SIZE:
            self.clear()
        found = self[word] = self.describe(word)
        return found


#: Month names in both languages: a name stops at one ("on 24 April 2024").
MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "januari", "februari", "maart", "mei", "juni", "juli", "augustus", "oktober",
}
