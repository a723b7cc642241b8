"""Quotes with resolved speakers: the ``flashpoint_quotes`` component and its records.

Importing this package registers the spaCy factory and the ``quotes`` table extractor.
"""

from flashpoint.quotes.component import QuoteFinder, make_quote_finder
from flashpoint.quotes.records import Quote, quote_rows

__all__ = ["Quote", "QuoteFinder", "make_quote_finder", "quote_rows"]
