"""Choose where one event happened, rule by rule, first hit wins:

1. ``attachment``: a place in the object of a locative preposition on the trigger ("shelling
   in Donetsk", "talks in Geneva", "an attack on a village in Herat province"), or the
   trigger's direct object for acts done to a place ("protesters blocked Kathmandu");
2. ``clause``: the nearest place used as a location (in a locative phrase or as a noun
   modifier, not as an actor) in the trigger's own clause ("Palestinian police in Jericho
   confiscated weapons");
3. ``sentence``: the nearest place used as a location in another clause of the sentence
   ("Shevardnadze resigned as the opposition threatened to storm his residence in Tbilisi"):
   closer to the event than a dateline, which says only where the reporter was;
4. ``dateline``: the article's dateline ("KYIV, Feb 15 (Reuters) -");
5. ``actor``: the country of the event's actors (country precision), in the role order of
   the event's quad class (lexicon.yaml says why).

Places elsewhere in the article are never an event's location: they only vote on which
"Paris" is meant.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from flashpoint.coding.records import Event, Location
from flashpoint.geo.gazetteer import ADMIN1, CITY, COUNTRY, PRECISION, Gazetteer
from flashpoint.geo.lexicon import GeoLexicon
from flashpoint.geo.places import Mention, Resolved

#: Dependencies that start a clause of their own (a participle modifier "lines leading into
#: Kabul" stays in its clause).
CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "relcl", "csubj", "parataxis"})
_NOUN_LINKS = frozenset({"dobj", "pobj", "attr", "nsubj", "nsubjpass"})
_RANK = {CITY: 0, ADMIN1: 1, COUNTRY: 2}


@dataclass
class DocPlaces:
    """What the locator knows of one Doc: its place mentions, their resolutions, the
    dateline's place and the article's country votes."""

    mentions: list[Mention]
    resolved: list[Resolved]
    dateline: Resolved | None
    votes: dict[str, float]
    by_token: dict[int, int] = field(init=False)

    def __post_init__(self) -> None:
        self.by_token = {t: i for i, m in enumerate(self.mentions) for t in range(m.start, m.end)}

    def mention_at(self, token: Token) -> int | None:
        """Index of the mention covering ``token``."""
        return self.by_token.get(token.i)


def _trigger(doc: Doc, event: Event) -> Span | None:
    return doc.char_span(event.char_start, event.char_end, alignment_mode="expand")


def _heads(trigger: Span) -> list[Token]:
    """The trigger's words and, for a noun trigger, the verb it is the object or subject
    of ("launched an attack in X", "fighting erupted in X": "in X" hangs on the verb)."""
    heads = list(trigger)
    root = trigger.root
    if root.pos_ in ("NOUN", "PROPN") and root.dep_ in _NOUN_LINKS:
        head = root.head.head if root.dep_ == "pobj" else root.head
        if head.pos_ in ("VERB", "AUX"):
            heads.append(head)
    return heads


def _finest(places: DocPlaces, found: Iterable[int]) -> int | None:
    """The most precise of some mentions, the first of equals ("in East Timor's capital
    Dili" is in Dili)."""
    return min(found, key=lambda i: (_RANK[places.resolved[i].place.kind], i), default=None)


def _finest_place(places: DocPlaces, tokens: Iterator[Token]) -> int | None:
    """The most precise place in a phrase."""
    return _finest(places, {i for t in tokens if (i := places.mention_at(t)) is not None})


def _locative_phrases(token: Token, lexicon: GeoLexicon) -> Iterator[Token]:
    return (
        c for c in token.children if c.dep_ == "prep" and c.lower_ in lexicon.locative_prepositions
    )


def attached(event: Event, trigger: Span, places: DocPlaces, lexicon: GeoLexicon) -> int | None:
    """Rule 1: the finest place of a locative phrase on the trigger ("talks in Geneva") or
    on its direct object ("shelled a market in Kherson"), or the object itself when the act
    is done to a place ("blocked Tbilisi")."""
    for head in _heads(trigger):
        for prep in _locative_phrases(head, lexicon):
            found = _finest_place(places, prep.subtree)
            if found is not None:
                return found
        for obj in (c for c in head.children if c.dep_ == "dobj"):
            found = (
                places.mention_at(obj) if event.event_type in lexicon.object_place_types else None
            )
            for prep in _locative_phrases(obj, lexicon):
                found = found if found is not None else _finest_place(places, prep.subtree)
            if found is not None:
                return found
    return None


def clause_head(token: Token) -> Token:
    """The token heading the clause ``token`` is in."""
    while token.dep_ not in CLAUSE_DEPS and token.head != token:
        if token.dep_ == "conj" and token.pos_ in ("VERB", "AUX"):
            break
        token = token.head
    return token


def locative(token: Token, lexicon: GeoLexicon) -> Token | None:
    """The locative preposition a place word is under in its clause ("police in Jericho",
    "lines leading into Kabul", "in a West Bank camp"); None when the place stands for an
    actor ("Moscow accused Kyiv") or modifies one ("a U.S. soldier")."""
    while token.dep_ not in CLAUSE_DEPS and token.head != token:
        if token.dep_ == "prep" and token.lower_ in lexicon.locative_prepositions:
            return token
        token = token.head
    return None


def nearest_locative(
    trigger: Span, places: DocPlaces, lexicon: GeoLexicon, *, same_clause: bool
) -> int | None:
    """Rules 2 and 3: the finest place of the locative phrase nearest the trigger in its
    clause, or in its sentence."""
    doc = trigger.doc
    head = clause_head(trigger.root)
    sentence = trigger.sent
    phrases: dict[int, list[int]] = {}
    for i, mention in enumerate(places.mentions):
        root = doc[mention.start : mention.end].root
        if not sentence.start <= root.i < sentence.end:
            continue
        prep = locative(root, lexicon)
        if prep is None or (same_clause and clause_head(root) != head):
            continue
        phrases.setdefault(prep.i, []).append(i)
    if not phrases:
        return None
    nearest = min(phrases, key=lambda i: (abs(i - trigger.root.i), i))
    return _finest(places, phrases[nearest])


def from_actors(event: Event, gaz: Gazetteer, lexicon: GeoLexicon) -> Resolved | None:
    """Rule 4: the first actor with a country, in the quad class's role order."""
    for role in lexicon.fallback_roles.get(event.quad_class, ("source", "target")):
        for actor in getattr(event, role):
            country = gaz.country(actor.country)
            if country is not None:
                return Resolved(country, 1.0)
    return None


def _location(resolved: Resolved, rule: str, lexicon: GeoLexicon) -> Location:
    place = resolved.place
    return Location(
        name=place.name,
        country=place.country,
        admin1=place.admin1,
        lat=place.lat,
        lon=place.lon,
        geonameid=place.geonameid,
        precision=PRECISION[place.kind],
        confidence=round(lexicon.rule_confidence[rule] * resolved.certainty, 3),
    )


def locate(
    doc: Doc, event: Event, places: DocPlaces, gaz: Gazetteer, lexicon: GeoLexicon
) -> tuple[Location, str] | None:
    """The event's location and the rule that chose it (None when no rule applies)."""
    trigger = _trigger(doc, event)
    if trigger is not None:
        found, rule = attached(event, trigger, places, lexicon), "attachment"
        if found is None:
            found, rule = nearest_locative(trigger, places, lexicon, same_clause=True), "clause"
        if found is None:
            found = nearest_locative(trigger, places, lexicon, same_clause=False)
            rule = "sentence"
        if found is not None:
            return _location(places.resolved[found], rule, lexicon), rule
    if places.dateline is not None:
        return _location(places.dateline, "dateline", lexicon), "dateline"
    fallback = from_actors(event, gaz, lexicon)
    if fallback is not None:
        return _location(fallback, "actor", lexicon), "actor"
    return None


def locate_all(
    doc: Doc, events: Sequence[Event], places: DocPlaces, gaz: Gazetteer, lexicon: GeoLexicon
) -> list[str | None]:
    """Set every event's ``location``; the rule used for each (for evaluation)."""
    rules: list[str | None] = []
    for event in events:
        found = locate(doc, event, places, gaz, lexicon)
        event.location = found[0] if found else None
        rules.append(found[1] if found else None)
    return rules
