"""What the quote rules need to know about one Doc, computed once per Doc."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from flashpoint.quotes.lexicon import CueLexicon
from flashpoint.quotes.marks import Quotation
from flashpoint.quotes.records import DIRECT, INDIRECT, MIXED, Quote

SENTENCE_END = frozenset({".", "!", "?"})


@dataclass
class DocContext:
    """Cue verbs, object verbs and cue phrases matched in the Doc, and its quotation-mark
    spans."""

    doc: Doc
    text: str  # doc.text, which spaCy rebuilds from the tokens on every access
    lexicon: CueLexicon
    cues: list[Token]
    object_cues: list[Token]
    phrases: list[Span]
    quotations: list[tuple[Quotation, Span]]
    used_cues: set[int] = field(default_factory=set)

    def confidence(self, evidence: str) -> float:
        return self.lexicon.confidence.get(evidence, 0.5)

    def cue_span(self, cue: Token) -> Span:
        """The cue verb with its particle: "pointed out"."""
        end = cue.i + 1
        for child in cue.rights:
            if child.dep_ == "prt" and child.lower_ in self.lexicon.particles:
                end = child.i + 1
        return self.doc[cue.i : end]

    def in_quotation(self, token: Token) -> bool:
        return any(span.start <= token.i < span.end for _, span in self.quotations)

    def unquoted(self, token: Token) -> bool:
        """Speakers are never quoted words."""
        return not self.in_quotation(token)


def same_paragraph(text: str, start: int, end: int) -> bool:
    """No line break between two character offsets."""
    return text.find("\n", start, end) < 0


def kind_of(parts: list[Span], quotations: list[tuple[Quotation, Span]]) -> str:
    """direct when every part is a quotation, mixed when one is inside, else indirect."""
    starts = {q.start: q.end for q, _ in quotations}
    if all(starts.get(p.start_char) == p.end_char for p in parts):
        return DIRECT
    for q, _ in quotations:
        if any(p.start_char <= q.start and q.end <= p.end_char for p in parts):
            return MIXED
    return INDIRECT


def snap(ctx: DocContext, part: Span) -> Span:
    """A content part widened to the whole of any quotation it cuts through: the parser
    often leaves the closing mark (or the opening one) outside the clause."""
    start, end = part.start, part.end
    for _, quoted in ctx.quotations:
        if quoted.start < end and start < quoted.end:
            start, end = min(start, quoted.start), max(end, quoted.end)
    return ctx.doc[start:end]


def _merge(parts: list[Span]) -> list[Span]:
    """Overlapping parts (two halves snapped to the same quotation) joined, in order."""
    out: list[Span] = []
    for part in sorted(parts, key=lambda p: p.start):
        if out and part.start < out[-1].end:
            out[-1] = part.doc[out[-1].start : max(out[-1].end, part.end)]
        else:
            out.append(part)
    return out


def make_quote(
    ctx: DocContext, parts: list[Span], cue: Span | None, speaker: Span | None, evidence: str
) -> Quote:
    parts = _merge([snap(ctx, part) for part in parts])
    return Quote(
        parts=parts,
        kind=kind_of(parts, ctx.quotations),
        cue=cue,
        speaker=speaker,
        confidence=ctx.confidence(evidence),
        evidence=evidence,
    )
