"""Role fallbacks and lexicon entries added while studying misses: purpose clauses name a
protest's target, a subject the parser strands is still the source, peacekeeping troops
are aid, and an "undertaken" act is done, not promised. Sentences written for the tests."""

from __future__ import annotations

from collections.abc import Callable

from flashpoint.coding.records import Event

Code = Callable[..., list[Event]]
Find = Callable[..., list[Event]]


def countries(actors: list) -> set[str | None]:  # type: ignore[type-arg]
    return {a.country for a in actors}


def test_purpose_clause_names_the_protest_target(code: Code, find: Find) -> None:
    [event] = find(
        code("Kenyan farmers began a hunger strike to protest Uganda's new border tax."),
        event_type="PROTEST",
    )
    assert countries(event.source) == {"KEN"} and countries(event.target) == {"UGA"}


def test_purpose_phrase_names_the_protest_target(code: Code, find: Find) -> None:
    events = find(
        code("Greek dock workers walked out in protest of the Turkish government's decision."),
        event_type="PROTEST",
    )
    assert events and countries(events[0].target) == {"TUR"}


def test_purpose_target_skips_pronouns(code: Code, find: Find) -> None:
    [event] = find(
        code("Chilean students blocked a highway to show their anger at Peru."),
        event_type="PROTEST",
    )
    assert countries(event.target) == {"PER"}


def test_stranded_subject_after_a_fronted_phrase(code: Code, find: Find) -> None:
    [event] = find(
        code(
            "After the signing of a Memorandum of Understanding on Trade, the Chilean "
            "government and the Peruvian government have agreed to reopen the border."
        ),
        event_type="AGREE",
    )
    assert countries(event.source) == {"CHL", "PER"}


def test_peacekeeping_troops_are_aid(code: Code, find: Find) -> None:
    [sent] = find(code("Ghana sent peacekeeping troops to Liberia."), event_type="AID")
    assert sent.cameo_code == "074" and countries(sent.target) == {"LBR"}
    [nominal] = find(
        code("The deployment of Nigerian peacekeeping troops in Liberia began on Monday."),
        event_type="AID",
    )
    assert countries(nominal.source) == {"NGA"}
    assert not find(code("Ghana sent peacekeeping troops to Liberia."), event_type="MOBILIZE")


def test_undertaken_mission_is_done_not_promised(code: Code, find: Find) -> None:
    [event] = find(
        code("The Egyptian envoy undertook a mediation mission between Sudan and Chad."),
        event_type="CONSULT",
    )
    assert event.modality == "asserted"
    assert countries(event.target) == {"SDN", "TCD"}
    assert not find(code("The Egyptian envoy undertook a mediation mission."), event_type="AGREE")


def test_object_may_be_a_conjunct(code: Code, find: Find) -> None:
    [event] = find(
        code("Norway is providing maps and other intelligence to Estonia."),
        event_type="COOPERATE",
    )
    assert countries(event.source) == {"NOR"} and countries(event.target) == {"EST"}


def test_a_warm_welcome_hosts_a_visit(code: Code, find: Find) -> None:
    [event] = find(
        code("The Austrian chancellor gave a warm welcome to the Slovak president."),
        event_type="CONSULT",
    )
    assert event.cameo_code == "043"
    assert countries(event.source) == {"AUT"} and countries(event.target) == {"SVK"}
    assert not find(code("The plan got a cautious welcome."), event_type="CONSULT")


def test_investigation_in_a_country_is_run_by_it(code: Code, find: Find) -> None:
    [event] = find(
        code("A Danish citizen has been placed under investigation in Norway."),
        event_type="ACCUSE",
    )
    assert countries(event.source) == {"NOR"}


def test_building_weapons_against_someone_is_mobilising(code: Code, find: Find) -> None:
    [event] = find(
        code("Syrian militias are building rockets to use against Israel."),
        event_type="MOBILIZE",
    )
    assert event.mode == "weapons" and countries(event.target) == {"ISR"}


def test_a_news_blackout_is_censorship(code: Code, find: Find) -> None:
    [event] = find(
        code("The Ethiopian government imposed a news blackout in Tigray."),
        event_type="COERCE",
    )
    assert event.mode == "censor" and countries(event.source) == {"ETH"}


def test_purpose_phrase_names_what_forces_are_readied_against(code: Code, find: Find) -> None:
    [event] = find(
        code("Portugal mobilised army reservists for a possible war against Morocco."),
        event_type="MOBILIZE",
    )
    assert countries(event.target) == {"MAR"}


def test_purpose_target_keeps_coordinated_actors(code: Code, find: Find) -> None:
    [event] = find(
        code(
            "Kenyan farmers began a hunger strike to protest the decisions of Uganda and Tanzania."
        ),
        event_type="PROTEST",
    )
    assert countries(event.target) == {"UGA", "TZA"}


def test_threat_target_from_its_to_clause(code: Code, find: Find) -> None:
    [event] = find(
        code("The militia threatened to deliver heavy blows to Chad and Niger."),
        event_type="THREATEN",
    )
    assert countries(event.target) == {"TCD", "NER"}


def test_allowing_inspectors_back_is_access(code: Code, find: Find) -> None:
    events = code("Libya said it would allow the return of United Nations weapons inspectors.")
    [access] = find(events, event_type="RETREAT")
    assert access.mode == "access" and access.cameo_code == "0862"
    [intent] = find(events, event_type="AGREE")
    assert countries(intent.source) == {"LBY"} and countries(intent.target) == {"UN"}
