"""The matching rule on hand-made events, without the pipeline."""

from __future__ import annotations

from datetime import date

from flashpoint.cluster.matching import (
    ClusterConfig,
    Item,
    Matcher,
    actors_agree,
    content_words,
    make_cluster_id,
    similarity,
)

CONFIG = ClusterConfig()


def item(
    event_id: str,
    sources: str,
    targets: str = "",
    event_type: str = "ASSAULT",
    day: str | None = "2024-05-10",
    sentence: str = "Russian forces shelled Kharkiv, killing four civilians.",
    **kw: object,
) -> Item:
    quad = {"ASSAULT": 4, "COERCE": 4, "CONSULT": 1, "AGREE": 1, "ACCUSE": 3}[event_type]
    return Item(
        article_id=kw.pop("article_id", event_id),  # type: ignore[arg-type]
        event_id=event_id,
        event_type=event_type,
        quad_class=quad,
        day=date.fromisoformat(day) if day else None,
        sentence=sentence,
        sources=frozenset(sources.split()),
        targets=frozenset(targets.split()),
        **kw,  # type: ignore[arg-type]
    )


def test_content_words_drop_function_words_weekdays_and_plurals() -> None:
    words = content_words("Ukraine's officials said the shelling on Friday killed civilians")
    assert words == {"ukraine", "shelling", "killed", "civilian"}


def test_directed_types_need_the_same_order() -> None:
    assert actors_agree(item("a", "RUS", "UKR"), item("b", "RUS", "UKR"))
    assert not actors_agree(item("a", "RUS", "UKR"), item("b", "UKR", "RUS"))
    assert actors_agree(item("a", "ISR", "LBN"), item("b", "ISR"))  # unknown target
    assert not actors_agree(item("a", "", "LBN"), item("b", "ISR", "LBN"))  # unknown source


def test_reciprocal_types_match_in_either_order_on_both_countries() -> None:
    talks = item("a", "GRC", "TUR", "CONSULT")
    assert actors_agree(talks, item("b", "TUR", "GRC", "CONSULT"))
    assert actors_agree(talks, item("c", "TUR GRC", "TUR GRC", "CONSULT"))
    assert not actors_agree(talks, item("d", "TUR", "CYP", "CONSULT"))


def test_a_target_equal_to_the_source_is_unknown() -> None:
    assert actors_agree(item("a", "PRK", "KOR"), item("b", "PRK", "PRK"))


def test_dates_outside_the_window_and_other_places_never_match() -> None:
    kharkiv = item("a", "RUS", "UKR", places=frozenset({"kharkiv"}))
    assert similarity(kharkiv, item("b", "RUS", "UKR", day="2024-05-11"), CONFIG) is not None
    assert similarity(kharkiv, item("c", "RUS", "UKR", day="2024-05-12"), CONFIG) is None
    dnipro = item("d", "RUS", "UKR", places=frozenset({"dnipro"}))
    assert similarity(kharkiv, dnipro, CONFIG) is None


def test_same_quad_needs_a_more_similar_sentence() -> None:
    shelling = item("a", "RUS", "UKR")
    loose = item("b", "RUS", "UKR", "COERCE", sentence="Russian forces seized a village.")
    close = item("c", "RUS", "UKR", "COERCE", sentence="Russian forces shelled Kharkiv again.")
    assert similarity(shelling, loose, CONFIG) is None
    assert similarity(shelling, close, CONFIG) is not None
    other_quad = item("d", "RUS", "UKR", "ACCUSE")
    assert similarity(shelling, other_quad, CONFIG) is None


def test_matcher_assigns_stable_ids_and_reuses_clusters() -> None:
    matcher = Matcher(CONFIG)
    first, again, other = matcher.assign(
        [
            item("e1", "RUS", "UKR"),
            item("e2", "RUS", "UKR", sentence="Russian troops shelled Kharkiv on Friday."),
            item("e3", "AZE", "ARM", sentence="Azerbaijani troops fired on Armenian posts."),
        ]
    )
    assert first.cluster_id == again.cluster_id == make_cluster_id("e1")
    assert other.cluster_id == make_cluster_id("e3")


def test_near_duplicates_and_actorless_events_join_known_events() -> None:
    matcher = Matcher(CONFIG)
    original = item("e1", "RUS", "UKR", article_id="a1")
    copy = item("e2", "RUS", "UKR", article_id="a2", duplicate_of="a1")
    aftermath = item("e3", "", article_id="a1", sentence="Four civilians died in the shelling.")
    matcher.assign([original, copy, aftermath])
    assert copy.cluster_id == aftermath.cluster_id == original.cluster_id
