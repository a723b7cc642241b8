"""flashpoint: political event data from your own news corpus.

>>> import flashpoint
>>> result = flashpoint.process_text("Ministers met in Geneva on Monday.", published="2025-03-03")
>>> [s["sentence_index"] for s in result.sentences]
[0]

``flashpoint.Pipeline().run(["corpus/"])`` stores a whole corpus in DuckDB.
"""

from flashpoint.engine import RunConfig, RunSummary
from flashpoint.pipeline import Pipeline, ProcessedArticle, process_text
from flashpoint.records import Article
from flashpoint.store import Store

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Pipeline",
    "ProcessedArticle",
    "RunConfig",
    "RunSummary",
    "Store",
    "__version__",
    "process_text",
]
