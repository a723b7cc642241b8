"""Measure event locations on gold data (``flashpoint eval geo FILE``).

A gold file is JSONL with one sentence or short article per line (``text``, optional
``published``) and its event's location, either as PLOVER GSR's ``eventLoc`` ({"name",
optional "country code" in ISO alpha-2}) or as the project fixture's ``location``
({"name", "country" in alpha-3, optional "precision", and the "rule" it tests}).
Records without a location are skipped.

Each record's *main* event (as for ``eval plover-gsr``) is scored:

- country: ours equals the gold country. When the gold gives only a name, its country is
  the gazetteer's most populous place of that name (stated, as it can favour our answer);
- name: ours and the gold name fold to the same text, one contains the other's text or
  words ("town of Rafah" / "Rafah", "province of Herat" / "Herat Province"), or the gold
  name is a spelling of our place ("Khatmandu" / "Kathmandu");
- precision: ours equals the gold precision (fixture only).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from flashpoint.coding.records import Event, Location
from flashpoint.errors import Errors, FlashpointError
from flashpoint.eval.plover import main_event
from flashpoint.geo.component import doc_places
from flashpoint.geo.gazetteer import Gazetteer, fold, gazetteer
from flashpoint.geo.lexicon import geo_lexicon
from flashpoint.geo.locate import locate
from flashpoint.nlp.model import PipelineSpec, build_pipeline

GEO_COMPONENTS = ("flashpoint_actor_ruler", "flashpoint_actors", "flashpoint_events",
                  "flashpoint_geo")  # fmt: skip


@lru_cache(maxsize=1)
def geo_pipeline() -> Language:
    """The base model with the actors, the event coder and the geo component."""
    return build_pipeline(PipelineSpec(GEO_COMPONENTS))


def read_gold(path: str | Path) -> list[dict[str, Any]]:
    """Records that have a gold location, normalised to {text, published, name, country,
    precision, rule}."""
    records = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise FlashpointError(Errors.E061.format(path=path, reason=str(exc))) from exc
    gaz = gazetteer()
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as exc:
            reason = f"line {number}: {exc}"
            raise FlashpointError(Errors.E061.format(path=path, reason=reason)) from exc
        gold = raw.get("location") or raw.get("eventLoc")
        if not isinstance(gold, dict) or not gold.get("name") or not raw.get("text"):
            continue
        country = gold.get("country") or gaz.alpha3.get(gold.get("country code") or "")
        records.append(
            {
                "text": raw["text"],
                "published": raw.get("published") or raw.get("date"),
                "name": gold["name"],
                "country": country or _likeliest_country(gaz, gold["name"]),
                "precision": gold.get("precision"),
                "rule": gold.get("rule"),
            }
        )
    return records


def _place_words(name: str) -> str:
    """The place in a gold name: "province of Herat" -> "Herat"."""
    return name.rsplit(" of ", 1)[-1]


def _likeliest_country(gaz: Gazetteer, name: str) -> str | None:
    """Country of the most populous place of that name ("the town of Rafah" -> Rafah)."""
    candidates = gaz.lookup(name) or gaz.lookup(_place_words(name))
    if not candidates:
        return None
    return max(candidates, key=lambda c: c.place.population).place.country


def same_name(gold: str, ours: Location, gaz: Gazetteer) -> bool:
    """Whether our location's name is the gold name (see the module docstring)."""
    a, b = fold(gold), fold(ours.name)
    if a == b or a in b or b in a:
        return True
    gold_words, our_words = set(a.split()) - {"of"}, set(b.split())
    if gold_words <= our_words or our_words <= gold_words:
        return True
    return ours.geonameid is not None and any(
        c.place.geonameid == ours.geonameid for c in gaz.lookup(_place_words(gold))
    )


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def evaluate_geo(path: str | Path, nlp: Language | None = None) -> dict[str, Any]:
    """Country, name and precision accuracy of the main event's location, overall and by
    the rule each fixture case tests; plus which of our rules chose the locations."""
    nlp = nlp or geo_pipeline()
    gaz = gazetteer()
    records = read_gold(path)
    counts: Counter[str] = Counter()
    by_rule: dict[str, Counter[str]] = {}
    chosen: Counter[str] = Counter()
    errors: list[dict[str, Any]] = []
    for record in records:
        doc = nlp.make_doc(record["text"])
        doc._.published = _day(record["published"])
        doc = nlp(doc)
        event = main_event(doc)
        location = event.location if event else None
        hits = {
            "records": True,
            "with_event": event is not None,
            "located": location is not None,
            "country": location is not None and location.country == record["country"],
            "name": location is not None and same_name(record["name"], location, gaz),
        }
        if record["precision"]:
            hits["with_precision"] = True
            hits["precision"] = location is not None and location.precision == record["precision"]
        counts.update(k for k, v in hits.items() if v)
        if record["rule"]:
            by_rule.setdefault(record["rule"], Counter()).update(k for k, v in hits.items() if v)
        if event is not None and location is not None:
            chosen[_rule(doc, event, gaz)] += 1
        if not (hits["country"] and hits["name"]):
            errors.append({"text": record["text"][:160], "gold": record["name"],
                           "gold_country": record["country"],
                           "ours": location.name if location else None,
                           "ours_country": location.country if location else None})  # fmt: skip
    return {
        "file": str(path),
        **_accuracies(counts),
        "by_rule": {rule: _accuracies(c) for rule, c in sorted(by_rule.items())},
        "chosen_by": dict(sorted(chosen.items())),
        "errors": errors,
    }


def _rule(doc: Doc, event: Event, gaz: Gazetteer) -> str:
    """Which rule chose the event's location (located again: the record does not keep it)."""
    lexicon = geo_lexicon()
    found = locate(doc, event, doc_places(doc, gaz, lexicon), gaz, lexicon)
    return found[1] if found else "none"


def _accuracies(counts: Counter[str]) -> dict[str, Any]:
    n = counts["records"]
    report: dict[str, Any] = {"records": n, "with_event": counts["with_event"],
                              "located": counts["located"]}  # fmt: skip
    for key in ("country", "name"):
        report[f"{key}_accuracy"] = round(counts[key] / n, 3) if n else None
    if counts["with_precision"]:
        report["precision_accuracy"] = round(counts["precision"] / counts["with_precision"], 3)
    return report


def format_report(report: dict[str, Any]) -> str:
    """Aligned text: overall, then per fixture rule, then the misses."""
    lines = [f"geo: {report['file']}"]
    lines += _lines(report, "  ")
    lines.append(f"  {'chosen_by':<20} {report['chosen_by']}")
    for rule, scores in report["by_rule"].items():
        lines.append(f"  rule {rule}:")
        lines += _lines(scores, "    ")
    lines.append("  misses:")
    lines += [
        f"    gold {e['gold']!r} ({e['gold_country']}) ours {e['ours']!r} ({e['ours_country']})"
        f": {e['text'][:90]}"
        for e in report["errors"]
    ]
    return "\n".join(lines)


def _lines(scores: dict[str, Any], indent: str) -> Iterable[str]:
    keys = ("records", "with_event", "located", "country_accuracy", "name_accuracy",
            "precision_accuracy")  # fmt: skip
    return (f"{indent}{key:<20} {scores[key]}" for key in keys if key in scores)
