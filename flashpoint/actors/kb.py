"""The actor knowledge base: what flashpoint knows about countries, places, organisations,
people and their offices, and the lexicon of nouns, titles and pronouns, indexed for lookup.

``flashpoint.actors.loader`` builds it from the packaged tables in ``data/`` plus user files.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True, slots=True)
class Entry:
    """One actor (country, place, organisation or person), valid from ``start`` to ``end``.

    ``aliases`` are other names (labelled like ``name``); ``adjectives`` are NORP forms
    ("Russian", "Russians"); ``nouns`` are common nouns that can refer back to it ("alliance").
    """

    kb_id: str
    name: str
    country: str | None
    sector: str | None
    kind: str
    label: str
    aliases: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    nouns: tuple[str, ...] = ()
    gender: str | None = None
    start: date | None = None
    end: date | None = None

    def valid_on(self, day: date | None) -> bool:
        """True when the row holds on ``day`` (always, when the day is unknown)."""
        return _within(day, self.start, self.end)


@dataclass(frozen=True, slots=True)
class Office:
    """A person's office: ``roles`` are the titles it answers to ("president", "leader")."""

    kb_id: str
    country: str
    roles: frozenset[str]
    sector: str
    start: date | None
    end: date | None

    def active_on(self, day: date | None) -> bool:
        return _within(day, self.start, self.end)


@dataclass(frozen=True, slots=True)
class Alias:
    """A surface form of an entry and the entity label it gets ("Russian" is NORP)."""

    kb_id: str
    label: str


@dataclass(frozen=True, slots=True)
class Head:
    """A head noun's sector; ``person`` heads are referred back to with he/she/they. A
    noun that only refers back to a known actor ("the alliance") has no sector."""

    sector: str | None
    person: bool


@dataclass(frozen=True, slots=True)
class RoleRule:
    """A title ("minister" with "foreign") that names an office role."""

    role: str
    titles: frozenset[str]
    with_any: frozenset[str]
    countries: frozenset[str]

    def matches(self, words: frozenset[str], country: str | None) -> bool:
        return bool(
            self.titles & words
            and (not self.with_any or self.with_any & words)
            and (not self.countries or country in self.countries)
        )


@dataclass(frozen=True)
class Lexicon:
    """Nouns, modifiers, titles and pronouns compiled from lexicon.yaml."""

    sectors: Mapping[str, str]
    heads: Mapping[str, Head]
    generic_heads: frozenset[str]
    modifiers: Mapping[str, str]
    overriding_modifiers: Mapping[str, str]
    domestic_sectors: frozenset[str]
    country_preps: frozenset[str]
    sponsor_suffixes: frozenset[str]
    stance_prefixes: frozenset[str]
    ethnic_markers: frozenset[str]
    place_nouns: frozenset[str]
    roles: tuple[RoleRule, ...]
    name_suffixes: frozenset[str]
    name_prefixes: tuple[str, ...]
    pronouns: Mapping[str, str]
    pleonastic_verbs: frozenset[str]
    guarded_aliases: Mapping[str, frozenset[str]] = field(default_factory=dict)
    international_heads: Mapping[str, str] = field(default_factory=dict)
    place_prefixes: frozenset[str] = frozenset()

    def roles_for(self, words: frozenset[str], country: str | None) -> tuple[str, ...]:
        """Office roles named by the words of a phrase, most specific rule first."""
        for rule in self.roles:
            if rule.matches(words, country):
                return (rule.role,)
        return ()


