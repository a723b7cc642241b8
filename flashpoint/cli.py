"""The ``flashpoint`` command: a thin layer over the engine, the store and its queries."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import click

from flashpoint import __version__
from flashpoint.engine import RunConfig, RunSummary, run
from flashpoint.errors import Errors, FlashpointError
from flashpoint.ingest import ReaderOptions
from flashpoint.nlp.model import PipelineSpec
from flashpoint.store import DEFAULT_DB, Store, queries
from flashpoint.store.export import FORMATS, write_table

db_option = click.option(
    "--db",
    default=DEFAULT_DB,
    show_default=True,
    type=click.Path(dir_okay=False),
    help="DuckDB file.",
)
format_option = click.option(
    "--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True
)
output_option = click.option(
    "-o", "--output", type=click.Path(dir_okay=False), help="Write to FILE instead of stdout."
)


def iso_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    """Click callback: a YYYY-MM-DD option, with the bad value named on error."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


def date_range(what: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--since``/``--until`` options bounding ``what`` ("Published", "Event date")."""

    def wrap(fn: Callable[..., Any]) -> Callable[..., Any]:
        fn = click.option("--until", callback=iso_date, help=f"{what} on or before YYYY-MM-DD.")(fn)
        return click.option("--since", callback=iso_date, help=f"{what} on or after YYYY-MM-DD.")(
            fn
        )

    return wrap


def paging(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``--limit`` (capped) and ``--offset`` options."""
    fn = click.option("--offset", default=0, type=click.IntRange(0))(fn)
    return limit_option(fn)


limit_option = click.option(
    "--limit", default=50, show_default=True, type=click.IntRange(0, queries.MAX_LIMIT)
)


def _fields(values: tuple[str, ...], default: tuple[str, ...]) -> tuple[str, ...]:
    return values or default


def reader_options(params: dict[str, Any]) -> ReaderOptions:
    """ReaderOptions from the run command's field-name and limit options."""
    base = ReaderOptions()
    return replace(
        base,
        text_fields=_fields(params["text_field"], base.text_fields),
        title_fields=_fields(params["title_field"], base.title_fields),
        date_fields=_fields(params["date_field"], base.date_fields),
        url_fields=_fields(params["url_field"], base.url_fields),
        outlet_fields=_fields(params["outlet_field"], base.outlet_fields),
        max_chars=params["max_chars"],
    )


def print_summary(summary: RunSummary) -> None:
    """The closing report of a run, on stdout."""
    click.echo(
        f"read {summary.articles_read:,} articles in {summary.seconds:.1f}s: "
        f"{summary.articles_added:,} new ({summary.articles_per_second:.1f}/s), "
        f"{summary.exact_duplicates:,} exact duplicates skipped, "
        f"{summary.near_duplicates:,} near-duplicates marked, "
        f"{summary.errors:,} errors, {summary.warnings:,} warnings"
    )
    c = summary.clusters
    click.echo(
        f"clusters: {c.events_assigned:,} events assigned, {c.clusters_created:,} new clusters, "
        f"{c.clusters_updated:,} grown"
    )
    click.echo("store: " + ", ".join(f"{t} {n:,}" for t, n in summary.rows.items()))


def print_report(report: dict[str, Any], indent: str = "") -> None:
    """An evaluation report as aligned ``measure value`` lines (nested dicts indented)."""
    width = max((len(k) for k in report), default=0)
    for key, value in report.items():
        if isinstance(value, dict):
            click.echo(f"{indent}{key}:")
            print_report(value, indent + "  ")
        elif isinstance(value, float):
            click.echo(f"{indent}{key:<{width}}  {value:.3f}")
        else:
            click.echo(f"{indent}{key:<{width}}  {value}")


def handle_errors(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Turn FlashpointError into a one-line message and exit code 2."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except FlashpointError as exc:
            raise click.ClickException(str(exc)) from exc

    wrapper.__name__ = fn.__name__
    wrapper.__doc__ = fn.__doc__
    return wrapper


@click.group()
@click.version_option(__version__, prog_name="flashpoint")
def main() -> None:
    """flashpoint: political event data from your own news corpus."""


@main.command("run")
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option(
    "--workers", default=1, show_default=True, type=click.IntRange(1, 64), help="NLP processes."
)
@click.option(
    "--batch-size",
    default=64,
    show_default=True,
    type=click.IntRange(1, 10_000),
    help="Articles per committed batch.",
)
@click.option("--text-field", multiple=True, help="JSON/CSV field holding the text (repeatable).")
@click.option("--title-field", multiple=True, help="JSON/CSV field holding the title.")
@click.option("--date-field", multiple=True, help="JSON/CSV field holding the date.")
@click.option("--url-field", multiple=True, help="JSON/CSV field holding the URL.")
@click.option("--outlet-field", multiple=True, help="JSON/CSV field holding the outlet.")
@click.option(
    "--max-chars",
    default=ReaderOptions().max_chars,
    show_default=True,
    type=click.IntRange(1, 10_000_000),
    help="Longest article text accepted.",
)
@click.option(
    "--actors",
    "actor_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Extra actor dictionary (CSV/YAML/PETRARCH .actors; repeatable).",
)
@click.option(
    "--lexicon",
    "lexicon_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Extra event-trigger lexicon (YAML; repeatable).",
)
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on a TTY).")
@click.option(
    "--engine",
    type=click.Choice(("local", "dask")),
    default="local",
    show_default=True,
    help="local: this machine, into --db; dask: Dask tasks, into Parquet under --out.",
)
@click.option(
    "--scheduler",
    help="Dask scheduler, e.g. tcp://HOST:8786 (default: a local cluster of --workers processes).",
)
@click.option(
    "--partitions",
    default=0,
    type=click.IntRange(0),
    help="Dask tasks to split the input files into (0: one per ~16 MB, at least 8).",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False),
    help="Parquet output directory of --engine dask (then: flashpoint load DIR).",
)
@handle_errors
def run_command(
    paths: tuple[str, ...],
    db: str,
    workers: int,
    batch_size: int,
    actor_files: tuple[str, ...],
    lexicon_files: tuple[str, ...],
    progress: bool | None,
    engine: str,
    scheduler: str | None,
    partitions: int,
    out: str | None,
    **fields: Any,
) -> None:
    """Ingest PATHS (files, folders, globs, URLs of feeds, or - for stdin) into the store."""
    config = RunConfig(
        db=db,
        workers=workers,
        batch_size=batch_size,
        options=reader_options(fields),
        progress=progress,
        pipeline=PipelineSpec(actor_files=actor_files, lexicon_files=lexicon_files),
    )
    if engine == "dask":
        run_on_dask(list(paths), config, out, scheduler, partitions)
        return
    summary = run(list(paths), config)
    print_summary(summary)
    sys.exit(1 if summary.failed else 0)


