"""Claims rows in the store: the migration's columns, the queries, the side-by-side view."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from flashpoint.claims import claim_rows
from flashpoint.claims.compare import compare_claims
from flashpoint.claims.queries import claims
from flashpoint.errors import FlashpointError
from flashpoint.records import make_article_id
from flashpoint.store import Store

ARTICLES = [
    (
        "2025-03-03",
        "Aldoria has massed more than 40,000 troops on the border, according to "
        "Berenian estimates, although observers refer to 25,000.",
    ),
    (
        "2025-03-06",
        "The Berenian defence ministry said 52,000 Aldorian soldiers were now near "
        "the border. Two people were injured in a protest.",
    ),
]


@pytest.fixture
def store(store_rows) -> Store:  # type: ignore[no-untyped-def]
    return store_rows(ARTICLES, "claims", claim_rows)


def test_rows_fill_the_claims_table_and_are_idempotent(store: Store, parse) -> None:  # type: ignore[no-untyped-def]
    columns = [r[0] for r in store.con.execute("DESCRIBE claims").fetchall()]
    row = claim_rows(parse(ARTICLES[0][1], date(2025, 3, 3)))[0]
    assert set(row) | {"article_id"} == set(columns)
    before = store.counts(["claims"])["claims"]
    text = ARTICLES[0][1]
    again = claim_rows(parse(text, date(2025, 3, 3)))
    for r in again:
        r["article_id"] = make_article_id(text)
    store.write_batch({"claims": again})
    assert store.counts(["claims"])["claims"] == before == 4


def test_claims_query_filters_by_subject_source_and_date(store: Store) -> None:
    troops = claims(store.con, subject="troops").to_pylist()
    assert sorted(r["value_low"] for r in troops) == [25_000, 40_000, 52_000]
    by_source = claims(store.con, subject="troops", source="ministry").to_pylist()
    assert [r["value_low"] for r in by_source] == [52_000]
    recent = claims(store.con, since=date(2025, 3, 5)).to_pylist()
    assert {r["published"] for r in recent} == {date(2025, 3, 6)}


def test_compare_claims_lists_estimates_side_by_side(store: Store) -> None:
    table = compare_claims(store.con, "troops").to_pylist()
    assert [(r["as_of"], r["low"], r["best"], r["high"]) for r in table] == [
        (date(2025, 3, 3), 25_000, 25_000, 25_000),
        (date(2025, 3, 3), 40_000, 40_000, 40_000),
        (date(2025, 3, 6), 52_000, 52_000, 52_000),
    ]
    assert [r["source"] for r in table] == [
        "observers",
        "Berenian estimates",
        "The Berenian defence ministry",
    ]
    assert table[1]["open_bound"] and not table[0]["open_bound"]
    assert {(r["overall_low"], r["overall_high"]) for r in table} == {(25_000, 52_000)}
    assert table[0]["overall_best"] == 40_000


def test_actor_filter_reads_the_actor_mentions(tmp_path: Path, parse) -> None:  # type: ignore[no-untyped-def]
    actors = pytest.importorskip("flashpoint.actors")
    text = "Russia has massed more than 100,000 troops, according to Ukrainian estimates."
    doc = parse(text, date(2025, 3, 3))
    article_id = make_article_id(text)
    tables = {"claims": claim_rows(doc), "actor_mentions": actors.records.actor_mention_rows(doc)}
    for rows in tables.values():
        for row in rows:
            row["article_id"] = article_id
    with Store(tmp_path / "about.duckdb") as store:
        store.write_batch(tables)
        about_russia = compare_claims(store.con, "troops", actor="RUS").to_pylist()
        assert [(r["low"], r["source_country"]) for r in about_russia] == [(100_000, "UKR")]
        # Ukraine is mentioned only as the source, so no claim is about it.
        assert compare_claims(store.con, "troops", actor="UKR").num_rows == 0
        assert claims(store.con, source="UKR").num_rows == 1


def test_actor_filter_needs_the_mentions_table(store: Store) -> None:
    store.con.execute("DROP TABLE actor_mentions")
    with pytest.raises(FlashpointError, match="actor_mentions"):
        compare_claims(store.con, "troops", actor="RUS")
