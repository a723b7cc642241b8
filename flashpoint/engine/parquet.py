"""The Parquet output of a Dask run: one dataset per store table, hive-partitioned by the
article's published date, plus a manifest of finished partitions.

Layout of ``DIR``::

    _manifest.json                                  plan (partitions, their sources) + done
    articles/published=2025-03-03/<key>-0.parquet   one file per (table, day, partition)
    events/published=__HIVE_DEFAULT_PARTITION__/…   articles without a date
    ingest_errors/<key>-0.parquet                   errors have no date

Every row carries the ``partition`` it came from; articles also their reading ``ordinal``
within it and their MinHash ``signature``, so ``load_dataset`` can replay the local run's
order: first copy of an article wins, near-duplicates point at the earliest similar one.
Files are written under ``_tmp`` and renamed into place, so a killed worker leaves no
partial file; a retried partition rewrites the same names, so it adds no rows twice.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.dataset as ds

from flashpoint.cluster import ClusterConfig, ClusterSummary, update_clusters
from flashpoint.errors import Errors, FlashpointError
from flashpoint.ingest.dedup import DTYPE, NearDuplicateIndex
from flashpoint.nlp.extract import Row
from flashpoint.store import Store

MANIFEST = "_manifest.json"
TMP = "_tmp"
#: Key of the pseudo-partition holding errors for inputs that matched nothing.
INPUTS = "inputs"
#: Store tables that are computed at load time rather than written by workers.
LOAD_TIME_TABLES = frozenset({"schema_migrations", "minhashes", "clusters"})
DAY = pa.schema([("published", pa.date32())])
#: Columns the datasets add to a table's own columns.
EXTRA = {
    "articles": [("ordinal", pa.int64()), ("signature", pa.binary())],
}
_DATED = "read_parquet(?, hive_partitioning = true, hive_types = {'published': DATE})"
_UNDATED = "read_parquet(?, hive_partitioning = false)"


@lru_cache(maxsize=1)
def schemas() -> dict[str, pa.Schema]:
    """Arrow schema of each dataset: the store table's columns (from the packaged
    migrations, so new columns flow through) plus ``partition`` and the extras above."""
    with Store(":memory:") as store:
        out = {}
        for table in sorted(set(store.table_names()) - LOAD_TIME_TABLES):
            schema = store.arrow(f'SELECT * FROM "{table}" LIMIT 0').schema
            for name, kind in [("partition", pa.string()), *EXTRA.get(table, [])]:
                schema = schema.append(pa.field(name, kind))
            out[table] = schema
    return out


def dated(table: str) -> bool:
    """Whether a dataset is partitioned by published date (all but the errors)."""
    return table != "ingest_errors"


def write_partition(
    out: Path, key: str, tables: Mapping[str, Sequence[Row]], published: Mapping[str, date | None]
) -> dict[str, int]:
    """Write one partition's rows of every table, atomically per file; rows count per table.

    ``published`` maps article_id to the day its rows are filed under."""
    staging = out / TMP / f"{key}-{uuid.uuid4().hex}"
    counts = {}
    try:
        for table, schema in schemas().items():
            rows = [{**row, "partition": key} for row in tables.get(table, ())]
            counts[table] = len(rows)
            if not rows:
                continue
            arrow = pa.Table.from_pylist(rows, schema=schema)
            if dated(table) and table != "articles":
                days = [published[r["article_id"]] for r in rows]
                arrow = arrow.append_column("published", pa.array(days, pa.date32()))
            ds.write_dataset(
                arrow,
                staging / table,
                format="parquet",
                partitioning=ds.partitioning(DAY, flavor="hive") if dated(table) else None,
                basename_template=f"{key}-{{i}}.parquet",
            )
        _move_into_place(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return counts


def _move_into_place(staging: Path, out: Path) -> None:
    """Rename each staged file to its final name (atomic on one filesystem)."""
    for path in sorted(staging.rglob("*.parquet")):
        target = out / path.relative_to(staging)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(path, target)


@dataclass
class Manifest:
    """Which partitions a run planned (in reading order) and which are finished."""

    path: Path
    plan: list[dict[str, Any]] = field(default_factory=list)
    done: dict[str, dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def read(cls, out: Path) -> Manifest:
        path = out / MANIFEST
        if not path.exists():
            return cls(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(path, data["plan"], data["done"])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise FlashpointError(Errors.E091.format(path=path, reason=exc)) from exc

    @classmethod
    def start(cls, out: Path, plan: list[dict[str, Any]]) -> Manifest:
        """The manifest for this plan: resumed if ``out`` holds the same plan, new if empty."""
        manifest = cls.read(out)
        if manifest.plan and manifest.plan != plan:
            raise FlashpointError(Errors.E092.format(out=out))
        manifest.plan = plan
        manifest.save()
        return manifest

    def mark_done(self, key: str, stats: dict[str, Any]) -> None:
        self.done[key] = stats
        self.save()

    def save(self) -> None:
        """Write to a temporary file, then rename: a reader never sees half a manifest."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(f".{uuid.uuid4().hex}.tmp")
        tmp.write_text(json.dumps({"plan": self.plan, "done": self.done}, indent=1), "utf-8")
        os.replace(tmp, self.path)

    def finished_keys(self) -> list[str]:
        """Finished partitions in reading order."""
        keys = [INPUTS, *(p["key"] for p in self.plan)]
        return [k for k in keys if k in self.done]