def run_on_dask(
    paths: list[str], config: RunConfig, out: str | None, scheduler: str | None, partitions: int
) -> None:
    """``run --engine dask``: Parquet under ``out``; exit 1 when an input failed."""
    from flashpoint.engine.dask import DaskConfig, run_dask

    if not out:
        raise FlashpointError(Errors.E096)
    dask_config = DaskConfig.from_run(config, out=out, scheduler=scheduler, partitions=partitions)
    summary = run_dask(paths, dask_config)
    click.echo(
        f"{summary.partitions:,} partitions ({summary.skipped:,} done before): read "
        f"{summary.articles_read:,} articles in {summary.seconds:.1f}s, "
        f"{summary.articles_written:,} written, {summary.exact_duplicates:,} exact duplicates "
        f"skipped, {summary.errors:,} errors, {summary.warnings:,} warnings"
    )
    click.echo("parquet: " + ", ".join(f"{t} {n:,}" for t, n in sorted(summary.rows.items())))
    click.echo(f"next: flashpoint load {out} --db FILE")
    sys.exit(1 if summary.failed else 0)


@main.command("load")
@click.argument("directory", type=click.Path(exists=True, file_okay=False))
@db_option
@handle_errors
def load_command(directory: str, db: str) -> None:
    """Bulk-load the Parquet of `run --engine dask --out DIRECTORY` into the store, in one
    transaction, then cluster the new events. Loading again adds nothing."""
    from flashpoint.engine.parquet import load_dataset

    summary = load_dataset(directory, db)
    click.echo(
        f"loaded {summary.partitions:,} partitions: {summary.articles_added:,} new articles, "
        f"{summary.exact_duplicates:,} exact duplicates skipped, "
        f"{summary.near_duplicates:,} near-duplicates marked"
    )
    c = summary.clusters
    click.echo(
        f"clusters: {c.events_assigned:,} events assigned, {c.clusters_created:,} new clusters, "
        f"{c.clusters_updated:,} grown"
    )
    click.echo("store: " + ", ".join(f"{t} {n:,}" for t, n in summary.rows.items()))


