"""Direct quotes: quotation-mark spans tied to the cue clause beside them.

A quotation is attributed by its *frame*, the few words outside the marks: after it
("“…,” Peskov told reporters.") or before it ("Peskov said: “…”"). A later quotation
that follows straight on from an attributed one in the same paragraph is a further part of
the same quote ("“…,” he said. “…”"). Nothing is attributed across a paragraph break,
except after a colon that ends the previous paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from flashpoint.quotes.context import SENTENCE_END, DocContext, make_quote, same_paragraph
from flashpoint.quotes.marks import Quotation
from flashpoint.quotes.records import Quote
from flashpoint.quotes.speaker import noun_phrase, phrase_object, speaker_of, trim_span

#: How far a frame reaches beyond the marks, in tokens.
MAX_FRAME = 24
#: A quotation ending in these characters hands over to a frame after it.
_HANDOVER = frozenset(",?!-\u2013\u2014\u2026")  # comma, ?, !, hyphen, dashes, ellipsis
#: A quotation is clause-initial after these tokens (or at a paragraph start).
_CLAUSE_BREAKS = frozenset({".", "!", "?", ":", ";", "\u2013", "\u2014"})
#: A frame before a quotation ends with one of these tokens.
_INTRODUCERS = frozenset({":", ","})
#: Standalone quoted sentences shorter than this are titles or scare quotes, not quotes.
MIN_STANDALONE_WORDS = 4
#: After a quotation ending a sentence, the cue must come this soon ("….” Peskov said.").
MAX_CUE_OFFSET = 8
#: A clause ending in a colon introduces the quotation from this far back, in tokens.
MAX_COLON_FRAME = 40
#: A speaker introduced by a bare colon ("Kasich: “…”") is at most this long.
MAX_NAME = 8
#: Dashes that set a name off from a heading before it.
_DASHES = frozenset({"-", "\u2013", "\u2014"})
#: Relations under which the parser may put a speaker written after its verb.
_INVERTED_DEPS = frozenset({"dobj", "attr", "npadvmod", "appos", "oprd", "dative", "nsubjpass"})


def _prev_token(span: Span) -> Token | None:
    """The last non-space token before the span."""
    i = span.start - 1
    while i >= 0 and span.doc[i].is_space:
        i -= 1
    return span.doc[i] if i >= 0 else None


def _starts_clause(ctx: DocContext, span: Span) -> bool:
    prev = _prev_token(span)
    return (
        prev is None
        or prev.text in _CLAUSE_BREAKS
        or prev.is_quote
        or not same_paragraph(ctx.text, prev.idx, span.start_char)
    )


def _after_frame(ctx: DocContext, span: Span, next_start: int) -> Span:
    """Tokens after the closing mark, up to a sentence end, a line break or the next quote."""
    doc = ctx.doc
    end = span.end
    limit = min(len(doc), span.end + MAX_FRAME)
    while end < limit:
        token = doc[end]
        if token.idx >= next_start or "\n" in token.text:
            break
        end += 1
        if token.text in SENTENCE_END:
            break
    return doc[span.end : end]


def _before_frame(ctx: DocContext, span: Span, floor: int) -> Span | None:
    """Tokens of the clause that introduces the quotation with a colon or comma; a colon
    ending the previous paragraph still introduces it."""
    prev = _prev_token(span)
    if prev is None or prev.text not in _INTRODUCERS or prev.idx < floor:
        return None
    if prev.text != ":" and not same_paragraph(ctx.text, prev.idx, span.start_char):
        return None
    doc = ctx.doc
    start = prev.i
    reach = MAX_COLON_FRAME if prev.text == ":" else MAX_FRAME
    while start > 0 and start > prev.i - reach:
        token = doc[start - 1]
        if token.idx < floor or token.text in SENTENCE_END or "\n" in token.text:
            break
        start -= 1
    return doc[start : prev.i + 1]


@dataclass(frozen=True, slots=True)
class Hit:
    """The cue and speaker that a frame gives a quotation."""

    cue: Span
    speaker: Span
    verb: Token | None = None


def _beside(ctx: DocContext, speaker: Span | None, quote: Span) -> Span | None:
    """The speaker phrase clipped to its side of the quotation (the parser sometimes hangs
    the quotation on the speaker's name); None if its head is inside a quotation."""
    if speaker is None or ctx.in_quotation(speaker.root):
        return None
    if speaker.end <= quote.start or speaker.start >= quote.end:
        return speaker
    doc = speaker.doc
    clipped = (
        doc[quote.end : speaker.end]
        if speaker.root.i >= quote.end
        else doc[speaker.start : quote.start]
    )
    return trim_span(clipped)


def _cues_in(ctx: DocContext, frame: Span) -> list[Token]:
    return [t for t in ctx.cues if frame.start <= t.i < frame.end and t.i not in ctx.used_cues]


def _own_content(ctx: DocContext, cue: Token) -> bool:
    """A cue after the quotation reports something else if its complement follows it
    ("… The official asked not to be named"), unless that is the next quotation."""
    return any(c.dep_ in {"ccomp", "xcomp"} and not ctx.in_quotation(c) for c in cue.rights)


def _inverted_speaker(cue: Token, frame: Span) -> Span | None:
    """ "“…,” added a South Carolina Democrat": the parser may take the speaker for an object."""
    if cue.i - frame.start > 1:
        return None
    for child in cue.rights:
        if child.dep_ in _INVERTED_DEPS and child.pos_ in {"PROPN", "NOUN", "PRON"}:
            return noun_phrase(child)
    doc, i = cue.doc, cue.i + 1
    while i < frame.end and doc[i].pos_ in {"DET", "ADJ", "PROPN", "NOUN"}:
        i += 1  # the name written right after the verb: "said David Brock, …"
    last = doc[i - 1]
    if i > cue.i + 1 and last.pos_ in {"PROPN", "NOUN"}:
        return noun_phrase(last)
    return None


def _phrase_hit(ctx: DocContext, frame: Span, quote: Span) -> Hit | None:
    """ "“…,” according to CNN."."""
    for phrase in ctx.phrases:
        if frame.start <= phrase.start and phrase.end <= frame.end:
            speaker = _beside(ctx, phrase_object(phrase[-1]), quote)
            if speaker is not None:
                return Hit(phrase, speaker)
    return None


def _after_hit(ctx: DocContext, quote: Span, frame: Span, hands_over: bool) -> Hit | None:
    """A cue in the words after the quotation: near it, or anywhere in a handed-over frame."""
    for cue in _cues_in(ctx, frame):
        if not hands_over and cue.i - frame.start > MAX_CUE_OFFSET:
            break
        if not hands_over and _own_content(ctx, cue):
            continue
        found = speaker_of(cue, ctx.unquoted) or _inverted_speaker(cue, frame)
        speaker = _beside(ctx, found, quote)
        if speaker is not None:
            return Hit(ctx.cue_span(cue), speaker, cue)
    return _phrase_hit(ctx, frame, quote)


def _before_hit(ctx: DocContext, quote: Span, frame: Span) -> Hit | None:
    """A cue in the clause before a colon or comma, or a bare name before a colon."""
    for cue in reversed(_cues_in(ctx, frame)):
        speaker = _beside(ctx, speaker_of(cue, ctx.unquoted), quote)
        if speaker is not None:
            return Hit(ctx.cue_span(cue), speaker, cue)
    found = _phrase_hit(ctx, frame, quote)
    if found is not None:
        return found
    colon = frame[-1]
    name = frame[:-1]
    if colon.text != ":" or not len(name):
        return None
    if len(name) <= MAX_NAME and _is_name(name):
        return Hit(frame[-1:], name)
    dashes = [t.i for t in name if t.text in _DASHES]
    if dashes:  # "POLLS TOO EARLY - Jane Smith: “…”": a heading, a dash, then the name
        after = trim_span(ctx.doc[dashes[-1] + 1 : name.end])
        if len(after) <= MAX_NAME and after.start > dashes[-1] and _is_name(after):
            return Hit(frame[-1:], after)
    return _introducer(ctx, frame, quote)


def _introducer(ctx: DocContext, frame: Span, quote: Span) -> Hit | None:
    """ "President Clinton released the following statement: “…”": a named subject of the
    clause a colon ends introduces the quotation even without a speech verb."""
    root = frame[:-1].root
    for child in root.children:
        if child.dep_ == "nsubj" and (child.pos_ in {"PROPN", "PRON"} or child.ent_type_):
            speaker = _beside(ctx, noun_phrase(child), quote)
            if speaker is not None:
                return Hit(frame[-1:], speaker)
    return None


def _is_name(span: Span) -> bool:
    """ "Kasich:" or "The White House spokesman:" — a noun phrase without a verb."""
    return all(t.pos_ not in {"VERB", "AUX"} for t in span) and span.root.pos_ in {"PROPN", "NOUN"}


def _standalone(span: Span) -> bool:
    """A quoted sentence (with a verb), not a title or scare quote inside a clause."""
    words = [t for t in span if t.is_alpha]
    return len(words) >= MIN_STANDALONE_WORDS and any(t.pos_ in {"VERB", "AUX"} for t in span)


def direct_quotes(ctx: DocContext) -> list[Quote]:
    """Quotes for the Doc's quotation-mark spans, in text order."""
    out: list[Quote] = []
    previous: Quote | None = None
    floor = 0
    quotations = ctx.quotations
    for n, (mark, span) in enumerate(quotations):
        following = quotations[n + 1][0].start if n + 1 < len(quotations) else len(ctx.text)
        found = _attribute(ctx, mark, span, following, floor, previous)
        floor = mark.end
        if found is not None and found is not previous:
            out.append(found)
        previous = found if found is not None and found.speaker is not None else None
    return out


def continues(ctx: DocContext, previous: Quote, span: Span) -> bool:
    """Same paragraph, and nobody else speaks between the previous quote and this one."""
    gap = ctx.doc[previous.parts[-1].end : span.start]
    if previous.speaker is None or not (
        same_paragraph(ctx.text, gap.start_char, span.start_char)
        or _next_paragraph(ctx, previous, gap, span)
    ):
        return False
    frame = previous.cue.root if previous.cue is not None else None
    for cue in _cues_in(ctx, gap):
        if frame is not None and frame.is_ancestor(cue):
            continue  # "…,” said Murphy, using a term Rubio has used to describe …"
        other = speaker_of(cue)
        if other is not None and other.root.i != previous.speaker.root.i:
            return False
    return True


def _next_paragraph(ctx: DocContext, previous: Quote, gap: Span, span: Span) -> bool:
    """The quotation opens the next paragraph and nothing but the previous quote's own
    frame sentence comes between ("“…,” Peskov said.⏎⏎“…”"): the speaker goes on."""
    text = ctx.text[previous.parts[-1].end_char : span.start_char]
    brk = text.find("\n")
    if brk < 0 or text[brk:].strip():
        return False  # same paragraph, or words before the quotation in its paragraph
    words = [t for t in gap if not t.is_space]
    if all(t.is_punct and not t.is_quote for t in words):
        return True  # the previous quote ended its paragraph
    cue = previous.cue
    return (
        cue is not None
        and gap.start <= cue.start < gap.end
        and not any(t.text in SENTENCE_END for t in words[:-1])
    )


def _use(ctx: DocContext, span: Span, hit: Hit) -> Quote:
    if hit.verb is not None:
        ctx.used_cues.add(hit.verb.i)
    return make_quote(ctx, [span], hit.cue, hit.speaker, "frame")


def _attribute(
    ctx: DocContext,
    mark: Quotation,
    span: Span,
    following: int,
    floor: int,
    previous: Quote | None,
) -> Quote | None:
    """Tie one quotation to a speaker by its frame, or to the quote it continues; a quoted
    sentence with no cue in reach is kept with an unknown speaker.

    A quotation ending in a comma (or ?, !) hands over to the words after it ("“…,” she
    said"); one ending in a full stop was more likely introduced before ("She said: “….”").
    """
    clause_initial = _starts_clause(ctx, span)
    hands_over = ctx.text[mark.inner_end - 1 : mark.inner_end] in _HANDOVER
    before = _before_frame(ctx, span, floor)

    def after() -> Hit | None:
        if not (clause_initial or (hands_over and _standalone(span))):
            return None
        return _after_hit(ctx, span, _after_frame(ctx, span, following), hands_over)

    def introduced() -> Hit | None:
        return _before_hit(ctx, span, before) if before is not None else None

    for find in (after, introduced) if hands_over else (introduced, after):
        hit = find()
        if hit is not None:
            return _use(ctx, span, hit)
        if find is after and previous is not None and continues(ctx, previous, span):
            previous.parts.append(span)
            previous.confidence = min(previous.confidence, ctx.confidence("continuation"))
            return previous
    if clause_initial and _standalone(span):
        return make_quote(ctx, [span], None, None, "unattributed")
    return None
