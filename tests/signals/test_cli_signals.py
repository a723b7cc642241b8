"""The dyads, timeline and alerts commands, on a synthetic stream and on the example corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from flashpoint.cli import main
from flashpoint.engine import RunConfig, run

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


@pytest.fixture
def stream_db(builder) -> str:  # type: ignore[no-untyped-def]
    builder.random_days(range(30), hostile_share=0.1, stories_per_day=5, seed=1)
    builder.random_days(range(30, 60), hostile_share=0.9, stories_per_day=5, seed=2)
    builder.story(builder.day(40), "RUS", "UKR", builder.cooperative[3])
    builder.store().close()
    return str(builder.path)


def test_commands_on_a_stream(stream_db: str, tmp_path: Path) -> None:
    code, out = invoke("dyads", "--db", stream_db, "--format", "jsonl")
    assert code == 0, out
    top = json.loads(out.splitlines()[0])
    assert (top["source"], top["target"]) == ("RUS", "UKR")

    code, out = invoke("alerts", "--db", stream_db, "--format", "jsonl", "--kind", "change_point")
    assert code == 0, out
    assert [json.loads(line)["date"] for line in out.splitlines()] == ["2024-01-31"]

    code, out = invoke("alerts", "--db", stream_db, "--format", "csv", "--since", "2024-02-09")
    assert code == 0 and out.startswith('"source","target","date"') and "mixed_signals" in out

    chart = tmp_path / "timeline.svg"
    code, out = invoke(
        "timeline", "--db", stream_db, "--dyad", "rus:ukr", "--freq", "week", "--plot", str(chart)
    )
    assert code == 0, out
    assert "index_high" in out and "assault" not in out
    assert chart.read_text(encoding="utf-8").startswith("<?xml")

    code, out = invoke("timeline", "--db", stream_db, "--dyad", "RUS:UKR", "--types")
    assert code == 0 and "assault" in out and len(out.splitlines()) == 62


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("timeline", "--dyad", "RUS"), "E070"),
        (("timeline", "--dyad", "RUS:UKR", "--plot", "chart.gif"), "E074"),
        (("alerts", "--sensitivity", "-1"), "E072"),
    ],
)
def test_errors_are_one_line(stream_db: str, args: tuple[str, ...], message: str) -> None:
    code, out = invoke(*args, "--db", stream_db)
    assert code == 1 and message in out


@pytest.mark.slow
def test_example_corpus_shows_the_escalation(tmp_path: Path) -> None:
    """The Scarborough Shoal story: Chinese coercion of the Philippines in early March, a
    quiet spell, then the hotline agreement of 2 April, found as a turn of the index."""
    db = tmp_path / "demo.duckdb"
    assert run([str(EXAMPLES)], RunConfig(db=db, progress=False)).errors == 0
    code, out = invoke("timeline", "--db", str(db), "--dyad", "CHN:PHL", "--format", "jsonl")
    assert code == 0, out
    rows = {r["period"]: r for r in map(json.loads, out.splitlines())}
    hostile = [d for d, r in rows.items() if r["index"] > 0]
    cooperative = [d for d, r in rows.items() if r["index"] < 0]
    assert len(hostile) >= 4 and max(hostile) < min(cooperative)
    assert sum(rows[d]["quad4"] for d in hostile) >= 3

    code, out = invoke("dyads", "--db", str(db), "--format", "jsonl")
    assert code == 0, out
    assert {"CHN", "PHL"} == {json.loads(out.splitlines()[0])[k] for k in ("source", "target")}

    code, out = invoke("alerts", "--db", str(db), "--sensitivity", "1.5", "--format", "jsonl")
    assert code == 0, out
    found = [json.loads(line) for line in out.splitlines()]
    turn = [a for a in found if a["kind"] == "change_point" and a["source"] == "CHN"][-1]
    assert turn["target"] == "PHL" and turn["change"] < 0 and turn["index_after"] < 0
    assert "2025-04-01" <= turn["date"] <= "2025-04-03" and turn["event_ids"]
    assert any(a["kind"] == "mixed_signals" for a in found)
