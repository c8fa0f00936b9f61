"""policykg's spaCy components, registered in one place.

- ``policykg_sentences``: after spaCy's ``sentencizer``, sentence starts at line breaks (list
  items, headings) and none after known abbreviations; assigns ``token.is_sent_start``.
- ``policykg.gazetteer.v1`` (``policykg_gazetteer``): matches the labels of the SKOS
  vocabularies with two PhraseMatchers (exact case for short or capitalised one-word
  labels, lower case for the rest); assigns ``doc.spans["pk_vocab"]`` with the entry IRI as
  ``span.kb_id_`` and its pk: class as ``span.label_``.
"""

from __future__ import annotations

import bisect
import re

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from .lang import rules



@Language.factory(
    "policykg_sentences",
    default_config={"lang": "nl"},
    assigns=["token.is_sent_start"],
)
def make_sentences(nlp: Language, name: str, lang: str) -> "LineSentencizer":
    return LineSentencizer(rules.for_language(lang).abbreviations)  # after spaCy's "sentencizer"


class LineSentencizer:
    """Adds sentence starts at line breaks and removes those after abbreviations.

    It runs after spaCy's own ``sentencizer`` (punctuation); only the few tokens at a
    line break or after an abbreviation are touched, so it costs almost nothing.
    """

    def __init__(self, abbreviations: frozenset[str]) -> None:
        self.abbreviations = abbreviations
        self._abbreviation = re.compile(
            r"(?<![\w.])(" + "|".join(re.escape(a[:-1]) for a in sorted(abbreviations, key=len, reverse=True)) + r")\.",
            re.IGNORECASE,
        ) if abbreviations else None

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        text = doc.text
        starts = doc.to_array("IDX").tolist()
        for m in re.finditer(r"\n\s*", text):
            i = bisect.bisect_left(starts, m.end())
            if i < len(doc):
                doc[i].is_sent_start = True
        if self._abbreviation is not None:
            for m in self._abbreviation.finditer(text):
                i = bisect.bisect_left(starts, m.end())
                if 0 < i < len(doc) and doc[i].idx == m.end() + len(text[m.end(): doc[i].idx]) and "\n" not in text[m.end(): doc[i].idx]:
                    doc[i].is_sent_start = False
        doc[0].is_sent_start = True
        return doc


@Language.factory("policykg_gazetteer", assigns=["doc.spans"], requires=["token.is_sent_start"])
def make_gazetteer(nlp: Language, name: str) -> "Gazetteer":
    from .vocabulary import load_vocabulary

    return Gazetteer(nlp, load_vocabulary())


def _case_sensitive(label: str, n_tokens: int) -> bool:
    """Short and capitalised single-token labels match exactly ("EC", "Raad", "Commissie")."""
    return (n_tokens == 1 and any(c.isupper() for c in label)) or len(label) <= 4


class Gazetteer:
    """Vocabulary labels -> spans in ``doc.spans["pk_vocab"]``."""

    def __init__(self, nlp: Language, vocabulary) -> None:
        self.vocabulary = vocabulary
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.choice: dict[str, tuple[str, str]] = {}
        rank = {"pref": 0, "alt": 1, "hidden": 2}
        best: dict[str, tuple[int, str]] = {}
        exact_keys: set[str] = set()
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
                candidate = (rank[label.kind], entry.iri)
                if key not in best or candidate < best[key]:
                    best[key] = candidate
                    self.choice[key] = (entry.iri, entry.cls)
        for key in sorted(best):
            matcher = self.exact if key in exact_keys else self.folded
            matcher.add(key, [nlp.make_doc(key)])

    def __call__(self, doc: Doc) -> Doc:
        found: list[Span] = []
        strings = doc.vocab.strings
        for matcher in (self.exact, self.folded):
            for match_id, start, end in matcher(doc):
                iri, cls = self.choice[strings[match_id]]
                found.append(Span(doc, start, end, label=cls, kb_id=iri))
        doc.spans["pk_vocab"] = _longest(found)
        return doc


def _longest(spans: list[Span]) -> list[Span]:
    """Non-overlapping spans, longest first, then leftmost."""
    taken: set[int] = set()
    kept = []
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if any(i in taken for i in range(span.start, span.end)):
            continue
        taken.update(range(span.start, span.end))
        kept.append(span)
    return sorted(kept, key=lambda s: s.start)

