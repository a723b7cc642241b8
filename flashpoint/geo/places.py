"""Place mentions of a Doc, each resolved to one gazetteer place.

A mention is a GPE/LOC/FAC entity (the actor ruler has already made known places entities)
that the gazetteer knows. Ambiguous names are settled by the article's country focus: the
countries of its actors, of its unambiguous places and of its nationality words, and of its
dateline ("Paris" in an article about Texas is Paris, Texas). An explicit qualifier
("Paris, Texas", "Tripoli, Lebanon") outweighs the focus.
"""

from __future__ import annotations

import csv
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span

from flashpoint.geo.gazetteer import ADMIN1, COUNTRY, Candidate, Gazetteer, Place, fold
from flashpoint.geo.lexicon import GeoLexicon

#: Weights of the disambiguation score (see docs/geo.md): a qualifier beats everything,
#: then the article's focus, then the name being the place's own, then size.
QUALIFIER_WEIGHT = 2.0
FOCUS_WEIGHT = 1.0
PRIMARY_WEIGHT = 0.1
COUNTRY_WEIGHT = 0.25
POPULATION_WEIGHT = 0.2  # per power of ten
#: Focus votes saturate here: two solid hints are full focus, and one weak hint alone (an
#: actor's country) cannot overrule a much bigger namesake.
FOCUS_CAP = 2.0
#: Focus votes: an unambiguous place, a nationality word on a place noun ("the Bosnian
#: town") 1, the dateline 2; an actor's country only 0.25, as the actor may be foreign to
#: the place ("Russian forces shelled Donetsk").
PLACE_VOTE = 1.0
NATIONALITY_VOTE = 1.0
ACTOR_VOTE = 0.25
DATELINE_VOTE = 2.0


#: An actor mention as (country, char_start, char_end).
ActorSpan = tuple[str | None, int, int]


@dataclass(frozen=True, slots=True)
class Mention:
    """A place named in the text: token span, what it may refer to, and whether a region
    noun next to it asks for the admin1 region ("the Donetsk region")."""

    start: int
    end: int
    char_start: int
    char_end: int
    candidates: tuple[Candidate, ...]
    region: str | None = None
    qualifier: tuple[Candidate, ...] = ()


@dataclass(frozen=True, slots=True)
class Resolved:
    """The place a mention (or the dateline) refers to and how sure the choice is."""

    place: Place
    certainty: float


@lru_cache(maxsize=1)
def nationality_words() -> dict[str, str]:
    """Folded adjective/demonym -> alpha-3 code, from the actors stage's country table."""
    table = resources.files("flashpoint.actors") / "data" / "countries.csv"
    words: dict[str, str] = {}
    for row in csv.DictReader(table.read_text(encoding="utf-8").splitlines()):
        for word in (*row["adjectives"].split("|"), *row["demonyms"].split("|")):
            if word:
                words.setdefault(fold(word), row["code"])
    return words


def _region_noun(doc: Doc, i: int, lexicon: GeoLexicon) -> str | None:
    if 0 <= i < len(doc) and doc[i].lower_ in lexicon.region_nouns:
        return doc[i].lower_
    return None


def _mention(ent: Span, gaz: Gazetteer, lexicon: GeoLexicon) -> Mention | None:
    """The entity as a place mention, trimming a trailing region noun ("Herat Province")."""
    doc, start, end = ent.doc, ent.start, ent.end
    region = _region_noun(doc, end, lexicon)
    if region is None and start >= 2 and doc[start - 1].lower_ == "of":
        region = _region_noun(doc, start - 2, lexicon)
    candidates = gaz.lookup(ent.text)
    last = _region_noun(doc, end - 1, lexicon) if end - start > 1 else None
    if not candidates and last:
        candidates, region, end = gaz.lookup(doc[start : end - 1].text), last, end - 1
    if not candidates:
        return None
    return Mention(start, end, ent.start_char, doc[end - 1].idx + len(doc[end - 1]),
                   tuple(candidates), region)  # fmt: skip


def _may_be_place(ent: Span, lexicon: GeoLexicon) -> bool:
    """A place label, or another label in a locative phrase ("in Mzuzu" tagged PRODUCT)."""
    if ent.label_ in lexicon.place_labels:
        return True
    root = ent.root
    return (
        ent.label_ in lexicon.locative_only_labels
        and root.dep_ == "pobj"
        and root.head.lower_ in lexicon.locative_prepositions
    )


