"""The spaCy pipeline: ``spacy.blank`` plus policykg's own components; no model download.

>>> nlp = make_nlp("nl")
>>> nlp.pipe_names
['policykg_sentences', 'policykg_gazetteer']
>>> [t.text for t in nlp.make_doc("de EuroHPC-verordening")]
['de', 'EuroHPC', '-', 'verordening']
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex

from . import components  # noqa: F401  (registers the factories)
from .errors import UsageError

SUPPORTED_LANGUAGES = ("nl", "en")

#: Hyphens inside words split, so that "EuroHPC-verordening" has the head noun as a token.
_HYPHEN_INFIX = r"(?<=[\w@])[-\u2010\u2011](?=\w)"
#: Special cases of spaCy's base exceptions that say no more than the tokenizer does without them
#: (each of these strings is one token either way). They are dropped for speed: spaCy's tokenizer
#: caches no word of a text after the first special case in it, so one line break ("\n" alone)
#: made it tokenize every later word afresh.
_NEEDLESS_SPECIAL_CASES = frozenset({"\n", "\t", " ", "\u2014", "'", "\u2019"})


def make_nlp(lang: str) -> Language:
    """A fresh pipeline for ``lang`` ("nl" or "en"): tokenizer, sentences, gazetteer."""
    if lang not in SUPPORTED_LANGUAGES:
        raise UsageError(f"language {lang!r} is not supported; use one of: {', '.join(SUPPORTED_LANGUAGES)}")
    nlp = spacy.blank(lang)
    nlp.tokenizer = _tokenizer(nlp)
    nlp.add_pipe("policykg_sentences", config={"lang": lang})
    nlp.add_pipe("policykg_gazetteer")
    return nlp


def _tokenizer(nlp: Language) -> Tokenizer:
    """The language's own tokenizer with hyphens inside words as infixes and without the needless
    special cases, made in one go (each change to a spaCy tokenizer loads all special cases again)."""
    default = nlp.tokenizer
    return Tokenizer(
        nlp.vocab,
        rules={k: v for k, v in default.rules.items() if k not in _NEEDLESS_SPECIAL_CASES},
        prefix_search=default.prefix_search,
        suffix_search=default.suffix_search,
        infix_finditer=compile_infix_regex([*nlp.Defaults.infixes, _HYPHEN_INFIX]).finditer,
        token_match=default.token_match,
        url_match=default.url_match,
        faster_heuristics=default.faster_heuristics,
    )


@lru_cache(maxsize=None)
def get_nlp(lang: str) -> Language:
    """The pipeline for ``lang``, built once per process."""
    return make_nlp(lang)
