"""Project-written test texts shared by several test modules."""

from __future__ import annotations

import random

ARTICLES = [
    (
        "2025-03-03",
        "Coast guard vessels from Aldoria and Berenia faced off near the disputed reef on "
        'Sunday. Aldorian officials said two patrol boats were blocked. "We will not leave '
        'our waters," Foreign Minister Ilse Varga told reporters in the capital.',
    ),
    (
        "2025-03-05",
        "Berenia summoned the Aldorian ambassador on Tuesday to protest what it called an "
        "illegal incursion. The ministry said more than 40 fishing boats had gathered near "
        "the reef, although Aldoria put the number at 12.",
    ),
    (
        "2025-03-10",
        "Negotiators from both countries met in Geneva on Monday and agreed to set up a "
        "hotline between their navies. The United Nations welcomed the agreement and urged "
        "restraint from all parties.",
    ),
]


NOUNS = [
    "ministry",
    "officials",
    "troops",
    "border",
    "talks",
    "vessels",
    "harbour",
    "minister",
    "capital",
    "parliament",
    "sanctions",
    "aid",
    "convoy",
    "ceasefire",
    "observers",
    "envoy",
    "summit",
    "drills",
    "coast",
    "patrol",
    "island",
    "treaty",
    "delegation",
    "spokesman",
    "reporters",
    "villagers",
    "refugees",
    "river",
    "province",
    "governor",
    "negotiators",
    "statement",
    "embassy",
    "alliance",
    "navy",
    "frigate",
    "airport",
    "bridge",
]
VERBS = [
    "agreed",
    "warned",
    "said",
    "rejected",
    "welcomed",
    "met",
    "urged",
    "denied",
    "blocked",
    "announced",
]
LINKS = ["on", "in", "near", "with", "after", "before", "from"]


def synthetic_articles(n: int, seed: int = 7) -> list[str]:
    """Distinct random English-like articles: cheap to parse, never near-duplicates."""
    rng = random.Random(seed)

    def sentence() -> str:
        words = ["The", rng.choice(NOUNS), rng.choice(VERBS), "that the", rng.choice(NOUNS)]
        for _ in range(rng.randint(2, 4)):
            words += [rng.choice(LINKS), "the", rng.choice(NOUNS)]
        return " ".join(words) + "."

    return [" ".join(sentence() for _ in range(rng.randint(3, 6))) for _ in range(n)]
