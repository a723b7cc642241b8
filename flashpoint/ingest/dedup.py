"""Near-duplicate detection (syndicated copies, aggregator rewrites) with MinHash LSH."""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from flashpoint.records import normalise_text

NUM_PERM = 64
#: Pinned so stored signatures stay comparable across datasketch releases.
SCHEME = "affine32"
DTYPE = np.uint32
SHINGLE = 3
_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    """Word n-grams of the normalised text: robust to punctuation and re-wrapping."""
    words = _WORD.findall(normalise_text(text))
    if len(words) < size:
        return {" ".join(words).encode()}
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


def signature(text: str) -> np.ndarray:
    """The MinHash hash values of a text (stored, so a restarted run needs no re-hashing)."""
    mh = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    mh.update_batch(list(shingles(text)))
    return np.asarray(mh.hashvalues, dtype=DTYPE)


class NearDuplicateIndex:
    """Finds, for a new article, the earliest stored article whose text is nearly the same.

    Candidates come from LSH banding; the estimated Jaccard similarity of word 3-shingles
    must reach ``threshold``. Duplicates point at the root of their group, never at
    another duplicate, so a group is one hop wide.
    """

    def __init__(self, threshold: float = 0.7) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._order: dict[str, int] = {}
        self._sigs: dict[str, LeanMinHash] = {}
        self._root: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._order)

    def add(self, article_id: str, hashvalues: np.ndarray, duplicate_of: str | None) -> None:
        """Index an article (already stored or about to be) under its id."""
        if article_id in self._order:
            return
        lean = LeanMinHash(seed=1, hashvalues=hashvalues, scheme=SCHEME)
        self._lsh.insert(article_id, lean)
        self._order[article_id] = len(self._order)
        self._sigs[article_id] = lean
        self._root[article_id] = duplicate_of or article_id

    def find(self, hashvalues: np.ndarray) -> str | None:
        """The root id of the earliest indexed near-duplicate, or None."""
        probe = LeanMinHash(seed=1, hashvalues=hashvalues, scheme=SCHEME)
        hits = [
            key
            for key in self._lsh.query(probe)
            if self._sigs[key].jaccard(probe) >= self.threshold
        ]
        if not hits:
            return None
        return self._root[min(hits, key=self._order.__getitem__)]

    def extend(self, rows: Iterable[tuple[str, bytes, str | None]]) -> None:
        """Load stored (article_id, signature bytes, duplicate_of) rows in insertion order."""
        for article_id, blob, duplicate_of in rows:
            self.add(article_id, np.frombuffer(blob, dtype=DTYPE), duplicate_of)
