"""The packaged lexicon and ontologies as data: coverage, validation, user overrides."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language

from flashpoint.coding import EventCoder
from flashpoint.coding.lexicon import load_lexicon, read_file
from flashpoint.coding.ontology import CAMEO_TABLE, cameo_codes, plover_types, quad_class
from flashpoint.coding.records import Event
from flashpoint.errors import FlashpointError

Find = Callable[..., list[Event]]


def test_every_plover_type_has_verbal_and_nominal_triggers() -> None:
    lexicon = load_lexicon()
    assert {t.event_type for t in lexicon} == set(plover_types())
    assert {t.event_type for t in lexicon if t.anchor == "nouns"} >= {
        "CONSULT",
        "ASSAULT",
        "RETREAT",
        "SANCTION",
    }
    assert len(lexicon) > 250


def test_quad_class_follows_the_gdelt_convention() -> None:
    expected = {"01": 1, "05": 1, "06": 2, "09": 2, "10": 3, "14": 3, "15": 4, "20": 4}
    assert {root: quad_class(root) for root in expected} == expected
    table = cameo_codes()
    assert table["163"].goldstein == -8.0 and table["163"].quad_class == 4
    assert table["0874"].root == "08" and table["106"].name == "Demand withdrawal"


def test_packaged_cameo_table_is_not_a_copy_of_the_reference(shared_dir: Path) -> None:
    reference = shared_dir / "reference" / "cameo_event_codes.csv"
    assert CAMEO_TABLE.read_bytes() != reference.read_bytes()
    with reference.open(encoding="utf-8") as handle:
        codes = {
            row["code"]
            for row in csv.DictReader(line for line in handle if not line.startswith("#"))
        }
    assert set(cameo_codes()) == codes


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "mine.yaml"
    path.write_text(body, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("triggers: [{id: x, verbs: [bomb], event_type: BOMBARD}]", "unknown PLOVER type"),
        (
            "triggers: [{id: x, verbs: [bomb], event_type: ASSAULT, cameo: '999'}]",
            "unknown CAMEO code",
        ),
        (
            "triggers: [{id: x, verbs: [bomb], event_type: ASSAULT, mode: visit}]",
            "is not a ASSAULT mode",
        ),
        ("triggers: [{id: x, verbs: [bomb], event_type: ASSAULT, colour: red}]", "unknown keys"),
        ("triggers: [{id: x, event_type: ASSAULT}]", "needs an id"),
        (
            "triggers: [{id: x, verbs: [bomb], event_type: ASSAULT, target: [behind]}]",
            "unknown role",
        ),
        ("triggers: {id: x}", "E041"),
        ("triggers: [unclosed", "E041"),
    ],
)
def test_bad_user_lexicons_get_clear_errors(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(FlashpointError, match=message):
        load_lexicon([_write(tmp_path, body)])


def test_yaml_prepositions_stay_words(tmp_path: Path) -> None:
    [trigger], _ = read_file(
        _write(tmp_path, "triggers: [{id: x, verbs: [fire], prep: [on, off], event_type: ASSAULT}]")
    )
    assert trigger.prep == ("on", "off")


def test_user_lexicon_overrides_removes_and_adds(tmp_path: Path, nlp: Language, find: Find) -> None:
    path = _write(
        tmp_path,
        """
event_type: COERCE
remove: [protest.demonstrate]
triggers:
  - {id: assault.ram, verbs: [ram], cameo: "170", mode: restrict, target: [obj]}
  - {id: mine.shadow, verbs: [shadow, tail], cameo: "191", mode: restrict, target: [obj]}
""",
    )
    coder = EventCoder(nlp, "mine", [path])

    def run(text: str) -> list[Event]:
        return coder(nlp(text))._.events  # type: ignore[no-any-return]

    assert find(
        run("A Chinese ship rammed a Philippine boat."), event_type="COERCE", pattern="assault.ram"
    )
    assert find(
        run("A Chinese ship tailed a Philippine boat."), event_type="COERCE", cameo_code="191"
    )
    assert not find(run("Thousands of Serbs demonstrated in Belgrade."), event_type="PROTEST")
    assert find(nlp("Thousands of Serbs demonstrated in Belgrade.")._.events, event_type="PROTEST")


def test_factory_config_takes_extra_lexicons(tmp_path: Path) -> None:
    from flashpoint.nlp.model import load_model

    path = _write(
        tmp_path,
        "triggers: [{id: mine.parley, verbs: [parley], event_type: CONSULT, cameo: '040'}]",
    )
    nlp = load_model()
    coder = nlp.add_pipe("flashpoint_events", config={"extra_lexicons": [str(path)]})
    assert any(t.id == "mine.parley" for t in coder.triggers)
