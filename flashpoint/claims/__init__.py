"""Numeric claims with their sources: the ``flashpoint_claims`` component and its records.

Importing this package registers the spaCy factory and the ``claims`` table extractor.
"""

from flashpoint.claims.component import ClaimFinder, make_claim_finder
from flashpoint.claims.records import Claim, claim_rows

__all__ = ["Claim", "ClaimFinder", "claim_rows", "make_claim_finder"]
