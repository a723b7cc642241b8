"""Properties that hold for any text: spans, codes and antecedents are well-formed."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from flashpoint.actors import load_knowledge_base

SUBJECTS = [
    "Russian troops", "The Kremlin", "Kremlin spokesman Dmitry Peskov", "He", "They",
    "Separatists in Donetsk", "The ministry", "NATO", "Protesters", "It",
    "French President Emmanuel Macron", "The Aldorian coast guard", "Officials in Kiev",
    "Former Prime Minister Tomas Berg", "Berg", "The alliance", "Hamas fighters",
]  # fmt: skip
VERBS = ["said", "warned", "accused", "met", "attacked", "thanked", "rejected"]
OBJECTS = [
    "the Ukrainian government", "reporters", "its neighbours", "Washington",
    "the US president", "ethnic Albanians", "Chinese coast guard vessels", "them",
    "the Philippine foreign secretary", "rebels near Goma",
]  # fmt: skip

sentences = st.builds(
    lambda s, v, o: f"{s} {v} {o}.",
    st.sampled_from(SUBJECTS),
    st.sampled_from(VERBS),
    st.sampled_from(OBJECTS),
)


@settings(max_examples=40, deadline=None)
@given(st.lists(sentences, min_size=1, max_size=4))
def test_actors_are_well_formed(actors, parts: list[str]) -> None:
    text = " ".join(parts)
    sectors = set(load_knowledge_base().lexicon.sectors)
    found = actors(text)
    assert [a.char_start for a in found] == sorted(a.char_start for a in found)
    for actor in found:
        assert text[actor.char_start : actor.char_end] == actor.text
        assert actor.sector is None or actor.sector in sectors
        assert actor.country is None or actor.country.isupper()
        assert 0 < actor.confidence <= 1
        assert 0 <= actor.sentence_index < len(parts)
        if actor.antecedent is not None:
            assert actor.antecedent.char_end <= actor.char_start
            assert text[actor.antecedent.char_start : actor.antecedent.char_end] == (
                actor.antecedent.text
            )
