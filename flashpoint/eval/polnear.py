"""Score the quotes component against PolNeAR attributions (Newell et al. 2018).

A PolNeAR split directory holds ``text/NAME.txt`` and ``attributions/NAME_ANNOTATOR.ann``
brat files: ``T`` lines are spans (``Role start end[;start end]``), ``E`` lines join an
attribution's Source, Cue and Content. Texts annotated by several people are scored
against the first annotation file in name order.

Each role (speaker = Source, cue, content) is scored as a set of spans, one-to-one, by
exact match (after trimming white space and ``.,;:`` at the edges) and by overlap (any
shared non-blank character). ``speaker+content`` counts a predicted quote as correct when
its content and its speaker both match the same gold attribution (an unknown speaker
matches an attribution without a source). The ``direct`` section restricts precision to
predicted direct quotes and recall to gold attributions whose content is in quotation marks.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language

from flashpoint.quotes.records import DIRECT

#: One span set: sorted, non-overlapping (start, end) character ranges.
Spans = tuple[tuple[int, int], ...]
Matcher = Callable[[Spans, Spans], bool]

ROLES = ("speaker", "cue", "content")
_T_LINE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t")
_EDGE = " \t\n.,;:"
#: Opening and closing quotation marks (straight, curly, guillemets, low-9).
_OPENING = "\u201c\"'\u2018\u00ab\u201e"
_CLOSING = "\u201d\"'\u2019\u00bb"


@dataclass(frozen=True, slots=True)
class Attribution:
    """An attribution's spans, gold or predicted; ``speaker`` is empty when unknown."""

    speaker: Spans
    cue: Spans
    content: Spans
    direct: bool = False


# --- reading gold ------------------------------------------------------------------------


def _spans(field: str) -> Spans:
    """``"12 20;25 30"`` as ((12, 20), (25, 30))."""
    pairs = (part.split() for part in field.split(";"))
    return tuple(sorted((int(a), int(b)) for a, b in pairs))


def is_direct(text: str, content: Spans) -> bool:
    """Content in quotation marks: it opens with a mark and closes with one."""
    if not content:
        return False
    first = text[content[0][0] : content[0][1]].strip(_EDGE)
    last = text[content[-1][0] : content[-1][1]].strip(_EDGE)
    return bool(first and last) and first[0] in _OPENING and last[-1] in _CLOSING


def read_ann(path: Path, text: str) -> list[Attribution]:
    """The attributions of one brat file (events without content are skipped)."""
    spans: dict[str, Spans] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        match = _T_LINE.match(line)
        if match:
            spans[match.group(1)] = _spans(match.group(3))
        elif line.startswith("E"):
            args = line.split("\t")[1].split() if "\t" in line else []
            events.append(dict(arg.split(":", 1) for arg in args if ":" in arg))
    out = []
    for event in events:
        content = tuple(
            sorted(
                s for key, t in event.items() if key.startswith("Content") for s in spans.get(t, ())
            )
        )
        if not content:
            continue
        out.append(
            Attribution(
                speaker=spans.get(event.get("Source", ""), ()),
                cue=spans.get(event.get("Cue", ""), ()),
                content=content,
                direct=is_direct(text, content),
            )
        )
    return out


def gold_documents(directory: Path) -> Iterator[tuple[str, str, list[Attribution]]]:
    """(name, text, gold attributions) per text, first annotator's file when there are several."""
    anns: dict[str, Path] = {}
    for ann in sorted((directory / "attributions").glob("*.ann")):
        anns.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    for name, ann in sorted(anns.items()):
        txt = directory / "text" / f"{name}.txt"
        if txt.exists():
            text = txt.read_text(encoding="utf-8")
            yield name, text, read_ann(ann, text)


# --- predictions ---------------------------------------------------------------------------


def predicted(doc: Any) -> list[Attribution]:
    """The quotes component's output on a Doc, as attributions."""
    return [
        Attribution(
            speaker=((q.speaker.start_char, q.speaker.end_char),) if q.speaker is not None else (),
            cue=((q.cue.start_char, q.cue.end_char),) if q.cue is not None else (),
            content=tuple((p.start_char, p.end_char) for p in q.parts),
            direct=q.kind == DIRECT,
        )
        for q in doc._.quotes or []
    ]


# --- matching ------------------------------------------------------------------------------


def _normalise(text: str, spans: Spans) -> Spans:
    """Each span with white space and ``.,;:`` trimmed from both edges."""
    out = []
    for start, end in spans:
        while start < end and text[start] in _EDGE:
            start += 1
        while end > start and text[end - 1] in _EDGE:
            end -= 1
        if end > start:
            out.append((start, end))
    return tuple(out)


def exact(a: Spans, b: Spans) -> bool:
    return bool(a) and a == b


def overlap(a: Spans, b: Spans) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def max_matching(n_pred: int, n_gold: int, ok: Callable[[int, int], bool]) -> int:
    """Size of a maximum one-to-one matching between predictions and gold items
    (augmenting paths), so one prediction never takes the credit for two gold items and the
    score does not depend on the order of the predictions."""
    edges = [[g for g in range(n_gold) if ok(p, g)] for p in range(n_pred)]
    owner: dict[int, int] = {}

    def augment(p: int, seen: set[int]) -> bool:
        for g in edges[p]:
            if g in seen:
                continue
            seen.add(g)
            if g not in owner or augment(owner[g], seen):
                owner[g] = p
                return True
        return False

    return sum(augment(p, set()) for p in range(n_pred))


