from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
from click.testing import CliRunner

from flashpoint.cli import main


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_run_then_query(tmp_path: Path, small_corpus: Path) -> None:
    db = str(tmp_path / "fp.duckdb")
    code, out, _ = invoke("run", str(small_corpus), "--db", db, "--no-progress")
    assert code == 0, out
    assert "3 new" in out and "0 errors" in out

    code, out, _ = invoke("articles", "--db", db, "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["published"] for r in rows] == ["2025-03-10", "2025-03-05", "2025-03-03"]

    code, out, _ = invoke(
        "articles", "--db", db, "--since", "2025-03-04", "--search", "reef", "--format", "csv"
    )
    assert code == 0 and len(out.splitlines()) == 2

    code, out, _ = invoke("stats", "--db", db)
    assert code == 0
    assert "articles" in out and "published_to" in out and "2025-03-10" in out


def test_parquet_export(tmp_path: Path, small_corpus: Path) -> None:
    db = str(tmp_path / "fp.duckdb")
    invoke("run", str(small_corpus), "--db", db, "--no-progress")
    out_file = tmp_path / "a.parquet"
    code, _, _ = invoke("articles", "--db", db, "--format", "parquet", "-o", str(out_file))
    assert code == 0
    assert pq.read_table(out_file).num_rows == 3


def test_failed_input_sets_exit_code_and_is_listed(tmp_path: Path, small_corpus: Path) -> None:
    db = str(tmp_path / "fp.duckdb")
    (small_corpus / "bad.jsonl").write_text("{oops\n", encoding="utf-8")
    code, out, err = invoke("run", str(small_corpus), "--db", db, "--no-progress")
    assert code == 1
    assert "bad.jsonl" in err
    code, out, _ = invoke("errors", "--db", db, "--format", "jsonl")
    [row] = [json.loads(line) for line in out.splitlines()]
    assert row["source_path"].endswith("bad.jsonl") and row["severity"] == "error"


def test_bad_date_option_is_explained(tmp_path: Path) -> None:
    code, _, err = invoke("articles", "--db", str(tmp_path / "x.duckdb"), "--since", "March")
    assert code == 2
    assert "'March' is not a date in YYYY-MM-DD form" in err


def test_missing_store_is_explained(tmp_path: Path) -> None:
    code, _, err = invoke("stats", "--db", str(tmp_path / "none.duckdb"))
    assert code == 1
    assert "E003" in err and "none.duckdb" in err


def test_run_with_user_actor_file_then_list_actors(tmp_path: Path, small_corpus: Path) -> None:
    actors_csv = tmp_path / "mine.csv"
    actors_csv.write_text(
        "kb_id,name,aliases,country,sector,kind,label,nouns,gender,start,end\n"
        "ilse_varga,Ilse Varga,,ALD,GOV,person,PERSON,,female,,\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "fp.duckdb")
    code, out, _ = invoke(
        "run", str(small_corpus), "--db", db, "--no-progress", "--actors", str(actors_csv)
    )
    assert code == 0, out
    code, out, _ = invoke("actors", "--db", db, "--country", "ald", "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["name"], r["sector"], r["mentions"]) for r in rows] == [("Ilse Varga", "GOV", 1)]


def test_malformed_actor_file_is_refused_by_name(tmp_path: Path, small_corpus: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("who,what\nx,y\n", encoding="utf-8")
    code, _, err = invoke(
        "run", str(small_corpus), "--db", str(tmp_path / "x.duckdb"), "--actors", str(bad)
    )
    assert code != 0
    assert "E103" in err and "bad.csv" in err


def test_eval_actors_on_plover_gold(shared_dir: Path) -> None:
    code, out, _ = invoke("eval", "actors", str(shared_dir / "gold/plover_gsr/dev.jsonl"))
    assert code == 0
    scores = dict(line.split() for line in out.splitlines() if len(line.split()) == 2)
    assert float(scores["country_accuracy"]) >= 0.9


def test_events_are_coded_and_filtered(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        " date 2025-03-05 Russian troops shelled Ukrainian positions near Kharkiv on Monday. "
        "The Kremlin did not attack the port.",
        encoding="utf-8",
    )
    db = str(tmp_path / "fp.duckdb")
    assert invoke("run", str(corpus), "--db", db, "--no-progress")[0] == 0
    code, out, _ = invoke("events", "--db", db, "--dyad", "RUS:UKR", "--format", "jsonl")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["event_type"], r["event_date"], r["modality"]) for r in rows] == [
        ("ASSAULT", "2025-03-03", "asserted")
    ]
    code, out, _ = invoke("events", "--db", db, "--modality", "negated", "--format", "jsonl")
    assert [json.loads(line)["event_type"] for line in out.splitlines()] == ["ASSAULT"]
    code, _, err = invoke("events", "--db", db, "--dyad", "RUS-UKR")
    assert code == 1 and "E006" in err


def test_export_gdelt_and_plover(tmp_path: Path, small_corpus: Path) -> None:
    db = str(tmp_path / "fp.duckdb")
    invoke("run", str(small_corpus), "--db", db, "--no-progress")
    out_file = tmp_path / "events.tsv"
    code, _, err = invoke("export", "--db", db, "--format", "gdelt", "-o", str(out_file))
    assert code == 0
    rows = [line.split("\t") for line in out_file.read_text(encoding="utf-8").splitlines()]
    assert rows and all(len(r) == 61 for r in rows)
    assert f"{len(rows)} events written" in err
    code, out, _ = invoke("export", "--db", db, "--format", "plover")
    records = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    assert len(records) == len(rows)
    assert all(r["provenance"]["article_id"] for r in records)


def test_quotes_and_claims_side_by_side(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        ' date 2025-03-05 "We will not back down," Foreign Minister Ilse Varga told reporters. '
        "More than 40 vessels gathered near the reef, according to the Philippine Coast Guard, "
        "although Chinese officials put the number at 12.",
        encoding="utf-8",
    )
    db = str(tmp_path / "fp.duckdb")
    assert invoke("run", str(corpus), "--db", db, "--no-progress")[0] == 0
    code, out, _ = invoke("quotes", "--db", db, "--kind", "direct", "--format", "jsonl")
    [quote] = [json.loads(line) for line in out.splitlines()]
    assert quote["content"].strip('"\u201c\u201d,') == "We will not back down"
    assert quote["speaker_name"] == "Ilse Varga"
    code, out, _ = invoke("claims", "--db", db, "--subject", "vessels", "--format", "jsonl")
    rows = sorted((json.loads(line) for line in out.splitlines()), key=lambda r: r["best"])
    assert [(r["best"], r["source_country"]) for r in rows] == [(12, "CHN"), (40, "PHL")]
    code, out, _ = invoke("claims", "--db", db, "--format", "jsonl")
    assert code == 0 and len(out.splitlines()) == 2


def test_run_clusters_events_and_lists_them(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    reports = [
        "Russian troops shelled Ukrainian positions near Kharkiv on Monday, officials said.",
        "Ukrainian officials said Russian artillery shelled positions outside Kharkiv on Monday.",
    ]
    for i, text in enumerate(reports):
        record = {"text": text, "published": "2025-03-05", "source": f"Outlet {i}"}
        (corpus / f"{i}.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    db = str(tmp_path / "fp.duckdb")
    code, out, _ = invoke("run", str(corpus), "--db", db, "--no-progress")
    assert code == 0 and "clusters:" in out
    code, out, _ = invoke("clusters", "--db", db, "--dyad", "RUS:UKR", "--format", "jsonl")
    [cluster] = [json.loads(line) for line in out.splitlines()]
    assert (cluster["num_articles"], cluster["num_sources"]) == (2, 2)
    code, out, _ = invoke(
        "clusters", "--db", db, "--id", cluster["cluster_id"], "--format", "jsonl"
    )
    assert sorted(json.loads(line)["outlet"] for line in out.splitlines()) == [
        "Outlet 0",
        "Outlet 1",
    ]
    code, out, _ = invoke("cluster", "--db", db)
    assert code == 0 and out.startswith("0 events assigned")