def find_mentions(doc: Doc, gaz: Gazetteer, lexicon: GeoLexicon) -> list[Mention]:
    """Place mentions in text order; "Paris, Texas" is one mention qualified by Texas."""
    found = [
        m
        for ent in doc.ents
        if _may_be_place(ent, lexicon)
        for m in [_mention(ent, gaz, lexicon)]
        if m is not None
    ]
    mentions: list[Mention] = []
    skip = -1
    for i, mention in enumerate(found):
        if i == skip:
            continue
        after = found[i + 1] if i + 1 < len(found) else None
        if (
            after is not None
            and after.start == mention.end + 1
            and doc[mention.end].text == ","
            and any(c.place.kind in (ADMIN1, COUNTRY) for c in after.candidates)
            and mention.candidates[0].place.kind not in (ADMIN1, COUNTRY)
        ):
            qualifier = tuple(c for c in after.candidates if c.place.kind in (ADMIN1, COUNTRY))
            mention = Mention(mention.start, mention.end, mention.char_start, mention.char_end,
                              mention.candidates, mention.region, qualifier)  # fmt: skip
            skip = i + 1
        mentions.append(mention)
    return mentions


def _names_place(ent: Span, lexicon: GeoLexicon) -> bool:
    """A nationality word on a place noun ("the Bosnian town"), not on an actor."""
    head = ent.root
    while head.dep_ == "amod" and head.head != head:
        head = head.head
    return head != ent.root and head.lemma_.lower() in lexicon.place_nouns


def focus(
    doc: Doc, mentions: list[Mention], actors: Iterable[ActorSpan], gaz: Gazetteer,
    lexicon: GeoLexicon, dateline: Resolved | None = None,
) -> dict[str, float]:  # fmt: skip
    """Country votes of the whole article (only codes the gazetteer has as countries). An
    actor that contains a place mention does not vote: its country came from that place."""
    votes: dict[str, float] = defaultdict(float)
    for code, start, end in actors:
        holds_place = any(start <= m.char_start and m.char_end <= end for m in mentions)
        if gaz.country(code) and not holds_place:
            votes[str(code)] += ACTOR_VOTE
    for mention in mentions:
        countries = {c.place.country for c in mention.candidates}
        if len(countries) == 1:
            votes[countries.pop()] += PLACE_VOTE
    words = nationality_words()
    for ent in doc.ents:
        if ent.label_ == "NORP" and fold(ent.text) in words and _names_place(ent, lexicon):
            votes[words[fold(ent.text)]] += NATIONALITY_VOTE
    if dateline is not None:
        votes[dateline.place.country] += DATELINE_VOTE
    return votes


def _qualified(place: Place, qualifier: tuple[Candidate, ...]) -> bool:
    return any(
        q.place.country == place.country
        and (q.place.kind == COUNTRY or q.place.admin1 == place.admin1)
        for q in qualifier
    )


def resolve(
    candidates: Iterable[Candidate],
    votes: Mapping[str, float],
    qualifier: tuple[Candidate, ...] = (),
) -> Resolved:
    """The best-scoring candidate; certainty 1 when all candidates share a country, else
    0.6 plus the winning margin (at most 1)."""

    def score(c: Candidate) -> float:
        place = c.place
        return (
            QUALIFIER_WEIGHT * _qualified(place, qualifier)
            + FOCUS_WEIGHT * min(votes.get(place.country, 0.0), FOCUS_CAP) / FOCUS_CAP
            + PRIMARY_WEIGHT * c.primary
            + COUNTRY_WEIGHT * (place.kind == COUNTRY)
            + POPULATION_WEIGHT * math.log10(place.population + 1)
        )

    ranked = sorted(candidates, key=score, reverse=True)
    best = ranked[0]
    rivals = [c for c in ranked[1:] if c.place.country != best.place.country]
    if not rivals:
        return Resolved(best.place, 1.0)
    return Resolved(best.place, round(min(1.0, 0.6 + score(best) - score(rivals[0])), 3))


def resolve_mention(mention: Mention, votes: Mapping[str, float], gaz: Gazetteer) -> Resolved:
    """The mention's place, raised to its admin1 region when a region noun asks for it
    ("the Herat province" -> "Herat Province", admin1)."""
    resolved = resolve(mention.candidates, votes, mention.qualifier)
    if mention.region and resolved.place.kind not in (ADMIN1, COUNTRY):
        name = f"{resolved.place.name} {mention.region.title()}"
        region = gaz.region_of(resolved.place, name)
        if region is not None:
            return Resolved(region, resolved.certainty)
    return resolved
