"""Find the pieces of actor mentions in a parsed doc and join them into noun phrases.

An *anchor* is one piece: a known name ("Kremlin"), another named entity ("Igor Ivanov"),
a head noun from the lexicon ("spokesman", "troops") or a third-person pronoun. The
dependency parse then attaches each anchor to the anchor it modifies, so "Kremlin
spokesman Dmitry Peskov" becomes one tree rooted at "Peskov" and "separatists in the
Donetsk region" one tree rooted at "separatists".
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from flashpoint.actors.kb import Alias, Entry, Head, KnowledgeBase, Lexicon
from flashpoint.actors.matchers import ActorMatchers
from flashpoint.actors.ruler import SPANS_KEY

#: Parts of speech a modifier can climb through on its way to the noun it modifies.
NOUNS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
#: Unknown named entities that can be actors on their own.
ENTITY_LABELS = frozenset({"PERSON", "ORG", "NORP"})
#: Dependencies by which a word modifies the noun to its right ("Russian troops").
LEFT_DEPS = frozenset({"compound", "amod", "nmod", "poss", "npadvmod"})
#: Knowledge-base kinds that are places; a place inside a larger proper name ("Minsk
#: Agreements", "Moscow State University") is not an actor.
PLACE_KINDS = frozenset({"country", "capital", "city", "region"})
#: Places inside a country other than its capital: they can tell a US state "Georgia" from
#: the country.
_LOCAL_KINDS = frozenset({"city", "region"})


@dataclass(eq=False)
class Anchor:
    """One piece of an actor mention, with the pieces attached to it."""

    span: Span
    kind: str  # "kb" | "entity" | "head" | "pronoun"
    aliases: tuple[Alias, ...] = ()
    head: Head | None = None
    excluded: bool = False  # a sponsor or stance ("Russian-backed", "pro-Russian")
    place: bool = False  # a country (name or adjective), city or region
    children: list[tuple[Anchor, str]] = field(default_factory=list)
    attached: bool = False

    @property
    def root(self) -> Token:
        return self.span.root


def find_anchors(doc: Doc, matchers: ActorMatchers) -> tuple[list[Anchor], list[Anchor]]:
    """All anchors of ``doc`` in text order, non-overlapping, attached into trees; and
    the known names, including those inside other names ("Kenya" in "Kenya Airways"),
    which still tell which country a sentence is about."""
    kb = matchers.kb
    anchors = _pieces(doc, matchers)
    _disambiguate([a for a in anchors if a.kind == "kb"], kb)
    for anchor in anchors:
        anchor.excluded = _is_sponsor_or_stance(anchor, kb.lexicon)
    names = [a for a in anchors if a.kind == "kb"]
    owner = _owners(anchors)
    anchors = [a for a in anchors if not _inside_other_name(a, kb, owner)]
    owner = _owners(anchors)
    for anchor in anchors:
        found = _governor(anchor, owner, kb.lexicon)
        if found is not None:
            parent, relation = found
            parent.children.append((anchor, relation))
            anchor.attached = True
    return anchors, names


def _pieces(doc: Doc, matchers: ActorMatchers) -> list[Anchor]:
    """Known names first, then other entities, head nouns and pronouns where no earlier
    piece is; a head noun inside an unknown entity ("Union" in "the Homeland Union")
    gives that entity its sector."""
    kb = matchers.kb
    known = doc.spans[SPANS_KEY] if SPANS_KEY in doc.spans else matchers.alias_spans(doc)
    anchors = [_other_bearer(a, kb) or a for a in (_known(span, kb) for span in known)]
    taken = _tokens(anchors)
    entities = [
        a
        for e in doc.ents
        if e.label_ in ENTITY_LABELS
        and (a := _entity(e)) is not None
        and not taken.intersection(range(a.span.start, a.span.end))
    ]
    taken |= _tokens(entities)
    for span in matchers.head_spans(doc):
        head = kb.heads[span.label_]
        inside = next((a for a in entities if a.span.start <= span.start < a.span.end), None)
        if inside is not None:
            inside.head = inside.head or head
        elif not taken.intersection(range(span.start, span.end)):
            anchors.append(Anchor(span, "head", head=head))
    anchors += entities
    taken = _tokens(anchors)
    pronouns = [i for i in matchers.pronoun_tokens(doc) if i not in taken]
    anchors += [Anchor(doc[i : i + 1], "pronoun") for i in pronouns]
    return sorted(anchors, key=lambda a: a.span.start)


def _disambiguate(known: list[Anchor], kb: KnowledgeBase) -> None:
    """A name of several actors ("Tripoli", "Georgia", "Congo") takes the one whose
    country another, unambiguous name shares: in its sentence first, then in the doc
    ("Tripoli" beside "Lebanese" is the Lebanese city); else the first listed. A place
    inside a country takes over a country's name only beside another place inside that
    country ("Atlanta" makes "Georgia" the US state; "Washington" does not)."""
    if all(len(a.aliases) == 1 for a in known):
        return
    named = [
        (a.span.sent.start, entry.country, entry.kind in _LOCAL_KINDS)
        for a in known
        if len(a.aliases) == 1 and (entry := kb.entry(a.aliases[0].kb_id)).country
    ]
    for anchor in (a for a in known if len(a.aliases) > 1):
        entries = [kb.entry(alias.kb_id) for alias in anchor.aliases]
        rivals_a_country = any(e.kind == "country" for e in entries)
        here = anchor.span.sent.start
        for scope in (here, None):
            found = {(country, local) for start, country, local in named if scope in (None, start)}
            chosen = next(
                (
                    alias
                    for alias, e in zip(anchor.aliases, entries, strict=True)
                    if _supported(e, found, rivals_a_country)
                ),
                None,
            )
            if chosen is not None:
                anchor.aliases = (chosen, *(a for a in anchor.aliases if a != chosen))
                anchor.place = kb.entry(chosen.kb_id).kind in PLACE_KINDS
                break


def _supported(entry: Entry, found: set[tuple[str, bool]], rivals_a_country: bool) -> bool:
    """Another name shares the entry's country: any name, or for a place rivalling a
    country's name, a city or region."""
    if (entry.country, True) in found:
        return True
    return (entry.country, False) in found and (entry.kind == "country" or not rivals_a_country)


