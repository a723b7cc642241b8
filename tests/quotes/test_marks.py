"""Quotation marks found on raw text."""

from __future__ import annotations

import pytest

from flashpoint.quotes.marks import find_quotations


def spans(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotations(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We will win,” she said.", ["“We will win,”"]),
        ('"We will win," she said.', ['"We will win,"']),
        ("''We will win,'' she said.", ["''We will win,''"]),
        ("„Wir gewinnen“ and «nous gagnons»", ["„Wir gewinnen“", "«nous gagnons»"]),
        ("'We will win,' she said.", ["'We will win,'"]),
        (
            "“He told me \u2018never,\u2019 twice,” she said.",
            ["“He told me \u2018never,\u2019 twice,”"],
        ),
        (
            '"The question: “Is it over?” Nobody knows."',
            ['"The question: “Is it over?” Nobody knows."'],
        ),
        ("The soldiers' families and the 'peace' plan's critics.", []),
    ],
)
def test_quotation_spans(text: str, expected: list[str]) -> None:
    assert spans(text) == expected


def test_a_quotation_reopened_in_the_next_paragraph_continues() -> None:
    text = "“First paragraph.\n\n“Second paragraph,” she said."
    [quote] = find_quotations(text)
    assert text[quote.start : quote.end] == text[: text.index(",”") + 2]
    assert quote.closed


def test_an_unclosed_quotation_ends_with_its_paragraph() -> None:
    text = "“Never closed here.\n\nA new paragraph."
    [quote] = find_quotations(text)
    assert text[quote.start : quote.end] == "“Never closed here."
    assert not quote.closed
    assert quote.inner_end == quote.end


def test_inner_end_skips_a_two_character_mark() -> None:
    text = "''Yes,'' he said."
    [quote] = find_quotations(text)
    assert text[quote.inner_end - 1] == ","
