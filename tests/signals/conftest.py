"""Synthetic event streams written straight into a store: stories (clusters) reported by one
or more articles, plus articles that only mention the countries (coverage)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from flashpoint.store import Store

START = date(2024, 1, 1)
# (PLOVER type, quad class, Goldstein) of made-up cooperative and hostile moves.
COOPERATIVE = (("AGREE", 1, 4.0), ("CONSULT", 1, 1.0), ("COOPERATE", 2, 6.0), ("AID", 2, 7.0))
HOSTILE = (("ACCUSE", 3, -2.0), ("THREATEN", 3, -4.4), ("COERCE", 4, -5.0), ("ASSAULT", 4, -9.0))


class StreamBuilder:
    """Collects rows of the events, event_actors, clusters, articles and actor_mentions
    tables; ``store()`` writes them in one batch."""

    cooperative = COOPERATIVE
    hostile = HOSTILE

    @staticmethod
    def day(offset: int) -> date:
        return START + timedelta(days=offset)

    def __init__(self, path: Path) -> None:
        self.path = path
        self.rows: dict[str, list[dict[str, Any]]] = {
            t: [] for t in ("articles", "actor_mentions", "events", "event_actors", "clusters")
        }
        self.serial = 0

    def _article(self, day: date, countries: tuple[str, ...]) -> str:
        self.serial += 1
        article_id = f"a{self.serial:06d}"
        self.rows["articles"].append(
            {
                "article_id": article_id,
                "text": f"Story {self.serial}.",
                "published": day,
                "outlet": f"Outlet {self.serial % 5}",
                "ingested_at": datetime(2024, 6, 1),
            }
        )
        for i, country in enumerate(countries):
            self.rows["actor_mentions"].append(
                {
                    "article_id": article_id,
                    "sentence_index": 0,
                    "char_start": i * 10,
                    "char_end": i * 10 + 5,
                    "text": country,
                    "country": country,
                    "mention_kind": "name",
                    "confidence": 1.0,
                    "resolved_by": "test",
                }
            )
        return article_id

    def coverage(self, day: date, countries: tuple[str, ...], articles: int) -> None:
        """Articles mentioning the countries but coding no event between them."""
        for _ in range(articles):
            self._article(day, countries)

    def story(
        self,
        day: date,
        source: str,
        target: str,
        move: tuple[str, int, float],
        articles: int = 1,
        modality: str = "asserted",
    ) -> list[str]:
        """One real event reported by ``articles`` articles (one cluster); its event ids."""
        event_type, quad, goldstein = move
        cluster_id = f"c{self.serial + 1:06d}"
        ids = []
        for _ in range(articles):
            article_id = self._article(day, (source, target))
            event_id = f"e{self.serial:06d}"
            ids.append(event_id)
            sentence = f"{source} moved ({event_type.lower()}) against {target}."
            self.rows["events"].append(
                {
                    "article_id": article_id,
                    "event_id": event_id,
                    "sentence_index": 0,
                    "char_start": 4,
                    "char_end": 9,
                    "sentence": sentence,
                    "event_type": event_type,
                    "cameo_code": "010",
                    "cameo_root": "01",
                    "quad_class": quad,
                    "goldstein": goldstein,
                    "event_date": day,
                    "date_precision": "day",
                    "modality": modality,
                    "confidence": 0.9,
                    "pattern": "test",
                    "coder_version": "test",
                    "cluster_id": cluster_id,
                }
            )
            for role, country, start in (("source", source, 0), ("target", target, 10)):
                self.rows["event_actors"].append(
                    {
                        "article_id": article_id,
                        "event_id": event_id,
                        "role": role,
                        "text": country,
                        "country": country,
                        "char_start": start,
                        "char_end": start + 3,
                    }
                )
        self.rows["clusters"].append(
            {
                "cluster_id": cluster_id,
                "representative_article_id": f"a{self.serial:06d}",
                "representative_event_id": ids[-1],
                "event_type": event_type,
                "quad_class": quad,
                "source_country": source,
                "target_country": target,
                "event_date": day,
                "num_mentions": articles,
                "num_articles": articles,
                "num_sources": articles,
            }
        )
        return ids

    def random_days(
        self,
        days: range,
        hostile_share: float,
        stories_per_day: float,
        seed: int,
        dyad: tuple[str, str] = ("RUS", "UKR"),
        filler: int = 2,
    ) -> None:
        """Poisson-many stories a day with the given hostile share, plus ``filler``
        coverage-only articles a day."""
        rng = np.random.default_rng(seed)
        for offset in days:
            day = self.day(offset)
            for _ in range(rng.poisson(stories_per_day)):
                pool = HOSTILE if rng.random() < hostile_share else COOPERATIVE
                self.story(day, *dyad, pool[rng.integers(len(pool))])
            self.coverage(day, dyad, filler)

    def store(self) -> Store:
        store = Store(self.path)
        store.write_batch(self.rows)
        return store


@pytest.fixture
def builder(tmp_path: Path) -> Iterator[StreamBuilder]:
    yield StreamBuilder(tmp_path / "signals.duckdb")
