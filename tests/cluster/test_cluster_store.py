"""Clusters in the store: idempotent and incremental updates, near-duplicates, distractors,
representatives, and the queries."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from flashpoint.cluster import ClusterFilter, cluster_articles, clusters, update_clusters
from flashpoint.errors import FlashpointError
from flashpoint.store import Store


def cluster_of(store: Store, title: str, event_type: str) -> str:
    """The cluster of the article's first event of that type."""
    return str(
        store.scalar(
            "SELECT arg_min(e.cluster_id, e.char_start) FROM events e "
            "JOIN articles a USING (article_id) WHERE a.title = ? AND e.event_type = ?",
            [title, event_type],
        )
    )


def row(store: Store, cluster_id: str) -> dict[str, Any]:
    return store.arrow("SELECT * FROM clusters WHERE cluster_id = ?", [cluster_id]).to_pylist()[0]


def snapshot(store: Store) -> tuple[list[Any], list[Any]]:
    return (
        store.con.execute("SELECT * FROM clusters ORDER BY cluster_id").fetchall(),
        store.con.execute(
            "SELECT article_id, event_id, cluster_id FROM events ORDER BY 1, 2"
        ).fetchall(),
    )


def test_every_event_has_a_cluster_with_a_row(clustered: Store) -> None:
    assert clustered.scalar("SELECT count(*) FROM events WHERE cluster_id IS NULL") == 0
    assert clustered.scalar("SELECT count(DISTINCT cluster_id) FROM events") == clustered.scalar(
        "SELECT count(*) FROM clusters"
    )
    assert clustered.scalar("SELECT sum(num_mentions) FROM clusters") == clustered.scalar(
        "SELECT count(*) FROM events"
    )


def test_second_update_changes_nothing(clustered: Store) -> None:
    before = snapshot(clustered)
    summary = update_clusters(clustered)
    assert (summary.events_assigned, summary.clusters_created, summary.clusters_updated) == (
        0,
        0,
        0,
    )
    assert snapshot(clustered) == before


def test_reports_of_one_event_share_a_cluster_with_its_counts(clustered: Store) -> None:
    kharkiv = cluster_of(clustered, "Russian shelling hits Kharkiv", "ASSAULT")
    assert cluster_of(clustered, "Artillery strikes Ukraine's second city", "ASSAULT") == kharkiv
    assert cluster_of(clustered, "Kharkiv counts the dead after bombardment", "ASSAULT") == kharkiv
    found = row(clustered, kharkiv)
    assert (found["num_articles"], found["num_sources"]) == (4, 4)
    assert (found["source_country"], found["target_country"]) == ("RUS", "UKR")
    assert (str(found["first_seen"]), str(found["last_seen"])) == ("2024-05-10", "2024-05-11")


def test_near_duplicates_are_mentions_of_the_original(clustered: Store) -> None:
    # Every event of a near-duplicate article sits in a cluster its original also reports.
    orphans = clustered.scalar(
        "SELECT count(*) FROM events d JOIN articles a USING (article_id) "
        "WHERE a.duplicate_of IS NOT NULL AND NOT EXISTS (SELECT 1 FROM events o "
        "WHERE o.article_id = a.duplicate_of AND o.cluster_id = d.cluster_id)"
    )
    assert clustered.scalar("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL") == 1
    assert orphans == 0


@pytest.mark.parametrize(
    ("title", "event_type"),
    [
        ("Drone attack on Dnipro", "ASSAULT"),  # same dyad and type, next day, other city
        ("Missiles hit Odesa port", "ASSAULT"),  # same dyad and type, five days later
        ("Moscow accuses Kyiv of sabotage", "ACCUSE"),  # same dyad, other day, other type
        ("Border clash in the Caucasus", "ASSAULT"),  # same day, other dyad
    ],
)
def test_distractors_are_other_stories(clustered: Store, title: str, event_type: str) -> None:
    assert cluster_of(clustered, title, event_type) != cluster_of(
        clustered, "Russian shelling hits Kharkiv", "ASSAULT"
    )


def test_reverse_dyad_on_the_same_day_is_another_story(clustered: Store) -> None:
    hezbollah = cluster_of(clustered, "Hezbollah fires rockets at northern Israel", "ASSAULT")
    assert hezbollah != cluster_of(clustered, "Israeli jets strike southern Lebanon", "ASSAULT")


def test_representative_is_asserted_when_a_member_is(clustered: Store) -> None:
    wrong = clustered.scalar(
        "SELECT count(*) FROM clusters c JOIN events r ON r.article_id = "
        "c.representative_article_id AND r.event_id = c.representative_event_id "
        "WHERE r.modality <> 'asserted' AND EXISTS (SELECT 1 FROM events e "
        "WHERE e.cluster_id = c.cluster_id AND e.modality = 'asserted')"
    )
    assert wrong == 0


def test_incremental_run_grows_existing_clusters(
    tmp_path: Path,
    split_corpus: tuple[Path, Path],
    clustered: Store,
    ingest_into: Callable[[list[Path], Path], None],
) -> None:
    early, late = split_corpus
    db = tmp_path / "incremental.duckdb"
    ingest_into([early], db)
    with Store(db) as store:
        first = update_clusters(store)
        kharkiv = cluster_of(store, "Russian shelling hits Kharkiv", "ASSAULT")
        assert row(store, kharkiv)["num_articles"] == 3
    ingest_into([late], db)
    with Store(db) as store:
        second = update_clusters(store)
        assert second.clusters_updated >= 1 and first.clusters_created > 0
        assert cluster_of(store, "Kharkiv counts the dead after bombardment", "ASSAULT") == kharkiv
        grown = row(store, kharkiv)
        assert (grown["num_articles"], str(grown["last_seen"])) == (4, "2024-05-11")
        assert store.scalar("SELECT count(*) FROM events WHERE cluster_id IS NULL") == 0
        # Same stories as one run over everything.
        assert snapshot(store)[1] == snapshot(clustered)[1]


def test_clusters_query_filters_and_orders(clustered: Store) -> None:
    listed = clusters(clustered.con, ClusterFilter(dyad="rus:ukr", min_articles=2)).to_pylist()
    assert [r["num_articles"] for r in listed] == sorted(
        (r["num_articles"] for r in listed), reverse=True
    )
    assert {(r["source_country"], r["target_country"]) for r in listed} == {("RUS", "UKR")}
    assert listed[0]["sentence"].startswith("Russian forces shelled Kharkiv")
    talks = clusters(clustered.con, ClusterFilter(dyad="TUR:GRC", event_type="consult"))
    assert talks.num_rows == 1 and talks.to_pylist()[0]["num_articles"] == 3
    assert clusters(clustered.con, ClusterFilter(since=_day("2024-05-22"))).num_rows >= 1
    assert clusters(clustered.con, ClusterFilter(limit=2, offset=1)).num_rows == 2
    with pytest.raises(FlashpointError, match="dyad"):
        clusters(clustered.con, ClusterFilter(dyad="RUS"))


def test_cluster_articles_lists_outlets(clustered: Store) -> None:
    kharkiv = cluster_of(clustered, "Russian shelling hits Kharkiv", "ASSAULT")
    articles = cluster_articles(clustered.con, kharkiv).to_pylist()
    assert {a["outlet"] for a in articles} == {
        "Northern Wire",
        "Eastern Herald",
        "Daily Ledger",
        "Regional Post",
    }
    assert str(articles[0]["published"]) == "2024-05-10"
    assert all(a["sentence"] for a in articles)


def _day(value: str) -> Any:
    from datetime import date

    return date.fromisoformat(value)
