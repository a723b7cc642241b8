"""Score the claims component on the project's fixture sentences."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import yaml

FIXTURE = Path(__file__).parent / "fixtures" / "claims.yaml"
PUBLISHED = date(2025, 3, 10)
MIN_PASS_RATE = 0.9


def _expected(claim: dict[str, Any]) -> tuple[Any, ...]:
    as_of = claim.get("as_of", PUBLISHED)
    return (
        claim["subject"],
        claim["low"],
        claim["high"],
        claim["qualifier"],
        claim.get("unit", "count"),
        as_of,
    )


def _found(claim: Any) -> tuple[Any, ...]:
    return (
        claim.subject,
        claim.value_low,
        claim.value_high,
        claim.qualifier,
        claim.unit,
        claim.as_of,
    )


def _source_ok(expected: dict[str, Any], claim: Any) -> bool:
    source = claim.attributed_to
    if expected.get("source") is None:
        return source is None
    return source is not None and expected["source"].lower() in source.text.lower()


def _country_ok(expected: dict[str, Any], row: dict[str, Any]) -> bool:
    """Checked only when the actors stage ran and the fixture names a country."""
    return "country" not in expected or row["attributed_to_country"] in {None, expected["country"]}


def check(doc: Any, expected: list[dict[str, Any]]) -> str | None:
    """None when the Doc's claims are exactly the expected ones, else what differs."""
    from flashpoint.claims import claim_rows

    claims, rows = doc._.claims, claim_rows(doc)
    unmatched = list(zip(claims, rows, strict=True))
    for want in expected:
        hit = next(
            (
                c
                for c in unmatched
                if _found(c[0]) == _expected(want)
                and _source_ok(want, c[0])
                and _country_ok(want, c[1])
            ),
            None,
        )
        if hit is None:
            return f"missing {want}"
        unmatched.remove(hit)
    if unmatched:
        return "unexpected " + "; ".join(
            f"{_found(c)} source={c.attributed_to and c.attributed_to.text!r}" for c, _ in unmatched
        )
    return None


def test_fixture_has_enough_sentences() -> None:
    cases = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    assert len(cases) >= 60
    assert sum(1 for c in cases if not c["claims"]) >= 8  # dates, ages, years, labels


def test_claims_fixture_pass_rate(parse) -> None:  # type: ignore[no-untyped-def]
    cases = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    failures = []
    for case in cases:
        doc = parse(case["text"], PUBLISHED)
        problem = check(doc, case["claims"])
        if problem:
            failures.append(f"{case['text']}\n    {problem}")
    rate = 1 - len(failures) / len(cases)
    print(f"claims fixture: {rate:.1%} of {len(cases)} sentences pass")
    for failure in failures:
        print(failure)
    assert rate >= MIN_PASS_RATE
