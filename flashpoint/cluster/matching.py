"""Deciding which stored event a new event reports again: pure functions, no database.

Two events are the same story when their actors agree, their types agree (same PLOVER type,
or the same quad class with a more similar sentence), their dates lie within a window, the
cities or regions among their actors (if both name some) overlap, and their sentences share
enough content words. Candidates come from blocks keyed by
(actor country, quad class, day), so an event is only compared with the few events that
share one of its countries and a nearby day, never with all events.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from spacy.lang.en.stop_words import STOP_WORDS

# Types whose two sides act together; "A met B" and "B met A" are one story.
RECIPROCAL_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE"})

_WORD = re.compile(r"[a-z][a-z'-]+")
# Function words, plus words every report carries whatever its story: weekdays, "said".
_STOPWORDS = STOP_WORDS | frozenset(
    [
        "said",
        "says",
        "told",
        "according",
        "official",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "yesterday",
        "today",
    ]
)


@dataclass(frozen=True)
class ClusterConfig:
    """``window_days``: how far apart two reports' event dates may be; the similarities are
    Jaccard thresholds over the sentences' content words (same type, or only same quad)."""

    window_days: int = 1
    min_similarity_same_type: float = 0.1
    min_similarity_same_quad: float = 0.3


@dataclass
class Item:
    """An event as the matcher sees it; ``cluster_id`` is None until it is assigned."""

    article_id: str
    event_id: str
    event_type: str
    quad_class: int
    day: date | None
    sentence: str
    sources: frozenset[str]
    targets: frozenset[str]
    places: frozenset[str] = frozenset()  # kb_ids of the cities/regions among the actors
    duplicate_of: str | None = None
    cluster_id: str | None = None
    words: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        self.words = content_words(self.sentence)

    @property
    def countries(self) -> frozenset[str]:
        return self.sources | self.targets

    @property
    def reciprocal(self) -> bool:
        return self.event_type in RECIPROCAL_TYPES


def content_words(sentence: str) -> frozenset[str]:
    """Lowercased words of three letters or more, minus function words and weekdays, with a
    plural or possessive "s" stripped so "Ukraine's" meets "Ukraine"."""
    words = set()
    for word in _WORD.findall(sentence.lower()):
        word = word.removesuffix("'s").strip("'-")
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        if len(word) >= 3 and word not in _STOPWORDS:
            words.add(word)
    return frozenset(words)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def make_cluster_id(event_id: str) -> str:
    """Stable: the hash of the cluster's first event, so re-runs name clusters the same."""
    return "c" + hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:19]


def _side_agrees(a: frozenset[str], b: frozenset[str]) -> bool:
    """An unknown side is a wildcard; known sides must share a country."""
    return not a or not b or bool(a & b)


def _target(item: Item) -> frozenset[str]:
    """A target equal to the source (a domestic event, or a coreference slip such as "it"
    resolved to the source) is treated as unknown."""
    return frozenset() if item.targets == item.sources else item.targets


def actors_agree(a: Item, b: Item) -> bool:
    """Same source and target, in either order when both types are reciprocal (for those,
    two events naming two or more countries must share two of them)."""
    if a.reciprocal and b.reciprocal:
        shared = len(a.countries & b.countries)
        return shared >= min(2, len(a.countries), len(b.countries)) and shared > 0
    if not a.sources or not b.sources:
        return False
    return _side_agrees(a.sources, b.sources) and _side_agrees(_target(a), _target(b))


def similarity(a: Item, b: Item, config: ClusterConfig) -> float | None:
    """How alike two events are, or None when they cannot be the same story."""
    if a.quad_class != b.quad_class or not actors_agree(a, b):
        return None
    if a.places and b.places and not a.places & b.places:
        return None  # shelling of Kharkiv and a drone strike on Dnipro the next day
    if a.day is None or b.day is None:
        if a.day != b.day:
            return None
    elif abs((a.day - b.day).days) > config.window_days:
        return None
    score = jaccard(a.words, b.words)
    floor = (
        config.min_similarity_same_type
        if a.event_type == b.event_type
        else config.min_similarity_same_quad
    )
    return score if score >= floor else None


_Key = tuple[str, int, date | None]


class Matcher:
    """Assigns clusters to new events against an index of already assigned ones."""

    def __init__(self, config: ClusterConfig) -> None:
        self.config = config
        self.blocks: dict[_Key, list[Item]] = defaultdict(list)
        self.by_article: dict[str, list[Item]] = defaultdict(list)

    def add(self, item: Item) -> None:
        """Index an assigned event under each of its countries and its day."""
        assert item.cluster_id is not None
        for country in item.countries:
            self.blocks[(country, item.quad_class, item.day)].append(item)
        self.by_article[item.article_id].append(item)

    def extend(self, items: Iterable[Item]) -> None:
        for item in items:
            self.add(item)

    def _days(self, day: date | None) -> Iterator[date | None]:
        if day is None:
            yield None
            return
        for offset in range(-self.config.window_days, self.config.window_days + 1):
            yield day + timedelta(days=offset)

    def candidates(self, item: Item) -> Iterator[Item]:
        seen: set[int] = set()
        for country in item.countries:
            for day in self._days(item.day):
                for other in self.blocks.get((country, item.quad_class, day), ()):
                    if id(other) not in seen:
                        seen.add(id(other))
                        yield other

    def _best(self, item: Item, pool: Iterable[Item]) -> str | None:
        """The cluster of the most similar compatible event (ties: the first indexed)."""
        best: tuple[float, str] | None = None
        for other in pool:
            score = similarity(item, other, self.config)
            if score is not None and (best is None or score > best[0]):
                assert other.cluster_id is not None
                best = (score, other.cluster_id)
        return best[1] if best else None

    def _same_article(self, item: Item, article_id: str) -> str | None:
        """An actorless event ("the shelling killed four") in an article that already
        reported an event of its type is a mention of that event."""
        for other in self.by_article.get(article_id, ()):
            if other.event_type == item.event_type:
                return other.cluster_id
        return None

    def match(self, item: Item) -> str | None:
        """The cluster this event joins, or None when it starts a new story.

        Events of a near-duplicate article join the original's matching event; when the
        original coded nothing comparable they are matched like any other event.
        """
        if item.duplicate_of:
            original = [o for o in self.by_article.get(item.duplicate_of, ()) if o.countries]
            found = self._best(item, original)
            if found:
                return found
            if not item.countries:
                found = self._same_article(item, item.duplicate_of)
                if found:
                    return found
        if not item.countries:
            return self._same_article(item, item.article_id)
        return self._best(item, self.candidates(item))

    def assign(self, items: Iterable[Item]) -> list[Item]:
        """Give each new event (in ingestion order) a cluster, new or existing; returns them."""
        done = []
        for item in items:
            item.cluster_id = self.match(item) or make_cluster_id(item.event_id)
            self.add(item)
            done.append(item)
        return done
