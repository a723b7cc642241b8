"""Measure actor resolution on gold data (``flashpoint eval actors`` calls these).

``evaluate_plover_gsr`` scores the PLOVER gold-standard records: for every gold source or
target actor, is its country (and, where the gold gives one, its PLOVER sector) recovered by
the actor our pipeline finds over the gold actor's words? ``entity_coverage`` reports how
many PERSON/ORG/GPE entities of a corpus resolve to an actor, with samples to hand-check.
"""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from flashpoint.actors import actor_pipeline
from flashpoint.actors.kb import KnowledgeBase
from flashpoint.actors.loader import load_knowledge_base
from flashpoint.actors.records import Actor

#: Gold country codes naming international organisations rather than states; PLOVER GSR
#: uses IGO and NGO loosely (the Red Cross is coded IGO), so both count as one class.
INTERNATIONAL = frozenset({"IGO", "NGO"})
TRANSNATIONAL_ARMED = "IMG"
BATCH_SIZE = 64


@dataclass(frozen=True)
class GoldActor:
    """One gold actor: the sentence, the character span of its words and its codes."""

    record_id: str
    role: str
    text: str
    start: int
    end: int
    country: str
    sector: str | None


def evaluate_plover_gsr(
    path: str | Path, nlp: Language | None = None, *, details: bool = False
) -> dict[str, Any]:
    """Country and sector scores over the gold actors of a PLOVER GSR JSONL file.

    - ``country_accuracy``: gold actors whose country we recover / gold actors found in
      their sentence (no actor over the words counts as wrong);
    - ``country_precision``: right countries / actors we gave a country;
    - ``recall``: gold actors with any actor of ours over their words;
    - ``sector_accuracy``: right sectors / gold actors with a PLOVER sector.
    Legacy CAMEO codes of the gold (JAP for JPN…) are mapped first.
    """
    nlp = nlp or actor_pipeline()
    kb = load_knowledge_base()
    records = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]
    records = [r for r in records if r.get("text")]
    counts: Counter[str] = Counter()
    mistakes: list[dict[str, Any]] = []
    docs = nlp.pipe((r["text"] for r in records), batch_size=BATCH_SIZE)
    for record, doc in zip(records, docs, strict=True):
        for gold in gold_actors(record, counts):
            _score(gold, doc, kb, counts, mistakes)
    report = _report(counts)
    if details:
        report["mistakes"] = mistakes
    return report


def gold_actors(record: dict[str, Any], counts: Counter[str]) -> Iterator[GoldActor]:
    """The located gold actors of a record; those whose words are not found are counted."""
    for role in ("source", "target"):
        for actor in record.get(role) or ():
            counts["gold"] += 1
            span = locate(record["text"], actor.get("actorText", ""))
            if span is None:
                counts["not_located"] += 1
                continue
            yield GoldActor(
                record_id=record.get("id", ""),
                role=role,
                text=actor["actorText"],
                start=span[0],
                end=span[1],
                country=actor.get("code", ""),
                sector=(actor.get("sector") or "")[:3].upper() or None,
            )


def locate(text: str, words: str) -> tuple[int, int] | None:
    """Character span of gold words in the sentence; "..." separates discontinuous parts."""
    parts = [p.split() for p in words.split("...") if p.strip()]
    found = []
    for part in parts:
        pattern = r"\s+".join(re.escape(w) for w in part)
        match = re.search(pattern, text) or re.search(pattern, text, re.IGNORECASE)
        if match is None:
            return None
        found.append(match.span())
    return (min(s for s, _ in found), max(e for _, e in found)) if found else None


def best_actor(actors: Iterable[Actor], start: int, end: int) -> Actor | None:
    """Our actor over the gold words: the largest overlap, then the shortest span."""
    scored = [
        (min(end, a.char_end) - max(start, a.char_start), -(a.char_end - a.char_start), a)
        for a in actors
    ]
    overlapping = [s for s in scored if s[0] > 0]
    return max(overlapping, key=lambda s: s[:2])[2] if overlapping else None


def same_country(gold: str, ours: str | None, kb: KnowledgeBase) -> bool:
    """Gold and predicted codes agree, mapping legacy codes and organisation classes."""
    gold = kb.legacy_codes.get(gold, gold)
    if ours is None:
        return False
    if gold in INTERNATIONAL:
        return ours != TRANSNATIONAL_ARMED and not _is_state(ours, kb)
    return gold == ours or (gold == TRANSNATIONAL_ARMED == ours)


