"""Rule-based in-document coreference for actors.

Three look-backs, each over the mentions already resolved in the doc:

- a surname after a full name ("Peskov" after "Dmitry Peskov");
- a definite noun phrase to the nearest mention it can name: "the alliance" to NATO (whose
  row lists "alliance" among its nouns), "the ministry" to "the Russian Defense Ministry";
- a third-person pronoun to the nearest compatible mention in its own or the previous
  sentence: he/she to a person of that gender (or unknown), they to a plural phrase, it to
  an organisation, place or state.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Token

from flashpoint.actors.kb import Lexicon
from flashpoint.actors.mentions import Anchor, Mention

#: Fields a coreferent mention copies from its antecedent.
COPIED = ("country", "country_kind", "name", "kb_id", "person", "gender")


class Coreference:
    """The mentions seen so far in one doc, and the look-backs over them."""

    def __init__(
        self,
        doc: Doc,
        lexicon: Lexicon,
        places: Iterable[tuple[int, str, bool]],
        bodies: Iterable[tuple[int, str]] = (),
    ) -> None:
        self.lexicon = lexicon
        self.sentence_starts = [sent.start for sent in doc.sents]
        self.places = list(places)
        self.bodies = list(bodies)
        self.seen: list[Mention] = []

    def add(self, mention: Mention) -> None:
        self.seen.append(mention)

    def sentence(self, token_index: int) -> int:
        return bisect_right(self.sentence_starts, token_index) - 1

    # -- surnames -----------------------------------------------------------------------

    def surname(self, mention: Mention) -> None:
        """Link a one-word name to the earlier full name it shortens; an unknown person
        takes that person's country, sector and name."""
        words = mention.anchor.span.text.split()
        if len(words) != 1:
            return
        earlier = next(
            (m for m in self._before(mention.start) if _shortens(words[0], mention, m)), None
        )
        if earlier is None:
            return
        mention.antecedent, mention.mention_kind = earlier, "surname"
        if mention.kb_id is None:
            _copy(earlier, mention, sector=True)
            mention.resolved_by = "coref"

    # -- definite noun phrases ------------------------------------------------------------

    def definite(self, mention: Mention) -> None:
        """ "The ministry", "the alliance": the nearest earlier mention with a country that
        the head noun can name and whose words include this phrase's other words."""
        root = mention.anchor.root
        if not any(child.dep_ == "det" and child.lower_ == "the" for child in root.children):
            return
        head = {root.lower_, root.lemma_.lower(), root.norm_}
        rest = mention.words - head
        earlier = next((m for m in self._before(mention.start) if _can_name(head, rest, m)), None)
        if earlier is not None:
            _copy(earlier, mention, sector=mention.sector is None)
            mention.antecedent, mention.resolved_by = earlier, "coref"

    # -- pronouns -----------------------------------------------------------------------

    def pronoun(self, anchor: Anchor) -> Mention:
        """A pronoun mention, resolved when a compatible antecedent is near enough."""
        token = anchor.root
        mention = Mention(
            anchor, token.i, token.i + 1, mention_kind="pronoun", resolved_by="pronoun"
        )
        if self._pleonastic(token):
            return mention
        kind = self.lexicon.pronouns[token.lower_]
        earlier = next((m for m in self._pronoun_candidates(token) if _agrees(m, kind)), None)
        if earlier is not None:
            _copy(earlier, mention, sector=True)
            mention.plural = earlier.plural
            mention.antecedent = earlier
        return mention

    def _pleonastic(self, token: Token) -> bool:
        """ "It is clear that…": "it" stands for no one."""
        if token.lower_ != "it":
            return False
        return token.dep_ == "expl" or token.head.lemma_.lower() in self.lexicon.pleonastic_verbs

    def _pronoun_candidates(self, token: Token) -> Iterator[Mention]:
        """Same sentence, nearest first; then the previous sentence, first mention first
        (usually its subject)."""
        here = self.sentence(token.i)
        informative = [m for m in self.seen if m.end <= token.i and (m.country or m.name)]
        yield from (m for m in reversed(informative) if self.sentence(m.start) == here)
        yield from (m for m in informative if self.sentence(m.start) == here - 1)

    # -- places -------------------------------------------------------------------------

    def nearest_place(self, mention: Mention, *, own_places: bool = False) -> str | None:
        """Country of the place named nearest to the mention in its sentence; with
        ``own_places``, not counting country words that modify another noun ("Chinese
        vessels"). A sentence naming no place may still name a body acting within one
        state ("demands from UNITA")."""
        root = mention.anchor.root.i
        here = self.sentence(root)
        near = [
            (abs(i - root), country)
            for i, country, modifier in self.places
            if self.sentence(i) == here and not (own_places and modifier)
        ] or [(abs(i - root), country) for i, country in self.bodies if self.sentence(i) == here]
        return min(near)[1] if near else None

    def _before(self, start: int) -> Iterator[Mention]:
        """Mentions ending before ``start``, nearest first."""
        return (m for m in reversed(self.seen) if m.end <= start)


def _agrees(mention: Mention, kind: str) -> bool:
    """Gender, number and animacy agreement between a pronoun and a mention."""
    if mention.anchor.kind == "pronoun" and mention.antecedent is None:
        return False
    if kind == "plural":
        return mention.plural
    if mention.plural:
        return False
    if kind == "neuter":
        return not mention.person
    unwanted = "f" if kind == "male" else "m"
    return mention.person and mention.gender != unwanted


def _text(mention: Mention) -> str:
    return mention.anchor.span.text


def _shortens(word: str, mention: Mention, earlier: Mention) -> bool:
    """Is the one-word name ``word`` a short form of the earlier, longer person mention?"""
    if not earlier.person or len(_text(earlier).split()) < 2:
        return False
    if mention.kb_id is not None:
        return earlier.kb_id == mention.kb_id
    return word in _text(earlier).split()


def _can_name(head: set[str], rest: frozenset[str], earlier: Mention) -> bool:
    """Can a definite phrase with this head noun and other words name the earlier mention?"""
    if not earlier.country:
        return False
    nouns = [noun.split() for noun in earlier.nouns]
    # "the coast guard": every word of a many-word noun is in the phrase, the last its head
    named = head & earlier.nouns or any(n[-1] in head and set(n) <= rest | head for n in nouns)
    return bool(named) and rest <= earlier.words | {word for noun in nouns for word in noun}


def _copy(source: Mention, target: Mention, *, sector: bool) -> None:
    for name in COPIED:
        setattr(target, name, getattr(source, name))
    if sector:
        target.sector = source.sector
