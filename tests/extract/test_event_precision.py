"""Events a reader would call wrong or doubled, on invented sentences: one act is one event,
what is published is not released, an invitation is an intent to meet, a place named in a
source's clause is not where the event went."""

from __future__ import annotations

import pytest

from newsgraph import Processor
from newsgraph.schema import Article, Event

pytestmark = pytest.mark.model


def _events(processor: Processor, text: str) -> list[Event]:
    # one sentence, shorter than ingest accepts as an article
    (result,) = list(processor.process([Article(id="precision", text=text)]))
    return list(result.events)


def _spans(event: Event) -> tuple[list[str], list[str]]:
    return [a.text for a in event.actor_spans], [r.text for r in event.recipient_spans]


@pytest.mark.parametrize(
    ("text", "trigger", "event_type"),
    [
        ("Castavia provided military assistance to Ardenia.", "provided", "AID"),
        ("Castavia will not provide military assistance to Ardenia.", "provide", "REJECT"),
        ("Ardenia and Castavia signed a trade agreement in Velmora.", "signed", "SUPPORT"),
    ],
)
def test_a_light_verb_and_its_event_noun_are_one_event(
    processor: Processor, text: str, trigger: str, event_type: str
) -> None:
    events = _events(processor, text)
    assert [(e.trigger.text, e.type) for e in events] == [(trigger, event_type)]


def test_the_merged_event_keeps_the_verbs_participants(processor: Processor) -> None:
    (event,) = _events(processor, "Castavia provided military assistance to Ardenia.")
    assert _spans(event) == (["Castavia"], ["Ardenia"])


def test_an_invitation_is_an_intent_to_meet_the_one_invited(processor: Processor) -> None:
    events = _events(processor, "Ardenia invited the Castavian trade envoy to Lutz.")
    assert [(e.type, e.cameo) for e in events] == [("AGREE", "036")]
    assert _spans(events[0]) == (["Ardenia"], ["the Castavian trade envoy"])


def test_the_visit_one_is_invited_to_make_is_not_an_event_of_its_own(
    processor: Processor,
) -> None:
    text = "Ardenia invited the Castavian trade envoy to visit Lutz next month."
    assert [e.trigger.text for e in _events(processor, text)] == ["invited"]


def test_sending_envoys_is_a_visit_not_aid(processor: Processor) -> None:
    (event,) = _events(
        processor, "Ardenia dispatched two senior ministers to Velmora for the funeral."
    )
    assert (event.type, event.mode) == ("CONSULT", "visit")
    assert _spans(event) == (["Ardenia"], ["Velmora"])


def test_a_visit_kicked_off_is_found(processor: Processor) -> None:
    text = "The Ardenian foreign minister kicked off a tour of Castavia on Monday."
    (event,) = _events(processor, text)
    assert (event.type, event.trigger.text) == ("CONSULT", "tour")
    assert _spans(event)[1] == ["Castavia"]


def test_a_place_in_the_sources_clause_is_not_the_recipient(processor: Processor) -> None:
    text = (
        "Ardenia mobilized two frigates, according to a senator who spoke of the generals "
        "in Velmora."
    )
    (event,) = _events(processor, text)
    assert event.type == "MOBILIZE"
    assert event.recipient_spans == ()


def test_a_rejection_restated_by_its_content_is_one_event(processor: Processor) -> None:
    text = "Castavia rejected an invitation to hold talks with the Ardenian envoy in June."
    rejections = [e for e in _events(processor, text) if e.type == "REJECT"]
    assert [e.trigger.text for e in rejections] == ["rejected"]


def test_what_a_letter_threatens_is_addressed_to_whom_it_was_sent(processor: Processor) -> None:
    text = (
        "The Ardenian premier has sent a letter to the head of the Castavian Relief Agency "
        "threatening to pull its money."
    )
    (threat,) = [e for e in _events(processor, text) if e.type == "THREATEN"]
    assert _spans(threat) == (
        ["The Ardenian premier"],
        ["the head of the Castavian Relief Agency"],
    )


@pytest.mark.parametrize(
    "text",
    [
        "Ana Ruiz had 12 rebounds for Velmora, which reached the quarterfinal by beating Lutz "
        "on Friday.",
        "A late touchdown gave the Velmora Wolves a 17-10 lead in the NFL game on Sunday.",
    ],
)
def test_a_game_report_holds_no_political_events(processor: Processor, text: str) -> None:
    assert _events(processor, text) == []


def test_war_games_are_no_game_report(processor: Processor) -> None:
    text = "Ardenian and Castavian troops began war games near Velmora, their coach said."
    assert [e.type for e in _events(processor, text)] == ["COOPERATE"]


@pytest.mark.parametrize(
    "text",
    ["Ardenia refrained from attacking Castavia.", "Ardenia avoided attacking Castavia."],
)
def test_what_one_holds_back_from_did_not_happen(processor: Processor, text: str) -> None:
    (event,) = _events(processor, text)
    assert event.type == "ASSAULT"
    assert event.negated


def test_a_strike_that_killed_is_by_whom_its_by_phrase_names(processor: Processor) -> None:
    text = "Three villagers were killed in a drone strike by Castavian troops near Lutz."
    (event,) = _events(processor, text)
    assert event.type == "ASSAULT"
    assert _spans(event) == (["Castavian troops"], ["Three villagers"])