def _owners(anchors: list[Anchor]) -> dict[int, Anchor]:
    """Token index -> the anchor it belongs to."""
    return {i: a for a in anchors for i in range(a.span.start, a.span.end)}


def _tokens(anchors: list[Anchor]) -> set[int]:
    return {i for a in anchors for i in range(a.span.start, a.span.end)}


def _known(span: Span, kb: KnowledgeBase) -> Anchor:
    aliases = kb.candidates(span.text)
    place = kb.entry(aliases[0].kb_id).kind in PLACE_KINDS
    return Anchor(span, "kb", aliases=aliases, place=place)


def _other_bearer(anchor: Anchor, kb: KnowledgeBase) -> Anchor | None:
    """ "Luis Rubio" is not Marco Rubio: a known surname after a first name that starts
    with another letter than every first name we know for that person is someone else
    ("Volodímir Zelenski" is still Volodymyr Zelensky)."""
    span = anchor.span
    if len(span) != 1 or span.label_ != "PERSON" or span.start == 0:
        return None
    first = span.doc[span.start - 1]
    if first.pos_ != "PROPN" or first.dep_ != "compound" or first.head.i != span.start:
        return None
    if first.lower_ in kb.lexicon.heads or first.ent_type_ not in ("", "PERSON"):
        return None  # "President Mugabe", "Kremlin Peskov": a title, not a first name
    entry = kb.entry(anchor.aliases[0].kb_id)
    initials = {_initial(name) for name in (entry.name, *entry.aliases) if " " in name}
    if not initials or _initial(first.text) in initials:
        return None
    return Anchor(Span(span.doc, first.i, span.end, label="PERSON"), "entity")


def _initial(name: str) -> str:
    return unicodedata.normalize("NFKD", name)[:1].lower()


def _entity(ent: Span) -> Anchor | None:
    """An unknown entity without a leading "the" or trailing punctuation."""
    start, end = ent.start, ent.end
    while start < end and ent.doc[start].pos_ in ("DET", "PUNCT"):
        start += 1
    while end > start and (ent.doc[end - 1].pos_ == "PUNCT" or ent.doc[end - 1].tag_ == "POS"):
        end -= 1  # and a possessive: "the coast guard's"
    if start == end:
        return None
    return Anchor(Span(ent.doc, start, end, label=ent.label_), "entity")


def _inside_other_name(anchor: Anchor, kb: KnowledgeBase, owner: dict[int, Anchor]) -> bool:
    """ "Minsk" in "the Minsk Agreements" names a treaty, not Belarus ("West Darfur State"
    is still a place, and "Zambia" in "the Zambia Revenue Authority" modifies the actor
    noun that ends the name)."""
    if not anchor.place or anchor.aliases[0].label == "NORP":
        return False
    root = anchor.root
    if root.dep_ != "compound" or root.head.pos_ != "PROPN":
        return False
    if root.head.i in owner or root.head.lower_ in kb.lexicon.place_nouns:
        return False
    end = root.head
    while end.dep_ == "compound" and end.head.pos_ == "PROPN" and end.head.i > end.i:
        end = end.head
    return end.i not in owner or owner[end.i].kind != "head"


