"""Resolve each actor phrase to country, sector and name; the core of ``flashpoint_actors``.

Phrases are resolved in text order, each one bottom-up: the pieces that modify a noun
("Russian", "Kremlin", "in Donetsk") are resolved first and lend it their country; the
phrase's own words give its sector ("troops" -> MIL) and, with the article's date, the
office holder a title names ("the Russian foreign minister" -> Sergei Lavrov). What is
still unknown is looked for in earlier mentions (``flashpoint.actors.coref``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Span

from flashpoint.actors.coref import Coreference
from flashpoint.actors.kb import Entry, KnowledgeBase, Office, surname_key
from flashpoint.actors.matchers import ActorMatchers
from flashpoint.actors.mentions import LEFT_DEPS, PLACE_KINDS, Anchor, Mention, find_anchors
from flashpoint.actors.records import Actor, Antecedent

#: How sure each way of resolving is; a later stage can filter on it.
CONFIDENCE = {
    "kb": 0.95,
    "office": 0.9,
    "pattern": 0.85,
    "coref": 0.7,
    "pronoun": 0.6,
    "surname_country": 0.6,
    "context": 0.5,
    "entity": 0.4,
}
#: Entry kinds whose country speaks for a state, so their titles name its office holders.
STATE_KINDS = frozenset({"country", "capital", "seat", "igo"})
METONYM_KINDS = frozenset({"capital", "seat"})
#: Known bodies that act within one state: in a sentence naming no place they tell which
#: country it is about ("President X" beside UNITA is Angolan).
DOMESTIC_KINDS = frozenset({"armed_group", "party", "legislature"})


class Resolver:
    """Turns one parsed doc into its Actors."""

    def __init__(self, kb: KnowledgeBase, matchers: ActorMatchers) -> None:
        self.kb = kb
        self.lexicon = kb.lexicon
        self.matchers = matchers

    def __call__(self, doc: Doc, day: date | None) -> list[Actor]:
        anchors, names = find_anchors(doc, self.matchers)
        coref = Coreference(doc, self.lexicon, self._places(names), self._bodies(names))
        actors: list[Actor] = []
        for anchor in anchors:
            if anchor.attached:
                continue
            for mention in self._phrase(anchor, day, coref):
                if _worth_emitting(mention):
                    actors.append(_to_actor(doc, mention, coref.sentence(mention.start)))
                coref.add(mention)
        return sorted(actors, key=lambda a: (a.char_start, a.char_end))

    def _places(self, names: list[Anchor]) -> Iterator[tuple[int, str, bool]]:
        """Where each country (name or adjective), city or region is named, for actors
        placed by context; and whether it is a country word modifying another noun
        ("Chinese vessels"), which does not place the source of a report."""
        for anchor in names:
            if not anchor.excluded:
                entry = self.kb.entry(anchor.aliases[0].kb_id)
                if entry.kind in PLACE_KINDS and entry.country:
                    yield anchor.root.i, entry.country, self._modifies_other(anchor)

    def _bodies(self, names: list[Anchor]) -> Iterator[tuple[int, str]]:
        """Where a known body acting within one state is named ("demands from UNITA"):
        it places actors of a sentence that names no place."""
        for anchor in names:
            entry = self.kb.entry(anchor.aliases[0].kb_id)
            if entry.kind in DOMESTIC_KINDS and entry.country and self._is_state(entry.country):
                yield anchor.root.i, entry.country

    def _is_state(self, code: str) -> bool:
        rows = self.kb.entries.get(code)
        return rows is not None and rows[0].kind == "country"

    def _modifies_other(self, anchor: Anchor) -> bool:
        """ "Chinese" in "Chinese vessels" (not in "the Georgian capital", "the Iraqi town
        of X": those still name a place)."""
        root = anchor.root
        head = root.head
        return (
            root.dep_ in LEFT_DEPS
            and head.pos_ == "NOUN"
            and head.lower_ not in self.lexicon.place_nouns
            and head.lemma_.lower() not in _PLACE_HEADS
        )

    # -- one phrase -------------------------------------------------------------------

    def _phrase(self, anchor: Anchor, day: date | None, coref: Coreference) -> list[Mention]:
        """The mentions of the phrase rooted at ``anchor``: one, or one per country of
        coordinated modifiers ("US and UK officials")."""
        kids = [(self._phrase(child, day, coref)[0], rel) for child, rel in anchor.children]
        mention = self._own(anchor, day, coref)
        if mention.anchor.kind == "pronoun":
            return [mention]
        named = _appositive_person(kids)
        if named is not None and mention.person and anchor.kind == "head":
            kids = [(mention, "left"), *kids]
            mention = replace(named, anchor=anchor)
        elif named is not None and not mention.person:
            mention.appositive = named
        mention.start, mention.end = _extent(anchor, kids)
        if anchor.kind == "entity" and anchor.span[-1].pos_ == "ADP":
            # "Bank of" + "China": a known place cut the entity's name short.
            mention.name = anchor.span.doc[anchor.span.start : mention.end].text
        countries = self._borrow(mention, kids, day)
        self._fallbacks(mention, coref, any(k.resolved_by == "context" for k, _ in kids))
        return [mention] + [
            replace(mention, country=country, start=start)
            for country, start in countries
            if country != mention.country
        ]

    def _own(self, anchor: Anchor, day: date | None, coref: Coreference) -> Mention:
        """What the anchor says by itself."""
        if anchor.kind == "kb":
            return self._known(anchor, day)
        if anchor.kind == "pronoun":
            return coref.pronoun(anchor)
        mention = Mention(anchor, anchor.span.start, anchor.span.end)
        root = anchor.root
        mention.plural = root.tag_ in ("NNS", "NNPS")
        mention.words = _content_words(anchor.span)
        if anchor.head is not None:
            mention.sector = anchor.head.sector
            mention.person = anchor.head.person
            mention.nouns = frozenset({root.lower_, root.lemma_.lower()})
        if anchor.kind == "entity":
            mention.name = anchor.span.text
            mention.person = anchor.span.label_ == "PERSON" or mention.person
            mention.mention_kind, mention.resolved_by = "name", "entity"
        return mention

    def _known(self, anchor: Anchor, day: date | None) -> Mention:
        """A name from the knowledge base, as it stood on ``day``."""
        entry = self.kb.entry(anchor.aliases[0].kb_id, day)
        mention = Mention(
            anchor,
            anchor.span.start,
            anchor.span.end,
            country=entry.country,
            country_kind=entry.kind,
            sector=entry.sector,
            name=entry.name,
            kb_id=entry.kb_id,
            person=entry.kind == "person",
            gender=entry.gender,
            plural=anchor.root.tag_ in ("NNS", "NNPS"),
            nouns=frozenset(entry.nouns) | self._name_nouns(entry),
            words=_content_words(anchor.span),
            mention_kind=_kind_of_name(anchor.span, entry),
            resolved_by="kb",
        )
        if mention.person:
            mention.country, mention.sector = self._person_state(entry, day, ())
        elif anchor.excluded and entry.kind == "country":
            # "ethnic Albanians": people of that ethnicity, wherever they live.
            mention.country, mention.sector, mention.resolved_by = None, "CVL", "pattern"
        return mention

    def _name_nouns(self, entry: Entry) -> frozenset[str]:
        """The lexicon head noun an organisation's name ends with ("Philippine Coast Guard"
        -> "coast guard"), so "the coast guard" can refer back to it."""
        if entry.kind == "person" or entry.kind in PLACE_KINDS:
            return frozenset()
        words = entry.name.lower().split()
        tails = (" ".join(words[-n:]) for n in (2, 1) if len(words) > n)
        found = next((tail for tail in tails if tail in self.lexicon.heads), None)
        return frozenset() if found is None else frozenset({found})

    def _person_state(
        self, entry: Entry, day: date | None, roles: tuple[str, ...]
    ) -> tuple[str | None, str | None]:
        """Country and sector of a person on ``day``: from the office held then (the one a
        title names, if several), ELI once out of office, else the person's own row."""
        offices = self.kb.offices_of(entry.kb_id)
        if day is None:
            held = [o for o in offices if o.roles.intersection(roles)]
        else:
            held = [o for o in offices if o.active_on(day)]
        if held:
            office = _pick_office(held, roles)
            return office.country, office.sector
        left = [o for o in offices if day is not None and o.end is not None and o.end <= day]
        if any(o.sector == entry.sector for o in left):
            return entry.country, "ELI"
        return entry.country, entry.sector

    # -- what the modifiers add ---------------------------------------------------------

    def _borrow(
        self, mention: Mention, kids: list[tuple[Mention, str]], day: date | None
    ) -> list[tuple[str, int]]:
        """Fill country, sector and name from the modifiers; return the countries of
        coordinated modifiers ("US and UK officials"), each with where its mention starts.
        Modifiers before the head ("Russian troops") outrank prepositional phrases
        ("troops in Donetsk")."""
        before = [k for k, rel in kids if rel in ("left", "appos") and _lends_country(k)]
        after = [k for k, rel in kids if rel == "pp" and _lends_country(k)]
        lenders = before or after
        if mention.country is None and lenders:
            mention.country, mention.country_kind = lenders[0].country, lenders[0].country_kind
            if mention.resolved_by != "kb":
                mention.resolved_by = "pattern"
        self._sector(mention, kids)
        self._office(mention, day)
        countries = {k.country: k.start for k in reversed(lenders)}
        if mention.country not in countries or len(countries) < 2:
            return []
        return sorted(countries.items(), key=lambda item: item[1])  # type: ignore[arg-type]

    def _sector(self, mention: Mention, kids: list[tuple[Mention, str]]) -> None:
        """Overriding modifiers ("former", "rebel") win; a generic head ("officials") takes
        the sector of a modifier or of a known organisation modifying it."""
        override = self._override(mention)
        known = mention.person and mention.kb_id is not None and mention.sector is not None
        if override is not None or known:
            mention.sector = override or mention.sector
            return
        # One generic word: "security chief" is COP whoever it serves, "chief" is not.
        generic = (
            mention.anchor.head is not None
            and len(mention.anchor.span) == 1
            and mention.anchor.root.lemma_.lower() in self.lexicon.generic_heads
        )
        if mention.sector is None or generic:
            modifiers = (self.lexicon.modifiers.get(w) for w in _left_words(mention))
            modifier = next((sector for sector in modifiers if sector), None)
            lenders = sorted(kids, key=lambda kid: not _affiliation(*kid))
            lent = next(
                (k.sector for k, rel in lenders if k.sector and _lends_sector(k, rel)), None
            )
            mention.sector = modifier or lent or mention.sector
        if mention.sector is None and _people_noun(mention.anchor):
            mention.sector = "CVL"  # "Palestinians", "Iraqi Kurds", "a Palestinian"

    def _override(self, mention: Mention) -> str | None:
        """The sector of an overriding modifier ("former", "rebel") before the head."""
        found = (self.lexicon.overriding_modifiers.get(w) for w in _left_words(mention))
        return next((sector for sector in found if sector), None)

    def _office(self, mention: Mention, day: date | None) -> None:
        """A title plus a country and a date names a person: "the Russian foreign minister"
        in 2022 is Sergei Lavrov; "President Biden" is found by title and surname."""
        words = _phrase_words(mention)
        roles = self.lexicon.roles_for(words, mention.country)
        if not roles or self._override(mention) is not None:
            return
        if mention.kb_id is not None and mention.person:
            entry = self.kb.entry(mention.kb_id, day)
            mention.country, mention.sector = self._person_state(entry, day, roles)
            return
        if day is None or mention.kb_id is not None or mention.sector in _NOT_OFFICE_SECTORS:
            return
        holder = self._holder(mention, roles, day)
        if holder is not None:
            person = self.kb.entry(holder.kb_id, day)
            mention.name, mention.kb_id, mention.gender = person.name, person.kb_id, person.gender
            mention.country, mention.sector = holder.country, holder.sector
            mention.person, mention.resolved_by = True, "office"

    def _holder(self, mention: Mention, roles: tuple[str, ...], day: date) -> Office | None:
        if mention.anchor.kind == "entity":
            # "President Biden": a named person; only a holder of that name will do.
            prefixes = self.lexicon.name_prefixes
            people = {
                kb_id
                for word in mention.anchor.span.text.split()
                for kb_id in self.kb.by_name_token.get(surname_key(word, prefixes), ())
            }
            holders = self.kb.holders(roles, day, mention.country, people)
        elif mention.country_kind in STATE_KINDS:
            holders = self.kb.holders(roles, day, mention.country)
        else:
            return None
        return holders[0] if len({h.kb_id for h in holders}) == 1 else None

    # -- what earlier mentions add ------------------------------------------------------

    def _placed_by_context(self, mention: Mention) -> bool:
        """Rebels, protesters, titled officials ("President Prosper Avril") and named
        bodies ("the Homeland Union") with no nationality in their phrase belong to the
        country the sentence names."""
        domestic = mention.sector in self.lexicon.domestic_sectors
        # "The Federal Minister for Interior X": a title with the name as its apposition.
        named = mention.anchor.kind == "entity" or (mention.person and mention.name is not None)
        return domestic or (named and mention.sector is not None)

    def _fallbacks(self, mention: Mention, coref: Coreference, placed_kid: bool) -> None:
        """Surnames and "the ministry" look back in the text; a titled person takes the
        country of the people who share the surname; rebels, protesters and the like
        without a country take the nearest place named in their sentence (so does a
        phrase with such a piece: "the government of President Prosper Avril")."""
        if mention.person and mention.anchor.kind in ("entity", "kb"):
            coref.surname(mention)
        titled = mention.sector is not None or _heads_a_government(mention.anchor)
        if mention.country is None and titled and mention.anchor.span.label_ == "PERSON":
            # "President Bush": every Bush we know is American.
            mention.country = self.kb.surname_country(mention.anchor.span.text)
            mention.resolved_by = "surname_country" if mention.country else mention.resolved_by
        elif mention.country is None and _common_noun_phrase(mention.anchor):
            coref.definite(mention)
        if mention.country is None and (placed_kid or self._placed_by_context(mention)):
            place = coref.nearest_place(mention, own_places=_reports(mention))
            if place is not None:
                mention.country, mention.resolved_by = place, "context"
        if mention.country is None and mention.anchor.kind == "head":
            # "a regional peacekeeping force", "a human rights group": international.
            mention.country = self.lexicon.international_heads.get(mention.anchor.span.text.lower())


_MODIFIER_DEPS = frozenset(
    LEFT_DEPS | {"nummod", "quantmod", "det", "punct", "predet", "cc", "conj"}
)
_GOVERNMENTS = frozenset({"administration", "government", "cabinet", "regime"})
_REPORT_VERBS = frozenset({"say", "tell", "add", "state", "report", "announce", "confirm"})
#: Common nouns for places that a country word can modify and still name a place.
_PLACE_HEADS = frozenset(
    {
        "capital",
        "town",
        "village",
        "city",
        "border",
        "coast",
        "soil",
        "territory",
        "side",
        "port",
        "island",
        "camp",
        "area",
        "north",
        "south",
        "east",
        "west",
    }
)
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
_GROUP_SECTORS = frozenset({"REB", "OPP"})
#: Sectors whose titles do not name a state's office holder ("rebel leader", "ex-president").
_NOT_OFFICE_SECTORS = frozenset({"ELI", "REB", "OPP", "CRM", "UAF"})


def _reports(mention: Mention) -> bool:
    """A named person who is the source of a report ("…, according to Rear Admiral X",
    "General X said"): the nationality of whoever the report is about does not place them."""
    if not mention.person or mention.anchor.kind != "entity":
        return False
    root = mention.anchor.root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according":
        return True
    return root.dep_ == "nsubj" and head.lemma_.lower() in _REPORT_VERBS


def _heads_a_government(anchor: Anchor) -> bool:
    """The leader's name in "the Bush administration", "the Putin government"."""
    root = anchor.root
    return root.dep_ in ("compound", "poss") and root.head.lemma_.lower() in _GOVERNMENTS


def _people_noun(anchor: Anchor) -> bool:
    """A nationality or group noun heading its own phrase names people: "more than 100
    Palestinians", "Iraqi Kurds", "a Palestinian" (not "Palestinian" modifying a noun)."""
    root = anchor.root
    if anchor.span.label_ != "NORP" or root.pos_ not in ("NOUN", "PROPN") or anchor.excluded:
        return False
    if root.dep_ in LEFT_DEPS:
        return False
    if root.tag_ in ("NNS", "NNPS"):
        return True
    return any(c.dep_ == "det" and c.lower_ in ("a", "an", "one") for c in root.children)


def _common_noun_phrase(anchor: Anchor) -> bool:
    """A head noun ("the ministry"), or an entity of lower-case words that the NER took
    for a name ("the coast guard")."""
    if anchor.kind == "head":
        return True
    return anchor.kind == "entity" and anchor.head is not None and anchor.span.text.islower()


def _lends_country(kid: Mention) -> bool:
    """ "Russian-backed" and "pro-Russian" name a sponsor or a stance, not a country; a
    title placed only by the nearest country in the sentence ("according to Rear Admiral
    X" after "Chinese vessels") lends nothing: its phrase is placed as a whole."""
    return kid.country is not None and not kid.anchor.excluded and kid.resolved_by != "context"


def _affiliation(kid: Mention, relation: str) -> bool:
    """ "X, the coast guard's spokesperson": an appositive tied to a known body says more
    about a person than a rank before the name ("Rear Admiral")."""
    return relation == "appos" and kid.country is not None and kid.resolved_by != "context"


def _lends_sector(kid: Mention, relation: str) -> bool:
    """Known organisations lend their sector ("Hamas fighters", "leaders of Hamas"), so
    do titles ("President Elias Hrawi") and a rebel or opposition group after "of"
    ("leaders of the opposition"); a body noun before the head does not ("government
    forces" are MIL)."""
    if kid.anchor.kind == "kb" or (kid.anchor.kind in ("head", "entity") and kid.person):
        return True  # a known body, or a title ("President", "Rear Admiral")
    if kid.kb_id is not None and not kid.person and kid.antecedent is not None:
        return True  # "the coast guard's spokesperson", the coast guard named before
    return relation == "pp" and kid.sector in _GROUP_SECTORS


def _pick_office(offices: list[Office], roles: tuple[str, ...]) -> Office:
    """The office a title names, else the most recently taken one."""
    named = [o for o in offices if o.roles.intersection(roles)]
    pool = named or offices
    return max(pool, key=lambda o: o.start or date.min)


def _appositive_person(kids: list[tuple[Mention, str]]) -> Mention | None:
    """ "The main spokesman for the ministry, Igor Konashenkov": the named person is the
    actor and the noun phrase before it its title (the parser may hang the name on
    "ministry", so a name found further down is carried up)."""
    direct = (k for k, rel in kids if k.person and k.name and _set_off(k, rel))
    carried = (k.appositive for k, _ in kids if k.appositive is not None)
    return next(direct, None) or next(carried, None)


def _set_off(kid: Mention, relation: str) -> bool:
    """An apposition, or a name after a comma that the parser hung elsewhere."""
    span = kid.anchor.span
    return relation == "appos" or (span.start > 0 and span.doc[span.start - 1].text == ",")


def _extent(anchor: Anchor, kids: list[tuple[Mention, str]]) -> tuple[int, int]:
    """The phrase's tokens: its pieces, plus the modifiers before its head ("senior")
    but not a determiner, a possessive pronoun or a clause ("Russia annexed")."""
    pieces = [(anchor.span.start, anchor.span.end)] + [
        (k.start, k.end) for k, _ in kids if k.anchor.kind != "pronoun"
    ]
    start, end = min(s for s, _ in pieces), max(e for _, e in pieces)
    left = anchor.span.start
    for child in reversed(list(anchor.root.lefts)):
        if child.dep_ not in _MODIFIER_DEPS or any(t.dep_ in _SUBJECTS for t in child.subtree):
            break
        left = child.left_edge.i
    doc = anchor.span.doc
    while left < start and doc[left].pos_ in ("DET", "PRON", "PUNCT", "ADP", "CCONJ"):
        left += 1
    return min(start, left), end


def _content_words(span: Span) -> frozenset[str]:
    return frozenset(
        t.norm_ for t in span if t.pos_ in ("NOUN", "PROPN", "ADJ") and not t.ent_kb_id_
    )


def _left_words(mention: Mention) -> list[str]:
    """Lower-case words before the head, nearest first (where modifiers stand)."""
    doc, root = mention.anchor.span.doc, mention.anchor.root
    return [doc[i].lower_ for i in range(root.i - 1, mention.start - 1, -1)]


def _phrase_words(mention: Mention) -> frozenset[str]:
    doc = mention.anchor.span.doc
    return frozenset(t.lower_ for t in doc[mention.start : mention.end])


def _kind_of_name(span: Span, entry: Entry) -> str:
    if entry.kind in METONYM_KINDS:
        return "metonym"
    if entry.kind == "person" and len(span) == 1 and span.text != entry.name:
        return "surname"
    return "name"


def _worth_emitting(mention: Mention) -> bool:
    """Known, placed or sector-bearing actors, and named people and organisations; a
    pronoun only when its antecedent was found."""
    if mention.anchor.kind == "pronoun":
        return mention.antecedent is not None
    label = mention.anchor.span.label_
    return bool(mention.country or mention.sector or mention.kb_id or label in ("PERSON", "ORG"))


def _to_actor(doc: Doc, mention: Mention, sentence_index: int) -> Actor:
    span = doc[mention.start : mention.end]
    earlier = (
        None
        if mention.antecedent is None
        else doc[mention.antecedent.start : mention.antecedent.end]
    )
    return Actor(
        text=span.text,
        country=mention.country,
        sector=mention.sector,
        name=mention.name,
        kb_id=mention.kb_id,
        char_start=span.start_char,
        char_end=span.end_char,
        sentence_index=sentence_index,
        mention_kind=mention.mention_kind,
        confidence=CONFIDENCE[mention.resolved_by],
        resolved_by=mention.resolved_by,
        antecedent=None
        if earlier is None
        else Antecedent(earlier.text, earlier.start_char, earlier.end_char),
    )
