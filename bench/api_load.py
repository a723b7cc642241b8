"""Load test of the REST API: a generated store, `flashpoint serve` on loopback, concurrent
clients hitting the main read endpoints; prints p50/p95 latency and errors per endpoint.

    .venv/bin/python bench/api_load.py --events 100000 --clients 20 --seconds 30

The store is synthetic (SQL generate_series): articles, events of every PLOVER type between
20 countries with a source and a target each, and the sentences the search endpoint reads.
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from http.client import HTTPConnection, HTTPException
from pathlib import Path

import httpx

from flashpoint.coding.ontology import cameo_codes, default_cameo, plover_types
from flashpoint.store import Store

COUNTRIES = [
    "RUS", "UKR", "USA", "CHN", "PHL", "JPN", "FRA", "DEU", "GBR", "IND",
    "PAK", "IRN", "ISR", "TUR", "SYR", "EGY", "BRA", "MEX", "NGA", "ZAF",
]  # fmt: skip
MODALITIES = ["asserted", "asserted", "asserted", "reported", "future", "negated"]
DAYS = 1500  # event dates spread over about four years from 2021-01-01


def build_store(path: str, events: int) -> None:
    """Articles (one per 4 events), events and their actors, all inserted by SQL."""
    types = list(plover_types())
    codes = [cameo_codes()[default_cameo(t)] for t in types]
    articles = max(events // 4, 1)
    with Store(path) as store, store.transaction():
        con = store.con
        con.execute(
            "INSERT INTO articles (article_id, url, outlet, title, published, lang, text, "
            "source_path, ingested_at) "
            "SELECT 'a' || i, 'https://example.org/' || i, 'Outlet ' || (i % 12), "
            "'Synthetic story ' || i, DATE '2021-01-01' + (i % ?)::INTEGER, 'en', "
            "'Officials met on Monday about story ' || i || '. Talks on the border went on.', "
            "'bench', now() FROM generate_series(0, ? - 1) t(i)",
            [DAYS, articles],
        )
        con.execute(
            "INSERT INTO sentences SELECT 'a' || i, s, CASE s WHEN 0 THEN 0 ELSE 40 END, "
            "CASE s WHEN 0 THEN 39 ELSE 80 END FROM generate_series(0, ? - 1) t(i), "
            "generate_series(0, 1) u(s)",
            [articles],
        )
        con.execute(
            "INSERT INTO events (article_id, event_id, sentence_index, char_start, char_end, "
            "sentence, event_type, cameo_code, cameo_root, quad_class, goldstein, event_date, "
            "date_precision, modality, confidence, pattern, coder_version) "
            "SELECT 'a' || (i % ?), 'e' || i, 0, 10, 13, 'Officials met on Monday about story.', "
            "list_extract(?, 1 + i % 16), list_extract(?, 1 + i % 16), "
            "list_extract(?, 1 + i % 16), list_extract(?, 1 + i % 16), "
            "list_extract(?, 1 + i % 16), DATE '2021-01-01' + (i % ?)::INTEGER, 'day', "
            "list_extract(?, 1 + i % 6), 0.8, 'bench', 'bench' FROM generate_series(0, ? - 1) t(i)",
            [
                articles, types, [c.code for c in codes], [c.root for c in codes],
                [c.quad_class for c in codes], [c.goldstein for c in codes], DAYS, MODALITIES,
                events,
            ],
        )  # fmt: skip
        con.execute(
            "INSERT INTO event_actors (article_id, event_id, role, text, country, sector, "
            "char_start, char_end) "
            "SELECT 'a' || (i % ?), 'e' || i, r, 'Officials', "
            "list_extract(?, 1 + CASE r WHEN 'source' THEN i % 20 ELSE (i * 7 + 3) % 20 END), "
            "'GOV', 0, 9 FROM generate_series(0, ? - 1) t(i), (VALUES ('source'), ('target')) v(r)",
            [articles, COUNTRIES, events],
        )


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(db: str, port: int, log: Path, cache_mb: int) -> subprocess.Popen[bytes]:
    """`flashpoint serve` in a subprocess (its output to ``log``), returned once it answers."""
    command = [sys.executable, "-m", "flashpoint.cli", "serve", "--db", db, "--port", str(port)]
    command += ["--cache-mb", str(cache_mb)]
    with log.open("wb") as out:
        server = subprocess.Popen(command, stderr=out, stdout=out)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and server.poll() is None:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=10).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.5)
    server.kill()
    raise SystemExit(f"the server did not answer:\n{log.read_text(errors='replace')}")


def endpoints(events: int) -> dict[str, Callable[[random.Random], str]]:
    """Endpoint name -> a URL drawn at random: varied filters and pages (a few hundred
    distinct URLs, which the response cache may hold) and event ids from the whole store
    (almost always a miss)."""
    pairs = [f"{COUNTRIES[i]}:{COUNTRIES[(i * 7 + 3) % 20]}" for i in range(20)]
    days = [f"2023-{m:02d}-01" for m in range(1, 13)]
    types = list(plover_types())
    return {
        "events": lambda r: f"/api/events?offset={50 * r.randrange(40)}",
        "events?dyad": lambda r: f"/api/events?dyad={r.choice(pairs)}&since={r.choice(days[:3])}",
        "events?type": lambda r: (
            f"/api/events?type={r.choice(types)}&country={r.choice(COUNTRIES[:5])}"
        ),
        "events/{id}": lambda r: f"/api/events/e{r.randrange(events)}",
        "articles": lambda r: f"/api/articles?since={r.choice(days)}&limit=100",
        "stats": lambda r: "/api/stats",
        "dyads": lambda r: f"/api/dyads?since={r.choice(days)}",
        "timeline": lambda r: (
            f"/api/timeline?dyad={r.choice(pairs)}&since=2023-01-01&until=2023-12-31"
        ),
    }


def fetch(http: HTTPConnection, url: str) -> tuple[bool, bool]:
    """GET ``url`` on a kept-alive connection: (status 200, served from the cache). The
    standard library's client costs the load threads a third of httpx's CPU, which on a
    2-core machine is CPU taken from the server under test. A connection the server closed
    while the client paused (uvicorn keeps idle ones 5 s) is reopened once, as browsers do."""
    for attempt in (1, 2):
        try:
            http.request("GET", url)
            response = http.getresponse()
            response.read()
        except (OSError, HTTPException):
            http.close()  # the next request opens a new connection
            if attempt == 2:
                return False, False
            continue
        return response.status == 200, response.getheader("x-cache") == "hit"
    return False, False


def load(
    port: int,
    targets: dict[str, Callable[[random.Random], str]],
    clients: int,
    seconds: float,
    think: float = 0.0,
) -> None:
    """``clients`` threads, each with its own connection, for ``seconds``; then the report.
    ``think`` > 0 makes each client an interactive user who waits a random time (exponential,
    that mean in seconds) between requests; 0 is a saturation test (back-to-back requests)."""
    latencies: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    hits: dict[str, int] = defaultdict(int)
    lock = threading.Lock()
    stop = time.monotonic() + seconds
    names = list(targets)

    def client(seed: int) -> None:
        rng = random.Random(seed)
        http = HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            while time.monotonic() < stop:
                name = rng.choice(names)
                url = targets[name](rng)
                started = time.perf_counter()
                ok, hit = fetch(http, url)
                elapsed = (time.perf_counter() - started) * 1000
                with lock:
                    latencies[name].append(elapsed)
                    errors[name] += not ok
                    hits[name] += hit
                if think > 0:
                    time.sleep(rng.expovariate(1.0 / think))
        finally:
            http.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(
        f"{'endpoint':<14} {'requests':>8} {'errors':>6} {'cached':>6} {'p50 ms':>8} {'p95 ms':>8}"
    )
    every = [ms for name in names for ms in latencies[name]]
    for name in [*names, "all"]:
        values = every if name == "all" else latencies[name]
        failed = sum(errors.values()) if name == "all" else errors[name]
        cached = sum(hits.values()) if name == "all" else hits[name]
        share = f"{cached / len(values):.0%}" if values else "-"
        p50, p95 = percentile(values, 50), percentile(values, 95)
        print(f"{name:<14} {len(values):>8} {failed:>6} {share:>6} {p50:>8.1f} {p95:>8.1f}")
    print(f"throughput: {len(every) / seconds:.0f} requests/s")


def percentile(values: list[float], q: int) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=100)[q - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument(
        "--think",
        type=float,
        default=0.0,
        help="Mean pause of each client between requests, in seconds (0: back to back).",
    )
    parser.add_argument(
        "--cache-mb", type=int, default=64, help="The server's response cache (0: none)."
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="flashpoint-load-") as tmp:
        db = str(Path(tmp) / "load.duckdb")
        started = time.perf_counter()
        build_store(db, args.events)
        print(f"store: {args.events:,} events built in {time.perf_counter() - started:.1f}s")
        port = free_port()
        server = start_server(db, port, Path(tmp) / "server.log", args.cache_mb)
        try:
            pause = f", {args.think:g}s mean think time" if args.think else ", back to back"
            cache = f"{args.cache_mb} MB response cache" if args.cache_mb else "no response cache"
            print(f"{args.clients} clients for {args.seconds:.0f}s on loopback{pause}, {cache}")
            server_cpu, client_cpu = cpu_seconds(server.pid), time.process_time()
            load(port, endpoints(args.events), args.clients, args.seconds, args.think)
            server_cpu = cpu_seconds(server.pid) - server_cpu
            client_cpu = time.process_time() - client_cpu
            print(f"CPU: server {server_cpu:.1f} s, load clients {client_cpu:.1f} s")
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
