"""One error hierarchy for policykg; the CLI turns each into a one-line message and an exit code.

A message says what went wrong, where, and how to fix it::

    data/x.jsonl:14: item has no "text" field; add one or pass --text-key.
"""

from __future__ import annotations


class PolicykgError(Exception):
    """Base class of every error that policykg raises on purpose."""

    exit_code = 3

    def __init__(self, message: str, *, where: str | None = None) -> None:
        self.message = message
        self.where = where
        super().__init__(f"{where}: {message}" if where else message)


class InputError(PolicykgError):
    """A news item or file cannot be read or understood (bad input, not a bug)."""

    exit_code = 2


class UsageError(PolicykgError):
    """The command or call was given wrong arguments."""

    exit_code = 2


class QueryError(PolicykgError):
    """A prepared query or ad-hoc SPARQL cannot be loaded, bound or run."""

    exit_code = 2


class OntologyError(PolicykgError):
    """The ontology, shapes or vocabularies are missing or inconsistent."""

    exit_code = 3


class StoreError(PolicykgError):
    """The store cannot be opened, read or written (locked, corrupt, missing)."""

    exit_code = 2
