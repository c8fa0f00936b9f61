"""The one minting module: every entity, news-item and statement IRI is made here.

IRIs are deterministic: the same input gives the same IRI in every run and on
every machine (see docs/DATAMODEL.md for the scheme).

>>> item_iri("ECER AI-pakket 2024-01-24")
'https://w3id.org/policykg/news/ecer-ai-pakket-2024-01-24'
>>> celex_entity_iri("32021r1173")
'https://w3id.org/policykg/id/celex/32021R1173'
>>> minted_iri("Programme", "Net-Zero Europe Platform")
'https://w3id.org/policykg/id/programme/net-zero-europe-platform'
"""

from __future__ import annotations

import hashlib

from .namespaces import CELEX_IRI, PKN_IRI, PKR_IRI
from .normalise import slugify

#: pk: class -> the IRI path segment of minted entities of that class.
_KIND = {
    "Institution": "institution",
    "Programme": "programme",
    "Initiative": "programme",
    "Sector": "sector",
    "MemberState": "member-state",
}


#: Longest item slug kept whole; a longer one is cut and gets a hash of the whole slug.
ITEM_SLUG_MAX = 80


def item_iri(item_id: str) -> str:
    """The IRI (and named-graph name) of a news item.

    A slug longer than :data:`ITEM_SLUG_MAX` characters (long, URL-like ids) is cut
    at a word boundary and followed by 10 hex digits of the SHA-1 of the whole slug,
    so that ids that share their first 80 characters stay apart.

    >>> item_iri("https://example.org/news/" + "x" * 100)[len(PKN_IRI):]
    'https-example-org-news-d5a7c39a4e'
    """
    slug = slugify(item_id, max_length=1_000_000)
    if len(slug) <= ITEM_SLUG_MAX:
        return PKN_IRI + slug
    digest = hashlib.sha1(slug.encode()).hexdigest()[:10]
    return f"{PKN_IRI}{slugify(slug, max_length=ITEM_SLUG_MAX)}-{digest}"


def celex_entity_iri(celex: str) -> str:
    """The canonical IRI of an instrument with a CELEX number."""
    return f"{PKR_IRI}celex/{celex.strip().upper()}"


def celex_iri(celex: str) -> str:
    """The Publications Office IRI of a CELEX number (for ``skos:exactMatch``)."""
    return CELEX_IRI + celex.strip().upper()


def minted_iri(cls: str, name: str) -> str:
    """The IRI of an entity that is not in the vocabulary, from its class and normalised name."""
    return f"{PKR_IRI}{_KIND.get(cls, 'instrument')}/{slugify(name)}"


def mention_iri(item: str, start: int, end: int) -> str:
    return f"{item}#m{start}-{end}"


def amount_iri(item: str, start: int, end: int) -> str:
    return f"{item}#a{start}-{end}"


def sentence_iri(item: str, start: int, end: int) -> str:
    return f"{item}#s{start}-{end}"


def statement_iri(item: str, subject: str, prop: str, obj: str, start: int, end: int) -> str:
    """A relation statement: stable for the same triple stated in the same sentence."""
    digest = hashlib.sha1(f"{subject} {prop} {obj} {start} {end}".encode()).hexdigest()[:12]
    return f"{item}#r{digest}"


def run_iri(item: str) -> str:
    return f"{item}#run"


AGENT_IRI = PKR_IRI + "agent/policykg"