def _is_state(code: str, kb: KnowledgeBase) -> bool:
    rows = kb.entries.get(code)
    return rows is not None and rows[0].kind == "country"


def _score(
    gold: GoldActor, doc: Doc, kb: KnowledgeBase, counts: Counter[str], mistakes: list[Any]
) -> None:
    counts["located"] += 1
    ours = best_actor(doc._.actors, gold.start, gold.end)
    country_ok = ours is not None and same_country(gold.country, ours.country, kb)
    counts["recovered"] += ours is not None
    counts["with_country"] += ours is not None and ours.country is not None
    counts["country_ok"] += country_ok
    sector_ok = None
    if gold.sector in kb.lexicon.sectors:
        sector_ok = ours is not None and ours.sector == gold.sector
        counts["with_sector"] += 1
        counts["sector_ok"] += sector_ok
    if not country_ok or sector_ok is False:
        mistakes.append(
            {
                "id": gold.record_id,
                "gold": f"{gold.text} -> {gold.country} {gold.sector or ''}".strip(),
                "ours": None if ours is None else f"{ours.text} -> {ours.country} {ours.sector}",
                "sentence": doc.text,
            }
        )


def _report(counts: Counter[str]) -> dict[str, Any]:
    def share(part: str, whole: str) -> float:
        return round(counts[part] / counts[whole], 4) if counts[whole] else 0.0

    return {
        "gold_actors": counts["gold"],
        "located": counts["located"],
        "country_accuracy": share("country_ok", "located"),
        "country_precision": share("country_ok", "with_country"),
        "recall": share("recovered", "located"),
        "sector_accuracy": share("sector_ok", "with_sector"),
        "gold_with_sector": counts["with_sector"],
    }


def entity_coverage(
    texts: Iterable[tuple[str, date | None]], nlp: Language | None = None, *, samples: int = 0
) -> dict[str, Any]:
    """Share of PERSON, ORG and GPE entities that an actor with a country or a knowledge-
    base id covers, per label; plus ``samples`` resolved entities, drawn at random with a
    fixed seed, to hand-check precision."""
    nlp = nlp or actor_pipeline()
    totals: Counter[str] = Counter()
    resolved: Counter[str] = Counter()
    examples: list[dict[str, Any]] = []
    for doc in nlp.pipe(_dated_docs(nlp, texts), batch_size=BATCH_SIZE):
        for ent in doc.ents:
            if ent.label_ not in ("PERSON", "ORG", "GPE"):
                continue
            totals[ent.label_] += 1
            actor = best_actor(doc._.actors, ent.start_char, ent.end_char)
            if actor is not None and (actor.country or actor.kb_id):
                resolved[ent.label_] += 1
                example = {"entity": ent.text, "label": ent.label_, "sentence": ent.sent.text}
                examples.append(example | {"actor": actor.to_record()})
    report: dict[str, Any] = {
        label: _coverage(totals[label], resolved[label]) for label in sorted(totals)
    }
    report["all"] = _coverage(sum(totals.values()), sum(resolved.values()))
    if samples:
        report["samples"] = random.Random(0).sample(examples, min(samples, len(examples)))
    return report


def dated_texts(directory: str | Path) -> Iterator[tuple[str, date | None]]:
    """The ``*.txt`` files of a directory with the date in their names, for
    ``entity_coverage`` (PolNeAR names its texts ``outlet_YYYY-MM-DD_slug.txt``)."""
    for path in sorted(Path(directory).glob("*.txt")):
        found = _NAME_DATE.search(path.name)
        day = date(*map(int, found.groups())) if found else None
        yield path.read_text(encoding="utf-8"), day


_NAME_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _coverage(entities: int, resolved: int) -> dict[str, Any]:
    share = round(resolved / entities, 4) if entities else 0.0
    return {"entities": entities, "resolved": resolved, "share": share}


def _dated_docs(nlp: Language, texts: Iterable[tuple[str, date | None]]) -> Iterator[Doc]:
    for text, published in texts:
        doc = nlp.make_doc(text)
        doc._.published = published
        yield doc
