"""Measure the event coder on gold data (``flashpoint eval plover`` / ``eval multicoped``).

``evaluate_plover_gsr`` scores the PLOVER gold-standard records (one coded event per
sentence, PLOVER 0.5b1 mapped to v2): event type, quad class, source and target country
and sector, and the full (source, type, target) triple. ``evaluate_multicoped`` scores the
CAMEO penta-class and quad class of Multi-CoPED sentences and, given the actor file, the
source/target spans (``spans.py``). Each sentence's *main* event is compared: the
highest-ranked one by modality (asserted/reported first), depth in the parse (the main
clause first) and position (the first).
"""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

import flashpoint.coding  # noqa: F401  (registers flashpoint_events)
from flashpoint.actors import add_actor_components
from flashpoint.actors.evaluate import same_country
from flashpoint.actors.loader import load_knowledge_base
from flashpoint.coding.lexicon import load_lexicon
from flashpoint.coding.ontology import plover_types
from flashpoint.coding.records import Actor, Event
from flashpoint.eval.spans import (
    ROLE_LABELS,
    TokenSpan,
    format_spans,
    read_conll,
    score_spans,
    sentence_pairs,
)
from flashpoint.nlp.model import load_model

#: PLOVER 0.5b1 types of the gold standard that PLOVER v2 renamed or merged.
V2_TYPES = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}
#: PLOVER's quad classes, numbered as GDELT's.
QUADS = ("verbal cooperation", "material cooperation", "verbal conflict", "material conflict")
#: Multi-CoPED penta-classes by CAMEO root: statements and appeals, verbal cooperation,
#: material cooperation, verbal conflict, material conflict.
PENTA_BY_ROOT = {
    **dict.fromkeys(("01", "02"), 0),
    **dict.fromkeys(("03", "04", "05"), 1),
    **dict.fromkeys(("06", "07", "08"), 2),
    **dict.fromkeys(("09", "10", "11", "12", "13"), 3),
    **{f"{root:02d}": 4 for root in range(14, 21)},
}
#: Quad class of each penta-class: statements/appeals and verbal cooperation merge.
QUAD_BY_PENTA = {0: 1, 1: 1, 2: 2, 3: 3, 4: 4}
NO_EVENT = "NONE"
_MODALITY_RANK = {"asserted": 0, "reported": 0, "future": 1, "hypothetical": 2, "negated": 3}
BATCH_SIZE = 64


@lru_cache(maxsize=2)
def event_pipeline(with_actors: bool = True) -> Language:
    """The base model with the actor components (when wanted) and the event coder."""
    nlp = load_model()
    if with_actors:
        add_actor_components(nlp)
    nlp.add_pipe("flashpoint_events")
    return nlp


def _depth(doc: Doc, event: Event) -> int:
    span = doc.char_span(event.char_start, event.char_end, alignment_mode="expand")
    return len(list(span.root.ancestors)) if span is not None else 99


def main_event(doc: Doc) -> Event | None:
    """The event a sentence-level coder would report for the whole sentence."""
    events = list(doc._.events or [])
    if not events:
        return None
    return min(events, key=lambda e: (_MODALITY_RANK[e.modality], _depth(doc, e), e.char_start))


def _docs(nlp: Language, texts: Iterable[str]) -> Iterator[Doc]:
    return nlp.pipe(texts, batch_size=BATCH_SIZE)


# --- PLOVER GSR -------------------------------------------------------------------------


def _gold_actors(record: dict[str, Any], role: str) -> list[dict[str, Any]]:
    value = record.get(role) or []
    return [a for a in value if isinstance(a, dict) and a.get("code")]


def _country_hit(gold: list[dict[str, Any]], ours: list[Any], kb: Any) -> bool:
    """Some actor of ours has the country of some gold actor (legacy codes mapped)."""
    return any(same_country(g["code"], a.country, kb) for g in gold for a in ours)


def _sector_hit(
    gold: list[dict[str, Any]], ours: list[Any], sectors: frozenset[str]
) -> bool | None:
    """None when no gold actor has a PLOVER sector; else whether one of ours has it."""
    wanted = {str(g.get("sector") or "")[:3].upper() for g in gold} & sectors
    if not wanted:
        return None
    return any(a.sector in wanted for a in ours)


def plover_quad(event_type: str) -> int:
    """The quad class PLOVER gives a (v2) event type, numbered 1-4 as GDELT's. The GSR
    gold has types but no CAMEO codes, so both sides of the quad row are read this way."""
    return QUADS.index(plover_types()[event_type]["quad"]) + 1


