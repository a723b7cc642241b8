"""User files extend or override the knowledge base; malformed files get clear errors."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from flashpoint.actors import load_knowledge_base
from flashpoint.errors import FlashpointError

ENTRY_HEADER = "kb_id,name,aliases,country,sector,kind,label,nouns,gender,start,end\n"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_user_rows_add_actors(tmp_path: Path) -> None:
    extra = write(
        tmp_path,
        "mine.csv",
        ENTRY_HEADER
        + "aldoria_navy,Aldorian Navy,Royal Aldorian Navy,ALD,MIL,military,ORG,navy,,,\n",
    )
    kb = load_knowledge_base([extra])
    entry = kb.entry(kb.candidates("Royal Aldorian Navy")[0].kb_id)
    assert (entry.name, entry.country, entry.sector) == ("Aldorian Navy", "ALD", "MIL")
    assert kb.candidates("Kremlin")  # the packaged rows are still there


def test_user_rows_override_by_kb_id(tmp_path: Path) -> None:
    extra = write(tmp_path, "fix.csv", ENTRY_HEADER + "kremlin,Kremlin,,RUS,MIL,seat,ORG,,,,\n")
    kb = load_knowledge_base([extra])
    assert kb.entry("kremlin").sector == "MIL"
    assert load_knowledge_base().entry("kremlin").sector == "GOV"


def test_user_offices_and_lexicon(tmp_path: Path) -> None:
    people = write(
        tmp_path,
        "people.csv",
        ENTRY_HEADER + "ilse_varga,Ilse Varga,Varga,ALD,GOV,person,PERSON,,f,,\n",
    )
    offices = write(
        tmp_path,
        "offices.csv",
        "kb_id,country,role,sector,start,end\nilse_varga,ALD,foreign_minister,GOV,2024-01-01,\n",
    )
    lexicon = write(tmp_path, "words.yaml", "heads:\n  MIL:\n    people: [frogman]\n")
    kb = load_knowledge_base([people, offices, lexicon])
    (holder,) = kb.holders(["foreign_minister"], date(2025, 3, 3), "ALD")
    assert holder.kb_id == "ilse_varga"
    assert kb.lexicon.heads["frogmen"].sector == "MIL"
    assert kb.lexicon.heads["troops"].sector == "MIL"  # merged, not replaced


def test_petrarch_actors_dictionary(tmp_path: Path) -> None:
    extra = write(
        tmp_path,
        "phoenix.actors",
        "# a PETRARCH dictionary\n"
        "JOHN_DOE_  [ALDGOV 150101-191231]\n"
        "+DOE_\n"
        "[ALDELI >191231]\n"
        "JANE_ROE_  [BERMIL]\n",
    )
    kb = load_knowledge_base([extra])
    doe = kb.candidates("Doe")[0].kb_id
    assert kb.entry(doe).name == "John Doe"
    offices = kb.offices_of(doe)
    assert {(o.sector, o.start, o.end) for o in offices} == {
        ("GOV", date(2015, 1, 1), date(2019, 12, 31)),
        ("ELI", date(2019, 12, 31), None),
    }
    roe = kb.entry(kb.candidates("Jane Roe")[0].kb_id)
    assert (roe.country, roe.sector) == ("BER", "MIL")


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            "bad.csv",
            ENTRY_HEADER + "x,X,,ALD,GOV,org,ORG,,,2024-13-01,\n",
            r"\[E102\].*line 2.*not a date",
        ),
        ("bad.csv", ENTRY_HEADER + "x,X,,ALD,XYZ,org,ORG,,,,\n", r"\[E102\].*unknown sector 'XYZ'"),
        (
            "bad.csv",
            ENTRY_HEADER + ",X,,ALD,GOV,org,ORG,,,,\n",
            r"\[E102\].*'kb_id' column is empty",
        ),
        ("bad.csv", ENTRY_HEADER + "x,X,,ALD,GOV,org,PLACE,,,,\n", r"\[E102\].*label 'PLACE'"),
        ("bad.csv", "who,what\na,b\n", r"\[E103\].*matches no actor table"),
        ("bad.yaml", "- just\n- a list\n", r"\[E101\].*YAML mapping"),
        ("bad.yaml", "heads: [unclosed\n", r"\[E101\]"),
        ("bad.json", "{}", r"\[E101\].*unknown file type"),
        ("bad.actors", "+ORPHAN_\n", r"\[E102\].*line 1.*synonym line before any actor"),
        ("bad.actors", "JOHN_DOE_ [ALDGOV 15xx01]\n", r"\[E102\].*cannot read the dates"),
        ("bad.actors", "JOHN_DOE_\n", r"\[E102\].*has no \[CODE\]"),
    ],
)
def test_malformed_files_are_refused_clearly(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    path = write(tmp_path, name, text)
    with pytest.raises(FlashpointError, match=message) as caught:
        load_knowledge_base([path])
    assert str(path) in str(caught.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FlashpointError, match=r"\[E101\].*no such file"):
        load_knowledge_base([tmp_path / "absent.csv"])
