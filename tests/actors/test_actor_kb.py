"""The packaged knowledge base: coverage and internal consistency of the data files."""

from __future__ import annotations

from datetime import date

import pycountry
import pytest

from flashpoint.actors import load_knowledge_base
from flashpoint.actors.kb import plural


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base()


def test_every_iso_country_is_known(kb) -> None:
    codes = {c.alpha_3 for c in pycountry.countries}
    missing = {code for code in codes if code not in kb.entries}
    assert not missing


@pytest.mark.parametrize(
    ("text", "code", "label"),
    [
        ("Russian", "RUS", "NORP"),
        ("Ukrainian", "UKR", "NORP"),
        ("British", "GBR", "NORP"),
        ("Britain", "GBR", "GPE"),
        ("Emirati", "ARE", "NORP"),
        ("Filipino", "PHL", "NORP"),
        ("Philippine", "PHL", "NORP"),
        ("Chinese", "CHN", "NORP"),
        ("American", "USA", "NORP"),
        ("U.S.", "USA", "GPE"),
        ("Ivory Coast", "CIV", "GPE"),
        ("Burma", "MMR", "GPE"),
        ("Bosnian Serbs", "BIH", "NORP"),
    ],
)
def test_country_names_and_adjectives(kb, text: str, code: str, label: str) -> None:
    (alias,) = kb.candidates(text)
    assert (alias.kb_id, alias.label) == (code, label)


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        ("Kremlin", "RUS", "GOV"),
        ("Kiev", "UKR", "GOV"),
        ("Kyiv", "UKR", "GOV"),
        ("White House", "USA", "GOV"),
        ("Pentagon", "USA", "GOV"),
        ("Zhongnanhai", "CHN", "GOV"),
        ("Malacañang", "PHL", "GOV"),
        ("Duma", "RUS", "LEG"),
        ("Verkhovna Rada", "UKR", "LEG"),
        ("Knesset", "ISR", "LEG"),
        ("National People's Congress", "CHN", "LEG"),
        ("People's Liberation Army", "CHN", "MIL"),
        ("China Coast Guard", "CHN", "COP"),
        ("US Coast Guard", "USA", "MIL"),
        ("Hezbollah", "LBN", "REB"),
        ("Houthis", "YEM", "REB"),
        ("Donetsk People's Republic", "UKR", "REB"),
        ("Wagner Group", "RUS", "PRM"),
        ("NATO", "NATO", None),
        ("UN Security Council", "UN", None),
        ("al-Qaeda", "IMG", "REB"),
    ],
)
def test_known_actors(kb, text: str, country: str, sector: str | None) -> None:
    entry = kb.entry(kb.candidates(text)[0].kb_id)
    assert (entry.country, entry.sector) == (country, sector)


def test_rows_that_change_over_time(kb) -> None:
    taliban = kb.candidates("Taliban")[0].kb_id
    assert kb.entry(taliban, date(2019, 1, 1)).sector == "REB"
    assert kb.entry(taliban, date(2022, 1, 1)).sector == "GOV"


def test_offices_name_known_people_with_ordered_dates(kb) -> None:
    for kb_id, offices in kb.offices.items():
        assert kb.entries[kb_id][0].kind == "person", kb_id
        for office in offices:
            assert office.start is None or office.end is None or office.start < office.end


def test_one_holder_per_role_and_day(kb) -> None:
    """Two people in the same office on the same day is a data error (a title would then
    name nobody)."""
    days = [date(year, month, 15) for year in range(2015, 2026) for month in (1, 4, 7, 10)]
    for day in days:
        seen: dict[tuple[str, str], str] = {}
        for office in kb.holders(_ROLES, day):
            for role in office.roles & set(_ROLES):
                key = (office.country, role)
                assert seen.setdefault(key, office.kb_id) == office.kb_id, (key, day)


_ROLES = (
    "president", "prime_minister", "foreign_minister", "defence_minister", "monarch",
    "spokesperson", "military_chief", "org_head",
)  # fmt: skip


def test_sectors_are_plover_codes(kb) -> None:
    sectors = set(kb.lexicon.sectors)
    assert {"GOV", "MIL", "LEG", "JUD", "COP", "REB", "CVL"} <= sectors
    used = {row.sector for rows in kb.entries.values() for row in rows} - {None}
    used |= {head.sector for head in kb.lexicon.heads.values()}
    assert used <= sectors


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("troop", "troops"),
        ("army", "armies"),
        ("spokesman", "spokesmen"),
        ("member of parliament", "members of parliament"),
        ("armed forces", "armed forces"),
        ("police chief", "police chiefs"),
    ],
)
def test_plural(word: str, expected: str) -> None:
    assert plural(word) == expected