@main.command()
@db_option
@date_range("Published")
@click.option("--outlet", help="Outlet name (case-insensitive).")
@click.option("--search", help="Text or title contains this.")
@click.option("--no-duplicates", is_flag=True, help="Leave out near-duplicates.")
@paging
@format_option
@output_option
@handle_errors
def articles(
    db: str,
    since: date | None,
    until: date | None,
    outlet: str | None,
    search: str | None,
    no_duplicates: bool,
    limit: int,
    offset: int,
    fmt: str,
    output: str | None,
) -> None:
    """List stored articles, newest first."""
    f = queries.ArticleFilter(since, until, outlet, search, not no_duplicates, limit, offset)
    with Store(db, read_only=True) as store:
        write_table(queries.articles(store, f), fmt, output)


@main.command()
@db_option
@format_option
@output_option
@handle_errors
def stats(db: str, fmt: str, output: str | None) -> None:
    """Counts of what the store holds."""
    with Store(db, read_only=True) as store:
        write_table(queries.stats(store), fmt, output)


@main.command()
@db_option
@limit_option
@format_option
@output_option
@handle_errors
def errors(db: str, limit: int, fmt: str, output: str | None) -> None:
    """Inputs that could not be read, and why."""
    with Store(db, read_only=True) as store:
        write_table(queries.ingest_errors(store, limit), fmt, output)


@main.command()
@db_option
@click.option("--country", help="ISO alpha-3 or organisation code, e.g. RUS, NATO.")
@click.option("--sector", help="PLOVER sector code, e.g. GOV, MIL.")
@click.option("--name", help="Canonical name or surface text contains this.")
@date_range("Articles published")
@limit_option
@format_option
@output_option
@handle_errors
def actors(
    db: str,
    country: str | None,
    sector: str | None,
    name: str | None,
    since: date | None,
    until: date | None,
    limit: int,
    fmt: str,
    output: str | None,
) -> None:
    """Resolved actors, most mentioned first."""
    from flashpoint.actors.queries import ActorFilter, actor_summary

    with Store(db, read_only=True) as store:
        f = ActorFilter(country, sector, name, since, until, limit)
        write_table(actor_summary(store, f), fmt, output)


@main.command()
@db_option
@click.option("--country", help="An actor (either role) of this code or located in it, e.g. RUS.")
@click.option("--located-in", help="Located in this country (ISO alpha-3), e.g. UKR.")
@click.option("--near", metavar="LAT,LON", help="Located within --km of this point.")
@click.option("--km", default=50.0, show_default=True, type=float, help="Radius for --near.")
@click.option("--dyad", help="SOURCE:TARGET country codes, e.g. RUS:UKR.")
@click.option("--type", "event_type", help="PLOVER event type, e.g. ASSAULT.")
@click.option("--quad-class", type=click.IntRange(1, 4), help="1-4 (GDELT convention).")
@date_range("Event date")
@click.option(
    "--modality",
    multiple=True,
    help="asserted, negated, future, hypothetical or reported (repeatable).",
)
@paging
@format_option
@output_option
@handle_errors
def events(
    db: str,
    country: str | None,
    located_in: str | None,
    near: str | None,
    km: float,
    dyad: str | None,
    event_type: str | None,
    quad_class: int | None,
    since: date | None,
    until: date | None,
    modality: tuple[str, ...],
    limit: int,
    offset: int,
    fmt: str,
    output: str | None,
) -> None:
    """Coded events, most recent first, each with its sentence and location."""
    from flashpoint.coding.queries import EventFilter
    from flashpoint.coding.queries import events as event_query

    f = EventFilter(
        country, dyad, event_type, quad_class, since, until, modality, limit, offset,
        near=near, km=km, located_in=located_in,
    )  # fmt: skip
    with Store(db, read_only=True) as store:
        write_table(event_query(store.con, f), fmt, output)


