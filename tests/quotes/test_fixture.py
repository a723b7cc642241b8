"""Score the quotes component on the project's fixture passages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

FIXTURE = Path(__file__).parent / "fixtures" / "quotes.yaml"
MIN_PASS_RATE = 0.9


def _key(speaker: str | None, content: str, kind: str) -> tuple[str | None, str, str]:
    return (speaker, content.strip(), kind)


def check(doc: Any, expected: list[dict[str, Any]]) -> str | None:
    """None when the Doc's quotes are exactly the expected ones, else what differs."""
    found = [
        _key(q.speaker.text if q.speaker is not None else None, q.content, q.kind)
        for q in doc._.quotes
    ]
    wanted = [_key(e["speaker"], e["content"], e["kind"]) for e in expected]
    missing = [w for w in wanted if w not in found]
    extra = [f for f in found if f not in wanted]
    if missing or extra:
        return f"missing {missing}; unexpected {extra}"
    return None


def test_fixture_has_enough_passages() -> None:
    cases = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    assert len(cases) >= 30
    kinds = {q["kind"] for c in cases for q in c["quotes"]}
    assert kinds == {"direct", "indirect", "mixed"}


def test_quotes_fixture_pass_rate(parse) -> None:  # type: ignore[no-untyped-def]
    cases = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    failures = []
    for case in cases:
        problem = check(parse(case["text"]), case["quotes"])
        if problem:
            failures.append(f"{case['text']!r}\n    {problem}")
    rate = 1 - len(failures) / len(cases)
    print(f"quotes fixture: {rate:.1%} of {len(cases)} passages pass")
    for failure in failures:
        print(failure)
    assert rate >= MIN_PASS_RATE