def dataset_files(out: Path, table: str, keys: Sequence[str]) -> list[str]:
    """The files of ``table`` written by the partitions ``keys``."""
    wanted = set(keys)
    pattern = "*/*.parquet" if dated(table) else "*.parquet"
    return sorted(str(p) for p in (out / table).glob(pattern) if p.stem.rsplit("-", 1)[0] in wanted)


@dataclass
class LoadSummary:
    """What ``load_dataset`` added to the store."""

    partitions: int = 0
    articles_added: int = 0
    exact_duplicates: int = 0
    near_duplicates: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    clusters: ClusterSummary = field(default_factory=ClusterSummary)


def load_dataset(
    out: str | Path,
    db: str | Path,
    threshold: float = 0.7,
    cluster: ClusterConfig | None = None,
) -> LoadSummary:
    """Bulk-load the finished partitions of ``out`` into the store ``db`` in one transaction,
    then cluster the new events. Loading again adds nothing."""
    out = Path(out)
    if not (out / MANIFEST).exists():
        raise FlashpointError(Errors.E090.format(path=out))
    keys = Manifest.read(out).finished_keys()
    summary = LoadSummary(partitions=len(keys))
    with Store(db) as store:
        with store.transaction():
            _load(store, out, keys, threshold, summary)
        summary.clusters = update_clusters(store, cluster or ClusterConfig())
        summary.rows = store.counts()
    return summary


def _load(store: Store, out: Path, keys: list[str], threshold: float, summary: LoadSummary) -> None:
    files = {t: dataset_files(out, t, keys) for t in schemas()}
    if files["articles"]:
        kept = _keep(store, files["articles"], keys, threshold, summary)
        store.con.register("_kept", kept)
        try:
            for table in schemas():
                if dated(table) and files[table]:
                    _insert(store, table, files[table], joined=True)
        finally:
            store.con.unregister("_kept")
    if files["ingest_errors"]:
        _insert(store, "ingest_errors", files["ingest_errors"], joined=False)


def _keep(
    store: Store, files: list[str], keys: list[str], threshold: float, summary: LoadSummary
) -> pa.Table:
    """The articles to add, in the local run's order: (article_id, partition, duplicate_of,
    seq). Exact duplicates keep their first copy; near-duplicates are marked against the
    stored signatures and the earlier new articles, exactly as ``LocalRun`` does."""
    order = pa.table({"partition": keys, "rank": list(range(len(keys)))})
    store.con.register("_order", order)
    try:
        rows = store.con.execute(
            f"SELECT a.article_id, a.partition, a.signature FROM {_DATED} a "
            "JOIN _order o USING (partition) ORDER BY o.rank, a.ordinal",
            [files],
        ).fetchall()
    finally:
        store.con.unregister("_order")
    stored = store.existing_article_ids([r[0] for r in rows])
    index = NearDuplicateIndex(threshold)
    index.extend(store.signatures())
    seq = store.next_seq()
    kept: dict[str, list[Any]] = {"article_id": [], "partition": [], "dup": [], "seq": []}
    for article_id, partition, blob in rows:
        if article_id in stored:
            summary.exact_duplicates += 1
            continue
        stored.add(article_id)
        hashvalues = np.frombuffer(blob, dtype=DTYPE)
        duplicate_of = index.find(hashvalues)
        index.add(article_id, hashvalues, duplicate_of)
        summary.near_duplicates += duplicate_of is not None
        for name, value in zip(kept, (article_id, partition, duplicate_of, seq), strict=True):
            kept[name].append(value)
        seq += 1
    summary.articles_added = len(kept["seq"])
    return pa.table(kept, schema=_KEPT)


_KEPT = pa.schema(
    [("article_id", pa.string()), ("partition", pa.string()), ("dup", pa.string()),
     ("seq", pa.int64())]
)  # fmt: skip


def _insert(store: Store, table: str, files: list[str], *, joined: bool) -> None:
    """INSERT one dataset's rows (only those of kept articles when ``joined``)."""
    columns = [f for f in store.arrow(f'SELECT * FROM "{table}" LIMIT 0').schema.names]
    if table == "articles":
        select = ", ".join("k.dup" if c == "duplicate_of" else f'p."{c}"' for c in columns)
    else:
        select = ", ".join(f'p."{c}"' for c in columns)
    source = f"{_DATED if joined else _UNDATED} p"
    if joined:
        source += " JOIN _kept k USING (article_id, partition)"
    names = ", ".join(f'"{c}"' for c in columns)
    store.con.execute(
        f'INSERT OR IGNORE INTO "{table}" ({names}) SELECT {select} FROM {source}', [files]
    )
    if table == "articles":
        store.con.execute(
            "INSERT INTO minhashes SELECT k.seq, k.article_id, p.signature FROM "
            f"{_DATED} p JOIN _kept k USING (article_id, partition)",
            [files],
        )


def open_dataset(out: str | Path) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with one view per dataset over the finished
    partitions of ``out``, for querying a run's output without loading it. Views hold
    every partition's rows: an article read in two partitions appears twice, and
    ``duplicate_of`` and ``cluster_id`` are empty until ``load_dataset`` computes them."""
    out = Path(out)
    keys = Manifest.read(out).finished_keys()
    con = duckdb.connect()
    for table in schemas():
        files = dataset_files(out, table, keys)
        if not files:
            continue
        con.read_parquet(files, hive_partitioning=dated(table)).create_view(table)
    return con
