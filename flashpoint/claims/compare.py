"""Conflicting estimates side by side, as UCDP and ACLED analysts compare them by hand.

``compare_claims`` lists every claim on one subject with its low / best / high value and
its source, oldest first, and beside each the range over all claims in the same unit:
the lowest low, the median best and the highest high.
"""

from __future__ import annotations

from datetime import date

import duckdb
import pyarrow as pa

from flashpoint.claims.queries import BEST, claim_where
from flashpoint.quotes.queries import MAX_LIMIT, fetch_table


def compare_claims(
    con: duckdb.DuckDBPyConnection,
    subject: str,
    actor: str | None = None,
    *,
    source: str | None = None,
    since: date | None = None,
    until: date | None = None,
    limit: int = 1000,
) -> pa.Table:
    """Claims about ``subject`` (optionally about ``actor``, a country code), one row per
    claim: as_of, low, best, high, qualifier, unit, source, and the overall range."""
    where, params = claim_where(con, subject, actor, source, since, until)
    sql = f"""
        WITH picked AS (
            SELECT c.*, a.published, a.outlet, {BEST} AS best
            FROM claims c LEFT JOIN articles a USING (article_id){where}
        )
        SELECT as_of, subject, unit, qualifier,
               coalesce(value_low, best) AS low, best, coalesce(value_high, best) AS high,
               value_low IS NULL OR value_high IS NULL AS open_bound,
               coalesce(attributed_to_name, attributed_to_text) AS source,
               attributed_to_country AS source_country, attributed_to_sector AS source_sector,
               min(coalesce(value_low, best)) OVER (PARTITION BY unit) AS overall_low,
               median(best) OVER (PARTITION BY unit) AS overall_best,
               max(coalesce(value_high, best)) OVER (PARTITION BY unit) AS overall_high,
               count(*) OVER (PARTITION BY unit) AS claims_in_unit,
               published, outlet, article_id, claim_id, char_start, char_end
        FROM picked
        ORDER BY unit, as_of NULLS LAST, best, source
        LIMIT ?
    """
    return fetch_table(con, sql, [*params, min(max(limit, 0), MAX_LIMIT)])