@main.command("quotes")
@db_option
@click.option("--speaker", help="Speaker name or text contains this.")
@click.option("--actor", help="Speaker's country or country+sector code, e.g. RUS or RUSGOV.")
@click.option("--kind", type=click.Choice(("direct", "indirect", "mixed")))
@date_range("Published")
@paging
@format_option
@output_option
@handle_errors
def quotes_command(
    db: str,
    speaker: str | None,
    actor: str | None,
    kind: str | None,
    since: date | None,
    until: date | None,
    limit: int,
    offset: int,
    fmt: str,
    output: str | None,
) -> None:
    """Quotes with their resolved speakers, newest first."""
    from flashpoint.quotes.queries import quotes

    with Store(db, read_only=True) as store:
        table = quotes(
            store.con,
            speaker=speaker,
            actor=actor,
            since=since,
            until=until,
            kind=kind,
            limit=limit,
            offset=offset,
        )
        write_table(table, fmt, output)


@main.command("claims")
@db_option
@click.option(
    "--subject",
    help="What is counted (troops, dead, refugees…): lines up the estimates side by side.",
)
@click.option("--actor", help="Country code the claim is about, e.g. RUS.")
@click.option("--source", help="Who asserts it: a code (UKR, USAGOV) or a name.")
@date_range("Published")
@paging
@format_option
@output_option
@handle_errors
def claims_command(
    db: str,
    subject: str | None,
    actor: str | None,
    source: str | None,
    since: date | None,
    until: date | None,
    limit: int,
    offset: int,
    fmt: str,
    output: str | None,
) -> None:
    """Numeric claims with who asserts them. With --subject, conflicting estimates of the
    same quantity are listed side by side as low/best/high with their sources."""
    from flashpoint.claims.compare import compare_claims
    from flashpoint.claims.queries import claims

    with Store(db, read_only=True) as store:
        if subject:
            table = compare_claims(
                store.con, subject, actor, source=source, since=since, until=until, limit=limit
            )
        else:
            table = claims(
                store.con,
                actor=actor,
                source=source,
                since=since,
                until=until,
                limit=limit,
                offset=offset,
            )
        write_table(table, fmt, output)


@main.command("cluster")
@db_option
@click.option(
    "--window",
    default=1,
    show_default=True,
    type=click.IntRange(0, 30),
    help="Days apart two reports of one event may be dated.",
)
@handle_errors
def cluster_command(db: str, window: int) -> None:
    """Group events not yet in a cluster (run does this itself; re-running changes nothing)."""
    from flashpoint.cluster import ClusterConfig, update_clusters

    with Store(db) as store:
        c = update_clusters(store, ClusterConfig(window_days=window))
    click.echo(
        f"{c.events_assigned:,} events assigned, {c.clusters_created:,} new clusters, "
        f"{c.clusters_updated:,} grown"
    )


@main.command("clusters")
@db_option
@click.option("--id", "cluster_id", help="Show the articles of this cluster.")
@click.option("--dyad", help="SOURCE:TARGET country codes, e.g. RUS:UKR.")
@click.option("--type", "event_type", help="PLOVER event type, e.g. ASSAULT.")
@date_range("Event date")
@click.option("--min-articles", default=1, show_default=True, type=click.IntRange(1))
@paging
@format_option
@output_option
@handle_errors
def clusters_command(
    db: str,
    cluster_id: str | None,
    dyad: str | None,
    event_type: str | None,
    since: date | None,
    until: date | None,
    min_articles: int,
    limit: int,
    offset: int,
    fmt: str,
    output: str | None,
) -> None:
    """Story clusters, most reported first; --id lists one cluster's articles."""
    from flashpoint.cluster import ClusterFilter, cluster_articles, clusters

    with Store(db, read_only=True) as store:
        if cluster_id:
            table = cluster_articles(store.con, cluster_id)
        else:
            f = ClusterFilter(dyad, event_type, since, until, min_articles, limit, offset)
            table = clusters(store.con, f)
        write_table(table, fmt, output)