def evaluate_plover_gsr(path: str | Path, nlp: Language | None = None) -> dict[str, Any]:
    """Scores on a PLOVER GSR JSONL file. Source/target country accuracy counts sentences
    whose gold role has a country code; a sentence is right when one of our actors in that
    role has one of the gold countries (IGO/NGO gold matches any non-state code). The
    triple is right when type, source and target (where gold has them) are all right."""
    nlp = nlp or event_pipeline()
    kb = load_knowledge_base()
    sectors = frozenset(kb.lexicon.sectors)
    records = [
        json.loads(line)
        for line in Path(path).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    records = [r for r in records if r.get("text") and r.get("event")]
    counts: Counter[str] = Counter()
    pairs: list[tuple[str, str]] = []
    quads: list[tuple[str, str]] = []
    for record, doc in zip(records, _docs(nlp, (r["text"] for r in records)), strict=True):
        gold_type = V2_TYPES.get(record["event"], record["event"])
        event = main_event(doc)
        predicted = event.event_type if event else NO_EVENT
        pairs.append((gold_type, predicted))
        quads.append(
            (str(plover_quad(gold_type)), str(plover_quad(predicted)) if event else NO_EVENT)
        )
        type_ok = predicted == gold_type
        roles_ok = True
        for role in ("source", "target"):
            gold = _gold_actors(record, role)
            ours = getattr(event, role) if event else []
            if gold:
                hit = _country_hit(gold, ours, kb)
                counts[f"{role}_gold"] += 1
                counts[f"{role}_ok"] += hit
                roles_ok &= hit
            sector = _sector_hit(gold, ours, sectors) if gold else None
            if sector is not None:
                counts[f"{role}_sector_gold"] += 1
                counts[f"{role}_sector_ok"] += sector
        counts["sentences"] += 1
        counts["type_ok"] += type_ok
        counts["triple_ok"] += type_ok and roles_ok
    return {
        "dataset": str(path),
        "sentences": counts["sentences"],
        "event_type_accuracy": _share(counts, "type_ok", "sentences"),
        "event_type_macro_f1": macro_f1(pairs),
        "source_country_accuracy": _share(counts, "source_ok", "source_gold"),
        "target_country_accuracy": _share(counts, "target_ok", "target_gold"),
        "source_sector_accuracy": _share(counts, "source_sector_ok", "source_sector_gold"),
        "target_sector_accuracy": _share(counts, "target_sector_ok", "target_sector_gold"),
        "triple_accuracy": _share(counts, "triple_ok", "sentences"),
        "quad_class_accuracy": accuracy(quads),
        "quad_class_macro_f1": macro_f1(quads),
        "support": {
            k: counts[k]
            for k in ("source_gold", "target_gold", "source_sector_gold", "target_sector_gold")
        },
        "per_type": per_class(pairs),
        "per_quad": per_class(quads),
        "confusion": confusion(pairs),
    }


# --- Multi-CoPED ------------------------------------------------------------------------


def read_multicoped(
    path: str | Path, sample: int | None = 1000, seed: int = 0
) -> list[tuple[str, int]]:
    """(sentence, penta-class) rows; a fixed-seed sample of ``sample`` rows when given."""
    rows = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        text, _, label = line.rpartition("\t")
        if text and label.strip().isdigit():
            rows.append((text, int(label)))
    if sample and sample < len(rows):
        rows = random.Random(seed).sample(rows, sample)
    return rows


def predicted_penta(doc: Doc) -> int:
    """The penta-class of the main event's CAMEO root; a sentence with no event is a
    statement (class 0), the class of CAMEO 01."""
    event = main_event(doc)
    return PENTA_BY_ROOT[event.cameo_root] if event else 0


def evaluate_multicoped(
    path: str | Path,
    sample: int | None = 1000,
    seed: int = 0,
    nlp: Language | None = None,
    actors: str | Path | None = None,
) -> dict[str, Any]:
    """Penta-class and quad-class accuracy and macro-F1 on Multi-CoPED class rows
    (``train_class.tsv``); with ``actors`` (``train_actors.conll``) also the source/target
    span scores on a sample of the same size and seed."""
    nlp = nlp or event_pipeline()
    rows = read_multicoped(path, sample, seed)
    pairs = [
        (label, predicted_penta(doc))
        for (_, label), doc in zip(rows, _docs(nlp, (t for t, _ in rows)), strict=True)
    ]
    pentas = [(str(g), str(p)) for g, p in pairs]
    quads = [(str(QUAD_BY_PENTA[g]), str(QUAD_BY_PENTA[p])) for g, p in pairs]
    report: dict[str, Any] = {
        "dataset": str(path),
        "sentences": len(pairs),
        "sample_seed": seed,
        "class_accuracy": accuracy(pentas),
        "class_macro_f1": macro_f1(pentas),
        "quad_class_accuracy": accuracy(quads),
        "quad_class_macro_f1": macro_f1(quads),
        "per_class": per_class(pentas),
        "per_quad": per_class(quads),
        "confusion": confusion(pentas),
    }
    if actors is not None:
        report["spans"] = evaluate_actor_spans(actors, nlp, sample, seed)
    return report


@lru_cache(maxsize=1)
def _reciprocal_patterns() -> frozenset[str]:
    return frozenset(t.id for t in load_lexicon() if t.reciprocal)


def _where(doc: Doc, actor: Actor) -> tuple[int, int]:
    """A pronoun stands at the mention the actors stage resolved it to."""
    for mention in doc._.actors or ():
        if (
            (mention.char_start, mention.char_end) == (actor.char_start, actor.char_end)
            and mention.mention_kind == "pronoun"
            and mention.antecedent is not None
        ):
            return mention.antecedent.char_start, mention.antecedent.char_end
    return actor.char_start, actor.char_end


def predicted_roles(doc: Doc, event: Event | None) -> dict[str, list[tuple[int, int]]]:
    """Character spans of the main event's source and target actors. A reciprocal event
    (its trigger is marked ``reciprocal`` in the lexicon: meetings, talks, agreements)
    runs both ways, so each role gets both parties, as Multi-CoPED's R label does."""
    if event is None:
        return {}
    source, target = event.source, event.target
    if re.split("[<>]", event.pattern)[0] in _reciprocal_patterns():
        source = target = [*source, *target]
    return {
        "source": [_where(doc, a) for a in source],
        "target": [_where(doc, a) for a in target],
    }


def evaluate_actor_spans(
    path: str | Path, nlp: Language, sample: int | None = 1000, seed: int = 0
) -> dict[str, Any]:
    """Source and target span P/R/F1 (exact and overlap) of each sentence's main event
    on Multi-CoPED actor annotations (definitions in ``spans.py``)."""
    sentences = read_conll(path, sample, seed)
    pairs: dict[str, list[tuple[list[TokenSpan], list[TokenSpan]]]] = {r: [] for r in ROLE_LABELS}
    for sentence, doc in zip(sentences, _docs(nlp, (s.text for s in sentences)), strict=True):
        for role, pair in sentence_pairs(sentence, predicted_roles(doc, main_event(doc))).items():
            pairs[role].append(pair)
    return {
        "dataset": str(path),
        "sentences": len(sentences),
        **{role: score_spans(role_pairs) for role, role_pairs in pairs.items()},
    }


# --- scoring helpers --------------------------------------------------------------------


def _share(counts: Counter[str], part: str, whole: str) -> float:
    return round(counts[part] / counts[whole], 4) if counts[whole] else 0.0


def accuracy(pairs: list[tuple[str, str]]) -> float:
    """Share of (gold, predicted) pairs that agree."""
    return round(sum(g == p for g, p in pairs) / len(pairs), 4) if pairs else 0.0


def per_class(pairs: list[tuple[str, str]]) -> dict[str, dict[str, float]]:
    """Precision, recall, F1 and support per gold class."""
    gold, predicted = Counter(g for g, _ in pairs), Counter(p for _, p in pairs)
    hits = Counter(g for g, p in pairs if g == p)
    table = {}
    for label in sorted(gold):
        precision = hits[label] / predicted[label] if predicted[label] else 0.0
        recall = hits[label] / gold[label]
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        table[label] = {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "support": gold[label],
        }
    return table


def macro_f1(pairs: list[tuple[str, str]]) -> float:
    """Unweighted mean F1 over the gold classes."""
    table = per_class(pairs)
    return round(sum(row["f1"] for row in table.values()) / len(table), 4) if table else 0.0


def confusion(pairs: list[tuple[str, str]]) -> dict[str, dict[str, int]]:
    """gold -> predicted -> count."""
    matrix: dict[str, dict[str, int]] = {}
    for gold, predicted in pairs:
        row = matrix.setdefault(gold, {})
        row[predicted] = row.get(predicted, 0) + 1
    return matrix


def format_report(report: dict[str, Any]) -> str:
    """A plain-text rendering: headline numbers, the per-class and per-quad tables, then
    the actor span table when scored."""
    lines = [f"dataset: {report['dataset']} ({report['sentences']} sentences)"]
    for key, value in report.items():
        if isinstance(value, float):
            lines.append(f"  {key:<26} {value:.3f}")
    for name in ("per_type", "per_class", "per_quad"):
        if name not in report:
            continue
        heading = "quad" if name == "per_quad" else "class"
        lines.append(f"  {heading:<12} {'prec':>6} {'rec':>6} {'f1':>6} {'n':>5}")
        for label, row in report[name].items():
            lines.append(
                f"  {label:<12} {row['precision']:6.3f} {row['recall']:6.3f} "
                f"{row['f1']:6.3f} {row['support']:5d}"
            )
    if "spans" in report:
        lines.append(format_spans(report["spans"]))
    return "\n".join(lines)
