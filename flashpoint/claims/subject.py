"""What an amount counts, and in which unit, read off the parse and the lexicon.

"more than 100,000 troops" counts troops; "12 soldiers were killed" counts the dead; "the
death toll rose to 45" counts the dead; "refer to 130,000" counts what the sentence's
previous claim counted. Ages, durations and labels are not counts.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from flashpoint.claims.lexicon import ClaimLexicon
from flashpoint.claims.numbers import Amount

MONEY, PERCENT, COUNT = "money", "percent", "count"
#: The number modifies the noun it counts.
_MODIFIER_DEPS = frozenset({"nummod", "compound", "quantmod", "amod", "nmod", "det"})
#: Relations in which a verb says what happened to the counted noun.
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})
_CLAUSE_MODIFIERS = frozenset({"acl", "relcl"})
_NOUNISH = frozenset({"NOUN", "PROPN", "ADJ"})


@dataclass(frozen=True, slots=True)
class Counted:
    """The subject of a claim, its unit, and the noun counted (if written)."""

    subject: str
    unit: str
    noun: Token | None


class SubjectFinder:
    """Subject and unit for amounts, from the lexicon's nouns, event verbs and units."""

    def __init__(self, lex: ClaimLexicon) -> None:
        self.lex = lex

    def __call__(self, amount: Amount, previous: Counted | None) -> Counted | None:
        """The amount's subject, or None when it is not a count of anything we track."""
        core = core_token(amount)
        if self._labelled(core):
            return None
        currency = self._currency(core)
        if currency is not None:
            return Counted(MONEY, currency, None)
        after = _next(core)
        if after is not None and after.lower_ in self.lex.percent:
            noun = _of_object(after)
            found = self.noun_subject(noun) if noun is not None else None
            return Counted(found, PERCENT, noun) if found else None
        noun = _counted_noun(core)
        if noun is not None:
            found = self.noun_subject(noun, core)
            return Counted(found, COUNT, noun) if found else None
        found = self._from_verb(core)
        if found is not None:
            return Counted(found, COUNT, None)
        if previous is not None and previous.unit == COUNT:
            return Counted(previous.subject, COUNT, None)
        return None

    def _labelled(self, core: Token) -> bool:
        """Dates, times, ordinals, ages, durations, labels ("Article 5") are not counts."""
        if core.ent_type_ in {"DATE", "TIME", "ORDINAL"} and _counted_noun(core) is None:
            return True
        after = _next(core, skip_hyphen=True)
        before = core.doc[core.i - 1] if core.i > 0 else None
        return (
            (
                after is not None
                and (
                    after.lower_ in self.lex.not_counts
                    or after.lemma_.lower() in self.lex.not_counts
                )
            )
            or (before is not None and before.lower_ in self.lex.not_counts_before)
            or (_is_year(core) and _counted_noun(core) is None)
        )

    def _currency(self, core: Token) -> str | None:
        """ISO code from a symbol before the number or a currency word after it."""
        doc = core.doc
        left = core.left_edge.i
        for token in doc[max(left - 1, 0) : core.i]:
            if token.lower_ in self.lex.currencies:
                return self.lex.currencies[token.lower_]
        after = _next(core)
        if after is not None and after.lemma_.lower() in self.lex.currencies:
            return self.lex.currencies[after.lemma_.lower()]
        return None

    def lookup(self, noun: Token) -> str | None:
        """Subject of a noun: its compound form first ("death toll"), then its lemma."""
        modifiers = [c.lower_ for c in noun.lefts if c.dep_ in {"compound", "amod"}]
        lemma = noun.lemma_.lower()
        for key in (
            " ".join([*modifiers, lemma]),
            " ".join([*modifiers[-1:], lemma]),
            lemma,
            noun.lower_,
        ):
            if key in self.lex.nouns:
                return self.lex.nouns[key]
        return None

    def noun_subject(self, noun: Token, core: Token | None = None) -> str | None:
        """The noun's subject; for persons, what happened to them if a verb says so (of the
        noun, or of the number: "thousands of people marched")."""
        if noun.lemma_.lower() in self.lex.containers:
            inner = _of_object(noun)
            return self.noun_subject(inner) if inner is not None else None
        found = self.lookup(noun)
        if found is None or found not in self.lex.persons:
            return found
        return self._event(noun) or (self._event(core) if core is not None else None) or found

    def _event(self, noun: Token) -> str | None:
        """ "12 soldiers were killed", "people killed in …" -> the verb's subject."""
        verbs = [noun.head] if noun.dep_ in _ARGUMENT_DEPS else []
        verbs += [c for c in noun.children if c.dep_ in _CLAUSE_MODIFIERS]
        for verb in verbs:
            found = self.lex.events.get(verb.lemma_.lower())
            if found is not None:
                return found
        return None

    def _from_verb(self, core: Token) -> str | None:
        """A bare number: "killing 12", "the toll rose to 45", "a toll of 45"."""
        governor = core.head.head if core.dep_ == "pobj" else core.head
        if core.dep_ == "pobj" and governor.pos_ in _NOUNISH and core.head.lower_ == "of":
            return self.noun_subject(governor)
        if core.dep_ in _ARGUMENT_DEPS | {"pobj", "attr"}:
            found = self.lex.events.get(governor.lemma_.lower())
            if found is not None:
                return found
        counts_subject = governor.lemma_.lower() in self.lex.quantity_verbs
        for child in governor.children:
            if child.i == core.i or child.dep_ not in _ARGUMENT_DEPS:
                continue
            if counts_subject or child.lemma_.lower() in self.lex.containers:
                found = self.noun_subject(child)  # "put the number of soldiers at 55,000"
                if found is not None:
                    return found
        return None


def core_token(amount: Amount) -> Token:
    """The number token that attaches the amount to the sentence."""
    numbers = [t for t in amount.span if t.like_num or t.pos_ == "NUM"] or [amount.span[-1]]
    head = numbers[0]
    while head.head.i != head.i and head.head in numbers:
        head = head.head
    return head


def _next(token: Token, skip_hyphen: bool = False) -> Token | None:
    """The token after the number's own phrase ("2 million" -> after "million")."""
    doc = token.doc
    i = token.i + 1
    while i < len(doc) and (
        (doc[i].head.i == token.i and doc[i].dep_ in {"quantmod", "compound"})
        or doc[i].like_num
        or (skip_hyphen and doc[i].text == "-")
    ):
        i += 1
    return doc[i] if i < len(doc) else None


def _counted_noun(core: Token) -> Token | None:
    """The noun the number counts: its head ("100,000 troops") or its of-object
    ("thousands of protesters", "100,000 of its troops")."""
    if core.dep_ in _MODIFIER_DEPS and core.head.pos_ in _NOUNISH and core.head.i > core.i:
        noun = core.head
        while noun.dep_ == "compound" and noun.head.i > noun.i:  # "312 ceasefire violations"
            noun = noun.head
        return noun
    return _of_object(core)


def _of_object(token: Token) -> Token | None:
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def _is_year(token: Token) -> bool:
    """A bare four-digit number that reads as a year."""
    text = token.text
    return len(text) == 4 and text.isdigit() and 1800 <= int(text) <= 2100
