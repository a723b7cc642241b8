"""Actor span scoring (Multi-CoPED CoNLL) and quad-class rows, on project-written data."""

from __future__ import annotations

from pathlib import Path

import pytest

from flashpoint.errors import FlashpointError
from flashpoint.eval.plover import (
    evaluate_multicoped,
    event_pipeline,
    format_report,
    main_event,
    plover_quad,
    predicted_roles,
)
from flashpoint.eval.spans import Sentence, bio_spans, char_to_tokens, read_conll, score_spans

CONLL = """Ruritanian B-S
troops I-S
shelled O
the B-T
border I-T
town I-T
. O

Ruritania B-R
and I-R
Borduria I-R
held O
talks O
. O
"""


def test_bio_spans_decode_runs_and_stray_inside_labels() -> None:
    labels = ["B-S", "I-S", "O", "I-T", "I-T", "B-T", "B-S"]
    assert bio_spans(labels) == {"S": [(0, 2), (6, 7)], "T": [(3, 5), (5, 6)]}


def test_read_conll_and_offsets(tmp_path: Path) -> None:
    path = tmp_path / "actors.conll"
    path.write_text(CONLL, encoding="utf-8")
    first, second = read_conll(path)
    assert first.text == "Ruritanian troops shelled the border town."
    assert first.spans == {"S": [(0, 2)], "T": [(3, 6)]}
    assert second.spans == {"R": [(0, 3)]}
    assert first.offsets()[1] == (11, 17)
    assert len(read_conll(path, sample=1)) == 1


def test_read_conll_rejects_a_line_without_label(tmp_path: Path) -> None:
    path = tmp_path / "bad.conll"
    path.write_text("Ruritania B-S\nshelled\n", encoding="utf-8")
    with pytest.raises(FlashpointError, match=r"E043.*line 2"):
        read_conll(path)


def test_char_spans_widen_to_whole_tokens() -> None:
    offsets = [(0, 10), (11, 17), (18, 25)]
    assert char_to_tokens(0, 16, offsets) == (0, 2)
    assert char_to_tokens(40, 41, offsets) is None


def test_score_spans_exact_and_overlap() -> None:
    pairs = [([(0, 2)], [(1, 2)]), ([(3, 6)], [(3, 6), (8, 9)]), ([(0, 1)], [])]
    table = score_spans(pairs)
    assert table["exact"]["precision"] == pytest.approx(1 / 3, abs=1e-3)
    assert table["exact"]["recall"] == pytest.approx(1 / 3, abs=1e-3)
    assert table["overlap"]["precision"] == pytest.approx(2 / 3, abs=1e-3)
    assert table["overlap"]["recall"] == pytest.approx(2 / 3, abs=1e-3)
    assert (table["overlap"]["predicted"], table["overlap"]["gold"]) == (3, 3)


def test_plover_quad_follows_the_plover_manual() -> None:
    assert [plover_quad(t) for t in ("AGREE", "CONCEDE", "RETREAT", "REQUEST", "PROTEST")] == [
        1,
        1,
        2,
        3,
        4,
    ]


def test_multicoped_reports_quad_class_and_spans(tmp_path: Path) -> None:
    classes = tmp_path / "class.tsv"
    classes.write_text(
        "Ruritanian troops shelled the border town.\t4\nRuritania and Borduria held talks.\t1\n",
        encoding="utf-8",
    )
    actors = tmp_path / "actors.conll"
    actors.write_text(CONLL, encoding="utf-8")
    report = evaluate_multicoped(classes, sample=None, actors=actors)
    assert report["quad_class_accuracy"] == 1.0
    assert set(report["per_quad"]) == {"1", "4"}
    spans = report["spans"]
    assert spans["sentences"] == 2
    assert spans["source"]["overlap"]["recall"] == 1.0
    assert spans["target"]["overlap"]["gold"] == 2
    assert "actor spans:" in format_report(report)


def test_sentence_text_reads_as_prose() -> None:
    sentence = Sentence(("The", "Vice", "-", "President", "(", "Kenya", ")", "'s", "aide", "."), {})
    assert sentence.text == "The Vice-President (Kenya)'s aide."
    assert [sentence.text[s:e] for s, e in sentence.offsets()] == list(sentence.tokens)


def test_predicted_roles_run_reciprocal_events_both_ways() -> None:
    nlp = event_pipeline()
    doc = nlp("Norway's prime minister held talks with the Swedish foreign minister.")
    roles = predicted_roles(doc, main_event(doc))
    words = {role: sorted(doc.text[s:e] for s, e in spans) for role, spans in roles.items()}
    assert words["source"] == words["target"]
    assert words["source"] == ["Norway's prime minister", "Swedish foreign minister"]


def test_predicted_roles_put_a_pronoun_at_its_antecedent() -> None:
    nlp = event_pipeline()
    doc = nlp("Norway said it had expelled two Russian diplomats.")
    event = main_event(doc)
    assert event is not None and [a.text for a in event.source] == ["it"]
    assert [doc.text[s:e] for s, e in predicted_roles(doc, event)["source"]] == ["Norway"]
