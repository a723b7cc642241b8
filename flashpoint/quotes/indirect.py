"""Indirect and mixed quotes: a cue verb with a clausal complement ("X warned that …",
"…, the source added"), and cue phrases ("according to X, …")."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from flashpoint.quotes.context import DocContext, make_quote
from flashpoint.quotes.records import Quote
from flashpoint.quotes.speaker import phrase_object, speaker_of

#: Dependents of a cue verb that hold what was said.
COMPLEMENTS = frozenset({"ccomp"})
#: Dependents of an object verb that hold what was said, asked or pledged.
OBJECTS = frozenset({"dobj", "xcomp", "oprd"})
#: "…, he said, …": the cue hangs off the verb of the reported clause.
PARENTHETICAL = "parataxis"
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
_SUBORDINATE = frozenset({"advcl", "pcomp", "prep", "acl", "relcl", "amod", "aux", "auxpass"})
#: Content shorter than this (in tokens) is not a statement.
MIN_CONTENT = 2


def trim(span: Span) -> Span | None:
    """Drop edge punctuation except quotation marks, which belong to the quoted words."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and _loose(doc[start]):
        start += 1
    while end > start and _loose(doc[end - 1]):
        end -= 1
    return doc[start:end] if end - start >= MIN_CONTENT else None


def _loose(token: Token) -> bool:
    """White space or punctuation other than a quotation mark."""
    return token.is_space or (token.is_punct and not token.is_quote)


def _without(doc: Doc, start: int, end: int, holes: list[Span]) -> list[Span]:
    """The token range ``start:end`` minus the holes, as trimmed parts."""
    parts, cursor = [], start
    for hole in sorted(holes, key=lambda h: h.start):
        if hole.start > cursor:
            parts.append(doc[cursor : min(hole.start, end)])
        cursor = max(cursor, hole.end)
    if cursor < end:
        parts.append(doc[cursor:end])
    return [p for p in map(trim, parts) if p is not None]


def paragraph_of(ctx: DocContext, token: Token) -> Span:
    """The tokens of the token's paragraph: the parser may join paragraphs, we do not."""
    text = ctx.text
    start = text.rfind("\n", 0, token.idx) + 1
    end = text.find("\n", token.idx)
    span = ctx.doc.char_span(start, end if end >= 0 else len(text), alignment_mode="contract")
    return span if span is not None else ctx.doc[token.i : token.i + 1]


def _parts(
    ctx: DocContext, cue: Token, heads: list[Token], speaker: Span | None, hole: Span
) -> list[Span]:
    """The subtrees of ``heads`` within the cue's paragraph, minus the speaker and ``hole``."""
    paragraph = paragraph_of(ctx, cue)
    start = max(min(h.left_edge.i for h in heads), paragraph.start)
    end = min(max(h.right_edge.i for h in heads) + 1, paragraph.end)
    holes = [hole] + ([speaker] if speaker is not None else [])
    return _without(cue.doc, start, end, holes)


def _passive(verb: Token) -> bool:
    """ "the drills, called “Allied Resolve”", "he was asked to leave": nobody speaks."""
    return (verb.dep_ == "acl" and verb.tag_ == "VBN") or any(
        c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children
    )


def _complement(ctx: DocContext, cue: Token, speaker: Span | None) -> list[Span]:
    """ "X said that …", "…, the source added": the cue's clausal complement."""
    comps = [c for c in cue.children if c.dep_ in COMPLEMENTS]
    return _parts(ctx, cue, comps, speaker, cue.doc[cue.i : cue.i + 1]) if comps else []


def _parenthetical(ctx: DocContext, cue: Token, speaker: Span | None) -> list[Span]:
    """ "The blockade, the governor said, would cost …": the clause the cue hangs from."""
    if cue.dep_ != PARENTHETICAL or cue.head.i == cue.i:
        return []
    own = cue.doc[cue.left_edge.i : cue.right_edge.i + 1]
    return _parts(ctx, cue, [cue.head], None, own)


