"""The spaCy pipeline: ``spacy.blank`` plus policykg's own components; no model download.

>>> nlp = make_nlp("nl")
>>> nlp.pipe_names
['policykg_sentences', 'policykg_gazetteer']
>>> [t.text for t in nlp.make_doc("de EuroHPC-verordening")]
['de', 'EuroHPC', '-', 'verordening']
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

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


#: The registered name of policykg's tokenizer (see :func:`_tokenizer`).
TOKENIZER = "policykg.tokenizer.v1"


def make_nlp(lang: str) -> Language:
    """A fresh pipeline for ``lang`` ("nl" or "en"): tokenizer, sentences, gazetteer."""
    if lang not in SUPPORTED_LANGUAGES:
        raise UsageError(f"language {lang!r} is not supported; use one of: {', '.join(SUPPORTED_LANGUAGES)}")
    # our tokenizer in place of the language's own, so that only one is built
    nlp = spacy.blank(lang, config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})
    nlp.add_pipe("policykg_sentences", config={"lang": lang})
    nlp.add_pipe("policykg_gazetteer")
    return nlp


@spacy.registry.tokenizers(TOKENIZER)
def _make_tokenizer() -> Callable[[Language], Tokenizer]:
    return _tokenizer


def _tokenizer(nlp: Language) -> Tokenizer:
    """The language's own tokenizer (as spaCy's default factory makes it) with hyphens inside words
    as infixes and without the needless special cases, made in one go (each change to a spaCy
    tokenizer loads all special cases again, and loading them is most of what making one costs)."""
    defaults = nlp.Defaults
    return Tokenizer(
        nlp.vocab,
        rules={k: v for k, v in defaults.tokenizer_exceptions.items() if k not in _NEEDLESS_SPECIAL_CASES},
        prefix_search=compile_prefix_regex(defaults.prefixes).search if defaults.prefixes else None,
        suffix_search=compile_suffix_regex(defaults.suffixes).search if defaults.suffixes else None,
        infix_finditer=compile_infix_regex([*(defaults.infixes or ()), _HYPHEN_INFIX]).finditer,
        token_match=defaults.token_match,
        url_match=defaults.url_match,
    )


@lru_cache(maxsize=None)
def get_nlp(lang: str) -> Language:
    """The pipeline for ``lang``, built once per process."""
    return make_nlp(lang)
