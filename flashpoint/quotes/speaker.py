"""Who speaks: the speaker span of a cue, read off the dependency parse."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

#: A participle or conjoined verb without its own subject shares its head's speaker:
#: "…, adding that …", "arrived and said …".
_INHERITS = frozenset({"advcl", "xcomp", "conj", "pcomp"})
#: "a statement saying …", "Peskov, who said …": the speaker is the noun modified.
_MODIFIES_NOUN = frozenset({"acl", "relcl"})
_EDGE_DEPS = frozenset({"punct", "cc", "prep"})
#: Relations of a speaker the parser attached to the clause before its verb.
_STRANDED_DEPS = frozenset({"appos", "conj", "npadvmod", "dobj", "pobj", "nsubj"})
_MAX_HOPS = 3


def noun_phrase(head: Token, stop: Token | None = None) -> Span:
    """The subtree of ``head`` without a trailing relative clause ("Ilse Varga[, who chairs
    the committee,]") and edge punctuation; cut before ``stop`` when the subtree contains
    it (a relative clause holding the cue)."""
    start, end = head.left_edge.i, head.right_edge.i + 1
    if stop is not None and start <= stop.i < end:
        end = _clause_start(stop, head)
    for child in head.rights:
        if child.dep_ == "relcl":
            end = min(end, child.left_edge.i)
    return trim_span(head.doc[start:end])


def trim_span(span: Span) -> Span:
    """The span without punctuation, conjunctions or prepositions at its edges."""
    doc, start, end = span.doc, span.start, span.end
    while start < end - 1 and (doc[start].is_punct or doc[start].dep_ in _EDGE_DEPS):
        start += 1
    while end - 1 > start and (doc[end - 1].is_punct or doc[end - 1].dep_ in _EDGE_DEPS):
        end -= 1
    return doc[start:end]


def _clause_start(verb: Token, noun: Token) -> int:
    """Where the clause of ``verb`` starts inside the phrase of ``noun``."""
    clause = verb
    while clause.head.i not in (noun.i, clause.i):
        clause = clause.head
    return max(clause.left_edge.i, noun.i + 1)


def _anywhere(token: Token) -> bool:
    return True


def speaker_of(cue: Token, allowed: Callable[[Token], bool] = _anywhere) -> Span | None:
    """The speaker phrase of a cue verb, following subject-less verbs up to their head.
    ``allowed`` rules out candidate tokens (the quote rules rule out quoted words)."""
    return _subject(cue, allowed) or _stranded_subject(cue, allowed)


def _stranded_subject(cue: Token, allowed: Callable[[Token], bool]) -> Span | None:
    """ "…, the militia's spokesman said", "…,” Ramos, 58, told AFP": the parser hung the
    speaker on the clause before (as an apposition, conjunct or object); it is the noun
    phrase that ends right before the cue."""
    i = cue.i - 1
    while i >= 0 and cue.doc[i].is_punct and not cue.doc[i].is_quote:
        i -= 1
    if i < 0:
        return None
    prev = cue.doc[i]
    while prev.dep_ == "appos" and prev.head.i < prev.i:
        prev = prev.head
    if prev.pos_ in {"NOUN", "PROPN", "PRON"} and prev.dep_ in _STRANDED_DEPS and allowed(prev):
        return noun_phrase(prev)
    return None


def _subject(cue: Token, allowed: Callable[[Token], bool]) -> Span | None:
    verb = cue
    for _ in range(_MAX_HOPS):
        for child in verb.children:
            if not allowed(child):
                continue
            if child.dep_ == "nsubj" and child.tag_ not in {"WP", "WDT"}:
                return noun_phrase(child)
            if child.dep_ == "agent":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return noun_phrase(objects[0])
        head = verb.head
        if verb.dep_ in _MODIFIES_NOUN and head.pos_ in {"NOUN", "PROPN", "PRON"}:
            return noun_phrase(head, stop=verb) if allowed(head) else None
        if verb.dep_ not in _INHERITS or head.i == verb.i or not allowed(head):
            return None
        verb = head
    return None


def phrase_object(last: Token) -> Span | None:
    """The object of a cue phrase's last word: "according to [Kiev estimates]"."""
    for child in last.children:
        if child.dep_ == "pobj":
            return noun_phrase(child)
    return None
