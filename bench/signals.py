"""Time of computing every dyad's series over 1,000,000 stored events (goal: < 2 s).

Generates, with SQL only (generate_series), a store holding N events in N/3 stories over a
year, their 2N actors, N/5 articles with three country mentions each, and the clusters. In
the same process it then times (a) a plain GROUP BY count over the events table and (b) the
daily and weekly series of every directed dyad and the ranked dyads, each the best of
``--rounds``, and prints b/a.

    .venv/bin/python bench/signals.py [--events N] [--rounds N] [--threads N]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from flashpoint.signals import dyad_series, dyads
from flashpoint.store import Store

COUNTRIES = 60
TYPES = (
    ("AGREE", 1, 4.0),
    ("CONSULT", 1, 1.0),
    ("SUPPORT", 1, 3.4),
    ("REQUEST", 1, 3.0),
    ("COOPERATE", 2, 6.0),
    ("AID", 2, 7.0),
    ("RETREAT", 2, 5.0),
    ("CONCEDE", 2, 4.5),
    ("ACCUSE", 3, -2.0),
    ("REJECT", 3, -4.0),
    ("THREATEN", 3, -4.4),
    ("PROTEST", 3, -6.5),
    ("SANCTION", 4, -8.0),
    ("MOBILIZE", 4, -7.2),
    ("COERCE", 4, -5.0),
    ("ASSAULT", 4, -9.0),
)


def generate(store: Store, events: int) -> None:
    """Fill the store's tables with a synthetic year of events, all in SQL."""
    con = store.con
    articles = max(events // 5, 1)
    params = {"n": events, "articles": articles, "countries": COUNTRIES}
    con.execute(
        "CREATE TEMP TABLE kinds AS SELECT * FROM (VALUES "
        + ", ".join(f"({i}, '{t}', {q}, {g})" for i, (t, q, g) in enumerate(TYPES))
        + ") k(k, event_type, quad_class, goldstein)"
    )
    con.execute(
        "CREATE TEMP MACRO code(i) AS 'C' || chr(65 + (i % 26)::INT) || chr(65 + (i // 26)::INT)"
    )
    con.execute(
        """
        INSERT INTO articles (article_id, published, text, ingested_at)
        SELECT 'a' || i, DATE '2024-01-01' + (i % 366)::INT, 'text', TIMESTAMP '2025-01-01'
        FROM generate_series(0, $articles - 1) g(i)
        """,
        {"articles": articles},
    )
    con.execute(
        """
        INSERT INTO actor_mentions (article_id, sentence_index, char_start, char_end, text,
            country, mention_kind, confidence, resolved_by)
        SELECT 'a' || i, 0, j * 10, j * 10 + 3, 'x',
            code((i * 7 + j * (i // 7 + 1)) % $countries), 'name', 1.0, 'bench'
        FROM generate_series(0, $articles - 1) g(i), generate_series(0, 2) h(j)
        """,
        {"articles": articles, "countries": COUNTRIES},
    )
    # Story s (three events) has source s and target s + 1 + (s // C) mod (C - 1), both
    # mod C countries (so C (C - 1) dyads); its events sit in articles of the same day.
    con.execute(
        """
        INSERT INTO events (article_id, event_id, sentence_index, char_start, char_end,
            sentence, event_type, cameo_code, cameo_root, quad_class, goldstein, event_date,
            date_precision, modality, confidence, pattern, coder_version, cluster_id)
        SELECT 'a' || (i % $articles), 'e' || i, 0, 0, 5, 'sentence', k.event_type, '010',
            '01', k.quad_class, k.goldstein, DATE '2024-01-01' + ((i % $articles) % 366)::INT,
            'day', ['asserted', 'reported', 'asserted', 'future', 'negated',
                    'reported', 'hypothetical', 'asserted', 'reported', 'asserted'][i % 10 + 1],
            0.8, 'bench', 'bench', 'c' || (i // 3)
        FROM generate_series(0, $n - 1) g(i)
        JOIN kinds k ON k.k = ((i // 3) * 5 + (i // 90)) % 16
        """,
        {"n": events, "articles": articles},
    )
    con.execute(
        """
        INSERT INTO event_actors (article_id, event_id, role, text, country, char_start,
            char_end)
        SELECT 'a' || (i % $articles), 'e' || i, r.role, 'x',
            CASE r.role WHEN 'source' THEN code((i // 3) % $countries)
                 ELSE code((i // 3 + 1 + (i // 3 // $countries) % ($countries - 1)) % $countries)
            END,
            r.start, r.start + 3
        FROM generate_series(0, $n - 1) g(i), (VALUES ('source', 0), ('target', 10)) r(role, start)
        """,
        params,
    )
    con.execute(
        """
        INSERT INTO clusters (cluster_id, representative_article_id, representative_event_id,
            event_type, quad_class, event_date, num_mentions, num_articles, num_sources)
        SELECT e.cluster_id, min(e.article_id), min(e.event_id), min(e.event_type),
            min(e.quad_class), min(e.event_date), count(*), count(DISTINCT e.article_id), 1
        FROM events e GROUP BY e.cluster_id
        """
    )


def best(fn: Callable[[], object], rounds: int) -> tuple[float, float, object]:
    """Best wall time, best CPU time of the process (all DuckDB threads) and the result."""
    walls, cpus, result = [], [], None
    for _ in range(rounds):
        wall, cpu = time.perf_counter(), time.process_time()
        result = fn()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2, help="DuckDB threads")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.duckdb") as store:
        started = time.perf_counter()
        generate(store, args.events)
        counts = store.counts(["events", "event_actors", "articles", "actor_mentions", "clusters"])
        print(f"generated in {time.perf_counter() - started:.1f} s: ", end="")
        print(", ".join(f"{t} {n:,}" for t, n in counts.items()))
        store.con.execute(f"SET threads = {int(args.threads)}")
        baseline, base_cpu, _ = best(
            lambda: store.con.sql(
                "SELECT event_date, event_type, count(*) FROM events GROUP BY ALL"
            ).to_arrow_table(),
            args.rounds,
        )
        label = "(a) plain GROUP BY count over events"
        print(f"{label:<42}{baseline:6.2f} s wall {base_cpu:6.2f} s CPU")
        for label, fn in (
            ("(b) all dyad series, daily", lambda: dyad_series(store.con, "day")),
            ("(b) all dyad series, weekly", lambda: dyad_series(store.con, "week")),
            ("(c) ranked dyads (dyads())", lambda: dyads(store.con, limit=50)),
        ):
            seconds, cpu, table = best(fn, args.rounds)
            rows = getattr(table, "num_rows", 0)
            print(
                f"{label:<42}{seconds:6.2f} s wall {cpu:6.2f} s CPU {rows:>9,} rows  "
                f"wall ratio to (a) {seconds / baseline:5.1f}"
            )


if __name__ == "__main__":
    main()
