"""Behaviour of the flashpoint_quotes component beyond the fixture: speakers resolved
through the actors stage, no attribution across paragraphs, user cue files, ids."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from flashpoint.quotes import quote_rows
from flashpoint.quotes.actor_link import ACTOR_FIELDS
from flashpoint.quotes.component import QuoteFinder

PESKOV = (
    "“We have always said that the exercises are routine,” Kremlin spokesman Dmitry Peskov "
    "told reporters. He added that the troops would return to their bases.\n\n"
    "Peskov also said that the talks would continue."
)


def test_speaker_identity_follows_pronouns_and_surnames(parse) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("flashpoint.actors")
    rows = quote_rows(parse(PESKOV))
    assert [r["speaker_text"] for r in rows] == ["Kremlin spokesman Dmitry Peskov", "He", "Peskov"]
    assert {(r["speaker_name"], r["speaker_country"], r["speaker_sector"]) for r in rows} == {
        ("Dmitry Peskov", "RUS", "GOV")
    }
    assert [r["kind"] for r in rows] == ["direct", "indirect", "indirect"]


def test_rows_carry_spans_into_the_text(parse) -> None:  # type: ignore[no-untyped-def]
    doc = parse(PESKOV)
    for row in quote_rows(doc):
        assert PESKOV[row["char_start"] : row["char_end"]].startswith(row["content"][:10])
        assert PESKOV[row["speaker_char_start"] : row["speaker_char_end"]] == row["speaker_text"]
        assert 0 < row["confidence"] <= 1
    assert {f"speaker_{f}" for f in ACTOR_FIELDS} <= set(quote_rows(doc)[0])


def test_quote_ids_are_stable_and_distinct(parse) -> None:  # type: ignore[no-untyped-def]
    first = [r["quote_id"] for r in quote_rows(parse(PESKOV))]
    again = [r["quote_id"] for r in quote_rows(parse(PESKOV))]
    assert first == again and len(set(first)) == len(first)


def test_no_attribution_across_a_paragraph_break(parse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "“We will talk,” the envoy said. The next round is planned for May.\n\n"
        "“Nothing has been agreed yet, and we remain far apart.”"
    )
    quotes = parse(text)._.quotes
    assert [q.speaker.text if q.speaker else None for q in quotes] == ["the envoy", None]


def test_a_quotation_opening_the_next_paragraph_continues_the_quote(parse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "“We will talk,” the envoy said.\n\n“Nothing has been agreed yet, and we remain far apart.”"
    )
    [quote] = parse(text)._.quotes
    assert quote.speaker is not None and quote.speaker.text == "the envoy"
    assert [p.text for p in quote.parts] == [
        "“We will talk,”",
        "“Nothing has been agreed yet, and we remain far apart.”",
    ]
    assert quote.kind == "direct"


def test_a_quotation_after_an_introduced_one_continues_it(parse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The mayor told the council: “The bridge will reopen in June.”\n\n"
        "“After that, the ferry service will be cut back to two crossings a day.”"
    )
    [quote] = parse(text)._.quotes
    assert quote.speaker is not None and quote.speaker.text == "The mayor"
    assert len(quote.parts) == 2 and quote.kind == "direct"


@pytest.mark.parametrize(
    "text",
    [
        "Peskov said the talks would go on. “We are not in a hurry, and nobody expects a deal.”",
        "Peskov said the talks would go on.\n\n“We are not in a hurry, and nobody expects a deal.”",
    ],
)
def test_a_quotation_after_an_indirect_quote_goes_on_with_it(parse, text: str) -> None:  # type: ignore[no-untyped-def]
    [quote] = parse(text)._.quotes
    assert quote.speaker is not None and quote.speaker.text == "Peskov"
    assert quote.kind == "mixed"
    assert [p.text for p in quote.parts] == [
        "the talks would go on",
        "“We are not in a hurry, and nobody expects a deal.”",
    ]


def test_an_unrelated_paragraph_stops_a_follow_on(parse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Peskov said the talks would go on. The next round is planned for May.\n\n"
        "“We are not in a hurry, and nobody expects a deal.”"
    )
    quotes = parse(text)._.quotes
    assert [(q.kind, q.speaker.text if q.speaker else None) for q in quotes] == [
        ("indirect", "Peskov"),
        ("direct", None),
    ]


def test_a_colon_ending_a_paragraph_introduces_the_next_one(parse) -> None:  # type: ignore[no-untyped-def]
    text = "The minister told parliament:\n\n“Our forces will stay where they are until spring.”"
    [quote] = parse(text)._.quotes
    assert quote.speaker is not None and quote.speaker.text == "The minister"
    assert quote.kind == "direct"


def test_scare_quotes_and_titles_are_not_quotes(parse) -> None:  # type: ignore[no-untyped-def]
    doc = parse("The “large-scale” drills continue, officials noted in the “Daily Report.”")
    assert [q.kind for q in doc._.quotes] == ["mixed"]
    assert parse("The drills, called “Allied Resolve,” ended.")._.quotes == []


def test_quotes_without_a_speaker_are_kept(parse) -> None:  # type: ignore[no-untyped-def]
    [row] = quote_rows(parse("“There will be no retreat from the northern villages this year.”"))
    assert row["speaker_text"] is None and row["kind"] == "direct"
    assert row["confidence"] < 0.6


def test_user_cue_file_adds_cues(nlp: Language, tmp_path: Path) -> None:
    text = "The general intoned that the bridge was gone."
    cues = tmp_path / "cues.yaml"
    cues.write_text("verbs: [intone]\n", encoding="utf-8")
    base = QuoteFinder(nlp, "base")
    mine = QuoteFinder(nlp, "mine", cues_paths=[cues])
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name not in {"flashpoint_quotes", "flashpoint_claims"}:
            doc = proc(doc)
    assert base(doc)._.quotes == []
    [quote] = mine(doc)._.quotes
    assert (quote.speaker.text, quote.cue.text) == ("The general", "intoned")


def test_add_cues_recompiles(nlp: Language) -> None:
    finder = QuoteFinder(nlp, "runtime")
    finder.add_cues(phrases=["in the opinion of"])
    assert "in the opinion of" in finder.lexicon.phrases
    assert any(finder.phrase_matcher(nlp.make_doc("in the opinion of the court")))


def test_a_bad_cue_file_is_a_clear_error(nlp: Language, tmp_path: Path) -> None:
    from flashpoint.errors import FlashpointError

    bad = tmp_path / "bad.yaml"
    bad.write_text("- just\n- a list\n", encoding="utf-8")
    with pytest.raises(FlashpointError, match=r"bad\.yaml"):
        QuoteFinder(nlp, "bad", cues_paths=[bad])


def test_a_name_after_a_heading_dash_introduces_a_quotation(parse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "VOTERS WANT CHANGE - Jane Smith: “Our survey finds that most voters want a change "
        "of course in Washington.”"
    )
    quotes = [q for q in parse(text)._.quotes if q.kind == "direct"]
    assert [(q.speaker.text if q.speaker else None) for q in quotes] == ["Jane Smith"]
