"""policykg's spaCy components, registered in one place.

- ``policykg_sentences``: sentence starts after sentence-final punctuation (the rule of
  spaCy's ``sentencizer``), at line breaks (list items, headings) and none after known
  abbreviations; assigns ``token.is_sent_start``.
- ``policykg.gazetteer.v1`` (``policykg_gazetteer``): matches the labels of the SKOS
  vocabularies with two PhraseMatchers (exact case for short or capitalised one-word
  labels, lower case for the rest); assigns ``doc.spans["pk_vocab"]`` with the entry IRI as
  ``span.kb_id_`` and its pk: class as ``span.label_``, and the same matches as plain
  ``(start_char, end_char, class, IRI)`` tuples in ``doc._.pk_vocab_matches`` (kept in
  ``doc.user_data``), which mention finding reads without making a ``Span`` for each.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

import numpy
from spacy.attrs import FLAG19, IDX, IS_PUNCT, IS_SPACE, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline import Sentencizer
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from .errors import UsageError
from .lang import rules

#: The key of the gazetteer's spans in ``doc.spans``.
VOCAB_SPANS = "pk_vocab"
#: The Doc extension with the gazetteer's matches as ``(start_char, end_char, class, IRI)`` tuples.
VOCAB_MATCHES = "pk_vocab_matches"

Doc.set_extension(VOCAB_MATCHES, default=None, force=True)


@Language.factory(
    "policykg_sentences",
    default_config={"lang": "nl"},
    assigns=["token.is_sent_start"],
)
def make_sentences(nlp: Language, name: str, lang: str) -> "Sentences":
    return Sentences(nlp.vocab, rules.for_language(lang).abbreviations)


class Sentences:
    """Sets every token's sentence start from the token arrays, without making Token objects.

    A sentence starts at the first word after sentence-final punctuation (as spaCy's
    ``sentencizer`` decides), at the first token after a line break, and not right after
    a known abbreviation. spaCy's tokenizer keeps every run of whitespace apart from the
    words, so a line begins at the first word after whitespace with a line break in it.
    Lexeme flags of its own tell the sentence-final and line-break tokens.

    >>> nlp = Language(); _ = nlp.add_pipe("policykg_sentences", config={"lang": "nl"})
    >>> [s.text for s in nlp("Zie art. 5 van de wet. Klaar!\\nNieuw").sents]
    ['Zie art. 5 van de wet.', 'Klaar!', '\\n', 'Nieuw']
    """

    def __init__(self, vocab: Vocab, abbreviations: frozenset[str]) -> None:
        self.abbreviations = abbreviations
        final = frozenset(Sentencizer.default_punct_chars)
        self._abbreviations = _Abbreviations(vocab, abbreviations) if abbreviations else None
        self._attrs = [
            IS_PUNCT,
            IS_SPACE,
            _add_flag(vocab, final.__contains__),
            _add_flag(vocab, _has_line_break),
        ] + ([self._abbreviations.flag] if self._abbreviations else [])

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        columns = doc.to_array(self._attrs).T.astype(bool)
        punct, space, final, line_break = columns[:4]
        starts = _first_after(final, ~(final | punct)) | _first_after(line_break, ~space)
        if self._abbreviations is not None:
            self._abbreviations.unmark(doc, space, numpy.flatnonzero(columns[4]).tolist(), starts)
        starts[0] = True
        doc.from_array([SENT_START], numpy.where(starts, 1, -1).astype(numpy.uint64))
        return doc


class _Abbreviations:
    """Removes sentence starts right after an abbreviation ("nr.", "e.g.").

    An abbreviation holds no whitespace, so it is looked for in the text of a run of tokens
    without whitespace between them (what precedes the run is whitespace or nothing, as in
    the whole text), and only in runs with a token that may hold one: a lexeme flag marks
    the words that hold an abbreviation or end in the beginning of one ("nr", "bijv").
    """

    def __init__(self, vocab: Vocab, abbreviations: frozenset[str]) -> None:
        spaced = sorted(a for a in abbreviations if any(c.isspace() for c in a))
        if spaced:
            raise UsageError(f"abbreviations {spaced} hold whitespace; write them without (\"d.w.z.\").")
        stems = sorted({a[:-1] for a in abbreviations}, key=len, reverse=True)
        beginnings = {(stem + ".")[:k] for stem in stems for k in range(1, len(stem) + 2)}
        self.pattern = _after_no_word(stems, r"\.")
        self._beginning = _after_no_word(sorted(beginnings, key=len, reverse=True), r"\Z")
        self.flag = _add_flag(vocab, self._may_hold)

    def _may_hold(self, word: str) -> bool:
        return bool(self.pattern.search(word) or self._beginning.search(word))

    def unmark(self, doc: Doc, space: numpy.ndarray, flagged: list[int], starts: numpy.ndarray) -> None:
        """Unmark the starts after abbreviations; ``flagged`` are the tokens that may hold one."""
        maybe = [i for i in flagged if self.pattern.search(doc[i].text) or _glued_to_next(doc, space, i)]
        if not maybe:
            return
        orth, spacy, idx = doc.to_array([ORTH, SPACY, IDX]).T
        glued = numpy.zeros(len(doc), dtype=bool)  # no whitespace between the token and the one before
        glued[1:] = ~(spacy[:-1].astype(bool) | space[:-1] | space[1:])
        strings = doc.vocab.strings
        offsets = idx.tolist()
        for first, end in sorted({_run(glued, i) for i in maybe}):
            run = "".join(strings[key] for key in orth[first:end].tolist())
            for m in self.pattern.finditer(run):
                i = bisect.bisect_left(offsets, offsets[first] + m.end())
                if 0 < i < len(offsets) and "\n" not in run[m.end(): offsets[i] - offsets[first]]:
                    starts[i] = False


def _glued_to_next(doc: Doc, space: numpy.ndarray, i: int) -> bool:
    """Whether token ``i`` runs on into the next one, without whitespace between them."""
    return i + 1 < len(doc) and not (doc[i].whitespace_ or space[i] or space[i + 1])


def _run(glued: numpy.ndarray, i: int) -> tuple[int, int]:
    """The tokens [first, end) around token ``i`` with no whitespace between them."""
    first, end = i, i + 1
    while first > 0 and glued[first]:
        first -= 1
    while end < len(glued) and glued[end]:
        end += 1
    return first, end


def _after_no_word(alternatives: list[str], end: str) -> re.Pattern[str]:
    """One of ``alternatives`` (case-insensitive) where no word or "." precedes it, then ``end``."""
    return re.compile(r"(?<![\w.])(" + "|".join(re.escape(a) for a in alternatives) + ")" + end, re.IGNORECASE)


def _has_line_break(word: str) -> bool:
    return "\n" in word


def _add_flag(vocab: Vocab, getter: Callable[[str], bool]) -> int:
    """A lexeme flag of our own, set by ``getter`` on every word of ``vocab``, now and later.

    Flags past spaCy's own (``FLAG19`` on) are free for pipelines to use.
    """
    return vocab.add_flag(getter, flag_id=next(i for i in range(FLAG19, 64) if i not in vocab.lex_attr_getters))


def _first_after(mark: numpy.ndarray, word: numpy.ndarray) -> numpy.ndarray:
    """Whether each token is a word with a marked token since the word before it.

    >>> _first_after(numpy.array([0, 1, 0, 0, 1, 0], bool), numpy.array([1, 0, 0, 1, 0, 1], bool)).tolist()
    [False, False, False, True, False, True]
    """
    index = numpy.arange(len(mark))
    last_mark = numpy.maximum.accumulate(numpy.where(mark, index, -1))
    last_word = numpy.maximum.accumulate(numpy.where(word, index, -1))
    starts = numpy.zeros(len(mark), dtype=bool)
    starts[1:] = word[1:] & (last_mark[:-1] > last_word[:-1])
    return starts


@Language.factory(
    "policykg_gazetteer",
    assigns=["doc.spans", f"doc._.{VOCAB_MATCHES}"],
    requires=["token.is_sent_start"],
)
def make_gazetteer(nlp: Language, name: str) -> "Gazetteer":
    from .vocabulary import load_vocabulary

    return Gazetteer(nlp, load_vocabulary())


def _case_sensitive(label: str, n_tokens: int) -> bool:
    """Short and capitalised single-token labels match exactly ("EC", "Raad", "Commissie")."""
    return (n_tokens == 1 and any(c.isupper() for c in label)) or len(label) <= 4


class Gazetteer:
    """Vocabulary labels -> spans in ``doc.spans["pk_vocab"]`` and tuples in ``doc._.pk_vocab_matches``.

    >>> from policykg.nlp import get_nlp
    >>> doc = get_nlp("en")("The European Commission proposed it.")
    >>> [(s.text, s.label_) for s in doc.spans["pk_vocab"]], doc._.pk_vocab_matches[0][:3]
    ([('European Commission', 'Institution')], (4, 23, 'Institution'))
    """

    def __init__(self, nlp: Language, vocabulary) -> None:
        self.vocabulary = vocabulary
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.choice: dict[str, tuple[str, str]] = {}
        rank = {"pref": 0, "alt": 1, "hidden": 2}
        best: dict[str, tuple[int, str]] = {}
        exact_keys: set[str] = set()
        # a body's name that ends in a capital ("Europese Raad") and is never written otherwise: its
        # lower-case twin ("een Europese raad op hoog niveau") is a description, not the body
        tails: dict[str, bool] = {}
        for entry in vocabulary.entries.values():
            for label in entry.labels:
                text = label.text.strip()
                if len(text) < 2:
                    continue
                if _case_sensitive(text, len(nlp.make_doc(text))):
                    key = text
                    exact_keys.add(key)
                else:
                    key = text.lower()
                    last = text.split()[-1]
                    proper = entry.cls == "Institution" and " " in text and last[:1].isupper()
                    tails[key] = tails.get(key, True) and proper
                candidate = (rank[label.kind], entry.iri)
                if key not in best or candidate < best[key]:
                    best[key] = candidate
                    self.choice[key] = (entry.iri, entry.cls)
        for key in sorted(best):
            matcher = self.exact if key in exact_keys else self.folded
            # the same name with a straight or a curly apostrophe ("kmo's", "kmo’s"), tokenised apart
            variants = dict.fromkeys([key, key.replace("'", "’"), key.replace("’", "'")])
            matcher.add(key, [nlp.make_doc(v) for v in variants])
        strings = nlp.vocab.strings
        self._span_ids = {  # match id -> (kb id, label) as string ids
            get_string_id(key): (strings.add(iri), strings.add(cls)) for key, (iri, cls) in self.choice.items()
        }
        self._entries = {get_string_id(key): (cls, iri) for key, (iri, cls) in self.choice.items()}
        self._proper_tails = {get_string_id(key) for key, proper in tails.items() if proper}

    def __call__(self, doc: Doc) -> Doc:
        found = [(start, end, key) for matcher in (self.exact, self.folded) for key, start, end in matcher(doc)
                 if key not in self._proper_tails or doc[end - 1].text[:1].isupper()]
        spans, matches = [], []
        for start, end, key in _longest(found):
            kb_id, label = self._span_ids[key]
            span = Span(doc, start, end, label=label, kb_id=kb_id)
            spans.append(span)
            matches.append((span.start_char, span.end_char, *self._entries[key]))
        doc.spans[VOCAB_SPANS] = spans
        doc._.set(VOCAB_MATCHES, matches)
        return doc


def _longest(matches: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Non-overlapping (start, end, id) token ranges, longest first, then leftmost; in text order.

    >>> _longest([(0, 1, 7), (0, 2, 8), (1, 3, 9), (3, 4, 7)])
    [(0, 2, 8), (3, 4, 7)]
    """
    taken: set[int] = set()
    kept = []
    for match in sorted(matches, key=lambda m: (m[0] - m[1], m[0])):
        tokens = range(match[0], match[1])
        if taken.isdisjoint(tokens):
            taken.update(tokens)
            kept.append(match)
    return sorted(kept)
