"""Quote rows in the store and the ``flashpoint quotes`` queries."""

from __future__ import annotations

from datetime import date

import pytest

from flashpoint.quotes import quote_rows
from flashpoint.quotes.queries import quotes, speakers
from flashpoint.store import Store

ARTICLES = [
    ("2025-03-03", "“We will not leave our waters,” Foreign Minister Ilse Varga told reporters."),
    (
        "2025-03-05",
        "Kremlin spokesman Dmitry Peskov said that the exercises were routine. "
        "“Nothing has changed,” he told reporters.",
    ),
]


@pytest.fixture
def store(store_rows) -> Store:  # type: ignore[no-untyped-def]
    return store_rows(ARTICLES, "quotes", quote_rows)


def test_rows_match_the_quotes_table(store: Store, parse) -> None:  # type: ignore[no-untyped-def]
    columns = {r[0] for r in store.con.execute("DESCRIBE quotes").fetchall()}
    row = quote_rows(parse(ARTICLES[0][1]))[0]
    assert set(row) | {"article_id"} == columns
    assert store.counts(["quotes"]) == {"quotes": 3}


def test_quotes_query_filters(store: Store) -> None:
    newest_first = quotes(store.con).to_pylist()
    assert [r["published"] for r in newest_first] == sorted(
        (r["published"] for r in newest_first), reverse=True
    )
    varga = quotes(store.con, speaker="varga").to_pylist()
    assert [r["content"] for r in varga] == ["“We will not leave our waters,”"]
    assert quotes(store.con, since=date(2025, 3, 4)).num_rows == 2
    assert quotes(store.con, kind="indirect").column("content").to_pylist() == [
        "that the exercises were routine"
    ]
    assert quotes(store.con, limit=1).num_rows == 1


def test_actor_filter_uses_the_resolved_speaker(store: Store) -> None:
    pytest.importorskip("flashpoint.actors")
    russian = quotes(store.con, actor="RUS").to_pylist()
    assert [r["speaker_text"] for r in russian] == ["Kremlin spokesman Dmitry Peskov", "he"]
    assert quotes(store.con, actor="rusgov").num_rows == 2
    top = speakers(store.con).to_pylist()[0]
    assert (top["speaker"], top["quotes"]) == ("Dmitry Peskov", 2)