@dataclass(eq=False)
class KnowledgeBase:
    """All actor knowledge, indexed for the lookups the pipeline components make."""

    entries: dict[str, tuple[Entry, ...]]
    offices: dict[str, tuple[Office, ...]]
    lexicon: Lexicon
    legacy_codes: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, tuple[Alias, ...]] = field(init=False)
    by_name_token: dict[str, tuple[str, ...]] = field(init=False)
    by_surname: dict[str, tuple[str, ...]] = field(init=False)
    heads: dict[str, Head] = field(init=False)

    def __post_init__(self) -> None:
        # Head nouns: the lexicon's, plus the nouns that refer back to known actors.
        referring = {n for rows in self.entries.values() for row in rows for n in row.nouns}
        self.heads = dict.fromkeys(referring, Head(None, person=False)) | dict(self.lexicon.heads)
        self.aliases = _alias_index(self.entries)
        self.by_name_token = _name_token_index(self.entries, self.lexicon, last_only=False)
        self.by_surname = _name_token_index(self.entries, self.lexicon, last_only=True)

    def entry(self, kb_id: str, day: date | None = None) -> Entry:
        """The row of ``kb_id`` valid on ``day``; the latest row when the day is unknown."""
        rows = self.entries[kb_id]
        valid = [row for row in rows if day is not None and row.valid_on(day)]
        return valid[0] if valid else rows[-1]

    def candidates(self, text: str) -> tuple[Alias, ...]:
        """Entries that ``text`` (a surface form, whitespace-normalised) can name."""
        return self.aliases.get(normalise(text), ())

    def surname_country(self, name: str) -> str | None:
        """The country every known person with this surname belongs to ("President Bush"
        is American whichever Bush), or None when they differ or none is known."""
        key = surname_key(name.split()[-1], self.lexicon.name_prefixes)
        countries = {self.entries[kb_id][0].country for kb_id in self.by_surname.get(key, ())}
        return countries.pop() if len(countries) == 1 else None

    def offices_of(self, kb_id: str) -> tuple[Office, ...]:
        return self.offices.get(kb_id, ())

    def holders(
        self,
        roles: Iterable[str],
        day: date,
        country: str | None = None,
        people: Iterable[str] | None = None,
    ) -> list[Office]:
        """Offices with one of ``roles`` held on ``day`` (in ``country``, by ``people``)."""
        wanted = set(roles)
        pool = self.offices.keys() if people is None else people
        return [
            office
            for kb_id in pool
            for office in self.offices.get(kb_id, ())
            if office.roles & wanted
            and office.active_on(day)
            and (country is None or office.country == country)
        ]


def normalise(text: str) -> str:
    """One space between words, so an alias matches however the article wraps it."""
    return " ".join(text.split())


def _within(day: date | None, start: date | None, end: date | None) -> bool:
    """``start`` inclusive, ``end`` exclusive; an unknown day is within every range."""
    if day is None:
        return True
    return (start is None or start <= day) and (end is None or day < end)


def _alias_index(entries: Mapping[str, tuple[Entry, ...]]) -> dict[str, tuple[Alias, ...]]:
    index: dict[str, list[Alias]] = defaultdict(list)
    for rows in entries.values():
        for row in rows:
            for text, label in _surface_forms(row):
                key = normalise(text)
                if all(alias.kb_id != row.kb_id for alias in index[key]):
                    index[key].append(Alias(row.kb_id, label))
    return {key: tuple(value) for key, value in index.items()}


def _surface_forms(row: Entry) -> Iterator[tuple[str, str]]:
    yield row.name, row.label
    for alias in row.aliases:
        yield alias, row.label
    for adjective in row.adjectives:
        yield adjective, "NORP"


def surname_key(word: str, prefixes: tuple[str, ...]) -> str:
    """ "al-Bashir", "El Bashir" and "Bashir" share the key "bashir"."""
    word = word.lower()
    prefix = next((p for p in prefixes if word.startswith(p) and len(word) > len(p)), "")
    return word[len(prefix) :]