def _comma_frame(ctx: DocContext, cue: Token, speaker: Span | None) -> list[Span]:
    """ "Those who borrow struggle, he said." when the parser found no complement: the
    clauses on either side of the speech clause, set off by commas, in its sentence."""
    if cue.lemma_.lower() not in ctx.lexicon.verbs:
        return []
    doc, sent = cue.doc, cue.sent
    first = min(cue.i, speaker.start) if speaker is not None else cue.i
    if first <= sent.start or doc[first - 1].text != ",":
        return []
    after = next((t.i for t in doc[cue.i : sent.end] if t.text == ","), sent.end)
    parts = [doc[sent.start : first - 1], doc[after + 1 : sent.end]]
    return [p for p in map(trim, parts) if p is not None and _is_clause(p)]


def _objects(ctx: DocContext, cue: Token, speaker: Span | None) -> list[Span]:
    """ "denied the report", "urged Congress to act", "called for talks"."""
    preps = ctx.lexicon.object_verbs.get(cue.lemma_.lower())
    if preps is None or _passive(cue):
        return []
    objects = [c for c in cue.children if c.dep_ in OBJECTS]
    objects += [
        o
        for p in cue.children
        if p.dep_ in {"prep", "prt"} and p.lower_ in preps
        for o in p.children
        if o.dep_ == "pobj"
    ]
    return _parts(ctx, cue, objects, speaker, cue.doc[cue.i : cue.i + 1]) if objects else []


def _is_clause(span: Span) -> bool:
    """A main clause with a subject, not an adverbial one ("While studying …")."""
    verbs = [t for t in span if t.pos_ in {"VERB", "AUX"} and t.dep_ not in _SUBORDINATE]
    return any(
        {c.dep_ for c in verb.children} & _SUBJECTS
        and not any(c.dep_ == "mark" for c in verb.children)
        for verb in verbs
    )


#: Ways a cue's content is found, most specific first, with their evidence name.
STRATEGIES = (
    (_complement, "complement"),
    (_parenthetical, "parenthetical"),
    (_comma_frame, "parenthetical"),
    (_objects, "object"),
)


def content_parts(ctx: DocContext, cue: Token, speaker: Span | None) -> tuple[list[Span], str]:
    """What the cue reports, and the kind of evidence for it."""
    for strategy, evidence in STRATEGIES:
        parts = strategy(ctx, cue, speaker)
        if parts:
            return parts, evidence
    return [], ""


def _phrase_parts(ctx: DocContext, phrase: Span) -> list[Span]:
    """The clause an "according to X" phrase qualifies, without the phrase itself."""
    head = phrase[0].head
    own = ctx.doc[phrase[0].left_edge.i : phrase[0].right_edge.i + 1]
    heads = list(head.sent) if head.dep_ == "ROOT" else [head]
    return _parts(ctx, phrase[0], heads, None, own)


def complement_quotes(ctx: DocContext) -> list[Quote]:
    """Quotes from cue verbs not already used by a direct quote's frame."""
    out = []
    for cue in sorted(ctx.cues + ctx.object_cues, key=lambda t: t.i):
        if cue.i in ctx.used_cues or ctx.in_quotation(cue):
            continue
        speaker = speaker_of(cue, ctx.unquoted)
        parts, evidence = content_parts(ctx, cue, speaker)
        if parts:
            out.append(make_quote(ctx, parts, ctx.cue_span(cue), speaker, evidence))
    return out


def phrase_quotes(ctx: DocContext) -> list[Quote]:
    """Quotes from cue phrases such as "according to X"."""
    out = []
    for phrase in ctx.phrases:
        if ctx.in_quotation(phrase[0]):
            continue
        speaker = phrase_object(phrase[-1])
        parts = _phrase_parts(ctx, phrase)
        if speaker is not None and parts:
            out.append(make_quote(ctx, parts, phrase, speaker, "phrase"))
    return out
