"""flashpoint_actor_ruler: known actors get the right entity labels before the NER runs."""

from __future__ import annotations

import pytest
from spacy.language import Language


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("Lawmakers in the Duma voted on Tuesday.", "Duma", "ORG"),
        ("Officials in Kiev rejected the offer.", "Kiev", "GPE"),
        ("Fighting resumed in the Donbass region overnight.", "Donbass region", "LOC"),
        ("The Kremlin denied the report.", "Kremlin", "ORG"),
        ("Russian diplomats left.", "Russian", "NORP"),
    ],
)
def test_known_names_get_their_label(nlp: Language, text: str, name: str, label: str) -> None:
    doc = nlp(text)
    assert (name, label) in {(e.text, e.label_) for e in doc.ents}


def test_ner_still_labels_the_rest(nlp: Language) -> None:
    doc = nlp("Kremlin aide Boris Ivanovich Smirnov met reporters in Kiev on Monday.")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels["Kremlin"] == "ORG"
    assert labels["Kiev"] == "GPE"
    assert labels.get("Monday") == "DATE"
    assert any(label == "PERSON" and "Smirnov" in text for text, label in labels.items())


def test_ruler_sits_before_ner(nlp: Language) -> None:
    names = nlp.pipe_names
    assert names.index("flashpoint_actor_ruler") < names.index("ner")
    assert names[-1] == "flashpoint_actors"