def _pair(pred: list[Spans], gold: list[Spans], match: Matcher) -> int:
    """Matched pairs of role spans."""
    return max_matching(len(pred), len(gold), lambda p, g: match(pred[p], gold[g]))


def _pair_attributions(pred: list[Attribution], gold: list[Attribution], match: Matcher) -> int:
    """Matched pairs where content and speaker both match (or both speakers are unknown)."""

    def both(i: int, j: int) -> bool:
        p, g = pred[i], gold[j]
        speaker_ok = match(p.speaker, g.speaker) if g.speaker else not p.speaker
        return speaker_ok and match(p.content, g.content)

    return max_matching(len(pred), len(gold), both)


@dataclass
class Counts:
    """Matched pairs, predictions and gold items for one measure."""

    hits_p: int = 0
    hits_r: int = 0
    pred: int = 0
    gold: int = 0

    def add(self, hits_p: int, hits_r: int, pred: int, gold: int) -> None:
        self.hits_p += hits_p
        self.hits_r += hits_r
        self.pred += pred
        self.gold += gold

    def prf(self) -> dict[str, float | int]:
        p = self.hits_p / self.pred if self.pred else 0.0
        r = self.hits_r / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f, 4),
            "predicted": self.pred,
            "gold": self.gold,
        }


MATCHERS: dict[str, Matcher] = {"exact": exact, "overlap": overlap}


def _score_doc(
    counts: dict[str, Counts], text: str, pred: list[Attribution], gold: list[Attribution]
) -> None:
    """Add one document's matches to the running counts."""
    norm = [_normalised(text, a) for a in pred]
    gnorm = [_normalised(text, a) for a in gold]
    for section, (ps, gs_p, gs_r) in {
        "all": (norm, gnorm, gnorm),
        "direct": ([a for a in norm if a.direct], gnorm, [a for a in gnorm if a.direct]),
    }.items():
        for how, match in MATCHERS.items():
            for role in ROLES:
                p_items = [getattr(a, role) for a in ps if getattr(a, role)]
                precision_gold = [getattr(a, role) for a in gs_p if getattr(a, role)]
                recall_gold = [getattr(a, role) for a in gs_r if getattr(a, role)]
                counts[f"{section}/{how}/{role}"].add(
                    _pair(p_items, precision_gold, match),
                    _pair(p_items, recall_gold, match),
                    len(p_items),
                    len(recall_gold),
                )
            counts[f"{section}/{how}/speaker+content"].add(
                _pair_attributions(ps, gs_p, match),
                _pair_attributions(ps, gs_r, match),
                len(ps),
                len(gs_r),
            )


def _normalised(text: str, a: Attribution) -> Attribution:
    return Attribution(
        speaker=_normalise(text, a.speaker),
        cue=_normalise(text, a.cue),
        content=_normalise(text, a.content),
        direct=a.direct,
    )


def _default_nlp() -> Language:
    from flashpoint.nlp.model import build_pipeline

    return build_pipeline(("flashpoint_quotes",))


def evaluate_polnear(
    directory: Path, nlp: Language | None = None, limit: int | None = None
) -> dict[str, Any]:
    """P/R/F1 of speaker, cue and content spans (exact and overlap), overall and for direct
    quotes, on the PolNeAR split in ``directory``."""
    import flashpoint.quotes  # noqa: F401  (registers the factory)

    nlp = nlp or _default_nlp()
    docs = list(gold_documents(Path(directory)))[: limit or None]
    counts: dict[str, Counts] = {}
    for section in ("all", "direct"):
        for how in MATCHERS:
            for role in (*ROLES, "speaker+content"):
                counts[f"{section}/{how}/{role}"] = Counts()
    texts = (text for _, text, _ in docs)
    for (_, text, gold), doc in zip(docs, nlp.pipe(texts, batch_size=16), strict=True):
        _score_doc(counts, text, predicted(doc), gold)
    return {
        "directory": str(directory),
        "documents": len(docs),
        "gold_attributions": sum(len(g) for _, _, g in docs),
        "gold_direct": sum(a.direct for _, _, g in docs for a in g),
        "scores": {key: c.prf() for key, c in counts.items()},
    }


def format_report(result: dict[str, Any]) -> str:
    """A plain-text table of the scores."""
    lines = [
        f"PolNeAR {result['directory']}: {result['documents']} documents, "
        f"{result['gold_attributions']} gold attributions ({result['gold_direct']} direct)",
        f"{'section':<8} {'match':<8} {'role':<16} {'P':>6} {'R':>6} {'F1':>6} "
        f"{'pred':>6} {'gold':>6}",
    ]
    for key, s in result["scores"].items():
        section, how, role = key.split("/")
        lines.append(
            f"{section:<8} {how:<8} {role:<16} {s['precision']:>6.3f} {s['recall']:>6.3f} "
            f"{s['f1']:>6.3f} {s['predicted']:>6} {s['gold']:>6}"
        )
    return "\n".join(lines)
