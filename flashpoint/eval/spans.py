"""Source/target span scoring on Multi-CoPED actor annotations (``train_actors.conll``).

The gold file holds one token and one BIO label per line, sentences separated by blank
lines; labels mark the source (S), the target (T) and the reciprocal parties (R) of the
sentence's event. A reciprocal party is both a source and a target, so the gold spans of
a role are its own spans plus the R spans. The predicted spans are the actor mentions of
the sentence's main event in that role, widened to whole gold tokens. A predicted span
*matches* a gold span exactly (same tokens) or by overlap (at least one shared token);
precision counts matching predicted spans, recall matching gold spans. Which character
spans stand for an event's roles is the caller's choice (``plover.evaluate_actor_spans``).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flashpoint.errors import Errors, FlashpointError

#: Gold labels standing for each scored role.
ROLE_LABELS = {"source": ("S", "R"), "target": ("T", "R")}
MATCHES = ("exact", "overlap")

TokenSpan = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Sentence:
    """One gold sentence: its tokens and the gold token spans ([start, end)) by label."""

    tokens: tuple[str, ...]
    spans: dict[str, list[TokenSpan]]

    @property
    def text(self) -> str:
        """The sentence as running text (see ``offsets``)."""
        offsets = self.offsets()
        chars = [" "] * (offsets[-1][1] if offsets else 0)
        for token, (start, end) in zip(self.tokens, offsets, strict=True):
            chars[start:end] = token
        return "".join(chars)

    def offsets(self) -> list[tuple[int, int]]:
        """Character offsets of each token in ``text``: tokens are joined by a space, except
        before closing punctuation and clitics, after opening brackets, and around a
        hyphen between words ("Vice-President"), so the pipeline reads ordinary prose."""
        found: list[tuple[int, int]] = []
        start = 0
        for i, token in enumerate(self.tokens):
            if i and _spaced(self.tokens[i - 1], token, self.tokens[i + 1 : i + 2]):
                start += 1
            found.append((start, start + len(token)))
            start += len(token)
        return found


_NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", ")", "]", "%", "'s", "\u2019s", "n't"})
_NO_SPACE_AFTER = frozenset({"(", "[", "$"})


def _spaced(previous: str, token: str, following: tuple[str, ...]) -> bool:
    if token in _NO_SPACE_BEFORE or previous in _NO_SPACE_AFTER:
        return False
    if token == "-" and following and previous[-1:].isalnum() and following[0][:1].isalnum():
        return False
    return not (previous == "-" and token[:1].isalnum())


def bio_spans(labels: list[str]) -> dict[str, list[TokenSpan]]:
    """Decode BIO labels; an I- without its B- opens a span (lenient, as conlleval)."""
    spans: dict[str, list[TokenSpan]] = {}
    open_label, start = "", 0
    for i, label in enumerate([*labels, "O"]):
        prefix, _, kind = label.partition("-")
        if open_label and (prefix != "I" or kind != open_label):
            spans.setdefault(open_label, []).append((start, i))
            open_label = ""
        if prefix in ("B", "I") and not open_label:
            open_label, start = kind, i
    return spans


def _blocks(path: Path) -> Iterator[list[tuple[int, str]]]:
    block: list[tuple[int, str]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            block.append((number, line))
        elif block:
            yield block
            block = []
    if block:
        yield block


def read_conll(path: str | Path, sample: int | None = None, seed: int = 0) -> list[Sentence]:
    """Gold sentences; a fixed-seed sample of ``sample`` of them when given."""
    path = Path(path)
    sentences = []
    for block in _blocks(path):
        tokens, labels = [], []
        for number, line in block:
            token, _, label = line.rstrip().rpartition(" ")
            if not token or not (label == "O" or label[:2] in ("B-", "I-")):
                raise FlashpointError(
                    Errors.E043.format(path=path, line=number, reason="expected 'token LABEL'")
                )
            tokens.append(token)
            labels.append(label)
        sentences.append(Sentence(tuple(tokens), bio_spans(labels)))
    if sample and sample < len(sentences):
        sentences = random.Random(seed).sample(sentences, sample)
    return sentences


def char_to_tokens(start: int, end: int, offsets: list[tuple[int, int]]) -> TokenSpan | None:
    """The gold tokens a character span touches."""
    touched = [i for i, (s, e) in enumerate(offsets) if s < end and start < e]
    return (touched[0], touched[-1] + 1) if touched else None


def _matches(a: TokenSpan, b: TokenSpan, match: str) -> bool:
    return a == b if match == "exact" else a[0] < b[1] and b[0] < a[1]


def _prf(hits_pred: int, pred: int, hits_gold: int, gold: int) -> dict[str, float | int]:
    precision = hits_pred / pred if pred else 0.0
    recall = hits_gold / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "predicted": pred,
        "gold": gold,
    }


def score_spans(
    pairs: list[tuple[list[TokenSpan], list[TokenSpan]]],
) -> dict[str, dict[str, float | int]]:
    """P/R/F1 by match kind over (gold spans, predicted spans) per sentence."""
    table = {}
    for match in MATCHES:
        hp = sum(any(_matches(p, g, match) for g in gold) for gold, pred in pairs for p in pred)
        hg = sum(any(_matches(g, p, match) for p in pred) for gold, pred in pairs for g in gold)
        table[match] = _prf(hp, sum(len(p) for _, p in pairs), hg, sum(len(g) for g, _ in pairs))
    return table


def sentence_pairs(
    sentence: Sentence, predicted: dict[str, list[tuple[int, int]]]
) -> dict[str, tuple[list[TokenSpan], list[TokenSpan]]]:
    """(gold spans, predicted spans) of each role for one sentence, given the predicted
    character spans of each role."""
    offsets = sentence.offsets()
    pairs = {}
    for role, labels in ROLE_LABELS.items():
        gold = [span for label in labels for span in sentence.spans.get(label, [])]
        found = (char_to_tokens(s, e, offsets) for s, e in predicted.get(role, []))
        pairs[role] = (gold, sorted({span for span in found if span is not None}))
    return pairs


def format_spans(report: dict[str, Any]) -> str:
    """A table: role, match kind, P, R, F1, predicted and gold span counts."""
    lines = [
        f"actor spans: {report['dataset']} ({report['sentences']} sentences)",
        f"  {'role':<7} {'match':<8} {'prec':>6} {'rec':>6} {'f1':>6} {'pred':>5} {'gold':>5}",
    ]
    for role in ROLE_LABELS:
        for match in MATCHES:
            row = report[role][match]
            lines.append(
                f"  {role:<7} {match:<8} {row['precision']:6.3f} {row['recall']:6.3f} "
                f"{row['f1']:6.3f} {row['predicted']:5d} {row['gold']:5d}"
            )
    return "\n".join(lines)