def _name_token_index(
    entries: Mapping[str, tuple[Entry, ...]], lexicon: Lexicon, *, last_only: bool
) -> dict[str, tuple[str, ...]]:
    """Name word -> people, from every name and alias of a person: the last word (the
    surname), and with ``last_only`` False the first word too ("Premier Li")."""
    index: dict[str, set[str]] = defaultdict(set)
    for kb_id, rows in entries.items():
        if rows[0].kind != "person":
            continue
        for name in (rows[0].name, *rows[0].aliases):
            words = [w for w in name.lower().split() if w not in lexicon.name_suffixes]
            keys = words[-1:] if last_only else words[:1] + words[-1:]
            for word in keys:
                index[surname_key(word, lexicon.name_prefixes)].add(kb_id)
    return {word: tuple(sorted(ids)) for word, ids in index.items()}


# ---------------------------------------------------------------------------------------
# The lexicon


def compile_lexicon(raw: Mapping[str, Any]) -> Lexicon:
    """Turn lexicon.yaml (merged with user YAML) into lookup tables."""
    return Lexicon(
        sectors=dict(raw.get("sectors", {})),
        heads=_heads(raw.get("heads", {})),
        generic_heads=_words(raw.get("generic_heads", [])),
        modifiers=_by_word(raw.get("modifiers", {})),
        overriding_modifiers=_by_word(raw.get("overriding_modifiers", {})),
        domestic_sectors=frozenset(raw.get("domestic_sectors", [])),
        country_preps=_words(raw.get("country_preps", [])),
        sponsor_suffixes=_words(raw.get("sponsor_suffixes", [])),
        stance_prefixes=_words(raw.get("stance_prefixes", [])),
        ethnic_markers=_words(raw.get("ethnic_markers", [])),
        place_nouns=_words(raw.get("place_nouns", [])),
        roles=tuple(_role_rule(rule) for rule in raw.get("roles", [])),
        name_suffixes=_words(raw.get("name_suffixes", [])),
        name_prefixes=tuple(sorted(_words(raw.get("name_prefixes", [])), key=len, reverse=True)),
        pronouns=_by_word(raw.get("pronouns", {})),
        pleonastic_verbs=_words(raw.get("pleonastic_verbs", [])),
        place_prefixes=_words(raw.get("place_prefixes", [])),
        international_heads={
            form: code
            for code, phrases in raw.get("international_heads", {}).items()
            for phrase in phrases
            for form in (str(phrase).lower(), plural(str(phrase).lower()))
        },
        guarded_aliases={
            str(alias): _words(cues) for alias, cues in raw.get("guarded_aliases", {}).items()
        },
    )


def _words(values: Iterable[str]) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values)


def _by_word(groups: Mapping[str, Iterable[str]]) -> dict[str, str]:
    """{KEY: [words]} -> {word: KEY}."""
    return {str(word).lower(): key for key, words in groups.items() for word in words}


def _heads(raw: Mapping[str, Mapping[str, Iterable[str]]]) -> dict[str, Head]:
    heads: dict[str, Head] = {}
    for sector, groups in raw.items():
        for group, phrases in groups.items():
            for phrase in phrases:
                head = Head(sector=sector, person=group == "people")
                for form in (str(phrase).lower(), plural(str(phrase).lower())):
                    heads.setdefault(form, head)
    return heads


def plural(phrase: str) -> str:
    """The regular English plural of a head phrase ("member of parliament" -> "members of
    parliament"); irregular forms are listed in the lexicon itself."""
    words = phrase.split()
    i = words.index("of") - 1 if "of" in words[1:] else len(words) - 1
    word = words[i]
    if word.endswith("man"):
        word = word[:-3] + "men"
    elif word.endswith("y") and word[-2:-1] not in "aeiou":
        word = word[:-1] + "ies"
    elif word.endswith(("s", "x", "ch", "sh")):
        word = word if word.endswith("s") and not word.endswith("ss") else word + "es"
    else:
        word += "s"
    return " ".join([*words[:i], word, *words[i + 1 :]])


def _role_rule(raw: Mapping[str, Any]) -> RoleRule:
    return RoleRule(
        role=str(raw["role"]),
        titles=_words(raw.get("title", [])),
        with_any=_words(raw.get("with", [])),
        countries=frozenset(raw.get("countries", [])),
    )