def flat_lists(table: Any) -> Any:
    """List columns joined with spaces, for CSV (which has no lists)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    for i, field in enumerate(table.schema):
        if pa.types.is_list(field.type):
            table = table.set_column(i, field.name, pc.binary_join(table.column(i), " "))
    return table


sensitivity_option = click.option(
    "--sensitivity",
    default=1.0,
    show_default=True,
    type=float,
    help="Change-point sensitivity (0-10]: 2 finds shifts half as large.",
)


@main.command("dyads")
@db_option
@date_range("Event date")
@click.option(
    "--window", default=7, show_default=True, type=click.IntRange(1, 365), help="Recent days."
)
@limit_option
@format_option
@output_option
@handle_errors
def dyads_command(
    db: str,
    since: date | None,
    until: date | None,
    window: int,
    limit: int,
    fmt: str,
    output: str | None,
) -> None:
    """Directed dyads ranked by recent change of the escalation index (last --window days
    against the window before)."""
    from flashpoint.signals import dyads

    with Store(db, read_only=True) as store:
        write_table(dyads(store.con, since, until, limit, window=window), fmt, output)


@main.command("timeline")
@db_option
@click.option("--dyad", required=True, help="SOURCE:TARGET, e.g. RUS:UKR (RUS:* for an actor).")
@click.option("--freq", type=click.Choice(("day", "week")), default="day", show_default=True)
@date_range("Event date")
@click.option("--types", is_flag=True, help="Add a count column per PLOVER event type.")
@click.option("--plot", type=click.Path(dir_okay=False), help="Also draw a chart (.png/.svg).")
@sensitivity_option
@format_option
@output_option
@handle_errors
def timeline_command(
    db: str,
    dyad: str,
    freq: str,
    since: date | None,
    until: date | None,
    types: bool,
    plot: str | None,
    sensitivity: float,
    fmt: str,
    output: str | None,
) -> None:
    """Per-period series of one dyad: stories by quad class, Goldstein, coverage and the
    escalation index with its bootstrap band."""
    from flashpoint.signals import alerts, timeline
    from flashpoint.signals.plot import plot_timeline
    from flashpoint.signals.sql import plover_columns

    with Store(db, read_only=True) as store:
        table = timeline(store.con, dyad, freq, since, until)
        if plot:
            found = alerts(store.con, since, until, dyad, sensitivity)
            plot_timeline(table, found, plot, f"{dyad.upper()} ({freq})", freq)
            click.echo(f"chart written to {plot}", err=True)
    if not types:
        table = table.drop_columns(plover_columns())
    write_table(table, fmt, output)


@main.command("alerts")
@db_option
@date_range("Event date")
@click.option("--dyad", help="SOURCE:TARGET, e.g. RUS:UKR (default: every dyad).")
@sensitivity_option
@click.option(
    "--kind",
    "kinds",
    multiple=True,
    type=click.Choice(("change_point", "mixed_signals")),
    help="Only this kind (repeatable).",
)
@format_option
@output_option
@handle_errors
def alerts_command(
    db: str,
    since: date | None,
    until: date | None,
    dyad: str | None,
    sensitivity: float,
    kinds: tuple[str, ...],
    fmt: str,
    output: str | None,
) -> None:
    """Change points of the escalation index and mixed-signal days, each with the dyad,
    date, size of the change and the events behind it."""
    from flashpoint.signals import alerts

    with Store(db, read_only=True) as store:
        found = alerts(store.con, since, until, dyad, sensitivity, kinds or None)
    write_table(flat_lists(found) if fmt == "csv" else found, fmt, output)


@main.command("export")
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("gdelt", "plover", "csv", "jsonl", "parquet")),
    default="jsonl",
    show_default=True,
    help="gdelt: GDELT 2.0 event table (61 TSV columns); plover: PLOVER/POLECAT JSONL.",
)
@output_option
@click.option("--country", help="An actor (either role) of this code, e.g. RUS.")
@click.option("--dyad", help="SOURCE:TARGET country codes, e.g. RUS:UKR.")
@date_range("Event date")
@handle_errors
def export(
    db: str,
    fmt: str,
    output: str | None,
    country: str | None,
    dyad: str | None,
    since: date | None,
    until: date | None,
) -> None:
    """Write every coded event (no paging) in an interchange format."""
    from flashpoint.coding.queries import EventFilter
    from flashpoint.store.exports import export_events

    f = EventFilter(country=country, dyad=dyad, since=since, until=until)
    with Store(db, read_only=True) as store:
        written = export_events(store, fmt, output, f)
    click.echo(f"{written:,} events written", err=True)


@main.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--cache-mb",
    default=64,
    show_default=True,
    type=click.IntRange(0, 1_000_000),
    help="Memory for API responses kept until the next write (0: no cache).",
)
@handle_errors
def serve(db: str, host: str, port: int, cache_mb: int) -> None:
    """REST API and dashboard (docs at /docs); FLASHPOINT_TOKEN enables POST /api/articles."""
    import os

    import uvicorn

    from flashpoint.api import create_app

    token = os.environ.get("FLASHPOINT_TOKEN") or None
    mode = "read-write, POST /api/articles enabled" if token else "read-only"
    click.echo(f"serving {db} ({mode}) on http://{host}:{port}/ (API docs at /docs)", err=True)
    uvicorn.run(create_app(db, token, cache_mb), host=host, port=port)


@main.group("eval")
def eval_group() -> None:
    """Measure accuracy on gold data."""


@eval_group.command("actors")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--actors",
    "actor_files",
    multiple=True,
    type=click.Path(exists=True),
    help="Extra actor dictionary to use.",
)
@handle_errors
def eval_actors(gold: str, actor_files: tuple[str, ...]) -> None:
    """Country and sector of the gold actors of a PLOVER gold-standard JSONL file."""
    from flashpoint.actors import actor_pipeline
    from flashpoint.actors.evaluate import evaluate_plover_gsr

    print_report(evaluate_plover_gsr(gold, nlp=actor_pipeline(actor_files)))


save_option = click.option(
    "--save", type=click.Path(dir_okay=False), help="Also write the full report as JSON."
)


def finish_report(report: dict[str, Any], text: str, save: str | None) -> None:
    """Print a report and optionally keep the whole of it as JSON."""
    click.echo(text)
    if save:
        Path(save).write_text(json.dumps(report, indent=2, default=str), encoding="utf-8")


@eval_group.command("polnear")
@click.argument("directory", type=click.Path(exists=True, file_okay=False))
@save_option
@handle_errors
def eval_polnear(directory: str, save: str | None) -> None:
    """Quote attribution (speaker, cue, content) on a PolNeAR split (text/ + attributions/)."""
    from flashpoint.eval.polnear import evaluate_polnear, format_report

    report = evaluate_polnear(Path(directory))
    finish_report(report, format_report(report), save)


@eval_group.command("clusters")
@click.argument("corpus", type=click.Path(exists=True))
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--window", default=1, show_default=True, type=click.IntRange(0, 30))
@handle_errors
def eval_clusters(corpus: str, gold: str, window: int) -> None:
    """Pairwise and B-cubed P/R/F1 of story clusters against a gold article grouping."""
    from flashpoint.cluster.evaluate import main as evaluate_clusters

    evaluate_clusters([corpus, gold, "--window", str(window)])


@eval_group.command("plover-gsr")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@save_option
@handle_errors
def eval_plover_gsr(gold: str, save: str | None) -> None:
    """Event type, source/target country and triple on a PLOVER GSR JSONL file."""
    from flashpoint.eval.plover import evaluate_plover_gsr, format_report

    report = evaluate_plover_gsr(gold)
    finish_report(report, format_report(report), save)


@eval_group.command("geo")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@save_option
@handle_errors
def eval_geo(gold: str, save: str | None) -> None:
    """Country and name accuracy of event locations (PLOVER GSR ``eventLoc`` or the geo
    fixture's ``location``)."""
    from flashpoint.geo.evaluate import evaluate_geo, format_report

    report = evaluate_geo(gold)
    finish_report(report, format_report(report), save)


@eval_group.command("multicoped")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--sample",
    default=1000,
    show_default=True,
    type=click.IntRange(0),
    help="Sentences to score (0 = all).",
)
@click.option("--seed", default=0, show_default=True)
@click.option(
    "--actors",
    type=click.Path(exists=True, dir_okay=False),
    help="Also score source/target spans on Multi-CoPED ``train_actors.conll``.",
)
@save_option
@handle_errors
def eval_multicoped(
    gold: str, sample: int, seed: int, actors: str | None, save: str | None
) -> None:
    """Penta- and quad-class accuracy and macro-F1 on Multi-CoPED ``train_class.tsv``;
    with --actors, source/target span P/R/F1."""
    from flashpoint.eval.plover import evaluate_multicoped, format_report

    report = evaluate_multicoped(gold, sample or None, seed, actors=actors)
    finish_report(report, format_report(report), save)


if __name__ == "__main__":
    main()