def _is_sponsor_or_stance(anchor: Anchor, lexicon: Lexicon) -> bool:
    """ "Russian-backed" and "pro-Russian" say who supports an actor, and "ethnic Albanians"
    an ethnicity: none of them says which state the actor belongs to."""
    doc, start, end = anchor.span.doc, anchor.span.start, anchor.span.end
    sponsor = (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and doc[end + 1].lower_ in lexicon.sponsor_suffixes
    )
    stance = (
        start >= 2
        and doc[start - 1].text == "-"
        and doc[start - 2].lower_ in (lexicon.stance_prefixes)
    )
    ethnic = start >= 1 and doc[start - 1].lower_ in lexicon.ethnic_markers
    return bool(sponsor or stance or ethnic)


def _sibling(anchor: Anchor, head: Token, owner: dict[int, Anchor]) -> Anchor | None:
    """ "Israeli army bulldozers": "Israeli" and "army" both modify "bulldozers", which is no
    actor; the country word then belongs to the actor noun standing between them."""
    if not anchor.place or head.i < anchor.span.end:
        return None
    between = (owner.get(i) for i in range(anchor.span.end, head.i))
    return next((a for a in between if a is not None and a.kind in ("head", "entity")), None)


def _governor(
    anchor: Anchor, owner: dict[int, Anchor], lexicon: Lexicon
) -> tuple[Anchor, str] | None:
    """The anchor this one modifies, and how: "left" (a modifier before the noun), "pp" (in
    a prepositional phrase such as "of Ukraine") or "appos" (", Igor Konashenkov")."""
    shared = _shared_modifier(anchor, owner)
    if shared is not None:
        return shared, "left"
    token = start = anchor.root
    passed = 0  # nouns passed that are not actors: "the Donetsk region" passes one
    while True:
        dep = token.dep_
        if token.i != start.i and token.pos_ not in NOUNS and dep not in LEFT_DEPS | {"conj"}:
            return None  # only noun phrases carry a modifier up: not "independent from X"
        if token.i != start.i:
            passed += 1
            if passed > 1 or not anchor.place:
                # "separatists in the Donetsk region" are placed by Donetsk, but "an
                # advocate for rights in Burma" is not from Burma, and the Security
                # Council in "a member of the Security Council" is an actor of its own.
                return None
        if dep == "conj" and token.head.dep_ in LEFT_DEPS:
            # "Hungarian and Romanian officials": both adjectives modify "officials".
            token = token.head
            continue
        if dep in LEFT_DEPS:
            relation, token = "left", token.head
        elif dep == "appos":
            relation, token = "appos", token.head
        elif (
            dep == "pobj"
            and token.head.dep_ == "prep"
            and token.head.lower_ in (lexicon.country_preps)
        ):
            relation, token = "pp", token.head.head
        else:
            return None
        found = owner.get(token.i) or _sibling(anchor, token, owner)
        if found is not None and found is not anchor:
            return found, relation


def _shared_modifier(anchor: Anchor, owner: dict[int, Anchor]) -> Anchor | None:
    """ "Sierra Leonean and Liberian refugees" parsed as "Sierra Leonean" with "refugees" as
    its conjunct: a nationality word joined by "and" to another one that modifies a head
    noun modifies that noun too."""
    root = anchor.root
    if anchor.span.label_ != "NORP" or not anchor.place or root.dep_ in LEFT_DEPS:
        return None
    for conj in (child for child in root.children if child.dep_ == "conj"):
        head = owner.get(conj.i)
        if head is None or head.kind != "head":
            continue
        between = root.doc[anchor.span.end : head.span.start]
        others = [owner.get(t.i) for t in between if t.dep_ not in ("cc", "punct")]
        if (
            any(t.dep_ == "cc" for t in between)
            and others
            and all(a is not None and a.place and a.span.label_ == "NORP" for a in others)
        ):
            return head
    return None


@dataclass(eq=False)
class Mention:
    """A resolved phrase while the doc is being processed; becomes an Actor."""

    anchor: Anchor
    start: int
    end: int
    country: str | None = None
    country_kind: str | None = None  # entry kind that gave the country ("country", "seat"…)
    sector: str | None = None
    name: str | None = None
    kb_id: str | None = None
    person: bool = False
    gender: str | None = None
    plural: bool = False
    nouns: frozenset[str] = frozenset()  # common nouns that can refer back to it
    words: frozenset[str] = frozenset()  # its content words, for "the ministry" matching
    mention_kind: str = "nominal"
    resolved_by: str = "pattern"
    antecedent: Mention | None = None
    appositive: Mention | None = None  # a named person in apposition further down
