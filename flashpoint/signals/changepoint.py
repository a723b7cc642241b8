"""Change points in a daily index: binary segmentation with the CUSUM statistic.

For a segment x[0:n] and a split k, the statistic is the standardised difference of the
segment means before and after k,

    z(k) = |mean(x[k:]) - mean(x[:k])| * sqrt(k (n - k) / n) / sigma,

which is the CUSUM |S_k - k/n S_n| scaled by sqrt(n / (k (n - k))) / sigma. The best split
is kept when z exceeds the threshold; both halves are then searched again. ``sigma`` is the
noise scale of the segment searched, from first differences, sqrt(mean(diff(x)^2) / 2),
which a level shift hardly inflates (so a calm stretch is judged by its own noise).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

#: z threshold at sensitivity 1; sensitivity s divides it.
BASE_THRESHOLD = 4.0
MIN_SEGMENT = 2


@dataclass(frozen=True)
class ChangePoint:
    """A level shift: ``at`` is the first index of the new level."""

    at: int
    before: float
    after: float
    score: float

    @property
    def change(self) -> float:
        return self.after - self.before


def noise_scale(x: NDArray[np.float64]) -> float:
    """Standard deviation of the noise around a piecewise-constant level."""
    if x.size < 2:
        return 0.0
    return float(np.sqrt(np.mean(np.diff(x) ** 2) / 2.0))


def best_split(x: NDArray[np.float64], sigma: float, min_size: int) -> tuple[int, float]:
    """The split of ``x`` with the largest z, and that z (0 when no split is allowed)."""
    n = x.size
    if n < 2 * min_size or sigma <= 0:
        return 0, 0.0
    k = np.arange(min_size, n - min_size + 1)
    cumulative = np.cumsum(x)
    left = cumulative[k - 1] / k
    right = (cumulative[-1] - cumulative[k - 1]) / (n - k)
    z = np.abs(right - left) * np.sqrt(k * (n - k) / n) / sigma
    best = int(np.argmax(z))
    return int(k[best]), float(z[best])


def change_points(
    x: NDArray[np.float64], threshold: float = BASE_THRESHOLD, min_size: int = MIN_SEGMENT
) -> list[ChangePoint]:
    """Level shifts of ``x`` whose z exceeds ``threshold``, in time order, each with the mean
    level of the segments around it."""
    cuts: list[tuple[int, float]] = []
    todo = [(0, x.size)]
    while todo:
        start, end = todo.pop()
        segment = x[start:end]
        k, z = best_split(segment, noise_scale(segment), min_size)
        if z > threshold:
            cuts.append((start + k, z))
            todo += [(start, start + k), (start + k, end)]
    cuts.sort()
    bounds = [0, *(c for c, _ in cuts), x.size]
    return [
        ChangePoint(
            at,
            float(x[bounds[i] : at].mean()),
            float(x[at : bounds[i + 2]].mean()),
            z,
        )
        for i, (at, z) in enumerate(cuts)
    ]
