"""policykg: knowledge graphs of EU policy news.

The public API (the command line calls exactly these)::

    import policykg
    report = policykg.ingest(["data/items"])           # into ./policykg-store
    rows = policykg.query("news-mentioning", entity="pkr:institution/european-commission")
"""

__version__ = "0.1.0"

from .api import (  # noqa: E402
    IngestReport,
    ItemFailure,
    evaluate,
    export,
    extract_item,
    ingest,
    open_store,
    query,
    read_items,
    sparql,
    stats,
)
from .errors import InputError, OntologyError, PolicykgError, QueryError, StoreError, UsageError  # noqa: E402
from .model import Entity, Extraction, Mention, NewsItem, Relation  # noqa: E402

__all__ = [
    "__version__",
    "Entity",
    "Extraction",
    "IngestReport",
    "InputError",
    "ItemFailure",
    "Mention",
    "NewsItem",
    "OntologyError",
    "PolicykgError",
    "QueryError",
    "Relation",
    "StoreError",
    "UsageError",
    "evaluate",
    "export",
    "extract_item",
    "ingest",
    "open_store",
    "query",
    "read_items",
    "sparql",
    "stats",
]
