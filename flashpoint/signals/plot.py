"""The timeline chart: stories stacked by quad class, the escalation index with its band,
and the alerts as markers (matplotlib, Agg backend, PNG/SVG/PDF by file suffix)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pyarrow as pa

from flashpoint.errors import Errors, FlashpointError

SUFFIXES = (".png", ".svg", ".pdf")
QUADS = (
    ("quad1", "verbal cooperation", "#4c9a2a"),
    ("quad2", "material cooperation", "#a4d17a"),
    ("quad3", "verbal conflict", "#f2a65a"),
    ("quad4", "material conflict", "#c0392b"),
)
MARKERS = {"change_point": ("v", "#6a1b9a"), "mixed_signals": ("D", "#1565c0")}


def _period(day: date, freq: str) -> date:
    return day - timedelta(days=day.weekday()) if freq == "week" else day


def plot_timeline(
    table: pa.Table, alerts: pa.Table, path: str | Path, title: str, freq: str = "day"
) -> Path:
    """Draw ``table`` (a :func:`timeline`) and ``alerts`` to ``path``; returns the path."""
    out = Path(path)
    if out.suffix.lower() not in SUFFIXES:
        reason = f"use a file ending in {', '.join(SUFFIXES)}"
        raise FlashpointError(Errors.E074.format(path=out, reason=reason))
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    periods = table.column("period").to_pylist()
    fig, (bars, line) = plt.subplots(2, 1, sharex=True, figsize=(11, 6.5))
    width = 5.5 if freq == "week" else 0.8
    bottom = [0.0] * len(periods)
    for column, label, colour in QUADS:
        counts = table.column(column).to_pylist()
        bars.bar(periods, counts, width, bottom=bottom, label=label, color=colour)
        bottom = [b + c for b, c in zip(bottom, counts, strict=True)]
    bars.set_ylabel("stories")
    bars.legend(loc="best", fontsize="small", ncols=2)
    bars.set_title(title)
    index = table.column("index").to_pylist()
    line.fill_between(
        periods,
        table.column("index_low").to_pylist(),
        table.column("index_high").to_pylist(),
        color="#90a4ae",
        alpha=0.4,
        label="bootstrap band",
    )
    line.plot(periods, index, color="#263238", label="escalation index")
    line.axhline(0, color="#9e9e9e", linewidth=0.8)
    by_period = dict(zip(periods, index, strict=True))
    for kind, (marker, colour) in MARKERS.items():
        days = [_period(r["date"], freq) for r in alerts.to_pylist() if r["kind"] == kind]
        if days:
            ys = [by_period.get(d, 0.0) for d in days]
            line.scatter(days, ys, marker=marker, s=60, color=colour, zorder=3, label=kind)
    line.set_ylabel("index")
    line.legend(loc="best", fontsize="small")
    fig.autofmt_xdate()
    fig.tight_layout()
    try:
        fig.savefig(out)
    except OSError as exc:
        raise FlashpointError(Errors.E074.format(path=out, reason=exc)) from exc
    finally:
        plt.close(fig)
    return out
