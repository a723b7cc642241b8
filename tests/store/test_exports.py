"""Event exports, each read back: GDELT 2.0 TSV, PLOVER JSON lines, CSV, JSON lines, Parquet."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from flashpoint.coding.queries import EventFilter
from flashpoint.engine import RunConfig, run
from flashpoint.errors import FlashpointError
from flashpoint.store import Store
from flashpoint.store.exports import EXPORT_FORMATS, GDELT_COLUMNS, export_events, global_event_id

TEXTS = {
    "shelling.txt": (
        "2025-03-05",
        "Russian troops shelled Ukrainian positions near Kharkiv on Monday.",
    ),
    "talks.txt": (
        "2025-03-07",
        "Hungary and Romania agreed to hold talks. Poland said Russia could attack Lithuania.",
    ),
}
WIRE = {
    "url": "https://example.org/wire/sanctions",
    "published": "2025-03-10",
    "text": "The United States imposed sanctions on Iran. France will send aid to Ukraine.",
}
KHARKIV = ("Kharkiv", "UKR", "Kharkiv Oblast", 49.9935, 36.2304, 706483)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """The real pipeline over three short articles; the shelling then gets the location a
    geo stage would give it."""
    root = tmp_path_factory.mktemp("exports")
    corpus = root / "corpus"
    corpus.mkdir()
    for name, (day, text) in TEXTS.items():
        (corpus / name).write_text(f" date {day} {text}\n", encoding="utf-8")
    (corpus / "wire.jsonl").write_text(json.dumps(WIRE) + "\n", encoding="utf-8")
    summary = run([str(corpus)], RunConfig(db=root / "fp.duckdb", progress=False))
    assert summary.errors == 0
    with Store(root / "fp.duckdb") as opened:
        opened.con.execute(
            "UPDATE events SET location_name = ?, location_country = ?, location_admin1 = ?, "
            "location_lat = ?, location_lon = ?, location_geonameid = ? WHERE cameo_root = '19' "
            "AND modality = 'asserted'",
            list(KHARKIV),
        )
        yield opened


def events(store: Store) -> dict[str, dict[str, Any]]:
    """Every event by id, with its first source and first target as the export defines them."""
    rows = store.arrow(
        "SELECT e.*, art.url, art.source_path, art.ingested_at FROM events e "
        "JOIN articles art USING (article_id)"
    ).to_pylist()
    actors = store.arrow(
        "SELECT * FROM event_actors ORDER BY article_id, event_id, role, char_start, char_end"
    ).to_pylist()
    by_id = {row["event_id"]: row for row in rows}
    for actor in actors:
        by_id[actor["event_id"]].setdefault(actor["role"], actor)
    return by_id


def code(actor: dict[str, Any] | None) -> str:
    return f"{actor['country'] or ''}{actor['sector'] or ''}" if actor else ""


def test_the_pipeline_coded_events(store: Store) -> None:
    coded = events(store)
    assert len(coded) >= 4
    assert {row["event_type"] for row in coded.values()} >= {"ASSAULT", "SANCTION"}


def test_gdelt_rows_have_61_columns_matching_the_events(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    written = export_events(store, "gdelt", out)
    with out.open(encoding="utf-8", newline="") as handle:
        rows = [
            dict(zip(GDELT_COLUMNS, r, strict=True)) for r in csv.reader(handle, delimiter="\t")
        ]
    coded = {global_event_id(event_id): row for event_id, row in events(store).items()}
    assert written == len(rows) == len(coded)
    assert not out.read_text(encoding="utf-8").startswith("GLOBALEVENTID")  # no header
    for row in rows:
        event = coded[int(row["GLOBALEVENTID"])]
        day: date = event["event_date"]
        assert row["SQLDATE"] == day.strftime("%Y%m%d")
        assert (row["MonthYear"], row["Year"]) == (day.strftime("%Y%m"), str(day.year))
        assert float(row["FractionDate"]) == pytest.approx(
            day.year + (day.month * 30 + day.day) / 365, abs=1e-4
        )
        assert row["EventCode"] == event["cameo_code"]
        assert row["EventBaseCode"] == event["cameo_code"][:3]
        assert row["EventRootCode"] == event["cameo_root"]
        assert int(row["QuadClass"]) == event["quad_class"]
        assert float(row["GoldsteinScale"]) == event["goldstein"]
        assert row["Actor1Code"] == code(event.get("source"))
        assert row["Actor2Code"] == code(event.get("target"))
        assert row["DATEADDED"] == event["ingested_at"].strftime("%Y%m%d%H%M%S")
        assert row["SOURCEURL"] == (event["url"] or event["source_path"])
        assert (row["NumMentions"], row["AvgTone"], row["Actor1EthnicCode"]) == ("1", "", "")


def test_gdelt_actor_and_place_columns(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    export_events(store, "gdelt", out, EventFilter(dyad="RUS:UKR"))
    with out.open(encoding="utf-8", newline="") as handle:
        [row] = [
            dict(zip(GDELT_COLUMNS, r, strict=True)) for r in csv.reader(handle, delimiter="\t")
        ]
    assert (row["Actor1Code"], row["Actor1Name"]) == ("RUSMIL", "RUSSIAN TROOPS")
    assert (row["Actor1CountryCode"], row["Actor1Type1Code"]) == ("RUS", "MIL")
    assert (row["Actor2CountryCode"], row["EventRootCode"], row["QuadClass"]) == ("UKR", "19", "4")
    assert row["ActionGeo_Type"] == "4"  # a world city
    assert row["ActionGeo_FullName"] == "Kharkiv, Kharkiv Oblast, Ukraine"
    assert (float(row["ActionGeo_Lat"]), float(row["ActionGeo_Long"])) == KHARKIV[3:5]
    assert row["ActionGeo_CountryCode"] == ""  # FIPS codes are not ISO codes
    assert row["SOURCEURL"].endswith("shelling.txt")


def test_plover_lines_parse_and_match(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    written = export_events(store, "plover", None)
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    coded = events(store)
    assert written == len(records) == len(coded)
    for record in records:
        event = coded[record["id"]]
        assert record["date"] == event["event_date"].isoformat()
        assert (record["event_type"], record["mode"], record["context"]) == (
            event["event_type"],
            event["mode"],
            event["context"],
        )
        assert record["cameo"] == {
            "code": event["cameo_code"],
            "root": event["cameo_root"],
            "quad_class": event["quad_class"],
            "goldstein": event["goldstein"],
        }
        assert record["actor"] == (record["actors"] or [None])[0]
        assert (record["actor"] or {}).get("text") == event.get("source", {}).get("text")
        assert (record["recipient"] or {}).get("country") == event.get("target", {}).get("country")
        provenance = record["provenance"]
        assert provenance["sentence"] == event["sentence"]
        assert (provenance["char_start"], provenance["char_end"]) == (
            event["char_start"],
            event["char_end"],
        )
        assert (provenance["url"], provenance["pattern"]) == (event["url"], event["pattern"])
    shelling = dict(
        zip(("name", "country", "admin1", "lat", "lon", "geonameid"), KHARKIV, strict=True)
    )
    assert shelling in [r["location"] for r in records]
    assert all(r["location"] for r in records)  # the geo stage located the others


def test_plover_keeps_every_coordinated_actor(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    export_events(store, "plover", out, EventFilter(country="HUN"))
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert records
    for record in records:
        assert {a["country"] for a in record["actors"] + record["recipients"]} >= {"HUN", "ROU"}


def test_parquet_and_jsonl_flat_tables(store: Store, tmp_path: Path) -> None:
    count = len(events(store))
    assert export_events(store, "parquet", tmp_path / "e.parquet") == count
    table = pq.read_table(tmp_path / "e.parquet")
    assert table.num_rows == count
    assert {"source_country", "target_sector", "sources", "targets"} <= set(table.column_names)
    assert export_events(store, "jsonl", tmp_path / "e.jsonl") == count
    lines = (tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines]
    for row in rows:
        assert row["source_country"] == (row["sources"] or [{}])[0].get("country")
        assert row["target_text"] == (row["targets"] or [{}])[0].get("text")


def test_csv_has_a_header_and_one_row_per_event(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "e.csv"
    written = export_events(store, "csv", out, EventFilter(event_type="sanction"))
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert written == len(rows) == 1
    assert (rows[0]["source_country"], rows[0]["target_country"]) == ("USA", "IRN")
    assert rows[0]["url"] == WIRE["url"]
    assert "sources" not in rows[0]


def test_exports_are_not_paged(store: Store, tmp_path: Path) -> None:
    assert export_events(store, "csv", tmp_path / "e.csv", EventFilter(limit=1)) == len(
        events(store)
    )


def test_bad_format_and_parquet_to_stdout_are_refused(store: Store) -> None:
    with pytest.raises(FlashpointError, match="E004"):
        export_events(store, "xml", None)
    with pytest.raises(FlashpointError, match="E005"):
        export_events(store, "parquet", None)


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_an_empty_store_exports_nothing(fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"empty.{fmt}"
    with Store(tmp_path / "empty.duckdb") as empty:
        assert export_events(empty, fmt, out) == 0
    assert out.exists()


def test_gdelt_columns_follow_the_codebook(shared_dir: Path) -> None:
    lines = (shared_dir / "reference" / "gdelt2_event_columns.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(line for line in lines.splitlines() if not line.startswith("#"))
    assert tuple(row["name"] for row in rows) == GDELT_COLUMNS
