"""Numbers as written: figures, words, scales, Indian grouping, ranges, vague amounts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flashpoint.claims.lexicon import load_claim_lexicon
from flashpoint.claims.numbers import parse_number

LEX = load_claim_lexicon()


@pytest.mark.parametrize(
    ("words", "value"),
    [
        (["130,000"], 130_000),
        (["1,00,000"], 100_000),
        (["1.5", "million"], 1_500_000),
        (["2.5bn"], 2_500_000_000),
        (["two"], 2),
        (["a", "dozen"], 12),
        (["two", "dozen"], 24),
        (["twenty", "-", "five"], 25),
        (["three", "hundred"], 300),
        (["two", "hundred", "thousand"], 200_000),
        (["half", "a", "million"], 500_000),
        (["3", "lakh"], 300_000),
        (["one", "million", "two", "hundred", "thousand"], 1_200_000),
    ],
)
def test_parse_number(words: list[str], value: float) -> None:
    assert parse_number(words, LEX) == value


@pytest.mark.parametrize("words", [["first"], ["many"], ["12abc"], []])
def test_not_numbers(words: list[str]) -> None:
    assert parse_number(words, LEX) is None


@given(st.integers(min_value=0, max_value=10**12))
def test_grouped_figures_round_trip(n: int) -> None:
    assert parse_number([f"{n:,}"], LEX) == n


@given(st.integers(min_value=1, max_value=999), st.sampled_from(["thousand", "million"]))
def test_figure_with_scale_word(n: int, scale: str) -> None:
    assert parse_number([str(n), scale], LEX) == n * LEX.scales[scale]


@pytest.mark.parametrize(
    ("text", "low", "high", "qualifier"),
    [
        ("between 30 and 40 people were killed", 30, 40, "between"),
        ("30 to 40 people were killed", 30, 40, "between"),
        ("30-40 people were killed", 30, 40, "between"),
        ("between 1 and 2 million people fled", 1_000_000, 2_000_000, "between"),
        ("more than 100,000 troops", 100_000, None, "more than"),
        ("up to 70 people died", None, 70, "up to"),
        ("no more than 300 fighters", None, 300, "up to"),
        ("some 250 tanks", 250, 250, "about"),
        ("dozens of rockets", 24, 99, "dozens"),
        ("tens of thousands of refugees", 20_000, 99_999, "tens of thousands"),
    ],
)
def test_amounts_in_text(
    parse,
    text: str,
    low: float | None,
    high: float | None,  # type: ignore[no-untyped-def]
    qualifier: str,
) -> None:
    [claim] = parse(text)._.claims
    assert (claim.value_low, claim.value_high, claim.qualifier) == (low, high, qualifier)
