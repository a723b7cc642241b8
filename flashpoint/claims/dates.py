"""A claim's as_of date: the article date, unless the claim's clause names a day.

Only days are resolved ("on Monday", "yesterday", "February 14", "14 Feb 2022"); a bare
year or month is too coarse to date a count, so the article date stands.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Token

from flashpoint.claims.lexicon import ClaimLexicon

_WORD = re.compile(r"[a-z]+|\d+")


def resolve_day(text: str, published: date, lex: ClaimLexicon) -> date | None:
    """The calendar day a date expression names, relative to the article date."""
    words = _WORD.findall(text.lower())
    for word in words:
        if word in lex.relative_days:
            return published + timedelta(days=lex.relative_days[word])
    months = [lex.months[w] for w in words if w in lex.months]
    numbers = [int(w) for w in words if w.isdigit()]
    days = [n for n in numbers if 1 <= n <= 31]
    years = [n for n in numbers if n > 31]
    if months and days:
        year = years[0] if years else published.year
        try:
            found = date(year, months[0], days[0])
        except ValueError:
            return None
        if not years and found > published:
            found = found.replace(year=year - 1)
        return found
    weekdays = [lex.weekdays[w] for w in words if w in lex.weekdays]
    if weekdays and not months:
        return published - timedelta(days=(published.weekday() - weekdays[0]) % 7)
    return None


def clause_date(anchor: Token, published: date | None, lex: ClaimLexicon) -> date | None:
    """The day named by a DATE entity in the number's clause, else the article date."""
    if published is None:
        return None
    clause = _clause_verb(anchor)
    for ent in anchor.sent.ents:
        before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
        if ent.label_ != "DATE" or before in lex.not_as_of:
            continue
        if _clause_verb(ent.root) == clause:
            found = resolve_day(ent.text, published, lex)
            if found is not None:
                return found
    return published


def _clause_verb(token: Token) -> int:
    """Index of the nearest verb at or above the token (the clause it belongs to)."""
    while token.pos_ not in {"VERB", "AUX"} and token.head.i != token.i:
        token = token.head
    return token.i
