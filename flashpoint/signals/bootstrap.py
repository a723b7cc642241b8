"""The uncertainty band of the escalation index: a bootstrap over articles, vectorised.

Each draw gives every article a Poisson(1) weight (the Poisson bootstrap, a close
approximation of resampling the articles with replacement that needs no per-period loop).
A story counts in a draw when at least one of its articles is drawn; the day's coverage is
the drawn weight of the articles mentioning either country.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

DRAWS = 200
LEVEL = 0.90


def _sum_by_group(values: NDArray[np.float64], groups: NDArray[np.int64], n: int) -> NDArray:
    """Column sums of ``values`` (draws × items) per group id (0..n-1): draws × n."""
    out = np.zeros((values.shape[0], n))
    if groups.size == 0:
        return out
    order = np.argsort(groups, kind="stable")
    sorted_groups = groups[order]
    starts = np.flatnonzero(np.r_[True, np.diff(sorted_groups) != 0])
    out[:, sorted_groups[starts]] = np.add.reduceat(values[:, order], starts, axis=1)
    return out


def bootstrap_band(
    pair_story: NDArray[np.int64],
    pair_article: NDArray[np.int64],
    story_period: NDArray[np.int64],
    story_value: NDArray[np.float64],
    cover_article: NDArray[np.int64],
    cover_period: NDArray[np.int64],
    n_periods: int,
    alpha: float,
    draws: int = DRAWS,
    level: float = LEVEL,
    seed: int = 0,
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Lower and upper bounds (per period) of the index ``value sum / (coverage + alpha)``.

    ``pair_story``/``pair_article``: which article reports which story (ids 0..); each story
    has a period and a value (minus its Goldstein score); ``cover_*``: the articles making
    up each period's coverage."""
    n_articles = int(max(pair_article.max(initial=-1), cover_article.max(initial=-1))) + 1
    n_stories = story_value.size
    if n_periods == 0:
        return np.zeros(0), np.zeros(0)
    weights = np.random.default_rng(seed).poisson(1.0, size=(draws, max(n_articles, 1)))
    drawn = (weights[:, pair_article] > 0).astype(np.float64)
    story_drawn = np.minimum(_sum_by_group(drawn, pair_story, n_stories), 1.0)
    numerator = _sum_by_group(story_drawn * story_value, story_period, n_periods)
    coverage = _sum_by_group(weights[:, cover_article].astype(np.float64), cover_period, n_periods)
    index = numerator / (coverage + alpha)
    tail = (1.0 - level) / 2
    low, high = np.quantile(index, [tail, 1.0 - tail], axis=0)
    return low, high
