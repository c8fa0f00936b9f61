"""The one locator of the data that ships with policykg: ``ontology/`` and ``queries/``.

In a checkout (and an editable install) they are the top-level folders of the
repository; in an installed wheel they live inside the package as
``policykg/_data/ontology`` and ``policykg/_data/queries``. Code asks this module
and never builds such paths itself.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .errors import OntologyError

_CHECKOUT = Path(__file__).resolve().parents[2]


def _locate(name: str) -> Path:
    packaged = resources.files("policykg") / "_data" / name
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = _CHECKOUT / name
    if checkout.is_dir() and (_CHECKOUT / "pyproject.toml").is_file():
        return checkout
    raise OntologyError(
        f"cannot find the {name}/ folder of policykg (looked in {packaged} and {checkout}); "
        "reinstall policykg with 'pip install .'"
    )


@lru_cache(maxsize=None)
def ontology_dir() -> Path:
    """The folder with the OWL ontology, the SHACL shapes and the SKOS vocabularies."""
    return _locate("ontology")


@lru_cache(maxsize=None)
def queries_dir() -> Path:
    """The folder with the prepared SPARQL queries (``NAME.rq``)."""
    return _locate("queries")


def ontology_file() -> Path:
    return ontology_dir() / "policykg.ttl"


def shapes_file() -> Path:
    return ontology_dir() / "shapes.ttl"


def vocabulary_files() -> list[Path]:
    """The generated SKOS vocabularies, in a stable order."""
    return sorted((ontology_dir() / "vocabularies").glob("*.ttl"))


@lru_cache(maxsize=None)
def vocabulary_version() -> str:
    """A short content hash of the ontology and vocabularies: changes whenever they change."""
    digest = hashlib.sha256()
    for path in [ontology_file(), *vocabulary_files()]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
