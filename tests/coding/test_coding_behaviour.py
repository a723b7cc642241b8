"""How the coder reads the parse: voice, coordination, reciprocity, control, nested and
nominal events, modality, dates and provenance. All sentences are written for the tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from flashpoint.coding.ontology import cameo_codes
from flashpoint.coding.records import CODER_VERSION, Event

Code = Callable[..., list[Event]]
Find = Callable[..., list[Event]]


def names(actors: list) -> set[str | None]:  # type: ignore[type-arg]
    return {a.name or a.text for a in actors}


def test_active_and_passive_voice_give_the_same_roles(code: Code, find: Find) -> None:
    active = find(code("Russian forces shelled the village of Kupiansk."), event_type="ASSAULT")
    passive = find(
        code("The village of Kupiansk was shelled by Russian forces."), event_type="ASSAULT"
    )
    assert active and passive
    assert (
        {a.country for a in active[0].source} == {a.country for a in passive[0].source} == {"RUS"}
    )
    assert [a.text for a in active[0].target] == [a.text for a in passive[0].target] == ["Kupiansk"]


def test_passive_without_agent_has_no_source(code: Code, find: Find) -> None:
    [event] = find(code("The village of Kupiansk was shelled overnight."), event_type="ASSAULT")
    assert event.source == []
    assert [a.text for a in event.target] == ["Kupiansk"]


def test_agentless_arrest_is_by_the_state_where_it_happens(code: Code, find: Find) -> None:
    [event] = find(code("Two Georgian activists were arrested in Armenia."), event_type="COERCE")
    assert {a.country for a in event.source} == {"ARM"}
    assert {a.country for a in event.target} == {"GEO"}


def test_coordinated_subjects_are_all_sources(code: Code, find: Find) -> None:
    [event] = find(
        code("Hungarian and Romanian officials agreed to cooperate."), event_type="AGREE"
    )
    assert {a.country for a in event.source} == {"HUN", "ROU"}


def test_reciprocal_events_run_both_ways(code: Code, find: Find) -> None:
    [talks] = find(code("Serbia and Kosovo held talks in Brussels."), event_type="CONSULT")
    assert {a.country for a in talks.source} == {a.country for a in talks.target} == {"SRB", "XKX"}
    [meeting] = find(code("Macron met Scholz in Berlin."), event_type="CONSULT")
    assert names(meeting.source) == {"Emmanuel Macron"} and names(meeting.target) == {"Olaf Scholz"}


def test_object_control_makes_the_object_the_doer(code: Code, find: Find) -> None:
    events = code("Sergei Lavrov urged Vladimir Putin to withdraw the troops.", "2022-02-15")
    [request] = find(events, event_type="REQUEST")
    assert names(request.source) == {"Sergei Lavrov"} and names(request.target) == {
        "Vladimir Putin"
    }
    assert request.cameo_code == "0256"  # appeal to de-escalate: refined by what is asked
    [withdrawal] = find(events, event_type="RETREAT")
    assert names(withdrawal.source) == {"Vladimir Putin"}
    assert withdrawal.source[0].sector == "GOV"  # a named person keeps his sector
    assert withdrawal.modality == "hypothetical"


def test_subject_control_passes_the_subject_down(code: Code, find: Find) -> None:
    events = code("Turkey threatened to close its airspace to Russian planes.")
    [threat] = find(events, event_type="THREATEN")
    [closure] = find(events, event_type="COERCE")
    assert {a.country for a in threat.source} == {a.country for a in closure.source} == {"TUR"}


def test_nominal_events_take_roles_from_possessor_modifier_and_prepositions(
    code: Code, find: Find
) -> None:
    assert find(
        code("Russia's withdrawal from Kherson surprised analysts."),
        event_type="RETREAT",
        source=["RUS"],
    )
    assert find(
        code("Israeli airstrikes on Gaza continued."),
        event_type="ASSAULT",
        source=["ISR"],
        target=["PSE"],
    )
    assert find(
        code("New sanctions against Iran were announced by Britain."),
        event_type="SANCTION",
        target=["IRN"],
    )


def test_light_verb_subject_is_the_doer_of_its_nominal_event(code: Code, find: Find) -> None:
    [event] = find(code("Hamas launched a rocket attack on Israel."), event_type="ASSAULT")
    assert {a.country for a in event.target} == {"ISR"} and event.source


def test_a_document_stands_for_its_author(code: Code, find: Find) -> None:
    events = code(
        "The Duma passed a resolution asking Putin to recognise the breakaway regions.",
        "2022-02-15",
    )
    [request] = find(events, event_type="REQUEST")
    assert [(a.country, a.sector) for a in request.source] == [("RUS", "LEG")]


def test_several_events_in_one_sentence(code: Code) -> None:
    events = code("Police arrested ten protesters, and the government imposed a curfew in Lagos.")
    assert {(e.event_type, e.mode) for e in events} >= {("COERCE", "arrest"), ("COERCE", "curfew")}


def test_negation_future_hypothetical_and_reported(code: Code, find: Find) -> None:
    assert find(
        code("Belarus did not send troops to Ukraine."), event_type="MOBILIZE", modality="negated"
    )
    assert find(
        code("Belarus will send troops to the border."), event_type="MOBILIZE", modality="future"
    )
    assert find(
        code("Belarus plans to send troops to the border."),
        event_type="MOBILIZE",
        modality="future",
    )
    assert find(
        code("Belarus could send troops to the border."),
        event_type="MOBILIZE",
        modality="hypothetical",
    )
    assert find(
        code("If Belarus sends troops, Poland will close the border."),
        event_type="MOBILIZE",
        modality="hypothetical",
    )
    assert find(
        code("Kyiv said Belarus had sent troops to the border."),
        event_type="MOBILIZE",
        modality="reported",
    )
    assert find(code("Belarus refused to send troops."), event_type="MOBILIZE", modality="negated")


def test_would_is_future_in_reported_speech(code: Code, find: Find) -> None:
    events = code("Chile said it would release the fishermen.")
    assert find(events, event_type="RETREAT", modality="future")
    assert find(events, event_type="AGREE", cameo_code="0353", source=["CHL"])


def test_a_warning_that_another_actor_may_strike_is_not_an_attack(code: Code, find: Find) -> None:
    events = code("Washington warned that Moscow could attack Kyiv.", "2022-02-15")
    [statement] = find(events, source=["USA"])
    assert statement.event_type == "ACCUSE" and {a.country for a in statement.target} == {"RUS"}
    assert not find(events, event_type="ASSAULT", modality="asserted")


def test_own_threat_stays_a_threat(code: Code, find: Find) -> None:
    [threat] = find(code("Iran warned it would strike Israel."), event_type="THREATEN")
    assert {a.country for a in threat.source} == {"IRN"}


def test_dates_resolve_against_the_article_date(code: Code, find: Find) -> None:
    published = "2024-05-15"  # a Wednesday
    cases = {
        "Somali troops attacked the town yesterday.": (date(2024, 5, 14), "day"),
        "Somali troops attacked the town last week.": (date(2024, 5, 8), "week"),
        "Somali troops attacked the town on Monday.": (date(2024, 5, 13), "day"),
        "Somali troops attacked the town in December.": (date(2023, 12, 1), "month"),
        "Somali troops attacked the town on Monday, May 6.": (date(2024, 5, 6), "day"),
        "Somali troops attacked the town.": (date(2024, 5, 15), "day"),
    }
    for text, expected in cases.items():
        [event] = find(code(text, published), event_type="ASSAULT")
        assert (event.event_date, event.date_precision) == expected, text


def test_governing_clause_dates_a_reported_event(code: Code, find: Find) -> None:
    events = code(
        "The ministry announced on February 15 that troops are returning to their bases.",
        "2022-02-16",
    )
    [event] = find(events, event_type="RETREAT")
    assert event.event_date == date(2022, 2, 15) and event.modality == "reported"


def test_event_record_fields(code: Code) -> None:
    text = "Greece expelled two Libyan diplomats. Libya condemned the decision."
    first, second = code(text), code(text)
    assert [e.event_id for e in first] == [e.event_id for e in second]
    [expel, condemn] = sorted(first, key=lambda e: e.char_start)
    assert text[expel.char_start : expel.char_end] == "expelled"
    assert (expel.sentence_index, condemn.sentence_index) == (0, 1)
    assert expel.sentence == "Greece expelled two Libyan diplomats."
    code_row = cameo_codes()[expel.cameo_code]
    assert (expel.cameo_root, expel.quad_class, expel.goldstein) == (
        code_row.root,
        4,
        code_row.goldstein,
    )
    assert condemn.quad_class == 3 and condemn.coder_version == CODER_VERSION
    assert 0 < expel.confidence <= 1 and expel.pattern.startswith("sanction.")


def test_without_actors_stage_named_entities_stand_in(bare_code: Code, find: Find) -> None:
    [event] = find(bare_code("Russia attacked Ukraine."), event_type="ASSAULT")
    assert [(a.text, a.country) for a in event.source] == [("Russia", None)]
    assert [a.text for a in event.target] == ["Ukraine"]
